"""A small HyP3 RTC_GAMMA and INSAR_GAMMA product set over the sample landscape, in ASF's published layout.

Names follow the GAMMA plugin's ``get_product_name`` (RTC: ``S1x_yy_<start>_<pp><o>_RTC<zz>_G_<defklm>_<id>``
from the source GRD/SLC granule; InSAR: ``S1xy_<ref start>_<sec start>_<pp><o><days>_INT<zz>_G_<def>_<id>``);
each product is a folder of files sharing its name (the GeoTIFF layers, ``<name>.README.md.txt`` with
the README template's sentences, and for InSAR ``<name>.txt`` with the ``Key: value`` lines
``ifm_sentinel`` writes, in its order). A zip holds that folder, as HyP3 delivers it.

:func:`build_hyp3_sample` writes, for the small sample landscape (the Sentinel-1 sample's area, inside
the full one's), four RTC30 products of the ascending track in 2021 (VV and VH gamma0 in linear power,
with speckle; the flood of April and the clear-cut of July as in :mod:`..sample_archive.sentinel1`) and one
12-day INT80 pair (``amp``, ``corr``, ``unw_phase``: a smooth ramp with a 2 cm subsidence bowl over the
town), all as zips, with a STAC ItemCollection (``items.json``, one item per product) beside them.
The writers are also what the tests build their products with.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import numpy as np
import rasterio
from rasterio.transform import from_origin
from scipy import ndimage

from ..runtime import QT_TRANSLATE_NOOP, Cancelled, IsCancelled, TimestackError

__all__ = [
    "Hyp3Sample",
    "build_hyp3_sample",
    "ensure_hyp3_sample",
    "insar_name",
    "rtc_granule",
    "rtc_name",
    "slc_granule",
    "write_insar_product",
    "write_rtc_product",
    "zip_product",
]

#: UTM 11N near Ridgecrest (the InSAR notebook's area).
CRS = "EPSG:32611"
ORIGIN = (430000.0, 3960000.0)


def rtc_granule(start: str, platform: str = "A", pol: str = "DV", product: str = "GRDH") -> str:
    """A Sentinel-1 granule name (``S1A_IW_GRDH_1SDV_20180128T161201_20180128T161226_020358_022CBA_5BD3``)
    starting at ``start`` (``YYYYMMDDTHHMMSS``)."""
    stop = (dt.datetime.strptime(start, "%Y%m%dT%H%M%S") + dt.timedelta(seconds=25)).strftime("%Y%m%dT%H%M%S")
    kind = f"{product}_" if len(product) == 4 else f"{product}__"
    return f"S1{platform}_IW_{kind}1S{pol}_{start}_{stop}_020358_022CBA_5BD3"


def slc_granule(start: str, platform: str = "A", pol: str = "DV") -> str:
    """An IW SLC granule name starting at ``start``."""
    return rtc_granule(start, platform, pol, "SLC")


def rtc_name(
    granule: str, spacing: int = 30, options: str = "gpuned", product_id: str = "FD6A", orbit="P"
) -> str:
    """The RTC product name of ``granule`` (``hyp3_gamma.rtc.rtc_sentinel.get_product_name``)."""
    start, pols = granule[17:32], granule[14:16]
    return f"{granule[0:3]}_{granule[4:6]}_{start}_{pols}{orbit}_RTC{spacing}_G_{options}_{product_id}"


def insar_name(
    reference: str, secondary: str, spacing: int = 80, mask: str = "u", product_id: str = "4D09"
) -> str:
    """The InSAR product name of a pair (``hyp3_gamma.insar.ifm_sentinel.get_product_name``)."""
    days = abs((_start(secondary) - _start(reference)).days)
    pols = reference[15:16] + secondary[15:16]
    return (
        f"S1{reference[2]}{secondary[2]}_{reference[17:32]}_{secondary[17:32]}_{pols}P{days:03}_INT{spacing}_G_"
        f"{mask}eF_{product_id}"
    )


def _start(granule: str) -> dt.datetime:
    return dt.datetime.strptime(granule[17:32], "%Y%m%dT%H%M%S")


def _write_tif(path: Path, data: np.ndarray, spacing: float, origin, crs: str, nodata) -> None:
    data = data if data.ndim == 3 else data[None]
    profile = dict(
        driver="GTiff", width=data.shape[2], height=data.shape[1], count=data.shape[0], dtype=data.dtype.name,
        crs=crs, transform=from_origin(*origin, spacing, spacing), nodata=nodata, tiled=True,
        blockxsize=256, blockysize=256, compress="deflate",
    )  # fmt: skip
    with rasterio.open(path, "w", **profile) as dataset:
        dataset.write(data)
        dataset.update_tags(AREA_OR_POINT="Area")


def _projection(crs: str) -> str:
    """The README's name of a WGS 84 / UTM ``crs`` (``EPSG:32611`` -> ``WGS 84 / UTM zone 11N``)."""
    code = int(crs.split(":")[-1])
    return f"WGS 84 / UTM zone {code % 100}{'N' if code < 32700 else 'S'}"


def _readme_rtc(
    name: str, granule: str, spacing: int, radiometry: str, scale: str, dem: str, looks: int, crs: str = CRS
) -> str:
    """The sentences of ``metadata/templates/rtc/readme.md.txt.j2`` the reader looks for, rendered."""
    return f"""ASF RTC Data Package (GAMMA)
============================

This folder contains Radiometric Terrain Corrected (RTC) products and their associated files. This data was processed by ASF DAAC HyP3 2023 using the hyp3_gamma plugin version 6.4.0 running GAMMA release 20220630. They are projected to {_projection(crs)}, and the pixel spacing is {spacing} m.

Processing Date/Time: 2023-05-02T17:48:18+00:00

The folder and each of its contents all share the same base name, using the following convention:
```
S1x_yy_aaaaaaaaTbbbbbb_ppo_RTCzz_u_defklm_ssss
```

The source granule used to generate the products contained in this folder is:
{granule}

## 1. Radiometric Terrain Corrected data files

These files have been processed to output {radiometry} {scale}. They have a pixel spacing of {spacing} meters.

## 3. DEM used to correct the data

The DEM used for this product is {dem}. The DEM has a native pixel spacing of 30 meters. 

2. If required, data is multi-looked to the desired number of looks. This product used {looks} look(s).

Metadata version: 6.4.0
"""  # noqa: E501, W291


def _readme_insar(reference: str, secondary: str, spacing: int, crs: str = CRS) -> str:
    """The opening of ``metadata/templates/insar/readme.md.txt.j2``, rendered."""
    return f"""ASF InSAR Data Package (GAMMA)
==============================

This folder contains SAR Interferometry (InSAR) products and their associated files. This data was processed by ASF DAAC HyP3 2023 using the hyp3_gamma plugin version 6.4.0 running GAMMA release 20220630. Files are projected to {_projection(crs)}, and the pixel spacing is {spacing} m.

The source granules for this InSAR product are:
 - Reference: {reference}
 - Secondary: {secondary}

Processing Date/Time: 2023-05-02T18:02:41+00:00
"""  # noqa: E501


def _parameters(
    reference: str, secondary: str, baseline: float, heading: float, spacing: int, dem: str
) -> str:
    """``<name>.txt`` as ``hyp3_gamma.insar.ifm_sentinel`` writes it (the same keys, in the same order)."""
    looks = (20, 4) if spacing == 80 else (10, 2)
    lines = [
        ("Reference Granule", reference),
        ("Secondary Granule", secondary),
        ("Reference Pass Direction", "DESCENDING"),
        ("Reference Orbit Number", "30741"),
        ("Secondary Pass Direction", "DESCENDING"),
        ("Secondary Orbit Number", "31091"),
        ("Baseline", baseline),
        ("UTC time", 12360.691361),
        ("Heading", heading),
        ("Spacecraft height", 700618.6318999995),
        ("Earth radius at nadir", 6370250.0667),
        ("Slant range near", 799517.4338),
        ("Slant range center", 879794.1404),
        ("Slant range far", 960070.8469),
        ("Range looks", looks[0]),
        ("Azimuth looks", looks[1]),
        ("INSAR phase filter", "adf"),
        ("Phase filter parameter", 0.6),
        ("Resolution of output (m)", spacing),
        ("Range bandpass filter", "no"),
        ("Azimuth bandpass filter", "no"),
        ("DEM source", dem),
        ("DEM resolution (m)", spacing * 2),
        ("Unwrapping type", "mcf"),
        ("Phase at reference point", -4.21967),
        ("Azimuth line of the reference point in SAR space", 2737.0),
        ("Range pixel of the reference point in SAR space", 739.0),
        ("Y coordinate of the reference point in the map projection", 4112453.3223),
        ("X coordinate of the reference point in the map projection", 589307.6248),
        ("Latitude of the reference point (WGS84)", 37.1542125),
        ("Longitude of the reference point (WGS84)", 40.00574707),
        ("Unwrapping threshold", "none"),
        ("Speckle filter", "no"),
    ]
    return "".join(f"{key}: {value}\n" for key, value in lines)


def zip_product(folder: Path, target: Optional[Path] = None) -> Path:
    """``folder`` zipped as HyP3 delivers it (``<name>.zip`` holding ``<name>/<files>``)."""
    target = target or folder.with_suffix(".zip")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, f"{folder.name}/{path.relative_to(folder)}")
    return target


def write_rtc_product(
    root: Path,
    granule: str,
    layers: dict[str, np.ndarray],
    *,
    spacing: int = 30,
    origin=ORIGIN,
    crs: str = CRS,
    options: str = "gpuned",
    product_id: str = "FD6A",
    dem: str = "GLO-30",
    looks: int = 3,
    readme: bool = True,
    as_zip: bool = False,
) -> Path:
    """An RTC product folder (or zip, the folder then removed) with ``layers`` (``VV`` -> 2-D float32)."""
    name = rtc_name(granule, spacing, options, product_id)
    folder = Path(root) / name
    folder.mkdir(parents=True)
    for layer, data in layers.items():
        nodata = 0 if data.dtype.kind == "f" else None
        _write_tif(folder / f"{name}_{layer}.tif", data, spacing, origin, crs, nodata)
    (folder / f"{name}.log").write_text("INFO Starting RTC processing\n")
    if readme:
        radiometry = {"g": "gamma0", "s": "sigma0"}[options[0]]
        scale = {"p": "power", "d": "decibel", "a": "amplitude"}[options[1]]
        text = _readme_rtc(name, granule, spacing, radiometry, scale, dem, looks, crs)
        (folder / f"{name}.README.md.txt").write_text(text)
    return _maybe_zip(folder, as_zip)


def write_insar_product(
    root: Path,
    reference: str,
    secondary: str,
    layers: dict[str, np.ndarray],
    *,
    spacing: int = 80,
    origin=ORIGIN,
    crs: str = CRS,
    baseline: float = 58.3898,
    heading: float = 193.2939317,
    product_id: str = "4D09",
    dem: str = "GLO-30",
    as_zip: bool = False,
) -> Path:
    """An InSAR product folder (or zip) of the pair with ``layers`` (``unw_phase`` -> 2-D float32)."""
    name = insar_name(reference, secondary, spacing, product_id=product_id)
    folder = Path(root) / name
    folder.mkdir(parents=True)
    for layer, data in layers.items():
        nodata = 0 if data.dtype.kind == "f" else None
        _write_tif(folder / f"{name}_{layer}.tif", data, spacing, origin, crs, nodata)
    ref, sec = reference.replace(".SAFE", ""), secondary.replace(".SAFE", "")
    (folder / f"{name}.txt").write_text(_parameters(ref, sec, baseline, heading, spacing, dem))
    (folder / f"{name}.README.md.txt").write_text(_readme_insar(ref, sec, spacing, crs))
    return _maybe_zip(folder, as_zip)


def _maybe_zip(folder: Path, as_zip: bool) -> Path:
    if not as_zip:
        return folder
    target = zip_product(folder)
    for path in sorted(folder.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    folder.rmdir()
    return target


#: Acquisition starts of the sample's RTC products (ascending track 137, 12-day repeat): before, during
#: and after the flood, and after the clear-cut.
RTC_STARTS = ("20210328T021140", "20210421T021140", "20210515T021140", "20210714T021140")
#: The InSAR pair (reference, secondary), 12 days apart before the flood.
INSAR_PAIR = ("20210316T021140", "20210328T021140")
SUBSIDENCE_M = 0.02
WAVELENGTH_M = 0.05546576
STAMP = "hyp3_sample.json"
#: Bumped whenever what is written changes, so cached copies are rebuilt.
GENERATOR_VERSION = 1
ENTRIES = frozenset({"rtc", "insar", "items.json", STAMP})


@dataclass(frozen=True)
class Hyp3Sample:
    """Where a built HyP3 sample is: the RTC and InSAR product zips and their STAC ItemCollection."""

    root: Path
    rtc: tuple
    insar: tuple
    item_collection: Path


def _item(product: Path, kind: str, start: dt.datetime, bounds: tuple, epsg: int, root: Path) -> dict:
    from ..sample_archive.sentinel1 import _lonlat_box

    corners = _lonlat_box(bounds, epsg)
    lons, lats = [c[0] for c in corners], [c[1] for c in corners]
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": ["https://stac-extensions.github.io/projection/v1.0.0/schema.json"],
        "id": product.stem,
        "geometry": {"type": "Polygon", "coordinates": [[*[list(c) for c in corners], list(corners[0])]]},
        "bbox": [min(lons), min(lats), max(lons), max(lats)],
        "links": [],
        "properties": {
            "datetime": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "platform": "sentinel-1a",
            "processing:software": {"hyp3_gamma": "6.4.0"},
            "hyp3:job_type": kind,
            "proj:epsg": epsg,
            "proj:bbox": list(bounds),
        },
        "assets": {
            "product": {
                "href": str(root / product.relative_to(product.parents[1])),
                "type": "application/zip",
                "title": f"HyP3 {kind} product as ASF delivers it",
                "roles": ["data"],
            }
        },
    }


def build_hyp3_sample(
    out_dir: str | os.PathLike, variant: str = "small", is_cancelled: Optional[IsCancelled] = None
) -> Hyp3Sample:
    """Write the HyP3 sample over the ``variant`` landscape into ``out_dir`` (``rtc/*.zip``,
    ``insar/*.zip``, ``items.json``), atomically; an older HyP3 sample there is replaced, any other
    non-empty folder refused (OUTPUT_FOLDER)."""
    from ..sample_archive.landscape import build_landscape
    from ..sample_archive.recipe import load_recipe
    from ..sample_archive.sentinel1 import FLOOD_DISTANCE_M, LOOKS, backscatter_db
    from ..sample_archive.stac import validate_item_dict, write_item_collection
    from ..sample_archive.stands import AGRICULTURE, CONIFER, URBAN, WATER

    root = Path(out_dir).resolve()
    if root.exists() and (not root.is_dir() or not set(os.listdir(root)) <= ENTRIES):
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "OUTPUT_FOLDER: {0} holds other files; choose an empty folder for the HyP3 sample."
            ),
            "OUTPUT_FOLDER",
            args=(root,),
        )  # fmt: skip
    recipe = load_recipe(variant)
    landscape = build_landscape(recipe)
    epsg = int(recipe.common["epsg"])
    crs = f"EPSG:{epsg}"
    x0, size, _, y0, _, _ = recipe.geotransform
    spacing = int(round(size))
    land = landscape.landcover
    rows, cols = land.shape
    bounds = (x0, y0 - rows * size, x0 + cols * size, y0)
    flooded = (land == AGRICULTURE) & (
        ndimage.distance_transform_edt(land != WATER) * size <= FLOOD_DISTANCE_M
    )
    candidates = [
        (int((landscape.stand_index == index).sum()), index)
        for index, stand in enumerate(landscape.stands)
        if stand.landcover == CONIFER and stand.event_type is None
    ]
    cut = landscape.stand_index == max(candidates)[1]
    tmp = root.parent / f".{root.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    items, rtc, insar = [], [], []
    try:
        (tmp / "rtc").mkdir(parents=True)
        (tmp / "insar").mkdir()
        for number, start in enumerate(RTC_STARTS):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled(f"HyP3 sample cancelled; {root} left unchanged")
            when = dt.datetime.strptime(start, "%Y%m%dT%H%M%S")
            rng = np.random.default_rng([int(recipe.variant["seed"]), 2, number])
            layers = {}
            for index, layer in enumerate(("VV", "VH")):
                level = backscatter_db(land, flooded, cut, when.date(), index)
                power = 10.0 ** (level / 10.0) * landscape.texture
                layers[layer] = np.maximum(rng.gamma(LOOKS, power / LOOKS), 1e-6).astype(np.float32)
            product = write_rtc_product(
                tmp / "rtc", rtc_granule(start), layers, spacing=spacing, origin=(x0, y0), crs=crs,
                product_id=f"{0xA100 + number:04X}", as_zip=True,
            )  # fmt: skip
            rtc.append(root / "rtc" / product.name)
            items.append(_item(product, "RTC_GAMMA", when, bounds, epsg, root))
        # InSAR at 80 m: the landscape's cells under each 80 m pixel centre
        n_rows, n_cols = int(rows * size // 80), int(cols * size // 80)
        centre_rows = ((np.arange(n_rows) + 0.5) * 80 / size).astype(int)
        centre_cols = ((np.arange(n_cols) + 0.5) * 80 / size).astype(int)
        coarse = land[np.ix_(centre_rows, centre_cols)]
        yy, xx = np.mgrid[0:n_rows, 0:n_cols].astype(np.float64)
        town = ndimage.gaussian_filter((coarse == URBAN).astype(np.float64), 2.0)
        town = town / town.max() if town.max() > 0 else town
        displacement = SUBSIDENCE_M * town  # metres towards the ground, most over the town
        phase = 0.02 * xx + 0.01 * yy - 4.0 * np.pi * displacement / WAVELENGTH_M
        water = coarse == WATER
        rng = np.random.default_rng([int(recipe.variant["seed"]), 3])
        corr = np.where(water, 0.15, np.where(coarse == CONIFER, 0.45, 0.8)) + rng.normal(
            0, 0.03, coarse.shape
        )
        unchanged = np.zeros(coarse.shape, bool)
        amp = np.sqrt(10.0 ** (backscatter_db(coarse, unchanged, unchanged, dt.date(2021, 3, 16), 0) / 10.0))
        layers = {
            "amp": amp.astype(np.float32),
            "corr": np.clip(corr, 0.01, 1.0).astype(np.float32),
            "unw_phase": np.where(water, 0.0, phase).astype(np.float32),
        }
        reference, secondary = (slc_granule(start) for start in INSAR_PAIR)
        product = write_insar_product(
            tmp / "insar", reference, secondary, layers, origin=(x0, y0), crs=crs, as_zip=True
        )
        insar.append(root / "insar" / product.name)
        items.append(_item(product, "INSAR_GAMMA", _start(reference), bounds, epsg, root))
        for item in items:
            validate_item_dict(item)
        write_item_collection(tmp / "items.json", items)
        stamp = {"generator": GENERATOR_VERSION, "digest": recipe.digest(), "root": str(root)}
        (tmp / STAMP).write_text(json.dumps(stamp), encoding="utf-8")
        if root.exists():
            shutil.rmtree(root)
        os.replace(tmp, root)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return Hyp3Sample(root, tuple(rtc), tuple(insar), root / "items.json")


def ensure_hyp3_sample(
    out_dir: str | os.PathLike, variant: str = "small", is_cancelled: Optional[IsCancelled] = None
) -> Hyp3Sample:
    """The HyP3 sample in ``out_dir`` if it is current (its stamp says so), else built."""
    from ..sample_archive.recipe import load_recipe

    root = Path(out_dir).resolve()
    try:
        stamp = json.loads((root / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stamp = {}
    if stamp == {"generator": GENERATOR_VERSION, "digest": load_recipe(variant).digest(), "root": str(root)}:
        return Hyp3Sample(
            root,
            tuple(sorted((root / "rtc").glob("*.zip"))),
            tuple(sorted((root / "insar").glob("*.zip"))),
            root / "items.json",
        )
    return build_hyp3_sample(root, variant, is_cancelled=is_cancelled)

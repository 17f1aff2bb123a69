"""Sentinel-1 RTC scenes over the sample landscape: two tracks, gamma speckle, a flood and a clear-cut.

A companion to the Landsat archive, written beside it (never into it, so the Landsat archive and every
test that counts its items stay as they are): the same landscape (:mod:`.landscape`, the recipe's grid)
seen by Sentinel-1 in 2021 from an ascending and a descending track, every 12 days, as Planetary
Computer publishes ``sentinel-1-rtc``: float32 COGs of gamma0 in linear power at 10 m with nodata
-32768, assets ``vv`` and ``vh``, items with the STAC ``sar``, ``sat``, ``projection`` and ``raster``
extensions (validated offline) in a collection of their own.

Backscatter per land cover is typical C-band gamma0 (forest VV -9 dB / VH -15 dB, fields -12/-19 dB,
open water -24/-31 dB, town -4/-12 dB), the descending track 1 dB darker (another incidence), times
the landscape's texture, times fully developed speckle: gamma distributed with PC's equivalent number
of looks (4.4), seeded per scene. Two known changes, in ``truth/``:

- a flood: the fields within 120 m of the lake are open water from 2021-04-10 to 2021-05-10
  (low backscatter in both polarisations);
- a clear-cut: the largest forest stand the Landsat recipe leaves undisturbed is cut on 2021-07-01
  (VV drops to bare-soil levels, VH more).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import numpy as np
from osgeo import gdal, osr
from scipy import ndimage

from ..runtime import Cancelled, IsCancelled, Progress
from .landscape import build_landscape
from .recipe import load_recipe
from .stac import validate_item_dict, write_item_collection
from .stands import AGRICULTURE, CONIFER, URBAN, WATER

__all__ = [
    "RTC_PROPERTIES",
    "Sentinel1Sample",
    "backscatter_db",
    "build_sentinel1_sample",
    "ensure_sentinel1_sample",
]

STAMP_NAME = "sentinel1_sample.json"
#: Bumped whenever what is written changes, so cached copies are rebuilt.
GENERATOR_VERSION = 1
NODATA = -32768.0
LOOKS = 4.4
PIXEL = 10.0
#: What every Planetary Computer ``sentinel-1-rtc`` item of a Sentinel-1A IW GRD scene says, whatever its
#: pass (the tests' catalog builds its items on the same values).
RTC_PROPERTIES = {
    "platform": "SENTINEL-1A",
    "constellation": "Sentinel-1",
    "s1:orbit_source": "RESORB",
    "s1:resolution": "high",
    "s1:product_timeliness": "Fast-24h",
    "s1:processing_level": "1",
    "s1:instrument_configuration_ID": "7",
    "sat:platform_international_designator": "2014-016A",
    "sar:frequency_band": "C",
    "sar:center_frequency": 5.405,
    "sar:observation_direction": "right",
    "sar:instrument_mode": "IW",
    "sar:product_type": "GRD",
    "sar:resolution_range": 20,
    "sar:resolution_azimuth": 22,
    "sar:pixel_spacing_range": 10,
    "sar:pixel_spacing_azimuth": 10,
    "sar:looks_range": 5,
    "sar:looks_azimuth": 1,
    "sar:looks_equivalent_number": LOOKS,
}
#: (relative orbit, orbit state, first acquisition) of the two tracks, 12-day repeat through 2021.
TRACKS = (
    (137, "ascending", dt.datetime(2021, 3, 4, 2, 11, 40)),
    (115, "descending", dt.datetime(2021, 3, 9, 14, 22, 5)),
)
LAST_DAY = dt.date(2021, 10, 31)
#: gamma0 (linear) per land cover: (VV, VH)
LEVELS_DB = {CONIFER: (-9.0, -15.0), AGRICULTURE: (-12.0, -19.0), WATER: (-24.0, -31.0), URBAN: (-4.0, -12.0)}
CLEARCUT_DB = (-13.0, -22.0)
FLOOD = (dt.date(2021, 4, 10), dt.date(2021, 5, 10))
FLOOD_DISTANCE_M = 120.0
CLEARCUT_DAY = dt.date(2021, 7, 1)
DESCENDING_OFFSET_DB = -1.0
TITLES = {"vv": "VV: vertical transmit, vertical receive", "vh": "VH: vertical transmit, horizontal receive"}
EXTENSIONS = [
    "https://stac-extensions.github.io/sar/v1.0.0/schema.json",
    "https://stac-extensions.github.io/sat/v1.0.0/schema.json",
    "https://stac-extensions.github.io/projection/v1.0.0/schema.json",
    "https://stac-extensions.github.io/raster/v1.0.0/schema.json",
]


@dataclass(frozen=True)
class Sentinel1Sample:
    """Where the parts of a built Sentinel-1 sample are (absolute paths)."""

    root: Path
    item_collection: Path
    collection: Path
    flood: Path
    clearcut: Path
    events: Path
    crs: str


def backscatter_db(
    land: np.ndarray, flooded: np.ndarray, cut: np.ndarray, day: dt.date, index: int
) -> np.ndarray:
    """The sample's noise-free backscatter (dB) on ``day`` for polarisation ``index`` (0 = VV, 1 = VH):
    each land cover's level, the clear-cut from its day on and open water over the flood while it lasts.
    The HyP3 companion draws its products from the same levels, so both tell the same story."""
    level = np.zeros(land.shape, np.float64)
    for cover, pair in LEVELS_DB.items():
        level[land == cover] = pair[index]
    if day >= CLEARCUT_DAY:
        level[cut] = CLEARCUT_DB[index]
    if FLOOD[0] <= day <= FLOOD[1]:
        level[flooded] = LEVELS_DB[WATER][index]
    return level


def _layout(root: Path, epsg: int) -> Sentinel1Sample:
    return Sentinel1Sample(
        root=root,
        item_collection=root / "catalog" / "items.json",
        collection=root / "collection.json",  # at the root: the scenes' folder is the catalog's
        flood=root / "truth" / "flood.tif",
        clearcut=root / "truth" / "clearcut.tif",
        events=root / "truth" / "events.json",
        crs=f"EPSG:{epsg}",
    )


def _write(
    path: Path, array: np.ndarray, transform: tuple, epsg: int, nodata: Optional[float], cog: bool
) -> None:
    kind = gdal.GDT_Float32 if array.dtype == np.float32 else gdal.GDT_Byte
    memory = gdal.GetDriverByName("MEM").Create("", array.shape[1], array.shape[0], 1, kind)
    memory.SetGeoTransform(transform)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    memory.SetProjection(srs.ExportToWkt())
    band = memory.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(array)
    options = (
        ["COMPRESS=DEFLATE", "PREDICTOR=YES", "BLOCKSIZE=256", "NUM_THREADS=1"]
        if cog
        else ["COMPRESS=DEFLATE"]
    )
    gdal.GetDriverByName("COG" if cog else "GTiff").CreateCopy(str(path), memory, options=options)


def _lonlat_box(bounds: tuple, epsg: int) -> list:
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(epsg)
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    xmin, ymin, xmax, ymax = bounds
    corners = [
        transform.TransformPoint(x, y)[:2]
        for x, y in ((xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax))
    ]
    return corners


def _acquisitions() -> list:
    """(time, relative orbit, orbit state) of every pass, in time order."""
    passes = []
    for orbit, state, first in TRACKS:
        when = first
        while when.date() <= LAST_DAY:
            passes.append((when, orbit, state))
            when += dt.timedelta(days=12)
    return sorted(passes)


def _item(when: dt.datetime, orbit: int, state: str, hrefs: dict, bounds: tuple, epsg: int, shape: tuple,
          transform: tuple, collection_href: str) -> dict:  # fmt: skip
    """A PC ``sentinel-1-rtc`` item for one pass (ids, properties and assets in PC's shape)."""
    absolute = 73 + (orbit - 1) + 175 * 210  # Sentinel-1A: relative = (absolute - 73) mod 175 + 1
    end = when + dt.timedelta(seconds=25)
    stamp = "%Y%m%dT%H%M%S"
    identifier = f"S1A_IW_GRDH_1SDV_{when:{stamp}}_{end:{stamp}}_{absolute:06d}_{absolute % 65536:06X}_rtc"
    corners = _lonlat_box(bounds, epsg)
    lons, lats = [c[0] for c in corners], [c[1] for c in corners]
    iso = "%Y-%m-%dT%H:%M:%S.%fZ"
    assets = {
        key: {
            "href": href,
            "type": "image/tiff; application=geotiff; profile=cloud-optimized",
            "title": TITLES[key],
            "roles": ["data"],
            "raster:bands": [{"nodata": NODATA, "data_type": "float32", "spatial_resolution": PIXEL}],
        }
        for key, href in hrefs.items()
    }
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": EXTENSIONS,
        "id": identifier,
        "collection": "sentinel-1-rtc",
        "geometry": {"type": "Polygon", "coordinates": [[*[list(c) for c in corners], list(corners[0])]]},
        "bbox": [min(lons), min(lats), max(lons), max(lats)],
        "links": [{"rel": "collection", "href": collection_href, "type": "application/json"}],
        "properties": {
            "datetime": (when + dt.timedelta(seconds=12.5)).strftime(iso),
            "start_datetime": when.strftime(iso),
            "end_datetime": end.strftime(iso),
            **RTC_PROPERTIES,
            "proj:epsg": epsg,
            "proj:bbox": list(bounds),
            "proj:shape": list(shape),
            "proj:transform": [transform[1], 0.0, transform[0], 0.0, transform[5], transform[3]],
            "s1:datatake_id": str(absolute % 65536),
            "sat:orbit_state": state,
            "sat:absolute_orbit": absolute,
            "sat:relative_orbit": orbit,
            "sar:polarizations": ["VV", "VH"],
        },
        "assets": assets,
    }


def _collection(items: list) -> dict:
    times = [item["properties"]["datetime"] for item in items]
    boxes = np.array([item["bbox"] for item in items])
    return {
        "type": "Collection",
        "id": "sentinel-1-rtc",
        "stac_version": "1.0.0",
        "stac_extensions": EXTENSIONS[:2],
        "title": "Sentinel 1 Radiometrically Terrain Corrected (RTC) — Timestack sample",
        "description": "Synthetic Sentinel-1 RTC gamma0 (linear power) over the Timestack sample landscape, "
        "in the shape Planetary Computer publishes: two tracks, speckle, a flood and a clear-cut.",
        "license": "CC-BY-4.0",
        "links": [],
        "extent": {
            "spatial": {"bbox": [[*boxes[:, :2].min(axis=0).tolist(), *boxes[:, 2:].max(axis=0).tolist()]]},
            "temporal": {"interval": [[min(times), max(times)]]},
        },
        "summaries": {
            "sat:orbit_state": ["ascending", "descending"],
            "sat:relative_orbit": sorted({item["properties"]["sat:relative_orbit"] for item in items}),
            "sar:polarizations": [["VV", "VH"]],
            "sar:instrument_mode": ["IW"],
        },
    }


def _truth(landscape, factor: int):
    """(flooded, cut, cut stand id) on the 10 m grid."""
    land = np.kron(landscape.landcover, np.ones((factor, factor), np.uint8))
    stands = np.kron(landscape.stand_index, np.ones((factor, factor), np.int32))
    distance = ndimage.distance_transform_edt(land != WATER) * PIXEL
    flooded = (land == AGRICULTURE) & (distance <= FLOOD_DISTANCE_M)
    candidates = [
        (int((stands == index).sum()), index)
        for index, stand in enumerate(landscape.stands)
        if stand.landcover == CONIFER and stand.event_type is None
    ]
    _, chosen = max(candidates)
    return land, flooded, stands == chosen, landscape.stands[chosen].stand_id


def build_sentinel1_sample(
    out_dir: str | os.PathLike,
    variant: str = "small",
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
) -> Sentinel1Sample:
    """Write the Sentinel-1 sample of the ``variant`` landscape into ``out_dir`` (replaced whole, through
    a temporary sibling folder; cancel leaves it as it was)."""
    recipe = load_recipe(variant)
    report = progress or (lambda _percent, _message: None)
    cancelled = is_cancelled or (lambda: False)
    root = Path(out_dir).resolve()
    epsg = int(recipe.common["epsg"])
    x0, size, _, y0, _, _ = recipe.geotransform
    factor = int(round(size / PIXEL))
    landscape = build_landscape(recipe)
    land, flooded, cut, cut_stand = _truth(landscape, factor)
    rows, cols = land.shape
    transform = (x0, PIXEL, 0.0, y0, 0.0, -PIXEL)
    bounds = (x0, y0 - rows * PIXEL, x0 + cols * PIXEL, y0)
    texture = np.kron(landscape.texture, np.ones((factor, factor), np.float32))
    layout = _layout(root, epsg)
    tmp = root.parent / f".{root.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        (tmp / "catalog").mkdir(parents=True)
        (tmp / "truth").mkdir()
        _write(tmp / "truth" / "flood.tif", flooded.astype(np.uint8), transform, epsg, None, cog=False)
        _write(tmp / "truth" / "clearcut.tif", cut.astype(np.uint8), transform, epsg, None, cog=False)
        events = {
            "flood": {"start": FLOOD[0].isoformat(), "end": FLOOD[1].isoformat(), "raster": "flood.tif",
                      "what": f"fields within {FLOOD_DISTANCE_M:g} m of the lake are open water"},
            "clearcut": {"date": CLEARCUT_DAY.isoformat(), "raster": "clearcut.tif", "stand_id": cut_stand},
            "levels_db": {"conifer": LEVELS_DB[CONIFER], "agriculture": LEVELS_DB[AGRICULTURE],
                          "water": LEVELS_DB[WATER], "urban": LEVELS_DB[URBAN], "clearcut": CLEARCUT_DB},
            "descending_offset_db": DESCENDING_OFFSET_DB,
            "looks": LOOKS,
        }  # fmt: skip
        (tmp / "truth" / "events.json").write_text(json.dumps(events, indent=1), encoding="utf-8")
        passes = _acquisitions()
        items = []
        for number, (when, orbit, state) in enumerate(passes):
            if cancelled():
                raise Cancelled(f"Sentinel-1 sample build cancelled; {root} left unchanged")
            day = when.date()
            offset = DESCENDING_OFFSET_DB if state == "descending" else 0.0
            rng = np.random.default_rng([int(recipe.variant["seed"]), 1, number])
            hrefs = {}
            folder_name = f"GRD/{when:%Y/%m/%d}/IW/DV/S1A_{when:%Y%m%dT%H%M%S}_{orbit:03d}"
            (tmp / folder_name).mkdir(parents=True)
            for index, key in enumerate(("vv", "vh")):
                level = backscatter_db(land, flooded, cut, day, index)
                power = 10.0 ** ((level + offset) / 10.0) * texture
                speckled = rng.gamma(LOOKS, power / LOOKS).astype(np.float32)
                path = f"{folder_name}/iw-{key}.rtc.tiff"
                _write(tmp / path, speckled, transform, epsg, NODATA, cog=True)
                hrefs[key] = str(root / path)
            item = _item(when, orbit, state, hrefs, bounds, epsg, (rows, cols), transform,
                         str(layout.collection))  # fmt: skip
            validate_item_dict(item)
            items.append(item)
            report(95.0 * (number + 1) / len(passes), f"scene {item['id']}")
        (tmp / "collection.json").write_text(json.dumps(_collection(items), indent=1), encoding="utf-8")
        write_item_collection(tmp / "catalog" / "items.json", items)
        stamp = {
            "generator": GENERATOR_VERSION,
            "digest": recipe.digest(),
            "root": str(root),
            "items": len(items),
        }
        (tmp / STAMP_NAME).write_text(json.dumps(stamp), encoding="utf-8")
        if root.exists():
            if not (root / STAMP_NAME).is_file() and any(root.iterdir()):
                raise FileExistsError(
                    f"{root} holds files that are not a Sentinel-1 sample; choose another folder"
                )
            shutil.rmtree(root)
        tmp.rename(root)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    report(100.0, f"Sentinel-1 sample ({variant}, {len(items)} scenes) ready in {root}")
    return layout


def ensure_sentinel1_sample(
    out_dir: str | os.PathLike,
    variant: str = "small",
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
) -> Sentinel1Sample:
    """The Sentinel-1 sample in ``out_dir`` if it is current, else built."""
    recipe = load_recipe(variant)
    root = Path(out_dir).resolve()
    try:
        stamp = json.loads((root / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stamp = {}
    current = (stamp.get("generator"), stamp.get("digest"), stamp.get("root"))
    if current == (GENERATOR_VERSION, recipe.digest(), str(root)):
        return _layout(root, int(recipe.common["epsg"]))
    return build_sentinel1_sample(root, variant, progress=progress, is_cancelled=is_cancelled)

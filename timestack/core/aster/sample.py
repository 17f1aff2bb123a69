"""Synthetic ASTER L1T scenes over the sample archive's landscape, written as Planetary Computer publishes
``aster-l1t`` and catalogued as valid STAC, with their ground truth.

Each scene has the three subsystems as multi-band COGs of DNs on one UTM extent — VNIR (bands 1, 2, 3N;
15 m, uint8), SWIR (4-9; 30 m, uint8), TIR (10-14; 90 m, uint16), named ``<scene>-VNIR.tif`` … as
stactools-aster writes them — and a STAC item in its shape (``eo:bands``, ``raster:bands`` with nodata 0,
``proj:*`` per asset, ``eo:cloud_cover``, the quadrant cloud covers, ``view:sun_elevation``).

The physics is the inverse of :mod:`.calibration`, so what :func:`.scene.run_aster_scenes` returns can be
measured against the truth: surface reflectance from the landscape (ETM+ terms: green -> band 1, red -> 2,
nir -> 3N, swir1 -> 4, swir2 -> 5-9, with a clay absorption in band 6 over bare fields and a carbonate
absorption in band 8 over town), no atmosphere, so TOA reflectance = surface reflectance; radiance
``L = ρ · ESUN · cos θs / (π d²)``; DN = round(L / UCC + 1) at normal gain. The TIR sees a black body
whose temperature is set per land cover and season, so the brightness temperature is that temperature.
Truth per scene: ``truth/<scene>_temperature.tif`` (K, 90 m) and ``truth/<scene>_ndvi.tif`` (15 m, from the
noise-free reflectance). The small landscape's 2002 clear-cut lies between the 2001 and 2003 scenes.

This is separate from :func:`..sample_archive.build_sample_archive` (its outputs are unchanged): call
:func:`build_aster_sample` for a folder of its own.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import numpy as np

from ..runtime import QT_TRANSLATE_NOOP, Cancelled, IsCancelled, TimestackError
from .calibration import (
    C1,
    C2,
    EFFECTIVE_WAVELENGTH_UM,
    ESUN,
    RESOLUTION_M,
    SUBSYSTEMS,
    UNIT_CONVERSION,
    earth_sun_distance,
)

__all__ = ["ACQUISITIONS", "AsterSample", "build_aster_sample", "land_temperature"]

#: (acquisition time, sun elevation, cloud cover) of the sample scenes; Terra passes at about 10:30.
ACQUISITIONS = (
    (dt.datetime(2001, 7, 14, 18, 32, 41), 64.0, 3.0),
    (dt.datetime(2003, 7, 20, 18, 33, 5), 63.0, 8.0),
    (dt.datetime(2005, 8, 27, 18, 30, 52), 54.0, 12.0),
)
STAMP = "aster_sample.json"
ENTRIES = frozenset({"aster-l1t", "collection.json", "items.json", "truth", STAMP})
_COG = "image/tiff; application=geotiff; profile=cloud-optimized"
_EXTENSIONS = [
    f"https://stac-extensions.github.io/{n}/v1.0.0/schema.json"
    for n in ("eo", "raster", "projection", "view")
]
_CENTER = {
    "1": 0.56, "2": 0.66, "3N": 0.82, "4": 1.65, "5": 2.165, "6": 2.205, "7": 2.26, "8": 2.339, "9": 2.395,
    "10": 8.3, "11": 8.65, "12": 9.11, "13": 10.6, "14": 11.3,
}  # fmt: skip
_COMMON = {
    "1": "green",
    "2": "red",
    "3N": "nir08",
    "4": "swir16",
    "5": "swir22",
    "6": "swir22",
    "7": "swir22",
}
#: Land-cover temperatures (K) on a mid-July afternoon: conifer, agriculture, water, urban (codes 1-4).
_TEMPERATURE = {1: 294.0, 2: 301.0, 3: 288.0, 4: 306.0}


@dataclass(frozen=True)
class AsterSample:
    """Where a built ASTER sample is."""

    root: Path
    item_collection: Path
    scenes: tuple
    truth_dir: Path


def land_temperature(landcover: np.ndarray, when: dt.date) -> np.ndarray:
    """Surface temperature (K) per land cover, 4 K cooler per month from mid-July."""
    season = 4.0 * abs((when - dt.date(when.year, 7, 15)).days) / 30.0
    table = np.zeros(256, dtype=np.float64)
    for code, kelvin in _TEMPERATURE.items():
        table[code] = kelvin
    return table[landcover] - season


def _planck(temperature: np.ndarray, band: str) -> np.ndarray:
    wavelength = EFFECTIVE_WAVELENGTH_UM[band]
    return C1 / (wavelength**5 * (np.exp(C2 / (wavelength * temperature)) - 1.0))


def _aster_reflectance(etm: np.ndarray, landcover: np.ndarray) -> dict:
    """ASTER bands 1-9 from the landscape's reflectance (its ``BANDS``: coastal, blue, green, red, nir08,
    swir16, swir22)."""
    from ..sample_archive.landscape import BANDS

    green, red, nir, swir1, swir2 = (
        etm[BANDS.index(name)] for name in ("green", "red", "nir08", "swir16", "swir22")
    )
    bands = {"1": green, "2": red, "3N": nir, "4": swir1}
    clay = np.where(landcover == 2, 0.85, 1.0)  # Al-OH absorption near 2.2 µm over fields
    carbonate = np.where(landcover == 4, 0.8, 1.0)  # CO3 absorption near 2.33 µm in town (concrete)
    for band, factor in (("5", 1.0), ("6", clay), ("7", 1.0), ("8", carbonate), ("9", 0.95)):
        bands[band] = swir2 * factor
    return bands


def _dn(radiance: np.ndarray, band: str, top: int) -> np.ndarray:
    return np.clip(np.rint(radiance / UNIT_CONVERSION[band]["NOR"] + 1.0), 1, top - 1)


def _write(path: Path, bands: list, res: float, x0: float, y0: float, epsg: int, dtype: str, names) -> None:
    from osgeo import gdal, osr

    rows, cols = bands[0].shape
    memory = gdal.GetDriverByName("MEM").Create("", cols, rows, len(bands), gdal.GetDataTypeByName(dtype))
    memory.SetGeoTransform((x0, res, 0.0, y0, 0.0, -res))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    memory.SetProjection(srs.ExportToWkt())
    for number, (data, name) in enumerate(zip(bands, names), start=1):
        band = memory.GetRasterBand(number)
        band.WriteArray(data)
        band.SetNoDataValue(0)
        band.SetDescription(name)
    options = ["COMPRESS=DEFLATE", "PREDICTOR=2", "BLOCKSIZE=128", "OVERVIEW_COUNT=0", "NUM_THREADS=1"]
    gdal.GetDriverByName("COG").CreateCopy(str(path), memory, options=options)


def _truth(path: Path, data: np.ndarray, res: float, x0: float, y0: float, epsg: int, name: str) -> None:
    from osgeo import gdal, osr

    rows, cols = data.shape
    memory = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, gdal.GDT_Float32)
    memory.SetGeoTransform((x0, res, 0.0, y0, 0.0, -res))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    memory.SetProjection(srs.ExportToWkt())
    memory.GetRasterBand(1).WriteArray(data.astype(np.float32))
    memory.GetRasterBand(1).SetDescription(name)
    gdal.GetDriverByName("GTiff").CreateCopy(str(path), memory, options=["COMPRESS=DEFLATE", "TILED=YES"])


def _collection(items: list) -> dict:
    """The ``aster-l1t`` collection of the sample's items (extent from theirs)."""
    west, south = min(i["bbox"][0] for i in items), min(i["bbox"][1] for i in items)
    east, north = max(i["bbox"][2] for i in items), max(i["bbox"][3] for i in items)
    times = sorted(i["properties"]["datetime"] for i in items)
    return {
        "type": "Collection",
        "stac_version": "1.0.0",
        "id": "aster-l1t",
        "title": "ASTER L1T (Timestack sample)",
        "description": "Synthetic ASTER L1T scenes in Planetary Computer's aster-l1t layout (AST_L1T v003).",
        "license": "proprietary",
        "extent": {
            "spatial": {"bbox": [[west, south, east, north]]},
            "temporal": {"interval": [[times[0], times[-1]]]},
        },
        "links": [],
    }


def _item(scene: str, when: dt.datetime, sun: float, cloud: float, folder: Path, bounds, epsg: int) -> dict:
    from rasterio.warp import transform

    x0, y0, x1, y1 = bounds
    ring_x, ring_y = [x0, x1, x1, x0, x0], [y1, y1, y0, y0, y1]
    lons, lats = transform(f"EPSG:{epsg}", "EPSG:4326", ring_x, ring_y)
    assets = {}
    for subsystem, bands in SUBSYSTEMS.items():
        res = RESOLUTION_M[subsystem]
        size = int(round((x1 - x0) / res))
        dtype = "uint16" if subsystem == "TIR" else "uint8"
        assets[subsystem] = {
            "href": str(folder / f"{scene}-{subsystem}.tif"),
            "type": _COG,
            "title": f"{subsystem} Swath data",
            "roles": ["data"],
            "eo:bands": [
                {
                    "name": f"{subsystem}_Band{b}",
                    **({"common_name": _COMMON[b]} if b in _COMMON else {}),
                    "center_wavelength": _CENTER[b],
                }
                for b in bands
            ],  # fmt: skip
            "proj:shape": [size, size],
            "proj:bbox": [x0, y0, x1, y1],
            "proj:transform": [float(res), 0.0, x0, 0.0, -float(res), y1, 0.0, 0.0, 1.0],
            "raster:bands": [
                {"nodata": 0, "data_type": dtype, "spatial_resolution": res, "name": f"{subsystem}_Band{b}"}
                for b in bands
            ],
        }
    properties = {
        "datetime": when.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "aster:processing_number": scene.rsplit("_", 1)[1],
        "platform": "terra",
        "instruments": ["aster"],
        "eo:cloud_cover": cloud,
        "view:sun_azimuth": 135.0,
        "view:sun_elevation": sun,
        "view:off_nadir": 0.0,
        "proj:epsg": epsg,
        **{
            f"aster:{q}_quad_cloud_cover": cloud
            for q in ("upper_left", "upper_right", "lower_left", "lower_right")
        },
    }
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": _EXTENSIONS,
        "id": scene,
        "collection": "aster-l1t",
        "geometry": {"type": "Polygon", "coordinates": [[[lon, lat] for lon, lat in zip(lons, lats)]]},
        "bbox": [min(lons), min(lats), max(lons), max(lats)],
        "properties": properties,
        "links": [
            {
                "rel": "collection",
                "href": str(folder.parent.parent / "collection.json"),
                "type": "application/json",
            }
        ],
        "assets": assets,
    }


def _scene_id(when: dt.datetime, number: int) -> str:
    return f"AST_L1T_003{when:%m%d%Y%H%M%S}_20150503105520_{70000 + number}"


def build_aster_sample(
    out_dir: str | os.PathLike, variant: str = "small", is_cancelled: Optional[IsCancelled] = None
) -> AsterSample:
    """Write the ASTER scenes of :data:`ACQUISITIONS` over the sample landscape ``variant`` into
    ``out_dir`` (``aster-l1t/<scene>/``, ``items.json`` beside them, ``truth/``), atomically; an older ASTER
    sample there is replaced, any other non-empty folder refused (OUTPUT_FOLDER)."""
    from ..sample_archive import validate_item_dict
    from ..sample_archive.landscape import build_landscape, surface_reflectance
    from ..sample_archive.recipe import load_recipe

    root = Path(out_dir).resolve()
    if root.exists() and (not root.is_dir() or not set(os.listdir(root)) <= ENTRIES):
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "OUTPUT_FOLDER: {0} holds other files; choose an empty folder for the ASTER sample."
            ),
            "OUTPUT_FOLDER",
            args=(root,),
        )  # fmt: skip
    recipe = load_recipe(variant)
    landscape = build_landscape(recipe)
    epsg = int(recipe.common["epsg"])
    x0, size, _, y1, _, _ = recipe.geotransform
    # the SWIR grid is the landscape's (30 m); a multiple of 3 pixels so the 90 m TIR fits exactly
    n = (min(recipe.shape) // 3) * 3
    bounds = (x0, y1 - n * size, x0 + n * size, y1)
    landcover = landscape.landcover[:n, :n]
    tmp = root.parent / f".{root.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    scenes = []
    try:
        (tmp / "truth").mkdir(parents=True)
        items = []
        for number, (when, sun, cloud) in enumerate(ACQUISITIONS):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled(f"ASTER sample cancelled; {root} left unchanged")
            scene = _scene_id(when, number)
            folder = tmp / "aster-l1t" / scene
            folder.mkdir(parents=True)
            etm = surface_reflectance(landscape, when.date())[:, :n, :n].astype(np.float64)
            rho = _aster_reflectance(etm, landcover)
            factor = math.cos(math.radians(90.0 - sun)) / (math.pi * earth_sun_distance(when.date()) ** 2)
            vnir = {b: np.repeat(np.repeat(rho[b], 2, axis=0), 2, axis=1) for b in SUBSYSTEMS["VNIR"]}
            layers = {
                "VNIR": [
                    _dn(vnir[b] * ESUN[b] * factor, b, 255).astype(np.uint8) for b in SUBSYSTEMS["VNIR"]
                ],
                "SWIR": [_dn(rho[b] * ESUN[b] * factor, b, 255).astype(np.uint8) for b in SUBSYSTEMS["SWIR"]],
            }
            temperature = (
                land_temperature(landcover, when.date()).reshape(n // 3, 3, n // 3, 3).mean(axis=(1, 3))
            )
            layers["TIR"] = [
                _dn(_planck(temperature, b), b, 4095).astype(np.uint16) for b in SUBSYSTEMS["TIR"]
            ]
            for subsystem, data in layers.items():
                names = [f"ImageData{b} {subsystem}_Swath" for b in SUBSYSTEMS[subsystem]]
                dtype = "UInt16" if subsystem == "TIR" else "Byte"
                path = folder / f"{scene}-{subsystem}.tif"
                _write(path, data, RESOLUTION_M[subsystem], x0, y1, epsg, dtype, names)
            ndvi = (vnir["3N"] - vnir["2"]) / (vnir["3N"] + vnir["2"])
            _truth(tmp / "truth" / f"{scene}_temperature.tif", temperature, 90, x0, y1, epsg, "temperature_k")
            _truth(tmp / "truth" / f"{scene}_ndvi.tif", ndvi, 15, x0, y1, epsg, "ndvi")
            item = _item(scene, when, sun, cloud, root / "aster-l1t" / scene, bounds, epsg)
            validate_item_dict(item)  # raises pystac's STACValidationError on an invalid item
            items.append(item)
            scenes.append(scene)
        (tmp / "collection.json").write_text(json.dumps(_collection(items), indent=1), encoding="utf-8")
        collection = {"type": "FeatureCollection", "features": items}
        (tmp / "items.json").write_text(json.dumps(collection, indent=1), encoding="utf-8")
        (tmp / STAMP).write_text(json.dumps({"variant": variant, "scenes": scenes}), encoding="utf-8")
        if root.exists():
            shutil.rmtree(root)
        os.replace(tmp, root)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return AsterSample(root, root / "items.json", tuple(scenes), root / "truth")

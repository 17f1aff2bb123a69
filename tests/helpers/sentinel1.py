"""Sentinel-1 RTC items as Planetary Computer publishes them (collection ``sentinel-1-rtc``), with real
COGs when asked, so searches and radar stacks run on the shapes of the real catalog.

The item shape follows PC's published items and its collection template: assets ``vv``/``vh`` (or
``hh``/``hv``) as float32 COGs of gamma0 in linear power with nodata -32768 at 10 m; properties from the
STAC ``sar`` (``sar:polarizations``, ``sar:instrument_mode``, ``sar:frequency_band``...), ``sat``
(``sat:orbit_state``, ``sat:relative_orbit``, ``sat:absolute_orbit``) and ``s1`` namespaces; ids
``S1A_IW_GRDH_1SDV_<start>_<end>_<absolute orbit>_<datatake>_rtc``; no ``eo:cloud_cover``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Optional, Sequence

import numpy as np
import rasterio
from affine import Affine
from rasterio.warp import transform_bounds

from timestack.core.sample_archive.sentinel1 import RTC_PROPERTIES

__all__ = [
    "NODATA", "RES", "SIZE", "UTM", "X0", "Y0",
    "rtc_collection", "rtc_item", "write_items", "write_rtc_scene",
]  # fmt: skip

#: PC's RTC nodata (collection ``item_assets`` ``raster:bands``).
NODATA = -32768.0
#: A small grid in UTM 31N (the Netherlands, around 5.3 E 52.0 N): 48 x 48 pixels of 10 m.
UTM = "EPSG:32631"
X0, Y0, SIZE, RES = 660000.0, 5766000.0, 48, 10.0
ASSET_TITLES = {
    "vv": "VV: vertical transmit, vertical receive",
    "vh": "VH: vertical transmit, horizontal receive",
    "hh": "HH: horizontal transmit, horizontal receive",
    "hv": "HV: horizontal transmit, vertical receive",
}
COG = "image/tiff; application=geotiff; profile=cloud-optimized"


def absolute_orbit(relative: int, cycle: int = 280) -> int:
    """An absolute orbit of Sentinel-1A on ``relative``: relative = (absolute - 73) mod 175 + 1."""
    return 73 + (relative - 1) + 175 * cycle


def rtc_item(
    when: str,
    relative_orbit: int,
    orbit_state: str,
    *,
    polarizations: Sequence[str] = ("VV", "VH"),
    hrefs: Optional[dict] = None,
    bounds: Optional[tuple] = None,
    crs: str = UTM,
    shape: tuple = (SIZE, SIZE),
    datatake: str = "05E9E3",
    seconds: int = 0,
    extra_assets: Optional[dict] = None,
) -> dict:
    """One PC ``sentinel-1-rtc`` item acquired at ``when`` (ISO datetime, UTC) plus ``seconds`` (the
    next frame of a pass starts 25 s later), its footprint ``bounds`` in ``crs`` (default: the small
    grid)."""
    start = dt.datetime.fromisoformat(when.replace("Z", "+00:00")) + dt.timedelta(seconds=seconds)
    end = start + dt.timedelta(seconds=25)
    middle = start + dt.timedelta(seconds=12.5)
    bounds = bounds or (X0, Y0 - SIZE * RES, X0 + SIZE * RES, Y0)
    west, south, east, north = transform_bounds(crs, "EPSG:4326", *bounds, densify_pts=21)
    absolute = absolute_orbit(relative_orbit)
    code = "1SDV" if set(polarizations) == {"VV", "VH"} else ("1SDH" if len(polarizations) == 2 else "1SSV")
    stamp = "%Y%m%dT%H%M%S"
    item_id = f"S1A_IW_GRDH_{code}_{start:{stamp}}_{end:{stamp}}_{absolute:06d}_{datatake}_rtc"
    iso = "%Y-%m-%dT%H:%M:%S.%fZ"
    hrefs = hrefs or {}
    assets = {}
    for polarization in polarizations:
        key = polarization.lower()
        assets[key] = {
            "href": hrefs.get(key, f"https://sentinel1euwestrtc.blob.core.windows.net/sentinel1-grd-rtc/"
                                   f"GRD/{start:%Y/%m/%d}/IW/DV/{item_id}/measurement/iw-{key}.rtc.tiff"),
            "type": COG,
            "title": ASSET_TITLES[key],
            "roles": ["data"],
            "raster:bands": [{"nodata": NODATA, "data_type": "float32", "spatial_resolution": 10}],
        }  # fmt: skip
    assets.update(extra_assets or {})
    transform = Affine(RES, 0, bounds[0], 0, -RES, bounds[3])
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": [
            "https://stac-extensions.github.io/sar/v1.0.0/schema.json",
            "https://stac-extensions.github.io/sat/v1.0.0/schema.json",
            "https://stac-extensions.github.io/projection/v1.0.0/schema.json",
            "https://stac-extensions.github.io/raster/v1.1.0/schema.json",
        ],
        "id": item_id,
        "collection": "sentinel-1-rtc",
        "geometry": {
            "type": "Polygon",
            "coordinates": [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
        },
        "bbox": [west, south, east, north],
        "links": [
            {
                "rel": "derived_from",
                "type": "application/json",
                "href": f"collections/sentinel-1-grd/items/{item_id.replace('_rtc', '')}",
                "title": "Sentinel 1 GRD Item",
            }
        ],
        "properties": {
            "datetime": middle.strftime(iso),
            "start_datetime": start.strftime(iso),
            "end_datetime": end.strftime(iso),
            **RTC_PROPERTIES,
            "proj:epsg": int(crs.split(":")[1]),
            "proj:bbox": list(bounds),
            "proj:shape": list(shape),
            "proj:transform": list(transform)[:6],
            "s1:shape": [shape[1], shape[0]],
            "s1:datatake_id": str(int(datatake, 16)),
            "sat:orbit_state": orbit_state,
            "sat:absolute_orbit": absolute,
            "sat:relative_orbit": relative_orbit,
            "sar:polarizations": list(polarizations),
        },
        "assets": assets,
    }


def rtc_collection() -> dict:
    """PC's ``sentinel-1-rtc`` collection, cut to what a STAC API needs to serve the items."""
    return {
        "type": "Collection",
        "id": "sentinel-1-rtc",
        "stac_version": "1.0.0",
        "title": "Sentinel 1 Radiometrically Terrain Corrected (RTC)",
        "description": "Radiometrically terrain corrected SAR imagery derived from the Sentinel 1 "
        "Level 1 GRD product.",
        "license": "CC-BY-4.0",
        "links": [],
        "stac_extensions": [
            "https://stac-extensions.github.io/sar/v1.0.0/schema.json",
            "https://stac-extensions.github.io/sat/v1.0.0/schema.json",
        ],
        "extent": {
            "spatial": {"bbox": [[-180, -90, 180, 90]]},
            "temporal": {"interval": [["2014-10-10T00:28:21Z", None]]},
        },
        "summaries": {
            "sat:orbit_state": ["ascending", "descending"],
            "sar:instrument_mode": ["IW"],
            "sar:frequency_band": ["C"],
        },
    }


def write_rtc_scene(
    folder,
    when: str,
    relative_orbit: int,
    orbit_state: str,
    gamma0: dict,
    *,
    bounds: Optional[tuple] = None,
    crs: str = UTM,
    seconds: int = 0,
    layover_shadow: Optional[np.ndarray] = None,
) -> dict:
    """Write ``gamma0`` ({"VV": (rows, cols) linear power, NaN = nodata, ...}) as PC-style float32 COGs
    and return the item pointing at them. ``layover_shadow`` (rows, cols; nonzero = layover or shadow)
    adds a ``layover_shadow_mask`` asset."""
    first = next(iter(gamma0.values()))
    rows, cols = first.shape
    bounds = bounds or (X0, Y0 - rows * RES, X0 + cols * RES, Y0)
    transform = Affine(RES, 0, bounds[0], 0, -RES, bounds[3])
    item = rtc_item(
        when, relative_orbit, orbit_state, polarizations=tuple(gamma0), bounds=bounds, crs=crs,
        shape=(rows, cols), seconds=seconds,
    )  # fmt: skip
    scene = Path(folder) / item["id"]
    scene.mkdir(parents=True, exist_ok=True)
    profile = dict(driver="GTiff", width=cols, height=rows, count=1, dtype="float32", crs=crs,
                   transform=transform, nodata=NODATA)  # fmt: skip
    for polarization, values in gamma0.items():
        key = polarization.lower()
        path = scene / f"iw-{key}.rtc.tiff"
        with rasterio.open(path, "w", **profile) as dst:
            dst.write(np.where(np.isfinite(values), values, NODATA).astype(np.float32), 1)
        item["assets"][key]["href"] = str(path)
    if layover_shadow is not None:
        path = scene / "layover-shadow-mask.tiff"
        with rasterio.open(path, "w", **{**profile, "dtype": "uint8", "nodata": None}) as dst:
            dst.write(layover_shadow.astype(np.uint8), 1)
        item["assets"]["layover_shadow_mask"] = {"href": str(path), "type": COG, "roles": ["data", "mask"]}
    return item


def write_items(path, items) -> Path:
    """An ItemCollection JSON of ``items``."""
    path = Path(path)
    path.write_text(json.dumps({"type": "FeatureCollection", "features": list(items)}))
    return path


#: (time, relative orbit, orbit state, polarisations, frame offset in s) of :func:`catalog_items`.
CATALOG_PASSES = (
    ("2023-06-04T17:24:10Z", 88, "ascending", ("VV", "VH"), 0),
    ("2023-06-16T17:24:11Z", 88, "ascending", ("VV", "VH"), 0),
    ("2023-06-28T17:24:11Z", 88, "ascending", ("VV", "VH"), 0),
    ("2023-07-10T17:24:12Z", 88, "ascending", ("VV",), 0),
    ("2023-06-09T05:50:30Z", 37, "descending", ("VV", "VH"), 0),
    ("2023-06-21T05:50:31Z", 37, "descending", ("VV", "VH"), 0),
    ("2023-07-03T05:50:31Z", 37, "descending", ("HH", "HV"), 0),
    ("2023-06-11T17:15:40Z", 161, "ascending", ("VV", "VH"), 0),
    ("2023-06-11T17:15:40Z", 161, "ascending", ("VV", "VH"), 25),
)
#: Around the small grid, in longitude/latitude.
CATALOG_AOI = {
    "type": "Polygon",
    "coordinates": [[[5.2, 51.9], [5.5, 51.9], [5.5, 52.1], [5.2, 52.1], [5.2, 51.9]]],
}


def catalog_items() -> list:
    """PC RTC items of three tracks over the small grid (June-July 2023), hrefs on PC's blob storage:
    mixed polarisations (a VV-only and an HH/HV acquisition) and one pass of two frames."""
    return [
        rtc_item(when, orbit, state, polarizations=pols, seconds=offset)
        for when, orbit, state, pols, offset in CATALOG_PASSES
    ]

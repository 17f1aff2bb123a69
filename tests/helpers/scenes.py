"""Scenes written as real GeoTIFFs on a small UTM 10N grid (40×40 px of 30 m), with the STAC item
that points at them, so a run goes through the same reads, masks and writers as one on downloaded
data.

``write_scene`` writes a Landsat Collection 2 scene (bands, QA_PIXEL, QA_RADSAT) and ``run`` composites
items of them; ``write_hls_granule`` writes an HLS v2.0 granule (L30 or S30) as ``search_earthdata`` lists it;
``CLEAR`` and ``CLOUD`` are the surface reflectance of a clear and a cloudy pixel per band.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import rasterio
from affine import Affine

from timestack.core.composite.annual import annual_composites
from timestack.core.composite.settings import CompositeSettings
from timestack.core.quality.qa import encode_qa_pixel

__all__ = [
    "CLEAR", "CLOUD", "HLS_KEYS", "OFFSET", "RES", "SCALE", "SIZE", "UTM", "X0", "Y0",
    "dn", "july_scenes", "run", "served_items", "write_hls_granule", "write_items", "write_scene",
    "write_tif",
]  # fmt: skip

UTM = "EPSG:32610"
X0, Y0, SIZE, RES = 500010.0, 4999980.0, 40, 30.0
CLEAR = {"blue": 0.03, "green": 0.06, "red": 0.04, "nir08": 0.32, "swir16": 0.16, "swir22": 0.08}
CLOUD = {"blue": 0.45, "green": 0.47, "red": 0.50, "nir08": 0.55, "swir16": 0.40, "swir22": 0.30}
#: HLS v2.0 band numbers per common name: L30 and S30 number the narrow NIR differently (B05, B8A).
HLS_KEYS = {
    "HLSL30": {"blue": "B02", "green": "B03", "red": "B04", "nir08": "B05", "swir16": "B06", "swir22": "B07"},
    "HLSS30": {"blue": "B02", "green": "B03", "red": "B04", "nir08": "B8A", "swir16": "B11", "swir22": "B12"},
}


def stac_item(item_id: str, properties: dict, assets: dict, **extra) -> dict:
    """A STAC item dict without geometry (the scenes' files give the grid); ``extra``: other top-level
    fields (``collection``)."""
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "id": item_id,
        "geometry": None,
        "bbox": None,
        "links": [],
        "properties": properties,
        "assets": assets,
        **extra,
    }


def write_tif(path, data, crs=UTM, transform=None, nodata=None):
    """A one-band GeoTIFF of ``data`` (rows, cols), on the scene grid unless ``transform`` is given."""
    transform = transform or Affine(RES, 0, X0, 0, -RES, Y0)
    profile = dict(
        driver="GTiff",
        width=data.shape[1],
        height=data.shape[0],
        count=1,
        dtype=data.dtype,
        crs=crs,
        transform=transform,
        nodata=nodata,
    )
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data, 1)


def write_hls_granule(folder, collection, granule_id, when, platform, cloud=None, shadow=None):
    """An HLS v2.0 granule as search_earthdata lists it: int16 bands (x 10000, fill -9999) named by band
    number, a uint8 Fmask, no raster:bands metadata."""
    folder = Path(folder) / granule_id
    folder.mkdir(parents=True)
    cloud = np.zeros((SIZE, SIZE), bool) if cloud is None else cloud
    shadow = np.zeros((SIZE, SIZE), bool) if shadow is None else shadow
    assets = {}
    for band, key in HLS_KEYS[collection].items():
        values = np.round(np.where(cloud, CLOUD[band], CLEAR[band]) * 10000).astype(np.int16)
        values[0, 0] = -9999  # fill
        write_tif(folder / f"{granule_id}.{key}.tif", values, nodata=-9999)
        assets[key] = {"href": str(folder / f"{granule_id}.{key}.tif"), "roles": ["data"]}
    low_aerosol = np.uint8(0b01000000)
    fmask = (cloud.astype(np.uint8) << 1) | (shadow.astype(np.uint8) << 3) | low_aerosol
    write_tif(folder / f"{granule_id}.Fmask.tif", fmask.astype(np.uint8), nodata=255)
    assets["Fmask"] = {"href": str(folder / f"{granule_id}.Fmask.tif"), "roles": ["data"]}
    properties = {"datetime": f"{when}T18:40:00Z", "platform": platform}
    return stac_item(granule_id, properties, assets, collection=collection)


#: Landsat Collection 2 surface reflectance: the scale and offset of its DNs and its band files.
SCALE, OFFSET = 2.75e-05, -0.2
BANDS = {
    "blue": "SR_B2",
    "green": "SR_B3",
    "red": "SR_B4",
    "nir08": "SR_B5",
    "swir16": "SR_B6",
    "swir22": "SR_B7",
}


def dn(reflectance):
    return np.round((np.asarray(reflectance) - OFFSET) / SCALE).astype(np.uint16)


def write_scene(
    folder,
    scene_id,
    when,
    reflectance=CLEAR,
    cloud=None,
    platform="landsat-8",
    crs=UTM,
    transform=None,
    skip_assets=(),
    shape=(SIZE, SIZE),
):
    """Write one scene's files and return its STAC item dict. ``cloud``: bool array of cloudy pixels."""
    folder = Path(folder) / scene_id
    folder.mkdir(parents=True)
    cloud = np.zeros(shape, bool) if cloud is None else cloud
    assets = {}
    for key, suffix in BANDS.items():
        values = np.where(
            cloud, CLOUD[key], reflectance[key] if np.ndim(reflectance[key]) else reflectance[key]
        )
        path = folder / f"{scene_id}_{suffix}.TIF"
        write_tif(path, dn(np.broadcast_to(values, shape)), crs, transform, nodata=0)
        assets[key] = {"href": str(path), "raster:bands": [{"scale": SCALE, "offset": OFFSET, "nodata": 0}]}
    qa = encode_qa_pixel({"clear": ~cloud, "cloud": cloud}, {"cloud": np.where(cloud, 3, 1)})
    write_tif(folder / f"{scene_id}_QA_PIXEL.TIF", qa, crs, transform, nodata=1)
    write_tif(folder / f"{scene_id}_QA_RADSAT.TIF", np.zeros(shape, np.uint16), crs, transform)
    assets["qa_pixel"] = {"href": str(folder / f"{scene_id}_QA_PIXEL.TIF"), "raster:bands": [{"nodata": 1}]}
    assets["qa_radsat"] = {"href": str(folder / f"{scene_id}_QA_RADSAT.TIF")}
    for key in skip_assets:
        assets.pop(key)
    return stac_item(scene_id, {"datetime": f"{when}T18:30:00Z", "platform": platform}, assets)


def write_items(path, items):
    path.write_text(json.dumps({"type": "FeatureCollection", "features": items}))
    return path


def run(tmp_path, items, **overrides):
    tmp_path.mkdir(parents=True, exist_ok=True)
    settings = dict(
        items=write_items(tmp_path / "items.json", items),
        output=tmp_path / "out" / "stack.tif",
        start_year=2020,
        end_year=2020,
        workers=2,
    )
    settings.update(overrides)
    return annual_composites(CompositeSettings(**settings))


def july_scenes(folder) -> list:
    """Three clear scenes of July 2020 (5th, 13th, 21st), each a little brighter or darker, written under
    ``folder``: the items a remote-reading test serves."""
    rng = np.random.default_rng(2)
    shades = [{band: value * rng.uniform(0.8, 1.2) for band, value in CLEAR.items()} for _ in range(3)]
    return [
        write_scene(folder, f"LC08_{day:02d}", f"2020-07-{day:02d}", shade)
        for day, shade in zip((5, 13, 21), shades)
    ]


def served_items(folder, url: str, items: list) -> list:
    """``items`` (changed in place) with their asset hrefs on the server at ``url`` that serves ``folder``."""
    for item in items:
        for asset in item["assets"].values():
            asset["href"] = f"{url}/{Path(asset['href']).relative_to(folder).as_posix()}"
    return items

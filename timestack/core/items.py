"""What a STAC item's assets mean: which asset holds a band, how its DNs scale, which is its QA layer.

Compositing, per-scene polygon statistics and scene previews all open the same items, so they resolve
assets here and always pick the same file for the same band. Catalogs name assets differently:
Landsat Collection 2 and Earth Search use common names (``nir08``, ``swir16``), Planetary Computer's
Sentinel-2 the band ids (``B8A``, ``B11``), NASA's HLS per collection (OLI numbering in L30, MSI in
S30). Sentinel-2's nir is B8A (narrow NIR), the closest to Landsat's.

Scale and offset come from the item (``raster:bands``); Sentinel-2 items without them (Planetary
Computer) follow ESA's processing-baseline rule: reflectance = (DN - 1000) / 10000 from baseline 04.00
(25 January 2022), DN / 10000 before (ESA, *Sentinel-2 L2A Product Specification*, PB 04.00 note).
HLS granules listed by CMR carry no ``raster:bands``; their COGs' scaling is HLS's published one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Sequence

__all__ = [
    "ASSET_KEYS",
    "FMASK_KEYS",
    "HLS_ASSET_KEYS",
    "HLS_SCALING",
    "QA_PIXEL_KEYS",
    "QA_RADSAT_KEYS",
    "SCL_KEYS",
    "AssetScaling",
    "asset_scaling",
    "band_asset_key",
    "in_utc",
    "item_time",
    "hls_asset_keys",
    "is_earthdata_granule",
    "pick_asset",
    "sentinel2_offset",
]

#: Canonical band -> the asset keys that hold it, in order of preference.
ASSET_KEYS: Mapping[str, tuple[str, ...]] = {
    "blue": ("blue", "B02"),
    "green": ("green", "B03"),
    "red": ("red", "B04"),
    "nir": ("nir08", "B8A", "nir"),
    "swir1": ("swir16", "B11"),
    "swir2": ("swir22", "B12"),
}
#: HLS v2.0: canonical band -> asset key, per collection.
HLS_ASSET_KEYS: Mapping[str, Mapping[str, str]] = {
    "HLSL30": {"blue": "B02", "green": "B03", "red": "B04", "nir": "B05", "swir1": "B06", "swir2": "B07"},
    "HLSS30": {"blue": "B02", "green": "B03", "red": "B04", "nir": "B8A", "swir1": "B11", "swir2": "B12"},
}
FMASK_KEYS = ("Fmask",)
QA_PIXEL_KEYS = ("qa_pixel",)
QA_RADSAT_KEYS = ("qa_radsat",)
SCL_KEYS = ("scl", "SCL")


@dataclass(frozen=True)
class AssetScaling:
    """reflectance = DN * scale + offset; DN == nodata is missing."""

    scale: float
    offset: float
    nodata: float | None


HLS_SCALING = AssetScaling(1e-4, 0.0, -9999)


def pick_asset(assets: Mapping[str, Any], keys: Sequence[str]) -> Optional[tuple[str, Any]]:
    """``(key, asset)`` of the first of ``keys`` the item has, None if it has none."""
    for key in keys:
        if key in assets:
            return key, assets[key]
    return None


def hls_asset_keys(collection: Optional[str]) -> Optional[Mapping[str, str]]:
    """Band -> asset key for an HLS collection id (``HLSL30``, ``HLSS30.v2.0``...), None for others."""
    collection = str(collection or "")
    return next((keys for name, keys in HLS_ASSET_KEYS.items() if collection.startswith(name)), None)


def band_asset_key(assets: Mapping[str, Any], collection: Optional[str], band: str) -> Optional[str]:
    """The key of the asset holding canonical ``band`` in an item of ``collection``, None if absent.

    Parameters
    ----------
    assets
        The item's assets by key (dicts or ``pystac.Asset``; only the keys are read).
    collection
        The item's collection id; HLS collections number their bands their own way.
    band
        A canonical band: ``blue``, ``green``, ``red``, ``nir``, ``swir1`` or ``swir2``.

    Returns
    -------
    str or None
        The asset key, in :data:`ASSET_KEYS` order of preference.
    """
    hls = hls_asset_keys(collection)
    if hls is not None:
        return hls[band] if hls[band] in assets else None
    found = pick_asset(assets, ASSET_KEYS[band])
    return found[0] if found else None


def in_utc(moment: dt.datetime) -> dt.datetime:
    """An item's time with its zone: STAC times are UTC, so one written without an offset
    (``2000-08-01T18:47:15``, common in hand-made catalogs) is UTC, and sorts and filters with the others."""
    return moment.replace(tzinfo=dt.timezone.utc) if moment.tzinfo is None else moment


def item_time(item: Mapping[str, Any]) -> Optional[dt.datetime]:
    """A STAC item's (a dict's) time: ``datetime``, else the start of its range (``start_datetime``),
    zoned by :func:`in_utc`; None when it has neither. Raises ValueError (quoting it) when the time is not
    ISO 8601."""
    properties = item.get("properties") or {}  # "properties": null is no time either
    when = properties.get("datetime") or properties.get("start_datetime")
    if not when:
        return None
    return in_utc(dt.datetime.fromisoformat(str(when).replace("Z", "+00:00")))


def is_earthdata_granule(item: Mapping[str, Any]) -> bool:
    """Does ``item`` come from NASA Earthdata (an HLS collection, or a CMR granule listed by search)?"""
    return hls_asset_keys(item.get("collection")) is not None or (
        "earthdata:concept_id" in item.get("properties", {})
    )


def sentinel2_offset(processing_baseline: str | None) -> float:
    """Reflectance offset of Sentinel-2 L2A DNs: -0.1 (i.e. -1000 DN) from baseline 04.00, else 0."""
    if not processing_baseline:
        return 0.0
    try:
        major, minor = (int(part) for part in str(processing_baseline).split(".")[:2])
    except ValueError:
        raise ValueError(f"unreadable s2:processing_baseline {processing_baseline!r}") from None
    return -0.1 if (major, minor) >= (4, 0) else 0.0


def asset_scaling(
    asset: Mapping[str, Any], properties: Mapping[str, Any], collection: Optional[str] = None
) -> AssetScaling:
    """Scale, offset and nodata of one STAC asset (dict form).

    ``raster:bands`` first; else HLS's scaling for an HLS ``collection``, else the Sentinel-2 baseline
    rule, else DNs as they are.

    Parameters
    ----------
    asset
        The asset as a dict (``raster:bands`` read when present).
    properties
        The item's properties (platform, ``s2:processing_baseline``).
    collection
        The item's collection id, for HLS granules without ``raster:bands``.

    Returns
    -------
    AssetScaling
        reflectance = DN * scale + offset; DN == nodata is missing.

    Raises
    ------
    ValueError
        For an unreadable ``s2:processing_baseline``.
    """
    bands = asset.get("raster:bands") or [{}]
    first = bands[0]
    nodata = first.get("nodata")
    if "scale" in first or "offset" in first:
        return AssetScaling(float(first.get("scale", 1.0)), float(first.get("offset", 0.0)), nodata)
    if hls_asset_keys(collection) is not None:
        return HLS_SCALING
    if "s2:processing_baseline" in properties or str(properties.get("platform", "")).lower().startswith(
        "sentinel-2"
    ):
        offset = sentinel2_offset(properties.get("s2:processing_baseline"))
        return AssetScaling(1e-4, offset, 0 if nodata is None else nodata)
    return AssetScaling(1.0, 0.0, nodata)

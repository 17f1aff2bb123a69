"""Catalogs a user can pick by name; any other STAC API URL or catalog file works too.

One registry, so the dock, the Processing help and the backends agree on what a name means.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlparse

from ..earthengine.collection_ids import LANDSAT_COLLECTIONS, SENTINEL2_COLLECTION


@dataclass(frozen=True)
class CatalogPreset:
    key: str
    title: str
    #: STAC API root URL, or ``None`` for backends that are not STAC APIs.
    url: Optional[str]
    backend: str
    #: Collections offered first in the dock for this catalog.
    collections: tuple = ()
    note: str = ""


PLANETARY_COMPUTER = CatalogPreset(
    "planetary-computer",
    "Microsoft Planetary Computer",
    "https://planetarycomputer.microsoft.com/api/stac/v1",
    "stac-api",
    ("landsat-c2-l2", "sentinel-2-l2a", "sentinel-1-rtc", "aster-l1t", "sentinel-1-grd"),
    "Asset hrefs are signed with the planetary-computer package (short-lived SAS tokens).",
)
EARTH_SEARCH = CatalogPreset(
    "earth-search",
    "Element84 Earth Search",
    "https://earth-search.aws.element84.com/v1",
    "stac-api",
    ("landsat-c2-l2", "sentinel-2-c1-l2a", "sentinel-2-l2a", "sentinel-1-grd"),
    "Landsat assets are in the requester-pays bucket s3://usgs-landsat: reading them bills your AWS account.",
)
EARTHDATA = CatalogPreset(
    "earthdata",
    "NASA Earthdata (CMR)",
    None,
    "earthdata",
    ("HLSL30", "HLSS30", "AST_L1T", "AST_07XT", "AST_08", "AST_09T", "AST14DEM"),
    "Searching is anonymous; reading granules needs an Earthdata Login "
    "kept in a QGIS authentication configuration.",
)
EARTHENGINE = CatalogPreset(
    "earthengine",
    "Google Earth Engine",
    None,
    "earthengine",
    (*tuple(LANDSAT_COLLECTIONS.values())[::-1], SENTINEL2_COLLECTION),
    "Needs an authenticated earthengine-api and a Google Cloud project.",
)

PRESETS = (PLANETARY_COMPUTER, EARTH_SEARCH, EARTHDATA, EARTHENGINE)


def preset(key_or_url: str) -> Optional[CatalogPreset]:
    """The preset named ``key_or_url``, or whose URL has the same host, else ``None``."""
    text = (key_or_url or "").strip()
    for candidate in PRESETS:
        if text.lower() == candidate.key:
            return candidate
    host = urlparse(text).netloc.lower()
    for candidate in PRESETS:
        if host and candidate.url and urlparse(candidate.url).netloc == host:
            return candidate
    return None

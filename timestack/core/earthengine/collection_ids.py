"""The Earth Engine collections Timestack reads: one list for the search, the catalog preset and the
Earth Engine composite (ids as in the Earth Engine data catalog)."""

from __future__ import annotations

from typing import Mapping

__all__ = ["LANDSAT_COLLECTIONS", "SENTINEL2_COLLECTION"]

#: Landsat Collection 2 Tier 1 Level-2 surface reflectance, by STAC platform name, oldest first.
LANDSAT_COLLECTIONS: Mapping[str, str] = {
    "landsat-4": "LANDSAT/LT04/C02/T1_L2",
    "landsat-5": "LANDSAT/LT05/C02/T1_L2",
    "landsat-7": "LANDSAT/LE07/C02/T1_L2",
    "landsat-8": "LANDSAT/LC08/C02/T1_L2",
    "landsat-9": "LANDSAT/LC09/C02/T1_L2",
}

#: Sentinel-2 surface reflectance, harmonised across the 2022 processing-baseline change.
SENTINEL2_COLLECTION = "COPERNICUS/S2_SR_HARMONIZED"

"""ASTER scenes in the Composite tab: a search of Planetary Computer's ``aster-l1t`` has no QA band to
composite, so the tab runs ``timestack:asterscene`` on it instead (one GeoTIFF per scene and subsystem
at 15/30/90 m: radiance and brightness temperature, NDVI and the mineral ratios), into the per-year
folder or an ``aster`` folder beside the stack."""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["ASTER_INDICES_DEFAULT", "aster_parameters", "is_aster_items"]

#: The indices a dock run adds: NDVI from VNIR, the mineral ratios from SWIR.
ASTER_INDICES_DEFAULT = "NDVI, CLAY_4_6, ALUNITE_5_7, CARBONATE_6_8"
SUBSYSTEM_ASSETS = ("VNIR", "SWIR", "TIR")


def is_aster_items(path: str) -> bool:
    """Does the ItemCollection at ``path`` hold ASTER L1T scenes (items with VNIR/SWIR/TIR assets)?
    False for anything unreadable: the composite then reports what is wrong with it."""
    try:
        features = json.loads(Path(path).read_text(encoding="utf-8")).get("features") or []
    except (OSError, ValueError, AttributeError):
        return False
    return any(
        isinstance(item, dict) and any(key in (item.get("assets") or {}) for key in SUBSYSTEM_ASSETS)
        for item in features
    )


def aster_parameters(composite: dict) -> dict:
    """``timestack:asterscene``'s parameters from the Composite tab's: its scenes, area, and the per-year
    folder (else ``aster`` beside the stack) as OUTPUT_FOLDER; radiance, brightness temperature,
    reflectance and the ASTER indices."""
    folder = composite.get("OUTPUT_FOLDER") or str(Path(composite["OUTPUT"]).parent / "aster")
    parameters = {
        "ITEMS": composite["ITEMS"],
        "PRODUCTS": [0, 1, 2],
        "INDICES": ASTER_INDICES_DEFAULT,
        "OUTPUT_FOLDER": folder,
    }
    parameters.update({name: composite[name] for name in ("EXTENT", "AOI") if name in composite})
    return parameters

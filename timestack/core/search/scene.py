"""The scene model every backend returns: pystac Items plus a few read helpers.

Building on :class:`pystac.Item` keeps one model from search to compositing: the ItemCollection
JSON written here is what ``timestack:composite`` reads, whichever catalog the scenes came from.
Earthdata granules and Earth Engine images are converted to Items by their backends.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from ..io.atomic import write_text_atomically
from ..items import in_utc
from .query import SceneQuery

if TYPE_CHECKING:  # pystac is imported by the searches, not when QGIS registers the algorithms
    import pystac

#: Columns of the footprints layer, in order (DESIGN.md: id, collection, platform, datetime, cloud_cover, …).
RECORD_FIELDS = (
    "id", "collection", "platform", "datetime", "doy", "cloud_cover", "epsg", "backend",
    "orbit_state", "relative_orbit", "polarizations", "instrument_mode",
)  # fmt: skip


def scene_datetime(item: pystac.Item) -> Optional[dt.datetime]:
    """Acquisition time (:func:`..items.in_utc`); items with a range (``datetime: null``) use
    ``start_datetime``."""
    import pystac

    when = item.datetime
    if when is None:
        start = item.properties.get("start_datetime")
        when = pystac.utils.str_to_datetime(start) if start else None
    return None if when is None else in_utc(when)


def scene_cloud_cover(item: pystac.Item) -> Optional[float]:
    """``eo:cloud_cover`` in percent (STAC eo extension), or ``None`` when the item has none."""
    value = item.properties.get("eo:cloud_cover")
    return None if value is None else float(value)


def scene_platform(item: pystac.Item) -> Optional[str]:
    return item.properties.get("platform")


def query_accepts(query: SceneQuery, item: pystac.Item) -> bool:
    """Apply the query's client-side filters to one item."""
    return query.accepts(
        item.id,
        scene_datetime(item),
        scene_cloud_cover(item),
        scene_platform(item),
        item.collection_id,
        item.properties,
    )


def scene_record(item: pystac.Item, backend: str) -> dict:
    """One row of the footprints layer."""
    when = scene_datetime(item)
    epsg = item.properties.get("proj:epsg")
    if epsg is None and str(item.properties.get("proj:code", "")).upper().startswith("EPSG:"):
        epsg = int(item.properties["proj:code"].split(":")[1])
    return {
        "id": item.id,
        "collection": item.collection_id or "",
        "platform": scene_platform(item) or "",
        "datetime": when.isoformat() if when else "",
        "doy": when.timetuple().tm_yday if when else None,
        "cloud_cover": scene_cloud_cover(item),
        "epsg": epsg,
        "backend": backend,
        # SAR scenes (STAC sat and sar extensions); empty for optical scenes
        "orbit_state": item.properties.get("sat:orbit_state") or "",
        "relative_orbit": _whole_number(item.properties.get("sat:relative_orbit")),
        "polarizations": ",".join(str(p) for p in item.properties.get("sar:polarizations") or ()),
        "instrument_mode": item.properties.get("sar:instrument_mode") or "",
    }


def _whole_number(value) -> Optional[int]:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def select_scenes(items: Iterable[pystac.Item], query: SceneQuery) -> list:
    """Filter with the query, drop duplicate ids, sort by date and cut to ``max_items``."""
    seen = set()
    kept = []
    for item in items:
        if item.id in seen or not query_accepts(query, item):
            continue
        seen.add(item.id)
        kept.append(item)
    far_past = dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc)
    kept.sort(key=lambda i: (scene_datetime(i) or far_past, i.id), reverse=query.sort == "descending")
    return kept[: query.max_items] if query.max_items else kept


@dataclass
class SearchResult:
    """Scenes found by one backend, and notes the user should read (requester-pays, signing...)."""

    items: list
    backend: str
    catalog: str
    notes: list = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def ids(self) -> list:
        return [item.id for item in self.items]

    def item_collection(self) -> pystac.ItemCollection:
        import pystac

        return pystac.ItemCollection(self.items, clone_items=False)

    def records(self) -> list:
        return [scene_record(item, self.backend) for item in self.items]

    def write_item_collection(self, path) -> Path:
        """Write the ItemCollection JSON atomically (temporary file in the same folder, then rename)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = self.item_collection().to_dict(transform_hrefs=False)
        payload["timestack:search"] = {"backend": self.backend, "catalog": self.catalog, "notes": self.notes}
        return write_text_atomically(path, lambda stream: json.dump(payload, stream))

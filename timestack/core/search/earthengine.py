"""Search Google Earth Engine image collections with earthengine-api, returning images as STAC Items.

The whole query runs server-side as one filtered ``ee.ImageCollection``: ``filterBounds`` (AOI),
``filterDate``, ``ee.Filter.calendarRange(..., "day_of_year")`` (two ranges OR-ed when the window wraps
the new year), a cloud-cover ``lte`` on the collection's own property, excluded ``system:index`` values,
a sort on ``system:time_start`` and ``limit``. Only the listing comes back (``getInfo``), capped at
:data:`MAX_IMAGES` (Earth Engine refuses to list more than 5000 elements in one request).
Property names per collection follow the Earth Engine data catalog (Landsat C2 L2: CLOUD_COVER,
SPACECRAFT_ID; Sentinel-2 SR harmonized: CLOUDY_PIXEL_PERCENTAGE, SPACECRAFT_NAME).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Optional

import pystac
from shapely.geometry import Polygon, mapping, shape

from ..earthengine.collection_ids import LANDSAT_COLLECTIONS, SENTINEL2_COLLECTION
from ..earthengine.login import ensure_initialized
from ..runtime import (
    MISSING_EARTHENGINE,
    QT_TRANSLATE_NOOP,
    Cancelled,
    IsCancelled,
    Message,
    Progress,
    optional_import,
)
from .query import SceneQuery, SearchError
from .scene import SearchResult, select_scenes

MAX_IMAGES = 5000


@dataclass(frozen=True)
class EarthEngineCollection:
    cloud_property: str
    platform_property: str


#: The collections Timestack composites from, newest first; other ids are refused with this list.
COLLECTIONS = {
    **{
        collection_id: EarthEngineCollection("CLOUD_COVER", "SPACECRAFT_ID")
        for collection_id in tuple(LANDSAT_COLLECTIONS.values())[::-1]
    },
    SENTINEL2_COLLECTION: EarthEngineCollection("CLOUDY_PIXEL_PERCENTAGE", "SPACECRAFT_NAME"),
}


def _ee():
    return optional_import("ee", "CATALOG earthengine", "earthengine-api", "CATALOG", MISSING_EARTHENGINE)


def _checked_collections(query: SceneQuery) -> tuple:
    if not query.collections:
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "COLLECTIONS: name Earth Engine collections, e.g. {0}."),
            "COLLECTIONS",
            args=(", ".join(COLLECTIONS),),
        )
    unknown = [c for c in query.collections if c not in COLLECTIONS]
    if unknown:
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "COLLECTIONS: {0} not supported for Earth Engine; use {1}."),
            "COLLECTIONS",
            args=(", ".join(unknown), ", ".join(COLLECTIONS)),
        )
    return query.collections


def build_collection(query: SceneQuery):
    """The filtered, sorted, limited ``ee.ImageCollection`` for ``query`` (no request is made)."""
    ee = _ee()
    merged: Any = None  # an ee.ImageCollection once the first collection is read
    for collection_id in _checked_collections(query):
        spec = COLLECTIONS[collection_id]
        images = (
            ee.ImageCollection(collection_id)
            .filterBounds(ee.Geometry(query.aoi))
            .filterDate(query.start_date.isoformat(), (query.end_date + dt.timedelta(days=1)).isoformat())
        )
        if query.max_cloud is not None:
            images = images.filter(ee.Filter.lte(spec.cloud_property, query.max_cloud))
        if query.exclude_ids:
            # Before the merge: merge() prefixes system:index with the source's number ("1_", "2_").
            images = images.filter(ee.Filter.inList("system:index", sorted(query.exclude_ids)).Not())
        merged = images if merged is None else merged.merge(images)
    if query.filters_doy:
        if query.doy_start <= query.doy_end:
            window = ee.Filter.calendarRange(query.doy_start, query.doy_end, "day_of_year")
        else:
            window = ee.Filter.Or(
                ee.Filter.calendarRange(query.doy_start, 366, "day_of_year"),
                ee.Filter.calendarRange(1, query.doy_end, "day_of_year"),
            )
        merged = merged.filter(window)
    merged = merged.sort("system:time_start", query.sort == "ascending")
    # Platform names are matched here afterwards (Earth Engine spells them LANDSAT_8, Sentinel-2A).
    limit = query.max_items if query.max_items and not query.platforms else MAX_IMAGES
    return merged.limit(min(limit, MAX_IMAGES))


def _platform(value: Optional[str]) -> Optional[str]:
    """LANDSAT_8 → landsat-8 and Sentinel-2A → sentinel-2a, the STAC spelling the query uses."""
    return value.replace("_", "-").lower() if value else None


def image_to_item(image: dict) -> pystac.Item:
    """One image of ``ImageCollection.getInfo()`` as a STAC Item (``earthengine:id`` keeps the asset id)."""
    properties = image.get("properties", {})
    image_id = image["id"]
    collection_id = image_id.rsplit("/", 1)[0]
    spec = COLLECTIONS.get(collection_id)
    footprint = properties.get("system:footprint")
    geometry = None
    if footprint and footprint.get("type") == "LinearRing":
        geometry = Polygon(footprint["coordinates"])
    elif footprint:
        geometry = shape(footprint)
    item_properties = {"earthengine:id": image_id}
    if spec is not None:
        if properties.get(spec.cloud_property) is not None:
            item_properties["eo:cloud_cover"] = float(properties[spec.cloud_property])
        if properties.get(spec.platform_property):
            item_properties["platform"] = _platform(properties[spec.platform_property])
    when = dt.datetime.fromtimestamp(properties["system:time_start"] / 1000.0, tz=dt.timezone.utc)
    return pystac.Item(
        # The asset id's last part, not system:index, which merge() prefixes with "1_", "2_", ...
        id=image_id.rsplit("/", 1)[-1],
        geometry=mapping(geometry) if geometry is not None else None,
        bbox=list(geometry.bounds) if geometry is not None else None,
        datetime=when,
        properties=item_properties,
        collection=collection_id,
    )


def search_earthengine(
    query: SceneQuery,
    *,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
) -> SearchResult:
    """List the images of ``query``; needs an initialised (authenticated) earthengine-api."""
    ee = _ee()
    ensure_initialized(parameter="CATALOG")  # before any ee object is built: building one needs the API
    collection = build_collection(query)
    if progress:
        progress(10.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "Listing Earth Engine images")))
    try:
        info = collection.getInfo()
    except ee.EEException as exc:
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "CATALOG earthengine: the request failed: {0}"),
            "CATALOG",
            args=(exc,),
        ) from exc
    if is_cancelled is not None and is_cancelled():
        raise Cancelled("Search cancelled.")
    if not isinstance(info, dict) or "features" not in info:
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "CATALOG earthengine: unexpected answer {0!r}."),
            "CATALOG",
            args=(str(info)[:100],),
        )
    items = [image_to_item(image) for image in info["features"]]
    notes = []
    if len(items) >= MAX_IMAGES:
        notes.append(f"Earth Engine lists at most {MAX_IMAGES} images at once; narrow the search.")
    result = SearchResult(select_scenes(items, query), "earthengine", "earthengine", notes)
    if progress:
        progress(100.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "{0} images"), len(result)))
    return result

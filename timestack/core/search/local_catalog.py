"""Search local catalog files: ItemCollection JSON, stac-geoparquet and static STAC catalogs.

This is the embedded default backend (the sample archive ships as ItemCollection JSON and
stac-geoparquet), so it needs no network. stac-geoparquet is scanned with ``pyarrow.dataset``:
bbox, datetime, cloud and collection filters are pushed down to the Parquet reader (row-group
statistics prune whole groups), and only matching rows are turned back into STAC Items following
the stac-geoparquet spec (https://github.com/stac-utils/stac-geoparquet/blob/main/spec/stac-geoparquet-spec.md):
top-level columns are item properties, ``geometry`` is WKB, ``bbox`` a struct of xmin/ymin/xmax/ymax.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Iterable, Optional

import pystac
from shapely import wkb
from shapely.geometry import mapping, shape

from ..runtime import QT_TRANSLATE_NOOP, Cancelled, IsCancelled, Message, Progress
from .query import SceneQuery, SearchError
from .scene import SearchResult, select_scenes

PARQUET_SUFFIXES = (".parquet", ".geoparquet", ".stac-geoparquet")
#: Item-level (not property) members of a stac-geoparquet row.
_TOP_LEVEL = (
    "type",
    "stac_version",
    "stac_extensions",
    "id",
    "geometry",
    "bbox",
    "links",
    "assets",
    "collection",
)


def _check_cancel(is_cancelled: Optional[IsCancelled]) -> None:
    if is_cancelled is not None and is_cancelled():
        raise Cancelled("Search cancelled.")


def _absolute_hrefs(item: pystac.Item, base: Path) -> pystac.Item:
    """Resolve relative asset hrefs against the catalog file's folder, so the items can travel."""
    for asset in item.assets.values():
        href = asset.href
        if "://" not in href and not href.startswith("/vsi") and not Path(href).is_absolute():
            asset.href = str((base / href).resolve())
    return item


def _unknown_collections(query: SceneQuery, available: Iterable[str], catalog: str) -> None:
    available = sorted({c for c in available if c})
    unknown = [c for c in query.collections if c not in available]
    if unknown:
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "COLLECTIONS: {0} not in catalog {1}; it holds {2}."),
            "COLLECTIONS",
            args=(", ".join(unknown), catalog, ", ".join(available) or "no collection ids"),
        )


def _intersects(query_shape, geometry: Optional[dict], source: Path, item_id) -> bool:
    if geometry is None:
        return False
    try:
        footprint = shape(geometry)
    except Exception as exc:  # shapely raises several types for what is no GeoJSON geometry
        raise SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "CATALOG {0}: item {1} has a geometry that is not GeoJSON ({2}); fix or remove the item."
            ),
            "CATALOG",
            args=(source, item_id, exc),
        ) from exc  # fmt: skip
    return query_shape.intersects(footprint)


def _items_from_dicts(features: list, source: Path) -> list:
    items = []
    for number, feature in enumerate(features, start=1):
        try:
            items.append(pystac.Item.from_dict(feature, preserve_dict=False))
        except Exception as exc:  # pystac raises KeyError/TypeError/STACTypeError on broken items
            name = feature.get("id", "?") if isinstance(feature, dict) else "?"
            raise SearchError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore", "CATALOG {0}: feature {1} (id {2}) is not a valid STAC Item: {3!r}."
                ),
                "CATALOG",
                args=(source, number, name, exc),
            ) from exc
    return items


def _read_json_catalog(path: Path) -> list:
    """Items of an ItemCollection / FeatureCollection, a single Item, or a static Catalog/Collection."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "CATALOG {0} is not readable JSON: {1}"),
            "CATALOG",
            args=(path, exc),
        ) from exc
    if not isinstance(document, dict):
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "CATALOG {0} is JSON but not a STAC object."),
            "CATALOG",
            args=(path,),
        )
    kind = document.get("type")
    if kind == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list):
            raise SearchError(
                QT_TRANSLATE_NOOP("TimestackCore", "CATALOG {0}: 'features' must be a list of STAC Items."),
                "CATALOG",
                args=(path,),
            )
        return _items_from_dicts(features, path)
    if kind == "Feature":
        return _items_from_dicts([document], path)
    if kind in ("Catalog", "Collection"):
        try:
            root = pystac.Catalog.from_file(str(path))  # a Collection is a Catalog
            items = list(root.get_items(recursive=True))
        except Exception as exc:  # broken links or children raise many pystac error types
            raise SearchError(
                QT_TRANSLATE_NOOP("TimestackCore", "CATALOG {0}: the static catalog cannot be read: {1!r}"),
                "CATALOG",
                args=(path, exc),
            ) from exc
        for item in items:
            item.make_asset_hrefs_absolute()
        return items
    raise SearchError(
        QT_TRANSLATE_NOOP(
            "TimestackCore",
            "CATALOG {0} is neither an ItemCollection, an Item nor a static STAC catalog (type {1!r})."
        ),
        "CATALOG",
        args=(path, kind),
    )  # fmt: skip


def _search_json(
    path: Path, query: SceneQuery, progress: Optional[Progress], is_cancelled: Optional[IsCancelled]
) -> list:
    items = _read_json_catalog(path)
    _check_cancel(is_cancelled)
    _unknown_collections(query, (i.collection_id for i in items), str(path))
    if progress:
        progress(
            50.0,
            Message(QT_TRANSLATE_NOOP("TimestackCore", "{0} items read from {1}"), len(items), path.name),
        )
    area = shape(query.aoi)
    return [_absolute_hrefs(i, path.parent) for i in items if _intersects(area, i.geometry, path, i.id)]


def _drop_nulls(value):
    """stac-geoparquet stores the union of all items' keys; a key absent from one item reads as null."""
    if isinstance(value, dict):
        return {k: _drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_nulls(v) for v in value]
    return value


def _json_value(value):
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return pystac.utils.datetime_to_str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def row_to_item_dict(row: dict) -> dict:
    """One stac-geoparquet row (as ``Table.to_pylist`` gives it) back to a STAC Item dict."""
    row = _drop_nulls(row)
    geometry = row.get("geometry")
    if isinstance(geometry, (bytes, bytearray)):
        geometry = json.loads(json.dumps(mapping(wkb.loads(bytes(geometry)))))
    bbox = row.get("bbox")
    if isinstance(bbox, dict):
        bbox = [bbox["xmin"], bbox["ymin"], bbox["xmax"], bbox["ymax"]]
    properties = {k: _json_value(v) for k, v in row.items() if k not in _TOP_LEVEL}
    properties.setdefault("datetime", None)
    item = {
        "type": "Feature",
        "stac_version": row.get("stac_version", pystac.get_stac_version()),
        "stac_extensions": row.get("stac_extensions", []),
        "id": row["id"],
        "geometry": geometry,
        "bbox": bbox,
        "properties": properties,
        "links": row.get("links", []),
        "assets": row.get("assets", {}),
    }
    if row.get("collection"):
        item["collection"] = row["collection"]
    return item


def _parquet_filter(dataset, query: SceneQuery):
    """The pushed-down part of the query: bbox overlap, datetime range, cloud cover, collections."""
    import pyarrow as pa
    import pyarrow.compute as pc

    names = set(dataset.schema.names)
    west, south, east, north = query.bbox
    expression = (
        (pc.field("bbox", "xmin") <= east)
        & (pc.field("bbox", "xmax") >= west)
        & (pc.field("bbox", "ymin") <= north)
        & (pc.field("bbox", "ymax") >= south)
    )
    if "datetime" in names:
        kind = dataset.schema.field("datetime").type
        if pa.types.is_timestamp(kind):
            start = dt.datetime.combine(query.start_date, dt.time(), tzinfo=dt.timezone.utc)
            end = dt.datetime.combine(
                query.end_date + dt.timedelta(days=1), dt.time(), tzinfo=dt.timezone.utc
            )
            if kind.tz is None:
                start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
            expression &= (pc.field("datetime") >= pa.scalar(start, kind)) & (
                pc.field("datetime") < pa.scalar(end, kind)
            )
    if query.max_cloud is not None and "eo:cloud_cover" in names:
        cloud = pc.field("eo:cloud_cover") <= query.max_cloud
        if query.may_include_radar:  # SAR scenes carry no cloud cover and must stay
            cloud = cloud | pc.field("eo:cloud_cover").is_null()
        expression &= cloud
    if query.collections and "collection" in names:
        expression &= pc.field("collection").isin(list(query.collections))
    return expression


def _search_parquet(
    path: Path, query: SceneQuery, progress: Optional[Progress], is_cancelled: Optional[IsCancelled]
) -> list:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    try:
        dataset = ds.dataset(str(path), format="parquet")
    except (OSError, pa.ArrowInvalid) as exc:
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "CATALOG {0} is not a readable Parquet file: {1}"),
            "CATALOG",
            args=(path, exc),
        ) from exc
    missing = {"id", "geometry", "bbox"} - set(dataset.schema.names)
    if missing:
        raise SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "CATALOG {0} is Parquet but not stac-geoparquet (no {1} column)."
            ),
            "CATALOG",
            args=(path, ", ".join(sorted(missing))),
        )
    if query.collections:
        available = []
        if "collection" in dataset.schema.names:
            available = pc.unique(dataset.to_table(columns=["collection"])["collection"]).to_pylist()
        _unknown_collections(query, available, str(path))
    _check_cancel(is_cancelled)
    table = dataset.to_table(filter=_parquet_filter(dataset, query))
    if progress:
        progress(
            50.0,
            Message(
                QT_TRANSLATE_NOOP("TimestackCore", "{0} candidate rows in {1}"), table.num_rows, path.name
            ),
        )
    area = shape(query.aoi)
    items = []
    for batch in table.to_batches(max_chunksize=1024):
        _check_cancel(is_cancelled)
        for row in batch.to_pylist():
            item_dict = row_to_item_dict(row)
            if not _intersects(area, item_dict["geometry"], path, item_dict.get("id")):
                continue
            try:
                item = pystac.Item.from_dict(item_dict, preserve_dict=False)
            except Exception as exc:  # see _items_from_dicts
                raise SearchError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore", "CATALOG {0}: row {1} is not a valid STAC Item: {2!r}"
                    ),
                    "CATALOG",
                    args=(path, row.get("id"), exc),
                ) from exc
            items.append(_absolute_hrefs(item, path.parent))
    return items


def _catalog_file(catalog) -> Path:
    """The local catalog file ``catalog`` names; a SearchError says why it cannot be one."""
    path = Path(catalog).expanduser()
    if path.is_dir():
        folder = QT_TRANSLATE_NOOP(
            "TimestackCore",
            "CATALOG {0} is a folder; pick the catalog file in it (an ItemCollection JSON, a "
            "stac-geoparquet file or a static catalog's catalog.json)."
        )  # fmt: skip
        raise SearchError(folder, "CATALOG", args=(path,))
    if not path.is_file():
        missing = QT_TRANSLATE_NOOP(
            "TimestackCore",
            "CATALOG {0} does not exist; pick an ItemCollection JSON, a stac-geoparquet file or a static "
            "catalog's catalog.json."
        )  # fmt: skip
        raise SearchError(missing, "CATALOG", args=(path,))
    if path.stat().st_size == 0:
        empty = QT_TRANSLATE_NOOP(
            "TimestackCore",
            "CATALOG {0} is empty (0 bytes); write the catalog again or pick another file."
        )  # fmt: skip
        raise SearchError(empty, "CATALOG", args=(path,))
    return path


def list_collections(catalog) -> list:
    """Sorted collection ids of the items in a local catalog file."""
    path = _catalog_file(catalog)
    if path.suffix.lower() in PARQUET_SUFFIXES:
        import pyarrow.compute as pc
        import pyarrow.dataset as ds

        dataset = ds.dataset(str(path), format="parquet")
        if "collection" not in dataset.schema.names:
            return []
        values = pc.unique(dataset.to_table(columns=["collection"])["collection"]).to_pylist()
    else:
        values = [item.collection_id for item in _read_json_catalog(path)]
    return sorted({v for v in values if v})


def is_local_catalog(catalog: str) -> bool:
    return "://" not in str(catalog) and Path(catalog).suffix.lower() in PARQUET_SUFFIXES + (
        ".json",
        ".geojson",
    )


def search_local_catalog(
    catalog,
    query: SceneQuery,
    *,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
) -> SearchResult:
    """Search one local catalog file; the kind is told by the suffix (Parquet) or the JSON ``type``."""
    path = _catalog_file(catalog)
    if path.suffix.lower() in PARQUET_SUFFIXES:
        found = _search_parquet(path, query, progress, is_cancelled)
        backend = "stac-geoparquet"
    else:
        found = _search_json(path, query, progress, is_cancelled)
        backend = "local-json"
    _check_cancel(is_cancelled)
    result = SearchResult(select_scenes(found, query), backend, str(path))
    if progress:
        progress(100.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "{0} scenes"), len(result)))
    return result

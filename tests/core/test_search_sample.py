"""The sample archive searched three ways: ItemCollection JSON, stac-geoparquet and pgstac agree."""

from __future__ import annotations

import json

from pystac_client import Client

from tests.servers.pgstac import pgstac_api_fixture  # noqa: F401
from timestack.core.search import SceneQuery, search_scenes
from timestack.core.search.query import bbox_polygon


def _query(archive, **options) -> SceneQuery:
    return SceneQuery.create(
        bbox_polygon(archive.bounds), "1980-01-01", "2030-12-31", aoi_crs=archive.crs, **options
    )


def test_json_and_geoparquet_catalogs_return_the_same_scenes(sample_small):
    query = _query(sample_small, max_cloud=40, doy_start=150, doy_end=250)
    from_json = search_scenes(str(sample_small.item_collection), query)
    from_parquet = search_scenes(str(sample_small.geoparquet), query)
    features = json.loads(sample_small.item_collection.read_text())["features"]
    assert from_json.ids == from_parquet.ids
    assert 0 < len(from_json) < len(features), "the cloud and day-of-year filters must bite"
    assert from_json.records() == [dict(r, backend="local-json") for r in from_parquet.records()]


def test_found_scenes_point_at_the_archive_cogs_on_disk(sample_small):
    result = search_scenes(str(sample_small.geoparquet), _query(sample_small, max_items=3))
    for item in result.items:
        assert {"red", "nir08", "qa_pixel"} <= set(item.assets)
        assert all(asset.href.startswith(str(sample_small.root)) for asset in item.assets.values())


def test_sample_items_served_by_pgstac_match_the_local_catalog(sample_small, pgstac_api):
    query = _query(sample_small, max_cloud=30, collections=["landsat-c2-l2"])
    local = search_scenes(str(sample_small.item_collection), query)
    served = search_scenes(pgstac_api.url, query)
    direct = Client.open(pgstac_api.url).search(
        collections=["landsat-c2-l2"],
        intersects=query.aoi,
        datetime=query.datetime_range,
        filter={"op": "<=", "args": [{"property": "eo:cloud_cover"}, 30.0]},
        filter_lang="cql2-json",
    )
    assert served.ids == local.ids
    assert set(served.ids) == {item.id for item in direct.items()}

"""Scene query validation and the local catalog backend, on the real recorded STAC items."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pystac
import pytest
from shapely.geometry import shape

from tests.helpers.shared import STAC_FIXTURES
from timestack.core.runtime import Cancelled
from timestack.core.search import SceneQuery, SearchError, search_scenes
from timestack.core.search.query import bbox_polygon, doy_in_window

PARQUET = STAC_FIXTURES / "pc_sentinel-2-l2a_100items_13TDE_2024.parquet"
WORLD = bbox_polygon((-180, -90, 180, 90))
TILE_13TDE = bbox_polygon((-105.6, 39.7, -105.0, 40.5))


def recorded(name: str) -> list:
    document = json.loads((STAC_FIXTURES / name).read_text())
    return document["features"] if document["type"] == "FeatureCollection" else [document]


# --- query validation -------------------------------------------------------------------------


def test_end_before_start_names_end_date():
    with pytest.raises(SearchError, match="END_DATE") as error:
        SceneQuery.create(WORLD, "2024-05-01", "2024-04-30")
    assert error.value.parameter == "END_DATE"


@pytest.mark.parametrize("value", ["yesterday", "2024-13-01", None])
def test_unreadable_start_date_names_start_date(value):
    with pytest.raises(SearchError, match="START_DATE.*YYYY-MM-DD"):
        SceneQuery.create(WORLD, value, "2024-04-30")


@pytest.mark.parametrize(
    "aoi", [None, {"type": "Polygon", "coordinates": []}, bbox_polygon((10, 10, 10, 20)), "POINT (1 2)"]
)
def test_empty_or_non_polygon_aoi_names_aoi(aoi):
    with pytest.raises(SearchError, match="AOI") as error:
        SceneQuery.create(aoi, "2024-01-01", "2024-12-31")
    assert error.value.parameter == "AOI"


def test_aoi_in_utm_is_reprojected_to_longitude_latitude():
    # 13TDE's south-west corner region in UTM 13N; GDAL's own transform is the reference.
    from rasterio.warp import transform_geom

    utm = bbox_polygon((480000, 4400000, 500000, 4420000))
    query = SceneQuery.create(utm, "2024-01-01", "2024-12-31", aoi_crs="EPSG:32613")
    expected = shape(transform_geom("EPSG:32613", "EPSG:4326", utm)).bounds
    assert query.bbox == pytest.approx(expected)
    assert -106 < query.bbox[0] < -105 and 39 < query.bbox[1] < 40


def test_aoi_in_a_wrong_crs_for_its_coordinates_is_refused():
    # UTM metres declared as degrees lie far outside longitude/latitude limits.
    with pytest.raises(SearchError, match="outside longitude/latitude.*CRS"):
        SceneQuery.create(bbox_polygon((480000, 4400000, 500000, 4420000)), "2024-01-01", "2024-12-31")


def test_unknown_crs_names_aoi():
    with pytest.raises(SearchError, match="not a known coordinate reference system"):
        SceneQuery.create(WORLD, "2024-01-01", "2024-12-31", aoi_crs="EPSG:999999")


@pytest.mark.parametrize(
    ("field", "value", "parameter"),
    [
        ("max_cloud", 120, "MAX_CLOUD"),
        ("max_cloud", -1, "MAX_CLOUD"),
        ("doy_start", 0, "DOY_START"),
        ("doy_end", 367, "DOY_END"),
        ("max_items", 0, "MAX_ITEMS"),
        ("max_items", 2.5, "MAX_ITEMS"),
    ],
)
def test_out_of_range_numbers_name_their_parameter(field, value, parameter):
    with pytest.raises(SearchError, match=parameter) as error:
        SceneQuery.create(WORLD, "2024-01-01", "2024-12-31", **{field: value})
    assert error.value.parameter == parameter


@pytest.mark.parametrize(
    ("doy", "start", "end", "inside"),
    [
        (10, 335, 60, True),
        (350, 335, 60, True),
        (200, 335, 60, False),
        (150, 120, 240, True),
        (100, 120, 240, False),
    ],
)
def test_day_of_year_window_may_wrap_the_new_year(doy, start, end, inside):
    assert doy_in_window(doy, start, end) is inside


# --- ItemCollection JSON ----------------------------------------------------------------------


def test_item_collection_json_filters_by_cloud_platform_and_exclusion():
    features = recorded("pc_landsat.json")
    clear = [f for f in features if f["properties"]["eo:cloud_cover"] <= 20]
    skip = clear[0]["id"]
    query = SceneQuery.create(
        WORLD, "2000-01-01", "2030-12-31", max_cloud=20, platforms=["LANDSAT-9"], exclude_ids=[skip]
    )
    result = search_scenes(str(STAC_FIXTURES / "pc_landsat.json"), query)
    expected = {f["id"] for f in clear if f["properties"]["platform"] == "landsat-9"} - {skip}
    assert set(result.ids) == expected and expected
    assert result.backend == "local-json"


def test_item_collection_json_keeps_only_items_touching_the_aoi():
    features = recorded("pc_s2.json")
    first = shape(features[0]["geometry"])
    query = SceneQuery.create(first.centroid.buffer(0.01), "2000-01-01", "2030-12-31")
    result = search_scenes(str(STAC_FIXTURES / "pc_s2.json"), query)
    expected = {f["id"] for f in features if shape(f["geometry"]).intersects(first.centroid.buffer(0.01))}
    assert set(result.ids) == expected and features[0]["id"] in expected
    assert len(result.ids) == len(set(result.ids)), "duplicate recorded items are returned once"


def test_results_are_sorted_by_date_and_cut_to_max_items():
    query = SceneQuery.create(WORLD, "2000-01-01", "2030-12-31", max_items=5, sort="descending")
    result = search_scenes(str(STAC_FIXTURES / "pc_s2.json"), query)
    everything = search_scenes(
        str(STAC_FIXTURES / "pc_s2.json"), SceneQuery.create(WORLD, "2000-01-01", "2030-12-31")
    )
    assert result.ids == list(reversed(everything.ids))[:5]
    times = [r["datetime"] for r in everything.records()]
    assert times == sorted(times)


def test_times_written_without_an_offset_are_utc_and_sort_with_the_others(tmp_path):
    features = recorded("pc_landsat.json")[:3]
    naive = features[1]["properties"]["datetime"].replace("Z", "")[:19]  # a hand-made catalog's time
    features[1]["properties"]["datetime"] = naive
    (tmp_path / "items.json").write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    result = search_scenes(str(tmp_path / "items.json"), SceneQuery.create(WORLD, "2000-01-01", "2030-12-31"))
    assert sorted(result.ids) == sorted(f["id"] for f in features)
    record = next(r for r in result.records() if r["id"] == features[1]["id"])
    assert record["datetime"] == naive + "+00:00"


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Blob", "coordinates": [1, 2]},
        {"type": "Polygon", "coordinates": [[["a", "b"], ["c", "d"], ["e", "f"], ["a", "b"]]]},
        "POLYGON((0 0, 1 0, 1 1, 0 0))",
    ],
)
def test_an_item_whose_geometry_is_not_geojson_is_named_with_the_catalog(tmp_path, geometry):
    features = recorded("pc_landsat.json")[:2]
    features[1]["geometry"] = geometry
    (tmp_path / "items.json").write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    query = SceneQuery.create(WORLD, "2000-01-01", "2030-12-31")
    message = f"item {features[1]['id']} has a geometry that is not GeoJSON"
    with pytest.raises(SearchError, match=message) as error:
        search_scenes(str(tmp_path / "items.json"), query)
    assert error.value.parameter == "CATALOG"


def test_single_item_file_and_written_item_collection_round_trip(tmp_path):
    query = SceneQuery.create(WORLD, "2000-01-01", "2030-12-31")
    result = search_scenes(str(STAC_FIXTURES / "es_sentinel-2-l2a_item.json"), query)
    out = result.write_item_collection(tmp_path / "found.json")
    again = pystac.ItemCollection.from_file(str(out))
    assert [i.id for i in again] == result.ids == [recorded("es_sentinel-2-l2a_item.json")[0]["id"]]
    assert not list(tmp_path.glob("*.part")), "no temporary file is left behind"


def test_static_catalog_is_searched_through_its_links(tmp_path):
    features = recorded("pc_landsat.json")
    catalog = pystac.Catalog("recorded", "Recorded Landsat items")
    for feature in features:
        # The recorded links point at the live API; a self-contained catalog makes its own.
        catalog.add_item(pystac.Item.from_dict(dict(feature, links=[])))
    catalog.normalize_hrefs(str(tmp_path / "catalog"))
    catalog.save(pystac.CatalogType.SELF_CONTAINED)
    query = SceneQuery.create(WORLD, "2000-01-01", "2030-12-31", max_cloud=20)
    result = search_scenes(str(tmp_path / "catalog" / "catalog.json"), query)
    assert set(result.ids) == {f["id"] for f in features if f["properties"]["eo:cloud_cover"] <= 20}


def test_relative_asset_hrefs_become_absolute(tmp_path):
    feature = recorded("es_landsat.json")[0]
    feature["assets"] = {"red": {"href": "scenes/red.tif", "type": "image/tiff"}}
    (tmp_path / "items.json").write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    result = search_scenes(str(tmp_path / "items.json"), SceneQuery.create(WORLD, "2000-01-01", "2030-12-31"))
    assert result.items[0].assets["red"].href == str(tmp_path / "scenes" / "red.tif")


def test_malformed_item_json_names_the_catalog_and_the_item(tmp_path):
    broken = recorded("es_landsat.json")[0]
    del broken["properties"]
    (tmp_path / "broken.json").write_text(json.dumps({"type": "FeatureCollection", "features": [broken]}))
    with pytest.raises(SearchError, match=f"CATALOG .*feature 1 .*{broken['id']}") as error:
        search_scenes(str(tmp_path / "broken.json"), SceneQuery.create(WORLD, "2000-01-01", "2030-12-31"))
    assert error.value.parameter == "CATALOG"


def test_truncated_json_and_missing_file_name_the_catalog(tmp_path):
    (tmp_path / "cut.json").write_text('{"type": "FeatureCollection", "features": [')
    query = SceneQuery.create(WORLD, "2000-01-01", "2030-12-31")
    with pytest.raises(SearchError, match="not readable JSON"):
        search_scenes(str(tmp_path / "cut.json"), query)
    with pytest.raises(SearchError, match="does not exist"):
        search_scenes(str(tmp_path / "missing.parquet"), query)


def test_unknown_collection_in_a_local_catalog_lists_what_it_holds():
    query = SceneQuery.create(WORLD, "2000-01-01", "2030-12-31", collections=["sentinel-2-l1c"])
    with pytest.raises(SearchError, match="sentinel-2-l1c.*landsat-c2-l2") as error:
        search_scenes(str(STAC_FIXTURES / "pc_landsat.json"), query)
    assert error.value.parameter == "COLLECTIONS"


def test_cancel_stops_the_search_before_results():
    query = SceneQuery.create(WORLD, "2000-01-01", "2030-12-31")
    with pytest.raises(Cancelled):
        search_scenes(str(PARQUET), query, is_cancelled=lambda: True)


# --- stac-geoparquet --------------------------------------------------------------------------


def test_geoparquet_answers_bbox_date_cloud_query_like_a_plain_scan_of_the_rows():
    query = SceneQuery.create(TILE_13TDE, "2024-06-01", "2024-09-30", max_cloud=20)
    result = search_scenes(str(PARQUET), query)
    rows = pq.read_table(PARQUET, columns=["id", "datetime", "eo:cloud_cover"]).to_pylist()
    expected = [
        r["id"]
        for r in sorted(rows, key=lambda r: (r["datetime"], r["id"]))
        if "2024-06-01" <= r["datetime"].date().isoformat() <= "2024-09-30" and r["eo:cloud_cover"] <= 20
    ]
    assert result.ids == expected and 0 < len(expected) < len(rows)
    assert result.backend == "stac-geoparquet"


def test_geoparquet_rows_become_valid_items_with_assets_and_geometry():
    query = SceneQuery.create(TILE_13TDE, "2024-07-01", "2024-07-31")
    item = search_scenes(str(PARQUET), query).items[0]
    as_dict = item.to_dict(transform_hrefs=False)
    assert pystac.Item.from_dict(as_dict).to_dict(transform_hrefs=False) == as_dict
    assert item.geometry["type"] == "Polygon" and len(item.bbox) == 4
    assert item.assets["B04"].href.startswith("https://") and "proj:epsg" in item.properties
    assert all(v is not None for v in item.properties.values())


def test_geoparquet_far_from_the_tile_finds_nothing():
    query = SceneQuery.create(bbox_polygon((10, 45, 11, 46)), "2024-01-01", "2024-12-31")
    result = search_scenes(str(PARQUET), query)
    assert len(result) == 0


def test_plain_parquet_that_is_not_stac_is_refused(tmp_path):
    import pyarrow as pa

    pq.write_table(pa.table({"x": [1, 2]}), tmp_path / "plain.parquet")
    with pytest.raises(SearchError, match="not stac-geoparquet"):
        search_scenes(str(tmp_path / "plain.parquet"), SceneQuery.create(WORLD, "2024-01-01", "2024-12-31"))

"""Earth Engine backend, offline: earthengine-api's own test set-up (ee/apitestcase.py with the
recorded algorithm list ee/tests/algorithms.json) initialises the library without a network, and
the tests read the serialized computation graph our query builds."""

from __future__ import annotations

import json

import pytest

from tests.helpers.earthengine import offline_earthengine
from tests.helpers.shared import STAC_FIXTURES
from timestack.core.runtime import TimestackError
from timestack.core.search import SceneQuery, SearchError, search_scenes
from timestack.core.search.earthengine import MAX_IMAGES, build_collection, image_to_item
from timestack.core.search.query import bbox_polygon

ee = pytest.importorskip("ee")

AOI = bbox_polygon((-122.6, 44.1, -122.5, 44.2))


@pytest.fixture
def offline_ee():
    with offline_earthengine() as ee:
        yield ee


def invocations(collection) -> list:
    """Every ``(functionName, arguments)`` of the serialized graph, value references resolved."""
    graph = json.loads(collection.serialize())
    values = graph["values"]
    found = []

    def walk(node):
        if isinstance(node, dict):
            if "valueReference" in node:
                return walk(values[node["valueReference"]])
            if "functionInvocationValue" in node:
                call = node["functionInvocationValue"]
                arguments = {k: walk(v) for k, v in call.get("arguments", {}).items()}
                found.append((call["functionName"], arguments))
                return {"call": call["functionName"], **arguments}
            if "constantValue" in node:
                return node["constantValue"]
            if "arrayValue" in node:
                return [walk(v) for v in node["arrayValue"]["values"]]
            return {k: walk(v) for k, v in node.items()}
        return node

    walk(values[graph["result"]])
    return found


def calls(graph: list, name: str) -> list:
    return [arguments for function, arguments in graph if function == name]


def test_query_becomes_one_server_side_filtered_collection(offline_ee):
    query = SceneQuery.create(
        AOI,
        "2015-01-01",
        "2020-12-31",
        max_cloud=25,
        doy_start=335,
        doy_end=60,
        collections=["LANDSAT/LC08/C02/T1_L2", "LANDSAT/LE07/C02/T1_L2"],
        exclude_ids=["LC08_045030_20160101"],
        max_items=50,
    )
    graph = invocations(build_collection(query))
    assert sorted(a["id"] for a in calls(graph, "ImageCollection.load")) == sorted(query.collections)
    dates = calls(graph, "DateRange")
    assert {(d["start"], d["end"]) for d in dates} == {("2015-01-01", "2021-01-01")}, "end day included"
    cloud = calls(graph, "Filter.greaterThan")  # ee.Filter.lte is serialized as not(greaterThan)
    assert [(c["leftField"], c["rightValue"]) for c in cloud] == [("CLOUD_COVER", 25.0)] * 2
    windows = sorted((w["start"], w["end"]) for w in calls(graph, "Filter.calendarRange"))
    assert windows == [(1, 60), (335, 366)], "a window over the new year is two ranges OR-ed"
    excluded = calls(graph, "Filter.listContains")
    assert [e["leftValue"] for e in excluded] == [["LC08_045030_20160101"]] * 2, "each collection, pre-merge"
    assert [a["limit"] for a in calls(graph, "Collection.limit") if "limit" in a] == [50]
    sort = [a for a in calls(graph, "Collection.limit") if "key" in a]  # sort() is limit() without a count
    assert [(a["key"], a.get("ascending", True)) for a in sort] == [("system:time_start", True)]
    geometry = calls(graph, "GeometryConstructors.Polygon")[0]["coordinates"]
    assert geometry == [[list(p) for p in AOI["coordinates"][0]]]


def test_sentinel2_uses_its_own_cloud_property_and_no_window_without_doy(offline_ee):
    query = SceneQuery.create(
        AOI, "2020-01-01", "2020-12-31", max_cloud=10, collections=["COPERNICUS/S2_SR_HARMONIZED"]
    )
    graph = invocations(build_collection(query))
    assert [c["leftField"] for c in calls(graph, "Filter.greaterThan")] == ["CLOUDY_PIXEL_PERCENTAGE"]
    assert not calls(graph, "Filter.calendarRange")
    assert [a["limit"] for a in calls(graph, "Collection.limit") if "limit" in a] == [MAX_IMAGES]


def test_unknown_or_missing_collection_names_the_parameter(offline_ee):
    with pytest.raises(SearchError, match="COLLECTIONS.*LANDSAT/LC08/C02/T1_L2") as error:
        build_collection(
            SceneQuery.create(AOI, "2020-01-01", "2020-12-31", collections=["MODIS/006/MOD09GA"])
        )
    assert error.value.parameter == "COLLECTIONS"
    with pytest.raises(SearchError, match="COLLECTIONS"):
        build_collection(SceneQuery.create(AOI, "2020-01-01", "2020-12-31"))


def ee_image(feature: dict) -> dict:
    """A recorded STAC Landsat item expressed as Earth Engine lists it (data catalog property names)."""
    from pystac.utils import str_to_datetime

    properties = feature["properties"]
    return {
        "type": "Image",
        "id": f"LANDSAT/LC08/C02/T1_L2/{feature['id'][:4]}_{feature['id'][10:16]}_{feature['id'][17:25]}",
        "properties": {
            "system:index": f"{feature['id'][:4]}_{feature['id'][10:16]}_{feature['id'][17:25]}",
            "system:time_start": str_to_datetime(properties["datetime"]).timestamp() * 1000,
            "CLOUD_COVER": properties["eo:cloud_cover"],
            "SPACECRAFT_ID": properties["platform"].upper().replace("-", "_"),
            "system:footprint": {"type": "LinearRing", "coordinates": feature["geometry"]["coordinates"][0]},
        },
    }


def test_listed_images_become_items_and_pass_the_client_side_checks(offline_ee, monkeypatch):
    feature = json.loads((STAC_FIXTURES / "es_landsat.json").read_text())["features"][0]
    listing = {"type": "ImageCollection", "features": [ee_image(feature)]}
    monkeypatch.setattr(ee.data, "computeValue", lambda graph: listing)  # the server's answer
    from shapely.geometry import shape

    aoi = shape(feature["geometry"]).centroid.buffer(0.05)
    query = SceneQuery.create(
        aoi, "2023-01-01", "2023-12-31", platforms=["landsat-8"], collections=["LANDSAT/LC08/C02/T1_L2"]
    )
    result = search_scenes("earthengine", query)
    item = result.items[0]
    assert item.id == listing["features"][0]["properties"]["system:index"]
    assert item.properties["platform"] == "landsat-8" and item.collection_id == "LANDSAT/LC08/C02/T1_L2"
    assert item.properties["eo:cloud_cover"] == feature["properties"]["eo:cloud_cover"]
    assert (
        abs(item.datetime.timestamp() - listing["features"][0]["properties"]["system:time_start"] / 1000)
        < 1e-3
    )
    assert shape(item.geometry).equals(shape(feature["geometry"]))
    assert image_to_item(listing["features"][0]).to_dict() == item.to_dict()


def test_item_ids_come_from_the_asset_id_not_the_merged_index(offline_ee):
    """merge() renames system:index to "1_LC08_…", "2_LE07_…"; ids (and EXCLUDE) use the scene id."""
    feature = json.loads((STAC_FIXTURES / "es_landsat.json").read_text())["features"][0]
    image = ee_image(feature)
    scene_id = image["properties"]["system:index"]
    image["properties"]["system:index"] = f"2_{scene_id}"
    assert image_to_item(image).id == scene_id


def test_an_uninitialised_earth_engine_gets_the_login_message_not_an_ee_error(tmp_path, monkeypatch):
    """Without stored credentials the search says how to log in, before building any ee object
    (which would fail first with an error about the API that means nothing to a user)."""
    ee.Reset()
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.config/earthengine/credentials here
    monkeypatch.delenv("GOOGLE_APPLICATION_CREDENTIALS", raising=False)
    query = SceneQuery.create(
        bbox_polygon((0, 0, 1, 1)), "2023-01-01", "2023-12-31", collections=["LANDSAT/LC08/C02/T1_L2"]
    )
    with pytest.raises(TimestackError, match="authenticate once with `earthengine authenticate`") as raised:
        search_scenes("earthengine", query)
    assert raised.value.parameter == "CATALOG"
    assert not ee.data.is_initialized()

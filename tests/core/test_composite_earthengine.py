"""The Earth Engine composite graph, built and serialized offline.

Earth Engine needs its server's algorithm list to build any object; earthengine-api ships that list
for its own tests (``ee.apitestcase.GetAlgorithms``), so the library is initialised against it with no
network. What is checked is the graph the server would receive.
"""

import json

import pytest

from timestack.core.quality.masks import MaskOptions
from timestack.core.runtime import TimestackError

ee = pytest.importorskip("ee")
from ee import apitestcase  # noqa: E402

from timestack.core.earthengine import composite as eec  # noqa: E402


@pytest.fixture()
def offline_ee(monkeypatch):
    ee.Reset()
    monkeypatch.setattr(ee.data, "_install_cloud_api_resource", lambda: None)
    monkeypatch.setattr(ee.data, "getAlgorithms", apitestcase.GetAlgorithms)
    calls = []

    def get_map_id(params):
        calls.append(params)
        return {
            "mapid": "projects/p/maps/abc",
            "token": "",
            "tile_fetcher": ee.data.TileFetcher(
                "https://earthengine.example/v1/projects/p/maps/abc/tiles/{z}/{x}/{y}"
            ),
        }

    monkeypatch.setattr(ee.data, "getMapId", get_map_id)
    ee.Initialize(None, "", project="timestack-test")
    yield calls
    ee.Reset()


def settings(**overrides):
    values = dict(
        region=(-123.4, 44.1, -123.3, 44.2),
        start_year=2000,
        end_year=2002,
        indices=("NBR", "TCA"),
        platforms=("landsat-5", "landsat-7", "landsat-8"),
    )
    values.update(overrides)
    return eec.EarthEngineComposite(**values)


def functions_in(graph: str) -> set:
    names = set()

    def walk(node):
        if isinstance(node, dict):
            if "functionName" in node:
                names.add(node["functionName"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(graph))
    return names


def test_graph_has_masking_indices_medoid_and_yearly_fill(offline_ee):
    graph = eec.serialized_graph(
        settings(mask=MaskOptions(buffer_pixels=2, min_confidence={"cloud": "medium"}))
    )
    names = functions_in(graph)
    assert {"Image.bitwiseAnd", "Image.rightShift", "Image.focalMax", "Image.updateMask"} <= names  # masks
    assert {"Image.parseExpression", "Image.atan"} <= names  # NBR, TCA
    assert "(nir - swir2) / (nir + swir2)" in graph  # the registry's own expression
    assert {"ImageCollection.qualityMosaic", "reduce.median", "Image.reduce"} <= names  # medoid
    assert {"If", "ImageCollection.fromImages", "ImageCollection.toBands"} <= names  # every year
    for collection in ("LANDSAT/LT05/C02/T1_L2", "LANDSAT/LE07/C02/T1_L2", "LANDSAT/LC08/C02/T1_L2"):
        assert collection in graph
    assert "2000_NBR" in graph and "2002_doy" in graph


def test_harmonisation_only_when_asked(offline_ee):
    off = eec.serialized_graph(settings())
    on = eec.serialized_graph(settings(harmonize=True))
    assert "0.9785" not in off and "0.9785" in on  # Roy et al. 2016 blue slope


def test_wrapping_season_starts_the_year_before(offline_ee):
    wrapping = functions_in(ee.List(list(eec.season(2020, 335, 60))).serialize())
    plain = functions_in(ee.List(list(eec.season(2020, 152, 243))).serialize())
    assert "Number.subtract" in wrapping and "Number.subtract" not in plain


def test_export_task_is_built_but_not_started(offline_ee):
    task = eec.export_task(settings(), "composite", "timestack", "EPSG:32610")
    assert task.state == ee.batch.Task.State.UNSUBMITTED
    assert task.config["description"] == "composite"


def test_tile_url_for_a_streamed_map_layer(offline_ee):
    url = eec.tile_url(settings(), 2001)
    assert url.endswith("/tiles/{z}/{x}/{y}") and len(offline_ee) == 1


def test_bad_settings_name_the_parameter():
    with pytest.raises(TimestackError, match="START_YEAR") as error:
        eec.EarthEngineComposite(region=(0, 0, 1, 1), start_year=2005, end_year=2000)
    assert error.value.parameter == "START_YEAR"
    assert error.value.template == "START_YEAR ({0}) is after END_YEAR ({1})"
    with pytest.raises(TimestackError, match="INDICES: unknown index 'NDXI'") as error:
        eec.EarthEngineComposite(region=(0, 0, 1, 1), start_year=2000, end_year=2001, indices=("NDXI",))
    assert error.value.parameter == "INDICES"

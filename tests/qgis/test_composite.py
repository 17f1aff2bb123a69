"""``timestack:composite`` through Processing on the small sample archive, and its dock panel."""

import json
import time
from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    QgsMultiBandColorRenderer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
)
from qgis.PyQt.QtCore import QDate

from tests.helpers.qt import wait_until
from tests.helpers.scenes import write_hls_granule
from tests.servers.token_https import TOKEN, token_https_fixture  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample():
    from timestack.core.sample_archive import ensure_sample_archive

    return ensure_sample_archive(ROOT / "build" / "sample" / "small", "small")


def parameters(sample, tmp_path, **overrides):
    values = {
        "ITEMS": str(sample.item_collection),
        "START_YEAR": 2008,
        "END_YEAR": 2012,
        "INDICES": "NBR, ndvi",
        "OUTPUT": str(tmp_path / "out" / "composite.tif"),
    }
    values.update(overrides)
    return values


def run(params, feedback=None):
    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results = processing.run(
        "timestack:composite", params, context=context, feedback=feedback or QgsProcessingFeedback()
    )
    return results, context


def test_processing_run_writes_the_stack_and_loads_a_temporal_false_colour_group(provider, sample, tmp_path):
    from timestack.gui.algorithm_task import load_result_layers

    QgsProject.instance().clear()
    results, context = run(parameters(sample, tmp_path, OUTPUT_FOLDER=str(tmp_path / "years")))
    stack = QgsRasterLayer(results["OUTPUT"], "stack")
    assert stack.isValid() and stack.bandCount() == 5 * 8
    assert Path(results["OUTPUT_OBSERVATION"]).is_file()
    log = json.loads(Path(results["OUTPUT_LOG"]).read_text())
    assert log["years"] == [2008, 2009, 2010, 2011, 2012] and log["scenes"]
    assert sorted(p.name for p in (tmp_path / "years").glob("*.vrt"))[:2] == [
        "composite_NBR.vrt",
        "composite_NDVI.vrt",
    ]

    loaded = load_result_layers(context)
    assert [layer.name() for layer in loaded] == ["Composite 2008–2012"]
    assert isinstance(loaded[0].renderer(), QgsMultiBandColorRenderer)
    group = QgsProject.instance().layerTreeRoot().findGroup("Composite 2008–2012 by year")
    years = [node.layer() for node in group.findLayers()]
    assert [layer.name() for layer in years] == ["2012", "2011", "2010", "2009", "2008"]
    for layer in years:
        renderer = layer.renderer()
        assert isinstance(renderer, QgsMultiBandColorRenderer)
        first = (int(layer.name()) - 2008) * 8  # bands of that year: blue green red nir swir1 swir2 NBR NDVI
        assert (renderer.redBand(), renderer.greenBand(), renderer.blueBand()) == (
            first + 5,
            first + 4,
            first + 3,
        )
        temporal = layer.temporalProperties()
        assert temporal.isActive()
        assert temporal.fixedTemporalRange().begin().date() == QDate(int(layer.name()), 1, 1)
    QgsProject.instance().clear()


def test_tdom_statistics_are_an_output_that_a_second_run_reuses(provider, sample, tmp_path):
    import rasterio

    years = {"START_YEAR": 2009, "END_YEAR": 2010, "INDICES": "NBR", "TDOM": True}
    first, _ = run(parameters(sample, tmp_path / "a", **years))
    statistics = Path(first["OUTPUT_TDOM_STATISTICS"])
    assert statistics.is_file() and statistics.parent == Path(first["OUTPUT"]).parent
    second, _ = run(parameters(sample, tmp_path / "b", TDOM_STATISTICS=str(statistics), **years))
    assert second["OUTPUT_TDOM_STATISTICS"] is None  # given, not computed
    with rasterio.open(first["OUTPUT"]) as a, rasterio.open(second["OUTPUT"]) as b:
        assert (a.read() == b.read()).all()


def test_every_qa_confidence_threshold_reaches_the_masks(provider, sample, tmp_path):
    """QA_PIXEL marks most clear pixels 'low' confidence of cloud shadow (as the real product does), so
    a low SHADOW_CONFIDENCE threshold must leave far more nodata than the default flags alone."""
    import rasterio

    years = {"START_YEAR": 2010, "END_YEAR": 2010, "INDICES": "", "BANDS": [2]}

    def nodata_share(folder, **thresholds):
        results, _ = run(parameters(sample, tmp_path / folder, **years, **thresholds))
        with rasterio.open(results["OUTPUT"]) as src:
            return float((src.read(1) == src.nodata).mean())

    default = nodata_share("default")
    assert nodata_share("shadow", SHADOW_CONFIDENCE=1) > default + 0.5


def test_an_index_only_stack_animates_grey_years(provider, sample, tmp_path):
    from qgis.core import QgsSingleBandGrayRenderer

    from timestack.gui.algorithm_task import load_result_layers

    QgsProject.instance().clear()
    _, context = run(parameters(sample, tmp_path, BANDS=[], INDICES="NBR", START_YEAR=2009, END_YEAR=2010))
    load_result_layers(context)
    group = QgsProject.instance().layerTreeRoot().findGroup("Composite 2009–2010 by year")
    years = [node.layer() for node in group.findLayers()]
    assert [layer.name() for layer in years] == ["2010", "2009"]
    for number, layer in enumerate(years):
        assert isinstance(layer.renderer(), QgsSingleBandGrayRenderer)
        assert layer.renderer().grayBand() == 2 - number  # the NBR band of that year
        assert layer.renderer().contrastEnhancement().minimumValue() == -10000  # NBR -1 in int16 units
    QgsProject.instance().clear()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"INDICES": "NDVI, NDXI"}, "INDICES: unknown index 'NDXI'"),
        ({"RESOLUTION": 0}, "RESOLUTION must be a positive"),
        ({"EXTENT": "0,1000,0,1000 [EPSG:32610]"}, "EXTENT .* does not overlap any scene"),
        ({"START_YEAR": 2012, "END_YEAR": 2008}, "START_YEAR"),
        ({"TARGET_CRS": "EPSG:99999"}, "TARGET_CRS: 'EPSG:99999' is not a coordinate reference system"),
        ({"TARGET_CRS": "EPSG:4326"}, "RESOLUTION: 30 is in degrees .* e.g. 0.00025"),
        ({"START_YEAR": 1980, "END_YEAR": 1984}, "START_YEAR: no scene between 1980 and 1984"),
        ({"DOY_START": 1, "DOY_END": 20}, "DOY_START: none of the .* scenes of 2008-2012 falls between days"),
    ],
)
def test_bad_input_fails_with_a_message_naming_the_parameter(provider, sample, tmp_path, overrides, message):
    with pytest.raises(QgsProcessingException, match=message):
        run(parameters(sample, tmp_path, **overrides))
    assert not (tmp_path / "out" / "composite.tif").exists()


def test_a_year_with_no_scene_stays_in_the_stack(provider, sample, tmp_path):
    results, _ = run(parameters(sample, tmp_path, START_YEAR=2014, END_YEAR=2016, BANDS=[3], INDICES=""))
    layer = QgsRasterLayer(results["OUTPUT"], "stack")
    assert layer.bandCount() == 3
    assert json.loads(Path(results["OUTPUT_LOG"]).read_text())["empty_years"] == [2015, 2016]
    assert results["EMPTY_YEARS"] == "2015,2016" and results["UNREADABLE_YEARS"] == ""
    assert results["SCENES_USED"] > 0 and results["SCENES_SKIPPED"] == 0


class CancelAfter(QgsProcessingFeedback):
    def __init__(self, percent):
        super().__init__()
        self.percent = percent
        self.progressChanged.connect(self._check)

    def _check(self, value):
        if value >= self.percent:
            self.cancel()


def test_cancel_leaves_no_output_behind(provider, sample, tmp_path):
    """A cancelled run is an error, never an empty success a model or script would carry on from."""
    feedback = CancelAfter(20)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        folder = str(tmp_path / "out" / "years")
        run(parameters(sample, tmp_path, CHUNK_SIZE=16, OUTPUT_FOLDER=folder), feedback)
    assert feedback.isCanceled()
    assert [path for path in (tmp_path / "out").rglob("*") if path.is_file()] == []


def test_adding_a_ten_year_composite_costs_the_main_thread_a_fraction_of_a_second(provider, sample, tmp_path):
    """The layers, styles and per-year group are ready when the run ends: adding them opens no file and
    computes no statistics (it took 3.3 s for ten years of this archive, about a second per year)."""
    from timestack.gui.algorithm_task import load_result_layers

    QgsProject.instance().clear()
    _, context = run(parameters(sample, tmp_path, START_YEAR=2003, END_YEAR=2012, INDICES="NBR"))
    started = time.perf_counter()
    load_result_layers(context)
    seconds = time.perf_counter() - started
    group = QgsProject.instance().layerTreeRoot().findGroup("Composite 2003–2012 by year")
    assert len(group.findLayers()) == 10
    assert all(node.layer().isValid() for node in group.findLayers())
    assert seconds < 0.5, seconds
    QgsProject.instance().clear()


def test_composite_panel_runs_in_the_background_adds_the_layers_and_plays_the_years(
    provider, sample, tmp_path, qgis_iface
):
    """A dock run adds the layers without freezing QGIS, and the Temporal Controller's play button then
    steps through the composite's years one by one (not hour by hour over an empty range)."""
    from qgis.core import QgsInterval, QgsTemporalNavigationObject, QgsUnitTypes

    from timestack.gui.composite_panel import CompositePanel

    QgsProject.instance().clear()
    controller = QgsTemporalNavigationObject()  # what the QGIS desktop gives its canvas
    qgis_iface.mapCanvas().setTemporalController(controller)
    panel = CompositePanel(qgis_iface)
    panel.items.setFilePath(str(sample.item_collection))
    panel.start_year.setValue(2010)
    panel.end_year.setValue(2012)
    panel.output.setFilePath(str(tmp_path / "panel.tif"))
    panel.resize(420, 640)
    panel.grab().save(str(ROOT / "build" / "composite_panel.png"))
    panel.run_composite()
    assert not panel.run_button.isEnabled()
    longest_freeze = wait_until(panel.run_button.isEnabled, 120)
    assert Path(panel.run.results.get("OUTPUT", "")).is_file(), panel.status.text()
    assert longest_freeze < 0.5, longest_freeze
    names = {layer.name() for layer in QgsProject.instance().mapLayers().values()}
    assert {"Composite 2010–2012", "2010", "2011", "2012"} <= names

    time_settings = QgsProject.instance().timeSettings()
    years = time_settings.temporalRange()
    assert (years.begin().date(), years.end().date()) == (QDate(2010, 1, 1), QDate(2012, 12, 31))
    assert (time_settings.timeStep(), time_settings.timeStepUnit()) == (1.0, QgsUnitTypes.TemporalYears)
    assert controller.temporalExtents() == years
    assert controller.frameDuration() == QgsInterval(1, QgsUnitTypes.TemporalYears)
    assert controller.navigationMode() == QgsTemporalNavigationObject.Animated
    assert controller.totalFrameCount() == 3
    assert controller.dateTimeRangeForFrameNumber(2).begin().date() == QDate(2012, 1, 1)
    qgis_iface.mapCanvas().setTemporalController(None)
    QgsProject.instance().clear()


def test_the_panel_says_why_a_run_failed_and_when_it_was_cancelled(provider, sample, tmp_path, qgis_iface):
    """The status line tells a refused run (its reason, naming the parameter) from a cancelled one,
    which leaves no output behind."""
    from timestack.gui.composite_panel import CompositePanel

    panel = CompositePanel(qgis_iface)
    panel.items.setFilePath(str(sample.item_collection))
    panel.start_year.setValue(2010)
    panel.end_year.setValue(2012)
    panel.output.setFilePath(str(sample.item_collection))  # the input itself: refused
    panel.run_composite()
    wait_until(panel.run_button.isEnabled, 60)
    assert panel.status.text().startswith("Compositing failed: OUTPUT"), panel.status.text()
    assert "cancelled" not in panel.status.text()

    panel.output.setFilePath(str(tmp_path / "cancelled" / "panel.tif"))
    panel.run_composite()
    panel.cancel()
    wait_until(panel.run_button.isEnabled, 60)
    assert panel.status.text() == "Compositing cancelled; nothing was written.", panel.status.text()
    assert not (tmp_path / "cancelled").exists() or not any((tmp_path / "cancelled").rglob("*.tif"))


@pytest.fixture()
def offline_ee(monkeypatch):
    """earthengine-api initialised against the algorithm list it ships for its own tests; no network.

    The two server calls a run makes (map ids, export start) answer locally and record what they got.
    """
    ee = pytest.importorskip("ee")
    from ee import apitestcase

    ee.Reset()
    monkeypatch.setattr(ee.data, "_install_cloud_api_resource", lambda: None)
    monkeypatch.setattr(ee.data, "getAlgorithms", apitestcase.GetAlgorithms)
    calls = {"map": [], "export": []}

    def get_map_id(params):
        calls["map"].append(params)
        url = f"https://earthengine.example/v1/maps/{len(calls['map'])}/tiles/{{z}}/{{x}}/{{y}}"
        return {"mapid": "m", "token": "", "tile_fetcher": ee.data.TileFetcher(url)}

    def export_image(request_id, config):
        calls["export"].append(config)
        return {"name": f"projects/p/operations/{request_id}"}

    monkeypatch.setattr(ee.data, "getMapId", get_map_id)
    monkeypatch.setattr(ee.data, "exportImage", export_image)
    monkeypatch.setattr(ee.data, "newTaskId", lambda count=1: ["TASK1"])
    ee.Initialize(None, "", project="timestack-test")
    yield calls
    ee.Reset()


EE_REGION = "-123.4,-123.3,44.1,44.2 [EPSG:4326]"


def test_earthengine_engine_streams_one_temporal_xyz_layer_per_year(provider, tmp_path, offline_ee):
    from timestack.gui.algorithm_task import load_result_layers

    QgsProject.instance().clear()
    params = {
        "ITEMS": "",
        "ENGINE": 1,
        "EXTENT": EE_REGION,
        "START_YEAR": 2001,
        "END_YEAR": 2003,
        "OUTPUT": str(tmp_path / "unused.tif"),
    }
    _, context = run(params)
    assert len(offline_ee["map"]) == 3
    layers = load_result_layers(context)
    assert [layer.name() for layer in layers] == ["2001", "2002", "2003"]
    for layer in layers:
        assert layer.providerType() == "wms" and "type=xyz" in layer.source()
        assert layer.temporalProperties().fixedTemporalRange().begin().date().year() == int(layer.name())
    assert not (tmp_path / "unused.tif").exists()
    QgsProject.instance().clear()


def test_earthengine_engine_starts_an_export_task(provider, tmp_path, offline_ee):
    params = {
        "ITEMS": "",
        "ENGINE": 1,
        "EE_RESULT": 1,
        "EXTENT": EE_REGION,
        "START_YEAR": 2001,
        "END_YEAR": 2002,
        "TARGET_CRS": "EPSG:32610",
        "OUTPUT": str(tmp_path / "unused.tif"),
    }
    results, _ = run(params)
    assert results["OUTPUT_EE_TASK"] == "TASK1"
    config = offline_ee["export"][0]
    assert config["description"] == "timestack_composite_2001_2002"
    assert "expression" in config


def test_earthengine_engine_needs_a_region(provider, tmp_path, offline_ee):
    with pytest.raises(QgsProcessingException, match="needs EXTENT or AOI"):
        run({"ITEMS": "", "ENGINE": 1, "OUTPUT": str(tmp_path / "x.tif")})


@pytest.mark.parametrize(
    ("option", "message"), [({"METHOD": 1}, "METHOD: .* medoid"), ({"TDOM": True}, "TDOM")]
)
def test_earthengine_engine_refuses_options_it_cannot_honour(provider, tmp_path, offline_ee, option, message):
    params = {"ITEMS": "", "ENGINE": 1, "EXTENT": EE_REGION, "OUTPUT": str(tmp_path / "x.tif"), **option}
    with pytest.raises(QgsProcessingException, match=message):
        run(params)


def test_earthdata_granules_composite_with_the_login_from_the_auth_database(
    provider, tmp_path, token_https, store_login
):
    import rasterio

    from timestack.core.io.stack import decode_values

    granule = "HLS.S30.T10TEK.2021161T184919.v2.0"
    item = write_hls_granule(token_https.folder, "HLSS30", granule, "2021-06-10", "Sentinel-2A")
    for asset in item["assets"].values():
        asset["href"] = token_https.href(asset["href"])
    items = tmp_path / "granules.json"
    items.write_text(json.dumps({"type": "FeatureCollection", "features": [item]}))
    params = {"ITEMS": str(items), "START_YEAR": 2021, "END_YEAR": 2021, "BANDS": [3], "INDICES": "",
              "OUTPUT": str(tmp_path / "out" / "hls.tif")}  # fmt: skip

    with pytest.raises(QgsProcessingException):  # no login: every granule answers 401
        run(params)
    # The login also makes GDAL forget the refusals it remembers from the run above.
    results, _ = run({**params, "AUTHCFG": store_login("", TOKEN)})
    with rasterio.open(results["OUTPUT"]) as src:
        nir = decode_values(src.read(1), "int16")
    assert np.allclose(nir[1:, 1:], 0.32, atol=1e-4)
    assert TOKEN not in Path(results["OUTPUT_LOG"]).read_text()

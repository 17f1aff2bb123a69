"""``timestack:scenestack`` through Processing on the small sample archive: the stack, its log and
outputs, and the loaded layer (false colour on the latest date, the dates' span as temporal range)."""

import json
from pathlib import Path

import pytest
from qgis.core import (
    QgsMultiBandColorRenderer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QDate

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample():
    from timestack.core.sample_archive import ensure_sample_archive

    return ensure_sample_archive(ROOT / "build" / "sample" / "small", "small")


def run(params):
    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(
        "timestack:scenestack", params, context=context, feedback=QgsProcessingFeedback()
    ), context


def test_processing_run_writes_dated_bands_and_loads_one_temporal_false_colour_layer(
    provider, sample, tmp_path
):
    import rasterio

    from timestack.gui.algorithm_task import load_result_layers

    QgsProject.instance().clear()
    results, context = run(
        {"ITEMS": str(sample.item_collection), "BANDS": [2, 3, 4], "INDICES": "NBR",
         "OUTPUT": str(tmp_path / "out" / "scenes.tif")}
    )  # fmt: skip
    dates = results["DATES"].split(",")
    assert dates[0] == "2000-08-01" and dates[-1] == "2014-08-24" and len(dates) == 41
    assert results["SCENES_USED"] == 41 and results["SCENES_SKIPPED"] == 0
    assert results["OUTPUT_CRS"].startswith("EPSG:326")
    with rasterio.open(results["OUTPUT"]) as src:
        assert src.count == 4 * 41
        assert src.descriptions[:4] == (
            "2000-08-01_red",
            "2000-08-01_nir",
            "2000-08-01_swir1",
            "2000-08-01_NBR",
        )
    assert json.loads(Path(results["OUTPUT_LOG"]).read_text())["dates"] == dates
    loaded = load_result_layers(context)
    assert len(loaded) == 1
    renderer = loaded[0].renderer()
    assert isinstance(renderer, QgsMultiBandColorRenderer)
    last = 40 * 4
    assert (renderer.redBand(), renderer.greenBand(), renderer.blueBand()) == (last + 3, last + 2, last + 1)
    temporal = loaded[0].temporalProperties()
    assert temporal.isActive()
    assert temporal.fixedTemporalRange().begin().date() == QDate(2000, 8, 1)
    assert temporal.fixedTemporalRange().end().date() == QDate(2014, 8, 25)
    QgsProject.instance().clear()


def test_unknown_target_crs_and_missing_items_are_named(provider, sample, tmp_path):
    with pytest.raises(QgsProcessingException, match="TARGET_CRS: 'EPSG:99999'"):
        run(
            {
                "ITEMS": str(sample.item_collection),
                "TARGET_CRS": "EPSG:99999",
                "OUTPUT": str(tmp_path / "a.tif"),
            }
        )
    with pytest.raises(QgsProcessingException, match="ITEMS is empty"):
        run({"OUTPUT": str(tmp_path / "b.tif")})
    assert list(tmp_path.iterdir()) == []


def test_the_composite_tab_runs_the_per_date_stack_when_asked(provider, sample, tmp_path, qgis_iface):
    import time

    from qgis.PyQt.QtWidgets import QApplication

    from timestack.gui.composite_panel import CompositePanel

    QgsProject.instance().clear()
    panel = CompositePanel(qgis_iface)
    panel.items.setFilePath(str(sample.item_collection))
    panel.output.setFilePath(str(tmp_path / "dates.tif"))
    panel.per_date.setChecked(True)
    shared = {"ITEMS", "OUTPUT", "INDICES", "RESOLUTION", "CACHE_FOLDER", "CACHE_MAX_GB", "MASK",
              "CLOUD_CONFIDENCE", "TARGET_CRS", "DASK_SCHEDULER"}  # fmt: skip
    assert set(panel.scene_stack_parameters()) <= shared  # no years, season, method, TDOM
    panel.run_composite()
    deadline = time.monotonic() + 120
    while not panel.run_button.isEnabled() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    assert Path(panel.run.results.get("OUTPUT", "")).is_file(), panel.status.text()
    assert panel.status.text().startswith("Per-date stack written")
    names = [layer.name() for layer in QgsProject.instance().mapLayers().values()]
    assert names == ["Scenes 2000-08-01 to 2014-08-24"]
    QgsProject.instance().clear()

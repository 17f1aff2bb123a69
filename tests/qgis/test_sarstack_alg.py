"""``timestack:sarstack`` in QGIS: ``processing.run`` loads one temporal layer per track, and the
Composite tab runs it for Sentinel-1 scenes when asked."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject
from qgis.PyQt.QtCore import QDate

from tests.helpers.sentinel1 import SIZE, write_items, write_rtc_scene

PASSES = (
    ("2023-06-04T17:24:10Z", 88, "ascending"),
    ("2023-06-16T17:24:11Z", 88, "ascending"),
    ("2023-06-09T05:50:30Z", 37, "descending"),
    ("2023-06-21T05:50:31Z", 37, "descending"),
)


@pytest.fixture
def items(tmp_path):
    rng = np.random.default_rng(1)
    written = [
        write_rtc_scene(
            tmp_path / "scenes", when, orbit, state,
            {"VV": rng.gamma(4.4, 0.1 / 4.4, (SIZE, SIZE)), "VH": rng.gamma(4.4, 0.02 / 4.4, (SIZE, SIZE))},
        )
        for when, orbit, state in PASSES
    ]  # fmt: skip
    return write_items(tmp_path / "items.json", written)


def test_processing_run_loads_one_temporal_layer_per_track(provider, items, tmp_path):
    import processing

    from timestack.gui.algorithm_task import load_result_layers

    QgsProject.instance().clear()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results = processing.run(
        "timestack:sarstack",
        {"ITEMS": str(items), "SPECKLE_FILTER": 1, "DB": True, "OUTPUT_FOLDER": str(tmp_path / "tracks")},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    assert results["TRACKS"] == "ASCENDING_088,DESCENDING_037"
    assert [Path(p).name for p in results["OUTPUT_LAYERS"]] == ["ASCENDING_088.tif", "DESCENDING_037.tif"]
    loaded = load_result_layers(context)
    assert sorted(layer.name() for layer in loaded) == ["ASCENDING_088", "DESCENDING_037"]
    ascending = next(layer for layer in loaded if layer.name() == "ASCENDING_088")
    assert ascending.temporalProperties().isActive()
    assert ascending.temporalProperties().fixedTemporalRange().begin().date() == QDate(2023, 6, 4)
    QgsProject.instance().clear()


def test_the_composite_tab_stacks_sentinel1_scenes_per_track_when_asked(
    provider, items, tmp_path, qgis_iface
):
    from qgis.PyQt.QtWidgets import QApplication

    from timestack.gui.composite_panel import CompositePanel

    QgsProject.instance().clear()
    panel = CompositePanel(qgis_iface)
    panel.items.setFilePath(str(items))
    panel.output.setFilePath(str(tmp_path / "radar.tif"))
    panel.per_date.setChecked(True)
    panel.per_track.setChecked(True)
    assert not panel.per_date.isChecked(), "one kind of stack at a time"
    parameters = panel.sar_stack_parameters()
    assert parameters["OUTPUT_FOLDER"] == str(tmp_path / "radar_tracks") and parameters["DB"] is True
    panel.run_composite()
    deadline = time.monotonic() + 120
    while not panel.run_button.isEnabled() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    assert (tmp_path / "radar_tracks" / "ASCENDING_088.tif").is_file(), panel.status.text()
    assert panel.status.text().startswith("Sentinel-1 stacks written (ASCENDING_088,DESCENDING_037)")
    names = sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())
    assert names == ["ASCENDING_088", "DESCENDING_037"]
    QgsProject.instance().clear()

"""A dock run refused for its size (over MAX_GB) asks, with the estimate, whether to run anyway: yes
runs it without the limit, no leaves the refusal and nothing written."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import numpy as np
import pytest
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QMessageBox, QWidget

from tests.helpers.rasters import write_stack
from tests.helpers.scenes import write_items, write_scene
from timestack.gui.algorithm_task import RunsOneAlgorithm


class Tab(RunsOneAlgorithm, QWidget):
    """The smallest dock tab: run controls and the end of the run."""

    def __init__(self, iface):
        super().__init__()
        self.iface = iface
        self.ended: list = []
        self.add_run_controls("Run", "run", lambda: None)

    def run_finished(self, ok: bool, results: dict) -> None:
        self.ended.append((ok, results))


def _wait_until(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the background task"
        QCoreApplication.processEvents()
        time.sleep(0.02)


@pytest.fixture()
def stack(tmp_path):
    data = np.random.default_rng(3).uniform(0, 1, (6, 16, 16)).astype("float32")
    return write_stack(
        tmp_path / "stack.tif", data, [f"2021-{m:02d}-15_ndvi" for m in range(1, 7)], nodata=np.nan
    )


def asked_over_max_gb(qgis_iface, monkeypatch, answer, algorithm_id: str, parameters: dict) -> str:
    """Run ``algorithm_id`` from a dock tab with MAX_GB 1e-9 GB, answer the question ``answer``, and
    return what it asked; the run succeeded and wrote OUTPUT only if the answer was yes."""
    asked = []

    def question(parent, title, text, *_buttons):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    tab = Tab(qgis_iface)
    tab.start_run(algorithm_id, {**parameters, "MAX_GB": 1e-9}, "…")
    _wait_until(lambda: tab.ended)
    assert len(asked) == 1 and "MAX_GB=1e-09 GB" in asked[0]
    ok, _ = tab.ended[-1]
    assert ok is (answer == QMessageBox.Yes)
    assert Path(parameters["OUTPUT"]).exists() is (answer == QMessageBox.Yes)
    assert tab.run_button.isEnabled() and not tab.cancel_button.isEnabled()
    tab.deleteLater()
    QCoreApplication.processEvents()
    gc.collect()  # let the runs' Qt objects go while QGIS still runs (later, collecting them crashes)
    return asked[0]


@pytest.mark.parametrize("answer", [QMessageBox.Yes, QMessageBox.No])
def test_a_run_over_max_gb_asks_and_runs_without_the_limit_when_told(
    provider, qgis_iface, stack, tmp_path, monkeypatch, answer
):
    output = tmp_path / "out" / "scan.tif"
    parameters = {"INPUT": str(stack), "METRICS": "avg", "OUTPUT": str(output)}
    asked = asked_over_max_gb(qgis_iface, monkeypatch, answer, "timestack:timescan", parameters)
    assert "Size estimate: 16 x 16 pixels" in asked


@pytest.fixture()
def items(tmp_path):
    """Two 40 x 40 pixel Landsat scenes of 2020 and their ItemCollection."""
    scenes = [
        write_scene(tmp_path / "scenes", scene_id, when)
        for scene_id, when in (("LC08_A_20200610", "2020-06-10"), ("LC08_B_20200712", "2020-07-12"))
    ]
    return write_items(tmp_path / "items.json", scenes)


@pytest.mark.parametrize(
    ("algorithm_id", "options"),
    [("timestack:composite", {"START_YEAR": 2020, "END_YEAR": 2020}), ("timestack:scenestack", {})],
)
@pytest.mark.parametrize("answer", [QMessageBox.Yes, QMessageBox.No])
def test_a_composite_or_per_date_stack_over_max_gb_asks_too(
    provider, qgis_iface, items, tmp_path, monkeypatch, algorithm_id, options, answer
):
    output = tmp_path / "out" / "stack.tif"
    parameters = {"ITEMS": str(items), "BANDS": [2], "INDICES": "NDVI", "OUTPUT": str(output), **options}
    asked = asked_over_max_gb(qgis_iface, monkeypatch, answer, algorithm_id, parameters)
    # red, nir (for NDVI) and the quality band of 2 scenes, refused with the composite's own advice
    assert "Size estimate: 40 x 40 pixels x 3 bands x 2 dates" in asked and "coarser RESOLUTION" in asked

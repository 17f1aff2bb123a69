"""A dock run refused for its size (over MAX_GB) asks, with the estimate, whether to run anyway: yes
runs it without the limit, no leaves the refusal and nothing written."""

from __future__ import annotations

import time

import numpy as np
import pytest
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QMessageBox, QWidget

from tests.helpers.rasters import write_stack
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


@pytest.mark.parametrize("answer", [QMessageBox.Yes, QMessageBox.No])
def test_a_run_over_max_gb_asks_and_runs_without_the_limit_when_told(
    provider, qgis_iface, stack, tmp_path, monkeypatch, answer
):
    asked = []

    def question(parent, title, text, *_buttons):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    tab = Tab(qgis_iface)
    output = tmp_path / "out" / "scan.tif"
    tab.start_run(
        "timestack:timescan",
        {"INPUT": str(stack), "METRICS": "avg", "MAX_GB": 1e-9, "OUTPUT": str(output)},
        "…",
    )
    _wait_until(lambda: tab.ended)
    assert len(asked) == 1 and "Size estimate: 16 x 16 pixels" in asked[0] and "MAX_GB=" in asked[0]
    ok, _ = tab.ended[-1]
    assert ok is (answer == QMessageBox.Yes)
    assert output.exists() is (answer == QMessageBox.Yes)
    assert tab.run_button.isEnabled() and not tab.cancel_button.isEnabled()
    tab.deleteLater()
    QCoreApplication.processEvents()

"""A dock run (AlgorithmTask) lets go of its tab when it ends, so neither is left to the cyclic garbage
collector, which frees on whichever thread it runs on: Qt objects freed on a worker thread crash QGIS."""

from __future__ import annotations

import gc
import weakref

from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QProgressBar, QWidget

from tests.helpers.landtrendr import synthetic_cubes, write_series_stack
from tests.helpers.qt import wait_until


class Tab(QWidget):
    """A dock tab as the panels are: it keeps its run and hears of its end through a method."""

    def __init__(self):
        super().__init__()
        self.progress = QProgressBar(self)
        self.run = None
        self.ended: list = []

    def done(self, ok: bool, results: dict) -> None:
        self.ended.append(ok)


def deleted_later(condition):
    """``condition`` with the objects Qt was told to delete later deleted (the task manager deletes an
    ended task so, and PyQt the relays of a deleted sender)."""

    def check() -> bool:
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        return condition()

    return check


def landtrendr_parameters(tmp_path) -> dict:
    nbr, swir1, _ = synthetic_cubes()
    stack = write_series_stack(tmp_path / "stack.tif", {"nbr": nbr, "swir1": swir1})
    outputs = {name: str(tmp_path / f"{name.lower()}.tif") for name in ("OUTPUT_VERTICES", "OUTPUT_RMSE")}
    return {"INPUT": str(stack), "INDEX": "nbr", **outputs}


def test_an_ended_run_and_its_tab_are_freed_by_reference_counting(provider, qgis_app, tmp_path):
    from timestack.gui.algorithm_task import AlgorithmTask

    tab = Tab()
    tab.run = AlgorithmTask(
        "timestack:landtrendr", landtrendr_parameters(tmp_path), tab.done, tab.progress.setValue
    )
    tab.run.start()
    ended = tab.ended
    wait_until(lambda: ended, 120)
    assert ended == [True]
    run, destroyed = weakref.ref(tab.run), []
    tab.destroyed.connect(lambda: destroyed.append(True))
    gc.disable()  # nothing but reference counting may free them
    try:
        del tab
        # fails when a reference cycle (through Qt's relays) still holds the ended run or the tab
        wait_until(deleted_later(lambda: run() is None and destroyed), 10)
    finally:
        gc.enable()


def test_a_run_cancelled_before_it_started_lets_go_of_its_tab_too(provider, qgis_app, tmp_path):
    from timestack.gui.algorithm_task import AlgorithmTask

    tab = Tab()
    tab.run = AlgorithmTask(
        "timestack:landtrendr", landtrendr_parameters(tmp_path), tab.done, tab.progress.setValue
    )
    tab.run.start()
    tab.run.cancel()
    ended = tab.ended
    wait_until(lambda: ended, 120)
    assert ended == [False] and tab.run.cancelled
    run = weakref.ref(tab.run)
    gc.disable()
    try:
        del tab
        wait_until(deleted_later(lambda: run() is None), 10)
    finally:
        gc.enable()

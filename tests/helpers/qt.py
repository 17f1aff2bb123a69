"""Waiting for the dock's background work the way a user does: with the event loop turning."""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["preview_scene", "wait_until"]


def wait_until(condition: Callable[[], bool], seconds: float = 30.0) -> float:
    """Turn the Qt event loop until ``condition()`` holds (background tasks report through it); fail
    after ``seconds``.

    Returns the longest single turn of the loop, in seconds: how long the main thread was busy at once,
    the freeze a user would feel (while a finished run's layers are added, say).
    """
    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    longest = 0.0
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the background task"
        started = time.perf_counter()
        QCoreApplication.processEvents()
        longest = max(longest, time.perf_counter() - started)
        time.sleep(0.02)
    return longest


def preview_scene(panel, items: list, row: int = 0):
    """The Search tab's preview layer of ``items[row]``, opened as a user opens it (the items listed, the
    row selected, Add scene) once the tab stops saying "Opening"; fails with the tab's status unless
    the layer is valid."""
    panel.items = list(items)
    panel.show_items(panel.items)
    panel.table.selectRow(row)
    panel.add_selected_scene()
    wait_until(lambda: "Opening" not in panel.status.text())
    layer = panel.preview_layer
    assert layer is not None and layer.isValid(), panel.status.text()
    return layer

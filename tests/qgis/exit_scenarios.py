"""What a user leaves behind when QGIS quits, each run by ``test_exit.py`` in a pytest of its own.

Not collected by the suite (no ``test_`` file name): a native crash at exit would take the whole test
session down with it. pytest-qgis shuts QGIS (and with it GDAL) down when the session ends, before
Python frees what is still alive, as QGIS does when the user quits; what the dock keeps past that must
not be closed by then-dead libraries.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsApplication
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent

import timestack
from tests.helpers.host import HostInterface
from tests.helpers.qt import wait_until
from tests.helpers.rasters import write_stack

DATES = ["2020-01-15", "2020-02-14", "2020-04-01", "2020-06-30", "2020-09-09"]

#: How a scenario reports the descriptors still open on the stack after the run (``-s``).
STILL_OPEN = "descriptors still open on the stack after the run:"

#: What stays alive until QGIS quits: the docks a main window keeps, the panels something still refers to.
KEPT: list = []


def _free_what_is_left() -> None:
    """Once pytest-qgis has shut QGIS down, Python frees what is left (a dock, a panel in a reference
    cycle): now, rather than whenever the garbage collector would have."""
    KEPT.clear()
    gc.collect()


@pytest.fixture(autouse=True, scope="module")
def free_at_exit():
    """Free what the scenario kept once the process exits (only where a scenario runs: test_exit.py
    imports this module for STILL_OPEN)."""
    atexit.register(_free_what_is_left)


def _stack(folder, shape=(9, 13)):
    data = np.random.default_rng(3).uniform(-0.2, 0.9, (len(DATES), *shape)).astype("float32")
    return write_stack(folder / "per_date.tif", data, [f"{date}_ndvi" for date in DATES], nodata=-9999)


def _opened(path: Path) -> list:
    """The descriptors of this process open on ``path`` (none where the system does not list them)."""
    descriptors = Path("/proc/self/fd")
    if not descriptors.is_dir():
        return []
    found = []
    for descriptor in descriptors.iterdir():
        with contextlib.suppress(OSError):
            if Path(os.readlink(descriptor)) == path:
                found.append(descriptor.name)
    return found


def _flushed() -> bool:
    """Run the deletions waiting for the event loop (``deleteLater``), as QGIS's own loop does."""
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    return True


def _animate_then_switch(panel, folder) -> None:
    """Make an animation of a stack file from the visible Time series tab, watch it play, then pick
    another operation."""
    stack = _stack(folder)
    panel.use_file(str(stack))
    panel.operation.setCurrentIndex(panel.operation.findData("timestack:animation"))
    panel.page("timestack:animation").inputs["OUTPUT"].setFilePath(str(folder / "ndvi.gif"))
    panel.run_operation()
    wait_until(panel.run_button.isEnabled, 120)
    assert (folder / "ndvi.gif").is_file(), panel.status.text()
    assert panel.preview.isVisible() and panel.movie.frameCount() == len(DATES)
    wait_until(lambda: panel.movie.currentFrameNumber() > 0, 10)  # playing
    panel.operation.setCurrentIndex(panel.operation.findData("timestack:timescan"))
    assert panel.pages.currentWidget() is panel.page("timestack:timescan")
    # Whether the ended run still holds the stack it read open (a file QGIS holds cannot be replaced or
    # deleted on Windows): test_exit.py checks it once the process has exited, so that a failure here
    # does not keep the panel alive past the exit it is about.
    print(f"{STILL_OPEN} {len(_opened(stack))}")


def test_a_visible_time_series_tab_after_an_animation(provider, qgis_iface, tmp_path):
    from timestack.gui.dock import TimestackDock
    from timestack.gui.timeseries_panel import TimeSeriesPanel

    dock = TimestackDock(qgis_iface)
    KEPT.append(dock)  # left open until QGIS quits
    panel = dock.panel(TimeSeriesPanel)
    dock.tabs.setCurrentWidget(panel)
    dock.show()
    wait_until(panel.isVisible, 10)
    _animate_then_switch(panel, tmp_path)


def test_an_unloaded_plugin_after_an_animation(qgis_canvas, tmp_path):
    from timestack.gui.timeseries_panel import TimeSeriesPanel

    host = HostInterface(qgis_canvas)
    host.window.show()
    plugin = timestack.classFactory(host)
    plugin.initGui()
    plugin.action.trigger()  # opens the dock
    panel = plugin.dock.panel(TimeSeriesPanel)
    KEPT.append(panel)  # a panel something still refers to after the plugin let go of it
    plugin.dock.tabs.setCurrentWidget(panel)
    wait_until(panel.isVisible, 10)
    _animate_then_switch(panel, tmp_path)

    plugin.dock.close()
    QCoreApplication.processEvents()
    plugin.unload()
    _flushed()
    assert QgsApplication.processingRegistry().providerById("timestack") is None


def test_a_plugin_unloaded_while_its_animation_runs(qgis_canvas, tmp_path):
    from timestack.gui.timeseries_panel import TimeSeriesPanel

    host = HostInterface(qgis_canvas)
    host.window.show()
    plugin = timestack.classFactory(host)
    plugin.initGui()
    plugin.action.trigger()
    panel = plugin.dock.panel(TimeSeriesPanel)
    plugin.dock.tabs.setCurrentWidget(panel)
    wait_until(panel.isVisible, 10)
    stack = _stack(tmp_path, (1500, 1500))  # seconds of rendering: still running when the plugin goes
    panel.use_file(str(stack))
    panel.operation.setCurrentIndex(panel.operation.findData("timestack:animation"))
    panel.page("timestack:animation").inputs["OUTPUT"].setFilePath(str(tmp_path / "ndvi.gif"))
    panel.run_operation()
    run = panel.run
    del panel

    plugin.unload()  # the tab goes while its run is under way: the run is cancelled, its tab not called
    _flushed()
    gc.collect()
    wait_until(lambda: _flushed() and sip.isdeleted(run.task), 60)  # the task manager let go of it
    assert run.cancelled and not (tmp_path / "ndvi.gif").exists()  # cancelled: nothing written
    print(f"{STILL_OPEN} {len(_opened(stack))}")


def test_a_dock_whose_map_tools_are_on_when_qgis_quits(provider, qgis_iface, tmp_path):
    """The pick tool of Polygon statistics made, then LandTrendr's pixel inspector on the canvas, when
    QGIS quits: the tools go with their tabs, whichever of the canvas and the dock goes first."""
    from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsRectangle, QgsVectorLayer

    from timestack.gui.dock import TimestackDock
    from timestack.gui.landtrendr_panel import LandTrendrPanel
    from timestack.gui.zonal_panel import ZonalPanel

    layer = QgsVectorLayer("Polygon?crs=EPSG:3857&field=name:string", "stands", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(0, 0, 100, 100)))
    layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    dock = TimestackDock(qgis_iface)
    KEPT.append(dock)  # left open until QGIS quits
    dock.show()
    zonal, landtrendr = dock.panel(ZonalPanel), dock.panel(LandTrendrPanel)
    zonal.polygons.setLayer(layer)
    zonal.pick_button.setChecked(True)
    landtrendr.inspect_button.setChecked(True)
    assert qgis_iface.mapCanvas().mapTool() is landtrendr.inspector.tool
    assert not zonal.pick_button.isChecked() or zonal.pick_tool is not None

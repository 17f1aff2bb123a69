"""The dock's workflow on the small sample archive as a user meets it: build the sample, search it,
composite, fit LandTrendr and map change, measure the stands, inspect a pixel, run a timescan, with what
the map then shows and how long QGIS froze after each run and for the click."""

import time
from pathlib import Path

from qgis.core import QgsPointXY, QgsProject, QgsRasterLayer, QgsUnitTypes, QgsVectorLayer
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QCoreApplication, QDate, QEvent, QPoint, Qt

from tests.helpers.qt import wait_until

ROOT = Path(__file__).resolve().parents[2]

#: Longest the main thread may be busy in one turn of the event loop (a freeze a user notices).
FREEZE_LIMIT = 0.5


def _click_and_measure_freeze(canvas, landtrendr, stack) -> float:
    """Press the left button over a pixel of ``stack`` with the LandTrendr tab's inspector, as a user's
    click does; return the longest the main thread was busy: the click itself, or one turn of the
    event loop until the pixel is read, fitted and plotted."""
    canvas.window().show()  # a hidden canvas keeps a stale output size; users click a shown one
    QCoreApplication.processEvents()
    canvas.setDestinationCrs(stack.crs())
    canvas.setExtent(stack.extent())
    canvas.refresh()
    QCoreApplication.processEvents()
    landtrendr.inspect_button.setChecked(True)
    extent = stack.extent()
    point = QgsPointXY(extent.xMinimum() + 0.3 * extent.width(), extent.yMinimum() + 0.55 * extent.height())
    device = canvas.getCoordinateTransform().transform(point)
    event = QgsMapMouseEvent(
        canvas, QEvent.MouseButtonPress, QPoint(round(device.x()), round(device.y())), Qt.LeftButton
    )
    started = time.perf_counter()
    landtrendr.inspector.tool.canvasPressEvent(event)
    longest = time.perf_counter() - started
    longest = max(longest, wait_until(lambda: landtrendr.inspector.reading is None, 30))
    landtrendr.inspect_button.setChecked(False)
    return longest


def _top_layer():
    return QgsProject.instance().layerTreeRoot().children()[0]


def test_sample_search_composite_landtrendr_change_map_in_the_dock(provider, qgis_iface, tmp_path):
    from qgis.core import QgsTemporalNavigationObject

    from timestack.gui.composite_panel import CompositePanel
    from timestack.gui.dock import TimestackDock
    from timestack.gui.landtrendr_panel import LandTrendrPanel
    from timestack.gui.sample_panel import SamplePanel
    from timestack.gui.search_panel import SearchPanel
    from timestack.gui.timeseries_panel import TimeSeriesPanel
    from timestack.gui.zonal_panel import ZonalPanel

    QgsProject.instance().clear()
    controller = QgsTemporalNavigationObject()
    qgis_iface.mapCanvas().setTemporalController(controller)
    dock = TimestackDock(qgis_iface)
    sample, search = dock.panel(SamplePanel), dock.panel(SearchPanel)
    composite, landtrendr = dock.panel(CompositePanel), dock.panel(LandTrendrPanel)
    zonal, timeseries = dock.panel(ZonalPanel), dock.panel(TimeSeriesPanel)
    freezes = {}
    try:
        sample.variant.setCurrentIndex(1)
        sample.folder.setFilePath(str(ROOT / "build" / "sample" / "small"))  # reused when built
        sample.build()
        freezes["sample"] = wait_until(sample.run_button.isEnabled, 180)
        assert sample.run.results.get("OUTPUT_ITEMS"), sample.status.text()

        # The search is set to the sample's area and years: Search finds its scenes at once.
        search.doy_start.setValue(152)
        search.doy_end.setValue(273)
        search.search()
        freezes["search"] = wait_until(search.run_button.isEnabled, 60)
        assert search.table.rowCount() > 0, search.status.text()
        footprints = [
            layer
            for layer in QgsProject.instance().mapLayers().values()
            if isinstance(layer, QgsVectorLayer) and layer.name() == "Scene footprints"
        ]
        assert len(footprints) == 1

        # The composite tab took the search's scenes and years; three years keep the test short.
        assert composite.parameters()["ITEMS"] == search.run.results["OUTPUT_ITEMS"]
        assert (composite.start_year.value(), composite.end_year.value()) == (2000, 2014)
        composite.start_year.setValue(2004)
        composite.end_year.setValue(2012)
        composite.output.setFilePath(str(tmp_path / "composite.tif"))
        composite.run_composite()
        freezes["composite"] = wait_until(composite.run_button.isEnabled, 180)
        assert Path(composite.run.results.get("OUTPUT", "")).is_file(), composite.status.text()
        assert _top_layer().name() == "Composite 2004–2012 by year"
        years = QgsProject.instance().timeSettings()
        assert years.temporalRange().begin().date() == QDate(2004, 1, 1)
        assert (years.timeStep(), years.timeStepUnit()) == (1.0, QgsUnitTypes.TemporalYears)
        assert controller.totalFrameCount() == 9

        # LandTrendr picks the stack the composite loaded, then maps change on top of everything.
        stack = landtrendr.stack.currentLayer()
        assert stack is not None and stack.name() == "Composite 2004–2012"
        assert landtrendr.index.currentText() == "nbr"
        landtrendr.folder.setFilePath(str(tmp_path / "landtrendr"))
        landtrendr.start()
        # Run is enabled again when the change map that follows the fit is loaded.
        freezes["landtrendr and change map"] = wait_until(landtrendr.run_button.isEnabled, 240)
        assert "done" in landtrendr.status.text(), landtrendr.status.text()
        assert _top_layer().name() == "Change map (loss, greatest)"
        assert isinstance(_top_layer().layer(), QgsRasterLayer)

        # Polygon statistics of the sample's stands on the composite stack (a run in a worker thread that,
        # importing exactextract there, crashed the next polygon statistics run of the session).
        stands = next(
            layer for layer in QgsProject.instance().mapLayers().values() if layer.name() == "Sample stands"
        )
        zonal.polygons.setLayer(stands)
        zonal.id_field.setField("stand_id")
        zonal.stack.setLayer(stack)
        zonal.output.setFilePath(str(tmp_path / "stands.csv"))
        zonal.start()
        freezes["polygon statistics"] = wait_until(zonal.run_button.isEnabled, 120)
        assert zonal.table is not None and len(zonal.table) > 0, zonal.status.text()

        # One click of the pixel inspector on a stand of the stack: read, fit and plot.
        freezes["inspector click"] = _click_and_measure_freeze(qgis_iface.mapCanvas(), landtrendr, stack)
        assert landtrendr.inspector.fit is not None

        # A timescan of the composite stack from the Time series tab.
        timeseries.stack.setLayer(stack)
        timeseries.operation.setCurrentIndex(timeseries.operation.findData("timestack:timescan"))
        timeseries.page("timestack:timescan").inputs["OUTPUT"].setFilePath(str(tmp_path / "timescan.tif"))
        timeseries.run_operation()
        freezes["timescan"] = wait_until(timeseries.run_button.isEnabled, 120)
        assert Path(timeseries.run.results.get("OUTPUT", "")).is_file(), timeseries.status.text()

        # No polygon layer hides the rasters under it.
        for layer in QgsProject.instance().mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and layer.isSpatial():
                assert layer.renderer().symbol().color().alpha() <= 40, layer.name()
        dock.resize(440, 800)
        dock.grab().save(str(ROOT / "build" / "dock_workflow.png"))
    finally:
        qgis_iface.mapCanvas().setTemporalController(None)
        dock.deleteLater()
        QgsProject.instance().clear()
    print("longest main-thread turn per step (s):", {step: round(s, 3) for step, s in freezes.items()})
    assert {step: seconds for step, seconds in freezes.items() if seconds >= FREEZE_LIMIT} == {}

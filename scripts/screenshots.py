"""``make screenshots``: every tab of the Timestack dock, the pixel inspector, the series plot, the Earth
Engine tasks box, a timescan's result and the map, rendered offscreen after the dock's own workflow on
the small sample archive, into ``docs/screenshots/``.

The README shows these images; regenerating them after a change to a panel keeps the README honest.
Everything runs through the dock's panels (their background tasks, their post-processors), as a user
would click through them.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SAMPLE = ROOT / "build" / "sample" / "small"
DOCK_SIZE = (600, 860)  # the dock is at least ~590 px wide (its inputs set the minimum)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(ROOT))
sys.path.append("/usr/share/qgis/python/plugins")  # Processing, as QGIS's own Python finds it


class Iface:
    """The part of QgisInterface the dock uses: a map canvas."""

    def __init__(self):
        from qgis.gui import QgsMapCanvas

        self.canvas = QgsMapCanvas()
        self.canvas.resize(600, 600)

    def mapCanvas(self):  # noqa: N802 - QGIS's name
        return self.canvas


def wait_until(condition, seconds: float = 300.0) -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("a background task did not finish in time")
        QCoreApplication.processEvents()
        time.sleep(0.02)
    for _ in range(10):
        QCoreApplication.processEvents()


def grab(dock, panel, name: str) -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    dock.tabs.setCurrentWidget(panel)
    QCoreApplication.processEvents()
    dock.grab().save(str(OUT / f"{name}.png"))
    print(f"  {OUT / f'{name}.png'}")


def render_map(path: Path) -> None:
    """The project's visible map layers, top first, over the top raster's extent (the change map)."""
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings, QgsProject, QgsRasterLayer
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    project = QgsProject.instance()
    nodes = project.layerTreeRoot().findLayers()
    layers = [node.layer() for node in nodes if node.isVisible() and node.layer().isSpatial()]
    top_raster = next(layer for layer in layers if isinstance(layer, QgsRasterLayer))
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setOutputSize(QSize(600, 600))
    settings.setDestinationCrs(top_raster.crs())
    settings.setExtent(top_raster.extent())
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(str(path))
    print(f"  {path}")


def main() -> None:
    from qgis.core import QgsApplication, QgsProject, QgsTemporalNavigationObject
    from qgis.PyQt.QtCore import QCoreApplication, QPoint
    from qgis.PyQt.QtWidgets import QScrollArea

    work = ROOT / "build" / "screenshots"
    work.mkdir(parents=True, exist_ok=True)
    # A profile of its own: the user's QGIS settings (folded groups, last folders) neither leak into
    # the pictures nor change.
    app = QgsApplication([], True, str(work / "profile"))
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from timestack.gui.composite_panel import CompositePanel
    from timestack.gui.dock import TimestackDock
    from timestack.gui.landtrendr_panel import LandTrendrPanel
    from timestack.gui.sample_panel import SamplePanel
    from timestack.gui.search_panel import SearchPanel
    from timestack.gui.timeseries_panel import TimeSeriesPanel
    from timestack.gui.zonal_panel import ZonalPanel
    from timestack.processing.provider import TimestackProvider

    provider = TimestackProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    OUT.mkdir(parents=True, exist_ok=True)

    iface = Iface()
    controller = QgsTemporalNavigationObject()  # the canvas keeps a bare pointer: keep it alive here
    iface.canvas.setTemporalController(controller)
    dock = TimestackDock(iface)
    dock.resize(*DOCK_SIZE)
    dock.show()
    sample, search = dock.panel(SamplePanel), dock.panel(SearchPanel)
    composite, landtrendr, zonal = (
        dock.panel(CompositePanel), dock.panel(LandTrendrPanel), dock.panel(ZonalPanel)
    )  # fmt: skip
    timeseries = dock.panel(TimeSeriesPanel)

    print("Sample data")
    sample.variant.setCurrentIndex(1)
    sample.folder.setFilePath(str(SAMPLE))
    sample.build()
    wait_until(sample.run_button.isEnabled)
    grab(dock, sample, "1_sample")

    print("Search")
    search.doy_start.setValue(152)
    search.doy_end.setValue(273)
    search.search()
    wait_until(search.run_button.isEnabled)
    grab(dock, search, "2_search")

    print("Composite")
    composite.start_year.setValue(2000)
    composite.end_year.setValue(2014)
    composite.output.setFilePath(str(work / "composite.tif"))
    composite.run_composite()
    wait_until(composite.run_button.isEnabled)
    grab(dock, composite, "3_composite")

    print("LandTrendr")
    landtrendr.folder.setFilePath(str(work / "landtrendr"))
    landtrendr.start()
    wait_until(landtrendr.run_button.isEnabled)
    stack = landtrendr.stack.currentLayer()
    extent = stack.extent()
    # A clear-cut stand of the sample (left middle): a drop and regrowth to fit.
    landtrendr.inspector.inspect_layer_point(
        extent.xMinimum() + 0.3 * extent.width(), extent.yMinimum() + 0.55 * extent.height()
    )
    wait_until(lambda: landtrendr.inspector.reading is None)
    landtrendr.parameters_box.setCollapsed(True)
    grab(dock, landtrendr, "4_landtrendr_inspector")
    landtrendr.parameters_box.setCollapsed(False)
    grab(dock, landtrendr, "5_landtrendr_parameters")
    # Earth Engine's export tasks, at the foot of the tab: listed once a project is given (no login
    # here, so the table is empty).
    landtrendr.parameters_box.setCollapsed(True)
    landtrendr.earthengine_tasks.setCollapsed(False)
    QCoreApplication.processEvents()
    dock.resize(DOCK_SIZE[0], DOCK_SIZE[1] + 140)  # from the parameters down, none of it cut
    QCoreApplication.processEvents()
    scroll = landtrendr.findChild(QScrollArea)
    top = landtrendr.parameters_box.mapTo(scroll.widget(), QPoint(0, 0)).y()
    scroll.verticalScrollBar().setValue(top - 8)
    grab(dock, landtrendr, "9_earthengine_tasks")
    landtrendr.earthengine_tasks.setCollapsed(True)
    dock.resize(*DOCK_SIZE)

    print("Polygon statistics")
    stands = next(
        layer for layer in QgsProject.instance().mapLayers().values() if layer.name() == "Sample stands"
    )
    zonal.polygons.setLayer(stands)
    zonal.id_field.setField("stand_id")
    zonal.stack.setLayer(stack)
    zonal.output.setFilePath(str(work / "stands.csv"))
    zonal.start()
    wait_until(zonal.run_button.isEnabled)
    disturbed = next(feature for feature in stands.getFeatures() if feature["dist_year"])
    zonal.feature_picked(disturbed)
    grab(dock, zonal, "6_polygon_statistics")

    print("Map")
    render_map(OUT / "7_map.png")

    print("Time series")
    timeseries.stack.setLayer(stack)
    timeseries.operation.setCurrentIndex(timeseries.operation.findData("timestack:timescan"))
    timeseries.page("timestack:timescan").inputs["OUTPUT"].setFilePath(str(work / "timescan.tif"))
    timeseries.run_operation()
    wait_until(timeseries.run_button.isEnabled)
    grab(dock, timeseries, "8_time_series")
    dock.deleteLater()
    QgsApplication.processingRegistry().removeProvider(provider)
    app.exitQgis()


if __name__ == "__main__":
    main()

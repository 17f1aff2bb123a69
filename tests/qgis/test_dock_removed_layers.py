"""A layer picked in the dock and then removed from the project leaves its box empty: Qt's combo box
would pick the removed layer's neighbour, and the next run would search another AOI or measure another
raster as LandTrendr's fit without a word."""

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsRasterLayer, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from tests.helpers.landtrendr import synthetic_cubes, write_series_stack


@pytest.fixture()
def layers(tmp_path):
    """Two polygon layers (AOIs) and two stacks, in the project."""
    QgsProject.instance().clear()
    polygons = []
    for name in ("aoi a", "aoi b"):
        layer = QgsVectorLayer("Polygon?crs=EPSG:3857", name, "memory")
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(0, 0, 100, 100)))
        layer.dataProvider().addFeatures([feature])
        polygons.append(layer)
    nbr, swir1, _ = synthetic_cubes()
    stacks = [
        QgsRasterLayer(str(write_series_stack(tmp_path / f"{name}.tif", {"nbr": nbr, "swir1": swir1})), name)
        for name in ("stack a", "stack b")
    ]
    QgsProject.instance().addMapLayers([*polygons, *stacks])
    yield polygons, stacks
    QgsProject.instance().clear()


def _boxes(dock):
    from timestack.gui.landtrendr_panel import LandTrendrPanel
    from timestack.gui.search_panel import SearchPanel
    from timestack.gui.timeseries_panel import TimeSeriesPanel
    from timestack.gui.zonal_panel import ZonalPanel

    return {
        "Search AOI": (dock.panel(SearchPanel).aoi, 0),
        "LandTrendr stack": (dock.panel(LandTrendrPanel).stack, 1),
        "Time series stack": (dock.panel(TimeSeriesPanel).stack, 1),
        "Polygon statistics LandTrendr fit": (dock.panel(ZonalPanel).fitted, 1),
        "Polygon statistics polygons": (dock.panel(ZonalPanel).polygons, 0),
        "Polygon statistics stack": (dock.panel(ZonalPanel).stack, 1),
    }


@pytest.mark.parametrize("box", ["Search AOI", "LandTrendr stack", "Time series stack",
                                 "Polygon statistics LandTrendr fit", "Polygon statistics polygons",
                                 "Polygon statistics stack"])  # fmt: skip
def test_a_removed_layer_leaves_its_box_empty_not_on_its_neighbour(provider, qgis_iface, layers, box):
    from timestack.gui.dock import TimestackDock

    dock = TimestackDock(qgis_iface)
    try:
        combo, kind = _boxes(dock)[box]
        first, second = layers[kind]
        combo.setLayer(first)
        QgsProject.instance().removeMapLayer(first.id())
        QCoreApplication.processEvents()
        assert combo.currentLayer() is None, f"{box} picked {combo.currentText()!r}"
        combo.setLayer(second)  # the box still works
        assert combo.currentLayer() is second
    finally:
        dock.deleteLater()
        QCoreApplication.processEvents()


def test_removing_another_layer_keeps_the_pick(provider, qgis_iface, layers):
    from timestack.gui.dock import TimestackDock

    dock = TimestackDock(qgis_iface)
    try:
        combo, _ = _boxes(dock)["LandTrendr stack"]
        first, second = layers[1]
        combo.setLayer(second)
        QgsProject.instance().removeMapLayer(first.id())
        assert combo.currentLayer() is second
    finally:
        dock.deleteLater()
        QCoreApplication.processEvents()

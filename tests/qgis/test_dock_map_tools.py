"""The dock's map tools (LandTrendr's pixel inspector, Polygon statistics' pick tool) leave the map
canvas with the plugin: unloading it while one is on leaves no tool whose clicks go nowhere, and
picking another tool afterwards raises no Python error (QGIS shows each in an error dialog)."""

import sys

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.gui import QgsMapToolPan
from qgis.PyQt.QtCore import QCoreApplication, QEvent

import timestack
from tests.helpers.host import HostInterface


@pytest.fixture()
def plugin(qgis_canvas, monkeypatch):
    """The plugin loaded with its dock open; Python errors raised in Qt slots collected in ``errors``."""
    errors = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: errors.append(error))
    host = HostInterface(qgis_canvas)
    plugin = timestack.classFactory(host)
    plugin.initGui()
    plugin.action.trigger()  # opens the dock
    plugin.errors = errors
    yield plugin
    host.window.deleteLater()
    QgsProject.instance().clear()


def _unload_then_pan(plugin, canvas) -> None:
    plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # the dock is deleted
    assert canvas.mapTool() is None
    pan = QgsMapToolPan(canvas)
    canvas.setMapTool(pan)
    canvas.unsetMapTool(pan)


def test_unloading_the_plugin_with_the_pixel_inspector_on_takes_it_off_the_canvas(plugin, qgis_canvas):
    from timestack.gui.landtrendr_panel import LandTrendrPanel

    landtrendr = plugin.dock.panel(LandTrendrPanel)
    landtrendr.inspect_button.setChecked(True)
    assert qgis_canvas.mapTool() is landtrendr.inspector.tool
    _unload_then_pan(plugin, qgis_canvas)
    assert plugin.errors == []


def test_unloading_the_plugin_with_the_polygon_pick_on_takes_it_off_the_canvas(plugin, qgis_canvas):
    from timestack.gui.zonal_panel import ZonalPanel

    layer = QgsVectorLayer("Polygon?crs=EPSG:3857&field=name:string", "stands", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(0, 0, 100, 100)))
    layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    zonal = plugin.dock.panel(ZonalPanel)
    zonal.polygons.setLayer(layer)
    zonal.pick_button.setChecked(True)
    assert qgis_canvas.mapTool() is zonal.pick_tool
    _unload_then_pan(plugin, qgis_canvas)
    assert plugin.errors == []

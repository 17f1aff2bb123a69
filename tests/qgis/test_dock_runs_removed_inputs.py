"""A dock run goes on when the user removes its input layers from the project just after pressing Run:
the layers were read in the main thread before the run moved to its worker, which reads their files
(looked up from the worker, or read there once deleted, such layers failed the run or crashed QGIS)."""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

from tests.helpers.landtrendr import synthetic_cubes, write_series_stack
from tests.helpers.qt import wait_until
from tests.helpers.rasters import write_stack
from tests.helpers.zonal import memory_polygon, pixel_box, standard_features, write_polygons

DATES = ["2020-01-15", "2020-04-01", "2020-09-09"]


@pytest.fixture()
def dock(provider, qgis_iface):
    from timestack.gui.dock import TimestackDock

    QgsProject.instance().clear()
    dock = TimestackDock(qgis_iface)
    yield dock
    dock.deleteLater()
    QgsProject.instance().clear()


def per_date_stack(folder) -> QgsRasterLayer:
    data = np.random.default_rng(4).uniform(0, 1, (len(DATES), 12, 16)).astype("float32")
    path = write_stack(folder / "per_date.tif", data, [f"{date}_ndvi" for date in DATES])
    layer = QgsRasterLayer(str(path), "per-date NDVI")
    QgsProject.instance().addMapLayer(layer)
    return layer


def remove_right_after_run(run, *layers) -> None:
    """Press Run, then remove ``layers`` before the event loop turns (the run's worker starts meanwhile)."""
    run()
    QgsProject.instance().removeMapLayers([layer.id() for layer in layers])


def test_landtrendr_goes_on_without_its_stack_layer(dock, tmp_path):
    from timestack.gui.landtrendr_panel import LandTrendrPanel

    panel = dock.panel(LandTrendrPanel)
    nbr, swir1, _ = synthetic_cubes()
    stack = QgsRasterLayer(
        str(write_series_stack(tmp_path / "stack.tif", {"nbr": nbr, "swir1": swir1})), "stack"
    )
    QgsProject.instance().addMapLayer(stack)
    panel.stack.setLayer(stack)
    panel.folder.setFilePath(str(tmp_path / "out"))
    remove_right_after_run(panel.start, stack)
    wait_until(lambda: not panel.cancel_button.isEnabled(), 120)
    assert "done" in panel.status.text(), panel.status.text()
    assert (tmp_path / "out" / "nbr_change.tif").is_file()


def test_a_timescan_and_an_outlined_animation_go_on_without_their_layers(dock, tmp_path):
    from timestack.gui.timeseries_panel import TimeSeriesPanel

    panel = dock.panel(TimeSeriesPanel)
    stack = per_date_stack(tmp_path)
    panel.stack.setLayer(stack)
    panel.operation.setCurrentIndex(panel.operation.findData("timestack:timescan"))
    panel.page("timestack:timescan").inputs["OUTPUT"].setFilePath(str(tmp_path / "timescan.tif"))
    remove_right_after_run(panel.run_operation, stack)
    wait_until(panel.run_button.isEnabled, 120)
    assert (tmp_path / "timescan.tif").is_file(), panel.status.text()

    stack = per_date_stack(tmp_path)
    aoi = memory_polygon(pixel_box(4, 3, 12, 9))
    QgsProject.instance().addMapLayer(aoi)
    panel.stack.setLayer(stack)
    panel.operation.setCurrentIndex(panel.operation.findData("timestack:animation"))
    page = panel.page("timestack:animation")
    page.inputs["AOI"].setLayer(aoi)
    page.inputs["OUTPUT"].setFilePath(str(tmp_path / "ndvi.gif"))
    remove_right_after_run(panel.run_operation, stack, aoi)
    wait_until(panel.run_button.isEnabled, 120)
    assert (tmp_path / "ndvi.gif").is_file(), panel.status.text()


def test_polygon_statistics_go_on_without_their_polygons_and_stack_layers(dock, tmp_path):
    from timestack.gui.zonal_panel import ZonalPanel

    panel = dock.panel(ZonalPanel)
    data = np.random.default_rng(5).uniform(0, 1, (2, 20, 20)).astype("float32")
    stack = QgsRasterLayer(
        str(write_stack(tmp_path / "stack.tif", data, ["2001_ndvi", "2002_ndvi"])), "stack"
    )
    stands = QgsVectorLayer(str(write_polygons(tmp_path / "stands.gpkg", standard_features())), "stands")
    QgsProject.instance().addMapLayers([stack, stands])
    panel.polygons.setLayer(stands)
    panel.id_field.setField("stand_id")
    panel.use_stacks.setChecked(True)
    panel.stack.setLayer(stack)
    panel.variables.setText("ndvi")
    panel.output.setFilePath(str(tmp_path / "stands.csv"))
    remove_right_after_run(panel.start, stack, stands)
    wait_until(panel.run_button.isEnabled, 120)
    assert panel.table is not None and len(panel.table) > 0, panel.status.text()

"""The LandTrendr dock panel: it lists the stack's indices, builds the algorithm's parameters from
its widgets, refits the inspected pixel when a parameter changes, runs LandTrendr and the change
map in the background and adds the styled change map to the project; the warm-up task compiles the
kernels off the main thread."""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import QgsProject, QgsRasterLayer, QgsSingleBandPseudoColorRenderer
from qgis.PyQt.QtCore import QCoreApplication

from tests.helpers.landtrendr import YEARS, synthetic_cubes, write_series_stack
from tests.helpers.qt import wait_until
from timestack.core.landtrendr.fit import LandTrendrParams, fit_pixel


@pytest.fixture()
def stack_layer(tmp_path):
    QgsProject.instance().clear()
    nbr, swir1, truth = synthetic_cubes()
    path = write_series_stack(tmp_path / "stack.tif", {"nbr": nbr, "swir1": swir1})
    layer = QgsRasterLayer(str(path), "stack")
    QgsProject.instance().addMapLayer(layer)
    yield layer, nbr.astype("float32").astype("float64"), truth
    QgsProject.instance().clear()


def int16_copy(source: str, path):
    """The stack as an int16 composite stores it: indices x 10000, without scale tags."""
    import rasterio

    with rasterio.open(source) as src:
        with rasterio.open(path, "w", **dict(src.profile, dtype="int16", nodata=-32768)) as dst:
            dst.write((np.nan_to_num(src.read()) * 10000).astype("int16"))
            dst.descriptions = src.descriptions
    return path


@pytest.fixture()
def panel(qgis_iface, stack_layer):
    from timestack.gui.landtrendr_panel import LandTrendrPanel

    panel = LandTrendrPanel(qgis_iface)
    panel.stack.setLayer(stack_layer[0])
    panel.resize(400, 900)
    return panel


def test_panel_lists_the_stack_indices_and_builds_the_contract_parameters(panel, stack_layer):
    layer = stack_layer[0]
    assert [panel.index.itemText(i) for i in range(panel.index.count())] == ["nbr", "swir1"]
    assert panel.index.currentText() == "nbr"
    panel.param_widgets["maxSegments"].setValue(4)
    panel.param_widgets["preventOneYearRecovery"].setChecked(True)
    parameters = panel.parameters()
    assert parameters["INPUT"] == layer.source() and parameters["INDEX"] == "nbr"
    assert parameters["MAX_SEGMENTS"] == 4 and parameters["PREVENT_ONE_YEAR_RECOVERY"] is True
    assert parameters["SPIKE_THRESHOLD"] == pytest.approx(0.9)
    assert parameters["OUTPUT_SEGMENTS"] == "TEMPORARY_OUTPUT"
    assert panel.disturbance_direction() == -1
    panel.index.setCurrentText("swir1")
    assert panel.disturbance_direction() == 1


def test_the_loss_threshold_follows_the_stack_units(panel, stack_layer, tmp_path):
    """0.1 NBR is 0.1 on a float stack and 1000 on an int16 composite (indices x 10000)."""
    import rasterio

    assert panel.min_magnitude.value() == pytest.approx(0.1)
    scaled = int16_copy(stack_layer[0].source(), tmp_path / "int16.tif")
    layer = QgsRasterLayer(str(scaled), "int16 stack")
    QgsProject.instance().addMapLayer(layer)
    panel.stack.setLayer(layer)
    assert panel.min_magnitude.value() == pytest.approx(1000)
    panel.stack.setLayer(stack_layer[0])
    assert panel.min_magnitude.value() == pytest.approx(0.1)
    # scale tags make the values physical (QGIS reads such a band as Float32): LandTrendr fits NBR itself
    with rasterio.open(scaled, "r+") as dst:
        dst.scales, dst.offsets = (0.0001,) * dst.count, (0.0,) * dst.count
    tagged = QgsRasterLayer(str(scaled), "tagged int16 stack")
    QgsProject.instance().addMapLayer(tagged)
    panel.stack.setLayer(tagged)
    assert panel.min_magnitude.value() == pytest.approx(0.1)


def test_the_pixel_plot_of_an_int16_stack_says_its_values_are_scaled(panel, stack_layer, tmp_path):
    """An int16 composite stores indices x 10000: the plot's axis says so (a bare "nbr" axis from 2000
    to 7000 read as a wrong index), and a float stack's axis is the index alone."""

    scaled = int16_copy(stack_layer[0].source(), tmp_path / "int16.tif")
    layer = stack_layer[0]
    extent = layer.extent()
    for path, label in ((layer.source(), "nbr"), (str(scaled), "nbr × 10000")):
        stack = QgsRasterLayer(path, label)
        QgsProject.instance().addMapLayer(stack)
        panel.stack.setLayer(stack)
        panel.inspector.inspect_layer_point(extent.xMinimum() + 6.5 * 30, extent.yMaximum() - 2.5 * 30)
        wait_until(lambda: panel.inspector.reading is None, 30)
        assert panel.plot.figure.axes[0].get_ylabel() == label


def test_a_parameter_change_refits_the_inspected_pixel(panel, stack_layer):
    layer, nbr, _ = stack_layer
    extent = layer.extent()
    panel.inspector.inspect_layer_point(extent.xMinimum() + 6.5 * 30, extent.yMaximum() - 2.5 * 30)
    wait_until(lambda: panel.inspector.reading is None, 30)
    panel.param_widgets["maxSegments"].setValue(1)
    expected = fit_pixel(nbr[:, 2, 6], YEARS, LandTrendrParams(maxSegments=1), -1, "gee")
    np.testing.assert_allclose(panel.inspector.fit.fitted, expected.fitted, atol=1e-12)
    panel.flavor.setCurrentIndex(1)
    expected = fit_pixel(nbr[:, 2, 6], YEARS, LandTrendrParams(maxSegments=1), -1, "idl")
    np.testing.assert_allclose(panel.inspector.fit.fitted, expected.fitted, atol=1e-12)


def test_panel_runs_landtrendr_then_the_change_map_in_the_background(provider, panel, stack_layer, tmp_path):
    _, _, truth = stack_layer
    panel.folder.setFilePath(str(tmp_path / "out"))
    panel.param_widgets["maxSegments"].setValue(4)
    panel.min_magnitude.setValue(0.2)
    panel.start()
    assert not panel.run_button.isEnabled()
    wait_until(panel.run_button.isEnabled, 120)
    assert panel.change_run is not None, panel.status.text()
    layers = {layer.name(): layer for layer in QgsProject.instance().mapLayers().values()}
    change = layers["Change map (loss, greatest)"]
    assert isinstance(change.renderer(), QgsSingleBandPseudoColorRenderer)
    assert {"LandTrendr segments (nbr)", "LandTrendr fitted nbr"} <= set(layers)
    yod = change.dataProvider().block(1, change.extent(), 16, 16)
    years = np.array([[yod.value(r, c) for c in range(16)] for r in range(16)])
    assert np.array_equal(years[truth > 0], truth[truth > 0])
    assert (tmp_path / "out" / "nbr_change.tif").is_file()


def test_results_land_on_top_of_the_composite_group_as_one_band_ramps(provider, panel, stack_layer, tmp_path):
    """The change map is the top layer, every LandTrendr output is above the (still visible) composite
    group, RMSE and fitted values are one band on a ramp whose legend names the quantity, and the
    segment tables and the RMSE start hidden."""
    layer = stack_layer[0]
    root = QgsProject.instance().layerTreeRoot()
    group = root.insertGroup(0, "Composite by year")
    group.addLayer(layer)
    root.removeLayer(layer)
    panel.folder.setFilePath(str(tmp_path / "out"))
    panel.min_magnitude.setValue(0.2)
    panel.start()
    wait_until(lambda: panel.run_button.isEnabled() and panel.change_run is not None, 120)
    wait_until(lambda: "Change map (loss, greatest)" in _names(), 60)
    order = [node.name() for node in root.children()]
    assert order[0] == "Change map (loss, greatest)"
    assert order.index("Composite by year") > max(
        order.index(name) for name in _names() if "LandTrendr" in name
    )
    layers = {layer.name(): layer for layer in QgsProject.instance().mapLayers().values()}

    rmse = layers["LandTrendr RMSE (nbr)"].renderer()
    assert isinstance(rmse, QgsSingleBandPseudoColorRenderer) and rmse.band() == 1
    assert [label for label, _ in rmse.legendSymbologyItems()][0] == "RMSE 0.00 NBR"
    fitted_layer = layers["LandTrendr fitted nbr"]
    fitted = fitted_layer.renderer()
    assert isinstance(fitted, QgsSingleBandPseudoColorRenderer) and fitted.band() == fitted_layer.bandCount()
    labels = [label for label, _ in fitted.legendSymbologyItems()]
    assert labels[0] == "NBR -1.00 (fitted, 2019)" and labels[-1] == "NBR 1.00 (fitted, 2019)"
    assert not root.findLayer(layers["LandTrendr segments (nbr)"].id()).itemVisibilityChecked()
    assert not root.findLayer(layers["LandTrendr RMSE (nbr)"].id()).itemVisibilityChecked()
    assert root.findLayer(fitted_layer.id()).itemVisibilityChecked()


def _names() -> set:
    return {layer.name() for layer in QgsProject.instance().mapLayers().values()}


def test_the_stack_box_offers_the_stack_a_composite_loads_not_its_year_views(qgis_iface, tmp_path):
    """A composite run adds the stack and one view per year of the same file; the box picks the stack,
    whether the panel was open before the run or is opened after it, and lists no year view."""
    from timestack.gui.landtrendr_panel import LandTrendrPanel
    from timestack.processing.styles import composite_layers

    QgsProject.instance().clear()
    nbr, swir1, _ = synthetic_cubes()
    path = write_series_stack(tmp_path / "stack.tif", {"nbr": nbr, "swir1": swir1})
    before = LandTrendrPanel(qgis_iface)
    assert before.stack.currentLayer() is None
    stack, years = composite_layers(str(path), "Composite", YEARS, 1.0)
    QgsProject.instance().addMapLayers([*years, stack])  # year views first, as a group above the stack
    after = LandTrendrPanel(qgis_iface)
    for panel in (before, after):
        assert panel.stack.currentLayer() is stack
        listed = [panel.stack.itemText(row) for row in range(panel.stack.count())]
        assert [name for name in listed if name] == ["Composite"]
        assert panel.index.currentText() == "nbr"
    QgsProject.instance().clear()


def test_run_stays_in_view_in_a_short_dock_and_the_parameters_start_folded(qgis_iface):
    from qgis.PyQt.QtCore import QPoint

    from timestack.gui.landtrendr_panel import LandTrendrPanel

    panel = LandTrendrPanel(qgis_iface)
    panel.resize(400, 520)
    panel.show()
    QCoreApplication.processEvents()
    bottom = panel.run_button.mapTo(panel, QPoint(0, panel.run_button.height())).y()
    assert panel.run_button.isVisible() and bottom <= panel.height()
    assert panel.parameters_box.isCollapsed()
    panel.hide()


def test_panel_renders(panel, stack_layer, tmp_path):
    layer = stack_layer[0]
    extent = layer.extent()
    panel.inspector.inspect_layer_point(extent.xMinimum() + 6.5 * 30, extent.yMaximum() - 2.5 * 30)
    wait_until(lambda: panel.inspector.reading is None, 30)
    panel.show()
    QCoreApplication.processEvents()
    path = tmp_path / "landtrendr_panel.png"
    assert panel.grab().save(str(path))
    assert path.stat().st_size > 20000
    panel.hide()


def test_removing_the_stack_from_the_project_clears_the_inspector_and_a_click_is_no_error(
    panel, stack_layer, qgis_iface
):
    """The inspected stack removed from the project: its pixel leaves the plot, and a click on the map
    (the tool still on) reads nothing instead of reaching the deleted layer (a Python error)."""
    layer = stack_layer[0]
    extent = layer.extent()
    panel.inspector.inspect_layer_point(extent.xMinimum() + 6.5 * 30, extent.yMaximum() - 2.5 * 30)
    wait_until(lambda: panel.inspector.reading is None, 30)
    assert panel.inspector.series is not None
    QgsProject.instance().removeMapLayer(layer.id())
    QCoreApplication.processEvents()
    assert panel.inspector.layer is None and panel.inspector.series is None
    panel.inspector.inspect_map_point(extent.center())  # the click a user makes next
    panel.param_widgets["maxSegments"].setValue(3)  # and an edit: nothing left to refit
    assert panel.inspector.reading is None and panel.inspector.series is None


def test_picking_another_stack_while_landtrendr_runs_keeps_run_disabled(
    provider, panel, stack_layer, tmp_path
):
    """Run stays disabled until the run under way ends, whatever stack the user picks meanwhile: a
    second run would write the same outputs while the first is still writing them."""
    other = QgsRasterLayer(write_series_stack(tmp_path / "other.tif", {"nbr": stack_layer[1]}).as_posix())
    QgsProject.instance().addMapLayer(other)
    panel.folder.setFilePath(str(tmp_path / "out"))
    panel.start()
    try:
        panel.stack.setLayer(other)
        assert not panel.run_button.isEnabled() and panel.cancel_button.isEnabled()
    finally:
        panel.cancel()
        wait_until(lambda: not panel.cancel_button.isEnabled(), 60)
    assert panel.run_button.isEnabled()


def test_the_change_map_keeps_the_settings_of_the_fit_it_follows(provider, panel, stack_layer, tmp_path):
    """A stack of other units and folder picked while the fit runs: the change map that follows still
    maps that fit with the threshold and output shown when Run was pressed (not 1000 on NBR)."""
    import rasterio

    with rasterio.open(stack_layer[0].source()) as src:
        profile = dict(src.profile, dtype="int16", nodata=-32768)
        scaled = tmp_path / "int16.tif"
        with rasterio.open(scaled, "w", **profile) as dst:
            dst.write((np.nan_to_num(src.read()) * 10000).astype("int16"))
            dst.descriptions = [f"{d[:5]}swir1" for d in src.descriptions]
    other = QgsRasterLayer(str(scaled), "int16 swir1 stack")
    QgsProject.instance().addMapLayer(other)
    panel.folder.setFilePath(str(tmp_path / "out"))
    panel.param_widgets["maxSegments"].setValue(4)
    panel.start()
    panel.stack.setLayer(other)  # the user looks at another stack while the fit runs
    panel.folder.setFilePath(str(tmp_path / "elsewhere"))
    assert panel.min_magnitude.value() == pytest.approx(1000)
    wait_until(lambda: not panel.cancel_button.isEnabled(), 120)
    assert panel.change_run is not None, panel.status.text()
    assert panel.change_run.parameters["MAG"] == pytest.approx(0.1)
    assert (tmp_path / "out" / "nbr_change.tif").is_file()


def test_picking_a_stack_after_one_without_band_descriptions_clears_the_refusal(panel, stack_layer, tmp_path):
    from tests.helpers.rasters import write_stack

    plain = write_stack(tmp_path / "plain.tif", np.ones((3, 4, 4), "float32"), [None, None, None])
    layer = QgsRasterLayer(str(plain), "plain")
    QgsProject.instance().addMapLayer(layer)
    panel.stack.setLayer(layer)
    assert "YYYY_name" in panel.status.text() and not panel.run_button.isEnabled()
    panel.stack.setLayer(stack_layer[0])
    assert panel.status.text() == "" and panel.run_button.isEnabled()


def test_warm_up_task_compiles_the_kernels_in_the_background(qgis_app):
    from timestack.gui.warm_up import start_warm_up

    task = start_warm_up()
    assert start_warm_up() is task  # once per session
    wait_until(lambda: task.ok is not None, 120)
    assert task.ok is True, task.error
    from timestack.core.landtrendr import kernels
    from timestack.core.timescan.kernels import timescan_kernel

    assert kernels.fit_many.signatures and timescan_kernel.signatures  # both engines ready


def test_run_says_why_it_is_disabled_until_a_stack_is_picked(panel, stack_layer):
    """No stack (none in the project, or it was removed): Run is off and its tooltip says what to pick."""
    source = stack_layer[0].source()
    QgsProject.instance().removeMapLayer(stack_layer[0].id())
    QCoreApplication.processEvents()
    assert not panel.run_button.isEnabled()
    assert "YYYY_index" in panel.run_button.toolTip()
    layer = QgsRasterLayer(source, "stack again")
    QgsProject.instance().addMapLayer(layer)
    panel.stack.setLayer(layer)
    assert panel.run_button.isEnabled() and panel.run_button.toolTip() == ""

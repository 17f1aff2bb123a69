"""The dock's Time series tab: every operation's page is its algorithm's definitions, its defaults are
valid parameters, and a run from the tab writes and loads what the core computes."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import rasterio
from qgis.core import QgsProcessingContext, QgsProcessingParameterDefinition, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QCoreApplication

from tests.helpers.qt import wait_until
from tests.helpers.rasters import write_stack
from timestack.core.timescan.metrics import timescan

DATES = ["2020-01-15", "2020-02-14", "2020-04-01", "2020-06-30", "2020-09-09", "2021-01-03"]


@pytest.fixture()
def stack(tmp_path):
    rng = np.random.default_rng(7)
    data = rng.uniform(-0.2, 0.9, (len(DATES), 9, 13)).astype("float32")
    data[2, 3:5, 4:8] = -9999  # a cloud: a gap in one date
    return write_stack(tmp_path / "per_date.tif", data, [f"{date}_ndvi" for date in DATES], nodata=-9999)


def test_every_page_shows_every_parameter_but_the_stack_and_its_defaults_are_valid(
    provider, qgis_iface, stack
):
    from timestack.gui.timeseries_panel import OPERATIONS, TimeSeriesPanel

    panel = TimeSeriesPanel(qgis_iface)
    assert panel.operation.count() == len(OPERATIONS)
    for index in range(panel.operation.count()):
        page = panel.page(panel.operation.itemData(index))
        expected = {
            definition.name()
            for definition in page.algorithm.parameterDefinitions()
            if definition.name() != "INPUT"
            and not definition.flags() & QgsProcessingParameterDefinition.FlagHidden
        }
        assert set(page.inputs) == expected, page.algorithm_id
        for name, widget in page.inputs.items():
            assert widget.objectName() == name and widget.toolTip(), (page.algorithm_id, name)
        ok, message = page.algorithm.checkParameterValues(page.parameters(str(stack)), QgsProcessingContext())
        assert ok, (page.algorithm_id, message)


def test_the_tile_id_field_picker_lists_the_fields_of_the_chosen_tile_grid(provider, qgis_iface, stack):
    from qgis.core import QgsVectorLayer

    from timestack.gui.timeseries_panel import TimeSeriesPanel
    from timestack.processing.timescan import TimescanAlgorithm

    grid = QgsVectorLayer("Polygon?crs=EPSG:4326&field=zone:integer&field=name:string", "grid", "memory")
    QgsProject.instance().addMapLayer(grid)
    try:
        panel = TimeSeriesPanel(qgis_iface)  # owns the page's widgets
        page = panel.page(f"timestack:{TimescanAlgorithm().name()}")
        fields = page.inputs["TILES_ID_FIELD"]
        assert page.parameters(str(stack)).get("TILES_ID_FIELD") is None  # empty: the default field
        page.inputs["TILES"].setLayer(grid)
        assert [fields.itemText(i) for i in range(fields.count())][-2:] == ["zone", "name"]
        fields.setField("name")
        parameters = page.parameters(str(stack))
        assert parameters["TILES"] == grid.id() and parameters["TILES_ID_FIELD"] == "name"
    finally:
        QgsProject.instance().removeMapLayer(grid.id())


def test_a_timescan_run_from_the_tab_writes_and_loads_the_cores_metrics(
    provider, qgis_iface, stack, tmp_path
):
    from timestack.gui.dock import TimestackDock
    from timestack.gui.timeseries_panel import TimeSeriesPanel

    QgsProject.instance().clear()
    dock = TimestackDock(qgis_iface)
    panel = dock.panel(TimeSeriesPanel)
    layer = QgsRasterLayer(str(stack), "per-date NDVI")
    QgsProject.instance().addMapLayer(layer)
    panel.stack.setLayer(layer)
    panel.operation.setCurrentIndex(panel.operation.findData("timestack:timescan"))
    page = panel.page("timestack:timescan")
    page.inputs["METRICS"].setText("avg, std, p90")
    output = tmp_path / "timescan.tif"
    page.inputs["OUTPUT"].setFilePath(str(output))
    panel.run_operation()
    wait_until(panel.run_button.isEnabled, 120)

    assert panel.run.results.get("OUTPUT") == str(output), panel.status.text()
    with rasterio.open(stack) as src:
        values = src.read(masked=True).astype("float64").filled(np.nan)
    dates = [dt.date.fromisoformat(date) for date in DATES]
    expected = timescan(values, dates, ["avg", "std", "p90"])
    with rasterio.open(output) as written:
        assert list(written.descriptions) == ["ndvi_avg", "ndvi_std", "ndvi_p90"]
        np.testing.assert_allclose(written.read(), expected.astype("float32"), rtol=1e-6)
    loaded = [found for found in QgsProject.instance().mapLayers().values() if found.source() == str(output)]
    assert len(loaded) == 1
    assert str(output) in panel.status.text()
    # a mean is drawn in grey over its own 2-98 % range
    renderer = loaded[0].renderer()
    assert renderer.type() == "singlebandgray" and renderer.grayBand() == 1
    low, high = np.nanpercentile(expected[0], [2, 98])
    assert renderer.contrastEnhancement().minimumValue() == pytest.approx(low, rel=1e-5)
    assert renderer.contrastEnhancement().maximumValue() == pytest.approx(high, rel=1e-5)

    # a spread over time on a sequential ramp
    page.inputs["METRICS"].setText("cov")
    page.inputs["OUTPUT"].setFilePath(str(tmp_path / "cov.tif"))
    panel.run_operation()
    wait_until(panel.run_button.isEnabled, 120)
    spread = [
        found for found in QgsProject.instance().mapLayers().values() if found.source().endswith("cov.tif")
    ]
    assert spread[0].renderer().type() == "singlebandpseudocolor"


def test_a_file_that_is_no_layer_is_offered_and_run_without_a_stack_is_refused(provider, qgis_iface, stack):
    from timestack.gui.timeseries_panel import TimeSeriesPanel

    QgsProject.instance().clear()
    panel = TimeSeriesPanel(qgis_iface)
    panel.stack.setLayer(None)
    panel.run_operation()
    assert panel.run is None and "Pick a stack" in panel.status.text()
    panel.use_file(str(stack))
    assert panel.stack_source() == str(stack)
    panel.operation.setCurrentIndex(panel.operation.findData("timestack:resample"))
    assert panel.parameters()["INPUT"] == str(stack)
    with pytest.raises(KeyError, match="no_such"):
        panel.page("timestack:no_such")


def test_an_animation_made_in_the_tab_plays_in_its_preview(provider, qgis_iface, stack, tmp_path):
    from timestack.gui.timeseries_panel import TimeSeriesPanel

    panel = TimeSeriesPanel(qgis_iface)
    panel.use_file(str(stack))
    panel.operation.setCurrentIndex(panel.operation.findData("timestack:animation"))
    page = panel.page("timestack:animation")
    assert page.inputs["STRETCH"].value() == "2,98"
    page.inputs["OUTPUT"].setFilePath(str(tmp_path / "ndvi.gif"))
    panel.run_operation()
    wait_until(panel.run_button.isEnabled, 120)
    assert (tmp_path / "ndvi.gif").is_file(), panel.status.text()
    assert not panel.preview.isHidden()
    assert panel.movie.isValid() and panel.movie.frameCount() == len(DATES)


def test_run_stays_in_view_in_a_short_dock_whatever_the_operation(provider, qgis_iface):
    """The inputs scroll; Run stays below them in view, on the tallest page (the animation's) too."""
    from qgis.PyQt.QtCore import QPoint

    from timestack.gui.timeseries_panel import TimeSeriesPanel

    panel = TimeSeriesPanel(qgis_iface)
    for index in range(panel.operation.count()):
        panel.operation.setCurrentIndex(index)
        height = panel.minimumSizeHint().height()
        assert height <= 520, f"{panel.operation.currentText()} needs {height} px"  # was 820: unscrolled
    panel.operation.setCurrentIndex(panel.operation.findData("timestack:animation"))
    panel.resize(400, 520)
    panel.show()
    QCoreApplication.processEvents()
    bottom = panel.run_button.mapTo(panel, QPoint(0, panel.run_button.height())).y()
    assert panel.run_button.isVisible() and bottom <= panel.height() == 520
    panel.hide()


def test_each_operation_page_is_as_tall_as_its_own_rows(provider, qgis_iface):
    """The pages share one place: under the timescan's few rows the HyP3 box follows at once, not
    after the blank height of the tallest page (the animation's)."""
    from timestack.gui.timeseries_panel import TimeSeriesPanel

    panel = TimeSeriesPanel(qgis_iface)
    panel.resize(440, 1400)
    panel.show()
    try:
        for index in range(panel.operation.count()):
            panel.operation.setCurrentIndex(index)
            for _ in range(5):  # the layout settles in a few turns of the event loop
                QCoreApplication.processEvents()
            page = panel.pages.currentWidget()
            blank = panel.pages.height() - page.sizeHint().height()
            assert blank <= 10, f"{panel.operation.currentText()}: {blank} px blank under its rows"
    finally:
        panel.hide()

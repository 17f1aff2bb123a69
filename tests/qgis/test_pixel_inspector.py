"""The pixel inspector: a click on the canvas fits exactly the series the core fits for that pixel,
a parameter change refits at once, and the plot shows source values, trajectory and vertices."""

from __future__ import annotations

import time

import numpy as np
import pytest
from qgis.core import QgsPointXY, QgsProject, QgsRasterLayer
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt

from tests.helpers.landtrendr import (
    EMPTY_PIXEL,
    YEARS,
    case_id,
    load_series,
    matches,
    series_params,
    series_values,
    synthetic_cubes,
    write_series_stack,
)
from timestack.core.landtrendr.fit import LandTrendrParams, fit_pixel


@pytest.fixture()
def stack_layer(tmp_path, qgis_canvas):
    nbr, swir1, truth = synthetic_cubes()
    path = write_series_stack(tmp_path / "stack.tif", {"nbr": nbr, "swir1": swir1})
    layer = QgsRasterLayer(str(path), "stack")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    qgis_canvas.window().show()  # a hidden canvas keeps a stale output size; users click a shown one
    QCoreApplication.processEvents()
    qgis_canvas.setDestinationCrs(layer.crs())
    qgis_canvas.setLayers([layer])
    qgis_canvas.setExtent(layer.extent())
    yield layer, nbr.astype("float32").astype("float64"), truth
    QgsProject.instance().removeAllMapLayers()


def read_done(inspector, seconds: float = 30.0) -> None:
    """Let the background read of the clicked pixel finish (the fit and plot follow it)."""
    deadline = time.monotonic() + seconds
    while inspector.reading is not None:
        assert time.monotonic() < deadline, "the pixel was not read"
        QCoreApplication.processEvents()
        time.sleep(0.01)


def click(canvas, inspector, layer, row: int, col: int) -> None:
    """Press the left button over the centre of pixel (row, col), as a user's click does, and wait
    for the pixel to be read."""
    extent = layer.extent()
    x = extent.xMinimum() + (col + 0.5) * layer.rasterUnitsPerPixelX()
    y = extent.yMaximum() - (row + 0.5) * layer.rasterUnitsPerPixelY()
    device = canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
    event = QgsMapMouseEvent(
        canvas, QEvent.MouseButtonPress, QPoint(round(device.x()), round(device.y())), Qt.LeftButton
    )
    inspector.tool.canvasPressEvent(event)
    read_done(inspector)


@pytest.fixture()
def inspector(qgis_canvas, stack_layer):
    from timestack.gui.pixel_inspector import PixelInspector
    from timestack.gui.trajectory_plot import TrajectoryPlot

    plot = TrajectoryPlot()
    plot.resize(500, 320)
    inspector = PixelInspector(qgis_canvas, plot)
    inspector.set_layer(stack_layer[0], "nbr")
    inspector.activate()
    yield inspector
    inspector.deactivate()


def test_a_click_returns_at_once_and_the_pixel_is_read_in_the_background(qgis_canvas, stack_layer, inspector):
    """Reading a pixel decompresses the stack's whole tile (over a second for a composite): the click
    hands that to a task and returns; the fit arrives when the read does."""
    layer, _, _ = stack_layer
    inspector.inspect_layer_point(layer.extent().center().x(), layer.extent().center().y())
    assert inspector.reading is not None and inspector.series is None
    read_done(inspector)
    assert inspector.series is not None and inspector.fit is not None


def test_a_newer_click_wins_over_a_read_still_running(qgis_canvas, stack_layer, inspector):
    layer, _, _ = stack_layer
    extent = layer.extent()
    inspector.inspect_layer_point(extent.xMinimum() + 15, extent.yMaximum() - 15)  # pixel (0, 0)
    inspector.inspect_layer_point(extent.xMinimum() + 15 + 30 * 4, extent.yMaximum() - 15)  # (0, 4)
    read_done(inspector)
    for _ in range(20):  # the first read's answer, if it comes last, must not replace the second's
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert (inspector.series.row, inspector.series.col) == (0, 4)


def test_a_click_fits_the_clicked_pixel_exactly_as_the_core_does(qgis_canvas, stack_layer, inspector):
    layer, nbr, truth = stack_layer
    fits = []
    inspector.fitted.connect(fits.append)
    for row, col in [(2, 6), (13, 5), (9, 9), (6, 10)]:
        click(qgis_canvas, inspector, layer, row, col)
        assert (inspector.series.row, inspector.series.col) == (row, col)
        core = fit_pixel(nbr[:, row, col], YEARS, LandTrendrParams(), -1, "gee")
        np.testing.assert_allclose(fits[-1].fitted, core.fitted, rtol=0, atol=1e-12)
        np.testing.assert_array_equal(fits[-1].vertex_years, core.vertex_years)
    assert truth[2, 6] in fits[0].vertex_years + 1  # the cut starts a segment
    assert len(fits) == 4


def test_changing_a_parameter_refits_the_same_pixel(qgis_canvas, stack_layer, inspector):
    layer, nbr, _ = stack_layer
    click(qgis_canvas, inspector, layer, 2, 6)
    params = LandTrendrParams(maxSegments=1, spikeThreshold=0.75)
    refit = []
    inspector.fitted.connect(refit.append)
    inspector.set_settings(params, -1, "idl")
    core = fit_pixel(nbr[:, 2, 6], YEARS, params, -1, "idl")
    assert refit and refit[-1].n_segments == core.n_segments <= 1
    np.testing.assert_allclose(refit[-1].fitted, core.fitted, atol=1e-12)


def test_an_empty_pixel_and_a_click_outside_the_stack_do_not_fail(qgis_canvas, stack_layer, inspector):
    layer, _, _ = stack_layer
    click(qgis_canvas, inspector, layer, *EMPTY_PIXEL)
    assert inspector.fit.status == 2 and np.isnan(inspector.fit.fitted).all()
    inspector.inspect_layer_point(layer.extent().xMaximum() + 500, layer.extent().yMaximum() + 500)
    read_done(inspector)
    assert inspector.series is None


def test_the_plot_shows_source_values_fitted_line_and_vertices(qgis_canvas, stack_layer, inspector, tmp_path):
    layer, _, _ = stack_layer
    click(qgis_canvas, inspector, layer, 2, 6)
    axes = inspector.plot.figure.axes[0]
    labels = [line.get_label() for line in axes.get_lines()]
    assert labels == ["source", "fitted", "vertices"]
    vertices = axes.get_lines()[2].get_xdata()
    np.testing.assert_array_equal(
        vertices, inspector.fit.vertex_years[np.isfinite(inspector.fit.vertex_years)]
    )
    assert "segments" in axes.get_title()
    path = tmp_path / "trajectory.png"
    assert inspector.plot.grab().save(str(path)) and path.stat().st_size > 5000


def _one_series_per_parameter_set() -> list[dict]:
    """The first segmented IDL series of each parameter set (the richest behaviour to inspect)."""
    chosen = {}
    for series in load_series():
        if series["idl_outcome"] == "segmented":
            chosen.setdefault(series["param_set"], series)
    return [chosen[name] for name in sorted(chosen)]


@pytest.mark.parametrize("series", _one_series_per_parameter_set(), ids=lambda s: s["param_set"])
def test_a_click_gives_idl_fidelity_under_every_parameter_set(qgis_canvas, tmp_path, series):
    values = series_values(series)
    cube = np.broadcast_to(values[:, None, None], (values.size, 16, 16)).copy()
    path = write_series_stack(tmp_path / "series.tif", {"ndvi": cube}, years=series["years"])
    layer = QgsRasterLayer(str(path), "series")
    QgsProject.instance().addMapLayer(layer)
    qgis_canvas.window().show()
    QCoreApplication.processEvents()
    qgis_canvas.setDestinationCrs(layer.crs())
    qgis_canvas.setLayers([layer])
    qgis_canvas.setExtent(layer.extent())
    from timestack.gui.pixel_inspector import PixelInspector
    from timestack.gui.trajectory_plot import TrajectoryPlot

    inspector = PixelInspector(qgis_canvas, TrajectoryPlot())
    try:
        inspector.set_layer(layer, "ndvi")
        inspector.set_settings(series_params(series), series["params"]["modifier"], "idl")
        inspector.activate()
        click(qgis_canvas, inspector, layer, 7, 3)
        assert inspector.fit is not None
        assert matches(series, inspector.fit.vertex_years, inspector.fit.fitted), case_id(series)
    finally:
        inspector.deactivate()
        QgsProject.instance().removeAllMapLayers()


def test_a_tagged_stack_is_read_in_physical_units_as_the_raster_run_reads_it(qgis_app, tmp_path):
    """int16 NBR with a scale tag of 0.0001: the inspector fits NBR, not the stored ×10000 numbers."""
    from tests.helpers.rasters import NODATA, ORIGIN, PIXEL, write_tagged_pair
    from timestack.gui.pixel_inspector import read_pixel_series

    nbr, _, _ = synthetic_cubes()
    stored = np.where(np.isnan(nbr), NODATA, np.rint(nbr / 0.0001)).astype("int16")
    tagged, physical = write_tagged_pair(tmp_path, stored, [f"{year}_nbr" for year in YEARS], [0.0001], [0.0])
    for row, col in [(2, 6), EMPTY_PIXEL, (9, 9)]:
        x, y = ORIGIN[0] + (col + 0.5) * PIXEL, ORIGIN[1] - (row + 0.5) * PIXEL
        got = read_pixel_series(str(tagged), "nbr", x, y).values
        np.testing.assert_array_equal(got, read_pixel_series(str(physical), "nbr", x, y).values)
    assert np.nanmax(np.abs(got)) < 1.0

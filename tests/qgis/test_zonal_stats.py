"""``timestack:zonalstats`` through Processing: same numbers as the core, as QGIS's native zonal statistics
where pixels are whole, a table that joins to the polygons, and clear errors without partial output."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from qgis.core import (
    NULL,
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerJoinInfo,
)

from tests.helpers.rasters import NODATA, write_stack
from tests.helpers.zonal import pixel_box, standard_features, transformed_wkt, write_polygons
from timestack.core.zonal.statistics import read_polygons, zonal_statistics


@pytest.fixture(scope="module")
def sample_small():
    """The small sample archive, cached where tests/core/conftest.py caches it."""
    from timestack.core.sample_archive import ensure_sample_archive

    return ensure_sample_archive(Path(__file__).resolve().parents[2] / "build" / "sample" / "small", "small")


@pytest.fixture()
def inputs(tmp_path):
    rng = np.random.default_rng(11)
    data = rng.uniform(0.0, 1.0, size=(2, 20, 20)).astype("float32")
    data[0, 0:2, 0:3] = NODATA
    stack = write_stack(tmp_path / "stack.tif", data, ["2001_ndvi", "2002_ndvi"])
    stands = write_polygons(tmp_path / "stands.gpkg", standard_features())
    return stack, stands


def run(tmp_path, stack, stands, **overrides):
    import processing

    parameters = {
        "POLYGONS": str(stands),
        "ID_FIELD": "stand_id",
        "INPUT": [str(stack)],
        "STATS": [0, 1, 2, 3, 4, 5, 6],
        "PERCENTILES": "10, 90",
        "OUTPUT": str(tmp_path / "out" / "stats.csv"),
        **overrides,
    }
    return processing.run("timestack:zonalstats", parameters)


def test_csv_holds_the_core_statistics(provider, tmp_path, inputs):
    stack, stands = inputs
    result = run(tmp_path, stack, stands)
    written = pd.read_csv(result["OUTPUT"])
    expected = zonal_statistics(
        [stack],
        read_polygons(stands, "stand_id"),
        ["mean", "median", "std", "min", "max", "count", "valid_fraction", "p10", "p90"],
    )
    pd.testing.assert_frame_equal(written, expected, check_dtype=False, rtol=1e-9)


def test_agrees_with_native_zonal_statistics_where_pixels_are_whole(provider, tmp_path):
    import processing

    rng = np.random.default_rng(5)
    stack = write_stack(tmp_path / "s.tif", rng.uniform(0, 1, (1, 20, 20)).astype("float32"), ["2010_nbr"])
    boxes = [(1, pixel_box(0, 0, 4, 3)), (2, pixel_box(5, 5, 12, 9)), (3, pixel_box(13, 2, 20, 20))]
    stands = write_polygons(tmp_path / "whole.gpkg", [(i, f"POLYGON({b})") for i, b in boxes])
    ours = pd.read_csv(run(tmp_path, stack, stands)["OUTPUT"]).set_index("id")
    native = processing.run(
        "native:zonalstatisticsfb",
        {
            "INPUT": str(stands),
            "INPUT_RASTER": str(stack),
            "RASTER_BAND": 1,
            "COLUMN_PREFIX": "q_",
            "STATISTICS": [0, 2, 3, 4, 5, 6],
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    for feature in native.getFeatures():
        row = ours.loc[feature["stand_id"]]
        assert row["count"] == pytest.approx(feature["q_count"])
        for ours_name, native_name in [
            ("mean", "q_mean"),
            ("median", "q_median"),
            ("std", "q_stdev"),
            ("min", "q_min"),
            ("max", "q_max"),
        ]:
            assert row[ours_name] == pytest.approx(feature[native_name], rel=1e-5), ours_name


def test_wide_table_joins_to_the_polygons_and_layers_are_loaded(provider, tmp_path, inputs):
    stack, stands = inputs
    registry = QgsApplication.processingRegistry()
    algorithm = registry.createAlgorithmById("timestack:zonalstats")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    wide_path = str(tmp_path / "wide.csv")
    parameters = {
        "POLYGONS": str(stands),
        "ID_FIELD": "stand_id",
        "INPUT": [str(stack)],
        "STATS": [0, 5],
        "OUTPUT": str(tmp_path / "long.csv"),
        "OUTPUT_WIDE": wide_path,
    }
    results, ok = algorithm.run(parameters, context, QgsProcessingFeedback())
    assert ok
    assert {details.name for details in context.layersToLoadOnCompletion().values()} == {
        "Polygon statistics",
        "Polygon statistics (wide)",
    }

    table = QgsVectorLayer(wide_path, "wide", "ogr")
    polygons = QgsVectorLayer(str(stands), "stands", "ogr")
    assert table.isValid() and polygons.isValid()
    QgsProject.instance().addMapLayers([table, polygons])
    try:
        join = QgsVectorLayerJoinInfo()
        join.setJoinLayer(table)
        join.setJoinFieldName("id")
        join.setTargetFieldName("stand_id")
        join.setPrefix("s_")
        assert polygons.addJoin(join)
        long = pd.read_csv(results["OUTPUT"])
        for feature in polygons.getFeatures():
            expected = long[(long["id"] == feature["stand_id"]) & (long["date"] == "2002-01-01")][
                "mean"
            ].iloc[0]
            if np.isnan(expected):
                assert feature["s_ndvi_2002-01-01"] == NULL  # outside the data: empty, not 0
            else:
                assert feature["s_ndvi_2002-01-01"] == pytest.approx(expected)
    finally:
        QgsProject.instance().removeMapLayers([table.id(), polygons.id()])


def test_monthly_compile_and_minimum_valid_fraction_reach_the_core(provider, tmp_path, inputs):
    stack, stands = inputs
    written = pd.read_csv(run(tmp_path, stack, stands, COMPILE=4, MIN_VALID_FRACTION=0.5)["OUTPUT"])
    assert set(written["date"]) == {"2001-01-01"}
    assert (written["n_dates"] <= 2).all() and 5 not in set(written["id"])  # stand 5 lies outside


def test_scenes_of_a_search_result_give_masked_rows(provider, tmp_path, sample_small):
    import processing

    out = tmp_path / "scenes.csv"
    processing.run(
        "timestack:zonalstats",
        {
            "POLYGONS": str(sample_small.stands),
            "ID_FIELD": "stand_id",
            "ITEMS": str(sample_small.item_collection),
            "INDICES": "NBR",
            "STATS": [0, 5, 6],
            "COMPILE": 3,
            "MIN_VALID_FRACTION": 0.5,
            "OUTPUT": str(out),
        },
    )
    written = pd.read_csv(out)
    assert set(written["variable"]) == {"nbr"}
    assert written["date"].str[:4].astype(int).between(2000, 2014).all()
    assert written["valid_fraction"].min() >= 0.5


def test_polygons_without_pixels_are_warned_of_and_counted_in_the_results(provider, tmp_path, inputs):
    """Stand 5 lies outside the raster: its rows say count 0, and the run says so too (issue 15)."""
    import processing

    stack, stands = inputs
    outside = write_polygons(tmp_path / "outside.gpkg", [(1, f"POLYGON({pixel_box(40, 40, 45, 45)})")])
    for polygons, measured, without, warning in [
        (stands, 4, 1, "1 of 5 polygons cover no valid pixel of INPUT on any date"),
        (outside, 0, 1, "No polygon covers a valid pixel of INPUT on any date"),
    ]:
        messages = []

        class Feedback(QgsProcessingFeedback):
            def pushWarning(self, text, messages=messages):
                messages.append(text)

        parameters = {"POLYGONS": str(polygons), "ID_FIELD": "stand_id", "INPUT": [str(stack)], "STATS": [0]}
        result = processing.run(
            "timestack:zonalstats", {**parameters, "OUTPUT": str(tmp_path / "o.csv")}, feedback=Feedback()
        )
        assert [m for m in messages if warning in m], messages
        assert (result["POLYGONS_MEASURED"], result["POLYGONS_WITHOUT_PIXELS"]) == (measured, without)
        assert list(pd.read_csv(result["OUTPUT"]).columns) == ["id", "date", "variable", "mean"]


@pytest.mark.parametrize(
    "case, message",
    [
        ("duplicate", "ID_FIELD: 'stand_id' is not unique"),
        ("no_crs", "POLYGONS: the layer has no defined coordinate reference system"),
        ("no_time", "INPUT: band 1 .* carries no date"),
        ("both", "either time stacks \\(INPUT\\) or scenes \\(ITEMS\\)"),
        ("empty", "POLYGONS: the layer has no features"),
        ("missing_field", "ID_FIELD: the polygon layer has no field 'plot'"),
    ],
)
def test_bad_input_is_a_clear_error_and_writes_nothing(provider, tmp_path, inputs, case, message):
    stack, stands = inputs
    box = f"POLYGON({pixel_box(1, 1, 3, 3)})"
    overrides = {}
    if case == "duplicate":
        overrides["POLYGONS"] = str(write_polygons(tmp_path / "d.gpkg", [(1, box), (1, box)]))
    elif case == "no_crs":
        overrides["POLYGONS"] = str(write_polygons(tmp_path / "n.gpkg", [(1, box)], epsg=None))
    elif case == "no_time":
        overrides["INPUT"] = [
            str(write_stack(tmp_path / "plain.tif", np.ones((1, 20, 20), "float32"), ["red"]))
        ]
    elif case == "empty":
        overrides["POLYGONS"] = str(write_polygons(tmp_path / "e.gpkg", []))
    elif case == "missing_field":
        overrides["ID_FIELD"] = "plot"
    else:
        overrides["ITEMS"] = str(tmp_path / "items.json")
    with pytest.raises(QgsProcessingException, match=message):
        run(tmp_path, stack, stands, **overrides)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_invalid_geometries_are_repaired_and_reported_per_feature(provider, tmp_path, inputs):
    stack, _ = inputs
    bowtie = "POLYGON((500030 4999970, 500150 4999850, 500150 4999970, 500030 4999850, 500030 4999970))"
    stands = write_polygons(tmp_path / "bad.gpkg", [(8, bowtie), (9, f"POLYGON({pixel_box(5, 5, 7, 7)})")])
    messages = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, text):
            messages.append(text)

    import processing

    result = processing.run(
        "timestack:zonalstats",
        {
            "POLYGONS": str(stands),
            "ID_FIELD": "stand_id",
            "INPUT": [str(stack)],
            "STATS": [5],
            "OUTPUT": str(tmp_path / "r.csv"),
        },
        feedback=Feedback(),
    )
    assert messages == ["Polygon 8: invalid geometry repaired (MakeValid)."]
    written = pd.read_csv(result["OUTPUT"]).set_index(["id", "date"])
    assert written.loc[(8, "2002-01-01"), "count"] == pytest.approx(8.0)


@pytest.fixture()
def panel(qgis_iface, provider):
    from timestack.gui.zonal_panel import ZonalPanel

    panel = ZonalPanel(qgis_iface)
    yield panel
    panel.deleteLater()


def _wait_until_finished(panel):
    """The task manager deletes a finished task; the panel re-enables its button when the run ends."""
    from qgis.PyQt.QtTest import QTest

    for _ in range(1200):
        if panel.run_button.isEnabled():
            return
        QTest.qWait(50)
    raise AssertionError("the zonal statistics task did not finish within a minute")


def test_panel_runs_the_algorithm_and_plots_a_picked_stand(panel, qgis_iface, tmp_path, sample_small):
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt

    stands = QgsVectorLayer(str(sample_small.stands), "stands", "ogr")
    QgsProject.instance().addMapLayer(stands)
    try:
        panel.polygons.setLayer(stands)
        panel.id_field.setField("stand_id")
        panel.use_scenes.setChecked(True)
        panel.items.setFilePath(str(sample_small.item_collection))
        panel.variables.setText("NBR")
        panel.compile.setCurrentIndex(3)
        panel.min_valid.setValue(0.5)
        panel.output.setFilePath(str(tmp_path / "panel.csv"))
        parameters = panel.parameters()
        assert parameters["ITEMS"] == str(sample_small.item_collection) and parameters["INDICES"] == "NBR"
        assert parameters["COMPILE"] == 3 and "INPUT" not in parameters

        panel.start()
        _wait_until_finished(panel)
        assert panel.table is not None and "rows in" in panel.status.text(), panel.status.text()

        canvas = qgis_iface.mapCanvas()
        canvas.resize(400, 400)
        canvas.setDestinationCrs(stands.crs())
        canvas.setExtent(stands.extent())
        canvas.refresh()
        panel.pick_button.setChecked(True)
        stand = next(f for f in stands.getFeatures() if f["stand_id"] == 1)
        point = stand.geometry().pointOnSurface().asPoint()
        pixel = canvas.getCoordinateTransform().transform(QgsPointXY(point))
        click = QgsMapMouseEvent(
            canvas,
            QEvent.MouseButtonRelease,
            QPoint(int(pixel.x()), int(pixel.y())),
            Qt.LeftButton,
            Qt.LeftButton,
        )
        panel.pick_tool.canvasReleaseEvent(click)
        axes = panel.plot.figure.axes[0]
        assert axes.get_title() == "Polygon 1" and len(axes.lines) == 1
        years = [int(x) for x in pd.to_datetime(axes.lines[0].get_xdata()).year]
        values = list(axes.lines[0].get_ydata())
        assert years[int(np.argmin(np.diff(values))) + 1] == stand["dist_year"]  # the ground truth's cut

        png = tmp_path / "series.png"
        panel.plot.export_png(str(png))
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        panel.resize(480, 900)
        panel.grab().save(str(tmp_path / "panel.png"))
        job = tmp_path / "job.json"
        panel.save_job_to(str(job))
        assert job.is_file() and "timestack.core.zonal.cli run" in panel.cron.text()
        assert json.loads(job.read_text())["catalog"] == str(sample_small.item_collection)  # no search record
    finally:
        panel.pick_button.setChecked(False)
        QgsProject.instance().removeMapLayer(stands.id())


def test_panel_measures_a_stack_with_its_landtrendr_fit_and_plots_both(panel, tmp_path, sample_small):
    """Composite -> LandTrendr -> dock: BANDS keeps the index and its fit; the plot shows the first
    statistic computed (the median here) and draws the fit over the observations."""
    import processing
    from qgis.core import QgsRasterLayer

    stack = processing.run(
        "timestack:composite",
        {"ITEMS": str(sample_small.item_collection), "START_YEAR": 1995, "END_YEAR": 2010, "BANDS": [],
         "INDICES": "NBR", "OUTPUT": str(tmp_path / "nbr.tif")},
    )["OUTPUT"]  # fmt: skip
    fitted = processing.run(
        "timestack:landtrendr",
        {"INPUT": stack, "INDEX": "NBR", "OUTPUT_FITTED": str(tmp_path / "fit.tif"),
         "OUTPUT_SEGMENTS": str(tmp_path / "segments.tif")},
    )["OUTPUT_FITTED"]  # fmt: skip
    layers = [QgsRasterLayer(stack, "nbr"), QgsRasterLayer(fitted, "fit")]
    stands = QgsVectorLayer(str(sample_small.stands), "stands", "ogr")
    QgsProject.instance().addMapLayers([*layers, stands])
    try:
        panel.polygons.setLayer(stands)
        panel.id_field.setField("stand_id")
        panel.use_stacks.setChecked(True)
        panel.stack.setLayer(layers[0])
        panel.fitted.setLayer(layers[1])
        panel.variables.setText("NBR")
        panel.statistics.deselectAllOptions()
        panel.statistics.setCheckedItems(["median", "count"])
        panel.output.setFilePath(str(tmp_path / "stands.csv"))
        assert panel.parameters()["BANDS"] == "NBR,NBR_fit"
        panel.start()
        _wait_until_finished(panel)
        assert set(panel.table["variable"].str.lower()) == {"nbr", "nbr_fit"}, panel.status.text()
        panel.feature_picked(next(stands.getFeatures()))
        axes = panel.plot.figure.axes[0]
        assert axes.get_ylabel() == "median"
        lines = {line.get_label().lower(): line for line in axes.lines}
        assert set(lines) == {"nbr", "nbr_fit"}
        assert lines["nbr_fit"].get_linewidth() > lines["nbr"].get_linewidth()
        panel.plot.export_png(str(tmp_path / "fit.png"))
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_series_plot_draws_the_landtrendr_fit_over_the_observations(qgis_app, tmp_path):
    from matplotlib.figure import Figure

    from timestack.gui.series_plot import draw_series

    table = pd.DataFrame(
        {
            "id": [3] * 6,
            "date": ["2000-01-01", "2001-01-01", "2002-01-01"] * 2,
            "variable": ["nbr"] * 3 + ["ftv_nbr"] * 3,
            "mean": [0.7, 0.2, 0.3, 0.68, 0.22, 0.29],
            "std": [0.05] * 6,
        }
    )
    figure = Figure()
    assert draw_series(figure, table, 3, title="Stand 3") == 2
    lines = {line.get_label(): line for line in figure.axes[0].lines}
    assert lines["ftv_nbr"].get_linewidth() > lines["nbr"].get_linewidth()
    assert lines["nbr"].get_marker() == "o" and list(lines["ftv_nbr"].get_ydata()) == [0.68, 0.22, 0.29]
    assert draw_series(figure, table, 99) == 0


def test_a_memory_layer_in_another_crs_gives_the_same_statistics(provider, tmp_path, inputs):
    from qgis.core import QgsFeature, QgsField, QgsGeometry
    from qgis.PyQt.QtCore import QVariant

    stack, stands = inputs
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "scratch", "memory")
    layer.dataProvider().addAttributes([QgsField("stand_id", QVariant.Int)])
    layer.updateFields()
    features = []
    for stand_id, wkt in standard_features()[:4]:
        feature = QgsFeature(layer.fields())
        feature["stand_id"] = stand_id
        feature.setGeometry(QgsGeometry.fromWkt(transformed_wkt(wkt, 32633, 4326)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    from_memory = pd.read_csv(
        run(tmp_path, stack, stands, POLYGONS=layer, OUTPUT=str(tmp_path / "m.csv"))["OUTPUT"]
    )
    from_file = pd.read_csv(run(tmp_path, stack, stands)["OUTPUT"])
    from_file = from_file[from_file["id"] != 5].reset_index(drop=True)
    # the reprojection round trip leaves slivers of neighbouring pixels; they move min, max and the
    # quantiles (any covered pixel counts there) but not the coverage-weighted mean and count
    columns = ["id", "date", "variable", "mean", "count", "valid_fraction"]
    pd.testing.assert_frame_equal(from_memory[columns], from_file[columns], rtol=1e-6)


def test_runs_in_a_model_after_a_native_algorithm(provider, tmp_path, inputs):
    """Polygons repaired by native:fixgeometries feed timestack:zonalstats inside one model."""
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFile,
        QgsProcessingParameterVectorLayer,
    )
    from qgis.core import (
        QgsProcessingModelChildParameterSource as Source,
    )

    stack, stands = inputs
    model = QgsProcessingModelAlgorithm("stand statistics", "tests")
    for parameter in (QgsProcessingParameterVectorLayer("stands"), QgsProcessingParameterFile("stack")):
        model.addModelParameter(parameter, QgsProcessingModelParameter(parameter.name()))
    fix = QgsProcessingModelChildAlgorithm("native:fixgeometries")
    fix.setChildId("fix")
    fix.addParameterSources("INPUT", [Source.fromModelParameter("stands")])
    fix.addParameterSources("OUTPUT", [Source.fromStaticValue("TEMPORARY_OUTPUT")])
    model.addChildAlgorithm(fix)
    zonal = QgsProcessingModelChildAlgorithm("timestack:zonalstats")
    zonal.setChildId("zonal")
    zonal.addParameterSources("POLYGONS", [Source.fromChildOutput("fix", "OUTPUT")])
    zonal.addParameterSources("ID_FIELD", [Source.fromStaticValue("stand_id")])
    zonal.addParameterSources("INPUT", [Source.fromModelParameter("stack")])
    zonal.addParameterSources("STATS", [Source.fromStaticValue([0, 5])])
    output = QgsProcessingModelOutput("table", "Statistics")
    output.setChildOutputName("OUTPUT")
    zonal.setModelOutputs({"table": output})
    model.addChildAlgorithm(zonal)
    model.updateDestinationParameters()

    table = tmp_path / "model" / "stats.csv"
    table.parent.mkdir()
    results, ok = model.run(
        {"stands": str(stands), "stack": str(stack), "zonal:table": str(table)},
        QgsProcessingContext(),
        QgsProcessingFeedback(),
    )
    assert ok, results
    written = pd.read_csv(table)
    expected = zonal_statistics([stack], read_polygons(stands, "stand_id"), ["mean", "count"])
    pd.testing.assert_frame_equal(written, expected, check_dtype=False, rtol=1e-9)


def test_run_and_plot_stay_in_view_in_a_short_dock_and_the_options_start_folded(panel, tmp_path):
    """In a dock of ordinary height the inputs, Run and a plot of usable size show without scrolling the
    whole tab; the statistics options and recurring runs start folded."""
    from qgis.PyQt.QtCore import QCoreApplication, QPoint

    panel.resize(400, 620)
    panel.show()
    QCoreApplication.processEvents()
    bottom = panel.run_button.mapTo(panel, QPoint(0, panel.run_button.height())).y()
    assert panel.run_button.isVisible() and bottom <= panel.height()
    assert panel.plot.isVisible() and panel.plot.height() >= 160
    assert panel.advanced_box.isCollapsed()
    panel.grab().save(str(tmp_path / "short_dock.png"))
    panel.hide()


def _polygons_without_fields() -> QgsVectorLayer:
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle

    layer = QgsVectorLayer("Polygon?crs=EPSG:3857", "no fields", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(0, 0, 100, 100)))
    layer.dataProvider().addFeatures([feature])
    return layer


def test_picking_a_polygon_without_an_id_field_says_what_to_choose(panel):
    """Polygons with no field to name them: a pick asks for the Id field instead of a Python error."""
    layer = _polygons_without_fields()
    QgsProject.instance().addMapLayer(layer)
    try:
        panel.polygons.setLayer(layer)
        panel.table = pd.DataFrame({"id": [1], "date": ["2020-07-01"], "variable": ["nbr"], "mean": [0.5]})
        panel.feature_picked(next(layer.getFeatures()))
        assert "Id field" in panel.status.text()
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_removing_the_polygons_ends_the_pick_tool(panel, qgis_iface):
    """The polygons a pick tool picks from removed from the project: the tool ends and the button is
    released, instead of a pressed button whose clicks pick from nothing."""
    layer = _polygons_without_fields()
    QgsProject.instance().addMapLayer(layer)
    panel.polygons.setLayer(layer)
    panel.pick_button.setChecked(True)
    assert qgis_iface.mapCanvas().mapTool() is panel.pick_tool
    QgsProject.instance().removeMapLayer(layer.id())
    assert not panel.pick_button.isChecked()
    assert qgis_iface.mapCanvas().mapTool() is not panel.pick_tool
    panel.pick_button.setChecked(True)  # no polygons left: it says so and does not stay pressed
    assert not panel.pick_button.isChecked() and "polygons" in panel.status.text()


def test_the_series_plot_names_its_statistic_in_words_on_the_y_axis(qgis_app):
    """The y axis says what the values are in the user's language (translatable), not the table's
    column id (``std``, ``p90``), which a French plot showed in English."""
    from timestack.gui.series_plot import SeriesPlot

    table = pd.DataFrame(
        {"id": [1, 1], "date": ["2000-07-01", "2001-07-01"], "variable": ["nbr", "nbr"],
         "std": [0.05, 0.06], "p90": [0.7, 0.72]}
    )  # fmt: skip
    plot = SeriesPlot()
    plot.show_series(table, 1, "std")
    assert plot.figure.axes[0].get_ylabel() == "standard deviation"
    plot.show_series(table, 1, "p90")
    assert plot.figure.axes[0].get_ylabel() == "percentile 90"


def test_a_recurring_job_of_a_scratch_layer_asks_for_a_file_and_saves_nothing(panel, tmp_path, sample_small):
    """A recurring job runs without QGIS: polygons of a scratch (memory) layer would be a path to
    nothing in the job file, so the tab asks for them saved to a file and writes no job."""
    layer = _polygons_without_fields()
    QgsProject.instance().addMapLayer(layer)
    try:
        panel.polygons.setLayer(layer)
        panel.items.setFilePath(str(sample_small.item_collection))
        panel.output.setFilePath(str(tmp_path / "stands.csv"))
        panel.save_job_to(str(tmp_path / "job.json"))
        assert "save the polygons to a file" in panel.status.text()
        assert not (tmp_path / "job.json").exists() and panel.cron.text() == ""
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_picking_a_polygon_of_other_polygons_than_the_tables_asks_to_compute_them(panel, tmp_path):
    """The table is of one layer's polygons: a pick on another layer whose ids happen to match would
    plot the series of a polygon that is not the one clicked."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsRasterLayer
    from qgis.PyQt.QtCore import QVariant

    from tests.helpers.landtrendr import synthetic_cubes, write_series_stack

    nbr, _, _ = synthetic_cubes()
    stack = QgsRasterLayer(str(write_series_stack(tmp_path / "stack.tif", {"nbr": nbr})), "stack")
    extent = stack.extent()
    layers = []
    for name in ("stands", "other stands"):
        layer = QgsVectorLayer(f"Polygon?crs={stack.crs().authid()}", name, "memory")
        layer.dataProvider().addAttributes([QgsField("stand_id", QVariant.Int)])
        layer.updateFields()
        feature = QgsFeature(layer.fields())
        feature["stand_id"] = 1
        feature.setGeometry(QgsGeometry.fromRect(extent.buffered(-extent.width() / 4)))
        layer.dataProvider().addFeatures([feature])
        layers.append(layer)
    QgsProject.instance().addMapLayers([stack, *layers])
    try:
        panel.polygons.setLayer(layers[0])
        panel.id_field.setField("stand_id")
        panel.stack.setLayer(stack)
        panel.start()
        _wait_until_finished(panel)
        assert panel.table is not None, panel.status.text()
        panel.polygons.setLayer(layers[1])
        panel.pick_button.setChecked(True)
        panel.feature_picked(next(layers[1].getFeatures()))
        assert "other polygons" in panel.status.text() and "other stands" in panel.status.text()
        assert not panel.plot.figure.axes or not panel.plot.figure.axes[0].lines
        panel.polygons.setLayer(layers[0])
        panel.pick_button.setChecked(False)
        panel.pick_button.setChecked(True)
        panel.feature_picked(next(layers[0].getFeatures()))
        assert panel.plot.figure.axes[0].get_title() == "Polygon 1"
    finally:
        panel.pick_button.setChecked(False)
        QgsProject.instance().removeMapLayers([stack.id(), *(layer.id() for layer in layers)])

"""``timestack:landtrendr`` through Processing: the core's fit for every pixel, outputs with band
descriptions and tags, direction from the index, FTV per band, and a clear error for each bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import rasterio
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
)

from tests.helpers.earthengine import offline_earthengine
from tests.helpers.landtrendr import (
    EMPTY_PIXEL,
    SERIES_NODATA,
    SIZE,
    YEARS,
    case_id,
    matches,
    run_landtrendr,
    series_params,
    series_values,
    stacks_of,
    synthetic_cubes,
    write_series_stack,
)
from timestack.core.landtrendr.fit import LandTrendrParams, fit_other_bands, fit_pixel
from timestack.processing.landtrendr import LandTrendrAlgorithm


@pytest.fixture(scope="module")
def cubes():
    return synthetic_cubes()


@pytest.fixture()
def stack(tmp_path, cubes) -> Path:
    nbr, swir1, _ = cubes
    return write_series_stack(tmp_path / "stack.tif", {"nbr": nbr, "swir1": swir1})


def test_outputs_hold_the_core_fit_of_every_pixel_and_are_queued_for_loading(
    provider, stack, cubes, tmp_path
):
    nbr, _, _ = cubes
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results = run_landtrendr(stack, tmp_path / "out", context, FLAVOR=1)
    params = LandTrendrParams(maxSegments=4)
    with rasterio.open(results["OUTPUT_FITTED"]) as src:
        fitted = src.read()
        assert src.descriptions[0] == "1990_nbr_fit" and src.count == len(YEARS)
        assert src.tags()["LANDTRENDR_FLAVOR"] == "idl"
    with rasterio.open(results["OUTPUT_VERTICES"]) as src:
        vertices = src.read()
        assert src.descriptions[:2] == ("vertex_1_year", "vertex_2_year") and src.count == 3 * 5
    with rasterio.open(results["OUTPUT_RMSE"]) as src:
        stats = src.read()
        assert src.descriptions == ("rmse", "p_value", "n_segments", "status")
    for row, col in [(2, 6), (9, 9), (13, 5), (12, 1)]:
        core = fit_pixel(nbr[:, row, col], YEARS, params, -1, "idl")
        np.testing.assert_allclose(fitted[:, row, col], core.fitted, atol=1e-5)
        np.testing.assert_allclose(vertices[:5, row, col], core.vertex_years)
        assert stats[2, row, col] == core.n_segments
    to_load = {details.outputName for details in context.layersToLoadOnCompletion().values()}
    assert to_load == {"OUTPUT_VERTICES", "OUTPUT_FITTED", "OUTPUT_RMSE", "OUTPUT_SEGMENTS"}


def test_an_all_nodata_pixel_gets_nodata_outputs_and_status_no_data(provider, stack, tmp_path):
    results = run_landtrendr(stack, tmp_path / "out")
    with rasterio.open(results["OUTPUT_RMSE"]) as src:
        stats = src.read()
    with rasterio.open(results["OUTPUT_FITTED"]) as src:
        fitted = src.read()
    assert stats[3][EMPTY_PIXEL] == 2
    assert np.isnan(fitted[:, EMPTY_PIXEL[0], EMPTY_PIXEL[1]]).all()
    assert np.isfinite(fitted[:, 9, 9]).all()  # the cloudy year is interpolated on the fit


def test_direction_comes_from_the_index_and_can_be_overridden(provider, stack, tmp_path):
    automatic = run_landtrendr(stack, tmp_path / "auto")
    forced = run_landtrendr(stack, tmp_path / "forced", DIRECTION=2)
    swir = run_landtrendr(stack, tmp_path / "swir", INDEX="SWIR1")
    tags = {}
    for key, results in (("auto", automatic), ("forced", forced), ("swir", swir)):
        with rasterio.open(results["OUTPUT_SEGMENTS"]) as src:
            tags[key] = src.tags()["LANDTRENDR_DISTURBANCE_DIRECTION"]
    assert tags == {"auto": "-1", "forced": "1", "swir": "1"}


def test_ftv_folder_holds_each_fit_band_fitted_at_the_index_vertex_years(provider, stack, cubes, tmp_path):
    _, swir1, truth = cubes
    results = run_landtrendr(stack, tmp_path / "out", FIT_BANDS="swir1", OUTPUT_FTV=str(tmp_path / "ftv"))
    with rasterio.open(Path(results["OUTPUT_FTV"]) / "ftv_swir1.tif") as src:
        values = src.read()
        assert src.descriptions[-1] == "2019_swir1_fit"
    with rasterio.open(results["OUTPUT_VERTICES"]) as src:
        vertex_years = src.read(list(range(1, 6)))
    for row, col in [(2, 6), (13, 5), (5, 14)]:
        core = fit_other_bands({"swir1": swir1[:, row, col][None]}, YEARS, vertex_years[:, row, col][None])
        np.testing.assert_allclose(values[:, row, col], core["swir1"][0], atol=1e-5)
    cut = YEARS.index(truth[2, 6])
    assert values[cut, 2, 6] > values[cut - 1, 2, 6] + 0.08  # SWIR rises on the clear-cut


def _error(stack, tmp_path, **overrides) -> str:
    with pytest.raises(QgsProcessingException) as info:
        run_landtrendr(stack, tmp_path / "bad", **overrides)
    assert not list((tmp_path / "bad").glob("*.tif")) if (tmp_path / "bad").exists() else True
    return str(info.value)


def test_a_stack_without_year_information_is_refused(provider, cubes, tmp_path):
    nbr, _, _ = cubes
    bare = write_series_stack(tmp_path / "bare.tif", {"nbr": nbr}, descriptions=[""] * len(YEARS))
    message = _error(bare, tmp_path)
    assert "INPUT" in message and "YYYY_name" in message


def test_a_repeated_year_is_refused_as_non_increasing(provider, cubes, tmp_path):
    nbr, _, _ = cubes
    years = YEARS[:10] + [YEARS[9]] + YEARS[11:]
    stack = write_series_stack(tmp_path / "repeated.tif", {"nbr": nbr}, years=years)
    assert "strictly increasing" in _error(stack, tmp_path)


def test_an_index_the_stack_lacks_is_refused_with_the_names_it_has(provider, stack, tmp_path):
    message = _error(stack, tmp_path, INDEX="ndvi")
    assert "INDEX" in message and "nbr, swir1" in message
    assert "FIT_BANDS" in _error(stack, tmp_path, FIT_BANDS="swir1, tcg")


def test_fewer_observations_than_the_minimum_are_refused(provider, cubes, tmp_path):
    nbr, _, _ = cubes
    short = write_series_stack(tmp_path / "short.tif", {"nbr": nbr[:5]}, years=YEARS[:5])
    assert "fewer than MIN_OBSERVATIONS_NEEDED=6" in _error(
        short, tmp_path
    )  # the parameter, not the core name


@pytest.mark.parametrize(
    "name, value",
    [("MAX_SEGMENTS", 0), ("SPIKE_THRESHOLD", -0.5), ("PVAL_THRESHOLD", 0.0), ("RECOVERY_THRESHOLD", -0.1),
     ("BEST_MODEL_PROPORTION", 2.5), ("MIN_OBSERVATIONS_NEEDED", 1)],
)  # fmt: skip
def test_parameters_out_of_range_name_the_parameter(provider, stack, tmp_path, name, value):
    message = _error(stack, tmp_path, **{name: value})
    assert name in message


def test_an_unknown_index_needs_an_explicit_direction(provider, cubes, tmp_path):
    nbr, _, _ = cubes
    stack = write_series_stack(tmp_path / "custom.tif", {"myindex": nbr})
    assert "DIRECTION" in _error(stack, tmp_path, INDEX="myindex")
    results = run_landtrendr(stack, tmp_path / "ok", INDEX="myindex", DIRECTION=1)
    assert Path(results["OUTPUT_SEGMENTS"]).exists()


def test_ftv_without_fit_bands_is_refused(provider, stack, tmp_path):
    assert "FIT_BANDS" in _error(stack, tmp_path, OUTPUT_FTV=str(tmp_path / "ftv"))


@pytest.fixture()
def offline_ee():
    """earthengine-api initialised from its packaged algorithm list (its own unit-test set-up)."""
    pytest.importorskip("ee")
    with offline_earthengine():
        yield


def test_earth_engine_engine_builds_export_tasks_on_the_stack_grid(provider, stack, tmp_path, offline_ee):
    results = run_landtrendr(
        stack,
        tmp_path / "ee",
        ENGINE=1,
        EE_COLLECTION="projects/p/assets/annual",
        EE_START=False,
        FIT_BANDS="swir1",
    )
    names = results["EE_TASKS"].split(", ")
    expected = ("vertices", "fitted", "stats", "segments", "ftv_swir1")
    assert names == [f"timestack_landtrendr_nbr_{key}" for key in expected]
    assert not (tmp_path / "ee").exists()  # nothing local: the outputs are Earth Engine exports


def test_earth_engine_without_an_asset_composites_the_stack_years_there(provider, stack, offline_ee):
    import processing

    feedback = QgsProcessingFeedback()
    results = processing.run(
        "timestack:landtrendr",
        {"INPUT": str(stack), "INDEX": "NBR", "ENGINE": 1, "EE_START": False},
        feedback=feedback,
    )
    assert results["EE_TASKS"].split(", ")[0] == "timestack_landtrendr_nbr_vertices"
    assert "compositing the stack's years on Earth Engine" in feedback.textLog()


@pytest.mark.parametrize("param_set", [f"P{i}" for i in range(1, 10)])
def test_idl_flavor_through_processing_matches_idl_under_every_parameter_set(provider, tmp_path, param_set):
    """Every recorded IDL series of one parameter set, as pixels of stacks sharing its years, gets
    IDL's vertex years and fit in OUTPUT_VERTICES and OUTPUT_FITTED (FLAVOR idl)."""
    from timestack.processing.landtrendr import LT_PARAMETERS

    for g, ((years, modifier), members) in enumerate(stacks_of(param_set).items()):
        cube = np.empty((len(years), SIZE, SIZE))
        for pixel in range(SIZE * SIZE):
            cube[:, pixel // SIZE, pixel % SIZE] = series_values(members[pixel % len(members)])
        stack = write_series_stack(tmp_path / f"stack{g}.tif", {"ndvi": cube}, years=list(years))
        params = series_params(members[0])
        overrides = {LT_PARAMETERS[name]: getattr(params, name) for name in LT_PARAMETERS}
        direction = LandTrendrAlgorithm.DIRECTIONS.index(modifier)
        results = run_landtrendr(
            stack, tmp_path / f"out{g}", INDEX="ndvi", FLAVOR=1, DIRECTION=direction, **overrides
        )
        with rasterio.open(results["OUTPUT_VERTICES"]) as src:
            vertex_years = src.read()[: params.maxSegments + 1]
        with rasterio.open(results["OUTPUT_FITTED"]) as src:
            fitted = src.read()
        for i, series in enumerate(members):
            row, col = divmod(i, SIZE)
            got_years = np.where(
                vertex_years[:, row, col] == SERIES_NODATA, np.nan, vertex_years[:, row, col]
            )
            assert matches(series, got_years, fitted[:, row, col]), case_id(series)


class RecordingFeedback(QgsProcessingFeedback):
    """QGIS's feedback, keeping what the algorithm logs."""

    def __init__(self):
        super().__init__()
        self.infos: list[str] = []

    def pushInfo(self, info):  # noqa: N802 - QGIS's name
        self.infos.append(info)
        super().pushInfo(info)


def test_the_log_says_how_much_of_the_run_waited_on_reads_and_writes(provider, stack, tmp_path):
    import processing

    feedback = RecordingFeedback()
    processing.run(
        "timestack:landtrendr",
        {"INPUT": str(stack), "INDEX": "nbr", "OUTPUT_FITTED": str(tmp_path / "fitted.tif")},
        context=QgsProcessingContext(), feedback=feedback,
    )  # fmt: skip
    engine = [line for line in feedback.infos if "I/O wait" in line]
    assert len(engine) == 1 and engine[0].startswith("1 windows in ")


def test_the_fit_styles_take_a_tagged_int16_stack_for_physical_values(qgis_app, tmp_path):
    """An int16 composite stores NBR ×10000, so its fits' ramps span ×10000; one whose scale tag says
    ×0.0001 is fitted on NBR itself, so its ramps span NBR."""
    from tests.helpers.rasters import write_stack
    from timestack.processing.styles import stack_scale

    data = np.full((2, 3, 3), 5000, dtype="int16")
    described = ["2000_nbr", "2001_nbr"]
    assert stack_scale(str(write_stack(tmp_path / "composite.tif", data, described))) == 10000
    assert stack_scale(str(write_stack(tmp_path / "tagged.tif", data, described, scale=0.0001))) == 1.0
    assert stack_scale(str(write_stack(tmp_path / "float.tif", data.astype("float32"), described))) == 1.0

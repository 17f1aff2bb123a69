"""LandTrendr engine against reference outputs (IDL program, Earth Engine) and the rules of LANDTRENDR.md."""

from __future__ import annotations

import json
import os
from dataclasses import replace

import numba
import numpy as np
import pytest

from tests.helpers.shared import LANDTRENDR_FIXTURES
from timestack.core.landtrendr import codes, kernels
from timestack.core.landtrendr.fit import (
    LandTrendrParams,
    fit_chunk,
    fit_other_bands,
    fit_pixel,
    fit_series,
    validate_years,
)
from timestack.core.numba_cache import configure_numba_cache
from timestack.core.runtime import TimestackError

IDL_REFERENCE = LANDTRENDR_FIXTURES / "idl_reference_50.json"
VECTORS = LANDTRENDR_FIXTURES / "vectors_ABC.json"
YEARS = np.arange(1990, 2020)

#: Vector B's run parameters are not published; these reproduce the LT-GEE guide's output.
VECTOR_B_PARAMS = LandTrendrParams(
    maxSegments=4, vertexCountOvershoot=1, spikeThreshold=0.9, pvalThreshold=0.05
)


def _params(meta: dict) -> LandTrendrParams:
    keys = LandTrendrParams.__dataclass_fields__
    return LandTrendrParams(**{k: v for k, v in meta.items() if k in keys})


def _nan(values) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def _vertices(fit) -> list[int]:
    return [int(y) for y in fit.vertex_years if np.isfinite(y)]


@pytest.fixture(scope="module")
def idl_reference() -> dict:
    return json.loads(IDL_REFERENCE.read_text())


@pytest.fixture(scope="module")
def vectors() -> dict:
    return json.loads(VECTORS.read_text())


def test_idl_flavor_reproduces_all_50_idl_vertex_years_and_fits(idl_reference):
    cases = idl_reference["cases"]
    params = _params(idl_reference["meta"]["params"])
    values = np.stack([_nan(case["values"]) for case in cases])
    fit = fit_series(values, cases[0]["years"], params, idl_reference["meta"]["params"]["modifier"], "idl")
    for i, case in enumerate(cases):
        got = [int(y) for y in fit.vertex_years[i] if np.isfinite(y)]
        assert got == case["idl_vertex_years"], f"case {case['id']}"
        assert np.max(np.abs(fit.fitted[i] - case["idl_yfit_trunc"])) <= 2, f"case {case['id']}"


def test_idl_flavor_p_values_match_idl_where_a_model_is_significant(idl_reference):
    cases = [
        c
        for c in idl_reference["cases"]
        if c["idl_p_of_f"] < idl_reference["meta"]["params"]["pvalThreshold"]
    ]
    params = _params(idl_reference["meta"]["params"])
    fit = fit_series(np.stack([_nan(c["values"]) for c in cases]), YEARS, params, -1, "idl")
    expected = np.array([c["idl_p_of_f"] for c in cases])
    np.testing.assert_allclose(fit.p_value, expected, rtol=1e-4, atol=1e-9)


def test_gee_flavor_reproduces_vector_a_within_0_01(vectors):
    case = vectors["A_RNCan_LandTrendDemo"]
    fit = fit_pixel(case["values_nbr_x1000"], case["years"], _params(case["params"]), -1, "gee")
    assert _vertices(fit) == case["expected_vertices_inferred"]
    np.testing.assert_allclose(fit.fitted, case["expected_fit_obs_yfit"], atol=0.01)


def test_idl_flavor_gives_idl_result_on_vector_a(vectors):
    case = vectors["A_RNCan_LandTrendDemo"]
    fit = fit_pixel(case["values_nbr_x1000"], case["years"], _params(case["params"]), -1, "idl")
    assert _vertices(fit) == case["idl_gdl_result"]["vertices"]
    assert fit.vertex_fitted[:4].tolist() == case["idl_gdl_result"]["vertvals_trunc"]


@pytest.mark.parametrize("pval", [0.05, 0.1])
@pytest.mark.parametrize("recovery", [0.25, 1.0])
@pytest.mark.parametrize("proportion", [0.75, 1.0])
def test_gee_flavor_reproduces_vector_b_with_max_segments_4_and_overshoot_1(
    vectors, pval, recovery, proportion
):
    """The parameters behind vector B are unpublished; these settings (the module docstring's) all give it."""
    case = vectors["B_LT-GEE_docs_lt_data_csv"]
    params = replace(
        VECTOR_B_PARAMS, pvalThreshold=pval, recoveryThreshold=recovery, bestModelProportion=proportion
    )
    fit = fit_pixel(case["source_values"], case["years"], params, -1, "gee")
    assert _vertices(fit) == case["gee_is_vertex_years"]
    # GEE's published values are rounded to integers.
    np.testing.assert_allclose(fit.fitted, case["gee_ftv"], atol=0.6)


def test_idl_flavor_on_vector_c_with_a_missing_year_matches_idl(vectors):
    case = vectors["C_LT-rust_reference_pixel"]
    values = [None if v is None else v * 1000 for v in case["nbr"]]
    params = LandTrendrParams(pvalThreshold=0.05)
    fit = fit_pixel(values, case["years"], params, -1, "idl")
    assert _vertices(fit) == case["idl_gdl_result_on_nbr_x1000"]["vertices"]
    assert fit.vertex_fitted[:6].tolist() == case["idl_gdl_result_on_nbr_x1000"]["vertvals_trunc"]


def test_fit_is_scale_invariant(vectors):
    case = vectors["A_RNCan_LandTrendDemo"]
    params = _params(case["params"])
    scaled = fit_pixel(case["values_nbr_x1000"], case["years"], params, -1)
    unscaled = fit_pixel(np.array(case["values_nbr_x1000"]) / 1000, case["years"], params, -1)
    assert _vertices(scaled) == _vertices(unscaled)
    np.testing.assert_allclose(unscaled.fitted * 1000, scaled.fitted, rtol=1e-9)


@pytest.mark.parametrize("flavor", ["gee", "idl"])
def test_constant_series_gets_a_flat_single_segment(flavor):
    fit = fit_pixel(np.full(30, 0.5), YEARS, LandTrendrParams(), -1, flavor)
    assert fit.n_segments == 1
    assert _vertices(fit) == [1990, 2019]
    assert np.all(fit.fitted == (0 if flavor == "idl" else 0.5))  # IDL truncates to integers


def test_constant_series_is_not_zeroed_at_integer_scale():
    fit = fit_pixel(np.full(30, 812.0), YEARS, LandTrendrParams(), -1, "idl")
    assert np.all(fit.fitted == 812)


def test_perfectly_linear_series_gets_one_segment():
    values = np.linspace(0.2, 0.8, 30)
    fit = fit_pixel(values, YEARS, LandTrendrParams(), -1)
    assert _vertices(fit) == [1990, 2019]
    np.testing.assert_allclose(fit.fitted, values, atol=1e-12)


def test_fewer_than_min_observations_is_flat_at_the_mean_and_flagged():
    values = np.full(30, np.nan)
    values[[3, 9, 20]] = [0.4, 0.5, 0.9]
    fit = fit_pixel(values, YEARS, LandTrendrParams(minObservationsNeeded=6), -1)
    assert fit.status == codes.STATUS_TOO_FEW_OBSERVATIONS
    assert _vertices(fit) == [1990, 2019]
    np.testing.assert_allclose(fit.fitted, 0.6)


@pytest.mark.parametrize("missing", [np.nan, np.inf])
def test_all_missing_pixel_gives_nodata_not_an_error(missing):
    fit = fit_pixel(np.full(30, missing), YEARS)
    assert fit.status == codes.STATUS_NO_DATA
    assert np.all(np.isnan(fit.fitted)) and np.all(np.isnan(fit.vertex_years)) and np.isnan(fit.rmse)
    assert fit.n_segments == 0


def _disturbance(noise: float = 0.01, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    values = np.full(30, 0.8) + rng.normal(0, noise, 30)
    values[15:] -= 0.5
    values[15:] += np.minimum(np.arange(15) * 0.04, 0.45)
    return values


def test_missing_first_and_last_year_get_flat_vertices():
    values = _disturbance()
    values[[0, 29]] = np.nan
    fit = fit_pixel(values, YEARS)
    years = _vertices(fit)
    assert years[0] == 1990 and years[1] == 1991 and years[-2] == 2018 and years[-1] == 2019
    assert fit.vertex_fitted[0] == fit.vertex_fitted[1]
    assert np.isnan(fit.vertex_source[0])
    last = len(years) - 1
    assert fit.vertex_fitted[last] == fit.vertex_fitted[last - 1]


def test_flat_end_vertex_that_exceeds_max_segments_drops_the_weakest_interior_vertex():
    values = _disturbance()
    values[0] = np.nan
    fit = fit_pixel(values, YEARS, LandTrendrParams(maxSegments=2))
    assert fit.n_segments <= 2
    assert _vertices(fit)[0] == 1990


def test_interior_gaps_are_interpolated_on_the_fit():
    values = _disturbance()
    values[[5, 6, 22]] = np.nan
    fit = fit_pixel(values, YEARS)
    assert np.all(np.isfinite(fit.fitted))
    vy = fit.vertex_years[np.isfinite(fit.vertex_years)]
    vf = fit.vertex_fitted[np.isfinite(fit.vertex_years)]
    np.testing.assert_allclose(fit.fitted, np.interp(YEARS, vy, vf), atol=1e-12)


def _fast_recovery() -> np.ndarray:
    values = np.full(30, 0.8) + np.random.default_rng(3).normal(0, 0.01, 30)
    values[15] -= 0.5
    values[16] -= 0.25
    return values


def _ladder(values: np.ndarray, params: LandTrendrParams):
    """Steps 3-6 on a complete series, returning the kernels' scratch with the ladder in it."""
    n = values.size
    x = np.arange(n, dtype=float)
    y = -values.astype(float)
    work = kernels.make_work(n, params.max_vertices + params.vertexCountOvershoot + 2)
    candidates = np.zeros(params.max_vertices + params.vertexCountOvershoot, np.int64)
    nv = kernels.find_candidate_vertices(x, y, n, candidates.size, candidates, work.vx, work.vkeep, False)
    vx, vy = x[candidates[:nv]].copy(), y[candidates[:nv]].copy()
    nv = kernels.cull_by_angle(
        vx, vy, nv, params.max_vertices, np.ptp(y), x[-1], candidates, work.scores, False
    )
    data = y.copy()
    rungs = kernels.build_ladder(x, data, n, candidates, nv, params.as_vector(), False, False, work)
    return work, rungs, data, y


def test_recovery_faster_than_threshold_disqualifies_the_rung_and_loses_its_end_vertex():
    params = LandTrendrParams(spikeThreshold=1.0, recoveryThreshold=0.25)
    work, rungs, data, y = _ladder(_fast_recovery(), params)
    first = list(work.rung_verts[0, : work.rung_nv[0]])
    assert 17 in first and not work.rung_ok[0]  # 2005 -> 2007 recovers 0.5 of the range per year
    assert 17 not in list(work.rung_verts[1, : work.rung_nv[1]])
    assert data[17] == pytest.approx((y[16] + y[18]) / 2)  # the observation is interpolated away
    assert work.rung_ok[1:rungs].all()


def test_recovery_threshold_one_allows_fast_recovery():
    fit = fit_pixel(_fast_recovery(), YEARS, LandTrendrParams(spikeThreshold=1.0, recoveryThreshold=1.0))
    vy = fit.vertex_years[np.isfinite(fit.vertex_years)]
    vf = fit.vertex_fitted[np.isfinite(fit.vertex_years)]
    assert np.max(np.diff(vf) / np.diff(vy) / (vf.max() - vf.min())) > 0.25


def test_prevent_one_year_recovery_rejects_one_year_recovery_segments():
    params = LandTrendrParams(spikeThreshold=1.0, recoveryThreshold=1.0, preventOneYearRecovery=True)
    fit = fit_pixel(_fast_recovery(), YEARS, params)
    vy = fit.vertex_years[np.isfinite(fit.vertex_years)]
    vf = fit.vertex_fitted[np.isfinite(fit.vertex_years)]
    one_year_recoveries = (np.diff(vy) == 1) & (np.diff(vf) > 0)
    assert not one_year_recoveries.any()


def test_one_year_spike_is_removed_not_fitted():
    values = _disturbance()
    values[5] = 0.2
    fit = fit_pixel(values, YEARS, LandTrendrParams(spikeThreshold=0.9))
    assert not {1994, 1995, 1996} & set(_vertices(fit))
    assert fit.fitted[5] > 0.75


def test_threshold_first_and_literal_despike_differ_by_one_sub_threshold_correction():
    y = np.array([1.0, 2.0, 1.5, 1.7, 1.0])
    threshold_first, literal = y.copy(), y.copy()
    kernels.despike(threshold_first, 5, 0.9, False)
    kernels.despike(literal, 5, 0.9, True)
    np.testing.assert_array_equal(threshold_first, y)  # no proportion above 0.9: nothing moves
    assert np.sum(literal != y) == 1  # IDL still corrects the largest one once


def test_idl_flavor_ties_strong_models_at_p_zero_and_gee_does_not():
    values = _disturbance(noise=0.002)
    assert fit_pixel(values * 1000, YEARS, flavor="idl").p_value == 0.0
    assert 0.0 < fit_pixel(values * 1000, YEARS, flavor="gee").p_value < 1e-6


def test_idl_flavor_truncates_reported_values_toward_zero():
    fit = fit_pixel(_disturbance() * 1000, YEARS, flavor="idl")
    finite = fit.vertex_fitted[np.isfinite(fit.vertex_fitted)]
    assert np.all(finite == np.trunc(finite)) and np.all(fit.fitted == np.trunc(fit.fitted))


def test_disturbance_direction_makes_a_rising_index_fit_like_a_falling_one():
    values = _disturbance()
    falling = fit_pixel(values, YEARS, disturbance_direction=-1)
    rising = fit_pixel(-values, YEARS, disturbance_direction=+1)
    assert _vertices(falling) == _vertices(rising)
    np.testing.assert_allclose(falling.fitted, -rising.fitted)


def test_ftv_of_an_affine_band_is_the_affine_fit():
    values = np.stack([_disturbance(seed=s) for s in range(4)])
    # No despiking or recovery edits: those change the index's data, not the other band's.
    fit = fit_series(values, YEARS, LandTrendrParams(spikeThreshold=1.0, recoveryThreshold=1.0), -1)
    ftv = fit_other_bands({"b": 2 * values + 1}, YEARS, fit.vertex_years)["b"]
    np.testing.assert_allclose(ftv, 2 * fit.fitted + 1, atol=1e-9)


def test_ftv_refits_the_band_on_its_own_values_at_the_index_vertex_years():
    values = _disturbance()[None, :]
    fit = fit_series(values, YEARS, LandTrendrParams(), -1)
    other = np.full((1, 30), 0.3)
    other[0, 20:] = 0.1
    other[0, 7] = np.nan
    ftv = fit_other_bands({"swir1": other}, YEARS, fit.vertex_years)["swir1"]
    assert np.all(np.isfinite(ftv))
    assert abs(ftv[0, 0] - 0.3) < 1e-9  # its own level, not the index's


def test_fit_chunk_maps_years_rows_cols_and_leaves_nodata_pixels_nan():
    cube = np.stack([_disturbance(seed=s) for s in range(6)], axis=1).reshape(30, 2, 3)
    cube[:, 1, 2] = np.nan
    swir = cube * -0.5 + 0.4
    fit = fit_chunk(cube, YEARS, LandTrendrParams(), -1, fit_bands={"swir1": swir})
    assert fit.fitted.shape == (30, 2, 3) and fit.vertex_years.shape == (7, 2, 3)
    assert fit.ftv["swir1"].shape == (30, 2, 3)
    assert np.isnan(fit.fitted[:, 1, 2]).all() and fit.status[1, 2] == codes.STATUS_NO_DATA
    single = fit_pixel(cube[:, 0, 1], YEARS)
    np.testing.assert_array_equal(fit.fitted[:, 0, 1], single.fitted)


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"maxSegments": 0}, "maxSegments"),
        ({"spikeThreshold": -0.1}, "spikeThreshold"),
        ({"recoveryThreshold": -0.1}, "recoveryThreshold"),
        ({"pvalThreshold": 0.0}, "pvalThreshold"),
        ({"pvalThreshold": 1.2}, "pvalThreshold"),
        ({"bestModelProportion": 0.0}, "bestModelProportion"),
        ({"bestModelProportion": 2.5}, r"bestModelProportion must be in \(0, 2\]"),
        ({"vertexCountOvershoot": -1}, "vertexCountOvershoot"),
        ({"minObservationsNeeded": 1}, "minObservationsNeeded"),
    ],
)
def test_parameters_out_of_range_are_rejected_by_name(change, name):
    with pytest.raises(TimestackError, match=name):
        fit_pixel(_disturbance(), YEARS, LandTrendrParams(**change))


@pytest.mark.parametrize(
    "change",
    [
        {"bestModelProportion": 1.25},
        {"spikeThreshold": 1.5},
        {"recoveryThreshold": 0.0},
        {"pvalThreshold": 1.0},
    ],
)
def test_parameters_with_a_meaning_run(change):
    """IDL and Earth Engine accept these (bestModelProportion > 1 is the stricter pick); so do we."""
    fit = fit_pixel(_disturbance(), YEARS, LandTrendrParams(**change))
    assert fit.n_segments >= 1 and np.all(np.isfinite(fit.fitted))


def test_non_increasing_years_are_rejected():
    with pytest.raises(TimestackError, match="years must be strictly increasing"):
        validate_years([1990, 1992, 1991])
    with pytest.raises(TimestackError, match="years"):
        fit_pixel(_disturbance(), np.r_[YEARS[:-1], 2000])


def test_bad_direction_flavor_and_shape_are_rejected():
    with pytest.raises(TimestackError, match="disturbance_direction"):
        fit_pixel(_disturbance(), YEARS, disturbance_direction=0)
    with pytest.raises(TimestackError, match="flavor"):
        fit_pixel(_disturbance(), YEARS, flavor="rust")  # type: ignore[arg-type]
    with pytest.raises(TimestackError, match="values"):
        fit_series(np.zeros((3, 29)), YEARS, LandTrendrParams(), -1)


def test_parameters_keep_gee_names_for_earth_engine():
    gee = LandTrendrParams(maxSegments=8).to_gee()
    assert gee["maxSegments"] == 8 and gee["spikeThreshold"] == 0.9 and "minObservationsNeeded" in gee


def test_numba_cache_goes_to_the_timestack_cache_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    monkeypatch.setenv("TIMESTACK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(numba.config, "CACHE_DIR", numba.config.CACHE_DIR)
    assert configure_numba_cache() == tmp_path / "cache"
    assert numba.config.CACHE_DIR == str(tmp_path / "cache")
    assert (tmp_path / "cache").is_dir()


def test_numba_cache_falls_back_when_the_folder_is_not_writable(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    monkeypatch.setenv("TIMESTACK_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(numba.config, "CACHE_DIR", numba.config.CACHE_DIR)
    folder = configure_numba_cache()
    assert folder is not None and folder.name == "timestack-numba"


def test_kernels_cache_in_the_user_folder_not_the_plugin_folder():
    for dispatcher in (kernels.fit_many, kernels.ftv_many, kernels.despike):
        assert dispatcher._cache.cache_path.startswith(os.environ["NUMBA_CACHE_DIR"])


@pytest.mark.parametrize("max_segments", [1, 2, 6, 10])
@pytest.mark.parametrize("flavor", ["gee", "idl"])
def test_random_gappy_series_always_give_consistent_fits(max_segments, flavor):
    rng = np.random.default_rng(max_segments)
    values = rng.normal(0.6, 0.1, (500, 30)) * 1000
    values[rng.random(values.shape) < rng.uniform(0, 0.9, (500, 1))] = np.nan
    params = LandTrendrParams(maxSegments=max_segments, minObservationsNeeded=3)
    fit = fit_series(values, YEARS, params, -1, flavor)
    has_data = np.isfinite(values).any(axis=1)
    assert np.all(np.isfinite(fit.fitted[has_data])) and np.all(np.isnan(fit.fitted[~has_data]))
    assert np.all(fit.n_segments <= max_segments)
    for row, nseg in zip(fit.vertex_years[has_data], fit.n_segments[has_data]):
        years = row[np.isfinite(row)]
        assert len(years) == nseg + 1 and years[0] == 1990 and years[-1] == 2019
        assert np.all(np.diff(years) > 0)


def test_second_to_last_observation_becomes_a_vertex_only_before_a_final_increase():
    """Step 3's end rule: in the flipped orientation only a final rise (a disturbance) is carved out."""
    x = np.arange(10, dtype=float)
    rising_end = np.zeros(10)
    rising_end[8], rising_end[9] = -5.0, 5.0  # the last step rises: a disturbance
    falling_end = -rising_end  # the last step falls: a one-year "recovery"
    assert kernels._split_point(x, rising_end, 10, 0, 9)[1] == 8
    assert kernels._split_point(x, falling_end, 10, 0, 9)[1] != 8


@pytest.mark.parametrize(
    ("p_values", "ok", "proportion", "chosen"),
    [
        ([0.010, 0.004, 0.005, 0.2], [True] * 4, 0.75, 1),  # 0.010 > 1.25 x 0.004: the best wins
        ([0.005, 0.004, 0.005, 0.2], [True] * 4, 0.75, 0),  # within 1.25 x lowest: the most complex
        ([0.005, 0.004, 0.005, 0.2], [True] * 4, 1.0, 1),  # proportion 1: only the lowest p
        ([0.001, 0.004, 0.005, 0.2], [False, True, True, True], 0.75, 1),  # broken rungs are skipped
        ([0.004, 0.001, 0.005, 0.2], [True, False, True, True], 0.75, 0),  # the limit follows the next best
        ([0.010, 0.004], [True, True], 1.25, -1),  # proportion > 1: nothing unless the lowest p is 0
        ([0.0, 0.0, 0.2], [True, True, True], 1.25, 0),
    ],
)
def test_best_model_proportion_picks_the_most_complex_rung_near_lowest_p(p_values, ok, proportion, chosen):
    p = np.array(p_values)
    assert kernels.choose_rung(p, np.array(ok), p.size, proportion, p.size) == chosen


def test_when_every_rung_breaks_the_recovery_rule_the_choice_ends_rejected():
    p = np.array([0.001, 0.004])
    chosen = kernels.choose_rung(p, np.array([False, False]), p.size, 0.75, p.size)
    assert chosen >= 0 and p[chosen] == 1.0  # p = 1: never significant, so the next ladder runs


def test_joint_fit_is_the_least_squares_polyline_through_fixed_knots():
    rng = np.random.default_rng(8)
    x = np.arange(20, dtype=float)
    y = rng.normal(0, 1, 20) + np.where(x < 7, 0.0, 3.0 - 0.2 * (x - 7))
    knots = np.array([0, 6, 7, 19], np.int64)
    fitted = np.empty(4)
    scratch = [np.empty(4) for _ in range(3)]
    sse = kernels.fit_joint(x, y, knots, 4, fitted, *scratch)
    hats = np.column_stack([np.interp(x, x[knots], np.eye(4)[k]) for k in range(4)])  # hat functions
    expected, residual, _, _ = np.linalg.lstsq(hats, y, rcond=None)
    np.testing.assert_allclose(fitted, expected, rtol=1e-9, atol=1e-9)
    assert sse == pytest.approx(residual[0])


def test_noise_without_a_significant_model_is_flat_at_the_mean_and_flagged():
    values = np.random.default_rng(21).normal(0.5, 0.05, YEARS.size)
    # No despiking and no recovery edits, so "the mean" is that of the raw values.
    params = LandTrendrParams(pvalThreshold=0.0001, spikeThreshold=1.0, recoveryThreshold=1.0)
    fit = fit_pixel(values, YEARS, params)
    assert fit.status == codes.STATUS_NOT_SIGNIFICANT and fit.n_segments == 1
    np.testing.assert_allclose(fit.fitted, np.mean(values), rtol=1e-9)
    assert fit.p_value > 0.0001


@pytest.mark.parametrize(
    ("n_obs", "n_segments"),
    [(n, k) for n in (6, 12, 30, 40, 75) for k in (1, 2, 3, 6, 10) if n - 2 * k - 1 > 0],
)
def test_the_f_tests_closed_form_is_the_f_distributions_survival(n_obs, n_segments):
    """p-values come from the finite sum for even df1; it must be the F distribution's upper tail from
    strong models (p ~ 0) to weak ones (p ~ 1), where a cancelling formula would lose the digits."""
    from scipy.stats import f as f_distribution

    df1 = 2 * n_segments
    df2 = n_obs - df1 - 1
    for value in (1e-8, 1e-3, 0.2, 1.0, 2.5, 10.0, 300.0):
        expected = f_distribution.sf(value, df1, df2)
        assert kernels.f_survival(value, df1, df2) == pytest.approx(expected, rel=1e-12, abs=1e-300)

"""Timescan metrics against their definitions (REFERENCE.md, OpenSARToolkit's timescan) on irregular data.

Each metric is recomputed here from its definition with numpy on the valid observations of each pixel:
gaps, all-missing pixels, constant series, negative values, SAR dB input and outliers, over random
dates that are not in any fixture.
"""

import datetime as dt
import warnings

import numpy as np
import pytest
import rasterio

from tests.helpers.rasters import write_stack
from timestack.core.runtime import Cancelled, TimestackError
from timestack.core.timescan.metrics import HARMONICS, decimal_years, parse_metrics, timescan
from timestack.core.timescan.raster import run_timescan_raster

RNG = np.random.default_rng(20261203)


def random_dates(n: int) -> list:
    start = dt.date(2016, 1, 1)
    days = np.sort(RNG.choice(np.arange(0, 6 * 365), size=n, replace=False))
    return [start + dt.timedelta(days=int(d)) for d in days]


def gappy_stack(n_dates=23, shape=(9, 7), gaps=0.3):
    stack = RNG.normal(0.3, 0.2, (n_dates, *shape))
    stack[RNG.random(stack.shape) < gaps] = np.nan
    stack[:, 0, 0] = np.nan  # no observation at all
    stack[:, 0, 1] = 0.42  # constant
    stack[:, 0, 2] = np.nan
    stack[3, 0, 2] = -0.5  # one observation
    return stack


def reference(stack, metric):
    """The metric from its definition, with numpy's NaN-functions (population std, linear percentiles)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN pixels
        if metric == "avg":
            return np.nanmean(stack, axis=0)
        if metric == "min":
            return np.nanmin(stack, axis=0)
        if metric == "max":
            return np.nanmax(stack, axis=0)
        if metric == "median":
            return np.nanmedian(stack, axis=0)
        if metric == "std":
            return np.nanstd(stack, axis=0)
        if metric == "cov":
            return np.nanstd(stack, axis=0) / np.nanmean(stack, axis=0)
        if metric == "count":
            return np.isfinite(stack).sum(axis=0).astype(float)
        return np.nanpercentile(stack, float(metric[1:]), axis=0)


METRICS = ["avg", "min", "max", "median", "std", "cov", "p5", "p95", "p37.5", "p0", "p100", "count"]


def test_each_metric_is_its_definition_over_the_valid_observations():
    stack = gappy_stack()
    before = stack.copy()
    result = timescan(stack, random_dates(stack.shape[0]), METRICS)
    np.testing.assert_array_equal(stack, before)  # the input is never filled or sorted in place
    for layer, metric in zip(result, METRICS):
        np.testing.assert_allclose(layer, reference(stack, metric), rtol=1e-12, atol=1e-12, err_msg=metric)


def test_a_pixel_without_observations_has_nan_metrics_and_a_zero_count():
    stack = gappy_stack()
    result = timescan(stack, random_dates(stack.shape[0]), ["avg", "p95", "count", "amplitude"])
    assert np.isnan(result[:2, 0, 0]).all() and result[2, 0, 0] == 0 and np.isnan(result[3, 0, 0])


def test_sar_mode_computes_on_linear_power_and_reports_levels_in_db():
    db = RNG.normal(-12.0, 3.0, (30, 6, 5))
    db[RNG.random(db.shape) < 0.2] = np.nan
    power = 10 ** (db / 10)
    metrics = ["avg", "min", "max", "median", "p5", "p95", "std", "cov", "count"]
    result = timescan(db, random_dates(30), metrics, sar_db=True)
    for layer, metric in zip(result, metrics):
        expected = reference(power, metric)
        if metric in ("avg", "min", "max", "median", "p5", "p95"):
            expected = 10 * np.log10(expected)
        np.testing.assert_allclose(layer, expected, rtol=1e-10, err_msg=metric)


def outliers_removed(series):
    """REFERENCE.md: with >= 5 observations, drop values outside mean ± 2 std of the p5-p95 values."""
    valid = series[np.isfinite(series)]
    if valid.size < 5:
        return valid
    low, high = np.percentile(valid, [5, 95])
    core = valid[(valid >= low) & (valid <= high)]
    mean, std = core.mean(), core.std()
    return valid[(valid >= mean - 2 * std) & (valid <= mean + 2 * std)]


def test_outlier_removal_drops_values_beyond_two_deviations_of_the_central_values():
    stack = RNG.normal(0.5, 0.05, (40, 4, 4))
    stack[[3, 17, 29], 1, 1] = [4.0, -3.0, 9.0]  # spikes
    stack[:36, 2, 2] = np.nan  # four observations: left alone
    stack[36:, 2, 2] = [0.5, 0.5, 9.0, 0.5]
    result = timescan(stack, random_dates(40), ["avg", "max", "count"], outliers=True)
    for row in range(4):
        for col in range(4):
            kept = outliers_removed(stack[:, row, col])
            np.testing.assert_allclose(result[:, row, col], [kept.mean(), kept.max(), kept.size], rtol=1e-12)
    assert result[1, 1, 1] < 1.0 and result[2, 2, 2] == 4


def ost_design(dates):
    """OST's harmonic regressors: years since 1970 (days / 366), cos and sin of 2πt, intercept."""
    t = decimal_years(dates)
    return t, np.stack([t, np.cos(2 * np.pi * t), np.sin(2 * np.pi * t), np.ones_like(t)], axis=1)


def test_harmonics_are_the_least_squares_annual_cycle_on_real_dates():
    dates = random_dates(37)
    t, design = ost_design(dates)
    truth = np.array([0.03, 0.2, -0.1, 0.4])
    stack = (design @ truth)[:, None, None] + RNG.normal(0, 0.02, (37, 3, 4))
    stack[RNG.random(stack.shape) < 0.25] = np.nan
    stack[:33, 0, 0] = np.nan  # four observations: no fit
    result = timescan(stack, dates, ["harmonics"])
    assert result.shape == (len(HARMONICS), 3, 4)
    assert np.isnan(result[:, 0, 0]).all()
    for row in range(3):
        for col in range(4):
            if (row, col) == (0, 0):
                continue
            valid = np.isfinite(stack[:, row, col])
            coef, residuals, _, _ = np.linalg.lstsq(design[valid], stack[valid, row, col], rcond=None)
            expected = [
                np.hypot(coef[1], coef[2]),
                np.arctan2(coef[2], coef[1]),
                coef[0],
                np.sqrt(residuals[0] / valid.sum()),
                coef[3],
            ]
            np.testing.assert_allclose(result[:, row, col], expected, rtol=1e-7, atol=1e-9)


def test_decimal_years_count_days_as_opensartoolkit_does():
    assert decimal_years([dt.date(1970, 1, 1)])[0] == 0.0
    # 1 March has day index 60 in every year: non-leap years skip 29 February
    assert decimal_years([dt.date(2021, 3, 1)])[0] == pytest.approx(51 + 60 / 366)
    assert decimal_years([dt.date(2020, 3, 1)])[0] == pytest.approx(50 + 60 / 366)


def test_metric_names_are_checked_and_expanded():
    assert parse_metrics(["AVG", "percentiles", "avg", "p50"]) == ("avg", "p5", "p95", "p50")
    assert parse_metrics(["harmonics"]) == HARMONICS
    for bad in (["p150"], ["mean"], []):
        with pytest.raises(TimestackError, match="METRICS"):
            parse_metrics(bad)


def test_the_raster_timescan_writes_variable_metric_bands_equal_to_the_array_timescan(tmp_path):
    dates = random_dates(12)
    nbr = gappy_stack(12, shape=(300, 517))  # not a multiple of the engine's blocks
    ndvi = gappy_stack(12, shape=(300, 517))
    data = np.concatenate([nbr, ndvi]).astype("float32")
    descriptions = [f"{d.isoformat()}_nbr" for d in dates] + [f"{d:%Y%m%d}_NDVI" for d in dates]
    data = np.where(np.isnan(data), -9999, data).astype("float32")
    stack = write_stack(tmp_path / "stack.tif", data, descriptions, nodata=-9999)
    out = run_timescan_raster(stack, tmp_path / "timescan.tif", ["avg", "p95", "count"], chunk_size=256)
    with rasterio.open(out) as src:
        assert src.descriptions == (
            "nbr_avg", "nbr_p95", "nbr_count", "ndvi_avg", "ndvi_p95", "ndvi_count",
        )  # fmt: skip
        written = src.read()
    as_read = np.where(data == -9999, np.nan, data.astype(np.float64))
    expected = np.concatenate(
        [
            timescan(as_read[:12], dates, ["avg", "p95", "count"]),
            timescan(as_read[12:], dates, ["avg", "p95", "count"]),
        ]
    ).astype("float32")
    np.testing.assert_array_equal(written, expected)


def test_undated_bands_unknown_variables_and_cancel_leave_nothing(tmp_path):
    data = RNG.normal(size=(3, 4, 4)).astype("float32")
    undated = write_stack(tmp_path / "undated.tif", data, ["2001_nbr", "cloudy", "2003_nbr"])
    with pytest.raises(TimestackError, match="band 2 \\(cloudy\\) carries no date"):
        run_timescan_raster(undated, tmp_path / "a.tif")
    dated = write_stack(tmp_path / "dated.tif", data, ["2001_nbr", "2002_nbr", "2003_nbr"])
    with pytest.raises(TimestackError, match="VARIABLES: ndvi not in the stack"):
        run_timescan_raster(dated, tmp_path / "b.tif", variables=["ndvi"])
    with pytest.raises(Cancelled):
        run_timescan_raster(dated, tmp_path / "c.tif", is_cancelled=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dated.tif", "undated.tif"]


@pytest.mark.parametrize("days", [1, 2])
def test_harmonics_on_dates_of_one_or_two_days_of_the_year_are_refused_by_naming_metrics(tmp_path, days):
    """An annual stack (every date on one day of the year) has no cycle over the year to fit: the
    harmonics would be NaN everywhere. Dates on three days of the year can be fitted."""
    data = RNG.normal(size=(10, 4, 4)).astype("float32")
    months = [7, 1][:days]
    names = [f"{2010 + i}-{months[i % days]:02d}-15_nbr" for i in range(10)]
    stack = write_stack(tmp_path / "annual.tif", data, names)
    with pytest.raises(TimestackError, match=f"METRICS: the harmonics .* fall on {days} day") as refused:
        run_timescan_raster(stack, tmp_path / "scan.tif", ["avg", "amplitude"])
    assert refused.value.parameter == "METRICS"
    assert not (tmp_path / "scan.tif").exists()
    three = [f"{2010 + i}-{[1, 5, 9][i % 3]:02d}-15_nbr" for i in range(10)]
    out = run_timescan_raster(
        write_stack(tmp_path / "three.tif", data, three), tmp_path / "ok.tif", ["amplitude"]
    )
    with rasterio.open(out) as src:
        assert np.isfinite(src.read(1)).all()


@pytest.mark.parametrize("largest", [60000.0, 101.0, -9999.0])
def test_sar_mode_refuses_values_that_cannot_be_db_by_naming_sar_db(largest):
    """Digital numbers or linear power read as dB gave inf and NaN metrics without a word."""
    db = RNG.normal(-12.0, 3.0, (6, 4, 4))
    db[3, 2, 1] = largest
    db[0, 0, 0] = np.nan
    with pytest.raises(
        TimestackError, match=f"SAR_DB: the stack holds values such as {largest:g}, which are not dB"
    ):
        timescan(db, random_dates(6), ["avg", "min", "max", "median"], sar_db=True)
    assert np.isfinite(timescan(db, random_dates(6), ["avg", "max"])).all()


def test_sar_mode_takes_the_whole_plausible_db_range_and_missing_values():
    db = np.array([[-60.0], [35.0], [np.nan], [np.inf], [-100.0]])
    result = timescan(db, random_dates(5), ["min", "max", "count"], sar_db=True)
    np.testing.assert_allclose(result[:2, 0], [-100.0, 35.0])

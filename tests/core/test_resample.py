"""Temporal resampling on a real time axis: every period kept (empty ones as nodata), seasons across the
new year, custom periods, each statistic as its definition over the period's valid observations."""

import datetime as dt
import warnings

import numpy as np
import pytest
import rasterio

from tests.helpers.rasters import write_stack
from timestack.core.runtime import TimestackError
from timestack.core.timescan.resample import period_starts, resample_stack

RNG = np.random.default_rng(5)
#: Irregular acquisitions: none in 2020-03 or 2020-04, two on one day's neighbours, one in December.
DATES = [
    dt.date(2019, 12, 30), dt.date(2020, 1, 4), dt.date(2020, 1, 20), dt.date(2020, 2, 9),
    dt.date(2020, 2, 25), dt.date(2020, 5, 15), dt.date(2020, 5, 31), dt.date(2020, 6, 16),
    dt.date(2020, 12, 1), dt.date(2021, 2, 28),
]  # fmt: skip


def test_period_starts_cover_the_whole_axis_including_empty_periods():
    months = period_starts(DATES, "monthly")
    assert months[0] == dt.date(2019, 12, 1) and months[-1] == dt.date(2021, 2, 1) and len(months) == 15
    seasons = period_starts(DATES, "seasonal")
    assert seasons == [dt.date(2019, 12, 1), dt.date(2020, 3, 1), dt.date(2020, 6, 1), dt.date(2020, 9, 1),
                       dt.date(2020, 12, 1)]  # fmt: skip
    assert period_starts(DATES, "annual") == [dt.date(2019, 1, 1), dt.date(2020, 1, 1), dt.date(2021, 1, 1)]
    custom = period_starts(DATES, "custom", days=100)
    assert custom[0] == DATES[0] and custom[1] == DATES[0] + dt.timedelta(days=100)
    with pytest.raises(TimestackError, match="PERIOD"):
        period_starts(DATES, "weekly")
    with pytest.raises(TimestackError, match="DAYS"):
        period_starts(DATES, "custom", days=0)


def write_dated(tmp_path, values):
    descriptions = [f"{d:%Y-%m-%d}_vh" for d in DATES]
    data = np.where(np.isnan(values), -9999, values).astype("float32")
    return write_stack(tmp_path / "vh.tif", data, descriptions, nodata=-9999)


@pytest.mark.parametrize("statistic", ["mean", "median", "max", "min", "count"])
def test_each_period_is_the_statistic_of_its_valid_observations(tmp_path, statistic):
    values = RNG.normal(0.05, 0.02, (len(DATES), 37, 29))
    values[RNG.random(values.shape) < 0.3] = np.nan
    stack = write_dated(tmp_path, values)
    result = resample_stack(stack, tmp_path / "monthly.tif", "monthly", statistic, chunk_size=16)
    assert result.empty == {"vh": 15 - 7}  # months with at least one acquisition: 7 of 15
    with rasterio.open(result.path) as src:
        assert src.descriptions[0] == "2019-12-01_vh" and src.descriptions[-1] == "2021-02-01_vh"
        written = src.read()
    as_read = values.astype("float32").astype("float64")
    reducers = {"mean": np.nanmean, "median": np.nanmedian, "max": np.nanmax, "min": np.nanmin}
    for k, start in enumerate(result.starts):
        end = period_starts([start, start + dt.timedelta(days=31)], "monthly")[1]
        members = [i for i, d in enumerate(DATES) if start <= d < end]
        if statistic == "count":
            expected = np.isfinite(as_read[members]).sum(axis=0) if members else np.zeros(as_read.shape[1:])
        elif not members:
            expected = np.full(as_read.shape[1:], np.nan)
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                expected = reducers[statistic](as_read[members], axis=0)
        np.testing.assert_allclose(written[k], expected.astype("float32"), equal_nan=True, err_msg=str(start))


def test_december_goes_to_the_next_winter_and_unknown_statistics_are_named(tmp_path):
    values = np.arange(len(DATES), dtype=float)[:, None, None] * np.ones((1, 3, 3))
    stack = write_dated(tmp_path, values)
    result = resample_stack(stack, tmp_path / "seasons.tif", "seasonal", "max")
    with rasterio.open(result.path) as src:
        written = src.read(1)[0, 0], src.read(5)[0, 0]
    assert written == (4.0, 9.0)  # DJF 2020 ends with 25 Feb (index 4); DJF 2021 with 28 Feb 2021 (9)
    with pytest.raises(TimestackError, match="STATISTIC"):
        resample_stack(stack, tmp_path / "x.tif", "monthly", "sum")
    assert not (tmp_path / "x.tif").exists()


@pytest.mark.parametrize("statistic", ["mean", "median", "max", "min", "count"])
def test_a_period_whose_dates_are_all_nodata_is_as_empty_as_one_without_dates(tmp_path, statistic):
    """May 2020's two scenes are nodata everywhere: the period is counted empty and its band is what an
    undated month's is (nodata, count 0). June 2020's scene is nodata but in one pixel, in the last
    window: that month is not empty. A pixel whose February scenes are both nodata is there as in March."""
    values = RNG.normal(0.05, 0.02, (len(DATES), 37, 29))
    may, june, february = [5, 6], [7], [3, 4]
    values[may] = np.nan
    values[june, :-1] = np.nan
    values[february, 2, 3] = np.nan
    result = resample_stack(write_dated(tmp_path, values), tmp_path / "monthly.tif", "monthly", statistic, 16)
    assert result.empty == {"vh": 15 - 7 + 1}  # March, April, July-November 2020, January 2021 and May
    with rasterio.open(result.path) as src:
        bands = dict(zip((start.isoformat() for start in result.starts), src.read()))
    without_dates = bands["2020-03-01"]
    assert (without_dates == 0).all() if statistic == "count" else np.isnan(without_dates).all()
    np.testing.assert_array_equal(bands["2020-05-01"], without_dates)
    np.testing.assert_array_equal(bands["2020-06-01"][:-1], without_dates[:-1])
    assert np.isfinite(bands["2020-06-01"][-1]).all() and (bands["2020-06-01"][-1] != without_dates[-1]).all()
    np.testing.assert_array_equal(bands["2020-02-01"][2, 3], without_dates[2, 3])

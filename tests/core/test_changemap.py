"""Change maps from LandTrendr segments: filters before selection, sort rules, MMU, every-event stacks."""

from __future__ import annotations

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

from timestack.core.changemap.maps import (
    CHANGE_BANDS,
    SEGMENT_FIELDS,
    ChangeMapParams,
    apply_mmu,
    change_map,
    event_stacks,
    run_changemap_raster,
    segment_table,
)
from timestack.core.landtrendr.fit import LandTrendrOutputs, LandTrendrParams, run_landtrendr_raster
from timestack.core.runtime import Cancelled, TimestackError

NAN = np.nan


def _table(vertex_years, vertex_fitted, rmse=0.05):
    """A segment table of one pixel per row of vertices, shaped (segments, pixels)."""
    years = np.array(vertex_years, dtype=float).T
    fitted = np.array(vertex_fitted, dtype=float).T
    return segment_table(years, fitted, np.full(years.shape[1], rmse))


#: NBR-like pixel (loss = decrease): small loss 2000->2002, big loss 2005->2006, recovery, slow loss.
PIXEL_YEARS = [1990, 2000, 2002, 2005, 2006, 2012, 2019]
PIXEL_VALUES = [0.8, 0.8, 0.7, 0.7, 0.3, 0.6, 0.5]


def _pick(bands, name):
    return bands[name][0]


def test_segment_table_fields_follow_the_vertices():
    table = _table([PIXEL_YEARS], [PIXEL_VALUES], rmse=0.05)
    assert table["start_year"][:, 0].tolist() == PIXEL_YEARS[:-1]
    np.testing.assert_allclose(table["magnitude"][:, 0], np.diff(PIXEL_VALUES))
    np.testing.assert_allclose(table["duration"][:, 0], np.diff(PIXEL_YEARS))
    np.testing.assert_allclose(table["rate"][:, 0], np.diff(PIXEL_VALUES) / np.diff(PIXEL_YEARS))
    np.testing.assert_allclose(table["dsnr"][:, 0], np.diff(PIXEL_VALUES) / 0.05)


@pytest.mark.parametrize(
    ("sort", "yod"),
    [
        ("greatest", 2006),
        ("least", 2013),
        ("newest", 2013),
        ("oldest", 2001),
        ("fastest", 2006),
        ("slowest", 2013),
        ("longest", 2013),
    ],
)
def test_sort_rules_select_one_loss_per_pixel(sort, yod):
    bands = change_map(_table([PIXEL_YEARS], [PIXEL_VALUES]), ChangeMapParams(sort=sort), -1)
    assert _pick(bands, "yod") == yod


def test_change_map_reports_absolute_magnitude_rate_and_dsnr_and_the_prechange_value():
    bands = change_map(_table([PIXEL_YEARS], [PIXEL_VALUES], rmse=0.1), ChangeMapParams(), -1)
    assert list(bands) == list(CHANGE_BANDS)
    assert _pick(bands, "yod") == 2006
    assert _pick(bands, "mag") == pytest.approx(0.4)
    assert _pick(bands, "dur") == 1
    assert _pick(bands, "preval") == pytest.approx(0.7)
    assert _pick(bands, "rate") == pytest.approx(0.4)
    assert _pick(bands, "dsnr") == pytest.approx(4.0)


def test_gain_selects_recovery_segments():
    bands = change_map(_table([PIXEL_YEARS], [PIXEL_VALUES]), ChangeMapParams(change="gain"), -1)
    assert _pick(bands, "yod") == 2007 and _pick(bands, "mag") == pytest.approx(0.3)


def test_rising_index_swaps_loss_and_gain():
    negated = [-v for v in PIXEL_VALUES]
    bands = change_map(_table([PIXEL_YEARS], [negated]), ChangeMapParams(), +1)
    assert _pick(bands, "yod") == 2006


def test_filters_apply_before_selection():
    table = _table([PIXEL_YEARS], [PIXEL_VALUES], rmse=0.05)
    in_range = change_map(table, ChangeMapParams(year_range=(2007, 2019)), -1)
    assert _pick(in_range, "yod") == 2013  # the greatest loss outside the range is not chosen
    assert np.isnan(_pick(change_map(table, ChangeMapParams(year_range=(2014, 2019)), -1), "yod"))
    small_ok = change_map(table, ChangeMapParams(sort="least", min_magnitude=0.105), -1)
    assert _pick(small_ok, "yod") == 2006
    dsnr = change_map(table, ChangeMapParams(sort="oldest", min_dsnr=2.5), -1)
    assert _pick(dsnr, "yod") == 2006
    long = change_map(table, ChangeMapParams(min_duration=2), -1)
    assert _pick(long, "yod") == 2001
    short = change_map(table, ChangeMapParams(sort="oldest", max_duration=1), -1)
    assert _pick(short, "yod") == 2006
    preval = change_map(table, ChangeMapParams(min_preval=0.75), -1)
    assert _pick(preval, "yod") == 2001


def test_pixel_without_fit_or_qualifying_loss_is_nodata():
    table = _table([PIXEL_YEARS, [1990, 2019] + [NAN] * 5], [PIXEL_VALUES, [0.5, 0.9] + [NAN] * 5])
    bands = change_map(table, ChangeMapParams(), -1)
    assert bands["yod"][0] == 2006 and np.isnan(bands["yod"][1])


def test_mmu_keeps_same_year_patches_of_at_least_mmu_pixels_8_connected():
    yod = np.full((6, 6), np.nan)
    yod[0, 0] = yod[1, 1] = yod[2, 2] = 2005  # diagonal: one 8-connected patch of 3
    yod[4, 4] = yod[4, 5] = 2010  # a patch of 2
    yod[5, 5] = 2011  # touches the 2010 patch but is another year: alone
    keep = apply_mmu(yod, 3)
    assert keep[0, 0] and keep[2, 2]
    assert not keep[4, 4] and not keep[5, 5]
    assert apply_mmu(yod, 2)[4, 5] and not apply_mmu(yod, 2)[5, 5]


def test_mmu_has_no_patch_size_cap():
    yod = np.full((40, 40), 2001.0)
    assert apply_mmu(yod, 1600).all()


def test_change_map_applies_mmu():
    years = [PIXEL_YEARS] * 3 + [[1990, 2000, 2001, 2019, NAN, NAN, NAN]]
    values = [PIXEL_VALUES] * 3 + [[0.8, 0.8, 0.4, 0.4, NAN, NAN, NAN]]
    bands = change_map(_table(years, values), ChangeMapParams(mmu=3), -1)
    assert bands["yod"].tolist()[:3] == [2006, 2006, 2006]  # 1-D: neighbours along the row
    assert np.isnan(bands["yod"][3])


def test_event_stacks_hold_every_event_per_year_and_count_zero_as_zero():
    years = list(range(1990, 2020))
    table = _table(
        [PIXEL_YEARS, [1990, 2019] + [NAN] * 5, [NAN] * 7], [PIXEL_VALUES, [0.5, 0.5] + [NAN] * 5, [NAN] * 7]
    )
    events = event_stacks(table, years, ChangeMapParams(), -1)
    loss = events["loss_magnitude"]
    assert loss.shape == (30, 3)
    assert loss[years.index(2001), 0] == pytest.approx(0.1)
    assert loss[years.index(2006), 0] == pytest.approx(0.4)
    assert loss[years.index(2013), 0] == pytest.approx(0.1)
    assert events["gain_magnitude"][years.index(2007), 0] == pytest.approx(0.3)
    assert events["loss_count"].tolist()[:2] == [3, 0] and events["gain_count"].tolist()[:2] == [1, 0]
    assert np.all(loss[:, 1] == 0)  # a flat fit: no event, zero not nodata
    assert np.isnan(events["loss_count"][2]) and np.isnan(loss[:, 2]).all()  # no fit at all


def test_bad_change_map_parameters_are_rejected_by_name():
    table = _table([PIXEL_YEARS], [PIXEL_VALUES])
    for params, name in [
        (ChangeMapParams(sort="biggest"), "sort"),  # type: ignore[arg-type]
        (ChangeMapParams(change="up"), "change"),  # type: ignore[arg-type]
        (ChangeMapParams(year_range=(2010, 2000)), "year_range"),
        (ChangeMapParams(min_magnitude=-1), "min_magnitude"),
        (ChangeMapParams(mmu=0), "mmu"),
        (ChangeMapParams(min_duration=5, max_duration=2), "duration"),
    ]:
        with pytest.raises(TimestackError, match=name):
            change_map(table, params, -1)
    with pytest.raises(TimestackError, match="disturbance_direction"):
        change_map(table, ChangeMapParams(), 0)


def _segments_of_a_disturbed_patch(tmp_path):
    """A LandTrendr segments raster (6 x 5 px, 2000-2015) with a patch and a lone pixel lost in 2008."""
    rows, cols, years = 6, 5, list(range(2000, 2016))
    rng = np.random.default_rng(2)
    nbr = 0.8 + rng.normal(0, 0.01, (len(years), rows, cols))
    nbr[8:, :3, :] -= 0.5  # a 3 x 5 patch disturbed in 2008
    nbr[8:, 5, 4] -= 0.5  # a lone pixel disturbed in 2008
    profile = dict(
        driver="GTiff", width=cols, height=rows, count=len(years), dtype="float32",
        crs="EPSG:32633", transform=from_origin(0, 0, 30, 30),
    )  # fmt: skip
    stack = tmp_path / "stack.tif"
    with rasterio.open(stack, "w", **profile) as dst:
        dst.write(nbr.astype(np.float32))
        for band, year in enumerate(years, start=1):
            dst.set_band_description(band, f"{year}_nbr")
    segments = tmp_path / "segments.tif"
    run_landtrendr_raster(
        stack, "nbr", LandTrendrOutputs(segments=segments), LandTrendrParams(maxSegments=3), -1
    )
    return segments, years


def test_change_map_raster_from_a_landtrendr_run(tmp_path):
    segments, years = _segments_of_a_disturbed_patch(tmp_path)
    written = run_changemap_raster(
        segments, None, ChangeMapParams(min_magnitude=0.2, mmu=3),
        change_path=tmp_path / "change.tif", events_path=tmp_path / "events.tif", chunk_size=4,
    )  # fmt: skip
    with rasterio.open(written["change"]) as ds:
        assert ds.descriptions == CHANGE_BANDS
        yod = ds.read(1)
    assert np.all(yod[:3] == 2008)
    assert np.isnan(yod[5, 4])  # below the minimum mapping unit
    assert np.isnan(yod[3:5]).all()
    with rasterio.open(written["events"]) as ds:
        assert ds.count == 2 * len(years) + 2
        assert ds.descriptions[0] == "2000_loss_mag" and ds.descriptions[-1] == "gain_count"
        counts = ds.read(ds.count - 1)
    assert counts[0, 0] == 1 and counts[4, 0] == 0 and counts[5, 4] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "change.tif",
        "events.tif",
        "segments.tif",
        "stack.tif",
    ]


_TINY = dict(
    driver="GTiff", width=2, height=2, dtype="float32", crs="EPSG:32633", transform=from_origin(0, 0, 30, 30)
)


def _plain(folder):
    path = folder / "plain.tif"
    with rasterio.open(path, "w", count=1, **_TINY) as dst:
        dst.write(np.zeros((1, 2, 2), np.float32))
    return path


def test_cancelling_a_change_map_leaves_no_output(tmp_path):
    segments, _ = _segments_of_a_disturbed_patch(tmp_path)
    calls = []
    with pytest.raises(Cancelled):
        run_changemap_raster(
            segments, None, ChangeMapParams(min_magnitude=0.2, mmu=3),
            change_path=tmp_path / "change.tif", events_path=tmp_path / "events.tif", chunk_size=2,
            is_cancelled=lambda: calls.append(1) or len(calls) > 2,
        )  # fmt: skip
    assert len(calls) > 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["segments.tif", "stack.tif"]


def test_change_map_raster_needs_direction_and_years_when_not_recorded(tmp_path):
    path = tmp_path / "segments.tif"
    with rasterio.open(path, "w", count=8, **_TINY) as dst:
        for band, name in enumerate(SEGMENT_FIELDS, start=1):
            dst.set_band_description(band, f"segment_1_{name}")
    with pytest.raises(TimestackError, match="disturbance_direction"):
        run_changemap_raster(path, change_path=tmp_path / "c.tif")
    with pytest.raises(TimestackError, match="years"):
        run_changemap_raster(path, -1, events_path=tmp_path / "e.tif")
    with pytest.raises(TimestackError, match="segments_path"):
        run_changemap_raster(_plain(tmp_path), -1, change_path=tmp_path / "c.tif")
    with pytest.raises(TimestackError, match="change_path or events_path"):
        run_changemap_raster(path, -1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain.tif", "segments.tif"]


def test_events_of_a_stack_with_missing_years_keep_a_change_detected_in_a_missing_year(tmp_path):
    """A stack without 2006-2007 (no scene those years) fits its vertices on the years it has: a loss
    between 2005 and 2008 starts at the 2005 vertex and is detected in 2006 (start + 1, as the change map
    says). The event stacks have a band for it; they used to drop it and count an event of no year."""
    years = [2000, 2001, 2002, 2003, 2004, 2005, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015]
    rng = np.random.default_rng(2)
    nbr = 0.8 + rng.normal(0, 0.01, (len(years), 4, 4))
    nbr[years.index(2008) :] -= 0.5
    profile = dict(
        driver="GTiff", width=4, height=4, count=len(years), dtype="float32",
        crs="EPSG:32633", transform=from_origin(0, 0, 30, 30),
    )  # fmt: skip
    stack = tmp_path / "stack.tif"
    with rasterio.open(stack, "w", **profile) as dst:
        dst.write(nbr.astype(np.float32))
        dst.descriptions = tuple(f"{year}_nbr" for year in years)
    segments = tmp_path / "segments.tif"
    run_landtrendr_raster(stack, "nbr", LandTrendrOutputs(segments=segments), LandTrendrParams(maxSegments=3))
    written = run_changemap_raster(
        segments, change_path=tmp_path / "change.tif", events_path=tmp_path / "events.tif",
        params=ChangeMapParams(min_magnitude=0.2),
    )  # fmt: skip
    with rasterio.open(written["change"]) as ds:
        assert (ds.read(1) == 2006).all()
        magnitude = ds.read(2)
    with rasterio.open(written["events"]) as ds:
        names = list(ds.descriptions)
        events = dict(zip(names, ds.read()))
    # one band per year from the first to the last, the missing ones too
    assert names[:16] == [f"{year}_loss_mag" for year in range(2000, 2016)]
    assert names[-2:] == ["loss_count", "gain_count"]
    assert (events["loss_count"] == 1).all()
    np.testing.assert_allclose(events["2006_loss_mag"], magnitude)

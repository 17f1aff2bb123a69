"""Sentinel-1 per-track stacks (``timestack:sarstack``'s core): grouping by track, frames of a pass
merged, dB and ratio, masks, and the Quegan & Yu multi-temporal speckle filter, on RTC scenes written as
Planetary Computer publishes them (tests/helpers/sentinel1.py) and on seeded gamma-distributed speckle."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import rasterio

from tests.helpers.sentinel1 import RES, SIZE, UTM, X0, Y0, catalog_items, write_items, write_rtc_scene
from timestack.core.radar.speckle import boxcar_mean, power_ratio, quegan_yu, to_db
from timestack.core.radar.stack import SarStackSettings, sar_stacks
from timestack.core.radar.tracks import Track, group_by_track
from timestack.core.runtime import Cancelled, TimestackError

LOOKS = 4.4  # PC's sar:looks_equivalent_number


def speckled(rng, sigma0, shape):
    """Fully developed speckle of ``LOOKS`` looks: gamma distributed with mean ``sigma0``."""
    return rng.gamma(LOOKS, np.asarray(sigma0) / LOOKS, size=shape)


# --- tracks --------------------------------------------------------------------------------------


def test_items_group_by_relative_orbit_and_direction_in_time_order():
    grouped = group_by_track(catalog_items())
    expected = {}
    for item in catalog_items():
        p = item["properties"]
        expected.setdefault(Track(p["sat:orbit_state"], p["sat:relative_orbit"]), set()).add(item["id"])
    assert {track: {i["id"] for i in items} for track, items in grouped.items()} == expected
    assert [track.name for track in grouped] == ["ASCENDING_088", "ASCENDING_161", "DESCENDING_037"]
    for items in grouped.values():
        times = [item["properties"]["datetime"] for item in items]
        assert times == sorted(times)


def test_items_without_orbit_fields_are_not_radar():
    optical = {"id": "LC08", "properties": {"datetime": "2023-06-01T10:00:00Z", "platform": "landsat-8"}}
    assert group_by_track([optical]) == {}


# --- dB and ratio --------------------------------------------------------------------------------


def test_db_is_ten_log10_of_power_and_nodata_or_non_positive_is_nan():
    power = np.array([1.0, 0.1, 0.01, 0.0, -0.5, np.nan, 2.0])
    decibels = to_db(power)
    np.testing.assert_allclose(decibels[[0, 1, 2, 6]], 10 * np.log10(power[[0, 1, 2, 6]]), rtol=1e-6)
    assert np.isnan(decibels[3:6]).all()


def test_ratio_is_co_over_cross_in_linear_power():
    ratio = power_ratio(np.array([0.2, 0.1, np.nan, 0.3]), np.array([0.05, 0.0, 0.1, 0.1]))
    np.testing.assert_allclose(ratio[[0, 3]], [4.0, 3.0], rtol=1e-6)
    assert np.isnan(ratio[1]) and np.isnan(ratio[2])


# --- speckle filter ------------------------------------------------------------------------------


def test_boxcar_mean_ignores_missing_pixels():
    image = np.ones((9, 9))
    image[4, 4] = np.nan
    image[0, :] = 3.0
    image[5, 5] = 10.0
    means = boxcar_mean(image, 3)
    assert means[4, 4] == pytest.approx((7 * 1 + 10) / 8)  # the NaN at the centre is left out
    assert means[1, 1] == pytest.approx((3 * 3 + 6 * 1) / 9)
    assert means[0, 0] == pytest.approx((2 * 3 + 2 * 1) / 4)  # the part of the box inside the image
    assert np.isnan(boxcar_mean(np.full((5, 5), np.nan), 3)).all()


@pytest.mark.parametrize("seed", [1, 7, 2024])
@pytest.mark.parametrize("dates, window", [(6, 5), (12, 7)])
def test_quegan_yu_preserves_the_mean_of_a_constant_backscatter_stack(seed, dates, window):
    rng = np.random.default_rng(seed)
    sigma0 = rng.uniform(0.01, 0.3)
    stack = speckled(rng, sigma0, (dates, 64, 64))
    filtered = quegan_yu(stack, window)
    assert filtered.shape == stack.shape
    # the stack's mean stays (within what a 64x64xN sample allows), date by date and overall
    assert filtered.mean() == pytest.approx(stack.mean(), rel=0.02)
    assert filtered.mean(axis=(1, 2)) == pytest.approx(stack.mean(axis=(1, 2)), rel=0.05)
    assert filtered.mean() == pytest.approx(sigma0, rel=0.03)


@pytest.mark.parametrize("seed", [3, 11])
def test_quegan_yu_reduces_the_speckle_variance_with_more_dates(seed):
    rng = np.random.default_rng(seed)
    few = speckled(rng, 0.1, (3, 64, 64))
    many = speckled(rng, 0.1, (12, 64, 64))
    reduction_few = few.var() / quegan_yu(few, 7).var()
    reduction_many = many.var() / quegan_yu(many, 7).var()
    assert reduction_few > 1.5
    assert reduction_many > 4.0
    assert reduction_many > reduction_few, "averaging more independent dates removes more speckle"


def test_quegan_yu_keeps_each_dates_own_level_and_changes_nothing_without_speckle():
    levels = np.array([0.02, 0.2, 0.05, 0.1])
    stack = np.broadcast_to(levels[:, None, None], (4, 20, 20)).copy()
    np.testing.assert_allclose(quegan_yu(stack, 5), stack, rtol=1e-6)


def test_quegan_yu_leaves_missing_pixels_missing_and_needs_two_dates():
    rng = np.random.default_rng(5)
    stack = speckled(rng, 0.1, (4, 16, 16))
    stack[1, 3:6, 3:6] = np.nan
    filtered = quegan_yu(stack, 5)
    assert np.isnan(filtered[1, 3:6, 3:6]).all()
    assert np.isfinite(filtered[[0, 2, 3]]).all() and np.isfinite(filtered[1, 8:, 8:]).all()
    with pytest.raises(ValueError, match="2\\+ dates"):
        quegan_yu(stack[:1], 5)
    with pytest.raises(ValueError, match="odd"):
        quegan_yu(stack, 4)


# --- stacks --------------------------------------------------------------------------------------


def gamma0(rng, vv, vh, shape=(SIZE, SIZE)):
    return {"VV": speckled(rng, vv, shape), "VH": speckled(rng, vh, shape)}


@pytest.fixture
def two_tracks(tmp_path):
    """Ascending 88: three dates, the second as two frames (west and east halves); descending 37: two
    dates. Nodata in a corner of the first date, a layover/shadow strip on the last ascending date."""
    rng = np.random.default_rng(42)
    folder = tmp_path / "scenes"
    first = gamma0(rng, 0.12, 0.03)
    first["VV"][:4, :4] = np.nan
    first["VH"][:4, :4] = np.nan
    half = SIZE // 2
    west = gamma0(rng, 0.1, 0.02, (SIZE, half))
    east = gamma0(rng, 0.1, 0.02, (SIZE, SIZE - half))
    layover = np.zeros((SIZE, SIZE), np.uint8)
    layover[:, -3:] = 1
    items = [
        write_rtc_scene(folder, "2023-06-04T17:24:10Z", 88, "ascending", first),
        write_rtc_scene(folder, "2023-06-16T17:24:11Z", 88, "ascending", west,
                        bounds=(X0, Y0 - SIZE * RES, X0 + half * RES, Y0)),
        write_rtc_scene(folder, "2023-06-16T17:24:11Z", 88, "ascending", east, seconds=25,
                        bounds=(X0 + half * RES, Y0 - SIZE * RES, X0 + SIZE * RES, Y0)),
        write_rtc_scene(folder, "2023-06-28T17:24:11Z", 88, "ascending", gamma0(rng, 0.1, 0.02),
                        layover_shadow=layover),
        write_rtc_scene(folder, "2023-06-09T05:50:30Z", 37, "descending", gamma0(rng, 0.08, 0.02)),
        write_rtc_scene(folder, "2023-06-21T05:50:31Z", 37, "descending", gamma0(rng, 0.08, 0.02)),
    ]  # fmt: skip
    return items, write_items(tmp_path / "items.json", items)


def read(path):
    with rasterio.open(path) as src:
        values = src.read().astype(np.float64)
        values[values == src.nodata] = np.nan
        return values, list(src.descriptions), src.crs, src.tags()


def written(item, polarization):
    with rasterio.open(item["assets"][polarization.lower()]["href"]) as src:
        values = src.read(1).astype(np.float64)
        values[values == src.nodata] = np.nan
        return values


def test_one_stack_per_track_one_band_per_date_and_polarisation(tmp_path, two_tracks):
    items, path = two_tracks
    result = sar_stacks(SarStackSettings(path, tmp_path / "out", resolution=RES))
    assert [p.name for p in result.paths] == ["ASCENDING_088.tif", "DESCENDING_037.tif"]
    values, descriptions, crs, tags = read(result.paths[0])
    assert descriptions == [
        "2023-06-04_VV", "2023-06-04_VH", "2023-06-16_VV", "2023-06-16_VH", "2023-06-28_VV", "2023-06-28_VH",
    ]  # fmt: skip
    assert crs.to_string() == UTM and tags["TIMESTACK_SAR_TRACK"] == "ASCENDING_088"
    # gamma0 in linear power as published, masks applied
    np.testing.assert_allclose(values[0], written(items[0], "VV"), rtol=1e-6)
    np.testing.assert_allclose(values[1], written(items[0], "VH"), rtol=1e-6)
    assert np.isnan(values[0, :4, :4]).all() and np.isfinite(values[0, 4:, 4:]).all()
    # the two frames of 2023-06-16 fill one date: west from the first, east from the second
    merged = np.hstack([written(items[1], "VV"), written(items[2], "VV")])
    np.testing.assert_allclose(values[2], merged, rtol=1e-6)
    # layover/shadow pixels of 2023-06-28 are masked, the rest kept
    assert np.isnan(values[4, :, -3:]).all() and np.isfinite(values[4, :, :-3]).all()
    descending, descriptions, _, _ = read(result.paths[1])
    assert descriptions == ["2023-06-09_VV", "2023-06-09_VH", "2023-06-21_VV", "2023-06-21_VH"]
    np.testing.assert_allclose(descending[2], written(items[5], "VV"), rtol=1e-6)
    assert result.log.is_file()


def test_db_and_ratio_bands(tmp_path, two_tracks):
    items, path = two_tracks
    linear = sar_stacks(SarStackSettings(path, tmp_path / "linear", resolution=RES, ratio=True))
    decibels = sar_stacks(SarStackSettings(path, tmp_path / "db", resolution=RES, ratio=True, db=True))
    power, descriptions, _, _ = read(linear.paths[1])
    in_db, _, _, tags = read(decibels.paths[1])
    assert descriptions[:3] == ["2023-06-09_VV", "2023-06-09_VH", "2023-06-09_VVVH"]
    np.testing.assert_allclose(power[2], power[0] / power[1], rtol=1e-5)
    np.testing.assert_allclose(in_db, 10 * np.log10(power), rtol=1e-5, atol=1e-4)
    assert tags["TIMESTACK_SAR_UNITS"] == "dB"


def test_speckle_filter_on_a_stack_keeps_its_mean_and_smooths_it(tmp_path, two_tracks):
    _, path = two_tracks
    plain = sar_stacks(SarStackSettings(path, tmp_path / "plain", resolution=RES))
    filtered = sar_stacks(
        SarStackSettings(path, tmp_path / "qy", resolution=RES, speckle_filter="quegan-yu", speckle_window=5)
    )
    before, _, _, _ = read(plain.paths[1])
    after, _, _, tags = read(filtered.paths[1])
    assert np.isfinite(after).all()
    assert np.nanmean(after) == pytest.approx(np.nanmean(before), rel=0.03)
    assert np.nanvar(after[0]) < np.nanvar(before[0]) / 1.5
    assert tags["TIMESTACK_SAR_SPECKLE_FILTER"] == "quegan-yu"


def test_coarser_resolution_in_the_predominant_utm_zone(tmp_path, two_tracks):
    _, path = two_tracks
    result = sar_stacks(SarStackSettings(path, tmp_path / "out", resolution=20.0))
    with rasterio.open(result.paths[0]) as src:
        assert src.res == (20.0, 20.0) and src.crs.to_string() == UTM


@pytest.mark.parametrize(
    "overrides, parameter",
    [
        ({"polarizations": ("HH",)}, "POLARIZATIONS"),
        ({"polarizations": ()}, "POLARIZATIONS"),
        ({"polarizations": ("VV",), "ratio": True}, "RATIO"),
        ({"speckle_filter": "lee"}, "SPECKLE_FILTER"),
        ({"speckle_filter": "quegan-yu", "speckle_window": 4}, "SPECKLE_WINDOW"),
        ({"speckle_filter": "quegan-yu", "speckle_window": -3}, "SPECKLE_WINDOW"),
        ({"resolution": 0}, "RESOLUTION"),
    ],
)
def test_bad_settings_name_their_parameter_and_write_nothing(tmp_path, two_tracks, overrides, parameter):
    _, path = two_tracks
    with pytest.raises(TimestackError) as error:
        sar_stacks(SarStackSettings(path, tmp_path / "out", **{"resolution": RES, **overrides}))
    assert error.value.parameter == parameter
    assert not (tmp_path / "out").exists()


def test_one_date_of_a_track_cannot_be_speckle_filtered(tmp_path, two_tracks):
    items, _ = two_tracks
    path = write_items(tmp_path / "one.json", [items[0], items[4], items[5]])
    with pytest.raises(TimestackError, match="ASCENDING_088") as error:
        sar_stacks(SarStackSettings(path, tmp_path / "out", resolution=RES, speckle_filter="quegan-yu"))
    assert error.value.parameter == "SPECKLE_FILTER" and not (tmp_path / "out").exists()


def test_items_without_sentinel1_scenes_name_items(tmp_path):
    optical = {"type": "Feature", "stac_version": "1.0.0", "id": "LC08", "geometry": None, "links": [],
               "assets": {}, "properties": {"datetime": "2023-06-01T10:00:00Z"}}  # fmt: skip
    with pytest.raises(TimestackError, match="no Sentinel-1 item") as error:
        sar_stacks(SarStackSettings(write_items(tmp_path / "i.json", [optical]), tmp_path / "out"))
    assert error.value.parameter == "ITEMS"


def test_items_lacking_a_polarisation_are_skipped_and_logged(tmp_path, two_tracks):
    items, _ = two_tracks
    rng = np.random.default_rng(9)
    only_vv = write_rtc_scene(tmp_path / "scenes", "2023-07-10T17:24:12Z", 88, "ascending",
                              {"VV": speckled(rng, 0.1, (SIZE, SIZE))})  # fmt: skip
    path = write_items(tmp_path / "mixed.json", [*items, only_vv])
    result = sar_stacks(SarStackSettings(path, tmp_path / "out", resolution=RES))
    assert [s.dates[-1].isoformat() for s in result.stacks] == ["2023-06-28", "2023-06-21"]
    assert any(entry["id"] == only_vv["id"] and "VH" in entry["reason"] for entry in result.skipped)
    vv_only = sar_stacks(SarStackSettings(path, tmp_path / "vv", resolution=RES, polarizations=("VV",)))
    assert vv_only.stacks[0].dates[-1].isoformat() == "2023-07-10"


def test_cancel_leaves_no_output(tmp_path, two_tracks):
    _, path = two_tracks
    calls = threading.Event()

    def cancelled():
        if calls.is_set():
            return True
        calls.set()
        return False

    with pytest.raises(Cancelled):
        sar_stacks(
            SarStackSettings(path, tmp_path / "out", resolution=RES, chunk_size=16), is_cancelled=cancelled
        )
    assert not (tmp_path / "out").exists()


def test_small_windows_give_the_stack_one_window_gives_speckle_filter_included(tmp_path, two_tracks):
    """The speckle filter reads a halo around each window, so chunking does not show at window edges."""
    _, path = two_tracks
    options = dict(resolution=RES, speckle_filter="quegan-yu", speckle_window=7, ratio=True, db=True)
    whole = sar_stacks(SarStackSettings(path, tmp_path / "whole", chunk_size=256, **options))
    chunked = sar_stacks(SarStackSettings(path, tmp_path / "chunked", chunk_size=16, **options))
    for one, other in zip(whole.paths, chunked.paths):
        np.testing.assert_allclose(read(one)[0], read(other)[0], rtol=1e-5, equal_nan=True)


def test_a_coarser_grid_averages_linear_power(tmp_path, two_tracks):
    items, path = two_tracks
    coarse = sar_stacks(SarStackSettings(path, tmp_path / "coarse", resolution=2 * RES))
    values, _, _, _ = read(coarse.paths[1])
    fine = written(items[4], "VV")
    blocks = fine.reshape(SIZE // 2, 2, SIZE // 2, 2).mean(axis=(1, 3))
    np.testing.assert_allclose(values[0], blocks, rtol=1e-5)


def test_grd_scenes_are_stacked_with_a_warning_that_they_are_not_calibrated(tmp_path, two_tracks):
    items, _ = two_tracks
    grd = [{**item, "collection": "sentinel-1-grd"} for item in items]
    result = sar_stacks(
        SarStackSettings(write_items(tmp_path / "grd.json", grd), tmp_path / "out", resolution=RES)
    )
    assert any("sentinel-1-grd" in warning and "not calibrated" in warning for warning in result.warnings)
    rtc = sar_stacks(
        SarStackSettings(write_items(tmp_path / "rtc.json", items), tmp_path / "rtc", resolution=RES)
    )
    assert rtc.warnings == []


def test_a_track_with_no_value_on_any_date_is_reported(tmp_path, two_tracks):
    """The descending track's VH is all zero (a product whose cross-polarisation failed): a pixel needs
    every polarisation of one frame, so its whole stack is nodata. It was written without a word."""
    items, _ = two_tracks
    rng = np.random.default_rng(5)
    blank = [
        write_rtc_scene(tmp_path / "blank", when, 37, "descending",
                        {"VV": speckled(rng, 0.08, (SIZE, SIZE)), "VH": np.zeros((SIZE, SIZE))})
        for when in ("2023-06-09T05:50:30Z", "2023-06-21T05:50:31Z")
    ]  # fmt: skip
    ascending = [item for item in items if item["properties"]["sat:orbit_state"] == "ascending"]
    path = write_items(tmp_path / "blank.json", [*ascending, *blank])
    result = sar_stacks(SarStackSettings(path, tmp_path / "out", resolution=RES))
    said = [warning for warning in result.warnings if "no pixel has a value" in warning]
    assert len(said) == 1 and said[0].startswith("DESCENDING_037: no pixel has a value on any date")
    assert "its 2 scene(s)" in said[0] and "(VV, VH)" in said[0]
    assert said[0] in (tmp_path / "out" / "sarstack_log.json").read_text()


def test_a_failed_run_leaves_what_stood_at_an_outputs_name(tmp_path, two_tracks):
    """A folder named like a track's stack stopped the run (right), and the cleanup then deleted that
    folder with the user's files in it, and left the stack's hidden temporary behind."""
    _, path = two_tracks
    blocker = tmp_path / "out" / "DESCENDING_037.tif"
    blocker.mkdir(parents=True)
    (blocker / "notes.txt").write_text("mine")
    with pytest.raises(IsADirectoryError):
        sar_stacks(SarStackSettings(path, tmp_path / "out", resolution=RES))
    assert (blocker / "notes.txt").read_text() == "mine"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["DESCENDING_037.tif"]

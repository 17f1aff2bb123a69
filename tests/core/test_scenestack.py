"""Per-date stacks of masked scenes (``timestack:scenestack``'s core) on small synthetic Landsat scenes
and on the sample archive: one band per date and variable, same-day scenes merged, masks applied,
values as the composite machinery reads them, and the grid in the scenes' predominant UTM zone."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import numpy as np
import pytest
import rasterio
from affine import Affine
from rasterio.warp import transform as warp_transform

from tests.helpers.scenes import CLEAR, CLOUD, RES, SIZE, UTM, X0, Y0, write_items, write_scene
from timestack.core.composite.annual import annual_composites
from timestack.core.composite.scenes import SceneStackSettings, scene_stack
from timestack.core.composite.settings import CompositeSettings
from timestack.core.io.bands import parse_band
from timestack.core.io.stack import NODATA
from timestack.core.runtime import Cancelled, TimestackError


def stack(tmp_path, items, **overrides):
    tmp_path.mkdir(parents=True, exist_ok=True)
    settings = dict(items=write_items(tmp_path / "items.json", items), output=tmp_path / "out" / "stack.tif")
    settings.update(overrides)
    return scene_stack(SceneStackSettings(**settings))


def read(path):
    with rasterio.open(path) as src:
        return src.read(masked=False), list(src.descriptions), src.crs, src.nodata


@pytest.fixture
def day_scenes(tmp_path):
    """2020-06-10 as two scenes (A cloudy on the left, B cloudy on the top rows, B a bit brighter),
    2020-07-12 clear."""
    left = np.zeros((SIZE, SIZE), bool)
    left[:, :20] = True
    top = np.zeros((SIZE, SIZE), bool)
    top[:10, :] = True
    brighter = {key: value * 1.1 for key, value in CLEAR.items()}
    folder = tmp_path / "scenes"
    return [
        write_scene(folder, "LC08_B_20200610", "2020-06-10", reflectance=brighter, cloud=top),
        write_scene(folder, "LC08_C_20200712", "2020-07-12"),
        write_scene(folder, "LC08_A_20200610", "2020-06-10", cloud=left),
    ]


def test_one_band_per_date_and_variable_described_yyyy_mm_dd_name(tmp_path, day_scenes):
    result = stack(tmp_path, day_scenes, bands=("red", "nir"), indices=("NDVI",))
    values, descriptions, crs, nodata = read(result.stack)
    assert descriptions == [
        "2020-06-10_red", "2020-06-10_nir", "2020-06-10_NDVI",
        "2020-07-12_red", "2020-07-12_nir", "2020-07-12_NDVI",
    ]  # fmt: skip
    assert [str(parse_band(d).date) for d in descriptions[::3]] == ["2020-06-10", "2020-07-12"]
    assert result.dates == sorted(result.dates) and result.scenes_used == 3
    assert crs.to_string() == UTM and nodata == NODATA and values.dtype == np.float32
    np.testing.assert_allclose(
        values[5], (CLEAR["nir08"] - CLEAR["red"]) / (CLEAR["nir08"] + CLEAR["red"]), atol=1e-4
    )
    log = json.loads(result.log.read_text())
    assert log["scenes_per_date"] == {"2020-06-10": 2, "2020-07-12": 1}
    assert log["same_day_merge"] == "first valid observation in acquisition-time order"


def test_same_day_scenes_merge_first_valid_observation_and_cloud_in_both_is_nodata(tmp_path, day_scenes):
    # A (18:30) and B (18:30 too, but listed first) share the time: B's time is made later
    day_scenes[0]["properties"]["datetime"] = "2020-06-10T18:31:00Z"
    result = stack(tmp_path, day_scenes, bands=("red",))
    values, _, _, _ = read(result.stack)
    june = values[0]
    # A (first in time) wherever it is clear; B fills A's cloudy left half below B's own cloud
    np.testing.assert_allclose(june[:, 20:], CLEAR["red"], atol=1e-4)
    np.testing.assert_allclose(june[10:, :20], CLEAR["red"] * 1.1, atol=1e-4)
    # cloudy in both scenes of the day: nodata, never a cloud value
    assert (june[:10, :20] == NODATA).all()
    assert not np.isclose(values, CLOUD["red"], atol=1e-3).any()


def test_values_equal_the_composite_machinery_reading_of_the_same_scene(tmp_path):
    cloud = np.zeros((SIZE, SIZE), bool)
    cloud[5:15, 5:15] = True
    gradient = {key: np.linspace(0.8, 1.2, SIZE)[None, :] * value for key, value in CLEAR.items()}
    items = [write_scene(tmp_path / "scenes", "LC08_G_20200610", "2020-06-10", gradient, cloud=cloud)]
    bands, indices = ("blue", "swir2"), ("NBR", "EVI")
    result = stack(tmp_path, items, bands=bands, indices=indices)
    composite = annual_composites(
        CompositeSettings(
            items=tmp_path / "items.json", output=tmp_path / "c" / "c.tif", start_year=2020, end_year=2020,
            method="mean", bands=bands, indices=indices, output_dtype="float32",
        )
    )  # fmt: skip
    per_date, _, _, _ = read(result.stack)
    annual, _, _, _ = read(composite.stack)
    np.testing.assert_array_equal(per_date, annual)
    assert (per_date[:, 5:15, 5:15] == NODATA).all()


def test_int16_output_is_scaled_as_composites_are(tmp_path, day_scenes):
    result = stack(tmp_path, day_scenes[1:2], bands=("red",), output_dtype="int16")
    values, _, _, _ = read(result.stack)
    assert values.dtype == np.int16 and (values == round(CLEAR["red"] * 10000)).all()


def scene_in_zone_11(folder, scene_id, when):
    """A scene on the same ground as the UTM 10N scenes, in its UTM 11N coordinates."""
    (x,), (y,) = warp_transform(UTM, "EPSG:32611", [X0], [Y0])
    origin = Affine(RES, 0, round(x / RES) * RES, 0, -RES, round(y / RES) * RES)
    return write_scene(folder, scene_id, when, crs="EPSG:32611", transform=origin)


def test_grid_is_in_the_utm_zone_most_scenes_lie_in(tmp_path):
    folder = tmp_path / "scenes"
    ten = [write_scene(folder, f"LC08_T{i}_2020061{i}", f"2020-06-1{i}") for i in range(2)]
    eleven = [scene_in_zone_11(folder, f"LC08_E{i}_2020071{i}", f"2020-07-1{i}") for i in range(3)]
    result = stack(tmp_path / "a", ten + eleven, bands=("red",), allowed_roots=[folder])
    assert result.crs == "EPSG:32611"
    assert read(result.stack)[2].to_epsg() == 32611
    result = stack(tmp_path / "b", ten + eleven[:1], bands=("red",), allowed_roots=[folder])
    assert result.crs == "EPSG:32610"
    result = stack(tmp_path / "c", ten + eleven, bands=("red",), crs="EPSG:32610", allowed_roots=[folder])
    assert read(result.stack)[2].to_epsg() == 32610
    values, descriptions, _, _ = read(result.stack)
    assert len(descriptions) == 5  # five dates, every one on the common grid
    assert (values != NODATA).any(axis=(1, 2)).all()


def test_area_off_the_scenes_and_bad_resolution_are_named(tmp_path, day_scenes):
    with pytest.raises(TimestackError) as error:
        stack(tmp_path, day_scenes, bounds=(0, 0, 100, 100), bounds_crs=UTM)
    assert error.value.parameter == "EXTENT" and "does not overlap any scene" in str(error.value)
    with pytest.raises(TimestackError) as error:
        stack(tmp_path, day_scenes, resolution=0)
    assert error.value.parameter == "RESOLUTION"
    assert not (tmp_path / "out").exists()


def test_cancel_leaves_no_output(tmp_path, day_scenes):
    calls = {"n": 0}

    def is_cancelled():
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(Cancelled):
        scene_stack(
            SceneStackSettings(
                items=write_items(tmp_path / "items.json", day_scenes),
                output=tmp_path / "out" / "stack.tif",
                chunk_size=16,
            ),
            is_cancelled=is_cancelled,
        )
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_cancel_flag_stops_a_date_unit(tmp_path, day_scenes):
    from rasterio.windows import Window

    from timestack.core.composite.catalog import prepare_scenes
    from timestack.core.composite.observations import UnitSpec
    from timestack.core.composite.scenes import date_unit
    from timestack.core.io.grid import target_grid
    from timestack.core.quality.masks import MaskOptions

    settings = CompositeSettings(
        items=write_items(tmp_path / "items.json", day_scenes), output=tmp_path / "x.tif",
        start_year=2020, end_year=2020,
    )  # fmt: skip
    scenes = prepare_scenes(settings, ("red",), [])
    grid = target_grid((X0, Y0 - SIZE * RES, X0 + SIZE * RES, Y0), UTM, RES)
    spec = UnitSpec(grid, ("red",), ("red",), "scenes", MaskOptions(), False, 50.0, "float32", 0, False)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        date_unit(scenes, spec, Window(0, 0, SIZE, SIZE), cancel)


def test_sample_archive_dates_keep_no_cloud_shadow_or_fill_pixel(tmp_path, sample_small):
    """Every masked truth class (cloud, flagged shadow, snow, fill, cirrus) is nodata in its date's bands;
    most clear pixels keep a value."""
    result = scene_stack(
        SceneStackSettings(
            items=sample_small.item_collection, output=tmp_path / "s.tif", bands=("red", "nir")
        )
    )
    log = json.loads(result.log.read_text())
    values, descriptions, _, _ = read(result.stack)
    assert len(descriptions) == 2 * len(result.dates) == 2 * len(log["dates"])
    clear = kept = 0
    for scene in log["scenes"]:
        number = result.dates.index(np.datetime64(scene["date"]).astype(object))
        with rasterio.open(Path(sample_small.masks_dir) / f"{scene['id']}.tif") as truth:
            classes = truth.read(1)
        red = values[2 * number]
        assert classes.shape == red.shape
        for masked in (1, 2, 4, 5, 6):
            assert (red[classes == masked] == NODATA).all(), (scene["id"], masked)
        clear += int((classes == 0).sum())
        kept += int(((classes == 0) & (red != NODATA)).sum())
    assert kept > 0.8 * clear


def test_a_failed_run_leaves_what_stood_at_an_outputs_name(tmp_path, day_scenes):
    """A folder named like the run log stopped the run, and the cleanup then deleted that folder with
    the user's files in it."""
    blocker = tmp_path / "out" / "stack_log.json"
    blocker.mkdir(parents=True)
    (blocker / "notes.txt").write_text("mine")
    with pytest.raises(IsADirectoryError):
        stack(tmp_path, day_scenes)
    assert (blocker / "notes.txt").read_text() == "mine"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["stack_log.json"]

"""Composite runs that used to succeed silently with a wrong result, or fail with a misleading message.

Each case is an input a careless user gives (issue 15): the run must either refuse it, naming the
parameter and the cause, or succeed and say what is missing from the result.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.scenes import RES, SIZE, X0, Y0, run, write_scene
from timestack.core.composite.annual import annual_composites
from timestack.core.composite.settings import CompositeSettings
from timestack.core.runtime import TimestackError


@pytest.fixture
def three_scenes(tmp_path):
    """Three clear 2020 scenes (June, July, August), all files present."""
    return [
        write_scene(tmp_path / "scenes", scene_id, when)
        for scene_id, when in (
            ("LC08_A_20200610", "2020-06-10"),
            ("LC08_B_20200712", "2020-07-12"),
            ("LC08_C_20200813", "2020-08-13"),
        )
    ]


def refused(tmp_path, items, **overrides) -> TimestackError:
    with pytest.raises(TimestackError) as caught:
        run(tmp_path, items, **overrides)
    return caught.value


def test_an_unknown_target_crs_is_refused_by_name(tmp_path, three_scenes):
    error = refused(tmp_path, three_scenes, crs="EPSG:99999")
    assert error.parameter == "TARGET_CRS" and "EPSG:99999" in str(error)


def test_metres_given_for_a_geographic_crs_are_refused_with_degrees_suggested(tmp_path, three_scenes):
    error = refused(tmp_path, three_scenes, crs="EPSG:4326", resolution=30.0)
    assert error.parameter == "RESOLUTION" and "0.00025" in str(error)
    assert not (tmp_path / "out" / "stack.tif").exists()


def test_degrees_for_a_geographic_crs_are_accepted(tmp_path, three_scenes):
    result = run(tmp_path, three_scenes, crs="EPSG:4326", resolution=0.0005, bands=("red",))
    assert result.stack.exists()


def test_a_time_written_without_an_offset_is_utc_and_sorts_with_the_others(tmp_path, three_scenes):
    three_scenes[1]["properties"]["datetime"] = "2020-07-12T18:47:15"  # a hand-made catalog's time
    result = run(tmp_path, three_scenes, bands=("red",))
    log = json.loads(result.log.read_text())
    assert [scene["id"] for scene in log["scenes"]] == [item["id"] for item in three_scenes]


def test_an_item_listed_twice_is_used_once_with_a_warning(tmp_path, three_scenes):
    result = run(tmp_path, [*three_scenes, three_scenes[1]], bands=("red",))
    log = json.loads(result.log.read_text())
    assert [scene["id"] for scene in log["scenes"]].count("LC08_B_20200712") == 1
    assert len(log["scenes"]) == 3
    assert any("more than once" in warning and "LC08_B_20200712" in warning for warning in result.warnings)
    assert log["warnings"] == result.warnings


def test_a_year_whose_every_scene_cannot_be_read_is_reported_and_not_listed_as_used(tmp_path, three_scenes):
    """The header opens (preflight passes) but the pixels are cut off: the read fails mid-run."""
    broken = write_scene(tmp_path / "scenes", "LC08_T_20210712", "2021-07-12")
    red = Path(broken["assets"]["red"]["href"])
    red.write_bytes(red.read_bytes()[: red.stat().st_size // 2])
    result = run(tmp_path, [*three_scenes, broken], bands=("red",), end_year=2021)
    log = json.loads(result.log.read_text())
    assert result.unreadable_years == [2021] and log["unreadable_years"] == [2021]
    assert 2021 in result.empty_years and result.scenes_used == 3
    assert "LC08_T_20210712" not in [scene["id"] for scene in log["scenes"]]
    assert "LC08_T_20210712" in [entry["id"] for entry in log["skipped"]]
    assert any(warning.startswith("2021: all 1 scene(s)") for warning in result.warnings)


def test_a_year_whose_every_file_is_missing_is_reported(tmp_path, three_scenes):
    gone = write_scene(tmp_path / "scenes", "LC08_G_20210712", "2021-07-12")
    Path(gone["assets"]["red"]["href"]).unlink()
    result = run(tmp_path, [*three_scenes, gone], bands=("red",), end_year=2021)
    assert result.unreadable_years == [2021]


def write_raw(tmp_path, text: str) -> Path:
    path = tmp_path / "raw.json"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("", "is empty"),
        ("{not json", "is not JSON"),
        ('{"type": "FeatureCollection", "features": []}', "holds no items"),
        ('{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "x"}]}', "not a STAC"),
        ('{"hello": 1}', "holds no 'features'"),
        ('{"type": "Catalog", "id": "c", "links": []}', "is a STAC Catalog, not its scenes; search it with"),
        ('{"type": "Collection", "id": "c"}', "STAC Collection, not its scenes; search it with"),
    ],
)
def test_an_unusable_items_file_gets_its_own_message(tmp_path, text, fragment):
    settings = CompositeSettings(
        items=write_raw(tmp_path, text), output=tmp_path / "stack.tif", start_year=2020, end_year=2020
    )
    with pytest.raises(TimestackError, match=fragment) as caught:
        annual_composites(settings)
    assert caught.value.parameter == "ITEMS"


def test_missing_files_are_named_as_missing(tmp_path, three_scenes):
    for item in three_scenes:
        Path(item["assets"]["qa_pixel"]["href"]).unlink()
    error = refused(tmp_path, three_scenes)
    assert error.parameter == "ITEMS" and "are missing" in str(error) and "QA_PIXEL" in str(error)


def test_unreachable_urls_are_named_as_unreachable(tmp_path, three_scenes):
    for item in three_scenes:
        for asset in item["assets"].values():
            asset["href"] = "http://127.0.0.1:9/" + Path(asset["href"]).name
    error = refused(tmp_path, three_scenes)
    assert error.parameter == "ITEMS" and "could be reached" in str(error)


def test_years_without_scenes_name_the_years_the_items_span(tmp_path, three_scenes):
    error = refused(tmp_path, three_scenes, start_year=1990, end_year=1995)
    assert error.parameter == "START_YEAR" and "span 2020-2020" in str(error)


def test_a_season_without_scenes_names_the_days_the_scenes_have(tmp_path, three_scenes):
    error = refused(tmp_path, three_scenes, doy_start=1, doy_end=30)
    assert error.parameter == "DOY_START" and "162-226" in str(error)


def test_items_without_the_needed_assets_say_which_asset(tmp_path, three_scenes):
    for item in three_scenes:
        del item["assets"]["qa_pixel"]
    error = refused(tmp_path, three_scenes)
    assert error.parameter == "ITEMS" and "no quality asset" in str(error)


def test_an_item_with_null_properties_is_skipped_as_one_without_a_datetime(tmp_path, three_scenes):
    three_scenes[1]["properties"] = None
    result = run(tmp_path, three_scenes, bands=("red",))
    log = json.loads(result.log.read_text())
    assert [scene["id"] for scene in log["scenes"]] == [three_scenes[0]["id"], three_scenes[2]["id"]]
    assert log["skipped"] == [{"id": three_scenes[1]["id"], "reason": "no datetime"}]


def test_a_run_beyond_the_size_limit_fails_at_once_with_the_estimate(tmp_path, three_scenes):
    """RESOLUTION 1e-6 m over a 1.2 km scene: 1.4e18 pixels; refused in well under a second of work."""
    import time

    started = time.monotonic()
    error = refused(tmp_path, three_scenes, resolution=1e-6)
    assert time.monotonic() - started < 30
    message = str(error)
    # 6 reflective bands and the quality band read from 3 scenes, refused with the shared limit (50 GB)
    assert "1200000000 x 1200000000 pixels x 7 bands x 3 dates" in message
    assert "more than the limit of MAX_GB=50 GB" in message and error.parameter == "MAX_GB"
    assert "coarser RESOLUTION" in message and not (tmp_path / "out" / "stack.tif").exists()


def test_the_size_limit_can_be_raised(tmp_path, three_scenes):
    # read: 40 x 40 pixels x 7 bands (6 and the quality band) x 3 scenes x 2 bytes = 67,200 bytes;
    # written: 40 x 40 pixels x 6 bands x 2 bytes = 19,200 bytes of stack, plus 2 x 2 bytes per pixel of
    # observations
    with pytest.raises(TimestackError, match="6.72e-05 GB to read, 2.56e-05 GB to write"):
        run(tmp_path, three_scenes, max_gb=6e-5)
    with pytest.raises(TimestackError, match="MAX_GB=2e-05 GB"):
        run(tmp_path, three_scenes, max_gb=2e-5)
    assert run(tmp_path, three_scenes, max_gb=1.0).stack.exists()
    assert run(tmp_path, three_scenes, max_gb=0, output=tmp_path / "unlimited.tif").stack.exists()


def test_the_estimate_counts_pixels_bands_dates_and_memory(tmp_path, three_scenes):
    import datetime as dt

    from timestack.core.composite.catalog import Scene
    from timestack.core.composite.estimate import size_estimate
    from timestack.core.io.grid import target_grid

    settings = CompositeSettings(
        items=[], output=tmp_path / "s.tif", start_year=2019, end_year=2020, chunk_size=16, workers=1
    )
    when = dt.datetime(2020, 7, 1)
    # two scenes cover the left half of the grid, one a 10 x 10 pixel corner
    boxes = [(0, 0, 1500, 1500), (-600, -600, 1500, 1500), (2700, 1200, 3900, 2100)]
    scenes = [
        Scene(f"s{n}", when, 2020, "landsat-8", "landsat", {}, "qa.tif", bounds=box)
        for n, box in enumerate(boxes)
    ]
    grid = target_grid((0, 0, 3000, 1500), "EPSG:32610", 30)
    estimate = size_estimate(settings, grid, scenes, ("red", "nir"), ("red", "NDVI"))
    # pixels x bands read (red, nir and quality) x dates (scenes)
    assert (estimate.width, estimate.height, estimate.bands, estimate.dates) == (100, 50, 3, 3)
    assert estimate.read_bytes == (50 * 50 + 50 * 50 + 10 * 10) * 3 * 2
    assert estimate.output_bytes == 100 * 50 * (2 * 2 * 2 + 2 * 2 * 2)
    assert estimate.memory_bytes == 2 * 16 * 16 * 4 * (3 * 2 + 2 * 2)
    with pytest.raises(
        TimestackError,
        match=r"more memory than this computer has available \(1e-09 GB\)\. "
        r"Choose a smaller CHUNK_SIZE",
    ) as raised:
        estimate.check(None, memory=1)
    assert raised.value.parameter == "MAX_GB"
    estimate.check(None, memory=estimate.memory_bytes)


def test_outputs_that_could_only_fail_at_the_end_are_refused_before_any_scene_is_read(tmp_path, three_scenes):
    notes = tmp_path / "notes.txt"
    notes.write_text("notes\n")
    error = refused(tmp_path, three_scenes, output=notes / "stack.tif")
    assert error.parameter == "OUTPUT" and f"{notes} is a file, not a folder" in str(error)
    error = refused(tmp_path, three_scenes, output_folder=notes)
    assert error.parameter == "OUTPUT_FOLDER" and "is a file, not a folder" in str(error)
    error = refused(tmp_path, three_scenes, output_folder=tmp_path / "out" / "stack.tif")
    assert error.parameter == "OUTPUT_FOLDER" and "is the file OUTPUT writes" in str(error)
    assert not (tmp_path / "out").exists()


def test_a_refused_run_leaves_no_folder_it_made_for_the_output(tmp_path, three_scenes):
    error = refused(
        tmp_path,
        three_scenes,
        output=tmp_path / "new" / "deeper" / "stack.tif",
        start_year=1990,
        end_year=1995,
    )
    assert error.parameter == "START_YEAR" and not (tmp_path / "new").exists()


def test_an_area_over_the_whole_world_in_longitude_latitude_is_cut_to_the_scenes(tmp_path, three_scenes):
    """The world's box has no box in a UTM zone (its transform collapses west of the scenes): the
    composite covers the scenes, as over any area holding them."""
    import rasterio

    result = run(tmp_path, three_scenes, bounds=(-180, -90, 180, 90), bounds_crs="EPSG:4326", bands=("red",))
    with rasterio.open(result.stack) as stack:
        left, bottom, right, top = stack.bounds
    scenes = (X0, Y0 - SIZE * RES, X0 + SIZE * RES, Y0)
    assert left <= scenes[0] and bottom <= scenes[1] and right >= scenes[2] and top >= scenes[3]
    assert right - left <= (SIZE + 2) * RES and top - bottom <= (SIZE + 2) * RES


def test_an_area_off_the_scenes_is_named_by_the_parameter_it_came_from(tmp_path, three_scenes):
    error = refused(
        tmp_path, three_scenes, bounds=(0, 0, 100, 100), bounds_crs="EPSG:32610", area_parameter="AOI"
    )
    assert error.parameter == "AOI" and str(error).startswith("AOI (0, 0, 120, 120) (EPSG:32610)")
    assert "the scenes cover (500010, 4998780, 501210, 4999980)" in str(error)


def test_tdom_statistics_of_the_wrong_kind_are_refused_before_work(tmp_path, three_scenes):
    error = refused(tmp_path, three_scenes, tdom=True, tdom_statistics=tmp_path / "missing.tif")
    assert error.parameter == "TDOM_STATISTICS" and "is not a file" in str(error)
    band = Path(three_scenes[0]["assets"]["red"]["href"])
    error = refused(tmp_path, three_scenes, tdom=True, tdom_statistics=band)
    assert error.parameter == "TDOM_STATISTICS" and "has 1 band(s), not the 4" in str(error)


def _antimeridian_scenes(folder) -> dict:
    """Scenes by the antimeridian off Fiji (16° S): one in UTM 60S straddling 180°, and a pair in
    longitude/latitude, one either side of it."""
    from affine import Affine

    degree = 0.0003
    return {
        "utm": [
            write_scene(folder, "LC08_Z", "2020-07-05", crs="EPSG:32760",
                        transform=Affine(30, 0, 820500, 0, -30, 8229600)),
        ],
        "lonlat": [
            write_scene(folder, "LC08_W", "2020-07-05", crs="EPSG:4326",
                        transform=Affine(degree, 0, 180 - SIZE * degree, 0, -degree, -16.0)),
            write_scene(folder, "LC08_E", "2020-07-13", crs="EPSG:4326",
                        transform=Affine(degree, 0, -180.0, 0, -degree, -16.0)),
        ],
    }  # fmt: skip


@pytest.mark.parametrize("scenes, crs", [("utm", "EPSG:4326"), ("lonlat", None)])
def test_scenes_across_the_antimeridian_on_a_longitude_latitude_grid_are_refused_naming_target_crs(
    tmp_path, scenes, crs
):
    """A grid in longitude/latitude cannot cross 180°: scenes either side of it made a grid round the
    whole world (a strip of 1.2 million columns for two small scenes), and a UTM scene across it an
    "EXTENT is empty" error naming a parameter the user never set."""
    items = _antimeridian_scenes(tmp_path / "scenes")[scenes]
    error = refused(tmp_path, items, crs=crs, resolution=0.0003, bands=("red",))
    assert error.parameter == "TARGET_CRS" and "antimeridian" in str(error)
    assert not (tmp_path / "out").exists()


def test_scenes_across_the_antimeridian_composite_in_a_projected_crs(tmp_path):
    import rasterio

    items = [item for group in _antimeridian_scenes(tmp_path / "scenes").values() for item in group]
    result = run(tmp_path, items, crs="EPSG:32760", bands=("red",))
    with rasterio.open(result.stack) as stack:
        assert stack.width < 200 and stack.read(1, masked=True).count() > 3 * SIZE * SIZE // 2


def test_a_year_whose_every_observation_is_masked_is_reported(tmp_path, three_scenes):
    """Two scenes of 2021, cloudy from edge to edge: the year's composite is nodata throughout. It was
    written without a word, the run ending well with SCENES_USED counting them."""
    import numpy as np

    cloudy = np.ones((SIZE, SIZE), bool)
    overcast = [
        write_scene(tmp_path / "scenes", f"LC08_O_202107{day}", f"2021-07-{day}", cloud=cloudy)
        for day in ("05", "21")
    ]
    result = run(tmp_path, [*three_scenes, *overcast], bands=("red",), end_year=2021)
    log = json.loads(result.log.read_text())
    said = [warning for warning in result.warnings if "no pixel has a value" in warning]
    assert len(said) == 1 and said[0].startswith("2021: no pixel has a value: every observation of its 2")
    assert said[0] in log["warnings"] and result.scenes_used == 5


def test_a_failed_run_leaves_what_stood_at_an_outputs_name(tmp_path, three_scenes):
    """A folder named like a per-year file of OUTPUT_FOLDER stopped the run, and the cleanup then deleted
    that folder with the user's files in it."""
    blocker = tmp_path / "years" / "stack_2020.tif"
    blocker.mkdir(parents=True)
    (blocker / "notes.txt").write_text("mine")
    with pytest.raises(IsADirectoryError):
        run(tmp_path, three_scenes, bands=("red",), output_folder=tmp_path / "years")
    assert (blocker / "notes.txt").read_text() == "mine"
    assert [p.name for p in (tmp_path / "years").iterdir()] == ["stack_2020.tif"]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())

"""Tiled, resumable runs (core.io.tiles) with LandTrendr as the tile run: the mosaics equal one
uninterrupted whole-stack run, a cancelled or damaged run resumes to the same output, and a folder
that holds anything else is refused untouched."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
import rasterio
from affine import Affine
from rasterio.transform import from_origin

from tests.helpers.rasters import write_stack
from timestack.core.io.tiles import MANIFEST, Tile, grid_window, plan_tiles, tile_name
from timestack.core.landtrendr.fit import (
    LandTrendrOutputs,
    LandTrendrParams,
    run_landtrendr_raster,
    run_landtrendr_tiles,
)
from timestack.core.runtime import Cancelled, TimestackError

YEARS = list(range(1994, 2016))
#: An odd grid (no multiple of any tile size used), in a CRS the sample archive does not use.
ROWS, COLS = 45, 71
TRANSFORM = from_origin(4_321_000.0, 3_210_000.0, 20.0, 20.0)
PARAMS = LandTrendrParams(maxSegments=4)
OUTPUTS = ("vertices", "fitted", "stats", "segments", "ftv_swir1")


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    rng = np.random.default_rng(11)
    years = np.array(YEARS)[:, None, None]
    drop = rng.integers(1998, 2012, (ROWS, COLS))
    nbr = 0.65 + rng.normal(0, 0.02, (len(YEARS), ROWS, COLS))
    nbr = np.where(years >= drop, nbr - rng.uniform(0.1, 0.6, (ROWS, COLS)) + 0.03 * (years - drop), nbr)
    swir1 = 0.1 - 0.2 * (nbr - 0.65) + rng.normal(0, 0.004, nbr.shape)
    gaps = rng.random(nbr.shape) < 0.08
    nbr[gaps] = swir1[gaps] = -9999
    nbr[:, :6, :9] = swir1[:, :6, :9] = -9999  # a corner of no data across tile borders
    data = np.concatenate([nbr, swir1]).astype("float32")
    descriptions = [f"{y}_nbr" for y in YEARS] + [f"{y}_swir1" for y in YEARS]
    folder = tmp_path_factory.mktemp("tiles")
    return write_stack(folder / "stack.tif", data, descriptions, crs="EPSG:3035", transform=TRANSFORM)


@pytest.fixture(scope="module")
def whole(stack, tmp_path_factory):
    """The outputs of one run over the whole stack: what every tiled run must equal."""
    folder = tmp_path_factory.mktemp("whole")
    paths = {key: folder / f"{key}.tif" for key in OUTPUTS}
    run_landtrendr_raster(stack, "nbr", LandTrendrOutputs.from_paths(paths), PARAMS, -1, fit_bands=["swir1"])
    return paths


def _tiled(stack, folder, tile_size=32, **kwargs):
    return run_landtrendr_tiles(
        stack, "nbr", OUTPUTS, folder, tile_size, PARAMS, -1, fit_bands=["swir1"], **kwargs
    )


def assert_same(mosaics: dict, whole: dict) -> None:
    for key in OUTPUTS:
        with rasterio.open(mosaics[key]) as tiled, rasterio.open(whole[key]) as reference:
            assert tiled.descriptions == reference.descriptions, key
            assert tiled.crs == reference.crs and tiled.transform == reference.transform, key
            assert (tiled.width, tiled.height) == (reference.width, reference.height), key
            np.testing.assert_array_equal(tiled.read(), reference.read(), err_msg=key)


def test_tiles_cover_the_grid_once_whatever_its_size():
    for width, height, size in ((71, 45, 32), (10, 10, 10), (1, 7, 3), (300, 2, 64)):
        covered = np.zeros((height, width), int)
        for tile in plan_tiles(width, height, size):
            assert 0 < tile.width <= size and 0 < tile.height <= size
            covered[tile.row_off : tile.row_off + tile.height, tile.col_off : tile.col_off + tile.width] += 1
        assert (covered == 1).all()
    with pytest.raises(TimestackError, match="TILE_SIZE"):
        plan_tiles(5, 5, 0)


def test_the_mosaics_of_a_tiled_run_equal_one_whole_run_and_point_at_the_tiles_relatively(
    stack, whole, tmp_path
):
    mosaics, skipped = _tiled(stack, tmp_path / "run")
    assert skipped == 0
    assert set(mosaics) == set(OUTPUTS) and all(p.parent == tmp_path / "run" for p in mosaics.values())
    assert_same(mosaics, whole)
    text = mosaics["fitted"].read_text()
    sources = re.findall(r'<SourceFilename relativeToVRT="1">([^<]+)<', text)
    assert sources and all(source.startswith("tiles/") for source in sources)
    manifest = json.loads((tmp_path / "run" / MANIFEST).read_text())
    assert len(manifest["tiles"]) == len(plan_tiles(COLS, ROWS, 32)) == 6
    # the folder moves as a whole
    moved = tmp_path / "moved"
    (tmp_path / "run").rename(moved)
    with rasterio.open(moved / "fitted.vrt") as src:
        np.testing.assert_array_equal(src.read(), rasterio.open(whole["fitted"]).read())


def test_a_cancelled_run_resumes_at_its_first_unfinished_tile_to_the_same_output(stack, whole, tmp_path):
    folder = tmp_path / "run"
    finished_tiles = []

    def cancel_after_two_tiles():
        if (folder / MANIFEST).exists():
            finished_tiles[:] = json.loads((folder / MANIFEST).read_text())["tiles"]
        return len(finished_tiles) >= 2

    with pytest.raises(Cancelled):
        _tiled(stack, folder, 24, is_cancelled=cancel_after_two_tiles)
    recorded = json.loads((folder / MANIFEST).read_text())["tiles"]
    assert len(recorded) == 2
    assert sorted(p.name for p in (folder / "tiles").iterdir()) == sorted(recorded)  # nothing half-done
    assert not list(folder.glob("*.vrt"))
    mosaics, skipped = _tiled(stack, folder, 24)
    assert skipped == 2
    assert_same(mosaics, whole)


def test_a_damaged_tile_is_run_again_and_the_rest_is_kept(stack, whole, tmp_path):
    folder = tmp_path / "run"
    _tiled(stack, folder)
    damaged = folder / "tiles" / "r001_c000" / "fitted.tif"
    damaged.write_bytes(damaged.read_bytes()[:1000])
    kept = (folder / "tiles" / "r000_c000" / "fitted.tif").stat().st_mtime_ns
    mosaics, skipped = _tiled(stack, folder)
    assert skipped == 5
    assert (folder / "tiles" / "r000_c000" / "fitted.tif").stat().st_mtime_ns == kept
    assert_same(mosaics, whole)


def test_a_folder_of_something_else_or_of_another_run_is_refused_untouched(stack, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "field notes.txt").write_text("plot 7: windthrow")
    with pytest.raises(TimestackError, match="TILES_FOLDER.*not empty") as raised:
        _tiled(stack, notes)
    assert raised.value.parameter == "TILES_FOLDER"
    assert [p.name for p in notes.iterdir()] == ["field notes.txt"]

    folder = tmp_path / "run"
    _tiled(stack, folder, 40)
    before = {p: p.stat().st_mtime_ns for p in folder.rglob("*")}
    with pytest.raises(TimestackError, match="TILES_FOLDER.*another run"):
        _tiled(stack, folder, 32)  # another tiling
    with pytest.raises(TimestackError, match="TILES_FOLDER.*another run"):
        run_landtrendr_tiles(
            stack, "nbr", OUTPUTS, folder, 40, LandTrendrParams(maxSegments=5), -1, fit_bands=["swir1"]
        )
    assert {p: p.stat().st_mtime_ns for p in folder.rglob("*")} == before


def test_a_run_that_fails_on_its_first_tile_leaves_no_folder(stack, tmp_path):
    with pytest.raises(TimestackError, match="ndmi"):
        run_landtrendr_tiles(stack, "ndmi", ["fitted"], tmp_path / "run", 32)
    assert not (tmp_path / "run").exists()


def test_a_tiled_timescan_equals_the_whole_one_and_keeps_the_variable_of_date_only_bands(tmp_path):
    from timestack.core.timescan.raster import run_timescan_raster, run_timescan_tiles

    rng = np.random.default_rng(4)
    data = rng.normal(-12, 3, (7, 37, 50)).astype("float32")
    dates = ["2021-01-03", "2021-01-15", "2021-02-08", "2021-03-04", "2021-03-28", "2021-05-15", "2021-06-08"]
    stack = write_stack(tmp_path / "vh.tif", data, dates, crs="EPSG:32633")  # variable: the file's name
    metrics = ["avg", "p95", "count", "harmonics"]
    whole = run_timescan_raster(stack, tmp_path / "whole.tif", metrics, sar_db=True)
    mosaic, skipped = run_timescan_tiles(stack, tmp_path / "tiles", 16, metrics, sar_db=True)
    assert skipped == 0 and mosaic == tmp_path / "tiles" / "timescan.vrt"
    with rasterio.open(mosaic) as tiled, rasterio.open(whole) as reference:
        assert tiled.descriptions == reference.descriptions and tiled.descriptions[0] == "vh_avg"
        np.testing.assert_array_equal(tiled.read(), reference.read())
    again, skipped = run_timescan_tiles(stack, tmp_path / "tiles", 16, metrics, sar_db=True)
    assert again == mosaic and skipped == len(plan_tiles(50, 37, 16))


def test_named_windows_of_a_grid_run_as_tiles_named_by_id_and_mosaic_to_the_whole_run(stack, whole, tmp_path):
    # irregular cells, overlapping by a pixel column (a cell cut through a pixel takes all of it)
    tiles = [
        Tile("west", 0, 0, 30, 45),
        Tile("north-east", 29, 0, 42, 20),
        Tile("south.east", 29, 20, 42, 25),
    ]
    mosaics, skipped = _tiled(stack, tmp_path / "run", tiles)
    assert skipped == 0
    assert sorted(p.name for p in (tmp_path / "run" / "tiles").iterdir()) == [
        "north-east",
        "south.east",
        "west",
    ]
    manifest = json.loads((tmp_path / "run" / MANIFEST).read_text())
    assert set(manifest["tiles"]) == {"west", "north-east", "south.east"}
    assert manifest["tiles"]["west"]["fitted"]["file"] == "tiles/west/fitted.tif"
    with rasterio.open(tmp_path / "run" / "tiles" / "north-east" / "fitted.tif") as tile:
        assert (tile.width, tile.height) == (42, 20)
        assert tile.transform == TRANSFORM * TRANSFORM.translation(29, 0)
    assert_same(mosaics, whole)
    # the same windows resume; other windows are another run
    assert _tiled(stack, tmp_path / "run", tiles)[1] == 3
    with pytest.raises(TimestackError, match="TILES_FOLDER.*another run"):
        _tiled(stack, tmp_path / "run", tiles[:2])


def test_named_tiles_are_refused_when_they_cannot_name_folders_or_leave_the_grid(stack, tmp_path):
    cases = (
        ([], "TILES", "no tile overlaps"),
        ([Tile("a", 0, 0, 5, 5), Tile("A", 5, 0, 5, 5)], "TILES_ID_FIELD", "'a' and 'A'"),
        ([Tile("../up", 0, 0, 5, 5)], "TILES_ID_FIELD", "cannot name a tile folder"),
        ([Tile("edge", 60, 0, 20, 5)], "TILES", r"edge \(60, 0, 20 × 5 pixels\) is not inside"),
    )
    for tiles, parameter, message in cases:
        with pytest.raises(TimestackError, match=message) as raised:
            _tiled(stack, tmp_path / "run", tiles)
        assert raised.value.parameter == parameter
        assert not (tmp_path / "run").exists()


def test_a_grid_cell_becomes_the_pixels_it_overlaps_snapped_outwards_and_clipped():
    transform = (1000.0, 30.0, 0.0, 2000.0, 0.0, -30.0)  # 10 × 8 pixels: x 1000–1300, y 1760–2000
    assert grid_window((1000, 1760, 1300, 2000), transform, 10, 8) == (0, 0, 10, 8)
    assert grid_window((1031, 1900, 1089.9, 1969), transform, 10, 8) == (1, 1, 2, 3)
    assert grid_window((1030.0000001, 1880, 1090 - 1e-9, 1940), transform, 10, 8) == (1, 2, 2, 2)
    assert grid_window((900, 1500, 1045, 1790), transform, 10, 8) == (0, 7, 2, 1)  # clipped
    assert grid_window((1300, 1800, 1400, 1900), transform, 10, 8) is None  # touches the edge only
    assert grid_window((0, 0, 10, 10), transform, 10, 8) is None
    with pytest.raises(TimestackError, match="rotated") as raised:
        grid_window((0, 0, 1, 1), (0, 1, 0.5, 0, 0.5, -1), 10, 10)
    assert raised.value.parameter == "TILES"


def test_grid_ids_become_folder_names_on_every_system():
    assert tile_name("h03/v09 ") == "h03_v09"
    assert tile_name(12) == "12" and tile_name(12.0) == "12"
    assert tile_name("..") == "_" and tile_name("../../etc") == "etc"
    assert tile_name("Forêt (nord)") == "For_t_nord"
    assert tile_name("con") == "_con" and tile_name("NUL.txt") == "_NUL.txt"
    assert tile_name("2021.v1") == "2021.v1"


def test_the_change_map_of_a_tiled_runs_segment_mosaic_is_the_whole_runs(stack, whole, tmp_path):
    """The mosaics carry what the tiles record of their run (years, disturbance direction), so
    timestack:changemap maps a tiled LandTrendr run as it maps an untiled one, MMU across tile borders
    included."""
    from timestack.core.changemap.maps import ChangeMapParams, run_changemap_raster

    mosaics, _ = _tiled(stack, tmp_path / "run", 20)
    with rasterio.open(mosaics["segments"]) as tiled, rasterio.open(whole["segments"]) as reference:
        for key in ("LANDTRENDR_YEARS", "LANDTRENDR_DISTURBANCE_DIRECTION", "LANDTRENDR_INDEX"):
            assert tiled.tags()[key] == reference.tags()[key]
    params = ChangeMapParams(min_magnitude=0.1, mmu=4)
    maps = {
        name: run_changemap_raster(segments, None, params, tmp_path / f"{name}.tif")["change"]
        for name, segments in (("tiled", mosaics["segments"]), ("whole", whole["segments"]))
    }
    with rasterio.open(maps["tiled"]) as tiled, rasterio.open(maps["whole"]) as reference:
        np.testing.assert_array_equal(tiled.read(), reference.read())
        assert np.isfinite(reference.read(1)).any()


@pytest.mark.parametrize(
    "transform",
    [Affine(20.0, 0.0, 4_321_000.0, 0.0, 20.0, 3_210_000.0), Affine.rotation(15) * TRANSFORM],
    ids=["south-up", "rotated"],
)
def test_a_grid_gdal_cannot_mosaic_is_refused_before_any_tile_runs(tmp_path, transform):
    data = np.full((len(YEARS), 9, 11), 0.6, dtype="float32")
    stack = write_stack(tmp_path / "stack.tif", data, [f"{y}_nbr" for y in YEARS], transform=transform)
    with pytest.raises(TimestackError, match="not north-up") as raised:
        run_landtrendr_tiles(stack, "nbr", ["fitted"], tmp_path / "run", 4, PARAMS)
    assert raised.value.parameter == "TILE_SIZE"
    assert not (tmp_path / "run").exists()

"""The windowed raster engine on real GeoTIFFs: placement, odd grids, errors, cancel and bounded memory."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

from timestack.core.io.engine import (
    BLOCK_SIZE,
    EngineStats,
    OutputSpec,
    SourceSpec,
    block_windows,
    run_windows,
)
from timestack.core.runtime import Cancelled

NODATA = -9999.0


def write_source(path: Path, width: int, height: int, bands: int = 3, seed: int = 0) -> np.ndarray:
    """A float32 GeoTIFF with nodata holes; returns its values as float64 with NaN for nodata."""
    rng = np.random.default_rng(seed)
    values = rng.normal(0.5, 0.2, (bands, height, width))
    values[rng.random(values.shape) < 0.05] = np.nan
    profile = dict(
        driver="GTiff", width=width, height=height, count=bands, dtype="float32", nodata=NODATA,
        crs="EPSG:32633", transform=from_origin(500000, 5000000, 30, 30),
    )  # fmt: skip
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(np.where(np.isnan(values), NODATA, values).astype(np.float32))
    return values.astype(np.float32).astype(np.float64)


def placed_kernel(window, arrays):
    """Per-pixel results plus each pixel's own grid row and column, so misplaced windows show."""
    data = arrays["stack"]
    rows, cols = np.indices(data.shape[1:])
    where = np.stack([rows + window.row_off, cols + window.col_off])
    return {"sum": np.nansum(data, axis=0), "scaled": data * 2.0, "where": where}


def outputs_in(folder: Path, bands: int = 3) -> dict[str, OutputSpec]:
    return {
        "sum": OutputSpec(folder / "sum.tif", 1, ["sum"], {"KIND": "sum"}),
        "scaled": OutputSpec(folder / "scaled.tif", bands, [f"b{k}" for k in range(bands)]),
        "where": OutputSpec(folder / "where.tif", 2, ["row", "col"], dtype="int32", nodata=None),
    }


def single_threaded_loop(values: np.ndarray, window_size: int) -> dict[str, np.ndarray]:
    """The same kernel in a plain loop over the same windows into in-memory arrays."""
    bands, height, width = values.shape
    out = {
        "sum": np.empty((1, height, width)),
        "scaled": np.empty(values.shape),
        "where": np.empty((2, height, width)),
    }
    for window in block_windows(width, height, window_size):
        rows, cols = window.toslices()
        for key, array in placed_kernel(window, {"stack": values[:, rows, cols]}).items():
            out[key][:, rows, cols] = array
    return out


def read_all(path: Path) -> np.ndarray:
    with rasterio.open(path) as src:
        return src.read()


@pytest.mark.parametrize("width, height", [(613, 301), (1, 700), (700, 1), (5, 3)])
def test_outputs_equal_a_single_threaded_loop_on_odd_grids(tmp_path, width, height):
    values = write_source(tmp_path / "stack.tif", width, height)
    stats = run_windows(
        {"stack": SourceSpec(tmp_path / "stack.tif", (1, 2, 3))}, outputs_in(tmp_path), placed_kernel,
        window_size=BLOCK_SIZE,
    )  # fmt: skip
    expected = single_threaded_loop(values, BLOCK_SIZE)
    np.testing.assert_array_equal(read_all(tmp_path / "sum.tif"), expected["sum"].astype(np.float32))
    np.testing.assert_array_equal(read_all(tmp_path / "scaled.tif"), expected["scaled"].astype(np.float32))
    np.testing.assert_array_equal(read_all(tmp_path / "where.tif"), expected["where"])
    assert stats.windows == len(block_windows(width, height, BLOCK_SIZE)) == stats.windows_written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scaled.tif", "stack.tif", "sum.tif", "where.tif"]


def test_outputs_keep_the_grid_descriptions_tags_nodata_and_use_tiled_zstd(tmp_path):
    write_source(tmp_path / "stack.tif", 300, 290)
    run_windows({"stack": SourceSpec(tmp_path / "stack.tif", (1, 2, 3))}, outputs_in(tmp_path), placed_kernel)
    with rasterio.open(tmp_path / "stack.tif") as src, rasterio.open(tmp_path / "scaled.tif") as out:
        assert (out.crs, out.transform, out.width, out.height) == (src.crs, src.transform, 300, 290)
        assert out.descriptions == ("b0", "b1", "b2") and np.isnan(out.nodata)
        assert out.compression.name.upper() == "ZSTD" and out.block_shapes[0] == (BLOCK_SIZE, BLOCK_SIZE)
    with rasterio.open(tmp_path / "sum.tif") as out:
        assert out.tags()["KIND"] == "sum"
    with rasterio.open(tmp_path / "where.tif") as out:
        assert out.dtypes[0] == "int32" and out.nodata is None


def test_windows_cover_whole_blocks_and_tile_the_grid_once():
    windows = block_windows(1000, 530, 600)
    assert {(w.width, w.height) for w in windows[:1]} == {(512, 512)}
    assert all(w.col_off % BLOCK_SIZE == 0 and w.row_off % BLOCK_SIZE == 0 for w in windows)
    covered = np.zeros((530, 1000), int)
    for window in windows:
        covered[window.toslices()] += 1
    assert np.all(covered == 1)


def test_a_kernel_that_raises_mid_run_propagates_and_leaves_no_output(tmp_path):
    write_source(tmp_path / "stack.tif", 600, 600)

    def failing(window, arrays):
        if window.row_off > 0:
            raise RuntimeError("kernel broke")
        return placed_kernel(window, arrays)

    with pytest.raises(RuntimeError, match="kernel broke"):
        run_windows({"stack": SourceSpec(tmp_path / "stack.tif", (1, 2, 3))}, outputs_in(tmp_path), failing,
                    window_size=BLOCK_SIZE)  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["stack.tif"]


def test_a_kernel_array_of_the_wrong_shape_is_named_and_leaves_no_output(tmp_path):
    write_source(tmp_path / "stack.tif", 40, 30)

    def wrong(window, arrays):
        return {**placed_kernel(window, arrays), "scaled": arrays["stack"][:2]}

    with pytest.raises(ValueError, match="'scaled' has shape"):
        run_windows({"stack": SourceSpec(tmp_path / "stack.tif", (1, 2, 3))}, outputs_in(tmp_path), wrong)
    assert [p.name for p in tmp_path.iterdir()] == ["stack.tif"]


def test_cancel_mid_run_raises_cancelled_and_leaves_no_output(tmp_path):
    write_source(tmp_path / "stack.tif", 900, 600)
    polls = iter([False, False, False, True])
    progress = []
    with pytest.raises(Cancelled):
        run_windows(
            {"stack": SourceSpec(tmp_path / "stack.tif", (1, 2, 3))}, outputs_in(tmp_path), placed_kernel,
            window_size=BLOCK_SIZE, is_cancelled=lambda: next(polls),
            progress=lambda percent, message: progress.append(percent),
        )  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["stack.tif"]
    assert len(progress) == 3 and progress[-1] == pytest.approx(100 * 3 / 12)


def test_finish_sees_the_complete_temporaries_before_they_are_renamed(tmp_path):
    values = write_source(tmp_path / "stack.tif", 300, 300)
    seen = {}

    def finish(temporaries):
        seen["named"] = sorted(temporaries)
        seen["final_exists"] = (tmp_path / "sum.tif").exists()
        with rasterio.open(temporaries["sum"], "r+") as dataset:
            dataset.write(-dataset.read(1), 1)

    run_windows({"stack": SourceSpec(tmp_path / "stack.tif", (1, 2, 3))}, outputs_in(tmp_path), placed_kernel,
                finish=finish)  # fmt: skip
    assert seen == {"named": ["scaled", "sum", "where"], "final_exists": False}
    np.testing.assert_array_equal(read_all(tmp_path / "sum.tif")[0], -np.nansum(values, 0).astype(np.float32))


def test_a_failing_finish_leaves_no_output(tmp_path):
    write_source(tmp_path / "stack.tif", 30, 30)

    def finish(_temporaries):
        raise OSError("second pass failed")

    with pytest.raises(OSError, match="second pass failed"):
        run_windows({"stack": SourceSpec(tmp_path / "stack.tif", (1, 2, 3))}, outputs_in(tmp_path),
                    placed_kernel, finish=finish)  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["stack.tif"]


def test_windows_in_flight_never_exceed_the_bound_even_when_the_kernel_stalls(tmp_path):
    """The first kernel call waits (up to 1 s) for the reader to run further ahead than the bound allows.

    Bounded queues stop the reader after ``read_ahead + 1`` windows beyond the stalled one, so the wait
    ends by its timeout and the engine's own counters never pass the bound; unbounded read-ahead would
    read every window meanwhile.
    """
    write_source(tmp_path / "stack.tif", 16 * 20, 16, bands=1)
    stats = EngineStats()
    seen = {}

    def stalling(window, arrays):
        if window.col_off == 0:
            waited = 0
            while stats.windows_read <= stats.bound and waited < 100:
                time.sleep(0.01)
                waited += 1
            seen["read_while_stalled"] = stats.windows_read
        return {"one": arrays["stack"]}

    run_windows(
        {"stack": SourceSpec(tmp_path / "stack.tif", (1,))}, {"one": OutputSpec(tmp_path / "one.tif", 1)},
        stalling, window_size=16, read_ahead=2, write_behind=2, stats=stats,
    )  # fmt: skip
    assert stats.windows == 20 and stats.bound == 7
    assert seen["read_while_stalled"] == 2 + 2  # the stalled window, the queue of two, one waiting
    assert stats.max_in_flight <= stats.bound
    assert stats.in_flight == 0 and stats.windows_written == 20


def test_stats_account_for_the_run(tmp_path):
    write_source(tmp_path / "stack.tif", 600, 300)
    stats = run_windows({"stack": SourceSpec(tmp_path / "stack.tif", (1, 2, 3))}, outputs_in(tmp_path),
                        placed_kernel, window_size=BLOCK_SIZE)  # fmt: skip
    assert stats.windows == stats.windows_read == stats.windows_written == 6
    assert 0.0 <= stats.io_wait_share <= 1.0
    assert stats.kernel_s + stats.read_wait_s + stats.write_wait_s <= stats.wall_s


def test_a_grid_without_sources_with_its_own_reader_on_threads_writes_what_one_thread_writes(tmp_path):
    """The composite's use: no source on the grid (its kernel warps scenes), inputs read per window by
    ``read`` on the reader thread, kernels on several threads, every whole result seen by ``collect``
    in window order; the files equal a one-thread run's."""
    from timestack.core.io.grid import target_grid

    values = write_source(tmp_path / "stack.tif", 613, 301)
    grid = target_grid((501000, 5001000 - 301 * 30, 501000 + 613 * 30, 5001000), "EPSG:32633", 30)

    def read(window):
        rows, cols = window.toslices()
        return {"stack": values[:, rows, cols]}

    runs = {}
    for workers in (1, 3):
        folder = tmp_path / str(workers)
        folder.mkdir()
        seen: list = []

        def collect(window, result, seen=seen):
            seen.append((window.row_off, window.col_off, sorted(result)))

        run_windows(
            {}, outputs_in(folder), placed_kernel, 256, grid=grid, read=read, workers=workers, collect=collect
        )
        runs[workers] = {key: read_all(folder / f"{key}.tif") for key in ("sum", "scaled", "where")}
        assert seen == sorted(seen) and len(seen) == len(block_windows(613, 301, 256))
        with rasterio.open(folder / "sum.tif") as src:
            assert (src.width, src.height, src.crs, src.transform) == (613, 301, grid.crs, grid.transform)
    expected = single_threaded_loop(values, 256)
    for key in ("sum", "scaled", "where"):
        np.testing.assert_array_equal(runs[3][key], runs[1][key])
        np.testing.assert_allclose(runs[1][key], expected[key].astype(runs[1][key].dtype), rtol=1e-6)


def test_pixels_a_mask_hides_are_missing_when_the_source_has_no_nodata_value(tmp_path):
    """A GeoTIFF whose missing pixels are kept in a mask (GDAL's internal mask, as gdal_translate -mask
    writes it) rather than by a nodata value: the kernel sees NaN there, not the values under the mask."""
    values = np.arange(2 * 5 * 7, dtype="int16").reshape(2, 5, 7) + 100
    mask = np.full((5, 7), 255, dtype="uint8")
    mask[1, 2] = mask[4, 6] = 0
    profile = dict(
        driver="GTiff", width=7, height=5, count=2, dtype="int16", crs="EPSG:32633",
        transform=from_origin(500000, 5000000, 30, 30),
    )  # fmt: skip
    with (
        rasterio.Env(GDAL_TIFF_INTERNAL_MASK=True),
        rasterio.open(tmp_path / "masked.tif", "w", **profile) as dst,
    ):
        dst.write(values)
        dst.write_mask(mask)
    run_windows(
        {"stack": SourceSpec(tmp_path / "masked.tif", (1, 2))},
        {"sum": OutputSpec(tmp_path / "sum.tif", 1, ["sum"])},
        lambda window, arrays: {"sum": arrays["stack"].sum(axis=0)},
        window_size=4,
    )
    expected = values.sum(axis=0).astype("float32")
    expected[mask == 0] = np.nan
    np.testing.assert_array_equal(read_all(tmp_path / "sum.tif")[0], expected)


def test_kernels_see_physical_values_of_bands_with_scale_and_offset_tags(tmp_path):
    """GDAL's scale/offset tags (here Landsat Collection 2 surface reflectance's 2.75e-05 and -0.2 on one
    band, int16 NDVI's 0.0001 on another) are applied band by band after nodata became NaN; an untagged
    band reads as stored."""
    stored = np.array([[[7273, 0], [10000, 18182]], [[5000, 0], [-3000, 10000]], [[3, 0], [4, 5]]], "int16")
    profile = dict(
        driver="GTiff", width=2, height=2, count=3, dtype="int16", nodata=0, crs="EPSG:32633",
        transform=from_origin(500000, 5000000, 30, 30),
    )  # fmt: skip
    with rasterio.open(tmp_path / "tagged.tif", "w", **profile) as dst:
        dst.write(stored)
        dst.scales, dst.offsets = (2.75e-05, 0.0001, 1.0), (-0.2, 0.0, 0.0)
    seen = {}

    def kernel(window, arrays):
        seen["stack"] = arrays["stack"]
        return {"first": arrays["stack"][0]}

    run_windows(
        {"stack": SourceSpec(tmp_path / "tagged.tif", (1, 2, 3))},
        {"first": OutputSpec(tmp_path / "first.tif", 1, ["first"])}, kernel,
    )  # fmt: skip
    values = stored.astype(np.float64)
    values[stored == 0] = np.nan
    expected = np.stack([values[0] * 2.75e-05 - 0.2, values[1] * 0.0001, values[2]])
    np.testing.assert_array_equal(seen["stack"], expected)
    assert seen["stack"][0, 0, 0] == pytest.approx(0.0, abs=1e-4)  # 7273 x 2.75e-05 - 0.2, not the DN
    with rasterio.open(tmp_path / "first.tif") as out:  # the output holds physical values: no tag on it
        assert out.scales == (1.0,) and out.offsets == (0.0,) and out.dtypes == ("float32",)
        np.testing.assert_array_equal(out.read(1), expected[0].astype(np.float32))

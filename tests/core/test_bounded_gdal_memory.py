"""Peak memory that does not grow with the area: GDAL's block cache bounded while the engine runs and
while a COG is copied, the host's setting back after; COG copies without VSI_CACHE or compression
threads (each made the composite's memory grow with its area, bench/bench_engine.py)."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
import rasterio
from osgeo import gdal
from rasterio.transform import from_origin

from timestack.core.io.engine import GDAL_CACHE_MB, OutputSpec, SourceSpec, bounded_gdal_cache, run_windows
from timestack.core.io.stack import cog_compression, write_cog

MIB = 1024 * 1024
HOST_CACHE = 700 * MIB


@pytest.fixture
def host_cache():
    """The host's block cache set large (as GDAL's default of 5 % of the RAM is), put back after."""
    before = gdal.GetCacheMax()
    gdal.SetCacheMax(HOST_CACHE)
    yield HOST_CACHE
    gdal.SetCacheMax(before)


def write_raster(path: Path, bands: int = 3, side: int = 600) -> Path:
    values = np.random.default_rng(3).integers(0, 3000, (bands, side, side)).astype(np.int16)
    profile = dict(
        driver="GTiff", width=side, height=side, count=bands, dtype="int16", nodata=-32768,
        crs="EPSG:32633", transform=from_origin(500000, 5000000, 30, 30), tiled=True,
        blockxsize=256, blockysize=256,
    )  # fmt: skip
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(values)
    return path


def run_seeing_cache(tmp_path: Path, fail: bool = False) -> list[int]:
    """Run the engine over a raster; the block cache limit each window's kernel saw."""
    source = write_raster(tmp_path / "in.tif")
    seen: list[int] = []

    def kernel(_window, arrays):
        seen.append(gdal.GetCacheMax())
        if fail:
            raise RuntimeError("kernel failed")
        return {"out": arrays["in"][0]}

    run_windows({"in": SourceSpec(source, (1,))}, {"out": OutputSpec(tmp_path / "out.tif", 1)}, kernel, 256)
    return seen


def test_a_run_bounds_the_block_cache_and_gives_the_host_its_setting_back(tmp_path, host_cache):
    seen = run_seeing_cache(tmp_path)
    assert len(seen) == 9
    assert set(seen) == {GDAL_CACHE_MB * MIB}
    assert gdal.GetCacheMax() == host_cache


def test_a_failed_run_gives_the_host_its_setting_back(tmp_path, host_cache):
    with pytest.raises(RuntimeError, match="kernel failed"):
        run_seeing_cache(tmp_path, fail=True)
    assert gdal.GetCacheMax() == host_cache


def test_a_host_cache_smaller_than_the_bound_is_kept(tmp_path):
    before = gdal.GetCacheMax()
    gdal.SetCacheMax(8 * MIB)
    try:
        assert set(run_seeing_cache(tmp_path)) == {8 * MIB}
        assert gdal.GetCacheMax() == 8 * MIB
    finally:
        gdal.SetCacheMax(before)


def test_overlapping_runs_keep_the_bound_until_the_last_leaves_then_restore_the_host(host_cache):
    first, second = bounded_gdal_cache(), bounded_gdal_cache()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # the first run ends while the second still runs
    assert gdal.GetCacheMax() == GDAL_CACHE_MB * MIB
    second.__exit__(None, None, None)
    assert gdal.GetCacheMax() == host_cache


def test_runs_on_threads_at_once_restore_the_host_setting(tmp_path, host_cache):
    errors: list[BaseException] = []

    def run(folder: Path) -> None:
        try:
            folder.mkdir()
            assert set(run_seeing_cache(folder)) == {GDAL_CACHE_MB * MIB}
        except BaseException as error:  # reported on the test's thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(tmp_path / f"run{k}",)) for k in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert gdal.GetCacheMax() == host_cache


def test_a_cog_copy_bounds_the_cache_reads_without_vsi_cache_and_restores_both(tmp_path, host_cache):
    source = write_raster(tmp_path / "in.tif", bands=7)
    seen: list[tuple[int, str]] = []

    def progress(_fraction):
        seen.append((gdal.GetCacheMax(), gdal.GetConfigOption("VSI_CACHE")))

    with rasterio.Env(VSI_CACHE=True):  # as a composite run reading remote scenes sets it
        write_cog(source, tmp_path / "out.tif", progress)
        assert gdal.GetConfigOption("VSI_CACHE") in ("TRUE", "True", "ON", "YES")
    assert seen
    assert set(seen) == {(GDAL_CACHE_MB * MIB, "FALSE")}
    assert gdal.GetCacheMax() == host_cache
    with rasterio.open(source) as src, rasterio.open(tmp_path / "out.tif") as cog:
        assert np.array_equal(src.read(), cog.read())


def test_a_cog_copy_compresses_on_one_thread(tmp_path):
    """With NUM_THREADS the COG driver's memory grew with the area (150 MiB more at 4x the pixels)."""
    options = cog_compression(write_raster(tmp_path / "in.tif"))
    assert not [option for option in options if option.upper().startswith("NUM_THREADS")]
    assert "COMPRESS=ZSTD" in options

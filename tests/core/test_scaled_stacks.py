"""Stacks whose bands carry GDAL scale/offset tags (int16 NBR or NDVI × 0.0001, Landsat Collection 2
surface reflectance × 2.75e-05 - 0.2): LandTrendr, timescan and resample work on the physical values,
exactly as on the same values stored as floats, and write float32 outputs with no tag to apply twice."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import rasterio

from tests.helpers.rasters import NODATA, write_tagged_pair
from timestack.core.landtrendr.fit import LandTrendrOutputs, LandTrendrParams, run_landtrendr_raster
from timestack.core.timescan.raster import run_timescan_raster
from timestack.core.timescan.resample import resample_stack

YEARS = list(range(2000, 2016))
NDVI_SCALE = 0.0001
#: Landsat Collection 2 Level-2 surface reflectance (REFERENCE.md).
SR_SCALE, SR_OFFSET = 2.75e-05, -0.2


def annual_nbr_and_swir(
    rows: int = 6, cols: int = 7, seed: int = 3
) -> tuple[np.ndarray, list[str], list, list]:
    """int16 NBR (×0.0001) and SWIR1 (Collection 2 style) with a disturbance, a gap and an empty pixel."""
    rng = np.random.default_rng(seed)
    n = len(YEARS)
    nbr = 0.7 + rng.normal(0, 0.02, (n, rows, cols))
    onset = rng.integers(3, n - 3, (rows, cols))
    nbr -= 0.4 * (np.arange(n)[:, None, None] >= onset[None])
    swir = 0.15 - 0.2 * (nbr - 0.7) + rng.normal(0, 0.005, nbr.shape)
    stored_nbr = np.rint(nbr / NDVI_SCALE)
    stored_swir = np.rint((swir - SR_OFFSET) / SR_SCALE)
    stored_nbr[5, 2, 3] = NODATA  # a gap
    stored_nbr[:, 0, 0] = stored_swir[:, 0, 0] = NODATA  # a pixel without data
    stored = np.concatenate([stored_nbr, stored_swir]).astype("int16")
    descriptions = [f"{year}_nbr" for year in YEARS] + [f"{year}_swir1" for year in YEARS]
    return stored, descriptions, [NDVI_SCALE] * n + [SR_SCALE] * n, [0.0] * n + [SR_OFFSET] * n


def dated_ndvi(rows: int = 5, cols: int = 6, seed: int = 4) -> tuple[np.ndarray, list[str]]:
    """int16 NDVI (×0.0001, nodata -32768) on 14 dates of 2021, some values missing."""
    rng = np.random.default_rng(seed)
    dates = [dt.date(2021, 1, 3) + dt.timedelta(days=23 * k) for k in range(14)]
    stored = np.rint(rng.uniform(-0.1, 0.9, (len(dates), rows, cols)) / NDVI_SCALE)
    stored[rng.random(stored.shape) < 0.1] = NODATA
    return stored.astype("int16"), [f"{day.isoformat()}_ndvi" for day in dates]


def assert_same_float32_outputs(tagged, physical) -> None:
    """The outputs of a tagged and a physical run hold the same values, as float32 without scale tags."""
    with rasterio.open(tagged) as got, rasterio.open(physical) as want:
        assert got.dtypes == want.dtypes and set(got.dtypes) == {"float32"}
        assert set(got.scales) == {1.0} and set(got.offsets) == {0.0}
        assert got.descriptions == want.descriptions
        np.testing.assert_array_equal(got.read(), want.read())


def test_landtrendr_fits_the_physical_values_of_a_tagged_int16_stack(tmp_path):
    stored, descriptions, scales, offsets = annual_nbr_and_swir()
    tagged, physical = write_tagged_pair(tmp_path, stored, descriptions, scales, offsets)
    written = {}
    for name, stack in (("tagged", tagged), ("physical", physical)):
        folder = tmp_path / name
        folder.mkdir()
        outputs = LandTrendrOutputs(
            folder / "vertices.tif", folder / "fitted.tif", folder / "stats.tif", folder / "segments.tif",
            {"swir1": folder / "ftv_swir1.tif"},
        )  # fmt: skip
        written[name] = run_landtrendr_raster(
            stack, "nbr", outputs, LandTrendrParams(maxSegments=4), -1, fit_bands=["swir1"], chunk_size=4
        )
    assert sorted(written["tagged"]) == ["fitted", "ftv_swir1", "segments", "stats", "vertices"]
    for key, path in written["tagged"].items():
        assert_same_float32_outputs(path, written["physical"][key])
    with rasterio.open(written["tagged"]["fitted"]) as src:
        fitted = src.read()
    assert np.nanmax(np.abs(fitted)) < 1.0  # NBR, not the stored ×10000 numbers
    with rasterio.open(written["tagged"]["ftv_swir1"]) as src:
        swir = src.read()
    assert 0.0 < np.nanmin(swir) and np.nanmax(swir) < 0.5  # reflectance: × 2.75e-05 - 0.2 applied


@pytest.mark.parametrize("metrics", [["avg", "min", "max", "std", "p5", "p95", "count"]])
def test_timescan_summarises_the_physical_values_of_a_tagged_stack(tmp_path, metrics):
    stored, descriptions = dated_ndvi()
    tagged, physical = write_tagged_pair(tmp_path, stored, descriptions, [NDVI_SCALE] * len(stored), [0.0])
    run_timescan_raster(tagged, tmp_path / "tagged_scan.tif", metrics, name="ndvi", chunk_size=4)
    run_timescan_raster(physical, tmp_path / "physical_scan.tif", metrics, name="ndvi", chunk_size=4)
    assert_same_float32_outputs(tmp_path / "tagged_scan.tif", tmp_path / "physical_scan.tif")
    with rasterio.open(tmp_path / "tagged_scan.tif") as src:
        assert -0.1 <= np.nanmin(src.read(2)) and np.nanmax(src.read(3)) <= 0.9  # min, max in NDVI


@pytest.mark.parametrize("statistic", ["mean", "median", "max", "count"])
def test_resample_summarises_the_physical_values_of_a_tagged_stack(tmp_path, statistic):
    stored, descriptions = dated_ndvi()
    tagged, physical = write_tagged_pair(tmp_path, stored, descriptions, [NDVI_SCALE], [0.0])
    got = resample_stack(tagged, tmp_path / "tagged_monthly.tif", "monthly", statistic, chunk_size=4)
    want = resample_stack(physical, tmp_path / "physical_monthly.tif", "monthly", statistic, chunk_size=4)
    assert_same_float32_outputs(got.path, want.path)
    assert got.empty == want.empty


def test_a_tiled_timescan_of_a_tagged_stack_equals_the_whole_one(tmp_path):
    """The tiles are VRT windows of the stack: they keep its tags, so every tile is in physical units."""
    from timestack.core.timescan.raster import run_timescan_tiles

    stored, descriptions = dated_ndvi()
    tagged, physical = write_tagged_pair(tmp_path, stored, descriptions, [NDVI_SCALE], [0.0])
    mosaic, _ = run_timescan_tiles(tagged, tmp_path / "tiles", 4, ["avg", "max"])
    run_timescan_raster(physical, tmp_path / "whole.tif", ["avg", "max"], name="ndvi")
    with rasterio.open(mosaic) as got, rasterio.open(tmp_path / "whole.tif") as want:
        np.testing.assert_array_equal(got.read(), want.read())

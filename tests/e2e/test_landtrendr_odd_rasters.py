"""``timestack:landtrendr`` and ``timestack:changemap`` through ``qgis_process`` on rasters the sample
archive never makes: a geographic CRS with non-square pixels, sizes that are no multiple of anything,
internal tiles that do not divide the processing chunk, a thin strip, and NaN nodata.

qgis_process loads its native libraries (GDAL, GEOS, Qt) into the global symbol scope before numba and
rasterio; the numbers must still be the ones this clean process computes, on the input's own grid.
"""

from __future__ import annotations

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

from timestack.core.landtrendr.fit import LandTrendrOutputs, LandTrendrParams, run_landtrendr_raster

YEARS = list(range(1991, 2021))

GRIDS = {
    # name: (crs, width, height, x resolution, y resolution, tile size or None for strips)
    "geographic-non-square-tiled": ("EPSG:4326", 37, 23, 0.00037, 0.00021, 16),
    "thin-strip-utm": ("EPSG:32610", 211, 3, 30.0, 20.0, None),
    "web-mercator-prime-sizes": ("EPSG:3857", 29, 31, 45.0, 45.0, 32),
}


def disturbed_series(height: int, width: int, seed: int = 11) -> tuple:
    """NBR-like forest series with two irregular disturbed patches and one pixel without data."""
    rng = np.random.default_rng(seed)
    rows, cols = np.indices((height, width))
    truth = np.zeros((height, width), dtype=int)
    truth[
        (rows - height * 0.4) ** 2 / max(height * 0.3, 1) ** 2
        + (cols - width * 0.3) ** 2 / (width * 0.2) ** 2
        < 1
    ] = 2004
    truth[(cols + 2 * rows) % 17 < 4] = 2013  # slanted bands across the grid
    years = np.array(YEARS)[:, None, None]
    nbr = 0.72 + rng.normal(0.0, 0.012, (len(YEARS), height, width))
    hit = (truth[None] > 0) & (years >= truth[None])
    nbr = np.where(hit, nbr - 0.5 + 0.025 * np.where(hit, years - truth[None], 0), nbr).astype("float32")
    nbr[:, height // 2, width - 1] = np.nan
    return nbr, truth


def write_odd_stack(path, grid: str, nbr: np.ndarray):
    crs, width, height, xres, yres, tile = GRIDS[grid]
    west, north = (-122.41, 45.52) if crs == "EPSG:4326" else (500010.0, 5000020.0)
    profile = dict(
        driver="GTiff", width=width, height=height, count=len(YEARS), dtype="float32", nodata=float("nan"),
        crs=crs, transform=from_origin(west, north, xres, yres),
    )  # fmt: skip
    if tile:
        profile.update(tiled=True, blockxsize=tile, blockysize=tile)
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(nbr)
        for band, year in enumerate(YEARS, start=1):
            dst.set_band_description(band, f"{year}_nbr")
    return path


@pytest.mark.parametrize("grid", list(GRIDS))
def test_landtrendr_and_changemap_keep_the_grid_and_find_the_disturbances(qgis_process, tmp_path, grid):
    crs, width, height, *_ = GRIDS[grid]
    nbr, truth = disturbed_series(height, width)
    stack = write_odd_stack(tmp_path / "stack.tif", grid, nbr)
    segments = tmp_path / "segments.tif"
    qgis_process(
        "run", "timestack:landtrendr", "--", f"INPUT={stack}", "INDEX=NBR", "MAX_SEGMENTS=4",
        f"OUTPUT_SEGMENTS={segments}", f"OUTPUT_FITTED={tmp_path / 'fitted.tif'}",
    )  # fmt: skip
    qgis_process(
        "run", "timestack:changemap", "--", f"INPUT={segments}", "MAG=0.2", "SORT=0",
        f"OUTPUT={tmp_path / 'change.tif'}",
    )  # fmt: skip

    clean = tmp_path / "clean"
    clean.mkdir()
    run_landtrendr_raster(
        stack, "nbr", LandTrendrOutputs(segments=clean / "segments.tif"), LandTrendrParams(maxSegments=4)
    )
    with rasterio.open(stack) as source, rasterio.open(segments) as fitted:
        assert (fitted.crs, fitted.transform, fitted.shape) == (source.crs, source.transform, source.shape)
        with rasterio.open(clean / "segments.tif") as expected:
            np.testing.assert_array_equal(fitted.read(), expected.read())
    with rasterio.open(tmp_path / "change.tif") as change:
        assert change.crs.to_string() == crs and change.shape == (height, width)
        yod = change.read(1)
    has_data = ~np.isnan(nbr).all(axis=0)
    disturbed = (truth > 0) & has_data
    assert np.array_equal(yod[disturbed], truth[disturbed])
    assert np.isnan(yod[truth == 0]).all()


def test_bands_without_a_year_and_name_are_left_out_with_a_warning_naming_them(qgis_process, tmp_path):
    nbr, _ = disturbed_series(3, 211)
    stack = write_odd_stack(tmp_path / "stack.tif", "thin-strip-utm", nbr)
    with rasterio.open(stack, "r+") as dst:
        dst.set_band_description(1, "")
        dst.set_band_description(7, "1997")
    done = qgis_process(
        "run", "timestack:landtrendr", "--", f"INPUT={stack}", "INDEX=nbr",
        f"OUTPUT_FITTED={tmp_path / 'fitted.tif'}", json_output=False,
    )  # fmt: skip
    assert "INPUT: band(s) 1, 7 have no YYYY_name description" in done.stdout + done.stderr
    with rasterio.open(tmp_path / "fitted.tif") as fitted:
        assert fitted.count == len(YEARS) - 2 and fitted.descriptions[0] == "1992_nbr_fit"

"""LandTrendr over GeoTIFF stacks: windowed reads, atomic writes, band descriptions, clear input errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import rasterio

from tests.helpers.landtrendr import write_series_stack
from timestack.core.landtrendr.fit import (
    LandTrendrOutputs,
    LandTrendrParams,
    fit_chunk,
    run_landtrendr_raster,
)
from timestack.core.runtime import Cancelled, TimestackError

YEARS = list(range(1995, 2015))
ROWS, COLS = 7, 9


def _cubes(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """NBR-like disturbances in random years plus a SWIR1-like band that rises on disturbance."""
    rng = np.random.default_rng(seed)
    n = len(YEARS)
    nbr = 0.75 + rng.normal(0, 0.02, (n, ROWS, COLS))
    onset = rng.integers(3, n - 3, (ROWS, COLS))
    after = np.arange(n)[:, None, None] >= onset[None]
    nbr -= 0.4 * after
    swir = 0.15 - 0.2 * (nbr - 0.75) + rng.normal(0, 0.005, nbr.shape)
    nbr[4, 2, 3] = np.nan  # a gap
    nbr[:, 0, 0] = np.nan  # a pixel without data
    return nbr, swir


@pytest.fixture
def stack(tmp_path) -> tuple[Path, np.ndarray, np.ndarray]:
    nbr, swir = _cubes()
    return write_series_stack(tmp_path / "stack.tif", {"nbr": nbr, "swir1": swir}, years=YEARS), nbr, swir


def _outputs(folder: Path) -> LandTrendrOutputs:
    return LandTrendrOutputs(
        vertices=folder / "vertices.tif",
        fitted=folder / "fitted.tif",
        stats=folder / "stats.tif",
        segments=folder / "segments.tif",
        ftv={"swir1": folder / "ftv_swir1.tif"},
    )


def test_raster_outputs_equal_the_chunk_fit_with_described_bands(stack, tmp_path):
    path, nbr, swir = stack
    params = LandTrendrParams(maxSegments=4)
    calls = []
    written = run_landtrendr_raster(
        path, "nbr", _outputs(tmp_path), params, -1, fit_bands=["swir1"], chunk_size=4,
        progress=lambda pct, msg: calls.append(pct),
    )  # fmt: skip
    assert set(written) == {"vertices", "fitted", "stats", "segments", "ftv_swir1"}
    expected = fit_chunk(nbr.astype(np.float32).astype(float), YEARS, params, -1, fit_bands={"swir1": swir})
    with rasterio.open(written["fitted"]) as ds:
        assert ds.descriptions == tuple(f"{y}_nbr_fit" for y in YEARS)
        np.testing.assert_allclose(ds.read(), expected.fitted, rtol=1e-6, atol=1e-6)
        assert ds.crs.to_epsg() == 32633
        assert ds.tags()["LANDTRENDR_YEARS"].startswith("1995,1996")
    with rasterio.open(written["vertices"]) as ds:
        assert ds.count == 15
        assert ds.descriptions[0] == "vertex_1_year" and ds.descriptions[5] == "vertex_1_source"
        assert ds.descriptions[14] == "vertex_5_fitted"
        np.testing.assert_array_equal(ds.read(range(1, 6)), expected.vertex_years.astype(np.float32))
    with rasterio.open(written["stats"]) as ds:
        assert ds.descriptions == ("rmse", "p_value", "n_segments", "status")
        assert np.isnan(ds.read(1)[0, 0]) and ds.read(4)[0, 0] == 2  # the no-data pixel
    with rasterio.open(written["ftv_swir1"]) as ds:
        assert ds.descriptions[0] == "1995_swir1_fit"
        assert np.all(np.isfinite(ds.read()[:, 1:, 1:]))
    with rasterio.open(written["segments"]) as ds:
        assert ds.count == 8 * 4 and ds.descriptions[0] == "segment_1_start_year"
    assert len(calls) == 6 and calls[-1] == 100.0  # 2 x 3 windows of 4 x 4
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["stack.tif", "vertices.tif", "fitted.tif", "stats.tif", "segments.tif", "ftv_swir1.tif"]
    )


def test_cancel_leaves_no_output_behind(stack, tmp_path):
    path, _, _ = stack
    checks = iter([False, False, True])
    with pytest.raises(Cancelled):
        run_landtrendr_raster(path, "nbr", _outputs(tmp_path), fit_bands=["swir1"], chunk_size=3,
                              is_cancelled=lambda: next(checks))  # fmt: skip
    assert [p.name for p in tmp_path.iterdir()] == ["stack.tif"]


def test_stack_without_year_descriptions_is_rejected_unless_years_are_given(tmp_path):
    nbr, _ = _cubes()
    path = write_series_stack(
        tmp_path / "plain.tif", {"nbr": nbr}, descriptions=[""] * len(YEARS), years=YEARS
    )
    out = LandTrendrOutputs(fitted=tmp_path / "fitted.tif")
    with pytest.raises(TimestackError, match="stack_path: no band described like 'YYYY_nbr'"):
        run_landtrendr_raster(path, "nbr", out)
    run_landtrendr_raster(path, "nbr", out, years=YEARS)
    assert out.fitted.exists()


def test_repeated_year_is_rejected(tmp_path):
    nbr, _ = _cubes()
    path = write_series_stack(tmp_path / "stack.tif", {"nbr": nbr}, years=YEARS)
    with rasterio.open(path, "r+") as ds:
        ds.set_band_description(2, "1995_nbr")
    with pytest.raises(TimestackError, match="strictly increasing"):
        run_landtrendr_raster(path, "nbr", LandTrendrOutputs(fitted=tmp_path / "f.tif"))


def test_non_increasing_explicit_years_are_rejected(tmp_path):
    nbr, _ = _cubes()
    path = write_series_stack(
        tmp_path / "plain.tif", {"nbr": nbr}, descriptions=[""] * len(YEARS), years=YEARS
    )
    years = YEARS[:-2] + [YEARS[-1], YEARS[-2]]
    with pytest.raises(TimestackError, match="years must be strictly increasing"):
        run_landtrendr_raster(path, "nbr", LandTrendrOutputs(fitted=tmp_path / "f.tif"), years=years)


def test_fewer_years_than_min_observations_is_rejected(stack, tmp_path):
    path, _, _ = stack
    params = LandTrendrParams(minObservationsNeeded=30)
    with pytest.raises(TimestackError, match="minObservationsNeeded=30"):
        run_landtrendr_raster(path, "nbr", LandTrendrOutputs(fitted=tmp_path / "f.tif"), params)


def test_fit_band_missing_from_the_stack_is_rejected(stack, tmp_path):
    path, _, _ = stack
    out = LandTrendrOutputs(ftv={"tcg": tmp_path / "tcg.tif"})
    with pytest.raises(TimestackError, match="fit_bands: band 'tcg'"):
        run_landtrendr_raster(path, "nbr", out, fit_bands=["tcg"])


def test_bad_parameters_are_rejected_before_reading(stack, tmp_path):
    path, _, _ = stack
    out = LandTrendrOutputs(fitted=tmp_path / "f.tif")
    with pytest.raises(TimestackError, match="maxSegments"):
        run_landtrendr_raster(path, "nbr", out, LandTrendrParams(maxSegments=0))
    with pytest.raises(TimestackError, match="chunk_size"):
        run_landtrendr_raster(path, "nbr", out, chunk_size=0)
    with pytest.raises(TimestackError, match="outputs"):
        run_landtrendr_raster(path, "nbr", LandTrendrOutputs())

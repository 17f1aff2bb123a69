"""Time cubes: NetCDF and Zarr round trips through xarray and GDAL, chunk layouts, warping to the
predominant UTM zone, and the inputs a cube refuses."""

from __future__ import annotations

import datetime as dt
import json
import sys

import numpy as np
import pytest
import rasterio
from osgeo import gdal
from rasterio.crs import CRS
from rasterio.transform import from_origin

from tests.helpers.rasters import NODATA, ORIGIN, PIXEL, write_stack
from timestack.core.cube.export import chunk_shape, export_cube
from timestack.core.cube.stacks import plan_cube, predominant_utm
from timestack.core.runtime import MISSING_PACKAGE, Cancelled, TimestackError

xarray = pytest.importorskip("xarray")
pytest.importorskip("netCDF4")
pytest.importorskip("zarr")

NBR_DATES = ["2020-01-01", "2020-02-03", "2021-05-06"]
NDVI_DATES = ["20200101", "20210506"]


@pytest.fixture()
def stacks(tmp_path):
    """An int16 nbr stack (scaled ×1e-4, one nodata pixel) and a float ndvi stack (NaN nodata)."""
    rng = np.random.default_rng(7)
    nbr = rng.integers(-5000, 5000, (3, 23, 31)).astype("int16")
    nbr[1, 2, 3] = NODATA
    ndvi = rng.random((2, 23, 31)).astype("float32")
    ndvi[0, 5, 6] = np.nan
    a = write_stack(tmp_path / "nbr.tif", nbr, [f"{d}_nbr" for d in NBR_DATES], scale=1e-4)
    b = write_stack(tmp_path / "ndvi.tif", ndvi, [f"{d}_ndvi" for d in NDVI_DATES], nodata=np.nan)
    return a, b, nbr, ndvi


@pytest.mark.parametrize("suffix", [".nc", ".zarr"])
def test_cube_round_trip_keeps_values_dates_coordinates_and_crs(stacks, tmp_path, suffix):
    a, b, nbr, ndvi = stacks
    cube = export_cube([a, b], tmp_path / f"cube{suffix}", chunking="temporal", chunk_mb=0.002)
    group = "temporal" if suffix == ".zarr" else None
    ds = xarray.open_dataset(cube.path, group=group, engine="zarr" if group else "netcdf4")
    times = [dt.date.fromisoformat(d) for d in NBR_DATES]
    assert [t.astype("datetime64[D]").item() for t in ds.time.values] == times
    expected = nbr.astype("float64") * 1e-4
    expected[nbr == NODATA] = np.nan
    np.testing.assert_allclose(ds.nbr.values, expected, rtol=1e-6)
    assert np.isnan(ds.nbr.values[1, 2, 3])
    # ndvi has no 2020-02-03 band: that date is all fill, the others are the input bit for bit.
    assert np.isnan(ds.ndvi.values[1]).all()
    np.testing.assert_array_equal(ds.ndvi.values[[0, 2]], ndvi)
    np.testing.assert_allclose(ds.x.values, ORIGIN[0] + PIXEL * (np.arange(31) + 0.5))
    np.testing.assert_allclose(ds.y.values, ORIGIN[1] - PIXEL * (np.arange(23) + 0.5))
    assert CRS.from_wkt(ds.spatial_ref.attrs["crs_wkt"]) == CRS.from_epsg(32633)
    assert ds.spatial_ref.attrs["grid_mapping_name"] == "transverse_mercator"
    assert ds.nbr.attrs["grid_mapping"] == "spatial_ref"
    assert ds.x.attrs["standard_name"] == "projection_x_coordinate"
    assert ds.y.attrs["standard_name"] == "projection_y_coordinate"
    assert ds.attrs["Conventions"] == "CF-1.8"
    assert json.loads(ds.attrs["timestack_inputs"]) == [str(a), str(b)]
    assert json.loads(ds.attrs["timestack_parameters"])["chunking"] == "temporal"
    raw = xarray.open_dataset(cube.path, group=group, engine="zarr" if group else "netcdf4", decode_cf=False)
    assert raw.nbr.dtype == np.int16 and raw.nbr.attrs["_FillValue"] == NODATA
    assert raw.nbr.attrs["scale_factor"] == pytest.approx(1e-4)
    assert raw.time.attrs["units"] == "days since 1970-01-01" and raw.time.attrs["calendar"] == "standard"
    assert ds.nbr.encoding["chunks" if group else "chunksizes"][0] == 3  # temporal: the whole time axis


def _gdal_grid(name: str):
    dataset = gdal.Open(name)
    assert dataset is not None, name
    srs = dataset.GetSpatialRef()
    return srs.GetAuthorityCode(None), dataset.GetGeoTransform(), dataset.RasterXSize, dataset.RasterYSize


def test_gdal_opens_netcdf_and_every_zarr_group_with_the_stacks_crs_and_geotransform(stacks, tmp_path):
    a, b, nbr, _ = stacks
    netcdf = export_cube([a, b], tmp_path / "cube.nc", chunking="both", chunk_mb=0.002)
    zarr_cube = export_cube([a, b], tmp_path / "cube.zarr", chunking="both", chunk_mb=0.002)
    assert zarr_cube.groups == ["temporal", "spatial"]
    expected = ("32633", (ORIGIN[0], PIXEL, 0.0, ORIGIN[1], 0.0, -PIXEL), 31, 23)
    assert _gdal_grid(f"NETCDF:{netcdf.path}:nbr") == expected
    for group in zarr_cube.groups:
        assert _gdal_grid(f'ZARR:"{zarr_cube.path}":/{group}/nbr:0') == expected
    last = gdal.Open(f'ZARR:"{zarr_cube.path}":/spatial/nbr:2')  # kept: a band dies with its dataset
    np.testing.assert_array_equal(last.GetRasterBand(1).ReadAsArray(), nbr[2])


def test_chunks_follow_the_scheme_and_the_target_size():
    shape = (40, 1000, 1000)
    temporal, spatial, both = (chunk_shape(s, shape, 4, 4.0) for s in ("temporal", "spatial", "both"))
    assert temporal[0] == 40 and spatial[0] == 1 and 1 < both[0] < 40
    for chunks in (temporal, spatial, both):
        assert 3.0e6 < np.prod(chunks) * 4 <= 4.0e6


def test_zarr_groups_are_chunked_one_per_scheme(stacks, tmp_path):
    a, b, *_ = stacks
    cube = export_cube([a], tmp_path / "cube.zarr", chunking="both", chunk_mb=0.001)
    temporal = xarray.open_zarr(cube.path, group="temporal").nbr.encoding["chunks"]
    spatial = xarray.open_zarr(cube.path, group="spatial").nbr.encoding["chunks"]
    assert temporal[0] == 3 and spatial[0] == 1 and spatial[1] > temporal[1]


def _utm_stack(path, epsg, origin, value):
    data = np.full((2, 10, 12), value, dtype="float32")
    return write_stack(path, data, ["2020-06-01_ndvi", "2021-06-01_ndvi"], crs=f"EPSG:{epsg}", nodata=np.nan,
                       transform=from_origin(*origin, 30, 30))  # fmt: skip


def test_stacks_in_several_utm_zones_are_warped_to_the_zone_most_of_them_are_in(tmp_path):
    # Two stacks in 33N, one the same place in 34N (x far west of 34N's centre): the cube is in 33N.
    a = _utm_stack(tmp_path / "a.tif", 32633, (700000, 5000000), 1.0)
    b = _utm_stack(tmp_path / "b.tif", 32633, (700360, 5000000), 2.0)
    with rasterio.open(a) as src:
        from rasterio.warp import transform_bounds

        box = transform_bounds(src.crs, "EPSG:32634", *src.bounds)
    c = _utm_stack(tmp_path / "c.tif", 32634, (round(box[0], -1), round(box[3], -1)), 3.0)
    assert predominant_utm([CRS.from_epsg(32633)] * 2 + [CRS.from_epsg(32634)], [None] * 3) == 32633
    cube = export_cube([a, b, c], tmp_path / "cube.nc", chunk_mb=0.01)
    assert cube.plan.crs == CRS.from_epsg(32633) and cube.plan.reprojected
    ds = xarray.open_dataset(cube.path)
    values = ds.ndvi.values[0]
    assert {1.0, 2.0} <= set(np.unique(values[np.isfinite(values)]))
    assert _gdal_grid(f"NETCDF:{cube.path}:ndvi")[0] == "32633"
    chosen = export_cube([a, c], tmp_path / "in34.nc", target_crs="EPSG:32634", chunk_mb=0.01)
    assert _gdal_grid(f"NETCDF:{chosen.path}:ndvi")[0] == "32634"


def test_mixed_pixel_sizes_are_refused_naming_input(tmp_path):
    a = write_stack(tmp_path / "a.tif", np.ones((1, 4, 4), "float32"), ["2020_nbr"])
    b = write_stack(tmp_path / "b.tif", np.ones((1, 4, 4), "float32"), ["2020_ndvi"],
                    transform=from_origin(*ORIGIN, 10, 10))  # fmt: skip
    with pytest.raises(TimestackError, match="different pixel sizes") as caught:
        plan_cube([a, b])
    assert caught.value.parameter == "INPUT"


def test_db_and_linear_backscatter_in_one_cube_are_refused(tmp_path):
    a = write_stack(tmp_path / "a.tif", np.ones((1, 4, 4), "float32"), ["2020-01-01_vv_db"])
    b = write_stack(tmp_path / "b.tif", np.ones((1, 4, 4), "float32"), ["2020-01-01_vh"])
    with pytest.raises(TimestackError, match="dB .* linear power") as caught:
        export_cube([a, b], tmp_path / "cube.nc")
    assert caught.value.parameter == "INPUT" and not (tmp_path / "cube.nc").exists()


def test_undated_bands_and_unknown_suffixes_name_their_parameter(tmp_path):
    a = write_stack(tmp_path / "a.tif", np.ones((1, 4, 4), "float32"), ["nbr"])
    with pytest.raises(TimestackError, match="carries no date") as caught:
        export_cube([a], tmp_path / "cube.nc")
    assert caught.value.parameter == "INPUT"
    with pytest.raises(TimestackError, match="neither NetCDF") as caught:
        export_cube([a], tmp_path / "cube.h5")
    assert caught.value.parameter == "OUTPUT"


def test_a_missing_xarray_names_the_package_and_translates(stacks, tmp_path, monkeypatch):
    a, b, *_ = stacks
    monkeypatch.setitem(sys.modules, "xarray", None)  # as if xarray were not installed
    with pytest.raises(TimestackError) as caught:
        export_cube([a, b], tmp_path / "cube.nc")
    error = caught.value
    assert error.parameter == "OUTPUT" and not (tmp_path / "cube.nc").exists()
    assert str(error) == (
        "Cube export needs the xarray package: install it with Raster ▸ Timestack ▸ Install Python packages…"
    )
    # The template, not an error object, reaches the translator: Processing shows the French message.
    french = {MISSING_PACKAGE: "{0} a besoin du paquet {1} : installez-le avec Raster ▸ Timestack"}
    translated = error.translated(lambda _context, text: french.get(text, text))
    assert translated == "Cube export a besoin du paquet xarray : installez-le avec Raster ▸ Timestack"


@pytest.mark.parametrize("suffix", [".nc", ".zarr"])
def test_a_cancelled_export_leaves_nothing(stacks, tmp_path, suffix):
    a, b, *_ = stacks
    calls = []

    def cancel_after_one_chunk():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        export_cube([a, b], tmp_path / f"cube{suffix}", chunk_mb=0.001, is_cancelled=cancel_after_one_chunk)
    assert list(tmp_path.glob("*cube*")) == []


def test_the_stacks_are_read_one_chunk_at_a_time(stacks, tmp_path):
    a, b, *_ = stacks
    messages = []
    export_cube([a, b], tmp_path / "cube.nc", chunking="spatial", chunk_mb=0.001,
                progress=lambda _percent, message: messages.append(message))  # fmt: skip
    depth, rows, cols = chunk_shape("spatial", (3, 23, 31), 4, 0.001)
    per_variable = 3 * -(-23 // rows) * -(-31 // cols)
    nbr_rows = chunk_shape("spatial", (3, 23, 31), 2, 0.001)[1]  # int16: twice the pixels per chunk
    total = per_variable + 3 * -(-23 // nbr_rows) * -(-31 // nbr_rows)
    reads = [m for m in messages if m.startswith("chunk ")]
    assert reads == [f"chunk {k} of {total}" for k in range(1, total + 1)] and depth == 1


@pytest.mark.parametrize(
    "target, wanted", [("EPSG:4326", "not a metric projected CRS"), ("EPSG:0", "not a CRS")]
)
def test_a_target_crs_that_cannot_hold_the_grid_names_target_crs(tmp_path, target, wanted):
    a = _utm_stack(tmp_path / "a.tif", 32633, (700000, 5000000), 1.0)
    with pytest.raises(TimestackError, match=wanted) as caught:
        plan_cube([a], target_crs=target)
    assert caught.value.parameter == "TARGET_CRS"


def test_the_cube_covers_every_stack_and_is_missing_where_a_stack_has_no_pixels(tmp_path):
    # Stacks without a nodata value side by side: outside each one the cube is NaN, not 0.
    left = write_stack(tmp_path / "l.tif", np.zeros((1, 5, 4), "float32"), ["2020_nbr"], nodata=None)
    right = write_stack(tmp_path / "r.tif", np.ones((1, 5, 4), "uint8"), ["2020_ndvi"], nodata=None,
                        transform=from_origin(ORIGIN[0] + 4 * PIXEL, ORIGIN[1], PIXEL, PIXEL))  # fmt: skip
    ds = xarray.open_dataset(export_cube([left, right], tmp_path / "cube.nc").path)
    assert ds.sizes["x"] == 8 and ds.sizes["y"] == 5
    assert (ds.nbr.values[0, :, :4] == 0).all() and np.isnan(ds.nbr.values[0, :, 4:]).all()
    assert np.isnan(ds.ndvi.values[0, :, :4]).all() and (ds.ndvi.values[0, :, 4:] == 1).all()

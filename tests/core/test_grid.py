"""Target grids and windowed reads of real GeoTIFFs: aligned, reprojected, over HTTP, scaled."""

import json
import threading
from functools import partial
from http.server import ThreadingHTTPServer

import numpy as np
import pytest
import rasterio
from affine import Affine
from rasterio.crs import CRS
from rasterio.warp import Resampling, calculate_default_transform, reproject, transform_bounds
from rasterio.windows import Window

from tests.helpers.shared import STAC_FIXTURES
from tests.servers.ranges import RangeHandler
from timestack.core.io.grid import (
    chunk_windows,
    gdal_path,
    read_window,
    target_grid,
    with_halo,
)
from timestack.core.items import asset_scaling, sentinel2_offset

UTM = "EPSG:32610"
X0, Y0 = 500010.0, 4999980.0  # on the 30 m lattice of the grids below


def write_blocks(path, crs=UTM, origin=(X0, Y0), size=60, res=30.0, nodata=0):
    """A uint16 raster of 10x10-pixel blocks, each block one distinct value (robust to nearest warps)."""
    rows, cols = np.indices((size, size))
    data = (100 + (rows // 10) * 10 + cols // 10).astype(np.uint16)
    profile = dict(
        driver="GTiff",
        width=size,
        height=size,
        count=1,
        dtype="uint16",
        crs=crs,
        transform=Affine(res, 0, origin[0], 0, -res, origin[1]),
        nodata=nodata,
        tiled=True,
        blockxsize=16,
        blockysize=16,
    )
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data, 1)
    return data


def test_target_grid_snaps_outward_to_whole_pixels():
    grid = target_grid((500015.0, 4999950.0, 500100.0, 5000001.0), UTM, 30)
    assert grid.bounds == (500010.0, 4999950.0, 500100.0, 5000010.0)
    assert (grid.width, grid.height) == (3, 2)
    assert grid.crs == CRS.from_epsg(32610)


@pytest.mark.parametrize("resolution", [0, -30, None])
def test_resolution_must_be_positive(resolution):
    with pytest.raises(ValueError, match="RESOLUTION must be a positive"):
        target_grid((0, 0, 100, 100), UTM, resolution)


def test_empty_extent_is_refused():
    with pytest.raises(ValueError, match="EXTENT is empty"):
        target_grid((10, 0, 10, 100), UTM, 30)


def test_chunks_tile_the_grid_exactly_once():
    grid = target_grid((0, 0, 30 * 70, 30 * 45), UTM, 30)
    covered = np.zeros((grid.height, grid.width), int)
    for window in chunk_windows(grid, 32):
        covered[window.toslices()] += 1
    assert (covered == 1).all()


def test_halo_is_clipped_at_the_grid_edge_and_crops_back():
    grid = target_grid((0, 0, 300, 300), UTM, 30)
    grown, (rows, cols) = with_halo(Window(0, 5, 5, 5), 2, grid)
    assert (grown.col_off, grown.row_off, grown.width, grown.height) == (0, 3, 7, 7)
    assert (rows, cols) == (slice(2, 7), slice(0, 5))


def test_aligned_read_places_pixels_and_fills_outside(tmp_path):
    data = write_blocks(tmp_path / "a.tif")
    # Grid starting 5 px left of and 3 px below the file's origin: shares its pixel lattice.
    grid = target_grid((X0 - 150, Y0 - 30 * 20, X0 + 30 * 10, Y0 - 90), UTM, 30)
    with rasterio.open(tmp_path / "a.tif") as src:
        out = read_window(src, grid, Window(0, 0, grid.width, grid.height), fill=0)
    assert out.dtype == np.uint16
    assert (out[:, :5] == 0).all()
    np.testing.assert_array_equal(out[:, 5:], data[3:20, :10])


def test_other_crs_is_reprojected_onto_the_grid(tmp_path):
    """A scene delivered in Web Mercator lands on the UTM grid where the UTM original would."""
    data = write_blocks(tmp_path / "utm.tif", res=30.0)
    with rasterio.open(tmp_path / "utm.tif") as src:
        transform, width, height = calculate_default_transform(
            src.crs, "EPSG:3857", src.width, src.height, *src.bounds, resolution=20
        )
        merc = np.zeros((height, width), np.uint16)
        reproject(
            data,
            merc,
            src_transform=src.transform,
            src_crs=src.crs,
            dst_transform=transform,
            dst_crs="EPSG:3857",
            resampling=Resampling.nearest,
            src_nodata=0,
            dst_nodata=0,
        )
    profile = dict(
        driver="GTiff",
        width=width,
        height=height,
        count=1,
        dtype="uint16",
        crs="EPSG:3857",
        transform=transform,
        nodata=0,
    )
    with rasterio.open(tmp_path / "merc.tif", "w", **profile) as dst:
        dst.write(merc, 1)
    grid = target_grid((X0, Y0 - 1800, X0 + 1800, Y0), UTM, 30)
    with rasterio.open(tmp_path / "merc.tif") as src:
        out = read_window(src, grid, Window(10, 10, 40, 40), fill=0)
    expected = data[10:50, 10:50]
    # Block edges may shift by a pixel after two nearest-neighbour warps; block interiors must match.
    interior = np.zeros_like(expected, bool)
    local = (np.indices(expected.shape) + 10) % 10
    interior[(local[0] >= 2) & (local[0] <= 7) & (local[1] >= 2) & (local[1] <= 7)] = True
    np.testing.assert_array_equal(out[interior], expected[interior])


@pytest.fixture
def http_folder(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(RangeHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_remote_cog_with_signed_url_reads_like_the_local_file(http_folder):
    folder, url = http_folder
    data = write_blocks(folder / "remote.tif")
    grid = target_grid((X0, Y0 - 1800, X0 + 1800, Y0), UTM, 30)
    path = gdal_path(f"{url}/remote.tif?se=2030-01-01&sig=abc%3D")
    assert path.startswith("/vsicurl/http://")
    with rasterio.Env(GDAL_DISABLE_READDIR_ON_OPEN="EMPTY_DIR"), rasterio.open(path) as src:
        out = read_window(src, grid, Window(20, 10, 30, 40), fill=0)
    np.testing.assert_array_equal(out, data[10:50, 20:50])


def test_gdal_paths():
    assert gdal_path("s3://usgs-landsat/a.TIF") == "/vsis3/usgs-landsat/a.TIF"
    assert gdal_path("b/c.tif", "/data") == "/data/b/c.tif"
    assert gdal_path("file:///x/y.tif") == "/x/y.tif"
    assert gdal_path("/vsizip/a.zip/b.tif") == "/vsizip/a.zip/b.tif"


def first_item(name):
    content = json.loads((STAC_FIXTURES / name).read_text())
    return content["features"][0] if "features" in content else content


def test_landsat_scaling_comes_from_raster_bands():
    item = first_item("pc_landsat.json")
    scaling = asset_scaling(item["assets"]["red"], item["properties"])
    assert (scaling.scale, scaling.offset, scaling.nodata) == (2.75e-05, -0.2, 0)


def test_planetary_computer_sentinel2_follows_the_processing_baseline():
    item = first_item("pc_s2.json")  # baseline 02.12, no raster:bands
    assert asset_scaling(item["assets"]["B04"], item["properties"]).offset == 0.0
    newer = dict(item["properties"], **{"s2:processing_baseline": "05.09"})
    scaling = asset_scaling(item["assets"]["B04"], newer)
    assert (scaling.scale, scaling.offset, scaling.nodata) == (1e-4, -0.1, 0)


def test_earth_search_sentinel2_uses_its_raster_bands():
    item = first_item("es_sentinel-2-c1-l2a_item.json")
    scaling = asset_scaling(item["assets"]["red"], item["properties"])
    assert (scaling.scale, scaling.offset) == (1e-4, -0.1)


@pytest.mark.parametrize(
    ("baseline", "offset"), [("02.14", 0.0), ("03.01", 0.0), ("04.00", -0.1), ("05.11", -0.1), (None, 0.0)]
)
def test_baseline_rule(baseline, offset):
    assert sentinel2_offset(baseline) == offset


@pytest.mark.parametrize("crs", ["EPSG:32633", "EPSG:32634"], ids=["same-grid", "warped"])
def test_pixels_a_mask_hides_read_as_fill_when_the_file_has_no_nodata_value(tmp_path, crs):
    """A stack whose missing pixels are kept in GDAL's internal mask (gdal_translate -mask writes such
    files), not by a nodata value: they must read as missing, on its own grid as when warped."""
    values = np.arange(6 * 8, dtype="int16").reshape(1, 6, 8) + 100
    mask = np.full((6, 8), 255, dtype="uint8")
    mask[2, 3] = 0
    transform = Affine(30.0, 0.0, 600_000.0, 0.0, -30.0, 4_999_980.0)  # on the 30 m lattice
    profile = dict(
        driver="GTiff", width=8, height=6, count=1, dtype="int16", crs="EPSG:32633", transform=transform
    )  # fmt: skip
    with rasterio.Env(GDAL_TIFF_INTERNAL_MASK=True):
        with rasterio.open(tmp_path / "masked.tif", "w", **profile) as dst:
            dst.write(values)
            dst.write_mask(mask)
    with rasterio.open(tmp_path / "masked.tif") as src:
        bounds = src.bounds if crs == "EPSG:32633" else transform_bounds(src.crs, crs, *src.bounds)
        grid = target_grid(bounds, crs, 30)
        out = read_window(src, grid, Window(0, 0, grid.width, grid.height), fill=-32768)
    assert (out == -32768).any() and not np.isin(out, values[0][mask == 0]).any()
    if crs == "EPSG:32633":
        np.testing.assert_array_equal(out, np.where(mask == 0, -32768, values[0]))


def test_boxes_across_the_antimeridian_are_told_from_boxes_round_the_world():
    from timestack.core.io.grid import across_antimeridian

    fiji = [(179.9, -16.1, 180.0, -16.0), (-180.0, -16.1, -179.9, -16.0)]
    assert across_antimeridian(fiji, "EPSG:4326")
    assert across_antimeridian([(179.99, -16.0, -179.99, -15.9)], "EPSG:4326")  # a reprojected box wraps
    world = [(west, -60.0, west + 40.0, 70.0) for west in range(-180, 180, 30)]
    assert not across_antimeridian(world, "EPSG:4326")  # a global set: no shorter way round
    assert not across_antimeridian([(-10.0, 40.0, 10.0, 50.0), (100.0, 40.0, 120.0, 50.0)], "EPSG:4326")
    assert not across_antimeridian([(800000.0, 8e6, 900000.0, 8.1e6)], "EPSG:32760")
    assert not across_antimeridian([], "EPSG:4326")

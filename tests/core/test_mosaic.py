"""VRT mosaics of tiles: values identical to the tiles they stitch, relative paths that survive a move,
band descriptions kept, grouping by year or variable; mismatched tiles refused, not silently dropped."""

import shutil

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

from tests.helpers.rasters import write_stack
from timestack.core.io.mosaic import mosaic_tiles
from timestack.core.runtime import Cancelled, TimestackError

RNG = np.random.default_rng(11)
DESCRIPTIONS = ["2001_nbr", "2001_ndvi", "2002_nbr", "2002_ndvi", "2003_nbr", "2003_ndvi"]


def tiles(folder, crs="EPSG:32633", pixel=30.0):
    """Three tiles of uneven size: a 70×50 west tile, a 45×50 east tile, a 115×20 south strip."""
    folder.mkdir(parents=True, exist_ok=True)
    whole = RNG.normal(size=(6, 70, 115)).astype("float32")
    parts = {"w.tif": (0, 0, 50, 70), "e.tif": (0, 70, 50, 45), "s.tif": (50, 0, 20, 115)}
    paths = []
    for name, (row, col, height, width) in parts.items():
        transform = from_origin(500000 + col * pixel, 5000000 - row * pixel, pixel, pixel)
        data = whole[:, row : row + height, col : col + width]
        paths.append(
            write_stack(folder / name, data, DESCRIPTIONS, crs=crs, nodata=-9999, transform=transform)
        )
    return paths, whole


def test_year_mosaics_hold_every_tile_with_relative_paths_and_descriptions(tmp_path):
    paths, whole = tiles(tmp_path / "project" / "tiles")
    written = mosaic_tiles(paths, tmp_path / "project" / "mosaics", "year")
    assert [p.name for p in written] == ["2001.vrt", "2002.vrt", "2003.vrt"]
    shutil.move(tmp_path / "project", tmp_path / "moved")  # relative sources: the folder moves as a whole
    with rasterio.open(tmp_path / "moved" / "mosaics" / "2002.vrt") as src:
        assert src.descriptions == ("2002_nbr", "2002_ndvi") and (src.width, src.height) == (115, 70)
        np.testing.assert_array_equal(src.read(), whole[2:4])
    assert 'relativeToVRT="1"' in (tmp_path / "moved" / "mosaics" / "2001.vrt").read_text()


def test_variable_and_whole_mosaics(tmp_path):
    paths, whole = tiles(tmp_path / "tiles")
    ndvi = [p for p in mosaic_tiles(paths, tmp_path / "by_variable", "variable") if p.stem == "ndvi"][0]
    with rasterio.open(ndvi) as src:
        assert src.descriptions == ("2001_ndvi", "2002_ndvi", "2003_ndvi")
        np.testing.assert_array_equal(src.read(), whole[1::2])
    (everything,) = mosaic_tiles(paths, tmp_path / "all", "none")
    with rasterio.open(everything) as src:
        assert src.descriptions == tuple(DESCRIPTIONS)


def test_mismatched_tiles_are_refused_by_name_and_nothing_is_written(tmp_path):
    paths, _ = tiles(tmp_path / "tiles")
    other = tiles(tmp_path / "geographic", crs="EPSG:4326", pixel=0.0003)[0][0]
    with pytest.raises(TimestackError, match="INPUT: w.tif is in another CRS"):
        mosaic_tiles([*paths, other], tmp_path / "out")
    fewer = write_stack(tmp_path / "fewer.tif", np.zeros((2, 5, 5), "float32"), DESCRIPTIONS[:2])
    with pytest.raises(TimestackError, match="INPUT: fewer.tif has other bands"):
        mosaic_tiles([*paths, fewer], tmp_path / "out")
    with pytest.raises(TimestackError, match="GROUP_BY"):
        mosaic_tiles(paths, tmp_path / "out", "month")
    with pytest.raises(Cancelled):
        mosaic_tiles(paths, tmp_path / "out", is_cancelled=lambda: True)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_tile_of_another_data_type_is_refused_not_left_out_of_the_mosaic(tmp_path):
    """GDAL's BuildVRT skips a tile whose bands have another type than the first tile's with only a
    warning: an int16 tile beside float32 ones made a mosaic with a hole where that tile was."""
    paths, _ = tiles(tmp_path / "tiles")
    west = rasterio.open(paths[0])
    with west:
        data, transform = west.read(), west.transform
    values = (data * 1000).astype("int16")
    integer = write_stack(paths[0], values, DESCRIPTIONS, nodata=-9999, transform=transform)
    with pytest.raises(TimestackError, match=r"INPUT: w.tif holds Int16 values where e.tif holds Float32"):
        mosaic_tiles([paths[1], integer, paths[2]], tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")  # GDAL writing a VRT removed
def test_a_tile_gdal_cannot_place_is_refused_not_left_out_of_the_mosaic(tmp_path):
    """A tile with a rotated grid has the CRS, pixel size, bands and type of the others, and BuildVRT
    skipped it with a warning only: the mosaic had a hole where it was."""
    from affine import Affine

    paths, _ = tiles(tmp_path / "tiles")
    with rasterio.open(paths[1]) as east:
        data, transform = east.read(), east.transform
    rotated = Affine(transform.a, 2.0, transform.c, 1.0, transform.e, transform.f)
    write_stack(paths[1], data, DESCRIPTIONS, nodata=-9999, transform=rotated)
    from osgeo import gdal

    raising = gdal.GetUseExceptions()
    gdal.UseExceptions()  # as the suite runs once the sample archive's writers have run: GDAL's errors raise
    try:
        with pytest.raises(TimestackError, match=r"INPUT: GDAL leaves e.tif out of the mosaic \(.*rotated"):
            mosaic_tiles(paths, tmp_path / "out")
    finally:
        if not raising:
            gdal.DontUseExceptions()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_tiles_on_both_sides_of_the_antimeridian_in_longitude_latitude_are_refused(tmp_path):
    """Two small tiles either side of 180° made a mosaic 1.2 million columns wide round the world."""
    degree = 0.0003
    data = RNG.normal(size=(6, 10, 10)).astype("float32")
    west = from_origin(180 - 10 * degree, -16.0, degree, degree)
    east = from_origin(-180.0, -16.0, degree, degree)
    paths = [
        write_stack(tmp_path / name, data, DESCRIPTIONS, crs="EPSG:4326", nodata=-9999, transform=transform)
        for name, transform in (("w.tif", west), ("e.tif", east))
    ]
    with pytest.raises(TimestackError, match="INPUT: the tiles lie on both sides of the antimeridian"):
        mosaic_tiles(paths, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    mosaic_tiles(paths[:1], tmp_path / "one")  # one side alone is an ordinary mosaic

"""TILES through ``qgis_process``: a grid GeoPackage in longitude/latitude over a UTM stack, with irregular
cells (one of them not a rectangle), ids that are no folder names and one cell far from the stack. Each
cell on the stack becomes one tile named by its id, the mosaics equal an untiled run, and the cell off
the stack is skipped with a warning naming it."""

from __future__ import annotations

import json

import numpy as np
import pytest
import rasterio
from osgeo import ogr, osr
from rasterio.transform import from_origin
from rasterio.warp import transform_bounds

from tests.helpers.landtrendr import disturbed_nbr
from tests.helpers.rasters import write_stack

ROWS, COLS = 83, 97
TRANSFORM = from_origin(500_000.0, 5_000_000.0, 30.0, 30.0)
YEARS = list(range(2000, 2016))


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    nbr = disturbed_nbr(YEARS, (ROWS, COLS), 21, (2003, 2013), level=0.6, loss=0.3, regrowth=0.02, gaps=0.05)
    folder = tmp_path_factory.mktemp("stack")
    return write_stack(
        folder / "nbr.tif", nbr, [f"{y}_nbr" for y in YEARS], crs="EPSG:32633", transform=TRANSFORM
    )


def _ring(points):
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in [*points, points[0]]:
        ring.AddPoint_2D(x, y)
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    return polygon


def write_grid(path, cells) -> str:
    """A GeoPackage in EPSG:4326 of (zone, name, polygon points) cells: zone repeats, name does not."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("grid", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("zone", ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for zone, name, points in cells:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("zone", zone)
        feature.SetField("name", name)
        feature.SetGeometry(_ring(points))
        layer.CreateFeature(feature)
    source = None
    return str(path)


@pytest.fixture(scope="module")
def grid(stack, tmp_path_factory):
    west, south, east, north = transform_bounds("EPSG:32633", "EPSG:4326", *rasterio.open(stack).bounds)
    margin = 0.002
    west, south, east, north = west - margin, south - margin, east + margin, north + margin
    cut_x = west + 0.37 * (east - west)
    cut_y = south + 0.58 * (north - south)
    cells = [
        (1, "West/1", [(west, south), (cut_x, south), (cut_x, north), (west, north)]),
        (2, "h03 v09", [(cut_x, cut_y), (east, cut_y), (east, north), (cut_x, north)]),
        # not a rectangle: its bounding box is the tile
        (2, "south east", [
            (cut_x, south), (east, south), (east, cut_y), (cut_x + 0.004, cut_y), (cut_x, cut_y - 0.003)
        ]),
        (1, "far away", [(east + 10, south), (east + 11, south), (east + 11, north), (east + 10, north)]),
    ]  # fmt: skip
    return write_grid(tmp_path_factory.mktemp("grid") / "grid.gpkg", cells)


def _same(a, b) -> None:
    with rasterio.open(a) as tiled, rasterio.open(b) as whole:
        assert tiled.descriptions == whole.descriptions
        assert (tiled.width, tiled.height, tiled.transform) == (whole.width, whole.height, whole.transform)
        np.testing.assert_array_equal(tiled.read(), whole.read())


def test_a_grid_in_another_crs_tiles_a_timescan_one_output_per_cell_named_by_id(
    qgis_process, stack, grid, tmp_path
):
    folder = tmp_path / "tiled"
    done = qgis_process(
        "run", "timestack:timescan", "--", f"INPUT={stack}", "METRICS=avg,p90,count", f"TILES={grid}",
        f"TILES_FOLDER={folder}", f"OUTPUT={tmp_path / 'ignored.tif'}", json_output=False,
    )  # fmt: skip
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    assert f"OUTPUT:\t{folder / 'timescan.vrt'}" in done.stdout
    assert "far away" in output and "skipped" in output, output[-2000:]
    assert sorted(p.name for p in (folder / "tiles").iterdir()) == ["West_1", "h03_v09", "south_east"]
    assert set(json.loads((folder / "manifest.json").read_text())["tiles"]) == {
        "West_1",
        "h03_v09",
        "south_east",
    }
    for tile in (folder / "tiles").iterdir():
        with rasterio.open(tile / "timescan.tif") as src:
            assert src.crs.to_epsg() == 32633 and (src.width, src.height) != (COLS, ROWS)
    whole = qgis_process(
        "run", "timestack:timescan", "--", f"INPUT={stack}", "METRICS=avg,p90,count",
        f"OUTPUT={tmp_path / 'whole.tif'}",
    )["results"]["OUTPUT"]  # fmt: skip
    _same(folder / "timescan.vrt", whole)
    sources = (folder / "timescan.vrt").read_text()
    assert 'relativeToVRT="1">tiles/h03_v09/timescan.tif<' in sources


def test_a_grid_tiles_landtrendr_to_the_untiled_outputs(qgis_process, stack, grid, tmp_path):
    folder = tmp_path / "tiled"
    tiled = qgis_process(
        "run", "timestack:landtrendr", "--", f"INPUT={stack}", "INDEX=nbr", f"TILES={grid}",
        "TILES_ID_FIELD=name", f"TILES_FOLDER={folder}", f"OUTPUT_FITTED={tmp_path / 'a.tif'}",
        f"OUTPUT_SEGMENTS={tmp_path / 'b.tif'}",
    )["results"]  # fmt: skip
    assert tiled["OUTPUT_FITTED"] == str(folder / "fitted.vrt")
    assert tiled["OUTPUT_SEGMENTS"] == str(folder / "segments.vrt")
    assert (folder / "tiles" / "h03_v09" / "fitted.tif").is_file()
    whole = qgis_process(
        "run", "timestack:landtrendr", "--", f"INPUT={stack}", "INDEX=nbr",
        f"OUTPUT_FITTED={tmp_path / 'fitted.tif'}", f"OUTPUT_SEGMENTS={tmp_path / 'segments.tif'}",
    )["results"]  # fmt: skip
    _same(tiled["OUTPUT_FITTED"], whole["OUTPUT_FITTED"])
    _same(tiled["OUTPUT_SEGMENTS"], whole["OUTPUT_SEGMENTS"])


def test_a_grid_with_a_tile_size_or_repeating_ids_or_off_the_stack_is_refused_by_name(
    qgis_process, stack, grid, tmp_path
):
    def refused(*parameters) -> str:
        done = qgis_process(
            "run", "timestack:timescan", "--", f"INPUT={stack}", "METRICS=avg",
            f"TILES_FOLDER={tmp_path / 'run'}", f"OUTPUT={tmp_path / 'out.tif'}", *parameters,
            json_output=False, check=False,
        )  # fmt: skip
        assert done.returncode != 0
        assert not (tmp_path / "run").exists() and not (tmp_path / "out.tif").exists()
        return done.stdout + done.stderr

    assert "TILE_SIZE and TILES" in refused(f"TILES={grid}", "TILE_SIZE=32")
    message = refused(f"TILES={grid}", "TILES_ID_FIELD=zone")
    assert "TILES_ID_FIELD" in message and "features 2 and 3 of TILES would both be tile 2" in message
    assert "TILES_ID_FIELD: TILES has no field tile" in refused(f"TILES={grid}", "TILES_ID_FIELD=tile")
    far = write_grid(
        tmp_path / "far.gpkg", [(1, "nowhere", [(100.0, 10.0), (101.0, 10.0), (101.0, 11.0), (100.0, 11.0)])]
    )
    assert "TILES: none of the 1 cells of the grid overlaps the stack" in refused(f"TILES={far}")


@pytest.mark.parametrize(
    "kind, wkt",
    [("point", "POINT(500300 4999700)"), ("line", "LINESTRING(500000 5000000, 502000 4998000)")],
)
def test_a_grid_of_points_or_lines_is_refused_by_name(qgis_process, stack, tmp_path, kind, wkt):
    """A point or line layer picked as TILES is no grid: naming it beats tiling a line's bounding box or
    saying that a point on the stack misses it."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32633)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp_path / "grid.gpkg"))
    layer = source.CreateLayer("grid", srs, ogr.CreateGeometryFromWkt(wkt).GetGeometryType())
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
    layer.CreateFeature(feature)
    source = layer = feature = None
    done = qgis_process(
        "run", "timestack:timescan", "--", f"INPUT={stack}", "METRICS=avg", f"TILES={tmp_path / 'grid.gpkg'}",
        f"TILES_FOLDER={tmp_path / 'run'}", f"OUTPUT={tmp_path / 'out.tif'}", json_output=False, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert f"TILES holds {kind} geometries, not cells" in done.stdout + done.stderr
    assert not (tmp_path / "run").exists() and not (tmp_path / "out.tif").exists()

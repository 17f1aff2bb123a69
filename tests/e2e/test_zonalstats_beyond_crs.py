"""Polygon statistics of polygons larger than the raster's CRS can hold, through ``qgis_process``.

An area of interest drawn in EPSG:4326 (a whole country, a hemisphere, the world) over a stack in a UTM
zone: transverse Mercator cannot represent points far from its zone, so such a polygon used to come out
of the reprojection as nonsense and every statistic was empty (count 0), silently. It is now measured on
its part over the raster; a polygon within the zone's area of use is reprojected whole as before.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.helpers.rasters import write_stack
from tests.helpers.zonal import pixel_box, transformed_wkt, write_polygons
from timestack.core.zonal.statistics import read_polygons, reproject_polygons

YEARS = [2015, 2016, 2017]
ROWS, COLS = 23, 31


def box(west: float, south: float, east: float, north: float) -> str:
    return f"POLYGON (({west} {south}, {east} {south}, {east} {north}, {west} {north}, {west} {south}))"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """NBR in UTM 33N (the test grid) with a different nodata patch every year."""
    rng = np.random.default_rng(4)
    data = rng.uniform(0.1, 0.8, size=(len(YEARS), ROWS, COLS)).astype("float32")
    for band in range(len(YEARS)):
        data[band, band : band + 4, 2 * band : 2 * band + 5] = np.nan
    path = write_stack(
        tmp_path_factory.mktemp("beyond") / "nbr.tif", data, [f"{y}_nbr" for y in YEARS], nodata=float("nan")
    )
    return path, data


def test_areas_beyond_the_utm_zone_are_measured_on_their_part_over_the_raster(qgis_process, stack, tmp_path):
    path, data = stack
    features = [
        (1, box(-180, -90, 180, 90)),  # the world
        (2, box(0, 0, 180, 90)),  # a quarter of it, the raster's quarter
        (3, box(-5, 35, 35, 60)),  # a country-sized area reaching outside zone 33's 12-18 degrees east
        (4, box(-60, -10, -50, 0)),  # beyond the zone and far from the raster
    ]
    polygons = write_polygons(tmp_path / "areas.gpkg", features, epsg=4326)
    output = tmp_path / "stats.csv"
    qgis_process(
        "run", "timestack:zonalstats", "--", f"POLYGONS={polygons}", "ID_FIELD=stand_id",
        f"INPUT={path}", "STATS=0,5,6", f"OUTPUT={output}",
    )  # fmt: skip
    table = pd.read_csv(output).sort_values(["id", "date"], ignore_index=True)
    valid = np.isfinite(data)
    for polygon in (1, 2, 3):  # each covers the whole raster: every valid pixel, whole
        rows = table[table["id"] == polygon]
        np.testing.assert_allclose(rows["count"], valid.sum(axis=(1, 2)), rtol=1e-9)
        np.testing.assert_allclose(rows["mean"], np.nanmean(data, axis=(1, 2)), rtol=1e-6)
    far = table[table["id"] == 4]
    assert (far["count"] == 0).all() and far["mean"].isna().all()


def test_a_polygon_within_the_zone_is_reprojected_whole_as_before(stack, tmp_path):
    """Within the CRS's area of use the raster's bounds change nothing: same vertices, same areas."""
    path, _ = stack
    inside = transformed_wkt(
        f"POLYGON ({pixel_box(-3.5, 2.25, 12.75, 30.5)})", 32633, 4326
    )  # beyond the raster too
    polygons = read_polygons(write_polygons(tmp_path / "one.gpkg", [(1, inside)], epsg=4326), "stand_id")
    plain = reproject_polygons(polygons, "EPSG:32633")
    bounded = reproject_polygons(polygons, "EPSG:32633", (500000.0, 4990000.0, 501000.0, 5000000.0))
    assert bounded[0].ExportToIsoWkt() == plain[0].ExportToIsoWkt()

"""``timestack:zonalstats`` through ``qgis_process`` on the polygons users actually have.

qgis_process holds the system GEOS in its global symbol scope, which crashed exactextract's flood fill
on every polygon that was not a rectangle. Here every kind of outline a stand layer brings (random
vertices, concave, many vertices, holes, multipart, smaller than a pixel, larger than the raster, partly
and fully outside, self-intersecting, in another CRS and format than the raster) is measured in
qgis_process and compared, (polygon, date) by (polygon, date), with exactextract called directly in
this clean process on the same outlines, repaired as drawn (in the layer's CRS) and then brought into
the raster's CRS.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr

from tests.helpers.rasters import write_stack
from tests.helpers.zonal import pixel_box, pixel_ring, transformed_wkt, write_polygons

YEARS = list(range(2010, 2022))
ROWS, COLS = 29, 37  # neither a multiple of a block nor square


def random_outlines(rng, count: int) -> list:
    """Stands of seven random vertices; every other one visits them out of order (self-intersecting)."""
    outlines = []
    for number in range(count):
        centre = rng.uniform([-2, -2], [COLS + 2, ROWS + 2])
        angles = rng.uniform(0, 2 * math.pi, 7)
        angles = angles if number % 2 else np.sort(angles)
        radii = rng.uniform(1.5, 8.0, 7)
        points = [(centre[0] + r * math.cos(a), centre[1] + r * math.sin(a)) for r, a in zip(radii, angles)]
        outlines.append(f"POLYGON({pixel_ring(points)})")
    return outlines


def star(centre, points: int, outer: float, inner: float) -> list:
    step = math.pi / points
    return [
        (centre[0] + (outer if i % 2 == 0 else inner) * math.cos(i * step),
         centre[1] + (outer if i % 2 == 0 else inner) * math.sin(i * step))
        for i in range(2 * points)
    ]  # fmt: skip


def circle(centre, radius: float, vertices: int) -> list:
    return [
        (centre[0] + radius * math.cos(2 * math.pi * i / vertices),
         centre[1] + radius * math.sin(2 * math.pi * i / vertices))
        for i in range(vertices)
    ]  # fmt: skip


def irregular_features() -> list:
    """(id, wkt) in the raster's CRS (EPSG:32633), one of each outline kind plus random stands."""
    triangle, small_star = pixel_ring([(2, 20), (9, 18), (6, 27)]), pixel_ring(star((31, 24), 5, 4, 1.5))
    shaped = [
        f"POLYGON({pixel_ring(star((10, 9), 12, 7.5, 3.1))})",  # concave
        f"POLYGON({pixel_ring(circle((26, 15), 9.3, 360))},{pixel_ring(circle((26.4, 14.2), 3.7, 90))})",
        f"MULTIPOLYGON(({triangle}),({small_star}))",
        f"POLYGON({pixel_box(5.2, 5.3, 5.6, 5.55)})",  # inside one pixel
        f"POLYGON({pixel_ring([(12.7, 3.2), (13.4, 3.9), (12.9, 4.6)])})",  # across pixel corners
        f"POLYGON({pixel_ring(circle((18, 14), 40, 64))})",  # larger than the raster
        f"POLYGON({pixel_ring(star((35, 3), 6, 8, 3))})",  # partly outside
        f"POLYGON({pixel_ring(circle((70, 60), 5, 30))})",  # fully outside
        f"POLYGON({pixel_ring([(3, 3), (11, 11), (11, 3), (3, 11)])})",  # bowtie
    ]
    outlines = shaped + random_outlines(np.random.default_rng(40), 16)
    return list(enumerate(outlines, start=1))


@pytest.fixture(scope="module")
def ndvi_stack(tmp_path_factory):
    """Twelve years of float32 NDVI with NaN nodata and a gap that differs from year to year."""
    rng = np.random.default_rng(9)
    data = rng.uniform(-0.2, 0.9, size=(len(YEARS), ROWS, COLS)).astype("float32")
    for band in range(len(YEARS)):
        row, col = rng.integers(0, ROWS - 6), rng.integers(0, COLS - 6)
        data[band, row : row + 6, col : col + 9] = np.nan
    folder = tmp_path_factory.mktemp("irregular")
    return write_stack(folder / "ndvi.tif", data, [f"{y}_ndvi" for y in YEARS], nodata=float("nan"))


def exactextract_means(stack, features, epsg: int) -> pd.DataFrame:
    """Coverage-weighted means from exactextract itself of ``features`` drawn in ``epsg``: each outline
    repaired by GEOS where it was drawn (a bowtie's crossing lies elsewhere in degrees than in metres)."""
    import exactextract

    driver = ogr.GetDriverByName("Memory")
    datasource = driver.CreateDataSource("reference")
    layer = datasource.CreateLayer("stands", geom_type=ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("id", ogr.OFTInteger))
    for identifier, wkt in features:
        geometry = ogr.CreateGeometryFromWkt(wkt)
        repaired = (geometry if geometry.IsValid() else geometry.MakeValid()).ExportToIsoWkt()
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("id", identifier)
        in_raster_crs = repaired if epsg == 32633 else transformed_wkt(repaired, epsg, 32633)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(in_raster_crs))
        layer.CreateFeature(feature)
    wide = exactextract.exact_extract(str(stack), layer, ["mean"], include_cols=["id"], output="pandas")
    long = wide.melt(id_vars="id", var_name="band", value_name="mean")
    band = long["band"].str.extract(r"band_(\d+)_mean", expand=False).astype(int)
    long["date"] = [f"{YEARS[b - 1]}-01-01" for b in band]
    return long[["id", "date", "mean"]].sort_values(["id", "date"], ignore_index=True)


@pytest.mark.parametrize(
    "name, epsg",
    [("stands.gpkg", 32633), ("stands.shp", 4326), ("stands_web.gpkg", 3857)],
    ids=["same-crs-geopackage", "geographic-shapefile", "web-mercator-geopackage"],
)
def test_every_outline_is_measured_in_qgis_process_as_exactextract_measures_it(
    qgis_process, ndvi_stack, tmp_path, name, epsg
):
    features = irregular_features()
    layer = [(i, wkt if epsg == 32633 else transformed_wkt(wkt, 32633, epsg)) for i, wkt in features]
    polygons = write_polygons(tmp_path / name, layer, epsg=epsg)
    output = tmp_path / "stats.csv"
    qgis_process(
        "run", "timestack:zonalstats", "--", f"POLYGONS={polygons}", "ID_FIELD=stand_id",
        f"INPUT={ndvi_stack}", "STATS=0", f"OUTPUT={output}",
    )  # fmt: skip
    table = pd.read_csv(output)
    assert set(table["variable"]) == {"ndvi"}
    measured = table[["id", "date", "mean"]]
    measured = measured.sort_values(["id", "date"], ignore_index=True)
    expected = exactextract_means(ndvi_stack, layer, epsg)
    assert len(measured) == len(features) * len(YEARS)
    assert measured["mean"].notna().sum() > 0.8 * len(measured)  # only the outside stand is empty
    pd.testing.assert_frame_equal(measured, expected, check_dtype=False, rtol=1e-6)


DESKTOP_RUN = """
import json, os, traceback
answer = {{}}
try:
    import processing
    parameters = {{"POLYGONS": {polygons!r}, "ID_FIELD": "stand_id", "INPUT": [{stack!r}], "STATS": [0],
                  "OUTPUT": {output!r}}}
    answer["outputs"] = processing.run("timestack:zonalstats", parameters)
except Exception:
    answer["error"] = traceback.format_exc()
with open({answer!r}, "w") as file:
    json.dump(answer, file)
os._exit(0)
"""


def test_the_qgis_desktop_application_measures_every_outline_as_exactextract_does(
    qgis_desktop, ndvi_stack, tmp_path
):
    """The desktop binary links the system GEOS like qgis_process; a crash here loses a user's project."""
    features = irregular_features()
    polygons = write_polygons(tmp_path / "stands.gpkg", features)
    output, answer = tmp_path / "stats.csv", tmp_path / "answer.json"
    code = DESKTOP_RUN.format(
        polygons=str(polygons), stack=str(ndvi_stack), output=str(output), answer=str(answer)
    )
    done = qgis_desktop(code)
    assert done.returncode == 0 and answer.exists(), (
        f"QGIS exited with {done.returncode}:\n{done.stderr[-3000:]}"
    )
    reply = json.loads(answer.read_text())
    assert "error" not in reply, reply.get("error")
    measured = pd.read_csv(output)[["id", "date", "mean"]].sort_values(["id", "date"], ignore_index=True)
    pd.testing.assert_frame_equal(measured, exactextract_means(ndvi_stack, features, 32633), rtol=1e-9)

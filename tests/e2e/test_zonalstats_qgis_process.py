"""``timestack:zonalstats`` from the command line (qgis_process) with the built plugin: the same table
as the core, and a bad parameter reported by name with no CSV left behind."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tests.core.zonal_fixtures import NODATA, standard_features, write_polygons, write_stack

CONTRACT = {"POLYGONS", "ID_FIELD", "INPUT", "ITEMS", "BANDS", "INDICES", "STATS", "COMPILE"}


def inputs(folder):
    rng = np.random.default_rng(5)
    data = rng.uniform(0.0, 1.0, size=(3, 20, 20)).astype("float32")
    data[1, 4:9, 2:6] = NODATA
    stack = write_stack(folder / "stack.tif", data, ["2001_nbr", "2002_nbr", "2003_nbr"])
    return stack, write_polygons(folder / "stands.gpkg", standard_features())


def test_qgis_process_describes_the_contract_parameters(qgis_process):
    described = qgis_process("help", "timestack:zonalstats")
    assert CONTRACT <= set(described["parameters"])
    assert "OUTPUT" in described["outputs"]


def test_qgis_process_writes_the_core_table(qgis_process, tmp_path):
    from timestack.core.zonal import read_polygons, zonal_statistics

    stack, stands = inputs(tmp_path)
    output = tmp_path / "stats.csv"
    qgis_process(
        "run", "timestack:zonalstats", "--", f"POLYGONS={stands}", "ID_FIELD=stand_id",
        f"INPUT={stack}", "STATS=0,5,6", f"OUTPUT={output}",
    )  # fmt: skip
    statistics = ["mean", "count", "valid_fraction"]
    expected = zonal_statistics([stack], read_polygons(stands, "stand_id"), statistics)
    pd.testing.assert_frame_equal(pd.read_csv(output), expected, check_dtype=False, rtol=1e-9)


def test_qgis_process_names_the_bad_parameter_and_writes_nothing(qgis_process, tmp_path):
    stack, stands = inputs(tmp_path)
    output = tmp_path / "stats.csv"
    done = qgis_process(
        "run", "timestack:zonalstats", "--", f"POLYGONS={stands}", "ID_FIELD=stand_id",
        f"INPUT={stack}", "PERCENTILES=150", f"OUTPUT={output}", json_output=False, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "PERCENTILES" in done.stdout + done.stderr
    assert not output.exists()


def test_qgis_process_measures_concave_and_holed_polygons_like_a_clean_process(qgis_process, tmp_path):
    """qgis_process holds the system GEOS globally; exactextract's interior flood fill crashed there."""
    from osgeo import ogr, osr
    from timestack.core.zonal import read_polygons, zonal_statistics

    stack, _ = inputs(tmp_path)
    srs = osr.SpatialReference()
    srs.SetFromUserInput(gdal_projection(stack))
    path = tmp_path / "irregular.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("stands", srs, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("stand", ogr.OFTInteger))
    x0, y0, size = bounds_of(stack)
    shapes = [
        [(0.05, 0.05), (0.7, 0.1), (0.45, 0.4), (0.9, 0.85), (0.15, 0.7)],  # concave
        [(0.1, 0.1), (0.9, 0.1), (0.5, 0.9)],  # with a hole below
    ]
    for number, ring in enumerate(shapes, start=1):
        polygon = ogr.Geometry(ogr.wkbPolygon)
        for points in [ring, [(0.4, 0.25), (0.6, 0.25), (0.5, 0.5)]][:number]:
            linear = ogr.Geometry(ogr.wkbLinearRing)
            for u, v in [*points, points[0]]:
                linear.AddPoint_2D(x0 + u * size, y0 - v * size)
            polygon.AddGeometry(linear)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("stand", number)
        feature.SetGeometry(polygon)
        layer.CreateFeature(feature)
    source = None
    output = tmp_path / "irregular.csv"
    qgis_process(
        "run", "timestack:zonalstats", "--", f"POLYGONS={path}", "ID_FIELD=stand",
        f"INPUT={stack}", "STATS=0", f"OUTPUT={output}",
    )  # fmt: skip
    expected = zonal_statistics([stack], read_polygons(path, "stand"), ["mean"])
    pd.testing.assert_frame_equal(pd.read_csv(output), expected, check_dtype=False, rtol=1e-9)


def gdal_projection(path) -> str:
    from osgeo import gdal

    return gdal.Open(str(path)).GetProjection()


def bounds_of(path):
    """West edge, north edge and the (square) side of a raster, in its CRS."""
    from osgeo import gdal

    dataset = gdal.Open(str(path))
    x0, dx, _, y0, _, _ = dataset.GetGeoTransform()
    return x0, y0, dx * dataset.RasterXSize

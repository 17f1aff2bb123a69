"""Polygons for the polygon-statistics tests: rings in pixel coordinates of the test grid of
``tests.helpers.rasters``, polygon layers written with OGR in a test's ``tmp_path``, reprojected WKT
and the standard set of stands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from osgeo import ogr, osr

from tests.helpers.rasters import ORIGIN, PIXEL

__all__ = [
    "memory_polygon",
    "pixel_box",
    "pixel_ring",
    "standard_features",
    "transformed_wkt",
    "write_polygons",
]


def pixel_ring(points: Sequence[tuple]) -> str:
    """WKT ring through ``(column, row)`` points of the test grid, closed back to the first point."""
    coordinates = [(ORIGIN[0] + col * PIXEL, ORIGIN[1] - row * PIXEL) for col, row in [*points, points[0]]]
    return "(" + ", ".join(f"{x} {y}" for x, y in coordinates) + ")"


def pixel_box(col0: float, row0: float, col1: float, row1: float) -> str:
    """WKT ring of a box given in pixel coordinates (columns, rows) of the test grid."""
    return pixel_ring([(col0, row0), (col1, row0), (col1, row1), (col0, row1)])


def memory_polygon(wkt_ring: str, name: str = "aoi"):
    """A QGIS memory layer (EPSG:32633, the test grid's CRS) holding one polygon of ``wkt_ring``."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:32633", name, "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON({wkt_ring})"))
    layer.dataProvider().addFeatures([feature])
    return layer


def write_polygons(
    path: Path,
    features: Sequence[tuple],
    epsg: Optional[int] = 32633,
    id_field: str = "stand_id",
    id_type: int = ogr.OFTInteger,
) -> Path:
    """A layer of ``(id, wkt)`` features (wkt None for a feature without geometry): a GeoPackage, or a
    shapefile when ``path`` ends in ``.shp``."""
    shapefile = Path(path).suffix.lower() == ".shp"
    driver = ogr.GetDriverByName("ESRI Shapefile" if shapefile else "GPKG")
    datasource = driver.CreateDataSource(str(path))
    srs = None
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
    kind = ogr.wkbPolygon if shapefile else ogr.wkbUnknown  # a shapefile holds one geometry type
    layer = datasource.CreateLayer("stands", srs=srs, geom_type=kind)
    layer.CreateField(ogr.FieldDefn(id_field, id_type))
    for value, wkt in features:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField(id_field, value)
        if wkt is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    datasource = None
    return path


def transformed_wkt(wkt: str, source_epsg: int, target_epsg: int) -> str:
    """``wkt`` reprojected (x, y order), to give the same polygons in another CRS."""
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(source_epsg)
    target.ImportFromEPSG(target_epsg)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    geometry = ogr.CreateGeometryFromWkt(wkt)
    geometry.Transform(osr.CoordinateTransformation(source, target))
    return geometry.ExportToIsoWkt()


def standard_features() -> list:
    """Stands of every shape the statistics must handle on a 20×20 grid."""
    outer = pixel_box(1.3, 1.6, 8.7, 7.2)
    hole = pixel_box(3.1, 3.2, 5.5, 5.9)
    return [
        (1, f"POLYGON({pixel_box(0.5, 0.5, 4.25, 3.75)})"),
        (2, f"POLYGON({outer},{hole})"),  # with a hole
        (3, f"MULTIPOLYGON(({pixel_box(10, 10, 12.5, 13)}),({pixel_box(15.2, 2, 19, 6.6)}))"),
        (4, f"POLYGON({pixel_box(12, 14, 14, 16)})"),  # whole pixels only
        (5, f"POLYGON({pixel_box(40, 40, 45, 45)})"),  # outside the raster
    ]

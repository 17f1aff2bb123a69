"""Raster and vector writers of the sample archive (GDAL/OGR only, so nothing here needs QGIS).

Bands are written as Cloud-Optimized GeoTIFFs with GDAL's COG driver, the layout USGS publishes
Collection 2 in: 256-pixel tiles, DEFLATE, internal overviews.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np
from osgeo import gdal, ogr, osr

from .landscape import LANDCOVER_NAMES, Landscape

gdal.UseExceptions()
ogr.UseExceptions()

_GDAL_TYPES = {
    np.dtype(np.uint8): gdal.GDT_Byte,
    np.dtype(np.uint16): gdal.GDT_UInt16,
    np.dtype(np.int32): gdal.GDT_Int32,
    np.dtype(np.float32): gdal.GDT_Float32,
}


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _memory_dataset(
    array: np.ndarray, geotransform: Sequence[float], epsg: int, nodata: float | None, description: str
) -> gdal.Dataset:
    rows, cols = array.shape
    dataset = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, _GDAL_TYPES[array.dtype])
    dataset.SetGeoTransform(list(geotransform))
    dataset.SetSpatialRef(_srs(epsg))
    band = dataset.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.SetDescription(description)
    band.WriteArray(array)
    return dataset


def write_cog(
    path: Path,
    array: np.ndarray,
    geotransform: Sequence[float],
    epsg: int,
    nodata: float | None,
    blocksize: int,
    overview_count: int,
    resampling: str,
    description: str = "",
) -> None:
    """Write one band as a COG with ``overview_count`` internal overviews (NEAREST for bit fields).

    Parameters
    ----------
    path
        The file.
    array
        The band.
    geotransform
        GDAL's six coefficients.
    epsg
        The CRS.
    nodata
        The nodata value, or None.
    blocksize
        The tile side, in pixels.
    overview_count
        How many overview levels.
    resampling
        The overviews' resampling (``NEAREST`` for QA bit fields, else ``AVERAGE``).
    description
        The band description.
    """
    source = _memory_dataset(array, geotransform, epsg, nodata, description)
    options = [
        "COMPRESS=DEFLATE",
        "PREDICTOR=2",
        f"BLOCKSIZE={blocksize}",
        f"OVERVIEW_COUNT={overview_count}",
        f"OVERVIEW_RESAMPLING={resampling}",
        "NUM_THREADS=1",
    ]
    gdal.GetDriverByName("COG").CreateCopy(str(path), source, options=options)


def write_geotiff(
    path: Path,
    array: np.ndarray,
    geotransform: Sequence[float],
    epsg: int,
    nodata: float | None,
    description: str,
) -> None:
    """Write a truth raster as a plain tiled, compressed GeoTIFF.

    Parameters
    ----------
    path, array, geotransform, epsg, nodata, description
        As :func:`write_cog`.
    """
    source = _memory_dataset(array, geotransform, epsg, nodata, description)
    gdal.GetDriverByName("GTiff").CreateCopy(str(path), source, options=["COMPRESS=DEFLATE", "TILED=YES"])


def stand_outlines(landscape: Landscape) -> dict:
    """Each stand's outline traced along its pixels' edges: {stand index: Polygon or MultiPolygon}.

    GDAL's polygonizer (4-connected, like the stands' own layout) gives one polygon per connected
    piece, holes included; a stand in several pieces becomes one MultiPolygon.

    Parameters
    ----------
    landscape
        The landscape (its stand index raster).

    Returns
    -------
    dict
        Stand index -> OGR geometry.
    """
    recipe = landscape.recipe
    raster = _memory_dataset(
        landscape.stand_index.astype(np.int32), recipe.geotransform, int(recipe.common["epsg"]), None, "stand"
    )
    source = ogr.GetDriverByName("Memory").CreateDataSource("outlines")
    layer = source.CreateLayer("pieces", _srs(int(recipe.common["epsg"])), ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("stand", ogr.OFTInteger))
    gdal.Polygonize(raster.GetRasterBand(1), None, layer, 0)
    outlines: dict = {}
    for piece in layer:
        index = piece.GetField("stand")
        polygon = piece.GetGeometryRef().Clone()
        if index in outlines:
            merged = ogr.ForceToMultiPolygon(outlines[index])
            merged.AddGeometry(polygon)
            outlines[index] = merged
        else:
            outlines[index] = polygon
    return outlines


def write_stands(path: Path, landscape: Landscape, magnitude: np.ndarray) -> None:
    """Stand polygons (GeoPackage layer ``stands``) with land cover and disturbance truth.

    Fields: stand_id, landcover (name), landcover_code, dist_year / dist_doy / dist_type (null when
    undisturbed), dist_magnitude (mean true NBR drop over the stand, null when undisturbed).
    Geometries are Polygon (some with holes) or MultiPolygon, as in any real stand layer.

    Parameters
    ----------
    path
        The GeoPackage.
    landscape
        The landscape.
    magnitude
        :func:`..landscape.disturbance_magnitude`.
    """
    outlines = stand_outlines(landscape)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("stands", _srs(int(landscape.recipe.common["epsg"])), ogr.wkbMultiPolygon)
    for name, kind in [
        ("stand_id", ogr.OFTInteger),
        ("landcover", ogr.OFTString),
        ("landcover_code", ogr.OFTInteger),
        ("dist_year", ogr.OFTInteger),
        ("dist_doy", ogr.OFTInteger),
        ("dist_type", ogr.OFTString),
        ("dist_magnitude", ogr.OFTReal),
    ]:
        layer.CreateField(ogr.FieldDefn(name, kind))
    layer.StartTransaction()
    for index, stand in enumerate(landscape.stands):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("stand_id", stand.stand_id)
        feature.SetField("landcover", LANDCOVER_NAMES[stand.landcover])
        feature.SetField("landcover_code", stand.landcover)
        if stand.event_type is not None:
            feature.SetField("dist_year", stand.event_year)
            feature.SetField("dist_doy", stand.event_doy)
            feature.SetField("dist_type", stand.event_type)
            inside = magnitude[landscape.stand_index == index]
            feature.SetField("dist_magnitude", round(float(inside.mean()), 4))
        feature.SetGeometry(ogr.ForceToMultiPolygon(outlines[index]))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    del layer, source  # closes and flushes the GeoPackage

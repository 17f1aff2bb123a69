"""TILES: the cells of a grid layer (Landsat ARD tiles, a user's grid) as named windows of a stack.

The core runs tiles as pixel windows with names (:func:`timestack.core.io.tiles.run_tiled`) and never
sees a vector layer; this module is where a grid layer becomes those windows. Each cell's bounding box is
transformed into the stack's CRS (densified, so a longitude/latitude cell's curved edges are inside it),
snapped outwards to the stack's pixels and clipped to them; the cell's id, made a folder name, names
the tile.
"""

from __future__ import annotations

from typing import Optional

from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureSource,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from ..core.io.tiles import Tile, grid_window, tile_name

__all__ = ["grid_tiles"]

translate = QCoreApplication.translate

_TEXT = (QVariant.String,)
_INTEGER = (QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong)


def _missing(value) -> bool:
    return value is None or (isinstance(value, QVariant) and value.isNull()) or str(value).strip() == ""


def _distinct_names(values: list) -> bool:
    if any(_missing(value) for value in values):
        return False
    names = [tile_name(value).casefold() for value in values]
    return len(set(names)) == len(names)


def _id_field(source: QgsFeatureSource, features: list, id_field: str) -> Optional[int]:
    """The index of the field naming the tiles: TILES_ID_FIELD, else the first text field with one
    distinct value per cell, else the first such integer field; None for the feature id.

    Distinct values are asked of the default because a grid's first fields often repeat (an ARD grid's
    ``h`` and ``v`` columns) and a GeoPackage lists its ``fid`` first.
    """
    fields = source.fields()
    if id_field:
        index = fields.lookupField(id_field)
        if index < 0:
            message = translate(
                "TimestackParameters", "TILES_ID_FIELD: TILES has no field {0}; its fields are: {1}."
            )
            raise QgsProcessingException(message.format(id_field, ", ".join(fields.names())))
        return index
    for kinds in (_TEXT, _INTEGER):
        for index, field in enumerate(fields):
            if field.type() in kinds and _distinct_names([feature.attribute(index) for feature in features]):
                return index
    return None


def grid_tiles(source: QgsFeatureSource, id_field: str, stack_path: str, context, feedback) -> list[Tile]:
    """The cells of ``source`` that overlap the stack at ``stack_path``, as named pixel windows.

    Cells that miss the stack are skipped with a warning naming them. Raises a Processing error naming
    TILES for a layer without features or without a cell on the stack, TILES_ID_FIELD for an unknown
    field, an empty id or two ids that would name one folder.
    """
    feedback = feedback or QgsProcessingFeedback()
    dataset = gdal.Open(stack_path)
    if dataset is None:
        raise QgsProcessingException(
            translate("TimestackParameters", "INPUT: the stack must be a raster file readable by GDAL.")
        )
    transform, width, height = dataset.GetGeoTransform(), dataset.RasterXSize, dataset.RasterYSize
    stack_crs = QgsCoordinateReferenceSystem.fromWkt(dataset.GetProjection())
    dataset = None
    kind = QgsWkbTypes.geometryType(source.wkbType())
    if kind in (QgsWkbTypes.PointGeometry, QgsWkbTypes.LineGeometry):
        message = translate(
            "TimestackParameters",
            "TILES holds {0} geometries, not cells; choose a grid layer of polygons (one per tile)."
        )  # fmt: skip
        raise QgsProcessingException(message.format(QgsWkbTypes.geometryDisplayString(kind).lower()))
    features = list(source.getFeatures())
    if not features:
        raise QgsProcessingException(
            translate("TimestackParameters", "TILES has no features; choose a grid layer with cells.")
        )
    if not stack_crs.isValid():
        raise QgsProcessingException(
            translate(
                "TimestackParameters",
                "TILES: the stack has no coordinate reference system, so the grid's cells cannot be "
                "placed on it; use TILE_SIZE instead."
            )
        )  # fmt: skip
    index = _id_field(source, features, id_field)
    if index is not None:
        feedback.pushInfo(
            translate("TimestackParameters", "TILES: tiles named by the field {0}.").format(
                source.fields().at(index).name()
            )
        )
    else:
        feedback.pushInfo(translate("TimestackParameters", "TILES: tiles named by feature id."))
    to_stack = QgsCoordinateTransform(source.sourceCrs(), stack_crs, context.transformContext())
    tiles, named, missed = [], {}, []
    for feature in features:
        value = feature.id() if index is None else feature.attribute(index)
        if _missing(value):
            message = translate(
                "TimestackParameters",
                "TILES_ID_FIELD: feature {0} of TILES has no {1}; give every cell an id or choose another "
                "field."
            )  # fmt: skip
            raise QgsProcessingException(message.format(feature.id(), source.fields().at(index).name()))
        name = tile_name(value)
        if name.casefold() in named:
            message = translate(
                "TimestackParameters",
                "TILES_ID_FIELD: features {0} and {1} of TILES would both be tile {2}; choose a field with "
                "one distinct value per cell."
            )  # fmt: skip
            raise QgsProcessingException(message.format(named[name.casefold()], feature.id(), name))
        named[name.casefold()] = feature.id()
        window = None
        geometry = feature.geometry()
        if not geometry.isEmpty() and geometry.type() == QgsWkbTypes.PolygonGeometry:
            try:
                box = to_stack.transformBoundingBox(geometry.boundingBox())
            except QgsCsException:
                box = None
            if box is not None and box.isFinite():
                bounds = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
                window = grid_window(bounds, transform, width, height)
        if window is None:
            missed.append(str(value))
        else:
            tiles.append(Tile(name, *window))
    if missed:
        message = translate("TimestackParameters", "TILES: {0} cell(s) miss the stack and are skipped: {1}.")
        feedback.pushWarning(message.format(len(missed), ", ".join(missed)))
    if not tiles:
        message = translate(
            "TimestackParameters",
            "TILES: none of the {0} cells of the grid overlaps the stack; choose a grid that covers it."
        )  # fmt: skip
        raise QgsProcessingException(message.format(len(features)))
    return tiles

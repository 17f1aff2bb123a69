"""``timestack:scenestack`` — the masked scenes of an ItemCollection as one per-date stack.

A thin layer over :func:`..core.composite.scenes.scene_stack`, declaring the same inputs as
``timestack:composite`` (area, grid, bands, indices, masks) through the shared parameter mixins. The
stack is loaded as one layer, styled in false colour (or grey) on its latest date, with the dates'
span as its temporal range; its bands ``YYYY-MM-DD_name`` feed ``timestack:timescan``,
``timestack:resample`` and the cube export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from qgis.core import (
    QgsDateTimeRange,
    QgsProcessingContext,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterRasterDestination,
    QgsProcessingUtils,
    QgsRasterLayer,
    QgsRasterLayerTemporalProperties,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from ..core.composite.scenes import SceneStackSettings, scene_stack
from ..core.io.stack import SCALE_INT16, band_numbers
from .algorithm import TimestackAlgorithm, user_message, user_text
from .params import (
    AllowedRootsParameter,
    AreaParameters,
    AssetCacheParameters,
    EarthdataParameter,
    IndexParameter,
    MaskParameters,
    SceneGridParameters,
    defaults_optional,
)
from .styles import composite_renderer


class SceneStackAlgorithm(
    SceneGridParameters,
    AreaParameters,
    IndexParameter,
    MaskParameters,
    EarthdataParameter,
    AllowedRootsParameter,
    AssetCacheParameters,
    TimestackAlgorithm,
):
    """One band per acquisition date and variable, on one grid, masked as composites are."""

    OUTPUT = "OUTPUT"
    OUTPUT_LOG = "OUTPUT_LOG"
    OUTPUT_CRS = "OUTPUT_CRS"
    DATES = "DATES"
    SCENES_USED = "SCENES_USED"
    SCENES_SKIPPED = "SCENES_SKIPPED"

    def name(self) -> str:
        return "scenestack"

    def displayName(self) -> str:
        return self.tr("Per-date stack of masked scenes")

    def shortHelpString(self) -> str:
        return self.tr(
            "Stacks every scene of a STAC ItemCollection (the JSON written by 'Search scenes') on one "
            "grid, masked as composites are (QA_PIXEL/QA_RADSAT, SCL or Fmask) and with the same bands and "
            "indices: one band per acquisition date and variable, named YYYY-MM-DD_name. Scenes of the "
            "same day are merged: each pixel comes from the first scene of the day (in acquisition time) "
            "where it is clear. Masked pixels are nodata. Without TARGET_CRS the grid is in the UTM zone "
            "most scenes lie in. The stack is the input of Timescan, Resample and the cube export; a JSON "
            "run log lists the scenes used per date and the scenes skipped, with the reason."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_items_parameter()
        self.add_area_parameters()
        self.add_grid_parameters(self.tr("Target CRS (default: the UTM zone most scenes lie in)"))
        self.add_bands_parameter()
        self.add_index_parameter()
        self.add_mask_parameters(self.tr("Mask"), confidences=True)
        self.add_run_parameters("float32")
        self.add_earthdata_parameter()
        self.add_allowed_roots_parameter()
        self.add_asset_cache_parameters()
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Per-date stack")))
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_LOG, self.tr("Run log (JSON)")))
        self.addOutput(QgsProcessingOutputString(self.OUTPUT_CRS, self.tr("CRS of the stack")))
        self.addOutput(QgsProcessingOutputString(self.DATES, self.tr("Dates (comma-separated)")))
        self.addOutput(QgsProcessingOutputNumber(self.SCENES_USED, self.tr("Scenes used")))
        self.addOutput(QgsProcessingOutputNumber(self.SCENES_SKIPPED, self.tr("Scenes skipped")))
        defaults_optional(self)
        self.set_help({
            self.OUTPUT: self.tr(
                "The per-date stack (GeoTIFF): one band per scene date and variable, named "
                "YYYY-MM-DD_variable."
            ),
        })  # fmt: skip

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback):
        output = Path(self.parameterAsOutputLayer(parameters, self.OUTPUT, context))
        fallback = self.tr("the scenes' predominant UTM zone")
        shared = self.stack_settings(parameters, context, output, fallback)
        dtype = shared["output_dtype"]
        try:
            settings = SceneStackSettings(**shared)
            progress, is_cancelled = self.core_callbacks(feedback)
            earthdata, catalog_login = self.read_logins(parameters, context, settings.items)
            settings = replace(settings, earthdata_headers=earthdata, catalog_login=catalog_login)
            with self.core_errors(self.tr("Per-date stack")):
                result = scene_stack(settings, progress=progress, is_cancelled=is_cancelled)
        except ValueError as error:
            raise self.fail(self.tr("Per-date stack failed: {0}").format(user_message(error))) from error

        for entry in result.skipped:
            feedback.pushWarning(
                self.tr("Skipped scene {0}: {1}").format(entry["id"], user_text(entry["reason"]))
            )
        for warning in result.warnings:
            feedback.pushWarning(self.tr("Incomplete result: {0}").format(user_text(warning)))
        feedback.pushInfo(self.tr("Grid CRS: {0}").format(result.crs))
        name = self.tr("Scenes {0} to {1}").format(result.dates[0].isoformat(), result.dates[-1].isoformat())
        layer = stack_layer(str(result.stack), name, result.dates, SCALE_INT16 if dtype == "int16" else 1.0)
        context.temporaryLayerStore().addMapLayer(layer)
        details = QgsProcessingContext.LayerDetails(
            name, context.project(), self.OUTPUT, QgsProcessingUtils.LayerHint.Raster
        )
        context.addLayerToLoadOnCompletion(layer.id(), details)
        return {
            self.OUTPUT: str(result.stack),
            self.OUTPUT_LOG: str(result.log),
            self.OUTPUT_CRS: result.crs,
            self.DATES: ",".join(day.isoformat() for day in result.dates),
            self.SCENES_USED: result.scenes_used,
            self.SCENES_SKIPPED: len(result.skipped),
        }


def stack_layer(path: str, name: str, dates: list, scale: float) -> QgsRasterLayer:
    """The stack as one layer: false colour (or grey) on its latest date, saved as its default style so
    it opens without a histogram pass, with the dates' span as its fixed temporal range."""
    layer = QgsRasterLayer(path, name, "gdal")
    renderer = composite_renderer(layer, dates[-1].isoformat(), scale, band_numbers(path))
    if renderer is not None:
        layer.setRenderer(renderer)
        layer.saveDefaultStyle()
    temporal = layer.temporalProperties()
    temporal.setIsActive(True)
    temporal.setMode(QgsRasterLayerTemporalProperties.ModeFixedTemporalRange)
    first, last = dates[0], dates[-1] + dt.timedelta(days=1)
    temporal.setFixedTemporalRange(
        QgsDateTimeRange(
            QDateTime(QDate(first.year, first.month, first.day), QTime(0, 0)),
            QDateTime(QDate(last.year, last.month, last.day), QTime(0, 0)),
            True,
            False,
        )
    )
    return layer

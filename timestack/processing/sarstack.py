"""``timestack:sarstack`` — Sentinel-1 backscatter as one per-date stack per track.

A thin layer over :func:`..core.radar.stack.sar_stacks`: the items found by ``timestack:searchscenes``
(e.g. Planetary Computer's ``sentinel-1-rtc``) become ``<DIRECTION>_<relative orbit>.tif`` stacks in
OUTPUT_FOLDER, bands ``YYYY-MM-DD_VV``/``_VH``/``_VVVH``, all on one grid so that the timescans of the
tracks (``timestack:timescan``, SAR_DB for dB stacks) mosaic with ``timestack:mosaic``: the steps of
OpenSARToolkit's time-series and timescan workflow. Every stack is loaded as a layer with its dates'
span as its temporal range.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingOutputFile,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ..core.radar.stack import SPECKLE_FILTERS, SarStackSettings, sar_stacks
from .algorithm import TimestackAlgorithm, user_text
from .params import AllowedRootsParameter, AreaParameters, advanced, split_list
from .scenestack import stack_layer


class SarStackAlgorithm(AreaParameters, AllowedRootsParameter, TimestackAlgorithm):
    """One stack per Sentinel-1 track, one band per date and polarisation, on one grid."""

    ITEMS = "ITEMS"
    TARGET_CRS = "TARGET_CRS"
    RESOLUTION = "RESOLUTION"
    POLARIZATIONS = "POLARIZATIONS"
    RATIO = "RATIO"
    DB = "DB"
    SPECKLE_FILTER = "SPECKLE_FILTER"
    SPECKLE_WINDOW = "SPECKLE_WINDOW"
    CHUNK_SIZE = "CHUNK_SIZE"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_LAYERS = "OUTPUT_LAYERS"
    OUTPUT_LOG = "OUTPUT_LOG"
    OUTPUT_CRS = "OUTPUT_CRS"
    TRACKS = "TRACKS"
    SCENES_SKIPPED = "SCENES_SKIPPED"

    def name(self) -> str:
        return "sarstack"

    def displayName(self) -> str:
        return self.tr("Sentinel-1 stacks per track")

    def shortHelpString(self) -> str:
        return self.tr(
            "Stacks the Sentinel-1 scenes of a STAC ItemCollection (the JSON written by 'Search scenes', "
            "e.g. from Planetary Computer's sentinel-1-rtc) track by track: one GeoTIFF per relative orbit "
            "and orbit direction in OUTPUT_FOLDER, named like ASCENDING_044.tif, with one band per date and "
            "polarisation (YYYY-MM-DD_VV, YYYY-MM-DD_VH and, with RATIO, YYYY-MM-DD_VVVH = VV/VH in linear "
            "power). Values are gamma0 in linear power as published, or in dB (10·log10) with DB. The frames "
            "of one pass are merged; no-data and layover/shadow pixels (when the product carries a mask) "
            "are nodata. The Quegan & Yu multi-temporal speckle filter averages the speckle over the dates "
            "of a track while keeping each date's local mean; it needs two dates or more per track. All "
            "tracks share one grid (without TARGET_CRS: the UTM zone most scenes lie in), so their "
            "timescans (Timescan, with SAR_DB for dB stacks) can be mosaicked across tracks."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                self.ITEMS, self.tr("Scenes (STAC ItemCollection JSON)"), extension="json"
            )
        )
        self.add_area_parameters()
        self.addParameter(
            QgsProcessingParameterCrs(
                self.TARGET_CRS,
                self.tr("Target CRS (default: the UTM zone most scenes lie in)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.RESOLUTION,
                self.tr("Resolution (target CRS units)"),
                QgsProcessingParameterNumber.Double,
                20.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.POLARIZATIONS, self.tr("Polarisations (comma-separated)"), defaultValue="VV,VH"
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.RATIO, self.tr("Add the co/cross-polarisation ratio (VV/VH)"), False
            )
        )
        self.addParameter(QgsProcessingParameterBoolean(self.DB, self.tr("Write backscatter in dB"), False))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.SPECKLE_FILTER,
                self.tr("Speckle filter"),
                options=[self.tr("None"), self.tr("Multi-temporal (Quegan & Yu)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SPECKLE_WINDOW, self.tr("Speckle filter window (pixels, odd)"),
                QgsProcessingParameterNumber.Integer, 5,
            )
        )  # fmt: skip
        self.addParameter(
            advanced(
                QgsProcessingParameterNumber(
                    self.CHUNK_SIZE,
                    self.tr("Chunk size (pixels)"),
                    QgsProcessingParameterNumber.Integer,
                    256,
                    False,
                    16,
                )
            )
        )
        self.add_allowed_roots_parameter()
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Folder of track stacks"))
        )
        self.addOutput(QgsProcessingOutputMultipleLayers(self.OUTPUT_LAYERS, self.tr("Track stacks")))
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_LOG, self.tr("Run log (JSON)")))
        self.addOutput(QgsProcessingOutputString(self.OUTPUT_CRS, self.tr("CRS of the stacks")))
        self.addOutput(QgsProcessingOutputString(self.TRACKS, self.tr("Tracks (comma-separated)")))
        self.addOutput(QgsProcessingOutputNumber(self.SCENES_SKIPPED, self.tr("Scenes skipped")))
        self.set_help({
            self.ITEMS: self.tr(
                "The Sentinel-1 scenes as the ItemCollection JSON written by 'Search scenes' "
                "(e.g. Planetary Computer's sentinel-1-rtc)."
            ),
            self.TARGET_CRS: self.tr(
                "Coordinate reference system of the grid every track shares; empty: the UTM "
                "zone most scenes lie in."
            ),
            self.RESOLUTION: self.tr(
                "Pixel size of the output grid, in the target CRS's units (metres for a UTM "
                "zone)."
            ),
            self.POLARIZATIONS: self.tr(
                "Polarisations to stack, separated by commas (VV, VH); one band per date and "
                "polarisation."
            ),
            self.RATIO: self.tr(
                "Add a VV/VH band per date (co/cross-polarisation ratio of the linear "
                "powers)."
            ),
            self.DB: self.tr(
                "Write backscatter in decibels (10·log10 of gamma0); unticked: linear power "
                "as published."
            ),
            self.SPECKLE_FILTER: self.tr(
                "Multi-temporal (Quegan & Yu) averages the speckle over a track's dates while"
                " keeping each date's local mean; needs two dates or more per track."
            ),
            self.SPECKLE_WINDOW: self.tr(
                "Side of the speckle filter's square window, in pixels (odd: 3, 5, 7…)."
            ),
            self.CHUNK_SIZE: self.tr(
                "Side of the square windows read and written at once, in pixels; smaller uses"
                " less memory."
            ),
            self.OUTPUT_FOLDER: self.tr(
                "Where the stacks are written: one GeoTIFF per relative orbit and orbit "
                "direction (ASCENDING_044.tif)."
            ),
        })  # fmt: skip

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback):
        items = self.parameterAsFile(parameters, self.ITEMS, context)
        if not items:
            raise self.fail(
                self.tr("ITEMS is empty: give the STAC ItemCollection JSON written by 'Search scenes'.")
            )
        crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        given = parameters.get(self.TARGET_CRS)
        if not crs.isValid() and given not in (None, "") and str(given).strip():
            raise self.fail(
                self.tr(
                    "TARGET_CRS: '{0}' is not a coordinate reference system QGIS knows; give an EPSG code "
                    "such as EPSG:32633, or leave it empty to use the scenes' predominant UTM zone."
                ).format(given)
            )
        bounds, bounds_crs = self.area_bounds(parameters, context)
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        settings = SarStackSettings(
            items=items,
            output_folder=folder,
            polarizations=split_list(self.parameterAsString(parameters, self.POLARIZATIONS, context)),
            ratio=self.parameterAsBool(parameters, self.RATIO, context),
            db=self.parameterAsBool(parameters, self.DB, context),
            speckle_filter=SPECKLE_FILTERS[self.parameterAsEnum(parameters, self.SPECKLE_FILTER, context)],
            speckle_window=self.parameterAsInt(parameters, self.SPECKLE_WINDOW, context),
            bounds=bounds,
            bounds_crs=bounds_crs,
            area_parameter=self.AOI if parameters.get(self.AOI) not in (None, "") else self.EXTENT,
            crs=(crs.authid() or crs.toWkt()) if crs.isValid() else None,
            resolution=self.parameterAsDouble(parameters, self.RESOLUTION, context),
            chunk_size=self.parameterAsInt(parameters, self.CHUNK_SIZE, context),
            allowed_roots=self.allowed_roots(parameters, context),
        )
        progress, is_cancelled = self.core_callbacks(feedback)
        with self.core_errors(self.tr("Sentinel-1 stacks")):
            result = sar_stacks(settings, progress=progress, is_cancelled=is_cancelled)
        for entry in result.skipped:
            feedback.pushWarning(
                self.tr("Skipped scene {0}: {1}").format(entry["id"], user_text(entry["reason"]))
            )
        for warning in result.warnings:
            feedback.pushWarning(user_text(warning))
        for stack in result.stacks:
            feedback.pushInfo(
                self.tr("{0}: {1} dates, {2} scenes").format(stack.track.name, len(stack.dates), stack.scenes)
            )
            layer = stack_layer(str(stack.path), stack.track.name, stack.dates, 1.0)
            context.temporaryLayerStore().addMapLayer(layer)
            details = QgsProcessingContext.LayerDetails(
                stack.track.name, context.project(), self.OUTPUT_LAYERS, QgsProcessingUtils.LayerHint.Raster
            )
            context.addLayerToLoadOnCompletion(layer.id(), details)
        return {
            self.OUTPUT_FOLDER: str(folder),
            self.OUTPUT_LAYERS: [str(path) for path in result.paths],
            self.OUTPUT_LOG: str(result.log),
            self.OUTPUT_CRS: result.crs,
            self.TRACKS: ",".join(stack.track.name for stack in result.stacks),
            self.SCENES_SKIPPED: len(result.skipped),
        }

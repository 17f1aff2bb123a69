"""``timestack:composite`` — annual cloud-free composites with spectral indices from a STAC ItemCollection.

A thin layer over :func:`..core.composite.annual.annual_composites`: it converts parameters (names are the
public contract of DESIGN.md), maps feedback to the core's progress/cancel callbacks and asks Processing
to load the stack. A layer post-processor styles it in false colour (swir1/nir/red) and adds a group with
one layer per year, each with that year as its fixed temporal range, so QGIS's Temporal Controller
animates the years.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputRasterLayer,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsRasterLayer,
    QgsRasterLayerTemporalProperties,
    QgsRectangle,
)

from ..core.composite.annual import annual_composites
from ..core.composite.settings import DEFAULT_MAX_GB, METHODS, CompositeSettings
from ..core.indices import REFLECTIVE_BANDS
from ..core.io.stack import OUTPUT_DTYPES, SCALE_INT16
from .algorithm import TimestackAlgorithm
from .params import (
    FIRST_LANDSAT_YEAR,
    LAST_YEAR,
    AllowedRootsParameter,
    AreaParameters,
    AssetCacheParameters,
    EarthdataParameter,
    IndexParameter,
    MaskParameters,
    SeasonParameters,
    advanced,
    defaults_optional,
)
from .styles import CompositeLayerStyler, composite_layers, keep_alive, year_range


class CompositeAlgorithm(
    AreaParameters,
    SeasonParameters,
    IndexParameter,
    MaskParameters,
    EarthdataParameter,
    AllowedRootsParameter,
    AssetCacheParameters,
    TimestackAlgorithm,
):
    """Annual composites of the scenes of an ItemCollection onto one grid."""

    ITEMS = "ITEMS"
    TARGET_CRS = "TARGET_CRS"
    RESOLUTION = "RESOLUTION"
    START_YEAR = "START_YEAR"
    END_YEAR = "END_YEAR"
    METHOD = "METHOD"
    PERCENTILE = "PERCENTILE"
    BANDS = "BANDS"
    TDOM = "TDOM"
    TDOM_STATISTICS = "TDOM_STATISTICS"
    OUTPUT_TDOM_STATISTICS = "OUTPUT_TDOM_STATISTICS"
    HARMONIZE = "HARMONIZE"
    FILL_EMPTY_YEARS = "FILL_EMPTY_YEARS"
    OUTPUT_TYPE = "OUTPUT_TYPE"
    CHUNK_SIZE = "CHUNK_SIZE"
    MAX_GB = "MAX_GB"
    DASK_SCHEDULER = "DASK_SCHEDULER"
    OUTPUT = "OUTPUT"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_OBSERVATION = "OUTPUT_OBSERVATION"
    OUTPUT_LOG = "OUTPUT_LOG"
    SCENES_USED = "SCENES_USED"
    SCENES_SKIPPED = "SCENES_SKIPPED"
    EMPTY_YEARS = "EMPTY_YEARS"
    UNREADABLE_YEARS = "UNREADABLE_YEARS"
    ENGINE = "ENGINE"
    EE_RESULT = "EE_RESULT"
    EE_FOLDER = "EE_FOLDER"
    OUTPUT_EE_TASK = "OUTPUT_EE_TASK"

    ENGINES = ("local", "earthengine")

    def name(self) -> str:
        return "composite"

    def displayName(self) -> str:
        return self.tr("Annual composites")

    def shortHelpString(self) -> str:
        return self.tr(
            "Builds one cloud-free composite per year from the scenes of a STAC ItemCollection (the JSON "
            "written by 'Search scenes', or the sample archive's items.json): Landsat 4–9 Collection 2 "
            "Level-2 and Sentinel-2 L2A, read onto one grid, masked with QA_PIXEL/QA_RADSAT or SCL (and "
            "optionally TDOM for missed cloud shadows), reduced per pixel by the medoid, median, mean, "
            "maximum NDVI or a percentile, plus spectral indices. A day-of-year window that wraps the new "
            "year (start > end) is labelled by the year it ends in. The stack has one band per year and "
            "variable, named YYYY_name; years without scenes stay as nodata. Medoid and max-NDVI also "
            "write the day of year and source scene of every pixel. A JSON run log lists the scenes used "
            "and the scenes skipped, with the reason."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                self.ITEMS, self.tr("Scenes (STAC ItemCollection JSON)"), extension="json", optional=True
            )
        )
        self.add_area_parameters()
        self.addParameter(
            QgsProcessingParameterCrs(
                self.TARGET_CRS, self.tr("Target CRS (default: the scenes' CRS)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.RESOLUTION,
                self.tr("Resolution (target CRS units)"),
                QgsProcessingParameterNumber.Double,
                30.0,
            )
        )
        integer = QgsProcessingParameterNumber.Integer
        for name, label, default in (
            (self.START_YEAR, self.tr("First year"), 1985),
            (self.END_YEAR, self.tr("Last year"), 2024),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(
                    name, label, integer, default, minValue=FIRST_LANDSAT_YEAR, maxValue=LAST_YEAR
                )
            )
        self.add_season_parameters()
        self.addParameter(
            QgsProcessingParameterEnum(
                self.METHOD,
                self.tr("Compositing method"),
                options=[
                    self.tr("Medoid"),
                    self.tr("Median"),
                    self.tr("Mean"),
                    self.tr("Maximum NDVI"),
                    self.tr("Percentile"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.BANDS,
                self.tr("Bands"),
                options=list(REFLECTIVE_BANDS),
                allowMultiple=True,
                defaultValue=list(range(len(REFLECTIVE_BANDS))),
                optional=True,
            )
        )
        self.add_index_parameter()
        self.add_mask_parameters(self.tr("Mask"), confidences=True)
        self.addParameter(
            QgsProcessingParameterBoolean(self.TDOM, self.tr("TDOM: mask dark outliers (shadows)"), False)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.HARMONIZE, self.tr("Harmonise OLI to ETM+"), False)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.FILL_EMPTY_YEARS, self.tr("Keep years without scenes (nodata)"), True
            )
        )
        advanced_parameters = [
            QgsProcessingParameterNumber(
                self.PERCENTILE,
                self.tr("Percentile (method Percentile)"),
                QgsProcessingParameterNumber.Double,
                50.0,
                False,
                0.0,
                100.0,
            ),
            QgsProcessingParameterFile(
                self.TDOM_STATISTICS,
                self.tr("Precomputed TDOM statistics (GeoTIFF)"),
                extension="tif",
                optional=True,
            ),
            QgsProcessingParameterEnum(
                self.OUTPUT_TYPE,
                self.tr("Output data type"),
                options=[self.tr("Int16, reflectance × 10000"), self.tr("Float32")],
                defaultValue=0,
            ),
            QgsProcessingParameterNumber(
                self.CHUNK_SIZE, self.tr("Chunk size (pixels)"), integer, 256, False, 16
            ),
            QgsProcessingParameterNumber(
                self.MAX_GB,
                self.tr("Refuse runs larger than (GB of output or working memory)"),
                QgsProcessingParameterNumber.Double,
                DEFAULT_MAX_GB,
                False,
                0.001,
            ),
            QgsProcessingParameterString(
                self.DASK_SCHEDULER,
                self.tr("dask.distributed scheduler address (empty: local threads)"),
                optional=True,
            ),
            QgsProcessingParameterEnum(
                self.ENGINE,
                self.tr("Engine"),
                options=[self.tr("Local"), self.tr("Google Earth Engine")],
                defaultValue=0,
            ),
            QgsProcessingParameterEnum(
                self.EE_RESULT,
                self.tr("Earth Engine result"),
                options=[
                    self.tr("Streamed map layers (one per year)"),
                    self.tr("Export task to Google Drive"),
                ],
                defaultValue=0,
            ),
            QgsProcessingParameterString(
                self.EE_FOLDER, self.tr("Google Drive folder of the export"), defaultValue="timestack"
            ),
        ]
        for parameter in advanced_parameters:
            self.addParameter(advanced(parameter))
        self.add_earthdata_parameter()
        self.add_allowed_roots_parameter()
        self.add_asset_cache_parameters()
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Composite stack")))
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                self.OUTPUT_FOLDER,
                self.tr("Folder for per-year GeoTIFFs and VRT mosaics"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(
            QgsProcessingOutputRasterLayer(self.OUTPUT_OBSERVATION, self.tr("Day of year and source scene"))
        )
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_LOG, self.tr("Run log (JSON)")))
        self.addOutput(
            QgsProcessingOutputFile(
                self.OUTPUT_TDOM_STATISTICS, self.tr("TDOM statistics (reusable as TDOM_STATISTICS)")
            )
        )
        self.addOutput(QgsProcessingOutputString(self.OUTPUT_EE_TASK, self.tr("Earth Engine export task id")))
        # What a successful run could not deliver, for scripts and models as much as for the log.
        self.addOutput(QgsProcessingOutputNumber(self.SCENES_USED, self.tr("Scenes used")))
        self.addOutput(QgsProcessingOutputNumber(self.SCENES_SKIPPED, self.tr("Scenes skipped")))
        self.addOutput(
            QgsProcessingOutputString(self.EMPTY_YEARS, self.tr("Years without data (comma-separated)"))
        )
        self.addOutput(
            QgsProcessingOutputString(
                self.UNREADABLE_YEARS, self.tr("Years whose every scene was unreadable (comma-separated)")
            )
        )
        defaults_optional(self)  # a model that sets a few parameters validates; the rest run as default

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback):
        if self.ENGINES[self.parameterAsEnum(parameters, self.ENGINE, context)] == "earthengine":
            return self._earthengine(parameters, context, feedback)
        if not self.parameterAsFile(parameters, self.ITEMS, context):
            raise self.fail(
                self.tr("ITEMS is empty: give the STAC ItemCollection JSON written by 'Search scenes'.")
            )
        crs = self.target_crs(parameters, context)
        bounds, bounds_crs = self.area_bounds(parameters, context)
        bands = [REFLECTIVE_BANDS[i] for i in self.parameterAsEnums(parameters, self.BANDS, context)]
        output = Path(self.parameterAsOutputLayer(parameters, self.OUTPUT, context))
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        statistics = self.parameterAsFile(parameters, self.TDOM_STATISTICS, context)
        dtype = OUTPUT_DTYPES[self.parameterAsEnum(parameters, self.OUTPUT_TYPE, context)]
        try:
            settings = CompositeSettings(
                items=self.parameterAsFile(parameters, self.ITEMS, context),
                output=output,
                start_year=self.parameterAsInt(parameters, self.START_YEAR, context),
                end_year=self.parameterAsInt(parameters, self.END_YEAR, context),
                doy_start=self.parameterAsInt(parameters, self.DOY_START, context),
                doy_end=self.parameterAsInt(parameters, self.DOY_END, context),
                method=METHODS[self.parameterAsEnum(parameters, self.METHOD, context)],
                percentile=self.parameterAsDouble(parameters, self.PERCENTILE, context),
                bands=bands,
                indices=self.index_names(parameters, context),
                mask=self.mask_options(parameters, context),
                tdom=self.parameterAsBoolean(parameters, self.TDOM, context),
                tdom_statistics=Path(statistics) if statistics else None,
                harmonize=self.parameterAsBoolean(parameters, self.HARMONIZE, context),
                fill_empty_years=self.parameterAsBoolean(parameters, self.FILL_EMPTY_YEARS, context),
                bounds=bounds,
                bounds_crs=bounds_crs,
                area_parameter=self.AOI if parameters.get(self.AOI) not in (None, "") else self.EXTENT,
                crs=(crs.authid() or crs.toWkt()) if crs.isValid() else None,
                resolution=self.parameterAsDouble(parameters, self.RESOLUTION, context),
                output_dtype=dtype,
                output_folder=Path(folder) if folder and folder != QgsProcessing.TEMPORARY_OUTPUT else None,
                chunk_size=self.parameterAsInt(parameters, self.CHUNK_SIZE, context),
                max_gb=self.parameterAsDouble(parameters, self.MAX_GB, context),
                allowed_roots=self.allowed_roots(parameters, context),
                cache_folder=self.asset_cache(parameters, context)[0],
                cache_max_gb=self.asset_cache(parameters, context)[1],
                dask_scheduler=self.parameterAsString(parameters, self.DASK_SCHEDULER, context).strip()
                or None,
            )
            progress, is_cancelled = self.core_callbacks(feedback)
            settings = replace(settings, earthdata_headers=self.earthdata_headers(parameters, context))
            with self.core_errors(self.tr("Composite")):
                result = annual_composites(settings, progress=progress, is_cancelled=is_cancelled)
        except ValueError as error:  # OSError: the base class names the file's parameter
            raise self.fail(self.tr("Composite failed: {0}").format(error)) from error

        for entry in result.skipped:
            feedback.pushWarning(self.tr("Skipped scene {0}: {1}").format(entry["id"], entry["reason"]))
        for warning in result.warnings:
            feedback.pushWarning(self.tr("Incomplete result: {0}").format(warning))
        name = self.tr("Composite {0}–{1}").format(settings.start_year, settings.end_year)
        stack, year_layers = composite_layers(
            str(result.stack), name, result.years, SCALE_INT16 if dtype == "int16" else 1.0
        )
        for layer in (stack, *year_layers):
            context.temporaryLayerStore().addMapLayer(layer)
        styler = CompositeLayerStyler(
            [layer.id() for layer in year_layers], result.years, self.tr("{0} by year").format(name)
        )
        details = QgsProcessingContext.LayerDetails(
            name, context.project(), self.OUTPUT, QgsProcessingUtils.LayerHint.Raster
        )
        details.setPostProcessor(keep_alive(styler))
        context.addLayerToLoadOnCompletion(stack.id(), details)
        return {
            self.OUTPUT: str(result.stack),
            self.OUTPUT_FOLDER: str(settings.output_folder) if settings.output_folder else None,
            self.OUTPUT_OBSERVATION: str(result.observation) if result.observation else None,
            self.OUTPUT_LOG: str(result.log),
            self.OUTPUT_TDOM_STATISTICS: str(result.tdom_statistics) if result.tdom_statistics else None,
            self.SCENES_USED: result.scenes_used,
            self.SCENES_SKIPPED: len(result.skipped),
            self.EMPTY_YEARS: ",".join(str(year) for year in result.empty_years),
            self.UNREADABLE_YEARS: ",".join(str(year) for year in result.unreadable_years),
        }

    def target_crs(self, parameters, context):
        """TARGET_CRS, or a clear error when it was given but names no CRS (``EPSG:99999``).

        Processing turns an unknown CRS into an invalid one, which would otherwise read as "not given"
        and silently fall back to the scenes' CRS.
        """
        crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        given = parameters.get(self.TARGET_CRS)
        if not crs.isValid() and given not in (None, "") and str(given).strip():
            raise self.fail(
                self.tr(
                    "TARGET_CRS: '{0}' is not a coordinate reference system QGIS knows; give an EPSG code "
                    "such as EPSG:32633, or leave it empty to use the scenes' CRS."
                ).format(given)
            )
        return crs

    def _earthengine(self, parameters, context: QgsProcessingContext, feedback) -> dict:
        """The same composite computed by Earth Engine: XYZ layers per year, or a started export task."""
        from ..core.earthengine.composite import (
            EarthEngineComposite,
            ensure_initialized,
            export_task,
            tile_url,
        )

        bounds, bounds_crs = self.area_bounds(parameters, context)
        if bounds is None:
            raise self.fail(
                self.tr("ENGINE earthengine needs EXTENT or AOI: the region Earth Engine composites.")
            )
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        if method != "medoid":
            message = self.tr("METHOD: ENGINE earthengine computes medoid composites only; {0} runs locally.")
            raise self.fail(message.format(method))
        if self.parameterAsBoolean(parameters, self.TDOM, context):
            raise self.fail(
                self.tr("TDOM: not available with ENGINE earthengine; switch it off or run locally.")
            )
        if self.parameterAsString(parameters, self.ITEMS, context):
            feedback.pushWarning(
                self.tr("ITEMS is not used by ENGINE earthengine: it composites Landsat 4-9 collections.")
            )
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        transform = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem(bounds_crs), wgs84, context.transformContext()
        )
        box = transform.transformBoundingBox(QgsRectangle(*bounds))
        try:
            settings = EarthEngineComposite(
                region=(box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()),
                start_year=self.parameterAsInt(parameters, self.START_YEAR, context),
                end_year=self.parameterAsInt(parameters, self.END_YEAR, context),
                doy_start=self.parameterAsInt(parameters, self.DOY_START, context),
                doy_end=self.parameterAsInt(parameters, self.DOY_END, context),
                bands=[REFLECTIVE_BANDS[i] for i in self.parameterAsEnums(parameters, self.BANDS, context)],
                indices=self.index_names(parameters, context),
                mask=self.mask_options(parameters, context),
                harmonize=self.parameterAsBoolean(parameters, self.HARMONIZE, context),
            )
            ensure_initialized()
            if self.parameterAsEnum(parameters, self.EE_RESULT, context) == 1:
                crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
                task = export_task(
                    settings,
                    f"timestack_composite_{settings.start_year}_{settings.end_year}",
                    self.parameterAsString(parameters, self.EE_FOLDER, context),
                    crs.authid() if crs.isValid() and crs.authid() else "EPSG:4326",
                    self.parameterAsDouble(parameters, self.RESOLUTION, context),
                )
                task.start()
                feedback.pushInfo(self.tr("Earth Engine export task started: {0}").format(task.id))
                return {self.OUTPUT_EE_TASK: task.id}
            for number, year in enumerate(range(settings.start_year, settings.end_year + 1)):
                if feedback.isCanceled():
                    raise self.fail(self.tr("Composite cancelled; no layer was added."))
                url = tile_url(settings, year).replace("&", "%26").replace("=", "%3D")
                layer = QgsRasterLayer(f"type=xyz&url={url}&zmin=0&zmax=20", str(year), "wms")
                temporal = layer.temporalProperties()
                temporal.setIsActive(True)
                temporal.setMode(QgsRasterLayerTemporalProperties.ModeFixedTemporalRange)
                temporal.setFixedTemporalRange(year_range(year))
                context.temporaryLayerStore().addMapLayer(layer)
                details = QgsProcessingContext.LayerDetails(
                    str(year), context.project(), self.OUTPUT, QgsProcessingUtils.LayerHint.Raster
                )
                context.addLayerToLoadOnCompletion(layer.id(), details)
                feedback.setProgress(100.0 * (number + 1) / (settings.end_year - settings.start_year + 1))
        except ValueError as error:
            raise self.fail(self.tr("Composite failed: {0}").format(error)) from error
        return {}

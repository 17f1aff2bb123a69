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
from ..core.composite.settings import METHODS, CompositeSettings
from ..core.indices import REFLECTIVE_BANDS
from ..core.io.stack import SCALE_INT16
from .algorithm import TimestackAlgorithm, user_message, user_text
from .params import (
    FIRST_LANDSAT_YEAR,
    LAST_YEAR,
    AllowedRootsParameter,
    AreaParameters,
    AssetCacheParameters,
    EarthdataParameter,
    IndexParameter,
    MaskParameters,
    SceneGridParameters,
    SeasonParameters,
    advanced,
    defaults_optional,
    with_help,
)
from .styles import CompositeLayerStyler, composite_layers, keep_alive, year_range


class CompositeAlgorithm(
    SceneGridParameters,
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

    START_YEAR = "START_YEAR"
    END_YEAR = "END_YEAR"
    METHOD = "METHOD"
    PERCENTILE = "PERCENTILE"
    TDOM = "TDOM"
    TDOM_STATISTICS = "TDOM_STATISTICS"
    OUTPUT_TDOM_STATISTICS = "OUTPUT_TDOM_STATISTICS"
    HARMONIZE = "HARMONIZE"
    FILL_EMPTY_YEARS = "FILL_EMPTY_YEARS"
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
        self.add_items_parameter()
        self.add_area_parameters()
        self.add_grid_parameters(self.tr("Target CRS (default: the scenes' CRS)"))
        integer = QgsProcessingParameterNumber.Integer
        years_help = self.tr(
            "The years of the stack, first and last included (calendar years; a season that wraps the new "
            "year is labelled by the year it ends in); one composite per year"
        )
        for name, label, default in (
            (self.START_YEAR, self.tr("First year"), 1985),
            (self.END_YEAR, self.tr("Last year"), 2024),
        ):
            year = QgsProcessingParameterNumber(
                name, label, integer, default, minValue=FIRST_LANDSAT_YEAR, maxValue=LAST_YEAR
            )
            self.addParameter(with_help(year, years_help))
        self.add_season_parameters()
        method = QgsProcessingParameterEnum(
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
        method_help = self.tr(
            "How a pixel's clear observations of a year become one value: the medoid (the observation "
            "closest to the median in all bands), the per-band median, mean or percentile, or the "
            "observation with the highest NDVI"
        )
        self.addParameter(with_help(method, method_help))
        self._add_composite_inputs()
        self.add_run_parameters("int16")
        self._add_engine_parameters()
        self.add_earthdata_parameter()
        self.add_allowed_roots_parameter()
        self.add_asset_cache_parameters()
        self._add_outputs()
        self.set_help({
            self.PERCENTILE: self.tr(
                "With method Percentile: which percentile of each pixel's clear observations in a year is "
                "kept, from 0 (the lowest) to 100 (the highest); 50 is the median."
            ),
            self.TDOM_STATISTICS: self.tr(
                "The TDOM statistics GeoTIFF written by an earlier run (OUTPUT_TDOM_STATISTICS) over the "
                "same scenes and grid, so TDOM does not read every scene twice; empty: computed here."
            ),
            self.ENGINE: self.tr(
                "Where the composite is computed: Local reads the scenes of ITEMS on this computer; Google "
                "Earth Engine composites Landsat Collection 2 on Google's servers."
            ),
            self.EE_RESULT: self.tr(
                "With Google Earth Engine: stream each year as a map layer (nothing downloaded), or start "
                "an export task writing the stack to your Google Drive."
            ),
            self.EE_FOLDER: self.tr(
                "With an export to Google Drive: the Drive folder the exported stack is written to."
            ),
        })  # fmt: skip
        defaults_optional(self)  # a model that sets a few parameters validates; the rest run as default

    def _add_composite_inputs(self) -> None:
        """Bands, indices, masks, TDOM, harmonisation and empty years; percentile and statistics."""
        self.add_bands_parameter()
        self.add_index_parameter()
        self.add_mask_parameters(self.tr("Mask"), confidences=True)
        switches = (
            (
                self.TDOM,
                self.tr("TDOM: mask dark outliers (shadows)"),
                False,
                self.tr(
                    "Also mask cloud shadows the QA layer missed: pixels much darker in NIR and SWIR1 than "
                    "their mean over all scenes (Temporal Dark Outlier Mask; a first pass over every scene)"
                ),
            ),
            (
                self.HARMONIZE,
                self.tr("Harmonise OLI to ETM+"),
                False,
                self.tr(
                    "Convert Landsat 8/9 OLI reflectance to Landsat 7 ETM+ (Roy et al. 2016), so sensors "
                    "mix without a step in the series"
                ),
            ),
            (
                self.FILL_EMPTY_YEARS,
                self.tr("Keep years without scenes (nodata)"),
                True,
                self.tr(
                    "Keep a band for every year of the range, nodata where no scene was found, so "
                    "LandTrendr sees every year; off: only years with scenes"
                ),
            ),
        )
        for name, label, default, help_text in switches:
            self.addParameter(with_help(QgsProcessingParameterBoolean(name, label, default), help_text))
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
        ]
        for parameter in advanced_parameters:
            self.addParameter(advanced(parameter))

    def _add_engine_parameters(self) -> None:
        """ENGINE and the Earth Engine result and export folder (advanced)."""
        engine_parameters = [
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
        for parameter in engine_parameters:
            self.addParameter(advanced(parameter))

    def _add_outputs(self) -> None:
        """The stack, the per-year folder and the outputs a run reports."""
        stack = QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Composite stack"))
        stack_help = self.tr(
            "The stack GeoTIFF (COG): one band per year and variable, named YYYY_name; reflectance × 10000 "
            "as Int16 unless OUTPUT_TYPE is Float32"
        )
        self.addParameter(with_help(stack, stack_help))
        folder = QgsProcessingParameterFolderDestination(
            self.OUTPUT_FOLDER,
            self.tr("Folder for per-year GeoTIFFs and VRT mosaics"),
            optional=True,
            createByDefault=False,
        )
        folder_help = self.tr(
            "Also write one GeoTIFF per year and, per variable, a VRT over the years into this folder; "
            "empty: the stack only"
        )
        self.addParameter(with_help(folder, folder_help))
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

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback):
        if self.ENGINES[self.parameterAsEnum(parameters, self.ENGINE, context)] == "earthengine":
            return self._earthengine(parameters, context, feedback)
        output = Path(self.parameterAsOutputLayer(parameters, self.OUTPUT, context))
        shared = self.stack_settings(parameters, context, output, self.tr("the scenes' CRS"))
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        statistics = self.parameterAsFile(parameters, self.TDOM_STATISTICS, context)
        dtype = shared["output_dtype"]
        try:
            settings = CompositeSettings(
                **shared,
                start_year=self.parameterAsInt(parameters, self.START_YEAR, context),
                end_year=self.parameterAsInt(parameters, self.END_YEAR, context),
                doy_start=self.parameterAsInt(parameters, self.DOY_START, context),
                doy_end=self.parameterAsInt(parameters, self.DOY_END, context),
                method=METHODS[self.parameterAsEnum(parameters, self.METHOD, context)],
                percentile=self.parameterAsDouble(parameters, self.PERCENTILE, context),
                tdom=self.parameterAsBoolean(parameters, self.TDOM, context),
                tdom_statistics=Path(statistics) if statistics else None,
                harmonize=self.parameterAsBoolean(parameters, self.HARMONIZE, context),
                fill_empty_years=self.parameterAsBoolean(parameters, self.FILL_EMPTY_YEARS, context),
                output_folder=Path(folder) if folder and folder != QgsProcessing.TEMPORARY_OUTPUT else None,
            )
            progress, is_cancelled = self.core_callbacks(feedback)
            earthdata, catalog_login = self.read_logins(parameters, context, settings.items)
            settings = replace(settings, earthdata_headers=earthdata, catalog_login=catalog_login)
            with self.core_errors(self.tr("Composite")):
                result = annual_composites(settings, progress=progress, is_cancelled=is_cancelled)
        except ValueError as error:  # OSError: the base class names the file's parameter
            raise self.fail(self.tr("Composite failed: {0}").format(user_message(error))) from error

        for entry in result.skipped:
            feedback.pushWarning(
                self.tr("Skipped scene {0}: {1}").format(entry["id"], user_text(entry["reason"]))
            )
        for warning in result.warnings:
            feedback.pushWarning(self.tr("Incomplete result: {0}").format(user_text(warning)))
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

    def _earthengine(self, parameters, context: QgsProcessingContext, feedback) -> dict:
        """The same composite computed by Earth Engine: XYZ layers per year, or a started export task."""
        from ..core.earthengine.composite import (
            EarthEngineComposite,
            export_task,
            tile_url,
        )
        from ..core.earthengine.login import ensure_initialized

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
            ensure_initialized(parameter=self.ENGINE)
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
            raise self.fail(self.tr("Composite failed: {0}").format(user_message(error))) from error
        return {}

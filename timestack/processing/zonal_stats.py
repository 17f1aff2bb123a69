"""``timestack:zonalstats`` — statistics of every polygon over time, as a long table.

Over time stacks (composites, LandTrendr fitted values, timescans: band descriptions ``YYYY_name``)
or over the individual scenes of a search result, each scene cloud-masked first. The numbers are
exactextract's (coverage-weighted); see ``timestack.core.zonal.statistics`` for the statistics and
``timestack.core.zonal.compile`` for weekly/monthly/yearly/whole-period compilation.
"""

import os
from contextlib import nullcontext
from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from ..core.zonal.options import DEFAULT_STATISTICS, PERIODS
from .algorithm import TimestackAlgorithm, user_message
from .params import (
    AllowedRootsParameter,
    AssetCacheParameters,
    DaskParameter,
    EarthdataParameter,
    IndexParameter,
    MaskParameters,
    SizeLimitParameter,
    defaults_optional,
    split_list,
)


class ZonalStatsAlgorithm(
    IndexParameter,
    MaskParameters,
    EarthdataParameter,
    AllowedRootsParameter,
    AssetCacheParameters,
    DaskParameter,
    SizeLimitParameter,
    TimestackAlgorithm,
):
    """Polygon statistics over time stacks or per masked scene; long CSV, wide CSV, table layers."""

    POLYGONS = "POLYGONS"
    ID_FIELD = "ID_FIELD"
    INPUT = "INPUT"
    ITEMS = "ITEMS"
    BANDS = "BANDS"
    STATS = "STATS"
    PERCENTILES = "PERCENTILES"
    COMPILE = "COMPILE"
    MIN_VALID_FRACTION = "MIN_VALID_FRACTION"
    OUTPUT = "OUTPUT"
    OUTPUT_WIDE = "OUTPUT_WIDE"
    POLYGONS_MEASURED = "POLYGONS_MEASURED"
    POLYGONS_WITHOUT_PIXELS = "POLYGONS_WITHOUT_PIXELS"
    ROWS = "ROWS"
    #: OGR reads the polygons from their file (found by :meth:`prepareAlgorithm`), not as features.
    FILE_INPUTS = (POLYGONS,)

    def name(self) -> str:
        return "zonalstats"

    def displayName(self) -> str:
        return self.tr("Polygon statistics over time")

    def shortHelpString(self) -> str:
        about = self.tr(
            "Statistics of every polygon (stand, field, catchment) over time, computed exactly with "
            "exactextract (each pixel weighted by the share of it the polygon covers).\n\n"
            "Give either time stacks (INPUT: composites, LandTrendr fitted values or timescans whose "
            "band descriptions start with the date, e.g. 1990_nbr) or a search result (ITEMS: "
            "ItemCollection JSON or stac-geoparquet); scenes are cloud-masked with QA_PIXEL or SCL "
            "before the bands and indices in BANDS/INDICES are measured.\n\n"
            "The output is a long table (id, date, variable, one column per statistic); valid_fraction "
            "is the unmasked share of the polygon. COMPILE aggregates dates to weeks, months, years or "
            "the whole period, weighting each date by its valid pixel count, after dropping dates whose "
            "valid fraction is below MIN_VALID_FRACTION. Count, mean, std, min and max of a period are "
            "exact; a period's median and percentiles are the count-weighted mean of the dates' values, "
            "an approximation (the exact value needs every pixel). The optional wide table has one row per "
            "polygon and can be joined to the polygons by their id."
        )
        cluster = self.tr(
            "DASK_SCHEDULER (advanced) measures chunks of 100 polygons per stack, or one scene at a time, "
            "on a dask.distributed cluster; its workers read the stacks or scenes themselves, so local "
            "files must be at the same path on them (a shared file system)."
        )
        return f"{about}\n\n{cluster}"

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.POLYGONS, self.tr("Polygons"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ID_FIELD, self.tr("Polygon id field"), parentLayerParameterName=self.POLYGONS
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.INPUT,
                self.tr("Time stacks (bands named YYYY_variable)"),
                QgsProcessing.TypeRaster,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.ITEMS,
                self.tr("Scenes (ItemCollection JSON or stac-geoparquet), instead of stacks"),
                fileFilter="STAC (*.json *.geojson *.parquet)",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.BANDS, self.tr("Bands (comma separated; stacks: empty = all)"), optional=True
            )
        )
        self.add_index_parameter(default="")
        self.addParameter(
            QgsProcessingParameterEnum(
                self.STATS,
                self.tr("Statistics"),
                options=list(DEFAULT_STATISTICS),
                allowMultiple=True,
                defaultValue=list(range(len(DEFAULT_STATISTICS))),
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.PERCENTILES, self.tr("Percentiles (comma separated, e.g. 10, 90)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.COMPILE,
                self.tr("Compile dates"),
                options=[
                    self.tr("None (every date)"),
                    self.tr("Weekly"),
                    self.tr("Monthly"),
                    self.tr("Yearly"),
                    self.tr("Whole period"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_VALID_FRACTION,
                self.tr("Minimum valid fraction of a polygon to keep a date"),
                QgsProcessingParameterNumber.Double,
                0.0,
                minValue=0.0,
                maxValue=1.0,
            )
        )
        self.add_mask_parameters(self.tr("Mask in scenes"), confidences=False, advanced_mask=True)
        self.add_earthdata_parameter()
        self.add_allowed_roots_parameter()
        self.add_asset_cache_parameters()
        self.add_dask_parameter()
        self.add_max_gb_parameter()
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("Statistics (long table)"), "CSV (*.csv)"
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_WIDE,
                self.tr("Wide table (one row per polygon, the mean or first statistic)"),
                "CSV (*.csv)",
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(
            QgsProcessingOutputNumber(
                self.POLYGONS_MEASURED, self.tr("Polygons with a valid pixel on at least one date")
            )
        )
        self.addOutput(
            QgsProcessingOutputNumber(
                self.POLYGONS_WITHOUT_PIXELS,
                self.tr("Polygons without a valid pixel on any date (all counts 0)"),
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.ROWS, self.tr("Rows in the long table (0: empty)")))
        defaults_optional(self)  # a model that sets a few parameters validates; the rest run as default
        self.set_help({
            self.POLYGONS: self.tr(
                "The polygons (stands, plots, fields) whose pixels are summarised, one row per polygon and "
                "date; reprojected to each raster's CRS, pixels weighted by the share inside the polygon."
            ),
            self.ID_FIELD: self.tr("The polygons' field that identifies each polygon in the tables."),
            self.INPUT: self.tr(
                "Time stacks whose band descriptions start with the date (1990_nbr): composites, "
                "LandTrendr's fitted values, timescans; or give ITEMS instead."
            ),
            self.ITEMS: self.tr(
                "The scenes of 'Search scenes' (ItemCollection JSON or stac-geoparquet), summarised per "
                "scene date after masking; instead of time stacks."
            ),
            self.BANDS: self.tr(
                "Variables to summarise, separated by commas (nbr, red…); empty: every variable of the "
                "stacks (scenes: give BANDS or INDICES)."
            ),
            self.STATS: self.tr(
                "Statistics of each polygon's valid pixels per date, in the variable's own unit (count: "
                "pixels; valid_fraction: 0–1 share of the polygon with a valid pixel)."
            ),
            self.PERCENTILES: self.tr(
                "Percentiles of each polygon's valid pixels to add, separated by commas, each from 0 to "
                "100 (10, 90: the 10th and 90th); empty: none."
            ),
            self.COMPILE: self.tr(
                "Combine the dates of each polygon into weekly, monthly, yearly or whole-period rows, "
                "weighted by their valid pixel counts; None keeps one row per date."
            ),
            self.MIN_VALID_FRACTION: self.tr(
                "Drop a polygon's date when less than this share of the polygon (0–1) has valid pixels, "
                "e.g. 0.5 for a mostly clouded scene; 0 keeps every date."
            ),
            self.OUTPUT: self.tr(
                "The long table (CSV): one row per polygon, date and variable, one column per statistic."
            ),
            self.OUTPUT_WIDE: self.tr(
                "Optional wide table (CSV): one row per polygon, one column per date and variable, holding "
                "the mean (or the first statistic)."
            ),
        })  # fmt: skip

    def checkParameterValues(self, parameters, context):
        """Refuse a POLYGONS or INPUT file that is missing, empty or unreadable by name, before Processing
        says only "Incorrect parameter value" or "not found" (for an empty file)."""
        for name, raster in ((self.POLYGONS, False), (self.INPUT, True)):
            problem = self._layer_file_problem(name, parameters.get(name), raster, context)
            if problem:
                return False, problem
        return super().checkParameterValues(parameters, context)

    def _layer_file_problem(self, name: str, value, raster: bool, context) -> str:
        """What is wrong with the local files ``value`` names; "" when they open, or are not files (layer
        objects, project layers by id or name, databases and URLs are left to Processing)."""
        from osgeo import gdal

        for item in value if isinstance(value, (list, tuple)) else [value]:
            if not isinstance(item, str) or not item.strip():
                continue
            path = item.split("|", 1)[0].strip()
            if "://" in path or path.startswith(("memory:", "/vsi", "postgres", "dbname=")):
                continue
            if not os.path.exists(path):
                if os.sep in path and QgsProcessingUtils.mapLayerFromString(item, context) is None:
                    return self.tr("{0}: {1} does not exist; choose an existing file.").format(name, path)
                continue
            if os.path.isfile(path) and os.path.getsize(path) == 0:
                return self.tr("{0}: {1} is empty (0 bytes); write it again or choose another file.").format(
                    name, path
                )
            gdal.PushErrorHandler("CPLQuietErrorHandler")
            try:
                opened = gdal.OpenEx(path, gdal.OF_RASTER if raster else gdal.OF_VECTOR)
            finally:
                gdal.PopErrorHandler()
            if opened is not None:
                continue
            if raster:
                return self.tr(
                    "INPUT: {0} is not a raster GDAL can read (damaged, or another kind of file); choose "
                    "a time stack GeoTIFF whose bands are named YYYY_variable."
                ).format(path)
            return self.tr(
                "POLYGONS: {0} is not a vector layer GDAL can read (damaged, or another kind of file); "
                "choose a polygon layer (GeoPackage, shapefile, GeoJSON)."
            ).format(path)
        return ""

    def _statistics(self, parameters, context) -> list:
        chosen = [DEFAULT_STATISTICS[i] for i in self.parameterAsEnums(parameters, self.STATS, context)]
        percentiles = split_list(self.parameterAsString(parameters, self.PERCENTILES, context))
        for value in percentiles:
            if not value.isdigit() or not 0 <= int(value) <= 100:
                raise self.fail(
                    self.tr("PERCENTILES: {0} is not a whole number from 0 to 100.").format(value)
                )
        return chosen + [f"p{int(value)}" for value in percentiles]

    def _check_indices(self, indices: list) -> None:
        """Refuse an index a scene cannot give by the INDICES name (the core sees bands and indices as one
        list and would blame BANDS)."""
        from ..core.indices import BAND_ALIASES, INDICES

        for name in indices:
            if name.upper() not in INDICES and name.lower() not in BAND_ALIASES:
                raise self.fail(
                    self.tr("INDICES: {0} is not an index Timestack computes; use one of {1}.").format(
                        name, ", ".join(INDICES)
                    )
                )

    #: POLYGONS as a file OGR reads and its layer name, found by :meth:`prepareAlgorithm`.
    _polygons_file: Optional[tuple] = None

    def _polygons_source(self, parameters, context, feedback) -> tuple:
        """POLYGONS as (file, layer name): the layer's own file, or a copy Processing writes of a layer
        OGR cannot read (a memory or database layer)."""
        return self.parameterAsCompatibleSourceLayerPathAndLayerName(
            parameters, self.POLYGONS, context, ["gpkg", "shp", "geojson", "fgb"], "gpkg", feedback
        )

    def _polygons(self, parameters, context, feedback):
        path, layer = self._polygons_file or self._polygons_source(parameters, context, feedback)
        from ..core.zonal.statistics import read_polygons

        id_field = self.parameterAsString(parameters, self.ID_FIELD, context)
        polygons = read_polygons(path, id_field, layer or None)
        for polygon_id in polygons.repaired:
            feedback.pushWarning(
                self.tr("Polygon {0}: invalid geometry repaired (MakeValid).").format(polygon_id)
            )
        return polygons

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """Import exactextract and find the polygons' file here, in the main thread, before the run moves
        to a worker.

        exactextract's native (pybind11) module imported first by a dock run's worker thread, a pool
        thread that later ends, crashed QGIS in a later run from another thread (SIGSEGV/SIGBUS inside
        exactextract). POLYGONS is often a layer of the project, which only the main thread may read
        (:mod:`.layer_inputs`). A missing or unsafe exactextract, or polygons Processing cannot read,
        are left for the run to explain.
        """
        from ..core import native

        try:
            native.exactextract()
        except (ImportError, native.NativeLibraryError):
            pass
        self._polygons_file = None
        if parameters.get(self.POLYGONS) not in (None, ""):
            try:
                self._polygons_file = self._polygons_source(parameters, context, feedback)
            except QgsProcessingException:
                pass
        return super().prepareAlgorithm(parameters, context, feedback)

    def processAlgorithm(self, parameters, context, feedback):
        # pandas and exactextract are imported by the run, not when QGIS registers the algorithm
        from ..core.io.cache import AssetCache
        from ..core.native import NativeLibraryError
        from ..core.zonal.compile import compile_statistics
        from ..core.zonal.scenes import find_scenes, scene_statistics
        from ..core.zonal.statistics import (
            polygons_without_pixels,
            wide_table,
            write_csv_tables,
            zonal_statistics,
        )

        progress, is_cancelled = self.core_callbacks(feedback)
        stacks = [layer.source for layer in self.input_layers(parameters, self.INPUT, context)]
        items_path = self.parameterAsFile(parameters, self.ITEMS, context)
        if bool(stacks) == bool(items_path):
            raise self.fail(
                self.tr("Give either time stacks (INPUT) or scenes (ITEMS), not both and not neither.")
            )
        indices = split_list(self.parameterAsString(parameters, self.INDICES, context))
        variables = split_list(self.parameterAsString(parameters, self.BANDS, context)) + indices
        if items_path:
            self._check_indices(indices)
        period = PERIODS[self.parameterAsEnum(parameters, self.COMPILE, context)]
        min_valid = self.parameterAsDouble(parameters, self.MIN_VALID_FRACTION, context)
        statistics = self._statistics(parameters, context)
        # count is always measured: it tells the polygons that got no pixel, which must be reported
        measured = statistics if "count" in statistics else [*statistics, "count"]
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        wide_output = self.parameterAsFileOutput(parameters, self.OUTPUT_WIDE, context)
        try:
            with self.core_errors(self.tr("Polygon statistics")):
                polygons = self._polygons(parameters, context, feedback)
                scheduler = self.dask_scheduler(parameters, context)
                if stacks:
                    table = zonal_statistics(
                        stacks, polygons, measured, variables or None, progress, is_cancelled, scheduler
                    )
                else:
                    roots = self.allowed_roots(parameters, context)
                    items = find_scenes(items_path, polygons, allowed_roots=roots)
                    feedback.pushInfo(self.tr("{0} scenes over the polygons").format(len(items)))
                    cache_folder, cache_gb = self.asset_cache(parameters, context)
                    cache = AssetCache(cache_folder, cache_gb * 1e9) if cache_folder else nullcontext()
                    earthdata, catalog_login = self.read_logins(parameters, context, items_path)
                    with cache:
                        table = scene_statistics(
                            items,
                            polygons,
                            variables,
                            measured,
                            self.mask_options(parameters, context),
                            progress,
                            is_cancelled,
                            earthdata_headers=earthdata,
                            cache=cache if cache_folder else None,
                            catalog_login=catalog_login,
                            dask_scheduler=scheduler,
                            max_gb=self.max_gb(parameters, context),
                        )
                without = polygons_without_pixels(table, polygons.ids)
                if "count" not in statistics:
                    table = table.drop(columns="count")
                table = compile_statistics(table, period, min_valid)
                shown = "mean" if "mean" in statistics else statistics[0]
                wide = wide_table(table, shown) if wide_output else None
        except ValueError as exc:  # a library's refusal of the data (core errors are mapped above)
            raise self.fail(user_message(exc)) from exc
        except NativeLibraryError as exc:
            raise self.fail(
                self.tr("Polygon statistics cannot run safely in this QGIS session: {0}").format(exc)
            ) from exc
        self._report_empty(feedback, without, len(polygons.ids), len(table), min_valid, bool(stacks))
        write_csv_tables([(table, output)] + ([(wide, wide_output)] if wide is not None else []))
        self.load_on_completion(
            context, str(output), self.tr("Polygon statistics"), self.OUTPUT, raster=False
        )
        results = {
            self.OUTPUT: str(output),
            self.POLYGONS_MEASURED: len(polygons.ids) - len(without),
            self.POLYGONS_WITHOUT_PIXELS: len(without),
            self.ROWS: len(table),
        }
        if wide is not None:
            self.load_on_completion(
                context, wide_output, self.tr("Polygon statistics (wide)"), self.OUTPUT_WIDE, raster=False
            )
            results[self.OUTPUT_WIDE] = wide_output
        feedback.pushInfo(self.tr("{0} rows written to {1}").format(len(table), output))
        return results

    def _report_empty(self, feedback, without: list, polygons: int, rows: int, min_valid, stacks: bool):
        """Warn of polygons that got no valid pixel and of a table left without rows: an empty result
        must not pass for a measured one."""
        source = "INPUT" if stacks else "ITEMS"
        if without and len(without) == polygons:
            feedback.pushWarning(
                self.tr(
                    "No polygon covers a valid pixel of {0} on any date: every count is 0 and every other "
                    "statistic empty. Check that POLYGONS lie over the data (their extent and CRS) and, "
                    "for scenes, that MASK leaves pixels."
                ).format(source)
            )
        elif without:
            shown = ", ".join(str(polygon_id) for polygon_id in without[:10])
            if len(without) > 10:
                shown += ", …"
            feedback.pushWarning(
                self.tr(
                    "{0} of {1} polygons cover no valid pixel of {2} on any date (count 0, other "
                    "statistics empty): {3}."
                ).format(len(without), polygons, source, shown)
            )
        if not rows and len(without) < polygons:
            feedback.pushWarning(
                self.tr(
                    "No date of any polygon reaches MIN_VALID_FRACTION {0}: the table has no rows. "
                    "Lower MIN_VALID_FRACTION."
                ).format(min_valid)
            )

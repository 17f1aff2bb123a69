"""``timestack:timescan`` — temporal metrics of any dated stack, one band per variable and metric.

The metrics are :mod:`timestack.core.timescan.metrics` (OpenSARToolkit's timescan definitions, NaN-aware);
this module turns parameters into the core's arguments and loads the result.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..core.io.engine import EngineStats
from ..core.timescan.metrics import DEFAULT_METRICS, HARMONICS, METRICS, parse_metrics
from ..core.timescan.raster import run_timescan_raster, run_timescan_tiles
from .algorithm import TimestackAlgorithm, user_message
from .params import DaskParameter, SizeLimitParameter, TileParameters, split_list
from .styles import TimescanStyler, keep_alive


class TimescanAlgorithm(TileParameters, DaskParameter, SizeLimitParameter, TimestackAlgorithm):
    """Per-pixel statistics over time of a stack whose band descriptions carry dates."""

    INPUT = "INPUT"
    METRICS = "METRICS"
    VARIABLES = "VARIABLES"
    SAR_DB = "SAR_DB"
    OUTLIERS = "OUTLIERS"
    OUTPUT = "OUTPUT"

    CORE_ARGUMENTS = {"stack_path": "INPUT", "metrics": "METRICS", "variables": "VARIABLES"}

    def name(self) -> str:
        return "timescan"

    def displayName(self) -> str:
        return self.tr("Timescan (temporal metrics)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Summarises a time stack per pixel: any stack whose band descriptions carry dates (YYYY_name, "
            "YYYY-MM-DD_name or YYYYMMDD_name: composites, LandTrendr fits, per-date stacks). METRICS: {0}; "
            "pXX for any percentile (linear interpolation); 'percentiles' for p5 and p95; 'harmonics' for "
            "{1} of an annual sine/cosine regression on the real dates (needs 5 observations). Missing "
            "values are left out. SAR_DB: the stack is dB backscatter; statistics are computed on linear "
            "power and avg, min, max, median and percentiles are reported in dB (std and cov stay linear). "
            "OUTLIERS drops, in pixels with at least 5 observations, values outside mean ± 2 std of the "
            "p5–p95 values. OUTPUT has one band per variable and metric, named variable_metric. "
            "TILE_SIZE, or TILES (a grid layer: one tile per cell on the stack, named by TILES_ID_FIELD), "
            "with TILES_FOLDER runs tile by tile, resumable after a crash or a cancel; the result is then "
            "TILES_FOLDER/timescan.vrt."
        ).format(", ".join(METRICS), ", ".join(HARMONICS))

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Time stack (dated band descriptions)"))
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.METRICS, self.tr("Metrics (comma-separated)"), defaultValue=", ".join(DEFAULT_METRICS)
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.VARIABLES, self.tr("Variables (comma-separated; empty = all)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SAR_DB, self.tr("SAR backscatter in dB (statistics on power)"), False
            )
        )
        self.addParameter(QgsProcessingParameterBoolean(self.OUTLIERS, self.tr("Remove outliers"), False))
        self.add_dask_parameter()
        self.add_tile_parameters()
        self.add_max_gb_parameter()
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Timescan")))
        self.set_help({
            self.METRICS: self.tr(
                "Per-pixel statistics over time, one band per variable and metric: avg, min, max, median, "
                "std, cov, count, percentiles as pXX (p5, p95), harmonics (amplitude, phase, trend, "
                "residuals, model_mean)."
            ),
            self.VARIABLES: self.tr("The variables of the stack to summarise (nbr, vv); empty: all."),
            self.SAR_DB: self.tr(
                "The stack holds backscatter in dB: statistics are taken on linear power and avg, min, "
                "max, median and percentiles reported in dB."
            ),
            self.OUTLIERS: self.tr(
                "Before any metric, drops values outside the mean ± 2 standard deviations of the p5-p95 "
                "values (pixels with 5 or more observations)."
            ),
        })  # fmt: skip
        self.set_help({
            self.INPUT: self.tr(
                "The time stack to summarise: bands whose descriptions are dated (YYYY-MM-"
                "DD_variable or YYYY_variable). Bands with GDAL scale and offset tags are summarised "
                "on their physical values (stored × scale + offset), and OUTPUT is in those units."
            ),
            self.OUTPUT: self.tr(
                "The timescan (GeoTIFF): per variable, one band per statistic over the dates."
            ),
        })  # fmt: skip

    def checkParameterValues(self, parameters, context):
        """Refuse unknown metrics in the dialog, before anything runs."""
        try:
            parse_metrics(split_list(self.parameterAsString(parameters, self.METRICS, context)))
        except ValueError as exc:
            return False, user_message(exc)
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        path, output = self.stack_and_output(parameters, context)
        progress, is_cancelled = self.core_callbacks(feedback)
        tiles, tiles_folder = self.tiling(parameters, context, path, feedback)
        stats = EngineStats()
        with self.core_errors(self.tr("Timescan")):
            if tiles:
                written, skipped = run_timescan_tiles(
                    path, tiles_folder, tiles,
                    split_list(self.parameterAsString(parameters, self.METRICS, context)),
                    split_list(self.parameterAsString(parameters, self.VARIABLES, context)) or None,
                    self.parameterAsBoolean(parameters, self.SAR_DB, context),
                    self.parameterAsBoolean(parameters, self.OUTLIERS, context),
                    progress, is_cancelled, max_gb=self.max_gb(parameters, context),
                )  # fmt: skip
                if skipped:
                    feedback.pushInfo(self.tr("Resumed: {0} tiles were already finished.").format(skipped))
                return self._loaded(context, written)
            written = run_timescan_raster(
                path,
                output,
                split_list(self.parameterAsString(parameters, self.METRICS, context)),
                split_list(self.parameterAsString(parameters, self.VARIABLES, context)) or None,
                sar_db=self.parameterAsBoolean(parameters, self.SAR_DB, context),
                outliers=self.parameterAsBoolean(parameters, self.OUTLIERS, context),
                dask_scheduler=self.dask_scheduler(parameters, context),
                max_gb=self.max_gb(parameters, context),
                progress=progress,
                is_cancelled=is_cancelled,
                stats=stats,
            )
        self.report_engine(feedback, stats)
        return self._loaded(context, written)

    def _loaded(self, context, written) -> dict:
        """Load and style the timescan at ``written`` when the run ends; the results."""
        self.load_on_completion(context, str(written), self.tr("Timescan"), self.OUTPUT, raster=True)
        styler = keep_alive(TimescanStyler.for_output(str(written)))
        context.layerToLoadOnCompletionDetails(str(written)).setPostProcessor(styler)
        return {self.OUTPUT: str(written)}

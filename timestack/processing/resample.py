"""``timestack:resample`` — a per-date stack summarised per month, season, year or custom period.

The periods and statistics are :mod:`timestack.core.timescan.resample`'s; this module maps parameters,
reports empty periods (they stay in the output as nodata) and loads the result.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ..core.io.engine import EngineStats
from ..core.timescan.resample import PERIODS, STATISTICS, resample_stack
from .algorithm import TimestackAlgorithm
from .params import SizeLimitParameter


class ResampleAlgorithm(SizeLimitParameter, TimestackAlgorithm):
    """Monthly, seasonal, annual or custom-period summaries of a dated stack on a real time axis."""

    INPUT = "INPUT"
    PERIOD = "PERIOD"
    DAYS = "DAYS"
    STATISTIC = "STATISTIC"
    OUTPUT = "OUTPUT"
    EMPTY_PERIODS = "EMPTY_PERIODS"

    def name(self) -> str:
        return "resample"

    def displayName(self) -> str:
        return self.tr("Resample a time stack (monthly, seasonal, annual)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Summarises every variable of a stack whose band descriptions carry dates (YYYY-MM-DD_name, "
            "YYYYMMDD_name or YYYY_name) per PERIOD: monthly, seasonal (DJF, MAM, JJA, SON; December "
            "counts towards the next year's winter), annual, or custom periods of DAYS days from the first "
            "date. STATISTIC is the mean, median, maximum, minimum or count of the valid observations of "
            "each period. Every period from the first to the last date is kept: a period without "
            "observations (no date in it, or dates that are all nodata) is nodata (count 0) and is "
            "reported in EMPTY_PERIODS; a pixel whose dates in a period are all nodata is nodata (count "
            "0) there too. OUTPUT bands are named "
            "<period start>_<variable>, so the result is a dated stack itself."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Per-date stack (dated band descriptions)"))
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.PERIOD,
                self.tr("Period"),
                options=[self.tr("Monthly"), self.tr("Seasonal (DJF, MAM, JJA, SON)"), self.tr("Annual"),
                         self.tr("Custom (DAYS)")],
                defaultValue=0,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DAYS, self.tr("Days per custom period"), QgsProcessingParameterNumber.Integer, 16,
                minValue=1,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterEnum(
                self.STATISTIC,
                self.tr("Statistic"),
                options=[self.tr("Mean"), self.tr("Median"), self.tr("Maximum"), self.tr("Minimum"),
                         self.tr("Count")],
                defaultValue=0,
            )
        )  # fmt: skip
        self.add_max_gb_parameter()
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Resampled stack")))
        self.addOutput(QgsProcessingOutputNumber(self.EMPTY_PERIODS, self.tr("Periods without observations")))
        self.set_help({
            self.PERIOD: self.tr(
                "The periods the dates are grouped into, one output band per period and variable: calendar "
                "months, seasons (DJF, MAM, JJA, SON), calendar years, or periods of DAYS days."
            ),
            self.DAYS: self.tr("The length of a custom period, in days (used with Custom only)."),
            self.STATISTIC: self.tr(
                "How a period's dates become one value per pixel; Count gives the number of valid "
                "observations."
            ),
        })  # fmt: skip
        self.set_help({
            self.INPUT: self.tr(
                "The per-date stack to resample: bands whose descriptions are dated (YYYY-MM-"
                "DD_variable). Bands with GDAL scale and offset tags are resampled on their physical "
                "values (stored × scale + offset), and OUTPUT is in those units."
            ),
            self.OUTPUT: self.tr("The resampled stack (GeoTIFF), one band per new date and variable."),
        })  # fmt: skip

    def processAlgorithm(self, parameters, context, feedback):
        path, output = self.stack_and_output(parameters, context)
        progress, is_cancelled = self.core_callbacks(feedback)
        stats = EngineStats()
        with self.core_errors(self.tr("Resampling")):
            result = resample_stack(
                path,
                output,
                PERIODS[self.parameterAsEnum(parameters, self.PERIOD, context)],
                STATISTICS[self.parameterAsEnum(parameters, self.STATISTIC, context)],
                self.parameterAsInt(parameters, self.DAYS, context),
                progress=progress,
                max_gb=self.max_gb(parameters, context),
                stats=stats,
                is_cancelled=is_cancelled,
            )
        self.report_engine(feedback, stats)
        empty = max(result.empty.values(), default=0)
        if empty:
            feedback.pushWarning(
                self.tr("{0} of {1} periods have no observation; they are nodata in the output.").format(
                    empty, len(result.starts)
                )
            )
        self.load_on_completion(
            context, str(result.path), self.tr("Resampled stack"), self.OUTPUT, raster=True
        )
        return {self.OUTPUT: str(result.path), self.EMPTY_PERIODS: empty}

"""``timestack:changemap`` — disturbance or recovery map from LandTrendr's segment table.

LT-GEE's change-map recipe (Kennedy et al. 2018, "Generate change maps"): filter the segments
(year of detection, magnitude or DSNR, duration, pre-change value), select one per pixel by a sort
rule, drop same-year patches below a minimum mapping unit. The numerics are
:mod:`timestack.core.changemap.maps`; this module maps parameters, reads the index's orientation from
the tags LandTrendr wrote, and styles the result with a year colour ramp and legend.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.changemap.maps import (
    SORTS,
    ChangeMapParams,
    run_changemap_raster,
)
from ..core.io.engine import EngineStats
from ..core.runtime import TimestackError
from .algorithm import TimestackAlgorithm
from .params import FIRST_LANDSAT_YEAR, LAST_YEAR, DaskParameter, SizeLimitParameter, defaults_optional
from .styles import YearRampPostProcessor, keep_alive


class ChangeMapAlgorithm(DaskParameter, SizeLimitParameter, TimestackAlgorithm):
    """One loss (or gain) event per pixel, plus every event per year, from LandTrendr segments."""

    INPUT = "INPUT"
    DIRECTION = "DIRECTION"
    SORT = "SORT"
    START_YEAR = "START_YEAR"
    END_YEAR = "END_YEAR"
    MAG = "MAG"
    DSNR = "DSNR"
    DUR = "DUR"
    PREVAL = "PREVAL"
    MMU = "MMU"
    INDEX_DIRECTION = "INDEX_DIRECTION"
    OUTPUT = "OUTPUT"
    OUTPUT_EVENTS = "OUTPUT_EVENTS"
    CHANGED_PIXELS = "CHANGED_PIXELS"

    CHANGES = ("loss", "gain")
    INDEX_DIRECTIONS = (None, -1, 1)
    #: Core argument -> Processing parameter, to name the parameter in errors.
    CORE_ARGUMENTS = {
        "year_range": "START_YEAR/END_YEAR",
        "min_magnitude": "MAG",
        "min_dsnr": "DSNR",
        "max_duration": "DUR",
        "min_preval": "PREVAL",
        "mmu": "MMU",
        "segments_path": "INPUT",
        "disturbance_direction": "INDEX_DIRECTION",
    }

    GROUP = QT_TRANSLATE_NOOP("TimestackAlgorithm", "Change detection")
    GROUP_ID = "change"

    def name(self) -> str:
        return "changemap"

    def displayName(self) -> str:
        return self.tr("LandTrendr change map")

    def shortHelpString(self) -> str:
        return self.tr(
            "Maps disturbance (loss) or recovery (gain) from the segment table of timestack:landtrendr.\n\n"
            "Segments are filtered first — year of detection (segment start + 1) within START_YEAR–END_YEAR, "
            "absolute magnitude above MAG and DSNR (magnitude / RMSE) above DSNR, duration at most DUR "
            "years, pre-change value at least PREVAL — then one is selected per "
            "pixel by SORT (greatest, least, newest, oldest, fastest, slowest, longest). MMU removes "
            "patches of the same year smaller than that many pixels (8-connected). MAG and PREVAL are in the "
            "units of the values LandTrendr fitted: as stored (an int16 composite stores indices x 10000, "
            "so MAG=1000 is a drop of 0.1 NBR), or physical where the stack's bands carry GDAL scale and "
            "offset tags (MAG=0.1 is a drop of 0.1 NBR).\n\n"
            "OUTPUT bands: yod, mag, dur, preval, rate, dsnr (NaN where nothing passed), styled by year. "
            "OUTPUT_EVENTS keeps every event: a loss and a gain magnitude band per year and the event "
            "counts (0 where none). CHANGED_PIXELS counts the pixels with a change; a map the filters "
            "left empty is reported with a warning.\n\n"
            "DASK_SCHEDULER (advanced) maps the windows on a dask.distributed cluster; MMU still runs here, "
            "so the result is the one a local run writes."
        )

    def initAlgorithm(self, config=None) -> None:
        double, integer = QgsProcessingParameterNumber.Double, QgsProcessingParameterNumber.Integer
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("LandTrendr segment table")))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DIRECTION,
                self.tr("Change"),
                options=[self.tr("Loss (disturbance)"), self.tr("Gain (recovery)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.SORT, self.tr("Select per pixel"), options=list(SORTS), defaultValue=0
            )
        )
        for name, label in (
            (self.START_YEAR, self.tr("First year of detection")),
            (self.END_YEAR, self.tr("Last year of detection")),
        ):
            self.addParameter(  # the first year is the segment table's own (_check_years)
                QgsProcessingParameterNumber(name, label, integer, optional=True, maxValue=LAST_YEAR)
            )
        self.addParameter(
            QgsProcessingParameterNumber(self.MAG, self.tr("Minimum magnitude"), double, 0.0, minValue=0.0)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DSNR, self.tr("Minimum DSNR (magnitude / RMSE)"), double, optional=True, minValue=0.0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DUR, self.tr("Maximum duration (years)"), double, optional=True, minValue=0.0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.PREVAL, self.tr("Minimum pre-change value"), double, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MMU, self.tr("Minimum mapping unit (pixels, 1 = off)"), integer, 1, minValue=1
            )
        )
        index_direction = QgsProcessingParameterEnum(
            self.INDEX_DIRECTION,
            self.tr("Index change on disturbance"),
            options=[
                self.tr("Automatic (as LandTrendr fitted it)"),
                self.tr("Decreases (like NBR, NDVI)"),
                self.tr("Increases (like TCB, SWIR)"),
            ],
            defaultValue=0,
        )
        index_direction.setFlags(index_direction.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(index_direction)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Change map")))
        self.addParameter(
            QgsProcessingParameterRasterDestination(
                self.OUTPUT_EVENTS,
                self.tr("Every event (per-year loss and gain magnitudes, counts)"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(
            QgsProcessingOutputNumber(self.CHANGED_PIXELS, self.tr("Pixels with a change (0: empty map)"))
        )
        self.add_dask_parameter()
        self.add_max_gb_parameter()
        defaults_optional(self)
        self.set_help({
            self.INPUT: self.tr("The segment table written by LandTrendr (OUTPUT_SEGMENTS)."),
            self.DIRECTION: self.tr(
                "Map disturbances (loss: the index moves away from forest) or recoveries "
                "(gain)."
            ),
            self.SORT: self.tr(
                "Which segment a pixel shows when several pass the filters: greatest or least"
                " magnitude, newest or oldest, fastest or slowest rate, longest duration."
            ),
            self.START_YEAR: self.tr(
                "Keep changes detected in this year or later (year of detection: the "
                "segment's start + 1); empty: from the first year."
            ),
            self.END_YEAR: self.tr("Keep changes detected in this year or earlier; empty: to the last year."),
            self.MAG: self.tr(
                "Keep changes whose absolute magnitude is above this, in the unit of the "
                "values LandTrendr fitted (an int16 composite stores indices × 10000: 1000 is "
                "0.1 NBR; a stack with GDAL scale tags is fitted on physical values: 0.1 is 0.1 NBR); "
                "0 keeps all."
            ),
            self.DSNR: self.tr(
                "Keep changes whose magnitude divided by the fit's RMSE is above this "
                "(unitless signal-to-noise); empty: no filter."
            ),
            self.DUR: self.tr(
                "Keep changes lasting at most this many years (1: abrupt changes only); "
                "empty: any duration."
            ),
            self.PREVAL: self.tr(
                "Keep changes whose value before the change is at least this, in the unit of "
                "the values LandTrendr fitted (see MAG); empty: no filter."
            ),
            self.MMU: self.tr(
                "Remove patches of change of the same year smaller than this many pixels "
                "(8-connected); 1 keeps every pixel."
            ),
            self.INDEX_DIRECTION: self.tr(
                "Whether the index decreases (NBR, NDVI) or increases (TCB, SWIR) on a "
                "disturbance; Automatic reads how LandTrendr fitted it from the segment "
                "table."
            ),
            self.OUTPUT: self.tr(
                "The change map: per pixel, the selected change's year of detection, "
                "magnitude, duration, value before, rate and DSNR (yod, mag, dur, preval, "
                "rate, dsnr; NaN where nothing passed)."
            ),
            self.OUTPUT_EVENTS: self.tr(
                "Optional: every event, a loss and a gain magnitude band per year and the "
                "event counts (0 where none)."
            ),
        })  # fmt: skip

    @staticmethod
    def _optional(parameters, name):
        value = parameters.get(name)
        return None if value is None or value == "" else value

    def _number(self, parameters, name, context):
        if self._optional(parameters, name) is None:
            return None
        return self.parameterAsDouble(parameters, name, context)

    def _tags(self, path: str) -> dict:
        """LandTrendr's tags of a segment table; refuses any other raster before work starts."""
        import rasterio

        with rasterio.open(path) as src:
            if not any((text or "").startswith("segment_") for text in src.descriptions):
                raise self.fail(
                    self.tr(
                        "INPUT: not a LandTrendr segment table; use the OUTPUT_SEGMENTS raster of "
                        "timestack:landtrendr (bands segment_<n>_<field>)."
                    )
                )
            return src.tags()

    def _index_direction(self, parameters, context, tags: dict) -> int:
        chosen = self.INDEX_DIRECTIONS[self.parameterAsEnum(parameters, self.INDEX_DIRECTION, context)]
        if chosen is not None:
            return chosen
        try:
            return int(tags["LANDTRENDR_DISTURBANCE_DIRECTION"])
        except (KeyError, ValueError) as exc:
            raise self.fail(
                self.tr(
                    "INDEX_DIRECTION: the input does not say how its index changes on disturbance "
                    "(it was not written by timestack:landtrendr); choose 'Decreases' or 'Increases'."
                )
            ) from exc

    def _check_years(self, params: ChangeMapParams, years: list) -> None:
        """Refuse a detection-year range that starts before Landsat (or before the table, when the table
        reaches further back: a typo such as 1900) or misses every year a change can be detected in.

        A segment's year of detection is its start + 1, so a fit over ``years`` detects changes from
        the year after its first (its second year, unless the stack skips years) to its last; a range
        outside them can only give an empty map.
        """
        if params.year_range is None or len(years) < 2:
            return
        first, last = params.year_range
        earliest = min(FIRST_LANDSAT_YEAR, years[0])
        if first < earliest:
            raise self.fail(
                self.tr(
                    "START_YEAR: {0} is before {1} (Landsat's first year, or the segment table's when it "
                    "starts earlier); choose a later year, or leave it empty."
                ).format(first, earliest)
            )
        if last < years[0] + 1 or first > years[-1]:  # years[0] + 1, not years[1]: the stack may skip years
            raise self.fail(
                self.tr(
                    "START_YEAR/END_YEAR: {0}–{1} misses every year of detection of this segment table "
                    "({2}–{3}); choose years inside it."
                ).format(first, last, years[0] + 1, years[-1])
            )

    def change_params(self, parameters, context, years: list) -> ChangeMapParams:
        """The core's filter/selection object from the Processing parameters."""
        start = self._number(parameters, self.START_YEAR, context)
        end = self._number(parameters, self.END_YEAR, context)
        year_range = None
        if start is not None or end is not None:
            first = int(start) if start is not None else (years[0] if years else -9999)
            last = int(end) if end is not None else (years[-1] if years else 9999)
            year_range = (first, last)
        return ChangeMapParams(
            change=self.CHANGES[self.parameterAsEnum(parameters, self.DIRECTION, context)],
            sort=SORTS[self.parameterAsEnum(parameters, self.SORT, context)],
            year_range=year_range,
            min_magnitude=self.parameterAsDouble(parameters, self.MAG, context),
            min_dsnr=self._number(parameters, self.DSNR, context),
            max_duration=self._number(parameters, self.DUR, context),
            min_preval=self._number(parameters, self.PREVAL, context),
            mmu=self.parameterAsInt(parameters, self.MMU, context),
        )

    def processAlgorithm(self, parameters, context, feedback):
        path = self.input_file(parameters, self.INPUT, context)
        if not path or not Path(path).is_file():
            raise self.fail(self.tr("INPUT: the segment table must be a raster file readable by GDAL."))
        tags = self._tags(path)
        years = [int(y) for y in tags.get("LANDTRENDR_YEARS", "").split(",") if y.strip()]
        direction = self._index_direction(parameters, context, tags)
        if not years:  # the core would ask for the years, which no parameter here gives
            raise self.fail(
                self.tr(
                    "INPUT: {0} does not record the years LandTrendr fitted (its LANDTRENDR_YEARS tag; a "
                    "mosaic keeps it only when every tile has the same years); use the segment table "
                    "timestack:landtrendr wrote (OUTPUT_SEGMENTS), or a mosaic of tiles of one run."
                ).format(path)
            )
        params = self.change_params(parameters, context, years)
        try:
            params.validate()
        except TimestackError as exc:
            raise self.fail(self.core_message(exc)) from exc
        self._check_years(params, years)
        change_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        events_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_EVENTS, context) or None
        progress, is_cancelled = self.core_callbacks(feedback)
        stats = EngineStats()
        with self.core_errors(self.tr("Change map")):
            written = run_changemap_raster(
                path, direction, params, change_path, events_path, years=years or None,
                progress=progress, is_cancelled=is_cancelled, stats=stats,
                dask_scheduler=self.dask_scheduler(parameters, context),
                max_gb=self.max_gb(parameters, context),
            )  # fmt: skip
        self.report_engine(feedback, stats)

        change = self.tr("gain") if params.change == "gain" else self.tr("loss")
        results = {self.OUTPUT: str(written["change"])}
        results[self.CHANGED_PIXELS] = changed_pixels(written["change"])
        if not results[self.CHANGED_PIXELS]:
            feedback.pushWarning(
                self.tr(
                    "No pixel passed the filters (MAG, DSNR, DUR, PREVAL, START_YEAR/END_YEAR, MMU): the "
                    "change map is empty. Loosen them, e.g. a smaller MMU or MAG."
                )
            )
        self.load_on_completion(
            context, results[self.OUTPUT], self.tr("Change map ({0}, {1})").format(change, params.sort),
            self.OUTPUT, raster=True,
        )  # fmt: skip
        if years:
            first, last = years[1], years[-1]
            if params.year_range is not None:
                first, last = max(first, params.year_range[0]), min(last, params.year_range[1])
            details = context.layerToLoadOnCompletionDetails(results[self.OUTPUT])
            details.setPostProcessor(keep_alive(YearRampPostProcessor(first, max(first, last))))
        if "events" in written:
            results[self.OUTPUT_EVENTS] = str(written["events"])
            self.load_on_completion(
                context,
                results[self.OUTPUT_EVENTS],
                self.tr("Change events"),
                self.OUTPUT_EVENTS,
                raster=True,
            )
        return results


def changed_pixels(path) -> int:
    """Pixels of a written change map with a year of detection, counted block by block."""
    import numpy as np
    import rasterio

    with rasterio.open(path) as src:
        return int(sum(np.isfinite(src.read(1, window=window)).sum() for _, window in src.block_windows(1)))

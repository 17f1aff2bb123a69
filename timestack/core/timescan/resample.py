"""Temporal resampling of a per-date stack: monthly, seasonal, annual or custom-period summaries.

Time is a real axis: every period between the first and the last date is in the output, in order, so a
month without a clear scene is a nodata band (and counted), not a missing one that would shift every
later band. Seasons are meteorological (DJF, MAM, JJA, SON); December belongs to the next year's DJF.
Each output band is described ``<period start YYYY-MM-DD>_<variable>``, so the result is itself a
dated stack for timescans, LandTrendr (annual) or polygon statistics.
"""

from __future__ import annotations

import datetime as dt
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence

import numpy as np

from ..io.engine import BLOCK_SIZE, EngineStats, OutputSpec, SourceSpec, run_windows
from ..runtime import QT_TRANSLATE_NOOP, IsCancelled, Message, Progress, TimestackError
from .raster import require_dates, stack_series

__all__ = ["PERIODS", "STATISTICS", "Resampled", "period_starts", "resample_stack"]

PERIODS = ("monthly", "seasonal", "annual", "custom")
STATISTICS = ("mean", "median", "max", "min", "count")

#: statistic -> reducer(values, axis) over the dates of a period.
_REDUCERS: dict[str, Callable[..., np.ndarray]] = {
    "mean": np.nanmean,
    "median": np.nanmedian,
    "max": np.nanmax,
    "min": np.nanmin,
    "count": lambda values, axis: np.isfinite(values).sum(axis=axis).astype(np.float64),
}


def _period_start(date: dt.date, period: str) -> dt.date:
    if period == "monthly":
        return date.replace(day=1)
    if period == "annual":
        return date.replace(month=1, day=1)
    month = (date.month // 3) * 3  # DJF starts in December, MAM in March, ...
    return dt.date(date.year - 1, 12, 1) if month == 0 else dt.date(date.year, month, 1)


def _next_start(start: dt.date, period: str, days: int) -> dt.date:
    if period == "custom":
        return start + dt.timedelta(days=days)
    months = {"monthly": 1, "seasonal": 3, "annual": 12}[period]
    month = start.month - 1 + months
    return dt.date(start.year + month // 12, month % 12 + 1, 1)


def period_starts(dates: Sequence[dt.date], period: str, days: int = 16) -> list[dt.date]:
    """The start of every period from the first to the last date, empty ones included.

    Parameters
    ----------
    dates
        The observations' dates.
    period
        ``monthly``, ``seasonal`` (DJF, MAM, JJA, SON), ``annual`` or ``custom``.
    days
        A ``custom`` period's length, in days from the first date (16: a Landsat revisit).

    Returns
    -------
    list of datetime.date
        Period starts, in order.

    Raises
    ------
    TimestackError
        Naming PERIOD or DAYS for an unknown period or a length below one day.
    """
    if period not in PERIODS:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "PERIOD: {0!r}; use one of {1}"),
            parameter="PERIOD",
            args=(period, ", ".join(PERIODS)),
        )
    if period == "custom" and days < 1:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "DAYS: a custom period lasts at least 1 day, got {0}"),
            parameter="DAYS",
            args=(days,),
        )
    first, last = min(dates), max(dates)
    start = first if period == "custom" else _period_start(first, period)
    starts = []
    while start <= last:
        starts.append(start)
        start = _next_start(start, period, days)
    return starts


@dataclass(frozen=True)
class Resampled:
    """What a resampling wrote: the file, its period starts, and per variable how many periods have no
    valid observation at any pixel (no date in them, or dates that are nodata everywhere): nodata bands."""

    path: Path
    starts: list[dt.date]
    empty: dict[str, int]


def resample_stack(
    stack_path: str | os.PathLike,
    output_path: str | os.PathLike,
    period: str = "monthly",
    statistic: str = "mean",
    days: int = 16,
    chunk_size: int = 2 * BLOCK_SIZE,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    stats: Optional[EngineStats] = None,
    max_gb: Optional[float] = None,
) -> Resampled:
    """Summarise every variable of a dated stack per period into a float32 GeoTIFF (NaN nodata).

    Values are the stack's physical values: bands with GDAL scale and offset tags are scaled when read
    (:class:`..io.engine.SourceSpec`), so the output, which carries no such tags, is in those units.

    Parameters
    ----------
    stack_path
        A raster whose band descriptions carry dates (see :mod:`..io.bands`).
    output_path
        The GeoTIFF to write; nothing is left there on error or cancel.
    period, days
        ``monthly``, ``seasonal`` (DJF, MAM, JJA, SON), ``annual`` or ``custom`` (``days`` long).
    statistic
        ``mean``, ``median``, ``max``, ``min`` or ``count`` of the valid observations of the period.

    Returns
    -------
    Resampled
        The output, the period starts and, per variable, the number of periods without observations:
        without dates, or whose dates are nodata at every pixel. Either way such a period is nodata
        (count 0) at every pixel, and a pixel whose dates in a period are all nodata is nodata (count 0)
        there too, as if the period had no date.

    Raises
    ------
    TimestackError
        For undated bands, unknown periods or statistics.
    Cancelled
        When ``is_cancelled()`` turns true.
    """
    import rasterio

    if statistic not in STATISTICS:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "STATISTIC: {0!r}; use one of {1}"),
            parameter="STATISTIC",
            args=(statistic, ", ".join(STATISTICS)),
        )
    with rasterio.open(stack_path) as src:
        series = stack_series(src.descriptions, Path(stack_path).stem.lower())
    require_dates(series, 2, Message(QT_TRANSLATE_NOOP("TimestackCore", "resampled periods")))
    all_dates = [date for entries in series.values() for date, _ in entries]
    starts = period_starts(all_dates, period, days)
    bounds = starts + [_next_start(starts[-1], period, days)]
    groups = {
        variable: [
            [i for i, (date, _) in enumerate(entries) if bounds[k] <= date < bounds[k + 1]]
            for k in range(len(starts))
        ]
        for variable, entries in series.items()
    }
    descriptions = [f"{start.isoformat()}_{variable}" for variable in series for start in starts]
    tags = {"RESAMPLE_PERIOD": period, "RESAMPLE_STATISTIC": statistic}
    output = OutputSpec(Path(output_path), len(descriptions), descriptions, tags)
    sources = {
        variable: SourceSpec(stack_path, [band for _, band in series[variable]]) for variable in series
    }
    reduce = _REDUCERS[statistic]
    # per variable and period: has any pixel a valid observation (a period whose dates are all nodata is
    # as empty as one without dates: both are nodata, count 0, everywhere in the output)
    observed = {variable: np.zeros(len(starts), dtype=bool) for variable in series}

    def kernel(_window, arrays):
        layers, seen = [], {}
        for variable, periods in groups.items():
            values = arrays[variable]
            valid = np.isfinite(values).any(axis=(1, 2))  # per date: any valid pixel in the window
            seen[variable] = np.array([valid[members].any() for members in periods], dtype=bool)
            for members in periods:
                if not members:
                    fill = 0.0 if statistic == "count" else np.nan
                    layers.append(np.full(values.shape[1:], fill))
                    continue
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN pixels stay NaN
                    layers.append(reduce(values[members], axis=0))
        return {"resampled": np.stack(layers), "observed": seen}

    def collect(_window, result) -> None:
        for variable, seen in result["observed"].items():
            observed[variable] |= seen

    run_windows(
        sources, {"resampled": output}, kernel, chunk_size,
        progress=progress, is_cancelled=is_cancelled,
        label=Message(QT_TRANSLATE_NOOP("TimestackCore", "Resample")), stats=stats, max_gb=max_gb,
        collect=collect,
    )  # fmt: skip
    empty = {variable: int(np.count_nonzero(~seen)) for variable, seen in observed.items()}
    return Resampled(Path(output_path), starts, empty)

"""A timescan of a dated GeoTIFF stack, window by window on the shared engine.

Any stack whose band descriptions carry dates (:mod:`..io.bands`: annual composites ``1990_nbr``, per-date
stacks ``2021-06-14_vv``, LandTrendr fits) is summarised per variable: one output band per variable and
metric, described ``<variable>_<metric>``, in the order variables first appear and metrics were asked.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

import numpy as np

from ..io.bands import labelled_bands
from ..io.engine import BLOCK_SIZE, EngineStats, OutputSpec, SourceSpec, run_windows
from ..runtime import QT_TRANSLATE_NOOP, IsCancelled, Message, Progress, TimestackError
from .metrics import DEFAULT_METRICS, HARMONICS, decimal_years, parse_metrics, timescan

if TYPE_CHECKING:
    from ..io.tiles import Tile

__all__ = ["HARMONIC_MIN_DATES", "require_dates", "run_timescan_raster", "stack_series"]


def stack_series(
    descriptions: Sequence[Optional[str]], default_variable: str
) -> dict[str, list[tuple[dt.date, int]]]:
    """Variable -> its ``(date, band number)`` in date order, from a stack's band descriptions.

    Parameters
    ----------
    descriptions
        The stack's band descriptions (``YYYY_name`` or ``YYYY-MM-DD_name``).
    default_variable
        The variable of bands described by a date alone.

    Returns
    -------
    dict
        Variable -> ``[(date, band number), ...]``.

    Raises
    ------
    TimestackError
        Naming INPUT for a band without a date or a date that appears twice for one variable.
    """
    undated = QT_TRANSLATE_NOOP(
        "TimestackCore",
        "INPUT: band {0} ({1}) carries no date; timescans need band descriptions such as "
        "1990_nbr, 2021-06-14_vv or 20210614"
    )  # fmt: skip
    series: dict[str, list[tuple[dt.date, int]]] = {}
    for band, label in labelled_bands(descriptions, undated):
        series.setdefault(label.variable or default_variable, []).append((label.date, band))
    for variable, entries in series.items():
        dates = [date for date, _ in entries]
        if len(set(dates)) != len(dates):
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "INPUT: {0} has two bands dated {1}"),
                parameter="INPUT",
                args=(variable, next(d for d in dates if dates.count(d) > 1)),
            )
        entries.sort()
    return series


#: Fewest dates a harmonic regression is fitted on (a mean, a trend and one sine/cosine pair + 1).
HARMONIC_MIN_DATES = 5


def _require_seasons(series: dict) -> None:
    """Refuse the harmonics on dates that share fewer than three days of the year (an annual stack).

    The harmonics fit a mean, a cosine and a sine of the day of the year: with every date on one or two
    days of the year those columns cannot be told apart and every pixel would come out NaN, with a run
    that looks successful.

    Raises
    ------
    TimestackError
        Naming METRICS, for the first variable whose dates are too few days of the year.
    """
    for variable, entries in series.items():
        days = {round(float(year) % 1.0, 6) for year in decimal_years([date for date, _ in entries])}
        if len(days) < 3:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "METRICS: the harmonics fit a cycle over the year, but the dates of {0} fall on {1} "
                    "day(s) of the year (an annual stack?); drop the harmonics or choose a stack of dates "
                    "spread over the year"
                ),
                parameter="METRICS",
                args=(variable, len(days)),
            )  # fmt: skip


def require_dates(series: dict, needed: int, purpose: Message, parameter: str = "INPUT") -> None:
    """Refuse a series whose variables have fewer than ``needed`` dates, before anything is written.

    One date cannot make a time series: every metric would be that value (or nodata) and the run would
    look successful.

    Parameters
    ----------
    series
        :func:`stack_series`' answer.
    needed
        The fewest dates a variable may have.
    purpose
        What the dates are needed for, said in the message (a :class:`Message`, so it is translated too).
    parameter
        The parameter the refusal names.

    Raises
    ------
    TimestackError
        A variable with fewer dates.
    """
    for variable, entries in series.items():
        if len(entries) < needed:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0}: {1} has {2} dated band(s) ({3}); {4} need at least {5} dates: choose a stack with "
                    "more of them"
                ),
                parameter=parameter,
                args=(parameter, variable, len(entries), entries[0][0], purpose, needed),
            )  # fmt: skip


def run_timescan_raster(
    stack_path: str | os.PathLike,
    output_path: str | os.PathLike,
    metrics: Sequence[str] = DEFAULT_METRICS,
    variables: Optional[Sequence[str]] = None,
    sar_db: bool = False,
    outliers: bool = False,
    chunk_size: int = 2 * BLOCK_SIZE,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    stats: Optional[EngineStats] = None,
    dask_scheduler: Optional[str] = None,
    max_gb: Optional[float] = None,
    name: Optional[str] = None,
) -> Path:
    """Write the timescan of ``stack_path`` to ``output_path`` (float32 GeoTIFF, NaN nodata).

    Metrics are of the stack's physical values: bands with GDAL scale and offset tags are scaled when
    read (:class:`..io.engine.SourceSpec`), so the output, which carries no such tags, is in those units.

    Parameters
    ----------
    stack_path
        A GeoTIFF (or any GDAL raster) with dated band descriptions.
    output_path
        The GeoTIFF to write; nothing is left there on error or cancel.
    metrics
        See :func:`.metrics.parse_metrics`.
    variables
        The variables to summarise (lower case); all of the stack's by default.
    sar_db, outliers
        See :func:`.metrics.timescan`.
    dask_scheduler
        A ``dask.distributed`` scheduler to run the metrics on (see :func:`..io.engine.run_windows`).
    name
        The variable of bands described by a date only; the stack's file name by default.

    Returns
    -------
    Path
        ``output_path``.

    Raises
    ------
    TimestackError
        For undated bands, unknown metrics or variables.
    Cancelled
        When ``is_cancelled()`` turns true.
    """
    import rasterio

    chosen = parse_metrics(metrics)
    with rasterio.open(stack_path) as src:
        series = stack_series(src.descriptions, (name or Path(stack_path).stem).lower())
    if variables:
        wanted = [name.lower() for name in variables]
        missing = [name for name in wanted if name not in series]
        if missing:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "VARIABLES: {0} not in the stack (it holds {1})"),
                parameter="VARIABLES",
                args=(", ".join(missing), ", ".join(series)),
            )
        series = {name: series[name] for name in wanted}
    require_dates(series, 2, Message(QT_TRANSLATE_NOOP("TimestackCore", "temporal metrics")))
    if any(metric in HARMONICS for metric in chosen):
        harmonics = Message(QT_TRANSLATE_NOOP("TimestackCore", "the harmonics"))
        require_dates(series, HARMONIC_MIN_DATES, harmonics, parameter="METRICS")
        _require_seasons(series)
    descriptions = [f"{variable}_{metric}" for variable in series for metric in chosen]
    tags = {"TIMESCAN_METRICS": ",".join(chosen), "TIMESCAN_SAR_DB": str(bool(sar_db))}
    output = OutputSpec(Path(output_path), len(descriptions), descriptions, tags)
    sources = {
        variable: SourceSpec(stack_path, [band for _, band in entries])
        for variable, entries in series.items()
    }
    dates = {variable: [date for date, _ in entries] for variable, entries in series.items()}

    def kernel(_window, arrays):
        return {
            "timescan": np.concatenate(
                [timescan(arrays[variable], dates[variable], chosen, sar_db, outliers) for variable in series]
            )
        }

    run_windows(
        sources, {"timescan": output}, kernel, chunk_size,
        progress=progress, is_cancelled=is_cancelled, label="Timescan", stats=stats, scheduler=dask_scheduler,
        max_gb=max_gb,
    )  # fmt: skip
    return Path(output_path)


def run_timescan_tiles(
    stack_path: str | os.PathLike,
    folder: str | os.PathLike,
    tiles: int | Sequence[Tile],
    metrics: Sequence[str] = DEFAULT_METRICS,
    variables: Optional[Sequence[str]] = None,
    sar_db: bool = False,
    outliers: bool = False,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    max_gb: Optional[float] = None,
) -> tuple[Path, int]:
    """:func:`run_timescan_raster` tile by tile into ``folder``, resumable (:func:`..io.tiles.run_tiled`;
    ``tiles`` a tile size in pixels or named windows): the mosaic ``timescan.vrt``, and how many tiles an
    earlier attempt had finished."""
    from ..io.tiles import run_tiled

    chosen = parse_metrics(metrics)
    name = Path(stack_path).stem
    run = {
        "metrics": list(chosen),
        "variables": list(variables or []),
        "sar_db": sar_db,
        "outliers": outliers,
    }

    def run_tile(source, paths, tile_progress, tile_cancelled) -> None:
        run_timescan_raster(
            source, paths["timescan"], chosen, variables, sar_db, outliers, progress=tile_progress,
            is_cancelled=tile_cancelled, name=name, max_gb=max_gb,
        )  # fmt: skip

    mosaics, skipped = run_tiled(
        stack_path, folder, ["timescan"], tiles, run_tile, run, progress, is_cancelled
    )
    return mosaics["timescan"], skipped

"""Timescan metrics: per-pixel statistics of a time series, NaN-aware, as REFERENCE.md defines them.

The definitions are OpenSARToolkit's timescan (``ost.generic.timescan.mt_metrics``), the workflow this
replaces, computed per pixel over its valid (finite) observations only:

- ``avg``, ``min``, ``max``, ``median``, ``std`` (population), ``cov`` = std / avg, ``pXX`` (any
  percentile 0-100, linear interpolation as numpy's default), ``count`` (valid observations).
- harmonics: the least-squares fit of ``trend * t + a * cos(2πt) + b * sin(2πt) + model_mean`` on real
  dates, ``t`` in years since 1970-01-01 counted as OST counts them (days / 366, a non-leap year
  skipping 29 February); ``amplitude`` = hypot(a, b), ``phase`` = atan2(b, a), ``residuals`` = the
  root mean square of the fit's residuals. Needs five valid observations (four unknowns and one degree
  of freedom); fewer give NaN.
- SAR mode: the input is dB; statistics are computed on linear power (10^(dB/10)) and avg, min, max,
  median and the percentiles are reported back in dB; std and cov stay in linear power; the harmonics
  are fitted to the dB values.
- Outlier removal (≥ 5 observations): values outside p5-p95 are set aside, the mean and population std
  of the rest taken, and every value outside mean ± 2 std dropped before any metric.

Unlike OST, the input is never modified (OST's NaN percentile fills its input's NaNs in place, which
then changes every later metric) and NaNs are simply left out rather than propagated.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import isleap
from typing import Sequence

import numpy as np

from ..pixel_blocks import block_count, blocks_on_demand
from ..runtime import QT_TRANSLATE_NOOP, TimestackError

__all__ = [
    "DEFAULT_METRICS",
    "HARMONICS",
    "METRICS",
    "decimal_years",
    "parse_metrics",
    "timescan",
    "warm_up",
]

#: Metrics by name, each a code for the kernel; percentiles are ``pXX`` on top of these.
METRICS = ("avg", "min", "max", "median", "std", "cov", "count")
HARMONICS = ("amplitude", "phase", "trend", "residuals", "model_mean")
#: What OST computes by default, plus the median, p5/p95 and the number of observations.
DEFAULT_METRICS = ("avg", "min", "max", "median", "std", "cov", "p5", "p95", "count")
#: Reported in dB in SAR mode (the others stay linear or are counts).
DB_METRICS = ("avg", "min", "max", "median")
#: The largest magnitude SAR_DB accepts: calibrated backscatter lies within about -50 to +30 dB; a value
#: beyond ±100 dB (a power ratio of 10^10, and 10^(v/10) overflows past 3,080) is an amplitude, linear
#: power or a digital number, whose "dB" statistics would be inf and NaN.
MAX_ABS_DB = 100.0

_CODES = {name: code for code, name in enumerate(METRICS + HARMONICS)}
_PERCENTILE_CODE = 100  # + the percentile, 0-100
_PERCENTILE = re.compile(r"^p(\d{1,3}(?:\.\d+)?)$")


def parse_metrics(names: Sequence[str]) -> tuple[str, ...]:
    """The metrics asked for, in order and each once; ``harmonics`` and ``percentiles`` expand.

    Parameters
    ----------
    names
        Metric names as typed (``avg``, ``p90``, ``harmonics``…), any case.

    Returns
    -------
    tuple of str
        The metrics, each once.

    Raises
    ------
    TimestackError
        Naming ``METRICS`` for an unknown name or a percentile outside 0-100.
    """
    chosen: list[str] = []
    for raw in names:
        name = raw.strip().lower()
        expanded = HARMONICS if name == "harmonics" else ("p5", "p95") if name == "percentiles" else (name,)
        for metric in expanded:
            match = _PERCENTILE.match(metric)
            if metric not in _CODES and not (match and 0 <= float(match.group(1)) <= 100):
                raise TimestackError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore",
                        "METRICS: {0!r} is not a metric; use {1}, harmonics, percentiles or pXX with XX from"
                        " 0 to 100"
                    ),
                    parameter="METRICS",
                    args=(raw, ", ".join(METRICS + HARMONICS)),
                )  # fmt: skip
            if metric not in chosen:
                chosen.append(metric)
    if not chosen:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "METRICS: name at least one metric"), parameter="METRICS"
        )
    return tuple(chosen)


def _code(metric: str) -> float:
    match = _PERCENTILE.match(metric)
    return _PERCENTILE_CODE + float(match.group(1)) if match else float(_CODES[metric])


def decimal_years(dates: Sequence[dt.date]) -> np.ndarray:
    """Dates as years since 1970-01-01, counted as OST does: days / 366, a non-leap year skipping 29 Feb.

    The harmonic fit's time axis: counted as OST counts it, so the amplitudes and phases match OST's.

    Parameters
    ----------
    dates
        The observations' dates.

    Returns
    -------
    numpy.ndarray
        float64 decimal years.
    """
    values = []
    for date in dates:
        day = (date - dt.date(date.year, 1, 1)).days
        if not isleap(date.year) and day >= 31 + 28:
            day += 1
        values.append(date.year + day / 366.0 - 1970.0)
    return np.asarray(values, dtype=np.float64)


def timescan(
    stack: np.ndarray,
    dates: Sequence[dt.date],
    metrics: Sequence[str] = DEFAULT_METRICS,
    sar_db: bool = False,
    outliers: bool = False,
) -> np.ndarray:
    """Timescan metrics of a time stack.

    Parameters
    ----------
    stack
        ``(dates, ...)`` values; NaN is a missing observation. Never modified.
    dates
        The acquisition date of each layer (used by the harmonics).
    metrics
        Metric names (see :func:`parse_metrics`).
    sar_db
        The values are dB backscatter: statistics on linear power, reported in dB.
    outliers
        Drop outliers before the metrics (pixels with at least five observations).

    Returns
    -------
    numpy.ndarray
        ``(metrics, ...)`` float64, one layer per metric in the order asked.

    Raises
    ------
    TimestackError
        For unknown metrics, dates that do not match the stack, and with ``sar_db`` values that cannot be
        dB backscatter (beyond :data:`MAX_ABS_DB`; names SAR_DB).
    """
    chosen = parse_metrics(metrics)
    values = np.asarray(stack, dtype=np.float64)
    if values.ndim < 1 or values.shape[0] != len(dates):
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "INPUT: {0} dates for a stack of {1} layers"),
            parameter="INPUT",
            args=(len(dates), values.shape[0] if values.ndim else 0),
        )
    if sar_db:
        _require_decibels(values)
    flat = np.ascontiguousarray(values.reshape(values.shape[0], -1))
    out = np.empty((len(chosen), flat.shape[1]))
    codes = np.array([_code(metric) for metric in chosen])
    from .kernels import timescan_kernel  # numba: imported by the first timescan, not at QGIS start

    with blocks_on_demand():
        timescan_kernel(
            flat, decimal_years(dates), codes, bool(sar_db), bool(outliers), block_count(flat.shape[1]), out
        )
    return out.reshape((len(chosen),) + values.shape[1:])


def _require_decibels(values: np.ndarray) -> None:
    """Refuse, naming SAR_DB, values whose magnitude exceeds :data:`MAX_ABS_DB` (NaN and inf left aside)."""
    magnitude = np.where(np.isfinite(values), np.abs(values), 0.0)
    if magnitude.size and magnitude.max() > MAX_ABS_DB:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "SAR_DB: the stack holds values such as {0}, which are not dB backscatter (within about -50 "
                "to +30 dB); untick SAR_DB for linear power, amplitude or other values, or convert the "
                "stack to dB first"
            ),
            parameter="SAR_DB",
            args=(f"{values.flat[magnitude.argmax()]:g}",),
        )  # fmt: skip


def warm_up() -> None:
    """Compile (or load from the user cache) the timescan kernel; call once in a background thread.

    Compiling the parallel kernel takes seconds the first time after an install: done at plugin load,
    the first timescan does not wait for it. Every call has the same argument types (float64 values,
    float codes, two flags), so one small call covers them all.
    """
    values = np.linspace(0.1, 0.9, 6 * 4).reshape(6, 2, 2)
    dates = [dt.date(2020, month, 1) for month in range(1, 12, 2)]
    timescan(values, dates, ["avg", "p5", "amplitude"], sar_db=False, outliers=True)

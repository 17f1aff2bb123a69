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

from ..numba_cache import configure_numba_cache
from ..runtime import QT_TRANSLATE_NOOP, TimestackError

configure_numba_cache()
import numba  # noqa: E402  (after the cache folder is set)

__all__ = [
    "DEFAULT_METRICS",
    "HARMONICS",
    "METRICS",
    "decimal_years",
    "parse_metrics",
    "timescan",
]

#: Metrics by name, each a code for the kernel; percentiles are ``pXX`` on top of these.
METRICS = ("avg", "min", "max", "median", "std", "cov", "count")
HARMONICS = ("amplitude", "phase", "trend", "residuals", "model_mean")
#: What OST computes by default, plus the median, p5/p95 and the number of observations.
DEFAULT_METRICS = ("avg", "min", "max", "median", "std", "cov", "p5", "p95", "count")
#: Reported in dB in SAR mode (the others stay linear or are counts).
DB_METRICS = ("avg", "min", "max", "median")

_CODES = {name: code for code, name in enumerate(METRICS + HARMONICS)}
_PERCENTILE_CODE = 100  # + the percentile, 0-100
_PERCENTILE = re.compile(r"^p(\d{1,3}(?:\.\d+)?)$")


def parse_metrics(names: Sequence[str]) -> tuple[str, ...]:
    """The metrics asked for, in order and each once; ``harmonics`` and ``percentiles`` expand.

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
    """Dates as years since 1970-01-01, counted as OST does: days / 366, a non-leap year skipping 29 Feb."""
    values = []
    for date in dates:
        day = (date - dt.date(date.year, 1, 1)).days
        if not isleap(date.year) and day >= 31 + 28:
            day += 1
        values.append(date.year + day / 366.0 - 1970.0)
    return np.asarray(values, dtype=np.float64)


@numba.njit(nogil=True, cache=True)
def _percentile(sorted_values, n, q):
    rank = q / 100.0 * (n - 1)
    low = int(np.floor(rank))
    high = min(low + 1, n - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (rank - low)


@numba.njit(nogil=True, cache=True)
def _harmonic_fit(t, y, n, out):
    """Least squares of y = trend·t + a·cos 2πt + b·sin 2πt + mean: out = (amp, phase, trend, rms, mean).

    Time is centred on its mean before the normal equations are solved (Gaussian elimination with
    partial pivoting), which keeps them well conditioned; the intercept is moved back to t = 0 after.
    """
    centre = 0.0
    for i in range(n):
        centre += t[i]
    centre /= n
    a = np.zeros((4, 5))
    row = np.empty(4)
    for i in range(n):
        row[0] = t[i] - centre
        row[1] = np.cos(2.0 * np.pi * t[i])
        row[2] = np.sin(2.0 * np.pi * t[i])
        row[3] = 1.0
        for j in range(4):
            for k in range(4):
                a[j, k] += row[j] * row[k]
            a[j, 4] += row[j] * y[i]
    for col in range(4):
        pivot = col
        for r in range(col + 1, 4):
            if abs(a[r, col]) > abs(a[pivot, col]):
                pivot = r
        if abs(a[pivot, col]) < 1e-12:
            out[:] = np.nan
            return
        for k in range(5):
            a[col, k], a[pivot, k] = a[pivot, k], a[col, k]
        for r in range(4):
            if r != col:
                factor = a[r, col] / a[col, col]
                for k in range(col, 5):
                    a[r, k] -= factor * a[col, k]
    trend = a[0, 4] / a[0, 0]
    cos_coef = a[1, 4] / a[1, 1]
    sin_coef = a[2, 4] / a[2, 2]
    level = a[3, 4] / a[3, 3]
    sse = 0.0
    for i in range(n):
        fitted = (
            trend * (t[i] - centre)
            + cos_coef * np.cos(2.0 * np.pi * t[i])
            + sin_coef * np.sin(2.0 * np.pi * t[i])
        )
        sse += (y[i] - level - fitted) ** 2
    out[0] = np.hypot(cos_coef, sin_coef)
    out[1] = np.arctan2(sin_coef, cos_coef)
    out[2] = trend
    out[3] = np.sqrt(sse / n)
    out[4] = level - trend * centre


@numba.njit(nogil=True, cache=True)
def _timescan_kernel(stack, t, codes, sar_db, outliers, out):
    """``out`` (metrics, pixels) from ``stack`` (observations, pixels); see the module docstring."""
    n_obs, n_pix = stack.shape
    values = np.empty(n_obs)
    times = np.empty(n_obs)
    decibels = np.empty(n_obs)
    ordered = np.empty(n_obs)
    fit = np.empty(5)
    wants_fit = False
    for code in codes:
        if 7 <= code < 12:
            wants_fit = True
    for p in range(n_pix):
        n = 0
        for o in range(n_obs):
            v = stack[o, p]
            if np.isfinite(v):
                values[n] = 10.0 ** (v / 10.0) if sar_db else v
                times[n] = t[o]
                n += 1
        if outliers and n >= 5:
            kept = 0
            ordered[:n] = np.sort(values[:n])
            low = _percentile(ordered, n, 5.0)
            high = _percentile(ordered, n, 95.0)
            total = 0.0
            for i in range(n):
                if low <= values[i] <= high:
                    total += values[i]
                    kept += 1
            mean = total / kept
            spread = 0.0
            for i in range(n):
                if low <= values[i] <= high:
                    spread += (values[i] - mean) ** 2
            std = np.sqrt(spread / kept)
            m = 0
            for i in range(n):
                if mean - 2.0 * std <= values[i] <= mean + 2.0 * std:
                    values[m] = values[i]
                    times[m] = times[i]
                    m += 1
            n = m
        if n == 0:
            for j in range(codes.size):
                out[j, p] = 0.0 if codes[j] == 6 else np.nan
            continue
        ordered[:n] = np.sort(values[:n])
        total = 0.0
        for i in range(n):
            total += values[i]
        mean = total / n
        spread = 0.0
        for i in range(n):
            spread += (values[i] - mean) ** 2
        std = np.sqrt(spread / n)
        if wants_fit:
            if n >= 5:
                for i in range(n):
                    decibels[i] = 10.0 * np.log10(values[i]) if sar_db else values[i]
                _harmonic_fit(times, decibels, n, fit)
            else:
                fit[:] = np.nan
        for j in range(codes.size):
            code = codes[j]
            if code == 0:
                value = mean
            elif code == 1:
                value = ordered[0]
            elif code == 2:
                value = ordered[n - 1]
            elif code == 3:
                value = _percentile(ordered, n, 50.0)
            elif code == 4:
                value = std
            elif code == 5:
                value = std / mean if mean != 0 else np.nan
            elif code == 6:
                value = n
            elif code < 100:
                value = fit[int(code) - 7]
            else:
                value = _percentile(ordered, n, code - 100.0)
            if sar_db and (code <= 3 or code >= 100):
                value = 10.0 * np.log10(value) if value > 0 else np.nan
            out[j, p] = value


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
        For unknown metrics or dates that do not match the stack.
    """
    chosen = parse_metrics(metrics)
    values = np.asarray(stack, dtype=np.float64)
    if values.ndim < 1 or values.shape[0] != len(dates):
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "INPUT: {0} dates for a stack of {1} layers"),
            parameter="INPUT",
            args=(len(dates), values.shape[0] if values.ndim else 0),
        )
    flat = np.ascontiguousarray(values.reshape(values.shape[0], -1))
    out = np.empty((len(chosen), flat.shape[1]))
    codes = np.array([_code(metric) for metric in chosen])
    _timescan_kernel(flat, decimal_years(dates), codes, bool(sar_db), bool(outliers), out)
    return out.reshape((len(chosen),) + values.shape[1:])

"""The numba kernels of :mod:`.metrics`: one pass per pixel over its valid observations, in parallel over
pixels. The metric definitions and codes are documented in :mod:`.metrics`, which calls them."""

from __future__ import annotations

import numpy as np

from ..numba_cache import configure_numba_cache

configure_numba_cache()
import numba  # noqa: E402  (after the cache folder is set)

__all__ = ["timescan_kernel"]


@numba.njit(nogil=True, cache=True)
def _percentile(sorted_values, n, q):
    rank = q / 100.0 * (n - 1)
    low = int(np.floor(rank))
    high = min(low + 1, n - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (rank - low)


@numba.njit(nogil=True, cache=True)
def _harmonic_fit(t, y, n, out, a, row):
    """Least squares of y = trend·t + a·cos 2πt + b·sin 2πt + mean: out = (amp, phase, trend, rms, mean).

    Time is centred on its mean before the normal equations are solved (Gaussian elimination with
    partial pivoting), which keeps them well conditioned; the intercept is moved back to t = 0 after.
    ``a`` (4 x 5) and ``row`` (4) are the caller's scratch, reused from pixel to pixel.
    """
    centre = 0.0
    for i in range(n):
        centre += t[i]
    centre /= n
    a[:] = 0.0
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


@numba.njit(nogil=True, cache=True, parallel=True)
def timescan_kernel(stack, t, codes, sar_db, outliers, n_blocks, out):
    """``out`` (metrics, pixels) from ``stack`` (observations, pixels); see the module docstring.

    The pixels are split into ``n_blocks`` blocks (:mod:`...pixel_blocks`), run in parallel; each block
    allocates its scratch once (:func:`_timescan_block`).

    Parameters
    ----------
    stack
        float64 values, NaN where missing, (observations, pixels).
    t
        The observations' decimal years (:func:`.metrics.decimal_years`).
    codes
        One code per metric (:mod:`.metrics`: a metric's index, or the percentile code plus the
        percentile).
    sar_db
        The values are dB: statistics on linear power.
    outliers
        Drop outliers before any metric.
    n_blocks
        How many blocks the pixels are split into.
    out
        Written: (metrics, pixels).
    """
    n_pix = stack.shape[1]
    for b in numba.prange(n_blocks):
        _timescan_block(
            stack, t, codes, sar_db, outliers, out, b * n_pix // n_blocks, (b + 1) * n_pix // n_blocks
        )


@numba.njit(nogil=True, cache=True)
def _timescan_block(stack, t, codes, sar_db, outliers, out, start, stop):
    """:func:`timescan_kernel` on pixels ``start:stop``, with scratch allocated once for the block."""
    n_obs = stack.shape[0]
    values = np.empty(n_obs)
    times = np.empty(n_obs)
    decibels = np.empty(n_obs)
    ordered = np.empty(n_obs)
    fit = np.empty(5)
    normal = np.empty((4, 5))
    row = np.empty(4)
    wants_fit = False
    for code in codes:
        if 7 <= code < 12:
            wants_fit = True
    for p in range(start, stop):
        n = 0
        for o in range(n_obs):
            v = stack[o, p]
            if np.isfinite(v):
                values[n] = 10.0 ** (v / 10.0) if sar_db else v
                times[n] = t[o]
                n += 1
        if outliers and n >= 5:
            kept = 0
            ordered[:n] = values[:n]
            ordered[:n].sort()
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
        ordered[:n] = values[:n]
        ordered[:n].sort()
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
                _harmonic_fit(times, decibels, n, fit, normal, row)
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

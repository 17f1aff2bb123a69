"""Backscatter arithmetic on time stacks: dB, polarisation ratio and the multi-temporal speckle filter.

The filter is Quegan & Yu's (2001) multi-channel filter, as OpenSARToolkit's time-series step uses it:
for a stack of N co-registered intensity images I_1..I_N of one track,

    J_k = (E[I_k] / N) * sum_i I_i / E[I_i]

where E[I_i] is the local mean of date i (a boxcar of ``window`` x ``window`` pixels). Each output
keeps its own date's local mean (radiometry preserved) while the speckle, independent between dates,
is averaged over the N dates: for fully developed speckle its variance drops by up to N.

Quegan, S. and Yu, J. J. (2001), *Filtering of multichannel SAR images*, IEEE Transactions on
Geoscience and Remote Sensing 39(11), 2373-2379.

Missing pixels (NaN) take no part: local means are over the valid pixels of the window, and the sum
over dates (and its N) over the dates valid at that pixel. A pixel missing on date k stays missing.
"""

from __future__ import annotations

import numpy as np

__all__ = ["MAX_WINDOW", "boxcar_mean", "check_window", "power_ratio", "quegan_yu", "to_db"]

#: The largest boxcar offered; beyond it the filter blurs more than it despeckles.
MAX_WINDOW = 51


def check_window(window: int) -> int:
    """``window`` as an odd whole number of pixels from 3 to :data:`MAX_WINDOW`, else ValueError."""
    if isinstance(window, bool) or int(window) != window or not 3 <= window <= MAX_WINDOW or window % 2 == 0:
        raise ValueError(f"the speckle filter window must be an odd number of pixels from 3 to {MAX_WINDOW}")
    return int(window)


def boxcar_mean(image: np.ndarray, window: int) -> np.ndarray:
    """Mean of the finite pixels of a ``window`` x ``window`` box around each pixel of ``image`` (2-D);
    NaN where the box holds none. Edges see the part of the box inside the image."""
    from scipy.ndimage import uniform_filter

    valid = np.isfinite(image)
    filled = np.where(valid, image, 0.0).astype(np.float64)
    sums = uniform_filter(filled, size=window, mode="constant", cval=0.0)
    counts = uniform_filter(valid.astype(np.float64), size=window, mode="constant", cval=0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        # counts is a fraction of the box; a tiny positive value from rounding is still "none"
        return np.where(counts > 0.5 / (window * window), sums / counts, np.nan)


def quegan_yu(stack: np.ndarray, window: int) -> np.ndarray:
    """The Quegan & Yu multi-temporal filter of ``stack`` (dates, rows, cols) of linear intensity.

    Returns float32 of the same shape; see the module docstring. Needs at least two dates.
    """
    window = check_window(window)
    stack = np.asarray(stack, dtype=np.float64)
    if stack.ndim != 3 or stack.shape[0] < 2:
        raise ValueError("the multi-temporal speckle filter needs a (dates, rows, cols) stack of 2+ dates")
    means = np.stack([boxcar_mean(layer, window) for layer in stack])
    with np.errstate(divide="ignore", invalid="ignore"):
        normalised = stack / means
    usable = np.isfinite(normalised) & (means > 0)
    total = np.where(usable, normalised, 0.0).sum(axis=0)
    count = usable.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        average = np.where(count > 0, total / count, np.nan)
    out = means * average[np.newaxis]
    out[~np.isfinite(stack)] = np.nan
    return out.astype(np.float32)


def to_db(power: np.ndarray) -> np.ndarray:
    """10 * log10(power); nodata and non-positive power (no defined dB) become NaN."""
    power = np.asarray(power, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.isfinite(power) & (power > 0), 10.0 * np.log10(power), np.nan).astype(np.float32)


def power_ratio(co: np.ndarray, cross: np.ndarray) -> np.ndarray:
    """co / cross in linear power (VV/VH, HH/HV); NaN where either is missing or cross is not positive."""
    co = np.asarray(co, dtype=np.float64)
    cross = np.asarray(cross, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(np.isfinite(co) & np.isfinite(cross) & (cross > 0), co / cross, np.nan)
    return ratio.astype(np.float32)

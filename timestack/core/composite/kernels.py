"""Per-pixel compositing kernels (numba), called on whole chunks of one year's observations.

Every kernel takes ``data`` shaped (observations, bands, pixels), float32 reflectance with NaN where an
observation is masked, observations sorted by acquisition time. A pixel's observation is *valid* when all
its bands are finite (masks remove whole observations, so a partly-finite observation is treated as
missing). ``nogil=True`` lets the chunk threads of :mod:`.annual` run kernels truly in parallel.

Medoid (Flood 2013, Remote Sensing 5(12); as in LandTrendr/LCMS workflows): the valid observation that
minimises the sum over bands of squared differences to the per-band median of the valid observations.
The median of an even count is the mean of the two middle values (as numpy). Distances are summed in
float64 in band order. Ties go to the earliest observation (lowest index), as ``numpy.argmin`` does.
"""

from __future__ import annotations

from ..numba_cache import configure_numba_cache

configure_numba_cache()

import numba  # noqa: E402
import numpy as np  # noqa: E402

from ..runtime import QT_TRANSLATE_NOOP, TimestackError  # noqa: E402

NO_OBSERVATION = -1


#: Pixels processed side by side: every step below runs over a block's lanes without branches, so the
#: compiler vectorises it, and (observations x bands x lanes) float32 stays in cache.
LANES = 256


def sorting_network(n: int) -> np.ndarray:
    """Comparator pairs (i, j), i < j, of Batcher's odd-even merge sort for ``n`` items, shape (m, 2).

    Built for the next power of two; comparators reaching past ``n`` are dropped, which is exact when the
    missing items are +inf (they would never move). A fixed network sorts every pixel with the same
    min/max steps, free of the data-dependent branches that make insertion sort slow on noisy data
    (Batcher 1968, "Sorting networks and their applications", AFIPS 32).
    """
    size = 1
    while size < n:
        size *= 2
    pairs = []
    p = 1
    while p < size:
        k = p
        while k >= 1:
            for j in range(k % p, size - k, 2 * k):
                for i in range(min(k, size - j - k)):
                    a, b = i + j, i + j + k
                    if a // (2 * p) == b // (2 * p) and b < n:
                        pairs.append((a, b))
            k //= 2
        p *= 2
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


@numba.njit(nogil=True, cache=True)
def _load_block(data, start, width, block, valid, count):
    """Copy lanes ``start:start+width`` into ``block`` (obs, bands, lanes); mark valid observations."""
    n_obs, n_bands, _ = data.shape
    for o in range(n_obs):
        for b in range(n_bands):
            for i in range(width):
                block[o, b, i] = data[o, b, start + i]
    for i in range(width):
        count[i] = 0
    for o in range(n_obs):
        for i in range(width):
            ok = True
            for b in range(n_bands):
                ok &= np.isfinite(block[o, b, i])
            valid[o, i] = ok
            count[i] += ok


@numba.njit(nogil=True, cache=True)
def _sorted_band(block, b, valid, width, network, column):
    """``column`` (obs, lanes) = band ``b`` of the valid observations, ascending, +inf after them."""
    n_obs = block.shape[0]
    for o in range(n_obs):
        for i in range(width):
            column[o, i] = block[o, b, i] if valid[o, i] else np.inf
    for m in range(network.shape[0]):
        lo_row = column[network[m, 0]]
        hi_row = column[network[m, 1]]
        for i in range(width):
            x = lo_row[i]
            y = hi_row[i]
            lo_row[i] = min(x, y)
            hi_row[i] = max(x, y)


@numba.njit(nogil=True, cache=True)
def _medoid_kernel(data, out, chosen, network):
    n_obs, n_bands, n_pix = data.shape
    block = np.empty((n_obs, n_bands, LANES), np.float32)
    column = np.empty((n_obs, LANES), np.float32)
    valid = np.empty((n_obs, LANES), np.bool_)
    count = np.empty(LANES, np.int64)
    median = np.empty((n_bands, LANES), np.float64)
    best = np.empty(LANES, np.int64)
    best_distance = np.empty(LANES, np.float64)
    for start in range(0, n_pix, LANES):
        width = min(LANES, n_pix - start)
        _load_block(data, start, width, block, valid, count)
        for b in range(n_bands):
            _sorted_band(block, b, valid, width, network, column)
            for i in range(width):
                n = count[i]
                half = n // 2
                if n == 0:
                    median[b, i] = np.nan
                elif n % 2 == 1:
                    median[b, i] = column[half, i]
                else:
                    median[b, i] = (np.float64(column[half - 1, i]) + np.float64(column[half, i])) / 2.0
        for i in range(width):
            best[i] = NO_OBSERVATION
            best_distance[i] = np.inf
        for o in range(n_obs):
            for i in range(width):
                distance = 0.0
                for b in range(n_bands):
                    diff = np.float64(block[o, b, i]) - median[b, i]
                    distance += diff * diff
                better = valid[o, i] & (distance < best_distance[i])
                best_distance[i] = distance if better else best_distance[i]
                best[i] = o if better else best[i]
        for i in range(width):
            chosen[start + i] = best[i]
            for b in range(n_bands):
                out[b, start + i] = np.nan if best[i] < 0 else block[best[i], b, i]


def medoid(data: np.ndarray, out: np.ndarray, chosen: np.ndarray) -> None:
    """Medoid of each pixel into ``out`` (bands, pixels); ``chosen`` gets the observation index or -1."""
    _medoid_kernel(data, out, chosen, sorting_network(data.shape[0]))


@numba.njit(nogil=True, cache=True, inline="always")
def _is_valid(data, o, p):
    """Is observation ``o`` of pixel ``p`` usable: finite in every band (masked pixels are NaN)?"""
    for b in range(data.shape[1]):
        if not np.isfinite(data[o, b, p]):
            return False
    return True


@numba.njit(nogil=True, cache=True)
def best_score(score, data, out, chosen):
    """Pick, per pixel, the valid observation with the highest ``score`` (obs, pixels), e.g. max-NDVI."""
    n_obs, n_bands, n_pix = data.shape
    for p in range(n_pix):
        best = NO_OBSERVATION
        best_value = -np.inf
        for o in range(n_obs):
            s = score[o, p]
            if not np.isfinite(s) or s <= best_value:
                continue
            if _is_valid(data, o, p):
                best = o
                best_value = s
        chosen[p] = best
        for b in range(n_bands):
            out[b, p] = np.nan if best < 0 else data[best, b, p]


@numba.njit(nogil=True, cache=True)
def _percentile_kernel(data, q, out, network):
    n_obs, n_bands, n_pix = data.shape
    block = np.empty((n_obs, n_bands, LANES), np.float32)
    column = np.empty((n_obs, LANES), np.float32)
    valid = np.empty((n_obs, LANES), np.bool_)
    count = np.empty(LANES, np.int64)
    for start in range(0, n_pix, LANES):
        width = min(LANES, n_pix - start)
        _load_block(data, start, width, block, valid, count)
        for b in range(n_bands):
            _sorted_band(block, b, valid, width, network, column)
            for i in range(width):
                n = count[i]
                if n == 0:
                    out[b, start + i] = np.nan
                    continue
                rank = q / 100.0 * (n - 1)
                lo = int(np.floor(rank))
                hi = min(lo + 1, n - 1)
                low = np.float64(column[lo, i])
                out[b, start + i] = low + (np.float64(column[hi, i]) - low) * (rank - lo)


def percentile(data: np.ndarray, q: float, out: np.ndarray) -> None:
    """Per band and pixel, the ``q``-th percentile (0-100, linear interpolation) of valid observations.

    ``q`` = 50 is the median. Bands are independent, so the result is generally not one observation.
    """
    if not 0 <= q <= 100:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "PERCENTILE must be within 0-100, got {0}"),
            "PERCENTILE",
            args=(q,),
        )
    _percentile_kernel(data, float(q), out, sorting_network(data.shape[0]))


@numba.njit(nogil=True, cache=True)
def mean(data, out):
    """Per band and pixel, the mean of valid observations (NaN if none)."""
    n_obs, n_bands, n_pix = data.shape
    total = np.empty(n_bands, np.float64)
    for p in range(n_pix):
        n = 0
        for b in range(n_bands):
            total[b] = 0.0
        for o in range(n_obs):
            if _is_valid(data, o, p):
                n += 1
                for b in range(n_bands):
                    total[b] += data[o, b, p]
        for b in range(n_bands):
            out[b, p] = np.nan if n == 0 else total[b] / n

"""numba kernels of LandTrendr temporal segmentation (Kennedy, Yang & Cohen 2010, RSE 114:2897).

Written from the behaviour described in the paper, the project's LANDTRENDR.md and the IDL
original's recorded outputs and documented quirks (that code, licensed for non-profit use, was read
to understand its behaviour; none of it or of any port is copied here).

Conventions inside the kernels: ``x`` are year offsets of the valid observations of one pixel,
``y`` their values already multiplied by ``flip`` so that a disturbance is an *increase*. All scratch
memory is allocated once per block of pixels, never per pixel, which is what makes the fit fast
enough for over 300 k series per second per core: the per-pixel work is a few thousand flops.

Parameters travel as one float64 vector (indices ``P_*``) so that the kernels keep short,
stable signatures. Two flavours reproduce the two reference behaviours:

``FLAVOR_IDL``
    IDL-literal despike in single precision (one correction more than the threshold asks for),
    p-values rounded through single precision (strong models tie at p = 0, so the most complex one
    wins), reported values truncated toward zero from single precision as IDL's INT fields do (and
    the recovery rule and missing-end vertices decided on those truncated values), joint-fit slopes
    per observation step, in single precision. Where exact arithmetic ties, IDL's single-precision
    rounding decides, so the vertex search (split points, which on a straight line with fractional
    values or gaps are rounding noise) and the step-4 angle scores are computed as IDL computes them
    on FLOAT data. When the search finds nothing to split, the line is that of the raw observations.
``FLAVOR_GEE``
    Threshold-first despike, double-precision p-values, no truncation: the only combination that
    reproduces Earth Engine's published outputs (vectors A and B of the fixtures), hence the
    default of the public API.
"""

from __future__ import annotations

import math
from collections import namedtuple

from ..numba_cache import configure_numba_cache

configure_numba_cache()

import numpy as np  # noqa: E402
from numba import njit as _njit  # noqa: E402  (cache folder first)
from numba import prange  # noqa: E402


def njit(*args, **options):
    """numba's njit with numpy's error model, and without reference counting unless ``allocates``.

    The error model: a float division by zero gives inf/NaN as in numpy instead of a check before
    every division (the kernels guard their divisions themselves).

    Reference counting: numba's runtime increments and decrements, atomically, a counter around every
    array argument, view and namedtuple field a function touches; in the per-pixel kernels, which call
    small functions on scratch arrays thousands of times per pixel, that was a third of the fit's time
    on one core (perf: the two locked instructions of NRT_incref/NRT_decref), more where threads share
    the arrays. The kernels allocate nothing (scratch comes from :func:`make_work`, outputs from the
    caller, who keeps every array alive for the call), so they need no counting; only the functions
    that allocate keep it (``allocates=True``). numba refuses to compile an allocation without its
    runtime, so a kernel that starts allocating fails at compile time, not at run time.
    """
    return _njit(*args, error_model="numpy", _nrt=options.pop("allocates", False), **options)


from .codes import (  # noqa: E402
    FLAVOR_IDL,
    P_BEST_MODEL_PROPORTION,
    P_MAX_SEGMENTS,
    P_MIN_OBS,
    P_OVERSHOOT,
    P_PREVENT_ONE_YEAR_RECOVERY,
    P_PVAL,
    P_RECOVERY,
    P_SPIKE,
    STATUS_NO_DATA,
    STATUS_NOT_SIGNIFICANT,
    STATUS_OK,
    STATUS_TOO_FEW_OBSERVATIONS,
)

#: Internal to the kernels: the observations lie on one line; reported as STATUS_OK.
_STATUS_LINE = 4

# The boost of vertices that start a disturbance in the angle cull (IDL's "distweightfactor").
DISTURBANCE_WEIGHT = 2.0
# Despiking converges in a handful of passes; the cap only guards against pathological input.
_MAX_DESPIKE_PASSES = 1000
# The original's vertex search gives up after this many splits whatever maxSegments asks for.
_MAX_SPLITS = 21


@njit(cache=True)
def _f32(value):
    """``value`` rounded to single precision: one IEEE float32 operation when applied after each
    double-precision +, -, * or / (double rounding is exact for these), as IDL computes FLOAT data."""
    return float(np.float32(value))


@njit(cache=True)
def despike(y, n, threshold, literal):
    """Damp one-observation spikes in place (step 2 of the algorithm).

    The spike proportion of interior point i is ``1 - |y[i-1]-y[i+1]| / max(|y[i]-y[i-1]|,
    |y[i]-y[i+1]|)``: 1 for a pure spike whose neighbours agree, <= 0 for a monotonic run (never
    corrected: a negative proportion would push a point away from its neighbours). The point with
    the largest proportion moves that proportion of the way to its neighbours' mean.
    Threshold-first (GEE) corrects only while the proportion exceeds ``threshold``; ``literal``
    (IDL) corrects before testing, so it always applies one more, sub-threshold correction, and
    computes in single precision as IDL does on FLOAT data. A threshold of 1 switches despiking off
    in both flavours, as in GEE.
    """
    if threshold >= 1.0 or n < 3:
        return
    if literal:
        threshold = _f32(threshold)
    for _ in range(_MAX_DESPIKE_PASSES):
        best = -1
        best_prop = 0.0
        for i in range(1, n - 1):
            d1 = abs(y[i] - y[i - 1])
            d2 = abs(y[i] - y[i + 1])
            largest = max(d1, d2)
            if largest <= 0.0:
                continue
            ratio = abs(y[i - 1] - y[i + 1]) / largest
            prop = _f32(1.0 - _f32(ratio)) if literal else 1.0 - ratio
            if prop > best_prop:
                best_prop = prop
                best = i
        if best < 0 or (not literal and best_prop <= threshold):
            return
        if literal:
            correction = _f32(best_prop * _f32(_f32(0.5 * (y[best - 1] + y[best + 1])) - y[best]))
            y[best] = _f32(y[best] + correction)
        else:
            y[best] += best_prop * (0.5 * (y[best - 1] + y[best + 1]) - y[best])
        if best_prop <= threshold:
            return


@njit(cache=True, inline="always")
def _segment_sums(x, y, a, b):
    """Sums of dx, dy, dx², dx·dy and dy² over observations a..b, measured from observation a.

    Measuring from the segment's start keeps the sums small and well conditioned; both the split
    search and the segment-by-segment fit derive their least-squares lines from them.
    """
    sx = 0.0
    sy = 0.0
    sxx = 0.0
    sxy = 0.0
    syy = 0.0
    for i in range(a, b + 1):
        dx = x[i] - x[a]
        dy = y[i] - y[a]
        sx += dx
        sy += dy
        sxx += dx * dx
        sxy += dx * dy
        syy += dy * dy
    return sx, sy, sxx, sxy, syy


@njit(cache=True)
def _split_point(x, y, n, a, b):
    """Mean squared error of segment a..b about its least-squares line and its split point.

    The split point is the first interior observation with the largest absolute residual, or -1
    if every interior residual is zero. The second-to-last observation of the series qualifies only
    if the final step is an increase (a disturbance): a one-year "recovery" at the end cannot be
    carved out.
    """
    if b - a < 2:
        return 0.0, -1
    m = b - a + 1
    sx, sy, sxx, sxy, syy = _segment_sums(x, y, a, b)
    cxy = sxy - sx * sy / m
    slope = cxy / (sxx - sx * sx / m)
    sse = max((syy - sy * sy / m) - slope * cxy, 0.0)
    level = y[a] + (sy - slope * sx) / m
    largest = 0.0
    point = -1
    for i in range(a + 1, b):
        if i == n - 2 and b == n - 1 and not y[n - 1] > y[n - 2]:
            continue
        r = abs(y[i] - level - slope * (x[i] - x[a]))
        if r > largest:
            largest = r
            point = i
    return sse / (b - a + 1), point


@njit(cache=True)
def _split_point_single(x, y, n, a, b):
    """:func:`_split_point` as IDL computes it on FLOAT data: the least-squares line from
    single-precision running sums about the means, residuals and their mean square in single
    precision (float32 arithmetic throughout, each operation rounded once as in IDL).

    On a straight line with fractional values or gaps these residuals are rounding noise rather
    than zero, and IDL splits at the largest of them; only a segment whose values are all equal
    has no error to split.
    """
    if b - a < 2:
        return 0.0, -1
    m = np.float32(b - a + 1)
    sx = np.float32(0.0)
    sy = np.float32(0.0)
    lo = y[a]
    hi = y[a]
    for i in range(a, b + 1):
        sx += np.float32(x[i])
        sy += np.float32(y[i])
        lo = min(lo, y[i])
        hi = max(hi, y[i])
    mx = sx / m
    my = sy / m
    sxy = np.float32(0.0)
    sxx = np.float32(0.0)
    for i in range(a, b + 1):
        dx = np.float32(x[i]) - mx
        sxy += dx * (np.float32(y[i]) - my)
        sxx += dx * dx
    slope = sxy / sxx
    level = my - slope * mx
    sse = np.float32(0.0)
    largest = np.float32(0.0)
    point = -1
    for i in range(a, b + 1):
        r = (level + slope * np.float32(x[i])) - np.float32(y[i])
        sse += r * r
        if i == a or i == b or (i == n - 2 and b == n - 1 and not y[n - 1] > y[n - 2]):
            continue
        if abs(r) > largest:
            largest = abs(r)
            point = i
    if hi <= lo:
        return 0.0, point
    return float(sse / m), point


@njit(cache=True)
def find_candidate_vertices(x, y, n, max_vertices, verts, seg_mse, seg_point, single):
    """Step 3: split the worst-fitting segment at its largest residual until enough vertices.

    The segment with the largest mean squared error about its own least-squares line gets a new
    vertex at its :func:`_split_point`. Only the two halves of a split segment are re-examined
    (``seg_mse``/``seg_point`` are scratch of the vertices' size). At most ``n - 2`` vertices are
    sought and at most ``_MAX_SPLITS`` splits made, as in the original. Returns the vertex count.

    With ``single`` (the IDL flavour) segments are scored as IDL scores them
    (:func:`_split_point_single`) and any error above zero is worth a split; otherwise a segment
    fitting to within rounding error is not split, so a linear series stays one segment.
    """
    max_vertices = min(max_vertices, n - 2, _MAX_SPLITS + 2)
    verts[0] = 0
    verts[1] = n - 1
    nv = 2
    negligible = 0.0
    if not single:
        lo = y[0]
        hi = y[0]
        for i in range(n):
            lo = min(lo, y[i])
            hi = max(hi, y[i])
        negligible = (1e-6 * (hi - lo)) ** 2
    seg_mse[0], seg_point[0] = _scored_split(x, y, n, 0, n - 1, single)
    while nv < max_vertices:
        best = -1
        best_mse = negligible
        for s in range(nv - 1):
            if seg_point[s] >= 0 and seg_mse[s] > best_mse:
                best_mse = seg_mse[s]
                best = s
        if best < 0:
            break
        point = seg_point[best]
        for k in range(nv, best + 1, -1):
            verts[k] = verts[k - 1]
        for k in range(nv - 1, best + 1, -1):
            seg_mse[k] = seg_mse[k - 1]
            seg_point[k] = seg_point[k - 1]
        verts[best + 1] = point
        nv += 1
        seg_mse[best], seg_point[best] = _scored_split(x, y, n, verts[best], point, single)
        seg_mse[best + 1], seg_point[best + 1] = _scored_split(x, y, n, point, verts[best + 2], single)
    return nv


@njit(cache=True)
def _scored_split(x, y, n, a, b, single):
    """The mean squared error and split point of segment a..b, as the flavour scores them."""
    if single:
        return _split_point_single(x, y, n, a, b)
    return _split_point(x, y, n, a, b)


@njit(cache=True)
def _angle_score(vx, vy, k, y_range, x_range):
    """Step-4 score of interior vertex k of the polyline (vx, vy).

    Values are rescaled so that their range equals the year range, making angles independent of
    the index's units. The score is the larger absolute angle of the two adjoining segments,
    boosted by ``1 + max(0, DISTURBANCE_WEIGHT * rise of the following segment / range)`` so that
    vertices starting a disturbance (an increase after the flip) are kept preferentially.
    """
    scale = x_range / y_range if y_range > 0.0 else 0.0
    left = (vy[k] - vy[k - 1]) * scale / (vx[k] - vx[k - 1])
    right = (vy[k + 1] - vy[k]) * scale / (vx[k + 1] - vx[k])
    # atan is odd and increasing: the larger absolute angle is the angle of the steeper slope, one
    # atan instead of two (bit for bit the same).
    angle = math.atan(max(abs(left), abs(right)))
    rise = (vy[k + 1] - vy[k]) / y_range if y_range > 0.0 else 0.0
    return angle * (1.0 + max(0.0, DISTURBANCE_WEIGHT * rise))


@njit(cache=True)
def _angle_score_single(vx, vy, k, x_range):
    """:func:`_angle_score` as IDL computes it on FLOAT data, every operation rounded to single
    precision; ``vy`` are already rescaled to the year range (:func:`scale_to_years`).

    With integer-valued data two vertices often score the same in exact arithmetic (the steepest
    adjoining slopes have the same rise and run); which of them goes is then decided by the
    rounding of the rescaled values, so the IDL flavour has to round where IDL does.
    """
    rise = _f32(vy[k + 1] - vy[k])
    left = _f32(_f32(vy[k] - vy[k - 1]) / (vx[k] - vx[k - 1]))
    right = _f32(rise / (vx[k + 1] - vx[k]))
    angle = _f32(math.atan(max(abs(left), abs(right))))
    boost = _f32(max(0.0, _f32(_f32(DISTURBANCE_WEIGHT * rise) / x_range)) + 1.0)
    return _f32(angle * boost)


@njit(cache=True)
def scale_to_years(value, lo, y_range, x_range):
    """A value rescaled, in single precision, so that the values' range spans the year range (IDL's
    step-4 rescaling, the input of :func:`_angle_score_single`)."""
    return _f32(_f32(_f32(value - lo) / y_range) * x_range)


@njit(cache=True)
def cull_by_angle(vx, vy, nv, target, y_range, x_range, keep, scores, single):
    """Step 4: drop the lowest-scoring interior vertex until ``target`` remain.

    ``vx``/``vy`` are the vertices' positions and values and are compacted in place together with
    ``keep`` (any per-vertex payload, e.g. observation indices). A removal changes only its two
    neighbours' scores, so only they are rescored (``scores`` is scratch). Returns the new count.

    With ``single`` (the IDL flavour) ``vy`` are already rescaled by :func:`scale_to_years` and the
    scores are IDL's single-precision ones (:func:`_angle_score_single`); ties go to the earliest
    vertex either way.
    """
    for k in range(1, nv - 1):
        scores[k] = _vertex_score(vx, vy, k, y_range, x_range, single)
    while nv > target and nv > 2:
        worst = 1
        for k in range(2, nv - 1):
            if scores[k] < scores[worst]:
                worst = k
        for k in range(worst, nv - 1):
            vx[k] = vx[k + 1]
            vy[k] = vy[k + 1]
            keep[k] = keep[k + 1]
            scores[k] = scores[k + 1]
        nv -= 1
        for k in (worst - 1, worst):
            if 0 < k < nv - 1:
                scores[k] = _vertex_score(vx, vy, k, y_range, x_range, single)
    return nv


@njit(cache=True)
def _vertex_score(vx, vy, k, y_range, x_range, single):
    """The step-4 score of vertex k, as the flavour computes it."""
    if single:
        return _angle_score_single(vx, vy, k, x_range)
    return _angle_score(vx, vy, k, y_range, x_range)


@njit(cache=True)
def fit_segments(x, y, verts, nv, fv):
    """Step 5: vertex values of the segment-by-segment fit; returns the total squared error.

    Segment 1 is the better (lower SSE) of the line joining its observed end values and its
    least-squares line. Every later segment starts at the previous fitted end value and is the
    better of the line to the next observed vertex value and the regression anchored at that
    start (Kennedy et al. 2010, section 2.2.3: continuity is imposed, not fitted jointly).
    """
    # One pass per segment: both candidate lines' errors follow in closed form from the sums of
    # dx^2, dx*dy and dy^2, with dx, dy measured from the segment's start (small, well-conditioned).
    a = verts[0]
    b = verts[1]
    m = b - a + 1
    sx, sy, sxx, sxy, syy = _segment_sums(x, y, a, b)
    direct = (y[b] - y[a]) / (x[b] - x[a])
    sse_direct = syy - 2.0 * direct * sxy + direct * direct * sxx
    cxx = sxx - sx * sx / m
    cxy = sxy - sx * sy / m
    slope = cxy / cxx
    sse_ols = (syy - sy * sy / m) - slope * cxy
    if sse_ols < sse_direct:
        level = y[a] + (sy - slope * sx) / m
        fv[0] = level
        fv[1] = level + slope * (x[b] - x[a])
        total = sse_ols
    else:
        fv[0] = y[a]
        fv[1] = y[b]
        total = sse_direct
    for s in range(1, nv - 1):
        a = verts[s]
        b = verts[s + 1]
        start = fv[s]
        sxx = 0.0
        sxy = 0.0
        syy = 0.0
        for i in range(a + 1, b + 1):
            dx = x[i] - x[a]
            dy = y[i] - start
            sxx += dx * dx
            sxy += dx * dy
            syy += dy * dy
        direct = (y[b] - start) / (x[b] - x[a])
        sse_direct = syy - 2.0 * direct * sxy + direct * direct * sxx
        anchored = sxy / sxx
        sse_anchored = syy - anchored * sxy
        if sse_anchored < sse_direct:
            fv[s + 1] = start + anchored * (x[b] - x[a])
            total += sse_anchored
        else:
            fv[s + 1] = y[b]
            total += sse_direct
    return max(total, 0.0)


@njit(cache=True)
def model_sse(x, y, verts, nv, fv):
    """Squared error of the polyline through (x[verts], fv) against every observation."""
    sse = 0.0
    r = y[verts[0]] - fv[0]
    sse += r * r
    for s in range(nv - 1):
        a = verts[s]
        b = verts[s + 1]
        slope = (fv[s + 1] - fv[s]) / (x[b] - x[a])
        for i in range(a + 1, b + 1):
            r = y[i] - fv[s] - slope * (x[i] - x[a])
            sse += r * r
    return sse


@njit(cache=True)
def fit_joint(x, y, verts, nv, fv, diag, upper, rhs):
    """Step 9: least-squares vertex values of a continuous polyline with fixed knots.

    The polyline is a sum of hat functions centred on the knots, so the normal equations are
    tridiagonal and solved directly (Thomas algorithm); no iterative optimiser is involved.
    Returns the total squared error.
    """
    for k in range(nv):
        diag[k] = 0.0
        upper[k] = 0.0
        rhs[k] = 0.0
    diag[0] = 1.0
    rhs[0] = y[verts[0]]
    for s in range(nv - 1):
        a = verts[s]
        b = verts[s + 1]
        span = x[b] - x[a]
        for i in range(a + 1, b + 1):
            right = (x[i] - x[a]) / span
            left = 1.0 - right
            diag[s] += left * left
            diag[s + 1] += right * right
            upper[s] += left * right
            rhs[s] += left * y[i]
            rhs[s + 1] += right * y[i]
    # Forward elimination and back substitution; the matrix is symmetric positive definite.
    for k in range(1, nv):
        factor = upper[k - 1] / diag[k - 1]
        diag[k] -= factor * upper[k - 1]
        rhs[k] -= factor * rhs[k - 1]
    fv[nv - 1] = rhs[nv - 1] / diag[nv - 1]
    for k in range(nv - 2, -1, -1):
        fv[k] = (rhs[k] - upper[k] * fv[k + 1]) / diag[k]
    return model_sse(x, y, verts, nv, fv)


@njit(cache=True)
def f_survival(f, df1, df2):
    """P(F > f) for an F(df1, df2) variable with even ``df1`` (LandTrendr's two predictors per segment).

    The survival function is the regularised incomplete beta I_x(df2/2, df1/2) with x = df2 / (df2
    + df1 f); for an integer second argument k = df1/2 that is the finite sum (Abramowitz & Stegun
    26.5.6 with 26.6.2) x^a (1 + a y + a(a+1)/2! y^2 + ... up to the y^(k-1) term), y = 1 - x, a =
    df2/2: k terms instead of a continued fraction, exact up to rounding, and y is computed as
    df1 f / (df2 + df1 f) so that a weak model (x near 1) loses no digits to cancellation.
    """
    a = 0.5 * df2
    denominator = df2 + df1 * f
    x = df2 / denominator
    y = df1 * f / denominator
    term = 1.0
    total = 1.0
    for j in range(1, df1 // 2):
        term *= (a + j - 1.0) / j * y
        total += term
    return x**a * total


@njit(cache=True)
def total_sum_of_squares(y, n):
    """Squared deviations from the mean: the error of the no-change model the F-test compares to."""
    mean = _mean(y, n)
    sst = 0.0
    for i in range(n):
        sst += (y[i] - mean) ** 2
    return sst


@njit(cache=True)
def p_of_f(sst, sse, n, n_segments, single_precision):
    """Step 7: p-value of the F-test of a model with ``n_segments`` against the mean.

    Each segment counts as two predictors (df1); df2 = n - predictors - 1 and p = 1 when
    df2 <= 0. With ``single_precision`` the survival function and the cumulative probability are
    rounded to float32 before p = 1 - cdf, reproducing IDL, where every strong model ties at p = 0.
    """
    predictors = 2 * n_segments
    df1 = predictors
    df2 = n - predictors - 1
    if df2 <= 0:
        return 1.0
    if sse <= 0.0:
        return 0.0
    f = ((sst - sse) / df1) / (sse / df2)
    if f <= 0.0:
        return 1.0
    survival = f_survival(f, df1, df2)
    if single_precision:
        # IDL: the incomplete beta function's value in a FLOAT, the cumulative probability as 1
        # minus that, and p as 1 minus the cumulative probability, each rounded to single precision.
        cdf = np.float32(np.float32(1.0) - np.float32(survival))
        return float(np.float32(np.float32(1.0) - cdf))
    return survival


@njit(cache=True)
def f_statistic(sst, sse, n, n_segments):
    """The F statistic :func:`p_of_f` tests (0 without residual degrees of freedom, inf for a perfect fit)."""
    df1 = 2 * n_segments
    df2 = n - df1 - 1
    if df2 <= 0:
        return 0.0
    if sse <= 0.0:
        return np.inf
    return ((sst - sse) / df1) / (sse / df2)


@njit(cache=True)
def _trunc_single(value):
    """``value`` as IDL stores a FLOAT in an INT field: toward zero, from its single-precision
    rounding. A fitted value that double precision leaves a hair below an integer (-335.99999999999994
    where IDL's float holds -336) is thus not truncated to the next integer."""
    return float(math.trunc(np.float32(value)))


@njit(cache=True)
def _fit_range(fv, nv, truncate):
    """Range of a rung's fitted values, the denominator of the recovery rule.

    IDL holds fitted values in an INT field, so with ``truncate`` the range is that of the values
    truncated toward zero (the extremes of a polyline are at its vertices).
    """
    lo = np.inf
    hi = -np.inf
    for k in range(nv):
        v = _trunc_single(fv[k]) if truncate else fv[k]
        lo = min(lo, v)
        hi = max(hi, v)
    return hi - lo


@njit(cache=True)
def _slope(x, verts, fv, s, per_observation):
    """Slope of segment s per year, or per observation step with ``per_observation`` (IDL's joint
    fit divides by the difference of the vertices' observation indices, not of their years)."""
    a = verts[s]
    b = verts[s + 1]
    span = (b - a) if per_observation else (x[b] - x[a])
    return (fv[s + 1] - fv[s]) / span


@njit(cache=True)
def _recovery_rate(x, verts, fv, s, fit_range, params, per_observation):
    """How fast segment s recovers, as a fraction of ``fit_range`` per year; 0 if it does not.

    A recovery is a decrease after the flip. Infinite when there is no fitted range, and with
    preventOneYearRecovery (GEE) when it lasts a single year, so that the rule always rejects it.
    """
    if per_observation:
        # IDL's joint fit holds vertex values and slopes in single precision: a recovery exactly
        # at the threshold in exact arithmetic passes or fails by the rounding IDL does.
        slope = _f32(_f32(_f32(fv[s + 1]) - _f32(fv[s])) / (verts[s + 1] - verts[s]))
    else:
        slope = _slope(x, verts, fv, s, per_observation)
    if not slope < 0.0:
        return 0.0
    if fit_range <= 0.0:
        return np.inf
    if params[P_PREVENT_ONE_YEAR_RECOVERY] > 0.0 and x[verts[s + 1]] - x[verts[s]] <= 1.0:
        return np.inf
    if per_observation:
        return _f32(-slope / fit_range)
    return -slope / fit_range


@njit(cache=True)
def _worst_recovery(x, verts, nv, fv, params, truncate):
    """Index of the segment breaking the recovery rule worst, or -1 (step 6).

    A recovery breaks the rule when its :func:`_recovery_rate` exceeds recoveryThreshold (a
    recovery faster than 1/threshold years is not credible). Of several, the steepest goes first.
    A slope of exactly -1 is not treated as a recovery here, a quirk of the original that decides
    which vertex goes when values are integers.
    """
    fit_range = _fit_range(fv, nv, truncate)
    worst = -1
    worst_rate = params[P_RECOVERY]
    for s in range(nv - 1):
        if _slope(x, verts, fv, s, False) == -1.0:
            continue
        rate = _recovery_rate(x, verts, fv, s, fit_range, params, False)
        if rate > worst_rate:
            worst_rate = rate
            worst = s
    return worst


@njit(cache=True)
def obeys_recovery_rule(x, verts, nv, fv, params, truncate, per_observation):
    """Step 8's check of a chosen model: no recovery faster than the rule allows (any slope; an
    infinite rate breaks the rule whatever the threshold)."""
    fit_range = _fit_range(fv, nv, truncate)
    for s in range(nv - 1):
        rate = _recovery_rate(x, verts, fv, s, fit_range, params, per_observation)
        if rate == np.inf or rate > params[P_RECOVERY]:
            return False
    return True


@njit(cache=True)
def _remove_vertex(verts, nv, k):
    for j in range(k, nv - 1):
        verts[j] = verts[j + 1]


@njit(cache=True)
def weakest_vertex(x, y, verts, nv, fv):
    """Step 6 error rule: the interior vertex whose removal raises the error least.

    Removing vertex k joins its neighbours' current fitted values with a straight line; the cost is
    that line's squared error over the observations from one neighbour to the other (both
    included), per year spanned. Normalising by years rather than by observation count keeps gappy
    spans from looking cheap, and evaluating the bridge on the current fit (not a full refit) makes
    each rung a local edit of the previous one.
    """
    best = 1
    best_cost = np.inf
    for k in range(1, nv - 1):
        a = verts[k - 1]
        b = verts[k + 1]
        span = x[b] - x[a]
        slope = (fv[k + 1] - fv[k - 1]) / span
        cost = 0.0
        for i in range(a, b + 1):
            r = y[i] - fv[k - 1] - slope * (x[i] - x[a])
            cost += r * r
        cost /= span
        if cost < best_cost:
            best_cost = cost
            best = k
    return best


@njit(cache=True)
def build_ladder(x, y, n, verts0, nv0, params, idl, joint, w):
    """Step 6 (or step 9 when ``joint``): models from ``nv0`` vertices down to one segment.

    Rung r has ``nv0 - r`` vertices, stored with its fitted vertex values, p-value, F statistic
    and whether it obeys the recovery rule. Without ``joint`` a rung breaking the recovery rule
    loses the vertex ending its worst recovery, and that observation is replaced by the
    interpolation of its neighbours for every later rung (``y`` is modified); when the recovery
    ends the series, the last observation takes the value of the one before and the weakest
    vertex goes instead. Otherwise, and always when ``joint``, the :func:`weakest_vertex` goes.
    Returns the number of rungs.
    """
    verts = w.cur
    for k in range(nv0):
        verts[k] = verts0[k]
    nv = nv0
    rung = 0
    sst = total_sum_of_squares(y, n)
    while True:
        fv = w.rung_fv[rung]
        if joint:
            sse = fit_joint(x, y, verts, nv, fv, w.diag, w.upper, w.rhs)
        else:
            sse = fit_segments(x, y, verts, nv, fv)
        for k in range(nv):
            w.rung_verts[rung, k] = verts[k]
        w.rung_nv[rung] = nv
        w.rung_p[rung] = p_of_f(sst, sse, n, nv - 1, idl)
        w.rung_f[rung] = f_statistic(sst, sse, n, nv - 1)
        w.rung_ok[rung] = obeys_recovery_rule(x, verts, nv, fv, params, idl, joint and idl)
        rung += 1
        if nv <= 2:
            break
        violation = -1 if joint else _worst_recovery(x, verts, nv, fv, params, idl)
        if violation < 0:
            gone = weakest_vertex(x, y, verts, nv, fv)
        elif violation + 1 < nv - 1:
            gone = violation + 1
            i = verts[gone]
            y[i] = y[i - 1] + (y[i + 1] - y[i - 1]) * (x[i] - x[i - 1]) / (x[i + 1] - x[i - 1])
            sst = total_sum_of_squares(y, n)
        else:
            last = verts[nv - 1]
            y[last] = y[last - 1]
            sst = total_sum_of_squares(y, n)
            for k in range(nv):
                w.fv_tmp[k] = fv[k]
            w.fv_tmp[nv - 1] = y[last]
            gone = weakest_vertex(x, y, verts, nv, w.fv_tmp)
        _remove_vertex(verts, nv, gone)
        nv -= 1
    return rung


@njit(cache=True)
def choose_rung(rung_p, rung_ok, n_rungs, best_model_proportion, max_rounds):
    """Step 8: the most complex rung whose p <= (2 - bestModelProportion) x lowest p.

    A chosen rung that breaks the recovery rule gets p = 1 (``rung_p`` is modified) and the choice
    is made again, at most ``max_rounds`` times; the last rejected rung is then returned. Returns
    -1 when no rung is within the limit, which happens with bestModelProportion > 1 unless the
    lowest p is 0.
    """
    for _ in range(max_rounds + 1):
        lowest = np.inf
        for r in range(n_rungs):
            lowest = min(lowest, rung_p[r])
        limit = (2.0 - best_model_proportion) * lowest
        best = -1
        for r in range(n_rungs):
            if rung_p[r] <= limit:
                best = r
                break
        if best < 0 or rung_ok[best]:
            return best
        rung_p[best] = 1.0
    return best


@njit(cache=True)
def lowest_f_rung(rung_f, n_rungs):
    """The first ladder's fallback when :func:`choose_rung` picks nothing: the lowest-F rung."""
    best = 0
    for r in range(1, n_rungs):
        if rung_f[r] < rung_f[best]:
            best = r
    return best


@njit(cache=True)
def _mean(y, n):
    total = 0.0
    for i in range(n):
        total += y[i]
    return total / n


Work = namedtuple(
    "Work",
    [
        "x",
        "y",
        "y2",
        "obs",
        "cand",
        "vx",
        "vy",
        "cur",
        "fv_tmp",
        "diag",
        "upper",
        "rhs",
        "rung_verts",
        "rung_fv",
        "rung_p",
        "rung_ok",
        "rung_nv",
        "out_verts",
        "out_fv",
        "vyear",
        "vfit",
        "vkeep",
        "scores",
        "rung_f",
    ],
)


@njit(cache=True, allocates=True)
def make_work(n_years, max_vertices):
    """Scratch arrays for one thread: allocated once per block of pixels, reused for every pixel."""
    m = max_vertices + 2
    return Work(
        np.empty(n_years + m),
        np.empty(n_years + m),
        np.empty(n_years + m),
        np.empty(n_years + m, np.int64),
        np.empty(m, np.int64),
        np.empty(m),
        np.empty(m),
        np.empty(m, np.int64),
        np.empty(m),
        np.empty(m),
        np.empty(m),
        np.empty(m),
        np.empty((m, m), np.int64),
        np.empty((m, m)),
        np.empty(m),
        np.empty(m, np.bool_),
        np.empty(m, np.int64),
        np.empty(m, np.int64),
        np.empty(m),
        np.empty(m),
        np.empty(m),
        np.empty(m, np.int64),
        np.empty(m),
        np.empty(m),
    )


@njit(cache=True)
def _copy_rung(w, r):
    nv = w.rung_nv[r]
    for k in range(nv):
        w.out_verts[k] = w.rung_verts[r, k]
        w.out_fv[k] = w.rung_fv[r, k]
    return nv


@njit(cache=True)
def fit_observations(x, y, n, params, flavor, w):
    """Steps 2-9 on the n valid, flipped observations (x, y); y is despiked in place.

    Leaves the chosen vertices (observation indices) in ``w.out_verts`` and their fitted values in
    ``w.out_fv``; returns (vertex count, p-value, status). The joint-fit ladder (step 9) and the
    final flat line work on the data as the first ladder left it, i.e. with the observations that
    ended too-fast recoveries interpolated away: that is what the IDL reference outputs show (the
    flat line of a non-significant pixel sits at the mean of those edited values, not of the raw
    ones).
    """
    idl = flavor == FLAVOR_IDL
    if idl:
        # The raw observations, for the line of a series IDL finds nothing to split in.
        for i in range(n):
            w.y2[i] = y[i]
    despike(y, n, params[P_SPIKE], idl)
    max_vertices = int(params[P_MAX_SEGMENTS]) + 1
    n_candidates = max_vertices + int(params[P_OVERSHOOT])
    nv = find_candidate_vertices(x, y, n, n_candidates, w.cand, w.vx, w.vkeep, idl)
    if nv == 2:
        # Nothing to split: the data are one straight line (a constant included). IDL answers with
        # an all-zero model here (LANDTRENDR.md); both flavours return the data's own line instead,
        # one segment over the whole series, with p = 1 when there is no variance to explain. IDL
        # also gets here when despiking flattened the series or too few observations leave room
        # for a split; its flavour then returns the least-squares line of the raw observations,
        # not of the despiked ones.
        line = w.y2 if idl else y
        sse = fit_segments(x, line, w.cand, 2, w.out_fv)
        w.out_verts[0] = 0
        w.out_verts[1] = n - 1
        sst = total_sum_of_squares(line, n)
        return 2, (1.0 if sst <= 0.0 else p_of_f(sst, sse, n, 1, idl)), _STATUS_LINE
    lo = y[0]
    hi = y[0]
    for i in range(1, n):
        lo = min(lo, y[i])
        hi = max(hi, y[i])
    x_range = x[n - 1] - x[0]
    y_range = _f32(hi - lo) if idl else hi - lo
    for k in range(nv):
        w.vx[k] = x[w.cand[k]]
        w.vy[k] = scale_to_years(y[w.cand[k]], lo, y_range, x_range) if idl else y[w.cand[k]]
    nv = cull_by_angle(w.vx, w.vy, nv, max_vertices, y_range, x_range, w.cand, w.scores, idl)
    for i in range(n):
        w.y2[i] = y[i]
    pval = params[P_PVAL]
    proportion = params[P_BEST_MODEL_PROPORTION]
    n_rungs = build_ladder(x, w.y2, n, w.cand, nv, params, idl, False, w)
    r = choose_rung(w.rung_p, w.rung_ok, n_rungs, proportion, nv)
    if r < 0:
        r = lowest_f_rung(w.rung_f, n_rungs)
    if w.rung_p[r] <= pval:
        return _copy_rung(w, r), w.rung_p[r], STATUS_OK
    n_rungs = build_ladder(x, w.y2, n, w.cand, nv, params, idl, True, w)
    r = choose_rung(w.rung_p, w.rung_ok, n_rungs, proportion, nv)
    if r >= 0 and w.rung_p[r] <= pval:
        return _copy_rung(w, r), w.rung_p[r], STATUS_OK
    mean = _mean(w.y2, n)
    w.out_verts[0] = 0
    w.out_verts[1] = n - 1
    w.out_fv[0] = mean
    w.out_fv[1] = mean
    # Nothing picked in the joint ladder: IDL falls back to one segment with p forced to 1.
    return 2, (w.rung_p[r] if r >= 0 else 1.0), STATUS_NOT_SIGNIFICANT


@njit(cache=True)
def _report(value, flip, truncate):
    """Back to the natural orientation; IDL stores reported values in INT fields (truncation)."""
    v = flip * value
    if truncate:
        return float(math.trunc(v))
    return v


@njit(cache=True)
def _interpolate_polyline(vyear, vfit, nv, years, out, single_precision):
    """Fitted value of every year: linear between vertices (so interior gaps are filled).

    With ``single_precision`` the slope and then each step are rounded to float32, as IDL fills its
    fitted values from the (truncated) vertex values.
    """
    s = 0
    for t in range(years.shape[0]):
        while s < nv - 2 and years[t] > vyear[s + 1]:
            s += 1
        if single_precision:
            slope = _f32((vfit[s + 1] - vfit[s]) / (vyear[s + 1] - vyear[s]))
            out[t] = _f32(_f32((years[t] - vyear[s]) * slope) + vfit[s])
        else:
            frac = (years[t] - vyear[s]) / (vyear[s + 1] - vyear[s])
            out[t] = vfit[s] + frac * (vfit[s + 1] - vfit[s])


@njit(cache=True)
def _raw_angle_score(vx, vy, k, y_range, integer):
    """IDL's angle_diff on unscaled vertex values, used when a missing end year adds a vertex.

    Unlike step 4 the values are not rescaled to the year range; with ``integer`` (IDL's INT
    vertex values at the last-year step) the disturbance boost is an integer division.
    """
    rise = vy[k + 1] - vy[k]
    left = abs((vy[k] - vy[k - 1]) / (vx[k] - vx[k - 1]))
    right = abs(rise / (vx[k + 1] - vx[k]))
    boost = 0.0
    if y_range > 0.0:
        boost = DISTURBANCE_WEIGHT * rise / y_range
        if integer:
            boost = math.trunc(boost)
    return math.atan(max(left, right)) * (max(0.0, boost) + 1.0)


@njit(cache=True)
def _drop_lowest_raw_angle(vx, vy, keep, m, integer):
    """Remove the interior vertex with the lowest :func:`_raw_angle_score`; returns the new count."""
    lo = vy[0]
    hi = vy[0]
    for k in range(1, m):
        lo = min(lo, vy[k])
        hi = max(hi, vy[k])
    worst = 1
    worst_score = np.inf
    for k in range(1, m - 1):
        score = _raw_angle_score(vx, vy, k, hi - lo, integer)
        if score < worst_score:
            worst_score = score
            worst = k
    for k in range(worst, m - 1):
        vx[k] = vx[k + 1]
        vy[k] = vy[k + 1]
        keep[k] = keep[k + 1]
    return m - 1


@njit(cache=True)
def _absolute_vertices(years, nv, idl, max_segments, w):
    """Vertex years of the fit plus flat vertices at a missing first/last year (step 10).

    IDL does this on vertex values truncated toward zero and one end at a time: if the flat vertex
    of a missing first year makes more than ``max_segments``, one interior vertex goes by
    :func:`_raw_angle_score`, then the same for a missing last year, with the integer arithmetic IDL
    applies there. Otherwise the caller culls any excess by the step-4 score.
    """
    m = 0
    if w.obs[0] > 0:
        w.vyear[0] = years[0]
        w.vfit[0] = _trunc_single(w.out_fv[0]) if idl else w.out_fv[0]
        w.vkeep[0] = -1
        m = 1
    for k in range(nv):
        t = w.obs[w.out_verts[k]]
        w.vyear[m] = years[t]
        w.vfit[m] = _trunc_single(w.out_fv[k]) if idl else w.out_fv[k]
        w.vkeep[m] = t
        m += 1
    if idl and w.obs[0] > 0 and m - 1 > max_segments:
        m = _drop_lowest_raw_angle(w.vyear, w.vfit, w.vkeep, m, False)
    if w.vyear[m - 1] < years[years.shape[0] - 1]:
        w.vyear[m] = years[years.shape[0] - 1]
        w.vfit[m] = w.vfit[m - 1]
        w.vkeep[m] = -1
        m += 1
        if idl and m - 1 > max_segments:
            m = _drop_lowest_raw_angle(w.vyear, w.vfit, w.vkeep, m, True)
    return m


@njit(cache=True)
def _span_vertices(years, n, first_value, last_value, w):
    """One segment from the first to the last year (a line or a flat mean); returns 2."""
    n_years = years.shape[0]
    w.vyear[0] = years[0]
    w.vyear[1] = years[n_years - 1]
    w.vfit[0] = first_value
    w.vfit[1] = last_value
    w.vkeep[0] = 0 if w.obs[0] == 0 else -1
    w.vkeep[1] = n_years - 1 if w.obs[n - 1] == n_years - 1 else -1
    return 2


@njit(cache=True)
def fit_pixel(values, years, params, flavor, flip, w, out_vyear, out_vsrc, out_vfit, out_fitted):
    """Whole LandTrendr fit of one pixel's annual series; returns (segments, rmse, p, status).

    Missing years (NaN or infinite) are dropped (step 1); too few observations give a flat line at
    the mean.
    Step 10: a missing first or last year gets a flat vertex, and if that exceeds maxSegments the
    weakest interior vertex by the step-4 score goes. Vertex outputs are padded with NaN.
    """
    n_years = years.shape[0]
    n = 0
    for t in range(n_years):
        v = values[t]
        if math.isfinite(v):
            w.x[n] = years[t] - years[0]
            w.y[n] = flip * v
            w.obs[n] = t
            n += 1
    for k in range(out_vyear.shape[0]):
        out_vyear[k] = np.nan
        out_vsrc[k] = np.nan
        out_vfit[k] = np.nan
    if n == 0:
        for t in range(n_years):
            out_fitted[t] = np.nan
        return 0, np.nan, np.nan, STATUS_NO_DATA
    idl = flavor == FLAVOR_IDL
    if n < params[P_MIN_OBS]:
        nv = 2
        w.out_verts[0] = 0
        w.out_verts[1] = n - 1
        w.out_fv[0] = _mean(w.y, n)
        w.out_fv[1] = w.out_fv[0]
        p = np.nan
        status = STATUS_TOO_FEW_OBSERVATIONS
    else:
        nv, p, status = fit_observations(w.x, w.y, n, params, flavor, w)
    if status == _STATUS_LINE:
        # The line runs on over missing first/last years (no flat end vertices: one segment).
        slope = (w.out_fv[1] - w.out_fv[0]) / (w.x[n - 1] - w.x[0])
        first = w.out_fv[0] - slope * w.x[0]
        last = w.out_fv[0] + slope * (years[n_years - 1] - years[0] - w.x[0])
        m = _span_vertices(years, n, first, last, w)
        status = STATUS_OK
    elif status == STATUS_OK:
        m = _absolute_vertices(years, nv, idl, int(params[P_MAX_SEGMENTS]), w)
    else:
        m = _span_vertices(years, n, w.out_fv[0], w.out_fv[0], w)
    max_vertices = int(params[P_MAX_SEGMENTS]) + 1
    if m > max_vertices:
        lo = w.vfit[0]
        hi = w.vfit[0]
        for k in range(1, m):
            lo = min(lo, w.vfit[k])
            hi = max(hi, w.vfit[k])
        # in double precision in both flavours (IDL drops its extra end vertex in _absolute_vertices)
        span = years[n_years - 1] - years[0]
        m = cull_by_angle(w.vyear, w.vfit, m, max_vertices, hi - lo, span, w.vkeep, w.scores, False)
    for k in range(m):
        out_vyear[k] = w.vyear[k]
        out_vsrc[k] = np.nan if w.vkeep[k] < 0 else values[w.vkeep[k]]
        out_vfit[k] = _report(w.vfit[k], flip, idl)
    _interpolate_polyline(w.vyear, w.vfit, m, years, out_fitted, idl)
    sse = 0.0
    for t in range(n_years):
        out_fitted[t] = _report(out_fitted[t], flip, idl)
        if math.isfinite(values[t]):
            sse += (values[t] - out_fitted[t]) ** 2
    return m - 1, math.sqrt(sse / n), p, status


@njit(cache=True)
def _block_bounds(n_items, n_blocks, b):
    return b * n_items // n_blocks, (b + 1) * n_items // n_blocks


@njit(parallel=True, cache=True, nogil=True, allocates=True)
def fit_many(
    values,
    years,
    params,
    flavor,
    flip,
    n_blocks,
    out_vyear,
    out_vsrc,
    out_vfit,
    out_fitted,
    out_nseg,
    out_rmse,
    out_p,
    out_status,
):
    """LandTrendr on every column of ``values`` (years x pixels, NaN = missing), in parallel.

    Outputs are preallocated by the caller: vertices (maxSegments+1 x pixels, NaN padded), fitted
    values (years x pixels), segment count, RMSE against the source values, p-value and status.
    Pixels are split into ``n_blocks`` contiguous blocks (a few per thread) that share scratch.
    Pixels run along the last axis because that is how a window of a band-per-year raster arrives
    and how its outputs leave: no transposed copy of the inputs or the outputs is ever made.
    """
    n_pix = values.shape[1]
    max_vertices = int(params[P_MAX_SEGMENTS]) + 1
    n_candidates = max_vertices + int(params[P_OVERSHOOT])
    for b in prange(n_blocks):
        w = make_work(years.shape[0], max(n_candidates, max_vertices + 2))
        start, stop = _block_bounds(n_pix, n_blocks, b)
        _fit_block(values, years, params, flavor, flip, w, start, stop, out_vyear, out_vsrc, out_vfit,
                   out_fitted, out_nseg, out_rmse, out_p, out_status)  # fmt: skip


@njit(cache=True)
def _fit_block(values, years, params, flavor, flip, w, start, stop, out_vyear, out_vsrc, out_vfit,
               out_fitted, out_nseg, out_rmse, out_p, out_status):  # fmt: skip
    """:func:`fit_pixel` on pixels ``start:stop`` of :func:`fit_many`'s arrays: the per-pixel column
    views are made here, without reference counting, not in the parallel loop, where every view
    would increment a counter that all threads share."""
    for i in range(start, stop):
        nseg, rmse, p, status = fit_pixel(
            values[:, i], years, params, flavor, flip, w,
            out_vyear[:, i], out_vsrc[:, i], out_vfit[:, i], out_fitted[:, i],
        )  # fmt: skip
        out_nseg[i] = nseg
        out_rmse[i] = rmse
        out_p[i] = p
        out_status[i] = status


@njit(cache=True)
def ftv_pixel(values, years, vyear, truncate, w, out_vfit, out_fitted):
    """Fit one other band at the index's vertex years (step 5 on the band's own values).

    A vertex year the band lacks gets a value interpolated from its neighbours in time (flat beyond
    the ends), so the band keeps its own level and shape while sharing the index's breakpoints.
    """
    n_years = years.shape[0]
    nv = 0
    while nv < vyear.shape[0] and not math.isnan(vyear[nv]):
        nv += 1
    n_valid = 0
    for t in range(n_years):
        if math.isfinite(values[t]):
            n_valid += 1
    for k in range(out_vfit.shape[0]):
        out_vfit[k] = np.nan
    if nv < 2 or n_valid == 0:
        for t in range(n_years):
            out_fitted[t] = np.nan
        return
    n = 0
    k = 0
    for t in range(n_years):
        is_vertex = k < nv and years[t] == vyear[k]
        if not math.isfinite(values[t]) and not is_vertex:
            continue
        w.x[n] = years[t] - years[0]
        if not math.isfinite(values[t]):
            w.y[n] = _interpolate_missing(values, years, t)
        else:
            w.y[n] = values[t]
        if is_vertex:
            w.cur[k] = n
            k += 1
        n += 1
    fit_segments(w.x, w.y, w.cur, nv, w.fv_tmp)
    for k in range(nv):
        out_vfit[k] = _report(w.fv_tmp[k], 1.0, truncate)
    _interpolate_polyline(vyear, w.fv_tmp, nv, years, out_fitted, False)
    for t in range(n_years):
        out_fitted[t] = _report(out_fitted[t], 1.0, truncate)


@njit(cache=True)
def _interpolate_missing(values, years, t):
    before = t - 1
    while before >= 0 and not math.isfinite(values[before]):
        before -= 1
    after = t + 1
    while after < values.shape[0] and not math.isfinite(values[after]):
        after += 1
    if before < 0:
        return values[after]
    if after >= values.shape[0]:
        return values[before]
    frac = (years[t] - years[before]) / (years[after] - years[before])
    return values[before] + frac * (values[after] - values[before])


@njit(parallel=True, cache=True, nogil=True, allocates=True)
def ftv_many(values, years, vyear, truncate, n_blocks, out_vfit, out_fitted):
    """:func:`ftv_pixel` on every column of ``values`` (years x pixels) with the matching column of
    vertex years (vertices x pixels); outputs in the same layout, as :func:`fit_many`."""
    n_pix = values.shape[1]
    for b in prange(n_blocks):
        w = make_work(years.shape[0], vyear.shape[0] + 2)
        start, stop = _block_bounds(n_pix, n_blocks, b)
        _ftv_block(values, years, vyear, truncate, w, start, stop, out_vfit, out_fitted)


@njit(cache=True)
def _ftv_block(values, years, vyear, truncate, w, start, stop, out_vfit, out_fitted):
    """:func:`ftv_pixel` on pixels ``start:stop``, the column views made here as in :func:`_fit_block`."""
    for i in range(start, stop):
        ftv_pixel(values[:, i], years, vyear[:, i], truncate, w, out_vfit[:, i], out_fitted[:, i])

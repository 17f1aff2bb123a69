"""The compositing kernels against their definitions, on random data (hypothesis) and by hand."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from timestack.core import composite_kernels as kernels


def medoid_by_definition(data):
    """Plain numpy: per-band median of valid observations, then argmin of summed squared distances."""
    n_obs, n_bands, n_pix = data.shape
    chosen = np.full(n_pix, -1)
    for p in range(n_pix):
        pixel = data[:, :, p].astype(np.float64)
        valid = np.isfinite(pixel).all(axis=1)
        if not valid.any():
            continue
        median = np.median(pixel[valid], axis=0)
        distance = np.full(n_obs, np.inf)
        for o in np.flatnonzero(valid):
            total = 0.0
            for b in range(n_bands):
                total += (pixel[o, b] - median[b]) ** 2
            distance[o] = total
        chosen[p] = int(np.argmin(distance))  # first of equal minima: the earliest observation
    return chosen


# Reflectance-like values, some exactly equal (ties), some missing.
values = st.one_of(st.sampled_from([0.0, 0.125, 0.25, np.nan]), st.floats(-0.25, 1.5, width=32))
stacks = st.tuples(st.integers(1, 35), st.integers(1, 7), st.integers(1, 300)).flatmap(
    lambda shape: arrays(np.float32, shape, elements=values)
)


@settings(max_examples=150, deadline=None)
@given(stacks)
def test_medoid_is_the_observation_closest_to_the_median(data):
    out = np.empty((data.shape[1], data.shape[2]), np.float32)
    chosen = np.empty(data.shape[2], np.int64)
    kernels.medoid(data, out, chosen)
    np.testing.assert_array_equal(chosen, medoid_by_definition(data))
    for p, o in enumerate(chosen):
        if o >= 0:
            np.testing.assert_array_equal(out[:, p], data[o, :, p])
        else:
            assert np.isnan(out[:, p]).all()


def test_medoid_keeps_all_bands_of_the_chosen_observation():
    # The per-band medians (0.2, 0.5) come from different observations; the medoid is one whole
    # observation, the nearest to both: squared distances 0.01, 0.16, 0.0125.
    data = np.array([[[0.1], [0.5]], [[0.2], [0.9]], [[0.3], [0.45]]], np.float32)
    out, chosen = np.empty((2, 1), np.float32), np.empty(1, np.int64)
    kernels.medoid(data, out, chosen)
    assert chosen[0] == 0 and out[:, 0].tolist() == pytest.approx([0.1, 0.5])


def test_ties_go_to_the_earliest_observation():
    data = np.array([[[0.1]], [[0.3]]], np.float32)  # median 0.2: both at distance 0.01
    out, chosen = np.empty((1, 1), np.float32), np.empty(1, np.int64)
    kernels.medoid(data, out, chosen)
    assert chosen[0] == 0


def test_observation_with_any_band_missing_is_not_a_candidate():
    data = np.array([[[0.2], [np.nan]], [[0.9], [0.9]]], np.float32)
    out, chosen = np.empty((2, 1), np.float32), np.empty(1, np.int64)
    kernels.medoid(data, out, chosen)
    assert chosen[0] == 1


@settings(max_examples=60, deadline=None)
@given(stacks, st.floats(0, 100))
def test_percentile_matches_numpy_linear_interpolation(data, q):
    out = np.empty((data.shape[1], data.shape[2]), np.float32)
    kernels.percentile(data, q, out)
    valid = np.isfinite(data).all(axis=1, keepdims=True)
    masked = np.where(valid, data.astype(np.float64), np.nan)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN pixels
        expected = np.nanpercentile(masked, q, axis=0)
    np.testing.assert_allclose(out, expected, rtol=1e-6, atol=1e-6)


def test_mean_and_best_score():
    data = np.array([[[0.1, np.nan]], [[0.3, np.nan]], [[np.nan, np.nan]]], np.float32)
    out = np.empty((1, 2), np.float32)
    kernels.mean(data, out)
    assert out[0, 0] == pytest.approx(0.2) and np.isnan(out[0, 1])
    score = np.array([[0.5, 1.0], [0.7, 2.0], [0.9, 3.0]], np.float32)  # obs 2 best but missing
    chosen = np.empty(2, np.int64)
    kernels.best_score(score, data, out, chosen)
    assert chosen.tolist() == [1, -1] and out[0, 0] == pytest.approx(0.3)


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 13, 20, 33])
def test_sorting_network_sorts(n):
    rng = np.random.default_rng(n)
    rows = rng.random((50, n))
    rows[:, rng.random(n) < 0.3] = np.inf
    result = rows.copy()
    for i, j in kernels.sorting_network(n):
        low, high = np.minimum(result[:, i], result[:, j]), np.maximum(result[:, i], result[:, j])
        result[:, i], result[:, j] = low, high
    np.testing.assert_array_equal(result, np.sort(rows, axis=1))

"""TDOM: dark temporal outliers in nir and swir1 are shadows; statistics accumulate and can be reused."""

import numpy as np
import pytest

from timestack.core.tdom import TdomAccumulator, halo_pixels, tdom_shadow


def series(n=12, shape=(20, 20), seed=0):
    rng = np.random.default_rng(seed)
    nir = 0.30 + 0.02 * rng.standard_normal((n, *shape))
    swir1 = 0.15 + 0.01 * rng.standard_normal((n, *shape))
    return nir, swir1


def test_statistics_are_population_mean_and_std_ignoring_nan():
    nir, swir1 = series()
    nir[3, 0, 0] = np.nan
    accumulator = TdomAccumulator.empty(nir.shape[1:])
    for n, s in zip(nir, swir1):
        accumulator.add(n, s)
    stats = accumulator.statistics()
    valid = np.ones(len(nir), bool)
    valid[3] = False
    assert stats[0, 0, 0] == pytest.approx(np.mean(nir[valid, 0, 0]), rel=1e-6)
    assert stats[1, 0, 0] == pytest.approx(np.std(nir[valid, 0, 0]), rel=1e-4)
    assert stats[2, 5, 5] == pytest.approx(np.mean(swir1[:, 5, 5]), rel=1e-6)
    assert stats[3, 5, 5] == pytest.approx(np.std(swir1[:, 5, 5]), rel=1e-4)


def test_a_dark_patch_is_caught_and_grown_noise_is_not():
    nir, swir1 = series()
    accumulator = TdomAccumulator.empty(nir.shape[1:])
    shadowed_nir, shadowed_swir1 = nir[0].copy(), swir1[0].copy()
    shadowed_nir[8:13, 8:13] = 0.12  # a 5x5 cloud shadow: both bands far darker than usual
    shadowed_swir1[8:13, 8:13] = 0.05
    shadowed_nir[2, 2], shadowed_swir1[2, 2] = 0.12, 0.05  # one dark speck: eroded away
    for n, s in zip([shadowed_nir, *nir[1:]], [shadowed_swir1, *swir1[1:]]):
        accumulator.add(n, s)
    mask = tdom_shadow(shadowed_nir, shadowed_swir1, accumulator.statistics())
    assert mask[8:13, 8:13].all()
    assert mask[6, 10] and mask[14, 10]  # dilated 3.5 px beyond the 1.5 px-eroded core
    assert not mask[2, 2] and not mask[0, 19]
    assert not tdom_shadow(nir[1], swir1[1], accumulator.statistics()).any()


def test_dark_but_not_outlying_water_is_kept():
    """Water is always dark: its z-score is ordinary, so TDOM leaves it alone."""
    nir, swir1 = series()
    nir[:, :10] = 0.02 + 0.005 * np.random.default_rng(1).standard_normal(nir[:, :10].shape)
    swir1[:, :10] = 0.01
    accumulator = TdomAccumulator.empty(nir.shape[1:])
    for n, s in zip(nir, swir1):
        accumulator.add(n, s)
    assert tdom_shadow(nir[4], swir1[4], accumulator.statistics()).sum() == 0


def test_halo_covers_erosion_and_dilation():
    assert halo_pixels(1.5, 3.5) == 6

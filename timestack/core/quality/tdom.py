"""TDOM, the temporal dark outlier mask: cloud shadows that QA bits miss, caught as dark outliers in time.

A shadow darkens nir and swir1 far below what the pixel usually shows. Per pixel over the whole
collection we keep the mean and standard deviation of nir and swir1 (statistics that can be computed
once, stored and reused); an observation is a shadow if both z-scores are below ``z_threshold`` and
nir + swir1 is below ``dark_threshold``. The mask is then opened-up (eroded by 1.5 px, dilated by 3.5 px,
circular kernels) to drop speckle and cover shadow edges.

Source: Housman et al. (2018), Remote Sensing 10(8), 1184 (TDOM as in the USFS LCMS/GEE workflows);
parameters per REFERENCE.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .masks import disk


@dataclass
class TdomAccumulator:
    """Running sums of nir and swir1 per pixel, fed one observation at a time (memory: 5 planes)."""

    count: np.ndarray
    sum_nir: np.ndarray
    sumsq_nir: np.ndarray
    sum_swir1: np.ndarray
    sumsq_swir1: np.ndarray

    @classmethod
    def empty(cls, shape: tuple[int, int]) -> TdomAccumulator:
        return cls(*(np.zeros(shape, dtype=np.float64) for _ in range(5)))

    def add(self, nir: np.ndarray, swir1: np.ndarray) -> None:
        """Add one observation (reflectance 0-1; NaN where masked)."""
        valid = np.isfinite(nir) & np.isfinite(swir1)
        n = np.where(valid, nir, 0.0)
        s = np.where(valid, swir1, 0.0)
        self.count += valid
        self.sum_nir += n
        self.sumsq_nir += n * n
        self.sum_swir1 += s
        self.sumsq_swir1 += s * s

    def statistics(self) -> np.ndarray:
        """(4, rows, cols) float32: mean nir, std nir, mean swir1, std swir1 (population); NaN if < 2 obs."""
        with np.errstate(divide="ignore", invalid="ignore"):
            count = np.where(self.count >= 2, self.count, np.nan)
            mean_nir = self.sum_nir / count
            mean_swir1 = self.sum_swir1 / count
            std_nir = np.sqrt(np.maximum(self.sumsq_nir / count - mean_nir**2, 0.0))
            std_swir1 = np.sqrt(np.maximum(self.sumsq_swir1 / count - mean_swir1**2, 0.0))
        return np.stack([mean_nir, std_nir, mean_swir1, std_swir1]).astype(np.float32)


#: Band descriptions of a stored TDOM statistics raster, in ``TdomAccumulator.statistics`` order.
STATISTICS_BANDS = ("mean_nir", "std_nir", "mean_swir1", "std_swir1")


def tdom_shadow(
    nir: np.ndarray,
    swir1: np.ndarray,
    statistics: np.ndarray,
    z_threshold: float = -1.0,
    dark_threshold: float = 0.35,
    erode_radius: float = 1.5,
    dilate_radius: float = 3.5,
) -> np.ndarray:
    """Boolean mask of dark temporal outliers in one observation (2-D nir, swir1; reflectance 0-1).

    Parameters
    ----------
    nir, swir1
        The observation's reflectance, 0-1.
    statistics
        The (4, rows, cols) array of :meth:`TdomAccumulator.statistics` (means and standard deviations
        over the collection).
    z_threshold
        Both z-scores must be below this (standard deviations).
    dark_threshold
        nir + swir1 must be below this (reflectance).
    erode_radius, dilate_radius
        The opening's radii, in pixels: speckle removed, shadow edges covered.

    Returns
    -------
    numpy.ndarray
        Boolean, true for a shadow.
    """
    mean_nir, std_nir, mean_swir1, std_swir1 = statistics
    with np.errstate(divide="ignore", invalid="ignore"):
        z_nir = (nir - mean_nir) / std_nir
        z_swir1 = (swir1 - mean_swir1) / std_swir1
    dark = (z_nir < z_threshold) & (z_swir1 < z_threshold) & ((nir + swir1) < dark_threshold)
    from scipy import ndimage  # imported by the first TDOM mask, not when QGIS registers the algorithms

    if erode_radius > 0:
        dark = ndimage.binary_erosion(dark, structure=disk(erode_radius))
    if dilate_radius > 0:
        dark = ndimage.binary_dilation(dark, structure=disk(dilate_radius))
    return dark


def halo_pixels(erode_radius: float = 1.5, dilate_radius: float = 3.5) -> int:
    """How many pixels around a chunk TDOM needs so its morphology matches an unchunked run.

    Parameters
    ----------
    erode_radius, dilate_radius
        :func:`tdom_shadow`'s radii.

    Returns
    -------
    int
    """
    return int(np.ceil(erode_radius) + np.ceil(dilate_radius))

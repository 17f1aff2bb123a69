"""Smooth random fields, the one source of spatial structure in the sample archive."""

from __future__ import annotations

import numpy as np
from scipy import ndimage


def smooth_field(rng: np.random.Generator, shape: tuple[int, int], sigma: float) -> np.ndarray:
    """Gaussian-filtered white noise rescaled to 0-1: the base of clouds, texture, terrain and stand edges.

    Parameters
    ----------
    rng
        The seeded generator (the archive is deterministic).
    shape
        (rows, cols).
    sigma
        The Gaussian's width, in pixels: the size of the blobs.

    Returns
    -------
    numpy.ndarray
    """
    field = ndimage.gaussian_filter(rng.standard_normal(shape), sigma=sigma, mode="wrap")
    field -= field.min()
    return (field / max(float(field.max()), 1e-12)).astype(np.float32)

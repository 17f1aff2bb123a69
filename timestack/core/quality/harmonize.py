"""Landsat 8/9 OLI -> Landsat 7 ETM+ surface-reflectance harmonisation (Roy et al. 2016).

OLI's narrower bands read slightly differently from TM/ETM+ over the same surface; a 40-year stack that
mixes them shows a step at 2013 that LandTrendr could mistake for change. Roy et al. (2016, Remote
Sensing of Environment 185, table 2) give reduced-major-axis coefficients per band; ETM = (OLI - b) / a.
For Collection 2 surface reflectance the correction is small and therefore optional (off by default).
"""

from __future__ import annotations

from typing import Mapping

import numpy as np

#: Roy et al. (2016) RMA OLI->ETM+ slope ``a`` and intercept ``b`` per canonical band.
OLI_TO_ETM_RMA: Mapping[str, tuple[float, float]] = {
    "blue": (0.9785, -0.0095),
    "green": (0.9542, -0.0016),
    "red": (0.9825, -0.0022),
    "nir": (1.0073, -0.0021),
    "swir1": (1.0171, -0.0030),
    "swir2": (0.9949, 0.0029),
}


def oli_to_etm(reflectance: np.ndarray, band: str) -> np.ndarray:
    """Harmonise OLI reflectance (0-1) of canonical ``band`` to ETM+; NaN stays NaN.

    ETM = (OLI - b) / a with Roy et al. (2016)'s reduced-major-axis coefficients, so a stack mixing
    Landsat 7 and 8 shows no step in 2013 that LandTrendr could take for change.

    Parameters
    ----------
    reflectance
        OLI surface reflectance, 0-1.
    band
        A canonical band of :data:`OLI_TO_ETM_RMA` (blue, green, red, nir, swir1, swir2).

    Returns
    -------
    numpy.ndarray
        ETM+-equivalent reflectance.

    Raises
    ------
    ValueError
        No coefficients for ``band``.
    """
    try:
        slope, intercept = OLI_TO_ETM_RMA[band]
    except KeyError:
        raise ValueError(
            f"no OLI->ETM+ coefficients for band {band!r}; known: {sorted(OLI_TO_ETM_RMA)}"
        ) from None
    return (reflectance - np.float32(intercept)) / np.float32(slope)


def needs_harmonisation(platform: str) -> bool:
    """True for OLI scenes (Landsat 8 and 9), the ones moved onto the ETM+ scale.

    Parameters
    ----------
    platform
        The STAC ``platform`` (``landsat-8``, ``LANDSAT_9``).

    Returns
    -------
    bool
    """
    return platform.lower().replace("_", "-") in ("landsat-8", "landsat-9")

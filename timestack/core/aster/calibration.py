"""ASTER Level-1 digital numbers as physical quantities: at-sensor radiance, brightness temperature and
top-of-atmosphere reflectance.

Radiance. ASTER L1B/L1T DNs are radiance coded with a gain-dependent *unit conversion coefficient*
(UCC): ``L = (DN - 1) * UCC`` in W m⁻² sr⁻¹ µm⁻¹. DN 0 is "no data" (the edges of the rotated swath),
DN 255 (VNIR, SWIR; 8-bit) and 4095 (TIR; 12-bit) mark saturated pixels. The coefficients per band and
gain (high, normal, low 1, low 2; the TIR has one gain) are Table 5 of the *ASTER User Handbook,
Version 2* (Abrams, Hook & Ramachandran, JPL, 2002), repeated in the LP DAAC *ASTER Level 1 Precision
Terrain Corrected Registered At-Sensor Radiance (AST_L1T) Product User's Guide* (v003).

Brightness temperature. The TIR radiance inverted through Planck's law at each band's effective
central wavelength: ``T = c2 / (λ · ln(c1 / (λ⁵ · L) + 1))`` with ``c1 = 2hc² = 1.191042×10⁸
W m⁻² sr⁻¹ µm⁴`` and ``c2 = hc/k = 1.4387752×10⁴ µm K`` (CODATA), λ in µm, L in W m⁻² sr⁻¹ µm⁻¹.
The effective wavelengths 8.291, 8.634, 9.075, 10.657 and 11.318 µm (bands 10-14) are the ASTER User
Handbook's; with them ``c1/λ⁵`` and ``c2/λ`` are the K1/K2 constants quoted in the literature (band 13:
K1 = 866.47, K2 = 1350.07).

Reflectance. ``ρ = π · L · d² / (ESUN · cos θs)`` with the solar zenith angle θs (90° − the item's sun
elevation), the Earth–Sun distance ``d`` in astronomical units and the band-mean exo-atmospheric
irradiance ESUN of Thome et al. (2001), the set commonly used with the Handbook's coefficients.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Mapping, Optional

import numpy as np

from ..runtime import QT_TRANSLATE_NOOP, TimestackError

__all__ = [
    "BANDS",
    "C1",
    "C2",
    "EFFECTIVE_WAVELENGTH_UM",
    "ESUN",
    "GAINS",
    "NODATA_DN",
    "RESOLUTION_M",
    "SATURATED_DN",
    "SUBSYSTEMS",
    "UNIT_CONVERSION",
    "band_name",
    "brightness_temperature",
    "dn_to_radiance",
    "earth_sun_distance",
    "parse_gains",
    "radiance_to_reflectance",
    "subsystem_of",
    "unit_conversion",
]

#: Band ids per subsystem, in the order of the published COGs' bands (3B, the backward-looking stereo
#: band of L1A/L1B, is not in L1T).
SUBSYSTEMS: Mapping[str, tuple[str, ...]] = {
    "VNIR": ("1", "2", "3N"),
    "SWIR": ("4", "5", "6", "7", "8", "9"),
    "TIR": ("10", "11", "12", "13", "14"),
}
#: Every L1T band id in spectral order.
BANDS: tuple[str, ...] = tuple(band for bands in SUBSYSTEMS.values() for band in bands)
#: Native pixel size of each subsystem (m).
RESOLUTION_M: Mapping[str, int] = {"VNIR": 15, "SWIR": 30, "TIR": 90}
#: DN of pixels outside the image.
NODATA_DN = 0
#: DN of saturated pixels per subsystem (8-bit VNIR/SWIR, 12-bit TIR).
SATURATED_DN: Mapping[str, int] = {"VNIR": 255, "SWIR": 255, "TIR": 4095}

#: Gain settings as ASTER metadata spells them: high, normal, low 1, low 2.
GAINS: tuple[str, ...] = ("HGH", "NOR", "LO1", "LO2")
_GAIN_ALIASES = {
    "hgh": "HGH", "high": "HGH", "hi": "HGH",
    "nor": "NOR", "normal": "NOR",
    "lo1": "LO1", "low1": "LO1", "lw1": "LO1", "low 1": "LO1",
    "lo2": "LO2", "low2": "LO2", "lw2": "LO2", "low 2": "LO2",
}  # fmt: skip

#: Unit conversion coefficients (W m⁻² sr⁻¹ µm⁻¹ per DN) by band and gain, ASTER User Handbook v2,
#: Table 5. A gain a band does not have is absent (VNIR has no low 2; the TIR only normal).
UNIT_CONVERSION: Mapping[str, Mapping[str, float]] = {
    "1": {"HGH": 0.676, "NOR": 1.688, "LO1": 2.25},
    "2": {"HGH": 0.708, "NOR": 1.415, "LO1": 1.89},
    "3N": {"HGH": 0.423, "NOR": 0.862, "LO1": 1.15},
    "4": {"HGH": 0.1087, "NOR": 0.2174, "LO1": 0.290, "LO2": 0.290},
    "5": {"HGH": 0.0348, "NOR": 0.0696, "LO1": 0.0925, "LO2": 0.409},
    "6": {"HGH": 0.0313, "NOR": 0.0625, "LO1": 0.0830, "LO2": 0.390},
    "7": {"HGH": 0.0299, "NOR": 0.0597, "LO1": 0.0795, "LO2": 0.332},
    "8": {"HGH": 0.0209, "NOR": 0.0417, "LO1": 0.0556, "LO2": 0.245},
    "9": {"HGH": 0.0159, "NOR": 0.0318, "LO1": 0.0424, "LO2": 0.265},
    "10": {"NOR": 6.822e-3},
    "11": {"NOR": 6.780e-3},
    "12": {"NOR": 6.590e-3},
    "13": {"NOR": 5.693e-3},
    "14": {"NOR": 5.225e-3},
}

#: Effective central wavelengths of the TIR bands (µm), ASTER User Handbook v2.
EFFECTIVE_WAVELENGTH_UM: Mapping[str, float] = {
    "10": 8.291,
    "11": 8.634,
    "12": 9.075,
    "13": 10.657,
    "14": 11.318,
}
#: First radiation constant for spectral radiance, 2hc² (W m⁻² sr⁻¹ µm⁴).
C1 = 1.191042e8
#: Second radiation constant, hc/k (µm K).
C2 = 1.4387752e4

#: Band-mean exo-atmospheric solar irradiance (W m⁻² µm⁻¹) of the VNIR and SWIR bands, Thome et al.
#: (2001), "Effects of assumed solar spectral irradiance on intercomparisons of earth-observing sensors".
ESUN: Mapping[str, float] = {
    "1": 1848.0,
    "2": 1549.0,
    "3N": 1114.0,
    "4": 225.4,
    "5": 86.63,
    "6": 81.85,
    "7": 74.85,
    "8": 66.49,
    "9": 59.85,
}


def band_name(band: str) -> str:
    """The registry name of ASTER band ``band`` (``3N`` -> ``aster_b3n``), distinct from every Landsat or
    Sentinel-2 band name so an ASTER index can never read another sensor's band."""
    return f"aster_b{band.lower()}"


def subsystem_of(band: str) -> str:
    """``VNIR``, ``SWIR`` or ``TIR`` for a band id; ValueError for anything else."""
    for subsystem, bands in SUBSYSTEMS.items():
        if band.upper() in bands:
            return subsystem
    raise ValueError(f"unknown ASTER band {band!r}; expected one of {', '.join(BANDS)}")


def unit_conversion(band: str, gain: str = "NOR") -> float:
    """The UCC of ``band`` at ``gain`` (Handbook Table 5); a gain the band lacks is a GAINS error."""
    band = band.upper()
    coefficients = UNIT_CONVERSION[band]
    if gain not in coefficients:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "GAINS: ASTER band {0} has no {1} gain; its gains are {2}."
            ),
            "GAINS",
            args=(band, gain, ", ".join(coefficients)),
        )  # fmt: skip
    return coefficients[gain]


def parse_gains(text: Optional[str]) -> dict[str, str]:
    """Gain settings from ``"1:HGH, 2:NOR, 4:LO1"`` (band:gain pairs; also ``high``, ``normal``,
    ``low1``, ``low2``); bands not named keep normal gain. Errors name GAINS."""
    gains: dict[str, str] = {}
    for part in (text or "").replace(";", ",").split(","):
        if not part.strip():
            continue
        band, _, written = part.partition(":")
        band, gain = band.strip().upper().removeprefix("B"), _GAIN_ALIASES.get(written.strip().lower())
        if band not in UNIT_CONVERSION or not gain:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "GAINS: '{0}' is not a band:gain pair such as 3N:HGH (bands 1, 2, 3N, 4-14; gains HGH, "
                    "NOR, LO1, LO2)."
                ),
                "GAINS",
                args=(part.strip(),),
            )  # fmt: skip
        unit_conversion(band, gain)
        gains[band] = gain
    return gains


def dn_to_radiance(dn: np.ndarray, band: str, gain: str = "NOR") -> np.ndarray:
    """At-sensor radiance (W m⁻² sr⁻¹ µm⁻¹, float32) of ASTER L1 DNs: ``(DN - 1) * UCC``.

    DN 0 (no data) and the saturated DN of the band's subsystem are NaN.
    """
    band = band.upper()
    coefficient = unit_conversion(band, gain)
    values = np.asarray(dn)
    radiance = (values.astype(np.float32) - np.float32(1.0)) * np.float32(coefficient)
    invalid = (values == NODATA_DN) | (values == SATURATED_DN[subsystem_of(band)])
    return np.where(invalid, np.float32(np.nan), radiance).astype(np.float32)


def brightness_temperature(radiance: np.ndarray, band: str) -> np.ndarray:
    """At-sensor brightness temperature (K, float32) of TIR ``radiance`` (W m⁻² sr⁻¹ µm⁻¹).

    Planck's law inverted at the band's effective wavelength; radiance ≤ 0 or NaN gives NaN.
    """
    wavelength = EFFECTIVE_WAVELENGTH_UM[band.upper()]
    radiance = np.asarray(radiance, dtype=np.float64)
    k1, k2 = C1 / wavelength**5, C2 / wavelength
    with np.errstate(divide="ignore", invalid="ignore"):
        temperature = k2 / np.log(k1 / radiance + 1.0)
    return np.where(radiance > 0, temperature, np.nan).astype(np.float32)


def earth_sun_distance(day: dt.date) -> float:
    """Earth–Sun distance (AU) on ``day``: ``1 - 0.01672 · cos(0.9856° · (doy - 4))`` (the orbit's
    eccentricity 0.01672, perihelion about 4 January)."""
    doy = day.timetuple().tm_yday
    return 1.0 - 0.01672 * math.cos(math.radians(0.9856 * (doy - 4)))


def radiance_to_reflectance(
    radiance: np.ndarray, band: str, sun_elevation: float, day: dt.date
) -> np.ndarray:
    """Top-of-atmosphere reflectance (float32) of VNIR/SWIR ``radiance``: ``π L d² / (ESUN cos θs)``."""
    band = band.upper()
    zenith = math.radians(90.0 - float(sun_elevation))
    factor = math.pi * earth_sun_distance(day) ** 2 / (ESUN[band] * math.cos(zenith))
    return (np.asarray(radiance, dtype=np.float32) * np.float32(factor)).astype(np.float32)

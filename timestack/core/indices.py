"""The registry of reflective bands and spectral indices: one source of truth for every module.

Compositing computes indices from it, LandTrendr reads each index's disturbance direction from it, and
the Processing layer lists its names. Adding an index is one entry in ``INDICES``.

Band names are the field's short names (blue, green, red, nir, swir1, swir2); STAC asset keys of
Landsat Collection 2 and Sentinel-2 L2A map onto them through ``BAND_ALIASES``.

Sources (see REFERENCE.md): Rouse et al. 1974 (NDVI); Key & Benson 2006 (NBR); Gao 1996 / Wilson &
Sader 2002 (NDMI); USGS Landsat NBR2 product guide; Hall et al. 1995 (NDSI); McFeeters 1996 (NDWI);
Huete et al. 2002 (EVI); Huete 1988 (SAVI); Crist 1985 (reflectance tasseled cap coefficients);
Kennedy et al. 2010 / LT-GEE (direction of change on disturbance).

ASTER has its own indices (``ASTER_INDICES``) over its own band names (``aster_b1`` … ``aster_b14``,
never a Landsat or Sentinel-2 name), computed from top-of-atmosphere reflectance by
:mod:`timestack.core.aster`: NDVI from bands 3N and 2, and the SWIR band ratios of mineral mapping —
4/6 for Al-OH clays (kaolinite, illite/muscovite, montmorillonite: absorption at 2.17-2.21 µm in band 6;
Carranza et al. 2008, Rowan & Mars 2003), 5/7 for alunite (whose 2.17 µm absorption falls in band 5, so
alunite is *low* in 5/7; Ninomiya's alunite index uses 7/5) and 6/8 for carbonates and Mg-OH minerals
(calcite, dolomite, chlorite, epidote: absorption at 2.33 µm in band 8; Rowan & Mars 2003, Ninomiya 2004).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

import numpy as np

from .runtime import QT_TRANSLATE_NOOP, TimestackError

#: Canonical reflective bands in spectral order: the medoid distance and tasseled cap use these.
REFLECTIVE_BANDS = ("blue", "green", "red", "nir", "swir1", "swir2")

#: Asset keys and other names that mean a canonical band (Landsat C2 and Sentinel-2 STAC keys).
BAND_ALIASES: Mapping[str, str] = {
    "blue": "blue",
    "green": "green",
    "red": "red",
    "nir": "nir",
    "nir08": "nir",
    "swir1": "swir1",
    "swir16": "swir1",
    "swir2": "swir2",
    "swir22": "swir2",
}

#: +1 where a band's value rises on disturbance (vegetation loss), -1 where it falls (LT-GEE convention).
BAND_DIRECTIONS: Mapping[str, int] = {"blue": 1, "green": 1, "red": 1, "nir": -1, "swir1": 1, "swir2": 1}

#: Crist (1985) tasseled cap coefficients for reflectance, in ``REFLECTIVE_BANDS`` order.
TASSELED_CAP: Mapping[str, tuple[float, ...]] = {
    "brightness": (0.2043, 0.4158, 0.5524, 0.5741, 0.3124, 0.2303),
    "greenness": (-0.1603, -0.2819, -0.4934, 0.7940, -0.0002, -0.1446),
    "wetness": (0.0315, 0.2021, 0.3102, 0.1594, -0.6806, -0.6109),
}

Bands = Mapping[str, np.ndarray]


@dataclass(frozen=True)
class SpectralIndex:
    """One index: the bands it needs, how to compute it from reflectance (0-1), and its change on loss.

    ``expression`` is the same formula as arithmetic text over band names (Earth Engine's
    ``Image.expression`` evaluates it; a test checks it against ``formula``); None where the index needs a
    function the text form lacks (TCA's arctangent).
    """

    name: str
    bands: tuple[str, ...]
    formula: Callable[[Bands], np.ndarray]
    disturbance_direction: int
    expression: str | None


def _normalized_difference(a: str, b: str) -> Callable[[Bands], np.ndarray]:
    def formula(bands: Bands) -> np.ndarray:
        x, y = bands[a], bands[b]
        with np.errstate(divide="ignore", invalid="ignore"):
            return (x - y) / (x + y)

    return formula


def _evi(bands: Bands) -> np.ndarray:
    nir, red, blue = bands["nir"], bands["red"], bands["blue"]
    with np.errstate(divide="ignore", invalid="ignore"):
        return 2.5 * (nir - red) / (nir + 6.0 * red - 7.5 * blue + 1.0)


def _savi(bands: Bands) -> np.ndarray:
    nir, red = bands["nir"], bands["red"]
    with np.errstate(divide="ignore", invalid="ignore"):
        return 1.5 * (nir - red) / (nir + red + 0.5)


def _tasseled_cap(component: str) -> Callable[[Bands], np.ndarray]:
    coefficients = TASSELED_CAP[component]

    def formula(bands: Bands) -> np.ndarray:
        total = np.zeros(np.shape(bands["blue"]), dtype=np.result_type(bands["blue"], np.float32))
        for band, coefficient in zip(REFLECTIVE_BANDS, coefficients):
            total = total + total.dtype.type(coefficient) * bands[band]
        return total

    return formula


def _tasseled_cap_angle(bands: Bands) -> np.ndarray:
    """TCA = atan(TCG / TCB) (Powell et al. 2010), in radians."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.arctan(_tasseled_cap("greenness")(bands) / _tasseled_cap("brightness")(bands))


def _tasseled_cap_expression(component: str) -> str:
    return " + ".join(f"({c}) * {band}" for c, band in zip(TASSELED_CAP[component], REFLECTIVE_BANDS))


def _index(name, bands, formula, direction, expression) -> SpectralIndex:
    return SpectralIndex(name, tuple(bands), formula, direction, expression)


#: Every index Timestack computes, by upper-case name.
INDICES: Mapping[str, SpectralIndex] = {
    index.name: index
    for index in (
        _index("NDVI", ("nir", "red"), _normalized_difference("nir", "red"), -1, "(nir - red) / (nir + red)"),
        _index(
            "NBR",
            ("nir", "swir2"),
            _normalized_difference("nir", "swir2"),
            -1,
            "(nir - swir2) / (nir + swir2)",
        ),
        _index(
            "NDMI",
            ("nir", "swir1"),
            _normalized_difference("nir", "swir1"),
            -1,
            "(nir - swir1) / (nir + swir1)",
        ),
        _index(
            "NBR2",
            ("swir1", "swir2"),
            _normalized_difference("swir1", "swir2"),
            -1,
            "(swir1 - swir2) / (swir1 + swir2)",
        ),
        _index(
            "NDSI",
            ("green", "swir1"),
            _normalized_difference("green", "swir1"),
            -1,
            "(green - swir1) / (green + swir1)",
        ),
        _index(
            "NDWI",
            ("green", "nir"),
            _normalized_difference("green", "nir"),
            1,
            "(green - nir) / (green + nir)",
        ),
        _index(
            "EVI", ("nir", "red", "blue"), _evi, -1, "2.5 * (nir - red) / (nir + 6 * red - 7.5 * blue + 1)"
        ),
        _index("SAVI", ("nir", "red"), _savi, -1, "1.5 * (nir - red) / (nir + red + 0.5)"),
        _index(
            "TCB", REFLECTIVE_BANDS, _tasseled_cap("brightness"), 1, _tasseled_cap_expression("brightness")
        ),
        _index(
            "TCG", REFLECTIVE_BANDS, _tasseled_cap("greenness"), -1, _tasseled_cap_expression("greenness")
        ),
        _index("TCW", REFLECTIVE_BANDS, _tasseled_cap("wetness"), -1, _tasseled_cap_expression("wetness")),
        _index("TCA", REFLECTIVE_BANDS, _tasseled_cap_angle, -1, None),
    )
}


def _ratio(a: str, b: str) -> Callable[[Bands], np.ndarray]:
    def formula(bands: Bands) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return bands[a] / bands[b]

    return formula


#: ASTER's indices over ASTER band names (``aster_b3n``), by upper-case name. Kept apart from
#: ``INDICES``, whose names every Landsat/Sentinel-2 workflow offers: these need ASTER's bands.
ASTER_INDICES: Mapping[str, SpectralIndex] = {
    index.name: index
    for index in (
        _index(
            "NDVI",
            ("aster_b3n", "aster_b2"),
            _normalized_difference("aster_b3n", "aster_b2"),
            -1,
            "(aster_b3n - aster_b2) / (aster_b3n + aster_b2)",
        ),
        _index(
            "CLAY_4_6", ("aster_b4", "aster_b6"), _ratio("aster_b4", "aster_b6"), 1, "aster_b4 / aster_b6"
        ),
        _index(
            "ALUNITE_5_7", ("aster_b5", "aster_b7"), _ratio("aster_b5", "aster_b7"), 1, "aster_b5 / aster_b7"
        ),
        _index(
            "CARBONATE_6_8",
            ("aster_b6", "aster_b8"),
            _ratio("aster_b6", "aster_b8"),
            1,
            "aster_b6 / aster_b8",
        ),
    )
}


def aster_index(name: str) -> SpectralIndex:
    """Look up an ASTER index by name, case-insensitively; ValueError lists the known names."""
    try:
        return ASTER_INDICES[name.upper()]
    except KeyError:
        raise ValueError(
            f"unknown ASTER index {name!r}; expected one of {', '.join(ASTER_INDICES)}"
        ) from None


def canonical_band(name: str) -> str:
    """The canonical band name for ``name`` (``swir16`` -> ``swir1``); ValueError names the known ones."""
    try:
        return BAND_ALIASES[name.lower()]
    except KeyError:
        raise ValueError(f"unknown band {name!r}; expected one of {sorted(BAND_ALIASES)}") from None


def spectral_index(name: str) -> SpectralIndex:
    """Look up an index by name, case-insensitively; ValueError lists the known names."""
    try:
        return INDICES[name.upper()]
    except KeyError:
        raise ValueError(f"unknown index {name!r}; expected one of {', '.join(INDICES)}") from None


def check_indices(names: Sequence[str]) -> None:
    """Refuse, naming INDICES, the first of ``names`` that is no known index (case-insensitive)."""
    unknown = [name for name in names if name.upper() not in INDICES]
    if unknown:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "INDICES: unknown index {0!r}; expected one of {1}"),
            "INDICES",
            args=(unknown[0], ", ".join(INDICES)),
        )


def compute_index(name: str, bands: Bands) -> np.ndarray:
    """Compute index ``name`` from reflectance bands (0-1) keyed by canonical band name."""
    index = spectral_index(name)
    missing = [band for band in index.bands if band not in bands]
    if missing:
        raise ValueError(f"index {index.name} needs bands {missing}, which were not provided")
    return index.formula(bands)


def check_direction(disturbance_direction: int) -> None:
    """Refuse a disturbance direction other than +1 (the index rises on disturbance) or -1 (it falls)."""
    if disturbance_direction not in (-1, 1):
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "disturbance_direction must be +1 or -1 (the index's change on disturbance), got {0!r}"
            ),
            parameter="disturbance_direction",
            args=(disturbance_direction,),
        )  # fmt: skip


def disturbance_direction(name: str) -> int:
    """+1 if index or band ``name`` rises on disturbance, -1 if it falls (LandTrendr flips by this)."""
    if name.upper() in INDICES:
        return INDICES[name.upper()].disturbance_direction
    return BAND_DIRECTIONS[canonical_band(name)]


def required_bands(
    bands: list[str] | tuple[str, ...], indices: list[str] | tuple[str, ...]
) -> tuple[str, ...]:
    """Canonical bands to read for output ``bands`` plus everything ``indices`` need, in spectral order."""
    needed = {canonical_band(band) for band in bands}
    for name in indices:
        needed.update(spectral_index(name).bands)
    return tuple(band for band in REFLECTIVE_BANDS if band in needed)

"""Quality bits of Landsat Collection 2 (QA_PIXEL, QA_RADSAT) and Sentinel-2 L2A scene classes (SCL).

The single source of truth for these bit layouts: the sample-archive generator encodes with it and
compositing decodes with it, so both always agree.

Sources: USGS, *Landsat 8-9 Collection 2 Level 2 Science Product Guide* (LSDS-1619) and *Landsat 4-7
Collection 2 Level 2 Science Product Guide* (LSDS-1618), tables "Pixel Quality Assessment Bit Index"
and "Radiometric Saturation QA"; ESA, *Sentinel-2 L2A Product Definition*, Scene Classification
(see REFERENCE.md). QA_PIXEL nodata is the value 1 (only the fill bit set).
"""

from __future__ import annotations

from typing import Iterable, Mapping

import numpy as np

#: QA_PIXEL single-bit flags: name -> bit index.
QA_PIXEL_BITS: Mapping[str, int] = {
    "fill": 0,
    "dilated_cloud": 1,
    "cirrus": 2,  # Landsat 8/9 only
    "cloud": 3,
    "shadow": 4,
    "snow": 5,
    "clear": 6,
    "water": 7,
}

#: QA_PIXEL 2-bit confidences: name -> lowest bit index of the pair.
QA_PIXEL_CONFIDENCE_BITS: Mapping[str, int] = {
    "cloud": 8,
    "shadow": 10,
    "snow": 12,
    "cirrus": 14,  # Landsat 8/9 only
}

#: Confidence levels of the 2-bit fields.
CONFIDENCE_LEVELS: Mapping[str, int] = {"none": 0, "low": 1, "medium": 2, "high": 3}

#: QA_PIXEL value of a fill pixel, the band's nodata value.
QA_PIXEL_FILL = 1

#: QA_RADSAT bits for Landsat 8/9 (OLI): band 1-7 saturated, band 9, terrain occlusion.
QA_RADSAT_BITS_OLI: Mapping[str, int] = {
    **{f"band{b}": b - 1 for b in range(1, 8)},
    "band9": 8,
    "terrain_occlusion": 11,
}

#: QA_RADSAT bits for Landsat 4/5/7 (TM/ETM+).
QA_RADSAT_BITS_TM_ETM: Mapping[str, int] = {
    "band1": 0,
    "band2": 1,
    "band3": 2,
    "band4": 3,
    "band5": 4,
    "band6L": 5,
    "band7": 6,
    "band6H": 8,
    "dropped_pixel": 9,
}

#: Sentinel-2 L2A Scene Classification (SCL) values.
SCL_CLASSES: Mapping[int, str] = {
    0: "nodata",
    1: "saturated_defective",
    2: "dark_area",
    3: "cloud_shadow",
    4: "vegetation",
    5: "not_vegetated",
    6: "water",
    7: "unclassified",
    8: "cloud_medium_probability",
    9: "cloud_high_probability",
    10: "thin_cirrus",
    11: "snow",
}


def _bit(name: str) -> int:
    try:
        return QA_PIXEL_BITS[name]
    except KeyError:
        raise ValueError(f"unknown QA_PIXEL flag {name!r}; expected one of {sorted(QA_PIXEL_BITS)}") from None


def _confidence_bit(name: str) -> int:
    try:
        return QA_PIXEL_CONFIDENCE_BITS[name]
    except KeyError:
        raise ValueError(
            f"unknown QA_PIXEL confidence {name!r}; expected one of {sorted(QA_PIXEL_CONFIDENCE_BITS)}"
        ) from None


def _level(level: int | str) -> int:
    value = CONFIDENCE_LEVELS[level] if isinstance(level, str) else int(level)
    if not 0 <= value <= 3:
        raise ValueError(f"confidence level must be 0-3 or one of {list(CONFIDENCE_LEVELS)}, got {level!r}")
    return value


def qa_pixel_flag(qa: np.ndarray, name: str) -> np.ndarray:
    """Boolean array: is the single-bit flag ``name`` (e.g. ``"cloud"``) set in QA_PIXEL ``qa``.

    Parameters
    ----------
    qa
        QA_PIXEL values.
    name
        A flag of :data:`QA_PIXEL_BITS`.

    Returns
    -------
    numpy.ndarray
        Boolean.
    """
    return ((np.asarray(qa).astype(np.uint16) >> np.uint16(_bit(name))) & np.uint16(1)).astype(bool)


def qa_pixel_confidence(qa: np.ndarray, name: str) -> np.ndarray:
    """The 2-bit confidence (0 none, 1 low, 2 medium, 3 high) of ``name`` (cloud, shadow, snow, cirrus).

    Parameters
    ----------
    qa
        QA_PIXEL values.
    name
        A confidence of :data:`QA_PIXEL_CONFIDENCE_BITS`.

    Returns
    -------
    numpy.ndarray
        Levels 0-3.
    """
    return ((np.asarray(qa).astype(np.uint16) >> np.uint16(_confidence_bit(name))) & np.uint16(3)).astype(
        np.uint8
    )


def qa_pixel_mask(
    qa: np.ndarray,
    flags: Iterable[str] = ("fill", "dilated_cloud", "cloud", "shadow"),
    min_confidence: Mapping[str, int | str] | None = None,
) -> np.ndarray:
    """Boolean mask of pixels to discard: any of ``flags`` set, or a confidence at or above its minimum.

    Parameters
    ----------
    qa
        QA_PIXEL values.
    flags
        Flags whose set bit discards a pixel.
    min_confidence
        Confidence name -> the lowest level that masks, e.g. ``{"cloud": "medium"}`` also masks pixels
        whose cloud confidence is medium or high even where the cloud bit is not set.

    Returns
    -------
    numpy.ndarray
        Boolean.
    """
    qa = np.asarray(qa)
    mask = np.zeros(qa.shape, dtype=bool)
    for name in flags:
        mask |= qa_pixel_flag(qa, name)
    for name, level in (min_confidence or {}).items():
        mask |= qa_pixel_confidence(qa, name) >= _level(level)
    return mask


def encode_qa_pixel(
    flags: Mapping[str, np.ndarray | bool],
    confidences: Mapping[str, np.ndarray | int | str] | None = None,
    shape: tuple[int, ...] | None = None,
) -> np.ndarray:
    """Build uint16 QA_PIXEL values from boolean flag arrays and confidence levels (inverse of the decoders).

    The sample archive writes its scenes' QA this way, so they decode as USGS's do.

    Parameters
    ----------
    flags
        Flag name -> boolean array (or scalar) of pixels where that bit is set.
    confidences
        Confidence name -> level array (or scalar) 0-3 or a level name.
    shape
        Output shape when every input is a scalar.

    Returns
    -------
    numpy.ndarray
        uint16 QA_PIXEL.

    Raises
    ------
    ValueError
        A confidence level outside 0-3.
    """
    arrays = [np.asarray(v) for v in [*flags.values(), *(confidences or {}).values()]]
    out_shape = shape if shape is not None else np.broadcast_shapes(*(a.shape for a in arrays))
    qa = np.zeros(out_shape, dtype=np.uint16)
    for name, values in flags.items():
        qa |= np.asarray(values, dtype=bool).astype(np.uint16) << np.uint16(_bit(name))
    for name, level in (confidences or {}).items():
        levels = _level(level) if isinstance(level, (str, int)) else np.asarray(level)
        if np.any((np.asarray(levels) < 0) | (np.asarray(levels) > 3)):
            raise ValueError(f"confidence levels of {name!r} must be within 0-3")
        qa |= np.asarray(levels, dtype=np.uint16) << np.uint16(_confidence_bit(name))
    return qa


def encode_qa_radsat(saturated: Mapping[str, np.ndarray | bool], sensor: str) -> np.ndarray:
    """Build uint16 QA_RADSAT from per-band saturation masks; ``sensor`` is ``"oli"`` or ``"tm_etm"``.

    Parameters
    ----------
    saturated
        QA_RADSAT bit name (``"band1"``) -> boolean array (or scalar).
    sensor
        ``"oli"`` or ``"tm_etm"``.

    Returns
    -------
    numpy.ndarray
        uint16 QA_RADSAT.

    Raises
    ------
    ValueError
        An unknown sensor or bit name.
    """
    bits = {"oli": QA_RADSAT_BITS_OLI, "tm_etm": QA_RADSAT_BITS_TM_ETM}.get(sensor)
    if bits is None:
        raise ValueError(f"sensor must be 'oli' or 'tm_etm', got {sensor!r}")
    arrays = {name: np.asarray(mask, dtype=bool) for name, mask in saturated.items()}
    out = np.zeros(np.broadcast_shapes(*(a.shape for a in arrays.values())), dtype=np.uint16)
    for name, mask in arrays.items():
        if name not in bits:
            raise ValueError(f"unknown QA_RADSAT bit {name!r} for {sensor}; expected one of {sorted(bits)}")
        out |= mask.astype(np.uint16) << np.uint16(bits[name])
    return out


def qa_radsat_saturated(radsat: np.ndarray, band: str, sensor: str) -> np.ndarray:
    """Boolean array: is ``band`` (e.g. ``"band1"``) flagged saturated in QA_RADSAT of ``sensor``.

    Parameters
    ----------
    radsat
        QA_RADSAT values.
    band
        A QA_RADSAT bit name of that sensor.
    sensor
        ``"oli"`` or ``"tm_etm"``.

    Returns
    -------
    numpy.ndarray
        True where the band saturated.

    Raises
    ------
    ValueError
        An unknown bit name for ``sensor``.
    """
    bits = {"oli": QA_RADSAT_BITS_OLI, "tm_etm": QA_RADSAT_BITS_TM_ETM}.get(sensor)
    if bits is None or band not in bits:
        raise ValueError(f"unknown QA_RADSAT bit {band!r} for sensor {sensor!r}")
    return ((np.asarray(radsat).astype(np.uint16) >> np.uint16(bits[band])) & np.uint16(1)).astype(bool)

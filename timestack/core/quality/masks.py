"""Which observations to discard: Landsat QA_PIXEL/QA_RADSAT and Sentinel-2 SCL turned into one mask.

The bit layouts live in :mod:`.qa` (the single source of truth); this module maps the user's choice of
what to mask (the ``MASK`` names of ``timestack:composite``) onto those bits and classes, adds the
optional confidence thresholds and a circular buffer around masked pixels.

Sources: USGS LSDS-1619 / LSDS-1618 (QA_PIXEL, QA_RADSAT), ESA Sentinel-2 L2A Product Definition (SCL).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import numpy as np

from ..runtime import QT_TRANSLATE_NOOP, TimestackError
from .qa import (
    CONFIDENCE_LEVELS,
    QA_PIXEL_CONFIDENCE_BITS,
    QA_PIXEL_FILL,
    QA_RADSAT_BITS_OLI,
    QA_RADSAT_BITS_TM_ETM,
    qa_pixel_mask,
)

#: What a user can mask, by the name used in ``MASK``.
#: Names a user can mask; "dark" and "unclassified" exist only in Sentinel-2's scene classes.
MASK_NAMES = ("cloud", "shadow", "snow", "water", "cirrus", "dilated", "saturated", "dark", "unclassified")

#: MASK name -> QA_PIXEL flag name.
QA_PIXEL_FLAG_OF = {
    "cloud": "cloud",
    "shadow": "shadow",
    "snow": "snow",
    "water": "water",
    "cirrus": "cirrus",
    "dilated": "dilated_cloud",
}

#: MASK name -> Sentinel-2 SCL classes (0 nodata is always masked). Dark areas (2) are not shadows, so
#: they are a choice of their own, as are unclassified pixels (7), often thin cloud edges.
SCL_CLASSES_OF: Mapping[str, tuple[int, ...]] = {
    "cloud": (8, 9),
    "shadow": (3,),
    "snow": (11,),
    "water": (6,),
    "cirrus": (10,),
    "dilated": (),
    "saturated": (1,),
    "dark": (2,),
    "unclassified": (7,),
}

#: QA_RADSAT bit name of each canonical band, per sensor (OLI bands 2-7; TM/ETM+ bands 1-5, 7).
RADSAT_BAND_OF: Mapping[str, Mapping[str, str]] = {
    "oli": {
        "blue": "band2",
        "green": "band3",
        "red": "band4",
        "nir": "band5",
        "swir1": "band6",
        "swir2": "band7",
    },
    "tm_etm": {
        "blue": "band1",
        "green": "band2",
        "red": "band3",
        "nir": "band4",
        "swir1": "band5",
        "swir2": "band7",
    },
}

#: MASK name -> bit of the Fmask layer of NASA's Harmonized Landsat Sentinel-2 (HLS v2.0 user guide):
#: 0 cirrus, 1 cloud, 2 adjacent to cloud/shadow (the "dilated" choice), 3 cloud shadow, 4 snow/ice,
#: 5 water; bits 6-7 are the aerosol level. 255 is fill.
FMASK_BIT_OF: Mapping[str, int] = {"cirrus": 0, "cloud": 1, "dilated": 2, "shadow": 3, "snow": 4, "water": 5}
FMASK_FILL = 255

DEFAULT_MASK = ("cloud", "shadow", "snow", "cirrus", "dilated", "saturated")


@dataclass(frozen=True)
class MaskOptions:
    """What to mask.

    Attributes:
        flags: MASK names (see ``MASK_NAMES``).
        min_confidence: QA_PIXEL confidence name (cloud, shadow, snow, cirrus) -> lowest level that masks
            (0-3 or none/low/medium/high); 0/"none" disables that threshold.
        buffer_pixels: radius of a circular dilation of the cloud/shadow mask, in target pixels.
    """

    flags: tuple[str, ...] = DEFAULT_MASK
    min_confidence: Mapping[str, int | str] = field(default_factory=dict)
    buffer_pixels: float = 0.0

    def __post_init__(self) -> None:
        unknown = [name for name in self.flags if name not in MASK_NAMES]
        if unknown:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "MASK: unknown names {0}; expected some of {1}"),
                "MASK",
                args=(unknown, list(MASK_NAMES)),
            )
        for name, level in self.min_confidence.items():
            if name not in QA_PIXEL_CONFIDENCE_BITS:
                raise ValueError(
                    f"confidence {name!r} is not a QA_PIXEL confidence; expected one of "
                    f"{sorted(QA_PIXEL_CONFIDENCE_BITS)}"
                )
            if (isinstance(level, str) and level not in CONFIDENCE_LEVELS) or (
                not isinstance(level, str) and not 0 <= int(level) <= 3
            ):
                raise ValueError(f"confidence level of {name!r} must be 0-3 or {list(CONFIDENCE_LEVELS)}")
        if self.buffer_pixels < 0:
            raise ValueError(f"mask buffer must be >= 0 pixels, got {self.buffer_pixels}")


def landsat_sensor(platform: str) -> str:
    """``"oli"`` for Landsat 8/9, ``"tm_etm"`` for Landsat 4/5/7 (the QA_RADSAT layouts differ).

    Parameters
    ----------
    platform
        The STAC ``platform``.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        Not a Landsat 4-9 platform.
    """
    digits = "".join(ch for ch in platform if ch.isdigit())
    if digits in ("8", "9"):
        return "oli"
    if digits in ("4", "5", "7"):
        return "tm_etm"
    raise ValueError(f"not a Landsat 4-9 platform: {platform!r}")


def qa_pixel_discard(qa_pixel: np.ndarray, options: MaskOptions) -> np.ndarray:
    """True where QA_PIXEL says discard: fill always, the chosen flags, confidences above threshold.

    Parameters
    ----------
    qa_pixel
        Landsat Collection 2 QA_PIXEL values.
    options
        The classes and confidence thresholds the user masks.

    Returns
    -------
    numpy.ndarray
        Boolean, unbuffered.
    """
    flags = ["fill", *(QA_PIXEL_FLAG_OF[name] for name in options.flags if name in QA_PIXEL_FLAG_OF)]
    thresholds = {
        name: level
        for name, level in options.min_confidence.items()
        if (CONFIDENCE_LEVELS[level] if isinstance(level, str) else int(level)) > 0
    }
    mask = qa_pixel_mask(qa_pixel, flags=flags, min_confidence=thresholds)
    return mask | (np.asarray(qa_pixel) == QA_PIXEL_FILL)


def radsat_discard(qa_radsat: np.ndarray, sensor: str, bands: tuple[str, ...]) -> np.ndarray:
    """True where any of the canonical ``bands`` is radiometrically saturated (QA_RADSAT).

    Parameters
    ----------
    qa_radsat
        Landsat Collection 2 QA_RADSAT values.
    sensor
        ``"oli"`` or ``"tm_etm"`` (:func:`landsat_sensor`).
    bands
        The canonical bands the composite reads: saturation elsewhere does not matter.

    Returns
    -------
    numpy.ndarray
        Boolean.
    """
    bit_names = {"oli": QA_RADSAT_BITS_OLI, "tm_etm": QA_RADSAT_BITS_TM_ETM}[sensor]
    bits = np.uint16(0)
    for band in bands:
        bits |= np.uint16(1 << bit_names[RADSAT_BAND_OF[sensor][band]])
    return (np.asarray(qa_radsat).astype(np.uint16) & bits) != 0


def scl_discard(scl: np.ndarray, options: MaskOptions) -> np.ndarray:
    """True where the Sentinel-2 scene class is nodata (0) or one of the chosen classes.

    Parameters
    ----------
    scl
        Sentinel-2 L2A scene classification values.
    options
        The classes the user masks.

    Returns
    -------
    numpy.ndarray
        Boolean, unbuffered.
    """
    classes = {0}
    for name in options.flags:
        classes.update(SCL_CLASSES_OF[name])
    return np.isin(np.asarray(scl), sorted(classes))


def disk(radius: float) -> np.ndarray:
    """A circular structuring element of ``radius`` pixels (centre distance <= radius).

    Parameters
    ----------
    radius
        In pixels (1.5 gives a full 3 × 3 square, 1 a cross).

    Returns
    -------
    numpy.ndarray
        Boolean, ``2 * floor(radius) + 1`` pixels a side.
    """
    half = int(np.floor(radius))
    yy, xx = np.mgrid[-half : half + 1, -half : half + 1]
    return (xx * xx + yy * yy) <= radius * radius


#: Radius (pixels) above which a buffer is computed through a distance transform, not a dilation by
#: the disk: the two agree pixel for pixel, the dilation is quicker below it, the transform above.
WIDE_BUFFER = 12.0


def buffer_mask(mask: np.ndarray, radius: float) -> np.ndarray:
    """Grow ``mask`` (2-D, or a stack of 2-D masks) by a circular ``radius`` in pixels.

    Clouds are fuzzier than their QA bits: a buffer removes the hazy edges the bits miss.

    Parameters
    ----------
    mask
        Boolean, 2-D or ``(n, rows, cols)``.
    radius
        In pixels; 0 or less returns ``mask`` unchanged.

    Returns
    -------
    numpy.ndarray
        Boolean, the shape of ``mask``.
    """
    if radius <= 0:
        return mask
    from scipy import ndimage  # only for buffered masks: not imported with the mask names

    if radius <= WIDE_BUFFER:
        structure = disk(radius)
        if mask.ndim == 3:
            structure = structure[np.newaxis]
        return ndimage.binary_dilation(mask, structure=structure)
    if mask.ndim == 3:
        return np.stack([buffer_mask(layer, radius) for layer in mask]) if len(mask) else mask
    if not mask.any():
        return mask.copy()
    # The pixels within ``radius`` of a masked one: :func:`disk`'s dilation, through the nearest masked
    # pixel of each (a distance transform). A dilation by the disk itself needs memory and time growing
    # with the disk's area: a radius of 100 pixels took half a minute, of 200 failed (MemoryError).
    nearest_row, nearest_col = ndimage.distance_transform_edt(
        ~mask, return_distances=False, return_indices=True
    )
    rows, cols = np.indices(mask.shape)
    return (nearest_row - rows) ** 2 + (nearest_col - cols) ** 2 <= radius * radius


def fmask_discard(fmask: np.ndarray, options: MaskOptions) -> np.ndarray:
    """The full HLS mask: the chosen Fmask bits, buffered; fill (255) unbuffered.

    Parameters
    ----------
    fmask
        HLS v2.0 Fmask values.
    options
        The Fmask classes and buffer the user chose.

    Returns
    -------
    numpy.ndarray
        True where the HLS pixel is left out.
    """
    fmask = np.asarray(fmask)
    fill = fmask == FMASK_FILL
    bits = 0
    for name in options.flags:
        if name in FMASK_BIT_OF:
            bits |= 1 << FMASK_BIT_OF[name]
    mask = ((fmask.astype(np.uint16) & bits) != 0) & ~fill
    return buffer_mask(mask, options.buffer_pixels) | fill


def landsat_discard(
    qa_pixel: np.ndarray,
    options: MaskOptions,
    qa_radsat: np.ndarray | None = None,
    sensor: str | None = None,
    bands: tuple[str, ...] = (),
) -> np.ndarray:
    """The full Landsat mask: QA_PIXEL choices, saturation of the read ``bands``, then the buffer.

    Fill stays unbuffered: buffering is for cloud edges, and growing the scene edge would only lose data.

    Parameters
    ----------
    qa_pixel
        QA_PIXEL values.
    options
        The classes, confidences and buffer the user chose.
    qa_radsat
        QA_RADSAT values, or None to ignore saturation.
    sensor
        ``"oli"`` or ``"tm_etm"``; needed with ``qa_radsat``.
    bands
        The canonical bands read, whose saturation discards a pixel.

    Returns
    -------
    numpy.ndarray
        True where the Landsat pixel is left out.

    Raises
    ------
    ValueError
        ``qa_radsat`` given without ``sensor``.
    """
    fill = np.asarray(qa_pixel) == QA_PIXEL_FILL
    mask = qa_pixel_discard(qa_pixel, options) & ~fill
    if "saturated" in options.flags and qa_radsat is not None:
        if sensor is None:
            raise ValueError("sensor ('oli' or 'tm_etm') is needed to decode QA_RADSAT")
        mask |= radsat_discard(qa_radsat, sensor, bands)
    return buffer_mask(mask, options.buffer_pixels) | fill


def sentinel2_discard(scl: np.ndarray, options: MaskOptions) -> np.ndarray:
    """The full Sentinel-2 mask: chosen SCL classes, buffered; nodata (class 0) unbuffered.

    Parameters
    ----------
    scl
        Scene classification values.
    options
        The SCL classes and buffer the user chose.

    Returns
    -------
    numpy.ndarray
        True where the Sentinel-2 pixel is left out.
    """
    nodata = np.asarray(scl) == 0
    mask = scl_discard(scl, options) & ~nodata
    return buffer_mask(mask, options.buffer_pixels) | nodata

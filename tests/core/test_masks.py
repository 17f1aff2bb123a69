"""Masks decode every QA_PIXEL bit and confidence, QA_RADSAT band, and SCL class as documented."""

import numpy as np
import pytest

from timestack.core.quality.masks import (
    MASK_NAMES,
    MaskOptions,
    buffer_mask,
    disk,
    landsat_discard,
    landsat_sensor,
    qa_pixel_discard,
    radsat_discard,
    scl_discard,
    sentinel2_discard,
)
from timestack.core.runtime import TimestackError

# QA_PIXEL bit per MASK name (USGS LSDS-1619 table 6-1), written out here rather than imported.
BIT_OF = {"dilated": 1, "cirrus": 2, "cloud": 3, "shadow": 4, "snow": 5, "water": 7}
CONFIDENCE_BIT = {"cloud": 8, "shadow": 10, "snow": 12, "cirrus": 14}


@pytest.mark.parametrize("name", sorted(BIT_OF))
def test_each_qa_pixel_flag_masks_only_when_chosen(name):
    qa = np.array([1 << BIT_OF[name], 1 << 6], dtype=np.uint16)  # the flag; a clear pixel
    assert qa_pixel_discard(qa, MaskOptions(flags=(name,))).tolist() == [True, False]
    others = tuple(n for n in MASK_NAMES if n not in (name, "saturated"))
    assert qa_pixel_discard(qa, MaskOptions(flags=others)).tolist() == [False, False]


def test_fill_is_always_masked():
    qa = np.array([1, 1 | (1 << 6)], dtype=np.uint16)
    assert qa_pixel_discard(qa, MaskOptions(flags=())).tolist() == [True, True]


@pytest.mark.parametrize("name", sorted(CONFIDENCE_BIT))
@pytest.mark.parametrize("threshold", [1, 2, 3])
def test_confidence_threshold_masks_levels_at_or_above(name, threshold):
    qa = np.array([level << CONFIDENCE_BIT[name] for level in range(4)], dtype=np.uint16)
    mask = qa_pixel_discard(qa, MaskOptions(flags=(), min_confidence={name: threshold}))
    assert mask.tolist() == [level >= threshold for level in range(4)]


def test_confidence_by_level_name_and_none_disables():
    qa = np.array([2 << 8, 3 << 8], dtype=np.uint16)
    assert qa_pixel_discard(qa, MaskOptions(flags=(), min_confidence={"cloud": "high"})).tolist() == [
        False,
        True,
    ]
    assert qa_pixel_discard(qa, MaskOptions(flags=(), min_confidence={"cloud": "none"})).tolist() == [
        False,
        False,
    ]


@pytest.mark.parametrize(
    ("sensor", "bits"),
    [
        ("oli", {"blue": 1, "green": 2, "red": 3, "nir": 4, "swir1": 5, "swir2": 6}),
        ("tm_etm", {"blue": 0, "green": 1, "red": 2, "nir": 3, "swir1": 4, "swir2": 6}),
    ],
)
def test_radsat_bit_of_each_band(sensor, bits):
    for band, bit in bits.items():
        radsat = np.array([1 << bit, 0, 0xFFFF & ~(1 << bit)], dtype=np.uint16)
        assert radsat_discard(radsat, sensor, (band,)).tolist() == [True, False, False], (sensor, band)


def test_saturation_of_a_band_not_read_is_ignored():
    radsat = np.array([1 << 0], dtype=np.uint16)  # OLI band 1 (coastal): never read
    assert not radsat_discard(radsat, "oli", ("blue", "red")).any()


def test_landsat_discard_combines_qa_radsat_and_buffer():
    qa = np.full((9, 9), 1 << 6, dtype=np.uint16)
    qa[4, 4] = 1 << 3  # one cloud pixel
    qa[0, 0] = 1  # fill
    radsat = np.zeros((9, 9), dtype=np.uint16)
    radsat[8, 8] = 1 << 3  # OLI band 4 = red saturated
    options = MaskOptions(flags=("cloud", "saturated"), buffer_pixels=1.5)
    mask = landsat_discard(qa, options, radsat, "oli", ("red", "nir"))
    assert mask[4, 4] and mask[3, 3] and mask[5, 5] and not mask[2, 4]
    assert mask[8, 8] and mask[7, 7]  # saturation is buffered too
    assert mask[0, 0] and not mask[1, 1]  # fill is not buffered


@pytest.mark.parametrize(
    ("name", "classes"),
    [
        ("cloud", {8, 9}),
        ("shadow", {3}),
        ("snow", {11}),
        ("water", {6}),
        ("cirrus", {10}),
        ("saturated", {1}),
        ("dark", {2}),
        ("unclassified", {7}),
    ],
)
def test_scl_classes_of_each_mask_name(name, classes):
    scl = np.arange(12, dtype=np.uint8)
    masked = set(np.flatnonzero(scl_discard(scl, MaskOptions(flags=(name,)))).tolist())
    assert masked == classes | {0}


def test_sentinel2_only_names_leave_landsat_qa_alone():
    qa = np.full(4, 0b0101010101000000, dtype=np.uint16)  # clear, every confidence low
    assert not landsat_discard(qa, MaskOptions(flags=("dark", "unclassified"))).any()


def test_sentinel2_discard_buffers_classes_not_nodata():
    scl = np.full((7, 7), 4, dtype=np.uint8)
    scl[3, 3] = 9
    scl[0, 0] = 0
    mask = sentinel2_discard(scl, MaskOptions(flags=("cloud",), buffer_pixels=1))
    assert mask[3, 3] and mask[2, 3] and not mask[2, 2]
    assert mask[0, 0] and not mask[0, 1]


def test_disk_and_buffer_of_a_stack():
    assert disk(1).sum() == 5 and disk(1.5).sum() == 9
    stack = np.zeros((2, 5, 5), dtype=bool)
    stack[1, 2, 2] = True
    grown = buffer_mask(stack, 1)
    assert not grown[0].any() and grown[1].sum() == 5


def test_sensor_from_platform():
    assert landsat_sensor("landsat-9") == "oli" and landsat_sensor("LANDSAT_7") == "tm_etm"
    with pytest.raises(ValueError, match="not a Landsat"):
        landsat_sensor("sentinel-2a")


def test_bad_options_name_the_parameter():
    with pytest.raises(TimestackError, match=r"MASK: unknown names \['clouds'\]") as error:
        MaskOptions(flags=("clouds",))
    assert error.value.parameter == "MASK"
    with pytest.raises(ValueError, match="buffer"):
        MaskOptions(buffer_pixels=-1)
    with pytest.raises(ValueError, match="confidence"):
        MaskOptions(min_confidence={"water": 2})


@pytest.mark.parametrize(
    ("name", "bit"), [("cirrus", 0), ("cloud", 1), ("dilated", 2), ("shadow", 3), ("snow", 4), ("water", 5)]
)
def test_each_hls_fmask_bit_masks_alone(name, bit):
    from timestack.core.quality.masks import fmask_discard

    fmask = np.array([0, 1 << bit, (1 << bit) | 0b11000000, 0b11000000, 255], dtype=np.uint8)
    masked = fmask_discard(fmask, MaskOptions(flags=(name,)))
    assert masked.tolist() == [False, True, True, False, True]  # aerosol bits alone never mask; fill does
    others = tuple(n for n in ("cirrus", "cloud", "dilated", "shadow", "snow", "water") if n != name)
    assert not fmask_discard(fmask[:4], MaskOptions(flags=others)).any()


@pytest.mark.parametrize("radius", [0.5, 1, 1.5, 2, np.sqrt(2), 2.9, 3, 5.5, 12, 12.5, 13, 20, 24.7])
def test_a_buffer_is_the_dilation_by_the_disk_of_its_radius(radius):
    from scipy import ndimage

    rng = np.random.default_rng(int(radius * 10))
    mask = rng.random((2, 70, 60)) > 0.995
    mask[0, 0, 0] = mask[1, -1, -1] = True  # at the corners: the buffer is cut at the edge
    expected = np.stack([ndimage.binary_dilation(layer, structure=disk(radius)) for layer in mask])
    np.testing.assert_array_equal(buffer_mask(mask, radius), expected)
    np.testing.assert_array_equal(buffer_mask(mask[0], radius), expected[0])
    assert not buffer_mask(np.zeros((5, 5), bool), radius).any()


def test_a_wide_buffer_is_quick_and_needs_no_more_memory_than_the_mask():
    """MASK_BUFFER has no upper bound: 1000 pixels stopped a composite with a MemoryError (scipy's
    dilation by a 2001 x 2001 disk), and 100 took half a minute on a 300 x 300 window."""
    import time

    mask = np.zeros((300, 300), bool)
    mask[150, 150] = True
    started = time.perf_counter()
    for radius in (100, 1000):
        buffered = buffer_mask(mask, radius)
        assert buffered[150, 150 + min(radius, 149)] and buffered[0, 150] == (radius >= 150)
    assert buffered.all() and time.perf_counter() - started < 5

"""QA_PIXEL / QA_RADSAT bit helpers against values documented by USGS for Collection 2."""

import numpy as np
import pytest

from timestack.core import qa

# Typical Collection 2 QA_PIXEL values (USGS Landsat 8-9 and 4-7 C2 L2 Science Product Guides).
LOW = {"cloud": 1, "shadow": 1, "snow": 1, "cirrus": 1}
DOCUMENTED_VALUES = [
    (21824, {"clear": True}, LOW),  # L8/9 clear land, all confidences low
    (21952, {"clear": True, "water": True}, LOW),  # L8/9 clear water
    (22280, {"cloud": True}, {**LOW, "cloud": 3}),  # L8/9 high-confidence cloud
    (23888, {"shadow": True, "clear": True}, {**LOW, "shadow": 3}),  # L8/9 cloud shadow
    (30048, {"snow": True, "clear": True}, {**LOW, "snow": 3}),  # L8/9 snow
    (55052, {"cloud": True, "cirrus": True}, {**LOW, "cloud": 3, "cirrus": 3}),  # L8/9 cloud + cirrus
    (5440, {"clear": True}, {"cloud": 1, "shadow": 1, "snow": 1}),  # L4-7 clear land (no cirrus)
]


@pytest.mark.parametrize(("value", "flags", "confidences"), DOCUMENTED_VALUES)
def test_encoding_reproduces_documented_qa_pixel_values(value, flags, confidences):
    assert int(qa.encode_qa_pixel(flags, confidences, shape=())) == value


@pytest.mark.parametrize(("value", "flags", "confidences"), DOCUMENTED_VALUES)
def test_decoding_documented_values_gives_their_flags_and_confidences(value, flags, confidences):
    array = np.array([value], dtype=np.uint16)
    for name in qa.QA_PIXEL_BITS:
        assert bool(qa.qa_pixel_flag(array, name)[0]) == flags.get(name, False), name
    for name in qa.QA_PIXEL_CONFIDENCE_BITS:
        assert int(qa.qa_pixel_confidence(array, name)[0]) == confidences.get(name, 0), name


def test_fill_value_is_only_the_fill_bit():
    fill = np.array([qa.QA_PIXEL_FILL], dtype=np.uint16)
    assert qa.qa_pixel_flag(fill, "fill")[0]
    assert not any(qa.qa_pixel_flag(fill, name)[0] for name in qa.QA_PIXEL_BITS if name != "fill")


def test_mask_combines_flags_and_minimum_confidence():
    values = np.array([21824, 22280, 23888, 1, 21762, 30048], dtype=np.uint16)
    medium_cloud = qa.encode_qa_pixel({"clear": True}, {"cloud": "medium"}, shape=())
    values = np.append(values, medium_cloud)
    default = qa.qa_pixel_mask(values)
    assert default.tolist() == [False, True, True, True, True, False, False]
    with_confidence = qa.qa_pixel_mask(values, flags=("fill",), min_confidence={"cloud": "medium"})
    assert with_confidence.tolist() == [False, True, False, True, False, False, True]


def test_unknown_names_and_levels_are_rejected_with_the_valid_choices():
    with pytest.raises(ValueError, match="cloud"):
        qa.qa_pixel_flag(np.zeros(1, np.uint16), "clouds")
    with pytest.raises(ValueError, match="0-3"):
        qa.encode_qa_pixel({"cloud": True}, {"cloud": 4}, shape=())
    with pytest.raises(ValueError, match="sensor"):
        qa.encode_qa_radsat({"band1": True}, "msi")


def test_radsat_bits_differ_between_oli_and_tm_etm():
    saturated = np.array([True, False])
    oli = qa.encode_qa_radsat({"band7": saturated}, "oli")
    tm = qa.encode_qa_radsat({"band7": saturated}, "tm_etm")
    assert oli.tolist() == [1 << 6, 0] and tm.tolist() == [1 << 6, 0]
    assert qa.encode_qa_radsat({"band6H": True}, "tm_etm").tolist() == 1 << 8
    assert qa.qa_radsat_saturated(oli, "band7", "oli").tolist() == [True, False]
    assert qa.qa_radsat_saturated(np.array([1 << 11]), "terrain_occlusion", "oli")[0]


def test_scl_classes_cover_all_twelve_values():
    assert sorted(qa.SCL_CLASSES) == list(range(12))
    assert qa.SCL_CLASSES[3] == "cloud_shadow" and qa.SCL_CLASSES[9] == "cloud_high_probability"

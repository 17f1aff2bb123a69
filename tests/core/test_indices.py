"""The index registry against values computed by hand from REFERENCE.md's formulas."""

import math

import numpy as np
import pytest

from timestack.core.indices import (
    INDICES,
    REFLECTIVE_BANDS,
    canonical_band,
    compute_index,
    disturbance_direction,
    required_bands,
)

# One pixel of healthy forest, reflectance 0-1.
FOREST = {"blue": 0.02, "green": 0.05, "red": 0.03, "nir": 0.30, "swir1": 0.15, "swir2": 0.07}

# Hand computed: NDVI (0.30-0.03)/(0.30+0.03) = 0.27/0.33, etc.
EXPECTED = {
    "NDVI": 0.27 / 0.33,
    "NBR": 0.23 / 0.37,
    "NDMI": 0.15 / 0.45,
    "NBR2": 0.08 / 0.22,
    "NDSI": -0.10 / 0.20,
    "NDWI": -0.25 / 0.35,
    "EVI": 2.5 * 0.27 / (0.30 + 0.18 - 0.15 + 1.0),
    "SAVI": 1.5 * 0.27 / (0.33 + 0.5),
    # Crist 1985 coefficients times FOREST, summed by hand.
    "TCB": 0.2043 * 0.02 + 0.4158 * 0.05 + 0.5524 * 0.03 + 0.5741 * 0.30 + 0.3124 * 0.15 + 0.2303 * 0.07,
    "TCG": -0.1603 * 0.02 - 0.2819 * 0.05 - 0.4934 * 0.03 + 0.7940 * 0.30 - 0.0002 * 0.15 - 0.1446 * 0.07,
    "TCW": 0.0315 * 0.02 + 0.2021 * 0.05 + 0.3102 * 0.03 + 0.1594 * 0.30 - 0.6806 * 0.15 - 0.6109 * 0.07,
}
EXPECTED["TCA"] = math.atan(EXPECTED["TCG"] / EXPECTED["TCB"])


def bands_of(pixel, dtype=np.float64):
    return {name: np.array([value], dtype=dtype) for name, value in pixel.items()}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_index_matches_hand_computed_value(name):
    assert compute_index(name, bands_of(FOREST))[0] == pytest.approx(EXPECTED[name], rel=1e-9)


def test_registry_covers_the_documented_indices():
    assert set(INDICES) == set(EXPECTED)


def test_float32_input_gives_float32_within_float32_precision():
    for name in INDICES:
        value = compute_index(name, bands_of(FOREST, np.float32))
        assert value.dtype == np.float32, name
        assert value[0] == pytest.approx(EXPECTED[name], rel=1e-5, abs=1e-6)


def test_nan_observations_stay_nan_without_warnings():
    bands = {name: np.array([np.nan, 0.0]) for name in REFLECTIVE_BANDS}
    with np.errstate(all="raise"):
        for name in INDICES:
            assert np.isnan(compute_index(name, bands)[0]), name


@pytest.mark.parametrize(
    ("name", "direction"),
    [
        ("NBR", -1),
        ("NDVI", -1),
        ("NDMI", -1),
        ("EVI", -1),
        ("SAVI", -1),
        ("TCG", -1),
        ("TCW", -1),
        ("TCA", -1),
        ("TCB", 1),
        ("swir1", 1),
        ("swir22", 1),
        ("red", 1),
        ("nir", -1),
        ("nbr", -1),
    ],
)
def test_disturbance_direction_follows_reference(name, direction):
    assert disturbance_direction(name) == direction


def test_disturbance_direction_agrees_with_a_simulated_clearcut():
    """Forest -> bare soil: each index moves the way its registered direction says."""
    bare = {"blue": 0.06, "green": 0.09, "red": 0.12, "nir": 0.20, "swir1": 0.30, "swir2": 0.22}
    for name in ("NDVI", "NBR", "NDMI", "EVI", "SAVI", "TCB", "TCG", "TCW", "TCA", "NBR2"):
        change = compute_index(name, bands_of(bare))[0] - compute_index(name, bands_of(FOREST))[0]
        assert np.sign(change) == disturbance_direction(name), name


def test_band_aliases_map_asset_keys_to_canonical_names():
    assert canonical_band("swir16") == "swir1"
    assert canonical_band("swir22") == "swir2"
    assert canonical_band("nir08") == "nir"
    assert canonical_band("NIR") == "nir"


def test_unknown_index_and_band_name_the_known_ones():
    with pytest.raises(ValueError, match="unknown index 'NDXX'.*NDVI"):
        compute_index("NDXX", bands_of(FOREST))
    with pytest.raises(ValueError, match="unknown band 'B99'"):
        canonical_band("B99")


def test_missing_band_is_named():
    with pytest.raises(ValueError, match=r"NBR needs bands \['swir2'\]"):
        compute_index("NBR", {"nir": np.array([0.3])})


def test_required_bands_are_the_union_in_spectral_order():
    assert required_bands(["swir16"], ["NDVI"]) == ("red", "nir", "swir1")
    assert required_bands([], ["TCW"]) == REFLECTIVE_BANDS


@pytest.mark.parametrize("name", [name for name, index in INDICES.items() if index.expression])
def test_text_expression_equals_the_formula(name):
    """Earth Engine evaluates ``expression``; it must be the same index as the numpy ``formula``."""
    bands = {band: np.random.default_rng(1).uniform(0.01, 0.5, 50) for band in REFLECTIVE_BANDS}
    from_text = eval(INDICES[name].expression, {"__builtins__": {}}, dict(bands))  # noqa: S307
    np.testing.assert_allclose(from_text, compute_index(name, bands), rtol=1e-12)

"""FLAVOR=idl against IDL LandTrendr-2012 on series it used to get wrong.

``tests/data/landtrendr_idl_regressions.json`` holds synthetic series drawn like the shared
``idl_reference_params.json`` (same series types, value ranges, gaps, quantization and parameter
sets, plus random parameter sets in the same ranges) on which Timestack disagreed with the original
IDL code run under GDL, with IDL's outputs; its ``meta`` says how they were made. They are checked
as ``test_landtrendr_parameter_sets.py`` checks the shared series: the same vertex years, every
fitted year within 2, the same status and p within 1e-4 relative; IDL's placeholders are expected
as ``tests.helpers.landtrendr.expected_fit`` states.

What they exercise (their ``fixed`` field): ties between vertices decided by IDL's single-precision
arithmetic (step-4 angle scores of integer-valued series; split points of straight or nearly
straight segments, where IDL's residuals are rounding noise; joint-fit recoveries exactly at the
threshold), fitted values that double precision leaves a hair below an integer before IDL's
truncation, and series IDL finds nothing to split in only after despiking or for lack of
observations.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.landtrendr import assert_fits_as_idl, case_id

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "landtrendr_idl_regressions.json"
SERIES = json.loads(FIXTURE.read_text())["series"]


@pytest.mark.parametrize("series", SERIES, ids=[case_id(s) for s in SERIES])
def test_idl_flavor_matches_idl_on_a_series_it_used_to_miss(series):
    assert_fits_as_idl(series)


def test_the_regressions_cover_each_cause_and_both_orientations():
    """Every fix has cases, in both orientations of the index, with and without missing years."""
    causes = {s["fixed"] for s in SERIES}
    assert len(causes) == 4
    for cause in causes:
        assert sum(s["fixed"] == cause for s in SERIES) >= 2
    assert {s["params"]["modifier"] for s in SERIES} == {-1, 1}
    assert any(None in s["values"] for s in SERIES)
    assert any(None not in s["values"] for s in SERIES)
    assert {s["idl_outcome"] for s in SERIES} >= {"segmented", "zero_model"}

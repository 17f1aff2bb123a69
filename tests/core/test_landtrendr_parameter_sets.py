"""FLAVOR=idl against IDL LandTrendr-2012 under nine parameter sets, one case per recorded series.

The fixture's series were run through the original IDL code (under GDL) with the parameter set
each names. A segmented or non-significant IDL result must be matched: the same vertex years, every
fitted year within 2 (IDL truncates into INT fields) and the same p-value. Where IDL returns a
placeholder instead of a fit, Timestack returns something usable, and the test states what:

* ``zero_model`` (IDL's vertex search found nothing to split, e.g. a constant or a straight line;
  IDL answers with all zeros): the data's own least-squares line, one segment over the series;
* ``insufficient_obs_flat_mean`` (fewer observations than minObservationsNeeded; IDL's vertices are
  [0, 0]): the flat mean from the first to the last year, flagged STATUS_TOO_FEW_OBSERVATIONS.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.core.test_landtrendr import FIXTURES
from timestack.core.landtrendr import (
    STATUS_NOT_SIGNIFICANT,
    STATUS_OK,
    STATUS_TOO_FEW_OBSERVATIONS,
    LandTrendrParams,
    fit_pixel,
)

PARAMETER_SETS = FIXTURES / "idl_reference_params.json"

#: Fitted values may differ by this much: IDL truncates vertex and fitted values into INT fields.
FIT_TOLERANCE = 2.0


def load_series() -> list[dict]:
    return json.loads(PARAMETER_SETS.read_text())["series"]


def stacks_of(param_set: str) -> dict[tuple, list[dict]]:
    """The series of one parameter set grouped by what one stack can hold: (years, modifier)."""
    groups: dict = {}
    for series in load_series():
        if series["param_set"] == param_set:
            key = (tuple(series["years"]), series["params"]["modifier"])
            groups.setdefault(key, []).append(series)
    return groups


def case_id(series: dict) -> str:
    return f"{series['type']}-{series['param_set']}-{series['id']}"


def series_params(series: dict) -> LandTrendrParams:
    keys = LandTrendrParams.__dataclass_fields__
    return LandTrendrParams(**{k: v for k, v in series["params"].items() if k in keys})


def series_values(series: dict) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in series["values"]], dtype=float)


def expected_fit(series: dict) -> tuple[list[int], np.ndarray, int]:
    """Vertex years, fitted values and status Timestack must return for one recorded series."""
    years = np.array(series["years"], dtype=float)
    values = series_values(series)
    valid = np.isfinite(values)
    outcome = series["idl_outcome"]
    if outcome == "zero_model":
        line = np.polyval(np.polyfit(years[valid], values[valid], 1), years)
        return [int(years[0]), int(years[-1])], line, STATUS_OK
    if outcome == "insufficient_obs_flat_mean":
        return (
            [int(years[0]), int(years[-1])],
            np.full(years.size, values[valid].mean()),
            (STATUS_TOO_FEW_OBSERVATIONS),
        )
    status = STATUS_NOT_SIGNIFICANT if outcome == "flat_not_significant" else STATUS_OK
    return list(series["idl_vertex_years"]), np.array(series["idl_yfit"], dtype=float), status


def matches(series: dict, vertex_years, fitted) -> bool:
    """Whether a fit (vertex years padded with NaN, fitted values) is the expected one."""
    want_years, want_fitted, _ = expected_fit(series)
    got_years = [int(y) for y in vertex_years if np.isfinite(y)]
    return got_years == want_years and np.max(np.abs(np.asarray(fitted) - want_fitted)) <= FIT_TOLERANCE


ALL_SERIES = load_series()


@pytest.mark.parametrize("series", ALL_SERIES, ids=[case_id(s) for s in ALL_SERIES])
def test_idl_flavor_matches_idl_under_the_series_parameter_set(series):
    fit = fit_pixel(
        series_values(series), series["years"], series_params(series), series["params"]["modifier"], "idl"
    )
    want_years, want_fitted, want_status = expected_fit(series)
    assert [int(y) for y in fit.vertex_years if np.isfinite(y)] == want_years
    np.testing.assert_allclose(fit.fitted, want_fitted, rtol=0, atol=FIT_TOLERANCE)
    assert fit.status == want_status
    if series["idl_outcome"] in ("segmented", "flat_not_significant"):
        assert fit.p_value == pytest.approx(series["idl_p_of_f"], rel=1e-4, abs=1e-9)


def test_the_fixture_spans_every_parameter_set_and_outcome():
    """The table above exercises what the issue asks for, not one parameter set."""
    assert {s["param_set"] for s in ALL_SERIES} == {f"P{i}" for i in range(1, 10)}
    outcomes = {s["idl_outcome"] for s in ALL_SERIES}
    assert outcomes == {"segmented", "flat_not_significant", "zero_model", "insufficient_obs_flat_mean"}
    assert any(s["params"]["bestModelProportion"] > 1 for s in ALL_SERIES)

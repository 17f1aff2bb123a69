"""LandTrendr test inputs: a synthetic stack with known disturbances, the recorded IDL series of
nine parameter sets with the fit Timestack must return for each, and one Processing run.

The synthetic cubes are 16×16 pixels over 1990-2019 in 4×4 blocks, each disturbed block in its own
year (``disturbance_years``), plus a lone disturbed pixel and one without data. The IDL series come
from ``shared/fixtures/landtrendr/idl_reference_params.json`` (run through the original IDL code
under GDL); ``expected_fit`` states what Timestack returns where IDL returns a placeholder.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from tests.helpers.rasters import write_stack
from timestack.core.landtrendr.fit import (
    STATUS_NOT_SIGNIFICANT,
    STATUS_OK,
    STATUS_TOO_FEW_OBSERVATIONS,
    LandTrendrParams,
)

__all__ = [
    "EMPTY_PIXEL",
    "FIT_TOLERANCE",
    "LONE_PIXEL",
    "LONE_YEAR",
    "SERIES_NODATA",
    "SIZE",
    "YEARS",
    "assert_fits_as_idl",
    "case_id",
    "disturbance_years",
    "disturbed_nbr",
    "expected_fit",
    "load_series",
    "matches",
    "run_landtrendr",
    "series_params",
    "series_values",
    "stacks_of",
    "synthetic_cubes",
    "write_series_stack",
]

YEARS = list(range(1990, 2020))
SIZE = 16
BLOCK = 4
#: Nodata of the float32 series stacks (NaN in the cubes).
SERIES_NODATA = -9999.0
UNDISTURBED_BLOCKS = {(0, 0), (1, 2), (3, 1), (2, 3)}
#: A lone disturbed pixel inside an undisturbed block (for the minimum mapping unit).
LONE_PIXEL = (13, 5)
LONE_YEAR = 2011
EMPTY_PIXEL = (1, 1)

#: Fitted values may differ by this much: IDL truncates vertex and fitted values into INT fields.
FIT_TOLERANCE = 2.0


def disturbance_years() -> np.ndarray:
    """True year of disturbance per pixel (0 = undisturbed): constant over 4×4 blocks."""
    truth = np.zeros((SIZE, SIZE), dtype=int)
    block_years = iter(range(1994, 2017, 2))
    for by in range(SIZE // BLOCK):
        for bx in range(SIZE // BLOCK):
            if (by, bx) not in UNDISTURBED_BLOCKS:
                truth[by * BLOCK : (by + 1) * BLOCK, bx * BLOCK : (bx + 1) * BLOCK] = next(block_years)
    truth[LONE_PIXEL] = LONE_YEAR
    return truth


def synthetic_cubes(seed: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """NBR-like series: stable forest ~0.7, a 0.5 drop in the truth year, then +0.02/yr regrowth;
    a SWIR1-like band that rises as NBR falls. Returns (nbr, swir1, truth)."""
    rng = np.random.default_rng(seed)
    truth = disturbance_years()
    years = np.array(YEARS)[:, None, None]
    nbr = 0.7 + rng.normal(0.0, 0.015, (len(YEARS), SIZE, SIZE))
    disturbed = (truth[None] > 0) & (years >= truth[None])
    since = np.where(disturbed, years - truth[None], 0)
    nbr = np.where(disturbed, nbr - 0.5 + 0.02 * since, nbr)
    swir1 = 0.12 - 0.25 * (nbr - 0.7) + rng.normal(0.0, 0.003, nbr.shape)
    nbr[:, EMPTY_PIXEL[0], EMPTY_PIXEL[1]] = np.nan
    swir1[:, EMPTY_PIXEL[0], EMPTY_PIXEL[1]] = np.nan
    nbr[7, 9, 9] = np.nan  # a cloudy year in one pixel
    return nbr, swir1, truth


def write_series_stack(path: Path, bands: dict, descriptions=None, years=YEARS) -> Path:
    """A float32 stack of (years, rows, cols) cubes, band-major per variable, on the test grid of
    ``tests.helpers.rasters``; NaN becomes ``SERIES_NODATA``. Bands are described ``YYYY_name``
    unless ``descriptions`` says otherwise (an empty text: no description)."""
    layers = [(f"{year}_{name}", layer) for name, cube in bands.items() for year, layer in zip(years, cube)]
    if descriptions is not None:
        layers = [(text, layer) for text, (_, layer) in zip(descriptions, layers)]
    data = np.stack(
        [np.where(np.isnan(layer), SERIES_NODATA, layer).astype("float32") for _, layer in layers]
    )
    return write_stack(path, data, [text for text, _ in layers], nodata=SERIES_NODATA)


def run_landtrendr(stack: Path, out: Path, context=None, **overrides) -> dict:
    """``timestack:landtrendr`` through Processing on ``stack`` (NBR, four segments), every raster
    output in ``out``; ``overrides`` replace or add parameters."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    parameters = {
        "INPUT": str(stack),
        "INDEX": "nbr",
        "MAX_SEGMENTS": 4,
        "OUTPUT_VERTICES": str(out / "vertices.tif"),
        "OUTPUT_FITTED": str(out / "fitted.tif"),
        "OUTPUT_RMSE": str(out / "rmse.tif"),
        "OUTPUT_SEGMENTS": str(out / "segments.tif"),
    }
    parameters.update(overrides)
    return processing.run(
        "timestack:landtrendr", parameters, context=context or QgsProcessingContext(),
        feedback=QgsProcessingFeedback(),
    )  # fmt: skip


def load_series() -> list[dict]:
    """Every recorded IDL series: values, years, parameter set, parameters and IDL's outcome.

    The shared folder is resolved here, not on import, so tests that only need the synthetic stack
    do not depend on it.
    """
    from tests.helpers.shared import LANDTRENDR_FIXTURES

    return json.loads((LANDTRENDR_FIXTURES / "idl_reference_params.json").read_text())["series"]


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


def assert_fits_as_idl(series: dict) -> None:
    """FLAVOR=idl on a recorded series returns IDL's fit: the same vertex years, every fitted year
    within FIT_TOLERANCE (IDL truncates into INT fields), the same status and, where IDL fitted, the
    same p-value; IDL's placeholders as :func:`expected_fit` states."""
    from timestack.core.landtrendr.fit import fit_pixel

    fit = fit_pixel(
        series_values(series), series["years"], series_params(series), series["params"]["modifier"], "idl"
    )
    want_years, want_fitted, want_status = expected_fit(series)
    assert [int(y) for y in fit.vertex_years if np.isfinite(y)] == want_years
    np.testing.assert_allclose(fit.fitted, want_fitted, rtol=0, atol=FIT_TOLERANCE)
    assert fit.status == want_status
    if series["idl_outcome"] in ("segmented", "flat_not_significant"):
        assert abs(fit.p_value - series["idl_p_of_f"]) <= max(1e-4 * abs(series["idl_p_of_f"]), 1e-9)


def matches(series: dict, vertex_years, fitted) -> bool:
    """Whether a fit (vertex years padded with NaN, fitted values) is the expected one."""
    want_years, want_fitted, _ = expected_fit(series)
    got_years = [int(y) for y in vertex_years if np.isfinite(y)]
    return got_years == want_years and np.max(np.abs(np.asarray(fitted) - want_fitted)) <= FIT_TOLERANCE


def disturbed_nbr(
    years, shape: tuple, seed: int, drop_years: tuple, level: float, loss: float, regrowth: float, gaps: float
) -> np.ndarray:
    """Yearly NBR of a forest whose every pixel is cleared once and regrows: a stack LandTrendr finds
    one loss per pixel in, big enough to cut into tiles or windows.

    Before its clearing year (random in ``drop_years``, first inclusive, last exclusive) a pixel holds
    ``level`` plus noise; from it on, ``loss`` less, recovering ``regrowth`` a year. A ``gaps`` share of
    the values is -9999 (clouds). float32, (years, rows, cols).
    """
    rng = np.random.default_rng(seed)
    rows, cols = shape
    year = np.array(years)[:, None, None]
    drop = rng.integers(drop_years[0], drop_years[1], (rows, cols))
    nbr = level + rng.normal(0, 0.02, (len(years), rows, cols))
    nbr = np.where(year >= drop, nbr - loss + regrowth * (year - drop), nbr).astype("float32")
    nbr[rng.random(nbr.shape) < gaps] = -9999
    return nbr

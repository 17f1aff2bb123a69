"""``timestack:landtrendr`` through qgis_process against careless input: every case is refused with a
message naming the parameter to fix, and leaves every file in the folder exactly as it was."""

from __future__ import annotations

import pytest

from tests.helpers.bad_input import Case, bad_files, read_only, run_case
from tests.helpers.landtrendr import YEARS, synthetic_cubes, write_series_stack

ALGORITHM = "timestack:landtrendr"
FITTED = "{root}/out/fitted.tif"


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    root = tmp_path_factory.mktemp("landtrendr_bad")
    nbr, swir1, _ = synthetic_cubes()
    stack = write_series_stack(root / "stack.tif", {"nbr": nbr, "swir1": swir1})
    files = bad_files(root, stack)
    short = write_series_stack(root / "short.tif", {"nbr": nbr[:3]}, years=YEARS[:3])
    twice = [f"{year}_nbr" for year in YEARS]
    twice[1] = twice[0]
    doubled = write_series_stack(root / "doubled.tif", {"nbr": nbr}, descriptions=twice)
    paths = {"root": root, "stack": stack, "short": short, "doubled": doubled}
    with read_only(files["readonly"]):
        yield {**{name: str(path) for name, path in {**files, **paths}.items()}}


def fit(**extra) -> dict:
    """INPUT the good stack, NBR, the fitted output in out/; ``extra`` replaces or adds."""
    return {"INPUT": "{stack}", "INDEX": "nbr", "OUTPUT_FITTED": FITTED, **extra}


CASES = [
    Case("input-missing", fit(INPUT="{missing}"), "INPUT"),
    Case("input-empty-file", fit(INPUT="{empty}"), "empty"),
    Case("input-truncated", fit(INPUT="{truncated}"), "INPUT"),
    Case("input-text-file", fit(INPUT="{text}"), "INPUT"),
    Case("input-text-named-tif", fit(INPUT="{text_tif}"), "INPUT"),
    Case("input-a-folder", fit(INPUT="{folder}"), "INPUT"),
    Case("input-undated-bands", fit(INPUT="{undated}"), "YYYY_name"),
    Case("input-single-band", fit(INPUT="{single}"), "INPUT"),
    Case("input-fewer-years-than-needed", fit(INPUT="{short}"), "MIN_OBSERVATIONS_NEEDED"),
    Case("input-year-twice", fit(INPUT="{doubled}"), "INPUT"),
    Case("index-unknown", fit(INDEX="ndmi"), "INDEX"),
    Case("index-empty", fit(INDEX=""), "INDEX"),
    Case("fit-bands-unknown", fit(FIT_BANDS="swir2"), "FIT_BANDS"),
    Case("max-segments-zero", fit(MAX_SEGMENTS=0), "MAX_SEGMENTS"),
    Case("max-segments-fraction", fit(MAX_SEGMENTS=2.5), "MAX_SEGMENTS"),
    Case("max-segments-text", fit(MAX_SEGMENTS="many"), "MAX_SEGMENTS"),
    Case("spike-threshold-negative", fit(SPIKE_THRESHOLD=-0.1), "SPIKE_THRESHOLD"),
    Case("pval-threshold-above-one", fit(PVAL_THRESHOLD=1.5), "PVAL_THRESHOLD"),
    Case("pval-threshold-zero", fit(PVAL_THRESHOLD=0), "PVAL_THRESHOLD"),
    Case("best-model-proportion-three", fit(BEST_MODEL_PROPORTION=3), "BEST_MODEL_PROPORTION"),
    Case("min-observations-one", fit(MIN_OBSERVATIONS_NEEDED=1), "MIN_OBSERVATIONS_NEEDED"),
    Case("vertex-overshoot-negative", fit(VERTEX_COUNT_OVERSHOOT=-1), "VERTEX_COUNT_OVERSHOOT"),
    Case("recovery-threshold-negative", fit(RECOVERY_THRESHOLD=-0.5), "RECOVERY_THRESHOLD"),
    Case("flavor-unknown", fit(FLAVOR=4), "FLAVOR"),
    Case("direction-unknown", fit(DIRECTION=9), "DIRECTION"),
    Case("engine-unknown", fit(ENGINE=2), "ENGINE"),
    Case("no-output-at-all", {"INPUT": "{stack}", "INDEX": "nbr"}, "OUTPUT"),
    Case("output-fitted-is-input", fit(OUTPUT_FITTED="{stack}"), "OUTPUT_FITTED"),
    Case("two-outputs-one-path", fit(OUTPUT_SEGMENTS=FITTED), "OUTPUT_SEGMENTS"),
    Case("output-in-read-only-folder", fit(OUTPUT_FITTED="{readonly}/fitted.tif"), "OUTPUT_FITTED"),
    Case("output-below-a-file", fit(OUTPUT_FITTED="{under_file}"), "OUTPUT_FITTED"),
    Case("output-is-a-folder", fit(OUTPUT_FITTED="{folder}"), "OUTPUT_FITTED"),
    Case("fitted-named-vrt", fit(OUTPUT_FITTED="{root}/out/fitted.vrt"), "OUTPUT_FITTED: Timestack writes"),
    Case("ftv-without-fit-bands", fit(OUTPUT_FTV="{root}/out/ftv"), "FIT_BANDS"),
    Case("ftv-folder-is-a-file", fit(FIT_BANDS="swir1", OUTPUT_FTV="{text}"), "OUTPUT_FTV"),
    Case("run-over-max-gb", fit(MAX_GB="0.000000001"), "more than the limit of MAX_GB"),
    Case("max-gb-negative", fit(MAX_GB="-1"), "MAX_GB"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_landtrendr_refuses_bad_input_by_name_and_changes_nothing(qgis_process, place, case):
    run_case(qgis_process, ALGORITHM, case, place, inputs=[place["root"]])

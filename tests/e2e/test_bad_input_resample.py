"""``timestack:resample`` through qgis_process against careless input: every case is refused with a
message naming the parameter to fix, and leaves every file in the folder exactly as it was."""

from __future__ import annotations

import numpy as np
import pytest

from tests.helpers.bad_input import Case, bad_files, read_only, run_case
from tests.helpers.rasters import write_stack

ALGORITHM = "timestack:resample"
RESAMPLED = "{root}/out/monthly.tif"


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    root = tmp_path_factory.mktemp("resample_bad")
    data = np.random.default_rng(7).uniform(0, 1, (10, 8, 8)).astype("float32")
    dates = [f"2021-{month:02d}-{day:02d}_ndvi" for month, day in zip(range(1, 11), range(3, 28, 2))]
    stack = write_stack(root / "stack.tif", data, dates, nodata=np.nan)
    files = bad_files(root, stack)
    doubled = write_stack(root / "doubled.tif", data[:3], [dates[0], dates[0], dates[1]], nodata=np.nan)
    partly = write_stack(root / "partly.tif", data[:3], [dates[0], "cloudy", dates[2]], nodata=np.nan)
    paths = {"root": root, "stack": stack, "doubled": doubled, "partly": partly}
    with read_only(files["readonly"]):
        yield {name: str(path) for name, path in {**files, **paths}.items()}


def resample(**extra) -> dict:
    return {"INPUT": "{stack}", "OUTPUT": RESAMPLED, **extra}


CASES = [
    Case("input-missing", resample(INPUT="{missing}"), "INPUT"),
    Case("input-empty-file", resample(INPUT="{empty}"), "empty"),
    Case("input-truncated", resample(INPUT="{truncated}"), "INPUT"),
    Case("input-text-file", resample(INPUT="{text}"), "INPUT"),
    Case("input-text-named-tif", resample(INPUT="{text_tif}"), "INPUT"),
    Case("input-a-folder", resample(INPUT="{folder}"), "INPUT"),
    Case("input-undated-bands", resample(INPUT="{undated}"), "INPUT"),
    Case("input-partly-undated", resample(INPUT="{partly}"), "band 2"),
    Case("input-date-twice", resample(INPUT="{doubled}"), "INPUT"),
    Case("input-single-band", resample(INPUT="{single}"), "INPUT"),
    Case("period-unknown", resample(PERIOD=7), "PERIOD"),
    Case("period-negative", resample(PERIOD=-1), "PERIOD"),
    Case("period-text", resample(PERIOD="fortnightly"), "PERIOD"),
    Case("statistic-unknown", resample(STATISTIC=9), "STATISTIC"),
    Case("statistic-two", resample(STATISTIC="0,1"), "STATISTIC"),
    Case("days-zero", resample(PERIOD=3, DAYS=0), "DAYS"),
    Case("days-negative", resample(PERIOD=3, DAYS=-16), "DAYS"),
    Case("days-fraction", resample(PERIOD=3, DAYS=1.5), "DAYS"),
    Case("days-text", resample(PERIOD=3, DAYS="biweekly"), "DAYS"),
    Case("output-is-input", resample(OUTPUT="{stack}"), "OUTPUT"),
    Case("output-in-read-only-folder", resample(OUTPUT="{readonly}/monthly.tif"), "OUTPUT"),
    Case("output-below-a-file", resample(OUTPUT="{under_file}"), "OUTPUT"),
    Case("output-is-a-folder", resample(OUTPUT="{folder}"), "OUTPUT"),
    Case("output-named-netcdf", resample(OUTPUT="{root}/out/monthly.nc"), "OUTPUT: Timestack writes GeoTIFF"),
    Case(
        "output-not-a-raster",
        resample(OUTPUT="{root}/out/monthly.json"),
        "OUTPUT: '.json' is not a raster format; Timestack writes GeoTIFF rasters: name the file .tif.",
    ),
    Case("output-over-the-notes", resample(OUTPUT="{text}"), "OUTPUT"),
    Case("no-output", {"INPUT": "{stack}", "OUTPUT": ""}, "OUTPUT"),
    Case("run-over-max-gb", resample(MAX_GB="0.000000001"), "more than the limit of MAX_GB"),
    Case("max-gb-negative", resample(MAX_GB="-1"), "MAX_GB"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_resample_refuses_bad_input_by_name_and_changes_nothing(qgis_process, place, case):
    run_case(qgis_process, ALGORITHM, case, place, inputs=[place["root"]])

"""``timestack:timescan`` through qgis_process against careless input: every case is refused with a
message naming the parameter to fix, and leaves every file in the folder exactly as it was."""

from __future__ import annotations

import numpy as np
import pytest

from tests.helpers.bad_input import Case, bad_files, read_only, run_case
from tests.helpers.rasters import write_stack

ALGORITHM = "timestack:timescan"
SCAN = "{root}/out/timescan.tif"


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    root = tmp_path_factory.mktemp("timescan_bad")
    data = np.random.default_rng(5).uniform(0, 1, (12, 8, 8)).astype("float32")
    dates = [f"2021-{month:02d}-15_ndvi" for month in range(1, 13)]
    stack = write_stack(root / "stack.tif", data, dates, nodata=np.nan)
    files = bad_files(root, stack)
    doubled = write_stack(root / "doubled.tif", data[:3], [dates[0], dates[0], dates[1]], nodata=np.nan)
    partly = write_stack(root / "partly.tif", data[:3], [dates[0], "", dates[2]], nodata=np.nan)
    three = write_stack(root / "three.tif", data[:3], dates[:3], nodata=np.nan)
    numbers = write_stack(root / "numbers.tif", (data * 60000).astype("uint16"), dates, nodata=0)
    paths = {"root": root, "stack": stack, "doubled": doubled, "partly": partly, "three": three}
    paths["numbers"] = numbers
    annual = [f"{year}-07-15_ndvi" for year in range(2010, 2022)]
    paths["annual"] = write_stack(root / "annual.tif", data, annual, nodata=np.nan)
    with read_only(files["readonly"]):
        yield {name: str(path) for name, path in {**files, **paths}.items()}


def scan(**extra) -> dict:
    return {"INPUT": "{stack}", "OUTPUT": SCAN, **extra}


CASES = [
    Case("input-missing", scan(INPUT="{missing}"), "INPUT"),
    Case("input-empty-file", scan(INPUT="{empty}"), "empty"),
    Case("input-truncated", scan(INPUT="{truncated}"), "INPUT"),
    Case("input-text-file", scan(INPUT="{text}"), "INPUT"),
    Case("input-text-named-tif", scan(INPUT="{text_tif}"), "INPUT"),
    Case("input-a-folder", scan(INPUT="{folder}"), "INPUT"),
    Case("input-undated-bands", scan(INPUT="{undated}"), "carries no date"),
    Case("input-partly-undated", scan(INPUT="{partly}"), "band 2"),
    Case("input-date-twice", scan(INPUT="{doubled}"), "two bands dated"),
    Case("input-single-band", scan(INPUT="{single}"), "INPUT"),
    Case("metric-unknown", scan(METRICS="avg,mode"), "METRICS"),
    Case("metrics-empty", scan(METRICS=" , "), "METRICS"),
    Case("percentile-above-100", scan(METRICS="p150"), "METRICS"),
    Case("percentile-negative", scan(METRICS="p-5"), "METRICS"),
    Case("percentile-not-a-number", scan(METRICS="pxx"), "METRICS"),
    Case("harmonics-on-three-dates", scan(INPUT="{three}", METRICS="harmonics"), "METRICS"),
    Case(
        "harmonics-on-an-annual-stack", scan(INPUT="{annual}", METRICS="amplitude"), "METRICS: the harmonics"
    ),
    Case("variable-unknown", scan(VARIABLES="nbr"), "VARIABLES"),
    Case("sar-db-not-a-boolean", scan(SAR_DB="perhaps"), "SAR_DB"),
    Case(
        "sar-db-on-digital-numbers",
        scan(INPUT="{numbers}", SAR_DB="true"),
        "SAR_DB: the stack holds values such as",
    ),
    Case("outliers-not-a-boolean", scan(OUTLIERS="sometimes"), "OUTLIERS"),
    Case("output-is-input", scan(OUTPUT="{stack}"), "OUTPUT"),
    Case("output-in-read-only-folder", scan(OUTPUT="{readonly}/timescan.tif"), "OUTPUT"),
    Case("output-below-a-file", scan(OUTPUT="{under_file}"), "OUTPUT"),
    Case("output-is-a-folder", scan(OUTPUT="{folder}"), "OUTPUT"),
    Case("output-named-vrt", scan(OUTPUT="{root}/out/timescan.vrt"), "OUTPUT: Timestack writes GeoTIFF"),
    Case("output-named-netcdf", scan(OUTPUT="{root}/out/timescan.nc"), "name the file .tif"),
    Case(
        "output-not-a-raster",
        scan(OUTPUT="{root}/out/timescan.csv"),
        "OUTPUT: '.csv' is not a raster format; Timestack writes GeoTIFF rasters: name the file .tif.",
    ),
    Case("output-over-the-notes", scan(OUTPUT="{text}"), "OUTPUT"),
    Case("no-output", {"INPUT": "{stack}", "OUTPUT": ""}, "OUTPUT"),
    Case("run-over-max-gb", scan(MAX_GB="0.000000001"), "more than the limit of MAX_GB"),
    Case(
        "tiled-run-over-max-gb",
        scan(MAX_GB="0.000000001", TILE_SIZE="4", TILES_FOLDER="{root}/out/tiles"),
        "MAX_GB",
    ),
    Case("max-gb-negative", scan(MAX_GB="-1"), "MAX_GB"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_timescan_refuses_bad_input_by_name_and_changes_nothing(qgis_process, place, case):
    run_case(qgis_process, ALGORITHM, case, place, inputs=[place["root"]])

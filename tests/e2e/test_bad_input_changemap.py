"""``timestack:changemap`` through qgis_process against careless input: every case is refused with a
message naming the parameter to fix and leaves every file as it was; a filter that keeps nothing is
not an error but must say so (a warning and a count in the results), never succeed silently."""

from __future__ import annotations

import numpy as np
import pytest
import rasterio

from tests.helpers.bad_input import Case, bad_files, read_only, run_case
from tests.helpers.landtrendr import synthetic_cubes, write_series_stack
from timestack.core.landtrendr.fit import LandTrendrOutputs, LandTrendrParams, run_landtrendr_raster

ALGORITHM = "timestack:changemap"
CHANGE = "{root}/out/change.tif"


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    root = tmp_path_factory.mktemp("changemap_bad")
    nbr, _, _ = synthetic_cubes()
    stack = write_series_stack(root / "stack.tif", {"nbr": nbr})
    segments, fitted = root / "segments.tif", root / "fitted.tif"
    run_landtrendr_raster(
        stack, "nbr", LandTrendrOutputs(segments=segments, fitted=fitted), LandTrendrParams(maxSegments=4)
    )
    untagged = root / "untagged.tif"
    with rasterio.open(segments) as src:
        profile, data, descriptions = src.profile, src.read(), src.descriptions
    with rasterio.open(untagged, "w", **profile) as dst:  # the same bands without LandTrendr's tags
        dst.write(data)
        for band, text in enumerate(descriptions, start=1):
            dst.set_band_description(band, text)
    files = bad_files(root, segments)
    paths = {"root": root, "segments": segments, "fitted": fitted, "untagged": untagged}
    with read_only(files["readonly"]):
        yield {name: str(path) for name, path in {**files, **paths}.items()}


def mapped(**extra) -> dict:
    return {"INPUT": "{segments}", "OUTPUT": CHANGE, **extra}


CASES = [
    Case("input-missing", mapped(INPUT="{missing}"), "INPUT"),
    Case("input-empty-file", mapped(INPUT="{empty}"), "empty"),
    Case("input-truncated", mapped(INPUT="{truncated}"), "INPUT"),
    Case("input-text-file", mapped(INPUT="{text}"), "INPUT"),
    Case("input-text-named-tif", mapped(INPUT="{text_tif}"), "INPUT"),
    Case("input-undated-stack", mapped(INPUT="{undated}"), "OUTPUT_SEGMENTS"),
    Case("input-single-band", mapped(INPUT="{single}"), "OUTPUT_SEGMENTS"),
    Case("input-fitted-not-segments", mapped(INPUT="{fitted}"), "OUTPUT_SEGMENTS"),
    Case("input-without-landtrendr-tags", mapped(INPUT="{untagged}"), "INDEX_DIRECTION"),
    Case("input-without-years-tag", mapped(INPUT="{untagged}", INDEX_DIRECTION=1), "LANDTRENDR_YEARS"),
    Case("direction-unknown", mapped(DIRECTION=2), "DIRECTION"),
    Case("sort-unknown", mapped(SORT=99), "SORT"),
    Case("sort-negative", mapped(SORT=-1), "SORT"),
    Case("index-direction-unknown", mapped(INDEX_DIRECTION=5), "INDEX_DIRECTION"),
    Case("start-year-before-landsat", mapped(START_YEAR=1900), "START_YEAR"),
    Case("end-year-far-future", mapped(END_YEAR=2200), "END_YEAR"),
    Case("start-after-end", mapped(START_YEAR=2010, END_YEAR=2000), "START_YEAR"),
    Case("years-after-the-stack", mapped(START_YEAR=2050, END_YEAR=2060), "START_YEAR"),
    Case("years-before-the-stack", mapped(START_YEAR=1975, END_YEAR=1980), "START_YEAR"),
    Case("mag-negative", mapped(MAG=-1), "MAG"),
    Case("mag-text", mapped(MAG="big"), "MAG"),
    Case("dsnr-negative", mapped(DSNR=-2), "DSNR"),
    Case("dur-negative", mapped(DUR=-1), "DUR"),
    Case("mmu-zero", mapped(MMU=0), "MMU"),
    Case("mmu-fraction", mapped(MMU=2.5), "MMU"),
    Case("output-is-input", mapped(OUTPUT="{segments}"), "OUTPUT"),
    Case("events-is-input", mapped(OUTPUT_EVENTS="{segments}"), "OUTPUT_EVENTS"),
    Case("two-outputs-one-path", mapped(OUTPUT_EVENTS=CHANGE), "OUTPUT_EVENTS"),
    Case("output-in-read-only-folder", mapped(OUTPUT="{readonly}/change.tif"), "OUTPUT"),
    Case("output-below-a-file", mapped(OUTPUT="{under_file}"), "OUTPUT"),
    Case("output-is-a-folder", mapped(OUTPUT="{folder}"), "OUTPUT"),
    Case("events-named-vrt", mapped(OUTPUT_EVENTS="{root}/out/ev.vrt"), "OUTPUT_EVENTS: Timestack writes"),
    Case("run-over-max-gb", mapped(MAX_GB="0.000000001"), "more than the limit of MAX_GB"),
    Case("max-gb-negative", mapped(MAX_GB="-1"), "MAX_GB"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_changemap_refuses_bad_input_by_name_and_changes_nothing(qgis_process, place, case):
    run_case(qgis_process, ALGORITHM, case, place, inputs=[place["root"]])


@pytest.mark.parametrize("filters", [["MMU=1000000000"], ["MAG=1000000"]], ids=["mmu", "magnitude"])
def test_changemap_that_keeps_nothing_warns_and_reports_it(qgis_process, place, tmp_path, filters):
    change = tmp_path / "change.tif"
    done = qgis_process(
        "run", ALGORITHM, "--", f"INPUT={place['segments']}", *filters, f"OUTPUT={change}",
        json_output=False, check=False,
    )  # fmt: skip
    said = done.stdout + done.stderr
    assert done.returncode == 0, said[-3000:]
    assert "no pixel" in said.lower() and filters[0].split("=")[0] in said, said[-3000:]
    assert "CHANGED_PIXELS:\t0" in said, said[-3000:]
    with rasterio.open(change) as src:
        assert np.isnan(src.read(1)).all()

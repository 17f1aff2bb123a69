"""``timestack:hyp3stack`` through qgis_process against careless input: every case is refused with a
message naming the parameter to fix, and leaves every file in the folder exactly as it was."""

from __future__ import annotations

import zipfile

import numpy as np
import pytest

from tests.helpers.bad_input import Case, arguments, bad_files, read_only, run_case
from tests.helpers.hyp3 import ORIGIN, rtc_granule, slc_granule, write_insar_product, write_rtc_product

ALGORITHM = "timestack:hyp3stack"
STACK = "{root}/out/stack.tif"


def _rtc(root, start, *, pol="DV", options="gpuned", layers=("VV", "VH"), as_zip=False, origin=ORIGIN):
    data = {layer: np.full((8, 8), 0.1, "float32") for layer in layers}
    data["ls_map"] = np.ones((8, 8), "uint8")
    granule = rtc_granule(start, pol=pol)
    return write_rtc_product(root, granule, data, options=options, as_zip=as_zip, origin=origin)


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    root = tmp_path_factory.mktemp("hyp3stack_bad")
    good = root / "good"
    first = _rtc(good, "20210105T161201", as_zip=True)
    _rtc(good, "20210117T161201")
    files = bad_files(root, first)
    pairs = root / "pairs"
    for first_day, second_day in [("20200101", "20200113"), ("20200113", "20200125")]:
        layers = {"unw_phase": np.ones((6, 6), "float32")}
        ref, sec = slc_granule(f"{first_day}T014523"), slc_granule(f"{second_day}T014524")
        write_insar_product(pairs, ref, sec, layers, as_zip=True)
    mixed = root / "mixed"
    _rtc(mixed, "20210105T161201")
    write_insar_product(
        mixed,
        slc_granule("20200101T014523"),
        slc_granule("20200113T014524"),
        {"unw_phase": np.ones((6, 6), "f4")},
    )
    pols = root / "pols"
    _rtc(pols, "20210105T161201")
    _rtc(pols, "20210117T161201", pol="DH", layers=("HH", "HV"))
    scales = root / "scales"
    _rtc(scales, "20210105T161201")
    _rtc(scales, "20210117T161201", options="gduned")
    decibels = root / "decibels"
    _rtc(decibels, "20210105T161201", options="gduned")
    _rtc(decibels, "20210117T161201", options="gduned")
    singlepol = root / "singlepol"
    _rtc(singlepol, "20210105T161201")
    _rtc(singlepol, "20210117T161201", pol="SV", layers=("VV",))
    one = _rtc(root / "one", "20210105T161201", as_zip=True)
    frames = root / "frames"
    _rtc(frames, "20210105T161201")
    _rtc(frames, "20210105T161226", origin=(ORIGIN[0], ORIGIN[1] - 240))
    apart = root / "apart"
    _rtc(apart, "20210105T161201")
    _rtc(apart, "20210117T161201", origin=(ORIGIN[0] + 100000, ORIGIN[1]))
    tracks = root / "tracks"
    _rtc(tracks, "20210105T161201")
    write_rtc_product(
        tracks, rtc_granule("20210117T161201").replace("_020358_", "_020400_"), {"VV": np.ones((8, 8), "f4")}
    )
    stray = root / "stray"
    _rtc(stray, "20210105T161201")
    _rtc(stray, "20210117T161201")
    landsat = root / "landsat.zip"
    with zipfile.ZipFile(landsat, "w") as archive:
        archive.writestr("LC08_L2SP_044034_20210615_20210622_02_T1_SR_B4.TIF", b"II*\0")
    (stray / "landsat.zip").write_bytes(landsat.read_bytes())
    broken = root / "broken.zip"
    broken.write_bytes(first.read_bytes()[:300])
    both = root / "both.zip"
    with zipfile.ZipFile(both, "w") as archive:
        for path in (first, root / "one" / one.name):
            with zipfile.ZipFile(path) as source:
                for member in source.namelist():
                    archive.writestr(member, source.read(member))
    both_names = root / "both_names.zip"
    with zipfile.ZipFile(both_names, "w") as archive:
        archive.writestr(
            "S1A_IW_20210105T161201_DVP_RTC30_G_gpuned_FD6A/S1A_IW_20210105T161201_DVP_RTC30_G_gpuned_FD6A_VV.tif",
            b"",
        )  # noqa: E501
        archive.writestr(
            "S1A_IW_20210117T161201_DVP_RTC30_G_gpuned_AB12/S1A_IW_20210117T161201_DVP_RTC30_G_gpuned_AB12_VV.tif",
            b"",
        )  # noqa: E501
    paths = {
        "root": root, "good": good, "first": first, "pairs": pairs, "mixed": mixed, "pols": pols,
        "scales": scales, "decibels": decibels, "singlepol": singlepol, "one": one, "frames": frames,
        "apart": apart, "tracks": tracks, "stray": stray, "landsat": landsat, "broken": broken,
        "both": both_names,
        "missing_dir": root / "no_such_folder",
    }  # fmt: skip
    with read_only(files["readonly"]):
        yield {name: str(path) for name, path in {**files, **paths}.items()}


def stack(**extra) -> dict:
    return arguments({"FOLDER": "{good}", "LAYER": "VV", "OUTPUT": STACK}, **extra)


CASES = [
    Case("no-input", {"LAYER": "VV", "OUTPUT": STACK}, "INPUT"),
    Case("input-missing", stack(FOLDER=None, INPUT="{missing}"), "does not exist"),
    Case("input-zip-of-no-hyp3-product", stack(FOLDER=None, INPUT="{landsat}"), "is not a HyP3 product"),
    Case("input-truncated-zip", stack(FOLDER=None, INPUT="{broken}"), "not a readable zip"),
    Case("input-text-file", stack(FOLDER=None, INPUT="{text}"), "INPUT"),
    Case("input-empty-file", stack(FOLDER=None, INPUT="{empty}"), "INPUT"),
    Case("input-a-geotiff", stack(FOLDER=None, INPUT="{single}"), "INPUT"),
    Case("input-zip-of-two-products", stack(FOLDER=None, INPUT="{both}"), "more than one HyP3 product"),
    Case("folder-empty", stack(FOLDER="{folder}"), "no HyP3 product in"),
    Case("folder-missing", stack(FOLDER="{missing_dir}"), "FOLDER"),
    Case("folder-is-a-file", stack(FOLDER="{text}"), "FOLDER"),
    Case("folder-with-a-stray-zip", stack(FOLDER="{stray}"), "is not a HyP3 product"),
    Case("mixed-rtc-and-insar", stack(FOLDER="{mixed}"), "mixes product types"),
    Case("mixed-polarisations", stack(FOLDER="{pols}"), "mixes polarisations"),
    Case("mixed-scales", stack(FOLDER="{scales}"), "mixes scale"),
    Case("mixed-tracks", stack(FOLDER="{tracks}"), "mixes tracks"),
    Case("one-product-only", stack(FOLDER=None, INPUT="{one}"), "one date only"),
    Case("frames-of-one-day-only", stack(FOLDER="{frames}"), "one date only"),
    Case("layer-missing-in-a-product", stack(FOLDER="{singlepol}", LAYER="VH"), "has no _VH.tif"),
    Case("layer-unknown", stack(LAYER="VX"), "LAYER"),
    Case("layer-of-insar-on-rtc", stack(LAYER="unw_phase"), "no layer of RTC_GAMMA"),
    Case("layer-of-rtc-on-insar", stack(FOLDER="{pairs}", LAYER="VV"), "no layer of INSAR_GAMMA"),
    Case("layer-rgb-has-three-bands", stack(LAYER="rgb"), "LAYER"),
    Case("layer-empty", stack(LAYER=" "), "LAYER"),
    Case("db-on-insar", stack(FOLDER="{pairs}", LAYER="unw_phase", DB="true"), "DB"),
    Case("db-on-layover-shadow-map", stack(LAYER="ls_map", DB="true"), "DB"),
    Case("db-on-decibel-products", stack(FOLDER="{decibels}", DB="true"), "already in decibels"),
    Case("db-not-a-boolean", stack(DB="perhaps"), "DB"),
    Case("coverage-unknown", stack(COVERAGE="7"), "COVERAGE"),
    Case("overlap-of-products-apart", stack(FOLDER="{apart}", COVERAGE="1"), "no area in common"),
    Case("output-is-input", stack(FOLDER=None, INPUT=["{first}", "{one}"], OUTPUT="{first}"), "OUTPUT"),
    Case("output-in-read-only-folder", stack(OUTPUT="{readonly}/stack.tif"), "OUTPUT"),
    Case("output-below-a-file", stack(OUTPUT="{under_file}"), "OUTPUT"),
    Case("output-is-a-folder", stack(OUTPUT="{folder}"), "OUTPUT"),
    Case("no-output", stack(OUTPUT=""), "OUTPUT"),
    Case("metadata-not-csv", stack(OUTPUT_METADATA="{root}/out/products.txt"), "OUTPUT_METADATA"),
    Case("metadata-over-the-stack", stack(OUTPUT_METADATA=STACK), "OUTPUT"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hyp3stack_refuses_bad_input_by_name_and_changes_nothing(qgis_process, place, case):
    run_case(qgis_process, ALGORITHM, case, place, inputs=[place["root"]])

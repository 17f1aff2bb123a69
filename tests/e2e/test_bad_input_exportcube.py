"""``timestack:exportcube`` through qgis_process against careless input: every case is refused with a
message naming the parameter to fix, and leaves every file in the folder exactly as it was."""

from __future__ import annotations

import numpy as np
import pytest
from affine import Affine
from rasterio.transform import from_origin

from tests.helpers.bad_input import Case, bad_files, read_only, run_case, stack_file_cases
from tests.helpers.rasters import ORIGIN, write_stack

pytest.importorskip("xarray")

ALGORITHM = "timestack:exportcube"
CUBE = "{root}/out/cube.nc"
DATES = ["2021-06-01", "2021-06-13", "2021-06-25"]


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    root = tmp_path_factory.mktemp("exportcube_bad")
    data = np.random.default_rng(7).uniform(0, 1, (3, 8, 8)).astype("float32")

    def stack(name, descriptions, **options):
        return write_stack(root / name, data[: len(descriptions)], descriptions, nodata=np.nan, **options)

    good = stack("stack.tif", [f"{date}_ndvi" for date in DATES])
    files = bad_files(root, good)
    paths = {
        "root": root,
        "stack": good,
        "doubled": stack("doubled.tif", [f"{DATES[0]}_ndvi", f"{DATES[0]}_ndvi", f"{DATES[1]}_ndvi"]),
        "partly": stack("partly.tif", [f"{DATES[0]}_ndvi", "", f"{DATES[2]}_ndvi"]),
        "fine": stack("fine.tif", [f"{DATES[0]}_nbr"], transform=from_origin(*ORIGIN, 10, 10)),
        "linear": stack("linear.tif", [f"{date}_vv" for date in DATES]),
        "decibel": stack("decibel.tif", [f"{date}_vh_db" for date in DATES]),
        "no_crs": stack("no_crs.tif", [f"{DATES[0]}_nbr"], crs=None),
        "degrees": stack("degrees.tif", [f"{DATES[0]}_nbr"], crs="EPSG:4326",
                         transform=from_origin(15.0, 45.0, 0.0003, 0.0003)),
        "rotated": stack("rotated.tif", [f"{DATES[0]}_nbr"],
                         transform=Affine(30.0, 5.0, ORIGIN[0], 5.0, -30.0, ORIGIN[1])),
        "not_a_cube": root / "field_notes.zarr",
    }  # fmt: skip
    paths["not_a_cube"].mkdir()
    (paths["not_a_cube"] / "plots.txt").write_text("plot 3: burnt 2011\n")
    with read_only(files["readonly"]):
        yield {name: str(path) for name, path in {**files, **paths}.items()}


def cube(**extra) -> dict:
    """INPUT the good stack, the cube in out/; ``extra`` replaces or adds."""
    return {"INPUT": "{stack}", "OUTPUT": CUBE, **extra}


def case(name: str, fragment: str, **changes) -> Case:
    """A row of the table: cube() with ``changes``, refused with ``fragment`` in the message."""
    return Case(name, cube(**changes), fragment)


CASES = [
    *stack_file_cases(case, "cube.nc"),
    case("input-one-of-two-missing", "INPUT: {missing} does not exist", INPUT=["{stack}", "{missing}"]),
    case(
        "input-undated-bands",
        "INPUT: band 1 of undated.tif (no description) carries no date",
        INPUT="{undated}",
    ),
    case(
        "input-partly-undated",
        "INPUT: band 2 of partly.tif (no description) carries no date",
        INPUT="{partly}",
    ),
    case("input-date-twice", "INPUT: doubled.tif has two bands of ndvi dated 2021-06-01", INPUT="{doubled}"),
    case("input-without-crs", "INPUT: no_crs.tif has no CRS", INPUT="{no_crs}"),
    case("input-rotated-grid", "INPUT: rotated.tif is not a north-up grid", INPUT="{rotated}"),
    case(
        "inputs-of-different-resolution",
        "INPUT: the stacks have different pixel sizes",
        INPUT=["{stack}", "{fine}"],
    ),
    case(
        "degrees-to-a-target-crs",
        "TARGET_CRS: degrees.tif is in degrees",
        INPUT="{degrees}",
        TARGET_CRS="EPSG:32633",
    ),
    case(
        "inputs-in-degrees-and-metres",
        "INPUT: degrees.tif is not in a metric projected CRS",
        INPUT=["{stack}", "{degrees}"],
    ),
    case(
        "inputs-db-with-linear",
        "INPUT: vh_db is in dB but vv is linear power",
        INPUT=["{linear}", "{decibel}"],
    ),
    case("chunking-unknown", "CHUNKING: 3 is not one of the choices", CHUNKING=3),
    case("chunking-negative", "CHUNKING: -1 is not one of the choices", CHUNKING=-1),
    case("chunking-text", "CHUNKING: monthly is not one of the choices", CHUNKING="monthly"),
    case("chunk-size-zero", "CHUNK_MB must be between 0.01 and 1024, got 0", CHUNK_MB=0),
    case("chunk-size-negative", "CHUNK_MB must be between 0.01 and 1024, got -8", CHUNK_MB=-8),
    case("chunk-size-absurd", "CHUNK_MB must be between 0.01 and 1024", CHUNK_MB=1e6),
    case("chunk-size-text", "CHUNK_MB must be a number, got 'big'", CHUNK_MB="big"),
    case("compression-unknown", "COMPRESSION: 2 is not one of the choices", COMPRESSION=2),
    case("level-zero", "LEVEL must be between 1 and 9, got 0", LEVEL=0),
    case("level-ten", "LEVEL must be between 1 and 9, got 10", LEVEL=10),
    case(
        "target-crs-unknown",
        "TARGET_CRS: 'EPSG:99999' is not a coordinate reference system",
        TARGET_CRS="EPSG:99999",
    ),
    case(
        "target-crs-gibberish",
        "TARGET_CRS: 'utm please' is not a coordinate reference system",
        TARGET_CRS="utm please",
    ),
    case(
        "target-crs-geographic", "TARGET_CRS: EPSG:4326 is not a metric projected CRS", TARGET_CRS="EPSG:4326"
    ),
    case(
        "output-a-geotiff",
        "OUTPUT: cube.tif is neither NetCDF (.nc) nor Zarr (.zarr)",
        OUTPUT="{root}/out/cube.tif",
    ),
    case(
        "output-without-extension",
        "OUTPUT: cube is neither NetCDF (.nc) nor Zarr (.zarr)",
        OUTPUT="{root}/out/cube",
    ),
    case(
        "output-over-the-notes", "OUTPUT: notes.txt is neither NetCDF (.nc) nor Zarr (.zarr)", OUTPUT="{text}"
    ),
    case("output-is-a-folder", "OUTPUT: {folder} is a folder that holds no Zarr cube", OUTPUT="{folder}"),
    case(
        "output-existing-non-cube-folder",
        "OUTPUT: {not_a_cube} is a folder that holds no Zarr cube",
        OUTPUT="{not_a_cube}",
    ),
    case("zarr-in-read-only-folder", "OUTPUT: cannot write in {readonly}", OUTPUT="{readonly}/cube.zarr"),
    case("cube-over-max-gb", "more than the limit of MAX_GB", MAX_GB="0.000000001"),
    case("max-gb-negative", "MAX_GB", MAX_GB="-1"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_exportcube_refuses_bad_input_by_name_and_changes_nothing(qgis_process, place, case):
    run_case(qgis_process, ALGORITHM, case, place, inputs=[place["root"]])


def test_exportcube_replaces_an_earlier_zarr_cube_it_is_pointed_at(qgis_process, tmp_path):
    """A Zarr cube is a folder, yet OUTPUT naming an earlier cube is a re-export, not a mistake."""
    stack = write_stack(
        tmp_path / "stack.tif", np.ones((2, 4, 4), "float32"), [f"{d}_ndvi" for d in DATES[:2]]
    )
    for chunking in (0, 1):
        answer = qgis_process("run", ALGORITHM, "--", f"INPUT={stack}", f"CHUNKING={chunking}",
                              f"OUTPUT={tmp_path / 'cube.zarr'}")  # fmt: skip
    assert answer["results"]["GROUPS"] == "spatial"
    assert sorted(path.name for path in (tmp_path / "cube.zarr").iterdir() if path.is_dir()) == ["spatial"]

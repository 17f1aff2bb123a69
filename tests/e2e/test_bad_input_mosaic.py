"""``timestack:mosaic`` through qgis_process against careless input: every case is refused with a
message naming the parameter to fix, and leaves every file in the folder exactly as it was."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from rasterio.transform import from_origin

from tests.helpers.bad_input import Case, bad_files, read_only, run_case
from tests.helpers.rasters import ORIGIN, write_stack

ALGORITHM = "timestack:mosaic"
BANDS = ["2000_nbr", "2000_ndvi", "2001_nbr", "2001_ndvi"]


def tile(path, column: int, descriptions=BANDS, crs="EPSG:32633", pixel=30.0, dtype="float32"):
    """A 6×6 tile of the 30 m grid, ``column`` tiles east of the origin."""
    data = np.random.default_rng(column).uniform(0, 1, (len(descriptions), 6, 6))
    transform = from_origin(ORIGIN[0] + column * 6 * 30.0, ORIGIN[1], pixel, pixel)
    path.parent.mkdir(parents=True, exist_ok=True)
    nodata = np.nan if dtype == "float32" else -9999
    return write_stack(path, data.astype(dtype), descriptions, crs=crs, nodata=nodata, transform=transform)


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    root = tmp_path_factory.mktemp("mosaic_bad")
    good = tile(root / "tiles" / "a.tif", 0)
    tile(root / "tiles" / "b.tif", 1)
    files = bad_files(root, good)
    folders = {}
    for name, second in {
        "mixed_crs": dict(crs="EPSG:32634"),
        "mixed_pixel": dict(pixel=20.0),
        "mixed_bands": dict(descriptions=BANDS[:2]),
        "mixed_types": dict(dtype="int16"),
        "undated": dict(descriptions=["red", "nir", "swir1", "swir2"]),
    }.items():
        folder = root / name
        tile(folder / "a.tif", 0, **(second if name == "undated" else {}))
        tile(folder / "b.tif", 1, **second)
        folders[name] = folder
    for name, bad in (("with_empty", "empty"), ("with_text", "text_tif"), ("with_truncated", "truncated")):
        folder = root / name
        shutil.copytree(root / "tiles", folder)
        shutil.copy(files[bad], folder / "c.tif")
        folders[name] = folder
    (root / "no_tiles").mkdir()
    (root / "no_tiles" / "readme.txt").write_text("tiles come next week\n")
    vrt_tiles = root / "vrt_tiles"
    tile(vrt_tiles / "src" / "a.tif", 0)
    (vrt_tiles / "2000.vrt").write_text("<VRTDataset/>\n")  # a user's own mosaic, named like an output
    paths = {"root": root, "tiles": root / "tiles", "good": good, "no_tiles": root / "no_tiles"}
    paths["vrt_tiles"] = vrt_tiles
    with read_only(files["readonly"]):
        yield {name: str(path) for name, path in {**files, **folders, **paths}.items()}


def mosaic(**extra) -> dict:
    return {"INPUT": "{tiles}", "OUTPUT_FOLDER": "{root}/out", **extra}


CASES = [
    Case("input-missing-folder", mosaic(INPUT="{root}/nowhere"), "INPUT"),
    Case("input-empty-value", mosaic(INPUT=""), "INPUT"),
    Case("input-is-a-file", mosaic(INPUT="{good}"), "INPUT"),
    Case("input-folder-without-files", mosaic(INPUT="{folder}"), "INPUT"),
    Case("input-folder-without-tiles", mosaic(INPUT="{no_tiles}"), "INPUT"),
    Case("pattern-matches-nothing", mosaic(PATTERN="*.jp2"), "PATTERN"),
    Case("pattern-absolute", mosaic(PATTERN="/etc/*"), "PATTERN"),
    Case("pattern-climbs-out", mosaic(PATTERN="../*.tif"), "PATTERN"),
    Case("pattern-empty-match-text", mosaic(PATTERN="*.txt", INPUT="{no_tiles}"), "INPUT"),
    Case("tiles-in-mixed-crs", mosaic(INPUT="{mixed_crs}"), "CRS"),
    Case("tiles-in-mixed-resolution", mosaic(INPUT="{mixed_pixel}"), "resolution"),
    Case("tiles-with-other-bands", mosaic(INPUT="{mixed_bands}"), "other bands"),
    Case("tiles-of-other-data-types", mosaic(INPUT="{mixed_types}"), "INPUT: b.tif holds Int16 values"),
    Case("tiles-undated-by-year", mosaic(INPUT="{undated}"), "GROUP_BY"),
    Case("tiles-undated-by-variable", mosaic(INPUT="{undated}", GROUP_BY=1), "GROUP_BY"),
    Case("an-empty-tile", mosaic(INPUT="{with_empty}"), "c.tif"),
    Case("a-text-tile", mosaic(INPUT="{with_text}"), "c.tif"),
    Case("a-truncated-tile", mosaic(INPUT="{with_truncated}"), "c.tif"),
    Case("group-by-unknown", mosaic(GROUP_BY=3), "GROUP_BY"),
    Case("group-by-negative", mosaic(GROUP_BY=-1), "GROUP_BY"),
    Case("group-by-text", mosaic(GROUP_BY="month"), "GROUP_BY"),
    Case("output-folder-is-a-file", mosaic(OUTPUT_FOLDER="{text}"), "OUTPUT_FOLDER"),
    Case("output-folder-below-a-file", mosaic(OUTPUT_FOLDER="{under_file}"), "OUTPUT_FOLDER"),
    Case("output-folder-read-only", mosaic(OUTPUT_FOLDER="{readonly}"), "OUTPUT_FOLDER"),
    Case(
        "output-over-an-input-vrt",
        {"INPUT": "{vrt_tiles}", "PATTERN": "*.tif", "OUTPUT_FOLDER": "{vrt_tiles}"},
        "OUTPUT_FOLDER",
    ),
    Case("output-folder-is-a-tile-folder-of-vrts", mosaic(PATTERN="*.vrt", INPUT="{vrt_tiles}"), "INPUT"),
    Case("no-output-folder", mosaic(OUTPUT_FOLDER=""), "OUTPUT_FOLDER"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_mosaic_refuses_bad_input_by_name_and_changes_nothing(qgis_process, place, case):
    run_case(qgis_process, ALGORITHM, case, place, inputs=[place["root"]])

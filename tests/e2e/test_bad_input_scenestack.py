"""``timestack:scenestack`` through qgis_process against careless input: broken ItemCollections, items
whose files are gone or lie outside the catalog, areas, CRSs, resolutions, choices and outputs that
would overwrite what the run reads.

Every case is refused with a message naming the parameter and what is wrong; the catalog (items and
scene files) and the output folder (the user's notes and an older stack) stay byte-for-byte as they were.
"""

from __future__ import annotations

import pytest

from tests.helpers.bad_input import Case, arguments, careless_scene_catalog, run_case, scene_catalog_cases

ALGORITHM = "timestack:scenestack"

SCENES = (("LC08_A_20200610", "2020-06-10"), ("LC08_B_20200712", "2020-07-12"))


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """A catalog folder (two clear 2020 scenes, their items and every broken kind of ItemCollection)
    and an output folder holding the user's notes and an older stack."""
    with careless_scene_catalog(tmp_path_factory.mktemp("scenestack_bad"), SCENES) as places:
        yield places


BASE = {
    "ITEMS": "{in}/items.json",
    "BANDS": "2",
    "INDICES": "NDVI",
    "OUTPUT": "{out}/new.tif",
}


def case(id: str, fragment: str, **changes) -> Case:
    return Case(id, arguments(BASE, **changes), fragment)


UTM = "[EPSG:32610]"

CASES = [
    *scene_catalog_cases(case),
    case("aoi-not-a-layer", "AOI", AOI="{in}/notes.txt"),
    # TARGET_CRS and RESOLUTION
    case("target-crs-unknown", "TARGET_CRS: 'EPSG:99999' is not a coordinate", TARGET_CRS="EPSG:99999"),
    case("resolution-zero", "RESOLUTION must be a positive number of CRS units, got 0;", RESOLUTION=0),
    case(
        "resolution-negative", "RESOLUTION must be a positive number of CRS units, got -30;", RESOLUTION=-30
    ),
    case("resolution-text", "RESOLUTION must be a number, got 'thirty'", RESOLUTION="thirty"),
    case(
        "resolution-absurdly-small", "1200000000 x 1200000000 pixels x 4 bands (2 dates x 2", RESOLUTION=1e-6
    ),
    case(
        "resolution-metres-in-degrees",
        "RESOLUTION: 30 is in degrees in the geographic CRS EPSG:4326",
        TARGET_CRS="EPSG:4326",
    ),
    case("max-gb-zero", "MAX_GB must be at least 0.001, got 0", MAX_GB=0),
    case("chunk-size-zero", "CHUNK_SIZE must be at least 16, got 0", CHUNK_SIZE=0),
    # choices
    case("bands-unknown", "BANDS: 9 is not one of the choices", BANDS="9"),
    case("indices-unknown", "INDICES: unknown index 'FOO'", INDICES="NDVI,FOO"),
    case("mask-unknown", "MASK: 20 is not one of the choices", MASK="0,20"),
    case("cloud-confidence-out-of-range", "CLOUD_CONFIDENCE: 5 is not one of", CLOUD_CONFIDENCE=5),
    case("mask-buffer-negative", "MASK_BUFFER", MASK_BUFFER=-2),
    case("output-type-unknown", "OUTPUT_TYPE: 2 is not one of", OUTPUT_TYPE=2),
    # outputs over inputs, on folders, on one path, where nothing can be written
    case("output-is-a-scene-band", "OUTPUT {band} would write", OUTPUT="{band}"),
    case(
        "output-log-over-items",
        "would write stack_log.json over",
        ITEMS="{in}/stack_log.json",
        OUTPUT="{in}/stack.tif",
    ),
    case("output-not-a-raster", "OUTPUT: '.json' is not a raster format", OUTPUT="{in}/items.json"),
    case("output-is-a-folder", "OUTPUT: {in}/a_folder is a folder", OUTPUT="{in}/a_folder"),
    case(
        "output-in-read-only-folder",
        "OUTPUT: cannot write in {locked}; choose a folder you can write to",
        OUTPUT="{locked}/stack.tif",
    ),
    case("output-below-a-file", "{in}/notes.txt is a file, not a folder", OUTPUT="{in}/notes.txt/stack.tif"),
    case(
        "output-in-new-folder-off-the-scenes",
        "does not overlap any scene",
        EXTENT=f"99990,110010,99990,110010 {UTM}",
        OUTPUT="{out}/sub/new.tif",
    ),
]


@pytest.mark.parametrize("bad", CASES, ids=[bad.id for bad in CASES])
def test_scenestack_refuses_bad_input_by_name_and_changes_nothing(qgis_process, place, bad):
    run_case(
        qgis_process, ALGORITHM, bad, place, inputs=[place["in"], place["locked"]], outputs=[place["out"]]
    )

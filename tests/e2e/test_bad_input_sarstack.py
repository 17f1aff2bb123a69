"""``timestack:sarstack`` through qgis_process against careless input: ItemCollections that are broken,
hold no Sentinel-1 item or lack the polarisations asked for, a speckle filter on a one-date track,
windows, grids and output folders that cannot be.

Every case is refused with a message naming the parameter and what is wrong; the catalog (items and
scene files) and the output folder stay byte-for-byte as they were.
"""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from tests.helpers.bad_input import (
    Case,
    arguments,
    broken_item_collections,
    item_collection_cases,
    read_only,
    run_case,
    user_folders,
)
from tests.helpers.scenes import write_scene
from tests.helpers.sentinel1 import SIZE, write_items, write_rtc_scene
from tests.helpers.zonal import write_polygons

ALGORITHM = "timestack:sarstack"

PASSES = (
    ("2023-06-04T17:24:10Z", 88, "ascending"),
    ("2023-06-16T17:24:11Z", 88, "ascending"),
    ("2023-06-28T17:24:11Z", 88, "ascending"),
    ("2023-06-09T05:50:30Z", 37, "descending"),
    ("2023-06-21T05:50:31Z", 37, "descending"),
)


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """A catalog folder (Sentinel-1 RTC scenes of two tracks, their items and every broken kind of
    ItemCollection) and an output folder holding the user's notes."""
    root = tmp_path_factory.mktemp("sarstack_bad")
    catalog = root / "catalog"
    catalog.mkdir()
    rng = np.random.default_rng(0)

    def scene(folder, when, orbit, state):
        power = {p: rng.gamma(4.4, level / 4.4, (SIZE, SIZE)) for p, level in (("VV", 0.1), ("VH", 0.02))}
        return write_rtc_scene(folder, when, orbit, state, power)

    items = [scene(catalog / "scenes", *row) for row in PASSES]
    broken_item_collections(catalog, items)
    write_items(catalog / "one_date.json", [items[0], items[3], items[4]])
    write_items(catalog / "landsat.json", [write_scene(catalog / "landsat", "LC08_A_20230610", "2023-06-10")])
    gone = [scene(catalog / "gone", *row) for row in PASSES[:2]]
    write_items(catalog / "gone.json", gone)
    shutil.rmtree(catalog / "gone")
    write_polygons(catalog / "no_features.gpkg", [])
    write_polygons(catalog / "far.gpkg", [(1, "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))")], epsg=32631)
    (catalog / "notes.txt").write_text("field notes: the polder flooded in June\n")
    out, locked = user_folders(root)
    blocker = out / "blocked" / "DESCENDING_037.tif"  # a folder named like a track's stack
    blocker.mkdir(parents=True)
    (blocker / "notes.txt").write_text("mine\n")
    with read_only(locked):
        yield {"in": str(catalog), "out": str(out), "locked": str(locked)}


BASE = {"ITEMS": "{in}/items.json", "OUTPUT_FOLDER": "{out}/stacks"}
UTM = "[EPSG:32631]"


def case(id: str, fragment: str, **changes) -> Case:
    return Case(id, arguments(BASE, **changes), fragment)


CASES = [
    # ITEMS: missing, empty, broken, not STAC, no items, hrefs outside the catalog, no Sentinel-1 item
    *item_collection_cases(case),
    case("items-not-given", "ITEMS:\tScenes (STAC ItemCollection JSON)", ITEMS=None),
    case("items-without-sentinel-1", "ITEMS holds no Sentinel-1 item (1 items;", ITEMS="{in}/landsat.json"),
    case(
        "items-files-missing",
        "none of the 2 Sentinel-1 items is readable (missing file",
        ITEMS="{in}/gone.json",
    ),
    # POLARIZATIONS and RATIO
    case(
        "polarizations-the-items-lack",
        "none of the 5 Sentinel-1 items carries all of POLARIZATIONS (HH); they carry VV,VH",
        POLARIZATIONS="HH",
    ),
    case(
        "polarizations-mixed-with-one-the-items-lack",
        "none of the 5 Sentinel-1 items carries all of POLARIZATIONS (VV,HV)",
        POLARIZATIONS="VV,HV",
    ),
    case(
        "polarizations-unknown",
        "POLARIZATIONS takes one or more of HH, HV, VV, VH, got 'VX'",
        POLARIZATIONS="VX",
    ),
    case("polarizations-none", "POLARIZATIONS takes one or more of", POLARIZATIONS=","),
    case(
        "ratio-without-a-cross-polarisation",
        "RATIO needs a co- and a cross-polarisation",
        POLARIZATIONS="VV",
        RATIO="true",
    ),
    # the speckle filter
    case(
        "speckle-filter-on-one-date",
        "needs two dates or more of one track; ASCENDING_088 has one",
        ITEMS="{in}/one_date.json",
        SPECKLE_FILTER=1,
    ),
    case(
        "speckle-window-even",
        "SPECKLE_WINDOW must be an odd number of pixels from 3 to 51, got 4",
        SPECKLE_FILTER=1,
        SPECKLE_WINDOW=4,
    ),
    case(
        "speckle-window-negative",
        "SPECKLE_WINDOW must be an odd number of pixels from 3 to 51, got -5",
        SPECKLE_FILTER=1,
        SPECKLE_WINDOW=-5,
    ),
    case(
        "speckle-window-huge",
        "SPECKLE_WINDOW must be an odd number of pixels from 3 to 51, got 101",
        SPECKLE_FILTER=1,
        SPECKLE_WINDOW=101,
    ),
    case("speckle-filter-unknown", "SPECKLE_FILTER: 5 is not one of", SPECKLE_FILTER=5),
    # area, grid
    case(
        "extent-off-the-scenes",
        "EXTENT (99980, 99980, 110020, 110020) (EPSG:32631) does not overlap",
        EXTENT=f"99990,110010,99990,110010 {UTM}",
    ),
    case("extent-unknown-crs", "EXTENT: '0,1,0,1 [EPSG:99999]' names", EXTENT="0,1,0,1 [EPSG:99999]"),
    case("aoi-without-polygons", "AOI has no polygons", AOI="{in}/no_features.gpkg"),
    case(
        "aoi-off-the-scenes",
        "AOI (0, 0, 100, 100) (EPSG:32631) does not overlap any scene",
        AOI="{in}/far.gpkg",
    ),
    case("target-crs-unknown", "TARGET_CRS: 'EPSG:99999' is not a coordinate", TARGET_CRS="EPSG:99999"),
    case("resolution-zero", "RESOLUTION must be a positive pixel size, got 0", RESOLUTION=0),
    case("resolution-negative", "RESOLUTION must be a positive pixel size, got -20", RESOLUTION=-20),
    case(
        "resolution-metres-in-degrees",
        "RESOLUTION: 20 is in degrees in the geographic CRS EPSG:4326",
        TARGET_CRS="EPSG:4326",
    ),
    case("chunk-size-zero", "CHUNK_SIZE must be at least 16, got 0", CHUNK_SIZE=0),
    # outputs
    case(
        "output-folder-is-a-file",
        "OUTPUT_FOLDER {in}/notes.txt is a file; give a folder",
        OUTPUT_FOLDER="{in}/notes.txt",
    ),
    case("output-folder-below-a-file", "{in}/notes.txt", OUTPUT_FOLDER="{in}/notes.txt/stacks"),
    case("output-folder-read-only", "{locked}", OUTPUT_FOLDER="{locked}/stacks"),
    case(
        "output-named-like-a-folder-there",
        "OUTPUT_FOLDER: cannot use {out}/blocked/DESCENDING_037.tif: Is a directory; "
        "move or rename that folder",
        OUTPUT_FOLDER="{out}/blocked",
    ),
]


@pytest.mark.parametrize("bad", CASES, ids=[bad.id for bad in CASES])
def test_sarstack_refuses_bad_input_by_name_and_changes_nothing(qgis_process, place, bad):
    run_case(
        qgis_process, ALGORITHM, bad, place, inputs=[place["in"], place["locked"]], outputs=[place["out"]]
    )

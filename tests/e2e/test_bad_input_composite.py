"""``timestack:composite`` through qgis_process against careless input: broken ItemCollections, items
whose files are gone or lie outside the catalog, areas, CRSs, resolutions, years, seasons, choices and
outputs that would overwrite what the run reads.

Every case is refused with a message naming the parameter and what is wrong; the catalog (items and
scene files) and the output folder (the user's notes and an older stack) stay byte-for-byte as they were.
"""

from __future__ import annotations

import pytest

from tests.helpers.bad_input import Case, arguments, clear_scene_catalog, item_collection_cases, run_case

ALGORITHM = "timestack:composite"

SCENES = (("LC08_A_20200610", "2020-06-10"), ("LC08_B_20200712", "2020-07-12"))


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """A catalog folder (two clear 2020 scenes, their items and every broken kind of ItemCollection)
    and an output folder holding the user's notes and an older stack."""
    root = tmp_path_factory.mktemp("composite_bad")
    with clear_scene_catalog(root, SCENES) as places:
        yield places


BASE = {
    "ITEMS": "{in}/items.json",
    "START_YEAR": 2020,
    "END_YEAR": 2020,
    "BANDS": "2",
    "INDICES": "NDVI",
    "OUTPUT": "{out}/new.tif",
}


def case(id: str, fragment: str, **changes) -> Case:
    return Case(id, arguments(BASE, **changes), fragment)


UTM = "[EPSG:32610]"

CASES = [
    # ITEMS: missing, empty, broken, not STAC, no items, hrefs outside the catalog; ALLOWED_ROOTS
    case("items-not-given", "ITEMS is empty: give the STAC ItemCollection", ITEMS=None),
    *item_collection_cases(case, escape="../../LC08_A_20200610_SR_B4.TIF leads outside the catalog's folder"),
    case(
        "items-without-assets",
        "{in}/no_assets.json is not a STAC ItemCollection",
        ITEMS="{in}/no_assets.json",
    ),
    # ITEMS whose scene files are gone, reached through GDAL's /vsi or lack the quality band
    case(
        "items-files-missing",
        "ITEMS: the files of all 2 scenes of 2020-2020 (days 1-366) are missing",
        ITEMS="{in}/gone.json",
    ),
    case("items-href-gdal-vsi", "is neither a local file nor an http", ITEMS="{in}/vsi.json"),
    case("items-a-raster", "ITEMS: {band} is not a .json file", ITEMS="{band}"),
    case(
        "items-without-quality-asset",
        "none of the 2 items can be composited: no quality asset",
        ITEMS="{in}/no_qa.json",
    ),
    # EXTENT and AOI
    case("extent-without-area", "EXTENT is empty", EXTENT=f"500100,500100,4999000,4999000 {UTM}"),
    case(
        "extent-off-the-scenes",
        "EXTENT (99990, 99990, 110010, 110010) (EPSG:32610) does not overlap",
        EXTENT=f"99990,110010,99990,110010 {UTM}",
    ),
    case("extent-unknown-crs", "EXTENT: '0,1,0,1 [EPSG:99999]' names", EXTENT="0,1,0,1 [EPSG:99999]"),
    case(
        "extent-across-the-antimeridian",
        "EXTENT: its west edge 179.99 lies east of its east edge -179.99",
        EXTENT="179.99,-179.99,-16.01,-15.99 [EPSG:4326]",
    ),
    case("aoi-without-polygons", "AOI has no polygons", AOI="{in}/no_features.gpkg"),
    case("aoi-of-points", "AOI has no polygons", AOI="{in}/points.gpkg"),
    case("aoi-only-empty-geometries", "AOI has no polygons", AOI="{in}/empty_geometries.gpkg"),
    case(
        "aoi-off-the-scenes",
        "AOI (0, 0, 120, 120) (EPSG:32610) does not overlap any scene",
        AOI="{in}/far.gpkg",
    ),
    # TARGET_CRS and RESOLUTION
    case("target-crs-unknown", "TARGET_CRS: 'EPSG:99999' is not a coordinate", TARGET_CRS="EPSG:99999"),
    case("resolution-zero", "RESOLUTION must be a positive number of CRS units, got 0;", RESOLUTION=0),
    case(
        "resolution-negative", "RESOLUTION must be a positive number of CRS units, got -30;", RESOLUTION=-30
    ),
    case("resolution-text", "RESOLUTION must be a number, got 'thirty'", RESOLUTION="thirty"),
    case(
        "resolution-absurdly-small",
        "1200000000 x 1200000000 pixels x 3 bands x 2 dates",
        RESOLUTION=1e-6,
    ),
    case(
        "resolution-metres-in-degrees",
        "RESOLUTION: 30 is in degrees in the geographic CRS EPSG:4326",
        TARGET_CRS="EPSG:4326",
    ),
    case("max-gb-negative", "MAX_GB must be at least 0, got -1", MAX_GB=-1),
    case(
        "run-over-max-gb", "more than the limit of MAX_GB=1e-09 GB. Choose a coarser RESOLUTION", MAX_GB=1e-9
    ),
    case("chunk-size-zero", "CHUNK_SIZE must be at least 16, got 0", CHUNK_SIZE=0),
    # years and seasons
    case(
        "start-after-end", "START_YEAR (2021) is after END_YEAR (2020); give the first year", START_YEAR=2021
    ),
    case(
        "years-without-scenes",
        "no scene between 1990 and 1995: the 2 scenes of ITEMS span 2020-2020",
        START_YEAR=1990,
        END_YEAR=1995,
    ),
    case("year-before-landsat", "START_YEAR must be between 1972 and 2100, got 1900", START_YEAR=1900),
    case("year-typo", "END_YEAR must be between 1972 and 2100, got 20200", END_YEAR=20200),
    case("doy-zero", "DOY_START must be between 1 and 366, got 0", DOY_START=0),
    case("doy-above-366", "DOY_END must be between 1 and 366, got 400", DOY_END=400),
    case("season-without-scenes", "falls between days 1-30 (DOY_START-DOY_END)", DOY_START=1, DOY_END=30),
    case(
        "season-reversed-over-winter",
        "falls between days 300-100 (DOY_START-DOY_END)",
        DOY_START=300,
        DOY_END=100,
    ),
    # choices
    case("method-unknown", "METHOD: 9 is not one of the choices", METHOD=9),
    case("percentile-above-100", "PERCENTILE must be between 0 and 100, got 150", METHOD=4, PERCENTILE=150),
    case("bands-unknown", "BANDS: 9 is not one of the choices", BANDS="9"),
    case("indices-unknown", "INDICES: unknown index 'FOO'", INDICES="NDVI,FOO"),
    case("mask-unknown", "MASK: 20 is not one of the choices", MASK="0,20"),
    case("cloud-confidence-out-of-range", "CLOUD_CONFIDENCE: 5 is not one of", CLOUD_CONFIDENCE=5),
    case("output-type-unknown", "OUTPUT_TYPE: 2 is not one of", OUTPUT_TYPE=2),
    case(
        "tdom-statistics-missing",
        "TDOM_STATISTICS: {in}/missing.tif is not a file",
        TDOM="true",
        TDOM_STATISTICS="{in}/missing.tif",
    ),
    case(
        "tdom-statistics-not-a-raster",
        "TDOM_STATISTICS: {in}/notes.txt is not a .tif file",
        TDOM="true",
        TDOM_STATISTICS="{in}/notes.txt",
    ),
    case(
        "tdom-statistics-a-scene-band",
        "has 1 band(s), not the 4 TDOM statistics",
        TDOM="true",
        TDOM_STATISTICS="{band}",
    ),
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
        "output-folder-is-a-file",
        "OUTPUT_FOLDER {in}/notes.txt is a file, not a folder",
        OUTPUT_FOLDER="{in}/notes.txt",
    ),
    case(
        "output-folder-is-output",
        "OUTPUT_FOLDER {out}/new.tif is the file OUTPUT writes",
        OUTPUT_FOLDER="{out}/new.tif",
    ),
    case(
        "output-in-new-folder-no-scenes",
        "no scene between 1990 and 1995: the 2 scenes of ITEMS span 2020-2020",
        START_YEAR=1990,
        END_YEAR=1995,
        OUTPUT="{out}/sub/new.tif",
    ),
    case(
        "output-folder-read-only",
        "OUTPUT_FOLDER: cannot use {locked}/years: Operation not permitted",
        OUTPUT_FOLDER="{locked}/years",
    ),
]


@pytest.mark.parametrize("bad", CASES, ids=[bad.id for bad in CASES])
def test_composite_refuses_bad_input_by_name_and_changes_nothing(qgis_process, place, bad):
    run_case(
        qgis_process, ALGORITHM, bad, place, inputs=[place["in"], place["locked"]], outputs=[place["out"]]
    )

"""``timestack:asterscene`` through qgis_process against careless input: broken or foreign ItemCollections,
HDF granules, files named or shaped unlike ASTER L1T COGs, choices that give nothing, unreadable gains,
areas off the scenes and outputs that cannot be written.

Every case is refused with a message naming the parameter and what is wrong; the catalog (items and scene
files) and the output folder (the user's notes and an older file) stay byte-for-byte as they were.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest
import rasterio
from affine import Affine

from tests.helpers.aster import X0, Y0, aster_item, write_aster_scene, write_items
from tests.helpers.bad_input import Case, arguments, items_to, read_only, run_case
from tests.helpers.scenes import write_scene
from tests.helpers.zonal import write_polygons

ALGORITHM = "timestack:asterscene"
SCENE = "AST_L1T_00306012004183512_20150503105520_11111"
WHEN = dt.datetime(2004, 6, 1, 18, 35, 12)


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    root = tmp_path_factory.mktemp("asterscene_bad")
    catalog = root / "catalog"
    catalog.mkdir()
    paths = write_aster_scene(catalog / "scenes", SCENE, {"1": 50, "2": 40, "3N": 90})
    item = aster_item(SCENE, WHEN, paths)
    write_items(catalog / "items.json", [item])
    (catalog / "empty.json").write_bytes(b"")
    text = (catalog / "items.json").read_text()
    (catalog / "truncated.json").write_text(text[: len(text) // 2])
    (catalog / "settings.json").write_text(json.dumps({"name": "a settings file", "version": 3}))
    write_items(catalog / "no_items.json", [])
    (catalog / "folder.json").mkdir()
    write_items(catalog / "landsat.json", [write_scene(catalog / "landsat", "LC08_A_20200610", "2020-06-10")])
    granule = {
        "type": "Feature", "id": SCENE, "properties": {"datetime": "2004-06-01T18:35:12Z"},
        "assets": {"hdf": {"href": f"https://data.lpdaac.earthdatacloud.nasa.gov/{SCENE}.hdf"}},
    }  # fmt: skip
    write_items(catalog / "cmr.json", [granule])
    (catalog / "sub").mkdir()
    items_to(
        catalog / "sub" / "escape.json",
        [item],
        lambda i: [a.update(href="../../" + Path(a["href"]).name) for a in i["assets"].values()],
    )
    items_to(catalog / "passwd.json", [item], lambda i: i["assets"]["VNIR"].update(href="file:///etc/passwd"))
    items_to(catalog / "vsi.json", [item], lambda i: i["assets"]["VNIR"].update(href="/vsizip/x.zip/a.tif"))
    items_to(
        catalog / "gone.json", [item], lambda i: i["assets"]["VNIR"].update(href=str(catalog / "gone.tif"))
    )
    one_band = catalog / "scenes" / "one_band.tif"
    with rasterio.open(
        one_band, "w", driver="GTiff", width=4, height=4, count=1, dtype="uint8", crs="EPSG:32611",
        transform=Affine(15, 0, X0, 0, -15, Y0),
    ) as dst:  # fmt: skip
        dst.write(np.full((1, 4, 4), 9, dtype="uint8"))
    items_to(catalog / "one_band.json", [item], lambda i: i["assets"]["VNIR"].update(href=str(one_band)))
    items_to(catalog / "no_date.json", [item], lambda i: i["properties"].update(datetime="sometime"))
    items_to(catalog / "no_sun.json", [item], lambda i: i["properties"].pop("view:sun_elevation"))
    (catalog / f"{SCENE}.hdf").write_text("not an HDF granule\n")
    misnamed = catalog / "scenes" / "scene-VNIR.tif"
    misnamed.write_bytes(paths["VNIR"].read_bytes())
    write_polygons(catalog / "no_features.gpkg", [])
    (catalog / "notes.txt").write_text("field notes: plots 3 and 7 burnt in 2011\n")
    out = root / "out"
    out.mkdir()
    (out / "notes.txt").write_text("notes\n")
    (out / f"{SCENE}_VNIR.tif").write_bytes(b"an older file the user keeps\n")
    locked = root / "locked"
    locked.mkdir()
    (locked / "kept.txt").write_text("kept\n")
    with read_only(locked):
        yield {
            "in": str(catalog), "out": str(out), "locked": str(locked), "vnir": str(paths["VNIR"]),
            "misnamed": str(misnamed),
        }  # fmt: skip


BASE = {"ITEMS": "{in}/items.json", "SUBSYSTEMS": "0,1,2", "OUTPUT_FOLDER": "{out}/new"}
UTM = "[EPSG:32611]"


def case(id: str, fragment: str, **changes) -> Case:
    return Case(id, arguments(BASE, **changes), fragment)


CASES = [
    # where the scenes come from
    case("items-and-input-empty", "ITEMS and INPUT are empty", ITEMS=None),
    case("items-and-input-both", "ITEMS and INPUT are both set", INPUT="{vnir}"),
    case("items-missing", "{in}/missing.json is not a file", ITEMS="{in}/missing.json"),
    case("items-a-folder", "{in}/folder.json is not a file", ITEMS="{in}/folder.json"),
    case("items-empty-file", "{in}/empty.json is empty (no JSON in it)", ITEMS="{in}/empty.json"),
    case("items-truncated", "{in}/truncated.json is not JSON", ITEMS="{in}/truncated.json"),
    case("items-not-stac", "{in}/settings.json holds no 'features'", ITEMS="{in}/settings.json"),
    case("items-none", "{in}/no_items.json holds no items", ITEMS="{in}/no_items.json"),
    case("items-landsat", "ITEMS: 1 of the items are not ASTER L1T scenes", ITEMS="{in}/landsat.json"),
    case("items-cmr-hdf-granule", f"ITEMS: item {SCENE} is an HDF-EOS granule", ITEMS="{in}/cmr.json"),
    case("items-href-escapes", "leads outside the catalog's folder", ITEMS="{in}/sub/escape.json"),
    case(
        "items-href-system-file", "/etc/passwd leads outside every catalog on disk", ITEMS="{in}/passwd.json"
    ),
    case("items-href-gdal-vsi", "is neither a local file nor an http", ITEMS="{in}/vsi.json"),
    case("items-file-gone", f"ITEMS: the VNIR file of scene {SCENE} cannot be read", ITEMS="{in}/gone.json"),
    case("items-one-band-vnir", "has 1 bands; an ASTER L1T VNIR COG has 3", ITEMS="{in}/one_band.json"),
    case("items-no-datetime", f"ITEMS: item {SCENE} has no readable datetime", ITEMS="{in}/no_date.json"),
    case(
        "items-no-sun-elevation-for-reflectance",
        "ITEMS: no scene gave any output",
        ITEMS="{in}/no_sun.json",
        SUBSYSTEMS="0",
        PRODUCTS="2",
    ),
    case(
        "input-misnamed",
        "INPUT: scene-VNIR.tif is not named like an ASTER L1T",
        ITEMS=None,
        INPUT="{misnamed}",
    ),
    case(
        "allowed-roots-not-a-folder",
        "ALLOWED_ROOTS: {in}/notes.txt is not a folder",
        ALLOWED_ROOTS="{in}/notes.txt",
    ),
    # choices
    case("subsystems-unknown", "SUBSYSTEMS: 5 is not one of the choices", SUBSYSTEMS="5"),
    case("products-unknown", "PRODUCTS: 7 is not one of the choices", PRODUCTS="7"),
    case("tir-reflectance-only", "PRODUCTS: the TIR subsystem gets none", SUBSYSTEMS="2", PRODUCTS="2"),
    case("indices-unknown", "INDICES: NBR is not an ASTER index", INDICES="NDVI,NBR"),
    case(
        "index-without-its-subsystem",
        "INDICES: CLAY_4_6 needs the SWIR subsystem",
        SUBSYSTEMS="0",
        INDICES="CLAY_4_6",
    ),
    case("gains-not-a-pair", "GAINS: '3N' is not a band:gain pair", GAINS="3N"),
    case("gains-unknown-band", "GAINS: '15:NOR' is not a band:gain pair", GAINS="15:NOR"),
    case("gains-band-lacks-gain", "GAINS: ASTER band 2 has no LO2 gain", GAINS="2:LO2"),
    # area
    case("extent-off-the-scene", "EXTENT: no scene gave any output", EXTENT=f"0,100,0,100 {UTM}"),
    case(
        "extent-without-area", "EXTENT is empty", EXTENT=f"{X0 + 100},{X0 + 100},{Y0 - 100},{Y0 - 100} {UTM}"
    ),
    case("extent-unknown-crs", "EXTENT: '0,1,0,1 [EPSG:99999]' names", EXTENT="0,1,0,1 [EPSG:99999]"),
    case("aoi-without-polygons", "AOI has no polygons", AOI="{in}/no_features.gpkg"),
    # outputs
    case(
        "output-folder-is-a-file", "OUTPUT_FOLDER: {in}/notes.txt is a file", OUTPUT_FOLDER="{in}/notes.txt"
    ),
]


@pytest.mark.parametrize("bad", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_refused_and_leaves_everything_as_it_was(qgis_process, place, bad):
    run_case(qgis_process, ALGORITHM, bad, place, inputs=[place["in"]], outputs=[place["out"]])


def test_a_read_only_output_folder_is_refused(qgis_process, place):
    bad = case("output-in-read-only-folder", "cannot", OUTPUT_FOLDER="{locked}/aster")
    run_case(qgis_process, ALGORITHM, bad, place, inputs=[place["in"], place["locked"]])

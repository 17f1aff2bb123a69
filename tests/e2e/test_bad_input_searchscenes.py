"""``timestack:searchscenes`` against careless input: broken catalogs, areas, dates, numbers and outputs.

Each case runs through ``qgis_process``; the message must name the parameter, the catalog and the
other inputs must stay as they were, and an output folder (holding the user's notes and an older
``found.json``) must be unchanged by a refused run.
"""

from __future__ import annotations

import json
import shutil

import pytest

from tests.helpers.bad_input import Case, arguments, read_only, run_case
from tests.helpers.rasters import write_stack
from tests.helpers.zonal import write_polygons

ALGORITHM = "timestack:searchscenes"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """A copy of the small sample archive's catalog and every broken kind of catalog and area."""
    import numpy as np

    from timestack.core.sample_archive import build_sample_archive

    archive = build_sample_archive(tmp_path_factory.mktemp("archive") / "archive", "small")
    root = tmp_path_factory.mktemp("searchscenes")
    shutil.copy(archive.item_collection, root / "items.json")
    parquet = archive.geoparquet.read_bytes()
    (root / "truncated.parquet").write_bytes(parquet[: len(parquet) // 3])
    (root / "empty.json").write_bytes(b"")
    text = archive.item_collection.read_text()
    (root / "truncated.json").write_text(text[: len(text) // 2])
    (root / "other.json").write_text(json.dumps({"name": "a settings file", "version": 3}))
    (root / "list.json").write_text("[1, 2, 3]")
    (root / "features.json").write_text(json.dumps({"type": "FeatureCollection", "features": {}}))
    (root / "broken_item.json").write_text(json.dumps({"type": "FeatureCollection", "features": [{}]}))
    (root / "folder.json").mkdir()
    write_stack(root / "raster.tif", np.zeros((1, 4, 4), "int16"), ["2001_nbr"])
    write_polygons(root / "points.gpkg", [(1, "POINT(500000 5000000)")])
    write_polygons(root / "no_features.gpkg", [])
    (root / "locked").mkdir()
    (root / "locked" / "kept.txt").write_text("kept\n")
    with read_only(root / "locked"):
        yield {"in": root}


@pytest.fixture()
def out(tmp_path):
    """An output folder with the user's notes and an older search result of the same name."""
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("notes\n")
    (folder / "found.json").write_text('{"type": "FeatureCollection", "features": []}')
    return folder


BASE = {
    "CATALOG": "{in}/items.json",
    "EXTENT": "-180,180,-90,90 [EPSG:4326]",
    "START_DATE": "1980-01-01",
    "END_DATE": "2030-01-01",
    "OUTPUT": "{out}/footprints.gpkg",
    "OUTPUT_ITEMS": "{out}/found.json",
}


def case(id: str, fragment: str, succeeds: bool = False, **changes) -> Case:
    return Case(id, arguments(BASE, **changes), fragment, succeeds)


CASES = [
    case("missing catalog", "CATALOG {in}/missing.json does not exist", CATALOG="{in}/missing.json"),
    case("empty catalog", "CATALOG {in}/empty.json is empty", CATALOG="{in}/empty.json"),
    case("truncated catalog", "is not readable JSON", CATALOG="{in}/truncated.json"),
    case("JSON that is not STAC", "neither an ItemCollection", CATALOG="{in}/other.json"),
    case("JSON list", "CATALOG {in}/list.json is JSON but not a STAC object", CATALOG="{in}/list.json"),
    case("features not a list", "'features' must be a list", CATALOG="{in}/features.json"),
    case("item without fields", "CATALOG", CATALOG="{in}/broken_item.json"),
    case("truncated geoparquet", "not a readable Parquet file", CATALOG="{in}/truncated.parquet"),
    case("a folder", "CATALOG {in}/folder.json is a folder", CATALOG="{in}/folder.json"),
    case("a raster", "CATALOG '{in}/raster.tif' is neither", CATALOG="{in}/raster.tif"),
    case("unknown preset", "CATALOG 'landsat-99' is neither", CATALOG="landsat-99"),
    case("unreachable server", "cannot be reached", CATALOG="http://127.0.0.1:9/stac", TIMEOUT="2"),
    case("unknown collection", "COLLECTIONS", COLLECTIONS="no-such-collection"),
    case("cloud below 0", "MAX_CLOUD must be between 0 and 100, got -5", MAX_CLOUD="-5"),
    case("cloud above 100", "MAX_CLOUD must be between 0 and 100, got 150", MAX_CLOUD="150"),
    case("day of year 0", "DOY_START must be between 1 and 366, got 0", DOY_START="0"),
    case("day of year 400", "DOY_END must be between 1 and 366, got 400", DOY_END="400"),
    case("negative item limit", "MAX_ITEMS must be at least 0", MAX_ITEMS="-1"),
    case("fractional item limit", "MAX_ITEMS must be a whole number", MAX_ITEMS="2.5"),
    case("zero timeout", "TIMEOUT must be at least 0.1", TIMEOUT="0"),
    case("not a date", "START_DATE: 'last spring' is not a date", START_DATE="last spring"),
    case(
        "end before start",
        "END_DATE (1990-01-01) is before START_DATE",
        START_DATE="2000-01-01",
        END_DATE="1990-01-01",
    ),
    case("no area", "EXTENT or as an AOI", EXTENT=None),
    case(
        "unknown extent CRS",
        "EXTENT: '-180,180,-90,90 [EPSG:99999]' names",
        EXTENT="-180,180,-90,90 [EPSG:99999]",
    ),
    case("extent outside the world", "AOI lies outside", EXTENT="-1e7,1e7,-1e7,1e7 [EPSG:4326]"),
    case("missing AOI file", "AOI", EXTENT=None, AOI="{in}/missing.gpkg"),
    case("AOI of points", "AOI", EXTENT=None, AOI="{in}/points.gpkg"),
    case("AOI without features", "AOI has no polygons", EXTENT=None, AOI="{in}/no_features.gpkg"),
    case("unknown login", "AUTHCFG: there is no authentication configuration", AUTHCFG="nope123"),
    case(
        "items over the catalog",
        "OUTPUT_ITEMS is the file CATALOG also reads",
        OUTPUT_ITEMS="{in}/items.json",
    ),
    case("footprints over the catalog", "OUTPUT is the file CATALOG also reads", OUTPUT="{in}/items.json"),
    case(
        "both outputs on one file",
        "OUTPUT_ITEMS and OUTPUT are the same file",
        OUTPUT_ITEMS="{out}/footprints.gpkg",
    ),
    case("items in a read-only folder", "OUTPUT_ITEMS", OUTPUT_ITEMS="{in}/locked/found.json"),
    case("footprints in a read-only folder", "OUTPUT: cannot write in", OUTPUT="{in}/locked/footprints.gpkg"),
    case(
        "nothing matches",
        "No scenes match",
        succeeds=True,
        END_DATE="1980-02-01",
        OUTPUT_ITEMS="{out}/none.json",
    ),
]


@pytest.mark.parametrize("bad", CASES, ids=[bad.id for bad in CASES])
def test_bad_input_is_refused_by_name_and_nothing_changes(qgis_process, inputs, out, bad):
    run_case(qgis_process, ALGORITHM, bad, {**inputs, "out": out}, inputs=[inputs["in"]], outputs=[out])

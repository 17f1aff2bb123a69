"""``timestack:zonalstats`` through qgis_process against careless input: broken polygons, id fields,
stacks, search results, statistics and outputs.

Every case is refused with a message naming the parameter to fix and leaves the inputs and the output
folder (the user's notes and an older table) exactly as they were. Polygons that miss every pixel are
not an error but must say so: a warning and a count of the polygons measured in the results.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.helpers.bad_input import Case, arguments, bad_files, read_only, run_case
from tests.helpers.rasters import NODATA, write_stack
from tests.helpers.zonal import pixel_box, standard_features, write_polygons

ALGORITHM = "timestack:zonalstats"
BOX = f"POLYGON({pixel_box(1, 1, 3, 3)})"


def write_items(path: Path, source: Path, href) -> Path:
    """The first scene of the ItemCollection ``source`` with every asset href passed through ``href``."""
    document = json.loads(source.read_text())
    feature = document["features"][0]
    for asset in feature["assets"].values():
        asset["href"] = href(asset["href"])
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    return path


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    """A good stack and polygons, every broken kind of polygon layer, stack and search result."""
    from timestack.core.sample_archive import ensure_sample_archive

    root = tmp_path_factory.mktemp("zonalstats_bad")
    rng = np.random.default_rng(11)
    data = rng.uniform(0.0, 1.0, size=(2, 20, 20)).astype("float32")
    data[0, 0:2, 0:3] = NODATA
    stack = write_stack(root / "stack.tif", data, ["2001_ndvi", "2002_ndvi"])
    files = bad_files(root, stack)
    write_stack(root / "no_crs.tif", data, ["2001_ndvi", "2002_ndvi"], crs=None)
    shutil.copy(stack, root / "same_dates.tif")
    write_polygons(root / "stands.gpkg", standard_features())
    write_polygons(root / "points.gpkg", [(1, "POINT(500045 4999955)")])
    write_polygons(root / "lines.gpkg", [(1, "LINESTRING(500030 4999970, 500300 4999700)")])
    write_polygons(root / "no_features.gpkg", [])
    write_polygons(root / "no_crs.gpkg", [(1, BOX)], epsg=None)
    write_polygons(root / "duplicate.gpkg", [(1, BOX), (1, BOX)])
    write_polygons(root / "null_ids.gpkg", [(None, BOX), (2, BOX)])
    write_polygons(root / "no_geometry.gpkg", [(1, BOX), (2, None)])
    write_polygons(root / "outside.gpkg", [(1, f"POLYGON({pixel_box(40, 40, 45, 45)})")])
    (root / "empty.gpkg").write_bytes(b"")

    sample = ensure_sample_archive(
        Path(__file__).resolve().parents[2] / "build" / "sample" / "small", "small"
    )
    shutil.copy(sample.stands, root / "sample_stands.gpkg")
    (root / "scenes").mkdir()
    gone = root / "scenes" / "gone"  # inside the catalog's folder, but never written
    write_items(
        root / "scenes" / "gone.json", sample.item_collection, lambda href: str(gone / Path(href).name)
    )
    write_items(root / "scenes" / "elsewhere.json", sample.item_collection, lambda href: "/etc/hostname")
    (root / "scenes" / "empty.json").write_bytes(b"")
    (root / "scenes" / "settings.json").write_text(json.dumps({"name": "a settings file", "version": 3}))
    (root / "scenes" / "none.json").write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    with read_only(files["readonly"]):
        paths = {"root": root, "stack": stack, "sample_items": sample.item_collection, **files}
        yield {name: str(path) for name, path in paths.items()}


@pytest.fixture()
def out(tmp_path):
    """An output folder holding the user's notes and an older table."""
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("stand 7 thinned in 2012\n")
    (folder / "old.csv").write_text("id,date,variable,mean\n1,2001-01-01,ndvi,0.5\n")
    return folder


BASE = {
    "POLYGONS": "{root}/stands.gpkg",
    "ID_FIELD": "stand_id",
    "INPUT": "{stack}",
    "STATS": "0,5",
    "OUTPUT": "{out}/stats.csv",
}
#: Scenes instead of stacks: the sample archive's stands over one of its scenes.
SCENES = {"INPUT": None, "POLYGONS": "{root}/sample_stands.gpkg", "INDICES": "NBR"}


def case(id: str, fragment: str, succeeds: bool = False, **changes) -> Case:
    return Case(id, arguments(BASE, **changes), fragment, succeeds)


CASES = [
    case("polygons-missing", "POLYGONS: {root}/missing.gpkg does not exist", POLYGONS="{root}/missing.gpkg"),
    case("polygons-empty-file", "POLYGONS: {root}/empty.gpkg is empty", POLYGONS="{root}/empty.gpkg"),
    case("polygons-no-features", "POLYGONS: the layer has no features", POLYGONS="{root}/no_features.gpkg"),
    case(
        "polygons-are-points",
        "POLYGONS: the layer holds no polygons (its geometries: Point)",
        POLYGONS="{root}/points.gpkg",
    ),
    case("polygons-are-lines", "POLYGONS: the layer holds no polygons", POLYGONS="{root}/lines.gpkg"),
    case(
        "polygons-without-crs", "POLYGONS: the layer has no defined coordinate", POLYGONS="{root}/no_crs.gpkg"
    ),
    case("polygons-a-feature-without-geometry", "POLYGONS: features 2", POLYGONS="{root}/no_geometry.gpkg"),
    case("polygons-a-text-file", "POLYGONS: {text} is not a vector layer", POLYGONS="{text}"),
    case("polygons-a-raster", "POLYGONS: {stack} is not a vector layer", POLYGONS="{stack}"),
    case("polygons-a-folder", "POLYGONS: {folder} is not a vector layer", POLYGONS="{folder}"),
    case("id-field-not-given", "\tID_FIELD:\tPolygon id field", ID_FIELD=None),  # QGIS: not specified
    case("id-field-unknown", "ID_FIELD: the polygon layer has no field 'plot'", ID_FIELD="plot"),
    case("ids-not-unique", "ID_FIELD: 'stand_id' is not unique", POLYGONS="{root}/duplicate.gpkg"),
    case("ids-null", "ID_FIELD: 'stand_id' is empty for", POLYGONS="{root}/null_ids.gpkg"),
    case("input-missing", "INPUT: {missing} does not exist", INPUT="{missing}"),
    case("input-empty-file", "INPUT: {empty} is empty", INPUT="{empty}"),
    case("input-truncated", "the file is damaged or incomplete", INPUT="{truncated}"),
    case("input-text-file", "INPUT: {text} is not a raster", INPUT="{text}"),
    case("input-text-named-tif", "INPUT: {text_tif} is not a raster", INPUT="{text_tif}"),
    case("input-undated-bands", "carries no date", INPUT="{undated}"),
    case(
        "input-without-crs",
        "INPUT: {root}/no_crs.tif has no coordinate reference system",
        INPUT="{root}/no_crs.tif",
    ),
    case("two-stacks-of-the-same-dates", "several stacks hold", INPUT=["{stack}", "{root}/same_dates.tif"]),
    case("one-good-stack-one-missing", "INPUT: {missing} does not exist", INPUT=["{stack}", "{missing}"]),
    case("input-a-folder", "INPUT: {folder} is not a raster", INPUT="{folder}"),
    case("input-and-items", "not both and not neither", ITEMS="{root}/scenes/gone.json"),
    case("neither-input-nor-items", "not both and not neither", INPUT=None),
    case("bands-not-in-the-stack", "BANDS: {stack} has none of swir2", BANDS="swir2"),
    case(
        "items-missing",
        "ITEMS: {root}/scenes/missing.json does not exist",
        ITEMS="{root}/scenes/missing.json",
        **SCENES,
    ),
    case(
        "items-empty-file",
        "ITEMS: {root}/scenes/empty.json is empty",
        ITEMS="{root}/scenes/empty.json",
        **SCENES,
    ),
    case(
        "items-not-stac",
        "ITEMS: {root}/scenes/settings.json is neither",
        ITEMS="{root}/scenes/settings.json",
        **SCENES,
    ),
    case(
        "items-without-scenes",
        "ITEMS: the search result holds no scenes",
        ITEMS="{root}/scenes/none.json",
        **SCENES,
    ),
    case(
        "items-assets-missing",
        "ITEMS: cannot use {root}/scenes/gone/",
        ITEMS="{root}/scenes/gone.json",
        **SCENES,
    ),
    case("items-assets-outside-the-catalog", "ALLOWED_ROOTS", ITEMS="{root}/scenes/elsewhere.json", **SCENES),
    case(
        "items-index-unknown",
        "INDICES: XYZ is not an index",
        ITEMS="{root}/scenes/gone.json",
        **{**SCENES, "INDICES": "XYZ"},
    ),
    case(
        "items-nothing-to-measure",
        "name at least one band or index",
        ITEMS="{root}/scenes/gone.json",
        **{**SCENES, "INDICES": ""},
    ),
    case("stats-unknown", "STATS: 9 is not one of the choices", STATS="9"),
    case("stats-negative", "STATS: -1 is not one of the choices", STATS="-1"),
    case("stats-text", "STATS: mean is not one of the choices", STATS="mean"),
    case("percentile-above-100", "PERCENTILES: 150", PERCENTILES="150"),
    case("percentile-negative", "PERCENTILES: -5", PERCENTILES="-5"),
    case("percentile-text", "PERCENTILES: median", PERCENTILES="median"),
    case("percentile-fraction", "PERCENTILES: 12.5", PERCENTILES="12.5"),
    case("compile-unknown", "COMPILE: 7 is not one of the choices", COMPILE="7"),
    case("compile-without-count", "COMPILE: weighting dates needs the count", STATS="0", COMPILE="3"),
    case(
        "min-valid-fraction-above-one", "MIN_VALID_FRACTION must be between 0 and 1", MIN_VALID_FRACTION="2"
    ),
    case(
        "min-valid-fraction-without-statistic",
        "MIN_VALID_FRACTION: needs the valid_fraction",
        MIN_VALID_FRACTION="0.5",
    ),
    case("output-is-the-polygons", "OUTPUT is the file POLYGONS also reads", OUTPUT="{root}/stands.gpkg"),
    case("output-is-a-stack", "OUTPUT is the file INPUT also reads", OUTPUT="{stack}"),
    case(
        "wide-output-is-the-output", "OUTPUT_WIDE and OUTPUT are the same file", OUTPUT_WIDE="{out}/stats.csv"
    ),
    case("output-is-a-folder", "OUTPUT: {folder} is a folder", OUTPUT="{folder}"),
    case("output-in-a-read-only-folder", "OUTPUT: cannot write in {readonly}", OUTPUT="{readonly}/stats.csv"),
    case("output-below-a-file", "OUTPUT: {text} is a file, not a folder", OUTPUT="{text}/stats.csv"),
    case(
        "wide-output-in-a-read-only-folder",
        "OUTPUT_WIDE: cannot write in {readonly}",
        OUTPUT_WIDE="{readonly}/wide.csv",
    ),
    case("wide-output-below-a-file", "OUTPUT_WIDE: {text} is a file", OUTPUT_WIDE="{text}/wide.csv"),
    case(
        "one-polygon-misses-the-raster",
        "1 of 5 polygons cover no valid pixel of INPUT on any date",
        succeeds=True,
    ),
    case(
        "polygons-miss-the-raster",
        "No polygon covers a valid pixel",
        succeeds=True,
        POLYGONS="{root}/outside.gpkg",
    ),
    case(
        "scenes-over-max-gb",
        "more than the limit of MAX_GB",
        **SCENES,
        ITEMS="{sample_items}",
        MAX_GB="0.000000001",
    ),
    case("max-gb-negative", "MAX_GB", MAX_GB="-1"),
]


@pytest.mark.parametrize("bad", CASES, ids=[bad.id for bad in CASES])
def test_zonalstats_refuses_bad_input_by_name_and_changes_nothing(qgis_process, place, out, bad):
    run_case(qgis_process, ALGORITHM, bad, {**place, "out": out}, inputs=[place["root"]], outputs=[out])


def test_polygons_that_miss_the_raster_warn_and_report_no_polygon_measured(qgis_process, place, tmp_path):
    table = tmp_path / "stats.csv"
    done = qgis_process(
        "run", ALGORITHM, "--", f"POLYGONS={place['root']}/outside.gpkg", "ID_FIELD=stand_id",
        f"INPUT={place['stack']}", "STATS=0", f"OUTPUT={table}", json_output=False, check=False,
    )  # fmt: skip
    said = done.stdout + done.stderr
    assert done.returncode == 0, said[-3000:]
    assert "No polygon covers a valid pixel" in said and "POLYGONS" in said, said[-3000:]
    assert "POLYGONS_MEASURED:\t0" in said and "POLYGONS_WITHOUT_PIXELS:\t1" in said, said[-3000:]
    assert table.read_text().splitlines()[0] == "id,date,variable,mean"  # count was not asked for

"""An output named like an input is refused before anything is written, for every algorithm.

Users pick output names in a file dialog that opens where the input is; one slip and the stack, the
catalog or the stand polygons they spent a week on would be overwritten by the run that reads them.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.helpers.rasters import write_stack
from tests.helpers.zonal import pixel_box, write_polygons


@pytest.fixture(scope="module")
def own_archive(tmp_path_factory):
    """A sample archive of this module's own: a failing guard must not overwrite the shared one."""
    from timestack.core.sample_archive import build_sample_archive

    return build_sample_archive(tmp_path_factory.mktemp("own") / "archive", "small")


@pytest.fixture()
def inputs(tmp_path, own_archive):
    """A small NDVI stack, stands, a copy of a STAC ItemCollection and one of its scenes' band files."""
    data = np.random.default_rng(3).uniform(0, 1, size=(8, 12, 12)).astype("float32")
    stack = write_stack(tmp_path / "ndvi.tif", data, [f"{2000 + n}_ndvi" for n in range(8)], nodata=np.nan)
    stands = write_polygons(tmp_path / "stands.gpkg", [(1, f"POLYGON({pixel_box(1, 1, 6, 7)})")])
    sample = own_archive
    catalog = Path(shutil.copy(sample.item_collection, tmp_path / "items.json"))
    band = next(Path(sample.root).rglob("*_SR_B4.TIF"))
    footprints = tmp_path / "footprints.gpkg"
    return {"stack": stack, "stands": stands, "catalog": catalog, "band": band, "footprints": footprints}


CASES = {
    "landtrendr fitted over its stack": (
        "timestack:landtrendr",
        "stack",
        "OUTPUT_FITTED",
        ["INPUT={stack}", "INDEX=ndvi", "OUTPUT_FITTED={stack}"],
    ),
    "changemap over its segments": (
        "timestack:changemap",
        "stack",
        "OUTPUT",
        ["INPUT={stack}", "OUTPUT={stack}"],
    ),
    "polygon statistics over the polygons": (
        "timestack:zonalstats",
        "stands",
        "OUTPUT",
        ["POLYGONS={stands}", "ID_FIELD=stand_id", "INPUT={stack}", "OUTPUT={stands}"],
    ),
    "search results over the catalog": (
        "timestack:searchscenes",
        "catalog",
        "OUTPUT_ITEMS",
        [
            "CATALOG={catalog}",
            "EXTENT=-180,180,-90,90 [EPSG:4326]",
            "START_DATE=1980-01-01",
            "END_DATE=2030-01-01",
            "OUTPUT={footprints}",
            "OUTPUT_ITEMS={catalog}",
        ],
    ),
    "composite over a scene's band file": (
        "timestack:composite",
        "band",
        "OUTPUT",
        ["ITEMS={catalog}", "START_YEAR=2005", "END_YEAR=2006", "OUTPUT={band}"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_qgis_process_refuses_an_output_that_is_an_input(qgis_process, inputs, case):
    algorithm, victim, output, arguments = CASES[case]
    if output not in qgis_process("help", algorithm)["parameters"]:
        pytest.fail(f"{algorithm} has no parameter {output}")
    before = hashlib.sha256(inputs[victim].read_bytes()).hexdigest()
    done = qgis_process(
        "run",
        algorithm,
        "--",
        *[argument.format(**inputs) for argument in arguments],
        json_output=False,
        check=False,
    )
    said = done.stdout + done.stderr
    assert done.returncode != 0, said[-2000:]
    assert output in said and ("destroy the input" in said or "over a file the composite reads" in said), (
        said[-2000:]
    )
    assert hashlib.sha256(inputs[victim].read_bytes()).hexdigest() == before

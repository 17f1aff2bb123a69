"""``timestack:composite`` from the command line (qgis_process) on the small sample archive."""

from __future__ import annotations

import json
from pathlib import Path

import rasterio

ROOT = Path(__file__).resolve().parents[2]

CONTRACT = {
    "ITEMS",
    "EXTENT",
    "AOI",
    "TARGET_CRS",
    "RESOLUTION",
    "START_YEAR",
    "END_YEAR",
    "DOY_START",
    "DOY_END",
    "METHOD",
    "BANDS",
    "INDICES",
    "MASK",
    "CLOUD_CONFIDENCE",
    "TDOM",
    "HARMONIZE",
    "FILL_EMPTY_YEARS",
    "OUTPUT",
    "OUTPUT_FOLDER",
}


def test_qgis_process_describes_the_contract_parameters(qgis_process):
    described = qgis_process("help", "timestack:composite")
    assert CONTRACT <= set(described["parameters"])
    assert {"OUTPUT", "OUTPUT_OBSERVATION", "OUTPUT_LOG"} <= set(described["outputs"])


def test_qgis_process_composites_the_sample_archive(qgis_process, tmp_path):
    from timestack.core.sample_archive import ensure_sample_archive

    sample = ensure_sample_archive(ROOT / "build" / "sample" / "small", "small")
    output = tmp_path / "composite.tif"
    answer = qgis_process(
        "run",
        "timestack:composite",
        "--",
        f"ITEMS={sample.item_collection}",
        "START_YEAR=2009",
        "END_YEAR=2011",
        "INDICES=NBR,TCW",
        "TDOM=true",
        f"OUTPUT={output}",
        f"OUTPUT_FOLDER={tmp_path / 'years'}",
    )
    assert Path(answer["results"]["OUTPUT"]) == output
    with rasterio.open(output) as src:
        assert src.descriptions[:2] == ("2009_blue", "2009_green") and src.descriptions[-1] == "2011_TCW"
    log = json.loads(Path(answer["results"]["OUTPUT_LOG"]).read_text())
    assert log["years"] == [2009, 2010, 2011]
    assert sorted(p.name for p in (tmp_path / "years").glob("*.vrt"))[0] == "composite_NBR.vrt"

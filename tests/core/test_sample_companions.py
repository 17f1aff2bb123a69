"""The sample archive's companions (Sentinel-1 RTC, ASTER L1T, HyP3 products) written beside the Landsat
archive: valid STAC, the known changes in the HyP3 products, reuse, and the Landsat archive untouched."""

from __future__ import annotations

import json

import numpy as np
import pytest
import rasterio

from timestack.core.hyp3.products import find_products
from timestack.core.hyp3.sample import INSAR_PAIR, RTC_STARTS, build_hyp3_sample
from timestack.core.runtime import TimestackError
from timestack.core.sample_archive import build_sample_archive, validate_item_dict
from timestack.core.sample_archive.extras import EXTRAS, ensure_extras
from timestack.core.sample_archive.sentinel1 import FLOOD


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("companions") / "sample"
    build_sample_archive(root, "small")
    before = {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
    return root, before, ensure_extras(root, EXTRAS)


def test_companions_are_catalogued_as_valid_stac_in_their_own_folders(archive):
    root, _, built = archive
    assert {name: path.relative_to(root).parts[0] for name, path in built.items()} == {
        "sentinel1": "sentinel-1-rtc",
        "aster": "aster",
        "hyp3": "hyp3",
    }
    for path in built.values():
        items = json.loads(path.read_text())["features"]
        assert items
        for item in items:
            assert validate_item_dict(item) is not None
            for asset in item["assets"].values():
                assert asset["href"].startswith(
                    str(path.parent.parent if "catalog" in str(path) else path.parent)
                )


def test_the_landsat_archive_is_unchanged_by_its_companions(archive):
    root, before, _ = archive
    after = {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
    assert {name: after[name] for name in before} == before
    assert all(name.parts[0] in {"sentinel-1-rtc", "aster", "hyp3"} for name in set(after) - set(before))


def test_hyp3_products_show_the_flood_and_are_read_as_asf_publishes_them(archive):
    root, _, _ = archive
    products = sorted(find_products([root / "hyp3" / "rtc"]), key=lambda p: p.name.start)
    assert [p.name.start.strftime("%Y%m%dT%H%M%S") for p in products] == list(RTC_STARTS)
    assert all(p.metadata["radiometry"] == "gamma0" and p.metadata["scale"] == "power" for p in products)
    flood = products[1].name.start.date()
    assert FLOOD[0] <= flood <= FLOOD[1]
    with rasterio.open(root / "sentinel-1-rtc" / "truth" / "flood.tif") as truth:
        flooded = truth.read(1)[1::3, 1::3].astype(bool)  # the 10 m truth at the 30 m pixels' centres
    assert flooded.any()
    with rasterio.open(products[0].layers["VV"]) as before, rasterio.open(products[1].layers["VV"]) as during:
        assert before.crs.to_epsg() == 32610 and before.res == (30.0, 30.0)
        drop = 10 * np.log10(before.read(1)[flooded].mean() / during.read(1)[flooded].mean())
        unflooded = 10 * np.log10(before.read(1)[~flooded].mean() / during.read(1)[~flooded].mean())
    # fields -12 dB -> open water -24 dB (its 30 m edge is not the 10 m truth's); the rest as it was
    assert drop > 5 and abs(unflooded) < 1
    (pair,) = find_products([root / "hyp3" / "insar"])
    assert pair.name.start.strftime("%Y%m%dT%H%M%S") == INSAR_PAIR[0]
    assert pair.metadata["reference_granule"].startswith("S1A_IW_SLC")
    with rasterio.open(pair.layers["corr"]) as corr:
        values = corr.read(1)
        assert 0 < values.min() and values.max() <= 1


def test_companions_are_reused_and_a_users_folder_is_refused(archive, tmp_path):
    root, _, built = archive
    stamps = {path: path.stat().st_mtime_ns for path in built.values()}
    assert ensure_extras(root, EXTRAS) == built
    assert {path: path.stat().st_mtime_ns for path in built.values()} == stamps
    (tmp_path / "hyp3").mkdir()
    (tmp_path / "hyp3" / "notes.txt").write_text("mine")
    with pytest.raises(TimestackError) as refused:
        ensure_extras(tmp_path, ["hyp3"])
    assert refused.value.parameter == "OUTPUT_FOLDER"
    with pytest.raises(TimestackError):
        build_hyp3_sample(tmp_path / "hyp3")
    assert (tmp_path / "hyp3" / "notes.txt").read_text() == "mine"

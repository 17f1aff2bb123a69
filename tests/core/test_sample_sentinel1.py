"""The Sentinel-1 sample: PC-shaped RTC scenes of two tracks over the sample landscape, valid STAC in a
collection of its own, with gamma speckle and the known flood and clear-cut visible where the truth
rasters say, and usable by search and the per-track stacks."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
import rasterio

from timestack.core.radar.speckle import to_db
from timestack.core.radar.stack import SarStackSettings, sar_stacks
from timestack.core.sample_archive import validate_item_dict
from timestack.core.sample_archive.sentinel1 import LOOKS, ensure_sentinel1_sample
from timestack.core.search import SceneQuery, search_scenes


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return ensure_sentinel1_sample(tmp_path_factory.mktemp("s1") / "sentinel1", "small")


@pytest.fixture(scope="module")
def items(sample):
    return json.loads(sample.item_collection.read_text())["features"]


@pytest.fixture(scope="module")
def events(sample):
    return json.loads(sample.events.read_text())


def truth(path):
    with rasterio.open(path) as src:
        return src.read(1).astype(bool)


def gamma0(item, key):
    with rasterio.open(item["assets"][key]["href"]) as src:
        return src.read(1).astype(np.float64)


def day(item):
    return dt.date.fromisoformat(item["properties"]["datetime"][:10])


def test_items_are_valid_stac_of_two_tracks_in_a_collection_of_their_own(sample, items):
    for item in items:
        validate_item_dict(item)
        assert item["collection"] == "sentinel-1-rtc" and set(item["assets"]) == {"vv", "vh"}
        assert "eo:cloud_cover" not in item["properties"]
    tracks = {(i["properties"]["sat:orbit_state"], i["properties"]["sat:relative_orbit"]) for i in items}
    assert {state for state, _ in tracks} == {"ascending", "descending"} and len(tracks) == 2
    assert json.loads(sample.collection.read_text())["id"] == "sentinel-1-rtc"
    with rasterio.open(items[0]["assets"]["vv"]["href"]) as src:
        assert src.dtypes[0] == "float32" and src.nodata == -32768 and src.res == (10.0, 10.0)


def test_speckle_is_gamma_with_the_published_looks(items, sample):
    flooded = truth(sample.flood)
    values = gamma0(items[0], "vv")[flooded]  # fields before the flood: one level, texture and speckle
    variation = values.std() / values.mean()
    assert 1 / np.sqrt(LOOKS) * 0.9 < variation < 1 / np.sqrt(LOOKS) * 1.4


def test_the_flood_darkens_the_flooded_fields_only_while_it_lasts(items, sample, events):
    flooded = truth(sample.flood)
    assert flooded.sum() > 50
    start, end = (dt.date.fromisoformat(events["flood"][key]) for key in ("start", "end"))
    water_db = events["levels_db"]["water"][0]
    for item in items:
        level = float(to_db(np.array(gamma0(item, "vv")[flooded].mean())))
        if start <= day(item) <= end:
            assert level < water_db + 3
        else:
            assert level > water_db + 8


def test_the_clear_cut_lowers_vh_of_its_stand_from_the_cut_on(items, sample, events):
    cut = truth(sample.clearcut)
    assert cut.sum() > 20
    when = dt.date.fromisoformat(events["clearcut"]["date"])
    ascending = [i for i in items if i["properties"]["sat:orbit_state"] == "ascending"]
    before = [gamma0(i, "vh")[cut].mean() for i in ascending if day(i) < when]
    after = [gamma0(i, "vh")[cut].mean() for i in ascending if day(i) >= when]
    drop = 10 * np.log10(np.mean(before) / np.mean(after))
    expected = events["levels_db"]["conifer"][1] - events["levels_db"]["clearcut"][1]
    assert drop == pytest.approx(expected, abs=1.0)


def test_search_and_per_track_stacks_read_the_sample(sample, items, events, tmp_path):
    xmin, ymin, xmax, ymax = items[0]["bbox"]
    aoi = {
        "type": "Polygon",
        "coordinates": [[[xmin, ymin], [xmax, ymin], [xmax, ymax], [xmin, ymax], [xmin, ymin]]],
    }
    query = SceneQuery.create(aoi, "2021-01-01", "2021-12-31", max_cloud=10, orbit_direction="descending")
    found = search_scenes(str(sample.item_collection), query)
    assert set(found.ids) == {i["id"] for i in items if i["properties"]["sat:orbit_state"] == "descending"}
    result = sar_stacks(
        SarStackSettings(sample.item_collection, tmp_path / "tracks", resolution=10.0, db=True,
                         speckle_filter="quegan-yu", speckle_window=5)
    )  # fmt: skip
    assert len(result.stacks) == 2
    flooded = truth(sample.flood)
    with rasterio.open(result.paths[0]) as src:
        bands = {name: index for index, name in enumerate(src.descriptions, start=1)}
        flood_day = next(d for d in result.stacks[0].dates if d.isoformat() >= events["flood"]["start"])
        during = src.read(bands[f"{flood_day.isoformat()}_VV"])[flooded].mean()
        first = src.read(bands[f"{result.stacks[0].dates[0].isoformat()}_VV"])[flooded].mean()
    assert during < first - 5, "the flood stays visible after the speckle filter (its edges blur)"

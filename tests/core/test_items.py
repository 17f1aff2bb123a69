"""One asset per band for every reader: composite, per-scene statistics and previews agree on real items.

Earth Search's Sentinel-2 items carry both ``nir`` (B08, wide NIR) and ``nir08`` (B8A, narrow NIR); the
composite reads B8A (closest to Landsat's NIR), so per-scene statistics of the same scene must too.
"""

import json

import pystac
import pytest

from tests.helpers.shared import STAC_FIXTURES
from timestack.core.composite.catalog import scene_from_item
from timestack.core.indices import REFLECTIVE_BANDS
from timestack.core.items import HLS_SCALING, asset_scaling, band_asset_key
from timestack.core.search.preview import natural_colour_sources
from timestack.core.zonal.scenes import _asset_key

RECORDED = ["es_s2.json", "pc_s2.json", "es_landsat.json", "pc_landsat.json"]


def first_item(name: str) -> dict:
    content = json.loads((STAC_FIXTURES / name).read_text())
    return content["features"][0] if "features" in content else content


@pytest.mark.parametrize("name", RECORDED)
def test_composite_statistics_and_preview_read_the_same_asset_for_each_band(name):
    item = first_item(name)
    scene = scene_from_item(item, REFLECTIVE_BANDS, None)
    stac_item = pystac.Item.from_dict(item)
    for band in REFLECTIVE_BANDS:
        key = _asset_key(stac_item, band)
        assert scene.bands[band].path.endswith(item["assets"][key]["href"].split("://", 1)[-1])
    rgb = natural_colour_sources(stac_item)
    assert [path.rsplit("/", 1)[-1] for path in rgb] == [
        scene.bands[band].path.rsplit("/", 1)[-1] for band in ("red", "green", "blue")
    ]


def test_sentinel2_nir_is_the_narrow_b8a_band_in_every_catalog():
    for name in ("es_s2.json", "pc_s2.json"):
        item = first_item(name)
        key = band_asset_key(item["assets"], item["collection"], "nir")
        assert "B8A" in item["assets"][key]["href"].rsplit("/", 1)[-1]


def test_hls_bands_follow_the_collection_numbering_and_scaling():
    assets = {key: {"href": f"{key}.tif"} for key in ("B02", "B03", "B04", "B05", "B06", "B07", "B8A", "B11")}
    assert band_asset_key(assets, "HLSL30.v2.0", "nir") == "B05"
    assert band_asset_key(assets, "HLSS30.v2.0", "nir") == "B8A"
    assert band_asset_key(assets, "HLSS30.v2.0", "swir2") is None  # B12 missing: no other band stands in
    assert asset_scaling(assets["B05"], {}, "HLSL30.v2.0") == HLS_SCALING
    assert asset_scaling(assets["B05"], {}, None).scale == 1.0

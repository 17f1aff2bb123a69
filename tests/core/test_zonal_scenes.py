"""Per-scene, cloud-masked polygon statistics over the sample archive's Landsat scenes."""

import numpy as np
import pandas as pd
import pystac
import pytest
import rasterio
from exactextract import exact_extract
from exactextract.raster import NumPyRasterSource
from osgeo import ogr

from tests.helpers.scenes import RES, SIZE, X0, Y0, write_hls_granule
from tests.helpers.zonal import write_polygons
from tests.servers.token_https import TOKEN, token_https_fixture  # noqa: F401
from timestack.core.quality.qa import qa_pixel_mask
from timestack.core.zonal.compile import compile_statistics
from timestack.core.zonal.scenes import scene_statistics, split_variables
from timestack.core.zonal.statistics import ZonalInputError, read_polygons


@pytest.fixture(scope="module")
def items(sample_small):
    return list(pystac.ItemCollection.from_file(str(sample_small.item_collection)))


@pytest.fixture(scope="module")
def stands(sample_small):
    return read_polygons(sample_small.stands, "stand_id")


def _read(item, key):
    with rasterio.open(item.assets[key].href) as dataset:
        return dataset.read(1), dataset.bounds, dataset.crs.to_wkt()


def test_a_scene_equals_exactextract_over_the_qa_masked_index(sample_small, items, stands):
    item = next(i for i in items if not _read(i, "qa_radsat")[0].any() and _qa_clouds(i).mean() > 0.05)
    qa, bounds, wkt = _read(item, "qa_pixel")
    masked = qa_pixel_mask(qa, ("fill", "dilated_cloud", "cirrus", "cloud", "shadow", "snow"))
    reflectance = {}
    for key in ("red", "nir08"):
        raster = item.assets[key].to_dict()["raster:bands"][0]
        dn, _, _ = _read(item, key)
        reflectance[key] = np.ma.masked_array(dn * raster["scale"] + raster["offset"], masked | (dn == 0))
    ndvi = (reflectance["nir08"] - reflectance["red"]) / (reflectance["nir08"] + reflectance["red"])
    source = NumPyRasterSource(ndvi, *bounds, srs_wkt=wkt)
    direct = exact_extract(
        source, str(sample_small.stands), ["mean", "count"], include_cols=["stand_id"], output="pandas"
    ).set_index("stand_id")

    ours = scene_statistics([item], stands, ["NDVI"], ["mean", "count", "valid_fraction"]).set_index("id")
    assert (ours["scene"] == item.id).all() and (ours["date"] == item.datetime.date().isoformat()).all()
    np.testing.assert_allclose(ours.loc[direct.index, "count"], direct["count"], rtol=1e-12)
    np.testing.assert_allclose(
        ours.loc[direct.index, "mean"], direct["mean"], rtol=1e-6
    )  # float32 reflectance
    assert ours["valid_fraction"].min() < 1.0  # the clouds did lower some stands' valid share


def _qa_clouds(item):
    return qa_pixel_mask(_read(item, "qa_pixel")[0], ("cloud", "shadow"))


def test_disturbed_stands_show_the_drop_in_the_year_of_the_ground_truth(sample_small, items, stands):
    table = scene_statistics(items, stands, ["nbr"], ["mean", "std", "count", "valid_fraction"])
    yearly = compile_statistics(table, "yearly", min_valid_fraction=0.5)
    series = yearly.pivot(index="date", columns="id", values="mean")
    series.index = pd.to_datetime(series.index).year
    source = ogr.Open(str(sample_small.stands))  # the layer lives only as long as its data source
    disturbed = [
        (f["stand_id"], f["dist_year"]) for f in source.GetLayer(0) if f["dist_type"] in ("clearcut", "fire")
    ]
    assert disturbed
    for stand, year in disturbed:
        drops = series[stand].dropna().diff()
        assert drops.idxmin() == year, (stand, year, drops.round(2).to_dict())
        assert drops.min() < -0.3


def test_unknown_variables_and_items_without_qa_are_refused(items, stands):
    assert split_variables(["ndvi", "swir16", "NBR"]) == (("swir1",), ("NDVI", "NBR"))
    with pytest.raises(ZonalInputError, match="BANDS: 'greenness2' is neither a band"):
        split_variables(["greenness2"])
    item = items[0].clone()
    del item.assets["qa_pixel"]
    with pytest.raises(ZonalInputError, match="no qa_pixel or SCL asset"):
        scene_statistics([item], stands, ["ndvi"], ["mean"])


def test_an_item_without_assets_is_refused_as_having_none(items, stands):
    item = items[0].clone()
    item.assets.clear()
    with pytest.raises(
        ZonalInputError, match=f"ITEMS: scene {item.id} has no assets, so no file to read band"
    ):
        scene_statistics([items[1], item], stands, ["ndvi"], ["mean"])


def test_hls_granules_from_earthdata_are_masked_by_fmask_and_read_with_the_login(tmp_path, token_https):
    """An HLS S30 granule served like Earthdata (401 without the token), clouds on its left half: the
    stand under the cloud has nothing valid, the clear stand has its NIR, read with B8A (not B08)."""
    cloud = np.zeros((SIZE, SIZE), bool)
    cloud[:, :20] = True
    granule = write_hls_granule(
        token_https.folder, "HLSS30", "HLS.S30.T10TEK.2021161T184919.v2.0", "2021-06-10", "S2A", cloud=cloud
    )
    for asset in granule["assets"].values():
        asset["href"] = token_https.href(asset["href"])
    granule["properties"]["earthdata:concept_id"] = "G0000000001-LPCLOUD"
    item = pystac.Item.from_dict(granule)

    def box(col0, col1):
        x0, x1, y0, y1 = X0 + col0 * RES, X0 + col1 * RES, Y0 - 5 * RES, Y0 - 15 * RES
        return f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"

    path = write_polygons(tmp_path / "stands.gpkg", [(1, box(2, 12)), (2, box(25, 35))], epsg=32610)
    stands = read_polygons(path, "stand_id")
    with pytest.raises(rasterio.errors.RasterioIOError):  # no login: the data host refuses
        scene_statistics([item], stands, ["nir"], ["mean", "count", "valid_fraction"])
    from timestack.core.search.earthdata import EarthdataLogin, login_headers

    headers = login_headers(EarthdataLogin("", TOKEN))  # also forgets GDAL's memory of the refusal
    table = scene_statistics(
        [item], stands, ["nir"], ["mean", "count", "valid_fraction"], earthdata_headers=headers
    ).set_index("id")
    assert table.loc[1, "count"] == 0 and table.loc[1, "valid_fraction"] == 0
    assert table.loc[2, "mean"] == pytest.approx(0.32, abs=1e-4) and table.loc[2, "valid_fraction"] == 1

"""A STAC API's login goes with the reads of its own files, and only those; Planetary Computer hrefs
whose SAS token expired are signed again when blob storage refuses them."""

import pytest

from tests.helpers.scenes import run, write_scene
from tests.servers.planetary import blob_storage_fixture  # noqa: F401
from tests.servers.token_https import TOKEN, token_https_fixture  # noqa: F401
from timestack.core.io import logins
from timestack.core.io.logins import CatalogLogin, item_origins, origin
from timestack.core.search.stac_api import login_headers


def _served_item(server, catalog_url):
    item = write_scene(server.folder, "LC08_044034_20200610", "2020-06-10")
    for asset in item["assets"].values():
        asset["href"] = server.href(asset["href"])
    item["links"] = [{"rel": "root", "href": catalog_url}, {"rel": "self", "href": f"{catalog_url}/items/x"}]
    return item


def test_a_catalog_login_goes_with_the_reads_of_the_catalogs_own_files(tmp_path, token_https):
    item = _served_item(token_https, f"{token_https.url}/stac")
    login = CatalogLogin.from_mapping(login_headers("", TOKEN))
    with pytest.raises(ValueError):  # every file answers 401 without it
        run(tmp_path / "anonymous", [item], bands=("nir",))
    result = run(tmp_path / "login", [item], bands=("nir",), catalog_login=login)
    assert result.scenes_used == 1
    assert ("GET", f"Bearer {TOKEN}") in token_https.requests
    assert TOKEN not in result.log.read_text() and TOKEN not in repr(login)


def test_a_catalog_login_is_never_sent_to_another_host(tmp_path, token_https):
    item = _served_item(token_https, "https://stac.example.org/api")
    login = CatalogLogin.from_mapping(login_headers("", TOKEN))
    with pytest.raises(ValueError):
        run(tmp_path, [item], bands=("nir",), catalog_login=login)
    assert {header for _, header in token_https.requests} == {None}
    # unless the configuration was restricted to the files' host
    assert CatalogLogin.from_mapping(login_headers("", TOKEN), [token_https.url]).headers_for(item)


def test_origins_are_scheme_host_and_port():
    assert origin("/vsicurl/https://Data.example.org/a.tif?x=1") == "https://data.example.org:443"
    assert origin("http://127.0.0.1:8080/a") == "http://127.0.0.1:8080"
    assert origin("s3://bucket/key") is None and origin("/data/a.tif") is None
    item = {
        "links": [{"rel": "root", "href": "https://a.org/stac"}, {"rel": "license", "href": "https://b.org"}]
    }
    assert item_origins(item) == {"https://a.org:443"}


def test_login_headers_for_basic_bearer_and_api_key():
    assert login_headers("ana", "pw") == {"Authorization": "Basic YW5hOnB3"}
    assert login_headers("", "t0k") == {"Authorization": "Bearer t0k"}
    assert login_headers("X-API-Key:", "k3y") == {"X-API-Key": "k3y"}


def test_a_planetary_computer_read_refused_for_an_expired_token_is_signed_again(tmp_path, blob_storage):
    item = write_scene(blob_storage.folder, "LC08_044034_20200610", "2020-06-10")
    for asset in item["assets"].values():
        asset["href"] = blob_storage.href(asset["href"], "expired")
    try:
        result = run(tmp_path, [item], bands=("nir",))
    finally:
        logins._RESIGNED.clear()
    assert result.scenes_used == 1
    assert ("expired", 403) in blob_storage.reads and ("fresh1", 200) in blob_storage.reads
    assert blob_storage.issued == 1, "one token for the container, reused by every file"


def test_per_scene_polygon_statistics_sign_an_expired_href_again(tmp_path, blob_storage):
    import pystac

    from tests.helpers.scenes import RES, X0, Y0
    from tests.helpers.zonal import write_polygons
    from timestack.core.zonal.scenes import scene_statistics
    from timestack.core.zonal.statistics import read_polygons

    item = write_scene(blob_storage.folder, "LC08_044034_20200610", "2020-06-10")
    for asset in item["assets"].values():
        asset["href"] = blob_storage.href(asset["href"], "expired")
    x0, x1, y0, y1 = X0 + 2 * RES, X0 + 12 * RES, Y0 - 5 * RES, Y0 - 15 * RES
    stand = f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"
    stands = read_polygons(write_polygons(tmp_path / "stands.gpkg", [(1, stand)], epsg=32610), "stand_id")
    try:
        table = scene_statistics([pystac.Item.from_dict(item)], stands, ["nir"], ["mean"])
    finally:
        logins._RESIGNED.clear()
    assert table.set_index("id").loc[1, "mean"] == pytest.approx(0.32, abs=1e-4)
    assert ("expired", 403) in blob_storage.reads and blob_storage.issued == 1


def test_a_token_that_expires_during_the_run_is_renewed_for_the_reads(tmp_path, blob_storage):
    """The token is good when the scenes are checked and expires before their pixels are read (GDAL's
    cache cleared, as it would have been evicted in a long run): the reads are signed again."""
    from osgeo import gdal

    item = write_scene(blob_storage.folder, "LC08_044034_20200610", "2020-06-10")
    blob_storage.valid.add("first")
    for asset in item["assets"].values():
        asset["href"] = blob_storage.href(asset["href"], "first")

    def progress(percent, _message):
        if percent == 1.0 and "first" in blob_storage.valid:  # the scenes are checked: expire the token
            blob_storage.valid.discard("first")
            gdal.VSICurlClearCache()

    try:
        result = annual_composites_with_progress(tmp_path, [item], progress)
    finally:
        logins._RESIGNED.clear()
    assert result.scenes_used == 1
    statuses = [status for sig, status in blob_storage.reads if sig == "first"]
    assert statuses[0] == 200 and 403 in statuses, "checked with the first token, refused after"
    assert ("fresh1", 200) in blob_storage.reads


def annual_composites_with_progress(tmp_path, items, progress):
    from tests.helpers.scenes import write_items
    from timestack.core.composite.annual import annual_composites
    from timestack.core.composite.settings import CompositeSettings

    tmp_path.mkdir(parents=True, exist_ok=True)
    settings = CompositeSettings(
        items=write_items(tmp_path / "items.json", items), output=tmp_path / "out" / "stack.tif",
        start_year=2020, end_year=2020, workers=2, bands=("nir",),
    )  # fmt: skip
    return annual_composites(settings, progress=progress)

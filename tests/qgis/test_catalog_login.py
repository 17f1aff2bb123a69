"""A STAC API behind a login, through ``processing.run``: the search is refused without AUTHCFG (the
message names it), succeeds with it, and a composite of the found scenes reads their files with the
same login; the secret is in no log, message or output file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsProject
from rasterio.warp import transform_bounds
from shapely.geometry import box, mapping

from tests.helpers.qt import preview_scene, wait_until
from tests.helpers.scenes import RES, SIZE, UTM, X0, Y0, write_scene
from tests.servers.loopback import send_json
from tests.servers.stac_login import stac_login_fixture  # noqa: F401

SECRET = "k3y-s3cret"


class Recorder(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):
        self.lines.append(info)

    def reportError(self, error, fatalError=False):
        self.lines.append(error)

    def setProgressText(self, text):
        self.lines.append(text)


def _run(algorithm, parameters, feedback=None):
    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(
        algorithm, parameters, context=context, feedback=feedback or QgsProcessingFeedback()
    )


def _scene(stac_login) -> None:
    item = write_scene(stac_login.folder, "LC08_044034_20200610", "2020-06-10")
    bounds = transform_bounds(UTM, "EPSG:4326", X0, Y0 - SIZE * RES, X0 + SIZE * RES, Y0)
    item["geometry"], item["bbox"] = mapping(box(*bounds)), list(bounds)
    stac_login.add(item)
    return bounds


def test_a_stac_api_behind_an_api_key_is_searched_and_read_with_authcfg(
    provider, tmp_path, stac_login, store_login
):
    west, south, east, north = _scene(stac_login)
    search = {
        "CATALOG": stac_login.url, "EXTENT": f"{west},{east},{south},{north} [EPSG:4326]",
        "START_DATE": "2020-01-01", "END_DATE": "2020-12-31",
        "OUTPUT": str(tmp_path / "footprints.gpkg"), "OUTPUT_ITEMS": str(tmp_path / "items.json"),
    }  # fmt: skip
    with pytest.raises(QgsProcessingException, match="AUTHCFG") as refused:
        _run("timestack:searchscenes", search)
    assert "401" in str(refused.value)

    authcfg = store_login("X-API-Key:", SECRET)
    feedback = Recorder()
    found = _run("timestack:searchscenes", {**search, "AUTHCFG": authcfg}, feedback)
    assert found["COUNT"] == 1

    composite = {
        "ITEMS": found["OUTPUT_ITEMS"], "START_YEAR": 2020, "END_YEAR": 2020, "BANDS": [3], "INDICES": "",
        "OUTPUT": str(tmp_path / "out" / "stack.tif"),
    }  # fmt: skip
    with pytest.raises(QgsProcessingException):  # the files answer 401 without the login
        _run("timestack:composite", composite)
    stacked = _run("timestack:composite", {**composite, "AUTHCFG": authcfg}, feedback)
    assert Path(stacked["OUTPUT"]).is_file()
    file_reads = [headers for path, headers in stac_login.requests if path.startswith("/files/")]
    assert any(headers.get("X-API-Key") == SECRET for headers in file_reads)

    outputs = [Path(found["OUTPUT_ITEMS"]), Path(stacked["OUTPUT_LOG"]), tmp_path / "footprints.gpkg"]
    assert all(SECRET.encode() not in path.read_bytes() for path in outputs)
    assert SECRET not in "\n".join(feedback.lines)
    assert SECRET not in json.dumps(found, default=str) + json.dumps(stacked, default=str)


def test_a_wrong_key_is_refused_naming_authcfg_without_showing_it(
    provider, tmp_path, stac_login, store_login
):
    _scene(stac_login)
    with pytest.raises(QgsProcessingException, match="AUTHCFG") as refused:
        _run("timestack:searchscenes", {
            "CATALOG": stac_login.url, "EXTENT": "-124,-122,44,46 [EPSG:4326]", "START_DATE": "2020-01-01",
            "END_DATE": "2020-12-31", "AUTHCFG": store_login("X-API-Key:", "wr0ng-s3cret"),
            "OUTPUT": str(tmp_path / "f.gpkg"), "OUTPUT_ITEMS": str(tmp_path / "i.json"),
        })  # fmt: skip
    assert "wr0ng" not in str(refused.value)


def test_the_search_tab_previews_a_scene_of_a_stac_api_with_its_login(
    provider, qgis_iface, qgis_canvas, tmp_path, stac_login, store_login
):
    import pystac

    from timestack.gui.search_panel import SearchPanel

    _scene(stac_login)
    panel = SearchPanel(qgis_iface)
    panel.set_catalog(stac_login.url)
    assert panel.login.isVisibleTo(panel)
    panel.login.setConfigId(store_login("X-API-Key:", SECRET))
    item = pystac.Item.from_dict(stac_login.items[0])
    layer = preview_scene(panel, [item])
    assert not layer.source().startswith("/vsicurl/"), "QGIS draws a local copy, never with the key"
    file_reads = [headers for path, headers in stac_login.requests if path.startswith("/files/")]
    assert file_reads and all(headers.get("X-API-Key") == SECRET for headers in file_reads)
    assert SECRET not in panel.status.text()
    QgsProject.instance().removeAllMapLayers()


def test_per_scene_polygon_statistics_read_the_catalogs_files_with_authcfg(
    provider, tmp_path, stac_login, store_login
):
    import csv

    from tests.helpers.zonal import write_polygons

    _scene(stac_login)
    items = tmp_path / "items.json"
    items.write_text(json.dumps({"type": "FeatureCollection", "features": stac_login.items}))
    x0, x1, y0, y1 = X0 + 2 * RES, X0 + 12 * RES, Y0 - 5 * RES, Y0 - 15 * RES
    stands = write_polygons(
        tmp_path / "stands.gpkg", [(1, f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))")],
        epsg=32610,
    )  # fmt: skip
    parameters = {
        "POLYGONS": str(stands), "ID_FIELD": "stand_id", "ITEMS": str(items), "BANDS": "nir", "STATS": [0],
        "OUTPUT": str(tmp_path / "stats.csv"),
    }  # fmt: skip
    with pytest.raises(QgsProcessingException):
        _run("timestack:zonalstats", parameters)
    written = _run("timestack:zonalstats", {**parameters, "AUTHCFG": store_login("X-API-Key:", SECRET)})
    rows = list(csv.DictReader(open(written["OUTPUT"], newline="")))
    assert rows and float(rows[0]["mean"]) == pytest.approx(0.32, abs=1e-4)
    assert SECRET not in Path(written["OUTPUT"]).read_text()


def test_the_search_tab_lists_a_stac_apis_collections_with_its_login(
    provider, qgis_iface, qgis_canvas, stac_login, store_login
):
    from timestack.gui.search_panel import SearchPanel

    _scene(stac_login)
    panel = SearchPanel(qgis_iface)
    panel.set_catalog(stac_login.url)

    def listed() -> str:
        panel.load_collections()
        wait_until(lambda: "Reading" not in panel.status.text())
        return panel.status.text()

    assert "AUTHCFG" in listed()
    panel.login.setConfigId(store_login("X-API-Key:", SECRET))
    assert listed() == "1 collections"
    assert [panel.collections.itemText(i) for i in range(panel.collections.count())] == ["landsat-c2-l2"]


def test_a_qgis_auth_method_other_than_basic_gives_the_header_it_adds(store_login):
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    from timestack.processing.algorithm import auth_login

    store_login("", "unused")  # the session's authentication database, unlocked
    config = QgsAuthMethodConfig("EsriToken")
    config.setName("Portal")
    config.setConfig("token", "t0k3n-s3cret")
    manager = QgsApplication.authManager()
    assert manager.storeAuthenticationConfig(config)
    try:
        login = auth_login(config.id())
        assert login.method == "EsriToken" and not login.error
        assert login.headers["X-Esri-Authorization"].strip() == "Bearer t0k3n-s3cret"
        assert "s3cret" not in repr(login)
    finally:
        manager.removeAuthenticationConfig(config.id())


def test_an_oauth2_login_of_qgis_searches_a_stac_api(provider, tmp_path, stac_login, store_login):
    """QGIS's OAuth2 method (resource-owner password grant) fetches the token from a loopback token
    endpoint; the search sends it as a bearer header."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from qgis.core import QgsApplication, QgsAuthMethodConfig

    grants = []

    class TokenEndpoint(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            grants.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())
            send_json(self, {"access_token": "oa-t0k3n", "token_type": "bearer", "expires_in": 3600})

    server = ThreadingHTTPServer(("127.0.0.1", 0), TokenEndpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    store_login("", "unused")  # the session's authentication database, unlocked
    oauth2 = {
        "accessMethod": 0, "apiKey": "", "clientId": "timestack", "clientSecret": "cl1ent-s3cret",
        "configType": 1, "customHeader": "", "description": "", "grantFlow": 2, "id": "", "name": "loopback",
        "objectName": "", "password": "pa55-s3cret", "persistToken": False, "queryPairs": {},
        "redirectPort": 7070,
        "redirectUrl": "", "refreshTokenUrl": "", "requestTimeout": 30, "requestUrl": "", "scope": "",
        "tokenUrl": f"http://127.0.0.1:{server.server_address[1]}/token", "username": "ana", "version": 1,
    }  # fmt: skip
    config = QgsAuthMethodConfig("OAuth2")
    config.setName("Loopback OAuth2")
    config.setConfig("oauth2config", json.dumps(oauth2))
    manager = QgsApplication.authManager()
    assert manager.storeAuthenticationConfig(config)
    west, south, east, north = _scene(stac_login)
    stac_login.required = {"Authorization": "Bearer oa-t0k3n"}
    try:
        feedback = Recorder()
        found = _run("timestack:searchscenes", {
            "CATALOG": stac_login.url, "EXTENT": f"{west},{east},{south},{north} [EPSG:4326]",
            "START_DATE": "2020-01-01", "END_DATE": "2020-12-31", "AUTHCFG": config.id(),
            "OUTPUT": str(tmp_path / "f.gpkg"), "OUTPUT_ITEMS": str(tmp_path / "i.json"),
        }, feedback)  # fmt: skip
    finally:
        manager.removeAuthenticationConfig(config.id())
        server.shutdown()
        server.server_close()
    assert found["COUNT"] == 1
    assert grants and "grant_type=password" in grants[0]
    assert "s3cret" not in "\n".join(feedback.lines) and "oa-t0k3n" not in "\n".join(feedback.lines)

"""STAC API backend against a real stac-fastapi-pgstac on loopback, and against faulty servers.

Every expectation is computed from pystac-client talking to the same server directly (or from the
recorded items), never hard-coded, so the tests pin "same scenes as the field library" behaviour.
"""

from __future__ import annotations

import http.server
import json
import threading
import time

import pytest
from pystac_client import Client

from tests.helpers.shared import STAC_FIXTURES
from tests.servers.loopback import send_json
from tests.servers.pgstac import PAGE_LIMIT, free_port, pgstac_api_fixture  # noqa: F401
from timestack.core.search import SceneQuery, SearchError, search_scenes
from timestack.core.search.query import bbox_polygon, doy_in_window
from timestack.core.search.stac_api import search_stac_api

#: Around Sentinel-2 tile 13TDE (Colorado), where the 100 recorded 2024 items lie.
TILE_13TDE = bbox_polygon((-105.6, 39.7, -105.0, 40.5))
CQL2_CLOUD = {"op": "<=", "args": [{"property": "eo:cloud_cover"}, 30.0]}


def direct_ids(url: str, **search) -> list:
    """Item ids pystac-client itself returns for the same search (its own paging)."""
    return [item.id for item in Client.open(url).search(limit=PAGE_LIMIT, **search).items()]


def sentinel2_2024(url: str):
    """Every Sentinel-2 item of 2024 over the tile, as pystac-client finds them."""
    search = Client.open(url).search(
        collections=["sentinel-2-l2a"],
        intersects=TILE_13TDE,
        datetime="2024-01-01/2024-12-31",
        limit=PAGE_LIMIT,
    )
    return search.item_collection()


def test_results_equal_pystac_client_across_pages_with_cloud_filter(pgstac_api):
    query = SceneQuery.create(
        TILE_13TDE, "2024-01-01", "2024-12-31", max_cloud=30, collections=["sentinel-2-l2a"]
    )
    ours = search_stac_api(pgstac_api.url, query, page_size=PAGE_LIMIT)
    theirs = direct_ids(
        pgstac_api.url,
        collections=["sentinel-2-l2a"],
        intersects=TILE_13TDE,
        datetime="2024-01-01/2024-12-31",
        filter=CQL2_CLOUD,
        filter_lang="cql2-json",
    )
    unfiltered = direct_ids(
        pgstac_api.url,
        collections=["sentinel-2-l2a"],
        intersects=TILE_13TDE,
        datetime="2024-01-01/2024-12-31",
    )
    assert len(theirs) > 2 * PAGE_LIMIT, "the query must span several pages"
    assert len(unfiltered) > len(theirs), "the cloud filter must drop some scenes"
    assert sorted(ours.ids) == sorted(theirs)
    assert all(r["cloud_cover"] <= 30 for r in ours.records())


def test_max_items_takes_the_earliest_scenes_in_date_order(pgstac_api):
    query = SceneQuery.create(
        TILE_13TDE, "2024-01-01", "2024-12-31", collections=["sentinel-2-l2a"], max_items=15
    )
    ours = search_stac_api(pgstac_api.url, query, page_size=PAGE_LIMIT)
    everything = sentinel2_2024(pgstac_api.url)
    earliest = sorted(everything, key=lambda i: (i.datetime, i.id))[:15]
    assert ours.ids == [i.id for i in earliest]


def test_day_of_year_window_wrapping_the_new_year_keeps_only_winter_scenes(pgstac_api):
    query = SceneQuery.create(
        TILE_13TDE, "2024-01-01", "2024-12-31", doy_start=300, doy_end=60, collections=["sentinel-2-l2a"]
    )
    ours = search_stac_api(pgstac_api.url, query, page_size=PAGE_LIMIT)
    everything = sentinel2_2024(pgstac_api.url)
    expected = {i.id for i in everything if doy_in_window(i.datetime.timetuple().tm_yday, 300, 60)}
    assert expected and len(expected) < len(everything)
    assert set(ours.ids) == expected


def test_aoi_in_a_projected_crs_finds_the_same_scenes_as_in_wgs84(pgstac_api):
    # The same area in UTM 13N (EPSG:32613): corners of TILE_13TDE's interior.
    from rasterio.warp import transform_geom

    inner = bbox_polygon((-105.4, 39.9, -105.2, 40.1))
    utm = transform_geom("EPSG:4326", "EPSG:32613", inner)
    in_utm = SceneQuery.create(utm, "2024-06-01", "2024-08-31", aoi_crs="EPSG:32613")
    in_wgs84 = SceneQuery.create(inner, "2024-06-01", "2024-08-31")
    assert in_utm.bbox == pytest.approx(in_wgs84.bbox, abs=1e-6)
    assert search_stac_api(pgstac_api.url, in_utm).ids == search_stac_api(pgstac_api.url, in_wgs84).ids


def test_no_results_is_an_empty_result_not_an_error(pgstac_api):
    query = SceneQuery.create(TILE_13TDE, "1990-01-01", "1990-12-31")
    result = search_scenes(pgstac_api.url, query)
    assert len(result) == 0 and result.records() == []


def test_unknown_collection_names_the_parameter_and_what_exists(pgstac_api):
    query = SceneQuery.create(TILE_13TDE, "2024-01-01", "2024-12-31", collections=["landsat-c9-l9"])
    with pytest.raises(SearchError, match="landsat-c9-l9.*landsat-c2-l2") as error:
        search_stac_api(pgstac_api.url, query)
    assert error.value.parameter == "COLLECTIONS"


class _Faulty(http.server.BaseHTTPRequestHandler):
    """Answers every request with ``status`` after ``delay`` seconds."""

    status = 500
    delay = 0.0

    def do_GET(self):  # noqa: N802 - http.server's name
        time.sleep(self.delay)
        try:
            self.send_response(self.status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"code": "InternalError", "description": "database went away"}')
        except OSError:  # the client gave up (timeout test)
            pass

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args):
        pass


@pytest.fixture
def faulty_server():
    servers = []

    def start(status=500, delay=0.0):
        handler = type("Handler", (_Faulty,), {"status": status, "delay": delay})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


QUERY = SceneQuery.create(TILE_13TDE, "2024-01-01", "2024-12-31")


def test_server_down_says_it_cannot_be_reached():
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(SearchError, match="cannot be reached") as error:
        search_stac_api(url, QUERY, timeout=2)
    assert error.value.parameter == "CATALOG" and url in str(error.value)


def test_http_500_reports_the_status(faulty_server):
    with pytest.raises(SearchError, match="HTTP error 500") as error:
        search_stac_api(faulty_server(500), QUERY, timeout=5)
    assert error.value.parameter == "CATALOG"


def test_slow_server_past_the_timeout_reports_the_timeout(faulty_server):
    url = faulty_server(200, delay=3.0)
    started = time.monotonic()
    with pytest.raises(SearchError, match=r"did not answer within 0\.5 s"):
        search_stac_api(url, QUERY, timeout=0.5)
    assert time.monotonic() - started < 3.0 * 3, (
        "the timeout (with pystac-client's retries) must bound the wait"
    )


def test_a_non_stac_url_is_refused_with_the_parameter_named():
    with pytest.raises(SearchError, match="CATALOG"):
        search_scenes("ftp://example.org/catalog", QUERY)


class _MalformedItems(http.server.BaseHTTPRequestHandler):
    """A STAC API landing page whose search answers with an item lacking its required fields."""

    def do_GET(self):  # noqa: N802 - http.server's name
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path.startswith("/search"):
            body = {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "broken"}]}
        else:
            body = {
                "type": "Catalog", "id": "faulty", "description": "malformed items", "stac_version": "1.0.0",
                "conformsTo": ["https://api.stacspec.org/v1.0.0/core", "https://api.stacspec.org/v1.0.0/item-search"],
                "links": [
                    {"rel": "self", "href": f"{base}/", "type": "application/json"},
                    {"rel": "root", "href": f"{base}/", "type": "application/json"},
                    {"rel": "search", "href": f"{base}/search", "type": "application/geo+json"},
                ],
            }  # fmt: skip
        send_json(self, body)

    do_POST = do_GET  # noqa: N815 - pystac-client searches by POST

    def log_message(self, *args):
        pass


def test_malformed_item_json_is_reported_not_half_used():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _MalformedItems)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        with pytest.raises(SearchError, match="did not return valid STAC") as error:
            search_stac_api(url, QUERY, timeout=5)
        assert error.value.parameter == "CATALOG"
    finally:
        server.shutdown()
        server.server_close()


def test_requester_pays_is_noted_only_for_results_in_such_buckets():
    import pystac

    from timestack.core.search.presets import EARTH_SEARCH, PLANETARY_COMPUTER
    from timestack.core.search.stac_api import S3_NOTE, _notes

    def items(name):
        return [pystac.Item.from_dict(f) for f in json.loads((STAC_FIXTURES / name).read_text())["features"]]

    assert _notes(EARTH_SEARCH.url, items("es_landsat.json")) == [EARTH_SEARCH.note]
    assert _notes(EARTH_SEARCH.url, items("es_s2.json")) == [S3_NOTE]  # JP2s in s3://sentinel-s2-l2a
    assert _notes(PLANETARY_COMPUTER.url, items("pc_landsat.json")) == [PLANETARY_COMPUTER.note]
    assert _notes("http://127.0.0.1:1/stac", items("es_landsat.json")) == [S3_NOTE]


def _scene_in_13tde(item_id: str, day: str) -> dict:
    """A minimal Landsat item over tile 13TDE acquired on ``day``."""
    ring = [[-106, 39], [-104, 39], [-104, 41], [-106, 41], [-106, 39]]
    return {"type": "Feature", "stac_version": "1.0.0", "id": item_id, "collection": "landsat-c2-l2",
            "geometry": {"type": "Polygon", "coordinates": [ring]}, "bbox": [-106, 39, -104, 41],
            "properties": {"datetime": f"{day}T10:00:00Z"}, "links": [], "assets": {}}  # fmt: skip


def test_a_catalog_whose_next_link_never_advances_stops_with_the_scenes_it_sent():
    """The same page linking to itself forever was read until cancelled, the scenes piling up."""
    from tests.servers.odd_stac import odd_stac_api

    with odd_stac_api() as api:
        api.endless, api.page_size = True, 2
        api.items = [_scene_in_13tde(f"scene_{n}", "2024-07-01") for n in range(3)]
        query = SceneQuery.create(TILE_13TDE, "2024-01-01", "2024-12-31")
        result = search_stac_api(api.url, query, timeout=5)
    assert result.ids == ["scene_0", "scene_1"]  # the first page, served again and again
    assert len(api.searches) == 4 and "repeats earlier ones" in result.notes[-1]


def test_max_items_counts_a_scene_the_catalog_sends_twice_once():
    """A sorted catalog repeating its first page: the repeats counted towards MAX_ITEMS, so the search
    stopped with two scenes where three were asked for and the catalog had them."""
    from tests.servers.odd_stac import odd_stac_api

    def item(day: int) -> dict:
        return _scene_in_13tde(f"scene_{day}", f"2024-07-0{day}")

    with odd_stac_api() as api:
        api.sortable, api.page_size = True, 2
        api.items = [item(1), item(2), item(1), item(2), item(3), item(4)]
        query = SceneQuery.create(TILE_13TDE, "2024-01-01", "2024-12-31", max_items=3)
        result = search_stac_api(api.url, query, timeout=5)
    assert result.ids == ["scene_1", "scene_2", "scene_3"]
    assert len(api.searches) == 3  # it stops once three scenes are in


def test_a_scene_without_acquisition_time_is_left_out_with_a_note_not_failing_the_search():
    """One item of the catalog has neither datetime nor a start and end: pystac refuses it, and with it
    used to go the whole search ('did not return valid STAC')."""
    from tests.servers.odd_stac import odd_stac_api

    timeless = _scene_in_13tde("timeless", "2024-07-02")
    timeless["properties"]["datetime"] = None
    with odd_stac_api() as api:
        api.page_size = 2
        first, last = _scene_in_13tde("scene_1", "2024-07-01"), _scene_in_13tde("scene_3", "2024-07-03")
        api.items = [first, timeless, last]
        result = search_stac_api(api.url, QUERY, timeout=5)
    assert result.ids == ["scene_1", "scene_3"]
    assert "1 scene(s) that are not valid STAC" in result.notes[-1] and "timeless" in result.notes[-1]


def test_a_login_in_the_catalog_address_is_refused_without_repeating_it():
    """https://user:password@host/ reached the server as Basic auth, and the password every message,
    log line and ItemCollection that names the catalog."""
    with pytest.raises(SearchError) as caught:
        search_stac_api("http://analyst:s3cr3t-pass@127.0.0.1:9/api/v1", QUERY, timeout=5)
    assert caught.value.parameter == "AUTHCFG"
    assert "s3cr3t-pass" not in str(caught.value) and "analyst" not in str(caught.value)
    assert "http://127.0.0.1:9/api/v1" in str(caught.value)

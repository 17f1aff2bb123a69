"""ASTER search: Planetary Computer's ``aster-l1t`` on a real STAC API (stac-fastapi-pgstac on loopback)
holding items in the published shape, and NASA CMR's AST_L1T granules (UMM-G) from a loopback CMR that
answers like CMR does, both with the scene cloud cover as the MAX_CLOUD filter.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from tests.helpers.aster import aster_item
from tests.servers.pgstac import running_pgstac
from timestack.core.search import SceneQuery
from timestack.core.search.earthdata import cmr_parameters, search_earthdata
from timestack.core.search.presets import EARTHDATA, PLANETARY_COMPUTER
from timestack.core.search.query import bbox_polygon
from timestack.core.search.stac_api import search_stac_api

#: Scenes of 2004 over the helper's scene (UTM 11N, Nevada), with their cloud cover.
CLOUDS = {"05": 5.0, "06": 45.0, "07": 12.0, "08": 80.0}
AREA = bbox_polygon((-117.7, 37.0, -117.6, 37.1))


def aster_items() -> list:
    items = []
    for month, cloud in CLOUDS.items():
        scene = f"AST_L1T_003{month}152004183512_20150503105520_{month}"
        paths = {s: f"https://example.invalid/{scene}-{s}.tif" for s in ("VNIR", "SWIR", "TIR")}
        items.append(aster_item(scene, dt.datetime(2004, int(month), 15, 18, 35, 12), paths, cloud=cloud))
    return items


ASTER_COLLECTION = {
    "type": "Collection",
    "stac_version": "1.0.0",
    "id": "aster-l1t",
    "title": "ASTER L1T",
    "description": "ASTER L1T Radiance (LP DAAC AST_L1T v003) as COGs per subsystem.",
    "license": "proprietary",
    "extent": {
        "spatial": {"bbox": [[-180, -90, 180, 90]]},
        "temporal": {"interval": [["2000-03-04T12:00:00Z", "2006-12-31T12:00:00Z"]]},
    },
    "links": [],
}


@pytest.fixture(scope="module")
def aster_api(tmp_path_factory):
    ndjson = tmp_path_factory.mktemp("aster-pgstac") / "items.ndjson"
    ndjson.write_text("\n".join(json.dumps(item) for item in aster_items()) + "\n")
    with running_pgstac([ASTER_COLLECTION], ndjson) as (url, _dsn):
        yield url


def test_presets_offer_aster_on_planetary_computer_and_earthdata():
    assert "aster-l1t" in PLANETARY_COMPUTER.collections
    assert {"AST_L1T", "AST_07XT", "AST_08", "AST_09T", "AST14DEM"} <= set(EARTHDATA.collections)


def test_aster_l1t_search_filters_on_scene_cloud_cover(aster_api):
    query = SceneQuery.create(AREA, "2004-01-01", "2004-12-31", max_cloud=20, collections=["aster-l1t"])
    result = search_stac_api(aster_api, query)
    assert sorted(r["cloud_cover"] for r in result.records()) == [5.0, 12.0]
    unfiltered = search_stac_api(
        aster_api, SceneQuery.create(AREA, "2004-01-01", "2004-12-31", collections=["aster-l1t"])
    )
    assert len(unfiltered) == len(CLOUDS)
    item = result.item_collection().items[0]
    assert {"VNIR", "SWIR", "TIR"} <= set(item.assets)
    assert item.properties["aster:lower_left_quad_cloud_cover"] == item.properties["eo:cloud_cover"]
    assert [b["name"] for b in item.assets["TIR"].extra_fields["eo:bands"]][-1] == "TIR_Band14"


def umm_granule(number: int, cloud: float) -> dict:
    """An AST_L1T granule as CMR's granules.umm_json lists it (UMM-G 1.6 fields)."""
    name = f"AST_L1T_00305{number:02d}2004183512_20150503105520_{number}"
    base = f"https://data.lpdaac.earthdatacloud.nasa.gov/lp-prod-protected/AST_L1T.003/{name}/{name}"
    points = [(-117.8, 36.9), (-117.5, 36.9), (-117.5, 37.2), (-117.8, 37.2), (-117.8, 36.9)]
    return {
        "meta": {
            "concept-id": f"G{2000000000 + number}-LPCLOUD",
            "native-id": name,
            "provider-id": "LPCLOUD",
        },
        "umm": {
            "GranuleUR": name,
            "TemporalExtent": {
                "RangeDateTime": {
                    "BeginningDateTime": f"2004-05-{number:02d}T18:35:12.000Z",
                    "EndingDateTime": f"2004-05-{number:02d}T18:35:21.000Z",
                }
            },
            "SpatialExtent": {
                "HorizontalSpatialDomain": {
                    "Geometry": {
                        "GPolygons": [
                            {"Boundary": {"Points": [{"Longitude": x, "Latitude": y} for x, y in points]}}
                        ]
                    }
                }
            },
            "CloudCover": cloud,
            "Platforms": [{"ShortName": "Terra", "Instruments": [{"ShortName": "ASTER"}]}],
            "CollectionReference": {"ShortName": "AST_L1T", "Version": "003"},
            "RelatedUrls": [
                {"URL": f"{base}.hdf", "Type": "GET DATA"},
                {"URL": f"{base}.hdf.xml", "Type": "EXTENDED METADATA"},
                {"URL": f"{base}_QA.txt", "Type": "GET DATA"},
                {"URL": f"{base}.VNIR.jpg", "Type": "GET RELATED VISUALIZATION"},
            ],
        },
    }


@pytest.fixture()
def aster_cmr():
    """A loopback CMR: granules.umm_json of AST_L1T, ``cloud_cover=min,max`` applied as CMR applies it."""
    granules = [umm_granule(n, c) for n, c in ((3, 5.0), (10, 35.0), (17, 0.0), (24, 90.0))]
    asked = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 - http.server's name
            query = parse_qs(urlparse(self.path).query)
            asked.append(query)
            chosen = [
                g
                for g in granules
                if query.get("short_name") == [g["umm"]["CollectionReference"]["ShortName"]]
            ]
            if "cloud_cover" in query:
                low, high = (float(v) for v in query["cloud_cover"][0].split(","))
                chosen = [g for g in chosen if low <= g["umm"]["CloudCover"] <= high]
            page = [] if query.get("page_size") == ["0"] else chosen
            body = json.dumps({"hits": len(chosen), "took": 5, "items": page}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/vnd.nasa.cmr.umm_results+json;version=1.6.5")
            self.send_header("CMR-Hits", str(len(chosen)))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/search/", asked
    finally:
        server.shutdown()
        server.server_close()


def test_ast_l1t_granules_from_cmr_carry_cloud_cover_and_their_hdf(aster_cmr):
    pytest.importorskip("earthaccess")
    url, asked = aster_cmr
    query = SceneQuery.create(AREA, "2004-05-01", "2004-05-31", max_cloud=40, collections=["AST_L1T"])
    assert cmr_parameters(query, "AST_L1T")["cloud_cover"] == (0, 40)
    result = search_earthdata(query, cmr_url=url, timeout=5)
    assert any(q.get("cloud_cover") == ["0,40.0"] for q in asked), "the cloud limit went to CMR"
    records = result.records()
    assert sorted(r["cloud_cover"] for r in records) == [0.0, 5.0, 35.0]
    item = result.item_collection().items[0]
    assert item.collection_id == "AST_L1T" and item.properties["platform"] == "Terra"
    assert item.properties["instruments"] == ["ASTER"]
    assert item.assets["hdf"].href.endswith(".hdf")
    assert "earthdata:concept_id" in item.properties

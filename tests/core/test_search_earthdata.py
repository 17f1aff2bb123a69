"""Earthdata backend: real CMR answers recorded by earthaccess (cassettes in its sdist), replayed by vcrpy.

The cassettes are not ours: the source distribution (what ``pip download --no-binary :all:
earthaccess`` fetches) matching the installed earthaccess, whose tests/unit/fixtures/vcr_cassettes hold
recorded CMR responses. They are cached under build/earthaccess-sdist.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import socket
import tarfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import vcr
import yaml
from shapely.geometry import shape

from timestack.core.search import SceneQuery, SearchError, search_scenes
from timestack.core.search.earthdata import cmr_parameters, granule_to_item
from timestack.core.search.query import bbox_polygon

earthaccess = pytest.importorskip("earthaccess")
ROOT = Path(__file__).resolve().parents[2]
CASSETTE_DIR = "tests/unit/fixtures/vcr_cassettes"


def download_sdist(name: str, wanted: str, folder: Path) -> Path:
    """The source distribution of ``name==wanted`` from PyPI, checked against PyPI's sha256.

    Fetched through PyPI's simple index (PEP 691 JSON) rather than ``pip download --no-binary``, which
    would build every build backend from source just to read metadata the archive already has.
    """
    request = urllib.request.Request(
        f"https://pypi.org/simple/{name}/", headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        files = json.load(answer)["files"]
    sdist = next(entry for entry in files if entry["filename"] == f"{name}-{wanted}.tar.gz")
    archive = folder / sdist["filename"]
    with urllib.request.urlopen(sdist["url"], timeout=120) as answer:
        payload = answer.read()
    if hashlib.sha256(payload).hexdigest() != sdist["hashes"]["sha256"]:
        raise RuntimeError(f"{sdist['url']} does not match PyPI's sha256")
    archive.write_bytes(payload)
    return archive


@pytest.fixture(scope="session")
def cassettes() -> Path:
    """The folder of earthaccess's recorded CMR cassettes, from its source distribution."""
    from importlib.metadata import version

    wanted = version("earthaccess")
    cache = ROOT / "build" / "earthaccess-sdist" / wanted
    target = cache / "cassettes"
    if not (target / "TestResults.test_get.yaml").exists():
        cache.mkdir(parents=True, exist_ok=True)
        archive = download_sdist("earthaccess", wanted, cache)
        partial = cache / "cassettes.partial"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                if f"/{CASSETTE_DIR}/" in member.name and member.name.endswith(".yaml"):
                    member.name = Path(member.name).name
                    tar.extract(member, partial)
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
    return target


def _hits_or_page(ours, recorded) -> None:
    """vcrpy matcher: a CMR hits request (page_size=0) only plays a recorded hits answer, a page a page."""

    def is_hits(request):
        return parse_qs(urlparse(request.uri).query).get("page_size") == ["0"]

    assert is_hits(ours) == is_hits(recorded)


def replayer(cassettes: Path, **options) -> vcr.VCR:
    """Replay matching method and path, CMR hits with hits and pages with pages; never record."""
    replay = vcr.VCR(cassette_library_dir=str(cassettes), record_mode="none", **options)
    replay.register_matcher("hits_or_page", _hits_or_page)
    return replay


def recorded_granules(cassette: Path) -> list:
    """The granules of a cassette's result pages, read straight from the YAML."""
    interactions = yaml.safe_load(cassette.read_text())["interactions"]
    granules = []
    for interaction in interactions:
        if "page_size=0" not in interaction["request"]["uri"]:
            granules += json.loads(interaction["response"]["body"]["string"])["items"]
    return granules


def test_query_translates_to_the_recorded_cmr_request_and_no_results_is_not_an_error(cassettes):
    # earthaccess's own test_no_results query: a bbox and a month over Houston, a wrong short name.
    query = SceneQuery.create(
        bbox_polygon((-95.19, 30.59, -94.99, 30.79)),
        "2024-04-30",
        "2024-05-31",
        collections=["OPERA_L3_DSWX-HLS_V1_1.0"],
    )
    replay = vcr.VCR(
        cassette_library_dir=str(cassettes),
        record_mode="none",
        match_on=["method", "scheme", "host", "path", "query"],
    )
    with replay.use_cassette("TestResults.test_no_results.yaml", allow_playback_repeats=True) as cassette:
        result = search_scenes("earthdata", query)
        assert cassette.play_count >= 1, "the request matched the recorded one exactly"
    assert len(result) == 0
    named = "COLLECTIONS: no granules for OPERA_L3_DSWX-HLS_V1_1.0"
    assert any(note.startswith(named) and "short names" in note for note in result.notes)


def test_recorded_modis_granules_become_stac_items(cassettes):
    granules = recorded_granules(cassettes / "TestResults.test_get.yaml")
    query = SceneQuery.create(
        bbox_polygon((-180, -90, 180, 90)),
        "2000-01-01",
        "2030-12-31",
        collections=["MOD02QKM"],
        max_items=2000,
    )
    # Replay on method, path and hits-or-page only, then check what was asked for: the translation is ours.
    asked = []

    def capture(request):
        asked.append(parse_qs(urlparse(request.uri).query))
        return request

    replay = replayer(cassettes, match_on=["method", "path", "hits_or_page"], before_record_request=capture)
    with replay.use_cassette("TestResults.test_get.yaml"):
        result = search_scenes("earthdata", query)
    assert all(a["short_name"] == ["MOD02QKM"] for a in asked)
    assert asked[-1]["page_size"] == ["2000"] and asked[-1]["bounding_box"] == ["-180.0,-90.0,180.0,90.0"]
    assert asked[-1]["temporal[]"] == ["2000-01-01T00:00:00Z,2030-12-31T23:59:59Z"]

    assert len(result) == len(granules) == 2000, "every recorded granule, none twice"
    assert set(result.ids) == {g["umm"]["GranuleUR"] for g in granules}
    first = next(i for i in result.items if i.id == granules[0]["umm"]["GranuleUR"])
    umm = granules[0]["umm"]
    assert first.properties["platform"] == umm["Platforms"][0]["ShortName"] == "Terra"
    assert first.collection_id == "MOD02QKM"
    assert first.properties["start_datetime"] == umm["TemporalExtent"]["RangeDateTime"]["BeginningDateTime"]
    ring = umm["SpatialExtent"]["HorizontalSpatialDomain"]["Geometry"]["GPolygons"][0]["Boundary"]["Points"]
    assert shape(first.geometry).area == pytest.approx(
        shape({"type": "Polygon", "coordinates": [[(p["Longitude"], p["Latitude"]) for p in ring]]}).area
    )
    assert all(a.href.startswith("https://") for a in first.assets.values()) and first.assets


def test_day_of_year_window_applies_to_granule_start_times(cassettes):
    # GRACE land mass grids: 163 monthly granules; hits equal results, so reading "all" replays exactly.
    granules = recorded_granules(cassettes / "TestResults.test_get_all_less_than_2k.yaml")
    items = [granule_to_item(earthaccess.results.DataGranule(g)) for g in granules]
    query = SceneQuery.create(
        bbox_polygon((-10, 30, 40, 60)),
        "2000-01-01",
        "2030-12-31",
        collections=["TELLUS_GRAC_L3_JPL_RL06_LND_v04"],
        doy_start=335,
        doy_end=31,
    )
    replay = replayer(cassettes, match_on=["method", "path", "hits_or_page"])
    with replay.use_cassette("TestResults.test_get_all_less_than_2k.yaml", allow_playback_repeats=True):
        result = search_scenes("earthdata", query)
    expected = {i.id for i in items if not 31 < i.datetime.timetuple().tm_yday < 335}
    assert 0 < len(expected) < len(items)
    assert set(result.ids) == expected
    assert all(i.geometry["type"] in ("Polygon", "MultiPolygon") for i in result.items)


def test_cmr_parameters_carry_the_cloud_limit_and_read_all_before_a_day_of_year_window():
    query = SceneQuery.create(
        bbox_polygon((1, 2, 3, 4)),
        "2024-01-01",
        "2024-12-31",
        max_cloud=20,
        doy_start=100,
        doy_end=200,
        max_items=10,
        collections=["HLSL30"],
    )
    parameters = cmr_parameters(query, "HLSL30")
    assert parameters["cloud_cover"] == (0, 20.0) and parameters["count"] == -1, "all, then the DOY window"
    assert (
        cmr_parameters(
            SceneQuery.create(bbox_polygon((1, 2, 3, 4)), "2024-01-01", "2024-12-31", max_items=10), "HLSL30"
        )["count"]
        == 10
    )


def test_earthdata_without_collections_names_the_parameter():
    from timestack.core.search import SearchError

    with pytest.raises(SearchError, match="COLLECTIONS.*HLSL30"):
        search_scenes("earthdata", SceneQuery.create(bbox_polygon((1, 2, 3, 4)), "2024-01-01", "2024-12-31"))


@pytest.fixture()
def silent_proxy(monkeypatch):
    """All HTTPS goes through a loopback proxy that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{server.getsockname()[1]}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    yield
    server.close()


def test_cmr_down_is_a_clear_catalog_error(monkeypatch):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")  # nothing listens there
    monkeypatch.delenv("NO_PROXY", raising=False)
    query = SceneQuery.create(bbox_polygon((1, 2, 3, 4)), "2024-01-01", "2024-01-31", collections=["HLSL30"])
    with pytest.raises(SearchError, match="CATALOG earthdata: NASA CMR cannot be reached") as error:
        search_scenes("earthdata", query, timeout=20)
    assert error.value.parameter == "CATALOG"


def test_cmr_slower_than_the_timeout_names_the_timeout(silent_proxy):
    query = SceneQuery.create(bbox_polygon((1, 2, 3, 4)), "2024-01-01", "2024-01-31", collections=["HLSL30"])
    started = time.monotonic()
    with pytest.raises(SearchError, match="TIMEOUT: NASA CMR did not answer within 1 s") as error:
        search_scenes("earthdata", query, timeout=1)
    assert error.value.parameter == "TIMEOUT"
    assert time.monotonic() - started < 10


def test_a_login_never_shows_its_secret():
    from timestack.core.search.earthdata import EarthdataLogin

    assert "s3cret" not in repr(EarthdataLogin("ana", "s3cret"))


def test_a_token_login_searches_cmr_with_the_bearer_token(cassettes):
    from timestack.core.search.earthdata import EarthdataLogin

    query = SceneQuery.create(
        bbox_polygon((-95.19, 30.59, -94.99, 30.79)),
        "2024-04-30",
        "2024-05-31",
        collections=["OPERA_L3_DSWX-HLS_V1_1.0"],
    )
    sent = []

    def outgoing(request):
        sent.append(request.headers.get("Authorization"))
        return request

    replay = vcr.VCR(
        cassette_library_dir=str(cassettes),
        record_mode="none",
        match_on=["method", "scheme", "host", "path", "query"],
        before_record_request=outgoing,
    )
    with replay.use_cassette("TestResults.test_no_results.yaml", allow_playback_repeats=True) as cassette:
        recorded = len(sent)  # the hook also sees the cassette's own requests as it loads them
        search_scenes("earthdata", query, earthdata_login=EarthdataLogin("", "user-token-123"))
        assert cassette.play_count >= 1
    ours = sent[recorded:]
    assert ours and all(header == "Bearer user-token-123" for header in ours)


def test_password_login_failure_names_authcfg_and_hides_the_password(monkeypatch):
    from timestack.core.search.earthdata import EarthdataLogin

    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")  # Earthdata Login is unreachable
    monkeypatch.delenv("NO_PROXY", raising=False)
    query = SceneQuery.create(bbox_polygon((1, 2, 3, 4)), "2024-01-01", "2024-01-31", collections=["HLSL30"])
    with pytest.raises(SearchError, match="AUTHCFG: Earthdata Login refused or could not be") as error:
        search_scenes("earthdata", query, timeout=20, earthdata_login=EarthdataLogin("ana", "s3cret-pw"))
    assert error.value.parameter == "AUTHCFG" and "s3cret-pw" not in str(error.value)


def test_the_bearer_header_goes_with_this_threads_gdal_requests_only():
    import threading

    from osgeo import gdal

    from timestack.core.io.grid import http_headers
    from timestack.core.search.earthdata import EarthdataLogin, bearer_header, earthdata_auth

    header = bearer_header(earthdata_auth(EarthdataLogin("", "user-token-123")))
    assert header == "Authorization: Bearer user-token-123"
    elsewhere = {}

    def look() -> None:
        elsewhere["seen"] = gdal.GetConfigOption("GDAL_HTTP_HEADERS")

    with http_headers(header):
        assert gdal.GetConfigOption("GDAL_HTTP_HEADERS") == header
        thread = threading.Thread(target=look)
        thread.start()
        thread.join()
    assert elsewhere["seen"] is None, "another thread's requests (other hosts) do not get the token"
    assert gdal.GetConfigOption("GDAL_HTTP_HEADERS") is None


#: GRACE land mass grids: a hits answer and one page of 163 granules, recorded from the real CMR.
GRACE = "TestResults.test_get_all_less_than_2k.yaml"
GRANULES = "/search/granules.umm_json"


@pytest.fixture()
def faulty_cmr(cassettes):
    """The recorded CMR on loopback behind a proxy that fails on purpose: (CMR search root, the plan)."""
    from tests.servers.cmr import recorded_cmr
    from tests.servers.faults import faulty_proxy

    with recorded_cmr(cassettes / GRACE) as upstream, faulty_proxy(upstream) as (url, faults):
        yield f"{url}/search/", faults


def _grace(cmr_url: str, timeout: float = 5, **options):
    from timestack.core.search.earthdata import search_earthdata

    query = SceneQuery.create(
        bbox_polygon((-180, -90, 180, 90)),
        "2000-01-01",
        "2030-12-31",
        collections=["TELLUS_GRAC_L3_JPL_RL06_LND_v04"],
        **options,
    )
    return search_earthdata(query, timeout=timeout, cmr_url=cmr_url)


@pytest.mark.parametrize(
    "faults_served",
    [("500",), ("503", "503"), ("502", "429"), ("stall",)],
    ids=["500-then-healthy", "503-twice", "502-and-429", "stall"],
)
def test_a_busy_or_stalled_cmr_is_asked_again_and_gives_what_a_healthy_one_gives(
    cassettes, faulty_cmr, faults_served
):
    url, faults = faulty_cmr
    healthy = _grace(url)
    assert len(healthy) == len(recorded_granules(cassettes / GRACE)) == 163
    faults.plan(GRANULES, *faults_served)
    started = time.monotonic()
    found = _grace(url, timeout=2)
    elapsed = time.monotonic() - started
    assert found.ids == healthy.ids
    for fault in set(faults_served):
        assert faults.count(GRANULES, fault) == faults_served.count(fault)
    assert faults.count(GRANULES, "ok") == 4, "hits and page, healthy then after the faults"
    if "429" in faults_served:
        assert elapsed >= 1.0, "the 429's Retry-After: 1 was honoured"
    if "stall" in faults_served:
        assert 2.0 <= elapsed < 8, "one timeout, then asked again (not the stall's 8 s)"


def test_a_truncated_cmr_answer_is_a_clear_catalog_error(faulty_cmr):
    url, faults = faulty_cmr
    faults.plan(GRANULES, "truncate")  # the page: with MAX_ITEMS no hits request goes first
    with pytest.raises(SearchError, match="CATALOG earthdata: NASA CMR sent an incomplete") as error:
        _grace(url, max_items=500)
    assert error.value.parameter == "CATALOG"
    assert faults.count(GRANULES, "truncate") == 1
    assert len(_grace(url, max_items=500)) == 163, "the next search reads the whole answer"


def test_a_cmr_that_stays_down_or_silent_is_a_clear_error_after_bounded_retries(faulty_cmr):
    url, faults = faulty_cmr
    faults.plan(GRANULES, "503", forever=True)
    started = time.monotonic()
    with pytest.raises(SearchError, match="CATALOG earthdata: NASA CMR answered with HTTP error 503") as down:
        _grace(url)
    assert down.value.parameter == "CATALOG"
    assert faults.count(GRANULES, "503") == 5, "the first request and four retries"
    assert time.monotonic() - started < 20, "backoff (0 + 1 + 2 + 4 s), not a hang"

    faults.plan(GRANULES, "stall", forever=True)
    started = time.monotonic()
    with pytest.raises(SearchError, match="TIMEOUT: NASA CMR did not answer within 1 s") as error:
        _grace(url, timeout=1)
    assert error.value.parameter == "TIMEOUT"
    assert faults.count(GRANULES, "stall") == 2, "a timed-out request is asked once more"
    assert time.monotonic() - started < 5

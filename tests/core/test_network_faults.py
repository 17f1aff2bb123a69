"""Network faults, served on purpose by a loopback server: the real STAC API behind a failing proxy, and
COGs behind a failing file server. Passing faults are retried to the result a healthy network gives;
a scene that stays unreadable is skipped and named; a catalog that does not answer is a clear error."""

from __future__ import annotations

import copy
import time
from pathlib import Path

import numpy as np
import pytest
import rasterio

from tests.helpers.scenes import july_scenes, run, served_items
from tests.servers.faults import faulty_files, faulty_proxy
from tests.servers.pgstac import pgstac_api_fixture  # noqa: F401
from timestack.core.io import grid
from timestack.core.search import SceneQuery, SearchError, search_scenes

#: Everywhere: every recorded Landsat item the API holds.
WORLD = {"type": "Polygon", "coordinates": [[[-180, -85], [180, -85], [180, 85], [-180, 85], [-180, -85]]]}


def _query(server) -> SceneQuery:
    return SceneQuery.create(WORLD, "1980-01-01", "2030-12-31", collections=["landsat-c2-l2"])


def test_a_busy_stac_api_is_asked_again_and_gives_what_a_healthy_one_gives(pgstac_api):
    expected = search_scenes(pgstac_api.url, _query(pgstac_api)).ids
    with faulty_proxy(pgstac_api.url) as (url, faults):
        faults.plan("/search", "503", "429", "502")
        faults.plan("/collections", "500")
        found = search_scenes(url, _query(pgstac_api)).ids
    assert found == expected
    assert faults.count("/search", "503") == faults.count("/search", "429") == 1
    assert faults.count("/search", "ok") >= 1 and faults.count("/collections", "500") == 1


def test_a_stac_api_that_keeps_failing_or_stops_answering_is_a_clear_error(pgstac_api):
    with faulty_proxy(pgstac_api.url) as (url, faults):
        faults.plan("/search", "500", forever=True)
        started = time.monotonic()
        with pytest.raises(SearchError, match="CATALOG.*HTTP error 500") as raised:
            search_scenes(url, _query(pgstac_api))
        assert raised.value.parameter == "CATALOG"
        assert time.monotonic() - started < 30  # backoff, not a hang
        assert faults.count("/search", "500") == 5  # the first request and four retries
    with faulty_proxy(pgstac_api.url) as (url, faults):
        faults.plan("/", "stall", forever=True)
        with pytest.raises(SearchError, match="did not answer within 2 s"):
            search_scenes(url, _query(pgstac_api), timeout=2)


def test_remote_reads_retry_passing_faults_and_skip_and_name_a_scene_that_stays_unreadable(tmp_path):
    folder = tmp_path / "served"
    items = july_scenes(folder)
    local = run(tmp_path / "local", [items[0], items[2]], method="mean", allowed_roots=[folder])
    with rasterio.open(local.stack) as src:
        expected = src.read()
    with faulty_files(folder) as (url, faults):
        served = served_items(folder, url, copy.deepcopy(items))
        red = "/" + Path(items[0]["assets"]["red"]["href"]).relative_to(folder).as_posix()
        qa = "/" + Path(items[1]["assets"]["qa_pixel"]["href"]).relative_to(folder).as_posix()
        faults.plan(red, "503", "429")  # passing: asked again
        faults.plan(qa, "500", forever=True)  # lasting: the scene is skipped
        result = run(tmp_path / "remote", served, method="mean")
    assert faults.count(red, "503") == faults.count(red, "429") == 1 and faults.count(red, "ok") >= 1
    assert [entry["id"] for entry in result.skipped] == ["LC08_13"]
    assert "500" in result.skipped[0]["reason"] or "HTTP" in result.skipped[0]["reason"]
    with rasterio.open(result.stack) as src:
        np.testing.assert_array_equal(src.read(), expected)


@pytest.mark.parametrize("fault", ["truncate", "corrupt", "stall"])
def test_a_truncated_corrupt_or_stalled_file_skips_its_scene_by_name(tmp_path, monkeypatch, fault):
    monkeypatch.setitem(grid.REMOTE_GDAL_OPTIONS, "GDAL_HTTP_TIMEOUT", "1")  # a stall gives up in 1 s
    folder = tmp_path / "served"
    with faulty_files(folder) as (url, faults):
        items = served_items(folder, url, july_scenes(folder))
        nir = "/" + items[2]["assets"]["nir08"]["href"].split("/", 3)[3]
        faults.plan(nir, fault, forever=True)
        result = run(tmp_path / "remote", items, method="mean")
    assert [entry["id"] for entry in result.skipped] == ["LC08_21"]
    assert result.scenes_used == 2


def test_a_stac_api_behind_a_login_takes_it_as_a_header_and_never_shows_it(pgstac_api):
    from timestack.core.search.stac_api import login_headers

    expected = search_scenes(pgstac_api.url, _query(pgstac_api)).ids
    bearer, basic = login_headers("", "t0k3n-s3cret"), login_headers("ana", "pa55-s3cret")
    assert bearer == {"Authorization": "Bearer t0k3n-s3cret"}
    assert basic == {"Authorization": "Basic YW5hOnBhNTUtczNjcmV0"}
    for login in (bearer, basic):
        with faulty_proxy(pgstac_api.url, required=login) as (url, _):
            assert search_scenes(url, _query(pgstac_api), headers=login).ids == expected
            with pytest.raises(SearchError, match="CATALOG.*401") as refused:
                search_scenes(url, _query(pgstac_api), headers=login_headers("ana", "wrong-s3cret"))
            assert "s3cret" not in str(refused.value) and "YW5h" not in str(refused.value)


def test_a_signed_href_of_an_unreadable_scene_leaves_its_signature_out_of_the_reasons_and_the_log(tmp_path):
    """A scene read through a signed address (Planetary Computer's SAS ``sig=``, S3's presigned
    ``X-Amz-Signature``) that stays unreadable is named with its address, but the signature, a credential,
    stays out of the skip reason, the Processing log it reaches and the run log written beside the stack."""
    folder = tmp_path / "served"
    with faulty_files(folder) as (url, faults):
        items = served_items(folder, url, july_scenes(folder))
        qa = items[1]["assets"]["qa_pixel"]
        path = "/" + qa["href"].split("/", 3)[3]
        qa["href"] += "?st=2030-01-01&se=2030-01-02&sp=rl&sig=SECRETSIGNATURE%3D"
        items[2]["assets"]["red"]["href"] += "?X-Amz-Credential=AKIDSECRET&X-Amz-Signature=SECRETAMZ"
        red = "/" + items[2]["assets"]["red"]["href"].split("/", 3)[3].split("?")[0]
        faults.plan(path, "500", forever=True)
        faults.plan(red, "500", forever=True)
        result = run(tmp_path / "remote", items, method="mean")
    assert sorted(entry["id"] for entry in result.skipped) == ["LC08_13", "LC08_21"]
    shown = " ".join(str(entry["reason"]) for entry in result.skipped) + Path(result.log).read_text()
    assert "LC08_13_QA_PIXEL.TIF?st=2030-01-01" in shown  # the address is still named
    for secret in ("SECRETSIGNATURE", "AKIDSECRET", "SECRETAMZ"):
        assert secret not in shown

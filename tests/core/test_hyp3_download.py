"""HyP3 job search and download with hyp3_sdk against a loopback HyP3 API answering in the API's schema."""

from __future__ import annotations

import datetime as dt
import sys

import numpy as np
import pytest

from tests.helpers.hyp3 import rtc_granule, slc_granule, write_insar_product, write_rtc_product
from tests.servers.hyp3 import hyp3_api
from timestack.core.hyp3.download import download_jobs, find_jobs, relative_orbit
from timestack.core.hyp3.products import open_product
from timestack.core.runtime import Cancelled, TimestackError

pytest.importorskip("hyp3_sdk")

TOKEN = "edl-token-7f3a9c"  # noqa: S105 - a test token, never a real one


def _granule(start: str, orbit: str) -> str:
    return rtc_granule(start).replace("_020358_", f"_{orbit}_")


@pytest.fixture
def api(tmp_path):
    zips = tmp_path / "served"
    with hyp3_api(TOKEN) as server:
        for day, orbit in [("20210105", "036000"), ("20210117", "036175"), ("20210129", "036350")]:
            granule = _granule(f"{day}T161201", orbit)
            data = {"VV": np.full((6, 6), 0.1, "float32")}
            server.add("RTC_GAMMA", [granule], write_rtc_product(zips, granule, data, as_zip=True))
        other = _granule("20210110T161201", "036074")
        server.add(
            "RTC_GAMMA", [other], write_rtc_product(zips, other, {"VV": np.ones((6, 6), "f4")}, as_zip=True)
        )
        ref, sec = slc_granule("20210105T014523"), slc_granule("20210117T014524")
        pair = write_insar_product(zips, ref, sec, {"unw_phase": np.ones((6, 6), "f4")}, as_zip=True)
        server.add("INSAR_GAMMA", [ref, sec], pair, name="pairs")
        server.add("RTC_GAMMA", [other], pair, status_code="FAILED")
        yield server


def test_relative_orbits_follow_esas_offsets():
    assert relative_orbit(_granule("20210105T161201", "036000")) == (36000 - 73) % 175 + 1
    assert relative_orbit("S1B_IW_SLC__1SDV_20200128T032559_20200128T032627_030995_038F51_7D4F") == 169
    assert relative_orbit("LC08_L2SP") is None


def test_jobs_are_found_by_name_type_dates_and_path(api):
    jobs = find_jobs(api.url, "", TOKEN, name="ridgecrest", job_type="RTC_GAMMA")
    assert len(jobs) == 4  # the failed one is not asked for; two pages
    assert any("offset=2" in request for request in api.requests)
    assert set(api.authorizations) == {f"Bearer {TOKEN}"}
    dated = find_jobs(
        api.url, "", TOKEN, job_type="RTC_GAMMA", start=dt.date(2021, 1, 6), end=dt.date(2021, 1, 20)
    )
    assert sorted(job.dates[0].isoformat() for job in dated) == ["2021-01-10", "2021-01-17"]
    path = relative_orbit(_granule("20210105T161201", "036000"))
    on_path = find_jobs(api.url, "", TOKEN, job_type="RTC_GAMMA", paths=[path])
    assert [job.dates[0].isoformat() for job in on_path] == ["2021-01-05", "2021-01-17", "2021-01-29"]
    pairs = find_jobs(api.url, "", TOKEN, job_type="INSAR_GAMMA")
    assert pairs[0].dates == (dt.date(2021, 1, 5), dt.date(2021, 1, 17)) and pairs[0].name == "pairs"


def test_downloads_are_whole_zips_and_finished_ones_are_skipped(api, tmp_path):
    jobs = find_jobs(
        api.url, "", TOKEN, name="ridgecrest", paths=[relative_orbit(_granule("20210105T161201", "036000"))]
    )
    written, skipped = download_jobs(jobs, tmp_path / "zips")
    assert len(written) == 3 and skipped == []
    assert open_product(written[0]).name.product_type == "RTC_GAMMA"
    assert sorted(p.name for p in (tmp_path / "zips").iterdir()) == sorted(p.name for p in written)
    written[1].write_bytes(b"half")  # an interrupted download of an earlier version
    again, skipped = download_jobs(jobs, tmp_path / "zips")
    assert again == [written[1]] and len(skipped) == 2


def test_a_cancelled_download_leaves_no_partial_zip(api, tmp_path):
    jobs = find_jobs(api.url, "", TOKEN, name="ridgecrest")
    calls = []

    def cancel_after_first() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        download_jobs(jobs, tmp_path / "zips", is_cancelled=cancel_after_first)
    assert [p.name.startswith(".") for p in (tmp_path / "zips").iterdir()] == [False]


def test_a_refused_token_is_an_authcfg_error_without_the_token(api):
    with pytest.raises(TimestackError) as caught:
        find_jobs(api.url, "", "wrong-token-123")
    assert caught.value.parameter == "AUTHCFG"
    assert "401" in str(caught.value) and "wrong-token-123" not in str(caught.value)


def test_an_unreachable_api_is_an_api_url_error(tmp_path):
    with pytest.raises(TimestackError) as caught:
        find_jobs("http://127.0.0.1:9", "", TOKEN)
    assert caught.value.parameter == "API_URL" and TOKEN not in str(caught.value)
    with pytest.raises(TimestackError) as caught:
        find_jobs("http://127.0.0.1:9", "", TOKEN, job_type="GRD")
    assert caught.value.parameter == "JOB_TYPE"


def test_expired_jobs_are_found_but_not_downloaded(tmp_path):
    with hyp3_api(TOKEN) as server:
        granule = _granule("20210105T161201", "036000")
        zipped = write_rtc_product(tmp_path / "served", granule, {"VV": np.ones((6, 6), "f4")}, as_zip=True)
        server.add("RTC_GAMMA", [granule], zipped, expiration_time="2021-02-01T00:00:00+00:00")
        jobs = find_jobs(server.url, "", TOKEN)
        assert [job.expired for job in jobs] == [True]
        assert download_jobs(jobs, tmp_path / "zips") == ([], [])
        assert not any("/files/" in request for request in server.requests)


def test_without_hyp3_sdk_the_search_says_where_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "hyp3_sdk", None)  # what `import hyp3_sdk` meets where it is missing
    with pytest.raises(TimestackError) as caught:
        find_jobs("http://127.0.0.1:9", "", TOKEN)
    assert caught.value.parameter == "AUTHCFG"
    assert "timestack:hyp3download needs the hyp3_sdk package: install it with" in str(caught.value)


def test_downloads_report_progress_per_zip_and_the_end(api, tmp_path):
    said = []
    written, _ = download_jobs(
        find_jobs(api.url, "", TOKEN, name="ridgecrest"), tmp_path / "zips", lambda p, m: said.append((p, m))
    )
    assert [round(p) for p, _ in said] == [0, 25, 50, 75, 100]
    assert [str(m) for _, m in said[:-1]] == [f"Downloading {path.name}" for path in written]


@pytest.mark.parametrize("fault", ["500", "503", "404"])
def test_a_failing_or_wrong_api_is_an_api_url_error_not_a_login_one(api, fault):
    """A server error or a wrong address said 'check the Earthdata login' (AUTHCFG), or that the API
    could not be reached (JSONDecodeError) when its error page was not JSON."""
    from tests.servers.faults import faulty_proxy

    with faulty_proxy(api.url) as (url, faults):
        if fault == "404":
            url += "/v2"  # the API's own 404 answer: {"detail": "Not Found"}
        else:
            faults.plan("/jobs", fault, forever=True)  # an HTML error page
        with pytest.raises(TimestackError) as caught:
            find_jobs(url, "", TOKEN)
    assert caught.value.parameter == "API_URL", str(caught.value)
    assert "could not be reached" not in str(caught.value) and TOKEN not in str(caught.value)

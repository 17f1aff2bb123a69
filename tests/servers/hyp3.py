"""The HyP3 API on loopback: ``GET /jobs`` answering job records in the API's schema (the fields and
shapes of hyp3_sdk's recorded ``SUCCEEDED_JOB`` in its tests/test_jobs.py and of the HyP3 OpenAPI
``job`` object: ``job_id``, ``job_type``, ``request_time``, ``status_code``, ``user_id``, ``name``,
``job_parameters.granules``, ``files`` with ``filename``/``size``/``url``/``s3``, ``browse_images``,
``thumbnail_images``, ``logs``, ``expiration_time``, ``processing_times``, ``credit_cost``,
``priority``), filtered by ``name``, ``job_type`` and ``status_code`` and paged by ``next`` links as the
API pages; and ``GET /files/<zip>`` serving the product zips. A request without the expected bearer
token gets the API's 401 ``{"detail": ...}``.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Iterator, Sequence
from urllib.parse import parse_qs, urlencode, urlparse

from tests.servers.loopback import serving

__all__ = ["Hyp3Server", "hyp3_api", "job_record"]

PAGE_SIZE = 2


def job_record(
    job_type: str,
    granules: Sequence[str],
    product: Path,
    base_url: str,
    *,
    name: str = "ridgecrest",
    status_code: str = "SUCCEEDED",
    expiration_time: str = "2099-01-01T00:00:00+00:00",
) -> dict:
    """One job as ``GET /jobs`` answers it, its file served at ``<base_url>/files/<zip name>``."""
    job_id = str(uuid.uuid5(uuid.NAMESPACE_URL, product.name + status_code))
    parameters = {"granules": list(granules)}
    if job_type == "RTC_GAMMA":
        parameters.update(
            {"dem_matching": False, "dem_name": "copernicus", "include_dem": False, "include_inc_map": False,
             "include_rgb": False, "include_scattering_area": False, "radiometry": "gamma0", "resolution": 30,
             "scale": "power", "speckle_filter": False}
        )  # fmt: skip
    else:
        parameters.update(
            {"apply_water_mask": False, "include_dem": True, "include_displacement_maps": True,
             "include_inc_map": False, "include_look_vectors": True, "include_wrapped_phase": False,
             "looks": "20x4", "phase_filter_parameter": 0.6}
        )  # fmt: skip
    record = {
        "job_id": job_id,
        "job_type": job_type,
        "request_time": "2023-05-02T17:30:11+00:00",
        "status_code": status_code,
        "user_id": "timestack_tester",
        "name": name,
        "job_parameters": parameters,
        "logs": [f"{base_url}/files/{job_id}.log"],
        "credit_cost": 1.0 if job_type == "RTC_GAMMA" else 10.0,
        "priority": 9999,
    }
    if status_code == "SUCCEEDED":
        stem = product.name[: -len(".zip")]
        record.update(
            {
                "files": [{"filename": product.name, "size": product.stat().st_size,
                           "url": f"{base_url}/files/{product.name}",
                           "s3": {"bucket": "hyp3-contentbucket", "key": f"{job_id}/{product.name}"}}],
                "browse_images": [f"{base_url}/files/{stem}.png"],
                "thumbnail_images": [f"{base_url}/files/{stem}_thumb.png"],
                "expiration_time": expiration_time,
                "processing_times": [812.337],
            }
        )  # fmt: skip
    return record


class Hyp3Server:
    """The served jobs and zips, and what was asked of it (paths, authorization headers)."""

    def __init__(self, token: str):
        self.token = token
        self.url = ""
        self.jobs: list[dict] = []
        self.files: dict[str, bytes] = {}
        self.requests: list[str] = []
        self.authorizations: list[str] = []

    def add(self, job_type: str, granules: Sequence[str], product: Path, **extra) -> dict:
        record = job_record(job_type, granules, product, self.url, **extra)
        self.jobs.append(record)
        self.files[product.name] = product.read_bytes()
        return record


@contextlib.contextmanager
def hyp3_api(token: str) -> Iterator[Hyp3Server]:
    """A HyP3 API on loopback accepting ``Authorization: Bearer <token>``; add jobs with ``.add``."""
    state = Hyp3Server(token)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):  # noqa: N802 - http.server's name
            url = urlparse(self.path)
            state.requests.append(self.path)
            if url.path.startswith("/files/"):
                content = state.files.get(url.path[len("/files/") :])
                if content is None:
                    return self._send(404, b"Not Found", "text/plain")
                return self._send(200, content, "application/zip")
            if url.path != "/jobs":
                return self._send(404, json.dumps({"detail": "Not Found"}).encode())
            state.authorizations.append(self.headers.get("Authorization", ""))
            if self.headers.get("Authorization") != f"Bearer {state.token}":
                return self._send(401, json.dumps({"detail": "No authorization token provided"}).encode())
            query = {key: values[0] for key, values in parse_qs(url.query).items()}
            asked = [key for key in ("name", "job_type", "status_code") if key in query]
            jobs = [job for job in state.jobs if all(job.get(key) == query[key] for key in asked)]
            offset = int(query.pop("offset", 0))
            page = {"jobs": jobs[offset : offset + PAGE_SIZE]}
            if offset + PAGE_SIZE < len(jobs):
                page["next"] = f"{state.url}/jobs?{urlencode({**query, 'offset': offset + PAGE_SIZE})}"
            return self._send(200, json.dumps(page).encode())

    with serving(Handler) as url:
        state.url = url
        yield state

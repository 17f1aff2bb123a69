"""NASA CMR on loopback: the answers of a vcrpy cassette recorded from the real CMR (earthaccess's own, see
tests/core/test_search_earthdata.py), served over HTTP so that a client can be pointed at it (and a
:func:`tests.servers.faults.faulty_proxy` put in front of it).

A hits request (``page_size=0``) gets the recorded hits answer; a page request gets the first recorded
page, or, with a ``CMR-Search-After`` header, the page recorded after the one that handed out that value.
Status, CMR's headers (``CMR-Hits``, ``CMR-Search-After``) and bodies are the recorded ones.
"""

from __future__ import annotations

import contextlib
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Iterator
from urllib.parse import parse_qs, urlparse

import yaml

from tests.servers.loopback import serving

__all__ = ["recorded_cmr"]

#: Recorded headers worth sending again; the rest (transfer encoding, CDN headers) belong to the recording.
KEPT_HEADERS = ("content-type", "cmr-hits", "cmr-search-after", "cmr-took", "cmr-request-id")


def _answers(cassette: Path) -> tuple[dict, list[dict]]:
    """(the hits answer, the page answers in recorded order), each status, headers and body."""
    hits, pages = None, []
    for interaction in yaml.safe_load(cassette.read_text())["interactions"]:
        recorded = interaction["response"]
        body = recorded["body"]["string"]
        answer = {
            "status": recorded["status"]["code"],
            "headers": {k: v[0] for k, v in recorded["headers"].items() if k.lower() in KEPT_HEADERS},
            "body": body.encode() if isinstance(body, str) else body,
        }
        if parse_qs(urlparse(interaction["request"]["uri"]).query).get("page_size") == ["0"]:
            hits = hits or answer
        else:
            pages.append(answer)
    assert hits is not None and pages, f"{cassette.name} records no hits or no page"
    return hits, pages


@contextlib.contextmanager
def recorded_cmr(cassette: Path) -> Iterator[str]:
    """Serve ``cassette``'s CMR answers; yields the base URL (CMR's search root is ``<url>/search/``)."""
    hits, pages = _answers(cassette)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 - http.server's name
            if parse_qs(urlparse(self.path).query).get("page_size") == ["0"]:
                answer = hits
            else:
                after = self.headers.get("CMR-Search-After")
                handed = [p["headers"].get("CMR-Search-After") for p in pages]
                answer = pages[handed.index(after) + 1 if after in handed else 0]
            self.send_response(answer["status"])
            for name, value in answer["headers"].items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer["body"])))
            self.end_headers()
            self.wfile.write(answer["body"])

    with serving(Handler) as url:
        yield url

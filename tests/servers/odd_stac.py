"""A STAC API on loopback whose catalog is whatever a test puts in it, odd items included (duplicate ids,
no geometry, no assets), answering searches the way a real API does: items whose geometry intersects
the ``intersects`` (or ``bbox``) asked for and whose time falls in ``datetime``, in pages of
``page_size`` linked by ``next`` links (a POST body with a ``token``) to the address the client used.
With ``endless`` every page links to a next one, as a broken paging token does. ``searches`` records
each search body received.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Iterator

from tests.servers.loopback import CONFORMS, landing_page, send_json, serving
from tests.servers.loopback import collection as stac_collection

__all__ = ["OddStac", "odd_stac_api"]


@dataclass
class OddStac:
    url: str = ""
    items: list = field(default_factory=list)
    page_size: int = 10
    endless: bool = False
    #: Claim the Sort extension (the items are served in the order they are listed, dates ascending).
    sortable: bool = False
    searches: list = field(default_factory=list)


def _matches(item: dict, body: dict) -> bool:
    from shapely.geometry import box, shape

    area = body.get("intersects")
    area = shape(area) if area else (box(*body["bbox"]) if body.get("bbox") else None)
    if area is not None and item.get("geometry"):  # items without geometry match any area, as in CMR-STAC
        if not shape(item["geometry"]).intersects(area):
            return False
    interval = body.get("datetime")
    when = (item.get("properties") or {}).get("datetime")
    if interval and when:
        start, _, end = interval.partition("/")
        if (start not in ("", "..") and when < start) or (end not in ("", "..") and when > end):
            return False
    return True


@contextlib.contextmanager
def odd_stac_api(collection: str = "landsat-c2-l2") -> Iterator[OddStac]:
    state = OddStac()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _base(self) -> str:
            """The address the client used (a proxy's, in front of this server): the links lead back to it."""
            return f"http://{self.headers['Host']}" if self.headers.get("Host") else state.url

        def _json(self, document) -> None:
            send_json(self, document)

        def _search(self, body: dict) -> None:
            state.searches.append(body)
            found = [item for item in state.items if _matches(item, body)]
            start = int(body.get("token") or 0)
            page = found[start : start + state.page_size]
            links = []
            if state.endless or start + state.page_size < len(found):
                after = start if state.endless else start + state.page_size
                body = {**body, "token": str(after)}
                href = f"{self._base()}/search"
                links.append({"rel": "next", "href": href, "method": "POST", "merge": True, "body": body,
                              "type": "application/geo+json"})  # fmt: skip
            self._json({"type": "FeatureCollection", "features": page, "links": links})

        def do_GET(self):  # noqa: N802 - http.server's name
            url, path = self._base(), self.path.split("?", 1)[0].rstrip("/")
            if path == "":
                conforms = CONFORMS + ["https://api.stacspec.org/v1.0.0/item-search#sort"] * state.sortable
                self._json(landing_page(url, "odd", conforms))
            elif path == "/collections":
                self._json({"collections": [stac_collection(url, collection)], "links": []})
            elif path == f"/collections/{collection}":
                self._json(stac_collection(url, collection))
            else:
                self.send_error(404)

        def do_POST(self):  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
            if self.path.split("?", 1)[0].rstrip("/") == "/search":
                self._search(body)
            else:
                self.send_error(404)

    with serving(Handler) as url:
        state.url = url
        yield state

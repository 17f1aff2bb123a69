"""A small STAC API on loopback behind a login: every request (landing page, collections, search and the
scenes' files under ``/files/``) must carry ``required`` headers, else 401. Search answers every item it
holds (the client re-checks dates and area). ``requests`` records each request's path and headers, so a
test can see where a login went. Tests import the fixture:
``from tests.servers.stac_login import stac_login_fixture  # noqa: F401``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pytest

from tests.servers.loopback import CONFORMS, landing_page, send_json, serving
from tests.servers.loopback import collection as stac_collection
from tests.servers.ranges import RangeHandler


@dataclass
class StacLoginServer:
    folder: Path
    url: str
    required: dict
    items: list = field(default_factory=list)
    requests: list = field(default_factory=list)

    def href(self, path: Path) -> str:
        return f"{self.url}/files/{Path(path).relative_to(self.folder).as_posix()}"

    def add(self, item: dict, collection: str = "landsat-c2-l2") -> dict:
        """Serve ``item`` (its local hrefs under this server's folder) as the catalog's own."""
        for asset in item["assets"].values():
            asset["href"] = self.href(asset["href"])
        item["collection"] = collection
        item["links"] = [
            {"rel": "root", "href": f"{self.url}/"},
            {"rel": "collection", "href": f"{self.url}/collections/{collection}"},
        ]
        self.items.append(item)
        return item


@pytest.fixture(name="stac_login")
def stac_login_fixture(tmp_path):
    folder = tmp_path / "stac-files"
    folder.mkdir()
    server_state = StacLoginServer(folder, "", {"X-API-Key": "k3y-s3cret"})

    class Handler(RangeHandler):
        def _allowed(self) -> bool:
            server_state.requests.append((self.path, dict(self.headers)))
            if any(self.headers.get(name) != value for name, value in server_state.required.items()):
                self.send_error(401, "login required")
                return False
            return True

        def _json(self, document) -> None:
            send_json(self, document)

        def _api(self) -> None:
            url, path = server_state.url, self.path.split("?", 1)[0].rstrip("/")
            collections = sorted({item["collection"] for item in server_state.items})
            if path == "":
                self._json(landing_page(url, "private", CONFORMS, ("GET", "POST")))
            elif path == "/collections":
                self._json({"collections": [stac_collection(url, c) for c in collections], "links": []})
            elif path.startswith("/collections/"):
                self._json(stac_collection(url, path.rsplit("/", 1)[-1]))
            elif path == "/search":
                self._json({"type": "FeatureCollection", "features": server_state.items, "links": []})
            else:
                self.send_error(404)

        def do_GET(self):
            if not self._allowed():
                return
            if self.path.startswith("/files/"):
                self.path = self.path[len("/files") :]
                return super().do_GET()
            self._api()

        def do_HEAD(self):
            if self._allowed():
                self.path = self.path[len("/files") :]
                super().do_HEAD()

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self._allowed():
                self._api()

    with serving(partial(Handler, directory=str(folder))) as url:
        server_state.url = url
        yield server_state

"""Planetary Computer's storage on loopback: a SAS token endpoint (as ``planetary_computer`` asks it) and
blob storage that serves a folder only to hrefs signed with a token it still accepts (403 otherwise, as
Azure answers an expired SAS token). GDAL reaches ``http://<account>.blob.core.windows.net/...`` through
this server as its HTTP proxy (``GDAL_HTTP_PROXY``), so no name is resolved and nothing leaves the
machine. Tests import the fixture: ``from tests.servers.planetary import blob_storage_fixture  # noqa: F401``.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.servers.loopback import send_json
from tests.servers.ranges import RangeHandler

ACCOUNT, CONTAINER = "landsateuwest", "landsat-c2"


@dataclass
class BlobStorage:
    folder: Path
    #: the SAS endpoint, as planetary_computer's settings take it
    sas_url: str
    #: tokens (their sig) blob storage still accepts; the test expires them by removing them
    valid: set = field(default_factory=set)
    #: (sig, answer status) of every blob request
    reads: list = field(default_factory=list)
    issued: int = 0

    def href(self, path: Path, sig: str) -> str:
        relative = Path(path).relative_to(self.folder).as_posix()
        return f"http://{ACCOUNT}.blob.core.windows.net/{CONTAINER}/{relative}?st=x&se=y&sp=rl&sig={sig}"


@pytest.fixture(name="blob_storage")
def blob_storage_fixture(tmp_path, monkeypatch):
    import planetary_computer
    from osgeo import gdal
    from planetary_computer import sas

    folder = tmp_path / "blobs"
    folder.mkdir()
    storage = BlobStorage(folder, "")

    class Handler(RangeHandler):
        def do_GET(self):
            if self.path.startswith("/api/sas/v1/token/"):
                storage.issued += 1
                sig = f"fresh{storage.issued}"
                storage.valid.add(sig)
                expiry = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1)
                send_json(self, {"msft:expiry": expiry.isoformat(), "token": f"st=x&se=y&sp=rl&sig={sig}"})
                return
            super().do_GET()

        def do_HEAD(self):
            super().do_HEAD()

        def send_head(self):
            url = urlparse(self.path)
            sig = parse_qs(url.query).get("sig", [""])[0]
            if not url.netloc.endswith(".blob.core.windows.net") or sig not in storage.valid:
                storage.reads.append((sig, 403))
                self.send_error(403, "Server failed to authenticate the request (signature expired)")
                return None
            storage.reads.append((sig, 200))
            self.path = url.path.split("/", 2)[2]  # /<container>/<file> -> <file>
            return super().send_head()

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"127.0.0.1:{server.server_address[1]}"
    storage.sas_url = f"http://{address}/api/sas/v1/token"
    monkeypatch.setattr(planetary_computer.settings.Settings.get(), "sas_url", storage.sas_url)
    sas.TOKEN_CACHE.clear()
    gdal.SetConfigOption("GDAL_HTTP_PROXY", address)
    gdal.VSICurlClearCache()
    try:
        yield storage
    finally:
        gdal.SetConfigOption("GDAL_HTTP_PROXY", None)
        gdal.VSICurlClearCache()
        sas.TOKEN_CACHE.clear()
        server.shutdown()
        server.server_close()

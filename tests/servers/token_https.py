"""An HTTPS server on loopback that serves a folder only to requests carrying a bearer token, as NASA
Earthdata's data hosts do once logged in. Its certificate is self-signed; GDAL is told not to verify it
for the test's duration. Tests import the fixture: ``from tests.servers.token_https import
token_https_fixture  # noqa: F401``.
"""

from __future__ import annotations

import ssl
import subprocess
import threading
from dataclasses import dataclass
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.servers.ranges import RangeHandler

TOKEN = "tok-9"


@dataclass
class TokenServer:
    folder: Path
    url: str
    #: (method, Authorization header) of every request, to show what went where
    requests: list

    def href(self, path: Path) -> str:
        return f"{self.url}/{Path(path).relative_to(self.folder).as_posix()}"


@pytest.fixture(name="token_https")
def token_https_fixture(tmp_path):
    from osgeo import gdal

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    seen: list = []

    class TokenOnly(RangeHandler):
        def send_head(self):
            seen.append((self.command, self.headers.get("Authorization")))
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                self.send_error(401, "Earthdata Login required")
                return None
            return super().send_head()

    folder = tmp_path / "served"
    folder.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(TokenOnly, directory=str(folder)))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    gdal.SetConfigOption("GDAL_HTTP_UNSAFESSL", "YES")
    gdal.VSICurlClearCache()
    try:
        yield TokenServer(folder, f"https://127.0.0.1:{server.server_address[1]}", seen)
    finally:
        gdal.SetConfigOption("GDAL_HTTP_UNSAFESSL", None)
        gdal.VSICurlClearCache()
        server.shutdown()
        server.server_close()

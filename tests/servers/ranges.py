"""Static files over HTTP with Range requests, as GDAL's /vsicurl/ reads COGs: the handler behind the
loopback servers of the grid tests and ``tests.servers.token_https``."""

from __future__ import annotations

from http.server import SimpleHTTPRequestHandler
from pathlib import Path

__all__ = ["RangeHandler"]


class RangeHandler(SimpleHTTPRequestHandler):
    """Static files with HTTP Range support, as COG readers need; query strings (signatures) ignored."""

    def log_message(self, *args):
        pass

    def send_head(self):
        self.path = self.path.split("?", 1)[0]
        header = self.headers.get("Range")
        if not header:
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            self.send_error(404)
            return None
        size = path.stat().st_size
        start, _, end = header.replace("bytes=", "").partition("-")
        start, end = int(start), min(int(end) if end else size - 1, size - 1)
        handle = path.open("rb")
        handle.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", "image/tiff")
        self.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        self.copyfile = lambda source, target: target.write(source.read(end - start + 1))
        return handle

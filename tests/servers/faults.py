"""A loopback HTTP server that fails on purpose, in front of a folder of files (COGs) or of a real
upstream server (the pgstac STAC API).

Each request to a path takes the next fault planned for it, if any: an HTTP error (``500``, ``502``,
``503``), ``429`` with ``Retry-After: 1``, a ``stall`` (no answer until the client gives up), a
``truncate``\\ d body (the full length announced, half of it sent) or a ``corrupt`` body (its bytes
inverted). Requests without a planned fault are answered normally; ``Faults.served`` records what each
request got, so a test can tell that a client retried.
"""

from __future__ import annotations

import contextlib
import io
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict, deque
from functools import partial
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Iterator, Optional

from tests.servers.loopback import serving
from tests.servers.ranges import RangeHandler

__all__ = ["Faults", "faulty_files", "faulty_proxy"]

ERRORS = ("500", "502", "503")
FAULTS = (*ERRORS, "429", "stall", "truncate", "corrupt")
#: How long a stall holds the connection: longer than any client timeout the tests set.
STALL_SECONDS = 8.0


class Faults:
    """The plan (path -> faults still to serve, in order; or one fault forever) and what was served."""

    def __init__(self):
        self._plan: dict[str, deque] = defaultdict(deque)
        self._forever: dict[str, str] = {}
        self._lock = threading.Lock()
        #: (method, path, fault or "ok") per request, in order.
        self.served: list[tuple[str, str, str]] = []

    def plan(self, path: str, *faults: str, forever: bool = False) -> None:
        """Serve ``faults`` to the next requests of ``path``; with ``forever``, the last one to every
        request after them."""
        unknown = set(faults) - set(FAULTS)
        assert not unknown, f"unknown faults {unknown}"
        with self._lock:
            self._plan[path].extend(faults)
            if forever:
                self._forever[path] = faults[-1]

    def take(self, method: str, path: str) -> Optional[str]:
        with self._lock:
            queue = self._plan.get(path)
            fault = queue.popleft() if queue else self._forever.get(path)
            self.served.append((method, path, fault or "ok"))
            return fault

    def count(self, path: str, outcome: str) -> int:
        """How many requests of ``path`` got ``outcome`` (a fault, or ``ok``)."""
        return sum(1 for _, served, got in self.served if served == path and got == outcome)


class _Faulty:
    """What both handlers do with a planned fault; ``None`` means answer normally."""

    faults: Faults

    def log_message(self, *args):
        pass

    def _fault(self) -> Optional[str]:
        path = self.path.split("?", 1)[0]
        fault = self.faults.take(self.command, path)
        if fault in ERRORS:
            self.send_error(int(fault))
            return None
        if fault == "429":
            self.send_response(429)
            self.send_header("Retry-After", "1")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if fault == "stall":
            time.sleep(STALL_SECONDS)
            self.close_connection = True
            return None
        return fault or "ok"

    def _send_body(self, body: bytes, fault: str) -> None:
        if fault == "corrupt":
            body = bytes(255 - b for b in body)
        if fault == "truncate":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(body)


class _FilesHandler(_Faulty, RangeHandler):
    def send_head(self):
        fault = self._fault()
        if fault is None:
            return None
        handle = super().send_head()
        if handle is not None and fault != "ok":
            body = handle.read()
            handle.close()
            self.copyfile = lambda source, target: self._send_body(body, fault)
            return io.BytesIO(b"")
        return handle


class _ProxyHandler(_Faulty, BaseHTTPRequestHandler):
    upstream: str
    #: Headers every request must carry (a login), else 401.
    required: dict = {}

    def _forward(self) -> None:
        fault = self._fault()
        if fault is None:
            return
        if any(self.headers.get(name) != value for name, value in self.required.items()):
            self.send_error(401, "login required")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        request = urllib.request.Request(self.upstream + self.path, data=body, method=self.command)
        for name, value in self.headers.items():
            if name.lower() not in ("content-length", "connection", "accept-encoding"):
                request.add_header(name, value)  # Host too: the API's links point back here
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                status, headers, content = answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:
            status, headers, content = error.code, error.headers, error.read()
        self.send_response(status)
        for name, value in headers.items():
            if name.lower() not in ("content-length", "transfer-encoding", "connection", "content-encoding"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self._send_body(content, fault)

    do_GET = do_POST = do_HEAD = _forward  # noqa: N815 - http.server's names


@contextlib.contextmanager
def faulty_files(folder: Path) -> Iterator[tuple[str, Faults]]:
    """Serve ``folder``'s files (with Range requests); yields (base URL, the fault plan)."""
    faults = Faults()
    handler = type("Files", (_FilesHandler,), {"faults": faults})
    with serving(partial(handler, directory=str(folder))) as url:
        yield url, faults


@contextlib.contextmanager
def faulty_proxy(upstream: str, required: Optional[dict] = None) -> Iterator[tuple[str, Faults]]:
    """Forward every request to ``upstream`` (401 without the ``required`` headers); yields (base URL,
    the fault plan)."""
    faults = Faults()
    attributes = {"faults": faults, "upstream": upstream.rstrip("/"), "required": dict(required or {})}
    handler = type("Proxy", (_ProxyHandler,), attributes)
    with serving(handler) as url:
        yield url, faults

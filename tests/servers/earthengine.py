"""A loopback stand-in for Earth Engine's REST API, enough for export tasks.

earthengine-api builds its client from a discovery document; the server hands out the one the
package ships for its own tests (``ee/tests/cloud_api_discovery_document.json``, root URL rewritten
to the loopback address), the algorithm list it ships too (``ee.Initialize`` reads it), and answers
``projects.operations`` ``list``, ``get`` and ``cancel`` with Operations in the REST reference's
shape (``metadata`` an ``OperationMetadata``; ``done`` and ``error`` once ended), recorded from the
documented examples. State is kept: a ``get`` starts a PENDING task (unless ``queue_moves`` is
off) and advances a RUNNING one's progress by ``step`` until it SUCCEEDS, and a cancel turns a
PENDING or RUNNING task into CANCELLED.

``EarthEngineServer.fail`` plans an HTTP error (``403``, ``500`` …) for the next requests, and
``requests`` records what each request was, so a test can tell what the client asked.
"""

from __future__ import annotations

import contextlib
import copy
import json
import re
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Iterator

from tests.servers.loopback import serving

__all__ = [
    "ACCESS_TOKEN",
    "EarthEngineServer",
    "earthengine_server",
    "recorded_operations",
    "reset_earthengine",
]

METADATA_TYPE = "type.googleapis.com/google.earthengine.v1alpha.OperationMetadata"
#: What the stand-in's token endpoint hands a service account.
ACCESS_TOKEN = "ya29.loopback-access-token"
STATUS_NAMES = {400: "INVALID_ARGUMENT", 403: "PERMISSION_DENIED", 404: "NOT_FOUND", 500: "INTERNAL"}


def _ee_tests_folder() -> Path:
    import ee

    return Path(ee.__file__).parent / "tests"


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _now() -> str:
    return _rfc3339(datetime.now(timezone.utc))


def recorded_operations(project: str) -> list:
    """Three tasks as Earth Engine lists them: one running (started 4 minutes ago), one pending, one
    that failed after a minute."""
    prefix = f"projects/{project}/operations"
    now = datetime.now(timezone.utc)
    created, started = _rfc3339(now - timedelta(minutes=5)), _rfc3339(now - timedelta(minutes=4))

    def operation(op_id, state, description, progress, start=True, **extra):
        metadata = {
            "@type": METADATA_TYPE,
            "state": state,
            "description": description,
            "priority": 100,
            "createTime": created,
            "updateTime": _rfc3339(now - timedelta(minutes=3)),
            "type": "EXPORT_IMAGE",
            "attempt": 1,
            "progress": progress,
            "destinationUris": [f"https://drive.google.com/#folders/timestack/{description}"],
        }
        if start:
            metadata["startTime"] = started
        return {"name": f"{prefix}/{op_id}", "metadata": metadata, "done": False, **extra}

    failed = operation("FAILEDTASK3", "FAILED", "lt_stats", 0.2)
    failed.update(done=True, error={"code": 3, "message": "Exported bands must have compatible data types."})
    return [
        operation("RUNNINGTASK1", "RUNNING", "lt_vertices", 0.25),
        operation("PENDINGTASK2", "PENDING", "lt_fitted", 0.0, start=False),
        failed,
    ]


class EarthEngineServer:
    """The tasks a project has, the planned failures and the requests seen."""

    def __init__(self, project: str, step: float = 0.25):
        self.project = project
        self.step = step
        self._lock = threading.Lock()
        self.operations = {op["name"]: op for op in recorded_operations(project)}
        self._failures: list = []
        #: (method, path) of every request, in order.
        self.requests: list = []
        self.url = ""
        #: Whether a ``get`` of a PENDING task starts it (Earth Engine's queue moving).
        self.queue_moves = True
        #: Access tokens handed out at ``/token`` and the Authorization header of every request.
        self.tokens_issued = 0
        self.authorizations: list = []

    def fail(self, status: int, times: int = 1) -> None:
        """Answer the next ``times`` operations requests with HTTP ``status``."""
        with self._lock:
            self._failures.extend([status] * times)

    def _advance(self, operation: dict) -> None:
        metadata = operation["metadata"]
        if self.queue_moves and metadata["state"] == "PENDING":
            metadata.update(state="RUNNING", startTime=_now(), updateTime=_now())
            return
        if operation["done"] or metadata["state"] != "RUNNING":
            return
        metadata["progress"] = min(1.0, round(metadata["progress"] + self.step, 6))
        metadata["updateTime"] = _now()
        if metadata["progress"] >= 1.0:
            metadata["state"] = "SUCCEEDED"
            operation["done"] = True
            operation["response"] = {"@type": "type.googleapis.com/google.protobuf.Empty"}

    def answer(self, method: str, path: str) -> tuple:
        """(status, JSON body) for a request."""
        with self._lock:
            self.requests.append((method, path))
            if path == "/token" and method == "POST":  # a service account's token_uri (google-auth)
                self.tokens_issued += 1
                return 200, {"access_token": ACCESS_TOKEN, "expires_in": 3600, "token_type": "Bearer"}
            if path.startswith("/$discovery/rest"):
                document = json.loads((_ee_tests_folder() / "cloud_api_discovery_document.json").read_text())
                document["rootUrl"] = document["baseUrl"] = self.url + "/"
                return 200, document
            route = re.match(
                r"^/v1[a-z0-9]*/(projects/[^/]+)/(algorithms|operations)(?:/([^/:]+))?(:cancel)?$", path
            )
            if route is None:
                return 404, _error(404, f"no such path {path}")
            parent, kind, op_id, cancel = route.groups()
            if kind == "algorithms":
                return 200, json.loads((_ee_tests_folder() / "algorithms.json").read_text())
            if self._failures:
                status = self._failures.pop(0)
                return status, _error(
                    status, "The caller does not have permission" if status == 403 else "Internal error"
                )
            if parent != f"projects/{self.project}":
                return 403, _error(403, f"Earth Engine is not enabled for {parent}")
            if op_id is None:
                return 200, {"operations": [copy.deepcopy(op) for op in self.operations.values()]}
            operation = self.operations.get(f"{parent}/operations/{op_id}")
            if operation is None:
                return 404, _error(404, f"Operation {op_id} not found.")
            if cancel and method == "POST":
                if not operation["done"]:
                    operation["metadata"]["state"] = "CANCELLED"
                    operation["metadata"]["updateTime"] = _now()
                    operation["done"] = True
                    operation["error"] = {"code": 1, "message": "Cancelled."}
                return 200, {}
            self._advance(operation)
            return 200, copy.deepcopy(operation)


def _error(status: int, message: str) -> dict:
    return {"error": {"code": status, "message": message, "status": STATUS_NAMES.get(status, "UNKNOWN")}}


class _Handler(BaseHTTPRequestHandler):
    server_state: EarthEngineServer

    def log_message(self, *args):
        pass

    def _reply(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.server_state.authorizations.append(self.headers.get("Authorization"))
        status, body = self.server_state.answer(self.command, self.path.split("?", 1)[0])
        content = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    do_GET = do_POST = _reply  # noqa: N815 - http.server's names


@contextlib.contextmanager
def earthengine_server(project: str = "timestack-test", step: float = 0.25) -> Iterator[EarthEngineServer]:
    """Serve the stand-in API on loopback; yields the server state (its ``url`` set)."""
    state = EarthEngineServer(project, step)
    handler = type("EarthEngine", (_Handler,), {"server_state": state})
    with serving(handler) as url:
        state.url = url
        yield state


def reset_earthengine() -> None:
    """Forget any initialisation, so the next ``ensure_initialized`` reads ``TIMESTACK_EE_API_URL``."""
    import ee

    ee.Reset()

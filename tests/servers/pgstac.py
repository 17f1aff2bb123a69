"""A real STAC API on loopback: stac-fastapi-pgstac over a throwaway PostgreSQL 15 + PostGIS cluster.

The session fixture ``pgstac_api`` creates a cluster in a temporary folder with Debian's
``initdb``/``pg_ctl`` (as the ``postgres`` user when running as root, since initdb refuses root),
listens on a free 127.0.0.1 port, installs the pgstac schema with ``pypgstac migrate``, loads the
recorded collections and items from ``shared/fixtures/stac`` and the small sample archive's items
with ``pypgstac load``, serves the API
with uvicorn in a subprocess and tears everything down at the end. Tests import the fixture from
here: ``from tests.servers.pgstac import pgstac_api_fixture  # noqa: F401``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.shared import STAC_FIXTURES

PG_BIN = Path("/usr/lib/postgresql/15/bin")
VENV_BIN = Path(sys.executable).parent

#: Recorded collections, one per collection id (Planetary Computer's where both APIs have one).
COLLECTION_FILES = ("pc_landsat-c2-l2_collection.json", "pc_sentinel-2-l2a_collection.json")
#: Recorded item files: FeatureCollections, single Items and the 100-item stac-geoparquet.
ITEM_FILES = (
    "pc_landsat.json",
    "pc_s2.json",
    "es_landsat.json",
    "es_s2.json",
    "es_sentinel-2-l2a_item.json",
    "pc_sentinel-2-l2a_100items_13TDE_2024.parquet",
)
PAGE_LIMIT = 10
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class PgstacServer:
    url: str
    dsn: str
    items: list
    collections: list


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def sample_items() -> list:
    """The small sample archive's items (built once and cached under build/sample/small)."""
    from timestack.core.sample_archive import ensure_sample_archive

    archive = ensure_sample_archive(ROOT / "build" / "sample" / "small", "small")
    return json.loads(archive.item_collection.read_text())["features"]


def recorded_items() -> list:
    """Every recorded item dict, unique by id (pc_s2.json repeats each item once)."""
    from timestack.core.search.local_catalog import row_to_item_dict

    items = {}
    for name in ITEM_FILES:
        path = STAC_FIXTURES / name
        if path.suffix == ".parquet":
            import pyarrow.parquet as pq

            features = [row_to_item_dict(row) for row in pq.read_table(path).to_pylist()]
        else:
            document = json.loads(path.read_text())
            features = document["features"] if document["type"] == "FeatureCollection" else [document]
        for feature in features:
            items.setdefault(feature["id"], feature)
    return list(items.values())


def _run(command: list, user: str | None = None, **kwargs) -> subprocess.CompletedProcess:
    if user:
        command = ["runuser", "-u", user, "--", *command]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{result.stdout}\n{result.stderr}")
    return result


def _wait_http(url: str, process: subprocess.Popen, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"stac-fastapi-pgstac exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"stac-fastapi-pgstac did not answer at {url} within {seconds} s")


@contextlib.contextmanager
def running_pgstac(collections: list, items_ndjson: Path):
    """Start PostgreSQL + pgstac + stac-fastapi-pgstac holding ``collections`` and the items of an
    NDJSON file; yield the API URL; stop and remove everything on exit."""
    if not (PG_BIN / "initdb").exists():
        raise RuntimeError("PostgreSQL 15 is missing: run `make setup` (requirements-apt.txt lists it).")
    user = "postgres" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="timestack-pgstac-"))
    data = root / "data"
    data.mkdir()
    if user:
        shutil.chown(root, user)
        shutil.chown(data, user)
    port = free_port()
    dsn = f"postgresql://postgres:unused@127.0.0.1:{port}/postgres"
    server = None
    log = None
    started = False
    try:
        _run([PG_BIN / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"], user)
        options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
        _run(
            [
                PG_BIN / "pg_ctl",
                "-D",
                data,
                "-l",
                root / "postgres.log",
                "-w",
                "-t",
                "60",
                "-o",
                options,
                "start",
            ],
            user,
        )
        started = True
        _run([VENV_BIN / "pypgstac", "migrate", "--dsn", dsn])
        (root / "collections.ndjson").write_text("\n".join(json.dumps(c) for c in collections) + "\n")
        for table, path in (("collections", root / "collections.ndjson"), ("items", items_ndjson)):
            _run([VENV_BIN / "pypgstac", "load", table, path, "--dsn", dsn, "--method", "upsert"])

        port_api = free_port()
        env = dict(
            os.environ,
            PGUSER="postgres",
            PGPASSWORD="unused",
            PGHOST="127.0.0.1",
            PGPORT=str(port),
            PGDATABASE="postgres",
            DB_MIN_CONN_SIZE="1",
            DB_MAX_CONN_SIZE="4",
        )
        log = open(root / "api.log", "w")  # noqa: SIM115 - closed in finally
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "stac_fastapi.pgstac.app:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(port_api),
                "--log-level",
                "warning",
            ],
            cwd=root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port_api}"
        _wait_http(f"{url}/_mgmt/ping", server)
        yield url, dsn
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        if log is not None:
            log.close()
        if started:
            stop = [str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
            subprocess.run(
                ["runuser", "-u", user, "--", *stop] if user else stop, capture_output=True, timeout=60
            )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session", name="pgstac_api")
def pgstac_api_fixture(tmp_path_factory):
    """Yield a :class:`PgstacServer` whose ``url`` is a live STAC API holding the recorded items."""
    from tests.helpers.sentinel1 import catalog_items, rtc_collection

    collections = [json.loads((STAC_FIXTURES / name).read_text()) for name in COLLECTION_FILES]
    collections.append(rtc_collection())  # Sentinel-1 RTC items in PC's shape, over the Netherlands
    known = {c["id"] for c in collections}
    items = [
        item
        for item in recorded_items() + sample_items() + catalog_items()
        if item.get("collection") in known
    ]
    ndjson = tmp_path_factory.mktemp("pgstac") / "items.ndjson"
    ndjson.write_text("\n".join(json.dumps(i) for i in items) + "\n")
    with running_pgstac(collections, ndjson) as (url, dsn):
        yield PgstacServer(url=url, dsn=dsn, items=items, collections=sorted(known))

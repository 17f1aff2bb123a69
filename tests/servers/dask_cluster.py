"""A real dask.distributed cluster on loopback: a ``dask scheduler`` and two single-threaded ``dask worker``
processes (the venv's ``dask`` command), with Timestack on the workers' PYTHONPATH as a user's cluster
would have it installed. Tests import the fixture:
``from tests.servers.dask_cluster import dask_cluster_fixture  # noqa: F401``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]
DASK = Path(sys.executable).with_name("dask")


@pytest.fixture(scope="module", name="dask_cluster")
def dask_cluster_fixture(tmp_path_factory):
    """(scheduler address, worker processes): a scheduler and two single-threaded workers."""
    folder = tmp_path_factory.mktemp("dask")
    scheduler_file = folder / "scheduler.json"
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    quiet = dict(env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder)
    common = ["--no-dashboard"]
    processes = [
        subprocess.Popen(
            [
                str(DASK),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--scheduler-file",
                str(scheduler_file),
                *common,
            ],
            **quiet,
        )  # fmt: skip
    ]
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.exists():
            assert time.monotonic() < deadline, "the dask scheduler did not start"
            time.sleep(0.1)
        address = json.loads(scheduler_file.read_text())["address"]
        for _ in range(2):
            processes.append(
                subprocess.Popen(
                    [
                        str(DASK),
                        "worker",
                        address,
                        "--nthreads",
                        "1",
                        "--nworkers",
                        "1",
                        "--memory-limit",
                        "0",
                        "--host",
                        "127.0.0.1",
                        *common,
                    ],
                    **quiet,
                )  # fmt: skip
            )
        with distributed.Client(address, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=60)
        yield address, processes[1:]
    finally:
        for process in reversed(processes):
            process.kill()
            process.wait()

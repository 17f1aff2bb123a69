"""``timestack:earthenginetasks`` through ``qgis_process``: the subprocess's earthengine-api talks to the
loopback Earth Engine stand-in named by ``TIMESTACK_EE_API_URL``."""

from __future__ import annotations

import csv

import pytest

ee = pytest.importorskip("ee")
from tests.servers.earthengine import earthengine_server  # noqa: E402 - needs ee

PROJECT = "timestack-test"


def test_qgis_process_lists_follows_and_cancels_earth_engine_tasks(qgis_process, tmp_path, monkeypatch):
    with earthengine_server(PROJECT) as server:
        monkeypatch.setenv("TIMESTACK_EE_API_URL", server.url)
        listed = qgis_process(
            "run", "timestack:earthenginetasks", "--", f"EE_PROJECT={PROJECT}", "ACTION=0",
            f"OUTPUT={tmp_path / 'tasks.csv'}",
        )  # fmt: skip
        assert listed["results"]["COUNT"] == 3 and listed["results"]["ACTIVE"] == 2
        with open(tmp_path / "tasks.csv", newline="") as table:
            states = {row["id"]: row["state"] for row in csv.DictReader(table)}
        assert states == {"RUNNINGTASK1": "RUNNING", "PENDINGTASK2": "PENDING", "FAILEDTASK3": "FAILED"}

        cancelled = qgis_process(
            "run", "timestack:earthenginetasks", "--", f"EE_PROJECT={PROJECT}", "ACTION=2",
            "TASK_ID=PENDINGTASK2", f"OUTPUT={tmp_path / 'cancelled.csv'}",
        )  # fmt: skip
        assert cancelled["results"]["ACTIVE"] == 0
        followed = qgis_process(
            "run", "timestack:earthenginetasks", "--", f"EE_PROJECT={PROJECT}", "ACTION=1",
            "POLL_SECONDS=0.05", f"OUTPUT={tmp_path / 'followed.csv'}",
        )  # fmt: skip
        with open(tmp_path / "followed.csv", newline="") as table:
            rows = list(csv.DictReader(table))
        assert [(row["id"], row["state"]) for row in rows] == [("RUNNINGTASK1", "SUCCEEDED")]
        assert followed["results"]["COUNT"] == 1

        unknown = qgis_process(
            "run", "timestack:earthenginetasks", "--", f"EE_PROJECT={PROJECT}", "ACTION=2", "TASK_ID=NOPE",
            f"OUTPUT={tmp_path / 'none.csv'}", json_output=False, check=False,
        )  # fmt: skip
        assert unknown.returncode == 1
        assert "TASK_ID: Earth Engine has no task 'NOPE'" in unknown.stderr
        assert ("POST", f"/v1alpha/projects/{PROJECT}/operations/PENDINGTASK2:cancel") in server.requests

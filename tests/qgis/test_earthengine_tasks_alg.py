"""``timestack:earthenginetasks`` through ``processing.run``, against the loopback Earth Engine stand-in."""

from __future__ import annotations

import csv
import sys

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer, QgsWkbTypes

ee = pytest.importorskip("ee")

PROJECT = "timestack-test"


def run(**parameters):
    import processing

    return processing.run("timestack:earthenginetasks", {"EE_PROJECT": PROJECT, **parameters})


def test_list_writes_one_row_per_task_without_geometry(provider, earthengine_api):
    results = run(ACTION=0, OUTPUT="memory:")
    layer = results["OUTPUT"]
    layer = layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer)
    assert layer.wkbType() == QgsWkbTypes.NoGeometry
    rows = {feature["id"]: feature for feature in layer.getFeatures()}
    assert set(rows) == {"RUNNINGTASK1", "PENDINGTASK2", "FAILEDTASK3"}
    assert rows["RUNNINGTASK1"]["state"] == "RUNNING" and rows["RUNNINGTASK1"]["progress"] == 0.25
    assert rows["FAILEDTASK3"]["runtime_s"] == pytest.approx(60, abs=0.01)
    assert rows["FAILEDTASK3"]["error"] == "Exported bands must have compatible data types."
    assert rows["RUNNINGTASK1"]["started"].isValid() and rows["RUNNINGTASK1"]["task_type"] == "EXPORT_IMAGE"
    assert results["COUNT"] == 3 and results["ACTIVE"] == 2


def test_follow_waits_for_completion_and_cancel_cancels_into_a_csv(provider, earthengine_api, tmp_path):
    followed = run(ACTION=1, TASK_ID="RUNNINGTASK1", POLL_SECONDS=0.01, OUTPUT=str(tmp_path / "followed.csv"))
    with open(followed["OUTPUT"], newline="") as table:
        rows = list(csv.DictReader(table))
    assert [(row["id"], row["state"], float(row["progress"])) for row in rows] == [
        ("RUNNINGTASK1", "SUCCEEDED", 1.0)
    ]
    assert followed["ACTIVE"] == 0
    cancelled = run(ACTION=2, TASK_ID="PENDINGTASK2", OUTPUT="memory:")
    assert [feature["state"] for feature in cancelled["OUTPUT"].getFeatures()] == ["CANCELLED"]
    assert ("POST", f"/v1alpha/projects/{PROJECT}/operations/PENDINGTASK2:cancel") in earthengine_api.requests


def test_cancel_without_a_task_id_or_with_an_unknown_one_names_task_id(provider, earthengine_api):
    with pytest.raises(QgsProcessingException, match="TASK_ID: cancel needs the id of one task"):
        run(ACTION=2, OUTPUT="memory:")
    with pytest.raises(QgsProcessingException, match="^TASK_ID: Earth Engine has no task 'NOPE'"):
        run(ACTION=2, TASK_ID="NOPE", OUTPUT="memory:")


def test_a_project_earth_engine_refuses_is_an_error_naming_ee_project(provider, earthengine_api):
    earthengine_api.fail(403)
    with pytest.raises(QgsProcessingException, match="^EE_PROJECT: Earth Engine did not answer"):
        run(ACTION=0, OUTPUT="memory:")


def test_without_earthengine_api_the_algorithm_says_how_to_install_it(provider, monkeypatch):
    monkeypatch.setitem(sys.modules, "ee", None)
    with pytest.raises(QgsProcessingException, match="earthengine-api package: install it with"):
        run(ACTION=0, OUTPUT="memory:")


def test_a_service_account_key_in_the_auth_database_logs_in(provider, earthengine_api, store_login, tmp_path):
    from tests.helpers.earthengine import service_account_key
    from tests.servers.earthengine import ACCESS_TOKEN

    key = service_account_key(f"{earthengine_api.url}/token")
    results = run(ACTION=0, AUTHCFG=store_login("", key), OUTPUT=str(tmp_path / "tasks.csv"))
    assert results["COUNT"] == 3
    assert (
        earthengine_api.tokens_issued == 1 and earthengine_api.authorizations[-1] == f"Bearer {ACCESS_TOKEN}"
    )
    assert "PRIVATE KEY" not in (tmp_path / "tasks.csv").read_text()


def test_a_password_that_is_no_service_account_key_is_named(provider, earthengine_api, store_login):
    with pytest.raises(QgsProcessingException, match="AUTHCFG: .*service account's key JSON") as error:
        run(ACTION=0, AUTHCFG=store_login("", "just-a-pa55word"), OUTPUT="memory:")
    assert "pa55word" not in str(error.value)

"""Earth Engine export tasks listed, followed and cancelled through earthengine-api's own REST layer,
answered by a loopback stand-in (tests/servers/earthengine.py) with Operations in the documented shape."""

from __future__ import annotations

import pytest

from timestack.core.earthengine.landtrendr import API_URL_ENV
from timestack.core.earthengine.tasks import cancel_task, follow_tasks, get_task, list_tasks
from timestack.core.runtime import Cancelled, TimestackError

ee = pytest.importorskip("ee")
from tests.servers.earthengine import earthengine_server, reset_earthengine  # noqa: E402 - needs ee

PROJECT = "timestack-test"


def test_list_gives_state_runtime_progress_and_destinations_of_every_task(earthengine_api):
    tasks = {task.id: task for task in list_tasks(PROJECT)}
    assert set(tasks) == {"RUNNINGTASK1", "PENDINGTASK2", "FAILEDTASK3"}
    running, pending, failed = tasks["RUNNINGTASK1"], tasks["PENDINGTASK2"], tasks["FAILEDTASK3"]
    assert running.state == "RUNNING" and running.active and running.progress == 0.25
    assert running.task_type == "EXPORT_IMAGE" and running.description == "lt_vertices"
    assert running.name == f"projects/{PROJECT}/operations/RUNNINGTASK1"
    assert running.destination_uris == ("https://drive.google.com/#folders/timestack/lt_vertices",)
    assert 235 < running.runtime_s < 600  # started four minutes ago, still running
    assert pending.state == "PENDING" and pending.started is None and pending.runtime_s is None
    assert failed.state == "FAILED" and failed.done and not failed.active
    assert failed.runtime_s == pytest.approx(60, abs=0.01)  # start to last update
    assert failed.error == "Exported bands must have compatible data types."
    assert [task.id for task in list_tasks(PROJECT, states=("FAILED",))] == ["FAILEDTASK3"]
    assert ("GET", f"/v1alpha/projects/{PROJECT}/operations") in earthengine_api.requests


def test_follow_polls_the_active_tasks_to_completion_reporting_progress(earthengine_api):
    reports = []
    ended = follow_tasks(project=PROJECT, progress=lambda p, m: reports.append((p, m)), poll_seconds=0.01)
    # Without ids it follows the tasks active at the start (the failed one is not followed).
    assert {task.id: task.state for task in ended} == {
        "RUNNINGTASK1": "SUCCEEDED",
        "PENDINGTASK2": "SUCCEEDED",
    }
    assert all(task.progress == 1.0 and task.done and task.runtime_s >= 0 for task in ended)
    percents = [percent for percent, _ in reports]
    assert percents == sorted(percents) and percents[-1] == 100.0 and len(percents) > 2
    assert reports[-1][1] == "2 of 2 Earth Engine tasks ended"
    assert reports[-1][1].template == "{0} of {1} Earth Engine tasks ended"


def test_follow_with_nothing_running_returns_at_once(earthengine_api):
    cancel_task("RUNNINGTASK1", PROJECT)
    cancel_task("PENDINGTASK2", PROJECT)
    reports = []
    assert follow_tasks(project=PROJECT, progress=lambda p, m: reports.append(m)) == []
    assert reports == ["No Earth Engine task is running."]


def test_follow_one_task_by_id_stops_when_it_succeeds(earthengine_api):
    reports = []
    ended = follow_tasks(
        ["RUNNINGTASK1"], PROJECT, progress=lambda p, m: reports.append(p), poll_seconds=0.01
    )
    assert [task.state for task in ended] == ["SUCCEEDED"] and ended[0].runtime_s > 0
    assert reports == [50.0, 75.0, 100.0]  # 0.25 -> 0.5, 0.75, done (one step per poll)


def test_follow_stops_on_cancel_and_leaves_the_task_running(earthengine_api):
    earthengine_api.queue_moves = False
    polls = []

    def cancelled():
        polls.append(1)
        return len(polls) > 2

    with pytest.raises(Cancelled):
        follow_tasks(["PENDINGTASK2"], PROJECT, is_cancelled=cancelled, poll_seconds=0.01)
    assert get_task("PENDINGTASK2", PROJECT).state == "PENDING"


def test_cancel_turns_a_running_task_into_cancelled(earthengine_api):
    task = cancel_task("RUNNINGTASK1", PROJECT)
    assert task.state == "CANCELLED" and task.done
    assert ("POST", f"/v1alpha/projects/{PROJECT}/operations/RUNNINGTASK1:cancel") in earthengine_api.requests
    assert {t.id: t.state for t in list_tasks(PROJECT)}["RUNNINGTASK1"] == "CANCELLED"


def test_cancel_of_an_ended_task_changes_nothing(earthengine_api):
    assert cancel_task("FAILEDTASK3", PROJECT).state == "FAILED"
    assert not any(path.endswith(":cancel") for _, path in earthengine_api.requests)


def test_a_full_operation_name_or_a_bare_id_without_project_finds_the_task(earthengine_api):
    earthengine_api.queue_moves = False
    assert get_task(f"projects/{PROJECT}/operations/PENDINGTASK2", PROJECT).state == "PENDING"
    ee.Reset()
    ee.Initialize(credentials=None, url=earthengine_api.url, project=PROJECT)  # the default project
    assert get_task("PENDINGTASK2").description == "lt_fitted"


def test_unknown_task_id_is_an_error_naming_task_id(earthengine_api):
    with pytest.raises(TimestackError) as caught:
        cancel_task("NOSUCHTASK", PROJECT)
    assert caught.value.parameter == "TASK_ID"
    assert str(caught.value) == (
        "Earth Engine has no task 'NOSUCHTASK' in project 'timestack-test'; list the tasks (ACTION list) "
        "to see their ids."
    )
    with pytest.raises(TimestackError, match="TASK_ID is empty"):
        get_task(" ", PROJECT)


def test_permission_denied_is_a_clear_error_naming_the_project(earthengine_api):
    earthengine_api.fail(403)
    with pytest.raises(TimestackError) as caught:
        list_tasks(PROJECT)
    assert caught.value.parameter == "EE_PROJECT"
    assert "did not answer for the tasks of project 'timestack-test'" in str(caught.value)
    assert "The caller does not have permission" in str(caught.value)


def test_a_project_not_enabled_for_earth_engine_is_a_clear_error(earthengine_api):
    with pytest.raises(TimestackError, match="Earth Engine is not enabled for projects/other"):
        list_tasks("other")


def test_server_error_after_retries_is_a_clear_error(earthengine_api):
    list_tasks(PROJECT)  # initialised
    ee.data.setMaxRetries(0)
    earthengine_api.fail(500, times=3)
    with pytest.raises(TimestackError) as caught:
        get_task("RUNNINGTASK1", PROJECT)
    assert caught.value.parameter == "EE_PROJECT" and "Internal error" in str(caught.value)


def test_an_unreachable_server_is_a_clear_error(monkeypatch):
    import types

    import googleapiclient.http

    # The client retries with random exponential back-off (up to a minute); no wait between retries here.
    monkeypatch.setattr(googleapiclient.http, "random", types.SimpleNamespace(random=lambda: 0.0))
    with earthengine_server(PROJECT) as state:
        url = state.url
    monkeypatch.setenv(API_URL_ENV, url)
    reset_earthengine()
    try:
        with pytest.raises(TimestackError, match="Earth Engine could not be initialised"):
            list_tasks(PROJECT)
    finally:
        reset_earthengine()


def test_without_earthengine_api_the_error_says_how_to_install_it(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "ee", None)
    with pytest.raises(TimestackError) as caught:
        list_tasks(PROJECT)
    assert "earthengine-api" in str(caught.value) and "Install Python packages" in str(caught.value)
    assert caught.value.parameter == "EE_PROJECT"

"""``timestack:earthenginetasks`` through qgis_process against careless input: every case is refused with
a message naming the parameter to fix, and no file of the folder changes. The subprocess's earthengine-api
talks to the loopback Earth Engine stand-in named by ``TIMESTACK_EE_API_URL`` (or to a closed port)."""

from __future__ import annotations

import socket

import pytest

from tests.helpers.bad_input import Case, arguments, read_only, run_case

ee = pytest.importorskip("ee")
from tests.servers.earthengine import earthengine_server  # noqa: E402 - needs ee

ALGORITHM = "timestack:earthenginetasks"
PROJECT = "timestack-test"


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    root = tmp_path_factory.mktemp("eetasks_bad")
    (root / "notes.txt").write_text("field notes\n")
    (root / "tasks.csv").write_text("id,state\nOLD,SUCCEEDED\n")  # an earlier listing, kept
    (root / "a_folder").mkdir()
    (root / "locked").mkdir()
    with read_only(root / "locked"):
        yield {"root": str(root)}


@pytest.fixture(scope="module")
def server():
    with earthengine_server(PROJECT) as running:
        yield running


@pytest.fixture()
def served(server, monkeypatch):
    monkeypatch.setenv("TIMESTACK_EE_API_URL", server.url)
    return server


BASE = {"EE_PROJECT": PROJECT, "ACTION": 0, "OUTPUT": "{root}/out/listed.csv"}


def case(id: str, fragment: str, **changes) -> Case:
    return Case(id, arguments(BASE, **changes), fragment)


CASES = [
    case("action-out-of-range", "ACTION: 3 is not one of the choices", ACTION=3),
    case("action-negative", "ACTION: -1 is not one of the choices", ACTION=-1),
    case("action-by-name", "ACTION: cancel is not one of the choices", ACTION="cancel"),
    case("action-two-choices", "ACTION takes one choice", ACTION="0,2"),
    case("cancel-without-task", "TASK_ID: cancel needs the id of one task", ACTION=2),
    case("cancel-blank-task", "TASK_ID: cancel needs the id of one task", ACTION=2, TASK_ID="   "),
    case("cancel-two-tasks", "TASK_ID: cancel needs the id of one task", ACTION=2, TASK_ID="A,B"),
    case("cancel-unknown-task", "TASK_ID: Earth Engine has no task 'NOPE'", ACTION=2, TASK_ID="NOPE"),
    case("follow-unknown-task", "TASK_ID: Earth Engine has no task 'NOPE'", ACTION=1, TASK_ID="NOPE"),
    case(
        "follow-one-unknown-of-two",
        "TASK_ID: Earth Engine has no task 'NOPE'",
        ACTION=1,
        TASK_ID="RUNNINGTASK1,NOPE",
        POLL_SECONDS=0.05,
    ),
    case("poll-zero", "POLL_SECONDS must be between 0.01 and 3600, got 0", ACTION=1, POLL_SECONDS=0),
    case("poll-negative", "POLL_SECONDS must be between 0.01 and 3600, got -5", ACTION=1, POLL_SECONDS=-5),
    case("poll-a-day", "POLL_SECONDS must be between 0.01 and 3600, got 86400", ACTION=1, POLL_SECONDS=86400),
    case("poll-text", "POLL_SECONDS must be a number, got 'often'", ACTION=1, POLL_SECONDS="often"),
    case("poll-infinite", "POLL_SECONDS must be a finite number", ACTION=1, POLL_SECONDS="inf"),
    case("project-unknown", "EE_PROJECT", EE_PROJECT="no-such-project"),
    case("project-with-slash", "EE_PROJECT: Earth Engine could not be initialised", EE_PROJECT="a/b"),
    case("output-is-a-folder", "OUTPUT: {root}/a_folder is a folder", OUTPUT="{root}/a_folder"),
    case("output-below-a-file", "{root}/notes.txt is a file, not a folder", OUTPUT="{root}/notes.txt/t.csv"),
    case("output-in-read-only-folder", "OUTPUT: cannot write in {root}/locked", OUTPUT="{root}/locked/t.csv"),
    case(
        "output-two-levels-below-a-file",
        "{root}/notes.txt is a file, not a folder",
        OUTPUT="{root}/notes.txt/a/t.csv",
    ),
    case(
        "output-unknown-format",
        "OUTPUT: '.xyz' is not a vector or table format",
        OUTPUT="{root}/out/tasks.xyz",
    ),
    case("output-empty", "OUTPUT is empty; it needs a value", OUTPUT=""),
    case(
        "cancel-task-with-a-space",
        "TASK_ID: cancel needs the id of one task",
        ACTION=2,
        TASK_ID="RUNNING TASK1",
    ),
    case("project-too-short", "EE_PROJECT", EE_PROJECT="ab"),
]


@pytest.mark.parametrize("bad", CASES, ids=[bad.id for bad in CASES])
def test_earthenginetasks_refuses_bad_input_by_name_and_changes_nothing(qgis_process, place, served, bad):
    run_case(qgis_process, ALGORITHM, bad, place, inputs=[place["root"]])


def test_an_earth_engine_that_does_not_answer_names_the_project(qgis_process, place, monkeypatch):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("TIMESTACK_EE_API_URL", f"http://127.0.0.1:{port}")
    bad = case("earth-engine-down", "Earth Engine")
    said = run_case(qgis_process, ALGORITHM, bad, place, inputs=[place["root"]])
    assert "EE_PROJECT" in said or "Earth Engine could not be initialised" in said


def test_a_listing_into_a_new_folder_makes_the_folder(qgis_process, served, tmp_path):
    """QGIS makes no folder for a table output: the algorithm does, and only for a run that succeeds."""
    table = tmp_path / "new" / "deeper" / "tasks.csv"
    qgis_process("run", ALGORITHM, "--", f"EE_PROJECT={PROJECT}", "ACTION=0", f"OUTPUT={table}")
    assert table.read_text().startswith("id,")
    refused = tmp_path / "other" / "tasks.csv"
    done = qgis_process(
        "run", ALGORITHM, "--", f"EE_PROJECT={PROJECT}", "ACTION=2", "TASK_ID=NOPE", f"OUTPUT={refused}",
        json_output=False, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and not (tmp_path / "other").exists()

"""The Earth Engine export tasks of a Google Cloud project: list, follow and cancel them.

Composite and LandTrendr runs on Earth Engine end with export tasks (``Export.image.toDrive`` /
``toAsset``) that run for minutes to hours on Google's side. Earth Engine's REST API keeps each one as
a long-running *Operation* (``projects/<project>/operations/<id>``) whose ``metadata`` (an
``OperationMetadata``) carries its state — ``PENDING``, ``RUNNING``, ``CANCELLING``, ``SUCCEEDED``,
``CANCELLED``, ``FAILED`` —, description, type (``EXPORT_IMAGE`` …), create/start/update times,
progress (0–1) and destination URIs; ``done`` and ``error`` say how it ended (Earth Engine REST
reference, ``projects.operations``). earthengine-api's ``ee.data.listOperations``, ``getOperation``
and ``cancelOperation`` send those requests; this module turns their answers into
:class:`ExportTask` records and adds the polling a caller needs to follow tasks to their end.

Earth Engine is initialised by :func:`timestack.core.earthengine.login.ensure_initialized`, so
``TIMESTACK_EE_API_URL`` (a stand-in server for tests) applies here as everywhere else.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Optional, Sequence

from ..runtime import (
    MISSING_EARTHENGINE,
    QT_TRANSLATE_NOOP,
    Cancelled,
    IsCancelled,
    Message,
    Progress,
    TimestackError,
    no_progress,
    not_cancelled,
    optional_import,
)
from .login import ensure_initialized

__all__ = [
    "ACTIVE_STATES",
    "FINAL_STATES",
    "ExportTask",
    "cancel_task",
    "follow_tasks",
    "get_task",
    "list_tasks",
    "task_from_operation",
]

#: Operation states of a task still queued or running (OperationMetadata.state).
ACTIVE_STATES = ("PENDING", "RUNNING", "CANCELLING")
#: Operation states of a task that has ended.
FINAL_STATES = ("SUCCEEDED", "CANCELLED", "FAILED")
#: Seconds between two polls of :func:`follow_tasks`: Earth Engine updates progress about this often.
POLL_SECONDS = 10.0


@dataclass(frozen=True)
class ExportTask:
    """One export task as Earth Engine reports it (times in UTC, ``progress`` 0–1)."""

    #: The task id (the last part of ``name``), as the Code Editor's Tasks tab shows it.
    id: str
    #: The operation's full name, ``projects/<project>/operations/<id>``.
    name: str
    description: str
    #: PENDING, RUNNING, CANCELLING, SUCCEEDED, CANCELLED or FAILED.
    state: str
    #: EXPORT_IMAGE, EXPORT_FEATURES, … (OperationMetadata.type).
    task_type: str
    created: Optional[datetime]
    started: Optional[datetime]
    updated: Optional[datetime]
    #: Seconds from start to the last update (a finished task) or to now (a running one); None unstarted.
    runtime_s: Optional[float]
    progress: float
    destination_uris: tuple
    #: Why a FAILED task failed, "" otherwise.
    error: str
    done: bool

    @property
    def active(self) -> bool:
        return not self.done and self.state not in FINAL_STATES


def _ee():
    return optional_import("ee", "Earth Engine tasks", "earthengine-api", "EE_PROJECT", MISSING_EARTHENGINE)


def _timestamp(text: Optional[str]) -> Optional[datetime]:
    """An RFC 3339 timestamp (``2024-05-01T10:00:00.123456Z``, nanoseconds allowed) in UTC."""
    if not text:
        return None
    text = text.strip().replace("Z", "+00:00")
    if "." in text:  # fromisoformat takes at most six fractional digits on Python < 3.11
        head, rest = text.split(".", 1)
        digits = "".join(c for c in rest if c.isdigit())
        text = f"{head}.{digits[:6].ljust(6, '0')}{rest[len(digits) :]}"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def task_from_operation(operation: dict, now: Optional[datetime] = None) -> ExportTask:
    """An :class:`ExportTask` from an Operation dictionary of the REST API.

    Parameters
    ----------
    operation
        One Operation as ``ee.data.listOperations`` or ``getOperation`` gives it.
    now
        The time a running task's runtime is counted to; None: now.

    Returns
    -------
    ExportTask
    """
    metadata: dict[str, Any] = operation.get("metadata") or {}
    name = str(operation.get("name", ""))
    done = bool(operation.get("done", False))
    state = str(metadata.get("state") or ("SUCCEEDED" if done else "PENDING"))
    if done and operation.get("error") and state not in FINAL_STATES:
        state = "FAILED"
    created, started, updated = (
        _timestamp(metadata.get(key)) for key in ("createTime", "startTime", "updateTime")
    )
    end = (updated if done or state in FINAL_STATES else None) or now or datetime.now(timezone.utc)
    runtime = max(0.0, (end - started).total_seconds()) if started else None
    error = (operation.get("error") or {}).get("message", "") if done or state == "FAILED" else ""
    progress = float(metadata.get("progress") or (1.0 if state == "SUCCEEDED" else 0.0))
    return ExportTask(
        id=name.rsplit("/", 1)[-1],
        name=name,
        description=str(metadata.get("description", "")),
        state=state,
        task_type=str(metadata.get("type", "")),
        created=created,
        started=started,
        updated=updated,
        runtime_s=runtime,
        progress=min(1.0, max(0.0, progress)),
        destination_uris=tuple(metadata.get("destinationUris") or ()),
        error=str(error),
        done=done or state in FINAL_STATES,
    )


def _answer(ee, call: Callable[[], Any], project: Optional[str]):
    """``call()``'s answer; an Earth Engine or network failure is a :class:`TimestackError` naming the
    project (the server's own reason is kept: it says which permission or project is wrong)."""
    try:
        return call()
    except TimestackError:
        raise
    except Exception as exc:  # noqa: BLE001 - EEException, HttpError, requests' connection errors
        reason = str(exc) if isinstance(exc, ee.EEException) else type(exc).__name__
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "Earth Engine did not answer for the tasks of project '{0}': {1}. Check EE_PROJECT (a Google "
                "Cloud project registered for Earth Engine) and the network, then try again."
            ),
            "EE_PROJECT",
            args=(project or "", reason),
        ) from None  # fmt: skip


def _project_path(project: Optional[str]) -> Optional[str]:
    if not project:
        return None
    project = project.strip()
    return project if project.startswith("projects/") else f"projects/{project}"


def _operations(ee, project: Optional[str]) -> list:
    return _answer(ee, lambda: ee.data.listOperations(_project_path(project)), project)


def list_tasks(project: Optional[str] = None, states: Optional[Sequence[str]] = None) -> list:
    """The export tasks of ``project``, newest first as Earth Engine lists them.

    Parameters
    ----------
    project
        The Google Cloud project id (or ``projects/<id>``); None: the initialised default project.
    states
        Only tasks in one of these states (``RUNNING``, ``PENDING``…); None: all.

    Returns
    -------
    list of ExportTask

    Raises
    ------
    TimestackError
        earthengine-api missing or not initialised, or Earth Engine refusing or not answering (names
        EE_PROJECT).
    """
    ee = _ee()
    ensure_initialized(project)
    now = datetime.now(timezone.utc)
    tasks = [task_from_operation(operation, now) for operation in _operations(ee, project)]
    return [task for task in tasks if states is None or task.state in states]


def _unknown_task(task_id: str, project: Optional[str]) -> TimestackError:
    return TimestackError(
        QT_TRANSLATE_NOOP(
            "TimestackCore",
            "Earth Engine has no task '{0}' in project '{1}'; list the tasks (ACTION list) to see their ids."
        ),
        "TASK_ID",
        args=(task_id, project or ""),
    )  # fmt: skip


def _operation_name(ee, task_id: str, project: Optional[str]) -> str:
    """The operation name of ``task_id`` (a bare id or a full name); without a project, the listed task
    with that id."""
    task_id = task_id.strip()
    if not task_id:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "TASK_ID is empty; give the id of a task."), "TASK_ID"
        )
    if task_id.startswith("projects/"):
        return task_id
    if project:
        return f"{_project_path(project)}/operations/{task_id}"
    for operation in _operations(ee, project):
        if str(operation.get("name", "")).rsplit("/", 1)[-1] == task_id:
            return operation["name"]
    raise _unknown_task(task_id, project)


def _get(ee, name: str, task_id: str, project: Optional[str]) -> dict:
    """The operation ``name``; an id Earth Engine does not know is told apart from a failing server by
    listing the project's tasks (the client's error does not carry the HTTP status)."""
    try:
        return ee.data.getOperation(name)
    except Exception:  # noqa: BLE001 - decided below
        names = {str(operation.get("name", "")) for operation in _operations(ee, project)}
        if name not in names:
            raise _unknown_task(task_id, project) from None
        return _answer(ee, lambda: ee.data.getOperation(name), project)


def get_task(task_id: str, project: Optional[str] = None) -> ExportTask:
    """One task's current state.

    Parameters
    ----------
    task_id
        A bare task id or a full operation name.
    project
        As :func:`list_tasks`.

    Returns
    -------
    ExportTask

    Raises
    ------
    TimestackError
        An empty or unknown ``task_id`` (names TASK_ID), or what :func:`list_tasks` raises.
    """
    ee = _ee()
    ensure_initialized(project)
    return task_from_operation(_get(ee, _operation_name(ee, task_id, project), task_id, project))


def cancel_task(task_id: str, project: Optional[str] = None) -> ExportTask:
    """Ask Earth Engine to cancel a task.

    Parameters
    ----------
    task_id, project
        As :func:`get_task`.

    Returns
    -------
    ExportTask
        Its state afterwards (CANCELLING or CANCELLED; a task that had already ended is returned
        unchanged).

    Raises
    ------
    TimestackError
        As :func:`get_task`.
    """
    ee = _ee()
    ensure_initialized(project)
    name = _operation_name(ee, task_id, project)
    task = task_from_operation(_get(ee, name, task_id, project))
    if task.done:
        return task
    _answer(ee, lambda: ee.data.cancelOperation(name), project)
    return task_from_operation(_get(ee, name, task_id, project))


def follow_tasks(
    task_ids: Sequence[str] = (),
    project: Optional[str] = None,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    poll_seconds: float = POLL_SECONDS,
) -> list:
    """Poll tasks until every one has ended; returns them in their final state.

    An export runs for minutes to hours on Google's side; following it lets a model or a script wait for
    the files before the next step.

    Parameters
    ----------
    task_ids
        The tasks to follow; empty: the project's tasks active at the start.
    project
        As :func:`list_tasks`.
    progress
        Gets the mean progress of the followed tasks and how many have ended.
    is_cancelled
        Stops the following; the tasks themselves keep running on Earth Engine.
    poll_seconds
        Seconds between polls.

    Returns
    -------
    list of ExportTask
        In their final state.

    Raises
    ------
    TimestackError
        As :func:`get_task`.
    Cancelled
        ``is_cancelled`` turned true.
    """
    progress = progress or no_progress
    is_cancelled = is_cancelled or not_cancelled
    ee = _ee()
    ensure_initialized(project)
    if task_ids:
        names = {task_id: _operation_name(ee, task_id, project) for task_id in task_ids}
    else:
        names = {task.id: task.name for task in list_tasks(project) if task.active}
    if not names:
        progress(100.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "No Earth Engine task is running.")))
        return []
    while True:
        tasks = [task_from_operation(_get(ee, name, task_id, project)) for task_id, name in names.items()]
        ended = sum(task.done for task in tasks)
        percent = 100.0 * sum(1.0 if task.done else task.progress for task in tasks) / len(tasks)
        progress(
            percent,
            Message(
                QT_TRANSLATE_NOOP("TimestackCore", "{0} of {1} Earth Engine tasks ended"), ended, len(tasks)
            ),
        )
        if ended == len(tasks):
            return tasks
        deadline = time.monotonic() + poll_seconds
        while True:
            if is_cancelled():
                raise Cancelled()
            left = deadline - time.monotonic()
            if left <= 0:
                break
            time.sleep(min(left, 0.2))

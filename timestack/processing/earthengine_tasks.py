"""``timestack:earthenginetasks`` — list, follow or cancel the Earth Engine export tasks of a project.

The requests are :mod:`timestack.core.earthengine.tasks`' (earthengine-api's operations calls); this
module maps parameters, reports progress and writes one row per task to a table without geometry.
"""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QDateTime, Qt, QVariant

from .algorithm import TimestackAlgorithm
from .params import EarthEngineLoginParameter, advanced, split_list

#: The table's columns: (name, type), one row per task.
FIELDS = (
    ("id", QVariant.String),
    ("description", QVariant.String),
    ("state", QVariant.String),
    ("task_type", QVariant.String),
    ("created", QVariant.DateTime),
    ("started", QVariant.DateTime),
    ("updated", QVariant.DateTime),
    ("runtime_s", QVariant.Double),
    ("progress", QVariant.Double),
    ("destinations", QVariant.String),
    ("error", QVariant.String),
    ("name", QVariant.String),
)


def task_row(task) -> list:
    """A core ExportTask as the table's attribute values (times as QDateTime in UTC)."""

    def when(moment):
        return QDateTime.fromString(moment.isoformat(), Qt.ISODate) if moment is not None else None

    return [
        task.id, task.description, task.state, task.task_type, when(task.created), when(task.started),
        when(task.updated), task.runtime_s, task.progress, " ".join(task.destination_uris), task.error,
        task.name,
    ]  # fmt: skip


class EarthEngineTasksAlgorithm(EarthEngineLoginParameter, TimestackAlgorithm):
    """The export tasks that composite and landtrendr start on Earth Engine: list, follow, cancel."""

    GROUP = QT_TRANSLATE_NOOP("TimestackAlgorithm", "Data")
    GROUP_ID = "data"

    EE_PROJECT = "EE_PROJECT"
    ACTION = "ACTION"
    TASK_ID = "TASK_ID"
    POLL_SECONDS = "POLL_SECONDS"
    OUTPUT = "OUTPUT"
    COUNT = "COUNT"
    ACTIVE = "ACTIVE"

    ACTIONS = ("list", "follow", "cancel")

    def name(self) -> str:
        return "earthenginetasks"

    def displayName(self) -> str:
        return self.tr("Earth Engine tasks")

    def shortHelpString(self) -> str:
        return self.tr(
            "The export tasks of a Google Cloud project on Earth Engine, such as those Composite and "
            "LandTrendr start with ENGINE earthengine: one row per task with its id, state (PENDING, "
            "RUNNING, CANCELLING, SUCCEEDED, CANCELLED, FAILED), type, times, runtime in seconds, progress "
            "(0–1), destinations and error. ACTION list: every task of the project. ACTION follow: waits "
            "until the task TASK_ID (or several, separated by commas; empty: every task running now) has "
            "ended, reporting progress; cancelling stops the waiting, not the tasks. ACTION cancel: asks "
            "Earth Engine to cancel TASK_ID. EE_PROJECT empty: the project of your Earth Engine login."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterString(
                self.EE_PROJECT, self.tr("Earth Engine: Google Cloud project"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.ACTION,
                self.tr("Action"),
                options=[self.tr("List tasks"), self.tr("Follow until done"), self.tr("Cancel task")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TASK_ID,
                self.tr("Task id (required to cancel; comma-separated to follow)"),
                optional=True,
            )
        )
        self.addParameter(
            advanced(
                QgsProcessingParameterNumber(
                    self.POLL_SECONDS,
                    self.tr("Seconds between two checks while following"),
                    QgsProcessingParameterNumber.Double,
                    10.0,
                    minValue=0.01,
                    maxValue=3600.0,
                )
            )
        )
        self.add_earthengine_login_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Earth Engine tasks"), QgsProcessing.TypeVector
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, self.tr("Number of tasks")))
        self.addOutput(QgsProcessingOutputNumber(self.ACTIVE, self.tr("Tasks still pending or running")))
        self.set_help({
            self.EE_PROJECT: self.tr(
                "The id of the Google Cloud project whose export tasks are listed (my-project); empty: the "
                "project of your Earth Engine login."
            ),
        })  # fmt: skip
        self.set_help({
            self.ACTION: self.tr(
                "List every export task of the project; follow tasks until they end, "
                "reporting progress; or cancel a task."
            ),
            self.TASK_ID: self.tr(
                "The id of the task to cancel, or of the tasks to follow, separated by commas"
                " (empty: every task running now)."
            ),
            self.POLL_SECONDS: self.tr(
                "While following: how long to wait between two checks of the tasks' state, in"
                " seconds."
            ),
            self.OUTPUT: self.tr(
                "The tasks as a table: one row per task with its id, state, type, times, "
                "runtime (seconds), progress (0–1), destinations and error."
            ),
        })  # fmt: skip

    def processAlgorithm(self, parameters, context, feedback):
        # earthengine-api is imported by the run, not when QGIS registers the algorithm
        from ..core.earthengine.tasks import cancel_task, follow_tasks, list_tasks

        project = self.parameterAsString(parameters, self.EE_PROJECT, context).strip() or None
        action = self.ACTIONS[self.parameterAsEnum(parameters, self.ACTION, context)]
        task_ids = split_list(self.parameterAsString(parameters, self.TASK_ID, context))
        if action == "cancel" and len(task_ids) != 1:
            raise self.fail(
                self.tr(
                    "TASK_ID: cancel needs the id of one task; list the tasks (ACTION list) to see their ids."
                )
            )
        progress, is_cancelled = self.core_callbacks(feedback)
        with self.core_errors(self.tr("Following Earth Engine tasks")):
            self.earthengine_sign_in(parameters, context, project)
            if action == "list":
                tasks = list_tasks(project)
            elif action == "cancel":
                tasks = [cancel_task(task_ids[0], project)]
                feedback.pushInfo(self.tr("Task {0} is now {1}.").format(tasks[0].id, tasks[0].state))
            else:
                poll = self.parameterAsDouble(parameters, self.POLL_SECONDS, context)
                tasks = follow_tasks(task_ids, project, progress, is_cancelled, poll_seconds=poll)
        fields = QgsFields()
        for name, kind in FIELDS:
            fields.append(QgsField(name, kind))
        sink, sink_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for task in tasks:
            feature = QgsFeature(fields)
            feature.setAttributes(task_row(task))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        active = sum(task.active for task in tasks)
        feedback.pushInfo(self.tr("{0} tasks, {1} pending or running.").format(len(tasks), active))
        return {self.OUTPUT: sink_id, self.COUNT: len(tasks), self.ACTIVE: active}

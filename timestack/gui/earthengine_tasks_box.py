"""The Earth Engine tasks of a project, listed and cancelled in the dock where Earth Engine runs start.

Every request is ``timestack:earthenginetasks``' (run in the background): Refresh lists the tasks into
a table, Cancel task cancels the selected one and lists again.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsProcessingUtils
from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..processing.earthengine_tasks import EarthEngineTasksAlgorithm
from .algorithm_task import AlgorithmTask, algorithms_not_loaded
from .earthengine_login import EarthEngineLogin
from .parameter_widgets import AlgorithmParameters

ALGORITHM_ID = "timestack:earthenginetasks"
LIST, FOLLOW, CANCEL = range(3)


def runtime_text(seconds) -> str:
    """``3725`` -> ``1:02:05``; empty for a task that has not started."""
    if seconds is None or seconds == "" or (hasattr(seconds, "isNull") and seconds.isNull()):
        return ""
    seconds = int(round(float(seconds)))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class EarthEngineTasksBox(QgsCollapsibleGroupBox):
    """Project, Refresh, the task table (id, description, state, runtime, progress) and Cancel task."""

    COLUMNS = ("id", "description", "state", "runtime_s", "progress")

    def __init__(self, parent=None):
        super().__init__(QCoreApplication.translate("EarthEngineTasksBox", "Earth Engine tasks"), parent)
        self.setObjectName("earthEngineTasks")
        self.setToolTip(
            self.tr("The export tasks Earth Engine runs started: their state, runtime and progress")
        )
        self.setCollapsed(True)
        self.run: Optional[AlgorithmTask] = None
        definitions = AlgorithmParameters(EarthEngineTasksAlgorithm)
        self.project = QLineEdit(self)
        self.project.setObjectName("earthEngineTasksProject")
        self.project.setToolTip(definitions.tooltip(EarthEngineTasksAlgorithm.EE_PROJECT))
        self.project.setPlaceholderText(self.tr("[your login's project]"))
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("earthEngineTasksRefresh")
        self.refresh_button.setToolTip(self.tr("List the project's export tasks"))
        self.cancel_task_button = QPushButton(self.tr("Cancel task"), self)
        self.cancel_task_button.setObjectName("earthEngineTasksCancel")
        self.cancel_task_button.setToolTip(self.tr("Ask Earth Engine to cancel the selected task"))
        self.cancel_task_button.setEnabled(False)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("earthEngineTasksTable")
        self.table.setToolTip(self.tr("One row per task, newest first"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Task"),
                self.tr("Description"),
                self.tr("State"),
                self.tr("Runtime"),
                self.tr("Progress"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.setMinimumHeight(120)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # a long label over its field, not beside it
        form.addRow(self.tr("Cloud project"), self.project)
        #: Earth Engine login: the browser's, or a service account's from the authentication database
        self.login = EarthEngineLogin(lambda: self.project.text(), self)
        form.addRow(self.tr("Login"), self.login)
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.cancel_task_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.refresh_button.clicked.connect(self.refresh)
        self.cancel_task_button.clicked.connect(self.cancel_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("EarthEngineTasksBox", text)

    def parameters(self, action: int, task_id: str = "") -> dict:
        values = {
            EarthEngineTasksAlgorithm.EE_PROJECT: self.project.text().strip(),
            EarthEngineTasksAlgorithm.ACTION: action,
            EarthEngineTasksAlgorithm.OUTPUT: "memory:",
        }
        if task_id:
            values[EarthEngineTasksAlgorithm.TASK_ID] = task_id
        return values

    def selected_task(self) -> str:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return ""
        item = self.table.item(rows.pop(), 0)
        return item.text() if item is not None else ""

    def refresh(self) -> None:
        self._start(self.parameters(LIST), self.tr("Listing Earth Engine tasks…"))

    def cancel_selected(self) -> None:
        task_id = self.selected_task()
        if task_id:
            self._start(self.parameters(CANCEL, task_id), self.tr("Cancelling task {0}…").format(task_id))

    def _start(self, parameters: dict, busy_text: str) -> None:
        try:
            run = AlgorithmTask(ALGORITHM_ID, parameters, self._finished)
        except KeyError:  # not registered: the provider is not loaded
            self.status.setText(algorithms_not_loaded())
            return
        self.refresh_button.setEnabled(False)
        self.cancel_task_button.setEnabled(False)
        self.status.setText(busy_text)
        self.run = run
        self.run.start()

    def _finished(self, ok: bool, results: dict) -> None:
        self.refresh_button.setEnabled(True)
        run = self.run
        if not ok or run is None:
            self._selection_changed()
            self.status.setText(run.failure(self.tr("Earth Engine tasks")) if run else "")
            return
        action = run.parameters.get(EarthEngineTasksAlgorithm.ACTION)
        layer = QgsProcessingUtils.mapLayerFromString(str(results.get("OUTPUT", "")), run.context)
        rows = [feature for feature in layer.getFeatures()] if layer is not None else []
        if action == CANCEL:
            states = ", ".join(f"{row['id']}: {row['state']}" for row in rows)
            self.status.setText(self.tr("Cancel requested ({0}).").format(states))
            self.refresh()
            return
        self.show_tasks(rows)
        self.status.setText(
            self.tr("{0} tasks, {1} pending or running.").format(
                results.get("COUNT", 0), results.get("ACTIVE", 0)
            )
        )

    def show_tasks(self, rows: list) -> None:
        """Fill the table from the algorithm's rows (features with its fields)."""
        self.table.setRowCount(0)
        for row in rows:
            index = self.table.rowCount()
            self.table.insertRow(index)
            progress = row["progress"]
            texts = [
                str(row["id"]),
                str(row["description"] or ""),
                str(row["state"]),
                runtime_text(row["runtime_s"]),
                f"{float(progress):.0%}" if progress not in (None, "") else "",
            ]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if row["error"]:
                    item.setToolTip(str(row["error"]))
                self.table.setItem(index, column, item)
        self._selection_changed()

    def _selection_changed(self) -> None:
        task_id = self.selected_task()
        state = ""
        if task_id:
            row = self.table.selectionModel().selectedRows()[0].row()
            state = self.table.item(row, 2).text()
        busy = self.run is not None and not self.refresh_button.isEnabled()
        self.cancel_task_button.setEnabled(bool(task_id) and state in ("PENDING", "RUNNING") and not busy)

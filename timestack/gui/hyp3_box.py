"""HyP3 products in the Time series tab: a stack from a folder of product zips, and their download.

Both buttons run an algorithm in the background (:class:`.algorithm_task.AlgorithmTask`):
``timestack:hyp3stack`` for Stack, whose result is offered as the tab's stack, and
``timestack:hyp3download`` for Download, into the same folder.
"""

from __future__ import annotations

from typing import Callable, Optional

from qgis.gui import QgsAuthConfigSelect, QgsCollapsibleGroupBox, QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ..core.hyp3.download import JOB_TYPES
from .algorithm_task import AlgorithmTask, algorithms_not_loaded

STACK_ID = "timestack:hyp3stack"
DOWNLOAD_ID = "timestack:hyp3download"
#: The layers offered first (any layer of the products can be typed).
LAYERS = ("VV", "VH", "HH", "HV", "unw_phase", "corr", "amp", "los_disp", "vert_disp")


class Hyp3Box(QgsCollapsibleGroupBox):
    """Folder of products, layer, dB, output; Stack. Earthdata login, project, job type; Download."""

    def __init__(self, parent=None, on_stack: Optional[Callable[[str], None]] = None):
        super().__init__(QCoreApplication.translate("Hyp3Box", "HyP3 products"), parent)
        self.setObjectName("hyp3Products")
        self.setToolTip(self.tr("ASF HyP3 RTC and InSAR products: download them and stack them by date"))
        self.setCollapsed(True)
        self.on_stack = on_stack
        self.run: Optional[AlgorithmTask] = None
        #: Whether the run under way (or the last one) is a download.
        self.downloading = False
        self.folder = QgsFileWidget(self)
        self.folder.setObjectName("hyp3Folder")
        self.folder.setStorageMode(QgsFileWidget.GetDirectory)
        self.folder.setToolTip(
            self.tr("The folder of the product zips (or product folders) as HyP3 delivers them")
        )
        self.layer = QComboBox(self)
        self.layer.setObjectName("hyp3Layer")
        self.layer.setEditable(True)
        self.layer.addItems(LAYERS)
        self.layer.setToolTip(
            self.tr("The GeoTIFF of each product to stack: VV, VH (RTC) or unw_phase, corr… (InSAR)")
        )
        self.db = QCheckBox(self.tr("In dB"), self)
        self.db.setObjectName("hyp3Db")
        self.db.setToolTip(self.tr("Convert RTC backscatter to decibels"))
        self.output = QgsFileWidget(self)
        self.output.setObjectName("hyp3Output")
        self.output.setStorageMode(QgsFileWidget.SaveFile)
        self.output.setFilter(self.tr("GeoTIFF (*.tif)"))
        self.output.setToolTip(self.tr("The stack to write; empty: a temporary file"))
        self.stack_button = QPushButton(self.tr("Stack"), self)
        self.stack_button.setObjectName("hyp3Stack")
        self.stack_button.setToolTip(
            self.tr("One band per date (RTC) or pair (InSAR), with the products' metadata")
        )
        self.login = QgsAuthConfigSelect(self)
        self.login.setToolTip(self.tr("Your Earthdata Login in QGIS's authentication database"))
        self.project = QLineEdit(self)
        self.project.setObjectName("hyp3Project")
        self.project.setPlaceholderText(self.tr("[all jobs]"))
        self.project.setToolTip(self.tr("The name your HyP3 jobs were submitted with"))
        self.job_type = QComboBox(self)
        self.job_type.setObjectName("hyp3JobType")
        self.job_type.addItems(JOB_TYPES)
        self.job_type.setToolTip(self.tr("RTC_GAMMA (backscatter) or INSAR_GAMMA (interferograms)"))
        self.download_button = QPushButton(self.tr("Download"), self)
        self.download_button.setObjectName("hyp3Download")
        self.download_button.setToolTip(
            self.tr("Download the finished jobs' zips into the folder; zips already there are kept")
        )
        #: Stops the download or stack under way (a project's zips can take hours).
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("hyp3Cancel")
        self.cancel_button.setToolTip(self.tr("Stop the download or stack under way; complete zips are kept"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel(self)
        self.status.setObjectName("hyp3Status")
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Products folder"), self.folder)
        form.addRow(self.tr("Layer"), self.layer)
        form.addRow("", self.db)
        form.addRow(self.tr("Stack file"), self.output)
        form.addRow(self.tr("Earthdata login"), self.login)
        form.addRow(self.tr("Project"), self.project)
        form.addRow(self.tr("Job type"), self.job_type)
        buttons = QHBoxLayout()
        buttons.addWidget(self.download_button)
        buttons.addWidget(self.stack_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.stack_button.clicked.connect(self.start_stack)
        self.download_button.clicked.connect(self.start_download)

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("Hyp3Box", text)

    def stack_parameters(self) -> dict:
        return {
            "FOLDER": self.folder.filePath().strip(),
            "LAYER": self.layer.currentText().strip(),
            "DB": self.db.isChecked(),
            "OUTPUT": self.output.filePath().strip() or "TEMPORARY_OUTPUT",
        }

    def download_parameters(self) -> dict:
        return {
            "AUTHCFG": self.login.configId(),
            "NAME": self.project.text().strip(),
            "JOB_TYPE": self.job_type.currentIndex(),
            "OUTPUT_FOLDER": self.folder.filePath().strip(),
        }

    def start_stack(self) -> None:
        if not self.folder.filePath().strip():
            self.status.setText(self.tr("Choose the folder of the HyP3 products first."))
            return
        self._start(STACK_ID, self.stack_parameters(), self.tr("Stacking HyP3 products…"))

    def start_download(self) -> None:
        if not self.folder.filePath().strip() or not self.login.configId():
            self.status.setText(self.tr("Choose the folder to download into and your Earthdata login first."))
            return
        self._start(DOWNLOAD_ID, self.download_parameters(), self.tr("Downloading HyP3 products…"))

    def _start(self, algorithm_id: str, parameters: dict, busy: str) -> None:
        try:
            run = AlgorithmTask(algorithm_id, parameters, self._finished)
        except KeyError:  # not registered: the provider is not loaded
            self.status.setText(algorithms_not_loaded())
            return
        self.stack_button.setEnabled(False)
        self.download_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(busy)
        self.downloading = algorithm_id == DOWNLOAD_ID
        self.run = run
        self.run.start()

    def cancel(self) -> None:
        if self.run is not None:
            self.run.cancel()

    def _finished(self, ok: bool, results: dict) -> None:
        self.stack_button.setEnabled(True)
        self.download_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        run = self.run
        if run is not None and run.cancelled and self.downloading:
            self.status.setText(
                self.tr("Download cancelled; the complete zips are kept and Download resumes from them.")
            )
            return
        if not ok or run is None:
            self.status.setText(run.failure(self.tr("HyP3")) if run else "")
            return
        if "DOWNLOADED" in results:
            self.status.setText(
                self.tr("{0} zips downloaded, {1} already there.").format(
                    int(results.get("DOWNLOADED", 0)), int(results.get("SKIPPED", 0))
                )
            )
            return
        path = str(results.get("OUTPUT", ""))
        self.status.setText(self.tr("Written: {0}").format(path))
        if path and self.on_stack is not None:
            self.on_stack(path)

"""Install Timestack's missing Python packages from inside QGIS (Raster ▸ Timestack ▸ Install Python
packages…).

The work is :func:`timestack.dependencies.install`; this module picks the plugin-owned folder in the
QGIS profile, runs pip as a cancellable task with progress, and, when pip fails, shows the exact command
to run in a terminal instead of a bare error.
"""

from pathlib import Path
from typing import Iterable, Optional

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from ..dependencies import (
    OPTIONAL,
    REQUIRED,
    add_packages_folder,
    install,
    missing_backends,
    missing_requirements,
    packages_folder,
)


def plugin_packages_folder() -> Path:
    """The plugin-owned package folder of the running QGIS profile."""
    return packages_folder(Path(QgsApplication.qgisSettingsDirPath()))


def activate_plugin_packages() -> None:
    """Make packages installed by earlier sessions importable; called when the plugin loads."""
    add_packages_folder(plugin_packages_folder())


class PipInstallTask(QgsTask):
    """Runs pip in the background; cancelling the task terminates pip."""

    #: One line of pip's output, for the dialog's log (emitted from the task's thread).
    line = pyqtSignal(str)

    def __init__(self, requirements, target: Path):
        super().__init__(
            QCoreApplication.translate("PipInstallTask", "Installing Timestack's Python packages"),
            QgsTask.CanCancel,
        )
        self.requirements = list(requirements)
        self.target = target
        self.result = None

    def run(self) -> bool:
        self.result = install(
            self.requirements, self.target, progress=self._progress, is_cancelled=self.isCanceled
        )
        return self.result.ok

    def _progress(self, percent: float, message: str) -> None:
        self.setProgress(percent)
        if message:
            self.line.emit(message)


class DependencyDialog(QDialog):
    """Pick the required packages and optional backends to install, follow pip, cancel it."""

    #: Emitted after a successful install, once the folder is on ``sys.path``.
    installed = pyqtSignal()

    def __init__(self, target: Path, wanted: Iterable[str] = (), parent=None):
        super().__init__(parent)
        self.setObjectName("timestackDependencyDialog")
        self.setWindowTitle(self.tr("Timestack: install Python packages"))
        self.target = target
        self.task: Optional[PipInstallTask] = None
        self.choices = {}  # checkbox -> requirements it installs
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Packages go into {0}; QGIS's own numpy and libraries stay.").format(target))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        missing = missing_requirements()
        required = QCheckBox(self.tr("Required: {0}").format(", ".join(missing or REQUIRED.values())), self)
        self._add_choice(layout, required, missing, checked=True)
        absent = missing_backends()
        for feature, backend in OPTIONAL.items():
            box = QCheckBox(self.feature_label(feature), self)
            needed = [backend.requirement] if feature in absent else []
            self._add_choice(layout, box, needed, feature in wanted)

        self.progress = QProgressBar(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)  # the command can be copied
        self.log = QPlainTextEdit(self)
        self.log.setReadOnly(True)
        self.log.setObjectName("timestackPipLog")
        self.install_button = QPushButton(self.tr("Install"), self)
        self.install_button.setObjectName("timestackInstall")
        self.install_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        for widget in (self.progress, self.status, self.log):
            layout.addWidget(widget)
        buttons = QHBoxLayout()
        for button in (self.install_button, self.cancel_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self._update_install_button()

    def feature_label(self, feature: str) -> str:
        labels = {
            "earthdata": self.tr("NASA Earthdata search (earthaccess)"),
            "earthengine": self.tr("Google Earth Engine: search, composites, LandTrendr (earthengine-api)"),
            "planetary-computer": self.tr("Microsoft Planetary Computer signed hrefs (planetary-computer)"),
            "dask-distributed": self.tr("Run on a dask cluster, DASK_SCHEDULER (distributed)"),
            "dask-jobqueue": self.tr("Start a dask cluster on Slurm or PBS nodes (dask-jobqueue)"),
            "cubes": self.tr("Time cubes, timestack:exportcube (xarray)"),
            "cubes-dask": self.tr("Chunked cube writing (dask)"),
            "cubes-netcdf": self.tr("NetCDF cubes (netCDF4)"),
            "cubes-zarr": self.tr("Zarr cubes (zarr)"),
            "animation-mp4": self.tr("MP4 animations, timestack:animation (imageio-ffmpeg)"),
            "hyp3": self.tr("ASF HyP3 job search and download, timestack:hyp3download (hyp3_sdk)"),
        }
        return labels[feature]

    def _add_choice(self, layout, box: QCheckBox, requirements, checked: bool) -> None:
        """A choice whose packages are all present shows as installed and cannot be picked."""
        if not requirements:
            box.setText(self.tr("{0} — installed").format(box.text()))
            box.setEnabled(False)
        box.setChecked(bool(requirements) and checked)
        box.toggled.connect(self._update_install_button)
        self.choices[box] = list(requirements)
        layout.addWidget(box)

    def requirements(self) -> list:
        """The pip requirements of the ticked choices."""
        return [spec for box, specs in self.choices.items() if box.isChecked() for spec in specs]

    def _update_install_button(self, *_args) -> None:
        self.install_button.setEnabled(self.task is None and bool(self.requirements()))

    def start(self) -> None:
        self.task = PipInstallTask(self.requirements(), self.target)
        # methods, not lambdas: a slot of the dialog is disconnected when the dialog is deleted while
        # pip runs (the plugin unloaded), a lambda would reach its deleted widgets
        self.task.progressChanged.connect(self._progress)
        self.task.line.connect(self.log.appendPlainText)
        self.task.taskCompleted.connect(self._completed)
        self.task.taskTerminated.connect(self._terminated)
        self.install_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Installing {0}…").format(", ".join(self.task.requirements)))
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progress(self, percent: float) -> None:
        self.progress.setValue(int(percent))

    def _completed(self) -> None:
        self._finished(True)

    def _terminated(self) -> None:
        self._finished(False)

    def _finished(self, ok: bool) -> None:
        result = self.task.result
        self.task = None
        self.cancel_button.setEnabled(False)
        self._update_install_button()
        if result is not None:
            self.log.setPlainText(result.output)
            QgsMessageLog.logMessage(result.output, "Timestack", Qgis.Info if ok else Qgis.Critical)
        if ok:
            add_packages_folder(self.target)
            self.progress.setValue(100)
            self.status.setText(self.tr("Installed. If Timestack still misses a package, restart QGIS."))
            self.installed.emit()
        elif result is None or result.cancelled:  # None: cancelled before pip started
            self.status.setText(self.tr("Cancelled: pip was stopped."))
        else:
            self.status.setText(self.failure_text(result))

    def failure_text(self, result) -> str:
        """What to do when pip did not install: the exact command to run in a terminal."""
        if result.pip_missing:
            first = self.tr(
                "The Python QGIS runs has no pip. Install pip (Debian/Ubuntu: sudo apt install python3-pip; "
                "OSGeo4W: the python3-pip package), then run this in a terminal and restart QGIS:"
            )
        else:
            first = self.tr(
                "pip could not install the packages (its output is above and in the Timestack log). "
                "Run this in a terminal, then restart QGIS:"
            )
        return f"{first}\n{result.manual_command}"


def open_installer(parent=None, wanted: Iterable[str] = ()) -> DependencyDialog:
    """Show the installer with the optional backends of ``wanted`` (keys of OPTIONAL) ticked."""
    dialog = DependencyDialog(plugin_packages_folder(), wanted, parent)
    dialog.show()
    return dialog


def offer_install(iface, requirements, open_dialog) -> None:
    """Show a message-bar entry naming the missing packages, with a button opening the installer."""
    bar = iface.messageBar()
    title = QCoreApplication.translate("DependencyInstaller", "Timestack")
    text = QCoreApplication.translate("DependencyInstaller", "needs Python packages QGIS does not ship: {0}")
    item = bar.createMessage(title, text.format(", ".join(requirements)))
    button = QPushButton(QCoreApplication.translate("DependencyInstaller", "Install…"), item)
    button.clicked.connect(open_dialog)
    item.layout().addWidget(button)
    bar.pushWidget(item, Qgis.Warning)

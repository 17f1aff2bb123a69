"""Offer to install Timestack's missing Python packages from inside QGIS."""

import subprocess

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QPushButton

from ..dependencies import pip_install_command


def tr(text: str) -> str:
    return QCoreApplication.translate("DependencyInstaller", text)


class PipInstallTask(QgsTask):
    """Runs pip in the background; the log keeps pip's output for the user to read."""

    def __init__(self, requirements):
        super().__init__(tr("Installing Timestack's Python packages"), QgsTask.CanCancel)
        self.command = pip_install_command(requirements)
        self.output = ""

    def run(self) -> bool:
        done = subprocess.run(self.command, capture_output=True, text=True)
        self.output = done.stdout + done.stderr
        return done.returncode == 0

    def finished(self, ok: bool) -> None:
        QgsMessageLog.logMessage(self.output, "Timestack", Qgis.Info if ok else Qgis.Critical)


def offer_install(iface, requirements) -> None:
    """Show a message-bar entry naming the missing packages, with an Install button."""
    bar = iface.messageBar()
    item = bar.createMessage(
        tr("Timestack"),
        tr("needs Python packages QGIS does not ship: {0}").format(", ".join(requirements)),
    )
    button = QPushButton(tr("Install"), item)

    def install() -> None:
        task = PipInstallTask(requirements)

        def report(ok: bool) -> None:
            if ok:
                bar.pushSuccess(tr("Timestack"), tr("Packages installed. Restart QGIS to use Timestack."))
            else:
                bar.pushCritical(
                    tr("Timestack"), tr("Installing failed; pip's output is in the Timestack log.")
                )

        task.taskCompleted.connect(lambda: report(True))
        task.taskTerminated.connect(lambda: report(False))
        QgsApplication.taskManager().addTask(task)
        button.setEnabled(False)

    button.clicked.connect(install)
    item.layout().addWidget(button)
    bar.pushWidget(item, Qgis.Warning)

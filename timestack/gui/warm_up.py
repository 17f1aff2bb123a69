"""Compile (or load from the user cache) the LandTrendr and timescan numba kernels in the background at
plugin load.

The first call of a numba kernel compiles it (seconds) or loads it from the on-disk cache
(:mod:`timestack.core.numba_cache`); doing that in a QgsTask when the plugin starts means the first
LandTrendr or timescan run or pixel-inspector click does not pay for it, and QGIS's interface never
freezes.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import QCoreApplication


class WarmUpTask(QgsTask):
    """Runs the LandTrendr and timescan warm-ups off the main thread; logs failures, never raises."""

    def __init__(self):
        super().__init__(
            QCoreApplication.translate("WarmUpTask", "Preparing Timestack's LandTrendr and timescan engines"),
            QgsTask.Flags(),
        )
        self.error = ""
        #: None while running, then whether the kernels are ready (a plain attribute: it outlives the
        #: C++ task, which the task manager deletes when it ends).
        self.ok: Optional[bool] = None

    def run(self) -> bool:
        try:
            from ..core.landtrendr import fit
            from ..core.timescan import metrics

            fit.warm_up()
            metrics.warm_up()
        except Exception as exc:  # noqa: BLE001 - a failed warm-up must not break QGIS; the log says why
            self.error = f"{type(exc).__name__}: {exc}"
            return False
        return True

    def finished(self, ok: bool) -> None:
        self.ok = ok
        if not ok:
            QgsMessageLog.logMessage(
                QCoreApplication.translate(
                    "WarmUpTask", "Kernel warm-up failed ({0}); the first run will compile instead."
                ).format(self.error),
                "Timestack",
                Qgis.Warning,
            )


#: The running (or finished) task: the task manager does not keep Python wrappers alive.
_task: Optional[WarmUpTask] = None


def start_warm_up() -> WarmUpTask:
    """Start the warm-up once per QGIS session and return its task (the same one on later calls)."""
    global _task
    if _task is None:
        _task = WarmUpTask()
        QgsApplication.taskManager().addTask(_task)
    return _task

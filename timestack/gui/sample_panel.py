"""Dock panel that builds the sample archive, so a newcomer has data to try every step on."""

from pathlib import Path

from qgis.core import QgsApplication
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from .algorithm_task import RunsOneAlgorithm, run_controls_layout
from .remembered import remember


def default_sample_folder() -> Path:
    """The user's profile folder, which is writable where the plugin folder may not be."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "timestack" / "sample"


class SamplePanel(RunsOneAlgorithm, QWidget):
    """Build (or reuse) the sample archive and add its stands and truth layers to the map."""

    #: The archive is ready: (ItemCollection JSON, stac-geoparquet catalog), for a first search.
    archive_ready = pyqtSignal(str, str)

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.variant = QComboBox(self)
        self.variant.addItem(self.tr("Full (400×400 px, 1986–2024)"), 0)
        self.variant.addItem(self.tr("Small (quick tests)"), 1)
        self.variant.setToolTip(
            self.tr(
                "Full: the whole landscape over 39 years; small: 64×64 px over 2000–2014, built in seconds"
            )
        )
        self.folder = QgsFileWidget(self)
        self.folder.setToolTip(self.tr("Where the archive is written (reused when it is already there)"))
        self.folder.setStorageMode(QgsFileWidget.GetDirectory)
        self.folder.setFilePath(str(default_sample_folder()))
        #: The EXTRAS choices of timestack:samplearchive, in its order.
        self.extras = [
            QCheckBox(self.tr("Sentinel-1 RTC (two tracks, 2021)"), self),
            QCheckBox(self.tr("ASTER L1T"), self),
            QCheckBox(self.tr("HyP3 RTC and InSAR products"), self),
        ]
        for box in self.extras:
            box.setToolTip(
                self.tr("Written in a folder of its own beside the Landsat archive, with its STAC catalog")
            )
        self.add_run_controls(self.tr("Build sample archive"), "buildSampleButton", self.build)

        intro = QLabel(
            self.tr(
                "Timestack ships a synthetic Landsat archive with known clear-cuts, a fire, clouds "
                "and shadows. Build it to try search, compositing and LandTrendr without a network."
            ),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Variant"), self.variant)
        form.addRow(self.tr("Folder"), self.folder)
        extras = QVBoxLayout()
        for box in self.extras:
            extras.addWidget(box)
        form.addRow(self.tr("Also write"), extras)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        footer = run_controls_layout(self)  # Run and Cancel side by side, as in every other tab
        footer.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(footer)
        layout.addStretch(1)
        remember(self, {"folder": self.folder})

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("SamplePanel", text)

    def title(self) -> str:
        return self.tr("Sample data")

    def parameters(self) -> dict:
        return {
            "VARIANT": self.variant.currentData(),
            "EXTRAS": [number for number, box in enumerate(self.extras) if box.isChecked()],
            "OUTPUT_FOLDER": self.folder.filePath(),
        }

    def build(self) -> None:
        self.start_run("timestack:samplearchive", self.parameters(), self.tr("Building…"))

    def run_finished(self, ok: bool, results: dict) -> None:
        if ok:
            self.status.setText(
                self.tr("Sample archive ready: {0}. Search is set to its area and years.").format(
                    results.get("OUTPUT_ITEMS", "")
                )
            )
            self.archive_ready.emit(results["OUTPUT_ITEMS"], results["OUTPUT_GEOPARQUET"])
        else:
            self.status.setText(self.run.failure(self.tr("Building the sample archive")))

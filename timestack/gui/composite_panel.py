"""Dock panel for annual composites: takes a search result (ItemCollection JSON) and runs
``timestack:composite`` in the background; the algorithm does the work and loads the layers."""

from pathlib import Path

from qgis.core import QgsApplication
from qgis.gui import QgsCollapsibleGroupBox, QgsFileWidget
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..processing.composite import CompositeAlgorithm
from .algorithm_task import RunsOneAlgorithm, run_controls_layout, scrolled_inputs
from .aster_scenes import aster_parameters, is_aster_items
from .parameter_widgets import AlgorithmParameters, widget_value
from .remembered import remember


def default_output() -> Path:
    return Path(QgsApplication.qgisSettingsDirPath()) / "timestack" / "composites" / "composite.tif"


#: Parameters a user rarely changes, shown (in this order) in the folded "Advanced" group; their widgets
#: are built from the algorithm's definitions, tooltips from its parameter help.
ADVANCED = (
    CompositeAlgorithm.MASK,
    CompositeAlgorithm.CLOUD_CONFIDENCE,
    CompositeAlgorithm.TDOM,
    CompositeAlgorithm.HARMONIZE,
    CompositeAlgorithm.FILL_EMPTY_YEARS,
    CompositeAlgorithm.RESOLUTION,
    CompositeAlgorithm.TARGET_CRS,
    CompositeAlgorithm.CACHE_FOLDER,
    CompositeAlgorithm.CACHE_MAX_GB,
    CompositeAlgorithm.DASK_SCHEDULER,
)
#: The parameters ``timestack:scenestack`` shares with the composite (no years, season, method).
SCENE_STACK_SHARED = (
    "ITEMS", "OUTPUT", "INDICES", "RESOLUTION", "EXTENT", "AOI", "CACHE_FOLDER", "CACHE_MAX_GB", "MASK",
    "CLOUD_CONFIDENCE", "TARGET_CRS", "DASK_SCHEDULER",
)  # fmt: skip


class CompositePanel(RunsOneAlgorithm, QWidget):
    """Choose scenes, years, season, method and indices; run; watch progress; cancel. The rarely
    changed parameters wait in a folded "Advanced" group, so Run stays in view in a short dock."""

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.items = QgsFileWidget(self)
        self.items.setFilter(self.tr("STAC ItemCollection (*.json)"))
        self.definitions = AlgorithmParameters(CompositeAlgorithm)
        self.items.setToolTip(self.definitions.tooltip(CompositeAlgorithm.ITEMS))
        alg = CompositeAlgorithm
        self.start_year = self.definitions.widget(alg.START_YEAR, self)
        self.end_year = self.definitions.widget(alg.END_YEAR, self)
        self.doy_start = self.definitions.widget(alg.DOY_START, self)
        self.doy_end = self.definitions.widget(alg.DOY_END, self)
        self.method = self.definitions.widget(alg.METHOD, self)
        self.indices = self.definitions.widget(alg.INDICES, self)
        #: The Advanced group's widgets by parameter name (built in :meth:`_advanced_group`).
        self.advanced: dict = {name: self.definitions.widget(name, self) for name in ADVANCED}
        self.tdom = self.advanced[alg.TDOM]
        self.harmonize = self.advanced[alg.HARMONIZE]
        self.resolution = self.advanced[alg.RESOLUTION]
        self.cache_folder = self.advanced[alg.CACHE_FOLDER]
        self.cache_max_gb = self.advanced[alg.CACHE_MAX_GB]
        #: The area of the search the scenes came from ({"EXTENT": ...} or {"AOI": ...}), if any.
        self.search_area: dict = {}
        self.only_search_area = QCheckBox(self.tr("Only the area searched (not whole scenes)"), self)
        self.only_search_area.setToolTip(
            self.tr("Composite the search's extent or AOI only, instead of the scenes' whole footprints")
        )
        self.only_search_area.setEnabled(False)
        self.per_date = QCheckBox(self.tr("One band per scene date instead (no compositing)"), self)
        self.per_date.setObjectName("perDateCheckBox")
        self.per_date.setToolTip(
            self.tr(
                "Run 'Per-date stack of masked scenes' (timestack:scenestack): every scene of the search, "
                "masked, one band per date and variable (YYYY-MM-DD_name), for the Time series tab; years, "
                "season, method, TDOM and harmonisation do not apply"
            )
        )
        self.per_track = QCheckBox(self.tr("Sentinel-1: one stack per track instead (dB, VV/VH ratio)"), self)
        self.per_track.setObjectName("perTrackCheckBox")
        self.per_track.setToolTip(
            self.tr(
                "Run 'Sentinel-1 stacks per track' (timestack:sarstack) on radar scenes: one GeoTIFF per "
                "relative orbit and direction in a folder beside the stack, one band per date and "
                "polarisation in dB; the speckle filter is in the Processing Toolbox's dialog"
            )
        )
        self.per_date.toggled.connect(lambda on: on and self.per_track.setChecked(False))
        self.per_track.toggled.connect(lambda on: on and self.per_date.setChecked(False))
        self.output = QgsFileWidget(self)
        self.output.setStorageMode(QgsFileWidget.SaveFile)
        self.output.setFilter(self.tr("GeoTIFF (*.tif)"))
        self.output.setFilePath(str(default_output()))
        self.output.setToolTip(self.definitions.tooltip(CompositeAlgorithm.OUTPUT))
        self.folder = QgsFileWidget(self)
        self.folder.setStorageMode(QgsFileWidget.GetDirectory)
        self.folder.setToolTip(self.definitions.tooltip(CompositeAlgorithm.OUTPUT_FOLDER))
        self.add_run_controls(self.tr("Composite"), "compositeRunButton", self.run_composite)

        self._layout()
        remember(self, {"output": self.output, "folder": self.folder, "cache": self.cache_folder})

    def _layout(self) -> None:
        intro = QLabel(
            self.tr(
                "One cloud-free composite per year from the scenes of a search, with spectral indices. "
                "The stack is added as a layer group the Temporal Controller animates year by year."
            ),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Scenes"), self.items)
        form.addRow(self.tr("Years"), self._pair(self.start_year, self.end_year))
        form.addRow(self.tr("Season (day of year)"), self._pair(self.doy_start, self.doy_end))
        form.addRow(self.definitions.label(CompositeAlgorithm.METHOD, self), self.method)
        form.addRow(self.tr("Indices"), self.indices)
        form.addRow(self.only_search_area)
        form.addRow(self.per_date)
        form.addRow(self.per_track)
        form.addRow(self.tr("Stack"), self.output)
        # The inputs scroll (the Advanced group unfolded is tall); Run, progress and status stay in view.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled_inputs(self, (intro, form, self._advanced_group())), 1)
        layout.addLayout(run_controls_layout(self))

    def _pair(self, first: QWidget, last: QWidget) -> QHBoxLayout:
        """Two inputs of a range side by side, ``first – last``."""
        row = QHBoxLayout()
        row.addWidget(first)
        row.addWidget(QLabel("–", self))
        row.addWidget(last)
        return row

    def _advanced_group(self) -> QgsCollapsibleGroupBox:
        """The folded group of rarely changed parameters: masks, TDOM, harmonisation, grid, outputs,
        cache and dask. Check boxes carry their own label; every other label stands above its field, the
        whole dock wide, so long ones stay readable in a narrow dock."""
        group = QgsCollapsibleGroupBox(self.tr("Advanced"), self)
        group.setObjectName("compositeAdvanced")
        group.setToolTip(
            self.tr("Masks, TDOM, harmonisation, grid, per-year outputs, download cache and dask cluster")
        )
        group.setCollapsed(True)
        self.advanced_box = group
        # label above field in a plain box: QFormLayout squeezes word-wrapped labels into one line
        box = QVBoxLayout(group)
        rows = [*self.advanced.items(), (None, self.folder)]
        for name, widget in rows:
            if not isinstance(widget, QCheckBox):
                text = self.definitions.definition(name).description() if name else self.tr("Per-year folder")
                label = QLabel(text, group)
                label.setWordWrap(True)
                box.addWidget(label)
            box.addWidget(widget)
        return group

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("CompositePanel", text)

    def title(self) -> str:
        return self.tr("Composite")

    def use_scenes(
        self, items_path: str, start_year: int, end_year: int, doy_start: int, doy_end: int, area: dict
    ) -> None:
        """Take a search result as the scenes to composite, with its years, season and area."""
        self.items.setFilePath(items_path)
        self.search_area = dict(area)
        self.only_search_area.setEnabled(bool(area))
        self.only_search_area.setChecked(bool(area))
        self.start_year.setValue(start_year)
        self.end_year.setValue(end_year)
        self.doy_start.setValue(doy_start)
        self.doy_end.setValue(doy_end)

    def parameters(self) -> dict:
        shown = (
            self.start_year, self.end_year, self.doy_start, self.doy_end, self.method, self.indices,
            *self.advanced.values(),
        )  # fmt: skip
        values = {widget.objectName(): widget_value(widget) for widget in shown}
        values.update(
            {
                CompositeAlgorithm.ITEMS: self.items.filePath(),
                CompositeAlgorithm.OUTPUT: self.output.filePath(),
            }
        )
        if self.only_search_area.isChecked():
            values.update(self.search_area)
        if self.folder.filePath():
            values["OUTPUT_FOLDER"] = self.folder.filePath()
        return values

    def scene_stack_parameters(self) -> dict:
        """The parameters ``timestack:scenestack`` shares with the composite (no years, season, method)."""
        return {name: value for name, value in self.parameters().items() if name in SCENE_STACK_SHARED}

    def sar_stack_parameters(self) -> dict:
        """``timestack:sarstack``'s parameters: the scenes, area and resolution of the form, the track
        stacks in ``<stack name>_tracks`` beside the stack, in dB with the VV/VH ratio."""
        shared = ("ITEMS", "RESOLUTION", "EXTENT", "AOI")
        values = {name: value for name, value in self.parameters().items() if name in shared}
        output = Path(self.output.filePath())
        values.update(
            {
                "POLARIZATIONS": "VV,VH",
                "RATIO": True,
                "DB": True,
                "OUTPUT_FOLDER": str(output.with_name(f"{output.stem}_tracks")),
            }
        )
        return values

    def run_composite(self) -> None:
        folder = Path(self.output.filePath()).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a folder that cannot be made: say so, instead of a Python error
            self.status.setText(
                self.tr("Cannot create the Stack's folder {0} ({1}); choose another Stack file.").format(
                    folder, exc.strerror or exc
                )
            )
            return
        if is_aster_items(self.items.filePath()):  # ASTER L1T: calibrated subsystems, no compositing
            busy = self.tr("Converting ASTER scenes…")
            self.start_run("timestack:asterscene", aster_parameters(self.parameters()), busy)
            return
        if self.per_track.isChecked():
            busy = self.tr("Stacking Sentinel-1 scenes by track…")
            self.start_run("timestack:sarstack", self.sar_stack_parameters(), busy)
            return
        if self.per_date.isChecked():
            busy = self.tr("Stacking scenes by date…")
            self.start_run("timestack:scenestack", self.scene_stack_parameters(), busy)
            return
        self.start_run("timestack:composite", self.parameters(), self.tr("Compositing…"))

    def run_finished(self, ok: bool, results: dict) -> None:
        if ok and results.get("FILES_WRITTEN"):
            self.status.setText(self.tr("ASTER files written in {0}").format(results["OUTPUT_FOLDER"]))
        elif ok and results.get("TRACKS"):
            self.status.setText(
                self.tr("Sentinel-1 stacks written ({0}): {1}").format(
                    results["TRACKS"], results["OUTPUT_FOLDER"]
                )
            )
        elif ok and results.get("DATES"):
            self.status.setText(self.tr("Per-date stack written: {0}").format(results["OUTPUT"]))
        elif ok and results.get("OUTPUT"):
            self.status.setText(self.tr("Composite written: {0}").format(results["OUTPUT"]))
        else:
            self.status.setText(self.run.failure(self.tr("Compositing")))

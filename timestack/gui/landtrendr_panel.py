"""Dock panel for LandTrendr: pick a composite stack and its index, tune the parameters while
inspecting pixels, then run ``timestack:landtrendr`` (and ``timestack:changemap``) in the background.

The panel only builds parameter dicts for the Processing algorithms and hands the live parameters
to the pixel inspector; the fitting itself is the core's, in both places.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis, QgsMapLayerProxyModel, QgsMapLayerType, QgsProject
from qgis.gui import QgsCollapsibleGroupBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.indices import disturbance_direction
from ..core.io.bands import stack_variables
from ..core.io.stack import SCALE_INT16
from ..core.landtrendr.fit import LandTrendrParams
from ..processing.landtrendr import LT_PARAMETERS, LandTrendrAlgorithm, gdal_path
from .algorithm_task import (
    AlgorithmTask,
    RunsOneAlgorithm,
    algorithms_not_loaded,
    run_controls_layout,
    scrolled_inputs,
)
from .earthengine_tasks_box import EarthEngineTasksBox
from .parameter_widgets import AlgorithmParameters, empty_when_removed, widget_value
from .pixel_inspector import PixelInspector
from .remembered import remember
from .trajectory_plot import TrajectoryPlot

#: The change map's default loss threshold in index units (a drop of 0.1 NBR).
LOSS_THRESHOLD = 0.1


def band_names(layer) -> list:
    """Names a stack layer holds (from band descriptions ``YYYY_name``); [] if none or unreadable."""
    path = gdal_path(layer)
    if not path:
        return []
    import rasterio

    try:
        with rasterio.open(path) as src:
            return stack_variables(src.descriptions)
    except OSError:
        return []


def is_year_view(layer) -> bool:
    """A layer showing one year of a stack in the Temporal Controller (a composite's per-year group):
    its source is a whole stack, but it is no input of its own."""
    return layer.temporalProperties().isActive()


def is_stack(layer) -> bool:
    """An annual stack LandTrendr can fit: bands described ``YYYY_name`` over more than one year. Read
    from the open layer's band names (GDAL's provider reports "Band 3: 2001_nbr"), no file is opened."""
    if layer is None or layer.type() != QgsMapLayerType.RasterLayer or is_year_view(layer):
        return False
    years = set()
    for band in range(1, layer.bandCount() + 1):
        description = layer.bandName(band).rpartition(": ")[2]
        if description[:4].isdigit() and description[4:5] == "_":
            years.add(description[:4])
    return len(years) > 1


class LandTrendrPanel(RunsOneAlgorithm, QWidget):
    """Stack, index, the eight LandTrendr parameters, pixel inspector, run and change map."""

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.run = None
        self.change_run = None
        #: The change map's parameters (but INPUT) as they were when Run was pressed.
        self.change_run_parameters: dict = {}
        self.stack = QgsMapLayerComboBox(self)
        self.stack.setFilters(QgsMapLayerProxyModel.RasterLayer)
        self.stack.setAllowEmptyLayer(True)
        empty_when_removed(self.stack)
        self.stack.setToolTip(
            self.tr("A multi-year stack with YYYY_name bands, as Composite writes it (not one of its years)")
        )
        self.definitions = AlgorithmParameters(LandTrendrAlgorithm)
        self.index = QComboBox(self)
        self.index.setObjectName("landtrendrIndex")
        self.index.setToolTip(self.definitions.tooltip(LandTrendrAlgorithm.INDEX))
        self.fit_bands = QLineEdit(self)
        self.fit_bands.setToolTip(self.definitions.tooltip(LandTrendrAlgorithm.FIT_BANDS))
        self.direction = self.definitions.widget(LandTrendrAlgorithm.DIRECTION, self)
        self.flavor = self.definitions.widget(LandTrendrAlgorithm.FLAVOR, self)
        #: GEE parameter name -> its widget, made from the algorithm's definition (range, default, help).
        self.param_widgets = {
            gee_name: self.definitions.widget(name, self) for gee_name, name in LT_PARAMETERS.items()
        }
        self.folder = QgsFileWidget(self)
        self.folder.setStorageMode(QgsFileWidget.GetDirectory)
        self.folder.lineEdit().setPlaceholderText(self.tr("[temporary files]"))
        self.folder.setToolTip(
            self.tr("Where the outputs are written (<index>_rmse.tif, …); empty: temporary files")
        )
        self.map_change = QCheckBox(self.tr("Then map the greatest loss"), self)
        self.map_change.setToolTip(
            self.tr("Run Change map on the segments when the fit is done: the year of the greatest loss")
        )
        self.map_change.setChecked(True)
        self.min_magnitude = QDoubleSpinBox(self)
        self.min_magnitude.setDecimals(3)
        self.min_magnitude.setRange(0.0, 1e9)
        self.min_magnitude.setValue(LOSS_THRESHOLD)
        self.min_magnitude.setToolTip(
            self.tr("In the stack's units: 1000 on an int16 composite (indices x 10000) is a drop of 0.1")
        )
        self.inspect_button = QPushButton(self.tr("Inspect pixels"), self)
        self.inspect_button.setCheckable(True)
        self.inspect_button.setToolTip(
            self.tr("Click a pixel of the stack to see its fit; edits refit at once.")
        )
        # The shared Run/Cancel/progress/status; the runs are the panel's own (LandTrendr, then the
        # change map on its segments), so start and cancel are too.
        self.add_run_controls(self.tr("Run LandTrendr"), "runLandTrendrButton", self.start)
        self.plot = TrajectoryPlot(self)
        #: The export tasks of LandTrendr's Earth Engine runs (ENGINE earthengine): list and cancel.
        self.earthengine_tasks = EarthEngineTasksBox(self)
        self.inspector = PixelInspector(iface.mapCanvas(), self.plot, self)
        for combo in (self.index, self.direction, self.flavor):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self._layout()
        self._connect()
        self._offer_stacks(list(QgsProject.instance().mapLayers().values()))
        self._stack_changed(self.stack.currentLayer())
        remember(self, {"folder": self.folder})

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("LandTrendrPanel", text)

    def title(self) -> str:
        return self.tr("LandTrendr")

    def _layout(self) -> None:
        data = QFormLayout()
        data.addRow(self.tr("Annual stack"), self.stack)
        data.addRow(self.tr("Index"), self.index)
        data.addRow(self.definitions.label(LandTrendrAlgorithm.DIRECTION, self), self.direction)
        data.addRow(self.tr("Also fit bands"), self.fit_bands)
        # Collapsed at first: Earth Engine's defaults suit most stacks, and the tab must show the stack,
        # the inspector and Run without scrolling. Long labels sit above their field, never clipped.
        parameters = QgsCollapsibleGroupBox(self.tr("LandTrendr parameters (Earth Engine's defaults)"), self)
        parameters.setObjectName("landtrendrParameters")
        parameters.setToolTip(self.tr("Earth Engine's LandTrendr parameters, with its defaults."))
        parameters.setCollapsed(True)
        self.parameters_box = parameters
        form = QFormLayout(parameters)
        data.setRowWrapPolicy(QFormLayout.DontWrapRows)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        rows = [(LT_PARAMETERS[gee_name], widget) for gee_name, widget in self.param_widgets.items()]
        for name, widget in [*rows, (LandTrendrAlgorithm.FLAVOR, self.flavor)]:
            if isinstance(widget, QCheckBox):  # labelled by its own text
                form.addRow(widget)
                continue
            # A word-wrapped label in a scrolled form is cut to the field's height; unwrapped, a long
            # label takes its own line above the field instead.
            label = self.definitions.label(name, self)
            label.setWordWrap(False)
            form.addRow(label, widget)
        outputs = QFormLayout()
        outputs.setRowWrapPolicy(QFormLayout.WrapLongRows)
        outputs.addRow(self.tr("Output folder"), self.folder)
        outputs.addRow(self.map_change)
        outputs.addRow(self.tr("Minimum loss magnitude"), self.min_magnitude)
        parts = (data, parameters, self.inspect_button, self.plot, outputs, self.earthengine_tasks)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled_inputs(self, parts), 1)
        layout.addLayout(run_controls_layout(self))  # in view below the scrolled inputs

    def _offer_stacks(self, added: list) -> None:
        """Keep a composite's year views out of the stack box and, while it shows no stack, pick the
        newest stack among ``added`` (the stack a composite run just loaded)."""
        layers = QgsProject.instance().mapLayers().values()
        self.stack.setExceptedLayerList([layer for layer in layers if is_year_view(layer)])
        if not is_stack(self.stack.currentLayer()):
            stacks = [layer for layer in added if is_stack(layer)]
            if stacks:
                self.stack.setLayer(stacks[-1])

    def _connect(self) -> None:
        QgsProject.instance().layersAdded.connect(self._offer_stacks)
        self.stack.layerChanged.connect(self._stack_changed)
        self.index.currentTextChanged.connect(self._index_changed)
        self.direction.currentIndexChanged.connect(self._settings_changed)
        self.flavor.currentIndexChanged.connect(self._settings_changed)
        for widget in self.param_widgets.values():
            signal = widget.toggled if isinstance(widget, QCheckBox) else widget.valueChanged
            signal.connect(self._settings_changed)
        self.inspect_button.toggled.connect(self._inspect_toggled)
        self.inspector.tool_off.connect(self._inspector_off)

    # -- state shared by the inspector and the run ---------------------------------------------

    def landtrendr_params(self) -> LandTrendrParams:
        return LandTrendrParams(
            **{gee_name: widget_value(widget) for gee_name, widget in self.param_widgets.items()}
        )

    def disturbance_direction(self) -> int:
        chosen = LandTrendrAlgorithm.DIRECTIONS[self.direction.currentIndex()]
        if chosen is not None:
            return chosen
        try:
            return disturbance_direction(self.index.currentText())
        except (KeyError, ValueError):
            return -1

    def _stack_changed(self, layer) -> None:
        current = self.index.currentText()
        names = band_names(layer)
        self.index.blockSignals(True)
        self.index.clear()
        self.index.addItems(names)
        if current in names:
            self.index.setCurrentText(current)
        elif "nbr" in names:
            self.index.setCurrentText("nbr")
        self.index.blockSignals(False)
        others = [name for name in names if name != self.index.currentText()]
        self.fit_bands.setPlaceholderText(", ".join(others[:4]))
        running = self.cancel_button.isEnabled()  # a run under way keeps Run disabled until it ends
        self.run_button.setEnabled(bool(names) and not running)
        # a disabled button says why (before any stack is picked, the status line is still empty)
        hint = self.tr("Pick a stack whose bands are named YYYY_index (a composite) to run LandTrendr.")
        self.run_button.setToolTip("" if names else hint)
        refusal = self.tr("This layer has no YYYY_name band descriptions; pick a composite stack.")
        if layer is not None and not names:
            self.status.setText(refusal)
        elif self.status.text() == refusal:
            self.status.clear()  # it was said of the stack picked before
        if layer is not None and names:
            # Magnitudes are in the stack's units: an int16 composite stores indices x 10000.
            scaled = layer.dataProvider().dataType(1) == Qgis.Int16
            self.min_magnitude.setValue(LOSS_THRESHOLD * (SCALE_INT16 if scaled else 1.0))
        self._index_changed(self.index.currentText())

    def _index_changed(self, index: str) -> None:
        layer = self.stack.currentLayer()
        # no stack (removed from the project, say): the inspector forgets the old one and its pixel
        self.inspector.set_layer(layer if index else None, index)
        self._settings_changed()

    def _settings_changed(self, *_) -> None:
        self.inspector.set_settings(
            self.landtrendr_params(),
            self.disturbance_direction(),
            LandTrendrAlgorithm.FLAVOR_NAMES[self.flavor.currentIndex()],
        )

    def _inspector_off(self) -> None:
        self.inspect_button.setChecked(False)

    def _inspect_toggled(self, on: bool) -> None:
        if on:
            self.inspector.activate()
        else:
            self.inspector.deactivate()

    # -- background runs ------------------------------------------------------------------------

    def _output(self, name: str) -> str:
        folder = self.folder.filePath()
        if not folder:
            return "TEMPORARY_OUTPUT"
        return str(Path(folder) / f"{self.index.currentText()}_{name}.tif")

    def parameters(self) -> dict:
        """The ``timestack:landtrendr`` parameter dict of what the panel shows."""
        alg = LandTrendrAlgorithm
        values = {
            name: widget_value(self.param_widgets[gee_name]) for gee_name, name in LT_PARAMETERS.items()
        }
        values.update(
            {
                alg.INPUT: self.stack.currentLayer().source() if self.stack.currentLayer() else "",
                alg.INDEX: self.index.currentText(),
                alg.FIT_BANDS: self.fit_bands.text(),
                alg.FLAVOR: self.flavor.currentIndex(),
                alg.DIRECTION: self.direction.currentIndex(),
                alg.OUTPUT_VERTICES: self._output("vertices"),
                alg.OUTPUT_FITTED: self._output("fitted"),
                alg.OUTPUT_RMSE: self._output("rmse"),
                alg.OUTPUT_SEGMENTS: self._output("segments"),
            }
        )
        return values

    def change_parameters(self, segments: str) -> dict:
        """The ``timestack:changemap`` parameter dict for a finished LandTrendr run."""
        return {"INPUT": segments, "MAG": self.min_magnitude.value(), "OUTPUT": self._output("change")}

    def start(self) -> None:
        # the change map that follows maps this fit: its threshold and file are the ones shown now,
        # whatever stack, index or folder is picked while the fit runs
        self.change_run_parameters = self.change_parameters("")
        try:
            self.run = AlgorithmTask(
                "timestack:landtrendr", self.parameters(), self._fitted, self.progress.setValue
            )
        except KeyError:  # not registered: the provider is not loaded
            self.status.setText(algorithms_not_loaded())
            return
        self._busy(True)
        self.status.setText(self.tr("Fitting LandTrendr…"))
        self.run.start()

    def cancel(self) -> None:
        for run in (self.run, self.change_run):
            if run is not None:
                run.cancel()

    def _busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def _fitted(self, ok: bool, results: dict) -> None:
        if not ok:
            self._busy(False)
            self.status.setText(self.run.failure(self.tr("LandTrendr")))
            return
        if not self.map_change.isChecked():
            self._busy(False)
            self.status.setText(self.tr("LandTrendr done."))
            return
        self.status.setText(self.tr("Mapping change…"))
        self.change_run = AlgorithmTask(
            "timestack:changemap",
            {**self.change_run_parameters, "INPUT": results["OUTPUT_SEGMENTS"]},
            self._mapped,
            self.progress.setValue,
        )
        self.change_run.start()

    def _mapped(self, ok: bool, results: dict) -> None:
        self._busy(False)
        if ok:
            self.status.setText(self.tr("LandTrendr and change map done."))
        else:
            self.status.setText(self.change_run.failure(self.tr("The change map")))

"""Dock panel for any dated stack: timescans, temporal resampling (and the other algorithms that take a
time stack and summarise or export it).

Each operation's page is built from its algorithm's own parameter definitions, so the dock offers
exactly what the Toolbox does (ranges, defaults, advanced options) and a new stack algorithm needs only
its class in ``OPERATIONS``. The algorithms load and style their outputs; the panel runs them in the
background like every other tab.
"""

from __future__ import annotations

from qgis.core import (
    QgsMapLayerProxyModel,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterMultipleLayers,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QMovie
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..processing.algorithm import PROVIDER_ID
from ..processing.animation import AnimationAlgorithm
from ..processing.exportcube import ExportCubeAlgorithm
from ..processing.resample import ResampleAlgorithm
from ..processing.timescan import TimescanAlgorithm
from .algorithm_task import RunsOneAlgorithm, run_controls_layout, scrolled_inputs
from .hyp3_box import Hyp3Box
from .parameter_widgets import AlgorithmParameters, empty_when_removed, link_field_widgets, widget_value

#: The algorithms of the tab, in the order a user meets them; each takes the stack as INPUT.
OPERATIONS = (TimescanAlgorithm, ResampleAlgorithm, ExportCubeAlgorithm, AnimationAlgorithm)

#: The parameter every operation takes the picked stack as (DESIGN.md's Processing contract).
STACK = "INPUT"


class OperationPage(QWidget):
    """One algorithm's parameters (all but the stack), advanced ones in a collapsed group."""

    def __init__(self, algorithm_class, parent=None):
        super().__init__(parent)
        self.definitions = AlgorithmParameters(algorithm_class)
        self.algorithm = self.definitions.algorithm
        #: The registry's id, which the panel's own instance (outside the provider) cannot tell.
        self.algorithm_id = f"{PROVIDER_ID}:{self.algorithm.name()}"
        #: Parameter name -> the widget made from its definition.
        self.inputs: dict = {}
        form, advanced = QFormLayout(), QFormLayout()
        for rows in (form, advanced):
            rows.setRowWrapPolicy(QFormLayout.WrapAllRows)  # labels above fields: none cut
        for definition in self.algorithm.parameterDefinitions():
            flags = definition.flags()
            if definition.name() == STACK or flags & QgsProcessingParameterDefinition.FlagHidden:
                continue
            widget = self.definitions.widget(definition.name(), self)
            self.inputs[definition.name()] = widget
            target = advanced if flags & QgsProcessingParameterDefinition.FlagAdvanced else form
            if isinstance(widget, QCheckBox):
                target.addRow(widget)  # a check box is labelled with the description
            else:
                label = QLabel(definition.description(), self)  # above its field (the row policy)
                label.setWordWrap(True)  # and wrapped, so a long description never widens the dock
                target.addRow(label, widget)
        link_field_widgets(self.algorithm, self.inputs)  # TILES_ID_FIELD lists TILES's fields
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        if advanced.rowCount():
            group = QgsCollapsibleGroupBox(
                QCoreApplication.translate("OperationPage", "Advanced parameters"), self
            )
            group.setLayout(advanced)
            group.setCollapsed(True)
            layout.addWidget(group)
        layout.addStretch(1)  # a short page keeps its rows together at the top

    def parameters(self, stack: str) -> dict:
        """The run's parameters with ``stack`` (a layer id or a file) as the input; unset optional
        inputs are left out so the algorithm takes its defaults."""
        values = {name: widget_value(widget) for name, widget in self.inputs.items()}
        multiple = isinstance(self.definitions.definition(STACK), QgsProcessingParameterMultipleLayers)
        values[STACK] = [stack] if multiple else stack
        return {name: value for name, value in values.items() if value is not None}


class OperationPages(QWidget):
    """The operations' pages in one place, only the current one shown, and as tall as it alone: a
    QStackedWidget takes its tallest page's height (the animation's), which left blank rows above the
    HyP3 box under every shorter page. Offers the QStackedWidget calls the tab makes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pages: list = []
        self._current = -1
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, page: QWidget) -> None:  # noqa: N802 - QStackedWidget's name
        self._pages.append(page)
        self.layout().addWidget(page)
        if self._current < 0:
            self._current = 0
        page.setVisible(len(self._pages) - 1 == self._current)

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget:
        return self._pages[index]

    def currentIndex(self) -> int:  # noqa: N802 - QStackedWidget's name
        return self._current

    def currentWidget(self) -> QWidget:  # noqa: N802 - QStackedWidget's name
        return self._pages[self._current] if self._current >= 0 else None

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802 - QStackedWidget's name
        self._current = index
        for row, page in enumerate(self._pages):
            page.setVisible(row == index)


class TimeSeriesPanel(RunsOneAlgorithm, QWidget):
    """Pick a stack and an operation, set its parameters, run; the outputs are loaded and styled."""

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.stack = QgsMapLayerComboBox(self)
        self.stack.setObjectName("timeSeriesStack")
        self.stack.setFilters(QgsMapLayerProxyModel.RasterLayer)
        self.stack.setAllowEmptyLayer(True)
        empty_when_removed(self.stack)
        self.stack.setToolTip(
            self.tr(
                "A stack whose band descriptions carry dates (YYYY_name, YYYY-MM-DD_name): composites, "
                "LandTrendr fits, per-date stacks"
            )
        )
        self.browse = QToolButton(self)
        self.browse.setText("…")
        self.browse.setToolTip(self.tr("Choose a stack file that is not a layer of the project"))
        self.browse.clicked.connect(self.choose_file)
        self.operation = QComboBox(self)
        self.operation.setObjectName("timeSeriesOperation")
        self.operation.setToolTip(self.tr("What to make of the stack"))
        self.pages = OperationPages(self)
        for algorithm_class in OPERATIONS:
            page = OperationPage(algorithm_class, self.pages)
            self.pages.addWidget(page)
            self.operation.addItem(page.algorithm.displayName(), page.algorithm_id)
            # what the operation does, where the Toolbox shows it: on the choice itself
            self.operation.setItemData(
                self.operation.count() - 1, page.algorithm.shortHelpString(), Qt.ToolTipRole
            )
        self.operation.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.add_run_controls(self.tr("Run"), "timeSeriesRunButton", self.run_operation)
        #: The last animation, playing (a GIF is not a map layer).
        self.preview = QLabel(self)
        self.preview.setObjectName("timeSeriesPreview")
        self.preview.hide()
        self.movie = None

        intro = QLabel(
            self.tr(
                "Summarise, resample or export any time stack: per-pixel statistics over time "
                "(timescan), monthly, seasonal and annual series, NetCDF/Zarr cubes, animations."
            ),
            self,
        )
        intro.setWordWrap(True)
        stack_row = QHBoxLayout()
        stack_row.addWidget(self.stack, 1)
        stack_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("Stack"), stack_row)
        form.addRow(self.tr("Operation"), self.operation)
        # The inputs scroll (an animation's page is tall); Run, progress, status and the animation's
        # preview stay in view below them, in a short dock too.
        layout = QVBoxLayout(self)
        #: HyP3 products: stacked into the stack this tab works on, and downloaded.
        self.hyp3 = Hyp3Box(self, on_stack=self.use_file)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled_inputs(self, (intro, form, self.pages, self.hyp3)), 1)
        layout.addLayout(run_controls_layout(self, self.preview))

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("TimeSeriesPanel", text)

    def title(self) -> str:
        return self.tr("Time series")

    def page(self, algorithm_id: str) -> OperationPage:
        """The page of the operation ``algorithm_id`` (``timestack:timescan``)."""
        index = self.operation.findData(algorithm_id)
        if index < 0:
            raise KeyError(f"the Time series tab has no operation {algorithm_id}")
        return self.pages.widget(index)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Time stack"), "", self.tr("GeoTIFF stacks (*.tif *.tiff *.vrt)")
        )
        if path:
            self.use_file(path)

    def use_file(self, path: str) -> None:
        """Offer the stack file ``path`` (not a layer) and pick it."""
        items = [item for item in self.stack.additionalItems() if item != path]
        self.stack.setAdditionalItems([*items, path])
        self.stack.setCurrentIndex(self.stack.findText(path))

    def stack_source(self) -> str:
        """The picked stack as Processing takes it: the layer's id, or the file chosen; '' for none."""
        layer = self.stack.currentLayer()
        if layer is not None:
            return layer.id()
        return self.stack.currentText() if self.stack.currentText() in self.stack.additionalItems() else ""

    def parameters(self) -> dict:
        return self.pages.currentWidget().parameters(self.stack_source())

    def run_operation(self) -> None:
        if not self.stack_source():
            self.status.setText(self.tr("Pick a stack first: a layer of the project or a file (…)."))
            return
        page = self.pages.currentWidget()
        busy = self.tr("Running {0}…").format(page.algorithm.displayName())
        self.start_run(page.algorithm_id, self.parameters(), busy)

    def run_finished(self, ok: bool, results: dict) -> None:
        written = [str(value) for value in results.values() if isinstance(value, str) and value]
        if ok:
            self.status.setText(self.tr("Written: {0}").format(", ".join(written)))
            self.show_animation(next((path for path in written if path.lower().endswith(".gif")), None))
        else:
            self.status.setText(self.run.failure(self.tr("The run")))

    def show_animation(self, path) -> None:
        """Play the GIF at ``path`` under the run's status (hide the preview for None)."""
        if self.movie is not None:
            self.movie.stop()
        if path is None:
            self.preview.hide()
            self.movie = None
            return
        self.movie = QMovie(path, parent=self)
        self.preview.setMovie(self.movie)
        self.preview.show()
        self.movie.start()

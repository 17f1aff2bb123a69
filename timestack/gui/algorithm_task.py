"""Run a Timestack Processing algorithm in the background from the dock.

Panels build a parameter dict and hand it here; the algorithm does the work, so the dock never
re-implements what Processing does. Layers the algorithm asked to load are added to the project
when the task succeeds, the same way the Toolbox does it.
"""

import re
from typing import Callable, Optional, Sequence

from qgis.core import (
    QgsApplication,
    QgsInterval,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
    QgsRasterLayer,
    QgsTemporalNavigationObject,
    QgsVectorLayer,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..dependencies import OPTIONAL

Done = Callable[[bool, dict], None]


def load_result_layers(context: QgsProcessingContext) -> list:
    """Add the layers an algorithm registered with ``addLayerToLoadOnCompletion``; return them.

    Layers the algorithm made itself (in its own thread, styled) are taken out of the context's temporary
    store, as the Toolbox does, so the project owns them and nothing is reopened here.
    """
    loaded = []
    store = context.temporaryLayerStore()
    for source, details in context.layersToLoadOnCompletion().items():
        layer = QgsProcessingUtils.mapLayerFromString(source, context, False)
        if layer is None:
            raster = details.layerTypeHint == QgsProcessingUtils.LayerHint.Raster
            layer = QgsRasterLayer(source, details.name) if raster else QgsVectorLayer(source, details.name)
        elif store.mapLayer(layer.id()) is not None:
            store.takeMapLayer(layer)
        if not layer.isValid():
            continue
        layer.setName(details.name)
        project = details.project or QgsProject.instance()
        project.addMapLayer(layer, False)
        project.layerTreeRoot().insertLayer(0, layer)  # a result goes on top, over earlier runs' layers
        if details.postProcessor() is not None:
            details.postProcessor().postProcessLayer(layer, context, None)
        loaded.append(layer)
    return loaded


def _project_time(project: QgsProject) -> tuple:
    settings = project.timeSettings()
    return settings.temporalRange(), settings.timeStep(), settings.timeStepUnit()


def play_project_time(canvas, project: QgsProject) -> None:
    """Set the canvas's Temporal Controller to the project's temporal range and step and switch it to
    animation, so play steps through what a run loaded (the controller keeps its own range and one-hour
    step otherwise: it reads the project's only when a project is opened)."""
    controller = canvas.temporalController() if canvas is not None else None
    if not isinstance(controller, QgsTemporalNavigationObject):
        return
    settings = project.timeSettings()
    controller.setTemporalExtents(settings.temporalRange())
    controller.setFrameDuration(QgsInterval(settings.timeStep(), settings.timeStepUnit()))
    controller.setNavigationMode(QgsTemporalNavigationObject.Animated)
    controller.setCurrentFrameNumber(0)


class _Feedback(QgsProcessingFeedback):
    """Processing feedback that keeps the errors a run reported, for the tab's status line."""

    def __init__(self):
        super().__init__()
        self.errors: list = []

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N803 - Qt's name
        self.errors.append(error)
        super().reportError(error, fatalError)


#: The runs under way: each keeps its context and feedback, which the task uses from its thread, alive
#: until it ends, even when the tab that started it is gone (a closed dock, an unloaded plugin).
_UNDER_WAY: set = set()


class AlgorithmTask:
    """Owns one background run: its task, context and feedback (which must outlive the run).

    When ``on_done`` is a method of a widget (the tab that started the run) and that widget is deleted
    while the run is under way, the run is cancelled and neither callback is called: they would reach
    deleted widgets.
    """

    def __init__(
        self,
        algorithm_id: str,
        parameters: dict,
        on_done: Optional[Done] = None,
        on_progress: Optional[Callable[[int], None]] = None,
    ):
        registry = QgsApplication.processingRegistry()
        algorithm = registry.createAlgorithmById(algorithm_id)
        if algorithm is None:
            raise KeyError(f"Processing algorithm {algorithm_id!r} is not registered")
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = _Feedback()
        self._on_progress = on_progress
        self.feedback.progressChanged.connect(self._progress)
        #: What the run was given (panels hand parts of it to the next step).
        self.parameters = dict(parameters)
        #: Whether the user cancelled the run (the task also cancels itself when the algorithm refuses
        #: to prepare, and the feedback is cancelled whenever the task is).
        self.cancelled = False
        self.task = QgsProcessingAlgRunnerTask(algorithm, parameters, self.context, self.feedback)
        self.task.executed.connect(self._finished)
        # A run cancelled before the task manager started it is terminated without ``executed``.
        self.task.taskTerminated.connect(lambda: self._finished(False, {}))
        self._ended = False
        self._on_done = on_done
        owner = getattr(on_done, "__self__", None)
        if isinstance(owner, QObject):
            owner.destroyed.connect(self.abandon)
        self.results: dict = {}
        self.layers: list = []
        #: Whether loading the run's layers changed the project's temporal range or step.
        self.time_changed = False

    def start(self) -> None:
        _UNDER_WAY.add(self)
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self) -> None:
        self.cancelled = True
        self.feedback.cancel()
        if not self._ended:  # the task manager deletes an ended task
            self.task.cancel()

    def abandon(self) -> None:
        """The tab that started the run is gone: cancel the run and call neither callback again."""
        self._on_done = None
        self._on_progress = None
        if not self._ended:
            self.cancel()

    def _progress(self, percent: float) -> None:
        # Feedback reports a float percentage; progress bars take an int, and an exception in a slot
        # aborts QGIS, so convert here once for every panel.
        if self._on_progress is not None:
            self._on_progress(int(percent))

    def failure(self, run_name: str) -> str:
        """What the status line says when the run did not succeed: cancelled (nothing written), or the
        error the algorithm reported, which names the parameter to fix. ``run_name`` is the translated
        name of the run ("Compositing")."""
        if self.cancelled:
            return QCoreApplication.translate("AlgorithmTask", "{0} cancelled; nothing was written.").format(
                run_name
            )
        reported = [error.strip() for error in self.feedback.errors if error.strip()]
        reason = reported[-1] if reported else QCoreApplication.translate("AlgorithmTask", "see the log")
        return QCoreApplication.translate("AlgorithmTask", "{0} failed: {1}").format(run_name, reason)

    def _finished(self, ok: bool, results: dict) -> None:
        if self._ended:  # a run that failed while running is both terminated and executed
            return
        self._ended = True
        _UNDER_WAY.discard(self)
        self.results = results or {}
        if ok:
            project = self.context.project() or QgsProject.instance()
            before = _project_time(project)
            self.layers = load_result_layers(self.context)
            self.time_changed = _project_time(project) != before
        try:
            if self._on_done is not None:
                self._on_done(ok, self.results)
        finally:
            self.release_layers()
            self._let_go()

    def _let_go(self) -> None:
        """Cut the ties of the ended run to its tab and to Qt's signal relays.

        The relays of ``progressChanged`` and of the tab's ``destroyed`` hold this run, which holds the tab
        through its callbacks: a cycle through Qt that kept every ended run (context, feedback, layer
        store) and its tab alive. Cut, the run is freed on the main thread as soon as the tab lets go of
        it, never by Python's cyclic collector, which frees on whichever thread it runs (a worker's,
        where deleting Qt objects crashes QGIS).
        """
        owner = getattr(self._on_done, "__self__", None)
        if isinstance(owner, QObject) and not sip.isdeleted(owner):
            owner.destroyed.disconnect(self.abandon)
        self._on_done = self._on_progress = None
        self.feedback.progressChanged.disconnect(self._progress)

    def release_layers(self) -> None:
        """Close the layers the run opened and did not hand to the project (a stack picked as a file,
        read through ``parameterAsRasterLayer``), once ``on_done`` has seen the results.

        The context would otherwise keep them, and their GDAL datasets, open for as long as the panel
        keeps this run: the stack file stays locked until the next run, and when Python frees the panel
        after QGIS has shut GDAL down (a closed dock, an unloaded plugin, QGIS quitting) closing them
        crashes QGIS.
        """
        self.context.temporaryLayerStore().removeAllMapLayers()


class _InputsScrollArea(QScrollArea):
    """A vertical scroll area at least as wide as its content's narrowest layout beside the scroll bar.

    There is no horizontal scroll bar, so whatever stuck out at the right would be out of reach (a
    spin box's arrows, a plot's legend): the dock cannot be made narrower than the inputs instead. A
    group unfolded (its rows wider) widens that minimum at once.
    """

    #: Whether the area asks for its content's whole height (not Qt's cap of 24 lines), for a tab
    #: whose inputs share the height with a stretching part (the Search tab's result table).
    whole_height = False

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        content = self.widget()
        if not self.whole_height or content is None:
            return hint
        return QSize(hint.width(), content.sizeHint().height() + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        frame = 2 * self.frameWidth()
        width = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() + frame
        return QSize(max(hint.width(), width), hint.height())

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget() and event.type() == QEvent.LayoutRequest:
            self.updateGeometry()  # the content's minimum width may have changed
        return super().eventFilter(watched, event)


def scrolled_inputs(parent: QWidget, parts: Sequence, whole_height: bool = False) -> QScrollArea:
    """``parts`` (widgets and layouts) top to bottom in a vertical scroll area.

    A tab's inputs scroll while its Run button, laid out below the area, stays in view in a short
    dock; the inputs keep their natural height at the top. ``whole_height``: the area asks for all of
    its inputs' height, so a part below it that stretches gets only what is left (they scroll only
    when the dock is too short for both).
    """
    content = QWidget(parent)
    inner = QVBoxLayout(content)
    for part in parts:
        if isinstance(part, QLayout):
            inner.addLayout(part)
        else:
            inner.addWidget(part)
    inner.addStretch(1)
    # a combo box sized to its longest item (an operation's name, a layer's) would widen the dock past
    # the screen and cut every field at the right edge: they take the width they are given instead
    for combo in content.findChildren(QComboBox):
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
    scroll = _InputsScrollArea(parent)
    scroll.whole_height = whole_height
    if whole_height:  # never taller than its inputs: the stretching part below gets the rest
        scroll.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    return scroll


def run_controls_layout(tab, *below: QWidget) -> QVBoxLayout:
    """The tab's ``run_button`` and ``cancel_button`` side by side, its ``progress`` bar and ``status``
    line, then the widgets ``below``: the footer a tab puts under its :func:`scrolled_inputs`."""
    buttons = QHBoxLayout()
    buttons.addWidget(tab.run_button)
    buttons.addWidget(tab.cancel_button)
    footer = QVBoxLayout()
    footer.setContentsMargins(9, 0, 9, 9)
    footer.addLayout(buttons)
    for widget in (tab.progress, tab.status, *below):
        footer.addWidget(widget)
    return footer


#: What a run refused for its size says (core/io/budget); the dock asks instead of only failing.
SIZE_LIMIT_REFUSAL = "MAX_GB="


class RunsOneAlgorithm:
    """A dock tab's side of one background run: Run is disabled and Cancel enabled while it runs,
    progress goes to the tab's bar, and ``run_finished(ok, results)`` gets the end.

    A run refused because it would read or write more than MAX_GB asks the user, with the estimate,
    whether to run it anyway (then it runs again without the limit).

    When the run's layers set the project's time (a time series), the map canvas's Temporal Controller
    follows it. The tab provides ``iface``, ``run_button``, ``cancel_button``, ``progress``, ``status``
    and ``run_finished``.
    """

    run: Optional[AlgorithmTask] = None

    def add_run_controls(self, run_text: str, object_name: str, start: Callable[[], None]) -> None:
        """Create the tab's Run and Cancel buttons, progress bar and status line (laid out by the tab)."""
        from qgis.PyQt.QtWidgets import QLabel, QProgressBar, QPushButton

        self.run_button = QPushButton(run_text, self)
        self.run_button.setObjectName(object_name)
        self.run_button.clicked.connect(start)
        self.cancel_button = QPushButton(QCoreApplication.translate("RunsOneAlgorithm", "Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.linkActivated.connect(self._install_link)

    def _install_link(self, link: str) -> None:
        """An ``install:<feature>`` link of the status line: the installer with that backend ticked."""
        if link.startswith("install:"):
            from .dependency_installer import open_installer

            self.installer = open_installer(self, [link.split(":", 1)[1]])

    def offer_missing_backend(self) -> None:
        """After a run that failed for an optional package this Python lacks (earthaccess for Earthdata,
        earthengine-api for ENGINE earthengine, distributed for DASK_SCHEDULER...), end the status line
        with a link that opens the installer with that package ticked."""
        import html

        feature = missing_backend_in(self.status.text())
        if feature is None or "install:" in self.status.text():
            return
        package = OPTIONAL[feature].requirement.split("=")[0].split(">")[0].split("<")[0]
        link = QCoreApplication.translate("RunsOneAlgorithm", "Install {0}…").format(package)
        self.status.setText(f'{html.escape(self.status.text())} <a href="install:{feature}">{link}</a>')

    def start_run(self, algorithm_id: str, parameters: dict, busy_text: str) -> None:
        self._started = (algorithm_id, dict(parameters), busy_text)
        try:
            self.run = AlgorithmTask(algorithm_id, parameters, self._run_ended, self.progress.setValue)
        except KeyError:  # not registered: the provider is not loaded
            self.status.setText(algorithms_not_loaded())
            return
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(busy_text)
        self.run.start()

    def cancel(self) -> None:
        if self.run is not None:
            self.run.cancel()

    def _size_refusal(self) -> str:
        """The refusal of a run over MAX_GB (its estimate), or "" for any other end."""
        if self.run is None or self.run.cancelled:
            return ""
        refusals = [error for error in self.run.feedback.errors if SIZE_LIMIT_REFUSAL in error]
        return refusals[-1].strip() if refusals else ""

    def _run_anyway(self, refusal: str) -> bool:
        """Ask whether to run a run refused for its size without the limit; start it if so."""
        from qgis.PyQt.QtWidgets import QMessageBox

        algorithm_id, parameters, busy_text = self._started
        if parameters.get("MAX_GB") == 0:
            return False
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("RunsOneAlgorithm", "Large run"),
            QCoreApplication.translate("RunsOneAlgorithm", "{0}\n\nRun it anyway?").format(refusal),
            QMessageBox.Yes | QMessageBox.No,
            QMessageBox.No,
        )
        if answer != QMessageBox.Yes:
            return False
        # the refused run's task is still emitting its end: its context and feedback must outlive it
        self._refused_run = self.run
        self.start_run(algorithm_id, {**parameters, "MAX_GB": 0}, busy_text)
        return True

    def _run_ended(self, ok: bool, results: dict) -> None:
        refusal = "" if ok else self._size_refusal()
        if refusal and self._run_anyway(refusal):
            return
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if self.run is not None and self.run.time_changed:
            play_project_time(self.iface.mapCanvas(), self.run.context.project() or QgsProject.instance())
        self.run_finished(ok, results)
        if not ok:
            self.offer_missing_backend()


def algorithms_not_loaded() -> str:
    """What a tab says when Run finds no Timestack algorithm: the plugin registers its Processing
    provider only once the Python packages it needs are installed."""
    return QCoreApplication.translate(
        "RunsOneAlgorithm",
        "Timestack's algorithms are not loaded: Python packages they need are missing. Install them "
        "(Raster ▸ Timestack ▸ Install Python packages…), then run again."
    )  # fmt: skip


def missing_backend_in(message: str) -> Optional[str]:
    """The optional feature (key of ``dependencies.OPTIONAL``) whose package ``message`` says is missing
    ("… needs the earthengine-api package …") and this Python really lacks; None otherwise."""
    from ..dependencies import missing_backends

    for feature in missing_backends():
        package = OPTIONAL[feature].requirement.split("=")[0].split(">")[0].split("<")[0]
        if re.search(rf"(?<![\w.-]){re.escape(package)}(?![\w.-])", message):  # named, in any language
            return feature
    return None

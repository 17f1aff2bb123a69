"""The thin base every Timestack Processing algorithm shares.

It keeps the boilerplate of QgsProcessingAlgorithm in one place (translation context,
group, help, a fresh instance per run) and turns Processing feedback into the
``progress(percent, message)`` / ``is_cancelled()`` pair that the QGIS-free core expects.
"""

import os
import re
from contextlib import contextmanager

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameters,
    QgsProcessingUtils,
)
from qgis.PyQt.QtCore import QCoreApplication, QUrl

from ..core.io.engine import EngineStats
from ..core.runtime import Cancelled, TimestackError
from ..paths import README, RESOURCES_DIR

#: The provider id, the prefix of every algorithm id.
PROVIDER_ID = "timestack"


def heading_anchor(heading: str) -> str:
    """The anchor GitHub and most Markdown renderers give a heading: lower case, punctuation dropped,
    spaces as hyphens (``### timestack:landtrendr`` -> ``timestacklandtrendr``)."""
    kept = "".join(char for char in heading.strip().lower() if char.isalnum() or char in " -_")
    return kept.replace(" ", "-")


def readme_url(heading: str) -> str:
    """The README shipped with the plugin, at ``heading``'s section; the project has no web site, so
    the local copy is the help page that always exists."""
    url = QUrl.fromLocalFile(str(README))
    url.setFragment(heading_anchor(heading))
    return url.toString()


class TimestackAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses define name/displayName/group and the parameters."""

    #: Translatable group name and its stable id; subclasses override.
    GROUP = "Time series"
    GROUP_ID = "timeseries"
    #: Core argument name -> the Processing parameter a user sets for it, so a core
    #: ``TimestackError`` names what to fix in the dialog (core names that already are Processing
    #: parameters, in capitals, need no entry).
    CORE_ARGUMENTS: dict = {}

    def tr(self, text: str) -> str:
        """Translate with the concrete class name as context, as QGIS's own algorithms do."""
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):
        return type(self)()

    def group(self) -> str:
        return self.tr(self.GROUP)

    def helpUrl(self) -> str:
        """The algorithm's README section, headed by its id (``### timestack:composite``)."""
        return readme_url(f"{PROVIDER_ID}:{self.name()}")

    def groupId(self) -> str:
        return self.GROUP_ID

    def icon(self):
        from qgis.PyQt.QtGui import QIcon

        return QIcon(str(RESOURCES_DIR / "icons" / "timestack.svg"))

    @staticmethod
    def core_callbacks(feedback: QgsProcessingFeedback):
        """Return ``(progress, is_cancelled)`` callables that report into ``feedback``.

        Every message becomes the progress text; only a new *kind* of message (its words, numbers
        aside) goes to the log, so "chunk 1 of 1600" ... "chunk 1600 of 1600" is one log line, not 1600.
        """
        logged = {"kind": None}

        def progress(percent: float, message: str = "") -> None:
            if message:
                feedback.setProgressText(message)
                kind = re.sub(r"\d+", "#", message)
                if kind != logged["kind"]:
                    logged["kind"] = kind
                    feedback.pushInfo(message)
            feedback.setProgress(percent)

        return progress, feedback.isCanceled

    def report_engine(self, feedback: QgsProcessingFeedback, stats: EngineStats) -> None:
        """Log where a windowed run's time went, so a user sees whether the disk or the CPUs set the pace."""
        feedback.pushInfo(
            self.tr(
                "{0} windows in {1:.1f} s: computing {2:.1f} s, waiting on reads {3:.1f} s "
                "and writes {4:.1f} s (I/O wait {5:.0%})"
            ).format(
                stats.windows, stats.wall_s, stats.kernel_s, stats.read_wait_s, stats.write_wait_s,
                stats.io_wait_share,
            )
        )  # fmt: skip

    @staticmethod
    def load_on_completion(
        context: QgsProcessingContext, path: str, name: str, output_name: str, raster: bool
    ) -> None:
        """Ask Processing to add ``path`` to the project when the run ends.

        Going through the context (never ``iface``) makes the algorithm behave the same in the
        Toolbox, in models and in ``qgis_process``.
        """
        hint = QgsProcessingUtils.LayerHint.Raster if raster else QgsProcessingUtils.LayerHint.Vector
        details = QgsProcessingContext.LayerDetails(name, context.project(), output_name, hint)
        context.addLayerToLoadOnCompletion(path, details)

    def earthdata_headers(self, parameters, context):
        """With the algorithm's AUTHCFG, log in to Earthdata: the bearer header core sends with the
        reads of Earthdata granules (and nothing else); None without AUTHCFG."""
        authcfg = self.parameterAsString(parameters, "AUTHCFG", context)
        if not authcfg:
            return None
        from ..core.search.earthdata import EarthdataLogin, login_headers

        return login_headers(EarthdataLogin(*self.credentials(authcfg)))

    def credentials(self, authcfg: str) -> tuple[str, str]:
        """(username, password) of the QGIS authentication configuration ``authcfg``, or a clear error."""
        found = auth_credentials(authcfg)
        if found is None:
            raise self.fail(
                self.tr(
                    "AUTHCFG: there is no authentication configuration '{0}' in QGIS's authentication "
                    "database (Settings ▸ Options ▸ Authentication)."
                ).format(authcfg)
            )
        return found

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """Refuse, before anything is opened for writing, an output that is one of the inputs.

        Every way of running comes through here (Toolbox, models, ``qgis_process``, the dock's tasks),
        so no algorithm can overwrite the stack, catalog or polygons it was asked to read.
        """
        inputs = {}
        for definition in self.parameterDefinitions():
            if not definition.isDestination():
                for path in _input_files(definition, parameters, context):
                    inputs.setdefault(path, definition.name())
        for definition in self.destinationParameterDefinitions():
            if isinstance(definition, QgsProcessingParameterFolderDestination):
                continue
            if isinstance(definition, QgsProcessingParameterFileDestination):
                target = self.parameterAsFileOutput(parameters, definition.name(), context)
            else:
                target = self.parameterAsOutputLayer(parameters, definition.name(), context)
            path = _local_file(target)
            if path in inputs:
                raise self.fail(
                    self.tr(
                        "{0} is the file {1} also reads ({2}); writing it would destroy the input. "
                        "Choose another file name for {0}."
                    ).format(definition.name(), inputs[path], path)
                )
        return True

    @contextmanager
    def core_errors(self, run_name: str):
        """Run core code, turning its signals into the errors Processing shows and scripts see.

        A cancel raises too (it never returns partial results): ``qgis_process`` then exits non-zero and
        a model stops, where an empty success would let them carry on with missing outputs. A
        ``TimestackError`` is shown with the parameter to fix in front. ``run_name`` is the translated
        name of the run ("Composite") for the cancel message.
        """
        try:
            yield
        except Cancelled as exc:
            raise self.fail(self.tr("{0} cancelled; nothing was written.").format(run_name)) from exc
        except TimestackError as exc:
            raise self.fail(self.core_message(exc)) from exc

    def core_message(self, error: TimestackError) -> str:
        """The core error's message with the Processing parameter at fault in front."""
        message = str(error)
        parameter = error.parameter or ""
        name = self.CORE_ARGUMENTS.get(parameter, parameter if parameter.isupper() else "")
        if name and not message.startswith(name):
            message = f"{name}: {message}"
        return message

    @staticmethod
    def fail(message: str) -> QgsProcessingException:
        """Build the exception Processing shows to the user; raise it from the caller."""
        return QgsProcessingException(message)


def _local_file(source) -> str:
    """The real path of a local file behind a layer source or path string, "" for anything else.

    Layer sources carry options after ``|`` (``stands.gpkg|layername=stands``); URLs and memory
    layers have no local file.
    """
    if not isinstance(source, str) or not source.strip():
        return ""
    path = source.split("|", 1)[0].strip()
    if "://" in path or path.startswith(("memory:", "/vsi")):
        return ""
    return os.path.realpath(path) if os.path.exists(path) else ""


def _input_files(definition, parameters, context) -> list:
    """Local files an input parameter reads: the layer's file for layer parameters, else the value."""
    value = parameters.get(definition.name())
    if value is None or value == "":
        return []
    values = value if isinstance(value, (list, tuple)) else [value]
    files = []
    for item in values:
        if not isinstance(item, str):  # a layer object or a source definition: ask Processing for it
            layer = QgsProcessingParameters.parameterAsLayer(definition, {definition.name(): item}, context)
            item = layer.source() if layer is not None else ""
        elif not os.path.exists(item.split("|", 1)[0]):  # a layer id or name in the project
            layer = QgsProcessingUtils.mapLayerFromString(item, context)
            item = layer.source() if layer is not None else item
        path = _local_file(item)
        if path:
            files.append(path)
    return files


def auth_credentials(authcfg: str):
    """(username, password) of a QGIS authentication configuration (Basic method), None if unknown.

    Secrets live only in QGIS's encrypted authentication database; they are read at run time, passed
    on in memory, and never written to a log, a setting or an output.
    """
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if authcfg not in manager.configIds() or not manager.loadAuthenticationConfig(authcfg, config, True):
        return None
    return config.config("username", ""), config.config("password", "")

"""The thin base every Timestack Processing algorithm shares.

It keeps the boilerplate of QgsProcessingAlgorithm in one place (translation context,
group, help, a fresh instance per run) and turns Processing feedback into the
``progress(percent, message)`` / ``is_cancelled()`` pair that the QGIS-free core expects.
"""

import errno
import functools
import math
import os
import re
import signal
import threading
import traceback
from contextlib import contextmanager
from typing import Optional

from qgis.core import (
    Qgis,
    QgsMessageLog,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameters,
    QgsProcessingParameterVectorDestination,
    QgsProcessingUtils,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, Qt, QUrl, QVariant

from ..core.io.engine import EngineStats
from ..core.runtime import Cancelled, Message, TimestackError, without_secrets
from ..paths import README, RESOURCES_DIR
from .layer_inputs import layer_inputs, read_inputs

#: The provider id, the prefix of every algorithm id.
PROVIDER_ID = "timestack"


def user_message(error: BaseException) -> str:
    """``error``'s message in the user's language.

    A core :class:`TimestackError` carries its English template and arguments (the core has no Qt):
    the template is translated in the core's context and only then formatted. Any other error is
    shown as it is.
    """
    if isinstance(error, TimestackError):
        return without_secrets(error.translated(QCoreApplication.translate))
    return without_secrets(str(error))


def user_text(text: str) -> str:
    """``text`` in the user's language when the core worded it (a :class:`Message`), else as it is."""
    return without_secrets(text.translated(QCoreApplication.translate) if isinstance(text, Message) else text)


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
    GROUP = QT_TRANSLATE_NOOP("TimestackAlgorithm", "Time series")
    GROUP_ID = "timeseries"
    #: Core argument name -> the Processing parameter a user sets for it, so a core
    #: ``TimestackError`` names what to fix in the dialog (core names that already are Processing
    #: parameters, in capitals, need no entry).
    CORE_ARGUMENTS: dict = {}
    #: Feature inputs the run reads as files (found by the algorithm's own prepareAlgorithm), not as
    #: features read beforehand (:func:`.layer_inputs.read_inputs`).
    FILE_INPUTS: tuple = ()

    def __init_subclass__(cls, **kwargs):
        """Give every algorithm's own ``processAlgorithm`` the base's handling of I/O errors.

        A full disk, a read-only folder or a truncated file is an ordinary failure a user must be
        able to act on; wrapping here means no algorithm can let one through as a traceback.
        """
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("processAlgorithm")
        if own is not None and not getattr(own, "reports_io_errors", False):
            cls.processAlgorithm = _reporting_io_errors(own)

    def tr(self, text: str) -> str:
        """Translate with the concrete class name as context, as QGIS's own algorithms do.

        pylupdate5 files a string under the class whose code holds it, so text of a base class
        (this one's messages, the groups) is looked up in each class of the hierarchy in turn.
        """
        for klass in type(self).__mro__:
            translated = QCoreApplication.translate(klass.__name__, text)
            if translated != text or klass is TimestackAlgorithm:
                return translated
        return text

    def createInstance(self):
        return type(self)()

    def set_help(self, helps: dict) -> None:
        """Give each parameter (name -> text) its help: what it does and in which unit.

        QGIS shows a parameter's help in its tooltip, in the Processing dialog, the modeler and the
        dock alike, so the explanation is written once, here, beside the parameter it explains.
        """
        for name, text in helps.items():
            self.parameterDefinition(name).setHelp(text)

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
            message = user_text(message)  # the core's English, in the user's language
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
        if stats.estimate is not None:
            feedback.pushInfo(stats.estimate.describe())
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

    def earthengine_sign_in(self, parameters, context, project) -> bool:
        """With AUTHCFG (a service account's key JSON as its password), log Earth Engine in with that
        account for ``project``; False without AUTHCFG (the user's own stored login is used)."""
        if self.parameterDefinition("AUTHCFG") is None:
            return False
        authcfg = self.parameterAsString(parameters, "AUTHCFG", context)
        if not authcfg:
            return False
        from ..core.earthengine.login import service_account_credentials, sign_in

        sign_in(project or None, service_account_credentials(self.credentials(authcfg)[1]))
        return True

    def read_logins(self, parameters, context, items) -> tuple:
        """(Earthdata bearer header, catalog login) for the reads of the scenes of ``items`` (an
        ItemCollection path): AUTHCFG logs in to Earthdata when the scenes are Earthdata granules, else it
        is the login of the STAC API they came from (:class:`..core.io.logins.CatalogLogin`, sent only to
        that catalog's own files). (None, None) without AUTHCFG."""
        authcfg = self.parameterAsString(parameters, "AUTHCFG", context)
        if not authcfg:
            return None, None
        from ..core.composite.catalog import load_items
        from ..core.io.logins import CatalogLogin
        from ..core.items import is_earthdata_granule

        try:
            found = load_items(items)[0] if items else []
        except (TimestackError, OSError):
            found = []  # the run itself says what is wrong with ITEMS
        if any(isinstance(item, dict) and is_earthdata_granule(item) for item in found):
            return self.earthdata_headers(parameters, context), None
        login = self.login(authcfg)
        return None, CatalogLogin.from_mapping(login.headers, login.origins)

    def login(self, authcfg: str) -> "AuthLogin":
        """The login of ``authcfg`` as read in :meth:`prepareAlgorithm` (the main thread), or a clear
        error naming AUTHCFG."""
        login = (self._logins or {}).get(authcfg) or auth_login(authcfg)
        if login is None:
            self.credentials(authcfg)  # raises the unknown-configuration error
        if login.error:
            raise self.fail(
                self.tr("AUTHCFG: the authentication configuration '{0}' gave no login ({1}).").format(
                    authcfg, login.error
                )
            )
        return login

    def credentials(self, authcfg: str) -> tuple[str, str]:
        """(username, password) of the QGIS authentication configuration ``authcfg``, or a clear error."""
        login = (self._logins or {}).get(authcfg)
        found = (login.username, login.password) if login is not None else auth_credentials(authcfg)
        if found is None:
            raise self.fail(
                self.tr(
                    "AUTHCFG: there is no authentication configuration '{0}' in QGIS's authentication "
                    "database (Settings ▸ Options ▸ Authentication)."
                ).format(authcfg)
            )
        return found

    #: The local files the run reads (path -> parameter), found by :meth:`prepareAlgorithm`.
    _input_paths: Optional[dict] = None
    #: What the run uses of its layer inputs, read by :meth:`prepareAlgorithm` in the main thread
    #: (:func:`.layer_inputs.read_inputs`).
    _layers: Optional[dict] = None
    #: AUTHCFG id -> its :class:`AuthLogin`, read by :meth:`prepareAlgorithm` in the main thread.
    _logins: Optional[dict] = None

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """Find the files the inputs read, here because this runs in the main thread: an input may be a
        layer of the project, which only the main thread may touch (a dock run's task calls this before
        it moves to its worker thread; reading project layers from the worker crashed QGIS). Refusing
        is left to :meth:`check_outputs`, at the start of the run: an error raised here reaches
        ``processing.run`` callers only as "There were errors executing the algorithm"."""
        self._input_paths = self.input_files(parameters, context)
        self._layers = read_inputs(self, parameters, context)
        self._logins = {}
        if self.parameterDefinition("AUTHCFG") is not None:
            authcfg = self.parameterAsString(parameters, "AUTHCFG", context)
            login = auth_login(authcfg) if authcfg else None
            if login is not None:  # QGIS's auth manager is read here, not from a worker thread
                self._logins[authcfg] = login
        return True

    def input_layers(self, parameters, name: str, context) -> list:
        """The :class:`.LayerInput` of raster or multiple-layer input ``name``, as :meth:`prepareAlgorithm`
        read them in the main thread; the run never looks up a project layer from its worker."""
        if self._layers is None:  # a direct processAlgorithm call (tests): the caller's thread
            return layer_inputs(self, self.parameterDefinition(name), parameters, context) or []
        return self._layers.get(name) or []

    def input_file(self, parameters, name: str, context) -> str:
        """The file behind raster input ``name`` as :meth:`input_layers` gives it; "" when it is unset or
        not a GDAL layer."""
        layers = self.input_layers(parameters, name, context)
        return layers[0].gdal_file if layers else ""

    def parameterAsSource(self, parameters, name, context):  # noqa: N802 - Processing's name
        """The features of input ``name`` as :meth:`prepareAlgorithm` read them in the main thread
        (:class:`.layer_inputs.FeatureSnapshot`), not a source read from the run's worker thread."""
        if self._layers is None or name not in self._layers:
            return super().parameterAsSource(parameters, name, context)
        return self._layers[name]

    def input_files(self, parameters, context) -> dict:
        """Real path -> parameter name of every local file an input parameter reads."""
        inputs: dict = {}
        for definition in self.parameterDefinitions():
            if not definition.isDestination():
                for path in _input_files(definition, parameters, context):
                    inputs.setdefault(path, definition.name())
        return inputs

    def check_outputs(self, parameters, context) -> None:
        """Refuse, before anything is opened for writing, an output that is one of the inputs or another
        output, a folder, below a file or in a folder nobody may write to.

        Every run of every algorithm comes through here first (the base wraps each ``processAlgorithm``),
        so no algorithm can overwrite the stack, catalog or polygons it was asked to read.
        """
        # prepared in the main thread; a direct processAlgorithm call (tests) runs in the caller's
        inputs = self._input_paths if self._input_paths is not None else self.input_files(parameters, context)
        outputs = {}
        for name, target in self.file_outputs(parameters, context):
            if not target:  # a model's step whose output the model leaves unset: Processing checks nothing
                problem = self.missing_value(self.parameterDefinition(name), None)
                if problem:
                    raise self.fail(problem)
            path = _local_file(target)
            if path in inputs:
                raise self.fail(
                    self.tr(
                        "{0} is the file {1} also reads ({2}); writing it would destroy the input. "
                        "Choose another file name for {0}."
                    ).format(name, inputs[path], path)
                )
            self._check_destination(name, target, outputs)

    def check_values(self, parameters) -> None:
        """Refuse, by name, a number out of range or a choice that is not one, as
        :meth:`checkParameterValues` does; here because a model's steps come through no such check, and
        QGIS reads a choice out of range as the default: a model input wired to a step ran that step
        with its first choice instead of the one asked for."""
        for definition in self.parameterDefinitions():
            if not definition.isDestination():
                problem = self.value_problem(definition, parameters.get(definition.name()))
                if problem:
                    raise self.fail(problem)

    def file_outputs(self, parameters, context) -> list:
        """(name, target) of every output written as one file or layer (folder outputs left out), the
        target as Processing will write it."""
        found = []
        for definition in self.destinationParameterDefinitions():
            if isinstance(definition, QgsProcessingParameterFolderDestination):
                continue
            if isinstance(definition, QgsProcessingParameterFileDestination):
                target = self.parameterAsFileOutput(parameters, definition.name(), context)
            else:
                target = self.parameterAsOutputLayer(parameters, definition.name(), context)
            found.append((definition.name(), target))
        return found

    def make_output_folders(self, parameters, context) -> list:
        """Make the missing folders of the file outputs (QGIS makes none for a vector or table output, and
        fails with an OGR message that names no parameter); returns the folders made, outermost first,
        for the run to remove again if it fails."""
        made = []
        for _name, target in self.file_outputs(parameters, context):
            path = _planned_file(target)
            missing, folder = [], os.path.dirname(path) if path else ""
            while folder and not os.path.exists(folder):
                missing.append(folder)
                folder = os.path.dirname(folder)
            for folder in reversed(missing):
                os.mkdir(folder)
                made.append(folder)
        return made

    def _check_destination(self, name: str, target, outputs: dict) -> None:
        """Refuse an output path that is a folder or that another output of this run writes too;
        ``outputs`` maps the paths of the outputs checked so far to their names."""
        path = _planned_file(target)
        if not path:
            return
        if os.path.isdir(path):
            definition = self.parameterDefinition(name)
            extension = getattr(definition, "defaultFileExtension", lambda: "")() or "tif"
            raise self.fail(
                self.tr("{0}: {1} is a folder; give a file name (such as {2}).").format(
                    name, target, os.path.join(target, f"{name.lower()}.{extension}")
                )
            )
        above = _nearest_existing(path)
        if above and not os.path.isdir(above):
            raise self.fail(
                self.tr("{0}: {1} is a file, not a folder, so nothing can be written below it; choose a file "
                        "in a folder.").format(name, above)
            )  # fmt: skip
        if above and not os.access(above, os.W_OK | os.X_OK):  # also true of root in an immutable folder
            raise self.fail(
                self.tr("{0}: cannot write in {1}; choose a folder you can write to.").format(name, above)
            )
        if path in outputs:
            raise self.fail(
                self.tr(
                    "{0} and {1} are the same file ({2}); one would overwrite the other. "
                    "Choose another file name for {0}."
                ).format(name, outputs[path], path)
            )
        outputs[path] = name

    def checkParameterValues(self, parameters, context):
        """Refuse out-of-range numbers and unknown choices with the range or the choices in the message.

        Processing's own check says only "Incorrect parameter value for MAX_CLOUD"; the definitions'
        minimum, maximum and options say what would be right.
        """
        for check in (self.value_problem, self.missing_value):  # a wrong value before a missing one
            for definition in self.parameterDefinitions():
                problem = check(definition, parameters.get(definition.name()))
                if problem:
                    return False, problem
        return super().checkParameterValues(parameters, context)

    def missing_value(self, definition, value) -> str:
        """The message for a required parameter without a value or default; "" if it has one."""
        if isinstance(value, QgsProcessingOutputLayerDefinition):  # how qgis_process passes outputs
            value = value.sink.staticValue()
        if isinstance(value, QVariant) and value.isNull():
            value = None
        if value is not None and not (isinstance(value, str) and not value.strip()):
            return ""
        optional = definition.flags() & QgsProcessingParameterDefinition.FlagOptional
        if optional or definition.defaultValue() is not None:
            return ""
        name, description = definition.name(), definition.description()
        return self.tr("{0} is empty; it needs a value: {1}.").format(name, description)

    def value_problem(self, definition, value) -> str:
        """What is wrong with the ``value`` given to a number, choice, yes/no or raster output parameter;
        "" if nothing, or not ours to say."""
        if isinstance(definition, QgsProcessingParameterBoolean) and isinstance(value, str):
            if value.strip().lower() not in ("true", "false", "yes", "no", "1", "0", ""):
                return self.tr("{0} is true or false, got '{1}'.").format(definition.name(), value)
            return ""
        if isinstance(definition, QgsProcessingParameterRasterDestination) and isinstance(value, str):
            return self.raster_destination_problem(definition, value)
        if isinstance(
            definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)
        ):
            return self.vector_destination_problem(definition, value)
        if isinstance(definition, QgsProcessingParameterFile) and isinstance(value, str):
            return self.file_extension_problem(definition, value)
        if isinstance(definition, QgsProcessingParameterDateTime) and isinstance(value, str):
            if value.strip() and not QDateTime.fromString(value.strip(), Qt.ISODate).isValid():
                return self.tr("{0}: '{1}' is not a date; give it as YYYY-MM-DD (2021-06-30).").format(
                    definition.name(), value
                )
            return ""
        if (
            value is None
            or value == ""
            or not isinstance(definition, (QgsProcessingParameterNumber, QgsProcessingParameterEnum))
        ):
            return ""
        name = definition.name()
        values = list(value) if isinstance(value, (list, tuple)) else [value]
        if not all(isinstance(item, (int, float, str)) for item in values):
            return ""  # a data-defined property or expression: Processing evaluates it later
        if isinstance(definition, QgsProcessingParameterEnum):
            options = definition.options()
            if len(values) == 1 and isinstance(value, str):
                values = value.split(",")
            if not definition.allowMultiple() and len(values) > 1:
                return self.tr("{0} takes one choice, got {1}.").format(name, value)
            for item in values:
                # a model's number input reaches a step's choice as a float (2.0 is choice 2)
                text = str(int(item)) if isinstance(item, float) and item.is_integer() else str(item).strip()
                if not (text.lstrip("-").isdigit() and 0 <= int(text) < len(options)):
                    choices = ", ".join(f"{number} = {option}" for number, option in enumerate(options))
                    return self.tr("{0}: {1} is not one of the choices ({2}).").format(name, text, choices)
            return ""
        if len(values) != 1:
            return self.tr("{0} must be one number, got {1}.").format(name, value)
        try:
            number = float(value)
        except (TypeError, ValueError):
            return self.tr("{0} must be a number, got '{1}'.").format(name, value)
        if not math.isfinite(number):
            return self.tr("{0} must be a finite number, got {1}.").format(name, value)
        if definition.dataType() == QgsProcessingParameterNumber.Integer and number != int(number):
            return self.tr("{0} must be a whole number, got {1}.").format(name, value)
        low, high = definition.minimum(), definition.maximum()
        has_low, has_high = low > -1e300, high < 1e300
        if (has_low and number < low) or (has_high and number > high):
            if has_low and has_high:
                limits = self.tr("between {0:g} and {1:g}").format(low, high)
            elif has_low:
                limits = self.tr("at least {0:g}").format(low)
            else:
                limits = self.tr("at most {0:g}").format(high)
            return self.tr("{0} must be {1}, got {2:g}.").format(name, limits, number)
        return ""

    def raster_destination_problem(self, definition, value: str) -> str:
        """A file type GDAL cannot write rasters as (Processing says only "Incorrect parameter value"), or
        one Timestack does not write: the hint names only what is accepted, GeoTIFF."""
        name = definition.name()
        suffix = os.path.splitext(value.split("|", 1)[0])[1].lstrip(".").lower()
        if value.startswith(("TEMPORARY", "memory:")) or not suffix:
            return ""
        if suffix not in definition.supportedOutputRasterLayerExtensions():
            return self.tr(
                "{0}: '.{1}' is not a raster format; Timestack writes GeoTIFF rasters: name the file .tif."
            ).format(name, suffix)
        if suffix not in ("tif", "tiff"):  # every raster Timestack writes is a GeoTIFF
            return self.tr("{0}: Timestack writes GeoTIFF rasters, not '.{1}'; name the file .tif.").format(
                name, suffix
            )
        return ""

    def vector_destination_problem(self, definition, value) -> str:
        """A file type OGR cannot write layers or tables as: Processing would quietly append ``.gpkg``
        (``tasks.xyz.gpkg``), a file the user did not name."""
        if isinstance(value, QgsProcessingOutputLayerDefinition):  # how qgis_process passes outputs
            value = value.sink.staticValue()
        if not isinstance(value, str) or value.startswith(("TEMPORARY", "memory:", "postgres", "ogr:")):
            return ""
        suffix = os.path.splitext(value.split("|", 1)[0])[1].lstrip(".").lower()
        formats = definition.supportedOutputVectorLayerExtensions()
        if not suffix or suffix in formats:
            return ""
        return self.tr(
            "{0}: '.{1}' is not a vector or table format; name the file .gpkg (or one of: {2})."
        ).format(definition.name(), suffix, ", ".join(formats[:8]))

    def file_extension_problem(self, definition, value: str) -> str:
        """A file of another type than the parameter reads (Processing says only "Incorrect parameter
        value"); the extension is compared as Processing does, ignoring case."""
        extension = definition.extension().lstrip(".")
        if not extension or not value.strip() or value.strip().lower().endswith(extension.lower()):
            return ""
        return self.tr("{0}: {1} is not a .{2} file; give a .{2} file ({3}).").format(
            definition.name(), value, extension, definition.description()
        )

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
        """The core error's message with the Processing parameter at fault in front.

        Core argument names in the text (``stack_path``) become the Processing parameters a user sees
        (``INPUT``), so the message points at a field of the dialog.
        """
        message = self.processing_names(user_message(error))
        parameter = error.parameter or ""
        name = self.CORE_ARGUMENTS.get(parameter, parameter if parameter.isupper() else "")
        if name and not message.startswith(name):
            message = f"{name}: {message}"
        return message

    def processing_names(self, message: str) -> str:
        """``message`` with every core argument name of CORE_ARGUMENTS replaced by its parameter."""
        if not self.CORE_ARGUMENTS:
            return message
        names = sorted(self.CORE_ARGUMENTS, key=len, reverse=True)
        pattern = r"\b(" + "|".join(re.escape(name) for name in names) + r")\b"
        return re.sub(pattern, lambda match: self.CORE_ARGUMENTS[match.group(1)], message)

    def io_error_message(self, error: OSError, parameters, context) -> str:
        """An I/O error as a user can act on it: the parameter whose file (or folder) it is, and why."""
        path = error.filename or _path_in(str(error))
        reason = error.strerror or str(error)
        writing = isinstance(error, PermissionError) or getattr(error, "errno", None) in (28, 30)
        if path:
            parameter = self._parameter_of_path(path, parameters, context)
        else:  # GDAL may not say which file it failed to read (a VRT's source): the one input read
            inputs = [
                definition.name()
                for definition in self.parameterDefinitions()
                if definition.name() in ("ITEMS", "INPUT") and parameters.get(definition.name())
            ]
            parameter = inputs[0] if len(inputs) == 1 and not writing else ""
        if getattr(error, "errno", None) == errno.EISDIR:  # a folder stands where an output goes
            advice = self.tr("move or rename that folder, or choose another output")
        elif writing:
            advice = self.tr("choose a folder you can write to, with free space")
        else:
            advice = self.tr("check that the file exists, is complete and readable")
        where = f"{parameter}: " if parameter else ""
        shown = path or self.tr("a file")
        return self.tr("{0}cannot use {1}: {2}; {3}.").format(where, shown, reason, advice)

    def _parameter_of_path(self, path: str, parameters, context) -> str:
        """The parameter whose value is ``path`` or holds it (a folder); else the output beside it (its
        temporary name) or inside it (a folder that cannot be made); else the one input that names files
        (ITEMS or INPUT), since a missing scene or a truncated raster is reached through it."""
        target = os.path.realpath(path)
        inside, beside, inputs = "", "", []
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name())
            if isinstance(value, str) and value and not value.startswith(("memory:", "TEMPORARY")):
                own = os.path.realpath(value.split("|", 1)[0])
                if target == own or target.startswith(own + os.sep):
                    return definition.name()
                if definition.isDestination() and own.startswith(target + os.sep):
                    inside = inside or definition.name()
                elif definition.isDestination() and os.path.dirname(target) == os.path.dirname(own):
                    beside = beside or definition.name()
                elif not definition.isDestination() and definition.name() in ("ITEMS", "INPUT"):
                    inputs.append(definition.name())
        return inside or beside or (inputs[0] if len(inputs) == 1 else "")

    def stack_and_output(self, parameters, context) -> tuple[str, str]:
        """The file behind the INPUT raster layer and the OUTPUT raster path (its folder is made by the
        atomic write, and removed again if the run fails).

        For the algorithms that turn one stack into one raster; an input that is not a GDAL file (a
        WMS layer, a memory layer) is refused by name.
        """
        path = self.input_file(parameters, "INPUT", context)
        if not path or not os.path.isfile(path):
            raise self.fail(self.tr("INPUT: the stack must be a raster file readable by GDAL."))
        return path, self.parameterAsOutputLayer(parameters, "OUTPUT", context)

    @staticmethod
    def fail(message: str) -> QgsProcessingException:
        """Build the exception Processing shows to the user; raise it from the caller. Every failure
        goes through here, so an address it names keeps its credential out (:func:`without_secrets`)."""
        return QgsProcessingException(without_secrets(message))


def _reporting_io_errors(process):
    """``process`` (a processAlgorithm) checking its outputs first, making their folders, and with every
    failure turned into a QgsProcessingException (and the folders it made removed again).

    An OSError is an ordinary failure and is told as one (the parameter, why, what to do). Any other
    exception is a bug of ours: the user gets one sentence saying so, not a Python traceback in the
    dialog or on the console; the traceback goes to the message log's Timestack tab for the report.
    """

    @functools.wraps(process)
    def run(self, parameters, context, feedback):
        made: list = []
        try:
            self.check_values(parameters)
            self.check_outputs(parameters, context)
            made = self.make_output_folders(parameters, context)
            with _terminate_cancels(feedback):
                results = process(self, parameters, context, feedback)
            _remove_empty_folders(made)  # made for an output the run did not write here (an EE export)
            return results
        except QgsProcessingException:
            _remove_empty_folders(made)
            raise
        except OSError as error:
            _remove_empty_folders(made)
            raise self.fail(self.io_error_message(error, parameters, context)) from error
        except Exception as error:
            _remove_empty_folders(made)
            QgsMessageLog.logMessage(traceback.format_exc(), "Timestack", Qgis.Critical)
            raise self.fail(
                self.tr(
                    "{0} stopped on an unexpected error ({1}: {2}). This is a bug in Timestack; please "
                    "report it with the details from the Log Messages panel (Timestack tab)."
                ).format(self.displayName(), type(error).__name__, error)
            ) from error

    run.reports_io_errors = True
    return run


@contextmanager
def _terminate_cancels(feedback):
    """While the block runs, SIGTERM cancels ``feedback`` instead of killing the process.

    ``qgis_process`` (3.22 and later) turns SIGINT into ``feedback.cancel()`` but leaves SIGTERM at
    its default, so ``kill``, a job scheduler's time limit or a container stop ended the run at once
    and left the hidden temporaries of its outputs behind. Cancelled instead, the run stops at its
    next cancel check, removes what it had started and ends non-zero like any cancel. A second
    SIGTERM ends the process at once. Only the main thread may set handlers, and only the default
    one is replaced (a host that handles SIGTERM itself keeps its handler).
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL
        or feedback is None
    ):
        yield
        return

    def cancel(_signal, _frame):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        feedback.pushWarning(QCoreApplication.translate("TimestackAlgorithm", "Terminated: cancelling."))
        feedback.cancel()

    signal.signal(signal.SIGTERM, cancel)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _remove_empty_folders(folders: list) -> None:
    """Remove the folders a run made for its outputs, deepest first, where they are still empty."""
    for folder in sorted(folders, key=len, reverse=True):
        try:
            os.rmdir(folder)
        except OSError:  # not empty (something else wrote there) or already gone
            pass


def _nearest_existing(path: str) -> str:
    """The nearest ancestor of ``path`` that exists (the folder an output's folders would be made in),
    "" if none does."""
    parent = os.path.dirname(path)
    while parent and not os.path.exists(parent) and os.path.dirname(parent) != parent:
        parent = os.path.dirname(parent)
    return parent if parent and os.path.exists(parent) else ""


def _path_in(text: str) -> str:
    """The first absolute path (or GDAL /vsi path) in an error message, "" if none."""
    match = re.search(r"(/[^\s:,'\"]+)", text)
    return match.group(1) if match else ""


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


def _planned_file(target) -> str:
    """The real path an output will be written to, "" for a temporary, memory, database or remote output."""
    if (
        not isinstance(target, str)
        or not target.strip()
        or target.startswith(("memory:", "postgres", "/vsi"))
    ):
        return ""
    path = target.split("|", 1)[0].strip()
    return "" if "://" in path else os.path.realpath(path)


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


class AuthLogin:
    """What a QGIS authentication configuration logs in with, as plain values for core: the Basic
    method's username and password, and the headers any method puts on a request (QGIS's own
    ``updateNetworkRequest``: OAuth2's bearer token, EsriToken...). ``origins``: the configuration's URL
    restriction, if any. Never printed: the repr hides everything but the method."""

    def __init__(self, method: str, username="", password="", headers=None, origins=(), error=""):
        self.method, self.username, self.password = method, username, password
        self.headers = dict(headers or {})
        self.origins = tuple(origins)
        self.error = error

    def __repr__(self) -> str:
        return f"AuthLogin({self.method!r})"


def auth_login(authcfg: str) -> Optional[AuthLogin]:
    """The :class:`AuthLogin` of ``authcfg``, None if QGIS's authentication database has no such
    configuration. Call it in the main thread (prepareAlgorithm, the dock): OAuth2 may need to ask."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig
    from qgis.PyQt.QtNetwork import QNetworkRequest

    from ..core.search.stac_api import login_headers

    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if authcfg not in manager.configIds() or not manager.loadAuthenticationConfig(authcfg, config, True):
        return None
    method = config.method()
    origins = [config.uri()] if config.uri().startswith(("http://", "https://")) else []
    username, password = config.config("username", ""), config.config("password", "")
    if method == "Basic":
        return AuthLogin(method, username, password, login_headers(username, password), origins)
    request = QNetworkRequest(QUrl(config.uri() or "https://localhost/"))
    if not manager.updateNetworkRequest(request, authcfg):
        return AuthLogin(method, origins=origins, error=f"QGIS's {method} method could not log in")
    headers = {
        bytes(name).decode("latin-1"): bytes(request.rawHeader(name)).decode("latin-1")
        for name in request.rawHeaderList()
    }
    if not headers:
        return AuthLogin(method, origins=origins, error=f"the {method} method adds no HTTP header")
    return AuthLogin(method, username, password, headers, origins)


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

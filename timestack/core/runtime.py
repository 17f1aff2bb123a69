"""What every long-running core function shares with its caller: progress, cancel and user errors.

The core runs under Processing, the dock's tasks, the command line and dask workers, none of which it
may import. So the contract is plain Python: a ``progress(percent, message)`` callable, an
``is_cancelled()`` callable polled between units of work, :class:`Cancelled` raised once the run has
removed what it had started to write, and :class:`TimestackError` for input the user can correct. The
Processing base class turns the last two into Processing errors in one place.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType
from typing import Callable, Optional

__all__ = [
    "CORE_CONTEXT",
    "MISSING_EARTHENGINE",
    "MISSING_PACKAGE",
    "QT_TRANSLATE_NOOP",
    "PACKAGES_ENV",
    "Cancelled",
    "IsCancelled",
    "Message",
    "Progress",
    "TimestackError",
    "missing_package",
    "no_progress",
    "not_cancelled",
    "optional_import",
    "without_secrets",
]

#: Environment variable naming that installer's package folder for code run outside QGIS (cron jobs).
PACKAGES_ENV = "TIMESTACK_PACKAGES"

#: ``progress(percent 0-100, message)``; the message may be empty.
Progress = Callable[[float, str], None]

#: Polled between units of work; true once the user asked to stop.
IsCancelled = Callable[[], bool]


#: The translation context of every core message (the core cannot call Qt's ``translate`` itself).
CORE_CONTEXT = "TimestackCore"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pylupdate5 extracts
    """Mark ``text`` as a message of ``context`` for pylupdate5 and return it unchanged.

    The core has no Qt, so its messages are templates (``"{0} is not a raster"``) translated and
    only then formatted where Qt is: :meth:`TimestackError.translated`.
    """
    del context
    return text


class Message(str):
    """A progress message that can still be translated: the English text, formatted, plus its template
    and arguments (a ``str``, so every caller that only logs it keeps working).

    ``Message(QT_TRANSLATE_NOOP("TimestackCore", "{0} scenes"), 12)``; a caller with Qt translates
    ``template`` and formats it with ``args`` (:meth:`translated`).
    """

    template: str
    args: tuple

    def __new__(cls, template: str, *args):
        message = super().__new__(cls, template.format(*args) if args else template)
        message.template, message.args = template, args
        return message

    def translated(self, translate: Callable[[str, str], str]) -> str:
        """The message in the user's language; arguments that are messages themselves are translated too."""
        template = translate(CORE_CONTEXT, self.template)
        args = [arg.translated(translate) if isinstance(arg, Message) else arg for arg in self.args]
        return template.format(*args) if args else template


class TimestackError(ValueError):
    """Input or state the user can correct; the message says what is wrong and what to do.

    ``message`` is a template marked with ``QT_TRANSLATE_NOOP("TimestackCore", ...)`` and ``args`` its
    ``str.format`` arguments, so a caller with Qt can translate the template before formatting it.
    ``parameter`` names the Processing parameter at fault (``"EXTENT"``), or None when no single
    parameter is. It is a ``ValueError`` so callers that predate it keep catching it.
    """

    def __init__(self, message: str, parameter: Optional[str] = None, *, args: tuple = ()):
        super().__init__(message.format(*args) if args else message)
        self.template = message
        self.args_ = tuple(args)
        self.parameter = parameter

    def __reduce__(self):
        # a dask worker's refusal reaches the caller whole: template, arguments and parameter
        return _rebuilt_error, (type(self), self.template, self.parameter, self.args_)

    def translated(self, translate: Callable[[str, str], str]) -> str:
        """The message in the user's language: ``translate(CORE_CONTEXT, template)`` then formatted
        (``translate`` is ``QCoreApplication.translate``; an untranslated template stays English); arguments
        that are :class:`Message` are translated too."""
        template = translate(CORE_CONTEXT, self.template)
        args = [arg.translated(translate) if isinstance(arg, Message) else arg for arg in self.args_]
        return template.format(*args) if args else template


def _rebuilt_error(kind, template: str, parameter: Optional[str], args: tuple) -> TimestackError:
    return kind(template, parameter, args=args)


class Cancelled(RuntimeError):  # noqa: N818 - a signal, like KeyboardInterrupt
    """The caller cancelled the run; whatever it had started to write has been removed."""


def no_progress(_percent: float, _message: str = "") -> None:
    """The progress callback of a caller that does not listen."""


def not_cancelled() -> bool:
    """The cancel poll of a caller that never cancels."""
    return False


#: The message for a feature (``{0}``) whose optional package (``{1}``) this Python lacks. It names the
#: plugin's menu action that installs packages (it shows the pip command to run in a terminal when it
#: cannot install itself), so it is translated with that menu.
MISSING_PACKAGE = QT_TRANSLATE_NOOP(
    "TimestackCore",
    "{0} needs the {1} package: install it with Raster ▸ Timestack ▸ Install Python packages…"
)  # fmt: skip
#: The same for Earth Engine, which also needs a one-time login.
MISSING_EARTHENGINE = QT_TRANSLATE_NOOP(
    "TimestackCore",
    "{0} needs the {1} package: install it with Raster ▸ Timestack ▸ Install Python packages…, then "
    "authenticate once with `earthengine authenticate`."
)  # fmt: skip


def missing_package(
    needed_by: str, package: str, parameter: Optional[str] = None, template: str = MISSING_PACKAGE
) -> TimestackError:
    """The error for a feature whose optional package this Python lacks: where to install it.

    Parameters
    ----------
    needed_by
        What needs the package, as the user asked for it (``"OUTPUT .mp4"``).
    package
        The pip package to install (``"imageio-ffmpeg"``).
    parameter
        The Processing parameter the error names, or None.
    template
        :data:`MISSING_PACKAGE`, or :data:`MISSING_EARTHENGINE` for a package that also needs a login.

    Returns
    -------
    TimestackError
        The error to raise (translatable: its template and arguments are kept).
    """
    return TimestackError(template, parameter, args=(needed_by, package))


def optional_import(
    module: str,
    needed_by: str,
    package: str,
    parameter: Optional[str] = None,
    template: str = MISSING_PACKAGE,
) -> ModuleType:
    """``module`` imported when a feature first needs it, so Timestack loads without its optional
    packages; without it, the :func:`missing_package` error instead of an ``ImportError``.

    Parameters
    ----------
    module
        The module to import (``"ee"``).
    needed_by
        What needs it, as the user asked for it (``"ENGINE earthengine"``).
    package
        The pip package that provides it (``"earthengine-api"``).
    parameter, template
        As :func:`missing_package`.

    Returns
    -------
    ModuleType
        The imported module.

    Raises
    ------
    TimestackError
        The module cannot be imported: where to install ``package``.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise missing_package(needed_by, package, parameter, template) from exc


#: Query parameters that carry a credential in an address: Azure's SAS signature, a presigned S3
#: request's signature, key id and session token, and the tokens, keys and passwords some APIs take in
#: the query.
SECRET_QUERY_KEYS = (
    "sig", "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token", "token", "access_token",
    "api_key", "apikey", "key", "password",
)  # fmt: skip
_SECRET_QUERY = re.compile(r"([?&](?:" + "|".join(SECRET_QUERY_KEYS) + r")=)[^&#\s'\"]+", re.IGNORECASE)
_USER_INFO = re.compile(r"(://)[^/\s@'\"]+@")


def without_secrets(text: str) -> str:
    """``text`` with the credentials an address in it may carry replaced by ``***`` (the values of
    :data:`SECRET_QUERY_KEYS`, a ``user:password@``).

    GDAL names the file it failed to read with its whole address, and a signed address (Planetary
    Computer's, a presigned S3 one) holds its credential in the query: every error text that reaches a
    user or a log file goes through this, so the address is still named but its credential is not.
    """
    return _USER_INFO.sub(r"\1***@", _SECRET_QUERY.sub(r"\1***", text))

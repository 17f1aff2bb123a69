"""What every long-running core function shares with its caller: progress, cancel and user errors.

The core runs under Processing, the dock's tasks, the command line and dask workers, none of which it
may import. So the contract is plain Python: a ``progress(percent, message)`` callable, an
``is_cancelled()`` callable polled between units of work, :class:`Cancelled` raised once the run has
removed what it had started to write, and :class:`TimestackError` for input the user can correct. The
Processing base class turns the last two into Processing errors in one place.
"""

from __future__ import annotations

from typing import Callable, Optional

__all__ = [
    "INSTALL_PACKAGES_ACTION",
    "PACKAGES_ENV",
    "Cancelled",
    "IsCancelled",
    "Progress",
    "TimestackError",
    "missing_package",
    "no_progress",
    "not_cancelled",
]

#: The menu action of the plugin that installs missing Python packages; it shows the pip command to
#: run in a terminal when it cannot install itself.
INSTALL_PACKAGES_ACTION = "Raster ▸ Timestack ▸ Install Python packages…"
#: Environment variable naming that installer's package folder for code run outside QGIS (cron jobs).
PACKAGES_ENV = "TIMESTACK_PACKAGES"

#: ``progress(percent 0-100, message)``; the message may be empty.
Progress = Callable[[float, str], None]

#: Polled between units of work; true once the user asked to stop.
IsCancelled = Callable[[], bool]


class TimestackError(ValueError):
    """Input or state the user can correct; the message says what is wrong and what to do.

    ``parameter`` names the Processing parameter at fault (``"EXTENT"``), or None when no single
    parameter is. It is a ``ValueError`` so callers that predate it keep catching it.
    """

    def __init__(self, message: str, parameter: Optional[str] = None):
        super().__init__(message)
        self.parameter = parameter


class Cancelled(RuntimeError):  # noqa: N818 - a signal, like KeyboardInterrupt
    """The caller cancelled the run; whatever it had started to write has been removed."""


def no_progress(_percent: float, _message: str = "") -> None:
    """The progress callback of a caller that does not listen."""


def not_cancelled() -> bool:
    """The cancel poll of a caller that never cancels."""
    return False


def missing_package(needed_by: str, package: str) -> str:
    """The message for a feature whose optional package this Python lacks: where to install it."""
    return f"{needed_by} needs the {package} package: install it with {INSTALL_PACKAGES_ACTION}"

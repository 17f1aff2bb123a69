"""Where numba keeps compiled kernels, so the first-run compile does not recur every QGIS session.

numba writes its on-disk cache (``cache=True``) next to the source file by default; an installed
plugin folder is often read-only (system-wide QGIS plugins, zipped deployments), which silently
disables caching and makes every session pay the compile time again. ``NUMBA_CACHE_DIR`` moves the
cache to a user folder. It must be set before the first kernel compiles, so every kernel module
calls :func:`configure_numba_cache` before importing numba.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

CACHE_ENV = "TIMESTACK_CACHE_DIR"


def default_cache_dir() -> Path:
    """``$TIMESTACK_CACHE_DIR`` if set, else the platform's user cache folder plus ``timestack/numba``.

    Returns
    -------
    pathlib.Path
        The folder (not created here).
    """
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "timestack" / "numba"


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder):
            pass
    except OSError:
        return False
    return True


def configure_numba_cache() -> Path | None:
    """Point numba's cache at a writable user folder; return it, or None if none is writable.

    Compiled kernels are cached so that only the first run after an install waits for numba; the
    plugin's own folder may be read-only, hence a user folder. An explicit ``NUMBA_CACHE_DIR`` set by
    the user wins. If numba is already imported its live config is updated too, since numba reads the
    variable only once at import.

    Returns
    -------
    pathlib.Path or None
    """
    explicit = os.environ.get("NUMBA_CACHE_DIR")
    folder = Path(explicit) if explicit else default_cache_dir()
    if not _writable(folder):
        folder = Path(tempfile.gettempdir()) / "timestack-numba"
        if not _writable(folder):
            return None
    os.environ["NUMBA_CACHE_DIR"] = str(folder)
    numba_module = sys.modules.get("numba")
    if numba_module is not None:
        numba_module.config.CACHE_DIR = str(folder)
    return folder

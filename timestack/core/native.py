"""Import native extensions that bundle their own copy of a library the host process already holds.

exactextract's Linux wheel bundles GEOS (``exactextract.libs/libgeos_c-….so`` and ``libgeos-….so``).
QGIS's executables (``qgis``, ``qgis_process``) link the system GEOS and load it into the global symbol
scope; glibc resolves the bundled ``libgeos_c``'s C++ GEOS symbols against that global copy first, a
different GEOS version, and the flood fill of a polygon's interior cells then crashes the whole host
(issue: polygon statistics crash QGIS). A plain Python process has no GEOS in its global scope, which is
why the crash never showed there.

The fix is made at import: ``RTLD_DEEPBIND`` puts the extension's own dependencies ahead of the global
scope, so the bundled ``libgeos_c`` binds to the bundled ``libgeos`` in every host (desktop, console,
``qgis_process``, a cron job, a dask worker). It is chosen over a subprocess (which would cost a Python
start per call and needs an interpreter QGIS does not always expose) and over a source build against the
system GEOS (which a user installing the wheel from the plugin's installer does not get). Other systems
need nothing: Windows resolves DLL imports per module and macOS uses two-level namespaces.

The binding is fixed when a library is first loaded. If other code (another plugin, a console session)
imported exactextract first, without the flag, in a process whose global scope holds a GEOS, the damage
is done: ``exactextract()`` then refuses with ``NativeLibraryError`` naming the cause and the remedy,
rather than letting the first irregular polygon take QGIS and the user's unsaved project down.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading

_lock = threading.Lock()
_isolated: set = set()

#: GEOS C and C++ entry points the exactextract wheel's libraries import, stable across GEOS 3.9–3.14;
#: finding any in the global scope means a host GEOS would capture them without ``RTLD_DEEPBIND``.
_GEOS_SYMBOLS = (
    "GEOSversion",
    "GEOSCoordSeq_create_r",
    "_ZN4geos2io9WKBReaderC1ERKNS_4geom15GeometryFactoryE",
)


class NativeLibraryError(RuntimeError):
    """A native library cannot run safely in this process; the message says why and what to do."""


def import_isolated(name: str):
    """Import module ``name`` with its native dependencies bound before the process's global symbols.

    Pure-Python dependencies that other code shares (numpy, pandas, GDAL's bindings) are imported
    first, normally, so only the extension itself and its bundled libraries get the deep binding.

    Parameters
    ----------
    name
        The module to import.

    Returns
    -------
    module
        The imported module.
    """
    if name in sys.modules or not sys.platform.startswith("linux") or not hasattr(os, "RTLD_DEEPBIND"):
        return importlib.import_module(name)
    import numpy  # noqa: F401  - shared by every extension; must keep the normal binding
    import pandas  # noqa: F401

    with _lock:
        flags = sys.getdlopenflags()
        sys.setdlopenflags(flags | os.RTLD_DEEPBIND)
        try:
            module = importlib.import_module(name)
        finally:
            sys.setdlopenflags(flags)
        _isolated.add(name)
        return module


def geos_in_global_scope() -> bool:
    """True when the process's global symbol scope holds a GEOS (QGIS's executables, a preload).

    Returns
    -------
    bool
    """
    import ctypes

    process = ctypes.CDLL(None)
    return any(hasattr(process, symbol) for symbol in _GEOS_SYMBOLS)


def exactextract():
    """The ``exactextract`` package, imported safely for the host (see the module docstring).

    Returns
    -------
    module
        ``exactextract``.

    Raises
    ------
    NativeLibraryError
        Other code already loaded it unsafely for this host.
    """
    loaded_by_others = "exactextract" in sys.modules and "exactextract" not in _isolated
    if loaded_by_others and sys.platform.startswith("linux") and geos_in_global_scope():
        raise NativeLibraryError(
            "exactextract was loaded by other code before Timestack, with its bundled GEOS bound to the "
            "GEOS that QGIS itself uses; measuring polygons now could crash QGIS. Restart QGIS and run "
            "Timestack's polygon statistics before the code that imports exactextract, or run them with "
            "qgis_process"
        )
    module = import_isolated("exactextract")
    import_isolated("exactextract.raster")
    import_isolated("exactextract.operation")
    return module

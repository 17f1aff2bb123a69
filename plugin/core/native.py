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
"""

from __future__ import annotations

import importlib
import os
import sys
import threading

_lock = threading.Lock()


def import_isolated(name: str):
    """Import module ``name`` with its native dependencies bound before the process's global symbols.

    Pure-Python dependencies that other code shares (numpy, pandas, GDAL's bindings) are imported
    first, normally, so only the extension itself and its bundled libraries get the deep binding.
    """
    if name in sys.modules or not sys.platform.startswith("linux") or not hasattr(os, "RTLD_DEEPBIND"):
        return importlib.import_module(name)
    import numpy  # noqa: F401  - shared by every extension; must keep the normal binding
    import pandas  # noqa: F401

    with _lock:
        flags = sys.getdlopenflags()
        sys.setdlopenflags(flags | os.RTLD_DEEPBIND)
        try:
            return importlib.import_module(name)
        finally:
            sys.setdlopenflags(flags)


def exactextract():
    """The ``exactextract`` package, imported safely for the host (see the module docstring)."""
    module = import_isolated("exactextract")
    import_isolated("exactextract.raster")
    import_isolated("exactextract.operation")
    return module

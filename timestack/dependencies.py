"""The Python packages Timestack needs beyond what QGIS ships, and how to install them.

QGIS bundles numpy, GDAL and PyQt but not numba, pystac or pyarrow. Rather than failing at
import, the plugin checks these first and offers to install them into the user's site-packages
of the Python QGIS runs, pinned so that numpy — which QGIS's own libraries were built against —
is never replaced.
"""

import importlib.util
import sys
from pathlib import Path
from typing import List

#: import name -> pip requirement. Pinned ones are kept in step with requirements.txt; the lower
#: bounds are libraries Linux distributions package beside QGIS (requirements-apt.txt installs them
#: here), which Windows and macOS QGIS may lack.
REQUIRED = {
    "numba": "numba==0.60.0",
    "pystac": "pystac==1.10.1",
    "pystac_client": "pystac-client==0.8.3",
    "pyarrow": "pyarrow==17.0.0",
    "exactextract": "exactextract==0.3.0",
    "rasterio": "rasterio>=1.3",
    "scipy": "scipy>=1.10",
    "pandas": "pandas>=1.5",
    "shapely": "shapely>=1.8",
    "matplotlib": "matplotlib>=3.6",
}


def missing_requirements() -> List[str]:
    """Pip requirements whose packages cannot be imported by this Python."""
    return [spec for module, spec in REQUIRED.items() if importlib.util.find_spec(module) is None]


def python_executable() -> str:
    """The interpreter QGIS embeds; inside QGIS ``sys.executable`` is QGIS itself, not Python."""
    candidate = Path(sys.executable)
    if candidate.name.startswith("python"):
        return str(candidate)
    for folder in (Path(sys.base_prefix) / "bin", Path(sys.base_prefix)):
        for name in ("python3", "python3.exe", "python.exe"):
            if (folder / name).exists():
                return str(folder / name)
    return "python3"


def pip_install_command(requirements: List[str]) -> List[str]:
    """The pip call that installs ``requirements`` without touching the numpy QGIS uses."""
    import numpy

    return [
        python_executable(),
        "-m",
        "pip",
        "install",
        "--user",
        "--disable-pip-version-check",
        *requirements,
        f"numpy=={numpy.__version__}",
    ]

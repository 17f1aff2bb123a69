"""The Python packages Timestack needs beyond what QGIS ships, and how to install them.

QGIS bundles numpy, GDAL and PyQt but not numba, pystac or pyarrow. Rather than failing at
import, the plugin checks these first and offers to install them. Distribution-managed Pythons
(Debian 12's, PEP 668) refuse ``pip install --user``, and a package installed beside QGIS's own
may replace the numpy its binary libraries were built against. So packages go into a folder the
plugin owns (``pip install --target``), which is appended to ``sys.path``: whatever QGIS's Python
already has — numpy, GDAL, PyQt, Debian's scipy — is found first, the folder only supplies what is
missing, and numpy is constrained to the running version so pip never resolves a newer one.

No QGIS import here: the plugin passes in the folder (it lives in the QGIS profile).
"""

import importlib
import importlib.util
import os
import queue
import shlex
import site
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, NamedTuple, Optional, Sequence

from .core.runtime import IsCancelled, Progress, not_cancelled

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


class Backend(NamedTuple):
    """A package only some features need; the plugin works without it."""

    module: str
    requirement: str


#: feature -> the package behind it, pinned as in requirements.txt.
OPTIONAL: Dict[str, Backend] = {
    "earthdata": Backend("earthaccess", "earthaccess==0.17.0"),
    "earthengine": Backend("ee", "earthengine-api==1.7.50"),
    "planetary-computer": Backend("planetary_computer", "planetary-computer==1.0.0"),
    "dask-distributed": Backend("distributed", "distributed==2026.8.0"),
    # A dask cluster on Slurm (or PBS, SGE...) nodes, its scheduler address given as DASK_SCHEDULER.
    "dask-jobqueue": Backend("dask_jobqueue", "dask-jobqueue==0.9.0"),
    # Cubes (timestack:exportcube): xarray writes through dask; Linux distributions package all four.
    "cubes": Backend("xarray", "xarray>=2023.1"),
    "cubes-dask": Backend("dask", "dask==2026.8.0"),
    "cubes-netcdf": Backend("netCDF4", "netCDF4>=1.6"),
    "cubes-zarr": Backend("zarr", "zarr>=2.13,<3"),
    "animation-mp4": Backend("imageio_ffmpeg", "imageio-ffmpeg==0.5.1"),
    # ASF HyP3 job search and download (timestack:hyp3download); stacking HyP3 products needs nothing.
    "hyp3": Backend("hyp3_sdk", "hyp3_sdk==7.7.8"),
}

#: Name of the plugin-owned folder inside the QGIS profile's ``python`` folder.
PACKAGES_FOLDER = "timestack-packages"


def _importable(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def missing_requirements() -> List[str]:
    """Pip requirements whose packages cannot be imported by this Python."""
    return [spec for module, spec in REQUIRED.items() if not _importable(module)]


def missing_backends() -> List[str]:
    """Features of :data:`OPTIONAL` whose package cannot be imported by this Python."""
    return [feature for feature, backend in OPTIONAL.items() if not _importable(backend.module)]


def packages_folder(profile_dir: Path) -> Path:
    """The plugin-owned folder of a QGIS profile, one per Python minor version: compiled wheels
    (numba, pyarrow) only load into the Python they were built for."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    return Path(profile_dir) / "python" / PACKAGES_FOLDER / version


def add_packages_folder(folder: Path) -> None:
    """Append ``folder`` to ``sys.path`` (after QGIS's own site-packages, so those win) and process
    its ``.pth`` files; packages installed there since the last import attempt become importable."""
    if str(folder) not in sys.path:
        site.addsitedir(str(folder))
    importlib.invalidate_caches()


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


def constraints_path(target: Path) -> Path:
    """The pip constraints file kept beside ``target``."""
    return target.with_name(target.name + "-constraints.txt")


def pip_install_command(
    requirements: Sequence[str],
    target: Path,
    python: Optional[str] = None,
    pip_options: Sequence[str] = (),
) -> List[str]:
    """The pip call that installs ``requirements`` into ``target`` under the constraints file
    :func:`install` writes. ``--upgrade`` because ``--target`` otherwise keeps an older copy already
    in the folder; ``pip_options`` are index options (``--no-index``, ``--find-links``)."""
    return [
        python or python_executable(),
        "-m",
        "pip",
        "install",
        "--target",
        str(target),
        "--upgrade",
        "--constraint",
        str(constraints_path(target)),
        "--disable-pip-version-check",
        "--no-input",
        "--progress-bar",
        "off",
        *pip_options,
        *requirements,
    ]


def shell_command(command: Sequence[str]) -> str:
    """``command`` as the user would type it into this platform's terminal."""
    return subprocess.list2cmdline(command) if os.name == "nt" else shlex.join(command)


@dataclass
class InstallResult:
    command: List[str]
    returncode: Optional[int]
    output: str
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.cancelled

    @property
    def pip_missing(self) -> bool:
        """The Python has no pip module at all (Debian: package python3-pip)."""
        return "No module named pip" in self.output

    @property
    def manual_command(self) -> str:
        """What the user can run in a terminal to do the same install."""
        return shell_command(self.command)


def _pump(stream, lines: "queue.Queue[Optional[str]]") -> None:
    for line in iter(stream.readline, ""):
        lines.put(line)
    lines.put(None)


def _stop(process: subprocess.Popen) -> None:
    """Terminate pip, and kill it if it does not exit in five seconds."""
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def run_command(
    command: Sequence[str],
    on_line: Callable[[str], None] = lambda _line: None,
    is_cancelled: IsCancelled = not_cancelled,
    poll_seconds: float = 0.2,
) -> InstallResult:
    """Run ``command`` with its output passed line by line to ``on_line``; terminate it as soon as
    ``is_cancelled()`` is true (polled every ``poll_seconds`` even while the command prints nothing)."""
    flags = subprocess.CREATE_NO_WINDOW if os.name == "nt" else 0
    try:
        process = subprocess.Popen(
            list(command),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            creationflags=flags,
        )
    except OSError as error:  # no such interpreter
        return InstallResult(list(command), None, f"{command[0]}: {error}")
    lines: queue.Queue[Optional[str]] = queue.Queue()
    threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True).start()
    output: List[str] = []
    while True:
        if is_cancelled():
            _stop(process)
            return InstallResult(list(command), process.returncode, "".join(output), cancelled=True)
        try:
            line = lines.get(timeout=poll_seconds)
        except queue.Empty:
            continue
        if line is None:
            break
        output.append(line)
        on_line(line.rstrip())
    return InstallResult(list(command), process.wait(), "".join(output))


def install(
    requirements: Sequence[str],
    target: Path,
    python: Optional[str] = None,
    pip_options: Sequence[str] = (),
    progress: Optional[Progress] = None,
    is_cancelled: IsCancelled = not_cancelled,
) -> InstallResult:
    """Install ``requirements`` into ``target`` with the Python QGIS runs (or ``python``).

    numpy is pinned to the version this process imported: a package that needs numpy resolves to
    exactly that one (its copy in ``target`` is shadowed by the original), never to a newer numpy.
    pip announces no total, so progress counts the packages it collects against the requested ones
    and reaches 100 only when pip has installed everything.
    """
    if not requirements:
        raise ValueError("requirements: name at least one package to install")
    import numpy

    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    constraints_path(target).write_text(f"numpy=={numpy.__version__}\n")
    command = pip_install_command(requirements, target, python, pip_options)
    collected = 0

    def on_line(line: str) -> None:
        nonlocal collected
        if progress is None:
            return
        if line.startswith("Collecting ") or line.startswith("Processing "):
            collected += 1
            progress(80.0 * collected / (collected + len(requirements)), line)
        elif line.startswith("Installing collected packages"):
            progress(90.0, line)

    result = run_command(command, on_line, is_cancelled)
    if result.ok and progress is not None:
        progress(100.0, "")
    return result

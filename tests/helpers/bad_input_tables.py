"""The table rows of the raster algorithms' ``tests/e2e/test_bad_input_<algorithm>.py`` modules (landtrendr,
changemap, timescan, resample, mosaic) and the check that a refused run left every file as it was.

A case is the parameters a careless user might give and the fragment of the message that must tell
them what to fix; :func:`snapshot` hashes a folder before and after, so a run that wrote, moved or
removed anything is caught whatever its exit code.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Case", "snapshot"]


@dataclass(frozen=True)
class Case:
    """One bad input: ``params`` (Processing name -> value; ``{name}`` placeholders are filled by the
    test module with its fixture's paths) and the ``fragment`` the message must contain."""

    id: str
    params: dict = field(default_factory=dict)
    fragment: str = ""


def snapshot(folder: str | os.PathLike) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``folder`` (folders as ``"folder"``).

    The ``.aux.xml`` sidecars QGIS writes beside the rasters it opens are left out: they are QGIS's,
    not the algorithm's.
    """
    root = Path(folder)
    found = {}
    for path in sorted(root.rglob("*")):
        if path.name.endswith(".aux.xml"):
            continue
        key = str(path.relative_to(root))
        found[key] = "folder" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found

"""Shared test set-up: the plugin is importable as ``timestack``, the name QGIS gives it.

The source folder is called ``plugin`` (see DESIGN.md) and its imports are relative, so a
symlink named ``timestack`` in ``build/dev`` makes ``import timestack.core...`` resolve to the
working tree without installing anything.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_DEV = ROOT / "build" / "dev"
_LINK = _DEV / "timestack"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if not _LINK.exists():
    _DEV.mkdir(parents=True, exist_ok=True)
    _LINK.symlink_to(ROOT / "plugin", target_is_directory=True)
if str(_DEV) not in sys.path:
    sys.path.insert(0, str(_DEV))

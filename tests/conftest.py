"""Shared test set-up: the source folder ``timestack/`` is importable under the name QGIS gives it.

The project root goes first on ``sys.path``, so ``import timestack.core...`` resolves to the working
tree without installing or linking anything.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

"""Shared test set-up: the source folder ``timestack/`` is importable under the name QGIS gives it.

The project root goes first on ``sys.path``, so ``import timestack.core...`` resolves to the working
tree without installing or linking anything.
"""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture()
def earthengine_api(monkeypatch):
    """The loopback Earth Engine stand-in (tests/servers/earthengine.py) with this process's
    earthengine-api pointed at it: ``TIMESTACK_EE_API_URL`` set, ee's initialisation forgotten before
    and after the test, so ``ensure_initialized`` reaches the stand-in and the next test starts clean.
    Yields the server's state (its requests, planned failures). Skipped without earthengine-api."""
    pytest.importorskip("ee")
    from tests.servers.earthengine import earthengine_server, reset_earthengine
    from timestack.core.earthengine.landtrendr import API_URL_ENV

    with earthengine_server("timestack-test") as state:
        monkeypatch.setenv(API_URL_ENV, state.url)
        reset_earthengine()
        try:
            yield state
        finally:
            reset_earthengine()

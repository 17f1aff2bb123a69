"""exactextract must measure irregular polygons in a process that already holds another GEOS.

QGIS's executables load the system GEOS into the global symbol scope; the wheel's bundled GEOS then
crashed (or failed) on any polygon needing the interior flood fill. Preloading the system GEOS into a
clean Python reproduces that host; ``native.exactextract()`` must give the clean process's answer there.
"""

from __future__ import annotations

import glob
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the project root holds the `timestack` package

SCRIPT = """
import json, sys
import numpy as np
sys.path.insert(0, {root!r})
{before}
from timestack.core import native
try:
    exactextract = native.exactextract()
except native.NativeLibraryError as error:
    print(json.dumps({{"refused": str(error)}}))
    sys.exit(0)
data = np.arange(400, dtype="float64").reshape(20, 20)
source = exactextract.raster.NumPyRasterSource(data, 0, 0, 20, 20)
concave = {{"type": "Feature", "properties": {{}}, "geometry": {{"type": "Polygon", "coordinates": [[
    [1.3, 1.2], [15.7, 2.1], [12.2, 9.8], [18.1, 17.3], [3.3, 14.1], [1.3, 1.2]]]}}}}
table = exactextract.exact_extract(source, [concave], ["mean", "count"], output="pandas")
print(json.dumps(table.iloc[0].to_dict()))
"""


def _measure(preload: str | None, before: str = "") -> dict:
    env = {"LD_PRELOAD": preload} if preload else {}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(root=str(ROOT), before=before)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def system_geos() -> str:
    if not sys.platform.startswith("linux"):
        pytest.skip("symbol interposition is a glibc matter")
    found = sorted(glob.glob("/usr/lib/*/libgeos.so.3*"))
    if not found:
        pytest.skip("no system GEOS to preload")
    return found[0]


def test_exactextract_measures_a_concave_polygon_beside_the_system_geos(system_geos):
    clean = _measure(None)
    assert clean["count"] > 100
    assert _measure(system_geos) == pytest.approx(clean, rel=1e-12)


def test_exactextract_loaded_unsafely_by_others_is_refused_with_the_remedy(system_geos):
    answer = _measure(system_geos, before="import exactextract")
    assert "Restart QGIS" in answer["refused"]


def test_exactextract_loaded_by_others_in_a_clean_process_is_used():
    """No GEOS in the global scope: the plain import binds correctly, so it is not refused."""
    assert _measure(None, before="import exactextract") == pytest.approx(_measure(None), rel=1e-12)

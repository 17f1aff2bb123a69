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

DEV = Path(__file__).resolve().parents[2] / "build" / "dev"  # holds the `timestack` link (conftest)

SCRIPT = """
import json, sys
import numpy as np
sys.path.insert(0, {root!r})
from timestack.core import native
exactextract = native.exactextract()
data = np.arange(400, dtype="float64").reshape(20, 20)
source = exactextract.raster.NumPyRasterSource(data, 0, 0, 20, 20)
concave = {{"type": "Feature", "properties": {{}}, "geometry": {{"type": "Polygon", "coordinates": [[
    [1.3, 1.2], [15.7, 2.1], [12.2, 9.8], [18.1, 17.3], [3.3, 14.1], [1.3, 1.2]]]}}}}
table = exactextract.exact_extract(source, [concave], ["mean", "count"], output="pandas")
print(json.dumps(table.iloc[0].to_dict()))
"""


def _measure(preload: str | None) -> dict:
    env = {"LD_PRELOAD": preload} if preload else {}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(root=str(DEV))],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="symbol interposition is a glibc matter")
def test_exactextract_measures_a_concave_polygon_beside_the_system_geos():
    system_geos = sorted(glob.glob("/usr/lib/*/libgeos.so.3*"))
    if not system_geos:
        pytest.skip("no system GEOS to preload")
    clean = _measure(None)
    assert clean["count"] > 100
    assert _measure(system_geos[0]) == pytest.approx(clean, rel=1e-12)

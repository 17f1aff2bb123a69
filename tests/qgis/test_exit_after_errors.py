"""QGIS quits cleanly after an error raised while GDAL had a file open: the scenarios of
``error_exit_scenarios.py`` run each in a process of its own, whose exit code shows a native crash (-11
for a segmentation fault in OGRReleaseDataSource or GDALClose) the way a user sees QGIS vanish with
their unsaved work."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize(
    "scenario, error",
    [
        ("duplicate_polygon_ids_refused_by_the_algorithm", "ID_FIELD: 'stand_id' is not unique"),
        ("duplicate_polygon_ids_refused_by_the_core", "ID_FIELD: 'stand_id' is not unique"),
        ("a_variable_the_stack_lacks", "BANDS: .* has none of ndvi"),
        ("statistics_cancelled_while_reading_the_stack", "Cancelled"),
        ("a_truncated_stack_read_by_the_statistics", "truncated.tif cannot be read"),
        ("a_preview_without_valid_pixels", "has no valid pixels in band 1"),
        ("an_aster_file_without_science_datasets", "no ImageData science dataset"),
    ],
)
def test_quitting_after_the_error_does_not_crash(tmp_path, scenario, error):
    completed = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-m", "tests.qgis.error_exit_scenarios"]
        + [scenario, str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = f"{completed.stdout[-4000:]}\n{completed.stderr[-6000:]}"
    assert completed.returncode >= 0, f"the process crashed (signal {-completed.returncode}):\n{output}"
    assert completed.returncode == 0, output
    assert re.search(f"raised: .*{error}", completed.stdout), output

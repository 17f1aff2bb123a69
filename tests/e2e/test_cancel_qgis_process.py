"""A ``qgis_process run`` interrupted by SIGINT or SIGTERM ends as cancelled: non-zero, with no output
and no hidden temporary left, and its input untouched.

qgis_process turns SIGINT into a cancel of the run's feedback; SIGTERM is left to the default (the
process dies at once) unless the algorithm handles it, which Timestack's base class does. The stack is
large enough for LandTrendr to take several seconds, and the signal is sent once the first temporary
output exists, i.e. mid-run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

import numpy as np
import pytest

from tests.e2e.conftest import ROOT
from tests.helpers.bad_input import snapshot
from tests.helpers.rasters import write_stack

YEARS = range(1990, 2020)


@pytest.fixture(scope="module")
def big_stack(tmp_path_factory):
    """30 years of an int16 NBR stack, 1024 × 1024 pixels, half of it disturbed in 2005."""
    rng = np.random.default_rng(2)
    data = (7000 + rng.normal(0, 150, (len(YEARS), 1024, 1024))).astype("int16")
    data[15:, :, :512] -= 4000
    folder = tmp_path_factory.mktemp("cancel")
    return write_stack(folder / "stack.tif", data, [f"{year}_nbr" for year in YEARS])


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signalled_run_ends_cancelled_and_leaves_nothing(built_plugin, big_stack, tmp_path, signal_number):
    out = tmp_path / "out"
    out.mkdir()
    before = snapshot(big_stack.parent)
    command = [
        str(ROOT / "scripts" / "qgis_process.sh"), "run", "timestack:landtrendr", "--",
        f"INPUT={big_stack}", "INDEX=nbr", f"OUTPUT_FITTED={out / 'fitted.tif'}",
        f"OUTPUT_SEGMENTS={out / 'segments.tif'}",
    ]  # fmt: skip
    env = {**os.environ, "QGIS_PLUGINPATH": str(built_plugin.parent)}
    run = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 300
    while not any(out.iterdir()) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run.poll() is None, "the run ended before it could be signalled:\n" + run.stdout.read()[-3000:]
    time.sleep(0.5)  # well inside the windows
    run.send_signal(signal_number)
    said, _ = run.communicate(timeout=300)
    assert run.returncode != 0, said[-3000:]
    assert "cancelled" in said, said[-3000:]
    assert list(out.iterdir()) == [], said[-3000:]
    assert snapshot(big_stack.parent) == before

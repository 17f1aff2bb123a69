"""QGIS quits cleanly after the dock ran an animation: the scenarios of ``exit_scenarios.py`` run each in
a pytest of its own, whose exit code shows a native crash (-11 for a segmentation fault) the way a user
sees QGIS vanish with their unsaved work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.qgis.exit_scenarios import STILL_OPEN

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = Path(__file__).with_name("exit_scenarios.py")


def _run_alone(scenario: str, reads_a_stack: bool = True) -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-X",
            "faulthandler",
            "-m",
            "pytest",
            "-q",
            "-s",
            "-p",
            "no:cacheprovider",
            f"{SCENARIOS.relative_to(ROOT)}::{scenario}",
        ],
        cwd=ROOT,
        # freed memory is overwritten, so that using it crashes rather than passing by luck
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "MALLOC_PERTURB_": "165"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = f"{completed.stdout[-4000:]}\n{completed.stderr[-6000:]}"
    assert completed.returncode >= 0, f"the process crashed (signal {-completed.returncode}):\n{output}"
    assert completed.returncode == 0 and "1 passed" in completed.stdout, output
    # the run's context let go of the stack when the run ended, not whenever the panel is freed
    assert not reads_a_stack or f"{STILL_OPEN} 0" in completed.stdout, output


@pytest.mark.slow
def test_quitting_with_the_time_series_tab_open_after_an_animation_does_not_crash():
    _run_alone("test_a_visible_time_series_tab_after_an_animation")


@pytest.mark.slow
def test_quitting_after_unloading_the_plugin_that_ran_an_animation_does_not_crash():
    _run_alone("test_an_unloaded_plugin_after_an_animation")


@pytest.mark.slow
def test_unloading_the_plugin_while_an_animation_runs_cancels_it_without_crashing():
    _run_alone("test_a_plugin_unloaded_while_its_animation_runs")


@pytest.mark.slow
def test_quitting_with_the_dock_map_tools_on_does_not_crash():
    _run_alone("test_a_dock_whose_map_tools_are_on_when_qgis_quits", reads_a_stack=False)

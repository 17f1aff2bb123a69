"""A tiled LandTrendr run killed with SIGKILL mid-run and started again: it skips the finished tiles and
ends with what an uninterrupted run writes (values and band descriptions)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import numpy as np
import rasterio
from rasterio.transform import from_origin

from tests.e2e.conftest import ROOT
from tests.helpers.landtrendr import disturbed_nbr
from tests.helpers.rasters import write_stack

YEARS = list(range(1990, 2015))


def _stack(path):
    nbr = disturbed_nbr(YEARS, (610, 830), 5, (1995, 2010), level=0.7, loss=0.4, regrowth=0.02, gaps=0.05)
    return write_stack(
        path, nbr, [f"{year}_nbr" for year in YEARS], crs="EPSG:32617",
        transform=from_origin(500_000.0, 4_000_000.0, 30.0, 30.0),
    )  # fmt: skip


def _parameters(stack, folder, tile_size):
    return [
        f"INPUT={stack}", "INDEX=nbr", f"TILE_SIZE={tile_size}", f"TILES_FOLDER={folder}",
        f"OUTPUT_FITTED={folder / 'fitted.tif'}", f"OUTPUT_RMSE={folder / 'rmse.tif'}",
    ]  # fmt: skip


def test_a_tiled_run_killed_mid_run_resumes_to_the_uninterrupted_output(qgis_process, built_plugin, tmp_path):
    stack = _stack(tmp_path / "stack.tif")
    folder = tmp_path / "tiled"
    environment = {**os.environ, "QGIS_PLUGINPATH": str(built_plugin.parent)}
    command = [str(ROOT / "scripts" / "qgis_process.sh"), "run", "timestack:landtrendr", "--"]
    run = subprocess.Popen(
        [*command, *_parameters(stack, folder, 100)], env=environment,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    manifest = folder / "manifest.json"
    deadline = time.monotonic() + 300
    try:
        while True:
            assert run.poll() is None, "the run ended before it could be killed: make the stack larger"
            assert time.monotonic() < deadline
            try:
                if len(json.loads(manifest.read_text())["tiles"]) >= 3:
                    break
            except (OSError, ValueError, KeyError):
                pass
            time.sleep(0.05)
    finally:
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
    assert not list(folder.glob("*.vrt"))
    finished = json.loads(manifest.read_text())["tiles"]
    assert 3 <= len(finished) < 63
    written = {
        path: path.stat().st_mtime_ns for tile in finished for path in (folder / "tiles" / tile).iterdir()
    }

    resumed = qgis_process("run", "timestack:landtrendr", "--", *_parameters(stack, folder, 100))
    assert resumed["results"]["OUTPUT_FITTED"] == str(folder / "fitted.vrt")
    assert {path: path.stat().st_mtime_ns for path in written} == written  # the finished tiles were skipped
    assert len(json.loads(manifest.read_text())["tiles"]) == 63
    whole = tmp_path / "whole"
    uninterrupted = qgis_process(
        "run", "timestack:landtrendr", "--", f"INPUT={stack}", "INDEX=nbr",
        f"OUTPUT_FITTED={whole / 'fitted.tif'}", f"OUTPUT_RMSE={whole / 'rmse.tif'}",
    )  # fmt: skip
    for name in ("OUTPUT_FITTED", "OUTPUT_RMSE"):
        with (
            rasterio.open(resumed["results"][name]) as tiled,
            rasterio.open(uninterrupted["results"][name]) as ref,
        ):
            assert tiled.descriptions == ref.descriptions
            assert tiled.crs == ref.crs and tiled.transform == ref.transform
            np.testing.assert_array_equal(tiled.read(), ref.read())


def test_a_tile_size_without_its_folder_is_refused_by_name(qgis_process, tmp_path):
    stack = write_stack(
        tmp_path / "stack.tif", np.ones((6, 5, 5), "float32"), [f"{y}_nbr" for y in YEARS[:6]]
    )
    done = qgis_process(
        "run", "timestack:landtrendr", "--", f"INPUT={stack}", "INDEX=nbr", "TILE_SIZE=64",
        f"OUTPUT_FITTED={tmp_path / 'fitted.tif'}", json_output=False, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "TILES_FOLDER" in done.stdout + done.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".aux.xml")) == ["stack.tif"]

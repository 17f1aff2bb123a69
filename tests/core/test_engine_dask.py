"""The shared engine on a real dask.distributed cluster: a ``dask scheduler`` and two ``dask worker``
processes on 127.0.0.1. LandTrendr, change maps and timescans computed there equal a local run, also
when a worker is killed mid-run."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

from tests.helpers.landtrendr import disturbed_nbr
from tests.helpers.rasters import write_stack
from tests.servers.dask_cluster import dask_cluster_fixture  # noqa: F401
from timestack.core.landtrendr.fit import LandTrendrOutputs, LandTrendrParams, run_landtrendr_raster
from timestack.core.runtime import TimestackError
from timestack.core.timescan.raster import run_timescan_raster

YEARS = list(range(1995, 2019))


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    nbr = disturbed_nbr(YEARS, (83, 121), 9, (1999, 2015), level=0.6, loss=0.35, regrowth=0.025, gaps=0.07)
    folder = tmp_path_factory.mktemp("stack")
    return write_stack(
        folder / "nbr.tif", nbr, [f"{year}{('-07-01', '-03-15', '')[year % 3]}_nbr" for year in YEARS],
        crs="EPSG:32719", transform=from_origin(300_000, 6_000_000, 30, 30),
    )  # fmt: skip


def _landtrendr(stack, folder, **kwargs):
    outputs = LandTrendrOutputs(
        fitted=folder / "fitted.tif", stats=folder / "stats.tif", segments=folder / "seg.tif"
    )
    run_landtrendr_raster(stack, "nbr", outputs, LandTrendrParams(maxSegments=5), -1, chunk_size=16, **kwargs)
    return outputs


def _same(a: Path, b: Path) -> None:
    with rasterio.open(a) as left, rasterio.open(b) as right:
        assert left.descriptions == right.descriptions
        np.testing.assert_array_equal(left.read(), right.read())


def test_a_change_map_on_the_cluster_equals_a_local_run_with_its_mmu_and_events(
    dask_cluster, stack, tmp_path
):
    from timestack.core.changemap.maps import ChangeMapParams, run_changemap_raster

    address, _ = dask_cluster
    segments = _landtrendr(stack, tmp_path / "fit").segments
    params = ChangeMapParams(min_magnitude=0.1, mmu=3)
    written = {}
    for name, scheduler in (("local", None), ("remote", address)):
        folder = tmp_path / name
        written[name] = run_changemap_raster(
            segments, None, params, folder / "change.tif", folder / "events.tif", chunk_size=16,
            dask_scheduler=scheduler,
        )  # fmt: skip
    for key in ("change", "events"):
        _same(written["remote"][key], written["local"][key])
    with rasterio.open(written["remote"]["change"]) as src:
        assert np.isfinite(src.read(1)).sum() > 100  # a map with changes, not two empty ones


def test_landtrendr_on_the_cluster_equals_a_local_run_even_when_a_worker_dies(dask_cluster, stack, tmp_path):
    address, workers = dask_cluster
    local = _landtrendr(stack, tmp_path / "local")
    killed = []

    def kill_a_worker_midway(percent, _message=""):
        if percent > 25 and not killed:
            os.kill(workers[0].pid, signal.SIGKILL)
            killed.append(percent)

    remote = _landtrendr(stack, tmp_path / "remote", dask_scheduler=address, progress=kill_a_worker_midway)
    assert killed, "the run never reached a quarter"
    assert workers[0].wait(timeout=10) == -signal.SIGKILL
    for name in ("fitted", "stats", "segments"):
        _same(getattr(remote, name), getattr(local, name))


def test_a_timescan_on_the_cluster_equals_a_local_run(dask_cluster, stack, tmp_path):
    address, _ = dask_cluster
    metrics = ["avg", "std", "p10", "count", "harmonics"]
    local = run_timescan_raster(stack, tmp_path / "local.tif", metrics, chunk_size=32)
    remote = run_timescan_raster(
        stack, tmp_path / "remote.tif", metrics, chunk_size=32, dask_scheduler=address
    )
    _same(remote, local)


def test_an_unreachable_scheduler_is_named_and_nothing_is_written(stack, tmp_path):
    with pytest.raises(TimestackError, match="DASK_SCHEDULER") as raised:
        run_timescan_raster(stack, tmp_path / "scan.tif", ["avg"], dask_scheduler="tcp://127.0.0.1:9")
    assert raised.value.parameter == "DASK_SCHEDULER"
    assert list(tmp_path.iterdir()) == []

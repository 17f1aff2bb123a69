"""Polygon statistics on a real dask.distributed cluster (a ``dask scheduler`` and two ``dask worker``
processes on 127.0.0.1): chunks of polygons over stacks and per-scene statistics equal a local run's
table, also when a worker is killed mid-run."""

from __future__ import annotations

import os
import signal

import numpy as np
import pandas as pd
import pystac
import pytest

from tests.helpers.rasters import write_stack
from tests.helpers.zonal import pixel_box, write_polygons
from tests.servers.dask_cluster import dask_cluster_fixture  # noqa: F401
from timestack.core.runtime import TimestackError
from timestack.core.zonal.scenes import scene_statistics
from timestack.core.zonal.statistics import CHUNK_FEATURES, read_polygons, zonal_statistics

SIDE = 60
STATISTICS = ["mean", "median", "std", "count", "valid_fraction", "p90"]


@pytest.fixture(scope="module")
def grid_polygons(tmp_path_factory):
    """Five chunks of small, overlapping, pixel-straddling boxes over the test grid."""
    folder = tmp_path_factory.mktemp("polygons")
    features = []
    for number in range(5 * CHUNK_FEATURES - 13):
        col, row = (number * 7) % (SIDE - 4), (number * 3) % (SIDE - 4)
        ring = pixel_box(col + 0.3, row + 0.6, col + 3.4, row + 2.9)
        features.append((number + 1, f"POLYGON ({ring})"))
    return read_polygons(write_polygons(folder / "boxes.gpkg", features), "stand_id")


@pytest.fixture(scope="module")
def stacks(tmp_path_factory):
    """Two stacks (NBR and NDVI, 12 years) with nodata holes."""
    folder = tmp_path_factory.mktemp("stacks")
    rng = np.random.default_rng(4)
    paths = []
    for name in ("nbr", "ndvi"):
        data = rng.normal(0.5, 0.2, (12, SIDE, SIDE)).astype("float32")
        data[rng.random(data.shape) < 0.1] = -32768
        descriptions = [f"{year}_{name}" for year in range(2001, 2013)]
        paths.append(write_stack(folder / f"{name}.tif", data, descriptions))
    return paths


def _worker_killer(workers, at: float):
    killed: list = []

    def progress(percent, _message=""):
        if percent > at and not killed:
            os.kill(workers[0].pid, signal.SIGKILL)
            killed.append(percent)

    return progress, killed


def test_stacks_on_the_cluster_equal_a_local_run(dask_cluster, stacks, grid_polygons):
    address, _ = dask_cluster
    local = zonal_statistics(stacks, grid_polygons, STATISTICS)
    seen = []
    remote = zonal_statistics(
        stacks, grid_polygons, STATISTICS, progress=lambda p, _m="": seen.append(p), dask_scheduler=address
    )
    assert len(local) == len(grid_polygons.ids) * 24
    pd.testing.assert_frame_equal(remote, local)
    assert seen[-1] == pytest.approx(100.0) and len(seen) == 2 * 5  # one step per stack x chunk


def test_a_refusal_on_a_worker_keeps_its_parameter(dask_cluster, stacks, grid_polygons):
    address, _ = dask_cluster
    with pytest.raises(TimestackError, match="BANDS") as raised:
        zonal_statistics(stacks, grid_polygons, ["mean"], ["swir9"], dask_scheduler=address)
    assert "swir9" in str(raised.value)


def test_scenes_on_the_cluster_equal_a_local_run(dask_cluster, sample_small):
    address, _ = dask_cluster
    items = list(pystac.ItemCollection.from_file(str(sample_small.item_collection)))[:12]
    stands = read_polygons(sample_small.stands, "stand_id")
    local = scene_statistics(items, stands, ["NBR", "red"], ["mean", "count"])
    remote = scene_statistics(items, stands, ["NBR", "red"], ["mean", "count"], dask_scheduler=address)
    assert len(local) > 0
    pd.testing.assert_frame_equal(remote, local)


def test_the_table_is_the_local_one_when_a_worker_dies_mid_run(dask_cluster, stacks, grid_polygons):
    """Last in the module: it kills one of the module's two workers."""
    address, workers = dask_cluster
    local = zonal_statistics(stacks, grid_polygons, STATISTICS)
    progress, killed = _worker_killer(workers, 15)
    remote = zonal_statistics(stacks, grid_polygons, STATISTICS, progress=progress, dask_scheduler=address)
    assert killed, "the run never reached its first jobs"
    assert workers[0].wait(timeout=10) == -signal.SIGKILL
    pd.testing.assert_frame_equal(remote, local)


def test_an_unreachable_scheduler_is_named(stacks, grid_polygons):
    with pytest.raises(TimestackError, match="DASK_SCHEDULER") as raised:
        zonal_statistics(stacks, grid_polygons, ["mean"], dask_scheduler="tcp://127.0.0.1:9")
    assert raised.value.parameter == "DASK_SCHEDULER"

"""``timestack:changemap`` with DASK_SCHEDULER on a real cluster (a ``dask scheduler`` and two ``dask
worker`` processes on 127.0.0.1): the change map and the events equal a local run's, MMU included."""

from __future__ import annotations

import numpy as np
import pytest
import rasterio

from tests.helpers.landtrendr import run_landtrendr, synthetic_cubes, write_series_stack
from tests.servers.dask_cluster import dask_cluster_fixture  # noqa: F401


@pytest.fixture(scope="module")
def segments(provider, tmp_path_factory):
    folder = tmp_path_factory.mktemp("landtrendr")
    nbr, swir1, _ = synthetic_cubes()
    stack = write_series_stack(folder / "stack.tif", {"nbr": nbr, "swir1": swir1})
    return run_landtrendr(stack, folder / "out")["OUTPUT_SEGMENTS"]


def test_changemap_on_a_dask_cluster_writes_the_local_map_and_events(segments, dask_cluster, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    address, _ = dask_cluster
    results = {}
    for name, scheduler in (("local", ""), ("cluster", address)):
        parameters = {
            "INPUT": str(segments), "MAG": 0.2, "MMU": 2, "DASK_SCHEDULER": scheduler,
            "OUTPUT": str(tmp_path / name / "change.tif"),
            "OUTPUT_EVENTS": str(tmp_path / name / "events.tif"),
        }  # fmt: skip
        results[name] = processing.run(
            "timestack:changemap",
            parameters,
            context=QgsProcessingContext(),
            feedback=QgsProcessingFeedback(),
        )
    assert results["cluster"]["CHANGED_PIXELS"] == results["local"]["CHANGED_PIXELS"] > 0
    for key in ("OUTPUT", "OUTPUT_EVENTS"):
        with rasterio.open(results["cluster"][key]) as remote, rasterio.open(results["local"][key]) as local:
            assert remote.descriptions == local.descriptions
            np.testing.assert_array_equal(remote.read(), local.read())


def test_changemap_names_an_unreachable_scheduler(segments, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    parameters = {
        "INPUT": str(segments), "DASK_SCHEDULER": "tcp://127.0.0.1:9", "OUTPUT": str(tmp_path / "change.tif"),
    }  # fmt: skip
    with pytest.raises(QgsProcessingException, match="DASK_SCHEDULER"):
        processing.run(
            "timestack:changemap",
            parameters,
            context=QgsProcessingContext(),
            feedback=QgsProcessingFeedback(),
        )
    assert not (tmp_path / "change.tif").exists()

"""``timestack:zonalstats`` with DASK_SCHEDULER on a real cluster (a ``dask scheduler`` and two ``dask
worker`` processes on 127.0.0.1): the tables equal a local run's, over stacks and per scene."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.servers.dask_cluster import dask_cluster_fixture  # noqa: F401


@pytest.fixture(scope="module")
def sample_small():
    from timestack.core.sample_archive import ensure_sample_archive

    return ensure_sample_archive(Path(__file__).resolve().parents[2] / "build" / "sample" / "small", "small")


def _run(parameters):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    return processing.run(
        "timestack:zonalstats", parameters, context=QgsProcessingContext(), feedback=QgsProcessingFeedback()
    )


@pytest.mark.parametrize("source", ["stack", "scenes"])
def test_zonalstats_on_a_dask_cluster_writes_the_local_tables(
    provider, sample_small, dask_cluster, tmp_path, source
):
    address, _ = dask_cluster
    if source == "stack":
        from timestack.core.composite.annual import CompositeSettings, annual_composites

        stack = annual_composites(
            CompositeSettings(
                items=str(sample_small.item_collection), output=tmp_path / "nbr.tif", start_year=2000,
                end_year=2006, bands=(), indices=("NBR",), output_dtype="float32", workers=1,
            )
        ).stack  # fmt: skip
        given = {"INPUT": [str(stack)]}
    else:
        given = {"ITEMS": str(sample_small.item_collection), "INDICES": "NBR", "BANDS": "red"}
    tables = {}
    for name, scheduler in (("local", ""), ("cluster", address)):
        results = _run(
            {
                "POLYGONS": str(sample_small.stands), "ID_FIELD": "stand_id", "STATS": [0, 5],
                "DASK_SCHEDULER": scheduler, "OUTPUT": str(tmp_path / name / "stats.csv"),
                "OUTPUT_WIDE": str(tmp_path / name / "wide.csv"), **given,
            }
        )  # fmt: skip
        tables[name] = results
    assert tables["cluster"]["ROWS"] == tables["local"]["ROWS"] > 0
    for key in ("OUTPUT", "OUTPUT_WIDE"):
        assert Path(tables["cluster"][key]).read_text() == Path(tables["local"][key]).read_text()


def test_zonalstats_names_an_unreachable_scheduler(provider, sample_small, tmp_path):
    from qgis.core import QgsProcessingException

    parameters = {
        "POLYGONS": str(sample_small.stands), "ID_FIELD": "stand_id",
        "ITEMS": str(sample_small.item_collection), "INDICES": "NBR",
        "DASK_SCHEDULER": "tcp://127.0.0.1:9", "OUTPUT": str(tmp_path / "stats.csv"),
    }  # fmt: skip
    with pytest.raises(QgsProcessingException, match="DASK_SCHEDULER"):
        _run(parameters)
    assert not (tmp_path / "stats.csv").exists()

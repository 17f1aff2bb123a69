"""The shipped models are algorithms of the provider, and the whole chain — search, composite,
LandTrendr, change map, polygon statistics — runs as one model through qgis_process on the sample
archive and finds its known disturbances."""

from __future__ import annotations

from pathlib import Path

import fiona
import numpy as np
import pandas as pd
import rasterio

ROOT = Path(__file__).resolve().parents[2]
MODELS = sorted(path.stem for path in (ROOT / "resources" / "models").glob("*.model3"))


def test_every_shipped_model_is_listed_by_qgis_process(qgis_process):
    algorithms = qgis_process("list")["providers"]["timestack"]["algorithms"]
    assert "scenes_to_statistics" in MODELS
    for stem in MODELS:
        assert f"timestack:{stem}" in algorithms


def test_the_whole_chain_runs_on_the_sample_archive(qgis_process, tmp_path):
    from timestack.core.sample_archive import ensure_sample_archive

    sample = ensure_sample_archive(ROOT / "build" / "sample" / "small", "small")
    left, bottom, right, top = sample.bounds
    outputs = {
        "composite:COMPOSITE": tmp_path / "composite.tif",
        "changemap:CHANGE_MAP": tmp_path / "change.tif",
        "zonalstats:STATISTICS": tmp_path / "statistics.csv",
    }
    answer = qgis_process(
        "run", "timestack:scenes_to_statistics", "--",
        f"CATALOG={sample.item_collection}", f"EXTENT={left},{right},{bottom},{top} [{sample.crs}]",
        "START_YEAR=2000", "END_YEAR=2014", "INDEX=NBR", "MAG=1000",
        f"POLYGONS={sample.stands}", "ID_FIELD=stand_id",
        *(f"{name}={path}" for name, path in outputs.items()),
    )  # fmt: skip
    assert {name: Path(value) for name, value in answer["results"].items()} == outputs

    with rasterio.open(outputs["composite:COMPOSITE"]) as src:
        assert src.descriptions[0] == "2000_blue" and src.descriptions[-1] == "2014_NBR"
    with rasterio.open(sample.disturbance_year) as src:
        truth = src.read(1).astype(float)
    with rasterio.open(outputs["changemap:CHANGE_MAP"]) as src:
        assert src.descriptions[:2] == ("yod", "mag")
        yod = src.read(1)
    disturbed = truth > 0
    assert (np.abs(yod[disturbed] - truth[disturbed]) <= 1).mean() > 0.9
    assert np.isfinite(yod[~disturbed]).mean() < 0.2

    table = pd.read_csv(outputs["zonalstats:STATISTICS"])
    with fiona.open(sample.stands) as stands:
        disturbance = {f["properties"]["stand_id"]: f["properties"]["dist_year"] for f in stands}
    assert set(table["id"]) == set(disturbance) and set(table["variable"]) == {"nbr"}
    assert table.groupby("id").size().eq(15).all()  # one row per year 2000-2014
    mean_nbr = table.assign(year=table["date"].str[:4].astype(int)).set_index(["id", "year"])["mean"]
    for stand, year in disturbance.items():
        if year and 2000 < year < 2014:  # the stand's NBR drops in (or just after) its disturbance year
            after = min(mean_nbr[stand, year], mean_nbr[stand, year + 1])
            assert after < mean_nbr[stand, year - 1] - 1000, stand


def test_a_model_run_without_naming_its_output_is_refused_by_name_and_writes_nothing(qgis_process, tmp_path):
    """qgis_process leaves a model output nobody named unset, and Processing checks no value of a
    model's step: the change map step must still refuse it, not write a stray file where QGIS runs."""
    from tests.helpers.rasters import write_stack

    years = list(range(2000, 2016))
    nbr = np.full((len(years), 4, 5), 0.7, dtype="float32")
    nbr[8:] -= 0.4
    stack = write_stack(tmp_path / "stack.tif", nbr, [f"{y}_nbr" for y in years], nodata=np.nan)
    before = set(Path.cwd().iterdir())
    done = qgis_process(
        "run", "timestack:landtrendr_changemap", "--", f"STACK={stack}", "INDEX=nbr", "MAG=0.2",
        json_output=False, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "OUTPUT is empty; it needs a value" in done.stderr and "Traceback" not in done.stderr
    assert set(Path.cwd().iterdir()) == before


def test_the_chain_without_named_outputs_is_refused_by_the_composite_output_and_writes_nothing(
    qgis_process, tmp_path
):
    """The composite step of scenes_to_statistics said 'OUTPUT must be a GeoTIFF path ending in .tif,
    got .' for the stack nobody named; it says the output is empty, as every step now does."""
    from timestack.core.sample_archive import ensure_sample_archive

    sample = ensure_sample_archive(ROOT / "build" / "sample" / "small", "small")
    left, bottom, right, top = sample.bounds
    before = set(Path.cwd().iterdir())
    done = qgis_process(
        "run", "timestack:scenes_to_statistics", "--",
        f"CATALOG={sample.item_collection}", f"EXTENT={left},{right},{bottom},{top} [{sample.crs}]",
        "START_YEAR=2000", "END_YEAR=2014", "INDEX=NBR", "MAG=1000",
        f"POLYGONS={sample.stands}", "ID_FIELD=stand_id",
        json_output=False, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert "OUTPUT is empty; it needs a value: Composite stack" in done.stderr, done.stderr[-3000:]
    assert "GeoTIFF path ending in .tif" not in done.stderr and "Traceback" not in done.stderr
    assert set(Path.cwd().iterdir()) == before

"""Recurring extraction: a saved job run headless adds only newer scenes, never duplicates a row."""

import json
import subprocess
import sys
import sysconfig
from pathlib import Path

import pandas as pd
import pytest

from tests.helpers.zonal import pixel_box, write_polygons
from timestack.core.zonal.job import ZonalJob, cron_line, load_job, run_job, save_job
from timestack.core.zonal.scenes import scene_statistics
from timestack.core.zonal.statistics import read_polygons

ROOT = Path(__file__).resolve().parents[2]  # the project root holds the `timestack` package


def write_catalog(path, features):
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


@pytest.fixture()
def job_setup(tmp_path, sample_small):
    features = json.loads(Path(sample_small.item_collection).read_text())["features"]
    features.sort(key=lambda f: f["properties"]["datetime"])
    catalog = write_catalog(tmp_path / "catalog.json", features[:20])
    job = ZonalJob(
        polygons=str(sample_small.stands),
        id_field="stand_id",
        catalog=str(catalog),
        output=str(tmp_path / "nbr.csv"),
        variables=["NBR"],
        statistics=["mean", "count", "valid_fraction"],
        compile="yearly",
        compiled_output=str(tmp_path / "nbr_yearly.csv"),
        min_valid_fraction=0.5,
    )
    return save_job(job, tmp_path / "job.json"), catalog, features


def cli(*args):
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "timestack.core.zonal.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_runs_add_only_newer_scenes_and_never_duplicate_rows(job_setup, sample_small):
    job_path, catalog, features = job_setup
    first = cli("run", str(job_path))
    assert first.returncode == 0, first.stderr
    assert "20 new scenes" in first.stdout
    after_first = pd.read_csv(load_job(job_path).output)
    assert load_job(job_path).last_scene_datetime.startswith(features[19]["properties"]["datetime"][:19])

    write_catalog(catalog, features)  # the catalog grew: new acquisitions were published
    second = run_job(job_path)
    assert second.new_scenes == len(features) - 20
    merged = pd.read_csv(load_job(job_path).output)
    assert not merged.duplicated(["id", "date", "variable"]).any()
    old = merged.merge(after_first, on=["id", "date", "variable"], suffixes=("", "_before"))
    assert len(old) == len(after_first) and (old["mean"].fillna(-9) == old["mean_before"].fillna(-9)).all()

    third = run_job(job_path)
    assert (third.new_scenes, third.new_rows) == (0, 0)
    assert pd.read_csv(load_job(job_path).output).equals(merged)

    import pystac

    items = list(pystac.ItemCollection.from_file(str(catalog)))
    at_once = scene_statistics(
        items, read_polygons(sample_small.stands, "stand_id"), ["NBR"], ["mean", "count", "valid_fraction"]
    )
    pd.testing.assert_frame_equal(merged, at_once.astype({"date": str}), check_dtype=False, rtol=1e-9)
    yearly = pd.read_csv(load_job(job_path).compiled_output)
    assert yearly["valid_fraction"].min() >= 0.5 and set(yearly["date"].str[5:]) == {"01-01"}


def test_cron_line_runs_the_job_from_a_shell(job_setup):
    job_path, _, _ = job_setup
    line = cron_line(job_path, "15 5 * * 1", python=sys.executable)
    schedule, command = line[: len("15 5 * * 1")], line[len("15 5 * * 1") + 1 :]
    assert schedule == "15 5 * * 1" and "timestack.core.zonal.cli run" in command
    done = subprocess.run(["/bin/sh", "-c", command], env={"PATH": "/usr/bin:/bin"}, timeout=300)
    assert done.returncode == 0
    assert "20 new scenes" in job_path.with_suffix(".log").read_text()
    printed = cli("cron", str(job_path), "--schedule", "15 5 * * 1", "--python", sys.executable)
    assert printed.stdout.strip() == line


def test_cron_job_finds_the_plugins_package_folder_after_the_interpreters_own(job_setup, tmp_path):
    job_path, _, _ = job_setup
    (tmp_path / "timestack_probe_package.py").write_text("FOUND = True\n")
    line = cron_line(job_path, python=sys.executable, packages=tmp_path)
    assert line.split()[5] == f"TIMESTACK_PACKAGES={tmp_path}"
    environment = line.split()[5:7]  # TIMESTACK_PACKAGES=... PYTHONPATH=...
    probe = (
        "import sys, timestack.core.zonal.cli, timestack_probe_package; "
        "print(sys.path.index(sys.argv[1]) > sys.path.index(sys.argv[2]))"
    )
    done = subprocess.run(
        [
            "/usr/bin/env",
            *environment,
            sys.executable,
            "-c",
            probe,
            str(tmp_path),
            sysconfig.get_path("purelib"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.strip() == "True", done.stderr


def test_a_bad_job_exits_with_a_message_and_writes_nothing(tmp_path, job_setup):
    job_path, _, _ = job_setup
    box = f"POLYGON({pixel_box(1, 1, 2, 2)})"
    duplicate = write_polygons(tmp_path / "dup.gpkg", [(1, box), (1, box)])
    data = json.loads(job_path.read_text())
    data["polygons"] = str(duplicate)
    job_path.write_text(json.dumps(data))
    done = cli("run", str(job_path))
    assert done.returncode == 2 and "ID_FIELD: 'stand_id' is not unique" in done.stderr
    assert not Path(data["output"]).exists()
    data["compile"] = "hourly"
    job_path.write_text(json.dumps(data))
    assert "COMPILE: job field 'compile' is 'hourly'" in cli("run", str(job_path)).stderr


def test_text_ids_keep_their_leading_zeros_across_runs(tmp_path, sample_small):
    from osgeo import ogr

    xmin, ymin, xmax, ymax = sample_small.bounds
    width = (xmax - xmin) / 4
    boxes = [
        (
            f"00{n}",
            f"POLYGON(({x0} {ymin}, {x0 + width} {ymin}, {x0 + width} {ymax}, {x0} {ymax}, {x0} {ymin}))",
        )
        for n, x0 in ((7, xmin), (8, xmin + 2 * width))
    ]
    stands = write_polygons(tmp_path / "text.gpkg", boxes, epsg=int(sample_small.crs.split(":")[1]),
                            id_type=ogr.OFTString)  # fmt: skip
    features = json.loads(Path(sample_small.item_collection).read_text())["features"]
    features.sort(key=lambda f: f["properties"]["datetime"])
    catalog = write_catalog(tmp_path / "catalog.json", features[:6])
    job = ZonalJob(
        polygons=str(stands),
        id_field="stand_id",
        catalog=str(catalog),
        output=str(tmp_path / "nbr.csv"),
        variables=["NBR"],
        statistics=["mean", "count"],
    )
    job_path = save_job(job, tmp_path / "job.json")
    run_job(job_path)
    write_catalog(catalog, features[:10])
    assert run_job(job_path).new_scenes == 4
    table = pd.read_csv(job.output, dtype={"id": str})
    assert set(table["id"]) == {"007", "008"}
    assert not table.duplicated(["id", "date", "variable"]).any()
    assert table["scene"].nunique() == len({f["properties"]["datetime"][:10] for f in features[:10]})


def test_a_valid_fraction_filter_without_that_statistic_is_refused(tmp_path, sample_small):
    from timestack.core.zonal.statistics import ZonalInputError

    job = ZonalJob(
        polygons=str(sample_small.stands),
        id_field="stand_id",
        catalog="unused.json",
        output=str(tmp_path / "nbr.csv"),
        variables=["NBR"],
        statistics=["mean", "count"],
        min_valid_fraction=0.5,
    )
    with pytest.raises(ZonalInputError, match="STATS: 'min_valid_fraction' .* valid_fraction"):
        save_job(job, tmp_path / "job.json")
    assert not (tmp_path / "job.json").exists()


def test_a_job_from_a_search_result_watches_the_catalog_that_was_searched(tmp_path, sample_small):
    from timestack.core.search import SceneQuery, search_scenes
    from timestack.core.search.query import bbox_polygon
    from timestack.core.zonal.job import watched_catalog

    area = bbox_polygon(sample_small.bounds)
    query = SceneQuery.create(area, "2000-01-01", "2005-12-31", aoi_crs=sample_small.crs)
    result = search_scenes(str(sample_small.geoparquet), query)
    snapshot = result.write_item_collection(tmp_path / "found.json")
    assert watched_catalog(snapshot) == (str(sample_small.geoparquet), ["landsat-c2-l2"])
    plain = write_catalog(tmp_path / "plain.json", json.loads(snapshot.read_text())["features"])
    assert watched_catalog(plain) == (str(plain.resolve()), [])

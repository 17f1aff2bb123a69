"""Models an analyst builds in the modeler, chaining Timestack steps, run as files with
``qgis_process run <model>.model3``: intermediate results left as the modeler's temporary outputs,
areas in other CRSs, outputs in folders with spaces and accents, and failing or cancelled steps."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import rasterio

from tests.helpers.models import Step, model_input, save_model, step_output

ROOT = Path(__file__).resolve().parents[2]


def _parameters():
    from qgis.core import (
        QgsProcessingParameterExtent,
        QgsProcessingParameterFile,
        QgsProcessingParameterNumber,
        QgsProcessingParameterVectorLayer,
    )

    return {
        "ITEMS": QgsProcessingParameterFile("ITEMS", "Scenes (ItemCollection JSON)"),
        "EXTENT": QgsProcessingParameterExtent("EXTENT", "Area"),
        "POLYGONS": QgsProcessingParameterVectorLayer("POLYGONS", "Stands"),
        "SORT": QgsProcessingParameterNumber("SORT", "Sort (0 greatest, 1 least, 2 newest, 3 oldest ...)"),
    }


def _sample():
    from timestack.core.sample_archive import ensure_sample_archive

    return ensure_sample_archive(ROOT / "build" / "sample" / "small", "small")


def _extent_in_web_mercator(sample) -> str:
    from rasterio.warp import transform_bounds

    left, bottom, right, top = transform_bounds(sample.crs, "EPSG:3857", *sample.bounds)
    return f"{left},{right},{bottom},{top} [EPSG:3857]"


def _cells_of(grid_path, src):
    """(rows, cols) of ``src`` at the centres of the cells of the raster ``grid_path`` (same CRS)."""
    with rasterio.open(grid_path) as grid:
        rows, cols = np.mgrid[0 : grid.height, 0 : grid.width]
        xs, ys = rasterio.transform.xy(grid.transform, rows.ravel(), cols.ravel())
    found = np.array([src.index(x, y) for x, y in zip(xs, ys)])
    return found[:, 0].reshape(rows.shape), found[:, 1].reshape(rows.shape)


def _change_chain(path: Path) -> Path:
    """composite -> landtrendr -> changemap, and zonalstats of the composite; only the change map and
    the statistics are the model's outputs, the rest temporary."""
    inputs = _parameters()
    steps = {
        "composite": Step(
            "timestack:composite",
            {
                "ITEMS": model_input("ITEMS"),
                "EXTENT": model_input("EXTENT"),
                "START_YEAR": 2000,
                "END_YEAR": 2014,
                "INDICES": "NBR",
                "BANDS": [],
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        ),  # fmt: skip
        "landtrendr": Step(
            "timestack:landtrendr", {"INPUT": step_output("composite", "OUTPUT"), "INDEX": "NBR"}
        ),
        "changemap": Step(
            "timestack:changemap",
            {"INPUT": step_output("landtrendr", "OUTPUT_SEGMENTS"), "MAG": 1000, "SORT": model_input("SORT")},
            {"change": "OUTPUT"},
        ),
        "zonalstats": Step(
            "timestack:zonalstats",
            {
                "POLYGONS": model_input("POLYGONS"),
                "ID_FIELD": "stand_id",
                "INPUT": [step_output("composite", "OUTPUT")],
                "BANDS": "NBR",
            },
            {"statistics": "OUTPUT"},
        ),  # fmt: skip
    }
    return save_model(path, "change chain", inputs, steps)


def test_a_change_chain_with_temporary_steps_writes_into_a_folder_with_spaces_and_accents(
    qgis_process, tmp_path
):
    sample = _sample()
    model = _change_chain(tmp_path / "modèles" / "chaîne de changement.model3")
    out = tmp_path / "résultats du modèle"
    answer = qgis_process(
        "run", str(model), "--", f"ITEMS={sample.item_collection}",
        f"EXTENT={_extent_in_web_mercator(sample)}", f"POLYGONS={sample.stands}", "SORT=0",
        f"changemap:change={out / 'carte des pertes.tif'}",
        f"zonalstats:statistics={out / 'statistiques.csv'}",
    )  # fmt: skip
    assert Path(answer["results"]["changemap:change"]) == out / "carte des pertes.tif"
    # nothing temporary (GDAL's .aux.xml sidecar of the final change map, seen now and then, is none)
    written = sorted(p.name for p in out.iterdir() if p.name != "carte des pertes.tif.aux.xml")
    assert written == ["carte des pertes.tif", "statistiques.csv", "statistiques.csvt"]
    with rasterio.open(sample.disturbance_year) as src:
        truth = src.read(1).astype(float)
    with rasterio.open(out / "carte des pertes.tif") as src:
        assert src.descriptions[:2] == ("yod", "mag") and src.crs == sample.crs
        yod = src.read(1)
        rows, cols = _cells_of(sample.disturbance_year, src)
    disturbed = truth > 0
    found = yod[rows, cols]
    assert (np.abs(found[disturbed] - truth[disturbed]) <= 1).mean() > 0.9
    table = pd.read_csv(out / "statistiques.csv")
    assert set(table["variable"]) == {"nbr"} and table.groupby("id").size().eq(15).all()


def _stack(tmp_path) -> Path:
    """16 years of NBR over 4 × 5 pixels, a loss of 0.4 in 2008 everywhere."""
    from tests.helpers.rasters import write_stack

    years = list(range(2000, 2016))
    nbr = np.full((len(years), 4, 5), 0.7, dtype="float32")
    nbr[8:] -= 0.4
    return write_stack(tmp_path / "stack.tif", nbr, [f"{y}_nbr" for y in years], nodata=np.nan)


def _fit_and_map(path: Path) -> Path:
    from qgis.core import QgsProcessingParameterNumber, QgsProcessingParameterRasterLayer

    inputs = {
        "STACK": QgsProcessingParameterRasterLayer("STACK", "Stack"),
        "SORT": QgsProcessingParameterNumber("SORT", "Sort"),
    }
    steps = {
        "landtrendr": Step("timestack:landtrendr", {"INPUT": model_input("STACK"), "INDEX": "nbr"}),
        "changemap": Step(
            "timestack:changemap",
            {"INPUT": step_output("landtrendr", "OUTPUT_SEGMENTS"), "MAG": 0.2, "SORT": model_input("SORT")},
            {"change": "OUTPUT"},
        ),
    }
    return save_model(path, "fit and map", inputs, steps)


def test_a_model_input_out_of_a_steps_choices_is_refused_by_name_instead_of_running_the_first(
    qgis_process, tmp_path
):
    """A model's number input wired to a step's choice reaches the step unchecked (Processing checks
    no value of a model's steps), and QGIS reads a choice out of range as the default: the change map
    was the greatest loss where the analyst asked for choice 9."""
    model = _fit_and_map(tmp_path / "fit and map.model3")
    out = tmp_path / "out"
    done = qgis_process(
        "run", str(model), "--", f"STACK={_stack(tmp_path)}", "SORT=9", f"changemap:change={out / 'c.tif'}",
        json_output=False, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stdout[-2000:]
    assert "SORT: 9 is not one of the choices" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
    answer = qgis_process(
        "run", str(model), "--", f"STACK={_stack(tmp_path)}", "SORT=2", f"changemap:change={out / 'c.tif'}"
    )
    assert Path(answer["results"]["changemap:change"]).is_file()


def _scenes(tmp_path) -> Path:
    """Four small Landsat scenes (UTM 10N), July 2020 and July 2021, a cloud over the west of one."""
    from tests.helpers.scenes import SIZE, write_items, write_scene

    cloud = np.zeros((SIZE, SIZE), bool)
    cloud[:, :20] = True
    folder = tmp_path / "scènes"
    items = [
        write_scene(folder, "LC08_A_20200705", "2020-07-05"),
        write_scene(folder, "LC08_B_20200721", "2020-07-21", cloud=cloud),
        write_scene(folder, "LC08_C_20210708", "2021-07-08"),
        write_scene(folder, "LC08_D_20210724", "2021-07-24"),
    ]
    from rasterio.warp import transform_geom
    from shapely.geometry import box, mapping, shape

    from tests.helpers.scenes import RES, UTM, X0, Y0

    footprint = transform_geom(UTM, "EPSG:4326", mapping(box(X0, Y0 - SIZE * RES, X0 + SIZE * RES, Y0)))
    for item in items:  # a search finds scenes by their footprints
        item["geometry"], item["bbox"] = footprint, list(shape(footprint).bounds)
    return write_items(tmp_path / "items.json", items)


def _tiny_extent_in_degrees() -> str:
    """Three by two pixels of the scenes, as longitude/latitude."""
    from rasterio.warp import transform_bounds

    from tests.helpers.scenes import RES, UTM, X0, Y0

    left, bottom, right, top = transform_bounds(UTM, "EPSG:4326", X0 + 5 * RES, Y0 - 7 * RES, X0 + 8 * RES,
                                                Y0 - 5 * RES)  # fmt: skip
    return f"{left},{right},{bottom},{top} [EPSG:4326]"


def test_a_per_date_stack_feeds_a_timescan_through_a_temporary_output(qgis_process, tmp_path):
    from qgis.core import QgsProcessingParameterExtent, QgsProcessingParameterFile

    inputs = {
        "ITEMS": QgsProcessingParameterFile("ITEMS", "Scenes"),
        "EXTENT": QgsProcessingParameterExtent("EXTENT", "Area"),
    }
    steps = {
        "scenestack": Step(
            "timestack:scenestack",
            {"ITEMS": model_input("ITEMS"), "EXTENT": model_input("EXTENT"), "INDICES": "NDVI"},
        ),
        "timescan": Step(
            "timestack:timescan",
            {"INPUT": step_output("scenestack", "OUTPUT"), "METRICS": "avg,count"},
            {"scan": "OUTPUT"},
        ),
    }
    model = save_model(tmp_path / "scan.model3", "per-date scan", inputs, steps)
    out = tmp_path / "Ergebnisse – Sommer" / "scan.tif"
    answer = qgis_process(
        "run", str(model), "--", f"ITEMS={_scenes(tmp_path)}", f"EXTENT={_tiny_extent_in_degrees()}",
        f"timescan:scan={out}",
    )  # fmt: skip
    assert Path(answer["results"]["timescan:scan"]) == out
    with rasterio.open(out) as src:
        metrics = dict(zip(src.descriptions, src.read()))
        assert src.crs.to_epsg() == 32610 and 2 <= src.width <= 5 and 1 <= src.height <= 4
    assert metrics["ndvi_count"].min() >= 3 and metrics["ndvi_count"].max() <= 4
    np.testing.assert_allclose(metrics["ndvi_avg"], (0.32 - 0.04) / (0.32 + 0.04), atol=1e-3)


def _search_and_composite(path: Path) -> Path:
    from qgis.core import (
        QgsProcessingParameterExtent,
        QgsProcessingParameterFile,
        QgsProcessingParameterString,
    )

    inputs = {
        "CATALOG": QgsProcessingParameterFile("CATALOG", "Catalog"),
        "EXTENT": QgsProcessingParameterExtent("EXTENT", "Area"),
        "ROOTS": QgsProcessingParameterString("ROOTS", "Folders of the scenes"),
    }
    steps = {
        "search": Step(
            "timestack:searchscenes",
            {
                "CATALOG": model_input("CATALOG"),
                "EXTENT": model_input("EXTENT"),
                "START_DATE": "2020-01-01",
                "END_DATE": "2021-12-31",
                "MAX_CLOUD": 100,
            },
        ),  # fmt: skip
        "composite": Step(
            "timestack:composite",
            {
                "ITEMS": step_output("search", "OUTPUT_ITEMS"),
                "EXTENT": model_input("EXTENT"),
                "START_YEAR": 2020,
                "END_YEAR": 2021,
                "INDICES": "NDVI",
                "BANDS": [2],
                "ALLOWED_ROOTS": model_input("ROOTS"),  # the catalog's files lie beside it, not in a catalog
            },
            {"composite": "OUTPUT"},
        ),  # fmt: skip
    }
    return save_model(path, "search and composite", inputs, steps)


def test_a_search_feeds_a_composite_of_a_tiny_area_through_temporary_outputs(qgis_process, tmp_path):
    model = _search_and_composite(tmp_path / "search.model3")
    out = tmp_path / "out" / "composite.tif"
    answer = qgis_process(
        "run", str(model), "--", f"CATALOG={_scenes(tmp_path)}", f"EXTENT={_tiny_extent_in_degrees()}",
        f"ROOTS={tmp_path / 'scènes'}", f"composite:composite={out}",
    )  # fmt: skip
    assert Path(answer["results"]["composite:composite"]) == out
    with rasterio.open(out) as src:
        assert src.descriptions == ("2020_red", "2020_NDVI", "2021_red", "2021_NDVI")
        values = src.read()
    np.testing.assert_allclose(values[1] / 10000, (0.32 - 0.04) / (0.32 + 0.04), atol=1e-3)  # int16 × 10000


def test_a_search_that_finds_nothing_stops_the_model_at_the_composite_naming_items(qgis_process, tmp_path):
    """The area lies an ocean away from the scenes: the search finds none, and the composite step says
    so instead of writing an empty stack."""
    model = _search_and_composite(tmp_path / "search.model3")
    out = tmp_path / "out"
    done = qgis_process(
        "run", str(model), "--", f"CATALOG={_scenes(tmp_path)}", "EXTENT=10,10.01,45,45.01 [EPSG:4326]",
        f"ROOTS={tmp_path}", f"composite:composite={out / 'composite.tif'}", json_output=False, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "ITEMS" in done.stderr and "composite" in done.stderr, done.stderr[-2000:]
    assert not out.exists()


def test_a_model_cancelled_in_its_landtrendr_step_leaves_no_output_and_no_temporary(built_plugin, tmp_path):
    """SIGTERM while the model's LandTrendr step runs: the model ends cancelled, naming the step; the
    change map is not written, and neither the step's temporary outputs nor their hidden partial files
    are left in QGIS's temporary folder."""
    import os
    import signal
    import subprocess
    import time

    from tests.helpers.rasters import write_stack

    years = range(1990, 2020)
    rng = np.random.default_rng(2)
    data = (7000 + rng.normal(0, 150, (len(years), 1024, 1024))).astype("int16")
    data[15:, :, :512] -= 4000
    stack = write_stack(tmp_path / "stack.tif", data, [f"{year}_nbr" for year in years])
    model = _fit_and_map(tmp_path / "fit and map.model3")
    out, temporary = tmp_path / "out", tmp_path / "qgis temporary"
    temporary.mkdir()
    command = [
        str(ROOT / "scripts" / "qgis_process.sh"), "run", str(model), "--", f"STACK={stack}", "SORT=0",
        f"changemap:change={out / 'change.tif'}",
    ]  # fmt: skip
    env = {**os.environ, "QGIS_PLUGINPATH": str(built_plugin.parent), "TMPDIR": str(temporary)}
    run = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 300
    while run.poll() is None and time.monotonic() < deadline:  # until the step writes its first window
        if any(path.is_file() for path in temporary.glob("processing_*/**/*")):
            break
        time.sleep(0.05)
    assert run.poll() is None, "the model ended before it could be signalled:\n" + run.stdout.read()[-3000:]
    time.sleep(1.0)
    run.send_signal(signal.SIGTERM)
    said, _ = run.communicate(timeout=300)
    assert run.returncode != 0 and "cancelled" in said, said[-3000:]
    assert "Error encountered while running landtrendr" in said, said[-3000:]
    assert not out.exists(), said[-3000:]
    assert [path for path in temporary.glob("processing_*/**/*") if path.is_file()] == [], said[-3000:]


def test_a_step_failing_on_its_input_names_the_step_and_the_parameter_and_writes_nothing(
    qgis_process, tmp_path
):
    """The stack holds NDVI, the model's LandTrendr step asks for NBR."""
    from tests.helpers.rasters import write_stack

    years = list(range(2000, 2016))
    ndvi = write_stack(tmp_path / "ndvi.tif", np.full((len(years), 4, 5), 0.7, "float32"),
                       [f"{y}_ndvi" for y in years], nodata=np.nan)  # fmt: skip
    model = _fit_and_map(tmp_path / "fit and map.model3")
    out = tmp_path / "out"
    done = qgis_process(
        "run", str(model), "--", f"STACK={ndvi}", "SORT=0", f"changemap:change={out / 'c.tif'}",
        json_output=False, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "Error encountered while running landtrendr" in done.stderr, done.stderr[-2000:]
    assert "INDEX" in done.stderr and "nbr" in done.stderr.lower()
    assert not out.exists()

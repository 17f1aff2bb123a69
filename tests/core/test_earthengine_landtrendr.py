"""LandTrendr on Earth Engine, checked offline on the serialised graph (earthengine-api's own
ApiTestCase set-up: the algorithm list ships with the package, no request is made)."""

from __future__ import annotations

import json

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

from tests.helpers.earthengine import offline_earthengine
from timestack.core.earthengine.landtrendr import (
    NODATA,
    export_tasks,
    output_band_names,
    prepare_collection,
    run_landtrendr_earthengine,
)
from timestack.core.landtrendr.fit import (
    LandTrendrOutputs,
    LandTrendrParams,
    run_landtrendr_raster,
)
from timestack.core.runtime import TimestackError

ee = pytest.importorskip("ee")
YEARS = list(range(2000, 2012))


@pytest.fixture()
def offline_ee():
    """earthengine-api initialised from its packaged algorithm list, as its own unit tests do."""
    with offline_earthengine() as ee:
        yield ee


def annual_collection():
    """Twelve yearly images with NBR and SWIR1 bands, the shape timestack's EE composite produces."""
    images = [
        ee.Image.constant([0.7, 0.1])
        .rename(["NBR", "swir1"])
        .set("system:time_start", ee.Date.fromYMD(y, 7, 1).millis())
        for y in YEARS
    ]
    return ee.ImageCollection(images)


def expanded(obj):
    """An object's serialised graph as one tree, shared sub-graphs (``valueReference``) inlined."""
    graph = json.loads(obj.serialize())

    def resolve(node):
        if isinstance(node, dict):
            if "valueReference" in node:
                return resolve(graph["values"][node["valueReference"]])
            if "argumentNames" in node:  # a mapped function: its body is a value key
                return {**node, "body": resolve(graph["values"][node["body"]])}
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(value) for value in node]
        return node

    return resolve(graph["values"][graph["result"]])


def constant(node):
    """The Python value of a serialised constant (shared strings come as an ``arrayValue``)."""
    if "arrayValue" in node:
        return [constant(value) for value in node["arrayValue"]["values"]]
    return node["constantValue"]


def invocations(obj) -> list:
    """Every function invocation in an object's graph, outermost first."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            call = node.get("functionInvocationValue")
            if call:
                found.append(call)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(expanded(obj))
    return found


def test_landtrendr_is_called_with_the_eight_gee_parameters_on_the_flipped_index(offline_ee):
    params = LandTrendrParams(
        maxSegments=5, spikeThreshold=0.8, pvalThreshold=0.05, preventOneYearRecovery=True
    )
    outputs = run_landtrendr_earthengine(annual_collection(), "NBR", YEARS, params, -1, fit_bands=["swir1"])
    calls = invocations(outputs["vertices"])
    landtrendr = [c for c in calls if c["functionName"] == "TemporalSegmentation.LandTrendr"]
    assert len({json.dumps(call, sort_keys=True) for call in landtrendr}) == 1  # one segmentation, shared
    arguments = landtrendr[0]["arguments"]
    for name, value in params.to_gee().items():
        assert constant(arguments[name]) == value, name
    series = json.dumps(arguments["timeSeries"])
    assert '"system:time_start"' in series and "Image.multiply" in series
    assert "Filter.calendarRange" in series and '"constantValue": 2011' in series  # the stack's years only
    assert '"constantValue": -1' in series


def test_prepared_collection_puts_the_flipped_index_first_and_renames_fit_bands(offline_ee):
    prepared = prepare_collection(annual_collection(), "NBR", -1, ["swir1"])
    text = prepared.serialize()
    assert '"segmented"' in text and '"ftv_swir1"' in text and "Collection.map" in text
    with pytest.raises(TimestackError, match="disturbance_direction"):
        prepare_collection(annual_collection(), "NBR", 0)


def _local_descriptions(tmp_path) -> dict:
    rng = np.random.default_rng(0)
    profile = dict(
        driver="GTiff", width=3, height=2, count=2 * len(YEARS), dtype="float32", nodata=-9999,
        crs="EPSG:32633", transform=from_origin(500000, 5000000, 30, 30),
    )  # fmt: skip
    path = tmp_path / "stack.tif"
    with rasterio.open(path, "w", **profile) as dst:
        for band, (name, year) in enumerate([(n, y) for n in ("nbr", "swir1") for y in YEARS], start=1):
            dst.write(rng.uniform(0.1, 0.8, (2, 3)).astype("float32"), band)
            dst.set_band_description(band, f"{year}_{name}")
    outputs = LandTrendrOutputs(
        tmp_path / "v.tif",
        tmp_path / "f.tif",
        tmp_path / "s.tif",
        tmp_path / "g.tif",
        {"swir1": tmp_path / "t.tif"},
    )
    written = run_landtrendr_raster(
        path, "nbr", outputs, LandTrendrParams(maxSegments=5), -1, fit_bands=["swir1"]
    )
    descriptions = {}
    for key, target in written.items():
        with rasterio.open(target) as src:
            descriptions[key] = list(src.descriptions)
    return descriptions


def test_unpacked_outputs_carry_the_local_engine_band_names(offline_ee, tmp_path):
    local = _local_descriptions(tmp_path)
    assert output_band_names("NBR", YEARS, 5, ["swir1"]) == local
    outputs = run_landtrendr_earthengine(
        annual_collection(), "NBR", YEARS, LandTrendrParams(maxSegments=5), -1, fit_bands=["swir1"]
    )
    assert set(outputs) == set(local)
    for key, image in outputs.items():
        outermost = invocations(image)[0]
        assert outermost["functionName"] == "Image.rename"
        assert constant(outermost["arguments"]["names"]) == local[key], key


def test_vertices_are_padded_masked_and_flipped_back(offline_ee):
    outputs = run_landtrendr_earthengine(
        annual_collection(), "NBR", YEARS, LandTrendrParams(maxSegments=3), -1
    )
    calls = invocations(outputs["vertices"])
    names = [c["functionName"] for c in calls]
    assert "Image.arrayMask" in names and "Image.arrayTranspose" in names and "Image.updateMask" in names
    text = json.dumps([c for c in calls if c["functionName"] == "Image.multiply"])
    assert '"constantValue": -1}' in text  # source and fitted rows back to NBR's orientation
    assert str(NODATA) in outputs["vertices"].serialize()  # the padding value, masked afterwards


def test_export_tasks_write_cloud_optimized_geotiffs_with_nodata_and_are_not_started(offline_ee):
    outputs = run_landtrendr_earthengine(
        annual_collection(), "NBR", YEARS, LandTrendrParams(maxSegments=4), -1
    )
    region = ee.Geometry.Rectangle([-122.3, 44.1, -122.1, 44.3])
    tasks = export_tasks(outputs, "lt_nbr", region, "EPSG:32610", scale=30, drive_folder="timestack")
    assert set(tasks) == {"vertices", "fitted", "stats", "segments"}
    config = tasks["segments"].config
    assert tasks["segments"].state == ee.batch.Task.State.UNSUBMITTED
    assert config["description"] == "lt_nbr_segments"
    options = json.dumps(config["fileExportOptions"])
    assert "GEO_TIFF" in options and "timestack" in options and str(NODATA) in options
    with pytest.raises(TimestackError, match="drive_folder or asset_root"):
        export_tasks(outputs, "x", region, "EPSG:32610", scale=30)
    with pytest.raises(TimestackError, match="scale or crs_transform"):
        export_tasks(outputs, "x", region, "EPSG:32610", drive_folder="f")
    grid = [30.0, 0.0, 500000.0, 0.0, -30.0, 5000000.0]
    assets = export_tasks(
        outputs, "lt", region, "EPSG:32610", crs_transform=grid, asset_root="projects/p/assets/lt/"
    )
    assert "projects/p/assets/lt/lt_stats" in str(assets["stats"].config)
    assert "500000" in assets["stats"].config["expression"].serialize()  # the local stack's grid


def test_bad_parameters_are_refused_before_any_graph_is_built(offline_ee):
    with pytest.raises(TimestackError, match="maxSegments"):
        run_landtrendr_earthengine(annual_collection(), "NBR", YEARS, LandTrendrParams(maxSegments=0))
    with pytest.raises(TimestackError, match="strictly increasing"):
        run_landtrendr_earthengine(annual_collection(), "NBR", [2000, 2000, 2001], LandTrendrParams())


def test_without_an_asset_landtrendr_runs_on_timestack_composites_of_the_stack(offline_ee):
    """The stack's years, region, season and variables become Earth Engine medoid composites."""
    from timestack.core.earthengine.composite import annual_collection as ee_annual_collection
    from timestack.core.earthengine.composite import stack_recipe

    recipe = stack_recipe((-122.7, 44.0, -122.5, 44.2), YEARS, ["nbr", "swir1"], (152, 273))
    assert (recipe.start_year, recipe.end_year) == (2000, 2011)
    assert (recipe.indices, recipe.bands) == (("NBR",), ("swir1",))
    outputs = run_landtrendr_earthengine(
        ee_annual_collection(recipe), "NBR", YEARS, LandTrendrParams(), -1, fit_bands=["swir1"]
    )
    calls = invocations(outputs["vertices"])
    landtrendr = next(c for c in calls if c["functionName"] == "TemporalSegmentation.LandTrendr")
    series = json.dumps(landtrendr["arguments"]["timeSeries"])
    assert "LANDSAT/LC08/C02/T1_L2" in series and "LANDSAT/LT05/C02/T1_L2" in series
    # The season: from day 152 (advance 151 days from 1 January) to the end of day 273.
    assert '"constantValue": 151' in series and '"constantValue": 273' in series

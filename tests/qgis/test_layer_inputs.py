"""A run uses only what prepareAlgorithm read of its layer inputs in the main thread: a dock run's worker
never looks a layer up in the project, so a layer the user removes once Run is pressed takes nothing
from the run (looked up from the worker, or held there once removed, such layers crashed QGIS)."""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

from tests.helpers.landtrendr import synthetic_cubes, write_series_stack
from tests.helpers.rasters import write_stack
from tests.helpers.zonal import memory_polygon, pixel_box, standard_features, write_polygons


@pytest.fixture()
def project():
    QgsProject.instance().clear()
    yield QgsProject.instance()
    QgsProject.instance().clear()


def prepared(algorithm_id: str, parameters: dict):
    """The algorithm prepared as a dock run prepares it (in this, the main thread), with its context."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    context.setProject(QgsProject.instance())
    assert algorithm.prepare(parameters, context, feedback)
    return algorithm, context, feedback


def test_a_stack_removed_from_the_project_once_run_is_pressed_is_still_fitted(provider, project, tmp_path):
    nbr, swir1, _ = synthetic_cubes()
    stack = QgsRasterLayer(
        str(write_series_stack(tmp_path / "stack.tif", {"nbr": nbr, "swir1": swir1})), "stack"
    )
    project.addMapLayer(stack)
    output = tmp_path / "rmse.tif"
    parameters = {"INPUT": stack.id(), "INDEX": "nbr", "OUTPUT_RMSE": str(output)}
    algorithm, context, feedback = prepared("timestack:landtrendr", parameters)
    project.removeMapLayer(stack.id())  # the layer id names nothing any more
    results = algorithm.runPrepared(parameters, context, feedback)
    assert results["OUTPUT_RMSE"] == str(output) and output.is_file()


def test_polygons_and_stacks_removed_once_run_is_pressed_are_still_measured(provider, project, tmp_path):
    data = np.random.default_rng(5).uniform(0, 1, (2, 20, 20)).astype("float32")
    stack = QgsRasterLayer(
        str(write_stack(tmp_path / "stack.tif", data, ["2001_ndvi", "2002_ndvi"])), "stack"
    )
    stands = QgsVectorLayer(str(write_polygons(tmp_path / "stands.gpkg", standard_features())), "stands")
    project.addMapLayers([stack, stands])
    output = tmp_path / "stats.csv"
    parameters = {
        "POLYGONS": stands.id(),
        "ID_FIELD": "stand_id",
        "INPUT": [stack.id()],
        "OUTPUT": str(output),
    }
    algorithm, context, feedback = prepared("timestack:zonalstats", parameters)
    project.removeAllMapLayers()
    algorithm.runPrepared(parameters, context, feedback)
    assert output.is_file() and len(output.read_text().splitlines()) > 1


def test_an_aoi_removed_once_run_is_pressed_is_still_outlined(provider, project, tmp_path):
    """The AOI's features are read before the run: the memory layer is gone (deleted) when it draws."""
    from PIL import Image

    dates = ["2019-03-01", "2019-09-15"]
    data = np.random.default_rng(2).uniform(0, 1, (2, 12, 16)).astype("float32")
    stack = write_stack(tmp_path / "stack.tif", data, [f"{date}_ndvi" for date in dates])
    aoi = memory_polygon(pixel_box(4, 3, 12, 9))
    project.addMapLayer(aoi)
    output = tmp_path / "ndvi.gif"
    parameters = {"INPUT": str(stack), "AOI": aoi.id(), "STRETCH": "0,100", "OUTPUT": str(output)}
    algorithm, context, feedback = prepared("timestack:animation", parameters)
    project.removeMapLayer(aoi.id())
    algorithm.runPrepared(parameters, context, feedback)
    with Image.open(output) as gif:
        frame = np.asarray(gif.convert("RGB"))
    scale = frame.shape[1] // 16
    assert (frame[3 * scale, 8 * scale] == [255, 214, 0]).all()  # on the AOI's top edge

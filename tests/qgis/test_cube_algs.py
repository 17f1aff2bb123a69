"""``timestack:exportcube`` and ``timestack:animation`` through Processing: a NetCDF cube loads as a layer
whose temporal properties span the stack's dates, frames and stretch are reported, AOIs in another CRS
are outlined, and bad input or a missing package is an error naming the parameter."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsMeshLayer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from rasterio.transform import from_origin

from tests.helpers.rasters import ORIGIN, PIXEL, write_stack

pytest.importorskip("xarray")

DATES = ["2019-03-01", "2019-09-15", "2020-04-30"]


@pytest.fixture()
def stack(tmp_path):
    data = np.stack([np.full((12, 16), 0.1 * (i + 1), "float32") for i in range(len(DATES))])
    return write_stack(tmp_path / "ndvi.tif", data, [f"{d}_ndvi" for d in DATES], nodata=np.nan)


def _run(algorithm, parameters, context=None):
    import processing

    context = context or QgsProcessingContext()
    return processing.run(
        f"timestack:{algorithm}", parameters, context=context, feedback=QgsProcessingFeedback()
    )


def test_a_netcdf_cube_loads_as_a_layer_with_the_stacks_time_extent(provider, stack, tmp_path):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results = _run("exportcube", {"INPUT": [str(stack)], "OUTPUT": str(tmp_path / "cube.nc")}, context)
    assert results["OUTPUT"] == str(tmp_path / "cube.nc") and results["GROUPS"] == ""
    (path, details), = context.layersToLoadOnCompletion().items()  # fmt: skip
    assert path == results["OUTPUT"] and details.outputName == "OUTPUT"
    layer = QgsMeshLayer(path, "cube", "mdal")
    assert layer.isValid()
    extent = layer.temporalProperties().timeExtent()
    assert layer.temporalProperties().isActive()
    assert extent.begin().date().toString("yyyy-MM-dd") == DATES[0]
    assert extent.end().date().toString("yyyy-MM-dd") == DATES[-1]
    zarr = _run("exportcube", {"INPUT": [str(stack)], "CHUNKING": 0, "OUTPUT": str(tmp_path / "cube.zarr")})
    assert zarr["GROUPS"] == "temporal" and (tmp_path / "cube.zarr" / "temporal").is_dir()


def test_cube_errors_name_the_parameter_and_write_nothing(provider, stack, tmp_path, monkeypatch):
    other = write_stack(tmp_path / "fine.tif", np.ones((1, 12, 16), "float32"), ["2019-03-01_nbr"],
                        transform=from_origin(*ORIGIN, 10, 10))  # fmt: skip
    with pytest.raises(QgsProcessingException, match=r"^INPUT: .*different pixel sizes"):
        _run("exportcube", {"INPUT": [str(stack), str(other)], "OUTPUT": str(tmp_path / "cube.nc")})
    with pytest.raises(QgsProcessingException, match="CHUNK_MB must be between 0.01 and 1024, got 0"):
        _run("exportcube", {"INPUT": [str(stack)], "CHUNK_MB": 0, "OUTPUT": str(tmp_path / "cube.nc")})
    monkeypatch.setitem(sys.modules, "zarr", None)  # as if zarr were not installed
    with pytest.raises(
        QgsProcessingException, match=r"^OUTPUT .zarr \(Zarr cubes\) needs the zarr package: install it with"
    ):
        _run("exportcube", {"INPUT": [str(stack)], "OUTPUT": str(tmp_path / "cube.zarr")})
    monkeypatch.setitem(sys.modules, "xarray", None)  # the message is translated, then shown
    with pytest.raises(
        QgsProcessingException, match=r"^OUTPUT: Cube export needs the xarray package: install it with"
    ):
        _run("exportcube", {"INPUT": [str(stack)], "OUTPUT": str(tmp_path / "cube.nc")})
    assert not list(tmp_path.glob("*cube*"))


def test_a_stack_layer_whose_file_is_gone_is_refused_by_its_name(provider, stack, tmp_path):
    import shutil

    from qgis.core import QgsProject, QgsRasterLayer

    copy = shutil.copy(stack, tmp_path / "copy.tif")
    layer = QgsRasterLayer(str(copy), "gone stack")
    QgsProject.instance().addMapLayer(layer)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    try:
        Path(copy).unlink()
        with pytest.raises(QgsProcessingException, match=r"^INPUT: gone stack is not a raster file readable"):
            _run("exportcube", {"INPUT": [layer.id()], "OUTPUT": str(tmp_path / "cube.nc")}, context)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert not (tmp_path / "cube.nc").exists()


def test_animation_outlines_an_aoi_given_in_another_crs_and_reports_its_frames(provider, stack, tmp_path):
    aoi = QgsVectorLayer("Polygon?crs=EPSG:4326", "aoi", "memory")
    from rasterio.warp import transform

    x0, y0 = ORIGIN
    xs, ys = (
        [x0 + 4 * PIXEL, x0 + 12 * PIXEL, x0 + 12 * PIXEL],
        [y0 - 3 * PIXEL, y0 - 3 * PIXEL, y0 - 9 * PIXEL],
    )
    lons, lats = transform("EPSG:32633", "EPSG:4326", xs, ys)
    feature = QgsFeature()
    wkt = ", ".join(f"{lon} {lat}" for lon, lat in zip(lons + lons[:1], lats + lats[:1]))
    feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({wkt}))"))
    aoi.dataProvider().addFeatures([feature])
    results = _run("animation", {"INPUT": str(stack), "AOI": aoi, "STRETCH": "0,100",
                                 "OUTPUT": str(tmp_path / "ndvi.gif")})  # fmt: skip
    assert results["FRAMES"] == 3
    with Image.open(results["OUTPUT"]) as gif:
        assert gif.n_frames == 3
        gif.seek(2)
        frame = np.asarray(gif.convert("RGB"))
    scale = frame.shape[1] // 16
    outline = np.array([255, 214, 0])
    assert (frame[3 * scale, 8 * scale] == outline).all()  # on the top edge of the triangle
    assert not (frame[10 * scale :, :] == outline).all(axis=-1).any()  # nothing below it


def test_animation_of_a_stack_without_valid_values_warns_that_the_frames_are_blank(provider, stack, tmp_path):
    import processing

    empty = np.full((len(DATES), 12, 16), np.nan, "float32")
    nan = write_stack(tmp_path / "nan.tif", empty, [f"{d}_ndvi" for d in DATES], nodata=np.nan)
    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, text):
            warnings.append(text)

    for path, name in ((stack, "ndvi.gif"), (nan, "nan.gif")):
        parameters = {"INPUT": str(path), "OUTPUT": str(tmp_path / name)}
        assert processing.run("timestack:animation", parameters, feedback=Feedback())["FRAMES"] == 3
    blank = "INPUT: the stack holds no valid value in these bands"
    assert [w.startswith(blank) for w in warnings] == [True], warnings  # for the NaN stack only


def test_animation_errors_name_the_parameter(provider, stack, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"^BANDS: nbr not in the stack"):
        _run("animation", {"INPUT": str(stack), "BANDS": "nbr", "OUTPUT": str(tmp_path / "a.gif")})
    with pytest.raises(QgsProcessingException, match=r"^RGB: name three variables"):
        _run("animation", {"INPUT": str(stack), "RGB": "ndvi", "OUTPUT": str(tmp_path / "a.gif")})
    with pytest.raises(QgsProcessingException, match=r"^OUTPUT: .* neither .gif nor .mp4"):
        _run("animation", {"INPUT": str(stack), "OUTPUT": str(tmp_path / "a.png")})
    with pytest.raises(
        QgsProcessingException, match=r"STRETCH: percentiles must satisfy 0 ≤ low < high ≤ 100, got 98, 2"
    ):
        _run("animation", {"INPUT": str(stack), "STRETCH": "98,2", "OUTPUT": str(tmp_path / "a.gif")})
    assert not list(tmp_path.glob("a.*"))

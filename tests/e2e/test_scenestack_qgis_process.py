"""``timestack:scenestack`` through ``qgis_process``: a per-date stack of small Landsat scenes (two of
one day merged, a cloud masked), then ``timestack:timescan`` on it."""

from __future__ import annotations

import numpy as np
import rasterio

from tests.helpers.scenes import CLEAR, SIZE, write_items, write_scene
from timestack.core.io.stack import NODATA


def test_qgis_process_stacks_scenes_by_date_and_timescan_reads_the_stack(qgis_process, tmp_path):
    cloud = np.zeros((SIZE, SIZE), bool)
    cloud[:, :20] = True
    brighter = {key: value * 1.2 for key, value in CLEAR.items()}
    scenes = tmp_path / "scenes"
    items = [
        write_scene(scenes, "LC08_A_20200610", "2020-06-10", cloud=cloud),
        write_scene(scenes, "LC08_B_20200610", "2020-06-10", reflectance=brighter),
        write_scene(scenes, "LC08_C_20200712", "2020-07-12", cloud=cloud),
        write_scene(scenes, "LC08_D_20200813", "2020-08-13", reflectance=brighter),
    ]
    items[1]["properties"]["datetime"] = "2020-06-10T18:31:00Z"
    write_items(tmp_path / "items.json", items)
    result = qgis_process(
        "run", "timestack:scenestack", "--", f"ITEMS={tmp_path / 'items.json'}", "BANDS=2", "INDICES=NDVI",
        f"OUTPUT={tmp_path / 'scenes.tif'}",
    )  # fmt: skip
    assert result["results"]["DATES"] == "2020-06-10,2020-07-12,2020-08-13"
    assert result["results"]["OUTPUT_CRS"] == "EPSG:32610"
    with rasterio.open(tmp_path / "scenes.tif") as src:
        assert src.descriptions == (
            "2020-06-10_red", "2020-06-10_NDVI", "2020-07-12_red", "2020-07-12_NDVI",
            "2020-08-13_red", "2020-08-13_NDVI",
        )  # fmt: skip
        values = src.read()
    np.testing.assert_allclose(values[0][:, 20:], CLEAR["red"], atol=1e-4)
    np.testing.assert_allclose(values[0][:, :20], CLEAR["red"] * 1.2, atol=1e-4)  # merged from B
    assert (values[2][:, :20] == NODATA).all()  # July's cloud
    scan = qgis_process(
        "run", "timestack:timescan", "--", f"INPUT={tmp_path / 'scenes.tif'}", "METRICS=avg,count",
        f"OUTPUT={tmp_path / 'scan.tif'}",
    )  # fmt: skip
    assert scan["results"]["OUTPUT"] == str(tmp_path / "scan.tif")
    with rasterio.open(tmp_path / "scan.tif") as src:
        names = list(src.descriptions)
        metrics = dict(zip(names, src.read()))
    assert names == ["red_avg", "red_count", "ndvi_avg", "ndvi_count"]
    assert (metrics["red_count"][:, :20] == 2).all() and (metrics["red_count"][:, 20:] == 3).all()
    np.testing.assert_allclose(metrics["red_avg"][:, :20], CLEAR["red"] * 1.2, atol=1e-4)

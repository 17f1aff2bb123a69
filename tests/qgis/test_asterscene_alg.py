"""``timestack:asterscene`` through Processing (its files loaded as layers) and from the dock: the
Composite tab, given an aster-l1t search, converts the ASTER scenes instead of compositing them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import rasterio
from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

from tests.helpers.aster import aster_item, write_aster_scene, write_items
from tests.helpers.qt import wait_until
from tests.helpers.scenes import write_scene

SCENE = "AST_L1T_00306012004183512_20150503105520_11111"


@pytest.fixture()
def aster_items(tmp_path):
    dns = {"1": 60, "2": 40, "3N": 120, **{b: 90 for b in ("4", "5", "6", "7", "8", "9")}}
    dns.update({b: 1200 for b in ("10", "11", "12", "13", "14")})
    paths = write_aster_scene(tmp_path / "scenes", SCENE, dns)
    return write_items(tmp_path / "items.json", [aster_item(SCENE, dt.datetime(2004, 6, 1, 18, 35), paths)])


def test_processing_run_loads_one_layer_per_scene_and_subsystem(provider, aster_items, tmp_path):
    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run(
        "timestack:asterscene",
        {"ITEMS": str(aster_items), "INDICES": "NDVI, CARBONATE_6_8", "OUTPUT_FOLDER": str(tmp_path / "out")},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    assert result["FILES_WRITTEN"] == 3
    assert sorted(Path(p).name for p in result["OUTPUT_LAYERS"]) == [
        f"{SCENE}_{s}.tif" for s in ("SWIR", "TIR", "VNIR")
    ]
    assert len(context.layersToLoadOnCompletion()) == 3
    with rasterio.open(tmp_path / "out" / f"{SCENE}_SWIR.tif") as src:
        assert src.descriptions[-1] == "2004-06-01_carbonate_6_8"


def test_the_composite_tab_converts_an_aster_search_instead_of_compositing(
    provider, aster_items, tmp_path, qgis_iface
):
    from timestack.gui.aster_scenes import is_aster_items
    from timestack.gui.composite_panel import CompositePanel

    landsat = write_items(
        tmp_path / "landsat.json", [write_scene(tmp_path / "l", "LC08_A_20200610", "2020-06-10")]
    )
    assert is_aster_items(str(aster_items)) and not is_aster_items(str(landsat))
    assert not is_aster_items(str(tmp_path / "missing.json"))
    QgsProject.instance().clear()
    panel = CompositePanel(qgis_iface)
    panel.items.setFilePath(str(aster_items))
    panel.output.setFilePath(str(tmp_path / "stack" / "composite.tif"))
    panel.run_composite()
    wait_until(panel.run_button.isEnabled, 120)
    folder = tmp_path / "stack" / "aster"
    assert panel.status.text() == f"ASTER files written in {folder}", panel.status.text()
    assert sorted(p.name for p in folder.glob("*.tif")) == [
        f"{SCENE}_{s}.tif" for s in ("SWIR", "TIR", "VNIR")
    ]
    with rasterio.open(folder / f"{SCENE}_VNIR.tif") as src:
        assert "2004-06-01_ndvi" in src.descriptions
    names = {layer.name() for layer in QgsProject.instance().mapLayers().values()}
    assert f"{SCENE} TIR" in names
    QgsProject.instance().clear()

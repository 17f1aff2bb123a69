"""``timestack:asterscene`` through ``qgis_process``: two ASTER L1T scenes written as Planetary Computer
publishes them (VNIR/SWIR/TIR COGs at 15/30/90 m on one UTM extent, their STAC items), converted to
radiance, brightness temperature, reflectance and NDVI per subsystem at native resolution."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import rasterio

from tests.helpers.aster import EXTENT_M, X0, Y0, aster_item, dn_for_radiance, write_aster_scene, write_items
from timestack.core.aster.calibration import C1, C2, EFFECTIVE_WAVELENGTH_UM, SUBSYSTEMS

SCENES = {
    "AST_L1T_00306012004183512_20150503105520_11111": (dt.datetime(2004, 6, 1, 18, 35, 12), 295.0),
    "AST_L1T_00307032004183512_20150503105520_22222": (dt.datetime(2004, 7, 3, 18, 35, 12), 310.0),
}


def planck(temperature: float, band: str) -> float:
    wavelength = EFFECTIVE_WAVELENGTH_UM[band]
    return C1 / (wavelength**5 * (np.exp(C2 / (wavelength * temperature)) - 1.0))


def write_scenes(folder):
    items = []
    for scene, (when, temperature) in SCENES.items():
        dns = {"1": 60, "2": 40, "3N": 120, **{b: 90 for b in SUBSYSTEMS["SWIR"]}}
        dns.update({b: dn_for_radiance(planck(temperature, b), b) for b in SUBSYSTEMS["TIR"]})
        paths = write_aster_scene(folder / "scenes", scene, dns)
        items.append(aster_item(scene, when, paths))
    return write_items(folder / "items.json", items)


def test_qgis_process_writes_each_scene_and_subsystem_at_its_resolution(qgis_process, tmp_path):
    items = write_scenes(tmp_path)
    result = qgis_process(
        "run", "timestack:asterscene", "--", f"ITEMS={items}", "PRODUCTS=0,1,2", "INDICES=NDVI",
        "SUBSYSTEMS=0,2", f"OUTPUT_FOLDER={tmp_path / 'out'}",
    )  # fmt: skip
    assert result["results"]["FILES_WRITTEN"] == 4
    for scene, (when, temperature) in SCENES.items():
        with rasterio.open(tmp_path / "out" / f"{scene}_TIR.tif") as src:
            assert src.res == (90.0, 90.0) and src.crs.to_epsg() == 32611
            assert src.bounds == pytest.approx((X0, Y0 - EXTENT_M, X0 + EXTENT_M, Y0))
            names = list(src.descriptions)
            assert names[:5] == [f"{when.date().isoformat()}_aster_b{b}_radiance" for b in SUBSYSTEMS["TIR"]]
            bt = src.read(names.index(f"{when.date().isoformat()}_aster_b13_bt") + 1)
        assert float(bt.mean()) == pytest.approx(temperature, abs=0.15)
        with rasterio.open(tmp_path / "out" / f"{scene}_VNIR.tif") as src:
            assert src.res == (15.0, 15.0) and src.count == 3 + 3 + 1
            ndvi = src.read(7)
            assert src.descriptions[6] == f"{when.date().isoformat()}_ndvi"
        assert 0.3 < float(ndvi.mean()) < 0.9
    assert not (tmp_path / "out" / f"{next(iter(SCENES))}_SWIR.tif").exists()


def test_qgis_process_reads_the_subsystem_files_and_crops_to_the_extent(qgis_process, tmp_path):
    write_scenes(tmp_path)
    scene = next(iter(SCENES))
    files = [f"INPUT={tmp_path / 'scenes' / f'{scene}-{s}.tif'}" for s in ("SWIR", "TIR")]
    extent = f"{X0 + 180},{X0 + 540},{Y0 - 540},{Y0 - 180} [EPSG:32611]"
    result = qgis_process(
        "run", "timestack:asterscene", "--", *files, "SUBSYSTEMS=1,2", "PRODUCTS=0,1", "GAINS=4:HGH",
        f"EXTENT={extent}", f"OUTPUT_FOLDER={tmp_path / 'crop'}",
    )  # fmt: skip
    assert result["results"]["FILES_WRITTEN"] == 2
    with rasterio.open(tmp_path / "crop" / f"{scene}_SWIR.tif") as src:
        assert src.shape == (12, 12) and src.res == (30.0, 30.0)
        assert float(src.read(1)[0, 0]) == pytest.approx(89 * 0.1087, rel=1e-5)  # band 4, high gain
    with rasterio.open(tmp_path / "crop" / f"{scene}_TIR.tif") as src:
        assert src.shape == (4, 4)


def test_qgis_process_reads_an_hdf_eos_granule_with_its_gains(qgis_process, tmp_path):
    pytest.importorskip("pyhdf")
    from tests.helpers.aster import write_aster_hdf

    scene, (when, temperature) = next(iter(SCENES.items()))
    dns = {
        "1": 101,
        "2": 101,
        "3N": 101,
        **{b: dn_for_radiance(planck(temperature, b), b) for b in SUBSYSTEMS["TIR"]},
    }
    granule = write_aster_hdf(tmp_path, scene, dns, when.date(), {"1": "HGH", "2": "NOR", "3N": "LO1"})
    result = qgis_process(
        "run", "timestack:asterscene", "--", f"INPUT={granule}", "SUBSYSTEMS=0,2", "PRODUCTS=0,1",
        f"OUTPUT_FOLDER={tmp_path / 'out'}",
    )  # fmt: skip
    assert result["results"]["FILES_WRITTEN"] == 2
    with rasterio.open(tmp_path / "out" / f"{scene}_VNIR.tif") as src:
        assert [float(src.read(i)[0, 0]) for i in (1, 2, 3)] == pytest.approx([67.6, 141.5, 115.0])
    with rasterio.open(tmp_path / "out" / f"{scene}_TIR.tif") as src:
        assert src.res == (90.0, 90.0)
        assert float(
            src.read(src.descriptions.index(f"{when.date().isoformat()}_aster_b13_bt") + 1).mean()
        ) == (pytest.approx(temperature, abs=0.15))

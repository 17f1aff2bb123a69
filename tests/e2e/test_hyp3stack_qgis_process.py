"""``timestack:hyp3stack`` through ``qgis_process``: HyP3 RTC zips and folders in ASF's layout become a
dated VV stack in dB with its product table; InSAR pairs keep both dates; the stack feeds a timescan."""

from __future__ import annotations

import csv

import numpy as np
import pytest
import rasterio

from tests.helpers.hyp3 import ORIGIN, rtc_granule, slc_granule, write_insar_product, write_rtc_product

DAYS = ("20210105", "20210117", "20210129")


def _rtc(root, day, value, *, as_zip):
    data = {pol: np.full((24, 20), value, dtype="float32") for pol in ("VV", "VH")}
    data["ls_map"] = np.ones((24, 20), dtype="uint8")
    return write_rtc_product(root, rtc_granule(f"{day}T161201"), data, as_zip=as_zip)


def test_qgis_process_stacks_rtc_products_in_db_and_timescan_reads_them(qgis_process, tmp_path):
    products = tmp_path / "products"
    first = _rtc(products, DAYS[0], 0.1, as_zip=True)
    _rtc(products, DAYS[1], 0.01, as_zip=False)
    _rtc(products, DAYS[2], 0.001, as_zip=True)
    result = qgis_process(
        "run", "timestack:hyp3stack", "--", f"INPUT={first}", f"FOLDER={products}", "LAYER=VV", "DB=true",
        f"OUTPUT={tmp_path / 'vv.tif'}", f"OUTPUT_METADATA={tmp_path / 'products.csv'}",
    )  # fmt: skip
    assert result["results"]["OUTPUT"] == str(tmp_path / "vv.tif")
    with rasterio.open(tmp_path / "vv.tif") as src:
        assert src.descriptions == ("2021-01-05_VV", "2021-01-17_VV", "2021-01-29_VV")
        np.testing.assert_allclose(src.read()[:, 4, 4], [-10, -20, -30], atol=1e-4)
        assert src.tags(1)["granule"] == rtc_granule("20210105T161201")
        assert src.tags(1)["dem_name"] == "GLO-30"
    rows = list(csv.DictReader((tmp_path / "products.csv").open()))
    assert [row["band"] for row in rows] == ["1", "2", "3"]
    assert rows[2]["granule"] == rtc_granule("20210129T161201")
    scan = qgis_process(
        "run", "timestack:timescan", "--", f"INPUT={tmp_path / 'vv.tif'}", "METRICS=avg", "SAR_DB=true",
        f"OUTPUT={tmp_path / 'scan.tif'}",
    )  # fmt: skip
    with rasterio.open(scan["results"]["OUTPUT"]) as src:
        assert src.descriptions == ("vv_avg",)
        # the mean of 0.1, 0.01 and 0.001 in power, in dB
        np.testing.assert_allclose(src.read(1)[4, 4], 10 * np.log10(0.111 / 3), atol=1e-4)
    qgis_process(
        "run", "timestack:exportcube", "--", f"INPUT={tmp_path / 'vv.tif'}", f"OUTPUT={tmp_path / 'cube.nc'}",
    )  # fmt: skip
    xarray = pytest.importorskip("xarray")
    with xarray.open_dataset(tmp_path / "cube.nc") as cube:
        assert cube["vv"].attrs["units"] == "dB"
        assert list(cube["granule"].values) == [rtc_granule(f"{day}T161201") for day in DAYS]
        assert cube.attrs["platform"] == "Sentinel-1A" and cube.attrs["instrument"] == "C-SAR"
        assert cube.attrs["source_products"].count("_RTC30_G_gpuned_") == 3


def test_qgis_process_keeps_both_dates_of_insar_pairs(qgis_process, tmp_path):
    for index, (first, second) in enumerate([("20200101", "20200113"), ("20200113", "20200125")]):
        reference, secondary = slc_granule(f"{first}T014523"), slc_granule(f"{second}T014524")
        layers = {
            "unw_phase": np.full((10, 10), 1.0 + index, "float32"),
            "corr": np.ones((10, 10), "float32"),
        }
        origin = (ORIGIN[0] + 80 * index, ORIGIN[1])
        write_insar_product(tmp_path / "pairs", reference, secondary, layers, origin=origin, as_zip=True)
    qgis_process(
        "run", "timestack:hyp3stack", "--", f"FOLDER={tmp_path / 'pairs'}", "LAYER=unw_phase", "COVERAGE=1",
        f"OUTPUT={tmp_path / 'unw.tif'}",
    )  # fmt: skip
    with rasterio.open(tmp_path / "unw.tif") as src:
        assert src.descriptions == ("2020-01-01_2020-01-13_unw_phase", "2020-01-13_2020-01-25_unw_phase")
        assert src.width == 9
        np.testing.assert_allclose(src.read()[:, 0, 0], [1.0, 2.0])
        assert src.tags(2)["secondary_granule"] == slc_granule("20200125T014524")
    qgis_process(
        "run", "timestack:exportcube", "--", f"INPUT={tmp_path / 'unw.tif'}",
        f"OUTPUT={tmp_path / 'pairs.nc'}",
    )  # fmt: skip
    xarray = pytest.importorskip("xarray")
    with xarray.open_dataset(tmp_path / "pairs.nc") as cube:
        assert list(cube.data_vars) == ["unw_phase"] and cube["unw_phase"].attrs["units"] == "rad"
        assert [str(t)[:10] for t in cube["time"].values] == ["2020-01-01", "2020-01-13"]
        assert [t[:10] for t in cube["secondary_start_time"].values] == ["2020-01-13", "2020-01-25"]
        assert list(cube["reference_granule"].values) == [
            slc_granule("20200101T014523"),
            slc_granule("20200113T014523"),
        ]
        assert "interferogram" in cube.attrs["processing_level"]

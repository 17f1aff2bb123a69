"""``timestack:exportcube`` and ``timestack:animation`` through ``qgis_process``: two stacks in different
UTM zones become one Zarr cube in the predominant zone that xarray and GDAL read back; a bad input is a
non-zero exit naming INPUT with nothing written; an annual stack becomes a GIF of its years."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal
from PIL import Image
from rasterio.transform import from_origin

from tests.helpers.rasters import write_stack

xarray = pytest.importorskip("xarray")


def test_qgis_process_writes_a_cube_in_the_predominant_utm_zone(qgis_process, tmp_path):
    dates = ["2021-06-01_vv", "2021-06-13_vv"]
    a = write_stack(tmp_path / "a.tif", np.full((2, 10, 12), 0.05, "float32"), dates, nodata=np.nan,
                    transform=from_origin(700000, 5000000, 20, 20))  # fmt: skip
    b = write_stack(tmp_path / "b.tif", np.full((2, 10, 12), 0.07, "float32"), dates, nodata=np.nan,
                    transform=from_origin(700240, 5000000, 20, 20))  # fmt: skip
    c = write_stack(tmp_path / "c.tif", np.full((2, 10, 12), 0.09, "float32"), dates, nodata=np.nan,
                    crs="EPSG:32634", transform=from_origin(270000, 5000000, 20, 20))  # fmt: skip
    answer = qgis_process(
        "run", "timestack:exportcube", "--", f"INPUT={a}", f"INPUT={b}", f"INPUT={c}", "CHUNKING=2",
        "CHUNK_MB=0.01", f"OUTPUT={tmp_path / 'vv.zarr'}",
    )  # fmt: skip
    assert answer["results"]["GROUPS"] == "temporal,spatial"
    for group in ("temporal", "spatial"):
        ds = xarray.open_zarr(tmp_path / "vv.zarr", group=group)
        assert ds.vv.attrs["units"] == "linear" and ds.time.size == 2
        first = ds.vv.values[0].astype("float64")
        assert set(np.round(np.unique(first[np.isfinite(first)]), 6)) == {0.05, 0.07, 0.09}  # c warped in
        dataset = gdal.Open(f'ZARR:"{tmp_path / "vv.zarr"}":/{group}/vv:1')
        assert dataset.GetSpatialRef().GetAuthorityCode(None) == "32633"
        assert dataset.GetGeoTransform()[1] == 20.0 and dataset.GetGeoTransform()[5] == -20.0
    mixed = write_stack(tmp_path / "db.tif", np.full((1, 10, 12), -13.0, "float32"), ["2021-06-01_vh_db"],
                        transform=from_origin(700000, 5000000, 20, 20))  # fmt: skip
    refused = qgis_process(
        "run", "timestack:exportcube", "--", f"INPUT={a}", f"INPUT={mixed}", f"OUTPUT={tmp_path / 'bad.nc'}",
        check=False, json_output=False,
    )  # fmt: skip
    assert (
        refused.returncode != 0
        and "INPUT: vh_db is in dB but vv is linear power" in refused.stdout + refused.stderr
    )
    assert not list(tmp_path.glob("*bad*"))


def test_qgis_process_animates_an_annual_stack(qgis_process, tmp_path):
    years = range(2015, 2021)
    data = np.stack([np.full((30, 40), 100 * i, "int16") for i in range(len(years))])
    stack = write_stack(tmp_path / "nbr.tif", data, [f"{y}_nbr" for y in years])
    answer = qgis_process(
        "run", "timestack:animation", "--", f"INPUT={stack}", "STRETCH=0,100", "FRAME_MS=250",
        f"OUTPUT={tmp_path / 'nbr.gif'}",
    )  # fmt: skip
    assert answer["results"]["FRAMES"] == len(years)
    with Image.open(tmp_path / "nbr.gif") as gif:
        assert gif.n_frames == len(years) and gif.info["duration"] == 250
        first = np.asarray(gif.convert("RGB"))[-5, -5]
        gif.seek(len(years) - 1)
        last = np.asarray(gif.convert("RGB"))[-5, -5]
    assert first.sum() == 0 and last.sum() == 3 * 255  # ends of the stack-wide gray stretch

"""``timestack:timescan`` through ``qgis_process`` on stacks the archive does not have: a geographic grid
of odd size, per-date (YYYY-MM-DD and YYYYMMDD) descriptions, gaps, an int16 dB stack with nodata, and
bad metrics and undated bands reported by parameter name with nothing written."""

from __future__ import annotations

import datetime as dt

import numpy as np
import rasterio
from rasterio.transform import from_origin

from tests.helpers.rasters import write_stack
from tests.servers.dask_cluster import dask_cluster_fixture  # noqa: F401
from timestack.core.timescan.metrics import timescan

RNG = np.random.default_rng(7)
GEOGRAPHIC = from_origin(-71.3, 44.2, 0.00027, 0.00027)


def dates(n: int) -> list:
    return [
        dt.date(2019, 1, 3) + dt.timedelta(days=int(d)) for d in np.sort(RNG.choice(1500, n, replace=False))
    ]


def test_qgis_process_writes_the_timescan_of_a_per_date_stack(qgis_process, tmp_path):
    when = dates(17)
    vv = RNG.normal(-11, 2.5, (17, 61, 43))
    vv[RNG.random(vv.shape) < 0.2] = np.nan
    descriptions = [f"{d.isoformat()}_VV" for d in when]
    stack = write_stack(
        tmp_path / "vv.tif", np.where(np.isnan(vv), -9999, vv).astype("float32"), descriptions,
        crs="EPSG:4326", nodata=-9999, transform=GEOGRAPHIC,
    )  # fmt: skip
    result = qgis_process(
        "run", "timestack:timescan", "--", f"INPUT={stack}", "METRICS=avg,p90,count,harmonics",
        "SAR_DB=true", "OUTLIERS=true", f"OUTPUT={tmp_path / 'scan.tif'}",
    )  # fmt: skip
    assert result["results"]["OUTPUT"] == str(tmp_path / "scan.tif")
    with rasterio.open(tmp_path / "scan.tif") as src:
        assert src.descriptions[:3] == ("vv_avg", "vv_p90", "vv_count")
        assert src.crs.to_epsg() == 4326 and src.transform == GEOGRAPHIC
        written = src.read()
    as_read = vv.astype("float32").astype("float64")
    expected = timescan(as_read, when, ["avg", "p90", "count", "harmonics"], sar_db=True, outliers=True)
    np.testing.assert_allclose(written, expected.astype("float32"), rtol=1e-6, equal_nan=True)


def test_qgis_process_names_bad_metrics_and_undated_bands_and_writes_nothing(qgis_process, tmp_path):
    data = RNG.normal(size=(3, 5, 5)).astype("float32")
    dated = write_stack(tmp_path / "dated.tif", data, ["20200101_ndvi", "20200301_ndvi", "20200501_ndvi"])
    bad = qgis_process(
        "run", "timestack:timescan", "--", f"INPUT={dated}", "METRICS=avg,p150",
        f"OUTPUT={tmp_path / 'a.tif'}", json_output=False, check=False,
    )  # fmt: skip
    assert bad.returncode != 0 and "METRICS" in bad.stdout + bad.stderr
    undated = write_stack(tmp_path / "undated.tif", data, ["2020_ndvi", "", "2022_ndvi"])
    bad = qgis_process(
        "run", "timestack:timescan", "--", f"INPUT={undated}", f"OUTPUT={tmp_path / 'b.tif'}",
        json_output=False, check=False,
    )  # fmt: skip
    assert bad.returncode != 0 and "INPUT: band 2" in bad.stdout + bad.stderr
    # QGIS may leave its statistics sidecar beside an input it opened; no output, no temporary
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".aux.xml")) == [
        "dated.tif",
        "undated.tif",
    ]


def test_qgis_process_runs_the_timescan_on_a_dask_cluster_to_the_local_result(
    qgis_process, dask_cluster, tmp_path
):
    address, _ = dask_cluster
    when = dates(9)
    values = RNG.normal(0.4, 0.1, (9, 70, 90)).astype("float32")
    stack = write_stack(tmp_path / "ndvi.tif", values, [f"{d.isoformat()}_ndvi" for d in when])
    result = qgis_process(
        "run", "timestack:timescan", "--", f"INPUT={stack}", "METRICS=avg,std,p90",
        f"DASK_SCHEDULER={address}", f"OUTPUT={tmp_path / 'scan.tif'}",
    )  # fmt: skip
    with rasterio.open(result["results"]["OUTPUT"]) as src:
        written = src.read()
    expected = timescan(values.astype("float64"), when, ["avg", "std", "p90"])
    np.testing.assert_allclose(written, expected.astype("float32"), rtol=1e-6)


def test_qgis_process_runs_a_tiled_timescan_to_a_mosaic_of_the_whole_result(qgis_process, tmp_path):
    when = dates(6)
    values = RNG.normal(0.5, 0.2, (6, 45, 61)).astype("float32")
    stack = write_stack(tmp_path / "ndvi.tif", values, [f"{d.isoformat()}_ndvi" for d in when])
    result = qgis_process(
        "run", "timestack:timescan", "--", f"INPUT={stack}", "METRICS=median,cov", "TILE_SIZE=20",
        f"TILES_FOLDER={tmp_path / 'tiles'}", f"OUTPUT={tmp_path / 'ignored.tif'}",
    )  # fmt: skip
    assert result["results"]["OUTPUT"] == str(tmp_path / "tiles" / "timescan.vrt")
    with rasterio.open(result["results"]["OUTPUT"]) as src:
        np.testing.assert_allclose(
            src.read(),
            timescan(values.astype("float64"), when, ["median", "cov"]).astype("float32"),
            rtol=1e-6,
        )
    assert not (tmp_path / "ignored.tif").exists()

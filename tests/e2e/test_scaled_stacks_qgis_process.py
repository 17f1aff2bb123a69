"""``timestack:landtrendr``, ``timestack:timescan`` and ``timestack:resample`` through ``qgis_process`` on
int16 stacks whose bands carry GDAL scale/offset tags (NBR and NDVI × 0.0001, Landsat Collection 2
surface reflectance × 2.75e-05 - 0.2): the outputs are those of the same values stored as floats, in
physical units (float32, no tag), and the change map's MAG is in those units too."""

from __future__ import annotations

import datetime as dt

import numpy as np
import rasterio

from tests.helpers.landtrendr import YEARS, synthetic_cubes
from tests.helpers.rasters import NODATA, write_stack, write_tagged_pair
from timestack.core.landtrendr.fit import LandTrendrOutputs, LandTrendrParams, run_landtrendr_raster
from timestack.core.timescan.raster import run_timescan_raster
from timestack.core.timescan.resample import resample_stack

NDVI_SCALE = 0.0001
SR_SCALE, SR_OFFSET = 2.75e-05, -0.2


def read(path) -> tuple[np.ndarray, tuple, tuple, tuple]:
    with rasterio.open(path) as src:
        return src.read(), src.dtypes, src.scales, src.offsets


def assert_physical_outputs(got_path, want_path) -> None:
    got, dtypes, scales, offsets = read(got_path)
    assert set(dtypes) == {"float32"} and set(scales) == {1.0} and set(offsets) == {0.0}
    np.testing.assert_array_equal(got, read(want_path)[0])


def test_qgis_process_fits_and_maps_a_tagged_int16_stack_in_physical_units(qgis_process, tmp_path):
    nbr, swir1, truth = synthetic_cubes()
    stored = np.concatenate([np.rint(nbr / NDVI_SCALE), np.rint((swir1 - SR_OFFSET) / SR_SCALE)])
    stored = np.where(np.isnan(stored), NODATA, stored).astype("int16")
    descriptions = [f"{year}_nbr" for year in YEARS] + [f"{year}_swir1" for year in YEARS]
    n = len(YEARS)
    scales, offsets = [NDVI_SCALE] * n + [SR_SCALE] * n, [0.0] * n + [SR_OFFSET] * n
    tagged, physical = write_tagged_pair(tmp_path, stored, descriptions, scales, offsets)
    qgis_process(
        "run", "timestack:landtrendr", "--", f"INPUT={tagged}", "INDEX=nbr", "MAX_SEGMENTS=4",
        "FIT_BANDS=swir1", f"OUTPUT_FTV={tmp_path / 'ftv'}", f"OUTPUT_SEGMENTS={tmp_path / 'segments.tif'}",
        f"OUTPUT_FITTED={tmp_path / 'fitted.tif'}",
    )  # fmt: skip
    (tmp_path / "expected").mkdir()
    expected = LandTrendrOutputs(
        fitted=tmp_path / "expected" / "fitted.tif", segments=tmp_path / "expected" / "segments.tif",
        ftv={"swir1": tmp_path / "expected" / "ftv_swir1.tif"},
    )  # fmt: skip
    run_landtrendr_raster(physical, "nbr", expected, LandTrendrParams(maxSegments=4), -1, fit_bands=["swir1"])
    assert_physical_outputs(tmp_path / "fitted.tif", expected.fitted)
    assert_physical_outputs(tmp_path / "segments.tif", expected.segments)
    assert_physical_outputs(tmp_path / "ftv" / "ftv_swir1.tif", expected.ftv["swir1"])
    mapped = qgis_process(
        "run", "timestack:changemap", "--", f"INPUT={tmp_path / 'segments.tif'}", "MAG=0.2", "SORT=0",
        f"OUTPUT={tmp_path / 'change.tif'}",
    )  # fmt: skip
    with rasterio.open(tmp_path / "change.tif") as src:
        yod = src.read(1)
    assert mapped["results"]["CHANGED_PIXELS"] == np.count_nonzero(truth > 0)  # MAG 0.2 is 0.2 NBR
    assert np.array_equal(yod[truth > 0], truth[truth > 0]) and np.isnan(yod[truth == 0]).all()


def dated_ndvi(folder):
    """Tagged int16 NDVI (×0.0001) on 12 dates of 2021 and the same values as floats; some missing."""
    rng = np.random.default_rng(11)
    dates = [dt.date(2021, 1, 10) + dt.timedelta(days=30 * k) for k in range(12)]
    stored = np.rint(rng.uniform(0.05, 0.9, (len(dates), 9, 11)) / NDVI_SCALE)
    stored[rng.random(stored.shape) < 0.15] = NODATA
    descriptions = [f"{day:%Y%m%d}_ndvi" for day in dates]
    return write_tagged_pair(folder, stored.astype("int16"), descriptions, [NDVI_SCALE], [0.0])


def test_qgis_process_timescan_of_a_tagged_stack_is_in_physical_units(qgis_process, tmp_path):
    tagged, physical = dated_ndvi(tmp_path)
    qgis_process(
        "run", "timestack:timescan", "--", f"INPUT={tagged}", "METRICS=avg,min,max,std,p90,count",
        f"OUTPUT={tmp_path / 'scan.tif'}",
    )  # fmt: skip
    run_timescan_raster(
        physical, tmp_path / "expected.tif", ["avg", "min", "max", "std", "p90", "count"], name="tagged"
    )
    assert_physical_outputs(tmp_path / "scan.tif", tmp_path / "expected.tif")
    assert np.nanmax(read(tmp_path / "scan.tif")[0][2]) <= 0.9  # max NDVI, not stored ×10000


def test_qgis_process_resample_of_a_tagged_stack_is_in_physical_units(qgis_process, tmp_path):
    tagged, physical = dated_ndvi(tmp_path)
    result = qgis_process(
        "run", "timestack:resample", "--", f"INPUT={tagged}", "PERIOD=1", "STATISTIC=1",
        f"OUTPUT={tmp_path / 'seasons.tif'}",
    )  # fmt: skip
    expected = resample_stack(physical, tmp_path / "expected.tif", "seasonal", "median")
    assert result["results"]["EMPTY_PERIODS"] == 0
    assert_physical_outputs(tmp_path / "seasons.tif", expected.path)


def test_qgis_process_warns_that_idl_truncation_would_flatten_tagged_values(qgis_process, tmp_path):
    nbr, _, _ = synthetic_cubes()
    stored = np.where(np.isnan(nbr), NODATA, np.rint(nbr / NDVI_SCALE)).astype("int16")
    untagged = write_stack(tmp_path / "stored.tif", stored, [f"{year}_nbr" for year in YEARS])
    tagged, _ = write_tagged_pair(tmp_path, stored, [f"{year}_nbr" for year in YEARS], [NDVI_SCALE], [0.0])
    said = {}
    for name, stack in (("tagged", tagged), ("untagged", untagged)):
        done = qgis_process(
            "run", "timestack:landtrendr", "--", f"INPUT={stack}", "INDEX=nbr", "FLAVOR=1",
            f"OUTPUT_RMSE={tmp_path / f'{name}_rmse.tif'}", json_output=False,
        )  # fmt: skip
        said[name] = done.stdout + done.stderr
    assert "FLAVOR: idl truncates fitted values to whole numbers" in said["tagged"]
    assert "nbr bands make them physical values" in said["tagged"]
    assert "FLAVOR: idl" not in said["untagged"]  # stored ×10000 without tags: what idl wants

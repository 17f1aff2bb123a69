"""``timestack:resample`` through ``qgis_process``: an irregular per-date stack (YYYYMMDD descriptions,
gaps, months without acquisitions) to monthly means and seasonal counts, empty periods reported."""

from __future__ import annotations

import datetime as dt

import numpy as np
import rasterio

from tests.helpers.rasters import write_stack

DATES = [
    dt.date(2021, 1, 5),
    dt.date(2021, 1, 21),
    dt.date(2021, 4, 2),
    dt.date(2021, 4, 18),
    dt.date(2021, 7, 1),
]


def test_qgis_process_resamples_to_months_and_seasons_keeping_empty_periods(qgis_process, tmp_path):
    values = np.stack([np.full((11, 13), float(i + 1)) for i in range(len(DATES))])
    values[1, 3, 4] = np.nan
    data = np.where(np.isnan(values), -9999, values).astype("float32")
    stack = write_stack(tmp_path / "ndvi.tif", data, [f"{d:%Y%m%d}_ndvi" for d in DATES], nodata=-9999)
    monthly = qgis_process(
        "run", "timestack:resample", "--", f"INPUT={stack}", "PERIOD=0", "STATISTIC=0",
        f"OUTPUT={tmp_path / 'monthly.tif'}",
    )  # fmt: skip
    assert monthly["results"]["EMPTY_PERIODS"] == 4  # February, March, May, June 2021
    with rasterio.open(tmp_path / "monthly.tif") as src:
        assert src.count == 7 and src.descriptions[0] == "2021-01-01_ndvi"
        january, february, april = src.read(1), src.read(2), src.read(4)
    assert january[0, 0] == 1.5 and january[3, 4] == 1.0 and np.isnan(february).all() and april[0, 0] == 3.5
    qgis_process(
        "run", "timestack:resample", "--", f"INPUT={stack}", "PERIOD=1", "STATISTIC=4",
        f"OUTPUT={tmp_path / 'seasons.tif'}",
    )  # fmt: skip
    with rasterio.open(tmp_path / "seasons.tif") as src:
        assert src.descriptions == ("2020-12-01_ndvi", "2021-03-01_ndvi", "2021-06-01_ndvi")
        counts = src.read()
    assert counts[:, 0, 0].tolist() == [2, 2, 1] and counts[0, 3, 4] == 1


def test_qgis_process_counts_a_month_whose_scenes_are_all_nodata_as_empty(qgis_process, tmp_path):
    """April's two scenes are nodata everywhere (a cloud mask took them): April is as empty as February,
    March, May and June, which have no scene — five empty periods, each nodata (count 0) at every pixel."""
    values = np.stack([np.full((11, 13), float(i + 1)) for i in range(len(DATES))])
    values[2:4] = -9999  # 2 and 18 April
    values[0, 5, 6] = values[1, 5, 6] = -9999  # both January scenes miss one pixel
    stack = write_stack(tmp_path / "ndvi.tif", values.astype("float32"), [f"{d:%Y%m%d}_ndvi" for d in DATES],
                        nodata=-9999)  # fmt: skip
    counted = qgis_process(
        "run", "timestack:resample", "--", f"INPUT={stack}", "PERIOD=0", "STATISTIC=4",
        f"OUTPUT={tmp_path / 'counts.tif'}",
    )  # fmt: skip
    assert counted["results"]["EMPTY_PERIODS"] == 5  # February, March, April, May, June 2021
    with rasterio.open(tmp_path / "counts.tif") as src:
        counts = src.read()
    assert (counts[3] == 0).all() and (counts[3] == counts[1]).all()  # April as February
    assert counts[0, 5, 6] == 0 and counts[0, 0, 0] == 2  # January, at the pixel both scenes miss
    averaged = qgis_process(
        "run", "timestack:resample", "--", f"INPUT={stack}", "PERIOD=0", "STATISTIC=0",
        f"OUTPUT={tmp_path / 'means.tif'}",
    )  # fmt: skip
    assert averaged["results"]["EMPTY_PERIODS"] == 5
    with rasterio.open(tmp_path / "means.tif") as src:
        april, january = src.read(4), src.read(1)
    assert np.isnan(april).all() and np.isnan(january[5, 6]) and january[0, 0] == 1.5

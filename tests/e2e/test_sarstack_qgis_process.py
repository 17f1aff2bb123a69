"""OpenSARToolkit's time-series steps through ``qgis_process``: Sentinel-1 RTC scenes of an ascending
and a descending track become one dB stack per track (speckle-filtered), each track gets its timescan
(SAR_DB: statistics on linear power, reported in dB), the timescans are mosaicked across tracks, and one
track becomes an animation."""

from __future__ import annotations

import numpy as np
import rasterio
from PIL import Image

from tests.helpers.sentinel1 import RES, SIZE, X0, Y0, write_items, write_rtc_scene

ASCENDING = ("2023-06-04T17:24:10Z", "2023-06-16T17:24:11Z", "2023-06-28T17:24:11Z", "2023-07-10T17:24:12Z")
DESCENDING = ("2023-06-09T05:50:30Z", "2023-06-21T05:50:31Z", "2023-07-03T05:50:31Z")
#: The ascending track sees the west two thirds of the grid, the descending one the east two thirds.
WIDTH = 2 * SIZE // 3
WEST = (X0, Y0 - SIZE * RES, X0 + WIDTH * RES, Y0)
EAST = (X0 + (SIZE - WIDTH) * RES, Y0 - SIZE * RES, X0 + SIZE * RES, Y0)


def test_stacks_per_track_timescans_mosaic_and_animation(qgis_process, tmp_path):
    rng = np.random.default_rng(13)
    items = []
    for dates, orbit, state, bounds, level in (
        (ASCENDING, 88, "ascending", WEST, 0.12),
        (DESCENDING, 37, "descending", EAST, 0.06),
    ):
        for when in dates:
            power = {
                p: rng.gamma(4.4, lv / 4.4, (SIZE, WIDTH)) for p, lv in (("VV", level), ("VH", level / 5))
            }
            items.append(write_rtc_scene(tmp_path / "scenes", when, orbit, state, power, bounds=bounds))
    write_items(tmp_path / "items.json", items)
    stacks = tmp_path / "stacks"
    result = qgis_process(
        "run", "timestack:sarstack", "--", f"ITEMS={tmp_path / 'items.json'}", f"RESOLUTION={RES}", "DB=true",
        "RATIO=true", "SPECKLE_FILTER=1", "SPECKLE_WINDOW=5", f"OUTPUT_FOLDER={stacks}",
    )  # fmt: skip
    assert result["results"]["TRACKS"] == "ASCENDING_088,DESCENDING_037"
    assert result["results"]["OUTPUT_CRS"] == "EPSG:32631"
    with rasterio.open(stacks / "ASCENDING_088.tif") as src:
        assert src.descriptions[:3] == ("2023-06-04_VV", "2023-06-04_VH", "2023-06-04_VVVH")
        assert src.count == 3 * len(ASCENDING)
        ascending_vv = src.read(1, masked=True)
    # dB of the ascending level (10 log10 0.12 = -9.2 dB) on its side, nodata on the east third
    assert abs(float(ascending_vv[:, : WIDTH - 3].mean()) - 10 * np.log10(0.12)) < 0.5
    assert ascending_vv[:, WIDTH:].mask.all()

    scans = tmp_path / "timescans"
    for track in ("ASCENDING_088", "DESCENDING_037"):
        qgis_process(
            "run", "timestack:timescan", "--", f"INPUT={stacks / (track + '.tif')}", "METRICS=avg,std,count",
            "SAR_DB=true", f"OUTPUT={scans / (track + '.tif')}",
        )  # fmt: skip
    with rasterio.open(scans / "ASCENDING_088.tif") as src:
        names = list(src.descriptions)
        ascending = dict(zip(names, src.read(masked=True)))
    with rasterio.open(scans / "DESCENDING_037.tif") as src:
        descending = dict(zip(src.descriptions, src.read(masked=True)))
    assert names[:3] == ["vv_avg", "vv_std", "vv_count"]
    assert (ascending["vv_count"][:, :WIDTH] == len(ASCENDING)).all()
    assert abs(float(descending["vv_avg"][:, SIZE - WIDTH + 3 :].mean()) - 10 * np.log10(0.06)) < 0.5

    mosaic = qgis_process(
        "run", "timestack:mosaic", "--", f"INPUT={scans}", "GROUP_BY=2",
        f"OUTPUT_FOLDER={tmp_path / 'mosaic'}",
    )  # fmt: skip
    (vrt,) = mosaic["results"]["OUTPUT_LAYERS"]
    with rasterio.open(vrt) as src:
        assert list(src.descriptions) == names
        mosaicked = dict(zip(names, src.read(masked=True)))
    # every pixel is covered by one track or the other; each side keeps its own track's timescan
    assert not mosaicked["vv_avg"].mask.any()
    west_only, east_only = slice(0, SIZE - WIDTH), slice(WIDTH, SIZE)
    np.testing.assert_allclose(mosaicked["vv_avg"][:, west_only], ascending["vv_avg"][:, west_only])
    np.testing.assert_allclose(mosaicked["vv_avg"][:, east_only], descending["vv_avg"][:, east_only])

    animation = qgis_process(
        "run", "timestack:animation", "--", f"INPUT={stacks / 'ASCENDING_088.tif'}", "BANDS=VV",
        f"OUTPUT={tmp_path / 'ascending.gif'}",
    )  # fmt: skip
    assert animation["results"]["FRAMES"] == len(ASCENDING)
    with Image.open(tmp_path / "ascending.gif") as gif:
        assert gif.n_frames == len(ASCENDING)

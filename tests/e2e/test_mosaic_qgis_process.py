"""``timestack:mosaic`` through ``qgis_process``: a folder of tiles (in subfolders) to per-year VRTs."""

from __future__ import annotations

import numpy as np
import rasterio
from rasterio.transform import from_origin

from tests.helpers.rasters import write_stack


def test_qgis_process_mosaics_a_folder_of_tiles_per_year(qgis_process, tmp_path):
    whole = np.arange(4 * 30 * 40, dtype="float32").reshape(4, 30, 40)
    descriptions = ["2010_nbr", "2010_tcw", "2011_nbr", "2011_tcw"]
    for name, col in (("a", 0), ("b", 25)):
        (tmp_path / "tiles" / name).mkdir(parents=True)
        transform = from_origin(300000 + col * 30, 4000000, 30, 30)
        data = whole[:, :, col : col + (25 if name == "a" else 15)]
        write_stack(tmp_path / "tiles" / name / "stack.tif", data, descriptions, transform=transform)
    result = qgis_process(
        "run", "timestack:mosaic", "--", f"INPUT={tmp_path / 'tiles'}", "GROUP_BY=0",
        f"OUTPUT_FOLDER={tmp_path / 'mosaics'}",
    )  # fmt: skip
    assert sorted(result["results"]["OUTPUT_LAYERS"]) == [
        str(tmp_path / "mosaics" / f"{y}.vrt") for y in (2010, 2011)
    ]
    with rasterio.open(tmp_path / "mosaics" / "2011.vrt") as src:
        assert src.descriptions == ("2011_nbr", "2011_tcw")
        np.testing.assert_array_equal(src.read(), whole[2:])

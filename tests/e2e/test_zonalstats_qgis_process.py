"""``timestack:zonalstats`` from the command line (qgis_process) with the built plugin: the same table
as the core, and a bad parameter reported by name with no CSV left behind."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tests.helpers.rasters import NODATA, write_stack
from tests.helpers.zonal import pixel_ring, standard_features, write_polygons

CONTRACT = {"POLYGONS", "ID_FIELD", "INPUT", "ITEMS", "BANDS", "INDICES", "STATS", "COMPILE"}


def inputs(folder):
    rng = np.random.default_rng(5)
    data = rng.uniform(0.0, 1.0, size=(3, 20, 20)).astype("float32")
    data[1, 4:9, 2:6] = NODATA
    stack = write_stack(folder / "stack.tif", data, ["2001_nbr", "2002_nbr", "2003_nbr"])
    return stack, write_polygons(folder / "stands.gpkg", standard_features())


def test_qgis_process_describes_the_contract_parameters(qgis_process):
    described = qgis_process("help", "timestack:zonalstats")
    assert CONTRACT <= set(described["parameters"])
    assert "OUTPUT" in described["outputs"]


def test_qgis_process_writes_the_core_table(qgis_process, tmp_path):
    from timestack.core.zonal.statistics import read_polygons, zonal_statistics

    stack, stands = inputs(tmp_path)
    output = tmp_path / "stats.csv"
    qgis_process(
        "run", "timestack:zonalstats", "--", f"POLYGONS={stands}", "ID_FIELD=stand_id",
        f"INPUT={stack}", "STATS=0,5,6", f"OUTPUT={output}",
    )  # fmt: skip
    statistics = ["mean", "count", "valid_fraction"]
    expected = zonal_statistics([stack], read_polygons(stands, "stand_id"), statistics)
    pd.testing.assert_frame_equal(pd.read_csv(output), expected, check_dtype=False, rtol=1e-9)


def test_qgis_process_names_the_bad_parameter_and_writes_nothing(qgis_process, tmp_path):
    stack, stands = inputs(tmp_path)
    output = tmp_path / "stats.csv"
    done = qgis_process(
        "run", "timestack:zonalstats", "--", f"POLYGONS={stands}", "ID_FIELD=stand_id",
        f"INPUT={stack}", "PERCENTILES=150", f"OUTPUT={output}", json_output=False, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "PERCENTILES" in done.stdout + done.stderr
    assert not output.exists()


def test_qgis_process_measures_concave_and_holed_polygons_like_a_clean_process(qgis_process, tmp_path):
    """qgis_process holds the system GEOS globally; exactextract's interior flood fill crashed there."""
    from timestack.core.zonal.statistics import read_polygons, zonal_statistics

    stack, _ = inputs(tmp_path)
    concave = pixel_ring([(1, 1), (14, 2), (9, 8), (18, 17), (3, 14)])
    triangle = pixel_ring([(2, 2), (18, 2), (10, 18)])
    hole = pixel_ring([(8, 5), (12, 5), (10, 10)])
    path = write_polygons(
        tmp_path / "irregular.gpkg", [(1, f"POLYGON({concave})"), (2, f"POLYGON({triangle},{hole})")]
    )
    output = tmp_path / "irregular.csv"
    qgis_process(
        "run", "timestack:zonalstats", "--", f"POLYGONS={path}", "ID_FIELD=stand_id",
        f"INPUT={stack}", "STATS=0", f"OUTPUT={output}",
    )  # fmt: skip
    expected = zonal_statistics([stack], read_polygons(path, "stand_id"), ["mean"])
    pd.testing.assert_frame_equal(pd.read_csv(output), expected, check_dtype=False, rtol=1e-9)

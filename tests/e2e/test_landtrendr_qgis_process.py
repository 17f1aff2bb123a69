"""``timestack:landtrendr`` then ``timestack:changemap`` from the command line (qgis_process) with the
built plugin, on a stack with known disturbances; and a bad parameter reported by name."""

from __future__ import annotations

import numpy as np
import rasterio

from tests.helpers.landtrendr import synthetic_cubes, write_series_stack

LANDTRENDR_PARAMETERS = {
    "INPUT", "INDEX", "FIT_BANDS", "MAX_SEGMENTS", "SPIKE_THRESHOLD", "VERTEX_COUNT_OVERSHOOT",
    "PREVENT_ONE_YEAR_RECOVERY", "RECOVERY_THRESHOLD", "PVAL_THRESHOLD", "BEST_MODEL_PROPORTION",
    "MIN_OBSERVATIONS_NEEDED", "FLAVOR", "ENGINE", "DIRECTION",
}  # fmt: skip
LANDTRENDR_OUTPUTS = {"OUTPUT_VERTICES", "OUTPUT_FITTED", "OUTPUT_FTV", "OUTPUT_RMSE", "OUTPUT_SEGMENTS"}


def test_qgis_process_describes_the_contract_parameters(qgis_process):
    landtrendr = qgis_process("help", "timestack:landtrendr")
    assert LANDTRENDR_PARAMETERS <= set(landtrendr["parameters"])
    assert LANDTRENDR_OUTPUTS <= set(landtrendr["outputs"])
    changemap = qgis_process("help", "timestack:changemap")
    assert {
        "INPUT",
        "DIRECTION",
        "SORT",
        "START_YEAR",
        "END_YEAR",
        "MAG",
        "DSNR",
        "DUR",
        "PREVAL",
        "MMU",
    } <= set(changemap["parameters"])
    assert {"OUTPUT", "OUTPUT_EVENTS"} <= set(changemap["outputs"])


def test_qgis_process_fits_and_maps_the_known_disturbances(qgis_process, tmp_path):
    nbr, swir1, truth = synthetic_cubes()
    stack = write_series_stack(tmp_path / "stack.tif", {"nbr": nbr, "swir1": swir1})
    fitted = qgis_process(
        "run", "timestack:landtrendr", "--", f"INPUT={stack}", "INDEX=NBR", "MAX_SEGMENTS=4",
        "FIT_BANDS=swir1", f"OUTPUT_FTV={tmp_path / 'ftv'}", f"OUTPUT_SEGMENTS={tmp_path / 'segments.tif'}",
        f"OUTPUT_FITTED={tmp_path / 'fitted.tif'}",
    )  # fmt: skip
    assert fitted["results"]["OUTPUT_SEGMENTS"] == str(tmp_path / "segments.tif")
    assert (tmp_path / "ftv" / "ftv_swir1.tif").is_file()
    qgis_process(
        "run", "timestack:changemap", "--", f"INPUT={tmp_path / 'segments.tif'}", "MAG=0.2", "SORT=0",
        f"OUTPUT={tmp_path / 'change.tif'}", f"OUTPUT_EVENTS={tmp_path / 'events.tif'}",
    )  # fmt: skip
    with rasterio.open(tmp_path / "change.tif") as src:
        yod = src.read(1)
    assert np.array_equal(yod[truth > 0], truth[truth > 0])
    assert np.isnan(yod[truth == 0]).all()
    assert (tmp_path / "events.tif").is_file()


def test_qgis_process_names_the_bad_parameter(qgis_process, tmp_path):
    nbr, _, _ = synthetic_cubes()
    stack = write_series_stack(tmp_path / "stack.tif", {"nbr": nbr})
    done = qgis_process(
        "run", "timestack:landtrendr", "--", f"INPUT={stack}", "MAX_SEGMENTS=0",
        f"OUTPUT_SEGMENTS={tmp_path / 'segments.tif'}", json_output=False, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "MAX_SEGMENTS" in done.stdout + done.stderr
    assert not (tmp_path / "segments.tif").exists()

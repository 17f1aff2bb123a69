"""``timestack:landtrendr`` (FLAVOR idl) through ``qgis_process`` under each of the nine recorded IDL
parameter sets, on a geographic grid with non-square pixels: the vertex years and fit IDL computed.

One stack per parameter set, holding the set's recorded series that share the most common year
range (the in-process Processing test covers every series); the parameter values reach the engine
as a user types them on the command line.
"""

from __future__ import annotations

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

from tests.helpers.landtrendr import (
    case_id,
    matches,
    series_params,
    series_values,
    stacks_of,
)
from tests.helpers.rasters import write_stack
from timestack.core.landtrendr.fit import LandTrendrParams

WIDTH, HEIGHT = 7, 5
COMMAND_LINE = {
    "maxSegments": "MAX_SEGMENTS",
    "spikeThreshold": "SPIKE_THRESHOLD",
    "vertexCountOvershoot": "VERTEX_COUNT_OVERSHOOT",
    "recoveryThreshold": "RECOVERY_THRESHOLD",
    "pvalThreshold": "PVAL_THRESHOLD",
    "bestModelProportion": "BEST_MODEL_PROPORTION",
    "minObservationsNeeded": "MIN_OBSERVATIONS_NEEDED",
}


def largest_group(param_set: str) -> tuple[list[int], int, list[dict]]:
    """(years, modifier, series) of the most populated year range of one parameter set."""
    (years, modifier), members = max(stacks_of(param_set).items(), key=lambda item: len(item[1]))
    return list(years), modifier, members


def write_geographic_stack(path, years: list[int], members: list[dict]):
    cube = np.empty((len(years), HEIGHT, WIDTH), dtype="float32")
    for pixel in range(WIDTH * HEIGHT):
        cube[:, pixel // WIDTH, pixel % WIDTH] = series_values(members[pixel % len(members)])
    return write_stack(
        path, cube, [f"{year}_ndvi" for year in years], crs="EPSG:4326", nodata=float("nan"),
        transform=from_origin(14.51, 46.05, 0.00041, 0.00027),
    )  # fmt: skip


def test_every_lt_parameter_has_a_command_line_name():
    assert set(COMMAND_LINE) == {
        name for name in LandTrendrParams.__dataclass_fields__ if name != "preventOneYearRecovery"
    }


@pytest.mark.parametrize("param_set", [f"P{i}" for i in range(1, 10)])
def test_qgis_process_reproduces_idl_under_the_parameter_set(qgis_process, tmp_path, param_set):
    years, modifier, members = largest_group(param_set)
    stack = write_geographic_stack(tmp_path / "stack.tif", years, members)
    params = series_params(members[0])
    values = [f"{option}={getattr(params, name)}" for name, option in COMMAND_LINE.items()]
    direction = {-1: 1, 1: 2}[modifier]  # DIRECTION: 0 from the index, 1 decrease, 2 increase
    qgis_process(
        "run", "timestack:landtrendr", "--", f"INPUT={stack}", "INDEX=ndvi", "FLAVOR=1",
        f"DIRECTION={direction}", *values, f"OUTPUT_VERTICES={tmp_path / 'vertices.tif'}",
        f"OUTPUT_FITTED={tmp_path / 'fitted.tif'}",
    )  # fmt: skip
    with rasterio.open(tmp_path / "vertices.tif") as src:
        nodata = src.nodata
        vertex_years = src.read()[: params.maxSegments + 1].astype(float)
    with rasterio.open(tmp_path / "fitted.tif") as src:
        fitted = src.read()
    if nodata is not None and not np.isnan(nodata):
        vertex_years[vertex_years == nodata] = np.nan
    for pixel in range(WIDTH * HEIGHT):
        row, col = divmod(pixel, WIDTH)
        series = members[pixel % len(members)]
        assert matches(series, vertex_years[:, row, col], fitted[:, row, col]), case_id(series)

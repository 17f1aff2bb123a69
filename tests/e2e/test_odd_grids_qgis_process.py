"""Stacks on grids the sample archive never makes, through ``qgis_process``: a south-up or rotated grid
runs in one piece on its own grid, and a tiled run of it (whose tiles GDAL cannot mosaic) is refused by
TILE_SIZE before any tile is computed, leaving no folder behind."""

from __future__ import annotations

import numpy as np
import pytest
import rasterio
from affine import Affine

from tests.helpers.rasters import write_stack

NORTH_UP = Affine(30.0, 0.0, 500_000.0, 0.0, -30.0, 4_000_000.0)
GRIDS = {
    "south-up": Affine(30.0, 0.0, 500_000.0, 0.0, 30.0, 4_000_000.0),
    "rotated": Affine.rotation(20) * NORTH_UP,
}
YEARS = list(range(1995, 2011))


@pytest.fixture(params=list(GRIDS))
def stack(request, tmp_path):
    rng = np.random.default_rng(2)
    nbr = (0.7 + rng.normal(0, 0.01, (len(YEARS), 5, 6))).astype("float32")
    nbr[8:] -= 0.4  # a disturbance in 2003
    path = write_stack(
        tmp_path / "stack.tif", nbr, [f"{y}_nbr" for y in YEARS], transform=GRIDS[request.param]
    )
    return path


@pytest.mark.parametrize(
    "algorithm, outputs",
    [
        ("timestack:landtrendr", ["INDEX=nbr", "OUTPUT_FITTED={out}"]),
        ("timestack:timescan", ["OUTPUT={out}"]),
    ],
)
def test_a_tiled_run_of_a_grid_gdal_cannot_mosaic_is_refused_by_tile_size(
    qgis_process, stack, algorithm, outputs
):
    folder = stack.parent / "tiles"
    arguments = [f"INPUT={stack}", "TILE_SIZE=4", f"TILES_FOLDER={folder}"]
    arguments += [text.format(out=stack.parent / "out.tif") for text in outputs]
    done = qgis_process("run", algorithm, "--", *arguments, json_output=False, check=False)
    assert done.returncode == 1, done.stderr[-2000:]
    assert "TILE_SIZE: the stack's grid is rotated or not north-up" in done.stderr
    assert "Traceback" not in done.stderr
    assert not folder.exists() and not (stack.parent / "out.tif").exists()


def test_landtrendr_in_one_piece_keeps_the_grid(qgis_process, stack):
    fitted = stack.parent / "fitted.tif"
    qgis_process(
        "run", "timestack:landtrendr", "--", f"INPUT={stack}", "INDEX=nbr", f"OUTPUT_FITTED={fitted}"
    )
    with rasterio.open(fitted) as out, rasterio.open(stack) as source:
        assert out.transform == source.transform and out.crs == source.crs
        values = out.read()
    assert np.all(values[:8] > 0.6) and np.all(values[9:] < 0.4)

"""``timestack:changemap`` through ``qgis_process`` on segment tables of stacks that skip years (no
scene some years, a composite without FILL_EMPTY_YEARS) and on a mosaic of tiles fitted over different
years: a change detected in a missing year keeps its events band, a year range starting in a leading
gap is not refused, and a table without recorded years is refused with what to use instead."""

from __future__ import annotations

import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin

from tests.helpers.landtrendr import YEARS, synthetic_cubes, write_series_stack
from timestack.core.landtrendr.fit import LandTrendrOutputs, LandTrendrParams, run_landtrendr_raster

#: 1990, then nothing until 1995, then every other year from 2002: gaps at the start and inside.
GAPPY = [1990, 1995, 1996, 1997, 1998, 1999, 2000, 2001, 2002, 2004, 2006, 2008, 2010, 2012, 2014, 2016, 2018]


def _segments(folder, years, name="segments.tif", transform=None):
    nbr, _, _ = synthetic_cubes()
    cube = nbr[[YEARS.index(year) for year in years]]
    stack = write_series_stack(folder / f"stack_{name}", {"nbr": cube}, years=years)
    if transform is not None:
        with rasterio.open(stack, "r+") as src:
            src.transform = transform
    segments = folder / name
    run_landtrendr_raster(stack, "nbr", LandTrendrOutputs(segments=segments), LandTrendrParams(maxSegments=4))
    return segments


@pytest.fixture(scope="module")
def gappy(tmp_path_factory):
    return _segments(tmp_path_factory.mktemp("changemap_gaps"), GAPPY)


def test_events_have_a_band_for_every_year_a_change_is_detected_in(qgis_process, gappy, tmp_path):
    change, events = tmp_path / "change.tif", tmp_path / "events.tif"
    qgis_process(
        "run", "timestack:changemap", "--", f"INPUT={gappy}", "MAG=0.1", f"OUTPUT={change}",
        f"OUTPUT_EVENTS={events}",
    )  # fmt: skip
    with rasterio.open(change) as src:
        yod, magnitude = src.read(1), src.read(2)
    with rasterio.open(events) as src:
        names = list(src.descriptions)
        bands = dict(zip(names, src.read()))
    assert names[: 2018 - 1990 + 1] == [f"{year}_loss_mag" for year in range(1990, 2019)]
    detected = {int(year) for year in np.unique(yod[np.isfinite(yod)])}
    missing = sorted(detected - set(GAPPY))
    assert missing, "the fit should detect some change in a year the stack skips"
    for year in missing:  # the change map's magnitude is among that year's events
        where = yod == year
        assert (bands[f"{year}_loss_mag"][where] >= magnitude[where] - 1e-6).all()


def test_a_year_range_in_a_leading_gap_is_accepted(qgis_process, gappy, tmp_path):
    """A segment from the 1990 vertex to the 1995 one is detected in 1991: 1991-1994 is a range of
    detection of this table, not one that "misses every year"."""
    done = qgis_process(
        "run", "timestack:changemap", "--", f"INPUT={gappy}", "START_YEAR=1991", "END_YEAR=1994",
        f"OUTPUT={tmp_path / 'change.tif'}", json_output=False, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "misses every year" not in done.stdout + done.stderr


def test_a_mosaic_of_tiles_fitted_over_different_years_is_refused_with_what_to_use(qgis_process, tmp_path):
    tiles = tmp_path / "tiles"
    tiles.mkdir()
    _segments(tiles, YEARS, "a.tif")
    _segments(tiles, GAPPY, "b.tif", transform=from_origin(500000 + 16 * 30, 5000000, 30, 30))
    for stack in tiles.glob("stack_*"):
        stack.rename(tmp_path / stack.name)
    mosaic = tmp_path / "mosaic"
    qgis_process("run", "timestack:mosaic", "--", f"INPUT={tiles}", "GROUP_BY=2", f"OUTPUT_FOLDER={mosaic}")
    done = qgis_process(
        "run", "timestack:changemap", "--", f"INPUT={mosaic / 'mosaic.vrt'}",
        f"OUTPUT={tmp_path / 'change.tif'}", json_output=False, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "INPUT:" in done.stderr and "LANDTRENDR_YEARS" in done.stderr, done.stderr[-3000:]
    assert "Traceback" not in done.stdout + done.stderr
    assert not (tmp_path / "change.tif").exists()

"""``timestack:composite`` in qgis_process on output grids the sample archive does not have.

The archive is one UTM zone at 30 m; users ask for geographic grids, extents drawn on a web-mercator
canvas that reach past the data, and resolutions that are not a divisor of anything. The composite run
inside QGIS's executable (its own GDAL, PROJ and GEOS loaded first) must write exactly what the same
settings write in a clean Python process.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import rasterio
from rasterio.warp import transform_bounds

from timestack.core.composite.annual import annual_composites
from timestack.core.composite.settings import CompositeSettings
from timestack.core.sample_archive import ensure_sample_archive

ROOT = Path(__file__).resolve().parents[2]

GRIDS = {
    # a geographic grid in degrees, over a web-mercator extent that overhangs the archive on two sides
    "geographic_over_web_mercator_extent": ("EPSG:4326", 0.00031, "EPSG:3857", (0.4, -0.3, 1.35, 0.7)),
    # another UTM zone (the archive straddles nothing) at a resolution that divides nothing
    "neighbouring_utm_zone_at_47_m": ("EPSG:32611", 47.0, "EPSG:32610", (-0.2, 0.1, 0.8, 1.2)),
}


def _extent(archive_bounds, crs: str, fractions) -> tuple[float, float, float, float]:
    """Bounds in ``crs`` spanning the given fractions (u0, v0, u1, v1) of the archive's UTM bounds."""
    left, bottom, right, top = archive_bounds
    u0, v0, u1, v1 = fractions
    width, height = right - left, top - bottom
    utm = (left + u0 * width, bottom + v0 * height, left + u1 * width, bottom + v1 * height)
    return transform_bounds("EPSG:32610", crs, *utm)


@pytest.mark.parametrize("grid", sorted(GRIDS))
def test_qgis_process_composites_on_a_grid_the_archive_does_not_have(qgis_process, tmp_path, grid):
    target_crs, resolution, extent_crs, fractions = GRIDS[grid]
    sample = ensure_sample_archive(ROOT / "build" / "sample" / "small", "small")
    assert sample.crs == "EPSG:32610"
    xmin, ymin, xmax, ymax = _extent(sample.bounds, extent_crs, fractions)
    output = tmp_path / "qgis" / "composite.tif"
    qgis_process(
        "run",
        "timestack:composite",
        "--",
        f"ITEMS={sample.item_collection}",
        f"EXTENT={xmin!r},{xmax!r},{ymin!r},{ymax!r} [{extent_crs}]",
        f"TARGET_CRS={target_crs}",
        f"RESOLUTION={resolution!r}",
        "START_YEAR=2006",
        "END_YEAR=2008",
        "INDICES=NBR",
        f"OUTPUT={output}",
    )
    direct = annual_composites(
        CompositeSettings(
            items=sample.item_collection,
            output=tmp_path / "direct" / "composite.tif",
            start_year=2006,
            end_year=2008,
            indices=("NBR",),
            bounds=(xmin, ymin, xmax, ymax),
            bounds_crs=extent_crs,
            crs=target_crs,
            resolution=resolution,
        )
    )
    with rasterio.open(output) as ours, rasterio.open(direct.stack) as clean:
        assert ours.crs.to_string() == target_crs
        assert ours.res == pytest.approx((resolution, resolution))
        assert (ours.width, ours.height, ours.transform) == (clean.width, clean.height, clean.transform)
        assert ours.descriptions == clean.descriptions
        values, expected = ours.read(masked=True), clean.read(masked=True)
    np.testing.assert_array_equal(values.mask, expected.mask)
    np.testing.assert_array_equal(values.filled(0), expected.filled(0))
    assert 0.1 < values.mask.mean() < 0.9  # the extent overhangs the data: part nodata, part composite

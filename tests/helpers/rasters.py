"""Dated GeoTIFF stacks written with rasterio in a test's ``tmp_path``, the way ``timestack:composite``
writes its stacks (band descriptions ``YYYY_name``).

The default grid is 30 m UTM 33N with its top-left corner at (500000, 5000000); the polygons of
``tests.helpers.zonal`` are drawn in its pixel coordinates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

import numpy as np
import rasterio
from affine import Affine
from rasterio.transform import from_origin

__all__ = ["NODATA", "ORIGIN", "PIXEL", "write_stack"]

#: A 30 m UTM 33N grid whose top-left corner is (500000, 5000000).
ORIGIN = (500000.0, 5000000.0)
PIXEL = 30.0
#: The composite's nodata for its int16 stacks.
NODATA = -32768


def write_stack(
    path: Path,
    data: np.ndarray,
    descriptions: Sequence[Optional[str]],
    crs: Optional[str] = "EPSG:32633",
    nodata: float = NODATA,
    scale: Optional[float] = None,
    transform: Optional[Affine] = None,
) -> Path:
    """A (bands, rows, cols) GeoTIFF with the given band descriptions (empty or None: none set).

    ``data`` is written as it is, in its own dtype; ``transform`` defaults to the test grid, ``crs``
    None writes no CRS, ``scale`` sets every band's scale (offset 0).
    """
    count, height, width = data.shape
    profile = dict(
        driver="GTiff",
        width=width,
        height=height,
        count=count,
        dtype=data.dtype.name,
        transform=transform if transform is not None else from_origin(*ORIGIN, PIXEL, PIXEL),
        nodata=nodata,
    )
    if crs:
        profile["crs"] = crs
    with rasterio.open(path, "w", **profile) as dataset:
        dataset.write(data)
        for index, description in enumerate(descriptions, start=1):
            if description:
                dataset.set_band_description(index, description)
        if scale is not None:
            dataset.scales = (scale,) * count
            dataset.offsets = (0.0,) * count
    return path

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

__all__ = ["NODATA", "ORIGIN", "PIXEL", "write_stack", "write_tagged_pair"]

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
    scale: Optional[float | Sequence[float]] = None,
    transform: Optional[Affine] = None,
    offset: float | Sequence[float] = 0.0,
) -> Path:
    """A (bands, rows, cols) GeoTIFF with the given band descriptions (empty or None: none set).

    ``data`` is written as it is, in its own dtype; ``transform`` defaults to the test grid, ``crs``
    None writes no CRS, ``scale`` sets every band's scale and ``offset`` its offset (one for all bands,
    or one per band).
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
            dataset.scales = tuple(float(v) for v in np.broadcast_to(scale, count))
            dataset.offsets = tuple(float(v) for v in np.broadcast_to(offset, count))
    return path


def write_tagged_pair(
    folder: Path,
    stored: np.ndarray,
    descriptions: Sequence[Optional[str]],
    scales: Sequence[float],
    offsets: Sequence[float],
    nodata: float = NODATA,
) -> tuple[Path, Path]:
    """One stack written twice in ``folder``: ``tagged.tif`` holds the integers ``stored`` with GDAL scale
    and offset tags per band; ``physical.tif`` holds what those tags say the values are, stored × scale
    + offset (float64, NaN for nodata), with no tag. An algorithm reading physical values must write the
    same outputs for both."""
    tagged = write_stack(
        folder / "tagged.tif", stored, descriptions, nodata=nodata, scale=scales, offset=offsets
    )
    with rasterio.open(tagged) as src:  # the tags as the file keeps them
        scales, offsets = src.scales, src.offsets
    physical = np.stack(
        [band * scale + offset for band, scale, offset in zip(stored.astype(np.float64), scales, offsets)]
    )
    physical[stored == nodata] = np.nan
    return tagged, write_stack(folder / "physical.tif", physical, descriptions, nodata=np.nan)

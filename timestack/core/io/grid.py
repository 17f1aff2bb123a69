"""The target grid every scene is read onto, and the windowed (and where needed warped) reads that fill it.

A composite compares pixels across hundreds of scenes, so all of them are read onto one grid: a CRS, a
resolution and an extent snapped outward to whole pixels. Scenes already on that grid (same CRS, same
pixel size, origin on the pixel lattice — the usual case for one Landsat path/row) are read with a plain
windowed read; any other scene goes through rasterio's ``WarpedVRT`` so only the window is warped.
Local paths, ``http(s)://`` COGs (read via ``/vsicurl/``), ``s3://`` and signed URLs all open alike.

How a DN becomes reflectance is the STAC item's business: :mod:`..items`.
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import numpy as np
import rasterio
from affine import Affine
from rasterio.crs import CRS
from rasterio.enums import MaskFlags, Resampling
from rasterio.vrt import WarpedVRT
from rasterio.warp import transform_bounds
from rasterio.windows import Window

from ..runtime import QT_TRANSLATE_NOOP, TimestackError

#: GDAL options for reading cloud-optimized GeoTIFFs over HTTP without listing directories. USGS's
#: Landsat bucket (Earth Search's ``s3://usgs-landsat`` hrefs) is requester-pays: reads must say so.
REMOTE_GDAL_OPTIONS = {
    "AWS_REQUEST_PAYER": "requester",
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
    "GDAL_HTTP_MERGE_CONSECUTIVE_RANGES": "YES",
    "GDAL_HTTP_MULTIPLEX": "YES",
    # 429, 502, 503 and 504 answers are asked again (GDAL doubles the delay each time); a server that
    # stops answering fails the read after GDAL_HTTP_TIMEOUT instead of hanging the run.
    "GDAL_HTTP_MAX_RETRY": "4",
    "GDAL_HTTP_RETRY_DELAY": "1",
    "GDAL_HTTP_TIMEOUT": "60",
    "GDAL_HTTP_CONNECTTIMEOUT": "15",
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".tif,.TIF,.tiff,.TIFF",
    "VSI_CACHE": "TRUE",
}


@contextlib.contextmanager
def http_headers(headers: Optional[str]):
    """Send ``headers`` (``"Name: value"`` lines) with this thread's GDAL HTTP requests inside the block.

    Thread-local, so a bearer token given for one scene's reads never goes out with another thread's
    requests to other hosts. None does nothing.
    """
    if not headers:
        yield
        return
    from osgeo import gdal

    previous = gdal.GetThreadLocalConfigOption("GDAL_HTTP_HEADERS", None)
    gdal.SetThreadLocalConfigOption("GDAL_HTTP_HEADERS", headers)
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption("GDAL_HTTP_HEADERS", previous)


@dataclass(frozen=True)
class TargetGrid:
    """A north-up pixel grid: ``transform`` maps (col, row) to ``crs`` coordinates."""

    crs: CRS
    transform: Affine
    width: int
    height: int

    @property
    def resolution(self) -> float:
        return self.transform.a

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        left, top = self.transform.c, self.transform.f
        return (left, top - self.height * self.resolution, left + self.width * self.resolution, top)

    def window_transform(self, window: Window) -> Affine:
        return self.transform * Affine.translation(window.col_off, window.row_off)


def target_grid(bounds: tuple[float, float, float, float], crs: Any, resolution: float) -> TargetGrid:
    """The grid of square ``resolution`` pixels covering ``bounds`` (in ``crs``), snapped outward.

    Snapping to multiples of the resolution keeps grids of neighbouring runs aligned, so their outputs
    mosaic without resampling.
    """
    if resolution is None or not resolution > 0:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "RESOLUTION must be a positive number of CRS units, got {0!r}"
            ),
            "RESOLUTION",
            args=(resolution,),
        )  # fmt: skip
    xmin, ymin, xmax, ymax = bounds
    if not (xmax > xmin and ymax > ymin):
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "EXTENT is empty: {0!r} (xmin, ymin, xmax, ymax)"),
            "EXTENT",
            args=(bounds,),
        )
    left = math.floor(xmin / resolution) * resolution
    bottom = math.floor(ymin / resolution) * resolution
    right = math.ceil(xmax / resolution) * resolution
    top = math.ceil(ymax / resolution) * resolution
    width, height = round((right - left) / resolution), round((top - bottom) / resolution)
    return TargetGrid(
        CRS.from_user_input(crs), Affine(resolution, 0, left, 0, -resolution, top), width, height
    )


def chunk_windows(grid: TargetGrid, chunk_size: int) -> list[Window]:
    """Row-major windows of at most ``chunk_size`` square pixels tiling ``grid``."""
    if chunk_size < 1:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "CHUNK_SIZE must be at least 1 pixel, got {0}"),
            "CHUNK_SIZE",
            args=(chunk_size,),
        )
    return [
        Window(col, row, min(chunk_size, grid.width - col), min(chunk_size, grid.height - row))
        for row in range(0, grid.height, chunk_size)
        for col in range(0, grid.width, chunk_size)
    ]


def with_halo(window: Window, halo: int, grid: TargetGrid) -> tuple[Window, tuple[slice, slice]]:
    """``window`` grown by ``halo`` pixels (clipped to the grid), and the slices that crop back to it."""
    col0, row0 = max(0, int(window.col_off) - halo), max(0, int(window.row_off) - halo)
    col1 = min(grid.width, int(window.col_off + window.width) + halo)
    row1 = min(grid.height, int(window.row_off + window.height) + halo)
    rows = slice(int(window.row_off) - row0, int(window.row_off) - row0 + int(window.height))
    cols = slice(int(window.col_off) - col0, int(window.col_off) - col0 + int(window.width))
    return Window(col0, row0, col1 - col0, row1 - row0), (rows, cols)


def gdal_path(href: str, base_dir: str | Path | None = None) -> str:
    """A path GDAL opens: URLs via ``/vsicurl/``, ``s3://`` via ``/vsis3/``, relative to ``base_dir``."""
    if href.startswith(("http://", "https://")):
        return "/vsicurl/" + href
    if href.startswith("s3://"):
        return "/vsis3/" + href[len("s3://") :]
    if href.startswith("file://"):
        href = href[len("file://") :]
    if href.startswith("/vsi"):
        return href
    path = Path(href)
    if not path.is_absolute() and base_dir is not None:
        path = Path(base_dir) / path
    return str(path)


def _aligned_offset(src_transform: Affine, grid: TargetGrid) -> tuple[int, int] | None:
    """(col, row) of the grid origin in the source's pixels if both share one pixel lattice, else None."""
    res = grid.resolution
    if not (
        math.isclose(src_transform.a, res, rel_tol=1e-9)
        and math.isclose(src_transform.e, -res, rel_tol=1e-9)
        and src_transform.b == 0
        and src_transform.d == 0
    ):
        return None
    col = (grid.transform.c - src_transform.c) / res
    row = (src_transform.f - grid.transform.f) / res
    if abs(col - round(col)) > 1e-6 or abs(row - round(row)) > 1e-6:
        return None
    return round(col), round(row)


def read_window(
    src: rasterio.io.DatasetReader,
    grid: TargetGrid,
    window: Window,
    fill: float,
    resampling: Resampling = Resampling.nearest,
    src_nodata: float | None = None,
    band: int = 1,
) -> np.ndarray:
    """``band`` of open dataset ``src`` over ``window`` of ``grid``, in the source dtype; ``fill`` outside.

    Source pixels equal to ``src_nodata`` (default: the file's nodata) are not used when warping; without
    either, pixels the file's mask (internal, .msk or alpha band) hides read as ``fill``.
    """
    rows, cols = int(window.height), int(window.width)
    nodata = src.nodata if src_nodata is None else src_nodata
    offset = _aligned_offset(src.transform, grid) if src.crs == grid.crs else None
    if offset is None:
        with WarpedVRT(
            src,
            crs=grid.crs,
            transform=grid.transform,
            width=grid.width,
            height=grid.height,
            resampling=resampling,
            src_nodata=nodata,
            nodata=fill,
        ) as vrt:
            return vrt.read(band, window=window)
    out = np.full((rows, cols), fill, dtype=src.dtypes[0])
    col0, row0 = offset[0] + int(window.col_off), offset[1] + int(window.row_off)
    c0, r0 = max(col0, 0), max(row0, 0)
    c1, r1 = min(col0 + cols, src.width), min(row0 + rows, src.height)
    if c1 > c0 and r1 > r0:
        inside = Window(c0, r0, c1 - c0, r1 - r0)
        values = src.read(band, window=inside)
        if nodata is None and has_own_mask(src.mask_flag_enums[band - 1]):
            values[src.read_masks(band, window=inside) == 0] = fill  # the mask says which are missing
        out[r0 - row0 : r1 - row0, c0 - col0 : c1 - col0] = values
    return out


def has_own_mask(flags) -> bool:
    """Does a band's mask (rasterio's ``mask_flag_enums`` of it) come from the file itself, an internal or
    ``.msk`` mask or an alpha band, rather than from a nodata value or nothing (GDAL's all-valid mask)."""
    return MaskFlags.per_dataset in flags or MaskFlags.alpha in flags


def physical_values(values: np.ndarray, scales, offsets) -> np.ndarray:
    """Float band values ``(bands, rows, cols)`` (or any shape with a leading band axis and at least two
    dimensions) turned, in place, into the physical values GDAL's scale and offset tags say they stand
    for: ``stored × scale + offset`` band by band (Landsat Collection 2 surface reflectance: 2.75e-05 and
    -0.2; int16 NDVI: 0.0001 and 0).

    Every reader of a band's values goes through this one function, so a tagged stack means the same
    to every algorithm. A band without tags (scale 1, offset 0) is not touched: its values stay bit for
    bit as stored. Nodata must already be NaN, and stays NaN. Returns ``values``.
    """
    for plane, scale, offset in zip(values, scales, offsets):
        if (scale is not None and scale != 1.0) or (offset is not None and offset != 0.0):
            kind = plane.dtype.type
            plane *= kind(1.0 if scale is None else scale)
            plane += kind(0.0 if offset is None else offset)
    return values


def bounds_in(
    bounds: tuple[float, float, float, float], src_crs: Any, dst_crs: Any
) -> tuple[float, float, float, float]:
    """``bounds`` reprojected from ``src_crs`` to ``dst_crs`` (densified edges, so curved edges fit)."""
    left, bottom, right, top = transform_bounds(
        CRS.from_user_input(src_crs), CRS.from_user_input(dst_crs), *bounds, densify_pts=21
    )
    return left, bottom, right, top


def across_antimeridian(boxes, crs: Any) -> bool:
    """Whether (xmin, ymin, xmax, ymax) boxes in the geographic ``crs`` lie across 180° longitude: one
    of them wraps (west edge east of its east edge, as a reprojection gives it), or together they span
    more than half the world from west to east while, going round the other way, they fit in less than
    half. A grid around them would run round the whole world. Never true in a projected CRS."""
    boxes = list(boxes)
    if not boxes or not CRS.from_user_input(crs).is_geographic:
        return False
    if any(box[0] > box[2] for box in boxes):
        return True
    spans = sorted((box[0], box[2]) for box in boxes)
    covered_to, widest_gap = spans[0][1], 0.0
    for west, east in spans[1:]:
        widest_gap = max(widest_gap, west - covered_to)
        covered_to = max(covered_to, east)
    linear = covered_to - spans[0][0]
    return linear > 180.0 and 360.0 - widest_gap < 180.0


def intersects(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Do two (xmin, ymin, xmax, ymax) boxes overlap with positive area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

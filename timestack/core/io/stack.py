"""Writing composite stacks: chunk-wise per-year GeoTIFFs, a stacked COG, VRT mosaics and the run log.

Chunks are written into tiled per-year GeoTIFFs in a work folder (each chunk of each year exactly once,
so memory stays bounded); at the end one VRT stacks them (band descriptions ``YYYY_name``) and GDAL's COG
driver copies it into the final Cloud-Optimized GeoTIFF, streaming block by block. Every final file is
written under a temporary name and renamed into place, so a cancelled or failed run leaves nothing
half-written behind.

Scaling: reflectance and indices are stored either as float32 or as int16 ×10000 (the LandTrendr /
LT-GEE convention), both with nodata -32768 so readers treat the two alike.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence
from xml.sax.saxutils import escape

import numpy as np
import rasterio
from osgeo import gdal, gdal_array

from ..runtime import Cancelled
from .atomic import atomic_output, write_text_atomically
from .engine import bounded_gdal_cache, compression_options
from .grid import TargetGrid

NODATA = -32768
SCALE_INT16 = 10000
OUTPUT_DTYPES = ("int16", "float32")
BLOCK_SIZE = 256

GDAL_TYPE_NAMES = {"int16": "Int16", "float32": "Float32"}


def encode_values(values: np.ndarray, dtype: str) -> np.ndarray:
    """Reflectance/index floats (NaN = missing) to the stored ``dtype``: int16 ×10000 (clipped) or float32.

    int16 halves the size of a stack and keeps four decimals, the precision of Landsat Collection 2
    reflectance.

    Parameters
    ----------
    values
        Floats, NaN where missing.
    dtype
        One of :data:`OUTPUT_DTYPES`.

    Returns
    -------
    numpy.ndarray
        The stored values, nodata where ``values`` was NaN.

    Raises
    ------
    ValueError
        ``dtype`` is not one of :data:`OUTPUT_DTYPES`.
    """
    if dtype == "float32":
        return np.where(np.isfinite(values), values, NODATA).astype(np.float32)
    if dtype == "int16":
        scaled = np.rint(np.clip(values * SCALE_INT16, -32767, 32767))
        return np.where(np.isfinite(values), scaled, NODATA).astype(np.int16)
    raise ValueError(f"output data type must be one of {OUTPUT_DTYPES}, got {dtype!r}")


def decode_values(stored: np.ndarray, dtype: str) -> np.ndarray:
    """Inverse of :func:`encode_values`: stored values to float reflectance with NaN for nodata.

    Parameters
    ----------
    stored
        Values as read from a stack of ``dtype``.
    dtype
        The stack's stored data type.

    Returns
    -------
    numpy.ndarray
        float32 values, NaN where nodata.
    """
    values = stored.astype(np.float32)
    if dtype == "int16":
        values = values / SCALE_INT16
    return np.where(stored == NODATA, np.nan, values)


def band_numbers(path: str | Path) -> dict[str, int]:
    """Band description (``YYYY_name``) -> 1-based band number of a stack.

    Parameters
    ----------
    path
        A raster GDAL reads.

    Returns
    -------
    dict
        Description -> band number, for every described band.
    """
    with rasterio.open(path) as src:
        descriptions = src.descriptions
    return {description: number for number, description in enumerate(descriptions, start=1) if description}


def create_tiled(path: Path, grid: TargetGrid, count: int, dtype: str, descriptions: Sequence[str]):
    """Open a new tiled, compressed GeoTIFF on ``grid`` for windowed writing; every pixel starts nodata.

    Parameters
    ----------
    path
        The file to create.
    grid
        Its CRS, transform and size.
    count, dtype, descriptions
        Band count, data type and the band descriptions.

    Returns
    -------
    rasterio.io.DatasetWriter
        The open dataset; the caller writes its windows and closes it.
    """
    profile = {
        "driver": "GTiff",
        "width": grid.width,
        "height": grid.height,
        "count": count,
        "dtype": dtype,
        "crs": grid.crs,
        "transform": grid.transform,
        "nodata": NODATA,
        "tiled": True,
        "blockxsize": BLOCK_SIZE,
        "blockysize": BLOCK_SIZE,
        "BIGTIFF": "IF_SAFER",
        "SPARSE_OK": "TRUE",
        **compression_options(dtype),
    }
    dataset = rasterio.open(path, "w", **profile)
    for index, description in enumerate(descriptions, start=1):
        dataset.set_band_description(index, description)
    return dataset


def write_vrt(
    path: Path,
    grid: TargetGrid,
    dtype: str,
    bands: Sequence[tuple[Optional[Path], int, str]],
    relative: bool,
) -> None:
    """Write a VRT whose band k reads band ``bands[k][1]`` of file ``bands[k][0]`` (None: all nodata).

    A VRT assembles per-year or per-tile files into one stack without copying a pixel.

    Parameters
    ----------
    path
        The VRT to write.
    grid
        Its CRS, transform and size.
    dtype
        The bands' data type.
    bands
        ``(source file or None, source band, description)`` per VRT band.
    relative
        Store source paths relative to the VRT, so a folder of outputs can move as a whole.
    """
    rows = [
        f'<VRTDataset rasterXSize="{grid.width}" rasterYSize="{grid.height}">',
        f"  <SRS>{escape(grid.crs.to_wkt())}</SRS>",
        "  <GeoTransform>{}</GeoTransform>".format(", ".join(repr(v) for v in grid.transform.to_gdal())),
    ]
    for number, (source, source_band, description) in enumerate(bands, start=1):
        rows += [
            f'  <VRTRasterBand dataType="{GDAL_TYPE_NAMES[dtype]}" band="{number}">',
            f"    <Description>{escape(description)}</Description>",
            f"    <NoDataValue>{NODATA}</NoDataValue>",
        ]
        if source is not None:
            name = os.path.relpath(source, path.parent) if relative else str(source)
            rows += [
                "    <SimpleSource>",
                f'      <SourceFilename relativeToVRT="{int(relative)}">{escape(name)}</SourceFilename>',
                f"      <SourceBand>{source_band}</SourceBand>",
                f'      <SrcRect xOff="0" yOff="0" xSize="{grid.width}" ySize="{grid.height}"/>',
                f'      <DstRect xOff="0" yOff="0" xSize="{grid.width}" ySize="{grid.height}"/>',
                "    </SimpleSource>",
            ]
        rows.append("  </VRTRasterBand>")
    rows.append("</VRTDataset>")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def write_cog(
    source: Path,
    destination: Path,
    progress: Optional[Callable[[float], None]] = None,
    is_cancelled: Optional[Callable[[], bool]] = None,
) -> None:
    """Copy ``source`` (any GDAL raster, e.g. a VRT) into a COG at ``destination``, atomically.

    Uses GDAL's COG driver (the engine's codec, 512-px tiles, averaged overviews) with GDAL's block
    cache bounded (:func:`.engine.bounded_gdal_cache`) and no VSI_CACHE on the files it reads, so memory
    does not grow with the raster's size.

    Parameters
    ----------
    source
        The raster to copy.
    destination
        The COG to write; replaced only once it is complete.
    progress
        Called with the copy's fraction done (0-1).
    is_cancelled
        Polled during the copy.

    Raises
    ------
    OSError
        GDAL could not write ``destination``.
    Cancelled
        ``is_cancelled`` turned true; nothing is left.
    """

    def callback(fraction, _message, _data):
        if progress is not None:
            progress(fraction)
        return 0 if (is_cancelled is not None and is_cancelled()) else 1

    options = gdal.TranslateOptions(
        format="COG",
        creationOptions=[
            "BLOCKSIZE=512",
            "OVERVIEW_RESAMPLING=AVERAGE",
            "BIGTIFF=IF_SAFER",
            *cog_compression(source),
        ],
        callback=callback,
    )
    with bounded_gdal_cache(), _uncached_file_reads(), atomic_output(destination) as partial:
        result = gdal.Translate(str(partial), str(source), options=options)
        if result is None:
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            raise OSError(f"GDAL could not write {destination}: {gdal.GetLastErrorMsg()}")
        result = None  # closes the dataset, flushing it


@contextlib.contextmanager
def _uncached_file_reads():
    """VSI_CACHE off on this thread inside the block, whatever the caller's environment says.

    A run reading remote scenes turns VSI_CACHE on (``grid.REMOTE_GDAL_OPTIONS``); a COG copy inside it
    would then keep up to VSI_CACHE_SIZE (25 MB) of every local file it reads (the per-year files, its
    own temporaries), memory growing with the area. On local files the OS caches them anyway.
    """
    previous = gdal.GetThreadLocalConfigOption("VSI_CACHE", None)
    gdal.SetThreadLocalConfigOption("VSI_CACHE", "FALSE")
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption("VSI_CACHE", previous)


def cog_compression(source: Path) -> list[str]:
    """The engine's codec for ``source``'s data type, in the COG driver's words (LEVEL, PREDICTOR=YES),
    on one thread.

    With ``NUM_THREADS`` the COG driver keeps more of the raster in flight as it copies (measured on the
    composite's 35-band stack: 150 MiB more at 1,600^2 px than at 800^2, GDAL 3.6), so its memory grew
    with the area; on one thread it stays flat and, copying already compressed per-year files, takes
    about as long (bench/bench_engine.py). The engine's own tiles are still compressed on all cores.

    Parameters
    ----------
    source
        The raster about to be copied.

    Returns
    -------
    list of str
        COG creation options.
    """
    dataset = gdal.Open(str(source))
    dtype = gdal_array.GDALTypeCodeToNumericTypeCode(dataset.GetRasterBand(1).DataType)
    options = compression_options(np.dtype(dtype).name)
    level = options.pop("ZSTD_LEVEL")
    options.pop("NUM_THREADS", None)
    predictor = ["PREDICTOR=YES"] if options.pop("PREDICTOR", None) else []
    return [f"{key}={value}" for key, value in options.items()] + [f"LEVEL={level}", *predictor]


def write_json(path: Path, content: dict) -> None:
    """Write ``content`` as indented JSON atomically.

    Parameters
    ----------
    path
        The file to write.
    content
        JSON-serialisable content.
    """
    write_text_atomically(path, lambda stream: json.dump(content, stream, indent=2, default=str))


def remove_paths(paths: Iterable[Path]) -> None:
    """Delete files and folders, ignoring those already gone (cleanup after cancel or failure).

    Parameters
    ----------
    paths
        Files and folders (removed with their content).
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists():
            path.unlink()

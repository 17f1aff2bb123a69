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
from .engine import compression_options
from .grid import TargetGrid

NODATA = -32768
SCALE_INT16 = 10000
OUTPUT_DTYPES = ("int16", "float32")
BLOCK_SIZE = 256

GDAL_TYPE_NAMES = {"int16": "Int16", "float32": "Float32"}


def encode_values(values: np.ndarray, dtype: str) -> np.ndarray:
    """Reflectance/index floats (NaN = missing) to the stored ``dtype``: int16 ×10000 (clipped) or float32."""
    if dtype == "float32":
        return np.where(np.isfinite(values), values, NODATA).astype(np.float32)
    if dtype == "int16":
        scaled = np.rint(np.clip(values * SCALE_INT16, -32767, 32767))
        return np.where(np.isfinite(values), scaled, NODATA).astype(np.int16)
    raise ValueError(f"output data type must be one of {OUTPUT_DTYPES}, got {dtype!r}")


def decode_values(stored: np.ndarray, dtype: str) -> np.ndarray:
    """Inverse of :func:`encode_values`: stored values to float reflectance with NaN for nodata."""
    values = stored.astype(np.float32)
    if dtype == "int16":
        values = values / SCALE_INT16
    return np.where(stored == NODATA, np.nan, values)


def band_numbers(path: str | Path) -> dict[str, int]:
    """Band description (``YYYY_name``) -> 1-based band number of a stack."""
    with rasterio.open(path) as src:
        descriptions = src.descriptions
    return {description: number for number, description in enumerate(descriptions, start=1) if description}


def create_tiled(path: Path, grid: TargetGrid, count: int, dtype: str, descriptions: Sequence[str]):
    """Open a new tiled, compressed GeoTIFF on ``grid`` for windowed writing; every pixel starts nodata."""
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

    ``relative`` stores source paths relative to the VRT, so a folder of outputs can move as a whole.
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

    Uses GDAL's COG driver (the engine's codec, 512-px tiles, averaged overviews); raises
    :class:`Cancelled` if
    ``is_cancelled`` turns true during the copy.
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
    with atomic_output(destination) as partial:
        result = gdal.Translate(str(partial), str(source), options=options)
        if result is None:
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            raise OSError(f"GDAL could not write {destination}: {gdal.GetLastErrorMsg()}")
        result = None  # closes the dataset, flushing it


def cog_compression(source: Path) -> list[str]:
    """The engine's codec for ``source``'s data type, in the COG driver's words (LEVEL, PREDICTOR=YES)."""
    dataset = gdal.Open(str(source))
    dtype = gdal_array.GDALTypeCodeToNumericTypeCode(dataset.GetRasterBand(1).DataType)
    options = compression_options(np.dtype(dtype).name)
    level = options.pop("ZSTD_LEVEL")
    predictor = ["PREDICTOR=YES"] if options.pop("PREDICTOR", None) else []
    return [f"{key}={value}" for key, value in options.items()] + [f"LEVEL={level}", *predictor]


def write_json(path: Path, content: dict) -> None:
    """Write ``content`` as indented JSON atomically."""
    write_text_atomically(path, lambda stream: json.dump(content, stream, indent=2, default=str))


def remove_paths(paths: Iterable[Path]) -> None:
    """Delete files and folders, ignoring those already gone (cleanup after cancel or failure)."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists():
            path.unlink()

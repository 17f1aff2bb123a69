"""Natural-colour previews of found scenes, streamed from their Cloud-Optimized GeoTIFFs.

GDAL reads remote COGs by HTTP range requests through ``/vsicurl/`` (and ``/vsis3/`` for S3), so
a scene can be looked at without downloading it. Per-band assets (Landsat C2 L2, Sentinel-2 on
Earth Search and Planetary Computer) are stacked red/green/blue into a small VRT that references
them; GDAL's own ``BuildVRT`` writes it.
"""

from __future__ import annotations

from pathlib import Path

import pystac

from ..io.atomic import atomic_output
from ..io.grid import gdal_path
from ..items import band_asset_key
from ..runtime import QT_TRANSLATE_NOOP, TimestackError

#: A ready-made true-colour asset (Sentinel-2 TCI) when no per-band set exists.
VISUAL_KEYS = ("visual",)


def natural_colour_sources(item: pystac.Item) -> list:
    """GDAL paths of the red, green and blue bands (one path when a ready RGB asset is used)."""
    keys = [band_asset_key(item.assets, item.collection_id, band) for band in ("red", "green", "blue")]
    if all(keys):
        return [gdal_path(item.assets[str(key)].href) for key in keys]
    for key in VISUAL_KEYS:
        if key in item.assets:
            return [gdal_path(item.assets[key].href)]
    no_colours = QT_TRANSLATE_NOOP(
        "TimestackCore",
        "Scene {0} has no red/green/blue (or B04/B03/B02, or visual) assets to show in natural colour."
    )  # fmt: skip
    raise TimestackError(no_colours, args=(item.id,))


def natural_colour_vrt(item: pystac.Item, folder) -> Path:
    """Write ``<folder>/<id>_rgb.vrt`` stacking the scene's red, green and blue bands; return its path.

    Written to a temporary name and renamed, so a failed build leaves nothing behind.
    """
    from osgeo import gdal

    sources = natural_colour_sources(item)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{item.id}_rgb.vrt"
    # Paths inside the VRT are absolute or /vsi*, so renaming the file does not break it.
    with atomic_output(target) as tmp:
        options = gdal.BuildVRTOptions(separate=len(sources) > 1)
        dataset = gdal.BuildVRT(str(tmp), sources, options=options)
        if dataset is None:
            raise OSError(f"GDAL could not open the bands of {item.id}: {gdal.GetLastErrorMsg()}")
        for number, name in enumerate(("red", "green", "blue")[: dataset.RasterCount], start=1):
            dataset.GetRasterBand(number).SetDescription(name)
        dataset = None  # flush the VRT
    return target


def _reduced_size(dataset, size: int) -> tuple[int, int]:
    """(width, height) of ``dataset`` shrunk, keeping its shape, to at most ``size`` pixels a side."""
    scale = max(max(dataset.RasterXSize, dataset.RasterYSize) / size, 1.0)
    return max(1, round(dataset.RasterXSize / scale)), max(1, round(dataset.RasterYSize / scale))


def natural_colour_stretch(vrt, low: float = 2.0, high: float = 98.0, size: int = 1024) -> list:
    """(low, high) percentile values of each band, from a read of at most ``size`` pixels a side.

    GDAL serves a reduced read from the COG's overviews, so a streamed scene costs a few small range
    requests, not the full image. Nodata and NaN are left out.
    """
    import numpy as np
    from osgeo import gdal

    dataset = gdal.Open(str(vrt))
    if dataset is None:
        raise OSError(f"GDAL could not open {vrt}: {gdal.GetLastErrorMsg()}")
    try:
        width, height = _reduced_size(dataset, size)
        stretches = []
        for number in range(1, dataset.RasterCount + 1):
            band = dataset.GetRasterBand(number)
            values = band.ReadAsArray(buf_xsize=width, buf_ysize=height)
            if values is None:
                raise OSError(f"GDAL could not read band {number} of {vrt}: {gdal.GetLastErrorMsg()}")
            values = values.astype(np.float64)
            valid = np.isfinite(values)
            if band.GetNoDataValue() is not None:
                valid &= values != band.GetNoDataValue()
            if not valid.any():
                raise TimestackError(
                    QT_TRANSLATE_NOOP("TimestackCore", "{0} has no valid pixels in band {1}"),
                    args=(vrt, number),
                )
            stretches.append(tuple(float(v) for v in np.percentile(values[valid], [low, high])))
        return stretches
    finally:
        dataset = None  # closed before any error leaves: a traceback holding it crashes GDAL at exit


def natural_colour_copy(vrt, folder, size: int = 2048) -> Path:
    """A local GeoTIFF of the natural-colour VRT, at most ``size`` pixels a side.

    For scenes that need credentials: QGIS draws layers in its own threads, which must not carry the
    token (it is scoped to the thread that read the scene), so the layer shows this copy instead.
    """
    from osgeo import gdal

    source = gdal.Open(str(vrt))
    if source is None:
        raise OSError(f"GDAL could not open {vrt}: {gdal.GetLastErrorMsg()}")
    try:
        width, height = _reduced_size(source, size)
        target = Path(folder) / f"{Path(vrt).stem}.tif"
        with atomic_output(target) as tmp:
            creation = ["COMPRESS=DEFLATE", "TILED=YES"]
            options = gdal.TranslateOptions(width=width, height=height, creationOptions=creation)
            copy = gdal.Translate(str(tmp), source, options=options)
            if copy is None:
                raise OSError(f"GDAL could not copy {vrt}: {gdal.GetLastErrorMsg()}")
            copy = None  # flush the GeoTIFF
        return target
    finally:
        source = None  # closed before any error leaves: a traceback holding it crashes GDAL at exit

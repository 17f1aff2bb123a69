"""VRT mosaics of tiled stacks: one virtual raster per year, per variable, or of everything.

Large areas are processed tile by tile (ARD tiles, a user's grid), one stack per tile with the same bands.
A mosaic stitches the tiles without copying pixels: GDAL's VRT reads each window from the tiles it
covers. Source paths are stored relative to the VRT, so the tiles and their mosaics can move together
(another disk, a colleague's machine), and band descriptions are kept, so a mosaic is a dated stack
like any other for LandTrendr, timescans or polygon statistics.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Optional, Sequence

from ..runtime import QT_TRANSLATE_NOOP, Cancelled, IsCancelled, Progress, TimestackError
from .atomic import atomic_outputs
from .bands import labelled_bands
from .grid import across_antimeridian

__all__ = ["GROUPS", "mosaic_tiles"]

GROUPS = ("year", "variable", "none")


def _layout(tile: Path) -> tuple:
    """(band descriptions, CRS, pixel size, band data types) of a tile: what the tiles of one mosaic must
    share."""
    from osgeo import gdal, osr

    try:
        dataset = gdal.Open(str(tile))
    except RuntimeError:  # GDAL raises instead of returning None when its exceptions are on
        dataset = None
    if dataset is None:
        unreadable = QT_TRANSLATE_NOOP(
            "TimestackCore",
            "INPUT: {0} is not a raster GDAL can read (empty, truncated or another kind of file); "
            "remove it from the folder or narrow PATTERN"
        )  # fmt: skip
        raise TimestackError(unreadable, parameter="INPUT", args=(tile,))
    descriptions = tuple(dataset.GetRasterBand(b).GetDescription() for b in range(1, dataset.RasterCount + 1))
    srs = osr.SpatialReference(wkt=dataset.GetProjection()) if dataset.GetProjection() else None
    _, width, _, _, _, height = dataset.GetGeoTransform()
    types = tuple(
        gdal.GetDataTypeName(dataset.GetRasterBand(b).DataType) for b in range(1, dataset.RasterCount + 1)
    )
    return descriptions, srs.ExportToProj4() if srs else "", (round(width, 9), round(height, 9)), types


def _box(tile: Path) -> tuple:
    """(xmin, ymin, xmax, ymax) of a tile in its CRS."""
    from osgeo import gdal

    dataset = gdal.Open(str(tile))
    left, width, _, top, _, height = dataset.GetGeoTransform()
    right, bottom = left + width * dataset.RasterXSize, top + height * dataset.RasterYSize
    return min(left, right), min(top, bottom), max(left, right), max(top, bottom)


def _type_names(types: tuple) -> str:
    """A tile's band data types, each named once (``Int16``, ``Float32/Int16``)."""
    return "/".join(sorted(set(types)))


#: Metadata item of every VRT written here: a re-run may replace its own mosaics, never a user's file.
MARKER = "TIMESTACK_MOSAIC"


def _shared_metadata(paths: Sequence[Path]) -> dict:
    """The dataset metadata items every tile carries with one value (a tiled LandTrendr run's
    LANDTRENDR_YEARS and direction, which timestack:changemap reads from the mosaic)."""
    from osgeo import gdal

    shared = None
    for path in paths:
        items = dict(gdal.Open(str(path)).GetMetadata() or {})
        shared = items if shared is None else {k: v for k, v in shared.items() if items.get(k) == v}
    return shared or {}


def _is_our_mosaic(path: Path) -> bool:
    """Whether ``path`` is a VRT this module wrote (it carries :data:`MARKER`)."""
    from osgeo import gdal

    try:
        dataset = gdal.Open(str(path))
    except RuntimeError:
        return False
    return dataset is not None and dataset.GetMetadataItem(MARKER) == "yes"


def _groups(descriptions: tuple, group_by: str, name: str) -> dict[str, list[int]]:
    """Mosaic name -> the band numbers it holds, in band order."""
    if group_by == "none":
        return {name: list(range(1, len(descriptions) + 1))}
    undated = QT_TRANSLATE_NOOP(
        "TimestackCore",
        "GROUP_BY: band {0} ({1}) carries no date and variable; group by none for tiles without "
        "dated band descriptions"
    )  # fmt: skip
    groups: dict[str, list[int]] = {}
    for band, label in labelled_bands(descriptions, undated, "GROUP_BY"):
        key = str(label.year) if group_by == "year" else (label.variable or "value")
        groups.setdefault(key, []).append(band)
    return groups


def _relative_sources(vrt: Path, final_folder: Path) -> None:
    """Rewrite the VRT's source paths relative to the folder it will live in."""
    text = vrt.read_text(encoding="utf-8")

    def relative(match: re.Match) -> str:
        source = match.group(2)
        if match.group(1) == "1":
            source = os.path.join(vrt.parent, source)
        return f'<SourceFilename relativeToVRT="1">{os.path.relpath(source, final_folder)}</SourceFilename>'

    text = re.sub(r'<SourceFilename relativeToVRT="([01])"[^>]*>([^<]+)</SourceFilename>', relative, text)
    vrt.write_text(text, encoding="utf-8")


def mosaic_tiles(
    tiles: Sequence[str | os.PathLike],
    output_folder: str | os.PathLike,
    group_by: str = "year",
    name: str = "mosaic",
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
) -> list[Path]:
    """Write one VRT per group of bands over all ``tiles`` into ``output_folder``.

    Parameters
    ----------
    tiles
        Rasters with the same bands (count and descriptions), CRS and resolution, any extents.
    output_folder
        Where ``<year>.vrt``, ``<variable>.vrt`` or ``mosaic.vrt`` are written (created if needed).
    group_by
        ``year`` (every variable of a year), ``variable`` (every date of a variable) or ``none``.
    name
        The mosaic's file name (without ``.vrt``) when ``group_by`` is ``none``.

    Returns
    -------
    list of Path
        The VRTs written, in band order of their first band.

    Raises
    ------
    TimestackError
        Naming INPUT for no tiles or tiles with different bands or data types, GROUP_BY for an unknown
        grouping or undated bands, and INPUT when GDAL cannot mosaic the tiles (different CRS or
        resolution).
    Cancelled
        When ``is_cancelled()`` turns true; no VRT of this run is left.
    """
    from osgeo import gdal

    if group_by not in GROUPS:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "GROUP_BY: {0!r}; use one of {1}"),
            parameter="GROUP_BY",
            args=(group_by, ", ".join(GROUPS)),
        )
    paths = [Path(tile).resolve() for tile in tiles]
    if not paths:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "INPUT: no tiles to mosaic; choose a folder of GeoTIFF tiles"),
            parameter="INPUT",
        )
    descriptions, crs, pixel, types = _layout(paths[0])
    for path in paths[1:]:
        other = _layout(path)
        if other[0] != descriptions:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "INPUT: {0} has other bands than {1}; tiles of one mosaic share their band count and "
                    "descriptions"
                ),
                parameter="INPUT",
                args=(path.name, paths[0].name),
            )  # fmt: skip
        if other[1:3] != (crs, pixel):
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "INPUT: {0} is in another CRS or resolution than {1}; reproject the tiles onto one grid "
                    "first (GDAL would silently leave it out)"
                ),
                parameter="INPUT",
                args=(path.name, paths[0].name),
            )  # fmt: skip
        if other[3] != types:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "INPUT: {0} holds {1} values where {2} holds {3}; write the tiles with one data type "
                    "(GDAL would silently leave {0} out)"
                ),
                parameter="INPUT",
                args=(path.name, _type_names(other[3]), paths[0].name, _type_names(types)),
            )  # fmt: skip
    if crs and across_antimeridian([_box(path) for path in paths], crs):
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "INPUT: the tiles lie on both sides of the antimeridian (180° longitude), where a mosaic in "
                "longitude/latitude runs around the whole world; reproject them onto a projected CRS (such "
                "as their UTM zone) first"
            ),
            parameter="INPUT",
        )  # fmt: skip
    groups = _groups(descriptions, group_by, name)
    metadata = _shared_metadata(paths)
    folder = Path(output_folder).resolve()
    targets = {name: folder / f"{name}.vrt" for name in groups}
    for target in targets.values():
        if target in paths or (target.exists() and not _is_our_mosaic(target)):
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "OUTPUT_FOLDER: {0} exists and is not a mosaic this algorithm wrote; writing the "
                    "mosaics there would replace it. Choose another output folder."
                ),
                parameter="OUTPUT_FOLDER",
                args=(target,),
            )  # fmt: skip
    with atomic_outputs(targets) as temporaries:
        for done, (group, bands) in enumerate(groups.items(), start=1):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("mosaic cancelled")
            options = gdal.BuildVRTOptions(bandList=bands)
            said: list[str] = []  # GDAL's warnings, which say why it skipped a tile
            gdal.PushErrorHandler(lambda _kind, _number, message, said=said: said.append(message))
            try:
                vrt = gdal.BuildVRT(str(temporaries[group]), [str(p) for p in paths], options=options)
            finally:
                gdal.PopErrorHandler()
            if vrt is None:
                raise TimestackError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore",
                        "INPUT: GDAL cannot mosaic the tiles ({0}); tiles need one CRS and one resolution"
                    ),
                    parameter="INPUT",
                    args=(gdal.GetLastErrorMsg() or "; ".join(said),),
                )  # fmt: skip
            listed = {os.path.realpath(source) for source in vrt.GetFileList() or []}
            left_out = [path for path in paths if os.path.realpath(path) not in listed]
            if left_out:  # BuildVRT skips, with a mere warning, what it cannot place (a rotated tile)
                vrt = None  # closed before its temporary is removed on the way out (else GDAL writes it then)
                raise TimestackError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore",
                        "INPUT: GDAL leaves {0} out of the mosaic ({1}); remove it from the folder or "
                        "rewrite it like the other tiles"
                    ),
                    parameter="INPUT",
                    args=(left_out[0].name, "; ".join(dict.fromkeys(said)) or "no reason given"),
                )  # fmt: skip
            for number, band in enumerate(bands, start=1):
                vrt.GetRasterBand(number).SetDescription(descriptions[band - 1])
            for key, value in metadata.items():
                vrt.SetMetadataItem(key, value)
            vrt.SetMetadataItem(MARKER, "yes")
            vrt = None  # flush
            _relative_sources(temporaries[group], folder)
            if progress is not None:
                progress(100.0 * done / len(groups), f"Mosaic: {done}/{len(groups)}")
    return list(targets.values())

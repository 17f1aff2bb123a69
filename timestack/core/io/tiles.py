"""Tiled, resumable runs: one output per tile, a manifest of the finished tiles, VRT mosaics as the result.

A Landsat ARD tile is 5,000² pixels and a county several of them; a run over such an area takes hours,
and a crash, a reboot or a cancel must not cost what was already done. So the input grid is cut into
tiles, each tile runs as a run of its own (on a VRT window of the input: nothing is copied), and when
its outputs are written they are recorded in ``manifest.json`` with their SHA-256. Running the same run
again (same input, same parameters) skips every tile whose files still match the manifest and ends with
the output an uninterrupted run writes. The results are VRT mosaics of the tiles, with relative paths and
band descriptions (:func:`.mosaic.mosaic_tiles`), so the folder can move as a whole.

The tiles are either a regular cut (``plan_tiles``: a tile size in pixels) or named windows the caller
computed from a grid of its own, such as Landsat ARD tiles (``grid_window`` turns a feature's bounds
into one, ``tile_name`` its id into a folder name); the core never sees the grid layer itself.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence

from ..runtime import QT_TRANSLATE_NOOP, Cancelled, IsCancelled, Progress, TimestackError
from .atomic import write_text_atomically
from .mosaic import mosaic_tiles

__all__ = ["MANIFEST", "Tile", "grid_window", "plan_tiles", "run_tiled", "tile_name"]

#: The record of a tiled run in its folder.
MANIFEST = "manifest.json"
_VERSION = 1

#: ``run_tile(source, outputs, progress, is_cancelled)``: write each of ``outputs`` (key -> path) for
#: the tile whose input is the raster ``source``.
TileRun = Callable[[Path, Mapping[str, Path], Optional[Progress], Optional[IsCancelled]], Any]


@dataclass(frozen=True)
class Tile:
    """A window of the input grid, in pixels; ``id`` names its folder (``r000_c001``)."""

    id: str
    col_off: int
    row_off: int
    width: int
    height: int


def plan_tiles(width: int, height: int, tile_size: int) -> list[Tile]:
    """Tiles of at most ``tile_size``² pixels covering a ``width`` × ``height`` grid, row by row.

    Parameters
    ----------
    width, height
        The grid's size, in pixels.
    tile_size
        A tile's side, in pixels.

    Returns
    -------
    list of Tile
        Named ``rRRR_cCCC`` by their tile row and column.

    Raises
    ------
    TimestackError
        ``tile_size`` is below 1 (names TILE_SIZE).
    """
    if tile_size < 1:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "TILE_SIZE must be at least 1 pixel, got {0}"),
            parameter="TILE_SIZE",
            args=(tile_size,),
        )
    return [
        Tile(
            f"r{row // tile_size:03d}_c{col // tile_size:03d}",
            col,
            row,
            min(tile_size, width - col),
            min(tile_size, height - row),
        )  # fmt: skip
        for row in range(0, height, tile_size)
        for col in range(0, width, tile_size)
    ]


#: What a tile id may hold: a folder name on every operating system.
_TILE_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*")
#: Names Windows reserves for devices, whatever the extension.
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10))}


def tile_name(value: Any) -> str:
    """A grid feature's id as a folder name: ``"h03/v09 "`` -> ``"h03_v09"``, ``12`` -> ``"12"``.

    Runs of characters other than letters, digits, ``.``, ``_`` and ``-`` become one ``_``; leading
    and trailing dots and underscores go (no hidden folders, no Windows trailing dots); a Windows
    device name (``CON``) gets a leading ``_``. Two ids may give one name: callers check for that.

    Parameters
    ----------
    value
        The id field's value.

    Returns
    -------
    str
        A folder name every platform accepts (``_`` when nothing usable is left).
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", str(value).strip()).strip("._")
    if not name or name.split(".")[0].upper() in _RESERVED:
        name = f"_{name}"
    return name


def grid_window(
    bounds: Sequence[float], transform: Sequence[float], width: int, height: int
) -> Optional[tuple[int, int, int, int]]:
    """The pixels of a ``width`` × ``height`` grid that ``bounds`` overlaps, or None when it misses it.

    The window is snapped outwards to whole pixels, so a grid cell that cuts a pixel takes all of it
    (neighbouring cells may share such a pixel: each computes it the same way), and clipped to the grid.

    Parameters
    ----------
    bounds
        ``(xmin, ymin, xmax, ymax)`` in the grid's CRS.
    transform
        The grid's GDAL geotransform (north-up).
    width, height
        The grid's size, in pixels.

    Returns
    -------
    tuple or None
        ``(col_off, row_off, width, height)``, or None.

    Raises
    ------
    TimestackError
        The grid is rotated (names TILES).
    """
    x0, dx, rx, y0, ry, dy = (float(value) for value in transform)
    if rx or ry or not dx or not dy:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "TILES: the stack's grid is rotated, so grid cells cannot be cut from it as windows; use "
                "TILE_SIZE instead"
            ),
            parameter="TILES",
        )  # fmt: skip
    xmin, ymin, xmax, ymax = (float(value) for value in bounds)
    cols = sorted(((xmin - x0) / dx, (xmax - x0) / dx))
    rows = sorted(((ymin - y0) / dy, (ymax - y0) / dy))
    tolerance = 1e-6  # a cell edge on a pixel edge, up to rounding, takes no extra pixel
    col_start = max(0, math.floor(cols[0] + tolerance))
    col_end = min(width, math.ceil(cols[1] - tolerance))
    row_start = max(0, math.floor(rows[0] + tolerance))
    row_end = min(height, math.ceil(rows[1] - tolerance))
    if col_end <= col_start or row_end <= row_start:
        return None
    return col_start, row_start, col_end - col_start, row_end - row_start


def _check_named_tiles(tiles: Sequence[Tile], width: int, height: int) -> list[Tile]:
    """Named tiles that can be run: at least one, distinct folder names, windows inside the grid."""
    tiles = list(tiles)
    if not tiles:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "TILES: no tile overlaps the stack; choose a grid that covers it"
            ),
            parameter="TILES",
        )  # fmt: skip
    seen: dict[str, str] = {}
    for tile in tiles:
        if not _TILE_NAME.fullmatch(tile.id):
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "TILES_ID_FIELD: {0!r} cannot name a tile folder; use letters, digits, '.', '_' and '-'"
                ),
                parameter="TILES_ID_FIELD",
                args=(tile.id,),
            )  # fmt: skip
        if tile.id.casefold() in seen:  # one folder on a case-insensitive file system
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "TILES_ID_FIELD: tiles {0!r} and {1!r} would share one folder; give every tile its own id"
                ),
                parameter="TILES_ID_FIELD",
                args=(seen[tile.id.casefold()], tile.id),
            )  # fmt: skip
        seen[tile.id.casefold()] = tile.id
        inside = 0 <= tile.col_off and 0 <= tile.row_off and tile.width > 0 and tile.height > 0
        if not inside or tile.col_off + tile.width > width or tile.row_off + tile.height > height:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "TILES: tile {0} ({1}, {2}, {3} × {4} pixels) is not inside the stack's {5} × {6} pixels"
                ),
                parameter="TILES",
                args=(tile.id, tile.col_off, tile.row_off, tile.width, tile.height, width, height),
            )  # fmt: skip
    return tiles


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fingerprint(
    source: Path, tiling: int | Sequence[Tile], keys: Sequence[str], run: Mapping[str, Any]
) -> str:
    """What makes two runs the same run: the input file as it is now, the tiling (a size, or every
    named window), the outputs and the parameters."""
    status = source.stat()
    windows: int | list[list[object]] = (
        tiling
        if isinstance(tiling, int)
        else [[tile.id, tile.col_off, tile.row_off, tile.width, tile.height] for tile in tiling]
    )
    described = {
        "source": str(source), "size": status.st_size, "mtime_ns": status.st_mtime_ns,
        "tile_size": windows, "outputs": sorted(keys), "run": run,
    }  # fmt: skip
    return hashlib.sha256(json.dumps(described, sort_keys=True, default=str).encode()).hexdigest()


def _read_manifest(folder: Path, fingerprint: str) -> dict:
    """The finished tiles recorded in ``folder``; refuses a folder that holds anything else."""
    manifest = folder / MANIFEST
    if not manifest.exists():
        if folder.exists() and any(folder.iterdir()):
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "TILES_FOLDER: {0} is not empty and holds no tiled run; choose a new or empty folder "
                    "(nothing in it was changed)"
                ),
                parameter="TILES_FOLDER",
                args=(folder,),
            )  # fmt: skip
        return {}
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "TILES_FOLDER: {0} cannot be read ({1}); choose a new folder"),
            parameter="TILES_FOLDER",
            args=(manifest, exc),
        ) from exc
    if recorded.get("version") != _VERSION or recorded.get("fingerprint") != fingerprint:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "TILES_FOLDER: {0} holds the tiles of another run (another input, tiling or parameters); "
                "choose a new folder to start over, or run again with that run's input and parameters to "
                "resume it"
            ),
            parameter="TILES_FOLDER",
            args=(folder,),
        )  # fmt: skip
    return dict(recorded.get("tiles", {}))


def _finished(folder: Path, record: Mapping[str, Any], keys: Sequence[str]) -> bool:
    """A recorded tile whose files are all still there, unchanged."""
    for key in keys:
        entry = record.get(key)
        if not entry:
            return False
        path = folder / entry["file"]
        if not path.is_file() or _sha256(path) != entry["sha256"]:
            return False
    return True


def _window_source(source: Path, tile: Tile, target: Path) -> Path:
    from osgeo import gdal

    options = gdal.TranslateOptions(
        format="VRT", srcWin=[tile.col_off, tile.row_off, tile.width, tile.height]
    )
    if gdal.Translate(str(target), str(source), options=options) is None:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "INPUT: GDAL cannot cut tile {0} from {1} ({2})"),
            parameter="INPUT",
            args=(tile.id, source, gdal.GetLastErrorMsg()),
        )
    return target


def run_tiled(
    source: str | os.PathLike,
    folder: str | os.PathLike,
    keys: Sequence[str],
    tiling: int | Sequence[Tile],
    run_tile: TileRun,
    run: Mapping[str, Any],
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
) -> tuple[dict[str, Path], int]:
    """Run ``run_tile`` on every tile of ``source``'s grid not finished yet; mosaic each output.

    Parameters
    ----------
    source
        The input raster; every tile reads a window of it.
    folder
        The run's folder: ``manifest.json``, ``tiles/<tile id>/<key>.tif`` and the mosaics ``<key>.vrt``.
        New, empty, or the folder of an earlier attempt at the same run (which is resumed).
    keys
        The outputs each tile writes (file names without suffix).
    tiling
        Tile width and height in pixels (tiles ``r000_c000``… by :func:`plan_tiles`), or the tiles
        themselves: named windows of the grid, e.g. the cells of a grid layer (:func:`grid_window`),
        each id a folder name (:func:`tile_name`). The mosaics cover the tiles.
        Writes one tile's outputs (see ``TileRun``); it must write them atomically.
    run
        The run's parameters: a folder is resumed only by the same parameters.

    Returns
    -------
    (dict, int)
        Key -> mosaic VRT, and how many tiles were already finished and skipped.

    Raises
    ------
    TimestackError
        Naming TILES_FOLDER for a folder that holds something else or another run, TILE_SIZE for a size
        below one pixel, TILES for no tiles or a window outside the grid, TILES_ID_FIELD for ids that
        cannot name distinct folders.
    Cancelled
        Between tiles or inside one; the finished tiles stay recorded, the unfinished one leaves nothing.
    """
    from osgeo import gdal

    source = Path(source).resolve()
    folder = Path(folder).resolve()
    dataset = gdal.Open(str(source))
    if dataset is None:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "INPUT: {0} is not a raster GDAL can read"),
            parameter="INPUT",
            args=(source,),
        )
    width, height, transform = dataset.RasterXSize, dataset.RasterYSize, dataset.GetGeoTransform()
    dataset = None  # closed before any refusal: a traceback holding it crashes GDAL at exit
    _, _, rotation_x, _, rotation_y, pixel_height = transform
    if rotation_x or rotation_y or pixel_height >= 0:  # gdalbuildvrt could not mosaic the tiles
        parameter = "TILE_SIZE" if isinstance(tiling, int) else "TILES"
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0}: the stack's grid is rotated or not north-up, so its tiles cannot be mosaicked; warp "
                "it to a north-up grid first (Raster ▸ Projections ▸ Warp), or run it in one piece"
            ),
            parameter=parameter,
            args=(parameter,),
        )  # fmt: skip
    if isinstance(tiling, int):
        tiles = plan_tiles(width, height, tiling)
    else:
        tiles = _check_named_tiles(tiling, width, height)
    fingerprint = _fingerprint(source, tiling, keys, run)
    recorded = _read_manifest(folder, fingerprint)
    created = not folder.exists()
    try:
        skipped = _run_tiles(
            source, folder, tiles, keys, run_tile, fingerprint, recorded, progress, is_cancelled
        )
    except BaseException:
        if created and not recorded:  # nothing finished: leave no folder the run made
            shutil.rmtree(folder, ignore_errors=True)
        raise
    mosaics = {}
    for key in keys:
        files = [folder / recorded[tile.id][key]["file"] for tile in tiles]
        (mosaics[key],) = mosaic_tiles(files, folder, group_by="none", name=key)
    return mosaics, skipped


def _run_tiles(
    source: Path,
    folder: Path,
    tiles: Sequence[Tile],
    keys: Sequence[str],
    run_tile: TileRun,
    fingerprint: str,
    recorded: dict,
    progress: Optional[Progress],
    is_cancelled: Optional[IsCancelled],
) -> int:
    """Run the unfinished tiles, recording each in the manifest once written; how many were skipped."""

    def save() -> None:
        document = {"version": _VERSION, "fingerprint": fingerprint, "tiles": recorded}
        write_text_atomically(folder / MANIFEST, lambda stream: json.dump(document, stream, indent=1))

    skipped = 0
    for number, tile in enumerate(tiles):
        if is_cancelled is not None and is_cancelled():
            raise Cancelled("tiled run cancelled")
        tile_folder = folder / "tiles" / tile.id
        if tile.id in recorded and _finished(folder, recorded[tile.id], keys):
            skipped += 1
            continue
        recorded.pop(tile.id, None)
        shutil.rmtree(tile_folder, ignore_errors=True)  # what a killed attempt left of this tile
        tile_folder.mkdir(parents=True)
        if not (folder / MANIFEST).exists():
            save()  # from its first tile on, the folder is this run's

        def tile_progress(percent: float, message: str = "", number: int = number) -> None:
            if progress is not None:
                progress((number + percent / 100.0) * 100.0 / len(tiles), f"Tile {number + 1}/{len(tiles)}")

        outputs = {key: tile_folder / f"{key}.tif" for key in keys}
        window = _window_source(source, tile, tile_folder / ".source.vrt")
        try:
            run_tile(window, outputs, tile_progress, is_cancelled)
        except BaseException:
            shutil.rmtree(tile_folder, ignore_errors=True)
            raise
        finally:
            window.unlink(missing_ok=True)
        recorded[tile.id] = {
            key: {"file": path.relative_to(folder).as_posix(), "sha256": _sha256(path)}
            for key, path in outputs.items()
        }
        save()
    return skipped

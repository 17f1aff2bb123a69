"""Tiled, resumable runs: one output per tile, a manifest of the finished tiles, VRT mosaics as the result.

A Landsat ARD tile is 5,000² pixels and a county several of them; a run over such an area takes hours,
and a crash, a reboot or a cancel must not cost what was already done. So the input grid is cut into
tiles, each tile runs as a run of its own (on a VRT window of the input: nothing is copied), and when
its outputs are written they are recorded in ``manifest.json`` with their SHA-256. Running the same run
again (same input, same parameters) skips every tile whose files still match the manifest and ends with
the output an uninterrupted run writes. The results are VRT mosaics of the tiles, with relative paths and
band descriptions (:func:`.mosaic.mosaic_tiles`), so the folder can move as a whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence

from ..runtime import Cancelled, IsCancelled, Progress, TimestackError
from .atomic import write_text_atomically
from .mosaic import mosaic_tiles

__all__ = ["MANIFEST", "Tile", "plan_tiles", "run_tiled"]

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
    """Tiles of at most ``tile_size``² pixels covering a ``width`` × ``height`` grid, row by row."""
    if tile_size < 1:
        raise TimestackError(f"TILE_SIZE must be at least 1 pixel, got {tile_size}", parameter="TILE_SIZE")
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


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fingerprint(source: Path, tile_size: int, keys: Sequence[str], run: Mapping[str, Any]) -> str:
    """What makes two runs the same run: the input file as it is now, the tiling, the outputs and the
    parameters."""
    status = source.stat()
    described = {
        "source": str(source), "size": status.st_size, "mtime_ns": status.st_mtime_ns,
        "tile_size": tile_size, "outputs": sorted(keys), "run": run,
    }  # fmt: skip
    return hashlib.sha256(json.dumps(described, sort_keys=True, default=str).encode()).hexdigest()


def _read_manifest(folder: Path, fingerprint: str) -> dict:
    """The finished tiles recorded in ``folder``; refuses a folder that holds anything else."""
    manifest = folder / MANIFEST
    if not manifest.exists():
        if folder.exists() and any(folder.iterdir()):
            raise TimestackError(
                f"TILES_FOLDER: {folder} is not empty and holds no tiled run; choose a new or empty folder "
                "(nothing in it was changed)",
                parameter="TILES_FOLDER",
            )
        return {}
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TimestackError(
            f"TILES_FOLDER: {manifest} cannot be read ({exc}); choose a new folder", parameter="TILES_FOLDER"
        ) from exc
    if recorded.get("version") != _VERSION or recorded.get("fingerprint") != fingerprint:
        raise TimestackError(
            f"TILES_FOLDER: {folder} holds the tiles of another run (another input, tiling or parameters); "
            "choose a new folder to start over, or run again with that run's input and parameters to "
            "resume it",
            parameter="TILES_FOLDER",
        )
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
            f"INPUT: GDAL cannot cut tile {tile.id} from {source} ({gdal.GetLastErrorMsg()})",
            parameter="INPUT",
        )
    return target


def run_tiled(
    source: str | os.PathLike,
    folder: str | os.PathLike,
    keys: Sequence[str],
    tile_size: int,
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
    tile_size
        Tile width and height in pixels.
    run_tile
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
        below one pixel.
    Cancelled
        Between tiles or inside one; the finished tiles stay recorded, the unfinished one leaves nothing.
    """
    from osgeo import gdal

    source = Path(source).resolve()
    folder = Path(folder).resolve()
    dataset = gdal.Open(str(source))
    if dataset is None:
        raise TimestackError(f"INPUT: {source} is not a raster GDAL can read", parameter="INPUT")
    tiles = plan_tiles(dataset.RasterXSize, dataset.RasterYSize, tile_size)
    dataset = None
    fingerprint = _fingerprint(source, tile_size, keys, run)
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

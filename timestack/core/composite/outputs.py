"""Where a composite's outputs go and how they are laid out.

Before any scene is read, outputs that could only fail at the end (over an input, below a file) are
refused. After the windows are composited into per-year GeoTIFFs in a work folder, the stack COG
(bands ``YYYY_name`` year by year; years without scenes nodata), the observation COG (``YYYY_doy``,
``YYYY_source``), the optional OUTPUT_FOLDER (per-year COGs, per-variable VRTs) and the run log are
written here; every file joins the run's cleanup list before it is written.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional

from ..io.atomic import atomic_output
from ..io.bands import band_description
from ..io.hrefs import file_uri_path
from ..io.stack import write_cog, write_vrt
from ..runtime import QT_TRANSLATE_NOOP, TimestackError
from .catalog import load_items
from .settings import CompositeSettings

__all__ = [
    "OutputPaths",
    "check_output_path",
    "folders_to_make",
    "grid_log",
    "refuse_outputs_over_inputs",
    "refuse_unusable_output_places",
    "run_log",
    "write_folder",
    "write_observation",
    "write_stack",
    "year_summary",
]

#: The methods whose value at a pixel is one observation's: they also write its day and source scene.
PICKING_METHODS = ("medoid", "max_ndvi")


@dataclass(frozen=True)
class OutputPaths:
    """The files of a composite run, all named after OUTPUT's stem, and its work folder."""

    output: Path
    observation: Optional[Path]
    log: Path
    work: Path

    @classmethod
    def of(cls, settings: CompositeSettings) -> OutputPaths:
        output = Path(settings.output)
        stem = output.stem
        picks = settings.method in PICKING_METHODS
        return cls(
            output,
            output.with_name(f"{stem}_observation.tif") if picks else None,
            output.with_name(f"{stem}_log.json"),
            output.with_name(f".{stem}.partial"),
        )

    @property
    def stem(self) -> str:
        return self.output.stem

    def year_file(self, year: int) -> Path:
        return self.work / f"{self.stem}_{year}.tif"

    def observation_file(self, year: int) -> Path:
        return self.work / f"{self.stem}_observation_{year}.tif"


def check_output_path(output: Path) -> None:
    """Refuse an OUTPUT that is not a GeoTIFF path."""
    if output.suffix.lower() not in (".tif", ".tiff"):
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "OUTPUT must be a GeoTIFF path ending in .tif, got {0}"),
            "OUTPUT",
            args=(output,),
        )


def write_stack(paths: OutputPaths, grid, dtype, years, made, variables, progress, is_cancelled) -> None:
    """The stack COG from the per-year files of the years in ``made`` (a VRT over them; the other
    years stay nodata)."""
    stack_vrt = paths.work / f"{paths.stem}_stack.vrt"
    sources = [
        (paths.year_file(year) if year in made else None, i + 1, band_description(year, name))
        for year in years
        for i, name in enumerate(variables)
    ]
    write_vrt(stack_vrt, grid, dtype, sources, relative=False)
    write_cog(stack_vrt, paths.output, lambda f: progress(90 + 5 * f, ""), is_cancelled)


def write_observation(paths: OutputPaths, grid, years, made, is_cancelled) -> None:
    """The observation COG: ``YYYY_doy`` and ``YYYY_source`` of the observation each pixel took;
    nothing for a method that picks no observation (``paths.observation`` None)."""
    if paths.observation is None:
        return
    observation_vrt = paths.work / f"{paths.stem}_observation.vrt"
    sources = [
        (
            paths.observation_file(year) if year in made else None,
            b + 1,
            band_description(year, name),
        )
        for year in years
        for b, name in enumerate(("doy", "source"))
    ]
    write_vrt(observation_vrt, grid, "int16", sources, relative=False)
    write_cog(observation_vrt, paths.observation, None, is_cancelled)


def refuse_outputs_over_inputs(settings: CompositeSettings, output: Path, picks_observation: bool) -> None:
    """Refuse an OUTPUT whose stack, observation raster or log would overwrite the ItemCollection or
    one of its scenes' files: the run would destroy the archive it reads."""
    stem = output.stem
    written = [output, output.with_name(f"{stem}_log.json")]
    written += [output.with_name(f"{stem}_observation.tif")] if picks_observation else []
    features, base_dir = load_items(settings.items)
    read = [Path(settings.items)] if isinstance(settings.items, (str, Path)) else []
    for feature in features:
        for asset in (feature.get("assets") or {}).values() if isinstance(feature, dict) else ():
            href = str(asset.get("href", "")) if isinstance(asset, Mapping) else ""
            if href.startswith("file://") or (href and "://" not in href):
                local = Path(file_uri_path(href) if href.startswith("file://") else href)
                read.append(local if local.is_absolute() or base_dir is None else base_dir / local)
    inputs = {os.path.realpath(path) for path in read}
    for path in written:
        if os.path.realpath(path) in inputs:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "OUTPUT {0} would write {1} over a file the composite reads (the items or one of their "
                    "scenes); choose another file name or folder for OUTPUT."
                ),
                "OUTPUT",
                args=(output, path.name),
            )  # fmt: skip


def folders_to_make(folder: Path) -> list[Path]:
    """The folders ``mkdir(parents=True)`` would create for ``folder``, outermost first."""
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    return missing[::-1]


def _file_above(path: Path) -> Optional[Path]:
    """The nearest existing path at or above ``path`` if it is a regular file (no folder can be made
    there), else None."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None


def refuse_unusable_output_places(settings: CompositeSettings, output: Path) -> None:
    """Refuse, before any scene is read, outputs that could only fail at the end of the run: OUTPUT
    below a regular file, an OUTPUT_FOLDER that is a file (OUTPUT's own path included) or lies below one."""
    places = [("OUTPUT", output, output.parent)]
    if settings.output_folder is not None:
        folder = Path(settings.output_folder)
        if os.path.realpath(folder) == os.path.realpath(output):
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "OUTPUT_FOLDER {0} is the file OUTPUT writes; choose a folder of its own for the "
                    "per-year GeoTIFFs"
                ),
                "OUTPUT_FOLDER",
                args=(folder,),
            )  # fmt: skip
        if folder.exists() and not folder.is_dir():
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "OUTPUT_FOLDER {0} is a file, not a folder; choose a new or existing folder for the "
                    "per-year GeoTIFFs"
                ),
                "OUTPUT_FOLDER",
                args=(folder,),
            )  # fmt: skip
        places.append(("OUTPUT_FOLDER", folder, folder))
    for name, target, folder in places:
        blocker = _file_above(folder)
        if blocker is not None:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0} {1} cannot be made: {2} is a file, not a folder; choose a place inside a folder"
                ),
                name,
                args=(name, target, blocker),
            )  # fmt: skip


def write_folder(
    settings, grid, years, variables, year_paths, stem, result, created, is_cancelled, progress
) -> None:
    """Per-year COGs and, per variable, a VRT over the years (relative paths) in OUTPUT_FOLDER.

    Each file joins ``created`` (the run's cleanup list) once written (each is written atomically), and
    the folder when this run makes it, so a cancel or failure part-way through leaves nothing behind
    and removes nothing that stood there before.
    """
    folder = Path(settings.output_folder)
    if not folder.exists():
        created.append(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for number, year in enumerate(years):
        if year not in year_paths:
            continue
        target = folder / f"{stem}_{year}.tif"
        write_cog(year_paths[year], target, None, is_cancelled)
        created.append(target)
        result.year_files.append(target)
        progress(95 + 4 * (number + 1) / len(years), "")
    for index, name in enumerate(variables):
        vrt = folder / f"{stem}_{name}.vrt"
        sources = [
            (
                folder / f"{stem}_{year}.tif" if year in year_paths else None,
                index + 1,
                band_description(year, name),
            )
            for year in years
        ]
        with atomic_output(vrt) as partial:
            write_vrt(partial, grid, settings.output_dtype, sources, relative=True)
        created.append(vrt)
        result.vrts.append(vrt)


def year_summary(scenes, skipped, years) -> dict:
    """Per year: scenes found, scenes used (read without error), and the years left without data.

    A scene that failed a read is skipped, not used: the log must not list it as a source, and a year
    whose every scene failed is unreadable, which a user must hear about rather than see as nodata.
    """
    failed = {entry["id"] for entry in skipped}
    found = Counter(scene.year for scene in scenes)
    found.update(entry["year"] for entry in skipped if entry.get("year") is not None)
    used = [(source, scene) for source, scene in enumerate(scenes) if scene.id not in failed]
    used_per_year = Counter(scene.year for _source, scene in used)
    return {
        "found": found,
        "used": used,
        "used_per_year": used_per_year,
        "empty_years": [year for year in years if not used_per_year[year]],
        "unreadable_years": [year for year in years if found[year] and not used_per_year[year]],
    }


def grid_log(grid) -> dict:
    """The grid as a run log records it: CRS, transform (6 coefficients) and size."""
    return {
        "crs": grid.crs.to_string(),
        "transform": list(grid.transform)[:6],
        "width": grid.width,
        "height": grid.height,
    }


def run_log(settings, grid, summary, years, variables, skipped, warnings) -> dict:
    """What the run used and skipped: each used scene keeps its ``source`` band value."""
    return {
        "created": dt.datetime.now(dt.timezone.utc).isoformat(),
        "grid": grid_log(grid),
        "method": settings.method,
        "years": years,
        "variables": list(variables),
        "doy_window": [settings.doy_start, settings.doy_end],
        "scenes": [
            {
                "source": source,
                "id": scene.id,
                "datetime": scene.datetime.isoformat(),
                "year": scene.year,
                "platform": scene.platform,
            }
            for source, scene in summary["used"]
        ],
        "scenes_per_year": {str(year): summary["used_per_year"][year] for year in years},
        "empty_years": summary["empty_years"],
        "unreadable_years": summary["unreadable_years"],
        "skipped": skipped,
        "warnings": warnings,
    }

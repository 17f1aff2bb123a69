"""Per-date stacks of masked scenes: every acquisition day of an ItemCollection as bands of one grid.

The scenes go through exactly the composite's machinery (:mod:`.catalog`, :mod:`.observations`):
the same item parsing, preflight and skipped-scene log (:func:`.catalog.prepare_scenes`), the same target grid
(:func:`.catalog.build_grid`), the same windowed reads, scaling and QA/SCL/Fmask masks
(:func:`.annual.read_scene`), the same indices registry and the same writers; only the reduction
differs: instead of one value per year, every acquisition day keeps its own bands, described
``YYYY-MM-DD_name`` (:func:`..io.bands.date_band_description`).

Several scenes of one day (neighbouring path/rows or tiles, or one granule listed by two collections)
become one date: per pixel, the first scene in acquisition-time order whose observation is valid (not
masked, not nodata) gives all its bands, so the bands and indices of a pixel always come from one
observation. A pixel masked in every scene of the day stays nodata.

Without TARGET_CRS the grid is in the UTM zone most scenes lie in (those overlapping EXTENT/AOI when
one is given) — the rule of ASF's HyP3 time-series notebook, shared with the cube export
(:func:`..cube.stacks.predominant_utm`).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, Callable, Optional, Protocol, Sequence

import numpy as np
import rasterio
from rasterio.crs import CRS
from rasterio.windows import Window

from ..cube.stacks import predominant_utm
from ..indices import compute_index, required_bands
from ..io.bands import date_band_description
from ..io.budget import SizeEstimate
from ..io.engine import OutputSpec, run_windows
from ..io.grid import REMOTE_GDAL_OPTIONS, TargetGrid, bounds_in, intersects, with_halo
from ..io.stack import NODATA, encode_values, remove_paths, write_cog, write_json
from ..items import item_time
from ..runtime import QT_TRANSLATE_NOOP, Message, Progress
from .catalog import (
    Scene,
    asset_cache,
    build_grid,
    downloaded_scenes,
    load_items,
    prepare_scenes,
    scenes_on_grid,
)
from .estimate import scene_estimate
from .observations import UnitSpec, window_bounds, window_observations
from .outputs import (
    check_output_path,
    folders_to_make,
    grid_log,
    refuse_outputs_over_inputs,
    refuse_unusable_output_places,
)
from .settings import CompositeSettings, StackSettings, shared_settings, validate

__all__ = [
    "SceneStackResult",
    "SceneStackSettings",
    "date_unit",
    "scene_stack",
    "scenes_by_date",
    "stack_crs",
]

#: How same-day scenes are merged, as the run log states it.
MERGE_RULE = "first valid observation in acquisition-time order"


@dataclass(frozen=True)
class SceneStackSettings(StackSettings):
    """Everything a per-date stack needs; names follow ``timestack:scenestack``'s parameters.

    ``crs`` None: the predominant UTM zone of the scenes; ``bounds`` None: all scenes (in
    ``bounds_crs``, default the target CRS). The rest means what it means for a composite
    (:class:`.settings.StackSettings`).
    """

    output_dtype: str = "float32"


@dataclass
class SceneStackResult:
    stack: Path
    log: Path
    dates: list[dt.date]
    variables: list[str]
    crs: str
    skipped: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    scenes_used: int = 0


def _composite_settings(settings: SceneStackSettings) -> CompositeSettings:
    """The composite settings the shared machinery reads: every date of the items, all days of year."""
    first, last = _item_years(settings.items)
    return CompositeSettings(**shared_settings(settings), start_year=first, end_year=last)


def _item_years(items: Any) -> tuple[int, int]:
    """First and last year of the items' dates (so messages name the years the items span)."""
    years = []
    for item in load_items(items)[0]:
        try:
            moment = item_time(item) if isinstance(item, dict) else None
        except ValueError:
            continue
        if moment is not None:
            years.append(moment.year)
    return (min(years), max(years)) if years else (1, 9999)


class GridChoice(Protocol):
    """What :func:`stack_crs` reads of a run's settings (per-date and per-track radar stacks alike)."""

    @property
    def crs(self) -> Optional[str]: ...

    @property
    def bounds(self) -> Optional[tuple[float, float, float, float]]: ...

    @property
    def bounds_crs(self) -> Optional[str]: ...


def stack_crs(settings: GridChoice, scenes: Sequence[Scene]) -> str:
    """TARGET_CRS, or ``EPSG:<code>`` of the UTM zone most ``scenes`` lie in (of those overlapping the
    area when one is given; ties: the zone of the earliest scene)."""
    if settings.crs:
        return settings.crs
    chosen = list(scenes)
    if settings.bounds is not None and settings.bounds_crs:
        overlapping = [
            scene
            for scene in scenes
            if intersects(bounds_in(scene.footprint, scene.file_crs, settings.bounds_crs), settings.bounds)
        ]
        chosen = overlapping or chosen
    crss = [CRS.from_user_input(scene.file_crs) for scene in chosen]
    return f"EPSG:{predominant_utm(crss, [scene.footprint for scene in chosen])}"


def scenes_by_date(scenes: Sequence[Scene]) -> dict[dt.date, list[Scene]]:
    """Scenes grouped by acquisition day (UTC), days in order, each day's scenes in time order."""
    grouped: dict[dt.date, list[Scene]] = {}
    for scene in sorted(scenes, key=lambda scene: scene.datetime):
        grouped.setdefault(scene.datetime.date(), []).append(scene)
    return grouped


def date_unit(
    scenes: Sequence[Scene], spec: UnitSpec, window: Window, cancel: Optional[threading.Event] = None
) -> dict:
    """One chunk ``window`` of one day: its ``scenes`` merged (see the module docstring), indices added.

    Returns ``values`` (variables, rows, cols) in the output dtype (nodata where masked) and ``errors``
    [(scene id, message)] for windows that could not be read.
    """
    read_window_, inner = with_halo(window, spec.halo, spec.grid)
    rows, cols = int(window.height), int(window.width)
    merged = np.full((len(spec.read_bands), rows, cols), np.nan, np.float32)
    errors: list[tuple[str, str]] = []
    for _position, data in window_observations(scenes, spec, read_window_, errors, cancel):
        data = data[:, inner[0], inner[1]]
        take = np.isnan(merged[0]) & np.isfinite(data).all(axis=0)
        merged[:, take] = data[:, take]
    bands = {band: merged[i] for i, band in enumerate(spec.read_bands)}
    values = np.empty((len(spec.variables), rows, cols), np.float32)
    with np.errstate(divide="ignore", invalid="ignore"):
        for i, name in enumerate(spec.variables):
            values[i] = bands[name] if name in bands else compute_index(name, bands)
    return {"values": encode_values(values, spec.output_dtype), "errors": errors}


def scene_stack(
    settings: SceneStackSettings,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[Callable[[], bool]] = None,
) -> SceneStackResult:
    """Write the per-date stack of ``settings.items`` (a COG, bands ``YYYY-MM-DD_name`` date by date)
    and its run log ``<stem>_log.json``; cancel raises :class:`Cancelled` and removes every output."""
    progress = progress or (lambda _percent, _message: None)
    is_cancelled = is_cancelled or (lambda: False)
    output = Path(settings.output)
    check_output_path(output)
    composite = _composite_settings(settings)
    bands, indices = validate(composite)
    read_bands = required_bands(bands, indices)
    variables = (*bands, *indices)
    refuse_outputs_over_inputs(composite, output, picks_observation=False)
    refuse_unusable_output_places(composite, output)
    made = folders_to_make(output.parent)
    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        skipped: list[dict] = []
        warnings: list[str] = []
        with rasterio.Env(**REMOTE_GDAL_OPTIONS), asset_cache(composite) as cache:
            progress(0.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "Checking scenes")))
            scenes = prepare_scenes(composite, read_bands, skipped, warnings)
            composite = replace(composite, crs=stack_crs(settings, scenes))
            grid = build_grid(composite, scenes)
            inside = scenes_on_grid(composite, grid, scenes)
            estimate = _size_estimate(composite, grid, inside, read_bands, variables)
            progress(1.0, estimate.describe())
            estimate.check(settings.max_gb)
            if cache is not None:
                inside = downloaded_scenes(composite, cache, inside, skipped, progress, is_cancelled)
            return _write_stack(
                composite, grid, inside, read_bands, variables, skipped, warnings, progress, is_cancelled
            )
    except BaseException:
        remove_paths(made[:1])  # a failed run leaves no folder it made for OUTPUT
        raise


def _size_estimate(settings, grid: TargetGrid, scenes, read_bands, variables) -> SizeEstimate:
    """Read: every scene's bands where it covers the grid; output: dates x variables bands; memory: per
    unit in flight, the merged day, one scene read with its halo, and the encoded result."""
    dates = len(scenes_by_date(scenes))
    item_size = 2 if settings.output_dtype == "int16" else 4
    halo = int(np.ceil(settings.mask.buffer_pixels))
    side = min(settings.chunk_size, max(grid.width, grid.height)) + 2 * halo
    in_flight = max(1, settings.workers) + 1
    memory = in_flight * side * side * 4 * (2 * len(read_bands) + 2 * len(variables))
    output = grid.width * grid.height * dates * len(variables) * item_size
    return scene_estimate(grid, scenes, read_bands, output, memory)


def dates_window(spec: UnitSpec, by_date, cancel, window: Window, _arrays) -> dict:
    """The engine kernel: every date of ``window`` (:func:`date_unit`), nodata where no scene reaches;
    ``errors`` lists the scenes whose window could not be read."""
    box = window_bounds(spec.grid, with_halo(window, spec.halo, spec.grid)[0])
    shape = (len(spec.variables), int(window.height), int(window.width))
    planes, errors = [], []
    for day_scenes in by_date.values():
        day_scenes = [scene for scene in day_scenes if intersects(scene.footprint, box)]
        if not day_scenes:
            planes.append(np.full(shape, NODATA, spec.output_dtype))
            continue
        unit = date_unit(day_scenes, spec, window, cancel)
        planes.append(unit["values"])
        errors += unit["errors"]
    return {"stack": np.concatenate(planes), "errors": errors}


def _write_stack(
    settings: CompositeSettings,
    grid,
    scenes,
    read_bands,
    variables,
    skipped,
    warnings,
    progress,
    is_cancelled,
) -> SceneStackResult:
    output = Path(settings.output)
    stem = output.stem
    log_path = output.with_name(f"{stem}_log.json")
    work = output.with_name(f".{stem}.partial")
    remove_paths([work])
    work.mkdir(parents=True)
    by_date = scenes_by_date(scenes)
    dates = list(by_date)
    halo = int(np.ceil(settings.mask.buffer_pixels))
    spec = UnitSpec(
        grid, tuple(read_bands), tuple(variables), "scenes", settings.mask, False, 50.0,
        settings.output_dtype, halo, False,
    )  # fmt: skip
    descriptions = [date_band_description(day, name) for day in dates for name in variables]
    cancel = threading.Event()
    created: list[Path] = []
    try:
        errors = _stack_windows(settings, grid, spec, by_date, descriptions, work / f"{stem}.tif", cancel,
                                progress, is_cancelled)  # fmt: skip
        skipped += [{"id": scene_id, "reason": message} for scene_id, message in errors.items()]
        write_cog(work / f"{stem}.tif", output, lambda f: progress(90 + 8 * f, ""), is_cancelled)
        created.append(output)  # once written: what stood at its name before is not the run's
        used = [scene for scene in scenes if scene.id not in errors]
        used_days = Counter(scene.datetime.date() for scene in used)
        unreadable = [day for day in dates if not used_days[day]]
        lost = QT_TRANSLATE_NOOP(
            "TimestackCore",
            "{0}: every scene of the day was unreadable, so the date is nodata; see the skipped scenes in "
            "the run log"
        )  # fmt: skip
        warnings = warnings + [Message(lost, day.isoformat()) for day in unreadable]
        write_json(log_path, _run_log(grid, dates, variables, used, used_days, skipped, warnings))
        created.append(log_path)
        progress(100.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "Per-date stack written")))
        return SceneStackResult(
            output, log_path, dates, list(variables), grid.crs.to_string(), skipped, warnings, len(used)
        )
    except BaseException:
        cancel.set()
        remove_paths(created)
        raise
    finally:
        remove_paths([work])


def _stack_windows(settings, grid, spec, by_date, descriptions, path, cancel, progress, is_cancelled):
    """Write the per-date stack at ``path`` on the engine; the unreadable scenes, first message each."""
    errors: dict[str, str] = {}

    def collect(_window, result) -> None:
        for scene_id, message in result["errors"]:
            errors.setdefault(scene_id, message)

    def cancelled() -> bool:
        if is_cancelled():
            cancel.set()
        return cancel.is_set()

    output = OutputSpec(path, len(descriptions), descriptions, dtype=settings.output_dtype, nodata=NODATA)
    kernel = partial(dates_window, spec, by_date, None if settings.dask_scheduler else cancel)
    run_windows(
        {}, {"stack": output}, kernel, settings.chunk_size, grid=grid, collect=collect,
        workers=max(1, settings.workers), scheduler=settings.dask_scheduler,
        progress=lambda percent, message: progress(2.0 + 88.0 * percent / 100, message),
        is_cancelled=cancelled, label=Message(QT_TRANSLATE_NOOP("TimestackCore", "Stacking dates")),
    )  # fmt: skip
    return errors


def _run_log(grid, dates, variables, used, used_days, skipped, warnings) -> dict:
    return {
        "created": dt.datetime.now(dt.timezone.utc).isoformat(),
        "grid": grid_log(grid),
        "dates": [day.isoformat() for day in dates],
        "variables": list(variables),
        "same_day_merge": MERGE_RULE,
        "nodata": NODATA,
        "scenes": [
            {
                "id": scene.id,
                "datetime": scene.datetime.isoformat(),
                "date": scene.datetime.date().isoformat(),
                "platform": scene.platform,
            }
            for scene in used
        ],
        "scenes_per_date": {day.isoformat(): used_days[day] for day in dates},
        "skipped": skipped,
        "warnings": warnings,
    }

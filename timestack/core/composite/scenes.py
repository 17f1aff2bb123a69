"""Per-date stacks of masked scenes: every acquisition day of an ItemCollection as bands of one grid.

The scenes go through exactly the composite's machinery (:mod:`.annual`): the same item parsing,
preflight and skipped-scene log (:func:`.annual.prepare_scenes`), the same target grid
(:func:`.annual.build_grid`), the same windowed reads, scaling and QA/SCL/Fmask masks
(:func:`.annual._read_scene`), the same indices registry and the same writers; only the reduction
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
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

import numpy as np
import rasterio
from rasterio.crs import CRS
from rasterio.errors import RasterioError
from rasterio.windows import Window

from ..cube.stacks import predominant_utm
from ..indices import REFLECTIVE_BANDS, compute_index, required_bands
from ..io.bands import date_band_description
from ..io.cache import DEFAULT_CACHE_MAX_GB
from ..io.grid import REMOTE_GDAL_OPTIONS, TargetGrid, bounds_in, chunk_windows, intersects, with_halo
from ..io.stack import NODATA, create_tiled, encode_values, remove_paths, write_cog, write_json
from ..quality.masks import MaskOptions
from ..runtime import QT_TRANSLATE_NOOP, Cancelled, Message, Progress
from .annual import (
    DEFAULT_MAX_GB,
    CompositeSettings,
    Scene,
    SizeEstimate,
    UnitSpec,
    _asset_cache,
    _downloaded_scenes,
    _Executor,
    _folders_to_make,
    _gigabytes,
    _read_scene,
    _refuse_outputs_over_inputs,
    _refuse_unusable_output_places,
    _run_units,
    _validate,
    _window_bounds,
    build_grid,
    load_items,
    prepare_scenes,
    scenes_on_grid,
)

__all__ = [
    "SceneStackResult",
    "SceneStackSettings",
    "StackSizeEstimate",
    "date_unit",
    "scene_stack",
    "scenes_by_date",
    "stack_crs",
]

#: How same-day scenes are merged, as the run log states it.
MERGE_RULE = "first valid observation in acquisition-time order"


@dataclass(frozen=True)
class SceneStackSettings:
    """Everything a per-date stack needs; names follow ``timestack:scenestack``'s parameters.

    ``crs`` None: the predominant UTM zone of the scenes; ``bounds`` None: all scenes (in
    ``bounds_crs``, default the target CRS). The rest means what it means for a composite
    (:class:`.annual.CompositeSettings`).
    """

    items: Any
    output: Path
    bands: Sequence[str] = REFLECTIVE_BANDS
    indices: Sequence[str] = ()
    mask: MaskOptions = field(default_factory=MaskOptions)
    bounds: Optional[tuple[float, float, float, float]] = None
    bounds_crs: Optional[str] = None
    crs: Optional[str] = None
    resolution: float = 30.0
    output_dtype: str = "float32"
    chunk_size: int = 256
    workers: int = 2
    dask_scheduler: Optional[str] = None
    max_gb: Optional[float] = DEFAULT_MAX_GB
    allowed_roots: Sequence[Path] = ()
    area_parameter: str = "EXTENT"
    earthdata_headers: Optional[str] = field(default=None, repr=False)
    catalog_login: Optional[Any] = None  # ..io.logins.CatalogLogin
    cache_folder: Optional[Path] = None
    cache_max_gb: float = DEFAULT_CACHE_MAX_GB


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


@dataclass(frozen=True)
class StackSizeEstimate(SizeEstimate):
    """A :class:`.annual.SizeEstimate` counted in acquisition dates: ``years`` holds the date count."""

    def describe(self) -> str:
        return (
            f"Size estimate: {self.width} x {self.height} pixels x {self.bands} bands ({self.years} dates x "
            f"{self.variables} variables) from {self.dates} scenes: {_gigabytes(self.output_bytes)} of "
            f"output, {_gigabytes(self.memory_bytes)} of working memory"
        )


def _composite_settings(settings: SceneStackSettings) -> CompositeSettings:
    """The composite settings the shared machinery reads: every date of the items, all days of year."""
    first, last = _item_years(settings.items)
    return CompositeSettings(
        items=settings.items,
        output=Path(settings.output),
        start_year=first,
        end_year=last,
        bands=settings.bands,
        indices=settings.indices,
        mask=settings.mask,
        bounds=settings.bounds,
        bounds_crs=settings.bounds_crs,
        crs=settings.crs,
        resolution=settings.resolution,
        output_dtype=settings.output_dtype,
        chunk_size=settings.chunk_size,
        workers=settings.workers,
        dask_scheduler=settings.dask_scheduler,
        max_gb=settings.max_gb,
        allowed_roots=settings.allowed_roots,
        area_parameter=settings.area_parameter,
        earthdata_headers=settings.earthdata_headers,
        catalog_login=settings.catalog_login,
        cache_folder=settings.cache_folder,
        cache_max_gb=settings.cache_max_gb,
    )


def _item_years(items: Any) -> tuple[int, int]:
    """First and last year of the items' dates (so messages name the years the items span)."""
    years = []
    for item in load_items(items)[0]:
        properties = item.get("properties") if isinstance(item, dict) else None
        when = (properties or {}).get("datetime") or (properties or {}).get("start_datetime")
        try:
            years.append(dt.datetime.fromisoformat(str(when).replace("Z", "+00:00")).year)
        except ValueError:
            continue
    return (min(years), max(years)) if years else (1, 9999)


def stack_crs(settings: SceneStackSettings, scenes: Sequence[Scene]) -> str:
    """TARGET_CRS, or ``EPSG:<code>`` of the UTM zone most ``scenes`` lie in (of those overlapping the
    area when one is given; ties: the zone of the earliest scene)."""
    if settings.crs:
        return settings.crs
    chosen = list(scenes)
    if settings.bounds is not None and settings.bounds_crs:
        overlapping = [
            scene
            for scene in scenes
            if intersects(bounds_in(scene.bounds, scene.crs, settings.bounds_crs), settings.bounds)
        ]
        chosen = overlapping or chosen
    crss = [CRS.from_user_input(scene.crs) for scene in chosen]
    return f"EPSG:{predominant_utm(crss, [scene.bounds for scene in chosen])}"


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
    errors = []
    for scene in scenes:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        try:
            data = _read_scene(scene, spec, read_window_)
        except (RasterioError, OSError) as error:
            errors.append((scene.id, f"read failed: {error}"))
            continue
        if data is None:
            continue
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
    if output.suffix.lower() not in (".tif", ".tiff"):
        raise ValueError(f"OUTPUT must be a GeoTIFF path ending in .tif, got {output}")
    composite = _composite_settings(settings)
    bands, indices = _validate(composite)
    read_bands = required_bands(bands, indices)
    variables = (*bands, *indices)
    _refuse_outputs_over_inputs(composite, output, picks_observation=False)
    _refuse_unusable_output_places(composite, output)
    made = _folders_to_make(output.parent)
    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        skipped: list[dict] = []
        warnings: list[str] = []
        with rasterio.Env(**REMOTE_GDAL_OPTIONS), _asset_cache(composite) as cache:
            progress(0.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "Checking scenes")))
            scenes = prepare_scenes(composite, read_bands, skipped, warnings)
            composite = replace(composite, crs=stack_crs(settings, scenes))
            grid = build_grid(composite, scenes)
            inside = scenes_on_grid(composite, grid, scenes)
            estimate = _size_estimate(composite, grid, inside, read_bands, variables)
            progress(1.0, estimate.describe())
            estimate.check(settings.max_gb)
            if cache is not None:
                inside = _downloaded_scenes(composite, cache, inside, skipped, progress, is_cancelled)
            return _write_stack(
                composite, grid, inside, read_bands, variables, skipped, warnings, progress, is_cancelled
            )
    except BaseException:
        remove_paths(made[:1])  # a failed run leaves no folder it made for OUTPUT
        raise


def _size_estimate(settings, grid: TargetGrid, scenes, read_bands, variables) -> StackSizeEstimate:
    """Output: dates x variables bands; memory: per unit in flight, the merged day, one scene read
    with its halo, and the encoded result."""
    dates = len(scenes_by_date(scenes))
    item_size = 2 if settings.output_dtype == "int16" else 4
    halo = int(np.ceil(settings.mask.buffer_pixels))
    side = min(settings.chunk_size, max(grid.width, grid.height)) + 2 * halo
    in_flight = max(1, settings.workers) + 1
    memory = in_flight * side * side * 4 * (2 * len(read_bands) + 2 * len(variables))
    output = grid.width * grid.height * dates * len(variables) * item_size
    return StackSizeEstimate(
        grid.width, grid.height, dates * len(variables), dates, len(variables), len(scenes), output, memory
    )


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
    windows = chunk_windows(grid, settings.chunk_size)
    cancel = threading.Event()
    executor = _Executor(settings.workers, settings.dask_scheduler)
    created: list[Path] = []
    dataset = None
    try:
        dataset = create_tiled(
            work / f"{stem}.tif", grid, len(descriptions), settings.output_dtype, descriptions
        )
        plan = []  # (date number, window, scenes): known before any reading, for progress
        for window in windows:
            box = _window_bounds(grid, with_halo(window, halo, grid)[0])
            for number, day in enumerate(dates):
                day_scenes = [scene for scene in by_date[day] if intersects(scene.bounds, box)]
                if day_scenes:
                    plan.append((number, window, day_scenes))
        errors: dict[str, str] = {}

        def units():
            for number, window, day_scenes in plan:
                yield (number, window), date_unit, (day_scenes, spec, window, cancel)

        def handle(key, result):
            number, window = key
            first = number * len(variables) + 1
            dataset.write(result["values"], indexes=list(range(first, first + len(variables))), window=window)
            for scene_id, message in result["errors"]:
                errors.setdefault(scene_id, message)

        _run_units(
            executor, units(), len(plan), handle, cancel, is_cancelled, progress, (2.0, 90.0),
            "Stacked chunk {done} of {total}",
        )  # fmt: skip
        dataset.close()
        dataset = None
        skipped += [{"id": scene_id, "reason": message} for scene_id, message in errors.items()]
        created += [output, log_path]
        write_cog(work / f"{stem}.tif", output, lambda f: progress(90 + 8 * f, ""), is_cancelled)
        used = [scene for scene in scenes if scene.id not in errors]
        used_days = Counter(scene.datetime.date() for scene in used)
        unreadable = [day for day in dates if not used_days[day]]
        warnings = warnings + [
            f"{day.isoformat()}: every scene of the day was unreadable, so the date is nodata; see the "
            "skipped scenes in the run log"
            for day in unreadable
        ]
        write_json(log_path, _run_log(grid, dates, variables, used, used_days, skipped, warnings))
        progress(100.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "Per-date stack written")))
        return SceneStackResult(
            output, log_path, dates, list(variables), grid.crs.to_string(), skipped, warnings, len(used)
        )
    except BaseException:
        cancel.set()
        if dataset is not None:
            dataset.close()
        remove_paths(created)
        raise
    finally:
        executor.close()
        remove_paths([work])


def _run_log(grid, dates, variables, used, used_days, skipped, warnings) -> dict:
    return {
        "created": dt.datetime.now(dt.timezone.utc).isoformat(),
        "grid": {
            "crs": grid.crs.to_string(),
            "transform": list(grid.transform)[:6],
            "width": grid.width,
            "height": grid.height,
        },
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

"""Annual cloud-free composites of Landsat 4-9 and Sentinel-2 L2A scenes, on the windowed engine.

For each year of a range, the scenes acquired inside a day-of-year window are read onto one target grid,
masked (QA bits or scene classes, optional TDOM shadows), optionally harmonised (OLI -> ETM+) and reduced
per pixel by a compositing method; spectral indices are computed from the composite's bands. A window
that wraps the new year (DOY_START > DOY_END) is labelled by the year it ends in. Years without scenes
stay in the stack as nodata, so LandTrendr sees every year.

The run is a kernel on the shared engine (:func:`..io.engine.run_windows`): windows aligned to the
output blocks, each composited year by year (:func:`compose_window`), several windows at once on local
threads (GDAL reads and the numba kernels release the GIL) or, given a ``dask.distributed`` scheduler
address, on its workers; a writer thread writes the per-year files behind. Memory is about ``workers x
observations x bands x window² x 4 bytes`` whatever the image size. The modules around it: settings
and their checks (:mod:`.settings`), items to scenes and the grid (:mod:`.catalog`), reading and
reducing a window (:mod:`.observations`), the size estimate (:mod:`.estimate`) and the output files
(:mod:`.outputs`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Optional, Sequence

import numpy as np
import rasterio
from rasterio.windows import Window

from ..indices import required_bands
from ..io.bands import band_description
from ..io.engine import OutputSpec, run_windows
from ..io.grid import REMOTE_GDAL_OPTIONS, TargetGrid, intersects, read_window, with_halo
from ..io.stack import NODATA, remove_paths, write_cog, write_json
from ..quality.tdom import STATISTICS_BANDS, halo_pixels
from ..runtime import QT_TRANSLATE_NOOP, Message, Progress, TimestackError
from .catalog import Scene, asset_cache, build_grid, downloaded_scenes, prepare_scenes, scenes_on_grid
from .estimate import size_estimate
from .observations import UnitSpec, composite_unit, tdom_statistics_unit, window_bounds
from .outputs import (
    OutputPaths,
    check_output_path,
    folders_to_make,
    refuse_outputs_over_inputs,
    refuse_unusable_output_places,
    run_log,
    write_folder,
    write_observation,
    write_stack,
    year_summary,
)
from .settings import CompositeResult, CompositeSettings, validate

__all__ = ["WindowPlan", "annual_composites", "compose_window", "tdom_statistics_window"]


def annual_composites(
    settings: CompositeSettings,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[Callable[[], bool]] = None,
) -> CompositeResult:
    """Run the whole composite and write its outputs; see the module docstring for the shape of the work.

    Outputs: ``settings.output`` (COG stack, bands ``YYYY_name`` year by year), ``<stem>_observation.tif``
    (``YYYY_doy`` and ``YYYY_source`` for methods that pick one observation: medoid, max_ndvi),
    ``<stem>_log.json`` (scenes used, in ``source`` order, and skipped scenes with the reason), optional
    per-year COGs and per-variable VRTs in ``settings.output_folder``. Cancel raises
    :class:`Cancelled` and removes every partial output.
    """
    progress = progress or (lambda _percent, _message: None)
    is_cancelled = is_cancelled or (lambda: False)
    bands, indices = validate(settings)
    read_bands = required_bands(bands, indices)
    if settings.method == "max_ndvi":
        read_bands = required_bands((*read_bands, "nir", "red"), ())
    if settings.tdom:
        read_bands = required_bands((*read_bands, "nir", "swir1"), ())
    variables = (*bands, *indices)
    output = Path(settings.output)
    check_output_path(output)
    refuse_outputs_over_inputs(settings, output, picks_observation=settings.method in ("medoid", "max_ndvi"))
    refuse_unusable_output_places(settings, output)
    made = folders_to_make(output.parent)
    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _checked_compose(settings, read_bands, variables, progress, is_cancelled)
    except BaseException:
        remove_paths(made[:1])  # a failed run leaves no folder it made for OUTPUT
        raise


def _checked_compose(settings, read_bands, variables, progress, is_cancelled) -> CompositeResult:
    """Find the usable scenes, build the grid, refuse an area off the scenes or a run above MAX_GB,
    then compose."""
    skipped: list[dict] = []
    warnings: list[str] = []
    with rasterio.Env(**REMOTE_GDAL_OPTIONS), asset_cache(settings) as cache:
        progress(0.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "Checking scenes")))
        scenes = prepare_scenes(settings, read_bands, skipped, warnings)
        grid = build_grid(settings, scenes)
        inside = scenes_on_grid(settings, grid, scenes)
        estimate = size_estimate(settings, grid, inside, read_bands, variables)
        progress(1.0, estimate.describe())
        estimate.check(settings.max_gb)
        if cache is not None:
            inside = downloaded_scenes(settings, cache, inside, skipped, progress, is_cancelled)
        run = _Run(
            settings, grid, inside, unit_spec(settings, grid, read_bands, variables), progress, is_cancelled
        )
        return run.compose(skipped, warnings)


def unit_spec(settings: CompositeSettings, grid: TargetGrid, read_bands, variables) -> UnitSpec:
    """What every window of the run shares; the halo covers the mask buffer and TDOM's neighbourhood."""
    halo = max(int(np.ceil(settings.mask.buffer_pixels)), halo_pixels() if settings.tdom else 0)
    return UnitSpec(
        grid, tuple(read_bands), tuple(variables), settings.method, settings.mask, settings.harmonize,
        float(settings.percentile), settings.output_dtype, halo, settings.tdom,
    )  # fmt: skip


@dataclass(frozen=True)
class WindowPlan:
    """What :func:`compose_window` needs besides the window (picklable, for dask workers).

    ``by_year`` holds the scenes of every year that has any (sorted by time); ``scene_index`` each
    scene's position in the run, the ``source`` value the observation raster stores. ``cancel`` is the
    local cancel flag (None on a cluster: units there stop when their future is cancelled).
    """

    spec: UnitSpec
    by_year: Mapping[int, Sequence[Scene]]
    scene_index: Mapping[str, int]
    picks_observation: bool
    cancel: Optional[threading.Event] = field(default=None, compare=False)


def compose_window(plan: WindowPlan, window: Window, arrays: Mapping[str, np.ndarray]) -> dict:
    """The engine kernel: every year of one ``window``, as ``{year: values}`` (and ``observation_<year>``:
    doy and run-wide source), nodata for a year no scene reaches; ``errors`` lists unreadable scenes.

    ``arrays["statistics"]`` holds the window's TDOM statistics (with halo) when TDOM is on; ``valid``
    counts each year's pixels with a value.
    """
    spec = plan.spec
    box = window_bounds(spec.grid, with_halo(window, spec.halo, spec.grid)[0])
    shape = (int(window.height), int(window.width))
    result: dict = {"errors": [], "valid": {}}
    for year, scenes in plan.by_year.items():
        year_scenes = [scene for scene in scenes if intersects(scene.footprint, box)]
        if not year_scenes:
            result[str(year)] = np.full((len(spec.variables), *shape), NODATA, spec.output_dtype)
            if plan.picks_observation:
                result[f"observation_{year}"] = np.full((2, *shape), NODATA, np.int16)
            continue
        unit = composite_unit(year_scenes, spec, window, arrays.get("statistics"), plan.cancel)
        result[str(year)] = unit["values"]
        result["valid"][year] = int((unit["values"] != NODATA).any(axis=0).sum())
        if plan.picks_observation:
            source = unit["source"]
            has = source != NODATA
            run_source = np.full_like(source, NODATA)
            lookup = np.array([plan.scene_index[scene.id] for scene in year_scenes], np.int16)
            run_source[has] = lookup[source[has]]
            result[f"observation_{year}"] = np.stack([unit["doy"], run_source])
        result["errors"] += unit["errors"]
    return result


def tdom_statistics_window(plan: WindowPlan, window: Window, _arrays) -> dict:
    """The engine kernel of the TDOM pass: nir/swir1 mean and std over every scene in ``window``."""
    box = window_bounds(plan.spec.grid, window)
    scenes = [
        scene for scenes in plan.by_year.values() for scene in scenes if intersects(scene.footprint, box)
    ]
    statistics = tdom_statistics_unit(scenes, plan.spec, window, plan.cancel)
    return {"statistics": np.where(np.isfinite(statistics), statistics, NODATA).astype(np.float32)}


def read_statistics(path: Path, grid: TargetGrid, window: Window) -> np.ndarray:
    """The TDOM statistics of ``window`` from a (possibly precomputed, possibly other-grid) raster."""
    with rasterio.open(path) as src:
        if src.count != len(STATISTICS_BANDS):
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "TDOM_STATISTICS {0} must have {1} bands ({2}), has {3}"),
                "TDOM_STATISTICS",
                args=(path, len(STATISTICS_BANDS), ", ".join(STATISTICS_BANDS), src.count),
            )
        planes = [read_window(src, grid, window, fill=np.nan, band=band) for band in range(1, src.count + 1)]
    statistics = np.stack(planes).astype(np.float32)
    statistics[statistics == NODATA] = np.nan
    return statistics


class _Run:
    """One composite run's state between the checks and the result: grid, scenes, files, cancel."""

    def __init__(self, settings, grid, scenes, spec, progress, is_cancelled):
        self.settings, self.grid, self.scenes, self.spec = settings, grid, scenes, spec
        self.progress, self.is_cancelled = progress, is_cancelled
        self.paths = OutputPaths.of(settings)
        self.years = list(range(settings.start_year, settings.end_year + 1))
        self.by_year = {year: [scene for scene in scenes if scene.year == year] for year in self.years}
        if not settings.fill_empty_years:
            self.years = [year for year in self.years if self.by_year[year]]
        self.cancel = threading.Event()
        self.created: list[Path] = []
        #: Pixels with a value, per year composited (counted window by window).
        self.valid_pixels: dict[int, int] = {}

    def cancelled(self) -> bool:
        """The caller's cancel poll, also raising the flag local units check between scenes."""
        if self.is_cancelled():
            self.cancel.set()
        return self.cancel.is_set()

    def plan(self) -> WindowPlan:
        by_year = {year: scenes for year, scenes in self.by_year.items() if year in self.years and scenes}
        index = {scene.id: i for i, scene in enumerate(self.scenes)}
        local = None if self.settings.dask_scheduler else self.cancel
        return WindowPlan(self.spec, by_year, index, self.paths.observation is not None, local)

    def windows(self, kernel, outputs, read, collect, span, label) -> None:
        """Run ``kernel`` over the grid on the engine, progress mapped into ``span`` percent."""
        low, high = span
        run_windows(
            {}, outputs, kernel, self.settings.chunk_size, grid=self.grid, read=read, collect=collect,
            workers=max(1, self.settings.workers), scheduler=self.settings.dask_scheduler,
            progress=lambda percent, message: self.progress(low + (high - low) * percent / 100, message),
            is_cancelled=self.cancelled, label=label,
        )  # fmt: skip

    def compose(self, skipped: list[dict], warnings: list[str]) -> CompositeResult:
        remove_paths([self.paths.work])
        self.paths.work.mkdir(parents=True)
        try:
            statistics = self.tdom_statistics()
            errors = self.composite_years(statistics)
            skipped += [{"id": scene_id, "reason": message} for scene_id, message in errors.items()]
            return self.write_results(skipped, warnings, statistics)
        except BaseException:
            self.cancel.set()
            remove_paths(self.created)
            raise
        finally:
            remove_paths([self.paths.work])

    def tdom_statistics(self) -> Optional[Path]:
        """The TDOM statistics raster: given, computed in a first pass, or None without TDOM."""
        if not self.settings.tdom:
            return None
        if self.settings.tdom_statistics is not None:
            return Path(self.settings.tdom_statistics)
        path = self.paths.work / "tdom_statistics.tif"
        output = OutputSpec(path, len(STATISTICS_BANDS), STATISTICS_BANDS, dtype="float32", nodata=NODATA)
        kernel = _bound(tdom_statistics_window, self.plan())
        label = Message(QT_TRANSLATE_NOOP("TimestackCore", "TDOM statistics"))
        self.windows(kernel, {"statistics": output}, None, None, (2.0, 30.0), label)
        return path

    def composite_years(self, statistics: Optional[Path]) -> dict[str, str]:
        """Write the per-year files of the years with scenes; the unreadable scenes, first message each."""
        plan = self.plan()
        outputs = {}
        for year in plan.by_year:
            names = [band_description(year, name) for name in self.spec.variables]
            outputs[str(year)] = OutputSpec(
                self.paths.year_file(year), len(names), names, dtype=self.settings.output_dtype, nodata=NODATA
            )
            if plan.picks_observation:
                names = [band_description(year, "doy"), band_description(year, "source")]
                outputs[f"observation_{year}"] = OutputSpec(
                    self.paths.observation_file(year), 2, names, dtype="int16", nodata=NODATA
                )
        if not outputs:
            return {}
        errors: dict[str, str] = {}

        def collect(_window, result) -> None:
            for scene_id, message in result["errors"]:
                errors.setdefault(scene_id, message)
            for year, count in result["valid"].items():
                self.valid_pixels[year] = self.valid_pixels.get(year, 0) + count

        def read(window):
            halo_window = with_halo(window, self.spec.halo, self.grid)[0]
            return (
                {}
                if statistics is None
                else {"statistics": read_statistics(statistics, self.grid, halo_window)}
            )

        span = (30.0, 90.0) if self.settings.tdom and self.settings.tdom_statistics is None else (2.0, 90.0)
        label = Message(QT_TRANSLATE_NOOP("TimestackCore", "Compositing"))
        self.windows(_bound(compose_window, plan), outputs, read, collect, span, label)
        return errors

    def write_results(self, skipped, warnings, statistics: Optional[Path]) -> CompositeResult:
        """The stack, observation, folder and statistics outputs, then the run log; the result."""
        settings, paths, years = self.settings, self.paths, self.years
        made = {year for year in years if self.by_year[year]}
        # each output joins the cleanup list once written: what stood at its name before is not the run's
        write_stack(paths, self.grid, settings.output_dtype, years, made, self.spec.variables, self.progress,
                    self.is_cancelled)  # fmt: skip
        self.created.append(paths.output)
        write_observation(paths, self.grid, years, made, self.is_cancelled)
        self.created += [paths.observation] if paths.observation else []
        result = CompositeResult(
            paths.output, paths.observation, paths.log, years, list(self.spec.variables), skipped=skipped
        )
        if settings.output_folder is not None:
            year_paths = {year: paths.year_file(year) for year in sorted(made)}
            write_folder(settings, self.grid, years, self.spec.variables, year_paths, paths.stem, result,
                         self.created, self.is_cancelled, self.progress)  # fmt: skip
        if statistics is not None and settings.tdom_statistics is None:
            # Computed by this run (TDOM on, none given), kept beside the stack: a later run over the
            # same scenes can pass it as tdom_statistics.
            kept = paths.output.with_name(f"{paths.stem}_tdom_statistics.tif")
            write_cog(statistics, kept, None, self.is_cancelled)
            self.created.append(kept)
            result.tdom_statistics = kept
        summary = year_summary(self.scenes, skipped, years)
        result.unreadable_years, result.empty_years = summary["unreadable_years"], summary["empty_years"]
        result.scenes_used = len(summary["used"])
        unreadable = QT_TRANSLATE_NOOP(
            "TimestackCore",
            "{0}: all {1} scene(s) found were unreadable, so the year is nodata; see the skipped scenes in "
            "the run log"
        )  # fmt: skip
        masked = QT_TRANSLATE_NOOP(
            "TimestackCore",
            "{0}: no pixel has a value: every observation of its {1} scene(s) was masked (MASK and the "
            "confidences) or lies outside the grid, so the year is nodata"
        )  # fmt: skip
        result.warnings = (
            warnings
            + [Message(unreadable, year, summary["found"][year]) for year in result.unreadable_years]
            + [
                Message(masked, year, len(self.by_year[year]))
                for year, count in sorted(self.valid_pixels.items())
                if count == 0 and year not in result.unreadable_years
            ]
        )
        log = run_log(settings, self.grid, summary, years, self.spec.variables, skipped, result.warnings)
        write_json(paths.log, log)
        self.created.append(paths.log)
        self.progress(100.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "Composite written")))
        return result


@dataclass(frozen=True)
class _bound:  # noqa: N801 - a function with its first argument bound, picklable for dask
    function: Callable
    plan: WindowPlan

    def __call__(self, window, arrays):
        return self.function(self.plan, window, arrays)

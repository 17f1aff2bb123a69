"""Per-track stacks of Sentinel-1 gamma0: one GeoTIFF per track, one band per date and polarisation.

The OpenSARToolkit time-series steps on analysis-ready backscatter (Planetary Computer's
``sentinel-1-rtc``: gamma0 in linear power, assets ``vv``/``vh``): the items are grouped by track
(:mod:`.tracks`), every track is read onto one common grid (the scene stack's: predominant UTM zone of
the scenes unless TARGET_CRS is given, see :func:`..composite.scenes.stack_crs`), the frames of one
pass are merged (first valid frame in time order, as same-day scenes are merged by the scene stack),
no-data and layover/shadow pixels are masked, optionally the multi-temporal speckle filter of
Quegan & Yu is applied per polarisation over the dates of the track (:mod:`.speckle`), the VV/VH (or
HH/HV) ratio is added in linear power, and values are written as published (linear power) or in dB.

Bands are described ``YYYY-MM-DD_VV``, ``YYYY-MM-DD_VH`` and ``YYYY-MM-DD_VVVH``, so timescans
(``timestack:timescan`` with SAR_DB for dB stacks), resampling, animations and cubes read them as any
per-date stack. Files are named after the track (``ASCENDING_088.tif``); all tracks share one grid,
so their timescans mosaic without resampling.

The reads reuse the scene stack's machinery (:mod:`..composite.scenes` and :mod:`..composite.catalog`):
item loading, href checks, file preflight, grid, windows and COG writing. The window loop is the scene
stack's, not :func:`..io.engine.run_windows`, whose sources are rasters already on the output grid: here
every window reads and reprojects the scenes themselves, with a halo for the speckle filter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence

import numpy as np
import rasterio
from rasterio.enums import Resampling

from ..composite.catalog import (
    Asset,
    Scene,
    SceneSkippedError,
    build_grid,
    load_items,
    preflight,
    scenes_on_grid,
    skip_reason,
)
from ..composite.outputs import folders_to_make
from ..composite.scenes import scenes_by_date, stack_crs
from ..composite.settings import CompositeSettings
from ..io.bands import date_band_description
from ..io.grid import REMOTE_GDAL_OPTIONS, chunk_windows, intersects, read_window, with_halo
from ..io.hrefs import HrefRefusedError, checked_gdal_path
from ..io.stack import NODATA, create_tiled, encode_values, remove_paths, write_cog, write_json
from ..items import asset_scaling
from ..runtime import QT_TRANSLATE_NOOP, Cancelled, Message, Progress, TimestackError
from ..search.query import POLARIZATIONS
from .speckle import MAX_WINDOW, power_ratio, quegan_yu, to_db
from .tracks import (
    LAYOVER_SHADOW_KEYS,
    Track,
    acquisition_time,
    group_by_track,
    item_polarizations,
    item_track,
    polarization_asset,
)

__all__ = [
    "SPECKLE_FILTERS",
    "SarStackResult",
    "SarStackSettings",
    "TrackStack",
    "ratio_name",
    "sar_stacks",
]

#: SPECKLE_FILTER choices: none, or the multi-temporal filter of Quegan & Yu (2001).
SPECKLE_FILTERS = ("none", "quegan-yu")
#: Co- and cross-polarisation pairs whose ratio (co / cross, linear) RATIO adds.
RATIO_PAIRS = (("VV", "VH"), ("HH", "HV"))


@dataclass(frozen=True)
class SarStackSettings:
    """Everything a per-track radar stack needs; names follow ``timestack:sarstack``'s parameters."""

    items: Any
    output_folder: Path
    polarizations: Sequence[str] = ("VV", "VH")
    ratio: bool = False
    db: bool = False
    speckle_filter: str = "none"
    speckle_window: int = 5
    bounds: Optional[tuple[float, float, float, float]] = None
    bounds_crs: Optional[str] = None
    crs: Optional[str] = None
    resolution: float = 20.0
    chunk_size: int = 256
    allowed_roots: Sequence[Path] = ()
    area_parameter: str = "EXTENT"


@dataclass
class TrackStack:
    track: Track
    path: Path
    dates: list[dt.date]
    variables: list[str]
    scenes: int


@dataclass
class SarStackResult:
    stacks: list[TrackStack]
    log: Path
    crs: str
    skipped: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def paths(self) -> list[Path]:
        return [stack.path for stack in self.stacks]


@dataclass(frozen=True)
class _RadarScene:
    """A scene of the scene-stack machinery plus the radar parts: its track and layover/shadow mask."""

    scene: Scene
    track: Track
    mask: Optional[str] = None
    collection: str = ""


def ratio_name(co: str, cross: str) -> str:
    """``VVVH``: the ratio's variable name (band ``YYYY-MM-DD_VVVH``)."""
    return f"{co}{cross}"


def _validate(settings: SarStackSettings) -> tuple[tuple[str, ...], Optional[tuple[str, str]]]:
    """The polarisations asked for and the ratio pair (or None); errors name the parameter."""
    wanted = []
    for value in settings.polarizations or ():
        text = str(value).strip().upper()
        if text and text not in wanted:
            wanted.append(text)
    unknown = [p for p in wanted if p not in POLARIZATIONS]
    if not wanted or unknown:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "POLARIZATIONS takes one or more of {0}, got {1!r}."),
            "POLARIZATIONS",
            args=(", ".join(POLARIZATIONS), ",".join(settings.polarizations or ())),
        )
    pair = None
    if settings.ratio:
        pair = next((p for p in RATIO_PAIRS if set(p) <= set(wanted)), None)
        if pair is None:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "RATIO needs a co- and a cross-polarisation in POLARIZATIONS (VV and VH, or HH and HV); "
                    "got {0}."
                ),
                "RATIO",
                args=(",".join(wanted),),
            )  # fmt: skip
    if settings.speckle_filter not in SPECKLE_FILTERS:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "SPECKLE_FILTER must be one of {0}, got {1!r}."),
            "SPECKLE_FILTER",
            args=(", ".join(SPECKLE_FILTERS), settings.speckle_filter),
        )
    window = settings.speckle_window
    if isinstance(window, bool) or int(window) != window or not 3 <= window <= MAX_WINDOW or window % 2 == 0:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "SPECKLE_WINDOW must be an odd number of pixels from 3 to {0}, got {1!r}."
            ),
            "SPECKLE_WINDOW",
            args=(MAX_WINDOW, window),
        )
    if not settings.resolution > 0:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "RESOLUTION must be a positive pixel size, got {0!r}."),
            "RESOLUTION",
            args=(settings.resolution,),
        )
    return tuple(wanted), pair


def _radar_scene(
    item: Mapping[str, Any], polarizations: Sequence[str], base_dir: Optional[Path], roots: Sequence[Path]
) -> _RadarScene:
    """The :class:`Scene` of one Sentinel-1 item: its polarisation assets as bands (scaling from
    ``raster:bands``: PC's nodata -32768), its layover/shadow mask if it has one."""
    properties = item.get("properties") or {}
    assets = item.get("assets") or {}
    identifier = str(item.get("id"))
    moment, track = acquisition_time(item), item_track(item)
    if moment is None or track is None:
        raise SceneSkippedError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "no acquisition time or track (sat:orbit_state, sat:relative_orbit)"
            )
        )
    bands = {}
    for polarization in polarizations:
        key = polarization_asset(assets, polarization)
        href = (assets.get(key) or {}).get("href") if key else None
        if not href:
            raise SceneSkippedError(
                QT_TRANSLATE_NOOP("TimestackCore", "no asset for polarisation {0}"), polarization
            )
        path = checked_gdal_path(href, base_dir, roots, identifier)
        bands[polarization] = Asset(path, asset_scaling(assets[key], properties))
    mask = next((assets[key].get("href") for key in LAYOVER_SHADOW_KEYS if key in assets), None)
    mask_path = checked_gdal_path(mask, base_dir, roots, identifier) if mask else None
    scene = Scene(
        id=identifier,
        datetime=moment,
        year=moment.year,
        platform=str(properties.get("platform", "")).lower(),
        kind="sar",
        bands=bands,
        quality=mask_path or bands[polarizations[0]].path,  # what the preflight opens first
    )
    return _RadarScene(scene, track, mask_path, str(item.get("collection") or ""))


def _radar_scenes(settings: SarStackSettings, polarizations: Sequence[str], skipped: list) -> list:
    """Preflighted radar scenes of every track; the errors say why none is usable."""
    items, base_dir = load_items(settings.items)
    by_track = group_by_track([item for item in items if isinstance(item, Mapping)])
    radar = [item for group in by_track.values() for item in group]
    if not radar:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "ITEMS holds no Sentinel-1 item ({0} items; radar items carry sat:orbit_state, "
                "sat:relative_orbit and sar:polarizations): search a SAR collection such as sentinel-1-rtc"
            ),
            "ITEMS",
            args=(len(items),),
        )  # fmt: skip
    carried = set()
    scenes = []
    seen = set()
    for item in radar:
        identifier = str(item.get("id"))
        if identifier in seen:
            continue
        seen.add(identifier)
        has = item_polarizations(item)
        carried.add(",".join(has) or "none")
        missing = [p for p in polarizations if p not in has]
        if missing:
            reason = Message(
                QT_TRANSLATE_NOOP("TimestackCore", "no {0} (carries {1})"), ", ".join(missing), ", ".join(has)
            )
            skipped.append({"id": identifier, "reason": reason})
            continue
        try:
            scenes.append(_radar_scene(item, polarizations, base_dir, settings.allowed_roots))
        except HrefRefusedError:
            raise
        except (SceneSkippedError, KeyError, ValueError) as error:
            skipped.append({"id": identifier, "reason": skip_reason(error)})
    if not scenes and len(skipped) == len(seen) and all(e["reason"].startswith("no ") for e in skipped):
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "none of the {0} Sentinel-1 items carries all of POLARIZATIONS ({1}); they carry {2}: ask "
                "for those"
            ),
            "POLARIZATIONS",
            args=(len(seen), ",".join(polarizations), " or ".join(sorted(carried))),
        )  # fmt: skip
    usable = []
    for radar_scene in scenes:
        try:
            scene = preflight(radar_scene.scene, settings.crs)
        except SceneSkippedError as error:
            skipped.append({"id": radar_scene.scene.id, "reason": error.reason})
            continue
        usable.append(replace(radar_scene, scene=scene))
    if not usable:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "none of the {0} Sentinel-1 items is readable ({1}); see the skipped scenes, search again "
                "(signed URLs expire) or repair the files"
            ),
            "ITEMS",
            args=(len(scenes), skipped[-1]["reason"] if skipped else "no file"),
        )  # fmt: skip
    return usable


def _read_pass(scenes: Sequence[_RadarScene], polarizations: Sequence[str], grid, window) -> np.ndarray:
    """(polarisations, rows, cols) linear gamma0 of one pass in ``window``: its frames merged, the
    first valid frame in time order giving a pixel all its polarisations; NaN where none is valid."""
    rows, cols = int(window.height), int(window.width)
    merged = np.full((len(polarizations), rows, cols), np.nan, np.float32)
    for radar in scenes:
        values = np.empty_like(merged)
        for index, polarization in enumerate(polarizations):
            asset = radar.scene.bands[polarization]
            nodata = NODATA if asset.scaling.nodata is None else asset.scaling.nodata
            with rasterio.open(asset.path) as src:
                # averaged linear power on a coarser grid: multilooking, which also reduces speckle
                dn = read_window(
                    src, grid, window, fill=nodata, resampling=Resampling.average, src_nodata=nodata
                )
            power = dn.astype(np.float32) * np.float32(asset.scaling.scale) + np.float32(asset.scaling.offset)
            # nodata, and power that is not positive (RTC border fill), are missing
            power[(dn == nodata) | ~np.isfinite(power) | (power <= 0)] = np.nan
            values[index] = power
        if radar.mask:
            with rasterio.open(radar.mask) as src:
                layover_shadow = read_window(src, grid, window, fill=0)
            values[:, layover_shadow != 0] = np.nan
        take = np.isnan(merged[0]) & np.isfinite(values).all(axis=0)
        merged[:, take] = values[:, take]
    return merged


def _track_window(
    by_date: Mapping[dt.date, list], polarizations, pair, settings: SarStackSettings, grid, window
) -> np.ndarray:
    """(dates x variables, rows, cols) of one window of one track, as written (linear or dB)."""
    halo = settings.speckle_window // 2 if settings.speckle_filter == "quegan-yu" else 0
    read, inner = with_halo(window, halo, grid)
    box = _bounds_of(grid, read)
    days = list(by_date)
    stack = np.full((len(days), len(polarizations), int(read.height), int(read.width)), np.nan, np.float32)
    for number, day in enumerate(days):
        frames = [radar for radar in by_date[day] if intersects(radar.scene.bounds, box)]
        if frames:
            stack[number] = _read_pass(frames, polarizations, grid, read)
    if settings.speckle_filter == "quegan-yu":
        for index in range(len(polarizations)):
            stack[:, index] = quegan_yu(stack[:, index], settings.speckle_window)
    stack = stack[:, :, inner[0], inner[1]]
    layers = [stack[:, index] for index in range(len(polarizations))]
    if pair is not None:
        layers.append(
            power_ratio(stack[:, polarizations.index(pair[0])], stack[:, polarizations.index(pair[1])])
        )
    values = np.stack(layers, axis=1)  # dates, variables, rows, cols
    if settings.db:
        values = to_db(values)
    return values.reshape(-1, values.shape[2], values.shape[3])


def _bounds_of(grid, window) -> tuple:
    from rasterio.windows import bounds

    return bounds(window, grid.transform)


def sar_stacks(
    settings: SarStackSettings,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[Callable[[], bool]] = None,
) -> SarStackResult:
    """Write one stack per track into ``settings.output_folder`` (``<TRACK>.tif``) and the run log
    ``sarstack_log.json``; cancel raises :class:`Cancelled` and removes every output."""
    progress = progress or (lambda _percent, _message: None)
    is_cancelled = is_cancelled or (lambda: False)
    polarizations, pair = _validate(settings)
    variables = [*polarizations, *([ratio_name(*pair)] if pair else [])]
    folder = Path(settings.output_folder)
    if folder.exists() and not folder.is_dir():
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "OUTPUT_FOLDER {0} is a file; give a folder."),
            "OUTPUT_FOLDER",
            args=(folder,),
        )
    made = folders_to_make(folder)
    created: list[Path] = []
    work = folder / ".sarstack.partial"
    try:
        with rasterio.Env(**REMOTE_GDAL_OPTIONS):
            skipped: list[dict] = []
            warnings: list[str] = []
            progress(0.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "Checking scenes")))
            scenes = _radar_scenes(settings, polarizations, skipped)
            grd = sorted({radar.collection for radar in scenes if "grd" in radar.collection.lower()})
            if grd:
                uncalibrated = QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "scenes of {0} are Level-1 GRD: their values are the product's digital numbers, not "
                    "calibrated backscatter; use sentinel-1-rtc (gamma0) to compare dates and tracks"
                )  # fmt: skip
                warnings.append(Message(uncalibrated, ", ".join(grd)))
            crs = stack_crs(settings, [radar.scene for radar in scenes])
            composite = CompositeSettings(
                items=settings.items, output=folder / "unused.tif", start_year=1, end_year=9999,
                bounds=settings.bounds, bounds_crs=settings.bounds_crs, crs=crs,
                resolution=settings.resolution, area_parameter=settings.area_parameter,
            )  # fmt: skip
            grid = build_grid(composite, [radar.scene for radar in scenes])
            inside_ids = {
                scene.id: scene for scene in scenes_on_grid(composite, grid, [r.scene for r in scenes])
            }
            tracks: dict[Track, list[_RadarScene]] = {}
            for radar in scenes:
                if radar.scene.id in inside_ids:
                    placed = replace(radar, scene=inside_ids[radar.scene.id])
                    tracks.setdefault(radar.track, []).append(placed)
            tracks = dict(sorted(tracks.items()))
            plans = {track: _dates(members) for track, members in tracks.items()}
            if settings.speckle_filter == "quegan-yu":
                single = [track.name for track, by_date in plans.items() if len(by_date) < 2]
                if single:
                    raise TimestackError(
                        QT_TRANSLATE_NOOP(
                            "TimestackCore",
                            "the multi-temporal speckle filter needs two dates or more of one track; {0} has "
                            "one: set SPECKLE_FILTER to none, or add dates of that track to ITEMS"
                        ),
                        "SPECKLE_FILTER",
                        args=(", ".join(single),),
                    )  # fmt: skip
            folder.mkdir(parents=True, exist_ok=True)
            remove_paths([work])
            work.mkdir()
            windows = chunk_windows(grid, settings.chunk_size)
            total = max(1, sum(len(windows) for _ in plans))
            done = 0
            stacks = []
            for track, by_date in plans.items():
                dates = list(by_date)
                descriptions = [date_band_description(day, name) for day in dates for name in variables]
                partial = work / f"{track.name}.tif"
                dataset = create_tiled(partial, grid, len(descriptions), "float32", descriptions)
                valid = 0  # pixels with a value on some date
                try:
                    for window in windows:
                        if is_cancelled():
                            raise Cancelled()
                        values = _track_window(by_date, polarizations, pair, settings, grid, window)
                        valid += int(np.isfinite(values).any(axis=0).sum())
                        dataset.write(encode_values(values, "float32"), window=window)
                        done += 1
                        progress(2.0 + 88.0 * done / total, f"{track.name}: window {done} of {total}")
                    dataset.update_tags(
                        TIMESTACK_SAR_TRACK=track.name,
                        TIMESTACK_SAR_UNITS="dB" if settings.db else "linear power (gamma0)",
                        TIMESTACK_SAR_SPECKLE_FILTER=settings.speckle_filter,
                    )
                finally:
                    dataset.close()
                output = folder / f"{track.name}.tif"
                write_cog(partial, output, None, is_cancelled)
                created.append(output)  # only once written: what stood there before is not the run's
                scenes_used = sum(len(frames) for frames in by_date.values())
                stacks.append(TrackStack(track, output, dates, list(variables), scenes_used))
                if not valid:
                    empty = QT_TRANSLATE_NOOP(
                        "TimestackCore",
                        "{0}: no pixel has a value on any date: every value of its {1} scene(s) is nodata, "
                        "zero or negative in one of the polarisations ({2}) or lies outside the grid"
                    )  # fmt: skip
                    warnings.append(Message(empty, track.name, scenes_used, ", ".join(polarizations)))
            log = folder / "sarstack_log.json"
            write_json(log, _run_log(settings, grid, stacks, variables, plans, skipped, warnings))
            created.append(log)
            progress(100.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "Per-track radar stacks written")))
            return SarStackResult(stacks, log, grid.crs.to_string(), skipped, warnings)
    except BaseException:
        remove_paths(created)
        remove_paths(made[:1])
        raise
    finally:
        remove_paths([work])


def _dates(members: Sequence[_RadarScene]) -> dict[dt.date, list[_RadarScene]]:
    """The passes of one track: its frames grouped by day, in time order."""
    by_scene = {radar.scene.id: radar for radar in members}
    return {
        day: [by_scene[scene.id] for scene in scenes]
        for day, scenes in scenes_by_date([radar.scene for radar in members]).items()
    }


def _run_log(settings, grid, stacks, variables, plans, skipped, warnings) -> dict:
    return {
        "created": dt.datetime.now(dt.timezone.utc).isoformat(),
        "grid": {
            "crs": grid.crs.to_string(),
            "transform": list(grid.transform)[:6],
            "width": grid.width,
            "height": grid.height,
        },
        "variables": list(variables),
        "units": "dB" if settings.db else "linear power (gamma0)",
        "speckle_filter": settings.speckle_filter,
        "speckle_window": settings.speckle_window if settings.speckle_filter != "none" else None,
        "same_pass_merge": "first valid frame in acquisition-time order",
        "nodata": NODATA,
        "tracks": [
            {
                "track": stack.track.name,
                "orbit_state": stack.track.direction,
                "relative_orbit": stack.track.relative_orbit,
                "file": stack.path.name,
                "dates": [day.isoformat() for day in stack.dates],
                "frames": {
                    day.isoformat(): [radar.scene.id for radar in plans[stack.track][day]]
                    for day in stack.dates
                },
            }
            for stack in stacks
        ],
        "skipped": skipped,
        "warnings": warnings,
    }

"""From a STAC ItemCollection to the scenes a run can read: parsed, checked, on the run's grid.

Items become :class:`Scene` objects (:func:`scene_from_item`: band and quality assets, scaling, HLS
granules), each labelled with its composite year (:func:`year_label`); :func:`prepare_scenes` keeps the
ones inside the years and season whose files open, logging the others, and says why when none is
left. :func:`build_grid` derives the target grid, :func:`scenes_on_grid` keeps the scenes on it, and
:func:`downloaded_scenes` swaps remote files for verified copies in the asset cache.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence

from rasterio.errors import RasterioError

from ..io.cache import AssetCache, AssetDownloadError, expected_files, is_cacheable
from ..io.grid import TargetGrid, across_antimeridian, bounds_in, http_headers, intersects, target_grid
from ..io.hrefs import HrefRefusedError, checked_gdal_path
from ..io.logins import opened
from ..items import (
    ASSET_KEYS,
    FMASK_KEYS,
    QA_PIXEL_KEYS,
    QA_RADSAT_KEYS,
    SCL_KEYS,
    AssetScaling,
    asset_scaling,
    band_asset_key,
    hls_asset_keys,
    is_earthdata_granule,
    item_time,
    pick_asset,
)
from ..quality.masks import landsat_sensor
from ..runtime import QT_TRANSLATE_NOOP, Message, TimestackError, without_secrets
from .settings import CompositeSettings, check_resolution_units

__all__ = [
    "Asset",
    "Scene",
    "SceneSkippedError",
    "skip_reason",
    "asset_cache",
    "build_grid",
    "downloaded_scenes",
    "load_items",
    "prepare_scenes",
    "scene_from_item",
    "scenes_on_grid",
    "year_label",
]


@dataclass(frozen=True)
class Asset:
    path: str
    scaling: AssetScaling


@dataclass(frozen=True)
class Scene:
    """One acquisition reduced to what compositing needs (picklable, for dask workers)."""

    id: str
    datetime: dt.datetime
    year: int
    platform: str
    kind: str  # "landsat", "sentinel2" or "hls"
    bands: Mapping[str, Asset]
    quality: str
    radsat: Optional[str] = None
    #: in ``crs`` once :func:`preflight` noted them, in the target CRS after :func:`scenes_on_grid`
    bounds: Optional[tuple[float, float, float, float]] = None
    crs: Optional[str] = None
    #: HTTP headers for this scene's reads (an Earthdata bearer token); never shown in a repr or log
    http_headers: Optional[str] = field(default=None, repr=False)

    @property
    def doy(self) -> int:
        return self.datetime.timetuple().tm_yday

    @property
    def footprint(self) -> tuple[float, float, float, float]:
        """``bounds``, for the steps after :func:`preflight` (which notes them); an error before it."""
        if self.bounds is None:
            raise ValueError(f"scene {self.id} has no bounds: it was not preflighted")
        return self.bounds

    @property
    def file_crs(self) -> str:
        """``crs``, the CRS of the scene's files, for the steps after :func:`preflight` (which notes it)."""
        if self.crs is None:
            raise ValueError(f"scene {self.id} has no CRS: it was not preflighted")
        return self.crs


class SceneSkippedError(Exception):
    """A scene cannot be used; :attr:`reason` says why and goes into the run log and the Processing log.

    Made from a ``QT_TRANSLATE_NOOP("TimestackCore", ...)`` template and its arguments, so the reason is a
    :class:`Message`: English in the run log, the user's language where Processing shows it.
    """

    def __init__(self, template: str, *args):
        # GDAL's reasons name the file with its whole address: a signed one's credential stays out
        shown = [
            without_secrets(arg) if isinstance(arg, str) and not isinstance(arg, Message) else arg
            for arg in args
        ]
        super().__init__(Message(template, *shown))

    @property
    def reason(self) -> Message:
        return self.args[0]

    def __reduce__(self):  # rebuilt from the template, not the English text, wherever it is unpickled
        return type(self), (self.reason.template, *self.reason.args)


def skip_reason(error: Exception) -> str:
    """Why a scene is skipped, as the run log keeps it: translatable (a :class:`Message`) when the core
    worded it (:class:`SceneSkippedError`, :class:`TimestackError`), else the error's own text."""
    if isinstance(error, SceneSkippedError):
        return error.reason
    if isinstance(error, TimestackError):
        return SceneSkippedError(error.template, *error.args_).reason
    return without_secrets(str(error))


def year_label(when: dt.datetime, doy_start: int, doy_end: int) -> Optional[int]:
    """The composite year an acquisition belongs to, or None if outside the DOY window.

    A wrapping window (``doy_start > doy_end``, e.g. 335-60 for a southern summer) spans the new year and
    is labelled by the year it ends in.
    """
    doy = when.timetuple().tm_yday
    if doy_start <= doy_end:
        return when.year if doy_start <= doy <= doy_end else None
    if doy >= doy_start:
        return when.year + 1
    if doy <= doy_end:
        return when.year
    return None


def load_items(items: Any) -> tuple[list[dict], Optional[Path]]:
    """STAC item dicts from an ItemCollection/FeatureCollection JSON path or a list; plus its folder.

    Every way the file can be unusable gets its own message (missing, empty, not JSON, not a collection
    of STAC items), so a user is not left guessing which of them it was.
    """
    if isinstance(items, (str, Path)):
        path = Path(items)
        if not path.is_file():
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0} is not a file; give the ItemCollection JSON written by 'Search scenes'"
                ),
                "ITEMS",
                args=(path,),
            )  # fmt: skip
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, ValueError) as error:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "{0} cannot be read ({1})"), "ITEMS", args=(path, error)
            ) from None
        if not text.strip():
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0} is empty (no JSON in it); search again or give another ItemCollection"
                ),
                "ITEMS",
                args=(path,),
            )  # fmt: skip
        try:
            content = json.loads(text)
        except ValueError as error:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0} is not JSON ({1}); give the ItemCollection JSON written by 'Search scenes'"
                ),
                "ITEMS",
                args=(path, error),
            ) from None  # fmt: skip
        features: Any
        if isinstance(content, dict) and content.get("type") == "Feature":
            features = [content]
        else:
            features = content.get("features") if isinstance(content, dict) else content
        if not isinstance(features, list) and isinstance(content, dict) and content.get("type") in (
            "Catalog", "Collection"
        ):  # fmt: skip
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0} is a STAC {1}, not its scenes; search it with 'Search scenes' (CATALOG: this file) "
                    "and give the ItemCollection that search writes (OUTPUT_ITEMS)"
                ),
                "ITEMS",
                args=(path, content["type"]),
            )  # fmt: skip
        if not isinstance(features, list):
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0} holds no 'features'; expected a STAC ItemCollection (type FeatureCollection)"
                ),
                "ITEMS",
                args=(path,),
            )  # fmt: skip
        _check_stac_features(features, str(path))
        return features, path.parent
    features = list(items)
    _check_stac_features(features, "the items given")
    return features, None


def _check_stac_features(features: list, source: str) -> None:
    """Refuse an empty collection, or one without a single STAC item (an object with assets)."""
    if not features:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0} holds no items (an empty ItemCollection): search again with a wider area, date range or"
                " cloud limit"
            ),
            "ITEMS",
            args=(source,),
        )  # fmt: skip
    if not any(isinstance(item, Mapping) and isinstance(item.get("assets"), Mapping) for item in features):
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0} is not a STAC ItemCollection: none of its {1} features has 'assets' (the scene files); "
                "give the ItemCollection JSON written by 'Search scenes'"
            ),
            "ITEMS",
            args=(source, len(features)),
        )  # fmt: skip


def scene_from_item(
    item: Mapping[str, Any],
    bands: Sequence[str],
    base_dir: Optional[Path],
    allowed_roots: Sequence[Path] = (),
) -> Scene:
    """Turn a STAC item into a :class:`Scene`, or raise :class:`SceneSkippedError` saying what is missing.

    Every href is checked by :func:`..io.hrefs.checked_href` (:class:`HrefRefusedError` for one the
    catalog may not reach) before GDAL sees it.
    """

    def checked_path(href: str, base: Optional[Path]) -> str:
        return checked_gdal_path(href, base, allowed_roots, str(item.get("id")))

    properties = item.get("properties") or {}
    moment = item_time(item)
    if moment is None:
        raise SceneSkippedError(QT_TRANSLATE_NOOP("TimestackCore", "no datetime"))
    assets = item.get("assets", {})
    platform = str(properties.get("platform", "")).lower()
    hls = hls_asset_keys(item.get("collection"))
    if hls is not None:
        return _hls_scene(item, moment, platform, hls, bands, base_dir, checked_path)
    if (quality := pick_asset(assets, QA_PIXEL_KEYS)) is not None:
        kind = "landsat"
    elif (quality := pick_asset(assets, SCL_KEYS)) is not None:
        kind = "sentinel2"
    else:
        raise SceneSkippedError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "no quality asset (qa_pixel for Landsat, scl/SCL for Sentinel-2)"
            )
        )
    if kind == "landsat":
        try:
            landsat_sensor(platform)
        except ValueError:
            raise SceneSkippedError(
                QT_TRANSLATE_NOOP("TimestackCore", "platform {0!r} is not Landsat 4-9"), platform
            ) from None
    chosen: dict[str, Asset] = {}
    for band in bands:
        key = band_asset_key(assets, item.get("collection"), band)
        if key is None:
            raise SceneSkippedError(
                QT_TRANSLATE_NOOP("TimestackCore", "no asset for band {0} (looked for {1})"),
                band,
                ", ".join(ASSET_KEYS[band]),
            )
        chosen[band] = Asset(
            checked_path(assets[key]["href"], base_dir), asset_scaling(assets[key], properties)
        )
    radsat = pick_asset(assets, QA_RADSAT_KEYS) if kind == "landsat" else None
    return Scene(
        id=str(item.get("id")),
        datetime=moment,
        year=moment.year,
        platform=platform,
        kind=kind,
        bands=chosen,
        quality=checked_path(quality[1]["href"], base_dir),
        radsat=checked_path(radsat[1]["href"], base_dir) if radsat else None,
    )


def _hls_scene(
    item: Mapping[str, Any],
    moment: dt.datetime,
    platform: str,
    keys: Mapping[str, str],
    bands: Sequence[str],
    base_dir: Optional[Path],
    checked_path: Callable[[str, Optional[Path]], str],
) -> Scene:
    """An HLS granule: its collection's band assets, Fmask for quality, raster:bands or HLS scaling."""
    assets = item.get("assets", {})
    quality = pick_asset(assets, FMASK_KEYS)
    if quality is None:
        raise SceneSkippedError(QT_TRANSLATE_NOOP("TimestackCore", "no Fmask asset (HLS quality layer)"))
    chosen: dict[str, Asset] = {}
    for band in bands:
        if band_asset_key(assets, item.get("collection"), band) is None:
            raise SceneSkippedError(
                QT_TRANSLATE_NOOP("TimestackCore", "no asset for band {0} (looked for {1})"), band, keys[band]
            )
        asset = assets[keys[band]]
        chosen[band] = Asset(
            checked_path(asset["href"], base_dir), asset_scaling(asset, {}, item.get("collection"))
        )
    return Scene(
        id=str(item.get("id")),
        datetime=moment,
        year=moment.year,
        platform=platform,
        kind="hls",
        bands=chosen,
        quality=checked_path(quality[1]["href"], base_dir),
    )


def preflight(scene: Scene, crs: Optional[str]) -> Scene:
    """Open every file of ``scene`` (headers only); note its CRS and bounds. Raises SceneSkippedError."""
    paths = [scene.quality, *(asset.path for asset in scene.bands.values())]
    if scene.radsat:
        paths.append(scene.radsat)
    footprints = []  # (CRS, bounds) of each file; the first, the quality layer's, is the scene's
    for path in paths:
        if not path.startswith("/vsi") and not os.path.exists(path):
            raise SceneSkippedError(QT_TRANSLATE_NOOP("TimestackCore", "missing file {0}"), path)
        try:
            with http_headers(scene.http_headers), opened(path) as src:
                footprints.append((src.crs, src.bounds))
        except (RasterioError, OSError) as error:
            if path.startswith(("/vsicurl/", "/vsis3/")):
                raise SceneSkippedError(
                    QT_TRANSLATE_NOOP("TimestackCore", "unreachable URL {0}: {1}"), path, error
                ) from None
            raise SceneSkippedError(
                QT_TRANSLATE_NOOP("TimestackCore", "unreadable file {0}: {1}"), path, error
            ) from None
    src_crs, src_bounds = footprints[0]
    if src_crs is None:
        raise SceneSkippedError(QT_TRANSLATE_NOOP("TimestackCore", "{0} has no CRS"), scene.quality)
    left, bottom, right, top = src_bounds
    return replace(scene, crs=src_crs.to_string(), bounds=(left, bottom, right, top))


def prepare_scenes(
    settings: CompositeSettings,
    read_bands: Sequence[str],
    skipped: list[dict],
    warnings: Optional[list[str]] = None,
) -> list[Scene]:
    """Scenes inside the year range and DOY window with every needed asset readable; others logged.

    An item listed twice (same id) is used once, and ``warnings`` says so: counting it twice would
    weigh it double in means and percentiles. When no scene is usable the error says why (no scene in
    the years, none in the DOY window, items without the needed assets, files missing or unreachable),
    since each asks for a different fix.
    """
    items, base_dir = load_items(settings.items)
    scenes, seen, duplicates, dates = [], set(), [], []
    for item in items:
        identifier = item.get("id") if isinstance(item, Mapping) else None
        if identifier is not None and identifier in seen:
            duplicates.append(str(identifier))
            continue
        seen.add(identifier)
        try:
            if not isinstance(item, Mapping):
                raise SceneSkippedError(QT_TRANSLATE_NOOP("TimestackCore", "not a STAC item (a JSON object)"))
            scene = scene_from_item(item, read_bands, base_dir, settings.allowed_roots)
            if settings.earthdata_headers and is_earthdata_granule(item):
                scene = replace(scene, http_headers=settings.earthdata_headers)
            elif settings.catalog_login is not None:
                scene = replace(scene, http_headers=settings.catalog_login.headers_for(item))
        except HrefRefusedError:
            raise  # a catalog reaching where it may not is refused whole, never half-used
        except (SceneSkippedError, KeyError, ValueError) as error:
            skipped.append({"id": identifier, "reason": skip_reason(error)})
            continue
        dates.append(scene.datetime)
        label = year_label(scene.datetime, settings.doy_start, settings.doy_end)
        if label is None or not settings.start_year <= label <= settings.end_year:
            continue
        scenes.append(replace(scene, year=label))
    if duplicates and warnings is not None:
        shown = ", ".join(sorted(set(duplicates))[:5])
        twice = QT_TRANSLATE_NOOP(
            "TimestackCore", "ITEMS lists {0} item(s) more than once ({1}); each was used once"
        )
        warnings.append(Message(twice, len(duplicates), shown))
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [(scene, pool.submit(preflight, scene, settings.crs)) for scene in scenes]
    usable, unusable = [], []
    for scene, future in futures:
        try:
            usable.append(future.result())
        except SceneSkippedError as error:
            unusable.append(str(error))
            skipped.append({"id": scene.id, "year": scene.year, "reason": error.reason})
    if not usable:
        raise _no_usable_scene(settings, len(items), dates, unusable, skipped)
    return sorted(usable, key=lambda scene: scene.datetime)


def _no_usable_scene(
    settings: CompositeSettings, item_count: int, dates: list, unusable: list[str], skipped: list[dict]
) -> TimestackError:
    """The error for a run left without a single scene, naming the cause and the parameter to change."""
    years = f"{settings.start_year}-{settings.end_year}"
    window = f"{settings.doy_start}-{settings.doy_end}"
    if unusable:
        return _unusable_files(unusable, years, window)
    if not dates:
        reasons = sorted({entry["reason"] for entry in skipped})
        return TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "none of the {0} items can be composited: {1}; check BANDS and INDICES against the items' "
                "assets (Landsat Collection 2, Sentinel-2 L2A or HLS)"
            ),
            "ITEMS",
            args=(item_count, "; ".join(reasons[:3])),
        )  # fmt: skip
    return _outside_season(settings, dates, years, window)


def _unusable_files(unusable: list[str], years: str, window: str) -> TimestackError:
    """Every scene in the season failed its preflight: missing files, unreachable URLs or others."""
    missing = [reason for reason in unusable if reason.startswith("missing file")]
    unreachable = [reason for reason in unusable if reason.startswith("unreachable URL")]
    if len(missing) == len(unusable):
        return TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "the files of all {0} scenes of {1} (days {2}) are missing ({3}); the archive may have "
                "moved: search it again, or fix the items' hrefs"
            ),
            "ITEMS",
            args=(len(unusable), years, window, missing[0]),
        )  # fmt: skip
    if len(unreachable) == len(unusable):
        return TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "none of the {0} scenes of {1} (days {2}) could be reached ({3}); check the network "
                "connection and the catalog's access (AUTHCFG for NASA Earthdata), or search again: "
                "signed URLs expire"
            ),
            "ITEMS",
            args=(len(unusable), years, window, unreachable[0]),
        )  # fmt: skip
    return TimestackError(
        QT_TRANSLATE_NOOP(
            "TimestackCore",
            "none of the {0} scenes of {1} (days {2}) is readable ({3}); see the run's skipped scenes, "
            "repair or re-download the files"
        ),
        "ITEMS",
        args=(len(unusable), years, window, unusable[0]),
    )  # fmt: skip


def _outside_season(settings: CompositeSettings, dates: list, years: str, window: str) -> TimestackError:
    """Scenes exist, but none in the years (START_YEAR) or none in the season (DOY_START)."""
    in_years = [when for when in dates if settings.start_year <= when.year <= settings.end_year]
    first, last = min(dates).year, max(dates).year
    if not in_years:
        return TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "no scene between {0} and {1}: the {2} scenes of ITEMS span {3}-{4}; choose START_YEAR and "
                "END_YEAR within them"
            ),
            "START_YEAR",
            args=(settings.start_year, settings.end_year, len(dates), first, last),
        )  # fmt: skip
    days = [when.timetuple().tm_yday for when in in_years]
    return TimestackError(
        QT_TRANSLATE_NOOP(
            "TimestackCore",
            "none of the {0} scenes of {1} falls between days {2} (DOY_START-DOY_END); their days of year "
            "range {3}-{4}: widen the season"
        ),
        "DOY_START",
        args=(len(in_years), years, window, min(days), max(days)),
    )  # fmt: skip


def build_grid(settings: CompositeSettings, scenes: Sequence[Scene]) -> TargetGrid:
    """The target grid: given CRS (or the most common scene CRS) and extent (or all scenes), snapped."""
    if settings.crs:
        crs = settings.crs
    elif scenes:
        crs = Counter(scene.file_crs for scene in scenes).most_common(1)[0][0]
    else:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "no scene to take the CRS from; give TARGET_CRS"), "TARGET_CRS"
        )
    check_resolution_units(crs, settings.resolution)
    if settings.bounds is not None:
        bounds = settings.bounds
        if settings.bounds_crs and settings.bounds_crs != crs:
            bounds = _area_in(bounds, settings.bounds_crs, crs, scenes, settings.resolution)
    else:
        bounds = _scenes_box(scenes, crs)
        if across_antimeridian([bounds_in(scene.footprint, scene.file_crs, crs) for scene in scenes], crs):
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "the scenes lie across the antimeridian (180° longitude), where a grid in {0} would "
                    "run around the whole world; choose a projected TARGET_CRS, such as the scenes' UTM zone"
                ),
                "TARGET_CRS",
                args=(crs,),
            )  # fmt: skip
    return target_grid(bounds, crs, settings.resolution)


def _scenes_box(scenes: Sequence[Scene], crs: str) -> tuple:
    """The box in ``crs`` around every scene's footprint."""
    boxes = [bounds_in(scene.footprint, scene.file_crs, crs) for scene in scenes]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _area_in(bounds: tuple, area_crs: str, crs: str, scenes: Sequence[Scene], tolerance: float) -> tuple:
    """The area's box in the grid's CRS ``crs``.

    An area reaching beyond where ``crs`` is defined (the whole world in longitude/latitude, for a UTM
    zone) has no such box: its transform collapses (the world lands west of a UTM zone's central
    meridian, off scenes it contains). When the area's part over the scenes, cut in the area's own CRS,
    does not land inside the transformed area, that part is the box.
    """
    direct = bounds_in(bounds, area_crs, crs)
    if not scenes:
        return direct
    covered = _scenes_box(scenes, area_crs)
    if not intersects(bounds, covered):
        return direct  # refused by name on the grid: the area misses the scenes
    part = (
        max(bounds[0], covered[0]), max(bounds[1], covered[1]),
        min(bounds[2], covered[2]), min(bounds[3], covered[3]),
    )  # fmt: skip
    wanted = bounds_in(part, area_crs, crs)
    inside = (
        direct[0] <= wanted[0] + tolerance and direct[1] <= wanted[1] + tolerance
        and wanted[2] <= direct[2] + tolerance and wanted[3] <= direct[3] + tolerance
    )  # fmt: skip
    return direct if inside else wanted


def scenes_on_grid(settings: CompositeSettings, grid: TargetGrid, scenes: Sequence[Scene]) -> list[Scene]:
    """``scenes`` overlapping ``grid``, their bounds in the grid's CRS; none is an error naming the
    area parameter (EXTENT or AOI) and what the scenes cover."""
    scenes = [replace(scene, bounds=bounds_in(scene.footprint, scene.file_crs, grid.crs)) for scene in scenes]
    inside = [scene for scene in scenes if intersects(scene.footprint, grid.bounds)]
    if not inside:
        covered = (
            min(scene.footprint[0] for scene in scenes),
            min(scene.footprint[1] for scene in scenes),
            max(scene.footprint[2] for scene in scenes),
            max(scene.footprint[3] for scene in scenes),
        )
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0} {1} ({2}) does not overlap any scene (the scenes cover {3}); choose an area inside "
                "the data"
            ),
            settings.area_parameter,
            args=(settings.area_parameter, _rounded(grid.bounds), grid.crs, _rounded(covered)),
        )  # fmt: skip
    return inside


def asset_cache(settings: CompositeSettings):
    """The run's :class:`..io.cache.AssetCache` (open for the whole run: it leases the files it hands
    out), or a context giving None when the run streams."""
    if settings.cache_folder is None:
        return contextlib.nullcontext()
    return AssetCache(settings.cache_folder, settings.cache_max_gb * 1e9)


def downloaded_scenes(settings, cache: AssetCache, scenes, skipped, progress, is_cancelled) -> list[Scene]:
    """``scenes`` with every http(s) file replaced by its verified copy in the cache, downloaded as
    needed (after the size check: a refused run downloads nothing). A scene with a file that cannot be
    downloaded is skipped and named, as one that cannot be streamed; none left is the first error."""
    items = load_items(settings.items)[0]
    expected = {}
    for item in items:
        if isinstance(item, Mapping):
            expected.update(expected_files(item))

    def download(scene: Scene) -> Scene:
        lines = [line.split(":", 1) for line in (scene.http_headers or "").splitlines() if ":" in line]
        headers = {name.strip(): value.strip() for name, value in lines}

        def local(path: str, asset: str) -> str:
            if not is_cacheable(path):
                return path
            url = path[len("/vsicurl/") :] if path.startswith("/vsicurl/") else path
            owner = f"scene {scene.id}, {asset}"
            return cache.local_path(url, expected.get(url), owner, headers, is_cancelled)

        return replace(
            scene,
            quality=local(scene.quality, "quality layer"),
            radsat=None if scene.radsat is None else local(scene.radsat, "saturation layer"),
            bands={band: replace(a, path=local(a.path, f"band {band}")) for band, a in scene.bands.items()},
        )

    kept, failures = [], []
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [(scene, pool.submit(download, scene)) for scene in scenes]
        try:
            for number, (scene, future) in enumerate(futures):
                try:
                    kept.append(future.result())
                except AssetDownloadError as error:
                    if error.parameter == "CACHE_MAX_GB":
                        raise
                    failures.append(error)
                    skipped.append({"id": scene.id, "year": scene.year, "reason": skip_reason(error)})
                progress(
                    1.0,
                    Message(
                        QT_TRANSLATE_NOOP("TimestackCore", "Downloaded {0} of {1} scenes into the cache"),
                        number + 1,
                        len(futures),
                    ),
                )
        except BaseException:
            for _, future in futures:
                future.cancel()
            raise
    if not kept:
        raise failures[0]
    return kept


def _rounded(bounds: Sequence[float]) -> tuple:
    """Bounds as a user reads them: 6 significant digits (metres to the unit, degrees to ~10 m), whole
    numbers without a decimal point."""
    values = [float(f"{value:.6g}") for value in bounds]
    return tuple(int(value) if value.is_integer() else value for value in values)

"""Annual cloud-free composites of Landsat 4-9 and Sentinel-2 L2A scenes, chunked with bounded memory.

For each year of a range, the scenes acquired inside a day-of-year window are read onto one target grid,
masked (QA bits or scene classes, optional TDOM shadows), optionally harmonised (OLI -> ETM+) and reduced
per pixel by a compositing method; spectral indices are computed from the composite's bands. A window
that wraps the new year (DOY_START > DOY_END) is labelled by the year it ends in. Years without scenes
stay in the stack as nodata, so LandTrendr sees every year.

Work is split into units of (chunk window, year): a unit reads only that window of that year's scenes,
so memory is about ``observations x bands x chunk² x 4 bytes`` per worker whatever the image size or
year count. Units run on local threads (GDAL reads and the numba kernels release the GIL) or, given a
``dask.distributed`` scheduler address, on its workers. The main thread alone writes results.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence

import numpy as np
import rasterio
from rasterio.crs import CRS
from rasterio.errors import CRSError, RasterioError
from rasterio.windows import Window

from ..indices import INDICES, REFLECTIVE_BANDS, canonical_band, compute_index, required_bands, spectral_index
from ..io.bands import band_description
from ..io.cache import (
    DEFAULT_CACHE_MAX_GB,
    AssetCache,
    AssetDownloadError,
    expected_files,
    is_cacheable,
)
from ..io.grid import (
    REMOTE_GDAL_OPTIONS,
    TargetGrid,
    bounds_in,
    chunk_windows,
    http_headers,
    intersects,
    read_window,
    target_grid,
    with_halo,
)
from ..io.hrefs import HrefRefusedError, checked_gdal_path
from ..io.stack import (
    NODATA,
    OUTPUT_DTYPES,
    create_tiled,
    encode_values,
    remove_paths,
    write_cog,
    write_json,
    write_vrt,
)
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
    pick_asset,
)
from ..quality.harmonize import needs_harmonisation, oli_to_etm
from ..quality.masks import (
    FMASK_FILL,
    MaskOptions,
    fmask_discard,
    landsat_discard,
    landsat_sensor,
    sentinel2_discard,
)
from ..quality.tdom import STATISTICS_BANDS, TdomAccumulator, halo_pixels, tdom_shadow
from ..runtime import QT_TRANSLATE_NOOP, Cancelled, Message, Progress, TimestackError, missing_package

METHODS = ("medoid", "median", "mean", "max_ndvi", "percentile")
#: The default size limit of a run: 8 GB is a national park at 30 m over 40 years, far beyond a
#: mistyped RESOLUTION or EXTENT on a laptop's disk.
DEFAULT_MAX_GB = 8.0


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
    bounds: Optional[tuple[float, float, float, float]] = None  # in the target CRS, after preflight
    crs: Optional[str] = None
    #: HTTP headers for this scene's reads (an Earthdata bearer token); never shown in a repr or log
    http_headers: Optional[str] = field(default=None, repr=False)

    @property
    def doy(self) -> int:
        return self.datetime.timetuple().tm_yday


class SceneSkippedError(Exception):
    """A scene cannot be used; the message says why and goes into the run log."""


@dataclass(frozen=True)
class CompositeSettings:
    """Everything a composite run needs; names follow ``timestack:composite``'s parameters.

    ``bounds`` are in ``bounds_crs`` (default: the target CRS); ``crs`` None picks the CRS most scenes
    share; ``bounds`` None covers all scenes. ``min_confidence`` etc. live in ``mask``.
    """

    items: Any  # ItemCollection JSON path, or a list of STAC item dicts
    output: Path
    start_year: int
    end_year: int
    doy_start: int = 1
    doy_end: int = 366
    method: str = "medoid"
    bands: Sequence[str] = REFLECTIVE_BANDS
    indices: Sequence[str] = ()
    mask: MaskOptions = field(default_factory=MaskOptions)
    tdom: bool = False
    tdom_statistics: Optional[Path] = None
    harmonize: bool = False
    fill_empty_years: bool = True
    percentile: float = 50.0
    bounds: Optional[tuple[float, float, float, float]] = None
    bounds_crs: Optional[str] = None
    crs: Optional[str] = None
    resolution: float = 30.0
    output_dtype: str = "int16"
    output_folder: Optional[Path] = None
    chunk_size: int = 256
    workers: int = 2
    dask_scheduler: Optional[str] = None
    #: Refuse, before any work, a run whose output or working memory would exceed this many GB
    #: (:func:`size_estimate`); None: no limit.
    max_gb: Optional[float] = DEFAULT_MAX_GB
    #: Folders outside the ItemCollection's own catalog whose files its hrefs may reach
    #: (:mod:`..io.hrefs`); remote hrefs need none.
    allowed_roots: Sequence[Path] = ()
    #: The parameter ``bounds`` came from (EXTENT or AOI), for the message when they miss every scene.
    area_parameter: str = "EXTENT"
    #: Sent with the reads of NASA Earthdata granules only (``core.search.earthdata.bearer_header``)
    earthdata_headers: Optional[str] = field(default=None, repr=False)
    #: Download every http(s) file of the run into this folder (:mod:`..io.cache`) instead of
    #: streaming it; None streams. The folder holds at most ``cache_max_gb``.
    cache_folder: Optional[Path] = None
    cache_max_gb: float = DEFAULT_CACHE_MAX_GB


@dataclass
class CompositeResult:
    stack: Path
    observation: Optional[Path]
    log: Path
    years: list[int]
    variables: list[str]
    year_files: list[Path] = field(default_factory=list)
    vrts: list[Path] = field(default_factory=list)
    tdom_statistics: Optional[Path] = None
    skipped: list[dict] = field(default_factory=list)
    #: What a user must know about a result that succeeded (duplicated items, years left nodata because
    #: every scene found for them was unreadable); also in the run log under ``warnings``.
    warnings: list[str] = field(default_factory=list)
    #: Years with scenes in the window whose every scene was unreadable: nodata, though scenes were found.
    unreadable_years: list[int] = field(default_factory=list)
    #: Years of the stack no scene contributed to (none found, or all unreadable).
    empty_years: list[int] = field(default_factory=list)
    #: How many scenes contributed (read without error) and how many were skipped.
    scenes_used: int = 0


# --------------------------------------------------------------------------------------------- scenes


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
        if isinstance(content, dict) and content.get("type") == "Feature":
            features = [content]
        else:
            features = content.get("features") if isinstance(content, dict) else content
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


def _refuse_outputs_over_inputs(settings: CompositeSettings, output: Path, picks_observation: bool) -> None:
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
                local = Path(href.removeprefix("file://"))
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

    properties = item.get("properties", {})
    when = properties.get("datetime") or properties.get("start_datetime")
    if not when:
        raise SceneSkippedError("no datetime")
    moment = dt.datetime.fromisoformat(str(when).replace("Z", "+00:00"))
    assets = item.get("assets", {})
    platform = str(properties.get("platform", "")).lower()
    hls = hls_asset_keys(item.get("collection"))
    if hls is not None:
        return _hls_scene(item, moment, platform, hls, bands, base_dir, checked_path)
    if pick_asset(assets, QA_PIXEL_KEYS):
        kind = "landsat"
        quality = pick_asset(assets, QA_PIXEL_KEYS)
    elif pick_asset(assets, SCL_KEYS):
        kind = "sentinel2"
        quality = pick_asset(assets, SCL_KEYS)
    else:
        raise SceneSkippedError("no quality asset (qa_pixel for Landsat, scl/SCL for Sentinel-2)")
    if kind == "landsat":
        try:
            landsat_sensor(platform)
        except ValueError:
            raise SceneSkippedError(f"platform {platform!r} is not Landsat 4-9") from None
    chosen: dict[str, Asset] = {}
    for band in bands:
        key = band_asset_key(assets, item.get("collection"), band)
        if key is None:
            raise SceneSkippedError(f"no asset for band {band} (looked for {', '.join(ASSET_KEYS[band])})")
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
        raise SceneSkippedError("no Fmask asset (HLS quality layer)")
    chosen: dict[str, Asset] = {}
    for band in bands:
        if band_asset_key(assets, item.get("collection"), band) is None:
            raise SceneSkippedError(f"no asset for band {band} (looked for {keys[band]})")
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


def _preflight(scene: Scene, crs: Optional[str]) -> Scene:
    """Open every file of ``scene`` (headers only); note its CRS and bounds. Raises SceneSkippedError."""
    paths = [scene.quality, *(asset.path for asset in scene.bands.values())]
    if scene.radsat:
        paths.append(scene.radsat)
    info = None
    for path in paths:
        if not path.startswith("/vsi") and not os.path.exists(path):
            raise SceneSkippedError(f"missing file {path}")
        try:
            with http_headers(scene.http_headers), rasterio.open(path) as src:
                if info is None:
                    info = (src.crs, src.bounds)
        except (RasterioError, OSError) as error:
            if path.startswith(("/vsicurl/", "/vsis3/")):
                raise SceneSkippedError(f"unreachable URL {path}: {error}") from None
            raise SceneSkippedError(f"unreadable file {path}: {error}") from None
    src_crs, src_bounds = info
    if src_crs is None:
        raise SceneSkippedError(f"{scene.quality} has no CRS")
    return replace(scene, crs=src_crs.to_string(), bounds=tuple(src_bounds))


# ---------------------------------------------------------------------------------------------- units


@dataclass(frozen=True)
class UnitSpec:
    """What every unit shares (picklable)."""

    grid: TargetGrid
    read_bands: tuple[str, ...]
    variables: tuple[str, ...]
    method: str
    mask: MaskOptions
    harmonize: bool
    percentile: float
    output_dtype: str
    halo: int
    tdom: bool


def _read_scene(scene: Scene, spec: UnitSpec, window: Window) -> Optional[np.ndarray]:
    """(bands, rows, cols) float32 reflectance of ``scene`` in ``window`` (NaN masked), or None if empty."""
    with http_headers(scene.http_headers):
        return _read_scene_files(scene, spec, window)


def _read_scene_files(scene: Scene, spec: UnitSpec, window: Window) -> Optional[np.ndarray]:
    grid = spec.grid
    if scene.kind == "landsat":
        with rasterio.open(scene.quality) as src:
            qa = read_window(src, grid, window, fill=1, src_nodata=1)
        radsat = None
        if scene.radsat and "saturated" in spec.mask.flags:
            with rasterio.open(scene.radsat) as src:
                radsat = read_window(src, grid, window, fill=0, src_nodata=0)
        discard = landsat_discard(qa, spec.mask, radsat, landsat_sensor(scene.platform), spec.read_bands)
    elif scene.kind == "hls":
        with rasterio.open(scene.quality) as src:
            fmask = read_window(src, grid, window, fill=FMASK_FILL, src_nodata=FMASK_FILL)
        discard = fmask_discard(fmask, spec.mask)
    else:
        with rasterio.open(scene.quality) as src:
            scl = read_window(src, grid, window, fill=0, src_nodata=0)
        discard = sentinel2_discard(scl, spec.mask)
    if discard.all():
        return None
    out = np.empty((len(spec.read_bands), int(window.height), int(window.width)), np.float32)
    # HLS is harmonised by its producer (to Sentinel-2); the OLI -> ETM+ step is for Landsat C2 only.
    harmonise = spec.harmonize and scene.kind == "landsat" and needs_harmonisation(scene.platform)
    for index, band in enumerate(spec.read_bands):
        asset = scene.bands[band]
        nodata = asset.scaling.nodata
        with rasterio.open(asset.path) as src:
            dn = read_window(src, grid, window, fill=0 if nodata is None else nodata, src_nodata=nodata)
        values = dn.astype(np.float32) * np.float32(asset.scaling.scale) + np.float32(asset.scaling.offset)
        if nodata is not None:
            discard |= dn == nodata
        if harmonise:
            values = oli_to_etm(values, band)
        out[index] = values
    out[:, discard] = np.nan
    return out


def tdom_statistics_unit(
    scenes: Sequence[Scene], spec: UnitSpec, window: Window, cancel: Optional[threading.Event] = None
) -> np.ndarray:
    """(4, rows, cols) TDOM statistics of nir and swir1 over all ``scenes`` (QA-masked) in ``window``.

    Harmonised like the composite's observations (``spec.harmonize``), which are tested against them.
    """
    stats_spec = replace(spec, read_bands=("nir", "swir1"))
    accumulator = TdomAccumulator.empty((int(window.height), int(window.width)))
    for scene in scenes:
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        try:
            data = _read_scene(scene, stats_spec, window)
        except (RasterioError, OSError):
            continue  # the composite pass logs unreadable windows
        if data is not None:
            accumulator.add(data[0], data[1])
    return accumulator.statistics()


def composite_unit(
    scenes: Sequence[Scene],
    spec: UnitSpec,
    window: Window,
    statistics: Optional[np.ndarray] = None,
    cancel: Optional[threading.Event] = None,
) -> dict:
    """Composite one chunk ``window`` of one year from its ``scenes`` (sorted by time).

    Returns ``values`` (variables, rows, cols) in the output dtype, ``doy`` and ``source`` (int16, the
    chosen observation's day of year and position in ``scenes``; nodata where no observation or where
    the method picks none), and ``errors`` [(scene id, message)] for windows that could not be read.
    """
    read_window_, inner = with_halo(window, spec.halo, spec.grid)
    rows, cols = int(window.height), int(window.width)
    stack, positions, errors = [], [], []
    for position, scene in enumerate(scenes):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        try:
            data = _read_scene(scene, spec, read_window_)
        except (RasterioError, OSError) as error:
            errors.append((scene.id, f"read failed: {error}"))
            continue
        if data is None:
            continue
        if statistics is not None:
            nir, swir1 = data[spec.read_bands.index("nir")], data[spec.read_bands.index("swir1")]
            data[:, tdom_shadow(nir, swir1, statistics)] = np.nan
        stack.append(data[:, inner[0], inner[1]])
        positions.append(position)
    values = np.full((len(spec.variables), rows, cols), np.nan, np.float32)
    doy = np.full((rows, cols), NODATA, np.int16)
    source = np.full((rows, cols), NODATA, np.int16)
    if stack:
        data = np.ascontiguousarray(np.stack(stack).reshape(len(stack), len(spec.read_bands), rows * cols))
        composite, chosen = reduce_observations(data, spec.method, spec.read_bands, spec.percentile)
        bands = {band: composite[i].reshape(rows, cols) for i, band in enumerate(spec.read_bands)}
        for i, name in enumerate(spec.variables):
            values[i] = bands[name] if name in bands else compute_index(name, bands)
        if chosen is not None:
            picked = chosen.reshape(rows, cols)
            has = picked >= 0
            lookup_doy = np.array([scenes[p].doy for p in positions], np.int16)
            lookup_source = np.array(positions, np.int16)
            doy[has] = lookup_doy[picked[has]]
            source[has] = lookup_source[picked[has]]
    return {
        "values": encode_values(values, spec.output_dtype),
        "doy": doy,
        "source": source,
        "errors": errors,
    }


def reduce_observations(
    data: np.ndarray, method: str, bands: Sequence[str], q: float = 50.0
) -> tuple[np.ndarray, Optional[np.ndarray]]:
    """Reduce (obs, bands, pixels) to (bands, pixels) by ``method``; also the chosen obs (or None)."""
    from . import kernels  # numba: imported by the first composite, not when QGIS registers the algorithms

    n_obs, n_bands, n_pix = data.shape
    out = np.empty((n_bands, n_pix), np.float32)
    if method == "medoid":
        chosen = np.empty(n_pix, np.int64)
        kernels.medoid(data, out, chosen)
        return out, chosen
    if method == "max_ndvi":
        nir, red = data[:, bands.index("nir")], data[:, bands.index("red")]
        with np.errstate(divide="ignore", invalid="ignore"):
            ndvi = (nir - red) / (nir + red)
        chosen = np.empty(n_pix, np.int64)
        kernels.best_score(np.ascontiguousarray(ndvi), data, out, chosen)
        return out, chosen
    if method == "median":
        kernels.percentile(data, 50.0, out)
    elif method == "percentile":
        kernels.percentile(data, q, out)
    elif method == "mean":
        kernels.mean(data, out)
    else:
        raise ValueError(f"METHOD must be one of {METHODS}, got {method!r}")
    return out, None


# ------------------------------------------------------------------------------------------ execution


class _Executor:
    """Local threads, or a ``dask.distributed`` client when a scheduler address is given."""

    def __init__(self, workers: int, scheduler: Optional[str]):
        self.client = None
        if scheduler:
            try:
                from distributed import Client
            except ImportError:
                raise missing_package(
                    "DASK_SCHEDULER",
                    "distributed",
                    "DASK_SCHEDULER",
                    QT_TRANSLATE_NOOP(
                        "TimestackCore",
                        "{0} needs the {1} package: install it with Raster ▸ Timestack ▸ Install Python "
                        "packages…, or leave DASK_SCHEDULER empty"
                    ),
                ) from None  # fmt: skip
            try:
                self.client = Client(scheduler, timeout="5s", set_as_default=False)
            except OSError as error:
                raise ValueError(f"DASK_SCHEDULER: cannot reach {scheduler!r} ({error})") from None
            from distributed import Event

            # The cluster-wide counterpart of the local cancel flag: units on workers poll it between
            # scenes, so a cancel stops them within their chunk, as local threads do.
            self.remote_cancel = Event(f"timestack-cancel-{uuid.uuid4().hex}", client=self.client)
            self.slots = max(1, sum(self.client.nthreads().values())) + 1
        else:
            self.pool = ThreadPoolExecutor(
                max_workers=max(1, workers), thread_name_prefix="timestack-composite"
            )
            self.slots = max(1, workers) + 1

    def submit(self, function, *args):
        if self.client is not None:
            # A thread event cannot travel to another process; the cluster-wide event stands in for it.
            args = tuple(self.remote_cancel if isinstance(arg, threading.Event) else arg for arg in args)
            return self.client.submit(function, *args, pure=False)
        return self.pool.submit(function, *args)

    def wait_one(self, futures):
        if self.client is not None:
            # distributed.wait needs a default client, which a plugin must not install globally.
            while True:
                done = [future for future in futures if future.done()]
                if done:
                    return done
                time.sleep(0.02)
        done, _ = wait(list(futures), return_when=FIRST_COMPLETED)
        return done

    def cancel(self, futures) -> None:
        if self.client is not None:
            self.remote_cancel.set()
        for future in futures:
            future.cancel()

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        else:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _run_units(
    executor, units, total: int, handle, cancel: threading.Event, is_cancelled, progress, span, label
):
    """Submit ``units`` (key, function, args) with at most ``executor.slots`` in flight; ``handle`` each.

    Bounding the in-flight count bounds memory: ``units`` is consumed lazily (a unit's inputs, such as
    its window's TDOM statistics, exist only while it is in flight) and results are written and
    dropped as they arrive. ``total`` is the number of units, for progress.
    """
    pending = {}
    queue = iter(units)
    exhausted, done = False, 0
    try:
        while not exhausted or pending:
            if is_cancelled():
                cancel.set()
                raise Cancelled()
            while not exhausted and len(pending) < executor.slots:
                unit = next(queue, None)
                if unit is None:
                    exhausted = True
                    break
                key, function, args = unit
                pending[executor.submit(function, *args)] = key
            for future in executor.wait_one(pending):
                key = pending.pop(future)
                handle(key, future.result())
                done += 1
                progress(span[0] + (span[1] - span[0]) * done / total, label.format(done=done, total=total))
    except BaseException:
        cancel.set()
        executor.cancel(pending)
        raise


# ------------------------------------------------------------------------------------------ top level


def _validate(settings: CompositeSettings) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if settings.method not in METHODS:
        raise ValueError(f"METHOD must be one of {', '.join(METHODS)}, got {settings.method!r}")
    if settings.output_dtype not in OUTPUT_DTYPES:
        raise ValueError(f"output data type must be one of {OUTPUT_DTYPES}, got {settings.output_dtype!r}")
    if not settings.resolution or settings.resolution <= 0:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "RESOLUTION must be a positive number of CRS units, got {0:g}; give the pixel size, such as "
                "30 (metres) for a UTM zone"
            ),
            "RESOLUTION",
            args=(settings.resolution,),
        )  # fmt: skip
    if settings.max_gb is not None and not settings.max_gb > 0:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "MAX_GB must be a positive number of gigabytes, got {0}"),
            "MAX_GB",
            args=(settings.max_gb,),
        )
    if settings.start_year > settings.end_year:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "START_YEAR ({0}) is after END_YEAR ({1}); give the first year as START_YEAR and the last "
                "as END_YEAR"
            ),
            "START_YEAR",
            args=(settings.start_year, settings.end_year),
        )  # fmt: skip
    for name, value in (("DOY_START", settings.doy_start), ("DOY_END", settings.doy_end)):
        if not 1 <= value <= 366:
            raise ValueError(f"{name} must be a day of year 1-366, got {value}")
    bands = tuple(canonical_band(band) for band in settings.bands)
    unknown = [name for name in settings.indices if name.upper() not in INDICES]
    if unknown:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "INDICES: unknown index {0!r}; expected one of {1}"),
            "INDICES",
            args=(unknown[0], ", ".join(INDICES)),
        )
    indices = tuple(spectral_index(name).name for name in settings.indices)
    if not bands and not indices:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "BANDS and INDICES are both empty; choose at least one band or index"
            ),
            "BANDS",
        )
    if settings.method == "percentile" and not 0 <= settings.percentile <= 100:
        raise ValueError(f"PERCENTILE must be within 0-100, got {settings.percentile}")
    if settings.tdom and settings.tdom_statistics is not None:
        _check_tdom_statistics(Path(settings.tdom_statistics))
    if settings.crs is not None:
        try:
            CRS.from_user_input(settings.crs)
        except CRSError:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0!r} is not a coordinate reference system PROJ knows; give an EPSG code such as "
                    "EPSG:32633, or leave TARGET_CRS empty to use the scenes' CRS"
                ),
                "TARGET_CRS",
                args=(settings.crs,),
            ) from None  # fmt: skip
    return bands, indices


def _check_tdom_statistics(path: Path) -> None:
    """Refuse, before any scene is read, TDOM statistics that are missing, unreadable or not the four
    bands an earlier run writes (OUTPUT_TDOM_STATISTICS)."""
    if not path.is_file():
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0} is not a file; give the statistics GeoTIFF an earlier run wrote (its "
                "OUTPUT_TDOM_STATISTICS), or leave TDOM_STATISTICS empty to compute them"
            ),
            "TDOM_STATISTICS",
            args=(path,),
        )  # fmt: skip
    try:
        with rasterio.open(path) as src:
            count = src.count
    except RasterioError as error:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0} is not a raster GDAL can read ({1}); give the statistics GeoTIFF an earlier run wrote "
                "(its OUTPUT_TDOM_STATISTICS)"
            ),
            "TDOM_STATISTICS",
            args=(path, error),
        ) from None  # fmt: skip
    if count != len(STATISTICS_BANDS):
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0} has {1} band(s), not the {2} TDOM statistics ({3}); give the statistics GeoTIFF an "
                "earlier run wrote (its OUTPUT_TDOM_STATISTICS)"
            ),
            "TDOM_STATISTICS",
            args=(path, count, len(STATISTICS_BANDS), ", ".join(STATISTICS_BANDS)),
        )  # fmt: skip


#: The coarsest pixel, in degrees, a composite of 10-60 m scenes plausibly asks for in a geographic CRS
#: (0.1 degree is about 11 km). A larger one is nearly always metres typed for a CRS measured in degrees:
#: the default 30 would give one pixel of 30 degrees.
MAX_GEOGRAPHIC_RESOLUTION = 0.1


def _check_resolution_units(crs: Any, resolution: float) -> None:
    """Refuse a RESOLUTION that is metres given for a geographic CRS, suggesting the degrees meant."""
    crs = CRS.from_user_input(crs)
    if crs.is_geographic and resolution > MAX_GEOGRAPHIC_RESOLUTION:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0:g} is in degrees in the geographic CRS {1} (a pixel ~{2:.0f} km wide); give RESOLUTION "
                "in degrees, e.g. 0.00025 for about 30 m, or choose a projected TARGET_CRS (such as the "
                "scenes' UTM zone) to give it in metres"
            ),
            "RESOLUTION",
            args=(resolution, crs.to_string(), resolution * 111),
        )  # fmt: skip


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
                raise SceneSkippedError("not a STAC item (a JSON object)")
            scene = scene_from_item(item, read_bands, base_dir, settings.allowed_roots)
            if settings.earthdata_headers and is_earthdata_granule(item):
                scene = replace(scene, http_headers=settings.earthdata_headers)
        except HrefRefusedError:
            raise  # a catalog reaching where it may not is refused whole, never half-used
        except (SceneSkippedError, KeyError, ValueError) as error:
            skipped.append({"id": identifier, "reason": str(error)})
            continue
        dates.append(scene.datetime)
        label = year_label(scene.datetime, settings.doy_start, settings.doy_end)
        if label is None or not settings.start_year <= label <= settings.end_year:
            continue
        scenes.append(replace(scene, year=label))
    if duplicates and warnings is not None:
        shown = ", ".join(sorted(set(duplicates))[:5])
        warnings.append(f"ITEMS lists {len(duplicates)} item(s) more than once ({shown}); each was used once")
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [(scene, pool.submit(_preflight, scene, settings.crs)) for scene in scenes]
    usable, unusable = [], []
    for scene, future in futures:
        try:
            usable.append(future.result())
        except SceneSkippedError as error:
            unusable.append(str(error))
            skipped.append({"id": scene.id, "year": scene.year, "reason": str(error)})
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
        crs = Counter(scene.crs for scene in scenes).most_common(1)[0][0]
    else:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "no scene to take the CRS from; give TARGET_CRS"), "TARGET_CRS"
        )
    _check_resolution_units(crs, settings.resolution)
    if settings.bounds is not None:
        bounds = settings.bounds
        if settings.bounds_crs and settings.bounds_crs != crs:
            bounds = bounds_in(bounds, settings.bounds_crs, crs)
    else:
        boxes = [bounds_in(scene.bounds, scene.crs, crs) for scene in scenes]
        bounds = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
    return target_grid(bounds, crs, settings.resolution)


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
    bands, indices = _validate(settings)
    read_bands = required_bands(bands, indices)
    if settings.method == "max_ndvi":
        read_bands = required_bands((*read_bands, "nir", "red"), ())
    if settings.tdom:
        read_bands = required_bands((*read_bands, "nir", "swir1"), ())
    variables = (*bands, *indices)
    output = Path(settings.output)
    if output.suffix.lower() not in (".tif", ".tiff"):
        raise ValueError(f"OUTPUT must be a GeoTIFF path ending in .tif, got {output}")
    _refuse_outputs_over_inputs(settings, output, picks_observation=settings.method in ("medoid", "max_ndvi"))
    _refuse_unusable_output_places(settings, output)
    made = _folders_to_make(output.parent)
    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _checked_compose(settings, output, bands, read_bands, variables, progress, is_cancelled)
    except BaseException:
        remove_paths(made[:1])  # a failed run leaves no folder it made for OUTPUT
        raise


def _checked_compose(settings, output, bands, read_bands, variables, progress, is_cancelled):
    """Find the usable scenes, build the grid, refuse an area off the scenes or a run above MAX_GB,
    then compose."""
    skipped: list[dict] = []
    warnings: list[str] = []
    with rasterio.Env(**REMOTE_GDAL_OPTIONS), _asset_cache(settings) as cache:
        progress(0.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "Checking scenes")))
        scenes = prepare_scenes(settings, read_bands, skipped, warnings)
        grid = build_grid(settings, scenes)
        inside = scenes_on_grid(settings, grid, scenes)
        estimate = size_estimate(settings, grid, inside, read_bands, variables)
        progress(1.0, estimate.describe())
        estimate.check(settings.max_gb)
        if cache is not None:
            inside = _downloaded_scenes(settings, cache, inside, skipped, progress, is_cancelled)
        return _compose(
            settings, grid, inside, read_bands, variables, skipped, warnings, progress, is_cancelled
        )


def scenes_on_grid(settings: CompositeSettings, grid: TargetGrid, scenes: Sequence[Scene]) -> list[Scene]:
    """``scenes`` overlapping ``grid``, their bounds in the grid's CRS; none is an error naming the
    area parameter (EXTENT or AOI) and what the scenes cover."""
    scenes = [replace(scene, bounds=bounds_in(scene.bounds, scene.crs, grid.crs)) for scene in scenes]
    inside = [scene for scene in scenes if intersects(scene.bounds, grid.bounds)]
    if not inside:
        covered = (
            min(scene.bounds[0] for scene in scenes),
            min(scene.bounds[1] for scene in scenes),
            max(scene.bounds[2] for scene in scenes),
            max(scene.bounds[3] for scene in scenes),
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


def _asset_cache(settings: CompositeSettings):
    """The run's :class:`..io.cache.AssetCache` (open for the whole run: it leases the files it hands
    out), or a context giving None when the run streams."""
    if settings.cache_folder is None:
        return contextlib.nullcontext()
    return AssetCache(settings.cache_folder, settings.cache_max_gb * 1e9)


def _downloaded_scenes(settings, cache: AssetCache, scenes, skipped, progress, is_cancelled) -> list[Scene]:
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

        def local(path: Optional[str], asset: str) -> Optional[str]:
            if path is None or not is_cacheable(path):
                return path
            url = path[len("/vsicurl/") :] if path.startswith("/vsicurl/") else path
            owner = f"scene {scene.id}, {asset}"
            return cache.local_path(url, expected.get(url), owner, headers, is_cancelled)

        return replace(
            scene,
            quality=local(scene.quality, "quality layer"),
            radsat=local(scene.radsat, "saturation layer"),
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
                    skipped.append({"id": scene.id, "year": scene.year, "reason": str(error)})
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


def _folders_to_make(folder: Path) -> list[Path]:
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


def _refuse_unusable_output_places(settings: CompositeSettings, output: Path) -> None:
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


@dataclass(frozen=True)
class SizeEstimate:
    """How big a composite run is, known from the grid and the scenes before a pixel is read.

    ``output_bytes`` is the stack (plus the observation raster of medoid and max-NDVI) as stored,
    before compression; ``memory_bytes`` what the units in flight hold at once (each: its year's
    scenes x read bands x chunk with halo x float32, plus its result).
    """

    width: int
    height: int
    bands: int
    years: int
    variables: int
    dates: int
    output_bytes: int
    memory_bytes: int

    def describe(self) -> str:
        return (
            f"Size estimate: {self.width} x {self.height} pixels x {self.bands} bands ({self.years} years x "
            f"{self.variables} variables) from {self.dates} scenes: {_gigabytes(self.output_bytes)} of "
            f"output, {_gigabytes(self.memory_bytes)} of working memory"
        )

    def check(self, max_gb: Optional[float]) -> None:
        """Refuse a run beyond ``max_gb`` (output or memory), saying how big it is and what to change."""
        if max_gb is None:
            return
        limit = max_gb * 1e9
        if self.output_bytes > limit or self.memory_bytes > limit:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0}, more than the limit of {1:g} GB. Choose a coarser RESOLUTION (in the target CRS's "
                    "units), a smaller EXTENT, fewer years or variables (or a smaller CHUNK_SIZE for "
                    "memory); or, if this size is intended, raise MAX_GB"
                ),
                args=(self.describe(), max_gb),
            )  # fmt: skip


def _gigabytes(count: int) -> str:
    return f"{count / 1e9:.3g} GB"


def size_estimate(settings, grid, scenes, read_bands, variables) -> SizeEstimate:
    """The :class:`SizeEstimate` of compositing ``scenes`` onto ``grid``; pure arithmetic, no reads."""
    per_year = Counter(scene.year for scene in scenes)
    years = settings.end_year - settings.start_year + 1 if settings.fill_empty_years else len(per_year)
    pixels = grid.width * grid.height
    item_size = 2 if settings.output_dtype == "int16" else 4
    observation_bands = 2 * years if settings.method in ("medoid", "max_ndvi") else 0
    output = pixels * (years * len(variables) * item_size + observation_bands * 2)
    halo = max(int(np.ceil(settings.mask.buffer_pixels)), halo_pixels() if settings.tdom else 0)
    chunk = min(settings.chunk_size + 2 * halo, grid.width + 2 * halo) * min(
        settings.chunk_size + 2 * halo, grid.height + 2 * halo
    )
    deepest = max(per_year.values(), default=0)
    in_flight = max(1, settings.workers) + 1
    memory = in_flight * chunk * 4 * (deepest * len(read_bands) + 2 * len(variables))
    return SizeEstimate(
        grid.width, grid.height, years * len(variables), years, len(variables), len(scenes), output, memory
    )


def _compose(
    settings, grid, scenes, read_bands, variables, skipped, warnings, progress, is_cancelled
) -> CompositeResult:
    output = Path(settings.output)
    stem = output.stem
    work = output.with_name(f".{stem}.partial")
    remove_paths([work])
    work.mkdir(parents=True)
    years = list(range(settings.start_year, settings.end_year + 1))
    by_year = {year: [scene for scene in scenes if scene.year == year] for year in years}
    if not settings.fill_empty_years:
        years = [year for year in years if by_year[year]]
    picks_observation = settings.method in ("medoid", "max_ndvi")
    halo = max(
        int(np.ceil(settings.mask.buffer_pixels)),
        halo_pixels() if settings.tdom else 0,
    )
    spec = UnitSpec(
        grid,
        tuple(read_bands),
        tuple(variables),
        settings.method,
        settings.mask,
        settings.harmonize,
        float(settings.percentile),
        settings.output_dtype,
        halo,
        settings.tdom,
    )
    observation_path = output.with_name(f"{stem}_observation.tif") if picks_observation else None
    log_path = output.with_name(f"{stem}_log.json")
    final_paths = [output, log_path] + ([observation_path] if observation_path else [])
    windows = chunk_windows(grid, settings.chunk_size)
    cancel = threading.Event()
    executor = _Executor(settings.workers, settings.dask_scheduler)
    open_files: list = []
    created: list[Path] = []
    try:
        statistics_path = None
        if settings.tdom:
            statistics_path = settings.tdom_statistics or work / "tdom_statistics.tif"
            if settings.tdom_statistics is None:
                _compute_tdom_statistics(
                    executor, scenes, spec, windows, statistics_path, cancel, is_cancelled, progress
                )
        year_files, observation_files = {}, {}
        for year in years:
            if not by_year[year]:
                continue
            year_files[year] = create_tiled(
                work / f"{stem}_{year}.tif",
                grid,
                len(variables),
                settings.output_dtype,
                [band_description(year, name) for name in variables],
            )
            open_files.append(year_files[year])
            if picks_observation:
                observation_files[year] = create_tiled(
                    work / f"{stem}_observation_{year}.tif",
                    grid,
                    2,
                    "int16",
                    [band_description(year, "doy"), band_description(year, "source")],
                )
                open_files.append(observation_files[year])
        scene_index = {scene.id: i for i, scene in enumerate(scenes)}
        errors: dict[str, str] = {}

        plan = []  # (year, window, scenes): small, so the unit count is known before any reading
        for window in windows:
            halo_window, _ = with_halo(window, halo, grid)
            box = _window_bounds(grid, halo_window)
            for year in years:
                year_scenes = [s for s in by_year[year] if intersects(s.bounds, box)]
                if year_scenes:
                    plan.append((year, window, year_scenes))

        def units():
            statistics, statistics_window = None, None
            for year, window, year_scenes in plan:
                if settings.tdom and statistics_window != window:
                    # Read once per window (the plan is window-major) and only when needed.
                    statistics_window = window
                    statistics = _read_statistics(statistics_path, grid, with_halo(window, halo, grid)[0])
                arguments = (year_scenes, spec, window, statistics, cancel)
                yield (year, window, year_scenes), composite_unit, arguments

        def handle(key, result):
            year, window, year_scenes = key
            year_files[year].write(result["values"], window=window)
            if picks_observation:
                source = result["source"]
                has = source != NODATA
                global_source = np.full_like(source, NODATA)
                lookup = np.array([scene_index[s.id] for s in year_scenes], np.int16)
                global_source[has] = lookup[source[has]]
                observation_files[year].write(np.stack([result["doy"], global_source]), window=window)
            for scene_id, message in result["errors"]:
                errors.setdefault(scene_id, message)

        span = (30.0, 90.0) if settings.tdom and settings.tdom_statistics is None else (2.0, 90.0)
        _run_units(
            executor,
            units(),
            len(plan),
            handle,
            cancel,
            is_cancelled,
            progress,
            span,
            "Composited chunk {done} of {total}",
        )
        for dataset in open_files:
            dataset.close()
        open_files.clear()

        skipped += [{"id": scene_id, "reason": message} for scene_id, message in errors.items()]
        year_paths = {year: work / f"{stem}_{year}.tif" for year in year_files}
        stack_vrt = work / f"{stem}_stack.vrt"
        write_vrt(
            stack_vrt,
            grid,
            settings.output_dtype,
            [
                (year_paths.get(year), i + 1, band_description(year, name))
                for year in years
                for i, name in enumerate(variables)
            ],
            relative=False,
        )
        created += final_paths
        write_cog(stack_vrt, output, lambda f: progress(90 + 5 * f, ""), is_cancelled)
        if observation_path:
            observation_vrt = work / f"{stem}_observation.vrt"
            write_vrt(
                observation_vrt,
                grid,
                "int16",
                [
                    (
                        work / f"{stem}_observation_{year}.tif" if year in year_files else None,
                        b + 1,
                        band_description(year, name),
                    )
                    for year in years
                    for b, name in enumerate(("doy", "source"))
                ],
                relative=False,
            )
            write_cog(observation_vrt, observation_path, None, is_cancelled)
        result = CompositeResult(output, observation_path, log_path, years, list(variables), skipped=skipped)
        if settings.output_folder is not None:
            _write_folder(
                settings, grid, years, variables, year_paths, stem, result, created, is_cancelled, progress
            )
        if settings.tdom and settings.tdom_statistics is None:
            # Kept beside the stack: a later run over the same scenes can pass it as tdom_statistics.
            kept = output.with_name(f"{stem}_tdom_statistics.tif")
            created.append(kept)
            write_cog(statistics_path, kept, None, is_cancelled)
            result.tdom_statistics = kept
        summary = _year_summary(scenes, skipped, years)
        result.unreadable_years, result.empty_years = summary["unreadable_years"], summary["empty_years"]
        result.scenes_used = len(summary["used"])
        result.warnings = warnings + [
            f"{year}: all {summary['found'][year]} scene(s) found were unreadable, so the year is nodata; "
            "see the skipped scenes in the run log"
            for year in result.unreadable_years
        ]
        write_json(log_path, _run_log(settings, grid, summary, years, variables, skipped, result.warnings))
        progress(100.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "Composite written")))
        return result
    except BaseException:
        cancel.set()
        for dataset in open_files:
            dataset.close()
        remove_paths(created)
        raise
    finally:
        executor.close()
        remove_paths([work])


def _window_bounds(grid: TargetGrid, window: Window) -> tuple[float, float, float, float]:
    left, top = grid.window_transform(window) * (0, 0)
    return (left, top - window.height * grid.resolution, left + window.width * grid.resolution, top)


def _read_statistics(path: Path, grid: TargetGrid, window: Window) -> np.ndarray:
    """The TDOM statistics of ``window`` from a (possibly precomputed, possibly other-grid) raster."""
    with rasterio.open(path) as src:
        if src.count != len(STATISTICS_BANDS):
            raise ValueError(
                f"TDOM_STATISTICS {path} must have {len(STATISTICS_BANDS)} bands {STATISTICS_BANDS}, "
                f"has {src.count}"
            )
        planes = [read_window(src, grid, window, fill=np.nan, band=band) for band in range(1, src.count + 1)]
    statistics = np.stack(planes).astype(np.float32)
    statistics[statistics == NODATA] = np.nan
    return statistics


def _compute_tdom_statistics(executor, scenes, spec, windows, path, cancel, is_cancelled, progress) -> None:
    """First pass: per-pixel nir/swir1 mean and std over every scene, written to ``path`` chunk by chunk."""
    dataset = create_tiled(path, spec.grid, len(STATISTICS_BANDS), "float32", STATISTICS_BANDS)
    try:

        def units():
            for window in windows:
                halo_window, _ = with_halo(window, 0, spec.grid)
                box = _window_bounds(spec.grid, halo_window)
                window_scenes = [scene for scene in scenes if intersects(scene.bounds, box)]
                yield window, tdom_statistics_unit, (window_scenes, spec, window, cancel)

        def handle(window, statistics):
            dataset.write(
                np.where(np.isfinite(statistics), statistics, NODATA).astype(np.float32), window=window
            )

        _run_units(
            executor,
            units(),
            len(windows),
            handle,
            cancel,
            is_cancelled,
            progress,
            (2.0, 30.0),
            "TDOM statistics: chunk {done} of {total}",
        )
    finally:
        dataset.close()


def _write_folder(
    settings, grid, years, variables, year_paths, stem, result, created, is_cancelled, progress
) -> None:
    """Per-year COGs and, per variable, a VRT over the years (relative paths) in OUTPUT_FOLDER.

    Each file joins ``created`` (the run's cleanup list) before it is written, and so does the folder
    when this run makes it, so a cancel or failure part-way through leaves nothing behind.
    """
    folder = Path(settings.output_folder)
    if not folder.exists():
        created.append(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for number, year in enumerate(years):
        if year not in year_paths:
            continue
        target = folder / f"{stem}_{year}.tif"
        created.append(target)
        write_cog(year_paths[year], target, None, is_cancelled)
        result.year_files.append(target)
        progress(95 + 4 * (number + 1) / len(years), "")
    for index, name in enumerate(variables):
        vrt = folder / f"{stem}_{name}.vrt"
        created.append(vrt)
        sources = [
            (
                folder / f"{stem}_{year}.tif" if year in year_paths else None,
                index + 1,
                band_description(year, name),
            )
            for year in years
        ]
        partial = vrt.with_name(vrt.name + ".partial")
        write_vrt(partial, grid, settings.output_dtype, sources, relative=True)
        partial.replace(vrt)
        result.vrts.append(vrt)


def _year_summary(scenes, skipped, years) -> dict:
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


def _run_log(settings, grid, summary, years, variables, skipped, warnings) -> dict:
    """What the run used and skipped: each used scene keeps its ``source`` band value."""
    return {
        "created": dt.datetime.now(dt.timezone.utc).isoformat(),
        "grid": {
            "crs": grid.crs.to_string(),
            "transform": list(grid.transform)[:6],
            "width": grid.width,
            "height": grid.height,
        },
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

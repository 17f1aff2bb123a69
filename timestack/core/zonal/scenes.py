"""Polygon statistics of individual scenes: each acquisition cloud-masked, then measured per polygon.

This is the Sen2chain-style workflow (indices per acquisition, per polygon, over a date range): for
every STAC item the window around the polygons is read on the scene's own pixel grid (so no pixel is
resampled), reflectance is scaled with the item's ``raster:bands`` metadata (HLS's own scaling where an
Earthdata granule has none), pixels flagged in QA_PIXEL (Landsat), SCL (Sentinel-2) or Fmask (HLS) are
masked with :mod:`..quality.masks`, indices are computed with the
:mod:`..indices` registry, and exactextract measures the polygons exactly as for stacks
(:func:`.statistics.zonal_statistics_of_sources`). Masked pixels lower ``count`` and ``valid_fraction``.

Two scenes of the same day (overlapping path/rows or tiles) would give two rows for one polygon,
date and variable; the row with the larger valid ``count`` is kept.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np
import pandas as pd
import rasterio
from osgeo import osr
from rasterio.windows import Window, from_bounds

from .. import native
from ..indices import BAND_ALIASES, INDICES, REFLECTIVE_BANDS, compute_index, required_bands
from ..io.budget import SizeEstimate
from ..io.cache import AssetCache, ExpectedFile, is_cacheable
from ..io.grid import REMOTE_GDAL_OPTIONS, TargetGrid, gdal_path, http_headers, read_window
from ..io.hrefs import checked_href
from ..io.logins import opened
from ..items import asset_scaling, band_asset_key, hls_asset_keys, is_earthdata_granule
from ..quality.masks import (
    FMASK_FILL,
    MaskOptions,
    fmask_discard,
    landsat_discard,
    landsat_sensor,
    sentinel2_discard,
)
from ..runtime import QT_TRANSLATE_NOOP, Cancelled, IsCancelled, Progress
from .statistics import (
    KEY_COLUMNS,
    DatedBand,
    Polygons,
    ZonalInputError,
    parse_statistics,
    reproject_polygons,
    sort_table,
    zonal_statistics_of_sources,
)

QA_ASSETS = ("qa_pixel", "scl", "SCL")


def split_variables(variables: Sequence[str]) -> tuple:
    """``(bands, indices)`` from names such as ``nbr, NDVI, swir16``; unknown names are refused.

    Parameters
    ----------
    variables
        Band and index names, any case.

    Returns
    -------
    tuple
        The reflective bands read directly, and the indices computed from them.

    Raises
    ------
    ZonalInputError
        No name, or one that is neither a band nor an index (names BANDS).
    """
    bands, indices = [], []
    for name in variables:
        if name.upper() in INDICES:
            indices.append(name.upper())
        elif name.lower() in BAND_ALIASES:
            bands.append(BAND_ALIASES[name.lower()])
        else:
            raise ZonalInputError(
                QT_TRANSLATE_NOOP("TimestackCore", "BANDS: {0!r} is neither a band ({1}) nor an index ({2})"),
                args=(name, ", ".join(REFLECTIVE_BANDS), ", ".join(INDICES)),
            )
    if not bands and not indices:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "BANDS: name at least one band or index to measure in each scene"
            )
        )
    return tuple(dict.fromkeys(bands)), tuple(dict.fromkeys(indices))


def _asset_key(item, band: str) -> str:
    """The item's asset holding canonical ``band``: the same one compositing reads."""
    key = band_asset_key(item.assets, item.collection_id, band)
    if key is not None:
        return key
    if not item.assets:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "ITEMS: scene {0} has no assets, so no file to read band {1} from; remove it from the "
                "scenes or search the catalog again"
            ),
            args=(item.id, band),
        )  # fmt: skip
    raise ZonalInputError(
        QT_TRANSLATE_NOOP("TimestackCore", "ITEMS: scene {0} has no asset for band {1}; its assets: {2}"),
        args=(item.id, band, ", ".join(item.assets)),
    )


def _scene_grid(dataset, geometries) -> TargetGrid:
    """The scene's own pixel grid cut to the polygons' bounds (at least one pixel, inside the scene)."""
    envelopes = np.array([g.GetEnvelope() for g in geometries])  # minx, maxx, miny, maxy
    bounds = (envelopes[:, 0].min(), envelopes[:, 2].min(), envelopes[:, 1].max(), envelopes[:, 3].max())
    window = from_bounds(*bounds, transform=dataset.transform)
    col0, row0 = max(math.floor(window.col_off), 0), max(math.floor(window.row_off), 0)
    col1 = min(math.ceil(window.col_off + window.width), dataset.width)
    row1 = min(math.ceil(window.row_off + window.height), dataset.height)
    if col1 <= col0 or row1 <= row0:  # the polygons miss this scene: one pixel, which will be masked
        col0, row0, col1, row1 = 0, 0, 1, 1
    snapped = Window(col0, row0, col1 - col0, row1 - row0)
    return TargetGrid(dataset.crs, dataset.window_transform(snapped), int(snapped.width), int(snapped.height))


def _read(item, key: str, grid: TargetGrid, fill: float) -> np.ndarray:
    with opened(gdal_path(item.assets[key].href)) as dataset:
        return read_window(dataset, grid, Window(0, 0, grid.width, grid.height), fill=fill)


def _discard(item, grid: TargetGrid, options: MaskOptions, bands: tuple) -> np.ndarray:
    """Pixels to drop: QA_PIXEL (with QA_RADSAT saturation of the read bands), Sentinel-2 SCL or HLS Fmask."""
    if hls_asset_keys(item.collection_id) is not None and "Fmask" in item.assets:
        return fmask_discard(_read(item, "Fmask", grid, FMASK_FILL), options)
    qa_key = next((k for k in QA_ASSETS if k in item.assets), None)
    if qa_key is None:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "ITEMS: scene {0} has no qa_pixel or SCL asset to mask clouds with"
            ),
            args=(item.id,),
        )
    if qa_key != "qa_pixel":
        return sentinel2_discard(_read(item, qa_key, grid, 0), options)
    qa_pixel = _read(item, qa_key, grid, 1)
    if "saturated" not in options.flags or "qa_radsat" not in item.assets:
        return landsat_discard(qa_pixel, options)
    sensor = landsat_sensor(str(item.properties.get("platform", "")))
    radsat = _read(item, "qa_radsat", grid, 0)
    return landsat_discard(qa_pixel, options, qa_radsat=radsat, sensor=sensor, bands=bands)


def scene_arrays(item, geometries, bands, indices, options: MaskOptions):
    """Masked reflectance bands and indices of one scene over the polygons, and the grid they lie on.

    Only the polygons' bounding window of each asset is read: a scene is 7,000 pixels a side, a stand a
    few dozen.

    Parameters
    ----------
    item
        A pystac item.
    geometries
        The polygons (OGR geometries) in the item's CRS.
    bands, indices
        :func:`split_variables`' answer.
    options
        The mask classes and buffer.

    Returns
    -------
    tuple
        ``({variable: float array, NaN where masked}, grid)``.
    """
    keys = {band: _asset_key(item, band) for band in required_bands(bands, indices)}
    with opened(gdal_path(item.assets[next(iter(keys.values()))].href)) as dataset:
        grid = _scene_grid(dataset, geometries)
    window = Window(0, 0, grid.width, grid.height)
    discard = _discard(item, grid, options, tuple(keys))
    reflectance = {}
    for band, key in keys.items():
        asset = item.assets[key]
        scaling = asset_scaling(asset.to_dict(), item.properties, item.collection_id)
        with opened(gdal_path(asset.href)) as dataset:
            nodata = scaling.nodata if scaling.nodata is not None else dataset.nodata
            dn = read_window(dataset, grid, window, fill=0 if nodata is None else nodata)
        # float32 halves the memory of a whole-scene window; reflectance needs no more precision
        values = dn.astype("float32") * np.float32(scaling.scale) + np.float32(scaling.offset)
        missing = discard | (dn == nodata) if nodata is not None else discard
        reflectance[band] = np.where(missing, np.nan, values)
    out = {band: reflectance[band] for band in bands}
    with np.errstate(divide="ignore", invalid="ignore"):
        out.update({name.lower(): compute_index(name, reflectance) for name in indices})
    return out, grid


def scene_statistics(
    items: Sequence,
    polygons: Polygons,
    variables: Sequence[str],
    statistics: Sequence[str],
    mask: Optional[MaskOptions] = None,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    earthdata_headers: Optional[str] = None,
    cache: Optional[AssetCache] = None,
    catalog_login=None,
    dask_scheduler: Optional[str] = None,
    max_gb: Optional[float] = None,
) -> pd.DataFrame:
    """Long table of per-scene, cloud-masked statistics of every polygon (pystac ``items``).

    Parameters
    ----------
    items
        The scenes (pystac items).
    polygons
        :func:`..statistics.read_polygons`' answer.
    variables
        Bands and indices to measure (:func:`split_variables`).
    statistics
        The statistics (:func:`..statistics.parse_statistics`).
    mask
        The mask classes and buffer; None: the defaults.
    progress, is_cancelled
        The caller's progress callback and cancel poll.
    earthdata_headers
        An Earthdata bearer header, sent with the reads of Earthdata granules only.
    catalog_login
        A :class:`..io.logins.CatalogLogin`, sent with the reads of its catalog's own files only.
    cache
        An :class:`..io.cache.AssetCache`: each scene's http(s) files are downloaded (or reused) and read
        from disk instead of streamed.
    dask_scheduler
        A ``dask.distributed`` address: every scene is a job on the cluster's workers, which read it
        themselves (remote scenes by URL; local or cached files must be at the same path on the workers,
        a shared file system). Cached files are downloaded here first.
    max_gb
        Before any scene is read, the run's size is estimated from the first scene's header
        (:func:`scenes_estimate`) and refused beyond this many GB or the memory available
        (:mod:`..io.budget`); None: the memory check only.

    Returns
    -------
    pandas.DataFrame
        One row per polygon, scene date and variable, one scene per day (:func:`keep_best_scene_per_day`).

    Raises
    ------
    ZonalInputError
        No scene over the polygons (names ITEMS), or what :func:`split_variables` raises.
    Cancelled
        The caller cancelled.
    """
    statistics = parse_statistics(statistics)
    bands, indices = split_variables(variables)
    options = mask or MaskOptions()
    if not items:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP("TimestackCore", "ITEMS: the search result holds no scenes over the polygons")
        )
    logins = SceneLogins(earthdata_headers, catalog_login)
    estimate = scenes_estimate(items, polygons, variables, statistics, options, logins)
    estimate.check(max_gb)
    if progress is not None:
        progress(0.0, estimate.describe())
    if dask_scheduler:
        frames = _scenes_on_cluster(
            dask_scheduler, items, polygons, variables, statistics, options, progress, is_cancelled,
            logins, cache,
        )  # fmt: skip
        return keep_best_scene_per_day(pd.concat(frames, ignore_index=True))
    frames = []
    for number, item in enumerate(items):
        if is_cancelled is not None and is_cancelled():
            raise Cancelled("zonal statistics cancelled")
        item, headers = _scene_source(item, bands, indices, options, logins, cache, is_cancelled)
        frames.append(one_scene_statistics(item, polygons, variables, statistics, options, headers))
        if progress is not None:
            progress(100.0 * (number + 1) / len(items), f"scene {item.id} ({number + 1} of {len(items)})")
    return keep_best_scene_per_day(pd.concat(frames, ignore_index=True))


def scenes_estimate(
    items, polygons: Polygons, variables, statistics, options, logins: Optional[SceneLogins] = None
) -> SizeEstimate:
    """Pixels of the polygons' extent in the first scene's grid x bands read (with the QA bands) x
    scenes; in memory one scene at a time: its digital numbers, reflectance and index arrays (float32)."""
    bands, indices = split_variables(variables)
    read = required_bands(bands, indices)
    first = items[0]
    href = gdal_path(first.assets[_asset_key(first, read[0])].href)
    with (
        rasterio.Env(**REMOTE_GDAL_OPTIONS),
        http_headers((logins or SceneLogins()).headers_for(first)),
    ):
        with opened(href) as dataset:
            grid = _scene_grid(
                dataset, reproject_polygons(polygons, dataset.crs.to_wkt(), tuple(dataset.bounds))
            )
            item_size = np.dtype(dataset.dtypes[0]).itemsize
    pixels = grid.width * grid.height
    qa = 1 + ("saturated" in options.flags)
    read_bytes = pixels * (len(read) + qa) * len(items) * item_size
    output = len(polygons.ids) * len(variables) * len(items) * (len(statistics) + 4) * 8
    memory = pixels * (2 * (len(read) + qa) * item_size + 4 * (len(read) + len(variables)) + 1) * 2
    return SizeEstimate(grid.width, grid.height, len(read) + qa, len(items), read_bytes, output, memory)


@dataclass(frozen=True)
class SceneLogins:
    """The logins a run's scene reads may take: an Earthdata bearer header for Earthdata granules only,
    a STAC API's login (:class:`..io.logins.CatalogLogin`) for its catalog's own files only."""

    earthdata_headers: Optional[str] = field(default=None, repr=False)
    catalog_login: Optional[Any] = None

    def headers_for(self, item) -> Optional[str]:
        """The headers of ``item``'s reads (a pystac item), None for an anonymous read."""
        # as stored: resolving hrefs would fetch the item's root link (a catalog behind a login, say)
        record = item.to_dict(transform_hrefs=False)
        if is_earthdata_granule(record):
            return self.earthdata_headers
        return self.catalog_login.headers_for(record) if self.catalog_login is not None else None


def _scene_source(item, bands, indices, options, logins: SceneLogins, cache, is_cancelled):
    """The item to read (its cached copy with a ``cache``) and the headers its reads take."""
    headers = logins.headers_for(item)
    if cache is not None:
        keys = [*(_asset_key(item, band) for band in required_bands(bands, indices)), *QA_ASSETS]
        keys += ["Fmask", *(["qa_radsat"] if "saturated" in options.flags else [])]
        item = _downloaded(item, keys, cache, headers, is_cancelled)
    return item, headers


def one_scene_statistics(item, polygons: Polygons, variables, statistics, options, headers) -> pd.DataFrame:
    """The long table of one cloud-masked scene (the work of one scene, or one job on a cluster)."""
    NumPyRasterSource = native.exactextract().raster.NumPyRasterSource  # noqa: N806 - a class

    bands, indices = split_variables(variables)
    when = scene_date(item)
    first_key = _asset_key(item, required_bands(bands, indices)[0])
    # Remote COGs: no directory listings or sidecar probes, as for composites.
    with rasterio.Env(**REMOTE_GDAL_OPTIONS), http_headers(headers):
        with opened(gdal_path(item.assets[first_key].href)) as dataset:
            wkt, bounds = dataset.crs.to_wkt(), tuple(dataset.bounds)
        geometries = reproject_polygons(polygons, wkt, bounds)
        arrays, grid = scene_arrays(item, geometries, bands, indices, options)
    left, bottom, right, top = grid.bounds
    sources = [
        NumPyRasterSource(np.ma.masked_invalid(array), left, bottom, right, top, srs_wkt=wkt)
        for array in arrays.values()
    ]
    dated = [DatedBand(i, when, name) for i, name in enumerate(arrays, start=1)]
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    table = zonal_statistics_of_sources(
        sources, dated, polygons, geometries, srs, grid.resolution**2, statistics
    )
    return table.assign(scene=item.id)


def _scenes_on_cluster(
    address, items, polygons, variables, statistics, options, progress, is_cancelled, logins, cache
) -> list:
    """:func:`one_scene_statistics` of every scene, as jobs on a dask cluster."""
    from ..io.engine import map_on_cluster

    bands, indices = split_variables(variables)
    jobs = []
    for item in items:
        item, headers = _scene_source(item, bands, indices, options, logins, cache, is_cancelled)
        jobs.append((item, polygons, variables, statistics, options, headers))

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(100.0 * done / total, f"{done} of {total} scenes")

    return map_on_cluster(address, one_scene_statistics, jobs, progress=report, is_cancelled=is_cancelled)


def find_scenes(
    catalog: str,
    polygons: Polygons,
    start: Optional[dt.date] = None,
    end: Optional[dt.date] = None,
    collections: Sequence[str] = (),
    max_cloud: Optional[float] = None,
    allowed_roots: Sequence[Path] = (),
) -> list:
    """Scenes of ``catalog`` (an ItemCollection JSON, stac-geoparquet or STAC API URL) over the polygons.

    The search itself is :func:`..search.search_scenes`; the area is the polygons' bounding box. Every
    asset href is checked (:func:`..io.hrefs.checked_href`) before anything opens it: a local catalog
    reaches only its own files and ``allowed_roots``, remote ones only http(s) and s3.

    Parameters
    ----------
    catalog
        The catalog file or STAC API URL.
    polygons
        The polygons searched over.
    start, end
        The dates searched; None: unbounded.
    collections
        Collection ids; empty: all.
    max_cloud
        The most cloud cover a scene may have, in percent; None: any.
    allowed_roots
        Further folders local asset hrefs may lie in.

    Returns
    -------
    list
        pystac items.

    Raises
    ------
    ZonalInputError
        A search that fails or an href refused (names ITEMS).
    """
    from ..search import SceneQuery, SearchError, search_scenes
    from ..search.local_catalog import is_local_catalog
    from ..search.query import bbox_polygon

    envelopes = np.array([g.GetEnvelope() for g in reproject_polygons(polygons, "EPSG:4326")])
    bbox = (envelopes[:, 0].min(), envelopes[:, 2].min(), envelopes[:, 1].max(), envelopes[:, 3].max())
    try:
        query = SceneQuery.create(
            bbox_polygon(bbox),
            start or dt.date(1972, 7, 23),  # Landsat 1's launch: nothing earlier exists
            end or dt.date.today(),
            collections=collections,
            max_cloud=max_cloud,
        )
        items = list(search_scenes(catalog, query).items)
    except SearchError as exc:  # the search names its file CATALOG; here the user gave it as ITEMS
        reason = re.sub(r"^CATALOG:? ", "", str(exc))
        raise ZonalInputError(QT_TRANSLATE_NOOP("TimestackCore", "ITEMS: {0}"), args=(reason,)) from exc
    catalog_dir = Path(catalog).parent if is_local_catalog(catalog) else None
    for item in items:
        for asset in item.assets.values():
            asset.href = checked_href(asset.href, catalog_dir, allowed_roots, item.id)
    return items


def _downloaded(item, keys: Sequence[str], cache: AssetCache, headers: Optional[str], is_cancelled):
    """A copy of pystac ``item`` whose http(s) assets among ``keys`` point at their cached copies."""
    item = item.clone()
    lines = [line.split(":", 1) for line in (headers or "").splitlines() if ":" in line]
    sent = {name.strip(): value.strip() for name, value in lines}
    for key in dict.fromkeys(keys):
        asset = item.assets.get(key)
        if asset is None or not is_cacheable(asset.href):
            continue
        asset.href = cache.local_path(
            asset.href,
            ExpectedFile.of_asset(asset.extra_fields),
            f"scene {item.id}, asset {key}",
            sent,
            is_cancelled or (lambda: False),
        )
    return item


def scene_date(item) -> dt.date:
    """The acquisition day (``datetime``, or ``start_datetime`` for items with a range).

    Parameters
    ----------
    item
        A pystac item.

    Returns
    -------
    datetime.date

    Raises
    ------
    ZonalInputError
        An item with neither.
    """
    when = item.datetime or pd.Timestamp(item.properties.get("start_datetime")).to_pydatetime()
    if when is None:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP("TimestackCore", "ITEMS: scene {0} has no acquisition time"), args=(item.id,)
        )
    return when.date()


def keep_best_scene_per_day(table: pd.DataFrame) -> pd.DataFrame:
    """One row per polygon, day and variable: the scene with the most valid pixels (see module docstring).

    Parameters
    ----------
    table
        The per-scene long table.

    Returns
    -------
    pandas.DataFrame
    """
    if "count" in table.columns:
        table = table.sort_values("count", ascending=False, kind="stable", na_position="last")
    return sort_table(table.drop_duplicates(list(KEY_COLUMNS)))

"""One window of a run's scenes: read onto the grid, masked, scaled, harmonised and reduced.

A unit is one window of one year (or one day): :func:`read_scene` reads a scene's bands in the window
(QA bits, scene classes or Fmask discard pixels; DN become reflectance), :func:`composite_unit`
reduces a year's observations per pixel (:func:`reduce_observations`, numba kernels in
:mod:`.kernels`) and computes the indices; :func:`tdom_statistics_unit` accumulates the TDOM shadow
statistics. Everything here is picklable, so units run on local threads or dask workers alike.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import Iterator, Optional, Sequence

import numpy as np
import rasterio
from rasterio.errors import RasterioError
from rasterio.windows import Window

from ..indices import compute_index
from ..io.grid import TargetGrid, http_headers, read_window, with_halo
from ..io.logins import current_href, is_planetary_computer_href, is_refused_read, resign
from ..io.stack import NODATA, encode_values
from ..quality.harmonize import needs_harmonisation, oli_to_etm
from ..quality.masks import (
    FMASK_FILL,
    MaskOptions,
    fmask_discard,
    landsat_discard,
    landsat_sensor,
    sentinel2_discard,
)
from ..quality.tdom import TdomAccumulator, tdom_shadow
from ..runtime import QT_TRANSLATE_NOOP, Cancelled, TimestackError, without_secrets
from .catalog import Scene
from .settings import METHODS

__all__ = [
    "UnitSpec",
    "composite_unit",
    "read_scene",
    "reduce_observations",
    "tdom_statistics_unit",
    "window_bounds",
    "window_observations",
]


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


def read_scene(scene: Scene, spec: UnitSpec, window: Window) -> Optional[np.ndarray]:
    """(bands, rows, cols) float32 reflectance of ``scene`` in ``window`` (NaN masked), or None if empty.

    A Planetary Computer scene whose SAS token expired during the run (the read refused with 403/409)
    is signed again and read once more (:mod:`..io.logins`)."""
    with http_headers(scene.http_headers):
        try:
            return _read_scene_files(_current(scene), spec, window)
        except (RasterioError, OSError) as error:
            if not (is_refused_read(error) and _signed_paths(scene)):
                raise
            for path in _signed_paths(scene):
                resign(path)
            return _read_scene_files(_current(scene), spec, window)


def _signed_paths(scene: Scene) -> list:
    paths = [scene.quality, scene.radsat, *(asset.path for asset in scene.bands.values())]
    return [path for path in paths if path and is_planetary_computer_href(path)]


def _current(scene: Scene) -> Scene:
    """``scene`` with its Planetary Computer hrefs as last re-signed (the same scene without any)."""
    if not _signed_paths(scene):
        return scene
    bands = {name: replace(asset, path=current_href(asset.path)) for name, asset in scene.bands.items()}
    radsat = current_href(scene.radsat) if scene.radsat else None
    return replace(scene, quality=current_href(scene.quality), radsat=radsat, bands=bands)


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
            data = read_scene(scene, stats_spec, window)
        except (RasterioError, OSError):
            continue  # the composite pass logs unreadable windows
        if data is not None:
            accumulator.add(data[0], data[1])
    return accumulator.statistics()


def window_observations(
    scenes: Sequence[Scene],
    spec: UnitSpec,
    window: Window,
    errors: list[tuple[str, str]],
    cancel: Optional[threading.Event] = None,
) -> Iterator[tuple[int, np.ndarray]]:
    """(position in ``scenes``, data) of each scene with observations in ``window``
    (:func:`read_scene`); a scene whose window cannot be read joins ``errors`` as (id, message).
    Raises :class:`Cancelled` between scenes once ``cancel`` is set."""
    for position, scene in enumerate(scenes):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        try:
            data = read_scene(scene, spec, window)
        except (RasterioError, OSError) as error:
            errors.append((scene.id, without_secrets(f"read failed: {error}")))
            continue
        if data is not None:
            yield position, data


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
    stack, positions = [], []
    errors: list[tuple[str, str]] = []
    for position, data in window_observations(scenes, spec, read_window_, errors, cancel):
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
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "METHOD must be one of {0}, got {1!r}"),
            "METHOD",
            args=(", ".join(METHODS), method),
        )
    return out, None


def window_bounds(grid: TargetGrid, window: Window) -> tuple[float, float, float, float]:
    """The bounds of ``window`` of ``grid`` in the grid's CRS."""
    left, top = grid.window_transform(window) * (0, 0)
    return (left, top - window.height * grid.resolution, left + window.width * grid.resolution, top)

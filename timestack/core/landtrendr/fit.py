"""LandTrendr temporal segmentation of annual stacks (Kennedy, Yang & Cohen 2010, RSE 114:2897).

The public face of the engine: parameters with Earth Engine's names and defaults, validation with
errors that name the argument, a single-pixel fit for the interactive inspector, a chunk fit over
``(years, rows, cols)`` arrays and a raster driver that streams a GeoTIFF stack window by window.
The numerics live in :mod:`.kernels` (numba, parallel over pixels), imported by the first fit.

Disturbance direction: LandTrendr's breakpoint rules assume a disturbance *increases* the value,
so the series is multiplied by ``disturbance_direction`` (+1 if the index rises on disturbance,
e.g. TCB or SWIR; -1 if it falls, e.g. NBR, NDVI) before fitting and back afterwards. The mapping
from index names lives in :func:`timestack.core.indices.disturbance_direction`; this module only
takes the number, so callers never flip data by hand and an explicit override stays possible.

Flavours (see LANDTRENDR.md): ``"gee"`` is the default because it is the only one that reproduces
Earth Engine's published outputs: vector A (threshold-first despike, max error 0.0005) and vector B
(LT-GEE guide output; reproduced to GEE's integer rounding, 0.53, with maxSegments=4,
vertexCountOvershoot=1, spikeThreshold=0.9, any of pvalThreshold 0.05/0.1, recoveryThreshold
0.25/1.0, bestModelProportion 0.75/1.0). ``"idl"`` reproduces the original IDL program (50/50
reference series) including its single-precision p-values and integer truncation of outputs.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Mapping, Optional, Sequence

import numpy as np

from ..io.bands import parse_band
from ..io.engine import EngineStats, OutputSpec, SourceSpec, run_windows
from ..pixel_blocks import block_count, blocks_on_demand
from ..runtime import QT_TRANSLATE_NOOP, IsCancelled, Progress, TimestackError
from . import codes

if TYPE_CHECKING:
    from ..io.tiles import Tile

Flavor = Literal["gee", "idl"]
DEFAULT_FLAVOR: Flavor = "gee"
FLAVORS: dict[str, int] = {"idl": codes.FLAVOR_IDL, "gee": codes.FLAVOR_GEE}


STATUS_OK = codes.STATUS_OK
STATUS_TOO_FEW_OBSERVATIONS = codes.STATUS_TOO_FEW_OBSERVATIONS
STATUS_NO_DATA = codes.STATUS_NO_DATA
STATUS_NOT_SIGNIFICANT = codes.STATUS_NOT_SIGNIFICANT


#: name -> (low, high, as written in messages and help). Only values without meaning are refused: a
#: spike threshold of 1 or more turns despiking off, a recovery threshold of 1 or more allows any
#: recovery, and a best-model proportion above 1 (up to 2) is IDL's and Earth Engine's stricter pick.
VALID_RANGES = {
    "spikeThreshold": (0.0, np.inf, "[0, ∞)"),
    "recoveryThreshold": (0.0, np.inf, "[0, ∞)"),
    "pvalThreshold": (0.0, 1.0, "(0, 1]"),
    "bestModelProportion": (0.0, 2.0, "(0, 2]"),
}
#: Parameters whose lower bound is excluded.
OPEN_BELOW = ("pvalThreshold", "bestModelProportion")


@dataclass(frozen=True)
class LandTrendrParams:
    """The eight LandTrendr parameters, with Earth Engine's names and defaults.

    ``preventOneYearRecovery`` has no documented meaning in GEE beyond its name; here it makes any
    one-year recovery segment break the recovery rule, whatever its rate (the end-of-series rule of
    the vertex search, which also blocks one-year recoveries, is always on, as in IDL).
    """

    maxSegments: int = 6  # noqa: N815 - GEE's parameter names are the public vocabulary
    spikeThreshold: float = 0.9  # noqa: N815
    vertexCountOvershoot: int = 3  # noqa: N815
    preventOneYearRecovery: bool = False  # noqa: N815
    recoveryThreshold: float = 0.25  # noqa: N815
    pvalThreshold: float = 0.1  # noqa: N815
    bestModelProportion: float = 0.75  # noqa: N815
    minObservationsNeeded: int = 6  # noqa: N815

    def validate(self) -> None:
        """Raise :class:`TimestackError` naming the first parameter out of its range."""
        if int(self.maxSegments) != self.maxSegments or self.maxSegments < 1:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "maxSegments must be an integer >= 1, got {0!r}"),
                parameter="maxSegments",
                args=(self.maxSegments,),
            )
        for name, (low, high, text) in VALID_RANGES.items():
            value = getattr(self, name)
            if not (low < value <= high if name in OPEN_BELOW else low <= value <= high):
                raise TimestackError(
                    QT_TRANSLATE_NOOP("TimestackCore", "{0} must be in {1}, got {2!r}"),
                    parameter=name,
                    args=(name, text, value),
                )
        if int(self.vertexCountOvershoot) != self.vertexCountOvershoot or self.vertexCountOvershoot < 0:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "vertexCountOvershoot must be an integer >= 0, got {0!r}"),
                parameter="vertexCountOvershoot",
                args=(self.vertexCountOvershoot,),
            )
        if int(self.minObservationsNeeded) != self.minObservationsNeeded or self.minObservationsNeeded < 2:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore", "minObservationsNeeded must be an integer >= 2, got {0!r}"
                ),
                parameter="minObservationsNeeded",
                args=(self.minObservationsNeeded,),
            )

    @property
    def max_vertices(self) -> int:
        return int(self.maxSegments) + 1

    def as_vector(self) -> np.ndarray:
        """The kernels' parameter vector (indices ``codes.P_*``)."""
        vector = np.empty(codes.N_PARAMS)
        vector[codes.P_MAX_SEGMENTS] = self.maxSegments
        vector[codes.P_SPIKE] = self.spikeThreshold
        vector[codes.P_OVERSHOOT] = self.vertexCountOvershoot
        vector[codes.P_PREVENT_ONE_YEAR_RECOVERY] = 1.0 if self.preventOneYearRecovery else 0.0
        vector[codes.P_RECOVERY] = self.recoveryThreshold
        vector[codes.P_PVAL] = self.pvalThreshold
        vector[codes.P_BEST_MODEL_PROPORTION] = self.bestModelProportion
        vector[codes.P_MIN_OBS] = self.minObservationsNeeded
        return vector

    def to_gee(self) -> dict:
        """Keyword arguments for ``ee.Algorithms.TemporalSegmentation.LandTrendr`` (minus timeSeries)."""
        return asdict(self)


@dataclass
class PixelFit:
    """One pixel's fit, in the natural orientation of the index (see module docstring)."""

    vertex_years: np.ndarray
    vertex_source: np.ndarray
    vertex_fitted: np.ndarray
    fitted: np.ndarray
    rmse: float
    p_value: float
    n_segments: int
    status: int


@dataclass
class ChunkFit:
    """Per-pixel outputs of a chunk; leading axis is vertex slot or year, then rows, cols.

    Vertex arrays are padded with NaN to maxSegments + 1 slots. ``ftv`` holds, per extra band, its
    values fitted at the index's vertex years (same layout as ``fitted``).
    """

    vertex_years: np.ndarray
    vertex_source: np.ndarray
    vertex_fitted: np.ndarray
    fitted: np.ndarray
    rmse: np.ndarray
    p_value: np.ndarray
    n_segments: np.ndarray
    status: np.ndarray
    ftv: dict[str, np.ndarray] = field(default_factory=dict)


def _flavor_code(flavor: str) -> int:
    if flavor not in FLAVORS:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "flavor must be one of {0}, got {1!r}"),
            parameter="flavor",
            args=(sorted(FLAVORS), flavor),
        )
    return FLAVORS[flavor]


def _direction(disturbance_direction: int) -> float:
    if disturbance_direction not in (-1, 1):
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "disturbance_direction must be +1 (index rises on disturbance) or -1 (falls), got {0!r}"
            ),
            parameter="disturbance_direction",
            args=(disturbance_direction,),
        )  # fmt: skip
    return float(disturbance_direction)


def validate_years(years: Sequence[float], argument: str = "years") -> np.ndarray:
    """Years as float64, strictly increasing, at least two; the error names ``argument``."""
    array = np.asarray(years, dtype=np.float64)
    if array.ndim != 1 or array.size < 2:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "{0} needs at least two years, got {1!r}"),
            parameter=argument,
            args=(argument, list(np.atleast_1d(array))),
        )
    if not np.all(np.isfinite(array)):
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "{0} must all be finite, got {1!r}"),
            parameter=argument,
            args=(argument, array.tolist()),
        )
    if np.any(np.diff(array) <= 0):
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "{0} must be strictly increasing, got {1!r}"),
            parameter=argument,
            args=(argument, array.tolist()),
        )
    return array


def fit_series(
    values: np.ndarray,
    years: Sequence[float],
    params: LandTrendrParams,
    disturbance_direction: int,
    flavor: Flavor = DEFAULT_FLAVOR,
) -> ChunkFit:
    """Fit many series given as a ``(pixels, years)`` array (NaN = missing); outputs per pixel.

    The returned :class:`ChunkFit` has pixels on the *first* axis (``vertex_years`` is
    ``(pixels, maxSegments + 1)``, ``fitted`` is ``(pixels, years)``). The kernel works on the
    transposed layout (years x pixels, as a window of a raster arrives), so ``values`` given as the
    transpose of a C-contiguous array is used without a copy, and the outputs are transposed views
    of C-contiguous ``(k, pixels)`` arrays.
    """
    params.validate()
    year_array = validate_years(years)
    flip = _direction(disturbance_direction)
    code = _flavor_code(flavor)
    if np.ndim(values) != 2 or np.shape(values)[1] != year_array.size:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "values must be (pixels, {0} years), got shape {1}"),
            parameter="values",
            args=(year_array.size, np.shape(values)),
        )
    series = np.ascontiguousarray(np.asarray(values).T, dtype=np.float64)
    n_pix = series.shape[1]
    n_vert = params.max_vertices
    vertex_years, vertex_source, vertex_fitted = np.empty((3, n_vert, n_pix))
    fitted = np.empty((year_array.size, n_pix))
    rmse, p_value = np.empty((2, n_pix))
    n_segments, status = np.empty((2, n_pix), np.int64)
    from . import kernels  # numba: imported on the first fit, not when QGIS registers the algorithms

    with blocks_on_demand():
        kernels.fit_many(
            series, year_array, params.as_vector(), code, flip, block_count(n_pix),
            vertex_years, vertex_source, vertex_fitted, fitted, n_segments, rmse, p_value, status,
        )  # fmt: skip
    return ChunkFit(
        vertex_years=vertex_years.T,
        vertex_source=vertex_source.T,
        vertex_fitted=vertex_fitted.T,
        fitted=fitted.T,
        rmse=rmse,
        p_value=p_value,
        n_segments=n_segments,
        status=status,
    )


def fit_pixel(
    values: Sequence[float],
    years: Sequence[float],
    params: Optional[LandTrendrParams] = None,
    disturbance_direction: int = -1,
    flavor: Flavor = DEFAULT_FLAVOR,
) -> PixelFit:
    """Fit one pixel's annual series (NaN/None = missing); fast enough to refit on every click.

    ``params`` defaults to GEE's defaults with maxSegments=6.
    """
    params = params or LandTrendrParams()
    row = np.array([np.nan if v is None else v for v in values], dtype=np.float64)[None, :]
    fit = fit_series(row, years, params, disturbance_direction, flavor)
    return PixelFit(
        vertex_years=fit.vertex_years[0],
        vertex_source=fit.vertex_source[0],
        vertex_fitted=fit.vertex_fitted[0],
        fitted=fit.fitted[0],
        rmse=float(fit.rmse[0]),
        p_value=float(fit.p_value[0]),
        n_segments=int(fit.n_segments[0]),
        status=int(fit.status[0]),
    )


def fit_other_bands(
    bands: Mapping[str, np.ndarray],
    years: Sequence[float],
    vertex_years: np.ndarray,
    flavor: Flavor = DEFAULT_FLAVOR,
) -> dict[str, np.ndarray]:
    """FTV: fit each ``(pixels, years)`` band at the index's vertex years, on its own values.

    Step 5 of the algorithm (segment-by-segment fit) runs on the band's values with the index's
    breakpoints, so e.g. SWIR1 keeps its own levels and shapes, as LT-GEE's FTV bands do.
    """
    from . import kernels

    year_array = validate_years(years)
    truncate = _flavor_code(flavor) == codes.FLAVOR_IDL
    out = {}
    vertex_columns = np.ascontiguousarray(np.asarray(vertex_years).T, np.float64)
    for name, values in bands.items():
        if np.shape(values) != (vertex_years.shape[0], year_array.size):
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "fit band {0!r} must be (pixels, years) = {1}, got {2}"),
                parameter="fit_bands",
                args=(name, (vertex_years.shape[0], year_array.size), np.shape(values)),
            )
        series = np.ascontiguousarray(np.asarray(values).T, dtype=np.float64)
        fitted = np.empty_like(series)
        vertex_fitted = np.empty(vertex_columns.shape)
        with blocks_on_demand():
            kernels.ftv_many(
                series, year_array, vertex_columns, truncate, block_count(series.shape[1]),
                vertex_fitted, fitted,
            )  # fmt: skip
        out[name] = fitted.T
    return out


def fit_chunk(
    index_values: np.ndarray,
    years: Sequence[float],
    params: LandTrendrParams,
    disturbance_direction: int,
    flavor: Flavor = DEFAULT_FLAVOR,
    fit_bands: Optional[Mapping[str, np.ndarray]] = None,
) -> ChunkFit:
    """Fit a ``(years, rows, cols)`` chunk (float, NaN = missing); outputs ``(k, rows, cols)``.

    ``fit_bands`` maps band names to arrays of the same shape, fitted at the index's vertex years.
    An all-missing pixel gets NaN outputs and ``status`` STATUS_NO_DATA; it is not an error.
    """
    cube = np.asarray(index_values)
    if cube.ndim != 3:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "index_values must be (years, rows, cols), got shape {0}"),
            parameter="index_values",
            args=(cube.shape,),
        )
    n_years, rows, cols = cube.shape
    flat = cube.reshape(n_years, rows * cols).T
    fit = fit_series(flat, years, params, disturbance_direction, flavor)
    others = {}
    if fit_bands:
        for name, band in fit_bands.items():
            if np.shape(band) != cube.shape:
                raise TimestackError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore", "fit_bands[{0!r}] must have the index's shape {1}, got {2}"
                    ),
                    parameter="fit_bands",
                    args=(name, cube.shape, np.shape(band)),
                )
        flat_bands = {name: np.asarray(b).reshape(n_years, rows * cols).T for name, b in fit_bands.items()}
        others = fit_other_bands(flat_bands, years, fit.vertex_years, flavor)

    def cube_of(array: np.ndarray) -> np.ndarray:
        return np.ascontiguousarray(array.T.reshape(array.shape[1], rows, cols))

    return ChunkFit(
        vertex_years=cube_of(fit.vertex_years),
        vertex_source=cube_of(fit.vertex_source),
        vertex_fitted=cube_of(fit.vertex_fitted),
        fitted=cube_of(fit.fitted),
        rmse=fit.rmse.reshape(rows, cols),
        p_value=fit.p_value.reshape(rows, cols),
        n_segments=fit.n_segments.reshape(rows, cols),
        status=fit.status.reshape(rows, cols),
        ftv={name: cube_of(values) for name, values in others.items()},
    )


def warm_up() -> None:
    """Compile (or load from the user cache) every kernel; call once in a background thread.

    Both flavours are exercised (inputs are always converted to float64, so that is the only
    specialisation), so no interactive action pays the compile time.
    """
    years = np.arange(2000.0, 2012.0)
    series = 0.7 - 0.02 * np.abs(np.arange(12.0) - 6.0)
    series[5] = np.nan
    for flavor in FLAVORS:
        fit = fit_series(series[None, :], years, LandTrendrParams(), -1, flavor)  # type: ignore[arg-type]
        fit_other_bands({"b": series[None, :]}, years, fit.vertex_years, flavor)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Raster driver


@dataclass(frozen=True)
class StackLayout:
    """Which band of a stack holds which year of the index and of each fit band (1-based)."""

    years: tuple[int, ...]
    index_bands: tuple[int, ...]
    fit_bands: dict[str, tuple[int, ...]]


def stack_layout(
    descriptions: Sequence[Optional[str]],
    index: str,
    fit_bands: Sequence[str] = (),
    years: Optional[Sequence[int]] = None,
) -> StackLayout:
    """Find the index's and fit bands' years from band descriptions ``YYYY_name``.

    Without descriptions, ``years`` may give one year per band of a single-index stack.
    """
    if years is not None:
        year_array = validate_years(years, "years")
        if fit_bands:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "fit_bands needs band descriptions 'YYYY_name'; years= is for 1-index stacks"
                ),
                parameter="fit_bands",
            )  # fmt: skip
        if len(year_array) != len(descriptions):
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "years has {0} entries but the stack has {1} bands"),
                parameter="years",
                args=(len(year_array), len(descriptions)),
            )
        return StackLayout(tuple(int(y) for y in year_array), tuple(range(1, len(descriptions) + 1)), {})
    found: dict[str, dict[int, int]] = {}
    for band, description in enumerate(descriptions, start=1):
        label = parse_band(description)
        if label is None or label.variable is None:
            continue
        year, name = label.year, label.variable
        per_year = found.setdefault(name, {})
        if year in per_year:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "stack_path: year {0} of {1!r} appears in bands {2} and {3}; years must be strictly "
                    "increasing"
                ),
                parameter="stack_path",
                args=(year, name, per_year[year], band),
            )  # fmt: skip
        per_year[year] = band
    key = index.lower()
    if key not in found:
        names = sorted(found) or ["none"]
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "stack_path: no band described like 'YYYY_{0}' (found names: {1}); set band descriptions "
                "such as '1990_nbr' or pass years="
            ),
            parameter="stack_path",
            args=(key, ", ".join(names)),
        )  # fmt: skip
    index_years = sorted(found[key])
    validate_years(index_years, f"years of {index!r}")
    other: dict[str, tuple[int, ...]] = {}
    for name in fit_bands:
        fit_years = found.get(name.lower())
        if fit_years is None or sorted(fit_years) != index_years:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "fit_bands: band {0!r} must have the same years as {1!r} ({2}-{3}), found {4}"
                ),
                parameter="fit_bands",
                args=(name, index, index_years[0], index_years[-1], sorted(fit_years or {})),
            )  # fmt: skip
        other[name.lower()] = tuple(fit_years[y] for y in index_years)
    return StackLayout(tuple(index_years), tuple(found[key][y] for y in index_years), other)


@dataclass
class LandTrendrOutputs:
    """Where to write each output GeoTIFF; None skips it. ``ftv`` maps fit band name to path.

    Band layouts (float32, NaN = nodata, one description per band):

    - ``vertices``: ``vertex_{k}_year`` for k = 1..maxSegments+1, then ``vertex_{k}_source``,
      then ``vertex_{k}_fitted`` (unused slots NaN).
    - ``fitted`` and each ``ftv``: one band per year, ``YYYY_{name}_fit``.
    - ``stats``: ``rmse``, ``p_value``, ``n_segments``, ``status`` (0 fitted, 1 too few
      observations: flat at the mean, 2 no data, 3 not significant: flat at the mean).
    - ``segments``: the segment table, ``segment_{s}_{field}`` for field in SEGMENT_FIELDS and
      s = 1..maxSegments, field-major; magnitudes in the index's natural orientation.
    """

    vertices: Optional[Path] = None
    fitted: Optional[Path] = None
    stats: Optional[Path] = None
    segments: Optional[Path] = None
    ftv: dict[str, Path] = field(default_factory=dict)

    def paths(self) -> dict[str, Path]:
        named = {
            "vertices": self.vertices,
            "fitted": self.fitted,
            "stats": self.stats,
            "segments": self.segments,
        }
        named.update({f"ftv_{name}": path for name, path in self.ftv.items()})
        return {key: Path(path) for key, path in named.items() if path is not None}

    @classmethod
    def from_paths(cls, paths: Mapping[str, Path]) -> LandTrendrOutputs:
        """The outputs whose :meth:`paths` are ``paths``."""
        ftv = {key[len("ftv_") :]: path for key, path in paths.items() if key.startswith("ftv_")}
        return cls(paths.get("vertices"), paths.get("fitted"), paths.get("stats"), paths.get("segments"), ftv)


STATS_BANDS = ("rmse", "p_value", "n_segments", "status")


def _band_descriptions(outputs: LandTrendrOutputs, index: str, years: Sequence[int], n_vert: int) -> dict:
    from ..changemap.maps import SEGMENT_FIELDS

    per_vertex = [f"vertex_{k}_{kind}" for kind in ("year", "source", "fitted") for k in range(1, n_vert + 1)]
    segments = [f"segment_{s}_{name}" for name in SEGMENT_FIELDS for s in range(1, n_vert)]
    descriptions = {
        "vertices": per_vertex,
        "fitted": [f"{year}_{index}_fit" for year in years],
        "stats": list(STATS_BANDS),
        "segments": segments,
    }
    for name in outputs.ftv:
        descriptions[f"ftv_{name}"] = [f"{year}_{name}_fit" for year in years]
    return descriptions


def _chunk_arrays(fit: ChunkFit, rmse_for_segments: bool) -> dict[str, np.ndarray]:
    from ..changemap.maps import segment_table

    arrays = {
        "vertices": np.concatenate([fit.vertex_years, fit.vertex_source, fit.vertex_fitted]),
        "fitted": fit.fitted,
        "stats": np.stack([fit.rmse, fit.p_value, fit.n_segments.astype(float), fit.status.astype(float)]),
    }
    if rmse_for_segments:
        table = segment_table(fit.vertex_years, fit.vertex_fitted, fit.rmse)
        arrays["segments"] = np.concatenate([table[name] for name in table])
    for name, values in fit.ftv.items():
        arrays[f"ftv_{name}"] = values
    return arrays


def run_landtrendr_raster(
    stack_path: str | os.PathLike,
    index: str,
    outputs: LandTrendrOutputs,
    params: Optional[LandTrendrParams] = None,
    disturbance_direction: int = -1,
    flavor: Flavor = DEFAULT_FLAVOR,
    fit_bands: Sequence[str] = (),
    years: Optional[Sequence[int]] = None,
    chunk_size: int = 256,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    stats: Optional[EngineStats] = None,
    dask_scheduler: Optional[str] = None,
    max_gb: Optional[float] = None,
) -> dict[str, Path]:
    """Run LandTrendr over a GeoTIFF stack window by window and write the requested outputs.

    The windowed engine (:func:`..io.engine.run_windows`) reads ahead and writes behind while the
    fit runs; memory stays bounded by a few ``chunk_size`` x ``chunk_size`` windows. Each output is
    written under a temporary name and renamed when complete; on cancellation or error no output
    (partial or temporary) is left. ``progress(percent, message)`` is called after every chunk;
    ``stats`` (optional) receives the engine's timings; with ``dask_scheduler`` the fits run on that
    ``dask.distributed`` cluster (:func:`..io.engine.run_windows`); a run that reads or writes more
    than ``max_gb`` or needs more memory than available is refused first (:mod:`..io.budget`). Returns
    output key -> path.

    The fit is of the stack's physical values: bands with GDAL scale and offset tags (int16 NBR ×
    0.0001, Landsat surface reflectance × 2.75e-05 - 0.2) are scaled when read
    (:class:`..io.engine.SourceSpec`), so the outputs, which carry no such tags, are in those units, and
    so are the change map's thresholds on them. The LandTrendr parameters themselves are unitless (or
    per year), whatever the scale.
    """
    import rasterio

    params = params or LandTrendrParams()
    params.validate()
    _flavor_code(flavor)
    _direction(disturbance_direction)
    if chunk_size < 1:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "chunk_size must be >= 1, got {0!r}"),
            parameter="chunk_size",
            args=(chunk_size,),
        )
    outputs = LandTrendrOutputs(
        outputs.vertices, outputs.fitted, outputs.stats, outputs.segments,
        {name.lower(): Path(path) for name, path in outputs.ftv.items()},
    )  # fmt: skip
    targets = outputs.paths()
    if not targets:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "outputs: no output path given"), parameter="outputs"
        )
    fit_names = [name.lower() for name in fit_bands]
    missing_ftv = [name for name in outputs.ftv if name not in fit_names]
    if missing_ftv:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "outputs.ftv names {0} that are not in fit_bands {1}"),
            parameter="outputs",
            args=(missing_ftv, list(fit_bands)),
        )
    if not Path(stack_path).exists():
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "stack_path: {0} does not exist"),
            parameter="stack_path",
            args=(stack_path,),
        )
    index_name = index.lower()
    with rasterio.open(stack_path) as src:
        layout = stack_layout(src.descriptions, index, fit_names, years)
        if len(layout.years) < params.minObservationsNeeded:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore", "stack_path: {0} years of {1!r} is fewer than minObservationsNeeded={2}"
                ),
                parameter="stack_path",
                args=(len(layout.years), index, params.minObservationsNeeded),
            )
        descriptions = _band_descriptions(outputs, index_name, layout.years, params.max_vertices)
    tags = {
        "LANDTRENDR_INDEX": index_name,
        "LANDTRENDR_YEARS": ",".join(str(y) for y in layout.years),
        "LANDTRENDR_DISTURBANCE_DIRECTION": str(disturbance_direction),
        "LANDTRENDR_FLAVOR": flavor,
        "LANDTRENDR_PARAMS": repr(params.to_gee()),
    }
    specs = {
        key: OutputSpec(path, len(descriptions[key]), descriptions[key], tags)
        for key, path in targets.items()
    }
    sources = {"index": SourceSpec(stack_path, layout.index_bands)}
    sources.update({f"fit_{name}": SourceSpec(stack_path, layout.fit_bands[name]) for name in outputs.ftv})

    def kernel(_window, arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        others = {name: arrays[f"fit_{name}"] for name in outputs.ftv}
        fit = fit_chunk(arrays["index"], layout.years, params, disturbance_direction, flavor, others)
        return _chunk_arrays(fit, "segments" in specs)

    run_windows(
        sources, specs, kernel, chunk_size, progress=progress, is_cancelled=is_cancelled, label="LandTrendr",
        stats=stats, scheduler=dask_scheduler, max_gb=max_gb, dates=len(layout.years),
    )  # fmt: skip
    return targets


def run_landtrendr_tiles(
    stack_path: str | os.PathLike,
    index: str,
    outputs: Sequence[str],
    folder: str | os.PathLike,
    tiles: int | Sequence[Tile],
    params: Optional[LandTrendrParams] = None,
    disturbance_direction: int = -1,
    flavor: Flavor = DEFAULT_FLAVOR,
    fit_bands: Sequence[str] = (),
    chunk_size: int = 256,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    max_gb: Optional[float] = None,
) -> tuple[dict[str, Path], int]:
    """:func:`run_landtrendr_raster` tile by tile into ``folder``, resumable (:func:`..io.tiles.run_tiled`).

    ``outputs`` names the outputs wanted, as :meth:`LandTrendrOutputs.paths` keys (``fitted``,
    ``stats``, ``ftv_swir1``…); ``tiles`` a tile size in pixels or named windows (a grid's cells). Returns
    key -> VRT mosaic of the tiles, and how many tiles an earlier attempt had finished.
    """
    from ..io.tiles import run_tiled

    params = params or LandTrendrParams()
    params.validate()
    run = {
        "index": index.lower(), "params": params.to_gee(), "direction": disturbance_direction,
        "flavor": flavor, "fit_bands": [name.lower() for name in fit_bands],
    }  # fmt: skip

    def run_tile(source, paths, tile_progress, tile_cancelled) -> None:
        run_landtrendr_raster(
            source, index, LandTrendrOutputs.from_paths(paths), params, disturbance_direction, flavor,
            fit_bands, chunk_size=chunk_size, progress=tile_progress, is_cancelled=tile_cancelled,
            max_gb=max_gb,
        )  # fmt: skip

    return run_tiled(stack_path, folder, list(outputs), tiles, run_tile, run, progress, is_cancelled)

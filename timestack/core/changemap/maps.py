"""Change maps from LandTrendr segments: one selected event per pixel, and every event per year.

Follows LT-GEE's change-map recipe (Kennedy et al. 2018, LT-GEE guide, "Generate change maps"):
build the segment table from the vertices, *filter* segments (year of detection, magnitude or
DSNR, duration, pre-change value), then *select* one per pixel by a sort rule, then remove
same-year patches smaller than a minimum mapping unit. Beyond LT-GEE, :func:`event_stacks` keeps
every event: per-year loss and gain magnitudes and event counts that are 0, not nodata, where no
event passed the filters.

Orientation: a loss is a segment that *increases* in the flipped orientation (``magnitude *
disturbance_direction > 0``), a gain one that decreases. Magnitudes, rates and DSNR are reported
as absolute values in the index's natural units; ``preval`` is the natural start value.
The arithmetic is a handful of vectorised operations over at most maxSegments segments, so numpy
suffices; connected patches use :func:`scipy.ndimage.label` (8-neighbour).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Optional, Sequence

import numpy as np

from ..indices import check_direction
from ..io.engine import BLOCK_SIZE, EngineStats, OutputSpec, SourceSpec, block_windows, run_windows
from ..runtime import QT_TRANSLATE_NOOP, IsCancelled, Message, Progress, TimestackError

#: The segment table's fields, in band order of LandTrendr's ``segments`` output.
SEGMENT_FIELDS = (
    "start_year",
    "end_year",
    "start_value",
    "end_value",
    "magnitude",
    "duration",
    "rate",
    "dsnr",
)
#: Bands of a change map, in order.
CHANGE_BANDS = ("yod", "mag", "dur", "preval", "rate", "dsnr")
SORTS = ("greatest", "least", "newest", "oldest", "fastest", "slowest", "longest")

Change = Literal["loss", "gain"]
Sort = Literal["greatest", "least", "newest", "oldest", "fastest", "slowest", "longest"]


@dataclass(frozen=True)
class ChangeMapParams:
    """Filters and selection of a change map (LT-GEE's change-map parameters, plus ranges).

    ``year_range`` bounds the year of detection (start year + 1, inclusive); ``min_magnitude`` and
    ``min_dsnr`` are thresholds on absolute values (an event must exceed them); ``min_duration`` /
    ``max_duration`` bound the segment duration in years; ``min_preval`` / ``max_preval`` bound
    the pre-change value; ``mmu`` is the minimum patch size in pixels (1 = off).
    """

    change: Change = "loss"
    sort: Sort = "greatest"
    year_range: Optional[tuple[int, int]] = None
    min_magnitude: float = 0.0
    min_dsnr: Optional[float] = None
    min_duration: Optional[float] = None
    max_duration: Optional[float] = None
    min_preval: Optional[float] = None
    max_preval: Optional[float] = None
    mmu: int = 1

    def validate(self) -> None:
        if self.change not in ("loss", "gain"):
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "change must be 'loss' or 'gain', got {0!r}"),
                parameter="change",
                args=(self.change,),
            )
        if self.sort not in SORTS:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "sort must be one of {0}, got {1!r}"),
                parameter="sort",
                args=(", ".join(SORTS), self.sort),
            )
        if self.year_range is not None and (
            len(self.year_range) != 2 or self.year_range[0] > self.year_range[1]
        ):
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore", "year_range must be (first, last) with first <= last, got {0!r}"
                ),
                parameter="year_range",
                args=(self.year_range,),
            )
        if self.min_magnitude < 0:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "min_magnitude must be >= 0, got {0!r}"),
                parameter="min_magnitude",
                args=(self.min_magnitude,),
            )
        if self.min_dsnr is not None and self.min_dsnr < 0:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "min_dsnr must be >= 0, got {0!r}"),
                parameter="min_dsnr",
                args=(self.min_dsnr,),
            )
        if self.mmu < 1 or int(self.mmu) != self.mmu:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "mmu must be an integer >= 1 pixel, got {0!r}"),
                parameter="mmu",
                args=(self.mmu,),
            )
        for low, high, name in (
            (self.min_duration, self.max_duration, "duration"),
            (self.min_preval, self.max_preval, "preval"),
        ):
            if low is not None and high is not None and low > high:
                raise TimestackError(
                    QT_TRANSLATE_NOOP("TimestackCore", "min_{0} ({1}) must not exceed max_{2} ({3})"),
                    parameter=f"min_{name}",
                    args=(name, low, name, high),
                )


def segment_table(
    vertex_years: np.ndarray, vertex_fitted: np.ndarray, rmse: np.ndarray
) -> dict[str, np.ndarray]:
    """Segments between consecutive vertices: ``{field: (maxSegments, ...)}``, NaN where unused.

    Values are the fitted vertex values (natural orientation); magnitude = end - start,
    duration = end year - start year, rate = magnitude / duration, DSNR = magnitude / RMSE
    (Cohen et al. 2018, "disturbance signal-to-noise ratio").

    Parameters
    ----------
    vertex_years, vertex_fitted
        LandTrendr's vertex years and fitted values, ``(maxSegments + 1, ...)``, NaN-padded.
    rmse
        The fit's root mean square error per pixel, in the index's units.

    Returns
    -------
    dict
        :data:`SEGMENT_FIELDS` -> float64 array ``(maxSegments, ...)``.
    """
    start_year = vertex_years[:-1]
    end_year = vertex_years[1:]
    start_value = vertex_fitted[:-1]
    end_value = vertex_fitted[1:]
    magnitude = end_value - start_value
    duration = end_year - start_year
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = magnitude / duration
        dsnr = np.where(rmse > 0, magnitude / rmse, np.nan)
    table = {
        "start_year": start_year,
        "end_year": end_year,
        "start_value": start_value,
        "end_value": end_value,
        "magnitude": magnitude,
        "duration": duration,
        "rate": rate,
        "dsnr": dsnr,
    }
    return {name: np.asarray(table[name], dtype=np.float64) for name in SEGMENT_FIELDS}


def _passes_filters(table: dict[str, np.ndarray], params: ChangeMapParams) -> np.ndarray:
    """Segments passing every filter except the loss/gain direction (NaN segments never pass)."""
    yod = table["start_year"] + 1
    magnitude = np.abs(table["magnitude"])
    with np.errstate(invalid="ignore"):
        keep = np.isfinite(magnitude) & (magnitude > params.min_magnitude)
        if params.year_range is not None:
            keep &= (yod >= params.year_range[0]) & (yod <= params.year_range[1])
        if params.min_dsnr is not None:
            keep &= np.abs(table["dsnr"]) > params.min_dsnr
        if params.min_duration is not None:
            keep &= table["duration"] >= params.min_duration
        if params.max_duration is not None:
            keep &= table["duration"] <= params.max_duration
        if params.min_preval is not None:
            keep &= table["start_value"] >= params.min_preval
        if params.max_preval is not None:
            keep &= table["start_value"] <= params.max_preval
    return keep


def _is_change(table: dict[str, np.ndarray], change: Change, disturbance_direction: int) -> np.ndarray:
    flipped = table["magnitude"] * disturbance_direction
    with np.errstate(invalid="ignore"):
        return flipped > 0 if change == "loss" else flipped < 0


def _sort_key(table: dict[str, np.ndarray], sort: Sort) -> np.ndarray:
    """A key whose maximum over segments is the wanted one."""
    keys = {
        "greatest": np.abs(table["magnitude"]),
        "least": -np.abs(table["magnitude"]),
        "newest": table["start_year"],
        "oldest": -table["start_year"],
        "fastest": np.abs(table["rate"]),
        "slowest": -np.abs(table["rate"]),
        "longest": table["duration"],
    }
    return keys[sort]


def change_map(
    table: dict[str, np.ndarray], params: ChangeMapParams, disturbance_direction: int
) -> dict[str, np.ndarray]:
    """Select one filtered loss (or gain) segment per pixel: ``{band: array}`` for CHANGE_BANDS.

    Pixels without a qualifying segment are NaN in every band. The minimum mapping unit applies
    to the whole array passed in; see :func:`apply_mmu` to apply it after a chunked pass.

    Parameters
    ----------
    table
        :func:`segment_table`'s segments.
    params
        What counts as a change (loss or gain, filters) and which one a pixel keeps (``sort``).
    disturbance_direction
        +1 when the index rises on disturbance, -1 when it falls.

    Returns
    -------
    dict
        :data:`CHANGE_BANDS` -> float64 array of one pixel's chosen segment.

    Raises
    ------
    TimestackError
        A filter out of range (:meth:`ChangeMapParams.validate`) or a ``disturbance_direction`` other
        than +1 and -1.
    """
    params.validate()
    check_direction(disturbance_direction)
    eligible = _passes_filters(table, params) & _is_change(table, params.change, disturbance_direction)
    key = np.where(eligible, _sort_key(table, params.sort), -np.inf)
    chosen = np.argmax(key, axis=0)
    found = np.take_along_axis(eligible, chosen[None], axis=0)[0]

    def pick(name: str) -> np.ndarray:
        values = np.take_along_axis(table[name], chosen[None], axis=0)[0]
        return np.where(found, values, np.nan)

    bands = {
        "yod": pick("start_year") + 1,
        "mag": np.abs(pick("magnitude")),
        "dur": pick("duration"),
        "preval": pick("start_value"),
        "rate": np.abs(pick("rate")),
        "dsnr": np.abs(pick("dsnr")),
    }
    if params.mmu > 1:
        keep = apply_mmu(bands["yod"], params.mmu)
        for name in bands:
            bands[name] = np.where(keep, bands[name], np.nan)
    return bands


def apply_mmu(yod: np.ndarray, mmu: int) -> np.ndarray:
    """Mask of pixels in 8-connected patches of the *same* year of detection with >= ``mmu`` pixels.

    No cap on patch size: every year's patches are labelled in full (scipy.ndimage.label).

    Parameters
    ----------
    yod
        Year of detection per pixel, NaN where no change.
    mmu
        Minimum mapping unit, in pixels; 1 or less keeps every changed pixel.

    Returns
    -------
    numpy.ndarray
        Boolean mask, true where a pixel's patch is large enough.
    """
    from scipy import ndimage

    keep = np.zeros(yod.shape, dtype=bool)
    structure = ndimage.generate_binary_structure(yod.ndim, yod.ndim)  # 2-D: the 8 neighbours
    for year in np.unique(yod[np.isfinite(yod)]):
        labels, count = ndimage.label(yod == year, structure=structure)
        if count == 0:
            continue
        sizes = np.bincount(labels.ravel())
        large = sizes >= mmu
        large[0] = False
        keep |= large[labels]
    return keep


def event_stacks(
    table: dict[str, np.ndarray],
    years: Sequence[int],
    params: ChangeMapParams,
    disturbance_direction: int,
) -> dict[str, np.ndarray]:
    """Every filtered event per pixel: per-year loss/gain magnitude stacks and event counts.

    ``params.sort`` and ``params.mmu`` do not apply; the other filters do.

    Parameters
    ----------
    table
        :func:`segment_table`'s segments.
    years
        The years of the magnitude bands, one band each; an event detected in another year is left out
        of them (it still counts), so give every year an event can fall in.
    params
        The change filters.
    disturbance_direction
        +1 when the index rises on disturbance, -1 when it falls.

    Returns
    -------
    dict
        ``loss_magnitude`` and ``gain_magnitude`` of shape ``(len(years), ...)`` (absolute magnitude of
        the event detected that year, 0 where none) and ``loss_count`` / ``gain_count`` (number of
        events, 0 where none; NaN only where the pixel has no fit at all).

    Raises
    ------
    TimestackError
        As :func:`change_map`.
    """
    params.validate()
    check_direction(disturbance_direction)
    year_index = {int(y): i for i, y in enumerate(years)}
    passes = _passes_filters(table, params)
    has_fit = np.isfinite(table["start_year"][0])
    yod = table["start_year"] + 1
    magnitude = np.abs(table["magnitude"])
    out = {}
    changes: tuple[Change, ...] = ("loss", "gain")
    for change in changes:
        events = passes & _is_change(table, change, disturbance_direction)
        stack = np.zeros((len(years),) + yod.shape[1:])
        for s in range(yod.shape[0]):
            rows = np.nonzero(events[s])
            slots = np.array([year_index.get(int(y), -1) for y in yod[s][rows]], dtype=np.int64)
            inside = slots >= 0
            target = (slots[inside],) + tuple(r[inside] for r in rows)
            np.add.at(stack, target, magnitude[s][rows][inside])
        stack[:, ~has_fit] = np.nan
        out[f"{change}_magnitude"] = stack
        out[f"{change}_count"] = np.where(has_fit, events.sum(axis=0), np.nan)
    return out


# ---------------------------------------------------------------------------------------------
# Raster driver


def _segments_layout(descriptions: Sequence[Optional[str]]) -> tuple[int, dict[str, list[int]]]:
    """Band numbers of each segment field in a LandTrendr ``segments`` raster."""
    bands: dict[str, list[int]] = {name: [] for name in SEGMENT_FIELDS}
    for band, description in enumerate(descriptions, start=1):
        parts = (description or "").split("_", 2)
        if len(parts) == 3 and parts[0] == "segment" and parts[2] in bands:
            bands[parts[2]].append(band)
    counts = {len(b) for b in bands.values()}
    if len(counts) != 1 or 0 in counts:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "segments_path: not a LandTrendr segments raster (band descriptions 'segment_<n>_<field>' "
                "missing)"
            ),
            parameter="segments_path",
        )  # fmt: skip
    return counts.pop(), bands


def run_changemap_raster(
    segments_path: str | os.PathLike,
    disturbance_direction: Optional[int] = None,
    params: Optional[ChangeMapParams] = None,
    change_path: Optional[str | os.PathLike] = None,
    events_path: Optional[str | os.PathLike] = None,
    years: Optional[Sequence[int]] = None,
    chunk_size: int = BLOCK_SIZE,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    stats: Optional[EngineStats] = None,
    dask_scheduler: Optional[str] = None,
    max_gb: Optional[float] = None,
) -> dict[str, Path]:
    """Change map (bands CHANGE_BANDS) and/or event stacks from a LandTrendr segments raster.

    Windows run on the engine (:func:`..io.engine.run_windows`: read-ahead, write-behind, a few windows
    in memory). The minimum mapping unit needs whole patches, so with ``mmu > 1`` the year-of-detection
    band of the written temporary is read back in full once (4 bytes per pixel) before the rename.
    Nothing is left on cancellation or error.

    Parameters
    ----------
    segments_path
        The segment table raster a LandTrendr run wrote.
    disturbance_direction, years
        +1/-1 and the fitted years; None: what the LandTrendr run recorded in the raster's tags
        (LANDTRENDR_DISTURBANCE_DIRECTION, LANDTRENDR_YEARS).
    params
        The change filters and choice; None: :class:`ChangeMapParams`' defaults.
    change_path
        Where the change map goes (bands :data:`CHANGE_BANDS`), or None.
    events_path
        Where the event stacks go (bands ``YYYY_loss_mag`` for every year from the first fitted year to
        the last, years the stack lacks included, then ``YYYY_gain_mag``, then ``loss_count`` and
        ``gain_count``), or None.
    chunk_size
        Window side, in pixels.
    progress, is_cancelled
        The caller's progress callback and cancel poll.
    stats
        Receives the engine's timings, when given.
    dask_scheduler
        A ``dask.distributed`` address: the per-window maps run on that cluster's workers; the minimum
        mapping unit still runs here, on the written map, so the result is a local run's.

    Returns
    -------
    dict
        ``"change"`` and/or ``"events"`` -> the path written.

    Raises
    ------
    TimestackError
        Neither output given, a chunk size below 1, a direction or years neither given nor recorded.
    Cancelled
        The caller cancelled; nothing is left.
    """
    import rasterio

    params = params or ChangeMapParams()
    params.validate()
    if change_path is None and events_path is None:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "change_path or events_path: give at least one output"),
            parameter="change_path",
        )
    if chunk_size < 1:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "chunk_size must be >= 1, got {0!r}"),
            parameter="chunk_size",
            args=(chunk_size,),
        )
    with rasterio.open(segments_path) as src:
        _, bands = _segments_layout(src.descriptions)
        disturbance_direction, years = _recorded_run(src.tags(), disturbance_direction, years)
    # every year from the first to the last: a change is detected the year after its start vertex, which
    # in a stack with missing years (no scene) can be one of them
    event_years = list(range(min(years), max(years) + 1)) if years else []
    descriptions = {
        "change": list(CHANGE_BANDS),
        "events": [f"{y}_loss_mag" for y in event_years]
        + [f"{y}_gain_mag" for y in event_years]
        + ["loss_count", "gain_count"],
    }
    paths = {"change": change_path, "events": events_path}
    specs = {
        key: OutputSpec(Path(path), len(descriptions[key]), descriptions[key])
        for key, path in paths.items()
        if path is not None
    }
    chunk_params = ChangeMapParams(**{**params.__dict__, "mmu": 1})

    def kernel(_window, table: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        out = {}
        if "change" in specs:
            chosen = change_map(table, chunk_params, disturbance_direction)
            out["change"] = np.stack([chosen[b] for b in CHANGE_BANDS])
        if "events" in specs:
            ev = event_stacks(table, event_years, params, disturbance_direction)
            out["events"] = np.concatenate(
                [ev["loss_magnitude"], ev["gain_magnitude"], ev["loss_count"][None], ev["gain_count"][None]]
            )
        return out

    def finish(temporaries: dict[str, Path]) -> None:
        if "change" in temporaries and params.mmu > 1:
            _apply_mmu_to_raster(temporaries["change"], params.mmu, chunk_size)

    run_windows(
        {name: SourceSpec(segments_path, b) for name, b in bands.items()}, specs, kernel, chunk_size,
        finish=finish, progress=progress, is_cancelled=is_cancelled,
        label=Message(QT_TRANSLATE_NOOP("TimestackCore", "Change map")), stats=stats,
        scheduler=dask_scheduler, max_gb=max_gb,
    )  # fmt: skip
    return {key: Path(spec.path) for key, spec in specs.items()}


def _recorded_run(
    tags: dict, disturbance_direction: Optional[int], years: Optional[Sequence[int]]
) -> tuple[int, list[int]]:
    """The direction and years given, else those the LandTrendr run recorded in its tags."""
    if disturbance_direction is None:
        if "LANDTRENDR_DISTURBANCE_DIRECTION" not in tags:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore", "disturbance_direction: not recorded in segments_path; give +1 or -1"
                ),
                parameter="disturbance_direction",
            )
        disturbance_direction = int(tags["LANDTRENDR_DISTURBANCE_DIRECTION"])
    check_direction(disturbance_direction)
    if years is None:
        if "LANDTRENDR_YEARS" not in tags:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore", "years: not recorded in segments_path; give the fitted years"
                ),
                parameter="years",
            )
        years = [int(y) for y in tags["LANDTRENDR_YEARS"].split(",")]
    return disturbance_direction, [int(y) for y in years]


def _apply_mmu_to_raster(path: Path, mmu: int, chunk_size: int) -> None:
    """Blank the pixels of patches below ``mmu`` in a written change map, rewriting only the windows
    that lose a pixel (a compressed tile rewritten is appended, so untouched tiles stay as written)."""
    import rasterio

    with rasterio.open(path, "r+") as sink:
        yod = sink.read(1)
        drop = np.isfinite(yod) & ~apply_mmu(yod, mmu)
        for window in block_windows(sink.width, sink.height, chunk_size):
            rows, cols = window.toslices()
            if drop[rows, cols].any():
                data = sink.read(window=window)
                sink.write(np.where(drop[rows, cols], np.nan, data).astype(np.float32), window=window)

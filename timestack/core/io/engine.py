"""One windowed raster engine under every per-pixel algorithm: read ahead, compute, write behind.

A per-window algorithm (LandTrendr, change maps, timescan, ...) is a kernel ``kernel(window, arrays) ->
{output: array}``; everything else is the same for all of them and lives here, once:

- **Windows aligned to the output blocks.** A window covers whole 256-pixel tiles of every output (its
  size is rounded down to a multiple of the block), so each tile is compressed exactly once and never read
  back. Windows smaller than a block (tests, thin strips) stay correct, only slower.
- **Three stages on three threads.** A reader thread reads the next windows while the kernel runs on the
  calling thread, and a writer thread writes (and compresses) finished windows while the next is
  computed, so the CPUs do not wait for GDAL. GDAL and rasterio release the GIL while they read, compress
  and write; the kernels should too (numba ``nogil=True``).
- **Bounded memory.** The queues between the stages are bounded, so at most
  ``read_ahead + write_behind + 3`` windows exist at once whatever the area; each window is flushed to
  disk once written (GDAL's block cache would otherwise keep dirty tiles until it fills), and GDAL's
  block cache is bounded to :data:`GDAL_CACHE_MB` for the run (:func:`bounded_gdal_cache`): by default it
  may take 5 % of the RAM and keeps every block read until it fills, so a run's memory grew with its area.
- **Compression chosen on numbers** (``bench/bench_engine.py``): on LandTrendr's float32 outputs ZSTD
  level 1 without predictor writes ~6x faster than DEFLATE with the floating-point predictor, reads ~3x
  faster and is no larger; every GDAL since 2.3 (QGIS 3.22 ships 3.x) reads it. ``NUM_THREADS=ALL_CPUS``
  lets GDAL compress the tiles of a window in parallel.
- **Atomic outputs, progress and cancel** as everywhere in the core: temporaries renamed on success
  (:func:`..io.atomic.atomic_outputs`), removed on error or cancel; ``progress(percent, message)`` and
  ``is_cancelled()`` are called on the caller's thread between windows.

:class:`EngineStats` records where the time went, so every algorithm can report its share of I/O wait.
"""

from __future__ import annotations

import contextlib
import math
import os
import queue
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Optional, Sequence

import numpy as np
import rasterio
from osgeo import gdal, gdal_array
from rasterio.windows import Window

from ..runtime import (
    QT_TRANSLATE_NOOP,
    Cancelled,
    IsCancelled,
    Message,
    Progress,
    TimestackError,
    missing_package,
)
from .atomic import atomic_outputs
from .budget import SizeEstimate
from .grid import has_own_mask, physical_values

__all__ = [
    "BLOCK_SIZE",
    "EngineStats",
    "GDAL_CACHE_MB",
    "OutputSpec",
    "SourceSpec",
    "block_windows",
    "bounded_gdal_cache",
    "compression_options",
    "connect_scheduler",
    "creation_options",
    "estimate_windows",
    "map_on_cluster",
    "run_windows",
]

#: Tile size of every output (pixels); windows are multiples of it.
BLOCK_SIZE = 256

#: GDAL's block cache (MiB) while a run or a COG copy goes on: a few windows' blocks. GDAL's default (5 %
#: of the RAM) fills with every block read or written, so a run's peak memory grew with its area; with the
#: COG copy's VSI_CACHE and threads (:func:`.stack.write_cog`) it made the composite take 552 MiB at
#: 800^2 px and 922 MiB at 1,600^2, now 410 and 423 MiB, no slower (bench/bench_engine.py). The engine
#: reads and writes each block about once, so a larger cache buys little.
GDAL_CACHE_MB = 64

#: ZSTD level 1 on all cores; see the module docstring and bench/bench_engine.py for the figures.
COMPRESSION = {"COMPRESS": "ZSTD", "ZSTD_LEVEL": "1", "NUM_THREADS": "ALL_CPUS"}

Kernel = Callable[[Window, dict[str, np.ndarray]], Mapping[str, np.ndarray]]
#: Reads a window's inputs that are not plain bands of a source on the grid (e.g. with a halo).
Reader = Callable[[Window], Mapping[str, np.ndarray]]
#: Sees every window's whole kernel result on the caller's thread (e.g. to gather a log the kernel
#: returns beside its arrays), in window order, before the arrays go to the writer.
Collect = Callable[[Window, Mapping], None]
#: Called with the closed temporaries once every window is written, before they are renamed.
Finish = Callable[[dict[str, Path]], None]


@dataclass(frozen=True)
class SourceSpec:
    """Bands (1-based) of one raster read for every window, as float64 with the file's nodata (or, without a
    nodata value, the pixels its mask hides) as NaN, and in physical units: a band's GDAL scale and offset
    tags are applied (:func:`.grid.physical_values`), as every reader of a stack does."""

    path: str | os.PathLike
    bands: Sequence[int]


@dataclass(frozen=True)
class OutputSpec:
    """One GeoTIFF written on the sources' grid: ``count`` bands of ``dtype``, described and tagged."""

    path: str | os.PathLike
    count: int
    descriptions: Sequence[str] = ()
    tags: Mapping[str, str] = field(default_factory=dict)
    dtype: str = "float32"
    nodata: Optional[float] = math.nan


@dataclass
class EngineStats:
    """Where a run's time went (seconds) and how many windows were held at once.

    ``read_wait_s`` and ``write_wait_s`` are the time the kernel's thread waited for the reader and the
    writer (including the final drain); their sum over the wall time is the run's I/O wait share.
    """

    windows: int = 0
    bound: int = 0
    wall_s: float = 0.0
    kernel_s: float = 0.0
    read_wait_s: float = 0.0
    write_wait_s: float = 0.0
    read_s: float = 0.0
    write_s: float = 0.0
    windows_read: int = 0
    windows_written: int = 0
    in_flight: int = 0
    max_in_flight: int = 0
    estimate: Optional[SizeEstimate] = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def io_wait_share(self) -> float:
        return (self.read_wait_s + self.write_wait_s) / self.wall_s if self.wall_s > 0 else 0.0

    def window_started(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def window_finished(self) -> None:
        with self._lock:
            self.in_flight -= 1
            self.windows_written += 1


def block_windows(width: int, height: int, window_size: int, block_size: int = BLOCK_SIZE) -> list[Window]:
    """Row-major windows tiling a ``width`` x ``height`` grid, each covering whole output blocks.

    ``window_size`` is rounded down to a multiple of ``block_size`` when it is at least one block.
    """
    if window_size < 1:
        raise ValueError(f"window size must be >= 1 pixel, got {window_size}")
    if window_size >= block_size:
        window_size -= window_size % block_size
    return [
        Window(col, row, min(window_size, width - col), min(window_size, height - row))
        for row in range(0, height, window_size)
        for col in range(0, width, window_size)
    ]


_cache_lock = threading.Lock()
_cache_users = 0
_cache_before = 0


@contextlib.contextmanager
def bounded_gdal_cache(limit_mb: int = GDAL_CACHE_MB):
    """GDAL's block cache at most ``limit_mb`` MiB inside the block, the host's setting back after it.

    The cache is the process's (QGIS's too), so runs at once share one bound: the first to enter lowers
    it (never raises it: a smaller setting of the host stands), the last to leave restores what was
    set before, even when the runs overlap rather than nest. Lowering it drops the blocks above the
    bound (GDAL writes dirty ones first).
    """
    global _cache_users, _cache_before
    with _cache_lock:
        if _cache_users == 0:
            _cache_before = gdal.GetCacheMax()
            gdal.SetCacheMax(min(_cache_before, int(limit_mb) * 1024 * 1024))
        _cache_users += 1
    try:
        yield
    finally:
        with _cache_lock:
            _cache_users -= 1
            if _cache_users == 0:
                gdal.SetCacheMax(_cache_before)


def compression_options(dtype: str) -> dict[str, str]:
    """The codec of every GeoTIFF the core writes, as GDAL creation options.

    Integers get the horizontal predictor: on Landsat int16 reflectance it makes ZSTD files ~8 %
    smaller for ~20 % of the write speed (measured on the sample archive). On float32 outputs the
    floating-point predictor cost more than half the write speed and did not make files smaller.
    """
    options = dict(COMPRESSION)
    if np.issubdtype(np.dtype(dtype), np.integer):
        options["PREDICTOR"] = "2"
    return options


def creation_options(dtype: str, block_size: int = BLOCK_SIZE) -> list[str]:
    """GTiff creation options of every engine output: tiled, band-interleaved, compressed."""
    tiles = {"TILED": "YES", "BLOCKXSIZE": block_size, "BLOCKYSIZE": block_size, "INTERLEAVE": "BAND"}
    options = {**tiles, "BIGTIFF": "IF_SAFER", **compression_options(dtype)}
    return [f"{key}={value}" for key, value in options.items()]


@dataclass(frozen=True)
class _Grid:
    width: int
    height: int
    wkt: str
    geotransform: tuple[float, ...]


def _grid_of_target(grid) -> _Grid:
    """The engine grid of an object with ``width``, ``height``, ``crs`` and ``transform`` (a
    :class:`..io.grid.TargetGrid`, a rasterio dataset)."""
    wkt = grid.crs.to_wkt() if grid.crs else ""
    return _Grid(grid.width, grid.height, wkt, tuple(grid.transform.to_gdal()))


def _grid_of(path: str | os.PathLike) -> _Grid:
    with rasterio.open(path) as src:
        wkt = src.crs.to_wkt() if src.crs else ""
        return _Grid(src.width, src.height, wkt, tuple(src.transform.to_gdal()))


def _create(path: Path, spec: OutputSpec, grid: _Grid, block_size: int) -> gdal.Dataset:
    gdal_type = gdal_array.NumericTypeCodeToGDALTypeCode(np.dtype(spec.dtype))
    dataset = gdal.GetDriverByName("GTiff").Create(
        str(path), grid.width, grid.height, spec.count, gdal_type, creation_options(spec.dtype, block_size)
    )
    if dataset is None:
        raise OSError(f"GDAL could not create {spec.path}: {gdal.GetLastErrorMsg()}")
    dataset.SetGeoTransform(grid.geotransform)
    if grid.wkt:
        dataset.SetProjection(grid.wkt)
    if spec.tags:
        dataset.SetMetadata({str(k): str(v) for k, v in spec.tags.items()})
    for number in range(1, spec.count + 1):
        band = dataset.GetRasterBand(number)
        if spec.nodata is not None:
            band.SetNoDataValue(float(spec.nodata))
        if number <= len(spec.descriptions):
            band.SetDescription(spec.descriptions[number - 1])
    return dataset


def _read_source(dataset, bands: Sequence[int], window: Window) -> np.ndarray:
    data = dataset.read(list(bands), window=window, out_dtype="float64")
    nodata = dataset.nodata
    if nodata is not None and not np.isnan(nodata):
        data[data == nodata] = np.nan
    elif nodata is None and any(has_own_mask(flags) for flags in dataset.mask_flag_enums):
        # no nodata value but a mask (internal, .msk or alpha band) says which pixels are missing
        data[dataset.read_masks(list(bands), window=window) == 0] = np.nan
    # nodata is NaN by now, so scaling leaves it out; an untagged band is returned as stored
    scales, offsets = dataset.scales, dataset.offsets
    return physical_values(data, [scales[b - 1] for b in bands], [offsets[b - 1] for b in bands])


class _StoppedError(Exception):
    """Internal: the run is being torn down; a stage thread leaves quietly."""


def _put(channel: queue.Queue, item, stop: threading.Event) -> None:
    while True:
        if stop.is_set():
            raise _StoppedError()
        try:
            channel.put(item, timeout=0.05)
            return
        except queue.Full:
            continue


class _Pipeline:
    """The reader and writer threads around the caller's kernel loop, and their teardown."""

    def __init__(self, sources, sinks, windows, stats, read_ahead, write_behind, read=None):
        self.sources, self.sinks, self.windows, self.read = sources, sinks, windows, read
        self.stats = stats
        self.stop = threading.Event()
        self.read_queue: queue.Queue = queue.Queue(maxsize=read_ahead)
        self.write_queue: queue.Queue = queue.Queue(maxsize=write_behind)
        self.errors: list[BaseException] = []
        self.reader = threading.Thread(target=self._guard, args=(self._read_all,), name="engine-read")
        self.writer = threading.Thread(target=self._guard, args=(self._write_all,), name="engine-write")

    def _guard(self, stage) -> None:
        try:
            stage()
        except _StoppedError:
            pass
        except BaseException as error:  # handed to the caller's thread, which re-raises it
            self.errors.append(error)
            self.stop.set()

    def _read_all(self) -> None:
        paths = {str(spec.path) for spec in self.sources.values()}
        datasets = {path: rasterio.open(path) for path in paths}
        try:
            for window in self.windows:
                if self.stop.is_set():
                    return
                self.stats.window_started()
                start = time.perf_counter()
                arrays = {
                    key: _read_source(datasets[str(spec.path)], spec.bands, window)
                    for key, spec in self.sources.items()
                }
                if self.read is not None:
                    arrays.update(self.read(window))
                self.stats.read_s += time.perf_counter() - start
                self.stats.windows_read += 1
                _put(self.read_queue, (window, arrays), self.stop)
        finally:
            for dataset in datasets.values():
                dataset.close()

    def _write_all(self) -> None:
        while True:
            try:
                item = self.write_queue.get(timeout=0.05)
            except queue.Empty:
                if self.stop.is_set():
                    return
                continue
            if item is None or self.stop.is_set():
                return
            window, results = item
            start = time.perf_counter()
            for key, dataset in self.sinks.items():
                array = np.ascontiguousarray(results[key])
                if dataset.WriteArray(array, int(window.col_off), int(window.row_off)) != gdal.CE_None:
                    raise OSError(f"GDAL could not write output {key!r}: {gdal.GetLastErrorMsg()}")
                dataset.FlushCache()  # bounded memory: the window's tiles go to disk now
            self.stats.write_s += time.perf_counter() - start
            self.stats.window_finished()

    def raise_stage_error(self) -> None:
        if self.errors:
            raise self.errors[0]

    def next_input(self):
        start = time.perf_counter()
        while True:
            self.raise_stage_error()
            try:
                item = self.read_queue.get(timeout=0.05)
                break
            except queue.Empty:
                continue
        self.stats.read_wait_s += time.perf_counter() - start
        return item

    def _send(self, item) -> None:
        try:
            _put(self.write_queue, item, self.stop)
        except _StoppedError:  # only a failed stage stops the run early
            self.raise_stage_error()
            raise

    def hand_over(self, window: Window, results) -> None:
        start = time.perf_counter()
        self._send((window, results))
        self.stats.write_wait_s += time.perf_counter() - start
        self.raise_stage_error()

    def drain(self) -> None:
        start = time.perf_counter()
        self._send(None)
        self.writer.join()
        self.stats.write_wait_s += time.perf_counter() - start
        self.raise_stage_error()

    def tear_down(self) -> None:
        self.stop.set()
        for thread in (self.reader, self.writer):
            if thread.is_alive():
                thread.join()


def _checked(results: Mapping[str, np.ndarray], outputs: Mapping[str, OutputSpec], window: Window) -> dict:
    """The kernel's arrays as ``(count, rows, cols)``; a missing output or wrong shape is a bug, named."""
    checked = {}
    for key, spec in outputs.items():
        if key not in results:
            raise ValueError(f"kernel returned no array for output {key!r}")
        array = np.asarray(results[key], dtype=spec.dtype)  # cast here: queued windows stay small
        if array.ndim == 2:
            array = array[None]
        want = (spec.count, int(window.height), int(window.width))
        if array.shape != want:
            raise ValueError(f"kernel output {key!r} has shape {array.shape}, expected {want}")
        checked[key] = array
    return checked


def run_windows(
    sources: Mapping[str, SourceSpec],
    outputs: Mapping[str, OutputSpec],
    kernel: Kernel,
    window_size: int = 2 * BLOCK_SIZE,
    *,
    read_ahead: int = 2,
    write_behind: int = 2,
    finish: Optional[Finish] = None,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    label: str = "",
    stats: Optional[EngineStats] = None,
    scheduler: Optional[str] = None,
    grid=None,
    read: Optional[Reader] = None,
    collect: Optional[Collect] = None,
    workers: int = 1,
    max_gb: Optional[float] = None,
    dates: Optional[int] = None,
) -> EngineStats:
    """Run ``kernel`` over every window of the sources' grid and write its arrays into ``outputs``.

    ``kernel(window, {source key: (bands, rows, cols) float64, physical values with NaN for nodata (see
    :class:`SourceSpec`)})`` returns ``{output key: (count, rows, cols)}`` (2-D for one band), in any
    numeric dtype; the engine casts to the output's dtype before
    queueing, so a queued window takes what the file will. All
    sources must share one grid; the outputs take it (CRS, transform, size). ``finish(temporaries)``
    runs once every output is written and closed, before the rename (e.g. a second pass over a whole
    band). Raises :class:`Cancelled` when ``is_cancelled()`` turns true between windows; on any
    exception no output, temporary or final, is left. Pass ``stats`` to watch the counters live.

    With ``scheduler`` (a ``dask.distributed`` scheduler address) the kernel runs on the cluster's workers,
    a few windows per worker in flight, while reading and writing stay here: the workers need Timestack
    importable, not the files. A worker lost mid-run has its windows run again elsewhere (dask's own
    rescheduling), so the output is the one a local run writes.

    ``grid`` (anything with ``width``, ``height``, ``crs``, ``transform``) sets the grid when there is
    no source on it, as for a composite that warps scenes onto a new grid inside its kernel;
    ``read(window)`` adds inputs read on the reader thread; ``collect(window, result)`` sees each
    whole kernel result; ``workers`` > 1 runs that many kernels at once on local threads (for kernels
    that release the GIL while they read or compute), results still written in window order.

    Before anything is made the run's size is estimated (:func:`estimate_windows`; ``dates``: how many
    dates the sources' bands hold, for the message) and refused beyond ``max_gb`` of reads or writes,
    or beyond the memory this computer has available (:meth:`.budget.SizeEstimate.check`).
    """
    if not sources and grid is None:
        raise ValueError("run_windows needs at least one source or a grid")
    if not outputs:
        raise ValueError("run_windows needs at least one output")
    if read_ahead < 1 or write_behind < 1:
        raise ValueError(f"read_ahead and write_behind must be >= 1, got {read_ahead}, {write_behind}")
    grids = {str(spec.path): _grid_of(spec.path) for spec in sources.values()}
    grid = _grid_of_target(grid) if grid is not None else next(iter(grids.values()))
    if any((g.width, g.height) != (grid.width, grid.height) for g in grids.values()):
        raise ValueError(
            f"sources must share one grid, got sizes {[(g.width, g.height) for g in grids.values()]}"
        )
    windows = block_windows(grid.width, grid.height, window_size)
    stats = stats if stats is not None else EngineStats()
    stats.windows, stats.bound = len(windows), read_ahead + write_behind + 2 + max(1, workers)
    estimate = estimate_windows(sources, outputs, windows, read_ahead, write_behind, grid, dates)
    estimate.check(max_gb)
    stats.estimate = estimate
    started = time.perf_counter()
    # connected before any file is made: a refused scheduler leaves nothing, not even an open dataset
    client = connect_scheduler(scheduler) if scheduler else None
    try:
        # bounded GDAL block cache: the run's memory does not grow with its area (GDAL_CACHE_MB)
        with (
            bounded_gdal_cache(),
            atomic_outputs({key: spec.path for key, spec in outputs.items()}) as temporaries,
        ):
            sinks = {}
            try:
                for key in outputs:
                    sinks[key] = _create(temporaries[key], outputs[key], grid, BLOCK_SIZE)
                pipeline = _Pipeline(sources, sinks, windows, stats, read_ahead, write_behind, read)
                steps = _Steps(kernel, outputs, progress, is_cancelled, label, collect)
                try:
                    pipeline.reader.start()
                    pipeline.writer.start()
                    if client is not None:
                        _compute_in_flight(
                            _cluster_submit(client, kernel), _cluster_slots(client), pipeline, steps
                        )
                    elif workers > 1:
                        _compute_on_threads(workers, pipeline, steps)
                    else:
                        _compute(pipeline, steps)
                    pipeline.drain()
                finally:
                    pipeline.tear_down()
            finally:
                sinks.clear()  # closes the GDAL datasets, so the temporaries are complete (or removable)
            if finish is not None:
                finish(temporaries)
    finally:
        if client is not None:
            client.close()
    stats.wall_s = time.perf_counter() - started
    return stats


def estimate_windows(
    sources,
    outputs,
    windows,
    read_ahead: int = 2,
    write_behind: int = 2,
    grid=None,
    dates: Optional[int] = None,
):
    """The :class:`.budget.SizeEstimate` of a windowed run: every source band read (in the file's data
    type), every output band written, and in memory the largest window's sources as float64 (as the
    kernels get them) ``read_ahead`` + 3 times (queued, being read, being computed, the kernel's own
    copy), the kernel's float64 results once and the outputs ``write_behind`` + 2 times (queued, being
    written, just cast)."""
    grid = grid or _grid_of(next(iter(sources.values())).path)
    pixels = grid.width * grid.height
    read_bands = sum(len(spec.bands) for spec in sources.values())
    read_bytes = 0
    for spec in sources.values():
        with rasterio.open(spec.path) as src:
            read_bytes += pixels * sum(np.dtype(src.dtypes[b - 1]).itemsize for b in spec.bands)
    written = sum(spec.count * np.dtype(spec.dtype).itemsize for spec in outputs.values())
    largest = max((int(w.width) * int(w.height) for w in windows), default=0)
    results = 8 * sum(spec.count for spec in outputs.values())
    memory = largest * ((read_ahead + 3) * 8 * read_bands + results + (write_behind + 2) * written)
    dates = dates or read_bands
    return SizeEstimate(
        grid.width,
        grid.height,
        max(1, read_bands // max(1, dates)),
        dates,
        read_bytes,
        pixels * written,
        memory,
    )


def connect_scheduler(address: str):
    """A ``dask.distributed`` client of the scheduler at ``address`` (never installed as the default
    client: a plugin must not change what other code's dask calls do); errors name DASK_SCHEDULER."""
    try:
        from distributed import Client
    except ImportError:
        raise missing_package(
            "DASK_SCHEDULER",
            "distributed",
            "DASK_SCHEDULER",
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0} needs the {1} package: install it with Raster ▸ Timestack ▸ Install Python packages…, "
                "or leave DASK_SCHEDULER empty"
            ),
        ) from None  # fmt: skip
    try:
        return Client(address, timeout="10s", set_as_default=False)
    except (OSError, ValueError, TypeError) as error:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "DASK_SCHEDULER: cannot reach {0!r} ({1}); start the scheduler or leave it empty"
            ),
            "DASK_SCHEDULER",
            args=(address, error),
        ) from None  # fmt: skip


def map_on_cluster(
    address: str,
    function: Callable,
    jobs: Sequence[tuple],
    *,
    progress: Optional[Callable[[int, int], None]] = None,
    is_cancelled: Optional[IsCancelled] = None,
) -> list:
    """``[function(*job) for job in jobs]`` on the ``dask.distributed`` cluster at ``address``.

    For work that is not a window of one grid (polygon chunks, scenes): a few jobs per worker thread
    are in flight at once (bounded memory), results come back in the jobs' order, ``progress(done,
    total)`` follows them and a cancel drops what is still out. A worker lost mid-run has its jobs run
    again elsewhere (dask's rescheduling), so ``function`` must give the same result wherever it runs.
    """
    client = connect_scheduler(address)
    in_flight: deque = deque()
    results: list = []
    try:
        slots = 2 * max(1, sum(client.nthreads().values()))

        def collect_oldest() -> None:
            results.append(in_flight.popleft().result())
            if progress is not None:
                progress(len(results), len(jobs))

        for job in jobs:
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("run cancelled")
            in_flight.append(client.submit(function, *job, pure=False))
            if len(in_flight) >= slots:
                collect_oldest()
        while in_flight:
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("run cancelled")
            collect_oldest()
    finally:
        for future in in_flight:
            future.cancel()
        client.close()
    return results


@dataclass(frozen=True)
class _Steps:
    """What every compute loop does with a window: run the kernel, check, collect, report."""

    kernel: Kernel
    outputs: Mapping[str, OutputSpec]
    progress: Optional[Progress]
    is_cancelled: Optional[IsCancelled]
    label: str
    collect: Optional[Collect]

    def check_cancel(self) -> None:
        if self.is_cancelled is not None and self.is_cancelled():
            raise Cancelled(f"{self.label or 'run'} cancelled")

    def finished(self, pipeline: _Pipeline, window: Window, results, done: int) -> None:
        """Hand a window's results to the writer and report progress (the caller's thread)."""
        if self.collect is not None:
            self.collect(window, results)
        pipeline.hand_over(window, _checked(results, self.outputs, window))
        if self.progress is not None:
            total = len(pipeline.windows)
            self.progress(
                100.0 * done / total,
                Message(QT_TRANSLATE_NOOP("TimestackCore", "{0}: window {1}/{2}"), self.label, done, total)
                if self.label
                else "",
            )


def _cluster_submit(client, kernel):
    return lambda window, arrays: client.submit(kernel, window, arrays, pure=False)


def _cluster_slots(client) -> int:
    return 2 * max(1, sum(client.nthreads().values()))


def _compute_on_threads(workers: int, pipeline: _Pipeline, steps: _Steps) -> None:
    """:func:`_compute_in_flight` on a local thread pool of ``workers`` threads."""
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="engine-kernel") as pool:
        try:

            def submit(window: Window, arrays):
                return pool.submit(steps.kernel, window, arrays)

            _compute_in_flight(submit, workers + 1, pipeline, steps)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _compute_in_flight(submit, slots: int, pipeline: _Pipeline, steps: _Steps) -> None:
    """:func:`_compute` with up to ``slots`` kernels running elsewhere (threads or a cluster): windows
    go out as they are read, results are written in window order as they come back; cancel is polled
    while waiting too, and drops what is still out."""
    total = len(pipeline.windows)
    in_flight: deque = deque()
    done = 0

    def collect_oldest() -> None:
        nonlocal done
        window, future = in_flight[0]
        start = time.perf_counter()
        while not future.done():
            steps.check_cancel()
            time.sleep(0.005)
        in_flight.popleft()
        results = future.result()
        pipeline.stats.kernel_s += time.perf_counter() - start
        done += 1
        steps.finished(pipeline, window, results, done)

    try:
        for _ in range(total):
            window, arrays = pipeline.next_input()
            steps.check_cancel()
            in_flight.append((window, submit(window, arrays)))
            if len(in_flight) >= slots:
                collect_oldest()
        while in_flight:
            steps.check_cancel()
            collect_oldest()
    finally:
        for _, future in in_flight:
            future.cancel()


def _compute(pipeline: _Pipeline, steps: _Steps) -> None:
    """The caller's thread: take a window, poll cancel, run the kernel, hand the results over."""
    for done in range(1, len(pipeline.windows) + 1):
        window, arrays = pipeline.next_input()
        steps.check_cancel()
        start = time.perf_counter()
        results = steps.kernel(window, arrays)
        pipeline.stats.kernel_s += time.perf_counter() - start
        steps.finished(pipeline, window, results, done)

"""Time the timescan kernels against numpy's NaN-functions on one stack, and a raster timescan end to end.

Run as ``python bench/bench_timescan.py`` (``make bench`` runs every bench script). The stack: 40 dates of
256×256 pixels with 20 % gaps; the metrics OST computes by default plus the median and p5/p95. Target
(issue 12): at least 5× numpy's nanmean/nanmin/nanmax/nanmedian/nanstd/nanpercentile on the same data,
each timed as the best of two runs. The raster run (a 1024×1024×40 float32 GeoTIFF through the shared
engine) reports its throughput, its share of time waiting on reads and writes, and the most windows it
held at once (memory bounded by chunk, whatever the area).
"""

import datetime as dt
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import rasterio
from rasterio.transform import from_origin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the source folder is the ``timestack`` package

from timestack.core.io.engine import EngineStats  # noqa: E402
from timestack.core.timescan.metrics import timescan  # noqa: E402
from timestack.core.timescan.raster import run_timescan_raster  # noqa: E402

DATES, SIDE, RASTER_SIDE = 40, 256, 1024
METRICS = ["avg", "min", "max", "median", "std", "cov", "p5", "p95"]
MIN_SPEEDUP = 5.0


def best_of_two(run) -> float:
    timings = []
    for _ in range(2):
        started = time.perf_counter()
        run()
        timings.append(time.perf_counter() - started)
    return min(timings)


def numpy_metrics(stack: np.ndarray) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mean = np.nanmean(stack, axis=0)
        np.nanmin(stack, axis=0)
        np.nanmax(stack, axis=0)
        np.nanmedian(stack, axis=0)
        std = np.nanstd(stack, axis=0)
        std / mean
        np.nanpercentile(stack, [5, 95], axis=0)


def main() -> int:
    rng = np.random.default_rng(12)
    stack = rng.normal(0.3, 0.1, (DATES, SIDE, SIDE))
    stack[rng.random(stack.shape) < 0.2] = np.nan
    dates = [dt.date(1990, 7, 1) + dt.timedelta(days=365 * i // 2) for i in range(DATES)]
    timescan(stack[:, :4, :4], dates, METRICS)  # compile (or load from the cache) first
    ours = best_of_two(lambda: timescan(stack, dates, METRICS))
    theirs = best_of_two(lambda: numpy_metrics(stack))
    speedup = theirs / ours
    pixels = SIDE * SIDE
    print(f"timescan kernels: {pixels / ours:,.0f} px/s ({ours:.2f} s); numpy nan-functions {theirs:.2f} s")
    verdict = "meets" if speedup >= MIN_SPEEDUP else "MISSES"
    print(f"  {speedup:.1f}× numpy: {verdict} the target of ≥ {MIN_SPEEDUP:.0f}×")

    with tempfile.TemporaryDirectory(prefix="timestack-bench-timescan-") as folder:
        path = Path(folder) / "stack.tif"
        profile = dict(
            driver="GTiff", width=RASTER_SIDE, height=RASTER_SIDE, count=DATES, dtype="float32",
            crs="EPSG:32633", transform=from_origin(500000, 5000000, 30, 30), nodata=np.nan,
            tiled=True, blockxsize=256, blockysize=256,
        )  # fmt: skip
        with rasterio.open(path, "w", **profile) as dst:
            for band, date in enumerate(dates, start=1):
                layer = rng.normal(0.3, 0.1, (RASTER_SIDE, RASTER_SIDE)).astype("float32")
                layer[rng.random(layer.shape) < 0.2] = np.nan
                dst.write(layer, band)
                dst.set_band_description(band, f"{date.isoformat()}_nbr")
        stats = EngineStats()
        started = time.perf_counter()
        run_timescan_raster(path, Path(folder) / "scan.tif", METRICS, stats=stats)
        elapsed = time.perf_counter() - started
    print(
        f"raster timescan {RASTER_SIDE}×{RASTER_SIDE}×{DATES}: {RASTER_SIDE**2 / elapsed:,.0f} px/s "
        f"({elapsed:.1f} s), I/O wait {stats.io_wait_share:.0%}, at most {stats.max_in_flight} windows "
        f"in memory (bound {stats.bound})"
    )
    return 0 if speedup >= MIN_SPEEDUP else 1


if __name__ == "__main__":
    sys.exit(main())

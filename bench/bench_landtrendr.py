"""Throughput of the LandTrendr engine: pixel-series per second on one core and on all cores.

Run as ``python bench/bench_landtrendr.py`` (``make bench``). Synthetic NBR-like 30-year series
(stable, a disturbance of random size and year, recovery, noise, 10 % missing years) are fitted
with GEE-default parameters (maxSegments 6). The baseline is the *same* algorithm run as plain
per-pixel Python (numba's JIT disabled in a subprocess) on a small subset, so the ratio isolates
what compilation and parallelism buy. For reference, compiled C++/Rust ports reach 100-128 k
pixels/s on one core of this kind of machine; the target is >= 150 k.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_PER_CORE = 150_000


def synthetic_nbr(n_pixels: int, n_years: int, seed: int = 42) -> np.ndarray:
    """NBR-like series (pixels x years): disturbance, recovery, noise and 10 % missing years."""
    rng = np.random.default_rng(seed)
    years = np.arange(n_years)
    values = rng.uniform(0.55, 0.85, (n_pixels, 1)) + rng.normal(0, 0.02, (n_pixels, n_years))
    onset = rng.integers(3, n_years - 3, (n_pixels, 1))
    depth = rng.uniform(0.0, 0.6, (n_pixels, 1))
    recovery = rng.uniform(0.0, 0.06, (n_pixels, 1))
    since = years[None, :] - onset
    values -= np.where(since >= 0, np.maximum(depth - recovery * since, 0.0), 0.0)
    values[rng.random(values.shape) < 0.10] = np.nan
    return values


def pixels_per_second(values: np.ndarray, years: np.ndarray, threads: int) -> float:
    import numba

    from plugin.core.landtrendr import LandTrendrParams, fit_series

    numba.set_num_threads(threads)
    start = time.perf_counter()
    fit_series(values, years, LandTrendrParams(), -1, "gee")
    return values.shape[0] / (time.perf_counter() - start)


def baseline_pixels_per_second(n_pixels: int, n_years: int) -> float:
    """Run this script in baseline mode in a subprocess with numba's JIT switched off."""
    env = dict(os.environ, NUMBA_DISABLE_JIT="1")
    command = [sys.executable, __file__, "--baseline", "--pixels", str(n_pixels), "--years", str(n_years)]
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    return float(json.loads(output.strip().splitlines()[-1])["pixels_per_second"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pixels", type=int, default=200_000)
    parser.add_argument("--years", type=int, default=30)
    parser.add_argument("--baseline-pixels", type=int, default=400)
    parser.add_argument("--baseline", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    years = np.arange(1990.0, 1990.0 + args.years)

    if args.baseline:
        values = synthetic_nbr(args.pixels, args.years)
        print(json.dumps({"pixels_per_second": pixels_per_second(values, years, 1)}))
        return

    import numba

    from plugin.core.landtrendr import warm_up

    start = time.perf_counter()
    warm_up()
    print(f"warm-up (compile or load cache): {time.perf_counter() - start:.1f} s")
    values = synthetic_nbr(args.pixels, args.years)
    cores = numba.config.NUMBA_NUM_THREADS
    one = max(pixels_per_second(values, years, 1) for _ in range(2))
    every = max(pixels_per_second(values, years, cores) for _ in range(2))
    base = baseline_pixels_per_second(args.baseline_pixels, args.years)
    print(f"{args.pixels} series of {args.years} years (maxSegments 6, GEE flavour)")
    print(f"  pure-Python baseline, 1 core ({args.baseline_pixels} series): {base:12,.0f} pixels/s")
    print(f"  numba, 1 core:                   {one:12,.0f} pixels/s  ({one / base:,.0f}x baseline)")
    print(
        f"  numba, {cores} cores:                  {every:12,.0f} pixels/s  "
        f"({every / base:,.0f}x baseline, {every / one:.2f}x one core)"
    )
    verdict = "meets" if one >= TARGET_PER_CORE else "MISSES"
    print(f"  one core {verdict} the target of {TARGET_PER_CORE:,} pixels/s")


if __name__ == "__main__":
    main()

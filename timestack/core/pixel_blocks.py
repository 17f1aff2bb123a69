"""How the parallel numba kernels (LandTrendr, timescan) share a window's pixels among threads.

The pixels are cut into a few contiguous blocks per thread and the threads take the blocks one at a time
instead of an equal share each: on a machine whose cores other work (the engine's reads and writes, other
programs) takes turns on, a thread that got less time no longer holds the whole window back while the
others wait. numba is imported on use, as the kernels are, not when QGIS registers the algorithms.
"""

from __future__ import annotations

from contextlib import contextmanager

__all__ = ["block_count", "blocks_on_demand"]


def block_count(n_pixels: int) -> int:
    """How many blocks ``n_pixels`` are cut into: eight per thread, at most one per pixel."""
    import numba

    return max(1, min(n_pixels, numba.get_num_threads() * 8))


@contextmanager
def blocks_on_demand():
    """Inside the ``with`` statement, a parallel kernel's threads take its blocks one at a time (numba's
    parallel chunk size 1); the chunk size from before is restored after."""
    import numba

    previous = numba.set_parallel_chunksize(1)
    try:
        yield
    finally:
        numba.set_parallel_chunksize(previous)

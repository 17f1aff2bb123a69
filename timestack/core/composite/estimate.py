"""How big a composite or per-date stack will be, from the grid and the scenes alone, so an oversized run
is refused first: the shared :class:`..io.budget.SizeEstimate` (one limit, MAX_GB, and one memory check
for every raster algorithm), counted here from the scenes' footprints on the grid, with advice in the
composite's own parameters."""

from __future__ import annotations

from collections import Counter
from typing import Sequence

import numpy as np

from ..io.budget import SizeEstimate
from ..io.grid import TargetGrid
from ..quality.tdom import halo_pixels
from ..runtime import QT_TRANSLATE_NOOP, Message

__all__ = ["SCENE_ITEM_SIZE", "SCENES_ADVICE", "SCENES_MEMORY_ADVICE", "scene_estimate", "size_estimate"]

#: Bytes of a scene's value as stored: Landsat and Sentinel-2 reflectance and quality bands are 16-bit.
SCENE_ITEM_SIZE = 2
#: What to change when a composite or per-date stack is over MAX_GB.
SCENES_ADVICE = Message(
    QT_TRANSLATE_NOOP(
        "TimestackCore",
        "Choose a coarser RESOLUTION (in the target CRS's units), a smaller EXTENT or AOI, fewer years or "
        "scenes, or fewer BANDS and INDICES"
    )
)  # fmt: skip
#: What to change when it needs more memory than available.
SCENES_MEMORY_ADVICE = Message(
    QT_TRANSLATE_NOOP("TimestackCore", "Choose a smaller CHUNK_SIZE, or close other programs")
)  # fmt: skip


def scene_estimate(
    grid: TargetGrid, scenes: Sequence, read_bands: Sequence[str], output_bytes: int, memory_bytes: int
) -> SizeEstimate:
    """The :class:`..io.budget.SizeEstimate` of reading ``read_bands`` and the quality band of every
    scene where its footprint (in the grid's CRS) covers ``grid``: grid pixels x bands x scenes."""
    bands = len(read_bands) + 1
    covered = sum(_covered_pixels(grid, scene.footprint) for scene in scenes)
    return SizeEstimate(
        grid.width, grid.height, bands, len(scenes), covered * bands * SCENE_ITEM_SIZE, output_bytes,
        memory_bytes, SCENES_ADVICE, SCENES_MEMORY_ADVICE,
    )  # fmt: skip


def _covered_pixels(grid: TargetGrid, footprint: tuple[float, float, float, float]) -> int:
    left, bottom, right, top = grid.bounds
    columns = (min(right, footprint[2]) - max(left, footprint[0])) / grid.resolution
    rows = (min(top, footprint[3]) - max(bottom, footprint[1])) / grid.resolution
    return min(grid.width, max(0, int(np.ceil(columns)))) * min(grid.height, max(0, int(np.ceil(rows))))


def size_estimate(settings, grid: TargetGrid, scenes, read_bands, variables) -> SizeEstimate:
    """The size of compositing ``scenes`` onto ``grid``; pure arithmetic, no reads.

    Written: years x variables bands (plus the observation raster of medoid and max-NDVI), before
    compression; memory: per unit in flight, its year's scenes x read bands x chunk with halo x float32,
    plus its result.
    """
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
    return scene_estimate(grid, scenes, read_bands, output, memory)

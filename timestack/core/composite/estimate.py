"""How big a run will be, from the grid and the scenes alone, so an oversized one is refused first."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

import numpy as np

from ..quality.tdom import halo_pixels
from ..runtime import QT_TRANSLATE_NOOP, TimestackError

__all__ = ["SizeEstimate", "gigabytes", "size_estimate"]


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
            f"{self.variables} variables) from {self.dates} scenes: {gigabytes(self.output_bytes)} of "
            f"output, {gigabytes(self.memory_bytes)} of working memory"
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


def gigabytes(count: int) -> str:
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

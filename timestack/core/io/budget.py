"""How big a raster run is, known before a pixel is read; a run too big is refused with its size.

Every raster algorithm counts pixels x bands x dates from the grid and the band list (pure arithmetic,
headers at most), and what that means in bytes: read, written and held in memory at once. A run that
would read or write more than the user's limit (``MAX_GB``), or hold more working memory than the
computer has available, is refused before any output exists, with the estimate and what to change;
the dock asks instead (it reruns without the limit when the user agrees). The same check serves
the windowed engine (:func:`.engine.run_windows`), per-scene polygon statistics and the cube exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..runtime import QT_TRANSLATE_NOOP, Message, TimestackError

__all__ = [
    "DEFAULT_MAX_GB",
    "FEWER_AT_ONCE",
    "MAX_GB",
    "SMALLER_RUN",
    "SizeEstimate",
    "available_memory",
    "gigabytes",
]

#: The parameter that sets the limit, named by every refusal.
MAX_GB = "MAX_GB"
#: Default limit of a run's reads or writes (GB): a 40-year float32 stack of 5,000 x 5,000 pixels (an
#: ARD tile) reads 4 GB; a resolution typed in the wrong units reads thousands.
DEFAULT_MAX_GB = 50.0
#: What to change when a run is over MAX_GB, unless its algorithm knows better (``SizeEstimate.advice``).
SMALLER_RUN = Message(
    QT_TRANSLATE_NOOP("TimestackCore", "Choose a smaller area, fewer dates or bands, or a coarser resolution")
)  # fmt: skip
#: What to change when a run needs more memory than available (``SizeEstimate.memory_advice``).
FEWER_AT_ONCE = Message(
    QT_TRANSLATE_NOOP(
        "TimestackCore",
        "Process a smaller area or fewer dates at a time (TILE_SIZE where offered), or close other programs"
    )
)  # fmt: skip


def gigabytes(count: float) -> str:
    return f"{count / 1e9:.3g} GB"


def available_memory() -> Optional[int]:
    """Bytes of memory this computer can give a run now (``MemAvailable``, or psutil's); None if unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        import psutil
    except ImportError:
        return None
    return int(psutil.virtual_memory().available)


@dataclass(frozen=True)
class SizeEstimate:
    """A run's size: ``width`` x ``height`` pixels x ``bands`` per date x ``dates``, and its bytes.

    ``read_bytes`` is what the run reads (uncompressed), ``output_bytes`` what it writes (uncompressed),
    ``memory_bytes`` what it holds at once (windows or scenes in flight, with their results).
    ``advice`` and ``memory_advice`` say what to change when it is refused, in the algorithm's own
    parameters where it knows them better than the general advice.
    """

    width: int
    height: int
    bands: int
    dates: int
    read_bytes: int
    output_bytes: int
    memory_bytes: int
    advice: Message = SMALLER_RUN
    memory_advice: Message = FEWER_AT_ONCE

    @property
    def values(self) -> int:
        """Pixels x bands x dates: the values read."""
        return self.width * self.height * self.bands * self.dates

    def describe(self) -> Message:
        template = QT_TRANSLATE_NOOP(
            "TimestackCore",
            "Size estimate: {0} x {1} pixels x {2} bands x {3} dates: {4} to read, {5} to write, {6} of "
            "working memory"
        )  # fmt: skip
        return Message(
            template, self.width, self.height, self.bands, self.dates, gigabytes(self.read_bytes),
            gigabytes(self.output_bytes), gigabytes(self.memory_bytes),
        )  # fmt: skip

    def check(self, max_gb: Optional[float], memory: Optional[int] = None) -> None:
        """Refuse the run (naming MAX_GB) when it reads or writes more than ``max_gb`` (None or 0: no
        limit), or needs more working memory than ``memory`` bytes (default: what is available now)."""
        memory = available_memory() if memory is None else memory
        if memory is not None and self.memory_bytes > memory:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0}, more memory than this computer has available ({1}). {2}"
                ),
                MAX_GB,
                args=(self.describe(), gigabytes(memory), self.memory_advice),
            )  # fmt: skip
        if not max_gb:
            return
        if max(self.read_bytes, self.output_bytes) > max_gb * 1e9:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0}, more than the limit of MAX_GB={1:g} GB. {2}; or, if this size is intended, raise "
                    "MAX_GB (0: no limit)"
                ),
                MAX_GB,
                args=(self.describe(), max_gb, self.advice),
            )  # fmt: skip

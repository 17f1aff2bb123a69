"""Time a fresh build of the sample archive (full variant) against its 60-second target.

Run as ``python bench/bench_sample_archive.py`` (``make bench`` runs every bench script). Builds into a
temporary folder, so the cached archives under ``build/sample`` are left alone.
"""

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the source folder is the ``timestack`` package

from timestack.core.sample_archive import build_sample_archive  # noqa: E402

TARGETS_S = {"full": 60.0, "small": 10.0}


def main() -> int:
    """Build each variant once and report seconds against its target; exit 1 if a target is missed."""
    missed = 0
    with tempfile.TemporaryDirectory(prefix="timestack-bench-") as tmp:
        for variant, target in TARGETS_S.items():
            start = time.perf_counter()
            archive = build_sample_archive(Path(tmp) / variant, variant)
            seconds = time.perf_counter() - start
            scenes = len(archive.load_items())
            verdict = "ok" if seconds <= target else "TOO SLOW"
            print(f"sample archive {variant:5s}: {scenes:3d} scenes in {seconds:6.1f} s", end=" ")
            print(f"(target {target:.0f} s) {verdict}")
            missed += seconds > target
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Session fixtures shared by core tests: the synthetic sample archive, built once and cached.

``ensure_sample_archive`` returns at once when ``build/sample/<variant>`` already holds an archive of the
current recipe and generator version, so only the first session after a change pays for the build
(small: a few seconds, full: well under a minute).
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def sample_small():
    """The small sample archive (64x64 px, 2000-2014): TM, ETM+ (with SLC-off gaps) and OLI scenes."""
    from timestack.core.sample_archive import ensure_sample_archive

    return ensure_sample_archive(ROOT / "build" / "sample" / "small", "small")


@pytest.fixture(scope="session")
def sample_full():
    """The full sample archive (400x400 px, 1986-2024), for accuracy tests that need the whole landscape."""
    from timestack.core.sample_archive import ensure_sample_archive

    return ensure_sample_archive(ROOT / "build" / "sample" / "full", "full")

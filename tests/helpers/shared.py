"""The shared reference data folder (``shared/``, beside the project clone), resolved in one place.

``shared/`` holds the recorded STAC items and the LandTrendr reference outputs (see its
``fixtures/README.md``). It sits beside the clone (``<root>/../shared``: CI and developer machines,
where it is /work/shared); ``TIMESTACK_SHARED`` names another place, and /work/shared is the last
resort. Without it the tests that need it cannot say anything, so importing this module fails with
the places it looked rather than letting them skip.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["LANDTRENDR_FIXTURES", "ROOT", "SHARED", "STAC_FIXTURES", "shared_folder"]

#: The project root (the clone holding ``timestack/`` and ``tests/``).
ROOT = Path(__file__).resolve().parents[2]


def shared_folder() -> Path:
    """The first of ``<root>/../shared``, ``$TIMESTACK_SHARED``, /work/shared that holds ``fixtures/``.

    Raises
    ------
    FileNotFoundError
        When none does; the message lists every place looked at.
    """
    candidates = [ROOT.parent / "shared"]
    if os.environ.get("TIMESTACK_SHARED"):
        candidates.append(Path(os.environ["TIMESTACK_SHARED"]))
    candidates.append(Path("/work/shared"))
    for candidate in candidates:
        if (candidate / "fixtures").is_dir():
            return candidate
    looked = ", ".join(str(candidate) for candidate in candidates)
    raise FileNotFoundError(
        f"the shared reference data folder (shared/ with fixtures/) was not found; looked in: {looked}. "
        "Put it beside the project clone or set TIMESTACK_SHARED to its path."
    )


SHARED = shared_folder()
#: Recorded STAC collections and items (Planetary Computer, Earth Search).
STAC_FIXTURES = SHARED / "fixtures" / "stac"
#: LandTrendr reference outputs (IDL program, Earth Engine, the LT-GEE guide's vectors).
LANDTRENDR_FIXTURES = SHARED / "fixtures" / "landtrendr"

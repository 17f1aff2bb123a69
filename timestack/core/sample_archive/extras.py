"""The sample archive's optional companions, written beside the Landsat archive in its folder.

Each is a sample of its own, in a sub-folder of the archive's folder, catalogued as valid STAC, and built
over the small landscape (whose area lies inside the full one's) whatever the archive's variant, so it
stays a few megabytes: Sentinel-1 RTC (:mod:`.sentinel1`, ``sentinel-1-rtc/``), ASTER L1T
(:mod:`..aster.sample`, ``aster/``) and HyP3 RTC + InSAR products (:mod:`..hyp3.sample`, ``hyp3/``). The
Landsat archive's own files, stamp and digest do not depend on them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

from ..runtime import QT_TRANSLATE_NOOP, IsCancelled, Message, Progress, TimestackError

__all__ = ["EXTRAS", "EXTRA_FOLDERS", "EXTRA_VARIANT", "check_extras", "ensure_extras"]

#: The companions, in the order they are offered.
EXTRAS = ("sentinel1", "aster", "hyp3")
#: Their sub-folders of the archive folder.
EXTRA_FOLDERS = {"sentinel1": "sentinel-1-rtc", "aster": "aster", "hyp3": "hyp3"}
EXTRA_VARIANT = "small"
#: The stamp file each companion writes in its folder: a folder without it is not ours to replace.
EXTRA_STAMPS = {
    "sentinel1": "sentinel1_sample.json",
    "aster": "aster_sample.json",
    "hyp3": "hyp3_sample.json",
}


def check_extras(archive_root: str | os.PathLike, extras) -> None:
    """Refuse (OUTPUT_FOLDER) when a companion's sub-folder holds something that is not that companion,
    before anything is written."""
    root = Path(archive_root).resolve()
    for name in extras:
        folder = root / EXTRA_FOLDERS[name]
        if not os.path.lexists(folder):
            continue
        ours = folder.is_dir() and not folder.is_symlink() and (folder / EXTRA_STAMPS[name]).is_file()
        if not ours and not (folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir())):
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "OUTPUT_FOLDER: {0} is not a sample Timestack wrote; move it away or choose another "
                    "folder for the archive and its companions."
                ),
                "OUTPUT_FOLDER",
                args=(folder,),
            )  # fmt: skip


def _current_aster(folder: Path):
    """The ASTER sample in ``folder`` when it is the small one written there, else None."""
    from ..aster.sample import AsterSample

    try:
        stamp = json.loads((folder / EXTRA_STAMPS["aster"]).read_text(encoding="utf-8"))
        items = json.loads((folder / "items.json").read_text(encoding="utf-8"))["features"]
        hrefs = [asset["href"] for item in items for asset in item["assets"].values()]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if (
        stamp.get("variant") != EXTRA_VARIANT
        or not hrefs
        or not all(href.startswith(str(folder) + os.sep) for href in hrefs)
    ):
        return None
    return AsterSample(folder, folder / "items.json", tuple(stamp.get("scenes", ())), folder / "truth")


def ensure_extras(
    archive_root: str | os.PathLike,
    extras,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
) -> dict[str, Path]:
    """Build (or reuse) each of ``extras`` (names of :data:`EXTRAS`) in its sub-folder of ``archive_root``;
    returns name -> its STAC ItemCollection JSON."""
    from ..aster.sample import build_aster_sample
    from ..hyp3.sample import ensure_hyp3_sample
    from .sentinel1 import ensure_sentinel1_sample

    report = progress or (lambda _percent, _message: None)
    root = Path(archive_root).resolve()
    check_extras(root, extras)
    built = {}
    for number, name in enumerate(extras):
        folder = root / EXTRA_FOLDERS[name]
        report(
            100.0 * number / len(extras),
            Message(QT_TRANSLATE_NOOP("TimestackCore", "writing the {0} sample in {1}"), name, folder),
        )
        if name == "sentinel1":
            built[name] = ensure_sentinel1_sample(
                folder, EXTRA_VARIANT, is_cancelled=is_cancelled
            ).item_collection
        elif name == "aster":
            aster = _current_aster(folder) or build_aster_sample(
                folder, EXTRA_VARIANT, is_cancelled=is_cancelled
            )
            built[name] = aster.item_collection
        else:
            built[name] = ensure_hyp3_sample(folder, EXTRA_VARIANT, is_cancelled=is_cancelled).item_collection
    report(100.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "sample companions ready in {0}"), root))
    return built

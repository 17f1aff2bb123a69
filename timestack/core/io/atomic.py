"""Outputs that appear whole or not at all: every file the plugin writes goes through here.

A run that fails, is cancelled or is killed must not leave a half-written file under the name the
user chose (QGIS would load it, a model would read it, a re-run would trust it). So each output is
written under a hidden temporary name in its own folder — same file system, so the final rename is
atomic — and renamed over the target only once everything has been written and closed. The temporary
keeps the target's suffix, so GDAL picks the same driver for it.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, TextIO, TypeVar

__all__ = ["atomic_output", "atomic_outputs", "remove_temporary", "temporary_beside", "write_text_atomically"]

Key = TypeVar("Key")


def temporary_beside(target: str | os.PathLike) -> Path:
    """A fresh hidden file name in ``target``'s folder with ``target``'s suffix (the file is created).

    Beside the target, so the final rename stays on one file system and is atomic; with its suffix, so
    GDAL picks the same driver.

    Parameters
    ----------
    target
        The output the temporary stands in for; its folder is created.

    Returns
    -------
    pathlib.Path
        The temporary file, empty, with the mode a new file of the user's gets.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=f".partial{target.suffix}", dir=target.parent
    )
    try:
        # mkstemp makes the file private (0600); the output must get the mode any new file of the
        # user's gets, or a CSV shared with colleagues would be unreadable to them.
        os.chmod(handle if os.chmod in os.supports_fd else name, 0o666 & ~_umask())
    finally:
        os.close(handle)
    return Path(name)


def _umask() -> int:
    """The process's umask (reading it means setting it, so it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remove_temporary(path: Path) -> None:
    """Delete a temporary output and the sidecar GDAL may have written beside it.

    Parameters
    ----------
    path
        A temporary from :func:`temporary_beside` (gone already is fine).
    """
    for leftover in (path, path.with_name(path.name + ".aux.xml")):
        leftover.unlink(missing_ok=True)


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and its missing parents that do not exist yet, outermost first."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing[::-1]


@contextmanager
def atomic_outputs(targets: Mapping[Key, str | os.PathLike]) -> Iterator[dict[Key, Path]]:
    """Yield a temporary path per target; rename them all into place when the block ends normally.

    The caller writes and *closes* every temporary inside the block. Any exception (a cancel
    included) removes them all, and the folders this call created for them, and leaves the targets
    as they were. A target that is a folder is refused (IsADirectoryError) before any is renamed, and
    no temporary outlives a rename that fails.

    Parameters
    ----------
    targets
        Key -> final path of each output; their folders are created.

    Yields
    ------
    dict
        Key -> hidden temporary path beside the target, with the target's suffix.
    """
    temporaries, created = {}, []
    try:
        for key, target in targets.items():
            created += _missing_folders(Path(target).parent)
            temporaries[key] = temporary_beside(target)
        yield temporaries
    except BaseException:
        for temporary in temporaries.values():
            remove_temporary(temporary)
        for folder in reversed(created):  # deepest first; one another run filled stays
            try:
                folder.rmdir()
            except OSError:
                pass
        raise
    try:
        for target in targets.values():  # a folder cannot be replaced: say so before any rename
            if Path(target).is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
        for key, temporary in temporaries.items():
            os.replace(temporary, targets[key])
            sidecar = temporary.with_name(temporary.name + ".aux.xml")
            if sidecar.exists():
                os.replace(sidecar, Path(targets[key]).with_name(Path(targets[key]).name + ".aux.xml"))
    except BaseException:
        for temporary in temporaries.values():  # those renamed already are gone from here
            remove_temporary(temporary)
        raise


@contextmanager
def atomic_output(target: str | os.PathLike) -> Iterator[Path]:
    """:func:`atomic_outputs` for one file.

    Parameters
    ----------
    target
        The output's final path.

    Yields
    ------
    pathlib.Path
        The temporary to write and close inside the block.
    """
    with atomic_outputs({0: target}) as temporaries:
        yield temporaries[0]


def write_text_atomically(target: str | os.PathLike, write: Callable[[TextIO], object]) -> Path:
    """Call ``write(stream)`` on a temporary text file (UTF-8, newlines as written) and rename it.

    Parameters
    ----------
    target
        The file to write or replace.
    write
        Writes the whole content to the open text stream.

    Returns
    -------
    Path
        ``target``.
    """
    with atomic_output(target) as temporary:
        with open(temporary, "w", encoding="utf-8", newline="") as stream:
            write(stream)
    return Path(target)

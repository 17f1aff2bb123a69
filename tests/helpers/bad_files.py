"""Files a careless user points an algorithm at, and one qgis_process run of a bad-input case.

The bad-input modules of LandTrendr, change maps, timescans, resampling and mosaics share them: an
empty file, a truncated copy of a good raster, a text file, stacks without dated band descriptions
or with one band, a folder nobody may write to (root included) and a path below a regular file.
"""

from __future__ import annotations

import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from tests.helpers.bad_input import Case, snapshot
from tests.helpers.rasters import write_stack

__all__ = ["bad_files", "read_only", "run_case"]


@contextmanager
def read_only(folder: Path):
    """``folder`` unwritable for as long as the block lasts.

    Tests run as root in containers, and root ignores permission bits; the immutable attribute
    (``chattr +i``) binds root too. Without it (another file system, no capability) the test cannot
    tell a refused write from a permitted one, so it is skipped rather than passed.
    """
    import pytest

    folder.chmod(0o555)
    immutable = shutil.which("chattr") is not None and (
        subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
    )
    try:
        probe = folder / ".probe"
        try:
            probe.touch()
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("cannot make a folder read-only here (root without chattr)")
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def bad_files(root: Path, good: Path) -> dict[str, Path]:
    """Write the bad inputs into ``root`` beside the good raster ``good``; name -> path.

    ``readonly`` is a folder holding a copy of ``good`` (read-only only inside :func:`read_only`),
    ``under_file`` a path whose parent is a regular file.
    """
    data = np.full((1, 4, 4), 0.5, dtype="float32")
    files = {
        "missing": root / "missing.tif",
        "empty": root / "empty.tif",
        "truncated": root / "truncated.tif",
        "text": root / "notes.txt",
        "text_tif": root / "notes.tif",
        "undated": write_stack(root / "undated.tif", np.repeat(data, 3, axis=0), [None, None, None]),
        "single": write_stack(root / "single.tif", data, ["2000_nbr"]),
        "readonly": root / "readonly",
        "under_file": root / "notes.txt" / "out.tif",
        "folder": root / "a_folder",
    }
    files["empty"].write_bytes(b"")
    content = good.read_bytes()
    files["truncated"].write_bytes(content[: len(content) // 2])
    files["text"].write_text("field notes: plots 3 and 7 burnt in 2011\n")
    files["text_tif"].write_text("not a raster\n")
    files["readonly"].mkdir()
    shutil.copy(good, files["readonly"] / good.name)
    files["folder"].mkdir()
    return files


def run_case(qgis_process, algorithm: str, case: Case, place: dict, root: Path) -> str:
    """Run ``case`` through qgis_process and check it was refused, by name, with nothing changed.

    The fragment is looked for in stderr, where qgis_process writes errors; stdout lists the inputs,
    so a parameter's name is always there. Returns what qgis_process said (stdout and stderr).
    """
    before = snapshot(root)
    arguments = [f"{name}={str(value).format(**place)}" for name, value in case.params.items()]
    done = qgis_process("run", algorithm, "--", *arguments, json_output=False, check=False)
    said = done.stdout + done.stderr
    assert done.returncode != 0, said[-3000:]
    assert case.fragment in done.stderr, said[-3000:]  # stdout echoes every parameter name given
    assert "Traceback" not in said and "Incorrect parameter value" not in said, said[-3000:]
    assert snapshot(root) == before
    return said

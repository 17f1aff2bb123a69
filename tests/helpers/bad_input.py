"""Table-driven bad-input runs through ``qgis_process``: a case, a snapshot of folders, and the checks.

Every ``tests/e2e/test_bad_input_<algorithm>.py`` states its cases as :class:`Case` rows and runs each
with :func:`run_case`, which asserts what issue 15 asks of every bad input: a message naming the
parameter, no Python traceback, no crash, and the inputs and the output folder byte-for-byte as they
were (a case that must succeed with a warning may only add files to the output folder).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Case", "arguments", "read_only", "run_case", "snapshot"]


@dataclass(frozen=True)
class Case:
    """One bad input: ``params`` are ``NAME=value`` arguments (``{placeholders}`` name the module's
    files), ``fragment`` the text the message must contain (it names the parameter; placeholders too). With
    ``succeeds`` the run must end well and ``fragment`` be among its warnings."""

    id: str
    params: tuple
    fragment: str
    succeeds: bool = False


def arguments(base: dict, **changes) -> tuple:
    """``NAME=value`` arguments of ``base`` with ``changes`` applied (a change to None drops the name)."""
    merged = {**base, **changes}
    return tuple(f"{name}={value}" for name, value in merged.items() if value is not None)


def snapshot(folder: str | os.PathLike) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``folder`` ("dir" for a folder, the target for a
    link); the ``.aux.xml`` sidecars QGIS writes beside rasters it opens are left out."""
    root = Path(folder)
    found = {}
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        if path.name.endswith(".aux.xml"):
            continue
        if path.is_symlink():
            found[name] = "link " + os.readlink(path)
        elif path.is_dir():
            found[name] = "dir"
        else:
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """``folder`` unwritable for the block: mode 555, and immutable when the tests run as root."""
    mode = folder.stat().st_mode
    folder.chmod(0o555)
    immutable = os.geteuid() == 0
    if immutable:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
    try:
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(mode)


def run_case(
    qgis_process, algorithm: str, case: Case, paths: dict, inputs: Iterable, outputs: Iterable
) -> str:
    """Run ``case`` and assert the contract; returns what qgis_process printed.

    ``inputs`` are folders that must stay unchanged whatever happens; ``outputs`` folders that must stay
    unchanged when the run fails, and keep every file they had when it succeeds.
    """
    inputs, outputs = [Path(p) for p in inputs], [Path(p) for p in outputs]
    before = {folder: snapshot(folder) for folder in inputs + outputs}
    arguments = [parameter.format(**paths) for parameter in case.params]
    done = qgis_process("run", algorithm, "--", *arguments, json_output=False, check=False)
    said = done.stdout + done.stderr
    assert "Traceback" not in said, said[-3000:]
    assert done.returncode == (0 if case.succeeds else 1), f"exit {done.returncode}:\n{said[-3000:]}"
    assert case.fragment.format(**paths) in said, said[-3000:]
    for folder in inputs:
        assert snapshot(folder) == before[folder], f"{folder} changed"
    for folder in outputs:
        after = snapshot(folder)
        if case.succeeds:
            assert {name: after.get(name) for name in before[folder]} == before[folder], f"{folder} changed"
        else:
            assert after == before[folder], f"{folder} changed"
    return said

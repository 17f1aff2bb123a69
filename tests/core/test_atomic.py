"""Atomic outputs get the mode any new file of the user's gets, not the temporary file's private 0600."""

from __future__ import annotations

import os
import stat

import pytest

from timestack.core.io.atomic import atomic_output, write_text_atomically


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_outputs_follow_the_umask(tmp_path, umask):
    previous = os.umask(umask)
    try:
        text = write_text_atomically(tmp_path / "table.csv", lambda stream: stream.write("id\n1\n"))
        with atomic_output(tmp_path / "raster.bin") as temporary:
            temporary.write_bytes(b"\0")
    finally:
        os.umask(previous)
    for path in (text, tmp_path / "raster.bin"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask

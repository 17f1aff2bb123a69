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


def test_a_folder_at_an_outputs_name_is_refused_before_any_output_is_renamed(tmp_path):
    """A folder named like one of the outputs made the rename fail half-way: the outputs before it were
    in place, its hidden temporary stayed behind."""
    from timestack.core.io.atomic import atomic_outputs

    (tmp_path / "b.tif").mkdir()
    (tmp_path / "b.tif" / "notes.txt").write_text("mine")
    (tmp_path / "a.tif").write_bytes(b"old")
    with pytest.raises(IsADirectoryError) as raised:
        with atomic_outputs({"a": tmp_path / "a.tif", "b": tmp_path / "b.tif"}) as temporaries:
            for temporary in temporaries.values():
                temporary.write_bytes(b"new")
    assert raised.value.filename == str(tmp_path / "b.tif")
    assert (tmp_path / "a.tif").read_bytes() == b"old"
    assert (tmp_path / "b.tif" / "notes.txt").read_text() == "mine"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.tif", "b.tif"]

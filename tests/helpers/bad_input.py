"""Table-driven bad-input runs through ``qgis_process``: a case, the files a careless user points an
algorithm at, a snapshot of folders, and the checks.

Every ``tests/e2e/test_bad_input_<algorithm>.py`` states its cases as :class:`Case` rows and runs each
with :func:`run_case`, which asserts what issue 15 asks of every bad input: a message naming the
parameter and what to do, no Python traceback, no crash, and the inputs and the output folder
byte-for-byte as they were (a case that must succeed with a warning may only add files).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from tests.helpers.rasters import write_stack
from tests.helpers.scenes import write_items

__all__ = [
    "Case",
    "arguments",
    "bad_files",
    "broken_item_collections",
    "clear_scene_catalog",
    "edited_items",
    "item_collection_cases",
    "read_only",
    "run_case",
    "snapshot",
    "stack_file_cases",
    "user_folders",
]


@dataclass(frozen=True)
class Case:
    """One bad input: ``params`` maps Processing names to values (``{placeholders}`` name the module's
    files; a list gives the parameter once per value), ``fragment`` is text the message must contain
    (placeholders too). A refused run's message is looked for in what ``qgis_process`` writes to
    stderr only: stdout echoes every parameter given, so a bare parameter name would always be found
    there. With ``succeeds`` the run must end well and
    ``fragment`` be among its warnings (stdout or stderr)."""

    id: str
    params: dict = field(default_factory=dict)
    fragment: str = ""
    succeeds: bool = False


def arguments(base: dict, **changes) -> dict:
    """``base`` with ``changes`` applied; a change to None drops the parameter."""
    merged = {**base, **changes}
    return {name: value for name, value in merged.items() if value is not None}


def snapshot(folder: str | os.PathLike) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``folder`` ("dir" for a folder, the target for a
    link); the ``.aux.xml`` sidecars QGIS writes beside rasters it opens are left out: they are QGIS's,
    not the algorithm's."""
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
    """``folder`` unwritable for as long as the block lasts.

    Tests run as root in containers, and root ignores permission bits; the immutable attribute
    (``chattr +i``) binds root too. Where it cannot be set (another file system, no capability) the
    test cannot tell a refused write from a permitted one, so it is skipped rather than passed.
    """
    import pytest

    mode = folder.stat().st_mode
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
        folder.chmod(mode)


def bad_files(root: Path, good: Path) -> dict[str, Path]:
    """Write the rasters nobody should feed an algorithm into ``root``, beside the good raster ``good``;
    name -> path: a missing file, an empty one, a truncated copy of ``good``, a text file (also one named
    ``.tif``), stacks without dated band descriptions or with one band, a folder (``readonly``, holding
    a copy of ``good``, unwritable only inside :func:`read_only`), a path below a regular file."""
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


def stack_file_cases(case: Callable[..., Case], output_name: str) -> list[Case]:
    """The rows every algorithm shares that reads a stack file in INPUT (processing/stack_files names
    it) and writes one file in OUTPUT: INPUT one of :func:`bad_files` or empty, OUTPUT the input itself,
    in the read-only folder, below a text file, or empty.

    ``case(name, fragment, **changes)`` builds a row of the module's own table (its good run with
    ``changes``); ``output_name`` is the file name its OUTPUT would have.
    """
    return [
        case("input-missing", "INPUT: {missing} does not exist", INPUT="{missing}"),
        case("input-empty-file", "INPUT: {empty} is empty (0 bytes)", INPUT="{empty}"),
        case("input-truncated", "INPUT: cannot use {truncated}: Read or write failed", INPUT="{truncated}"),
        case("input-text-file", "INPUT: {text} is not a raster GDAL can read", INPUT="{text}"),
        case("input-text-named-tif", "INPUT: {text_tif} is not a raster GDAL can read", INPUT="{text_tif}"),
        case("input-a-folder", "INPUT: {folder} is a folder; choose the stack file in it", INPUT="{folder}"),
        case("input-empty-value", "INPUT is empty; it needs a value", INPUT=""),
        case("output-is-input", "OUTPUT is the file INPUT also reads", OUTPUT="{stack}"),
        case(
            "output-in-read-only-folder",
            "OUTPUT: cannot write in {readonly}",
            OUTPUT=f"{{readonly}}/{output_name}",
        ),
        case(
            "output-below-a-file", "OUTPUT: {text} is a file, not a folder", OUTPUT=f"{{text}}/{output_name}"
        ),
        case("no-output", "OUTPUT is empty; it needs a value", OUTPUT=""),
    ]


def edited_items(path: Path, items: list, change: Callable[[dict], object]) -> Path:
    """``items`` written to ``path`` as an ItemCollection after ``change(item)`` edited a copy of each."""
    copies = json.loads(json.dumps(items))
    for item in copies:
        change(item)
    return write_items(path, copies)


def broken_item_collections(catalog: Path, items: list) -> None:
    """Write ``items`` to ``catalog``/items.json and beside it the ItemCollections nobody should give an
    algorithm's ITEMS: ``empty.json`` (0 bytes), ``truncated.json`` (half of items.json), ``settings.json``
    (JSON but not STAC), ``no_items.json`` (no feature), ``folder.json`` (a folder), ``sub/escape.json``
    (hrefs ``../../`` out of the catalog's folder) and ``passwd.json`` (every href ``file:///etc/passwd``).
    """
    write_items(catalog / "items.json", items)
    (catalog / "empty.json").write_bytes(b"")
    text = (catalog / "items.json").read_text()
    (catalog / "truncated.json").write_text(text[: len(text) // 2])
    (catalog / "settings.json").write_text(json.dumps({"name": "a settings file", "version": 3}))
    write_items(catalog / "no_items.json", [])
    (catalog / "folder.json").mkdir()
    (catalog / "sub").mkdir()
    edited_items(
        catalog / "sub" / "escape.json",
        items,
        lambda item: [a.update(href="../../" + Path(a["href"]).name) for a in item["assets"].values()],
    )
    edited_items(
        catalog / "passwd.json",
        items,
        lambda item: [a.update(href="file:///etc/passwd") for a in item["assets"].values()],
    )


def item_collection_cases(
    case: Callable[..., Case], escape: str = "leads outside the catalog's folder"
) -> list[Case]:
    """The rows every algorithm shares that reads a STAC ItemCollection in ITEMS from a catalog folder
    ``{in}`` that :func:`broken_item_collections` filled (and a text file ``{in}/notes.txt``): ITEMS
    missing, a folder, empty, truncated, not STAC, without items, with hrefs leaving the catalog; an
    ALLOWED_ROOTS that is not a folder.

    ``case(name, fragment, **changes)`` builds a row of the module's own table; ``escape`` is what the
    message about ``sub/escape.json`` must say (a table may name the href too).
    """
    return [
        case("items-missing", "{in}/missing.json is not a file", ITEMS="{in}/missing.json"),
        case("items-a-folder", "{in}/folder.json is not a file", ITEMS="{in}/folder.json"),
        case("items-empty-file", "{in}/empty.json is empty (no JSON in it)", ITEMS="{in}/empty.json"),
        case("items-truncated", "{in}/truncated.json is not JSON", ITEMS="{in}/truncated.json"),
        case("items-not-stac", "{in}/settings.json holds no 'features'", ITEMS="{in}/settings.json"),
        case("items-none", "{in}/no_items.json holds no items", ITEMS="{in}/no_items.json"),
        case(
            "items-href-escapes-catalog",
            escape,
            ITEMS="{in}/sub/escape.json",
        ),
        case(
            "items-href-system-file",
            "/etc/passwd leads outside every catalog on disk",
            ITEMS="{in}/passwd.json",
        ),
        case(
            "allowed-roots-not-a-folder",
            "ALLOWED_ROOTS: {in}/notes.txt is not a folder",
            ALLOWED_ROOTS="{in}/notes.txt",
        ),
    ]


def user_folders(root: Path) -> tuple[Path, Path]:
    """The folders a run must leave as they were: ``root``/out holding the user's ``notes.txt`` and
    ``root``/locked holding ``kept.txt`` (unwritable inside :func:`read_only`)."""
    out = root / "out"
    out.mkdir()
    (out / "notes.txt").write_text("notes\n")
    locked = root / "locked"
    locked.mkdir()
    (locked / "kept.txt").write_text("kept\n")
    return out, locked


@contextmanager
def clear_scene_catalog(root: Path, scenes: Iterable[tuple[str, str]]) -> Iterator[dict[str, str]]:
    """Under ``root``: a catalog folder (clear ``scenes`` as (id, date), their items and every broken
    kind of ItemCollection: empty, truncated, no items, no assets, files gone, /vsi hrefs, no QA asset,
    polygon files), an output folder holding the user's notes and an older stack, and a read-only
    folder. Yields the places (``in``, ``out``, ``locked``, ``band``: a scene file) for :func:`run_case`;
    the composite and the per-date stack read the same careless catalog."""
    from tests.helpers.scenes import write_scene
    from tests.helpers.zonal import write_polygons

    catalog = root / "catalog"
    catalog.mkdir()
    items = [write_scene(catalog / "scenes", scene_id, when) for scene_id, when in scenes]
    broken_item_collections(catalog, items)
    write_items(catalog / "no_assets.json", [{"type": "Feature", "id": "x", "properties": {}}])
    # the same scenes, their files somewhere they no longer are
    gone = [write_scene(catalog / "gone", scene_id, when) for scene_id, when in scenes]
    write_items(catalog / "gone.json", gone)
    shutil.rmtree(catalog / "gone")
    # hrefs through GDAL's /vsi (relative ../ and an absolute system file are among the broken ones)
    edited_items(
        catalog / "vsi.json",
        items,
        lambda item: [a.update(href="/vsizip/" + a["href"] + ".zip") for a in item["assets"].values()],
    )
    edited_items(catalog / "no_qa.json", items, lambda item: item["assets"].pop("qa_pixel"))
    # an ItemCollection named so that OUTPUT stack.tif would write its run log over it
    write_items(catalog / "stack_log.json", items)
    write_polygons(catalog / "no_features.gpkg", [])
    write_polygons(catalog / "empty_geometries.gpkg", [(1, None), (2, "POLYGON EMPTY")], epsg=32610)
    write_polygons(
        catalog / "points.gpkg", [(1, "POINT(500100 4999000)"), (2, "POINT(500400 4999300)")], epsg=32610
    )
    write_polygons(catalog / "far.gpkg", [(1, "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))")], epsg=32610)
    (catalog / "notes.txt").write_text("field notes: plots 3 and 7 burnt in 2011\n")
    (catalog / "a_folder").mkdir()
    out, locked = user_folders(root)
    (out / "stack.tif").write_bytes(b"an older stack the user keeps\n")
    band = items[0]["assets"]["red"]["href"]
    with read_only(locked):
        yield {"in": str(catalog), "out": str(out), "locked": str(locked), "band": band}


def run_case(
    qgis_process, algorithm: str, case: Case, paths: dict, inputs: Iterable = (), outputs: Iterable = ()
) -> str:
    """Run ``case`` and assert the contract; returns what qgis_process printed.

    ``inputs`` are folders that must stay unchanged whatever happens; ``outputs`` folders that must stay
    unchanged when the run fails, and keep every file they had when it succeeds.
    """
    inputs, outputs = [Path(p) for p in inputs], [Path(p) for p in outputs]
    before = {folder: snapshot(folder) for folder in inputs + outputs}
    arguments = [
        f"{name}={str(value).format(**paths)}"
        for name, values in case.params.items()
        for value in (values if isinstance(values, (list, tuple)) else [values])
    ]  # a list gives the parameter once per value, as several INPUT layers are given
    done = qgis_process("run", algorithm, "--", *arguments, json_output=False, check=False)
    said = done.stdout + done.stderr
    assert "Traceback" not in said and "Incorrect parameter value" not in said, said[-3000:]
    assert done.returncode == (0 if case.succeeds else 1), f"exit {done.returncode}:\n{said[-3000:]}"
    assert case.fragment.format(**paths) in (said if case.succeeds else done.stderr), said[-3000:]
    for folder in inputs:
        assert snapshot(folder) == before[folder], f"{folder} changed"
    for folder in outputs:
        after = snapshot(folder)
        if case.succeeds:
            assert {name: after.get(name) for name in before[folder]} == before[folder], f"{folder} changed"
        else:
            assert after == before[folder], f"{folder} changed"
    return said

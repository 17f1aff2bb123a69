"""``timestack:samplearchive`` against careless input: every folder a user might name as OUTPUT_FOLDER.

The archive replaces only an archive it built (its stamp says so) or an empty folder; anything of the
user's — notes beside it, their own ``catalog`` folder, a file, a link to one — is refused untouched.
"""

from __future__ import annotations

import json
import shutil

import pytest

from tests.helpers.bad_input import Case, read_only, run_case

ALGORITHM = "timestack:samplearchive"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One folder per situation, built once; no case may change any of it."""
    from timestack.core.sample_archive import build_sample_archive
    from timestack.core.sample_archive.extras import EXTRAS, ensure_extras

    root = tmp_path_factory.mktemp("samplearchive")
    (root / "file.txt").write_text("a user's file\n")
    for name, entry, content in (
        ("notes", "notes.txt", "field notes\n"),
        ("hidden", ".notes", "hidden notes\n"),
        ("user_catalog", "catalog/mine.json", '{"type": "FeatureCollection", "features": []}'),
        ("user_truth", "truth/plots.csv", "plot,year\n1,2001\n"),
        ("bad_stamp", "sample_archive.json", "not json"),
        ("empty_stamp", "sample_archive.json", ""),
        ("list_stamp", "sample_archive.json", "[1, 2]"),
        ("stamp_folder", "sample_archive.json/kept.txt", "kept\n"),
    ):
        (root / name / entry).parent.mkdir(parents=True, exist_ok=True)
        (root / name / entry).write_text(content)
    build_sample_archive(root / "archive", "small")
    build_sample_archive(root / "archive_notes", "small")
    (root / "archive_notes" / "notes.txt").write_text("notes kept beside the archive\n")
    shutil.copytree(root / "archive", root / "moved")  # its stamp names another folder: a rebuild
    (root / "moved" / "notes.txt").write_text("notes in a copied archive\n")
    for name, companion in (("user_radar", "sentinel-1-rtc"), ("user_aster", "aster"), ("user_hyp3", "hyp3")):
        build_sample_archive(root / name, "small")  # a user's folder where a companion would go
        (root / name / companion).mkdir()
        (root / name / companion / "notes.txt").write_text("a user's notes\n")
    build_sample_archive(root / "hyp3_file", "small")
    (root / "hyp3_file" / "hyp3").write_text("not a folder\n")
    build_sample_archive(root / "radar_link", "small")
    (root / "radar_link" / "sentinel-1-rtc").symlink_to(root / "notes")
    build_sample_archive(root / "with_companions", "small")
    ensure_extras(root / "with_companions", EXTRAS)
    (root / "link_to_file").symlink_to(root / "file.txt")
    (root / "link_to_notes").symlink_to(root / "notes")
    (root / "locked").mkdir()
    (root / "broken_link").mkdir()
    (root / "broken_link" / "plots.csv").symlink_to(root / "gone.csv")
    assert json.loads((root / "archive" / "sample_archive.json").read_text())["root"] == str(root / "archive")
    with read_only(root / "locked"):
        yield {"root": root}


def folder(name: str) -> dict:
    return {"VARIANT": 1, "OUTPUT_FOLDER": f"{{root}}/{name}"}


def variant(value: str) -> dict:
    return {"VARIANT": value, "OUTPUT_FOLDER": "{root}/new"}


def extras(value, name: str = "new") -> dict:
    return {"VARIANT": 1, "EXTRAS": value, "OUTPUT_FOLDER": f"{{root}}/{name}"}


REFUSED = "holds files that are not a sample archive"
NOT_OURS = "is not a sample Timestack wrote"

CASES = [
    Case("existing file", folder("file.txt"), "OUTPUT_FOLDER"),
    Case("existing file is named a file", folder("file.txt"), "is a file, not a folder"),
    Case("link to a file", folder("link_to_file"), "is a file, not a folder"),
    Case("file in the path", folder("file.txt/archive"), "OUTPUT_FOLDER"),
    Case("folder with notes", folder("notes"), REFUSED),
    Case("folder with notes names the file", folder("notes"), "notes.txt"),
    Case("folder with a hidden file", folder("hidden"), REFUSED),
    Case("link to a folder with notes", folder("link_to_notes"), REFUSED),
    Case("user's own catalog folder", folder("user_catalog"), REFUSED),
    Case("user's own truth folder", folder("user_truth"), REFUSED),
    Case("stamp that is not JSON", folder("bad_stamp"), REFUSED),
    Case("empty stamp", folder("empty_stamp"), REFUSED),
    Case("stamp that is a list", folder("list_stamp"), REFUSED),
    Case("stamp that is a folder", folder("stamp_folder"), REFUSED),
    Case("copied archive with notes", folder("moved"), REFUSED),
    Case("inside an archive's catalog", folder("archive/catalog"), REFUSED),
    Case("inside an archive's masks", folder("archive/truth/masks"), REFUSED),
    Case("read-only parent folder", folder("locked/archive"), "OUTPUT_FOLDER"),
    Case("read-only parent folder says why", folder("locked/archive"), "choose a folder you can write to"),
    Case("URL", {"VARIANT": "1", "OUTPUT_FOLDER": "file:///tmp/timestack-archive"}, "OUTPUT_FOLDER: file://"),
    Case("variant out of range", variant("5"), "VARIANT: 5 is not one of"),
    Case("variant negative", variant("-1"), "VARIANT: -1 is not one of"),
    Case("variant as text", variant("tiny"), "VARIANT: tiny is not one of"),
    Case("variant fraction", variant("0.5"), "VARIANT"),
    Case("two variants", variant("0,1"), "VARIANT takes one choice"),
    Case("the archive's stamp file", folder("archive/sample_archive.json"), "is a file, not a folder"),
    Case("below a file, two levels", folder("file.txt/a/b"), "OUTPUT_FOLDER"),
    Case("folder with a broken link", folder("broken_link"), REFUSED),
    Case("variant by name", variant("small"), "VARIANT: small is not one of"),
    Case("variant too large", variant("99999999999"), "VARIANT: 99999999999 is not one of"),
    Case("extras out of range", extras("3"), "EXTRAS: 3 is not one of"),
    Case("extras negative", extras("-1"), "EXTRAS: -1 is not one of"),
    Case("extras by name", extras("sentinel1"), "EXTRAS: sentinel1 is not one of"),
    Case("extras fraction", extras("0.5"), "EXTRAS: 0.5 is not one of"),
    Case("extras one bad among good", extras("0,7"), "EXTRAS: 7 is not one of"),
    Case("extras bad in a list", extras(["1", "9"]), "EXTRAS: 9 is not one of"),
    Case("extras huge", extras("99999999999"), "EXTRAS: 99999999999 is not one of"),
    Case("user's folder where the radar goes", extras("0", "user_radar"), NOT_OURS),
    Case("user's radar folder named", extras("0", "user_radar"), "sentinel-1-rtc"),
    Case("user's folder where ASTER goes", extras("1", "user_aster"), NOT_OURS),
    Case("user's folder where HyP3 goes", extras("2", "user_hyp3"), NOT_OURS),
    Case("a file where HyP3 goes", extras("2", "hyp3_file"), NOT_OURS),
    Case("a link where the radar goes", extras("0", "radar_link"), NOT_OURS),
    Case("companion refused with others chosen", extras("1,2,0", "user_radar"), "OUTPUT_FOLDER"),
    Case("extras into a folder with notes", extras("0,1,2", "notes"), REFUSED),
    Case("extras into a file", extras("0", "file.txt"), "is a file, not a folder"),
    Case("companions reused", extras("0,1,2", "with_companions"), "Sample companion hyp3", succeeds=True),
    Case("companions kept when none chosen", folder("with_companions"), "up to date", succeeds=True),
    Case("archive reused", folder("archive"), "up to date", succeeds=True),
    Case("archive with notes reused, notes kept", folder("archive_notes"), "up to date", succeeds=True),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_output_folder_is_refused_and_nothing_changes(qgis_process, world, case):
    run_case(qgis_process, ALGORITHM, case, world, inputs=[], outputs=[world["root"]])

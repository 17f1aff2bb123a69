"""``make package`` output passes plugins.qgis.org's upload rules once the release's contact fields are
given, and the rules refuse what the site refuses."""

import re
import shutil
import zipfile
from pathlib import Path

import package
import pytest

ROOT = Path(__file__).resolve().parents[2]
RELEASE = {
    "email": "maintainer@timestack.test",
    "tracker": "https://git.timestack.test/timestack/issues",
    "repository": "https://git.timestack.test/timestack",
}


@pytest.fixture(scope="module")
def release_zip(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("release")
    return package.build_zip(tmp / "dist", RELEASE, build=tmp / "build")


def test_release_zip_passes_the_upload_rules(release_zip):
    assert package.upload_problems(release_zip) == []
    with zipfile.ZipFile(release_zip) as zf:
        meta = package.read_metadata(zf.read("timestack/metadata.txt").decode())
        license_text = zf.read("timestack/LICENSE").decode()
    assert {key: meta["general"][key] for key in RELEASE} == RELEASE
    assert "or (at your option) any later version" in license_text
    assert "GNU GENERAL PUBLIC LICENSE\n                       Version 2, June 1991" in license_text
    assert "END OF TERMS AND CONDITIONS" in license_text


def test_release_zip_ships_the_py_typed_marker(release_zip):
    """PEP 561: type checkers read the plugin's own annotations (timestack.core is checked by mypy)."""
    with zipfile.ZipFile(release_zip) as zf:
        assert "timestack/py.typed" in zf.namelist()


def test_source_metadata_has_no_placeholders_and_lacks_only_the_release_fields():
    text = (ROOT / "metadata.txt").read_text()
    assert not re.search(r"example\.(org|com|net)", text)
    problems = package.metadata_problems(package.read_metadata(text))
    assert problems == [
        f"metadata.txt: mandatory field {key} is missing or empty" for key in package.RELEASE_FIELDS
    ]


def _rewrite(source: Path, target: Path, change) -> Path:
    """Copy the zip ``source`` to ``target`` passing each (name, data) through ``change``, which returns
    the entries to write instead."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            for name, data in change(info.filename, old.read(info)):
                new.writestr(name, data)
    return target


def _beside_init(name, data, extra):
    """Add the file ``extra`` once, next to the plugin's ``__init__.py``."""
    return [(name, data), (extra, b"")] if name == "timestack/__init__.py" else [(name, data)]


def _metadata_without_icon(name, data):
    if name == "timestack/metadata.txt":
        data = re.sub(rb"(?m)^icon=.*\n", b"icon=resources/icons/missing.svg\n", data)
    return [(name, data)]


@pytest.mark.parametrize(
    "change, refused",
    [
        (lambda n, d: _beside_init(n, d, "timestack/__pycache__/x.cpython-311.pyc"), "__pycache__"),
        (lambda n, d: [] if n == "timestack/LICENSE" else [(n, d)], "timestack/LICENSE is missing"),
        (lambda n, d: _beside_init(n, d, "other/readme.txt"), "one top folder"),
        (_metadata_without_icon, "icon"),
        (
            lambda n, d: [(n, d.replace(b"git.timestack.test", b"example.org"))],
            "repository is a placeholder",
        ),
    ],
    ids=["pycache", "no-license", "two-top-folders", "missing-icon", "placeholder-url"],
)
def test_upload_rules_refuse_what_plugins_qgis_org_refuses(release_zip, tmp_path, change, refused):
    bad = _rewrite(release_zip, tmp_path / "bad.zip", change)
    problems = package.upload_problems(bad)
    assert any(refused in problem for problem in problems), problems


def test_a_zip_over_the_size_limit_is_refused(release_zip, tmp_path, monkeypatch):
    monkeypatch.setattr(package, "MAX_UPLOAD_BYTES", release_zip.stat().st_size - 1)
    big = shutil.copy(release_zip, tmp_path / "big.zip")
    assert any("the limit is" in problem for problem in package.upload_problems(Path(big)))

"""Assemble the installable plugin folder and its zip, and check the zip against plugins.qgis.org.

QGIS's "Install from ZIP" wants one top folder named after the plugin, holding metadata.txt,
``__init__.py`` and everything the code loads at run time. The source tree keeps these apart
(DESIGN.md's layout), so this script gathers them into ``build/package/timestack``.

plugins.qgis.org refuses more than QGIS does: :func:`upload_problems` applies its upload rules that
can be checked offline (its validator also requests every URL). The contact fields it requires
(:data:`RELEASE_FIELDS`) are not in the source tree's metadata.txt — the project has no public
address yet — and are written into the packaged copy from the command line.
"""

import argparse
import re
import shutil
import subprocess
import sys
import zipfile
from configparser import ConfigParser
from pathlib import Path
from typing import Dict, List, Optional
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
NAME = "timestack"
#: Generated or bulky folders that never go into the plugin.
EXCLUDE = shutil.ignore_patterns("__pycache__", "*.pyc", "archive", "*.ts")
#: metadata.txt fields plugins.qgis.org requires (its PLUGIN_REQUIRED_METADATA).
REQUIRED_METADATA = (
    "name",
    "description",
    "version",
    "qgisMinimumVersion",
    "author",
    "email",
    "about",
    "tracker",
    "repository",
)
#: Required fields given when packaging a release rather than kept in the source tree.
RELEASE_FIELDS = ("email", "tracker", "repository")
URL_FIELDS = ("tracker", "repository", "homepage")
#: plugins.qgis.org's upload limit (PLUGIN_MAX_UPLOAD_SIZE), in bytes.
MAX_UPLOAD_BYTES = 25_000_000
FORBIDDEN_DIRS = ("__MACOSX", ".git", "__pycache__")
PLACEHOLDER_HOSTS = ("example.org", "example.com", "example.net")


def read_metadata(text: str) -> ConfigParser:
    meta = ConfigParser(interpolation=None)
    meta.optionxform = str  # keys are case-sensitive (qgisMinimumVersion)
    meta.read_string(text)
    return meta


def version() -> str:
    return read_metadata((ROOT / "metadata.txt").read_text(encoding="utf-8"))["general"]["version"]


def compile_translations() -> None:
    """Compile every ``i18n/*.ts`` to ``.qm`` with Qt's lrelease."""
    sources = sorted((ROOT / "i18n").glob("*.ts"))
    if sources:
        subprocess.run(["lrelease", "-silent", *map(str, sources)], check=True)


def write_metadata(target: Path, release: Dict[str, str]) -> None:
    """Copy metadata.txt into the plugin folder with the release fields given on the command line."""
    text = (ROOT / "metadata.txt").read_text(encoding="utf-8")
    extra = "".join(f"{key}={value}\n" for key, value in release.items() if value)
    (target / "metadata.txt").write_text(text.rstrip("\n") + "\n" + extra, encoding="utf-8")


def build_plugin_dir(
    dest_parent: Path = ROOT / "build" / "package", release: Optional[Dict[str, str]] = None
) -> Path:
    """Write the plugin folder ``dest_parent/timestack`` afresh and return it."""
    target = dest_parent / NAME
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "timestack", target, ignore=EXCLUDE)
    write_metadata(target, release or {})
    for name in ("README.md", "LICENSE"):
        shutil.copy2(ROOT / name, target / name)
    shutil.copytree(ROOT / "resources", target / "resources", ignore=EXCLUDE)
    compile_translations()
    (target / "i18n").mkdir()
    for qm in (ROOT / "i18n").glob("*.qm"):
        shutil.copy2(qm, target / "i18n" / qm.name)
    return target


def build_zip(
    dist: Path = ROOT / "dist",
    release: Optional[Dict[str, str]] = None,
    build: Path = ROOT / "build" / "package",
) -> Path:
    folder = build_plugin_dir(build, release)
    dist.mkdir(parents=True, exist_ok=True)
    archive = dist / f"{NAME}-{version()}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, path.relative_to(folder.parent).as_posix())
    return archive


def _url_problem(field: str, url: str) -> Optional[str]:
    parsed = urlparse(url)
    if not (parsed.scheme in ("http", "https") and parsed.netloc):
        return f"metadata.txt: {field} must be an http(s) URL, not {url!r}"
    if parsed.hostname in PLACEHOLDER_HOSTS:
        return f"metadata.txt: {field} is a placeholder ({url})"
    return None


def metadata_problems(meta: ConfigParser) -> List[str]:
    """What plugins.qgis.org would refuse in a parsed metadata.txt."""
    if not meta.has_section("general"):
        return ["metadata.txt has no [general] section"]
    general = meta["general"]
    problems = [
        f"metadata.txt: mandatory field {key} is missing or empty"
        for key in REQUIRED_METADATA
        if not general.get(key, "").strip()
    ]
    for field in URL_FIELDS:
        if general.get(field, "").strip():
            problems.append(_url_problem(field, general[field].strip()))
    email = general.get("email", "").strip()
    if email and (not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email) or email.endswith(PLACEHOLDER_HOSTS)):
        problems.append(f"metadata.txt: email {email!r} is not a real address")
    if "/" in general.get("author", ""):
        problems.append("metadata.txt: author cannot contain slashes")
    if not re.fullmatch(r"\d+\.\d+(\.\d+)?", general.get("qgisMinimumVersion", "")):
        problems.append("metadata.txt: qgisMinimumVersion must look like 3.22")
    return [problem for problem in problems if problem]


def upload_problems(archive: Path) -> List[str]:
    """plugins.qgis.org's upload rules that need no network, applied to a plugin zip; [] when it passes."""
    problems = []
    if archive.stat().st_size > MAX_UPLOAD_BYTES:
        problems.append(f"{archive.name} is {archive.stat().st_size} bytes; the limit is {MAX_UPLOAD_BYTES}")
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        tops = sorted({name.split("/")[0] for name in names})
        if len(tops) != 1:
            return problems + [f"the zip must hold one top folder, not {tops}"]
        top = tops[0]
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9-_]+", top):
            problems.append(
                f"top folder {top!r} must start with a letter and hold only letters, digits, - and _"
            )
        for name in names:
            parts = name.split("/")
            if ".." in name or name.startswith("/"):
                problems.append(f"{name}: paths in the zip cannot go up or be absolute")
            if name.endswith(".pyc") or any(part in FORBIDDEN_DIRS for part in parts):
                problems.append(f"{name}: compiled files, __pycache__, .git and __MACOSX are refused")
        for required in ("__init__.py", "metadata.txt", "LICENSE"):
            if f"{top}/{required}" not in names:
                problems.append(f"{top}/{required} is missing")
        if f"{top}/metadata.txt" in names:
            meta = read_metadata(zf.read(f"{top}/metadata.txt").decode("utf-8"))
            problems += metadata_problems(meta)
            icon = meta["general"].get("icon", "").removeprefix("./") if meta.has_section("general") else ""
            if not icon or f"{top}/{icon}" not in names:
                problems.append(f"the icon {icon!r} named in metadata.txt is not in the zip")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=("build", "zip", "check", "deploy"))
    parser.add_argument(
        "--profile-plugins",
        type=Path,
        default=Path.home() / ".local/share/QGIS/QGIS3/profiles/default/python/plugins",
    )
    for field in RELEASE_FIELDS:
        parser.add_argument(f"--{field}", default="", help=f"metadata.txt {field} of the release")
    args = parser.parse_args()
    release = {field: getattr(args, field) for field in RELEASE_FIELDS}
    if args.command == "build":
        print(build_plugin_dir(release=release))
    elif args.command in ("zip", "check"):
        archive = build_zip(release=release)
        print(archive)
        problems = upload_problems(archive)
        for problem in problems:
            print(f"plugins.qgis.org would refuse it: {problem}", file=sys.stderr)
        return 1 if problems and args.command == "check" else 0
    else:
        folder = build_plugin_dir(release=release)
        target = args.profile_plugins / NAME
        if target.exists():
            shutil.rmtree(target)
        args.profile_plugins.mkdir(parents=True, exist_ok=True)
        shutil.copytree(folder, target)
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())

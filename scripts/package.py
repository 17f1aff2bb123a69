"""Assemble the installable plugin folder and its zip.

QGIS's "Install from ZIP" wants one top folder named after the plugin, holding metadata.txt,
``__init__.py`` and everything the code loads at run time. The source tree keeps these apart
(DESIGN.md's layout), so this script gathers them into ``build/package/timestack``.
"""

import argparse
import shutil
import subprocess
import sys
import zipfile
from configparser import ConfigParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "timestack"
#: Generated or bulky folders that never go into the plugin.
EXCLUDE = shutil.ignore_patterns("__pycache__", "*.pyc", "archive", "*.ts")


def version() -> str:
    meta = ConfigParser()
    meta.read(ROOT / "metadata.txt")
    return meta["general"]["version"]


def compile_translations() -> None:
    """Compile every ``i18n/*.ts`` to ``.qm`` with Qt's lrelease."""
    sources = sorted((ROOT / "i18n").glob("*.ts"))
    if sources:
        subprocess.run(["lrelease", "-silent", *map(str, sources)], check=True)


def build_plugin_dir(dest_parent: Path = ROOT / "build" / "package") -> Path:
    """Write the plugin folder ``dest_parent/timestack`` afresh and return it."""
    target = dest_parent / NAME
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "timestack", target, ignore=EXCLUDE)
    shutil.copy2(ROOT / "metadata.txt", target / "metadata.txt")
    shutil.copy2(ROOT / "README.md", target / "README.md")
    shutil.copytree(ROOT / "resources", target / "resources", ignore=EXCLUDE)
    compile_translations()
    (target / "i18n").mkdir()
    for qm in (ROOT / "i18n").glob("*.qm"):
        shutil.copy2(qm, target / "i18n" / qm.name)
    return target


def build_zip(dist: Path = ROOT / "dist") -> Path:
    folder = build_plugin_dir()
    dist.mkdir(exist_ok=True)
    archive = dist / f"{NAME}-{version()}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, path.relative_to(folder.parent).as_posix())
    return archive


def deploy(profile_plugins: Path) -> Path:
    """Install the built plugin into a QGIS profile's python/plugins folder."""
    folder = build_plugin_dir()
    target = profile_plugins / NAME
    if target.exists():
        shutil.rmtree(target)
    profile_plugins.mkdir(parents=True, exist_ok=True)
    shutil.copytree(folder, target)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=("build", "zip", "deploy"))
    parser.add_argument(
        "--profile-plugins",
        type=Path,
        default=Path.home() / ".local/share/QGIS/QGIS3/profiles/default/python/plugins",
    )
    args = parser.parse_args()
    if args.command == "build":
        print(build_plugin_dir())
    elif args.command == "zip":
        print(build_zip())
    else:
        print(deploy(args.profile_plugins))
    return 0


if __name__ == "__main__":
    sys.exit(main())

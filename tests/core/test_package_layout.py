"""The layout a reader relies on: core never imports QGIS, and every package says what it holds.

The direction of imports is gui → processing → core; core runs in dask workers, cron jobs and plain
Python, where QGIS is absent. Every package's ``__all__`` names exactly its modules or public names, so
the folder tree and the packages' own index cannot drift apart.
"""

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import timestack

PACKAGE_ROOT = Path(timestack.__file__).parent
PACKAGES = ["timestack"] + sorted(
    name for _, name, is_package in pkgutil.walk_packages(timestack.__path__, "timestack.") if is_package
)


def imported_modules(path: Path) -> set:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted((PACKAGE_ROOT / "core").rglob("*.py")), ids=lambda p: p.name)
def test_core_modules_import_neither_qgis_nor_the_layers_above(path):
    modules = imported_modules(path)
    assert not {m for m in modules if m.split(".")[0] in ("qgis", "PyQt5")}, path
    relative_up = [
        node.module
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
        and node.module
        and node.module.split(".")[0] in ("gui", "processing")
    ]
    assert not relative_up, path


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_lists_what_it_holds(package):
    module = importlib.import_module(package)
    assert hasattr(module, "__all__"), f"{package} has no __all__"
    folder = Path(module.__file__).parent
    submodules = {name for _, name, _ in pkgutil.iter_modules([str(folder)])}
    for name in module.__all__:
        assert name in submodules or hasattr(module, name), f"{package}.__all__ names {name}, which is absent"
    if not any(hasattr(module, name) and name not in submodules for name in module.__all__):
        assert set(module.__all__) == submodules, (
            f"{package}.__all__ misses {submodules - set(module.__all__)}"
        )

"""The in-QGIS installer asks for exactly what the project pins, installs into the plugin's own folder
on a PEP 668 Python, never moves numpy, and stops pip when cancelled."""

import importlib.machinery
import re
import shlex
import subprocess
import sys
import sysconfig
import time
from importlib.metadata import version
from pathlib import Path

import numpy
import pytest

from timestack.dependencies import (
    OPTIONAL,
    REQUIRED,
    add_packages_folder,
    install,
    missing_requirements,
    packages_folder,
    run_command,
)

ROOT = Path(__file__).resolve().parents[2]
#: Debian's own interpreter, the one system QGIS embeds; it is "externally managed" (PEP 668).
SYSTEM_PYTHON = "/usr/bin/python3"


def _pins() -> dict:
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    pins = {}
    for line in lines:
        match = re.match(r"^([A-Za-z0-9_.-]+)(\[[^\]]*\])?==(\S+)", line.strip())
        if match:
            pins[match.group(1).lower()] = match.group(3)
    return pins


def test_installer_pins_match_requirements_txt():
    pins = _pins()
    specs = [*REQUIRED.values(), *(backend.requirement for backend in OPTIONAL.values())]
    for spec in specs:
        if "==" in spec:
            name, pinned = spec.split("==")
            assert pins.get(name.lower()) == pinned, f"{spec} differs from requirements.txt"


def test_unpinned_requirements_are_the_distribution_packages_installed_here():
    apt = (ROOT / "requirements-apt.txt").read_text().split()
    for spec in REQUIRED.values():
        if ">=" in spec:
            name, lowest = spec.split(">=")
            assert f"python3-{name}" in apt, f"{name} is not installed from Debian"
            installed = tuple(int(part) for part in version(name).split(".")[:2])
            assert installed >= tuple(int(part) for part in lowest.split(".")[:2]), spec


def test_nothing_is_missing_in_the_project_environment():
    assert missing_requirements() == []


def test_packages_folder_is_in_the_profile_and_per_python_version(tmp_path):
    folder = packages_folder(tmp_path)
    assert folder.parent == tmp_path / "python" / "timestack-packages"
    assert folder.name == f"python{sys.version_info.major}.{sys.version_info.minor}"


def _wheel(tmp_path: Path, wheelhouse: Path, name: str, version_: str, code: str, needs=()) -> None:
    """Build a tiny pure-Python wheel with the system Python, offline."""
    project = tmp_path / f"{name}-{version_}"
    (project / name).mkdir(parents=True)
    (project / name / "__init__.py").write_text(code)
    dependencies = ", ".join(f'"{need}"' for need in needs)
    (project / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n'
        f'[project]\nname = "{name}"\nversion = "{version_}"\ndependencies = [{dependencies}]\n'
    )
    subprocess.run(
        [SYSTEM_PYTHON, "-m", "pip", "wheel", "--no-build-isolation", "--no-index", "--no-deps"]
        + ["--wheel-dir", str(wheelhouse), str(project)],
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory):
    """A package needing numpy, and two stand-in numpy wheels: this process's version and a newer one."""
    tmp_path = tmp_path_factory.mktemp("wheels")
    wheelhouse = tmp_path / "wheelhouse"
    _wheel(tmp_path, wheelhouse, "tinypkg", "1.0", "ANSWER = 42\n", needs=["numpy"])
    _wheel(tmp_path, wheelhouse, "numpy", numpy.__version__, "STAND_IN = True\n")
    _wheel(tmp_path, wheelhouse, "numpy", "99.0", "STAND_IN = True\n")
    return wheelhouse


@pytest.mark.skipif(not Path(SYSTEM_PYTHON).exists(), reason="needs Debian's system Python")
def test_installs_into_the_plugin_folder_of_an_externally_managed_python(tmp_path, wheelhouse):
    stdlib = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert (Path(stdlib) / "EXTERNALLY-MANAGED").exists(), "the test needs a PEP 668 Python"
    target = packages_folder(tmp_path / "profile")
    reported = []

    result = install(
        ["tinypkg"],
        target,
        python=SYSTEM_PYTHON,
        pip_options=["--no-index", "--find-links", str(wheelhouse)],
        progress=lambda percent, _message: reported.append(percent),
    )

    assert result.ok, result.output
    assert reported == sorted(reported) and reported[-1] == 100.0
    # numpy is held at this process's version, not the newer one on offer ...
    assert [p.name for p in target.glob("numpy-*.dist-info")] == [f"numpy-{numpy.__version__}.dist-info"]
    # ... and in a fresh interpreter the folder supplies tinypkg while the real numpy comes first.
    probe = (
        "import sys; from pathlib import Path; from timestack.dependencies import add_packages_folder; "
        "add_packages_folder(Path(sys.argv[1])); import tinypkg, numpy; "
        "print(tinypkg.ANSWER, hasattr(numpy, 'ndarray'), Path(numpy.__file__).is_relative_to(sys.argv[1]))"
    )
    imported = subprocess.run(
        [SYSTEM_PYTHON, "-c", probe, str(target)], cwd=ROOT, check=True, capture_output=True, text=True
    )
    assert imported.stdout.split() == ["42", "True", "False"]


def test_a_failed_install_gives_the_exact_command_to_run(tmp_path):
    target = tmp_path / "packages"
    result = install(["no-such-package-anywhere"], target, python=sys.executable, pip_options=["--no-index"])
    assert not result.ok and "no-such-package-anywhere" in result.output
    assert shlex.split(result.manual_command) == result.command
    assert result.command[result.command.index("--target") + 1] == str(target)


def test_a_missing_interpreter_is_reported_not_raised(tmp_path):
    result = install(["tinypkg"], tmp_path / "packages", python=str(tmp_path / "no-python"))
    assert not result.ok and "no-python" in result.output


def test_cancel_terminates_the_running_process():
    started = []
    command = [sys.executable, "-c", "import time; print('started', flush=True); time.sleep(60)"]
    begin = time.monotonic()

    result = run_command(command, on_line=started.append, is_cancelled=lambda: bool(started))

    assert time.monotonic() - begin < 10
    assert started == ["started"]
    assert result.cancelled and not result.ok
    assert result.returncode is not None and result.returncode != 0  # the process has exited


def test_adding_the_folder_makes_new_packages_importable_and_keeps_installed_ones_first(tmp_path):
    (tmp_path / "timestack_probe_module.py").write_text("VALUE = 1\n")
    (tmp_path / "numpy").mkdir()
    (tmp_path / "numpy" / "__init__.py").write_text("SHADOWED = True\n")
    try:
        add_packages_folder(tmp_path)
        import timestack_probe_module

        assert timestack_probe_module.VALUE == 1
        assert sys.path[-1] == str(tmp_path)
        found = importlib.machinery.PathFinder.find_spec("numpy")  # a fresh search along sys.path
        assert not Path(found.origin).is_relative_to(tmp_path)
        assert sysconfig.get_path("purelib") in sys.path[: sys.path.index(str(tmp_path))]
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("timestack_probe_module", None)

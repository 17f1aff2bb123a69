"""The in-QGIS installer asks for exactly what the project pins, and never moves numpy."""

import re
from pathlib import Path

import numpy

from timestack.dependencies import REQUIRED, missing_requirements, pip_install_command

ROOT = Path(__file__).resolve().parents[2]


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
    for spec in REQUIRED.values():
        if "==" in spec:
            name, version = spec.split("==")
            assert pins.get(name.lower()) == version, f"{spec} differs from requirements.txt"


def test_unpinned_requirements_are_the_distribution_packages_installed_here():
    from importlib.metadata import version

    apt = (ROOT / "requirements-apt.txt").read_text().split()
    for spec in REQUIRED.values():
        if ">=" in spec:
            name, lowest = spec.split(">=")
            assert f"python3-{name}" in apt, f"{name} is not installed from Debian"
            installed = tuple(int(part) for part in version(name).split(".")[:2])
            assert installed >= tuple(int(part) for part in lowest.split(".")[:2]), spec


def test_nothing_is_missing_in_the_project_environment():
    assert missing_requirements() == []


def test_install_command_keeps_the_numpy_qgis_was_built_with():
    command = pip_install_command(["pystac==1.10.1"])
    assert f"numpy=={numpy.__version__}" in command
    assert "--user" in command

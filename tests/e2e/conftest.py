"""End-to-end fixtures: the plugin as QGIS installs it, driven through ``qgis_process``."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import package  # noqa: E402  (scripts/package.py, the code `make build` runs)


@pytest.fixture(scope="session")
def built_plugin(tmp_path_factory) -> Path:
    """A freshly built plugin folder (``<tmp>/timestack``), exactly what the zip contains."""
    parent = tmp_path_factory.mktemp("plugins")
    return package.build_plugin_dir(parent)


@pytest.fixture(scope="session")
def qgis_process(built_plugin):
    """Run ``qgis_process`` with the built plugin enabled; returns a runner.

    ``qgis_process(*args)`` returns the parsed JSON answer of ``qgis_process --json ...``;
    with ``json_output=False`` the CompletedProcess. ``plugins`` overrides the plugin folder.
    """

    def run(*args: str, json_output: bool = True, timeout: float = 600, check: bool = True, plugins=None):
        env = {**os.environ, "QGIS_PLUGINPATH": str(plugins or built_plugin.parent)}
        command = [str(ROOT / "scripts" / "qgis_process.sh")]
        command += ["--json", *args] if json_output else list(args)
        done = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and done.returncode != 0:
            raise AssertionError(
                f"qgis_process {' '.join(args)} failed ({done.returncode}):\n{done.stderr[-3000:]}"
            )
        if not json_output:
            return done
        return json.loads(done.stdout[done.stdout.index("{") :])

    return run


@pytest.fixture(scope="session")
def qgis_desktop(built_plugin, tmp_path_factory):
    """Run Python code inside the real QGIS desktop application with Timestack enabled.

    ``qgis_desktop(code)`` starts ``qgis.bin --code`` (scripts/qgis_desktop.sh, a virtual screen when
    there is no display) in a fresh profile, after the plugins have loaded, and returns the
    CompletedProcess; the code ends the application itself (``os._exit``) once it has written its answer.
    """

    def run(code: str, timeout: float = 300) -> subprocess.CompletedProcess:
        profiles = tmp_path_factory.mktemp("profiles")
        settings = profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini"
        settings.parent.mkdir(parents=True)
        settings.write_text("[PythonPlugins]\ntimestack=true\n")
        script = profiles / "code.py"
        script.write_text(code)
        env = {**os.environ, "QGIS_PLUGINPATH": str(built_plugin.parent)}
        env.pop("DISPLAY", None)  # never a user's screen
        command = [str(ROOT / "scripts" / "qgis_desktop.sh"), "--profiles-path", str(profiles), "--code"]
        return subprocess.run(
            [*command, str(script)], env=env, capture_output=True, text=True, timeout=timeout
        )

    return run

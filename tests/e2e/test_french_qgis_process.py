"""``qgis_process`` in a QGIS profile set to French: the built plugin ships its .qm and installs it, so
the help a user reads on the command line and the errors of a run are French."""

import re

import pytest

from tests.helpers.translations import translated, translations


@pytest.fixture()
def french_profile(tmp_path, monkeypatch):
    """A QGIS profile with Timestack enabled and the interface language overridden to French, as the
    Options dialog writes it; ``qgis_process`` reads the profile of QGIS_CUSTOM_CONFIG_PATH."""
    settings = tmp_path / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[PythonPlugins]\ntimestack=true\n\n[locale]\noverrideFlag=true\nuserLocale=fr_FR\n")
    monkeypatch.setenv("QGIS_CUSTOM_CONFIG_PATH", str(tmp_path))
    return tmp_path


def test_qgis_process_help_is_french(qgis_process, french_profile, built_plugin):
    assert (built_plugin / "i18n" / "timestack_fr.qm").is_file()
    assert not list((built_plugin / "i18n").glob("*.ts"))
    text = qgis_process("help", "timestack:composite", json_output=False).stdout
    french_texts = translations()
    assert text.startswith("Composites annuels (timestack:composite)")
    description = text.split("Description\n----------------\n", 1)[1].split("\n\n", 1)[0].strip()
    assert description.startswith("Construit un composite sans nuages par année")
    assert translated(description, french_texts)
    # "ITEMS: Scènes (JSON ItemCollection STAC)" per parameter, "OUTPUT: <outputRaster>" and the
    # description on the next line per output, "- 0: Médoïde" per choice (band names such as nir are data)
    arguments, outputs = text.split("\nArguments\n", 1)[1].split("\nOutputs\n", 1)
    described = re.findall(r"^([A-Z][A-Z0-9_]+): (.+)$", arguments, re.M)
    described += re.findall(r"^([A-Z][A-Z0-9_]+): <\w+>\n\t(.+)$", outputs, re.M)
    choices = [
        c for c in re.findall(r"^\t\t- \d+: (.+)$", arguments, re.M) if not re.fullmatch(r"[a-z0-9]+", c)
    ]
    assert len(described) > 35 and len(choices) > 8
    english = [(name, label) for name, label in described if not translated(label, french_texts)]
    english += [choice for choice in choices if not translated(choice, french_texts)]
    assert not english, f"English left in qgis_process help: {english}"


def test_qgis_process_reports_a_core_error_in_french(qgis_process, french_profile, tmp_path):
    """A run the core refuses (a folder without tiles): the error printed is the translated core message."""
    tiles = tmp_path / "tiles"
    tiles.mkdir()
    done = qgis_process(
        "run",
        "timestack:mosaic",
        "--",
        f"INPUT={tiles}",
        f"OUTPUT_FOLDER={tmp_path / 'mosaics'}",
        json_output=False,
        check=False,
    )
    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert "INPUT : aucun fichier de" in output and "ne correspond à PATTERN" in output
    assert "no tiles to mosaic" not in output

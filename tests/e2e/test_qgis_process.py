"""``qgis_process`` sees the built plugin's provider and runs its algorithms."""

import zipfile

import package


def test_qgis_process_lists_the_timestack_algorithms(qgis_process):
    listing = qgis_process("list")
    provider = listing["providers"]["timestack"]
    assert provider["name"] == "Timestack"
    assert "timestack:samplearchive" in provider["algorithms"]


def test_qgis_process_describes_the_sample_archive_algorithm(qgis_process):
    help_json = qgis_process("help", "timestack:samplearchive")
    assert {"VARIANT", "OUTPUT_FOLDER"} <= set(help_json["parameters"])
    assert {"OUTPUT_ITEMS", "OUTPUT_GEOPARQUET", "OUTPUT_STANDS"} <= set(help_json["outputs"])


def test_zip_has_one_top_folder_that_qgis_can_load(tmp_path, qgis_process):
    archive = package.build_zip(tmp_path / "dist")
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert {name.split("/")[0] for name in names} == {"timestack"}
        assert {"timestack/metadata.txt", "timestack/__init__.py"} <= set(names)
        assert "timestack/resources/icons/timestack.svg" in names
        assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
        zf.extractall(tmp_path / "plugins")
    listing = qgis_process("list", plugins=tmp_path / "plugins")
    assert "timestack" in listing["providers"]

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


def test_qgis_process_refuses_a_folder_of_the_users_files_and_keeps_them(qgis_process, tmp_path):
    folder = tmp_path / "my project"
    folder.mkdir()
    (folder / "notes.txt").write_text("stand visits 2024")
    done = qgis_process(
        "run", "timestack:samplearchive", "--", "VARIANT=1", f"OUTPUT_FOLDER={folder}",
        json_output=False, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "OUTPUT_FOLDER" in done.stdout + done.stderr and "notes.txt" in done.stdout + done.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert (folder / "notes.txt").read_text() == "stand visits 2024"

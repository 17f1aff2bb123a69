"""Errors raised while GDAL had a file open, kept until QGIS quits; each run by
``test_exit_after_errors.py`` in a Python process of its own (``python -m tests.qgis.error_exit_scenarios
NAME FOLDER``).

Not collected by the suite (no ``test_`` file name): a native crash at exit would take the whole test
session down with it. QGIS shuts GDAL down when it quits; an error kept past that (in a log, in
``sys.last_traceback``, in a task's result) whose traceback still held a dataset would then close it in
a dead library, as Python frees what is left.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from tests.helpers.rasters import write_stack
from tests.helpers.zonal import pixel_box, standard_features, write_polygons

#: The error each scenario raised, kept until QGIS has quit.
KEPT: list = []


def _stack(folder, data=None):
    data = np.ones((2, 20, 20), "float32") if data is None else data
    return write_stack(folder / "stack.tif", data, ["2019_nbr", "2020_nbr"][: len(data)])


def duplicate_polygon_ids_refused_by_the_algorithm(folder):
    from qgis.core import QgsApplication

    sys.path.append(f"{QgsApplication.pkgDataPath()}/python/plugins")  # as pytest-qgis does
    import processing
    from processing.core.Processing import Processing

    from timestack.processing.provider import TimestackProvider

    Processing.initialize()
    provider = TimestackProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    KEPT.append(provider)
    box = f"POLYGON({pixel_box(1, 1, 3, 3)})"
    parameters = {
        "POLYGONS": str(write_polygons(folder / "d.gpkg", [(1, box), (1, box)])),
        "ID_FIELD": "stand_id",
        "INPUT": [str(_stack(folder))],
        "STATS": [0],
        "OUTPUT": str(folder / "o.csv"),
    }
    processing.run("timestack:zonalstats", parameters)


def duplicate_polygon_ids_refused_by_the_core(folder):
    from timestack.core.zonal.statistics import read_polygons

    box = f"POLYGON({pixel_box(1, 1, 2, 2)})"
    read_polygons(write_polygons(folder / "dup.gpkg", [("a", box), ("a", box)], id_type=4), "stand_id")


def a_variable_the_stack_lacks(folder):
    from timestack.core.zonal.statistics import read_polygons, zonal_statistics

    polygons = read_polygons(write_polygons(folder / "p.gpkg", standard_features()), "stand_id")
    zonal_statistics([_stack(folder)], polygons, ["mean"], variables=["ndvi"])


def statistics_cancelled_while_reading_the_stack(folder):
    from timestack.core.zonal.statistics import read_polygons, zonal_statistics

    polygons = read_polygons(write_polygons(folder / "p.gpkg", standard_features()), "stand_id")
    zonal_statistics([_stack(folder)], polygons, ["mean"], is_cancelled=lambda: True)


def a_truncated_stack_read_by_the_statistics(folder):
    from timestack.core.zonal.statistics import read_polygons, zonal_statistics

    polygons = read_polygons(write_polygons(folder / "p.gpkg", standard_features()), "stand_id")
    data = np.random.default_rng(1).uniform(0, 1, (2, 20, 20)).astype("float32")
    content = write_stack(folder / "stack.tif", data, ["2019_nbr", "2020_nbr"]).read_bytes()
    (folder / "truncated.tif").write_bytes(content[: len(content) // 2])
    zonal_statistics([folder / "truncated.tif"], polygons, ["mean"])


def a_preview_without_valid_pixels(folder):
    from timestack.core.search.preview import natural_colour_stretch

    natural_colour_stretch(_stack(folder, np.full((1, 20, 20), np.nan, "float32")))


def an_aster_file_without_science_datasets(folder):
    from timestack.core.aster.scene import scene_from_hdf

    scene_from_hdf(_stack(folder).rename(folder / "AST_L1T_00301012020000000_20200101000000_1.hdf"))


def main(name: str, folder: str) -> None:
    from qgis.core import QgsApplication

    application = QgsApplication([], False)
    application.initQgis()
    try:
        globals()[name](Path(folder))
    except Exception as error:  # the refusal the scenario provokes
        print("raised:", repr(error))
        KEPT.append(error)
    application.exitQgis()


if __name__ == "__main__":
    main(*sys.argv[1:])

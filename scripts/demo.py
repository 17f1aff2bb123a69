"""``make demo``: Timestack's main job on the sample archive, through ``qgis_process``.

Each step is one Processing algorithm run exactly as a user's script or scheduler would run it;
its outputs feed the next step. At the end every output that is a map layer goes into
``demo-output/timestack-demo.qgz`` and a short summary is printed.
"""

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "demo-output"
SAMPLE = ROOT / "build" / "sample" / "full"
FIRST_YEAR, LAST_YEAR = 1986, 2024


def by_year(layer) -> None:
    """The change map's style in the Toolbox and the dock: a year ramp with a legend entry per year."""
    from timestack.processing.changemap import year_renderer

    layer.setRenderer(year_renderer(layer, FIRST_YEAR, LAST_YEAR))


def event_count(layer) -> None:
    """Every loss event per pixel: the ``loss_count`` band, 0 to 3 events, in grey."""
    from qgis.core import QgsContrastEnhancement, QgsSingleBandGrayRenderer

    from timestack.core.stack_io import band_numbers

    band = band_numbers(layer.source())["loss_count"]
    renderer = QgsSingleBandGrayRenderer(layer.dataProvider(), band)
    stretch = QgsContrastEnhancement(layer.dataProvider().dataType(band))
    stretch.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
    stretch.setMinimumValue(0)
    stretch.setMaximumValue(3)
    renderer.setContrastEnhancement(stretch)
    layer.setRenderer(renderer)


def false_colour(layer) -> None:
    """The composite's style in the Toolbox and the dock: swir1/nir/red of the last year."""
    from timestack.core.stack_io import SCALE_INT16
    from timestack.processing.composite import false_colour_renderer

    layer.setRenderer(false_colour_renderer(layer, LAST_YEAR, SCALE_INT16))


@dataclass
class Step:
    """One algorithm run; ``params`` builds its parameters from the results so far."""

    title: str
    algorithm: str
    params: Callable[[dict], dict]
    #: output name -> layer name, for outputs that become layers of the demo project
    layers: dict = field(default_factory=dict)
    #: output name -> function styling its layer as Timestack styles it when it loads an output
    styles: dict = field(default_factory=dict)


STEPS = [
    Step(
        "Sample archive",
        "timestack:samplearchive",
        lambda r: {"VARIANT": 0, "OUTPUT_FOLDER": SAMPLE},
        {"OUTPUT_STANDS": "Stands (truth)", "OUTPUT_DISTURBANCE_YEAR": "Disturbance year (truth)"},
        {"OUTPUT_DISTURBANCE_YEAR": by_year},
    ),
    Step(
        "Search scenes",
        "timestack:searchscenes",
        lambda r: {
            "CATALOG": r["timestack:samplearchive"]["OUTPUT_GEOPARQUET"],
            "AOI": r["timestack:samplearchive"]["OUTPUT_STANDS"],
            "START_DATE": "1984-01-01",
            "END_DATE": "2024-12-31",
            "DOY_START": 152,
            "DOY_END": 273,
            "MAX_CLOUD": 80,
            "OUTPUT": OUT / "scenes.gpkg",
            "OUTPUT_ITEMS": OUT / "scenes.json",
        },
        {"OUTPUT": "Scene footprints"},
    ),
    Step(
        "Annual composites",
        "timestack:composite",
        lambda r: {
            "ITEMS": r["timestack:searchscenes"]["OUTPUT_ITEMS"],
            "START_YEAR": FIRST_YEAR,
            "END_YEAR": LAST_YEAR,
            "DOY_START": 152,
            "DOY_END": 273,
            "METHOD": 0,
            "INDICES": "NBR,NDVI,TCW",
            "TDOM": True,
            "HARMONIZE": True,
            "OUTPUT": OUT / "composite.tif",
            "OUTPUT_FOLDER": OUT / "composite-years",
        },
        {"OUTPUT": "Annual composites (medoid)"},
        {"OUTPUT": false_colour},
    ),
    Step(
        "LandTrendr (NBR)",
        "timestack:landtrendr",
        lambda r: {
            "INPUT": r["timestack:composite"]["OUTPUT"],
            "INDEX": "NBR",
            "MAX_SEGMENTS": 8,  # 39 years
            "FIT_BANDS": "swir1,nir",
            "OUTPUT_VERTICES": OUT / "landtrendr-vertices.tif",
            "OUTPUT_FITTED": OUT / "landtrendr-fitted.tif",
            "OUTPUT_FTV": OUT / "landtrendr-ftv",
            "OUTPUT_RMSE": OUT / "landtrendr-rmse.tif",
            "OUTPUT_SEGMENTS": OUT / "landtrendr-segments.tif",
        },
        {"OUTPUT_FITTED": "LandTrendr fitted NBR", "OUTPUT_RMSE": "LandTrendr RMSE"},
    ),
    Step(
        "Greatest disturbance",
        "timestack:changemap",
        lambda r: {
            "INPUT": r["timestack:landtrendr"]["OUTPUT_SEGMENTS"],
            "SORT": 0,
            "MAG": 1000,  # 0.1 NBR in the composite's x10000 units
            "DSNR": 4,
            "MMU": 11,
            "OUTPUT": OUT / "disturbance.tif",
            "OUTPUT_EVENTS": OUT / "disturbance-events.tif",
        },
        {"OUTPUT": "Greatest disturbance", "OUTPUT_EVENTS": "Loss events per pixel"},
        {"OUTPUT": by_year, "OUTPUT_EVENTS": event_count},
    ),
    Step(
        "Stand statistics",
        "timestack:zonalstats",
        lambda r: {
            "POLYGONS": r["timestack:samplearchive"]["OUTPUT_STANDS"],
            "ID_FIELD": "stand_id",
            "INPUT": r["timestack:composite"]["OUTPUT"],
            "BANDS": "NBR,NDVI",
            "OUTPUT": OUT / "stand-statistics.csv",
            "OUTPUT_WIDE": OUT / "stand-statistics-wide.csv",
        },
        {"OUTPUT": "Stand statistics"},
    ),
]


def qgis_process(algorithm: str, params: dict) -> dict:
    args = [f"--{key}={value}" for key, value in params.items()]
    command = [str(ROOT / "scripts" / "qgis_process.sh"), "--json", "run", algorithm, *args]
    env = {**os.environ, "QGIS_PLUGINPATH": str(ROOT / "build" / "package")}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.exit(f"demo: {algorithm} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout[done.stdout.index("{") :])["results"]


def write_project(layers: list, path: Path) -> int:
    """Save a QGIS project holding ``layers`` ([(name, source, is_raster, style)]); return the count."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsProject, QgsRasterLayer, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    added = 0
    sys.path.insert(0, str(ROOT / "build" / "package"))  # the built plugin, for its styles
    for name, source, is_raster, style in layers:
        layer = QgsRasterLayer(source, name) if is_raster else QgsVectorLayer(source, name, "ogr")
        if layer.isValid():
            if style is not None:
                style(layer)
            project.addMapLayer(layer)
            added += 1
        else:
            print(f"demo: could not open {source} as a layer", file=sys.stderr)
    if added:
        project.setCrs(project.mapLayers()[next(iter(project.mapLayers()))].crs())
    ok = project.write(str(path))
    app.exitQgis()
    if not ok:
        sys.exit(f"demo: could not write {path}")
    return added


def main() -> int:
    OUT.mkdir(exist_ok=True)
    results: dict = {}
    layers = []
    for step in STEPS:
        started = time.perf_counter()
        outputs = qgis_process(step.algorithm, step.params(results))
        results[step.algorithm] = outputs
        print(f"demo: {step.title:<24} {time.perf_counter() - started:6.1f} s  ({step.algorithm})")
        for output, name in step.layers.items():
            source = str(outputs[output])
            is_raster = source.lower().endswith((".tif", ".vrt"))
            layers.append((name, source, is_raster, step.styles.get(output)))
    project = OUT / "timestack-demo.qgz"
    added = write_project(layers, project)
    (OUT / "results.json").write_text(json.dumps(results, indent=2, default=str))
    print(f"demo: {added} layers in {project.relative_to(ROOT)}; outputs listed in demo-output/results.json")
    summarise(results)
    return 0


def summarise(results: dict) -> None:
    """What the run found, in the analyst's terms."""
    import numpy as np
    import pandas as pd
    import rasterio

    with rasterio.open(results["timestack:changemap"]["OUTPUT"]) as src:
        year = src.read(1)
        hectares = src.res[0] * src.res[1] / 10_000
    mapped = np.isfinite(year)
    years, counts = np.unique(year[mapped].astype(int), return_counts=True)
    table = pd.read_csv(results["timestack:zonalstats"]["OUTPUT"])
    print(
        f"demo: {results['timestack:searchscenes']['COUNT']} scenes -> annual composites "
        f"{FIRST_YEAR}-{LAST_YEAR} -> LandTrendr -> {mapped.sum() * hectares:,.0f} ha disturbed"
    )
    print("demo: largest disturbance years: " + ", ".join(
        f"{y} ({c * hectares:,.0f} ha)" for y, c in sorted(zip(years, counts), key=lambda p: -p[1])[:3]
    ))  # fmt: skip
    print(f"demo: {table['id'].nunique()} stands x {table['date'].nunique()} years of NBR/NDVI statistics")


if __name__ == "__main__":
    sys.exit(main())

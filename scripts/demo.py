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
    from timestack.processing.styles import year_of_detection_renderer

    layer.setRenderer(year_of_detection_renderer(layer, FIRST_YEAR, LAST_YEAR))


def event_count(layer) -> None:
    """Every loss event per pixel: the ``loss_count`` band, 0 to 3 events, in grey."""
    from qgis.core import QgsContrastEnhancement, QgsSingleBandGrayRenderer

    from timestack.core.io.stack import band_numbers

    band = band_numbers(layer.source())["loss_count"]
    renderer = QgsSingleBandGrayRenderer(layer.dataProvider(), band)
    stretch = QgsContrastEnhancement(layer.dataProvider().dataType(band))
    stretch.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
    stretch.setMinimumValue(0)
    stretch.setMaximumValue(3)
    renderer.setContrastEnhancement(stretch)
    layer.setRenderer(renderer)


def backscatter(layer) -> None:
    """A radar timescan as mean VV backscatter in grey, -25 dB (water) to 0 dB (town)."""
    from qgis.core import QgsContrastEnhancement, QgsSingleBandGrayRenderer

    from timestack.core.io.stack import band_numbers

    band = band_numbers(layer.source())["vv_avg"]
    renderer = QgsSingleBandGrayRenderer(layer.dataProvider(), band)
    stretch = QgsContrastEnhancement(layer.dataProvider().dataType(band))
    stretch.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
    stretch.setMinimumValue(-25)
    stretch.setMaximumValue(0)
    renderer.setContrastEnhancement(stretch)
    layer.setRenderer(renderer)


def outline(color: str) -> Callable:
    """Polygons as outlines over a light fill, as the dock draws stands and footprints."""

    def style(layer) -> None:
        from timestack.processing.styles import outline_renderer

        layer.setRenderer(outline_renderer(color, 40))

    return style


def landtrendr(kind: str) -> Callable:
    """A LandTrendr output styled by the dock's own post-processor (single band, ramp, legend)."""

    def style(layer) -> None:
        from qgis.core import QgsProcessingContext, QgsProject

        from timestack.processing.styles import LandTrendrStyler, stack_scale

        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        scale = stack_scale(layer.source())
        LandTrendrStyler(kind, "nbr", scale, -1).postProcessLayer(layer, context, None)

    return style


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
    #: the key of its outputs in the results (default: the algorithm), for an algorithm run twice
    key: str = ""


STEPS = [
    Step(
        "Sample archive",
        "timestack:samplearchive",
        lambda r: {"VARIANT": 0, "EXTRAS": 0, "OUTPUT_FOLDER": SAMPLE},  # with its Sentinel-1 companion
        {"OUTPUT_STANDS": "Stands (truth)", "OUTPUT_DISTURBANCE_YEAR": "Disturbance year (truth)"},
        {"OUTPUT_STANDS": outline("#ffd700"), "OUTPUT_DISTURBANCE_YEAR": by_year},
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
        {"OUTPUT": outline("#00bfff")},
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
        {"OUTPUT_FITTED": landtrendr("fitted"), "OUTPUT_RMSE": landtrendr("rmse")},
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


def track(r: dict, orbit: str) -> str:
    """The Sentinel-1 stack of the ``orbit`` direction's track (ASCENDING_137.tif, DESCENDING_115.tif)."""
    return next(p for p in r["timestack:sarstack"]["OUTPUT_LAYERS"] if Path(p).name.startswith(orbit))


def radar_timescan(orbit: str) -> Step:
    """Per-pixel statistics of one track's dB stack over 2021 (averaged in linear power: SAR_DB)."""
    return Step(
        f"Radar timescan ({orbit.lower()})",
        "timestack:timescan",
        lambda r: {
            "INPUT": track(r, orbit),
            "METRICS": "avg,min,max,std,p5,p95",
            "VARIABLES": "VV,VH",
            "SAR_DB": True,
            "OUTPUT": OUT / "radar-timescan" / f"{Path(track(r, orbit)).stem}.tif",
        },
        {"OUTPUT": f"Radar timescan, {orbit.lower()} track"},
        {"OUTPUT": backscatter},
        key=f"timescan-{orbit.lower()}",
    )


RADAR_STEPS = [
    Step(
        "Sentinel-1 track stacks",
        "timestack:sarstack",
        lambda r: {
            "ITEMS": r["timestack:samplearchive"]["OUTPUT_SENTINEL1"],
            "RESOLUTION": 20,
            "POLARIZATIONS": "VV,VH",
            "DB": True,
            "SPECKLE_FILTER": 1,
            "OUTPUT_FOLDER": OUT / "radar-tracks",
        },
    ),
    radar_timescan("ASCENDING"),
    radar_timescan("DESCENDING"),
    Step(
        "Radar timescan mosaic",
        "timestack:mosaic",
        lambda r: {"INPUT": OUT / "radar-timescan", "GROUP_BY": 2, "OUTPUT_FOLDER": OUT / "radar-mosaic"},
        {"OUTPUT_LAYERS": "Radar timescan, both tracks"},
        {"OUTPUT_LAYERS": backscatter},
    ),
    Step(
        "Radar cube (NetCDF)",
        "timestack:exportcube",
        lambda r: {"INPUT": track(r, "ASCENDING"), "OUTPUT": OUT / "radar-ascending-cube.nc"},
    ),
]
STEPS += RADAR_STEPS


def qgis_process(algorithm: str, params: dict) -> dict:
    args = [f"--{key}={value}" for key, value in params.items()]
    command = [str(ROOT / "scripts" / "qgis_process.sh"), "--json", "run", algorithm, *args]
    env = {**os.environ, "QGIS_PLUGINPATH": str(ROOT / "build" / "package")}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.exit(f"demo: {algorithm} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout[done.stdout.index("{") :])["results"]


#: The project's layer tree, top to bottom: what answers the question first (where and when the forest
#: was disturbed) over the false-colour years it was found in; diagnostics and truth folded away below.
#: Names are the Step layers' names; a group is (name, [layer names]).
TREE = [
    "Greatest disturbance",
    "Stands (truth)",
    "Annual composites (medoid)",
    (
        "Diagnostics",
        ["Loss events per pixel", "LandTrendr RMSE", "LandTrendr fitted NBR", "Scene footprints"],
    ),
    ("Truth", ["Disturbance year (truth)"]),
    (
        "Radar",
        [
            "Radar timescan, both tracks",
            "Radar timescan, ascending track",
            "Radar timescan, descending track",
        ],
    ),
    "Stand statistics",
]


def write_project(layers: dict, path: Path) -> int:
    """Save a QGIS project of ``layers`` (name -> (source, is_raster, style)) laid out as :data:`TREE`:
    opened, it shows the change map's year ramp over the last year's false colour, zoomed to the area,
    with diagnostic and truth layers in collapsed, unchecked groups, and the Temporal Controller playing
    the composite's years one a frame. Returns the number of layers."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT / "build" / "package"))  # the built plugin, for its styles
    from qgis.core import QgsApplication, QgsProject, QgsRasterLayer, QgsReferencedRectangle, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    root = project.layerTreeRoot()
    added = {}
    for entry in TREE:
        group_name, names = entry if isinstance(entry, tuple) else (None, [entry])
        parent = root.addGroup(group_name) if group_name else root
        for name in names:
            if name not in layers:
                continue
            source, is_raster, style = layers[name]
            if name == "Annual composites (medoid)":
                layer = add_composite(project, parent, source, name)
            else:
                layer = QgsRasterLayer(source, name) if is_raster else QgsVectorLayer(source, name, "ogr")
                if not layer.isValid():
                    print(f"demo: could not open {source} as a layer", file=sys.stderr)
                    continue
                project.addMapLayer(layer, False)
                parent.addLayer(layer)
                if style is not None:
                    style(layer)
                node = root.findLayer(layer.id())
                if node.parent() is not parent:  # the dock's stylers bring a new result to the top
                    parent.addChildNode(node.clone())
                    node.parent().removeChildNode(node)
            added[name] = layer
        if group_name:
            parent.setExpanded(False)
            parent.setItemVisibilityChecked(False)
    for name in ("Scene footprints", "Stand statistics"):
        node = root.findLayer(added[name].id()) if name in added else None
        if node is not None:
            node.setItemVisibilityChecked(False)
    change = added.get("Greatest disturbance")
    if change is not None:
        project.setCrs(change.crs())
        extent = change.extent().buffered(change.extent().width() * 0.05)
        project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, change.crs()))
    ok = project.write(str(path))
    app.exitQgis()
    if not ok:
        sys.exit(f"demo: could not write {path}")
    return len(added)


def add_composite(project, parent, stack: str, name: str):
    """The composite as the dock loads it: one false-colour layer per year (newest on top, so it shows
    while time is off; each with its year as temporal range) in a group the Temporal Controller plays,
    and the project's time set to the years with a one-year step."""
    from osgeo import gdal

    from timestack.core.io.bands import parse_band
    from timestack.core.io.stack import SCALE_INT16
    from timestack.processing.styles import composite_layers, play_years

    dataset = gdal.Open(stack)
    labels = (
        parse_band(dataset.GetRasterBand(b).GetDescription()) for b in range(1, dataset.RasterCount + 1)
    )
    years = sorted({label.year for label in labels if label is not None})
    dataset = None
    stack_layer, year_layers = composite_layers(stack, name, years, SCALE_INT16)
    group = parent.addGroup(name)
    for year_layer in year_layers:
        project.addMapLayer(year_layer, False)
        group.addLayer(year_layer)
    group.setExpanded(False)
    project.addMapLayer(stack_layer, False)
    parent.addLayer(stack_layer)
    project.layerTreeRoot().findLayer(stack_layer.id()).setItemVisibilityChecked(False)
    play_years(project, years[0], years[-1])
    return stack_layer


def main() -> int:
    OUT.mkdir(exist_ok=True)
    results: dict = {}
    layers = {}
    for step in STEPS:
        started = time.perf_counter()
        outputs = qgis_process(step.algorithm, step.params(results))
        results[step.key or step.algorithm] = outputs
        print(f"demo: {step.title:<28} {time.perf_counter() - started:6.1f} s  ({step.algorithm})")
        for output, name in step.layers.items():
            value = outputs[output]
            source = str(value[0] if isinstance(value, list) else value)  # a mosaic: its one VRT
            is_raster = source.lower().endswith((".tif", ".vrt"))
            layers[name] = (source, is_raster, step.styles.get(output))
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

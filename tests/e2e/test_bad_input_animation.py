"""``timestack:animation`` through qgis_process against careless input: every case is refused with a
message naming the parameter to fix, and leaves every file in the folder exactly as it was."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.helpers.bad_input import Case, bad_files, read_only, run_case, stack_file_cases
from tests.helpers.rasters import ORIGIN, write_stack

ALGORITHM = "timestack:animation"
GIF = "{root}/out/animation.gif"
YEARS = range(2015, 2021)
#: qgis_process's environment for a case: an ffmpeg that is not there, as on a system without one.
ENVIRONMENT = {"mp4-without-an-encoder": {"IMAGEIO_FFMPEG_EXE": "/nonexistent/ffmpeg"}}


def geojson(path, geometries, crs="EPSG:32633"):
    """A GeoJSON file of ``geometries`` (GeoJSON geometry dicts) with a named CRS."""
    features = [{"type": "Feature", "properties": {"id": i}, "geometry": g} for i, g in enumerate(geometries)]
    path.write_text(json.dumps({
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": crs.replace("EPSG:", "urn:ogc:def:crs:EPSG::")}},
        "features": features,
    }))  # fmt: skip
    return path


def looping_vrt(path):
    """A VRT whose two dated bands read the VRT itself: GDAL fails to read it without naming a file."""
    bands = "".join(
        f'<VRTRasterBand dataType="Float32" band="{band}"><Description>{year}_nbr</Description>'
        f'<SimpleSource><SourceFilename relativeToVRT="1">{path.name}</SourceFilename>'
        f"<SourceBand>{band}</SourceBand></SimpleSource></VRTRasterBand>"
        for band, year in ((1, 2015), (2, 2016))
    )
    path.write_text(f'<VRTDataset rasterXSize="10" rasterYSize="10">{bands}</VRTDataset>\n')
    return path


def square(x, y, side):
    return {
        "type": "Polygon",
        "coordinates": [[[x, y], [x + side, y], [x + side, y - side], [x, y - side], [x, y]]],
    }


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    root = tmp_path_factory.mktemp("animation_bad")
    rng = np.random.default_rng(11)
    data = rng.uniform(0, 1, (2 * len(YEARS), 10, 12)).astype("float32")
    names = [f"{year}_{name}" for name in ("nbr", "ndvi") for year in YEARS]
    stack = write_stack(root / "stack.tif", data, names, nodata=np.nan)
    files = bad_files(root, stack)
    apart = [f"{year}_red" for year in YEARS[:2]] + [f"{year}_green" for year in YEARS[2:4]]
    apart += [f"{year}_blue" for year in YEARS[4:]]
    x, y = ORIGIN
    paths = {
        "root": root,
        "stack": stack,
        "doubled": write_stack(root / "doubled.tif", data[:3], names[:1] * 2 + names[1:2], nodata=np.nan),
        "apart": write_stack(root / "apart.tif", data[:6], apart, nodata=np.nan),
        "far_away": geojson(root / "far_away.geojson", [square(x + 1e5, y - 1e5, 300)]),
        "points": geojson(root / "points.geojson", [{"type": "Point", "coordinates": [x + 60, y - 60]}]),
        "lines": geojson(root / "lines.geojson",
                         [{"type": "LineString", "coordinates": [[x, y], [x + 90, y - 90]]}]),
        "no_polygons": geojson(root / "no_polygons.geojson", []),
        "looping": looping_vrt(root / "looping.vrt"),
    }  # fmt: skip
    with read_only(files["readonly"]):
        yield {name: str(path) for name, path in {**files, **paths}.items()}


def animate(**extra) -> dict:
    """INPUT the good two-variable stack showing nbr, the GIF in out/; ``extra`` replaces or adds."""
    return {"INPUT": "{stack}", "BANDS": "nbr", "OUTPUT": GIF, **extra}


def case(name: str, fragment: str, **changes) -> Case:
    """A row of the table: animate() with ``changes``, refused with ``fragment`` in the message."""
    return Case(name, animate(**changes), fragment)


CASES = [
    *stack_file_cases(case, "animation.gif"),
    case(
        "input-undated-bands",
        "INPUT: band 1 (no description) carries no date; an animation shows one frame per date",
        INPUT="{undated}",
        BANDS="",
    ),
    case(
        "input-single-date",
        "INPUT: nbr has only one date (2000-01-01); an animation needs two or more",
        INPUT="{single}",
        BANDS="",
    ),
    case("input-date-twice", "INPUT: nbr has two bands dated 2015-01-01", INPUT="{doubled}"),
    case("input-vrt-reading-itself", "INPUT: cannot use a file: Read or write", INPUT="{looping}", BANDS=""),
    case("bands-not-in-the-stack", "BANDS: ndmi not in the stack (it holds nbr, ndvi)", BANDS="ndmi"),
    case(
        "bands-needed-for-two-variables",
        "BANDS: the stack holds nbr, ndvi; choose one in BANDS or three in RGB",
        BANDS="",
    ),
    case("bands-two-variables", "BANDS: nbr,ndvi names several variables", BANDS="nbr,ndvi"),
    case("bands-a-band-number", "BANDS: 7 not in the stack (it holds nbr, ndvi)", BANDS="7"),
    case("rgb-one-variable", "RGB: name three variables (red, green, blue), got 1", BANDS="", RGB="nbr"),
    case(
        "rgb-four-variables",
        "RGB: name three variables (red, green, blue), got 4",
        BANDS="",
        RGB="nbr,ndvi,nbr,ndvi",
    ),
    case(
        "rgb-unknown-variable",
        "RGB: swir1 not in the stack (it holds nbr, ndvi)",
        BANDS="",
        RGB="nbr,ndvi,swir1",
    ),
    case(
        "rgb-no-shared-date",
        "RGB: red, green, blue share no date",
        INPUT="{apart}",
        BANDS="",
        RGB="red,green,blue",
    ),
    case("rgb-and-bands-together", "BANDS and RGB are both set", RGB="nbr,ndvi,nbr"),
    case(
        "stretch-reversed",
        "STRETCH: percentiles must satisfy 0 ≤ low < high ≤ 100, got 98, 2",
        STRETCH="98,2",
    ),
    case(
        "stretch-above-100",
        "STRETCH: percentiles must satisfy 0 ≤ low < high ≤ 100, got 2, 150",
        STRETCH="2,150",
    ),
    case(
        "stretch-negative",
        "STRETCH: percentiles must satisfy 0 ≤ low < high ≤ 100, got -5, 98",
        STRETCH="-5,98",
    ),
    case(
        "stretch-empty-range",
        "STRETCH: percentiles must satisfy 0 ≤ low < high ≤ 100, got 50, 50",
        STRETCH="50,50",
    ),
    case("stretch-one-number", "STRETCH: give two percentiles, low and high", STRETCH="5"),
    case("stretch-text", "STRETCH: give two percentiles, low and high", STRETCH="low,high"),
    case("colormap-unknown", "COLORMAP: 'rainbowish' is not a matplotlib colour map", COLORMAP="rainbowish"),
    case("aoi-missing", "AOI: {root}/nowhere.gpkg does not exist", AOI="{root}/nowhere.gpkg"),
    case("aoi-a-raster", "AOI: {stack} is not a vector layer QGIS can read", AOI="{stack}"),
    case("aoi-points", "AOI: points holds point geometries, not polygons", AOI="{points}"),
    case("aoi-lines", "AOI: lines holds line geometries, not polygons", AOI="{lines}"),
    case("aoi-without-polygons", "AOI: no_polygons has no polygons", AOI="{no_polygons}"),
    case("aoi-not-overlapping", "AOI: no polygon overlaps the stack", AOI="{far_away}"),
    case("frame-ms-zero", "FRAME_MS must be between 20 and 10000, got 0", FRAME_MS=0),
    case("frame-ms-absurd", "FRAME_MS must be between 20 and 10000", FRAME_MS=1e7),
    case("frame-ms-text", "FRAME_MS must be a number, got 'fast'", FRAME_MS="fast"),
    case("max-size-zero", "MAX_SIZE must be between 16 and 4096, got 0", MAX_SIZE=0),
    case("max-size-absurd", "MAX_SIZE must be between 16 and 4096, got 100000", MAX_SIZE=100000),
    case("output-png", "OUTPUT: animation.png is neither .gif nor .mp4", OUTPUT="{root}/out/animation.png"),
    case("output-avi", "OUTPUT: animation.avi is neither .gif nor .mp4", OUTPUT="{root}/out/animation.avi"),
    case(
        "output-without-extension",
        "OUTPUT: animation is neither .gif nor .mp4",
        OUTPUT="{root}/out/animation",
    ),
    case(
        "mp4-without-an-encoder",
        "OUTPUT: an MP4 needs the ffmpeg encoder and none was found",
        OUTPUT="{root}/out/animation.mp4",
    ),
    case("output-over-the-notes", "OUTPUT: notes.txt is neither .gif nor .mp4", OUTPUT="{text}"),
    case("output-is-a-folder", "OUTPUT: {folder} is a folder; give a file name", OUTPUT="{folder}"),
    case("frames-over-max-gb", "more than the limit of MAX_GB", MAX_GB="0.000000001"),
    case("max-gb-negative", "MAX_GB", MAX_GB="-1"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_animation_refuses_bad_input_by_name_and_changes_nothing(qgis_process, place, case, monkeypatch):
    for name, value in ENVIRONMENT.get(case.id, {}).items():
        monkeypatch.setenv(name, value)
    run_case(qgis_process, ALGORITHM, case, place, inputs=[place["root"]])

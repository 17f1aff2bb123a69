"""ASTER L1T scenes as calibrated GeoTIFFs: one file per scene and subsystem, at the subsystem's own grid.

A scene comes from a STAC item as Planetary Computer's ``aster-l1t`` publishes it (stactools-aster):
assets ``VNIR`` (bands 1, 2, 3N, 15 m), ``SWIR`` (bands 4-9, 30 m) and ``TIR`` (bands 10-14, 90 m),
each one multi-band COG of DNs in the scene's UTM zone, with ``view:sun_elevation`` and
``eo:cloud_cover`` in the properties; or from those COG files themselves (``<scene>-VNIR.tif`` …, the
scene's date read from its ASTER name ``AST_L1T_003MMDDYYYYHHMMSS_…``).

Each subsystem is read window by window (bounded memory), cropped to the area when one is given, and
written at its native resolution and grid as float32 with NaN for no data: radiance
(``aster_b<n>_radiance``), TIR brightness temperature (``aster_b<n>_bt``, K), VNIR/SWIR
top-of-atmosphere reflectance (``aster_b<n>_reflectance``) and the ASTER indices of the registry
(``ndvi``, ``clay_4_6``…, on reflectance), each band described ``YYYY-MM-DD_<variable>``
(see :mod:`..io.bands`), so the files feed the timescan and stacks as any per-date raster does.
Calibration: :mod:`.calibration` (ASTER User Handbook v2; AST_L1T product user's guide).

The published items and COGs carry no gain settings (they are in the HDF-EOS granule's metadata);
VNIR and SWIR bands are converted with normal gain unless ``gains`` says otherwise.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence

import numpy as np

from ..indices import ASTER_INDICES, aster_index
from ..io.atomic import atomic_outputs
from ..io.bands import date_band_description
from ..io.hrefs import checked_gdal_path
from ..runtime import QT_TRANSLATE_NOOP, Cancelled, IsCancelled, Message, Progress, TimestackError
from .calibration import (
    SUBSYSTEMS,
    UNIT_CONVERSION,
    band_name,
    brightness_temperature,
    dn_to_radiance,
    radiance_to_reflectance,
    subsystem_of,
)

__all__ = [
    "PRODUCTS",
    "AsterRunResult",
    "AsterScene",
    "AsterSettings",
    "index_subsystem",
    "run_aster_scenes",
    "scene_gains",
    "scene_from_files",
    "scene_from_hdf",
    "scenes_from_items",
    "subsystem_variables",
]

#: Per-band products, and the subsystems each applies to.
PRODUCTS: dict[str, tuple[str, ...]] = {
    "radiance": ("VNIR", "SWIR", "TIR"),
    "brightness_temperature": ("TIR",),
    "reflectance": ("VNIR", "SWIR"),
}
_SUFFIX = {"radiance": "radiance", "brightness_temperature": "bt", "reflectance": "reflectance"}
#: ``AST_L1T_003`` + MMDDYYYYHHMMSS: the acquisition time in an ASTER granule name.
_ASTER_NAME = re.compile(r"AST_L1T_003(\d{2})(\d{2})(\d{4})(\d{2})(\d{2})(\d{2})")
_SUBSYSTEM_FILE = re.compile(r"^(?P<scene>.+?)[-_](?P<subsystem>VNIR|SWIR|TIR)\.tiff?$", re.IGNORECASE)
#: Why a scene's subsystem gave no file.
NO_FILE = QT_TRANSLATE_NOOP("TimestackCore", "the scene has no {0} file")
NO_SUN = QT_TRANSLATE_NOOP("TimestackCore", "no sun elevation (view:sun_elevation): no reflectance or index")
NIGHT = QT_TRANSLATE_NOOP(
    "TimestackCore", "sun elevation {0:g}°, at or below the horizon (a night scene): no reflectance or index"
)
OUTSIDE = QT_TRANSLATE_NOOP("TimestackCore", "outside the area")
#: Rows read and written at a time.
BLOCK_ROWS = 256


@dataclass(frozen=True)
class AsterScene:
    """One ASTER L1T scene: its id, acquisition date, each subsystem's source (the GDAL path of its COG,
    or a VRT document stacking the bands of an HDF-EOS granule), sun elevation (degrees; None when
    unknown: then no reflectance) and the gain settings its metadata states (band -> HGH/NOR/LO1/LO2)."""

    id: str
    day: dt.date
    sources: dict = field(default_factory=dict)
    sun_elevation: Optional[float] = None
    cloud_cover: Optional[float] = None
    gains: dict = field(default_factory=dict)


@dataclass(frozen=True)
class AsterSettings:
    """What :func:`run_aster_scenes` makes: ``subsystems`` (VNIR, SWIR, TIR), ``products`` (keys of
    :data:`PRODUCTS`), ``indices`` (names of ``ASTER_INDICES``), ``gains`` (band -> HGH/NOR/LO1/LO2,
    normal where absent), an optional area (``bounds`` in ``bounds_crs``) and the output folder."""

    scenes: Sequence[AsterScene]
    output_folder: Path
    subsystems: Sequence[str] = ("VNIR", "SWIR", "TIR")
    products: Sequence[str] = ("radiance", "brightness_temperature")
    indices: Sequence[str] = ()
    gains: dict = field(default_factory=dict)
    bounds: Optional[tuple] = None
    bounds_crs: Optional[str] = None


@dataclass
class AsterRunResult:
    """Files written (scene id, subsystem, path) and scenes or subsystems left out with the reason."""

    files: list = field(default_factory=list)
    skipped: list = field(default_factory=list)


def _scene_day(name: str) -> Optional[dt.date]:
    match = _ASTER_NAME.search(name)
    if not match:
        return None
    month, day, year = (int(v) for v in match.groups()[:3])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def scenes_from_items(items: Any, allowed_roots: Sequence[Path] = ()) -> list[AsterScene]:
    """ASTER scenes of an ItemCollection (path or item dicts) in Planetary Computer's ``aster-l1t``
    shape; items without any VNIR/SWIR/TIR asset are an ITEMS error (they are not ASTER L1T scenes)."""
    from ..composite.catalog import load_items

    features, catalog_dir = load_items(items)
    scenes, foreign = [], []
    for item in features:
        assets = item.get("assets") or {}
        present = [name for name in SUBSYSTEMS if name in assets]
        if not present and "hdf" in assets:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "ITEMS: item {0} is an HDF-EOS granule (NASA Earthdata), which GDAL reads only from a "
                    "local file: download it and give it as INPUT, or search Planetary Computer's aster-l1t."
                ),
                "ITEMS",
                args=(item.get("id"),),
            )  # fmt: skip
        if not present:
            foreign.append(str(item.get("id")))
            continue
        properties = item.get("properties") or {}
        when = properties.get("datetime") or properties.get("start_datetime") or ""
        try:
            day = dt.date.fromisoformat(str(when)[:10])
        except ValueError:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "ITEMS: item {0} has no readable datetime ({1!r})."),
                "ITEMS",
                args=(item.get("id"), when),
            ) from None
        sources = {
            name: checked_gdal_path(assets[name]["href"], catalog_dir, allowed_roots, str(item.get("id")))
            for name in present
        }
        elevation = properties.get("view:sun_elevation")
        cloud = properties.get("eo:cloud_cover")
        scenes.append(
            AsterScene(
                str(item.get("id")),
                day,
                sources,
                float(elevation) if elevation is not None else None,
                float(cloud) if cloud is not None else None,
            )
        )
    if foreign:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "ITEMS: {0} of the items are not ASTER L1T scenes (no VNIR, SWIR or TIR asset), e.g. {1}; "
                "search the aster-l1t collection."
            ),
            "ITEMS",
            args=(len(foreign), foreign[0]),
        )  # fmt: skip
    return scenes


def scene_from_files(paths: Sequence[str | Path]) -> list[AsterScene]:
    """Scenes from subsystem COG files named ``<ASTER scene>-VNIR.tif`` (``-SWIR``, ``-TIR``, or with
    ``_``), grouped by scene, the date from the ASTER name; and from HDF-EOS granules (``.hdf``, see
    :func:`scene_from_hdf`). Errors name INPUT."""
    grouped: dict[str, dict] = {}
    hdf: list[AsterScene] = []
    for path in paths:
        path = Path(path)
        if path.suffix.lower() in (".hdf", ".he4", ".h4"):
            hdf.append(scene_from_hdf(path))
            continue
        match = _SUBSYSTEM_FILE.match(path.name)
        if not match or _scene_day(match["scene"]) is None:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "INPUT: {0} is not named like an ASTER L1T subsystem file "
                    "(AST_L1T_003MMDDYYYYHHMMSS_…-VNIR.tif, -SWIR.tif or -TIR.tif)."
                ),
                "INPUT",
                args=(path.name,),
            )  # fmt: skip
        if not path.is_file():
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "INPUT: {0} does not exist."), "INPUT", args=(path,)
            )
        grouped.setdefault(match["scene"], {})[match["subsystem"].upper()] = str(path)
    cogs = []
    for scene, sources in sorted(grouped.items()):
        day = _scene_day(scene)
        if day is None:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "INPUT: {0} does not name a real acquisition date."),
                "INPUT",
                args=(scene,),
            )
        cogs.append(AsterScene(scene, day, sources))
    return sorted(cogs + hdf, key=lambda scene: (scene.day, scene.id))


_IMAGE_DATA = re.compile(r"\bImageData(\d{1,2}N?)\b")


def _hdf_error(path: Path, what: str) -> TimestackError:
    return TimestackError(
        QT_TRANSLATE_NOOP(
            "TimestackCore", "INPUT: {0} is not an ASTER L1T HDF-EOS granule GDAL can read ({1})."
        ),
        "INPUT",
        args=(path.name, what),
    )


def _pair(metadata: dict, key: str, path: Path) -> tuple[float, float]:
    try:
        first, second = (float(v) for v in metadata[key].split(","))
    except (KeyError, ValueError):
        raise _hdf_error(path, f"no {key} in its metadata") from None
    return first, second


def scene_from_hdf(path: str | Path) -> AsterScene:
    """An ASTER L1T HDF-EOS granule as a scene, read through GDAL's HDF4 driver.

    The bands are the ``ImageData1`` … ``ImageData14`` science datasets (swath fields of ``VNIR_Swath``,
    ``SWIR_Swath``, ``TIR_Swath``); the product metadata GDAL flattens gives the gains (``GAIN.n`` =
    ``"3N, HGH"``), the sun elevation (``SOLARDIRECTION`` = azimuth, elevation), the date
    (``CALENDARDATE``) and the UTM grid: ``UPPERLEFTM`` (northing, easting of the upper-left pixel's
    centre), ``UTMZONENUMBER``, south of the equator when ``NORTHBOUNDINGCOORDINATE`` < 0 (northings then
    + 10,000 km), each subsystem's corner half of its own pixel beyond that centre, as the LP DAAC's
    AST_L1T GeoTIFF conversion reads them (LP DAAC, "ASTERL1T_DN2REF.py", 2017). Each subsystem becomes
    a VRT over its bands at 15, 30 or 90 m. (Planetary Computer's COGs were instead georeferenced on the
    scene footprint's bounds by stactools-aster, so their grids can differ from these by a fraction of a
    pixel.)
    """
    from osgeo import gdal

    from .calibration import RESOLUTION_M

    path = Path(path)
    if not path.is_file():
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "INPUT: {0} does not exist."), "INPUT", args=(path,)
        )
    try:  # GDAL raises or returns None, whether exceptions are on (another module may have turned them on)
        dataset = gdal.OpenEx(str(path), gdal.OF_RASTER)
    except RuntimeError as error:
        raise _hdf_error(path, str(error)) from None
    if dataset is None:
        raise _hdf_error(path, gdal.GetLastErrorMsg() or "GDAL cannot open it")
    metadata = dataset.GetMetadata() or {}
    subdatasets = dataset.GetSubDatasets()
    dataset = None  # closed before any refusal: a traceback holding it crashes GDAL at exit
    bands: dict = {}
    for name, description in subdatasets:
        match = _IMAGE_DATA.search(description) or _IMAGE_DATA.search(name)
        if match and match[1] in UNIT_CONVERSION:
            bands[match[1]] = name
    if not bands:
        raise _hdf_error(path, "no ImageData science dataset")
    northing, easting = _pair(metadata, "UPPERLEFTM", path)
    try:
        zone = abs(int(float(metadata["UTMZONENUMBER"])))
    except (KeyError, ValueError):
        raise _hdf_error(path, "no UTMZONENUMBER in its metadata") from None
    south = float(metadata.get("NORTHBOUNDINGCOORDINATE", 1) or 1) < 0 or float(metadata["UTMZONENUMBER"]) < 0
    if south:
        northing += 10_000_000.0
    epsg = (32700 if south else 32600) + zone
    gains = {}
    for key, value in metadata.items():
        if key.upper().startswith("GAIN"):
            band, _, gain = value.partition(",")
            band = band.strip().lstrip("0").upper() or band.strip()
            if band in UNIT_CONVERSION and gain.strip().upper() in UNIT_CONVERSION[band]:
                gains[band] = gain.strip().upper()
    elevation = _pair(metadata, "SOLARDIRECTION", path)[1] if "SOLARDIRECTION" in metadata else None
    day = None
    if metadata.get("CALENDARDATE"):
        try:
            day = dt.datetime.strptime(metadata["CALENDARDATE"].strip(), "%Y%m%d").date()
        except ValueError:
            day = None
    day = day or _scene_day(path.name)
    if day is None:
        raise _hdf_error(path, "no CALENDARDATE in its metadata")
    sources = {}
    for subsystem, members in SUBSYSTEMS.items():
        if not all(band in bands for band in members):
            continue
        res = RESOLUTION_M[subsystem]
        try:
            first = gdal.Open(bands[members[0]])
        except RuntimeError as error:
            raise _hdf_error(path, str(error)) from None
        if first is None:
            raise _hdf_error(path, f"{bands[members[0]]} cannot be opened")
        width, height = first.RasterXSize, first.RasterYSize
        dtype = gdal.GetDataTypeName(first.GetRasterBand(1).DataType)
        first = None
        transform = (easting - res / 2, res, 0.0, northing + res / 2, 0.0, -res)
        sources[subsystem] = _vrt(bands, members, width, height, dtype, transform, epsg)
    return AsterScene(path.name.rsplit(".", 1)[0], day, sources, elevation, None, gains)


def _vrt(bands: dict, members, width: int, height: int, dtype: str, transform, epsg: int) -> str:
    """A VRT document stacking ``members``' science datasets on the UTM grid ``transform``."""
    from xml.sax.saxutils import escape

    from rasterio.crs import CRS

    parts = [
        f'<VRTDataset rasterXSize="{width}" rasterYSize="{height}">',
        f"<SRS>{escape(CRS.from_epsg(epsg).to_wkt())}</SRS>",
        f"<GeoTransform>{', '.join(repr(float(v)) for v in transform)}</GeoTransform>",
    ]
    for number, band in enumerate(members, start=1):
        parts += [
            f'<VRTRasterBand dataType="{dtype}" band="{number}"><NoDataValue>0</NoDataValue>',
            f"<SimpleSource><SourceFilename>{escape(bands[band])}</SourceFilename><SourceBand>1</SourceBand>",
            f'<SrcRect xOff="0" yOff="0" xSize="{width}" ySize="{height}"/>',
            f'<DstRect xOff="0" yOff="0" xSize="{width}" ySize="{height}"/></SimpleSource></VRTRasterBand>',
        ]
    parts.append("</VRTDataset>")
    return "".join(parts)


def _open_source(source: str, stack):
    """rasterio dataset of a COG path or of a granule subsystem's VRT document (a memory file that
    ``stack``, an ExitStack, closes after the dataset)."""
    import rasterio
    from rasterio.io import MemoryFile

    if source.startswith("<VRTDataset"):
        memory = stack.enter_context(MemoryFile(source.encode(), ext=".vrt"))
        return stack.enter_context(memory.open())
    return stack.enter_context(rasterio.open(source))


def index_subsystem(name: str) -> str:
    """The subsystem holding every band of ASTER index ``name`` (NDVI: VNIR; the ratios: SWIR)."""
    subsystems = {subsystem_of(band.removeprefix("aster_b")) for band in aster_index(name).bands}
    return subsystems.pop()


def subsystem_variables(subsystem: str, products: Sequence[str], indices: Sequence[str]) -> list[str]:
    """The variables (band descriptions without the date) a subsystem's file gets, in order."""
    names = [
        f"{band_name(band)}_{_SUFFIX[product]}"
        for product in products
        if subsystem in PRODUCTS[product]
        for band in SUBSYSTEMS[subsystem]
    ]
    names += [aster_index(index).name.lower() for index in indices if index_subsystem(index) == subsystem]
    return names


def _check_settings(settings: AsterSettings) -> None:
    unknown = [s for s in settings.subsystems if s not in SUBSYSTEMS]
    if unknown or not settings.subsystems:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "SUBSYSTEMS: choose among VNIR, SWIR and TIR (got {0})."),
            "SUBSYSTEMS",
            args=(", ".join(unknown) or "none",),
        )
    bad = [p for p in settings.products if p not in PRODUCTS]
    if bad:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "PRODUCTS: unknown product {0}; expected one of {1}."),
            "PRODUCTS",
            args=(bad[0], ", ".join(PRODUCTS)),
        )
    for name in settings.indices:
        if name.upper() not in ASTER_INDICES:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "INDICES: {0} is not an ASTER index; use one of {1}."),
                "INDICES",
                args=(name, ", ".join(ASTER_INDICES)),
            )
        if index_subsystem(name) not in settings.subsystems:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore", "INDICES: {0} needs the {1} subsystem; add it to SUBSYSTEMS."
                ),
                "INDICES",
                args=(name.upper(), index_subsystem(name)),
            )
    for subsystem in settings.subsystems:
        if not subsystem_variables(subsystem, settings.products, settings.indices):
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "PRODUCTS: the {0} subsystem gets none of the products asked for; add radiance, "
                    "brightness_temperature (TIR) or reflectance (VNIR, SWIR), or leave {0} out of "
                    "SUBSYSTEMS."
                ),
                "PRODUCTS",
                args=(subsystem,),
            )  # fmt: skip
    if not settings.scenes:
        raise TimestackError(QT_TRANSLATE_NOOP("TimestackCore", "ITEMS: no ASTER scene to process."), "ITEMS")


def _window(src, settings: AsterSettings):
    """The window of ``src`` inside the area (whole dataset without one), None if they do not meet."""
    from rasterio.warp import transform_bounds
    from rasterio.windows import Window, from_bounds

    full = Window(0, 0, src.width, src.height)
    if settings.bounds is None:
        return full
    left, bottom, right, top = transform_bounds(
        settings.bounds_crs, src.crs, *settings.bounds, densify_pts=21
    )
    area = from_bounds(left, bottom, right, top, src.transform)
    # every pixel the area touches (outward to whole pixels, as the composite's grid): rounding the
    # offset and the length apart gave an area inside one pixel no pixel at all ("outside the area")
    col, row = math.floor(area.col_off + 1e-6), math.floor(area.row_off + 1e-6)
    width = math.ceil(area.col_off + area.width - 1e-6) - col
    height = math.ceil(area.row_off + area.height - 1e-6) - row
    window = Window(col, row, max(width, 0), max(height, 0))
    try:
        window = window.intersection(full)
    except Exception:  # rasterio's WindowError: no overlap
        return None
    if window.width < 1 or window.height < 1:
        return None
    return window


def scene_gains(scene: AsterScene, settings: AsterSettings) -> dict:
    """Band -> gain: normal, then what the scene's metadata states, then what GAINS says."""
    return {band: "NOR" for band in UNIT_CONVERSION} | scene.gains | dict(settings.gains)


def _block_values(
    scene: AsterScene, subsystem: str, dn: np.ndarray, settings: AsterSettings
) -> list[np.ndarray]:
    """The output bands of one block of DNs (bands × rows × cols), in :func:`subsystem_variables` order."""
    bands = SUBSYSTEMS[subsystem]
    gains = scene_gains(scene, settings)
    radiance = {band: dn_to_radiance(dn[i], band, gains[band]) for i, band in enumerate(bands)}
    reflectance: dict = {}
    if subsystem != "TIR" and ("reflectance" in settings.products or settings.indices):
        sun_elevation = scene.sun_elevation
        assert sun_elevation is not None, "scenes without a sun elevation are skipped before reading"
        reflectance = {
            band: radiance_to_reflectance(radiance[band], band, sun_elevation, scene.day) for band in bands
        }
    values = []
    for product in settings.products:
        if subsystem not in PRODUCTS[product]:
            continue
        for band in bands:
            if product == "radiance":
                values.append(radiance[band])
            elif product == "brightness_temperature":
                values.append(brightness_temperature(radiance[band], band))
            else:
                values.append(reflectance[band])
    for name in settings.indices:
        if index_subsystem(name) == subsystem:
            named = {band_name(band): reflectance[band] for band in bands}
            values.append(aster_index(name).formula(named).astype(np.float32))
    return values


def _write_subsystem(scene, subsystem, src, window, target, settings, is_cancelled) -> None:
    import rasterio

    variables = subsystem_variables(subsystem, settings.products, settings.indices)
    profile = {
        "driver": "GTiff",
        "dtype": "float32",
        "count": len(variables),
        "width": int(window.width),
        "height": int(window.height),
        "crs": src.crs,
        "transform": src.window_transform(window),
        "nodata": float("nan"),
        "tiled": True,
        "blockxsize": 256,
        "blockysize": 256,
        "compress": "deflate",
        "predictor": 3,
        "BIGTIFF": "IF_SAFER",
    }
    from rasterio.windows import Window

    with rasterio.open(target, "w", **profile) as dst:
        for number, variable in enumerate(variables, start=1):
            dst.set_band_description(number, date_band_description(scene.day, variable))
        dst.update_tags(
            ASTER_SCENE=scene.id,
            ASTER_SUBSYSTEM=subsystem,
            ASTER_GAINS=",".join(f"{b}:{scene_gains(scene, settings)[b]}" for b in SUBSYSTEMS[subsystem]),
        )
        for row in range(0, int(window.height), BLOCK_ROWS):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("ASTER run cancelled.")
            rows = min(BLOCK_ROWS, int(window.height) - row)
            read = Window(window.col_off, window.row_off + row, window.width, rows)
            dn = src.read(window=read)
            for number, values in enumerate(_block_values(scene, subsystem, dn, settings), start=1):
                dst.write(values, number, window=Window(0, row, int(window.width), rows))


def run_aster_scenes(
    settings: AsterSettings, progress: Optional[Progress] = None, is_cancelled: Optional[IsCancelled] = None
) -> AsterRunResult:
    """Write ``<scene id>_<SUBSYSTEM>.tif`` in ``settings.output_folder`` for every scene and subsystem.

    All files appear together or none does (a cancel or an error leaves the folder as it was). Scenes
    whose subsystem file is missing, that lie outside the area, or that lack the sun elevation
    reflectance needs (or were taken with the sun below the horizon) are listed in ``skipped`` with the
    reason; none written at all is an error.
    """
    import rasterio

    _check_settings(settings)
    needs_sun = "reflectance" in settings.products or bool(settings.indices)
    result = AsterRunResult()
    planned = []
    for scene in settings.scenes:
        for subsystem in settings.subsystems:
            # the sun matters to reflectance only (VNIR, SWIR): others go as under a sun at the zenith
            sun = scene.sun_elevation if needs_sun and subsystem != "TIR" else 90.0
            if subsystem not in scene.sources:
                result.skipped.append((scene.id, subsystem, Message(NO_FILE, subsystem)))
            elif sun is None:
                result.skipped.append((scene.id, subsystem, Message(NO_SUN)))
            elif sun <= 0:
                # cos of a zenith at or past 90°: reflectance negative or without bound
                result.skipped.append((scene.id, subsystem, Message(NIGHT, sun)))
            else:
                planned.append((scene, subsystem))
    folder = Path(settings.output_folder)
    targets = {(scene.id, subsystem): folder / f"{scene.id}_{subsystem}.tif" for scene, subsystem in planned}
    with atomic_outputs(targets) as temporaries:
        written = []
        for number, (scene, subsystem) in enumerate(planned):
            if progress:
                progress(100.0 * number / max(len(planned), 1), Message(
                    QT_TRANSLATE_NOOP("TimestackCore", "ASTER {0} {1}"), scene.id, subsystem
                ))  # fmt: skip
            source = scene.sources[subsystem]
            stack = contextlib.ExitStack()
            try:
                src = _open_source(source, stack)
            except rasterio.errors.RasterioIOError as error:
                stack.close()
                raise TimestackError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore", "ITEMS: the {0} file of scene {1} cannot be read: {2}"
                    ),
                    "ITEMS",
                    args=(subsystem, scene.id, error),
                ) from None
            with stack:
                expected = len(SUBSYSTEMS[subsystem])
                if src.count != expected:
                    raise TimestackError(
                        QT_TRANSLATE_NOOP(
                            "TimestackCore",
                            "ITEMS: the {0} file of scene {1} has {2} bands; an ASTER L1T {0} COG has {3}."
                        ),
                        "ITEMS",
                        args=(subsystem, scene.id, src.count, expected),
                    )  # fmt: skip
                window = _window(src, settings)
                if window is None:
                    result.skipped.append((scene.id, subsystem, Message(OUTSIDE)))
                    temporaries.pop((scene.id, subsystem)).unlink(missing_ok=True)
                    continue
                target = temporaries[(scene.id, subsystem)]
                _write_subsystem(scene, subsystem, src, window, target, settings, is_cancelled)
                written.append((scene.id, subsystem, targets[(scene.id, subsystem)]))
        if not written:
            reasons = "; ".join(f"{s} {sub}: {why}" for s, sub, why in result.skipped) or "no scene"
            if settings.bounds is not None and any(why == OUTSIDE for _, _, why in result.skipped):
                raise TimestackError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore",
                        "EXTENT: no scene gave any output ({0}); choose an area the scenes cover."
                    ),
                    "EXTENT",
                    args=(reasons,),
                )  # fmt: skip
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "ITEMS: no scene gave any output ({0})."),
                "ITEMS",
                args=(reasons,),
            )
    result.files = written
    if progress:
        progress(100.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "{0} ASTER files"), len(written)))
    return result

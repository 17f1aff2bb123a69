"""The annual composite as an Earth Engine graph (ENGINE=earthengine): same masks, indices and medoid.

Everything is built from the local engine's sources of truth — QA bits (:mod:`..quality.qa`), mask choices
(:mod:`..quality.masks`), harmonisation coefficients (:mod:`..quality.harmonize`) and the index registry
(:mod:`..indices`) — so both engines compute the same composite. Nothing here talks to the server
until the caller asks for a map tile URL or starts an export task; building the graph needs only an
initialised ``ee``.

Medoid on Earth Engine: each image gets a band holding minus its summed squared distance to the
per-band median of the year's collection, and ``qualityMosaic`` keeps, per pixel, the image where that
band is highest, i.e. the medoid (the LT-GEE / Flood 2013 formulation). The chosen observation's day of
year rides along as a band. Years without scenes get a fully masked image so the annual collection
has every year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from ..indices import INDICES, REFLECTIVE_BANDS, canonical_band, check_indices, spectral_index
from ..io.stack import NODATA, SCALE_INT16
from ..quality.harmonize import OLI_TO_ETM_RMA
from ..quality.masks import QA_PIXEL_FLAG_OF, RADSAT_BAND_OF, MaskOptions, landsat_sensor
from ..quality.qa import (
    CONFIDENCE_LEVELS,
    QA_PIXEL_BITS,
    QA_PIXEL_CONFIDENCE_BITS,
    QA_RADSAT_BITS_OLI,
    QA_RADSAT_BITS_TM_ETM,
)
from ..runtime import MISSING_EARTHENGINE, QT_TRANSLATE_NOOP, TimestackError, optional_import
from .collection_ids import LANDSAT_COLLECTIONS

#: Earth Engine Landsat Collection 2 Tier 1 Level-2 collections by STAC platform name.
COLLECTIONS: Mapping[str, str] = LANDSAT_COLLECTIONS

#: Surface-reflectance band names, in ``REFLECTIVE_BANDS`` order, per sensor.
SR_BANDS: Mapping[str, tuple[str, ...]] = {
    "tm_etm": ("SR_B1", "SR_B2", "SR_B3", "SR_B4", "SR_B5", "SR_B7"),
    "oli": ("SR_B2", "SR_B3", "SR_B4", "SR_B5", "SR_B6", "SR_B7"),
}

SR_SCALE, SR_OFFSET = 2.75e-05, -0.2
DISTANCE_BAND = "medoid_quality"


@dataclass(frozen=True)
class EarthEngineComposite:
    """What to composite on Earth Engine; names follow ``timestack:composite``."""

    region: Sequence[float]  # xmin, ymin, xmax, ymax in EPSG:4326
    start_year: int
    end_year: int
    doy_start: int = 1
    doy_end: int = 366
    bands: Sequence[str] = REFLECTIVE_BANDS
    indices: Sequence[str] = ()
    mask: MaskOptions = field(default_factory=MaskOptions)
    harmonize: bool = False
    platforms: Sequence[str] = tuple(COLLECTIONS)
    max_cloud: float = 100.0

    def __post_init__(self) -> None:
        if self.start_year > self.end_year:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "START_YEAR ({0}) is after END_YEAR ({1})"),
                "START_YEAR",
                args=(self.start_year, self.end_year),
            )
        unknown = [p for p in self.platforms if p not in COLLECTIONS]
        if unknown:
            raise ValueError(
                f"no Earth Engine collection for platforms {unknown}; known: {list(COLLECTIONS)}"
            )
        check_indices(self.indices)


def stack_recipe(
    region: Sequence[float], years: Sequence[int], variables: Sequence[str], doy_window: tuple[int, int]
) -> EarthEngineComposite:
    """The Earth Engine composite matching a local stack: its years, region (EPSG:4326), season and
    variables (index names become indices, band names bands), so both engines see the same series.

    Parameters
    ----------
    region
        ``(xmin, ymin, xmax, ymax)`` in EPSG:4326.
    years
        The stack's years.
    variables
        The stack's variables (bands and indices).
    doy_window
        The season, as first and last day of year.

    Returns
    -------
    EarthEngineComposite
    """
    indices = [name.upper() for name in variables if name.upper() in INDICES]
    bands = [canonical_band(name) for name in variables if name.upper() not in INDICES]
    return EarthEngineComposite(
        region=tuple(region),
        start_year=int(min(years)),
        end_year=int(max(years)),
        doy_start=doy_window[0],
        doy_end=doy_window[1],
        bands=tuple(dict.fromkeys(bands)),
        indices=tuple(dict.fromkeys(indices)),
    )


def _ee():
    return optional_import("ee", "ENGINE earthengine", "earthengine-api", "ENGINE", MISSING_EARTHENGINE)


def discard_mask(image, sensor: str, options: MaskOptions, read_bands: Sequence[str]):
    """ee.Image, 1 where QA_PIXEL / QA_RADSAT say discard (fill always), buffered like the local engine.

    Parameters
    ----------
    image
        A Landsat Collection 2 Level-2 ``ee.Image``.
    sensor
        ``"oli"`` or ``"tm_etm"``.
    options
        The mask classes, confidences and buffer.
    read_bands
        The canonical bands read, whose saturation discards a pixel.

    Returns
    -------
    ee.Image
    """
    ee = _ee()
    qa = image.select("QA_PIXEL")
    discard = qa.bitwiseAnd(1 << QA_PIXEL_BITS["fill"]).neq(0)
    cloudy = ee.Image.constant(0)
    for name in options.flags:
        flag = QA_PIXEL_FLAG_OF.get(name)
        if flag is not None and not (flag == "cirrus" and sensor != "oli"):
            cloudy = cloudy.Or(qa.bitwiseAnd(1 << QA_PIXEL_BITS[flag]).neq(0))
    for name, level in options.min_confidence.items():
        value = CONFIDENCE_LEVELS[level] if isinstance(level, str) else int(level)
        if value > 0:
            cloudy = cloudy.Or(qa.rightShift(QA_PIXEL_CONFIDENCE_BITS[name]).bitwiseAnd(3).gte(value))
    if "saturated" in options.flags:
        bit_names = QA_RADSAT_BITS_OLI if sensor == "oli" else QA_RADSAT_BITS_TM_ETM
        bits = 0
        for band in read_bands:
            bits |= 1 << bit_names[RADSAT_BAND_OF[sensor][band]]
        cloudy = cloudy.Or(image.select("QA_RADSAT").bitwiseAnd(bits).neq(0))
    if options.buffer_pixels > 0:
        cloudy = cloudy.focalMax(radius=options.buffer_pixels, kernelType="circle", units="pixels")
    return discard.Or(cloudy)


def prepare_image(image, sensor: str, settings: EarthEngineComposite, read_bands: Sequence[str]):
    """Scaled, masked (and optionally harmonised) reflectance with canonical band names plus ``doy``.

    Parameters
    ----------
    image, sensor
        As :func:`discard_mask`.
    settings
        The composite's settings (mask, harmonisation).
    read_bands
        The canonical bands to keep.

    Returns
    -------
    ee.Image
    """
    ee = _ee()
    reflectance = (
        image.select(list(SR_BANDS[sensor]), list(REFLECTIVE_BANDS)).multiply(SR_SCALE).add(SR_OFFSET)
    )
    if settings.harmonize and sensor == "oli":
        slopes = [OLI_TO_ETM_RMA[band][0] for band in REFLECTIVE_BANDS]
        intercepts = [OLI_TO_ETM_RMA[band][1] for band in REFLECTIVE_BANDS]
        reflectance = reflectance.subtract(ee.Image.constant(intercepts)).divide(ee.Image.constant(slopes))
        reflectance = reflectance.rename(list(REFLECTIVE_BANDS))
    doy = ee.Image.constant(image.date().getRelative("day", "year").add(1)).toInt16().rename("doy")
    keep = discard_mask(image, sensor, settings.mask, read_bands).Not()
    return (
        reflectance.select(list(read_bands))
        .addBands(doy)
        .updateMask(keep)
        .copyProperties(image, ["system:time_start"])
    )


def season(year, doy_start: int, doy_end: int):
    """(start, end) ee.Date of the DOY window labelled ``year`` (a wrapping window starts the year before).

    Parameters
    ----------
    year
        The composite's year (int or ``ee.Number``).
    doy_start, doy_end
        The season's first and last day of year.

    Returns
    -------
    tuple of ee.Date
        End exclusive.
    """
    ee = _ee()
    first_year = ee.Number(year).subtract(1) if doy_start > doy_end else ee.Number(year)
    start = ee.Date.fromYMD(first_year, 1, 1).advance(doy_start - 1, "day")
    end = ee.Date.fromYMD(year, 1, 1).advance(doy_end, "day")
    return start, end


def scenes(settings: EarthEngineComposite, read_bands: Sequence[str]):
    """All chosen Landsat collections, filtered to the region and years, prepared, merged.

    Parameters
    ----------
    settings
        The composite's settings.
    read_bands
        The canonical bands to keep.

    Returns
    -------
    ee.ImageCollection
    """
    ee = _ee()
    region = ee.Geometry.Rectangle(list(settings.region), "EPSG:4326", False)
    first, _ = season(settings.start_year, settings.doy_start, settings.doy_end)
    _, last = season(settings.end_year, settings.doy_start, settings.doy_end)
    merged: Any = None  # an ee.ImageCollection once the first platform is read
    for platform in settings.platforms:
        sensor = landsat_sensor(platform)
        collection = (
            ee.ImageCollection(COLLECTIONS[platform])
            .filterBounds(region)
            .filterDate(first, last)
            .filter(ee.Filter.lte("CLOUD_COVER", settings.max_cloud))
            .map(lambda image, sensor=sensor: prepare_image(image, sensor, settings, read_bands))
        )
        merged = collection if merged is None else merged.merge(collection)
    return merged


def medoid(collection, bands: Sequence[str]):
    """Per pixel the image nearest (summed squared difference) to the per-band median; keeps ``doy``.

    The medoid is an observation that happened, so its bands stay consistent with each other, unlike a
    per-band median (Flood 2013).

    Parameters
    ----------
    collection
        The season's prepared scenes.
    bands
        The bands the distance is summed over.

    Returns
    -------
    ee.Image
    """
    ee = _ee()
    median = collection.select(list(bands)).median()

    def quality(image):
        difference = image.select(list(bands)).subtract(median)
        distance = difference.multiply(difference).reduce(ee.Reducer.sum())
        return image.addBands(distance.multiply(-1).rename(DISTANCE_BAND))

    return collection.map(quality).qualityMosaic(DISTANCE_BAND).select([*bands, "doy"])


def with_indices(image, indices: Sequence[str]):
    """``image`` plus one band per index, computed by the registry's expression.

    Parameters
    ----------
    image
        Canonical reflectance bands.
    indices
        Index names of the registry.

    Returns
    -------
    ee.Image
    """
    ee = _ee()
    out = image
    for name in indices:
        index = spectral_index(name)
        if index.expression is not None:
            value = image.expression(index.expression, {band: image.select(band) for band in index.bands})
        else:  # TCA = atan(TCG / TCB); the expression language has no arctangent
            bands = {band: image.select(band) for band in REFLECTIVE_BANDS}
            greenness = image.expression(spectral_index("TCG").expression, bands)
            brightness = image.expression(spectral_index("TCB").expression, bands)
            value = greenness.divide(brightness).atan()
        out = out.addBands(ee.Image(value).rename(index.name))
    return out


def annual_collection(settings: EarthEngineComposite) -> Any:
    """ee.ImageCollection with one medoid composite per year (``year`` property), empty years masked.

    Parameters
    ----------
    settings
        The composite's settings.

    Returns
    -------
    ee.ImageCollection
    """
    ee = _ee()
    bands = tuple(settings.bands)
    read_bands = tuple(
        band
        for band in REFLECTIVE_BANDS
        if band in bands or any(band in spectral_index(name).bands for name in settings.indices)
    )
    all_scenes = scenes(settings, read_bands)
    variables = [*bands, *(spectral_index(name).name for name in settings.indices)]
    empty = ee.Image.constant([0] * (len(variables) + 1)).rename([*variables, "doy"]).selfMask().updateMask(0)

    def composite(year):
        start, end = season(year, settings.doy_start, settings.doy_end)
        year_scenes = all_scenes.filterDate(start, end)
        image = with_indices(medoid(year_scenes, read_bands), settings.indices).select([*variables, "doy"])
        chosen = ee.Image(ee.Algorithms.If(year_scenes.size().gt(0), image, empty))
        return chosen.set("year", year, "system:time_start", ee.Date.fromYMD(year, 1, 1).millis())

    years = ee.List.sequence(settings.start_year, settings.end_year)
    return ee.ImageCollection.fromImages(years.map(composite))


def stack(settings: EarthEngineComposite, scaled: bool = True):
    """One multi-band image, bands ``YYYY_name`` year by year (and ``YYYY_doy``): the export's content.

    Parameters
    ----------
    settings
        The composite's settings.
    scaled
        Store reflectance and indices as int16 ×10000 with nodata -32768, like the local stack.

    Returns
    -------
    ee.Image
    """
    ee = _ee()
    variables = [*settings.bands, *(spectral_index(name).name for name in settings.indices)]
    collection = annual_collection(settings)
    if scaled:
        collection = collection.map(
            lambda image: image.select(variables)
            .multiply(SCALE_INT16)
            .round()
            .addBands(image.select("doy"))
            .unmask(NODATA)
            .toInt16()
            .copyProperties(image, ["year", "system:time_start"])
        )
    names = [
        f"{year}_{name}"
        for year in range(settings.start_year, settings.end_year + 1)
        for name in [*variables, "doy"]
    ]
    return ee.Image(collection.toBands()).rename(names)


def serialized_graph(settings: EarthEngineComposite) -> str:
    """The stack's computation graph as Earth Engine's JSON serialization (what the server receives).

    Tests compare it without a network; a user can inspect what would run.

    Parameters
    ----------
    settings
        The composite whose :func:`stack` is serialised.

    Returns
    -------
    str
        JSON.
    """
    return stack(settings).serialize()


def export_task(settings: EarthEngineComposite, description: str, folder: str, crs: str, scale: float = 30.0):
    """An unstarted Google Drive export task of the stack (call ``.start()`` to run it server-side).

    Parameters
    ----------
    settings
        The composite's settings.
    description
        The task's name, also the file's.
    folder
        The Google Drive folder.
    crs
        The output CRS.
    scale
        The pixel size, in metres.

    Returns
    -------
    ee.batch.Task
    """
    ee = _ee()
    return ee.batch.Export.image.toDrive(
        image=stack(settings),
        description=description,
        folder=folder,
        region=ee.Geometry.Rectangle(list(settings.region), "EPSG:4326", False),
        crs=crs,
        scale=scale,
        maxPixels=1e13,
        fileFormat="GeoTIFF",
        formatOptions={"cloudOptimized": True, "noData": NODATA},
    )


def tile_url(settings: EarthEngineComposite, year: int) -> str:
    """An XYZ tile URL of ``year``'s composite in false colour (swir1/nir/red) for a QGIS XYZ layer.

    Parameters
    ----------
    settings
        The composite's settings.
    year
        One of its years.

    Returns
    -------
    str
        An XYZ URL template.

    Raises
    ------
    ValueError
        A year outside the settings.
    TimestackError
        Bands without swir1, nir and red (names BANDS).
    """
    ee = _ee()
    if not settings.start_year <= year <= settings.end_year:
        raise ValueError(f"year {year} is outside {settings.start_year}-{settings.end_year}")
    missing = {"swir1", "nir", "red"} - set(settings.bands)
    if missing:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "the false-colour map layer needs BANDS swir1, nir and red; missing {0}"
            ),
            "BANDS",
            args=(sorted(missing),),
        )  # fmt: skip
    image = annual_collection(settings).filter(ee.Filter.eq("year", year)).first()
    visual = ee.Image(image).visualize(bands=["swir1", "nir", "red"], min=[0, 0, 0], max=[0.35, 0.45, 0.15])
    return visual.getMapId()["tile_fetcher"].url_format

"""LandTrendr on Google Earth Engine, unpacked into the local engine's band layout, and exported.

``ee.Algorithms.TemporalSegmentation.LandTrendr`` takes a yearly ImageCollection whose *first*
band is segmented (a disturbance must be an increase, so indices that fall on disturbance are
multiplied by -1 first) and whose other bands are fitted at the breakpoints. It returns an array
image: band ``LandTrendr`` is a 4 × years matrix (rows: year, source value, fitted value, 1 where
the year is a vertex), ``rmse``, and ``<band>_fit`` 1-D arrays for the other bands (algorithm
description in earthengine-api's algorithm list; Kennedy et al. 2018, LT-GEE guide).

This module builds that graph from an annual composite collection and unpacks it into the images
:func:`timestack.core.landtrendr.fit.run_landtrendr_raster` writes (``vertices``, ``fitted``, ``stats``,
``segments``, ``ftv_<band>``), with the same band names, in the index's natural orientation, so a
GEE export and a local run can be compared band for band. Earth Engine does not report a p-value
or a fit status: those bands are nodata. Nothing here sends a request except ``Task.start()``.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

from ..changemap.maps import SEGMENT_FIELDS
from ..indices import INDICES, check_direction
from ..landtrendr.fit import STATS_BANDS, LandTrendrParams, validate_years
from ..runtime import MISSING_EARTHENGINE, QT_TRANSLATE_NOOP, TimestackError, optional_import
from .login import API_URL_ENV  # noqa: F401 - API_URL_ENV: public here too

#: Nodata of every exported band (GeoTIFF ``noData``); vertex slots beyond a pixel's count hold it.
NODATA = -32768.0
#: Name of the segmented (flipped) band inside the prepared collection.
SEGMENTED_BAND = "segmented"


def _ee():
    return optional_import("ee", "ENGINE earthengine", "earthengine-api", "ENGINE", MISSING_EARTHENGINE)


def prepare_collection(
    collection,
    index: str,
    disturbance_direction: int,
    fit_bands: Sequence[str] = (),
    years: Optional[Sequence[int]] = None,
):
    """The yearly collection LandTrendr expects: the flipped index first, then the fit bands.

    Each image keeps its ``system:time_start``; the collection is sorted by it, as LandTrendr
    requires one image per year in order, and limited to ``years[0]..years[-1]`` when given so the
    output arrays have exactly one entry per year of ``years``.

    Parameters
    ----------
    collection
        An ``ee.ImageCollection`` of annual composites.
    index
        The band to segment.
    disturbance_direction
        +1 when the index rises on disturbance, -1 when it falls; LandTrendr wants disturbances to rise,
        so a falling index is multiplied by -1.
    fit_bands
        Bands fitted at the index's vertex years.
    years
        The years to keep; None: all.

    Returns
    -------
    ee.ImageCollection
    """
    ee = _ee()
    check_direction(disturbance_direction)
    renamed = [f"ftv_{name}" for name in fit_bands]

    def prepare(image):
        image = ee.Image(image)
        segmented = image.select([index]).multiply(disturbance_direction).toFloat().rename([SEGMENTED_BAND])
        if fit_bands:
            segmented = segmented.addBands(image.select(list(fit_bands), renamed).toFloat())
        return segmented.set("system:time_start", image.get("system:time_start"))

    images = ee.ImageCollection(collection)
    if years is not None:
        images = images.filter(ee.Filter.calendarRange(int(years[0]), int(years[-1]), "year"))
    return images.sort("system:time_start").map(prepare)


def landtrendr_image(
    collection,
    index: str,
    params: LandTrendrParams,
    disturbance_direction: int,
    fit_bands: Sequence[str] = (),
    years: Optional[Sequence[int]] = None,
):
    """``ee.Algorithms.TemporalSegmentation.LandTrendr`` over the prepared collection (GEE's array image).

    Parameters
    ----------
    collection, index, disturbance_direction, fit_bands, years
        As :func:`prepare_collection`.
    params
        LandTrendr's parameters, in Earth Engine's names.

    Returns
    -------
    ee.Image
        LandTrendr's array image (``LandTrendr``, ``rmse``, ``<band>_fit`` bands).
    """
    ee = _ee()
    params.validate()
    prepared = prepare_collection(collection, index, disturbance_direction, fit_bands, years)
    return ee.Algorithms.TemporalSegmentation.LandTrendr(timeSeries=prepared, **params.to_gee())


def _vertices(ee, lt_array, n_vertices: int, direction: int):
    """``vertex_{k}_year|source|fitted`` bands; slots beyond a pixel's vertex count are masked."""
    is_vertex = lt_array.arraySlice(0, 3, 4)
    chosen = lt_array.arrayMask(is_vertex)  # 4 × (vertex count)
    rows = [
        chosen.arraySlice(0, 0, 1),
        chosen.arraySlice(0, 1, 2).multiply(direction),
        chosen.arraySlice(0, 2, 3).multiply(direction),
    ]
    table = rows[0].arrayCat(rows[1], 0).arrayCat(rows[2], 0)  # 3 × vertex count
    filler = ee.Image(ee.Array([[NODATA] * n_vertices] * 3))
    padded = table.arrayCat(filler, 1).arraySlice(1, 0, n_vertices).arrayTranspose()  # n_vertices × 3
    kinds = ["year", "source", "fitted"]
    slots = [f"vertex_{k}" for k in range(1, n_vertices + 1)]
    flat = padded.arrayFlatten([slots, kinds])  # bands vertex_k_kind
    names = [f"vertex_{k}_{kind}" for kind in kinds for k in range(1, n_vertices + 1)]
    flat = flat.select(names)
    return flat.updateMask(flat.neq(NODATA))


def _segments(vertices, rmse, n_vertices: int):
    """The segment table from the vertex bands, named like the local engine's ``segments`` output."""
    fields: dict[str, list] = {name: [] for name in SEGMENT_FIELDS}
    for s in range(1, n_vertices):
        start_year = vertices.select(f"vertex_{s}_year")
        end_year = vertices.select(f"vertex_{s + 1}_year")
        start_value = vertices.select(f"vertex_{s}_fitted")
        end_value = vertices.select(f"vertex_{s + 1}_fitted")
        magnitude = end_value.subtract(start_value)
        duration = end_year.subtract(start_year)
        values = {
            "start_year": start_year,
            "end_year": end_year,
            "start_value": start_value,
            "end_value": end_value,
            "magnitude": magnitude,
            "duration": duration,
            "rate": magnitude.divide(duration),
            "dsnr": magnitude.divide(rmse),
        }
        for name in SEGMENT_FIELDS:
            fields[name].append(values[name].rename(f"segment_{s}_{name}"))
    bands = [band for name in SEGMENT_FIELDS for band in fields[name]]
    first, rest = bands[0], bands[1:]
    return first.addBands(rest) if rest else first


def output_band_names(
    index: str, years: Sequence[int], max_segments: int, fit_bands: Sequence[str] = ()
) -> dict:
    """Band names of every output, as the local raster driver writes them (LandTrendrOutputs).

    Both engines name their bands alike, so a change map reads either.

    Parameters
    ----------
    index
        The segmented band.
    years
        The fitted years.
    max_segments
        LandTrendr's maxSegments (vertex slots = maxSegments + 1).
    fit_bands
        The fit bands.

    Returns
    -------
    dict
        Output key (``vertices``, ``fitted``, ``stats``, ``segments``, ``ftv_<band>``) -> band names.
    """
    index = index.lower()
    n_vertices = int(max_segments) + 1
    names = {
        "vertices": [
            f"vertex_{k}_{kind}" for kind in ("year", "source", "fitted") for k in range(1, n_vertices + 1)
        ],
        "fitted": [f"{y}_{index}_fit" for y in years],
        "stats": list(STATS_BANDS),
        "segments": [f"segment_{s}_{name}" for name in SEGMENT_FIELDS for s in range(1, n_vertices)],
    }
    for name in fit_bands:
        names[f"ftv_{name.lower()}"] = [f"{y}_{name.lower()}_fit" for y in years]
    return names


def unpack(
    lt_image,
    index: str,
    years: Sequence[int],
    max_segments: int,
    disturbance_direction: int,
    fit_bands: Sequence[str] = (),
) -> dict:
    """Split LandTrendr's array image into the local engine's outputs (float32, masked = nodata).

    Parameters
    ----------
    lt_image
        :func:`landtrendr_image`'s answer.
    index, years, max_segments, fit_bands
        As :func:`output_band_names`.
    disturbance_direction
        As :func:`prepare_collection`: fitted values are flipped back to the index's own sign.

    Returns
    -------
    dict
        ``{"vertices", "fitted", "stats", "segments", "ftv_<band>"...: ee.Image}`` whose band names are
        :func:`output_band_names` (renaming is the last step of every graph).
    """
    ee = _ee()
    check_direction(disturbance_direction)
    year_list = [int(y) for y in validate_years(years)]
    names = output_band_names(index, year_list, max_segments, fit_bands)
    n_vertices = int(max_segments) + 1
    lt_array = lt_image.select("LandTrendr")
    rmse = lt_image.select("rmse")
    vertices = _vertices(ee, lt_array, n_vertices, disturbance_direction)
    fitted = lt_array.arraySlice(0, 2, 3).arrayProject([1]).multiply(disturbance_direction)
    n_segments = lt_array.arraySlice(0, 3, 4).arrayReduce(ee.Reducer.sum(), [1]).arrayGet([0, 0]).subtract(1)
    unreported = ee.Image.constant(NODATA).updateMask(0)  # GEE gives no p-value and no status
    outputs = {
        "vertices": vertices,
        "fitted": fitted.arrayFlatten([names["fitted"]]),
        "stats": ee.Image.cat([rmse, unreported, n_segments, unreported]),
        "segments": _segments(vertices, rmse, n_vertices),
    }
    for name in fit_bands:
        key = f"ftv_{name.lower()}"
        outputs[key] = lt_image.select(f"ftv_{name}_fit").arrayFlatten([names[key]])
    return {key: image.toFloat().rename(names[key]) for key, image in outputs.items()}


def run_landtrendr_earthengine(
    collection,
    index: str,
    years: Sequence[int],
    params: Optional[LandTrendrParams] = None,
    disturbance_direction: int = -1,
    fit_bands: Sequence[str] = (),
) -> dict:
    """LandTrendr on Earth Engine: ``{output key: ee.Image}`` in the local engine's band layout.

    Parameters
    ----------
    collection, index, disturbance_direction, fit_bands
        As :func:`prepare_collection`.
    years
        The fitted years.
    params
        LandTrendr's parameters; None: Earth Engine's defaults.

    Returns
    -------
    dict
        As :func:`unpack`; nothing is computed until the images are exported.
    """
    params = params or LandTrendrParams()
    years = [int(y) for y in validate_years(years)]
    lt_image = landtrendr_image(collection, index, params, disturbance_direction, fit_bands, years)
    return unpack(lt_image, index, years, params.maxSegments, disturbance_direction, fit_bands)


def collection_band(name: str) -> str:
    """A variable's band name in Timestack's Earth Engine composites: indices upper-case (``NBR``),
    reflective bands lower-case (``swir1``), as :mod:`timestack.core.earthengine.composite` names them.

    Parameters
    ----------
    name
        The variable, any case.

    Returns
    -------
    str
    """
    return name.upper() if name.upper() in INDICES else name.lower()


def export_tasks(
    images: dict,
    prefix: str,
    region,
    crs: str,
    scale: Optional[float] = None,
    crs_transform: Optional[Sequence[float]] = None,
    drive_folder: Optional[str] = None,
    asset_root: Optional[str] = None,
    start: bool = False,
) -> dict:
    """One export task per output image: to Google Drive ``drive_folder`` (GeoTIFF, noData
    :data:`NODATA`) or, with ``asset_root``, to Earth Engine assets ``<asset_root>/<prefix>_<key>``.

    Parameters
    ----------
    images
        Output key -> ``ee.Image`` (:func:`unpack`'s answer).
    prefix
        The file or asset name prefix.
    region
        The ``ee.Geometry`` exported.
    crs
        The output CRS (``EPSG:32633``).
    scale
        The pixel size, in metres; or give ``crs_transform``.
    crs_transform
        The six affine coefficients of a local stack, so both engines' pixels coincide.
    drive_folder
        The Google Drive folder; or give ``asset_root``.
    asset_root
        The Earth Engine asset folder.
    start
        Start the tasks; ``task.start()`` is the only request made here.

    Returns
    -------
    dict
        Output key -> ``ee.batch.Task``.

    Raises
    ------
    TimestackError
        Neither or both of ``drive_folder`` and ``asset_root``, of ``scale`` and ``crs_transform``, or a
        scale that is not positive.
    """
    ee = _ee()
    if bool(drive_folder) == bool(asset_root):
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "export_tasks: give either drive_folder or asset_root"),
            parameter="export_tasks",
        )
    if (scale is None) == (crs_transform is None):
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "export_tasks: give either scale or crs_transform"),
            parameter="export_tasks",
        )
    if scale is not None and scale <= 0:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "scale must be > 0 metres, got {0!r}"),
            parameter="scale",
            args=(scale,),
        )
    grid: dict[str, Any] = (
        {"scale": scale} if scale is not None else {"crsTransform": [float(c) for c in crs_transform or ()]}
    )
    tasks = {}
    for key, image in images.items():
        name = f"{prefix}_{key}"
        common = dict(image=image, description=name, region=region, crs=crs, maxPixels=1e13, **grid)
        if asset_root:
            task = ee.batch.Export.image.toAsset(assetId=f"{asset_root.rstrip('/')}/{name}", **common)
        else:
            task = ee.batch.Export.image.toDrive(
                folder=drive_folder, fileNamePrefix=name, fileFormat="GeoTIFF",
                formatOptions={"noData": NODATA, "cloudOptimized": True}, **common,
            )  # fmt: skip
        if start:
            task.start()
        tasks[key] = task
    return tasks

"""Polygon statistics over time: every polygon, every dated band, one long table.

The pixel work is exactextract's (Baston, *exactextract*, https://github.com/isciences/exactextract):
each pixel is weighted by the exact fraction of it a polygon covers, so small stands and stand edges
are measured correctly where a rasteriser would keep or drop whole pixels. This module prepares its
inputs (validated polygons reprojected to the raster's CRS, dated bands) and turns its output into the
long format of DESIGN.md's ``timestack:zonalstats`` contract: ``id, date, variable`` and one column per
statistic.

Statistics and their exactextract operations (all coverage-weighted):
``mean``, ``median``, ``std`` (population, ``stdev``), ``min``, ``max``, ``count`` (covered valid pixels,
fractional), ``valid_fraction`` (``count`` over the polygon's area in pixels: the unmasked share of the
polygon, 0 where it lies outside the data) and percentiles ``pNN`` (``quantile(q=NN/100)``).
"""

from __future__ import annotations

import math
import os
import re
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

import numpy as np
import pandas as pd

from .. import native
from ..io.atomic import atomic_outputs
from ..io.bands import labelled_bands
from ..runtime import QT_TRANSLATE_NOOP, Cancelled, IsCancelled, Progress, TimestackError
from .options import DEFAULT_STATISTICS

#: Statistic name -> exactextract operation; ``valid_fraction`` and ``pNN`` are derived below.
EXACTEXTRACT_OPS = {
    "mean": "mean",
    "median": "median",
    "std": "stdev",
    "min": "min",
    "max": "max",
    "count": "count",
}
KEY_COLUMNS = ("id", "date", "variable")
#: Descriptive columns that are not statistics (the scene a per-scene row came from).
INFO_COLUMNS = ("scene",)
_PERCENTILE = re.compile(r"^p(\d{1,3})$")
#: Features per exactextract call: bounds memory and gives progress and cancel points.
CHUNK_FEATURES = 100


class ZonalInputError(TimestackError):
    """Bad input, named by the parameter at fault (``POLYGONS``, ``ID_FIELD``, ``INPUT``, ...)."""


@dataclass
class Polygons:
    """Validated polygons: unique ids, OGR geometries and their spatial reference.

    ``repaired`` lists the ids whose invalid geometry was repaired with GEOS MakeValid, so callers
    can report them per feature.
    """

    ids: list
    geometries: list
    srs: Any
    repaired: list = field(default_factory=list)

    def __getstate__(self) -> dict:
        # OGR objects do not pickle; a dask job carries the polygons as WKB and WKT
        return {
            "ids": self.ids,
            "wkb": [bytes(g.ExportToIsoWkb()) for g in self.geometries],
            "srs": self.srs.ExportToWkt(),
            "repaired": self.repaired,
        }

    def __setstate__(self, state: dict) -> None:
        from osgeo import ogr, osr

        self.ids, self.repaired = state["ids"], state["repaired"]
        self.geometries = [ogr.CreateGeometryFromWkb(wkb) for wkb in state["wkb"]]
        self.srs = osr.SpatialReference()
        self.srs.ImportFromWkt(state["srs"])

    def subset(self, rows: range) -> Polygons:
        """The polygons at ``rows`` (a chunk of a run split into jobs)."""
        return Polygons([self.ids[r] for r in rows], [self.geometries[r] for r in rows], self.srs)


@dataclass(frozen=True)
class DatedBand:
    """One band of a stack: 1-based index, acquisition (or composite) date and variable name."""

    index: int
    date: date
    variable: str


def parse_statistics(names: Iterable[str]) -> tuple:
    """Check statistic names (see the module docstring) and return them in the given order.

    Parameters
    ----------
    names
        Statistic names (``mean``, ``p90``, ``valid_fraction``…).

    Returns
    -------
    tuple of str

    Raises
    ------
    ZonalInputError
        No statistic, or an unknown one (names STATS).
    """
    names = tuple(dict.fromkeys(n.strip().lower() for n in names if n.strip()))
    if not names:
        raise ZonalInputError(QT_TRANSLATE_NOOP("TimestackCore", "STATS: choose at least one statistic"))
    for name in names:
        if name in EXACTEXTRACT_OPS or name == "valid_fraction":
            continue
        match = _PERCENTILE.match(name)
        if not match or not 0 <= int(match.group(1)) <= 100:
            raise ZonalInputError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "STATS: unknown statistic {0!r}; use {1} or a percentile such as p10 or p90"
                ),
                args=(name, ", ".join(DEFAULT_STATISTICS)),
            )  # fmt: skip
    return names


def _operation(statistic: str) -> Optional[tuple]:
    """``(exactextract stat, options)`` of a statistic; None for the derived ``valid_fraction``."""
    if statistic in EXACTEXTRACT_OPS:
        return EXACTEXTRACT_OPS[statistic], {}
    match = _PERCENTILE.match(statistic)
    if match:
        return "quantile", {"q": int(match.group(1)) / 100}
    return None


def read_polygons(path: str | os.PathLike, id_field: str, layer: Optional[str] = None) -> Polygons:
    """Read and validate the polygon layer (any OGR format; multipart and holes are kept as they are).

    Invalid geometries that can be repaired are (GEOS MakeValid), and are listed in ``repaired``, so a
    user learns which stands to fix without the run failing.

    Parameters
    ----------
    path
        Any vector file OGR reads.
    id_field
        The field naming each polygon; its values must be unique and set.
    layer
        The layer of a multi-layer source; None: the first.

    Returns
    -------
    Polygons

    Raises
    ------
    ZonalInputError
        An unreadable or empty layer, a missing or empty ``id_field``, duplicate ids, a layer without a
        defined CRS, and geometries that are missing or cannot be repaired into polygons.
    """
    from osgeo import ogr

    source = ogr.Open(str(path))
    if source is None:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP("TimestackCore", "POLYGONS: cannot open {0} as a vector layer"), args=(path,)
        )
    try:
        vector = source.GetLayerByName(layer) if layer else source.GetLayer(0)
        if vector is None:
            raise ZonalInputError(
                QT_TRANSLATE_NOOP("TimestackCore", "POLYGONS: {0} has no layer {1!r}"), args=(path, layer)
            )
        return _layer_polygons(vector, id_field)
    finally:
        source = None  # closed before any refusal leaves: a traceback holding it crashes GDAL at exit


def _layer_polygons(vector, id_field: str) -> Polygons:
    """:func:`read_polygons` of an open OGR layer (the caller owns, and closes, its data source)."""
    from osgeo import ogr

    definition = vector.GetLayerDefn()
    fields = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    # a GeoPackage's fid column is not an OGR field, yet QGIS lists it first among the layer's fields
    fid_column = vector.GetFIDColumn()
    by_fid = bool(id_field) and id_field == fid_column and id_field not in fields
    if not by_fid and (not id_field or id_field not in fields):
        raise ZonalInputError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "ID_FIELD: the polygon layer has no field {0!r}; choose one of {1}"
            ),
            args=(id_field, ", ".join(fields) or "(none)"),
        )
    srs = vector.GetSpatialRef()
    if not _defined(srs):
        raise ZonalInputError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "POLYGONS: the layer has no defined coordinate reference system; assign one (Layer "
                "Properties › Source › Set CRS) and save it"
            )
        )  # fmt: skip
    ids, geometries, repaired, broken, empty_ids, kinds = [], [], [], [], [], set()
    for feature in vector:
        value = feature.GetFID() if by_fid else feature.GetField(id_field)
        label = value if value is not None else f"feature {feature.GetFID()}"
        if value is None or (isinstance(value, str) and not value.strip()):
            empty_ids.append(str(label))
        geometry = feature.GetGeometryRef()
        if geometry is None or geometry.IsEmpty():
            broken.append(str(label))
            continue
        geometry = geometry.Clone()
        if geometry.HasCurveGeometry():  # arcs QGIS digitised: CurvePolygon, MultiSurface
            geometry = geometry.GetLinearGeometry()
        if not geometry.IsValid():
            geometry = _polygonal_part(geometry.MakeValid())
            if geometry is None:
                broken.append(str(label))
                continue
            repaired.append(value)
        if ogr.GT_Flatten(geometry.GetGeometryType()) not in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
            broken.append(str(label))
            kinds.add(ogr.GeometryTypeToName(ogr.GT_Flatten(geometry.GetGeometryType())))
            continue
        ids.append(value)
        geometries.append(geometry)
    if empty_ids:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP("TimestackCore", "ID_FIELD: {0!r} is empty for {1}; fill it in"),
            args=(id_field, _some(empty_ids)),
        )
    if broken and not ids and kinds:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "POLYGONS: the layer holds no polygons (its geometries: {0}); statistics need areas. "
                "Choose a polygon layer, or buffer the features first (Vector › Geoprocessing Tools › "
                "Buffer)"
            ),
            args=(", ".join(sorted(kinds)),),
        )  # fmt: skip
    if broken:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "POLYGONS: features {0} have no polygon geometry or one that cannot be repaired; fix or "
                "remove them (Vector › Geometry Tools › Check Validity)"
            ),
            args=(_some(broken),),
        )  # fmt: skip
    if not ids:
        raise ZonalInputError(QT_TRANSLATE_NOOP("TimestackCore", "POLYGONS: the layer has no features"))
    duplicates = pd.Series(ids)[pd.Series(ids).duplicated()].unique().tolist()
    if duplicates:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "ID_FIELD: {0!r} is not unique ({1} repeat); choose a field with one value per polygon"
            ),
            args=(id_field, _some(map(str, duplicates))),
        )  # fmt: skip
    return Polygons(ids=ids, geometries=geometries, srs=srs.Clone(), repaired=repaired)


def _defined(srs) -> bool:
    """False for no CRS, a local one, or the GeoPackage placeholders "Undefined geographic/cartesian SRS"."""
    if srs is None or not srs.ExportToWkt() or srs.IsLocal():
        return False
    return not (srs.GetName() or "").lower().startswith("undefined")


def _some(labels: Iterable[str], limit: int = 5) -> str:
    labels = list(labels)
    more = f" and {len(labels) - limit} more" if len(labels) > limit else ""
    return ", ".join(labels[:limit]) + more


def _polygonal_part(geometry):
    """The polygons of a MakeValid result (which may be a collection with lines), or None."""
    from osgeo import ogr

    if geometry is None or geometry.IsEmpty():
        return None
    kind = ogr.GT_Flatten(geometry.GetGeometryType())
    if kind in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
        return geometry
    parts = ogr.Geometry(ogr.wkbMultiPolygon)
    if kind == ogr.wkbGeometryCollection:
        for i in range(geometry.GetGeometryCount()):
            part = _polygonal_part(geometry.GetGeometryRef(i).Clone())
            if part is None:
                continue
            for polygon in [part] if ogr.GT_Flatten(part.GetGeometryType()) == ogr.wkbPolygon else part:
                parts.AddGeometry(polygon)
    return parts if parts.GetGeometryCount() else None


def reproject_polygons(polygons: Polygons, crs: str, area: Optional[tuple] = None) -> list:
    """The polygons' geometries in ``crs`` (WKT or ``EPSG:n``), axis order x, y as GIS software expects.

    A projected CRS such as a UTM zone cannot hold the whole world: a polygon reaching beyond the CRS's
    area of use (a country or a hemisphere drawn in EPSG:4326 over a UTM stack) fails to transform or
    comes out as nonsense, and its statistics would be empty. With ``area``, the raster's bounds in
    ``crs``, such a polygon is first cut to them (in the polygons' CRS), so it is measured on its part
    over the raster (``valid_fraction`` too: the unmasked share of that part). Every other polygon is
    transformed whole, as without ``area``.

    Parameters
    ----------
    polygons
        :func:`read_polygons`' answer.
    crs
        The raster's CRS.
    area
        The raster's bounds (left, bottom, right, top) in ``crs``, or None to transform every polygon whole.

    Returns
    -------
    list
        OGR geometries, in the order of ``polygons.ids``.

    Raises
    ------
    ZonalInputError
        A polygon that cannot be transformed (names POLYGONS).
    """
    from osgeo import osr

    target = osr.SpatialReference()
    target.SetFromUserInput(crs)
    source = polygons.srs.Clone()
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    if source.IsSame(target):
        return [g.Clone() for g in polygons.geometries]
    transform = osr.CoordinateTransformation(source, target)
    box = reach = None
    if area is not None and (use := _area_of_use(target)) is not None:
        lonlat = osr.SpatialReference()
        lonlat.SetFromUserInput("EPSG:4326")
        lonlat.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        corners = (use.west_lon_degree, use.south_lat_degree, use.east_lon_degree, use.north_lat_degree)
        reach = _box_through(corners, osr.CoordinateTransformation(lonlat, source))
        box = _box_through(area, osr.CoordinateTransformation(target, source))
    out = []
    for polygon_id, geometry in zip(polygons.ids, polygons.geometries):
        geometry = geometry.Clone()
        if box is not None and reach is not None and not _within_envelope(geometry, reach):
            geometry = _cut(geometry, box)
        if geometry.Transform(transform) != 0:
            raise ZonalInputError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore", "POLYGONS: polygon {0} cannot be transformed to the raster CRS"
                ),
                args=(polygon_id,),
            )
        out.append(geometry)
    return out


def _area_of_use(srs):
    """Where ``srs`` is meant to be used (lon/lat bounds), or None when unknown. WKT1, as GeoTIFFs and
    rasterio give it, carries no area of use: an EPSG code names it."""
    from osgeo import osr

    use = srs.GetAreaOfUse()
    if use is None and srs.GetAuthorityName(None) == "EPSG":
        known = osr.SpatialReference()
        if known.ImportFromEPSG(int(srs.GetAuthorityCode(None))) == 0:
            use = known.GetAreaOfUse()
    return use


def _box_through(area: tuple, transform, points: int = 64):
    """``area`` (left, bottom, right, top) as a polygon through ``transform`` (edges densified, so they
    follow the curve they become), or None when it cannot be transformed (then polygons are transformed
    whole, as without an area)."""
    from osgeo import ogr

    left, bottom, right, top = area
    steps = np.linspace(0.0, 1.0, points, endpoint=False)
    xs = np.concatenate([left + steps * (right - left), np.full(points, right),
                         right - steps * (right - left), np.full(points, left)])  # fmt: skip
    ys = np.concatenate([np.full(points, bottom), bottom + steps * (top - bottom),
                         np.full(points, top), top - steps * (top - bottom)])  # fmt: skip
    try:
        corners = transform.TransformPoints(list(zip(xs.tolist(), ys.tolist())))
    except RuntimeError:  # GDAL in exceptions mode
        return None
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y, *_ in corners:
        if not (math.isfinite(x) and math.isfinite(y)):
            return None
        ring.AddPoint_2D(x, y)
    ring.CloseRings()
    box = ogr.Geometry(ogr.wkbPolygon)
    box.AddGeometry(ring)
    return box if box.IsValid() else None


def _cut(geometry, box):
    """The polygons of ``geometry`` inside ``box``; ``geometry`` itself when none are (it covers no
    pixel either way) or GEOS cannot intersect it."""
    return _polygonal_part(geometry.Intersection(box)) or geometry


def _within_envelope(geometry, box) -> bool:
    """Does ``geometry``'s bounding box lie inside ``box``'s (then it is transformed as it is)?"""
    minx, maxx, miny, maxy = geometry.GetEnvelope()
    left, right, bottom, top = box.GetEnvelope()
    return left <= minx and maxx <= right and bottom <= miny and maxy <= top


def dated_bands(descriptions: Sequence[str], default_variable: str) -> list:
    """Dates and variables from band descriptions (``YYYY_name``, ``YYYY-MM-DD_name``, ``YYYYMMDD_name``).

    Variables are lower-cased (composites write ``1990_NBR``, per-scene statistics ``nbr``), so one index
    has one name in every table.

    Parameters
    ----------
    descriptions
        The stack's band descriptions.
    default_variable
        The variable of a description that is only a date (e.g. the file name of a LandTrendr
        fitted-value stack).

    Returns
    -------
    list of DatedBand

    Raises
    ------
    ZonalInputError
        A band without a date (names INPUT).
    """
    undated = QT_TRANSLATE_NOOP(
        "TimestackCore",
        "INPUT: band {0} ({1!s}) carries no date; Timestack stacks name bands YYYY_variable or "
        "YYYY-MM-DD_variable (use timestack:composite output)"
    )  # fmt: skip
    return [
        DatedBand(index, label.date, label.variable or default_variable.lower())
        for index, label in labelled_bands(descriptions, undated, None, ZonalInputError)
    ]


def _memory_layer(rows: Sequence, geometries: Sequence, srs):
    """An in-memory OGR layer of (row number, geometry) for exactextract's GDALFeatureSource."""
    from osgeo import ogr

    driver = ogr.GetDriverByName("Memory")
    datasource = driver.CreateDataSource("zonal")
    layer = datasource.CreateLayer("polygons", srs=srs, geom_type=ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("zonal_row", ogr.OFTInteger))
    definition = layer.GetLayerDefn()
    for row, geometry in zip(rows, geometries):
        feature = ogr.Feature(definition)
        feature.SetField("zonal_row", int(row))
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
    return datasource, layer


def zonal_statistics_of_sources(
    sources: Sequence,
    bands: Sequence[DatedBand],
    polygons: Polygons,
    geometries: Sequence,
    srs,
    pixel_area: float,
    statistics: Sequence[str],
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    progress_span: tuple = (0.0, 100.0),
) -> pd.DataFrame:
    """Run exactextract over ``sources`` (exactextract RasterSources, one per band in ``bands``).

    Parameters
    ----------
    sources
        exactextract RasterSources, one per band.
    bands
        The bands' dates and variables.
    polygons
        The polygons measured (their ids).
    geometries
        The polygons in the sources' CRS ``srs``.
    srs
        The sources' spatial reference.
    pixel_area
        One pixel's area in that CRS, used for ``valid_fraction``.
    statistics
        The statistics.
    progress, is_cancelled
        The caller's progress callback and cancel poll.
    progress_span
        The part of the caller's 0-100 progress this call reports in.

    Returns
    -------
    pandas.DataFrame
        The long table (see the module docstring).

    Raises
    ------
    Cancelled
        The caller cancelled.
    """
    exactextract = native.exactextract()
    exact_extract, Operation = exactextract.exact_extract, exactextract.operation.Operation

    wanted = {s: operation for s in (*statistics, "count") if (operation := _operation(s)) is not None}
    operations = []
    for band, source in zip(bands, sources):
        source.set_name(f"b{band.index}")  # exactextract shares reads between sources of the same name
        for statistic, (stat, options) in wanted.items():
            operations.append(Operation(stat, f"b{band.index}_{statistic}", source, None, options))
    areas = np.array([g.GetArea() for g in geometries]) / pixel_area
    frames = []
    start, stop = progress_span
    for first in range(0, len(geometries), CHUNK_FEATURES):
        if is_cancelled is not None and is_cancelled():
            raise Cancelled("zonal statistics cancelled")
        rows = range(first, min(first + CHUNK_FEATURES, len(geometries)))
        datasource, layer = _memory_layer(rows, [geometries[r] for r in rows], srs)
        wide = exact_extract(list(sources), layer, operations, include_cols=["zonal_row"], output="pandas")
        del datasource
        frames.append(_long_from_exactextract(wide, bands, statistics, polygons.ids, areas))
        if progress is not None:
            done = rows.stop / len(geometries)
            progress(start + (stop - start) * done, f"{rows.stop} of {len(geometries)} polygons")
    return pd.concat(frames, ignore_index=True)


def _long_from_exactextract(wide: pd.DataFrame, bands, statistics, ids, areas) -> pd.DataFrame:
    """Reshape exactextract's one-row-per-polygon output (columns ``b<band>_<statistic>``) to long."""
    rows = wide["zonal_row"].to_numpy(dtype=int)
    polygon_ids = [ids[r] for r in rows]
    area = areas[rows]
    frames = []
    for band in bands:
        data = {"id": polygon_ids, "date": band.date.isoformat(), "variable": band.variable}
        count = wide[f"b{band.index}_count"].to_numpy(dtype=float)
        for statistic in statistics:
            if statistic == "valid_fraction":
                share = np.divide(count, area, out=np.zeros_like(count), where=area > 0)
                data[statistic] = np.clip(share, 0.0, 1.0)
            else:
                data[statistic] = _exactextract_column(wide, f"b{band.index}_{statistic}").to_numpy(float)
        frames.append(pd.DataFrame(data))
    return pd.concat(frames, ignore_index=True)


def _exactextract_column(wide: pd.DataFrame, name: str) -> pd.Series:
    """exactextract appends the percent to quantile fields (``b1_p10`` becomes ``b1_p10_10``)."""
    if name in wide.columns:
        return wide[name]
    return wide[f"{name}_{name.rsplit('_p', 1)[1]}"]


def stack_bands(path: str | os.PathLike, variables: Optional[Sequence[str]] = None):
    """Open a stack with GDAL and return ``(dataset, dated bands)``, keeping only ``variables`` if given.

    Parameters
    ----------
    path
        A GeoTIFF or VRT with dated band descriptions.
    variables
        The variables to keep; None: all.

    Returns
    -------
    tuple
        The GDAL dataset (keep it open while its bands are read) and its :func:`dated_bands`.

    Raises
    ------
    ZonalInputError
        A file GDAL cannot open or without a CRS (names INPUT), none of ``variables`` in it (names BANDS).
    """
    from osgeo import gdal

    dataset = gdal.Open(str(path))
    if dataset is None:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP("TimestackCore", "INPUT: cannot open {0} as a raster"), args=(path,)
        )
    projection = dataset.GetProjection()
    descriptions = [dataset.GetRasterBand(i).GetDescription() for i in range(1, dataset.RasterCount + 1)]
    try:
        bands = _stack_bands(path, projection, descriptions, variables)
    except ZonalInputError:
        dataset = None  # closed before the refusal leaves: a traceback holding it crashes GDAL at exit
        raise
    return dataset, bands


def _stack_bands(path, projection: str, descriptions: list, variables: Optional[Sequence[str]]) -> list:
    """The dated bands :func:`stack_bands` keeps, from the stack's projection and band descriptions."""
    if not projection:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "INPUT: {0} has no coordinate reference system; assign one before"
            ),
            args=(path,),
        )
    bands = dated_bands(descriptions, Path(path).stem)
    if variables:
        wanted = {v.lower() for v in variables}
        bands = [b for b in bands if b.variable.lower() in wanted]
        if not bands:
            present = sorted({b.variable for b in dated_bands(descriptions, Path(path).stem)})
            raise ZonalInputError(
                QT_TRANSLATE_NOOP("TimestackCore", "BANDS: {0} has none of {1}; it holds {2}"),
                args=(path, ", ".join(variables), ", ".join(present)),
            )
    return bands


def zonal_statistics(
    stacks: Sequence[str | os.PathLike],
    polygons: Polygons,
    statistics: Sequence[str] = DEFAULT_STATISTICS,
    variables: Optional[Sequence[str]] = None,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    dask_scheduler: Optional[str] = None,
) -> pd.DataFrame:
    """Statistics of every polygon over every dated band of the stacks, as a long table.

    The polygons are reprojected to each stack's CRS. Band scale/offset and nodata are honoured (by
    exactextract).

    Parameters
    ----------
    stacks
        GeoTIFFs (or VRTs) whose band descriptions carry dates (see :func:`dated_bands`); two stacks may
        not hold the same date and variable: mosaic tiles first.
    polygons
        :func:`read_polygons`' answer.
    statistics
        The statistics (:func:`parse_statistics`).
    variables
        The variables to measure; None: every band.
    progress, is_cancelled
        The caller's progress callback and cancel poll.
    dask_scheduler
        A ``dask.distributed`` address: every stack x chunk of :data:`CHUNK_FEATURES` polygons is a job
        on the cluster's workers, which read the stacks themselves: they must see them at the same path
        (a shared file system) or URL.

    Returns
    -------
    pandas.DataFrame
        One row per polygon, date and variable (:data:`KEY_COLUMNS` then the statistics).

    Raises
    ------
    ZonalInputError
        No stack, a date and variable in two stacks, and what :func:`dated_bands` raises for a stack
        (a band without a date).
    Cancelled
        The caller cancelled.
    """
    statistics = parse_statistics(statistics)
    if not stacks:
        raise ZonalInputError(QT_TRANSLATE_NOOP("TimestackCore", "INPUT: give at least one time stack"))
    if dask_scheduler:
        frames = _stacks_on_cluster(
            dask_scheduler, stacks, polygons, statistics, variables, progress, is_cancelled
        )
    else:
        frames = [
            stack_statistics(
                path,
                polygons,
                statistics,
                variables,
                progress,
                is_cancelled,
                (100.0 * number / len(stacks), 100.0 * (number + 1) / len(stacks)),
            )
            for number, path in enumerate(stacks)
        ]
    table = pd.concat(frames, ignore_index=True)
    clash = table.duplicated(list(KEY_COLUMNS))
    if clash.any():
        first = table[clash].iloc[0]
        raise ZonalInputError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "INPUT: several stacks hold {0} on {1}; mosaic tiles into one stack (timestack:mosaic) "
                "before computing statistics"
            ),
            args=(first["variable"], first["date"]),
        )  # fmt: skip
    return sort_table(table)


def stack_statistics(
    path: str | os.PathLike,
    polygons: Polygons,
    statistics: Sequence[str],
    variables: Optional[Sequence[str]] = None,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    progress_span: tuple = (0.0, 100.0),
) -> pd.DataFrame:
    """The long table of ``polygons`` over one stack, unsorted (the work of one stack, or one job)."""
    GDALRasterSource = native.exactextract().raster.GDALRasterSource  # noqa: N806 - a class

    dataset, bands = stack_bands(path, variables)
    sources = []
    try:
        transform = dataset.GetGeoTransform()
        geometries = reproject_polygons(polygons, dataset.GetProjection(), _bounds(transform, dataset))
        sources = [GDALRasterSource(dataset, band.index) for band in bands]
        with _read_errors_named(path):
            return zonal_statistics_of_sources(
                sources,
                bands,
                polygons,
                geometries,
                dataset.GetSpatialRef(),
                abs(transform[1] * transform[5]),
                statistics,
                progress,
                is_cancelled,
                progress_span,
            )
    except BaseException as error:
        # the frames below hold the dataset through exactextract's sources; a traceback keeping them
        # (a cancel, a damaged block) would close it after GDAL is gone at exit, crashing QGIS
        _clear_frames(error)
        raise
    finally:
        dataset = None
        sources.clear()


def _bounds(transform: Sequence[float], dataset) -> tuple:
    """(left, bottom, right, top) of a GDAL dataset from its geotransform (rotated ones included)."""
    x0, dx_col, dx_row, y0, dy_col, dy_row = transform
    corners = [(col, row) for col in (0, dataset.RasterXSize) for row in (0, dataset.RasterYSize)]
    xs = [x0 + col * dx_col + row * dx_row for col, row in corners]
    ys = [y0 + col * dy_col + row * dy_row for col, row in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _clear_frames(error: BaseException) -> None:
    """Let go of the locals of the finished frames ``error`` and the errors it chains passed through."""
    seen = set()
    current: Optional[BaseException] = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        traceback.clear_frames(current.__traceback__)
        current = current.__cause__ or current.__context__


def _stacks_on_cluster(address, stacks, polygons, statistics, variables, progress, is_cancelled) -> list:
    """:func:`stack_statistics` of every stack x polygon chunk, as jobs on a dask cluster."""
    from ..io.engine import map_on_cluster

    chunks = [
        range(first, min(first + CHUNK_FEATURES, len(polygons.ids)))
        for first in range(0, len(polygons.ids), CHUNK_FEATURES)
    ]
    jobs = [(str(path), polygons.subset(rows), statistics, variables) for path in stacks for rows in chunks]

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(100.0 * done / total, f"{done} of {total} jobs")

    return map_on_cluster(address, stack_statistics, jobs, progress=report, is_cancelled=is_cancelled)


@contextmanager
def _read_errors_named(path: str | os.PathLike) -> Iterator[None]:
    """Turn a failed read of the stack ``path`` into an error naming INPUT.

    GDAL reports a damaged block (a truncated or half-copied GeoTIFF) only as an error message and an
    empty read; exactextract then fails on the empty array with a message about array dimensions that
    says nothing of the file. GDAL's own message is kept for the details.
    """
    from osgeo import gdal

    gdal.ErrorReset()
    try:
        yield
    except (TimestackError, Cancelled):
        raise
    except (ValueError, RuntimeError) as exc:
        if gdal.GetLastErrorType() < gdal.CE_Failure:
            raise
        raise ZonalInputError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "INPUT: {0} cannot be read ({1}); the file is damaged or incomplete (a truncated copy or "
                "download?). Write or copy it again"
            ),
            args=(path, gdal.GetLastErrorMsg().strip()),
        ) from exc  # fmt: skip


def polygons_without_pixels(table: pd.DataFrame, ids: Sequence) -> list:
    """The ``ids`` whose rows in ``table`` never count a valid pixel (or that have no row at all).

    Such a polygon lies outside the data, or only over masked or nodata pixels, on every date: its
    statistics are all empty, which a caller must report rather than pass off as a result.

    Parameters
    ----------
    table
        A long table with a ``count`` column.
    ids
        Every polygon id measured.

    Returns
    -------
    list
        The ids, in the order of ``ids``.
    """
    if "count" in table.columns:
        measured = set(table.loc[table["count"].fillna(0) > 0, "id"])
    else:
        measured = set()
    return [polygon_id for polygon_id in ids if polygon_id not in measured]


def sort_table(table: pd.DataFrame) -> pd.DataFrame:
    """Rows ordered by polygon, date and variable (the order of the long CSV).

    Parameters
    ----------
    table
        A long table.

    Returns
    -------
    pandas.DataFrame
        Sorted, index reset.
    """
    return table.sort_values(list(KEY_COLUMNS), kind="stable").reset_index(drop=True)


def wide_table(table: pd.DataFrame, statistic: str = "mean") -> pd.DataFrame:
    """One row per polygon, one column per ``<variable>_<date>`` holding ``statistic``.

    The shape a spreadsheet or a join to the polygons' attribute table wants.

    Parameters
    ----------
    table
        A long table.
    statistic
        The statistic the cells hold.

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ZonalInputError
        ``statistic`` was not computed (names STATS).
    """
    if statistic not in table.columns:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP("TimestackCore", "STATS: the wide table needs {0!r}, which was not computed"),
            args=(statistic,),
        )
    wide = table.pivot_table(
        index="id", columns=["variable", "date"], values=statistic, aggfunc="first", dropna=False
    )
    wide.columns = [f"{variable}_{day}" for variable, day in wide.columns]
    return wide.reset_index()


def write_csv_atomically(table: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write ``table`` to a temporary file beside ``path`` and rename it, so no partial CSV is left.

    A ``.csvt`` sidecar (GDAL CSV driver, https://gdal.org/drivers/vector/csv.html) gives the column
    types, so QGIS opens the ids as numbers where the polygons' ids are numbers and joins match.

    Parameters
    ----------
    table
        The table to write.
    path
        The CSV file.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    write_csv_tables([(table, path)])
    return Path(path)


def write_csv_tables(tables: Sequence[tuple]) -> None:
    """Write every ``(table, path)`` as :func:`write_csv_atomically` does, all or none of them.

    Every CSV and its ``.csvt`` is written under a temporary name first and only renamed into place
    once all are written: a second table that cannot be written (a read-only folder, a path below a
    file) leaves the first target as it was, and no folder the call created.

    Parameters
    ----------
    tables
        ``(pandas.DataFrame, path)`` pairs.
    """
    targets = {}
    for number, (_, path) in enumerate(tables):
        targets[(number, "csv")] = Path(path)
        targets[(number, "csvt")] = Path(path).with_suffix(".csvt")
    with atomic_outputs(targets) as temporaries:
        for number, (table, _) in enumerate(tables):
            types = ",".join(f'"{_ogr_type(name, table[name])}"' for name in table.columns)
            with open(temporaries[(number, "csv")], "w", encoding="utf-8", newline="") as stream:
                table.to_csv(stream, index=False, float_format="%.10g")
            with open(temporaries[(number, "csvt")], "w", encoding="utf-8", newline="") as stream:
                stream.write(types + "\n")


def _ogr_type(name: str, column: pd.Series) -> str:
    if name == "date":
        return "Date"
    if pd.api.types.is_integer_dtype(column):
        return "Integer64"
    if pd.api.types.is_numeric_dtype(column):
        return "Real"
    return "String"

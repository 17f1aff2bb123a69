"""Parameters several algorithms share, each declared once and read back once.

Every mixin here owns a group of parameters: their names, labels, defaults and ranges, how they are
added to an algorithm and how their values become the core's arguments. An algorithm that searches,
composites or measures over an area takes :class:`AreaParameters`, so EXTENT and AOI mean the same
in all of them, and the dock's panels read labels and ranges from the same definitions.

Labels are translated in the ``TimestackParameters`` context: the same text in every algorithm.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.indices import INDICES, REFLECTIVE_BANDS
from ..core.io.cache import DEFAULT_CACHE_MAX_GB
from ..core.io.stack import OUTPUT_DTYPES
from ..core.quality.masks import DEFAULT_MASK, MASK_NAMES, MaskOptions
from ..core.quality.qa import CONFIDENCE_LEVELS

__all__ = [
    "AllowedRootsParameter",
    "AssetCacheParameters",
    "FIRST_LANDSAT_YEAR",
    "LAST_YEAR",
    "AreaParameters",
    "DaskParameter",
    "SceneGridParameters",
    "SizeLimitParameter",
    "EarthdataParameter",
    "IndexParameter",
    "MaskParameters",
    "SeasonParameters",
    "TileParameters",
    "advanced",
    "defaults_optional",
    "split_list",
]

translate = QCoreApplication.translate

#: The range of year parameters: Landsat 1 flew from 1972, so no archive this plugin reads has an
#: earlier scene; 2100 catches typos (20224) without ever limiting real use.
FIRST_LANDSAT_YEAR = 1972
LAST_YEAR = 2100


def split_list(text: Optional[str]) -> list:
    """``"nbr, ndvi;swir1 tcg"`` -> ``["nbr", "ndvi", "swir1", "tcg"]``: the one way lists are typed."""
    return [part for part in re.split(r"[,;\s]+", text or "") if part]


def advanced(parameter: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    """``parameter`` shown under the dialog's "Advanced parameters"."""
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    return parameter


def with_help(parameter: QgsProcessingParameterDefinition, text: str) -> QgsProcessingParameterDefinition:
    """``parameter`` with ``text`` (what it does, its unit) as help: the Toolbox's and the dock's tooltip."""
    parameter.setHelp(text)
    return parameter


def defaults_optional(algorithm) -> None:
    """Mark every input parameter of ``algorithm`` that has a default optional.

    A model's child algorithm validates only when each mandatory parameter is wired or given a value,
    so a shipped model listing the few it changes showed red boxes ("MMU is mandatory"); optional, an
    unset parameter runs with its default in models, the Toolbox and scripts alike.
    """
    for definition in algorithm.parameterDefinitions():
        if definition.defaultValue() is not None and not definition.isDestination():
            definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.FlagOptional)


class AreaParameters:
    """EXTENT or AOI: a rectangle, or the union of a polygon layer's features, in any CRS."""

    EXTENT = "EXTENT"
    AOI = "AOI"

    def add_area_parameters(self) -> None:
        extent = QgsProcessingParameterExtent(
            self.EXTENT, translate("TimestackParameters", "Extent"), optional=True
        )
        extent.setHelp(translate(
            "TimestackParameters",
            "The rectangle the run covers, in any CRS (the map's extent, a layer's, or one you draw); AOI "
            "takes its place when set."
        ))  # fmt: skip
        aoi = QgsProcessingParameterFeatureSource(
            self.AOI,
            translate("TimestackParameters", "Area of interest (polygons)"),
            [QgsProcessing.TypeVectorPolygon],
            optional=True,
        )
        aoi.setHelp(translate(
            "TimestackParameters",
            "Polygons whose union the run covers (a study area, stands), instead of EXTENT."
        ))  # fmt: skip
        self.addParameter(extent)
        self.addParameter(aoi)

    def area(self, parameters, context) -> Optional[tuple[QgsGeometry, QgsCoordinateReferenceSystem]]:
        """The area and its CRS: AOI's polygons if given, else EXTENT; None when neither is set.

        An extent without a CRS is taken as WGS 84. Raises a Processing error for an AOI without
        polygons or an extent without area, naming the parameter. Invalid polygons are repaired
        (MakeValid) first: a self-intersecting outline's lobes would otherwise cancel out to no area.
        """
        source = self.parameterAsSource(parameters, self.AOI, context)
        if source is not None:
            geometries = [
                geometry if geometry.isGeosValid() else geometry.makeValid()
                for geometry in (f.geometry() for f in source.getFeatures() if f.hasGeometry())
                # a file of points or lines reaches here too (qgis_process does not check the type)
                if not geometry.isEmpty() and geometry.type() == QgsWkbTypes.PolygonGeometry
            ]
            if not geometries:
                raise self.fail(
                    translate(
                        "TimestackParameters",
                        "AOI has no polygons; choose a layer with at least one polygon."
                    )
                )  # fmt: skip
            return _flat(QgsGeometry.unaryUnion(geometries)), source.sourceCrs()
        if parameters.get(self.EXTENT) in (None, ""):
            return None
        rectangle = self.parameterAsExtent(parameters, self.EXTENT, context)
        if rectangle.isNull() or rectangle.isEmpty():
            raise self.fail(
                translate("TimestackParameters", "EXTENT is empty; draw or choose an extent with an area.")
            )
        crs = self.parameterAsExtentCrs(parameters, self.EXTENT, context)
        if not crs.isValid() and str(parameters.get(self.EXTENT)).rstrip().endswith("]"):
            message = translate(
                "TimestackParameters",
                "EXTENT: '{0}' names a coordinate reference system QGIS does not know; give it as an "
                "EPSG code (xmin,xmax,ymin,ymax [EPSG:4326]) or leave it out for longitude/latitude."
            )  # fmt: skip
            raise self.fail(message.format(parameters.get(self.EXTENT)))
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem("EPSG:4326")
        edges = re.match(r"\s*([-+.\deE]+)\s*,\s*([-+.\deE]+)\s*,", str(parameters.get(self.EXTENT)))
        if edges and crs.isGeographic() and _number(edges[1]) > _number(edges[2]):
            # QGIS swaps the edges: the extent would become the whole world less the area meant
            message = translate(
                "TimestackParameters",
                "EXTENT: its west edge {0} lies east of its east edge {1}, an extent across the antimeridian "
                "(180° longitude), which longitude/latitude cannot hold; give it in a projected CRS (such as "
                "the scenes' UTM zone), or draw it on one side."
            )  # fmt: skip
            raise self.fail(message.format(edges[1], edges[2]))
        return QgsGeometry.fromRect(rectangle), crs

    def area_bounds(self, parameters, context) -> tuple[Optional[tuple], Optional[str]]:
        """``((xmin, ymin, xmax, ymax), CRS text)`` of the area's bounding box, or ``(None, None)``."""
        found = self.area(parameters, context)
        if found is None:
            return None, None
        geometry, crs = found
        box = geometry.boundingBox()
        return (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()), crs.authid() or crs.toWkt()


def _flat(geometry: QgsGeometry) -> QgsGeometry:
    """``geometry`` with straight edges and x/y only: an outline with heights (a GPS survey's, a KML's)
    or arcs (a GeoPackage's curve polygons) is written by QGIS as PolygonZ or CurvePolygon WKT, which
    the core (shapely) cannot read."""
    flat = QgsGeometry(geometry.constGet().segmentize())
    flat.get().dropZValue()
    flat.get().dropMValue()
    return flat


def _number(text: str) -> float:
    """``text`` as a number; NaN (which compares false) when it is none."""
    try:
        return float(text)
    except ValueError:
        return math.nan


class SeasonParameters:
    """DOY_START and DOY_END: the days of the year kept; a start after the end wraps the new year."""

    DOY_START = "DOY_START"
    DOY_END = "DOY_END"

    def add_season_parameters(self) -> None:
        season_help = translate(
            "TimestackParameters",
            "The days of the year (1-366) whose scenes are used; a start after the end wraps the new "
            "year (335 to 60: December to February)"
        )  # fmt: skip
        for name, label, default in (
            (self.DOY_START, translate("TimestackParameters", "Season start (day of year)"), 1),
            (self.DOY_END, translate("TimestackParameters", "Season end (day of year)"), 366),
        ):
            day = QgsProcessingParameterNumber(
                name, label, QgsProcessingParameterNumber.Integer, default, minValue=1, maxValue=366
            )
            self.addParameter(with_help(day, season_help))

    def season(self, parameters, context) -> tuple[int, int]:
        return (
            self.parameterAsInt(parameters, self.DOY_START, context),
            self.parameterAsInt(parameters, self.DOY_END, context),
        )


class MaskParameters:
    """MASK (the pixel classes removed), and optionally QA_PIXEL confidence thresholds and a buffer."""

    MASK = "MASK"
    CLOUD_CONFIDENCE = "CLOUD_CONFIDENCE"
    SHADOW_CONFIDENCE = "SHADOW_CONFIDENCE"
    SNOW_CONFIDENCE = "SNOW_CONFIDENCE"
    CIRRUS_CONFIDENCE = "CIRRUS_CONFIDENCE"
    MASK_BUFFER = "MASK_BUFFER"

    #: Confidence choices in QA_PIXEL order (none, low, medium, high), as the core names them.
    CONFIDENCE_CHOICES = tuple(sorted(CONFIDENCE_LEVELS, key=CONFIDENCE_LEVELS.get))

    @staticmethod
    def mask_labels() -> list:
        """Translated labels of the MASK choices, in ``MASK_NAMES`` order."""
        labels = {
            "cloud": translate("TimestackParameters", "Cloud"),
            "shadow": translate("TimestackParameters", "Cloud shadow"),
            "snow": translate("TimestackParameters", "Snow / ice"),
            "water": translate("TimestackParameters", "Water"),
            "cirrus": translate("TimestackParameters", "Cirrus (Landsat 8/9)"),
            "dilated": translate("TimestackParameters", "Dilated cloud"),
            "saturated": translate("TimestackParameters", "Radiometric saturation"),
            "dark": translate("TimestackParameters", "Dark area (Sentinel-2)"),
            "unclassified": translate("TimestackParameters", "Unclassified (Sentinel-2)"),
        }
        return [labels[name] for name in MASK_NAMES]

    def add_mask_parameters(self, label: str, confidences: bool, advanced_mask: bool = False) -> None:
        """MASK labelled ``label``; with ``confidences`` also the QA_PIXEL thresholds and MASK_BUFFER."""
        mask = QgsProcessingParameterEnum(
            self.MASK,
            label,
            options=self.mask_labels(),
            allowMultiple=True,
            defaultValue=[MASK_NAMES.index(name) for name in DEFAULT_MASK],
            optional=True,
        )
        mask_help = translate(
            "TimestackParameters",
            "The pixel classes removed before compositing, from Landsat QA_PIXEL, Sentinel-2 SCL or HLS "
            "Fmask"
        )  # fmt: skip
        with_help(mask, mask_help)
        self.addParameter(advanced(mask) if advanced_mask else mask)
        if not confidences:
            return
        levels = [
            translate("TimestackParameters", "Off"),
            translate("TimestackParameters", "Low"),
            translate("TimestackParameters", "Medium"),
            translate("TimestackParameters", "High"),
        ]
        for name, label, is_advanced in (
            (
                self.CLOUD_CONFIDENCE,
                translate("TimestackParameters", "Also mask cloud confidence at or above (Landsat QA_PIXEL)"),
                False,
            ),
            (
                self.SHADOW_CONFIDENCE,
                translate("TimestackParameters", "Also mask cloud-shadow confidence at or above (QA_PIXEL)"),
                True,
            ),
            (
                self.SNOW_CONFIDENCE,
                translate("TimestackParameters", "Also mask snow/ice confidence at or above (QA_PIXEL)"),
                True,
            ),
            (
                self.CIRRUS_CONFIDENCE,
                translate("TimestackParameters", "Also mask cirrus confidence at or above (QA_PIXEL, OLI)"),
                True,
            ),
        ):
            level = QgsProcessingParameterEnum(name, label, options=levels, defaultValue=0)
            level_help = translate(
                "TimestackParameters",
                "Landsat QA_PIXEL rates each pixel's confidence (low, medium, high); also mask the "
                "pixels rated at or above this level (Off: the class flags of MASK only)"
            )  # fmt: skip
            with_help(level, level_help)
            self.addParameter(advanced(level) if is_advanced else level)
        buffer = QgsProcessingParameterNumber(
            self.MASK_BUFFER,
            translate("TimestackParameters", "Buffer around masked pixels (pixels)"),
            QgsProcessingParameterNumber.Double,
            0.0,
            False,
            0.0,
        )
        buffer.setHelp(translate(
            "TimestackParameters",
            "Grows the masked clouds and shadows by this radius, in pixels, to drop the hazy edges their "
            "quality bits miss; 0: no buffer."
        ))  # fmt: skip
        self.addParameter(advanced(buffer))

    def mask_options(self, parameters, context) -> MaskOptions:
        """The core's mask options from MASK and, where the algorithm has them, thresholds and buffer."""
        flags = tuple(MASK_NAMES[i] for i in self.parameterAsEnums(parameters, self.MASK, context))
        if self.parameterDefinition(self.MASK_BUFFER) is None:
            return MaskOptions(flags=flags)
        thresholds = {
            name: self.CONFIDENCE_CHOICES[self.parameterAsEnum(parameters, parameter, context)]
            for name, parameter in (
                ("cloud", self.CLOUD_CONFIDENCE),
                ("shadow", self.SHADOW_CONFIDENCE),
                ("snow", self.SNOW_CONFIDENCE),
                ("cirrus", self.CIRRUS_CONFIDENCE),
            )
        }
        return MaskOptions(
            flags=flags,
            min_confidence={name: level for name, level in thresholds.items() if level != "none"},
            buffer_pixels=self.parameterAsDouble(parameters, self.MASK_BUFFER, context),
        )


class IndexParameter:
    """INDICES: spectral indices by name, typed as a list; the label lists the registry's names."""

    INDICES = "INDICES"

    def add_index_parameter(self, default: str = "NBR") -> None:
        label = translate("TimestackParameters", "Indices (comma-separated: {0})").format(", ".join(INDICES))
        indices = QgsProcessingParameterString(self.INDICES, label, defaultValue=default, optional=True)
        help_text = translate(
            "TimestackParameters",
            "Spectral indices computed from the bands, by name, separated by commas: {0}"
        ).format(", ".join(INDICES))  # fmt: skip
        self.addParameter(with_help(indices, help_text))

    def index_names(self, parameters, context) -> list:
        """The indices asked for, in the registry's upper-case spelling."""
        return [
            name.upper() for name in split_list(self.parameterAsString(parameters, self.INDICES, context))
        ]


class DaskParameter:
    """DASK_SCHEDULER: run the per-window work on a ``dask.distributed`` cluster instead of local threads.

    The address of a running scheduler (``tcp://host:8786``, a ``dask-jobqueue`` SLURMCluster's
    ``scheduler_address``); reading and writing stay on this computer, the workers need Timestack
    importable (``pip install`` the plugin folder or put it on their PYTHONPATH)."""

    DASK_SCHEDULER = "DASK_SCHEDULER"

    def add_dask_parameter(self) -> None:
        scheduler = QgsProcessingParameterString(
            self.DASK_SCHEDULER,
            translate("TimestackParameters", "dask.distributed scheduler address (empty: local threads)"),
            optional=True,
        )
        help_text = translate(
            "TimestackParameters",
            "Run the per-window work on a dask.distributed cluster: the address of its scheduler, such as "
            "tcp://host:8786; empty runs on this computer's threads"
        )  # fmt: skip
        self.addParameter(advanced(with_help(scheduler, help_text)))

    def dask_scheduler(self, parameters, context) -> Optional[str]:
        """The scheduler address, or None for local threads."""
        return (self.parameterAsString(parameters, self.DASK_SCHEDULER, context) or "").strip() or None


class SizeLimitParameter:
    """MAX_GB: refuse a run that would read or write more than this many gigabytes (0: no limit); the
    estimate (pixels x bands x dates, :mod:`..core.io.budget`) is made before any pixel is read, and a
    run needing more memory than the computer has available is refused whatever the limit."""

    MAX_GB = "MAX_GB"

    def add_max_gb_parameter(self) -> None:
        from ..core.io.budget import DEFAULT_MAX_GB

        limit = QgsProcessingParameterNumber(
            self.MAX_GB,
            translate("TimestackParameters", "Refuse runs reading or writing more than (GB, 0: no limit)"),
            QgsProcessingParameterNumber.Double,
            DEFAULT_MAX_GB,
            minValue=0.0,
        )
        self.addParameter(advanced(with_help(limit, _max_gb_help())))

    def max_gb(self, parameters, context) -> Optional[float]:
        """The limit in GB, or None for none."""
        return self.parameterAsDouble(parameters, self.MAX_GB, context) or None


def _max_gb_help() -> str:
    """The help of MAX_GB, the same in every algorithm that takes it."""
    return translate(
        "TimestackParameters",
        "Largest run allowed, in gigabytes read, written or held in memory, estimated before any pixel is "
        "read; 0: no limit (a run needing more memory than the computer has is refused all the same)"
    )  # fmt: skip


class TileParameters:
    """TILE_SIZE or TILES, and TILES_FOLDER: a large run as tiles, resumable after a crash or a cancel.

    The tiles are squares of TILE_SIZE pixels, or the cells of a grid layer (TILES: Landsat ARD tiles, a
    user's grid), each named by TILES_ID_FIELD (``tile_grid``). Each tile's outputs are written to the
    folder and recorded in its manifest as they finish; running again with the same input and
    parameters skips the finished tiles. The outputs are then VRT mosaics of the tiles in the folder
    (``core.io.tiles``).
    """

    TILE_SIZE = "TILE_SIZE"
    TILES = "TILES"
    TILES_ID_FIELD = "TILES_ID_FIELD"
    TILES_FOLDER = "TILES_FOLDER"

    def add_tile_parameters(self) -> None:
        size = QgsProcessingParameterNumber(
            self.TILE_SIZE,
            translate("TimestackParameters", "Tile size in pixels (0 = no tiles; resumable runs)"),
            QgsProcessingParameterNumber.Integer,
            0,
            optional=True,
            minValue=0,
            maxValue=1_000_000,
        )
        grid = QgsProcessingParameterFeatureSource(
            self.TILES,
            translate("TimestackParameters", "Tile grid (one tile per cell, instead of a tile size)"),
            [QgsProcessing.TypeVectorPolygon],
            optional=True,
        )
        grid_id = QgsProcessingParameterField(
            self.TILES_ID_FIELD,
            translate("TimestackParameters", "Tile grid field naming the tiles (empty: first id-like field)"),
            parentLayerParameterName=self.TILES,
            optional=True,
        )
        folder = QgsProcessingParameterFolderDestination(
            self.TILES_FOLDER,
            translate("TimestackParameters", "Tiled run folder (tiles, manifest and mosaics)"),
            optional=True,
            createByDefault=False,
        )
        size.setHelp(translate(
            "TimestackParameters",
            "Cuts a large stack into squares of this many pixels, run one by one into TILES_FOLDER; 0: the "
            "stack in one piece."
        ))  # fmt: skip
        grid.setHelp(translate(
            "TimestackParameters",
            "A grid layer (Landsat ARD tiles, your own), one tile per cell on the stack, run one by one "
            "into TILES_FOLDER; instead of a tile size."
        ))  # fmt: skip
        folder.setHelp(translate(
            "TimestackParameters",
            "Where the tiles, the manifest of finished tiles and the mosaics are written: after a crash or "
            "a cancel, the same run started again skips the finished tiles."
        ))  # fmt: skip
        grid_id.setHelp(translate(
            "TimestackParameters",
            "The field of the tile grid whose values name the tiles (their files and manifest entries); "
            "empty: the first id-like field"
        ))  # fmt: skip
        for parameter in (size, grid, grid_id, folder):
            self.addParameter(advanced(parameter))

    def tiling(self, parameters, context, stack: str = "", feedback=None) -> tuple:
        """(tiles, folder): a tile size or the grid's cells on the ``stack`` file as named windows
        (``tile_grid.grid_tiles``); (0, None) for a run without tiles. Tiles need a folder."""
        size = self.parameterAsInt(parameters, self.TILE_SIZE, context)
        folder = self.parameterAsString(parameters, self.TILES_FOLDER, context)
        grid = self.parameterAsSource(parameters, self.TILES, context)
        if grid is not None and size:
            message = translate(
                "TimestackParameters",
                "TILE_SIZE and TILES: choose one way to cut the stack into tiles, a tile size or a grid "
                "layer, not both."
            )  # fmt: skip
            raise self.fail(message)
        if grid is not None:
            if not folder or folder == QgsProcessing.TEMPORARY_OUTPUT:
                message = translate(
                    "TimestackParameters",
                    "TILES_FOLDER: a run over the cells of TILES needs a folder of its own to record its "
                    "tiles in, so that running it again resumes it; choose a new folder."
                )  # fmt: skip
                raise self.fail(message)
            from ..core.runtime import TimestackError
            from .tile_grid import grid_tiles

            id_field = self.parameterAsString(parameters, self.TILES_ID_FIELD, context)
            try:
                return grid_tiles(grid, id_field, stack, context, feedback), Path(folder)
            except TimestackError as exc:
                raise self.fail(self.core_message(exc)) from exc
        if not size:
            return 0, None
        if not folder or folder == QgsProcessing.TEMPORARY_OUTPUT:
            message = translate(
                "TimestackParameters",
                "TILES_FOLDER: a tiled run (TILE_SIZE {0}) needs a folder of its own to record its tiles in, "
                "so that running it again resumes it; choose a new folder."
            )  # fmt: skip
            raise self.fail(message.format(size))
        return size, Path(folder)


class AllowedRootsParameter:
    """ALLOWED_ROOTS: folders outside the catalog's own whose files its items may reach.

    By default a local catalog reaches only files under its folder or under a STAC catalog on disk
    (``core.io.hrefs``); a user whose scenes lie elsewhere names those folders here.
    """

    ALLOWED_ROOTS = "ALLOWED_ROOTS"

    def add_allowed_roots_parameter(self) -> None:
        roots = QgsProcessingParameterString(
            self.ALLOWED_ROOTS,
            translate(
                "TimestackParameters", "Other folders the scenes' files may be read from (separated by ;)"
            ),
            optional=True,
        )
        help_text = translate(
            "TimestackParameters",
            "Folders, separated by ;, outside the catalog's own folder from which its scenes' files may be "
            "read; by default a local catalog reads only files under its own folder"
        )  # fmt: skip
        self.addParameter(advanced(with_help(roots, help_text)))

    def allowed_roots(self, parameters, context) -> list:
        """The folders of ALLOWED_ROOTS; a Processing error names one that is not a folder."""
        text = self.parameterAsString(parameters, self.ALLOWED_ROOTS, context) or ""
        roots = [Path(part.strip()) for part in text.split(";") if part.strip()]
        for root in roots:
            if not root.is_dir():
                raise self.fail(
                    translate(
                        "TimestackParameters", "ALLOWED_ROOTS: {0} is not a folder; give existing folders."
                    ).format(root)
                )
        return roots


class AssetCacheParameters:
    """CACHE_FOLDER and CACHE_MAX_GB: download remote scene files into a local cache instead of
    streaming them (``core.io.cache``); an empty CACHE_FOLDER streams."""

    CACHE_FOLDER = "CACHE_FOLDER"
    CACHE_MAX_GB = "CACHE_MAX_GB"

    def add_asset_cache_parameters(self) -> None:
        folder = QgsProcessingParameterFile(
            self.CACHE_FOLDER,
            translate(
                "TimestackParameters",
                "Download remote scenes into this cache folder (empty: stream them)"
            ),
            behavior=QgsProcessingParameterFile.Folder,
            optional=True,
        )  # fmt: skip
        limit = QgsProcessingParameterNumber(
            self.CACHE_MAX_GB,
            translate("TimestackParameters", "Cache folder size limit (GB)"),
            QgsProcessingParameterNumber.Double,
            DEFAULT_CACHE_MAX_GB,
            False,
            0.001,
        )
        with_help(
            folder,
            translate(
                "TimestackParameters",
                "Download every remote scene file into this folder (verified, reused by later runs) "
                "instead of streaming it; empty streams"
            ),
        )  # fmt: skip
        with_help(
            limit,
            translate(
                "TimestackParameters",
                "Most the cache folder may hold, in gigabytes; the least recently used files go first"
            ),
        )  # fmt: skip
        for parameter in (folder, limit):
            self.addParameter(advanced(parameter))

    def asset_cache(self, parameters, context) -> tuple:
        """(cache folder or None to stream, its size limit in GB)."""
        folder = (self.parameterAsString(parameters, self.CACHE_FOLDER, context) or "").strip()
        limit = self.parameterAsDouble(parameters, self.CACHE_MAX_GB, context)
        return (Path(folder) if folder else None), limit


class EarthdataParameter:
    """AUTHCFG: the QGIS authentication configuration holding an Earthdata login (HLS, CMR)."""

    AUTHCFG = "AUTHCFG"

    def add_earthdata_parameter(self, label: Optional[str] = None) -> None:
        """Add AUTHCFG; ``label`` says what else than Earthdata it logs in to (a searched STAC API)."""
        label = label or translate(
            "TimestackParameters",
            "Earthdata Login (authentication configuration: username and password, or a token)"
        )  # fmt: skip
        help_text = translate(
            "TimestackParameters",
            "A QGIS authentication configuration holding your Earthdata Login (NASA: HLS, CMR); kept in "
            "the QGIS authentication database, never written to logs or settings; empty: public data only"
        )  # fmt: skip
        login = QgsProcessingParameterAuthConfig(self.AUTHCFG, label, optional=True)
        self.addParameter(advanced(with_help(login, help_text)))


class EarthEngineLoginParameter:
    """AUTHCFG: a QGIS authentication configuration whose password holds an Earth Engine service
    account's key JSON (kept in QGIS's encrypted database, never in a file in clear)."""

    AUTHCFG = "AUTHCFG"

    def add_earthengine_login_parameter(self) -> None:
        label = translate(
            "TimestackParameters",
            "Earth Engine service account (authentication configuration: the key JSON as password); empty: "
            "your own Earth Engine login"
        )  # fmt: skip
        help_text = translate(
            "TimestackParameters",
            "A QGIS authentication configuration whose password is an Earth Engine service account's key "
            "JSON, kept encrypted in the QGIS authentication database; empty: the login made with "
            "'earthengine authenticate' on this computer"
        )  # fmt: skip
        login = QgsProcessingParameterAuthConfig(self.AUTHCFG, label, optional=True)
        self.addParameter(advanced(with_help(login, help_text)))


class SceneGridParameters(DaskParameter, SizeLimitParameter):
    """The scenes of an ItemCollection on one grid: ITEMS, TARGET_CRS, RESOLUTION, BANDS, and the run's
    OUTPUT_TYPE, CHUNK_SIZE, MAX_GB (:class:`SizeLimitParameter`) and DASK_SCHEDULER (advanced) — what a
    composite and a per-date stack share (``core.composite.settings.StackSettings``).

    :meth:`stack_settings` reads them back, with the area, indices, mask, allowed roots and cache of
    :class:`AreaParameters`, :class:`IndexParameter`, :class:`MaskParameters`,
    :class:`AllowedRootsParameter` and :class:`AssetCacheParameters`, which the algorithm also takes.
    """

    ITEMS = "ITEMS"
    TARGET_CRS = "TARGET_CRS"
    RESOLUTION = "RESOLUTION"
    BANDS = "BANDS"
    OUTPUT_TYPE = "OUTPUT_TYPE"
    CHUNK_SIZE = "CHUNK_SIZE"

    def add_items_parameter(self) -> None:
        items = QgsProcessingParameterFile(
            self.ITEMS,
            translate("TimestackParameters", "Scenes (STAC ItemCollection JSON)"),
            extension="json",
            optional=True,
        )
        help_text = translate(
            "TimestackParameters",
            "The scenes: the ItemCollection JSON written by 'Search scenes', or the sample archive's "
            "items.json"
        )  # fmt: skip
        self.addParameter(with_help(items, help_text))

    def add_grid_parameters(self, crs_label: str) -> None:
        """TARGET_CRS (labelled ``crs_label``, which says what an empty one means) and RESOLUTION."""
        crs = QgsProcessingParameterCrs(self.TARGET_CRS, crs_label, optional=True)
        resolution = QgsProcessingParameterNumber(
            self.RESOLUTION,
            translate("TimestackParameters", "Resolution (target CRS units)"),
            QgsProcessingParameterNumber.Double,
            30.0,
        )
        resolution_help = translate(
            "TimestackParameters",
            "Pixel size of the output grid, in the target CRS's units: metres for a UTM zone (30 for "
            "Landsat, 10 or 20 for Sentinel-2), degrees for a geographic CRS"
        )  # fmt: skip
        crs_help = translate(
            "TimestackParameters",
            "Coordinate reference system of the output grid; its units are those of RESOLUTION"
        )  # fmt: skip
        self.addParameter(with_help(crs, f"{crs_label}. {crs_help}"))
        self.addParameter(with_help(resolution, resolution_help))

    def add_bands_parameter(self) -> None:
        bands = QgsProcessingParameterEnum(
            self.BANDS,
            translate("TimestackParameters", "Bands"),
            options=list(REFLECTIVE_BANDS),
            allowMultiple=True,
            defaultValue=list(range(len(REFLECTIVE_BANDS))),
            optional=True,
        )
        help_text = translate(
            "TimestackParameters",
            "Reflective bands to write (surface reflectance, named as Landsat's: blue, green, red, nir, "
            "swir1, swir2)"
        )  # fmt: skip
        self.addParameter(with_help(bands, help_text))

    def add_run_parameters(self, dtype: str) -> None:
        """OUTPUT_TYPE (default ``dtype``), CHUNK_SIZE, MAX_GB and DASK_SCHEDULER, all advanced."""
        output_type = QgsProcessingParameterEnum(
            self.OUTPUT_TYPE,
            translate("TimestackParameters", "Output data type"),
            options=[
                translate("TimestackParameters", "Int16, reflectance × 10000"),
                translate("TimestackParameters", "Float32"),
            ],
            defaultValue=OUTPUT_DTYPES.index(dtype),
        )
        chunk = QgsProcessingParameterNumber(
            self.CHUNK_SIZE,
            translate("TimestackParameters", "Chunk size (pixels)"),
            QgsProcessingParameterNumber.Integer,
            256,
            False,
            16,
        )
        chunk_help = translate(
            "TimestackParameters",
            "Side of the square windows read and composited at once, in pixels; smaller uses less memory"
        )  # fmt: skip
        type_help = translate(
            "TimestackParameters",
            "Int16: values × 10000, half the size on disk; Float32: the values as they are"
        )  # fmt: skip
        with_help(output_type, type_help)
        for parameter in (output_type, with_help(chunk, chunk_help)):
            self.addParameter(advanced(parameter))
        self.add_max_gb_parameter()
        self.add_dask_parameter()

    def required_items(self, parameters, context) -> str:
        """ITEMS, or a Processing error when it is empty."""
        items = self.parameterAsFile(parameters, self.ITEMS, context)
        if not items:
            raise self.fail(
                translate(
                    "TimestackParameters",
                    "ITEMS is empty: give the STAC ItemCollection JSON written by 'Search scenes'."
                )
            )  # fmt: skip
        return items

    def target_crs(self, parameters, context, fallback: str):
        """TARGET_CRS, or a clear error when it was given but names no CRS (``EPSG:99999``); ``fallback``
        says what an empty one uses.

        Processing turns an unknown CRS into an invalid one, which would otherwise read as "not given"
        and silently fall back.
        """
        crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        given = parameters.get(self.TARGET_CRS)
        if not crs.isValid() and given not in (None, "") and str(given).strip():
            raise self.fail(
                translate(
                    "TimestackParameters",
                    "TARGET_CRS: '{0}' is not a coordinate reference system QGIS knows; give an EPSG code "
                    "such as EPSG:32633, or leave it empty to use {1}."
                ).format(given, fallback)
            )  # fmt: skip
        return crs

    def stack_settings(self, parameters, context, output: Path, fallback: str) -> dict:
        """The ``StackSettings`` keywords of these parameters and the shared mixins' (``output``: OUTPUT's
        path; ``fallback``: what an empty TARGET_CRS uses, for its error)."""
        items = self.required_items(parameters, context)
        crs = self.target_crs(parameters, context, fallback)
        bounds, bounds_crs = self.area_bounds(parameters, context)
        cache_folder, cache_max_gb = self.asset_cache(parameters, context)
        return {
            "items": items,
            "output": output,
            "bands": [REFLECTIVE_BANDS[i] for i in self.parameterAsEnums(parameters, self.BANDS, context)],
            "indices": self.index_names(parameters, context),
            "mask": self.mask_options(parameters, context),
            "bounds": bounds,
            "bounds_crs": bounds_crs,
            "area_parameter": self.AOI if parameters.get(self.AOI) not in (None, "") else self.EXTENT,
            "crs": (crs.authid() or crs.toWkt()) if crs.isValid() else None,
            "resolution": self.parameterAsDouble(parameters, self.RESOLUTION, context),
            "output_dtype": OUTPUT_DTYPES[self.parameterAsEnum(parameters, self.OUTPUT_TYPE, context)],
            "chunk_size": self.parameterAsInt(parameters, self.CHUNK_SIZE, context),
            "max_gb": self.max_gb(parameters, context),
            "allowed_roots": self.allowed_roots(parameters, context),
            "cache_folder": cache_folder,
            "cache_max_gb": cache_max_gb,
            "dask_scheduler": self.dask_scheduler(parameters, context),
        }

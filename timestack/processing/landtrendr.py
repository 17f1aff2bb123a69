"""``timestack:landtrendr`` — LandTrendr temporal segmentation of an annual stack.

Kennedy, Yang & Cohen (2010), RSE 114:2897, with Earth Engine's parameter names
(``ee.Algorithms.TemporalSegmentation.LandTrendr``) written in UPPER_SNAKE as Processing
parameters. The numerics are :mod:`timestack.core.landtrendr.fit`; this module only turns parameters
into core arguments and registers the outputs for loading.

The index is picked by name from the stack's band descriptions (``YYYY_name``, the composite
algorithm's convention); its disturbance direction comes from the index registry
(:func:`timestack.core.indices.disturbance_direction`) unless DIRECTION overrides it, so nobody has
to multiply NBR by -1 by hand.
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..core.indices import disturbance_direction
from ..core.io.bands import parse_band, stack_variables
from ..core.io.engine import EngineStats
from ..core.landtrendr.fit import (
    LandTrendrOutputs,
    LandTrendrParams,
    run_landtrendr_raster,
    run_landtrendr_tiles,
    stack_layout,
)
from ..core.runtime import TimestackError
from .algorithm import TimestackAlgorithm, user_message
from .layer_inputs import gdal_file
from .params import (
    DaskParameter,
    EarthEngineLoginParameter,
    SizeLimitParameter,
    TileParameters,
    defaults_optional,
    split_list,
)
from .styles import LandTrendrStyler, keep_alive, stack_scale


def processing_name(gee_name: str) -> str:
    """``maxSegments`` -> ``MAX_SEGMENTS``: Processing parameter names are GEE's, in UPPER_SNAKE."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", gee_name).upper()


#: GEE parameter name -> Processing parameter name, from the core's dataclass (one source of truth).
LT_PARAMETERS = {f.name: processing_name(f.name) for f in fields(LandTrendrParams)}


def gdal_path(layer) -> str:
    """The file behind a raster layer of the project (:func:`.layer_inputs.gdal_file`), for the dock."""
    return gdal_file(layer.providerType(), layer.source()) if layer is not None else ""


class LandTrendrAlgorithm(
    TileParameters, DaskParameter, SizeLimitParameter, EarthEngineLoginParameter, TimestackAlgorithm
):
    """Fit LandTrendr to every pixel of an annual stack (local numba engine or Earth Engine)."""

    INPUT = "INPUT"
    INDEX = "INDEX"
    FIT_BANDS = "FIT_BANDS"
    FLAVOR = "FLAVOR"
    ENGINE = "ENGINE"
    DIRECTION = "DIRECTION"
    OUTPUT_VERTICES = "OUTPUT_VERTICES"
    OUTPUT_FITTED = "OUTPUT_FITTED"
    OUTPUT_FTV = "OUTPUT_FTV"
    OUTPUT_RMSE = "OUTPUT_RMSE"
    OUTPUT_SEGMENTS = "OUTPUT_SEGMENTS"
    EE_COLLECTION = "EE_COLLECTION"
    EE_PROJECT = "EE_PROJECT"
    EE_DRIVE_FOLDER = "EE_DRIVE_FOLDER"
    EE_START = "EE_START"
    EE_TASKS = "EE_TASKS"

    FLAVOR_NAMES = ("gee", "idl")
    ENGINES = ("local", "earthengine")
    #: DIRECTION options: None = from the index registry; else the index's change on disturbance.
    DIRECTIONS = (None, -1, 1)

    GROUP = QT_TRANSLATE_NOOP("TimestackAlgorithm", "Change detection")
    GROUP_ID = "change"
    CORE_ARGUMENTS = {
        **LT_PARAMETERS,
        "stack_path": "INPUT",
        "fit_bands": "FIT_BANDS",
        "disturbance_direction": "DIRECTION",
        "flavor": "FLAVOR",
    }

    def name(self) -> str:
        return "landtrendr"

    def displayName(self) -> str:
        return self.tr("LandTrendr temporal segmentation")

    def shortHelpString(self) -> str:
        return self.tr(
            "Fits LandTrendr (Kennedy et al. 2010) to every pixel of an annual stack: a piecewise-linear "
            "trajectory whose vertices mark disturbances and recoveries.\n\n"
            "INPUT is a stack whose band descriptions are YYYY_name (the composite algorithm writes them); "
            "INDEX names the band or index to segment (e.g. nbr). FIT_BANDS are other bands fitted at the "
            "index's vertex years (FTV). Parameters carry Earth Engine's names and defaults. The "
            "disturbance direction (NBR, NDVI fall on disturbance; TCB, SWIR rise) is taken from the index "
            "unless DIRECTION says otherwise; values need no ×1000 scaling. Bands carrying GDAL scale and "
            "offset tags (int16 NBR with scale 0.0001, Landsat surface reflectance with 2.75e-05 and -0.2) "
            "are fitted on their physical values, stored × scale + offset: the outputs, and the change map's "
            "MAG and PREVAL, are then in those units.\n\n"
            "FLAVOR 'gee' (default) reproduces Earth Engine's outputs; 'idl' reproduces the original IDL "
            "program, including its single-precision p-values and integer truncation (so use it on stacks "
            "stored scaled without scale tags, such as Timestack's int16 composites, not on 0-1 index "
            "values).\n\n"
            "Outputs: vertices (years, source and fitted values, NaN-padded), the fitted value for every "
            "year, FTV stacks per fit band (one GeoTIFF per band in a folder), RMSE / p-value / segment "
            "count / status, and the segment table that timestack:changemap maps.\n\n"
            "TILE_SIZE (squares of that many pixels) or TILES (a grid layer such as Landsat ARD tiles: one "
            "tile per cell on the stack, named by TILES_ID_FIELD) runs a large stack tile by tile into "
            "TILES_FOLDER, which records every finished tile: after a crash or a cancel, the same run "
            "started again skips them. The outputs are then "
            "VRT mosaics of the tiles in TILES_FOLDER (vertices.vrt, fitted.vrt, stats.vrt, segments.vrt, "
            "ftv_<band>.vrt), whatever paths the outputs name."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Annual stack (bands YYYY_name)"))
        )
        self.addParameter(
            QgsProcessingParameterString(self.INDEX, self.tr("Index or band to segment (e.g. nbr)"), "nbr")
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.FIT_BANDS,
                self.tr("Other bands to fit at the index's vertex years (comma separated)"),
                optional=True,
            )
        )
        defaults = LandTrendrParams()
        integer, double = QgsProcessingParameterNumber.Integer, QgsProcessingParameterNumber.Double
        labels = {
            "maxSegments": (self.tr("Maximum segments"), integer, 1, None),
            "spikeThreshold": (self.tr("Spike threshold, ≥ 0 (1 or more = no despiking)"), double, 0.0, None),
            "vertexCountOvershoot": (self.tr("Vertex count overshoot"), integer, 0, None),
            "recoveryThreshold": (self.tr("Recovery threshold (1/years), ≥ 0"), double, 0.0, None),
            "pvalThreshold": (self.tr("p-value threshold, in (0, 1]"), double, 0.0, 1.0),
            "bestModelProportion": (self.tr("Best model proportion, in (0, 2]"), double, 0.0, 2.0),
            "minObservationsNeeded": (self.tr("Minimum observations needed"), integer, 2, None),
        }
        for gee_name, name in LT_PARAMETERS.items():
            default = getattr(defaults, gee_name)
            if gee_name == "preventOneYearRecovery":
                self.addParameter(
                    QgsProcessingParameterBoolean(name, self.tr("Prevent one-year recovery"), default)
                )
                continue
            label, kind, low, high = labels[gee_name]
            parameter = QgsProcessingParameterNumber(name, label, kind, default, minValue=low)
            if high is not None:
                parameter.setMaximum(high)
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.FLAVOR,
                self.tr("Flavor"),
                options=[self.tr("gee — Earth Engine behaviour"), self.tr("idl — original IDL program")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DIRECTION,
                self.tr("Index change on disturbance"),
                options=[
                    self.tr("Automatic (from the index)"),
                    self.tr("Decreases (like NBR, NDVI)"),
                    self.tr("Increases (like TCB, SWIR)"),
                ],
                defaultValue=0,
            )
        )
        engine = QgsProcessingParameterEnum(
            self.ENGINE,
            self.tr("Engine"),
            options=[self.tr("Local (this computer)"), self.tr("Google Earth Engine")],
            defaultValue=0,
        )
        engine.setFlags(engine.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(engine)
        earth_engine = (
            QgsProcessingParameterString(
                self.EE_COLLECTION,
                self.tr("Earth Engine: annual composite ImageCollection (asset id; empty = composite here)"),
                optional=True,
            ),
            QgsProcessingParameterString(
                self.EE_PROJECT, self.tr("Earth Engine: Google Cloud project"), optional=True
            ),
            QgsProcessingParameterString(
                self.EE_DRIVE_FOLDER, self.tr("Earth Engine: Google Drive export folder"), "timestack"
            ),
            QgsProcessingParameterBoolean(
                self.EE_START, self.tr("Earth Engine: start the export tasks"), True
            ),
        )
        for parameter in earth_engine:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(parameter)
        self.add_earthengine_login_parameter()
        self.addOutput(QgsProcessingOutputString(self.EE_TASKS, self.tr("Earth Engine export tasks")))
        outputs = (
            (self.OUTPUT_VERTICES, self.tr("Vertices")),
            (self.OUTPUT_FITTED, self.tr("Fitted values (one band per year)")),
            (self.OUTPUT_RMSE, self.tr("RMSE, p-value, segment count, status")),
            (self.OUTPUT_SEGMENTS, self.tr("Segment table")),
        )
        for name, label in outputs:
            self.addParameter(QgsProcessingParameterRasterDestination(name, label, optional=True))
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                self.OUTPUT_FTV,
                self.tr("FTV folder (one GeoTIFF per fit band)"),
                optional=True,
                createByDefault=False,
            )
        )
        self.add_tile_parameters()
        self.add_dask_parameter()
        self.add_max_gb_parameter()
        defaults_optional(self)
        lt = LT_PARAMETERS
        self.set_help({
            self.INDEX: self.tr(
                "The variable of the stack whose yearly values are segmented (nbr of bands 1990_nbr, "
                "1991_nbr…): its vertices mark the disturbances and recoveries."
            ),
            self.FIT_BANDS: self.tr(
                "Other variables of the stack fitted at the index's vertex years (fitted-to-vertex, FTV), "
                "one GeoTIFF per band in the FTV folder; empty: none."
            ),
            self.DIRECTION: self.tr(
                "Whether the index falls or rises when the forest is disturbed, which decides which "
                "segments are losses; Automatic takes it from the index (NBR and NDVI fall, TCB and SWIR "
                "rise)."
            ),
            lt["maxSegments"]: self.tr(
                "The most straight-line segments a pixel's trajectory may have (a count; vertices = "
                "segments + 1). More segments follow shorter changes, and more noise."
            ),
            lt["spikeThreshold"]: self.tr(
                "Dampens one-year spikes before fitting (unitless): the lower, the more spikes are "
                "flattened; 1 or more dampens none."
            ),
            lt["vertexCountOvershoot"]: self.tr(
                "How many vertices beyond maximum segments + 1 the first pass may find before the "
                "weakest are removed by angle (a count)."
            ),
            lt["preventOneYearRecovery"]: self.tr(
                "Refuses segments that recover within one year: a one-year return to the value before a "
                "disturbance is taken as noise."
            ),
            lt["recoveryThreshold"]: self.tr(
                "Refuses a segment recovering faster than this rate, in 1/years: 0.25 allows a full "
                "recovery in no less than 4 years."
            ),
            lt["pvalThreshold"]: self.tr(
                "A fit is kept only when its F-test p-value is at most this (unitless, 0-1); otherwise a "
                "simpler fit is tried."
            ),
            lt["bestModelProportion"]: self.tr(
                "Takes the fit with the most vertices whose p-value is within this proportion of the best "
                "fit's (unitless); 1 takes the best fit."
            ),
            lt["minObservationsNeeded"]: self.tr(
                "Pixels with fewer valid years than this (a count) are not fitted; their outputs are "
                "nodata."
            ),
            self.FLAVOR: self.tr(
                "gee reproduces Earth Engine's outputs; idl the original IDL program (single-precision "
                "p-values, integer truncation: for int16 stacks stored scaled without scale tags, not 0-1 "
                "index values nor stacks whose scale tags make them 0-1 values)."
            ),
        })  # fmt: skip
        self.set_help({
            self.INPUT: self.tr(
                "The annual stack to segment, one band per year and variable named "
                "YYYY_variable (a composite stack); with Earth Engine, the area and years it "
                "covers. Bands with GDAL scale and offset tags are fitted on their physical values "
                "(stored × scale + offset)."
            ),
            self.ENGINE: self.tr(
                "Where LandTrendr runs: on this computer, or on Google Earth Engine "
                "(ee.Algorithms.TemporalSegmentation.LandTrendr), whose results are exported "
                "to Google Drive."
            ),
            self.EE_COLLECTION: self.tr(
                "With Earth Engine: the asset id of an ImageCollection of annual composites "
                "to segment; empty: Landsat composites are made on Earth Engine for the "
                "stack's area and years."
            ),
            self.EE_PROJECT: self.tr(
                "With Earth Engine: the Google Cloud project the run is billed to and its "
                "tasks belong to; empty: the project of your Earth Engine login."
            ),
            self.EE_DRIVE_FOLDER: self.tr(
                "With Earth Engine: the Google Drive folder the export tasks write their "
                "GeoTIFFs to."
            ),
            self.EE_START: self.tr(
                "With Earth Engine: start the export tasks now; unticked, they are only "
                "prepared (follow or cancel them with 'Earth Engine tasks')."
            ),
            self.OUTPUT_VERTICES: self.tr(
                "Per pixel, the years of the trajectory's vertices with their source and "
                "fitted values, one band each (NaN past the last vertex)."
            ),
            self.OUTPUT_FITTED: self.tr(
                "The index as LandTrendr fitted it, one band per year (YYYY_fitted), in the "
                "index's unit."
            ),
            self.OUTPUT_RMSE: self.tr(
                "Per pixel: the fit's root mean square error (in the index's unit), its "
                "p-value (0–1), the number of segments and the fit's status."
            ),
            self.OUTPUT_SEGMENTS: self.tr(
                "Per pixel, the segments of the fitted trajectory (their years, values, "
                "magnitudes, durations): the input of the change map."
            ),
            self.OUTPUT_FTV: self.tr(
                "Folder of the fitted-to-vertex stacks: one GeoTIFF per band of FIT_BANDS, "
                "fitted at the index's vertex years; empty: not written."
            ),
        })  # fmt: skip

    def landtrendr_params(self, parameters, context) -> LandTrendrParams:
        """The core's parameter object from the eight Processing parameters."""
        values = {}
        for gee_name, name in LT_PARAMETERS.items():
            kind = type(getattr(LandTrendrParams, gee_name))
            if kind is bool:
                values[gee_name] = self.parameterAsBoolean(parameters, name, context)
            elif kind is int:
                values[gee_name] = self.parameterAsInt(parameters, name, context)
            else:
                values[gee_name] = self.parameterAsDouble(parameters, name, context)
        return LandTrendrParams(**values)

    def _check_params(self, params: LandTrendrParams) -> None:
        """Raise a QgsProcessingException that names the Processing parameter at fault."""
        try:
            params.validate()
        except TimestackError as exc:
            raise self.fail(self.core_message(exc)) from exc

    def checkParameterValues(self, parameters, context):
        """Check the LandTrendr parameters first, so range errors say what is right."""
        try:
            self._check_params(self.landtrendr_params(parameters, context))
        except Exception as exc:  # noqa: BLE001 - Processing wants (ok, message), not an exception
            return False, str(exc.args[0] if exc.args else exc)
        return super().checkParameterValues(parameters, context)

    def _direction(self, parameters, context, index: str) -> int:
        chosen = self.DIRECTIONS[self.parameterAsEnum(parameters, self.DIRECTION, context)]
        if chosen is not None:
            return chosen
        try:
            return disturbance_direction(index)
        except (KeyError, ValueError) as exc:
            raise self.fail(
                self.tr(
                    "DIRECTION: {0} is not a known index or band, so its change on disturbance is "
                    "unknown; choose 'Decreases' or 'Increases'."
                ).format(index)
            ) from exc

    def _stack(self, parameters, context) -> tuple:
        path = self.input_file(parameters, self.INPUT, context)
        if not path or not Path(path).is_file():
            raise self.fail(self.tr("INPUT: the stack must be a raster file readable by GDAL."))
        import rasterio

        with rasterio.open(path) as src:
            descriptions = list(src.descriptions)
        names = stack_variables(descriptions)
        if not names:
            raise self.fail(
                self.tr(
                    "INPUT: the stack has no year information: its band descriptions must read "
                    "YYYY_name (e.g. 1990_nbr), as timestack:composite writes them."
                )
            )
        index = self.parameterAsString(parameters, self.INDEX, context).strip().lower()
        if index not in names:
            raise self.fail(
                self.tr("INDEX: the stack has no band named {0}; it has: {1}.").format(
                    index or "''", ", ".join(names)
                )
            )
        labels = [parse_band(text) for text in descriptions]
        years = sorted({label.year for label in labels if label is not None and label.variable == index})
        if len(years) < 2:
            raise self.fail(
                self.tr(
                    "INPUT: the stack holds {0} year(s) of {1} ({2}); LandTrendr fits a series of years, "
                    "so choose a stack with at least MIN_OBSERVATIONS_NEEDED of them."
                ).format(len(years), index, ", ".join(map(str, years)))
            )
        fit_bands = [
            name.lower() for name in split_list(self.parameterAsString(parameters, self.FIT_BANDS, context))
        ]
        unknown = [name for name in fit_bands if name not in names]
        if unknown:
            raise self.fail(
                self.tr("FIT_BANDS: the stack has no band named {0}; it has: {1}.").format(
                    ", ".join(unknown), ", ".join(names)
                )
            )
        return path, index, fit_bands

    def _stack_warnings(self, path: str, index: str, flavor: str) -> list:
        """What the fit will do that the stack may not expect: the bands it leaves out (no YYYY_name
        description), and, with FLAVOR idl, integer truncation of an index whose GDAL scale/offset
        tags make it physical values (which the fit reads). A stack whose layout is wrong is left to
        the run, which names what is wrong."""
        import rasterio

        with rasterio.open(path) as src:
            labels = [parse_band(text) for text in src.descriptions]
            try:
                bands = stack_layout(src.descriptions, index).index_bands
            except TimestackError:
                bands = []
            tagged = any(src.scales[b - 1] != 1.0 or src.offsets[b - 1] != 0.0 for b in bands)
        warnings = []
        unlabelled = [band for band, label in enumerate(labels, 1) if label is None or label.variable is None]
        if unlabelled:
            warnings.append(
                self.tr(
                    "INPUT: band(s) {0} have no YYYY_name description, so LandTrendr leaves them out; name "
                    "them (e.g. 1990_nbr) if they hold years of the stack."
                ).format(", ".join(map(str, unlabelled)))
            )
        if flavor == "idl" and tagged:
            warnings.append(
                self.tr(
                    "FLAVOR: idl truncates fitted values to whole numbers, but the scale/offset tags of "
                    "INPUT's {0} bands make them physical values (e.g. 0-1); choose gee, or a stack stored "
                    "scaled without tags."
                ).format(index)
            )
        return warnings

    @staticmethod
    def _tif(path: str) -> Path:
        return Path(path) if Path(path).suffix.lower() in (".tif", ".tiff") else Path(path + ".tif")

    def _run_earthengine(self, parameters, context, feedback, params: LandTrendrParams, flavor: str) -> dict:
        """Build LandTrendr on an Earth Engine collection and export it on the INPUT stack's grid.

        INPUT supplies the years, the extent, the CRS and the pixel grid, so the exported GeoTIFFs
        line up with (and carry the band names of) a local run over the same stack. Without an
        EE_COLLECTION asset, the annual composites are built on Earth Engine with Timestack's own
        recipe (Landsat medoids over the stack's years, in the season its composite log records).
        """
        collection_id = self.parameterAsString(parameters, self.EE_COLLECTION, context).strip()
        path, index, fit_bands = self._stack(parameters, context)
        direction = self._direction(parameters, context, index)
        if flavor != "gee":
            feedback.pushWarning(self.tr("FLAVOR: Earth Engine always behaves as 'gee'."))
        import rasterio
        from rasterio.warp import transform_bounds

        from ..core.earthengine import composite as ee_composite
        from ..core.earthengine import landtrendr as ee_landtrendr
        from ..core.earthengine.login import ensure_initialized

        try:
            with rasterio.open(path) as src:
                years = stack_layout(src.descriptions, index, fit_bands).years
                crs, transform, bounds = src.crs.to_string(), src.transform, src.bounds
            project = self.parameterAsString(parameters, self.EE_PROJECT, context)
            if not self.earthengine_sign_in(parameters, context, project):
                ensure_initialized(project)
            import ee

            if collection_id:
                collection = ee.ImageCollection(collection_id)
            else:
                region_4326 = transform_bounds(crs, "EPSG:4326", *bounds)
                recipe = ee_composite.stack_recipe(region_4326, years, [index, *fit_bands], _doy_window(path))
                collection = ee_composite.annual_collection(recipe)
                feedback.pushInfo(
                    self.tr("EE_COLLECTION is empty: compositing the stack's years on Earth Engine first.")
                )
            images = ee_landtrendr.run_landtrendr_earthengine(
                collection, ee_landtrendr.collection_band(index), years, params,
                direction, [ee_landtrendr.collection_band(name) for name in fit_bands],
            )  # fmt: skip
            region = ee.Geometry.Rectangle([bounds.left, bounds.bottom, bounds.right, bounds.top], crs, False)
            tasks = ee_landtrendr.export_tasks(
                images, f"timestack_landtrendr_{index}", region, crs, crs_transform=list(transform)[:6],
                drive_folder=self.parameterAsString(parameters, self.EE_DRIVE_FOLDER, context) or "timestack",
                start=self.parameterAsBoolean(parameters, self.EE_START, context),
            )  # fmt: skip
        except ValueError as exc:  # TimestackError included: the graph refused an argument
            raise self.fail(self.tr("ENGINE earthengine: {0}").format(user_message(exc))) from exc
        names = [task.config["description"] for task in tasks.values()]
        feedback.pushInfo(self.tr("Earth Engine export tasks: {0}").format(", ".join(names)))
        return {self.EE_TASKS: ", ".join(names)}

    def processAlgorithm(self, parameters, context, feedback):
        params = self.landtrendr_params(parameters, context)
        self._check_params(params)
        flavor = self.FLAVOR_NAMES[self.parameterAsEnum(parameters, self.FLAVOR, context)]
        engine = self.ENGINES[self.parameterAsEnum(parameters, self.ENGINE, context)]
        if engine == "earthengine":
            return self._run_earthengine(parameters, context, feedback, params, flavor)
        path, index, fit_bands = self._stack(parameters, context)
        direction = self._direction(parameters, context, index)
        for warning in self._stack_warnings(path, index, flavor):
            feedback.pushWarning(warning)

        rasters = {
            name: self.parameterAsOutputLayer(parameters, name, context)
            for name in (self.OUTPUT_VERTICES, self.OUTPUT_FITTED, self.OUTPUT_RMSE, self.OUTPUT_SEGMENTS)
        }
        rasters = {name: self._tif(value) for name, value in rasters.items() if value}
        ftv_folder = self.parameterAsString(parameters, self.OUTPUT_FTV, context)
        ftv = {}
        if ftv_folder:
            if not fit_bands:
                raise self.fail(self.tr("OUTPUT_FTV: name the bands to fit in FIT_BANDS."))
            if Path(ftv_folder).exists() and not Path(ftv_folder).is_dir():
                raise self.fail(
                    self.tr("OUTPUT_FTV: {0} is a file, not a folder; choose a folder for the FTV stacks.")
                    .format(ftv_folder)
                )  # fmt: skip
            ftv = {name: Path(ftv_folder) / f"ftv_{name}.tif" for name in fit_bands}
        if not rasters and not ftv:
            raise self.fail(
                self.tr(
                    "OUTPUT_VERTICES, OUTPUT_FITTED, OUTPUT_RMSE, OUTPUT_SEGMENTS, OUTPUT_FTV: none is set, "
                    "so the fit would be thrown away; choose at least one output."
                )
            )
        outputs = LandTrendrOutputs(
            vertices=rasters.get(self.OUTPUT_VERTICES),
            fitted=rasters.get(self.OUTPUT_FITTED),
            stats=rasters.get(self.OUTPUT_RMSE),
            segments=rasters.get(self.OUTPUT_SEGMENTS),
            ftv=ftv,
        )
        feedback.pushInfo(
            self.tr("Segmenting {0} (disturbance {1}), flavor {2}").format(
                index, self.tr("decreases it") if direction < 0 else self.tr("increases it"), flavor
            )
        )
        progress, is_cancelled = self.core_callbacks(feedback)
        tiles, tiles_folder = self.tiling(parameters, context, path, feedback)
        stats = EngineStats()
        with self.core_errors(self.tr("LandTrendr")):
            if tiles:
                mosaics, skipped = run_landtrendr_tiles(
                    path, index, list(outputs.paths()), tiles_folder, tiles, params, direction, flavor,
                    fit_bands, progress=progress, is_cancelled=is_cancelled,
                    max_gb=self.max_gb(parameters, context),
                )  # fmt: skip
            else:
                run_landtrendr_raster(
                    path, index, outputs, params, direction, flavor, fit_bands=fit_bands,
                    progress=progress, is_cancelled=is_cancelled, stats=stats,
                    dask_scheduler=self.dask_scheduler(parameters, context),
                    max_gb=self.max_gb(parameters, context),
                )  # fmt: skip
        if tiles:
            if skipped:
                feedback.pushInfo(self.tr("Resumed: {0} tiles were already finished.").format(skipped))
            keys = {self.OUTPUT_VERTICES: "vertices", self.OUTPUT_FITTED: "fitted"}
            keys.update({self.OUTPUT_RMSE: "stats", self.OUTPUT_SEGMENTS: "segments"})
            rasters = {name: mosaics[keys[name]] for name in rasters}
            ftv = {band: mosaics[f"ftv_{band}"] for band in ftv}
        else:
            self.report_engine(feedback, stats)

        names = {
            self.OUTPUT_VERTICES: self.tr("LandTrendr vertices ({0})"),
            self.OUTPUT_FITTED: self.tr("LandTrendr fitted {0}"),
            self.OUTPUT_RMSE: self.tr("LandTrendr RMSE ({0})"),
            self.OUTPUT_SEGMENTS: self.tr("LandTrendr segments ({0})"),
        }
        results = {}
        scale = stack_scale(path)
        kinds = {self.OUTPUT_FITTED: LandTrendrStyler.FITTED, self.OUTPUT_RMSE: LandTrendrStyler.RMSE}
        for name, target in rasters.items():
            self.load_on_completion(context, str(target), names[name].format(index), name, raster=True)
            styler = LandTrendrStyler(kinds.get(name, LandTrendrStyler.TABLE), index, scale, direction)
            context.layerToLoadOnCompletionDetails(str(target)).setPostProcessor(keep_alive(styler))
            results[name] = str(target)
        for band, target in ftv.items():
            self.load_on_completion(
                context, str(target), self.tr("LandTrendr FTV {0}").format(band), self.OUTPUT_FTV, raster=True
            )
        if ftv_folder:
            results[self.OUTPUT_FTV] = str(tiles_folder) if tiles else ftv_folder
        return results


def _doy_window(stack: str) -> tuple[int, int]:
    """The season of the composite run that wrote ``stack`` (its ``<stem>_log.json``), else the year."""
    import json

    log = Path(stack).with_name(f"{Path(stack).stem}_log.json")
    try:
        start, end = json.loads(log.read_text())["doy_window"]
    except (OSError, ValueError, KeyError, TypeError):
        return 1, 366
    return int(start), int(end)

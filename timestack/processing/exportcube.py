"""``timestack:exportcube`` — dated stacks to a CF-1.8 NetCDF-4 or Zarr time cube.

The grid, units and layout decisions are :mod:`timestack.core.cube`'s; this module maps parameters,
records them in the cube's provenance and loads a NetCDF cube as a mesh layer, the QGIS layer type
whose temporal properties follow the file's time axis.
"""

from __future__ import annotations

import configparser
import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
)

from ..core.cube.export import CHUNKINGS, export_cube, is_zarr_store
from ..paths import README
from .algorithm import TimestackAlgorithm
from .params import SizeLimitParameter, advanced
from .stack_files import StackFiles

COMPRESSIONS = ("deflate", "none")


def plugin_version() -> str:
    """The plugin's version from metadata.txt (beside the README in the source tree and the package)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(README.with_name("metadata.txt"), encoding="utf-8")
    return parser.get("general", "version", fallback="unknown")


class ExportCubeAlgorithm(StackFiles, SizeLimitParameter, TimestackAlgorithm):
    """One or several dated stacks written as one NetCDF-4 or Zarr cube."""

    INPUT = "INPUT"
    CHUNKING = "CHUNKING"
    CHUNK_MB = "CHUNK_MB"
    COMPRESSION = "COMPRESSION"
    LEVEL = "LEVEL"
    TARGET_CRS = "TARGET_CRS"
    OUTPUT = "OUTPUT"
    GROUPS = "GROUPS"

    CORE_ARGUMENTS = {"paths": "INPUT", "output_path": "OUTPUT", "chunk_mb": "CHUNK_MB"}

    def name(self) -> str:
        return "exportcube"

    def displayName(self) -> str:
        return self.tr("Export a time cube (NetCDF, Zarr)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Writes stacks whose band descriptions carry dates (YYYY_name, YYYY-MM-DD_name, YYYYMMDD_name: "
            "composites, LandTrendr fits, per-date stacks) as one CF-1.8 cube: NetCDF-4 for an OUTPUT "
            "ending in .nc, Zarr for .zarr. Each variable becomes a (time, y, x) array; a variable in "
            "several stacks is mosaicked (first valid pixel in INPUT order). int16 stacks stay packed with "
            "scale_factor/add_offset; nodata is the _FillValue. CHUNKING temporal makes pixel time series "
            "fast to read, spatial makes maps fast, both writes a Zarr group per scheme (a NetCDF file "
            "then holds about √(dates) dates per chunk); chunks are about CHUNK_MB megabytes. Stacks in "
            "different CRSs are warped (nearest neighbour) to TARGET_CRS or the UTM zone most of them are "
            "in; they must share one pixel size, and dB and linear backscatter cannot share a cube. Needs "
            "xarray, dask and netCDF4 or zarr."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.INPUT, self.tr("Time stacks (dated band descriptions)"), QgsProcessing.TypeRaster
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.CHUNKING,
                self.tr("Chunking"),
                options=[self.tr("Temporal (fast pixel time series)"), self.tr("Spatial (fast maps)"),
                         self.tr("Both")],
                defaultValue=2,
            )
        )  # fmt: skip
        self.addParameter(
            advanced(QgsProcessingParameterNumber(
                self.CHUNK_MB, self.tr("Target chunk size (MB)"), QgsProcessingParameterNumber.Double, 8.0,
                minValue=0.01, maxValue=1024.0,
            ))
        )  # fmt: skip
        self.addParameter(
            advanced(QgsProcessingParameterEnum(
                self.COMPRESSION, self.tr("Compression"),
                options=[self.tr("Deflate (zlib)"), self.tr("None")], defaultValue=0,
            ))
        )  # fmt: skip
        self.addParameter(
            advanced(QgsProcessingParameterNumber(
                self.LEVEL, self.tr("Compression level"), QgsProcessingParameterNumber.Integer, 4,
                minValue=1, maxValue=9,
            ))
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterCrs(
                self.TARGET_CRS, self.tr("Target CRS (default: the stacks' or their predominant UTM zone)"),
                optional=True,
            )
        )  # fmt: skip
        self.add_max_gb_parameter()
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("Cube"), self.tr("NetCDF (*.nc);;Zarr (*.zarr)"), defaultValue=None
            )
        )
        self.addOutput(QgsProcessingOutputString(self.GROUPS, self.tr("Zarr groups")))
        self.set_help({
            self.CHUNKING: self.tr(
                "How the cube is cut into chunks: temporal chunks (a small area's whole time series) make "
                "pixel time series fast to read, spatial chunks (whole maps of a few dates) make maps fast; "
                "Both writes both (in Zarr, one group each)."
            ),
            self.CHUNK_MB: self.tr("The size of one chunk, in megabytes of uncompressed values."),
            self.COMPRESSION: self.tr("Deflate shrinks the cube without loss; None writes faster."),
            self.LEVEL: self.tr("The deflate level, from 1 (fastest) to 9 (smallest file)."),
            self.OUTPUT: self.tr(
                "A NetCDF file (.nc) or a Zarr folder (.zarr) holding every variable over x, y and time."
            ),
        })  # fmt: skip
        self.set_help({
            self.INPUT: self.tr(
                "The time stacks to export: bands whose descriptions are dated (YYYY-MM-"
                "DD_variable or YYYY_variable)."
            ),
            self.TARGET_CRS: self.tr(
                "Coordinate reference system of the cube; empty: the stacks' own, or the UTM "
                "zone most of them lie in when they differ."
            ),
        })  # fmt: skip

    def checkParameterValues(self, parameters, context):
        """Say what is wrong with an INPUT file or TARGET_CRS before Processing's generic message."""
        problem = self.stack_file_problem(self.INPUT, parameters.get(self.INPUT), context)
        if problem:
            return False, problem
        given = parameters.get(self.TARGET_CRS)
        if given not in (None, "") and str(given).strip():
            if not self.parameterAsCrs(parameters, self.TARGET_CRS, context).isValid():
                return False, self.tr(
                    "TARGET_CRS: '{0}' is not a coordinate reference system QGIS knows; give an EPSG code "
                    "such as EPSG:32633, or leave it empty to use the stacks' CRS."
                ).format(given)
        return super().checkParameterValues(parameters, context)

    def _check_destination(self, name: str, target, outputs: dict) -> None:
        """A Zarr cube is a folder: OUTPUT may replace an earlier one, never a folder of something else."""
        if name == self.OUTPUT and isinstance(target, str) and os.path.isdir(target):
            if not is_zarr_store(target):
                raise self.fail(
                    self.tr(
                        "OUTPUT: {0} is a folder that holds no Zarr cube; exporting would replace what it "
                        "holds. Choose a new name ending in .nc or .zarr."
                    ).format(target)
                )
            outputs[os.path.realpath(target)] = name
            return
        super()._check_destination(name, target, outputs)

    def processAlgorithm(self, parameters, context, feedback):
        paths = []
        for layer in self.input_layers(parameters, self.INPUT, context):
            path = layer.gdal_file
            if not path or not os.path.isfile(path):
                raise self.fail(
                    self.tr("INPUT: {0} is not a raster file readable by GDAL.").format(layer.name)
                )
            paths.append(path)
        if not paths:
            raise self.fail(self.tr("INPUT: choose at least one stack."))
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        chunking = CHUNKINGS[self.parameterAsEnum(parameters, self.CHUNKING, context)]
        compression = COMPRESSIONS[self.parameterAsEnum(parameters, self.COMPRESSION, context)]
        chunk_mb = self.parameterAsDouble(parameters, self.CHUNK_MB, context)
        level = self.parameterAsInt(parameters, self.LEVEL, context)
        version = plugin_version()
        progress, is_cancelled = self.core_callbacks(feedback)
        with self.core_errors(self.tr("Cube export")):
            cube = export_cube(
                paths, output, chunking, chunk_mb, compression, level,
                target_crs=crs.toWkt() if crs.isValid() else None,
                provenance={"software": f"Timestack {version}",
                            "parameters": {"algorithm": "timestack:exportcube", "version": version}},
                progress=progress, is_cancelled=is_cancelled, max_gb=self.max_gb(parameters, context),
            )  # fmt: skip
        if cube.plan.reprojected:
            feedback.pushInfo(self.tr("Stacks warped to {0}.").format(cube.plan.crs.to_string()))
        if cube.format == "netcdf":
            details = QgsProcessingContext.LayerDetails(
                self.tr("Time cube"), context.project(), self.OUTPUT, QgsProcessingUtils.LayerHint.Mesh
            )
            context.addLayerToLoadOnCompletion(str(cube.path), details)
        return {self.OUTPUT: str(cube.path), self.GROUPS: ",".join(cube.groups)}

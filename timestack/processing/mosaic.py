"""``timestack:mosaic`` — VRT mosaics, per year, per variable or of everything, from a folder of tiles.

The stitching is :func:`timestack.core.io.mosaic.mosaic_tiles` (relative paths, band descriptions kept);
this module finds the tiles, maps parameters and loads the mosaics.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingOutputMultipleLayers,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ..core.io.mosaic import GROUPS, mosaic_tiles
from .algorithm import TimestackAlgorithm


class MosaicAlgorithm(TimestackAlgorithm):
    """One VRT per year (or variable) over every tile of a folder."""

    INPUT = "INPUT"
    PATTERN = "PATTERN"
    GROUP_BY = "GROUP_BY"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_LAYERS = "OUTPUT_LAYERS"

    def name(self) -> str:
        return "mosaic"

    def displayName(self) -> str:
        return self.tr("Mosaic tiles (VRT)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Stitches the tiles of a large run — stacks with the same bands, CRS and resolution, one per "
            "tile, in INPUT (a folder; PATTERN picks the files, *.tif by default, subfolders included) — "
            "into virtual rasters without copying pixels: one per year (GROUP_BY year: every variable of "
            "that year), one per variable (every date of it) or one of all bands. Source paths are stored "
            "relative to the VRTs, so the tiles and mosaics can move together; band descriptions are kept."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT, self.tr("Folder of tiles"), behavior=QgsProcessingParameterFile.Folder
            )
        )
        self.addParameter(QgsProcessingParameterString(self.PATTERN, self.tr("File pattern"), "*.tif"))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.GROUP_BY,
                self.tr("One mosaic per"),
                options=[self.tr("Year"), self.tr("Variable"), self.tr("Nothing (all bands)")],
                defaultValue=0,
            )
        )
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Mosaics")))
        self.addOutput(QgsProcessingOutputMultipleLayers(self.OUTPUT_LAYERS, self.tr("Mosaic layers")))
        self.set_help({
            self.INPUT: self.tr(
                "The folder holding the tile stacks of a large run (same bands, CRS and "
                "resolution), subfolders included."
            ),
            self.PATTERN: self.tr(
                "Which files of the folder are tiles, as a file name pattern (*.tif: every "
                "GeoTIFF)."
            ),
            self.GROUP_BY: self.tr(
                "One virtual mosaic per year (every variable of that year), per variable "
                "(every date of it), or one of all bands."
            ),
            self.OUTPUT_FOLDER: self.tr(
                "Where the mosaics (VRT files) are written; they refer to the tiles by "
                "relative paths, so both can move together."
            ),
        })  # fmt: skip

    def processAlgorithm(self, parameters, context, feedback):
        folder = Path(self.parameterAsFile(parameters, self.INPUT, context))
        if not folder.is_dir():
            raise self.fail(self.tr("INPUT: {0} is not a folder of tiles.").format(folder))
        output = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        if output.exists() and not output.is_dir():
            raise self.fail(
                self.tr("OUTPUT_FOLDER: {0} is a file; choose a folder for the mosaics.").format(output)
            )
        pattern = self.parameterAsString(parameters, self.PATTERN, context) or "*.tif"
        if Path(pattern).is_absolute() or ".." in Path(pattern).parts:
            raise self.fail(
                self.tr(
                    "PATTERN: {0} is a path; give a file-name pattern inside INPUT such as *.tif "
                    "(subfolders are searched too)."
                ).format(pattern)
            )
        # mosaics written into a subfolder of INPUT by an earlier run are not tiles
        inside = output.resolve() != folder.resolve()
        tiles = sorted(
            p for p in folder.rglob(pattern) if p.is_file() and not (inside and output in p.parents)
        )
        if not tiles:
            raise self.fail(
                self.tr(
                    "INPUT: no file in {0} matches PATTERN {1} (subfolders included); choose the folder of "
                    "the tiles, or a PATTERN that matches them."
                ).format(folder, pattern)
            )
        feedback.pushInfo(self.tr("{0} tiles in {1}").format(len(tiles), folder))
        progress, is_cancelled = self.core_callbacks(feedback)
        with self.core_errors(self.tr("Mosaic")):
            written = mosaic_tiles(
                tiles, output, GROUPS[self.parameterAsEnum(parameters, self.GROUP_BY, context)],
                progress=progress, is_cancelled=is_cancelled,
            )  # fmt: skip
        for path in written:
            self.load_on_completion(context, str(path), path.stem, self.OUTPUT_LAYERS, raster=True)
        return {self.OUTPUT_FOLDER: str(output), self.OUTPUT_LAYERS: [str(p) for p in written]}

"""``timestack:hyp3stack`` — a time stack from ASF HyP3 RTC or InSAR products, as HyP3 delivers them.

Finding and reading the products, the grid and the band metadata are :mod:`timestack.core.hyp3`'s; this
module maps parameters and loads the stack.
"""

from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from ..core.hyp3.names import INSAR_LAYERS, RTC_LAYERS
from ..core.hyp3.stack import COVERAGES, build_hyp3_stack
from .algorithm import TimestackAlgorithm


class Hyp3StackAlgorithm(TimestackAlgorithm):
    """One band per RTC date (or InSAR pair) of one layer of HyP3 products, on one grid."""

    INPUT = "INPUT"
    FOLDER = "FOLDER"
    LAYER = "LAYER"
    DB = "DB"
    COVERAGE = "COVERAGE"
    OUTPUT = "OUTPUT"
    OUTPUT_METADATA = "OUTPUT_METADATA"

    def name(self) -> str:
        return "hyp3stack"

    def displayName(self) -> str:
        return self.tr("Time stack of HyP3 products (RTC, InSAR)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Stacks ASF HyP3 RTC_GAMMA or INSAR_GAMMA products as HyP3 delivers them — the product zips "
            "(read in place, nothing extracted) or their folders, given as INPUT files and/or a FOLDER "
            "holding them. LAYER is the GeoTIFF of each product to stack: {0} for RTC; {1} for InSAR. "
            "RTC products give one band per acquisition date (YYYY-MM-DD_VV; frames of one pass merged), "
            "InSAR products one band per pair keeping both dates (YYYY-MM-DD_YYYY-MM-DD_unw_phase). Each "
            "band carries its product's metadata (granules, baseline, heading, looks, DEM, processing "
            "options, from the product name, its .txt parameter file and README); OUTPUT_METADATA lists it "
            "per product. Products in other extents or CRSs are aligned on one grid (COVERAGE: their union "
            "or common overlap). DB converts RTC power (or amplitude) to decibels. Products must share "
            "type, track, pass direction, polarisation, radiometry and scale, and give at least two dates."
        ).format(", ".join(layer for layer in RTC_LAYERS if layer != "rgb"), ", ".join(INSAR_LAYERS))

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.INPUT, self.tr("HyP3 product zips or folders"), QgsProcessing.TypeFile, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.FOLDER, self.tr("Folder of HyP3 products"), behavior=QgsProcessingParameterFile.Folder,
                optional=True,
            )
        )  # fmt: skip
        self.addParameter(QgsProcessingParameterString(self.LAYER, self.tr("Layer"), defaultValue="VV"))
        self.addParameter(QgsProcessingParameterBoolean(self.DB, self.tr("RTC backscatter in dB"), False))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.COVERAGE, self.tr("Grid covers"),
                options=[self.tr("All products (union)"), self.tr("Their common overlap")], defaultValue=0,
            )
        )  # fmt: skip
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("HyP3 time stack")))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_METADATA, self.tr("Product metadata (one row per product)"),
                self.tr("CSV (*.csv)"),
                optional=True,
            )
        )  # fmt: skip
        self.set_help({
            self.INPUT: self.tr(
                "HyP3 product zips (read in place, nothing extracted) or their unzipped "
                "folders; or give FOLDER."
            ),
            self.FOLDER: self.tr(
                "A folder holding HyP3 product zips or folders, all stacked; in addition to "
                "INPUT."
            ),
            self.LAYER: self.tr(
                "Which GeoTIFF of each product to stack: VV, VH (and the other RTC layers) "
                "for RTC, unw_phase, corr… for InSAR."
            ),
            self.DB: self.tr(
                "Convert RTC backscatter (power or amplitude) to decibels; unticked: the "
                "values as HyP3 delivered them."
            ),
            self.COVERAGE: self.tr(
                "The grid of the stack covers all products (their union; nodata where one is "
                "missing) or only where every product has data."
            ),
            self.OUTPUT: self.tr(
                "The time stack (GeoTIFF): one band per date (RTC) or per pair of dates "
                "(InSAR), with each product's metadata."
            ),
            self.OUTPUT_METADATA: self.tr(
                "Optional table (CSV) of the products' metadata, one row per product: "
                "granules, baseline, heading, looks, DEM, options."
            ),
        })  # fmt: skip

    def _inputs(self, parameters, context) -> list:
        given = [path for path in self.parameterAsFileList(parameters, self.INPUT, context) if path]
        folder = self.parameterAsFile(parameters, self.FOLDER, context)
        if folder:
            given.append(folder)
        return given

    def checkParameterValues(self, parameters, context):
        """Refuse an empty INPUT and FOLDER, or an empty LAYER, in the dialog before anything runs."""
        if not self._inputs(parameters, context):
            return False, self.tr("INPUT: choose HyP3 product zips or folders, or a FOLDER holding them.")
        if not self.parameterAsString(parameters, self.LAYER, context).strip():
            return False, self.tr("LAYER: give the layer to stack, such as VV, VH or unw_phase.")
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        inputs = self._inputs(parameters, context)
        folder = self.parameterAsFile(parameters, self.FOLDER, context)
        if folder and not os.path.isdir(folder):
            raise self.fail(
                self.tr("FOLDER: {0} is not a folder; choose the folder of the products.").format(folder)
            )
        layer = self.parameterAsString(parameters, self.LAYER, context).strip()
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        table = self.parameterAsFileOutput(parameters, self.OUTPUT_METADATA, context)
        if table and not table.lower().endswith(".csv"):
            raise self.fail(
                self.tr("OUTPUT_METADATA: {0} is no .csv file; give a name ending in .csv.").format(table)
            )
        progress, is_cancelled = self.core_callbacks(feedback)
        with self.core_errors(self.tr("HyP3 stack")):
            stack = build_hyp3_stack(
                inputs, layer, output,
                db=self.parameterAsBoolean(parameters, self.DB, context),
                coverage=COVERAGES[self.parameterAsEnum(parameters, self.COVERAGE, context)],
                metadata_path=table or None, progress=progress, is_cancelled=is_cancelled,
            )  # fmt: skip
        products = sum(len(group) for group in stack.products)
        feedback.pushInfo(
            self.tr("{0} products, {1} bands: {2} … {3}").format(
                products, len(stack.descriptions), stack.descriptions[0], stack.descriptions[-1]
            )
        )
        self.load_on_completion(
            context, str(stack.path), self.tr("HyP3 {0}").format(layer), self.OUTPUT, True
        )
        results = {self.OUTPUT: str(stack.path)}
        if table:
            results[self.OUTPUT_METADATA] = table
        return results

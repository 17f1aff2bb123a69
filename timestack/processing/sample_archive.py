"""``timestack:samplearchive`` — write the built-in sample Landsat archive.

The sample archive is Timestack's embedded default: a small synthetic Landsat Collection 2
Level-2 archive with known disturbances and clouds, so every later step can be tried (and
tested) without network access or credentials.
"""

from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingOutputFile,
    QgsProcessingOutputRasterLayer,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFolderDestination,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from .algorithm import TimestackAlgorithm
from .styles import PolygonOutlineStyler, YearRampPostProcessor, keep_alive


def archive_years(archive) -> tuple[int, int]:
    """The first and last year the archive's scenes cover (its items' acquisition years)."""
    years = [item.datetime.year for item in archive.load_items() if item.datetime is not None]
    return min(years), max(years)


class SampleArchiveAlgorithm(TimestackAlgorithm):
    """Build (or reuse, when already built) the sample archive in a folder."""

    VARIANT = "VARIANT"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_ITEMS = "OUTPUT_ITEMS"
    OUTPUT_GEOPARQUET = "OUTPUT_GEOPARQUET"
    OUTPUT_STANDS = "OUTPUT_STANDS"
    OUTPUT_DISTURBANCE_YEAR = "OUTPUT_DISTURBANCE_YEAR"

    VARIANTS = ("full", "small")
    GROUP = QT_TRANSLATE_NOOP("TimestackAlgorithm", "Data")
    GROUP_ID = "data"

    def name(self) -> str:
        return "samplearchive"

    def displayName(self) -> str:
        return self.tr("Build sample Landsat archive")

    def shortHelpString(self) -> str:
        return self.tr(
            "Writes Timestack's sample archive: Landsat 5/7/8/9 Collection 2 Level-2 scenes as "
            "Cloud-Optimized GeoTIFFs over a synthetic landscape with known clear-cuts, a fire, "
            "clouds and shadows, a STAC catalog (ItemCollection JSON and stac-geoparquet) and the "
            "ground truth (disturbance year and magnitude, cloud masks, stand polygons). "
            "'full' is about 400×400 pixels over 1986–2024; 'small' is a quick subset for trials. "
            "An archive already built in the folder is reused (rebuilt if this version of Timestack "
            "draws it differently); a folder holding other files is refused, never emptied."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterEnum(
                self.VARIANT,
                self.tr("Variant"),
                options=[self.tr("Full (400×400 px, 1986–2024)"), self.tr("Small (quick tests)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Archive folder"))
        )
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_ITEMS, self.tr("STAC ItemCollection (JSON)")))
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_GEOPARQUET, self.tr("STAC catalog (geoparquet)")))
        self.addOutput(QgsProcessingOutputVectorLayer(self.OUTPUT_STANDS, self.tr("Stand polygons")))
        self.addOutput(
            QgsProcessingOutputRasterLayer(self.OUTPUT_DISTURBANCE_YEAR, self.tr("True disturbance year"))
        )

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback):
        variant = self.VARIANTS[self.parameterAsEnum(parameters, self.VARIANT, context)]
        text = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        if "://" in text:  # read as a path it would be a folder named "file:" in the working directory
            raise self.fail(
                self.tr("OUTPUT_FOLDER: {0} is a URL; give a folder on this computer.").format(text)
            )
        folder = Path(text)
        progress, is_cancelled = self.core_callbacks(feedback)
        from ..core.sample_archive import ensure_sample_archive  # pystac: at run time, not at QGIS start

        with self.core_errors(self.tr("Sample archive")):
            archive = ensure_sample_archive(
                folder, variant=variant, progress=progress, is_cancelled=is_cancelled
            )

        stands = str(archive.stands)
        year = str(archive.disturbance_year)
        self.load_on_completion(context, stands, self.tr("Sample stands"), self.OUTPUT_STANDS, raster=False)
        context.layerToLoadOnCompletionDetails(stands).setPostProcessor(keep_alive(PolygonOutlineStyler()))
        self.load_on_completion(
            context, year, self.tr("True disturbance year"), self.OUTPUT_DISTURBANCE_YEAR, raster=True
        )
        first, last = archive_years(archive)
        context.layerToLoadOnCompletionDetails(year).setPostProcessor(
            keep_alive(YearRampPostProcessor(first, last))
        )
        feedback.pushInfo(self.tr("Sample archive ({0}) in {1}").format(variant, archive.root))
        return {
            self.OUTPUT_FOLDER: str(archive.root),
            self.OUTPUT_ITEMS: str(archive.item_collection),
            self.OUTPUT_GEOPARQUET: str(archive.geoparquet),
            self.OUTPUT_STANDS: stands,
            self.OUTPUT_DISTURBANCE_YEAR: year,
        }

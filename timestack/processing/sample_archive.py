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
    EXTRAS = "EXTRAS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_ITEMS = "OUTPUT_ITEMS"
    OUTPUT_GEOPARQUET = "OUTPUT_GEOPARQUET"
    OUTPUT_STANDS = "OUTPUT_STANDS"
    OUTPUT_DISTURBANCE_YEAR = "OUTPUT_DISTURBANCE_YEAR"
    OUTPUT_SENTINEL1 = "OUTPUT_SENTINEL1"
    OUTPUT_ASTER = "OUTPUT_ASTER"
    OUTPUT_HYP3 = "OUTPUT_HYP3"
    #: EXTRAS choice -> (core name, output), in the order of the choices.
    EXTRA_OUTPUTS = (("sentinel1", OUTPUT_SENTINEL1), ("aster", OUTPUT_ASTER), ("hyp3", OUTPUT_HYP3))

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
            "draws it differently); a folder holding other files is refused, never emptied. "
            "Companions, each in a sub-folder beside the Landsat archive with its own STAC catalog, over the "
            "small landscape's area whatever the variant: Sentinel-1 RTC (two tracks in 2021, speckle, a "
            "flood and a clear-cut), ASTER L1T (three subsystems) and HyP3 RTC and InSAR products in ASF's "
            "layout."
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
            QgsProcessingParameterEnum(
                self.EXTRAS,
                self.tr("Also write"),
                options=[
                    self.tr("Sentinel-1 RTC (two tracks, 2021)"),
                    self.tr("ASTER L1T"),
                    self.tr("HyP3 RTC and InSAR products"),
                ],
                allowMultiple=True,
                optional=True,
                defaultValue=[],
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Archive folder"))
        )
        self.set_help({
            self.VARIANT: self.tr(
                "Full: about 400×400 pixels of 30 m over 1986–2024, the archive the tutorials use; Small: a "
                "subset of a few years that builds in seconds, for trials and tests."
            ),
            self.EXTRAS: self.tr(
                "Other sensors written beside the Landsat archive, each in a sub-folder with its own STAC "
                "catalog over the small landscape's area; none: the Landsat archive only."
            ),
            self.OUTPUT_FOLDER: self.tr(
                "An empty folder, or one holding an archive this tool wrote (reused, or rebuilt when this "
                "version draws it differently); a folder holding other files is refused, never emptied."
            ),
        })  # fmt: skip
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_ITEMS, self.tr("STAC ItemCollection (JSON)")))
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_GEOPARQUET, self.tr("STAC catalog (geoparquet)")))
        self.addOutput(QgsProcessingOutputVectorLayer(self.OUTPUT_STANDS, self.tr("Stand polygons")))
        self.addOutput(
            QgsProcessingOutputRasterLayer(self.OUTPUT_DISTURBANCE_YEAR, self.tr("True disturbance year"))
        )
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_SENTINEL1, self.tr("Sentinel-1 RTC items (JSON)")))
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_ASTER, self.tr("ASTER L1T items (JSON)")))
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_HYP3, self.tr("HyP3 product items (JSON)")))

    def processAlgorithm(self, parameters, context: QgsProcessingContext, feedback):
        variant = self.VARIANTS[self.parameterAsEnum(parameters, self.VARIANT, context)]
        text = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        if "://" in text:  # read as a path it would be a folder named "file:" in the working directory
            raise self.fail(
                self.tr("OUTPUT_FOLDER: {0} is a URL; give a folder on this computer.").format(text)
            )
        folder = Path(text)
        chosen = sorted(set(self.parameterAsEnums(parameters, self.EXTRAS, context)))
        extras = [self.EXTRA_OUTPUTS[number][0] for number in chosen]
        progress, is_cancelled = self.core_callbacks(feedback)
        from ..core.sample_archive import ensure_sample_archive  # pystac: at run time, not at QGIS start
        from ..core.sample_archive.extras import check_extras, ensure_extras

        with self.core_errors(self.tr("Sample archive")):
            check_extras(folder, extras)  # before the archive is written: a refusal leaves nothing behind
            archive = ensure_sample_archive(
                folder, variant=variant, progress=progress, is_cancelled=is_cancelled
            )
            companions = ensure_extras(archive.root, extras, is_cancelled=is_cancelled) if extras else {}

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
        for name, path in companions.items():
            feedback.pushInfo(self.tr("Sample companion {0}: {1}").format(name, path))
        return {
            **{output: str(companions[name]) for name, output in self.EXTRA_OUTPUTS if name in companions},
            self.OUTPUT_FOLDER: str(archive.root),
            self.OUTPUT_ITEMS: str(archive.item_collection),
            self.OUTPUT_GEOPARQUET: str(archive.geoparquet),
            self.OUTPUT_STANDS: stands,
            self.OUTPUT_DISTURBANCE_YEAR: year,
        }

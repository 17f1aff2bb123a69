"""``timestack:asterscene`` — ASTER L1T scenes as radiance, brightness temperature, reflectance and indices,
one GeoTIFF per scene and subsystem at its native resolution.

A thin layer over :func:`..core.aster.scene.run_aster_scenes`: the scenes come from ITEMS (the
ItemCollection 'Search scenes' writes for Planetary Computer's ``aster-l1t``) or from INPUT (the
scenes' ``-VNIR.tif``/``-SWIR.tif``/``-TIR.tif`` COGs); the files land in OUTPUT_FOLDER and are loaded.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ..core.aster.calibration import SUBSYSTEMS, parse_gains
from ..core.aster.scene import PRODUCTS, AsterSettings, run_aster_scenes, scene_from_files, scenes_from_items
from ..core.indices import ASTER_INDICES
from .algorithm import TimestackAlgorithm, user_message, user_text
from .params import AllowedRootsParameter, AreaParameters, split_list

SUBSYSTEM_NAMES = tuple(SUBSYSTEMS)
PRODUCT_NAMES = tuple(PRODUCTS)


class AsterSceneAlgorithm(AreaParameters, AllowedRootsParameter, TimestackAlgorithm):
    """Calibrated ASTER L1T subsystems, one file per scene and subsystem."""

    ITEMS = "ITEMS"
    INPUT = "INPUT"
    SUBSYSTEMS = "SUBSYSTEMS"
    PRODUCTS = "PRODUCTS"
    INDICES = "INDICES"
    GAINS = "GAINS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_LAYERS = "OUTPUT_LAYERS"
    FILES_WRITTEN = "FILES_WRITTEN"

    def name(self) -> str:
        return "asterscene"

    def displayName(self) -> str:
        return self.tr("ASTER L1T scenes (radiance, brightness temperature, indices)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Converts ASTER L1T scenes — ITEMS, the ItemCollection JSON 'Search scenes' writes for Planetary "
            "Computer's aster-l1t, or INPUT, the scenes' -VNIR.tif, -SWIR.tif and -TIR.tif COGs or their "
            "HDF-EOS granules (.hdf, whose metadata gives the gains and the sun elevation) — into one "
            "GeoTIFF per scene and subsystem at its own resolution (VNIR 15 m, SWIR 30 m, TIR 90 m), "
            "cropped to EXTENT or AOI when given. PRODUCTS: at-sensor radiance, L = (DN − 1) × the unit "
            "conversion coefficient of the band's gain (ASTER User Handbook v2, Table 5; W m⁻² sr⁻¹ µm⁻¹); "
            "brightness temperature of bands 10–14 (K, Planck's law at the bands' effective wavelengths); "
            "top-of-atmosphere reflectance of bands 1–9 (needs the items' sun elevation). INDICES (on "
            "reflectance): {0}. DN 0 and saturated DNs are nodata. The published COGs carry no gain "
            "settings: VNIR and SWIR are converted with normal gain unless GAINS names others, e.g. "
            "1:HGH, 3N:LO1, 5:LO2 (gains HGH, NOR, LO1, LO2; from the scene's HDF metadata). Bands are "
            "named YYYY-MM-DD_variable, so the files feed Timescan and the cube export."
        ).format(", ".join(ASTER_INDICES))

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                self.ITEMS, self.tr("Scenes (STAC ItemCollection JSON)"), extension="json", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.INPUT,
                self.tr("Or the scenes' files (-VNIR.tif, -SWIR.tif, -TIR.tif COGs or .hdf granules)"),
                QgsProcessing.TypeFile,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.SUBSYSTEMS,
                self.tr("Subsystems"),
                options=list(SUBSYSTEM_NAMES),
                allowMultiple=True,
                defaultValue=list(range(len(SUBSYSTEM_NAMES))),
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.PRODUCTS,
                self.tr("Products"),
                options=[
                    self.tr("Radiance"),
                    self.tr("Brightness temperature (TIR)"),
                    self.tr("TOA reflectance (VNIR, SWIR)"),
                ],
                allowMultiple=True,
                defaultValue=[0, 1],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.INDICES,
                self.tr("ASTER indices (comma-separated: {0})").format(", ".join(ASTER_INDICES)),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.GAINS, self.tr("Gains other than normal (band:gain, e.g. 1:HGH, 5:LO2)"), optional=True
            )
        )
        self.add_area_parameters()
        self.add_allowed_roots_parameter()
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputMultipleLayers(self.OUTPUT_LAYERS, self.tr("ASTER files")))
        self.addOutput(QgsProcessingOutputNumber(self.FILES_WRITTEN, self.tr("Files written")))
        self.set_help({
            self.ITEMS: self.tr(
                "The ASTER L1T scenes as the ItemCollection JSON written by 'Search scenes' "
                "(Planetary Computer's aster-l1t); or give INPUT."
            ),
            self.INPUT: self.tr(
                "The scenes' files instead of ITEMS: -VNIR.tif, -SWIR.tif and -TIR.tif COGs, "
                "or HDF-EOS granules (.hdf)."
            ),
            self.SUBSYSTEMS: self.tr(
                "Which sensors to convert: VNIR (bands 1–3N, 15 m), SWIR (bands 4–9, 30 m), "
                "TIR (bands 10–14, 90 m)."
            ),
            self.PRODUCTS: self.tr(
                "What to write: at-sensor radiance (W m⁻² sr⁻¹ µm⁻¹), brightness temperature "
                "of TIR bands (K), top-of-atmosphere reflectance of VNIR and SWIR bands "
                "(0–1)."
            ),
            self.INDICES: self.tr(
                "Band ratios computed from the reflectance, separated by commas (NDVI, "
                "CLAY_4_6…); empty: none."
            ),
            self.GAINS: self.tr(
                "Bands recorded with a gain other than normal, as band:gain separated by "
                "commas (1:HGH, 5:LO2; gains HGH, NOR, LO1, LO2, from the scene's HDF "
                "metadata)."
            ),
            self.OUTPUT_FOLDER: self.tr(
                "Where the GeoTIFFs are written, one per scene and subsystem, bands named "
                "YYYY-MM-DD_variable."
            ),
        })  # fmt: skip

    def checkParameterValues(self, parameters, context):
        """Refuse unknown indices and unreadable gains in the dialog, before anything runs."""
        for name in split_list(self.parameterAsString(parameters, self.INDICES, context)):
            if name.upper() not in ASTER_INDICES:
                return False, self.tr("INDICES: {0} is not an ASTER index; use one of {1}.").format(
                    name, ", ".join(ASTER_INDICES)
                )
        try:
            parse_gains(self.parameterAsString(parameters, self.GAINS, context))
        except ValueError as exc:
            return False, user_message(exc)
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        items = self.parameterAsFile(parameters, self.ITEMS, context)
        files = [path for path in self.parameterAsFileList(parameters, self.INPUT, context) if path]
        if items and files:
            raise self.fail(self.tr("ITEMS and INPUT are both set; give the scenes one way only."))
        if not items and not files:
            raise self.fail(
                self.tr(
                    "ITEMS and INPUT are empty: give the ItemCollection JSON of an aster-l1t search, or the "
                    "scenes' -VNIR.tif, -SWIR.tif and -TIR.tif files."
                )
            )
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        if folder.exists() and not folder.is_dir():
            raise self.fail(
                self.tr("OUTPUT_FOLDER: {0} is a file; choose a folder for the ASTER files.").format(folder)
            )
        bounds, bounds_crs = self.area_bounds(parameters, context)
        progress, is_cancelled = self.core_callbacks(feedback)
        with self.core_errors(self.tr("ASTER scenes")):
            scenes = scenes_from_items(items, self.allowed_roots(parameters, context)) if items else None
            if scenes is None:
                scenes = scene_from_files(files)
            settings = AsterSettings(
                scenes=scenes,
                output_folder=folder,
                subsystems=[
                    SUBSYSTEM_NAMES[i] for i in self.parameterAsEnums(parameters, self.SUBSYSTEMS, context)
                ],
                products=[
                    PRODUCT_NAMES[i] for i in self.parameterAsEnums(parameters, self.PRODUCTS, context)
                ],
                indices=[
                    n.upper() for n in split_list(self.parameterAsString(parameters, self.INDICES, context))
                ],
                gains=parse_gains(self.parameterAsString(parameters, self.GAINS, context)),
                bounds=bounds,
                bounds_crs=bounds_crs,
            )
            result = run_aster_scenes(settings, progress=progress, is_cancelled=is_cancelled)
        for scene, subsystem, reason in result.skipped:
            feedback.pushWarning(self.tr("Skipped {0} {1}: {2}").format(scene, subsystem, user_text(reason)))
        written = [str(path) for _, _, path in result.files]
        for scene, subsystem, path in result.files:
            self.load_on_completion(
                context, str(path), f"{scene} {subsystem}", self.OUTPUT_LAYERS, raster=True
            )
        return {
            self.OUTPUT_FOLDER: str(folder),
            self.OUTPUT_LAYERS: written,
            self.FILES_WRITTEN: len(written),
        }

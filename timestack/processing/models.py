"""The models shipped in ``resources/models``, offered as algorithms of the ``timestack`` provider.

A ``.model3`` file the user has to find and open in the modeler is a model nobody runs; registered
here, each appears in the Toolbox and in ``qgis_process list`` as ``timestack:<file name>``. The
model is read from its file again for every run (``createInstance``): at provider load the Timestack
algorithms its children call are not registered yet, at run time they are.
"""

from pathlib import Path
from typing import List

from qgis.core import QgsProcessingException, QgsProcessingModelAlgorithm
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..paths import RESOURCES_DIR
from .algorithm import PROVIDER_ID, readme_url

MODELS_DIR = RESOURCES_DIR / "models"
#: Every text a user reads of the shipped models (name, help, parameter descriptions), for pylupdate5,
#: which reads Python only; :class:`ShippedModel` translates the model's own texts with these.
#: tests/qgis/test_french.py fails when a model's text is missing here.
MODEL_TEXTS = (
    QT_TRANSLATE_NOOP("ShippedModel", "LandTrendr, then change map"),
    QT_TRANSLATE_NOOP(
        "ShippedModel",
        "Fits LandTrendr to an annual stack and maps the greatest disturbance per pixel (year of detection, "
        "magnitude, duration, pre-change value, rate, DSNR)."
    ),
    QT_TRANSLATE_NOOP("ShippedModel", "Index or band to segment, e.g. nbr."),
    QT_TRANSLATE_NOOP("ShippedModel", "Minimum absolute magnitude of a loss, in the index's units."),
    QT_TRANSLATE_NOOP("ShippedModel", "LandTrendr maxSegments."),
    QT_TRANSLATE_NOOP(
        "ShippedModel", "Annual stack with band descriptions YYYY_name (timestack:composite output)."
    ),
    QT_TRANSLATE_NOOP("ShippedModel", "Index or band to segment"),
    QT_TRANSLATE_NOOP("ShippedModel", "Minimum loss magnitude"),
    QT_TRANSLATE_NOOP("ShippedModel", "Maximum segments"),
    QT_TRANSLATE_NOOP("ShippedModel", "Annual stack (bands YYYY_name)"),
    QT_TRANSLATE_NOOP("ShippedModel", "Scenes to polygon statistics"),
    QT_TRANSLATE_NOOP(
        "ShippedModel",
        "The whole Timestack chain: searches CATALOG for scenes over EXTENT, builds annual composites with "
        "INDEX, fits LandTrendr to INDEX, maps the greatest loss of at least MAG, and extracts per-polygon "
        "statistics of the composites over time."
    ),
    QT_TRANSLATE_NOOP("ShippedModel", "Catalog: STAC API URL, catalog file or preset"),
    QT_TRANSLATE_NOOP("ShippedModel", "Collections (comma-separated)"),
    QT_TRANSLATE_NOOP("ShippedModel", "Last year"),
    QT_TRANSLATE_NOOP("ShippedModel", "Area"),
    QT_TRANSLATE_NOOP("ShippedModel", "Polygon id field"),
    QT_TRANSLATE_NOOP("ShippedModel", "Index to segment and summarise, e.g. NBR"),
    QT_TRANSLATE_NOOP("ShippedModel", "Minimum loss magnitude (index × 10000)"),
    QT_TRANSLATE_NOOP("ShippedModel", "Polygons"),
    QT_TRANSLATE_NOOP("ShippedModel", "First year"),
)  # fmt: skip


class ShippedModel(QgsProcessingModelAlgorithm):
    """A model read from ``path``; its id is the file name, its title the model's own name."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = Path(path)
        if not self.fromFile(str(self.path)):
            raise QgsProcessingException(f"{self.path} is not a readable Processing model (.model3)")
        self.setHelpContent({key: self.tr(text) for key, text in self.helpContent().items()})
        for definition in self.parameterDefinitions():
            definition.setDescription(self.tr(definition.description()))

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("ShippedModel", text) if text else text

    def displayName(self) -> str:
        return self.tr(super().displayName())

    def name(self) -> str:
        return self.path.stem

    def group(self) -> str:
        return self.tr("Models")

    def groupId(self) -> str:
        """One Toolbox group for all shipped models, whatever group their file names: "Models", where
        a QGIS user looks for models, inside the Timestack provider that ships them."""
        return "models"

    def createInstance(self):
        return ShippedModel(self.path)

    def helpUrl(self) -> str:
        return readme_url(f"{PROVIDER_ID}:{self.name()}")


def shipped_models(folder: Path = MODELS_DIR) -> List[ShippedModel]:
    """Every ``*.model3`` of ``folder``, in file-name order."""
    return [ShippedModel(path) for path in sorted(folder.glob("*.model3"))]

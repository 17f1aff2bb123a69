"""The models shipped in ``resources/models``, offered as algorithms of the ``timestack`` provider.

A ``.model3`` file the user has to find and open in the modeler is a model nobody runs; registered
here, each appears in the Toolbox and in ``qgis_process list`` as ``timestack:<file name>``. The
model is read from its file again for every run (``createInstance``): at provider load the Timestack
algorithms its children call are not registered yet, at run time they are.
"""

from pathlib import Path
from typing import List

from qgis.core import QgsProcessingException, QgsProcessingModelAlgorithm
from qgis.PyQt.QtCore import QCoreApplication

from ..paths import RESOURCES_DIR
from .algorithm import PROVIDER_ID, readme_url

MODELS_DIR = RESOURCES_DIR / "models"


class ShippedModel(QgsProcessingModelAlgorithm):
    """A model read from ``path``; its id is the file name, its title the model's own name."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = Path(path)
        if not self.fromFile(str(self.path)):
            raise QgsProcessingException(f"{self.path} is not a readable Processing model (.model3)")

    def name(self) -> str:
        return self.path.stem

    def group(self) -> str:
        return QCoreApplication.translate("ShippedModel", "Workflows")

    def groupId(self) -> str:
        """One Toolbox group for all shipped models, whatever group their file names."""
        return "workflows"

    def createInstance(self):
        return ShippedModel(self.path)

    def helpUrl(self) -> str:
        return readme_url(f"{PROVIDER_ID}:{self.name()}")


def shipped_models(folder: Path = MODELS_DIR) -> List[ShippedModel]:
    """Every ``*.model3`` of ``folder``, in file-name order."""
    return [ShippedModel(path) for path in sorted(folder.glob("*.model3"))]

"""The ``timestack`` Processing provider: every Timestack step as a Processing algorithm, and the
shipped models that chain them."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..paths import RESOURCES_DIR
from .algorithm import PROVIDER_ID
from .animation import AnimationAlgorithm
from .asterscene import AsterSceneAlgorithm
from .changemap import ChangeMapAlgorithm
from .composite import CompositeAlgorithm
from .earthengine_tasks import EarthEngineTasksAlgorithm
from .exportcube import ExportCubeAlgorithm
from .hyp3download import Hyp3DownloadAlgorithm
from .hyp3stack import Hyp3StackAlgorithm
from .landtrendr import LandTrendrAlgorithm
from .models import shipped_models
from .mosaic import MosaicAlgorithm
from .resample import ResampleAlgorithm
from .sample_archive import SampleArchiveAlgorithm
from .sarstack import SarStackAlgorithm
from .scenestack import SceneStackAlgorithm
from .search_scenes import SearchScenesAlgorithm
from .timescan import TimescanAlgorithm
from .zonal_stats import ZonalStatsAlgorithm

#: One class per module; the ids are public API (DESIGN.md's Processing contract).
ALGORITHMS = (
    SampleArchiveAlgorithm,
    SearchScenesAlgorithm,
    CompositeAlgorithm,
    SceneStackAlgorithm,
    ZonalStatsAlgorithm,
    LandTrendrAlgorithm,
    ChangeMapAlgorithm,
    TimescanAlgorithm,
    ResampleAlgorithm,
    MosaicAlgorithm,
    ExportCubeAlgorithm,
    AnimationAlgorithm,
    EarthEngineTasksAlgorithm,
    Hyp3StackAlgorithm,
    Hyp3DownloadAlgorithm,
    AsterSceneAlgorithm,
    SarStackAlgorithm,
)


class TimestackProvider(QgsProcessingProvider):
    """Registers the algorithms listed in ``ALGORITHMS`` and every model in ``resources/models``."""

    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return QCoreApplication.translate("TimestackProvider", "Timestack")

    def longName(self) -> str:
        return QCoreApplication.translate("TimestackProvider", "Timestack — satellite image time series")

    def icon(self):
        return QIcon(str(RESOURCES_DIR / "icons" / "timestack.svg"))

    def loadAlgorithms(self) -> None:
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
        for model in shipped_models():
            self.addAlgorithm(model)

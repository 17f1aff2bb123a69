"""The Timestack dock: one tab per step of the workflow."""

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QTabWidget

from .composite_panel import CompositePanel
from .landtrendr_panel import LandTrendrPanel
from .sample_panel import SamplePanel
from .search_panel import SearchPanel
from .timeseries_panel import TimeSeriesPanel
from .zonal_panel import ZonalPanel

#: Panel classes in workflow order; each has a translatable ``title()``.
PANELS = (SamplePanel, SearchPanel, CompositePanel, LandTrendrPanel, ZonalPanel, TimeSeriesPanel)


class TimestackDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(QCoreApplication.translate("TimestackDock", "Timestack"), parent)
        self.setObjectName("TimestackDock")
        self.iface = iface
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("timestackTabs")
        self.panels = []
        for panel_class in PANELS:
            panel = panel_class(iface, self.tabs)
            self.panels.append(panel)
            self.tabs.addTab(panel, panel.title())
        self.setWidget(self.tabs)
        search, composite = self.panel(SearchPanel), self.panel(CompositePanel)
        search.scenes_found.connect(composite.use_scenes)
        self.panel(SamplePanel).archive_ready.connect(search.use_archive)

    def panel(self, panel_class):
        """The dock's panel of class ``panel_class``."""
        return next(panel for panel in self.panels if isinstance(panel, panel_class))

    def release_map_tools(self) -> None:
        """Take the tabs' map tools (LandTrendr's pixel inspector, the polygon pick) off the map canvas,
        which outlives the dock: the plugin is unloading."""
        self.panel(LandTrendrPanel).inspect_button.setChecked(False)
        self.panel(ZonalPanel).pick_button.setChecked(False)

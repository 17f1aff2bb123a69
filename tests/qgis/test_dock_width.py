"""No tab of the dock cuts its inputs at the right edge: at the narrowest the dock can be made, every
tab's scrolled inputs fit beside the vertical scroll bar (the scroll area has no horizontal one, so
whatever stuck out would be out of reach), folded or unfolded."""

import pytest
from qgis.core import QgsProject
from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QScrollArea


@pytest.mark.parametrize("unfolded", [False, True], ids=["folded", "unfolded"])
def test_the_narrowest_dock_cuts_no_input_at_the_right_edge(provider, qgis_iface, unfolded):
    from timestack.gui.dock import TimestackDock

    dock = TimestackDock(qgis_iface)
    try:
        for panel in dock.panels:
            dock.tabs.setCurrentWidget(panel)
            if unfolded:
                for group in panel.findChildren(QgsCollapsibleGroupBox):
                    group.setCollapsed(False)
            dock.resize(200, 500)  # narrower than any tab: the dock takes its minimum width
            dock.show()
            QCoreApplication.processEvents()
            dock.resize(200, 500)
            QCoreApplication.processEvents()
            for scroll in panel.findChildren(QScrollArea):
                if scroll.widget() is None or not scroll.isVisible():
                    continue
                cut = scroll.widget().width() - scroll.viewport().width()
                assert cut <= 0, f"{panel.title()}: {cut} px of the inputs cut at the right edge"
    finally:
        dock.hide()
        dock.deleteLater()
        QgsProject.instance().clear()

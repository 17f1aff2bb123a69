"""The dock fits a laptop screen and cuts nothing: no tab asks for more height than a 768-px screen
leaves a dock, and at the narrowest the dock can be made every tab's scrolled inputs fit beside the
vertical scroll bar (the scroll area has no horizontal one, so whatever stuck out would be out of
reach), folded or unfolded."""

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


#: The height a 1366x768 screen leaves a dock under QGIS's title bar, menus, toolbars and status bar.
LAPTOP_DOCK_HEIGHT = 560
#: The width a dock may take of a 1366-px-wide screen and leave the map most of it.
LAPTOP_DOCK_WIDTH = 600


def show_a_map(canvas) -> None:
    """The canvas showing some map, as when a user opens the dock (the Search tab's area starts there)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:32610"))
    canvas.setExtent(QgsRectangle(528600, 4887090, 535320, 4889010))


def test_the_dock_fits_a_laptop_screen_and_search_keeps_its_inputs_whole_when_tall(provider, qgis_iface):
    """The Search tab once asked for 850 px (its inputs, the extent box and the table, none scrolling),
    so QGIS could not fit the dock on a 768-px screen. Its inputs scroll now, in a short dock only."""
    from timestack.gui.dock import TimestackDock
    from timestack.gui.search_panel import SearchPanel

    show_a_map(qgis_iface.mapCanvas())  # the extent box then offered four buttons in a row: 740 px
    dock = TimestackDock(qgis_iface)
    search = dock.panel(SearchPanel)
    try:
        dock.tabs.setCurrentWidget(search)
        dock.show()
        QCoreApplication.processEvents()
        assert dock.minimumSizeHint().height() <= LAPTOP_DOCK_HEIGHT
        assert dock.minimumSizeHint().width() <= LAPTOP_DOCK_WIDTH
        inputs = search.findChildren(QScrollArea)[0]
        dock.resize(dock.width(), LAPTOP_DOCK_HEIGHT)
        QCoreApplication.processEvents()
        assert search.run_button.isVisible() and search.table.height() >= 130  # a few scenes in view
        assert search.add_button.geometry().bottom() <= search.height()
        dock.resize(dock.width(), 1000)
        QCoreApplication.processEvents()
        assert not inputs.verticalScrollBar().isVisible(), "a tall dock shows every input at once"
    finally:
        dock.hide()
        dock.deleteLater()
        QgsProject.instance().clear()


def test_every_tab_has_run_and_cancel_side_by_side(provider, qgis_iface):
    """The same footer in every tab: Cancel right of Run (the Sample data tab had it under Run, a full
    line lower than in the other tabs)."""
    from timestack.gui.dock import TimestackDock

    dock = TimestackDock(qgis_iface)
    try:
        dock.show()
        for panel in dock.panels:
            dock.tabs.setCurrentWidget(panel)
            QCoreApplication.processEvents()
            run, cancel = panel.run_button.geometry(), panel.cancel_button.geometry()
            assert run.top() == cancel.top() and run.right() < cancel.left(), panel.title()
    finally:
        dock.hide()
        dock.deleteLater()

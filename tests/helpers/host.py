"""A minimal QGIS main window for plugin tests.

pytest-qgis's ``qgis_iface`` discards toolbar icons and menu entries, so it cannot show what a
plugin leaves behind. This host puts them on a real ``QMainWindow`` (a toolbar, a Raster menu,
dock areas), the way QGIS's own ``QgisApp`` does, so a test can count what is left after unload.
"""

from qgis.gui import QgsMessageBar
from qgis.PyQt.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar


class HostInterface:
    """The part of ``QgisInterface`` Timestack's plugin class uses, backed by real widgets."""

    def __init__(self, canvas):
        self.window = QMainWindow()
        self.canvas = canvas
        self.toolbar = QToolBar("Plugins", self.window)
        self.window.addToolBar(self.toolbar)
        self.raster_menu = self.window.menuBar().addMenu("&Raster")
        self.message_bar = QgsMessageBar(self.window)

    def messageBar(self):  # noqa: N802 - QgisInterface's name
        return self.message_bar

    def mainWindow(self):  # noqa: N802 - QgisInterface's name
        return self.window

    def mapCanvas(self):  # noqa: N802
        return self.canvas

    def addToolBarIcon(self, action):  # noqa: N802
        self.toolbar.addAction(action)

    def removeToolBarIcon(self, action):  # noqa: N802
        self.toolbar.removeAction(action)

    def _submenu(self, name):
        return next((a.menu() for a in self.raster_menu.actions() if a.menu() and a.text() == name), None)

    def addPluginToRasterMenu(self, name, action):  # noqa: N802
        menu = self._submenu(name) or self.raster_menu.addMenu(name)
        menu.addAction(action)

    def removePluginRasterMenu(self, name, action):  # noqa: N802
        menu = self._submenu(name)
        if menu is None:
            return
        menu.removeAction(action)
        if not menu.actions():
            self.raster_menu.removeAction(menu.menuAction())

    def addDockWidget(self, area, dock):  # noqa: N802
        self.window.addDockWidget(area, dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self.window.removeDockWidget(dock)

    def leftovers(self) -> dict:
        """What a plugin has left on the window: toolbar actions, Raster submenus, visible docks."""
        docks = [d for d in self.window.findChildren(QDockWidget) if d.parent() is self.window]
        return {
            "toolbar": len(self.toolbar.actions()),
            "raster_menu": len([a for a in self.raster_menu.actions() if isinstance(a.menu(), QMenu)]),
            "docks": len(docks),
        }

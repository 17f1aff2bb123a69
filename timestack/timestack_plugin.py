"""The plugin object QGIS creates: a toolbar button and Raster-menu entry for the dock, the package
installer's menu entry, and the ``timestack`` Processing provider."""

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .dependencies import missing_requirements
from .gui.dependency_installer import activate_plugin_packages
from .paths import I18N_DIR, RESOURCES_DIR


class TimestackPlugin:
    """Owns everything the plugin adds to QGIS, so that ``unload`` can remove all of it."""

    MENU = "&Timestack"

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.action = None
        self.dock = None
        self.install_action = None
        self.installer = None
        # Before anything imports numba or pystac: they may live in the plugin's package folder.
        activate_plugin_packages()
        self.translator = self._install_translator()

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("TimestackPlugin", text)

    def _install_translator(self):
        """Load ``i18n/timestack_<language>.qm`` when QGIS runs in a language we have.

        ``QgsApplication.locale()`` is the language QGIS's own interface uses: ``locale/userLocale``
        when the user chose one in the Options (``locale/overrideFlag``), else the system's; desktop
        QGIS and ``qgis_process`` read the same profile settings.
        """
        locale = (QgsApplication.locale() or "")[:2]
        qm = I18N_DIR / f"timestack_{locale}.qm"
        if not locale or not qm.exists():
            return None
        translator = QTranslator()
        if not translator.load(str(qm)):
            return None
        QCoreApplication.installTranslator(translator)
        return translator

    def initProcessing(self) -> None:  # noqa: N802 - QGIS calls this name
        """Register the provider, unless packages it imports are missing (initGui offers them)."""
        if self.provider is not None or missing_requirements():
            return
        from .processing.provider import TimestackProvider

        self.provider = TimestackProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 - QGIS calls this name
        missing = missing_requirements()
        if missing:
            from .gui.dependency_installer import offer_install

            offer_install(self.iface, missing, self.open_installer)
        else:
            from .gui.warm_up import start_warm_up

            start_warm_up()
        self.initProcessing()
        self.action = QAction(
            QIcon(str(RESOURCES_DIR / "icons" / "timestack.svg")),
            self.tr("Timestack"),
            self.iface.mainWindow(),
        )
        self.action.setObjectName("timestackShowDock")
        self.action.setCheckable(True)
        self.action.setToolTip(self.tr("Show the Timestack panel: search, composite, LandTrendr, statistics"))
        self.action.toggled.connect(self._set_dock_visible)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToRasterMenu(self.MENU, self.action)
        self.install_action = QAction(self.tr("Install Python packages…"), self.iface.mainWindow())
        self.install_action.setObjectName("timestackInstallPackages")
        self.install_action.setToolTip(
            self.tr("Install the packages Timestack needs and optional ones (Earthdata, Earth Engine, dask)")
        )
        self.install_action.triggered.connect(lambda: self.open_installer())
        self.iface.addPluginToRasterMenu(self.MENU, self.install_action)

    def open_installer(self, wanted=()) -> None:
        """Show the package installer; once the required packages are in, register the provider."""
        from .gui.dependency_installer import open_installer

        if self.installer is not None:
            self.installer.close()
        self.installer = open_installer(self.iface.mainWindow(), wanted)
        self.installer.installed.connect(self.initProcessing)

    def _set_dock_visible(self, visible: bool) -> None:
        if self.dock is None:
            if not visible:
                return
            try:
                from .gui.dock import TimestackDock
            except ImportError:
                missing = missing_requirements()
                if not missing:
                    raise
                # a package the dock needs is missing: offer it again, instead of a Python error
                from .gui.dependency_installer import offer_install

                offer_install(self.iface, missing, self.open_installer)
                self.action.setChecked(False)
                return
            self.dock = TimestackDock(self.iface, self.iface.mainWindow())
            self.dock.visibilityChanged.connect(self.action.setChecked)
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        self.dock.setVisible(visible)

    def unload(self) -> None:
        if self.dock is not None:
            self.dock.release_map_tools()
            self.iface.removeDockWidget(self.dock)
            self.dock.close()
            self.dock.deleteLater()
            self.dock = None
        if self.installer is not None:
            self.installer.close()
            self.installer.deleteLater()
            self.installer = None
        if self.install_action is not None:
            self.iface.removePluginRasterMenu(self.MENU, self.install_action)
            self.install_action.deleteLater()
            self.install_action = None
        if self.action is not None:
            self.iface.removePluginRasterMenu(self.MENU, self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None

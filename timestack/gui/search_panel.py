"""Dock panel that searches a catalog for scenes, lists them and shows one in natural colour.

It builds the parameters of ``timestack:searchscenes`` and runs it as a background task (progress,
cancel); the algorithm writes the footprints (loaded onto the canvas) and the ItemCollection JSON
that the results table reads. A selected scene is added as a natural-colour layer streamed from its
COGs through GDAL's ``/vsicurl/``.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsContrastEnhancement,
    QgsCoordinateReferenceSystem,
    QgsMapLayerProxyModel,
    QgsProcessingUtils,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsTask,
)
from qgis.gui import QgsAuthConfigSelect, QgsCollapsibleGroupBox, QgsExtentWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, QDate, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.search import PRESETS, catalog_collections
from ..dependencies import OPTIONAL, missing_backends
from ..processing.algorithm import user_message
from ..processing.search_scenes import SearchScenesAlgorithm
from .algorithm_task import RunsOneAlgorithm, scrolled_inputs
from .catalog_connections import CatalogConnection, CatalogConnections
from .parameter_widgets import AlgorithmParameters, empty_when_removed
from .remembered import remember
from .sample_panel import default_sample_folder

COLUMNS = ("datetime", "cloud_cover", "platform", "collection", "id")


def scene_span(items_path: str):
    """(bounding box in EPSG:4326, first year, last year) of the scenes of an ItemCollection JSON, or
    None if it cannot be read or holds no dated scene (read as plain JSON: no item objects needed)."""
    import json

    try:
        features = json.loads(Path(items_path).read_text())["features"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    box = QgsRectangle()
    box.setMinimal()
    years = []
    for feature in features:
        bbox = feature.get("bbox") or []
        if len(bbox) in (4, 6):  # STAC: west, south, [bottom,] east, north, [top]
            half = len(bbox) // 2
            box.combineExtentWith(QgsRectangle(bbox[0], bbox[1], bbox[half], bbox[half + 1]))
        when = (feature.get("properties") or {}).get("datetime") or ""
        if when[:4].isdigit():
            years.append(int(when[:4]))
    if box.isEmpty() or not years:
        return None
    return box, min(years), max(years)


def sample_catalog():
    """The sample archive's stac-geoparquet in the folder the Sample data panel builds it in."""
    return default_sample_folder() / "catalog" / "items.parquet"


class SearchPanel(RunsOneAlgorithm, QWidget):
    """Catalog, collections, area, dates and cloud limit in; a table and footprints out."""

    #: A search found scenes: (ItemCollection JSON path, first year, last year, DOY start, DOY end, the
    #: area searched as {"EXTENT": ...} or {"AOI": layer id}), so compositing can start from them.
    scenes_found = pyqtSignal(str, int, int, int, int, object)

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.items = []
        #: The last scene added to the map by "Add selected scene"
        self.preview_layer = None

        self.catalog = QComboBox(self)
        self.catalog.setObjectName("searchCatalog")
        self.catalog.setEditable(True)
        self.catalog.addItem(self.tr("Sample archive (local)"), str(sample_catalog()))
        for preset in PRESETS:
            self.catalog.addItem(preset.title, preset.key)  # proper names, not translated
        self.catalog.setToolTip(self.tr("A preset, a STAC API URL or a catalog file (JSON, stac-geoparquet)"))
        self.catalog.currentIndexChanged.connect(self._catalog_changed)
        browse = QToolButton(self)
        browse.setText("…")
        browse.setToolTip(self.tr("Choose a local catalog file"))
        browse.clicked.connect(self._browse)

        self.collections = QComboBox(self)
        self.collections.setObjectName("searchCollections")
        self.collections.setEditable(True)
        self.collections.setToolTip(self.tr("Collection ids, comma-separated; empty searches all"))
        refresh = QToolButton(self)
        refresh.setText("↻")
        refresh.setToolTip(self.tr("Read the collections the catalog offers"))
        refresh.clicked.connect(self.load_collections)

        self.login = QgsAuthConfigSelect(self)
        self.login.setToolTip(
            self.tr(
                "The catalog's login from QGIS's authentication database. Earthdata or a STAC API: a Basic "
                "configuration with username and password, or an empty username and a token as password; a "
                "STAC API also takes a header name ending in ':' as username and its value as password, or "
                "OAuth2. Earth Engine: a service account's key JSON as password."
            )
        )  # fmt: skip
        #: Saved catalog connections (name, URL, login id): choosing one fills the catalog and the login.
        self.connections = CatalogConnections(
            self, lambda: CatalogConnection("", self.catalog_value(), self.login.configId())
        )
        self.connections.chosen.connect(self._use_connection)
        self.catalog.editTextChanged.connect(self._show_login)

        # one line with a menu, as in QGIS's Processing dialogs: the four-field box with three buttons
        # below did not fit the dock (their labels were cut, more so in French)
        self.extent = QgsExtentWidget(self, QgsExtentWidget.CondensedStyle)
        self.extent.setToolTip(self.tr("The area to search: the map's extent, a layer's or one you draw"))
        canvas = iface.mapCanvas() if iface is not None else None
        if canvas is not None:
            self.extent.setMapCanvas(canvas)
            if not canvas.extent().isEmpty():
                # the map's extent, as "Map Canvas Extent" sets it; an "original" extent (the same one)
                # added a fourth button, "Current Layer Extent", that made the dock 740 px wide at least
                self.extent.setOutputCrs(canvas.mapSettings().destinationCrs())
                self.extent.setCurrentExtent(canvas.extent(), canvas.mapSettings().destinationCrs())
                self.extent.setOutputExtentFromCurrent()
        self.aoi = QgsMapLayerComboBox(self)
        self.aoi.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.aoi.setAllowEmptyLayer(True)
        self.aoi.setLayer(None)
        empty_when_removed(self.aoi)
        self.aoi.setToolTip(self.tr("Optional: search the polygons of this layer instead of the extent"))

        self.definitions = AlgorithmParameters(SearchScenesAlgorithm)
        alg = SearchScenesAlgorithm
        self.start = QDateEdit(QDate(QDate.currentDate().year() - 1, 1, 1), self)
        self.end = QDateEdit(QDate.currentDate(), self)
        for edit, name in ((self.start, alg.START_DATE), (self.end, alg.END_DATE)):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setToolTip(self.definitions.definition(name).description())
        self.doy_start = self.definitions.widget(alg.DOY_START, self)
        self.doy_end = self.definitions.widget(alg.DOY_END, self)
        self.doy_start.setToolTip(
            self.tr("First day of the year kept; a start after the end wraps over the new year (335 to 60)")
        )
        self.cloud = self.definitions.widget(alg.MAX_CLOUD, self)
        self.cloud.setDecimals(0)  # percent of a scene: whole numbers read best
        self.cloud.setValue(30)  # the algorithm keeps every scene; a dock user wants the clear ones first
        self.max_items = self.definitions.widget(alg.MAX_ITEMS, self)
        self.max_items.setValue(500)  # a first look; 0 (no limit) can mean thousands of scenes
        self.max_items.setSpecialValueText(self.tr("no limit"))

        self.add_run_controls(self.tr("Search"), "searchButton", self.search)
        self.status.linkActivated.connect(self._install_backend)
        self.installer = None

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("searchResults")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Cloud %"), self.tr("Platform"), self.tr("Collection"), self.tr("Id")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(130)  # a few scenes in view when the inputs above have to scroll
        self.add_button = QPushButton(self.tr("Add selected scene to map (natural colour)"), self)
        self.add_button.setObjectName("addSceneButton")
        self.add_button.clicked.connect(self.add_selected_scene)

        form = QFormLayout()
        form.addRow(self.tr("Saved connection"), self.connections)
        catalog_row = QHBoxLayout()
        catalog_row.addWidget(self.catalog, 1)
        catalog_row.addWidget(browse)
        form.addRow(self.tr("Catalog"), catalog_row)
        collections_row = QHBoxLayout()
        collections_row.addWidget(self.collections, 1)
        collections_row.addWidget(refresh)
        form.addRow(self.tr("Collections"), collections_row)
        form.addRow(self.tr("Login"), self.login)
        self.login_label = form.labelForField(self.login)
        form.addRow(self.tr("Area"), self.extent)
        form.addRow(self.tr("AOI layer"), self.aoi)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.end)
        form.addRow(self.tr("Dates"), dates)
        doy = QHBoxLayout()
        doy.addWidget(self.doy_start)
        doy.addWidget(QLabel("–", self))
        doy.addWidget(self.doy_end)
        form.addRow(self.tr("Day of year"), doy)
        form.addRow(self.tr("Max. cloud (%)"), self.cloud)
        form.addRow(self.tr("Max. scenes"), self.max_items)
        self.radar = self._radar_filters()
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        # the inputs scroll in a short dock (on a laptop screen the tab was taller than the screen);
        # Search, the status and the table stay in view below them
        layout.addWidget(scrolled_inputs(self, (form, self.radar), whole_height=True))
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.add_button)
        self._catalog_changed()
        items = sample_catalog().with_name("items.json")
        if self.extent.outputExtent().isEmpty() and items.is_file():
            self.use_archive(str(items), str(sample_catalog()))
        remember(
            self,
            {"catalog": self.catalog, "collections": self.collections, "start": self.start, "end": self.end},
        )
        self.connections.apply_current()  # the connection used last, with its login

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("SearchPanel", text)

    def title(self) -> str:
        return self.tr("Search")

    # --- inputs -------------------------------------------------------------------------------

    def _radar_filters(self) -> QgsCollapsibleGroupBox:
        """Orbit direction, relative orbits and polarisations of Sentinel-1 scenes, collapsed: most
        searches are optical."""
        alg = SearchScenesAlgorithm
        box = QgsCollapsibleGroupBox(self.tr("Radar (Sentinel-1)"), self)
        box.setObjectName("searchRadar")
        box.setCollapsed(True)
        self.orbit_direction = self.definitions.widget(alg.ORBIT_DIRECTION, self)
        self.relative_orbits = QLineEdit(self)
        self.relative_orbits.setObjectName(alg.RELATIVE_ORBIT)
        self.relative_orbits.setPlaceholderText(self.tr("all tracks, or e.g. 44, 117"))
        self.polarizations = QLineEdit(self)
        self.polarizations.setObjectName(alg.POLARIZATIONS)
        self.polarizations.setPlaceholderText(self.tr("any, or e.g. VV, VH"))
        for widget, name in (
            (self.orbit_direction, alg.ORBIT_DIRECTION),
            (self.relative_orbits, alg.RELATIVE_ORBIT),
            (self.polarizations, alg.POLARIZATIONS),
        ):
            widget.setToolTip(self.definitions.definition(name).description())
        form = QFormLayout(box)
        form.addRow(self.tr("Orbit direction"), self.orbit_direction)
        form.addRow(self.tr("Relative orbits"), self.relative_orbits)
        form.addRow(self.tr("Polarisations"), self.polarizations)
        return box

    def catalog_value(self) -> str:
        """The preset key or path behind the chosen entry, or what the user typed."""
        index = self.catalog.currentIndex()
        if index >= 0 and self.catalog.itemText(index) == self.catalog.currentText():
            return str(self.catalog.itemData(index))
        return self.catalog.currentText().strip()

    def set_catalog(self, value: str) -> None:
        self.catalog.setEditText(value)

    def use_archive(self, items_path: str, catalog: str) -> None:
        """Search ``catalog`` over the area and the years of its scenes (``items_path``, an ItemCollection
        JSON): the sample archive's, once it is built, so a first search finds something."""
        span = scene_span(items_path)
        if span is None:
            return
        box, first_year, last_year = span
        self.set_catalog(catalog)
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        self.extent.setOutputCrs(wgs84)
        self.extent.setOutputExtentFromUser(box, wgs84)
        self.start.setDate(QDate(first_year, 1, 1))
        self.end.setDate(QDate(last_year, 12, 31))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a catalog"),
            "",
            self.tr("STAC catalogs (*.json *.geojson *.parquet *.geoparquet);;All files (*)"),
        )
        if path:
            self.set_catalog(path)

    def is_earthdata(self) -> bool:
        return self.catalog_value() == "earthdata"

    def needs_login_row(self) -> bool:
        """A login matters for Earthdata, Earth Engine (a service account) and STAC APIs."""
        return self.is_earthdata() or self.catalog_value() == "earthengine" or "://" in self.catalog_value()

    def _show_login(self, *_args) -> None:
        if not hasattr(self, "login_label"):  # still being built
            return
        self.login.setVisible(self.needs_login_row())
        self.login_label.setVisible(self.needs_login_row())

    def _use_connection(self, url: str, authcfg: str) -> None:
        """A saved connection was chosen: its URL in the catalog box, its login in the login box."""
        self.set_catalog(url)
        self.login.setConfigId(authcfg)
        self._show_login()

    def _catalog_changed(self, *_args) -> None:
        self._show_login()
        self.collections.clear()
        for preset in PRESETS:
            if preset.key == self.catalog_value():
                self.collections.addItems(preset.collections)
        if self.catalog_value() in missing_backends():
            package = OPTIONAL[self.catalog_value()].requirement.split("==")[0]
            self.status.setText(
                self.tr(
                    'This catalog needs the {0} package, missing here: <a href="install">install it</a>'
                ).format(package)
            )

    def _install_backend(self, _link: str) -> None:
        """Open the package installer with the chosen catalog's backend ticked."""
        from .dependency_installer import open_installer

        if _link != "install":  # a failed run's install:<feature> link (RunsOneAlgorithm)
            return

        self.installer = open_installer(self, [self.catalog_value()])

    def load_collections(self) -> None:
        """Ask the catalog which collections it has, in the background: a slow server must not freeze
        QGIS. The list replaces the collection choices when the answer arrives."""
        catalog = self.catalog_value()
        headers = None
        if "://" in catalog and self.login.configId():  # a STAC API's login, read in the main thread
            from ..processing.algorithm import auth_login

            found = auth_login(self.login.configId())
            headers = found.headers if found is not None and not found.error else None
        self.status.setText(self.tr("Reading the catalog's collections…"))
        self.collections_task = QgsTask.fromFunction(
            self.tr("Timestack: collections of the catalog"),
            lambda _task: catalog_collections(catalog, timeout=15, headers=headers),
            on_finished=self._collections_loaded,
        )
        QgsApplication.taskManager().addTask(self.collections_task)

    def _collections_loaded(self, exception, ids=None) -> None:
        self.collections_task = None  # ended: it holds this tab, a cycle the collector frees on any thread
        if exception is not None:
            self.status.setText(user_message(exception))
            return
        self.collections.clear()
        self.collections.addItems(ids)
        self.status.setText(self.tr("{0} collections").format(len(ids)))

    def parameters(self) -> dict:
        parameters = {
            "CATALOG": self.catalog_value(),
            "COLLECTIONS": self.collections.currentText(),
            "START_DATE": self.start.date().toString("yyyy-MM-dd"),
            "END_DATE": self.end.date().toString("yyyy-MM-dd"),
            "DOY_START": self.doy_start.value(),
            "DOY_END": self.doy_end.value(),
            "MAX_CLOUD": self.cloud.value(),
            "MAX_ITEMS": self.max_items.value(),
            "OUTPUT": QgsProcessingUtils.generateTempFilename("scene_footprints.gpkg"),
            "OUTPUT_ITEMS": QgsProcessingUtils.generateTempFilename("scenes.json"),
        }
        if self.needs_login_row() and self.login.configId():
            parameters["AUTHCFG"] = self.login.configId()
        if self.orbit_direction.currentIndex() > 0:
            parameters["ORBIT_DIRECTION"] = self.orbit_direction.currentIndex()
        for name, edit in (("RELATIVE_ORBIT", self.relative_orbits), ("POLARIZATIONS", self.polarizations)):
            if edit.text().strip():
                parameters[name] = edit.text().strip()
        if self.aoi.currentLayer() is not None:
            parameters["AOI"] = self.aoi.currentLayer().id()
        else:
            rectangle = self.extent.outputExtent()
            crs = self.extent.outputCrs().authid() or "EPSG:4326"
            corners = (rectangle.xMinimum(), rectangle.xMaximum(), rectangle.yMinimum(), rectangle.yMaximum())
            parameters["EXTENT"] = "{},{},{},{} [{}]".format(*corners, crs)
        return parameters

    # --- running ------------------------------------------------------------------------------

    def search(self) -> None:
        if self.aoi.currentLayer() is None and self.extent.outputExtent().isEmpty():
            self.status.setText(
                self.tr(
                    "Choose the area first: the map's extent, a layer's extent, a drawn box or an AOI layer."
                )
            )
            return
        self.start_run("timestack:searchscenes", self.parameters(), self.tr("Searching…"))

    def run_finished(self, ok: bool, results: dict) -> None:
        import pystac

        if not ok:
            self.status.setText(self.run.failure(self.tr("The search")))
            return
        self.items = list(pystac.ItemCollection.from_file(results["OUTPUT_ITEMS"]))
        self.show_items(self.items)
        if self.items:
            self.status.setText(self.tr("{0} scenes; footprints added to the map.").format(len(self.items)))
            # the years, season and area searched, not what the form shows now (edited during the run)
            searched = self.run.parameters
            area = {key: searched[key] for key in ("EXTENT", "AOI") if key in searched}
            self.scenes_found.emit(
                results["OUTPUT_ITEMS"],
                int(searched["START_DATE"][:4]),
                int(searched["END_DATE"][:4]),
                searched["DOY_START"],
                searched["DOY_END"],
                area,
            )
        else:
            self.progress.setValue(0)  # nothing was found: a full bar would say otherwise
            self.status.setText(
                self.tr(
                    "No scenes match, so no footprints were added: widen the dates, the cloud limit or the "
                    "area."
                )
            )

    def show_items(self, items: list) -> None:
        from ..core.search import scene_record

        self.table.setRowCount(0)
        for row, item in enumerate(items):
            record = scene_record(item, "")
            self.table.insertRow(row)
            for column, name in enumerate(COLUMNS):
                value = record[name]
                if name == "datetime":
                    value = value[:19].replace("T", " ")
                elif name == "cloud_cover":
                    value = "" if value is None else f"{value:.1f}"
                self.table.setItem(row, column, QTableWidgetItem(str(value)))

    # --- preview ------------------------------------------------------------------------------

    def add_selected_scene(self) -> None:
        """Add the selected scene as a natural-colour layer (red/green/blue, 2–98 % stretch).

        The bands are reached (and their stretch read) in the background: a remote COG must not freeze
        QGIS. The layer is added when that is done (``preview_layer``); problems go to the status line.
        """
        from ..core.io.grid import http_headers
        from ..core.search.earthdata import login_headers
        from ..core.search.preview import natural_colour_copy, natural_colour_stretch, natural_colour_vrt

        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.status.setText(self.tr("Select a scene in the table first."))
            return
        item = self.items[rows[0].row()]
        login, catalog_headers = None, None
        if self.is_earthdata() and self.login.configId():
            login = self.earthdata_login()
            if login is None:
                return
        elif "://" in self.catalog_value() and self.login.configId():
            catalog_headers = self.catalog_login_headers(item)  # read here, in the main thread
        folder = QgsProcessingUtils.tempFolder()

        def prepare(_task):
            headers = login_headers(login) if login is not None else catalog_headers
            with http_headers(headers):
                vrt = natural_colour_vrt(item, folder)
                if headers:  # QGIS draws in threads that must not get the token: show a local copy
                    vrt = natural_colour_copy(vrt, folder)
            return vrt, natural_colour_stretch(vrt)

        def done(exception, result=None):
            self.preview_task = None  # ended: it holds this tab, a cycle the collector frees on any thread
            if exception is not None:
                self.status.setText(user_message(exception))
                return
            vrt, stretch = result
            layer = QgsRasterLayer(str(vrt), item.id)
            if not layer.isValid():
                self.status.setText(self.tr("GDAL could not open the bands of {0}.").format(item.id))
                return
            natural_colour_style(layer, stretch)
            QgsProject.instance().addMapLayer(layer)
            self.preview_layer = layer
            self.status.setText(self.tr("{0} added to the map.").format(item.id))

        self.preview_layer = None
        self.status.setText(self.tr("Opening {0}…").format(item.id))
        self.preview_task = QgsTask.fromFunction(
            self.tr("Timestack: preview of {0}").format(item.id), prepare, on_finished=done
        )
        QgsApplication.taskManager().addTask(self.preview_task)

    def catalog_login_headers(self, item):
        """The chosen STAC API login's headers for ``item``'s files when they lie on the catalog's own
        host (:class:`..core.io.logins.CatalogLogin`), else None."""
        from ..core.io.logins import CatalogLogin
        from ..processing.algorithm import auth_login

        found = auth_login(self.login.configId())
        if found is None or found.error:
            return None
        return CatalogLogin.from_mapping(found.headers, found.origins).headers_for(
            item.to_dict(transform_hrefs=False)
        )

    def earthdata_login(self):
        """The chosen Earthdata login from QGIS's authentication database (read here, on the main
        thread), or None with the reason in the status line."""
        from ..core.search.earthdata import EarthdataLogin
        from ..processing.algorithm import auth_credentials

        found = auth_credentials(self.login.configId())
        if found is None:
            self.status.setText(self.tr("The chosen Earthdata login is not in the authentication database."))
            return None
        return EarthdataLogin(*found)


def natural_colour_style(layer: QgsRasterLayer, stretch: list) -> None:
    """Bands 1/2/3 as red/green/blue, each stretched over its ``(low, high)`` values."""
    from qgis.core import QgsMultiBandColorRenderer

    renderer = QgsMultiBandColorRenderer(layer.dataProvider(), 1, 2, 3)
    enhancements = []
    for band, (low, high) in enumerate(stretch, start=1):
        enhancement = QgsContrastEnhancement(layer.dataProvider().dataType(band))
        enhancement.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
        enhancement.setMinimumValue(low)
        enhancement.setMaximumValue(high)
        enhancements.append(enhancement)
    renderer.setRedContrastEnhancement(enhancements[0])
    renderer.setGreenContrastEnhancement(enhancements[1 % len(enhancements)])
    renderer.setBlueContrastEnhancement(enhancements[2 % len(enhancements)])
    layer.setRenderer(renderer)

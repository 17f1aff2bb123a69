"""Dock panel for polygon statistics over time: run ``timestack:zonalstats``, pick a polygon, see its series.

The panel only builds the algorithm's parameters and runs it as a task; the numbers come from the
algorithm. It also saves the same choices as a recurring job file (``timestack.core.zonal.job``) and
shows the crontab line that runs it headless.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from qgis.core import QgsMapLayerProxyModel, QgsProject
from qgis.gui import (
    QgsCheckableComboBox,
    QgsCollapsibleGroupBox,
    QgsFieldComboBox,
    QgsFileWidget,
    QgsMapLayerComboBox,
    QgsMapToolIdentifyFeature,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.zonal.job import ZonalJob, cron_line, save_job, watched_catalog
from ..core.zonal.options import DEFAULT_STATISTICS, PERIODS
from ..core.zonal.statistics import ZonalInputError
from ..dependencies import python_executable
from ..processing.algorithm import user_message
from ..processing.zonal_stats import ZonalStatsAlgorithm
from .algorithm_task import RunsOneAlgorithm, scrolled_inputs
from .dependency_installer import plugin_packages_folder
from .parameter_widgets import AlgorithmParameters, empty_when_removed
from .remembered import remember
from .series_plot import SeriesPlot


class ZonalPanel(RunsOneAlgorithm, QWidget):
    """Polygon statistics: inputs, run/cancel, recurring job, and the picked polygon's series plot."""

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.table: pd.DataFrame | None = None
        #: The POLYGONS the table was computed for (None: a table loaded otherwise).
        self.table_polygons: str | None = None
        self.pick_tool = None
        #: The id of the layer the pick tool picks from.
        self._picked_layer = ""

        self.definitions = AlgorithmParameters(ZonalStatsAlgorithm)
        alg = ZonalStatsAlgorithm
        self.polygons = QgsMapLayerComboBox(self)
        self.polygons.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.polygons.setAllowEmptyLayer(True)  # so that a removed layer leaves it empty, not on another
        empty_when_removed(self.polygons)
        self.polygons.setToolTip(self.tr("The polygons to measure (stands, fields, plots)"))
        self.id_field = QgsFieldComboBox(self)
        self.id_field.setToolTip(self.tr("The field naming each polygon in the table and the plot"))
        self.id_field.setLayer(self.polygons.currentLayer())
        self.polygons.layerChanged.connect(self.id_field.setLayer)

        self.use_stacks = QRadioButton(self.tr("Time stacks"), self)
        self.use_stacks.setToolTip(self.tr("Measure the yearly bands of a composite stack (fast)"))
        self.use_scenes = QRadioButton(self.tr("Scenes of a search result"), self)
        self.use_scenes.setToolTip(self.tr("Measure every masked scene of a search: one value per date"))
        self.use_stacks.setChecked(True)
        self.stack = QgsMapLayerComboBox(self)
        self.stack.setFilters(QgsMapLayerProxyModel.RasterLayer)
        self.stack.setAllowEmptyLayer(True)
        empty_when_removed(self.stack)
        self.stack.setToolTip(self.definitions.tooltip(alg.INPUT))
        self.fitted = QgsMapLayerComboBox(self)
        self.fitted.setFilters(QgsMapLayerProxyModel.RasterLayer)
        self.fitted.setAllowEmptyLayer(True)
        self.fitted.setLayer(None)
        empty_when_removed(self.fitted)
        self.fitted.setToolTip(self.tr("Optional: LandTrendr's fitted values, measured beside the stack"))
        self.items = QgsFileWidget(self)
        self.items.setFilter(self.tr("STAC items (*.json *.parquet)"))
        self.items.setToolTip(self.definitions.tooltip(alg.ITEMS))
        self.variables = QLineEdit("NBR", self)
        self.variables.setToolTip(
            self.tr("Bands or indices, comma separated; empty measures every band of a stack")
        )

        self.statistics = QgsCheckableComboBox(self)
        self.statistics.addItems(list(DEFAULT_STATISTICS))
        self.statistics.setCheckedItems(list(DEFAULT_STATISTICS))
        self.statistics.setToolTip(self.tr("The statistics computed per polygon and date"))
        self.percentiles = self.definitions.widget(alg.PERCENTILES, self)
        self.percentiles.setPlaceholderText(self.tr("e.g. 10, 90"))
        self.compile = self.definitions.widget(alg.COMPILE, self)
        self.min_valid = self.definitions.widget(alg.MIN_VALID_FRACTION, self)
        self.output = QgsFileWidget(self)
        self.output.setStorageMode(QgsFileWidget.SaveFile)
        self.output.setFilter(self.tr("CSV (*.csv)"))
        self.output.setToolTip(self.tr("The long table (CSV); empty: a temporary file"))

        self.add_run_controls(self.tr("Compute statistics"), "zonalRunButton", self.start)
        self.job_button = QPushButton(self.tr("Save as recurring job…"), self)
        self.job_button.clicked.connect(self.save_job_dialog)
        self.cron = QLineEdit(self)
        self.cron.setReadOnly(True)
        self.cron.setPlaceholderText(self.tr("crontab line of the saved job"))
        self.cron.setToolTip(self.tr("Add this line to your crontab to run the saved job on a schedule"))

        self.pick_button = QPushButton(self.tr("Pick polygon on map"), self)
        self.pick_button.setCheckable(True)
        self.pick_button.toggled.connect(self.toggle_pick)
        QgsProject.instance().layerWillBeRemoved[str].connect(self._layer_removed)
        self.export_button = QPushButton(self.tr("Export plot as PNG…"), self)
        self.export_button.clicked.connect(self.export_dialog)
        self.plot = SeriesPlot(self)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        form.addRow(self.tr("Polygons"), self.polygons)
        form.addRow(self.tr("Id field"), self.id_field)
        source = QVBoxLayout()  # one under the other: side by side they are cut in a narrow dock
        source.addWidget(self.use_stacks)
        source.addWidget(self.use_scenes)
        form.addRow(self.tr("Measure"), source)
        form.addRow(self.tr("Stack"), self.stack)
        form.addRow(self.tr("LandTrendr fit (optional)"), self.fitted)
        form.addRow(self.tr("Search result"), self.items)
        form.addRow(self.tr("Bands / indices"), self.variables)
        form.addRow(self.tr("Output CSV"), self.output)
        # Folded at first: the defaults suit most tables, and the tab must show its inputs, Run and the
        # plot in a dock of ordinary height.
        advanced = QgsCollapsibleGroupBox(self.tr("Statistics and recurring runs"), self)
        advanced.setObjectName("zonalAdvanced")
        advanced.setCollapsed(True)
        self.advanced_box = advanced
        options = QFormLayout(advanced)
        options.setRowWrapPolicy(QFormLayout.WrapLongRows)
        options.addRow(self.tr("Statistics"), self.statistics)
        options.addRow(self.tr("Percentiles"), self.percentiles)
        options.addRow(self.tr("Compile"), self.compile)
        options.addRow(self.tr("Minimum valid fraction"), self.min_valid)
        options.addRow(self.job_button)
        options.addRow(self.cron)
        scroll = scrolled_inputs(self, (form, advanced))
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        plot_buttons = QHBoxLayout()
        plot_buttons.addWidget(self.pick_button)
        plot_buttons.addWidget(self.export_button)
        self.plot.setMinimumHeight(160)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(plot_buttons)
        layout.addWidget(self.plot, 1)
        self.use_stacks.toggled.connect(self._source_changed)
        self._source_changed()
        remember(self, {"output": self.output})

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("ZonalPanel", text)

    def title(self) -> str:
        return self.tr("Polygon statistics")

    def _source_changed(self) -> None:
        stacks = self.use_stacks.isChecked()
        self.stack.setEnabled(stacks)
        self.fitted.setEnabled(stacks)
        self.items.setEnabled(not stacks)

    def _names(self) -> list:
        return [part.strip() for part in self.variables.text().split(",") if part.strip()]

    def parameters(self) -> dict:
        """The ``timestack:zonalstats`` parameters the panel's widgets describe."""
        layer = self.polygons.currentLayer()
        chosen = self.statistics.checkedItems()
        parameters = {
            "POLYGONS": layer.source() if layer else "",
            "ID_FIELD": self.id_field.currentField(),
            "STATS": [DEFAULT_STATISTICS.index(name) for name in chosen],
            "PERCENTILES": self.percentiles.text(),
            "COMPILE": self.compile.currentIndex(),
            "MIN_VALID_FRACTION": self.min_valid.value(),
            "OUTPUT": self.output.filePath() or "TEMPORARY_OUTPUT",
        }
        if self.use_stacks.isChecked():
            stacks = [
                layer.source() for layer in (self.stack.currentLayer(), self.fitted.currentLayer()) if layer
            ]
            parameters["INPUT"] = stacks
            names = self._names()
            if names and self.fitted.currentLayer() is not None:
                names += [f"{name}_fit" for name in names]  # LandTrendr's fitted bands: YYYY_<index>_fit
            if names:
                parameters["BANDS"] = ",".join(names)
        else:
            parameters["ITEMS"] = self.items.filePath()
            parameters["INDICES"] = ",".join(self._names())
        return parameters

    def start(self) -> None:
        try:
            self.start_run("timestack:zonalstats", self.parameters(), self.tr("Computing…"))
        except KeyError as exc:  # the provider is not registered
            self.status.setText(str(exc))

    def run_finished(self, ok: bool, results: dict) -> None:
        if not ok:
            self.status.setText(self.run.failure(self.tr("Polygon statistics")))
            return
        self.load_table(results["OUTPUT"])
        self.table_polygons = self.run.parameters.get("POLYGONS")
        self.status.setText(
            self.tr("{0} rows in {1}. Pick a polygon to see its series.").format(
                len(self.table), results["OUTPUT"]
            )
        )

    def load_table(self, path: str) -> None:
        """Use the long table at ``path`` for the series plot."""
        self.table = pd.read_csv(path)

    def toggle_pick(self, active: bool) -> None:
        canvas = self.iface.mapCanvas()
        layer = self.polygons.currentLayer()
        if not active or layer is None:
            if self.pick_tool is not None and not sip.isdeleted(canvas):  # deleted: QGIS is quitting
                canvas.unsetMapTool(self.pick_tool)
            if active:  # nothing to pick from: say so, and the button does not stay pressed
                self.status.setText(self.tr("Choose the polygons first, then pick one on the map."))
                self.pick_button.setChecked(False)
            return
        self.pick_tool = QgsMapToolIdentifyFeature(canvas, layer)
        self._picked_layer = layer.id()
        self.pick_tool.featureIdentified.connect(self.feature_picked)
        canvas.setMapTool(self.pick_tool)

    def _layer_removed(self, layer_id: str) -> None:
        """The polygons the pick tool picks from are removed from the project: the tool ends and the
        button is released (it stayed pressed over a tool whose clicks picked nothing)."""
        if self.pick_button.isChecked() and layer_id == self._picked_layer:
            self.pick_button.setChecked(False)

    def feature_picked(self, feature) -> None:
        """Plot the picked polygon's series (its id read from the chosen id field)."""
        if self.table is None:
            self.status.setText(self.tr("Compute statistics first, then pick a polygon."))
            return
        picked = QgsProject.instance().mapLayer(self._picked_layer)
        if self.table_polygons is not None and picked is not None and picked.source() != self.table_polygons:
            # the ids of other polygons would plot the series of whichever polygon shares them
            self.status.setText(
                self.tr("The statistics are of other polygons: compute them for {0} first.").format(
                    picked.name()
                )
            )
            return
        field = self.id_field.currentField()
        if feature.fieldNameIndex(field) < 0:
            self.status.setText(self.tr("Choose the Id field naming the polygons, then pick one again."))
            return
        polygon_id = feature[field]
        statistics = [name for name in self.table.columns if name in DEFAULT_STATISTICS or name[1:].isdigit()]
        statistic = "mean" if "mean" in statistics else statistics[0]  # the first one computed otherwise
        if not self.plot.show_series(self.table, polygon_id, statistic):
            self.status.setText(self.tr("Polygon {0} is not in the statistics table.").format(polygon_id))

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export plot"), "", self.tr("PNG image (*.png)"))
        if path:
            self.plot.export_png(path)

    def job(self) -> ZonalJob:
        """The recurring job the panel's choices describe (scenes of a catalog, measured per acquisition)."""
        layer = self.polygons.currentLayer()
        output = Path(self.output.filePath() or "")
        chosen = self.statistics.checkedItems()
        percentiles = [f"p{p.strip()}" for p in self.percentiles.text().split(",") if p.strip()]
        period = PERIODS[self.compile.currentIndex()]
        catalog, collections = watched_catalog(self.items.filePath())
        return ZonalJob(
            polygons=layer.source().split("|")[0] if layer else "",
            layer=(
                layer.source().split("layername=")[1].split("|")[0]
                if layer and "layername=" in layer.source()
                else None
            ),
            id_field=self.id_field.currentField(),
            catalog=catalog,
            collections=collections,
            output=str(output),
            variables=self._names(),
            statistics=list(dict.fromkeys([*chosen, "count", *percentiles])),
            compile=period,
            compiled_output=str(output.with_name(f"{output.stem}_{period}.csv"))
            if period != "none"
            else None,
            min_valid_fraction=self.min_valid.value(),
        )

    def save_job_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save recurring job"), "", self.tr("Job (*.json)")
        )
        if path:
            self.save_job_to(path)

    def save_job_to(self, path: str) -> None:
        """Save the job file and show the crontab line that runs it."""
        if not self.items.filePath() or not self.output.filePath():
            self.status.setText(self.tr("A recurring job needs a search result (catalog) and an output CSV."))
            return
        job = self.job()
        if not Path(job.polygons).is_file():  # a scratch layer lives in this QGIS session only
            self.status.setText(
                self.tr(
                    "A recurring job runs without QGIS: save the polygons to a file (Export ▸ Save "
                    "Features As…) and pick that layer."
                )
            )
            return
        try:
            saved = save_job(job, path)
        except ZonalInputError as exc:
            self.status.setText(user_message(exc))
            return
        self.cron.setText(cron_line(saved, python=python_executable(), packages=plugin_packages_folder()))
        self.status.setText(self.tr("Job saved to {0}; add the line below to your crontab.").format(saved))

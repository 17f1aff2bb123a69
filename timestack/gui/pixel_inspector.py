"""Click a pixel of an annual stack and see its LandTrendr fit; change a parameter and it refits.

The map tool reads the clicked pixel's series straight from the stack's file with rasterio in a
background task (a 1×1 window, but GDAL decompresses the whole tile holding it, every band of it: over
a second for a composite, which froze QGIS on the first click), finds the index's bands and years with
the core's
:func:`~timestack.core.landtrendr.fit.stack_layout`, and fits it with the core's single-pixel
:func:`~timestack.core.landtrendr.fit.fit_pixel` — the same code the raster run uses, so what the
inspector shows is what the map will hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np
from qgis.core import QgsApplication, QgsCoordinateTransform, QgsProject, QgsTask
from qgis.gui import QgsMapToolEmitPoint, QgsVertexMarker
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QObject, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ..core.io.grid import physical_values
from ..core.io.stack import SCALE_INT16
from ..core.landtrendr.fit import (
    DEFAULT_FLAVOR,
    STATUS_NO_DATA,
    STATUS_NOT_SIGNIFICANT,
    STATUS_TOO_FEW_OBSERVATIONS,
    LandTrendrParams,
    fit_pixel,
    stack_layout,
)
from ..core.runtime import TimestackError
from ..processing.algorithm import user_message
from ..processing.landtrendr import gdal_path


@dataclass
class PixelSeries:
    """One pixel's annual values of an index (NaN = missing) and where it was read."""

    path: str
    index: str
    row: int
    col: int
    x: float
    y: float
    years: tuple
    values: np.ndarray
    #: What the stored values are multiplied by: 10000 on an int16 composite (indices x 10000), else 1.
    scale: float = 1.0

    @property
    def axis_label(self) -> str:
        """The index and, on a scaled stack, its factor: the plot's values are the stored ones."""
        return self.index if self.scale == 1 else f"{self.index} × {self.scale:g}"


def read_pixel_series(path: str, index: str, x: float, y: float) -> Optional[PixelSeries]:
    """The series of ``index`` at map coordinates ``x, y`` (the stack's CRS); None outside the stack."""
    import rasterio
    from rasterio.windows import Window

    with rasterio.open(path) as src:
        layout = stack_layout(src.descriptions, index)
        row, col = src.index(x, y)
        if not (0 <= row < src.height and 0 <= col < src.width):
            return None
        values = src.read(list(layout.index_bands), window=Window(col, row, 1, 1), out_dtype="float64")
        values = values[:, 0, 0]
        if src.nodata is not None and not np.isnan(src.nodata):
            values[values == src.nodata] = np.nan
        bands = [band - 1 for band in layout.index_bands]  # physical values, as the raster run fits
        scales, offsets = [src.scales[b] for b in bands], [src.offsets[b] for b in bands]
        physical_values(values[:, None], scales, offsets)
        tagged = any(s != 1.0 for s in scales) or any(o != 0.0 for o in offsets)
        # untagged int16: a composite's indices stored x 10000, plotted as stored
        scale = SCALE_INT16 if src.dtypes[bands[0]] == "int16" and not tagged else 1.0
    return PixelSeries(path, index.lower(), int(row), int(col), x, y, layout.years, values, float(scale))


class PixelInspector(QObject):
    """Owns the map tool, the clicked series and the current settings; fits and plots on change.

    ``fitted`` is emitted with the :class:`~timestack.core.landtrendr.fit.PixelFit` after every fit.
    """

    fitted = pyqtSignal(object)
    #: The map tool was switched off (another tool picked, or :meth:`deactivate`).
    tool_off = pyqtSignal()

    def __init__(self, canvas, plot, parent=None):
        super().__init__(parent)
        self.canvas = canvas
        self.plot = plot
        self.layer = None
        self.index = "nbr"
        self.params = LandTrendrParams()
        self.direction = -1
        self.flavor = DEFAULT_FLAVOR
        self.series: Optional[PixelSeries] = None
        self.fit = None
        #: The background read of the clicked pixel while it runs, else None.
        self.reading: Optional[QgsTask] = None
        self._request = 0
        self.marker: Optional[QgsVertexMarker] = None
        self.tool = QgsMapToolEmitPoint(canvas)  # the canvas's: it may outlive the dock
        self.tool.canvasClicked.connect(self.inspect_map_point)
        self.tool.deactivated.connect(self._remove_marker)
        # relayed, so the relay is cut when the inspector goes (the plugin unloaded) and switching
        # tools afterwards reaches no deleted widget of the tab (a Python error)
        self.tool.deactivated.connect(self.tool_off)

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("PixelInspector", text)

    def activate(self) -> None:
        self.canvas.setMapTool(self.tool)

    def deactivate(self) -> None:
        if not sip.isdeleted(self.canvas) and self.canvas.mapTool() is self.tool:
            self.canvas.unsetMapTool(self.tool)

    def set_layer(self, layer, index: str) -> None:
        """Inspect ``index`` of ``layer`` from now on; refits the current pixel if it is still there."""
        self.layer, self.index = layer, index
        if self.series is not None:
            self.inspect_layer_point(self.series.x, self.series.y)

    def set_settings(self, params: LandTrendrParams, direction: int, flavor: str) -> None:
        """New parameters: refit the current pixel at once."""
        self.params, self.direction, self.flavor = params, direction, flavor
        self.refit()

    def inspect_map_point(self, point, button=None) -> None:
        """Handle a click at ``point`` in canvas coordinates."""
        if self.layer is None:
            return
        transform = QgsCoordinateTransform(
            self.canvas.mapSettings().destinationCrs(), self.layer.crs(), QgsProject.instance()
        )
        in_layer = transform.transform(point)
        self._place_marker(point)
        self.inspect_layer_point(in_layer.x(), in_layer.y())

    def inspect_layer_point(self, x: float, y: float) -> None:
        """Read the pixel at ``x, y`` (the layer's CRS) in a background task, then fit and plot it.

        ``reading`` is that task while it runs; a newer click supersedes a read still running.
        """
        path = gdal_path(self.layer) if self.layer is not None else ""
        self._request += 1
        if not path:
            self.reading = None
            self._show_series(None, None)
            return
        request, index = self._request, self.index

        def done(exception, series=None):
            if request != self._request:
                return  # a newer click is being read
            self.reading = None
            self._show_series(series, exception)

        self.reading = QgsTask.fromFunction(
            self.tr("Timestack: pixel series"),
            lambda _task: read_pixel_series(path, index, x, y),
            on_finished=done,
        )
        QgsApplication.taskManager().addTask(self.reading)

    def _show_series(self, series: Optional[PixelSeries], exception) -> None:
        """Fit and plot a series just read; an unreadable stack's reason goes into the plot."""
        self.series = series
        if exception is not None:
            self.plot.clear()
            self.plot.show_fit([], [], None, self.index, note=user_message(exception))
            return
        if series is None:
            self.plot.clear()
            return
        self.refit()

    def refit(self):
        """Fit the current pixel with the current settings and plot it; returns the fit (or None)."""
        series = self.series
        if series is None:
            return None
        where = self.tr("row {0}, col {1}").format(series.row, series.col)
        try:
            self.fit = fit_pixel(series.values, series.years, self.params, self.direction, self.flavor)
        except TimestackError as exc:
            self.fit = None
            self.plot.show_fit(series.years, series.values, None, series.axis_label, where, user_message(exc))
            return None
        self.plot.show_fit(
            series.years, series.values, self.fit, series.axis_label, where, self._note(self.fit.status)
        )
        self.fitted.emit(self.fit)
        return self.fit

    def _note(self, status: int) -> str:
        notes = {
            STATUS_TOO_FEW_OBSERVATIONS: self.tr("too few observations: flat at the mean"),
            STATUS_NO_DATA: self.tr("no data"),
            STATUS_NOT_SIGNIFICANT: self.tr("not significant: flat at the mean"),
        }
        return notes.get(status, "")

    def _place_marker(self, point) -> None:
        if self.marker is None:
            self.marker = QgsVertexMarker(self.canvas)
            self.marker.setIconType(QgsVertexMarker.ICON_BOX)
            self.marker.setColor(QColor("#e7298a"))
            self.marker.setIconSize(12)
            self.marker.setPenWidth(2)
        self.marker.setCenter(point)

    def _remove_marker(self) -> None:
        # the tool is also switched off by the canvas going (QGIS quitting), which takes the marker along
        if self.marker is not None and not sip.isdeleted(self.canvas):
            self.canvas.scene().removeItem(self.marker)
        self.marker = None

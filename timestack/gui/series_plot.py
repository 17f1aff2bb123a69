"""The time series of one polygon, drawn with matplotlib inside the dock, exportable as PNG.

Observed values are points joined by a thin line, with a band of ± one standard deviation when the
table has ``std``; a LandTrendr fitted series (a variable whose name contains ``fit`` or ``ftv``, as
the fitted-value stacks name their bands) is drawn as a bold line over them, so breakpoints stand out.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.backends.backend_qt5agg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

FITTED_MARKERS = ("fit", "ftv")


def is_fitted(variable: str) -> bool:
    """Does ``variable`` hold LandTrendr fitted values (``ftv_nbr``, ``nbr_fitted``, ``fitted``)?"""
    return any(marker in variable.lower() for marker in FITTED_MARKERS)


def draw_series(
    figure: Figure,
    table: pd.DataFrame,
    polygon_id,
    statistic: str = "mean",
    title: str = "",
    ylabel: str = "",
) -> int:
    """Draw every variable of ``polygon_id`` from a long table on ``figure``; return the number of lines.
    The y axis is labelled ``ylabel`` (the statistic's column name when empty)."""
    figure.clear()
    axes = figure.add_subplot(111)
    rows = table[table["id"].astype(str) == str(polygon_id)]
    lines = 0
    for variable, series in rows.groupby("variable", sort=True):
        series = series.sort_values("date")
        dates = pd.to_datetime(series["date"])
        values = series[statistic]
        if is_fitted(variable):
            axes.plot(dates, values, linewidth=2.5, label=variable)
        else:
            (line,) = axes.plot(dates, values, marker="o", markersize=3, linewidth=0.8, label=variable)
            if "std" in series and statistic == "mean":
                axes.fill_between(
                    dates,
                    values - series["std"],
                    values + series["std"],
                    alpha=0.15,
                    color=line.get_color(),
                    linewidth=0,
                )
        lines += 1
    axes.set_title(title)
    axes.set_ylabel(ylabel or statistic)
    axes.grid(True, alpha=0.3)
    if lines:
        axes.legend(loc="best", fontsize="small")
    figure.autofmt_xdate()
    figure.tight_layout()
    return lines


class SeriesPlot(QWidget):
    """A matplotlib canvas showing one polygon's series; ``export_png`` saves what is shown."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.figure = Figure(figsize=(5, 3), dpi=100)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.canvas.setMinimumHeight(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.clear()

    def clear(self) -> None:
        """An empty plot that says how to fill it (a blank box looks broken)."""
        self.figure.clear()
        self.figure.text(
            0.5, 0.5,
            self.tr("Compute statistics, then press Pick polygon on map and click a polygon:\n"
                    "its series over time shows here."),
            ha="center", va="center", color="#666666", wrap=True,
        )  # fmt: skip
        self.canvas.draw()

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("SeriesPlot", text)

    def show_series(self, table: pd.DataFrame, polygon_id, statistic: str = "mean") -> int:
        """Plot ``polygon_id``; returns how many variables were drawn (0: the id is not in the table)."""
        title = self.tr("Polygon {0}").format(polygon_id)
        lines = draw_series(self.figure, table, polygon_id, statistic, title, self.statistic_label(statistic))
        self.canvas.draw()
        return lines

    def statistic_label(self, statistic: str) -> str:
        """The statistic's name in the user's language for the y axis (the table's columns are ids:
        ``mean``, ``p90``, which a French plot showed in English)."""
        names = {
            "mean": self.tr("mean"),
            "median": self.tr("median"),
            "std": self.tr("standard deviation"),
            "min": self.tr("minimum"),
            "max": self.tr("maximum"),
            "count": self.tr("pixel count"),
            "valid_fraction": self.tr("valid fraction"),
        }
        if statistic[:1] == "p" and statistic[1:].isdigit():
            return self.tr("percentile {0}").format(statistic[1:])
        return names.get(statistic, statistic)

    def export_png(self, path: str, dpi: int = 150) -> None:
        """Save the current plot as a PNG image."""
        self.figure.savefig(path, dpi=dpi, format="png")

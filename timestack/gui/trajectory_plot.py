"""One pixel's LandTrendr trajectory drawn with matplotlib inside the dock.

Source values are points, the fitted trajectory a bold line and the vertices large markers, the
way LT-GEE's pixel time-series app shows a fit; the title carries RMSE, p-value and the segment
count, so a parameter change that alters the model is visible at once.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
from matplotlib.backends.backend_qt5agg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QSizePolicy, QVBoxLayout, QWidget


def draw_trajectory(
    figure: Figure,
    years: Sequence[float],
    values: Sequence[float],
    fit,
    index: str,
    labels: dict,
) -> None:
    """Draw source ``values``, ``fit.fitted`` and the fit's vertices on ``figure``.

    ``fit`` is a :class:`timestack.core.landtrendr.fit.PixelFit` (or None to show the values only);
    ``labels`` holds the translated legend texts ``source``, ``fitted``, ``vertices`` and ``title``.
    """
    figure.clear()
    axes = figure.add_subplot(111)
    years = np.asarray(years, dtype=float)
    values = np.asarray(values, dtype=float)
    axes.plot(years, values, "o", color="#4d4d4d", markersize=4, label=labels["source"])
    if fit is not None:
        axes.plot(years, fit.fitted, "-", color="#d95f02", linewidth=2.2, label=labels["fitted"])
        used = np.isfinite(fit.vertex_years)
        axes.plot(
            fit.vertex_years[used], fit.vertex_fitted[used], "D", color="#1b9e77", markersize=7,
            markeredgecolor="black", label=labels["vertices"],
        )  # fmt: skip
    axes.set_title(labels["title"], fontsize="medium")
    axes.set_xlabel(labels.get("year", "year"))
    axes.set_ylabel(index)
    axes.grid(True, alpha=0.3)
    axes.legend(loc="best", fontsize="small")
    figure.tight_layout()


class TrajectoryPlot(QWidget):
    """A matplotlib canvas showing one pixel's source series and its LandTrendr fit."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.figure = Figure(figsize=(5, 3), dpi=100)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.canvas.setMinimumSize(200, 240)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self.clear()

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("TrajectoryPlot", text)

    def show_fit(self, years, values, fit, index: str, where: str = "", note: str = "") -> None:
        """Plot a pixel (``fit`` None: values only); ``where`` and ``note`` go into the title."""
        parts = [where] if where else []
        if fit is not None:
            parts.append(
                self.tr("segments: {0}, RMSE {1:.4g}, p = {2:.3g}").format(
                    fit.n_segments, fit.rmse, fit.p_value
                )
            )
        if note:
            parts.append(note)
        title = "\n".join(parts)
        labels = {
            "source": self.tr("source"),
            "fitted": self.tr("fitted"),
            "vertices": self.tr("vertices"),
            "year": self.tr("year"),
            "title": title,
        }
        draw_trajectory(self.figure, years, values, fit, index, labels)
        self.canvas.draw()

    def clear(self) -> None:
        """An empty plot that says how to fill it (a blank box looked broken)."""
        self.figure.clear()
        self.figure.text(
            0.5, 0.5,
            self.tr("Press Inspect pixels, then click a pixel of the stack:\nits series and fit show here."),
            ha="center", va="center", color="#666666", wrap=True,
        )  # fmt: skip
        self.canvas.draw()

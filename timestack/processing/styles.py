"""How Timestack's outputs look when they are loaded: renderers and the post-processors that apply them.

Processing loads an algorithm's outputs after the run and calls a layer post-processor on each, in the
Toolbox, in models and in the dock alike; the algorithms only say which post-processor goes with which
output (:func:`keep_alive` and ``LayerDetails.setPostProcessor``), so every style lives here.
"""

from __future__ import annotations

from collections import deque

from qgis.core import (
    QgsColorRampShader,
    QgsContrastEnhancement,
    QgsDateTimeRange,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsMultiBandColorRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsProject,
    QgsRasterLayer,
    QgsRasterLayerTemporalProperties,
    QgsRasterShader,
    QgsSingleBandGrayRenderer,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime
from qgis.PyQt.QtGui import QColor

from ..core.indices import INDICES
from ..core.io.stack import band_numbers

#: Processing holds post-processors by a bare pointer; the most recent ones are kept alive here, enough
#: for every output of the runs a model chains before its layers load.
_ALIVE: deque = deque(maxlen=64)


def keep_alive(
    processor: QgsProcessingLayerPostProcessorInterface,
) -> QgsProcessingLayerPostProcessorInterface:
    """``processor``, referenced until newer ones replace it, so Processing can still call it."""
    _ALIVE.append(processor)
    return processor


#: Display range (reflectance) of each false-colour channel: bare soil to dense forest fits inside.
FALSE_COLOUR = (("swir1", 0.0, 0.35), ("nir", 0.0, 0.45), ("red", 0.0, 0.15))


def false_colour_renderer(layer: QgsRasterLayer, year: int, scale: float):
    """A swir1/nir/red renderer on ``year``'s bands of a ``YYYY_name`` stack; None if a band is missing."""
    numbers = band_numbers(layer.source())
    wanted = [numbers.get(f"{year}_{name}") for name, _, _ in FALSE_COLOUR]
    if None in wanted:
        return None
    renderer = QgsMultiBandColorRenderer(layer.dataProvider(), *wanted)
    enhancements = []
    for band, (_, low, high) in zip(wanted, FALSE_COLOUR):
        enhancement = QgsContrastEnhancement(layer.dataProvider().dataType(band))
        enhancement.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
        enhancement.setMinimumValue(low * scale)
        enhancement.setMaximumValue(high * scale)
        enhancements.append(enhancement)
    renderer.setRedContrastEnhancement(enhancements[0])
    renderer.setGreenContrastEnhancement(enhancements[1])
    renderer.setBlueContrastEnhancement(enhancements[2])
    return renderer


def grey_renderer(layer: QgsRasterLayer, year: int, scale: float):
    """A grey stretch of ``year``'s first band, for stacks without swir1/nir/red (e.g. indices only):
    -1..1 for an index, 0..0.4 for a reflectance band. None if the year has no band."""
    numbers = band_numbers(layer.source())
    names = [name for name in numbers if name.startswith(f"{year}_")]
    if not names:
        return None
    band = numbers[names[0]]
    low, high = (-1.0, 1.0) if names[0].split("_", 1)[1].upper() in INDICES else (0.0, 0.4)
    renderer = QgsSingleBandGrayRenderer(layer.dataProvider(), band)
    enhancement = QgsContrastEnhancement(layer.dataProvider().dataType(band))
    enhancement.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
    enhancement.setMinimumValue(low * scale)
    enhancement.setMaximumValue(high * scale)
    renderer.setContrastEnhancement(enhancement)
    return renderer


def composite_renderer(layer: QgsRasterLayer, year: int, scale: float):
    """False colour where the year has swir1, nir and red; otherwise a grey stretch of its first band."""
    return false_colour_renderer(layer, year, scale) or grey_renderer(layer, year, scale)


def year_range(year: int) -> QgsDateTimeRange:
    """[1 January ``year``, 1 January ``year`` + 1): the temporal extent of an annual composite."""
    return QgsDateTimeRange(
        QDateTime(QDate(year, 1, 1), QTime(0, 0)), QDateTime(QDate(year + 1, 1, 1), QTime(0, 0)), True, False
    )


class CompositeLayerStyler(QgsProcessingLayerPostProcessorInterface):
    """Styles the loaded stack and adds the per-year group the Temporal Controller animates."""

    def __init__(self, years: list[int], scale: float, group_name: str):
        super().__init__()
        self.years = years
        self.scale = scale
        self.group_name = group_name

    def postProcessLayer(self, layer, context, feedback):
        if not isinstance(layer, QgsRasterLayer) or not self.years:
            return
        renderer = composite_renderer(layer, self.years[-1], self.scale)
        if renderer is not None:
            layer.setRenderer(renderer)
            layer.triggerRepaint()
        project = context.project() or QgsProject.instance()
        root = project.layerTreeRoot()
        group = root.insertGroup(0, self.group_name)
        for year in reversed(self.years):
            year_layer = QgsRasterLayer(layer.source(), str(year), "gdal")
            renderer = composite_renderer(year_layer, year, self.scale)
            if renderer is None:
                continue
            year_layer.setRenderer(renderer)
            temporal = year_layer.temporalProperties()
            temporal.setIsActive(True)
            temporal.setMode(QgsRasterLayerTemporalProperties.ModeFixedTemporalRange)
            temporal.setFixedTemporalRange(year_range(year))
            project.addMapLayer(year_layer, False)
            group.addLayer(year_layer)
        node = root.findLayer(layer.id())
        if node is not None:
            node.setItemVisibilityChecked(False)  # the animated group shows the years instead


#: LT-GEE's year palette (purple → blue → green → yellow → orange → red), old to new.
YEAR_PALETTE = ("#9400d3", "#4b0082", "#0000ff", "#00ff00", "#ffff00", "#ff7f00", "#ff0000")


def year_of_detection_renderer(layer, first_year: int, last_year: int) -> QgsSingleBandPseudoColorRenderer:
    """A pseudocolour renderer of band 1 (year of detection): one legend entry per year."""
    colors = [QColor(c) for c in YEAR_PALETTE]
    stops = [QgsGradientStop(i / (len(colors) - 1), c) for i, c in enumerate(colors[1:-1], start=1)]
    ramp = QgsGradientColorRamp(colors[0], colors[-1], False, stops)
    span = max(last_year - first_year, 1)
    items = [
        QgsColorRampShader.ColorRampItem(year, ramp.color((year - first_year) / span), str(year))
        for year in range(first_year, last_year + 1)
    ]
    shader_function = QgsColorRampShader(first_year, last_year)
    shader_function.setColorRampType(QgsColorRampShader.Discrete)
    shader_function.setColorRampItemList(items)
    shader_function.setSourceColorRamp(ramp)
    shader = QgsRasterShader(first_year, last_year)
    shader.setRasterShaderFunction(shader_function)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(first_year)
    renderer.setClassificationMax(last_year)
    return renderer


class YearRampPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Styles a loaded change map by year of detection (used by Toolbox, models and the dock)."""

    def __init__(self, first_year: int, last_year: int):
        super().__init__()
        self.first_year, self.last_year = first_year, last_year

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS's name
        layer.setRenderer(year_of_detection_renderer(layer, self.first_year, self.last_year))
        layer.triggerRepaint()

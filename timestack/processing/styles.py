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
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime
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


def false_colour_renderer(layer: QgsRasterLayer, year: int, scale: float, numbers: dict | None = None):
    """A swir1/nir/red renderer on ``year``'s bands of a ``YYYY_name`` stack; None if a band is missing.

    ``numbers`` (band description -> number, from :func:`band_numbers`) saves reopening the file per year.
    """
    numbers = numbers if numbers is not None else band_numbers(layer.source())
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


def grey_renderer(layer: QgsRasterLayer, year: int, scale: float, numbers: dict | None = None):
    """A grey stretch of ``year``'s first band, for stacks without swir1/nir/red (e.g. indices only):
    -1..1 for an index, 0..0.4 for a reflectance band. None if the year has no band."""
    numbers = numbers if numbers is not None else band_numbers(layer.source())
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


def composite_renderer(layer: QgsRasterLayer, year: int, scale: float, numbers: dict | None = None):
    """False colour where the year has swir1, nir and red; otherwise a grey stretch of its first band."""
    return false_colour_renderer(layer, year, scale, numbers) or grey_renderer(layer, year, scale, numbers)


def year_range(year: int) -> QgsDateTimeRange:
    """[1 January ``year``, 1 January ``year`` + 1): the temporal extent of an annual composite."""
    return QgsDateTimeRange(
        QDateTime(QDate(year, 1, 1), QTime(0, 0)), QDateTime(QDate(year + 1, 1, 1), QTime(0, 0)), True, False
    )


def play_years(project: QgsProject, first_year: int, last_year: int) -> None:
    """Give ``project`` the years' temporal range and a one-year step, so the Temporal Controller's play
    button shows one frame per year (QGIS's default one-hour step makes 8,766 frames a year).

    The range ends on 31 December of the last year, not on 1 January after it: the controller counts
    frames as the range divided by years of 365.25 days, rounded up, and leap days would add an empty
    frame after the last year. Its last frame still covers the whole last year.
    """
    settings = project.timeSettings()
    end = QDateTime(QDate(last_year, 12, 31), QTime(0, 0))
    settings.setTemporalRange(QgsDateTimeRange(year_range(first_year).begin(), end))
    settings.setTimeStepUnit(QgsUnitTypes.TemporalYears)
    settings.setTimeStep(1.0)


def composite_layers(
    stack: str, name: str, years: list[int], scale: float
) -> tuple[QgsRasterLayer, list[QgsRasterLayer]]:
    """The stack as a false-colour layer and one styled layer per year (newest first), each with its year
    as fixed temporal range, for :class:`CompositeLayerStyler` to add.

    Made in the algorithm's thread, since opening a raster layer is what froze QGIS after a composite: a
    ``QgsRasterLayer`` without a default style computes a histogram for its default contrast stretch,
    which reads (and decompresses) every band of the stack's first tile, a second or more per layer. The
    stack's style is therefore saved as its default style first (``<stack>.qml``, which also styles the
    file whenever it is opened later), and the year layers made after it open without reading a pixel.
    Processing hands the layers to the main thread with the context's temporary layer store.
    """
    numbers = band_numbers(stack)
    layer = QgsRasterLayer(stack, name, "gdal")
    renderer = composite_renderer(layer, years[-1], scale, numbers) if years else None
    if renderer is not None:
        layer.setRenderer(renderer)
        layer.saveDefaultStyle()
    year_layers = []
    for year in reversed(years):
        year_layer = QgsRasterLayer(stack, str(year), "gdal")
        renderer = composite_renderer(year_layer, year, scale, numbers)
        if renderer is None:
            continue
        year_layer.setRenderer(renderer)
        temporal = year_layer.temporalProperties()
        temporal.setIsActive(True)
        temporal.setMode(QgsRasterLayerTemporalProperties.ModeFixedTemporalRange)
        temporal.setFixedTemporalRange(year_range(year))
        year_layers.append(year_layer)
    return layer, year_layers


class CompositeLayerStyler(QgsProcessingLayerPostProcessorInterface):
    """Adds the per-year layers :func:`composite_layers` made as the group the Temporal Controller
    animates, hides the stack under it and sets the project's time to the years.

    It runs in the main thread, so it only moves ready layers into the project: no file is opened here.
    """

    def __init__(self, year_layer_ids: list[str], years: list[int], group_name: str):
        super().__init__()
        self.year_layer_ids = year_layer_ids
        self.years = years
        self.group_name = group_name

    def postProcessLayer(self, layer, context, feedback):
        if not isinstance(layer, QgsRasterLayer) or not self.years:
            return
        project = context.project() or QgsProject.instance()
        root = project.layerTreeRoot()
        group = root.insertGroup(0, self.group_name)
        store = context.temporaryLayerStore()
        for layer_id in self.year_layer_ids:
            year_layer = store.mapLayer(layer_id)
            if year_layer is None:
                continue
            project.addMapLayer(store.takeMapLayer(year_layer), False)
            group.addLayer(year_layer)
        node = root.findLayer(layer.id())
        if node is not None:
            node.setItemVisibilityChecked(False)  # the animated group shows the years instead
        play_years(project, self.years[0], self.years[-1])


class FootprintStyler(QgsProcessingLayerPostProcessorInterface):
    """Gives scene footprints their acquisition time (field ``datetime``, ISO 8601 text) so the Temporal
    Controller shows each year's scenes, and sets the project's time to the years they span."""

    def __init__(self, datetime_field: str = "datetime"):
        super().__init__()
        self.datetime_field = datetime_field

    def postProcessLayer(self, layer, context, feedback):
        if not isinstance(layer, QgsVectorLayer):
            return
        index = layer.fields().indexOf(self.datetime_field)
        if index < 0:
            return
        when = f'to_datetime("{self.datetime_field}")'
        temporal = layer.temporalProperties()
        temporal.setIsActive(True)
        temporal.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromExpressions)
        temporal.setStartExpression(when)
        temporal.setEndExpression(when)
        # ISO 8601 text of one catalog sorts as the times do, so the provider's min/max are the first and
        # last acquisitions without reading every feature here.
        first = QDateTime.fromString(str(layer.minimumValue(index) or ""), Qt.ISODate)
        last = QDateTime.fromString(str(layer.maximumValue(index) or ""), Qt.ISODate)
        if first.isValid() and last.isValid():
            play_years(context.project() or QgsProject.instance(), first.date().year(), last.date().year())


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

"""How Timestack's outputs look when they are loaded: renderers and the post-processors that apply them.

Processing loads an algorithm's outputs after the run and calls a layer post-processor on each, in the
Toolbox, in models and in the dock alike; the algorithms only say which post-processor goes with which
output (:func:`keep_alive` and ``LayerDetails.setPostProcessor``), so every style lives here.
"""

from __future__ import annotations

from collections import deque

from qgis.core import (
    QgsColorRampLegendNodeSettings,
    QgsColorRampShader,
    QgsContrastEnhancement,
    QgsDateTimeRange,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsMultiBandColorRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsProject,
    QgsRasterLayer,
    QgsRasterLayerTemporalProperties,
    QgsRasterRenderer,
    QgsRasterShader,
    QgsSingleBandGrayRenderer,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, QVariant
from qgis.PyQt.QtGui import QColor

from ..core.indices import INDICES
from ..core.io.stack import SCALE_INT16, band_numbers

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
    """Gives scene footprints their acquisition time (field ``datetime``) so the Temporal Controller shows
    each year's scenes, and sets the project's time to the years they span.

    The algorithm writes the field as a date-time; footprints written before it was one hold ISO 8601
    text, read through ``to_datetime``."""

    def __init__(self, datetime_field: str = "datetime"):
        super().__init__()
        self.datetime_field = datetime_field

    def postProcessLayer(self, layer, context, feedback):
        if not isinstance(layer, QgsVectorLayer):
            return
        layer.setRenderer(outline_renderer("#ff7f00"))  # scenes overlap: any fill would pile up
        index = layer.fields().indexOf(self.datetime_field)
        if index < 0:
            return
        temporal = layer.temporalProperties()
        temporal.setIsActive(True)
        if layer.fields().at(index).type() == QVariant.DateTime:
            temporal.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeInstantFromField)
            temporal.setStartField(self.datetime_field)
        else:
            when = f'to_datetime("{self.datetime_field}")'
            temporal.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromExpressions)
            temporal.setStartExpression(when)
            temporal.setEndExpression(when)
        # The provider's min/max (a date-time, or ISO 8601 text that sorts as the times do) are the first
        # and last acquisitions without reading every feature here.
        first, last = (
            _as_datetime(value) for value in (layer.minimumValue(index), layer.maximumValue(index))
        )
        if first.isValid() and last.isValid():
            play_years(context.project() or QgsProject.instance(), first.date().year(), last.date().year())


def _as_datetime(value) -> QDateTime:
    """A field value as a QDateTime: itself, or parsed from ISO 8601 text (invalid when neither)."""
    return value if isinstance(value, QDateTime) else QDateTime.fromString(str(value or ""), Qt.ISODate)


def bring_to_top(project: QgsProject, layer) -> None:
    """Move ``layer``'s node to the top of the layer tree: a new result must not land under the still
    visible composite group (QGIS inserts new layers where the user's selection is)."""
    root = project.layerTreeRoot()
    node = root.findLayer(layer.id())
    if node is None or (node.parent() is root and root.children().index(node) == 0):
        return
    root.insertChildNode(0, node.clone())
    node.parent().removeChildNode(node)


def outline_renderer(color: str, fill_alpha: int = 0) -> QgsSingleSymbolRenderer:
    """Polygons as a ``color`` outline over a fill of the same colour at ``fill_alpha`` (0-255), so
    footprints and stands never hide the rasters under them."""
    fill = QColor(color)
    fill.setAlpha(fill_alpha)
    symbol = QgsFillSymbol.createSimple(
        {"color": fill.name(QColor.HexArgb), "outline_color": color, "outline_width": "0.4"}
    )
    symbol.setColor(fill)
    symbol.symbolLayer(0).setStrokeColor(QColor(color))
    return QgsSingleSymbolRenderer(symbol)


class PolygonOutlineStyler(QgsProcessingLayerPostProcessorInterface):
    """Draws a loaded polygon layer (sample stands, truth polygons) as outlines over a light fill."""

    def __init__(self, color: str = "#ffd700", fill_alpha: int = 40):
        super().__init__()
        self.color, self.fill_alpha = color, fill_alpha

    def postProcessLayer(self, layer, context, feedback):
        if isinstance(layer, QgsVectorLayer):
            layer.setRenderer(outline_renderer(self.color, self.fill_alpha))
            layer.triggerRepaint()


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
        bring_to_top(context.project() or QgsProject.instance(), layer)


def stack_scale(path: str) -> float:
    """What a value the algorithms read from a stack is per unit of reflectance or index: 10000 in an
    int16 stack stored ×10000 (Timestack's composites), else 1 — also in an int16 stack whose GDAL scale
    and offset tags say what its values stand for, since every algorithm reads those physical values."""
    import rasterio

    with rasterio.open(path) as src:
        tagged = src.scales[0] != 1.0 or src.offsets[0] != 0.0
        return float(SCALE_INT16) if src.dtypes[0] == "int16" and not tagged else 1.0


#: Fit quality, good (dark) to poor (bright): viridis at five stops.
RMSE_PALETTE = ("#440154", "#3b528b", "#21918c", "#5ec962", "#fde725")
#: Bare or burnt (brown) to dense vegetation (green), for an index that falls with disturbance.
VEGETATION_PALETTE = ("#8c510a", "#d8b365", "#f6e8c3", "#5ab4ac", "#01665e")
#: What one RMSE ramp spans, in index units: a fit off by a fifth of NBR's range is poor.
RMSE_RANGE = (0.0, 0.2)


def value_ramp_renderer(layer, band: int, low: float, high: float, palette, label) -> QgsRasterRenderer:
    """A continuous ramp of ``band`` over ``low``..``high`` (stored units), with an entry at each palette
    colour labelled ``label(value)`` and a legend bar labelled the same: one band, so the colours mean one
    quantity."""
    step = (high - low) / (len(palette) - 1)
    items = [
        QgsColorRampShader.ColorRampItem(low + i * step, QColor(color), label(low + i * step))
        for i, color in enumerate(palette)
    ]
    shader_function = QgsColorRampShader(low, high)
    shader_function.setColorRampType(QgsColorRampShader.Interpolated)
    shader_function.setColorRampItemList(items)
    shader_function.setClip(False)
    # The layer tree draws an interpolated ramp as a bar labelled with the raw stored minimum and
    # maximum ("2,000" for 0.2 in an int16 stack): label its ends like the entries instead.
    legend = QgsColorRampLegendNodeSettings()
    legend.setMinimumLabel(label(low))
    legend.setMaximumLabel(label(high))
    shader_function.setLegendSettings(legend)
    shader = QgsRasterShader(low, high)
    shader.setRasterShaderFunction(shader_function)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), band, shader)
    renderer.setClassificationMin(low)
    renderer.setClassificationMax(high)
    return renderer


class LandTrendrStyler(QgsProcessingLayerPostProcessorInterface):
    """Styles one LandTrendr output and puts it on top of the layer tree.

    RMSE: its first band (rmse) on a fixed ramp in index units, hidden at first (a diagnostic that,
    drawn, would mix its colours with the change map's above it); fitted values: the last year's band on
    the index's own range (-1..1, or 0..0.4 reflectance for a band), green where vegetation is; the
    vertex and segment tables are data for the change map, not maps, and start hidden. Ranges are
    known, so nothing is scanned in the main thread.
    """

    RMSE, FITTED, TABLE = "rmse", "fitted", "table"

    def __init__(self, kind: str, index: str, scale: float, direction: int):
        super().__init__()
        self.kind, self.index, self.scale, self.direction = kind, index, scale, direction

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("LandTrendrStyler", text)

    def postProcessLayer(self, layer, context, feedback):
        if not isinstance(layer, QgsRasterLayer):
            return
        project = context.project() or QgsProject.instance()
        bring_to_top(project, layer)
        name = self.index.upper()
        node = project.layerTreeRoot().findLayer(layer.id())
        if node is not None and self.kind in (self.TABLE, self.RMSE):
            node.setItemVisibilityChecked(False)
        if self.kind == self.TABLE:
            return
        if self.kind == self.RMSE:
            low, high = (value * self.scale for value in RMSE_RANGE)
            renderer = value_ramp_renderer(
                layer, 1, low, high, RMSE_PALETTE,
                lambda value: self.tr("RMSE {0:.2f} {1}").format(value / self.scale, name),
            )  # fmt: skip
        else:
            band = layer.bandCount()
            # GDAL's provider names a band "Band 15: 2014_nbr_fit": the description after the colon.
            year = layer.bandName(band).rpartition(": ")[2][:4]
            bounds = (-1.0, 1.0) if name in INDICES else (0.0, 0.4)
            low, high = (value * self.scale for value in bounds)
            palette = VEGETATION_PALETTE if self.direction < 0 else tuple(reversed(VEGETATION_PALETTE))
            renderer = value_ramp_renderer(
                layer, band, low, high, palette,
                lambda value: self.tr("{0} {1:.2f} (fitted, {2})").format(name, value / self.scale, year),
            )  # fmt: skip
        layer.setRenderer(renderer)
        layer.triggerRepaint()


#: Timescan metrics that measure spread over time: drawn on a sequential ramp (little dark, much bright).
SPREAD_METRICS = ("std", "cov")


def band_range(path: str, band: int = 1, percents=(2.0, 98.0), size: int = 512) -> tuple[float, float]:
    """The ``percents`` range of ``band``'s valid values, from a read of at most ``size``² pixels: what a
    stretch of a metric with no fixed range spans. Called by the algorithm, so the main thread reads
    nothing."""
    import numpy as np
    import rasterio

    with rasterio.open(path) as src:
        factor = max(1, -(-max(src.width, src.height) // size))
        shape = (max(1, src.height // factor), max(1, src.width // factor))
        values = src.read(band, out_shape=shape, masked=True).astype("float64").filled(np.nan)
    values = values[np.isfinite(values)]
    if not values.size:
        return 0.0, 1.0
    low, high = (float(value) for value in np.percentile(values, percents))
    return (low, high) if high > low else (low, low + 1.0)


class TimescanStyler(QgsProcessingLayerPostProcessorInterface):
    """Shows a timescan's first band over its 2–98 % range: a spread (std, cov) on a sequential ramp, any
    other metric (a dB mean, an index median) in grey, as a timescan is read in the SAR tools it replaces.
    The range is measured by the algorithm in its own thread (:func:`band_range`)."""

    def __init__(self, band_name: str, low: float, high: float):
        super().__init__()
        self.band_name, self.low, self.high = band_name, low, high

    @classmethod
    def for_output(cls, path: str) -> TimescanStyler:
        """The styler of the timescan written at ``path`` (reads it: call it in the algorithm)."""
        import rasterio

        with rasterio.open(path) as src:
            first_band = src.descriptions[0] or ""
        return cls(first_band, *band_range(path))

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("TimescanStyler", text)

    def postProcessLayer(self, layer, context, feedback):
        if not isinstance(layer, QgsRasterLayer):
            return
        if self.band_name.rpartition("_")[2] in SPREAD_METRICS:
            renderer = value_ramp_renderer(
                layer, 1, self.low, self.high, RMSE_PALETTE,
                lambda value: self.tr("{0} {1:.3g}").format(self.band_name, value),
            )  # fmt: skip
        else:
            renderer = QgsSingleBandGrayRenderer(layer.dataProvider(), 1)
            enhancement = QgsContrastEnhancement(layer.dataProvider().dataType(1))
            enhancement.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum)
            enhancement.setMinimumValue(self.low)
            enhancement.setMaximumValue(self.high)
            renderer.setContrastEnhancement(enhancement)
        layer.setRenderer(renderer)
        layer.triggerRepaint()

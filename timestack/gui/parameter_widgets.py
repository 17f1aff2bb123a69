"""Dock widgets made from an algorithm's own parameter definitions.

A panel that typed its own labels, choices, ranges and defaults would drift from the algorithm it runs
(it did: LandTrendr's maximum segments stopped at 20 in the dock and not in the Toolbox). Here each
widget is built from the definition the Toolbox and the model designer use, and its value is the one
Processing expects for that parameter, so one definition serves all three.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsMapLayerProxyModel,
    QgsProcessing,
    QgsProcessingDestinationParameter,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRange,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)
from qgis.gui import (
    QgsCheckableComboBox,
    QgsFieldComboBox,
    QgsFileWidget,
    QgsMapLayerComboBox,
    QgsProjectionSelectionWidget,
)
from qgis.PyQt.QtCore import QCoreApplication, QObject
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

__all__ = ["AlgorithmParameters", "link_field_widgets", "parameter_widget", "widget_value"]


class FormLabel(QLabel):
    """A word-wrapped form label whose row is as tall as its wrapped text.

    QFormLayout sizes the row of a height-for-width label for the whole label column but lays the label
    out at its own, narrower, preferred width, where it wraps onto more lines than the row holds: the
    composite tab's "Resolution (target CRS units)" was cut at top and bottom. Without height-for-width
    the row takes the label's own wrapped size hint.
    """

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False


#: Spin boxes need finite limits (and size themselves to them); Processing's "no limit" is the largest double.
_INT_LIMIT = 999_999
_DOUBLE_LIMIT = 999_999.0
#: Qt property marking a file picker that names an output (left empty: a temporary output).
_DESTINATION = "timestackDestination"


class AlgorithmParameters:
    """The parameter definitions of one algorithm, from an instance the panel keeps (they belong to it)."""

    def __init__(self, algorithm_class):
        self.algorithm = algorithm_class()
        self.algorithm.initAlgorithm()

    def definition(self, name: str) -> QgsProcessingParameterDefinition:
        definition = self.algorithm.parameterDefinition(name)
        if definition is None:
            raise KeyError(f"{self.algorithm.id() or type(self.algorithm).__name__} has no parameter {name}")
        return definition

    def label(self, name: str, parent: QWidget) -> QLabel:
        """The parameter's translated description, as the Toolbox shows it, wrapping in a narrow dock."""
        label = FormLabel(self.definition(name).description(), parent)
        label.setWordWrap(True)
        return label

    def widget(self, name: str, parent: QWidget) -> QWidget:
        return parameter_widget(self.definition(name), parent)

    def tooltip(self, name: str) -> str:
        """The tooltip of parameter ``name`` (its description, help, range and default), for inputs a
        panel builds itself (layer and file pickers): the same words as the widgets made here."""
        return _tooltip(self.definition(name))


def _tooltip(definition: QgsProcessingParameterDefinition) -> str:
    return definition.toolTip() or definition.description()  # QGIS's toolTip() includes the help


def _number_widget(definition: QgsProcessingParameterNumber, parent: QWidget) -> QWidget:
    if definition.dataType() == QgsProcessingParameterNumber.Integer:
        widget = QSpinBox(parent)
        widget.setRange(
            max(int(definition.minimum()), -_INT_LIMIT), min(int(definition.maximum()), _INT_LIMIT)
        )
        widget.setValue(int(definition.defaultValue()))
        return widget
    widget = QDoubleSpinBox(parent)
    low = max(definition.minimum(), -_DOUBLE_LIMIT)
    high = min(definition.maximum(), _DOUBLE_LIMIT)
    default = float(definition.defaultValue())
    widget.setDecimals(3)
    widget.setSingleStep(0.05 if abs(default) <= 5 else 1.0)
    widget.setRange(low, high)
    widget.setValue(default)
    return widget


class RangeWidget(QWidget):
    """A range parameter's low and high ends, as two spin boxes side by side."""

    def __init__(self, definition: QgsProcessingParameterRange, parent: QWidget):
        super().__init__(parent)
        default = definition.defaultValue()
        ends = [float(part) for part in str(default).split(",")] if default not in (None, "") else [0.0, 1.0]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.ends = []
        for end in ends[:2]:
            box = QDoubleSpinBox(self)
            box.setDecimals(3)
            box.setRange(-_DOUBLE_LIMIT, _DOUBLE_LIMIT)
            box.setValue(end)
            box.setToolTip(_tooltip(definition))
            layout.addWidget(box)
            self.ends.append(box)

    def value(self) -> str:
        """Processing's spelling of a range: ``"low,high"``."""
        return ",".join(f"{box.value():g}" for box in self.ends)


_LAYER_PARAMETERS = (
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorLayer,
    QgsProcessingParameterFeatureSource,
)


class _EmptyWhenRemoved(QObject):
    """Sets its layer box to no layer when the layer picked in it leaves the project."""

    def __init__(self, combo: QgsMapLayerComboBox):
        super().__init__(combo)
        self.combo = combo
        self.lost = False
        combo.model().rowsAboutToBeRemoved.connect(self._about_to_remove)
        combo.model().rowsRemoved.connect(self._removed)

    def _about_to_remove(self, _parent, first: int, last: int) -> None:
        self.lost = self.combo.currentLayer() is not None and first <= self.combo.currentIndex() <= last

    def _removed(self, *_args) -> None:
        if self.lost:  # the box has just picked a neighbour of the removed layer: undo that
            self.lost = False
            self.combo.setLayer(None)


def empty_when_removed(combo: QgsMapLayerComboBox) -> QgsMapLayerComboBox:
    """Make a layer box that allows no layer show none when its layer is removed from the project.

    Qt's combo box picks the removed row's neighbour instead: a search then ran on another AOI layer,
    polygon statistics measured another raster as LandTrendr's fit, without a word.
    """
    _EmptyWhenRemoved(combo)
    return combo


def _layer_widget(definition: QgsProcessingParameterDefinition, parent: QWidget) -> QgsMapLayerComboBox:
    widget = QgsMapLayerComboBox(parent)
    raster = isinstance(definition, QgsProcessingParameterRasterLayer)
    widget.setFilters(QgsMapLayerProxyModel.RasterLayer if raster else QgsMapLayerProxyModel.VectorLayer)
    optional = bool(definition.flags() & QgsProcessingParameterDefinition.FlagOptional)
    widget.setAllowEmptyLayer(optional)
    if optional:
        widget.setLayer(None)
        empty_when_removed(widget)
    return widget


def _file_widget(definition: QgsProcessingParameterDefinition, parent: QWidget) -> QgsFileWidget:
    """Outputs are saved files or folders (empty: a temporary output); inputs are files or folders."""
    widget = QgsFileWidget(parent)
    destination = isinstance(definition, QgsProcessingDestinationParameter)
    widget.setProperty(_DESTINATION, destination)
    if destination:
        widget.lineEdit().setPlaceholderText(
            QCoreApplication.translate("AlgorithmParameters", "[temporary output]")
        )
    if isinstance(definition, QgsProcessingParameterFolderDestination):
        widget.setStorageMode(QgsFileWidget.GetDirectory)
    elif isinstance(definition, QgsProcessingDestinationParameter):
        widget.setStorageMode(QgsFileWidget.SaveFile)
        widget.setFilter(definition.createFileFilter())
    elif definition.behavior() == QgsProcessingParameterFile.Folder:
        widget.setStorageMode(QgsFileWidget.GetDirectory)
    elif definition.extension():
        widget.setFilter(f"*.{definition.extension()}")
    return widget


def _crs_widget(definition: QgsProcessingParameterCrs, parent: QWidget) -> QgsProjectionSelectionWidget:
    widget = QgsProjectionSelectionWidget(parent)
    optional = bool(definition.flags() & QgsProcessingParameterDefinition.FlagOptional)
    widget.setOptionVisible(QgsProjectionSelectionWidget.CrsNotSet, optional)
    default = QgsCoordinateReferenceSystem(str(definition.defaultValue() or ""))
    if default.isValid():
        widget.setCrs(default)
    else:
        widget.setCrs(QgsCoordinateReferenceSystem())
    return widget


def _enum_widget(definition: QgsProcessingParameterEnum, parent: QWidget) -> QComboBox:
    default = definition.defaultValue()
    if not definition.allowMultiple():
        widget = QComboBox(parent)
        widget.addItems(definition.options())
        widget.setCurrentIndex(int(default or 0))
        return widget
    widget = QgsCheckableComboBox(parent)
    widget.addItems(definition.options())
    chosen = default if isinstance(default, (list, tuple)) else [] if default is None else [default]
    widget.setCheckedItems([definition.options()[int(index)] for index in chosen])
    return widget


def parameter_widget(definition: QgsProcessingParameterDefinition, parent: QWidget) -> QWidget:
    """A Qt widget showing ``definition``'s choices, range and default, with its help as tooltip.

    Numbers become spin boxes, enums combo boxes (checkable ones for several choices), booleans check
    boxes (labelled with the description), strings line edits, layers layer pickers, files and outputs
    file pickers, CRSs projection pickers. The widget's object name is the parameter's name.
    """
    if isinstance(definition, QgsProcessingParameterNumber):
        widget = _number_widget(definition, parent)
    elif isinstance(definition, QgsProcessingParameterEnum):
        widget = _enum_widget(definition, parent)
    elif isinstance(
        definition,
        (
            QgsProcessingParameterRasterLayer,
            QgsProcessingParameterVectorLayer,
            QgsProcessingParameterFeatureSource,
        ),
    ):
        widget = _layer_widget(definition, parent)
    elif isinstance(definition, (QgsProcessingDestinationParameter, QgsProcessingParameterFile)):
        widget = _file_widget(definition, parent)
    elif isinstance(definition, QgsProcessingParameterCrs):
        widget = _crs_widget(definition, parent)
    elif isinstance(definition, QgsProcessingParameterRange):
        widget = RangeWidget(definition, parent)
    elif isinstance(definition, QgsProcessingParameterField):
        widget = QgsFieldComboBox(parent)  # its layer: link_field_widgets, once the layer picker exists
        optional = definition.flags() & QgsProcessingParameterDefinition.FlagOptional
        widget.setAllowEmptyFieldName(bool(optional))
    elif isinstance(definition, QgsProcessingParameterBoolean):
        widget = QCheckBox(definition.description(), parent)
        widget.setChecked(bool(definition.defaultValue()))
    elif isinstance(definition, QgsProcessingParameterString):
        widget = QLineEdit(str(definition.defaultValue() or ""), parent)
    else:
        raise TypeError(f"no dock widget for parameter {definition.name()} ({definition.type()})")
    widget.setObjectName(definition.name())
    widget.setToolTip(_tooltip(definition))
    for part in widget.findChildren(QWidget):  # a CRS or range picker's own combo and spin boxes
        if not part.toolTip():
            part.setToolTip(widget.toolTip())
    return widget


def link_field_widgets(algorithm, inputs: dict) -> None:
    """Make each field picker in ``inputs`` (parameter name -> widget) list the fields of the layer its
    parent layer parameter's picker shows, as the Toolbox does."""
    for name, widget in inputs.items():
        if not isinstance(widget, QgsFieldComboBox):
            continue
        layer_picker = inputs.get(algorithm.parameterDefinition(name).parentLayerParameterName())
        if isinstance(layer_picker, QgsMapLayerComboBox):
            layer_picker.layerChanged.connect(widget.setLayer)
            widget.setLayer(layer_picker.currentLayer())


def widget_value(widget: QWidget):
    """The Processing value of a widget made by :func:`parameter_widget` (``None`` for an empty optional
    layer or CRS, so Processing takes the parameter as not given)."""
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QgsCheckableComboBox):
        return [widget.findText(text) for text in widget.checkedItems()]
    if isinstance(widget, QgsFieldComboBox):
        return widget.currentField() or None
    if isinstance(widget, QgsMapLayerComboBox):
        layer = widget.currentLayer()
        return layer.id() if layer is not None else None
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QgsFileWidget):
        if not widget.filePath() and widget.property(_DESTINATION):
            return QgsProcessing.TEMPORARY_OUTPUT
        return widget.filePath() or None
    if isinstance(widget, QgsProjectionSelectionWidget):
        return widget.crs().authid() or widget.crs().toWkt() or None
    if isinstance(widget, QLineEdit):
        return widget.text()
    return widget.value()

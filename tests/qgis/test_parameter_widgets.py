"""Dock panels show each parameter as its algorithm defines it: label, choices, range, default, help.

Changing a definition in the algorithm must change the dock; so every widget a panel builds from a
definition is compared with that definition, and the panel's defaults are valid parameters of the
algorithm (Processing's own check accepts them).
"""

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingParameterNumber
from qgis.PyQt.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from timestack.gui.parameter_widgets import AlgorithmParameters, parameter_widget, widget_value
from timestack.processing.composite import CompositeAlgorithm
from timestack.processing.landtrendr import LT_PARAMETERS, LandTrendrAlgorithm


def assert_shows(widget, definition):
    assert widget.objectName() == definition.name()
    assert widget.toolTip()
    if isinstance(definition, QgsProcessingParameterNumber):
        assert isinstance(widget, (QSpinBox, QDoubleSpinBox))
        assert widget.minimum() == pytest.approx(max(definition.minimum(), -999_999))
        assert widget.maximum() == pytest.approx(min(definition.maximum(), 999_999))
        assert widget.value() == pytest.approx(definition.defaultValue())
    elif isinstance(widget, QComboBox):
        assert [widget.itemText(i) for i in range(widget.count())] == definition.options()
        assert widget.currentIndex() == int(definition.defaultValue() or 0)
    elif isinstance(widget, QCheckBox):
        assert widget.text() == definition.description()
        assert widget.isChecked() == bool(definition.defaultValue())
    else:
        assert isinstance(widget, QLineEdit)
        assert widget.text() == str(definition.defaultValue() or "")


def test_landtrendr_panel_widgets_are_the_algorithm_definitions(qgis_iface):
    from timestack.gui.landtrendr_panel import LandTrendrPanel

    panel = LandTrendrPanel(qgis_iface)
    definitions = AlgorithmParameters(LandTrendrAlgorithm)
    for gee_name, name in LT_PARAMETERS.items():
        assert_shows(panel.param_widgets[gee_name], definitions.definition(name))
    assert_shows(panel.direction, definitions.definition(LandTrendrAlgorithm.DIRECTION))
    assert_shows(panel.flavor, definitions.definition(LandTrendrAlgorithm.FLAVOR))
    # the dock's range is the algorithm's: no cap the Toolbox does not have
    assert panel.param_widgets["maxSegments"].maximum() == 999_999


def test_composite_panel_widgets_are_the_algorithm_definitions_and_valid_by_default(qgis_iface, tmp_path):
    from timestack.gui.composite_panel import CompositePanel

    panel = CompositePanel(qgis_iface)
    definitions = AlgorithmParameters(CompositeAlgorithm)
    for widget in (panel.start_year, panel.end_year, panel.doy_start, panel.doy_end, panel.method):
        assert_shows(widget, definitions.definition(widget.objectName()))
    for widget in (panel.indices, panel.tdom, panel.harmonize, panel.resolution):
        assert_shows(widget, definitions.definition(widget.objectName()))
    algorithm = definitions.algorithm
    items = tmp_path / "items.json"
    items.write_text('{"type": "FeatureCollection", "features": []}')
    parameters = {**panel.parameters(), "ITEMS": str(items), "OUTPUT": "TEMPORARY_OUTPUT"}
    ok, message = algorithm.checkParameterValues(parameters, QgsProcessingContext())
    assert ok, message


def test_a_definition_without_a_dock_widget_is_refused_by_name():
    definitions = AlgorithmParameters(CompositeAlgorithm)  # keeps its definitions alive
    with pytest.raises(TypeError, match="EXTENT"):
        parameter_widget(definitions.definition("EXTENT"), None)
    with pytest.raises(KeyError, match="NO_SUCH"):
        definitions.definition("NO_SUCH")


def test_widget_values_are_what_processing_expects():
    definitions = AlgorithmParameters(LandTrendrAlgorithm)
    spin = definitions.widget("MAX_SEGMENTS", None)
    spin.setValue(9)
    check = definitions.widget("PREVENT_ONE_YEAR_RECOVERY", None)
    check.setChecked(True)
    combo = definitions.widget(LandTrendrAlgorithm.FLAVOR, None)
    combo.setCurrentIndex(1)
    assert [widget_value(w) for w in (spin, check, combo)] == [9, True, 1]


def test_layers_files_outputs_crs_and_multiple_choices_give_processing_values(qgis_iface, tmp_path):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsProcessing,
        QgsProcessingParameterCrs,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFolderDestination,
        QgsProcessingParameterRasterDestination,
        QgsProcessingParameterRasterLayer,
        QgsProcessingParameterVectorLayer,
        QgsProject,
        QgsVectorLayer,
    )

    definitions = [
        QgsProcessingParameterRasterLayer("STACK", "Stack"),
        QgsProcessingParameterVectorLayer("AOI", "Area", optional=True),
        QgsProcessingParameterRasterDestination("OUTPUT", "Output"),
        QgsProcessingParameterFolderDestination("FOLDER", "Folder"),
        QgsProcessingParameterCrs("CRS", "CRS", "EPSG:32633", optional=True),
        QgsProcessingParameterEnum("PICK", "Pick", ["a", "b", "c"], allowMultiple=True, defaultValue=[0, 2]),
    ]
    stack, aoi, output, folder, crs, pick = (parameter_widget(d, None) for d in definitions)
    widgets = (stack, aoi, output, folder, crs, pick)
    assert [w.objectName() for w in widgets] == [d.name() for d in definitions]
    # an optional layer left empty is not given; a chosen one is given by id, as the project knows it
    assert widget_value(aoi) is None
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326", "area", "memory")
    QgsProject.instance().addMapLayer(layer)
    aoi.setLayer(layer)
    assert widget_value(aoi) == layer.id()
    # an output left empty is a temporary output; a chosen one is its path
    assert widget_value(output) == widget_value(folder) == QgsProcessing.TEMPORARY_OUTPUT
    output.setFilePath(str(tmp_path / "out.tif"))
    assert widget_value(output) == str(tmp_path / "out.tif")
    assert "tif" in output.filter()
    assert widget_value(crs) == "EPSG:32633"
    crs.setCrs(QgsCoordinateReferenceSystem("EPSG:3035"))
    assert widget_value(crs) == "EPSG:3035"
    assert widget_value(pick) == [0, 2]
    pick.deselectAllOptions()
    pick.setCheckedItems(["b"])
    assert widget_value(pick) == [1]
    QgsProject.instance().removeMapLayer(layer)

"""Every input of the dock says what it does: a tooltip on each widget a user types in, picks or ticks."""

from qgis.core import QgsProject
from qgis.gui import (
    QgsAuthConfigSelect,
    QgsCollapsibleGroupBoxBasic,
    QgsExtentWidget,
    QgsFileWidget,
    QgsMapLayerComboBox,
)
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QWidget,
)

#: Widgets a user enters something in; their inner parts (a file widget's line edit) count as the whole,
#: and a results table's own buttons are no input.
INPUTS = (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QAbstractButton,
    QgsFileWidget,
    QgsMapLayerComboBox,
    QgsExtentWidget,
    QgsAuthConfigSelect,
)


def _inputs(panel: QWidget) -> list:
    found = []
    for widget in panel.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or isinstance(widget, QPushButton):
            continue  # buttons say what they do in their text
        if (
            isinstance(widget.parentWidget(), QgsCollapsibleGroupBoxBasic)
            and widget.objectName() == "collapseButton"
        ):
            continue  # a group's fold arrow
        parent, inside_another = widget.parentWidget(), False
        while parent is not None and parent is not panel:
            inside_another = inside_another or isinstance(parent, (*INPUTS, QAbstractItemView))
            parent = parent.parentWidget()
        if not inside_another:
            found.append(widget)
    return found


def test_every_dock_input_has_a_tooltip(provider, qgis_iface):
    from timestack.gui.dock import TimestackDock

    dock = TimestackDock(qgis_iface)
    inputs = [(panel, widget) for panel in dock.panels for widget in _inputs(panel)]
    names = {widget.objectName() for _, widget in inputs}
    assert {"START_YEAR", "TDOM", "MAX_SEGMENTS", "MAX_CLOUD", "DOY_END", "MIN_VALID_FRACTION"} <= names
    missing = [
        f"{type(panel).__name__}.{widget.objectName() or type(widget).__name__}"
        for panel, widget in inputs
        if not widget.toolTip().strip()
    ]
    dock.deleteLater()
    QgsProject.instance().clear()
    assert missing == [], "\n".join(missing)

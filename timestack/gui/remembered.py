"""The dock's inputs a user sets once and expects back after restarting QGIS: catalog, collections,
dates and folders.

Each is kept in the QGIS profile (QgsSettings, ``timestack/dock/<panel>/<name>``), written as soon as
it changes, so it survives a crash as well as a restart; nothing is stored until the user changes it,
so the panels' defaults (the sample archive's dates, the profile's output folders) stay the start.
"""

from typing import Dict

from qgis.core import QgsSettings
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtWidgets import QComboBox, QDateEdit, QWidget

#: Where the dock's remembered inputs live in the profile's settings.
PREFIX = "timestack/dock"


def remember(panel: QWidget, widgets: Dict[str, QWidget]) -> None:
    """Give each of ``widgets`` (name -> editable combo box, date edit or file widget) its last value
    and store every later change under ``PREFIX/<panel class>/<name>``."""
    settings = QgsSettings()
    for name, widget in widgets.items():
        key = f"{PREFIX}/{type(panel).__name__}/{name}"
        saved = settings.value(key, None)
        if saved not in (None, ""):
            _restore(widget, str(saved))
        _on_change(widget, lambda value, key=key: QgsSettings().setValue(key, value))


def _restore(widget: QWidget, value: str) -> None:
    if isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index < 0:
            index = widget.findText(value, Qt.MatchExactly)
        if index >= 0:
            widget.setCurrentIndex(index)
        else:
            widget.setEditText(value)
    elif isinstance(widget, QDateEdit):
        date = QDate.fromString(value, Qt.ISODate)
        if date.isValid():
            widget.setDate(date)
    elif isinstance(widget, QgsFileWidget):
        widget.setFilePath(value)
    else:
        raise TypeError(f"cannot remember a {type(widget).__name__}")


def _on_change(widget: QWidget, store) -> None:
    if isinstance(widget, QComboBox):
        # an entry is stored by its data (a preset's key, not its translated title), typed text as it is
        def store_text(text: str) -> None:
            index = widget.findText(text, Qt.MatchExactly)
            data = widget.itemData(index) if index >= 0 else None
            store(str(data) if data not in (None, "") else text)

        widget.editTextChanged.connect(store_text)
        widget.currentTextChanged.connect(store_text)
    elif isinstance(widget, QDateEdit):
        widget.dateChanged.connect(lambda date: store(date.toString(Qt.ISODate)))
    else:
        widget.fileChanged.connect(store)

"""Saved catalog connections for the Search tab: a name, a STAC API URL and the id of a login in QGIS's
authentication database — never the secret itself, which stays in that encrypted database.

Kept in the QGIS profile (QgsSettings, ``timestack/catalog_connections/<name>/url|authcfg``), as QGIS
keeps its own WMS or STAC connections; the last one used is remembered and chosen again when the dock
opens. Choosing one puts its URL in the catalog box and its login in the login box.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from qgis.core import QgsSettings
from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

#: Where the connections live in the profile's settings.
SETTINGS_GROUP = "timestack/catalog_connections"
#: The name of the connection chosen last.
LAST_KEY = "timestack/dock/SearchPanel/connection"


@dataclass(frozen=True)
class CatalogConnection:
    name: str
    url: str
    #: id of a configuration in QGIS's authentication database; "" for an open catalog
    authcfg: str = ""


def saved_connections() -> list:
    """The saved connections, sorted by name."""
    settings = QgsSettings()
    settings.beginGroup(SETTINGS_GROUP)
    names = settings.childGroups()
    found = [
        CatalogConnection(
            name, str(settings.value(f"{name}/url", "")), str(settings.value(f"{name}/authcfg", ""))
        )
        for name in names
    ]
    settings.endGroup()
    return sorted(found, key=lambda connection: connection.name.lower())


def save_connection(connection: CatalogConnection, replaces: Optional[str] = None) -> None:
    """Store ``connection`` (under a new name, the one it ``replaces`` is removed)."""
    if replaces and replaces != connection.name:
        remove_connection(replaces)
    settings = QgsSettings()
    settings.setValue(f"{SETTINGS_GROUP}/{connection.name}/url", connection.url)
    settings.setValue(f"{SETTINGS_GROUP}/{connection.name}/authcfg", connection.authcfg)


def remove_connection(name: str) -> None:
    QgsSettings().remove(f"{SETTINGS_GROUP}/{name}")


def _valid_name(name: str) -> bool:
    return bool(name.strip()) and "/" not in name and "\\" not in name


class ConnectionDialog(QDialog):
    """Name, URL and login of one connection; OK only with a name and an http(s) URL."""

    def __init__(self, connection: Optional[CatalogConnection] = None, parent=None):
        super().__init__(parent)
        self.setObjectName("catalogConnectionDialog")
        self.setWindowTitle(self.tr("Catalog connection"))
        connection = connection or CatalogConnection("", "")
        self.name = QLineEdit(connection.name, self)
        self.name.setObjectName("connectionName")
        self.url = QLineEdit(connection.url, self)
        self.url.setObjectName("connectionUrl")
        self.url.setPlaceholderText("https://…/stac/v1")
        self.login = QgsAuthConfigSelect(self)
        self.login.setConfigId(connection.authcfg)
        self.login.setToolTip(
            self.tr(
                "A configuration of QGIS's authentication database: Basic (username and password, an "
                "empty username and a token, or a header name ending in ':' and its value) or OAuth2. Only "
                "its id is saved with the connection."
            )
        )  # fmt: skip
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("STAC API URL"), self.url)
        form.addRow(self.tr("Login"), self.login)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("ConnectionDialog", text)

    def connection(self) -> CatalogConnection:
        return CatalogConnection(self.name.text().strip(), self.url.text().strip(), self.login.configId())

    def problem(self) -> str:
        """Why the entries cannot be saved, or ""."""
        connection = self.connection()
        if not _valid_name(connection.name):
            return self.tr("Give the connection a name (without '/').")
        if not connection.url.startswith(("http://", "https://")):
            return self.tr("The URL must be a STAC API's http:// or https:// address.")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.message.setText(problem)
            return
        super().accept()


class CatalogConnections(QWidget):
    """A choice of saved connections with New, Edit and Remove; ``chosen`` (url, authcfg) when one is
    picked. ``current`` is filled by the owner: the catalog and login a new connection starts from."""

    chosen = pyqtSignal(str, str)

    def __init__(self, parent=None, current=None):
        super().__init__(parent)
        self.current = current or (lambda: CatalogConnection("", ""))
        self.dialog: Optional[ConnectionDialog] = None
        self.combo = QComboBox(self)
        self.combo.setObjectName("catalogConnections")
        self.combo.setToolTip(self.tr("A saved catalog connection: its URL and login fill the boxes below"))
        buttons = []
        for text, tip, slot, name in (
            ("+", self.tr("Save the catalog and login below as a new connection"), self.add, "connectionAdd"),
            ("✎", self.tr("Edit the chosen connection"), self.edit, "connectionEdit"),
            ("−", self.tr("Remove the chosen connection"), self.remove, "connectionRemove"),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.append(button)
        self.edit_button, self.remove_button = buttons[1], buttons[2]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        for button in buttons:
            layout.addWidget(button)
        self.reload(str(QgsSettings().value(LAST_KEY, "")))
        self.combo.currentIndexChanged.connect(self._changed)

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("CatalogConnections", text)

    def reload(self, select: str = "") -> None:
        """Fill the choice from the settings, choosing ``select`` if it is saved."""
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("(no saved connection)"), "")
        for connection in saved_connections():
            self.combo.addItem(connection.name, connection.name)
        index = self.combo.findData(select) if select else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self._update_buttons()

    def connection(self) -> Optional[CatalogConnection]:
        name = self.combo.currentData()
        return next((c for c in saved_connections() if c.name == name), None) if name else None

    def apply_current(self) -> None:
        """Emit ``chosen`` for the chosen connection (the owner puts it in its boxes)."""
        connection = self.connection()
        if connection is not None:
            self.chosen.emit(connection.url, connection.authcfg)

    def _changed(self, _index: int) -> None:
        QgsSettings().setValue(LAST_KEY, self.combo.currentData() or "")
        self._update_buttons()
        self.apply_current()

    def _update_buttons(self) -> None:
        chosen = bool(self.combo.currentData())
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def add(self) -> None:
        self._open(ConnectionDialog(self.current(), self), None)

    def edit(self) -> None:
        connection = self.connection()
        if connection is not None:
            self._open(ConnectionDialog(connection, self), connection.name)

    def _open(self, dialog: ConnectionDialog, replaces: Optional[str]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._save(dialog.connection(), replaces))
        dialog.open()

    def _save(self, connection: CatalogConnection, replaces: Optional[str]) -> None:
        save_connection(connection, replaces)
        self.reload(connection.name)
        QgsSettings().setValue(LAST_KEY, connection.name)
        self.apply_current()

    def remove(self) -> None:
        connection = self.connection()
        if connection is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove connection"),
            self.tr("Remove the connection '{0}'? Its login stays in QGIS's authentication database.").format(
                connection.name
            ),
        )
        if answer == QMessageBox.Yes:
            remove_connection(connection.name)
            self.reload()
            QgsSettings().setValue(LAST_KEY, "")

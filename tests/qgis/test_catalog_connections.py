"""Saved catalog connections in the Search tab: name, URL and the id of a login, kept in QgsSettings
(never the secret), added, edited, removed, and the last one chosen again when the dock opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsSettings

from timestack.gui.catalog_connections import (
    SETTINGS_GROUP,
    CatalogConnection,
    ConnectionDialog,
    save_connection,
    saved_connections,
)

SECRET = "k3y-s3cret"


@pytest.fixture(autouse=True)
def no_saved_connections():
    QgsSettings().remove(SETTINGS_GROUP)
    yield
    QgsSettings().remove(SETTINGS_GROUP)


@pytest.fixture
def new_panel(provider, qgis_iface, qgis_canvas):
    from timestack.gui.search_panel import SearchPanel

    panels = []

    def make():
        panels.append(SearchPanel(qgis_iface))
        return panels[-1]

    yield make
    for panel in panels:
        panel.deleteLater()


def test_a_saved_connection_fills_catalog_and_login_and_is_chosen_again(new_panel, store_login):
    authcfg = store_login("X-API-Key:", SECRET)
    save_connection(CatalogConnection("Private STAC", "https://stac.example.org/v1", authcfg))
    panel = new_panel()
    combo = panel.connections.combo
    combo.setCurrentIndex(combo.findData("Private STAC"))
    assert panel.catalog_value() == "https://stac.example.org/v1"
    assert panel.login.isVisibleTo(panel) and panel.parameters()["AUTHCFG"] == authcfg

    again = new_panel()  # a restarted dock: the same connection, the same login
    assert again.connections.combo.currentData() == "Private STAC"
    assert again.catalog_value() == "https://stac.example.org/v1" and again.parameters()["AUTHCFG"] == authcfg

    QgsSettings().sync()
    stored = Path(QgsSettings().fileName()).read_text()
    assert authcfg in stored and "stac.example.org" in stored and SECRET not in stored


def test_connections_are_added_edited_and_removed(new_panel, store_login, monkeypatch):
    from qgis.PyQt.QtWidgets import QMessageBox

    panel = new_panel()
    panel.set_catalog("https://one.example.org/stac")
    panel.connections.add()
    dialog = panel.connections.dialog
    assert dialog.url.text() == "https://one.example.org/stac", "a new connection starts from the boxes"
    dialog.accept()
    assert dialog.isVisible() and "name" in dialog.message.text(), "no name, no connection"
    dialog.name.setText("One")
    dialog.accept()
    assert saved_connections() == [CatalogConnection("One", "https://one.example.org/stac", "")]

    authcfg = store_login("ana", "pa55")
    panel.connections.edit()
    dialog = panel.connections.dialog
    dialog.name.setText("Renamed")
    dialog.url.setText("ftp://nope")
    dialog.accept()
    assert "http" in dialog.message.text()
    dialog.url.setText("https://two.example.org/stac")
    dialog.login.setConfigId(authcfg)
    dialog.accept()
    assert saved_connections() == [CatalogConnection("Renamed", "https://two.example.org/stac", authcfg)]
    assert panel.catalog_value() == "https://two.example.org/stac" and panel.login.configId() == authcfg

    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.Yes)
    panel.connections.remove()
    assert saved_connections() == [] and panel.connections.combo.currentData() == ""
    assert not panel.connections.edit_button.isEnabled()


def test_the_dialog_refuses_a_name_with_a_slash(qgis_app):
    dialog = ConnectionDialog(CatalogConnection("a/b", "https://x.org", ""))
    assert "'/'" in dialog.problem()

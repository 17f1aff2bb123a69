"""Earth Engine login from the dock (LandTrendr tab's Earth Engine box): a service account whose key JSON
is held in QGIS's authentication database signs in against the loopback stand-in; without
earthengine-api the dock offers to install it, there and after a run that needed it."""

from __future__ import annotations

import sys
import time

import pytest
from qgis.PyQt.QtCore import QCoreApplication

ee = pytest.importorskip("ee")
from tests.helpers.earthengine import service_account_key  # noqa: E402
from tests.servers.earthengine import ACCESS_TOKEN  # noqa: E402

PROJECT = "timestack-test"


def _wait_until(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the background task"
        QCoreApplication.processEvents()
        time.sleep(0.02)


def test_the_dock_signs_in_with_a_service_account_from_the_auth_database(
    provider, qgis_iface, earthengine_api, store_login
):
    from timestack.gui.landtrendr_panel import LandTrendrPanel

    panel = LandTrendrPanel(qgis_iface)
    box = panel.earthengine_tasks
    box.project.setText(PROJECT)
    key = service_account_key(f"{earthengine_api.url}/token")
    box.login.account_button.click()
    assert "Choose a service account" in box.login.status.text()
    box.login.service_account.setConfigId(store_login("", key))
    box.login.account_button.click()
    _wait_until(lambda: box.login.account_button.isEnabled())
    assert box.login.status.text() == f"Signed in to Earth Engine for project {PROJECT}."
    assert earthengine_api.tokens_issued == 1 and f"Bearer {ACCESS_TOKEN}" in earthengine_api.authorizations

    box.refresh_button.click()  # the tasks box uses the session
    _wait_until(lambda: box.table.rowCount() == 3)
    assert earthengine_api.authorizations[-1] == f"Bearer {ACCESS_TOKEN}"
    assert "PRIVATE KEY" not in box.login.status.text() + box.status.text()


def test_a_bad_key_is_told_in_the_status_line(provider, qgis_iface, earthengine_api, store_login):
    from timestack.gui.earthengine_login import EarthEngineLogin

    login = EarthEngineLogin(lambda: PROJECT)
    login.service_account.setConfigId(store_login("", "not-a-key"))
    login.account_button.click()
    _wait_until(lambda: login.account_button.isEnabled())
    assert "AUTHCFG" in login.status.text() and "service account's key JSON" in login.status.text()


def test_without_earthengine_api_the_dock_offers_to_install_it(provider, qgis_iface, monkeypatch):
    from qgis.PyQt.QtWidgets import QCheckBox

    from timestack.gui.earthengine_login import EarthEngineLogin

    monkeypatch.setitem(sys.modules, "ee", None)  # this Python cannot import earthengine-api
    login = EarthEngineLogin(lambda: PROJECT)
    assert "earthengine-api" in login.status.text() and not login.browser_button.isEnabled()
    login.status.linkActivated.emit("install")
    ticked = [box.text() for box in login.installer.findChildren(QCheckBox) if box.isChecked()]
    assert any("earthengine-api" in text for text in ticked)
    login.installer.close()


def test_a_run_that_needed_a_missing_package_links_to_the_installer(
    provider, qgis_iface, qgis_canvas, monkeypatch
):
    from qgis.PyQt.QtWidgets import QCheckBox

    from timestack.gui.search_panel import SearchPanel

    monkeypatch.setitem(sys.modules, "ee", None)
    panel = SearchPanel(qgis_iface)
    panel.set_catalog("earthengine")
    panel.extent.setOutputExtentFromUser(
        panel.extent.outputExtent().__class__(-1, -1, 1, 1), panel.extent.outputCrs()
    )
    panel.search()
    _wait_until(lambda: panel.run_button.isEnabled())
    assert 'href="install:earthengine"' in panel.status.text(), panel.status.text()
    panel.status.linkActivated.emit("install:earthengine")
    ticked = [box.text() for box in panel.installer.findChildren(QCheckBox) if box.isChecked()]
    assert any("earthengine-api" in text for text in ticked)
    panel.installer.close()

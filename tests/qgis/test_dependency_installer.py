"""The package installer is reachable where the messages say (Raster ▸ Timestack ▸ Install Python
packages…) and from a catalog whose backend is missing, with that backend ticked."""

import sys

import pytest

import timestack
from tests.helpers.host import HostInterface
from timestack.dependencies import OPTIONAL
from timestack.gui.search_panel import SearchPanel


@pytest.fixture()
def host(qgis_canvas):
    host = HostInterface(qgis_canvas)
    yield host
    host.window.deleteLater()


def test_raster_menu_opens_the_installer_listing_required_and_optional_packages(host):
    plugin = timestack.classFactory(host)
    plugin.initGui()
    try:
        menu = host._submenu(plugin.MENU)
        action = next(a for a in menu.actions() if a.objectName() == "timestackInstallPackages")
        assert action.text() == "Install Python packages…"
        action.trigger()
        dialog = plugin.installer
        assert dialog.isVisible()
        assert len(dialog.choices) == 1 + len(OPTIONAL)
        # The project environment has every package: nothing to tick, nothing to run.
        assert not any(box.isEnabled() for box in dialog.choices)
        assert not dialog.install_button.isEnabled()
    finally:
        plugin.unload()


def test_a_catalog_whose_package_is_missing_offers_to_install_it(qgis_iface, monkeypatch):
    monkeypatch.setitem(sys.modules, "earthaccess", None)  # as if earthaccess were not installed
    panel = SearchPanel(qgis_iface)
    panel.catalog.setCurrentIndex(panel.catalog.findData("earthdata"))
    assert 'href="install"' in panel.status.text() and "earthaccess" in panel.status.text()

    panel.status.linkActivated.emit("install")
    ticked = [specs for box, specs in panel.installer.choices.items() if box.isChecked()]
    assert ticked == [[OPTIONAL["earthdata"].requirement]]
    assert panel.installer.requirements() == [OPTIONAL["earthdata"].requirement]
    assert panel.installer.install_button.isEnabled()
    panel.installer.close()


def test_an_installer_closed_by_unloading_the_plugin_mid_install_raises_nothing(
    qgis_app, tmp_path, monkeypatch
):
    """pip still running when the installer is deleted (the plugin unloaded, the dock that opened it
    closed): its end reaches no deleted widget (a Python error dialog in QGIS)."""
    import socket
    import time

    from qgis.core import QgsTask
    from qgis.PyQt import sip

    from tests.helpers.qt import wait_until
    from timestack.gui.dependency_installer import DependencyDialog

    silent = socket.create_server(("127.0.0.1", 0))  # accepts the connection, never answers: pip waits
    monkeypatch.setenv("PIP_INDEX_URL", f"http://127.0.0.1:{silent.getsockname()[1]}/simple")
    monkeypatch.setitem(sys.modules, "earthaccess", None)  # as if earthaccess were not installed
    errors = []
    monkeypatch.setattr(sys, "excepthook", lambda *error: errors.append(error))
    dialog = DependencyDialog(tmp_path / "packages", ["earthdata"])
    dialog.start()
    task = dialog.task
    time.sleep(0.5)  # pip is waiting for the index
    sip.delete(dialog)
    task.cancel()
    wait_until(lambda: sip.isdeleted(task) or task.status() in (QgsTask.Complete, QgsTask.Terminated), 30)
    for _ in range(10):
        qgis_app.processEvents()
    silent.close()
    assert errors == []

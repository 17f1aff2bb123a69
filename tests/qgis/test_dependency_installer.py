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

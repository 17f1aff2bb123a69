"""The plugin loads into QGIS, shows its dock, registers its provider and unloads cleanly."""

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QDockWidget

import timestack
from tests.helpers.host import HostInterface


@pytest.fixture()
def host(qgis_canvas):
    host = HostInterface(qgis_canvas)
    yield host
    host.window.deleteLater()


def _registered():
    return QgsApplication.processingRegistry().providerById("timestack")


def _flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # runs deleteLater()


def test_load_and_unload_twice_leaves_nothing_behind(host):
    for _ in range(2):
        plugin = timestack.classFactory(host)
        plugin.initGui()
        assert _registered() is not None
        assert host.leftovers()["toolbar"] == 1
        assert host.leftovers()["raster_menu"] == 1

        plugin.action.trigger()  # opens the dock
        assert plugin.dock.isVisibleTo(host.window)
        assert host.leftovers()["docks"] == 1

        plugin.unload()
        _flush_deletes()
        assert _registered() is None
        assert host.leftovers() == {"toolbar": 0, "raster_menu": 0, "docks": 0}
        assert not [d for d in host.window.findChildren(QDockWidget) if d.objectName() == "TimestackDock"]


def test_provider_lists_the_contract_algorithms(host):
    plugin = timestack.classFactory(host)
    plugin.initProcessing()
    try:
        ids = {alg.id() for alg in _registered().algorithms()}
        assert "timestack:samplearchive" in ids
        for alg in _registered().algorithms():
            assert alg.displayName() and alg.shortHelpString(), alg.id()
    finally:
        plugin.unload()


def test_loading_starts_compiling_the_landtrendr_kernels_in_the_background(host, monkeypatch):
    from timestack.gui import warm_up

    monkeypatch.setattr(warm_up, "_task", None)  # as in a fresh QGIS session
    plugin = timestack.classFactory(host)
    plugin.initGui()
    try:
        assert warm_up._task is not None
        assert warm_up.start_warm_up() is warm_up._task  # the one plugin load started
    finally:
        plugin.unload()


def test_toolbar_action_toggles_the_dock(host):
    plugin = timestack.classFactory(host)
    plugin.initGui()
    try:
        plugin.action.setChecked(True)
        assert plugin.dock.tabs.count() >= 1
        plugin.action.setChecked(False)
        assert not plugin.dock.isVisible()
    finally:
        plugin.unload()


def test_opening_the_dock_without_its_packages_offers_them_instead_of_a_python_error(host, monkeypatch):
    """pystac missing (QGIS does not ship it): the toolbar button offers the installer again, as loading
    did, where importing the dock raised an ImportError into QGIS's Python error dialog."""
    import sys

    errors = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: errors.append(error))
    monkeypatch.setitem(sys.modules, "pystac", None)  # as if pystac were not installed
    monkeypatch.setitem(sys.modules, "timestack.gui.dock", None)  # so the dock cannot be imported
    plugin = timestack.classFactory(host)
    plugin.initGui()
    try:
        offers = len(host.message_bar.items())
        plugin.action.trigger()
        assert errors == [] and plugin.dock is None and not plugin.action.isChecked()
        assert len(host.message_bar.items()) == offers + 1
        assert "pystac" in host.message_bar.currentItem().text()
    finally:
        plugin.unload()


def test_run_without_the_algorithms_says_to_install_packages(qgis_iface, monkeypatch):
    """Packages missing, the provider is not registered: Run in any tab says so on its status line and
    stays usable, where it raised a KeyError into QGIS's Python error dialog."""
    import sys

    from timestack.gui.composite_panel import CompositePanel
    from timestack.gui.earthengine_tasks_box import EarthEngineTasksBox
    from timestack.gui.hyp3_box import Hyp3Box
    from timestack.gui.landtrendr_panel import LandTrendrPanel

    assert _registered() is None
    errors = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: errors.append(error))
    composite, landtrendr = CompositePanel(qgis_iface), LandTrendrPanel(qgis_iface)
    hyp3, tasks = Hyp3Box(), EarthEngineTasksBox()
    composite.run_composite()
    landtrendr.start()
    hyp3.folder.setFilePath("/tmp")
    hyp3.start_stack()
    tasks.refresh()
    assert errors == []
    for status, run_button in (
        (composite.status, composite.run_button),
        (landtrendr.status, landtrendr.cancel_button),
        (hyp3.status, hyp3.stack_button),
        (tasks.status, tasks.refresh_button),
    ):
        assert "Install Python packages" in status.text()
        assert run_button.isEnabled() is (run_button is not landtrendr.cancel_button)

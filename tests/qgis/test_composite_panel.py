"""The Composite tab as a user meets it: Run in view in a short dock, rarely changed parameters folded
under "Advanced", every input explained, and the values the algorithm gets unchanged by the folding."""

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QPoint


def _dock_on(qgis_iface, panel_class, height):
    from timestack.gui.dock import TimestackDock

    dock = TimestackDock(qgis_iface)
    panel = dock.panel(panel_class)
    dock.tabs.setCurrentWidget(panel)
    dock.resize(420, height)
    dock.show()
    QCoreApplication.processEvents()
    return dock, panel


def test_run_is_in_view_in_a_600_px_dock_and_advanced_starts_folded(provider, qgis_iface):
    from timestack.gui.composite_panel import CompositePanel

    dock, panel = _dock_on(qgis_iface, CompositePanel, 600)
    try:
        assert panel.advanced_box.isCollapsed()
        assert not panel.tdom.isVisible() and not panel.cache_folder.isVisible()
        bottom = panel.run_button.mapTo(dock, QPoint(0, panel.run_button.height())).y()
        assert panel.run_button.isVisible() and bottom <= dock.height()
        assert panel.method.isVisible() and panel.indices.isVisible() and panel.output.isVisible()
        panel.advanced_box.setCollapsed(False)
        QCoreApplication.processEvents()
        assert panel.tdom.isVisible() and panel.advanced["DASK_SCHEDULER"].isVisible()
    finally:
        dock.hide()
        dock.deleteLater()
        QgsProject.instance().clear()


def test_every_advanced_input_explains_itself_from_the_algorithm_help(provider, qgis_iface):
    from timestack.gui.composite_panel import ADVANCED, CompositePanel
    from timestack.processing.composite import CompositeAlgorithm

    panel = CompositePanel(qgis_iface)
    algorithm = CompositeAlgorithm()
    algorithm.initAlgorithm()
    main = {"START_YEAR": panel.start_year, "DOY_START": panel.doy_start, "METHOD": panel.method,
            "INDICES": panel.indices}  # fmt: skip
    for name, widget in {**panel.advanced, **main}.items():
        help_text = algorithm.parameterDefinition(name).help()
        assert help_text and help_text in widget.toolTip(), name
    assert set(panel.advanced) == set(ADVANCED)
    assert "gigabytes" in panel.cache_max_gb.toolTip() and "metres" in panel.resolution.toolTip()
    assert algorithm.parameterDefinition("ITEMS").help() in panel.items.toolTip()


def test_folded_parameters_still_reach_the_algorithm_with_its_defaults(provider, qgis_iface):
    from timestack.gui.composite_panel import CompositePanel

    panel = CompositePanel(qgis_iface)
    values = panel.parameters()
    assert values["TDOM"] is False and values["HARMONIZE"] is False and values["FILL_EMPTY_YEARS"] is True
    assert values["RESOLUTION"] == 30.0 and values["CLOUD_CONFIDENCE"] == 0 and values["MASK"]
    assert values["TARGET_CRS"] is None and values["DASK_SCHEDULER"] == ""
    panel.tdom.setChecked(True)
    panel.advanced["DASK_SCHEDULER"].setText("tcp://127.0.0.1:8786")
    assert panel.parameters()["TDOM"] is True
    stack = panel.scene_stack_parameters()
    assert stack["DASK_SCHEDULER"] == "tcp://127.0.0.1:8786" and "TDOM" not in stack and "MASK" in stack


def test_a_stack_file_whose_folder_cannot_be_made_is_refused_on_the_status_line(
    provider, qgis_iface, tmp_path
):
    """A Stack path under a file (no folder can be made there) is named on the status line, the
    Run button stays usable, and no Python error escapes the click."""
    from timestack.gui.composite_panel import CompositePanel

    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    panel = CompositePanel(qgis_iface)
    panel.output.setFilePath(str(blocker / "composite.tif"))
    panel.run_composite()
    assert str(blocker) in panel.status.text() and "Stack" in panel.status.text()
    assert panel.run_button.isEnabled() and panel.run is None

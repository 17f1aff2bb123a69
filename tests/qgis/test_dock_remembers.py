"""The dock gives back the last catalog, collections, dates and folders a user chose when it is opened
again after QGIS restarts (both read the profile's QgsSettings)."""

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QDate

from timestack.core.search.presets import PRESETS
from timestack.gui.composite_panel import CompositePanel
from timestack.gui.landtrendr_panel import LandTrendrPanel
from timestack.gui.remembered import PREFIX
from timestack.gui.sample_panel import SamplePanel
from timestack.gui.search_panel import SearchPanel
from timestack.gui.zonal_panel import ZonalPanel


@pytest.fixture()
def settings():
    """The profile's settings without remembered dock inputs, before and after the test."""
    settings = QgsSettings()
    settings.remove(PREFIX)
    yield settings
    settings.remove(PREFIX)


def _inputs(dock) -> dict:
    search, composite = dock.panel(SearchPanel), dock.panel(CompositePanel)
    return {
        "catalog": search.catalog_value(),
        "collections": search.collections.currentText(),
        "start": search.start.date(),
        "end": search.end.date(),
        "composite": composite.output.filePath(),
        "years": composite.folder.filePath(),
        "landtrendr": dock.panel(LandTrendrPanel).folder.filePath(),
        "sample": dock.panel(SamplePanel).folder.filePath(),
        "statistics": dock.panel(ZonalPanel).output.filePath(),
    }


def test_a_new_dock_shows_the_inputs_of_the_last_one(provider, qgis_iface, settings, tmp_path):
    from timestack.gui.dock import TimestackDock

    first = TimestackDock(qgis_iface)
    defaults = _inputs(first)
    search = first.panel(SearchPanel)
    preset = PRESETS[-1]
    search.catalog.setCurrentIndex(search.catalog.findData(preset.key))
    search.collections.setEditText("landsat-c2-l2, sentinel-2-l2a")
    search.start.setDate(QDate(2001, 5, 1))
    search.end.setDate(QDate(2003, 9, 30))
    composite = first.panel(CompositePanel)
    for widget, path in (
        (composite.output, tmp_path / "stack.tif"),
        (composite.folder, tmp_path / "years"),
        (first.panel(LandTrendrPanel).folder, tmp_path / "landtrendr"),
        (first.panel(SamplePanel).folder, tmp_path / "sample"),
        (first.panel(ZonalPanel).output, tmp_path / "statistics.csv"),
    ):
        widget.setFilePath(str(path))
    chosen = _inputs(first)
    assert all(chosen[key] != defaults[key] for key in chosen), (chosen, defaults)
    first.deleteLater()
    settings.sync()

    again = _inputs(TimestackDock(qgis_iface))
    assert again == chosen
    assert again["catalog"] == preset.key
    # a preset is kept by its key, so the dock finds it again in another interface language
    assert QgsSettings().value(f"{PREFIX}/SearchPanel/catalog") == preset.key


def test_nothing_is_remembered_until_the_user_changes_an_input(provider, qgis_iface, settings):
    from timestack.gui.dock import TimestackDock

    TimestackDock(qgis_iface)
    assert not [key for key in QgsSettings().allKeys() if key.startswith(PREFIX)]

"""``timestack:samplearchive`` through Processing and through the dock's Sample data panel."""

from qgis.core import QgsProject, QgsRasterLayer, QgsSingleBandPseudoColorRenderer, QgsVectorLayer

from tests.helpers.qt import wait_until


def test_processing_run_writes_the_small_archive_and_loads_its_layers(provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results = processing.run(
        "timestack:samplearchive",
        {"VARIANT": 1, "OUTPUT_FOLDER": str(tmp_path / "sample")},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    assert results["OUTPUT_ITEMS"].endswith(".json")
    stands = QgsVectorLayer(results["OUTPUT_STANDS"], "stands", "ogr")
    assert stands.isValid() and stands.featureCount() > 0
    year = QgsRasterLayer(results["OUTPUT_DISTURBANCE_YEAR"], "year")
    assert year.isValid() and year.crs().authid().startswith("EPSG:326")
    to_load = {details.outputName for details in context.layersToLoadOnCompletion().values()}
    assert to_load == {"OUTPUT_STANDS", "OUTPUT_DISTURBANCE_YEAR"}


def test_sample_panel_builds_in_the_background_and_adds_layers(provider, tmp_path, qgis_iface):
    from timestack.gui.sample_panel import SamplePanel

    QgsProject.instance().clear()
    panel = SamplePanel(qgis_iface)
    panel.variant.setCurrentIndex(1)
    panel.folder.setFilePath(str(tmp_path / "sample"))
    panel.build()
    assert not panel.run_button.isEnabled()
    wait_until(panel.run_button.isEnabled, 180)
    assert panel.run.results.get("OUTPUT_ITEMS"), panel.status.text()
    layers = {layer.name(): layer for layer in QgsProject.instance().mapLayers().values()}
    assert sorted(layers) == ["Sample stands", "True disturbance year"]
    # The stands show the composite under them: an outline over a light fill.
    symbol = layers["Sample stands"].renderer().symbol()
    assert symbol.color().alpha() <= 40 and symbol.symbolLayer(0).strokeColor().alpha() == 255
    # The true year is a year ramp labelled like years (2002, not "2,002"), over the archive's years.
    truth = layers["True disturbance year"].renderer()
    assert isinstance(truth, QgsSingleBandPseudoColorRenderer)
    assert [label for label, _ in truth.legendSymbologyItems()] == [str(year) for year in range(2000, 2015)]
    QgsProject.instance().clear()


class NewCanvas:
    """The QGIS interface of a fresh session: its own map canvas, which has not been zoomed anywhere yet."""

    def __init__(self, iface):
        from qgis.gui import QgsMapCanvas

        self._iface, self._canvas = iface, QgsMapCanvas()

    def mapCanvas(self):
        return self._canvas

    def __getattr__(self, name):
        return getattr(self._iface, name)


def test_a_built_sample_archive_sets_the_first_search_to_its_area_and_years(provider, tmp_path, qgis_iface):
    """With nothing on the map the search has no area (and says so instead of searching 0,0,0,0); once
    the sample is built, the search covers its scenes and finds them."""
    from qgis.core import QgsCoordinateTransform
    from qgis.PyQt.QtCore import QDate

    from timestack.gui.dock import TimestackDock
    from timestack.gui.sample_panel import SamplePanel
    from timestack.gui.search_panel import SearchPanel

    QgsProject.instance().clear()
    dock = TimestackDock(NewCanvas(qgis_iface))  # earlier tests moved the shared canvas
    sample, search = dock.panel(SamplePanel), dock.panel(SearchPanel)
    search.set_catalog(str(tmp_path / "nowhere.parquet"))
    assert search.extent.outputExtent().isEmpty()  # no layer: the map has no extent to offer
    search.search()
    assert search.run is None and "Choose the area first" in search.status.text()

    sample.variant.setCurrentIndex(1)
    sample.folder.setFilePath(str(tmp_path / "sample"))
    sample.build()
    wait_until(sample.run_button.isEnabled, 180)
    results = sample.run.results
    assert search.catalog_value() == results["OUTPUT_GEOPARQUET"]
    assert (search.start.date(), search.end.date()) == (QDate(2000, 1, 1), QDate(2014, 12, 31))
    stands = QgsVectorLayer(results["OUTPUT_STANDS"], "stands", "ogr")
    to_search = QgsCoordinateTransform(stands.crs(), search.extent.outputCrs(), QgsProject.instance())
    assert search.extent.outputExtent().contains(to_search.transformBoundingBox(stands.extent()).center())

    search.search()
    wait_until(search.run_button.isEnabled, 60)
    assert search.table.rowCount() > 0, search.status.text()
    dock.deleteLater()
    QgsProject.instance().clear()


def test_processing_run_writes_the_chosen_companions_beside_the_archive(provider, tmp_path):
    """Sentinel-1, ASTER and HyP3 companions land in sub-folders of the archive folder, each with a STAC
    catalog; the Landsat archive's outputs are the ones it has without them."""
    import json

    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    from timestack.core.hyp3.products import find_products

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    plain = processing.run(
        "timestack:samplearchive", {"VARIANT": 1, "OUTPUT_FOLDER": str(tmp_path / "sample")}, context=context
    )
    results = processing.run(
        "timestack:samplearchive",
        {"VARIANT": 1, "EXTRAS": [0, 1, 2], "OUTPUT_FOLDER": str(tmp_path / "sample")},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    for key in (
        "OUTPUT_FOLDER",
        "OUTPUT_ITEMS",
        "OUTPUT_GEOPARQUET",
        "OUTPUT_STANDS",
        "OUTPUT_DISTURBANCE_YEAR",
    ):
        assert results[key] == plain[key]
    assert "OUTPUT_SENTINEL1" not in plain
    root = tmp_path / "sample"
    assert results["OUTPUT_SENTINEL1"] == str(root / "sentinel-1-rtc" / "catalog" / "items.json")
    assert results["OUTPUT_ASTER"] == str(root / "aster" / "items.json")
    assert results["OUTPUT_HYP3"] == str(root / "hyp3" / "items.json")
    orbits = {
        item["properties"]["sat:orbit_state"]
        for item in json.loads((root / "sentinel-1-rtc" / "catalog" / "items.json").read_text())["features"]
    }
    assert orbits == {"ascending", "descending"}
    hyp3 = json.loads((root / "hyp3" / "items.json").read_text())["features"]
    kinds = [item["properties"]["hyp3:job_type"] for item in hyp3]
    assert kinds.count("RTC_GAMMA") == 4 and kinds.count("INSAR_GAMMA") == 1
    products = find_products([root / "hyp3" / "rtc"])
    assert len(products) == 4 and all(set(p.layers) >= {"VV", "VH"} for p in products)
    assert sorted(find_products([root / "hyp3" / "insar"])[0].layers) == ["amp", "corr", "unw_phase"]
    # a later run without companions reuses the archive and leaves them where they are
    again = processing.run(
        "timestack:samplearchive", {"VARIANT": 1, "OUTPUT_FOLDER": str(root)}, context=context
    )
    assert again["OUTPUT_ITEMS"] == plain["OUTPUT_ITEMS"] and (root / "aster" / "items.json").is_file()

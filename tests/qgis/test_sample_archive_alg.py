"""``timestack:samplearchive`` through Processing and through the dock's Sample data panel."""

import time

from qgis.core import QgsProject, QgsRasterLayer, QgsSingleBandPseudoColorRenderer, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication


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


def _wait_until(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the background task"
        QCoreApplication.processEvents()
        time.sleep(0.02)


def test_sample_panel_builds_in_the_background_and_adds_layers(provider, tmp_path, qgis_iface):
    from timestack.gui.sample_panel import SamplePanel

    QgsProject.instance().clear()
    panel = SamplePanel(qgis_iface)
    panel.variant.setCurrentIndex(1)
    panel.folder.setFilePath(str(tmp_path / "sample"))
    panel.build()
    assert not panel.run_button.isEnabled()
    _wait_until(panel.run_button.isEnabled, 180)
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

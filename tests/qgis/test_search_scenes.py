"""``timestack:searchscenes`` through ``processing.run``: footprints layer, ItemCollection, errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from tests.helpers.qt import preview_scene, wait_until
from tests.helpers.scenes import write_hls_granule
from tests.helpers.shared import STAC_FIXTURES
from tests.servers.faults import faulty_proxy
from tests.servers.pgstac import pgstac_api_fixture  # noqa: F401
from tests.servers.token_https import TOKEN, token_https_fixture  # noqa: F401

PARQUET = STAC_FIXTURES / "pc_sentinel-2-l2a_100items_13TDE_2024.parquet"


def run(tmp_path, **overrides):
    import processing

    parameters = {
        "CATALOG": str(PARQUET),
        "EXTENT": "-105.6,-105.0,39.7,40.5 [EPSG:4326]",
        "START_DATE": "2024-06-01",
        "END_DATE": "2024-09-30",
        "MAX_CLOUD": 20,
        "OUTPUT": str(tmp_path / "footprints.gpkg"),
        "OUTPUT_ITEMS": str(tmp_path / "items.json"),
    }
    parameters.update(overrides)
    return processing.run("timestack:searchscenes", parameters)


def expected_ids(start: str, end: str, max_cloud: float) -> set:
    rows = pq.read_table(PARQUET, columns=["id", "datetime", "eo:cloud_cover"]).to_pylist()
    return {
        r["id"]
        for r in rows
        if start <= r["datetime"].date().isoformat() <= end and r["eo:cloud_cover"] <= max_cloud
    }


def test_footprints_layer_and_item_collection_hold_the_matching_scenes(provider, tmp_path):
    result = run(tmp_path)
    layer = QgsVectorLayer(result["OUTPUT"], "footprints")
    assert layer.isValid() and layer.crs().authid() == "EPSG:4326"
    features = list(layer.getFeatures())
    ids = {f["id"] for f in features}
    assert ids == expected_ids("2024-06-01", "2024-09-30", 20) and ids
    assert all(f["cloud_cover"] <= 20 and f["collection"] == "sentinel-2-l2a" for f in features)
    assert all(f.geometry().area() > 0.1 for f in features), "footprints are the scene polygons"
    document = json.loads(Path(result["OUTPUT_ITEMS"]).read_text())
    assert document["type"] == "FeatureCollection"
    assert {f["id"] for f in document["features"]} == ids
    assert result["COUNT"] == len(ids)


def test_aoi_layer_in_utm_selects_like_the_same_extent_in_degrees(provider, tmp_path):
    aoi = QgsVectorLayer("Polygon?crs=EPSG:32613", "aoi", "memory")
    from qgis.core import QgsFeature, QgsGeometry

    feature = QgsFeature()
    feature.setGeometry(
        QgsGeometry.fromWkt(
            "POLYGON((480000 4420000, 500000 4420000, 500000 4440000, 480000 4440000, 480000 4420000))"
        )
    )
    aoi.dataProvider().addFeatures([feature])
    from_layer = run(tmp_path, AOI=aoi, EXTENT=None, OUTPUT_ITEMS=str(tmp_path / "a.json"))
    from_extent = run(
        tmp_path,
        EXTENT="480000,500000,4420000,4440000 [EPSG:32613]",
        OUTPUT_ITEMS=str(tmp_path / "b.json"),
        OUTPUT=str(tmp_path / "b.gpkg"),
    )
    ids = [json.loads(Path(r["OUTPUT_ITEMS"]).read_text())["features"] for r in (from_layer, from_extent)]
    assert [f["id"] for f in ids[0]] == [f["id"] for f in ids[1]] and ids[0]


def test_no_match_gives_an_empty_layer_and_an_empty_collection(provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    parameters = {
        "CATALOG": str(PARQUET),
        "EXTENT": "-105.6,-105.0,39.7,40.5 [EPSG:4326]",
        "START_DATE": "1999-01-01",
        "END_DATE": "1999-12-31",
        "OUTPUT": str(tmp_path / "footprints.gpkg"),
        "OUTPUT_ITEMS": str(tmp_path / "items.json"),
    }
    context = QgsProcessingContext()
    result = processing.run("timestack:searchscenes", parameters, context=context, feedback=feedback)
    assert "No scenes match: widen the dates" in feedback.textLog()
    assert context.layersToLoadOnCompletion() == {}, "no empty footprints layer in the project"
    layer = QgsVectorLayer(result["OUTPUT"], "footprints")
    assert layer.isValid() and layer.featureCount() == 0
    assert json.loads(Path(result["OUTPUT_ITEMS"]).read_text())["features"] == []


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"START_DATE": "2024-10-01"}, "END_DATE"),
        ({"EXTENT": None}, "EXTENT or as an AOI"),
        ({"COLLECTIONS": "landsat-c2-l2"}, "COLLECTIONS"),
        ({"CATALOG": "/nowhere/items.parquet"}, "CATALOG"),
    ],
)
def test_bad_input_fails_naming_the_parameter_and_writes_nothing(provider, tmp_path, overrides, message):
    with pytest.raises(QgsProcessingException, match=message):
        run(tmp_path, **overrides)
    assert not list(tmp_path.iterdir()), "nothing half-written"


@pytest.mark.parametrize("unwritable", ["OUTPUT", "OUTPUT_ITEMS"])
def test_an_unwritable_output_leaves_no_other_output(provider, tmp_path, unwritable):
    (tmp_path / "a-file").write_text("")
    with pytest.raises(QgsProcessingException, match=unwritable if unwritable == "OUTPUT_ITEMS" else ""):
        run(tmp_path, **{unwritable: str(tmp_path / "a-file" / "out")})
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


# --- the dock's Search panel ------------------------------------------------------------------


def wait_for(run, seconds: float = 60.0) -> None:
    """Let the task manager run the background task and deliver its result."""
    import time

    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while run.task.status() not in (run.task.Complete, run.task.Terminated) and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        QCoreApplication.processEvents()


@pytest.fixture(scope="module")
def sample_archive():
    from timestack.core.sample_archive import ensure_sample_archive

    return ensure_sample_archive(Path(__file__).resolve().parents[2] / "build" / "sample" / "small", "small")


@pytest.fixture
def panel(provider, qgis_iface, qgis_canvas):
    from qgis.core import QgsProject

    from timestack.gui.search_panel import SearchPanel

    widget = SearchPanel(qgis_iface)
    widget.resize(420, 780)
    yield widget
    QgsProject.instance().removeAllMapLayers()
    widget.deleteLater()


def set_area(panel, archive) -> None:
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle

    xmin, ymin, xmax, ymax = archive.bounds
    crs = QgsCoordinateReferenceSystem(archive.crs)
    panel.extent.setOutputCrs(crs)
    panel.extent.setOutputExtentFromUser(QgsRectangle(xmin, ymin, xmax, ymax), crs)


def test_panel_searches_in_the_background_and_lists_the_scenes(panel, sample_archive, tmp_path):
    from qgis.core import QgsDateTimeRange, QgsProject, QgsUnitTypes, QgsVectorLayerTemporalContext
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

    from timestack.core.search import SceneQuery, search_scenes
    from timestack.core.search.query import bbox_polygon

    panel.set_catalog(str(sample_archive.geoparquet))
    panel.load_collections()  # in the background: wait for the answer
    wait_until(lambda: panel.status.text() == "1 collections")
    assert [panel.collections.itemText(i) for i in range(panel.collections.count())] == ["landsat-c2-l2"]
    set_area(panel, sample_archive)
    panel.start.setDate(QDate(1990, 1, 1))
    panel.end.setDate(QDate(2030, 12, 31))
    panel.cloud.setValue(40)
    panel.search()
    wait_for(panel.run)

    expected = search_scenes(
        str(sample_archive.geoparquet),
        SceneQuery.create(
            bbox_polygon(sample_archive.bounds),
            "1990-01-01",
            "2030-12-31",
            aoi_crs=sample_archive.crs,
            max_cloud=40,
            collections=["landsat-c2-l2"],
            max_items=500,
        ),
    )
    assert panel.table.rowCount() == len(expected) > 0, panel.status.text()
    assert [panel.table.item(r, 4).text() for r in range(panel.table.rowCount())] == expected.ids
    footprints = [
        layer for layer in QgsProject.instance().mapLayers().values() if layer.type() == layer.VectorLayer
    ]
    assert len(footprints) == 1 and footprints[0].featureCount() == len(expected)
    # Scenes overlap, so footprints are outlines only: the rasters under them stay visible.
    symbol = footprints[0].renderer().symbol()
    assert symbol.color().alpha() == 0 and symbol.symbolLayer(0).strokeColor().alpha() == 255
    # Play in the Temporal Controller steps through the years of the scenes, one year a frame.
    temporal = footprints[0].temporalProperties()
    field = footprints[0].fields().field("datetime")
    assert field.type() == QVariant.DateTime, "a real date-time, not text"
    assert temporal.isActive() and temporal.mode() == temporal.ModeFeatureDateTimeInstantFromField
    assert temporal.startField() == "datetime"
    years = sorted(int(record["datetime"][:4]) for record in expected.records())
    time_settings = QgsProject.instance().timeSettings()
    assert time_settings.temporalRange().begin().date() == QDate(years[0], 1, 1)
    assert time_settings.temporalRange().end().date() == QDate(years[-1], 12, 31)
    assert time_settings.timeStep() == 1.0 and time_settings.timeStepUnit() == QgsUnitTypes.TemporalYears
    first_year = QgsDateTimeRange(
        QDateTime(QDate(years[0], 1, 1), QTime(0, 0)),
        QDateTime(QDate(years[0] + 1, 1, 1), QTime(0, 0)),
        True,
        False,
    )
    shown = temporal.createFilterString(QgsVectorLayerTemporalContext(), first_year)
    assert sum(1 for _ in footprints[0].getFeatures(shown)) == years.count(years[0])
    panel.grab().save(str(Path(__file__).resolve().parents[2] / "build" / "search_panel.png"))


def test_collections_of_an_unreadable_catalog_are_reported_not_raised(panel, tmp_path):
    panel.set_catalog(str(tmp_path / "missing.parquet"))
    panel.load_collections()
    wait_until(lambda: "CATALOG" in panel.status.text())
    assert panel.collections.count() == 0


def test_selected_scene_is_added_in_natural_colour(panel, sample_archive):
    import pystac
    from qgis.core import QgsMultiBandColorRenderer, QgsProject

    panel.items = list(pystac.ItemCollection.from_file(str(sample_archive.item_collection)))[:3]
    panel.show_items(panel.items)
    panel.table.selectRow(1)
    panel.add_selected_scene()  # opens the bands in the background
    wait_until(lambda: panel.preview_layer is not None)
    layer = panel.preview_layer
    assert layer.isValid() and layer.bandCount() == 3 and layer.id() in QgsProject.instance().mapLayers()
    assert isinstance(layer.renderer(), QgsMultiBandColorRenderer)
    assert (layer.renderer().redBand(), layer.renderer().greenBand(), layer.renderer().blueBand()) == (
        1,
        2,
        3,
    )
    red = layer.renderer().redContrastEnhancement()
    assert red.minimumValue() < red.maximumValue(), "a stretch computed from the data"
    assert layer.name() == panel.items[1].id
    assert layer.source().endswith(f"{panel.items[1].id}_rgb.vrt")


def test_a_search_that_finds_nothing_says_so_and_adds_no_layer(panel, sample_archive):
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QDate

    panel.set_catalog(str(sample_archive.geoparquet))
    set_area(panel, sample_archive)
    panel.start.setDate(QDate(1990, 1, 1))
    panel.end.setDate(QDate(1990, 12, 31))  # before the archive's first scene
    panel.search()
    wait_for(panel.run)
    assert "No scenes match" in panel.status.text()
    assert panel.table.rowCount() == 0 and panel.progress.value() == 0
    assert QgsProject.instance().mapLayers() == {}


def test_panel_reports_a_failed_search(panel, sample_archive):
    panel.set_catalog(str(sample_archive.geoparquet))
    set_area(panel, sample_archive)
    panel.collections.setEditText("no-such-collection")
    panel.search()
    wait_for(panel.run)
    assert "failed" in panel.status.text() and panel.table.rowCount() == 0
    assert "COLLECTIONS" in panel.status.text(), "the reason names the parameter"
    assert panel.run_button.isEnabled()


def test_dock_hands_the_found_scenes_to_the_composite_panel(provider, qgis_iface, sample_archive):
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QDate

    from timestack.gui.composite_panel import CompositePanel
    from timestack.gui.dock import TimestackDock
    from timestack.gui.search_panel import SearchPanel

    dock = TimestackDock(qgis_iface)
    try:
        search, composite = dock.panel(SearchPanel), dock.panel(CompositePanel)
        search.set_catalog(str(sample_archive.geoparquet))
        set_area(search, sample_archive)
        search.start.setDate(QDate(1995, 1, 1))
        search.end.setDate(QDate(2005, 12, 31))
        search.doy_start.setValue(152)
        search.doy_end.setValue(273)
        search.search()
        search.start.setDate(QDate(2010, 1, 1))  # edited while the search runs: not what was searched
        search.doy_start.setValue(1)
        wait_for(search.run)
        assert search.items, search.status.text()
        parameters = composite.parameters()
        assert parameters["ITEMS"] == search.run.results["OUTPUT_ITEMS"]
        assert (parameters["START_YEAR"], parameters["END_YEAR"]) == (1995, 2005)
        assert (parameters["DOY_START"], parameters["DOY_END"]) == (152, 273)
        assert parameters["EXTENT"] == search.run.parameters["EXTENT"], "only the area searched"
        composite.only_search_area.setChecked(False)
        assert "EXTENT" not in composite.parameters()
    finally:
        QgsProject.instance().removeAllMapLayers()
        dock.deleteLater()


@pytest.fixture()
def earthdata_authcfg(store_login):
    """An Earthdata username and password."""
    return store_login("ana", "s3cret-pw")


def test_earthdata_login_comes_from_the_auth_database(provider, tmp_path, monkeypatch, earthdata_authcfg):
    import socket

    import processing
    from qgis.core import QgsProcessingFeedback

    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{port}")  # Earthdata Login is out of reach
    monkeypatch.delenv("NO_PROXY", raising=False)
    feedback = QgsProcessingFeedback()
    with pytest.raises(QgsProcessingException, match="AUTHCFG: Earthdata Login refused") as error:
        processing.run(
            "timestack:searchscenes",
            {"CATALOG": "earthdata", "COLLECTIONS": "HLSL30", "EXTENT": "1,2,3,4 [EPSG:4326]",
             "START_DATE": "2024-01-01", "END_DATE": "2024-01-31", "AUTHCFG": earthdata_authcfg,
             "TIMEOUT": 20, "OUTPUT": str(tmp_path / "f.gpkg"), "OUTPUT_ITEMS": str(tmp_path / "i.json")},
            feedback=feedback,
        )  # fmt: skip
    assert "s3cret-pw" not in str(error.value) + feedback.textLog()
    assert not list(tmp_path.iterdir())


def test_an_unknown_authentication_configuration_is_named(provider, tmp_path, earthdata_authcfg):
    with pytest.raises(QgsProcessingException, match="AUTHCFG: there is no authentication .* 'x1'"):
        run(tmp_path, CATALOG="earthdata", COLLECTIONS="HLSL30", AUTHCFG="x1")


@pytest.fixture()
def earthdata_token_authcfg(store_login):
    """An Earthdata user token (empty username)."""
    return store_login("", TOKEN)


def test_panel_previews_earthdata_granules_with_the_login_from_the_auth_database(
    panel, earthdata_token_authcfg, token_https
):
    import pystac

    panel.catalog.setCurrentIndex(panel.catalog.findData("earthdata"))
    assert panel.login.isVisibleTo(panel)
    panel.login.setConfigId(earthdata_token_authcfg)
    assert panel.parameters()["AUTHCFG"] == earthdata_token_authcfg
    granule = write_hls_granule(token_https.folder, "HLSS30", "HLS.S30.T10TEK.2024150", "2024-05-29", "S2A")
    item = pystac.Item(granule["id"], None, None, dt.datetime(2024, 5, 29), {}, collection="HLSS30")
    for key in ("B04", "B03", "B02"):  # what granule_to_item names an HLS granule's red, green, blue
        item.add_asset(key, pystac.Asset(token_https.href(granule["assets"][key]["href"])))
    layer = preview_scene(panel, [item])
    assert not layer.source().startswith("/vsicurl/"), "QGIS draws a local copy, never with the token"
    assert layer.bandCount() == 3 and TOKEN not in panel.status.text()
    assert {header for _, header in token_https.requests} == {f"Bearer {TOKEN}"}
    panel.catalog.setCurrentIndex(0)
    assert not panel.login.isVisibleTo(panel) and "AUTHCFG" not in panel.parameters()


def test_a_stac_api_login_comes_from_the_auth_database_as_a_header(
    provider, tmp_path, pgstac_api, store_login
):
    collections = {"COLLECTIONS": "sentinel-2-l2a", "MAX_CLOUD": 100}
    direct = run(tmp_path / "direct", CATALOG=pgstac_api.url, **collections)
    expected = json.loads(Path(direct["OUTPUT_ITEMS"]).read_text())["features"]
    assert expected
    token = store_login("", "api-t0ken-s3cret")
    with faulty_proxy(pgstac_api.url, required={"Authorization": "Bearer api-t0ken-s3cret"}) as (url, _):
        result = run(tmp_path / "login", CATALOG=url, AUTHCFG=token, **collections)
        found = json.loads(Path(result["OUTPUT_ITEMS"]).read_text())["features"]
        assert [item["id"] for item in found] == [item["id"] for item in expected]
        with pytest.raises(QgsProcessingException, match="401") as refused:
            run(tmp_path / "no-login", CATALOG=url, **collections)
        assert "s3cret" not in str(refused.value)


def test_radar_filters_and_fields_in_the_footprints_layer(provider, tmp_path):
    from tests.helpers.sentinel1 import catalog_items, write_items

    catalog = write_items(tmp_path / "s1.json", catalog_items())
    result = run(
        tmp_path, CATALOG=str(catalog), EXTENT="5.2,5.5,51.9,52.1 [EPSG:4326]", START_DATE="2023-06-01",
        END_DATE="2023-07-31", MAX_CLOUD=10, ORBIT_DIRECTION=1, RELATIVE_ORBIT="88", POLARIZATIONS="VV,VH",
    )  # fmt: skip
    expected = {
        item["id"]
        for item in catalog_items()
        if item["properties"]["sat:relative_orbit"] == 88
        and {"VV", "VH"} <= set(item["properties"]["sar:polarizations"])
    }
    features = list(QgsVectorLayer(result["OUTPUT"], "footprints").getFeatures())
    assert {f["id"] for f in features} == expected and expected
    assert {
        (f["orbit_state"], f["relative_orbit"], f["polarizations"], f["instrument_mode"]) for f in features
    } == {("ascending", 88, "VV,VH", "IW")}


@pytest.mark.parametrize(
    "overrides, parameter",
    [({"RELATIVE_ORBIT": "200"}, "RELATIVE_ORBIT"), ({"POLARIZATIONS": "XX"}, "POLARIZATIONS")],
)
def test_bad_radar_filters_name_their_parameter(provider, tmp_path, overrides, parameter):
    with pytest.raises(QgsProcessingException, match=parameter):
        run(tmp_path, **overrides)
    assert not (tmp_path / "items.json").exists()


def test_panel_sends_the_radar_filters_only_when_set(panel):
    assert not {"ORBIT_DIRECTION", "RELATIVE_ORBIT", "POLARIZATIONS"} & set(panel.parameters())
    panel.orbit_direction.setCurrentIndex(2)
    panel.relative_orbits.setText("37, 88")
    panel.polarizations.setText("VV")
    chosen = panel.parameters()
    assert (chosen["ORBIT_DIRECTION"], chosen["RELATIVE_ORBIT"], chosen["POLARIZATIONS"]) == (
        2,
        "37, 88",
        "VV",
    )
    assert panel.radar.isCollapsed(), "radar filters stay folded away until opened"

"""``timestack:searchscenes`` through ``qgis_process`` against a STAC API that filters by area and time
as real ones do (tests/servers/odd_stac.py): areas across the antimeridian, around a pole, tiny and
whole-world, in other CRSs; one-day and far-off date ranges; catalogs paging badly or answering
duplicate ids and items without geometry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.zonal import write_polygons
from tests.servers.odd_stac import odd_stac_api


def _item(item_id: str, west: float, south: float, east: float, north: float, when="2021-07-01", **extra):
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    properties = {"datetime": f"{when}T10:00:00Z", "eo:cloud_cover": extra.pop("cloud", 10.0)}
    item = {
        "type": "Feature", "stac_version": "1.0.0", "id": item_id, "collection": "landsat-c2-l2",
        "geometry": {"type": "Polygon", "coordinates": [ring]}, "bbox": [west, south, east, north],
        "properties": properties, "links": [],
        "assets": {"red": {"href": f"https://example.com/{item_id}_B4.TIF"}},
    }  # fmt: skip
    item.update(extra)
    return item


def _search(qgis_process, tmp_path: Path, url: str, *arguments: str, check: bool = True):
    given = dict(
        argument.split("=", 1) for argument in ("START_DATE=2021-01-01", "END_DATE=2021-12-31", *arguments)
    )
    done = qgis_process(
        "run", "timestack:searchscenes", "--", f"CATALOG={url}", *(f"{k}={v}" for k, v in given.items()),
        f"OUTPUT={tmp_path / 'footprints.gpkg'}", f"OUTPUT_ITEMS={tmp_path / 'items.json'}",
        json_output=False, check=check, timeout=120,
    )  # fmt: skip
    return done


def _found(tmp_path: Path) -> list:
    return [feature["id"] for feature in json.loads((tmp_path / "items.json").read_text())["features"]]


@pytest.fixture()
def catalog():
    with odd_stac_api() as api:
        api.items = [
            _item("fiji_west", 178.5, -17.5, 179.9, -16.5),  # both sides of 180° near Fiji
            _item("fiji_east", -179.9, -17.5, -178.8, -16.5),
            _item("samoa", -172.8, -14.1, -171.4, -13.4),  # east of the area, past the antimeridian
            _item("greenwich", -0.5, 51.0, 0.5, 52.0),
            _item("north_pole", -180.0, 88.0, 180.0, 90.0),
            _item("svalbard", 10.0, 78.0, 20.0, 80.0),
            _item("south_pole", -180.0, -90.0, 180.0, -88.0),
        ]
        yield api


def test_an_extent_across_the_antimeridian_in_utm_finds_the_scenes_on_both_sides_only(
    qgis_process, tmp_path, catalog
):
    # UTM 60S (central meridian 177°E): x 700-900 km reaches from about 178.9°E to 179.2°W near 17°S
    _search(qgis_process, tmp_path, catalog.url, "EXTENT=700000,900000,8060000,8140000 [EPSG:32760]")
    assert sorted(_found(tmp_path)) == ["fiji_east", "fiji_west"]


def test_an_area_around_the_north_pole_in_polar_stereographic_finds_the_polar_scene_only(
    qgis_process, tmp_path, catalog
):
    # NSIDC sea-ice polar stereographic north: 150 km around the pole is north of about 88.6°N
    square = "POLYGON((-150000 -150000, 150000 -150000, 150000 150000, -150000 150000, -150000 -150000))"
    aoi = write_polygons(tmp_path / "pole.gpkg", [(1, square)], epsg=3413)
    _search(qgis_process, tmp_path, catalog.url, f"AOI={aoi}")
    assert _found(tmp_path) == ["north_pole"]


def test_a_one_metre_area_and_the_whole_world_in_web_mercator(qgis_process, tmp_path, catalog):
    greenwich = "EXTENT=0,1,6800000,6800001 [EPSG:3857]"  # a metre at 51.9°N on the Greenwich meridian
    _search(qgis_process, tmp_path, catalog.url, greenwich)
    assert _found(tmp_path) == ["greenwich"]
    world = "EXTENT=-20037508.34,20037508.34,-20048966.1,20048966.1 [EPSG:3857]"
    _search(qgis_process, tmp_path, catalog.url, world)
    assert sorted(_found(tmp_path)) == ["fiji_east", "fiji_west", "greenwich", "samoa", "svalbard"]  # to 85°


GREENWICH = "EXTENT=-1,1,50,53 [EPSG:4326]"


def test_one_day_far_past_and_far_future_ranges_and_cloud_limits_of_0_and_100(qgis_process, tmp_path):
    with odd_stac_api() as api:
        api.items = [
            _item("clear_morning", -0.5, 51, 0.5, 52, when="2021-07-01", cloud=0.0),
            _item("cloudy_same_day", -0.5, 51, 0.5, 52, when="2021-07-01", cloud=100.0),
            _item("next_day", -0.5, 51, 0.5, 52, when="2021-07-02", cloud=5.0),
        ]
        one_day = ["START_DATE=2021-07-01", "END_DATE=2021-07-01"]
        _search(qgis_process, tmp_path, api.url, GREENWICH, *one_day)
        assert sorted(_found(tmp_path)) == ["clear_morning", "cloudy_same_day"]
        _search(qgis_process, tmp_path, api.url, GREENWICH, *one_day, "MAX_CLOUD=0")
        assert _found(tmp_path) == ["clear_morning"]
        _search(qgis_process, tmp_path, api.url, GREENWICH, "MAX_CLOUD=100")
        assert len(_found(tmp_path)) == 3
        for start, end in (("1800-01-01", "1850-12-31"), ("2300-01-01", "2300-12-31")):
            dates = f"START_DATE={start}", f"END_DATE={end}"
            done = _search(qgis_process, tmp_path, api.url, GREENWICH, *dates)
            assert _found(tmp_path) == [] and "No scenes match" in done.stderr + done.stdout


def test_duplicate_ids_items_without_geometry_and_many_pages(qgis_process, tmp_path):
    with odd_stac_api() as api:
        api.page_size = 3
        days = range(1, 26)
        api.items = [_item(f"scene_{n:02d}", -0.5, 51, 0.5, 52, when=f"2021-07-{n:02d}") for n in days]
        api.items += [_item("scene_05", -0.5, 51, 0.5, 52, when="2021-07-05")]  # listed twice
        api.items += [_item("no_geometry", -0.5, 51, 0.5, 52, when="2021-07-31", geometry=None, bbox=None)]
        _search(qgis_process, tmp_path, api.url, GREENWICH)
        assert _found(tmp_path) == [f"scene_{n:02d}" for n in range(1, 26)] + ["no_geometry"]
        assert len(api.searches) == 9  # 27 matches in pages of 3


def test_a_catalog_whose_pages_never_end_stops_with_what_it_sent(qgis_process, tmp_path):
    """A paging token that never advances: the same page links to itself forever. The search stopped
    only when cancelled (qgis_process ran until killed, gathering the page again and again)."""
    with odd_stac_api() as api:
        api.endless = True
        api.items = [_item(f"scene_{n}", -0.5, 51, 0.5, 52) for n in range(4)]
        done = _search(qgis_process, tmp_path, api.url, GREENWICH)
        assert sorted(_found(tmp_path)) == [f"scene_{n}" for n in range(4)]
        assert "repeat" in done.stdout + done.stderr
        assert len(api.searches) < 10


def test_an_aoi_with_heights_or_curved_edges_finds_its_scenes(qgis_process, tmp_path, catalog):
    """Polygons with z (a GPS track's or a KML's outline) or with arcs (a GeoPackage's curve polygons)
    were refused as 'AOI is not a readable polygon': their WKT (PolygonZ, CurvePolygon) is QGIS's,
    not one the search reads."""
    from osgeo import ogr, osr

    ring = [[-0.2, 51.4, 35.0], [0.2, 51.4, 36.5], [0.2, 51.6, 40.0], [-0.2, 51.6, 38.0], [-0.2, 51.4, 35.0]]
    heights = tmp_path / "outline.geojson"
    heights.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": 1}, "geometry": {"type": "Polygon", "coordinates": [ring]}}
    ]}))  # fmt: skip
    _search(qgis_process, tmp_path, catalog.url, f"AOI={heights}")
    assert _found(tmp_path) == ["greenwich"]

    curved = tmp_path / "curved.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(curved))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = source.CreateLayer("stand", srs, ogr.wkbCurvePolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    arc = "CIRCULARSTRING(178.6 -17.0, 179.2 -16.6, 179.8 -17.0), (179.8 -17.0, 178.6 -17.0)"
    arc = f"CURVEPOLYGON(COMPOUNDCURVE({arc}))"
    feature.SetGeometry(ogr.CreateGeometryFromWkt(arc))
    layer.CreateFeature(feature)
    source = None
    _search(qgis_process, tmp_path, catalog.url, f"AOI={curved}")
    assert _found(tmp_path) == ["fiji_west"]


def test_a_busy_catalog_is_retried_and_a_silent_one_is_reported_by_name_with_nothing_written(
    qgis_process, tmp_path
):
    from tests.servers.faults import faulty_proxy

    with odd_stac_api() as api:
        api.items = [_item("greenwich", -0.5, 51.0, 0.5, 52.0)]
        with faulty_proxy(api.url) as (url, faults):
            faults.plan("/search", "503", "429")  # busy twice, then answers
            _search(qgis_process, tmp_path, url, GREENWICH)
            assert _found(tmp_path) == ["greenwich"] and faults.count("/search", "ok") == 1
            (tmp_path / "items.json").unlink()
            (tmp_path / "footprints.gpkg").unlink()
            faults.plan("/search", "stall", forever=True)
            done = _search(qgis_process, tmp_path, url, GREENWICH, "TIMEOUT=1", check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"CATALOG {url} did not answer within 1 s" in done.stderr, done.stderr[-2000:]
    assert not (tmp_path / "items.json").exists() and not (tmp_path / "footprints.gpkg").exists()

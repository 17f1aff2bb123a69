"""``timestack:searchscenes`` from the command line (qgis_process), on a local catalog and a live STAC API."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import shapely.wkb
import shapely.wkt
from pystac_client import Client
from rasterio.warp import transform_geom
from shapely.geometry import Polygon, box, mapping, shape
from shapely.ops import unary_union

from tests.helpers.shared import STAC_FIXTURES
from tests.helpers.zonal import transformed_wkt, write_polygons
from tests.servers.pgstac import pgstac_api_fixture  # noqa: F401

PARQUET = STAC_FIXTURES / "pc_sentinel-2-l2a_100items_13TDE_2024.parquet"


def test_qgis_process_describes_the_contract_parameters(qgis_process):
    described = qgis_process("help", "timestack:searchscenes")
    contract = {
        "CATALOG",
        "COLLECTIONS",
        "EXTENT",
        "AOI",
        "START_DATE",
        "END_DATE",
        "DOY_START",
        "DOY_END",
        "MAX_CLOUD",
        "EXCLUDE",
        "MAX_ITEMS",
    }
    assert contract <= set(described["parameters"])
    assert {"OUTPUT", "OUTPUT_ITEMS"} <= set(described["outputs"])


def test_qgis_process_searches_a_geoparquet_catalog(qgis_process, tmp_path):
    answer = qgis_process(
        "run",
        "timestack:searchscenes",
        "--",
        f"CATALOG={PARQUET}",
        "EXTENT=-105.6,-105.0,39.7,40.5 [EPSG:4326]",
        "START_DATE=2024-06-01",
        "END_DATE=2024-09-30",
        "MAX_CLOUD=20",
        f"OUTPUT={tmp_path / 'f.gpkg'}",
        f"OUTPUT_ITEMS={tmp_path / 'items.json'}",
    )
    rows = pq.read_table(PARQUET, columns=["id", "datetime", "eo:cloud_cover"]).to_pylist()
    expected = {
        r["id"]
        for r in rows
        if "2024-06-01" <= r["datetime"].date().isoformat() <= "2024-09-30" and r["eo:cloud_cover"] <= 20
    }
    found = json.loads((tmp_path / "items.json").read_text())["features"]
    assert {f["id"] for f in found} == expected and expected
    assert answer["results"]["COUNT"] == len(expected)
    assert (tmp_path / "f.gpkg").is_file()


def test_qgis_process_searches_a_live_stac_api_like_pystac_client(qgis_process, pgstac_api, tmp_path):
    answer = qgis_process(
        "run",
        "timestack:searchscenes",
        "--",
        f"CATALOG={pgstac_api.url}",
        "COLLECTIONS=landsat-c2-l2",
        "EXTENT=-180,180,-90,90 [EPSG:4326]",
        "START_DATE=2020-01-01",
        "END_DATE=2025-12-31",
        "MAX_CLOUD=30",
        f"OUTPUT={tmp_path / 'f.gpkg'}",
        f"OUTPUT_ITEMS={tmp_path / 'items.json'}",
    )
    direct = Client.open(pgstac_api.url).search(
        collections=["landsat-c2-l2"],
        bbox=[-180, -90, 180, 90],
        datetime="2020-01-01/2025-12-31",
        filter={"op": "<=", "args": [{"property": "eo:cloud_cover"}, 30]},
        filter_lang="cql2-json",
    )
    expected = {item.id for item in direct.items()}
    found = json.loads((tmp_path / "items.json").read_text())["features"]
    assert {f["id"] for f in found} == expected and expected
    assert answer["results"]["COUNT"] == len(expected)


def test_qgis_process_reports_a_bad_date_range_and_exits_non_zero(qgis_process, tmp_path):
    done = qgis_process(
        "run",
        "timestack:searchscenes",
        "--",
        f"CATALOG={PARQUET}",
        "EXTENT=-105.6,-105.0,39.7,40.5 [EPSG:4326]",
        "START_DATE=2024-09-30",
        "END_DATE=2024-06-01",
        f"OUTPUT={tmp_path / 'f.gpkg'}",
        f"OUTPUT_ITEMS={tmp_path / 'items.json'}",
        json_output=False,
        check=False,
    )
    assert done.returncode != 0
    assert "END_DATE" in done.stdout + done.stderr
    assert not (tmp_path / "items.json").exists()


def test_qgis_process_searches_with_a_concave_multipart_aoi_in_another_crs(qgis_process, tmp_path):
    """An L-shaped stand boundary plus a star-shaped part, in web mercator, as a shapefile.

    The L's bounding box reaches the partial swaths in the tile's east; the L itself does not. So
    the answer tells a search by the polygons (what a user drew) from a search by their bounding box.
    """
    ell = [(-106.1, 39.75), (-106.05, 39.75), (-106.05, 40.55), (-105.15, 40.55), (-105.15, 40.6)]
    ell += [(-106.1, 40.6)]
    star = [(-105.9, 39.9), (-105.85, 40), (-105.9, 40.1), (-105.8, 40.05), (-105.7, 40.1), (-105.75, 40)]
    star += [(-105.7, 39.9), (-105.8, 39.95)]
    ell, star = (Polygon(ring).wkt for ring in (ell, star))
    parts = [(1, transformed_wkt(ell, 4326, 3857)), (2, transformed_wkt(star, 4326, 3857))]
    aoi = write_polygons(tmp_path / "aoi.shp", parts, epsg=3857, id_field="part")
    qgis_process(
        "run",
        "timestack:searchscenes",
        "--",
        f"CATALOG={PARQUET}",
        f"AOI={aoi}",
        "START_DATE=2024-01-01",
        "END_DATE=2024-12-31",
        f"OUTPUT={tmp_path / 'f.gpkg'}",
        f"OUTPUT_ITEMS={tmp_path / 'items.json'}",
    )
    drawn = unary_union([shapely.wkt.loads(wkt) for _, wkt in parts])
    area = shape(transform_geom("EPSG:3857", "EPSG:4326", mapping(drawn)))
    rows = pq.read_table(PARQUET, columns=["id", "geometry"]).to_pylist()
    footprints = {r["id"]: shapely.wkb.loads(r["geometry"]) for r in rows}
    expected = {name for name, footprint in footprints.items() if footprint.intersects(area)}
    in_bbox = {name for name, footprint in footprints.items() if footprint.intersects(box(*area.bounds))}
    found = {f["id"] for f in json.loads((tmp_path / "items.json").read_text())["features"]}
    assert found == expected
    assert expected and expected < in_bbox  # the case tells polygons from their bounding box


def test_qgis_process_searches_with_a_self_intersecting_aoi_as_its_two_lobes(qgis_process, tmp_path):
    """A bow-tie outline (its edges cross), in UTM: its lobes' areas cancel out unless it is repaired."""
    from shapely.validation import make_valid

    bowtie = "POLYGON((440000 4400000, 490000 4450000, 490000 4400000, 440000 4450000, 440000 4400000))"
    aoi = write_polygons(tmp_path / "aoi.gpkg", [(1, bowtie)], epsg=32613)
    qgis_process(
        "run", "timestack:searchscenes", "--", f"CATALOG={PARQUET}", f"AOI={aoi}", "START_DATE=2024-01-01",
        "END_DATE=2024-12-31", f"OUTPUT={tmp_path / 'f.gpkg'}", f"OUTPUT_ITEMS={tmp_path / 'items.json'}",
    )  # fmt: skip
    area = shape(transform_geom("EPSG:32613", "EPSG:4326", mapping(make_valid(shapely.wkt.loads(bowtie)))))
    rows = pq.read_table(PARQUET, columns=["id", "geometry"]).to_pylist()
    expected = {r["id"] for r in rows if shapely.wkb.loads(r["geometry"]).intersects(area)}
    found = {f["id"] for f in json.loads((tmp_path / "items.json").read_text())["features"]}
    assert found == expected and expected

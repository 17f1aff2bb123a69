"""Sentinel-1 scenes in search: orbit direction, relative orbit and polarisation filters, the radar
fields of the footprints, and the cloud limit that keeps SAR scenes (which have no cloud cover).

Items are Planetary Computer ``sentinel-1-rtc`` items (tests/helpers/sentinel1.py), served by the real
stac-fastapi-pgstac on loopback and read from a local ItemCollection; expectations are computed from
the items' own properties."""

from __future__ import annotations

import pytest
from pystac_client import Client

from tests.helpers.sentinel1 import CATALOG_AOI, catalog_items, write_items
from tests.servers.pgstac import PAGE_LIMIT, pgstac_api_fixture  # noqa: F401
from timestack.core.search import SceneQuery, SearchError, search_scenes
from timestack.core.search.query import is_radar_collection
from timestack.core.search.stac_api import cql2_clauses, query_extension_fields, search_stac_api


def expected_ids(**wanted) -> set:
    """Ids of the catalog items whose properties match, computed from the items themselves."""
    found = set()
    for item in catalog_items():
        p = item["properties"]
        if "direction" in wanted and p["sat:orbit_state"] != wanted["direction"]:
            continue
        if "orbits" in wanted and p["sat:relative_orbit"] not in wanted["orbits"]:
            continue
        if "pols" in wanted and not set(wanted["pols"]) <= set(p["sar:polarizations"]):
            continue
        found.add(item["id"])
    return found


def query(**options):
    return SceneQuery.create(CATALOG_AOI, "2023-06-01", "2023-07-31", **options)


# --- query -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "options, parameter",
    [
        ({"orbit_direction": "sideways"}, "ORBIT_DIRECTION"),
        ({"relative_orbits": ["0"]}, "RELATIVE_ORBIT"),
        ({"relative_orbits": ["176"]}, "RELATIVE_ORBIT"),
        ({"relative_orbits": ["44b"]}, "RELATIVE_ORBIT"),
        ({"polarizations": ["VX"]}, "POLARIZATIONS"),
    ],
)
def test_unusable_radar_filters_name_their_parameter(options, parameter):
    with pytest.raises(SearchError) as error:
        query(**options)
    assert error.value.parameter == parameter


def test_radar_filters_are_normalised():
    made = query(orbit_direction="Ascending", relative_orbits=["88", 37, "88"], polarizations=["vv", "VH"])
    assert made.orbit_direction == "ascending"
    assert made.relative_orbits == (88, 37)
    assert made.polarizations == ("VV", "VH")
    assert query(orbit_direction="any").orbit_direction is None


def test_cloud_limit_keeps_sar_scenes_without_cloud_cover_and_drops_optical_ones():
    limited = query(max_cloud=20)
    sar = {"sar:instrument_mode": "IW"}
    assert limited.accepts("s1", None, None, "sentinel-1a", "sentinel-1-rtc", sar)
    assert not limited.accepts("l8", None, None, "landsat-8", "landsat-c2-l2", {})
    assert not limited.accepts("l8", None, 35.0, "landsat-8", "landsat-c2-l2", {})


def test_server_side_cloud_filter_lets_missing_cloud_cover_through_when_sar_may_answer():
    optical = query(max_cloud=20, collections=["landsat-c2-l2"])
    assert cql2_clauses(optical) == [{"op": "<=", "args": [{"property": "eo:cloud_cover"}, 20.0]}]
    assert query_extension_fields(optical) == {"eo:cloud_cover": {"lte": 20.0}}
    for mixed in (query(max_cloud=20), query(max_cloud=20, collections=["landsat-c2-l2", "sentinel-1-rtc"])):
        assert cql2_clauses(mixed)[0]["op"] == "or"
        assert "eo:cloud_cover" not in query_extension_fields(mixed)
    assert is_radar_collection("sentinel-1-grd") and not is_radar_collection("sentinel-2-l2a")


# --- local catalog -----------------------------------------------------------------------------


@pytest.fixture
def local_catalog(tmp_path):
    return str(write_items(tmp_path / "s1.json", catalog_items()))


@pytest.mark.parametrize(
    "options, wanted",
    [
        ({}, {}),
        ({"orbit_direction": "ascending"}, {"direction": "ascending"}),
        ({"orbit_direction": "descending"}, {"direction": "descending"}),
        ({"relative_orbits": [88, 161]}, {"orbits": (88, 161)}),
        ({"polarizations": ["VV", "VH"]}, {"pols": ("VV", "VH")}),
        ({"polarizations": ["HV"]}, {"pols": ("HV",)}),
        (
            {"orbit_direction": "ascending", "relative_orbits": [88], "polarizations": ["VH"]},
            {"direction": "ascending", "orbits": (88,), "pols": ("VH",)},
        ),
    ],
)
def test_local_catalog_applies_the_radar_filters(local_catalog, options, wanted):
    found = search_scenes(local_catalog, query(max_cloud=10, **options))
    assert set(found.ids) == expected_ids(**wanted)
    assert found.ids, "every case must find something"


def test_footprint_records_carry_orbit_track_polarisations_and_mode(local_catalog):
    found = search_scenes(local_catalog, query())
    by_id = {item["id"]: item["properties"] for item in catalog_items()}
    for record in found.records():
        properties = by_id[record["id"]]
        assert record["orbit_state"] == properties["sat:orbit_state"]
        assert record["relative_orbit"] == properties["sat:relative_orbit"]
        assert record["polarizations"] == ",".join(properties["sar:polarizations"])
        assert record["instrument_mode"] == "IW"
        assert record["cloud_cover"] is None


# --- a real STAC API ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "options, wanted",
    [
        ({"orbit_direction": "descending"}, {"direction": "descending"}),
        ({"relative_orbits": [88]}, {"orbits": (88,)}),
        (
            {"orbit_direction": "ascending", "polarizations": ["VV", "VH"]},
            {"direction": "ascending", "pols": ("VV", "VH")},
        ),
    ],
)  # fmt: skip
def test_stac_api_applies_the_radar_filters_with_a_cloud_limit(pgstac_api, options, wanted):
    found = search_stac_api(
        pgstac_api.url, query(collections=["sentinel-1-rtc"], max_cloud=30, **options), page_size=PAGE_LIMIT
    )
    assert set(found.ids) == expected_ids(**wanted)


def test_stac_api_server_filter_equals_pystac_clients_own_search(pgstac_api):
    """The orbit filters go to the server (CQL2): its answer alone already matches."""
    made = query(collections=["sentinel-1-rtc"], orbit_direction="ascending", relative_orbits=[161])
    direct = Client.open(pgstac_api.url).search(
        collections=["sentinel-1-rtc"], intersects=CATALOG_AOI, datetime="2023-06-01/2023-07-31",
        filter={"op": "and", "args": cql2_clauses(made)}, filter_lang="cql2-json",
    )  # fmt: skip
    direct_ids = {item.id for item in direct.items()}
    assert direct_ids == expected_ids(direction="ascending", orbits=(161,)) and len(direct_ids) == 2
    assert set(search_stac_api(pgstac_api.url, made).ids) == direct_ids


def test_stac_api_cloud_limit_without_collections_keeps_sar_scenes(pgstac_api):
    found = search_stac_api(pgstac_api.url, query(max_cloud=5))
    assert set(found.ids) == expected_ids()


def test_the_servers_own_answer_to_the_cloud_clause_keeps_the_sar_scenes(pgstac_api):
    """The clause alone (no client-side filter) lets SAR scenes through: pgstac understands it."""
    made = query(max_cloud=5)
    direct = Client.open(pgstac_api.url).search(
        intersects=CATALOG_AOI, datetime="2023-06-01/2023-07-31", filter=cql2_clauses(made)[0],
        filter_lang="cql2-json",
    )  # fmt: skip
    assert {item.id for item in direct.items()} == expected_ids()

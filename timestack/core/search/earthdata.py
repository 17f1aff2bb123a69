"""Search NASA Earthdata (CMR) with earthaccess, returning granules as STAC Items.

Collections are CMR short names (``HLSL30``, ``HLSS30``, ``AST_L1T``...). The AOI goes to CMR as a
``bounding_box`` (its WGS84 bounds; the exact polygon is re-checked here), the dates as ``temporal``
(earthaccess extends a date-only end to 23:59:59), the cloud limit as ``cloud_cover=(0, max)``.
Searching CMR is anonymous unless a login is given (then restricted collections are searched too);
reading the granules needs an Earthdata Login. Timestack keeps it in a QGIS authentication configuration
(never in plain settings): the caller reads it and passes an :class:`EarthdataLogin`, which is turned into
a bearer token for CMR and for GDAL's reads of the granules (:func:`bearer_header`).
Granule UMM-G fields used: GranuleUR, TemporalExtent, SpatialExtent (GPolygons, BoundingRectangles),
CloudCover, Platforms, CollectionReference (https://cdn.earthdata.nasa.gov/umm/granule/).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Callable, Optional
from urllib.parse import urlparse

import pystac
from shapely.geometry import MultiPolygon, Polygon, box, mapping, shape
from shapely.ops import unary_union

from ..runtime import QT_TRANSLATE_NOOP, Cancelled, IsCancelled, Message, Progress, missing_package
from .query import SceneQuery, SearchError
from .scene import SearchResult, select_scenes


@dataclass(frozen=True)
class EarthdataLogin:
    """An Earthdata Login: username and password, or an empty username and a user token as password
    (Earthdata Login's "Generate Token"). The secret never appears in a repr, log or message."""

    username: str
    password: str = field(repr=False)


def earthdata_auth(login: EarthdataLogin, timeout: float = 30.0):
    """An authenticated ``earthaccess.Auth`` for ``login``; errors name AUTHCFG and never the secret.

    earthaccess offers credentials only from the environment, a .netrc file or a prompt; its credential
    step is called directly so the password touches neither the environment nor a file.
    """
    try:
        import earthaccess
        from earthaccess.exceptions import LoginAttemptFailure
    except ImportError as exc:
        raise missing_package("CATALOG earthdata", "earthaccess", "CATALOG") from exc
    import requests

    if not login.password:
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "AUTHCFG: the configuration has no password or token."),
            "AUTHCFG",
        )
    auth = earthaccess.Auth()
    token = None if login.username else login.password
    username = login.username or None
    password = login.password if login.username else None
    answer: dict = {}

    def call() -> None:
        try:
            auth._get_credentials(username, password, token)
        except (LoginAttemptFailure, requests.exceptions.RequestException, RuntimeError, ValueError) as exc:
            answer["error"] = exc

    worker = threading.Thread(target=call, name="timestack-earthdata-login", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "AUTHCFG: Earthdata Login did not answer within {0:g} s."),
            "AUTHCFG",
            args=(timeout,),
        )
    if "error" in answer or not auth.authenticated:
        reason = type(answer["error"]).__name__ if "error" in answer else "not authenticated"
        raise SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "AUTHCFG: Earthdata Login refused or could not be reached ({0}); check the username and "
                "password (or token) in the authentication configuration."
            ),
            "AUTHCFG",
            args=(reason,),
        )  # fmt: skip
    return auth


def login_headers(login: EarthdataLogin, timeout: float = 30.0) -> str:
    """Log in and return the header that lets GDAL read Earthdata granules.

    GDAL remembers files that failed to open; a run made before logging in would leave the granules
    marked unreadable, so that memory (the /vsicurl/ cache) is cleared here.
    """
    from osgeo import gdal

    header = bearer_header(earthdata_auth(login, timeout))
    gdal.VSICurlClearCache()
    return header


def bearer_header(auth) -> str:
    """The HTTP header that lets GDAL read Earthdata granules with ``auth``'s token (see
    :func:`timestack.core.io.grid.http_headers`, which scopes it to one thread's reads)."""
    return f"Authorization: Bearer {auth.token['access_token']}"


def _authenticated_search(auth) -> Callable:
    """``earthaccess.search_data`` with ``auth``'s token instead of earthaccess's global login."""
    import earthaccess

    def search_data(count: int = -1, **parameters):
        query = earthaccess.DataGranules(auth).parameters(**parameters)
        return query.get(count) if count > 0 else query.get_all()

    return search_data


def cmr_parameters(query: SceneQuery, short_name: str) -> dict:
    """Keyword arguments of ``earthaccess.search_data`` for one collection."""
    parameters: dict[str, Any] = {
        "short_name": short_name,
        "bounding_box": tuple(float(v) for v in query.bbox),
        "temporal": (query.start_date.isoformat(), query.end_date.isoformat()),
    }
    if query.max_cloud is not None:
        parameters["cloud_cover"] = (0, query.max_cloud)
    # CMR has no day-of-year or platform-name filter that earthaccess exposes, so those (and excluded
    # ids) are applied here; with any of them, all matches are read (-1) before MAX_ITEMS is applied.
    exact = not (query.filters_doy or query.platforms or query.exclude_ids)
    parameters["count"] = query.max_items if query.max_items and exact else -1
    return parameters


def _granule_geometry(umm: dict):
    geometry = umm.get("SpatialExtent", {}).get("HorizontalSpatialDomain", {}).get("Geometry", {})
    parts = []
    for polygon in geometry.get("GPolygons", []):
        points = polygon.get("Boundary", {}).get("Points", [])
        if len(points) >= 3:
            parts.append(Polygon([(p["Longitude"], p["Latitude"]) for p in points]))
    for rect in geometry.get("BoundingRectangles", []):
        parts.append(
            box(
                rect["WestBoundingCoordinate"],
                rect["SouthBoundingCoordinate"],
                rect["EastBoundingCoordinate"],
                rect["NorthBoundingCoordinate"],
            )
        )
    if not parts:
        return None
    merged = unary_union([p if p.is_valid else p.buffer(0) for p in parts])
    return merged if isinstance(merged, (Polygon, MultiPolygon)) else None


def _asset_key(url: str, used: set) -> str:
    """HLS and ASTER name files ``<granule>.<band>.tif``: the band token is the natural asset key."""
    name = PurePosixPath(urlparse(url).path).name
    stem = name.rsplit(".", 1)[0]
    key = stem.rsplit(".", 1)[-1] if "." in stem else stem
    base, number = key, 1
    while key in used:
        number += 1
        key = f"{base}_{number}"
    used.add(key)
    return key


def granule_to_item(granule) -> pystac.Item:
    """One earthaccess ``DataGranule`` (a dict with ``meta`` and ``umm``) as a STAC Item."""
    umm = granule["umm"]
    meta = granule.get("meta", {})
    temporal = umm.get("TemporalExtent", {})
    range_ = temporal.get("RangeDateTime", {})
    start = range_.get("BeginningDateTime") or temporal.get("SingleDateTime")
    end = range_.get("EndingDateTime")
    if not start:
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "CATALOG earthdata: granule {0} has no acquisition time."),
            "CATALOG",
            args=(umm.get("GranuleUR"),),
        )
    geometry = _granule_geometry(umm)
    properties = {}
    if end and end != start:
        properties["start_datetime"], properties["end_datetime"] = start, end
    platforms = umm.get("Platforms") or []
    if platforms:
        properties["platform"] = platforms[0].get("ShortName")
        properties["instruments"] = [i.get("ShortName") for i in platforms[0].get("Instruments", [])]
    if umm.get("CloudCover") is not None:
        properties["eo:cloud_cover"] = float(umm["CloudCover"])
    if meta.get("concept-id"):
        properties["earthdata:concept_id"] = meta["concept-id"]
    reference = umm.get("CollectionReference", {})
    item = pystac.Item(
        id=umm.get("GranuleUR") or meta.get("native-id"),
        geometry=mapping(geometry) if geometry is not None else None,
        bbox=list(geometry.bounds) if geometry is not None else None,
        datetime=pystac.utils.str_to_datetime(start),
        properties=properties,
        collection=reference.get("ShortName") or reference.get("EntryTitle"),
    )
    used: set = set()
    for url in granule.data_links(access="external"):
        item.add_asset(_asset_key(url, used), pystac.Asset(url, roles=["data"]))
    return item


def _search_with_timeout(search_data: Callable, parameters: dict, timeout: float) -> list:
    """``search_data(**parameters)`` with a deadline, its failures as :class:`SearchError`.

    earthaccess sets no timeout on its CMR requests, so the call runs on a daemon thread that is
    abandoned (not waited for) when the deadline passes. earthaccess reports HTTP errors as
    RuntimeError, connection failures as requests' exceptions.
    """
    import requests

    answer: dict = {}

    def call() -> None:
        try:
            answer["granules"] = search_data(**parameters)
        except (requests.exceptions.RequestException, RuntimeError) as exc:
            answer["error"] = exc

    worker = threading.Thread(target=call, name="timestack-cmr-search", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "TIMEOUT: NASA CMR did not answer within {0:g} s; try again or raise TIMEOUT."
            ),
            "TIMEOUT",
            args=(timeout,),
        )  # fmt: skip
    if "error" in answer:
        raise SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "CATALOG earthdata: NASA CMR cannot be reached or failed: {0}"
            ),
            "CATALOG",
            args=(answer["error"],),
        ) from answer["error"]
    return answer["granules"]


def search_earthdata(
    query: SceneQuery,
    *,
    timeout: float = 30.0,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    search_data: Optional[Callable] = None,
    login: Optional[EarthdataLogin] = None,
) -> SearchResult:
    """Search every collection of ``query`` in CMR; ``search_data`` defaults to earthaccess's, with
    ``login``'s token when given."""
    if not query.collections:
        raise SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "COLLECTIONS: name at least one Earthdata collection short name, e.g. HLSL30, HLSS30 or "
                "AST_L1T."
            ),
            "COLLECTIONS",
        )  # fmt: skip
    if search_data is None and login is not None:
        search_data = _authenticated_search(earthdata_auth(login, timeout))
    if search_data is None:
        try:
            import earthaccess
        except ImportError as exc:
            raise missing_package("CATALOG earthdata", "earthaccess", "CATALOG") from exc
        search_data = earthaccess.search_data
    found: list = []
    empty: list = []
    notes = []
    area = shape(query.aoi)
    for number, short_name in enumerate(query.collections):
        if is_cancelled is not None and is_cancelled():
            raise Cancelled("Search cancelled.")
        if progress:
            progress(100.0 * number / len(query.collections), f"Searching CMR for {short_name}")
        granules = _search_with_timeout(search_data, cmr_parameters(query, short_name), timeout)
        items = [granule_to_item(g) for g in granules]
        if not items:
            empty.append(short_name)
        found.extend(i for i in items if i.geometry is None or area.intersects(shape(i.geometry)))
    if empty:
        notes.append(
            f"COLLECTIONS: no granules for {', '.join(empty)}; check that these are CMR short names "
            "(e.g. HLSL30, not the STAC collection id)."
        )
    result = SearchResult(select_scenes(found, query), "earthdata", "earthdata", notes)
    if progress:
        progress(100.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "{0} granules"), len(result)))
    return result

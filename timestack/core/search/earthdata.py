"""Search NASA Earthdata (CMR) with earthaccess, returning granules as STAC Items.

Collections are CMR short names (``HLSL30``, ``HLSS30``, ``AST_L1T``...). The AOI goes to CMR as a
``bounding_box`` (its WGS84 bounds; the exact polygon is re-checked here), the dates as ``temporal``
(earthaccess extends a date-only end to 23:59:59), the cloud limit as ``cloud_cover=(0, max)``.
Searching CMR is anonymous unless a login is given (then restricted collections are searched too);
reading the granules needs an Earthdata Login. Timestack keeps it in a QGIS authentication configuration
(never in plain settings): the caller reads it and passes an :class:`EarthdataLogin`, which is turned into
a bearer token for CMR and for GDAL's reads of the granules (:func:`bearer_header`).
CMR requests have a timeout and retry 429 (after its Retry-After) and 5xx with backoff, a bounded
number of times (:func:`cmr_session`); a CMR that stays down or silent is a CATALOG or TIMEOUT error.
Granule UMM-G fields used: GranuleUR, TemporalExtent, SpatialExtent (GPolygons, BoundingRectangles),
CloudCover, Platforms, CollectionReference (https://cdn.earthdata.nasa.gov/umm/granule/).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Callable, Optional, Union
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


#: Answers worth asking CMR again: rate limits (after their Retry-After) and the gateway errors of a busy API.
RETRY_STATUS = (429, 500, 502, 503, 504)


def cmr_retry():
    """How CMR requests are retried (urllib3's Retry): :data:`RETRY_STATUS` answers four times with
    exponential backoff (0, 1, 2, 4 s) or the server's Retry-After, a refused connection twice, a
    request that timed out (or a proxy that did not answer) once, so a CMR that stopped answering costs
    two timeouts, not five."""
    from urllib3.util.retry import Retry

    return Retry(
        total=4, connect=2, read=1, other=1, status=4, backoff_factor=0.5, status_forcelist=RETRY_STATUS,
        allowed_methods=("GET", "HEAD"), respect_retry_after_header=True, raise_on_status=False,
    )  # fmt: skip


def cmr_session(session, timeout: float):
    """``session`` (the requests session earthaccess made for a CMR query) with a ``timeout`` on every
    request and :func:`cmr_retry`'s retries, both urllib3's own, mounted as requests' transport adapter.

    earthaccess and python-cmr set neither: a busy CMR would otherwise fail at its first 503 and a
    stalled one hang.
    """
    from requests import PreparedRequest, Response
    from requests.adapters import HTTPAdapter

    class TimeoutAdapter(HTTPAdapter):
        """requests' adapter, with ``timeout`` for the requests that give none."""

        def __init__(self, timeout: float, **options: Any) -> None:
            super().__init__(**options)
            self.timeout = timeout

        def send(
            self,
            request: PreparedRequest,
            stream: bool = False,
            timeout: Union[float, tuple[Optional[float], Optional[float]], None] = None,
            verify: Union[bool, str] = True,
            cert: Union[str, tuple[str, str], None] = None,
            proxies: Optional[dict[str, str]] = None,
        ) -> Response:
            return super().send(request, stream, timeout or self.timeout, verify, cert, proxies)

    adapter = TimeoutAdapter(timeout, max_retries=cmr_retry())
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def cmr_search(auth=None, *, timeout: float = 30.0, cmr_url: Optional[str] = None) -> Callable:
    """``earthaccess.search_data`` on a :func:`cmr_session`: with ``auth``'s token when given (else
    earthaccess's own login, if the user made one), against ``cmr_url`` when given (a CMR search root
    such as ``https://cmr.uat.earthdata.nasa.gov/search/``, else the one of ``auth``'s system)."""
    import earthaccess

    if auth is None and earthaccess.__auth__.authenticated:
        auth = earthaccess.__auth__

    def search_data(count: int = -1, **parameters):
        query = earthaccess.DataGranules(auth).parameters(**parameters)
        if cmr_url:
            query.mode(cmr_url)
        query.session = cmr_session(query.session, timeout)
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


def _aster_asset_key(url: str, used: set) -> str:
    """ASTER granules (AST_L1T, AST_07XT, AST_08, AST_09T, AST14DEM) are one HDF-EOS file named
    ``<granule>.hdf`` (plus browse images and a QA report): the HDF file gets the key ``hdf``, as in
    stactools-aster's items, and its ``.hdf.xml`` metadata ``xml``; the rest keep their own key."""
    name = PurePosixPath(urlparse(url).path).name.lower()
    for suffix, key in ((".hdf", "hdf"), (".hdf.xml", "xml")):
        if name.endswith(suffix) and key not in used:
            used.add(key)
            return key
    return _asset_key(url, used)


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
    key_of = _aster_asset_key if str(item.collection_id or "").upper().startswith("AST") else _asset_key
    for url in granule.data_links(access="external"):
        item.add_asset(key_of(url, used), pystac.Asset(url, roles=["data"]))
    return item


def _timed_out(exc: BaseException) -> bool:
    """Whether requests' ``exc`` is a timeout, also once retries are exhausted: requests then raises a
    ConnectionError around urllib3's MaxRetryError around the ReadTimeoutError (or around a ProxyError
    around the socket's timeout)."""
    import requests
    from urllib3.exceptions import NewConnectionError
    from urllib3.exceptions import TimeoutError as Urllib3Timeout

    if isinstance(exc, requests.exceptions.Timeout):
        return True
    cause = getattr(exc.args[0], "reason", None) if exc.args else None
    cause = getattr(cause, "original_error", cause)
    # urllib3 derives a refused connection (NewConnectionError) from its connect timeout; it is not one.
    return isinstance(cause, (TimeoutError, Urllib3Timeout)) and not isinstance(cause, NewConnectionError)


def _cmr_failure(exc: BaseException, timeout: float) -> SearchError:
    """A CMR search failure as a message a user can act on."""
    import requests

    if _timed_out(exc):
        return SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "TIMEOUT: NASA CMR did not answer within {0:g} s; try again or raise TIMEOUT."
            ),
            "TIMEOUT",
            args=(timeout,),
        )  # fmt: skip
    answer = getattr(exc.__cause__, "response", None)  # earthaccess: RuntimeError from HTTPError
    if isinstance(exc, RuntimeError) and answer is not None:
        detail = " ".join(answer.text.split())[:200]
        return SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "CATALOG earthdata: NASA CMR answered with HTTP error {0}: {1}"
            ),
            "CATALOG",
            args=(answer.status_code, detail),
        )
    incomplete = (KeyError, requests.exceptions.JSONDecodeError, requests.exceptions.ChunkedEncodingError)
    if isinstance(exc, incomplete):
        return SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "CATALOG earthdata: NASA CMR sent an incomplete or invalid answer ({0}); try again later."
            ),
            "CATALOG",
            args=(type(exc).__name__,),
        )  # fmt: skip
    return SearchError(
        QT_TRANSLATE_NOOP("TimestackCore", "CATALOG earthdata: NASA CMR cannot be reached or failed: {0}"),
        "CATALOG",
        args=(exc,),
    )


def _search_cmr(search_data: Callable, parameters: dict, timeout: float) -> list:
    """``search_data(**parameters)``, its failures as :class:`SearchError`.

    Time is bounded by the :func:`cmr_session` (each request's timeout, a bounded number of retries);
    earthaccess reports HTTP errors as RuntimeError, connection failures and truncated answers as
    requests' exceptions, answers without ``items`` or ``CMR-Hits`` as KeyError.
    """
    import requests

    try:
        return search_data(**parameters)
    except (requests.exceptions.RequestException, RuntimeError, KeyError) as exc:
        raise _cmr_failure(exc, timeout) from exc


def search_earthdata(
    query: SceneQuery,
    *,
    timeout: float = 30.0,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    search_data: Optional[Callable] = None,
    login: Optional[EarthdataLogin] = None,
    cmr_url: Optional[str] = None,
) -> SearchResult:
    """Search every collection of ``query`` in CMR; ``search_data`` defaults to :func:`cmr_search`
    (``timeout`` per request, retries), with ``login``'s token when given, at ``cmr_url`` when given."""
    if not query.collections:
        raise SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "COLLECTIONS: name at least one Earthdata collection short name, e.g. HLSL30, HLSS30 or "
                "AST_L1T."
            ),
            "COLLECTIONS",
        )  # fmt: skip
    if search_data is None:
        try:
            import earthaccess  # noqa: F401 - only to say how to install it
        except ImportError as exc:
            raise missing_package("CATALOG earthdata", "earthaccess", "CATALOG") from exc
        auth = earthdata_auth(login, timeout) if login is not None else None
        search_data = cmr_search(auth, timeout=timeout, cmr_url=cmr_url)
    found: list = []
    empty: list = []
    notes = []
    area = shape(query.aoi)
    for number, short_name in enumerate(query.collections):
        if is_cancelled is not None and is_cancelled():
            raise Cancelled("Search cancelled.")
        if progress:
            progress(100.0 * number / len(query.collections), f"Searching CMR for {short_name}")
        granules = _search_cmr(search_data, cmr_parameters(query, short_name), timeout)
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

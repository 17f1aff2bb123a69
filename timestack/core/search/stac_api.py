"""Search a STAC API with pystac-client.

What the server can filter is sent to it: ``intersects`` (the AOI polygon), ``datetime``,
``collections``, and cloud cover, orbit direction and relative orbits as a CQL2-JSON ``filter`` when
the API conforms to Filter, else as a ``query`` when it conforms to the Query extension. Day-of-year
windows, platforms, polarisations and excluded ids are not expressible portably, so
:func:`..scene.select_scenes` applies them (and re-checks the rest).
Paging is pystac-client's (``next`` links); cancellation is checked between pages.
"""

from __future__ import annotations

from typing import Mapping, Optional
from urllib.parse import urlparse

import requests

from ..runtime import QT_TRANSLATE_NOOP, Cancelled, IsCancelled, Message, Progress, missing_package
from .presets import EARTH_SEARCH, PLANETARY_COMPUTER, preset
from .query import DEFAULT_TIMEOUT, SceneQuery, SearchError
from .scene import SearchResult, query_accepts, select_scenes

DEFAULT_PAGE_SIZE = 100


def _describe(url: str, exc: Exception, timeout: float) -> SearchError:
    """Turn transport and server errors into a message a user can act on."""
    from pystac_client.exceptions import APIError

    # pystac-client wraps transport errors in APIError; the cause says what really happened.
    chain: list[BaseException] = [exc]
    while len(chain) < 10:
        cause = chain[-1].__cause__ or chain[-1].__context__
        if cause is None:
            break
        chain.append(cause)
    if any(isinstance(e, requests.exceptions.Timeout) for e in chain) or "timed out" in str(exc).lower():
        return SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "CATALOG {0} did not answer within {1:g} s; try again later or raise the timeout."
            ),
            "CATALOG",
            args=(url, timeout),
        )  # fmt: skip
    if any(isinstance(e, requests.exceptions.ConnectionError) for e in chain):
        return SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "CATALOG {0} cannot be reached (is the server up and the URL right?)."
            ),
            "CATALOG",
            args=(url,),
        )
    if isinstance(exc, APIError) and getattr(exc, "status_code", None) in (401, 403):
        return SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "CATALOG {0} refused the request (HTTP {1}): it needs a login. Give AUTHCFG, an "
                "authentication configuration (Basic: username and password, an empty username and a token, "
                "or a header name ending in ':' and its value), or check the one given."
            ),
            "AUTHCFG",
            args=(url, exc.status_code),
        )  # fmt: skip
    if isinstance(exc, APIError) and getattr(exc, "status_code", None):
        status = exc.status_code
        detail = str(exc).strip().replace("\n", " ")[:200]
        return SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "CATALOG {0} answered with HTTP error {1}: {2}"),
            "CATALOG",
            args=(url, status, detail),
        )
    return SearchError(
        QT_TRANSLATE_NOOP("TimestackCore", "CATALOG {0} did not return valid STAC: {1!r}"),
        "CATALOG",
        args=(url, exc),
    )


#: Answers worth asking again: rate limits (honouring Retry-After) and the gateway errors of busy APIs.
RETRY_STATUS = (429, 500, 502, 503, 504)


def http_retry():
    """How STAC API requests are retried: :data:`RETRY_STATUS` answers four times with exponential
    backoff (0.5, 1, 2, 4 s) or the server's Retry-After, refused connections twice, and a request that
    timed out once (so a server that stopped answering costs two timeouts, not five); searches (POST)
    too, since a STAC search changes nothing."""
    from urllib3.util.retry import Retry

    return Retry(
        total=4, connect=2, read=1, status=4, backoff_factor=0.5, status_forcelist=RETRY_STATUS,
        allowed_methods=("GET", "POST", "HEAD"), respect_retry_after_header=True, raise_on_status=False,
    )  # fmt: skip


def login_headers(username: str, password: str) -> dict[str, str]:
    """The header a STAC API behind a login takes: HTTP Basic for a username and password, a bearer
    token for a password (the token) without a username, and an API-key header for a username that
    names a header with a trailing colon (``X-API-Key:``; QGIS 3.22 has no API-header method). Kept in
    memory for the requests only."""
    import base64

    if not username:
        return {"Authorization": f"Bearer {password}"}
    if username.endswith(":") and username[:-1].strip() and " " not in username.strip():
        return {username[:-1].strip(): password}
    pair = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    return {"Authorization": f"Basic {pair}"}


LOGIN_IN_URL = QT_TRANSLATE_NOOP(
    "TimestackCore",
    "CATALOG {0}: the address holds a login (user:password@), which would be written to logs and to the "
    "scenes file; give the address without it, and the login as AUTHCFG (an authentication configuration)."
)  # fmt: skip


def open_client(url: str, timeout: float = DEFAULT_TIMEOUT, headers: Optional[Mapping[str, str]] = None):
    """Open the API, signing Planetary Computer hrefs (planetary-computer package) when it is PC;
    ``headers`` (a login) go with every request to it."""
    from pystac_client import Client
    from pystac_client.stac_api_io import StacApiIO

    parts = urlparse(url)
    if parts.username is not None or parts.password is not None:  # never echoed: the address without it
        bare = parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]).geturl()
        raise SearchError(LOGIN_IN_URL, "AUTHCFG", args=(bare,))
    modifier = None
    if preset(url) is PLANETARY_COMPUTER:
        try:
            import planetary_computer
        except ImportError as exc:
            raise missing_package(
                "CATALOG Planetary Computer (to sign asset hrefs)", "planetary-computer", "CATALOG"
            ) from exc
        modifier = planetary_computer.sign_inplace
    stac_io = StacApiIO(headers=dict(headers or {}), timeout=timeout, max_retries=http_retry())
    try:
        return Client.open(url, modifier=modifier, stac_io=stac_io, timeout=timeout)
    except SearchError:
        raise
    except Exception as exc:  # requests, pystac and pystac-client errors alike
        raise _describe(url, exc, timeout) from exc


def search_parameters(client, query: SceneQuery, page_size: int = DEFAULT_PAGE_SIZE) -> dict:
    """Keyword arguments for ``Client.search`` that this server can honour."""
    from pystac_client.conformance import ConformanceClasses

    parameters = {
        "intersects": query.aoi,
        "datetime": query.datetime_range,
        "limit": page_size,
    }
    if query.collections:
        parameters["collections"] = list(query.collections)
    if client.conforms_to(ConformanceClasses.FILTER):
        clauses = cql2_clauses(query)
        if clauses:
            parameters["filter"] = clauses[0] if len(clauses) == 1 else {"op": "and", "args": clauses}
            parameters["filter_lang"] = "cql2-json"
    elif client.conforms_to(ConformanceClasses.QUERY):
        fields = query_extension_fields(query)
        if fields:
            parameters["query"] = fields
    if client.conforms_to(ConformanceClasses.SORT):
        direction = "asc" if query.sort == "ascending" else "desc"
        parameters["sortby"] = [{"field": "properties.datetime", "direction": direction}]
    return parameters


def cql2_clauses(query: SceneQuery) -> list:
    """CQL2-JSON conditions for the cloud limit and the radar filters (orbit direction, relative
    orbits). When SAR scenes may answer, a SAR scene (one with ``sar:instrument_mode``) passes the cloud
    limit; other scenes without cloud cover (elevation models, land cover maps) still do not, as
    before. Polarisations stay client-side: array operators are not part of basic CQL2."""
    clauses = []
    if query.max_cloud is not None:
        cloud = {"op": "<=", "args": [{"property": "eo:cloud_cover"}, query.max_cloud]}
        if query.may_include_radar:
            radar = {"op": "not", "args": [{"op": "isNull", "args": [{"property": "sar:instrument_mode"}]}]}
            cloud = {"op": "or", "args": [cloud, radar]}
        clauses.append(cloud)
    if query.orbit_direction:
        clauses.append({"op": "=", "args": [{"property": "sat:orbit_state"}, query.orbit_direction]})
    if query.relative_orbits:
        orbits = list(query.relative_orbits)
        clauses.append({"op": "in", "args": [{"property": "sat:relative_orbit"}, orbits]})
    return clauses


def query_extension_fields(query: SceneQuery) -> dict:
    """The same for servers with the Query extension only, which cannot say "or missing": the cloud
    limit is sent only when no SAR scene may answer."""
    fields: dict[str, dict] = {}
    if query.max_cloud is not None and not query.may_include_radar:
        fields["eo:cloud_cover"] = {"lte": query.max_cloud}
    if query.orbit_direction:
        fields["sat:orbit_state"] = {"eq": query.orbit_direction}
    if query.relative_orbits:
        fields["sat:relative_orbit"] = {"in": list(query.relative_orbits)}
    return fields


def _collection_ids(client, url: str, timeout: float) -> set:
    try:
        return {c.id for c in client.get_collections()}
    except Exception as exc:  # see open_client
        raise _describe(url, exc, timeout) from exc


def list_collections(url: str, timeout: float = DEFAULT_TIMEOUT, headers=None) -> list:
    """Sorted collection ids the API offers."""
    return sorted(_collection_ids(open_client(url, timeout, headers), url, timeout))


def _check_collections(client, url: str, query: SceneQuery, timeout: float) -> None:
    if not query.collections:
        return
    available = _collection_ids(client, url, timeout)
    unknown = [c for c in query.collections if c not in available]
    if unknown:
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "COLLECTIONS: {0} not offered by {1}; it offers {2}."),
            "COLLECTIONS",
            args=(", ".join(unknown), url, ", ".join(sorted(available)) or "no collections"),
        )


#: Pages in a row bringing no scene not seen before after which a search stops: a catalog whose next
#: link leads back to a page already read would otherwise be read until cancelled.
STALE_PAGES = 3
PAGING_NOTE = QT_TRANSLATE_NOOP(
    "TimestackCore",
    "CATALOG {0} kept answering pages of scenes it had already sent (page {1} repeats earlier ones); the "
    "search stopped there with the scenes found so far, as the catalog's paging never ends."
)  # fmt: skip

INVALID_STAC = QT_TRANSLATE_NOOP("TimestackCore", "CATALOG {0} did not return valid STAC: {1!r}")
UNREADABLE_NOTE = QT_TRANSLATE_NOOP(
    "TimestackCore",
    "CATALOG {0} sent {1} scene(s) that are not valid STAC, left out of the search (the first, {2}: {3})."
)  # fmt: skip


def _readable_items(page: dict, client, unreadable: list) -> list:
    """The page's features as pystac Items. A feature pystac cannot read (no acquisition time, no
    geometry key…) is left out and recorded in ``unreadable`` as (id, reason): one broken scene of a
    catalog no longer fails the whole search."""
    import pystac

    items = []
    for feature in page.get("features") or []:
        try:
            items.append(pystac.Item.from_dict(feature, preserve_dict=False, root=client))
        except Exception as exc:  # noqa: BLE001 - pystac raises KeyError, ValueError, TypeError...
            name = feature.get("id") if isinstance(feature, dict) else None
            unreadable.append((str(name or "?"), f"{type(exc).__name__}: {exc}"))
    return items


#: Said when assets sit in S3 buckets other than USGS's (e.g. Sentinel-2 JP2s), which may bill the reader.
S3_NOTE = "Some assets are in S3 buckets that may be requester-pays: reading them bills your account."


def _notes(url: str, items: list) -> list:
    """What the user should know about reading these items: the preset's note (Earth Search's only when
    its results are in the requester-pays USGS Landsat bucket) and a warning for other S3 assets."""
    found = preset(url)
    assets = [asset for item in items for asset in item.assets.values()]
    usgs = any(
        asset.href.startswith("s3://usgs-landsat") or asset.extra_fields.get("storage:requester_pays")
        for asset in assets
    ) or any(item.properties.get("storage:requester_pays") for item in items)
    other_s3 = any(asset.href.startswith("s3://") for asset in assets)
    notes = []
    if found is not None and found.note and (found is not EARTH_SEARCH or usgs):
        notes.append(found.note)
    if other_s3 and not (found is EARTH_SEARCH and usgs):
        notes.append(S3_NOTE)
    return notes


def search_stac_api(
    url: str,
    query: SceneQuery,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    page_size: int = DEFAULT_PAGE_SIZE,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    headers: Optional[Mapping[str, str]] = None,
) -> SearchResult:
    """Search ``url`` page by page; stop early once ``max_items`` accepted scenes are in (server sorts).
    ``headers`` (:func:`login_headers`) go with every request."""
    if urlparse(url).scheme not in ("http", "https"):
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "CATALOG {0!r} is not an http(s) STAC API URL."),
            "CATALOG",
            args=(url,),
        )
    client = open_client(url, timeout, headers)
    _check_collections(client, url, query, timeout)
    parameters = search_parameters(client, query, page_size)
    sorted_by_server = "sortby" in parameters
    found = []
    accepted = 0
    seen: set = set()
    stale = 0
    notes: list = []
    unreadable: list[tuple[str, str]] = []
    try:
        search = client.search(**parameters)
        for page_number, page in enumerate(search.pages_as_dicts(), start=1):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("Search cancelled.")
            fresh = []  # a scene the catalog sent before counts once, towards max_items too
            for item in _readable_items(page, client, unreadable):
                if item.id not in seen:
                    seen.add(item.id)
                    fresh.append(item)
            stale = 0 if fresh else stale + 1
            if stale >= STALE_PAGES:  # a paging token that never advances: the same page forever
                notes.append(Message(PAGING_NOTE, url, page_number))
                break
            found.extend(fresh)
            accepted += sum(1 for item in fresh if query_accepts(query, item))
            if progress:
                goal = query.max_items or max(accepted, 1)
                progress(
                    min(95.0, 100.0 * accepted / goal) if query.max_items else min(95.0, 5.0 * page_number),
                    f"page {page_number}: {len(found)} items, {accepted} match",
                )
            if sorted_by_server and query.max_items and accepted >= query.max_items:
                break
    except (SearchError, Cancelled):
        raise
    except Exception as exc:  # transport, HTTP and JSON errors from requests/pystac-client
        raise _describe(url, exc, timeout) from exc
    if unreadable and not seen:  # not one scene STAC: not a STAC API after all
        raise SearchError(INVALID_STAC, "CATALOG", args=(url, unreadable[0][1]))
    if unreadable:
        notes.append(Message(UNREADABLE_NOTE, url, len(unreadable), *unreadable[0]))
    result = SearchResult(select_scenes(found, query), "stac-api", url, _notes(url, found) + notes)
    if progress:
        progress(100.0, Message(QT_TRANSLATE_NOOP("TimestackCore", "{0} scenes"), len(result)))
    return result

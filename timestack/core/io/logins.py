"""Logins for the reads of a catalog's files, and fresh signatures for Planetary Computer hrefs.

A STAC API behind a login usually serves its files behind the same login. The processing layer reads
the user's QGIS authentication configuration (in the main thread) and hands core a
:class:`CatalogLogin`: plain header lines, sent with GDAL's reads (``GDAL_HTTP_HEADERS``, thread-local,
:func:`..grid.http_headers`) of the items whose files all lie at the catalog's own origin
(``scheme://host:port`` of the item's ``root``/``self`` links) or at an origin the configuration was
restricted to. A login is never sent to another host (S3, a CDN), never logged, never written.

Planetary Computer hrefs carry a SAS token that expires (about an hour after the search). A read
refused with 403 or 409 is retried once with the href signed again through ``planetary_computer``
(:func:`resigned_href`), which asks its SAS endpoint for a new token.
"""

from __future__ import annotations

import contextlib
import re
import threading
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional, Sequence
from urllib.parse import urlparse

__all__ = [
    "CatalogLogin",
    "current_href",
    "is_planetary_computer_href",
    "is_refused_read",
    "item_origins",
    "opened",
    "origin",
    "resign",
    "resigned_href",
]

#: Links that name the catalog an item was served by.
CATALOG_LINKS = ("root", "self", "parent", "collection")
#: Planetary Computer's storage: hrefs there are signed with SAS tokens.
BLOB_STORAGE_DOMAIN = ".blob.core.windows.net"


def origin(url: str) -> Optional[str]:
    """``scheme://host:port`` of an http(s) URL (GDAL's ``/vsicurl/`` prefix allowed), else None."""
    url = str(url or "")
    if url.startswith("/vsicurl/"):
        url = url[len("/vsicurl/") :]
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return None
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    return f"{parsed.scheme}://{parsed.hostname.lower()}:{port}"


def item_origins(item: Mapping[str, Any]) -> set:
    """Origins of the catalog that served ``item`` (its root, self, parent and collection links)."""
    found = set()
    for link in item.get("links") or []:
        if isinstance(link, Mapping) and link.get("rel") in CATALOG_LINKS:
            found.add(origin(link.get("href", "")))
    return found - {None}


@dataclass(frozen=True)
class CatalogLogin:
    """Headers a catalog's files need (``"Name: value"`` lines) and where they may be sent.

    ``origins``: extra origins besides each item's own catalog (the configuration's URL restriction).
    Never shown in a repr.
    """

    headers: str = field(repr=False)
    origins: Sequence[str] = ()

    @classmethod
    def from_mapping(cls, headers: Mapping[str, str], origins: Sequence[str] = ()) -> CatalogLogin:
        lines = "\n".join(f"{name}: {value}" for name, value in headers.items())
        return cls(lines, tuple(o for o in (origin(u) or u for u in origins) if o))

    def headers_for(self, item: Mapping[str, Any]) -> Optional[str]:
        """The headers for ``item``'s reads when every remote file of it lies at an allowed origin."""
        allowed = set(self.origins) | item_origins(item)
        assets = item.get("assets") or {}
        hrefs = [str(a.get("href", "")) for a in assets.values() if isinstance(a, Mapping)]
        remote = [origin(href) for href in hrefs if origin(href)]
        if remote and all(o in allowed for o in remote):
            return self.headers
        return None

    def as_mapping(self) -> dict:
        lines = [line.split(":", 1) for line in self.headers.splitlines() if ":" in line]
        return {name.strip(): value.strip() for name, value in lines}


def is_planetary_computer_href(path: str) -> bool:
    """Is ``path`` (an URL or GDAL path) a SAS-signed file in Azure blob storage?"""
    url = path[len("/vsicurl/") :] if path.startswith("/vsicurl/") else path
    parsed = urlparse(url)
    return (parsed.hostname or "").endswith(BLOB_STORAGE_DOMAIN) and "sig=" in parsed.query


def is_refused_read(error: BaseException) -> bool:
    """Did GDAL's read fail because the server refused it (403 Forbidden, 409 from blob storage for an
    expired or malformed SAS token)?"""
    return re.search(r"HTTP[^0-9]{0,30}\b(403|409)\b", str(error)) is not None


#: Planetary Computer hrefs as signed (by the search) -> the same signed again after a refusal.
_RESIGNED: dict = {}
_RESIGNED_LOCK = threading.Lock()


def current_href(path: str) -> str:
    """``path`` as last re-signed in this process (:func:`resign`), or itself."""
    return _RESIGNED.get(path, path)


def resign(path: str) -> str:
    """Sign ``path`` (as the search signed it) again and remember the new href for later reads."""
    with _RESIGNED_LOCK:
        fresh = resigned_href(path)
        _RESIGNED[path] = fresh
        return fresh


def resigned_href(path: str) -> str:
    """``path`` (a Planetary Computer URL or its ``/vsicurl/`` form) signed with a fresh SAS token.

    A cached token that is the refused one is dropped first (the server refused it, whatever expiry it
    claimed); a newer one (another file of the container was signed again) is used as it is."""
    import planetary_computer
    from planetary_computer import sas

    prefix = "/vsicurl/" if path.startswith("/vsicurl/") else ""
    url, _, refused = path[len(prefix) :].partition("?")
    account, container = sas.parse_blob_url(urlparse(url))
    key = f"{planetary_computer.settings.Settings.get().sas_url}/{account}/{container}"
    cached = sas.TOKEN_CACHE.get(key)
    if cached is None or cached.token == refused:
        sas.TOKEN_CACHE.pop(key, None)
    return prefix + planetary_computer.sign(url)


@contextlib.contextmanager
def opened(path: str):
    """``rasterio.open(path)`` (a GDAL path); a Planetary Computer href that blob storage refuses is
    signed again (:func:`resign`) and opened once more, and later opens use the new signature."""
    import rasterio
    from rasterio.errors import RasterioError

    try:
        dataset = rasterio.open(current_href(path))
    except (RasterioError, OSError) as error:
        if not (is_refused_read(error) and is_planetary_computer_href(path)):
            raise
        dataset = rasterio.open(resign(path))
    with dataset:
        yield dataset

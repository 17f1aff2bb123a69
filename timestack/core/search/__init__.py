"""Scene search: one query, four backends (STAC API, local catalog files, NASA Earthdata, Earth Engine).

``search_scenes(catalog, query)`` picks the backend from ``catalog``, which is what the
``CATALOG`` parameter of ``timestack:searchscenes`` holds (DESIGN.md): a STAC API URL or preset key,
a local catalog file, ``earthdata`` or ``earthengine``.
"""

from __future__ import annotations

from typing import Optional

from ..runtime import QT_TRANSLATE_NOOP, IsCancelled, Progress
from .presets import PRESETS, CatalogPreset, preset
from .query import DEFAULT_TIMEOUT, SceneQuery, SearchError
from .scene import RECORD_FIELDS, SearchResult, scene_record

__all__ = [
    "PRESETS",
    "RECORD_FIELDS",
    "CatalogPreset",
    "SceneQuery",
    "SearchError",
    "SearchResult",
    "preset",
    "scene_record",
    "catalog_collections",
    "search_scenes",
]


def catalog_collections(catalog: str, *, timeout: float = DEFAULT_TIMEOUT, headers=None) -> list:
    """Collection ids a catalog offers, for the dock's collection picker.

    STAC APIs are asked (``/collections``, with ``headers``: a login); local files are read; Earthdata
    and Earth Engine, which have thousands of collections, give the ones Timestack knows how to composite.
    """
    text = str(catalog or "").strip()
    chosen = preset(text)
    if chosen is not None:
        if chosen.url is None:
            return list(chosen.collections)
        if "://" not in text:
            text = chosen.url
    if text.startswith(("http://", "https://")):
        from .stac_api import list_collections as api_collections

        return api_collections(text, timeout, headers)
    from .local_catalog import is_local_catalog
    from .local_catalog import list_collections as local_collections

    if is_local_catalog(text):
        return local_collections(text)
    raise SearchError(
        QT_TRANSLATE_NOOP("TimestackCore", "CATALOG {0!r} is neither a STAC API URL nor a catalog file."),
        "CATALOG",
        args=(text,),
    )


def search_scenes(
    catalog: str,
    query: SceneQuery,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    earthdata_login=None,
    headers=None,
) -> SearchResult:
    """Run ``query`` against ``catalog``; errors are :class:`SearchError` naming the parameter.

    ``earthdata_login`` (an :class:`.earthdata.EarthdataLogin`) is used by the ``earthdata`` backend only;
    ``headers`` (a login, :func:`.stac_api.login_headers`) by STAC APIs only.
    """
    text = str(catalog or "").strip()
    if not text:
        raise SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "CATALOG is empty: give a STAC API URL, a catalog file, 'earthdata' or 'earthengine'."
            ),
            "CATALOG",
        )  # fmt: skip
    chosen = preset(text)
    if chosen is not None and chosen.backend == "earthdata":
        from .earthdata import search_earthdata

        return search_earthdata(
            query, timeout=timeout, progress=progress, is_cancelled=is_cancelled, login=earthdata_login
        )
    if chosen is not None and chosen.backend == "earthengine":
        from .earthengine import search_earthengine

        return search_earthengine(query, progress=progress, is_cancelled=is_cancelled)
    if chosen is not None and chosen.url and "://" not in text:
        text = chosen.url
    if text.startswith(("http://", "https://")):
        from .stac_api import search_stac_api  # requests: only when a STAC API is searched, not at QGIS start

        return search_stac_api(
            text, query, timeout=timeout, progress=progress, is_cancelled=is_cancelled, headers=headers
        )
    from .local_catalog import is_local_catalog, search_local_catalog  # pystac: only when searched

    if is_local_catalog(text):
        return search_local_catalog(text, query, progress=progress, is_cancelled=is_cancelled)
    raise SearchError(
        QT_TRANSLATE_NOOP(
            "TimestackCore",
            "CATALOG {0!r} is neither a STAC API URL, a catalog file (.json, .parquet) nor one of {1}."
        ),
        "CATALOG",
        args=(text, ", ".join(p.key for p in PRESETS)),
    )  # fmt: skip

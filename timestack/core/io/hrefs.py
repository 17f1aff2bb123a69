"""Which files and URLs a STAC item's asset hrefs may make GDAL open.

A catalog is data from elsewhere, and GDAL opens far more than rasters: ``file:///etc/passwd``,
``../../`` out of the catalog, ``/vsistdin/``, ``/vsisubfile/`` or an ``ftp://`` host. So before an href
reaches GDAL it is checked here, in one place for every reader (compositing, polygon statistics):

- remote hrefs only over ``http(s)://`` and ``s3://`` (or GDAL's ``/vsicurl/`` and ``/vsis3/`` forms of
  them); every other scheme and every other ``/vsi`` handler is refused;
- a relative href must stay inside the catalog's folder (the folder of the ItemCollection file);
- an absolute local href (a path or ``file://``) must lie inside the catalog's folder, inside a STAC
  catalog on disk (a folder holding ``catalog.json``, ``collection.json`` or a Timestack sample
  archive's ``sample_archive.json``: where a search of a local catalog takes its absolute hrefs from),
  or inside a root the user allows (ALLOWED_ROOTS).

Paths are compared after resolving symbolic links, so a link inside the catalog cannot point out of it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Sequence

from ..runtime import QT_TRANSLATE_NOOP, TimestackError
from .grid import gdal_path

__all__ = ["CATALOG_MARKERS", "HrefRefusedError", "checked_href", "checked_gdal_path", "file_uri_path"]

#: Files that make a folder the root of a catalog on disk, whose files its items may reach.
CATALOG_MARKERS = ("catalog.json", "collection.json", "sample_archive.json")
REMOTE_SCHEMES = ("http://", "https://", "s3://")
GDAL_REMOTE_PREFIXES = ("/vsicurl/http://", "/vsicurl/https://", "/vsis3/")


class HrefRefusedError(TimestackError):
    """An asset href the catalog may not make us open; the message says which and why."""

    def __init__(self, message: str, *, args: tuple = ()):
        super().__init__(message, "ITEMS", args=args)


def checked_href(
    href: str, catalog_dir: Optional[Path], allowed_roots: Sequence[Path] = (), item_id: str = ""
) -> str:
    """``href`` as a remote URL or an absolute, resolved local path, or :class:`HrefRefusedError`.

    A catalog is untrusted input: a local href may only reach the catalog's own folder or an allowed
    root, so a crafted catalog cannot make Timestack read other files of the user's.

    Parameters
    ----------
    href
        The asset's href as the catalog gives it (relative, absolute, ``file://``, ``/vsicurl/``, URL).
    catalog_dir
        The folder of the catalog file the href was read from; None for items from a STAC API or handed
        over by code, whose local hrefs must then lie in a catalog on disk or an allowed root.
    allowed_roots
        Further folders local hrefs may lie in.
    item_id
        The item's id, named in the refusal.

    Returns
    -------
    str
        The URL, or the resolved absolute path.

    Raises
    ------
    HrefRefusedError
        A file on another host, a scheme Timestack does not read, or a local path outside the catalog
        and the allowed roots.
    """
    href = str(href).strip()
    owner = f"item {item_id}: " if item_id else ""
    if href.startswith(REMOTE_SCHEMES) or href.startswith(GDAL_REMOTE_PREFIXES):
        return href
    if href.startswith("file://"):
        local = file_uri_path(href)
        if not local.startswith("/"):  # file://host/path: another machine's file
            raise HrefRefusedError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore", "{0}{1} names a file on another host; only local files are read"
                ),
                args=(owner, href),
            )
        href = local
    elif "://" in href or href.startswith("/vsi"):
        raise HrefRefusedError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0}{1} is neither a local file nor an http(s):// or s3:// URL; Timestack reads scenes only "
                "from these"
            ),
            args=(owner, href),
        )  # fmt: skip
    relative = not Path(href).is_absolute()
    catalog = Path(os.path.realpath(catalog_dir)) if catalog_dir is not None else None
    path = Path(os.path.realpath(catalog / href if relative and catalog else href))
    roots = [*([catalog] if catalog else []), *(Path(os.path.realpath(root)) for root in allowed_roots)]
    if any(path.is_relative_to(root) for root in roots):
        return str(path)
    if not (relative and catalog) and _catalog_root_above(path) is not None:
        return str(path)
    if relative and catalog:
        where = f"outside the catalog's folder {catalog}"
    else:
        where = "outside every catalog on disk"
    raise HrefRefusedError(
        QT_TRANSLATE_NOOP(
            "TimestackCore",
            "{0}{1} leads {2} (to {3}); a catalog may only reach its own files. If this folder is meant to "
            "be read, add it to ALLOWED_ROOTS"
        ),
        args=(owner, href, where, path),
    )  # fmt: skip


def file_uri_path(href: str) -> str:
    """The path of a ``file://`` URI, its percent escapes decoded (RFC 8089: ``Path.as_uri()``, pystac
    and QGIS write a space as ``%20`` and ``é`` as ``%C3%A9``); ``file://localhost/`` is this machine.
    Anything after ``file://`` that is not a path from the root (another host) is returned as it is."""
    from urllib.parse import unquote

    local = href[len("file://") :]
    if local.startswith("localhost/"):
        local = local[len("localhost") :]
    return unquote(local) if local.startswith("/") else local


def checked_gdal_path(
    href: str, catalog_dir: Optional[Path], allowed_roots: Sequence[Path] = (), item_id: str = ""
) -> str:
    """The GDAL path of a :func:`checked_href` (``/vsicurl/`` before a URL, ``/vsis3/`` for ``s3://``).

    Parameters
    ----------
    href, catalog_dir, allowed_roots, item_id
        As :func:`checked_href`.

    Returns
    -------
    str
        A path GDAL opens.

    Raises
    ------
    HrefRefusedError
        As :func:`checked_href`.
    """
    return gdal_path(checked_href(href, catalog_dir, allowed_roots, item_id))


def _catalog_root_above(path: Path) -> Optional[Path]:
    """The nearest folder above ``path`` that is a catalog's root (holds a CATALOG_MARKERS file)."""
    for folder in path.parents:
        if _is_catalog_root(folder):
            return folder
    return None


def _is_catalog_root(folder: Path) -> bool:
    return any((folder / marker).is_file() for marker in CATALOG_MARKERS)

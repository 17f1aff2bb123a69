"""A local cache of remote scene files, for users who would rather download a scene once than stream it.

Streaming (GDAL's ``/vsicurl/``) reads only the bytes a window needs, but every run reads them again
and a flaky network breaks reads in the middle of a composite. With a cache folder, each ``http(s)://``
asset a run needs is downloaded whole, checked, and read from disk by this run and the next ones.

What a file in the cache is guaranteed to be:

- complete: it is downloaded under a temporary name unique to the process and thread
  (``.<name>.<pid>.<random>.part``) and renamed into place (atomic on one file system) only after its
  length matched the server's ``Content-Length`` and, where the STAC asset gives them, its ``file:size``
  and ``file:checksum`` (a multihash, usually SHA2-256 ``1220…``: STAC's *file* extension). A partial or
  corrupt download is deleted, tried once more, then refused with :class:`AssetDownloadError`;
- reused only while it still matches: its size, and its checksum when the asset gives one;
- kept under ``max_bytes`` by evicting the least recently used files (a reuse counts as a use), never a
  file the current run uses, nor one another live run sharing the folder has leased (``.leases/``).

Two runs may share the folder: temporary names never collide and the rename is atomic, so at worst
both download the same file and the second rename replaces the first with identical bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Optional
from urllib.parse import urlsplit, urlunsplit

from ..runtime import QT_TRANSLATE_NOOP, Cancelled, IsCancelled, TimestackError, not_cancelled

if TYPE_CHECKING:
    import requests

__all__ = [
    "DEFAULT_CACHE_MAX_GB",
    "AssetCache",
    "AssetDownloadError",
    "ExpectedFile",
    "expected_files",
    "is_cacheable",
    "multihash_algorithm",
]

#: The default size limit of a cache folder: a few hundred Landsat scenes of 7 bands.
DEFAULT_CACHE_MAX_GB = 20.0
#: Multihash function codes (https://github.com/multiformats/multicodec) -> hashlib names.
MULTIHASH_FUNCTIONS = {0x11: "sha1", 0x12: "sha256", 0x13: "sha512", 0xD5: "md5", 0x16: "sha3_256"}
#: Answers worth asking again, as for STAC and CMR requests: rate limits and gateway errors.
RETRY_STATUS = (429, 500, 502, 503, 504)
_LEASES = ".leases"
_QUERY = re.compile(r"\?[^\s'\")]*")


class AssetDownloadError(TimestackError):
    """A remote asset that could not be downloaded whole and verified; the message names it."""

    def __init__(self, message: str, parameter: Optional[str] = "ITEMS", *, args: tuple = ()):
        super().__init__(message, parameter, args=args)


@dataclass(frozen=True)
class ExpectedFile:
    """What a STAC asset says its file is (``file:size`` in bytes, ``file:checksum`` a multihash in
    hex); None where it says nothing."""

    size: Optional[int] = None
    checksum: Optional[str] = None

    @classmethod
    def of_asset(cls, asset: Mapping[str, Any]) -> ExpectedFile:
        size, checksum = asset.get("file:size"), asset.get("file:checksum")
        try:
            size = int(size) if size is not None else None
        except (TypeError, ValueError):
            size = None
        return cls(size, str(checksum).strip().lower() if checksum else None)


def is_cacheable(href: str) -> bool:
    """Can the cache download ``href`` (an ``http(s)://`` URL, bare or as GDAL's ``/vsicurl/`` path)?

    Parameters
    ----------
    href
        An asset href or GDAL path.

    Returns
    -------
    bool
        True for an http(s) URL.
    """
    return _url(href) is not None


def _url(href: str) -> Optional[str]:
    href = str(href).strip()
    if href.startswith("/vsicurl/"):
        href = href[len("/vsicurl/") :]
    return href if href.startswith(("http://", "https://")) else None


def expected_files(item: Mapping[str, Any]) -> dict[str, ExpectedFile]:
    """URL -> :class:`ExpectedFile` of every ``http(s)`` asset of a STAC item (dict form) that gives a
    size or a checksum: what a download is checked against.

    Parameters
    ----------
    item
        A STAC item as a dict.

    Returns
    -------
    dict
        URL -> the size and checksum the catalog announces.
    """
    found: dict[str, ExpectedFile] = {}
    for asset in (item.get("assets") or {}).values():
        url = _url(str(asset.get("href", ""))) if isinstance(asset, Mapping) else None
        if url is None:
            continue
        expected = ExpectedFile.of_asset(asset)
        if expected.size is not None or expected.checksum is not None:
            found[url] = expected
    return found


def multihash_algorithm(checksum: str) -> Optional[tuple[str, bytes]]:
    """(hashlib name, digest) of a hex multihash such as ``1220<64 hex digits>`` (STAC's
    ``file:checksum``).

    Parameters
    ----------
    checksum
        The hex multihash.

    Returns
    -------
    tuple or None
        None for a function this cache cannot compute or a malformed value (the file is then checked by
        length only).
    """
    try:
        raw = bytes.fromhex(checksum)
    except ValueError:
        return None
    code, position = _varint(raw, 0)
    length, position = _varint(raw, position) if code is not None else (None, 0)
    if code not in MULTIHASH_FUNCTIONS or length is None or len(raw) - position != length:
        return None
    return MULTIHASH_FUNCTIONS[code], raw[position:]


def _varint(raw: bytes, position: int) -> tuple[Optional[int], int]:
    value, shift = 0, 0
    while position < len(raw):
        byte = raw[position]
        value |= (byte & 0x7F) << shift
        position += 1
        if not byte & 0x80:
            return value, position
        shift += 7
    return None, position


def _public(url: str) -> str:
    """``url`` without its query string: signed URLs carry credentials that must not reach a log."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


class AssetCache:
    """Remote asset files downloaded into ``folder``, kept under ``max_bytes``; one per run.

    Use it as a context manager (or call :meth:`close`): while it is open, the files it handed out are
    leased, so no run sharing the folder evicts them.

    Parameters
    ----------
    folder
        The cache folder (made if missing); may be shared by runs and processes.
    max_bytes
        The most the folder may hold; least recently used files go first.
    timeout
        Seconds to wait for a connection, and for each block of the answer.
    chunk_bytes
        Bytes read between two polls of ``is_cancelled``.
    """

    def __init__(
        self, folder: str | os.PathLike, max_bytes: float, timeout: float = 60.0, chunk_bytes: int = 1 << 20
    ):
        if not max_bytes > 0:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "CACHE_MAX_GB must be a positive size, got {0}"),
                "CACHE_MAX_GB",
                args=(max_bytes,),
            )
        self.folder = Path(folder)
        try:
            (self.folder / _LEASES).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "CACHE_FOLDER {0} cannot be used: {1}"),
                "CACHE_FOLDER",
                args=(self.folder, error),
            ) from error
        self.max_bytes = int(max_bytes)
        self.timeout = timeout
        self.chunk_bytes = chunk_bytes
        self._in_use: set[str] = set()
        self._lock = threading.Lock()
        self._href_locks: dict[str, threading.Lock] = {}
        self._lease = self.folder / _LEASES / f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
        self._session: Optional[requests.Session] = None
        #: How many files this cache downloaded and how many it reused.
        self.downloaded = 0
        self.reused = 0

    # ------------------------------------------------------------------------------------------ public

    def __enter__(self) -> AssetCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """End the lease on this run's files (they become evictable) and close the HTTP session."""
        self._lease.unlink(missing_ok=True)
        if self._session is not None:
            self._session.close()
            self._session = None

    def local_path(
        self,
        href: str,
        expected: Optional[ExpectedFile] = None,
        owner: str = "",
        headers: Optional[Mapping[str, str]] = None,
        is_cancelled: IsCancelled = not_cancelled,
    ) -> str:
        """The path of a verified local copy of ``href`` (``http(s)://`` or ``/vsicurl/``), downloaded
        now unless a matching copy is cached.

        ``owner`` names the file in errors (``scene LC08_… asset red``); ``headers`` go with the request
        (an Earthdata bearer token). Raises :class:`AssetDownloadError` after two failed attempts,
        :class:`Cancelled` (the partial file deleted) when ``is_cancelled`` turns true.
        """
        url = _url(href)
        expected = expected or ExpectedFile()
        if url is None:
            raise ValueError(f"only http(s) URLs are downloaded into the cache, got {href!r}")
        name = self._name(url)
        with self._lock:
            href_lock = self._href_locks.setdefault(name, threading.Lock())
        with href_lock:
            target = self.folder / name
            self._lease_name(name)
            if self._matches(target, expected):
                with contextlib.suppress(OSError):
                    os.utime(target)  # a use: the least recently used go first
                self.reused += 1
                return str(target)
            target.unlink(missing_ok=True)
            reasons = []
            for _attempt in range(2):
                if is_cancelled():
                    raise Cancelled("download cancelled")
                reason = self._download(url, target, expected, headers, is_cancelled)
                if reason is None:
                    self.downloaded += 1
                    return str(target)
                reasons.append(reason)
            with self._lock:
                self._in_use.discard(name)
                self._write_lease()
            raise AssetDownloadError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0}{1} could not be downloaded into CACHE_FOLDER: {2}; nothing was kept. Check the "
                    "network or the catalog, or leave CACHE_FOLDER empty to stream the scenes"
                ),
                args=(f"{owner}: " if owner else "", _public(url), "; then ".join(reasons)),
            )  # fmt: skip

    def cached_bytes(self) -> int:
        """Bytes of complete files in the cache folder."""
        return sum(size for _, size, _ in self._files())

    # ----------------------------------------------------------------------------------------- private

    @staticmethod
    def _name(url: str) -> str:
        """The file name of ``url`` in the cache: a hash of the URL without its query (a signed URL is
        the same file whatever its signature), then its own name, so GDAL sees the same extension."""
        public = _public(url)
        digest = hashlib.sha256(public.encode()).hexdigest()[:16]
        base = re.sub(r"[^A-Za-z0-9._-]", "_", public.rstrip("/").rsplit("/", 1)[-1])[-80:] or "asset"
        return f"{digest}-{base.lstrip('.')}"

    def _lease_name(self, name: str) -> None:
        with self._lock:
            if name not in self._in_use:
                self._in_use.add(name)
                self._write_lease()

    def _write_lease(self) -> None:
        temporary = self._lease.with_name(self._lease.name + ".tmp")
        temporary.write_text("\n".join(sorted(self._in_use)))
        os.replace(temporary, self._lease)

    def _leased_elsewhere(self) -> set[str]:
        """Names leased by other live runs; the leases of runs that died are removed."""
        names: set[str] = set()
        for lease in (self.folder / _LEASES).iterdir():
            if lease == self._lease or lease.name.endswith(".tmp"):
                continue
            try:
                pid = int(lease.name.split("-", 1)[0])
            except ValueError:
                continue
            if not _pid_alive(pid):
                lease.unlink(missing_ok=True)
                continue
            try:
                names.update(lease.read_text().split())
            except OSError:
                continue
        return names

    def _files(self) -> list[tuple[Path, int, float]]:
        """(path, size, last use) of the complete files; temporary files of dead processes removed."""
        files = []
        for entry in os.scandir(self.folder):
            if not entry.is_file():
                continue
            if entry.name.startswith("."):
                if entry.name.endswith(".part"):
                    self._remove_orphan(entry.path)
                continue
            stat = entry.stat()
            files.append((Path(entry.path), stat.st_size, stat.st_mtime))
        return files

    @staticmethod
    def _remove_orphan(path: str) -> None:
        try:
            pid = int(path.rsplit(".", 3)[-3])
        except (ValueError, IndexError):
            return
        if not _pid_alive(pid):
            Path(path).unlink(missing_ok=True)

    def _matches(self, path: Path, expected: ExpectedFile) -> bool:
        """Is ``path`` a cached copy the asset's size and checksum (where known) agree with?"""
        if not path.is_file():
            return False
        if expected.size is not None and path.stat().st_size != expected.size:
            return False
        if expected.checksum is None:
            return True
        known = multihash_algorithm(expected.checksum)
        if known is None:
            return True
        digest = hashlib.new(known[0])
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(self.chunk_bytes), b""):
                digest.update(block)
        return digest.digest() == known[1]

    def _session_(self):
        if self._session is None:
            import requests
            from requests.adapters import HTTPAdapter
            from urllib3.util.retry import Retry

            # As STAC and CMR requests: retry rate limits and gateway errors with backoff (or the
            # server's Retry-After), refused connections twice; a broken body is the caller's retry.
            retry = Retry(
                total=4, connect=2, read=0, status=4, backoff_factor=0.5, status_forcelist=RETRY_STATUS,
                allowed_methods=("GET",), respect_retry_after_header=True, raise_on_status=False,
            )  # fmt: skip
            session = requests.Session()
            adapter = HTTPAdapter(max_retries=retry)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            self._session = session
        return self._session

    def _download(
        self,
        url: str,
        target: Path,
        expected: ExpectedFile,
        headers: Optional[Mapping[str, str]],
        is_cancelled: IsCancelled,
    ) -> Optional[str]:
        """Download ``url`` to ``target`` through a temporary file; None once done, else why not (the
        temporary file deleted either way)."""
        import requests

        temporary = self.folder / f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:12]}.part"
        known = multihash_algorithm(expected.checksum) if expected.checksum else None
        digest = hashlib.new(known[0]) if known else None
        request_headers = {"Accept-Encoding": "identity", **(headers or {})}
        try:
            with self._session_().get(
                url, headers=request_headers, stream=True, timeout=(min(self.timeout, 15), self.timeout)
            ) as answer:
                if answer.status_code != 200:
                    return f"HTTP {answer.status_code}"
                announced = answer.headers.get("Content-Length")
                written = 0
                with temporary.open("wb") as handle:
                    for block in answer.iter_content(self.chunk_bytes):
                        if is_cancelled():
                            raise Cancelled("download cancelled")
                        handle.write(block)
                        written += len(block)
                        if digest is not None:
                            digest.update(block)
            if announced is not None and written != int(announced):
                return f"{written} of {announced} bytes received"
            if expected.size is not None and written != expected.size:
                return f"{written} bytes received, the catalog's file:size is {expected.size}"
            if known is not None and digest is not None and digest.digest() != known[1]:
                return f"its {known[0]} checksum differs from the catalog's file:checksum"
            self._make_room(written, target.name)
            os.replace(temporary, target)
            return None
        except requests.exceptions.Timeout:
            return f"no answer within {self.timeout:g} s"
        except requests.exceptions.ChunkedEncodingError:
            return "the transfer broke off"
        except requests.exceptions.RequestException as error:
            shown = _QUERY.sub("", str(error))[:200]  # it may quote the URL: its signature is cut
            return f"{type(error).__name__}: {shown}"
        finally:
            temporary.unlink(missing_ok=True)

    def _make_room(self, incoming: int, name: str) -> None:
        """Evict least recently used files until ``incoming`` more bytes fit under ``max_bytes``."""
        with self._lock:
            keep = self._in_use | self._leased_elsewhere()
            files = sorted(
                (entry for entry in self._files() if entry[0].name != name), key=lambda entry: entry[2]
            )
            total = sum(size for _, size, _ in files)
            for path, size, _ in files:
                if total + incoming <= self.max_bytes:
                    break
                if path.name in keep:
                    continue
                path.unlink(missing_ok=True)
                total -= size
            if total + incoming > self.max_bytes:
                raise AssetDownloadError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore",
                        "the scenes of this run need more than CACHE_MAX_GB ({0} GB) in CACHE_FOLDER {1}; "
                        "raise CACHE_MAX_GB, or leave CACHE_FOLDER empty to stream the scenes"
                    ),
                    "CACHE_MAX_GB",
                    args=(round(self.max_bytes / 1e9, 3), self.folder),
                )  # fmt: skip

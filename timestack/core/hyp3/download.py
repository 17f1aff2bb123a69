"""Find finished HyP3 jobs and download their product zips, with ``hyp3_sdk`` (ASF's client).

The HyP3 API (``GET /jobs``: ``name``, ``job_type``, ``start``, ``end``, ``status_code``, pages linked by
``next``) answers job records whose ``job_parameters.granules`` name the Sentinel-1 granules (one for
RTC_GAMMA, reference and secondary for INSAR_GAMMA) and whose ``files`` give each product zip's
``filename``, ``size`` and ``url``. Acquisition dates and the path (relative orbit, from the granule's
absolute orbit: ESA's ``(orbit - 73) mod 175 + 1`` for S1A, ``- 27`` for S1B, ``- 172`` for S1C, as
MintPy's ``get_relative_orbit_number``) are read from the granule names, so the filters cost no
download. Zips are written under a temporary name and renamed once complete; a zip already there
with the recorded size is skipped, so an interrupted download resumes.

The login is an Earthdata Login bearer token (``HyP3(token=...)``): a username and password are turned
into one by :func:`..search.earthdata.earthdata_auth`, the way the Earthdata search logs in. The token
never appears in a message.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from ..io.atomic import remove_temporary, temporary_beside
from ..runtime import (
    QT_TRANSLATE_NOOP,
    Cancelled,
    IsCancelled,
    Message,
    Progress,
    TimestackError,
    no_progress,
    not_cancelled,
    optional_import,
)
from .names import acquisition_start, relative_orbit

__all__ = ["JOB_TYPES", "PROD_API", "Hyp3Job", "download_jobs", "find_jobs", "relative_orbit"]

PROD_API = "https://hyp3-api.asf.alaska.edu"
JOB_TYPES = ("RTC_GAMMA", "INSAR_GAMMA")


@dataclass(frozen=True)
class Hyp3Job:
    """A finished job: its id, type, name, granules, the dates and path they were acquired on, its files."""

    job_id: str
    job_type: str
    name: str
    granules: tuple[str, ...]
    dates: tuple[dt.date, ...]
    path: Optional[int]
    files: tuple[dict, ...]
    expired: bool


def _client(api_url: str, username: str, secret: str, timeout: float):
    hyp3_sdk = optional_import("hyp3_sdk", "timestack:hyp3download", "hyp3_sdk", "AUTHCFG")
    if not secret:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "AUTHCFG: the configuration has no password or token."),
            "AUTHCFG",
        )
    token = secret
    if username:
        from ..search.earthdata import EarthdataLogin, earthdata_auth

        token = earthdata_auth(EarthdataLogin(username, secret), timeout).token["access_token"]
    return hyp3_sdk.HyP3(api_url=api_url, token=token)


def find_jobs(
    api_url: str,
    username: str,
    secret: str,
    *,
    name: Optional[str] = None,
    job_type: Optional[str] = None,
    start: Optional[dt.date] = None,
    end: Optional[dt.date] = None,
    paths: Sequence[int] = (),
    timeout: float = 30.0,
) -> list[Hyp3Job]:
    """The succeeded jobs of the user (``name``, ``job_type``), acquired between ``start`` and ``end``
    (every granule of the job) on one of ``paths`` (all when empty).

    ``secret`` is the Earthdata password (with ``username``) or a bearer token (empty ``username``).
    """
    if job_type and job_type not in JOB_TYPES:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "JOB_TYPE: {0!r}; use one of {1}"),
            "JOB_TYPE",
            args=(job_type, ", ".join(JOB_TYPES)),
        )
    import requests
    from hyp3_sdk.exceptions import HyP3SDKError

    client = _client(api_url, username, secret, timeout)
    try:
        batch = client.find_jobs(name=name or None, job_type=job_type or None, status_code="SUCCEEDED")
    except requests.exceptions.JSONDecodeError:  # an error page, not the API's JSON: another server
        not_hyp3 = QT_TRANSLATE_NOOP(
            "TimestackCore",
            "API_URL: {0} answered with a page that is not the HyP3 API's (no JSON); check the address, or "
            "try again later if the API is down."
        )  # fmt: skip
        raise TimestackError(not_hyp3, "API_URL", args=(api_url,)) from None
    except requests.exceptions.RequestException as exc:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "API_URL: the HyP3 API at {0} could not be reached ({1})."),
            "API_URL",
            args=(api_url, type(exc).__name__),
        ) from None
    except HyP3SDKError as exc:
        status = str(exc).split(" ", 2)[:2]  # "<Response [401]> detail": the status only, never the body
        code = re.search(r"\[(\d{3})\]", " ".join(status))
        if not code or code.group(1) not in ("401", "403"):  # the server's fault or a wrong address
            failed = QT_TRANSLATE_NOOP(
                "TimestackCore",
                "API_URL: the HyP3 API at {0} could not answer the search ({1}); check the address, or try "
                "again later if the API is down."
            )  # fmt: skip
            shown = f"HTTP {code.group(1)}" if code else type(exc).__name__
            raise TimestackError(failed, "API_URL", args=(api_url, shown)) from None
        refused = QT_TRANSLATE_NOOP(
            "TimestackCore",
            "AUTHCFG: the HyP3 API refused the search ({0}); check the Earthdata login (username and "
            "password, or token) in the authentication configuration."
        )  # fmt: skip
        raise TimestackError(refused, "AUTHCFG", args=(" ".join(status) or type(exc).__name__,)) from None
    now = dt.datetime.now(dt.timezone.utc)
    found = []
    for job in batch:
        granules = tuple((job.job_parameters or {}).get("granules") or ())
        dates = tuple(d.date() for d in (acquisition_start(g) for g in granules) if d is not None)
        path = relative_orbit(granules[0]) if granules else None
        if start and (not dates or min(dates) < start):
            continue
        if end and (not dates or max(dates) > end):
            continue
        if paths and path not in paths:
            continue
        expired = job.expiration_time is not None and job.expiration_time < now
        found.append(
            Hyp3Job(
                job.job_id,
                job.job_type,
                job.name or "",
                granules,
                dates,
                path,
                tuple(job.files or ()),
                expired,
            )
        )
    return found


def download_jobs(
    jobs: Sequence[Hyp3Job],
    folder: str | os.PathLike,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
) -> tuple[list[Path], list[Path]]:
    """Download the product zips of ``jobs`` into ``folder``: (downloaded, already there).

    Each zip is written under a temporary name and renamed when complete and of the recorded size; a
    cancel or failure leaves no partial zip.
    """
    import requests
    from hyp3_sdk.util import download_file

    progress = progress or no_progress
    is_cancelled = is_cancelled or not_cancelled
    folder = Path(folder)
    files = [entry for job in jobs if not job.expired for entry in job.files]
    written, skipped = [], []
    for index, entry in enumerate(files):
        if is_cancelled():
            raise Cancelled()
        target = folder / Path(entry["filename"]).name
        size = entry.get("size")
        if target.is_file() and (size is None or target.stat().st_size == size):
            skipped.append(target)
            continue
        progress(
            100.0 * index / len(files),
            Message(QT_TRANSLATE_NOOP("TimestackCore", "Downloading {0}"), target.name),
        )
        temporary = temporary_beside(target)
        try:
            try:
                download_file(entry["url"], temporary)
            except requests.exceptions.RequestException as exc:
                failed = QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0} could not be downloaded ({1}); run the download again to resume."
                )  # fmt: skip
                raise TimestackError(failed, None, args=(target.name, type(exc).__name__)) from None
            if size is not None and temporary.stat().st_size != size:
                raise TimestackError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore",
                        "{0} arrived incomplete ({1} of {2} bytes); run the download again to resume."
                    ),
                    "OUTPUT_FOLDER",
                    args=(target.name, temporary.stat().st_size, size),
                )  # fmt: skip
            os.replace(temporary, target)
        except BaseException:
            remove_temporary(temporary)
            raise
        written.append(target)
    progress(100.0, "")
    return written, skipped

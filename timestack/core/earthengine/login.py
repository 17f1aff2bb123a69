"""Log in to Earth Engine: a service account's key, or earthengine-api's own browser flow.

earthengine-api keeps one session per Python process (``ee.Initialize``). Two ways in, both the
library's own:

- a service account: the key JSON Google gives for it, handed over as text (Timestack reads it from
  the QGIS authentication database, never from a file in clear), made into credentials with
  ``ee.ServiceAccountCredentials(key_data=...)``; google-auth fetches access tokens from the key's
  ``token_uri``;
- a person's Google account: ``ee.Authenticate(auth_mode="localhost")`` opens the browser and takes the
  answer on a loopback port, storing the refresh token where earthengine-api keeps it
  (``~/.config/earthengine/credentials``), as ``earthengine authenticate`` does.

With :data:`API_URL_ENV` set, requests go to that base URL (a stand-in server in tests).
Errors say what to do and never repeat a key or a token.
"""

from __future__ import annotations

import json
import os
from typing import Any, Optional

from ..runtime import MISSING_EARTHENGINE, QT_TRANSLATE_NOOP, TimestackError, optional_import

__all__ = [
    "API_URL_ENV",
    "KEY_FIELDS",
    "authenticate_in_browser",
    "ensure_initialized",
    "service_account_credentials",
    "sign_in",
]

#: What a service account's key JSON must hold.
KEY_FIELDS = ("client_email", "private_key", "token_uri")
#: Environment variable with another base URL for Earth Engine's REST API (a loopback stand-in in
#: tests; ``http://127.0.0.1:8080``). Unset: Google's servers with the stored login.
API_URL_ENV = "TIMESTACK_EE_API_URL"


def _ee():
    return optional_import("ee", "Earth Engine", "earthengine-api", "EE_PROJECT", MISSING_EARTHENGINE)


def service_account_credentials(key_json: str, parameter: str = "AUTHCFG"):
    """Credentials of the service account whose key JSON is ``key_json``, or a clear error naming
    ``parameter`` (the key itself is never quoted)."""
    ee = _ee()
    try:
        key = json.loads(key_json)
    except (TypeError, ValueError):
        key = None
    missing = [name for name in KEY_FIELDS if not (isinstance(key, dict) and key.get(name))]
    if missing:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0}: the password of this authentication configuration must be a service account's key "
                "JSON (as Google Cloud downloads it); it lacks {1}."
            ),
            parameter,
            args=(parameter, ", ".join(missing)),
        )  # fmt: skip
    try:
        return ee.ServiceAccountCredentials(key["client_email"], key_data=json.dumps(key))
    except Exception as exc:  # noqa: BLE001 - google-auth refuses a malformed private key in many ways
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0}: the service account key of {1} cannot be used ({2}); download a new key JSON."
            ),
            parameter,
            args=(parameter, key["client_email"], type(exc).__name__),
        ) from None  # fmt: skip


def sign_in(project: Optional[str] = None, credentials: Any = None, parameter: str = "EE_PROJECT") -> None:
    """Initialise earthengine-api for ``project`` with ``credentials`` (a service account's), or with the
    login earthengine-api stored (None). Initialises again even if a session exists: the account or
    the project may have changed."""
    ee = _ee()
    url = os.environ.get(API_URL_ENV, "").strip().rstrip("/")
    options = {"project": project or None}
    if url:  # a stand-in server (tests): no stored login is sent to it
        options["url"] = url
    try:
        # Initialize reads the algorithm list: the first request, so a refused key shows here
        ee.Initialize(credentials=credentials if credentials is not None or url else "persistent", **options)
    except Exception as exc:  # noqa: BLE001 - any auth/project failure means the same to the user
        if credentials is not None:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "AUTHCFG: Earth Engine refused the service account ({0}); check that the key is current "
                    "and the account is registered for Earth Engine in project '{1}'."
                ),
                "AUTHCFG",
                args=(type(exc).__name__, project or ""),
            ) from None  # fmt: skip
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "Earth Engine could not be initialised ({0}): authenticate once with `earthengine "
                "authenticate` and give a Google Cloud project registered for Earth Engine."
            ),
            parameter,
            args=(type(exc).__name__,),
        ) from None  # fmt: skip


def ensure_initialized(project: Optional[str] = None, parameter: str = "EE_PROJECT") -> None:
    """Initialise earthengine-api with the user's stored credentials unless already done
    (:func:`sign_in`: with :data:`API_URL_ENV` set, against that base URL without a login).

    Parameters
    ----------
    project
        The Google Cloud project requests are billed to; None: the login's default.
    parameter
        The parameter an error names when there is no usable login or project.

    Raises
    ------
    TimestackError
        earthengine-api missing (names EE_PROJECT), or no usable login or project (names
        ``parameter``); the error never repeats the underlying message (it may quote tokens), it says
        what to do.
    """
    if _ee().data.is_initialized():
        return
    sign_in(project, parameter=parameter)


def authenticate_in_browser() -> None:
    """earthengine-api's own login for a person: opens the browser on Google's consent page and takes
    the answer on a loopback port (``auth_mode="localhost"``); blocks until then (run it in a task)."""
    ee = _ee()
    try:
        ee.Authenticate(auth_mode="localhost", force=True)
    except Exception as exc:  # noqa: BLE001 - a closed browser, a refused consent, a busy port
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "The Earth Engine login in the browser did not complete ({0}). Try again, or run "
                "`earthengine authenticate` in a terminal, or use a service account key."
            ),
            "EE_PROJECT",
            args=(type(exc).__name__,),
        ) from None  # fmt: skip

"""earthengine-api initialised offline, as its own unit tests do, and put back afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["offline_earthengine", "service_account_key"]


@contextmanager
def offline_earthengine() -> Iterator:
    """earthengine-api initialised from the algorithm list it ships (``ee.apitestcase``); no request.

    ``ApiTestCase`` replaces ``ee.data._install_cloud_api_resource`` and the data-catalog fetch with
    stand-ins and its tearDown does not put them back: restored here, so a later test's requests reach
    the (loopback) server it starts.
    """
    import ee
    from ee import apitestcase

    saved = ee.data._install_cloud_api_resource, ee.deprecation._FetchDataCatalogStac
    case = apitestcase.ApiTestCase()
    case.setUp()
    try:
        yield ee
    finally:
        case.tearDown()
        ee.data._install_cloud_api_resource, ee.deprecation._FetchDataCatalogStac = saved


def service_account_key(
    token_uri: str, email: str = "timestack@timestack-test.iam.gserviceaccount.com"
) -> str:
    """A service account's key JSON, as Google Cloud downloads it, with a fresh RSA key and its tokens
    asked of ``token_uri`` (a loopback stand-in)."""
    import json

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return json.dumps({
        "type": "service_account", "project_id": "timestack-test", "private_key_id": "k1",
        "private_key": pem, "client_email": email, "client_id": "1", "token_uri": token_uri,
    })  # fmt: skip

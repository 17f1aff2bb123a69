"""earthengine-api initialised offline, as its own unit tests do, and put back afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["offline_earthengine"]


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

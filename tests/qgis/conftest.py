"""Fixtures shared by the QGIS tests."""

import pytest
from qgis.core import QgsApplication


@pytest.fixture(scope="module")
def provider(qgis_processing):
    """The Timestack Processing provider, registered for the module's tests and removed after them."""
    from timestack.processing.provider import TimestackProvider

    provider = TimestackProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)

"""Fixtures shared by the QGIS tests."""

import gc

import pytest
from qgis.core import QgsApplication


@pytest.fixture(autouse=True)
def forget_dock_inputs():
    """Each test starts from the dock's defaults: the inputs a dock remembers (QgsSettings) are removed
    after every test, so no test sees the catalog or folders another one chose."""
    yield
    from qgis.core import QgsSettings

    from timestack.gui.remembered import PREFIX

    QgsSettings().remove(PREFIX)


@pytest.fixture(autouse=True)
def free_garbage_on_the_main_thread():
    """Free what each test leaves in reference cycles (panels, layers) on the main thread as it ends.

    Python's cyclic collector runs on whichever thread allocates when its threshold is crossed: left
    for later, a test's panels and layers were freed by a later test's worker thread (a dock run, a
    pixel read), and Qt objects deleted off the main thread crashed the test process (SIGSEGV)."""
    yield
    gc.collect()


@pytest.fixture(scope="module")
def provider(qgis_processing):
    """The Timestack Processing provider, registered for the module's tests and removed after them."""
    from timestack.processing.provider import TimestackProvider

    provider = TimestackProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


@pytest.fixture()
def store_login(qgis_app):
    """Store Basic configurations (username, password) in the session's temporary QGIS authentication
    database; returns their ids; removes them after the test."""
    from qgis.core import QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    assert manager.setMasterPassword("timestack-tests", True)
    stored = []

    def store(username: str, password: str) -> str:
        config = QgsAuthMethodConfig("Basic")
        config.setName("Earthdata")
        config.setConfig("username", username)
        config.setConfig("password", password)
        assert manager.storeAuthenticationConfig(config)
        stored.append(config.id())
        return config.id()

    yield store
    for authcfg in stored:
        manager.removeAuthenticationConfig(authcfg)

"""Timestack: satellite image time series in QGIS."""

__all__ = ["classFactory"]


def classFactory(iface):  # noqa: N802 - the name QGIS looks for
    """Called by QGIS to create the plugin; imports stay lazy so loading is cheap."""
    from .timestack_plugin import TimestackPlugin

    return TimestackPlugin(iface)

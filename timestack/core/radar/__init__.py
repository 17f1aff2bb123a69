"""Sentinel-1 backscatter: items grouped by track (``tracks``), the multi-temporal speckle filter and
dB conversion (``speckle``), and per-track stacks of gamma0 on one grid (``stack``)."""

__all__ = ["speckle", "stack", "tracks"]

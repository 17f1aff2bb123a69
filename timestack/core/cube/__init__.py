"""Whole time stacks as one object: several stacks on one grid (``stacks``), written as a CF-1.8
NetCDF-4 or Zarr cube (``export``), or shown as an animated GIF/MP4 (``animation``)."""

__all__ = ["animation", "export", "stacks"]

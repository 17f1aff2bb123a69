"""Timescans: per-pixel temporal metrics of any dated stack (``metrics``), run over rasters (``raster``)."""

__all__ = ["metrics", "raster"]

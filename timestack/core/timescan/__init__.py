"""Temporal summaries of any dated stack: per-pixel metrics (``metrics``) run over rasters (``raster``),
and per-period resampling (``resample``)."""

__all__ = ["metrics", "raster", "resample"]

"""Temporal summaries of any dated stack: per-pixel metrics (``metrics``, computed by the numba
``kernels``) run over rasters (``raster``), and per-period resampling (``resample``)."""

__all__ = ["kernels", "metrics", "raster", "resample"]

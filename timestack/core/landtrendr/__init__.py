"""LandTrendr segmentation.

Parameters, per-pixel and raster fits are ``fit``; the numba numerics are ``kernels``.
"""

__all__ = ["fit", "kernels"]

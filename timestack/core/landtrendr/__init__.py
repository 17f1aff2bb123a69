"""LandTrendr segmentation.

Parameters, per-pixel and raster fits are ``fit``; the numba numerics are ``kernels``; the numbers
they share (flavours, parameter layout, status codes) are ``codes``.
"""

__all__ = ["codes", "fit", "kernels"]

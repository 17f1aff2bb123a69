"""Annual cloud-free composites.

The driver over windows and years is ``annual``; its numba reducers are ``kernels``.
"""

__all__ = ["annual", "kernels"]

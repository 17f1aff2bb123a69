"""Annual cloud-free composites.

The driver over windows and years is ``annual``; its numba reducers are ``kernels``; ``scenes``
stacks the masked scenes date by date on the same machinery.
"""

__all__ = ["annual", "kernels", "scenes"]

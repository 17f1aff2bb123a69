"""The engines, with no QGIS import: every capability is a package, on top of a few shared modules.

``runtime`` (progress, cancel, user errors), ``indices`` (the spectral index registry), ``items``
(which STAC asset holds which band, and how it scales), ``native``
(which GEOS/PROJ the process uses), ``numba_cache`` and ``pixel_blocks`` (the numba kernels' cache
folder and threads) are shared by all; ``io`` reads and writes
grids and stacks. The capabilities follow the user's workflow: ``search``, ``quality`` (QA bits,
masks, TDOM, harmonisation), ``composite``, ``landtrendr``, ``changemap``, ``timescan``, ``cube``
(NetCDF/Zarr cubes, animations), ``zonal``, ``earthengine``, ``sample_archive`` and ``aster``
(ASTER L1T radiance and brightness temperature).
Processing and the dock import from here, never the reverse.
"""

__all__ = [
    "aster",
    "changemap",
    "composite",
    "cube",
    "earthengine",
    "hyp3",
    "indices",
    "io",
    "items",
    "landtrendr",
    "native",
    "numba_cache",
    "pixel_blocks",
    "quality",
    "radar",
    "runtime",
    "sample_archive",
    "search",
    "timescan",
    "zonal",
]

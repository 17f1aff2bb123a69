"""Reading and writing rasters: the grid scenes are read onto (``grid``), which item hrefs may be opened
(``hrefs``), a local cache of remote scene files (``cache``), every output written atomically
(``atomic``), the band-description contract (``bands``), the windowed engine (``engine``), stacks
and COGs (``stack``), VRT mosaics of tiles (``mosaic``) and tiled, resumable runs (``tiles``)."""

__all__ = [
    "atomic",
    "bands",
    "budget",
    "cache",
    "engine",
    "grid",
    "hrefs",
    "logins",
    "mosaic",
    "stack",
    "tiles",
]

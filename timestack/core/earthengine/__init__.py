"""Earth Engine back ends: the same outputs as the local engines, computed server-side.

Modules here build ``ee`` graphs and export tasks without QGIS; ``earthengine-api`` is imported
lazily so the rest of Timestack works without it.
"""

__all__ = ["collection_ids", "composite", "landtrendr", "login", "tasks"]

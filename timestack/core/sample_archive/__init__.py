"""Deterministic synthetic Landsat Collection 2 Level-2 sample archive with ground truth.

The embedded default data set of the demo and of every test: COGs named and laid out as USGS publishes
them, STAC Items shaped like the Planetary Computer's, and truth rasters (disturbance year/magnitude, land
cover, per-scene cloud/shadow masks) plus stand polygons to measure LandTrendr, compositing and polygon
statistics against. The landscape and its events are data: ``resources/sample/recipe.json``.
"""

from .build import SampleArchive, build_sample_archive, ensure_sample_archive
from .landscape import LANDCOVER_NAMES
from .recipe import GENERATOR_VERSION, load_recipe
from .scenes import TRUTH_CLASSES
from .stac import OfflineSTACValidator, validate_item_dict

__all__ = [
    "GENERATOR_VERSION",
    "LANDCOVER_NAMES",
    "TRUTH_CLASSES",
    "OfflineSTACValidator",
    "SampleArchive",
    "build_sample_archive",
    "ensure_sample_archive",
    "load_recipe",
    "validate_item_dict",
]

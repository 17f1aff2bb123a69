"""What is wrong with a stack file a user pointed an algorithm at, said before Processing says it.

Processing's own check of a raster or multi-layer parameter answers a missing, empty or foreign file
with "Incorrect parameter value for INPUT" or "Could not load source layer … not found" (for an empty
file too). An algorithm that mixes in :class:`StackFiles` says which of these it is and what to do.
"""

from __future__ import annotations

import os

from qgis.core import QgsProcessingUtils, QgsRasterLayer


class StackFiles:
    """Mix in before :class:`.algorithm.TimestackAlgorithm` (its ``tr`` looks here for translations)."""

    def stack_file_problem(self, name: str, value, context) -> str:
        """The message for the first value of raster parameter ``name`` that is no readable raster file;
        "" when all are (or are layers of the project, or not ours to say)."""
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            if not isinstance(item, str) or not item.strip():
                continue
            path = item.split("|", 1)[0].strip()
            if not os.path.exists(path):
                if "://" in path or QgsProcessingUtils.mapLayerFromString(item, context, False) is not None:
                    continue  # a URL or a layer of the project, by id or name
                return self.tr("{0}: {1} does not exist; check the path or choose the stack again.").format(
                    name, path
                )
            if os.path.isdir(path):
                return self.tr("{0}: {1} is a folder; choose the stack file in it.").format(name, path)
            if os.path.getsize(path) == 0:
                return self.tr("{0}: {1} is empty (0 bytes); choose a complete stack.").format(name, path)
            if not QgsRasterLayer(path, "", "gdal").isValid():
                return self.tr(
                    "{0}: {1} is not a raster GDAL can read (truncated or another kind of file); choose a "
                    "GeoTIFF stack."
                ).format(name, path)
        return ""

"""The sample-archive recipe: landscape, events, sensors and sizes, kept as data in ``resources/sample``.

DESIGN.md puts the recipe in ``resources/`` so the landscape (event years, places, probabilities) can be
read and changed without touching code; this module only loads it and selects a variant.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...paths import RESOURCES_DIR

RECIPE_PATH = RESOURCES_DIR / "sample" / "recipe.json"

#: Bump when the generator's output changes for the same recipe (invalidates cached archives).
GENERATOR_VERSION = "1"


@dataclass(frozen=True)
class Recipe:
    """The common part of the recipe plus one variant (``full`` or ``small``)."""

    variant_name: str
    common: dict[str, Any]
    variant: dict[str, Any]

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns) of every raster of this variant."""
        return int(self.variant["height"]), int(self.variant["width"])

    @property
    def geotransform(self) -> tuple[float, float, float, float, float, float]:
        """GDAL geotransform of the variant's north-up grid."""
        x0, y0 = self.variant["origin"]
        size = float(self.common["pixel_size"])
        return (float(x0), size, 0.0, float(y0), 0.0, -size)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) in the archive's CRS."""
        x0, size, _, y0, _, _ = self.geotransform
        rows, cols = self.shape
        return (x0, y0 - rows * size, x0 + cols * size, y0)

    def digest(self) -> str:
        """Hash of everything that determines the output: recipe, generator version and generator code.

        Hashing the generator's own source too means an edited generator never serves a stale cache.
        """
        payload = json.dumps(
            {"common": self.common, "variant": self.variant, "generator": GENERATOR_VERSION}, sort_keys=True
        ).encode("utf-8")
        sources = sorted(Path(__file__).parent.glob("*.py")) + [
            Path(__file__).parent.parent / "quality" / "qa.py"
        ]
        digest = hashlib.sha256(payload)
        for source in sources:
            digest.update(source.read_bytes())
        return digest.hexdigest()


def load_recipe(variant: str, path: Path = RECIPE_PATH) -> Recipe:
    """Read the recipe file and select ``variant``.

    Parameters
    ----------
    variant
        ``"full"`` or ``"small"``.
    path
        The recipe file.

    Returns
    -------
    Recipe

    Raises
    ------
    ValueError
        An unknown variant, naming the known ones.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    variants = data.pop("variants")
    if variant not in variants:
        raise ValueError(f"unknown sample-archive variant {variant!r}; expected one of {sorted(variants)}")
    return Recipe(variant_name=variant, common=data, variant=variants[variant])

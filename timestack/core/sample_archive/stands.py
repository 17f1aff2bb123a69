"""The outlines of the sample landscape's stands: irregular, the way real compartments and fields are.

Rectangular stands let polygon statistics pass every test while irregular ones crashed QGIS (the
interior flood fill of a polygon that is not a rectangle was never exercised). So the layout starts
from a recursive split of the grid (compartments and field blocks along property lines), then bends
every boundary with a smooth displacement field, the way stand edges follow terrain and streams. Three
outlines every stand layer has are made on purpose: a lake with a shoreline forest belt around it (a
polygon with a hole), and one farm whose two fields lie apart (a multipart parcel). Stands stay
pixel-exact (each pixel belongs to one stand), so a stand's statistics are never mixed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from .noise import smooth_field
from .recipe import Recipe

CONIFER, AGRICULTURE, WATER, URBAN = 1, 2, 3, 4


@dataclass(frozen=True)
class StandLayout:
    """``stand_index`` (int32 per pixel, 0-based) and the land cover of each stand."""

    stand_index: np.ndarray
    landcover: list


def split_stands(rng: np.random.Generator, shape: tuple[int, int], max_px: int) -> list[tuple[int, ...]]:
    """Recursively split the grid into rectangles no longer than ``max_px`` on either side.

    Parameters
    ----------
    rng
        The seeded generator.
    shape
        (rows, cols).
    max_px
        The longest side of a rectangle, in pixels.

    Returns
    -------
    list of tuple
        (row0, col0, row1, col1) per rectangle, sorted.
    """
    pending = [(0, 0, shape[0], shape[1])]
    done: list[tuple[int, ...]] = []
    while pending:
        r0, c0, r1, c1 = pending.pop()
        height, width = r1 - r0, c1 - c0
        if max(height, width) <= max_px:
            done.append((r0, c0, r1, c1))
            continue
        if height >= width:
            cut = r0 + int(round(height * rng.uniform(0.35, 0.65)))
            pending += [(r0, c0, cut, c1), (cut, c0, r1, c1)]
        else:
            cut = c0 + int(round(width * rng.uniform(0.35, 0.65)))
            pending += [(r0, c0, r1, cut), (r0, cut, r1, c1)]
    return sorted(done)


def in_ellipse(u, v, zone: dict):
    """Whether scene fractions (u, v) lie in the recipe ellipse ``zone`` (center, radii).

    Parameters
    ----------
    u, v
        Fractions of the scene's width and height (scalars or arrays).
    zone
        The recipe's ``center`` and ``radii``.

    Returns
    -------
    bool or numpy.ndarray
    """
    (cu, cv), (ru, rv) = zone["center"], zone["radii"]
    return ((u - cu) / ru) ** 2 + ((v - cv) / rv) ** 2 <= 1.0


def upland_cover(u: float, v: float, zones: dict) -> int:
    """Land cover of a compartment centred at (u, v) outside the lake: town, fields or forest.

    Parameters
    ----------
    u, v
        The compartment's centre, as fractions of the scene.
    zones
        The recipe's land-cover zones.

    Returns
    -------
    int
        A land cover code.
    """
    if in_ellipse(u, v, zones["urban"]):
        return URBAN
    return AGRICULTURE if u >= zones["agriculture_west_edge_u"] else CONIFER


def _warped_positions(rng: np.random.Generator, shape: tuple[int, int], max_px: int) -> tuple:
    """Row and column each pixel takes its compartment from: itself displaced by a smooth field.

    The displacement (up to a quarter of a stand) varies over about half a stand, so edges meander
    without tearing stands into confetti.
    """
    amplitude, sigma = 0.25 * max_px, max_px / 2.5
    rows, cols = np.indices(shape, dtype=np.float32)
    rows = rows + (smooth_field(rng, shape, sigma) - 0.5) * 2 * amplitude
    cols = cols + (smooth_field(rng, shape, sigma) - 0.5) * 2 * amplitude
    return (
        np.clip(np.rint(rows), 0, shape[0] - 1).astype(np.intp),
        np.clip(np.rint(cols), 0, shape[1] - 1).astype(np.intp),
    )


def _far_parcel(index: np.ndarray, covers: list, first: int) -> int | None:
    """The field nearest to field ``first`` that does not touch it: the farm's second parcel."""
    near = ndimage.binary_dilation(index == first, iterations=2)
    centre = np.argwhere(index == first).mean(axis=0)
    best, best_distance = None, np.inf
    for candidate, cover in enumerate(covers):
        inside = index == candidate
        if candidate == first or cover != AGRICULTURE or not inside.any() or (near & inside).any():
            continue
        distance = float(np.hypot(*(np.argwhere(inside).mean(axis=0) - centre)))
        if distance < best_distance:
            best, best_distance = candidate, distance
    return best


def _absorb_remnants(index: np.ndarray, min_px: int) -> None:
    """Give pieces of stands smaller than ``min_px`` pixels (a compartment's corner cut off by the
    shore or the warp) to the neighbour they share most boundary with, as a surveyor would."""
    for label in np.unique(index):
        parts, count = ndimage.label(index == label)
        for part in range(1, count + 1):
            inside = parts == part
            if inside.sum() >= min_px:
                continue
            ring = ndimage.binary_dilation(inside) & ~inside
            neighbours = index[ring]
            neighbours = neighbours[neighbours != label]
            if neighbours.size:
                index[inside] = np.bincount(neighbours).argmax()


def lay_out_stands(recipe: Recipe, rng: np.random.Generator) -> StandLayout:
    """Stand outlines and land cover, deterministic from the recipe (``rng`` draws the compartments).

    Parameters
    ----------
    recipe
        The variant's recipe.
    rng
        The seeded generator.

    Returns
    -------
    StandLayout
    """
    shape, zones = recipe.shape, recipe.common["zones"]
    max_px = int(recipe.variant["stand_max_px"])
    rects = split_stands(rng, shape, max_px)
    compartment = np.zeros(shape, dtype=np.int32)
    for number, (r0, c0, r1, c1) in enumerate(rects):
        compartment[r0:r1, c0:c1] = number
    covers = [
        upland_cover((c0 + c1) / 2 / shape[1], (r0 + r1) / 2 / shape[0], zones) for r0, c0, r1, c1 in rects
    ]
    rows, cols = _warped_positions(np.random.default_rng([recipe.variant["seed"], 3]), shape, max_px)
    index = compartment[rows, cols]

    lake = in_ellipse((cols + 0.5) / shape[1], (rows + 0.5) / shape[0], zones["water"])
    shore = ndimage.binary_dilation(lake, iterations=max(1, round(max_px / 7))) & ~lake
    index[shore], index[lake] = len(covers), len(covers) + 1
    covers += [CONIFER, WATER]

    fields = [n for n, cover in enumerate(covers) if cover == AGRICULTURE and (index == n).any()]
    if fields:
        second = _far_parcel(index, covers, fields[0])
        if second is not None:
            index[index == second] = fields[0]

    _absorb_remnants(index, min_px=max_px)
    present = np.unique(index)
    renumber = np.full(len(covers), -1, dtype=np.int32)
    renumber[present] = np.arange(len(present), dtype=np.int32)
    return StandLayout(stand_index=renumber[index], landcover=[covers[n] for n in present])

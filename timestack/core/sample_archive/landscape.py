"""The synthetic landscape: forest stands, fields, a lake and a town, and the disturbances they undergo.

Stands are the unit of truth: every stand has one land cover and at most one disturbance, so polygon
statistics over a stand are never mixed. Their irregular outlines come from :mod:`.stands`, land cover
from zones of the recipe.
Surface reflectance is a linear mixture of endmember spectra (recipe ``spectra_reflectance``) with a
forest cover fraction that drops at a disturbance and recovers exponentially (Kennedy et al. 2010,
LandTrendr, describe recovery as a gradual return over 10-20 years).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from .noise import smooth_field
from .recipe import Recipe
from .stands import AGRICULTURE, CONIFER, URBAN, WATER, in_ellipse, lay_out_stands

LANDCOVER_NAMES = {CONIFER: "conifer_forest", AGRICULTURE: "agriculture", WATER: "water", URBAN: "urban"}
EVENT_TYPES = ("clearcut", "thinning", "fire")
BANDS = ("coastal", "blue", "green", "red", "nir08", "swir16", "swir22")
NIR, SWIR2 = BANDS.index("nir08"), BANDS.index("swir22")


@dataclass(frozen=True)
class Stand:
    """A homogeneous unit: the pixels where ``Landscape.stand_index`` is its position in ``stands``."""

    stand_id: int
    landcover: int
    event_type: str | None = None
    event_year: int | None = None
    event_doy: int | None = None


@dataclass
class Landscape:
    """Static rasters of the landscape plus the stand table."""

    recipe: Recipe
    stands: list[Stand]
    stand_index: np.ndarray  # int32, index into ``stands`` per pixel
    landcover: np.ndarray  # uint8 class codes
    severity: np.ndarray  # float32 0-1, fraction of forest cover removed; 0 = undisturbed
    event_time: np.ndarray  # float64 decimal year of the disturbance; inf = undisturbed
    event_code: np.ndarray  # uint8 index into EVENT_TYPES + 1; 0 = undisturbed
    texture: np.ndarray  # float32 multiplicative brightness texture, ~1
    elevation: np.ndarray  # float32 0-1, high in the west (snow falls there first)
    urban_green: np.ndarray  # float32 0-1 fraction of lawn/trees in town pixels
    crops: np.ndarray  # int16 (years, stands) crop index into recipe ``crops``; -1 for non-fields
    crop_vigour: np.ndarray  # float32 (years, stands)
    soil_brightness: np.ndarray  # float32 per stand

    @property
    def years(self) -> range:
        first, last = self.recipe.variant["years"]
        return range(int(first), int(last) + 1)


def decimal_year(date: dt.date) -> float:
    """Year plus the fraction elapsed, so event and acquisition times compare on one axis.

    Parameters
    ----------
    date
        A day.

    Returns
    -------
    float
    """
    start = dt.date(date.year, 1, 1)
    return date.year + (date - start).days / 365.25


def _stand_centres(stand_index: np.ndarray, count: int) -> np.ndarray:
    """(count, 2) scene fractions (u, v) of each stand's pixel centroid."""
    labels = np.arange(count)
    rows = ndimage.mean(np.indices(stand_index.shape)[0] + 0.5, stand_index, labels)
    cols = ndimage.mean(np.indices(stand_index.shape)[1] + 0.5, stand_index, labels)
    return np.column_stack([np.asarray(cols) / stand_index.shape[1], np.asarray(rows) / stand_index.shape[0]])


def assign_events(stand_index: np.ndarray, landcover: list[int], recipe: Recipe) -> list[dict | None]:
    """Map the recipe's events onto stands: point events hit one stand, a fire every forest stand inside.

    Point events (clear-cut, thinning) come first and must hit distinct conifer stands; the fire then
    burns the undisturbed conifer stands whose centroids lie in its ellipse, so no stand is disturbed twice.

    Parameters
    ----------
    stand_index
        The stand of each pixel (0-based).
    landcover
        Each stand's land cover code.
    recipe
        The variant's recipe (its events).

    Returns
    -------
    list
        Per stand, its event (a dict of the recipe's event fields) or None.

    Raises
    ------
    ValueError
        A point event that hits no undisturbed conifer stand: the recipe is wrong.
    """
    shape = stand_index.shape
    events: list[dict | None] = [None] * len(landcover)
    recipe_events = recipe.variant["events"]
    for event in [e for e in recipe_events if e["type"] != "fire"]:
        index = int(stand_index[int(event["at"][1] * shape[0]), int(event["at"][0] * shape[1])])
        if landcover[index] != CONIFER or events[index] is not None:
            raise ValueError(f"recipe event {event} does not hit an undisturbed conifer stand")
        events[index] = {"type": event["type"], "year": event["year"], "doy": event.get("doy", 1)}
    centres = _stand_centres(stand_index, len(landcover))
    for event in [e for e in recipe_events if e["type"] == "fire"]:
        for index, (u, v) in enumerate(centres):
            if landcover[index] == CONIFER and events[index] is None and in_ellipse(u, v, event):
                events[index] = {"type": "fire", "year": event["year"], "doy": event["doy"]}
    return events


def build_landscape(recipe: Recipe) -> Landscape:
    """Lay out stands, land cover, disturbances and static texture deterministically from the seed.

    Parameters
    ----------
    recipe
        The variant's recipe.

    Returns
    -------
    Landscape
    """
    rng = np.random.default_rng([recipe.variant["seed"], 1])
    shape = recipe.shape
    layout = lay_out_stands(recipe, rng)
    stand_index, covers = layout.stand_index, layout.landcover
    events = assign_events(stand_index, covers, recipe)
    stands = [
        Stand(
            stand_id=index + 1,
            landcover=cover,
            event_type=event["type"] if event else None,
            event_year=event["year"] if event else None,
            event_doy=event["doy"] if event else None,
        )
        for index, (cover, event) in enumerate(zip(covers, events))
    ]
    landcover = np.array(covers, dtype=np.uint8)[stand_index]

    sigma = max(shape) / 40
    fire_severity = smooth_field(rng, shape, sigma)
    severity = np.zeros(shape, dtype=np.float32)
    event_time = np.full(shape, np.inf)
    event_code = np.zeros(shape, dtype=np.uint8)
    sev = recipe.common["severity"]
    for index, stand in enumerate(stands):
        if stand.event_type is None or stand.event_year is None or stand.event_doy is None:
            continue
        inside = stand_index == index
        low, high = sev[stand.event_type]
        if stand.event_type == "fire":
            severity[inside] = low + (high - low) * fire_severity[inside]
        else:
            severity[inside] = rng.uniform(low, high)
        event_time[inside] = decimal_year(dt.date(stand.event_year, 1, 1) + dt.timedelta(stand.event_doy - 1))
        event_code[inside] = EVENT_TYPES.index(stand.event_type) + 1

    n_years = len(range(recipe.variant["years"][0], recipe.variant["years"][1] + 1))
    crop_names = list(recipe.common["crops"])
    crops = np.where(
        np.array([s.landcover == AGRICULTURE for s in stands])[None, :],
        rng.integers(0, len(crop_names), size=(n_years, len(stands))),
        -1,
    ).astype(np.int16)
    u_grid = np.linspace(0.0, 1.0, shape[1], dtype=np.float32)[None, :]
    return Landscape(
        recipe=recipe,
        stands=stands,
        stand_index=stand_index,
        landcover=landcover,
        severity=severity,
        event_time=event_time,
        event_code=event_code,
        texture=(0.93 + 0.14 * smooth_field(rng, shape, 1.0)).astype(np.float32),
        elevation=(0.6 * (1.0 - u_grid) + 0.4 * smooth_field(rng, shape, sigma * 2)).astype(np.float32),
        urban_green=(0.1 + 0.45 * smooth_field(rng, shape, 1.5)).astype(np.float32),
        crops=crops,
        crop_vigour=rng.normal(1.0, 0.08, size=(n_years, len(stands))).astype(np.float32),
        soil_brightness=rng.uniform(0.85, 1.15, size=len(stands)).astype(np.float32),
    )


def spectrum(recipe: Recipe, name: str) -> np.ndarray:
    """Endmember reflectance of ``name`` for the bands in ``BANDS``, shaped (bands, 1, 1) for broadcasting.

    Parameters
    ----------
    recipe
        The recipe holding the endmembers.
    name
        An endmember (``conifer``, ``soil``, ``char``…).

    Returns
    -------
    numpy.ndarray
    """
    return np.asarray(recipe.common["spectra_reflectance"][name], dtype=np.float32)[:, None, None]


def forest_cover(landscape: Landscape, when: float) -> np.ndarray:
    """Fraction of mature forest cover at decimal year ``when``: 1 - severity, recovering with time.

    Parameters
    ----------
    landscape
        The landscape.
    when
        A decimal year.

    Returns
    -------
    numpy.ndarray
        0-1 per pixel.
    """
    taus = np.array([np.inf] + [landscape.recipe.common["recovery_tau_years"][t] for t in EVENT_TYPES])
    since = years_since_event(landscape, when)
    after = since >= 0
    remaining = np.where(
        after, landscape.severity * np.exp(-np.clip(since, 0, None) / taus[landscape.event_code]), 0
    )
    return (1.0 - remaining).astype(np.float32)


def years_since_event(landscape: Landscape, when: float | np.ndarray) -> np.ndarray:
    """Years from each pixel's disturbance to ``when`` (negative before it, -1 where never disturbed).

    Parameters
    ----------
    landscape
        The landscape.
    when
        A decimal year, or one per pixel.

    Returns
    -------
    numpy.ndarray
    """
    disturbed = np.isfinite(landscape.event_time)
    return np.where(disturbed, when - np.where(disturbed, landscape.event_time, 0.0), -1.0)


def disturbed_endmember(landscape: Landscape, when: float | np.ndarray) -> np.ndarray:
    """What replaces the trees: char right after a fire fading to bare soil/slash within ~2 years.

    Parameters
    ----------
    landscape, when
        As :func:`years_since_event`.

    Returns
    -------
    numpy.ndarray
        Reflectance (bands, rows, cols).
    """
    recipe = landscape.recipe
    bare = spectrum(recipe, "clearcut")
    char_weight = np.where(
        landscape.event_code == EVENT_TYPES.index("fire") + 1,
        np.exp(-np.clip(years_since_event(landscape, when), 0, None) / 1.5),
        0.0,
    ).astype(np.float32)
    return bare + char_weight * (spectrum(recipe, "burn") - bare)


def nbr(reflectance: np.ndarray) -> np.ndarray:
    """Normalised burn ratio (nir - swir2) / (nir + swir2) of a (bands, ...) reflectance array.

    Parameters
    ----------
    reflectance
        Bands in the order of ``BANDS``.

    Returns
    -------
    numpy.ndarray
    """
    nir, swir2 = reflectance[NIR], reflectance[SWIR2]
    return (nir - swir2) / np.maximum(nir + swir2, 1e-6)


def crop_fraction(crop: dict, doy: int) -> float:
    """Green cover of a crop on ``doy``: a Gaussian green-up/senescence curve around its peak.

    Parameters
    ----------
    crop
        The recipe's crop (peak day, width, maximum cover).
    doy
        Day of year.

    Returns
    -------
    float
        0-1.
    """
    return crop["min"] + (crop["max"] - crop["min"]) * float(
        np.exp(-0.5 * ((doy - crop["peak_doy"]) / crop["width_days"]) ** 2)
    )


def surface_reflectance(landscape: Landscape, date: dt.date) -> np.ndarray:
    """Noise-free surface reflectance (bands, rows, cols) in ETM+ terms on ``date``, without atmosphere.

    Parameters
    ----------
    landscape
        The landscape.
    date
        The acquisition day (crop phenology, recovery).

    Returns
    -------
    numpy.ndarray
    """
    recipe = landscape.recipe
    when = decimal_year(date)
    doy = date.timetuple().tm_yday
    year_index = date.year - landscape.years.start
    rng = np.random.default_rng([recipe.variant["seed"], 2, date.year])

    cover = forest_cover(landscape, when)
    conifer = spectrum(recipe, "conifer").copy()
    conifer[NIR] *= (1.0 + 0.03 * np.cos(2 * np.pi * (doy - 200) / 365)) * rng.normal(1.0, 0.012)
    forest = cover * conifer + (1.0 - cover) * disturbed_endmember(landscape, when)

    crop_names = list(recipe.common["crops"])
    stands_green = np.zeros(len(landscape.stands), dtype=np.float32)
    for index, crop_index in enumerate(landscape.crops[year_index]):
        if crop_index >= 0:
            crop = recipe.common["crops"][crop_names[crop_index]]
            vigour = landscape.crop_vigour[year_index, index]
            stands_green[index] = np.clip(crop_fraction(crop, doy) * vigour, 0.0, 1.0)
    green = stands_green[landscape.stand_index]
    soil = spectrum(recipe, "soil") * landscape.soil_brightness[landscape.stand_index]
    fields = green * spectrum(recipe, "crop") + (1.0 - green) * soil

    lawn = landscape.urban_green * (1.0 - 0.4 * np.clip((doy - 180) / 90, 0, 1))
    town = lawn * spectrum(recipe, "grass") + (1.0 - lawn) * spectrum(recipe, "urban")
    water = spectrum(recipe, "water") * rng.uniform(0.85, 1.2)

    cover_class = landscape.landcover
    out = np.where(cover_class == CONIFER, forest, 0.0)
    out = np.where(cover_class == AGRICULTURE, fields, out)
    out = np.where(cover_class == URBAN, town, out)
    out = np.where(cover_class == WATER, np.broadcast_to(water, out.shape), out)
    texture = np.where(cover_class == WATER, 1.0, landscape.texture)
    return (out * texture).astype(np.float32)


def disturbance_magnitude(landscape: Landscape) -> np.ndarray:
    """True NBR drop (pre-disturbance minus just-after NBR, noise-free, ETM+ terms); 0 where undisturbed.

    The truth a LandTrendr magnitude is compared with.

    Parameters
    ----------
    landscape
        The landscape.

    Returns
    -------
    numpy.ndarray
    """
    recipe = landscape.recipe
    conifer = spectrum(recipe, "conifer")
    after_cover = 1.0 - landscape.severity
    after = after_cover * conifer + (1.0 - after_cover) * disturbed_endmember(landscape, landscape.event_time)
    drop = nbr(conifer)[0, 0] - nbr(after)
    return np.where(landscape.event_code > 0, drop, 0.0).astype(np.float32)

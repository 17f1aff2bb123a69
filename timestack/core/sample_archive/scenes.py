"""Acquisitions and their atmosphere: which Landsat saw the landscape when, and what was in the way.

Dates follow the WRS-2 16-day repeat of each platform (recipe ``platforms``); sun angles come from the
NOAA general solar position equations (Spencer 1971 series, NOAA Global Monitoring Laboratory, "General
Solar Position Calculations"); cloud shadows are the cloud mask projected along the sun direction by the
cloud height (the geometry CFMask uses, Zhu & Woodcock 2012); Landsat 7 SLC-off gaps are wedge-shaped
stripes of fill after 31 May 2003 (USGS, "SLC-off Products: Background").
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from ..quality import qa
from .landscape import BANDS, WATER, Landscape, spectrum, surface_reflectance
from .noise import smooth_field
from .recipe import Recipe

SENSORS = {"landsat-5": "tm", "landsat-7": "etm", "landsat-8": "oli", "landsat-9": "oli"}

#: Truth classes of the per-scene masks (truth/masks/<item_id>.tif).
TRUTH_CLASSES = {
    0: "clear",
    1: "cloud",
    2: "cloud shadow, flagged in QA_PIXEL",
    3: "cloud shadow, NOT flagged in QA_PIXEL",
    4: "snow",
    5: "fill (no data, e.g. Landsat 7 SLC-off gap)",
    6: "thin cirrus (flagged on Landsat 8/9 only)",
}
CLEAR, CLOUD, SHADOW_FLAGGED, SHADOW_UNFLAGGED, SNOW, FILL, CIRRUS = range(7)

#: Collection 2 surface reflectance scaling: reflectance = DN * scale + offset (USGS LSDS-1619).
SR_SCALE, SR_OFFSET = 2.75e-05, -0.2


@dataclass(frozen=True)
class Acquisition:
    """One scene: platform, time and sun position."""

    platform: str
    when: dt.datetime
    sun_elevation: float
    sun_azimuth: float

    @property
    def sensor(self) -> str:
        return SENSORS[self.platform]


@dataclass
class RenderedScene:
    """Arrays of one scene ready to write."""

    acquisition: Acquisition
    reflectance_dn: dict[str, np.ndarray]  # asset key -> uint16
    qa_pixel: np.ndarray
    qa_radsat: np.ndarray
    truth: np.ndarray  # uint8 TRUTH_CLASSES
    cloud_cover: float
    cloud_cover_land: float


def solar_position(when: dt.datetime, lat: float, lon: float) -> tuple[float, float]:
    """Sun elevation and azimuth (degrees, azimuth clockwise from north) at UTC ``when``, NOAA equations.

    Parameters
    ----------
    when
        The acquisition time, UTC.
    lat, lon
        The scene centre, degrees.

    Returns
    -------
    tuple of float
        (elevation, azimuth).
    """
    doy = when.timetuple().tm_yday
    hour = when.hour + when.minute / 60 + when.second / 3600
    gamma = 2 * math.pi / 365 * (doy - 1 + (hour - 12) / 24)
    eqtime = 229.18 * (
        0.000075
        + 0.001868 * math.cos(gamma)
        - 0.032077 * math.sin(gamma)
        - 0.014615 * math.cos(2 * gamma)
        - 0.040849 * math.sin(2 * gamma)
    )
    decl = (
        0.006918
        - 0.399912 * math.cos(gamma)
        + 0.070257 * math.sin(gamma)
        - 0.006758 * math.cos(2 * gamma)
        + 0.000907 * math.sin(2 * gamma)
        - 0.002697 * math.cos(3 * gamma)
        + 0.00148 * math.sin(3 * gamma)
    )
    hour_angle = math.radians((hour * 60 + eqtime + 4 * lon) / 4 - 180)
    phi = math.radians(lat)
    cos_zenith = math.sin(phi) * math.sin(decl) + math.cos(phi) * math.cos(decl) * math.cos(hour_angle)
    elevation = 90 - math.degrees(math.acos(max(-1.0, min(1.0, cos_zenith))))
    azimuth = math.degrees(
        math.atan2(
            math.sin(hour_angle), math.cos(hour_angle) * math.sin(phi) - math.tan(decl) * math.cos(phi)
        )
    )
    return elevation, (azimuth + 180) % 360


def schedule(recipe: Recipe, lat: float, lon: float) -> list[Acquisition]:
    """All acquisitions of the variant: 1-4 summer scenes per year drawn from the platforms then flying.

    Parameters
    ----------
    recipe
        The variant's recipe (years, platforms, seed).
    lat, lon
        The scene centre, for the sun's position.

    Returns
    -------
    list of Acquisition
        In time order.
    """
    common = recipe.common
    rng = np.random.default_rng([recipe.variant["seed"], 3])
    first_doy, last_doy = common["season_doy"]
    hh, mm, ss = (int(p) for p in common["acquisition_time_utc"].split(":"))
    weights = common["scenes_per_year_weights"]
    counts = np.array([int(k) for k in weights])
    probabilities = np.array(list(weights.values()), dtype=float)
    acquisitions = []
    for year in range(recipe.variant["years"][0], recipe.variant["years"][1] + 1):
        season_start = dt.date(year, 1, 1) + dt.timedelta(first_doy - 1)
        season_end = dt.date(year, 1, 1) + dt.timedelta(last_doy - 1)
        candidates = []
        for platform, spec in common["platforms"].items():
            first = max(dt.date.fromisoformat(spec["first"]), season_start)
            last = min(dt.date.fromisoformat(spec["last"]), season_end)
            anchor = dt.date.fromisoformat(spec["anchor"])
            day = first + dt.timedelta((anchor - first).days % 16)
            while day <= last:
                candidates.append((day, platform))
                day += dt.timedelta(16)
        candidates.sort()
        n = min(len(candidates), int(rng.choice(counts, p=probabilities / probabilities.sum())))
        for index in sorted(rng.choice(len(candidates), size=n, replace=False)):
            day, platform = candidates[index]
            when = dt.datetime(day.year, day.month, day.day, hh, mm, ss, tzinfo=dt.timezone.utc)
            when += dt.timedelta(seconds=float(rng.uniform(-20, 20)))
            elevation, azimuth = solar_position(when, lat, lon)
            acquisitions.append(Acquisition(platform, when, round(elevation, 8), round(azimuth, 8)))
    return acquisitions


def _shift(array: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """``array`` moved by (rows, cols) with zeros shifted in (no wrap-around)."""
    out = np.zeros_like(array)
    h, w = array.shape
    src = array[max(0, -rows) : h - max(0, rows), max(0, -cols) : w - max(0, cols)]
    out[max(0, rows) : max(0, rows) + src.shape[0], max(0, cols) : max(0, cols) + src.shape[1]] = src
    return out


def _clouds(rng: np.random.Generator, recipe: Recipe, acq: Acquisition) -> tuple[np.ndarray, ...]:
    """Cloud opacity, flagged and unflagged shadow masks on the grid, padded so off-grid clouds cast in."""
    atm = recipe.common["atmosphere"]
    shape = recipe.shape
    roll = rng.random()
    if roll < atm["clear_scene_probability"]:
        fraction = 0.0
    elif roll < atm["clear_scene_probability"] + atm["heavy_probability"]:
        fraction = rng.uniform(*atm["cloud_fraction_heavy"])
    else:
        fraction = rng.uniform(*atm["cloud_fraction_light"])
    height_m = rng.uniform(*atm["cloud_height_m"])
    distance_px = height_m / math.tan(math.radians(acq.sun_elevation)) / recipe.common["pixel_size"]
    azimuth = math.radians(acq.sun_azimuth)
    shift_rows = int(round(math.cos(azimuth) * distance_px))  # rows grow southwards, away from the sun
    shift_cols = int(round(-math.sin(azimuth) * distance_px))
    pad = int(math.ceil(distance_px)) + 1
    padded = (shape[0] + 2 * pad, shape[1] + 2 * pad)
    field = smooth_field(rng, padded, sigma=max(4.0, max(shape) / 30))
    if fraction == 0.0:
        empty = np.zeros(shape, dtype=bool)
        return np.zeros(shape, dtype=np.float32), empty, empty
    threshold = np.quantile(field, 1.0 - fraction)
    cloud = field > threshold
    opacity = np.clip(0.45 + (field - threshold) / max(1e-6, float(field.max() - threshold)), 0, 1)
    labels, count = ndimage.label(cloud)
    unflagged = rng.random(count + 1) < atm["unflagged_shadow_probability"]  # per casting cloud
    unflagged[0] = False
    shadow_labels = _shift(labels, shift_rows, shift_cols)
    shadow_labels[cloud] = 0
    crop = (slice(pad, pad + shape[0]), slice(pad, pad + shape[1]))
    shadow = shadow_labels[crop] > 0
    not_flagged = shadow & unflagged[shadow_labels[crop]]
    return np.where(cloud, opacity, 0.0)[crop].astype(np.float32), shadow & ~not_flagged, not_flagged


def _slc_gaps(rng: np.random.Generator, recipe: Recipe) -> np.ndarray:
    """Wedge-shaped stripes of fill of a Landsat 7 SLC-off scene, widening across the grid."""
    spec = recipe.common["slc_gap"]
    rows, cols = np.indices(recipe.shape, dtype=np.float32)
    width = spec["width_px_min"] + (spec["width_px_max"] - spec["width_px_min"]) * cols / recipe.shape[1]
    along = rows + cols * math.tan(math.radians(spec["tilt_deg"])) + rng.uniform(0, spec["period_px"])
    return np.mod(along, spec["period_px"]) < width


def _edge_fill(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
    """A corner outside the scene footprint (the tilted WRS-2 scene edge crossing the grid)."""
    rows, cols = np.indices(shape, dtype=np.float32)
    u, v = cols / shape[1], rows / shape[0]
    corner = int(rng.integers(4))
    u = 1 - u if corner in (1, 2) else u
    v = 1 - v if corner in (2, 3) else v
    return u + v < rng.uniform(0.15, 0.35)


def _sensor_transform(recipe: Recipe, sensor: str, reflectance: np.ndarray) -> np.ndarray:
    """Apply the sensor's band gains/offsets to blue..swir22 (coastal left as simulated)."""
    spec = recipe.common["sensor_gain_offset"][sensor]
    a = np.asarray(spec["a"], dtype=np.float32)[:, None, None]
    b = np.asarray(spec["b"], dtype=np.float32)[:, None, None]
    out = reflectance.copy()
    out[1:] = reflectance[1:] * a + b
    return out


def render_scene(landscape: Landscape, acq: Acquisition, index: int) -> RenderedScene:
    """Simulate one scene: surface, snow, clouds, shadows, cirrus, sensor, noise, fill, and QA bands.

    Parameters
    ----------
    landscape
        The landscape.
    acq
        The acquisition.
    index
        The acquisition's number, which seeds its weather.

    Returns
    -------
    RenderedScene
    """
    recipe = landscape.recipe
    atm = recipe.common["atmosphere"]
    rng = np.random.default_rng([recipe.variant["seed"], 4, index])
    shape = recipe.shape
    date = acq.when.date()
    doy = date.timetuple().tm_yday
    oli = acq.sensor == "oli"

    surface = surface_reflectance(landscape, date)
    snow = np.zeros(shape, dtype=bool)
    if (doy < atm["snow_doy_early"] or doy > atm["snow_doy_late"]) and rng.random() < atm[
        "snow_probability_early_late"
    ]:
        snow = (landscape.elevation > np.quantile(landscape.elevation, rng.uniform(0.8, 0.95))) & (
            landscape.landcover != WATER
        )
        surface = np.where(snow, spectrum(recipe, "snow") * rng.uniform(0.85, 1.0), surface)

    opacity, shadow_flagged, shadow_unflagged = _clouds(rng, recipe, acq)
    cloud = opacity > 0
    shadow = shadow_flagged | shadow_unflagged
    surface = np.where(shadow, surface * spectrum(recipe, "shadow_factor"), surface)
    cloud_brightness = 0.85 + 0.3 * smooth_field(rng, shape, 2.0)
    surface = surface + opacity * (spectrum(recipe, "cloud") * cloud_brightness - surface)

    cirrus = np.zeros(shape, dtype=bool)
    if oli and rng.random() < atm["cirrus_probability_oli"]:
        cirrus = smooth_field(rng, shape, max(shape) / 15) > rng.uniform(0.6, 0.8)
        surface = surface + np.where(cirrus, 0.012, 0.0).astype(np.float32)

    surface = _sensor_transform(recipe, acq.sensor, surface)
    surface = surface + rng.normal(0.0, atm["noise_reflectance"], surface.shape).astype(np.float32)
    surface = surface * (1.0 + rng.normal(0.0, 0.01, surface.shape)).astype(np.float32)

    fill = np.zeros(shape, dtype=bool)
    if acq.platform == "landsat-7" and date > dt.date.fromisoformat(recipe.common["slc_off_date"]):
        fill |= _slc_gaps(rng, recipe)
    if rng.random() < atm["edge_fill_probability"]:
        fill |= _edge_fill(rng, shape)

    truth = np.full(shape, CLEAR, dtype=np.uint8)
    truth[snow] = SNOW
    truth[cirrus & ~snow] = CIRRUS
    truth[shadow_unflagged] = SHADOW_UNFLAGGED
    truth[shadow_flagged] = SHADOW_FLAGGED
    truth[cloud] = CLOUD
    truth[fill] = FILL

    dn = np.clip(np.round((surface - SR_OFFSET) / SR_SCALE), 1, 65535).astype(np.uint16)
    dn[:, fill] = 0
    keys = BANDS if oli else BANDS[1:]
    reflectance_dn = {key: dn[BANDS.index(key)] for key in keys}

    qa_pixel = encode_scene_qa(truth, cloud, cirrus, landscape.landcover == WATER, oli)
    saturated = (opacity > 0.93) & ~fill
    qa_radsat = (
        np.zeros(shape, dtype=np.uint16)
        if oli
        else qa.encode_qa_radsat({"band1": saturated, "band2": saturated & (opacity > 0.97)}, "tm_etm")
    )
    valid = ~fill
    land = valid & (landscape.landcover != WATER)
    flagged_cloud = qa.qa_pixel_flag(qa_pixel, "cloud")
    return RenderedScene(
        acquisition=acq,
        reflectance_dn=reflectance_dn,
        qa_pixel=qa_pixel,
        qa_radsat=qa_radsat,
        truth=truth,
        cloud_cover=round(100.0 * float(flagged_cloud[valid].mean()) if valid.any() else 100.0, 2),
        cloud_cover_land=round(100.0 * float(flagged_cloud[land].mean()) if land.any() else 0.0, 2),
    )


def encode_scene_qa(
    truth: np.ndarray, cloud: np.ndarray, cirrus: np.ndarray, water: np.ndarray, oli: bool
) -> np.ndarray:
    """QA_PIXEL as CFMask writes it: flags and confidences from the truth classes.

    Clouds get high cloud confidence and a 3-pixel dilated ring of medium confidence; "clear" means
    neither cloud nor dilated cloud; unflagged shadows carry the low shadow confidence of clear pixels;
    cirrus bits exist only on Landsat 8/9 (no cirrus band on TM/ETM+).

    Parameters
    ----------
    truth
        The truth class of each pixel.
    cloud, cirrus, water
        Boolean masks.
    oli
        Landsat 8/9.

    Returns
    -------
    numpy.ndarray
        uint16 QA_PIXEL.
    """
    fill = truth == FILL
    cloud = cloud & ~fill
    dilated = ndimage.binary_dilation(cloud, iterations=3) & ~cloud & ~fill
    shadow = truth == SHADOW_FLAGGED
    snow = truth == SNOW
    cirrus = cirrus & ~fill & oli
    flags = {
        "dilated_cloud": dilated,
        "cirrus": cirrus,
        "cloud": cloud,
        "shadow": shadow,
        "snow": snow,
        "clear": ~cloud & ~dilated & ~fill,
        "water": water & ~cloud & ~fill,
    }
    confidences = {
        "cloud": np.where(cloud, 3, np.where(dilated, 2, 1)),
        "shadow": np.where(shadow, 3, 1),
        "snow": np.where(snow, 3, 1),
        "cirrus": np.where(cirrus, 3, 1) if oli else 0,
    }
    out = qa.encode_qa_pixel(flags, confidences, shape=truth.shape)
    out[fill] = qa.QA_PIXEL_FILL
    return out

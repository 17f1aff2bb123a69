"""Sentinel-1 items by track: the relative orbit and the orbit direction (STAC ``sat:relative_orbit``,
``sat:orbit_state``), the unit OpenSARToolkit's time series and timescans are made of.

Acquisitions of one track repeat the same viewing geometry (incidence angle, look direction), so their
backscatter is comparable date to date; tracks are only mosaicked after each is summarised. The frames
(slices) of one pass — one track, one day — are consecutive pieces of a single datatake and are merged
into one date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Optional, Sequence

from ..items import item_time

__all__ = [
    "LAYOVER_SHADOW_KEYS",
    "Track",
    "acquisition_time",
    "group_by_track",
    "item_polarizations",
    "item_track",
    "polarization_asset",
]

#: Asset keys of a layover/shadow mask (nonzero = layover or shadow), when a product carries one.
LAYOVER_SHADOW_KEYS = ("layover_shadow_mask", "ls_map")


@dataclass(frozen=True, order=True)
class Track:
    """One relative orbit flown in one direction."""

    direction: str  # "ascending" or "descending"
    relative_orbit: int

    @property
    def name(self) -> str:
        """``ASCENDING_044``: OpenSARToolkit's way of naming a track's folder, used for file names."""
        return f"{self.direction.upper()}_{self.relative_orbit:03d}"


def item_track(item: Mapping[str, Any]) -> Optional[Track]:
    """The track of a SAR item, None when it lacks ``sat:orbit_state`` or ``sat:relative_orbit``."""
    properties = item.get("properties") or {}
    direction = str(properties.get("sat:orbit_state") or "").lower()
    orbit = properties.get("sat:relative_orbit")
    if direction not in ("ascending", "descending") or orbit is None:
        return None
    try:
        return Track(direction, int(orbit))
    except (TypeError, ValueError):
        return None


def item_polarizations(item: Mapping[str, Any]) -> tuple[str, ...]:
    """``sar:polarizations`` upper-cased, keeping only those the item has an asset for."""
    properties = item.get("properties") or {}
    assets = item.get("assets") or {}
    listed = [str(p).upper() for p in properties.get("sar:polarizations") or ()]
    return tuple(p for p in listed if polarization_asset(assets, p) is not None)


def polarization_asset(assets: Mapping[str, Any], polarization: str) -> Optional[str]:
    """The asset key holding ``polarization`` (PC: ``vv``; some catalogs ``VV``), or None."""
    for key in (polarization.lower(), polarization.upper()):
        if key in assets:
            return key
    return None


def acquisition_time(item: Mapping[str, Any]) -> Optional[dt.datetime]:
    """:func:`..items.item_time`, or None also when it cannot be read (such items are left out)."""
    try:
        return item_time(item)
    except ValueError:
        return None


def group_by_track(
    items: Iterable[Mapping[str, Any]], tracks: Sequence[Track] = ()
) -> dict[Track, list[Mapping[str, Any]]]:
    """SAR items by track (tracks sorted: ascending first, then by relative orbit; items by time).
    Items without a track or a time are left out; ``tracks`` keeps only those."""
    grouped: dict[Track, list] = {}
    for item in items:
        track = item_track(item)
        if track is None or acquisition_time(item) is None or (tracks and track not in tracks):
            continue
        grouped.setdefault(track, []).append(item)
    return {
        track: sorted(grouped[track], key=lambda item: (acquisition_time(item), str(item.get("id"))))
        for track in sorted(grouped)
    }

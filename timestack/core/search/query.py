"""One scene query for every backend, validated once at the boundary.

A :class:`SceneQuery` says *where* (an area of interest in any CRS, kept as WGS84 GeoJSON because
STAC, CMR and Earth Engine all search in longitude/latitude), *when* (a date range and an optional
day-of-year window that may wrap the new year, e.g. 335–60 for northern winters) and *what*
(collections, platforms, maximum cloud cover, ids to skip, how many items at most).

Backends translate what their server can filter and call :meth:`SceneQuery.accepts` for the rest,
so every backend returns the same scenes for the same query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Optional

from ..runtime import QT_TRANSLATE_NOOP, TimestackError

#: Seconds a catalog may take to answer one request before the search fails with a clear error.
DEFAULT_TIMEOUT = 30.0

SORT_ORDERS = ("ascending", "descending")
#: ORBIT_DIRECTION choices; ``any`` keeps both (STAC sat extension ``sat:orbit_state`` values otherwise).
ORBIT_DIRECTIONS = ("any", "ascending", "descending")
#: SAR polarisations (STAC sar extension ``sar:polarizations``).
POLARIZATIONS = ("HH", "HV", "VV", "VH")
#: Sentinel-1 repeats its ground track every 12 days over 175 relative orbits.
RELATIVE_ORBIT_RANGE = (1, 175)
#: Words in a collection id that say it holds SAR scenes (which carry no ``eo:cloud_cover``).
RADAR_COLLECTION_HINTS = ("sentinel-1", "sentinel1", "sar", "rtc", "grd", "insar")


def is_radar_collection(collection: Optional[str]) -> bool:
    """True when a collection id names SAR scenes (Sentinel-1 RTC/GRD, ASF HyP3 and the like)."""
    text = (collection or "").lower()
    return any(hint in text for hint in RADAR_COLLECTION_HINTS)


def is_radar_scene(properties: Optional[Mapping]) -> bool:
    """True when STAC item properties describe a SAR acquisition (any ``sar:`` field)."""
    return any(str(key).startswith("sar:") for key in (properties or {}))


class SearchError(TimestackError):
    """A search that cannot run; ``parameter`` names the Processing parameter to fix (or ``None``)."""


def _as_date(value: Any, parameter: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise SearchError(
        QT_TRANSLATE_NOOP("TimestackCore", "{0} must be a date written as YYYY-MM-DD, got {1!r}."),
        parameter,
        args=(parameter, value),
    )


def aoi_to_wgs84(geometry: Any, crs: str = "EPSG:4326") -> dict:
    """Reproject a polygon (GeoJSON mapping, shapely geometry or WKT) from ``crs`` to WGS84 GeoJSON.

    STAC API ``intersects`` (OGC API Features) and CMR take longitude/latitude (RFC 7946), so an AOI
    drawn in a projected CRS is transformed here, once, by GDAL (through rasterio, whose PROJ data
    is the one QGIS uses) in traditional x/y order.
    """
    from rasterio.crs import CRS
    from rasterio.errors import CRSError
    from rasterio.warp import transform_geom
    from shapely import wkt
    from shapely.geometry import mapping, shape

    if geometry is None:
        raise SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "AOI is empty: give a polygon, a layer extent or a rectangle."
            ),
            "AOI",
        )
    try:
        if isinstance(geometry, str):
            geom = wkt.loads(geometry)
        elif hasattr(geometry, "geom_type"):
            geom = geometry
        else:
            geom = shape(geometry)
    except Exception as exc:  # shapely raises several types for unreadable geometry
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "AOI is not a readable polygon: {0}"), "AOI", args=(exc,)
        ) from exc
    if geom.is_empty or geom.area == 0:
        raise SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "AOI is empty (no area): draw or choose a polygon with an area."
            ),
            "AOI",
        )
    if geom.geom_type not in ("Polygon", "MultiPolygon"):
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "AOI must be a polygon, got a {0}."),
            "AOI",
            args=(geom.geom_type,),
        )
    try:
        source = CRS.from_user_input(crs)
    except CRSError as exc:
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "AOI CRS {0!r} is not a known coordinate reference system."),
            "AOI",
            args=(crs,),
        ) from exc
    if source != CRS.from_epsg(4326):
        geom = shape(transform_geom(source, "EPSG:4326", mapping(geom)))
    minx, miny, maxx, maxy = geom.bounds
    if not (-180.0 <= minx <= maxx <= 180.0 and -90.0 <= miny <= maxy <= 90.0):
        raise SearchError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "AOI lies outside longitude/latitude limits after reprojection from {0} (bounds {1}); check "
                "the AOI's CRS."
            ),
            "AOI",
            args=(crs, geom.bounds),
        )  # fmt: skip
    return mapping(geom)


def bbox_polygon(bbox: Iterable[float]) -> dict:
    """A GeoJSON polygon for ``(minx, miny, maxx, maxy)``."""
    minx, miny, maxx, maxy = (float(v) for v in bbox)
    ring = [(minx, miny), (maxx, miny), (maxx, maxy), (minx, maxy), (minx, miny)]
    return {"type": "Polygon", "coordinates": [ring]}


def doy_in_window(doy: int, doy_start: int, doy_end: int) -> bool:
    """True when ``doy`` falls in the window; ``doy_start > doy_end`` wraps over the new year."""
    if doy_start <= doy_end:
        return doy_start <= doy <= doy_end
    return doy >= doy_start or doy <= doy_end


def radar_filters(
    orbit_direction: Any, relative_orbits: Iterable[Any], polarizations: Iterable[str]
) -> tuple:
    """Validated ``(orbit direction or None, relative orbits, polarisations)``; errors name
    ORBIT_DIRECTION, RELATIVE_ORBIT or POLARIZATIONS."""
    direction = str(orbit_direction or "any").strip().lower()
    if direction not in ORBIT_DIRECTIONS:
        raise SearchError(
            QT_TRANSLATE_NOOP("TimestackCore", "ORBIT_DIRECTION must be one of {0}, got {1!r}."),
            "ORBIT_DIRECTION",
            args=(", ".join(ORBIT_DIRECTIONS), orbit_direction),
        )
    orbits = []
    low, high = RELATIVE_ORBIT_RANGE
    for value in relative_orbits or ():
        text = str(value).strip()
        if not text:
            continue
        try:
            orbit = int(text)
        except ValueError:
            orbit = None
        if orbit is None or not low <= orbit <= high:
            raise SearchError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "RELATIVE_ORBIT takes whole numbers from {0} to {1} (Sentinel-1 tracks), got {2!r}."
                ),
                "RELATIVE_ORBIT",
                args=(low, high, value),
            )  # fmt: skip
        if orbit not in orbits:
            orbits.append(orbit)
    wanted = []
    for value in polarizations or ():
        text = str(value).strip().upper()
        if not text:
            continue
        if text not in POLARIZATIONS:
            raise SearchError(
                QT_TRANSLATE_NOOP("TimestackCore", "POLARIZATIONS takes {0}, got {1!r}."),
                "POLARIZATIONS",
                args=(", ".join(POLARIZATIONS), value),
            )
        if text not in wanted:
            wanted.append(text)
    return (None if direction == "any" else direction), tuple(orbits), tuple(wanted)


@dataclass(frozen=True)
class SceneQuery:
    """What to search for; build it with :meth:`create`, which validates every field."""

    aoi: dict
    start_date: dt.date
    end_date: dt.date
    doy_start: int = 1
    doy_end: int = 366
    max_cloud: Optional[float] = None
    collections: tuple = ()
    platforms: tuple = ()
    exclude_ids: frozenset = field(default_factory=frozenset)
    max_items: Optional[int] = None
    sort: str = "ascending"
    orbit_direction: Optional[str] = None
    relative_orbits: tuple = ()
    polarizations: tuple = ()

    @classmethod
    def create(
        cls,
        aoi: Any,
        start_date: Any,
        end_date: Any,
        *,
        aoi_crs: str = "EPSG:4326",
        doy_start: int = 1,
        doy_end: int = 366,
        max_cloud: Optional[float] = None,
        collections: Iterable[str] = (),
        platforms: Iterable[str] = (),
        exclude_ids: Iterable[str] = (),
        max_items: Optional[int] = None,
        sort: str = "ascending",
        orbit_direction: Optional[str] = None,
        relative_orbits: Iterable[Any] = (),
        polarizations: Iterable[str] = (),
    ) -> SceneQuery:
        """Validate and normalise; errors name the Processing parameter (START_DATE, MAX_CLOUD, ...).

        ``orbit_direction`` (``any``/``ascending``/``descending``), ``relative_orbits`` and
        ``polarizations`` (scenes must carry all of them) filter SAR scenes by their STAC ``sat:`` and
        ``sar:`` fields (ORBIT_DIRECTION, RELATIVE_ORBIT, POLARIZATIONS)."""
        start = _as_date(start_date, "START_DATE")
        end = _as_date(end_date, "END_DATE")
        if end < start:
            raise SearchError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "END_DATE ({0}) is before START_DATE ({1}); swap them or pick a later end date."
                ),
                "END_DATE",
                args=(end.isoformat(), start.isoformat()),
            )  # fmt: skip
        for name, value in (("DOY_START", doy_start), ("DOY_END", doy_end)):
            if not isinstance(value, (int, float)) or int(value) != value or not 1 <= value <= 366:
                raise SearchError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore", "{0} must be a whole day of year from 1 to 366, got {1!r}."
                    ),
                    name,
                    args=(name, value),
                )
        if max_cloud is not None and not 0.0 <= float(max_cloud) <= 100.0:
            raise SearchError(
                QT_TRANSLATE_NOOP("TimestackCore", "MAX_CLOUD is a percentage from 0 to 100, got {0!r}."),
                "MAX_CLOUD",
                args=(max_cloud,),
            )
        if max_items is not None and (int(max_items) != max_items or max_items < 1):
            raise SearchError(
                QT_TRANSLATE_NOOP("TimestackCore", "MAX_ITEMS must be a positive whole number, got {0!r}."),
                "MAX_ITEMS",
                args=(max_items,),
            )
        if sort not in SORT_ORDERS:
            raise SearchError(
                QT_TRANSLATE_NOOP("TimestackCore", "sort must be one of {0}, got {1!r}."),
                "SORT",
                args=(SORT_ORDERS, sort),
            )
        direction, orbits, wanted = radar_filters(orbit_direction, relative_orbits, polarizations)
        return cls(
            aoi=aoi_to_wgs84(aoi, aoi_crs),
            start_date=start,
            end_date=end,
            doy_start=int(doy_start),
            doy_end=int(doy_end),
            max_cloud=None if max_cloud is None or float(max_cloud) >= 100.0 else float(max_cloud),
            collections=tuple(c.strip() for c in collections if c and c.strip()),
            platforms=tuple(p.strip().lower() for p in platforms if p and p.strip()),
            exclude_ids=frozenset(i.strip() for i in exclude_ids if i and i.strip()),
            max_items=None if max_items is None else int(max_items),
            sort=sort,
            orbit_direction=direction,
            relative_orbits=orbits,
            polarizations=wanted,
        )

    @property
    def bbox(self) -> tuple:
        """The AOI's WGS84 bounds ``(west, south, east, north)``."""
        from shapely.geometry import shape

        return tuple(shape(self.aoi).bounds)

    @property
    def datetime_range(self) -> str:
        """RFC 3339 interval covering whole days, as STAC API's ``datetime`` takes it."""
        return f"{self.start_date.isoformat()}T00:00:00Z/{self.end_date.isoformat()}T23:59:59.999Z"

    @property
    def filters_radar(self) -> bool:
        """True when an orbit direction, relative orbits or polarisations are asked for."""
        return bool(self.orbit_direction or self.relative_orbits or self.polarizations)

    @property
    def may_include_radar(self) -> bool:
        """True when SAR scenes (without cloud cover) may answer: no collection named, a SAR
        collection named, or a radar filter set. A server-side cloud filter must then keep them."""
        return (
            not self.collections
            or self.filters_radar
            or any(is_radar_collection(c) for c in self.collections)
        )

    def accepts_radar(self, properties: Optional[Mapping]) -> bool:
        """The radar filters on one item's properties; a scene without the field asked for fails."""
        properties = properties or {}
        if self.orbit_direction:
            if str(properties.get("sat:orbit_state") or "").lower() != self.orbit_direction:
                return False
        if self.relative_orbits:
            orbit = properties.get("sat:relative_orbit")
            try:
                if orbit is None or int(orbit) not in self.relative_orbits:
                    return False
            except (TypeError, ValueError):
                return False
        if self.polarizations:
            carried = {str(p).upper() for p in properties.get("sar:polarizations") or ()}
            if not set(self.polarizations) <= carried:
                return False
        return True

    @property
    def filters_doy(self) -> bool:
        return not (self.doy_start == 1 and self.doy_end >= 365)

    def accepts(
        self,
        scene_id: str,
        when: Optional[dt.datetime],
        cloud_cover: Optional[float],
        platform: Optional[str],
        collection: Optional[str] = None,
        properties: Optional[Mapping] = None,
    ) -> bool:
        """The filters every backend applies client-side (all of them, so server quirks cannot leak).

        A scene without cloud cover metadata is kept only when no cloud limit is set, unless it is a
        SAR scene (radar sees through clouds; ``properties`` with ``sar:`` fields say so).
        """
        if scene_id in self.exclude_ids:
            return False
        if self.collections and collection is not None and collection not in self.collections:
            return False
        if when is not None:
            day = when.date()
            if not self.start_date <= day <= self.end_date:
                return False
            if self.filters_doy and not doy_in_window(when.timetuple().tm_yday, self.doy_start, self.doy_end):
                return False
        if self.max_cloud is not None:
            if cloud_cover is None and not is_radar_scene(properties):
                return False
            if cloud_cover is not None and cloud_cover > self.max_cloud:
                return False
        if self.platforms and (platform or "").lower() not in self.platforms:
            return False
        return self.accepts_radar(properties)

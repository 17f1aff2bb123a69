"""Several dated stacks as the variables of one cube: their common grid, CRS, units and time axis.

A cube has one grid, one time axis and one unit per variable, so what the stacks disagree on must be
settled before anything is written: stacks in different CRSs are warped to one (the user's, or the UTM
zone most of them lie in — ASF's HyP3 time-series notebook's rule), different pixel sizes are refused
(resampling them silently would invent or drop detail), and dB backscatter is never mixed with linear
power in one cube (every statistic over both would be meaningless).
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence

import numpy as np

from ..io.bands import parse_band
from ..runtime import QT_TRANSLATE_NOOP, TimestackError

if TYPE_CHECKING:
    from affine import Affine
    from rasterio.crs import CRS

__all__ = ["CubePlan", "Source", "Variable", "as_float", "plan_cube", "predominant_utm", "variable_unit"]

#: SAR polarisations: without a dB unit or name they are linear power (PC ``sentinel-1-rtc``).
_POLARISATIONS = {"vv", "vh", "hh", "hv"}


@dataclass(frozen=True)
class Source:
    """One band of one input stack."""

    stack: int
    band: int


@dataclass
class Variable:
    """A cube variable: per date the bands that hold it (several stacks of one date are mosaicked, the
    first valid pixel in INPUT order winning), how it is stored, and its unit."""

    name: str
    dates: dict[dt.date, list[Source]] = field(default_factory=dict)
    dtype: str = "float32"
    nodata: Optional[float] = None
    scale: float = 1.0
    offset: float = 0.0
    unit: str = ""


@dataclass
class CubePlan:
    """What the cube will hold: the stacks, the target grid and the variables on a common time axis."""

    paths: list[Path]
    crs: CRS
    transform: Affine
    width: int
    height: int
    times: list[dt.date]
    variables: dict[str, Variable]
    reprojected: bool
    #: (variable, date) -> the GDAL band metadata of its first band, for stacks that carry product
    #: metadata per band (HyP3 stacks: ``product_type``, granules, baseline...); empty otherwise.
    band_metadata: dict = field(default_factory=dict)


def variable_unit(name: str, gdal_unit: str) -> str:
    """The unit of a band: GDAL's unit type if set, else ``dB`` for names ending in ``db``, else
    ``linear`` for a SAR polarisation, else "" (not backscatter).

    A cube must not mix dB and linear power in one variable: the unit is what the export checks.

    Parameters
    ----------
    name
        The variable name (``vh_db``, ``vv``, ``nbr``).
    gdal_unit
        The band's GDAL unit type, or "".

    Returns
    -------
    str
    """
    unit = (gdal_unit or "").strip()
    if unit:
        return "dB" if unit.lower() == "db" else unit
    if name.endswith("db"):
        return "dB"
    return "linear" if name in _POLARISATIONS else ""


def _utm_epsg(crs, bounds) -> int:
    """The EPSG code of the UTM zone a stack is in: its own if it is UTM, else its centre's zone."""
    from rasterio.warp import transform_bounds

    epsg = crs.to_epsg() if crs else None
    if epsg and (32601 <= epsg <= 32660 or 32701 <= epsg <= 32760):
        return epsg
    west, south, east, north = transform_bounds(crs, "EPSG:4326", *bounds, densify_pts=21)
    lon, lat = (west + east) / 2, (south + north) / 2
    zone = min(60, int((lon + 180) // 6) + 1)
    return (32600 if lat >= 0 else 32700) + zone


def predominant_utm(crss: Sequence, bounds: Sequence[tuple]) -> int:
    """EPSG code of the UTM zone most stacks are in (ties: the one of the first stack among them).

    Parameters
    ----------
    crss
        Each stack's CRS.
    bounds
        Each stack's bounds in its CRS.

    Returns
    -------
    int
        An EPSG code (326xx north, 327xx south).
    """
    zones = [_utm_epsg(crs, box) for crs, box in zip(crss, bounds)]
    counts = Counter(zones)
    best = max(counts.values())
    return next(zone for zone in zones if counts[zone] == best)


def _is_metric(crs) -> bool:
    return bool(crs) and crs.is_projected and (crs.linear_units or "").lower() in ("metre", "meter", "m")


def plan_cube(paths: Sequence[str | os.PathLike], target_crs: Optional[str] = None) -> CubePlan:
    """Read the stacks' headers and decide the cube's grid, time axis and variables.

    Only headers are read: a plan is cheap, so the export can refuse bad input before writing anything.

    Parameters
    ----------
    paths
        GeoTIFF (or any GDAL) stacks whose band descriptions carry dates (:mod:`..io.bands`).
    target_crs
        The cube's CRS (anything rasterio understands); default: the stacks' CRS when they share one,
        else the predominant UTM zone.

    Returns
    -------
    CubePlan

    Raises
    ------
    TimestackError
        Naming INPUT for no stack, undated bands, stacks without CRS, rotated grids, mixed pixel sizes,
        a variable dated twice in one stack, or dB mixed with linear power; TARGET_CRS for an unknown CRS.
    """
    import rasterio
    from rasterio.crs import CRS
    from rasterio.warp import transform_bounds

    if not paths:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "INPUT: choose at least one stack"), parameter="INPUT"
        )
    headers, band_tags = [], []
    for path in paths:
        with rasterio.open(path) as src:
            if src.crs is None:
                raise TimestackError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore", "INPUT: {0} has no CRS; assign one (Raster ▸ Projections) first"
                    ),
                    parameter="INPUT",
                    args=(Path(path).name,),
                )  # fmt: skip
            t = src.transform
            if t.b or t.d or t.e >= 0:
                raise TimestackError(
                    QT_TRANSLATE_NOOP("TimestackCore", "INPUT: {0} is not a north-up grid; warp it first"),
                    parameter="INPUT",
                    args=(Path(path).name,),
                )
            headers.append((src.crs, t, src.bounds, src.descriptions, src.dtypes, src.nodatavals,
                            src.scales, src.offsets, src.units))  # fmt: skip
            band_tags.append([src.tags(band) for band in range(1, src.count + 1)])
    crss = [header[0] for header in headers]
    if target_crs:
        try:
            crs = CRS.from_user_input(target_crs)
        except Exception as exc:  # rasterio's CRSError
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "TARGET_CRS: {0!r} is not a CRS ({1})"),
                "TARGET_CRS",
                args=(target_crs, exc),
            ) from exc
    elif all(other == crss[0] for other in crss):
        crs = crss[0]
    else:
        crs = CRS.from_epsg(predominant_utm(crss, [header[2] for header in headers]))
    reprojected = any(other != crs for other in crss)
    sizes = [(abs(header[1].a), abs(header[1].e)) for header in headers]
    if reprojected and not all(_is_metric(other) for other in crss):
        odd = next(Path(p).name for p, other in zip(paths, crss) if not _is_metric(other))
        if target_crs and len(set(crss)) == 1:  # one CRS, in degrees: only TARGET_CRS asks for a warp
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "TARGET_CRS: {0} is in degrees, so the size of its pixels in {1} is not known; leave "
                    "TARGET_CRS empty to keep the stacks' CRS, or warp them to it first"
                ),
                parameter="TARGET_CRS",
                args=(odd, crs),
            )  # fmt: skip
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "INPUT: {0} is not in a metric projected CRS, so its pixel size cannot be compared with "
                "the other stacks'; warp the stacks to one CRS first"
            ),
            parameter="INPUT",
            args=(odd,),
        )  # fmt: skip
    if any(not math.isclose(size[0], sizes[0][0], rel_tol=1e-6) or not math.isclose(size[1], sizes[0][1],
           rel_tol=1e-6) for size in sizes):  # fmt: skip
        listed = ", ".join(f"{Path(p).name} {s[0]:g}×{s[1]:g}" for p, s in zip(paths, sizes))
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "INPUT: the stacks have different pixel sizes ({0}); a cube has one grid, so resample "
                "them to one resolution first"
            ),
            parameter="INPUT",
            args=(listed,),
        )  # fmt: skip
    if reprojected and not _is_metric(crs):
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "TARGET_CRS: {0} is not a metric projected CRS; the stacks' {1:g} m pixels need one"
            ),
            parameter="TARGET_CRS",
            args=(crs, sizes[0][0]),
        )  # fmt: skip
    xres, yres = sizes[0]
    boxes = [transform_bounds(header[0], crs, *header[2], densify_pts=21) for header in headers]
    west, south = min(box[0] for box in boxes), min(box[1] for box in boxes)
    east, north = max(box[2] for box in boxes), max(box[3] for box in boxes)
    # On the first stack's pixel lattice when it is in the cube's CRS, so it is read without resampling.
    first = headers[0][1]
    x0, y0 = (first.c, first.f) if crss[0] == crs else (0.0, 0.0)
    left = x0 + math.floor(round((west - x0) / xres, 6)) * xres
    top = y0 + math.ceil(round((north - y0) / yres, 6)) * yres
    width = math.ceil(round((east - left) / xres, 6))
    height = math.ceil(round((top - south) / yres, 6))
    from affine import Affine

    variables = _variables(paths, headers)
    times = sorted({date for variable in variables.values() for date in variable.dates})
    metadata = {
        (name, date): band_tags[sources[0].stack][sources[0].band - 1]
        for name, variable in variables.items()
        for date, sources in variable.dates.items()
        if "product_type" in band_tags[sources[0].stack][sources[0].band - 1]
    }
    return CubePlan(
        [Path(p) for p in paths], crs, Affine(xres, 0, left, 0, -yres, top), width, height, times,
        variables, reprojected, metadata,
    )  # fmt: skip


def _variables(paths, headers) -> dict[str, Variable]:
    variables: dict[str, Variable] = {}
    storage: dict[str, set] = {}
    units: dict[str, dict[str, str]] = {}
    for stack, (path, header) in enumerate(zip(paths, headers)):
        descriptions, dtypes, nodatas, scales, offsets, gdal_units = header[3:]
        default = Path(path).stem.lower()
        seen = set()
        for band, description in enumerate(descriptions, start=1):
            label = parse_band(description)
            if label is None:
                raise TimestackError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore",
                        "INPUT: band {0} of {1} ({2}) carries no date; cubes need band descriptions such as "
                        "1990_nbr, 2021-06-14_vv or 20210614"
                    ),
                    parameter="INPUT",
                    args=(band, Path(path).name, description or "no description"),
                )  # fmt: skip
            name = label.variable or default
            if (name, label.date) in seen:
                raise TimestackError(
                    QT_TRANSLATE_NOOP("TimestackCore", "INPUT: {0} has two bands of {1} dated {2}"),
                    parameter="INPUT",
                    args=(Path(path).name, name, label.date),
                )
            seen.add((name, label.date))
            variable = variables.setdefault(name, Variable(name))
            variable.dates.setdefault(label.date, []).append(Source(stack, band))
            i = band - 1
            storage.setdefault(name, set()).add((dtypes[i], nodatas[i], scales[i], offsets[i]))
            units.setdefault(name, {})[Path(path).name] = variable_unit(name, gdal_units[i])
    for name, variable in variables.items():
        found = set(units[name].values())
        if len(found) > 1:
            listed = ", ".join(f"{stack}: {unit or 'no unit'}" for stack, unit in units[name].items())
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "INPUT: {0} has different units in different stacks ({1}); convert them to one unit first"
                ),
                parameter="INPUT",
                args=(name, listed),
            )  # fmt: skip
        variable.unit = found.pop()
        kinds = storage[name]
        if len(kinds) == 1:
            dtype, nodata, scale, offset = next(iter(kinds))
            if dtype == "int16" and nodata is not None:
                variable.dtype, variable.nodata, variable.scale, variable.offset = (
                    "int16",
                    nodata,
                    scale,
                    offset,
                )
    by_unit = {variable.unit: name for name, variable in variables.items()}
    if "dB" in by_unit and "linear" in by_unit:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "INPUT: {0} is in dB but {1} is linear power; one cube holds one of the two: convert with "
                "10·log10(power) or 10^(dB/10) first"
            ),
            parameter="INPUT",
            args=(by_unit["dB"], by_unit["linear"]),
        )  # fmt: skip
    return variables


def as_float(values: np.ndarray, nodata, scale: float, offset: float) -> np.ndarray:
    """Band values as float32 physical values with NaN for nodata.

    Parameters
    ----------
    values
        Stored values.
    nodata
        The band's nodata value, or None.
    scale, offset
        GDAL's scale and offset: physical = stored × scale + offset.

    Returns
    -------
    numpy.ndarray
        float32.
    """
    from ..io.grid import physical_values

    out = values.astype(np.float32)
    if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
        out[values == nodata] = np.nan
    physical_values(out[None], (scale,), (offset,))
    return out

"""The band-description contract of every time stack the plugin reads or writes.

A stack carries its time axis in its band descriptions, so it survives any GDAL copy and QGIS shows
it in the layer properties: ``YYYY_name`` for annual stacks (composites, LandTrendr fits),
``YYYY-MM-DD_name`` or ``YYYYMMDD_name`` for per-date stacks, ``YYYY-MM-DD_YYYY-MM-DD_name`` for stacks
of pairs (InSAR interferograms: reference, then secondary date), or a bare date for a stack of one
variable (the variable is then the caller's default, e.g. the file name). Names are compared
lower-case: composites write ``1990_NBR``-style names as readily as per-scene tables write ``nbr``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from ..runtime import TimestackError

__all__ = [
    "BandLabel",
    "band_description",
    "date_band_description",
    "labelled_bands",
    "parse_band",
    "stack_variables",
]

#: ``2020-01-01_2020-01-13_unw_phase``: an InSAR pair, dated by its reference acquisition.
_PAIR = re.compile(r"^(\d{4})-(\d{2})-(\d{2})_(\d{4})-(\d{2})-(\d{2})_(.+)$")
#: ``1990_nbr``, ``2021-06-14_ndvi``, ``20210614_ndvi``, ``1990``.
_DATED = re.compile(r"^(\d{4})(?:-?(\d{2}))?(?:-?(\d{2}))?(?:_(.+))?$")


@dataclass(frozen=True)
class BandLabel:
    """What one band description says: the date (1 January for a year) and the variable, if named;
    for a pair, ``date`` is the reference and ``secondary`` the secondary acquisition."""

    date: dt.date
    variable: Optional[str]
    secondary: Optional[dt.date] = None

    @property
    def year(self) -> int:
        return self.date.year


def band_description(year: int, name: str) -> str:
    """The ``YYYY_name`` description of a band of an annual stack.

    Parameters
    ----------
    year
        The band's year.
    name
        The variable (``nbr``, ``red``).

    Returns
    -------
    str
        ``"2015_nbr"``; :func:`parse_band` reads it back.
    """
    return f"{year}_{name}"


def date_band_description(day: dt.date, name: str) -> str:
    """The ``YYYY-MM-DD_name`` description of a band of a per-date stack.

    Parameters
    ----------
    day
        The band's date.
    name
        The variable.

    Returns
    -------
    str
        ``"2015-07-14_nbr"``; :func:`parse_band` reads it back.
    """
    return f"{day.isoformat()}_{name}"


def parse_band(description: Optional[str]) -> Optional[BandLabel]:
    """The date and variable of a band description, or None when it carries no valid date.

    Parameters
    ----------
    description
        A GDAL band description such as ``1990_nbr``, ``2021-06-14_ndvi`` or ``20210614``.

    Returns
    -------
    BandLabel or None
        The date (1 January for a bare year) and the lower-case variable (None for a bare date).
    """
    pair = _PAIR.match((description or "").strip())
    if pair:
        try:
            numbers = [int(part) for part in pair.groups()[:6]]
            return BandLabel(dt.date(*numbers[:3]), pair.group(7).lower(), dt.date(*numbers[3:]))
        except ValueError:  # digits, not dates
            return None
    match = _DATED.match((description or "").strip())
    if not match:
        return None
    year, month, day, variable = match.groups()
    try:
        when = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:  # 20211399_x: digits, not a date
        return None
    return BandLabel(when, variable.lower() if variable else None)


def stack_variables(descriptions: Iterable[Optional[str]]) -> list[str]:
    """The variables a stack holds (``1990_nbr`` -> ``nbr``), in first-seen order.

    Parameters
    ----------
    descriptions
        The stack's band descriptions; undated or unnamed bands are skipped.

    Returns
    -------
    list of str
        Lower-case variable names, each once.
    """
    names: list[str] = []
    for description in descriptions:
        label = parse_band(description)
        if label is not None and label.variable and label.variable not in names:
            names.append(label.variable)
    return names


def labelled_bands(
    descriptions: Sequence[Optional[str]],
    undated: str,
    parameter: Optional[str] = "INPUT",
    error: type[TimestackError] = TimestackError,
) -> list[tuple[int, BandLabel]]:
    """Every band's number and :func:`parse_band` label, for a reader that needs every band dated.

    Each reader refuses an undated band in its own words (a mosaic grouped by year, a timescan, a
    polygon statistic), so the refusal's template comes from the caller.

    Parameters
    ----------
    descriptions
        The stack's band descriptions.
    undated
        The refusal's translatable template: ``{0}`` the band number, ``{1}`` its description (or
        "no description").
    parameter
        The Processing parameter the refusal names.
    error
        The :class:`TimestackError` class raised.

    Returns
    -------
    list of tuple
        ``(band number from 1, label)`` in band order.

    Raises
    ------
    TimestackError
        ``error`` for the first band without a date.
    """
    labelled = []
    for band, description in enumerate(descriptions, start=1):
        label = parse_band(description)
        if label is None:
            raise error(undated, parameter, args=(band, description or "no description"))
        labelled.append((band, label))
    return labelled

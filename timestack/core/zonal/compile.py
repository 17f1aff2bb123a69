"""Compile per-date polygon statistics into weekly, monthly, yearly or whole-period values.

Each date's statistics summarise ``count`` (coverage-weighted) valid pixels, so a period's values are
those of the union of its dates' pixels, weighted by the counts (the parallel-variance formula of
Chan, Golub & LeVeque 1983 for the standard deviation):

- ``count`` = Σ nᵢ;  ``mean`` = Σ nᵢ·meanᵢ / Σ nᵢ;  ``min`` / ``max`` over the dates;
- ``std`` = √(Σ nᵢ·(stdᵢ² + meanᵢ²) / Σ nᵢ − mean²)  (population, like exactextract's ``stdev``);
- ``valid_fraction`` = the mean of the dates' valid fractions (each date's polygon area is the same);
- ``median`` and percentiles cannot be recovered from per-date summaries; they are the count-weighted
  mean of the dates' values, an approximation that is exact only when every date has the same
  distribution. ``n_dates`` says how many dates went into a row.

Dates whose ``valid_fraction`` is below ``min_valid_fraction`` (e.g. a mostly clouded acquisition) are
dropped before compiling, in every mode including ``none``.
"""

from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from ..runtime import QT_TRANSLATE_NOOP
from .options import PERIODS
from .statistics import INFO_COLUMNS, KEY_COLUMNS, ZonalInputError


def period_start(dates: pd.Series, period: str) -> pd.Series:
    """The first day of each date's period: Monday of the ISO week, first of the month or year.

    Parameters
    ----------
    dates
        The rows' dates.
    period
        ``weekly``, ``monthly`` or ``yearly``.

    Returns
    -------
    pandas.Series
        Period starts, aligned with ``dates``.

    Raises
    ------
    ZonalInputError
        Another period (names COMPILE).
    """
    days = pd.to_datetime(dates)
    if period == "weekly":
        start = days - pd.to_timedelta(days.dt.weekday, unit="D")
    elif period == "monthly":
        start = days.dt.to_period("M").dt.start_time
    elif period == "yearly":
        start = days.dt.to_period("Y").dt.start_time
    elif period == "all":
        start = pd.Series(days.min(), index=days.index)
    else:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP("TimestackCore", "COMPILE: unknown period {0!r}; use one of {1}"),
            args=(period, ", ".join(PERIODS)),
        )
    return start.dt.strftime("%Y-%m-%d")


def filter_valid(table: pd.DataFrame, min_valid_fraction: float) -> pd.DataFrame:
    """Rows whose ``valid_fraction`` reaches ``min_valid_fraction`` (all rows when it is 0).

    A date seen through a few cloud gaps says little about the polygon: it is dropped before periods
    are compiled.

    Parameters
    ----------
    table
        A long per-date table.
    min_valid_fraction
        The least unmasked share of a polygon, 0-1.

    Returns
    -------
    pandas.DataFrame
        The rows kept.

    Raises
    ------
    ZonalInputError
        A fraction outside 0-1, or a table without ``valid_fraction`` (names MIN_VALID_FRACTION).
    """
    if not 0.0 <= min_valid_fraction <= 1.0:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP("TimestackCore", "MIN_VALID_FRACTION: {0} is not between 0 and 1"),
            args=(min_valid_fraction,),
        )
    if min_valid_fraction == 0:
        return table
    if "valid_fraction" not in table.columns:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "MIN_VALID_FRACTION: needs the valid_fraction statistic; add it to STATS"
            )
        )
    return table[table["valid_fraction"] >= min_valid_fraction].reset_index(drop=True)


def compile_statistics(table: pd.DataFrame, period: str, min_valid_fraction: float = 0.0) -> pd.DataFrame:
    """Aggregate a long per-date table (:mod:`.statistics`) to ``period`` (see the module docstring).

    Parameters
    ----------
    table
        The long per-date table of :func:`.statistics.zonal_statistics`.
    period
        One of :data:`.options.PERIODS`: ``none`` keeps the dates, ``all`` makes one row per polygon and
        variable.
    min_valid_fraction
        Dates below this unmasked share of a polygon are dropped first (:func:`filter_valid`).

    Returns
    -------
    pandas.DataFrame
        One row per polygon, period and variable.

    Raises
    ------
    ZonalInputError
        A period whose weighting needs a statistic that was not computed (count for weights, mean for a
        period's std), or what :func:`filter_valid` and :func:`period_start` raise.
    """
    table = filter_valid(table, min_valid_fraction)
    if period == "none":
        return table.reset_index(drop=True)
    statistics = [c for c in table.columns if c not in KEY_COLUMNS + INFO_COLUMNS]
    needs_count = [s for s in statistics if s != "count"]
    if needs_count and "count" not in statistics:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "COMPILE: weighting dates needs the count statistic; add it to STATS"
            )
        )
    work = table.copy()
    work["date"] = period_start(work["date"], period)
    n = work["count"].to_numpy(dtype=float) if "count" in work else np.zeros(len(work))
    sums: dict[str, Optional[np.ndarray]] = {"count": n if "count" in work else None}
    for statistic in statistics:
        values = work[statistic].to_numpy(dtype=float)
        if statistic in ("mean", "median") or statistic.startswith("p"):
            sums[statistic] = np.where(n > 0, values * n, 0.0)
        elif statistic == "std":
            mean = work["mean"].to_numpy(dtype=float) if "mean" in work else None
            if mean is None:
                raise ZonalInputError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore",
                        "COMPILE: the std of a period needs the mean statistic; add it to STATS"
                    )
                )  # fmt: skip
            sums["_second_moment"] = np.where(n > 0, n * (values**2 + mean**2), 0.0)
            sums["_mean"] = np.where(n > 0, n * mean, 0.0)
    keys = [work[k] for k in KEY_COLUMNS]
    grouped = pd.DataFrame({k: v for k, v in sums.items() if v is not None}).groupby(keys, sort=True).sum()
    total = grouped["count"].to_numpy()
    out = pd.DataFrame(index=grouped.index)
    for statistic in statistics:
        if statistic == "count":
            out[statistic] = total
        elif statistic in ("min", "max"):
            out[statistic] = work.groupby(keys)[statistic].agg(statistic)
        elif statistic == "valid_fraction":
            out[statistic] = work.groupby(keys)[statistic].mean()
        elif statistic == "std":
            mean = _divide(grouped["_mean"].to_numpy(), total)
            variance = _divide(grouped["_second_moment"].to_numpy(), total) - mean**2
            out[statistic] = np.sqrt(np.clip(variance, 0.0, None))
        else:
            out[statistic] = _divide(grouped[statistic].to_numpy(), total)
    out["n_dates"] = work.groupby(keys).size()
    return out.reset_index()


def _divide(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, NaN where nothing was valid (as exactextract reports an empty mean)."""
    out = np.full(numerator.shape, np.nan)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    return out

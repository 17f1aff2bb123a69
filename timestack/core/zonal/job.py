"""Recurring polygon statistics: a JSON job a scheduler runs headless, adding only new scenes each time.

The dock saves a job (polygons, id field, catalog, variables, statistics, outputs); ``python -m
timestack.core.zonal.cli run job.json`` (from cron, see :func:`cron_line`) searches the catalog, measures
only scenes acquired after the newest scene of the previous run, merges their rows into the per-date
CSV without duplicating any (polygon, date, variable) and recompiles the optional compiled table from
all rows. The job file keeps that state; it is rewritten atomically after the CSV, so a run that fails
half-way leaves the previous state, and the next run redoes the same scenes without duplicates.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional

import pandas as pd

from ..io.atomic import write_text_atomically
from ..quality.masks import DEFAULT_MASK, MaskOptions
from ..runtime import PACKAGES_ENV, QT_TRANSLATE_NOOP, IsCancelled, Progress
from .compile import PERIODS, compile_statistics
from .scenes import find_scenes, keep_best_scene_per_day, scene_date, scene_statistics
from .statistics import (
    DEFAULT_STATISTICS,
    ZonalInputError,
    parse_statistics,
    read_polygons,
    write_csv_atomically,
)

JOB_VERSION = 1


@dataclass
class ZonalJob:
    """Everything a headless run needs; paths are absolute so cron can run it from anywhere."""

    polygons: str
    id_field: str
    catalog: str
    output: str
    variables: list
    statistics: list = field(default_factory=lambda: list(DEFAULT_STATISTICS))
    layer: Optional[str] = None
    collections: list = field(default_factory=list)
    max_cloud: Optional[float] = None
    start_date: Optional[str] = None
    mask: list = field(default_factory=lambda: list(DEFAULT_MASK))
    compile: str = "none"
    min_valid_fraction: float = 0.0
    compiled_output: Optional[str] = None
    last_scene_datetime: Optional[str] = None
    version: int = JOB_VERSION

    def validate(self) -> None:
        """Refuse a job that cannot run, naming the field at fault."""
        parse_statistics(self.statistics)
        if self.compile not in PERIODS:
            raise ZonalInputError(
                QT_TRANSLATE_NOOP("TimestackCore", "COMPILE: job field 'compile' is {0!r}; use one of {1}"),
                args=(self.compile, ", ".join(PERIODS)),
            )
        if self.compile != "none" and not self.compiled_output:
            raise ZonalInputError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore", "COMPILE: set 'compiled_output' to the CSV the compiled table goes to"
                )
            )
        if "count" not in self.statistics:
            raise ZonalInputError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore", "STATS: a recurring job needs 'count' to keep the best scene of a day"
                )
            )
        if self.min_valid_fraction > 0 and "valid_fraction" not in self.statistics:
            raise ZonalInputError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "STATS: 'min_valid_fraction' filters on the valid_fraction statistic; add it to "
                    "'statistics'"
                )
            )  # fmt: skip
        MaskOptions(flags=tuple(self.mask))


def watched_catalog(items_path: str | os.PathLike) -> tuple[str, list]:
    """(catalog, collections) a recurring job should search, from a search result's file.

    A search result is a snapshot; new acquisitions appear in the catalog it was searched in, which
    ``timestack:searchscenes`` records in the ItemCollection (``timestack:search``). A file without that
    record (e.g. a hand-made catalog), or from a backend a headless job cannot use, is itself the catalog.

    Parameters
    ----------
    items_path
        The ItemCollection or stac-geoparquet file of a search.

    Returns
    -------
    tuple
        The catalog (URL or file) and the collection ids to search.
    """
    document = json.loads(Path(items_path).read_text(encoding="utf-8"))
    record = document.get("timestack:search") or {}
    catalog = record.get("catalog")
    if not catalog or catalog in ("earthdata", "earthengine"):
        return str(Path(items_path).expanduser().resolve()), []
    collections = sorted({f.get("collection") for f in document.get("features", []) if f.get("collection")})
    return catalog, collections


def save_job(job: ZonalJob, path: str | os.PathLike) -> Path:
    """Write the job as JSON (atomically); relative paths are made absolute first.

    A cron job runs from another working directory: absolute paths keep it pointing at the user's files.

    Parameters
    ----------
    job
        The job to save.
    path
        The job file.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    for name in ("polygons", "output", "compiled_output"):
        value = getattr(job, name)
        if value:
            setattr(job, name, str(Path(value).expanduser().resolve()))
    if "://" not in job.catalog:
        job.catalog = str(Path(job.catalog).expanduser().resolve())
    job.validate()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(job), indent=2)
    write_text_atomically(path, lambda stream: stream.write(text + "\n"))
    return path


def load_job(path: str | os.PathLike) -> ZonalJob:
    """Read and validate a job file; errors say which field is wrong.

    Parameters
    ----------
    path
        A job file :func:`save_job` wrote.

    Returns
    -------
    ZonalJob

    Raises
    ------
    ZonalInputError
        An unreadable file, another job version, or a field that is missing or wrong (names JOB).
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP("TimestackCore", "JOB: cannot read {0}: {1}"), args=(path, exc)
        ) from exc
    if data.get("version") != JOB_VERSION:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP("TimestackCore", "JOB: {0} has version {1!r}; this Timestack reads {2}"),
            args=(path, data.get("version"), JOB_VERSION),
        )
    try:
        job = ZonalJob(**data)
    except TypeError as exc:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP("TimestackCore", "JOB: {0} is not a Timestack polygon-statistics job: {1}"),
            args=(path, exc),
        ) from exc
    job.validate()
    return job


@dataclass
class RunSummary:
    """What one run did, for the log line cron mails."""

    new_scenes: int
    new_rows: int
    total_rows: int
    last_scene_datetime: Optional[str]


def run_job(
    path: str | os.PathLike,
    today: Optional[dt.date] = None,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
) -> RunSummary:
    """Run the job once: measure scenes newer than the last run, merge, recompile, save the new state.

    Parameters
    ----------
    path
        The job file; its state (the last scene measured) is updated.
    today
        The run's date; None: today.
    progress, is_cancelled
        The caller's progress callback and cancel poll.

    Returns
    -------
    RunSummary
        New scenes and rows, total rows, the newest scene's time: the line cron mails.

    Raises
    ------
    ZonalInputError
        What :func:`load_job` and the search and statistics raise.
    Cancelled
        The caller cancelled; the tables and the job file stay as they were.
    """
    job = load_job(path)
    polygons = read_polygons(job.polygons, job.id_field, job.layer)
    last = pd.Timestamp(job.last_scene_datetime) if job.last_scene_datetime else None
    start = (
        last.date()
        if last is not None
        else (dt.date.fromisoformat(job.start_date) if job.start_date else None)
    )
    items = find_scenes(job.catalog, polygons, start, today, job.collections, job.max_cloud)
    output = Path(job.output)
    # Ids are read back as text ("007" must stay "007"), then given the polygons' id type below.
    existing = pd.read_csv(output, dtype={"id": str, "date": str}) if output.is_file() else None
    if existing is not None and "scene" in existing.columns:
        # By scene id rather than by time: a scene of the last run's day is neither lost nor redone.
        measured = set(existing["scene"].dropna())
        fresh = [item for item in items if item.id not in measured]
    else:
        fresh = [item for item in items if last is None or pd.Timestamp(_when(item)) > last]
    if not fresh:
        total = 0 if existing is None else len(existing)
        return RunSummary(0, 0, total, job.last_scene_datetime)
    rows = scene_statistics(
        fresh,
        polygons,
        job.variables,
        job.statistics,
        MaskOptions(flags=tuple(job.mask)),
        progress,
        is_cancelled,
    )
    if existing is not None:
        existing["id"] = existing["id"].astype(rows["id"].dtype)
        rows = pd.concat([existing, rows.astype({"date": str})], ignore_index=True)
    merged = keep_best_scene_per_day(rows)
    compiled = None
    if job.compile != "none":  # computed before anything is written: a failure leaves the old files
        statistics = merged.drop(columns=["scene"], errors="ignore")
        compiled = compile_statistics(statistics, job.compile, job.min_valid_fraction)
    write_csv_atomically(merged, output)
    if compiled is not None and job.compiled_output:
        write_csv_atomically(compiled, job.compiled_output)
    job.last_scene_datetime = max(_when(item) for item in fresh).isoformat()
    save_job(job, path)
    new_rows = len(merged) - (0 if existing is None else len(existing))
    return RunSummary(len(fresh), new_rows, len(merged), job.last_scene_datetime)


def _when(item) -> dt.datetime:
    when = item.datetime or pd.Timestamp(item.properties.get("start_datetime")).to_pydatetime()
    if when is None:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP("TimestackCore", "ITEMS: scene {0} (day {1}) has no acquisition time"),
            args=(item.id, scene_date(item)),
        )
    return when


def cron_line(
    job_path: str | os.PathLike,
    schedule: str = "0 6 * * *",
    python: Optional[str] = None,
    log: Optional[str | os.PathLike] = None,
    packages: Optional[str | os.PathLike] = None,
) -> str:
    """The crontab line that runs the job on ``schedule`` (default: daily at 06:00) and appends to a log.

    ``PYTHONPATH`` points at the folder holding the ``timestack`` package, so the console entry point
    runs with the same code as the plugin, outside QGIS.

    Parameters
    ----------
    job_path
        The job file.
    schedule
        Five cron fields (minute hour day month weekday).
    python
        The interpreter to run; None: this one.
    log
        The log file; None: the job file with the suffix ``.log``.
    packages
        The plugin's package folder (what its installer installed); passed as ``TIMESTACK_PACKAGES``,
        not on ``PYTHONPATH``, so that it comes after the interpreter's own site-packages, as inside
        QGIS.

    Returns
    -------
    str
        One crontab line.

    Raises
    ------
    ZonalInputError
        A schedule that is not five fields.
    """
    if len(schedule.split()) != 5:
        raise ZonalInputError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "schedule {0!r} is not five cron fields (minute hour day month weekday)"
            ),
            args=(schedule,),
        )
    job_path = Path(job_path).expanduser().resolve()
    package_parent = Path(__file__).absolute().parents[3]
    log = Path(log) if log else job_path.with_suffix(".log")
    folder = f"{PACKAGES_ENV}={shlex.quote(str(packages))} " if packages else ""
    command = (
        f"{folder}PYTHONPATH={shlex.quote(str(package_parent))} {shlex.quote(python or sys.executable)} "
        f"-m timestack.core.zonal.cli run {shlex.quote(str(job_path))} >> {shlex.quote(str(log))} 2>&1"
    )
    return f"{schedule} {command}"

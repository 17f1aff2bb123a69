"""Console entry point for recurring polygon statistics, runnable outside QGIS (cron, systemd timers).

    python -m timestack.core.zonal.cli run JOB.json
    python -m timestack.core.zonal.cli cron JOB.json [--schedule "0 6 * * 1"] [--log FILE]

``run`` adds the scenes published since the last run (see :mod:`.job`) and prints one summary line;
``cron`` prints the crontab line that does so on a schedule. Bad input exits with status 2 and a message
that names the job field at fault; nothing is written then.
"""

from __future__ import annotations

import argparse
import os
import site
import sys
from typing import Optional, Sequence

from ..runtime import PACKAGES_ENV

# Before the imports below need them: packages the plugin's installer put in its own folder, found
# after the interpreter's own site-packages as inside QGIS.
if os.environ.get(PACKAGES_ENV):
    site.addsitedir(os.environ[PACKAGES_ENV])

from ..native import NativeLibraryError  # noqa: E402
from .job import cron_line, run_job  # noqa: E402
from .statistics import ZonalInputError  # noqa: E402


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run a saved polygon-statistics job once (``run``) or print its crontab line (``cron``).

    Parameters
    ----------
    argv
        The arguments; None: the command line's.

    Returns
    -------
    int
        The exit status: 0, or 2 for a job the user must fix (the reason on stderr).
    """
    parser = argparse.ArgumentParser(
        prog="python -m timestack.core.zonal.cli", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="add the scenes newer than the last run to the job's tables")
    run.add_argument("job", help="job file saved from the Timestack dock")
    cron = commands.add_parser("cron", help="print the crontab line that runs the job")
    cron.add_argument("job")
    cron.add_argument("--schedule", default="0 6 * * *", help="five cron fields (default: daily at 06:00)")
    cron.add_argument("--log", help="log file (default: the job file with .log)")
    cron.add_argument("--python", help="interpreter (default: this one)")
    cron.add_argument("--packages", help="the plugin's package folder (Install Python packages…)")
    args = parser.parse_args(argv)
    try:
        if args.command == "cron":
            print(cron_line(args.job, args.schedule, args.python, args.log, args.packages))
            return 0
        summary = run_job(args.job)
    except (ZonalInputError, NativeLibraryError) as exc:
        print(f"timestack zonal job: {exc}", file=sys.stderr)
        return 2
    print(
        f"timestack zonal job {args.job}: {summary.new_scenes} new scenes, {summary.new_rows} new rows, "
        f"{summary.total_rows} rows in total; newest scene {summary.last_scene_datetime}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

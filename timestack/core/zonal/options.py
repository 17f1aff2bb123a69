"""What polygon statistics can be asked for: the statistics and compile periods by name.

Apart from :mod:`.statistics` and :mod:`.compile` (pandas) so that the Processing algorithm and the dock
can offer the choices without importing what computes them.
"""

#: The statistics computed when none are named (percentiles ``pNN`` may be asked for as well).
DEFAULT_STATISTICS = ("mean", "median", "std", "min", "max", "count", "valid_fraction")
#: How per-date statistics are compiled over time (see :func:`.compile.compile_statistics`).
PERIODS = ("none", "weekly", "monthly", "yearly", "all")

"""Polygon statistics over time: of stacks (``statistics``), of single scenes (``scenes``), compiled per
period (``compile``), the choices they offer (``options``), as recurring jobs (``job``) run from the
command line (``cli``).
"""

__all__ = ["cli", "compile", "job", "options", "scenes", "statistics"]

"""The Timestack dock: one panel per step of the workflow, each running its Processing algorithm.

Panels build their inputs from the algorithms' parameter definitions (:mod:`.parameter_widgets`) and run
them in background tasks (:mod:`.algorithm_task`); nothing here computes what an algorithm computes.
"""

__all__ = [
    "algorithm_task",
    "aster_scenes",
    "catalog_connections",
    "composite_panel",
    "dependency_installer",
    "dock",
    "earthengine_login",
    "earthengine_tasks_box",
    "hyp3_box",
    "landtrendr_panel",
    "parameter_widgets",
    "pixel_inspector",
    "remembered",
    "sample_panel",
    "search_panel",
    "series_plot",
    "timeseries_panel",
    "trajectory_plot",
    "warm_up",
    "zonal_panel",
]

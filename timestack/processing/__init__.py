"""The Processing provider: one algorithm per module, the shared base, parameters, styles and models.

The algorithms are Timestack's public contract (DESIGN.md): the Toolbox, the model designer,
``qgis_process`` and the dock all run them, so each converts its parameters and hands the work to core.
"""

__all__ = [
    "algorithm",
    "animation",
    "asterscene",
    "changemap",
    "composite",
    "earthengine_tasks",
    "exportcube",
    "hyp3download",
    "hyp3stack",
    "landtrendr",
    "layer_inputs",
    "models",
    "mosaic",
    "params",
    "provider",
    "resample",
    "sample_archive",
    "sarstack",
    "scenestack",
    "search_scenes",
    "stack_files",
    "styles",
    "tile_grid",
    "timescan",
    "zonal_stats",
]

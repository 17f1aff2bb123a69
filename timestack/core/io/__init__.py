"""Reading scenes onto a target grid and writing stacks: where every raster the plugin makes is written."""

__all__ = ["grid", "stack"]

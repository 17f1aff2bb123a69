"""Annual cloud-free composites, and per-date stacks of the same masked scenes.

``settings`` holds what a run is given and checks it; ``catalog`` turns STAC items into usable scenes
and the target grid; ``observations`` reads, masks and reduces one window of scenes; ``estimate``
sizes a run before it reads; ``outputs`` lays out and writes the files; ``annual`` drives a composite
on the windowed engine; ``kernels`` are its numba reducers; ``scenes`` stacks the masked scenes date
by date on the same machinery.
"""

__all__ = ["annual", "catalog", "estimate", "kernels", "observations", "outputs", "scenes", "settings"]

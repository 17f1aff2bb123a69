"""What several test modules share: reference data, builders of rasters, polygons, scenes and series.

Test modules import from here (and from ``tests.servers``), never from one another.
"""

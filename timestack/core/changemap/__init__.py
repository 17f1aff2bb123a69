"""Change maps from LandTrendr segments: filters, selection, minimum mapping unit (``maps``)."""

__all__ = ["maps"]

"""Which pixels to trust and how to make sensors comparable: QA bits, masks, TDOM shadows, OLI→ETM+."""

__all__ = ["harmonize", "masks", "qa", "tdom"]

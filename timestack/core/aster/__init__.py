"""ASTER L1T: DNs to radiance, brightness temperature and reflectance (``calibration``, after the ASTER
User Handbook and the AST_L1T product guide), and scenes written per subsystem at their own
resolutions (``scene``)."""

__all__ = ["calibration", "scene"]

"""ASTER L1T: DNs to radiance, brightness temperature and reflectance (``calibration``, after the ASTER
User Handbook and the AST_L1T product guide), scenes written per subsystem at their own resolutions
(``scene``), and synthetic scenes over the sample landscape with their ground truth (``sample``)."""

__all__ = ["calibration", "sample", "scene"]

"""The numbers the LandTrendr kernels and their callers share: flavour codes, the parameter vector's
layout and per-pixel status codes.

They live apart from :mod:`.kernels` so that code which only names them (parameter checks, the Processing
algorithms a QGIS start-up registers) does not import numba.
"""

FLAVOR_IDL = 0
FLAVOR_GEE = 1

P_MAX_SEGMENTS = 0
P_SPIKE = 1
P_OVERSHOOT = 2
P_PREVENT_ONE_YEAR_RECOVERY = 3
P_RECOVERY = 4
P_PVAL = 5
P_BEST_MODEL_PROPORTION = 6
P_MIN_OBS = 7
N_PARAMS = 8

STATUS_OK = 0
STATUS_TOO_FEW_OBSERVATIONS = 1
STATUS_NO_DATA = 2
STATUS_NOT_SIGNIFICANT = 3

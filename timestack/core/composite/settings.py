"""What a composite run is given, checked before any scene is read, and what it returns.

:class:`StackSettings` holds the inputs every stack of scenes shares (items, grid, bands and indices,
masks, workers, cache); :class:`CompositeSettings` adds the years, season and compositing method, and
the per-date stack (:mod:`.scenes`) its own default data type. :func:`validate` refuses settings that
could only fail later, each error naming the Processing parameter to change.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Optional, Sequence

import rasterio
from rasterio.crs import CRS
from rasterio.errors import CRSError, RasterioError

from ..indices import REFLECTIVE_BANDS, canonical_band, check_indices, spectral_index
from ..io.budget import DEFAULT_MAX_GB
from ..io.cache import DEFAULT_CACHE_MAX_GB
from ..io.logins import CatalogLogin
from ..io.stack import OUTPUT_DTYPES
from ..quality.masks import MaskOptions
from ..quality.tdom import STATISTICS_BANDS
from ..runtime import QT_TRANSLATE_NOOP, TimestackError

__all__ = [
    "MAX_GEOGRAPHIC_RESOLUTION",
    "METHODS",
    "CompositeResult",
    "CompositeSettings",
    "StackSettings",
    "check_resolution_units",
    "shared_settings",
    "validate",
]

METHODS = ("medoid", "median", "mean", "max_ndvi", "percentile")


@dataclass(frozen=True)
class StackSettings:
    """What every stack of scenes on one grid needs: a composite's and a per-date stack's shared inputs.

    ``bounds`` are in ``bounds_crs`` (default: the target CRS); ``crs`` None lets the run choose;
    ``bounds`` None covers all scenes. ``min_confidence`` etc. live in ``mask``.
    """

    items: Any  # ItemCollection JSON path, or a list of STAC item dicts
    output: Path
    bands: Sequence[str] = REFLECTIVE_BANDS
    indices: Sequence[str] = ()
    mask: MaskOptions = field(default_factory=MaskOptions)
    bounds: Optional[tuple[float, float, float, float]] = None
    bounds_crs: Optional[str] = None
    crs: Optional[str] = None
    resolution: float = 30.0
    output_dtype: str = "int16"
    chunk_size: int = 256
    workers: int = 2
    dask_scheduler: Optional[str] = None
    #: Refuse, before any work, a run that would read or write more than this many GB, as every raster
    #: algorithm does (:func:`.estimate.size_estimate`, :mod:`..io.budget`); None or 0: no limit.
    max_gb: Optional[float] = DEFAULT_MAX_GB
    #: Folders outside the ItemCollection's own catalog whose files its hrefs may reach
    #: (:mod:`..io.hrefs`); remote hrefs need none.
    allowed_roots: Sequence[Path] = ()
    #: The parameter ``bounds`` came from (EXTENT or AOI), for the message when they miss every scene.
    area_parameter: str = "EXTENT"
    #: Sent with the reads of NASA Earthdata granules only (``core.search.earthdata.bearer_header``)
    earthdata_headers: Optional[str] = field(default=None, repr=False)
    #: A STAC API's login, sent with the reads of its own files only (:mod:`..io.logins`)
    catalog_login: Optional[CatalogLogin] = None
    #: Download every http(s) file of the run into this folder (:mod:`..io.cache`) instead of
    #: streaming it; None streams. The folder holds at most ``cache_max_gb``.
    cache_folder: Optional[Path] = None
    cache_max_gb: float = DEFAULT_CACHE_MAX_GB


@dataclass(frozen=True)
class CompositeSettings(StackSettings):
    """Everything a composite run needs; names follow ``timestack:composite``'s parameters.

    ``crs`` None picks the CRS most scenes share. ``start_year`` and ``end_year`` are required (they
    follow the shared fields, so they are keywords with a None that is refused).
    """

    start_year: int = None  # type: ignore[assignment]
    end_year: int = None  # type: ignore[assignment]
    doy_start: int = 1
    doy_end: int = 366
    method: str = "medoid"
    tdom: bool = False
    tdom_statistics: Optional[Path] = None
    harmonize: bool = False
    fill_empty_years: bool = True
    percentile: float = 50.0
    output_folder: Optional[Path] = None

    def __post_init__(self) -> None:
        if self.start_year is None or self.end_year is None:
            raise TypeError("CompositeSettings needs start_year and end_year")


def shared_settings(settings: StackSettings) -> dict[str, Any]:
    """The :class:`StackSettings` fields of ``settings``, as keywords for another settings class."""
    return {item.name: getattr(settings, item.name) for item in fields(StackSettings)}


@dataclass
class CompositeResult:
    stack: Path
    observation: Optional[Path]
    log: Path
    years: list[int]
    variables: list[str]
    year_files: list[Path] = field(default_factory=list)
    vrts: list[Path] = field(default_factory=list)
    tdom_statistics: Optional[Path] = None
    skipped: list[dict] = field(default_factory=list)
    #: What a user must know about a result that succeeded (duplicated items, years left nodata because
    #: every scene found for them was unreadable); also in the run log under ``warnings``.
    warnings: list[str] = field(default_factory=list)
    #: Years with scenes in the window whose every scene was unreadable: nodata, though scenes were found.
    unreadable_years: list[int] = field(default_factory=list)
    #: Years of the stack no scene contributed to (none found, or all unreadable).
    empty_years: list[int] = field(default_factory=list)
    #: How many scenes contributed (read without error) and how many were skipped.
    scenes_used: int = 0


def validate(settings: CompositeSettings) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Refuse settings that could only fail later, each error naming the parameter to change; return
    the canonical band names and index names the run computes."""
    _check_choices(settings)
    _check_sizes(settings)
    _check_season(settings)
    bands, indices = _variables(settings)
    _check_method_inputs(settings)
    _check_crs(settings)
    return bands, indices


def _check_choices(settings: CompositeSettings) -> None:
    if settings.method not in METHODS:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "METHOD must be one of {0}, got {1!r}"),
            "METHOD",
            args=(", ".join(METHODS), settings.method),
        )
    if settings.output_dtype not in OUTPUT_DTYPES:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "OUTPUT_TYPE must be one of {0}, got {1!r}"),
            "OUTPUT_TYPE",
            args=(", ".join(OUTPUT_DTYPES), settings.output_dtype),
        )


def _check_sizes(settings: CompositeSettings) -> None:
    if not settings.resolution or settings.resolution <= 0:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "RESOLUTION must be a positive number of CRS units, got {0:g}; give the pixel size, such as "
                "30 (metres) for a UTM zone"
            ),
            "RESOLUTION",
            args=(settings.resolution,),
        )  # fmt: skip
    if settings.max_gb is not None and not settings.max_gb >= 0:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "MAX_GB must be a number of gigabytes (0: no limit), got {0}"),
            "MAX_GB",
            args=(settings.max_gb,),
        )


def _check_season(settings: CompositeSettings) -> None:
    if settings.start_year > settings.end_year:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "START_YEAR ({0}) is after END_YEAR ({1}); give the first year as START_YEAR and the last "
                "as END_YEAR"
            ),
            "START_YEAR",
            args=(settings.start_year, settings.end_year),
        )  # fmt: skip
    for name, value in (("DOY_START", settings.doy_start), ("DOY_END", settings.doy_end)):
        if not 1 <= value <= 366:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "{0} must be a day of year 1-366, got {1}"),
                name,
                args=(name, value),
            )


def _variables(settings: StackSettings) -> tuple[tuple[str, ...], tuple[str, ...]]:
    bands = tuple(canonical_band(band) for band in settings.bands)
    check_indices(settings.indices)
    indices = tuple(spectral_index(name).name for name in settings.indices)
    if not bands and not indices:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "BANDS and INDICES are both empty; choose at least one band or index"
            ),
            "BANDS",
        )
    return bands, indices


def _check_method_inputs(settings: CompositeSettings) -> None:
    if settings.method == "percentile" and not 0 <= settings.percentile <= 100:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "PERCENTILE must be within 0-100, got {0}"),
            "PERCENTILE",
            args=(settings.percentile,),
        )
    if settings.tdom and settings.tdom_statistics is not None:
        _check_tdom_statistics(Path(settings.tdom_statistics))


def _check_crs(settings: StackSettings) -> None:
    if settings.crs is not None:
        try:
            CRS.from_user_input(settings.crs)
        except CRSError:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0!r} is not a coordinate reference system PROJ knows; give an EPSG code such as "
                    "EPSG:32633, or leave TARGET_CRS empty to use the scenes' CRS"
                ),
                "TARGET_CRS",
                args=(settings.crs,),
            ) from None  # fmt: skip


def _check_tdom_statistics(path: Path) -> None:
    """Refuse, before any scene is read, TDOM statistics that are missing, unreadable or not the four
    bands an earlier run writes (OUTPUT_TDOM_STATISTICS)."""
    if not path.is_file():
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0} is not a file; give the statistics GeoTIFF an earlier run wrote (its "
                "OUTPUT_TDOM_STATISTICS), or leave TDOM_STATISTICS empty to compute them"
            ),
            "TDOM_STATISTICS",
            args=(path,),
        )  # fmt: skip
    try:
        with rasterio.open(path) as src:
            count = src.count
    except RasterioError as error:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0} is not a raster GDAL can read ({1}); give the statistics GeoTIFF an earlier run wrote "
                "(its OUTPUT_TDOM_STATISTICS)"
            ),
            "TDOM_STATISTICS",
            args=(path, error),
        ) from None  # fmt: skip
    if count != len(STATISTICS_BANDS):
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0} has {1} band(s), not the {2} TDOM statistics ({3}); give the statistics GeoTIFF an "
                "earlier run wrote (its OUTPUT_TDOM_STATISTICS)"
            ),
            "TDOM_STATISTICS",
            args=(path, count, len(STATISTICS_BANDS), ", ".join(STATISTICS_BANDS)),
        )  # fmt: skip


#: The coarsest pixel, in degrees, a composite of 10-60 m scenes plausibly asks for in a geographic CRS
#: (0.1 degree is about 11 km). A larger one is nearly always metres typed for a CRS measured in degrees:
#: the default 30 would give one pixel of 30 degrees.
MAX_GEOGRAPHIC_RESOLUTION = 0.1


def check_resolution_units(crs: Any, resolution: float) -> None:
    """Refuse a RESOLUTION that is metres given for a geographic CRS, suggesting the degrees meant."""
    crs = CRS.from_user_input(crs)
    if crs.is_geographic and resolution > MAX_GEOGRAPHIC_RESOLUTION:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "{0:g} is in degrees in the geographic CRS {1} (a pixel ~{2:.0f} km wide); give RESOLUTION "
                "in degrees, e.g. 0.00025 for about 30 m, or choose a projected TARGET_CRS (such as the "
                "scenes' UTM zone) to give it in metres"
            ),
            "RESOLUTION",
            args=(resolution, crs.to_string(), resolution * 111),
        )  # fmt: skip

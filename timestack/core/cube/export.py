"""Dated stacks to a CF-1.8 NetCDF-4 or Zarr cube with xarray, read and written chunk by chunk.

The layout follows the CF conventions 1.8 so that xarray, GDAL, QGIS (MDAL) and Panoply read the cube
without help: a ``time`` coordinate with ``units`` and ``calendar``, ``x``/``y`` pixel-centre coordinates
with their standard names, a ``spatial_ref`` grid-mapping variable carrying ``crs_wkt`` (CF), ``spatial_ref``
and ``GeoTransform`` (GDAL), nodata as ``_FillValue`` and int16 stacks kept packed with
``scale_factor``/``add_offset``. Zarr arrays also carry GDAL's ``_CRS``, which its Zarr driver reads.

Chunking decides what is fast to read later. ``temporal`` chunks hold the whole time axis of a small
tile (a pixel's time series is one read), ``spatial`` chunks one date of a large tile (a map is one
read); a Zarr store gets one group per scheme, as ASF's HyP3 time-series notebook writes them, so
``both`` writes both groups; a NetCDF file holds one layout, and ``both`` there splits time and space
evenly. Chunks are sized to the requested megabytes. The stacks are read through dask, one chunk at a
time on the calling thread, so memory stays at a few chunks whatever the cube's size.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from ..io.atomic import atomic_output
from ..io.budget import SizeEstimate
from ..runtime import (
    QT_TRANSLATE_NOOP,
    Cancelled,
    IsCancelled,
    Progress,
    TimestackError,
    missing_package,
    no_progress,
)
from .stacks import CubePlan, as_float, plan_cube

__all__ = ["CHUNKINGS", "FORMATS", "Cube", "chunk_shape", "export_cube", "is_zarr_store"]

CHUNKINGS = ("temporal", "spatial", "both")
FORMATS = ("netcdf", "zarr")
#: Days since the Unix epoch: integers for whole-day dates, readable by every CF tool.
TIME_UNITS = "days since 1970-01-01"
CALENDAR = "standard"


@dataclass(frozen=True)
class Cube:
    """What an export wrote: the file or store, its format, the groups (Zarr) and the plan behind it."""

    path: Path
    format: str
    groups: list[str]
    plan: CubePlan


def chunk_shape(scheme: str, shape: tuple[int, int, int], itemsize: int, target_mb: float) -> tuple:
    """(time, y, x) chunk sizes of about ``target_mb`` megabytes for ``scheme``.

    ``temporal``: the whole time axis, a square tile; ``spatial``: one date, a square tile;
    ``both``: about √(dates) dates (fewer if the size allows no more), a square tile.
    """
    times, rows, cols = shape
    items = max(1.0, target_mb * 1e6 / itemsize)
    if scheme == "temporal":
        depth = times
    elif scheme == "spatial":
        depth = 1
    else:
        depth = max(1, min(round(math.sqrt(times)), round(items ** (1 / 3))))
    side = max(1, int(math.sqrt(items / depth)))
    return depth, min(rows, side), min(cols, side)


def is_zarr_store(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a folder holding a Zarr group or array (v2 metadata files or v3's zarr.json),
    the only kind of folder an export may replace."""
    path = Path(path)
    return path.is_dir() and any((path / name).is_file() for name in (".zgroup", ".zmetadata", ".zarray",
                                                                       "zarr.json"))  # fmt: skip


def _xarray():
    try:
        import dask.array  # noqa: F401 - needed by xarray for chunked writes
        import xarray
    except ImportError as exc:
        raise missing_package("Cube export", exc.name or "xarray", parameter="OUTPUT") from exc
    return xarray


class _StackReader:
    """A (time, y, x) array-like over one variable of the stacks, read on the cube's grid on demand;
    dask calls ``__getitem__`` once per chunk."""

    def __init__(self, plan: CubePlan, name: str, counter: dict, is_cancelled: IsCancelled):
        from ..io.grid import TargetGrid

        self.plan, self.variable = plan, plan.variables[name]
        self.grid = TargetGrid(plan.crs, plan.transform, plan.width, plan.height)
        self.shape = (len(plan.times), plan.height, plan.width)
        self.dtype = np.dtype(self.variable.dtype)
        self.ndim = 3
        self.counter, self.is_cancelled = counter, is_cancelled
        self.datasets: dict = {}

    def _dataset(self, stack: int):
        import rasterio

        if stack not in self.datasets:
            self.datasets[stack] = rasterio.open(self.plan.paths[stack])
        return self.datasets[stack]

    def close(self) -> None:
        for dataset in self.datasets.values():
            dataset.close()

    def __getitem__(self, key):
        from rasterio.windows import Window

        from ..io.grid import read_window

        if self.is_cancelled():
            raise Cancelled("cube export cancelled")
        times, rows, cols = (k if isinstance(k, slice) else slice(k, k + 1) for k in key)
        t0, t1, _ = times.indices(self.shape[0])
        r0, r1, _ = rows.indices(self.shape[1])
        c0, c1, _ = cols.indices(self.shape[2])
        window = Window(c0, r0, c1 - c0, r1 - r0)
        variable, packed = self.variable, self.variable.dtype == "int16"
        fill = variable.nodata if packed else np.nan
        out = np.full((t1 - t0, r1 - r0, c1 - c0), fill, dtype=self.dtype)
        for i, date in enumerate(self.plan.times[t0:t1]):
            for source in variable.dates.get(date, []):
                src = self._dataset(source.stack)
                i_band = source.band - 1
                nodata = missing = src.nodatavals[i_band]
                if nodata is None:  # beyond the stack's edge must still read as missing
                    kind = np.dtype(src.dtypes[i_band])
                    missing = np.nan if kind.kind == "f" else np.iinfo(kind).min
                raw = read_window(src, self.grid, window, fill=missing, src_nodata=nodata, band=source.band)
                if packed:
                    gap = out[i] == variable.nodata
                    out[i][gap] = raw[gap]
                else:
                    values = as_float(raw, missing, src.scales[i_band], src.offsets[i_band])
                    gap = np.isnan(out[i])
                    out[i][gap] = values[gap]
        self.counter["done"] += 1
        self.counter["progress"](min(99.0, 100.0 * self.counter["done"] / self.counter["total"]),
                                 f"chunk {self.counter['done']} of {self.counter['total']}")  # fmt: skip
        return out


def _grid_mapping(crs, transform) -> dict:
    """The CF grid-mapping attributes of ``crs`` (pyproj's), plus GDAL's ``spatial_ref``/``GeoTransform``."""
    with warnings.catch_warnings():  # pyproj warns at import when a venv hides PROJ's data folder;
        warnings.simplefilter("ignore")  # converting a WKT it is given needs none of that data
        from pyproj import CRS as ProjCRS  # noqa: N811 - beside rasterio's CRS

    wkt = crs.to_wkt()
    attrs = {key: value for key, value in ProjCRS.from_wkt(wkt).to_cf().items() if value is not None}
    attrs["crs_wkt"] = wkt
    attrs["spatial_ref"] = wkt
    attrs["GeoTransform"] = " ".join(repr(float(v)) for v in transform.to_gdal())
    return attrs


def _dataset(xarray, plan: CubePlan, chunks: dict, counter, is_cancelled, provenance: dict):
    import dask.array as da
    import pandas as pd

    t = plan.transform
    x = t.c + t.a * (np.arange(plan.width) + 0.5)
    y = t.f + t.e * (np.arange(plan.height) + 0.5)
    geographic = plan.crs.is_geographic
    x_attrs = {"standard_name": "longitude" if geographic else "projection_x_coordinate",
               "long_name": "x coordinate of projection", "units": "degrees_east" if geographic else "m",
               "axis": "X"}  # fmt: skip
    y_attrs = {"standard_name": "latitude" if geographic else "projection_y_coordinate",
               "long_name": "y coordinate of projection", "units": "degrees_north" if geographic else "m",
               "axis": "Y"}  # fmt: skip
    coords = {
        "time": ("time", pd.to_datetime([d.isoformat() for d in plan.times]), {"standard_name": "time",
                                                                                "axis": "T"}),
        "y": ("y", y, y_attrs),
        "x": ("x", x, x_attrs),
        "spatial_ref": ((), np.int32(0), _grid_mapping(plan.crs, t)),
    }  # fmt: skip
    data_vars, readers = {}, []
    for name, variable in plan.variables.items():
        reader = _StackReader(plan, name, counter, is_cancelled)
        readers.append(reader)
        array = da.from_array(
            reader,
            chunks=chunks[name],
            lock=False,
            asarray=True,
            name=f"cube-{name}-{id(reader)}",
            meta=np.empty((0, 0, 0), reader.dtype),
        )  # no probing read
        attrs: dict[str, object] = {"grid_mapping": "spatial_ref", "long_name": name}
        if variable.unit:
            attrs["units"] = variable.unit
        if variable.dtype == "int16" and (variable.scale != 1.0 or variable.offset != 0.0):
            attrs["scale_factor"], attrs["add_offset"] = float(variable.scale), float(variable.offset)
        data_vars[name] = (("time", "y", "x"), array, attrs)
    coords.update(_product_coordinates(plan))
    attrs = {"Conventions": "CF-1.8", **provenance, **product_attributes(plan)}
    return xarray.Dataset(data_vars, coords=coords, attrs=attrs), readers


#: Per-product facts kept along ``time`` when the stacks carry them (HyP3 stacks' band metadata).
PRODUCT_COORDINATES = (
    "product_name", "granule", "reference_granule", "secondary_granule", "secondary_start_time",
    "baseline", "heading", "platform", "start_time",
)  # fmt: skip


def _per_time(plan: CubePlan) -> dict:
    """Date -> the product metadata of its first band (in variable order)."""
    found: dict = {}
    for (_name, date), metadata in plan.band_metadata.items():
        found.setdefault(date, metadata)
    return found


def _product_coordinates(plan: CubePlan) -> dict:
    """``product_name(time)``, ``reference_granule(time)``, ... for the facts any product states."""
    per_time = _per_time(plan)
    coords = {}
    for key in PRODUCT_COORDINATES:
        values = [per_time.get(date, {}).get(key, "") for date in plan.times]
        if any(values):
            coords[key] = ("time", np.array(values, dtype=str), {"long_name": key.replace("_", " ")})
    return coords


def product_attributes(plan: CubePlan) -> dict:
    """CARD4L-style global attributes of a cube of SAR products (platform, sensor, polarisation,
    processing level, the product names), from the stacks' band metadata; empty for other stacks."""
    per_time = _per_time(plan)
    if not per_time:
        return {}

    def joined(key: str) -> str:
        values: list[str] = []
        for metadata in per_time.values():
            for value in str(metadata.get(key, "")).split(", "):
                if value and value not in values:
                    values.append(value)
        return ", ".join(values)

    kinds = joined("product_type")
    level = {"RTC_GAMMA": "L2 radiometrically terrain corrected backscatter (CARD4L NRB)",
             "INSAR_GAMMA": "L2 geocoded interferogram"}  # fmt: skip
    found = {
        "platform": joined("platform"),
        "instrument": "C-SAR",
        "sensor": "Sentinel-1 C-SAR",
        "product_type": kinds,
        "processing_level": "; ".join(level.get(kind, kind) for kind in kinds.split(", ")),
        "processor": "ASF HyP3 " + (joined("plugin_name") or "GAMMA"),
        "polarisation": joined("polarization"),
        "radiometry": joined("radiometry"),
        "scale": joined("scale"),
        "dem": joined("dem_name") or joined("dem_source"),
        "source_products": joined("product_name").replace("; ", ", "),
    }
    return {key: value for key, value in found.items() if value}


def _encoding(plan: CubePlan, chunks: dict, fmt: str, compression: str, level: int) -> dict:
    encoding: dict[str, dict] = {"time": {"units": TIME_UNITS, "calendar": CALENDAR, "dtype": "int32"}}
    for name, variable in plan.variables.items():
        fill = variable.nodata if variable.dtype == "int16" else np.float32(np.nan)
        entry: dict[str, object] = {"dtype": variable.dtype, "_FillValue": fill}
        if fmt == "netcdf":
            entry["chunksizes"] = chunks[name]
            if compression == "deflate":
                entry.update(zlib=True, complevel=level, shuffle=True)
        else:
            import numcodecs

            entry["chunks"] = chunks[name]
            entry["compressor"] = numcodecs.Zlib(level=level) if compression == "deflate" else None
        encoding[name] = entry
    return encoding


def _zarr_crs(dataset, plan: CubePlan) -> None:
    """GDAL's Zarr driver finds a CRS in an array's ``_CRS`` attribute, not in CF's grid mapping."""
    for name in plan.variables:
        dataset[name].attrs["_CRS"] = {"wkt": plan.crs.to_wkt()}


def export_cube(
    paths: Sequence[str | os.PathLike],
    output_path: str | os.PathLike,
    chunking: str = "both",
    chunk_mb: float = 8.0,
    compression: str = "deflate",
    level: int = 4,
    target_crs: Optional[str] = None,
    provenance: Optional[dict] = None,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    max_gb: Optional[float] = None,
) -> Cube:
    """Write the stacks as one cube: NetCDF-4 for a ``.nc`` path, Zarr for ``.zarr``.

    Parameters
    ----------
    paths
        Dated stacks (see :func:`.stacks.plan_cube` for what they must agree on).
    output_path
        ``*.nc`` or ``*.zarr``; written under a temporary name and renamed when complete.
    chunking, chunk_mb
        One of :data:`CHUNKINGS` and the target size of a chunk in megabytes.
    compression, level
        ``deflate`` (zlib, ``level`` 1–9) or ``none``.
    target_crs
        The cube's CRS; default: the stacks' own, or their predominant UTM zone.
    provenance
        Extra global attributes (the run's parameters, the software version).
    max_gb
        Refuse a cube whose reads or writes exceed this many GB (None: no limit), before any write;
        see :mod:`..io.budget`.

    Raises
    ------
    TimestackError
        For bad input (naming the parameter) or a missing xarray/netCDF4/zarr.
    Cancelled
        When ``is_cancelled()`` turns true; nothing is left at ``output_path``.
    """
    output_path = Path(output_path)
    fmt = {".nc": "netcdf", ".nc4": "netcdf", ".zarr": "zarr"}.get(output_path.suffix.lower())
    if fmt is None:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "OUTPUT: {0} is neither NetCDF (.nc) nor Zarr (.zarr)"),
            parameter="OUTPUT",
            args=(output_path.name,),
        )
    if chunking not in CHUNKINGS:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "CHUNKING: {0!r}; use one of {1}"),
            parameter="CHUNKING",
            args=(chunking, ", ".join(CHUNKINGS)),
        )
    if not chunk_mb > 0:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "CHUNK_MB must be a positive size, got {0}"),
            parameter="CHUNK_MB",
            args=(chunk_mb,),
        )
    if compression not in ("deflate", "none"):
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "COMPRESSION: {0!r}; use deflate or none"),
            parameter="COMPRESSION",
            args=(compression,),
        )
    if output_path.exists() and (output_path.is_dir() or fmt == "zarr") and not is_zarr_store(output_path):
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "OUTPUT: {0} already exists and is not a Zarr cube; an export replaces only a cube it "
                "could have written, so choose a new name"
            ),
            parameter="OUTPUT",
            args=(output_path,),
        )  # fmt: skip
    xarray = _xarray()
    _backend(fmt)
    plan = plan_cube(paths, target_crs)
    progress = progress or no_progress
    is_cancelled = is_cancelled or (lambda: False)
    shape = (len(plan.times), plan.height, plan.width)
    schemes = ["temporal", "spatial"] if fmt == "zarr" and chunking == "both" else [chunking]
    layouts = {
        scheme: {name: chunk_shape(scheme, shape, np.dtype(v.dtype).itemsize, chunk_mb)
                 for name, v in plan.variables.items()}
        for scheme in schemes
    }  # fmt: skip
    total = sum(math.prod(math.ceil(n / c) for n, c in zip(shape, chunks))
                for layout in layouts.values() for chunks in layout.values())  # fmt: skip
    estimate = cube_estimate(plan, shape, layouts)
    estimate.check(max_gb)
    progress(0.0, estimate.describe())
    counter = {"done": 0, "total": total, "progress": progress}
    attrs = {
        "title": "Timestack time cube",
        "source": (provenance or {}).get("software", "Timestack"),
        "history": f"{dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')} Timestack export "
        f"of {len(plan.paths)} stack(s)",
        "timestack_inputs": json.dumps([str(p) for p in plan.paths]),
        "timestack_parameters": json.dumps(
            {"chunking": chunking, "chunk_mb": chunk_mb, "compression": compression, "level": level,
             "target_crs": target_crs or "", "crs": plan.crs.to_string(),
             **(provenance or {}).get("parameters", {})}
        ),
    }  # fmt: skip
    import dask

    with dask.config.set(scheduler="synchronous"):
        if fmt == "netcdf":
            with atomic_output(output_path) as temporary:
                dataset, readers = _dataset(xarray, plan, layouts[chunking], counter, is_cancelled, attrs)
                try:
                    encoding = _encoding(plan, layouts[chunking], fmt, compression, level)
                    dataset.to_netcdf(
                        temporary, mode="w", engine="netcdf4", format="NETCDF4", encoding=encoding
                    )
                finally:
                    for reader in readers:
                        reader.close()
        else:
            _write_zarr(xarray, plan, layouts, output_path, counter, is_cancelled, attrs, compression, level)
    progress(100.0, "")
    return Cube(output_path, fmt, schemes if fmt == "zarr" else [], plan)


def cube_estimate(plan: CubePlan, shape: tuple, layouts: dict) -> SizeEstimate:
    """Every variable's cube read once per layout and written once; in memory a chunk of every
    variable at a time, read as float64 and held again as written (twice, for warping)."""
    pixels = plan.width * plan.height
    sizes = [np.dtype(v.dtype).itemsize for v in plan.variables.values()]
    per_layout = pixels * len(plan.times) * sum(sizes)
    chunk = max(math.prod(c) for layout in layouts.values() for c in layout.values())
    memory = 4 * chunk * 8 * len(plan.variables)
    return SizeEstimate(
        plan.width, plan.height, len(plan.variables), len(plan.times), per_layout * len(layouts),
        per_layout * len(layouts), memory,
    )  # fmt: skip


def _backend(fmt: str) -> None:
    module, needed_by = (
        ("netCDF4", "OUTPUT .nc (NetCDF cubes)") if fmt == "netcdf" else ("zarr", "OUTPUT .zarr (Zarr cubes)")
    )
    try:
        __import__(module)
    except ImportError as exc:
        raise missing_package(needed_by, module, parameter="OUTPUT") from exc


def _write_zarr(xarray, plan, layouts, output_path: Path, counter, is_cancelled, attrs, compression, level):
    """Each scheme a group of one store, built in a hidden folder beside the target and renamed."""
    import zarr

    output_path.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=f".{output_path.stem}.", suffix=".partial.zarr",
                                      dir=output_path.parent))  # fmt: skip
    try:
        for scheme, chunks in layouts.items():
            dataset, readers = _dataset(xarray, plan, chunks, counter, is_cancelled, attrs)
            _zarr_crs(dataset, plan)
            try:
                encoding = _encoding(plan, chunks, "zarr", compression, level)
                dataset.to_zarr(str(temporary), group=scheme, mode="a", encoding=encoding, consolidated=False)
            finally:
                for reader in readers:
                    reader.close()
        zarr.consolidate_metadata(str(temporary))
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    old = None
    if output_path.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output_path.stem}.", suffix=".old", dir=output_path.parent))
        os.replace(output_path, old / "store")
    os.replace(temporary, output_path)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)

"""A time stack from HyP3 products: one band per RTC date, or per InSAR pair, on one grid.

ASF's notebooks stack HyP3 products by clipping every product to the common overlap of their DEMs
(``hyp3_insar_stack_for_ts_analysis.ipynb``) and keep, per product, the reference and secondary granule,
baseline, heading, looks, DEM and processing options. Here every product's layer is read onto one grid
(the CRS most products share, the finest pixel spacing, their union or common overlap) through a warped
VRT per product, and written by the windowed engine (:func:`..io.engine.run_windows`): bands
``YYYY-MM-DD_<layer>`` for RTC (products of one day — frames of one pass — merged, first valid value) and
``YYYY-MM-DD_YYYY-MM-DD_<layer>`` for InSAR pairs (reference, then secondary date). Each band carries its
products' metadata as GDAL band metadata; the table of :func:`metadata_rows` has one row per product.

Values are as published (RTC gamma0/sigma0 in power, dB or amplitude as the name's scale says; InSAR
phase in radians, displacement in metres); ``db`` converts RTC power to dB (10·log10) and amplitude to dB
(20·log10), non-positive values becoming no-data.
"""

from __future__ import annotations

import csv
import io
import math
import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy as np
import rasterio
from affine import Affine
from osgeo import gdal
from rasterio.crs import CRS

from ..io.atomic import write_text_atomically
from ..io.bands import date_band_description
from ..io.engine import BLOCK_SIZE, OutputSpec, SourceSpec, run_windows
from ..io.grid import TargetGrid, bounds_in
from ..runtime import QT_TRANSLATE_NOOP, IsCancelled, Progress, TimestackError
from .names import INSAR_GAMMA, INSAR_LAYERS, RTC_GAMMA, RTC_LAYERS
from .products import Hyp3Product, find_products

__all__ = ["COVERAGES", "Hyp3Stack", "band_label", "build_hyp3_stack", "metadata_rows", "stack_layers"]

#: How the grid covers the products: all of every product, or only where all overlap (the notebook's way).
COVERAGES = ("union", "overlap")

#: Layers read with nearest neighbour (classes, masks, wrapped phase); the others bilinear.
_NEAREST = {"ls_map", "water_mask", "wrapped_phase"}
#: Units of the layers (InSAR Product Guide, "Image Files"; RTC Product Guide: radians, metres).
_UNITS = {
    "unw_phase": "rad", "wrapped_phase": "rad", "los_disp": "m", "vert_disp": "m", "lv_theta": "rad",
    "lv_phi": "rad", "inc_map": "rad", "inc_map_ell": "rad", "dem": "m", "area": "m2",
}  # fmt: skip
#: Above this many products, windows of one block (256²: 0.5 MB per product and window in float64).
_PRODUCTS_PER_LARGE_WINDOW = 40
#: Layers that are backscatter, for DB.
_BACKSCATTER = {"VV", "VH", "HH", "HV"}


def stack_layers(product_type: str) -> tuple[str, ...]:
    """The single-band layers a stack of ``product_type`` products can hold (not the 3-band RGB)."""
    return tuple(
        layer for layer in (RTC_LAYERS if product_type == RTC_GAMMA else INSAR_LAYERS) if layer != "rgb"
    )


def band_label(product: Hyp3Product, layer: str) -> str:
    """``2018-01-28_VV`` (RTC: acquisition date) or ``2020-01-01_2020-01-13_unw_phase`` (InSAR pair)."""
    name = product.name
    if name.secondary_start is None:
        return date_band_description(name.start.date(), layer)
    return f"{name.start.date().isoformat()}_{date_band_description(name.secondary_start.date(), layer)}"


@dataclass(frozen=True)
class Hyp3Stack:
    """The written stack, its band descriptions, and the products (in band order) behind each band."""

    path: Path
    descriptions: list[str]
    products: list[list[Hyp3Product]]


def _refuse_mixed(counts: Counter, message: str, *args: str) -> None:
    """Refuse INPUT with ``message`` when ``counts`` (products per value) holds more than one value; its
    last placeholder gets each value with its count (``2 RTC_GAMMA, 1 INSAR_GAMMA``), the others ``args``."""
    if len(counts) > 1:
        listed = ", ".join(f"{count} {value}" for value, count in counts.items())
        raise TimestackError(message, "INPUT", args=(*args, listed))


def _check_products(products: Sequence[Hyp3Product], layer: str, db: bool) -> tuple[str, str]:
    """The product type of ``products`` and ``layer`` as HyP3 names it (``vv`` is ``VV``), or the error a
    mixed or incomplete set deserves."""
    if not products:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "INPUT: no HyP3 product given; choose product zips or folders"
            ),
            "INPUT",
        )
    types = Counter(p.name.product_type for p in products)
    mixed_types = QT_TRANSLATE_NOOP(
        "TimestackCore",
        "INPUT mixes product types ({0}); stack RTC_GAMMA and INSAR_GAMMA products separately"
    )  # fmt: skip
    _refuse_mixed(types, mixed_types)
    kind = next(iter(types))
    layers = stack_layers(kind)
    layer = {name.lower(): name for name in layers}.get(layer.lower(), layer)
    if layer not in layers:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "LAYER: {0} is no layer of {1} products; choose one of {2}"),
            "LAYER",
            args=(layer, kind, ", ".join(layers)),
        )
    mixed_polarizations = QT_TRANSLATE_NOOP(
        "TimestackCore",
        "INPUT mixes polarisations ({0}); stack products of one polarisation"
    )  # fmt: skip
    _refuse_mixed(Counter(p.name.primary_polarization for p in products), mixed_polarizations)
    # one track (and pass direction): backscatter and phase differ between viewing geometries
    mixed_tracks = QT_TRANSLATE_NOOP(
        "TimestackCore",
        "INPUT mixes tracks (relative orbits {0}); stack the products of one track, one stack per track"
    )  # fmt: skip
    mixed_directions = QT_TRANSLATE_NOOP(
        "TimestackCore",
        "INPUT mixes pass directions ({0}); stack ascending and descending products separately"
    )  # fmt: skip
    for key, message in (("relative_orbit", mixed_tracks), ("reference_pass_direction", mixed_directions)):
        values = Counter(p.metadata.get(key) for p in products if p.metadata.get(key))
        if len(values) > 1:
            listed = ", ".join(f"{value}: {count}" for value, count in sorted(values.items()))
            raise TimestackError(message, "INPUT", args=(listed,))
    mixed_options = QT_TRANSLATE_NOOP(
        "TimestackCore",
        "INPUT mixes {0} ({1}); stack products processed with the same options"
    )  # fmt: skip
    for option in ("radiometry", "scale"):
        values = Counter(p.metadata.get(option) for p in products if p.metadata.get(option))
        _refuse_mixed(values, mixed_options, option)
    for product in products:
        if layer not in product.layers:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "LAYER: product {0} has no _{1}.tif (it has {2}); choose a layer every product has, or "
                    "order the products with that layer"
                ),
                "LAYER",
                args=(product.name.name, layer, ", ".join(sorted(product.layers)) or "none"),
            )  # fmt: skip
    if db:
        if kind != RTC_GAMMA or layer not in _BACKSCATTER:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "DB converts RTC backscatter (VV, VH, HH, HV) only; untick it for {0} {1}"
                ),
                "DB",
                args=(kind, layer),
            )  # fmt: skip
        if products[0].metadata.get("scale") == "decibel":
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "DB: the products are already in decibels; untick DB"),
                "DB",
            )
    return kind, layer


def _grid(paths: Sequence[str], coverage: str):
    """The target grid of the layer files: their most common CRS, finest pixel, union or overlap."""
    footprints = []
    for path in paths:
        with rasterio.open(path) as src:
            footprints.append((src.crs, src.bounds, abs(src.transform.a), (src.transform.c, src.transform.f)))
    crs = CRS.from_wkt(Counter(CRS.from_user_input(f[0]).to_wkt() for f in footprints).most_common(1)[0][0])
    boxes = [
        tuple(b) if CRS.from_user_input(c) == crs else bounds_in(tuple(b), c, crs)
        for c, b, _, _ in footprints
    ]
    # the lattice of the finest product in that CRS: products on it are read without resampling
    pixel, anchor = min((p, origin) for c, _, p, origin in footprints if CRS.from_user_input(c) == crs)
    if coverage == "overlap":
        box = (
            max(b[0] for b in boxes),
            max(b[1] for b in boxes),
            min(b[2] for b in boxes),
            min(b[3] for b in boxes),
        )
        if not (box[2] > box[0] and box[3] > box[1]):
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "COVERAGE: the products have no area in common; choose the union, or products of one area"
                ),
                "COVERAGE",
            )  # fmt: skip
    else:
        box = (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
    return _aligned_grid(box, crs, pixel, anchor)


def _aligned_grid(box, crs, pixel: float, anchor) -> TargetGrid:
    """The grid of ``pixel`` cells on the lattice through ``anchor`` covering ``box`` (snapped outward;
    a hair's tolerance so a product's own edges do not add a column)."""
    tolerance = 1e-6
    left = anchor[0] + math.floor((box[0] - anchor[0]) / pixel + tolerance) * pixel
    top = anchor[1] + math.ceil((box[3] - anchor[1]) / pixel - tolerance) * pixel
    width = math.ceil((box[2] - left) / pixel - tolerance)
    height = math.ceil((top - box[1]) / pixel - tolerance)
    return TargetGrid(crs, Affine(pixel, 0, left, 0, -pixel, top), max(width, 1), max(height, 1))


def _warped(path: str, grid, layer: str, target: Path) -> str:
    """A VRT of ``path`` on ``grid`` (no pixel copied: the engine reads it window by window)."""
    options = gdal.WarpOptions(
        format="VRT",
        outputBounds=grid.bounds,
        width=grid.width,
        height=grid.height,
        dstSRS=grid.crs.to_wkt(),
        resampleAlg="near" if layer in _NEAREST else "bilinear",
        dstNodata="nan",
        outputType=gdal.GDT_Float32,
    )
    dataset = gdal.Warp(str(target), path, options=options)
    if dataset is None:
        raise OSError(f"GDAL could not read {path}: {gdal.GetLastErrorMsg()}")
    dataset = None
    return str(target)


def _band_metadata(products: Sequence[Hyp3Product], layer: str, db: bool) -> dict[str, str]:
    """The metadata of a band made from ``products`` (several: frames of one day, values joined by "; ")."""
    merged: dict[str, list[str]] = {}
    for product in products:
        for key, value in product.metadata.items():
            values = merged.setdefault(key, [])
            if value not in values:
                values.append(value)
    found = {key: "; ".join(values) for key, values in merged.items()}
    found["layer"] = layer
    if db:
        found["scale"] = "decibel (converted from " + found.get("scale", "power") + ")"
    return found


def metadata_rows(stack: Hyp3Stack) -> list[dict[str, str]]:
    """One row per product: the band it went to (number and description) and its metadata."""
    rows = []
    for number, (description, products) in enumerate(zip(stack.descriptions, stack.products), start=1):
        for product in products:
            rows.append({"band": str(number), "band_description": description, **product.metadata})
    return rows


def _write_table(path: str | os.PathLike, rows: list[dict[str, str]]) -> None:
    columns: list[str] = []
    for row in rows:
        columns += [key for key in row if key not in columns]

    def write(stream) -> None:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, columns, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        stream.write(buffer.getvalue())

    write_text_atomically(path, write)


def build_hyp3_stack(
    inputs: Iterable[str | os.PathLike],
    layer: str,
    output_path: str | os.PathLike,
    *,
    db: bool = False,
    coverage: str = "union",
    metadata_path: Optional[str | os.PathLike] = None,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
) -> Hyp3Stack:
    """Stack ``layer`` of the HyP3 products in ``inputs`` (zips, product folders, folders of them).

    Parameters
    ----------
    inputs
        Product zips or folders as HyP3 delivers them, or folders holding them.
    layer
        ``VV``/``VH``/``HH``/``HV``/``area``/``dem``/``inc_map``/``ls_map`` (RTC) or ``unw_phase``/``corr``/
        ``amp``/``los_disp``/``vert_disp``/``wrapped_phase``/``lv_theta``/``lv_phi``/``dem``/
        ``inc_map``/``inc_map_ell``/``water_mask`` (InSAR).
    output_path
        The GeoTIFF stack (float32, NaN no-data), written atomically.
    db
        Convert RTC backscatter to dB.
    coverage
        ``union`` or ``overlap`` of the products' footprints.
    metadata_path
        Optional CSV of :func:`metadata_rows`.

    Raises
    ------
    TimestackError
        No product, a file that is no HyP3 product, mixed product types, polarisations or options, a
        layer some product lacks, only one date (or pair), DB where it makes no sense.
    """
    if coverage not in COVERAGES:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "COVERAGE: {0!r}; use one of {1}"),
            "COVERAGE",
            args=(coverage, ", ".join(COVERAGES)),
        )
    products = find_products(inputs)
    kind, layer = _check_products(products, layer, db)
    groups: dict[str, list[Hyp3Product]] = {}
    for product in sorted(products, key=lambda p: (p.name.start, p.name.secondary_start or p.name.start)):
        groups.setdefault(band_label(product, layer), []).append(product)
    if len(groups) < 2:
        one_pair = QT_TRANSLATE_NOOP(
            "TimestackCore",
            "INPUT: the products give one pair only ({0}); a time stack needs at least two — add pairs "
            "of other dates"
        )  # fmt: skip
        one_date = QT_TRANSLATE_NOOP(
            "TimestackCore",
            "INPUT: the products give one date only ({0}); a time stack needs at least two — add "
            "products of other dates"
        )  # fmt: skip
        raise TimestackError(
            one_pair if kind == INSAR_GAMMA else one_date, "INPUT", args=(next(iter(groups)),)
        )
    descriptions = list(groups)
    ordered = [product for label in descriptions for product in groups[label]]
    grid = _grid([p.layers[layer] for p in ordered], coverage)
    scratch = Path(tempfile.mkdtemp(prefix="timestack-hyp3-"))
    try:
        sources = {
            f"p{index}": SourceSpec(
                _warped(product.layers[layer], grid, layer, scratch / f"p{index}.vrt"), [1]
            )
            for index, product in enumerate(ordered)
        }
        keys, start = [], 0
        for label in descriptions:
            keys.append([f"p{index}" for index in range(start, start + len(groups[label]))])
            start += len(groups[label])
        factor = 20.0 if products[0].metadata.get("scale") == "amplitude" else 10.0

        def kernel(_window, arrays):
            bands = []
            for group in keys:
                band = arrays[group[0]][0].copy()
                for key in group[1:]:
                    band = np.where(np.isnan(band), arrays[key][0], band)
                if db:
                    with np.errstate(divide="ignore", invalid="ignore"):
                        band = np.where(band > 0, factor * np.log10(band), np.nan)
                bands.append(band)
            return {"stack": np.stack(bands)}

        def finish(temporaries) -> None:
            dataset = gdal.Open(str(temporaries["stack"]), gdal.GA_Update)
            unit = "dB" if db else _UNITS.get(layer, "")
            for number, label in enumerate(descriptions, start=1):
                band = dataset.GetRasterBand(number)
                band.SetMetadata(_band_metadata(groups[label], layer, db))
                if unit:
                    band.SetUnitType(unit)
            dataset = None

        tags = {"HYP3_PRODUCT_TYPE": kind, "HYP3_LAYER": layer, "HYP3_DB": str(bool(db))}
        output = OutputSpec(Path(output_path), len(descriptions), descriptions, tags)
        # a window holds every product's pixels: smaller windows keep long series within a few hundred MB
        window = BLOCK_SIZE if len(ordered) > _PRODUCTS_PER_LARGE_WINDOW else 2 * BLOCK_SIZE
        run_windows(
            sources, {"stack": output}, kernel, window, finish=finish, progress=progress,
            is_cancelled=is_cancelled, label="HyP3 stack",
        )  # fmt: skip
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    stack = Hyp3Stack(Path(output_path), descriptions, [groups[label] for label in descriptions])
    if metadata_path:
        _write_table(metadata_path, metadata_rows(stack))
    return stack

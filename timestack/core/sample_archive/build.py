"""Build (or reuse) the sample archive on disk, atomically.

Everything is written into a temporary sibling folder that is renamed into place at the end, so a
cancelled or failed build never leaves a half-written archive; hrefs already point at the final folder.
A stamp file records the recipe digest and folder, so :func:`ensure_sample_archive` can return a cached
archive at once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Optional

import numpy as np
import pystac
from osgeo import osr

from ..runtime import QT_TRANSLATE_NOOP, Cancelled, IsCancelled, Message, Progress, TimestackError
from .extras import EXTRA_FOLDERS
from .landscape import LANDCOVER_NAMES, Landscape, build_landscape, disturbance_magnitude
from .recipe import Recipe, load_recipe
from .scenes import TRUTH_CLASSES, Acquisition, render_scene, schedule
from .stac import (
    asset_files,
    build_collection,
    build_item,
    item_id,
    product_id,
    validate_item_dict,
    write_geoparquet,
    write_item_collection,
)
from .writers import write_cog, write_geotiff, write_stands

STAMP_NAME = "sample_archive.json"
#: What an archive folder holds; a folder with anything else is the user's, never replaced.
ARCHIVE_ENTRIES = frozenset({"catalog", "landsat-c2", "truth", STAMP_NAME, *EXTRA_FOLDERS.values()})
SENSOR_FOLDERS = {"tm": "tm", "etm": "etm", "oli": "oli-tirs"}


@dataclass(frozen=True)
class SampleArchive:
    """Where the parts of a built sample archive are (all paths absolute)."""

    root: Path
    variant: str
    item_collection: Path
    geoparquet: Path
    truth_dir: Path
    disturbance_year: Path
    disturbance_magnitude: Path
    landcover: Path
    stands: Path
    masks_dir: Path
    crs: str
    bounds: tuple[float, float, float, float]

    def load_items(self) -> pystac.ItemCollection:
        """The archive's items as a pystac ItemCollection."""
        return pystac.ItemCollection.from_file(str(self.item_collection))

    def mask_path(self, item_id: str) -> Path:
        """Path of the true cloud/shadow/snow/fill mask of one item (classes in ``TRUTH_CLASSES``)."""
        return self.masks_dir / f"{item_id}.tif"


def _layout(root: Path, variant: str, recipe: Recipe) -> SampleArchive:
    truth = root / "truth"
    return SampleArchive(
        root=root,
        variant=variant,
        item_collection=root / "catalog" / "items.json",
        geoparquet=root / "catalog" / "items.parquet",
        truth_dir=truth,
        disturbance_year=truth / "disturbance_year.tif",
        disturbance_magnitude=truth / "disturbance_magnitude.tif",
        landcover=truth / "landcover.tif",
        stands=truth / "stands.gpkg",
        masks_dir=truth / "masks",
        crs=f"EPSG:{recipe.common['epsg']}",
        bounds=recipe.bounds,
    )


def _center_lonlat(recipe: Recipe) -> tuple[float, float]:
    xmin, ymin, xmax, ymax = recipe.bounds
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(int(recipe.common["epsg"]))
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _ = osr.CoordinateTransformation(source, target).TransformPoint(
        (xmin + xmax) / 2, (ymin + ymax) / 2
    )
    return lon, lat


def _processing_date(recipe: Recipe, acquired: dt.date, index: int) -> dt.date:
    """Collection 2 processing date: the 2020-21 archive reprocessing, or days after recent acquisitions."""
    rng = np.random.default_rng([recipe.variant["seed"], 5, index])
    if acquired < dt.date(2020, 6, 1):
        return dt.date(2020, 8, 15) + dt.timedelta(int(rng.integers(0, 240)))
    return acquired + dt.timedelta(int(rng.integers(9, 21)))


def _write_truth(tmp: Path, layout: SampleArchive, recipe: Recipe, landscape: Landscape) -> None:
    """Write the truth rasters, the stand polygons and a legend of their codes into ``tmp/truth``."""
    truth = tmp / "truth"
    (truth / "masks").mkdir(parents=True)
    gt, epsg = recipe.geotransform, int(recipe.common["epsg"])
    year = np.array([stand.event_year or 0 for stand in landscape.stands])[landscape.stand_index]
    magnitude = disturbance_magnitude(landscape)
    write_geotiff(
        truth / layout.disturbance_year.name, year.astype(np.uint16), gt, epsg, 0, "disturbance year"
    )
    write_geotiff(truth / layout.disturbance_magnitude.name, magnitude, gt, epsg, None, "NBR drop")
    write_geotiff(truth / layout.landcover.name, landscape.landcover, gt, epsg, 0, "land cover")
    write_stands(truth / layout.stands.name, landscape, magnitude)
    legend = {
        "landcover.tif": {str(code): name for code, name in LANDCOVER_NAMES.items()},
        "disturbance_year.tif": "calendar year of the stand's disturbance; 0 (nodata) = undisturbed",
        "disturbance_magnitude.tif": "true NBR drop (pre minus just-after, reflectance-derived NBR units, "
        "noise-free, ETM+ terms); 0 = undisturbed",
        "masks/<item_id>.tif": {str(code): name for code, name in TRUTH_CLASSES.items()},
        "stands.gpkg": "layer 'stands': stand_id, landcover, landcover_code, dist_year, dist_doy, dist_type "
        "(clearcut, thinning, fire; null = undisturbed), dist_magnitude (mean NBR drop)",
    }
    (truth / "legend.json").write_text(json.dumps(legend, indent=1), encoding="utf-8")


def build_sample_archive(
    out_dir: str | os.PathLike,
    variant: str = "full",
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
) -> SampleArchive:
    """Generate the deterministic synthetic Landsat C2 L2 archive ``variant`` ("full"/"small") in ``out_dir``.

    Writes COGs in the USGS folder layout, the STAC ItemCollection (JSON and stac-geoparquet) and the
    ground truth (see ``truth/legend.json``): data every workflow of the plugin can be tried and tested on
    without a network or a login.

    Parameters
    ----------
    out_dir
        The archive's folder; an older sample archive there is replaced.
    variant
        ``"full"`` (the whole landscape over 39 years) or ``"small"`` (64 × 64 px over 2000-2014).
    progress, is_cancelled
        The caller's progress callback and cancel poll.

    Returns
    -------
    SampleArchive
        Where the archive's parts are.

    Raises
    ------
    TimestackError
        On ``OUTPUT_FOLDER`` for a file or a folder holding anything but a sample archive: the user's
        files are never moved or deleted.
    ValueError
        An unknown variant.
    Cancelled
        ``is_cancelled()`` turned true; the output folder is then untouched.
    """
    recipe = load_recipe(variant)
    root = Path(out_dir).resolve()
    _check_replaceable(root)
    layout = _layout(root, variant, recipe)
    report = progress or (lambda _percent, _message: None)
    cancelled = is_cancelled or (lambda: False)
    root.parent.mkdir(parents=True, exist_ok=True)
    tmp = root.parent / f".{root.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        report(0.0, "laying out the landscape")
        landscape = build_landscape(recipe)
        _write_truth(tmp, layout, recipe, landscape)
        lon, lat = _center_lonlat(recipe)
        acquisitions = schedule(recipe, lat, lon)
        (tmp / "catalog").mkdir()
        collection_href = str(root / "catalog" / "collection.json")
        items = []
        for index, acq in enumerate(acquisitions):
            if cancelled():
                raise Cancelled(f"sample archive build cancelled; {root} left unchanged")
            items.append(_write_scene(tmp, root, recipe, landscape, acq, index, collection_href))
            report(95.0 * (index + 1) / len(acquisitions), f"scene {items[-1]['id']}")
        for item in items:
            validate_item_dict(item)
        collection = build_collection(recipe, items)
        (tmp / "catalog" / "collection.json").write_text(json.dumps(collection, indent=1), encoding="utf-8")
        write_item_collection(tmp / "catalog" / layout.item_collection.name, items)
        write_geoparquet(tmp / "catalog" / layout.geoparquet.name, items)
        stamp = {
            "digest": recipe.digest(),
            "root": str(root),
            "items": len(items),
            **{k: str(v) if isinstance(v, Path) else v for k, v in asdict(layout).items()},
        }
        (tmp / STAMP_NAME).write_text(json.dumps(stamp, indent=1), encoding="utf-8")
        _replace(tmp, root)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    report(100.0, f"sample archive ({variant}, {len(items)} scenes) ready in {root}")
    return layout


def _write_scene(
    tmp: Path,
    root: Path,
    recipe: Recipe,
    landscape: Landscape,
    acq: Acquisition,
    index: int,
    collection_href: str,
) -> dict:
    """Render one acquisition, write its COGs and truth mask, and return its STAC item dict."""
    scene = render_scene(landscape, acq, index)
    processed = _processing_date(recipe, acq.when.date(), index)
    product = product_id(recipe, acq, processed)
    relative = Path(
        "landsat-c2",
        "level-2",
        "standard",
        SENSOR_FOLDERS[acq.sensor],
        f"{acq.when:%Y}",
        f"{recipe.common['wrs_path']:03d}",
        f"{recipe.common['wrs_row']:03d}",
        product,
    )
    (tmp / relative).mkdir(parents=True)
    files = asset_files(product, acq.sensor)
    gt, epsg = recipe.geotransform, int(recipe.common["epsg"])
    tiling = (int(recipe.variant["blocksize"]), int(recipe.variant["overview_count"]))
    for key, array in scene.reflectance_dn.items():
        write_cog(tmp / relative / files[key], array, gt, epsg, 0, *tiling, "AVERAGE", key)
    write_cog(tmp / relative / files["qa_pixel"], scene.qa_pixel, gt, epsg, 1, *tiling, "NEAREST", "qa_pixel")
    write_cog(
        tmp / relative / files["qa_radsat"], scene.qa_radsat, gt, epsg, None, *tiling, "NEAREST", "qa_radsat"
    )
    write_geotiff(
        tmp / "truth" / "masks" / f"{item_id(product)}.tif", scene.truth, gt, epsg, None, "truth class"
    )
    return build_item(
        recipe, acq, processed, root / relative, scene.cloud_cover, scene.cloud_cover_land, collection_href
    )


def _check_replaceable(root: Path) -> None:
    """Refuse an output folder that is not new, empty or a sample archive we built (its stamp says so).

    The archive's own entry names are not enough: a user's ``catalog`` or ``truth`` folder would be
    replaced with everything in it.
    """
    if os.path.lexists(root) and not root.is_dir():
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "OUTPUT_FOLDER {0} is a file, not a folder; choose a new or empty folder for the archive."
            ),
            "OUTPUT_FOLDER",
            args=(root,),
        )  # fmt: skip
    entries = sorted(entry.name for entry in root.iterdir()) if root.is_dir() else []
    foreign = entries if _stamp(root) is None else [name for name in entries if name not in ARCHIVE_ENTRIES]
    if foreign:
        shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "OUTPUT_FOLDER {0} holds files that are not a sample archive ({1}); they would be replaced. "
                "Choose a new or empty folder for the archive."
            ),
            "OUTPUT_FOLDER",
            args=(root, shown),
        )  # fmt: skip


def _stamp(root: Path) -> Optional[dict]:
    """The stamp of the archive in ``root``; None when there is none, or it is not one we wrote."""
    try:
        stamp = json.loads((root / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) and "digest" in stamp else None


def _replace(tmp: Path, root: Path) -> None:
    """Swap the finished temporary folder into place (old content removed only after the rename, and
    put back if the rename fails)."""
    old = root.parent / f".{root.name}.old-{os.getpid()}"
    if root.exists():
        root.rename(old)
    try:
        tmp.rename(root)
    except OSError:
        if old.exists():
            old.rename(root)
        raise
    shutil.rmtree(old, ignore_errors=True)


def ensure_sample_archive(
    out_dir: str | os.PathLike,
    variant: str = "full",
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
) -> SampleArchive:
    """Return the archive in ``out_dir`` if its stamp matches the current recipe and generator, else build.

    Building the full archive takes minutes; a stamp lets every later test or demo reuse it.

    Parameters
    ----------
    out_dir, variant, progress, is_cancelled
        As :func:`build_sample_archive`.

    Returns
    -------
    SampleArchive

    Raises
    ------
    TimestackError, ValueError, Cancelled
        As :func:`build_sample_archive`.
    """
    recipe = load_recipe(variant)
    root = Path(out_dir).resolve()
    stamp = _stamp(root) or {}
    if stamp.get("digest") == recipe.digest() and stamp.get("root") == str(root):
        if progress:
            progress(
                100.0,
                Message(
                    QT_TRANSLATE_NOOP("TimestackCore", "sample archive ({0}) up to date in {1}"),
                    variant,
                    root,
                ),
            )
        return _layout(root, variant, recipe)
    return build_sample_archive(root, variant, progress=progress, is_cancelled=is_cancelled)

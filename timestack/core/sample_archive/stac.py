"""STAC Items of the sample archive, as the Planetary Computer / Earth Search publish Landsat C2 L2.

Items are built as plain dicts shaped like the recorded real items (``fixtures/stac/pc_landsat.json``):
same asset keys, roles, ``eo:bands``/``raster:bands`` and property names. The ItemCollection is written as
JSON and as stac-geoparquet (one row per item, properties as top-level columns, WKB geometry and GeoParquet
``geo`` metadata; stac-geoparquet spec 1.0, GeoParquet 1.1) with pyarrow. Validation runs offline against
the JSON schemas vendored in ``resources/stac-schemas``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa
import pyarrow.parquet as pq
import pystac
from osgeo import ogr, osr
from pystac.validation import JsonSchemaSTACValidator
from pystac.validation.stac_validator import GetSchemaError

from ...paths import RESOURCES_DIR
from .recipe import Recipe
from .scenes import SR_OFFSET, SR_SCALE, Acquisition

SCHEMAS_DIR = RESOURCES_DIR / "stac-schemas"
EXTENSIONS = {
    name: f"https://stac-extensions.github.io/{name}/v1.0.0/schema.json"
    for name in ("eo", "raster", "projection", "view")
}
COG_TYPE = "image/tiff; application=geotiff; profile=cloud-optimized"
COLLECTION_ID = "landsat-c2-l2"

#: Product-ID prefix and instruments per platform (USGS naming; PC collection summaries).
PLATFORM_CODES = {
    "landsat-5": ("LT05", ["tm"]),
    "landsat-7": ("LE07", ["etm+"]),
    "landsat-8": ("LC08", ["oli", "tirs"]),
    "landsat-9": ("LC09", ["oli", "tirs"]),
}

#: asset key -> (title, description of eo:bands)
ASSET_TITLES = {
    "coastal": ("Coastal/Aerosol Band", "Coastal/Aerosol"),
    "blue": ("Blue Band", "Visible blue"),
    "green": ("Green Band", "Visible green"),
    "red": ("Red Band", "Visible red"),
    "nir08": ("Near Infrared Band 0.8", "Near infrared"),
    "swir16": ("Short-wave Infrared Band 1.6", "Short-wave infrared"),
    "swir22": ("Short-wave Infrared Band 2.2", "Short-wave infrared"),
}

#: sensor -> asset key -> (band number, centre wavelength µm, FWHM µm); USGS band designations.
SENSOR_BANDS = {
    "oli": {
        "coastal": (1, 0.44, 0.02),
        "blue": (2, 0.48, 0.06),
        "green": (3, 0.56, 0.06),
        "red": (4, 0.65, 0.04),
        "nir08": (5, 0.87, 0.03),
        "swir16": (6, 1.61, 0.09),
        "swir22": (7, 2.2, 0.19),
    },
    "etm": {
        "blue": (1, 0.48, 0.07),
        "green": (2, 0.56, 0.08),
        "red": (3, 0.66, 0.06),
        "nir08": (4, 0.84, 0.13),
        "swir16": (5, 1.65, 0.2),
        "swir22": (7, 2.2, 0.26),
    },
    "tm": {
        "blue": (1, 0.49, 0.07),
        "green": (2, 0.56, 0.08),
        "red": (3, 0.66, 0.06),
        "nir08": (4, 0.83, 0.14),
        "swir16": (5, 1.65, 0.2),
        "swir22": (7, 2.22, 0.27),
    },
}
EO_NAME_PREFIX = {"oli": "OLI", "etm": "ETM", "tm": "TM"}


def product_id(recipe: Recipe, acq: Acquisition, processed: dt.date) -> str:
    """USGS product identifier, e.g. ``LC08_L2SR_045030_20200715_20200912_02_T1``.

    Parameters
    ----------
    recipe
        The recipe (path and row).
    acq
        The acquisition.
    processed
        The processing date.

    Returns
    -------
    str
    """
    prefix = PLATFORM_CODES[acq.platform][0]
    path_row = f"{recipe.common['wrs_path']:03d}{recipe.common['wrs_row']:03d}"
    return f"{prefix}_L2SR_{path_row}_{acq.when:%Y%m%d}_{processed:%Y%m%d}_02_T1"


def item_id(product: str) -> str:
    """STAC item id as PC and Earth Search use it: the product id without the processing date.

    Parameters
    ----------
    product
        A :func:`product_id`.

    Returns
    -------
    str
    """
    parts = product.split("_")
    return "_".join(parts[:4] + parts[5:])


def asset_files(product: str, sensor: str) -> dict[str, str]:
    """Asset key -> file name as USGS publishes them (band numbers differ between TM/ETM+ and OLI).

    Parameters
    ----------
    product
        A :func:`product_id`.
    sensor
        ``"oli"`` or ``"tm_etm"``.

    Returns
    -------
    dict
    """
    files = {key: f"{product}_SR_B{number}.TIF" for key, (number, _, _) in SENSOR_BANDS[sensor].items()}
    files["qa_pixel"] = f"{product}_QA_PIXEL.TIF"
    files["qa_radsat"] = f"{product}_QA_RADSAT.TIF"
    return files


def _reflectance_asset(href: str, key: str, sensor: str) -> dict[str, Any]:
    number, center, fwhm = SENSOR_BANDS[sensor][key]
    title, band_description = ASSET_TITLES[key]
    return {
        "href": href,
        "type": COG_TYPE,
        "title": title,
        "description": f"Collection 2 Level-2 {title} (SR_B{number}) Surface Reflectance",
        "roles": ["data", "reflectance"],
        "eo:bands": [
            {
                "name": f"{EO_NAME_PREFIX[sensor]}_B{number}",
                "common_name": key,
                "description": band_description,
                "center_wavelength": center,
                "full_width_half_max": fwhm,
            }
        ],
        "raster:bands": [
            {
                "scale": SR_SCALE,
                "nodata": 0,
                "offset": SR_OFFSET,
                "data_type": "uint16",
                "spatial_resolution": 30,
            }
        ],
    }


def _qa_assets(files: dict[str, str], folder: Path) -> dict[str, Any]:
    return {
        "qa_pixel": {
            "href": str(folder / files["qa_pixel"]),
            "type": COG_TYPE,
            "title": "Pixel Quality Assessment Band",
            "description": "Collection 2 Level-1 Pixel Quality Assessment Band (QA_PIXEL)",
            "roles": ["cloud", "cloud-shadow", "snow-ice", "water-mask"],
            "raster:bands": [
                {"unit": "bit index", "nodata": 1, "data_type": "uint16", "spatial_resolution": 30}
            ],
        },
        "qa_radsat": {
            "href": str(folder / files["qa_radsat"]),
            "type": COG_TYPE,
            "title": "Radiometric Saturation and Terrain Occlusion Quality Assessment Band",
            "description": "Collection 2 Level-1 Radiometric Saturation and Terrain Occlusion Quality "
            "Assessment Band (QA_RADSAT)",
            "roles": ["saturation"],
            "raster:bands": [{"unit": "bit index", "data_type": "uint16", "spatial_resolution": 30}],
        },
    }


def footprint_lonlat(recipe: Recipe) -> tuple[dict[str, Any], list[float]]:
    """GeoJSON polygon and bbox (WGS84 lon/lat) of the grid, corners reprojected from UTM.

    Parameters
    ----------
    recipe
        The recipe (grid and UTM zone).

    Returns
    -------
    tuple
        (GeoJSON geometry, [west, south, east, north]).
    """
    xmin, ymin, xmax, ymax = recipe.bounds
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in [(xmin, ymax), (xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax)]:
        ring.AddPoint_2D(x, y)
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(int(recipe.common["epsg"]))
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    polygon.AssignSpatialReference(source)
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    polygon.TransformTo(target)
    coords = [[round(x, 8), round(y, 8)] for x, y in polygon.GetGeometryRef(0).GetPoints()]
    lons, lats = [c[0] for c in coords], [c[1] for c in coords]
    return {"type": "Polygon", "coordinates": [coords]}, [min(lons), min(lats), max(lons), max(lats)]


def build_item(
    recipe: Recipe,
    acq: Acquisition,
    processed: dt.date,
    folder: Path,
    cloud_cover: float,
    cloud_cover_land: float,
    collection_href: str,
) -> dict[str, Any]:
    """The STAC Item dict of one scene whose COGs are in ``folder`` (absolute hrefs).

    Parameters
    ----------
    recipe
        The recipe.
    acq
        The acquisition.
    processed
        The processing date.
    folder
        Where the scene's COGs are.
    cloud_cover, cloud_cover_land
        ``eo:cloud_cover`` and ``landsat:cloud_cover_land``, percent.
    collection_href
        The collection file the item links to.

    Returns
    -------
    dict
    """
    product = product_id(recipe, acq, processed)
    files = asset_files(product, acq.sensor)
    geometry, bbox = footprint_lonlat(recipe)
    x0, size, _, y0, _, _ = recipe.geotransform
    prefix, instruments = PLATFORM_CODES[acq.platform]
    doy = acq.when.timetuple().tm_yday
    assets = {
        key: _reflectance_asset(str(folder / files[key]), key, acq.sensor) for key in SENSOR_BANDS[acq.sensor]
    }
    assets.update(_qa_assets(files, folder))
    properties = {
        "datetime": acq.when.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "created": f"{processed:%Y-%m-%d}T00:00:00Z",
        "platform": acq.platform,
        "instruments": instruments,
        "description": "Landsat Collection 2 Level-2",
        "gsd": 30,
        "eo:cloud_cover": cloud_cover,
        "landsat:cloud_cover_land": cloud_cover_land,
        "landsat:collection_category": "T1",
        "landsat:collection_number": "02",
        "landsat:correction": "L2SR",
        "landsat:scene_id": f"L{prefix[1]}{prefix[3]}{recipe.common['wrs_path']:03d}"
        f"{recipe.common['wrs_row']:03d}{acq.when:%Y}{doy:03d}LGN00",
        "landsat:wrs_path": f"{recipe.common['wrs_path']:03d}",
        "landsat:wrs_row": f"{recipe.common['wrs_row']:03d}",
        "landsat:wrs_type": "2",
        "proj:epsg": int(recipe.common["epsg"]),
        "proj:shape": list(recipe.shape),
        "proj:transform": [size, 0.0, x0, 0.0, -size, y0],
        "proj:bbox": list(recipe.bounds),
        "view:off_nadir": 0,
        "view:sun_azimuth": acq.sun_azimuth,
        "view:sun_elevation": acq.sun_elevation,
    }
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": [EXTENSIONS[name] for name in ("raster", "eo", "view", "projection")],
        "id": item_id(product),
        "geometry": geometry,
        "bbox": bbox,
        "properties": properties,
        "links": [{"rel": "collection", "href": collection_href, "type": "application/json"}],
        "assets": assets,
        "collection": COLLECTION_ID,
    }


def build_collection(recipe: Recipe, items: list[dict[str, Any]]) -> dict[str, Any]:
    """A minimal ``landsat-c2-l2`` Collection covering the archive (the target of the items' links).

    Parameters
    ----------
    recipe
        The recipe.
    items
        The items, whose extent the collection covers.

    Returns
    -------
    dict
    """
    times = sorted(item["properties"]["datetime"] for item in items)
    return {
        "type": "Collection",
        "stac_version": "1.0.0",
        "stac_extensions": [],
        "id": COLLECTION_ID,
        "title": "Landsat Collection 2 Level-2 (Timestack synthetic sample)",
        "description": "Synthetic, deterministic Landsat Collection 2 Level-2 surface reflectance sample "
        f"archive generated by Timestack (variant {recipe.variant_name}); not real data.",
        "license": "CC0-1.0",
        "extent": {
            "spatial": {"bbox": [footprint_lonlat(recipe)[1]]},
            "temporal": {"interval": [[times[0], times[-1]]]},
        },
        "links": [],
    }


class OfflineSTACValidator(JsonSchemaSTACValidator):
    """pystac validator that never touches the network.

    Core STAC 1.0.0 and GeoJSON schemas come from pystac's bundled copies, extension schemas from
    ``resources/stac-schemas`` (laid out by URI path); any other schema URI is an error instead of a
    download, so validation gives the same answer on a machine without internet.
    """

    def __init__(self, schemas_dir: Path = SCHEMAS_DIR) -> None:
        super().__init__()
        for path in Path(schemas_dir).glob("stac-extensions/*/*/schema.json"):
            name, version = path.parent.parent.name, path.parent.name
            uri = f"https://stac-extensions.github.io/{name}/{version}/schema.json"
            schema = json.loads(path.read_text(encoding="utf-8"))
            schema["$id"] = uri
            self.schema_cache[uri] = schema

    def _get_schema(self, schema_uri: str) -> dict[str, Any]:
        if schema_uri not in self.schema_cache:
            raise GetSchemaError(
                schema_uri, FileNotFoundError(f"schema not vendored in {SCHEMAS_DIR}; add it there")
            )
        return self.schema_cache[schema_uri]


def validate_item_dict(item: dict[str, Any], validator: OfflineSTACValidator | None = None) -> list[str]:
    """Validate one item dict (core and every declared extension) offline.

    Parameters
    ----------
    item
        A STAC item dict.
    validator
        The validator; None: one reading the schemas pystac ships.

    Returns
    -------
    list of str
        The schema URIs used.

    Raises
    ------
    pystac.STACValidationError
        The item is invalid.
    """
    return pystac.validation.validate_dict(item, validator=validator or OfflineSTACValidator())


def write_item_collection(path: Path, items: list[dict[str, Any]]) -> None:
    """Write the ItemCollection JSON (a GeoJSON FeatureCollection of the items).

    Parameters
    ----------
    path
        The JSON file.
    items
        The items.
    """
    Path(path).write_text(
        json.dumps({"type": "FeatureCollection", "features": items}, indent=1), encoding="utf-8"
    )


def _timestamp(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def _geoparquet_columns(items: Iterable[dict[str, Any]]) -> dict[str, list[Any]]:
    items = list(items)
    property_names = sorted({name for item in items for name in item["properties"]})
    columns: dict[str, list[Any]] = {
        "type": [item["type"] for item in items],
        "stac_version": [item["stac_version"] for item in items],
        "stac_extensions": [item["stac_extensions"] for item in items],
        "id": [item["id"] for item in items],
        "geometry": [
            bytes(ogr.CreateGeometryFromJson(json.dumps(item["geometry"])).ExportToIsoWkb()) for item in items
        ],
        "bbox": [dict(zip(("xmin", "ymin", "xmax", "ymax"), item["bbox"])) for item in items],
        "links": [item["links"] for item in items],
        "assets": [item["assets"] for item in items],
        "collection": [item["collection"] for item in items],
    }
    for name in property_names:
        values = [item["properties"].get(name) for item in items]
        columns[name] = [_timestamp(v) for v in values] if name in ("datetime", "created") else values
    return columns


def write_geoparquet(path: Path, items: list[dict[str, Any]]) -> None:
    """Write the items as stac-geoparquet with pyarrow (no stac-geoparquet/rustac dependency needed).

    Parameters
    ----------
    path
        The parquet file.
    items
        The items.
    """
    columns = _geoparquet_columns(items)
    arrays = {}
    for name, values in columns.items():
        if name in ("datetime", "created"):
            arrays[name] = pa.array(values, type=pa.timestamp("us", tz="UTC"))
        elif name == "geometry":
            arrays[name] = pa.array(values, type=pa.binary())
        else:
            arrays[name] = pa.array(values)
    table = pa.table(arrays)
    bboxes = [item["bbox"] for item in items]
    geo = {
        "version": "1.1.0",
        "primary_column": "geometry",
        "columns": {
            "geometry": {
                "encoding": "WKB",
                "geometry_types": ["Polygon"],
                "bbox": [
                    min(b[0] for b in bboxes),
                    min(b[1] for b in bboxes),
                    max(b[2] for b in bboxes),
                    max(b[3] for b in bboxes),
                ],
                "covering": {"bbox": {k: ["bbox", k] for k in ("xmin", "ymin", "xmax", "ymax")}},
            }
        },
    }
    metadata = {
        **(table.schema.metadata or {}),
        b"geo": json.dumps(geo).encode("utf-8"),
        b"stac-geoparquet": json.dumps({"version": "1.0.0"}).encode("utf-8"),
    }
    pq.write_table(table.replace_schema_metadata(metadata), str(path), compression="zstd")

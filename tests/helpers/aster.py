"""ASTER L1T scenes written as Planetary Computer's ``aster-l1t`` publishes them: one multi-band COG of DNs
per subsystem (VNIR bands 1, 2, 3N at 15 m, uint8; SWIR 4-9 at 30 m, uint8; TIR 10-14 at 90 m, uint16),
all three on the same UTM extent, named ``<scene>-VNIR.tif`` …, and the STAC item that points at them in
stactools-aster's shape (``eo:bands``, ``raster:bands`` with nodata 0, ``proj:*`` per asset,
``aster:*_quad_cloud_cover``, ``view:sun_elevation``, ``eo:cloud_cover``).

The DNs are chosen from physical values through the published calibration, so a test can say what each
pixel must come back as: ``dn_for_radiance`` inverts ``L = (DN - 1)·UCC``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import rasterio
from affine import Affine

from timestack.core.aster.calibration import RESOLUTION_M, SUBSYSTEMS, UNIT_CONVERSION

__all__ = [
    "ASTER_UTM", "EXTENT_M", "X0", "Y0", "aster_item", "dn_for_radiance", "write_aster_hdf",
    "write_aster_scene", "write_items",
]  # fmt: skip

ASTER_UTM = "EPSG:32611"
X0, Y0 = 440010.0, 4100010.0
#: Side of the scene (m): 48 VNIR pixels, 24 SWIR, 8 TIR.
EXTENT_M = 720.0
_DTYPES = {"VNIR": "uint8", "SWIR": "uint8", "TIR": "uint16"}
_COMMON = {"1": "green", "2": "red", "3N": "nir08", "4": "swir16", "5": "swir22", "6": "swir22"}
_CENTER = {
    "1": 0.56, "2": 0.66, "3N": 0.82, "4": 1.65, "5": 2.165, "6": 2.205, "7": 2.26, "8": 2.339, "9": 2.395,
    "10": 8.3, "11": 8.65, "12": 9.11, "13": 10.6, "14": 11.3,
}  # fmt: skip


def dn_for_radiance(radiance: float, band: str, gain: str = "NOR") -> int:
    """The DN whose radiance is closest to ``radiance`` at ``gain``."""
    return int(round(radiance / UNIT_CONVERSION[band][gain] + 1))


def write_aster_scene(folder: Path, scene_id: str, dns: dict, subsystems=("VNIR", "SWIR", "TIR")) -> dict:
    """Write the subsystem COGs of ``scene_id``; ``dns`` maps band id -> DN array (or one DN) on the
    subsystem's grid. Returns subsystem -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for subsystem in subsystems:
        res = RESOLUTION_M[subsystem]
        size = int(EXTENT_M / res)
        bands = SUBSYSTEMS[subsystem]
        data = np.stack(
            [
                np.broadcast_to(np.asarray(dns.get(band, 1), dtype=_DTYPES[subsystem]), (size, size))
                for band in bands
            ]
        )
        path = folder / f"{scene_id}-{subsystem}.tif"
        profile = dict(
            driver="COG", width=size, height=size, count=len(bands), dtype=_DTYPES[subsystem],
            crs=ASTER_UTM, transform=Affine(res, 0, X0, 0, -res, Y0), nodata=0, compress="deflate",
        )  # fmt: skip
        with rasterio.open(path, "w", **profile) as dst:
            dst.write(data)
        paths[subsystem] = path
    return paths


def aster_item(
    scene_id: str, when: dt.datetime, paths: dict, cloud: float = 10.0, sun_elevation=60.0
) -> dict:
    """The STAC item of a scene as PC's aster-l1t publishes it (hrefs relative to the items file's folder
    when ``paths`` are relative)."""
    from rasterio.warp import transform

    corners = [(X0, Y0), (X0 + EXTENT_M, Y0), (X0 + EXTENT_M, Y0 - EXTENT_M), (X0, Y0 - EXTENT_M), (X0, Y0)]
    lons, lats = transform(ASTER_UTM, "EPSG:4326", [c[0] for c in corners], [c[1] for c in corners])
    ring = [[lon, lat] for lon, lat in zip(lons, lats)]
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    assets = {}
    for subsystem, path in paths.items():
        res = RESOLUTION_M[subsystem]
        size = int(EXTENT_M / res)
        bands = SUBSYSTEMS[subsystem]
        assets[subsystem] = {
            "href": str(path),
            "type": "image/tiff; application=geotiff; profile=cloud-optimized",
            "title": f"{subsystem} Swath data",
            "eo:bands": [
                {
                    "name": f"{subsystem}_Band{band}",
                    **({"common_name": _COMMON[band]} if band in _COMMON else {}),
                    "center_wavelength": _CENTER[band],
                }
                for band in bands
            ],
            "proj:shape": [size, size],
            "proj:bbox": [X0, Y0 - EXTENT_M, X0 + EXTENT_M, Y0],
            "proj:transform": [res, 0.0, X0, 0.0, -res, Y0, 0.0, 0.0, 1.0],
            "raster:bands": [
                {
                    "nodata": 0,
                    "data_type": _DTYPES[subsystem],
                    "spatial_resolution": res,
                    "name": f"{subsystem}_Band{b}",
                }
                for b in bands
            ],
            "roles": ["data"],
        }
    properties = {
        "datetime": when.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "aster:processing_number": "78838",
        "platform": "terra",
        "instruments": ["aster"],
        "eo:cloud_cover": cloud,
        "sat:orbit_state": "descending",
        "view:sun_azimuth": 140.0,
        "proj:epsg": int(ASTER_UTM.split(":")[1]),
        "aster:upper_left_quad_cloud_cover": cloud,
        "aster:upper_right_quad_cloud_cover": cloud,
        "aster:lower_left_quad_cloud_cover": cloud,
        "aster:lower_right_quad_cloud_cover": cloud,
        "view:off_nadir": 2.0,
    }
    if sun_elevation is not None:
        properties["view:sun_elevation"] = sun_elevation
    return {
        "type": "Feature",
        "stac_version": "1.0.0",
        "stac_extensions": [
            "https://stac-extensions.github.io/eo/v1.0.0/schema.json",
            "https://stac-extensions.github.io/sat/v1.0.0/schema.json",
            "https://stac-extensions.github.io/view/v1.0.0/schema.json",
            "https://stac-extensions.github.io/projection/v1.0.0/schema.json",
            "https://stac-extensions.github.io/raster/v1.1.0/schema.json",
        ],
        "id": scene_id,
        "collection": "aster-l1t",
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "bbox": [min(lons), min(lats), max(lons), max(lats)],
        "properties": properties,
        "links": [],
        "assets": assets,
    }


def write_items(path: Path, items: list) -> Path:
    """An ItemCollection file of ``items``."""
    path.write_text(json.dumps({"type": "FeatureCollection", "features": items}))
    return path


def _odl_object(name: str, value: str, klass: str = "") -> str:
    lines = [f"    OBJECT = {name}"]
    if klass:
        lines.append(f'      CLASS = "{klass}"')
    lines += ["      NUM_VAL = 2", f"      VALUE = {value}", f"    END_OBJECT = {name}"]
    return "\n".join(lines)


def write_aster_hdf(
    folder: Path, scene_id: str, dns: dict, day: dt.date, gains: dict, sun=(140.0, 60.0), south=False
) -> Path:
    """An AST_L1T HDF-EOS granule as GDAL's HDF4 driver sees one: science datasets ``ImageData1`` …
    ``ImageData14`` (VNIR/SWIR uint8, TIR uint16) at 48/24/8 pixels over the helper's extent, and ODL
    product and core metadata with the gains (``GAIN`` objects, ``("01", "HGH")``), ``SOLARDIRECTION``,
    ``UPPERLEFTM``/``LOWERRIGHTM`` (northing, easting of the corner pixels' centres, VNIR grid),
    ``UTMZONENUMBER``, ``NORTHBOUNDINGCOORDINATE`` and ``CALENDARDATE``, written with pyhdf (HDF4)."""
    from pyhdf.SD import SD, SDC

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{scene_id}.hdf"
    granule = SD(str(path), SDC.WRITE | SDC.CREATE)
    for subsystem, bands in SUBSYSTEMS.items():
        size = int(EXTENT_M / RESOLUTION_M[subsystem])
        for band in bands:
            kind, dtype = (SDC.UINT16, np.uint16) if subsystem == "TIR" else (SDC.UINT8, np.uint8)
            data = np.broadcast_to(np.asarray(dns.get(band, 1), dtype=dtype), (size, size))
            sds = granule.create(f"ImageData{band}", kind, (size, size))
            sds[:] = np.ascontiguousarray(data)
            sds.endaccess()
    northing = Y0 - 7.5 - (10_000_000.0 if south else 0.0)
    gain_objects = "\n".join(
        _odl_object("GAIN", f'("{band.zfill(2)}", "{gain}")', str(i + 1))
        for i, (band, gain) in enumerate(gains.items())
    )
    product = "\n".join(
        [
            "GROUP = PRODUCTMETADATA",
            "  GROUP = GAININFORMATION",
            gain_objects,
            "  END_GROUP = GAININFORMATION",
            _odl_object("SOLARDIRECTION", f"({sun[0]}, {sun[1]})"),
            _odl_object("UPPERLEFTM", f"({northing}, {X0 + 7.5})"),
            _odl_object("LOWERRIGHTM", f"({northing - EXTENT_M + 15}, {X0 + EXTENT_M - 7.5})"),
            "    OBJECT = UTMZONENUMBER\n      NUM_VAL = 1\n      VALUE = 11\n    END_OBJECT = UTMZONENUMBER",
            "END_GROUP = PRODUCTMETADATA",
            "END",
        ]
    )
    core = "\n".join(
        [
            "GROUP = INVENTORYMETADATA",
            "  GROUP = SINGLEDATETIME",
            f'    OBJECT = CALENDARDATE\n      NUM_VAL = 1\n      VALUE = "{day:%Y%m%d}"\n'
            "    END_OBJECT = CALENDARDATE",
            "  END_GROUP = SINGLEDATETIME",
            "  GROUP = BOUNDINGRECTANGLE",
            "    OBJECT = NORTHBOUNDINGCOORDINATE\n      NUM_VAL = 1",
            f"      VALUE = {-33.0 if south else 37.05}\n    END_OBJECT = NORTHBOUNDINGCOORDINATE",
            "  END_GROUP = BOUNDINGRECTANGLE",
            "END_GROUP = INVENTORYMETADATA",
            "END",
        ]
    )
    granule.attr("productmetadata.0").set(SDC.CHAR8, product)
    granule.attr("coremetadata.0").set(SDC.CHAR8, core)
    granule.end()
    return path

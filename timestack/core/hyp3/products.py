"""HyP3 product folders and zips as ASF publishes them, read without extracting anything.

A product is a folder (or the zip HyP3 delivers, holding that folder) whose files all share the
product's base name (:mod:`.names`): the GeoTIFF layers ``<name>_<layer>.tif``, the InSAR parameter
file ``<name>.txt`` (``Key: value`` lines, written by ``hyp3_gamma.insar.ifm_sentinel``; its keys are
the InSAR Product Guide's Table 4) and ``<name>.README.md.txt`` (rendered from hyp3_gamma's
``metadata/templates/{rtc,insar}/readme.md.txt.j2``: the source granule(s), processing date, DEM and
looks of the product). Zip members are read through GDAL's ``/vsizip/``.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..runtime import QT_TRANSLATE_NOOP, TimestackError
from .names import ProductName, find_product_name, parse_product_name, relative_orbit

__all__ = [
    "Hyp3Product",
    "find_products",
    "metadata_key",
    "open_product",
    "parse_parameter_file",
    "parse_readme",
]

NOT_A_PRODUCT = QT_TRANSLATE_NOOP(
    "TimestackCore",
    "{0} is not a HyP3 product: it holds no file named like an RTC_GAMMA or INSAR_GAMMA "
    "product (S1A_IW_20180128T161201_DVP_RTC30_G_gpuned_FD6A_VV.tif, "
    "S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09_unw_phase.tif); choose the "
    "product zips or folders as HyP3 delivers them."
)  # fmt: skip
NOT_A_ZIP = QT_TRANSLATE_NOOP(
    "TimestackCore",
    "{0} is not a readable zip file ({1}); download the HyP3 product again."
)  # fmt: skip
TWO_PRODUCTS = QT_TRANSLATE_NOOP(
    "TimestackCore",
    "{0} holds more than one HyP3 product ({1}, {2}); give each product's zip or folder."
)  # fmt: skip
NOT_FOUND = QT_TRANSLATE_NOOP(
    "TimestackCore",
    "{0} does not exist; choose HyP3 product zips or folders."
)  # fmt: skip
NONE_FOUND = QT_TRANSLATE_NOOP(
    "TimestackCore",
    "no HyP3 product in {0}: choose the folder holding the product zips or folders, or the "
    "products themselves."
)  # fmt: skip


@dataclass(frozen=True)
class Hyp3Product:
    """One HyP3 product: its name, where it is, its GeoTIFF layers (layer -> GDAL path) and its metadata
    (the name's facts, then the README's, then the parameter file's, as text)."""

    name: ProductName
    source: str
    layers: dict[str, str]
    metadata: dict[str, str] = field(default_factory=dict)


def metadata_key(label: str) -> str:
    """``Resolution of output (m)`` -> ``resolution_of_output_m``: a parameter-file key as a metadata key."""
    return re.sub(r"[^0-9a-z]+", "_", label.strip().lower()).strip("_")


def parse_parameter_file(text: str) -> dict[str, str]:
    """The ``Key: value`` lines of an InSAR product's ``<name>.txt`` as ``{metadata_key: value}``.

    Only the first colon splits (granule names have none, but values such as times might).
    """
    found = {}
    for line in text.splitlines():
        key, colon, value = line.partition(":")
        if colon and key.strip():
            found[metadata_key(key)] = value.strip()
    return found


_README = {
    "processing_date": re.compile(r"^Processing Date/Time:\s*(\S+)", re.M),
    "plugin": re.compile(r"using the (\S+) plugin version (\S+) running (\S+) release (\S+?)\.?\s", re.M),
    "projection": re.compile(r"projected to (.+?), and the pixel spacing", re.M),
    "granule": re.compile(
        r"^The source granule used to generate the products contained in this folder is:\s*\n(\S+)", re.M
    ),
    "reference_granule": re.compile(r"^\s*- Reference:\s*(\S+)", re.M),
    "secondary_granule": re.compile(r"^\s*- Secondary:\s*(\S+)", re.M),
    "dem_name": re.compile(r"The DEM used for this product is (.+?)\. ", re.M),
    "looks": re.compile(r"This product used (\d+) look", re.M),
    "output": re.compile(r"These files have been processed to output (\S+) (\S+)\.", re.M),
}  # fmt: skip


def parse_readme(text: str) -> dict[str, str]:
    """What an RTC or InSAR ``.README.md.txt`` says of its product: granule(s), processing date, software
    versions, projection, DEM and looks (those it states)."""
    found: dict[str, str] = {}
    for key, pattern in _README.items():
        match = pattern.search(text)
        if not match:
            continue
        if key == "plugin":
            found.update(
                zip(("plugin_name", "plugin_version", "processor_name", "processor_version"), match.groups())
            )
        elif key == "output":
            found["radiometry"], found["scale"] = match.groups()
        else:
            found[key] = match.group(1).strip()
    return found


def _members(path: Path) -> list[str]:
    """The file names in zip ``path``, or a clear error for a file that is no zip."""
    try:
        with zipfile.ZipFile(path) as archive:
            return [info.filename for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError) as exc:
        raise TimestackError(NOT_A_ZIP, "INPUT", args=(path, exc)) from exc


def _read_member(path: Path, member: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(member).decode("utf-8", errors="replace")


def open_product(path: str | os.PathLike) -> Hyp3Product:
    """The HyP3 product in folder or zip ``path``, with its layers and metadata; a clear error when
    ``path`` holds none or several."""
    path = Path(path)
    if path.is_dir():
        files = [str(p.relative_to(path)) for p in sorted(path.rglob("*")) if p.is_file()]
        read = lambda member: (path / member).read_text(encoding="utf-8", errors="replace")  # noqa: E731
        gdal_path = lambda member: str(path / member)  # noqa: E731
    else:
        files = _members(path)
        read = lambda member: _read_member(path, member)  # noqa: E731
        gdal_path = lambda member: f"/vsizip/{path.resolve()}/{member}"  # noqa: E731
    name: Optional[ProductName] = None
    layers, texts = {}, {}
    for member in files:
        found = find_product_name(member.rsplit("/", 1)[-1])
        if found is None:
            continue
        product, rest = found
        if name is not None and product.name != name.name:
            raise TimestackError(TWO_PRODUCTS, "INPUT", args=(path, name.name, product.name))
        name = product
        if rest.startswith("_") and rest.endswith(".tif"):
            layers[rest[1:-4]] = gdal_path(member)
        elif rest in (".txt", ".README.md.txt"):
            texts[rest] = member
    if name is None:
        raise TimestackError(NOT_A_PRODUCT, "INPUT", args=(path,))
    metadata = name.metadata()
    if ".README.md.txt" in texts:
        metadata.update(parse_readme(read(texts[".README.md.txt"])))
    if ".txt" in texts:
        metadata.update(parse_parameter_file(read(texts[".txt"])))
    granule = metadata.get("granule") or metadata.get("reference_granule") or ""
    track = relative_orbit(granule)
    if track is not None:
        metadata["relative_orbit"] = str(track)
    return Hyp3Product(name, str(path), layers, metadata)


def _candidates(folder: Path) -> list[Path]:
    """The products in ``folder``: itself when it is one, else its zips and product folders."""
    if parse_product_name(folder.name) is not None:
        return [folder]
    found = []
    for child in sorted(folder.iterdir()):
        if child.is_file() and child.suffix.lower() == ".zip":
            found.append(child)
        elif child.is_dir() and parse_product_name(child.name) is not None:
            found.append(child)
    return found


def find_products(paths: Iterable[str | os.PathLike]) -> list[Hyp3Product]:
    """Every HyP3 product in ``paths`` (product zips, product folders, or folders of them), opened.

    A product given twice (its folder and its zip) is read once.
    """
    products: dict[str, Hyp3Product] = {}
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise TimestackError(NOT_FOUND, "INPUT", args=(path,))
        candidates = _candidates(path) if path.is_dir() else [path]
        if path.is_dir() and not candidates:
            raise TimestackError(NONE_FOUND, "INPUT", args=(path,))
        for candidate in candidates:
            product = open_product(candidate)
            products.setdefault(product.name.name, product)
    return list(products.values())

"""ASF HyP3 product names, read as ASF publishes them.

The patterns are the HyP3 documentation's naming conventions (RTC Product Guide, "Naming Convention",
Table 3; InSAR Product Guide, "Naming Convention", Figure 4), which the GAMMA plugin writes
(``hyp3_gamma.rtc.rtc_sentinel.get_product_name`` and ``hyp3_gamma.insar.ifm_sentinel.get_product_name``):

- RTC_GAMMA ``S1x_yy_aaaaaaaaTbbbbbb_ppo_RTCzz_u_defklm_ssss``, e.g.
  ``S1A_IW_20180128T161201_DVP_RTC30_G_gpuned_FD6A``;
- INSAR_GAMMA ``S1xy_aaaaaaaaTbbbbbb_ggggggggThhhhhh_pponnn_INTzz_u_def_ssss``, e.g.
  ``S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09``.

Every file of a product shares its base name: ``<name>_VV.tif``, ``<name>_unw_phase.tif``,
``<name>.txt``, ``<name>.README.md.txt``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

__all__ = [
    "INSAR_GAMMA",
    "INSAR_LAYERS",
    "RTC_GAMMA",
    "RTC_LAYERS",
    "ProductName",
    "acquisition_start",
    "find_product_name",
    "parse_product_name",
    "relative_orbit",
]

RTC_GAMMA = "RTC_GAMMA"
INSAR_GAMMA = "INSAR_GAMMA"

#: GeoTIFF layers of an RTC product (RTC Product Guide, Table 4): the polarisations and the side products.
RTC_LAYERS = ("VV", "VH", "HH", "HV", "area", "dem", "inc_map", "ls_map", "rgb")
#: GeoTIFF layers of an InSAR product (InSAR Product Guide, Table 2).
INSAR_LAYERS = (
    "amp",
    "corr",
    "unw_phase",
    "wrapped_phase",
    "los_disp",
    "vert_disp",
    "lv_phi",
    "lv_theta",
    "dem",
    "inc_map",
    "inc_map_ell",
    "water_mask",
)

_RTC = re.compile(
    r"S1(?P<platform>[A-D])_(?P<beam_mode>[A-Z]{2})_(?P<start>\d{8}T\d{6})_(?P<pol_type>[DS])(?P<pol>[VH])"
    r"(?P<orbit>[PRO])_RTC(?P<spacing>\d+)_G_(?P<radiometry>[gs])(?P<scale>[pda])(?P<masked>[uw])"
    r"(?P<filtered>[nf])(?P<clipped>[ec])(?P<matching>[dm])_(?P<product_id>[0-9A-F]{4})"
)
_INSAR = re.compile(
    r"S1(?P<platform>[A-D])(?P<platform2>[A-D])_(?P<start>\d{8}T\d{6})_(?P<start2>\d{8}T\d{6})_"
    r"(?P<pol>VV|HH|VH|HV)(?P<orbit>[PRO])(?P<days>\d{3})_INT(?P<spacing>\d+)_G_(?P<masked>[uw])"
    r"(?P<clipped>[ec])(?P<swath>[123F])_(?P<product_id>[0-9A-F]{4})"
)

_ORBITS = {"P": "precise", "R": "restituted", "O": "original predicted"}
_RADIOMETRY = {"g": "gamma0", "s": "sigma0"}
_SCALES = {"p": "power", "d": "decibel", "a": "amplitude"}


@dataclass(frozen=True)
class ProductName:
    """What a HyP3 product name says.

    ``start`` is the (reference) acquisition start, ``secondary_start`` the secondary's for an InSAR
    pair (None for RTC). ``polarization`` is ``DV``/``SV``/``DH``/``SH`` for RTC (dual or single, primary
    polarisation) and ``VV``/``HH`` for InSAR. ``options`` holds the processing options the name encodes.
    """

    name: str
    product_type: str
    platform: str
    start: dt.datetime
    secondary_start: Optional[dt.datetime]
    polarization: str
    orbit: str
    pixel_spacing: int
    product_id: str
    options: dict

    @property
    def primary_polarization(self) -> str:
        """``VV`` or ``HH``: the co-polarisation every product of one stack must share."""
        return self.polarization[-1] * 2

    @property
    def platforms(self) -> str:
        """``Sentinel-1A`` (RTC) or ``Sentinel-1A, Sentinel-1B`` (an InSAR pair's two platforms)."""
        return ", ".join(f"Sentinel-1{letter}" for letter in self.platform)

    def metadata(self) -> dict[str, str]:
        """The name's facts as band metadata (text values)."""
        found = {
            "product_name": self.name,
            "product_type": self.product_type,
            "platform": self.platforms,
            "start_time": self.start.isoformat(),
            "polarization": self.polarization,
            "orbit_type": self.orbit,
            "pixel_spacing_m": str(self.pixel_spacing),
            "product_id": self.product_id,
        }
        if self.secondary_start is not None:
            found["secondary_start_time"] = self.secondary_start.isoformat()
        found.update(self.options)
        return found


def _time(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y%m%dT%H%M%S")


def parse_product_name(name: str) -> Optional[ProductName]:
    """The product a HyP3 base name (no file suffix) names, or None when it follows neither convention."""
    match = _RTC.fullmatch(name)
    if match:
        g = match.groupdict()
        return ProductName(
            name, RTC_GAMMA, g["platform"], _time(g["start"]), None, g["pol_type"] + g["pol"],
            _ORBITS[g["orbit"]], int(g["spacing"]), g["product_id"],
            {
                "beam_mode": g["beam_mode"],
                "radiometry": _RADIOMETRY[g["radiometry"]],
                "scale": _SCALES[g["scale"]],
                "water_masked": "yes" if g["masked"] == "w" else "no",
                "speckle_filter": "yes" if g["filtered"] == "f" else "no",
                "clipped": "yes" if g["clipped"] == "c" else "no",
                "dem_matching": "yes" if g["matching"] == "m" else "no",
            },
        )  # fmt: skip
    match = _INSAR.fullmatch(name)
    if match:
        g = match.groupdict()
        return ProductName(
            name, INSAR_GAMMA, g["platform"] + g["platform2"], _time(g["start"]), _time(g["start2"]),
            g["pol"], _ORBITS[g["orbit"]], int(g["spacing"]), g["product_id"],
            {
                "temporal_baseline_days": str(int(g["days"])),
                "water_masked": "yes" if g["masked"] == "w" else "no",
                "clipped": "yes" if g["clipped"] == "c" else "no",
                "swath": "full" if g["swath"] == "F" else g["swath"],
            },
        )  # fmt: skip
    return None


def find_product_name(file_name: str) -> Optional[tuple[ProductName, str]]:
    """The product of one file of a product (``<name>_VV.tif``, ``<name>.txt``) and what follows the
    base name (``_VV.tif``), or None for a file no HyP3 product names."""
    for pattern in (_RTC, _INSAR):
        match = pattern.match(file_name)
        if match:
            parsed = parse_product_name(match.group(0))
            if parsed is not None:
                return parsed, file_name[match.end() :]
    return None


#: A Sentinel-1 granule name (``S1A_IW_GRDH_1SDV_<start>_<stop>_<absolute orbit>_...``).
_GRANULE = re.compile(r"^S1([ABCD])_\w\w_\w+?_\d\w{3}_(\d{8}T\d{6})_\d{8}T\d{6}_(\d{6})_")
#: ESA's absolute-to-relative orbit offsets (Sentinel-1 repeats its 175 orbits every 12 days), as in
#: MintPy's ``get_relative_orbit_number``: ``(orbit - offset) mod 175 + 1``.
_ORBIT_OFFSETS = {"A": 73, "B": 27, "C": 172}


def relative_orbit(granule: str) -> Optional[int]:
    """The relative orbit (path, track) of a Sentinel-1 granule name, None when the name does not say."""
    match = _GRANULE.match(granule)
    if not match or match.group(1) not in _ORBIT_OFFSETS:
        return None
    return (int(match.group(3)) - _ORBIT_OFFSETS[match.group(1)]) % 175 + 1


def acquisition_start(granule: str) -> Optional[dt.datetime]:
    """The acquisition start of a Sentinel-1 granule name, None when the name does not say."""
    match = _GRANULE.match(granule)
    return _time(match.group(2)) if match else None

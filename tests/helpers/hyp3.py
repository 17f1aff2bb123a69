"""HyP3 RTC_GAMMA and INSAR_GAMMA products in ASF's published layout: the plugin's own writers
(:mod:`timestack.core.hyp3.sample`), which the sample archive builds its HyP3 set with."""

from timestack.core.hyp3.sample import (
    CRS,
    ORIGIN,
    insar_name,
    rtc_granule,
    rtc_name,
    slc_granule,
    write_insar_product,
    write_rtc_product,
    zip_product,
)

__all__ = [
    "CRS",
    "ORIGIN",
    "insar_name",
    "rtc_granule",
    "rtc_name",
    "slc_granule",
    "write_insar_product",
    "write_rtc_product",
    "zip_product",
]

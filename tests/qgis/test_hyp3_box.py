"""The Time series tab's HyP3 box: Download fetches a project's zips from a loopback HyP3 API into the
folder, Stack stacks them and offers the stack as the tab's stack."""

from __future__ import annotations

import numpy as np
import pytest
import rasterio

from tests.helpers.hyp3 import rtc_granule, write_rtc_product
from tests.helpers.qt import wait_until
from tests.servers.hyp3 import hyp3_api

TOKEN = "edl-token-dock-42"  # noqa: S105 - a test token


def test_time_series_tab_downloads_and_stacks_hyp3_products(provider, qgis_iface, store_login, tmp_path):
    pytest.importorskip("hyp3_sdk")
    from timestack.gui.hyp3_box import Hyp3Box
    from timestack.gui.timeseries_panel import TimeSeriesPanel

    panel = TimeSeriesPanel(qgis_iface)
    box = panel.findChild(Hyp3Box, "hyp3Products")
    assert box is panel.hyp3 and box.isCollapsed()
    box.stack_button.click()
    assert "folder" in box.status.text()
    with hyp3_api(TOKEN) as api:
        for day, value in (("20210105", 0.1), ("20210117", 0.01)):
            granule = rtc_granule(f"{day}T161201")
            data = {"VV": np.full((6, 6), value, "f4"), "VH": np.full((6, 6), value, "f4")}
            api.add(
                "RTC_GAMMA", [granule], write_rtc_product(tmp_path / "served", granule, data, as_zip=True)
            )
        box.folder.setFilePath(str(tmp_path / "zips"))
        box.login.setConfigId(store_login("", TOKEN))
        box.project.setText("ridgecrest")
        # the HyP3 API of the test: the algorithm's advanced parameter, which the box leaves at ASF's
        parameters = box.download_parameters()
        assert parameters == {
            "AUTHCFG": box.login.configId(), "NAME": "ridgecrest", "JOB_TYPE": 0,
            "OUTPUT_FOLDER": str(tmp_path / "zips"),
        }  # fmt: skip
        box._start("timestack:hyp3download", {**parameters, "API_URL": api.url}, "")
        wait_until(box.download_button.isEnabled, 60)
        assert box.status.text() == "2 zips downloaded, 0 already there."
    box.layer.setCurrentText("VH")
    box.db.setChecked(True)
    box.output.setFilePath(str(tmp_path / "vh.tif"))
    box.stack_button.click()
    wait_until(box.stack_button.isEnabled, 60)
    assert box.status.text() == f"Written: {tmp_path / 'vh.tif'}"
    assert panel.stack_source() == str(tmp_path / "vh.tif")
    with rasterio.open(tmp_path / "vh.tif") as src:
        assert src.descriptions == ("2021-01-05_VH", "2021-01-17_VH")
        np.testing.assert_allclose(src.read()[:, 2, 2], [-10, -20], atol=1e-4)


def test_a_download_or_a_stack_can_be_cancelled_from_the_box(provider, qgis_iface, store_login, tmp_path):
    """Cancel is enabled while the box runs and stops it; the buttons come back, the status says what
    was kept (a download keeps its complete zips, a stack writes nothing)."""
    pytest.importorskip("hyp3_sdk")
    from timestack.gui.hyp3_box import Hyp3Box

    box = Hyp3Box()
    assert not box.cancel_button.isEnabled()
    with hyp3_api(TOKEN) as api:
        granule = rtc_granule("20210105T161201")
        data = {"VV": np.full((6, 6), 0.1, "f4"), "VH": np.full((6, 6), 0.1, "f4")}
        api.add("RTC_GAMMA", [granule], write_rtc_product(tmp_path / "served", granule, data, as_zip=True))
        box.folder.setFilePath(str(tmp_path / "zips"))
        box.login.setConfigId(store_login("", TOKEN))
        box._start("timestack:hyp3download", {**box.download_parameters(), "API_URL": api.url}, "")
        assert box.cancel_button.isEnabled() and not box.download_button.isEnabled()
        box.cancel_button.click()
        wait_until(box.download_button.isEnabled, 60)
    assert "cancelled" in box.status.text() and "kept" in box.status.text()
    assert not box.cancel_button.isEnabled() and box.stack_button.isEnabled()
    assert not list((tmp_path / "zips").glob("*.zip"))

    box.folder.setFilePath(str(tmp_path / "served"))
    box.output.setFilePath(str(tmp_path / "vv.tif"))
    box.stack_button.click()
    box.cancel_button.click()
    wait_until(box.stack_button.isEnabled, 60)
    assert box.status.text() == "HyP3 cancelled; nothing was written."
    assert not (tmp_path / "vv.tif").exists() and not box.cancel_button.isEnabled()

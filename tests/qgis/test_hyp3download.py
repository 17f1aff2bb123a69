"""``timestack:hyp3download`` through ``processing.run`` against a loopback HyP3 API: the token comes from
QGIS's authentication database, the zips arrive whole, a rerun skips them, and they stack."""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from tests.helpers.hyp3 import rtc_granule, write_rtc_product
from tests.servers.hyp3 import hyp3_api

pytest.importorskip("hyp3_sdk")

TOKEN = "edl-token-5b1e77"  # noqa: S105 - a test token


class Recorder(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.said = []

    def pushInfo(self, info):  # noqa: N802 - Qt's name
        self.said.append(info)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 - Qt's names
        self.said.append(error)


def test_hyp3download_fetches_a_projects_zips_once_and_they_stack(provider, store_login, tmp_path):
    import processing

    with hyp3_api(TOKEN) as api:
        for day in ("20210105", "20210117", "20210129"):
            granule = rtc_granule(f"{day}T161201")
            zipped = write_rtc_product(
                tmp_path / "served", granule, {"VV": np.full((6, 6), 0.1, "f4")}, as_zip=True
            )
            api.add("RTC_GAMMA", [granule], zipped, name="flood")
        parameters = {
            "AUTHCFG": store_login("", TOKEN), "API_URL": api.url, "NAME": "flood", "JOB_TYPE": 0,
            "START_DATE": "2021-01-10", "OUTPUT_FOLDER": str(tmp_path / "zips"),
        }  # fmt: skip
        feedback = Recorder()
        result = processing.run("timestack:hyp3download", parameters, feedback=feedback)
        assert (result["DOWNLOADED"], result["SKIPPED"]) == (2, 0)
        again = processing.run("timestack:hyp3download", parameters, feedback=feedback)
        assert (again["DOWNLOADED"], again["SKIPPED"]) == (0, 2)
        assert not any(TOKEN in said for said in feedback.said)
        stack = processing.run(
            "timestack:hyp3stack",
            {"FOLDER": str(tmp_path / "zips"), "LAYER": "VV", "OUTPUT": str(tmp_path / "vv.tif")},
        )
        import rasterio

        with rasterio.open(stack["OUTPUT"]) as src:
            assert src.descriptions == ("2021-01-17_VV", "2021-01-29_VV")
        parameters["AUTHCFG"] = store_login("", "expired-token-000")
        with pytest.raises(QgsProcessingException, match="AUTHCFG: the HyP3 API refused") as refused:
            processing.run("timestack:hyp3download", parameters)
        assert "expired-token-000" not in str(refused.value)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"RELATIVE_ORBIT": "12, 400"}, "RELATIVE_ORBIT: 400 is no Sentinel-1 path"),
        ({"RELATIVE_ORBIT": "ascending"}, "RELATIVE_ORBIT: ascending"),
        ({"START_DATE": "2021-02-01", "END_DATE": "2021-01-01"}, "END_DATE: 2021-01-01 is before START_DATE"),
        ({"API_URL": "ftp://example.org"}, "API_URL: ftp://example.org is no http(s) address"),
        (
            {"API_URL": "http://127.0.0.1:9"},
            "API_URL: the HyP3 API at http://127.0.0.1:9 could not be reached",
        ),
        ({"AUTHCFG": "nope123"}, "AUTHCFG: there is no authentication configuration 'nope123'"),
        ({"OUTPUT_FOLDER": "{file}"}, "OUTPUT_FOLDER:"),
    ],
)
def test_hyp3download_refuses_bad_input_by_name(provider, store_login, tmp_path, changes, message):
    import processing

    (tmp_path / "notes.txt").write_text("not a folder")
    parameters = {
        "AUTHCFG": store_login("", TOKEN), "API_URL": "http://127.0.0.1:9", "JOB_TYPE": 1,
        "OUTPUT_FOLDER": str(tmp_path / "zips"),
    }  # fmt: skip
    parameters.update({key: str(value).format(file=tmp_path / "notes.txt") for key, value in changes.items()})
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("timestack:hyp3download", parameters)
    assert message in str(refused.value)
    assert TOKEN not in str(refused.value)
    assert not (tmp_path / "zips").exists()

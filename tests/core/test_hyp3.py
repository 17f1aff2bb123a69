"""HyP3 products read as ASF publishes them: names, parameter files, READMEs, folders and zips, and the
time stacks built from them."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile

import numpy as np
import pytest
import rasterio

from tests.helpers.hyp3 import (
    ORIGIN,
    insar_name,
    rtc_granule,
    slc_granule,
    write_insar_product,
    write_rtc_product,
)
from timestack.core.hyp3.names import INSAR_GAMMA, RTC_GAMMA, find_product_name, parse_product_name
from timestack.core.hyp3.products import find_products, open_product, parse_parameter_file
from timestack.core.hyp3.stack import build_hyp3_stack
from timestack.core.io.bands import parse_band
from timestack.core.runtime import TimestackError


def test_rtc_name_of_the_product_guide_example_is_parsed():
    name = parse_product_name("S1A_IW_20180128T161201_DVP_RTC30_G_gpuned_FD6A")
    assert name.product_type == RTC_GAMMA
    assert name.start == dt.datetime(2018, 1, 28, 16, 12, 1)
    assert (name.polarization, name.primary_polarization, name.orbit) == ("DV", "VV", "precise")
    assert (name.pixel_spacing, name.product_id) == (30, "FD6A")
    assert name.options == {
        "beam_mode": "IW",
        "radiometry": "gamma0",
        "scale": "power",
        "water_masked": "no",
        "speckle_filter": "no",
        "clipped": "no",
        "dem_matching": "no",
    }
    assert name.platforms == "Sentinel-1A"


def test_insar_name_of_the_product_guide_example_is_parsed():
    name = parse_product_name("S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09")
    assert name.product_type == INSAR_GAMMA
    assert (name.start, name.secondary_start) == (
        dt.datetime(2017, 11, 11, 15, 0, 4),
        dt.datetime(2017, 11, 17, 14, 59, 26),
    )
    assert (name.polarization, name.pixel_spacing, name.product_id) == ("VV", 80, "4D09")
    assert name.options["temporal_baseline_days"] == "6"
    assert name.options["swath"] == "full"
    assert name.platforms == "Sentinel-1A, Sentinel-1B"


@pytest.mark.parametrize(
    "name",
    [
        "S1A_IW_20180128T161201_DVP_RTC30_G_gpuned",  # no product id
        "S1A_IW_20180128T161201_DVX_RTC30_G_gpuned_FD6A",  # unknown orbit type
        "S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ue_4D09",  # no swath
        "LC08_L2SP_044034_20210615_20210622_02_T1",
    ],
)
def test_names_of_no_hyp3_product_are_refused(name):
    assert parse_product_name(name) is None


def test_a_files_suffix_follows_its_product_name():
    product, rest = find_product_name(
        "S1BB_20200101T000000_20200113T000000_VVP012_INT80_G_ueF_1B2C_unw_phase.tif"
    )
    assert product.name == "S1BB_20200101T000000_20200113T000000_VVP012_INT80_G_ueF_1B2C"
    assert rest == "_unw_phase.tif"
    assert find_product_name("notes.txt") is None


def test_parameter_file_keys_become_metadata_keys():
    text = "Reference Granule: S1A_IW_SLC__1SDV_X\nBaseline: 58.3898\n"
    text += "Resolution of output (m): 80\nUTC time: 1.5\n"
    assert parse_parameter_file(text) == {
        "reference_granule": "S1A_IW_SLC__1SDV_X",
        "baseline": "58.3898",
        "resolution_of_output_m": "80",
        "utc_time": "1.5",
    }


def _rtc(root, day, value, *, as_zip=False, origin=ORIGIN, pol="DV", options="gpuned", layers=("VV", "VH")):
    granule = rtc_granule(f"{day}T161201", pol=pol)
    data = {layer: np.full((20, 16), value, dtype="float32") for layer in layers}
    data["ls_map"] = np.ones((20, 16), dtype="uint8")
    return write_rtc_product(root, granule, data, origin=origin, options=options, as_zip=as_zip)


def _pair(root, first, second, value, *, as_zip=False, baseline=58.3898, origin=ORIGIN):
    reference, secondary = slc_granule(f"{first}T014523"), slc_granule(f"{second}T014524", "B")
    layers = {
        name: np.full((12, 10), value, dtype="float32") for name in ("unw_phase", "corr", "amp", "los_disp")
    }
    layers["water_mask"] = np.ones((12, 10), dtype="uint8")
    return write_insar_product(
        root, reference, secondary, layers, baseline=baseline, origin=origin, as_zip=as_zip
    )


def test_a_zipped_rtc_product_is_read_without_extracting(tmp_path):
    path = _rtc(tmp_path, "20180128", 0.1, as_zip=True)
    product = open_product(path)
    assert product.name.name == "S1A_IW_20180128T161201_DVP_RTC30_G_gpuned_FD6A"
    assert product.layers["VV"].startswith("/vsizip/")
    assert set(product.layers) == {"VV", "VH", "ls_map"}
    assert product.metadata["granule"] == rtc_granule("20180128T161201")
    assert product.metadata["dem_name"] == "GLO-30"
    assert product.metadata["looks"] == "3"
    assert product.metadata["processing_date"] == "2023-05-02T17:48:18+00:00"
    assert product.metadata["plugin_version"] == "6.4.0"
    assert list(tmp_path.iterdir()) == [path]  # nothing extracted


def test_an_insar_product_carries_its_parameter_file(tmp_path):
    product = open_product(_pair(tmp_path, "20200101", "20200113", 1.0, baseline=-42.5))
    assert product.metadata["reference_granule"] == slc_granule("20200101T014523")
    assert product.metadata["secondary_granule"] == slc_granule("20200113T014524", "B")
    assert product.metadata["baseline"] == "-42.5"
    assert product.metadata["heading"] == "193.2939317"
    assert (product.metadata["range_looks"], product.metadata["azimuth_looks"]) == ("20", "4")
    assert product.metadata["dem_source"] == "GLO-30"
    assert product.metadata["insar_phase_filter"] == "adf"
    assert product.metadata["unwrapping_type"] == "mcf"
    assert product.metadata["speckle_filter"] == "no"


def test_rtc_stack_has_one_band_per_date_with_its_metadata(tmp_path):
    products = tmp_path / "products"
    _rtc(products, "20180128", 0.1, as_zip=True)
    _rtc(products, "20180209", 0.2)
    _rtc(products, "20180221", 0.4, as_zip=True)
    table = tmp_path / "out" / "products.csv"
    stack = build_hyp3_stack([products], "VV", tmp_path / "out" / "vv.tif", metadata_path=table)
    with rasterio.open(stack.path) as src:
        assert src.descriptions == ("2018-01-28_VV", "2018-02-09_VV", "2018-02-21_VV")
        np.testing.assert_allclose(src.read()[:, 5, 5], [0.1, 0.2, 0.4], rtol=1e-6)
        assert src.tags(2)["granule"] == rtc_granule("20180209T161201")
        assert src.tags(2)["radiometry"] == "gamma0"
        assert src.tags()["HYP3_PRODUCT_TYPE"] == RTC_GAMMA
    rows = list(csv.DictReader(table.open()))
    assert [row["band_description"] for row in rows] == list(stack.descriptions)
    assert rows[0]["product_name"].startswith("S1A_IW_20180128T161201")


def test_db_turns_power_into_decibels(tmp_path):
    _rtc(tmp_path, "20180128", 0.1)
    _rtc(tmp_path, "20180209", 0.01)
    stack = build_hyp3_stack([tmp_path], "VH", tmp_path / "db.tif", db=True)
    with rasterio.open(stack.path) as src:
        np.testing.assert_allclose(src.read()[:, 3, 3], [-10.0, -20.0], atol=1e-5)


def test_insar_pairs_keep_both_dates(tmp_path):
    _pair(tmp_path, "20200101", "20200113", 1.5, as_zip=True, baseline=10.0)
    _pair(tmp_path, "20200101", "20200125", 2.5, baseline=20.0)
    _pair(tmp_path, "20200113", "20200125", 3.5, as_zip=True, baseline=30.0)
    stack = build_hyp3_stack([tmp_path], "unw_phase", tmp_path / "out.tif")
    assert stack.descriptions == [
        "2020-01-01_2020-01-13_unw_phase",
        "2020-01-01_2020-01-25_unw_phase",
        "2020-01-13_2020-01-25_unw_phase",
    ]
    with rasterio.open(stack.path) as src:
        np.testing.assert_allclose(src.read()[:, 2, 2], [1.5, 2.5, 3.5])
        assert [src.tags(b)["baseline"] for b in (1, 2, 3)] == ["10.0", "20.0", "30.0"]
        assert src.tags(1)["reference_granule"] == slc_granule("20200101T014523")


def test_a_layer_is_named_in_any_case(tmp_path):
    """``vv`` or ``UNW_PHASE`` name the layers HyP3 calls VV and unw_phase; bands keep HyP3's names."""
    _rtc(tmp_path / "rtc", "20180128", 0.1)
    _rtc(tmp_path / "rtc", "20180209", 0.2)
    stack = build_hyp3_stack([tmp_path / "rtc"], "vv", tmp_path / "vv.tif")
    assert stack.descriptions == ["2018-01-28_VV", "2018-02-09_VV"]
    _pair(tmp_path / "insar", "20200101", "20200113", 1.5)
    _pair(tmp_path / "insar", "20200101", "20200125", 2.5)
    stack = build_hyp3_stack([tmp_path / "insar"], "UNW_PHASE", tmp_path / "unw.tif")
    assert stack.descriptions == ["2020-01-01_2020-01-13_unw_phase", "2020-01-01_2020-01-25_unw_phase"]


def test_products_of_different_extents_share_one_grid(tmp_path):
    _rtc(tmp_path, "20180128", 0.1)
    _rtc(tmp_path, "20180209", 0.2, origin=(ORIGIN[0] + 300.0, ORIGIN[1] - 150.0))
    union = build_hyp3_stack([tmp_path], "VV", tmp_path / "union.tif")
    overlap = build_hyp3_stack([tmp_path], "VV", tmp_path / "overlap.tif", coverage="overlap")
    with rasterio.open(union.path) as src:
        assert (src.width, src.height) == (16 + 10, 20 + 5)
        data = src.read()
        assert np.isnan(data[1, 0, 0]) and data[0, 0, 0] == pytest.approx(0.1)
    with rasterio.open(overlap.path) as src:
        assert (src.width, src.height) == (6, 15)
        assert not np.isnan(src.read()).any()


def test_frames_of_one_day_merge_into_one_band(tmp_path):
    _rtc(tmp_path / "a", "20180128", 0.1)
    granule = rtc_granule("20180128T161226")
    write_rtc_product(
        tmp_path / "a",
        granule,
        {"VV": np.full((20, 16), 0.3, "float32")},
        origin=(ORIGIN[0], ORIGIN[1] - 600),
    )
    _rtc(tmp_path / "a", "20180209", 0.2)
    stack = build_hyp3_stack([tmp_path / "a"], "VV", tmp_path / "vv.tif")
    assert stack.descriptions == ["2018-01-28_VV", "2018-02-09_VV"]
    with rasterio.open(stack.path) as src:
        band = src.read(1)
        assert band[5, 5] == pytest.approx(0.1) and band[25, 5] == pytest.approx(0.3)
        assert ";" in src.tags(1)["product_name"]


def _refused(parameter, fragment, *args, **kwargs):
    with pytest.raises(TimestackError) as caught:
        build_hyp3_stack(*args, **kwargs)
    assert caught.value.parameter == parameter
    assert fragment in str(caught.value)


def test_a_zip_that_is_no_hyp3_product_is_refused(tmp_path):
    _rtc(tmp_path, "20180128", 0.1)
    other = tmp_path / "landsat.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("LC08_L2SP_044034_20210615_20210622_02_T1_SR_B4.TIF", b"x")
    _refused("INPUT", "is not a HyP3 product", [tmp_path], "VV", tmp_path / "o.tif")
    (tmp_path / "broken.zip").write_bytes(b"not a zip")
    _refused("INPUT", "not a readable zip", [tmp_path / "broken.zip"], "VV", tmp_path / "o.tif")


def test_mixed_product_types_and_polarisations_are_refused(tmp_path):
    _rtc(tmp_path / "mixed", "20180128", 0.1)
    _pair(tmp_path / "mixed", "20200101", "20200113", 1.0)
    _refused("INPUT", "mixes product types", [tmp_path / "mixed"], "VV", tmp_path / "o.tif")
    _rtc(tmp_path / "pols", "20180128", 0.1)
    _rtc(tmp_path / "pols", "20180209", 0.1, pol="DH", layers=("HH", "HV"))
    _refused("INPUT", "mixes polarisations", [tmp_path / "pols"], "VV", tmp_path / "o.tif")
    _rtc(tmp_path / "scales", "20180128", 0.1)
    _rtc(tmp_path / "scales", "20180209", 0.1, options="gduned")
    _refused("INPUT", "mixes scale", [tmp_path / "scales"], "VV", tmp_path / "o.tif")


def test_one_product_only_and_missing_layers_are_refused(tmp_path):
    one = _rtc(tmp_path / "one", "20180128", 0.1)
    _refused("INPUT", "one date only", [one], "VV", tmp_path / "o.tif")
    _rtc(tmp_path / "two", "20180128", 0.1)
    _rtc(tmp_path / "two", "20180209", 0.1, pol="SV", layers=("VV",))
    _refused("LAYER", "has no _VH.tif", [tmp_path / "two"], "VH", tmp_path / "o.tif")
    _refused("LAYER", "no layer of RTC_GAMMA", [tmp_path / "two"], "unw_phase", tmp_path / "o.tif")
    _refused("DB", "RTC backscatter", [tmp_path / "two"], "ls_map", tmp_path / "o.tif", db=True)
    assert not (tmp_path / "o.tif").exists()


def test_folders_holding_nothing_of_hyp3_are_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    _refused("INPUT", "no HyP3 product in", [tmp_path / "empty"], "VV", tmp_path / "o.tif")
    _refused("INPUT", "does not exist", [tmp_path / "missing"], "VV", tmp_path / "o.tif")


def test_a_product_given_as_folder_and_zip_is_read_once(tmp_path):
    folder = _rtc(tmp_path / "f", "20180128", 0.1)
    zipped = _rtc(tmp_path / "z", "20180128", 0.1, as_zip=True)
    assert len(find_products([folder, zipped])) == 1


def test_pair_band_names_start_with_the_reference_date():
    label = parse_band("2020-01-01_2020-01-13_unw_phase")
    assert (label.date, label.variable, label.secondary) == (
        dt.date(2020, 1, 1),
        "unw_phase",
        dt.date(2020, 1, 13),
    )
    assert parse_band("2020-01-01_VV").secondary is None
    assert insar_name(slc_granule("20200101T000000"), slc_granule("20200113T000000", "B")).startswith(
        "S1AB_20200101T000000_20200113T000000_VVP012_INT80"
    )


def test_a_cube_of_a_hyp3_stack_carries_the_products_metadata(tmp_path):
    pytest.importorskip("netCDF4")
    xarray = pytest.importorskip("xarray")
    from timestack.core.cube.export import export_cube

    _rtc(tmp_path / "p", "20180128", 0.1)
    _rtc(tmp_path / "p", "20180209", 0.01)
    stack = build_hyp3_stack([tmp_path / "p"], "VV", tmp_path / "vv.tif", db=True)
    cube = export_cube([stack.path], tmp_path / "cube.nc")
    with xarray.open_dataset(cube.path) as dataset:
        assert dataset["vv"].attrs["units"] == "dB"
        assert list(dataset["granule"].values) == [
            rtc_granule("20180128T161201"),
            rtc_granule("20180209T161201"),
        ]
        assert dataset["product_name"].values[1].startswith("S1A_IW_20180209T161201_DVP_RTC30")
        assert dataset.attrs["platform"] == "Sentinel-1A"
        assert dataset.attrs["polarisation"] == "DV"
        assert dataset.attrs["product_type"] == RTC_GAMMA
        assert "terrain corrected" in dataset.attrs["processing_level"]
        assert dataset.attrs["source_products"].count("S1A_IW_") == 2
        np.testing.assert_allclose(dataset["vv"].values[:, 3, 3], [-10.0, -20.0], atol=1e-5)


def test_a_cancelled_stack_leaves_no_file(tmp_path):
    from timestack.core.runtime import Cancelled

    _rtc(tmp_path / "p", "20180128", 0.1)
    _rtc(tmp_path / "p", "20180209", 0.2)
    (tmp_path / "out").mkdir()
    with pytest.raises(Cancelled):
        build_hyp3_stack(
            [tmp_path / "p"], "VV", tmp_path / "out" / "vv.tif", metadata_path=tmp_path / "out" / "p.csv",
            is_cancelled=lambda: True,
        )  # fmt: skip
    assert list((tmp_path / "out").iterdir()) == []


def test_products_of_two_tracks_are_refused_and_each_knows_its_track(tmp_path):
    first = _rtc(tmp_path / "tracks", "20180128", 0.1)
    assert open_product(first).metadata["relative_orbit"] == str((20358 - 73) % 175 + 1)
    granule = rtc_granule("20180209T161201").replace("_020358_", "_020400_")
    write_rtc_product(tmp_path / "tracks", granule, {"VV": np.full((20, 16), 0.2, "float32")})
    _refused(
        "INPUT",
        "mixes tracks (relative orbits 161: 1, 28: 1)",
        [tmp_path / "tracks"],
        "VV",
        tmp_path / "o.tif",
    )


def test_pairs_of_two_pass_directions_are_refused(tmp_path):
    _pair(tmp_path, "20200101", "20200113", 1.0)
    second = _pair(tmp_path, "20200113", "20200125", 1.0)
    text = next(p for p in second.iterdir() if p.name.endswith("4D09.txt"))
    text.write_text(
        text.read_text().replace(
            "Reference Pass Direction: DESCENDING", "Reference Pass Direction: ASCENDING"
        )
    )
    _refused(
        "INPUT", "mixes pass directions (ASCENDING: 1, DESCENDING: 1)", [tmp_path], "corr", tmp_path / "o.tif"
    )

"""The synthetic ASTER L1T sample: three scenes with three subsystems over the sample landscape, valid STAC
in Planetary Computer's shape, and what the ASTER conversion measures on them against their ground truth
(brightness temperature = the black body's temperature, NDVI, the 2002 clear-cut between 2001 and 2003)."""

from __future__ import annotations

import json

import numpy as np
import pytest
import rasterio

from timestack.core.aster.sample import ACQUISITIONS, build_aster_sample
from timestack.core.aster.scene import AsterSettings, run_aster_scenes, scenes_from_items
from timestack.core.runtime import TimestackError
from timestack.core.sample_archive import validate_item_dict


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    root = tmp_path_factory.mktemp("aster_sample")
    sample = build_aster_sample(root / "sample")
    settings = AsterSettings(
        scenes_from_items(sample.item_collection),
        root / "out",
        products=("brightness_temperature", "reflectance"),
        indices=("NDVI",),
    )
    result = run_aster_scenes(settings)
    return sample, {(scene, sub): path for scene, sub, path in result.files}


def read(path, variable):
    with rasterio.open(path) as src:
        names = [d.split("_", 1)[1] for d in src.descriptions]
        return src.read(names.index(variable) + 1).astype(float), src.res


def test_the_sample_is_valid_stac_in_the_published_layout(measured):
    sample, files = measured
    items = json.loads(sample.item_collection.read_text())["features"]
    assert len(items) == len(ACQUISITIONS) == len(sample.scenes)
    for item in items:
        validate_item_dict(item)
        assert set(item["assets"]) == {"VNIR", "SWIR", "TIR"} and item["collection"] == "aster-l1t"
        for subsystem, asset in item["assets"].items():
            assert asset["href"].endswith(f"{item['id']}-{subsystem}.tif")
            with rasterio.open(asset["href"]) as src:
                assert src.shape == tuple(asset["proj:shape"]) and src.count == len(asset["eo:bands"])
                assert src.dtypes[0] == asset["raster:bands"][0]["data_type"]
    assert len(files) == 3 * len(ACQUISITIONS)


def test_brightness_temperature_is_the_true_temperature(measured):
    sample, files = measured
    for scene in sample.scenes:
        with rasterio.open(sample.truth_dir / f"{scene}_temperature.tif") as src:
            truth = src.read(1)
        for band in ("10", "12", "13", "14"):
            bt, res = read(files[(scene, "TIR")], f"aster_b{band}_bt")
            assert res == (90.0, 90.0)
            assert np.abs(bt - truth).max() < 0.15, (scene, band)


def test_ndvi_matches_the_truth_and_sees_the_2002_clear_cut(measured):
    sample, files = measured
    ndvi = {}
    for scene in sample.scenes:
        with rasterio.open(sample.truth_dir / f"{scene}_ndvi.tif") as src:
            truth = src.read(1)
        ndvi[scene], res = read(files[(scene, "VNIR")], "ndvi")
        assert res == (15.0, 15.0)
        assert np.nanmean(np.abs(ndvi[scene] - truth)) < 0.03
        ndvi[scene + "truth"] = truth
    first, second = sample.scenes[:2]
    cut = (ndvi[first + "truth"] - ndvi[second + "truth"]) > 0.3
    assert cut.sum() > 20, "the 2002 clear-cut lies between the 2001 and 2003 scenes"
    assert np.nanmedian((ndvi[first] - ndvi[second])[cut]) > 0.25


def test_a_folder_with_other_files_is_refused_and_a_sample_is_replaced(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine\n")
    with pytest.raises(TimestackError) as error:
        build_aster_sample(tmp_path / "mine")
    assert error.value.parameter == "OUTPUT_FOLDER"
    assert (tmp_path / "mine" / "notes.txt").read_text() == "mine\n"
    first = build_aster_sample(tmp_path / "again")
    second = build_aster_sample(tmp_path / "again")
    assert first.scenes == second.scenes and second.item_collection.is_file()

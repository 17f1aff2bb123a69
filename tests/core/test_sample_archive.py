"""The synthetic Landsat C2 L2 sample archive: catalog, COGs, QA bits and ground truth."""

import copy
import datetime as dt
import hashlib
import json
import re
import shutil
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pystac
import pytest
import rasterio
from osgeo import gdal, ogr

from tests.helpers.shared import STAC_FIXTURES
from timestack.core.quality import qa
from timestack.core.runtime import Cancelled, TimestackError
from timestack.core.sample_archive import (
    TRUTH_CLASSES,
    OfflineSTACValidator,
    build_sample_archive,
    ensure_sample_archive,
    load_recipe,
    validate_item_dict,
)
from timestack.core.sample_archive.scenes import schedule

SLC_OFF = dt.date(2003, 5, 31)
REFLECTANCE_KEYS = ("blue", "green", "red", "nir08", "swir16", "swir22")


def _items(archive) -> list[dict]:
    return json.loads(archive.item_collection.read_text())["features"]


def _date(item: dict) -> dt.date:
    return dt.date.fromisoformat(item["properties"]["datetime"][:10])


def _read(path) -> np.ndarray:
    with rasterio.open(path) as dataset:
        return dataset.read(1)


def _reflectance(item: dict, key: str) -> np.ndarray:
    band = item["assets"][key]["raster:bands"][0]
    dn = _read(item["assets"][key]["href"]).astype(np.float64)
    return np.where(dn == band["nodata"], np.nan, dn * band["scale"] + band["offset"])


def _nbr(item: dict) -> np.ndarray:
    nir, swir2 = _reflectance(item, "nir08"), _reflectance(item, "swir22")
    return (nir - swir2) / (nir + swir2)


@pytest.fixture(autouse=True)
def _no_network_schema_fetch(monkeypatch):
    """Any attempt to download a schema fails the test: validation must be offline."""

    local_read = pystac.stac_io.DefaultStacIO.read_text_from_href

    def refuse_remote(self, href, *args, **kwargs):
        if re.match(r"^[a-z]+://", str(href)):
            raise AssertionError(f"network access attempted: {href}")
        return local_read(self, href, *args, **kwargs)

    monkeypatch.setattr(pystac.stac_io.DefaultStacIO, "read_text_from_href", refuse_remote)


def test_every_item_validates_offline_against_core_and_extension_schemas(sample_small):
    validator = OfflineSTACValidator()
    for item in _items(sample_small):
        used = validate_item_dict(item, validator)
        assert any("projection" in uri for uri in used) and any("raster" in uri for uri in used)
        assert any("/eo/" in uri for uri in used)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda item: item["properties"].pop("datetime"), "datetime"),
        (lambda item: item.pop("assets"), "assets"),
        (lambda item: item["properties"].update({"eo:cloud_cover": 150.0}), "150"),
        (lambda item: item["properties"].update({"proj:shape": [64]}), "64"),
        (lambda item: item["assets"]["red"]["raster:bands"][0].update({"data_type": "uint12"}), "uint12"),
    ],
)
def test_validation_rejects_items_missing_required_or_with_wrong_fields(sample_small, mutate, message):
    item = copy.deepcopy(_items(sample_small)[0])
    mutate(item)
    with pytest.raises(pystac.STACValidationError, match=message):
        validate_item_dict(item)


def test_oli_items_have_the_assets_and_properties_of_planetary_computer_items(sample_small):
    real = json.loads((STAC_FIXTURES / "pc_landsat.json").read_text())["features"][0]
    real_cogs = {
        key for key, asset in real["assets"].items() if "cloud-optimized" in asset.get("type", "")
    } - {"qa_aerosol"}  # the aerosol QA band is not simulated
    items = _items(sample_small)
    oli = [item for item in items if item["properties"]["platform"] in ("landsat-8", "landsat-9")]
    assert oli, "the small variant must contain an OLI scene"
    for item in oli:
        assert set(item["assets"]) == real_cogs
        for key in real_cogs:
            ours, theirs = item["assets"][key], real["assets"][key]
            assert ours["roles"] == theirs["roles"] and ours["type"] == theirs["type"]
            assert ours["raster:bands"] == theirs["raster:bands"]
            if "eo:bands" in theirs:
                assert ours["eo:bands"][0]["name"] == theirs["eo:bands"][0]["name"]
    # sci:doi needs the scientific extension, whose schema is not vendored
    assert set(real["properties"]) - {"sci:doi"} <= set(oli[0]["properties"])
    for item in items:
        if item["properties"]["platform"] in ("landsat-5", "landsat-7"):
            assert set(item["assets"]) == real_cogs - {"coastal"}


def test_file_names_and_band_numbers_follow_usgs(sample_small):
    pattern = re.compile(
        r"^L([TEC])0([5789])_L2SR_045030_(\d{8})_\d{8}_02_T1_(SR_B\d|QA_PIXEL|QA_RADSAT)\.TIF$"
    )
    for item in _items(sample_small):
        oli = item["properties"]["platform"] in ("landsat-8", "landsat-9")
        for asset in item["assets"].values():
            name = Path(asset["href"]).name
            match = pattern.match(name)
            assert match, name
            assert Path(asset["href"]).is_absolute() and Path(asset["href"]).is_file()
            assert match.group(3) == _date(item).strftime("%Y%m%d")
        assert item["assets"]["nir08"]["href"].endswith("_SR_B5.TIF" if oli else "_SR_B4.TIF")
        assert item["assets"]["swir22"]["href"].endswith("_SR_B7.TIF")


def test_full_schedule_flies_each_platform_only_in_its_years_and_16_day_cycle():
    spans = {
        "landsat-5": (1984, 2011),
        "landsat-7": (1999, 2022),
        "landsat-8": (2013, 2100),
        "landsat-9": (2021, 2100),
    }
    acquisitions = schedule(load_recipe("full"), lat=44.1, lon=-122.7)
    per_year: dict[int, int] = {}
    for acq in acquisitions:
        first, last = spans[acq.platform]
        assert first <= acq.when.year <= last
        assert 152 <= acq.when.timetuple().tm_yday <= 273
        assert (acq.when.date() - dt.date(2020, 7, 15)).days % 16 == (
            0 if acq.platform in ("landsat-5", "landsat-8") else 8
        )
        assert 35 < acq.sun_elevation < 70 and 110 < acq.sun_azimuth < 170
        per_year[acq.when.year] = per_year.get(acq.when.year, 0) + 1
    assert sorted(per_year) == list(range(1986, 2025))
    assert all(1 <= n <= 4 for n in per_year.values())
    assert {a.platform for a in acquisitions} == set(spans)


def test_qa_pixel_flags_are_exactly_the_true_masks(sample_small):
    unflagged_shadow_pixels = 0
    for item in _items(sample_small):
        qa_pixel = _read(item["assets"]["qa_pixel"]["href"])
        truth = _read(sample_small.mask_path(item["id"]))
        fill = qa_pixel == qa.QA_PIXEL_FILL
        np.testing.assert_array_equal(fill, truth == 5)
        np.testing.assert_array_equal(qa.qa_pixel_flag(qa_pixel, "cloud"), truth == 1)
        np.testing.assert_array_equal(qa.qa_pixel_flag(qa_pixel, "shadow"), truth == 2)
        np.testing.assert_array_equal(qa.qa_pixel_flag(qa_pixel, "snow"), truth == 4)
        assert not qa.qa_pixel_flag(qa_pixel, "shadow")[truth == 3].any()
        assert qa.qa_pixel_flag(qa_pixel, "cirrus")[truth == 6].all()
        assert not (qa.qa_pixel_flag(qa_pixel, "dilated_cloud") & (truth == 1)).any()
        if item["properties"]["platform"] in ("landsat-5", "landsat-7"):
            assert not qa.qa_pixel_flag(qa_pixel, "cirrus").any()
        for key in item["assets"]:
            if key not in ("qa_pixel", "qa_radsat"):
                np.testing.assert_array_equal(_read(item["assets"][key]["href"]) == 0, fill)
        unflagged_shadow_pixels += int((truth == 3).sum())
    assert unflagged_shadow_pixels > 0, "some shadows must be left for a temporal dark-outlier mask to find"


def test_cloud_shadows_are_darker_than_the_same_pixels_when_clear(sample_small):
    items = _items(sample_small)
    nir = np.stack([_reflectance(item, "nir08") for item in items])
    truth = np.stack([_read(sample_small.mask_path(item["id"])) for item in items])
    clear_median = np.nanmedian(np.where(truth == 0, nir, np.nan), axis=0)
    for shadow_class in (2, 3):
        ratio = nir[truth == shadow_class] / np.broadcast_to(clear_median, nir.shape)[truth == shadow_class]
        assert np.nanmedian(ratio) < 0.5


def test_small_variant_has_every_sensor_and_condition(sample_small):
    items = _items(sample_small)
    platforms = {item["properties"]["platform"] for item in items}
    assert {"landsat-5", "landsat-7", "landsat-8"} <= platforms
    classes = set()
    for item in items:
        classes |= set(np.unique(_read(sample_small.mask_path(item["id"]))).tolist())
    assert {0, 1, 2, 3, 4, 5} <= classes
    radsat = [_read(item["assets"]["qa_radsat"]["href"]).any() for item in items]
    assert any(radsat)
    year = _read(sample_small.disturbance_year)
    assert len(np.unique(year[year > 0])) >= 3


def test_cogs_are_tiled_with_overviews_and_pass_gdal_validation(sample_small):
    validate = pytest.importorskip("osgeo_utils.samples.validate_cloud_optimized_geotiff")
    item = _items(sample_small)[-1]
    for key, asset in item["assets"].items():
        errors, warnings, _ = validate.validate(asset["href"], full_check=True)
        assert errors == [], (key, errors)
        dataset = gdal.Open(asset["href"])
        assert dataset.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
        assert dataset.GetRasterBand(1).GetOverviewCount() >= 1
        with rasterio.open(asset["href"]) as src:
            assert src.is_tiled and src.dtypes[0] == "uint16" and src.crs.to_epsg() == 32610
            assert src.nodata == asset["raster:bands"][0].get("nodata")


def test_geoparquet_holds_the_same_items_as_the_json(sample_small):
    table = pq.read_table(sample_small.geoparquet)
    ids = [item["id"] for item in _items(sample_small)]
    assert table.column("id").to_pylist() == ids
    geo = json.loads(table.schema.metadata[b"geo"])
    assert geo["primary_column"] == "geometry" and geo["columns"]["geometry"]["encoding"] == "WKB"
    polygon = ogr.CreateGeometryFromWkb(table.column("geometry")[0].as_py())
    assert polygon.GetGeometryName() == "POLYGON"
    assert str(table.schema.field("datetime").type) == "timestamp[us, tz=UTC]"
    cloud_cover = [item["properties"]["eo:cloud_cover"] for item in _items(sample_small)]
    assert table.column("eo:cloud_cover").to_pylist() == cloud_cover
    hrefs = table.column("assets").to_pylist()[0]["red"]["href"]
    assert Path(hrefs).is_file()


def test_landsat7_scan_line_gaps_appear_only_after_slc_failure(sample_small):
    seen_gaps = False
    for item in _items(sample_small):
        fill_fraction = float((_read(sample_small.mask_path(item["id"])) == 5).mean())
        if item["properties"]["platform"] == "landsat-7" and _date(item) > SLC_OFF:
            assert 0.1 < fill_fraction < 0.45, item["id"]
            seen_gaps = True
        else:
            assert fill_fraction < 0.1, item["id"]  # at most a corner outside the scene footprint
    assert seen_gaps


def test_two_builds_write_identical_files(sample_small, tmp_path):
    again = build_sample_archive(tmp_path / "again", "small")

    def digests(root: Path) -> dict[str, str]:
        files = [*sorted((root / "landsat-c2").rglob("*.TIF")), *sorted((root / "truth").rglob("*.tif"))]
        return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}

    assert digests(sample_small.root) == digests(again.root)

    def catalog(archive) -> str:
        return archive.item_collection.read_text().replace(str(archive.root), "ROOT")

    assert catalog(sample_small) == catalog(again)


def test_disturbed_stands_lose_nbr_in_the_truth_year(sample_small):
    items = _items(sample_small)
    year = _read(sample_small.disturbance_year)
    magnitude = _read(sample_small.disturbance_magnitude)
    clear_nbr = {
        i["id"]: np.where(_read(sample_small.mask_path(i["id"])) == 0, _nbr(i), np.nan) for i in items
    }
    for event_year in np.unique(year[year > 0]):
        pixels = year == event_year
        before = np.nanmean(
            [np.nanmean(clear_nbr[i["id"]][pixels]) for i in items if _date(i).year == event_year - 1]
        )
        after = np.nanmean(
            [np.nanmean(clear_nbr[i["id"]][pixels]) for i in items if _date(i).year == event_year + 1]
        )
        expected = float(magnitude[pixels].mean())
        assert expected > 0.25
        assert before - after > 0.6 * expected, event_year


def test_undisturbed_forest_is_stable_and_conifer_like(sample_small):
    items = _items(sample_small)
    forest = (_read(sample_small.landcover) == 1) & (_read(sample_small.disturbance_year) == 0)
    series = np.stack(
        [np.where(_read(sample_small.mask_path(i["id"])) == 0, _nbr(i), np.nan)[forest] for i in items]
    )
    assert 0.55 < np.nanmean(series) < 0.75
    assert np.nanmedian(np.nanstd(series, axis=0)) < 0.04


def test_reflectance_is_physically_plausible(sample_small):
    for item in _items(sample_small)[:10]:
        for key in REFLECTANCE_KEYS:
            values = _reflectance(item, key)
            assert np.nanmin(values) > -0.02 and np.nanmax(values) < 1.0, (item["id"], key)


def test_ground_truth_stands_open_with_ogr_and_match_the_rasters(sample_small):
    source = ogr.Open(str(sample_small.stands))
    layer = source.GetLayerByName("stands")
    recipe = load_recipe("small")
    assert layer.GetFeatureCount() > 10
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "32610"
    year = _read(sample_small.disturbance_year)
    x0, size, _, y0, _, _ = recipe.geotransform
    event_years = set()
    for feature in layer:
        inside = feature.GetGeometryRef().PointOnSurface()  # a ring's centroid lies in its hole
        row, col = int((y0 - inside.GetY()) / size), int((inside.GetX() - x0) / size)
        expected = feature.GetField("dist_year") or 0
        assert year[row, col] == expected
        if feature.GetField("dist_type"):
            event_years.add((feature.GetField("dist_type"), expected))
    recipe_events = {(e["type"], e["year"]) for e in recipe.variant["events"]}
    assert event_years == recipe_events


def test_stands_have_the_outlines_of_a_real_stand_layer(sample_small):
    """Irregular, valid, tiling the scene exactly; one with a hole (the lake's shore) and one multipart."""
    source = ogr.Open(str(sample_small.stands))
    layer = source.GetLayerByName("stands")
    recipe = load_recipe("small")
    geometries = [feature.GetGeometryRef().Clone() for feature in layer]
    assert all(g.IsValid() for g in geometries)
    parts = [[g.GetGeometryRef(i) for i in range(g.GetGeometryCount())] for g in geometries]
    assert sum(len(p) > 1 for p in parts) >= 1  # a farm of two fields
    assert sum(any(ring.GetGeometryCount() > 1 for ring in p) for p in parts) >= 1  # a polygon with a hole
    vertices = [sum(part.GetGeometryRef(0).GetPointCount() for part in p) for p in parts]
    assert np.median(vertices) > 12  # outlines, not rectangles (5 points)
    assert sum(v == 5 for v in vertices) <= 0.1 * len(vertices)
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geometries:
        union = union.Union(g)
    width, height = recipe.variant["width"], recipe.variant["height"]
    assert union.GetArea() == pytest.approx(width * height * recipe.common["pixel_size"] ** 2)
    assert sum(g.GetArea() for g in geometries) == pytest.approx(union.GetArea())  # no overlaps


def test_cancelling_leaves_no_output(tmp_path):
    calls = []

    def cancel_after_two_scenes():
        calls.append(1)
        return len(calls) > 2

    target = tmp_path / "cancelled"
    with pytest.raises(Cancelled):
        build_sample_archive(target, "small", is_cancelled=cancel_after_two_scenes)
    assert list(tmp_path.iterdir()) == []


def test_ensure_reuses_a_matching_archive(sample_small):
    stamp = sample_small.root / "sample_archive.json"
    before = stamp.stat().st_mtime_ns
    messages = []
    again = ensure_sample_archive(sample_small.root, "small", progress=lambda p, m: messages.append(m))
    assert again == sample_small and stamp.stat().st_mtime_ns == before
    assert "up to date" in messages[-1]
    assert again.load_items()[0].id == _items(sample_small)[0]["id"]


def test_unknown_variant_names_the_valid_ones(tmp_path):
    with pytest.raises(ValueError, match="full"):
        build_sample_archive(tmp_path / "x", "huge")


@pytest.mark.slow
def test_full_archive_spans_1986_2024_with_every_sensor_event_and_mask_class(sample_full):
    items = _items(sample_full)
    assert {_date(item).year for item in items} == set(range(1986, 2025))
    assert {item["properties"]["platform"] for item in items} == {f"landsat-{n}" for n in (5, 7, 8, 9)}
    classes = set()
    for item in items:
        classes |= set(np.unique(_read(sample_full.mask_path(item["id"]))).tolist())
    assert classes == set(TRUTH_CLASSES)
    year = _read(sample_full.disturbance_year)
    assert set(np.unique(year[year > 0]).tolist()) == {
        e["year"] for e in load_recipe("full").variant["events"]
    }
    fire_magnitude = _read(sample_full.disturbance_magnitude)[year == 2006]
    assert fire_magnitude.max() - fire_magnitude.min() > 0.1  # burn severity varies within the fire
    with rasterio.open(items[0]["assets"]["red"]["href"]) as src:
        assert src.shape == (400, 400) and src.block_shapes[0] == (256, 256) and src.overviews(1) == [2, 4]


def _snapshot(path: Path) -> dict:
    """Every file under ``path`` (or ``path`` itself) with its bytes."""
    files = path.rglob("*") if path.is_dir() else [path]
    return {str(file): file.read_bytes() for file in files if file.is_file()}


@pytest.mark.parametrize(
    "kind", ["notes in a folder", "a file in place of the folder", "notes in an archive"]
)
def test_a_folder_holding_the_users_files_is_refused_and_left_as_it_was(tmp_path, sample_small, kind):
    """The help says an existing archive is reused or replaced; a user's files are neither."""
    target = tmp_path / "archive"
    if kind == "a file in place of the folder":
        target.write_text("my field notes")
    else:
        if kind == "notes in an archive":
            shutil.copytree(sample_small.root, target)
        target.mkdir(exist_ok=True)
        (target / "notes.txt").write_text("my field notes")
    before = _snapshot(target)
    with pytest.raises(TimestackError, match="OUTPUT_FOLDER") as caught:
        build_sample_archive(target, "small")
    assert caught.value.parameter == "OUTPUT_FOLDER"
    assert _snapshot(target) == before
    assert [p.name for p in tmp_path.iterdir()] == ["archive"]  # no temporary or moved-away copy

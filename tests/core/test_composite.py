"""Annual composites end to end on small synthetic Landsat scenes written as real GeoTIFFs.

Every scene here is a set of Collection 2-style files (uint16 DN, scale 2.75e-5, offset -0.2, QA_PIXEL,
QA_RADSAT) plus a STAC item pointing at them, so the run goes through the same reads, masks and writers
as a run on downloaded data.
"""

import json
import threading
from pathlib import Path

import numpy as np
import pytest
import rasterio
from affine import Affine

from tests.helpers.scenes import (
    CLEAR,
    CLOUD,
    OFFSET,
    RES,
    SCALE,
    SIZE,
    UTM,
    X0,
    Y0,
    dn,
    run,
    stac_item,
    write_hls_granule,
    write_items,
    write_scene,
    write_tif,
)
from tests.servers.token_https import TOKEN, token_https_fixture  # noqa: F401
from timestack.core.composite.annual import annual_composites
from timestack.core.composite.catalog import year_label
from timestack.core.composite.settings import CompositeSettings
from timestack.core.io.stack import NODATA, decode_values
from timestack.core.quality.masks import MaskOptions
from timestack.core.runtime import Cancelled


def read_stack(path):
    with rasterio.open(path) as src:
        return src.read(), list(src.descriptions), src


@pytest.fixture
def three_scenes(tmp_path):
    """2020: June a bit darker and cloudy on the left, July clear, August a bit brighter."""
    cloud = np.zeros((SIZE, SIZE), bool)
    cloud[:, :20] = True
    brighter = {key: value * 1.1 for key, value in CLEAR.items()}
    darker = {key: value * 0.95 for key, value in CLEAR.items()}
    return [
        write_scene(tmp_path / "scenes", "LC08_A_20200610", "2020-06-10", reflectance=darker, cloud=cloud),
        write_scene(tmp_path / "scenes", "LC08_B_20200712", "2020-07-12"),
        write_scene(tmp_path / "scenes", "LC08_C_20200813", "2020-08-13", reflectance=brighter),
    ]


def test_medoid_composite_keeps_clear_observations_and_records_doy_and_source(tmp_path, three_scenes):
    result = run(tmp_path, three_scenes, indices=("NDVI",))
    data, descriptions, src = read_stack(result.stack)
    assert descriptions == [
        "2020_blue",
        "2020_green",
        "2020_red",
        "2020_nir",
        "2020_swir1",
        "2020_swir2",
        "2020_NDVI",
    ]
    assert src.dtypes[0] == "int16" and src.nodata == NODATA
    reflectance = decode_values(data, "int16")
    # Left half: June is cloudy, so two clear candidates; right half: three, July is the medoid
    # (the middle of three). Clear July reflectance is stored ×10000.
    expected_nir = np.round((dn(0.32) * SCALE + OFFSET) * 10000) / 10000
    assert np.allclose(reflectance[3, :, 20:], expected_nir, atol=1e-4)
    assert (reflectance[3] < 0.4).all()  # no cloud anywhere
    ndvi = (0.32 - 0.04) / (0.32 + 0.04)
    assert np.allclose(reflectance[6, :, 20:], ndvi, atol=2e-4)
    with rasterio.open(result.observation) as obs:
        assert list(obs.descriptions) == ["2020_doy", "2020_source"]
        doy, source = obs.read()
    log = json.loads(result.log.read_text())
    ids = [scene["id"] for scene in log["scenes"]]
    assert (doy[:, 20:] == 194).all() and {ids[s] for s in np.unique(source[:, 20:])} == {"LC08_B_20200712"}
    # Left half: two candidates at equal distance from their median: the earlier (July) wins.
    assert {ids[s] for s in np.unique(source[:, :20])} == {"LC08_B_20200712"}


def test_a_year_without_scenes_is_kept_as_nodata(tmp_path, three_scenes):
    result = run(tmp_path, three_scenes, start_year=2019, end_year=2021, bands=("nir",))
    data, descriptions, _ = read_stack(result.stack)
    assert descriptions == ["2019_nir", "2020_nir", "2021_nir"]
    assert (data[0] == NODATA).all() and (data[2] == NODATA).all() and (data[1] != NODATA).all()
    log = json.loads(result.log.read_text())
    assert log["empty_years"] == [2019, 2021]


def test_empty_years_can_be_left_out(tmp_path, three_scenes):
    result = run(
        tmp_path, three_scenes, start_year=2019, end_year=2021, bands=("nir",), fill_empty_years=False
    )
    assert read_stack(result.stack)[1] == ["2020_nir"]


def test_a_window_across_new_year_is_labelled_by_the_year_it_ends_in(tmp_path):
    import datetime as dt

    assert year_label(dt.datetime(2019, 12, 20), 335, 60) == 2020
    assert year_label(dt.datetime(2020, 1, 10), 335, 60) == 2020
    assert year_label(dt.datetime(2020, 6, 10), 335, 60) is None
    assert year_label(dt.datetime(2020, 12, 31), 335, 60) == 2021
    items = [
        write_scene(tmp_path / "s", "LC08_W_20191220", "2019-12-20"),
        write_scene(tmp_path / "s", "LC08_W_20200110", "2020-01-10"),
    ]
    result = run(tmp_path, items, doy_start=335, doy_end=60, bands=("red",))
    log = json.loads(result.log.read_text())
    assert log["scenes_per_year"] == {"2020": 2}


def test_indices_and_float32_output(tmp_path, three_scenes):
    result = run(
        tmp_path, three_scenes, bands=(), indices=("NBR", "TCW"), output_dtype="float32", method="median"
    )
    data, descriptions, src = read_stack(result.stack)
    assert descriptions == ["2020_NBR", "2020_TCW"] and src.dtypes[0] == "float32"
    assert result.observation is None  # the median is not one observation
    nir, swir2 = (float(dn(v) * SCALE + OFFSET) for v in (0.32, 0.08))
    # Right half median of three: July (the middle) in every band.
    assert np.allclose(data[0, :, 20:], (nir - swir2) / (nir + swir2), atol=1e-5)


@pytest.mark.parametrize("method", ["medoid", "median", "mean", "max_ndvi", "percentile"])
def test_every_method_removes_the_cloud(tmp_path, three_scenes, method):
    result = run(tmp_path, three_scenes, method=method, bands=("red",), percentile=25.0)
    data = decode_values(read_stack(result.stack)[0], "int16")
    assert (data < 0.1).all()


def test_harmonisation_moves_oli_reflectance_onto_the_etm_scale(tmp_path, three_scenes):
    """Roy et al. (2016) RMA, ETM = (OLI - b) / a per band (REFERENCE.md); the mean keeps it exact."""
    bands = ("blue", "red", "nir", "swir2")
    # the items of each run lie beside the scenes' folder, not above it: it is allowed explicitly
    kwargs = dict(method="mean", bands=bands, output_dtype="float32", allowed_roots=[tmp_path / "scenes"])
    oli = read_stack(run(tmp_path / "oli", three_scenes, **kwargs).stack)[0]
    etm = read_stack(run(tmp_path / "etm", three_scenes, harmonize=True, **kwargs).stack)[0]
    slopes = np.array([0.9785, 0.9825, 1.0073, 0.9949])[:, None, None]
    intercepts = np.array([-0.0095, -0.0022, -0.0021, 0.0029])[:, None, None]
    np.testing.assert_allclose(etm, (oli - intercepts) / slopes, rtol=1e-5, atol=1e-6)


def test_harmonisation_leaves_tm_and_etm_scenes_alone():
    from timestack.core.quality.harmonize import needs_harmonisation, oli_to_etm

    assert [needs_harmonisation(p) for p in ("landsat-5", "landsat-7", "LANDSAT_8", "landsat-9")] == [
        False,
        False,
        True,
        True,
    ]
    with pytest.raises(ValueError, match="no OLI->ETM\\+ coefficients for band 'coastal'"):
        oli_to_etm(np.zeros(2, np.float32), "coastal")


def test_chunking_does_not_change_the_result(tmp_path, three_scenes):
    kwargs = dict(indices=("NDVI",), tdom=True, mask=MaskOptions(buffer_pixels=2))
    kwargs["allowed_roots"] = [tmp_path / "scenes"]  # the items lie beside the scenes, not above them
    whole = read_stack(run(tmp_path / "a", three_scenes, chunk_size=256, **kwargs).stack)[0]
    chunked = read_stack(run(tmp_path / "b", three_scenes, chunk_size=7, workers=1, **kwargs).stack)[0]
    np.testing.assert_array_equal(whole, chunked)


def test_folder_output_has_per_year_files_and_relative_vrts(tmp_path, three_scenes):
    folder = tmp_path / "years"
    result = run(
        tmp_path, three_scenes, start_year=2019, end_year=2020, bands=("red", "nir"), output_folder=folder
    )
    assert [p.name for p in result.year_files] == ["stack_2020.tif"]
    vrt = folder / "stack_nir.vrt"
    text = vrt.read_text()
    assert 'relativeToVRT="1">stack_2020.tif<' in text and str(tmp_path) not in text
    moved = tmp_path / "moved"
    folder.rename(moved)
    with rasterio.open(moved / "stack_nir.vrt") as src:
        assert list(src.descriptions) == ["2019_nir", "2020_nir"]
        data = src.read()
    assert (data[0] == NODATA).all() and (data[1] != NODATA).all()


def test_item_without_a_needed_asset_is_skipped_and_logged(tmp_path, three_scenes):
    broken = write_scene(tmp_path / "scenes", "LC08_X_20200720", "2020-07-20", skip_assets=("swir22",))
    result = run(tmp_path, [*three_scenes, broken], bands=("swir2",))
    log = json.loads(result.log.read_text())
    assert [s["id"] for s in log["skipped"]] == ["LC08_X_20200720"]
    assert "swir2" in log["skipped"][0]["reason"]
    assert len(log["scenes"]) == 3


def test_missing_and_corrupt_files_are_skipped_and_logged(tmp_path, three_scenes):
    missing = write_scene(tmp_path / "scenes", "LC08_M_20200720", "2020-07-20")
    Path(missing["assets"]["red"]["href"]).unlink()
    corrupt = write_scene(tmp_path / "scenes", "LC08_K_20200721", "2020-07-21")
    Path(corrupt["assets"]["qa_pixel"]["href"]).write_bytes(b"II*\x00 not really a tiff")
    result = run(tmp_path, [*three_scenes, missing, corrupt], bands=("red",))
    log = json.loads(result.log.read_text())
    assert sorted(s["id"] for s in log["skipped"]) == ["LC08_K_20200721", "LC08_M_20200720"]
    reasons = {s["id"]: s["reason"] for s in log["skipped"]}
    assert reasons["LC08_M_20200720"].startswith("missing file")
    assert reasons["LC08_K_20200721"].startswith("unreadable file")
    assert (read_stack(result.stack)[0] != NODATA).all()


def test_scenes_in_another_crs_are_reprojected(tmp_path, three_scenes):
    """A scene in the neighbouring UTM zone (EPSG:32611) still fills the EPSG:32610 grid."""
    from rasterio.warp import transform

    xs, ys = transform(UTM, "EPSG:32611", [X0 - 600], [Y0 + 600])
    other = Affine(RES, 0, round(xs[0]), 0, -RES, round(ys[0]))
    foreign = write_scene(
        tmp_path / "scenes",
        "LC08_Z_20200901",
        "2020-09-01",
        crs="EPSG:32611",
        transform=other,
        shape=(90, 90),
    )
    result = run(
        tmp_path,
        [three_scenes[0], foreign],
        crs=UTM,
        bounds=(X0, Y0 - SIZE * RES, X0 + SIZE * RES, Y0),
        bands=("nir",),
    )
    data = decode_values(read_stack(result.stack)[0], "int16")
    # June is cloudy on the left half: there only the reprojected scene can fill the composite.
    assert np.isfinite(data).all() and np.allclose(data[0, :, :20], 0.32, atol=1e-3)
    log = json.loads(result.log.read_text())
    assert {s["id"] for s in log["scenes"]} == {"LC08_A_20200610", "LC08_Z_20200901"}


def test_extent_outside_the_data_is_refused(tmp_path, three_scenes):
    with pytest.raises(ValueError, match="EXTENT .* does not overlap any scene"):
        run(tmp_path, three_scenes, bounds=(X0 + 1e5, Y0, X0 + 1e5 + 900, Y0 + 900), crs=UTM)


def test_unknown_index_is_refused(tmp_path, three_scenes):
    with pytest.raises(ValueError, match="INDICES: unknown index 'NDXI'"):
        run(tmp_path, three_scenes, indices=("NDVI", "NDXI"))


@pytest.mark.parametrize("resolution", [0, -30])
def test_resolution_must_be_positive(tmp_path, three_scenes, resolution):
    with pytest.raises(ValueError, match="RESOLUTION must be a positive"):
        run(tmp_path, three_scenes, resolution=resolution)


def test_cancel_mid_run_leaves_no_output_files(tmp_path, three_scenes):
    calls = []

    def is_cancelled():
        calls.append(1)
        return len(calls) > 3  # after the first chunks are done

    out = tmp_path / "out"
    settings = CompositeSettings(
        items=write_items(tmp_path / "items.json", three_scenes),
        output=out / "stack.tif",
        start_year=2020,
        end_year=2020,
        chunk_size=8,
        workers=1,
        output_folder=out / "years",
        indices=("NBR",),
    )
    with pytest.raises(Cancelled):
        annual_composites(settings, is_cancelled=is_cancelled)
    assert len(calls) > 3
    assert [path for path in out.rglob("*") if path.is_file()] == []


def test_cancel_while_writing_the_year_folder_leaves_nothing(tmp_path, three_scenes):
    """The last phase copies per-year files into OUTPUT_FOLDER; a cancel there removes them too."""
    out = tmp_path / "out"

    def is_cancelled():
        return (out / "years").exists()

    settings = CompositeSettings(
        items=write_items(tmp_path / "items.json", three_scenes),
        output=out / "stack.tif",
        start_year=2019,
        end_year=2021,
        chunk_size=8,
        workers=1,
        output_folder=out / "years",
    )
    with pytest.raises(Cancelled):
        annual_composites(settings, is_cancelled=is_cancelled)
    assert not (out / "years").exists()
    assert [path for path in out.rglob("*") if path.is_file()] == []


def test_cancel_stops_inside_a_chunk(tmp_path, three_scenes):
    """A unit checks the shared cancel flag between scenes, so it does not finish its chunk first."""
    from rasterio.windows import Window

    from timestack.core.composite.catalog import prepare_scenes
    from timestack.core.composite.observations import UnitSpec, composite_unit
    from timestack.core.io.grid import target_grid

    settings = CompositeSettings(
        items=write_items(tmp_path / "items.json", three_scenes),
        output=tmp_path / "x.tif",
        start_year=2020,
        end_year=2020,
    )
    scenes = prepare_scenes(settings, ("red",), [])
    grid = target_grid((X0, Y0 - SIZE * RES, X0 + SIZE * RES, Y0), UTM, RES)
    spec = UnitSpec(grid, ("red",), ("red",), "medoid", MaskOptions(), False, 50.0, "int16", 0, False)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        composite_unit(scenes, spec, Window(0, 0, SIZE, SIZE), None, cancel)


def chosen_truth_classes(result, masks_dir):
    """Counts of ground-truth classes (TRUTH_CLASSES) of the observations the composite chose."""
    ids = [scene["id"] for scene in json.loads(result.log.read_text())["scenes"]]
    with rasterio.open(result.observation) as src:
        source_bands = src.read()[1::2]
    counts = np.zeros(7, int)
    for source in source_bands:
        for index in np.unique(source[source != NODATA]):
            with rasterio.open(Path(masks_dir) / f"{ids[index]}.tif") as truth:
                counts += np.bincount(truth.read(1)[source == index], minlength=7)[:7]
    return counts


@pytest.mark.parametrize("tdom", [False, True])
def test_no_true_cloud_or_flagged_shadow_reaches_the_sample_composite(tmp_path, sample_small, tdom):
    from timestack.core.sample_archive import TRUTH_CLASSES

    result = annual_composites(
        CompositeSettings(
            items=sample_small.item_collection,
            output=tmp_path / "c.tif",
            start_year=2000,
            end_year=2014,
            bands=("red", "nir"),
            tdom=tdom,
        )
    )
    counts = chosen_truth_classes(result, sample_small.masks_dir)
    names = {TRUTH_CLASSES[i]: int(n) for i, n in enumerate(counts)}
    assert counts[0] > 0
    for cls in (1, 2, 4, 5, 6):  # cloud, flagged shadow, snow, fill, cirrus
        assert counts[cls] == 0, names


def test_tdom_catches_most_unflagged_shadows_the_medoid_would_keep(tmp_path, sample_small):
    counts = {}
    for tdom in (False, True):
        result = annual_composites(
            CompositeSettings(
                items=sample_small.item_collection,
                output=tmp_path / f"c{tdom}.tif",
                start_year=2000,
                end_year=2014,
                bands=("red", "nir"),
                tdom=tdom,
            )
        )
        counts[tdom] = chosen_truth_classes(result, sample_small.masks_dir)[3]
    assert counts[False] > 0
    assert counts[True] < 0.25 * counts[False], counts


def test_dask_scheduler_gives_the_same_composite_as_threads(tmp_path, three_scenes):
    """Units travel to a dask.distributed worker over TCP (pickled) and come back identical."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp://", dashboard_address=None
    ) as cluster:
        remote = run(
            tmp_path / "dask",
            three_scenes,
            chunk_size=16,
            indices=("NDVI",),
            tdom=True,
            dask_scheduler=cluster.scheduler_address,
            allowed_roots=[tmp_path / "scenes"],
        )
    local = run(
        tmp_path / "threads",
        three_scenes,
        chunk_size=16,
        indices=("NDVI",),
        tdom=True,
        allowed_roots=[tmp_path / "scenes"],
    )
    np.testing.assert_array_equal(read_stack(remote.stack)[0], read_stack(local.stack)[0])
    with rasterio.open(remote.observation) as a, rasterio.open(local.observation) as b:
        np.testing.assert_array_equal(a.read(), b.read())


def test_cancel_stops_a_run_on_dask_workers(tmp_path, three_scenes):
    """A cancel while windows run on the cluster's workers drops them and leaves no file."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, protocol="tcp://", dashboard_address=None
    ) as cluster:
        calls = []
        out = tmp_path / "out"
        with pytest.raises(Cancelled):
            annual_composites(
                CompositeSettings(
                    items=write_items(tmp_path / "items.json", three_scenes),
                    output=out / "stack.tif",
                    start_year=2020,
                    end_year=2020,
                    chunk_size=8,
                    dask_scheduler=cluster.scheduler_address,
                ),
                is_cancelled=lambda: calls.append(1) or len(calls) > 3,
            )
        assert [path for path in out.rglob("*") if path.is_file()] == []


def test_unreachable_dask_scheduler_is_named(tmp_path, three_scenes):
    pytest.importorskip("distributed")
    with pytest.raises(ValueError, match="DASK_SCHEDULER: cannot reach"):
        run(tmp_path, three_scenes, dask_scheduler="tcp://127.0.0.1:9")


def write_sentinel2_scene(folder, scene_id, when, baseline, reflectance=CLEAR, cloud=None):
    """A Planetary Computer-style Sentinel-2 L2A item: B02...B12 DNs, SCL, no raster:bands metadata."""
    folder = Path(folder) / scene_id
    folder.mkdir(parents=True)
    cloud = np.zeros((SIZE, SIZE), bool) if cloud is None else cloud
    offset = 1000 if baseline >= "04.00" else 0
    keys = {"blue": "B02", "green": "B03", "red": "B04", "nir08": "B8A", "swir16": "B11", "swir22": "B12"}
    assets = {}
    for band, key in keys.items():
        values = np.where(cloud, CLOUD[band], reflectance[band])
        write_tif(folder / f"{key}.tif", np.round(values * 10000 + offset).astype(np.uint16), nodata=0)
        assets[key] = {"href": str(folder / f"{key}.tif")}
    write_tif(folder / "SCL.tif", np.where(cloud, 9, 4).astype(np.uint8), nodata=0)
    assets["SCL"] = {"href": str(folder / "SCL.tif")}
    properties = {
        "datetime": f"{when}T10:30:00Z",
        "platform": "Sentinel-2A",
        "s2:processing_baseline": baseline,
    }
    return stac_item(scene_id, properties, assets)


def test_sentinel2_scenes_are_scaled_by_baseline_and_masked_by_scl(tmp_path):
    cloud = np.zeros((SIZE, SIZE), bool)
    cloud[:, :20] = True
    items = [
        write_sentinel2_scene(tmp_path / "s", "S2A_OLD_20200610", "2020-06-10", "02.14", cloud=cloud),
        write_sentinel2_scene(tmp_path / "s", "S2A_NEW_20220610", "2022-06-10", "04.00", cloud=cloud),
    ]
    result = run(tmp_path, items, start_year=2020, end_year=2022, bands=("nir", "swir1"))
    data = decode_values(read_stack(result.stack)[0], "int16")
    # Both baselines give the same reflectance; SCL class 9 (cloud) is masked.
    for year in (0, 2):
        assert np.allclose(data[2 * year, :, 20:], 0.32, atol=1e-4)
        assert np.isnan(data[2 * year, :, :20]).all()
    assert np.isnan(data[2]).all()  # 2021: no scene


def test_hls_granules_are_scaled_and_masked_by_fmask(tmp_path):
    """L30 and S30 map their own band numbers (B05 vs B8A for the narrow NIR); Fmask cloud and shadow bits
    mask; the low-aerosol bits alone do not; -9999 is fill."""
    cloud = np.zeros((SIZE, SIZE), bool)
    cloud[:, :10] = True
    shadow = np.zeros((SIZE, SIZE), bool)
    shadow[:, 10:20] = True
    items = [
        write_hls_granule(tmp_path / "g", "HLSL30", "HLS.L30.T10TEK.2020160T184000.v2.0", "2020-06-08",
                          "LANDSAT-8", cloud=cloud, shadow=shadow),
        write_hls_granule(tmp_path / "g", "HLSS30", "HLS.S30.T10TEK.2021161T184919.v2.0", "2021-06-10",
                          "Sentinel-2A", cloud=cloud, shadow=shadow),
    ]  # fmt: skip
    result = run(tmp_path, items, start_year=2020, end_year=2021, bands=("nir", "swir1"), harmonize=True)
    data = decode_values(read_stack(result.stack)[0], "int16")
    for year in (0, 1):
        nir, swir1 = data[2 * year], data[2 * year + 1]
        assert np.allclose(nir[1:, 20:], 0.32, atol=1e-4) and np.allclose(swir1[1:, 20:], 0.16, atol=1e-4)
        assert np.isnan(nir[:, :20]).all(), "Fmask cloud (bit 1) and shadow (bit 3) are masked"
        assert np.isnan(nir[0, 0])
    assert json.loads(result.log.read_text())["skipped"] == []


def test_earthdata_granules_are_read_with_the_bearer_header(tmp_path, token_https):
    """Served like Earthdata (401 without the token): read only when the run has the login's header,
    which never reaches the run log."""
    granule = "HLS.L30.T10TEK.2020160T184000.v2.0"
    item = write_hls_granule(token_https.folder, "HLSL30", granule, "2020-06-08", "LANDSAT-8")
    for asset in item["assets"].values():
        asset["href"] = token_https.href(asset["href"])
    kwargs = dict(start_year=2020, end_year=2020, bands=("nir",))
    with pytest.raises(ValueError):  # every file answers 401: nothing to composite
        run(tmp_path / "anonymous", [item], **kwargs)
    assert {header for _, header in token_https.requests} == {None}
    result = run(tmp_path / "login", [item], earthdata_headers=f"Authorization: Bearer {TOKEN}", **kwargs)
    assert np.allclose(decode_values(read_stack(result.stack)[0], "int16")[0, 1:, 1:], 0.32, atol=1e-4)
    assert TOKEN not in result.log.read_text()

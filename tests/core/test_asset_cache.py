"""The local asset cache (CACHE_FOLDER), against a loopback server that serves real COGs and fails on
purpose: a file is kept only once it is whole and verified, is reused without asking the server again,
and the folder stays under its size limit."""

from __future__ import annotations

import copy
import hashlib
import os
from pathlib import Path

import numpy as np
import pytest
import rasterio

from tests.helpers.scenes import july_scenes, run, served_items
from tests.servers.faults import faulty_files
from timestack.core.io.cache import AssetCache, AssetDownloadError, ExpectedFile, multihash_algorithm
from timestack.core.runtime import Cancelled


def _cog(path: Path, size: int, seed: int = 0) -> Path:
    """A real COG of ``size``×``size`` random uint16 pixels (incompressible, so its length is known)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = np.random.default_rng(seed).integers(0, 65535, (size, size), dtype=np.uint16)
    profile = dict(driver="COG", width=size, height=size, count=1, dtype="uint16", crs="EPSG:32610")
    profile["transform"] = rasterio.transform.from_origin(500000, 5000000, 30, 30)
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data, 1)
    return path


def _sha256_multihash(data: bytes) -> str:
    return "1220" + hashlib.sha256(data).hexdigest()


def _left_in(folder: Path) -> list[str]:
    """Every file in the cache folder but the leases of live runs: complete and partial files alike."""
    return sorted(entry.name for entry in folder.iterdir() if entry.is_file())


def test_a_download_is_verified_kept_and_reused_without_asking_the_server_again(tmp_path):
    served = _cog(tmp_path / "served" / "LC08_B4.TIF", 64)
    data = served.read_bytes()
    expected = ExpectedFile(size=len(data), checksum=_sha256_multihash(data))
    with faulty_files(served.parent) as (url, faults):
        href = f"{url}/LC08_B4.TIF?signature=s3cret"
        with AssetCache(tmp_path / "cache", 1e9) as cache:
            first = cache.local_path(href, expected, "scene LC08 asset red")
            assert Path(first).read_bytes() == data
            assert cache.local_path(href, expected) == first  # this run again
        with AssetCache(tmp_path / "cache", 1e9) as cache:  # the next run
            assert cache.local_path("/vsicurl/" + href.replace("s3cret", "other"), expected) == first
            assert (cache.downloaded, cache.reused) == (0, 1)
        assert faults.count("/LC08_B4.TIF", "ok") == 1
    with rasterio.open(first) as src:
        assert src.read(1).shape == (64, 64)
    assert _left_in(tmp_path / "cache") == [Path(first).name]


def test_a_truncated_download_is_tried_again_then_refused_with_nothing_kept(tmp_path):
    served = _cog(tmp_path / "served" / "LC08_B5.TIF", 64)
    with faulty_files(served.parent) as (url, faults):
        faults.plan("/LC08_B5.TIF", "truncate", forever=True)
        with AssetCache(tmp_path / "cache", 1e9) as cache:
            with pytest.raises(AssetDownloadError, match="scene LC08 asset nir08.*LC08_B5.TIF") as raised:
                cache.local_path(f"{url}/LC08_B5.TIF?token=s3cret", owner="scene LC08 asset nir08")
        assert faults.count("/LC08_B5.TIF", "truncate") == 2  # the first attempt and one more
    assert "s3cret" not in str(raised.value) and raised.value.parameter == "ITEMS"
    assert _left_in(tmp_path / "cache") == []


def test_a_passing_truncation_is_healed_by_the_second_attempt(tmp_path):
    served = _cog(tmp_path / "served" / "LC08_B6.TIF", 64)
    with faulty_files(served.parent) as (url, faults):
        faults.plan("/LC08_B6.TIF", "truncate")
        with AssetCache(tmp_path / "cache", 1e9) as cache:
            path = cache.local_path(f"{url}/LC08_B6.TIF")
    assert Path(path).read_bytes() == served.read_bytes()


def test_a_checksum_or_size_mismatch_is_refused_and_a_corrupt_body_never_kept(tmp_path):
    served = _cog(tmp_path / "served" / "LC08_B7.TIF", 64)
    data = served.read_bytes()
    with faulty_files(served.parent) as (url, faults):
        with AssetCache(tmp_path / "cache", 1e9) as cache:
            wrong = ExpectedFile(checksum=_sha256_multihash(data + b"x"))
            with pytest.raises(AssetDownloadError, match="checksum differs"):
                cache.local_path(f"{url}/LC08_B7.TIF", wrong)
            with pytest.raises(AssetDownloadError, match="file:size is 12"):
                cache.local_path(f"{url}/LC08_B7.TIF", ExpectedFile(size=12))
            faults.plan("/LC08_B7.TIF", "corrupt", forever=True)  # the right length, the wrong bytes
            right = ExpectedFile(size=len(data), checksum=_sha256_multihash(data))
            with pytest.raises(AssetDownloadError, match="checksum differs"):
                cache.local_path(f"{url}/LC08_B7.TIF", right)
    assert _left_in(tmp_path / "cache") == []


def test_a_cached_file_that_no_longer_matches_its_checksum_is_downloaded_again(tmp_path):
    served = _cog(tmp_path / "served" / "LC08_B2.TIF", 64)
    data = served.read_bytes()
    right = ExpectedFile(size=len(data), checksum=_sha256_multihash(data))
    with faulty_files(served.parent) as (url, faults):
        with AssetCache(tmp_path / "cache", 1e9) as cache:
            path = Path(cache.local_path(f"{url}/LC08_B2.TIF", right))
        path.write_bytes(bytes(len(data)))  # damaged on disk, same length
        with AssetCache(tmp_path / "cache", 1e9) as cache:
            assert Path(cache.local_path(f"{url}/LC08_B2.TIF", right)).read_bytes() == data
        assert faults.count("/LC08_B2.TIF", "ok") == 2


def test_the_least_recently_used_files_are_evicted_but_never_those_of_the_running_run(tmp_path):
    files = [_cog(tmp_path / "served" / f"f{n}.TIF", 128, seed=n) for n in range(3)]
    size = max(path.stat().st_size for path in files)
    limit = int(2.5 * size)
    with faulty_files(tmp_path / "served") as (url, _):
        with AssetCache(tmp_path / "cache", limit) as cache:
            first, second = (Path(cache.local_path(f"{url}/f{n}.TIF")) for n in (0, 1))
            with pytest.raises(AssetDownloadError, match="CACHE_MAX_GB") as raised:
                cache.local_path(f"{url}/f2.TIF")  # both files in the cache are this run's
            assert raised.value.parameter == "CACHE_MAX_GB"
            assert first.exists() and second.exists()
        os.utime(first, (1_000_000, 1_000_000))
        os.utime(second, (2_000_000, 2_000_000))  # f0 is the least recently used ...
        with AssetCache(tmp_path / "cache", limit) as cache:
            cache.local_path(f"{url}/f0.TIF")  # ... until this run uses it again
            third = Path(cache.local_path(f"{url}/f2.TIF"))
            assert cache.cached_bytes() <= limit
    assert first.exists() and third.exists() and not second.exists()


def test_files_leased_by_another_live_run_sharing_the_folder_are_not_evicted(tmp_path):
    files = [_cog(tmp_path / "served" / f"g{n}.TIF", 128, seed=n) for n in range(2)]
    limit = int(1.5 * max(path.stat().st_size for path in files))
    with faulty_files(tmp_path / "served") as (url, _):
        with AssetCache(tmp_path / "cache", limit) as other, AssetCache(tmp_path / "cache", limit) as this:
            kept = Path(other.local_path(f"{url}/g0.TIF"))
            with pytest.raises(AssetDownloadError, match="CACHE_MAX_GB"):
                this.local_path(f"{url}/g1.TIF")
            assert kept.exists()
        with AssetCache(tmp_path / "cache", limit) as this:  # the other run has ended
            this.local_path(f"{url}/g1.TIF")
    assert not kept.exists()


def test_cancel_during_a_download_leaves_no_partial_file(tmp_path):
    _cog(tmp_path / "served" / "big.TIF", 512)
    polls = []

    def is_cancelled() -> bool:
        polls.append(1)
        return len(polls) > 4  # a few blocks in

    with faulty_files(tmp_path / "served") as (url, _):
        with AssetCache(tmp_path / "cache", 1e9, chunk_bytes=16 * 1024) as cache:
            with pytest.raises(Cancelled):
                cache.local_path(f"{url}/big.TIF", is_cancelled=is_cancelled)
    assert _left_in(tmp_path / "cache") == []


def test_multihash_names_its_function_and_digest():
    digest = hashlib.sha256(b"landsat").digest()
    assert multihash_algorithm("1220" + digest.hex()) == ("sha256", digest)
    assert multihash_algorithm("1220abcd") is None  # length does not match
    assert multihash_algorithm("not hex") is None


def test_a_composite_read_through_the_cache_equals_the_streamed_one_and_reuses_its_files(tmp_path):
    folder = tmp_path / "served"
    items = july_scenes(folder)
    with faulty_files(folder) as (url, faults):
        served = served_items(folder, url, copy.deepcopy(items))
        red = served[0]["assets"]["red"]
        red_file = folder / red["href"].split("/", 3)[3]
        red["file:checksum"] = _sha256_multihash(red_file.read_bytes())
        red["file:size"] = red_file.stat().st_size
        streamed = run(tmp_path / "streamed", served, method="medoid")
        cache = tmp_path / "cache"
        cached = run(tmp_path / "cached", served, method="medoid", cache_folder=cache, cache_max_gb=1.0)
        requests_before = len(faults.served)
        again = run(tmp_path / "again", served, method="medoid", cache_folder=cache, cache_max_gb=1.0)
        assert len(faults.served) == requests_before  # every file came from the cache
    assert cached.scenes_used == streamed.scenes_used == 3 and not cached.skipped
    for result in (cached, again):
        with rasterio.open(streamed.stack) as a, rasterio.open(result.stack) as b:
            np.testing.assert_array_equal(a.read(), b.read())
            assert a.descriptions == b.descriptions
    # qa_pixel, qa_radsat and six bands per scene
    assert len(_left_in(cache)) == 3 * 8


def test_a_scene_whose_file_cannot_be_downloaded_is_skipped_by_name(tmp_path):
    folder = tmp_path / "served"
    with faulty_files(folder) as (url, faults):
        items = served_items(folder, url, july_scenes(folder))
        nir = "/" + items[1]["assets"]["nir08"]["href"].split("/", 3)[3]
        faults.plan(nir, "truncate", forever=True)
        result = run(tmp_path / "cached", items, method="mean", cache_folder=tmp_path / "cache")
    assert [entry["id"] for entry in result.skipped] == ["LC08_13"]
    assert "scene LC08_13, band nir" in result.skipped[0]["reason"] and result.scenes_used == 2
    assert not any(name.endswith(".part") for name in _left_in(tmp_path / "cache"))


def test_per_scene_polygon_statistics_read_through_the_cache_equal_the_streamed_ones(tmp_path):
    import pystac

    from tests.helpers.scenes import RES, X0, Y0
    from tests.helpers.zonal import write_polygons
    from timestack.core.zonal.scenes import scene_statistics
    from timestack.core.zonal.statistics import read_polygons

    def box(col0, col1):
        x0, x1, y0, y1 = X0 + col0 * RES, X0 + col1 * RES, Y0 - 5 * RES, Y0 - 15 * RES
        return f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"

    stands = read_polygons(
        write_polygons(tmp_path / "stands.gpkg", [(1, box(2, 12)), (2, box(25, 35))], epsg=32610), "stand_id"
    )
    folder = tmp_path / "served"
    with faulty_files(folder) as (url, faults):
        items = [pystac.Item.from_dict(item) for item in served_items(folder, url, july_scenes(folder))]
        streamed = scene_statistics(items, stands, ["nbr", "red"], ["mean", "count"])
        with AssetCache(tmp_path / "cache", 1e9) as cache:
            cached = scene_statistics(items, stands, ["nbr", "red"], ["mean", "count"], cache=cache)
        requests_before = len(faults.served)
        with AssetCache(tmp_path / "cache", 1e9) as cache:
            again = scene_statistics(items, stands, ["nbr", "red"], ["mean", "count"], cache=cache)
            assert cache.reused > 0 and cache.downloaded == 0
        assert len(faults.served) == requests_before
    assert items[0].assets["red"].href.startswith("http")  # the caller's items are left as they were
    for table in (cached, again):
        assert table.equals(streamed)

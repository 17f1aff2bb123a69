"""Asset hrefs reach only the catalog's own files, catalogs on disk, allowed roots and http(s)/s3 URLs."""

from pathlib import Path

import pytest

from timestack.core.io.hrefs import HrefRefusedError, checked_gdal_path, checked_href


@pytest.fixture
def catalog(tmp_path):
    """<tmp>/archive/catalog/items.json with scenes in <tmp>/archive/catalog/scenes; a secret beside it."""
    folder = tmp_path / "archive" / "catalog"
    (folder / "scenes").mkdir(parents=True)
    (folder / "scenes" / "B1.TIF").write_bytes(b"x")
    (tmp_path / "secret.tif").write_bytes(b"x")
    return folder


@pytest.mark.parametrize(
    "href",
    [
        "file:///etc/passwd",
        "/etc/passwd",
        "../../secret.tif",
        "scenes/../../../secret.tif",
        "file://otherhost/share/x.tif",
        "ftp://example.com/x.tif",
        "gs://bucket/x.tif",
        "/vsistdin/",
        "/vsizip//tmp/x.zip/x.tif",
        "/vsicurl/ftp://example.com/x.tif",
    ],
)
def test_hrefs_out_of_the_catalog_or_over_other_schemes_are_refused(catalog, href):
    with pytest.raises(HrefRefusedError) as caught:
        checked_href(href, catalog, item_id="LC08_X")
    assert caught.value.parameter == "ITEMS" and str(caught.value).startswith("item LC08_X: ")


def test_the_message_says_where_the_href_leads_and_how_to_allow_it(catalog):
    with pytest.raises(HrefRefusedError, match=r"outside the catalog's folder .* add it to ALLOWED_ROOTS"):
        checked_href("../../secret.tif", catalog)


def test_a_symbolic_link_inside_the_catalog_cannot_point_out_of_it(catalog, tmp_path):
    (catalog / "scenes" / "link.tif").symlink_to(tmp_path / "secret.tif")
    with pytest.raises(HrefRefusedError):
        checked_href("scenes/link.tif", catalog)


def test_the_catalogs_own_files_and_remote_urls_pass(catalog):
    inside = str(catalog / "scenes" / "B1.TIF")
    assert checked_href("scenes/B1.TIF", catalog) == inside
    assert checked_href("./scenes/B1.TIF", catalog) == inside
    assert checked_href(f"file://{inside}", catalog) == inside
    assert checked_gdal_path("https://example.com/a.tif", catalog) == "/vsicurl/https://example.com/a.tif"
    assert checked_gdal_path("s3://bucket/a.tif", catalog) == "/vsis3/bucket/a.tif"
    assert checked_href("/vsicurl/https://example.com/a.tif", None) == "/vsicurl/https://example.com/a.tif"


def test_a_file_uri_is_read_with_its_percent_escapes_decoded(tmp_path):
    """A file URI writes a space as %20 and é as %C3%A9 (``Path.as_uri()``, pystac): the scenes of a
    catalog in "Scènes 2020" were all reported missing."""
    catalog = tmp_path / "Scènes 2020 日本"
    (catalog / "scenes").mkdir(parents=True)
    inside = catalog / "scenes" / "B 1.TIF"
    assert inside.as_uri().count("%") > 5
    assert checked_href(inside.as_uri(), catalog) == str(inside)
    assert checked_href("file://localhost" + inside.as_uri()[len("file://") :], catalog) == str(inside)
    with pytest.raises(HrefRefusedError):  # an escaped "../" climbs out no more than a plain one
        checked_href(inside.parent.as_uri() + "/%2E%2E/%2E%2E/secret.tif", catalog)


def test_an_allowed_root_opens_a_folder_outside_the_catalog(catalog, tmp_path):
    assert checked_href(str(tmp_path / "secret.tif"), catalog, [tmp_path]) == str(tmp_path / "secret.tif")


def test_absolute_hrefs_into_a_catalog_on_disk_pass_from_anywhere(tmp_path):
    """A search of a local catalog writes absolute hrefs into it, and its result lies elsewhere."""
    archive = tmp_path / "archive"
    (archive / "landsat").mkdir(parents=True)
    (archive / "collection.json").write_text("{}")
    scene = archive / "landsat" / "B1.TIF"
    scene.write_bytes(b"x")
    elsewhere = tmp_path / "search-result"
    elsewhere.mkdir()
    assert checked_href(str(scene), elsewhere) == str(scene)
    assert checked_href(str(scene), None) == str(scene)
    with pytest.raises(HrefRefusedError):  # relative hrefs still may not leave the catalog's folder
        checked_href("../archive/landsat/B1.TIF", elsewhere)


def test_the_sample_archive_is_a_catalog_on_disk(sample_small):
    import json

    items = json.loads(Path(sample_small.item_collection).read_text())["features"]
    href = items[0]["assets"]["qa_pixel"]["href"]
    assert checked_href(href, Path(sample_small.item_collection).parent) == str(Path(href).resolve())

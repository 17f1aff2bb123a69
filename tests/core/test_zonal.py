"""Polygon statistics over a time stack: exactextract's numbers, in long format, with clear input errors."""

import numpy as np
import pandas as pd
import pytest
from exactextract import exact_extract

from tests.helpers.rasters import NODATA, write_stack
from tests.helpers.zonal import pixel_box, standard_features, transformed_wkt, write_polygons
from timestack.core.runtime import Cancelled
from timestack.core.zonal.statistics import (
    ZonalInputError,
    dated_bands,
    parse_statistics,
    polygons_without_pixels,
    read_polygons,
    wide_table,
    write_csv_atomically,
    write_csv_tables,
    zonal_statistics,
)

DESCRIPTIONS = ["2019_nbr", "2020_nbr", "2021_nbr"]
STATS = ("mean", "median", "std", "min", "max", "count", "valid_fraction", "p10", "p90")


@pytest.fixture()
def stack(tmp_path):
    rng = np.random.default_rng(42)
    data = rng.uniform(-0.5, 0.9, size=(3, 20, 20)).astype("float32")
    data[1, 2:5, 2:6] = NODATA  # clouds left over in 2020
    return write_stack(tmp_path / "stack.tif", data, DESCRIPTIONS)


@pytest.fixture()
def stands(tmp_path):
    return write_polygons(tmp_path / "stands.gpkg", standard_features())


def test_statistics_equal_exactextract_called_directly(stack, stands):
    table = zonal_statistics([stack], read_polygons(stands, "stand_id"), STATS)

    ops = ["mean", "median", "stdev", "min", "max", "count", "quantile(q=0.1)", "quantile(q=0.9)"]
    direct = exact_extract(str(stack), str(stands), ops, include_cols=["stand_id"], output="pandas")
    assert len(table) == len(direct) * len(DESCRIPTIONS)
    names = {"stdev": "std", "quantile_10": "p10", "quantile_90": "p90"}
    for band, description in enumerate(DESCRIPTIONS, start=1):
        ours = table[table["variable"] == "nbr"][table["date"] == f"{description[:4]}-01-01"].set_index("id")
        for op in ["mean", "median", "stdev", "min", "max", "count", "quantile_10", "quantile_90"]:
            theirs = direct.set_index("stand_id")[f"band_{band}_{op}"]
            np.testing.assert_array_equal(
                ours.loc[theirs.index, names.get(op, op)].to_numpy(), theirs.to_numpy()
            )


def test_long_format_has_one_row_per_polygon_date_and_variable(stack, stands):
    table = zonal_statistics([stack], read_polygons(stands, "stand_id"), ["mean", "count"])
    assert list(table.columns) == ["id", "date", "variable", "mean", "count"]
    assert sorted(table["date"].unique()) == ["2019-01-01", "2020-01-01", "2021-01-01"]
    assert not table.duplicated(["id", "date", "variable"]).any()
    assert len(table) == 5 * 3


def test_polygon_outside_the_data_gives_rows_with_count_zero(stack, stands):
    polygons = read_polygons(stands, "stand_id")
    table = zonal_statistics([stack], polygons, STATS)
    outside = table[table["id"] == 5]
    assert len(outside) == 3
    assert (outside["count"] == 0).all() and (outside["valid_fraction"] == 0).all()
    assert outside["mean"].isna().all()
    assert polygons_without_pixels(table, polygons.ids) == [5]  # what the algorithm warns of


def test_a_truncated_stack_is_refused_by_name_not_by_array_shape(tmp_path, stack, stands):
    content = stack.read_bytes()
    truncated = tmp_path / "truncated.tif"
    truncated.write_bytes(content[: len(content) // 2])
    with pytest.raises(
        ZonalInputError, match="INPUT: .*truncated.tif cannot be read .*damaged or incomplete"
    ):
        zonal_statistics([truncated], read_polygons(stands, "stand_id"), ["mean"])


def test_points_are_refused_as_no_polygons(tmp_path):
    points = write_polygons(tmp_path / "p.gpkg", [(1, "POINT(500045 4999955)"), (2, "POINT(500100 4999900)")])
    with pytest.raises(
        ZonalInputError, match=r"POLYGONS: the layer holds no polygons \(its geometries: Point\)"
    ):
        read_polygons(points, "stand_id")


def test_two_tables_are_written_together_or_not_at_all(tmp_path):
    table = pd.DataFrame({"id": [1], "date": ["2001-01-01"], "variable": ["nbr"], "mean": [0.5]})
    (tmp_path / "a_file").write_text("notes\n")
    with pytest.raises(OSError):
        write_csv_tables([(table, tmp_path / "long.csv"), (table, tmp_path / "a_file" / "wide.csv")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_file"]
    write_csv_tables([(table, tmp_path / "long.csv"), (table, tmp_path / "out" / "wide.csv")])
    assert (tmp_path / "long.csvt").is_file() and (tmp_path / "out" / "wide.csv").is_file()


def test_valid_fraction_is_the_unmasked_share_of_the_polygon(tmp_path):
    data = np.ones((1, 10, 10), dtype="float32")
    data[0, 2, 2] = NODATA  # one of the four pixels under the stand
    raster = write_stack(tmp_path / "s.tif", data, ["2020-06-14_ndvi"])
    polygons = write_polygons(tmp_path / "p.gpkg", [(7, f"POLYGON({pixel_box(2, 2, 4, 4)})")])
    row = zonal_statistics([raster], read_polygons(polygons, "stand_id"), ["count", "valid_fraction"]).iloc[0]
    assert row["date"] == "2020-06-14"
    assert row["count"] == pytest.approx(3.0)
    assert row["valid_fraction"] == pytest.approx(0.75)


def test_polygons_in_another_crs_are_reprojected_to_the_raster(tmp_path, stack):
    features = standard_features()[:4]
    utm = write_polygons(tmp_path / "utm.gpkg", features)
    wgs84 = write_polygons(
        tmp_path / "wgs84.gpkg", [(i, transformed_wkt(w, 32633, 4326)) for i, w in features], epsg=4326
    )
    a = zonal_statistics([stack], read_polygons(utm, "stand_id"), ["mean", "count", "valid_fraction"])
    b = zonal_statistics([stack], read_polygons(wgs84, "stand_id"), ["mean", "count", "valid_fraction"])
    pd.testing.assert_frame_equal(a, b, rtol=1e-6)


def test_scale_metadata_is_applied_to_int16_stacks(tmp_path, stands):
    rng = np.random.default_rng(3)
    reflectance = rng.uniform(0, 0.5, size=(2, 20, 20))
    scaled = np.round(reflectance * 10000).astype("int16")
    int_stack = write_stack(tmp_path / "i.tif", scaled, ["1990_swir1", "1991_swir1"], scale=0.0001)
    float_stack = write_stack(
        tmp_path / "f.tif", (scaled * 0.0001).astype("float64"), ["1990_swir1", "1991_swir1"]
    )
    polygons = read_polygons(stands, "stand_id")
    a = zonal_statistics([int_stack], polygons, ["mean", "min", "max", "count"])
    b = zonal_statistics([float_stack], polygons, ["mean", "min", "max", "count"])
    pd.testing.assert_frame_equal(a, b, rtol=1e-9)
    assert a["max"].max() <= 0.5


def test_variables_select_bands_by_name(tmp_path, stands):
    data = np.ones((4, 20, 20), dtype="float32")
    raster = write_stack(tmp_path / "s.tif", data, ["2000_nbr", "2000_ndvi", "2001_nbr", "2001_ndvi"])
    table = zonal_statistics([raster], read_polygons(stands, "stand_id"), ["mean"], variables=["NDVI"])
    assert set(table["variable"]) == {"ndvi"}
    with pytest.raises(ZonalInputError, match="BANDS: .* holds nbr, ndvi"):
        zonal_statistics([raster], read_polygons(stands, "stand_id"), ["mean"], variables=["evi"])


def test_date_only_descriptions_take_the_file_name_as_variable():
    bands = dated_bands(["1990", "19910702_ftv", "1992-03_x"], "fitted_nbr")
    assert [(b.date.isoformat(), b.variable) for b in bands] == [
        ("1990-01-01", "fitted_nbr"),
        ("1991-07-02", "ftv"),
        ("1992-03-01", "x"),
    ]


def test_raster_without_time_information_is_refused(tmp_path, stands):
    raster = write_stack(tmp_path / "plain.tif", np.ones((2, 20, 20), "float32"), [None, "red"])
    with pytest.raises(ZonalInputError, match="INPUT: band 1 .* carries no date"):
        zonal_statistics([raster], read_polygons(stands, "stand_id"), ["mean"])


def test_invalid_geometries_are_repaired_and_listed(tmp_path, stack):
    bowtie = "POLYGON((500030 4999970, 500150 4999850, 500150 4999970, 500030 4999850, 500030 4999970))"
    path = write_polygons(tmp_path / "bad.gpkg", [(1, bowtie), (2, f"POLYGON({pixel_box(5, 5, 7, 7)})")])
    polygons = read_polygons(path, "stand_id")
    assert polygons.repaired == [1]
    table = zonal_statistics([stack], polygons, ["count", "valid_fraction"])
    assert table[table["id"] == 1]["count"].iloc[0] == pytest.approx(8.0)  # two 4-pixel triangles


def test_curved_polygons_are_measured_along_their_arcs(tmp_path, stack):
    # a circle of radius 5 pixels, as QGIS digitises it in a GeoPackage (CurvePolygon, MultiSurface)
    circle = "CIRCULARSTRING(500150 4999850, 500450 4999850, 500150 4999850)"
    curves = [(1, f"CURVEPOLYGON({circle})"), (2, f"MULTISURFACE(CURVEPOLYGON({circle}))")]
    path = write_polygons(tmp_path / "curves.gpkg", curves)
    table = zonal_statistics([stack], read_polygons(path, "stand_id"), ["count"])
    assert table[table["date"] == "2019-01-01"]["count"].tolist() == pytest.approx([25 * np.pi] * 2, rel=2e-3)


def test_a_geopackage_fid_column_names_the_polygons(tmp_path, stack):
    box = f"POLYGON({pixel_box(1, 1, 3, 3)})"
    path = write_polygons(tmp_path / "stands.gpkg", [(7, box), (7, box), (None, box)])  # QGIS lists fid
    polygons = read_polygons(path, "fid")
    assert polygons.ids == [1, 2, 3]
    assert set(zonal_statistics([stack], polygons, ["count"])["id"]) == {1, 2, 3}


def test_features_without_polygon_geometry_are_reported_by_id(tmp_path):
    path = write_polygons(
        tmp_path / "bad.gpkg",
        [
            (11, None),
            (12, "LINESTRING(500000 4999000, 500100 4999100)"),
            (13, f"POLYGON({pixel_box(1, 1, 2, 2)})"),
        ],
    )
    with pytest.raises(ZonalInputError, match="POLYGONS: features 11, 12 have no polygon geometry"):
        read_polygons(path, "stand_id")


def test_empty_layer_is_refused(tmp_path):
    with pytest.raises(ZonalInputError, match="POLYGONS: the layer has no features"):
        read_polygons(write_polygons(tmp_path / "empty.gpkg", []), "stand_id")


def test_missing_id_field_names_the_fields_there_are(stands):
    with pytest.raises(ZonalInputError, match="ID_FIELD: .* no field 'plot'; choose one of stand_id"):
        read_polygons(stands, "plot")


def test_duplicate_ids_are_refused(tmp_path):
    box = f"POLYGON({pixel_box(1, 1, 2, 2)})"
    path = write_polygons(tmp_path / "dup.gpkg", [("a", box), ("b", box), ("a", box)], id_type=4)
    with pytest.raises(ZonalInputError, match="ID_FIELD: 'stand_id' is not unique \\(a repeat\\)"):
        read_polygons(path, "stand_id")


def test_layer_without_crs_is_refused(tmp_path):
    path = write_polygons(tmp_path / "nocrs.gpkg", [(1, f"POLYGON({pixel_box(1, 1, 2, 2)})")], epsg=None)
    with pytest.raises(ZonalInputError, match="POLYGONS: the layer has no defined coordinate reference"):
        read_polygons(path, "stand_id")


def test_raster_without_crs_is_refused(tmp_path, stands):
    raster = write_stack(tmp_path / "nocrs.tif", np.ones((1, 20, 20), "float32"), ["2000_nbr"], crs=None)
    with pytest.raises(ZonalInputError, match="INPUT: .* has no coordinate reference system"):
        zonal_statistics([raster], read_polygons(stands, "stand_id"), ["mean"])


def test_two_stacks_with_the_same_dates_must_be_mosaicked_first(stack, stands):
    with pytest.raises(ZonalInputError, match="mosaic"):
        zonal_statistics([stack, stack], read_polygons(stands, "stand_id"), ["mean"])


def test_unknown_statistic_is_refused():
    assert parse_statistics(["mean", "P25", "mean"]) == ("mean", "p25")
    with pytest.raises(ZonalInputError, match="STATS: unknown statistic 'average'"):
        parse_statistics(["average"])


def test_cancel_stops_before_any_output(stack, stands):
    with pytest.raises(Cancelled):
        zonal_statistics([stack], read_polygons(stands, "stand_id"), ["mean"], is_cancelled=lambda: True)


def test_wide_table_has_one_row_per_polygon(stack, stands):
    table = zonal_statistics([stack], read_polygons(stands, "stand_id"), ["mean"])
    wide = wide_table(table)
    assert list(wide.columns) == ["id", "nbr_2019-01-01", "nbr_2020-01-01", "nbr_2021-01-01"]
    row = table[(table["id"] == 2) & (table["date"] == "2020-01-01")]["mean"].iloc[0]
    assert wide.set_index("id").loc[2, "nbr_2020-01-01"] == row


def test_csv_is_written_whole_or_not_at_all(tmp_path, stack, stands):
    table = zonal_statistics([stack], read_polygons(stands, "stand_id"), ["mean", "count"])
    path = write_csv_atomically(table, tmp_path / "out" / "stats.csv")
    pd.testing.assert_frame_equal(pd.read_csv(path), table, check_dtype=False)

    class Broken(pd.DataFrame):
        def to_csv(self, *args, **kwargs):
            raise OSError("disk full")

    with pytest.raises(OSError):
        write_csv_atomically(Broken(table), tmp_path / "out" / "other.csv")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["stats.csv", "stats.csvt"]
    assert (tmp_path / "out" / "stats.csvt").read_text() == '"Integer64","Date","String","Real","Real"\n'

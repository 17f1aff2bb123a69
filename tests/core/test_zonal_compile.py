"""Weekly/monthly/yearly/whole-period compilation equals a pandas recomputation from the pixels themselves."""

import numpy as np
import pandas as pd
import pytest
from exactextract import exact_extract

from tests.helpers.rasters import NODATA, write_stack
from tests.helpers.zonal import standard_features, write_polygons
from timestack.core.zonal.compile import compile_statistics, period_start
from timestack.core.zonal.statistics import ZonalInputError, read_polygons, zonal_statistics

DATES = ["2020-01-03", "2020-01-17", "2020-01-29", "2020-02-05", "2020-02-20", "2021-03-01"]
STATS = ["mean", "std", "min", "max", "count", "valid_fraction", "median"]


@pytest.fixture()
def inputs(tmp_path):
    rng = np.random.default_rng(7)
    data = rng.normal(0.5, 0.2, size=(len(DATES), 20, 20)).astype("float32")
    data[1, 0:8, 0:10] = NODATA  # a cloud over stands 1 and 2 on 17 January
    data[4, 10:20, 10:20] = NODATA  # and over stands 3 and 4 on 20 February
    stack = write_stack(tmp_path / "scenes.tif", data, [f"{d}_ndvi" for d in DATES])
    stands = write_polygons(tmp_path / "stands.gpkg", standard_features()[:4])
    return stack, stands


def pixels(stack, stands) -> pd.DataFrame:
    """Every covered valid pixel of every polygon and date, with its coverage fraction (exactextract)."""
    found = exact_extract(
        str(stack), str(stands), ["values", "coverage"], include_cols=["stand_id"], output="pandas"
    )
    rows = []
    for _, feature in found.iterrows():
        for band, day in enumerate(DATES, start=1):
            values, weights = feature[f"band_{band}_values"], feature[f"band_{band}_coverage"]
            rows.append(pd.DataFrame({"id": feature["stand_id"], "date": day, "value": values, "w": weights}))
    return pd.concat(rows, ignore_index=True)


def recompute(pixel_table: pd.DataFrame, period: str) -> pd.DataFrame:
    """The period statistics straight from the pixel values, with pandas."""
    pixel_table = pixel_table.assign(period=period_start(pixel_table["date"], period))

    def summary(group):
        w, v = group["w"], group["value"]
        mean = (w * v).sum() / w.sum()
        return pd.Series(
            {
                "count": w.sum(),
                "mean": mean,
                "std": np.sqrt((w * (v - mean) ** 2).sum() / w.sum()),
                "min": v.min(),
                "max": v.max(),
            }
        )

    return pixel_table.groupby(["id", "period"]).apply(summary)


@pytest.mark.parametrize("period", ["weekly", "monthly", "yearly", "all"])
def test_compiled_values_equal_a_recomputation_from_the_pixels(inputs, period):
    stack, stands = inputs
    per_date = zonal_statistics([stack], read_polygons(stands, "stand_id"), STATS)
    compiled = compile_statistics(per_date, period).set_index(["id", "date"])
    expected = recompute(pixels(stack, stands), period)
    empty = compiled[compiled["count"] == 0]  # a week whose only date was clouded: a row, without values
    assert empty["mean"].isna().all() and empty["n_dates"].eq(1).all()
    compiled = compiled[compiled["count"] > 0]
    assert len(compiled) == len(expected)
    for column in ["count", "mean", "std", "min", "max"]:
        np.testing.assert_allclose(
            compiled.loc[expected.index, column], expected[column], rtol=1e-6, atol=1e-9
        )


def test_monthly_rows_count_their_dates(inputs):
    stack, stands = inputs
    per_date = zonal_statistics([stack], read_polygons(stands, "stand_id"), STATS)
    compiled = compile_statistics(per_date, "monthly")
    assert sorted(compiled["date"].unique()) == ["2020-01-01", "2020-02-01", "2021-03-01"]
    assert compiled.groupby("date")["n_dates"].first().to_dict() == {
        "2020-01-01": 3,
        "2020-02-01": 2,
        "2021-03-01": 1,
    }


def test_minimum_valid_fraction_drops_clouded_dates_before_compiling(inputs):
    stack, stands = inputs
    per_date = zonal_statistics([stack], read_polygons(stands, "stand_id"), STATS)
    compiled = compile_statistics(per_date, "monthly", min_valid_fraction=0.5).set_index(["id", "date"])
    assert compiled.loc[(1, "2020-01-01"), "n_dates"] == 2  # 17 January was clouded over stand 1
    assert compiled.loc[(4, "2020-02-01"), "n_dates"] == 1  # 20 February over stand 4

    clear = pixels(stack, stands)
    clear = clear[~((clear["id"] == 1) & (clear["date"] == "2020-01-17"))]
    expected = recompute(clear, "monthly").loc[(1, "2020-01-01")]
    assert compiled.loc[(1, "2020-01-01"), "mean"] == pytest.approx(expected["mean"], rel=1e-6)
    assert compiled.loc[(1, "2020-01-01"), "std"] == pytest.approx(expected["std"], rel=1e-6)


def test_median_of_a_period_is_the_count_weighted_mean_of_the_dates(inputs):
    stack, stands = inputs
    per_date = zonal_statistics([stack], read_polygons(stands, "stand_id"), STATS)
    compiled = compile_statistics(per_date, "yearly").set_index(["id", "date"])
    dates = per_date[(per_date["id"] == 2) & per_date["date"].str.startswith("2020")]
    expected = (dates["median"] * dates["count"]).sum() / dates["count"].sum()
    assert compiled.loc[(2, "2020-01-01"), "median"] == pytest.approx(expected)


def test_none_keeps_per_date_rows_and_applies_the_filter(inputs):
    stack, stands = inputs
    per_date = zonal_statistics([stack], read_polygons(stands, "stand_id"), STATS)
    assert compile_statistics(per_date, "none").equals(per_date)
    kept = compile_statistics(per_date, "none", min_valid_fraction=0.99)
    assert (kept["valid_fraction"] >= 0.99).all() and len(kept) < len(per_date)


def test_compiling_without_count_or_with_a_bad_period_is_refused(inputs):
    stack, stands = inputs
    per_date = zonal_statistics([stack], read_polygons(stands, "stand_id"), ["mean"])
    with pytest.raises(ZonalInputError, match="needs the count statistic"):
        compile_statistics(per_date, "monthly")
    with pytest.raises(ZonalInputError, match="COMPILE: unknown period 'daily'"):
        compile_statistics(per_date.assign(count=1.0), "daily")
    with pytest.raises(ZonalInputError, match="MIN_VALID_FRACTION: needs the valid_fraction"):
        compile_statistics(per_date, "none", min_valid_fraction=0.3)

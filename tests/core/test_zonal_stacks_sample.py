"""Polygon statistics over the stacks Timestack itself writes: the sample archive's annual NBR composite
and its LandTrendr fit. Disturbed stands of the ground truth must show their drop in the right year."""

import pytest
from osgeo import ogr

from timestack.core.composite.annual import annual_composites
from timestack.core.composite.settings import CompositeSettings
from timestack.core.landtrendr.fit import LandTrendrOutputs, run_landtrendr_raster
from timestack.core.zonal.statistics import read_polygons, zonal_statistics


@pytest.fixture(scope="module")
def stacks(sample_small, tmp_path_factory):
    folder = tmp_path_factory.mktemp("zonal_stacks")
    composite = annual_composites(
        CompositeSettings(
            items=str(sample_small.item_collection),
            output=folder / "nbr.tif",
            start_year=2000,
            end_year=2014,
            bands=(),
            indices=("NBR",),
            output_dtype="float32",
            workers=1,
        )
    )
    fitted = run_landtrendr_raster(composite.stack, "NBR", LandTrendrOutputs(fitted=folder / "nbr_fit.tif"))
    return composite.stack, fitted["fitted"]


def disturbed_stands(sample_small) -> list:
    source = ogr.Open(str(sample_small.stands))  # the layer lives only as long as its data source
    return [
        (f["stand_id"], f["dist_year"]) for f in source.GetLayer(0) if f["dist_type"] in ("clearcut", "fire")
    ]


def test_composite_and_fit_show_each_disturbance_in_its_year(sample_small, stacks):
    table = zonal_statistics(list(stacks), read_polygons(sample_small.stands, "stand_id"), ["mean", "count"])
    assert set(table["variable"]) == {"nbr", "nbr_fit"}
    disturbed = disturbed_stands(sample_small)
    assert disturbed
    for variable in ("nbr", "nbr_fit"):
        series = table[table["variable"] == variable].pivot(index="date", columns="id", values="mean")
        for stand, year in disturbed:
            drops = series[stand].dropna().diff()
            assert drops.idxmin() == f"{year}-01-01", (variable, stand, year, drops.round(2).to_dict())
            assert drops.min() < -0.3

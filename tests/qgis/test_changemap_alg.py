"""``timestack:changemap`` through Processing on a LandTrendr run over a stack with known
disturbances: the right years, every event per year, the minimum mapping unit, the year legend,
the shipped landtrendr → changemap model, and clear errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import rasterio
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProject,
    QgsRasterLayer,
    QgsSingleBandPseudoColorRenderer,
)

from tests.helpers.landtrendr import (
    LONE_PIXEL,
    LONE_YEAR,
    YEARS,
    run_landtrendr,
    synthetic_cubes,
    write_series_stack,
)
from timestack.paths import RESOURCES_DIR

MODEL = RESOURCES_DIR / "models" / "landtrendr_changemap.model3"


@pytest.fixture(scope="module")
def fitted(provider, tmp_path_factory):
    """A LandTrendr run over the synthetic stack: (segments path, truth years, stack path)."""
    folder = tmp_path_factory.mktemp("landtrendr")
    nbr, swir1, truth = synthetic_cubes()
    stack = write_series_stack(folder / "stack.tif", {"nbr": nbr, "swir1": swir1})
    results = run_landtrendr(stack, folder / "out")
    return results["OUTPUT_SEGMENTS"], truth, stack


def run_changemap(segments, out: Path, context=None, **overrides) -> dict:
    import processing

    parameters = {"INPUT": str(segments), "MAG": 0.2, "OUTPUT": str(out / "change.tif")}
    parameters.update(overrides)
    return processing.run(
        "timestack:changemap", parameters, context=context or QgsProcessingContext(),
        feedback=QgsProcessingFeedback(),
    )  # fmt: skip


def read(path, band=None):
    with rasterio.open(path) as src:
        return (src.read(band) if band else src.read()), src.descriptions


def test_greatest_loss_finds_the_true_year_of_every_disturbed_pixel(fitted, tmp_path):
    segments, truth, _ = fitted
    results = run_changemap(segments, tmp_path)
    bands, descriptions = read(results["OUTPUT"])
    assert descriptions == ("yod", "mag", "dur", "preval", "rate", "dsnr")
    yod, mag = bands[0], bands[1]
    disturbed = truth > 0
    assert np.array_equal(yod[disturbed], truth[disturbed])
    assert np.isnan(yod[~disturbed]).all()  # no loss above 0.2 where nothing happened
    assert np.all(np.abs(mag[disturbed] - 0.5) < 0.1)
    assert np.all(bands[3][disturbed] > 0.6)  # pre-change value: forest NBR


def test_year_range_and_gain_select_other_segments(fitted, tmp_path):
    segments, truth, _ = fitted
    early = read(run_changemap(segments, tmp_path / "a", START_YEAR=1990, END_YEAR=2000)["OUTPUT"], 1)[0]
    assert np.array_equal(np.isfinite(early), (truth > 0) & (truth <= 2000))
    gain = read(run_changemap(segments, tmp_path / "b", DIRECTION=1, MAG=0.1)["OUTPUT"], 1)[0]
    recovering = (truth > 0) & (truth < 2012)  # at +0.02/yr, at least 0.14 regrowth by 2019
    assert np.all(gain[recovering] >= truth[recovering])


def test_events_keep_every_loss_per_year_and_count_zero_as_zero(fitted, tmp_path):
    segments, truth, _ = fitted
    results = run_changemap(segments, tmp_path, OUTPUT_EVENTS=str(tmp_path / "events.tif"))
    events, descriptions = read(results["OUTPUT_EVENTS"])
    n = len(YEARS)
    assert descriptions[0] == f"{YEARS[0]}_loss_mag" and descriptions[-2:] == ("loss_count", "gain_count")
    loss, loss_count = events[:n], events[2 * n]
    row, col = np.nonzero(truth > 0)
    assert np.all(loss[[YEARS.index(y) for y in truth[row, col]], row, col] > 0.3)
    assert np.array_equal(loss_count[truth > 0], np.ones(int((truth > 0).sum())))
    assert np.array_equal(
        loss_count[(truth == 0) & np.isfinite(loss_count)],
        np.zeros(int(((truth == 0) & np.isfinite(loss_count)).sum())),
    )


def test_minimum_mapping_unit_drops_the_lone_pixel_but_keeps_blocks(fitted, tmp_path):
    segments, truth, _ = fitted
    yod = read(run_changemap(segments, tmp_path, MMU=2)["OUTPUT"], 1)[0]
    assert np.isnan(yod[LONE_PIXEL])
    blocks = (truth > 0) & (truth != LONE_YEAR)
    assert np.array_equal(yod[blocks], truth[blocks])


def test_change_map_is_loaded_with_a_year_ramp_and_one_legend_entry_per_year(fitted, tmp_path):
    segments, _, _ = fitted
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    results = run_changemap(segments, tmp_path, context, START_YEAR=1995, END_YEAR=2015)
    details = context.layerToLoadOnCompletionDetails(results["OUTPUT"])
    assert details.outputName == "OUTPUT" and details.postProcessor() is not None
    layer = QgsRasterLayer(results["OUTPUT"], details.name)
    details.postProcessor().postProcessLayer(layer, context, QgsProcessingFeedback())
    renderer = layer.renderer()
    assert isinstance(renderer, QgsSingleBandPseudoColorRenderer) and renderer.band() == 1
    legend = [label for label, _ in renderer.legendSymbologyItems()]
    assert legend == [str(year) for year in range(1995, 2016)]
    colors = {color.name() for _, color in renderer.legendSymbologyItems()}
    assert len(colors) > 15  # a ramp, not one colour


def test_a_segment_table_from_before_landsat_is_filtered_on_its_own_years(provider, tmp_path):
    """A series reaching back before Landsat 1 (1972: scanned aerial photos, a reconstructed index)
    takes detection years from its own first year, and refuses only years before it."""
    nbr, swir1, truth = synthetic_cubes()
    shift = YEARS[0] - 1961
    stack = write_series_stack(
        tmp_path / "stack.tif", {"nbr": nbr, "swir1": swir1}, years=[year - shift for year in YEARS]
    )
    segments = run_landtrendr(stack, tmp_path / "fit")["OUTPUT_SEGMENTS"]
    early = read(run_changemap(segments, tmp_path / "a", START_YEAR=1961, END_YEAR=1971)["OUTPUT"], 1)[0]
    shifted = np.where(truth > 0, truth - shift, 0)
    assert np.array_equal(np.isfinite(early), (shifted > 0) & (shifted <= 1971))
    assert np.nanmin(early) == 1965
    with pytest.raises(QgsProcessingException, match=r"START_YEAR: 1960 is before 1961"):
        run_changemap(segments, tmp_path / "b", START_YEAR=1960)


def test_inputs_that_are_not_a_segment_table_or_bad_ranges_are_refused(fitted, tmp_path):
    segments, _, stack = fitted
    with pytest.raises(QgsProcessingException, match="INPUT"):
        run_changemap(stack, tmp_path / "x")
    with pytest.raises(QgsProcessingException, match="START_YEAR/END_YEAR"):
        run_changemap(segments, tmp_path / "y", START_YEAR=2010, END_YEAR=2000)
    assert not list(tmp_path.rglob("*.tif"))


@pytest.mark.parametrize(
    "path", sorted((RESOURCES_DIR / "models").glob("*.model3")), ids=lambda path: path.stem
)
def test_every_shipped_model_validates_clean_in_the_model_designer(provider, path):
    """Parameters a model leaves unset run with their defaults: no box is red for a mandatory one."""
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(path))
    assert model.validate() == (True, [])


def test_shipped_model_chains_landtrendr_and_changemap(fitted, tmp_path):
    import processing

    _, truth, stack = fitted
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL))
    results = processing.run(
        model,
        {"STACK": str(stack), "INDEX": "nbr", "MAX_SEGMENTS": 4, "MAG": 0.2,
         "changemap:Change map": str(tmp_path / "model_change.tif"),
         "landtrendr:Fitted values": str(tmp_path / "model_fitted.tif")},
        context=QgsProcessingContext(), feedback=QgsProcessingFeedback(),
    )  # fmt: skip
    yod = read(results["changemap:Change map"], 1)[0]
    assert np.array_equal(yod[truth > 0], truth[truth > 0])
    assert read(results["landtrendr:Fitted values"])[0].shape == (len(YEARS), 16, 16)

"""The shared algorithm base: core progress reaches Processing's feedback without flooding its log."""

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from timestack.core.runtime import Cancelled, TimestackError
from timestack.processing.algorithm import TimestackAlgorithm


def test_repeated_progress_messages_log_once_per_kind(qgis_app):
    feedback = QgsProcessingFeedback()
    progress, is_cancelled = TimestackAlgorithm.core_callbacks(feedback)
    for done in range(1, 101):
        progress(done * 0.9, f"Composited chunk {done} of 100")
    progress(95.0, "Writing the stack")
    progress(100.0, "")
    log = feedback.textLog()
    assert log.count("Composited chunk") == 1 and "Writing the stack" in log
    assert feedback.progress() == 100.0
    assert not is_cancelled()
    feedback.cancel()
    assert is_cancelled()


def test_core_signals_become_processing_errors_that_name_the_parameter(qgis_app):
    """One mapping for every algorithm: a cancel is an error (never an empty success), and a user error
    says which parameter to fix."""
    algorithm = TimestackAlgorithm()
    with pytest.raises(QgsProcessingException, match="^Composite cancelled; nothing was written"):
        with algorithm.core_errors("Composite"):
            raise Cancelled()
    with pytest.raises(QgsProcessingException, match="^EXTENT: lies outside every scene"):
        with algorithm.core_errors("Composite"):
            raise TimestackError("lies outside every scene", "EXTENT")
    with pytest.raises(QgsProcessingException, match="^AOI is empty$"):
        with algorithm.core_errors("Search"):
            raise TimestackError("AOI is empty", "AOI")  # already named: not repeated
    with pytest.raises(KeyError):  # a bug is not dressed up as a user error
        with algorithm.core_errors("Search"):
            raise KeyError("x")


@pytest.fixture(scope="module")
def sample():
    from pathlib import Path

    from timestack.core.sample_archive import ensure_sample_archive

    return ensure_sample_archive(Path(__file__).resolve().parents[2] / "build" / "sample" / "small", "small")


def check(algorithm_id: str, parameters: dict):
    from qgis.core import QgsApplication, QgsProcessingContext

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    return algorithm.checkParameterValues(parameters, QgsProcessingContext())


@pytest.mark.parametrize(
    ("algorithm_id", "parameters", "message"),
    [
        ("timestack:searchscenes", {"MAX_CLOUD": -5}, "MAX_CLOUD must be between 0 and 100, got -5."),
        ("timestack:searchscenes", {"DOY_START": 0}, "DOY_START must be between 1 and 366, got 0."),
        ("timestack:searchscenes", {"DOY_END": 400}, "DOY_END must be between 1 and 366, got 400."),
        ("timestack:searchscenes", {"MAX_ITEMS": "2.5"}, "MAX_ITEMS must be a whole number, got 2.5."),
        ("timestack:composite", {"PERCENTILE": 150}, "PERCENTILE must be between 0 and 100, got 150."),
        ("timestack:composite", {"CHUNK_SIZE": 0}, "CHUNK_SIZE must be at least 16, got 0."),
        ("timestack:composite", {"BANDS": [0, 9]}, "BANDS: 9 is not one of the choices (0 = blue,"),
        ("timestack:composite", {"METHOD": "0,1"}, "METHOD takes one choice"),
        ("timestack:composite", {"RESOLUTION": "abc"}, "RESOLUTION must be a number, got 'abc'."),
        ("timestack:composite", {"START_YEAR": 20224}, "START_YEAR must be between 1972 and 2100"),
        ("timestack:composite", {"MAX_GB": -1}, "MAX_GB must be at least 0, got -1."),
        ("timestack:changemap", {"MMU": -5}, "MMU must be at least 1, got -5."),
        (
            "timestack:zonalstats",
            {"MIN_VALID_FRACTION": 2},
            "MIN_VALID_FRACTION must be between 0 and 1, got 2.",
        ),
    ],
)
def test_out_of_range_values_are_refused_with_the_range(provider, algorithm_id, parameters, message):
    ok, text = check(algorithm_id, parameters)
    assert not ok and text.startswith(message)


def test_core_argument_names_become_the_parameters_a_user_sets(qgis_app):
    from timestack.processing.landtrendr import LandTrendrAlgorithm

    error = TimestackError("stack_path: /x.tif does not exist", "stack_path")
    assert LandTrendrAlgorithm().core_message(error) == "INPUT: /x.tif does not exist"


def test_an_unwritable_output_folder_is_an_error_naming_the_output(provider, sample, tmp_path):
    import processing

    parameters = {"ITEMS": str(sample.item_collection), "START_YEAR": 2009, "END_YEAR": 2009}
    with pytest.raises(QgsProcessingException, match="^OUTPUT: cannot use /sys/.*choose a folder you can"):
        processing.run("timestack:composite", {**parameters, "OUTPUT": "/sys/timestack/stack.tif"})


def test_a_truncated_input_raster_is_an_error_naming_the_input(provider, sample, tmp_path):
    import processing

    stack = tmp_path / "stack.tif"
    composite = processing.run(
        "timestack:composite",
        {
            "ITEMS": str(sample.item_collection),
            "START_YEAR": 2009,
            "END_YEAR": 2012,
            "BANDS": [],
            "INDICES": "NBR",
            "OUTPUT": str(tmp_path / "whole.tif"),
        },
    )
    whole = open(composite["OUTPUT"], "rb").read()
    stack.write_bytes(whole[: len(whole) * 2 // 3])
    with pytest.raises(QgsProcessingException, match="^INPUT: "):
        processing.run(
            "timestack:landtrendr",
            {"INPUT": str(stack), "INDEX": "NBR", "OUTPUT_VERTICES": str(tmp_path / "vertices.tif")},
        )


class _Broken(TimestackAlgorithm):
    """An algorithm with a bug in it: its run divides by zero."""

    def name(self):
        return "broken"

    def displayName(self):
        return "Broken"

    def initAlgorithm(self, config=None):
        pass

    def processAlgorithm(self, parameters, context, feedback):
        return {"RATIO": 1 / 0}


def test_a_bug_is_one_sentence_for_the_user_and_a_traceback_in_the_log(qgis_app):
    from qgis.core import QgsApplication, QgsProcessingContext

    logged = []

    def keep(message, tag, _level):
        logged.append((tag, message))

    QgsApplication.messageLog().messageReceived.connect(keep)
    try:
        with pytest.raises(QgsProcessingException) as raised:
            _Broken().processAlgorithm({}, QgsProcessingContext(), QgsProcessingFeedback())
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(keep)
    message = str(raised.value)
    assert message.startswith("Broken stopped on an unexpected error (ZeroDivisionError: division by zero)")
    assert "Traceback" not in message and "report it" in message
    assert any(
        tag == "Timestack" and "ZeroDivisionError" in text and "Traceback" in text for tag, text in logged
    )


@pytest.mark.parametrize("suffix", ["json", "csv", "txt"])
def test_a_raster_output_of_no_raster_type_is_told_only_the_type_accepted(provider, suffix):
    """The hint names GeoTIFF alone: GDAL's other raster types (.vrt, .nc, ...) are refused as well."""
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("timestack:resample")
    output = algorithm.parameterDefinition("OUTPUT")
    text = algorithm.raster_destination_problem(output, f"/data/stack.{suffix}")
    accepted = "Timestack writes GeoTIFF rasters: name the file .tif."
    assert text == f"OUTPUT: '.{suffix}' is not a raster format; {accepted}"
    assert "vrt" not in text and "one of" not in text
    refused = algorithm.raster_destination_problem(output, "/data/stack.vrt")
    assert refused == "OUTPUT: Timestack writes GeoTIFF rasters, not '.vrt'; name the file .tif."


def test_a_failure_naming_a_signed_address_keeps_its_credential_out():
    """Every Processing failure goes through ``fail``: an unreadable signed address (an OSError's file
    name, a core message) is named, its signature is not."""
    error = TimestackAlgorithm.fail(
        "INPUT: cannot read https://a.blob.core.windows.net/c/x.tif?se=2030&sig=SECRET%3D"
    )
    assert "SECRET" not in str(error) and "x.tif?se=2030&sig=***" in str(error)

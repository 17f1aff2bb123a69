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

"""The shared algorithm base: core progress reaches Processing's feedback without flooding its log."""

from qgis.core import QgsProcessingFeedback
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

"""The size estimate every raster run makes before reading (core/io/budget): pixels x bands x dates,
bytes read, written and held; refused beyond MAX_GB or the memory available, before any output."""

from __future__ import annotations

import numpy as np
import pytest

from tests.helpers.rasters import write_stack
from timestack.core.io.budget import SizeEstimate, available_memory
from timestack.core.io.engine import OutputSpec, SourceSpec, block_windows, estimate_windows, run_windows
from timestack.core.runtime import TimestackError


@pytest.fixture()
def stack(tmp_path):
    data = np.random.default_rng(1).uniform(0, 1, (6, 40, 50)).astype("float32")
    return write_stack(
        tmp_path / "stack.tif", data, [f"{2000 + year}_nbr" for year in range(6)], nodata=np.nan
    )


def test_the_estimate_counts_pixels_bands_dates_and_bytes(stack):
    sources = {"index": SourceSpec(stack, (1, 2, 3, 4, 5, 6))}
    outputs = {
        "out": OutputSpec(stack.with_name("out.tif"), 2),
        "count": OutputSpec("c.tif", 1, dtype="int16"),
    }
    windows = block_windows(50, 40, 16)
    estimate = estimate_windows(sources, outputs, windows, 2, 2, dates=6)
    assert (estimate.width, estimate.height, estimate.bands, estimate.dates) == (50, 40, 1, 6)
    assert estimate.values == 50 * 40 * 6
    assert estimate.read_bytes == 50 * 40 * 6 * 4
    assert estimate.output_bytes == 50 * 40 * (2 * 4 + 2)
    assert estimate.memory_bytes == 16 * 16 * (5 * 8 * 6 + 8 * 3 + 4 * 10)
    assert "50 x 40 pixels x 1 bands x 6 dates" in estimate.describe()


def test_a_run_over_the_limit_is_refused_by_max_gb_with_its_size_and_writes_nothing(stack, tmp_path):
    target = tmp_path / "out" / "mean.tif"
    with pytest.raises(TimestackError, match=r"Size estimate: 50 x 40 pixels.*MAX_GB=1e-06 GB") as raised:
        run_windows(
            {"s": SourceSpec(stack, (1, 2))}, {"m": OutputSpec(target, 1)},
            lambda window, arrays: {"m": arrays["s"].mean(axis=0)}, max_gb=1e-6,
        )  # fmt: skip
    assert raised.value.parameter == "MAX_GB"
    assert not target.exists() and list(tmp_path.iterdir()) == [stack]
    # the same run within the limit (or with none) writes
    run_windows({"s": SourceSpec(stack, (1, 2))}, {"m": OutputSpec(target, 1)},
                lambda window, arrays: {"m": arrays["s"].mean(axis=0)}, max_gb=1.0)  # fmt: skip
    assert target.exists()


def test_more_memory_than_available_is_refused_whatever_the_limit():
    estimate = SizeEstimate(10_000, 10_000, 7, 40, 10**9, 10**9, 64 * 10**9)
    with pytest.raises(TimestackError, match="more memory than this computer has available") as raised:
        estimate.check(None, memory=16 * 10**9)
    assert raised.value.parameter == "MAX_GB"
    estimate.check(None, memory=128 * 10**9)  # enough memory, no limit: runs
    estimate.check(0, memory=128 * 10**9)  # 0 is no limit too


def test_the_limit_counts_reads_and_writes():
    reads = SizeEstimate(100, 100, 1, 1, 3 * 10**9, 10**6, 10**6)
    writes = SizeEstimate(100, 100, 1, 1, 10**6, 3 * 10**9, 10**6)
    for estimate in (reads, writes):
        with pytest.raises(TimestackError, match="MAX_GB=2 GB"):
            estimate.check(2.0, memory=10**12)
        estimate.check(4.0, memory=10**12)


def test_the_machine_reports_its_available_memory():
    memory = available_memory()
    assert memory is None or memory > 10**7


def test_a_refusal_is_translated_with_its_estimate_and_advice():
    estimate = SizeEstimate(100, 100, 1, 1, 3 * 10**9, 10**6, 10**6)
    with pytest.raises(TimestackError) as raised:
        estimate.check(1.0, memory=10**12)
    shouted = raised.value.translated(lambda _context, source: source.upper())
    assert (
        shouted.startswith("SIZE ESTIMATE: 100 X 100 PIXELS")
        and "MAX_GB=1 GB. CHOOSE A SMALLER AREA" in shouted
    )

"""Animations: one frame per date in date order with its label, one stretch for every frame (a value has
the same colour on every date), RGB of three variables, AOI outlines, MP4 where an encoder exists."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageSequence

from tests.helpers.rasters import NODATA, ORIGIN, PIXEL, write_stack
from timestack.core.cube.animation import (
    _RESERVED,
    LABEL_TEXT,
    NODATA_INDEX,
    OUTLINE,
    RAMP_COLOURS,
    animate_stack,
    render_frames,
)
from timestack.core.runtime import Cancelled, TimestackError

YEARS = [2003, 2001, 2002, 2000]  # written out of order: frames must come in date order


@pytest.fixture()
def stack(tmp_path):
    """A nbr stack whose year Y holds 100·(Y-2000) + the column: frames differ, columns repeat values."""
    cols = np.arange(60)
    data = np.stack([np.tile(100 * (y - 2000) + cols, (40, 1)) for y in YEARS]).astype("int16")
    data[:, -1, -1] = NODATA
    return write_stack(tmp_path / "nbr.tif", data, [f"{y}_nbr" for y in YEARS]), data


def _frames(path):
    with Image.open(path) as gif:
        return [np.asarray(frame.convert("RGB")) for frame in ImageSequence.Iterator(gif)]


def test_gif_has_one_frame_per_date_in_order_with_date_labels(stack, tmp_path):
    path, _ = stack
    animation = animate_stack(path, tmp_path / "nbr.gif", frame_ms=200)
    assert animation.labels == ["2000", "2001", "2002", "2003"]
    frames = _frames(tmp_path / "nbr.gif")
    assert len(frames) == 4
    with Image.open(tmp_path / "nbr.gif") as gif:
        assert gif.info["duration"] == 200 and gif.info["loop"] == 0
    # Each frame is brighter than the one before (values rise by 100 a year) in the same place.
    means = [frame[200:, 100:, 0].mean() for frame in frames]
    assert means == sorted(means) and len(set(means)) == 4
    # Each label is white text in the top-left corner, and a different text on every frame.
    texts = [(frame[:40, :80] == np.array(_RESERVED[LABEL_TEXT])).all(axis=-1) for frame in frames]
    assert all(text.sum() > 20 for text in texts)
    assert all((a != b).any() for a, b in zip(texts, texts[1:]))
    assert not (frames[0][60:] == np.array(_RESERVED[LABEL_TEXT])).all(axis=-1).any()


def test_one_stretch_for_the_whole_stack_gives_a_value_the_same_colour_on_every_date(stack, tmp_path):
    path, data = stack
    animation = animate_stack(path, tmp_path / "nbr.gif", stretch=(0, 100))
    valid = data[data != NODATA]
    assert animation.stretch == [(float(valid.min()), float(valid.max()))]
    scale = animation.frames[0].size[0] // data.shape[2]
    row = 30 * scale
    # Every frame maps a value to the palette entry its place on the stack-wide stretch gives.
    indices = [np.asarray(frame) for frame in animation.frames]
    assert all(frame.getpalette() == animation.frames[0].getpalette() for frame in animation.frames)
    low, high = animation.stretch[0]
    for k, year in enumerate(sorted(YEARS)):
        for col in (5, 30, 58):
            value = 100 * (year - 2000) + col
            expected = round((value - low) / (high - low) * (RAMP_COLOURS - 1))
            assert indices[k][row, col * scale + scale // 2] == expected
    assert indices[0][-1, -1] == NODATA_INDEX


def test_rgb_frames_share_one_palette_fitted_to_all_frames(tmp_path):
    rng = np.random.default_rng(3)
    dates = ["2021-06-01", "2021-07-01", "2021-08-01"]
    bands, descriptions = [], []
    for name in ("red", "green", "blue"):
        for date in dates:
            bands.append(rng.random((20, 30)).astype("float32"))
            descriptions.append(f"{date}_{name}")
    for channel in range(3):  # the top rows of June equal July's in every channel
        bands[3 * channel][:8] = bands[3 * channel + 1][:8]
    path = write_stack(tmp_path / "rgb.tif", np.stack(bands), descriptions, nodata=np.nan)
    animation = animate_stack(path, tmp_path / "rgb.gif", rgb=["red", "green", "blue"])
    assert animation.labels == dates and len(animation.stretch) == 3
    assert len(_frames(tmp_path / "rgb.gif")) == 3
    assert all(frame.getpalette() == animation.frames[0].getpalette() for frame in animation.frames)
    june, july = (np.asarray(frame) for frame in animation.frames[:2])
    scale = june.shape[1] // 30
    top = slice(5 * scale, 8 * scale)  # rows 5-7, right of the date label
    np.testing.assert_array_equal(june[top, 10 * scale :], july[top, 10 * scale :])
    assert (june[10 * scale :] != july[10 * scale :]).any()


def test_aoi_outline_is_drawn_where_the_polygon_is(stack, tmp_path):
    path, _ = stack
    x0, y0 = ORIGIN
    ring = [(x0 + 10 * PIXEL, y0 - 10 * PIXEL), (x0 + 30 * PIXEL, y0 - 10 * PIXEL),
            (x0 + 30 * PIXEL, y0 - 30 * PIXEL), (x0 + 10 * PIXEL, y0 - 30 * PIXEL)]  # fmt: skip
    animation = render_frames(path, aoi=[ring])
    index = np.asarray(animation.frames[0])
    scale = index.shape[1] // 60
    assert index[20 * scale, 10 * scale] == OUTLINE and index[10 * scale, 20 * scale] == OUTLINE
    assert index[20 * scale, 20 * scale] != OUTLINE  # inside: data, not filled


def test_mp4_has_every_frame(stack, tmp_path):
    imageio_ffmpeg = pytest.importorskip("imageio_ffmpeg")
    path, _ = stack
    animate_stack(path, tmp_path / "nbr.mp4")
    reader = imageio_ffmpeg.read_frames(str(tmp_path / "nbr.mp4"))
    meta = next(reader)
    assert sum(1 for _ in reader) == 4 and meta["size"][0] % 2 == 0


def test_bad_choices_name_their_parameter(stack, tmp_path):
    path, _ = stack
    cases = [
        ({"variable": "ndvi"}, "BANDS"),
        ({"rgb": ["nbr", "nbr"]}, "RGB"),
        ({"stretch": (90, 10)}, "STRETCH"),
        ({"colormap": "no-such-ramp"}, "COLORMAP"),
    ]
    for options, parameter in cases:
        with pytest.raises(TimestackError) as caught:
            animate_stack(path, tmp_path / "bad.gif", **options)
        assert caught.value.parameter == parameter
    with pytest.raises(TimestackError) as caught:
        animate_stack(path, tmp_path / "bad.avi")
    assert caught.value.parameter == "OUTPUT"
    assert list(tmp_path.glob("*bad*")) == []


@pytest.mark.parametrize("when", ["drawing frame 1 of 4", "drawing frame 4 of 4"], ids=["drawing", "writing"])
def test_a_cancel_after_the_frames_are_read_stops_the_run_and_writes_nothing(stack, tmp_path, when):
    """Reading is most of a run's time but not all of it: a cancel while the frames are drawn or the file
    is encoded ends the run too (a SIGTERM'd qgis_process went on to write the GIF and succeed)."""
    path, _ = stack
    cancelled = []

    def progress(_percent, message=""):
        if message == when:
            cancelled.append(True)

    with pytest.raises(Cancelled):
        animate_stack(
            path, tmp_path / "out" / "nbr.gif", progress=progress, is_cancelled=lambda: bool(cancelled)
        )
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []

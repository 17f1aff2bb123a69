"""An animated GIF (or MP4) of a dated stack: one frame per date, one stretch for all frames.

A time-series animation is read by comparing frames, so a pixel value must have the same colour in every
frame: the stretch is fixed once from percentiles of the whole stack (per channel for RGB), never per
frame as an image viewer would do. Frames are palette images sharing one palette (a colour ramp for one
variable; for RGB a palette fitted once to all frames), so even the GIF's 256 colours cannot shift a
value's colour between frames. Each frame carries its date, and optionally the outline of an AOI.

GIFs are written with Pillow (which matplotlib, a required package, depends on); MP4 needs an ffmpeg
encoder, which the optional imageio-ffmpeg package ships.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from ..io.atomic import atomic_output
from ..io.bands import parse_band
from ..io.budget import SizeEstimate
from ..runtime import (
    QT_TRANSLATE_NOOP,
    Cancelled,
    IsCancelled,
    Progress,
    TimestackError,
    missing_package,
    no_progress,
)
from ..timescan.raster import stack_series

__all__ = ["Animation", "NODATA_INDEX", "RAMP_COLOURS", "animate_stack", "render_frames"]

#: Palette entries 0..RAMP_COLOURS-1 hold the stretch; the last entries are nodata, label and outline.
RAMP_COLOURS = 250
NODATA_INDEX, LABEL_BACKGROUND, LABEL_TEXT, OUTLINE = 250, 251, 252, 253
_RESERVED = {NODATA_INDEX: (0, 0, 0), LABEL_BACKGROUND: (0, 0, 0), LABEL_TEXT: (255, 255, 255),
             OUTLINE: (255, 214, 0)}  # fmt: skip
#: Ordered (Bayer) dithering for RGB: it hides the banding of 250 colours and, unlike error diffusion,
#: depends only on a pixel's position, so a value keeps its look from frame to frame.
_BAYER = np.array([[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]], dtype=np.float32)
_DITHER_STEP = 255 / RAMP_COLOURS ** (1 / 3)
#: Frames smaller than this (longest side, pixels) are enlarged by a whole factor, so labels fit.
MIN_SIDE = 320


@dataclass(frozen=True)
class Animation:
    """What was rendered: the file (or None), the frames' dates and labels, the fixed stretch
    (low, high per channel) every frame was drawn with, and whether no frame held a valid value (all
    nodata or NaN: the frames show only the nodata colour and the stretch means nothing)."""

    path: Optional[Path]
    dates: list[dt.date]
    labels: list[str]
    stretch: list[tuple[float, float]]
    frames: list  # PIL images, mode "P", one shared palette
    empty: bool = False


def _label(date: dt.date, annual: bool) -> str:
    return str(date.year) if annual else date.isoformat()


def _read(src, band: int, shape: tuple[int, int]) -> np.ndarray:
    from rasterio.enums import Resampling

    from ..io.grid import physical_values

    values = src.read(band, out_shape=shape, resampling=Resampling.nearest, masked=True)
    planes = values.astype(np.float32).filled(np.nan)[None]
    return physical_values(planes, src.scales[band - 1 : band], src.offsets[band - 1 : band])[0]


def _palette(colormap: str) -> list[int]:
    import matplotlib

    try:
        ramp = matplotlib.colormaps[colormap]
    except KeyError as exc:
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "COLORMAP: {0!r} is not a matplotlib colour map"),
            "COLORMAP",
            args=(colormap,),
        ) from exc
    colours = [tuple(round(255 * c) for c in ramp(i / (RAMP_COLOURS - 1))[:3]) for i in range(RAMP_COLOURS)]
    return _flat(colours)


def _flat(colours) -> list[int]:
    entries = list(colours)[:RAMP_COLOURS]
    entries += [(0, 0, 0)] * (RAMP_COLOURS - len(entries))
    entries += [_RESERVED[i] for i in sorted(_RESERVED)] + [(0, 0, 0)] * (256 - RAMP_COLOURS - len(_RESERVED))
    return [channel for colour in entries for channel in colour]


def _stretch(values: np.ndarray, low: float, high: float) -> tuple[float, float]:
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return 0.0, 1.0
    lo, hi = (float(v) for v in np.percentile(finite, [low, high]))
    return (lo, hi) if hi > lo else (lo, lo + 1.0)


def _scaled(values: np.ndarray, stretch: tuple[float, float]) -> np.ndarray:
    lo, hi = stretch
    with np.errstate(invalid="ignore"):
        return np.clip((values - lo) / (hi - lo), 0.0, 1.0)


def _font(size: int):
    from PIL import ImageFont

    try:
        from matplotlib import font_manager

        return ImageFont.truetype(font_manager.findfont("DejaVu Sans"), size)
    except (OSError, ImportError, ValueError):
        return ImageFont.load_default()


def render_frames(
    stack_path: str | os.PathLike,
    variable: Optional[str] = None,
    rgb: Optional[Sequence[str]] = None,
    stretch: tuple[float, float] = (2.0, 98.0),
    aoi: Optional[Sequence[Sequence[tuple[float, float]]]] = None,
    max_side: int = 720,
    colormap: str = "gray",
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    max_gb: Optional[float] = None,
) -> Animation:
    """The frames of an animation, without writing them (a dock previews these).

    One stretch for all frames, so brightness compares across dates.

    Parameters
    ----------
    stack_path
        A stack with dated band descriptions (:mod:`..io.bands`).
    variable
        The variable to show (lower case); needed when the stack holds several and ``rgb`` is not given.
    rgb
        Three variables shown as red, green and blue; only the dates all three have become frames.
    stretch
        Low and high percentiles (0–100) of all the stack's valid values that map to the ramp's ends.
    aoi
        Rings of (x, y) in the stack's CRS drawn as outlines.
    max_side
        Frames are read at most this many pixels on their longest side.
    colormap
        A matplotlib colour map name for a single variable.
    max_gb
        Refuse frames whose reads exceed this many GB (None: no limit), or that need more memory than
        the computer has, before reading; see :mod:`..io.budget`.
    progress, is_cancelled
        The caller's progress callback and cancel poll.

    Returns
    -------
    Animation
        The frames (``path`` None), their dates and labels, the stretch used.

    Raises
    ------
    TimestackError
        Naming INPUT (undated bands, a single date), BANDS, RGB, STRETCH, COLORMAP or AOI (no ring
        overlaps the stack).
    Cancelled
        The caller cancelled.
    """
    import rasterio
    from PIL import Image, ImageDraw

    progress = progress or no_progress
    low, high = stretch
    if not 0 <= low < high <= 100:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore", "STRETCH: percentiles must satisfy 0 ≤ low < high ≤ 100, got {0:g}, {1:g}"
            ),
            "STRETCH",
            args=(low, high),
        )  # fmt: skip
    if rgb and variable:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "BANDS and RGB are both set ({0}; {1}); give one variable in BANDS or three in RGB, not both"
            ),
            parameter="BANDS",
            args=(variable, ", ".join(rgb)),
        )  # fmt: skip
    if variable and "," in variable:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "BANDS: {0} names several variables; BANDS shows one with COLORMAP, RGB shows three as red, "
                "green and blue"
            ),
            parameter="BANDS",
            args=(variable,),
        )  # fmt: skip
    with rasterio.open(stack_path) as src:
        for band, description in enumerate(src.descriptions, start=1):
            if parse_band(description) is None:
                raise TimestackError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore",
                        "INPUT: band {0} ({1}) carries no date; an animation shows one frame per date, so "
                        "every band needs a description such as 1990_nbr, 2021-06-14_vv or 20210614"
                    ),
                    parameter="INPUT",
                    args=(band, description or "no description"),
                )  # fmt: skip
        series = stack_series(src.descriptions, Path(stack_path).stem.lower())
        if rgb:
            names = [name.strip().lower() for name in rgb]
            if len(names) != 3:
                name_three = QT_TRANSLATE_NOOP(
                    "TimestackCore", "RGB: name three variables (red, green, blue), got {0}"
                )
                raise TimestackError(name_three, parameter="RGB", args=(len(names),))
            parameter = "RGB"
        else:
            if variable is None and len(series) > 1:
                raise TimestackError(
                    QT_TRANSLATE_NOOP(
                        "TimestackCore", "BANDS: the stack holds {0}; choose one in BANDS or three in RGB"
                    ),
                    "BANDS",
                    args=(", ".join(series),),
                )  # fmt: skip
            names, parameter = [variable.strip().lower() if variable else next(iter(series))], "BANDS"
        missing = [name for name in names if name not in series]
        if missing:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "{0}: {1} not in the stack (it holds {2})"),
                parameter,
                args=(parameter, ", ".join(missing), ", ".join(series)),
            )
        bands = [dict(entries) for entries in (series[name] for name in names)]
        dates = sorted(set.intersection(*(set(b) for b in bands)))
        if not dates:
            raise TimestackError(
                QT_TRANSLATE_NOOP("TimestackCore", "{0}: {1} share no date"),
                parameter,
                args=(parameter, ", ".join(names)),
            )
        if len(dates) == 1:
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "{0}: {1} has only one date ({2}); an animation needs two or more, one frame per date"
                ),
                parameter=parameter if rgb else "INPUT",
                args=(parameter if rgb else "INPUT", ", ".join(names), dates[0].isoformat()),
            )  # fmt: skip
        if aoi and not any(_overlaps(ring, src.bounds) for ring in aoi):
            raise TimestackError(
                QT_TRANSLATE_NOOP(
                    "TimestackCore",
                    "AOI: no polygon overlaps the stack ({0:.10g}, {1:.10g} – {2:.10g}, {3:.10g} in its "
                    "CRS); choose polygons over the stack, or leave AOI empty"
                ),
                parameter="AOI",
                args=tuple(src.bounds),
            )  # fmt: skip
        factor = max(src.width, src.height) / max_side
        shape = (max(1, round(src.height / max(factor, 1))), max(1, round(src.width / max(factor, 1))))
        estimate = frames_estimate(shape, len(bands), len(dates), np.dtype(src.dtypes[0]).itemsize)
        estimate.check(max_gb)
        progress(0.0, estimate.describe())
        stacks = []
        for k, date in enumerate(dates):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("animation cancelled")
            stacks.append(np.stack([_read(src, b[date], shape) for b in bands]))
            progress(60.0 * (k + 1) / len(dates), f"reading frame {k + 1} of {len(dates)}")
        transform = src.transform * src.transform.scale(src.width / shape[1], src.height / shape[0])
    cube = np.stack(stacks)  # (frame, channel, row, col)
    stretches = [_stretch(cube[:, c], low, high) for c in range(cube.shape[1])]
    annual = all(d.month == 1 and d.day == 1 for d in dates)
    labels = [_label(date, annual) for date in dates]
    enlarge = max(1, math.ceil(MIN_SIDE / max(shape)))
    if len(names) == 1:
        palette = _palette(colormap)
    else:
        palette = _rgb_palette(cube, stretches)
    font = _font(max(12, enlarge * max(shape) // 24))
    frames = []
    for k, values in enumerate(cube):
        if is_cancelled is not None and is_cancelled():
            raise Cancelled("animation cancelled")
        index = _indices(values, stretches, palette, len(names) == 1)
        index = np.repeat(np.repeat(index, enlarge, axis=0), enlarge, axis=1)
        frame = Image.fromarray(index, mode="P")
        frame.putpalette(palette)
        draw = ImageDraw.Draw(frame)
        for ring in aoi or []:
            inverse = ~transform
            points = [tuple(v * enlarge for v in inverse * (x, y)) for x, y in ring]
            draw.line(points + points[:1], fill=OUTLINE, width=max(1, enlarge))
        margin = max(2, font.size // 4) if hasattr(font, "size") else 2
        box = draw.textbbox((margin, margin), labels[k], font=font)
        draw.rectangle(
            (box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin), fill=LABEL_BACKGROUND
        )
        draw.text((margin, margin), labels[k], fill=LABEL_TEXT, font=font)
        frames.append(frame)
        progress(60.0 + 30.0 * (k + 1) / len(cube), f"drawing frame {k + 1} of {len(cube)}")
    return Animation(None, dates, labels, stretches, frames, not np.isfinite(cube).any())


def frames_estimate(shape: tuple[int, int], channels: int, dates: int, item_size: int) -> SizeEstimate:
    """Frames of ``shape`` pixels: read in the stack's type, held as float64 for the stretch (twice: the
    stacked cube) and drawn as 8-bit frames enlarged to at least :data:`MIN_SIDE`."""
    pixels = shape[0] * shape[1]
    enlarge = max(1, math.ceil(MIN_SIDE / max(shape)))
    frames = pixels * enlarge * enlarge * dates
    memory = 2 * pixels * channels * dates * 8 + frames
    return SizeEstimate(
        shape[1], shape[0], channels, dates, pixels * channels * dates * item_size, frames, memory
    )


def _overlaps(ring: Sequence[tuple[float, float]], bounds) -> bool:
    """Whether the bounding box of ``ring`` meets ``bounds`` (left, bottom, right, top)."""
    if not ring:
        return False
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    left, bottom, right, top = bounds
    return min(xs) <= right and max(xs) >= left and min(ys) <= top and max(ys) >= bottom


def _rgb_palette(cube: np.ndarray, stretches) -> list[int]:
    """One palette for all RGB frames: Pillow's median cut over every frame's colours at once."""
    from PIL import Image

    rgb = np.stack([_scaled(cube[:, c], stretches[c]) for c in range(3)], axis=-1)  # f, r, c, 3
    valid = np.isfinite(cube).all(axis=1)
    colours = (np.nan_to_num(rgb[valid]) * 255).round().astype(np.uint8)
    if colours.size == 0:
        colours = np.zeros((1, 3), np.uint8)
    sample = Image.fromarray(colours.reshape(1, -1, 3), mode="RGB")
    fitted = sample.quantize(colors=RAMP_COLOURS, method=Image.Quantize.MEDIANCUT).getpalette()[
        : 3 * RAMP_COLOURS
    ]
    return _flat(tuple(fitted[i : i + 3]) for i in range(0, len(fitted), 3))


def _indices(values: np.ndarray, stretches, palette: list[int], ramp: bool) -> np.ndarray:
    """Palette indices of one frame (channel, row, col): the ramp position, or the nearest palette colour."""
    invalid = ~np.isfinite(values).all(axis=0)
    if ramp:
        index = np.round(np.nan_to_num(_scaled(values[0], stretches[0])) * (RAMP_COLOURS - 1)).astype(
            np.uint8
        )
    else:
        rgb = np.stack([np.nan_to_num(_scaled(values[c], stretches[c])) * 255 for c in range(3)], axis=-1)
        rows, cols = rgb.shape[:2]
        threshold = np.tile(_BAYER, (rows // 4 + 1, cols // 4 + 1))[:rows, :cols]
        rgb = rgb + ((threshold + 0.5) / 16 - 0.5)[..., None] * _DITHER_STEP
        colours = np.asarray(palette[: 3 * RAMP_COLOURS], dtype=np.float32).reshape(-1, 3)
        flat = rgb.reshape(-1, 3)
        index = np.empty(flat.shape[0], np.uint8)
        for start in range(0, flat.shape[0], 65536):  # nearest colour, a block of pixels at a time
            block = flat[start : start + 65536]
            index[start : start + 65536] = ((block[:, None, :] - colours[None]) ** 2).sum(-1).argmin(1)
        index = index.reshape(rgb.shape[:2])
    index[invalid] = NODATA_INDEX
    return index


def animate_stack(
    stack_path: str | os.PathLike,
    output_path: str | os.PathLike,
    frame_ms: int = 500,
    progress: Optional[Progress] = None,
    is_cancelled: Optional[IsCancelled] = None,
    **options,
) -> Animation:
    """Render the stack to ``output_path``: ``.gif`` with Pillow, ``.mp4`` with imageio-ffmpeg's encoder.

    Parameters
    ----------
    stack_path
        A stack with dated band descriptions.
    output_path
        The ``.gif`` or ``.mp4`` to write (atomically).
    frame_ms
        Milliseconds per frame.
    progress, is_cancelled
        The caller's progress callback and cancel poll.
    **options
        :func:`render_frames`' choices (variable, rgb, stretch, aoi, max_side, colormap).

    Returns
    -------
    Animation
        The frames, with ``path`` the file written.

    Raises
    ------
    TimestackError
        Naming OUTPUT for another suffix or a missing encoder (the package or its ffmpeg), and what
        :func:`render_frames` raises.
    Cancelled
        The caller cancelled; nothing is written.
    """
    output_path = Path(output_path)
    suffix = output_path.suffix.lower()
    if suffix not in (".gif", ".mp4"):
        raise TimestackError(
            QT_TRANSLATE_NOOP("TimestackCore", "OUTPUT: {0} is neither .gif nor .mp4"),
            parameter="OUTPUT",
            args=(output_path.name,),
        )
    if suffix == ".mp4":
        try:
            import imageio_ffmpeg
        except ImportError as exc:
            raise missing_package("OUTPUT .mp4", "imageio-ffmpeg", parameter="OUTPUT") from exc
        _ffmpeg(imageio_ffmpeg)
    progress = progress or no_progress
    animation = render_frames(stack_path, progress=progress, is_cancelled=is_cancelled, **options)
    with atomic_output(output_path) as temporary:
        if suffix == ".gif":
            first, *rest = animation.frames
            first.save(
                temporary, save_all=True, append_images=rest, duration=frame_ms, loop=0, optimize=False
            )
        else:
            _write_mp4(imageio_ffmpeg, animation.frames, temporary, 1000.0 / frame_ms)
        if is_cancelled is not None and is_cancelled():  # while encoding: the file is not kept
            raise Cancelled("animation cancelled")
    progress(100.0, "")
    return Animation(
        output_path, animation.dates, animation.labels, animation.stretch, animation.frames, animation.empty
    )


def _ffmpeg(imageio_ffmpeg) -> str:
    """The ffmpeg executable imageio-ffmpeg will run, or an error naming OUTPUT before any frame is drawn
    (``IMAGEIO_FFMPEG_EXE`` may name one that is not there, and a platform may lack the bundled one)."""
    try:
        exe = imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError:
        exe = ""
    found = exe if exe and os.path.isfile(exe) and os.access(exe, os.X_OK) else shutil.which(exe or "ffmpeg")
    if not found:
        raise TimestackError(
            QT_TRANSLATE_NOOP(
                "TimestackCore",
                "OUTPUT: an MP4 needs the ffmpeg encoder and none was found ({0}); reinstall the "
                "imageio-ffmpeg package or install ffmpeg, or name the file .gif"
            ),
            parameter="OUTPUT",
            args=(exe or "ffmpeg",),
        )  # fmt: skip
    return found


def _write_mp4(imageio_ffmpeg, frames, path: Path, fps: float) -> None:
    """H.264 needs even sides: frames are padded by a black row/column where needed."""
    width, height = frames[0].size
    even = (width + width % 2, height + height % 2)
    writer = imageio_ffmpeg.write_frames(str(path), even, fps=fps, codec="libx264", pix_fmt_out="yuv420p",
                                         macro_block_size=1, quality=8)  # fmt: skip
    writer.send(None)
    try:
        for frame in frames:
            rgb = np.zeros((even[1], even[0], 3), np.uint8)
            rgb[:height, :width] = np.asarray(frame.convert("RGB"))
            writer.send(np.ascontiguousarray(rgb))
    finally:
        writer.close()

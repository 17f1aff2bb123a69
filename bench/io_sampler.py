"""Where an in-process run's threads spend their time: reading and writing rasters, or computing.

Algorithms that do not run on the windowed engine (the composite's scene pool, per-scene polygon
statistics) have no engine figures, and the bench measures the composite through its public API only.
:class:`IoSampler` looks at every thread's Python stack 200 times a second (``sys._current_frames``,
no change to the code measured): a sample is I/O when the innermost Timestack frame is on a line that
reads or writes a raster (``.read(``, ``.write(``, ``read_window(``, GDAL's ``ReadAsArray``/``WriteArray``,
opening or translating a file), computing when it is anywhere else in Timestack, and idle (not counted)
when the thread waits for work or is not Timestack's. GDAL and numba release the GIL, so a thread inside
them still shows the Python line that called them. The share is I/O samples over busy samples: the
part of the algorithm threads' working time spent waiting on reads and writes.
"""

from __future__ import annotations

import linecache
import re
import sys
import threading
import time

IO_LINE = re.compile(
    r"\.(read|write|read_masked|ReadAsArray|ReadRaster|WriteArray|WriteRaster|FlushCache|build_overviews)\("
    r"|read_window\(|rasterio\.open\(|gdal\.(Open|Translate|Warp|BuildVRT)\(|_read\("
)
IDLE_FUNCTIONS = {"wait", "get", "result", "_wait_for_tstate_lock", "join", "select", "poll", "acquire"}
PACKAGE = "/timestack/"


class IoSampler:
    """``with IoSampler() as sampler: run()`` then ``sampler.io_share``."""

    def __init__(self, interval: float = 0.005):
        self.interval = interval
        self.io = 0
        self.compute = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="io-sampler", daemon=True)

    def __enter__(self) -> IoSampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def io_share(self) -> float:
        busy = self.io + self.compute
        return self.io / busy if busy else 0.0

    def _classify(self, frame) -> str:
        if frame.f_code.co_name in IDLE_FUNCTIONS:
            return "idle"
        while frame is not None:
            if PACKAGE in frame.f_code.co_filename.replace("\\", "/"):
                line = linecache.getline(frame.f_code.co_filename, frame.f_lineno)
                return "io" if IO_LINE.search(line) else "compute"
            frame = frame.f_back
        return "idle"

    def _sample(self) -> None:
        me = threading.get_ident()
        while not self._stop.is_set():
            for ident, frame in sys._current_frames().items():
                if ident == me:
                    continue
                kind = self._classify(frame)
                if kind == "io":
                    self.io += 1
                elif kind == "compute":
                    self.compute += 1
            time.sleep(self.interval)

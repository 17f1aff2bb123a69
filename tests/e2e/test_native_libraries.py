"""Which native libraries the plugin brings into QGIS's process, and which of them a host library shadows.

The polygon-statistics crash came from one pattern: a pip wheel bundles its own copy of a library the
host has already loaded into the global symbol scope (exactextract's GEOS 3.14 against Debian's 3.11),
and the wheel's calls bind to the host's copy. This test finds every instance of that pattern, not only
the one we met: it loads all of Timestack inside the real QGIS desktop (the process with the most
libraries: Qt, GL and mesa's LLVM, GDAL, PROJ, GEOS, curl), lists the shared objects mapped there and
compares the symbols each wheel library defines with those the host's libraries define. A new overlap
fails the test until it is understood and made safe here.
"""

from __future__ import annotations

import collections
import json
import subprocess

#: Wheel libraries known to define symbols a host library also defines, and why each is safe.
UNDERSTOOD = {
    # Bound to its own GEOS by RTLD_DEEPBIND at import (timestack.core.native); the desktop run below
    # checks the isolation took effect, test_zonalstats_irregular that it measures correctly.
    "exactextract.libs/libgeos_c": "isolated",
    "exactextract.libs/libgeos-": "isolated",
    # Brotli for urllib3 (installed with the test STAC server, not by the plugin): its decoder's C API
    # is stable since 1.0 and every exported entry point binds to the host's one copy, so state never
    # crosses versions; the desktop run below checks a round trip against a clean process's bytes.
    "_brotli.": "consistent C API",
}

DESKTOP_PROBE = """
import importlib, json, os, pkgutil, traceback
answer = {{}}
try:
    import timestack
    for module in pkgutil.walk_packages(timestack.__path__, "timestack."):
        if ".gui" not in module.name:
            importlib.import_module(module.name)
    from timestack.core import native
    native.exactextract()
    answer["isolated"] = sorted(native._isolated)
    import numba, numpy as np
    answer["numba"] = float(numba.njit(lambda a: (a * a).sum())(np.arange(10.0)))
    try:
        import brotli
        answer["brotli"] = brotli.decompress(bytes.fromhex({compressed!r})).decode()
    except ImportError:
        pass
    answer["mapped"] = sorted({{line.split()[5] for line in open("/proc/self/maps")
                               if len(line.split()) >= 6 and ".so" in line.split()[5]}})
except Exception:
    answer["error"] = traceback.format_exc()
open({answer_path!r}, "w").write(json.dumps(answer))
os._exit(0)
"""


def _defined_symbols(path: str) -> set:
    """Global functions and data ``path`` exports (weak C++ instantiations and module hooks left out)."""
    listing = subprocess.run(["nm", "-D", "--defined-only", path], capture_output=True, text=True).stdout
    symbols = set()
    for line in listing.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDBR" and not parts[2].startswith(("PyInit_", "_init", "_fini")):
            symbols.add(parts[2])
    return symbols - {"_edata", "_end", "__bss_start"}


def test_no_wheel_library_is_shadowed_by_a_host_library_unnoticed(qgis_desktop, tmp_path):
    text = "a brotli body, as a STAC API may send it"
    compressed = ""
    try:
        import brotli

        compressed = brotli.compress(text.encode()).hex()
    except ImportError:
        pass
    answer_path = tmp_path / "answer.json"
    done = qgis_desktop(DESKTOP_PROBE.format(compressed=compressed, answer_path=str(answer_path)))
    assert answer_path.exists(), f"QGIS exited with {done.returncode}:\n{done.stderr[-3000:]}"
    answer = json.loads(answer_path.read_text())
    assert "error" not in answer, answer["error"]
    assert answer["isolated"] == ["exactextract"] and answer["numba"] == 285.0
    if compressed:
        assert answer["brotli"] == text

    mapped = answer["mapped"]
    wheels = [path for path in mapped if "site-packages/" in path and "/usr/lib/python3" not in path]
    host_symbols = collections.defaultdict(set)
    for path in mapped:
        if path not in wheels:
            for symbol in _defined_symbols(path):
                host_symbols[symbol].add(path)
    assert wheels and host_symbols  # the probe saw both sides
    shadowed = {}
    for path in wheels:
        clashes = {symbol for symbol in _defined_symbols(path) if symbol in host_symbols}
        if clashes:
            hosts = sorted({host for symbol in clashes for host in host_symbols[symbol]})
            shadowed[path.split("site-packages/", 1)[1]] = (len(clashes), hosts)
    unexplained = {
        name: clash for name, clash in shadowed.items() if not any(key in name for key in UNDERSTOOD)
    }
    assert not unexplained, f"wheel libraries whose symbols a host library also defines: {unexplained}"
    assert any("exactextract.libs/libgeos_c" in name for name in shadowed)  # the audit finds the known one

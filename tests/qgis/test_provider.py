"""What the provider offers beyond the algorithms' own tests: the shipped models as algorithms, and a
help page for each algorithm."""

import re
from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QUrl

from timestack.paths import README
from timestack.processing.algorithm import heading_anchor
from timestack.processing.models import MODELS_DIR
from timestack.processing.provider import ALGORITHMS


def _ids():
    return [f"timestack:{cls().name()}" for cls in ALGORITHMS] + [
        f"timestack:{path.stem}" for path in sorted(MODELS_DIR.glob("*.model3"))
    ]


def test_every_shipped_model_is_an_algorithm_whose_children_resolve(provider):
    stems = sorted(path.stem for path in MODELS_DIR.glob("*.model3"))
    assert "scenes_to_statistics" in stems and "landtrendr_changemap" in stems
    for stem in stems:
        model = QgsApplication.processingRegistry().createAlgorithmById(f"timestack:{stem}")
        assert model is not None, stem
        assert model.group() == "Models" and model.groupId() == "models"
        for child_id, child in model.childAlgorithms().items():
            assert child.algorithm() is not None, f"{stem}: child {child_id} ({child.algorithmId()})"


def test_the_chain_model_runs_search_composite_landtrendr_changemap_zonalstats_in_order(provider):
    model = QgsApplication.processingRegistry().createAlgorithmById("timestack:scenes_to_statistics")
    children = model.childAlgorithms()
    assert {child.algorithmId() for child in children.values()} == {
        "timestack:searchscenes",
        "timestack:composite",
        "timestack:landtrendr",
        "timestack:changemap",
        "timestack:zonalstats",
    }
    assert model.dependsOnChildAlgorithms("changemap") == {"landtrendr", "composite", "search"}
    assert "composite" in model.dependsOnChildAlgorithms("zonalstats")


def test_every_algorithm_help_url_opens_its_own_readme_section(provider):
    headings = re.findall(r"(?m)^#{1,4} (.+?)\s*$", README.read_text(encoding="utf-8"))
    anchors = {heading_anchor(heading) for heading in headings}
    for algorithm_id in _ids():
        url = QUrl(provider.algorithm(algorithm_id.split(":")[1]).helpUrl())
        assert url.isLocalFile() and Path(url.toLocalFile()) == README and README.is_file()
        assert url.fragment() == heading_anchor(algorithm_id), algorithm_id
        assert url.fragment() in anchors, f"README.md has no section '### {algorithm_id}'"


def test_anchors_are_the_ones_markdown_renderers_make():
    assert heading_anchor("timestack:landtrendr") == "timestacklandtrendr"
    assert heading_anchor("Installing in your own QGIS") == "installing-in-your-own-qgis"


#: What only a run needs: imported by the algorithms when they run, never when QGIS (or every
#: ``qgis_process`` call) loads the provider — together they cost about a second per start-up.
RUN_TIME_PACKAGES = ("numba", "pandas", "pystac", "pystac_client", "scipy", "shapely", "matplotlib", "ee")


def test_loading_the_provider_imports_no_package_only_a_run_needs():
    import json
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    script = (
        "import json, sys\n"
        "from qgis.core import QgsApplication\n"
        "app = QgsApplication([], False)\n"
        "app.initQgis()\n"
        "from timestack.processing.provider import TimestackProvider\n"
        "provider = TimestackProvider()\n"
        "QgsApplication.processingRegistry().addProvider(provider)\n"
        f"print(json.dumps(sorted(m for m in {RUN_TIME_PACKAGES!r} if m in sys.modules)))\n"
        "print(len(provider.algorithms()))\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"}
    completed = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=True,
    )
    imported, count = completed.stdout.strip().splitlines()[-2:]
    assert int(count) == len(_ids())
    assert json.loads(imported) == []

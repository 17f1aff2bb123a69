"""What the provider offers beyond the algorithms' own tests: help pages for each of them."""

import re
from pathlib import Path

from qgis.PyQt.QtCore import QUrl

from timestack.paths import README
from timestack.processing.algorithm import heading_anchor
from timestack.processing.provider import ALGORITHMS


def test_every_algorithm_help_url_opens_its_own_readme_section(provider):
    headings = re.findall(r"(?m)^#{1,4} (.+?)\s*$", README.read_text(encoding="utf-8"))
    anchors = {heading_anchor(heading) for heading in headings}
    ids = {f"timestack:{cls().name()}" for cls in ALGORITHMS}
    for algorithm_id in ids:
        url = QUrl(provider.algorithm(algorithm_id.split(":")[1]).helpUrl())
        assert url.isLocalFile() and Path(url.toLocalFile()) == README and README.is_file()
        assert url.fragment() == heading_anchor(algorithm_id), algorithm_id
        assert url.fragment() in anchors, f"README.md has no section '### {algorithm_id}'"


def test_anchors_are_the_ones_markdown_renderers_make():
    assert heading_anchor("timestack:landtrendr") == "timestacklandtrendr"
    assert heading_anchor("Installing in your own QGIS") == "installing-in-your-own-qgis"

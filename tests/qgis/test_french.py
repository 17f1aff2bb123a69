"""Timestack in French: every message translated, the dock and the algorithms in French under QGIS's
French locale, and core errors translated where they reach the user.

The catalogue (i18n/timestack_fr.ts) is checked against the source, so a string pylupdate5 cannot see
(a ``tr`` call it does not parse) or one added without ``make transup`` fails here, not in front of a
French user.
"""

import ast
import re
import subprocess
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsSettings,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QTabWidget, QWidget

import timestack
from tests.helpers.rasters import write_stack
from tests.helpers.translations import TS, catalogue, fields, translated, translations
from timestack.core.runtime import TimestackError

ROOT = Path(__file__).resolve().parents[2]
#: Messages whose French is the English: names, formats, units and words French shares.
SAME_IN_FRENCH = {
    "Timestack",
    "HyP3",
    "HyP3 {0}",
    "ASTER {0} {1}",
    "ASTER L1T",
    "Radar (Sentinel-1)",
    "Polarisations",
    "Action",
    "Animation",
    "minimum",
    "maximum",
    "Compression",
    "Cube",
    "Deflate (zlib)",
    "Description",
    "GIF (*.gif);;MP4 (*.mp4)",
    "NetCDF (*.nc);;Zarr (*.zarr)",
    "{0} {1:.3g}",
    "LandTrendr",
    "Google Earth Engine",
    "Timescan",
    "Float32",
    "GeoTIFF (*.tif)",
    "CSV (*.csv)",
    "Cirrus (Landsat 8/9)",
    "Composite",
    "Collection",
    "Collections",
    "Date",
    "Dates",
    "Indices",
    "Local",
    "Maximum",
    "Minimum",
    "Variable",
    "Variables (comma-separated; empty = all)",
    "gain",
    "source",
    "{0} collections",
    "{0} images",
    "{0} granules",
    "{0} {1:.2f} (fitted, {2})",
    "RMSE {0:.2f} {1}",
    "ITEMS: {0}",
    "ENGINE earthengine: {0}",
    "Composite {0}–{1}",
}


def test_every_message_has_a_french_translation():
    untranslated, english, broken = [], [], []
    for context, source, translation in catalogue():
        text = (translation.text or "").strip()
        if not text or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            untranslated.append((context, source))
        elif text == source.strip() and source not in SAME_IN_FRENCH:
            english.append((context, source))
        elif fields(text) != fields(source):  # str.format would fail or drop a value
            broken.append((context, source, text))
    assert not untranslated, f"run make transup and translate: {untranslated}"
    assert not english, f"left in English: {english}"
    assert not broken, f"placeholders differ: {broken}"


def _source_messages() -> set:
    """(context, text) of every literal the code translates, found the way pylupdate5 should find it."""
    found = set()
    for path in (ROOT / "timestack").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            literals = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
            if name == "tr" and literals and isinstance(literals[0], str):
                found.add((None, literals[0]))
            elif name in ("translate", "QT_TRANSLATE_NOOP") and len(literals) >= 2:
                if isinstance(literals[0], str) and isinstance(literals[1], str):
                    found.add((literals[0], literals[1]))
    return found


def test_every_translatable_string_of_the_code_is_in_the_catalogue():
    known = {(context, source) for context, source, _ in catalogue()}
    sources = {source for _, source in known}
    missing = [
        (context, text)
        for context, text in _source_messages()
        if (text not in sources if context is None else (context, text) not in known)
    ]
    assert not missing, (
        f"not extracted by make transup (a trailing comma hides a call from pylupdate5?): {missing}"
    )


def test_core_messages_are_templates_in_the_catalogue():
    """Core errors carry an English template and its arguments, so the Qt side translates, then formats."""
    core = {source for context, source, _ in catalogue() if context == "TimestackCore"}
    assert len(core) > 100
    template = "GROUP_BY: {0!r}; use one of {1}"
    error = TimestackError(template, "GROUP_BY", args=("decade", "year, date"))
    assert str(error) == "GROUP_BY: 'decade'; use one of year, date"
    assert error.template in core


@pytest.fixture(scope="module")
def french(qgis_canvas):
    """QGIS set to French as a user sets it (Options ▸ General ▸ Override system locale), and the
    plugin loaded, which installs its translator; both undone afterwards."""
    from tests.helpers.host import HostInterface

    subprocess.run(["lrelease", "-silent", str(TS)], check=True)  # what make build ships
    settings = QgsSettings()
    before = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "fr_FR")
    host = HostInterface(qgis_canvas)
    plugin = timestack.classFactory(host)
    assert plugin.translator is not None, "the plugin installed no translator for fr_FR"
    yield plugin, host
    plugin.unload()
    host.window.deleteLater()
    for key, value in before.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


def _from_qgis(widget: QWidget) -> bool:
    return type(widget).__module__.startswith("qgis.")


def _shown_texts(dock: QWidget) -> list:
    """Every text of ours a user reads in ``dock``: labels, buttons, titles, tabs, hints, tooltips.

    The insides of QGIS's own widgets (a file widget's "Browse", an extent box's "North") are QGIS's
    to translate, and so is its part of a Processing parameter's tooltip (the bold description is ours).
    """
    texts = []
    for child in dock.findChildren(QWidget):
        parent = child.parentWidget()
        while parent is not None and parent is not dock and not _from_qgis(parent):
            parent = parent.parentWidget()
        if parent is not None and parent is not dock:
            continue  # inside a QGIS widget
        texts.append(child.toolTip())
        if _from_qgis(child):
            continue
        if isinstance(child, (QLabel, QAbstractButton)):
            texts.append(child.text())
        if isinstance(child, QGroupBox):
            texts.append(child.title())
        if isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        if isinstance(child, QTabWidget):
            texts += [child.tabText(i) for i in range(child.count())]
    shown = []
    for text in texts:
        bold = re.findall(r"<b>(.*?)</b>", text)
        rich = re.search(r"</\w+>", text)
        for part in bold or [re.sub(r"<[^>]+>", "", text) if rich else text]:
            shown.append(part.replace("&", "").strip())
    return shown


#: Texts that are data or names, not language: symbols and numbers, file names, identifiers (nbr, 2024).
NOT_LANGUAGE = re.compile(r"^([^A-Za-zÀ-ÿ]*|[\w.-]+\.\w{2,4}|[a-z0-9_,\s-]+)$")


def test_the_dock_speaks_french(french, provider, qgis_iface):
    from timestack.gui.dock import TimestackDock

    dock = TimestackDock(qgis_iface)
    french_texts = translations()
    shown = [text for text in _shown_texts(dock) if text and not NOT_LANGUAGE.match(text)]
    assert len(shown) > 80
    english = sorted({text for text in shown if not translated(text, french_texts)})
    assert not english, f"dock texts that are not French translations: {english}"
    assert dock.windowTitle() == "Timestack"
    assert "Rechercher" in shown and "Lancer LandTrendr" in shown


def test_the_french_dock_fits_a_laptop_screen_too(french, provider, qgis_iface):
    """French labels are longer: the Earth Engine login's button beside its login box made the French
    dock 676 px wide at least, against 586 in English."""
    from tests.qgis.test_dock_fits_the_screen import LAPTOP_DOCK_WIDTH, show_a_map
    from timestack.gui.dock import TimestackDock

    show_a_map(qgis_iface.mapCanvas())
    dock = TimestackDock(qgis_iface)
    try:
        dock.show()
        QCoreApplication.processEvents()
        assert dock.minimumSizeHint().width() <= LAPTOP_DOCK_WIDTH
    finally:
        dock.hide()
        dock.deleteLater()


def test_algorithms_speak_french(french, provider):
    french_texts = translations()
    algorithms = provider.algorithms()
    assert len(algorithms) >= 9 and any(isinstance(a, QgsProcessingModelAlgorithm) for a in algorithms)
    for algorithm in algorithms:
        texts = [algorithm.displayName(), algorithm.group()]
        if isinstance(algorithm, QgsProcessingModelAlgorithm):  # QGIS writes the help page around these
            texts += list(algorithm.helpContent().values())
        else:
            texts.append(algorithm.shortHelpString())
        texts += [definition.description() for definition in algorithm.parameterDefinitions()]
        texts += [output.description() for output in algorithm.outputDefinitions()]
        english = [text for text in texts if text and not translated(text, french_texts)]
        assert not english, f"{algorithm.id()}: {english}"
    assert provider.algorithm("composite").displayName() == "Composites annuels"


def test_a_core_error_reaches_the_user_in_french(french, provider, tmp_path):
    """A run whose core refuses the input: the Processing error is the French core message."""
    from qgis.core import QgsProcessingException

    empty = tmp_path / "tiles"
    empty.mkdir()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("timestack:mosaic")
    parameters = {"INPUT": str(empty), "OUTPUT_FOLDER": str(tmp_path / "out")}
    with pytest.raises(QgsProcessingException) as raised:
        algorithm.processAlgorithm(parameters, QgsProcessingContext(), QgsProcessingFeedback())
    assert "INPUT : aucun fichier de" in str(raised.value)
    assert "no tiles" not in str(raised.value)
    error = TimestackError("METRICS: name at least one metric", "METRICS")
    assert error.translated(QCoreApplication.translate) == "METRICS : nommez au moins une métrique"
    assert QgsApplication.locale() == "fr_FR"


class _Log(QgsProcessingFeedback):
    """Feedback that keeps what a run writes to the Processing log: its lines and, apart, its warnings."""

    def __init__(self):
        super().__init__()
        self.lines, self.warnings = [], []

    def pushInfo(self, info):  # noqa: N802 - Qt's name
        self.lines.append(info)

    def pushWarning(self, warning):  # noqa: N802 - Qt's name
        self.warnings.append(warning)


def test_a_run_logs_its_progress_in_french(french, provider, tmp_path):
    """A real resample run: the core's progress messages reach the log translated."""
    import numpy as np

    stack = write_stack(
        tmp_path / "stack.tif", np.ones((3, 8, 8), dtype="float32"), ["2001_nbr", "2002_nbr", "2003_nbr"]
    )
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("timestack:resample")
    parameters = {"INPUT": str(stack), "PERIOD": 2, "OUTPUT": str(tmp_path / "annual.tif")}
    log = _Log()
    context = QgsProcessingContext()
    assert algorithm.prepare(parameters, context, log)
    algorithm.runPrepared(parameters, context, log)
    assert any(line.startswith("Rééchantillonnage : fenêtre ") for line in log.lines), log.lines
    assert not [line for line in log.lines if "window" in line]


def test_a_skipped_scene_is_explained_in_french(french, provider, tmp_path):
    """A composite over two scenes, one without its red band and one listed twice: the run goes on with
    the other and the warnings say why in French, reasons included (the run log keeps them in English)."""
    import json

    from tests.helpers.scenes import write_items, write_scene

    scenes = [
        write_scene(tmp_path / "scenes", "LC08_A_20200610", "2020-06-10"),
        write_scene(tmp_path / "scenes", "LC08_B_20200712", "2020-07-12", skip_assets=("red",)),
    ]
    items = write_items(tmp_path / "items.json", [*scenes, scenes[0]])
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("timestack:composite")
    parameters = {"ITEMS": str(items), "START_YEAR": 2020, "END_YEAR": 2020, "BANDS": [2], "INDICES": "",
                  "OUTPUT": str(tmp_path / "out" / "stack.tif")}  # fmt: skip
    log = _Log()
    context = QgsProcessingContext()
    assert algorithm.prepare(parameters, context, log)
    results = algorithm.runPrepared(parameters, context, log)
    warnings = "\n".join(log.warnings)
    assert "Scène LC08_B_20200712 écartée : pas de ressource pour la bande red (cherché : " in warnings
    assert "Résultat incomplet : ITEMS liste 1 élément(s) plus d'une fois (LC08_A_20200610)" in warnings
    run_log = json.loads(Path(results["OUTPUT_LOG"]).read_text())
    assert run_log["skipped"][0]["reason"].startswith("no asset for band red")
    assert run_log["warnings"][0].startswith("ITEMS lists 1 item(s) more than once")

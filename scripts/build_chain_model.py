"""Write ``resources/models/scenes_to_statistics.model3``, the whole Timestack chain as one model.

The model is built through QGIS's model API rather than drawn in the modeler so that its wiring is
reviewable here: search → composite → LandTrendr → change map → polygon statistics. Run it after
changing an algorithm's contract (parameter or output names), then commit the model file.
"""

import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProcessing,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QPointF

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "models" / "scenes_to_statistics.model3"

Source = QgsProcessingModelChildParameterSource


def _inputs(model: QgsProcessingModelAlgorithm) -> None:
    Number = QgsProcessingParameterNumber
    definitions = [
        QgsProcessingParameterString("CATALOG", "Catalog: STAC API URL, catalog file or preset"),
        QgsProcessingParameterString("COLLECTIONS", "Collections (comma-separated)", optional=True),
        QgsProcessingParameterExtent("EXTENT", "Area"),
        Number("START_YEAR", "First year", Number.Integer, 1985, minValue=1972),
        Number("END_YEAR", "Last year", Number.Integer, 2024, minValue=1972),
        QgsProcessingParameterString("INDEX", "Index to segment and summarise, e.g. NBR", "NBR"),
        Number("MAG", "Minimum loss magnitude (index × 10000)", Number.Double, 1000.0, minValue=0.0),
        QgsProcessingParameterFeatureSource("POLYGONS", "Polygons", [QgsProcessing.TypeVectorPolygon]),
        QgsProcessingParameterField("ID_FIELD", "Polygon id field", parentLayerParameterName="POLYGONS"),
    ]
    for row, definition in enumerate(definitions):
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(120, 60 + 60 * row))
        model.addModelParameter(definition, component)


def _child(model, child_id: str, algorithm_id: str, description: str, row: int, sources: dict, outputs=()):
    child = QgsProcessingModelChildAlgorithm(algorithm_id)
    child.setChildId(child_id)
    child.setDescription(description)
    child.setPosition(QPointF(460, 80 + 110 * row))
    for name, source in sources.items():
        child.addParameterSources(name, [source])
    # As the modeler does: every other input keeps the algorithm's default, written into the model.
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination() or definition.name() in sources or definition.defaultValue() is None:
            continue
        child.addParameterSources(definition.name(), [Source.fromStaticValue(definition.defaultValue())])
    model_outputs = {}
    for output_name, model_name, text in outputs:
        output = QgsProcessingModelOutput(model_name, text)
        output.setChildId(child_id)
        output.setChildOutputName(output_name)
        output.setPosition(QPointF(760, 80 + 110 * row))
        model_outputs[model_name] = output
    child.setModelOutputs(model_outputs)
    model.addChildAlgorithm(child)
    return child


def build() -> QgsProcessingModelAlgorithm:
    model = QgsProcessingModelAlgorithm("Scenes to polygon statistics", "Models")
    model.setHelpContent(
        {
            "ALG_DESC": (
                "The whole Timestack chain: searches CATALOG for scenes over EXTENT, builds annual "
                "composites with INDEX, fits LandTrendr to INDEX, maps the greatest loss of at least MAG, "
                "and extracts per-polygon statistics of the composites over time."
            ),
        }
    )
    _inputs(model)
    param = Source.fromModelParameter
    _child(model, "search", "timestack:searchscenes", "Search scenes", 0, {
        "CATALOG": param("CATALOG"),
        "COLLECTIONS": param("COLLECTIONS"),
        "EXTENT": param("EXTENT"),
        "START_DATE": Source.fromExpression("make_date(@START_YEAR, 1, 1)"),
        "END_DATE": Source.fromExpression("make_date(@END_YEAR, 12, 31)"),
    })  # fmt: skip
    _child(model, "composite", "timestack:composite", "Annual composites", 1, {
        "ITEMS": Source.fromChildOutput("search", "OUTPUT_ITEMS"),
        "EXTENT": param("EXTENT"),
        "START_YEAR": param("START_YEAR"),
        "END_YEAR": param("END_YEAR"),
        "INDICES": param("INDEX"),
    }, [("OUTPUT", "COMPOSITE", "Annual composites")])  # fmt: skip
    _child(model, "landtrendr", "timestack:landtrendr", "LandTrendr", 2, {
        "INPUT": Source.fromChildOutput("composite", "OUTPUT"),
        "INDEX": param("INDEX"),
    })  # fmt: skip
    _child(model, "changemap", "timestack:changemap", "Change map (greatest loss)", 3, {
        "INPUT": Source.fromChildOutput("landtrendr", "OUTPUT_SEGMENTS"),
        "MAG": param("MAG"),
    }, [("OUTPUT", "CHANGE_MAP", "Change map (greatest loss)")])  # fmt: skip
    _child(model, "zonalstats", "timestack:zonalstats", "Polygon statistics over time", 4, {
        "POLYGONS": param("POLYGONS"),
        "ID_FIELD": param("ID_FIELD"),
        "INPUT": Source.fromChildOutput("composite", "OUTPUT"),
        "BANDS": param("INDEX"),
    }, [("OUTPUT", "STATISTICS", "Polygon statistics (CSV)")])  # fmt: skip
    return model


def main() -> int:
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.insert(0, str(ROOT))
    from timestack.processing.provider import TimestackProvider

    provider = TimestackProvider()
    QgsApplication.processingRegistry().addProvider(provider)  # children resolve their parameters
    model = build()
    errors = model.validate() if hasattr(model, "validate") else (True, [])
    if not errors[0]:
        print("\n".join(errors[1]), file=sys.stderr)
        return 1
    if not model.toFile(str(TARGET)):
        print(f"cannot write {TARGET}", file=sys.stderr)
        return 1
    print(TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())

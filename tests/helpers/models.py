"""Processing models built the way an analyst builds them in the graphical modeler, saved as ``.model3``
files for ``qgis_process run <file>``.

A model is described as plain data: its inputs (name -> a Processing parameter definition) and its steps
(child id -> :class:`Step`), each step's parameters a static value, a model input (:func:`model_input`)
or another step's output (:func:`step_output`). Outputs a step hands on and the model does not name are
the modeler's temporary outputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Step", "model_input", "save_model", "step_output"]


@dataclass
class Step:
    """One child algorithm: its id (``timestack:composite``), its parameters and the outputs the model
    names (model output name -> the step's output)."""

    algorithm: str
    parameters: dict = field(default_factory=dict)
    outputs: dict = field(default_factory=dict)


@dataclass(frozen=True)
class _Input:
    name: str


@dataclass(frozen=True)
class _Output:
    step: str
    output: str


def model_input(name: str) -> _Input:
    """A parameter value taken from the model's input ``name``."""
    return _Input(name)


def step_output(step: str, output: str) -> _Output:
    """A parameter value taken from the output ``output`` of the step ``step``."""
    return _Output(step, output)


def _source(value):
    """The modeler's source of a step's parameter value: a model input, a step's output or a value."""
    from qgis.core import QgsProcessingModelChildParameterSource as Source

    if isinstance(value, _Input):
        return Source.fromModelParameter(value.name)
    if isinstance(value, _Output):
        return Source.fromChildOutput(value.step, value.output)
    return Source.fromStaticValue(value)


def save_model(path: Path, name: str, inputs: dict, steps: dict) -> Path:
    """Write the model to ``path`` (``.model3``) and return it.

    ``inputs`` maps names to parameter definitions (``QgsProcessingParameterFile("ITEMS", "Scenes")``);
    ``steps`` maps child ids to :class:`Step`.
    """
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
    )

    model = QgsProcessingModelAlgorithm(name, "tests")
    for definition in inputs.values():
        model.addModelParameter(definition, QgsProcessingModelParameter(definition.name()))
    for child_id, step in steps.items():
        child = QgsProcessingModelChildAlgorithm(step.algorithm)
        child.setChildId(child_id)
        child.setDescription(child_id)
        for parameter, value in step.parameters.items():
            linked = isinstance(value, list) and any(isinstance(v, (_Input, _Output)) for v in value)
            child.addParameterSources(parameter, [_source(v) for v in value] if linked else [_source(value)])
        outputs = {}
        for output_name, child_output in step.outputs.items():
            output = QgsProcessingModelOutput(output_name, output_name)
            output.setChildId(child_id)
            output.setChildOutputName(child_output)
            outputs[output_name] = output
        child.setModelOutputs(outputs)
        model.addChildAlgorithm(child)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    assert model.toFile(str(path)), path
    return path

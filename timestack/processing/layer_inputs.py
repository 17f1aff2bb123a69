"""The layer inputs of a run, read in the main thread before the run moves to a worker.

The dock (like the Toolbox) prepares an algorithm in the main thread and runs it in a worker. The
project's layers belong to the main thread: looking one up from the worker walks the project's layer
store while the user adds and removes layers, and a layer removed during the run leaves the worker
holding a deleted object; either crashes QGIS. So ``TimestackAlgorithm.prepareAlgorithm`` reads here
what the run needs of every layer input, and the run uses only that: the layers' providers and sources
(plain strings) for raster and multiple-layer inputs, and for feature inputs the feature source
Processing makes for them, the one QGIS's own feature algorithms make in the main thread too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterLayer,
)


@dataclass(frozen=True)
class LayerInput:
    """One layer of an input: its name (for messages), data provider, source and CRS."""

    name: str
    provider: str
    source: str
    crs: QgsCoordinateReferenceSystem

    @property
    def gdal_file(self) -> str:
        """The file behind a GDAL layer ("" for any other provider); sources may carry ``|options``."""
        return self.source.split("|")[0] if self.provider == "gdal" else ""


def layer_inputs(algorithm, definition, parameters, context) -> Optional[list]:
    """The :class:`LayerInput` of a raster or multiple-layer parameter (empty when unset or not a
    layer); None for any other parameter, and for a multiple-layer parameter of plain files."""
    name = definition.name()
    if isinstance(definition, QgsProcessingParameterRasterLayer):
        layers = [algorithm.parameterAsRasterLayer(parameters, name, context)]
    elif isinstance(definition, QgsProcessingParameterMultipleLayers):
        if definition.layerType() == QgsProcessing.TypeFile:
            return None
        layers = algorithm.parameterAsLayerList(parameters, name, context)
    else:
        return None
    found = [layer for layer in layers if layer is not None]
    return [LayerInput(one.name(), one.providerType(), one.source(), one.crs()) for one in found]


def read_inputs(algorithm, parameters, context) -> dict:
    """Parameter name -> what the run uses of it: the :class:`LayerInput` list of raster and
    multiple-layer inputs, the feature source (or None) of feature inputs.

    Called in the main thread. An input Processing cannot read is left out, for the run to refuse by
    name: an error raised while preparing reaches scripts only as "There were errors executing the
    algorithm".
    """
    inputs: dict = {}
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination():
            continue
        try:
            if isinstance(definition, QgsProcessingParameterFeatureSource):
                # Processing's own reading: the algorithm's answers the prepared source
                inputs[definition.name()] = QgsProcessingAlgorithm.parameterAsSource(
                    algorithm, parameters, definition.name(), context
                )
                continue
            layers = layer_inputs(algorithm, definition, parameters, context)
        except QgsProcessingException:
            continue
        if layers is not None:
            inputs[definition.name()] = layers
    return inputs

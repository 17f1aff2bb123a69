"""The layer inputs of a run, read in the main thread before the run moves to a worker.

The dock (like the Toolbox) prepares an algorithm in the main thread and runs it in a worker. The
project's layers belong to the main thread: looking one up from the worker walks the project's layer
store while the user adds and removes layers, and a layer removed during the run leaves the worker
holding a deleted object; either crashes QGIS. So ``TimestackAlgorithm.prepareAlgorithm`` reads here
what the run needs of every layer input, and the run uses only that: the layers' providers and sources
(plain strings) for raster and multiple-layer inputs, and the features of feature inputs (an AOI,
a grid of tiles: a few features each).
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
        """The file behind the layer (:func:`gdal_file`)."""
        return gdal_file(self.provider, self.source)


def gdal_file(provider: str, source: str) -> str:
    """The file behind a GDAL layer's ``source`` ("" for any other provider); sources may carry
    ``|options``."""
    return source.split("|")[0] if provider == "gdal" else ""


class FeatureSnapshot:
    """A feature input as read in the main thread: its features, fields, geometry type, CRS and name,
    with the part of QgsFeatureSource's interface the algorithms use. The layer behind it may be removed
    from the project while the run goes on."""

    def __init__(self, source):
        self._features = list(source.getFeatures())  # copies, with their ids and attributes
        self._fields = source.fields()
        self._wkb_type = source.wkbType()
        self._crs = source.sourceCrs()
        self._name = source.sourceName()

    def getFeatures(self):  # noqa: N802 - QgsFeatureSource's names
        return iter(self._features)

    def fields(self):
        return self._fields

    def wkbType(self):  # noqa: N802
        return self._wkb_type

    def sourceCrs(self):  # noqa: N802
        return self._crs

    def sourceName(self) -> str:  # noqa: N802
        return self._name


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
    multiple-layer inputs, the :class:`FeatureSnapshot` (or None) of feature inputs but those the
    algorithm reads as files (its ``FILE_INPUTS``, found by the algorithm itself).

    Called in the main thread. An input Processing cannot read is left out, for the run to refuse by
    name: an error raised while preparing reaches scripts only as "There were errors executing the
    algorithm".
    """
    inputs: dict = {}
    for definition in algorithm.parameterDefinitions():
        name = definition.name()
        if definition.isDestination() or name in algorithm.FILE_INPUTS:
            continue
        try:
            if isinstance(definition, QgsProcessingParameterFeatureSource):
                # Processing's own reading: the algorithm's answers the snapshot
                source = QgsProcessingAlgorithm.parameterAsSource(algorithm, parameters, name, context)
                inputs[name] = FeatureSnapshot(source) if source is not None else None
                continue
            layers = layer_inputs(algorithm, definition, parameters, context)
        except QgsProcessingException:
            continue
        if layers is not None:
            inputs[name] = layers
    return inputs

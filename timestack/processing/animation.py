"""``timestack:animation`` — an animated GIF or MP4 of a dated stack, one fixed stretch for all frames.

Rendering is :mod:`timestack.core.cube.animation`'s; this module maps parameters and brings the AOI's
polygons into the stack's CRS as outline rings.
"""

from __future__ import annotations

import math
import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRange,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.cube.animation import animate_stack
from .algorithm import TimestackAlgorithm
from .params import SizeLimitParameter, advanced, split_list
from .stack_files import StackFiles


class AnimationAlgorithm(StackFiles, SizeLimitParameter, TimestackAlgorithm):
    """An animation of one variable (a colour ramp) or three (RGB) of a dated stack, with date labels."""

    INPUT = "INPUT"
    BANDS = "BANDS"
    RGB = "RGB"
    STRETCH = "STRETCH"
    COLORMAP = "COLORMAP"
    AOI = "AOI"
    FRAME_MS = "FRAME_MS"
    MAX_SIZE = "MAX_SIZE"
    OUTPUT = "OUTPUT"
    FRAMES = "FRAMES"

    def name(self) -> str:
        return "animation"

    def displayName(self) -> str:
        return self.tr("Animate a time stack (GIF, MP4)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Makes an animation with one frame per date of a stack whose band descriptions carry dates, "
            "each frame labelled with its date: BANDS names the variable shown with COLORMAP (any "
            "matplotlib colour map; empty = the stack's only variable), or RGB names three variables "
            "shown as red, green and blue (dates all three have). STRETCH gives the low and high "
            "percentiles of all the stack's valid values (per channel for RGB) mapped to the ends of the "
            "ramp, one stretch for every frame so colours compare across dates. AOI draws polygon "
            "outlines. OUTPUT .gif (Pillow) or .mp4 (needs the imageio-ffmpeg package). Frames are read "
            "at most MAX_SIZE pixels wide and shown FRAME_MS milliseconds each."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Time stack")))
        self.addParameter(
            QgsProcessingParameterString(
                self.BANDS, self.tr("Variable (empty = the only one)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.RGB, self.tr("RGB: three variables, comma-separated (instead of BANDS)"), optional=True
            )
        )
        # Optional only because QGIS 3.22 rejects a range left at its default as missing.
        self.addParameter(
            QgsProcessingParameterRange(
                self.STRETCH, self.tr("Stretch percentiles (low, high)"), QgsProcessingParameterNumber.Double,
                defaultValue="2,98", optional=True,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterString(self.COLORMAP, self.tr("Colour map"), defaultValue="gray")
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AOI, self.tr("AOI outline"), [QgsProcessing.TypeVectorPolygon], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.FRAME_MS, self.tr("Milliseconds per frame"), QgsProcessingParameterNumber.Integer, 500,
                minValue=20, maxValue=10000,
            )
        )  # fmt: skip
        self.addParameter(
            advanced(QgsProcessingParameterNumber(
                self.MAX_SIZE, self.tr("Largest frame side (pixels)"), QgsProcessingParameterNumber.Integer,
                720, minValue=16, maxValue=4096,
            ))
        )  # fmt: skip
        self.add_max_gb_parameter()
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("Animation"), self.tr("GIF (*.gif);;MP4 (*.mp4)"), defaultValue=None
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.FRAMES, self.tr("Frames")))
        self.set_help({
            self.BANDS: self.tr(
                "The variable shown, one frame per date (nbr of bands 2015_nbr, 2016_nbr…); empty when the "
                "stack holds only one."
            ),
            self.RGB: self.tr(
                "Three variables shown as red, green and blue (swir2,nir,red), one frame per date they "
                "share; instead of BANDS."
            ),
            self.STRETCH: self.tr(
                "The percentiles (0-100) of the whole stack's values drawn darkest and brightest: one "
                "stretch for every frame, so brightness compares across dates."
            ),
            self.COLORMAP: self.tr(
                "The matplotlib colour map of a single variable (gray, viridis, magma…); RGB ignores it."
            ),
            self.AOI: self.tr("Polygons drawn as outlines on every frame (stands, a burn scar); optional."),
            self.FRAME_MS: self.tr(
                "How long each frame shows, in milliseconds: 500 shows two dates a second."
            ),
            self.MAX_SIZE: self.tr(
                "The longer side of a frame, in pixels: larger stacks are scaled down to it."
            ),
            self.OUTPUT: self.tr("A .gif (plays anywhere) or an .mp4 (smaller; needs ffmpeg)."),
        })  # fmt: skip
        self.set_help({
            self.INPUT: self.tr("The time stack to animate: one frame per date or year of its dated bands."),
        })  # fmt: skip

    def checkParameterValues(self, parameters, context):
        """Refuse an unreadable INPUT or AOI file and percentiles that are not two numbers, outside 0–100
        or in the wrong order in the dialog, before anything runs."""
        problem = self.stack_file_problem(self.INPUT, parameters.get(self.INPUT), context)
        if problem:
            return False, problem
        aoi = parameters.get(self.AOI)
        if isinstance(aoi, str) and aoi.strip():
            path = aoi.split("|", 1)[0].strip()
            if os.path.isfile(path) and not QgsVectorLayer(aoi, "", "ogr").isValid():
                return False, self.tr(
                    "AOI: {0} is not a vector layer QGIS can read; choose a polygon layer (GeoPackage, "
                    "shapefile, GeoJSON) or leave AOI empty."
                ).format(path)
            if not os.path.exists(path) and os.sep in path:
                return False, self.tr(
                    "AOI: {0} does not exist; choose a polygon layer or leave AOI empty."
                ).format(path)
        if parameters.get(self.STRETCH) not in (None, ""):
            low, high = self.parameterAsRange(parameters, self.STRETCH, context)
            if math.isnan(low) or math.isnan(high):
                return False, self.tr(
                    "STRETCH: give two percentiles, low and high, such as 2,98; got '{0}'."
                ).format(parameters.get(self.STRETCH))
            if not 0 <= low < high <= 100:
                return False, self.tr(
                    "STRETCH: percentiles must satisfy 0 ≤ low < high ≤ 100, got {0:g}, {1:g}."
                ).format(low, high)
        return super().checkParameterValues(parameters, context)

    def aoi_rings(self, parameters, context, crs: QgsCoordinateReferenceSystem) -> list:
        """Every polygon ring of AOI in ``crs``, as lists of (x, y); an AOI of other geometries or of
        none is refused, since nothing could be outlined."""
        source = self.parameterAsSource(parameters, self.AOI, context)
        if source is None:
            return []
        kind = QgsWkbTypes.geometryType(source.wkbType())
        if kind in (QgsWkbTypes.PointGeometry, QgsWkbTypes.LineGeometry):
            raise self.fail(
                self.tr(
                    "AOI: {0} holds {1} geometries, not polygons; choose a polygon layer or leave AOI empty."
                ).format(source.sourceName(), QgsWkbTypes.geometryDisplayString(kind).lower())
            )
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        rings = []
        for feature in source.getFeatures():
            geometry = feature.geometry()
            if geometry.isEmpty():
                continue
            if geometry.type() != QgsWkbTypes.PolygonGeometry:
                continue
            geometry.transform(transform)
            for polygon in geometry.asMultiPolygon() if geometry.isMultipart() else [geometry.asPolygon()]:
                rings.extend([[(point.x(), point.y()) for point in ring] for ring in polygon])
        if not rings:
            raise self.fail(
                self.tr("AOI: {0} has no polygons; choose a layer with the area to outline, or leave AOI "
                        "empty.").format(source.sourceName())
            )  # fmt: skip
        return rings

    def processAlgorithm(self, parameters, context, feedback):
        layers = self.input_layers(parameters, self.INPUT, context)
        path = layers[0].gdal_file if layers else ""
        if not path:
            raise self.fail(self.tr("INPUT: the stack must be a raster file readable by GDAL."))
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        low, high = self.parameterAsRange(parameters, self.STRETCH, context)
        rgb = split_list(self.parameterAsString(parameters, self.RGB, context))
        progress, is_cancelled = self.core_callbacks(feedback)
        with self.core_errors(self.tr("Animation")):
            animation = animate_stack(
                path, output, self.parameterAsInt(parameters, self.FRAME_MS, context),
                progress=progress, is_cancelled=is_cancelled,
                variable=self.parameterAsString(parameters, self.BANDS, context).strip() or None,
                rgb=rgb or None, stretch=(low, high),
                aoi=self.aoi_rings(parameters, context, layers[0].crs),
                max_side=self.parameterAsInt(parameters, self.MAX_SIZE, context),
                colormap=self.parameterAsString(parameters, self.COLORMAP, context).strip() or "gray",
                max_gb=self.max_gb(parameters, context),
            )  # fmt: skip
        feedback.pushInfo(
            self.tr("{0} frames, {1} to {2}; stretch {3}.").format(
                len(animation.labels), animation.labels[0], animation.labels[-1],
                ", ".join(f"{lo:g}–{hi:g}" for lo, hi in animation.stretch),
            )
        )  # fmt: skip
        if animation.empty:
            feedback.pushWarning(
                self.tr(
                    "INPUT: the stack holds no valid value in these bands (every pixel of every date is "
                    "nodata or NaN), so every frame is blank; check the stack and BANDS or RGB."
                )
            )
        return {self.OUTPUT: str(animation.path), self.FRAMES: len(animation.labels)}

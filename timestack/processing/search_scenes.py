"""``timestack:searchscenes`` — find scenes in a STAC API, a local catalog, NASA Earthdata or Earth Engine.

Outputs the footprints as a vector layer (one polygon per scene, in WGS84) and the scenes as a STAC
ItemCollection JSON, which ``timestack:composite`` takes as ITEMS. Parameter names are the public
contract of DESIGN.md.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QDateTime, Qt, QVariant

from ..core.io.atomic import atomic_output
from ..core.search import PRESETS, RECORD_FIELDS, SceneQuery, search_scenes
from ..core.search.query import DEFAULT_TIMEOUT, ORBIT_DIRECTIONS
from .algorithm import TimestackAlgorithm, user_text
from .params import AreaParameters, EarthdataParameter, SeasonParameters, advanced, split_list
from .styles import FootprintStyler, keep_alive

_FIELD_TYPES = {
    "datetime": QVariant.DateTime,  # a real time, so the Temporal Controller and expressions read it as one
    "doy": QVariant.Int,
    "cloud_cover": QVariant.Double,
    "epsg": QVariant.Int,
    "relative_orbit": QVariant.Int,
}


class SearchScenesAlgorithm(AreaParameters, SeasonParameters, EarthdataParameter, TimestackAlgorithm):
    """Search one catalog with one query; nothing is written unless the search succeeds."""

    CATALOG = "CATALOG"
    COLLECTIONS = "COLLECTIONS"
    START_DATE = "START_DATE"
    END_DATE = "END_DATE"
    MAX_CLOUD = "MAX_CLOUD"
    PLATFORMS = "PLATFORMS"
    EXCLUDE = "EXCLUDE"
    MAX_ITEMS = "MAX_ITEMS"
    TIMEOUT = "TIMEOUT"
    ORBIT_DIRECTION = "ORBIT_DIRECTION"
    RELATIVE_ORBIT = "RELATIVE_ORBIT"
    POLARIZATIONS = "POLARIZATIONS"
    OUTPUT = "OUTPUT"
    OUTPUT_ITEMS = "OUTPUT_ITEMS"
    COUNT = "COUNT"

    GROUP = QT_TRANSLATE_NOOP("TimestackAlgorithm", "Data")
    GROUP_ID = "data"

    def name(self) -> str:
        return "searchscenes"

    def displayName(self) -> str:
        return self.tr("Search scenes")

    def shortHelpString(self) -> str:
        presets = ", ".join(p.key for p in PRESETS)
        return self.tr(
            "Finds satellite scenes over an area and a period. CATALOG is a STAC API URL, a local catalog "
            "file (STAC ItemCollection JSON, stac-geoparquet or a static catalog's catalog.json) or one of: "
            "{0}. Give the area as EXTENT or as an AOI polygon layer (any CRS). A day-of-year window "
            "whose start is after its end wraps over the new year (e.g. 335 to 60 for winters). "
            "Outputs the scene footprints and the scenes as a STAC ItemCollection JSON for compositing. "
            "Radar scenes (Sentinel-1) can be filtered by orbit direction, relative orbit and "
            "polarisations (advanced parameters); the cloud limit keeps them, having no cloud cover. "
            "No match gives an empty layer and a message, not an error."
        ).format(presets)

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterString(self.CATALOG, self.tr("Catalog (URL, file or preset)"))
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.COLLECTIONS, self.tr("Collections (comma-separated)"), defaultValue="", optional=True
            )
        )
        self.add_area_parameters()
        for name, label in ((self.START_DATE, self.tr("Start date")), (self.END_DATE, self.tr("End date"))):
            self.addParameter(
                QgsProcessingParameterDateTime(name, label, QgsProcessingParameterDateTime.Date)
            )
        self.add_season_parameters()
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_CLOUD,
                self.tr("Maximum cloud cover (%)"),
                QgsProcessingParameterNumber.Double,
                100.0,
                minValue=0.0,
                maxValue=100.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.EXCLUDE,
                self.tr("Scene ids to exclude (comma-separated)"),
                defaultValue="",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_ITEMS,
                self.tr("Maximum number of scenes (0 = no limit)"),
                QgsProcessingParameterNumber.Integer,
                0,
                minValue=0,
            )
        )
        advanced_parameters = [
            QgsProcessingParameterString(
                self.PLATFORMS,
                self.tr("Platforms (comma-separated, e.g. landsat-8)"),
                defaultValue="",
                optional=True,
            ),
            QgsProcessingParameterNumber(
                self.TIMEOUT,
                self.tr("Server timeout (seconds)"),
                QgsProcessingParameterNumber.Double,
                DEFAULT_TIMEOUT,
                minValue=0.1,
            ),
            QgsProcessingParameterEnum(
                self.ORBIT_DIRECTION,
                self.tr("Radar: orbit direction"),
                options=[self.tr("Any"), self.tr("Ascending"), self.tr("Descending")],
                defaultValue=0,
                optional=True,
            ),
            QgsProcessingParameterString(
                self.RELATIVE_ORBIT,
                self.tr("Radar: relative orbits (comma-separated, e.g. 44,117)"),
                defaultValue="",
                optional=True,
            ),
            QgsProcessingParameterString(
                self.POLARIZATIONS,
                self.tr("Radar: polarisations every scene must carry (e.g. VV,VH)"),
                defaultValue="",
                optional=True,
            ),
        ]
        for parameter in advanced_parameters:
            self.addParameter(advanced(parameter))
        self.add_earthdata_parameter(
            self.tr(
                "Login: Earthdata, or the STAC API's (authentication configuration: username and password, "
                "an empty username and a token, a header name ending in ':' and its value, or OAuth2)"
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Scene footprints"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_ITEMS,
                self.tr("Scenes (STAC ItemCollection JSON)"),
                self.tr("STAC ItemCollection (*.json)"),
            )
        )

        self.addOutput(QgsProcessingOutputNumber(self.COUNT, self.tr("Number of scenes")))
        self.set_help({
            self.CATALOG: self.tr(
                "Where to search: a STAC API URL, a local STAC catalog or ItemCollection file, or a preset "
                "(planetary-computer, earth-search, earthdata, earthengine)."
            ),
            self.COLLECTIONS: self.tr(
                "Collection ids to search, separated by commas (landsat-c2-l2, sentinel-2-l2a…); empty: "
                "every collection of the catalog."
            ),
            self.START_DATE: self.tr(
                "First acquisition day searched (YYYY-MM-DD, UTC), included; DOY_START and DOY_END narrow "
                "each year to a season."
            ),
            self.END_DATE: self.tr(
                "Last acquisition day searched (YYYY-MM-DD, UTC), included: scenes taken that whole day "
                "are found."
            ),
            self.MAX_CLOUD: self.tr(
                "Keep scenes whose cloud cover is at most this, in percent (0–100) of the scene; 100 "
                "keeps all."
            ),
            self.EXCLUDE: self.tr(
                "Scene ids to leave out, separated by commas (a scene with a stripe or a bad mask)."
            ),
            self.MAX_ITEMS: self.tr(
                "Stop after this many scenes (a count), in the order the catalog returns them; 0: every "
                "scene found."
            ),
            self.PLATFORMS: self.tr(
                "Keep scenes of these platforms only, separated by commas (landsat-8, sentinel-2a…), as "
                "named in the items' platform property; empty: every platform."
            ),
            self.TIMEOUT: self.tr(
                "How long to wait for each answer of the catalog, in seconds, before the search fails."
            ),
            self.ORBIT_DIRECTION: self.tr(
                "Radar scenes (Sentinel-1): keep those taken on ascending or descending passes only "
                "(sat:orbit_state); Any keeps both."
            ),
            self.RELATIVE_ORBIT: self.tr(
                "Radar scenes: keep those of these relative orbit numbers (tracks), separated by commas "
                "(44, 117), so every date is seen from the same geometry; empty: every track."
            ),
            self.POLARIZATIONS: self.tr(
                "Radar scenes: keep those that carry every one of these polarisations, separated by "
                "commas (VV, VH); empty: any."
            ),
            self.AUTHCFG: self.tr(
                "A QGIS authentication configuration with the login of the STAC API, or your Earthdata "
                "Login (earthdata), or an Earth Engine service account's key JSON (earthengine); kept in "
                "the QGIS authentication database, never in logs; empty: anonymous."
            ),
            self.OUTPUT: self.tr(
                "The footprints of the scenes found: a polygon per scene, with its id and properties as "
                "attributes."
            ),
            self.OUTPUT_ITEMS: self.tr(
                "The scenes found as a STAC ItemCollection JSON: the input (ITEMS) of composites, "
                "per-date stacks and polygon statistics."
            ),
        })  # fmt: skip

    def _area(self, parameters, context):
        """The area to search as (WKT, CRS WKT); the search needs one."""
        found = self.area(parameters, context)
        if found is None:
            raise self.fail(self.tr("Give the area to search as EXTENT or as an AOI polygon layer."))
        geometry, crs = found
        # WKT1 cannot hold a 3D CRS (a GeoJSON with heights is in EPSG:4979): its WKT came out empty
        return geometry.asWkt(), crs.authid() or crs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED)

    def _date(self, parameters, name, context) -> str:
        value = self.parameterAsDateTime(parameters, name, context).date()
        if not value.isValid():
            raise self.fail(self.tr("{0} must be a date (YYYY-MM-DD).").format(name))
        return value.toString("yyyy-MM-dd")

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.search.earthdata import EarthdataLogin  # pystac: at run time, not at QGIS start

        aoi, aoi_crs = self._area(parameters, context)
        catalog = self.parameterAsString(parameters, self.CATALOG, context)
        max_items = self.parameterAsInt(parameters, self.MAX_ITEMS, context)
        progress, is_cancelled = self.core_callbacks(feedback)
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        login, headers = None, None
        if authcfg and "://" in catalog:  # a STAC API: the login as headers; nothing of it is logged
            headers = self.login(authcfg).headers
        elif authcfg and catalog.strip().lower() == "earthengine":  # a service account's key JSON
            with self.core_errors(self.tr("Search")):
                self.earthengine_sign_in(parameters, context, None)
        elif authcfg:
            login = EarthdataLogin(*self.credentials(authcfg))
        with self.core_errors(self.tr("Search")):
            query = SceneQuery.create(
                aoi,
                self._date(parameters, self.START_DATE, context),
                self._date(parameters, self.END_DATE, context),
                aoi_crs=aoi_crs,
                doy_start=self.parameterAsInt(parameters, self.DOY_START, context),
                doy_end=self.parameterAsInt(parameters, self.DOY_END, context),
                max_cloud=self.parameterAsDouble(parameters, self.MAX_CLOUD, context),
                collections=split_list(self.parameterAsString(parameters, self.COLLECTIONS, context)),
                platforms=split_list(self.parameterAsString(parameters, self.PLATFORMS, context)),
                exclude_ids=split_list(self.parameterAsString(parameters, self.EXCLUDE, context)),
                max_items=max_items or None,
                orbit_direction=ORBIT_DIRECTIONS[
                    self.parameterAsEnum(parameters, self.ORBIT_DIRECTION, context)
                ],
                relative_orbits=split_list(self.parameterAsString(parameters, self.RELATIVE_ORBIT, context)),
                polarizations=split_list(self.parameterAsString(parameters, self.POLARIZATIONS, context)),
            )
            result = search_scenes(
                catalog,
                query,
                timeout=self.parameterAsDouble(parameters, self.TIMEOUT, context),
                progress=progress,
                is_cancelled=is_cancelled,
                earthdata_login=login,
                headers=headers,
            )

        # The ItemCollection takes its name only once the footprints are written: if they cannot be,
        # an older file of that name stays as it was.
        items_path = self.parameterAsFileOutput(parameters, self.OUTPUT_ITEMS, context)
        with atomic_output(items_path) as temporary:
            try:
                result.write_item_collection(temporary)
            except OSError as exc:
                message = self.tr("OUTPUT_ITEMS: cannot write {0}: {1}").format(items_path, exc)
                raise self.fail(message) from exc
            sink_id = self._write_footprints(parameters, context, result)
        if len(result):  # an empty footprints layer in the project would only look like a result
            self.load_on_completion(context, sink_id, self.tr("Scene footprints"), self.OUTPUT, raster=False)
            details = context.layerToLoadOnCompletionDetails(sink_id)
            details.setPostProcessor(keep_alive(FootprintStyler()))
        for note in result.notes:
            feedback.pushInfo(user_text(note))
        if len(result) == 0:
            feedback.reportError(
                self.tr(
                    "No scenes match: widen the dates, the day-of-year window, the cloud limit or the area."
                ),
                False,
            )
        else:
            feedback.pushInfo(self.tr("{0} scenes found in {1}").format(len(result), result.catalog))
        return {self.OUTPUT: sink_id, self.OUTPUT_ITEMS: items_path, self.COUNT: len(result)}

    def _write_footprints(self, parameters, context, result) -> str:
        """One feature per scene in OUTPUT (EPSG:4326), with the record fields as attributes."""
        from shapely.geometry import shape

        fields = QgsFields()
        for name in RECORD_FIELDS:
            fields.append(QgsField(name, _FIELD_TYPES.get(name, QVariant.String)))
        sink, sink_id = self.parameterAsSink(
            parameters,
            self.OUTPUT,
            context,
            fields,
            QgsWkbTypes.MultiPolygon,
            QgsCoordinateReferenceSystem("EPSG:4326"),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for item, record in zip(result.items, result.records()):
            feature = QgsFeature(fields)
            if item.geometry is not None:  # STAC allows null geometry (some CMR granules have none)
                geometry = QgsGeometry.fromWkt(shape(item.geometry).wkt)
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
            when = QDateTime.fromString(record["datetime"] or "", Qt.ISODate)
            feature.setAttributes([when if name == "datetime" else record[name] for name in RECORD_FIELDS])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return sink_id

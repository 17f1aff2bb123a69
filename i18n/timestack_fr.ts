<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../plugin/gui/dependency_installer.py" line="20"/>
        <source>Installing Timestack&apos;s Python packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dependency_installer.py" line="49"/>
        <source>Timestack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dependency_installer.py" line="36"/>
        <source>needs Python packages QGIS does not ship: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dependency_installer.py" line="40"/>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dependency_installer.py" line="47"/>
        <source>Packages installed. Restart QGIS to use Timestack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/dependency_installer.py" line="49"/>
        <source>Installing failed; pip&apos;s output is in the Timestack log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/warm_up.py" line="24"/>
        <source>Preparing Timestack&apos;s LandTrendr engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/warm_up.py" line="43"/>
        <source>LandTrendr warm-up failed ({0}); the first run will compile instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithm.py" line="89"/>
        <source>Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithm.py" line="90"/>
        <source>Cloud shadow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithm.py" line="91"/>
        <source>Snow / ice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithm.py" line="92"/>
        <source>Water</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithm.py" line="93"/>
        <source>Cirrus (Landsat 8/9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithm.py" line="94"/>
        <source>Dilated cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithm.py" line="95"/>
        <source>Radiometric saturation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithm.py" line="96"/>
        <source>Dark area (Sentinel-2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/algorithm.py" line="97"/>
        <source>Unclassified (Sentinel-2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeMapAlgorithm</name>
    <message>
        <location filename="../plugin/processing/changemap.py" line="124"/>
        <source>LandTrendr change map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="127"/>
        <source>Maps disturbance (loss) or recovery (gain) from the segment table of timestack:landtrendr.

Segments are filtered first — year of detection (segment start + 1) within START_YEAR–END_YEAR, absolute magnitude above MAG and DSNR (magnitude / RMSE) above DSNR, duration at most DUR years, pre-change value at least PREVAL — then one is selected per pixel by SORT (greatest, least, newest, oldest, fastest, slowest, longest). MMU removes patches of the same year smaller than that many pixels (8-connected). MAG and PREVAL are in the units of the stack LandTrendr was fitted on: an int16 composite stores indices x 10000, so MAG=1000 is a drop of 0.1 NBR.

OUTPUT bands: yod, mag, dur, preval, rate, dsnr (NaN where nothing passed), styled by year. OUTPUT_EVENTS keeps every event: a loss and a gain magnitude band per year and the event counts (0 where none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="143"/>
        <source>LandTrendr segment table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="144"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="144"/>
        <source>Loss (disturbance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="144"/>
        <source>Gain (recovery)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="152"/>
        <source>Select per pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="157"/>
        <source>First year of detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="157"/>
        <source>Last year of detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="162"/>
        <source>Minimum magnitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="165"/>
        <source>Minimum DSNR (magnitude / RMSE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="170"/>
        <source>Maximum duration (years)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="175"/>
        <source>Minimum pre-change value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="180"/>
        <source>Minimum mapping unit (pixels, 1 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="185"/>
        <source>Index change on disturbance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="185"/>
        <source>Automatic (as LandTrendr fitted it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="185"/>
        <source>Decreases (like NBR, NDVI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="185"/>
        <source>Increases (like TCB, SWIR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="197"/>
        <source>Change map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="198"/>
        <source>Every event (per-year loss and gain magnitudes, counts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="223"/>
        <source>INPUT: not a LandTrendr segment table; use the OUTPUT_SEGMENTS raster of timestack:landtrendr (bands segment_&lt;n&gt;_&lt;field&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="238"/>
        <source>INDEX_DIRECTION: the input does not say how its index changes on disturbance (it was not written by timestack:landtrendr); choose &apos;Decreases&apos; or &apos;Increases&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="268"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="273"/>
        <source>INPUT: the segment table must be a raster file readable by GDAL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="294"/>
        <source>Change map cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="298"/>
        <source>gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="298"/>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="300"/>
        <source>Change map ({0}, {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/changemap.py" line="312"/>
        <source>Change events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompositeAlgorithm</name>
    <message>
        <location filename="../plugin/processing/composite.py" line="202"/>
        <source>Annual composites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="205"/>
        <source>Builds one cloud-free composite per year from the scenes of a STAC ItemCollection (the JSON written by 'Search scenes', or the sample archive's items.json): Landsat 4–9 Collection 2 Level-2 and Sentinel-2 L2A, read onto one grid, masked with QA_PIXEL/QA_RADSAT or SCL (and optionally TDOM for missed cloud shadows), reduced per pixel by the medoid, median, mean, maximum NDVI or a percentile, plus spectral indices. A day-of-year window that wraps the new year (start &gt; end) is labelled by the year it ends in. The stack has one band per year and variable, named YYYY_name; years without scenes stay as nodata. Medoid and max-NDVI also write the day of year and source scene of every pixel. A JSON run log lists the scenes used and the scenes skipped, with the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="218"/>
        <source>Scenes (STAC ItemCollection JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="223"/>
        <source>Extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="224"/>
        <source>Area of interest (its bounding box)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="232"/>
        <source>Target CRS (default: the scenes&apos; CRS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="237"/>
        <source>Resolution (target CRS units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="246"/>
        <source>First year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="247"/>
        <source>Last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="248"/>
        <source>Season start (day of year)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="253"/>
        <source>Season end (day of year)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="258"/>
        <source>Compositing method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="258"/>
        <source>Medoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="258"/>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="258"/>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="258"/>
        <source>Maximum NDVI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="258"/>
        <source>Percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="272"/>
        <source>Bands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="282"/>
        <source>Indices (comma-separated: NDVI, NBR, NDMI, NBR2, NDSI, NDWI, EVI, SAVI, TCB, TCG, TCW, TCA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="293"/>
        <source>Mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="304"/>
        <source>Also mask cloud confidence at or above (Landsat QA_PIXEL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="303"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="303"/>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="303"/>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="303"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="320"/>
        <source>TDOM: mask dark outliers (shadows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="323"/>
        <source>Harmonise OLI to ETM+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="326"/>
        <source>Keep years without scenes (nodata)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="332"/>
        <source>Percentile (method Percentile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="341"/>
        <source>Buffer around masked pixels (pixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="349"/>
        <source>Precomputed TDOM statistics (GeoTIFF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="355"/>
        <source>Output data type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="355"/>
        <source>Int16, reflectance × 10000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="355"/>
        <source>Float32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="361"/>
        <source>Chunk size (pixels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="364"/>
        <source>dask.distributed scheduler address (empty: local threads)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="374"/>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="374"/>
        <source>Local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="374"/>
        <source>Google Earth Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="380"/>
        <source>Earth Engine result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="380"/>
        <source>Streamed map layers (one per year)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="380"/>
        <source>Export task to Google Drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="389"/>
        <source>Google Drive folder of the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="396"/>
        <source>Composite stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="397"/>
        <source>Folder for per-year GeoTIFFs and VRT mosaics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="405"/>
        <source>Day of year and source scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="408"/>
        <source>Run log (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="414"/>
        <source>Earth Engine export task id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="450"/>
        <source>ITEMS is empty: give the STAC ItemCollection JSON written by &apos;Search scenes&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="493"/>
        <source>Cancelled; no output was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="592"/>
        <source>Composite failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="499"/>
        <source>Skipped scene {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="500"/>
        <source>Composite {0}–{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="501"/>
        <source>{0} by year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="529"/>
        <source>ENGINE earthengine needs EXTENT or AOI: the region Earth Engine composites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="574"/>
        <source>Earth Engine export task started: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="312"/>
        <source>Also mask cloud-shadow confidence at or above (QA_PIXEL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="312"/>
        <source>Also mask snow/ice confidence at or above (QA_PIXEL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="312"/>
        <source>Also mask cirrus confidence at or above (QA_PIXEL, OLI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="409"/>
        <source>TDOM statistics (reusable as TDOM_STATISTICS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="534"/>
        <source>METHOD: ENGINE earthengine computes medoid composites only; {0} runs locally.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="537"/>
        <source>TDOM: not available with ENGINE earthengine; switch it off or run locally.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="541"/>
        <source>ITEMS is not used by ENGINE earthengine: it composites Landsat 4-9 collections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/composite.py" line="369"/>
        <source>Earthdata Login, to read NASA Earthdata (HLS) granules</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompositePanel</name>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="36"/>
        <source>STAC ItemCollection (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="37"/>
        <source>The scenes: the JSON written by Search scenes, or the sample archive&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="45"/>
        <source>Medoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="45"/>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="45"/>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="45"/>
        <source>Maximum NDVI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="45"/>
        <source>Percentile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="54"/>
        <source>Comma-separated: NDVI, NBR, NDMI, NBR2, NDSI, NDWI, EVI, SAVI, TCB, TCG, TCW, TCA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="57"/>
        <source>Catch missed cloud shadows (TDOM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="58"/>
        <source>Harmonise Landsat 8/9 to Landsat 7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="69"/>
        <source>GeoTIFF (*.tif)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="73"/>
        <source>Optional: one GeoTIFF per year and a VRT per band/index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="125"/>
        <source>Composite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="76"/>
        <source>One cloud-free composite per year from the scenes of a search, with spectral indices. The stack is added as a layer group the Temporal Controller animates year by year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="93"/>
        <source>Scenes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="94"/>
        <source>Years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="95"/>
        <source>Season (day of year)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="96"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="97"/>
        <source>Indices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="102"/>
        <source>Stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="103"/>
        <source>Per-year folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="162"/>
        <source>Compositing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="166"/>
        <source>Composite written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="168"/>
        <source>Compositing failed or was cancelled; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="62"/>
        <source> m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="65"/>
        <source>Only the area searched (not whole scenes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/composite_panel.py" line="98"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LandTrendrAlgorithm</name>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="108"/>
        <source>LandTrendr temporal segmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="128"/>
        <source>Annual stack (bands YYYY_name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="131"/>
        <source>Index or band to segment (e.g. nbr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="134"/>
        <source>Other bands to fit at the index&apos;s vertex years (comma separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="144"/>
        <source>Maximum segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="145"/>
        <source>Spike threshold (1 = no despiking)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="146"/>
        <source>Vertex count overshoot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="147"/>
        <source>Recovery threshold (1/years)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="148"/>
        <source>p-value threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="149"/>
        <source>Best model proportion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="150"/>
        <source>Minimum observations needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="155"/>
        <source>Prevent one-year recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="164"/>
        <source>Flavor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="164"/>
        <source>gee — Earth Engine behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="164"/>
        <source>idl — original IDL program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="172"/>
        <source>Index change on disturbance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="172"/>
        <source>Automatic (from the index)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="172"/>
        <source>Decreases (like NBR, NDVI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="172"/>
        <source>Increases (like TCB, SWIR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="184"/>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="184"/>
        <source>Local (this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="184"/>
        <source>Google Earth Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="192"/>
        <source>Earth Engine: Google Cloud project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="192"/>
        <source>Earth Engine: Google Drive export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="192"/>
        <source>Earth Engine: start the export tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="211"/>
        <source>Earth Engine export tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="212"/>
        <source>Vertices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="212"/>
        <source>Fitted values (one band per year)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="212"/>
        <source>RMSE, p-value, segment count, status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="212"/>
        <source>Segment table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="220"/>
        <source>FTV folder (one GeoTIFF per fit band)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="249"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="266"/>
        <source>DIRECTION: {0} is not a known index or band, so its change on disturbance is unknown; choose &apos;Decreases&apos; or &apos;Increases&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="277"/>
        <source>INPUT: the stack must be a raster file readable by GDAL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="284"/>
        <source>INPUT: the stack has no year information: its band descriptions must read YYYY_name (e.g. 1990_nbr), as timestack:composite writes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="292"/>
        <source>INDEX: the stack has no band named {0}; it has: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="302"/>
        <source>FIT_BANDS: the stack has no band named {0}; it has: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="325"/>
        <source>FLAVOR: Earth Engine always behaves as &apos;gee&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="359"/>
        <source>ENGINE earthengine: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="361"/>
        <source>Earth Engine export tasks: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="385"/>
        <source>OUTPUT_FTV: name the bands to fit in FIT_BANDS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="395"/>
        <source>Segmenting {0} (disturbance {1}), flavor {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="395"/>
        <source>decreases it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="395"/>
        <source>increases it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="407"/>
        <source>LandTrendr cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="412"/>
        <source>LandTrendr vertices ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="413"/>
        <source>LandTrendr fitted {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="414"/>
        <source>LandTrendr RMSE ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="415"/>
        <source>LandTrendr segments ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="422"/>
        <source>LandTrendr FTV {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="111"/>
        <source>Fits LandTrendr (Kennedy et al. 2010) to every pixel of an annual stack: a piecewise-linear trajectory whose vertices mark disturbances and recoveries.

INPUT is a stack whose band descriptions are YYYY_name (the composite algorithm writes them); INDEX names the band or index to segment (e.g. nbr). FIT_BANDS are other bands fitted at the index's vertex years (FTV). Parameters carry Earth Engine's names and defaults. The disturbance direction (NBR, NDVI fall on disturbance; TCB, SWIR rise) is taken from the index unless DIRECTION says otherwise; values need no ×1000 scaling.

FLAVOR 'gee' (default) reproduces Earth Engine's outputs; 'idl' reproduces the original IDL program, including its single-precision p-values and integer truncation (so use it on scaled stacks such as Timestack's int16 composites, not on 0-1 index values).

Outputs: vertices (years, source and fitted values, NaN-padded), the fitted value for every year, FTV stacks per fit band (one GeoTIFF per band in a folder), RMSE / p-value / segment count / status, and the segment table that timestack:changemap maps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="192"/>
        <source>Earth Engine: annual composite ImageCollection (asset id; empty = composite here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/landtrendr.py" line="345"/>
        <source>EE_COLLECTION is empty: compositing the stack&apos;s years on Earth Engine first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LandTrendrPanel</name>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="73"/>
        <source>Automatic (from the index)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="74"/>
        <source>Decreases on disturbance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="75"/>
        <source>Increases on disturbance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="77"/>
        <source>gee — Earth Engine behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="78"/>
        <source>idl — original IDL program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="82"/>
        <source>[temporary files]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="83"/>
        <source>Then map the greatest loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="92"/>
        <source>Inspect pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="94"/>
        <source>Click a pixel of the stack to see its fit; edits refit at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="97"/>
        <source>Run LandTrendr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="99"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="117"/>
        <source>LandTrendr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="149"/>
        <source>Maximum segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="150"/>
        <source>Spike threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="151"/>
        <source>Vertex count overshoot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="152"/>
        <source>Prevent one-year recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="153"/>
        <source>Recovery threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="154"/>
        <source>p-value threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="155"/>
        <source>Best model proportion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="156"/>
        <source>Minimum observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="159"/>
        <source>Annual stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="160"/>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="161"/>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="162"/>
        <source>Also fit bands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="163"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="164"/>
        <source>Earth Engine&apos;s LandTrendr parameters, with its defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="170"/>
        <source>Flavor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="173"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="175"/>
        <source>Minimum loss magnitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="244"/>
        <source>This layer has no YYYY_name band descriptions; pick a composite stack.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="307"/>
        <source>Fitting LandTrendr…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="322"/>
        <source>LandTrendr failed or was cancelled; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="326"/>
        <source>LandTrendr done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="328"/>
        <source>Mapping change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="340"/>
        <source>LandTrendr and change map done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="342"/>
        <source>The change map failed or was cancelled; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/landtrendr_panel.py" line="89"/>
        <source>In the stack&apos;s units: 1000 on an int16 composite (indices x 10000) is a drop of 0.1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PixelInspector</name>
    <message>
        <location filename="../plugin/gui/pixel_inspector.py" line="141"/>
        <source>row {0}, col {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/pixel_inspector.py" line="156"/>
        <source>too few observations: flat at the mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/pixel_inspector.py" line="157"/>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/pixel_inspector.py" line="158"/>
        <source>not significant: flat at the mean</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunsOneAlgorithm</name>
    <message>
        <location filename="../plugin/gui/algorithm_task.py" line="104"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SampleArchiveAlgorithm</name>
    <message>
        <location filename="../plugin/processing/sample_archive.py" line="41"/>
        <source>Build sample Landsat archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sample_archive.py" line="44"/>
        <source>Writes Timestack's sample archive: Landsat 5/7/8/9 Collection 2 Level-2 scenes as Cloud-Optimized GeoTIFFs over a synthetic landscape with known clear-cuts, a fire, clouds and shadows, a STAC catalog (ItemCollection JSON and stac-geoparquet) and the ground truth (disturbance year and magnitude, cloud masks, stand polygons). 'full' is about 400×400 pixels over 1986–2024; 'small' is a quick subset for trials. An archive already built in the folder is reused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sample_archive.py" line="54"/>
        <source>Variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sample_archive.py" line="54"/>
        <source>Full (400×400 px, 1986–2024)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sample_archive.py" line="54"/>
        <source>Small (quick tests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sample_archive.py" line="62"/>
        <source>Archive folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sample_archive.py" line="65"/>
        <source>STAC ItemCollection (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sample_archive.py" line="66"/>
        <source>STAC catalog (geoparquet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sample_archive.py" line="67"/>
        <source>Stand polygons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sample_archive.py" line="81"/>
        <source>True disturbance year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sample_archive.py" line="80"/>
        <source>Sample stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/sample_archive.py" line="84"/>
        <source>Sample archive ({0}) in {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SamplePanel</name>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="31"/>
        <source>Full (400×400 px, 1986–2024)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="32"/>
        <source>Small (quick tests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="36"/>
        <source>Build sample archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="38"/>
        <source>Timestack ships a synthetic Landsat archive with known clear-cuts, a fire, clouds and shadows. Build it to try search, compositing and LandTrendr without a network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="47"/>
        <source>Variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="48"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="62"/>
        <source>Sample data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="68"/>
        <source>Building…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="72"/>
        <source>Sample archive ready: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="74"/>
        <source>Building the sample archive failed or was cancelled; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="70"/>
        <source>Sample archive (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="73"/>
        <source>A preset, a STAC API URL or a catalog file (JSON, stac-geoparquet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="77"/>
        <source>Choose a local catalog file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="83"/>
        <source>Collection ids, comma-separated; empty searches all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="86"/>
        <source>Read the collections the catalog offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="98"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="110"/>
        <source>Optional: search the polygons of this layer instead of the extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="122"/>
        <source>A start after the end wraps over the new year (e.g. 335 to 60)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="132"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="195"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="138"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="138"/>
        <source>Cloud %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="138"/>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="138"/>
        <source>Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="138"/>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="146"/>
        <source>Add selected scene to map (natural colour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="154"/>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="158"/>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="161"/>
        <source>AOI layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="166"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="171"/>
        <source>Day of year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="175"/>
        <source>Max. cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="176"/>
        <source>Max. scenes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="210"/>
        <source>Choose a catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="210"/>
        <source>STAC catalogs (*.json *.geojson *.parquet *.geoparquet);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="220"/>
        <source>≤ {0} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="252"/>
        <source>{0} collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="281"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="288"/>
        <source>see the Processing log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="289"/>
        <source>The search failed or was cancelled: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="294"/>
        <source>{0} scenes; footprints added to the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="305"/>
        <source>No scenes match: widen the dates, the cloud limit or the area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="336"/>
        <source>Select a scene in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="361"/>
        <source>GDAL could not open the bands of {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="90"/>
        <source>Earthdata Login from QGIS&apos;s authentication database: a Basic configuration with your username and password, or an empty username and a user token as password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="159"/>
        <source>Earthdata login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="383"/>
        <source>The chosen Earthdata login is not in the authentication database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="238"/>
        <source>Reading the catalog's collections…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="239"/>
        <source>Timestack: collections of the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="366"/>
        <source>{0} added to the map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="369"/>
        <source>Opening {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/search_panel.py" line="370"/>
        <source>Timestack: preview of {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchScenesAlgorithm</name>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="76"/>
        <source>Search scenes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="80"/>
        <source>Finds satellite scenes over an area and a period. CATALOG is a STAC API URL, a local catalog file (STAC ItemCollection JSON, stac-geoparquet or a static catalog&apos;s catalog.json) or one of: {0}. Give the area as EXTENT or as an AOI polygon layer (any CRS). A day-of-year window whose start is after its end wraps over the new year (e.g. 335 to 60 for winters). Outputs the scene footprints and the scenes as a STAC ItemCollection JSON for compositing. No match gives an empty layer and a message, not an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="90"/>
        <source>Catalog (URL, file or preset)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="93"/>
        <source>Collections (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="98"/>
        <source>Extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="99"/>
        <source>Area of interest (polygons)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="107"/>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="107"/>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="111"/>
        <source>First day of year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="111"/>
        <source>Last day of year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="120"/>
        <source>Maximum cloud cover (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="130"/>
        <source>Scene ids to exclude (comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="138"/>
        <source>Maximum number of scenes (0 = no limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="148"/>
        <source>Platforms (comma-separated, e.g. landsat-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="154"/>
        <source>Server timeout (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="254"/>
        <source>Scene footprints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="175"/>
        <source>Scenes (STAC ItemCollection JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="175"/>
        <source>STAC ItemCollection (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="183"/>
        <source>Number of scenes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="191"/>
        <source>AOI has no polygons; choose a layer with at least one polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="194"/>
        <source>Give the area to search as EXTENT or as an AOI polygon layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="198"/>
        <source>EXTENT is empty; draw or choose an extent with an area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="206"/>
        <source>{0} must be a date (YYYY-MM-DD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="239"/>
        <source>Search cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="258"/>
        <source>No scenes match: widen the dates, the day-of-year window, the cloud limit or the area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="265"/>
        <source>{0} scenes found in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="161"/>
        <source>Earthdata Login (authentication configuration: username and password, or a token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/search_scenes.py" line="248"/>
        <source>OUTPUT_ITEMS: cannot write {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeriesPlot</name>
    <message>
        <location filename="../plugin/gui/series_plot.py" line="78"/>
        <source>Polygon {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimestackAlgorithm</name>
    <message>
        <location filename="../plugin/processing/algorithm.py" line="115"/>
        <source>AUTHCFG: there is no authentication configuration '{0}' in QGIS's authentication database (Settings ▸ Options ▸ Authentication).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimestackDock</name>
    <message>
        <location filename="../plugin/gui/dock.py" line="19"/>
        <source>Timestack</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimestackPlugin</name>
    <message>
        <location filename="../plugin/timestack_plugin.py" line="62"/>
        <source>Timestack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/timestack_plugin.py" line="69"/>
        <source>Show the Timestack panel: search, composite, LandTrendr, statistics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimestackProvider</name>
    <message>
        <location filename="../plugin/processing/provider.py" line="33"/>
        <source>Timestack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="36"/>
        <source>Timestack — satellite image time series</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrajectoryPlot</name>
    <message>
        <location filename="../plugin/gui/trajectory_plot.py" line="72"/>
        <source>{0} segments, RMSE {1:.4g}, p = {2:.3g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/trajectory_plot.py" line="81"/>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/trajectory_plot.py" line="82"/>
        <source>fitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/trajectory_plot.py" line="83"/>
        <source>vertices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/trajectory_plot.py" line="84"/>
        <source>year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZonalPanel</name>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="58"/>
        <source>Time stacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="59"/>
        <source>Scenes of a search result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="68"/>
        <source>STAC items (*.json *.parquet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="70"/>
        <source>Bands or indices, comma separated; empty measures every band of a stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="78"/>
        <source>e.g. 10, 90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="80"/>
        <source>None (every date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="80"/>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="80"/>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="80"/>
        <source>Yearly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="80"/>
        <source>Whole period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="93"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="95"/>
        <source>Compute statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="96"/>
        <source>Save as recurring job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="100"/>
        <source>crontab line of the saved job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="102"/>
        <source>Pick polygon on map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="105"/>
        <source>Export plot as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="110"/>
        <source>Polygons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="111"/>
        <source>Id field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="115"/>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="116"/>
        <source>Stack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="117"/>
        <source>LandTrendr fit (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="118"/>
        <source>Search result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="119"/>
        <source>Bands / indices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="120"/>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="121"/>
        <source>Percentiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="122"/>
        <source>Compile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="123"/>
        <source>Minimum valid fraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="124"/>
        <source>Output CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="147"/>
        <source>Polygon statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="188"/>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="194"/>
        <source>Polygon statistics failed or were cancelled; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="197"/>
        <source>{0} rows in {1}. Pick a polygon to see its series.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="222"/>
        <source>Compute statistics first, then pick a polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="227"/>
        <source>Polygon {0} is not in the statistics table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="230"/>
        <source>Export plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="230"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="263"/>
        <source>Save recurring job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="263"/>
        <source>Job (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="272"/>
        <source>A recurring job needs a search result (catalog) and an output CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/zonal_panel.py" line="280"/>
        <source>Job saved to {0}; add the line below to your crontab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZonalStatsAlgorithm</name>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="70"/>
        <source>Polygon statistics over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="90"/>
        <source>Polygons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="95"/>
        <source>Polygon id field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="100"/>
        <source>Time stacks (bands named YYYY_variable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="108"/>
        <source>Scenes (ItemCollection JSON or stac-geoparquet), instead of stacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="116"/>
        <source>Bands (comma separated; stacks: empty = all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="121"/>
        <source>Indices (comma separated, e.g. NBR, NDVI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="126"/>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="135"/>
        <source>Percentiles (comma separated, e.g. 10, 90)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="140"/>
        <source>Compile dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="140"/>
        <source>None (every date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="140"/>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="140"/>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="140"/>
        <source>Yearly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="140"/>
        <source>Whole period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="154"/>
        <source>Minimum valid fraction of a polygon to keep a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="164"/>
        <source>Mask in scenes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="179"/>
        <source>Statistics (long table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="184"/>
        <source>Wide table (one row per polygon, the mean or first statistic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="199"/>
        <source>PERCENTILES: {0} is not a whole number from 0 to 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="211"/>
        <source>Polygon {0}: invalid geometry repaired (MakeValid).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="221"/>
        <source>Give either time stacks (INPUT) or scenes (ITEMS), not both and not neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="241"/>
        <source>{0} scenes over the polygons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="256"/>
        <source>Polygon statistics cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="260"/>
        <source>Polygon statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="266"/>
        <source>Polygon statistics (wide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="270"/>
        <source>{0} rows written to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="73"/>
        <source>Statistics of every polygon (stand, field, catchment) over time, computed exactly with exactextract (each pixel weighted by the share of it the polygon covers).

Give either time stacks (INPUT: composites, LandTrendr fitted values or timescans whose band descriptions start with the date, e.g. 1990_nbr) or a search result (ITEMS: ItemCollection JSON or stac-geoparquet); scenes are cloud-masked with QA_PIXEL or SCL before the bands and indices in BANDS/INDICES are measured.

The output is a long table (id, date, variable, one column per statistic); valid_fraction is the unmasked share of the polygon. COMPILE aggregates dates to weeks, months, years or the whole period, weighting each date by its valid pixel count, after dropping dates whose valid fraction is below MIN_VALID_FRACTION. Count, mean, std, min and max of a period are exact; a period&apos;s median and percentiles are the count-weighted mean of the dates&apos; values, an approximation (the exact value needs every pixel). The optional wide table has one row per polygon and can be joined to the polygons by their id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/zonal_stats.py" line="174"/>
        <source>Earthdata Login, to read NASA Earthdata (HLS) scenes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
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
        <location filename="../plugin/gui/sample_panel.py" line="34"/>
        <source>Full (400×400 px, 1986–2024)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="35"/>
        <source>Small (quick tests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="39"/>
        <source>Build sample archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="42"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="49"/>
        <source>Timestack ships a synthetic Landsat archive with known clear-cuts, a fire, clouds and shadows. Build it to try search, compositing and LandTrendr without a network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="58"/>
        <source>Variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="59"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="73"/>
        <source>Sample data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="84"/>
        <source>Building…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="95"/>
        <source>Sample archive ready: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/gui/sample_panel.py" line="97"/>
        <source>Building the sample archive failed or was cancelled; see the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimestackDock</name>
    <message>
        <location filename="../plugin/gui/dock.py" line="15"/>
        <source>Timestack</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimestackPlugin</name>
    <message>
        <location filename="../plugin/timestack_plugin.py" line="48"/>
        <source>Timestack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/timestack_plugin.py" line="53"/>
        <source>Show the Timestack panel: search, composite, LandTrendr, statistics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimestackProvider</name>
    <message>
        <location filename="../plugin/processing/provider.py" line="21"/>
        <source>Timestack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin/processing/provider.py" line="24"/>
        <source>Timestack — satellite image time series</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AlgorithmParameters</name>
    <message>
        <location filename="../timestack/gui/parameter_widgets.py" line="201"/>
        <source>[temporary output]</source>
        <translation>[sortie temporaire]</translation>
    </message>
</context>
<context>
    <name>AlgorithmTask</name>
    <message>
        <location filename="../timestack/gui/algorithm_task.py" line="165"/>
        <source>{0} cancelled; nothing was written.</source>
        <translation>{0} : traitement annulé ; rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/algorithm_task.py" line="169"/>
        <source>see the log</source>
        <translation>voir le journal</translation>
    </message>
    <message>
        <location filename="../timestack/gui/algorithm_task.py" line="170"/>
        <source>{0} failed: {1}</source>
        <translation>{0} : échec — {1}</translation>
    </message>
</context>
<context>
    <name>AnimationAlgorithm</name>
    <message>
        <location filename="../timestack/processing/animation.py" line="51"/>
        <source>Animate a time stack (GIF, MP4)</source>
        <translation>Animer une pile temporelle (GIF, MP4)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="54"/>
        <source>Makes an animation with one frame per date of a stack whose band descriptions carry dates, each frame labelled with its date: BANDS names the variable shown with COLORMAP (any matplotlib colour map; empty = the stack&apos;s only variable), or RGB names three variables shown as red, green and blue (dates all three have). STRETCH gives the low and high percentiles of all the stack&apos;s valid values (per channel for RGB) mapped to the ends of the ramp, one stretch for every frame so colours compare across dates. AOI draws polygon outlines. OUTPUT .gif (Pillow) or .mp4 (needs the imageio-ffmpeg package). Frames are read at most MAX_SIZE pixels wide and shown FRAME_MS milliseconds each.</source>
        <translation>Crée une animation avec une image par date d'une pile dont les descriptions de bandes portent des dates, chaque image étiquetée de sa date : BANDS nomme la variable affichée avec COLORMAP (toute palette de couleurs matplotlib ; vide = la seule variable de la pile), ou RGB nomme trois variables affichées en rouge, vert et bleu (aux dates que les trois ont). STRETCH donne les centiles bas et haut de toutes les valeurs valides de la pile (par canal en RGB) placés aux extrémités de la palette, un seul étirement pour toutes les images afin que les couleurs se comparent d'une date à l'autre. AOI trace le contour de polygones. OUTPUT .gif (Pillow) ou .mp4 (nécessite le paquet imageio-ffmpeg). Les images sont lues sur au plus MAX_SIZE pixels de large et affichées FRAME_MS millisecondes chacune.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="66"/>
        <source>Time stack</source>
        <translation>Pile temporelle</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="67"/>
        <source>Variable (empty = the only one)</source>
        <translation>Variable (vide = la seule)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="72"/>
        <source>RGB: three variables, comma-separated (instead of BANDS)</source>
        <translation>RGB : trois variables séparées par des virgules (au lieu de BANDS)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="78"/>
        <source>Stretch percentiles (low, high)</source>
        <translation>Centiles d'étirement (bas, haut)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="84"/>
        <source>Colour map</source>
        <translation>Palette de couleurs</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="87"/>
        <source>AOI outline</source>
        <translation>Contour de la zone d'intérêt</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="92"/>
        <source>Milliseconds per frame</source>
        <translation>Millisecondes par image</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="98"/>
        <source>Largest frame side (pixels)</source>
        <translation>Plus grand côté d'une image (pixels)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="210"/>
        <source>Animation</source>
        <translation>Animation</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="105"/>
        <source>GIF (*.gif);;MP4 (*.mp4)</source>
        <translation>GIF (*.gif);;MP4 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="110"/>
        <source>Frames</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="165"/>
        <source>STRETCH: percentiles must satisfy 0 ≤ low &lt; high ≤ 100, got {0:g}, {1:g}.</source>
        <translation>STRETCH : les centiles doivent vérifier 0 ≤ bas &lt; haut ≤ 100, reçu {0:g}, {1:g}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="205"/>
        <source>INPUT: the stack must be a raster file readable by GDAL.</source>
        <translation>INPUT : la pile doit être un fichier raster lisible par GDAL.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="221"/>
        <source>{0} frames, {1} to {2}; stretch {3}.</source>
        <translation>{0} images, du {1} au {2} ; étirement {3}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="150"/>
        <source>AOI: {0} is not a vector layer QGIS can read; choose a polygon layer (GeoPackage, shapefile, GeoJSON) or leave AOI empty.</source>
        <translation>AOI : {0} n'est pas une couche vecteur lisible par QGIS ; choisissez une couche de polygones (GeoPackage, shapefile, GeoJSON) ou laissez AOI vide.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="155"/>
        <source>AOI: {0} does not exist; choose a polygon layer or leave AOI empty.</source>
        <translation>AOI : {0} n'existe pas ; choisissez une couche de polygones ou laissez AOI vide.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="161"/>
        <source>STRETCH: give two percentiles, low and high, such as 2,98; got &apos;{0}&apos;.</source>
        <translation>STRETCH : donnez deux centiles, bas et haut, comme 2,98 ; reçu « {0} ».</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="178"/>
        <source>AOI: {0} holds {1} geometries, not polygons; choose a polygon layer or leave AOI empty.</source>
        <translation>AOI : {0} contient des géométries {1}, pas des polygones ; choisissez une couche de polygones ou laissez AOI vide.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="195"/>
        <source>AOI: {0} has no polygons; choose a layer with the area to outline, or leave AOI empty.</source>
        <translation>AOI : {0} n'a aucun polygone ; choisissez une couche avec la zone à entourer, ou laissez AOI vide.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="111"/>
        <source>The variable shown, one frame per date (nbr of bands 2015_nbr, 2016_nbr…); empty when the stack holds only one.</source>
        <translation>La variable affichée, une image par date (nbr pour les bandes 2015_nbr, 2016_nbr…) ; vide lorsque la pile n'en contient qu'une.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="111"/>
        <source>Three variables shown as red, green and blue (swir2,nir,red), one frame per date they share; instead of BANDS.</source>
        <translation>Trois variables affichées en rouge, vert et bleu (swir2,nir,red), une image par date qu'elles partagent ; à la place de BANDS.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="111"/>
        <source>The percentiles (0-100) of the whole stack&apos;s values drawn darkest and brightest: one stretch for every frame, so brightness compares across dates.</source>
        <translation>Les centiles (0-100) des valeurs de toute la pile affichés le plus sombre et le plus clair : un seul étirement pour toutes les images, pour comparer la luminosité entre les dates.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="111"/>
        <source>The matplotlib colour map of a single variable (gray, viridis, magma…); RGB ignores it.</source>
        <translation>La palette de couleurs matplotlib d'une variable unique (gray, viridis, magma…) ; RGB l'ignore.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="111"/>
        <source>Polygons drawn as outlines on every frame (stands, a burn scar); optional.</source>
        <translation>Polygones dessinés en contour sur chaque image (peuplements, une zone brûlée) ; facultatif.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="111"/>
        <source>How long each frame shows, in milliseconds: 500 shows two dates a second.</source>
        <translation>Durée d'affichage de chaque image, en millisecondes : 500 montre deux dates par seconde.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="111"/>
        <source>The longer side of a frame, in pixels: larger stacks are scaled down to it.</source>
        <translation>Le plus grand côté d'une image, en pixels : les piles plus grandes sont réduites à cette taille.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="111"/>
        <source>A .gif (plays anywhere) or an .mp4 (smaller; needs ffmpeg).</source>
        <translation>Un .gif (lisible partout) ou un .mp4 (plus petit ; nécessite ffmpeg).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="136"/>
        <source>The time stack to animate: one frame per date or year of its dated bands.</source>
        <translation>Le stack temporel à animer : une image par date ou année de ses bandes datées.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/animation.py" line="228"/>
        <source>INPUT: the stack holds no valid value in these bands (every pixel of every date is nodata or NaN), so every frame is blank; check the stack and BANDS or RGB.</source>
        <translation>INPUT : la pile ne contient aucune valeur valide dans ces bandes (chaque pixel de chaque date est nodata ou NaN), donc chaque image est vide ; vérifiez la pile et BANDS ou RGB.</translation>
    </message>
</context>
<context>
    <name>AsterSceneAlgorithm</name>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="51"/>
        <source>ASTER L1T scenes (radiance, brightness temperature, indices)</source>
        <translation>Scènes ASTER L1T (luminance, température de brillance, indices)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="54"/>
        <source>Converts ASTER L1T scenes — ITEMS, the ItemCollection JSON 'Search scenes' writes for Planetary Computer's aster-l1t, or INPUT, the scenes' -VNIR.tif, -SWIR.tif and -TIR.tif COGs or their HDF-EOS granules (.hdf, whose metadata gives the gains and the sun elevation) — into one GeoTIFF per scene and subsystem at its own resolution (VNIR 15 m, SWIR 30 m, TIR 90 m), cropped to EXTENT or AOI when given. PRODUCTS: at-sensor radiance, L = (DN − 1) × the unit conversion coefficient of the band's gain (ASTER User Handbook v2, Table 5; W m⁻² sr⁻¹ µm⁻¹); brightness temperature of bands 10–14 (K, Planck's law at the bands' effective wavelengths); top-of-atmosphere reflectance of bands 1–9 (needs the items' sun elevation). INDICES (on reflectance): {0}. DN 0 and saturated DNs are nodata. The published COGs carry no gain settings: VNIR and SWIR are converted with normal gain unless GAINS names others, e.g. 1:HGH, 3N:LO1, 5:LO2 (gains HGH, NOR, LO1, LO2; from the scene's HDF metadata). Bands are named YYYY-MM-DD_variable, so the files feed Timescan and the cube export.</source>
        <translation>Convertit des scènes ASTER L1T — ITEMS, le JSON ItemCollection écrit par « Rechercher des scènes » pour la collection aster-l1t de Planetary Computer, ou INPUT, les COG -VNIR.tif, -SWIR.tif et -TIR.tif des scènes ou leurs granules HDF-EOS (.hdf, dont les métadonnées donnent les gains et l'élévation solaire) — en un GeoTIFF par scène et par sous-système à sa propre résolution (VNIR 15 m, SWIR 30 m, TIR 90 m), découpé selon EXTENT ou AOI s'ils sont indiqués. PRODUCTS : luminance au capteur, L = (CN − 1) × le coefficient de conversion d'unité du gain de la bande (ASTER User Handbook v2, tableau 5 ; W m⁻² sr⁻¹ µm⁻¹) ; température de brillance des bandes 10–14 (K, loi de Planck aux longueurs d'onde effectives des bandes) ; réflectance au sommet de l'atmosphère des bandes 1–9 (nécessite l'élévation solaire des items). INDICES (sur la réflectance) : {0}. Les CN 0 et les CN saturés sont sans données. Les COG publiés ne portent pas les réglages de gain : VNIR et SWIR sont convertis avec le gain normal sauf si GAINS en indique d'autres, par exemple 1:HGH, 3N:LO1, 5:LO2 (gains HGH, NOR, LO1, LO2 ; dans les métadonnées HDF de la scène). Les bandes sont nommées AAAA-MM-JJ_variable : les fichiers alimentent Timescan et l'export en cube.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="70"/>
        <source>Scenes (STAC ItemCollection JSON)</source>
        <translation>Scènes (JSON ItemCollection STAC)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="75"/>
        <source>Or the scenes&apos; files (-VNIR.tif, -SWIR.tif, -TIR.tif COGs or .hdf granules)</source>
        <translation>Ou les fichiers des scènes (COG -VNIR.tif, -SWIR.tif, -TIR.tif ou granules .hdf)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="83"/>
        <source>Subsystems</source>
        <translation>Sous-systèmes</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="92"/>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="92"/>
        <source>Radiance</source>
        <translation>Luminance</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="92"/>
        <source>Brightness temperature (TIR)</source>
        <translation>Température de brillance (TIR)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="92"/>
        <source>TOA reflectance (VNIR, SWIR)</source>
        <translation>Réflectance TOA (VNIR, SWIR)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="106"/>
        <source>ASTER indices (comma-separated: {0})</source>
        <translation>Indices ASTER (séparés par des virgules : {0})</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="113"/>
        <source>Gains other than normal (band:gain, e.g. 1:HGH, 5:LO2)</source>
        <translation>Gains autres que normal (bande:gain, par exemple 1:HGH, 5:LO2)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="120"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="123"/>
        <source>ASTER files</source>
        <translation>Fichiers ASTER</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="124"/>
        <source>Files written</source>
        <translation>Fichiers écrits</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="162"/>
        <source>INDICES: {0} is not an ASTER index; use one of {1}.</source>
        <translation>INDICES : {0} n'est pas un indice ASTER ; utilisez l'un de {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="175"/>
        <source>ITEMS and INPUT are both set; give the scenes one way only.</source>
        <translation>ITEMS et INPUT sont tous deux indiqués ; donnez les scènes d'une seule façon.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="177"/>
        <source>ITEMS and INPUT are empty: give the ItemCollection JSON of an aster-l1t search, or the scenes&apos; -VNIR.tif, -SWIR.tif and -TIR.tif files.</source>
        <translation>ITEMS et INPUT sont vides : indiquez le JSON ItemCollection d'une recherche aster-l1t, ou les fichiers -VNIR.tif, -SWIR.tif et -TIR.tif des scènes.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="185"/>
        <source>OUTPUT_FOLDER: {0} is a file; choose a folder for the ASTER files.</source>
        <translation>OUTPUT_FOLDER : {0} est un fichier ; choisissez un dossier pour les fichiers ASTER.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="190"/>
        <source>ASTER scenes</source>
        <translation>Scènes ASTER</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="212"/>
        <source>Skipped {0} {1}: {2}</source>
        <translation>Ignoré {0} {1} : {2}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="125"/>
        <source>The ASTER L1T scenes as the ItemCollection JSON written by &apos;Search scenes&apos; (Planetary Computer&apos;s aster-l1t); or give INPUT.</source>
        <translation>Les scènes ASTER L1T sous forme de JSON ItemCollection écrit par « Rechercher des scènes » (aster-l1t de Planetary Computer) ; ou indiquez INPUT.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="125"/>
        <source>The scenes&apos; files instead of ITEMS: -VNIR.tif, -SWIR.tif and -TIR.tif COGs, or HDF-EOS granules (.hdf).</source>
        <translation>Les fichiers des scènes au lieu d'ITEMS : COG -VNIR.tif, -SWIR.tif et -TIR.tif, ou granules HDF-EOS (.hdf).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="125"/>
        <source>Which sensors to convert: VNIR (bands 1–3N, 15 m), SWIR (bands 4–9, 30 m), TIR (bands 10–14, 90 m).</source>
        <translation>Capteurs à convertir : VNIR (bandes 1–3N, 15 m), SWIR (bandes 4–9, 30 m), TIR (bandes 10–14, 90 m).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="125"/>
        <source>What to write: at-sensor radiance (W m⁻² sr⁻¹ µm⁻¹), brightness temperature of TIR bands (K), top-of-atmosphere reflectance of VNIR and SWIR bands (0–1).</source>
        <translation>Ce qui est écrit : luminance au capteur (W m⁻² sr⁻¹ µm⁻¹), température de brillance des bandes TIR (K), réflectance au sommet de l'atmosphère des bandes VNIR et SWIR (0–1).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="125"/>
        <source>Band ratios computed from the reflectance, separated by commas (NDVI, CLAY_4_6…); empty: none.</source>
        <translation>Rapports de bandes calculés à partir de la réflectance, séparés par des virgules (NDVI, CLAY_4_6…) ; vide : aucun.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="125"/>
        <source>Bands recorded with a gain other than normal, as band:gain separated by commas (1:HGH, 5:LO2; gains HGH, NOR, LO1, LO2, from the scene&apos;s HDF metadata).</source>
        <translation>Bandes enregistrées avec un gain autre que normal, sous la forme bande:gain séparées par des virgules (1:HGH, 5:LO2 ; gains HGH, NOR, LO1, LO2, d'après les métadonnées HDF de la scène).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/asterscene.py" line="125"/>
        <source>Where the GeoTIFFs are written, one per scene and subsystem, bands named YYYY-MM-DD_variable.</source>
        <translation>Où les GeoTIFF sont écrits, un par scène et sous-système, bandes nommées AAAA-MM-JJ_variable.</translation>
    </message>
</context>
<context>
    <name>CatalogConnections</name>
    <message>
        <location filename="../timestack/gui/catalog_connections.py" line="148"/>
        <source>A saved catalog connection: its URL and login fill the boxes below</source>
        <translation>Une connexion de catalogue enregistrée : son URL et son authentification remplissent les champs ci-dessous</translation>
    </message>
    <message>
        <location filename="../timestack/gui/catalog_connections.py" line="150"/>
        <source>Save the catalog and login below as a new connection</source>
        <translation>Enregistrer le catalogue et l'authentification ci-dessous comme nouvelle connexion</translation>
    </message>
    <message>
        <location filename="../timestack/gui/catalog_connections.py" line="150"/>
        <source>Edit the chosen connection</source>
        <translation>Modifier la connexion choisie</translation>
    </message>
    <message>
        <location filename="../timestack/gui/catalog_connections.py" line="150"/>
        <source>Remove the chosen connection</source>
        <translation>Supprimer la connexion choisie</translation>
    </message>
    <message>
        <location filename="../timestack/gui/catalog_connections.py" line="177"/>
        <source>(no saved connection)</source>
        <translation>(aucune connexion enregistrée)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/catalog_connections.py" line="228"/>
        <source>Remove connection</source>
        <translation>Supprimer la connexion</translation>
    </message>
    <message>
        <location filename="../timestack/gui/catalog_connections.py" line="228"/>
        <source>Remove the connection &apos;{0}&apos;? Its login stays in QGIS&apos;s authentication database.</source>
        <translation>Supprimer la connexion « {0} » ? Son authentification reste dans la base d'authentification de QGIS.</translation>
    </message>
</context>
<context>
    <name>ChangeMapAlgorithm</name>
    <message>
        <location filename="../timestack/processing/changemap.py" line="76"/>
        <source>LandTrendr change map</source>
        <translation>Carte des changements LandTrendr</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="99"/>
        <source>LandTrendr segment table</source>
        <translation>Table des segments LandTrendr</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="100"/>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="100"/>
        <source>Loss (disturbance)</source>
        <translation>Perte (perturbation)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="100"/>
        <source>Gain (recovery)</source>
        <translation>Gain (reprise)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="108"/>
        <source>Select per pixel</source>
        <translation>Sélection par pixel</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="113"/>
        <source>First year of detection</source>
        <translation>Première année de détection</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="113"/>
        <source>Last year of detection</source>
        <translation>Dernière année de détection</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="120"/>
        <source>Minimum magnitude</source>
        <translation>Magnitude minimale</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="123"/>
        <source>Minimum DSNR (magnitude / RMSE)</source>
        <translation>DSNR minimal (magnitude / RMSE)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="128"/>
        <source>Maximum duration (years)</source>
        <translation>Durée maximale (ans)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="133"/>
        <source>Minimum pre-change value</source>
        <translation>Valeur minimale avant changement</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="138"/>
        <source>Minimum mapping unit (pixels, 1 = off)</source>
        <translation>Unité minimale de cartographie (pixels, 1 = désactivée)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="143"/>
        <source>Index change on disturbance</source>
        <translation>Évolution de l'indice lors d'une perturbation</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="143"/>
        <source>Automatic (as LandTrendr fitted it)</source>
        <translation>Automatique (tel que LandTrendr l'a ajusté)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="143"/>
        <source>Decreases (like NBR, NDVI)</source>
        <translation>Diminue (comme NBR, NDVI)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="143"/>
        <source>Increases (like TCB, SWIR)</source>
        <translation>Augmente (comme TCB, SWIR)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="333"/>
        <source>Change map</source>
        <translation>Carte des changements</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="156"/>
        <source>Every event (per-year loss and gain magnitudes, counts)</source>
        <translation>Tous les événements (magnitudes de perte et de gain par année, nombres)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="239"/>
        <source>INPUT: not a LandTrendr segment table; use the OUTPUT_SEGMENTS raster of timestack:landtrendr (bands segment_&lt;n&gt;_&lt;field&gt;).</source>
        <translation>INPUT : ce n'est pas une table des segments LandTrendr ; utilisez le raster OUTPUT_SEGMENTS de timestack:landtrendr (bandes segment_&lt;n&gt;_&lt;field&gt;).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="254"/>
        <source>INDEX_DIRECTION: the input does not say how its index changes on disturbance (it was not written by timestack:landtrendr); choose &apos;Decreases&apos; or &apos;Increases&apos;.</source>
        <translation>INDEX_DIRECTION : l'entrée n'indique pas comment son indice évolue lors d'une perturbation (elle n'a pas été écrite par timestack:landtrendr) ; choisissez « Diminue » ou « Augmente ».</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="311"/>
        <source>INPUT: the segment table must be a raster file readable by GDAL.</source>
        <translation>INPUT : la table des segments doit être un fichier raster lisible par GDAL.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="342"/>
        <source>gain</source>
        <translation>gain</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="342"/>
        <source>loss</source>
        <translation>perte</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="352"/>
        <source>Change map ({0}, {1})</source>
        <translation>Carte des changements ({0}, {1})</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="364"/>
        <source>Change events</source>
        <translation>Événements de changement</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="164"/>
        <source>Pixels with a change (0: empty map)</source>
        <translation>Pixels ayant un changement (0 : carte vide)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="281"/>
        <source>START_YEAR/END_YEAR: {0}–{1} misses every year of detection of this segment table ({2}–{3}); choose years inside it.</source>
        <translation>START_YEAR/END_YEAR : {0}–{1} ne contient aucune année de détection de cette table de segments ({2}–{3}) ; choisissez des années à l'intérieur.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="346"/>
        <source>No pixel passed the filters (MAG, DSNR, DUR, PREVAL, START_YEAR/END_YEAR, MMU): the change map is empty. Loosen them, e.g. a smaller MMU or MAG.</source>
        <translation>Aucun pixel n'a passé les filtres (MAG, DSNR, DUR, PREVAL, START_YEAR/END_YEAR, MMU) : la carte des changements est vide. Assouplissez-les, p. ex. une MMU ou une MAG plus petite.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="170"/>
        <source>The segment table written by LandTrendr (OUTPUT_SEGMENTS).</source>
        <translation>La table des segments écrite par LandTrendr (OUTPUT_SEGMENTS).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="170"/>
        <source>Map disturbances (loss: the index moves away from forest) or recoveries (gain).</source>
        <translation>Cartographier les perturbations (perte : l'indice s'éloigne de la forêt) ou les rétablissements (gain).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="170"/>
        <source>Which segment a pixel shows when several pass the filters: greatest or least magnitude, newest or oldest, fastest or slowest rate, longest duration.</source>
        <translation>Le segment qu'un pixel montre quand plusieurs passent les filtres : magnitude la plus forte ou la plus faible, le plus récent ou le plus ancien, taux le plus rapide ou le plus lent, durée la plus longue.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="170"/>
        <source>Keep changes detected in this year or later (year of detection: the segment&apos;s start + 1); empty: from the first year.</source>
        <translation>Garder les changements détectés cette année-là ou plus tard (année de détection : le début du segment + 1) ; vide : dès la première année.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="170"/>
        <source>Keep changes detected in this year or earlier; empty: to the last year.</source>
        <translation>Garder les changements détectés cette année-là ou plus tôt ; vide : jusqu'à la dernière année.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="170"/>
        <source>Keep changes whose magnitude divided by the fit&apos;s RMSE is above this (unitless signal-to-noise); empty: no filter.</source>
        <translation>Garder les changements dont la magnitude divisée par la RMSE de l'ajustement dépasse cette valeur (rapport signal sur bruit, sans unité) ; vide : pas de filtre.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="170"/>
        <source>Keep changes lasting at most this many years (1: abrupt changes only); empty: any duration.</source>
        <translation>Garder les changements qui durent au plus ce nombre d'années (1 : changements brusques seulement) ; vide : toute durée.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="170"/>
        <source>Remove patches of change of the same year smaller than this many pixels (8-connected); 1 keeps every pixel.</source>
        <translation>Supprimer les taches de changement de la même année plus petites que ce nombre de pixels (connexité 8) ; 1 garde chaque pixel.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="170"/>
        <source>Whether the index decreases (NBR, NDVI) or increases (TCB, SWIR) on a disturbance; Automatic reads how LandTrendr fitted it from the segment table.</source>
        <translation>Si l'indice diminue (NBR, NDVI) ou augmente (TCB, SWIR) lors d'une perturbation ; Automatique lit dans la table des segments comment LandTrendr l'a ajusté.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="170"/>
        <source>The change map: per pixel, the selected change&apos;s year of detection, magnitude, duration, value before, rate and DSNR (yod, mag, dur, preval, rate, dsnr; NaN where nothing passed).</source>
        <translation>La carte des changements : par pixel, l'année de détection, la magnitude, la durée, la valeur avant, le taux et le DSNR du changement retenu (yod, mag, dur, preval, rate, dsnr ; NaN là où rien n'est passé).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="170"/>
        <source>Optional: every event, a loss and a gain magnitude band per year and the event counts (0 where none).</source>
        <translation>Facultatif : chaque événement, une bande de magnitude de perte et une de gain par année, et le nombre d'événements (0 là où il n'y en a pas).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="274"/>
        <source>START_YEAR: {0} is before {1} (Landsat&apos;s first year, or the segment table&apos;s when it starts earlier); choose a later year, or leave it empty.</source>
        <translation>START_YEAR : {0} est antérieure à {1} (première année de Landsat, ou de la table de segments si elle commence plus tôt) ; choisissez une année plus tardive, ou laissez le champ vide.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="79"/>
        <source>Maps disturbance (loss) or recovery (gain) from the segment table of timestack:landtrendr.

Segments are filtered first — year of detection (segment start + 1) within START_YEAR–END_YEAR, absolute magnitude above MAG and DSNR (magnitude / RMSE) above DSNR, duration at most DUR years, pre-change value at least PREVAL — then one is selected per pixel by SORT (greatest, least, newest, oldest, fastest, slowest, longest). MMU removes patches of the same year smaller than that many pixels (8-connected). MAG and PREVAL are in the units of the values LandTrendr fitted: as stored (an int16 composite stores indices x 10000, so MAG=1000 is a drop of 0.1 NBR), or physical where the stack's bands carry GDAL scale and offset tags (MAG=0.1 is a drop of 0.1 NBR).

OUTPUT bands: yod, mag, dur, preval, rate, dsnr (NaN where nothing passed), styled by year. OUTPUT_EVENTS keeps every event: a loss and a gain magnitude band per year and the event counts (0 where none). CHANGED_PIXELS counts the pixels with a change; a map the filters left empty is reported with a warning.

DASK_SCHEDULER (advanced) maps the windows on a dask.distributed cluster; MMU still runs here, so the result is the one a local run writes.</source>
        <translation>Cartographie les perturbations (perte) ou la reprise (gain) à partir de la table des segments de timestack:landtrendr.

Les segments sont d'abord filtrés — année de détection (début du segment + 1) comprise entre START_YEAR et END_YEAR, magnitude absolue supérieure à MAG et DSNR (magnitude / RMSE) supérieur à DSNR, durée d'au plus DUR ans, valeur avant changement d'au moins PREVAL — puis un seul est retenu par pixel selon SORT (la plus forte, la plus faible, la plus récente, la plus ancienne, la plus rapide, la plus lente, la plus longue). MMU supprime les taches d'une même année plus petites que ce nombre de pixels (connexité 8). MAG et PREVAL sont dans les unités des valeurs ajustées par LandTrendr : telles que stockées (un composite int16 stocke les indices × 10000, donc MAG=1000 correspond à une baisse de 0,1 de NBR), ou physiques si les bandes de la pile portent des facteurs d'échelle et de décalage GDAL (MAG=0.1 correspond à une baisse de 0,1 de NBR).

Bandes de OUTPUT : yod, mag, dur, preval, rate, dsnr (NaN là où rien n'a passé le filtre), avec un style par année. OUTPUT_EVENTS conserve chaque événement : une bande de magnitude de perte et une de gain par année, et le nombre d'événements (0 s'il n'y en a aucun). CHANGED_PIXELS compte les pixels ayant un changement ; une carte que les filtres ont laissée vide est signalée par un avertissement.

DASK_SCHEDULER (avancé) cartographie les fenêtres sur un cluster dask.distributed ; MMU s'exécute toujours ici, donc le résultat est celui qu'écrit un traitement local.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="170"/>
        <source>Keep changes whose absolute magnitude is above this, in the unit of the values LandTrendr fitted (an int16 composite stores indices × 10000: 1000 is 0.1 NBR; a stack with GDAL scale tags is fitted on physical values: 0.1 is 0.1 NBR); 0 keeps all.</source>
        <translation>Garder les changements dont la magnitude absolue dépasse cette valeur, dans l'unité des valeurs ajustées par LandTrendr (un composite int16 stocke les indices × 10000 : 1000 vaut 0,1 de NBR ; une pile portant des facteurs d'échelle GDAL est ajustée sur ses valeurs physiques : 0.1 vaut 0,1 de NBR) ; 0 garde tout.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="170"/>
        <source>Keep changes whose value before the change is at least this, in the unit of the values LandTrendr fitted (see MAG); empty: no filter.</source>
        <translation>Garder les changements dont la valeur avant le changement est au moins celle-ci, dans l'unité des valeurs ajustées par LandTrendr (voir MAG) ; vide : pas de filtre.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/changemap.py" line="316"/>
        <source>INPUT: {0} does not record the years LandTrendr fitted (its LANDTRENDR_YEARS tag; a mosaic keeps it only when every tile has the same years); use the segment table timestack:landtrendr wrote (OUTPUT_SEGMENTS), or a mosaic of tiles of one run.</source>
        <translation>INPUT : {0} n'enregistre pas les années ajustées par LandTrendr (sa balise LANDTRENDR_YEARS ; une mosaïque ne la conserve que si toutes les tuiles ont les mêmes années) ; utilisez la table des segments écrite par timestack:landtrendr (OUTPUT_SEGMENTS), ou une mosaïque des tuiles d'une seule exécution.</translation>
    </message>
</context>
<context>
    <name>CompositeAlgorithm</name>
    <message>
        <location filename="../timestack/processing/composite.py" line="101"/>
        <source>Annual composites</source>
        <translation>Composites annuels</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="104"/>
        <source>Builds one cloud-free composite per year from the scenes of a STAC ItemCollection (the JSON written by 'Search scenes', or the sample archive's items.json): Landsat 4–9 Collection 2 Level-2 and Sentinel-2 L2A, read onto one grid, masked with QA_PIXEL/QA_RADSAT or SCL (and optionally TDOM for missed cloud shadows), reduced per pixel by the medoid, median, mean, maximum NDVI or a percentile, plus spectral indices. A day-of-year window that wraps the new year (start &gt; end) is labelled by the year it ends in. The stack has one band per year and variable, named YYYY_name; years without scenes stay as nodata. Medoid and max-NDVI also write the day of year and source scene of every pixel. A JSON run log lists the scenes used and the scenes skipped, with the reason.</source>
        <translation>Construit un composite sans nuages par année à partir des scènes d'une ItemCollection STAC (le JSON écrit par « Rechercher des scènes », ou le items.json de l'archive d'exemple) : Landsat 4–9 Collection 2 niveau 2 et Sentinel-2 L2A, lues sur une même grille, masquées avec QA_PIXEL/QA_RADSAT ou SCL (et en option TDOM pour les ombres de nuages manquées), réduites par pixel par le médoïde, la médiane, la moyenne, le NDVI maximal ou un centile, plus des indices spectraux. Une fenêtre de jours de l'année qui passe le nouvel an (début &gt; fin) porte l'année où elle se termine. La pile a une bande par année et par variable, nommée YYYY_nom ; les années sans scène restent sans données (nodata). Les méthodes médoïde et NDVI maximal écrivent aussi le jour de l'année et la scène source de chaque pixel. Un journal d'exécution JSON liste les scènes utilisées et les scènes écartées, avec la raison.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="119"/>
        <source>Target CRS (default: the scenes&apos; CRS)</source>
        <translation>SCR cible (par défaut : le SCR des scènes)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="125"/>
        <source>First year</source>
        <translation>Première année</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="125"/>
        <source>Last year</source>
        <translation>Dernière année</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="134"/>
        <source>Compositing method</source>
        <translation>Méthode de composition</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="134"/>
        <source>Medoid</source>
        <translation>Médoïde</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="134"/>
        <source>Median</source>
        <translation>Médiane</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="134"/>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="134"/>
        <source>Maximum NDVI</source>
        <translation>NDVI maximal</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="134"/>
        <source>Percentile</source>
        <translation>Centile</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="186"/>
        <source>Mask</source>
        <translation>Masque</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="187"/>
        <source>TDOM: mask dark outliers (shadows)</source>
        <translation>TDOM : masquer les valeurs sombres aberrantes (ombres)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="187"/>
        <source>Harmonise OLI to ETM+</source>
        <translation>Harmoniser OLI sur ETM+</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="187"/>
        <source>Keep years without scenes (nodata)</source>
        <translation>Conserver les années sans scène (nodata)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="219"/>
        <source>Percentile (method Percentile)</source>
        <translation>Centile (méthode Centile)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="228"/>
        <source>Precomputed TDOM statistics (GeoTIFF)</source>
        <translation>Statistiques TDOM précalculées (GeoTIFF)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="241"/>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="241"/>
        <source>Local</source>
        <translation>Local</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="241"/>
        <source>Google Earth Engine</source>
        <translation>Google Earth Engine</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="247"/>
        <source>Earth Engine result</source>
        <translation>Résultat Earth Engine</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="247"/>
        <source>Streamed map layers (one per year)</source>
        <translation>Couches cartographiques diffusées (une par année)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="247"/>
        <source>Export task to Google Drive</source>
        <translation>Tâche d'export vers Google Drive</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="256"/>
        <source>Google Drive folder of the export</source>
        <translation>Dossier Google Drive de l'export</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="265"/>
        <source>Composite stack</source>
        <translation>Pile de composites</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="271"/>
        <source>Folder for per-year GeoTIFFs and VRT mosaics</source>
        <translation>Dossier des GeoTIFF annuels et des mosaïques VRT</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="282"/>
        <source>Day of year and source scene</source>
        <translation>Jour de l'année et scène source</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="285"/>
        <source>Run log (JSON)</source>
        <translation>Journal d'exécution (JSON)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="291"/>
        <source>Earth Engine export task id</source>
        <translation>Identifiant de la tâche d'export Earth Engine</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="439"/>
        <source>Composite failed: {0}</source>
        <translation>Échec du composite : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="336"/>
        <source>Skipped scene {0}: {1}</source>
        <translation>Scène {0} écartée : {1}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="341"/>
        <source>Composite {0}–{1}</source>
        <translation>Composite {0}–{1}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="347"/>
        <source>{0} by year</source>
        <translation>{0} par année</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="378"/>
        <source>ENGINE earthengine needs EXTENT or AOI: the region Earth Engine composites.</source>
        <translation>ENGINE earthengine nécessite EXTENT ou AOI : la région dont Earth Engine fait le composite.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="421"/>
        <source>Earth Engine export task started: {0}</source>
        <translation>Tâche d'export Earth Engine lancée : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="286"/>
        <source>TDOM statistics (reusable as TDOM_STATISTICS)</source>
        <translation>Statistiques TDOM (réutilisables comme TDOM_STATISTICS)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="383"/>
        <source>METHOD: ENGINE earthengine computes medoid composites only; {0} runs locally.</source>
        <translation>METHOD : ENGINE earthengine ne calcule que des composites par médoïde ; {0} s'exécute en local.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="386"/>
        <source>TDOM: not available with ENGINE earthengine; switch it off or run locally.</source>
        <translation>TDOM : indisponible avec ENGINE earthengine ; désactivez-le ou exécutez en local.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="390"/>
        <source>ITEMS is not used by ENGINE earthengine: it composites Landsat 4-9 collections.</source>
        <translation>ITEMS n'est pas utilisé par ENGINE earthengine : il compose les collections Landsat 4-9.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="293"/>
        <source>Scenes used</source>
        <translation>Scènes utilisées</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="294"/>
        <source>Scenes skipped</source>
        <translation>Scènes écartées</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="295"/>
        <source>Years without data (comma-separated)</source>
        <translation>Années sans données (séparées par des virgules)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="298"/>
        <source>Years whose every scene was unreadable (comma-separated)</source>
        <translation>Années dont toutes les scènes étaient illisibles (séparées par des virgules)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="330"/>
        <source>Composite</source>
        <translation>Composite</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="340"/>
        <source>Incomplete result: {0}</source>
        <translation>Résultat incomplet : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="425"/>
        <source>Composite cancelled; no layer was added.</source>
        <translation>Composite annulé ; aucune couche n'a été ajoutée.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="121"/>
        <source>The years of the stack, first and last included (calendar years; a season that wraps the new year is labelled by the year it ends in); one composite per year</source>
        <translation>Les années de la pile, première et dernière incluses (années civiles ; une saison qui enjambe le nouvel an porte l'année où elle se termine) ; un composite par année</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="146"/>
        <source>How a pixel&apos;s clear observations of a year become one value: the medoid (the observation closest to the median in all bands), the per-band median, mean or percentile, or the observation with the highest NDVI</source>
        <translation>Comment les observations claires d'un pixel sur une année deviennent une valeur : le médoïde (l'observation la plus proche de la médiane dans toutes les bandes), la médiane, la moyenne ou le centile par bande, ou l'observation au NDVI le plus élevé</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="187"/>
        <source>Also mask cloud shadows the QA layer missed: pixels much darker in NIR and SWIR1 than their mean over all scenes (Temporal Dark Outlier Mask; a first pass over every scene)</source>
        <translation>Masquer aussi les ombres de nuages manquées par la couche QA : les pixels bien plus sombres en PIR et SWIR1 que leur moyenne sur toutes les scènes (Temporal Dark Outlier Mask ; une première passe sur chaque scène)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="187"/>
        <source>Convert Landsat 8/9 OLI reflectance to Landsat 7 ETM+ (Roy et al. 2016), so sensors mix without a step in the series</source>
        <translation>Convertir la réflectance OLI de Landsat 8/9 en ETM+ de Landsat 7 (Roy et al. 2016), pour mêler les capteurs sans marche dans la série</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="187"/>
        <source>Keep a band for every year of the range, nodata where no scene was found, so LandTrendr sees every year; off: only years with scenes</source>
        <translation>Garder une bande pour chaque année de l'intervalle, sans données là où aucune scène n'a été trouvée, pour que LandTrendr voie chaque année ; désactivé : seulement les années avec des scènes</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="266"/>
        <source>The stack GeoTIFF (COG): one band per year and variable, named YYYY_name; reflectance × 10000 as Int16 unless OUTPUT_TYPE is Float32</source>
        <translation>La pile GeoTIFF (COG) : une bande par année et variable, nommée YYYY_nom ; réflectance × 10000 en Int16 sauf si OUTPUT_TYPE vaut Float32</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="277"/>
        <source>Also write one GeoTIFF per year and, per variable, a VRT over the years into this folder; empty: the stack only</source>
        <translation>Écrire aussi un GeoTIFF par année et, par variable, un VRT sur les années dans ce dossier ; vide : la pile seulement</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="308"/>
        <source>the scenes&apos; CRS</source>
        <translation>le SCR des scènes</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="159"/>
        <source>With method Percentile: which percentile of each pixel&apos;s clear observations in a year is kept, from 0 (the lowest) to 100 (the highest); 50 is the median.</source>
        <translation>Avec la méthode Centile : le centile des observations claires de chaque pixel dans une année qui est conservé, de 0 (la plus basse) à 100 (la plus haute) ; 50 est la médiane.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="159"/>
        <source>The TDOM statistics GeoTIFF written by an earlier run (OUTPUT_TDOM_STATISTICS) over the same scenes and grid, so TDOM does not read every scene twice; empty: computed here.</source>
        <translation>Le GeoTIFF de statistiques TDOM écrit par une exécution précédente (OUTPUT_TDOM_STATISTICS) sur les mêmes scènes et la même grille, pour que TDOM ne lise pas chaque scène deux fois ; vide : calculées ici.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="159"/>
        <source>Where the composite is computed: Local reads the scenes of ITEMS on this computer; Google Earth Engine composites Landsat Collection 2 on Google&apos;s servers.</source>
        <translation>Où le composite est calculé : Local lit les scènes d'ITEMS sur cet ordinateur ; Google Earth Engine compose Landsat Collection 2 sur les serveurs de Google.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="159"/>
        <source>With Google Earth Engine: stream each year as a map layer (nothing downloaded), or start an export task writing the stack to your Google Drive.</source>
        <translation>Avec Google Earth Engine : diffuser chaque année comme couche cartographique (rien n'est téléchargé), ou lancer une tâche d'export qui écrit le stack dans votre Google Drive.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/composite.py" line="159"/>
        <source>With an export to Google Drive: the Drive folder the exported stack is written to.</source>
        <translation>Avec un export vers Google Drive : le dossier Drive où le stack exporté est écrit.</translation>
    </message>
</context>
<context>
    <name>CompositePanel</name>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="58"/>
        <source>STAC ItemCollection (*.json)</source>
        <translation>ItemCollection STAC (*.json)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="104"/>
        <source>GeoTIFF (*.tif)</source>
        <translation>GeoTIFF (*.tif)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="175"/>
        <source>Composite</source>
        <translation>Composite</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="116"/>
        <source>One cloud-free composite per year from the scenes of a search, with spectral indices. The stack is added as a layer group the Temporal Controller animates year by year.</source>
        <translation>Un composite sans nuages par année à partir des scènes d'une recherche, avec des indices spectraux. La pile est ajoutée comme un groupe de couches que le Contrôleur temporel anime année par année.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="125"/>
        <source>Scenes</source>
        <translation>Scènes</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="126"/>
        <source>Years</source>
        <translation>Années</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="127"/>
        <source>Season (day of year)</source>
        <translation>Saison (jour de l'année)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="129"/>
        <source>Indices</source>
        <translation>Indices</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="133"/>
        <source>Stack</source>
        <translation>Pile</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="164"/>
        <source>Per-year folder</source>
        <translation>Dossier par année</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="251"/>
        <source>Compositing…</source>
        <translation>Composition…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="265"/>
        <source>Composite written: {0}</source>
        <translation>Composite écrit : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="77"/>
        <source>Only the area searched (not whole scenes)</source>
        <translation>Seulement la zone recherchée (pas les scènes entières)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="78"/>
        <source>Composite the search&apos;s extent or AOI only, instead of the scenes&apos; whole footprints</source>
        <translation>Composer uniquement l'emprise ou l'AOI de la recherche, au lieu de l'empreinte entière des scènes</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="267"/>
        <source>Compositing</source>
        <translation>La composition</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="82"/>
        <source>One band per scene date instead (no compositing)</source>
        <translation>Une bande par date de scène à la place (sans composition)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="84"/>
        <source>Run &apos;Per-date stack of masked scenes&apos; (timestack:scenestack): every scene of the search, masked, one band per date and variable (YYYY-MM-DD_name), for the Time series tab; years, season, method, TDOM and harmonisation do not apply</source>
        <translation>Lancer « Pile par date de scènes masquées » (timestack:scenestack) : chaque scène de la recherche, masquée, une bande par date et par variable (AAAA-MM-JJ_nom), pour l'onglet Séries temporelles ; les années, la saison, la méthode, TDOM et l'harmonisation ne s'appliquent pas</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="248"/>
        <source>Stacking scenes by date…</source>
        <translation>Empilement des scènes par date…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="263"/>
        <source>Per-date stack written: {0}</source>
        <translation>Pile par date écrite : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="91"/>
        <source>Sentinel-1: one stack per track instead (dB, VV/VH ratio)</source>
        <translation>Sentinel-1 : plutôt une pile par trace (dB, rapport VV/VH)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="93"/>
        <source>Run &apos;Sentinel-1 stacks per track&apos; (timestack:sarstack) on radar scenes: one GeoTIFF per relative orbit and direction in a folder beside the stack, one band per date and polarisation in dB; the speckle filter is in the Processing Toolbox&apos;s dialog</source>
        <translation>Lance « Piles Sentinel-1 par trace » (timestack:sarstack) sur des scènes radar : un GeoTIFF par orbite relative et direction dans un dossier à côté de la pile, une bande par date et polarisation en dB ; le filtre de chatoiement est dans la boîte de dialogue de la boîte à outils de traitement</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="152"/>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="154"/>
        <source>Masks, TDOM, harmonisation, grid, per-year outputs, download cache and dask cluster</source>
        <translation>Masques, TDOM, harmonisation, grille, sorties par année, cache de téléchargement et grappe dask</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="240"/>
        <source>Converting ASTER scenes…</source>
        <translation>Conversion des scènes ASTER…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="244"/>
        <source>Stacking Sentinel-1 scenes by track…</source>
        <translation>Empilement des scènes Sentinel-1 par trace…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="255"/>
        <source>ASTER files written in {0}</source>
        <translation>Fichiers ASTER écrits dans {0}</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="257"/>
        <source>Sentinel-1 stacks written ({0}): {1}</source>
        <translation>Piles Sentinel-1 écrites ({0}) : {1}</translation>
    </message>
    <message>
        <location filename="../timestack/gui/composite_panel.py" line="233"/>
        <source>Cannot create the Stack&apos;s folder {0} ({1}); choose another Stack file.</source>
        <translation>Impossible de créer le dossier de la Pile {0} ({1}) ; choisissez un autre fichier de Pile.</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../timestack/gui/catalog_connections.py" line="83"/>
        <source>Catalog connection</source>
        <translation>Connexion au catalogue</translation>
    </message>
    <message>
        <location filename="../timestack/gui/catalog_connections.py" line="92"/>
        <source>A configuration of QGIS&apos;s authentication database: Basic (username and password, an empty username and a token, or a header name ending in &apos;:&apos; and its value) or OAuth2. Only its id is saved with the connection.</source>
        <translation>Une configuration de la base d'authentification de QGIS : Basic (nom d'utilisateur et mot de passe, nom d'utilisateur vide et jeton, ou nom d'en-tête terminé par « : » et sa valeur) ou OAuth2. Seul son identifiant est enregistré avec la connexion.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/catalog_connections.py" line="102"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../timestack/gui/catalog_connections.py" line="103"/>
        <source>STAC API URL</source>
        <translation>URL de l'API STAC</translation>
    </message>
    <message>
        <location filename="../timestack/gui/catalog_connections.py" line="104"/>
        <source>Login</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../timestack/gui/catalog_connections.py" line="123"/>
        <source>Give the connection a name (without &apos;/&apos;).</source>
        <translation>Donnez un nom à la connexion (sans « / »).</translation>
    </message>
    <message>
        <location filename="../timestack/gui/catalog_connections.py" line="125"/>
        <source>The URL must be a STAC API&apos;s http:// or https:// address.</source>
        <translation>L'URL doit être l'adresse http:// ou https:// d'une API STAC.</translation>
    </message>
</context>
<context>
    <name>DependencyDialog</name>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="82"/>
        <source>Timestack: install Python packages</source>
        <translation>Timestack : installer des paquets Python</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="87"/>
        <source>Packages go into {0}; QGIS&apos;s own numpy and libraries stay.</source>
        <translation>Les paquets vont dans {0} ; le numpy et les bibliothèques de QGIS restent en place.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="92"/>
        <source>Required: {0}</source>
        <translation>Requis : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="107"/>
        <source>Install</source>
        <translation>Installer</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="110"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="113"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="125"/>
        <source>NASA Earthdata search (earthaccess)</source>
        <translation>Recherche NASA Earthdata (earthaccess)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="126"/>
        <source>Google Earth Engine: search, composites, LandTrendr (earthengine-api)</source>
        <translation>Google Earth Engine : recherche, composites, LandTrendr (earthengine-api)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="127"/>
        <source>Microsoft Planetary Computer signed hrefs (planetary-computer)</source>
        <translation>Liens signés Microsoft Planetary Computer (planetary-computer)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="128"/>
        <source>Run on a dask cluster, DASK_SCHEDULER (distributed)</source>
        <translation>Exécution sur une grappe dask, DASK_SCHEDULER (distributed)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="142"/>
        <source>{0} — installed</source>
        <translation>{0} — installé</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="166"/>
        <source>Installing {0}…</source>
        <translation>Installation de {0}…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="193"/>
        <source>Installed. If Timestack still misses a package, restart QGIS.</source>
        <translation>Installé. Si Timestack réclame encore un paquet, redémarrez QGIS.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="196"/>
        <source>Cancelled: pip was stopped.</source>
        <translation>Annulé : pip a été arrêté.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="203"/>
        <source>The Python QGIS runs has no pip. Install pip (Debian/Ubuntu: sudo apt install python3-pip; OSGeo4W: the python3-pip package), then run this in a terminal and restart QGIS:</source>
        <translation>Le Python qu'exécute QGIS n'a pas pip. Installez pip (Debian/Ubuntu : sudo apt install python3-pip ; OSGeo4W : le paquet python3-pip), puis lancez ceci dans un terminal et redémarrez QGIS :</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="208"/>
        <source>pip could not install the packages (its output is above and in the Timestack log). Run this in a terminal, then restart QGIS:</source>
        <translation>pip n'a pas pu installer les paquets (sa sortie est ci-dessus et dans le journal Timestack). Lancez ceci dans un terminal, puis redémarrez QGIS :</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="130"/>
        <source>Time cubes, timestack:exportcube (xarray)</source>
        <translation>Cubes temporels, timestack:exportcube (xarray)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="131"/>
        <source>Chunked cube writing (dask)</source>
        <translation>Écriture des cubes par blocs (dask)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="132"/>
        <source>NetCDF cubes (netCDF4)</source>
        <translation>Cubes NetCDF (netCDF4)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="133"/>
        <source>Zarr cubes (zarr)</source>
        <translation>Cubes Zarr (zarr)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="134"/>
        <source>MP4 animations, timestack:animation (imageio-ffmpeg)</source>
        <translation>Animations MP4, timestack:animation (imageio-ffmpeg)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="129"/>
        <source>Start a dask cluster on Slurm or PBS nodes (dask-jobqueue)</source>
        <translation>Démarrer un cluster dask sur des nœuds Slurm ou PBS (dask-jobqueue)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="135"/>
        <source>ASF HyP3 job search and download, timestack:hyp3download (hyp3_sdk)</source>
        <translation>Recherche et téléchargement des tâches ASF HyP3, timestack:hyp3download (hyp3_sdk)</translation>
    </message>
</context>
<context>
    <name>DependencyInstaller</name>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="225"/>
        <source>Timestack</source>
        <translation>Timestack</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="226"/>
        <source>needs Python packages QGIS does not ship: {0}</source>
        <translation>a besoin de paquets Python que QGIS ne fournit pas : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="228"/>
        <source>Install…</source>
        <translation>Installer…</translation>
    </message>
</context>
<context>
    <name>EarthEngineLogin</name>
    <message>
        <location filename="../timestack/gui/earthengine_login.py" line="33"/>
        <source>Sign in with Google…</source>
        <translation>Se connecter avec Google…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_login.py" line="35"/>
        <source>earthengine-api&apos;s own login: your browser opens Google&apos;s consent page; the login is kept where earthengine-api keeps it, as `earthengine authenticate` does</source>
        <translation>La connexion propre à earthengine-api : votre navigateur ouvre la page de consentement de Google ; l'authentification est conservée là où earthengine-api la conserve, comme avec `earthengine authenticate`</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_login.py" line="43"/>
        <source>A service account: a Basic configuration of QGIS&apos;s authentication database whose password is the account&apos;s key JSON</source>
        <translation>Un compte de service : une configuration Basic de la base d'authentification de QGIS dont le mot de passe est la clé JSON du compte</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_login.py" line="49"/>
        <source>Use service account</source>
        <translation>Utiliser le compte de service</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_login.py" line="51"/>
        <source>Sign in to Earth Engine as the chosen service account</source>
        <translation>Se connecter à Earth Engine avec le compte de service choisi</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_login.py" line="74"/>
        <source>Earth Engine needs the earthengine-api package, missing here: &lt;a href=&quot;install&quot;&gt;install it&lt;/a&gt;</source>
        <translation>Earth Engine nécessite le paquet earthengine-api, absent ici : &lt;a href=&quot;install&quot;&gt;l'installer&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_login.py" line="100"/>
        <source>Waiting for the browser login…</source>
        <translation>En attente de la connexion dans le navigateur…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_login.py" line="108"/>
        <source>Choose a service account configuration first.</source>
        <translation>Choisissez d'abord une configuration de compte de service.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_login.py" line="115"/>
        <source>Signing in to Earth Engine…</source>
        <translation>Connexion à Earth Engine…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_login.py" line="123"/>
        <source>Timestack: Earth Engine login</source>
        <translation>Timestack : connexion à Earth Engine</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_login.py" line="136"/>
        <source>Signed in to Earth Engine for project {0}.</source>
        <translation>Connecté à Earth Engine pour le projet {0}.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_login.py" line="138"/>
        <source>Signed in to Earth Engine.</source>
        <translation>Connecté à Earth Engine.</translation>
    </message>
</context>
<context>
    <name>EarthEngineTasksAlgorithm</name>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="125"/>
        <source>Earth Engine tasks</source>
        <translation>Tâches Earth Engine</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="81"/>
        <source>The export tasks of a Google Cloud project on Earth Engine, such as those Composite and LandTrendr start with ENGINE earthengine: one row per task with its id, state (PENDING, RUNNING, CANCELLING, SUCCEEDED, CANCELLED, FAILED), type, times, runtime in seconds, progress (0–1), destinations and error. ACTION list: every task of the project. ACTION follow: waits until the task TASK_ID (or several, separated by commas; empty: every task running now) has ended, reporting progress; cancelling stops the waiting, not the tasks. ACTION cancel: asks Earth Engine to cancel TASK_ID. EE_PROJECT empty: the project of your Earth Engine login.</source>
        <translation>Les tâches d'export d'un projet Google Cloud sur Earth Engine, comme celles que lancent Composite et LandTrendr avec ENGINE earthengine : une ligne par tâche avec son identifiant, son état (PENDING, RUNNING, CANCELLING, SUCCEEDED, CANCELLED, FAILED), son type, ses heures, sa durée en secondes, son avancement (0–1), ses destinations et son erreur. ACTION list : toutes les tâches du projet. ACTION follow : attend que la tâche TASK_ID (ou plusieurs, séparées par des virgules ; vide : toutes les tâches en cours) soit terminée, en indiquant l'avancement ; annuler arrête l'attente, pas les tâches. ACTION cancel : demande à Earth Engine d'annuler TASK_ID. EE_PROJECT vide : le projet de votre connexion Earth Engine.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="92"/>
        <source>Earth Engine: Google Cloud project</source>
        <translation>Earth Engine : projet Google Cloud</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="97"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="97"/>
        <source>List tasks</source>
        <translation>Lister les tâches</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="97"/>
        <source>Follow until done</source>
        <translation>Suivre jusqu'à la fin</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="97"/>
        <source>Cancel task</source>
        <translation>Annuler la tâche</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="105"/>
        <source>Task id (required to cancel; comma-separated to follow)</source>
        <translation>Identifiant de tâche (obligatoire pour annuler ; séparés par des virgules pour suivre)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="112"/>
        <source>Seconds between two checks while following</source>
        <translation>Secondes entre deux vérifications pendant le suivi</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="130"/>
        <source>Number of tasks</source>
        <translation>Nombre de tâches</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="131"/>
        <source>Tasks still pending or running</source>
        <translation>Tâches encore en attente ou en cours</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="165"/>
        <source>TASK_ID: cancel needs the id of one task; list the tasks (ACTION list) to see their ids.</source>
        <translation>TASK_ID : l'annulation demande l'identifiant d'une tâche ; listez les tâches (ACTION list) pour voir leurs identifiants.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="171"/>
        <source>Following Earth Engine tasks</source>
        <translation>Suivi des tâches Earth Engine</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="177"/>
        <source>Task {0} is now {1}.</source>
        <translation>La tâche {0} est maintenant {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="192"/>
        <source>{0} tasks, {1} pending or running.</source>
        <translation>{0} tâches, {1} en attente ou en cours.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="132"/>
        <source>The id of the Google Cloud project whose export tasks are listed (my-project); empty: the project of your Earth Engine login.</source>
        <translation>L'identifiant du projet Google Cloud dont les tâches d'export sont listées (mon-projet) ; vide : le projet de votre connexion Earth Engine.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="138"/>
        <source>List every export task of the project; follow tasks until they end, reporting progress; or cancel a task.</source>
        <translation>Lister chaque tâche d'export du projet ; suivre des tâches jusqu'à leur fin en indiquant la progression ; ou annuler une tâche.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="138"/>
        <source>The id of the task to cancel, or of the tasks to follow, separated by commas (empty: every task running now).</source>
        <translation>L'identifiant de la tâche à annuler, ou des tâches à suivre, séparés par des virgules (vide : chaque tâche en cours).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="138"/>
        <source>While following: how long to wait between two checks of the tasks&apos; state, in seconds.</source>
        <translation>Pendant le suivi : le délai entre deux vérifications de l'état des tâches, en secondes.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="138"/>
        <source>The tasks as a table: one row per task with its id, state, type, times, runtime (seconds), progress (0–1), destinations and error.</source>
        <translation>Les tâches sous forme de table : une ligne par tâche avec son identifiant, son état, son type, ses dates, sa durée (secondes), sa progression (0–1), ses destinations et son erreur.</translation>
    </message>
</context>
<context>
    <name>EarthEngineTasksBox</name>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="153"/>
        <source>Earth Engine tasks</source>
        <translation>Tâches Earth Engine</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="52"/>
        <source>The export tasks Earth Engine runs started: their state, runtime and progress</source>
        <translation>Les tâches d'export lancées par les traitements Earth Engine : leur état, leur durée et leur avancement</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="61"/>
        <source>[your login&apos;s project]</source>
        <translation>[projet de votre connexion]</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="62"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="64"/>
        <source>List the project&apos;s export tasks</source>
        <translation>Lister les tâches d'export du projet</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="65"/>
        <source>Cancel task</source>
        <translation>Annuler la tâche</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="67"/>
        <source>Ask Earth Engine to cancel the selected task</source>
        <translation>Demander à Earth Engine d'annuler la tâche sélectionnée</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="71"/>
        <source>One row per task, newest first</source>
        <translation>Une ligne par tâche, la plus récente en premier</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="72"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="72"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="72"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="72"/>
        <source>Runtime</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="72"/>
        <source>Progress</source>
        <translation>Avancement</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="92"/>
        <source>Cloud project</source>
        <translation>Projet Cloud</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="129"/>
        <source>Listing Earth Engine tasks…</source>
        <translation>Liste des tâches Earth Engine…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="134"/>
        <source>Cancelling task {0}…</source>
        <translation>Annulation de la tâche {0}…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="160"/>
        <source>Cancel requested ({0}).</source>
        <translation>Annulation demandée ({0}).</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="164"/>
        <source>{0} tasks, {1} pending or running.</source>
        <translation>{0} tâches, {1} en attente ou en cours.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/earthengine_tasks_box.py" line="95"/>
        <source>Login</source>
        <translation>Authentification</translation>
    </message>
</context>
<context>
    <name>ExportCubeAlgorithm</name>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="59"/>
        <source>Export a time cube (NetCDF, Zarr)</source>
        <translation>Exporter un cube temporel (NetCDF, Zarr)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="62"/>
        <source>Writes stacks whose band descriptions carry dates (YYYY_name, YYYY-MM-DD_name, YYYYMMDD_name: composites, LandTrendr fits, per-date stacks) as one CF-1.8 cube: NetCDF-4 for an OUTPUT ending in .nc, Zarr for .zarr. Each variable becomes a (time, y, x) array; a variable in several stacks is mosaicked (first valid pixel in INPUT order). int16 stacks stay packed with scale_factor/add_offset; nodata is the _FillValue. CHUNKING temporal makes pixel time series fast to read, spatial makes maps fast, both writes a Zarr group per scheme (a NetCDF file then holds about √(dates) dates per chunk); chunks are about CHUNK_MB megabytes. Stacks in different CRSs are warped (nearest neighbour) to TARGET_CRS or the UTM zone most of them are in; they must share one pixel size, and dB and linear backscatter cannot share a cube. Needs xarray, dask and netCDF4 or zarr.</source>
        <translation>Écrit des piles dont les descriptions de bandes portent des dates (YYYY_nom, YYYY-MM-DD_nom, YYYYMMDD_nom : composites, ajustements LandTrendr, piles par date) en un seul cube CF-1.8 : NetCDF-4 pour une sortie OUTPUT finissant par .nc, Zarr pour .zarr. Chaque variable devient un tableau (time, y, x) ; une variable présente dans plusieurs piles est mosaïquée (premier pixel valide dans l'ordre de INPUT). Les piles int16 restent compactées avec scale_factor/add_offset ; la valeur sans données est le _FillValue. CHUNKING temporal rend rapide la lecture des séries temporelles d'un pixel, spatial celle des cartes, both écrit un groupe Zarr par schéma (un fichier NetCDF contient alors environ √(dates) dates par bloc) ; les blocs font environ CHUNK_MB mégaoctets. Les piles dans des SCR différents sont reprojetées (plus proche voisin) vers TARGET_CRS ou la zone UTM de la plupart d'entre elles ; elles doivent partager une même taille de pixel, et une rétrodiffusion en dB et une linéaire ne peuvent partager un cube. Nécessite xarray, dask et netCDF4 ou zarr.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="76"/>
        <source>Time stacks (dated band descriptions)</source>
        <translation>Piles temporelles (descriptions de bandes datées)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="81"/>
        <source>Chunking</source>
        <translation>Découpage en blocs</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="81"/>
        <source>Temporal (fast pixel time series)</source>
        <translation>Temporel (séries temporelles de pixels rapides)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="81"/>
        <source>Spatial (fast maps)</source>
        <translation>Spatial (cartes rapides)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="81"/>
        <source>Both</source>
        <translation>Les deux</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="90"/>
        <source>Target chunk size (MB)</source>
        <translation>Taille visée des blocs (Mo)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="96"/>
        <source>Compression</source>
        <translation>Compression</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="96"/>
        <source>Deflate (zlib)</source>
        <translation>Deflate (zlib)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="96"/>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="102"/>
        <source>Compression level</source>
        <translation>Niveau de compression</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="108"/>
        <source>Target CRS (default: the stacks&apos; or their predominant UTM zone)</source>
        <translation>SCR cible (par défaut : celui des piles ou leur zone UTM prédominante)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="115"/>
        <source>Cube</source>
        <translation>Cube</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="115"/>
        <source>NetCDF (*.nc);;Zarr (*.zarr)</source>
        <translation>NetCDF (*.nc);;Zarr (*.zarr)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="120"/>
        <source>Zarr groups</source>
        <translation>Groupes Zarr</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="179"/>
        <source>INPUT: {0} is not a raster file readable by GDAL.</source>
        <translation>INPUT : {0} n'est pas un fichier raster lisible par GDAL.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="184"/>
        <source>INPUT: choose at least one stack.</source>
        <translation>INPUT : choisissez au moins une pile.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="193"/>
        <source>Cube export</source>
        <translation>Export du cube</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="202"/>
        <source>Stacks warped to {0}.</source>
        <translation>Piles reprojetées vers {0}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="204"/>
        <source>Time cube</source>
        <translation>Cube temporel</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="153"/>
        <source>TARGET_CRS: &apos;{0}&apos; is not a coordinate reference system QGIS knows; give an EPSG code such as EPSG:32633, or leave it empty to use the stacks&apos; CRS.</source>
        <translation>TARGET_CRS : « {0} » n'est pas un système de coordonnées connu de QGIS ; donnez un code EPSG comme EPSG:32633, ou laissez-le vide pour utiliser le SCR des piles.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="163"/>
        <source>OUTPUT: {0} is a folder that holds no Zarr cube; exporting would replace what it holds. Choose a new name ending in .nc or .zarr.</source>
        <translation>OUTPUT : {0} est un dossier qui ne contient aucun cube Zarr ; l'export remplacerait son contenu. Choisissez un nouveau nom se terminant par .nc ou .zarr.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="121"/>
        <source>How the cube is cut into chunks: temporal chunks (a small area&apos;s whole time series) make pixel time series fast to read, spatial chunks (whole maps of a few dates) make maps fast; Both writes both (in Zarr, one group each).</source>
        <translation>Comment le cube est découpé en blocs : des blocs temporels (toute la série temporelle d'une petite zone) accélèrent la lecture des séries temporelles de pixels, des blocs spatiaux (cartes entières de quelques dates) celle des cartes ; Les deux écrit les deux (en Zarr, un groupe chacun).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="121"/>
        <source>The size of one chunk, in megabytes of uncompressed values.</source>
        <translation>La taille d'un bloc, en mégaoctets de valeurs non compressées.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="121"/>
        <source>Deflate shrinks the cube without loss; None writes faster.</source>
        <translation>Deflate réduit le cube sans perte ; Aucune écrit plus vite.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="121"/>
        <source>The deflate level, from 1 (fastest) to 9 (smallest file).</source>
        <translation>Le niveau de deflate, de 1 (le plus rapide) à 9 (le fichier le plus petit).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="121"/>
        <source>A NetCDF file (.nc) or a Zarr folder (.zarr) holding every variable over x, y and time.</source>
        <translation>Un fichier NetCDF (.nc) ou un dossier Zarr (.zarr) contenant chaque variable selon x, y et le temps.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="134"/>
        <source>The time stacks to export: bands whose descriptions are dated (YYYY-MM-DD_variable or YYYY_variable).</source>
        <translation>Les stacks temporels à exporter : des bandes aux descriptions datées (AAAA-MM-JJ_variable ou AAAA_variable).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/exportcube.py" line="134"/>
        <source>Coordinate reference system of the cube; empty: the stacks&apos; own, or the UTM zone most of them lie in when they differ.</source>
        <translation>Système de coordonnées de référence du cube ; vide : celui des stacks, ou la zone UTM où se trouvent la plupart d'entre eux s'ils diffèrent.</translation>
    </message>
</context>
<context>
    <name>Hyp3Box</name>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="38"/>
        <source>HyP3 products</source>
        <translation>Produits HyP3</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="40"/>
        <source>ASF HyP3 RTC and InSAR products: download them and stack them by date</source>
        <translation>Produits ASF HyP3 RTC et InSAR : les télécharger et les empiler par date</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="49"/>
        <source>The folder of the product zips (or product folders) as HyP3 delivers them</source>
        <translation>Le dossier des zips des produits (ou des dossiers des produits) tels que HyP3 les livre</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="56"/>
        <source>The GeoTIFF of each product to stack: VV, VH (RTC) or unw_phase, corr… (InSAR)</source>
        <translation>Le GeoTIFF de chaque produit à empiler : VV, VH (RTC) ou unw_phase, corr… (InSAR)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="59"/>
        <source>In dB</source>
        <translation>En dB</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="61"/>
        <source>Convert RTC backscatter to decibels</source>
        <translation>Convertir la rétrodiffusion RTC en décibels</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="65"/>
        <source>GeoTIFF (*.tif)</source>
        <translation>GeoTIFF (*.tif)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="66"/>
        <source>The stack to write; empty: a temporary file</source>
        <translation>La pile à écrire ; vide : un fichier temporaire</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="67"/>
        <source>Stack</source>
        <translation>Empiler</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="69"/>
        <source>One band per date (RTC) or pair (InSAR), with the products&apos; metadata</source>
        <translation>Une bande par date (RTC) ou par paire (InSAR), avec les métadonnées des produits</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="73"/>
        <source>Your Earthdata Login in QGIS&apos;s authentication database</source>
        <translation>Votre identifiant Earthdata Login dans la base d'authentification de QGIS</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="76"/>
        <source>[all jobs]</source>
        <translation>[toutes les tâches]</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="77"/>
        <source>The name your HyP3 jobs were submitted with</source>
        <translation>Le nom sous lequel vos tâches HyP3 ont été soumises</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="81"/>
        <source>RTC_GAMMA (backscatter) or INSAR_GAMMA (interferograms)</source>
        <translation>RTC_GAMMA (rétrodiffusion) ou INSAR_GAMMA (interférogrammes)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="82"/>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="84"/>
        <source>Download the finished jobs&apos; zips into the folder; zips already there are kept</source>
        <translation>Télécharger les zips des tâches terminées dans le dossier ; les zips déjà présents sont conservés</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="98"/>
        <source>Products folder</source>
        <translation>Dossier des produits</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="99"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="101"/>
        <source>Stack file</source>
        <translation>Fichier de la pile</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="102"/>
        <source>Earthdata login</source>
        <translation>Identifiant Earthdata</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="103"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="104"/>
        <source>Job type</source>
        <translation>Type de tâche</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="137"/>
        <source>Choose the folder of the HyP3 products first.</source>
        <translation>Choisissez d'abord le dossier des produits HyP3.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="139"/>
        <source>Stacking HyP3 products…</source>
        <translation>Empilement des produits HyP3…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="143"/>
        <source>Choose the folder to download into and your Earthdata login first.</source>
        <translation>Choisissez d'abord le dossier de téléchargement et votre identifiant Earthdata.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="145"/>
        <source>Downloading HyP3 products…</source>
        <translation>Téléchargement des produits HyP3…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="176"/>
        <source>HyP3</source>
        <translation>HyP3</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="179"/>
        <source>{0} zips downloaded, {1} already there.</source>
        <translation>{0} zips téléchargés, {1} déjà présents.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="186"/>
        <source>Written: {0}</source>
        <translation>Écrit : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="88"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="90"/>
        <source>Stop the download or stack under way; complete zips are kept</source>
        <translation>Arrêter le téléchargement ou l'empilement en cours ; les zips complets sont conservés</translation>
    </message>
    <message>
        <location filename="../timestack/gui/hyp3_box.py" line="171"/>
        <source>Download cancelled; the complete zips are kept and Download resumes from them.</source>
        <translation>Téléchargement annulé ; les zips complets sont conservés et Télécharger reprend à partir d'eux.</translation>
    </message>
</context>
<context>
    <name>Hyp3DownloadAlgorithm</name>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="43"/>
        <source>Download HyP3 products</source>
        <translation>Télécharger des produits HyP3</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="46"/>
        <source>Finds your succeeded ASF HyP3 jobs (hyp3_sdk) of one JOB_TYPE (RTC_GAMMA or INSAR_GAMMA) and project NAME (empty: all), keeps those whose granules were acquired between START_DATE and END_DATE and on one of the paths in RELATIVE_ORBIT (comma-separated; empty: all), and downloads their product zips into OUTPUT_FOLDER, each written whole under a temporary name first; zips already there are skipped, so a stopped download resumes. Expired jobs are reported and skipped. AUTHCFG is an Earthdata Login in QGIS&apos;s authentication database (username and password, or an empty username and a token as password). The zips are the input of timestack:hyp3stack.</source>
        <translation>Recherche vos tâches ASF HyP3 réussies (hyp3_sdk) d'un type JOB_TYPE (RTC_GAMMA ou INSAR_GAMMA) et d'un projet NAME (vide : tous), garde celles dont les granules ont été acquis entre START_DATE et END_DATE et sur l'une des traces de RELATIVE_ORBIT (séparées par des virgules ; vide : toutes), et télécharge les zips de leurs produits dans OUTPUT_FOLDER, chacun écrit en entier sous un nom temporaire d'abord ; les zips déjà présents sont ignorés, si bien qu'un téléchargement interrompu reprend. Les tâches expirées sont signalées et ignorées. AUTHCFG est un identifiant Earthdata Login de la base d'authentification de QGIS (nom d'utilisateur et mot de passe, ou nom d'utilisateur vide et jeton comme mot de passe). Les zips sont l'entrée de timestack:hyp3stack.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="58"/>
        <source>Earthdata Login (authentication configuration: username and password, or a token)</source>
        <translation>Earthdata Login (configuration d'authentification : nom d'utilisateur et mot de passe, ou jeton)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="64"/>
        <source>HyP3 API</source>
        <translation>API HyP3</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="67"/>
        <source>Project (job name; empty: all)</source>
        <translation>Projet (nom des tâches ; vide : tous)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="70"/>
        <source>Job type</source>
        <translation>Type de tâche</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="75"/>
        <source>Acquired from</source>
        <translation>Acquis à partir du</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="75"/>
        <source>Acquired until</source>
        <translation>Acquis jusqu'au</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="84"/>
        <source>Paths (relative orbits, comma-separated; empty: all)</source>
        <translation>Traces (orbites relatives, séparées par des virgules ; vide : toutes)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="91"/>
        <source>Product zips</source>
        <translation>Zips des produits</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="94"/>
        <source>Zips downloaded</source>
        <translation>Zips téléchargés</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="95"/>
        <source>Zips already there</source>
        <translation>Zips déjà présents</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="134"/>
        <source>{0} must be a date (YYYY-MM-DD).</source>
        <translation>{0} doit être une date (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="141"/>
        <source>RELATIVE_ORBIT: {0} is no Sentinel-1 path; give numbers from 1 to 175.</source>
        <translation>RELATIVE_ORBIT : {0} n'est pas une trace Sentinel-1 ; donnez des nombres de 1 à 175.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="152"/>
        <source>AUTHCFG: choose the authentication configuration holding your Earthdata Login.</source>
        <translation>AUTHCFG : choisissez la configuration d'authentification contenant votre identifiant Earthdata Login.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="157"/>
        <source>API_URL: {0} is no http(s) address of a HyP3 API.</source>
        <translation>API_URL : {0} n'est pas une adresse http(s) d'API HyP3.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="163"/>
        <source>END_DATE: {0} is before START_DATE {1}.</source>
        <translation>END_DATE : {0} est antérieure à START_DATE {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="167"/>
        <source>OUTPUT_FOLDER: {0} is a file; choose a folder for the zips.</source>
        <translation>OUTPUT_FOLDER : {0} est un fichier ; choisissez un dossier pour les zips.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="174"/>
        <source>HyP3 download</source>
        <translation>Téléchargement HyP3</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="179"/>
        <source>{0} {1} jobs match.</source>
        <translation>{0} tâches {1} correspondent.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="181"/>
        <source>{0} jobs have expired; their products can no longer be downloaded.</source>
        <translation>{0} tâches ont expiré ; leurs produits ne peuvent plus être téléchargés.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="188"/>
        <source>{0} zips were already there.</source>
        <translation>{0} zips étaient déjà présents.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="96"/>
        <source>A QGIS authentication configuration holding your Earthdata Login (username and password, or an empty username and a token); kept in the QGIS authentication database, never in logs.</source>
        <translation>Une configuration d'authentification QGIS contenant votre Earthdata Login (nom d'utilisateur et mot de passe, ou un nom d'utilisateur vide et un jeton) ; conservée dans la base d'authentification de QGIS, jamais dans les journaux.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="96"/>
        <source>The address of the HyP3 API; the default is ASF&apos;s.</source>
        <translation>L'adresse de l'API HyP3 ; par défaut celle de l'ASF.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="96"/>
        <source>The project (job name) whose jobs are downloaded; empty: every job of JOB_TYPE.</source>
        <translation>Le projet (nom des jobs) dont les jobs sont téléchargés ; vide : chaque job de JOB_TYPE.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="96"/>
        <source>Which kind of jobs to download: RTC_GAMMA (backscatter) or INSAR_GAMMA (interferograms).</source>
        <translation>Le type de jobs à télécharger : RTC_GAMMA (rétrodiffusion) ou INSAR_GAMMA (interférogrammes).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="96"/>
        <source>Keep jobs whose granules were acquired on this day (YYYY-MM-DD, UTC) or later.</source>
        <translation>Garder les jobs dont les granules ont été acquis ce jour-là (AAAA-MM-JJ, UTC) ou plus tard.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="96"/>
        <source>Keep jobs whose granules were acquired on this day (YYYY-MM-DD, UTC) or earlier.</source>
        <translation>Garder les jobs dont les granules ont été acquis ce jour-là (AAAA-MM-JJ, UTC) ou plus tôt.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="96"/>
        <source>Keep jobs on these paths (relative orbit numbers), separated by commas; empty: every path.</source>
        <translation>Garder les jobs sur ces traces (numéros d'orbite relative), séparées par des virgules ; vide : chaque trace.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3download.py" line="96"/>
        <source>Where the product zips are written; zips already there are skipped, so a stopped download resumes.</source>
        <translation>Où les zips des produits sont écrits ; les zips déjà présents sont ignorés, si bien qu'un téléchargement interrompu reprend.</translation>
    </message>
</context>
<context>
    <name>Hyp3StackAlgorithm</name>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="42"/>
        <source>Time stack of HyP3 products (RTC, InSAR)</source>
        <translation>Pile temporelle de produits HyP3 (RTC, InSAR)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="45"/>
        <source>Stacks ASF HyP3 RTC_GAMMA or INSAR_GAMMA products as HyP3 delivers them — the product zips (read in place, nothing extracted) or their folders, given as INPUT files and/or a FOLDER holding them. LAYER is the GeoTIFF of each product to stack: {0} for RTC; {1} for InSAR. RTC products give one band per acquisition date (YYYY-MM-DD_VV; frames of one pass merged), InSAR products one band per pair keeping both dates (YYYY-MM-DD_YYYY-MM-DD_unw_phase). Each band carries its product's metadata (granules, baseline, heading, looks, DEM, processing options, from the product name, its .txt parameter file and README); OUTPUT_METADATA lists it per product. Products in other extents or CRSs are aligned on one grid (COVERAGE: their union or common overlap). DB converts RTC power (or amplitude) to decibels. Products must share type, track, pass direction, polarisation, radiometry and scale, and give at least two dates.</source>
        <translation>Empile des produits ASF HyP3 RTC_GAMMA ou INSAR_GAMMA tels que HyP3 les livre — les zips des produits (lus sur place, rien n'est extrait) ou leurs dossiers, donnés comme fichiers INPUT et/ou un dossier FOLDER qui les contient. LAYER est le GeoTIFF de chaque produit à empiler : {0} pour RTC ; {1} pour InSAR. Les produits RTC donnent une bande par date d'acquisition (YYYY-MM-DD_VV ; les trames d'un même passage sont fusionnées), les produits InSAR une bande par paire en gardant les deux dates (YYYY-MM-DD_YYYY-MM-DD_unw_phase). Chaque bande porte les métadonnées de son produit (granules, ligne de base, cap, visées, MNT, options de traitement, tirées du nom du produit, de son fichier de paramètres .txt et du README) ; OUTPUT_METADATA les liste par produit. Les produits d'autres emprises ou SCR sont alignés sur une seule grille (COVERAGE : leur union ou leur recouvrement commun). DB convertit la puissance (ou l'amplitude) RTC en décibels. Les produits doivent partager type, trace, sens de passage, polarisation, radiométrie et échelle, et donner au moins deux dates.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="59"/>
        <source>HyP3 product zips or folders</source>
        <translation>Zips ou dossiers de produits HyP3</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="64"/>
        <source>Folder of HyP3 products</source>
        <translation>Dossier de produits HyP3</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="70"/>
        <source>Layer</source>
        <translation>Couche</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="71"/>
        <source>RTC backscatter in dB</source>
        <translation>Rétrodiffusion RTC en dB</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="72"/>
        <source>Grid covers</source>
        <translation>La grille couvre</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="72"/>
        <source>All products (union)</source>
        <translation>Tous les produits (union)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="72"/>
        <source>Their common overlap</source>
        <translation>Leur recouvrement commun</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="78"/>
        <source>HyP3 time stack</source>
        <translation>Pile temporelle HyP3</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="79"/>
        <source>Product metadata (one row per product)</source>
        <translation>Métadonnées des produits (une ligne par produit)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="79"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="127"/>
        <source>INPUT: choose HyP3 product zips or folders, or a FOLDER holding them.</source>
        <translation>INPUT : choisissez des zips ou dossiers de produits HyP3, ou un dossier FOLDER qui les contient.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="129"/>
        <source>LAYER: give the layer to stack, such as VV, VH or unw_phase.</source>
        <translation>LAYER : donnez la couche à empiler, par exemple VV, VH ou unw_phase.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="136"/>
        <source>FOLDER: {0} is not a folder; choose the folder of the products.</source>
        <translation>FOLDER : {0} n'est pas un dossier ; choisissez le dossier des produits.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="143"/>
        <source>OUTPUT_METADATA: {0} is no .csv file; give a name ending in .csv.</source>
        <translation>OUTPUT_METADATA : {0} n'est pas un fichier .csv ; donnez un nom se terminant par .csv.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="147"/>
        <source>HyP3 stack</source>
        <translation>Pile HyP3</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="155"/>
        <source>{0} products, {1} bands: {2} … {3}</source>
        <translation>{0} produits, {1} bandes : {2} … {3}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="160"/>
        <source>HyP3 {0}</source>
        <translation>HyP3 {0}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="86"/>
        <source>HyP3 product zips (read in place, nothing extracted) or their unzipped folders; or give FOLDER.</source>
        <translation>Zips de produits HyP3 (lus sur place, rien n'est extrait) ou leurs dossiers décompressés ; ou indiquez FOLDER.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="86"/>
        <source>A folder holding HyP3 product zips or folders, all stacked; in addition to INPUT.</source>
        <translation>Un dossier contenant des zips ou dossiers de produits HyP3, tous empilés ; en plus d'INPUT.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="86"/>
        <source>Which GeoTIFF of each product to stack: VV, VH (and the other RTC layers) for RTC, unw_phase, corr… for InSAR.</source>
        <translation>Le GeoTIFF de chaque produit à empiler : VV, VH (et les autres couches RTC) pour RTC, unw_phase, corr… pour InSAR.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="86"/>
        <source>Convert RTC backscatter (power or amplitude) to decibels; unticked: the values as HyP3 delivered them.</source>
        <translation>Convertir la rétrodiffusion RTC (puissance ou amplitude) en décibels ; décoché : les valeurs telles que HyP3 les a livrées.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="86"/>
        <source>The grid of the stack covers all products (their union; nodata where one is missing) or only where every product has data.</source>
        <translation>La grille du stack couvre tous les produits (leur union ; nodata là où l'un manque) ou seulement la zone où chaque produit a des données.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="86"/>
        <source>The time stack (GeoTIFF): one band per date (RTC) or per pair of dates (InSAR), with each product&apos;s metadata.</source>
        <translation>Le stack temporel (GeoTIFF) : une bande par date (RTC) ou par paire de dates (InSAR), avec les métadonnées de chaque produit.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/hyp3stack.py" line="86"/>
        <source>Optional table (CSV) of the products&apos; metadata, one row per product: granules, baseline, heading, looks, DEM, options.</source>
        <translation>Table facultative (CSV) des métadonnées des produits, une ligne par produit : granules, ligne de base, cap, visées, MNT, options.</translation>
    </message>
</context>
<context>
    <name>LandTrendrAlgorithm</name>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="113"/>
        <source>LandTrendr temporal segmentation</source>
        <translation>Segmentation temporelle LandTrendr</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="143"/>
        <source>Annual stack (bands YYYY_name)</source>
        <translation>Pile annuelle (bandes YYYY_nom)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="146"/>
        <source>Index or band to segment (e.g. nbr)</source>
        <translation>Indice ou bande à segmenter (p. ex. nbr)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="149"/>
        <source>Other bands to fit at the index&apos;s vertex years (comma separated)</source>
        <translation>Autres bandes à ajuster aux années des sommets de l'indice (séparées par des virgules)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="159"/>
        <source>Maximum segments</source>
        <translation>Nombre maximal de segments</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="161"/>
        <source>Vertex count overshoot</source>
        <translation>Dépassement du nombre de sommets</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="165"/>
        <source>Minimum observations needed</source>
        <translation>Nombre minimal d'observations</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="170"/>
        <source>Prevent one-year recovery</source>
        <translation>Empêcher la reprise en un an</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="179"/>
        <source>Flavor</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="179"/>
        <source>gee — Earth Engine behaviour</source>
        <translation>gee — comportement d'Earth Engine</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="179"/>
        <source>idl — original IDL program</source>
        <translation>idl — programme IDL d'origine</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="187"/>
        <source>Index change on disturbance</source>
        <translation>Évolution de l'indice lors d'une perturbation</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="187"/>
        <source>Automatic (from the index)</source>
        <translation>Automatique (d'après l'indice)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="187"/>
        <source>Decreases (like NBR, NDVI)</source>
        <translation>Diminue (comme NBR, NDVI)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="187"/>
        <source>Increases (like TCB, SWIR)</source>
        <translation>Augmente (comme TCB, SWIR)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="199"/>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="199"/>
        <source>Local (this computer)</source>
        <translation>Local (cet ordinateur)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="199"/>
        <source>Google Earth Engine</source>
        <translation>Google Earth Engine</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="207"/>
        <source>Earth Engine: Google Cloud project</source>
        <translation>Earth Engine : projet Google Cloud</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="207"/>
        <source>Earth Engine: Google Drive export folder</source>
        <translation>Earth Engine : dossier d'export Google Drive</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="207"/>
        <source>Earth Engine: start the export tasks</source>
        <translation>Earth Engine : lancer les tâches d'export</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="227"/>
        <source>Earth Engine export tasks</source>
        <translation>Tâches d'export Earth Engine</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="228"/>
        <source>Vertices</source>
        <translation>Sommets</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="228"/>
        <source>Fitted values (one band per year)</source>
        <translation>Valeurs ajustées (une bande par année)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="228"/>
        <source>RMSE, p-value, segment count, status</source>
        <translation>RMSE, valeur p, nombre de segments, statut</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="228"/>
        <source>Segment table</source>
        <translation>Table des segments</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="236"/>
        <source>FTV folder (one GeoTIFF per fit band)</source>
        <translation>Dossier FTV (un GeoTIFF par bande ajustée)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="387"/>
        <source>DIRECTION: {0} is not a known index or band, so its change on disturbance is unknown; choose &apos;Decreases&apos; or &apos;Increases&apos;.</source>
        <translation>DIRECTION : {0} n'est pas un indice ou une bande connu, son évolution lors d'une perturbation est donc inconnue ; choisissez « Diminue » ou « Augmente ».</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="398"/>
        <source>INPUT: the stack must be a raster file readable by GDAL.</source>
        <translation>INPUT : la pile doit être un fichier raster lisible par GDAL.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="405"/>
        <source>INPUT: the stack has no year information: its band descriptions must read YYYY_name (e.g. 1990_nbr), as timestack:composite writes them.</source>
        <translation>INPUT : la pile n'a pas d'information d'année : ses descriptions de bandes doivent être de la forme YYYY_nom (p. ex. 1990_nbr), comme les écrit timestack:composite.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="413"/>
        <source>INDEX: the stack has no band named {0}; it has: {1}.</source>
        <translation>INDEX : la pile n'a pas de bande nommée {0} ; elle contient : {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="432"/>
        <source>FIT_BANDS: the stack has no band named {0}; it has: {1}.</source>
        <translation>FIT_BANDS : la pile n'a pas de bande nommée {0} ; elle contient : {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="488"/>
        <source>FLAVOR: Earth Engine always behaves as &apos;gee&apos;.</source>
        <translation>FLAVOR : Earth Engine se comporte toujours comme « gee ».</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="525"/>
        <source>ENGINE earthengine: {0}</source>
        <translation>ENGINE earthengine : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="527"/>
        <source>Earth Engine export tasks: {0}</source>
        <translation>Tâches d'export Earth Engine : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="551"/>
        <source>OUTPUT_FTV: name the bands to fit in FIT_BANDS.</source>
        <translation>OUTPUT_FTV : nommez les bandes à ajuster dans FIT_BANDS.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="572"/>
        <source>Segmenting {0} (disturbance {1}), flavor {2}</source>
        <translation>Segmentation de {0} (une perturbation le {1}), variante {2}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="572"/>
        <source>decreases it</source>
        <translation>fait baisser</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="572"/>
        <source>increases it</source>
        <translation>fait augmenter</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="605"/>
        <source>LandTrendr vertices ({0})</source>
        <translation>Sommets LandTrendr ({0})</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="606"/>
        <source>LandTrendr fitted {0}</source>
        <translation>{0} ajusté par LandTrendr</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="607"/>
        <source>LandTrendr RMSE ({0})</source>
        <translation>RMSE LandTrendr ({0})</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="608"/>
        <source>LandTrendr segments ({0})</source>
        <translation>Segments LandTrendr ({0})</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="619"/>
        <source>LandTrendr FTV {0}</source>
        <translation>FTV LandTrendr {0}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="207"/>
        <source>Earth Engine: annual composite ImageCollection (asset id; empty = composite here)</source>
        <translation>Earth Engine : ImageCollection de composites annuels (identifiant d'asset ; vide = composer ici)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="511"/>
        <source>EE_COLLECTION is empty: compositing the stack&apos;s years on Earth Engine first.</source>
        <translation>EE_COLLECTION est vide : composition préalable des années de la pile sur Earth Engine.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="160"/>
        <source>Spike threshold, ≥ 0 (1 or more = no despiking)</source>
        <translation>Seuil de pic, ≥ 0 (1 ou plus = pas de suppression des pics)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="162"/>
        <source>Recovery threshold (1/years), ≥ 0</source>
        <translation>Seuil de reprise (1/années), ≥ 0</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="163"/>
        <source>p-value threshold, in (0, 1]</source>
        <translation>Seuil de valeur p, dans ]0, 1]</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="164"/>
        <source>Best model proportion, in (0, 2]</source>
        <translation>Proportion du meilleur modèle, dans ]0, 2]</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="580"/>
        <source>LandTrendr</source>
        <translation>LandTrendr</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="596"/>
        <source>Resumed: {0} tiles were already finished.</source>
        <translation>Reprise : {0} tuiles étaient déjà terminées.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="421"/>
        <source>INPUT: the stack holds {0} year(s) of {1} ({2}); LandTrendr fits a series of years, so choose a stack with at least MIN_OBSERVATIONS_NEEDED of them.</source>
        <translation>INPUT : la pile contient {0} année(s) de {1} ({2}) ; LandTrendr ajuste une série d'années, choisissez donc une pile qui en a au moins MIN_OBSERVATIONS_NEEDED.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="553"/>
        <source>OUTPUT_FTV: {0} is a file, not a folder; choose a folder for the FTV stacks.</source>
        <translation>OUTPUT_FTV : {0} est un fichier, pas un dossier ; choisissez un dossier pour les piles FTV.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="559"/>
        <source>OUTPUT_VERTICES, OUTPUT_FITTED, OUTPUT_RMSE, OUTPUT_SEGMENTS, OUTPUT_FTV: none is set, so the fit would be thrown away; choose at least one output.</source>
        <translation>OUTPUT_VERTICES, OUTPUT_FITTED, OUTPUT_RMSE, OUTPUT_SEGMENTS, OUTPUT_FTV : aucune n'est définie, l'ajustement serait donc perdu ; choisissez au moins une sortie.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="249"/>
        <source>The variable of the stack whose yearly values are segmented (nbr of bands 1990_nbr, 1991_nbr…): its vertices mark the disturbances and recoveries.</source>
        <translation>La variable de la pile dont les valeurs annuelles sont segmentées (nbr pour les bandes 1990_nbr, 1991_nbr…) : ses sommets marquent les perturbations et les reconstitutions.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="249"/>
        <source>Other variables of the stack fitted at the index&apos;s vertex years (fitted-to-vertex, FTV), one GeoTIFF per band in the FTV folder; empty: none.</source>
        <translation>Autres variables de la pile ajustées aux années des sommets de l'indice (fitted-to-vertex, FTV), un GeoTIFF par bande dans le dossier FTV ; vide : aucune.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="249"/>
        <source>Whether the index falls or rises when the forest is disturbed, which decides which segments are losses; Automatic takes it from the index (NBR and NDVI fall, TCB and SWIR rise).</source>
        <translation>Indique si l'indice baisse ou augmente lorsque la forêt est perturbée, ce qui décide quels segments sont des pertes ; Automatique le déduit de l'indice (NBR et NDVI baissent, TCB et SWIR augmentent).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="249"/>
        <source>The most straight-line segments a pixel&apos;s trajectory may have (a count; vertices = segments + 1). More segments follow shorter changes, and more noise.</source>
        <translation>Le plus grand nombre de segments rectilignes que peut avoir la trajectoire d'un pixel (un nombre ; sommets = segments + 1). Plus de segments suivent des changements plus courts, et plus de bruit.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="249"/>
        <source>Dampens one-year spikes before fitting (unitless): the lower, the more spikes are flattened; 1 or more dampens none.</source>
        <translation>Atténue les pics d'une année avant l'ajustement (sans unité) : plus la valeur est basse, plus de pics sont aplanis ; 1 ou plus n'en atténue aucun.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="249"/>
        <source>How many vertices beyond maximum segments + 1 the first pass may find before the weakest are removed by angle (a count).</source>
        <translation>Combien de sommets au-delà de segments maximum + 1 la première passe peut trouver avant que les plus faibles soient retirés selon l'angle (un nombre).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="249"/>
        <source>Refuses segments that recover within one year: a one-year return to the value before a disturbance is taken as noise.</source>
        <translation>Refuse les segments qui se reconstituent en un an : un retour en un an à la valeur d'avant une perturbation est considéré comme du bruit.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="249"/>
        <source>Refuses a segment recovering faster than this rate, in 1/years: 0.25 allows a full recovery in no less than 4 years.</source>
        <translation>Refuse un segment qui se reconstitue plus vite que ce taux, en 1/années : 0,25 permet une reconstitution complète en 4 ans au moins.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="249"/>
        <source>A fit is kept only when its F-test p-value is at most this (unitless, 0-1); otherwise a simpler fit is tried.</source>
        <translation>Un ajustement n'est gardé que si la p-valeur de son test F est au plus égale à cette valeur (sans unité, 0-1) ; sinon un ajustement plus simple est essayé.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="249"/>
        <source>Takes the fit with the most vertices whose p-value is within this proportion of the best fit&apos;s (unitless); 1 takes the best fit.</source>
        <translation>Prend l'ajustement ayant le plus de sommets dont la p-valeur est dans cette proportion de celle du meilleur ajustement (sans unité) ; 1 prend le meilleur ajustement.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="249"/>
        <source>Pixels with fewer valid years than this (a count) are not fitted; their outputs are nodata.</source>
        <translation>Les pixels ayant moins d'années valides que cette valeur (un nombre) ne sont pas ajustés ; leurs sorties sont nodata.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="301"/>
        <source>Where LandTrendr runs: on this computer, or on Google Earth Engine (ee.Algorithms.TemporalSegmentation.LandTrendr), whose results are exported to Google Drive.</source>
        <translation>Où LandTrendr s'exécute : sur cet ordinateur, ou sur Google Earth Engine (ee.Algorithms.TemporalSegmentation.LandTrendr), dont les résultats sont exportés vers Google Drive.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="301"/>
        <source>With Earth Engine: the asset id of an ImageCollection of annual composites to segment; empty: Landsat composites are made on Earth Engine for the stack&apos;s area and years.</source>
        <translation>Avec Earth Engine : l'identifiant d'asset d'une ImageCollection de composites annuels à segmenter ; vide : des composites Landsat sont calculés sur Earth Engine pour l'emprise et les années du stack.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="301"/>
        <source>With Earth Engine: the Google Cloud project the run is billed to and its tasks belong to; empty: the project of your Earth Engine login.</source>
        <translation>Avec Earth Engine : le projet Google Cloud auquel l'exécution est facturée et auquel appartiennent ses tâches ; vide : le projet de votre connexion Earth Engine.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="301"/>
        <source>With Earth Engine: the Google Drive folder the export tasks write their GeoTIFFs to.</source>
        <translation>Avec Earth Engine : le dossier Google Drive où les tâches d'export écrivent leurs GeoTIFF.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="301"/>
        <source>With Earth Engine: start the export tasks now; unticked, they are only prepared (follow or cancel them with &apos;Earth Engine tasks&apos;).</source>
        <translation>Avec Earth Engine : lancer les tâches d'export maintenant ; décoché, elles sont seulement préparées (suivez-les ou annulez-les avec « Tâches Earth Engine »).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="301"/>
        <source>Per pixel, the years of the trajectory&apos;s vertices with their source and fitted values, one band each (NaN past the last vertex).</source>
        <translation>Par pixel, les années des sommets de la trajectoire avec leurs valeurs source et ajustées, une bande chacune (NaN après le dernier sommet).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="301"/>
        <source>The index as LandTrendr fitted it, one band per year (YYYY_fitted), in the index&apos;s unit.</source>
        <translation>L'indice tel que LandTrendr l'a ajusté, une bande par année (AAAA_fitted), dans l'unité de l'indice.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="301"/>
        <source>Per pixel: the fit's root mean square error (in the index's unit), its p-value (0–1), the number of segments and the fit's status.</source>
        <translation>Par pixel : l'erreur quadratique moyenne de l'ajustement (dans l'unité de l'indice), sa valeur p (0–1), le nombre de segments et l'état de l'ajustement.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="301"/>
        <source>Per pixel, the segments of the fitted trajectory (their years, values, magnitudes, durations): the input of the change map.</source>
        <translation>Par pixel, les segments de la trajectoire ajustée (leurs années, valeurs, magnitudes, durées) : l'entrée de la carte des changements.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="301"/>
        <source>Folder of the fitted-to-vertex stacks: one GeoTIFF per band of FIT_BANDS, fitted at the index&apos;s vertex years; empty: not written.</source>
        <translation>Dossier des stacks ajustés aux sommets : un GeoTIFF par bande de FIT_BANDS, ajustée aux années des sommets de l'indice ; vide : non écrits.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="456"/>
        <source>INPUT: band(s) {0} have no YYYY_name description, so LandTrendr leaves them out; name them (e.g. 1990_nbr) if they hold years of the stack.</source>
        <translation>INPUT : les bandes {0} n'ont pas de description AAAA_nom, LandTrendr les laisse donc de côté ; nommez-les (p. ex. 1990_nbr) si elles contiennent des années de la pile.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="116"/>
        <source>Fits LandTrendr (Kennedy et al. 2010) to every pixel of an annual stack: a piecewise-linear trajectory whose vertices mark disturbances and recoveries.

INPUT is a stack whose band descriptions are YYYY_name (the composite algorithm writes them); INDEX names the band or index to segment (e.g. nbr). FIT_BANDS are other bands fitted at the index's vertex years (FTV). Parameters carry Earth Engine's names and defaults. The disturbance direction (NBR, NDVI fall on disturbance; TCB, SWIR rise) is taken from the index unless DIRECTION says otherwise; values need no ×1000 scaling. Bands carrying GDAL scale and offset tags (int16 NBR with scale 0.0001, Landsat surface reflectance with 2.75e-05 and -0.2) are fitted on their physical values, stored × scale + offset: the outputs, and the change map's MAG and PREVAL, are then in those units.

FLAVOR 'gee' (default) reproduces Earth Engine's outputs; 'idl' reproduces the original IDL program, including its single-precision p-values and integer truncation (so use it on stacks stored scaled without scale tags, such as Timestack's int16 composites, not on 0-1 index values).

Outputs: vertices (years, source and fitted values, NaN-padded), the fitted value for every year, FTV stacks per fit band (one GeoTIFF per band in a folder), RMSE / p-value / segment count / status, and the segment table that timestack:changemap maps.

TILE_SIZE (squares of that many pixels) or TILES (a grid layer such as Landsat ARD tiles: one tile per cell on the stack, named by TILES_ID_FIELD) runs a large stack tile by tile into TILES_FOLDER, which records every finished tile: after a crash or a cancel, the same run started again skips them. The outputs are then VRT mosaics of the tiles in TILES_FOLDER (vertices.vrt, fitted.vrt, stats.vrt, segments.vrt, ftv_&lt;band&gt;.vrt), whatever paths the outputs name.</source>
        <translation>Ajuste LandTrendr (Kennedy et al. 2010) à chaque pixel d'une pile annuelle : une trajectoire linéaire par morceaux dont les sommets marquent les perturbations et les reprises.

INPUT est une pile dont les descriptions de bandes sont de la forme YYYY_nom (l'algorithme de composite les écrit ainsi) ; INDEX nomme la bande ou l'indice à segmenter (p. ex. nbr). FIT_BANDS sont d'autres bandes ajustées aux années des sommets de l'indice (FTV). Les paramètres portent les noms et les valeurs par défaut d'Earth Engine. Le sens d'une perturbation (NBR et NDVI baissent lors d'une perturbation ; TCB et SWIR augmentent) est déduit de l'indice, sauf si DIRECTION en dispose autrement ; les valeurs n'ont pas besoin d'une mise à l'échelle × 1000. Les bandes portant des facteurs d'échelle et de décalage GDAL (NBR en int16 avec une échelle de 0.0001, réflectance de surface Landsat avec 2.75e-05 et -0.2) sont ajustées sur leurs valeurs physiques, valeur stockée × échelle + décalage : les sorties, ainsi que MAG et PREVAL de la carte des changements, sont alors dans ces unités.

La variante (FLAVOR) « gee » (par défaut) reproduit les sorties d'Earth Engine ; « idl » reproduit le programme IDL d'origine, y compris ses valeurs p en simple précision et sa troncature entière (utilisez-la donc sur des piles stockées mises à l'échelle sans facteur d'échelle GDAL, comme les composites int16 de Timestack, pas sur des valeurs d'indice entre 0 et 1).

Sorties : sommets (années, valeurs source et ajustées, complétés par des NaN), la valeur ajustée de chaque année, des piles FTV par bande ajustée (un GeoTIFF par bande dans un dossier), RMSE / valeur p / nombre de segments / statut, et la table des segments que cartographie timestack:changemap.

TILE_SIZE (des carrés de ce nombre de pixels) ou TILES (une couche de grille, comme les tuiles ARD de Landsat : une tuile par cellule sur la pile, nommée par TILES_ID_FIELD) traite une grande pile tuile par tuile dans TILES_FOLDER, qui enregistre chaque tuile terminée : après un plantage ou une annulation, le même traitement relancé les saute. Les sorties sont alors des mosaïques VRT des tuiles dans TILES_FOLDER (vertices.vrt, fitted.vrt, stats.vrt, segments.vrt, ftv_&lt;bande&gt;.vrt), quels que soient les chemins que nomment les sorties.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="249"/>
        <source>gee reproduces Earth Engine&apos;s outputs; idl the original IDL program (single-precision p-values, integer truncation: for int16 stacks stored scaled without scale tags, not 0-1 index values nor stacks whose scale tags make them 0-1 values).</source>
        <translation>gee reproduit les sorties d'Earth Engine ; idl le programme IDL d'origine (p-valeurs en simple précision, troncature entière : pour les piles int16 stockées mises à l'échelle sans facteur d'échelle GDAL, pas pour des valeurs d'indice entre 0 et 1 ni pour des piles dont les facteurs d'échelle en font des valeurs entre 0 et 1).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="301"/>
        <source>The annual stack to segment, one band per year and variable named YYYY_variable (a composite stack); with Earth Engine, the area and years it covers. Bands with GDAL scale and offset tags are fitted on their physical values (stored × scale + offset).</source>
        <translation>Le stack annuel à segmenter, une bande par année et variable nommée AAAA_variable (un stack composite) ; avec Earth Engine, l'emprise et les années qu'il couvre. Les bandes portant des facteurs d'échelle et de décalage GDAL sont ajustées sur leurs valeurs physiques (valeur stockée × échelle + décalage).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="463"/>
        <source>FLAVOR: idl truncates fitted values to whole numbers, but the scale/offset tags of INPUT&apos;s {0} bands make them physical values (e.g. 0-1); choose gee, or a stack stored scaled without tags.</source>
        <translation>FLAVOR : idl tronque les valeurs ajustées en nombres entiers, mais les facteurs d'échelle et de décalage des bandes {0} de INPUT en font des valeurs physiques (p. ex. entre 0 et 1) ; choisissez gee, ou une pile stockée mise à l'échelle sans facteurs d'échelle.</translation>
    </message>
</context>
<context>
    <name>LandTrendrPanel</name>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="112"/>
        <source>[temporary files]</source>
        <translation>[fichiers temporaires]</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="116"/>
        <source>Then map the greatest loss</source>
        <translation>Puis cartographier la plus forte perte</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="128"/>
        <source>Inspect pixels</source>
        <translation>Inspecter les pixels</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="130"/>
        <source>Click a pixel of the stack to see its fit; edits refit at once.</source>
        <translation>Cliquez sur un pixel de la pile pour voir son ajustement ; toute modification le réajuste aussitôt.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="135"/>
        <source>Run LandTrendr</source>
        <translation>Lancer LandTrendr</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="341"/>
        <source>LandTrendr</source>
        <translation>LandTrendr</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="157"/>
        <source>Annual stack</source>
        <translation>Pile annuelle</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="158"/>
        <source>Index</source>
        <translation>Indice</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="160"/>
        <source>Also fit bands</source>
        <translation>Ajuster aussi les bandes</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="165"/>
        <source>Earth Engine&apos;s LandTrendr parameters, with its defaults.</source>
        <translation>Les paramètres LandTrendr d'Earth Engine, avec leurs valeurs par défaut.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="183"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="185"/>
        <source>Minimum loss magnitude</source>
        <translation>Magnitude minimale de perte</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="248"/>
        <source>This layer has no YYYY_name band descriptions; pick a composite stack.</source>
        <translation>Cette couche n'a pas de descriptions de bandes YYYY_nom ; choisissez une pile de composites.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="326"/>
        <source>Fitting LandTrendr…</source>
        <translation>Ajustement de LandTrendr…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="345"/>
        <source>LandTrendr done.</source>
        <translation>LandTrendr terminé.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="347"/>
        <source>Mapping change…</source>
        <translation>Cartographie des changements…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="359"/>
        <source>LandTrendr and change map done.</source>
        <translation>LandTrendr et carte des changements terminés.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="125"/>
        <source>In the stack&apos;s units: 1000 on an int16 composite (indices x 10000) is a drop of 0.1</source>
        <translation>Dans les unités de la pile : 1000 sur un composite int16 (indices × 10000) correspond à une baisse de 0,1</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="95"/>
        <source>A multi-year stack with YYYY_name bands, as Composite writes it (not one of its years)</source>
        <translation>Une pile pluriannuelle à bandes YYYY_nom, telle que l'écrit Composite (pas l'une de ses années)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="113"/>
        <source>Where the outputs are written (&lt;index&gt;_rmse.tif, …); empty: temporary files</source>
        <translation>Où les sorties sont écrites (&lt;index&gt;_rmse.tif, …) ; vide : fichiers temporaires</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="117"/>
        <source>Run Change map on the segments when the fit is done: the year of the greatest loss</source>
        <translation>Lancer la carte des changements sur les segments une fois l'ajustement terminé : l'année de la plus forte perte</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="163"/>
        <source>LandTrendr parameters (Earth Engine&apos;s defaults)</source>
        <translation>Paramètres LandTrendr (valeurs par défaut d'Earth Engine)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="361"/>
        <source>The change map</source>
        <translation>La carte des changements</translation>
    </message>
    <message>
        <location filename="../timestack/gui/landtrendr_panel.py" line="246"/>
        <source>Pick a stack whose bands are named YYYY_index (a composite) to run LandTrendr.</source>
        <translation>Choisissez une pile dont les bandes sont nommées AAAA_indice (un composite) pour lancer LandTrendr.</translation>
    </message>
</context>
<context>
    <name>LandTrendrStyler</name>
    <message>
        <location filename="../timestack/processing/styles.py" line="387"/>
        <source>RMSE {0:.2f} {1}</source>
        <translation>RMSE {0:.2f} {1}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/styles.py" line="398"/>
        <source>{0} {1:.2f} (fitted, {2})</source>
        <translation>{0} {1:.2f} (ajusté, {2})</translation>
    </message>
</context>
<context>
    <name>MosaicAlgorithm</name>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="36"/>
        <source>Mosaic tiles (VRT)</source>
        <translation>Mosaïque de tuiles (VRT)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="39"/>
        <source>Stitches the tiles of a large run — stacks with the same bands, CRS and resolution, one per tile, in INPUT (a folder; PATTERN picks the files, *.tif by default, subfolders included) — into virtual rasters without copying pixels: one per year (GROUP_BY year: every variable of that year), one per variable (every date of it) or one of all bands. Source paths are stored relative to the VRTs, so the tiles and mosaics can move together; band descriptions are kept.</source>
        <translation>Assemble les tuiles d'un grand traitement — des piles aux mêmes bandes, SCR et résolution, une par tuile, dans INPUT (un dossier ; PATTERN choisit les fichiers, *.tif par défaut, sous-dossiers compris) — en rasters virtuels sans copier de pixels : un par année (GROUP_BY year : toutes les variables de cette année), un par variable (toutes ses dates) ou un seul avec toutes les bandes. Les chemins des sources sont enregistrés relativement aux VRT, de sorte que tuiles et mosaïques peuvent être déplacées ensemble ; les descriptions des bandes sont conservées.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="48"/>
        <source>Folder of tiles</source>
        <translation>Dossier des tuiles</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="53"/>
        <source>File pattern</source>
        <translation>Motif de fichier</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="54"/>
        <source>One mosaic per</source>
        <translation>Une mosaïque par</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="54"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="54"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="54"/>
        <source>Nothing (all bands)</source>
        <translation>Rien (toutes les bandes)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="62"/>
        <source>Mosaics</source>
        <translation>Mosaïques</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="63"/>
        <source>Mosaic layers</source>
        <translation>Couches de mosaïque</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="86"/>
        <source>INPUT: {0} is not a folder of tiles.</source>
        <translation>INPUT : {0} n'est pas un dossier de tuiles.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="112"/>
        <source>{0} tiles in {1}</source>
        <translation>{0} tuiles dans {1}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="114"/>
        <source>Mosaic</source>
        <translation>Mosaïque</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="89"/>
        <source>OUTPUT_FOLDER: {0} is a file; choose a folder for the mosaics.</source>
        <translation>OUTPUT_FOLDER : {0} est un fichier ; choisissez un dossier pour les mosaïques.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="94"/>
        <source>PATTERN: {0} is a path; give a file-name pattern inside INPUT such as *.tif (subfolders are searched too).</source>
        <translation>PATTERN : {0} est un chemin ; donnez un motif de nom de fichier dans INPUT comme *.tif (les sous-dossiers sont aussi parcourus).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="106"/>
        <source>INPUT: no file in {0} matches PATTERN {1} (subfolders included); choose the folder of the tiles, or a PATTERN that matches them.</source>
        <translation>INPUT : aucun fichier de {0} ne correspond à PATTERN {1} (sous-dossiers compris) ; choisissez le dossier des tuiles, ou un PATTERN qui leur correspond.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="64"/>
        <source>The folder holding the tile stacks of a large run (same bands, CRS and resolution), subfolders included.</source>
        <translation>Le dossier contenant les tuiles d'une grande exécution (mêmes bandes, SCR et résolution), sous-dossiers compris.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="64"/>
        <source>Which files of the folder are tiles, as a file name pattern (*.tif: every GeoTIFF).</source>
        <translation>Les fichiers du dossier qui sont des tuiles, sous forme de motif de nom de fichier (*.tif : chaque GeoTIFF).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="64"/>
        <source>One virtual mosaic per year (every variable of that year), per variable (every date of it), or one of all bands.</source>
        <translation>Une mosaïque virtuelle par année (chaque variable de cette année), par variable (chacune de ses dates), ou une de toutes les bandes.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/mosaic.py" line="64"/>
        <source>Where the mosaics (VRT files) are written; they refer to the tiles by relative paths, so both can move together.</source>
        <translation>Où les mosaïques (fichiers VRT) sont écrites ; elles désignent les tuiles par des chemins relatifs, si bien que les deux peuvent être déplacées ensemble.</translation>
    </message>
</context>
<context>
    <name>OperationPage</name>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="80"/>
        <source>Advanced parameters</source>
        <translation>Paramètres avancés</translation>
    </message>
</context>
<context>
    <name>PipInstallTask</name>
    <message>
        <location filename="../timestack/gui/dependency_installer.py" line="53"/>
        <source>Installing Timestack&apos;s Python packages</source>
        <translation>Installation des paquets Python de Timestack</translation>
    </message>
</context>
<context>
    <name>PixelInspector</name>
    <message>
        <location filename="../timestack/gui/pixel_inspector.py" line="191"/>
        <source>row {0}, col {1}</source>
        <translation>ligne {0}, colonne {1}</translation>
    </message>
    <message>
        <location filename="../timestack/gui/pixel_inspector.py" line="206"/>
        <source>too few observations: flat at the mean</source>
        <translation>trop peu d'observations : constante à la moyenne</translation>
    </message>
    <message>
        <location filename="../timestack/gui/pixel_inspector.py" line="207"/>
        <source>no data</source>
        <translation>pas de données</translation>
    </message>
    <message>
        <location filename="../timestack/gui/pixel_inspector.py" line="208"/>
        <source>not significant: flat at the mean</source>
        <translation>non significatif : constante à la moyenne</translation>
    </message>
    <message>
        <location filename="../timestack/gui/pixel_inspector.py" line="167"/>
        <source>Timestack: pixel series</source>
        <translation>Timestack : série du pixel</translation>
    </message>
</context>
<context>
    <name>ResampleAlgorithm</name>
    <message>
        <location filename="../timestack/processing/resample.py" line="37"/>
        <source>Resample a time stack (monthly, seasonal, annual)</source>
        <translation>Rééchantillonner une pile temporelle (mensuel, saisonnier, annuel)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="53"/>
        <source>Per-date stack (dated band descriptions)</source>
        <translation>Pile par date (descriptions de bandes datées)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="56"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="56"/>
        <source>Monthly</source>
        <translation>Mensuelle</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="56"/>
        <source>Seasonal (DJF, MAM, JJA, SON)</source>
        <translation>Saisonnière (DJF, MAM, JJA, SON)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="56"/>
        <source>Annual</source>
        <translation>Annuelle</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="56"/>
        <source>Custom (DAYS)</source>
        <translation>Personnalisée (DAYS)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="65"/>
        <source>Days per custom period</source>
        <translation>Jours par période personnalisée</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="71"/>
        <source>Statistic</source>
        <translation>Statistique</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="71"/>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="71"/>
        <source>Median</source>
        <translation>Médiane</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="71"/>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="71"/>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="71"/>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="127"/>
        <source>Resampled stack</source>
        <translation>Pile rééchantillonnée</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="82"/>
        <source>Periods without observations</source>
        <translation>Périodes sans observation</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="107"/>
        <source>Resampling</source>
        <translation>Rééchantillonnage</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="122"/>
        <source>{0} of {1} periods have no observation; they are nodata in the output.</source>
        <translation>{0} périodes sur {1} n'ont aucune observation ; elles sont sans données (nodata) dans la sortie.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="83"/>
        <source>The periods the dates are grouped into, one output band per period and variable: calendar months, seasons (DJF, MAM, JJA, SON), calendar years, or periods of DAYS days.</source>
        <translation>Les périodes dans lesquelles les dates sont regroupées, une bande de sortie par période et par variable : mois civils, saisons (DJF, MAM, JJA, SON), années civiles, ou périodes de DAYS jours.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="83"/>
        <source>The length of a custom period, in days (used with Custom only).</source>
        <translation>La longueur d'une période personnalisée, en jours (utilisée avec Personnalisée uniquement).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="83"/>
        <source>How a period&apos;s dates become one value per pixel; Count gives the number of valid observations.</source>
        <translation>Comment les dates d'une période deviennent une valeur par pixel ; Nombre donne le nombre d'observations valides.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="94"/>
        <source>The resampled stack (GeoTIFF), one band per new date and variable.</source>
        <translation>Le stack rééchantillonné (GeoTIFF), une bande par nouvelle date et variable.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="40"/>
        <source>Summarises every variable of a stack whose band descriptions carry dates (YYYY-MM-DD_name, YYYYMMDD_name or YYYY_name) per PERIOD: monthly, seasonal (DJF, MAM, JJA, SON; December counts towards the next year&apos;s winter), annual, or custom periods of DAYS days from the first date. STATISTIC is the mean, median, maximum, minimum or count of the valid observations of each period. Every period from the first to the last date is kept: a period without observations (no date in it, or dates that are all nodata) is nodata (count 0) and is reported in EMPTY_PERIODS; a pixel whose dates in a period are all nodata is nodata (count 0) there too. OUTPUT bands are named &lt;period start&gt;_&lt;variable&gt;, so the result is a dated stack itself.</source>
        <translation>Résume chaque variable d'une pile dont les descriptions de bandes portent des dates (YYYY-MM-DD_nom, YYYYMMDD_nom ou YYYY_nom) par PERIOD : mensuelle, saisonnière (DJF, MAM, JJA, SON ; décembre compte pour l'hiver de l'année suivante), annuelle, ou des périodes personnalisées de DAYS jours à partir de la première date. STATISTIC est la moyenne, la médiane, le maximum, le minimum ou le nombre des observations valides de chaque période. Chaque période de la première à la dernière date est conservée : une période sans observation (aucune date, ou des dates toutes sans données) est sans données (nombre 0) et est signalée dans EMPTY_PERIODS ; un pixel dont les dates d'une période sont toutes sans données y est aussi sans données (nombre 0). Les bandes de OUTPUT sont nommées &lt;début de période&gt;_&lt;variable&gt;, le résultat est donc lui-même une pile datée.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/resample.py" line="94"/>
        <source>The per-date stack to resample: bands whose descriptions are dated (YYYY-MM-DD_variable). Bands with GDAL scale and offset tags are resampled on their physical values (stored × scale + offset), and OUTPUT is in those units.</source>
        <translation>Le stack par date à rééchantillonner : des bandes aux descriptions datées (AAAA-MM-JJ_variable). Les bandes portant des facteurs d'échelle et de décalage GDAL sont rééchantillonnées sur leurs valeurs physiques (valeur stockée × échelle + décalage), et OUTPUT est dans ces unités.</translation>
    </message>
</context>
<context>
    <name>RunsOneAlgorithm</name>
    <message>
        <location filename="../timestack/gui/algorithm_task.py" line="303"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../timestack/gui/algorithm_task.py" line="328"/>
        <source>Install {0}…</source>
        <translation>Installer {0}…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/algorithm_task.py" line="361"/>
        <source>Large run</source>
        <translation>Traitement volumineux</translation>
    </message>
    <message>
        <location filename="../timestack/gui/algorithm_task.py" line="361"/>
        <source>{0}

Run it anyway?</source>
        <translation>{0}

Le lancer quand même ?</translation>
    </message>
    <message>
        <location filename="../timestack/gui/algorithm_task.py" line="391"/>
        <source>Timestack's algorithms are not loaded: Python packages they need are missing. Install them (Raster ▸ Timestack ▸ Install Python packages…), then run again.</source>
        <translation>Les algorithmes de Timestack ne sont pas chargés : des paquets Python dont ils ont besoin manquent. Installez-les (Raster ▸ Timestack ▸ Installer des paquets Python…), puis relancez.</translation>
    </message>
</context>
<context>
    <name>SampleArchiveAlgorithm</name>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="54"/>
        <source>Build sample Landsat archive</source>
        <translation>Construire l'archive Landsat d'exemple</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="72"/>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="72"/>
        <source>Full (400×400 px, 1986–2024)</source>
        <translation>Complète (400×400 px, 1986–2024)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="72"/>
        <source>Small (quick tests)</source>
        <translation>Réduite (tests rapides)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="94"/>
        <source>Archive folder</source>
        <translation>Dossier de l'archive</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="111"/>
        <source>STAC ItemCollection (JSON)</source>
        <translation>ItemCollection STAC (JSON)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="112"/>
        <source>STAC catalog (geoparquet)</source>
        <translation>Catalogue STAC (geoparquet)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="113"/>
        <source>Stand polygons</source>
        <translation>Polygones des peuplements</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="146"/>
        <source>True disturbance year</source>
        <translation>Année réelle de perturbation</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="144"/>
        <source>Sample stands</source>
        <translation>Peuplements d'exemple</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="153"/>
        <source>Sample archive ({0}) in {1}</source>
        <translation>Archive d'exemple ({0}) dans {1}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="135"/>
        <source>Sample archive</source>
        <translation>Archive d'exemple</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="125"/>
        <source>OUTPUT_FOLDER: {0} is a URL; give a folder on this computer.</source>
        <translation>OUTPUT_FOLDER : {0} est une URL ; donnez un dossier de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="57"/>
        <source>Writes Timestack's sample archive: Landsat 5/7/8/9 Collection 2 Level-2 scenes as Cloud-Optimized GeoTIFFs over a synthetic landscape with known clear-cuts, a fire, clouds and shadows, a STAC catalog (ItemCollection JSON and stac-geoparquet) and the ground truth (disturbance year and magnitude, cloud masks, stand polygons). 'full' is about 400×400 pixels over 1986–2024; 'small' is a quick subset for trials. An archive already built in the folder is reused (rebuilt if this version of Timestack draws it differently); a folder holding other files is refused, never emptied. Companions, each in a sub-folder beside the Landsat archive with its own STAC catalog, over the small landscape's area whatever the variant: Sentinel-1 RTC (two tracks in 2021, speckle, a flood and a clear-cut), ASTER L1T (three subsystems) and HyP3 RTC and InSAR products in ASF's layout.</source>
        <translation>Écrit l'archive d'exemple de Timestack : des scènes Landsat 5/7/8/9 Collection 2 niveau 2 en GeoTIFF optimisés pour le cloud sur un paysage synthétique avec des coupes rases connues, un incendie, des nuages et des ombres, un catalogue STAC (ItemCollection JSON et stac-geoparquet) et la vérité terrain (année et ampleur des perturbations, masques de nuages, polygones de peuplements). « full » fait environ 400×400 pixels sur 1986–2024 ; « small » est un sous-ensemble rapide pour les essais. Une archive déjà construite dans le dossier est réutilisée (reconstruite si cette version de Timestack la dessine autrement) ; un dossier contenant d'autres fichiers est refusé, jamais vidé. Compagnons, chacun dans un sous-dossier à côté de l'archive Landsat avec son propre catalogue STAC, sur l'emprise du petit paysage quelle que soit la variante : Sentinel-1 RTC (deux traces en 2021, chatoiement, une inondation et une coupe rase), ASTER L1T (trois sous-systèmes) et des produits HyP3 RTC et InSAR selon l'organisation d'ASF.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="80"/>
        <source>Also write</source>
        <translation>Écrire aussi</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="80"/>
        <source>Sentinel-1 RTC (two tracks, 2021)</source>
        <translation>Sentinel-1 RTC (deux traces, 2021)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="80"/>
        <source>ASTER L1T</source>
        <translation>ASTER L1T</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="80"/>
        <source>HyP3 RTC and InSAR products</source>
        <translation>Produits HyP3 RTC et InSAR</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="97"/>
        <source>Full: about 400×400 pixels of 30 m over 1986–2024, the archive the tutorials use; Small: a subset of a few years that builds in seconds, for trials and tests.</source>
        <translation>Complète : environ 400×400 pixels de 30 m sur 1986–2024, l'archive des tutoriels ; Réduite : un extrait de quelques années construit en quelques secondes, pour les essais et les tests.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="97"/>
        <source>Other sensors written beside the Landsat archive, each in a sub-folder with its own STAC catalog over the small landscape&apos;s area; none: the Landsat archive only.</source>
        <translation>Autres capteurs écrits à côté de l'archive Landsat, chacun dans un sous-dossier avec son propre catalogue STAC sur l'emprise du petit paysage ; aucun : l'archive Landsat seule.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="97"/>
        <source>An empty folder, or one holding an archive this tool wrote (reused, or rebuilt when this version draws it differently); a folder holding other files is refused, never emptied.</source>
        <translation>Un dossier vide, ou un dossier contenant une archive écrite par cet outil (réutilisée, ou reconstruite si cette version la dessine autrement) ; un dossier contenant d'autres fichiers est refusé, jamais vidé.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="117"/>
        <source>Sentinel-1 RTC items (JSON)</source>
        <translation>Items Sentinel-1 RTC (JSON)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="118"/>
        <source>ASTER L1T items (JSON)</source>
        <translation>Items ASTER L1T (JSON)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="119"/>
        <source>HyP3 product items (JSON)</source>
        <translation>Items des produits HyP3 (JSON)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sample_archive.py" line="155"/>
        <source>Sample companion {0}: {1}</source>
        <translation>Compagnon de l'échantillon {0} : {1}</translation>
    </message>
</context>
<context>
    <name>SamplePanel</name>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="36"/>
        <source>Full (400×400 px, 1986–2024)</source>
        <translation>Complète (400×400 px, 1986–2024)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="37"/>
        <source>Small (quick tests)</source>
        <translation>Réduite (tests rapides)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="57"/>
        <source>Build sample archive</source>
        <translation>Construire l'archive d'exemple</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="59"/>
        <source>Timestack ships a synthetic Landsat archive with known clear-cuts, a fire, clouds and shadows. Build it to try search, compositing and LandTrendr without a network.</source>
        <translation>Timestack fournit une archive Landsat synthétique avec des coupes rases connues, un incendie, des nuages et des ombres. Construisez-la pour essayer la recherche, la composition et LandTrendr sans réseau.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="68"/>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="69"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="87"/>
        <source>Sample data</source>
        <translation>Données d'exemple</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="97"/>
        <source>Building…</source>
        <translation>Construction…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="38"/>
        <source>Full: the whole landscape over 39 years; small: 64×64 px over 2000–2014, built in seconds</source>
        <translation>Complète : tout le paysage sur 39 ans ; réduite : 64×64 px sur 2000–2014, construite en quelques secondes</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="44"/>
        <source>Where the archive is written (reused when it is already there)</source>
        <translation>Où l'archive est écrite (réutilisée si elle s'y trouve déjà)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="101"/>
        <source>Sample archive ready: {0}. Search is set to its area and years.</source>
        <translation>Archive d'exemple prête : {0}. La recherche est réglée sur sa zone et ses années.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="108"/>
        <source>Building the sample archive</source>
        <translation>La construction de l'archive d'exemple</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="49"/>
        <source>Sentinel-1 RTC (two tracks, 2021)</source>
        <translation>Sentinel-1 RTC (deux traces, 2021)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="50"/>
        <source>ASTER L1T</source>
        <translation>ASTER L1T</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="51"/>
        <source>HyP3 RTC and InSAR products</source>
        <translation>Produits HyP3 RTC et InSAR</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="54"/>
        <source>Written in a folder of its own beside the Landsat archive, with its STAC catalog</source>
        <translation>Écrit dans son propre dossier à côté de l'archive Landsat, avec son catalogue STAC</translation>
    </message>
    <message>
        <location filename="../timestack/gui/sample_panel.py" line="73"/>
        <source>Also write</source>
        <translation>Écrire aussi</translation>
    </message>
</context>
<context>
    <name>SarStackAlgorithm</name>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="60"/>
        <source>Sentinel-1 stacks per track</source>
        <translation>Piles Sentinel-1 par trace</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="63"/>
        <source>Stacks the Sentinel-1 scenes of a STAC ItemCollection (the JSON written by 'Search scenes', e.g. from Planetary Computer's sentinel-1-rtc) track by track: one GeoTIFF per relative orbit and orbit direction in OUTPUT_FOLDER, named like ASCENDING_044.tif, with one band per date and polarisation (YYYY-MM-DD_VV, YYYY-MM-DD_VH and, with RATIO, YYYY-MM-DD_VVVH = VV/VH in linear power). Values are gamma0 in linear power as published, or in dB (10·log10) with DB. The frames of one pass are merged; no-data and layover/shadow pixels (when the product carries a mask) are nodata. The Quegan &amp; Yu multi-temporal speckle filter averages the speckle over the dates of a track while keeping each date's local mean; it needs two dates or more per track. All tracks share one grid (without TARGET_CRS: the UTM zone most scenes lie in), so their timescans (Timescan, with SAR_DB for dB stacks) can be mosaicked across tracks.</source>
        <translation>Empile trace par trace les scènes Sentinel-1 d'une ItemCollection STAC (le JSON écrit par « Rechercher des scènes », p. ex. depuis sentinel-1-rtc de Planetary Computer) : un GeoTIFF par orbite relative et direction d'orbite dans OUTPUT_FOLDER, nommé comme ASCENDING_044.tif, avec une bande par date et polarisation (YYYY-MM-DD_VV, YYYY-MM-DD_VH et, avec RATIO, YYYY-MM-DD_VVVH = VV/VH en puissance linéaire). Les valeurs sont le gamma0 en puissance linéaire tel que publié, ou en dB (10·log10) avec DB. Les cadres d'un même passage sont fusionnés ; les pixels sans données et de repliement/ombre (quand le produit porte un masque) sont sans données. Le filtre de chatoiement multitemporel de Quegan et Yu moyenne le chatoiement sur les dates d'une trace tout en gardant la moyenne locale de chaque date ; il demande au moins deux dates par trace. Toutes les traces partagent une grille (sans TARGET_CRS : la zone UTM où se trouvent la plupart des scènes), de sorte que leurs timescans (Timescan, avec SAR_DB pour les piles en dB) peuvent être mosaïqués entre traces.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="77"/>
        <source>Scenes (STAC ItemCollection JSON)</source>
        <translation>Scènes (ItemCollection STAC JSON)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="83"/>
        <source>Target CRS (default: the UTM zone most scenes lie in)</source>
        <translation>SCR cible (par défaut : la zone UTM où se trouvent la plupart des scènes)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="90"/>
        <source>Resolution (target CRS units)</source>
        <translation>Résolution (unités du SCR cible)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="98"/>
        <source>Polarisations (comma-separated)</source>
        <translation>Polarisations (séparées par des virgules)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="103"/>
        <source>Add the co/cross-polarisation ratio (VV/VH)</source>
        <translation>Ajouter le rapport co-/contre-polarisation (VV/VH)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="108"/>
        <source>Write backscatter in dB</source>
        <translation>Écrire la rétrodiffusion en dB</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="109"/>
        <source>Speckle filter</source>
        <translation>Filtre de chatoiement</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="109"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="109"/>
        <source>Multi-temporal (Quegan &amp; Yu)</source>
        <translation>Multitemporel (Quegan et Yu)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="117"/>
        <source>Speckle filter window (pixels, odd)</source>
        <translation>Fenêtre du filtre de chatoiement (pixels, impair)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="123"/>
        <source>Chunk size (pixels)</source>
        <translation>Taille des blocs (pixels)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="136"/>
        <source>Folder of track stacks</source>
        <translation>Dossier des piles par trace</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="139"/>
        <source>Track stacks</source>
        <translation>Piles par trace</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="140"/>
        <source>Run log (JSON)</source>
        <translation>Journal d'exécution (JSON)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="141"/>
        <source>CRS of the stacks</source>
        <translation>SCR des piles</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="142"/>
        <source>Tracks (comma-separated)</source>
        <translation>Traces (séparées par des virgules)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="143"/>
        <source>Scenes skipped</source>
        <translation>Scènes ignorées</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="189"/>
        <source>ITEMS is empty: give the STAC ItemCollection JSON written by &apos;Search scenes&apos;.</source>
        <translation>ITEMS est vide : indiquez l'ItemCollection STAC JSON écrite par « Rechercher des scènes ».</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="195"/>
        <source>TARGET_CRS: &apos;{0}&apos; is not a coordinate reference system QGIS knows; give an EPSG code such as EPSG:32633, or leave it empty to use the scenes&apos; predominant UTM zone.</source>
        <translation>TARGET_CRS : « {0} » n'est pas un système de coordonnées de référence connu de QGIS ; indiquez un code EPSG comme EPSG:32633, ou laissez vide pour utiliser la zone UTM prédominante des scènes.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="220"/>
        <source>Sentinel-1 stacks</source>
        <translation>Piles Sentinel-1</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="223"/>
        <source>Skipped scene {0}: {1}</source>
        <translation>Scène ignorée {0} : {1}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="229"/>
        <source>{0}: {1} dates, {2} scenes</source>
        <translation>{0} : {1} dates, {2} scènes</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="144"/>
        <source>The Sentinel-1 scenes as the ItemCollection JSON written by &apos;Search scenes&apos; (e.g. Planetary Computer&apos;s sentinel-1-rtc).</source>
        <translation>Les scènes Sentinel-1 sous forme de JSON ItemCollection écrit par « Rechercher des scènes » (par ex. sentinel-1-rtc de Planetary Computer).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="144"/>
        <source>Coordinate reference system of the grid every track shares; empty: the UTM zone most scenes lie in.</source>
        <translation>Système de coordonnées de référence de la grille que partagent toutes les traces ; vide : la zone UTM où se trouvent la plupart des scènes.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="144"/>
        <source>Pixel size of the output grid, in the target CRS&apos;s units (metres for a UTM zone).</source>
        <translation>Taille de pixel de la grille de sortie, dans les unités du SCR cible (mètres pour une zone UTM).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="144"/>
        <source>Polarisations to stack, separated by commas (VV, VH); one band per date and polarisation.</source>
        <translation>Polarisations à empiler, séparées par des virgules (VV, VH) ; une bande par date et polarisation.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="144"/>
        <source>Add a VV/VH band per date (co/cross-polarisation ratio of the linear powers).</source>
        <translation>Ajouter une bande VV/VH par date (rapport co-/cross-polarisation des puissances linéaires).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="144"/>
        <source>Write backscatter in decibels (10·log10 of gamma0); unticked: linear power as published.</source>
        <translation>Écrire la rétrodiffusion en décibels (10·log10 de gamma0) ; décoché : puissance linéaire telle que publiée.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="144"/>
        <source>Multi-temporal (Quegan &amp; Yu) averages the speckle over a track&apos;s dates while keeping each date&apos;s local mean; needs two dates or more per track.</source>
        <translation>Le filtre multitemporel (Quegan &amp; Yu) moyenne le chatoiement sur les dates d'une trace en gardant la moyenne locale de chaque date ; il faut au moins deux dates par trace.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="144"/>
        <source>Side of the speckle filter's square window, in pixels (odd: 3, 5, 7…).</source>
        <translation>Côté de la fenêtre carrée du filtre de chatoiement, en pixels (impair : 3, 5, 7…).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="144"/>
        <source>Side of the square windows read and written at once, in pixels; smaller uses less memory.</source>
        <translation>Côté des fenêtres carrées lues et écrites à la fois, en pixels ; plus petit utilise moins de mémoire.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/sarstack.py" line="144"/>
        <source>Where the stacks are written: one GeoTIFF per relative orbit and orbit direction (ASCENDING_044.tif).</source>
        <translation>Où les stacks sont écrits : un GeoTIFF par orbite relative et sens d'orbite (ASCENDING_044.tif).</translation>
    </message>
</context>
<context>
    <name>SceneStackAlgorithm</name>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="68"/>
        <source>Per-date stack of masked scenes</source>
        <translation>Pile par date de scènes masquées</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="71"/>
        <source>Stacks every scene of a STAC ItemCollection (the JSON written by &apos;Search scenes&apos;) on one grid, masked as composites are (QA_PIXEL/QA_RADSAT, SCL or Fmask) and with the same bands and indices: one band per acquisition date and variable, named YYYY-MM-DD_name. Scenes of the same day are merged: each pixel comes from the first scene of the day (in acquisition time) where it is clear. Masked pixels are nodata. Without TARGET_CRS the grid is in the UTM zone most scenes lie in. The stack is the input of Timescan, Resample and the cube export; a JSON run log lists the scenes used per date and the scenes skipped, with the reason.</source>
        <translation>Empile toutes les scènes d'une ItemCollection STAC (le JSON écrit par « Rechercher des scènes ») sur une même grille, masquées comme les composites (QA_PIXEL/QA_RADSAT, SCL ou Fmask) et avec les mêmes bandes et indices : une bande par date d'acquisition et par variable, nommée AAAA-MM-JJ_nom. Les scènes d'un même jour sont fusionnées : chaque pixel provient de la première scène du jour (dans l'ordre des heures d'acquisition) où il est dégagé. Les pixels masqués sont sans donnée. Sans TARGET_CRS, la grille est dans la zone UTM où se trouvent la plupart des scènes. La pile est l'entrée de Timescan, du rééchantillonnage temporel et de l'export en cube ; un journal d'exécution JSON liste les scènes utilisées par date et les scènes écartées, avec la raison.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="84"/>
        <source>Target CRS (default: the UTM zone most scenes lie in)</source>
        <translation>SCR cible (par défaut : la zone UTM où se trouvent la plupart des scènes)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="87"/>
        <source>Mask</source>
        <translation>Masque</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="116"/>
        <source>Per-date stack</source>
        <translation>Pile par date</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="93"/>
        <source>Run log (JSON)</source>
        <translation>Journal d'exécution (JSON)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="94"/>
        <source>CRS of the stack</source>
        <translation>SCR de la pile</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="95"/>
        <source>Dates (comma-separated)</source>
        <translation>Dates (séparées par des virgules)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="96"/>
        <source>Scenes used</source>
        <translation>Scènes utilisées</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="97"/>
        <source>Scenes skipped</source>
        <translation>Scènes écartées</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="119"/>
        <source>Per-date stack failed: {0}</source>
        <translation>La pile par date a échoué : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="122"/>
        <source>Skipped scene {0}: {1}</source>
        <translation>Scène {0} écartée : {1}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="126"/>
        <source>Incomplete result: {0}</source>
        <translation>Résultat incomplet : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="127"/>
        <source>Grid CRS: {0}</source>
        <translation>SCR de la grille : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="128"/>
        <source>Scenes {0} to {1}</source>
        <translation>Scènes du {0} au {1}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="108"/>
        <source>the scenes&apos; predominant UTM zone</source>
        <translation>la zone UTM prédominante des scènes</translation>
    </message>
    <message>
        <location filename="../timestack/processing/scenestack.py" line="99"/>
        <source>The per-date stack (GeoTIFF): one band per scene date and variable, named YYYY-MM-DD_variable.</source>
        <translation>Le stack par date (GeoTIFF) : une bande par date de scène et variable, nommée AAAA-MM-JJ_variable.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="104"/>
        <source>Sample archive (local)</source>
        <translation>Archive d'exemple (locale)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="107"/>
        <source>A preset, a STAC API URL or a catalog file (JSON, stac-geoparquet)</source>
        <translation>Un préréglage, une URL d'API STAC ou un fichier de catalogue (JSON, stac-geoparquet)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="111"/>
        <source>Choose a local catalog file</source>
        <translation>Choisir un fichier de catalogue local</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="117"/>
        <source>Collection ids, comma-separated; empty searches all</source>
        <translation>Identifiants de collections, séparés par des virgules ; vide : toutes</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="120"/>
        <source>Read the collections the catalog offers</source>
        <translation>Lire les collections proposées par le catalogue</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="140"/>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="157"/>
        <source>Optional: search the polygons of this layer instead of the extent</source>
        <translation>Facultatif : rechercher dans les polygones de cette couche au lieu de l'emprise</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="178"/>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="252"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="186"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="186"/>
        <source>Cloud %</source>
        <translation>Nuages %</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="186"/>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="186"/>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="186"/>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="195"/>
        <source>Add selected scene to map (natural colour)</source>
        <translation>Ajouter la scène sélectionnée à la carte (couleurs naturelles)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="204"/>
        <source>Catalog</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="208"/>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="211"/>
        <source>AOI layer</source>
        <translation>Couche AOI</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="216"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="221"/>
        <source>Day of year</source>
        <translation>Jour de l'année</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="223"/>
        <source>Max. scenes</source>
        <translation>Scènes max.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="307"/>
        <source>Choose a catalog</source>
        <translation>Choisir un catalogue</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="307"/>
        <source>STAC catalogs (*.json *.geojson *.parquet *.geoparquet);;All files (*)</source>
        <translation>Catalogues STAC (*.json *.geojson *.parquet *.geoparquet);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="382"/>
        <source>{0} collections</source>
        <translation>{0} collections</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="423"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="434"/>
        <source>{0} scenes; footprints added to the map.</source>
        <translation>{0} scènes ; empreintes ajoutées à la carte.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="484"/>
        <source>Select a scene in the table first.</source>
        <translation>Sélectionnez d'abord une scène dans le tableau.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="511"/>
        <source>GDAL could not open the bands of {0}.</source>
        <translation>GDAL n'a pas pu ouvrir les bandes de {0}.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="546"/>
        <source>The chosen Earthdata login is not in the authentication database.</source>
        <translation>La connexion Earthdata choisie n'est pas dans la base de données d'authentification.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="368"/>
        <source>Reading the catalog's collections…</source>
        <translation>Lecture des collections du catalogue…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="369"/>
        <source>Timestack: collections of the catalog</source>
        <translation>Timestack : collections du catalogue</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="516"/>
        <source>{0} added to the map.</source>
        <translation>{0} ajouté à la carte.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="519"/>
        <source>Opening {0}…</source>
        <translation>Ouverture de {0}…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="520"/>
        <source>Timestack: preview of {0}</source>
        <translation>Timestack : aperçu de {0}</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="142"/>
        <source>The area to search: the map&apos;s extent, a layer&apos;s or one you draw</source>
        <translation>La zone à rechercher : l'emprise de la carte, celle d'une couche ou une emprise que vous dessinez</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="170"/>
        <source>First day of the year kept; a start after the end wraps over the new year (335 to 60)</source>
        <translation>Premier jour de l'année conservé ; un début après la fin passe le nouvel an (335 à 60)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="222"/>
        <source>Max. cloud (%)</source>
        <translation>Nuages max. (%)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="343"/>
        <source>This catalog needs the {0} package, missing here: &lt;a href=&quot;install&quot;&gt;install it&lt;/a&gt;</source>
        <translation>Ce catalogue nécessite le paquet {0}, absent ici : &lt;a href=&quot;install&quot;&gt;l'installer&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="417"/>
        <source>Choose the area first: the map&apos;s extent, a layer&apos;s extent, a drawn box or an AOI layer.</source>
        <translation>Choisissez d'abord la zone : l'emprise de la carte, l'emprise d'une couche, un rectangle dessiné ou une couche AOI.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="448"/>
        <source>No scenes match, so no footprints were added: widen the dates, the cloud limit or the area.</source>
        <translation>Aucune scène ne correspond, aucune empreinte n'a donc été ajoutée : élargissez les dates, la limite de nuages ou la zone.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="429"/>
        <source>The search</source>
        <translation>La recherche</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="124"/>
        <source>The catalog&apos;s login from QGIS&apos;s authentication database. Earthdata or a STAC API: a Basic configuration with username and password, or an empty username and a token as password; a STAC API also takes a header name ending in &apos;:&apos; as username and its value as password, or OAuth2. Earth Engine: a service account&apos;s key JSON as password.</source>
        <translation>Authentification du catalogue, tirée de la base d'authentification de QGIS. Earthdata ou une API STAC : une configuration Basic avec nom d'utilisateur et mot de passe, ou un nom d'utilisateur vide et un jeton comme mot de passe ; une API STAC accepte aussi un nom d'en-tête terminé par « : » comme nom d'utilisateur et sa valeur comme mot de passe, ou OAuth2. Earth Engine : la clé JSON d'un compte de service comme mot de passe.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="200"/>
        <source>Saved connection</source>
        <translation>Connexion enregistrée</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="209"/>
        <source>Login</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="260"/>
        <source>Radar (Sentinel-1)</source>
        <translation>Radar (Sentinel-1)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="266"/>
        <source>all tracks, or e.g. 44, 117</source>
        <translation>toutes les traces, ou p. ex. 44, 117</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="269"/>
        <source>any, or e.g. VV, VH</source>
        <translation>toutes, ou p. ex. VV, VH</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="277"/>
        <source>Orbit direction</source>
        <translation>Direction de l'orbite</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="278"/>
        <source>Relative orbits</source>
        <translation>Orbites relatives</translation>
    </message>
    <message>
        <location filename="../timestack/gui/search_panel.py" line="279"/>
        <source>Polarisations</source>
        <translation>Polarisations</translation>
    </message>
</context>
<context>
    <name>SearchScenesAlgorithm</name>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="72"/>
        <source>Search scenes</source>
        <translation>Rechercher des scènes</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="88"/>
        <source>Catalog (URL, file or preset)</source>
        <translation>Catalogue (URL, fichier ou préréglage)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="91"/>
        <source>Collections (comma-separated)</source>
        <translation>Collections (séparées par des virgules)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="97"/>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="97"/>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="102"/>
        <source>Maximum cloud cover (%)</source>
        <translation>Couverture nuageuse maximale (%)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="112"/>
        <source>Scene ids to exclude (comma-separated)</source>
        <translation>Identifiants des scènes à exclure (séparés par des virgules)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="120"/>
        <source>Maximum number of scenes (0 = no limit)</source>
        <translation>Nombre maximal de scènes (0 = sans limite)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="130"/>
        <source>Platforms (comma-separated, e.g. landsat-8)</source>
        <translation>Plateformes (séparées par des virgules, p. ex. landsat-8)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="136"/>
        <source>Server timeout (seconds)</source>
        <translation>Délai d'attente du serveur (secondes)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="318"/>
        <source>Scene footprints</source>
        <translation>Empreintes des scènes</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="176"/>
        <source>Scenes (STAC ItemCollection JSON)</source>
        <translation>Scènes (JSON ItemCollection STAC)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="176"/>
        <source>STAC ItemCollection (*.json)</source>
        <translation>ItemCollection STAC (*.json)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="184"/>
        <source>Number of scenes</source>
        <translation>Nombre de scènes</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="251"/>
        <source>Give the area to search as EXTENT or as an AOI polygon layer.</source>
        <translation>Indiquez la zone à rechercher par EXTENT ou par une couche de polygones AOI.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="259"/>
        <source>{0} must be a date (YYYY-MM-DD).</source>
        <translation>{0} doit être une date (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="324"/>
        <source>No scenes match: widen the dates, the day-of-year window, the cloud limit or the area.</source>
        <translation>Aucune scène ne correspond : élargissez les dates, la fenêtre de jours de l'année, la limite de nuages ou la zone.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="331"/>
        <source>{0} scenes found in {1}</source>
        <translation>{0} scènes trouvées dans {1}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="314"/>
        <source>OUTPUT_ITEMS: cannot write {0}: {1}</source>
        <translation>OUTPUT_ITEMS : impossible d'écrire {0} : {1}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="278"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="76"/>
        <source>Finds satellite scenes over an area and a period. CATALOG is a STAC API URL, a local catalog file (STAC ItemCollection JSON, stac-geoparquet or a static catalog&apos;s catalog.json) or one of: {0}. Give the area as EXTENT or as an AOI polygon layer (any CRS). A day-of-year window whose start is after its end wraps over the new year (e.g. 335 to 60 for winters). Outputs the scene footprints and the scenes as a STAC ItemCollection JSON for compositing. Radar scenes (Sentinel-1) can be filtered by orbit direction, relative orbit and polarisations (advanced parameters); the cloud limit keeps them, having no cloud cover. No match gives an empty layer and a message, not an error.</source>
        <translation>Trouve les scènes satellitaires sur une zone et une période. CATALOG est une URL d'API STAC, un fichier de catalogue local (JSON ItemCollection STAC, stac-geoparquet ou le catalog.json d'un catalogue statique) ou l'un de : {0}. Indiquez la zone par EXTENT ou par une couche de polygones AOI (dans n'importe quel SCR). Une fenêtre de jours de l'année dont le début est après la fin passe le nouvel an (p. ex. 335 à 60 pour les hivers). Produit les empreintes des scènes et les scènes en JSON ItemCollection STAC pour la composition. Les scènes radar (Sentinel-1) peuvent être filtrées par direction d'orbite, orbite relative et polarisations (paramètres avancés) ; la limite de nuages les conserve, puisqu'elles n'ont pas de couverture nuageuse. Sans correspondance, le résultat est une couche vide et un message, pas une erreur.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="143"/>
        <source>Radar: orbit direction</source>
        <translation>Radar : direction de l'orbite</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="143"/>
        <source>Any</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="143"/>
        <source>Ascending</source>
        <translation>Ascendante</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="143"/>
        <source>Descending</source>
        <translation>Descendante</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="150"/>
        <source>Radar: relative orbits (comma-separated, e.g. 44,117)</source>
        <translation>Radar : orbites relatives (séparées par des virgules, p. ex. 44,117)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="156"/>
        <source>Radar: polarisations every scene must carry (e.g. VV,VH)</source>
        <translation>Radar : polarisations que chaque scène doit avoir (p. ex. VV,VH)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="165"/>
        <source>Login: Earthdata, or the STAC API&apos;s (authentication configuration: username and password, an empty username and a token, a header name ending in &apos;:&apos; and its value, or OAuth2)</source>
        <translation>Authentification : Earthdata, ou celle de l'API STAC (configuration d'authentification : nom d'utilisateur et mot de passe, nom d'utilisateur vide et jeton, nom d'en-tête terminé par « : » et sa valeur, ou OAuth2)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>Where to search: a STAC API URL, a local STAC catalog or ItemCollection file, or a preset (planetary-computer, earth-search, earthdata, earthengine).</source>
        <translation>Où chercher : l'URL d'une API STAC, un catalogue STAC local ou un fichier ItemCollection, ou un préréglage (planetary-computer, earth-search, earthdata, earthengine).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>Collection ids to search, separated by commas (landsat-c2-l2, sentinel-2-l2a…); empty: every collection of the catalog.</source>
        <translation>Identifiants des collections à chercher, séparés par des virgules (landsat-c2-l2, sentinel-2-l2a…) ; vide : chaque collection du catalogue.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>First acquisition day searched (YYYY-MM-DD, UTC), included; DOY_START and DOY_END narrow each year to a season.</source>
        <translation>Premier jour d'acquisition cherché (AAAA-MM-JJ, UTC), inclus ; DOY_START et DOY_END restreignent chaque année à une saison.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>Last acquisition day searched (YYYY-MM-DD, UTC), included: scenes taken that whole day are found.</source>
        <translation>Dernier jour d'acquisition cherché (AAAA-MM-JJ, UTC), inclus : les scènes prises pendant toute cette journée sont trouvées.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>Keep scenes whose cloud cover is at most this, in percent (0–100) of the scene; 100 keeps all.</source>
        <translation>Garder les scènes dont la couverture nuageuse est au plus celle-ci, en pourcentage (0–100) de la scène ; 100 garde tout.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>Scene ids to leave out, separated by commas (a scene with a stripe or a bad mask).</source>
        <translation>Identifiants des scènes à écarter, séparés par des virgules (une scène avec une bande manquante ou un mauvais masque).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>Stop after this many scenes (a count), in the order the catalog returns them; 0: every scene found.</source>
        <translation>S'arrêter après ce nombre de scènes (un compte), dans l'ordre où le catalogue les renvoie ; 0 : chaque scène trouvée.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>Keep scenes of these platforms only, separated by commas (landsat-8, sentinel-2a…), as named in the items' platform property; empty: every platform.</source>
        <translation>Garder seulement les scènes de ces plateformes, séparées par des virgules (landsat-8, sentinel-2a…), telles que nommées dans la propriété platform des items ; vide : chaque plateforme.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>How long to wait for each answer of the catalog, in seconds, before the search fails.</source>
        <translation>Combien de temps attendre chaque réponse du catalogue, en secondes, avant que la recherche échoue.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>Radar scenes (Sentinel-1): keep those taken on ascending or descending passes only (sat:orbit_state); Any keeps both.</source>
        <translation>Scènes radar (Sentinel-1) : garder seulement celles prises en passes ascendantes ou descendantes (sat:orbit_state) ; Toutes garde les deux.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>Radar scenes: keep those of these relative orbit numbers (tracks), separated by commas (44, 117), so every date is seen from the same geometry; empty: every track.</source>
        <translation>Scènes radar : garder celles de ces numéros d'orbite relative (traces), séparés par des virgules (44, 117), pour que chaque date soit vue sous la même géométrie ; vide : chaque trace.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>Radar scenes: keep those that carry every one of these polarisations, separated by commas (VV, VH); empty: any.</source>
        <translation>Scènes radar : garder celles qui portent chacune de ces polarisations, séparées par des virgules (VV, VH) ; vide : n'importe laquelle.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>A QGIS authentication configuration with the login of the STAC API, or your Earthdata Login (earthdata), or an Earth Engine service account&apos;s key JSON (earthengine); kept in the QGIS authentication database, never in logs; empty: anonymous.</source>
        <translation>Une configuration d'authentification QGIS avec la connexion de l'API STAC, ou votre Earthdata Login (earthdata), ou la clé JSON d'un compte de service Earth Engine (earthengine) ; conservée dans la base d'authentification de QGIS, jamais dans les journaux ; vide : anonyme.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>The footprints of the scenes found: a polygon per scene, with its id and properties as attributes.</source>
        <translation>Les emprises des scènes trouvées : un polygone par scène, avec son identifiant et ses propriétés en attributs.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/search_scenes.py" line="185"/>
        <source>The scenes found as a STAC ItemCollection JSON: the input (ITEMS) of composites, per-date stacks and polygon statistics.</source>
        <translation>Les scènes trouvées sous forme de JSON STAC ItemCollection : l'entrée (ITEMS) des composites, des stacks par date et des statistiques par polygone.</translation>
    </message>
</context>
<context>
    <name>SeriesPlot</name>
    <message>
        <location filename="../timestack/gui/series_plot.py" line="96"/>
        <source>Polygon {0}</source>
        <translation>Polygone {0}</translation>
    </message>
    <message>
        <location filename="../timestack/gui/series_plot.py" line="83"/>
        <source>Compute statistics, then press Pick polygon on map and click a polygon:
its series over time shows here.</source>
        <translation>Calculez les statistiques, puis appuyez sur Choisir un polygone sur la carte et cliquez sur un polygone :
sa série temporelle s'affiche ici.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/series_plot.py" line="105"/>
        <source>mean</source>
        <translation>moyenne</translation>
    </message>
    <message>
        <location filename="../timestack/gui/series_plot.py" line="106"/>
        <source>median</source>
        <translation>médiane</translation>
    </message>
    <message>
        <location filename="../timestack/gui/series_plot.py" line="107"/>
        <source>standard deviation</source>
        <translation>écart type</translation>
    </message>
    <message>
        <location filename="../timestack/gui/series_plot.py" line="108"/>
        <source>minimum</source>
        <translation>minimum</translation>
    </message>
    <message>
        <location filename="../timestack/gui/series_plot.py" line="109"/>
        <source>maximum</source>
        <translation>maximum</translation>
    </message>
    <message>
        <location filename="../timestack/gui/series_plot.py" line="110"/>
        <source>pixel count</source>
        <translation>nombre de pixels</translation>
    </message>
    <message>
        <location filename="../timestack/gui/series_plot.py" line="111"/>
        <source>valid fraction</source>
        <translation>fraction valide</translation>
    </message>
    <message>
        <location filename="../timestack/gui/series_plot.py" line="114"/>
        <source>percentile {0}</source>
        <translation>centile {0}</translation>
    </message>
</context>
<context>
    <name>ShippedModel</name>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>LandTrendr, then change map</source>
        <translation>LandTrendr, puis carte des changements</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Index or band to segment, e.g. nbr.</source>
        <translation>Indice ou bande à segmenter, p. ex. nbr.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Minimum absolute magnitude of a loss, in the index&apos;s units.</source>
        <translation>Magnitude absolue minimale d'une perte, dans les unités de l'indice.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>LandTrendr maxSegments.</source>
        <translation>maxSegments de LandTrendr.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Annual stack with band descriptions YYYY_name (timestack:composite output).</source>
        <translation>Pile annuelle dont les descriptions de bandes sont de la forme YYYY_nom (sortie de timestack:composite).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Index or band to segment</source>
        <translation>Indice ou bande à segmenter</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Minimum loss magnitude</source>
        <translation>Magnitude minimale de perte</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Maximum segments</source>
        <translation>Nombre maximal de segments</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Annual stack (bands YYYY_name)</source>
        <translation>Pile annuelle (bandes YYYY_nom)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Scenes to polygon statistics</source>
        <translation>Des scènes aux statistiques par polygone</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Catalog: STAC API URL, catalog file or preset</source>
        <translation>Catalogue : URL d'API STAC, fichier de catalogue ou préréglage</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Collections (comma-separated)</source>
        <translation>Collections (séparées par des virgules)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Last year</source>
        <translation>Dernière année</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Area</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Polygon id field</source>
        <translation>Champ identifiant des polygones</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Index to segment and summarise, e.g. NBR</source>
        <translation>Indice à segmenter et à résumer, p. ex. NBR</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Minimum loss magnitude (index × 10000)</source>
        <translation>Magnitude minimale de perte (indice × 10000)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Polygons</source>
        <translation>Polygones</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>First year</source>
        <translation>Première année</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>Fits LandTrendr to an annual stack and maps the greatest disturbance per pixel (year of detection, magnitude, duration, pre-change value, rate, DSNR).</source>
        <translation>Ajuste LandTrendr à une pile annuelle et cartographie la plus forte perturbation par pixel (année de détection, magnitude, durée, valeur avant changement, vitesse, DSNR).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="22"/>
        <source>The whole Timestack chain: searches CATALOG for scenes over EXTENT, builds annual composites with INDEX, fits LandTrendr to INDEX, maps the greatest loss of at least MAG, and extracts per-polygon statistics of the composites over time.</source>
        <translation>Toute la chaîne Timestack : recherche dans CATALOG les scènes couvrant EXTENT, construit des composites annuels avec INDEX, ajuste LandTrendr sur INDEX, cartographie la plus forte perte d'au moins MAG et extrait les statistiques par polygone des composites dans le temps.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/models.py" line="80"/>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
</context>
<context>
    <name>StackFiles</name>
    <message>
        <location filename="../timestack/processing/stack_files.py" line="29"/>
        <source>{0}: {1} does not exist; check the path or choose the stack again.</source>
        <translation>{0} : {1} n'existe pas ; vérifiez le chemin ou choisissez de nouveau la pile.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/stack_files.py" line="33"/>
        <source>{0}: {1} is a folder; choose the stack file in it.</source>
        <translation>{0} : {1} est un dossier ; choisissez le fichier de la pile qu'il contient.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/stack_files.py" line="35"/>
        <source>{0}: {1} is empty (0 bytes); choose a complete stack.</source>
        <translation>{0} : {1} est vide (0 octet) ; choisissez une pile complète.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/stack_files.py" line="37"/>
        <source>{0}: {1} is not a raster GDAL can read (truncated or another kind of file); choose a GeoTIFF stack.</source>
        <translation>{0} : {1} n'est pas un raster lisible par GDAL (tronqué ou d'un autre type) ; choisissez une pile GeoTIFF.</translation>
    </message>
</context>
<context>
    <name>TimeSeriesPanel</name>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="145"/>
        <source>A stack whose band descriptions carry dates (YYYY_name, YYYY-MM-DD_name): composites, LandTrendr fits, per-date stacks</source>
        <translation>Une pile dont les descriptions de bandes portent des dates (YYYY_nom, YYYY-MM-DD_nom) : composites, ajustements LandTrendr, piles par date</translation>
    </message>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="153"/>
        <source>Choose a stack file that is not a layer of the project</source>
        <translation>Choisir un fichier de pile qui n'est pas une couche du projet</translation>
    </message>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="157"/>
        <source>What to make of the stack</source>
        <translation>Ce qu'il faut faire de la pile</translation>
    </message>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="168"/>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="175"/>
        <source>Summarise, resample or export any time stack: per-pixel statistics over time (timescan), monthly, seasonal and annual series, NetCDF/Zarr cubes, animations.</source>
        <translation>Résumer, rééchantillonner ou exporter toute pile temporelle : statistiques par pixel dans le temps (timescan), séries mensuelles, saisonnières et annuelles, cubes NetCDF/Zarr, animations.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="187"/>
        <source>Stack</source>
        <translation>Pile</translation>
    </message>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="188"/>
        <source>Operation</source>
        <translation>Opération</translation>
    </message>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="202"/>
        <source>Time series</source>
        <translation>Séries temporelles</translation>
    </message>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="212"/>
        <source>Time stack</source>
        <translation>Pile temporelle</translation>
    </message>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="212"/>
        <source>GeoTIFF stacks (*.tif *.tiff *.vrt)</source>
        <translation>Piles GeoTIFF (*.tif *.tiff *.vrt)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="236"/>
        <source>Pick a stack first: a layer of the project or a file (…).</source>
        <translation>Choisissez d'abord une pile : une couche du projet ou un fichier (…).</translation>
    </message>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="239"/>
        <source>Running {0}…</source>
        <translation>{0} en cours…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="245"/>
        <source>Written: {0}</source>
        <translation>Écrit : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/gui/timeseries_panel.py" line="248"/>
        <source>The run</source>
        <translation>Le traitement</translation>
    </message>
</context>
<context>
    <name>TimescanAlgorithm</name>
    <message>
        <location filename="../timestack/processing/timescan.py" line="40"/>
        <source>Timescan (temporal metrics)</source>
        <translation>Timescan (métriques temporelles)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/timescan.py" line="58"/>
        <source>Time stack (dated band descriptions)</source>
        <translation>Pile temporelle (descriptions de bandes datées)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/timescan.py" line="61"/>
        <source>Metrics (comma-separated)</source>
        <translation>Métriques (séparées par des virgules)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/timescan.py" line="66"/>
        <source>Variables (comma-separated; empty = all)</source>
        <translation>Variables (séparées par des virgules ; vide = toutes)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/timescan.py" line="71"/>
        <source>SAR backscatter in dB (statistics on power)</source>
        <translation>Rétrodiffusion SAR en dB (statistiques sur la puissance)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/timescan.py" line="76"/>
        <source>Remove outliers</source>
        <translation>Supprimer les valeurs aberrantes</translation>
    </message>
    <message>
        <location filename="../timestack/processing/timescan.py" line="152"/>
        <source>Timescan</source>
        <translation>Timescan</translation>
    </message>
    <message>
        <location filename="../timestack/processing/timescan.py" line="132"/>
        <source>Resumed: {0} tiles were already finished.</source>
        <translation>Reprise : {0} tuiles étaient déjà terminées.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/timescan.py" line="43"/>
        <source>Summarises a time stack per pixel: any stack whose band descriptions carry dates (YYYY_name, YYYY-MM-DD_name or YYYYMMDD_name: composites, LandTrendr fits, per-date stacks). METRICS: {0}; pXX for any percentile (linear interpolation); 'percentiles' for p5 and p95; 'harmonics' for {1} of an annual sine/cosine regression on the real dates (needs 5 observations). Missing values are left out. SAR_DB: the stack is dB backscatter; statistics are computed on linear power and avg, min, max, median and percentiles are reported in dB (std and cov stay linear). OUTLIERS drops, in pixels with at least 5 observations, values outside mean ± 2 std of the p5–p95 values. OUTPUT has one band per variable and metric, named variable_metric. TILE_SIZE, or TILES (a grid layer: one tile per cell on the stack, named by TILES_ID_FIELD), with TILES_FOLDER runs tile by tile, resumable after a crash or a cancel; the result is then TILES_FOLDER/timescan.vrt.</source>
        <translation>Résume une pile temporelle par pixel : toute pile dont les descriptions de bandes portent des dates (YYYY_nom, YYYY-MM-DD_nom ou YYYYMMDD_nom : composites, ajustements LandTrendr, piles par date). METRICS : {0} ; pXX pour n'importe quel centile (interpolation linéaire) ; « percentiles » pour p5 et p95 ; « harmonics » pour {1} d'une régression sinus/cosinus annuelle sur les dates réelles (il faut 5 observations). Les valeurs manquantes sont ignorées. SAR_DB : la pile est une rétrodiffusion en dB ; les statistiques sont calculées en puissance linéaire et avg, min, max, la médiane et les centiles sont donnés en dB (std et cov restent linéaires). OUTLIERS écarte, dans les pixels ayant au moins 5 observations, les valeurs hors de la moyenne ± 2 écarts-types des valeurs entre p5 et p95. OUTPUT a une bande par variable et par métrique, nommée variable_métrique. TILE_SIZE, ou TILES (une couche de grille : une tuile par cellule sur la pile, nommée par TILES_ID_FIELD), avec TILES_FOLDER traite tuile par tuile, avec reprise possible après un plantage ou une annulation ; le résultat est alors TILES_FOLDER/timescan.vrt.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/timescan.py" line="81"/>
        <source>Per-pixel statistics over time, one band per variable and metric: avg, min, max, median, std, cov, count, percentiles as pXX (p5, p95), harmonics (amplitude, phase, trend, residuals, model_mean).</source>
        <translation>Statistiques par pixel dans le temps, une bande par variable et par métrique : avg, min, max, median, std, cov, count, centiles sous la forme pXX (p5, p95), harmoniques (amplitude, phase, trend, residuals, model_mean).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/timescan.py" line="81"/>
        <source>The variables of the stack to summarise (nbr, vv); empty: all.</source>
        <translation>Les variables de la pile à résumer (nbr, vv) ; vide : toutes.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/timescan.py" line="81"/>
        <source>The stack holds backscatter in dB: statistics are taken on linear power and avg, min, max, median and percentiles reported in dB.</source>
        <translation>La pile contient une rétrodiffusion en dB : les statistiques sont calculées en puissance linéaire et avg, min, max, median et les centiles sont rendus en dB.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/timescan.py" line="81"/>
        <source>Before any metric, drops values outside the mean ± 2 standard deviations of the p5-p95 values (pixels with 5 or more observations).</source>
        <translation>Avant toute métrique, écarte les valeurs hors de la moyenne ± 2 écarts-types des valeurs entre p5 et p95 (pixels ayant 5 observations ou plus).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/timescan.py" line="97"/>
        <source>The timescan (GeoTIFF): per variable, one band per statistic over the dates.</source>
        <translation>Le timescan (GeoTIFF) : par variable, une bande par statistique sur les dates.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/timescan.py" line="97"/>
        <source>The time stack to summarise: bands whose descriptions are dated (YYYY-MM-DD_variable or YYYY_variable). Bands with GDAL scale and offset tags are summarised on their physical values (stored × scale + offset), and OUTPUT is in those units.</source>
        <translation>Le stack temporel à résumer : des bandes aux descriptions datées (AAAA-MM-JJ_variable ou AAAA_variable). Les bandes portant des facteurs d'échelle et de décalage GDAL sont résumées sur leurs valeurs physiques (valeur stockée × échelle + décalage), et OUTPUT est dans ces unités.</translation>
    </message>
</context>
<context>
    <name>TimescanStyler</name>
    <message>
        <location filename="../timestack/processing/styles.py" line="453"/>
        <source>{0} {1:.3g}</source>
        <translation>{0} {1:.3g}</translation>
    </message>
</context>
<context>
    <name>TimestackAlgorithm</name>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="255"/>
        <source>AUTHCFG: there is no authentication configuration '{0}' in QGIS's authentication database (Settings ▸ Options ▸ Authentication).</source>
        <translation>AUTHCFG : il n'y a pas de configuration d'authentification « {0} » dans la base de données d'authentification de QGIS (Préférences ▸ Options ▸ Authentification).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="169"/>
        <source>{0} windows in {1:.1f} s: computing {2:.1f} s, waiting on reads {3:.1f} s and writes {4:.1f} s (I/O wait {5:.0%})</source>
        <translation>{0} fenêtres en {1:.1f} s : calcul {2:.1f} s, attente des lectures {3:.1f} s et des écritures {4:.1f} s (attente E/S {5:.0%})</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="309"/>
        <source>{0} is the file {1} also reads ({2}); writing it would destroy the input. Choose another file name for {0}.</source>
        <translation>{0} est le fichier que {1} lit aussi ({2}) ; l'écrire détruirait l'entrée. Choisissez un autre nom de fichier pour {0}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="454"/>
        <source>{0} takes one choice, got {1}.</source>
        <translation>{0} n'accepte qu'un seul choix, reçu {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="460"/>
        <source>{0}: {1} is not one of the choices ({2}).</source>
        <translation>{0} : {1} ne fait pas partie des choix ({2}).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="463"/>
        <source>{0} must be one number, got {1}.</source>
        <translation>{0} doit être un seul nombre, reçu {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="467"/>
        <source>{0} must be a number, got &apos;{1}&apos;.</source>
        <translation>{0} doit être un nombre, reçu « {1} ».</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="469"/>
        <source>{0} must be a finite number, got {1}.</source>
        <translation>{0} doit être un nombre fini, reçu {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="471"/>
        <source>{0} must be a whole number, got {1}.</source>
        <translation>{0} doit être un nombre entier, reçu {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="476"/>
        <source>between {0:g} and {1:g}</source>
        <translation>entre {0:g} et {1:g}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="478"/>
        <source>at least {0:g}</source>
        <translation>au moins {0:g}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="480"/>
        <source>at most {0:g}</source>
        <translation>au plus {0:g}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="481"/>
        <source>{0} must be {1}, got {2:g}.</source>
        <translation>{0} doit être {1}, reçu {2:g}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="538"/>
        <source>{0} cancelled; nothing was written.</source>
        <translation>{0} : traitement annulé ; rien n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="580"/>
        <source>choose a folder you can write to, with free space</source>
        <translation>choisissez un dossier où vous pouvez écrire, avec de l'espace libre</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="582"/>
        <source>check that the file exists, is complete and readable</source>
        <translation>vérifiez que le fichier existe, qu'il est complet et lisible</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="584"/>
        <source>a file</source>
        <translation>un fichier</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="585"/>
        <source>{0}cannot use {1}: {2}; {3}.</source>
        <translation>{0}impossible d'utiliser {1} : {2} ; {3}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="617"/>
        <source>INPUT: the stack must be a raster file readable by GDAL.</source>
        <translation>INPUT : la pile doit être un fichier raster lisible par GDAL.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/landtrendr.py" line="99"/>
        <source>Change detection</source>
        <translation>Détection des changements</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="87"/>
        <source>Time series</source>
        <translation>Séries temporelles</translation>
    </message>
    <message>
        <location filename="../timestack/processing/earthengine_tasks.py" line="61"/>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="383"/>
        <source>{0} and {1} are the same file ({2}); one would overwrite the other. Choose another file name for {0}.</source>
        <translation>{0} et {1} sont le même fichier ({2}) ; l'un écraserait l'autre. Choisissez un autre nom de fichier pour {0}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="367"/>
        <source>{0}: {1} is a folder; give a file name (such as {2}).</source>
        <translation>{0} : {1} est un dossier ; donnez un nom de fichier (comme {2}).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="416"/>
        <source>{0} is empty; it needs a value: {1}.</source>
        <translation>{0} est vide ; il lui faut une valeur : {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="423"/>
        <source>{0} is true or false, got &apos;{1}&apos;.</source>
        <translation>{0} vaut vrai ou faux, reçu « {1} ».</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="687"/>
        <source>Terminated: cancelling.</source>
        <translation>Arrêté : annulation.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="374"/>
        <source>{0}: {1} is a file, not a folder, so nothing can be written below it; choose a file in a folder.</source>
        <translation>{0} : {1} est un fichier, pas un dossier, donc rien ne peut être écrit en dessous ; choisissez un fichier dans un dossier.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="379"/>
        <source>{0}: cannot write in {1}; choose a folder you can write to.</source>
        <translation>{0} : impossible d'écrire dans {1} ; choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="435"/>
        <source>{0}: &apos;{1}&apos; is not a date; give it as YYYY-MM-DD (2021-06-30).</source>
        <translation>{0} : « {1} » n'est pas une date ; donnez-la sous la forme AAAA-MM-JJ (2021-06-30).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="522"/>
        <source>{0}: {1} is not a .{2} file; give a .{2} file ({3}).</source>
        <translation>{0} : {1} n'est pas un fichier .{2} ; donnez un fichier .{2} ({3}).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="655"/>
        <source>{0} stopped on an unexpected error ({1}: {2}). This is a bug in Timestack; please report it with the details from the Log Messages panel (Timestack tab).</source>
        <translation>{0} s'est arrêté sur une erreur inattendue ({1} : {2}). C'est un bogue de Timestack ; merci de le signaler avec les détails du panneau Journal des messages (onglet Timestack).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="512"/>
        <source>{0}: &apos;.{1}&apos; is not a vector or table format; name the file .gpkg (or one of: {2}).</source>
        <translation>{0} : « .{1} » n'est pas un format de couche vecteur ou de table ; nommez le fichier .gpkg (ou l'un de : {2}).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="243"/>
        <source>AUTHCFG: the authentication configuration &apos;{0}&apos; gave no login ({1}).</source>
        <translation>AUTHCFG : la configuration d'authentification « {0} » n'a fourni aucun identifiant ({1}).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="496"/>
        <source>{0}: Timestack writes GeoTIFF rasters, not &apos;.{1}&apos;; name the file .tif.</source>
        <translation>{0} : Timestack écrit des rasters GeoTIFF, pas des '.{1}' ; nommez le fichier en .tif.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="492"/>
        <source>{0}: &apos;.{1}&apos; is not a raster format; Timestack writes GeoTIFF rasters: name the file .tif.</source>
        <translation>{0} : '.{1}' n'est pas un format raster ; Timestack écrit des rasters GeoTIFF : nommez le fichier en .tif.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/algorithm.py" line="578"/>
        <source>move or rename that folder, or choose another output</source>
        <translation>déplacez ou renommez ce dossier, ou choisissez une autre sortie</translation>
    </message>
</context>
<context>
    <name>TimestackCore</name>
    <message>
        <location filename="../timestack/core/changemap/maps.py" line="72"/>
        <source>change must be &apos;loss&apos; or &apos;gain&apos;, got {0!r}</source>
        <translation>change doit valoir 'loss' ou 'gain', reçu {0!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/changemap/maps.py" line="78"/>
        <source>sort must be one of {0}, got {1!r}</source>
        <translation>sort doit être l'un de {0}, reçu {1!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/changemap/maps.py" line="86"/>
        <source>year_range must be (first, last) with first &lt;= last, got {0!r}</source>
        <translation>year_range doit être (première, dernière) avec première &lt;= dernière, reçu {0!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/changemap/maps.py" line="94"/>
        <source>min_magnitude must be &gt;= 0, got {0!r}</source>
        <translation>min_magnitude doit être &gt;= 0, reçu {0!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/changemap/maps.py" line="100"/>
        <source>min_dsnr must be &gt;= 0, got {0!r}</source>
        <translation>min_dsnr doit être &gt;= 0, reçu {0!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/changemap/maps.py" line="106"/>
        <source>mmu must be an integer &gt;= 1 pixel, got {0!r}</source>
        <translation>mmu doit être un entier &gt;= 1 pixel, reçu {0!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/changemap/maps.py" line="116"/>
        <source>min_{0} ({1}) must not exceed max_{2} ({3})</source>
        <translation>min_{0} ({1}) ne doit pas dépasser max_{2} ({3})</translation>
    </message>
    <message>
        <location filename="../timestack/core/changemap/maps.py" line="438"/>
        <source>change_path or events_path: give at least one output</source>
        <translation>change_path ou events_path : indiquez au moins une sortie</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="596"/>
        <source>chunk_size must be &gt;= 1, got {0!r}</source>
        <translation>chunk_size doit être &gt;= 1, reçu {0!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/changemap/maps.py" line="499"/>
        <source>disturbance_direction: not recorded in segments_path; give +1 or -1</source>
        <translation>disturbance_direction : absent de segments_path ; indiquez +1 ou -1</translation>
    </message>
    <message>
        <location filename="../timestack/core/changemap/maps.py" line="509"/>
        <source>years: not recorded in segments_path; give the fitted years</source>
        <translation>years : absent de segments_path ; indiquez les années ajustées</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="121"/>
        <source>STATS: choose at least one statistic</source>
        <translation>STATS : choisissez au moins une statistique</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="176"/>
        <source>POLYGONS: cannot open {0} as a vector layer</source>
        <translation>POLYGONS : impossible d'ouvrir {0} comme couche vecteur</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="182"/>
        <source>POLYGONS: {0} has no layer {1!r}</source>
        <translation>POLYGONS : {0} n'a pas de couche {1!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="200"/>
        <source>ID_FIELD: the polygon layer has no field {0!r}; choose one of {1}</source>
        <translation>ID_FIELD : la couche de polygones n'a pas de champ {0!r} ; choisissez l'un de {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="241"/>
        <source>ID_FIELD: {0!r} is empty for {1}; fill it in</source>
        <translation>ID_FIELD : {0!r} est vide pour {1} ; renseignez-le</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="265"/>
        <source>POLYGONS: the layer has no features</source>
        <translation>POLYGONS : la couche n'a aucune entité</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="364"/>
        <source>POLYGONS: polygon {0} cannot be transformed to the raster CRS</source>
        <translation>POLYGONS : le polygone {0} ne peut pas être transformé dans le SCR du raster</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="599"/>
        <source>INPUT: cannot open {0} as a raster</source>
        <translation>INPUT : impossible d'ouvrir {0} comme raster</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="615"/>
        <source>INPUT: {0} has no coordinate reference system; assign one before</source>
        <translation>INPUT : {0} n'a pas de système de coordonnées de référence ; attribuez-lui en un d'abord</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="627"/>
        <source>BANDS: {0} has none of {1}; it holds {2}</source>
        <translation>BANDS : {0} ne contient aucune de {1} ; il contient {2}</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="681"/>
        <source>INPUT: give at least one time stack</source>
        <translation>INPUT : indiquez au moins une pile temporelle</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="882"/>
        <source>STATS: the wide table needs {0!r}, which was not computed</source>
        <translation>STATS : la table large nécessite {0!r}, qui n'a pas été calculé</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/job.py" line="65"/>
        <source>COMPILE: job field &apos;compile&apos; is {0!r}; use one of {1}</source>
        <translation>COMPILE : le champ 'compile' de la tâche vaut {0!r} ; utilisez l'un de {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/job.py" line="70"/>
        <source>COMPILE: set &apos;compiled_output&apos; to the CSV the compiled table goes to</source>
        <translation>COMPILE : indiquez dans 'compiled_output' le CSV où va la table compilée</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/job.py" line="76"/>
        <source>STATS: a recurring job needs &apos;count&apos; to keep the best scene of a day</source>
        <translation>STATS : une tâche récurrente nécessite 'count' pour garder la meilleure scène d'une journée</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/job.py" line="169"/>
        <source>JOB: cannot read {0}: {1}</source>
        <translation>JOB : impossible de lire {0} : {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/job.py" line="173"/>
        <source>JOB: {0} has version {1!r}; this Timestack reads {2}</source>
        <translation>JOB : {0} est en version {1!r} ; ce Timestack lit la version {2}</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/job.py" line="180"/>
        <source>JOB: {0} is not a Timestack polygon-statistics job: {1}</source>
        <translation>JOB : {0} n'est pas une tâche de statistiques par polygone Timestack : {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/job.py" line="277"/>
        <source>ITEMS: scene {0} (day {1}) has no acquisition time</source>
        <translation>ITEMS : la scène {0} (jour {1}) n'a pas d'heure d'acquisition</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/job.py" line="322"/>
        <source>schedule {0!r} is not five cron fields (minute hour day month weekday)</source>
        <translation>la planification {0!r} n'est pas formée de cinq champs cron (minute heure jour mois jour-de-semaine)</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/scenes.py" line="86"/>
        <source>BANDS: {0!r} is neither a band ({1}) nor an index ({2})</source>
        <translation>BANDS : {0!r} n'est ni une bande ({1}) ni un indice ({2})</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/scenes.py" line="91"/>
        <source>BANDS: name at least one band or index to measure in each scene</source>
        <translation>BANDS : nommez au moins une bande ou un indice à mesurer dans chaque scène</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/scenes.py" line="113"/>
        <source>ITEMS: scene {0} has no asset for band {1}; its assets: {2}</source>
        <translation>ITEMS : la scène {0} n'a pas d'asset pour la bande {1} ; ses assets : {2}</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/scenes.py" line="144"/>
        <source>ITEMS: scene {0} has no qa_pixel or SCL asset to mask clouds with</source>
        <translation>ITEMS : la scène {0} n'a pas d'asset qa_pixel ou SCL pour masquer les nuages</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/scenes.py" line="266"/>
        <source>ITEMS: the search result holds no scenes over the polygons</source>
        <translation>ITEMS : le résultat de la recherche ne contient aucune scène sur les polygones</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/scenes.py" line="447"/>
        <source>ITEMS: {0}</source>
        <translation>ITEMS : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/scenes.py" line="493"/>
        <source>ITEMS: scene {0} has no acquisition time</source>
        <translation>ITEMS : la scène {0} n'a pas d'heure d'acquisition</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/compile.py" line="60"/>
        <source>COMPILE: unknown period {0!r}; use one of {1}</source>
        <translation>COMPILE : période inconnue {0!r} ; utilisez l'une de {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/compile.py" line="91"/>
        <source>MIN_VALID_FRACTION: {0} is not between 0 and 1</source>
        <translation>MIN_VALID_FRACTION : {0} n'est pas compris entre 0 et 1</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/compile.py" line="98"/>
        <source>MIN_VALID_FRACTION: needs the valid_fraction statistic; add it to STATS</source>
        <translation>MIN_VALID_FRACTION : nécessite la statistique valid_fraction ; ajoutez-la à STATS</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/compile.py" line="136"/>
        <source>COMPILE: weighting dates needs the count statistic; add it to STATS</source>
        <translation>COMPILE : la pondération des dates nécessite la statistique count ; ajoutez-la à STATS</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthengine.py" line="60"/>
        <source>COLLECTIONS: name Earth Engine collections, e.g. {0}.</source>
        <translation>COLLECTIONS : nommez des collections Earth Engine, p. ex. {0}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthengine.py" line="67"/>
        <source>COLLECTIONS: {0} not supported for Earth Engine; use {1}.</source>
        <translation>COLLECTIONS : {0} non pris en charge pour Earth Engine ; utilisez {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthengine.py" line="157"/>
        <source>CATALOG earthengine: the request failed: {0}</source>
        <translation>CATALOG earthengine : la requête a échoué : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthengine.py" line="165"/>
        <source>CATALOG earthengine: unexpected answer {0!r}.</source>
        <translation>CATALOG earthengine : réponse inattendue {0!r}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="59"/>
        <source>{0} must be a date written as YYYY-MM-DD, got {1!r}.</source>
        <translation>{0} doit être une date écrite AAAA-MM-JJ, reçu {1!r}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="80"/>
        <source>AOI is empty: give a polygon, a layer extent or a rectangle.</source>
        <translation>AOI est vide : indiquez un polygone, l'emprise d'une couche ou un rectangle.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="94"/>
        <source>AOI is not a readable polygon: {0}</source>
        <translation>AOI n'est pas un polygone lisible : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="98"/>
        <source>AOI is empty (no area): draw or choose a polygon with an area.</source>
        <translation>AOI est vide (aucune surface) : dessinez ou choisissez un polygone ayant une surface.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="105"/>
        <source>AOI must be a polygon, got a {0}.</source>
        <translation>AOI doit être un polygone, reçu un {0}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="113"/>
        <source>AOI CRS {0!r} is not a known coordinate reference system.</source>
        <translation>Le SCR {0!r} de l'AOI n'est pas un système de coordonnées de référence connu.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="254"/>
        <source>{0} must be a whole day of year from 1 to 366, got {1!r}.</source>
        <translation>{0} doit être un jour de l'année entier de 1 à 366, reçu {1!r}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="262"/>
        <source>MAX_CLOUD is a percentage from 0 to 100, got {0!r}.</source>
        <translation>MAX_CLOUD est un pourcentage de 0 à 100, reçu {0!r}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="268"/>
        <source>MAX_ITEMS must be a positive whole number, got {0!r}.</source>
        <translation>MAX_ITEMS doit être un nombre entier positif, reçu {0!r}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="274"/>
        <source>sort must be one of {0}, got {1!r}.</source>
        <translation>sort doit être l'un de {0}, reçu {1!r}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/__init__.py" line="53"/>
        <source>CATALOG {0!r} is neither a STAC API URL nor a catalog file.</source>
        <translation>CATALOG {0!r} n'est ni une URL d'API STAC ni un fichier de catalogue.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="59"/>
        <source>COLLECTIONS: {0} not in catalog {1}; it holds {2}.</source>
        <translation>COLLECTIONS : {0} absent du catalogue {1} ; il contient {2}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="90"/>
        <source>CATALOG {0}: feature {1} (id {2}) is not a valid STAC Item: {3!r}.</source>
        <translation>CATALOG {0} : l'entité {1} (identifiant {2}) n'est pas un Item STAC valide : {3!r}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="105"/>
        <source>CATALOG {0} is not readable JSON: {1}</source>
        <translation>CATALOG {0} n'est pas un JSON lisible : {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="111"/>
        <source>CATALOG {0} is JSON but not a STAC object.</source>
        <translation>CATALOG {0} est du JSON mais pas un objet STAC.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="120"/>
        <source>CATALOG {0}: &apos;features&apos; must be a list of STAC Items.</source>
        <translation>CATALOG {0} : 'features' doit être une liste d'Items STAC.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="133"/>
        <source>CATALOG {0}: the static catalog cannot be read: {1!r}</source>
        <translation>CATALOG {0} : le catalogue statique ne peut pas être lu : {1!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="257"/>
        <source>CATALOG {0} is not a readable Parquet file: {1}</source>
        <translation>CATALOG {0} n'est pas un fichier Parquet lisible : {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="264"/>
        <source>CATALOG {0} is Parquet but not stac-geoparquet (no {1} column).</source>
        <translation>CATALOG {0} est du Parquet mais pas du stac-geoparquet (pas de colonne {1}).</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="296"/>
        <source>CATALOG {0}: row {1} is not a valid STAC Item: {2!r}</source>
        <translation>CATALOG {0} : la ligne {1} n'est pas un Item STAC valide : {2!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/stac_api.py" line="47"/>
        <source>CATALOG {0} cannot be reached (is the server up and the URL right?).</source>
        <translation>CATALOG {0} est injoignable (le serveur est-il en service et l'URL correcte ?).</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/stac_api.py" line="68"/>
        <source>CATALOG {0} answered with HTTP error {1}: {2}</source>
        <translation>CATALOG {0} a répondu par l'erreur HTTP {1} : {2}</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/stac_api.py" line="240"/>
        <source>CATALOG {0} did not return valid STAC: {1!r}</source>
        <translation>CATALOG {0} n'a pas renvoyé de STAC valide : {1!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/stac_api.py" line="224"/>
        <source>COLLECTIONS: {0} not offered by {1}; it offers {2}.</source>
        <translation>COLLECTIONS : {0} n'est pas proposé par {1} ; il propose {2}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/stac_api.py" line="298"/>
        <source>CATALOG {0!r} is not an http(s) STAC API URL.</source>
        <translation>CATALOG {0!r} n'est pas une URL http(s) d'API STAC.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthdata.py" line="56"/>
        <source>AUTHCFG: the configuration has no password or token.</source>
        <translation>AUTHCFG : la configuration n'a ni mot de passe ni jeton.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthdata.py" line="76"/>
        <source>AUTHCFG: Earthdata Login did not answer within {0:g} s.</source>
        <translation>AUTHCFG : Earthdata Login n'a pas répondu en {0:g} s.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthdata.py" line="256"/>
        <source>CATALOG earthdata: granule {0} has no acquisition time.</source>
        <translation>CATALOG earthdata : le granule {0} n'a pas d'heure d'acquisition.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthdata.py" line="338"/>
        <source>CATALOG earthdata: NASA CMR cannot be reached or failed: {0}</source>
        <translation>CATALOG earthdata : NASA CMR est injoignable ou a échoué : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/landtrendr.py" line="340"/>
        <source>export_tasks: give either drive_folder or asset_root</source>
        <translation>export_tasks : indiquez soit drive_folder soit asset_root</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/landtrendr.py" line="345"/>
        <source>export_tasks: give either scale or crs_transform</source>
        <translation>export_tasks : indiquez soit scale soit crs_transform</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/landtrendr.py" line="350"/>
        <source>scale must be &gt; 0 metres, got {0!r}</source>
        <translation>scale doit être &gt; 0 mètre, reçu {0!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/metrics.py" line="99"/>
        <source>METRICS: name at least one metric</source>
        <translation>METRICS : nommez au moins une métrique</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/metrics.py" line="170"/>
        <source>INPUT: {0} dates for a stack of {1} layers</source>
        <translation>INPUT : {0} dates pour une pile de {1} couches</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/raster.py" line="61"/>
        <source>INPUT: {0} has two bands dated {1}</source>
        <translation>INPUT : {0} a deux bandes datées du {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/raster.py" line="194"/>
        <source>VARIABLES: {0} not in the stack (it holds {1})</source>
        <translation>VARIABLES : {0} absent de la pile (elle contient {1})</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/resample.py" line="80"/>
        <source>PERIOD: {0!r}; use one of {1}</source>
        <translation>PERIOD : {0!r} ; utilisez l'une de {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/resample.py" line="86"/>
        <source>DAYS: a custom period lasts at least 1 day, got {0}</source>
        <translation>DAYS : une période personnalisée dure au moins 1 jour, reçu {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/resample.py" line="156"/>
        <source>STATISTIC: {0!r}; use one of {1}</source>
        <translation>STATISTIC : {0!r} ; utilisez l'une de {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/mosaic.py" line="162"/>
        <source>GROUP_BY: {0!r}; use one of {1}</source>
        <translation>GROUP_BY : {0!r} ; utilisez l'un de {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/mosaic.py" line="169"/>
        <source>INPUT: no tiles to mosaic; choose a folder of GeoTIFF tiles</source>
        <translation>INPUT : aucune tuile à assembler ; choisissez un dossier de tuiles GeoTIFF</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/hrefs.py" line="80"/>
        <source>{0}{1} names a file on another host; only local files are read</source>
        <translation>{0}{1} désigne un fichier sur un autre hôte ; seuls les fichiers locaux sont lus</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="85"/>
        <source>maxSegments must be an integer &gt;= 1, got {0!r}</source>
        <translation>maxSegments doit être un entier &gt;= 1, reçu {0!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="93"/>
        <source>{0} must be in {1}, got {2!r}</source>
        <translation>{0} doit être dans {1}, reçu {2!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="99"/>
        <source>vertexCountOvershoot must be an integer &gt;= 0, got {0!r}</source>
        <translation>vertexCountOvershoot doit être un entier &gt;= 0, reçu {0!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="105"/>
        <source>minObservationsNeeded must be an integer &gt;= 2, got {0!r}</source>
        <translation>minObservationsNeeded doit être un entier &gt;= 2, reçu {0!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="170"/>
        <source>flavor must be one of {0}, got {1!r}</source>
        <translation>flavor doit être l'un de {0}, reçu {1!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="195"/>
        <source>{0} needs at least two years, got {1!r}</source>
        <translation>{0} nécessite au moins deux années, reçu {1!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="201"/>
        <source>{0} must all be finite, got {1!r}</source>
        <translation>{0} doivent tous être finis, reçu {1!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="207"/>
        <source>{0} must be strictly increasing, got {1!r}</source>
        <translation>{0} doit être strictement croissant, reçu {1!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="235"/>
        <source>values must be (pixels, {0} years), got shape {1}</source>
        <translation>values doit être de forme (pixels, {0} années), reçu la forme {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="311"/>
        <source>fit band {0!r} must be (pixels, years) = {1}, got {2}</source>
        <translation>la bande ajustée {0!r} doit être de forme (pixels, années) = {1}, reçu {2}</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="343"/>
        <source>index_values must be (years, rows, cols), got shape {0}</source>
        <translation>index_values doit être de forme (années, lignes, colonnes), reçu la forme {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="355"/>
        <source>fit_bands[{0!r}] must have the index&apos;s shape {1}, got {2}</source>
        <translation>fit_bands[{0!r}] doit avoir la forme de l'indice {1}, reçu {2}</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="429"/>
        <source>years has {0} entries but the stack has {1} bands</source>
        <translation>years a {0} entrées mais la pile a {1} bandes</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="607"/>
        <source>outputs: no output path given</source>
        <translation>outputs : aucun chemin de sortie indiqué</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="613"/>
        <source>outputs.ftv names {0} that are not in fit_bands {1}</source>
        <translation>outputs.ftv nomme {0} qui ne sont pas dans fit_bands {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="619"/>
        <source>stack_path: {0} does not exist</source>
        <translation>stack_path : {0} n'existe pas</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="628"/>
        <source>stack_path: {0} years of {1!r} is fewer than minObservationsNeeded={2}</source>
        <translation>stack_path : {0} années de {1!r}, c'est moins que minObservationsNeeded={2}</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="169"/>
        <source>{0} cannot be read ({1})</source>
        <translation>{0} ne peut pas être lu ({1})</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="527"/>
        <source>no scene to take the CRS from; give TARGET_CRS</source>
        <translation>aucune scène dont prendre le SCR ; indiquez TARGET_CRS</translation>
    </message>
    <message>
        <location filename="../timestack/core/changemap/maps.py" line="364"/>
        <source>segments_path: not a LandTrendr segments raster (band descriptions &apos;segment_&lt;n&gt;_&lt;field&gt;&apos; missing)</source>
        <translation>segments_path : ce n'est pas un raster de segments LandTrendr (descriptions de bandes 'segment_&lt;n&gt;_&lt;field&gt;' absentes)</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="127"/>
        <source>STATS: unknown statistic {0!r}; use {1} or a percentile such as p10 or p90</source>
        <translation>STATS : statistique inconnue {0!r} ; utilisez {1} ou un centile tel que p10 ou p90</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="208"/>
        <source>POLYGONS: the layer has no defined coordinate reference system; assign one (Layer Properties › Source › Set CRS) and save it</source>
        <translation>POLYGONS : la couche n'a pas de système de coordonnées de référence défini ; attribuez-lui en un (Propriétés de la couche › Source › Définir le SCR) et enregistrez-la</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="256"/>
        <source>POLYGONS: features {0} have no polygon geometry or one that cannot be repaired; fix or remove them (Vector › Geometry Tools › Check Validity)</source>
        <translation>POLYGONS : les entités {0} n'ont pas de géométrie polygonale ou une géométrie irréparable ; corrigez-les ou supprimez-les (Vecteur › Outils de géométrie › Vérifier la validité)</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="268"/>
        <source>ID_FIELD: {0!r} is not unique ({1} repeat); choose a field with one value per polygon</source>
        <translation>ID_FIELD : {0!r} n'est pas unique ({1} répétés) ; choisissez un champ avec une valeur par polygone</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="450"/>
        <source>INPUT: band {0} ({1!s}) carries no date; Timestack stacks name bands YYYY_variable or YYYY-MM-DD_variable (use timestack:composite output)</source>
        <translation>INPUT : la bande {0} ({1!s}) ne porte pas de date ; les piles Timestack nomment leurs bandes YYYY_variable ou YYYY-MM-DD_variable (utilisez la sortie de timestack:composite)</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="703"/>
        <source>INPUT: several stacks hold {0} on {1}; mosaic tiles into one stack (timestack:mosaic) before computing statistics</source>
        <translation>INPUT : plusieurs piles contiennent {0} au {1} ; assemblez les tuiles en une seule pile (timestack:mosaic) avant de calculer les statistiques</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/job.py" line="82"/>
        <source>STATS: &apos;min_valid_fraction&apos; filters on the valid_fraction statistic; add it to &apos;statistics&apos;</source>
        <translation>STATS : 'min_valid_fraction' filtre sur la statistique valid_fraction ; ajoutez-la à 'statistics'</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/compile.py" line="152"/>
        <source>COMPILE: the std of a period needs the mean statistic; add it to STATS</source>
        <translation>COMPILE : l'écart-type d'une période nécessite la statistique mean ; ajoutez-la à STATS</translation>
    </message>
    <message>
        <location filename="../timestack/core/runtime.py" line="128"/>
        <source>{0} needs the {1} package: install it with Raster ▸ Timestack ▸ Install Python packages…</source>
        <translation>{0} nécessite le paquet {1} : installez-le avec Raster ▸ Timestack ▸ Installer des paquets Python…</translation>
    </message>
    <message>
        <location filename="../timestack/core/runtime.py" line="133"/>
        <source>{0} needs the {1} package: install it with Raster ▸ Timestack ▸ Install Python packages…, then authenticate once with `earthengine authenticate`.</source>
        <translation>{0} nécessite le paquet {1} : installez-le avec Raster ▸ Timestack ▸ Installer des paquets Python…, puis authentifiez-vous une fois avec `earthengine authenticate`.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="122"/>
        <source>AOI lies outside longitude/latitude limits after reprojection from {0} (bounds {1}); check the AOI&apos;s CRS.</source>
        <translation>AOI sort des limites de longitude/latitude après reprojection depuis {0} (limites {1}) ; vérifiez le SCR de l'AOI.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="244"/>
        <source>END_DATE ({0}) is before START_DATE ({1}); swap them or pick a later end date.</source>
        <translation>END_DATE ({0}) est antérieure à START_DATE ({1}) ; inversez-les ou choisissez une date de fin plus tardive.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/__init__.py" line="77"/>
        <source>CATALOG is empty: give a STAC API URL, a catalog file, &apos;earthdata&apos; or &apos;earthengine&apos;.</source>
        <translation>CATALOG est vide : indiquez une URL d'API STAC, un fichier de catalogue, 'earthdata' ou 'earthengine'.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/__init__.py" line="107"/>
        <source>CATALOG {0!r} is neither a STAC API URL, a catalog file (.json, .parquet) nor one of {1}.</source>
        <translation>CATALOG {0!r} n'est ni une URL d'API STAC, ni un fichier de catalogue (.json, .parquet), ni l'un de {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="141"/>
        <source>CATALOG {0} is neither an ItemCollection, an Item nor a static STAC catalog (type {1!r}).</source>
        <translation>CATALOG {0} n'est ni une ItemCollection, ni un Item, ni un catalogue STAC statique (type {1!r}).</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/stac_api.py" line="38"/>
        <source>CATALOG {0} did not answer within {1:g} s; try again later or raise the timeout.</source>
        <translation>CATALOG {0} n'a pas répondu en {1:g} s ; réessayez plus tard ou augmentez le délai d'attente.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthdata.py" line="83"/>
        <source>AUTHCFG: Earthdata Login refused or could not be reached ({0}); check the username and password (or token) in the authentication configuration.</source>
        <translation>AUTHCFG : Earthdata Login a refusé la connexion ou est injoignable ({0}) ; vérifiez le nom d'utilisateur et le mot de passe (ou le jeton) de la configuration d'authentification.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthdata.py" line="310"/>
        <source>TIMEOUT: NASA CMR did not answer within {0:g} s; try again or raise TIMEOUT.</source>
        <translation>TIMEOUT : NASA CMR n'a pas répondu en {0:g} s ; réessayez ou augmentez TIMEOUT.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthdata.py" line="373"/>
        <source>COLLECTIONS: name at least one Earthdata collection short name, e.g. HLSL30, HLSS30 or AST_L1T.</source>
        <translation>COLLECTIONS : nommez au moins un nom court de collection Earthdata, p. ex. HLSL30, HLSS30 ou AST_L1T.</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/login.py" line="101"/>
        <source>Earth Engine could not be initialised ({0}): authenticate once with `earthengine authenticate` and give a Google Cloud project registered for Earth Engine.</source>
        <translation>Earth Engine n'a pas pu être initialisé ({0}) : authentifiez-vous une fois avec `earthengine authenticate` et indiquez un projet Google Cloud enregistré pour Earth Engine.</translation>
    </message>
    <message>
        <location filename="../timestack/core/sample_archive/build.py" line="263"/>
        <source>OUTPUT_FOLDER {0} is a file, not a folder; choose a new or empty folder for the archive.</source>
        <translation>OUTPUT_FOLDER {0} est un fichier, pas un dossier ; choisissez un dossier nouveau ou vide pour l'archive.</translation>
    </message>
    <message>
        <location filename="../timestack/core/sample_archive/build.py" line="275"/>
        <source>OUTPUT_FOLDER {0} holds files that are not a sample archive ({1}); they would be replaced. Choose a new or empty folder for the archive.</source>
        <translation>OUTPUT_FOLDER {0} contient des fichiers qui ne sont pas une archive d'exemple ({1}) ; ils seraient remplacés. Choisissez un dossier nouveau ou vide pour l'archive.</translation>
    </message>
    <message>
        <location filename="../timestack/core/indices.py" line="266"/>
        <source>disturbance_direction must be +1 or -1 (the index&apos;s change on disturbance), got {0!r}</source>
        <translation>disturbance_direction doit valoir +1 ou -1 (l'évolution de l'indice lors d'une perturbation), reçu {0!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/metrics.py" line="87"/>
        <source>METRICS: {0!r} is not a metric; use {1}, harmonics, percentiles or pXX with XX from 0 to 100</source>
        <translation>METRICS : {0!r} n'est pas une métrique ; utilisez {1}, harmonics, percentiles ou pXX avec XX de 0 à 100</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/raster.py" line="50"/>
        <source>INPUT: band {0} ({1}) carries no date; timescans need band descriptions such as 1990_nbr, 2021-06-14_vv or 20210614</source>
        <translation>INPUT : la bande {0} ({1}) ne porte pas de date ; les timescans nécessitent des descriptions de bandes telles que 1990_nbr, 2021-06-14_vv ou 20210614</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/mosaic.py" line="98"/>
        <source>GROUP_BY: band {0} ({1}) carries no date and variable; group by none for tiles without dated band descriptions</source>
        <translation>GROUP_BY : la bande {0} ({1}) ne porte ni date ni variable ; regroupez par none pour les tuiles sans descriptions de bandes datées</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/mosaic.py" line="177"/>
        <source>INPUT: {0} has other bands than {1}; tiles of one mosaic share their band count and descriptions</source>
        <translation>INPUT : {0} a d'autres bandes que {1} ; les tuiles d'une même mosaïque partagent leur nombre de bandes et leurs descriptions</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/mosaic.py" line="187"/>
        <source>INPUT: {0} is in another CRS or resolution than {1}; reproject the tiles onto one grid first (GDAL would silently leave it out)</source>
        <translation>INPUT : {0} est dans un autre SCR ou une autre résolution que {1} ; reprojetez d'abord les tuiles sur une même grille (GDAL l'ignorerait sans rien dire)</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/mosaic.py" line="243"/>
        <source>INPUT: GDAL cannot mosaic the tiles ({0}); tiles need one CRS and one resolution</source>
        <translation>INPUT : GDAL ne peut pas assembler les tuiles ({0}) ; les tuiles doivent avoir un seul SCR et une seule résolution</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/hrefs.py" line="88"/>
        <source>{0}{1} is neither a local file nor an http(s):// or s3:// URL; Timestack reads scenes only from these</source>
        <translation>{0}{1} n'est ni un fichier local ni une URL http(s):// ou s3:// ; Timestack ne lit les scènes que depuis ces sources</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/hrefs.py" line="108"/>
        <source>{0}{1} leads {2} (to {3}); a catalog may only reach its own files. If this folder is meant to be read, add it to ALLOWED_ROOTS</source>
        <translation>{0}{1} mène {2} (vers {3}) ; un catalogue ne peut atteindre que ses propres fichiers. Si ce dossier doit être lu, ajoutez-le à ALLOWED_ROOTS</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="180"/>
        <source>disturbance_direction must be +1 (index rises on disturbance) or -1 (falls), got {0!r}</source>
        <translation>disturbance_direction doit valoir +1 (l'indice augmente lors d'une perturbation) ou -1 (il diminue), reçu {0!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="421"/>
        <source>fit_bands needs band descriptions &apos;YYYY_name&apos;; years= is for 1-index stacks</source>
        <translation>fit_bands nécessite des descriptions de bandes 'YYYY_name' ; years= sert aux piles d'un seul indice</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="443"/>
        <source>stack_path: year {0} of {1!r} appears in bands {2} and {3}; years must be strictly increasing</source>
        <translation>stack_path : l'année {0} de {1!r} apparaît dans les bandes {2} et {3} ; les années doivent être strictement croissantes</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="456"/>
        <source>stack_path: no band described like &apos;YYYY_{0}&apos; (found names: {1}); set band descriptions such as &apos;1990_nbr&apos; or pass years=</source>
        <translation>stack_path : aucune bande décrite comme 'YYYY_{0}' (noms trouvés : {1}) ; définissez des descriptions de bandes telles que '1990_nbr' ou passez years=</translation>
    </message>
    <message>
        <location filename="../timestack/core/landtrendr/fit.py" line="471"/>
        <source>fit_bands: band {0!r} must have the same years as {1!r} ({2}-{3}), found {4}</source>
        <translation>fit_bands : la bande {0!r} doit avoir les mêmes années que {1!r} ({2}-{3}), trouvé {4}</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="158"/>
        <source>{0} is not a file; give the ItemCollection JSON written by &apos;Search scenes&apos;</source>
        <translation>{0} n'est pas un fichier ; indiquez le JSON ItemCollection écrit par « Rechercher des scènes »</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="173"/>
        <source>{0} is empty (no JSON in it); search again or give another ItemCollection</source>
        <translation>{0} est vide (aucun JSON) ; relancez la recherche ou indiquez une autre ItemCollection</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="184"/>
        <source>{0} is not JSON ({1}); give the ItemCollection JSON written by &apos;Search scenes&apos;</source>
        <translation>{0} n'est pas du JSON ({1}) ; indiquez le JSON ItemCollection écrit par « Rechercher des scènes »</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="210"/>
        <source>{0} holds no &apos;features&apos;; expected a STAC ItemCollection (type FeatureCollection)</source>
        <translation>{0} ne contient pas de 'features' ; une ItemCollection STAC (type FeatureCollection) est attendue</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="228"/>
        <source>{0} holds no items (an empty ItemCollection): search again with a wider area, date range or cloud limit</source>
        <translation>{0} ne contient aucun item (ItemCollection vide) : relancez la recherche avec une zone, une plage de dates ou une limite de nuages plus larges</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="238"/>
        <source>{0} is not a STAC ItemCollection: none of its {1} features has &apos;assets&apos; (the scene files); give the ItemCollection JSON written by &apos;Search scenes&apos;</source>
        <translation>{0} n'est pas une ItemCollection STAC : aucune de ses {1} entités n'a de champ 'assets' (les fichiers des scènes) ; indiquez le JSON ItemCollection écrit par « Rechercher des scènes »</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/outputs.py" line="136"/>
        <source>OUTPUT {0} would write {1} over a file the composite reads (the items or one of their scenes); choose another file name or folder for OUTPUT.</source>
        <translation>OUTPUT {0} écrirait {1} par-dessus un fichier que lit le composite (les items ou l'une de leurs scènes) ; choisissez un autre nom de fichier ou un autre dossier pour OUTPUT.</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/engine.py" line="566"/>
        <source>{0} needs the {1} package: install it with Raster ▸ Timestack ▸ Install Python packages…, or leave DASK_SCHEDULER empty</source>
        <translation>{0} nécessite le paquet {1} : installez-le avec Raster ▸ Timestack ▸ Installer des paquets Python…, ou laissez DASK_SCHEDULER vide</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/settings.py" line="229"/>
        <source>{0!r} is not a coordinate reference system PROJ knows; give an EPSG code such as EPSG:32633, or leave TARGET_CRS empty to use the scenes&apos; CRS</source>
        <translation>{0!r} n'est pas un système de coordonnées de référence connu de PROJ ; indiquez un code EPSG tel que EPSG:32633, ou laissez TARGET_CRS vide pour utiliser le SCR des scènes</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/settings.py" line="288"/>
        <source>{0:g} is in degrees in the geographic CRS {1} (a pixel ~{2:.0f} km wide); give RESOLUTION in degrees, e.g. 0.00025 for about 30 m, or choose a projected TARGET_CRS (such as the scenes&apos; UTM zone) to give it in metres</source>
        <translation>{0:g} est en degrés dans le SCR géographique {1} (un pixel d'environ {2:.0f} km de large) ; indiquez RESOLUTION en degrés, p. ex. 0.00025 pour environ 30 m, ou choisissez un TARGET_CRS projeté (comme la zone UTM des scènes) pour l'indiquer en mètres</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="463"/>
        <source>the files of all {0} scenes of {1} (days {2}) are missing ({3}); the archive may have moved: search it again, or fix the items&apos; hrefs</source>
        <translation>les fichiers des {0} scènes de {1} (jours {2}) sont tous absents ({3}) ; l'archive a peut-être été déplacée : relancez la recherche, ou corrigez les hrefs des items</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="473"/>
        <source>none of the {0} scenes of {1} (days {2}) could be reached ({3}); check the network connection and the catalog&apos;s access (AUTHCFG for NASA Earthdata), or search again: signed URLs expire</source>
        <translation>aucune des {0} scènes de {1} (jours {2}) n'a pu être atteinte ({3}) ; vérifiez la connexion réseau et l'accès au catalogue (AUTHCFG pour NASA Earthdata), ou relancez la recherche : les URL signées expirent</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="483"/>
        <source>none of the {0} scenes of {1} (days {2}) is readable ({3}); see the run&apos;s skipped scenes, repair or re-download the files</source>
        <translation>aucune des {0} scènes de {1} (jours {2}) n'est lisible ({3}) ; consultez les scènes écartées du traitement, réparez ou retéléchargez les fichiers</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="446"/>
        <source>none of the {0} items can be composited: {1}; check BANDS and INDICES against the items&apos; assets (Landsat Collection 2, Sentinel-2 L2A or HLS)</source>
        <translation>aucun des {0} items ne peut être composé : {1} ; vérifiez BANDS et INDICES par rapport aux assets des items (Landsat Collection 2, Sentinel-2 L2A ou HLS)</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="499"/>
        <source>no scene between {0} and {1}: the {2} scenes of ITEMS span {3}-{4}; choose START_YEAR and END_YEAR within them</source>
        <translation>aucune scène entre {0} et {1} : les {2} scènes de ITEMS couvrent {3}-{4} ; choisissez START_YEAR et END_YEAR dans cet intervalle</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="509"/>
        <source>none of the {0} scenes of {1} falls between days {2} (DOY_START-DOY_END); their days of year range {3}-{4}: widen the season</source>
        <translation>aucune des {0} scènes de {1} ne tombe entre les jours {2} (DOY_START-DOY_END) ; leurs jours de l'année vont de {3} à {4} : élargissez la saison</translation>
    </message>
    <message>
        <location filename="../timestack/core/changemap/maps.py" line="484"/>
        <source>Change map</source>
        <translation>Carte des changements</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthengine.py" line="153"/>
        <source>Listing Earth Engine images</source>
        <translation>Liste des images Earth Engine</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthengine.py" line="176"/>
        <source>{0} images</source>
        <translation>{0} images</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="158"/>
        <source>{0} items read from {1}</source>
        <translation>{0} items lus dans {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="279"/>
        <source>{0} candidate rows in {1}</source>
        <translation>{0} lignes candidates dans {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/stac_api.py" line="344"/>
        <source>{0} scenes</source>
        <translation>{0} scènes</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthdata.py" line="409"/>
        <source>{0} granules</source>
        <translation>{0} granules</translation>
    </message>
    <message>
        <location filename="../timestack/core/sample_archive/build.py" line="339"/>
        <source>sample archive ({0}) up to date in {1}</source>
        <translation>archive d'exemple ({0}) à jour dans {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/resample.py" line="205"/>
        <source>Resample</source>
        <translation>Rééchantillonnage</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/engine.py" line="654"/>
        <source>{0}: window {1}/{2}</source>
        <translation>{0} : fenêtre {1}/{2}</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/scenes.py" line="205"/>
        <source>Checking scenes</source>
        <translation>Vérification des scènes</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/annual.py" line="347"/>
        <source>Composite written</source>
        <translation>Composite écrit</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/mosaic.py" line="37"/>
        <source>INPUT: {0} is not a raster GDAL can read (empty, truncated or another kind of file); remove it from the folder or narrow PATTERN</source>
        <translation>INPUT : {0} n'est pas un raster lisible par GDAL (vide, tronqué ou d'un autre type) ; retirez-le du dossier ou restreignez PATTERN</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="246"/>
        <source>POLYGONS: the layer holds no polygons (its geometries: {0}); statistics need areas. Choose a polygon layer, or buffer the features first (Vector › Geoprocessing Tools › Buffer)</source>
        <translation>POLYGONS : la couche ne contient aucun polygone (ses géométries : {0}) ; les statistiques demandent des surfaces. Choisissez une couche de polygones, ou créez d'abord un tampon autour des entités (Vecteur › Outils de géotraitement › Tampon)</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/statistics.py" line="809"/>
        <source>INPUT: {0} cannot be read ({1}); the file is damaged or incomplete (a truncated copy or download?). Write or copy it again</source>
        <translation>INPUT : {0} ne peut pas être lu ({1}) ; le fichier est endommagé ou incomplet (une copie ou un téléchargement tronqué ?). Écrivez-le ou copiez-le de nouveau</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/export.py" line="371"/>
        <source>OUTPUT: {0} already exists and is not a Zarr cube; an export replaces only a cube it could have written, so choose a new name</source>
        <translation>OUTPUT : {0} existe déjà et n'est pas un cube Zarr ; un export ne remplace qu'un cube qu'il aurait pu écrire, choisissez donc un nouveau nom</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/animation.py" line="194"/>
        <source>BANDS and RGB are both set ({0}; {1}); give one variable in BANDS or three in RGB, not both</source>
        <translation>BANDS et RGB sont tous deux renseignés ({0} ; {1}) ; donnez une variable dans BANDS ou trois dans RGB, pas les deux</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/animation.py" line="203"/>
        <source>BANDS: {0} names several variables; BANDS shows one with COLORMAP, RGB shows three as red, green and blue</source>
        <translation>BANDS : {0} nomme plusieurs variables ; BANDS en montre une avec COLORMAP, RGB en montre trois en rouge, vert et bleu</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/animation.py" line="215"/>
        <source>INPUT: band {0} ({1}) carries no date; an animation shows one frame per date, so every band needs a description such as 1990_nbr, 2021-06-14_vv or 20210614</source>
        <translation>INPUT : la bande {0} ({1}) ne porte pas de date ; une animation montre une image par date, donc chaque bande a besoin d'une description comme 1990_nbr, 2021-06-14_vv ou 20210614</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/animation.py" line="228"/>
        <source>RGB: name three variables (red, green, blue), got {0}</source>
        <translation>RGB : nommez trois variables (rouge, vert, bleu), reçu {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/animation.py" line="259"/>
        <source>{0}: {1} has only one date ({2}); an animation needs two or more, one frame per date</source>
        <translation>{0} : {1} n'a qu'une date ({2}) ; une animation en demande au moins deux, une image par date</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/animation.py" line="268"/>
        <source>AOI: no polygon overlaps the stack ({0:.10g}, {1:.10g} – {2:.10g}, {3:.10g} in its CRS); choose polygons over the stack, or leave AOI empty</source>
        <translation>AOI : aucun polygone ne recouvre la pile ({0:.10g}, {1:.10g} – {2:.10g}, {3:.10g} dans son SCR) ; choisissez des polygones sur la pile, ou laissez AOI vide</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/animation.py" line="460"/>
        <source>OUTPUT: an MP4 needs the ffmpeg encoder and none was found ({0}); reinstall the imageio-ffmpeg package or install ffmpeg, or name the file .gif</source>
        <translation>OUTPUT : un MP4 demande l'encodeur ffmpeg et aucun n'a été trouvé ({0}) ; réinstallez le paquet imageio-ffmpeg ou installez ffmpeg, ou nommez le fichier .gif</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthdata.py" line="321"/>
        <source>CATALOG earthdata: NASA CMR answered with HTTP error {0}: {1}</source>
        <translation>CATALOG earthdata : NASA CMR a répondu par l'erreur HTTP {0} : {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/earthdata.py" line="330"/>
        <source>CATALOG earthdata: NASA CMR sent an incomplete or invalid answer ({0}); try again later.</source>
        <translation>CATALOG earthdata : NASA CMR a envoyé une réponse incomplète ou invalide ({0}) ; réessayez plus tard.</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/tasks.py" line="159"/>
        <source>Earth Engine did not answer for the tasks of project &apos;{0}&apos;: {1}. Check EE_PROJECT (a Google Cloud project registered for Earth Engine) and the network, then try again.</source>
        <translation>Earth Engine n'a pas répondu pour les tâches du projet « {0} » : {1}. Vérifiez EE_PROJECT (un projet Google Cloud enregistré pour Earth Engine) et le réseau, puis réessayez.</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/tasks.py" line="209"/>
        <source>Earth Engine has no task &apos;{0}&apos; in project &apos;{1}&apos;; list the tasks (ACTION list) to see their ids.</source>
        <translation>Earth Engine n'a pas de tâche « {0} » dans le projet « {1} » ; listez les tâches (ACTION list) pour voir leurs identifiants.</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/tasks.py" line="224"/>
        <source>TASK_ID is empty; give the id of a task.</source>
        <translation>TASK_ID est vide ; donnez l'identifiant d'une tâche.</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/tasks.py" line="348"/>
        <source>No Earth Engine task is running.</source>
        <translation>Aucune tâche Earth Engine n'est en cours.</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/tasks.py" line="354"/>
        <source>{0} of {1} Earth Engine tasks ended</source>
        <translation>{0} tâches Earth Engine terminées sur {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/cache.py" line="211"/>
        <source>CACHE_MAX_GB must be a positive size, got {0}</source>
        <translation>CACHE_MAX_GB doit être une taille positive, reçu {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/cache.py" line="220"/>
        <source>CACHE_FOLDER {0} cannot be used: {1}</source>
        <translation>CACHE_FOLDER {0} ne peut pas être utilisé : {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/cache.py" line="295"/>
        <source>{0}{1} could not be downloaded into CACHE_FOLDER: {2}; nothing was kept. Check the network or the catalog, or leave CACHE_FOLDER empty to stream the scenes</source>
        <translation>{0}{1} n'a pas pu être téléchargé dans CACHE_FOLDER : {2} ; rien n'a été conservé. Vérifiez le réseau ou le catalogue, ou laissez CACHE_FOLDER vide pour lire les scènes en flux</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/cache.py" line="475"/>
        <source>the scenes of this run need more than CACHE_MAX_GB ({0} GB) in CACHE_FOLDER {1}; raise CACHE_MAX_GB, or leave CACHE_FOLDER empty to stream the scenes</source>
        <translation>les scènes de ce traitement demandent plus que CACHE_MAX_GB ({0} Go) dans CACHE_FOLDER {1} ; augmentez CACHE_MAX_GB, ou laissez CACHE_FOLDER vide pour lire les scènes en flux</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/tiles.py" line="153"/>
        <source>TILES: the stack&apos;s grid is rotated, so grid cells cannot be cut from it as windows; use TILE_SIZE instead</source>
        <translation>TILES : la grille de la pile est tournée, donc les cellules ne peuvent pas y être découpées en fenêtres ; utilisez plutôt TILE_SIZE</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/tiles.py" line="178"/>
        <source>TILES: no tile overlaps the stack; choose a grid that covers it</source>
        <translation>TILES : aucune tuile ne recouvre la pile ; choisissez une grille qui la couvre</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/tiles.py" line="187"/>
        <source>TILES_ID_FIELD: {0!r} cannot name a tile folder; use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>TILES_ID_FIELD : {0!r} ne peut pas nommer un dossier de tuile ; utilisez des lettres, des chiffres, « . », « _ » et « - »</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/tiles.py" line="196"/>
        <source>TILES_ID_FIELD: tiles {0!r} and {1!r} would share one folder; give every tile its own id</source>
        <translation>TILES_ID_FIELD : les tuiles {0!r} et {1!r} partageraient un même dossier ; donnez à chaque tuile son propre identifiant</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/tiles.py" line="207"/>
        <source>TILES: tile {0} ({1}, {2}, {3} × {4} pixels) is not inside the stack's {5} × {6} pixels</source>
        <translation>TILES : la tuile {0} ({1}, {2}, {3} × {4} pixels) n'est pas à l'intérieur des {5} × {6} pixels de la pile</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/settings.py" line="162"/>
        <source>RESOLUTION must be a positive number of CRS units, got {0:g}; give the pixel size, such as 30 (metres) for a UTM zone</source>
        <translation>RESOLUTION doit être un nombre positif d'unités du SCR, reçu {0:g} ; donnez la taille du pixel, comme 30 (mètres) pour une zone UTM</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/settings.py" line="181"/>
        <source>START_YEAR ({0}) is after END_YEAR ({1}); give the first year as START_YEAR and the last as END_YEAR</source>
        <translation>START_YEAR ({0}) est après END_YEAR ({1}) ; donnez la première année dans START_YEAR et la dernière dans END_YEAR</translation>
    </message>
    <message>
        <location filename="../timestack/core/indices.py" line="247"/>
        <source>INDICES: unknown index {0!r}; expected one of {1}</source>
        <translation>INDICES : indice inconnu {0!r} ; attendu l'un de {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/settings.py" line="204"/>
        <source>BANDS and INDICES are both empty; choose at least one band or index</source>
        <translation>BANDS et INDICES sont tous deux vides ; choisissez au moins une bande ou un indice</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/settings.py" line="244"/>
        <source>{0} is not a file; give the statistics GeoTIFF an earlier run wrote (its OUTPUT_TDOM_STATISTICS), or leave TDOM_STATISTICS empty to compute them</source>
        <translation>{0} n'est pas un fichier ; donnez le GeoTIFF de statistiques écrit par un traitement précédent (sa sortie OUTPUT_TDOM_STATISTICS), ou laissez TDOM_STATISTICS vide pour les calculer</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/settings.py" line="257"/>
        <source>{0} is not a raster GDAL can read ({1}); give the statistics GeoTIFF an earlier run wrote (its OUTPUT_TDOM_STATISTICS)</source>
        <translation>{0} n'est pas un raster lisible par GDAL ({1}) ; donnez le GeoTIFF de statistiques écrit par un traitement précédent (sa sortie OUTPUT_TDOM_STATISTICS)</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/settings.py" line="267"/>
        <source>{0} has {1} band(s), not the {2} TDOM statistics ({3}); give the statistics GeoTIFF an earlier run wrote (its OUTPUT_TDOM_STATISTICS)</source>
        <translation>{0} a {1} bande(s), et non les {2} statistiques TDOM ({3}) ; donnez le GeoTIFF de statistiques écrit par un traitement précédent (sa sortie OUTPUT_TDOM_STATISTICS)</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="599"/>
        <source>{0} {1} ({2}) does not overlap any scene (the scenes cover {3}); choose an area inside the data</source>
        <translation>{0} {1} ({2}) ne recouvre aucune scène (les scènes couvrent {3}) ; choisissez une zone à l'intérieur des données</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="659"/>
        <source>Downloaded {0} of {1} scenes into the cache</source>
        <translation>{0} scènes sur {1} téléchargées dans le cache</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/outputs.py" line="173"/>
        <source>OUTPUT_FOLDER {0} is the file OUTPUT writes; choose a folder of its own for the per-year GeoTIFFs</source>
        <translation>OUTPUT_FOLDER {0} est le fichier qu'écrit OUTPUT ; choisissez un dossier à part pour les GeoTIFF annuels</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/outputs.py" line="183"/>
        <source>OUTPUT_FOLDER {0} is a file, not a folder; choose a new or existing folder for the per-year GeoTIFFs</source>
        <translation>OUTPUT_FOLDER {0} est un fichier, pas un dossier ; choisissez un dossier nouveau ou existant pour les GeoTIFF annuels</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/outputs.py" line="196"/>
        <source>{0} {1} cannot be made: {2} is a file, not a folder; choose a place inside a folder</source>
        <translation>{0} {1} ne peut pas être créé : {2} est un fichier, pas un dossier ; choisissez un emplacement dans un dossier</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/scenes.py" line="297"/>
        <source>Per-date stack written</source>
        <translation>Pile par date écrite</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/products.py" line="32"/>
        <source>{0} is not a HyP3 product: it holds no file named like an RTC_GAMMA or INSAR_GAMMA product (S1A_IW_20180128T161201_DVP_RTC30_G_gpuned_FD6A_VV.tif, S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09_unw_phase.tif); choose the product zips or folders as HyP3 delivers them.</source>
        <translation>{0} n'est pas un produit HyP3 : il ne contient aucun fichier nommé comme un produit RTC_GAMMA ou INSAR_GAMMA (S1A_IW_20180128T161201_DVP_RTC30_G_gpuned_FD6A_VV.tif, S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09_unw_phase.tif) ; choisissez les zips ou dossiers des produits tels que HyP3 les livre.</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/products.py" line="39"/>
        <source>{0} is not a readable zip file ({1}); download the HyP3 product again.</source>
        <translation>{0} n'est pas un fichier zip lisible ({1}) ; téléchargez à nouveau le produit HyP3.</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/products.py" line="43"/>
        <source>{0} holds more than one HyP3 product ({1}, {2}); give each product&apos;s zip or folder.</source>
        <translation>{0} contient plus d'un produit HyP3 ({1}, {2}) ; donnez le zip ou le dossier de chaque produit.</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/products.py" line="47"/>
        <source>{0} does not exist; choose HyP3 product zips or folders.</source>
        <translation>{0} n'existe pas ; choisissez des zips ou dossiers de produits HyP3.</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/products.py" line="51"/>
        <source>no HyP3 product in {0}: choose the folder holding the product zips or folders, or the products themselves.</source>
        <translation>aucun produit HyP3 dans {0} : choisissez le dossier contenant les zips ou dossiers des produits, ou les produits eux-mêmes.</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/stack.py" line="98"/>
        <source>INPUT: no HyP3 product given; choose product zips or folders</source>
        <translation>INPUT : aucun produit HyP3 donné ; choisissez des zips ou dossiers de produits</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/stack.py" line="105"/>
        <source>INPUT mixes product types ({0}); stack RTC_GAMMA and INSAR_GAMMA products separately</source>
        <translation>INPUT mélange des types de produits ({0}) ; empilez séparément les produits RTC_GAMMA et INSAR_GAMMA</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/stack.py" line="114"/>
        <source>LAYER: {0} is no layer of {1} products; choose one of {2}</source>
        <translation>LAYER : {0} n'est pas une couche des produits {1} ; choisissez parmi {2}</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/stack.py" line="119"/>
        <source>INPUT mixes polarisations ({0}); stack products of one polarisation</source>
        <translation>INPUT mélange des polarisations ({0}) ; empilez des produits d'une seule polarisation</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/stack.py" line="125"/>
        <source>INPUT mixes tracks (relative orbits {0}); stack the products of one track, one stack per track</source>
        <translation>INPUT mélange des traces (orbites relatives {0}) ; empilez les produits d'une seule trace, une pile par trace</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/stack.py" line="129"/>
        <source>INPUT mixes pass directions ({0}); stack ascending and descending products separately</source>
        <translation>INPUT mélange des sens de passage ({0}) ; empilez séparément les produits ascendants et descendants</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/stack.py" line="138"/>
        <source>INPUT mixes {0} ({1}); stack products processed with the same options</source>
        <translation>INPUT mélange {0} ({1}) ; empilez des produits traités avec les mêmes options</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/stack.py" line="147"/>
        <source>LAYER: product {0} has no _{1}.tif (it has {2}); choose a layer every product has, or order the products with that layer</source>
        <translation>LAYER : le produit {0} n'a pas de _{1}.tif (il a {2}) ; choisissez une couche que tous les produits ont, ou commandez les produits avec cette couche</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/stack.py" line="158"/>
        <source>DB converts RTC backscatter (VV, VH, HH, HV) only; untick it for {0} {1}</source>
        <translation>DB ne convertit que la rétrodiffusion RTC (VV, VH, HH, HV) ; décochez-le pour {0} {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/stack.py" line="167"/>
        <source>DB: the products are already in decibels; untick DB</source>
        <translation>DB : les produits sont déjà en décibels ; décochez DB</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/stack.py" line="195"/>
        <source>COVERAGE: the products have no area in common; choose the union, or products of one area</source>
        <translation>COVERAGE : les produits n'ont aucune zone commune ; choisissez l'union, ou des produits d'une même zone</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/stack.py" line="318"/>
        <source>COVERAGE: {0!r}; use one of {1}</source>
        <translation>COVERAGE : {0!r} ; utilisez l'une des valeurs {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/stack.py" line="329"/>
        <source>INPUT: the products give one pair only ({0}); a time stack needs at least two — add pairs of other dates</source>
        <translation>INPUT : les produits ne donnent qu'une paire ({0}) ; une pile temporelle en demande au moins deux — ajoutez des paires d'autres dates</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/stack.py" line="334"/>
        <source>INPUT: the products give one date only ({0}); a time stack needs at least two — add products of other dates</source>
        <translation>INPUT : les produits ne donnent qu'une date ({0}) ; une pile temporelle en demande au moins deux — ajoutez des produits d'autres dates</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/download.py" line="93"/>
        <source>JOB_TYPE: {0!r}; use one of {1}</source>
        <translation>JOB_TYPE : {0!r} ; utilisez l'une des valeurs {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/download.py" line="112"/>
        <source>API_URL: the HyP3 API at {0} could not be reached ({1}).</source>
        <translation>API_URL : l'API HyP3 à {0} est injoignable ({1}).</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/download.py" line="128"/>
        <source>AUTHCFG: the HyP3 API refused the search ({0}); check the Earthdata login (username and password, or token) in the authentication configuration.</source>
        <translation>AUTHCFG : l'API HyP3 a refusé la recherche ({0}) ; vérifiez l'identifiant Earthdata (nom d'utilisateur et mot de passe, ou jeton) dans la configuration d'authentification.</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/download.py" line="189"/>
        <source>Downloading {0}</source>
        <translation>Téléchargement de {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/download.py" line="198"/>
        <source>{0} could not be downloaded ({1}); run the download again to resume.</source>
        <translation>{0} n'a pas pu être téléchargé ({1}) ; relancez le téléchargement pour reprendre.</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/download.py" line="204"/>
        <source>{0} arrived incomplete ({1} of {2} bytes); run the download again to resume.</source>
        <translation>{0} est arrivé incomplet ({1} octets sur {2}) ; relancez le téléchargement pour reprendre.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="155"/>
        <source>ORBIT_DIRECTION must be one of {0}, got {1!r}.</source>
        <translation>ORBIT_DIRECTION doit être l'une des valeurs {0}, reçu {1!r}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="171"/>
        <source>RELATIVE_ORBIT takes whole numbers from {0} to {1} (Sentinel-1 tracks), got {2!r}.</source>
        <translation>RELATIVE_ORBIT prend des nombres entiers de {0} à {1} (traces Sentinel-1), reçu {2!r}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/query.py" line="187"/>
        <source>POLARIZATIONS takes {0}, got {1!r}.</source>
        <translation>POLARIZATIONS prend {0}, reçu {1!r}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/stac_api.py" line="55"/>
        <source>CATALOG {0} refused the request (HTTP {1}): it needs a login. Give AUTHCFG, an authentication configuration (Basic: username and password, an empty username and a token, or a header name ending in &apos;:&apos; and its value), or check the one given.</source>
        <translation>CATALOG {0} a refusé la requête (HTTP {1}) : il faut s'authentifier. Indiquez AUTHCFG, une configuration d'authentification (Basic : nom d'utilisateur et mot de passe, nom d'utilisateur vide et jeton, ou nom d'en-tête terminé par « : » et sa valeur), ou vérifiez celle indiquée.</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/sample.py" line="258"/>
        <source>OUTPUT_FOLDER: {0} holds other files; choose an empty folder for the ASTER sample.</source>
        <translation>OUTPUT_FOLDER : {0} contient d'autres fichiers ; choisissez un dossier vide pour l'échantillon ASTER.</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/calibration.py" line="146"/>
        <source>GAINS: ASTER band {0} has no {1} gain; its gains are {2}.</source>
        <translation>GAINS : la bande ASTER {0} n'a pas de gain {1} ; ses gains sont {2}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/calibration.py" line="167"/>
        <source>GAINS: &apos;{0}&apos; is not a band:gain pair such as 3N:HGH (bands 1, 2, 3N, 4-14; gains HGH, NOR, LO1, LO2).</source>
        <translation>GAINS : « {0} » n'est pas une paire bande:gain comme 3N:HGH (bandes 1, 2, 3N, 4-14 ; gains HGH, NOR, LO1, LO2).</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="73"/>
        <source>the scene has no {0} file</source>
        <translation>la scène n'a pas de fichier {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="74"/>
        <source>no sun elevation (view:sun_elevation): no reflectance or index</source>
        <translation>pas d'élévation solaire (view:sun_elevation) : ni réflectance ni indice</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="78"/>
        <source>outside the area</source>
        <translation>hors de la zone</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="143"/>
        <source>ITEMS: item {0} is an HDF-EOS granule (NASA Earthdata), which GDAL reads only from a local file: download it and give it as INPUT, or search Planetary Computer&apos;s aster-l1t.</source>
        <translation>ITEMS : l'item {0} est un granule HDF-EOS (NASA Earthdata), que GDAL ne lit que depuis un fichier local : téléchargez-le et indiquez-le dans INPUT, ou recherchez dans la collection aster-l1t de Planetary Computer.</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="160"/>
        <source>ITEMS: item {0} has no readable datetime ({1!r}).</source>
        <translation>ITEMS : l'item {0} n'a pas de date lisible ({1!r}).</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="181"/>
        <source>ITEMS: {0} of the items are not ASTER L1T scenes (no VNIR, SWIR or TIR asset), e.g. {1}; search the aster-l1t collection.</source>
        <translation>ITEMS : {0} des items ne sont pas des scènes ASTER L1T (aucun asset VNIR, SWIR ou TIR), par exemple {1} ; recherchez dans la collection aster-l1t.</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="206"/>
        <source>INPUT: {0} is not named like an ASTER L1T subsystem file (AST_L1T_003MMDDYYYYHHMMSS_…-VNIR.tif, -SWIR.tif or -TIR.tif).</source>
        <translation>INPUT : {0} n'est pas nommé comme un fichier de sous-système ASTER L1T (AST_L1T_003MMDDYYYYHHMMSS_…-VNIR.tif, -SWIR.tif ou -TIR.tif).</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="274"/>
        <source>INPUT: {0} does not exist.</source>
        <translation>INPUT : {0} n'existe pas.</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="224"/>
        <source>INPUT: {0} does not name a real acquisition date.</source>
        <translation>INPUT : {0} ne contient pas une date d'acquisition réelle.</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="237"/>
        <source>INPUT: {0} is not an ASTER L1T HDF-EOS granule GDAL can read ({1}).</source>
        <translation>INPUT : {0} n'est pas un granule HDF-EOS ASTER L1T lisible par GDAL ({1}).</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="393"/>
        <source>SUBSYSTEMS: choose among VNIR, SWIR and TIR (got {0}).</source>
        <translation>SUBSYSTEMS : choisissez parmi VNIR, SWIR et TIR (reçu : {0}).</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="400"/>
        <source>PRODUCTS: unknown product {0}; expected one of {1}.</source>
        <translation>PRODUCTS : produit inconnu {0} ; attendu : l'un de {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="407"/>
        <source>INDICES: {0} is not an ASTER index; use one of {1}.</source>
        <translation>INDICES : {0} n'est pas un indice ASTER ; utilisez l'un de {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="413"/>
        <source>INDICES: {0} needs the {1} subsystem; add it to SUBSYSTEMS.</source>
        <translation>INDICES : {0} nécessite le sous-système {1} ; ajoutez-le à SUBSYSTEMS.</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="422"/>
        <source>PRODUCTS: the {0} subsystem gets none of the products asked for; add radiance, brightness_temperature (TIR) or reflectance (VNIR, SWIR), or leave {0} out of SUBSYSTEMS.</source>
        <translation>PRODUCTS : le sous-système {0} ne reçoit aucun des produits demandés ; ajoutez radiance, brightness_temperature (TIR) ou reflectance (VNIR, SWIR), ou retirez {0} de SUBSYSTEMS.</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="433"/>
        <source>ITEMS: no ASTER scene to process.</source>
        <translation>ITEMS : aucune scène ASTER à traiter.</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="575"/>
        <source>ASTER {0} {1}</source>
        <translation>ASTER {0} {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="584"/>
        <source>ITEMS: the {0} file of scene {1} cannot be read: {2}</source>
        <translation>ITEMS : le fichier {0} de la scène {1} est illisible : {2}</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="594"/>
        <source>ITEMS: the {0} file of scene {1} has {2} bands; an ASTER L1T {0} COG has {3}.</source>
        <translation>ITEMS : le fichier {0} de la scène {1} a {2} bandes ; un COG ASTER L1T {0} en a {3}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="613"/>
        <source>EXTENT: no scene gave any output ({0}); choose an area the scenes cover.</source>
        <translation>EXTENT : aucune scène n'a produit de sortie ({0}) ; choisissez une zone couverte par les scènes.</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="621"/>
        <source>ITEMS: no scene gave any output ({0}).</source>
        <translation>ITEMS : aucune scène n'a produit de sortie ({0}).</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="628"/>
        <source>{0} ASTER files</source>
        <translation>{0} fichiers ASTER</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/login.py" line="56"/>
        <source>{0}: the password of this authentication configuration must be a service account&apos;s key JSON (as Google Cloud downloads it); it lacks {1}.</source>
        <translation>{0} : le mot de passe de cette configuration d'authentification doit être la clé JSON d'un compte de service (telle que Google Cloud la télécharge) ; il y manque {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/login.py" line="68"/>
        <source>{0}: the service account key of {1} cannot be used ({2}); download a new key JSON.</source>
        <translation>{0} : la clé du compte de service {1} est inutilisable ({2}) ; téléchargez une nouvelle clé JSON.</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/login.py" line="92"/>
        <source>AUTHCFG: Earth Engine refused the service account ({0}); check that the key is current and the account is registered for Earth Engine in project &apos;{1}&apos;.</source>
        <translation>AUTHCFG : Earth Engine a refusé le compte de service ({0}) ; vérifiez que la clé est valide et que le compte est inscrit à Earth Engine dans le projet « {1} ».</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/login.py" line="142"/>
        <source>The Earth Engine login in the browser did not complete ({0}). Try again, or run `earthengine authenticate` in a terminal, or use a service account key.</source>
        <translation>La connexion à Earth Engine dans le navigateur n'a pas abouti ({0}). Réessayez, lancez `earthengine authenticate` dans un terminal ou utilisez une clé de compte de service.</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/grid.py" line="98"/>
        <source>RESOLUTION must be a positive number of CRS units, got {0!r}</source>
        <translation>RESOLUTION doit être un nombre positif d'unités du SCR, reçu {0!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/grid.py" line="107"/>
        <source>EXTENT is empty: {0!r} (xmin, ymin, xmax, ymax)</source>
        <translation>EXTENT est vide : {0!r} (xmin, ymin, xmax, ymax)</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/grid.py" line="125"/>
        <source>CHUNK_SIZE must be at least 1 pixel, got {0}</source>
        <translation>CHUNK_SIZE doit valoir au moins 1 pixel, reçu {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/engine.py" line="579"/>
        <source>DASK_SCHEDULER: cannot reach {0!r} ({1}); start the scheduler or leave it empty</source>
        <translation>DASK_SCHEDULER : impossible de joindre {0!r} ({1}) ; démarrez l'ordonnanceur ou laissez le champ vide</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="146"/>
        <source>POLARIZATIONS takes one or more of {0}, got {1!r}.</source>
        <translation>POLARIZATIONS prend une ou plusieurs valeurs parmi {0}, reçu {1!r}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="155"/>
        <source>RATIO needs a co- and a cross-polarisation in POLARIZATIONS (VV and VH, or HH and HV); got {0}.</source>
        <translation>RATIO demande une co- et une polarisation croisée dans POLARIZATIONS (VV et VH, ou HH et HV) ; reçu {0}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="165"/>
        <source>SPECKLE_FILTER must be one of {0}, got {1!r}.</source>
        <translation>SPECKLE_FILTER doit être l'une des valeurs {0}, reçu {1!r}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="172"/>
        <source>SPECKLE_WINDOW must be an odd number of pixels from 3 to {0}, got {1!r}.</source>
        <translation>SPECKLE_WINDOW doit être un nombre impair de pixels de 3 à {0}, reçu {1!r}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="180"/>
        <source>RESOLUTION must be a positive pixel size, got {0!r}.</source>
        <translation>RESOLUTION doit être une taille de pixel positive, reçu {0!r}.</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="233"/>
        <source>ITEMS holds no Sentinel-1 item ({0} items; radar items carry sat:orbit_state, sat:relative_orbit and sar:polarizations): search a SAR collection such as sentinel-1-rtc</source>
        <translation>ITEMS ne contient aucun élément Sentinel-1 ({0} éléments ; les éléments radar portent sat:orbit_state, sat:relative_orbit et sar:polarizations) : recherchez dans une collection SAR comme sentinel-1-rtc</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="266"/>
        <source>none of the {0} Sentinel-1 items carries all of POLARIZATIONS ({1}); they carry {2}: ask for those</source>
        <translation>aucun des {0} éléments Sentinel-1 ne porte toutes les POLARIZATIONS ({1}) ; ils portent {2} : demandez celles-ci</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="284"/>
        <source>none of the {0} Sentinel-1 items is readable ({1}); see the skipped scenes, search again (signed URLs expire) or repair the files</source>
        <translation>aucun des {0} éléments Sentinel-1 n'est lisible ({1}) ; voyez les scènes ignorées, relancez la recherche (les URL signées expirent) ou réparez les fichiers</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="371"/>
        <source>OUTPUT_FOLDER {0} is a file; give a folder.</source>
        <translation>OUTPUT_FOLDER {0} est un fichier ; indiquez un dossier.</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="413"/>
        <source>the multi-temporal speckle filter needs two dates or more of one track; {0} has one: set SPECKLE_FILTER to none, or add dates of that track to ITEMS</source>
        <translation>le filtre de chatoiement multitemporel demande au moins deux dates d'une même trace ; {0} n'en a qu'une : réglez SPECKLE_FILTER sur none, ou ajoutez des dates de cette trace à ITEMS</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="466"/>
        <source>Per-track radar stacks written</source>
        <translation>Piles radar par trace écrites</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/annual.py" line="184"/>
        <source>TDOM_STATISTICS {0} must have {1} bands ({2}), has {3}</source>
        <translation>TDOM_STATISTICS {0} doit avoir {1} bandes ({2}), il en a {3}</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/annual.py" line="257"/>
        <source>TDOM statistics</source>
        <translation>Statistiques TDOM</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/annual.py" line="294"/>
        <source>Compositing</source>
        <translation>Composition</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/settings.py" line="147"/>
        <source>METHOD must be one of {0}, got {1!r}</source>
        <translation>METHOD doit être l'une des valeurs {0}, reçu {1!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/settings.py" line="215"/>
        <source>PERCENTILE must be within 0-100, got {0}</source>
        <translation>PERCENTILE doit être compris entre 0 et 100, reçu {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/outputs.py" line="80"/>
        <source>OUTPUT must be a GeoTIFF path ending in .tif, got {0}</source>
        <translation>OUTPUT doit être un chemin GeoTIFF se terminant par .tif, reçu {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/settings.py" line="153"/>
        <source>OUTPUT_TYPE must be one of {0}, got {1!r}</source>
        <translation>OUTPUT_TYPE doit être l'un des types {0}, reçu {1!r}</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/settings.py" line="192"/>
        <source>{0} must be a day of year 1-366, got {1}</source>
        <translation>{0} doit être un jour de l'année entre 1 et 366, reçu {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/scenes.py" line="324"/>
        <source>Stacking dates</source>
        <translation>Empilement des dates</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/budget.py" line="92"/>
        <source>Size estimate: {0} x {1} pixels x {2} bands x {3} dates: {4} to read, {5} to write, {6} of working memory</source>
        <translation>Estimation de taille : {0} x {1} pixels x {2} bandes x {3} dates : {4} à lire, {5} à écrire, {6} de mémoire de travail</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/budget.py" line="34"/>
        <source>Choose a smaller area, fewer dates or bands, or a coarser resolution</source>
        <translation>Choisissez une zone plus petite, moins de dates ou de bandes, ou une résolution plus grossière</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/budget.py" line="38"/>
        <source>Process a smaller area or fewer dates at a time (TILE_SIZE where offered), or close other programs</source>
        <translation>Traitez une zone plus petite ou moins de dates à la fois (TILE_SIZE là où il est proposé), ou fermez d'autres programmes</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/budget.py" line="107"/>
        <source>{0}, more memory than this computer has available ({1}). {2}</source>
        <translation>{0}, plus de mémoire que cet ordinateur n'en a de disponible ({1}). {2}</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/budget.py" line="118"/>
        <source>{0}, more than the limit of MAX_GB={1:g} GB. {2}; or, if this size is intended, raise MAX_GB (0: no limit)</source>
        <translation>{0}, plus que la limite de MAX_GB={1:g} Go. {2} ; ou, si cette taille est voulue, augmentez MAX_GB (0 : aucune limite)</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/estimate.py" line="23"/>
        <source>Choose a coarser RESOLUTION (in the target CRS&apos;s units), a smaller EXTENT or AOI, fewer years or scenes, or fewer BANDS and INDICES</source>
        <translation>Choisissez une RESOLUTION plus grossière (dans les unités du SCR cible), une EXTENT ou une AOI plus petite, moins d'années ou de scènes, ou moins de BANDS et d'INDICES</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/estimate.py" line="31"/>
        <source>Choose a smaller CHUNK_SIZE, or close other programs</source>
        <translation>Choisissez une CHUNK_SIZE plus petite, ou fermez d'autres programmes</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/settings.py" line="172"/>
        <source>MAX_GB must be a number of gigabytes (0: no limit), got {0}</source>
        <translation>MAX_GB doit être un nombre de gigaoctets (0 : aucune limite), reçu {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/sample.py" line="346"/>
        <source>OUTPUT_FOLDER: {0} holds other files; choose an empty folder for the HyP3 sample.</source>
        <translation>OUTPUT_FOLDER : {0} contient d'autres fichiers ; choisissez un dossier vide pour l'échantillon HyP3.</translation>
    </message>
    <message>
        <location filename="../timestack/core/sample_archive/extras.py" line="44"/>
        <source>OUTPUT_FOLDER: {0} is not a sample Timestack wrote; move it away or choose another folder for the archive and its companions.</source>
        <translation>OUTPUT_FOLDER : {0} n'est pas un échantillon écrit par Timestack ; déplacez-le ou choisissez un autre dossier pour l'archive et ses compagnons.</translation>
    </message>
    <message>
        <location filename="../timestack/core/sample_archive/extras.py" line="92"/>
        <source>writing the {0} sample in {1}</source>
        <translation>écriture de l'échantillon {0} dans {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/sample_archive/extras.py" line="107"/>
        <source>sample companions ready in {0}</source>
        <translation>compagnons de l'échantillon prêts dans {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="72"/>
        <source>CATALOG {0}: item {1} has a geometry that is not GeoJSON ({2}); fix or remove the item.</source>
        <translation>CATALOG {0} : la géométrie de l'élément {1} n'est pas du GeoJSON ({2}) ; corrigez ou retirez l'élément.</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/tiles.py" line="367"/>
        <source>{0}: the stack's grid is rotated or not north-up, so its tiles cannot be mosaicked; warp it to a north-up grid first (Raster ▸ Projections ▸ Warp), or run it in one piece</source>
        <translation>{0} : la grille de la pile est tournée ou n'est pas orientée au nord, ses tuiles ne peuvent donc pas être mosaïquées ; reprojetez-la d'abord sur une grille orientée au nord (Raster ▸ Projections ▸ Projection (warp)), ou traitez-la d'un seul tenant</translation>
    </message>
    <message>
        <location filename="../timestack/core/zonal/scenes.py" line="105"/>
        <source>ITEMS: scene {0} has no assets, so no file to read band {1} from; remove it from the scenes or search the catalog again</source>
        <translation>ITEMS : la scène {0} n'a aucun asset, donc aucun fichier où lire la bande {1} ; retirez-la des scènes ou interrogez à nouveau le catalogue</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/metrics.py" line="193"/>
        <source>SAR_DB: the stack holds values such as {0}, which are not dB backscatter (within about -50 to +30 dB); untick SAR_DB for linear power, amplitude or other values, or convert the stack to dB first</source>
        <translation>SAR_DB : la pile contient des valeurs telles que {0}, qui ne sont pas une rétrodiffusion en dB (comprise entre environ -50 et +30 dB) ; décochez SAR_DB pour une puissance linéaire, une amplitude ou d'autres valeurs, ou convertissez d'abord la pile en dB</translation>
    </message>
    <message>
        <location filename="../timestack/core/quality/masks.py" line="102"/>
        <source>MASK: unknown names {0}; expected some of {1}</source>
        <translation>MASK : noms inconnus {0} ; attendu certains de {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/export.py" line="347"/>
        <source>OUTPUT: {0} is neither NetCDF (.nc) nor Zarr (.zarr)</source>
        <translation>OUTPUT : {0} n'est ni un NetCDF (.nc) ni un Zarr (.zarr)</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/export.py" line="353"/>
        <source>CHUNKING: {0!r}; use one of {1}</source>
        <translation>CHUNKING : {0!r} ; utilisez l'une des valeurs {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/export.py" line="359"/>
        <source>CHUNK_MB must be a positive size, got {0}</source>
        <translation>CHUNK_MB doit être une taille positive, reçu {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/export.py" line="365"/>
        <source>COMPRESSION: {0!r}; use deflate or none</source>
        <translation>COMPRESSION : {0!r} ; utilisez deflate ou none</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/animation.py" line="88"/>
        <source>COLORMAP: {0!r} is not a matplotlib colour map</source>
        <translation>COLORMAP : {0!r} n'est pas une palette de couleurs matplotlib</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/animation.py" line="186"/>
        <source>STRETCH: percentiles must satisfy 0 ≤ low &lt; high ≤ 100, got {0:g}, {1:g}</source>
        <translation>STRETCH : les centiles doivent vérifier 0 ≤ bas &lt; haut ≤ 100, reçu {0:g}, {1:g}</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/animation.py" line="235"/>
        <source>BANDS: the stack holds {0}; choose one in BANDS or three in RGB</source>
        <translation>BANDS : la pile contient {0} ; choisissez-en une dans BANDS ou trois dans RGB</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/animation.py" line="245"/>
        <source>{0}: {1} not in the stack (it holds {2})</source>
        <translation>{0} : {1} absent de la pile (elle contient {2})</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/animation.py" line="253"/>
        <source>{0}: {1} share no date</source>
        <translation>{0} : {1} n'ont aucune date en commun</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/animation.py" line="422"/>
        <source>OUTPUT: {0} is neither .gif nor .mp4</source>
        <translation>OUTPUT : {0} n'est ni un .gif ni un .mp4</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/stacks.py" line="165"/>
        <source>INPUT: choose at least one stack</source>
        <translation>INPUT : choisissez au moins une pile</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/stacks.py" line="172"/>
        <source>INPUT: {0} has no CRS; assign one (Raster ▸ Projections) first</source>
        <translation>INPUT : {0} n'a pas de SCR ; assignez-en un d'abord (Raster ▸ Projections)</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/stacks.py" line="181"/>
        <source>INPUT: {0} is not a north-up grid; warp it first</source>
        <translation>INPUT : {0} n'est pas une grille orientée nord en haut ; reprojetez-le d'abord</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/stacks.py" line="194"/>
        <source>TARGET_CRS: {0!r} is not a CRS ({1})</source>
        <translation>TARGET_CRS : {0!r} n'est pas un SCR ({1})</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/stacks.py" line="208"/>
        <source>TARGET_CRS: {0} is in degrees, so the size of its pixels in {1} is not known; leave TARGET_CRS empty to keep the stacks&apos; CRS, or warp them to it first</source>
        <translation>TARGET_CRS : {0} est en degrés, la taille de ses pixels dans {1} n'est donc pas connue ; laissez TARGET_CRS vide pour garder le SCR des piles, ou reprojetez-les d'abord dans ce SCR</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/stacks.py" line="217"/>
        <source>INPUT: {0} is not in a metric projected CRS, so its pixel size cannot be compared with the other stacks&apos;; warp the stacks to one CRS first</source>
        <translation>INPUT : {0} n'est pas dans un SCR projeté métrique, la taille de ses pixels ne peut donc pas être comparée à celle des autres piles ; reprojetez d'abord les piles dans un même SCR</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/stacks.py" line="229"/>
        <source>INPUT: the stacks have different pixel sizes ({0}); a cube has one grid, so resample them to one resolution first</source>
        <translation>INPUT : les piles ont des tailles de pixel différentes ({0}) ; un cube n'a qu'une grille, rééchantillonnez-les donc d'abord à une même résolution</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/stacks.py" line="239"/>
        <source>TARGET_CRS: {0} is not a metric projected CRS; the stacks&apos; {1:g} m pixels need one</source>
        <translation>TARGET_CRS : {0} n'est pas un SCR projeté métrique ; les pixels de {1:g} m des piles en demandent un</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/stacks.py" line="285"/>
        <source>INPUT: band {0} of {1} ({2}) carries no date; cubes need band descriptions such as 1990_nbr, 2021-06-14_vv or 20210614</source>
        <translation>INPUT : la bande {0} de {1} ({2}) ne porte aucune date ; les cubes demandent des descriptions de bande comme 1990_nbr, 2021-06-14_vv ou 20210614</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/stacks.py" line="296"/>
        <source>INPUT: {0} has two bands of {1} dated {2}</source>
        <translation>INPUT : {0} a deux bandes de {1} datées du {2}</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/stacks.py" line="311"/>
        <source>INPUT: {0} has different units in different stacks ({1}); convert them to one unit first</source>
        <translation>INPUT : {0} a des unités différentes selon les piles ({1}) ; convertissez-les d'abord dans une même unité</translation>
    </message>
    <message>
        <location filename="../timestack/core/cube/stacks.py" line="332"/>
        <source>INPUT: {0} is in dB but {1} is linear power; one cube holds one of the two: convert with 10·log10(power) or 10^(dB/10) first</source>
        <translation>INPUT : {0} est en dB mais {1} est en puissance linéaire ; un cube ne contient que l'une des deux : convertissez d'abord avec 10·log10(puissance) ou 10^(dB/10)</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/preview.py" line="32"/>
        <source>Scene {0} has no red/green/blue (or B04/B03/B02, or visual) assets to show in natural colour.</source>
        <translation>La scène {0} n'a pas de ressources rouge/vert/bleu (ou B04/B03/B02, ou visual) pour l'afficher en couleurs naturelles.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/preview.py" line="93"/>
        <source>{0} has no valid pixels in band {1}</source>
        <translation>{0} n'a aucun pixel valide dans la bande {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="311"/>
        <source>CATALOG {0} is a folder; pick the catalog file in it (an ItemCollection JSON, a stac-geoparquet file or a static catalog&apos;s catalog.json).</source>
        <translation>CATALOG {0} est un dossier ; choisissez le fichier de catalogue qu'il contient (un JSON ItemCollection, un fichier stac-geoparquet ou le catalog.json d'un catalogue statique).</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="318"/>
        <source>CATALOG {0} does not exist; pick an ItemCollection JSON, a stac-geoparquet file or a static catalog&apos;s catalog.json.</source>
        <translation>CATALOG {0} n'existe pas ; choisissez un JSON ItemCollection, un fichier stac-geoparquet ou le catalog.json d'un catalogue statique.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/local_catalog.py" line="325"/>
        <source>CATALOG {0} is empty (0 bytes); write the catalog again or pick another file.</source>
        <translation>CATALOG {0} est vide (0 octet) ; écrivez de nouveau le catalogue ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/composite.py" line="66"/>
        <source>START_YEAR ({0}) is after END_YEAR ({1})</source>
        <translation>START_YEAR ({0}) est postérieure à END_YEAR ({1})</translation>
    </message>
    <message>
        <location filename="../timestack/core/earthengine/composite.py" line="452"/>
        <source>the false-colour map layer needs BANDS swir1, nir and red; missing {0}</source>
        <translation>la couche cartographique en fausses couleurs demande les BANDS swir1, nir et red ; il manque {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/raster.py" line="125"/>
        <source>{0}: {1} has {2} dated band(s) ({3}); {4} need at least {5} dates: choose a stack with more of them</source>
        <translation>{0} : {1} a {2} bande(s) datée(s) ({3}) ; {4} demandent au moins {5} dates : choisissez une pile qui en a davantage</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/raster.py" line="200"/>
        <source>temporal metrics</source>
        <translation>les métriques temporelles</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/raster.py" line="202"/>
        <source>the harmonics</source>
        <translation>les harmoniques</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/resample.py" line="163"/>
        <source>resampled periods</source>
        <translation>les périodes rééchantillonnées</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/mosaic.py" line="222"/>
        <source>OUTPUT_FOLDER: {0} exists and is not a mosaic this algorithm wrote; writing the mosaics there would replace it. Choose another output folder.</source>
        <translation>OUTPUT_FOLDER : {0} existe et n'est pas une mosaïque écrite par cet algorithme ; y écrire les mosaïques le remplacerait. Choisissez un autre dossier de sortie.</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/tiles.py" line="75"/>
        <source>TILE_SIZE must be at least 1 pixel, got {0}</source>
        <translation>TILE_SIZE doit valoir au moins 1 pixel, reçu {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/tiles.py" line="249"/>
        <source>TILES_FOLDER: {0} is not empty and holds no tiled run; choose a new or empty folder (nothing in it was changed)</source>
        <translation>TILES_FOLDER : {0} n'est pas vide et ne contient aucune exécution tuilée ; choisissez un dossier nouveau ou vide (rien n'y a été modifié)</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/tiles.py" line="262"/>
        <source>TILES_FOLDER: {0} cannot be read ({1}); choose a new folder</source>
        <translation>TILES_FOLDER : {0} est illisible ({1}) ; choisissez un nouveau dossier</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/tiles.py" line="268"/>
        <source>TILES_FOLDER: {0} holds the tiles of another run (another input, tiling or parameters); choose a new folder to start over, or run again with that run&apos;s input and parameters to resume it</source>
        <translation>TILES_FOLDER : {0} contient les tuiles d'une autre exécution (autre entrée, découpage ou paramètres) ; choisissez un nouveau dossier pour recommencer, ou relancez avec l'entrée et les paramètres de cette exécution pour la reprendre</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/tiles.py" line="300"/>
        <source>INPUT: GDAL cannot cut tile {0} from {1} ({2})</source>
        <translation>INPUT : GDAL ne peut pas découper la tuile {0} dans {1} ({2})</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/tiles.py" line="357"/>
        <source>INPUT: {0} is not a raster GDAL can read</source>
        <translation>INPUT : {0} n'est pas un raster lisible par GDAL</translation>
    </message>
    <message>
        <location filename="../timestack/core/timescan/raster.py" line="89"/>
        <source>METRICS: the harmonics fit a cycle over the year, but the dates of {0} fall on {1} day(s) of the year (an annual stack?); drop the harmonics or choose a stack of dates spread over the year</source>
        <translation>METRICS : les harmoniques ajustent un cycle sur l'année, mais les dates de {0} tombent sur {1} jour(s) de l'année (une pile annuelle ?) ; retirez les harmoniques ou choisissez une pile de dates réparties sur l'année</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="198"/>
        <source>no acquisition time or track (sat:orbit_state, sat:relative_orbit)</source>
        <translation>pas d'heure d'acquisition ni de trace (sat:orbit_state, sat:relative_orbit)</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="208"/>
        <source>no asset for polarisation {0}</source>
        <translation>pas de ressource pour la polarisation {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="254"/>
        <source>no {0} (carries {1})</source>
        <translation>pas de {0} (porte {1})</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="267"/>
        <source>no datetime</source>
        <translation>pas de date</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="278"/>
        <source>no quality asset (qa_pixel for Landsat, scl/SCL for Sentinel-2)</source>
        <translation>pas de ressource de qualité (qa_pixel pour Landsat, scl/SCL pour Sentinel-2)</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="287"/>
        <source>platform {0!r} is not Landsat 4-9</source>
        <translation>la plateforme {0!r} n'est pas Landsat 4-9</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="332"/>
        <source>no asset for band {0} (looked for {1})</source>
        <translation>pas de ressource pour la bande {0} (cherché : {1})</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="328"/>
        <source>no Fmask asset (HLS quality layer)</source>
        <translation>pas de ressource Fmask (couche de qualité HLS)</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="358"/>
        <source>missing file {0}</source>
        <translation>fichier manquant {0}</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="364"/>
        <source>unreachable URL {0}: {1}</source>
        <translation>URL injoignable {0} : {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="367"/>
        <source>unreadable file {0}: {1}</source>
        <translation>fichier illisible {0} : {1}</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="372"/>
        <source>{0} has no CRS</source>
        <translation>{0} n'a pas de SCR</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="400"/>
        <source>not a STAC item (a JSON object)</source>
        <translation>pas un élément STAC (un objet JSON)</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="387"/>
        <source>scenes of {0} are Level-1 GRD: their values are the product&apos;s digital numbers, not calibrated backscatter; use sentinel-1-rtc (gamma0) to compare dates and tracks</source>
        <translation>les scènes de {0} sont des GRD de niveau 1 : leurs valeurs sont les comptes numériques du produit, pas une rétrodiffusion calibrée ; utilisez sentinel-1-rtc (gamma0) pour comparer dates et traces</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/annual.py" line="325"/>
        <source>{0}: all {1} scene(s) found were unreadable, so the year is nodata; see the skipped scenes in the run log</source>
        <translation>{0} : les {1} scène(s) trouvée(s) étaient illisibles, l'année est donc sans données (nodata) ; voyez les scènes écartées dans le journal d'exécution</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="418"/>
        <source>ITEMS lists {0} item(s) more than once ({1}); each was used once</source>
        <translation>ITEMS liste {0} élément(s) plus d'une fois ({1}) ; chacun a été utilisé une seule fois</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/scenes.py" line="289"/>
        <source>{0}: every scene of the day was unreadable, so the date is nodata; see the skipped scenes in the run log</source>
        <translation>{0} : toutes les scènes du jour étaient illisibles, la date est donc sans données (nodata) ; voyez les scènes écartées dans le journal d'exécution</translation>
    </message>
    <message>
        <location filename="../timestack/core/aster/scene.py" line="75"/>
        <source>sun elevation {0:g}°, at or below the horizon (a night scene): no reflectance or index</source>
        <translation>élévation solaire {0:g}°, au niveau de l'horizon ou en dessous (scène de nuit) : ni réflectance ni indice</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/mosaic.py" line="197"/>
        <source>INPUT: {0} holds {1} values where {2} holds {3}; write the tiles with one data type (GDAL would silently leave {0} out)</source>
        <translation>INPUT : {0} contient des valeurs {1} là où {2} contient des valeurs {3} ; écrivez les tuiles avec un seul type de données (GDAL laisserait {0} de côté sans rien dire)</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/mosaic.py" line="207"/>
        <source>INPUT: the tiles lie on both sides of the antimeridian (180° longitude), where a mosaic in longitude/latitude runs around the whole world; reproject them onto a projected CRS (such as their UTM zone) first</source>
        <translation>INPUT : les tuiles sont de part et d'autre de l'antiméridien (180° de longitude), où une mosaïque en longitude/latitude fait le tour du monde entier ; reprojetez-les d'abord dans un SCR projeté (comme leur zone UTM)</translation>
    </message>
    <message>
        <location filename="../timestack/core/io/mosaic.py" line="254"/>
        <source>INPUT: GDAL leaves {0} out of the mosaic ({1}); remove it from the folder or rewrite it like the other tiles</source>
        <translation>INPUT : GDAL laisse {0} hors de la mosaïque ({1}) ; retirez-le du dossier ou réécrivez-le comme les autres tuiles</translation>
    </message>
    <message>
        <location filename="../timestack/core/radar/stack.py" line="457"/>
        <source>{0}: no pixel has a value on any date: every value of its {1} scene(s) is nodata, zero or negative in one of the polarisations ({2}) or lies outside the grid</source>
        <translation>{0} : aucun pixel n'a de valeur à aucune date : chaque valeur de ses {1} scène(s) est sans données, nulle ou négative dans l'une des polarisations ({2}) ou se trouve hors de la grille</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/annual.py" line="330"/>
        <source>{0}: no pixel has a value: every observation of its {1} scene(s) was masked (MASK and the confidences) or lies outside the grid, so the year is nodata</source>
        <translation>{0} : aucun pixel n'a de valeur : chaque observation de ses {1} scène(s) a été masquée (MASK et les niveaux de confiance) ou se trouve hors de la grille, l'année est donc sans données</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="200"/>
        <source>{0} is a STAC {1}, not its scenes; search it with &apos;Search scenes&apos; (CATALOG: this file) and give the ItemCollection that search writes (OUTPUT_ITEMS)</source>
        <translation>{0} est un {1} STAC, pas ses scènes ; interrogez-le avec « Rechercher des scènes » (CATALOG : ce fichier) et donnez l'ItemCollection que cette recherche écrit (OUTPUT_ITEMS)</translation>
    </message>
    <message>
        <location filename="../timestack/core/composite/catalog.py" line="538"/>
        <source>the scenes lie across the antimeridian (180° longitude), where a grid in {0} would run around the whole world; choose a projected TARGET_CRS, such as the scenes' UTM zone</source>
        <translation>les scènes sont à cheval sur l'antiméridien (180° de longitude), où une grille en {0} ferait le tour du monde entier ; choisissez un TARGET_CRS projeté, comme la zone UTM des scènes</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/download.py" line="105"/>
        <source>API_URL: {0} answered with a page that is not the HyP3 API&apos;s (no JSON); check the address, or try again later if the API is down.</source>
        <translation>API_URL : {0} a répondu par une page qui n'est pas celle de l'API HyP3 (pas de JSON) ; vérifiez l'adresse, ou réessayez plus tard si l'API est indisponible.</translation>
    </message>
    <message>
        <location filename="../timestack/core/hyp3/download.py" line="121"/>
        <source>API_URL: the HyP3 API at {0} could not answer the search ({1}); check the address, or try again later if the API is down.</source>
        <translation>API_URL : l'API HyP3 à {0} n'a pas pu répondre à la recherche ({1}) ; vérifiez l'adresse, ou réessayez plus tard si l'API est indisponible.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/stac_api.py" line="112"/>
        <source>CATALOG {0}: the address holds a login (user:password@), which would be written to logs and to the scenes file; give the address without it, and the login as AUTHCFG (an authentication configuration).</source>
        <translation>CATALOG {0} : l'adresse contient un identifiant (utilisateur:mot_de_passe@), qui serait écrit dans les journaux et dans le fichier des scènes ; donnez l'adresse sans lui, et l'identifiant dans AUTHCFG (une configuration d'authentification).</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/stac_api.py" line="234"/>
        <source>CATALOG {0} kept answering pages of scenes it had already sent (page {1} repeats earlier ones); the search stopped there with the scenes found so far, as the catalog&apos;s paging never ends.</source>
        <translation>CATALOG {0} renvoyait sans cesse des pages de scènes déjà envoyées (la page {1} répète les précédentes) ; la recherche s'est arrêtée là avec les scènes trouvées jusqu'ici, car la pagination du catalogue ne finit jamais.</translation>
    </message>
    <message>
        <location filename="../timestack/core/search/stac_api.py" line="241"/>
        <source>CATALOG {0} sent {1} scene(s) that are not valid STAC, left out of the search (the first, {2}: {3}).</source>
        <translation>CATALOG {0} a envoyé {1} scène(s) qui ne sont pas du STAC valide, écartée(s) de la recherche (la première, {2} : {3}).</translation>
    </message>
</context>
<context>
    <name>TimestackDock</name>
    <message>
        <location filename="../timestack/gui/dock.py" line="20"/>
        <source>Timestack</source>
        <translation>Timestack</translation>
    </message>
</context>
<context>
    <name>TimestackParameters</name>
    <message>
        <location filename="../timestack/processing/params.py" line="106"/>
        <source>Extent</source>
        <translation>Emprise</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="114"/>
        <source>Area of interest (polygons)</source>
        <translation>Zone d'intérêt (polygones)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="154"/>
        <source>EXTENT is empty; draw or choose an extent with an area.</source>
        <translation>EXTENT est vide ; dessinez ou choisissez une emprise ayant une surface.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="219"/>
        <source>Season start (day of year)</source>
        <translation>Début de saison (jour de l'année)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="219"/>
        <source>Season end (day of year)</source>
        <translation>Fin de saison (jour de l'année)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="252"/>
        <source>Cloud</source>
        <translation>Nuage</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="253"/>
        <source>Cloud shadow</source>
        <translation>Ombre de nuage</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="254"/>
        <source>Snow / ice</source>
        <translation>Neige / glace</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="255"/>
        <source>Water</source>
        <translation>Eau</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="256"/>
        <source>Cirrus (Landsat 8/9)</source>
        <translation>Cirrus (Landsat 8/9)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="257"/>
        <source>Dilated cloud</source>
        <translation>Nuage dilaté</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="258"/>
        <source>Radiometric saturation</source>
        <translation>Saturation radiométrique</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="259"/>
        <source>Dark area (Sentinel-2)</source>
        <translation>Zone sombre (Sentinel-2)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="260"/>
        <source>Unclassified (Sentinel-2)</source>
        <translation>Non classé (Sentinel-2)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="284"/>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="285"/>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="286"/>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="287"/>
        <source>High</source>
        <translation>Élevée</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="289"/>
        <source>Also mask cloud confidence at or above (Landsat QA_PIXEL)</source>
        <translation>Masquer aussi à partir de cette confiance de nuage (Landsat QA_PIXEL)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="289"/>
        <source>Also mask cloud-shadow confidence at or above (QA_PIXEL)</source>
        <translation>Masquer aussi à partir de cette confiance d'ombre de nuage (QA_PIXEL)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="289"/>
        <source>Also mask snow/ice confidence at or above (QA_PIXEL)</source>
        <translation>Masquer aussi à partir de cette confiance de neige/glace (QA_PIXEL)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="289"/>
        <source>Also mask cirrus confidence at or above (QA_PIXEL, OLI)</source>
        <translation>Masquer aussi à partir de cette confiance de cirrus (QA_PIXEL, OLI)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="319"/>
        <source>Buffer around masked pixels (pixels)</source>
        <translation>Tampon autour des pixels masqués (pixels)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="361"/>
        <source>Indices (comma-separated: {0})</source>
        <translation>Indices (séparés par des virgules : {0})</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="573"/>
        <source>ALLOWED_ROOTS: {0} is not a folder; give existing folders.</source>
        <translation>ALLOWED_ROOTS : {0} n'est pas un dossier ; indiquez des dossiers existants.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="143"/>
        <source>AOI has no polygons; choose a layer with at least one polygon.</source>
        <translation>AOI n'a aucun polygone ; choisissez une couche contenant au moins un polygone.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="553"/>
        <source>Other folders the scenes&apos; files may be read from (separated by ;)</source>
        <translation>Autres dossiers depuis lesquels les fichiers des scènes peuvent être lus (séparés par ;)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="638"/>
        <source>Earthdata Login (authentication configuration: username and password, or a token)</source>
        <translation>Connexion Earthdata Login (configuration d'authentification : nom d'utilisateur et mot de passe, ou un jeton)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="386"/>
        <source>dask.distributed scheduler address (empty: local threads)</source>
        <translation>Adresse de l'ordonnanceur dask.distributed (vide : fils d'exécution locaux)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="452"/>
        <source>Tile size in pixels (0 = no tiles; resumable runs)</source>
        <translation>Taille des tuiles en pixels (0 = pas de tuiles ; traitements avec reprise)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="473"/>
        <source>Tiled run folder (tiles, manifest and mosaics)</source>
        <translation>Dossier du traitement par tuiles (tuiles, manifeste et mosaïques)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="534"/>
        <source>TILES_FOLDER: a tiled run (TILE_SIZE {0}) needs a folder of its own to record its tiles in, so that running it again resumes it; choose a new folder.</source>
        <translation>TILES_FOLDER : un traitement par tuiles (TILE_SIZE {0}) a besoin d'un dossier à lui pour y enregistrer ses tuiles, afin que le relancer le reprenne ; choisissez un nouveau dossier.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="159"/>
        <source>EXTENT: &apos;{0}&apos; names a coordinate reference system QGIS does not know; give it as an EPSG code (xmin,xmax,ymin,ymax [EPSG:4326]) or leave it out for longitude/latitude.</source>
        <translation>EXTENT : '{0}' désigne un système de coordonnées que QGIS ne connaît pas ; donnez-le sous forme de code EPSG (xmin,xmax,ymin,ymax [EPSG:4326]) ou omettez-le pour des longitudes/latitudes.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/tile_grid.py" line="58"/>
        <source>TILES_ID_FIELD: TILES has no field {0}; its fields are: {1}.</source>
        <translation>TILES_ID_FIELD : TILES n'a pas de champ {0} ; ses champs sont : {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/tile_grid.py" line="80"/>
        <source>INPUT: the stack must be a raster file readable by GDAL.</source>
        <translation>INPUT : la pile doit être un fichier raster lisible par GDAL.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/tile_grid.py" line="95"/>
        <source>TILES has no features; choose a grid layer with cells.</source>
        <translation>TILES n'a aucune entité ; choisissez une couche de grille avec des cellules.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/tile_grid.py" line="99"/>
        <source>TILES: the stack has no coordinate reference system, so the grid&apos;s cells cannot be placed on it; use TILE_SIZE instead.</source>
        <translation>TILES : la pile n'a pas de système de coordonnées, donc les cellules de la grille ne peuvent pas y être placées ; utilisez plutôt TILE_SIZE.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/tile_grid.py" line="108"/>
        <source>TILES: tiles named by the field {0}.</source>
        <translation>TILES : tuiles nommées par le champ {0}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/tile_grid.py" line="114"/>
        <source>TILES: tiles named by feature id.</source>
        <translation>TILES : tuiles nommées par l'identifiant d'entité.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/tile_grid.py" line="120"/>
        <source>TILES_ID_FIELD: feature {0} of TILES has no {1}; give every cell an id or choose another field.</source>
        <translation>TILES_ID_FIELD : l'entité {0} de TILES n'a pas de {1} ; donnez un identifiant à chaque cellule ou choisissez un autre champ.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/tile_grid.py" line="128"/>
        <source>TILES_ID_FIELD: features {0} and {1} of TILES would both be tile {2}; choose a field with one distinct value per cell.</source>
        <translation>TILES_ID_FIELD : les entités {0} et {1} de TILES seraient toutes deux la tuile {2} ; choisissez un champ avec une valeur distincte par cellule.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/tile_grid.py" line="150"/>
        <source>TILES: {0} cell(s) miss the stack and are skipped: {1}.</source>
        <translation>TILES : {0} cellule(s) hors de la pile, ignorée(s) : {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/tile_grid.py" line="153"/>
        <source>TILES: none of the {0} cells of the grid overlaps the stack; choose a grid that covers it.</source>
        <translation>TILES : aucune des {0} cellules de la grille ne recouvre la pile ; choisissez une grille qui la couvre.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="461"/>
        <source>Tile grid (one tile per cell, instead of a tile size)</source>
        <translation>Grille de tuiles (une tuile par cellule, au lieu d'une taille de tuile)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="467"/>
        <source>Tile grid field naming the tiles (empty: first id-like field)</source>
        <translation>Champ de la grille qui nomme les tuiles (vide : le premier champ de type identifiant)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="509"/>
        <source>TILE_SIZE and TILES: choose one way to cut the stack into tiles, a tile size or a grid layer, not both.</source>
        <translation>TILE_SIZE et TILES : choisissez une seule façon de découper la pile en tuiles, une taille de tuile ou une couche de grille, pas les deux.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="517"/>
        <source>TILES_FOLDER: a run over the cells of TILES needs a folder of its own to record its tiles in, so that running it again resumes it; choose a new folder.</source>
        <translation>TILES_FOLDER : un traitement sur les cellules de TILES a besoin d'un dossier à lui pour y enregistrer ses tuiles, afin que le relancer le reprenne ; choisissez un nouveau dossier.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="589"/>
        <source>Download remote scenes into this cache folder (empty: stream them)</source>
        <translation>Télécharger les scènes distantes dans ce dossier de cache (vide : les lire en flux)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="598"/>
        <source>Cache folder size limit (GB)</source>
        <translation>Taille maximale du dossier de cache (Go)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="109"/>
        <source>The rectangle the run covers, in any CRS (the map&apos;s extent, a layer&apos;s, or one you draw); AOI takes its place when set.</source>
        <translation>Le rectangle couvert par le traitement, dans n'importe quel SCR (l'emprise de la carte, celle d'une couche ou une emprise dessinée) ; AOI le remplace s'il est défini.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="120"/>
        <source>Polygons whose union the run covers (a study area, stands), instead of EXTENT.</source>
        <translation>Polygones dont l'union est couverte par le traitement (une zone d'étude, des peuplements), à la place d'EXTENT.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="214"/>
        <source>The days of the year (1-366) whose scenes are used; a start after the end wraps the new year (335 to 60: December to February)</source>
        <translation>Les jours de l'année (1-366) dont les scènes sont utilisées ; un début après la fin enjambe le nouvel an (335 à 60 : décembre à février)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="274"/>
        <source>The pixel classes removed before compositing, from Landsat QA_PIXEL, Sentinel-2 SCL or HLS Fmask</source>
        <translation>Les classes de pixels retirées avant la composition, d'après QA_PIXEL de Landsat, SCL de Sentinel-2 ou Fmask de HLS</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="312"/>
        <source>Landsat QA_PIXEL rates each pixel&apos;s confidence (low, medium, high); also mask the pixels rated at or above this level (Off: the class flags of MASK only)</source>
        <translation>QA_PIXEL de Landsat note la confiance de chaque pixel (faible, moyenne, élevée) ; masquer aussi les pixels notés à ce niveau ou au-dessus (Désactivé : seulement les classes de MASK)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="327"/>
        <source>Grows the masked clouds and shadows by this radius, in pixels, to drop the hazy edges their quality bits miss; 0: no buffer.</source>
        <translation>Agrandit les nuages et ombres masqués de ce rayon, en pixels, pour écarter les bords brumeux que leurs bits de qualité manquent ; 0 : pas de tampon.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="363"/>
        <source>Spectral indices computed from the bands, by name, separated by commas: {0}</source>
        <translation>Indices spectraux calculés à partir des bandes, par nom, séparés par des virgules : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="391"/>
        <source>Run the per-window work on a dask.distributed cluster: the address of its scheduler, such as tcp://host:8786; empty runs on this computer&apos;s threads</source>
        <translation>Exécuter le travail par fenêtre sur une grappe dask.distributed : l'adresse de son ordonnanceur, par exemple tcp://hote:8786 ; vide, il s'exécute sur les fils d'exécution de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="479"/>
        <source>Cuts a large stack into squares of this many pixels, run one by one into TILES_FOLDER; 0: the stack in one piece.</source>
        <translation>Découpe une grande pile en carrés de ce nombre de pixels, traités un par un dans TILES_FOLDER ; 0 : la pile d'un seul tenant.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="484"/>
        <source>A grid layer (Landsat ARD tiles, your own), one tile per cell on the stack, run one by one into TILES_FOLDER; instead of a tile size.</source>
        <translation>Une couche de grille (tuiles Landsat ARD, la vôtre), une tuile par cellule sur la pile, traitées une par une dans TILES_FOLDER ; à la place d'une taille de tuile.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="489"/>
        <source>Where the tiles, the manifest of finished tiles and the mosaics are written: after a crash or a cancel, the same run started again skips the finished tiles.</source>
        <translation>Où sont écrits les tuiles, le manifeste des tuiles terminées et les mosaïques : après un plantage ou une annulation, le même traitement relancé saute les tuiles terminées.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="606"/>
        <source>Download every remote scene file into this folder (verified, reused by later runs) instead of streaming it; empty streams</source>
        <translation>Télécharger chaque fichier de scène distant dans ce dossier (vérifié, réutilisé par les traitements suivants) au lieu de le lire en flux ; vide, lecture en flux</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="614"/>
        <source>Most the cache folder may hold, in gigabytes; the least recently used files go first</source>
        <translation>Contenu maximal du dossier de cache, en gigaoctets ; les fichiers les moins récemment utilisés partent en premier</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="658"/>
        <source>Earth Engine service account (authentication configuration: the key JSON as password); empty: your own Earth Engine login</source>
        <translation>Compte de service Earth Engine (configuration d'authentification : la clé JSON comme mot de passe) ; vide : votre propre connexion Earth Engine</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="691"/>
        <source>Scenes (STAC ItemCollection JSON)</source>
        <translation>Scènes (ItemCollection STAC JSON)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="697"/>
        <source>The scenes: the ItemCollection JSON written by &apos;Search scenes&apos;, or the sample archive&apos;s items.json</source>
        <translation>Les scènes : le JSON ItemCollection écrit par « Rechercher des scènes », ou le items.json de l'archive d'exemple</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="707"/>
        <source>Resolution (target CRS units)</source>
        <translation>Résolution (unités du SCR cible)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="713"/>
        <source>Pixel size of the output grid, in the target CRS&apos;s units: metres for a UTM zone (30 for Landsat, 10 or 20 for Sentinel-2), degrees for a geographic CRS</source>
        <translation>Taille de pixel de la grille de sortie, dans les unités du SCR cible : mètres pour une zone UTM (30 pour Landsat, 10 ou 20 pour Sentinel-2), degrés pour un SCR géographique</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="726"/>
        <source>Bands</source>
        <translation>Bandes</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="743"/>
        <source>Output data type</source>
        <translation>Type de données en sortie</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="743"/>
        <source>Int16, reflectance × 10000</source>
        <translation>Int16, réflectance × 10000</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="743"/>
        <source>Float32</source>
        <translation>Float32</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="752"/>
        <source>Chunk size (pixels)</source>
        <translation>Taille des blocs (pixels)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="760"/>
        <source>Side of the square windows read and composited at once, in pixels; smaller uses less memory</source>
        <translation>Côté des fenêtres carrées lues et composées en une fois, en pixels ; plus petit utilise moins de mémoire</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="778"/>
        <source>ITEMS is empty: give the STAC ItemCollection JSON written by &apos;Search scenes&apos;.</source>
        <translation>ITEMS est vide : indiquez le JSON ItemCollection STAC écrit par « Rechercher des scènes ».</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="796"/>
        <source>TARGET_CRS: &apos;{0}&apos; is not a coordinate reference system QGIS knows; give an EPSG code such as EPSG:32633, or leave it empty to use {1}.</source>
        <translation>TARGET_CRS : « {0} » n'est pas un système de coordonnées de référence connu de QGIS ; indiquez un code EPSG comme EPSG:32633, ou laissez le champ vide pour utiliser {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="413"/>
        <source>Refuse runs reading or writing more than (GB, 0: no limit)</source>
        <translation>Refuser les traitements qui lisent ou écrivent plus de (Go, 0 : sans limite)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="429"/>
        <source>Largest run allowed, in gigabytes read, written or held in memory, estimated before any pixel is read; 0: no limit (a run needing more memory than the computer has is refused all the same)</source>
        <translation>Plus grande exécution permise, en gigaoctets lus, écrits ou tenus en mémoire, estimée avant la lecture du moindre pixel ; 0 : pas de limite (une exécution demandant plus de mémoire que l'ordinateur n'en a est refusée malgré tout)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="494"/>
        <source>The field of the tile grid whose values name the tiles (their files and manifest entries); empty: the first id-like field</source>
        <translation>Le champ de la grille de tuiles dont les valeurs nomment les tuiles (leurs fichiers et leurs entrées dans le manifeste) ; vide : le premier champ de type identifiant</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="560"/>
        <source>Folders, separated by ;, outside the catalog&apos;s own folder from which its scenes&apos; files may be read; by default a local catalog reads only files under its own folder</source>
        <translation>Dossiers, séparés par ;, hors du dossier du catalogue, depuis lesquels les fichiers de ses scènes peuvent être lus ; par défaut un catalogue local ne lit que les fichiers sous son propre dossier</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="642"/>
        <source>A QGIS authentication configuration holding your Earthdata Login (NASA: HLS, CMR); kept in the QGIS authentication database, never written to logs or settings; empty: public data only</source>
        <translation>Une configuration d'authentification QGIS contenant votre Earthdata Login (NASA : HLS, CMR) ; conservée dans la base d'authentification de QGIS, jamais écrite dans les journaux ou les paramètres ; vide : données publiques seulement</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="663"/>
        <source>A QGIS authentication configuration whose password is an Earth Engine service account&apos;s key JSON, kept encrypted in the QGIS authentication database; empty: the login made with &apos;earthengine authenticate&apos; on this computer</source>
        <translation>Une configuration d'authentification QGIS dont le mot de passe est la clé JSON d'un compte de service Earth Engine, chiffrée dans la base d'authentification de QGIS ; vide : la connexion faite avec « earthengine authenticate » sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="718"/>
        <source>Coordinate reference system of the output grid; its units are those of RESOLUTION</source>
        <translation>Système de coordonnées de référence de la grille de sortie ; ses unités sont celles de RESOLUTION</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="734"/>
        <source>Reflective bands to write (surface reflectance, named as Landsat&apos;s: blue, green, red, nir, swir1, swir2)</source>
        <translation>Bandes réflectives à écrire (réflectance de surface, nommées comme celles de Landsat : blue, green, red, nir, swir1, swir2)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="764"/>
        <source>Int16: values × 10000, half the size on disk; Float32: the values as they are</source>
        <translation>Int16 : valeurs × 10000, moitié moins de place sur le disque ; Float32 : les valeurs telles quelles</translation>
    </message>
    <message>
        <location filename="../timestack/processing/tile_grid.py" line="88"/>
        <source>TILES holds {0} geometries, not cells; choose a grid layer of polygons (one per tile).</source>
        <translation>TILES contient des géométries de type {0}, pas des cellules ; choisissez une couche de grille de polygones (un par tuile).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/params.py" line="170"/>
        <source>EXTENT: its west edge {0} lies east of its east edge {1}, an extent across the antimeridian (180° longitude), which longitude/latitude cannot hold; give it in a projected CRS (such as the scenes' UTM zone), or draw it on one side.</source>
        <translation>EXTENT : son bord ouest {0} est à l'est de son bord est {1}, une emprise à cheval sur l'antiméridien (180° de longitude), que la longitude/latitude ne peut pas représenter ; indiquez-la dans un SCR projeté (comme la zone UTM des scènes), ou tracez-la d'un seul côté.</translation>
    </message>
</context>
<context>
    <name>TimestackPlugin</name>
    <message>
        <location filename="../timestack/timestack_plugin.py" line="70"/>
        <source>Timestack</source>
        <translation>Timestack</translation>
    </message>
    <message>
        <location filename="../timestack/timestack_plugin.py" line="77"/>
        <source>Show the Timestack panel: search, composite, LandTrendr, statistics</source>
        <translation>Afficher le panneau Timestack : recherche, composite, LandTrendr, statistiques</translation>
    </message>
    <message>
        <location filename="../timestack/timestack_plugin.py" line="81"/>
        <source>Install Python packages…</source>
        <translation>Installer des paquets Python…</translation>
    </message>
    <message>
        <location filename="../timestack/timestack_plugin.py" line="83"/>
        <source>Install the packages Timestack needs and optional ones (Earthdata, Earth Engine, dask)</source>
        <translation>Installer les paquets dont Timestack a besoin et les paquets facultatifs (Earthdata, Earth Engine, dask)</translation>
    </message>
</context>
<context>
    <name>TimestackProvider</name>
    <message>
        <location filename="../timestack/processing/provider.py" line="58"/>
        <source>Timestack</source>
        <translation>Timestack</translation>
    </message>
    <message>
        <location filename="../timestack/processing/provider.py" line="61"/>
        <source>Timestack — satellite image time series</source>
        <translation>Timestack — séries temporelles d'images satellitaires</translation>
    </message>
</context>
<context>
    <name>TrajectoryPlot</name>
    <message>
        <location filename="../timestack/gui/trajectory_plot.py" line="82"/>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <location filename="../timestack/gui/trajectory_plot.py" line="83"/>
        <source>fitted</source>
        <translation>ajusté</translation>
    </message>
    <message>
        <location filename="../timestack/gui/trajectory_plot.py" line="84"/>
        <source>vertices</source>
        <translation>sommets</translation>
    </message>
    <message>
        <location filename="../timestack/gui/trajectory_plot.py" line="85"/>
        <source>year</source>
        <translation>année</translation>
    </message>
    <message>
        <location filename="../timestack/gui/trajectory_plot.py" line="94"/>
        <source>Press Inspect pixels, then click a pixel of the stack:
its series and fit show here.</source>
        <translation>Appuyez sur Inspecter les pixels, puis cliquez sur un pixel de la pile :
sa série et son ajustement s'affichent ici.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/trajectory_plot.py" line="73"/>
        <source>segments: {0}, RMSE {1:.4g}, p = {2:.3g}</source>
        <translation>segments : {0}, RMSE {1:.4g}, p = {2:.3g}</translation>
    </message>
</context>
<context>
    <name>WarmUpTask</name>
    <message>
        <location filename="../timestack/gui/warm_up.py" line="22"/>
        <source>Preparing Timestack&apos;s LandTrendr and timescan engines</source>
        <translation>Préparation des moteurs LandTrendr et timescan de Timestack</translation>
    </message>
    <message>
        <location filename="../timestack/gui/warm_up.py" line="46"/>
        <source>Kernel warm-up failed ({0}); the first run will compile instead.</source>
        <translation>Échec du préchauffage des noyaux ({0}) ; la première exécution les compilera.</translation>
    </message>
</context>
<context>
    <name>ZonalPanel</name>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="73"/>
        <source>Time stacks</source>
        <translation>Piles temporelles</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="75"/>
        <source>Scenes of a search result</source>
        <translation>Scènes d'un résultat de recherche</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="90"/>
        <source>STAC items (*.json *.parquet)</source>
        <translation>Items STAC (*.json *.parquet)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="93"/>
        <source>Bands or indices, comma separated; empty measures every band of a stack</source>
        <translation>Bandes ou indices, séparés par des virgules ; vide : mesure toutes les bandes d'une pile</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="102"/>
        <source>e.g. 10, 90</source>
        <translation>p. ex. 10, 90</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="107"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="110"/>
        <source>Compute statistics</source>
        <translation>Calculer les statistiques</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="111"/>
        <source>Save as recurring job…</source>
        <translation>Enregistrer comme tâche récurrente…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="115"/>
        <source>crontab line of the saved job</source>
        <translation>ligne crontab de la tâche enregistrée</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="118"/>
        <source>Pick polygon on map</source>
        <translation>Choisir un polygone sur la carte</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="122"/>
        <source>Export plot as PNG…</source>
        <translation>Exporter le graphique en PNG…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="128"/>
        <source>Polygons</source>
        <translation>Polygones</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="129"/>
        <source>Id field</source>
        <translation>Champ identifiant</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="133"/>
        <source>Measure</source>
        <translation>Mesurer</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="134"/>
        <source>Stack</source>
        <translation>Pile</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="135"/>
        <source>LandTrendr fit (optional)</source>
        <translation>Ajustement LandTrendr (facultatif)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="136"/>
        <source>Search result</source>
        <translation>Résultat de recherche</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="137"/>
        <source>Bands / indices</source>
        <translation>Bandes / indices</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="147"/>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="148"/>
        <source>Percentiles</source>
        <translation>Centiles</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="149"/>
        <source>Compile</source>
        <translation>Compiler</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="150"/>
        <source>Minimum valid fraction</source>
        <translation>Fraction valide minimale</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="138"/>
        <source>Output CSV</source>
        <translation>CSV de sortie</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="223"/>
        <source>Polygon statistics</source>
        <translation>Statistiques par polygone</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="217"/>
        <source>Computing…</source>
        <translation>Calcul…</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="227"/>
        <source>{0} rows in {1}. Pick a polygon to see its series.</source>
        <translation>{0} lignes dans {1}. Choisissez un polygone pour voir sa série.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="261"/>
        <source>Compute statistics first, then pick a polygon.</source>
        <translation>Calculez d'abord les statistiques, puis choisissez un polygone.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="280"/>
        <source>Polygon {0} is not in the statistics table.</source>
        <translation>Le polygone {0} n'est pas dans la table des statistiques.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="283"/>
        <source>Export plot</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="283"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="316"/>
        <source>Save recurring job</source>
        <translation>Enregistrer la tâche récurrente</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="316"/>
        <source>Job (*.json)</source>
        <translation>Tâche (*.json)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="325"/>
        <source>A recurring job needs a search result (catalog) and an output CSV.</source>
        <translation>Une tâche récurrente nécessite un résultat de recherche (catalogue) et un CSV de sortie.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="342"/>
        <source>Job saved to {0}; add the line below to your crontab.</source>
        <translation>Tâche enregistrée dans {0} ; ajoutez la ligne ci-dessous à votre crontab.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="67"/>
        <source>The polygons to measure (stands, fields, plots)</source>
        <translation>Les polygones à mesurer (peuplements, parcelles, placettes)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="69"/>
        <source>The field naming each polygon in the table and the plot</source>
        <translation>Le champ qui nomme chaque polygone dans la table et le graphique</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="74"/>
        <source>Measure the yearly bands of a composite stack (fast)</source>
        <translation>Mesurer les bandes annuelles d'une pile de composites (rapide)</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="76"/>
        <source>Measure every masked scene of a search: one value per date</source>
        <translation>Mesurer chaque scène masquée d'une recherche : une valeur par date</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="88"/>
        <source>Optional: LandTrendr&apos;s fitted values, measured beside the stack</source>
        <translation>Facultatif : les valeurs ajustées de LandTrendr, mesurées à côté de la pile</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="100"/>
        <source>The statistics computed per polygon and date</source>
        <translation>Les statistiques calculées par polygone et par date</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="108"/>
        <source>The long table (CSV); empty: a temporary file</source>
        <translation>La table longue (CSV) ; vide : un fichier temporaire</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="116"/>
        <source>Add this line to your crontab to run the saved job on a schedule</source>
        <translation>Ajoutez cette ligne à votre crontab pour exécuter la tâche enregistrée selon une planification</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="141"/>
        <source>Statistics and recurring runs</source>
        <translation>Statistiques et traitements récurrents</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="244"/>
        <source>Choose the polygons first, then pick one on the map.</source>
        <translation>Choisissez d'abord les polygones, puis cliquez sur l'un d'eux sur la carte.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="266"/>
        <source>The statistics are of other polygons: compute them for {0} first.</source>
        <translation>Les statistiques portent sur d'autres polygones : calculez-les d'abord pour {0}.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="274"/>
        <source>Choose the Id field naming the polygons, then pick one again.</source>
        <translation>Choisissez le champ identifiant qui nomme les polygones, puis cliquez de nouveau sur l'un d'eux.</translation>
    </message>
    <message>
        <location filename="../timestack/gui/zonal_panel.py" line="329"/>
        <source>A recurring job runs without QGIS: save the polygons to a file (Export ▸ Save Features As…) and pick that layer.</source>
        <translation>Une tâche récurrente s'exécute sans QGIS : enregistrez les polygones dans un fichier (Exporter ▸ Sauvegarder les entités sous…) et choisissez cette couche.</translation>
    </message>
</context>
<context>
    <name>ZonalStatsAlgorithm</name>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="73"/>
        <source>Polygon statistics over time</source>
        <translation>Statistiques par polygone dans le temps</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="99"/>
        <source>Polygons</source>
        <translation>Polygones</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="104"/>
        <source>Polygon id field</source>
        <translation>Champ identifiant des polygones</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="109"/>
        <source>Time stacks (bands named YYYY_variable)</source>
        <translation>Piles temporelles (bandes nommées YYYY_variable)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="117"/>
        <source>Scenes (ItemCollection JSON or stac-geoparquet), instead of stacks</source>
        <translation>Scènes (JSON ItemCollection ou stac-geoparquet), au lieu de piles</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="125"/>
        <source>Bands (comma separated; stacks: empty = all)</source>
        <translation>Bandes (séparées par des virgules ; piles : vide = toutes)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="131"/>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="140"/>
        <source>Percentiles (comma separated, e.g. 10, 90)</source>
        <translation>Centiles (séparés par des virgules, p. ex. 10, 90)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="145"/>
        <source>Compile dates</source>
        <translation>Compiler les dates</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="145"/>
        <source>None (every date)</source>
        <translation>Aucune (chaque date)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="145"/>
        <source>Weekly</source>
        <translation>Hebdomadaire</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="145"/>
        <source>Monthly</source>
        <translation>Mensuelle</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="145"/>
        <source>Yearly</source>
        <translation>Annuelle</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="145"/>
        <source>Whole period</source>
        <translation>Toute la période</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="159"/>
        <source>Minimum valid fraction of a polygon to keep a date</source>
        <translation>Fraction valide minimale d'un polygone pour garder une date</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="169"/>
        <source>Mask in scenes</source>
        <translation>Masque dans les scènes</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="175"/>
        <source>Statistics (long table)</source>
        <translation>Statistiques (table longue)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="180"/>
        <source>Wide table (one row per polygon, the mean or first statistic)</source>
        <translation>Table large (une ligne par polygone, la moyenne ou la première statistique)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="296"/>
        <source>PERCENTILES: {0} is not a whole number from 0 to 100.</source>
        <translation>PERCENTILES : {0} n'est pas un nombre entier de 0 à 100.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="323"/>
        <source>Polygon {0}: invalid geometry repaired (MakeValid).</source>
        <translation>Polygone {0} : géométrie invalide réparée (MakeValid).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="360"/>
        <source>Give either time stacks (INPUT) or scenes (ITEMS), not both and not neither.</source>
        <translation>Indiquez soit des piles temporelles (INPUT) soit des scènes (ITEMS), pas les deux ni aucun.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="385"/>
        <source>{0} scenes over the polygons</source>
        <translation>{0} scènes sur les polygones</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="418"/>
        <source>Polygon statistics</source>
        <translation>Statistiques par polygone</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="428"/>
        <source>Polygon statistics (wide)</source>
        <translation>Statistiques par polygone (large)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="432"/>
        <source>{0} rows written to {1}</source>
        <translation>{0} lignes écrites dans {1}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="76"/>
        <source>Statistics of every polygon (stand, field, catchment) over time, computed exactly with exactextract (each pixel weighted by the share of it the polygon covers).

Give either time stacks (INPUT: composites, LandTrendr fitted values or timescans whose band descriptions start with the date, e.g. 1990_nbr) or a search result (ITEMS: ItemCollection JSON or stac-geoparquet); scenes are cloud-masked with QA_PIXEL or SCL before the bands and indices in BANDS/INDICES are measured.

The output is a long table (id, date, variable, one column per statistic); valid_fraction is the unmasked share of the polygon. COMPILE aggregates dates to weeks, months, years or the whole period, weighting each date by its valid pixel count, after dropping dates whose valid fraction is below MIN_VALID_FRACTION. Count, mean, std, min and max of a period are exact; a period&apos;s median and percentiles are the count-weighted mean of the dates&apos; values, an approximation (the exact value needs every pixel). The optional wide table has one row per polygon and can be joined to the polygons by their id.</source>
        <translation>Statistiques de chaque polygone (peuplement, parcelle, bassin versant) dans le temps, calculées exactement avec exactextract (chaque pixel est pondéré par la part de sa surface que couvre le polygone).

Indiquez soit des piles temporelles (INPUT : composites, valeurs ajustées de LandTrendr ou timescans dont les descriptions de bandes commencent par la date, p. ex. 1990_nbr) soit un résultat de recherche (ITEMS : JSON ItemCollection ou stac-geoparquet) ; les nuages des scènes sont masqués avec QA_PIXEL ou SCL avant que les bandes et indices de BANDS/INDICES soient mesurés.

La sortie est une table longue (id, date, variable, une colonne par statistique) ; valid_fraction est la part non masquée du polygone. COMPILE agrège les dates en semaines, mois, années ou sur toute la période, en pondérant chaque date par son nombre de pixels valides, après avoir écarté les dates dont la fraction valide est inférieure à MIN_VALID_FRACTION. Le nombre, la moyenne, l'écart-type, le minimum et le maximum d'une période sont exacts ; la médiane et les centiles d'une période sont la moyenne pondérée par le nombre des valeurs des dates, une approximation (la valeur exacte nécessite chaque pixel). La table large facultative a une ligne par polygone et peut être jointe aux polygones par leur identifiant.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="413"/>
        <source>Polygon statistics cannot run safely in this QGIS session: {0}</source>
        <translation>Les statistiques par polygone ne peuvent pas s'exécuter sans risque dans cette session QGIS : {0}</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="189"/>
        <source>Polygons with a valid pixel on at least one date</source>
        <translation>Polygones ayant un pixel valide à au moins une date</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="194"/>
        <source>Polygons without a valid pixel on any date (all counts 0)</source>
        <translation>Polygones sans pixel valide à aucune date (tous les comptes à 0)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="200"/>
        <source>Rows in the long table (0: empty)</source>
        <translation>Lignes de la table longue (0 : vide)</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="267"/>
        <source>{0}: {1} does not exist; choose an existing file.</source>
        <translation>{0} : {1} n'existe pas ; choisissez un fichier existant.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="270"/>
        <source>{0}: {1} is empty (0 bytes); write it again or choose another file.</source>
        <translation>{0} : {1} est vide (0 octet) ; écrivez-le de nouveau ou choisissez un autre fichier.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="281"/>
        <source>INPUT: {0} is not a raster GDAL can read (damaged, or another kind of file); choose a time stack GeoTIFF whose bands are named YYYY_variable.</source>
        <translation>INPUT : {0} n'est pas un raster lisible par GDAL (endommagé, ou d'un autre type) ; choisissez une pile temporelle GeoTIFF dont les bandes sont nommées AAAA_variable.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="285"/>
        <source>POLYGONS: {0} is not a vector layer GDAL can read (damaged, or another kind of file); choose a polygon layer (GeoPackage, shapefile, GeoJSON).</source>
        <translation>POLYGONS : {0} n'est pas une couche vecteur lisible par GDAL (endommagée, ou d'un autre type) ; choisissez une couche de polygones (GeoPackage, shapefile, GeoJSON).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="308"/>
        <source>INDICES: {0} is not an index Timestack computes; use one of {1}.</source>
        <translation>INDICES : {0} n'est pas un indice que Timestack calcule ; utilisez l'un de {1}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="440"/>
        <source>No polygon covers a valid pixel of {0} on any date: every count is 0 and every other statistic empty. Check that POLYGONS lie over the data (their extent and CRS) and, for scenes, that MASK leaves pixels.</source>
        <translation>Aucun polygone ne couvre un pixel valide de {0} à aucune date : chaque compte vaut 0 et toutes les autres statistiques sont vides. Vérifiez que POLYGONS se trouvent sur les données (leur emprise et leur SCR) et, pour les scènes, que MASK laisse des pixels.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="451"/>
        <source>{0} of {1} polygons cover no valid pixel of {2} on any date (count 0, other statistics empty): {3}.</source>
        <translation>{0} polygones sur {1} ne couvrent aucun pixel valide de {2} à aucune date (compte 0, autres statistiques vides) : {3}.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="458"/>
        <source>No date of any polygon reaches MIN_VALID_FRACTION {0}: the table has no rows. Lower MIN_VALID_FRACTION.</source>
        <translation>Aucune date d'aucun polygone n'atteint MIN_VALID_FRACTION {0} : la table n'a aucune ligne. Baissez MIN_VALID_FRACTION.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="91"/>
        <source>DASK_SCHEDULER (advanced) measures chunks of 100 polygons per stack, or one scene at a time, on a dask.distributed cluster; its workers read the stacks or scenes themselves, so local files must be at the same path on them (a shared file system).</source>
        <translation>DASK_SCHEDULER (avancé) mesure les polygones par lots de 100 par pile, ou une scène à la fois, sur une grappe dask.distributed ; ses workers lisent eux-mêmes les piles ou les scènes, les fichiers locaux doivent donc s'y trouver au même chemin (système de fichiers partagé).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="202"/>
        <source>The polygons (stands, plots, fields) whose pixels are summarised, one row per polygon and date; reprojected to each raster&apos;s CRS, pixels weighted by the share inside the polygon.</source>
        <translation>Les polygones (peuplements, placettes, parcelles) dont les pixels sont résumés, une ligne par polygone et date ; reprojetés dans le SCR de chaque raster, pixels pondérés par leur part à l'intérieur du polygone.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="202"/>
        <source>The polygons&apos; field that identifies each polygon in the tables.</source>
        <translation>Le champ des polygones qui identifie chaque polygone dans les tables.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="202"/>
        <source>Time stacks whose band descriptions start with the date (1990_nbr): composites, LandTrendr&apos;s fitted values, timescans; or give ITEMS instead.</source>
        <translation>Des stacks temporels dont les descriptions de bandes commencent par la date (1990_nbr) : composites, valeurs ajustées de LandTrendr, timescans ; ou indiquez plutôt ITEMS.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="202"/>
        <source>The scenes of &apos;Search scenes&apos; (ItemCollection JSON or stac-geoparquet), summarised per scene date after masking; instead of time stacks.</source>
        <translation>Les scènes de « Rechercher des scènes » (JSON ItemCollection ou stac-geoparquet), résumées par date de scène après masquage ; au lieu de stacks temporels.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="202"/>
        <source>Variables to summarise, separated by commas (nbr, red…); empty: every variable of the stacks (scenes: give BANDS or INDICES).</source>
        <translation>Variables à résumer, séparées par des virgules (nbr, red…) ; vide : chaque variable des stacks (scènes : indiquez BANDS ou INDICES).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="202"/>
        <source>Statistics of each polygon's valid pixels per date, in the variable's own unit (count: pixels; valid_fraction: 0–1 share of the polygon with a valid pixel).</source>
        <translation>Statistiques des pixels valides de chaque polygone par date, dans l'unité de la variable (count : pixels ; valid_fraction : part de 0 à 1 du polygone ayant un pixel valide).</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="202"/>
        <source>Percentiles of each polygon&apos;s valid pixels to add, separated by commas, each from 0 to 100 (10, 90: the 10th and 90th); empty: none.</source>
        <translation>Centiles des pixels valides de chaque polygone à ajouter, séparés par des virgules, chacun de 0 à 100 (10, 90 : le 10e et le 90e) ; vide : aucun.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="202"/>
        <source>Combine the dates of each polygon into weekly, monthly, yearly or whole-period rows, weighted by their valid pixel counts; None keeps one row per date.</source>
        <translation>Regrouper les dates de chaque polygone en lignes hebdomadaires, mensuelles, annuelles ou sur toute la période, pondérées par leur nombre de pixels valides ; Aucune garde une ligne par date.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="202"/>
        <source>Drop a polygon's date when less than this share of the polygon (0–1) has valid pixels, e.g. 0.5 for a mostly clouded scene; 0 keeps every date.</source>
        <translation>Écarter la date d'un polygone quand moins que cette part du polygone (0–1) a des pixels valides, par ex. 0,5 pour une scène presque entièrement nuageuse ; 0 garde chaque date.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="202"/>
        <source>The long table (CSV): one row per polygon, date and variable, one column per statistic.</source>
        <translation>La table longue (CSV) : une ligne par polygone, date et variable, une colonne par statistique.</translation>
    </message>
    <message>
        <location filename="../timestack/processing/zonal_stats.py" line="202"/>
        <source>Optional wide table (CSV): one row per polygon, one column per date and variable, holding the mean (or the first statistic).</source>
        <translation>Table large facultative (CSV) : une ligne par polygone, une colonne par date et variable, contenant la moyenne (ou la première statistique).</translation>
    </message>
</context>
</TS>

"""ASTER L1T calibration and per-subsystem scenes: radiance from DNs with the Handbook's unit conversion
coefficients, brightness temperature against an independent Planck formulation and the K1/K2 constants
quoted in the literature, reflectance, nodata and saturation, gains, and the files a run writes.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
import rasterio
from scipy import constants

from tests.helpers.aster import EXTENT_M, X0, Y0, aster_item, dn_for_radiance, write_aster_scene, write_items
from timestack.core.aster.calibration import (
    BANDS,
    EFFECTIVE_WAVELENGTH_UM,
    SUBSYSTEMS,
    UNIT_CONVERSION,
    band_name,
    brightness_temperature,
    dn_to_radiance,
    earth_sun_distance,
    parse_gains,
    radiance_to_reflectance,
    unit_conversion,
)
from timestack.core.aster.scene import (
    AsterSettings,
    run_aster_scenes,
    scene_from_files,
    scenes_from_items,
    subsystem_variables,
)
from timestack.core.indices import ASTER_INDICES, BAND_ALIASES, INDICES, REFLECTIVE_BANDS
from timestack.core.runtime import Cancelled, TimestackError

SCENE = "AST_L1T_00307152004183512_20150503105520_12345"
RESOLUTION = {"VNIR": 15.0, "SWIR": 30.0, "TIR": 90.0}
WHEN = dt.datetime(2004, 7, 15, 18, 35, 12)


def planck_radiance(temperature: float, wavelength_um: float) -> float:
    """Spectral radiance (W m⁻² sr⁻¹ µm⁻¹) of a black body, from h, c and k in SI units (scipy)."""
    wavelength = wavelength_um * 1e-6
    h, c, k = constants.h, constants.c, constants.k
    per_metre = 2 * h * c**2 / wavelength**5 / (math.exp(h * c / (wavelength * k * temperature)) - 1)
    return per_metre * 1e-6


def test_radiance_is_dn_minus_one_times_the_handbook_coefficient_per_gain():
    dn = np.array([1, 2, 101, 254], dtype=np.uint8)
    # Handbook v2 Table 5: band 1 high 0.676, normal 1.688, low 1 2.25.
    assert dn_to_radiance(dn, "1", "HGH") == pytest.approx([0.0, 0.676, 67.6, 253 * 0.676], rel=1e-6)
    assert dn_to_radiance(dn, "1", "NOR") == pytest.approx([0.0, 1.688, 168.8, 253 * 1.688], rel=1e-6)
    assert dn_to_radiance(dn, "1", "LO1") == pytest.approx([0.0, 2.25, 225.0, 253 * 2.25], rel=1e-6)
    # SWIR band 5 low 2 (0.409) is 5.9 times low 1 (0.0925).
    assert dn_to_radiance(np.array([11]), "5", "LO2")[0] == pytest.approx(4.09, rel=1e-6)
    # TIR band 13: one gain, 5.693e-3.
    assert dn_to_radiance(np.array([1001], dtype=np.uint16), "13")[0] == pytest.approx(5.693, rel=1e-6)


def test_dn_zero_and_saturated_dns_are_nodata():
    vnir = dn_to_radiance(np.array([0, 1, 255], dtype=np.uint8), "3N")
    assert np.isnan(vnir[0]) and vnir[1] == 0.0 and np.isnan(vnir[2])
    tir = dn_to_radiance(np.array([0, 4094, 4095], dtype=np.uint16), "10")
    assert np.isnan(tir[0]) and np.isfinite(tir[1]) and np.isnan(tir[2])
    assert np.isnan(brightness_temperature(tir, "10")[[0, 2]]).all()


def test_a_gain_a_band_does_not_have_is_a_gains_error():
    with pytest.raises(TimestackError) as error:
        unit_conversion("2", "LO2")
    assert error.value.parameter == "GAINS" and "LO2" in str(error.value)
    with pytest.raises(TimestackError):
        unit_conversion("12", "HGH")


def test_gains_parse_band_gain_pairs_in_metadata_and_plain_spelling():
    assert parse_gains("1:HGH, 3n:low1; b4:lo2, 9:normal") == {
        "1": "HGH",
        "3N": "LO1",
        "4": "LO2",
        "9": "NOR",
    }
    assert parse_gains("") == {}
    for bad in ("3N", "15:NOR", "2:LO2", "1:medium"):
        with pytest.raises(TimestackError) as error:
            parse_gains(bad)
        assert error.value.parameter == "GAINS"


@pytest.mark.parametrize("band", list(EFFECTIVE_WAVELENGTH_UM))
@pytest.mark.parametrize("temperature", [250.0, 288.15, 300.0, 340.0])
def test_brightness_temperature_inverts_an_independent_planck_radiance(band, temperature):
    radiance = planck_radiance(temperature, EFFECTIVE_WAVELENGTH_UM[band])
    assert brightness_temperature(np.array([radiance]), band)[0] == pytest.approx(temperature, abs=2e-3)


def test_brightness_temperature_matches_the_k1_k2_constants_quoted_for_aster():
    # K1 (W m-2 sr-1 um-1) and K2 (K) of bands 10-14 as quoted in the ASTER LST literature (from the
    # Handbook's effective wavelengths): T = K2 / ln(K1 / L + 1).
    k1 = {"10": 3040.136402, "11": 2482.375199, "12": 1935.060183, "13": 866.468575, "14": 641.326517}
    k2 = {"10": 1735.337945, "11": 1666.398761, "12": 1585.420044, "13": 1350.069147, "14": 1271.221673}
    dn = np.array([800, 1200, 1800], dtype=np.uint16)
    for band in k1:
        radiance = (dn - 1.0) * UNIT_CONVERSION[band]["NOR"]
        expected = k2[band] / np.log(k1[band] / radiance + 1.0)
        assert brightness_temperature(dn_to_radiance(dn, band), band) == pytest.approx(expected, abs=0.01)


def test_reflectance_follows_pi_l_d2_over_esun_cos_zenith():
    day = dt.date(2004, 1, 4)  # perihelion: d = 1 - 0.01672
    assert earth_sun_distance(day) == pytest.approx(0.98328, abs=1e-5)
    assert earth_sun_distance(dt.date(2004, 7, 4)) == pytest.approx(1.0167, abs=2e-4)
    radiance = np.array([100.0], dtype=np.float32)
    expected = math.pi * 100.0 * 0.98328**2 / (1848.0 * math.cos(math.radians(30.0)))
    assert radiance_to_reflectance(radiance, "1", 60.0, day)[0] == pytest.approx(expected, rel=1e-5)


def test_aster_band_names_never_collide_with_other_sensors_and_indices_name_aster_bands():
    names = {band_name(band) for band in BANDS}
    assert len(names) == 14 and not names & (set(REFLECTIVE_BANDS) | set(BAND_ALIASES))
    for index in ASTER_INDICES.values():
        assert set(index.bands) <= names, index.name
        # The text expression (Earth Engine form) computes what the formula does.
        values = {band: np.array([0.2 + 0.05 * i]) for i, band in enumerate(sorted(names))}
        assert eval(index.expression, {}, values) == pytest.approx(index.formula(values))  # noqa: S307
    assert {"NDVI", "CLAY_4_6", "ALUNITE_5_7", "CARBONATE_6_8"} <= set(ASTER_INDICES)
    assert "CLAY_4_6" not in INDICES and INDICES["NDVI"].bands == ("nir", "red")


def test_ndvi_and_ratios_use_bands_3n_2_and_4_6_5_7_6_8():
    bands = {band_name(b): np.array([float(i + 1)]) for i, b in enumerate(BANDS)}
    assert ASTER_INDICES["NDVI"].formula(bands)[0] == pytest.approx((3 - 2) / (3 + 2))
    assert ASTER_INDICES["CLAY_4_6"].formula(bands)[0] == pytest.approx(4 / 6)
    assert ASTER_INDICES["ALUNITE_5_7"].formula(bands)[0] == pytest.approx(5 / 7)
    assert ASTER_INDICES["CARBONATE_6_8"].formula(bands)[0] == pytest.approx(6 / 8)


def scene_dns(temperature=300.0):
    """DNs of a scene: VNIR/SWIR radiance 50 (band 1: a nodata corner), TIR at ``temperature``."""
    dns = {band: dn_for_radiance(50.0 if band in ("1", "2", "3N") else 5.0, band) for band in BANDS[:9]}
    vnir_one = np.full((48, 48), dns["1"], dtype=np.uint8)
    vnir_one[:4, :4] = 0
    dns["1"] = vnir_one
    for band in SUBSYSTEMS["TIR"]:
        dns[band] = dn_for_radiance(planck_radiance(temperature, EFFECTIVE_WAVELENGTH_UM[band]), band)
    return dns


def test_a_run_writes_one_file_per_scene_and_subsystem_at_native_resolution(tmp_path):
    paths = write_aster_scene(tmp_path / "scenes", SCENE, scene_dns(300.0))
    items = write_items(tmp_path / "items.json", [aster_item(SCENE, WHEN, paths)])
    settings = AsterSettings(
        scenes_from_items(items),
        tmp_path / "out",
        products=("radiance", "brightness_temperature", "reflectance"),
        indices=("NDVI", "CLAY_4_6"),
    )
    result = run_aster_scenes(settings)
    assert {(s, sub) for s, sub, _ in result.files} == {(SCENE, "VNIR"), (SCENE, "SWIR"), (SCENE, "TIR")}
    expected_res = {"VNIR": 15.0, "SWIR": 30.0, "TIR": 90.0}
    for _, subsystem, path in result.files:
        assert path.name == f"{SCENE}_{subsystem}.tif"
        with rasterio.open(path) as src:
            assert src.res == (expected_res[subsystem],) * 2
            assert src.bounds == pytest.approx((X0, Y0 - EXTENT_M, X0 + EXTENT_M, Y0))
            assert list(src.descriptions) == [
                f"2004-07-15_{v}" for v in subsystem_variables(subsystem, settings.products, settings.indices)
            ]
            data = {d.split("_", 1)[1]: src.read(i + 1) for i, d in enumerate(src.descriptions)}
        if subsystem == "TIR":
            for band in SUBSYSTEMS["TIR"]:
                # DNs are quantised: 300 K within a DN step of the Planck curve.
                assert np.nanmean(data[f"aster_b{band}_bt"]) == pytest.approx(300.0, abs=0.15)
        if subsystem == "VNIR":
            assert np.isnan(data["aster_b1_radiance"][:4, :4]).all()
            assert np.nanmax(np.abs(data["aster_b2_radiance"] - 50.0)) < UNIT_CONVERSION["2"]["NOR"]
            assert np.isfinite(data["ndvi"]).all()
    assert not list((tmp_path / "out").glob(".*")), "no temporary left behind"


def test_gains_change_the_radiance_of_the_bands_named(tmp_path):
    paths = write_aster_scene(tmp_path, SCENE, {"1": 101, "2": 101, "3N": 101}, subsystems=("VNIR",))
    scenes = scene_from_files(paths.values())
    run_aster_scenes(
        AsterSettings(scenes, tmp_path / "out", ("VNIR",), ("radiance",), gains={"1": "HGH", "3N": "LO1"})
    )
    with rasterio.open(tmp_path / "out" / f"{SCENE}_VNIR.tif") as src:
        values = [float(src.read(i)[0, 0]) for i in (1, 2, 3)]
        assert src.tags()["ASTER_GAINS"] == "1:HGH,2:NOR,3N:LO1"
    assert values == pytest.approx([100 * 0.676, 100 * 1.415, 100 * 1.15], rel=1e-6)


def test_the_area_crops_each_subsystem_on_its_own_grid_and_a_scene_outside_is_skipped(tmp_path):
    paths = write_aster_scene(tmp_path, SCENE, scene_dns())
    scenes = scene_from_files(paths.values())
    bounds = (X0 + 90, Y0 - 360, X0 + 270, Y0 - 180)
    result = run_aster_scenes(AsterSettings(scenes, tmp_path / "out", bounds=bounds, bounds_crs="EPSG:32611"))
    shapes = {}
    for _, subsystem, path in result.files:
        with rasterio.open(path) as src:
            shapes[subsystem] = src.shape
            assert src.bounds == pytest.approx(bounds)
    assert shapes == {"VNIR": (12, 12), "SWIR": (6, 6), "TIR": (2, 2)}
    with pytest.raises(TimestackError) as error:
        run_aster_scenes(
            AsterSettings(scenes, tmp_path / "out2", bounds=(0, 0, 100, 100), bounds_crs="EPSG:32611")
        )
    assert error.value.parameter == "EXTENT"
    assert not (tmp_path / "out2").exists()


def test_an_area_inside_one_pixel_gives_that_pixel_of_each_subsystem(tmp_path):
    """A point of interest as a tiny EXTENT (1 m, in one pixel of every subsystem) was "outside the
    area": the window's offset and length were rounded apart, to no pixel."""
    paths = write_aster_scene(tmp_path / "s", SCENE, scene_dns())
    scenes = scene_from_files(paths.values())
    bounds = (X0 + 100, Y0 - 101, X0 + 101, Y0 - 100)
    result = run_aster_scenes(AsterSettings(scenes, tmp_path / "out", bounds=bounds, bounds_crs="EPSG:32611"))
    for *_, path in result.files:
        with rasterio.open(path) as src:
            assert src.shape == (1, 1)
            left, bottom, right, top = src.bounds
            assert left <= bounds[0] and right >= bounds[2] and bottom <= bounds[1] and top >= bounds[3]
    assert sorted(sub for _, sub, _ in result.files) == ["SWIR", "TIR", "VNIR"]


def test_reflectance_without_sun_elevation_skips_the_scene_with_the_reason(tmp_path):
    paths = write_aster_scene(tmp_path / "s", SCENE, scene_dns())
    items = write_items(tmp_path / "items.json", [aster_item(SCENE, WHEN, paths, sun_elevation=None)])
    result = run_aster_scenes(
        AsterSettings(
            scenes_from_items(items),
            tmp_path / "out",
            ("VNIR", "TIR"),
            ("reflectance", "brightness_temperature"),
        )
    )
    assert [sub for _, sub, _ in result.files] == ["TIR"]
    assert result.skipped and "sun elevation" in result.skipped[0][2]


@pytest.mark.parametrize("sun_elevation", [-20.0, 0.0])
def test_reflectance_of_a_night_scene_skips_its_vnir_and_swir_with_the_reason(tmp_path, sun_elevation):
    """Terra images at night too (TIR, sometimes SWIR): with the sun at or below the horizon, cos θs is
    zero or negative and the reflectance came out negative or astronomically large, without a word."""
    paths = write_aster_scene(tmp_path / "s", SCENE, scene_dns())
    item = aster_item(SCENE, WHEN, paths, sun_elevation=sun_elevation)
    items = write_items(tmp_path / "items.json", [item])
    result = run_aster_scenes(
        AsterSettings(
            scenes_from_items(items), tmp_path / "out", ("VNIR", "SWIR", "TIR"),
            ("reflectance", "brightness_temperature"), ("NDVI",),
        )
    )  # fmt: skip
    assert [sub for _, sub, _ in result.files] == ["TIR"]
    assert [sub for _, sub, _ in result.skipped] == ["VNIR", "SWIR"]
    assert all("night scene" in reason for _, _, reason in result.skipped)


def test_a_cancel_leaves_no_file(tmp_path):
    paths = write_aster_scene(tmp_path / "s", SCENE, scene_dns())
    calls = []

    def is_cancelled():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        run_aster_scenes(
            AsterSettings(scene_from_files(paths.values()), tmp_path / "out"), is_cancelled=is_cancelled
        )
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.parametrize(
    "overrides, parameter",
    [
        ({"subsystems": ()}, "SUBSYSTEMS"),
        ({"subsystems": ("PAN",)}, "SUBSYSTEMS"),
        ({"products": ("emissivity",)}, "PRODUCTS"),
        ({"subsystems": ("TIR",), "products": ("reflectance",)}, "PRODUCTS"),
        ({"indices": ("NBR",)}, "INDICES"),
        ({"subsystems": ("VNIR",), "indices": ("CLAY_4_6",)}, "INDICES"),
        ({"scenes": ()}, "ITEMS"),
    ],
)
def test_settings_that_cannot_give_a_result_name_the_parameter(tmp_path, overrides, parameter):
    paths = write_aster_scene(tmp_path / "s", SCENE, scene_dns(), subsystems=("VNIR",))
    settings = {"scenes": scene_from_files(paths.values()), "output_folder": tmp_path / "out", **overrides}
    with pytest.raises(TimestackError) as error:
        run_aster_scenes(AsterSettings(**settings))
    assert error.value.parameter == parameter


def test_items_of_another_collection_and_misnamed_files_are_refused(tmp_path):
    landsat = {
        "type": "Feature",
        "id": "LC08_x",
        "properties": {"datetime": "2020-01-01T00:00:00Z"},
        "assets": {"red": {"href": "a.tif"}},
    }
    with pytest.raises(TimestackError) as error:
        scenes_from_items([landsat])
    assert error.value.parameter == "ITEMS" and "aster-l1t" in str(error.value)
    granule = {**landsat, "id": SCENE, "assets": {"hdf": {"href": f"https://x.invalid/{SCENE}.hdf"}}}
    with pytest.raises(TimestackError) as error:
        scenes_from_items([granule])
    assert "HDF-EOS" in str(error.value)
    for name in ("scene-VNIR.tif", f"{SCENE}-PAN.tif"):
        (tmp_path / name).write_bytes(b"x")
        with pytest.raises(TimestackError) as error:
            scene_from_files([tmp_path / name])
        assert error.value.parameter == "INPUT"


def test_an_hdf_eos_granule_is_read_with_its_gains_sun_and_utm_grid(tmp_path):
    pytest.importorskip("pyhdf")
    from tests.helpers.aster import write_aster_hdf

    dns = {"1": 101, "2": 101, "3N": 101, "4": 11, "13": 1001}
    path = write_aster_hdf(tmp_path, SCENE, dns, dt.date(2004, 7, 15), {"1": "HGH", "3N": "LO1", "4": "LO2"})
    [scene] = scene_from_files([path])
    assert scene.id == SCENE and scene.day == dt.date(2004, 7, 15)
    assert scene.gains == {"1": "HGH", "3N": "LO1", "4": "LO2"} and scene.sun_elevation == 60.0
    result = run_aster_scenes(AsterSettings([scene], tmp_path / "out", products=("radiance",)))
    grids = {}
    for _, subsystem, out in result.files:
        with rasterio.open(out) as src:
            grids[subsystem] = (src.res, src.crs.to_epsg(), tuple(round(v, 6) for v in src.bounds))
            first = float(src.read(1)[0, 0])
            if subsystem == "VNIR":
                assert [float(src.read(i)[0, 0]) for i in (1, 2, 3)] == pytest.approx([67.6, 141.5, 115.0])
                assert src.tags()["ASTER_GAINS"] == "1:HGH,2:NOR,3N:LO1"
            if subsystem == "SWIR":
                assert first == pytest.approx(10 * 0.290)  # band 4, low gain 2
    # UPPERLEFTM is the centre of the upper-left pixel, each subsystem's corner half its own pixel
    # beyond it (the LP DAAC's AST_L1T GeoTIFF conversion); the helper put it at the VNIR pixel's centre.
    corners = {s: (X0 + 7.5 - r / 2, Y0 - 7.5 + r / 2) for s, r in (("VNIR", 15), ("SWIR", 30), ("TIR", 90))}
    for subsystem, (res, epsg, bounds) in grids.items():
        assert res == (RESOLUTION[subsystem],) * 2 and epsg == 32611
        assert (bounds[0], bounds[3]) == pytest.approx(corners[subsystem])
    # the COGs of the same scene give the same radiance on the same grid
    cogs = write_aster_scene(tmp_path / "cogs", SCENE, dns)
    cog_run = run_aster_scenes(
        AsterSettings(scene_from_files(cogs.values()), tmp_path / "cog_out", ("VNIR",), ("radiance",))
    )
    with (
        rasterio.open(cog_run.files[0][2]) as cog,
        rasterio.open(tmp_path / "out" / f"{SCENE}_VNIR.tif") as hdf,
    ):
        assert cog.transform == hdf.transform
        assert cog.read(2) == pytest.approx(hdf.read(2))


def test_a_southern_granule_lies_in_the_southern_utm_zone(tmp_path):
    pytest.importorskip("pyhdf")
    from tests.helpers.aster import write_aster_hdf

    path = write_aster_hdf(tmp_path, SCENE, {}, dt.date(2004, 7, 15), {}, south=True)
    [scene] = scene_from_files([path])
    result = run_aster_scenes(AsterSettings([scene], tmp_path / "out", ("TIR",), ("radiance",)))
    with rasterio.open(result.files[0][2]) as src:
        assert src.crs.to_epsg() == 32711 and src.bounds.top == pytest.approx(Y0 - 7.5 + 45)


def test_a_file_that_is_not_an_aster_granule_is_an_input_error(tmp_path):
    fake = tmp_path / f"{SCENE}.hdf"
    fake.write_text("not HDF\n")
    with pytest.raises(TimestackError) as error:
        scene_from_files([fake])
    assert error.value.parameter == "INPUT" and "HDF-EOS granule GDAL can read" in str(error.value)


def test_indices_are_computed_on_reflectance_from_the_dns_through_the_published_chain(tmp_path):
    dn2, dn3, dn4, dn6 = 40, 120, 90, 60
    paths = write_aster_scene(tmp_path / "s", SCENE, {"2": dn2, "3N": dn3, "4": dn4, "6": dn6, "1": 50})
    items = write_items(tmp_path / "items.json", [aster_item(SCENE, WHEN, paths, sun_elevation=55.0)])
    settings = AsterSettings(
        scenes_from_items(items), tmp_path / "out", ("VNIR", "SWIR"), ("reflectance",), ("NDVI", "CLAY_4_6")
    )
    run_aster_scenes(settings)
    d = 1.0 - 0.01672 * math.cos(math.radians(0.9856 * (WHEN.timetuple().tm_yday - 4)))

    def rho(dn, ucc, esun):  # LP DAAC / Handbook chain, written out
        return math.pi * (dn - 1) * ucc * d**2 / (esun * math.sin(math.radians(55.0)))

    red, nir = rho(dn2, 1.415, 1549.0), rho(dn3, 0.862, 1114.0)
    b4, b6 = rho(dn4, 0.2174, 225.4), rho(dn6, 0.0625, 81.85)
    with rasterio.open(tmp_path / "out" / f"{SCENE}_VNIR.tif") as src:
        values = {n.split("_", 1)[1]: float(src.read(i + 1)[5, 5]) for i, n in enumerate(src.descriptions)}
    assert values["aster_b2_reflectance"] == pytest.approx(red, rel=1e-5)
    assert values["ndvi"] == pytest.approx((nir - red) / (nir + red), rel=1e-5)
    with rasterio.open(tmp_path / "out" / f"{SCENE}_SWIR.tif") as src:
        assert float(src.read(src.count)[3, 3]) == pytest.approx(b4 / b6, rel=1e-5)

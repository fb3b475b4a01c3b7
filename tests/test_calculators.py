"""Savings calculators: each reproduces a published worked example (source and tolerance cited),
imperial inputs of the source round-trip, and bad inputs give a translated message naming the
input."""

from __future__ import annotations

import json
import math
import subprocess
import sys

import pytest

from app.core.calculators import REGISTRY, get
from app.core.errors import UserError
from app.core.messages import render


def run(calc_id: str, **values):
    return REGISTRY[calc_id].run_magnitudes(values)


def test_air_leak_orifice_reproduces_doe_orifice_table():
    # DOE Compressed Air Tip Sheet #3 / "Discharge of air through an orifice" table (Cd = 1,
    # free air at 14.7 psia): 1/4 in at 90 psig = 94.8 cfm; 1/16 in at 100 psig = 6.49 cfm.
    out = run(
        "air_leak_orifice",
        diameter="0.25 inch",
        pressure="90 psi",
        temperature="68 degF",
        atmospheric="14.696 psi",
        cd=1,
    )
    cfm = out["flow"] * 35.3147
    assert cfm == pytest.approx(94.8, rel=0.03)
    out = run(
        "air_leak_orifice",
        diameter="0.0625 inch",
        pressure="100 psi",
        temperature="68 degF",
        atmospheric="14.696 psi",
        cd=1,
    )
    assert out["flow"] * 35.3147 == pytest.approx(6.49, rel=0.03)


def test_air_leak_orifice_metric_equals_imperial_and_energy():
    imperial = run(
        "air_leak_orifice",
        diameter="0.25 inch",
        pressure="90 psi",
        temperature="68 degF",
        cd=1,
        hours=1000,
        specific_power=6,
        tariff=2000,
    )
    metric = run(
        "air_leak_orifice",
        diameter=6.35,
        pressure=6.2053,
        temperature=20,
        cd=1,
        hours=1000,
        specific_power=6,
        tariff=2000,
    )
    assert metric["flow"] == pytest.approx(imperial["flow"], rel=1e-4)
    # electricity = m³/min × kW/(m³/min) × h
    assert metric["electricity"] == pytest.approx(metric["flow"] * 6 * 1000, rel=1e-9)
    assert metric["cost"] == pytest.approx(metric["electricity"] * 2000)


def test_air_leak_down_sourcebook_formula():
    # DOE Sourcebook: leakage (cfm) = V (ft³) × (P1 − P2) (psig) / (T (min) × 14.7) × 1.25.
    # V = 100 ft³, 100 → 90 psig in 1 min: 100 × 10 / 14.7 × 1.25 = 85.03 cfm.
    out = run(
        "air_leak_down",
        volume="100 ft**3",
        p_start="100 psi",
        p_end="90 psi",
        duration="1 minute",
        atmospheric="14.7 psi",
    )
    assert out["flow"] * 35.3147 == pytest.approx(85.03, rel=0.002)


def test_pressure_reduction_doe_rule():
    # DOE: every 2 psi lower saves ~1 %: 10 psi lower on 100 kW × 8,000 h = 5 % = 40,000 kWh.
    out = run(
        "air_pressure_reduction", power=100, p_before="110 psi", p_after="100 psi", hours=8000
    )
    assert out["share"] == pytest.approx(5.0, rel=0.01)
    assert out["electricity"] == pytest.approx(40000, rel=0.01)


def test_steam_trap_reproduces_doe_tip_sheet_1():
    # DOE Steam Tip Sheet #1: 1/8 in trap stuck open on 150 psig: 75.8 lb/h; at $10/1,000 lb and
    # 8,760 h: $6,640/yr. Tolerance 3 % (Napier with Cd 0.72 against the tip sheet's table).
    out = run(
        "steam_trap",
        diameter="0.125 inch",
        pressure="150 psi",
        atmospheric="14.696 psi",
        hours=8760,
        steam_price=10 / 0.45359237,
    )  # $ per tonne
    assert out["rate"] / 0.45359237 == pytest.approx(75.8, rel=0.03)
    assert out["cost"] == pytest.approx(6640, rel=0.03)


def test_steam_trap_fuel_behind_steam():
    out = run(
        "steam_trap",
        diameter=3,
        pressure=8,
        hours=8000,
        enthalpy=2450,
        efficiency=85,
        ncv=43,
        fuel_price=20000,
    )
    assert out["fuel"] == pytest.approx(out["steam"] * 2450 / (0.85 * 43000), rel=1e-9)
    assert out["cost"] == pytest.approx(out["fuel"] * 1000 * 20000, rel=1e-9)


def test_motor_replacement_doe_formula():
    # DOE motor tip sheet formula: kW = hp × 0.746 × L × (100/E_std − 100/E_prem); the inputs
    # below are ours (not the tip sheet's), the expected value is that formula by hand.
    # 100 hp, 75 % load, 93.6 % → 95.4 %, 8,000 h: 100×0.746×0.75×(100/93.6−100/95.4)×8000 = 9,020 kWh.
    out = run("motor_replacement", power="100 hp", load=75, eff_old=93.6, eff_new=95.4, hours=8000)
    expected = 100 * 0.7457 * 0.75 * (100 / 93.6 - 100 / 95.4) * 8000
    assert out["electricity"] == pytest.approx(expected, rel=0.001)
    assert out["electricity"] == pytest.approx(9020, rel=0.01)


def test_vsd_cube_law_and_static_head():
    # No static head: cube law, 50 % flow → 12.5 % of full power (affinity laws).
    out = run(
        "vsd_pump_fan",
        power_full=100,
        power_now=80,
        flow_ratio=50,
        static_share=0,
        drive_eff=100,
        hours=1000,
    )
    assert out["power_vsd"] == pytest.approx(12.5)
    assert out["electricity"] == pytest.approx((80 - 12.5) * 1000)
    # 40 % static head: P2/P1 = 0.5 × (0.4 + 0.6 × 0.25) = 0.275
    out = run(
        "vsd_pump_fan", power_full=100, power_now=80, flow_ratio=50, static_share=40, drive_eff=100
    )
    assert out["power_vsd"] == pytest.approx(27.5)


def test_lighting_retrofit():
    # 100 T8 luminaires at 46 W (36 W tube + magnetic ballast) → 100 LED at 18 W, 3,000 h.
    out = run(
        "lighting_retrofit",
        count_old=100,
        watt_old=46,
        count_new=100,
        watt_new=18,
        hours=3000,
        tariff=2000,
    )
    assert out["electricity"] == pytest.approx(8400)
    assert out["cost"] == pytest.approx(16_800_000)


def test_power_factor_kvar_and_evn_charge():
    # Textbook: 500 kW from cos φ 0.75 to 0.95: Qc = 500 × (0.8819 − 0.3287) = 276.6 kvar.
    out = run("power_factor", power=500, cos_now=0.75, cos_target=0.95, hours=1000, tariff=2000)
    assert out["kvar"] == pytest.approx(276.6, rel=0.002)
    # k = 0.9/0.75 − 1 = 20 % of the active-energy bill (500 MWh × 2,000 VND)
    assert out["k_now"] == pytest.approx(20.0)
    assert out["cost"] == pytest.approx(0.2 * 500_000 * 2000)


def test_cooling_tower_femp_example():
    # FEMP: raising cycles of concentration from 3 to 6 reduces make-up water by 20 %.
    out = run("cooling_tower", circulation=1000, delta_t=5, cycles_now=3, cycles_new=6, hours=1)
    assert 1 - out["makeup_new"] / out["makeup_now"] == pytest.approx(0.20, rel=1e-6)


def test_solar_pv_uses_grid_factor():
    out = run(
        "solar_pv",
        kwp=100,
        yield_=1300,
        self_share=80,
        tariff=2000,
        export_price=1000,
        grid_ef=0.6592,
    )
    assert out["electricity"] == pytest.approx(130000)
    assert out["cost"] == pytest.approx(130000 * (0.8 * 2000 + 0.2 * 1000))
    assert out["co2"] == pytest.approx(130 * 0.6592)
    # default grid factor comes from resources/reference (latest official year)
    assert REGISTRY["solar_pv"].input("grid_ef").default == pytest.approx(0.6592)


def test_material_recovery():
    out = run(
        "material_recovery",
        quantity=10000,
        rate=30,
        price=50000,
        treatment=5000,
        operating=1_000_000,
    )
    assert out["material"] == pytest.approx(3000)
    assert out["cost"] == pytest.approx(3000 * 55000 - 1_000_000)


def test_material_recovery_reproduces_koch_thf_recovery_case():
    # Koch Modular Process Systems, "Separations Savvy" newsletter Vol. 2 No. 8, "Solvent
    # Recovery Systems Pay for Themselves" (kochmodular.com/about-us/separations-savvy/
    # newsletter-vol2-no8/): a THF recovery system for a pharmaceutical company recovered
    # 94.1 % of the THF in the feed; "annual savings from the recovered solvent" $2.2 MM,
    # operating cost $200,000 per year (utilities and manpower), installed cost $3.8 MM, "paid
    # for itself in less than two years". The source gives the recovered solvent's value, not
    # the feed tonnage and price apart, so the feed is taken as 1,000 t/yr and the price as the
    # one that makes 94.1 % of it worth $2.2 MM; what is checked is the net saving
    # (2.2 − 0.2 = 2.0 MM $/yr, tolerance 0.5 %) and the payback under two years.
    price = 2_200_000 / (1000 * 0.941)
    out = run(
        "material_recovery",
        quantity=1000,
        rate=94.1,
        price=price,
        treatment=0,
        operating=200_000,
    )
    assert out["material"] == pytest.approx(941)
    assert out["cost"] == pytest.approx(2_000_000, rel=0.005)
    assert 3_800_000 / out["cost"] == pytest.approx(1.9, abs=0.01)
    assert 3_800_000 / out["cost"] < 2


def test_material_recovery_reproduces_atlanta_blanket_wash_recovery():
    # P2 InfoHouse document ref/09/08034 (infohouse.p2ric.org/ref/09/08034.htm): a lithographic
    # printer in Atlanta, GA used about 23 gallons of blanket wash a day; with a rag centrifuge
    # and a solvent still (1994) "approximately 43 percent" is recovered, "ten gallons per day".
    # The calculator is linear in the quantity, so a daily figure gives a daily figure;
    # tolerance 2 % (the source rounds 9.9 to ten). Same in litres (1 US gal = 3.785 41 L).
    out = run("material_recovery", quantity=23, rate=43, price=0)
    assert out["material"] == pytest.approx(10, rel=0.02)
    litres = run("material_recovery", quantity=23 * 3.785411784, rate=43, price=0)
    assert litres["material"] / 3.785411784 == pytest.approx(out["material"])


@pytest.mark.parametrize(
    ("calc_id", "values", "field", "en_word"),
    [
        (
            "motor_replacement",
            {"power": 10, "eff_old": 150, "eff_new": 95},
            "eff_old",
            "Present motor efficiency",
        ),
        ("air_leak_orifice", {"diameter": 3, "hours": -5}, "hours", "Operating hours per year"),
        (
            "steam_trap",
            {"diameter": 3, "pressure": "-0.5 bar"},
            "pressure",
            "Steam pressure (gauge)",
        ),
        ("air_leak_down", {"volume": 1, "p_start": 6, "p_end": 7}, "p_end", "End pressure (gauge)"),
        ("steam_trap", {"diameter": 3, "efficiency": 120}, "efficiency", "Boiler efficiency"),
        ("air_leak_orifice", {"diameter": "abc"}, "diameter", "Leak orifice diameter"),
        ("air_leak_orifice", {"diameter": "3 kg"}, "diameter", "Leak orifice diameter"),
    ],
)
def test_bad_inputs_name_the_input_in_both_languages(calc_id, values, field, en_word):
    with pytest.raises(UserError) as info:
        REGISTRY[calc_id].run(values)
    problem = info.value.problem
    assert problem.location.field == field
    assert en_word in render(problem, "en")
    vi = render(problem, "vi")
    assert REGISTRY[calc_id].input(field).name_vi in vi


def test_missing_and_unknown():
    with pytest.raises(UserError) as info:
        REGISTRY["motor_replacement"].run({"power": 10})
    assert "Present motor efficiency" in render(info.value.problem, "en")
    with pytest.raises(UserError) as info:
        get("nope")
    assert "nope" in render(info.value.problem, "en")


def test_every_calculator_has_bilingual_metadata_and_source():
    for calc in REGISTRY.values():
        assert calc.name_vi and calc.name_en and calc.source
        assert calc.func.__module__ and sys.modules[calc.func.__module__].__doc__
        for spec in (*calc.inputs, *calc.outputs):
            assert spec.name_vi and spec.name_en and spec.name_vi != spec.name_en, (
                calc.id,
                spec.key,
            )


def _cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, timeout=60
    )


def test_cli_list_and_run_json():
    done = _cli("calc", "--list", "--lang", "vi")
    assert done.returncode == 0
    assert "Rò rỉ khí nén" in done.stdout
    done = _cli(
        "calc",
        "steam_trap",
        "-i",
        "diameter=0.125 inch",
        "-i",
        "pressure=150 psi",
        "-i",
        "hours=8760",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["outputs"]["rate"]["value"] / 0.45359237 == pytest.approx(75.8, rel=0.03)


def test_cli_bad_input_is_one_translated_line():
    done = _cli(
        "calc",
        "motor_replacement",
        "-i",
        "power=10",
        "-i",
        "eff_old=150",
        "-i",
        "eff_new=95",
        "--lang",
        "en",
    )
    assert done.returncode == 1
    assert "Present motor efficiency" in done.stderr and "Traceback" not in done.stderr
    done = _cli("calc", "motor_replacement", "-i", "power", "--lang", "en")
    assert done.returncode == 1 and "key=value" in done.stderr


def test_boiler_combustion_siegert():
    # Siegert: natural gas, flue − air = 180 K, O2 3 %: q_A = 180 × (0.66/18 + 0.009) = 8.22 %.
    out = run(
        "boiler_combustion",
        fuel=1,
        t_flue=210,
        t_air=30,
        o2_now=3,
        o2_new=3,
        t_flue_new=210,
        fuel_use=100,
    )
    assert out["eff_now"] == pytest.approx(100 - 8.22, abs=0.01)
    assert out["excess_air"] == pytest.approx(3 / 18 * 100)
    assert out["fuel"] == pytest.approx(0)
    # O2 from 8 % to 3 %: fuel saved = 1 − η_now/η_new
    out = run(
        "boiler_combustion",
        fuel=3,
        t_flue=230,
        t_air=30,
        o2_now=8,
        o2_new=3,
        t_flue_new=230,
        fuel_use=1000,
    )
    eff_now = 100 - 200 * (0.68 / 13 + 0.007)
    eff_new = 100 - 200 * (0.68 / 18 + 0.007)
    assert out["fuel"] == pytest.approx(1000 * (1 - eff_now / eff_new))
    with pytest.raises(UserError) as info:
        REGISTRY["boiler_combustion"].run(
            {"t_flue": 20, "o2_now": 5, "t_flue_new": 200, "fuel_use": 1}
        )
    assert "Flue-gas temperature" in render(info.value.problem, "en")


def test_boiler_combustion_fuel_factors_are_the_testo_table():
    # Testo 330-1 manual, K.4.1 "Fuel parameters" (A2 / B): natural gas 0.660 / 0.009, light oil
    # 0.680 / 0.007, LPG 0.630 / 0.008, anthracite 0.758 / 0.000, wood 0.765 / 0.000; its
    # qA = (FT − AT)·(A2/(21 − O2) + B), η = 100 − qA. Anthracite at 200 K over air and 8 % O2:
    # qA = 200 × 0.758 / 13 = 11.66 %; wood at 150 K, 10 % O2: 150 × 0.765 / 11 = 10.43 %.
    from app.core.calculators.boiler_combustion import SIEGERT

    assert {code: (a1, b) for code, (_, a1, b) in SIEGERT.items()} == {
        1: (0.660, 0.009),
        2: (0.630, 0.008),
        3: (0.680, 0.007),
        4: (0.758, 0.0),
        5: (0.765, 0.0),
    }
    common = {"t_air": 30, "o2_new": 3, "fuel_use": 1}
    coal = run("boiler_combustion", fuel=4, t_flue=230, o2_now=8, t_flue_new=230, **common)
    assert coal["eff_now"] == pytest.approx(100 - 11.66, abs=0.01)
    wood = run("boiler_combustion", fuel=5, t_flue=180, o2_now=10, t_flue_new=180, **common)
    assert wood["eff_now"] == pytest.approx(100 - 10.43, abs=0.01)
    with pytest.raises(UserError) as info:
        REGISTRY["boiler_combustion"].run({**common, "fuel": 6, "t_flue": 200, "o2_now": 5})
    assert info.value.problem.location.field == "fuel"


def test_counter_current_rinse_classic_example():
    # EPA plating guide example: drag-out 1 L/h, ratio 1,000: 1,000 / 31.6 / 10 L/h for 1/2/3 stages.
    out = run(
        "counter_current_rinse", dragout=1, ratio=1000, stages_now=1, stages_new=2, hours=1000
    )
    assert out["flow_now"] == pytest.approx(1000)
    assert out["flow_new"] == pytest.approx(31.6, rel=0.002)
    out = run(
        "counter_current_rinse", dragout="1 L/h", ratio=1000, stages_now=1, stages_new=3, hours=1000
    )
    assert out["flow_new"] == pytest.approx(10.0)
    assert out["water"] == pytest.approx(990)


def test_liquor_ratio():
    # 1,000 t fabric, LR 10 → 6, 2 baths: 8,000 m³ water; steam for 28 → 80 °C at 2,100 kJ/kg.
    out = run(
        "liquor_ratio",
        fabric=1000,
        lr_now=10,
        lr_new=6,
        baths=2,
        t_dye=80,
        t_water=28,
        latent=2100,
        dose=2,
    )
    assert out["water"] == pytest.approx(8000)
    assert out["steam"] == pytest.approx(8_000_000 * 4.186 * 52 / 2100 / 1000)
    assert out["chemicals"] == pytest.approx(16000)


def test_blowdown_spirax_sarco_example():
    # Spirax Sarco, Steam and Condensate Loop Block 3: 10,000 kg/h, F 250 ppm, B 2,500 ppm → 1,111 kg/h.
    out = run("blowdown", steam=10000, tds_feed=250, tds_boiler=2500)
    assert out["rate"] == pytest.approx(1111, rel=0.001)
    # imperial steam rate round-trips
    out_lb = run("blowdown", steam="22046.23 lb/h", tds_feed=250, tds_boiler=2500)
    assert out_lb["rate"] == pytest.approx(out["rate"], rel=1e-5)
    with pytest.raises(UserError) as info:
        REGISTRY["blowdown"].run({"steam": 1, "tds_feed": 300, "tds_boiler": 200})
    assert "Boiler TDS limit" in render(info.value.problem, "en")


def test_condensate_return():
    # 1,000 t at 90 °C replacing 28 °C make-up, η 85 %, DO 43 GJ/t:
    out = run(
        "condensate_return",
        condensate=1000,
        t_condensate=90,
        t_makeup=28,
        efficiency=85,
        ncv=43,
        dose=50,
    )
    energy = 1000 * 1000 * 4.186 * 62 / 0.85 / 1e6
    assert out["energy"] == pytest.approx(energy)
    assert out["fuel"] == pytest.approx(energy / 43)
    assert out["water"] == pytest.approx(1000) and out["chemicals"] == pytest.approx(50)


def test_air_intake_temperature_bee_rule():
    # BEE: about 1 % per 4 °C cooler intake; the absolute-temperature formula gives 1.3 % at 30 °C.
    out = run("air_intake_temperature", power=100, t_now=30, t_new=26, hours=1000)
    assert out["share"] == pytest.approx(1.0, abs=0.35)
    assert out["share"] == pytest.approx(4 / 303.15 * 100, rel=1e-6)
    # Fahrenheit inputs round-trip
    out_f = run("air_intake_temperature", power=100, t_now="86 degF", t_new="78.8 degF", hours=1000)
    assert out_f["share"] == pytest.approx(out["share"], rel=1e-6)


def test_insulation_bare_loss_reproduces_doe_steam_tip_2_table():
    # US DOE AMO, Steam Tip Sheet #2 "Insulate Steam Distribution and Condensate Return Lines",
    # table of heat lost by bare steel steam lines (75 °F still air, 8,760 h/yr), MMBtu/yr per
    # 100 ft: 1-inch at 150 psig (366 °F) 285; 2-inch at 150 psig 480; 4-inch at 15 psig
    # (250 °F) 415. The table does not state the surface emittance; at ε 0.8 (oxidised steel)
    # Churchill–Chu convection lands within 10 % (the ASHRAE 1.32·(ΔT/D)^0.25 rule: +20 %).
    table = ((1.315, 365.9, 285), (2.375, 365.9, 480), (4.5, 249.8, 415))
    for od_inch, t_steam_f, mmbtu in table:
        out = run(
            "insulation",
            diameter=f"{od_inch} inch",
            length="100 ft",
            t_pipe=f"{t_steam_f} degF",
            t_ambient="75 degF",
            emissivity=0.8,
            hours=8760,
        )
        per_metre = mmbtu * 1e6 * 1055.056 / (8760 * 3600) / 30.48  # MMBtu/yr/100 ft → W/m
        assert out["bare"] == pytest.approx(per_metre, rel=0.10)


def test_insulation_valve_counts_as_about_one_metre_of_bare_pipe():
    # Thermaxx Jackets, "The Lonely Uninsulated Steam Valve" (B. Bannon, M. Dubielewicz;
    # thermaxxjackets.com/lonely-uninsulated-steam-valve/), table of Btu/h lost by a standard
    # bare gate valve, 3 to 10 inch at 200, 300 and 400 °F. Divided by this calculator's loss per
    # metre of bare pipe of the same size (ε 0.8, 75 °F still air, the DOE table's conditions;
    # the valve table states no ambient), a valve is 0.8 to 1.2 m of pipe: the help text's
    # "about 1 m per valve" within 20 %. The 10-inch 400 °F entry (25,200 Btu/h, 2.6 m; the
    # row's others rise by ~1.4x a size step) is left out as a probable misprint.
    from app.core.calculators.insulation import surface_loss

    od_m = {3: 0.0889, 4: 0.1143, 6: 0.1683, 8: 0.2191, 10: 0.2731}  # NPS outside diameters
    table = {
        200: {3: 800, 4: 1090, 6: 1560, 8: 2200, 10: 2900},
        300: {3: 1710, 4: 2300, 6: 3300, 8: 4800, 10: 6200},
        400: {3: 2900, 4: 3400, 6: 5800, 8: 8300},
    }
    ambient = (75 - 32) / 1.8 + 273.15
    for t_f, row in table.items():
        for size, btu_h in row.items():
            per_metre = surface_loss((t_f - 32) / 1.8 + 273.15, ambient, od_m[size], 0.8)
            assert btu_h * 0.29307107 / per_metre == pytest.approx(1.0, abs=0.2), (t_f, size)


def test_insulation_help_counts_valves_and_flanges_as_the_fuel_efficiency_booklet_does():
    # UK Fuel Efficiency Booklet 8, "The economic thickness of insulation for hot pipes" (Energy
    # Efficiency Best Practice Programme, 1993, reprinted 1996), section 1, p. 1: an uninsulated
    # valve loses about as much heat as 1 m of uninsulated pipe of the same diameter;
    # uninsulated flanges lose about half that, 0.5 m.
    (length,) = (i for i in get("insulation").inputs if i.key == "length")
    assert "1 m per valve" in length.help_en and "0.5 m per flange pair" in length.help_en
    assert "1 m cho mỗi van" in length.help_vi and "0,5 m cho mỗi cặp mặt bích" in length.help_vi


def test_insulation_bare_loss_by_hand_and_insulation_cuts_it():
    # Churchill–Chu by hand: 60 mm pipe at 150 °C in 25 °C still air, ε 0.9; air at the film
    # temperature 360.65 K interpolated in Incropera's table A.4 (350/400 K): ν 22.09e-6 m²/s,
    # α 31.69e-6 m²/s, k 0.0308 W/m·K, Pr 0.697; Ra = g/T_f·ΔT·D³/(ν·α) = 1.05e6, Nu = 14.70,
    # h_c = 7.55 W/m²·K. Tolerance 3 % (Sutherland's laws against the table).
    out = run(
        "insulation", diameter=60, length=1, t_pipe=150, t_ambient=25, emissivity=0.9, hours=1
    )
    from app.core.calculators.insulation import air_properties, convection_coefficient

    nu, alpha, k = air_properties(360.65)
    assert (nu, alpha, k) == pytest.approx((22.09e-6, 31.69e-6, 0.0308), rel=0.03)
    h_c = convection_coefficient(423.15, 298.15, 0.06)
    assert h_c == pytest.approx(7.55, rel=0.03)
    d, ts, ta = 0.06, 423.15, 298.15
    hand = math.pi * d * (h_c * 125 + 0.9 * 5.670374e-8 * (ts**4 - ta**4))
    assert out["bare"] == pytest.approx(hand, rel=1e-9)
    # 50 mm of k = 0.045 insulation: the loss falls by about 90 % (the DOE tip sheet's
    # "insulation can reduce energy losses by 90 %").
    assert 0.85 < 1 - out["insulated"] / out["bare"] < 0.95
    # inch inputs round-trip
    out_in = run(
        "insulation",
        diameter="2.3622 inch",
        length="3.2808 ft",
        t_pipe="302 degF",
        t_ambient="77 degF",
        hours=1,
    )
    assert out_in["bare"] == pytest.approx(out["bare"], rel=1e-4)


def test_water_leak():
    # orifice equation: 2 mm at 3 bar, Cd 0.6: Q = 0.6 × π/4 × 0.002² × √(2×3e5/998) × 60,000 L/min
    out = run("water_leak", diameter=2, pressure=3, hours=8760)
    hand = 0.6 * math.pi / 4 * 0.002**2 * math.sqrt(2 * 3e5 / 998) * 60000
    assert out["flow"] == pytest.approx(hand)
    out = run("water_leak", measured=1, hours=1000)
    assert out["water"] == pytest.approx(60)


def test_cli_text_output_speaks_the_language():
    args = ("calc", "steam_trap", "-i", "diameter=6", "-i", "pressure=116 psi")
    vi = _cli(*args, "--lang", "vi")
    assert vi.returncode == 0, vi.stderr
    assert "Lưu lượng hơi thất thoát: 96,2 kg/h" in vi.stdout  # Vietnamese decimal mark
    en = _cli(*args, "--lang", "en")
    assert "Steam lost: 96.2 kg/h" in en.stdout and "Source: US DOE" in en.stdout


def test_motor_replacement_reproduces_wmu_worked_example():
    # Western Michigan University Facilities, "Installation of High-Efficiency Motors" (worked
    # example): 20 hp, 80 % loaded, 8,760 h/yr, 5.5 ¢/kWh, 88 % → 92 %: $6,535 − $6,251 = $284
    # per year. Tolerance 0.5 % (the source rounds each cost to the dollar).
    out = run("motor_replacement", power="20 hp", load=80, eff_old=88, eff_new=92, hours=8760)
    assert out["electricity"] * 0.055 == pytest.approx(284, rel=0.005)
    # the same motor entered in kW gives the same saving (unit round trip)
    out_kw = run(
        "motor_replacement", power=20 * 0.745700, load=80, eff_old=88, eff_new=92, hours=8760
    )
    assert out_kw["electricity"] == pytest.approx(out["electricity"], rel=1e-6)


def test_condensate_return_reproduces_doe_steam_tip_8():
    # US DOE AMO, Steam Tip Sheet #8 "Return Condensate to the Boiler" (2012): 10,000 lb/h
    # more condensate at 180 °F, 12 % lost as flash steam, make-up water at 55 °F, boiler 80 %,
    # 8,000 h/yr. Its method: fuel = (1 − 0.12) × 10,000 × 8,000 × (148 − 23) Btu/lb / 0.80
    # = 11,000 MMBtu/yr ($88,000 at $8/MMBtu); water = 70.4 million lb ≈ 8.44 million gal.
    # Tolerance 0.5 %: the tip's enthalpies are rounded to the Btu/lb, ours use c_p = 4.186.
    returned_lb = (1 - 0.12) * 10_000 * 8_000
    out = run(
        "condensate_return",
        condensate=f"{returned_lb} lb",
        t_condensate="180 degF",
        t_makeup="55 degF",
        efficiency=80,
        ncv=43,
    )
    mmbtu = out["energy"] * 1e9 / 1055.056 / 1e6  # GJ → MMBtu
    assert mmbtu == pytest.approx(11_000, rel=0.005)
    assert out["water"] * 264.172 == pytest.approx(returned_lb / 8.34, rel=0.005)  # m³ → gal


def test_power_factor_matches_the_published_multiplier_table():
    # The capacitor multiplier tan φ1 − tan φ2 tabulated in capacitor makers' and utilities'
    # guides (e.g. Schneider Electric, Electrical Installation Guide, chapter L, table "kvar to
    # be installed per kW of load"): from cos φ 0.75 to 0.95 the factor is 0.553 kvar/kW; from
    # 0.80 to 0.95, 0.421. Tolerance: the tables' three decimals.
    for cos_now, factor in ((0.75, 0.553), (0.80, 0.421)):
        out = run("power_factor", power=100, cos_now=cos_now, cos_target=0.95, hours=1, tariff=1)
        assert out["kvar"] / 100 == pytest.approx(factor, abs=0.0006)


def test_water_leak_reproduces_the_published_leak_table():
    # Bryan County (Oklahoma) Rural Water District No. 2, "How bad is that leak?" (republished
    # by the City of Durant): at 60 psi a 1/16-inch stream wastes over 800 gal/day, 1/8 inch
    # 3,200 gal/day, 1/4 inch 13,000 gal/day. Orifice flow with C_d 0.6; tolerance 5 % (the
    # table rounds and does not state its discharge coefficient).
    for hole_inch, gal_per_day in ((1 / 8, 3200), (1 / 4, 13000)):
        out = run("water_leak", diameter=f"{hole_inch} inch", pressure="60 psi", hours=24)
        assert out["water"] * 264.172 == pytest.approx(gal_per_day, rel=0.05)
    small = run("water_leak", diameter="0.0625 inch", pressure="60 psi", hours=24)
    assert small["water"] * 264.172 == pytest.approx(800, rel=0.05)


def test_vsd_reproduces_the_affinity_law_quiz_example():
    # D. W. Spitzer, Flow Control "Quiz Corner: affinity laws for centrifugal pump loads": a pump
    # at 70 % speed (70 % flow, no static head) needs about 34 % of its full-speed power
    # (0.7³ = 0.343). Tolerance: the quiz's two digits.
    out = run(
        "vsd_pump_fan",
        power_full=100,
        power_now=100,
        flow_ratio=70,
        static_share=0,
        drive_eff=100,
        hours=1,
    )
    assert out["power_vsd"] / 100 == pytest.approx(0.34, abs=0.005)


def test_liquor_ratio_reproduces_the_coats_case_study():
    # Coats, "Reducing water use in traditional dyeing machines" (case study): liquor ratio
    # 8:1 → 6.5:1 on old machines is a 19 % water reduction; a modern 4.5:1 machine, 44 %.
    for lr_new, share in ((6.5, 0.19), (4.5, 0.44)):
        out = run("liquor_ratio", fabric=100, lr_now=8, lr_new=lr_new, baths=1)
        assert out["water"] / (100 * 8) == pytest.approx(share, abs=0.005)


def test_lighting_retrofit_reproduces_the_metcalfe_example():
    # Metcalfe Lighting, "How to calculate energy savings for lighting only": a 400 W metal
    # halide fixture replaced by a 150 W LED, 12 h × 365 d = 4,380 h: 1,095 kWh saved. Exact.
    out = run("lighting_retrofit", count_old=1, watt_old=400, count_new=1, watt_new=150, hours=4380)
    assert out["electricity"] == pytest.approx(1095)


def test_solar_pv_reproduces_the_measured_central_vietnam_system():
    # Ngo, Nguyen & Do, "A comprehensive assessment of a rooftop grid-connected photovoltaic
    # system: a case study for Central Vietnam", RERIC journal (2022): 1.32 kWp, capacity
    # utilisation factor 15.07 % over a measured year → 1.32 × 0.1507 × 8,760 = 1,743 kWh/yr;
    # EVN (2018, citing the World Bank): 1,300 kWh/kWp a year in the central provinces.
    out = run("solar_pv", kwp=1.32, yield_=0.1507 * 8760)
    assert out["electricity"] == pytest.approx(1743, rel=0.001)
    assert out["electricity"] / 1.32 == pytest.approx(1300, rel=0.02)


def test_power_factor_charge_reproduces_circular_15_2014_table():
    # Circular 15/2014/TT-BCT (purchase and sale of reactive power), table of the charge k per
    # cos φ as reproduced by the Electric Power University (epu.edu.vn, "Bảng tra hệ số phạt
    # công suất phản kháng"): 0.89 → 1.12 %, 0.80 → 12.5 %, 0.74 → 21.62 %, 0.60 → 50 %,
    # below 0.6 → 52.54 %, from 0.9 up → 0. Tolerance: the table's two decimals.
    table = ((0.89, 1.12), (0.80, 12.5), (0.74, 21.62), (0.60, 50.0), (0.55, 52.54), (0.9, 0.0))
    for cos_phi, k in table:
        out = run("power_factor", power=100, cos_now=cos_phi, cos_target=0.99, hours=1, tariff=1)
        assert out["k_now"] == pytest.approx(k, abs=0.006)

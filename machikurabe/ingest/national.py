"""National baseline: SSDSE-A 2018–2026 (独立行政法人統計センター) and MIC's 類似団体区分 into the same DuckDB file.

Called by machikurabe.ingest.build after the 63-body tables are written. Reads only data/raw/national/ and geo/gazetteer.csv.
Tables (DDL in machikurabe/schema.sql): places, national_indicators, national_values, national_revisions,
national_code_changes; plus data_quality rows of rule ``differs_from_official`` for the 63 bodies.

Every SSDSE file goes through machikurabe.stat_table, the same reader the upload on 比較 uses.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from machikurabe import stat_table
from machikurabe.analysis.units import PER_10000_PEOPLE_JA, decimals_for
from machikurabe.credits import MUNICIPAL_TYPE_CREDIT_JA, SSDSE_CREDIT_JA

ROOT = Path(__file__).resolve().parent.parent.parent
NATIONAL_DIR = ROOT / "data" / "raw" / "national"
SSDSE_FILE = re.compile(r"^SSDSE-A-(\d{4})\.csv$")
FITS_FILE = "FITS-M-List.csv"
PLAN_YEAR = 2019  # the model-project plans were written in 2019

# A change of code on record: 福岡県那珂川町 (40305) became 那珂川市 (40231) on 2018-10-01. SSDSE-A 2018 and 2019
# still print 40305; from 2020 on 40231. 栃木県那珂川町 (09411) is another place and is never touched.
CODE_CHANGES = [
    {"former_code": "40305", "former_name": "那珂川町", "code": "40231", "name": "那珂川市", "prefecture": "福岡県",
     "changed_on": "2018-10-01", "note": "町制から市制へ（那珂川町 → 那珂川市）; same place, new code"},
    # not in any SSDSE-A edition (2018 on), but in older published tables a user may upload (e.g. a 2016 file)
    {"former_code": "04423", "former_name": "富谷町", "code": "04216", "name": "富谷市", "prefecture": "宮城県",
     "changed_on": "2016-10-10", "note": "町制から市制へ（富谷町 → 富谷市）; same place, new code"},
]
FORMER_CODES = {c["former_code"]: c["code"] for c in CODE_CHANGES}
assert FORMER_CODES == stat_table.RECORDED_CODE_CHANGES  # the upload reader applies the same change
assert {(c["prefecture"], c["former_name"]): c["code"] for c in CODE_CHANGES}.items() <= \
    stat_table.RECORDED_NAME_CHANGES.items()

# --- indicator metadata --------------------------------------------------------------------------------------------

_INDUSTRY_EN = {
    "農業，林業": "agriculture and forestry", "農業、林業": "agriculture and forestry", "漁業": "fisheries",
    "鉱業，採石業，砂利採取業": "mining and quarrying", "鉱業、採石業、砂利採取業": "mining and quarrying",
    "建設業": "construction", "製造業": "manufacturing", "電気・ガス・熱供給・水道業": "electricity, gas, heat and water",
    "情報通信業": "information and communications", "運輸業，郵便業": "transport and postal",
    "運輸業、郵便業": "transport and postal", "卸売業，小売業": "wholesale and retail", "卸売業、小売業": "wholesale and retail",
    "金融業，保険業": "finance and insurance", "金融業、保険業": "finance and insurance",
    "不動産業，物品賃貸業": "real estate and rental", "不動産業、物品賃貸業": "real estate and rental",
    "学術研究，専門・技術サービス業": "scientific research, professional and technical services",
    "学術研究、専門・技術サービス業": "scientific research, professional and technical services",
    "宿泊業，飲食サービス業": "accommodation and food services", "宿泊業、飲食サービス業": "accommodation and food services",
    "生活関連サービス業，娯楽業": "living-related services and amusement",
    "生活関連サービス業、娯楽業": "living-related services and amusement",
    "教育，学習支援業": "education and learning support", "教育、学習支援業": "education and learning support",
    "医療，福祉": "medical, health care and welfare", "医療、福祉": "medical, health care and welfare",
    "複合サービス事業": "compound services", "サービス業（他に分類されないもの）": "services not elsewhere classified",
    "公務（他に分類されるものを除く）": "government, not elsewhere classified",
}

# code → (English label, unit ja, unit en, topic, source survey, decimals); C21/C22 industry codes are built below.
_META = {
    "A1101": ("Total population", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A110101": ("Total population (male)", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A110102": ("Total population (female)", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A1102": ("Japanese population", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A110201": ("Japanese population (male)", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A110202": ("Japanese population (female)", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A1301": ("Population under 15", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A130101": ("Population under 15 (male)", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A130102": ("Population under 15 (female)", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A1302": ("Population 15–64", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A130201": ("Population 15–64 (male)", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A130202": ("Population 15–64 (female)", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A1303": ("Population 65 and over", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A130301": ("Population 65 and over (male)", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A130302": ("Population 65 and over (female)", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A1419": ("Population 75 and over", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A141901": ("Population 75 and over (male)", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A141902": ("Population 75 and over (female)", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A1700": ("Foreign population", "人", "persons", "population", "国勢調査 Population Census", 0),
    "A4101": ("Live births", "人", "persons", "population", "人口動態統計 Vital Statistics", 0),
    "A4200": ("Deaths", "人", "persons", "population", "人口動態統計 Vital Statistics", 0),
    "A5101": ("In-migrants (Japanese movers)", "人", "persons", "population",
              "住民基本台帳人口移動報告 Internal Migration Report", 0),
    "A5102": ("Out-migrants (Japanese movers)", "人", "persons", "population",
              "住民基本台帳人口移動報告 Internal Migration Report", 0),
    "A7101": ("Households", "世帯", "households", "households", "国勢調査 Population Census", 0),
    "A710101": ("Private households", "世帯", "households", "households", "国勢調査 Population Census", 0),
    "A710201": ("Members of private households", "人", "persons", "households", "国勢調査 Population Census", 0),
    "A810102": ("Nuclear-family households", "世帯", "households", "households", "国勢調査 Population Census", 0),
    "A810105": ("One-person households", "世帯", "households", "households", "国勢調査 Population Census", 0),
    "A811102": ("Nuclear-family households with a member aged 65+", "世帯", "households", "households",
                "国勢調査 Population Census", 0),
    "A8201": ("Elderly-couple-only households (husband 65+, wife 60+)", "世帯", "households", "households",
              "国勢調査 Population Census", 0),
    "A8301": ("One-person households aged 65+", "世帯", "households", "households", "国勢調査 Population Census", 0),
    "A9101": ("Marriages", "件", "cases", "population", "人口動態統計 Vital Statistics", 0),
    "A9201": ("Divorces", "件", "cases", "population", "人口動態統計 Vital Statistics", 0),
    "B1101": ("Total area (excl. Northern Territories and Takeshima)", "ha", "ha", "land",
              "全国都道府県市区町村別面積調 Area survey (GSI)", 0),
    "B1103": ("Habitable area", "ha", "ha", "land", "統計でみる市区町村のすがた (area survey and forest census)", 0),
    "C2107": ("Establishments", "事業所", "establishments", "economy", "経済センサス Economic Census", 0),
    "C2110": ("Establishments, primary sector", "事業所", "establishments", "economy", "経済センサス Economic Census", 0),
    "C2111": ("Establishments, secondary sector", "事業所", "establishments", "economy", "経済センサス Economic Census", 0),
    "C2112": ("Establishments, tertiary sector", "事業所", "establishments", "economy", "経済センサス Economic Census", 0),
    "C2108": ("Private establishments", "事業所", "establishments", "economy", "経済センサス Economic Census", 0),
    "C2207": ("Persons employed in establishments", "人", "persons", "economy", "経済センサス Economic Census", 0),
    "C2210": ("Persons employed, primary sector", "人", "persons", "economy", "経済センサス Economic Census", 0),
    "C2211": ("Persons employed, secondary sector", "人", "persons", "economy", "経済センサス Economic Census", 0),
    "C2212": ("Persons employed, tertiary sector", "人", "persons", "economy", "経済センサス Economic Census", 0),
    "C2208": ("Persons employed in private establishments", "人", "persons", "economy", "経済センサス Economic Census", 0),
    "C310201": ("Commercial farm households", "戸", "households", "economy", "農林業センサス Census of Agriculture and Forestry", 0),
    "C310202": ("Self-sufficient farm households", "戸", "households", "economy",
                "農林業センサス Census of Agriculture and Forestry", 0),
    "D1202": ("General administration staff", "人", "persons", "finance", "地方公共団体定員管理調査 Local government staffing survey", 0),
    "D2203": ("Current balance ratio", "%", "%", "finance", "市町村別決算状況調 Municipal settlement survey", 1),
    "D2211": ("Real debt service ratio", "%", "%", "finance", "市町村別決算状況調 Municipal settlement survey", 1),
    "D3201": ("Total revenue (settled)", "千円", "thousand yen", "finance", "市町村別決算状況調 Municipal settlement survey", 0),
    "D320101": ("Local taxes", "千円", "thousand yen", "finance", "市町村別決算状況調 Municipal settlement survey", 0),
    "D3203": ("Total expenditure (settled)", "千円", "thousand yen", "finance", "市町村別決算状況調 Municipal settlement survey", 0),
    "D320303": ("Welfare expenditure", "千円", "thousand yen", "finance", "市町村別決算状況調 Municipal settlement survey", 0),
    "D320308": ("Civil engineering expenditure", "千円", "thousand yen", "finance",
                "市町村別決算状況調 Municipal settlement survey", 0),
    "D320310": ("Education expenditure", "千円", "thousand yen", "finance", "市町村別決算状況調 Municipal settlement survey", 0),
    "D320311": ("Disaster recovery expenditure", "千円", "thousand yen", "finance",
                "市町村別決算状況調 Municipal settlement survey", 0),
    "E1101": ("Kindergartens", "園", "kindergartens", "education", "学校基本調査 School Basic Survey", 0),
    "E1501": ("Kindergarten pupils", "人", "persons", "education", "学校基本調査 School Basic Survey", 0),
    "E2101": ("Elementary schools", "校", "schools", "education", "学校基本調査 School Basic Survey", 0),
    "E2401": ("Elementary school teachers", "人", "persons", "education", "学校基本調査 School Basic Survey", 0),
    "E2501": ("Elementary school pupils", "人", "persons", "education", "学校基本調査 School Basic Survey", 0),
    "E3101": ("Junior high schools", "校", "schools", "education", "学校基本調査 School Basic Survey", 0),
    "E3401": ("Junior high school teachers", "人", "persons", "education", "学校基本調査 School Basic Survey", 0),
    "E3501": ("Junior high school pupils", "人", "persons", "education", "学校基本調査 School Basic Survey", 0),
    "E3901": ("Compulsory-education schools", "校", "schools", "education", "学校基本調査 School Basic Survey", 0),
    "E3904": ("Compulsory-education school teachers", "人", "persons", "education", "学校基本調査 School Basic Survey", 0),
    "E3905": ("Compulsory-education school pupils, first stage", "人", "persons", "education",
              "学校基本調査 School Basic Survey", 0),
    "E3906": ("Compulsory-education school pupils, latter stage", "人", "persons", "education",
              "学校基本調査 School Basic Survey", 0),
    "E4101": ("High schools", "校", "schools", "education", "学校基本調査 School Basic Survey", 0),
    "E4501": ("High school students", "人", "persons", "education", "学校基本調査 School Basic Survey", 0),
    "F1102": ("Employed persons", "人", "persons", "labour", "国勢調査 Population Census", 0),
    "F110201": ("Employed persons (male)", "人", "persons", "labour", "国勢調査 Population Census", 0),
    "F110202": ("Employed persons (female)", "人", "persons", "labour", "国勢調査 Population Census", 0),
    "F1107": ("Unemployed persons", "人", "persons", "labour", "国勢調査 Population Census", 0),
    "F110701": ("Unemployed persons (male)", "人", "persons", "labour", "国勢調査 Population Census", 0),
    "F110702": ("Unemployed persons (female)", "人", "persons", "labour", "国勢調査 Population Census", 0),
    "F1108": ("Persons not in the labour force", "人", "persons", "labour", "国勢調査 Population Census", 0),
    "F110801": ("Persons not in the labour force (male)", "人", "persons", "labour", "国勢調査 Population Census", 0),
    "F110802": ("Persons not in the labour force (female)", "人", "persons", "labour", "国勢調査 Population Census", 0),
    "F2201": ("Employed in the primary sector", "人", "persons", "labour", "国勢調査 Population Census", 0),
    "F2211": ("Employed in the secondary sector", "人", "persons", "labour", "国勢調査 Population Census", 0),
    "F2221": ("Employed in the tertiary sector", "人", "persons", "labour", "国勢調査 Population Census", 0),
    "G1201": ("Community centres", "館", "centres", "culture", "社会教育調査 Social Education Survey", 0),
    "G1401": ("Libraries", "館", "libraries", "culture", "社会教育調査 Social Education Survey", 0),
    "H5507": ("Total population (waste survey: with and without flush toilets)", "人", "persons", "population",
              "一般廃棄物処理実態調査 Municipal waste survey (MOE)", 0),
    "H550701": ("Population without flush toilets", "人", "persons", "living", "一般廃棄物処理実態調査 Municipal waste survey (MOE)", 0),
    "H6130": ("Retail stores", "店", "stores", "economy", "経済センサス／商業統計 Economic Census / Census of Commerce", 0),
    "H6131": ("Restaurants", "店", "stores", "economy", "経済センサス／商業統計 Economic Census / Census of Commerce", 0),
    "H6132": ("Large retail stores", "店", "stores", "economy", "経済センサス／商業統計 Economic Census / Census of Commerce", 0),
    "I510120": ("General hospitals", "施設", "facilities", "health", "医療施設調査 Survey of Medical Institutions", 0),
    "I5102": ("General clinics", "施設", "facilities", "health", "医療施設調査 Survey of Medical Institutions", 0),
    "I5103": ("Dental clinics", "施設", "facilities", "health", "医療施設調査 Survey of Medical Institutions", 0),
    "I6100": ("Physicians", "人", "persons", "health", "医師・歯科医師・薬剤師統計 Survey of Physicians, Dentists and Pharmacists", 0),
    "I6200": ("Dentists", "人", "persons", "health", "医師・歯科医師・薬剤師統計 Survey of Physicians, Dentists and Pharmacists", 0),
    "I6300": ("Pharmacists", "人", "persons", "health", "医師・歯科医師・薬剤師統計 Survey of Physicians, Dentists and Pharmacists", 0),
    "J2503": ("Day-care centres", "所", "centres", "welfare", "社会福祉施設等調査 Survey of Social Welfare Institutions", 0),
    "J250302": ("Day-care centres (basic sheet)", "所", "centres", "welfare",
                "社会福祉施設等調査 Survey of Social Welfare Institutions", 0),
    "J2506": ("Children in day-care centres", "人", "persons", "welfare", "社会福祉施設等調査 Survey of Social Welfare Institutions", 0),
}
RATIO_CODES = {"D2203", "D2211"}  # percentages: never summed into a prefecture

# Derived indicators: id → (label ja, label en, unit, unit en, topic, formula, decimals, inputs, function of the wide frame)
DERIVED = [
    ("ageing_rate_pct", "高齢化率", "Ageing rate (65+ share)", "%", "%", "population", "A1303 / A1101 × 100", 1,
     ("A1303", "A1101"), lambda w: w.A1303 / w.A1101 * 100),
    ("over75_share_pct", "75歳以上人口の割合", "Share aged 75+", "%", "%", "population", "A1419 / A1101 × 100", 1,
     ("A1419", "A1101"), lambda w: w.A1419 / w.A1101 * 100),
    ("child_share_pct", "15歳未満人口の割合", "Share under 15", "%", "%", "population", "A1301 / A1101 × 100", 1,
     ("A1301", "A1101"), lambda w: w.A1301 / w.A1101 * 100),
    ("area_km2", "総面積（km²）", "Total area", "km²", "km²", "land", "B1101 / 100 (ha → km²)", 2,
     ("B1101",), lambda w: w.B1101 / 100),
    ("density_per_km2", "人口密度", "Population density", "人/km²", "persons per km²", "population",
     "A1101 / (B1101 / 100), same year (2020)", 1, ("A1101", "B1101"), lambda w: w.A1101 / (w.B1101 / 100)),
    ("habitable_density_per_km2", "可住地人口密度", "Population per km² of habitable area", "人/km²", "persons per km²",
     "population", "A1101 / (B1103 / 100), same year (2020)", 1, ("A1101", "B1103"), lambda w: w.A1101 / (w.B1103 / 100)),
    ("single_elderly_household_pct", "高齢単身世帯の割合", "One-person households aged 65+, share of private households",
     "%", "%", "households", "A8301 / A710101 × 100", 1, ("A8301", "A710101"), lambda w: w.A8301 / w.A710101 * 100),
    ("elderly_couple_household_pct", "高齢夫婦のみ世帯の割合", "Elderly-couple-only households, share of private households",
     "%", "%", "households", "A8201 / A710101 × 100", 1, ("A8201", "A710101"), lambda w: w.A8201 / w.A710101 * 100),
    ("births_per_1000", "出生率（人口千人当たり）", "Births per 1,000 population", "‰", "per 1,000", "population",
     "A4101 / H5507 × 1000 (H5507: population reported the same year)", 2, ("A4101", "H5507"),
     lambda w: w.A4101 / w.H5507 * 1000),
    ("deaths_per_1000", "死亡率（人口千人当たり）", "Deaths per 1,000 population", "‰", "per 1,000", "population",
     "A4200 / H5507 × 1000 (H5507: population reported the same year)", 2, ("A4200", "H5507"),
     lambda w: w.A4200 / w.H5507 * 1000),
    ("net_migration_per_1000", "転入超過率（人口千人当たり）", "Net migration per 1,000 population (Japanese movers)",
     "‰", "per 1,000", "population", "(A5101 − A5102) / H5507 × 1000 (H5507: population reported the same year)", 2,
     ("A5101", "A5102", "H5507"), lambda w: (w.A5101 - w.A5102) / w.H5507 * 1000),
    ("unemployment_rate_pct", "完全失業率", "Unemployment rate", "%", "%", "labour", "F1107 / (F1102 + F1107) × 100", 1,
     ("F1107", "F1102"), lambda w: w.F1107 / (w.F1102 + w.F1107) * 100),
    ("primary_employment_pct", "第1次産業就業者比率", "Primary-sector share of employed", "%", "%", "labour",
     "F2201 / F1102 × 100", 1, ("F2201", "F1102"), lambda w: w.F2201 / w.F1102 * 100),
    ("secondary_employment_pct", "第2次産業就業者比率", "Secondary-sector share of employed", "%", "%", "labour",
     "F2211 / F1102 × 100", 1, ("F2211", "F1102"), lambda w: w.F2211 / w.F1102 * 100),
    ("tertiary_employment_pct", "第3次産業就業者比率", "Tertiary-sector share of employed", "%", "%", "labour",
     "F2221 / F1102 × 100", 1, ("F2221", "F1102"), lambda w: w.F2221 / w.F1102 * 100),
    ("foreign_share_pct", "外国人人口の割合", "Foreign residents, share of population", "%", "%", "population",
     "A1700 / A1101 × 100", 2, ("A1700", "A1101"), lambda w: w.A1700 / w.A1101 * 100),
    ("welfare_spending_per_person_yen", "住民1人当たり民生費", "Welfare expenditure per resident", "円", "yen", "finance",
     "D320303 × 1000 / H5507 (same year)", 0, ("D320303", "H5507"), lambda w: w.D320303 * 1000 / w.H5507),
    ("welfare_spending_share_pct", "民生費の割合（歳出総額比）", "Welfare expenditure, share of total expenditure", "%", "%",
     "finance", "D320303 / D3203 × 100", 1, ("D320303", "D3203"), lambda w: w.D320303 / w.D3203 * 100),
    ("doctors_per_10000", "人口1万人当たり医師数", "Physicians per 10,000 population", PER_10000_PEOPLE_JA,
     "per 10,000 people", "health",
     "I6100 / H5507 × 10000 (same year)", 1, ("I6100", "H5507"), lambda w: w.I6100 / w.H5507 * 10000),
]
POP_CHANGE = ("pop_change_2015_2020_pct", "人口増減率（2015→2020年）", "Population change 2015–2020", "%", "%", "population",
              "(A1101[2020] / A1101[2015] − 1) × 100, stored as year 2020", 2)

# printed (municipalities column) vs official: (column, official indicator, tolerance kind, tolerance, label)
PRINTED_VS_OFFICIAL = [
    ("population", "H5507", "relative", 0.03, "±3 %"),
    ("ageing_rate_pct", "ageing_rate_pct", "points", 1.0, "±1.0 point"),
    ("area_km2", "area_km2", "relative", 0.01, "±1 %"),
    ("households", "A7101", "relative", 0.05, "±5 %"),
    ("elementary_schools", "E2101", "exact", 0, "exact"),
    ("junior_high_schools", "E3101", "exact", 0, "exact"),
]


def indicator_meta(code: str, label_ja: str) -> dict:
    meta = _META.get(code)
    if meta is None and code[:3] in ("C21", "C22"):
        part = re.search(r"（([^（）]*(?:（[^（）]*）)?[^（）]*)）$", label_ja)
        industry = part.group(1) if part else ""
        what = "Establishments" if code.startswith("C21") else "Persons employed"
        private = " (private)" if "民営" in label_ja else ""
        meta = (f"{what}{private}: {_INDUSTRY_EN.get(industry, industry)}", "事業所" if code.startswith("C21") else "人",
                "establishments" if code.startswith("C21") else "persons", "economy", "経済センサス Economic Census", 0)
    if meta is None:
        meta = (label_ja, "", "", "other", "SSDSE-A", 0)
    label_en, unit, unit_en, topic, source, _decimals = meta
    # decimals by the one rule per unit (analysis/units.py), not per item
    return {"label_en": label_en, "unit": unit, "unit_en": unit_en, "topic": topic, "source": source,
            "decimals": decimals_for(unit)}


# --- reading ---------------------------------------------------------------------------------------------------------

def ssdse_files(raw_dir: Path) -> list[tuple[int, Path]]:
    files = sorted((int(m.group(1)), p) for p in raw_dir.glob("SSDSE-A-*.csv") if (m := SSDSE_FILE.match(p.name)))
    if not files:
        raise FileNotFoundError(f"{raw_dir}: no SSDSE-A-*.csv (copy them into data/raw/national/)")
    return files


def wards_frame(gazetteer: pd.DataFrame) -> pd.DataFrame:
    """Designated-city wards from the gazetteer, each with its city found by name (札幌市中央区 starts with 札幌市): a
    code prefix does not work (横浜市 14100 has wards up to 14118; 大阪市's wards run to 27128 beside 堺市 27140)."""
    cities = gazetteer[gazetteer["kind"] == "designated_city"]
    wards = gazetteer[(gazetteer["kind"] == "ward") & ~gazetteer["code"].str.startswith("131")]
    parents = []
    for ward in wards.itertuples():
        match = cities[(cities["prefecture"] == ward.prefecture)
                       & cities["name"].map(lambda n, w=ward.name: w.startswith(n) and w != n)]
        parents.append(match["code"].iloc[0] if not match.empty else None)
    return pd.DataFrame({"code": wards["code"].to_numpy(), "name": wards["name"].to_numpy(),
                         "prefecture": wards["prefecture"].to_numpy(), "parent_code": parents})


def places_frame(gazetteer: pd.DataFrame, fits: pd.DataFrame, model_codes: set[str]) -> pd.DataFrame:
    """1,741 municipalities and 47 prefectures from the gazetteer (designated-city wards left out)."""
    g = gazetteer[(gazetteer["kind"] != "ward") | gazetteer["code"].str.startswith("131")].copy()
    g["prefecture_code"] = g["code"].str[:2] + "000"
    g["coord_source"] = g["source"].map(lambda s: f"gazetteer:{s}" if isinstance(s, str) else None)
    g["in_model_project"] = g["code"].isin(model_codes)
    out = g[["code", "name", "name_kana", "name_romaji", "prefecture", "prefecture_code", "kind", "lat", "lon",
             "coord_source", "in_model_project"]].merge(fits, on="code", how="left")
    out["type_not_selected"] = out["type_not_selected"].astype("boolean")
    missing = out["lat"].isna() | out["lon"].isna()
    if missing.any():  # not the case with today's gazetteer (every place has its office point)
        centroids = boundary_centroids(set(out.loc[missing, "code"]))
        for i in out.index[missing]:
            if out.at[i, "code"] in centroids:
                out.at[i, "lon"], out.at[i, "lat"] = centroids[out.at[i, "code"]]
                out.at[i, "coord_source"] = "boundary_centroid"
    return out.sort_values("code").reset_index(drop=True)


def boundary_centroids(codes: set[str], path: Path | None = None) -> dict[str, tuple[float, float]]:
    """(lon, lat) of the polygon centroid of each code in the shipped boundary file (geo/municipalities.geojson)."""
    import json

    from shapely.geometry import shape

    path = path or ROOT / "geo" / "municipalities.geojson"
    if not codes or not path.exists():
        return {}
    out = {}
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        code = feature["properties"].get("N03_007")
        if code in codes and feature.get("geometry"):
            point = shape(feature["geometry"]).centroid
            out[code] = (round(point.x, 6), round(point.y, 6))
    return out


_ROMAN = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5}


def parse_type(text: str) -> tuple[int | None, int | None]:
    """`都市Ⅱ－３` → (2, 3); `町村Ⅰ－０` → (1, 0); 中核市, 特別区, 政令指定都市, 施行時特例市 → (None, None)."""
    found = re.match(r"^(都市|町村)([ⅠⅡⅢⅣⅤ])\s*[－\-ー−]\s*([0-9０-９])$", str(text).strip())
    if not found:
        return None, None
    return _ROMAN[found.group(2)], int(stat_table.norm(found.group(3)))


def read_fits(path: Path, known: set[str]) -> pd.DataFrame:
    """MIC 類似団体区分 list: a title row, then 団体コード (6 digits, check digit verified), …, 非選定 (※), 区分."""
    import csv
    import io

    text, _ = stat_table.decode(path.read_bytes())
    if text is None:
        raise ValueError(f"{path}: cannot decode")
    rows = list(csv.reader(io.StringIO(text)))
    header_at = next(i for i, r in enumerate(rows) if r and stat_table.norm(r[0]) == "団体コード")
    out = []
    for line, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        if not row or not row[0].strip():
            continue
        code, problem = stat_table.normalise_code(row[0], six_digit_column=True)
        if code is None or code not in known:
            raise ValueError(f"{path}:{line}: code {row[0]!r} is not a known municipality ({problem or 'unknown'})")
        size, industry = parse_type(row[4])
        out.append({"code": code, "municipal_type": row[4].strip() or None, "type_size": size,
                    "type_industry": industry, "type_not_selected": row[3].strip() == "※"})
    return pd.DataFrame(out)


def _read_one(args) -> tuple[int, dict, list, dict]:
    vintage, path, places, wards = args
    table = stat_table.read_stat_table(path.name, path.read_bytes(), places, lang="en", check_size=False,
                                       former_codes=FORMER_CODES, wards=wards)
    # every SSDSE-A row names a municipality: a row refused by the identity rule (code and names disagree, unknown
    # code) stops the build with its line, rather than leaving a place out or placing it wrongly
    refused = [(r.line, r.key) for r in table.rows if r.code is None or r.kind != "place"]
    if refused or not table.readable:
        raise ValueError(f"{path}: " + "; ".join(i.text for i in table.issues if i.level != "info"))
    codes = np.array(table.matched_codes(), dtype=object)
    order = np.argsort(codes)  # every place once per edition (checked below), sorted by code
    block = {"codes": codes[order], "keys": [(ind.code, int(ind.year)) for ind in table.indicators],
             "values": table.values.to_numpy(dtype=float)[order], "status": table.status.to_numpy(dtype=object)[order]}
    labels = {ind.code: ind.name for ind in table.indicators}
    return vintage, block, table.code_changes, labels


def merge_vintages(blocks: list[tuple[int, dict]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Newest edition wins per (code, indicator, year); every difference between consecutive editions recorded.

    Works column by column: each edition holds every place once, so a column of one edition lines up with the same
    (indicator, year) column of another after sorting by code.
    """
    codes = blocks[0][1]["codes"]
    for vintage, block in blocks:
        if len(block["codes"]) != len(set(block["codes"])) or not np.array_equal(block["codes"], codes):
            raise ValueError(f"SSDSE-A-{vintage}: its places differ from SSDSE-A-{blocks[0][0]}'s")
    columns: dict[tuple[str, int], list[tuple[int, np.ndarray, np.ndarray]]] = {}
    for vintage, block in sorted(blocks, key=lambda b: b[0]):
        for j, key in enumerate(block["keys"]):
            columns.setdefault(key, []).append((vintage, block["values"][:, j], block["status"][:, j]))
    n = len(codes)
    keys = sorted(columns)
    revisions = []
    for key in keys:
        indicator, year = key
        editions = columns[key]
        for (old_v, old, old_s), (new_v, new, new_s) in zip(editions, editions[1:]):
            same_value = (old == new) | (np.isnan(old) & np.isnan(new))
            changed = np.flatnonzero(~same_value | (old_s != new_s))
            for i in changed:
                revisions.append((codes[i], indicator, year, old_v, _nan_none(old[i]), old_s[i], new_v,
                                  _nan_none(new[i]), new_s[i]))
    # one row per (code, key), laid out place by place (C order of a places × keys matrix): sorted by code
    newest = [columns[key][-1] for key in keys]
    merged = pd.DataFrame({
        "code": np.repeat(codes, len(keys)),
        "indicator": np.tile(np.array([k[0] for k in keys], dtype=object), n),
        "year": np.tile(np.array([k[1] for k in keys], dtype=np.int32), n),
        "value": np.column_stack([e[1] for e in newest]).ravel(),
        "vintage": np.tile(np.array([e[0] for e in newest], dtype=np.int32), n),
        "status": np.column_stack([e[2] for e in newest]).ravel(),
    })
    merged["aggregated"] = False
    revision_frame = pd.DataFrame(revisions, columns=["code", "indicator", "year", "old_vintage", "old_value",
                                                      "old_status", "new_vintage", "new_value", "new_status"])
    return merged[["code", "indicator", "year", "value", "vintage", "status", "aggregated"]], revision_frame


def _nan_none(value: float) -> float | None:
    return None if value != value else float(value)


def read_vintages(raw_dir: Path, places: pd.DataFrame, wards: pd.DataFrame | None = None) -> tuple[list, dict, list]:
    """Every edition as an aligned block (values and statuses by code), labels by code per edition, code changes."""
    files = ssdse_files(raw_dir)
    keys = places[["code", "prefecture", "name", "kind"]]
    # one process: handing large results back from worker processes costs more than it saves on 2 cores
    results = [_read_one((v, p, keys, wards)) for v, p in files]
    blocks, labels, changes = [], {}, []
    for vintage, block, code_changes, vintage_labels in results:
        blocks.append((vintage, block))
        for code, label in vintage_labels.items():
            labels.setdefault(code, {})[vintage] = label
        changes.extend((vintage, *c) for c in code_changes)
    return blocks, labels, changes


# --- building -------------------------------------------------------------------------------------------------------

def indicators_frame(labels: dict, years: dict[str, list[int]]) -> pd.DataFrame:
    rows = []
    for code, by_vintage in labels.items():
        newest = by_vintage[max(by_vintage)]
        meta = indicator_meta(code, newest)
        variants = list(dict.fromkeys(by_vintage[v] for v in sorted(by_vintage)))
        definition = f"SSDSE-A {code}: {newest}"
        if len(variants) > 1:
            definition += "（表記の異なるラベル / labels across vintages: " + " / ".join(variants) + "）"
        rows.append({"indicator": code, "label_ja": newest, **meta, "definition": definition, "formula": None,
                     "years": ",".join(str(y) for y in years.get(code, [])), "derived": False,
                     "aggregate": "none" if code in RATIO_CODES else "sum"})
    return pd.DataFrame(rows)


def derived_values(values: pd.DataFrame) -> pd.DataFrame:
    """Derived indicators from same-year inputs of each place; no row where an input is missing or a denominator 0."""
    needed = sorted({c for d in DERIVED for c in d[8]} | {"A1101"})
    base = values[values["indicator"].isin(needed)]
    wide = base.pivot_table(index=["code", "year"], columns="indicator", values="value", aggfunc="first")
    vint = base.pivot_table(index=["code", "year"], columns="indicator", values="vintage", aggfunc="max")
    agg = base.pivot_table(index=["code", "year"], columns="indicator", values="aggregated", aggfunc="max")
    out = []
    for ident, *_rest in DERIVED:
        inputs, func = _rest[7], _rest[8]
        if not set(inputs) <= set(wide.columns):
            continue
        with np.errstate(divide="ignore", invalid="ignore"):
            result = func(wide[list(inputs)])
        result = result.replace([np.inf, -np.inf], np.nan).dropna()
        frame = result.rename("value").reset_index()
        frame["indicator"] = ident
        frame["vintage"] = vint.loc[result.index, list(inputs)].max(axis=1).to_numpy()
        frame["aggregated"] = agg.loc[result.index, list(inputs)].astype("boolean").fillna(False).astype(bool).any(axis=1).to_numpy()
        out.append(frame)
    a = values[values["indicator"] == "A1101"].set_index(["code", "year"])
    if not a.empty:
        pop = a["value"].unstack("year")
        if 2015 in pop.columns and 2020 in pop.columns:
            change = ((pop[2020] / pop[2015] - 1) * 100).replace([np.inf, -np.inf], np.nan).dropna()
            frame = change.rename("value").reset_index()
            frame["year"] = 2020
            frame["indicator"] = POP_CHANGE[0]
            vint_a = a["vintage"].unstack("year")
            agg_a = a["aggregated"].unstack("year")
            frame["vintage"] = vint_a.loc[change.index, [2015, 2020]].max(axis=1).to_numpy()
            frame["aggregated"] = agg_a.loc[change.index, [2015, 2020]].astype("boolean").fillna(False).astype(bool).any(axis=1).to_numpy()
            out.append(frame)
    result = pd.concat(out, ignore_index=True)
    result["status"] = None
    return result[["code", "indicator", "year", "value", "vintage", "status", "aggregated"]]


def derived_indicators_frame(values: pd.DataFrame) -> pd.DataFrame:
    years = values.groupby("indicator")["year"].agg(lambda s: sorted({int(y) for y in s}))
    rows = []
    for ident, label_ja, label_en, unit, unit_en, topic, formula, decimals, *_ in [*DERIVED, (*POP_CHANGE, None, None)]:
        rows.append({"indicator": ident, "label_ja": label_ja, "label_en": label_en, "unit": unit, "unit_en": unit_en,
                     "topic": topic, "source": "SSDSE-A (derived)", "definition": f"{label_ja} = {formula}",
                     "formula": formula, "years": ",".join(str(y) for y in years.get(ident, [])), "derived": True,
                     "decimals": decimals_for(unit), "aggregate": "recomputed"})
    return pd.DataFrame(rows)


def _fmt(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value is not None else ""


def printed_vs_official(con, municipalities: pd.DataFrame) -> pd.DataFrame:
    """data_quality rows (rule differs_from_official) where a plan's printed figure differs from the official one."""
    official = con.execute(
        "SELECT code, indicator, year, value, vintage FROM national_values WHERE value IS NOT NULL AND indicator IN ("
        + ",".join(f"'{p[1]}'" for p in PRINTED_VS_OFFICIAL) + ")").df()
    official["d"] = (official["year"] - PLAN_YEAR).abs()
    # the nearest year to the plans' 2019; on a tie the later year
    nearest = official.sort_values(["d", "year"], ascending=[True, False]).drop_duplicates(["code", "indicator"])
    lookup = {(r.code, r.indicator): r for r in nearest.itertuples(index=False)}
    rows = []
    for column, indicator, kind, tolerance, label in PRINTED_VS_OFFICIAL:
        for body in municipalities.itertuples(index=False):
            printed = getattr(body, column)
            if printed is None or pd.isna(printed):
                continue
            best = lookup.get((body.code, indicator))
            if best is None:
                continue
            best = {"value": best.value, "year": best.year, "vintage": best.vintage}
            value = float(best["value"])
            if kind == "relative":
                differs = value == 0 or abs(float(printed) - value) / value > tolerance
                diff = f"{(float(printed) / value - 1) * 100:+.1f} %" if value else "n/a"
            elif kind == "points":
                differs = abs(float(printed) - value) > tolerance
                diff = f"{float(printed) - value:+.1f} points"
            else:
                differs = float(printed) != value
                diff = f"{float(printed) - value:+.0f}"
            if differs:
                rows.append({"municipality_code": body.code, "field": column, "raw_value": _fmt(float(printed)),
                             "value": _fmt(round(value, 2)), "rule": "differs_from_official",
                             "source_line": body.source_line,
                             "note": f"official {indicator} {int(best['year'])} = {_fmt(round(value, 2))} (SSDSE-A-"
                                     f"{int(best['vintage'])}); printed {_fmt(float(printed))}; difference {diff}, "
                                     f"tolerance {label}"})
    return pd.DataFrame(rows, columns=["municipality_code", "field", "raw_value", "value", "rule", "source_line", "note"])


def build_national(con, municipalities: pd.DataFrame, gazetteer: pd.DataFrame, raw_dir: Path | None = None) -> dict:
    """Write the national tables into ``con`` (schema already created). Returns counts for the build summary."""
    national_dir = (raw_dir / "national") if raw_dir is not None else NATIONAL_DIR
    if not (national_dir / FITS_FILE).exists():
        raise FileNotFoundError(f"{national_dir / FITS_FILE}: source missing (copy it into data/raw/national/)")
    muni_codes = set(gazetteer.loc[(gazetteer["kind"] != "ward") | gazetteer["code"].str.startswith("131"), "code"])
    fits = read_fits(national_dir / FITS_FILE, muni_codes)
    places = places_frame(gazetteer, fits, set(municipalities["code"]))
    wards = wards_frame(gazetteer)
    blocks, labels, changes = read_vintages(national_dir, places, wards)
    merged, revisions = merge_vintages(blocks)
    years: dict[str, set[int]] = {}
    for _, block in blocks:
        for indicator, year in block["keys"]:
            years.setdefault(indicator, set()).add(year)
    indicators = indicators_frame(labels, {k: sorted(v) for k, v in years.items()})
    # written place by place (merged is sorted by code), then the prefecture and derived rows each sorted by code:
    # one place's rows sit together, so a lookup by code reads little
    con.register("merged_in", merged)
    con.execute("INSERT INTO national_values SELECT * FROM merged_in")
    con.unregister("merged_in")
    if not revisions.empty:
        insert_frame(con, "national_revisions", revisions)
    # prefectures: sums of their municipalities for counts and amounts, only when every municipality has a value
    con.register("indicators_in", indicators[["indicator", "aggregate"]])
    con.execute("""
        INSERT INTO national_values
        SELECT substr(v.code, 1, 2) || '000', v.indicator, v.year,
               CASE WHEN count(v.value) = count(*) THEN sum(v.value) END, max(v.vintage),
               CASE WHEN count(v.value) = count(*) THEN NULL ELSE 'incomplete' END, true
        FROM national_values v JOIN indicators_in i USING (indicator)
        WHERE i.aggregate = 'sum'
        GROUP BY substr(v.code, 1, 2), v.indicator, v.year
        ORDER BY 1, 2, 3""")
    con.unregister("indicators_in")
    needed = sorted({c for d in DERIVED for c in d[8]} | {"A1101"})
    values = con.execute("SELECT * FROM national_values WHERE indicator IN (" + ",".join(f"'{c}'" for c in needed)
                         + ")").df()
    derived = derived_values(values)
    con.register("derived_in", derived)
    con.execute("INSERT INTO national_values SELECT code, indicator, CAST(year AS INTEGER), value, "
                "CAST(vintage AS INTEGER), status, aggregated FROM derived_in ORDER BY code, indicator, year")
    con.unregister("derived_in")
    indicators = pd.concat([indicators, derived_indicators_frame(derived)], ignore_index=True)
    insert_frame(con, "national_indicators", indicators)
    insert_frame(con, "places", places)
    insert_frame(con, "wards", wards)
    change_rows = []
    for change in CODE_CHANGES:
        seen = sorted({v for v, line, old, new, key in changes if old == change["former_code"]})
        change_rows.append({**change, "vintages_with_former_code": ",".join(map(str, seen))})
    insert_frame(con, "national_code_changes", pd.DataFrame(change_rows))
    # the credit travels with the data: whoever reads the file finds the words to print
    con.executemany("INSERT INTO build_info VALUES (?, ?)", [
        ("national_credit", SSDSE_CREDIT_JA), ("municipal_type_credit", MUNICIPAL_TYPE_CREDIT_JA),
        ("national_vintages", ",".join(str(v) for v, _ in blocks)),
        ("municipal_type_vintage", "about FY2023 (inferred from the counts; not printed in the file)")])
    quality = printed_vs_official(con, municipalities)
    if not quality.empty:
        insert_frame(con, "data_quality", quality)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("places", "national_indicators", "national_values", "national_revisions")}
    counts["differs_from_official"] = len(quality)
    counts["vintages"] = len(ssdse_files(national_dir))
    return counts


def insert_frame(con, table: str, frame: pd.DataFrame) -> None:
    """Append ``frame`` to ``table`` in the table's column order; columns the frame lacks are NULL."""
    columns = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]
    frame = frame.copy()
    for column in columns:
        if column not in frame.columns:
            frame[column] = None
    con.register("incoming_national", frame[columns])
    con.execute(f"INSERT INTO {table} SELECT * FROM incoming_national")
    con.unregister("incoming_national")

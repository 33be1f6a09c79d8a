"""A small DuckDB built from machikurabe/ingest/schema.sql with six bodies copied by hand from
data/raw/003_432db8467158d625.txt, for tests that must not depend on the real build.

Values are as printed (line numbers given); corrections are recorded in data_quality like the real build.
Rule ids here are stand-ins; tests must not depend on the parser's exact rule names.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "machikurabe" / "ingest" / "schema.sql"
TARGETS_SCHEMA = ROOT / "machikurabe" / "ingest" / "targets_schema.sql"  # empty here: the real build fills it
SRC = "003_432db8467158d625.txt"

KUSHIRO, KYOGOKU, OTOINEPPU, SUMIDA, AOMORI, TOKYO = "01206", "01399", "01470", "13107", "02000", "13000"

_M_COLS = ("code prefecture name name_printed name_kana name_romaji kind population households ageing_rate_pct "
           "welfare_rate_pct association_rate_pct area_km2 density_per_km2 elementary_schools junior_high_schools "
           "community_care_centres self_reliance_support basic_info_notes local_features vision_aim vision_change "
           "lat lon programme_count source_file source_line").split()

MUNICIPALITIES = [
    # line 5-24
    dict(code=KUSHIRO, prefecture="北海道", name="釧路市", name_printed="釧路市", name_kana="クシロシ",
         name_romaji="Kushiro City", kind="city", population=168730, households=94068, ageing_rate_pct=33.2,
         welfare_rate_pct=4.92, association_rate_pct=43.90, area_km2=1362.90, elementary_schools=26,
         junior_high_schools=15, community_care_centres="直営：2 か所，委託：5 か所 (社会福祉法人 釧路市社会福祉協議会 等)",
         self_reliance_support="委託：1 か所 (一般社団法人 釧路社会的企業創造協議会)", basic_info_notes=None,
         local_features="豊かな資源を背景に水産農林業や食品加工業、石炭鉱業、紙・パルプ業などを主力産業として発展してきた地域である",
         vision_aim="福祉ニーズの多様化・複雑化に対応すべく、庁内各課の横断的連携をはじめ、多機関・多分野協働による包括的な相談支援システムを構築する",
         vision_change="住民が主体的に取り組む事業の創出。支援する側・される側の境目のない関係性の構築。中間的就労の場の創出。",
         lat=42.984854, lon=144.381356, programme_count=2, source_file=SRC, source_line=5),
    # line 94-105; 生活保護受給率 printed 13.8 (‰) -> 1.38 %
    dict(code=KYOGOKU, prefecture="北海道", name="京極町", name_printed="京極町", name_kana="キョウゴクチョウ",
         name_romaji="Kyogoku Town", kind="town", population=3004, households=1492, ageing_rate_pct=35.2,
         welfare_rate_pct=1.38, association_rate_pct=81.8, area_km2=231.49, elementary_schools=1,
         junior_high_schools=1, community_care_centres="委託：1 か所 (社協)",
         self_reliance_support="北海道委託：1 か所 (NPO)", basic_info_notes=None,
         local_features="北海道西部後志地方に属している。地場産業は農業が中心であり、ジャガイモ、ニンジン、ビートなどが生産されている。",
         vision_aim=None, vision_change=None, lat=42.858208, lon=140.884088, programme_count=2,
         source_file=SRC, source_line=94),
    # line 289-303; 地縁組織加入率 printed "(%)" (empty)
    dict(code=OTOINEPPU, prefecture="北海道", name="音威子府村", name_printed="音威子府村", name_kana="オトイネップムラ",
         name_romaji="Otoineppu Village", kind="village", population=734, households=484, ageing_rate_pct=30.6,
         welfare_rate_pct=0.1, association_rate_pct=None, area_km2=275.63, elementary_schools=1,
         junior_high_schools=1, community_care_centres="1 か所", self_reliance_support="主に社協で対応:1 か所",
         basic_info_notes="※小中学校は併置校", local_features=None, vision_aim=None, vision_change=None,
         lat=44.725004, lon=142.262464, programme_count=2, source_file=SRC, source_line=289),
    # line 4204-4216; 生活保護受給率 printed 28.66 (%) but the header says 生活保護率 is per mille -> 2.866 %
    dict(code=SUMIDA, prefecture="東京都", name="墨田区", name_printed="墨田区", name_kana="スミダク",
         name_romaji="Sumida Ward", kind="ward", population=274296, households=153318, ageing_rate_pct=22.3,
         welfare_rate_pct=2.866, association_rate_pct=65.19, area_km2=13.77, elementary_schools=25,
         junior_high_schools=10, community_care_centres="委託：8 か所", self_reliance_support="直営：1 か所",
         basic_info_notes="人口・世帯数、高齢化率R元10.1 生活保護率R元9.30 町会加入率R元8.1",
         local_features="東京都の北東部に位置し周囲の多くを川に囲まれたまちである。",
         vision_aim="すべての区民が地域から疎外・差別されることなく、地域の一員として差異や多様性を認め",
         vision_change="活動拠点での相談業務やふれあいサロンなど、交流の場を通して住民の中に",
         lat=35.710722, lon=139.801497, programme_count=2, source_file=SRC, source_line=4204),
    # line 686-697 (prefecture block; 地縁組織加入率 and school counts printed empty)
    dict(code=AOMORI, prefecture="青森県", name="青森県", name_printed="", name_kana="アオモリケン",
         name_romaji="Aomori Prefecture", kind="prefecture", population=1292709, households=592453,
         ageing_rate_pct=32.07, welfare_rate_pct=2.34, association_rate_pct=None, area_km2=9645.64,
         elementary_schools=None, junior_high_schools=None, community_care_centres="直営：28か所、委託44か所",
         self_reliance_support="直営：5か所、委託11か所(県社協5、市社協5、NPO1)", basic_info_notes=None,
         local_features=None, vision_aim=None, vision_change=None, lat=40.822116, lon=140.747376,
         programme_count=1, source_file=SRC, source_line=686),
    # line 4156-4170 (prefecture block; 地縁組織加入率 printed "—(%)")
    dict(code=TOKYO, prefecture="東京都", name="東京都", name_printed="", name_kana="トウキョウト",
         name_romaji="Tokyo Metropolis", kind="prefecture", population=13953744, households=7123971,
         ageing_rate_pct=23.3, welfare_rate_pct=2.05, association_rate_pct=None, area_km2=2193.96,
         elementary_schools=1271, junior_high_schools=610, community_care_centres="直営・委託なし",
         self_reliance_support="直営：4か所、委託：1か所(NPO法人)(町村部のみ東京都実施)", basic_info_notes=None,
         local_features="都心部から多摩地域、島しょ部まで、東京の地域の姿は場所によって大きく異なる",
         vision_aim=None, vision_change=None, lat=35.693840, lon=139.703549, programme_count=1,
         source_file=SRC, source_line=4156),
]

CC, MA, PF = "community_capacity", "multi_agency", "prefectural"

PROGRAMMES = [
    dict(municipality_code=KUSHIRO, programme=CC, marked=True, has_content=True, section_line=29,
         implementer="釧路市(委託先:一般社団法人 釧路社会的企業創造協議会)", contractor="一般社団法人 釧路社会的企業創造協議会",
         programme_name="住民とともに中間的就労の場を創出し、暮らしを支える事業", target_area="音別町",
         target_area_population=1786, hubs="露の栽培を行う苗圃や製品加工を行う工場、とちよっとした困り事を支えあう関係を構築できるカフェ",
         hub_operator="一般社団法人音別ふき露団", funding="日本財団「わがまち基金」",
         outcome_targets="露の栽培で最終的に 50 トンの収穫とそれに伴う雇用の創出\n年 2～3 名のケース検討"),
    dict(municipality_code=KUSHIRO, programme=MA, marked=True, has_content=True, section_line=68,
         implementer="釧路市 (委託先：一般社団法人 釧路社会的企業創造協議会)", contractor="一般社団法人 釧路社会的企業創造協議会",
         programme_name="包括的な相談支援システム構築事業", promoter_count=2, promoter_count_raw="常勤1人、非常勤1人",
         promoter_agency="釧路市生活相談支援センターくらしごと",
         meeting_case_review="毎月開催。参加者は市内の地域包括支援センターや基幹相談支援センター、社会福祉協議会などを含む15名で構成。"),
    dict(municipality_code=KYOGOKU, programme=CC, marked=False, has_content=True, section_line=116,
         implementer="京極町社会福祉協議会", programme_name="生活支援体制整備事業"),
    dict(municipality_code=KYOGOKU, programme=MA, marked=True, has_content=True, section_line=164,
         promoter_count=2, promoter_count_raw="2人"),
    dict(municipality_code=OTOINEPPU, programme=CC, marked=True, has_content=True, section_line=313),
    dict(municipality_code=OTOINEPPU, programme=MA, marked=True, has_content=True, section_line=361,
         promoter_count=1, promoter_count_raw="1人"),
    dict(municipality_code=SUMIDA, programme=CC, marked=True, has_content=True, section_line=4227,
         implementer="墨田区社会福祉協議会", programme_name="地域福祉プラットフォーム事業", target_area="墨田区",
         target_area_population=274296, hubs="地域福祉プラットフォーム ①キラキラ茶家 京島 3-49-18 ②ガランドール 石原 4-11-12"),
    dict(municipality_code=SUMIDA, programme=MA, marked=True, has_content=True, section_line=4254,
         implementer="墨田区社会福祉協議会", programme_name="地域福祉プラットフォーム事業",
         promoter_count=1, promoter_count_raw="2拠点に1名配置"),
    dict(municipality_code=AOMORI, programme=PF, marked=True, has_content=True, section_line=710),
    dict(municipality_code=TOKYO, programme=PF, marked=True, has_content=True, section_line=4186),
]

PROGRAMME_TEXTS = [
    (KUSHIRO, CC, "implementer", "釧路市(委託先:一般社団法人 釧路社会的企業創造協議会)", 31),
    (KUSHIRO, CC, "programme_name", "住民とともに中間的就労の場を創出し、暮らしを支える事業", 32),
    (KUSHIRO, CC, "target_area", "音別町", 35),
    (KUSHIRO, CC, "hubs", "露の栽培を行う苗圃や製品加工を行う工場、とちよっとした困り事を支えあう関係を構築できるカフェ", 39),
    (KUSHIRO, CC, "funding", "日本財団「わがまち基金」", 45),
    (KUSHIRO, CC, "outcome_targets", "露の栽培で最終的に 50 トンの収穫とそれに伴う雇用の創出", 49),
    (KUSHIRO, MA, "implementer", "釧路市 (委託先：一般社団法人 釧路社会的企業創造協議会)", 70),
    (KUSHIRO, MA, "programme_name", "包括的な相談支援システム構築事業", 71),
    (KUSHIRO, MA, "promoter_count_raw", "常勤1人、非常勤1人", 73),
    (KYOGOKU, CC, "implementer", "京極町社会福祉協議会", 118),
    (KYOGOKU, CC, "programme_name", "生活支援体制整備事業", 119),
    (SUMIDA, CC, "implementer", "墨田区社会福祉協議会", 4229),
    (SUMIDA, CC, "programme_name", "地域福祉プラットフォーム事業", 4230),
    (SUMIDA, CC, "hubs", "地域福祉プラットフォーム ①キラキラ茶家 京島 3-49-18 ②ガランドール 石原 4-11-12", 4235),
    (SUMIDA, MA, "implementer", "墨田区社会福祉協議会", 4256),
    (SUMIDA, MA, "promoter_count_raw", "2拠点に1名配置", 4259),
]

DATA_QUALITY = [
    (KYOGOKU, "welfare_rate_pct", "13.8 (‰)", "1.38", "per_mille_converted", 102, "printed 13.8 ‰, stored 1.38 %"),
    (SUMIDA, "welfare_rate_pct", "28.66 (%)", "2.866", "per_mille_labelled_percent", 4212,
     "printed 28.66 % but the header says 生活保護率 (per mille): stored 2.866 %"),
    (OTOINEPPU, "association_rate_pct", "(%)", None, "missing_empty", 298, "no value printed"),
    (SUMIDA, "promoter_count", "2拠点に1名配置", "1", "doubtful", 4259,
     "read literally as the number printed; it may mean that many per site"),
    (AOMORI, "association_rate_pct", "(%)", None, "missing_empty", 696, "no value printed"),
    (TOKYO, "association_rate_pct", "—(%)", None, "missing_dash", 4166, "dash printed"),
]

DOCUMENTS = [
    ("000", "生活困窮者支援等のための地域づくり事業 業務委託の内容（仕様書抜粋）", None, None, "csw_specification",
     "000_e717455c1e414ceb.txt", None),
    ("003", "令和元年度 地域共生社会の実現に向けた包括的支援体制構築事業 実施計画", None, None, "plans_compilation",
     SRC, "63 bodies"),
]


# The national tables for the same bodies, plus one place outside the model project (so pages can be tried on a
# non-participant): 湯沢市 (秋田県). Values are the fixture's own, chosen by hand; types as in MIC's list.
EXTRA_PLACES = [
    dict(code="05207", prefecture="秋田県", name="湯沢市", name_kana="ユザワシ", name_romaji="Yuzawa City", kind="city",
         lat=39.16, lon=140.50, in_model_project=False, municipal_type="都市Ⅰ－１"),
]
MUNICIPAL_TYPES = {KUSHIRO: "都市Ⅳ－３", KYOGOKU: "町村Ⅰ－２", OTOINEPPU: "町村Ⅰ－０", SUMIDA: "特別区"}
NATIONAL_INDICATORS = [
    ("A1101", "総人口", "Total population", "人", "persons", "population", "国勢調査", "総人口", None, "2015,2020", False, 0,
     "sum"),
    ("ageing_rate_pct", "高齢化率", "Ageing rate (65+ share)", "%", "%", "population", "国勢調査", "65歳以上人口の割合",
     "A1303 / A1101 × 100", "2015,2020", True, 1, "recomputed"),
]
# (code, indicator, year, value): 2020 population as each body printed it; 2015 about 3 % higher; ageing rates
NATIONAL_VALUES = [
    (KUSHIRO, "A1101", 2015, 174742.0), (KUSHIRO, "A1101", 2020, 165077.0),
    (KYOGOKU, "A1101", 2015, 3131.0), (KYOGOKU, "A1101", 2020, 2966.0),
    (OTOINEPPU, "A1101", 2015, 771.0), (OTOINEPPU, "A1101", 2020, 703.0),
    (SUMIDA, "A1101", 2015, 256274.0), (SUMIDA, "A1101", 2020, 272085.0),
    ("05207", "A1101", 2015, 46613.0), ("05207", "A1101", 2020, 42060.0),
    (KUSHIRO, "ageing_rate_pct", 2020, 34.0), (KYOGOKU, "ageing_rate_pct", 2020, 36.5),
    (OTOINEPPU, "ageing_rate_pct", 2020, 40.1), (SUMIDA, "ageing_rate_pct", 2020, 22.4),
    ("05207", "ageing_rate_pct", 2020, 42.0),
]


def _places() -> list[tuple]:
    rows = []
    for body in MUNICIPALITIES:
        code = body["code"]
        pref_code = code[:2] + "000"
        rows.append((code, body["name"], body["name_kana"], body["name_romaji"], body["prefecture"], pref_code,
                     body["kind"], body.get("lat"), body.get("lon"), "fixture", True, MUNICIPAL_TYPES.get(code), None,
                     None, False))
    for extra in EXTRA_PLACES:
        rows.append((extra["code"], extra["name"], extra["name_kana"], extra["name_romaji"], extra["prefecture"],
                     extra["code"][:2] + "000", extra["kind"], extra["lat"], extra["lon"], "fixture",
                     extra["in_model_project"], extra["municipal_type"], None, None, False))
    return rows


def build_fixture_db(path: str | Path) -> Path:
    """Create the fixture database at ``path`` (overwritten) and return the path."""
    path = Path(path)
    if path.exists():
        path.unlink()
    con = duckdb.connect(str(path))
    try:
        con.execute(SCHEMA.read_text(encoding="utf-8"))
        con.execute(TARGETS_SCHEMA.read_text(encoding="utf-8"))
        for row in MUNICIPALITIES:
            row = dict(row)
            row["density_per_km2"] = row["population"] / row["area_km2"]
            con.execute(f"INSERT INTO municipalities ({', '.join(_M_COLS)}) VALUES ({', '.join('?' * len(_M_COLS))})",
                        [row.get(c) for c in _M_COLS])
        for row in PROGRAMMES:
            cols = list(row)
            con.execute(f"INSERT INTO programmes ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                        [row[c] for c in cols])
        con.executemany("INSERT INTO programme_texts VALUES (?, ?, ?, ?, ?)", PROGRAMME_TEXTS)
        con.executemany("INSERT INTO data_quality VALUES (?, ?, ?, ?, ?, ?, ?)", DATA_QUALITY)
        con.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)", DOCUMENTS)
        con.execute("INSERT INTO build_info VALUES ('built_by', 'tests/fixture_db.py')")
        con.executemany("INSERT INTO places VALUES (" + ", ".join("?" * 15) + ")", _places())
        con.executemany("INSERT INTO national_indicators VALUES (" + ", ".join("?" * 13) + ")", NATIONAL_INDICATORS)
        con.executemany("INSERT INTO national_values VALUES (?, ?, ?, ?, 2026, NULL, false)", NATIONAL_VALUES)
    finally:
        con.close()
    return path

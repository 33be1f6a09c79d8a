"""Hand-checked expected values for data/raw/003_432db8467158d625.txt.

Every value below was read by a human-style reading of the raw dump with
`sed -n 'A,Bp'` (no parser, no regex extraction).  The comment above each
dict quotes the raw lines of the block's `1-1. 自治体の基本情報` table; TABs of
the raw text are written as `\\t`.

Conventions
-----------
* `source_line` is the 1-based line of the block's `都道府県名\\t...` row.
  Line 1084 (second 遠野市 row) is an image caption, not a body, and is not
  listed.  All 63 bodies of the file are listed (57 municipalities + 6
  prefecture blocks).
* `welfare_rate_pct` is in percent after the normalisation rules of the brief
  (‰ -> /10; "%" but > 6 -> /10; "%" but < 0.01 -> *100).  Converted values
  are written as the exact decimal result; compare floats with a tolerance
  (e.g. pytest.approx), since e.g. 0.00831 * 100 != 0.831 in binary floats.
* None = empty cell, 未集計, 不明, -, —.
* Codes: written from knowledge, cross-checked against a public copy of the
  GSI municipality list (GSI.MUNI_ARRAY), and finally checked against
  geo/gazetteer.csv (commit 196bdca): for all 63 entries code, prefecture,
  name and kind agree with the gazetteer row.
"""

HAND_CHECKED = [
    # L5: 都道府県名\t北海道\t市区町村名\t釧路市
    # L12: 人口\t168,730 (人)\t世帯数\t94,068 (世帯)
    # L13: 高齢化率\t33.2 (%)\t生活保護受給率\t4.92 (%)
    # L14: 面積\t1362.90 (k m ²)\t\t
    # L15: 地縁組織 (自治会、町内会等) 加入率\t43.90 (%)\t公立小学校数\t26 (校)
    # L16: \t\t公立中学校数\t15 (校)
    {
        "source_line": 5, "prefecture": "北海道", "name": "釧路市",
        "code": "01206",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 168730, "households": 94068,
        "ageing_rate_pct": 33.2, "welfare_rate_pct": 4.92,
        "association_rate_pct": 43.90, "area_km2": 1362.90,
        "elementary_schools": 26, "junior_high_schools": 15,
        "quality_rules": [],
    },
    # L94: 都道府県名\t北海道\t市区町村名\t京極町\t\t
    # L101: 人口\t3,004 (人)\t\t世帯数\t1,492 (世帯)\t
    # L102: 高齢化率\t35.2 (%)\t生活保護受給率\t13.8 (‰)\t面積\t231.49 (k m ²)
    # L103: 地縁組織(自治会、町内会等)加入率\t81.8(%)\t公立小学校数\t1(校)\t公立中学校数\t1(校)
    {
        "source_line": 94, "prefecture": "北海道", "name": "京極町",
        "code": "01399",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 3004, "households": 1492,
        "ageing_rate_pct": 35.2, "welfare_rate_pct": 1.38,  # 13.8 ‰
        "association_rate_pct": 81.8, "area_km2": 231.49,
        "elementary_schools": 1, "junior_high_schools": 1,
        "quality_rules": ["per_mille_converted"],
    },
    # L189: 都道府県名\t北海道\t市区町村名\t鷹栖町
    # L196: 人口\t6,822 (人)\t世帯数\t3,065 (世帯)
    # L197: 高齢化率\t33.9 (%)\t生活保護受給率\t0.77 (%)
    # L198: 面積\t139.42 (k m ²)\t\t
    # L199: 地縁組織 (自治会、町内会等) 加入率\t97.5 (%)\t公立小学校数\t2 (校)
    # L200: \t\t公立中学校数\t1 (校)
    {
        "source_line": 189, "prefecture": "北海道", "name": "鷹栖町",
        "code": "01452",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 6822, "households": 3065,
        "ageing_rate_pct": 33.9, "welfare_rate_pct": 0.77,
        "association_rate_pct": 97.5, "area_km2": 139.42,
        "elementary_schools": 2, "junior_high_schools": 1,
        "quality_rules": [],
    },
    # L289: 都道府県名\t北海道\t市区町村名\t音威子府村
    # L296: 人口\t734(人)\t\t世帯数\t484(世帯)\t
    # L297: 高齢化率\t30.6(%)\t生活保護受給率\t0.1(%)\t面積\t275.63(k m ²)
    # L298: 地縁組織(自治会、町内会等)加入率\t(%)\t公立小学校数\t1(校)\t公立中学校数\t1(校)※
    # L302: ※小中学校は併置校
    {
        "source_line": 289, "prefecture": "北海道", "name": "音威子府村",
        "code": "01470",  # code checked: geo/gazetteer.csv
        "kind": "village",
        "population": 734, "households": 484,
        "ageing_rate_pct": 30.6, "welfare_rate_pct": 0.1,
        "association_rate_pct": None, "area_km2": 275.63,
        "elementary_schools": 1, "junior_high_schools": 1,  # "1(校)※"
        "quality_rules": ["footnote_mark", "missing_empty"],
    },
    # L388: 都道府県名\t北海道\t市区町村名\t津別町\t\t
    # L395: 人口\t4,621 (人)\t\t世帯数\t2,321 (世帯)\t
    # L396: 高齢化率\t44.8 (%)\t生活保護受給率\t12.3 (%)\t面積\t716.80 (k m ²)
    # L397: 地縁組織 (自治会、町内会等) 加入率\t96 (%)\t公立小学校数\t1 (校)\t公立中学校数\t1 (校)
    {
        "source_line": 388, "prefecture": "北海道", "name": "津別町",
        "code": "01544",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 4621, "households": 2321,
        "ageing_rate_pct": 44.8, "welfare_rate_pct": 1.23,  # 12.3 "%"
        "association_rate_pct": 96.0, "area_km2": 716.80,
        "elementary_schools": 1, "junior_high_schools": 1,
        "quality_rules": ["per_mille_labelled_percent"],
    },
    # L437: 都道府県名\t北海道\t市区町村名\t広尾町\t\t
    # L444: (R1.9.30 現在)
    # L446: 人口\t6,688(人)\t\t世帯数\t3,329(世帯)\t\t
    # L447: 高齢化率\t38.1(%)\t生活保護受給率\t18.0(‰)\t面積\t596(k m ²)\t
    # L448: \t\t\t(R1.8.31 現在)\t\t\t
    # L449: 地縁組織(自治会、町内会等)加入率\t90.73(%)\t公立小学校数\t2(校)\t公立中学校数\t1(校)\t
    # L450: \t(R1.3.31 現在)\t\t\t\t\t
    {
        "source_line": 437, "prefecture": "北海道", "name": "広尾町",
        "code": "01642",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 6688, "households": 3329,
        "ageing_rate_pct": 38.1, "welfare_rate_pct": 1.8,  # 18.0 ‰
        "association_rate_pct": 90.73, "area_km2": 596.0,
        "elementary_schools": 2, "junior_high_schools": 1,
        "quality_rules": ["per_mille_converted"],
    },
    # L528: 都道府県名\t北海道\t市区町村名\t妹背牛町\t\t
    # L535: 人口\t2,949 (人)\t\t世帯数\t1,422 (世帯)\t
    # L536: 高齢化率\t46.3 (%)\t生活保護受給率\t1.25 (%)\t面積\t48.64 (km ²)
    # L537: 地縁組織(自治会、町内会等)加入率\t98.2(%)\t公立小学校数\t1(校)\t公立中学校数\t1(校)
    {
        "source_line": 528, "prefecture": "北海道", "name": "妹背牛町",
        "code": "01433",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 2949, "households": 1422,
        "ageing_rate_pct": 46.3, "welfare_rate_pct": 1.25,
        "association_rate_pct": 98.2, "area_km2": 48.64,
        "elementary_schools": 1, "junior_high_schools": 1,
        "quality_rules": [],
    },
    # L599: 都道府県名\t北海道\t市区町村名\t札幌市
    # L606: 人口\t1,966,735 (人)\t世帯数\t954,146 (世帯)\t\t
    # L607: 高齢化率\t26.7 (%)\t生活保護受給率\t3.7 (%)\t面積\t1,121.26 (k m ²)
    # L608: 地縁組織 (自治会、町内会等) 加入率\t70.26 (%)\t公立小学校数\t201 (校)\t公立中学校数\t97 (校)
    {
        "source_line": 599, "prefecture": "北海道", "name": "札幌市",
        "code": "01100",  # code checked: geo/gazetteer.csv
        "kind": "designated_city",
        "population": 1966735, "households": 954146,
        "ageing_rate_pct": 26.7, "welfare_rate_pct": 3.7,
        "association_rate_pct": 70.26, "area_km2": 1121.26,
        "elementary_schools": 201, "junior_high_schools": 97,
        "quality_rules": [],
    },
    # L686: 都道府県名\t青森県\t市区町村名\t
    # L693: 人口\t1,292,709 (人)\t世帯数\t592,453 (世帯)\t\t
    # L694: 高齢化率\t32.07 (%)\t生活保護受給率\t2.34 (%)\t面積\t9,645.64 (k m ²)
    # L695: 地縁組織(自治会、町内会等)加入率\t(%)\t公立小学校数\t(校)\t公立中学校数\t(校)
    {
        "source_line": 686, "prefecture": "青森県", "name": "青森県",
        "code": "02000",  # code checked: geo/gazetteer.csv
        "kind": "prefecture",
        "population": 1292709, "households": 592453,
        "ageing_rate_pct": 32.07, "welfare_rate_pct": 2.34,
        "association_rate_pct": None, "area_km2": 9645.64,
        "elementary_schools": None, "junior_high_schools": None,
        "quality_rules": ["missing_empty"],
    },
    # L728: 都道府県名\t青森県\t市区町村名\t鱒ヶ沢町\t\t   (OCR error for 鰺ヶ沢町)
    # L735: 人口\t9,791 (人)\t\t世帯数\t4,604 (世帯)\t
    # L736: 高齢化率\t42.5 (%)\t生活保護受給率\t2.79 (%)\t面積\t343.08 (km ²)
    # L737: 地縁組織(自治会、町内会等)加入率\t未集計(%)\t公立小学校数\t2(校)\t公立中学校数\t1(校)
    {
        "source_line": 728, "prefecture": "青森県", "name": "鰺ヶ沢町",
        "code": "02321",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 9791, "households": 4604,
        "ageing_rate_pct": 42.5, "welfare_rate_pct": 2.79,
        "association_rate_pct": None, "area_km2": 343.08,
        "elementary_schools": 2, "junior_high_schools": 1,
        "quality_rules": ["missing_not_tallied", "name_alias"],
    },
    # L825: 都道府県名\t青森県\t市区町村名\t今別町\t\t
    # L832: 人口\t2, 596 (人)\t\t世帯数\t1, 419 (世帯)\t
    # L833: 高齢化率\t53.7 (%)\t生活保護受給率\t3.5 (%)\t面積\t125.27 (k m ²)
    # L834: 地縁組織 (自治会、町内会等) 加入率\t(%)\t公立小学校数\t1 (校)\t公立中学校数\t1 (校)
    {
        "source_line": 825, "prefecture": "青森県", "name": "今別町",
        "code": "02303",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 2596, "households": 1419,
        "ageing_rate_pct": 53.7, "welfare_rate_pct": 3.5,
        "association_rate_pct": None, "area_km2": 125.27,
        "elementary_schools": 1, "junior_high_schools": 1,
        "quality_rules": ["missing_empty"],
    },
    # L873: 都道府県名\t青森県\t市区町村名\t蓬田村\t\t
    # L880: 人口\t2,786 (人)\t\t世帯数\t1,155 (世帯)\t
    # L881: 高齢化率\t39.30 (%)\t生活保護受給率\t1.26 (%)\t面積\t80.84 (k m ²)
    # L882: 地縁組織 (自治会、町内会等) 加入率\t(%)\t公立小学校数\t1(校)\t公立中学校数\t1(校)
    {
        "source_line": 873, "prefecture": "青森県", "name": "蓬田村",
        "code": "02304",  # code checked: geo/gazetteer.csv
        "kind": "village",
        "population": 2786, "households": 1155,
        "ageing_rate_pct": 39.30, "welfare_rate_pct": 1.26,
        "association_rate_pct": None, "area_km2": 80.84,
        "elementary_schools": 1, "junior_high_schools": 1,
        "quality_rules": ["missing_empty"],
    },
    # L920: 都道府県名\t青森県\t市区町村名\t外ヶ浜町\t\t
    # L927: 人口\t5, 914 (人)\t\t世帯数\t2, 844 (世帯)\t
    # L928: 高齢化率\t48.1 (%)\t生活保護受給率\t(%)\t面積\t222.92 (k m ²)
    # L929: 地縁組織(自治会、町内会等)加入率\t(%)\t公立小学校数\t4(校)\t公立中学校数\t4(校)
    {
        "source_line": 920, "prefecture": "青森県", "name": "外ヶ浜町",
        "code": "02307",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 5914, "households": 2844,
        "ageing_rate_pct": 48.1, "welfare_rate_pct": None,
        "association_rate_pct": None, "area_km2": 222.92,
        "elementary_schools": 4, "junior_high_schools": 4,
        "quality_rules": ["missing_empty"],
    },
    # L992: 都道府県名\t岩手県\t市区町村名\t遠野市
    # L999: 人口\t26,899 (人) H31.4.1 現在\t世帯数\t10,749 (世帯)
    # L1000: 高齢化率\t39.0. (%)\t生活保護受給率\t9.17 (‰)
    # L1001: 面積\t825.97 (k m ²)\t\t
    # L1002: 地縁組織 (自治会、町内会等) 加入率\t不明 (%)\t公立小学校数\t11(校)
    # L1003: \t\t公立中学校数\t3(校)
    {
        "source_line": 992, "prefecture": "岩手県", "name": "遠野市",
        "code": "03208",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 26899, "households": 10749,
        "ageing_rate_pct": 39.0, "welfare_rate_pct": 0.917,  # 9.17 ‰
        "association_rate_pct": None, "area_km2": 825.97,
        "elementary_schools": 11, "junior_high_schools": 3,
        "quality_rules": ["missing_unknown", "per_mille_converted", "trailing_period"],
    },
    # L1093: 都道府県名\t岩手県\t市区町村名\t矢巾町
    # L1100: 人口\t27,426 (人)\t世帯数\t10,675 (世帯)\t\t
    # L1101: 高齢化率\t25.6 (%)\t生活保護受給率\t0.357 (%)\t面積\t67.32 (k m ²)
    # L1102: 地縁組織 (自治会、町内会等) 加入率\t未集計\t公立小学校数\t4 (校)\t公立中学校数\t2 (校)
    {
        "source_line": 1093, "prefecture": "岩手県", "name": "矢巾町",
        "code": "03322",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 27426, "households": 10675,
        "ageing_rate_pct": 25.6, "welfare_rate_pct": 0.357,
        "association_rate_pct": None, "area_km2": 67.32,
        "elementary_schools": 4, "junior_high_schools": 2,
        "quality_rules": ["missing_not_tallied"],
    },
    # L1182: 都道府県名\t岩手県\t市区町村名\t岩泉町
    # L1189: 人口\t9,216 (人)\t\t世帯数\t4,443 (世帯)\t
    # L1190: 高齢化率\t43.3 (%)\t生活保護受給率\t20.50 (%)\t面積\t992.36 (k m ²)
    # L1191: 地縁組織(自治会、町内会等)加入率\t(%)\t公立小学校数\t8(校)\t公立中学校数\t4(校)
    {
        "source_line": 1182, "prefecture": "岩手県", "name": "岩泉町",
        "code": "03483",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 9216, "households": 4443,
        "ageing_rate_pct": 43.3, "welfare_rate_pct": 2.05,  # 20.50 "%"
        "association_rate_pct": None, "area_km2": 992.36,
        "elementary_schools": 8, "junior_high_schools": 4,
        "quality_rules": ["missing_empty", "per_mille_labelled_percent"],
    },
    # L1357: 都道府県名\t岩手県\t市区町村名\t盛岡市
    # L1364: 人口\t293,361 (人)\t世帯数\t132,115 (世帯)
    # L1365: 高齢化率\t26.7 (%)\t生活保護受給率\t15.97 (‰)
    # L1366: 面積\t886.47 (k m ²)\t\t
    # L1367: 地縁組織 (自治会、町内会等) 加入率\t87.2 (%)\t公立小学校数\t42 (校)
    # L1368: \t\t公立中学校数\t24 (校)
    {
        "source_line": 1357, "prefecture": "岩手県", "name": "盛岡市",
        "code": "03201",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 293361, "households": 132115,
        "ageing_rate_pct": 26.7, "welfare_rate_pct": 1.597,  # 15.97 ‰
        "association_rate_pct": 87.2, "area_km2": 886.47,
        "elementary_schools": 42, "junior_high_schools": 24,
        "quality_rules": ["per_mille_converted"],
    },
    # L1454: 都道府県名\t宮城県\t市区町村名\t石巻市
    # L1461: 人口\t143,701 (人)\t世帯数\t61,348 (世帯)
    # L1462: 高齢化率\t32.44 (%)\t生活保護受給率\t1.07 (%)
    # L1463: 面積\t554.59 (k m ²)\t\t
    # L1464: 地縁組織 (自治会、町内会等) 加入率\t(%)\t公立小学校数\t33(校)
    # L1465: \t\t公立中学校数\t19(校)
    {
        "source_line": 1454, "prefecture": "宮城県", "name": "石巻市",
        "code": "04202",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 143701, "households": 61348,
        "ageing_rate_pct": 32.44, "welfare_rate_pct": 1.07,
        "association_rate_pct": None, "area_km2": 554.59,
        "elementary_schools": 33, "junior_high_schools": 19,
        "quality_rules": ["missing_empty"],
    },
    # L1553: 都道府県名\t宮城県\t市区町村名\t涌谷町
    # L1560: 人口\t16,174 (人)\t世帯数\t5,932 (世帯)
    # L1561: 高齢化率\t35.1 (%)\t生活保護受給率\t0.7 (%)
    # L1562: \t\t面積\t82.16 (km ²)
    # L1563: 地縁組織(自治会、町内会等)加入率\t(%)\t公立小学校数\t3(校)
    # L1564: \t\t公立中学校数\t1(校)
    {
        "source_line": 1553, "prefecture": "宮城県", "name": "涌谷町",
        "code": "04501",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 16174, "households": 5932,
        "ageing_rate_pct": 35.1, "welfare_rate_pct": 0.7,
        "association_rate_pct": None, "area_km2": 82.16,
        "elementary_schools": 3, "junior_high_schools": 1,
        "quality_rules": ["missing_empty"],
    },
    # L1652: 都道府県名\t宮城県\t市区町村名\t仙台市
    # L1659: 人口\t1,090,263 (人)\t世帯数\t520,556 (世帯)
    # L1660: 高齢化率\t23.80 (%)\t生活保護受給率\t16.69 (‰)
    # L1661: 面積\t786.30 (k m ²)\t地縁組織 (自治会、町内会等) 加入率\t79.1 (%)
    # L1662: 公立小学校数\t123 (校)\t公立中学校数\t65 (校)
    {
        "source_line": 1652, "prefecture": "宮城県", "name": "仙台市",
        "code": "04100",  # code checked: geo/gazetteer.csv
        "kind": "designated_city",
        "population": 1090263, "households": 520556,
        "ageing_rate_pct": 23.80, "welfare_rate_pct": 1.669,  # 16.69 ‰
        "association_rate_pct": 79.1, "area_km2": 786.30,
        "elementary_schools": 123, "junior_high_schools": 65,
        "quality_rules": ["per_mille_converted"],
    },
    # L1746: 都道府県名\t秋田県\t市区町村名\t
    # L1753: 人口\t968,580 (人)\t世帯数\t389,371 (世帯)
    # L1754: 高齢化率\t31.8 (%)\t生活保護受給率\t1.47 (%)
    # L1755: 面積\t11,637.52 (k m ²)\t公立小学校数\t194(校)
    # L1756: 地縁組織 (自治会、町内会等) 加入率\t-(%)\t公立中学校数\t112(校)
    {
        "source_line": 1746, "prefecture": "秋田県", "name": "秋田県",
        "code": "05000",  # code checked: geo/gazetteer.csv
        "kind": "prefecture",
        "population": 968580, "households": 389371,
        "ageing_rate_pct": 31.8, "welfare_rate_pct": 1.47,
        "association_rate_pct": None, "area_km2": 11637.52,
        "elementary_schools": 194, "junior_high_schools": 112,
        "quality_rules": ["missing_dash"],
    },
    # L1802: 都道府県名\t秋田県\t市区町村名\t湯沢市
    # L1809: 人口\t44,529 (人)\t世帯数\t17,818 (世帯)
    # L1810: 高齢化率\t38.46 (%)\t生活保護受給率\t12.9 (‰)
    # L1811: 面積\t790.91 (k m ²)\t地縁組織 (自治会、町内会等) 加入率\t- (%)
    # L1812: 公立小学校数\t11 (校)\t公立中学校数\t6 (校)
    {
        "source_line": 1802, "prefecture": "秋田県", "name": "湯沢市",
        "code": "05207",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 44529, "households": 17818,
        "ageing_rate_pct": 38.46, "welfare_rate_pct": 1.29,  # 12.9 ‰
        "association_rate_pct": None, "area_km2": 790.91,
        "elementary_schools": 11, "junior_high_schools": 6,
        "quality_rules": ["missing_dash", "per_mille_converted"],
    },
    # L1905: 都道府県名\t秋田県\t市区町村名\t井川町
    # L1912: 人口\t4,698 (人)\t世帯数\t1,747 (世帯)
    # L1913: 高齢化率\t41.06%\t生活保護受給率\t6.6 (%)
    # L1914: 面積\t47.95 (k m ²)\t\t
    # L1915: 地縁組織(自治会、町内会等)加入率\t100(%)\t公立小学校数\t1(校)
    # L1916: \t\t公立中学校数\t1(校)
    {
        "source_line": 1905, "prefecture": "秋田県", "name": "井川町",
        "code": "05366",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 4698, "households": 1747,
        "ageing_rate_pct": 41.06, "welfare_rate_pct": 0.66,  # 6.6 "%"
        "association_rate_pct": 100.0, "area_km2": 47.95,
        "elementary_schools": 1, "junior_high_schools": 1,
        "quality_rules": ["per_mille_labelled_percent"],
    },
    # L1957: 都道府県名\t秋田県\t市区町村名\t大潟村\t\t
    # L1964: 人口\t3,174 (人)\t\t世帯数\t1,128 (世帯)\t
    # L1965: 高齢化率\t31.85 (%)\t生活保護受給率\t0.063 (%)\t面積\t170.05 (k m ²)
    # L1966: 地縁組織 (自治会、町内会等) 加入率\t100(%)\t公立小学校数\t1(校)\t公立中学校数\t1(校)
    {
        "source_line": 1957, "prefecture": "秋田県", "name": "大潟村",
        "code": "05368",  # code checked: geo/gazetteer.csv
        "kind": "village",
        "population": 3174, "households": 1128,
        "ageing_rate_pct": 31.85, "welfare_rate_pct": 0.063,  # >= 0.01: kept
        "association_rate_pct": 100.0, "area_km2": 170.05,
        "elementary_schools": 1, "junior_high_schools": 1,
        "quality_rules": [],
    },
    # L2070: 都道府県名\t福島県\t市区町村名\t須賀川市\t\t
    # L2077: 人口\t75,853 (人)\t\t世帯数\t27,259 (世帯)\t
    # L2078: 高齢化率\t26.9 (%)\t生活保護受給率\t0.86 (%)\t面積\t279.43 (k m ²)
    # L2079: 地縁組織(自治会、町内会等)加入率\t77.2(%)\t公立小学校数\t16(校)\t公立中学校数\t10(校)
    {
        "source_line": 2070, "prefecture": "福島県", "name": "須賀川市",
        "code": "07207",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 75853, "households": 27259,
        "ageing_rate_pct": 26.9, "welfare_rate_pct": 0.86,
        "association_rate_pct": 77.2, "area_km2": 279.43,
        "elementary_schools": 16, "junior_high_schools": 10,
        "quality_rules": [],
    },
    # L2119: 都道府県名\t福島県\t市区町村名\t郡山市
    # L2126: 人口\t332,028 (人)\t世帯数\t142,824 (世帯)
    # L2127: 高齢化率 (%)\t25.6 (%)\t生活保護受給率\t1.02 (%)
    # L2128: 面積\t757.20 (k m ²)\t公立小学校数\t53 (校)
    # L2129: 公立中学校数\t28 (校)\t地縁組織 (自治会、町内会等) 加入率\t63 (%)
    {
        "source_line": 2119, "prefecture": "福島県", "name": "郡山市",
        "code": "07203",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 332028, "households": 142824,
        "ageing_rate_pct": 25.6, "welfare_rate_pct": 1.02,
        "association_rate_pct": 63.0, "area_km2": 757.20,
        "elementary_schools": 53, "junior_high_schools": 28,
        "quality_rules": [],
    },
    # L2222: 都道府県名\t茨城県\t市区町村名\t土浦市
    # L2229: 人口\t139,389(人)\t\t世帯数\t59,616(世帯)\t
    # L2230: 高齢化率\t27.96(%)\t生活保護受給率\t0.91(%)\t面積\t122.89(k m ²)
    # L2231: 地縁組織(自治会、町内会等)加入率\t87.07(%)\t公立小学校数\t※16(校)\t公立中学校数\t※7(校)
    # L2235: ※義務教育学校:1校
    {
        "source_line": 2222, "prefecture": "茨城県", "name": "土浦市",
        "code": "08203",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 139389, "households": 59616,
        "ageing_rate_pct": 27.96, "welfare_rate_pct": 0.91,
        "association_rate_pct": 87.07, "area_km2": 122.89,
        "elementary_schools": 16, "junior_high_schools": 7,  # "※16", "※7"
        "quality_rules": ["footnote_mark"],
    },
    # L2340: 都道府県名\t茨城県\t市区町村名\tひたちなか市
    # L2347: 人口\t155,060 (人)\t世帯数\t63,862 (世帯)\t\t
    # L2348: 高齢化率\t25.6 (%)\t生活保護受給率\t0.60 (%)\t面積\t99.93 (k m ²)
    # L2349: 地縁組織(自治会、町内会等)加入率\t60 (%)\t公立小学校数\t20(校)\t公立中学校数\t9(校)
    {
        "source_line": 2340, "prefecture": "茨城県", "name": "ひたちなか市",
        "code": "08221",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 155060, "households": 63862,
        "ageing_rate_pct": 25.6, "welfare_rate_pct": 0.60,
        "association_rate_pct": 60.0, "area_km2": 99.93,
        "elementary_schools": 20, "junior_high_schools": 9,
        "quality_rules": [],
    },
    # L2434: 都道府県名\t茨城県\t市区町村名\t古河市
    # L2441: 人口\t143,086 (人)\t世帯数\t61,742 (世帯)
    # L2442: 高齢化率\t27.58 (%)\t生活保護受給率\t1.48 (%)
    # L2443: 面積\t123.58 (k m ²)\t\t
    # L2444: 地縁組織 (自治会、町内会等) 加入率\t73.85 (%)\t公立小学校数\t23 (校)
    # L2445: \t\t公立中学校数\t9 (校)
    {
        "source_line": 2434, "prefecture": "茨城県", "name": "古河市",
        "code": "08204",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 143086, "households": 61742,
        "ageing_rate_pct": 27.58, "welfare_rate_pct": 1.48,
        "association_rate_pct": 73.85, "area_km2": 123.58,
        "elementary_schools": 23, "junior_high_schools": 9,
        "quality_rules": [],
    },
    # L2591: 都道府県名\t茨城県\t市区町村名\t那珂市
    # L2598: 人口\t54, 772 (人)\t世帯数\t22, 709 (世帯)\t\t
    # L2599: 高齢化率\t30.54 (%)\t生活保護受給率\t0.56 (%)\t面積\t97.82 (k m ²)
    # L2600: 地縁組織 (自治会、町内会等) 加入率\t69.54 (%)\t公立小学校数\t9(校)\t公立中学校数\t5(校)
    {
        "source_line": 2591, "prefecture": "茨城県", "name": "那珂市",
        "code": "08226",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 54772, "households": 22709,
        "ageing_rate_pct": 30.54, "welfare_rate_pct": 0.56,
        "association_rate_pct": 69.54, "area_km2": 97.82,
        "elementary_schools": 9, "junior_high_schools": 5,
        "quality_rules": [],
    },
    # L2642: 都道府県名\t茨城県\t市区町村名\t東海村
    # L2649: 人口\t38,302 (人)\t世帯数\t16,024 (世帯)
    # L2650: 高齢化率\t24.81 (%)\t生活保護受給率\t0.68 (%)
    # L2651: 面積\t38.00 (k m ²)\t\t
    # L2652: 地縁組織(自治会、町内会等)加入率\t51.27(%)\t公立小学校数\t6(校)
    # L2653: \t\t公立中学校数\t2(校)
    {
        "source_line": 2642, "prefecture": "茨城県", "name": "東海村",
        "code": "08341",  # code checked: geo/gazetteer.csv
        "kind": "village",
        "population": 38302, "households": 16024,
        "ageing_rate_pct": 24.81, "welfare_rate_pct": 0.68,
        "association_rate_pct": 51.27, "area_km2": 38.00,
        "elementary_schools": 6, "junior_high_schools": 2,
        "quality_rules": [],
    },
    # L2738: 都道府県名\t栃木県\t市区町村名\t
    # L2745: 人口\t1,952,926 (人)\t世帯数\t787,780 (世帯)\t\t
    # L2746: 高齢化率\t27.9 (%)\t生活保護受給率\t1.05 (%)\t面積\t6,408 (k m ²)
    # L2747: 地縁組織(自治会、町内会等)加入率\t70.05(%)\t公立小学校数\t358(校)\t公立中学校数\t156(校)
    {
        "source_line": 2738, "prefecture": "栃木県", "name": "栃木県",
        "code": "09000",  # code checked: geo/gazetteer.csv
        "kind": "prefecture",
        "population": 1952926, "households": 787780,
        "ageing_rate_pct": 27.9, "welfare_rate_pct": 1.05,
        "association_rate_pct": 70.05, "area_km2": 6408.0,
        "elementary_schools": 358, "junior_high_schools": 156,
        "quality_rules": [],
    },
    # L2786: 都道府県名\t栃木県\t市区町村名\t栃木市
    # L2793: 人口\t160,775 (人)\t世帯数\t65,620 (世帯)
    # L2794: 高齢化率\t30.44 (%)\t生活保護受給率\t0.904 (%)
    # L2795: 面積\t331.50 (k m ²)\t\t
    # L2796: 地縁組織(自治会、町内会等)加入率\t73.46(%)\t公立小学校数\t30(校)
    # L2797: \t\t公立中学校数\t14(校)
    {
        "source_line": 2786, "prefecture": "栃木県", "name": "栃木市",
        "code": "09203",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 160775, "households": 65620,
        "ageing_rate_pct": 30.44, "welfare_rate_pct": 0.904,
        "association_rate_pct": 73.46, "area_km2": 331.50,
        "elementary_schools": 30, "junior_high_schools": 14,
        "quality_rules": [],
    },
    # L2878: 都道府県名\t栃木県\t市区町村名\t那須烏山市
    # L2885: 人口\t26,442 (人)\t世帯数\t10,555 (世帯)
    # L2886: 高齢化率\t35.3 (%)\t生活保護受給率\t6.50 (‰)
    # L2887: 面積\t174.35 (k m ²)\t地縁組織 (自治会、町内会等) 加入率 (%)\t公立小学校数 5 (校)
    # L2888: 公立中学校数\t2 (校)\t地域包括支援センター\t委託：2 か所 (社福、社協)
    # (label and value share one cell: association empty, elementary = 5)
    {
        "source_line": 2878, "prefecture": "栃木県", "name": "那須烏山市",
        "code": "09215",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 26442, "households": 10555,
        "ageing_rate_pct": 35.3, "welfare_rate_pct": 0.65,  # 6.50 ‰
        "association_rate_pct": None, "area_km2": 174.35,
        "elementary_schools": 5, "junior_high_schools": 2,
        "quality_rules": ["missing_empty", "per_mille_converted"],
    },
    # L2968: 都道府県名\t栃木県\t市区町村名\t市貝町
    # L2975: 人口\t11,764 (人)\t世帯数\t4,446 (世帯)
    # L2976: 高齢化率\t28.4 (%)\t生活保護受給率\t0.78 (%)
    # L2977: 面積\t64.25 (k m ²)\t\t
    # L2978: 地縁組織(自治会、町内会等)加入率\t56.14(%)\t公立小学校数\t3(校)
    # L2979: \t\t公立中学校数\t1(校)
    {
        "source_line": 2968, "prefecture": "栃木県", "name": "市貝町",
        "code": "09344",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 11764, "households": 4446,
        "ageing_rate_pct": 28.4, "welfare_rate_pct": 0.78,
        "association_rate_pct": 56.14, "area_km2": 64.25,
        "elementary_schools": 3, "junior_high_schools": 1,
        "quality_rules": [],
    },
    # L3086: 都道府県名\t栃木県\t市区町村名\t野木町
    # L3093: 人口\t25,054 (人)\t世帯数\t10,068 (世帯)
    # L3094: 高齢化率\t31.1 (%)\t生活保護受給率\t1.7 (%)
    # L3095: 面積\t30.26 (k m ²)\t\t
    # L3096: 地縁組織(自治会、町内会等)加入率\t72.92(%)\t公立小学校数\t5(校)
    # L3097: \t\t公立中学校数\t2(校)
    {
        "source_line": 3086, "prefecture": "栃木県", "name": "野木町",
        "code": "09364",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 25054, "households": 10068,
        "ageing_rate_pct": 31.1, "welfare_rate_pct": 1.7,
        "association_rate_pct": 72.92, "area_km2": 30.26,
        "elementary_schools": 5, "junior_high_schools": 2,
        "quality_rules": [],
    },
    # L3180: 都道府県名\t栃木県\t市区町村名\t高根沢町
    # L3187: 人口\t29710 (人)\t世帯数\t12361 (世帯)
    # L3188: 高齢化率\t24.1 (%)\t生活保護受給率\t0.58 (%)
    # L3189: 面積\t70.87 (k m ²)\t\t
    # L3190: 地縁組織(自治会、町内会等)加入率\t49.9(%)\t公立小学校数\t6(校)
    # L3191: \t\t公立中学校数\t2(校)
    {
        "source_line": 3180, "prefecture": "栃木県", "name": "高根沢町",
        "code": "09386",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 29710, "households": 12361,
        "ageing_rate_pct": 24.1, "welfare_rate_pct": 0.58,
        "association_rate_pct": 49.9, "area_km2": 70.87,
        "elementary_schools": 6, "junior_high_schools": 2,
        "quality_rules": [],
    },
    # L3279: 都道府県名\t栃木県\t市区町村名\t那珂川町
    # L3286: 人口\t16,104 (人)\t世帯数\t6,022 (世帯)
    # L3287: 高齢化率\t37.78 (%)\t生活保護受給率\t0.95 (%)
    # L3288: 面積\t192 (k㎡)\t\t
    # L3289: 地縁組織(自治会、町内会等)加入率\t71(%)\t公立小学校数\t3(校)
    # L3290: \t\t公立中学校数\t2(校)
    {
        "source_line": 3279, "prefecture": "栃木県", "name": "那珂川町",
        "code": "09411",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 16104, "households": 6022,
        "ageing_rate_pct": 37.78, "welfare_rate_pct": 0.95,
        "association_rate_pct": 71.0, "area_km2": 192.0,
        "elementary_schools": 3, "junior_high_schools": 2,
        "quality_rules": [],
    },
    # L3367: 都道府県名\t群馬県\t市区町村名\t
    # L3374: 人口\t1,949,756 (人)\t世帯数\t798,538 (世帯)\t\t
    # L3375: 高齢化率\t29.4 (%)\t生活保護受給率\t0.77 (%)\t面積\t6,362.28 (k m ²)
    # L3376: 地縁組織(自治会、町内会等)加入率\t不明(%)\t公立小学校数\t308(校)\t公立中学校数\t161(校)
    {
        "source_line": 3367, "prefecture": "群馬県", "name": "群馬県",
        "code": "10000",  # code checked: geo/gazetteer.csv
        "kind": "prefecture",
        "population": 1949756, "households": 798538,
        "ageing_rate_pct": 29.4, "welfare_rate_pct": 0.77,
        "association_rate_pct": None, "area_km2": 6362.28,
        "elementary_schools": 308, "junior_high_schools": 161,
        "quality_rules": ["missing_unknown"],
    },
    # L3407: 都道府県名\t群馬県\t市区町村名\t玉村町
    # L3414: 人口\t36,340 (人)\t\t世帯数\t15,424 (世帯)\t
    # L3415: 高齢化率 (%)\t24.7\t生活保護受給率\t0.52 (%)\t面積\t25.81 (k m ²)
    # L3416: 地縁組織(自治会、町内会等)加入率\t(%)\t公立小学校数\t5(校)\t公立中学校数\t2(校)
    {
        "source_line": 3407, "prefecture": "群馬県", "name": "玉村町",
        "code": "10464",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 36340, "households": 15424,
        "ageing_rate_pct": 24.7, "welfare_rate_pct": 0.52,
        "association_rate_pct": None, "area_km2": 25.81,
        "elementary_schools": 5, "junior_high_schools": 2,
        "quality_rules": ["missing_empty"],
    },
    # L3473: 都道府県名\t埼玉県\t市区町村名\t
    # L3480: 人口\t7,336,524 (人)\t世帯数\t3,155,607 (世帯)\t\t
    # L3481: 高齢化率\t25.9 (%)\t生活保護受給率\t1.33 (%)\t面積\t3,797 (k m ²)
    # L3482: 地縁組織(自治会、町内会等)加入率\t(%)\t公立小学校数\t808(校)\t公立中学校数\t415(校)
    {
        "source_line": 3473, "prefecture": "埼玉県", "name": "埼玉県",
        "code": "11000",  # code checked: geo/gazetteer.csv
        "kind": "prefecture",
        "population": 7336524, "households": 3155607,
        "ageing_rate_pct": 25.9, "welfare_rate_pct": 1.33,
        "association_rate_pct": None, "area_km2": 3797.0,
        "elementary_schools": 808, "junior_high_schools": 415,
        "quality_rules": ["missing_empty"],
    },
    # L3513: 都道府県名\t埼玉県\t市区町村名\t狭山市
    # L3520: 人口\t151,259 (人)\t世帯数\t68,949 (世帯)
    # L3521: 高齢化率\t30.8 (%)\t生活保護受給率\t0.65 (%)
    # L3522: 面積\t48.99 (k m ²)\t\t
    # L3523: 地縁組織 (自治会、町内会等) 加入率\t68.2(%)\t公立小学校数\t15(校)
    # L3524: \t\t公立中学校数\t8(校)
    {
        "source_line": 3513, "prefecture": "埼玉県", "name": "狭山市",
        "code": "11215",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 151259, "households": 68949,
        "ageing_rate_pct": 30.8, "welfare_rate_pct": 0.65,
        "association_rate_pct": 68.2, "area_km2": 48.99,
        "elementary_schools": 15, "junior_high_schools": 8,
        "quality_rules": [],
    },
    # L3606: 都道府県名\t埼玉県\t市区町村名\t草加市
    # L3613: 人口\t249,723 (人)\t世帯数\t118,031 (世帯)\t\t
    # L3614: 高齢化率\t24.5 (%)\t生活保護受給率\t1.55 (%)\t面積\t27.42 (k m ²)
    # L3615: 地縁組織(自治会、町内会等)加入率\t51.41(%)\t公立小学校数\t21(校)\t公立中学校数\t11(校)
    {
        "source_line": 3606, "prefecture": "埼玉県", "name": "草加市",
        "code": "11221",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 249723, "households": 118031,
        "ageing_rate_pct": 24.5, "welfare_rate_pct": 1.55,
        "association_rate_pct": 51.41, "area_km2": 27.42,
        "elementary_schools": 21, "junior_high_schools": 11,
        "quality_rules": [],
    },
    # L3703: 都道府県名\t埼玉県\t市区町村名\t鳩山町
    # L3710: 人口\t13,679 (人)\t世帯数\t6,013 (世帯)
    # L3711: 高齢化率\t42.95 (%)\t生活保護受給率\t0.47 (%)
    # L3712: 面積\t25.73 (k m ²)\t\t
    # L3713: 地縁組織(自治会、町内会等)加入率\t85.7(%)\t公立小学校数\t3(校)
    # L3714: \t\t公立中学校数\t1(校)
    {
        "source_line": 3703, "prefecture": "埼玉県", "name": "鳩山町",
        "code": "11348",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 13679, "households": 6013,
        "ageing_rate_pct": 42.95, "welfare_rate_pct": 0.47,
        "association_rate_pct": 85.7, "area_km2": 25.73,
        "elementary_schools": 3, "junior_high_schools": 1,
        "quality_rules": [],
    },
    # L3821: 都道府県名\t埼玉県\t市区町村名\t川島町\t\t
    # L3828: 人口\t20,054 (人)\t\t世帯数\t8,094 (世帯)\t
    # L3829: 高齢化率\t33.86 (%)\t生活保護受給率\t0.4 (%)\t面積\t41.63 (k m ²)
    # L3830: 地縁組織(自治会、町内会等)加入率\t82.2(%)\t公立小学校数\t4(校)\t公立中学校数\t2(校)
    {
        "source_line": 3821, "prefecture": "埼玉県", "name": "川島町",
        "code": "11346",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 20054, "households": 8094,
        "ageing_rate_pct": 33.86, "welfare_rate_pct": 0.4,
        "association_rate_pct": 82.2, "area_km2": 41.63,
        "elementary_schools": 4, "junior_high_schools": 2,
        "quality_rules": [],
    },
    # L3869: 都道府県名\t千葉県\t市区町村名\t松戸市\t\t
    # L3876: 人口\t495,952 (人)\t\t世帯数\t236,125 (世帯)\t
    # L3877: 高齢化率\t25.1 (%)\t生活保護受給率\t1.83 (%)\t面積\t61.38 (k m ²)
    # L3878: 地縁組織(自治会、町内会等)加入率\t約 70 (%)\t公立小学校数\t45 (校)\t公立中学校数\t20 (校)
    {
        "source_line": 3869, "prefecture": "千葉県", "name": "松戸市",
        "code": "12207",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 495952, "households": 236125,
        "ageing_rate_pct": 25.1, "welfare_rate_pct": 1.83,
        "association_rate_pct": 70.0, "area_km2": 61.38,
        "elementary_schools": 45, "junior_high_schools": 20,
        "quality_rules": ["approximate"],
    },
    # L3921: 都道府県名\t千葉県\t市区町村名\t鴨川市
    # L3928: 人口\t32, 897 (人)\t世帯数\t16, 145 (世帯)
    # L3929: 高齢化率\t37.8 (%)\t生活保護受給率\t0.00831 (%)
    # L3930: 面積\t191.14 (k m ²)\t公立小学校数\t7(校)
    # L3931: 地縁組織 (自治会、町内会等) 加入率\t58.0(%)\t公立中学校数\t3(校)
    {
        "source_line": 3921, "prefecture": "千葉県", "name": "鴨川市",
        "code": "12223",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 32897, "households": 16145,
        "ageing_rate_pct": 37.8, "welfare_rate_pct": 0.831,  # 0.00831 "%" is a fraction
        "association_rate_pct": 58.0, "area_km2": 191.14,
        "elementary_schools": 7, "junior_high_schools": 3,
        "quality_rules": ["fraction_labelled_percent"],
    },
    # L4015: 都道府県名\t千葉県\t市区町村名\t芝山町\t\t
    # L4022: 人口\t7,301 (人)\t\t世帯数\t2,973 (世帯)\t\t
    # L4023: 高齢化率\t33.6 (%)\t生活保護受給率\t0.718 (%)\t面積\t43.24 (k m ²)\t
    # L4024: 地縁組織 (自治会、町内会等) 加入率\t不明 (%)\t公立小学校数\t1(校)\t公立中学校数\t1(校)\t
    {
        "source_line": 4015, "prefecture": "千葉県", "name": "芝山町",
        "code": "12409",  # code checked: geo/gazetteer.csv
        "kind": "town",
        "population": 7301, "households": 2973,
        "ageing_rate_pct": 33.6, "welfare_rate_pct": 0.718,
        "association_rate_pct": None, "area_km2": 43.24,
        "elementary_schools": 1, "junior_high_schools": 1,
        "quality_rules": ["missing_unknown"],
    },
    # L4065: 都道府県名\t千葉県\t市区町村名\t千葉市
    # L4072: 人口\t970,455 (人)\t世帯数\t458,314 (世帯)
    # L4073: 高齢化率\t25.8 (%)\t生活保護受給率\t21.3 (‰)
    # L4074: 面積\t271.77 (k m ²)\t地縁組織 (自治会、町内会等) 加入率\t66.0 (%)
    # L4075: 公立小学校数\t111 (校)\t公立中学校数\t55 (校)
    {
        "source_line": 4065, "prefecture": "千葉県", "name": "千葉市",
        "code": "12100",  # code checked: geo/gazetteer.csv
        "kind": "designated_city",
        "population": 970455, "households": 458314,
        "ageing_rate_pct": 25.8, "welfare_rate_pct": 2.13,  # 21.3 ‰
        "association_rate_pct": 66.0, "area_km2": 271.77,
        "elementary_schools": 111, "junior_high_schools": 55,
        "quality_rules": ["per_mille_converted"],
    },
    # L4156: 都道府県名\t東京都\t市区町村名\t
    # L4163: 人口\t13,953,744 (人)\t世帯数\t7,123,971 (世帯)
    # L4164: 高齢化率\t23.3 (%)\t生活保護受給率\t2.05 (%)
    # L4165: 面積\t2,193.96 (k m ²)\t\t
    # L4166: 地縁組織(自治会、町内会等)加入率\t—(%)\t公立小学校数\t1,271(校)
    # L4167: \t\t公立中学校数\t610(校)
    {
        "source_line": 4156, "prefecture": "東京都", "name": "東京都",
        "code": "13000",  # code checked: geo/gazetteer.csv
        "kind": "prefecture",
        "population": 13953744, "households": 7123971,
        "ageing_rate_pct": 23.3, "welfare_rate_pct": 2.05,
        "association_rate_pct": None, "area_km2": 2193.96,
        "elementary_schools": 1271, "junior_high_schools": 610,
        "quality_rules": ["missing_dash"],
    },
    # L4204: 都道府県名\t東京都\t市区町村名\t墨田区
    # L4209: 1-1. 自治体の基本情報 (人口・世帯数、高齢化率R元10.1 生活保護率R元9.30 町会加入率R元8.1)
    # L4211: 人口\t274,296 (人)\t\t世帯数\t153,318 (世帯)\t\t
    # L4212: 高齢化率\t22.3 (%)\t生活保護受給率\t28.66 (%)\t面積\t13.77 (km ²)\t
    # L4213: 地縁組織 (自治会、町内会等) 加入率\t65.19 (%)\t公立小学校数\t25 (校)\t公立中学校数\t10 (校)\t
    {
        "source_line": 4204, "prefecture": "東京都", "name": "墨田区",
        "code": "13107",  # code checked: geo/gazetteer.csv
        "kind": "ward",
        "population": 274296, "households": 153318,
        "ageing_rate_pct": 22.3, "welfare_rate_pct": 2.866,  # 28.66 "%"
        "association_rate_pct": 65.19, "area_km2": 13.77,
        "elementary_schools": 25, "junior_high_schools": 10,
        "quality_rules": ["per_mille_labelled_percent"],
    },
    # L4318: 都道府県名\t東京都\t市区町村名\t世田谷区
    # L4325: (令和元年 10月1日現在)
    # L4327: 人口\t916,592(人)\t世帯数\t486,858(世帯)\t\t
    # L4328: 高齢化率\t20.08(%)\t生活保護受給率\t11.1(%) <small>(R1/7 現在)</small>\t面積\t58.05(k m ²)
    # L4329: 地縁組織(自治会、町内会等)加入率\t53.50(%)\t公立小学校数\t62(校)\t公立中学校数\t31(校)
    {
        "source_line": 4318, "prefecture": "東京都", "name": "世田谷区",
        "code": "13112",  # code checked: geo/gazetteer.csv
        "kind": "ward",
        "population": 916592, "households": 486858,
        "ageing_rate_pct": 20.08, "welfare_rate_pct": 1.11,  # 11.1 "%"
        "association_rate_pct": 53.50, "area_km2": 58.05,
        "elementary_schools": 62, "junior_high_schools": 31,
        "quality_rules": ["per_mille_labelled_percent"],
    },
    # L4407: 都道府県名\t東京都\t市区町村名\t杉並区
    # L4414: 人口\t573,834 (人)\t世帯数\t325,653 (世帯)
    # L4415: 高齢化率\t20.83 (%)\t生活保護受給率\t13.3 (%)
    # L4416: 面積\t34.06 (k m ²)\t\t
    # L4417: 地縁組織(自治会、町内会等)加入率\t46.6(%)\t公立小学校数\t41(校)
    # L4418: \t\t公立中学校数\t23(校)
    {
        "source_line": 4407, "prefecture": "東京都", "name": "杉並区",
        "code": "13115",  # code checked: geo/gazetteer.csv
        "kind": "ward",
        "population": 573834, "households": 325653,
        "ageing_rate_pct": 20.83, "welfare_rate_pct": 1.33,  # 13.3 "%"
        "association_rate_pct": 46.6, "area_km2": 34.06,
        "elementary_schools": 41, "junior_high_schools": 23,
        "quality_rules": ["per_mille_labelled_percent"],
    },
    # L4541: 都道府県名\t東京都\t市区町村名\t江戸川区
    # L4548: 人口\t697,801 (人)\t世帯数\t343,074 (世帯)
    # L4549: 高齢化率\t21.08 (%)\t生活保護受給率\t28.85 (%)
    # L4550: 面積\t49.09 (k m ²)\t\t
    # L4551: 地縁組織 (自治会、町内会等) 加入率\t55.6 (%)\t公立小学校数\t70 (校)
    # L4552: \t\t公立中学校数\t33 (校)
    {
        "source_line": 4541, "prefecture": "東京都", "name": "江戸川区",
        "code": "13123",  # code checked: geo/gazetteer.csv
        "kind": "ward",
        "population": 697801, "households": 343074,
        "ageing_rate_pct": 21.08, "welfare_rate_pct": 2.885,  # 28.85 "%"
        "association_rate_pct": 55.6, "area_km2": 49.09,
        "elementary_schools": 70, "junior_high_schools": 33,
        "quality_rules": ["per_mille_labelled_percent"],
    },
    # L4637: 都道府県名\t東京都\t市区町村名\t中野区
    # L4644: 人口\t334,721 (人)\t\t世帯数\t207,617 (世帯)\t\t
    # L4645: 高齢化率\t20.5 (%)\t生活保護受給率\t23 (%)\t面積\t15.59 (k m ²)\t
    # L4646: 地縁組織 (自治会、町内会等) 加入率\t約 50(%)\t\t公立小学校数\t22(校)\t公立中学校数\t11(校)
    {
        "source_line": 4637, "prefecture": "東京都", "name": "中野区",
        "code": "13114",  # code checked: geo/gazetteer.csv
        "kind": "ward",
        "population": 334721, "households": 207617,
        "ageing_rate_pct": 20.5, "welfare_rate_pct": 2.3,  # 23 "%"
        "association_rate_pct": 50.0, "area_km2": 15.59,
        "elementary_schools": 22, "junior_high_schools": 11,
        "quality_rules": ["approximate", "per_mille_labelled_percent"],
    },
    # L4705: 都道府県名\t東京都\t市区町村名\t豊島区\t\t
    # L4712: 人口\t289,817 (人)\t\t世帯数\t180,326 (世帯)\t
    # L4713: 高齢化率\t19.8 (%)\t生活保護受給率\t2.3 (%)\t面積\t13.01 (k m ²)
    # L4714: 地縁組織 (自治会、町内会等) 加入率\t(%)\t公立小学校数\t22(校)\t公立中学校数\t8(校)
    {
        "source_line": 4705, "prefecture": "東京都", "name": "豊島区",
        "code": "13116",  # code checked: geo/gazetteer.csv
        "kind": "ward",
        "population": 289817, "households": 180326,
        "ageing_rate_pct": 19.8, "welfare_rate_pct": 2.3,
        "association_rate_pct": None, "area_km2": 13.01,
        "elementary_schools": 22, "junior_high_schools": 8,
        "quality_rules": ["missing_empty"],
    },
    # L4759: 都道府県名\t東京都\t市区町村名\t調布市
    # L4766: 人口\t236,880(人)\t\t世帯数\t120,246(世帯)\t\t
    # L4767: 高齢化率\t21.43(%)\t生活保護受給率\t13.0(%)\t面積\t21.58(k m ²)\t
    # L4768: 地縁組織(自治会、町内会等)加入率\t40.0(%)\t公立小学校数\t20(校)\t公立中学校数\t8(校)\t
    {
        "source_line": 4759, "prefecture": "東京都", "name": "調布市",
        "code": "13208",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 236880, "households": 120246,
        "ageing_rate_pct": 21.43, "welfare_rate_pct": 1.3,  # 13.0 "%"
        "association_rate_pct": 40.0, "area_km2": 21.58,
        "elementary_schools": 20, "junior_high_schools": 8,
        "quality_rules": ["per_mille_labelled_percent"],
    },
    # L4841: 都道府県名\t東京都\t市区町村名\t日野市\t\t
    # L4848: 人口\t185,393 (人)\t\t世帯数\t88,402 (世帯)\t\t
    # L4849: 高齢化率\t24.7 (%)\t生活保護受給率\t1.34 (%)\t面積\t27.55 (k m ²)\t
    # L4850: 地縁組織(自治会、町内会等)加入率\t45.06(%)\t公立小学校数\t17(校)\t公立中学校数\t8(校)\t
    {
        "source_line": 4841, "prefecture": "東京都", "name": "日野市",
        "code": "13212",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 185393, "households": 88402,
        "ageing_rate_pct": 24.7, "welfare_rate_pct": 1.34,
        "association_rate_pct": 45.06, "area_km2": 27.55,
        "elementary_schools": 17, "junior_high_schools": 8,
        "quality_rules": [],
    },
    # L4921: 都道府県名\t東京都\t市区町村名\t国立市
    # L4928: 人口\t76,269 (人)\t\t世帯数\t38,193 (世帯)\t\t
    # L4929: 高齢化率\t23.2 (%)\t生活保護受給率\t14.8 (%)\t面積\t8.15 (k m ²)\t
    # L4930: 地縁組織 (自治会、町内会等) 加入率\t29.2(%)\t公立小学校数\t8(校)\t公立中学校数\t3(校)\t
    {
        "source_line": 4921, "prefecture": "東京都", "name": "国立市",
        "code": "13215",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 76269, "households": 38193,
        "ageing_rate_pct": 23.2, "welfare_rate_pct": 1.48,  # 14.8 "%"
        "association_rate_pct": 29.2, "area_km2": 8.15,
        "elementary_schools": 8, "junior_high_schools": 3,
        "quality_rules": ["per_mille_labelled_percent"],
    },
    # L5007: 都道府県名\t東京都\t市区町村名\t狛江市
    # L5012: 1-1. 自治体の基本情報（※集計可能な平成30年4月1日の数字です）
    # L5014: 人口\t82,048（人）\t\t世帯数\t41,769（世帯）\t
    # L5015: 高齢化率\t24.1（％）\t生活保護受給率\t1.385（％）\t面積\t6.39（k㎡）
    # L5016: 地縁組織（自治会、町内会等）加入率\t42.7（％）\t公立小学校数\t6（校）\t公立中学校数\t4（校）
    # (the ※ is in the heading, not attached to a number: no footnote_mark)
    {
        "source_line": 5007, "prefecture": "東京都", "name": "狛江市",
        "code": "13219",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 82048, "households": 41769,
        "ageing_rate_pct": 24.1, "welfare_rate_pct": 1.385,
        "association_rate_pct": 42.7, "area_km2": 6.39,
        "elementary_schools": 6, "junior_high_schools": 4,
        "quality_rules": [],
    },
    # L5095: 都道府県名\t東京都\t市区町村名\t八王子市\t\t
    # L5102: 人口\t561,407 (人)\t\t世帯数\t267,602 (世帯)\t\t
    # L5103: 高齢化率\t26.6 (%)\t生活保護受給率\t1.67 (%)\t面積\t186.38 (k m ²)\t
    # L5104: 地縁組織(自治会、町内会等)加入率\t58.22(%)\t公立小学校数\t70(校)\t公立中学校数\t38(校)\t
    {
        "source_line": 5095, "prefecture": "東京都", "name": "八王子市",
        "code": "13201",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 561407, "households": 267602,
        "ageing_rate_pct": 26.6, "welfare_rate_pct": 1.67,
        "association_rate_pct": 58.22, "area_km2": 186.38,
        "elementary_schools": 70, "junior_high_schools": 38,
        "quality_rules": [],
    },
    # L5190: 都道府県名\t神奈川県\t市区町村名\t藤沢市
    # L5197: 人口\t434,313 (人)\t世帯数\t190,679 (世帯)
    # L5198: 高齢化率\t24.3 (%)\t生活保護受給率\t12.5 (‰)
    # L5199: 面積\t69.56 (k m ²)\t公立小学校数\t35(校)
    # L5200: 地縁組織(自治会、町内会等)加入率\t73.3(%)\t公立中学校数\t19(校)
    # L5201: 地域包括支援センター\t※下記例を参考に、本記入を削除のうえ記入してください。\t\t
    {
        "source_line": 5190, "prefecture": "神奈川県", "name": "藤沢市",
        "code": "14205",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 434313, "households": 190679,
        "ageing_rate_pct": 24.3, "welfare_rate_pct": 1.25,  # 12.5 ‰
        "association_rate_pct": 73.3, "area_km2": 69.56,
        "elementary_schools": 35, "junior_high_schools": 19,
        "quality_rules": ["per_mille_converted", "template_text"],
    },
    # L5278: 都道府県名\t神奈川県\t市区町村名\t小田原市\t\t
    # L5285: 人口\t190,454(人)\t\t世帯数\t81,444(世帯)\t\t
    # L5286: 高齢化率\t29.65(%)\t生活保護受給率\t16.89(%)\t面積\t113.81(k m ²)\t
    # L5287: 地縁組織(自治会、町内会等)加入率\t75.3(%)\t公立小学校数\t25(校)\t公立中学校数\t11(校)\t
    {
        "source_line": 5278, "prefecture": "神奈川県", "name": "小田原市",
        "code": "14206",  # code checked: geo/gazetteer.csv
        "kind": "city",
        "population": 190454, "households": 81444,
        "ageing_rate_pct": 29.65, "welfare_rate_pct": 1.689,  # 16.89 "%"
        "association_rate_pct": 75.3, "area_km2": 113.81,
        "elementary_schools": 25, "junior_high_schools": 11,
        "quality_rules": ["per_mille_labelled_percent"],
    },
]

# Sum of `population` over the 57 municipality entries above (kind !=
# "prefecture"); i.e. the arithmetic total of the hand-read values, every
# one of which was re-read against its raw line.
HOUSEHOLD_TOTALS = {"population_sum_municipalities": 11880635}

"""Hand-checked expected values for the national (SSDSE-A / FITS-M) pipeline tests.

How these values were read
--------------------------
* Sources: /work/shared/national/SSDSE-A-2018.csv ... SSDSE-A-2026.csv and
  /work/shared/national/FITS-M-List.csv (all CP932 / Shift_JIS).
* Each file was converted with ``iconv -f CP932 -t UTF-8`` (CR stripped) and read
  with grep/awk only.  No project code (machikurabe) and no pandas was used.
* SSDSE-A layout: row 1 = indicator codes (first cell ``Code`` in 2018/2019,
  ``code`` in 2020, ``SSDSE-A-20xx`` from 2021), row 2 = year of each column
  (first cell ``Year``/``year``/empty), row 3 = Japanese label, then one row per
  municipality keyed ``R`` + 5-digit code.  No field in any file is quoted, so a
  plain comma split is exact.  Every column was located by its row-1 code (column
  positions differ between files, e.g. D2203 is col 81 in 2018, col 83 in 2019,
  col 79 in 2022, col 80 in 2023-2026).  The "year" below is the row-2 year of
  that column in that file.
* Values are copied exactly as printed and stored as floats (no rounding).
  Finance amounts (D3203, D320303) are in thousand yen; B1101 is in hectares.
* Derived values were computed with ``python3`` on the copied integers and
  rounded with round(x, 4).
* Every cell value below was re-read from the raw line a second time.

Which file holds which year (row-2 years):
  census A-items (A1101, A1301, A1303, A1419, A1700, A7101, A710101, A8301):
      2015 in SSDSE-A-2018..2021, 2020 in SSDSE-A-2022..2026
  F1102/F1107: absent from 2018; 2015 in 2019..2021; 2020 in 2022..2026
  B1101: 2016,2017,2018,2019,2020,2021,2022,2023,2024 in files 2018..2026
  D2203/D2211/D3203/D320303: 2015,2016,2017,2018,2019,2019,2020,2021,2022
      in files 2018..2026 (2022 and 2023 both carry fiscal year 2019)
  E2101/E3101: 2016,2017,2018,2019,2020,2021,2022,2023,2024 in files 2018..2026

Code change: 福岡県 那珂川町 is R40305 in SSDSE-A-2018 and -2019; 那珂川市 R40231 in
SSDSE-A-2020 .. -2026 (the 2020/2021 files carry the 2015 census under 40231).
栃木県 那珂川町 R09411 is a different place, present in all nine files.
"""

CELLS = [
    # --- census 2015 / 2020: 横手市 05203 ---
    {"file": "SSDSE-A-2018.csv", "code": "05203", "indicator": "A1101", "year": 2015, "value": 92197.0,
     "label": "人口総数", "why": "census total population 2015, oldest file (label 人口総数 only in 2018)"},
    {"file": "SSDSE-A-2018.csv", "code": "05203", "indicator": "A1303", "year": 2015, "value": 32319.0,
     "label": "６５歳以上人口", "why": "65+ population 2015 (full-width digits in 2018/2019 labels)"},
    {"file": "SSDSE-A-2018.csv", "code": "05203", "indicator": "A7101", "year": 2015, "value": 31463.0,
     "label": "世帯数", "why": "households 2015"},
    {"file": "SSDSE-A-2026.csv", "code": "05203", "indicator": "A1101", "year": 2020, "value": 85555.0,
     "label": "総人口", "why": "census total population 2020, newest file"},
    {"file": "SSDSE-A-2026.csv", "code": "05203", "indicator": "A1303", "year": 2020, "value": 33401.0,
     "label": "65歳以上人口", "why": "65+ population 2020"},
    {"file": "SSDSE-A-2026.csv", "code": "05203", "indicator": "A7101", "year": 2020, "value": 31109.0,
     "label": "世帯数", "why": "households 2020"},
    # --- finance: 横手市 ---
    {"file": "SSDSE-A-2018.csv", "code": "05203", "indicator": "D3203", "year": 2015, "value": 59004412.0,
     "label": "歳出決算総額（市町村財政）", "why": "total expenditure, thousand yen"},
    {"file": "SSDSE-A-2018.csv", "code": "05203", "indicator": "D320303", "year": 2015, "value": 16414664.0,
     "label": "民生費（市町村財政）", "why": "welfare expenditure, thousand yen"},
    {"file": "SSDSE-A-2018.csv", "code": "05203", "indicator": "D2203", "year": 2015, "value": 86.5,
     "label": "経常収支比率（市町村財政）", "why": "ratio with decimal"},
    {"file": "SSDSE-A-2024.csv", "code": "05203", "indicator": "D3203", "year": 2020, "value": 66130781.0,
     "label": "歳出決算総額（市町村財政）", "why": "FY2020 total expenditure (only file with D3203 year 2020)"},
    {"file": "SSDSE-A-2024.csv", "code": "05203", "indicator": "D320303", "year": 2020, "value": 15719548.0,
     "label": "民生費（市町村財政）", "why": "FY2020 welfare expenditure"},
    {"file": "SSDSE-A-2024.csv", "code": "05203", "indicator": "D2211", "year": 2020, "value": 7.0,
     "label": "実質公債費比率（市町村財政）", "why": "ratio printed as integer '7'"},
    {"file": "SSDSE-A-2025.csv", "code": "05203", "indicator": "D2203", "year": 2021, "value": 91.3,
     "label": "経常収支比率（市町村財政）", "why": "ratio from 2025 file"},
    {"file": "SSDSE-A-2026.csv", "code": "05203", "indicator": "D320303", "year": 2022, "value": 16714710.0,
     "label": "民生費（市町村財政）", "why": "FY2022 welfare expenditure, newest file"},
    # --- 湯沢市 05207 ---
    {"file": "SSDSE-A-2019.csv", "code": "05207", "indicator": "A1101", "year": 2015, "value": 46613.0,
     "label": "総人口", "why": "census 2015 from 2019 file"},
    {"file": "SSDSE-A-2019.csv", "code": "05207", "indicator": "D2203", "year": 2016, "value": 90.4,
     "label": "経常収支比率（市町村財政）", "why": "ratio FY2016"},
    {"file": "SSDSE-A-2020.csv", "code": "05207", "indicator": "A1303", "year": 2015, "value": 16650.0,
     "label": "65歳以上人口", "why": "65+ population 2015 from 2020 file"},
    {"file": "SSDSE-A-2024.csv", "code": "05207", "indicator": "D3203", "year": 2020, "value": 33547446.0,
     "label": "歳出決算総額（市町村財政）", "why": "FY2020 total expenditure"},
    {"file": "SSDSE-A-2026.csv", "code": "05207", "indicator": "A1101", "year": 2020, "value": 42091.0,
     "label": "総人口", "why": "census 2020"},
    # --- negative D2211 values ---
    {"file": "SSDSE-A-2018.csv", "code": "04211", "indicator": "D2211", "year": 2015, "value": -0.4,
     "label": "実質公債費比率（市町村財政）", "why": "NEGATIVE value (宮城県 岩沼市)"},
    {"file": "SSDSE-A-2022.csv", "code": "01431", "indicator": "D2211", "year": 2019, "value": -3.8,
     "label": "実質公債費比率（市町村財政）", "why": "NEGATIVE value (北海道 浦臼町)"},
    {"file": "SSDSE-A-2026.csv", "code": "05434", "indicator": "D2211", "year": 2022, "value": -1.5,
     "label": "実質公債費比率（市町村財政）", "why": "NEGATIVE value (秋田県 美郷町)"},
    # --- area B1101 (hectares) ---
    {"file": "SSDSE-A-2022.csv", "code": "01206", "indicator": "B1101", "year": 2020, "value": 136329.0,
     "label": "総面積（北方地域及び竹島を除く）", "why": "釧路市 area 2020, ha (136290 in 2016-2018, 136326 in 2023-2024)"},
    {"file": "SSDSE-A-2022.csv", "code": "02307", "indicator": "B1101", "year": 2020, "value": 23030.0,
     "label": "総面積（北方地域及び竹島を除く）", "why": "外ヶ浜町 area 2020, ha (23029 in 2016 file)"},
    {"file": "SSDSE-A-2021.csv", "code": "02307", "indicator": "B1101", "year": 2019, "value": 23030.0,
     "label": "総面積（北方地域及び竹島を除く）", "why": "外ヶ浜町 area 2019, ha"},
    # --- school counts 外ヶ浜町 2019 ---
    {"file": "SSDSE-A-2021.csv", "code": "02307", "indicator": "E2101", "year": 2019, "value": 2.0,
     "label": "小学校数", "why": "elementary schools 外ヶ浜町 2019 (only file with E2101 year 2019)"},
    {"file": "SSDSE-A-2021.csv", "code": "02307", "indicator": "E3101", "year": 2019, "value": 2.0,
     "label": "中学校数", "why": "junior high schools 外ヶ浜町 2019"},
    {"file": "SSDSE-A-2021.csv", "code": "05203", "indicator": "E2101", "year": 2019, "value": 17.0,
     "label": "小学校数", "why": "elementary schools 横手市 2019"},
    # --- 那珂川 code change: 福岡 40305 (old) / 40231 (new); 栃木 09411 different ---
    {"file": "SSDSE-A-2018.csv", "code": "40305", "indicator": "A1101", "year": 2015, "value": 50004.0,
     "label": "人口総数", "why": "福岡県 那珂川町 under OLD code 40305 (present only in 2018, 2019 files)"},
    {"file": "SSDSE-A-2018.csv", "code": "40305", "indicator": "A1303", "year": 2015, "value": 10129.0,
     "label": "６５歳以上人口", "why": "福岡県 那珂川町 old code"},
    {"file": "SSDSE-A-2019.csv", "code": "40305", "indicator": "A7101", "year": 2015, "value": 18291.0,
     "label": "世帯数", "why": "福岡県 那珂川町 old code, 2019 file"},
    {"file": "SSDSE-A-2022.csv", "code": "40231", "indicator": "A1101", "year": 2020, "value": 50112.0,
     "label": "総人口", "why": "福岡県 那珂川市 under NEW code 40231 (present in 2020..2026 files)"},
    {"file": "SSDSE-A-2022.csv", "code": "40231", "indicator": "A1303", "year": 2020, "value": 11704.0,
     "label": "65歳以上人口", "why": "那珂川市 new code"},
    {"file": "SSDSE-A-2022.csv", "code": "40231", "indicator": "A7101", "year": 2020, "value": 19078.0,
     "label": "世帯数", "why": "那珂川市 new code"},
    {"file": "SSDSE-A-2019.csv", "code": "09411", "indicator": "A1101", "year": 2015, "value": 16964.0,
     "label": "総人口", "why": "栃木県 那珂川町 - different place, must never be merged with 40305/40231"},
    {"file": "SSDSE-A-2022.csv", "code": "09411", "indicator": "A1101", "year": 2020, "value": 15215.0,
     "label": "総人口", "why": "栃木県 那珂川町 2020"},
    {"file": "SSDSE-A-2023.csv", "code": "09411", "indicator": "A1303", "year": 2020, "value": 6029.0,
     "label": "65歳以上人口", "why": "栃木県 那珂川町 65+ 2020, 2023 file"},
]

# Files in which each 那珂川 code appears (row key R + code):
NAKAGAWA_CODES_BY_FILE = {
    "40305": ["SSDSE-A-2018.csv", "SSDSE-A-2019.csv"],                       # 福岡県,那珂川町
    "40231": ["SSDSE-A-2020.csv", "SSDSE-A-2021.csv", "SSDSE-A-2022.csv", "SSDSE-A-2023.csv",
              "SSDSE-A-2024.csv", "SSDSE-A-2025.csv", "SSDSE-A-2026.csv"],  # 福岡県,那珂川市
    "09411": ["SSDSE-A-2018.csv", "SSDSE-A-2019.csv", "SSDSE-A-2020.csv", "SSDSE-A-2021.csv",
              "SSDSE-A-2022.csv", "SSDSE-A-2023.csv", "SSDSE-A-2024.csv", "SSDSE-A-2025.csv",
              "SSDSE-A-2026.csv"],                                          # 栃木県,那珂川町
}

SAME_CELL_IN_TWO_VINTAGES = [
    {"code": "05203", "indicator": "A1101", "year": 2015,
     "values": {"SSDSE-A-2018.csv": 92197.0, "SSDSE-A-2021.csv": 92197.0}, "equal": True,
     "note": "label differs: 人口総数 (2018) vs 総人口 (2021)"},
    {"code": "01431", "indicator": "D2211", "year": 2019,
     "values": {"SSDSE-A-2022.csv": -3.8, "SSDSE-A-2023.csv": -3.8}, "equal": True,
     "note": "negative ratio; 2022 and 2023 files both carry FY2019 finance (col 80 vs col 81)"},
    {"code": "05203", "indicator": "D3203", "year": 2019,
     "values": {"SSDSE-A-2022.csv": 54651182.0, "SSDSE-A-2023.csv": 54651182.0}, "equal": True,
     "note": "column 83 in 2022, column 84 in 2023"},
    {"code": "40231", "indicator": "A1101", "year": 2020,
     "values": {"SSDSE-A-2022.csv": 50112.0, "SSDSE-A-2026.csv": 50112.0}, "equal": True,
     "note": "extra example"},
]
# Note: a full awk comparison of every (code, indicator, year) present in two files
# (pairs 2018/2019, 2019/2020, 2020/2021, 2018/2021, 2022/2023, 2023/2024, 2024/2025,
# 2025/2026, 2022/2026) found NO differing values.

DERIVED = [
    # ---------------- 05203 横手市 ----------------
    {"code": "05203", "indicator": "ageing_rate_pct", "year": 2020, "value": 39.0404, "inputs": {"A1303": {"value": 33401.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 85555.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "05203", "indicator": "over75_share_pct", "year": 2020, "value": 20.9023, "inputs": {"A1419": {"value": 17883.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 85555.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "05203", "indicator": "child_share_pct", "year": 2020, "value": 9.9725, "inputs": {"A1301": {"value": 8532.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 85555.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "05203", "indicator": "pop_change_2015_2020_pct", "year": 2020, "value": -7.2041, "inputs": {"A1101_2020": {"value": 85555.0, "file": "SSDSE-A-2026.csv"}, "A1101_2015": {"value": 92197.0, "file": "SSDSE-A-2021.csv"}}},
    {"code": "05203", "indicator": "density_per_km2", "year": 2020, "value": 123.4916, "inputs": {"A1101": {"value": 85555.0, "file": "SSDSE-A-2026.csv"}, "B1101_ha": {"value": 69280.0, "file": "SSDSE-A-2022.csv"}}},
    {"code": "05203", "indicator": "single_elderly_household_pct", "year": 2020, "value": 12.9784, "inputs": {"A8301": {"value": 4025.0, "file": "SSDSE-A-2026.csv"}, "A710101": {"value": 31013.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "05203", "indicator": "unemployment_rate_pct", "year": 2020, "value": 3.7065, "inputs": {"F1107": {"value": 1694.0, "file": "SSDSE-A-2026.csv"}, "F1102": {"value": 44009.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "05203", "indicator": "foreign_share_pct", "year": 2020, "value": 0.436, "inputs": {"A1700": {"value": 373.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 85555.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "05203", "indicator": "welfare_spending_share_pct", "year": 2020, "value": 23.7704, "inputs": {"D320303": {"value": 15719548.0, "file": "SSDSE-A-2024.csv"}, "D3203": {"value": 66130781.0, "file": "SSDSE-A-2024.csv"}}},
    # ---------------- 01206 釧路市 ----------------
    {"code": "01206", "indicator": "ageing_rate_pct", "year": 2020, "value": 34.1386, "inputs": {"A1303": {"value": 56355.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 165077.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "01206", "indicator": "over75_share_pct", "year": 2020, "value": 17.1762, "inputs": {"A1419": {"value": 28354.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 165077.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "01206", "indicator": "child_share_pct", "year": 2020, "value": 10.0765, "inputs": {"A1301": {"value": 16634.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 165077.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "01206", "indicator": "pop_change_2015_2020_pct", "year": 2020, "value": -5.531, "inputs": {"A1101_2020": {"value": 165077.0, "file": "SSDSE-A-2026.csv"}, "A1101_2015": {"value": 174742.0, "file": "SSDSE-A-2021.csv"}}},
    {"code": "01206", "indicator": "density_per_km2", "year": 2020, "value": 121.0872, "inputs": {"A1101": {"value": 165077.0, "file": "SSDSE-A-2026.csv"}, "B1101_ha": {"value": 136329.0, "file": "SSDSE-A-2022.csv"}}},
    {"code": "01206", "indicator": "single_elderly_household_pct", "year": 2020, "value": 16.5928, "inputs": {"A8301": {"value": 13290.0, "file": "SSDSE-A-2026.csv"}, "A710101": {"value": 80095.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "01206", "indicator": "unemployment_rate_pct", "year": 2020, "value": 3.993, "inputs": {"F1107": {"value": 2878.0, "file": "SSDSE-A-2026.csv"}, "F1102": {"value": 69198.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "01206", "indicator": "foreign_share_pct", "year": 2020, "value": 0.4937, "inputs": {"A1700": {"value": 815.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 165077.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "01206", "indicator": "welfare_spending_share_pct", "year": 2020, "value": 33.872, "inputs": {"D320303": {"value": 39629217.0, "file": "SSDSE-A-2024.csv"}, "D3203": {"value": 116996919.0, "file": "SSDSE-A-2024.csv"}}},
    # ---------------- 13208 調布市 ----------------
    {"code": "13208", "indicator": "ageing_rate_pct", "year": 2020, "value": 20.7795, "inputs": {"A1303": {"value": 50414.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 242614.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "13208", "indicator": "over75_share_pct", "year": 2020, "value": 11.1267, "inputs": {"A1419": {"value": 26995.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 242614.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "13208", "indicator": "child_share_pct", "year": 2020, "value": 11.8517, "inputs": {"A1301": {"value": 28754.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 242614.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "13208", "indicator": "pop_change_2015_2020_pct", "year": 2020, "value": 5.9168, "inputs": {"A1101_2020": {"value": 242614.0, "file": "SSDSE-A-2026.csv"}, "A1101_2015": {"value": 229061.0, "file": "SSDSE-A-2021.csv"}}},
    {"code": "13208", "indicator": "density_per_km2", "year": 2020, "value": 11242.5394, "inputs": {"A1101": {"value": 242614.0, "file": "SSDSE-A-2026.csv"}, "B1101_ha": {"value": 2158.0, "file": "SSDSE-A-2022.csv"}}},
    {"code": "13208", "indicator": "single_elderly_household_pct", "year": 2020, "value": 9.7417, "inputs": {"A8301": {"value": 11767.0, "file": "SSDSE-A-2026.csv"}, "A710101": {"value": 120790.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "13208", "indicator": "unemployment_rate_pct", "year": 2020, "value": 3.4012, "inputs": {"F1107": {"value": 3591.0, "file": "SSDSE-A-2026.csv"}, "F1102": {"value": 101989.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "13208", "indicator": "foreign_share_pct", "year": 2020, "value": 1.6405, "inputs": {"A1700": {"value": 3980.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 242614.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "13208", "indicator": "welfare_spending_share_pct", "year": 2020, "value": 39.3777, "inputs": {"D320303": {"value": 46995863.0, "file": "SSDSE-A-2024.csv"}, "D3203": {"value": 119346374.0, "file": "SSDSE-A-2024.csv"}}},
    # ---------------- 40231 那珂川市 (2015 value read under 40231 in the 2021 file) ----------------
    {"code": "40231", "indicator": "ageing_rate_pct", "year": 2020, "value": 23.3557, "inputs": {"A1303": {"value": 11704.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 50112.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "40231", "indicator": "over75_share_pct", "year": 2020, "value": 10.4506, "inputs": {"A1419": {"value": 5237.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 50112.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "40231", "indicator": "child_share_pct", "year": 2020, "value": 16.2356, "inputs": {"A1301": {"value": 8136.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 50112.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "40231", "indicator": "pop_change_2015_2020_pct", "year": 2020, "value": 0.216, "inputs": {"A1101_2020": {"value": 50112.0, "file": "SSDSE-A-2026.csv"}, "A1101_2015": {"value": 50004.0, "file": "SSDSE-A-2021.csv"}}},
    {"code": "40231", "indicator": "density_per_km2", "year": 2020, "value": 668.6057, "inputs": {"A1101": {"value": 50112.0, "file": "SSDSE-A-2026.csv"}, "B1101_ha": {"value": 7495.0, "file": "SSDSE-A-2022.csv"}}},
    {"code": "40231", "indicator": "single_elderly_household_pct", "year": 2020, "value": 8.5052, "inputs": {"A8301": {"value": 1621.0, "file": "SSDSE-A-2026.csv"}, "A710101": {"value": 19059.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "40231", "indicator": "unemployment_rate_pct", "year": 2020, "value": 4.4567, "inputs": {"F1107": {"value": 1071.0, "file": "SSDSE-A-2026.csv"}, "F1102": {"value": 22960.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "40231", "indicator": "foreign_share_pct", "year": 2020, "value": 0.5687, "inputs": {"A1700": {"value": 285.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 50112.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "40231", "indicator": "welfare_spending_share_pct", "year": 2020, "value": 34.7402, "inputs": {"D320303": {"value": 8981940.0, "file": "SSDSE-A-2024.csv"}, "D3203": {"value": 25854606.0, "file": "SSDSE-A-2024.csv"}}},
    # ---------------- 47356 沖縄県 渡名喜村 (small village; smallest population in 沖縄県) ----------------
    {"code": "47356", "indicator": "ageing_rate_pct", "year": 2020, "value": 41.3295, "inputs": {"A1303": {"value": 143.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 346.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "47356", "indicator": "over75_share_pct", "year": 2020, "value": 22.2543, "inputs": {"A1419": {"value": 77.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 346.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "47356", "indicator": "child_share_pct", "year": 2020, "value": 8.3815, "inputs": {"A1301": {"value": 29.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 346.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "47356", "indicator": "pop_change_2015_2020_pct", "year": 2020, "value": -19.5349, "inputs": {"A1101_2020": {"value": 346.0, "file": "SSDSE-A-2026.csv"}, "A1101_2015": {"value": 430.0, "file": "SSDSE-A-2021.csv"}}},
    {"code": "47356", "indicator": "density_per_km2", "year": 2020, "value": 89.4057, "inputs": {"A1101": {"value": 346.0, "file": "SSDSE-A-2026.csv"}, "B1101_ha": {"value": 387.0, "file": "SSDSE-A-2022.csv"}}},
    {"code": "47356", "indicator": "single_elderly_household_pct", "year": 2020, "value": 28.125, "inputs": {"A8301": {"value": 63.0, "file": "SSDSE-A-2026.csv"}, "A710101": {"value": 224.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "47356", "indicator": "unemployment_rate_pct", "year": 2020, "value": 3.0303, "inputs": {"F1107": {"value": 6.0, "file": "SSDSE-A-2026.csv"}, "F1102": {"value": 192.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "47356", "indicator": "foreign_share_pct", "year": 2020, "value": 0.578, "inputs": {"A1700": {"value": 2.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 346.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "47356", "indicator": "welfare_spending_share_pct", "year": 2020, "value": 7.1294, "inputs": {"D320303": {"value": 98119.0, "file": "SSDSE-A-2024.csv"}, "D3203": {"value": 1376250.0, "file": "SSDSE-A-2024.csv"}}},
    # ---------------- 47350 沖縄県 南風原町 (extra; note it is a town, not a small village) ----------------
    {"code": "47350", "indicator": "ageing_rate_pct", "year": 2020, "value": 19.4411, "inputs": {"A1303": {"value": 7862.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 40440.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "47350", "indicator": "over75_share_pct", "year": 2020, "value": 9.1098, "inputs": {"A1419": {"value": 3684.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 40440.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "47350", "indicator": "child_share_pct", "year": 2020, "value": 20.1805, "inputs": {"A1301": {"value": 8161.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 40440.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "47350", "indicator": "pop_change_2015_2020_pct", "year": 2020, "value": 7.8342, "inputs": {"A1101_2020": {"value": 40440.0, "file": "SSDSE-A-2026.csv"}, "A1101_2015": {"value": 37502.0, "file": "SSDSE-A-2021.csv"}}},
    {"code": "47350", "indicator": "density_per_km2", "year": 2020, "value": 3758.3643, "inputs": {"A1101": {"value": 40440.0, "file": "SSDSE-A-2026.csv"}, "B1101_ha": {"value": 1076.0, "file": "SSDSE-A-2022.csv"}}},
    {"code": "47350", "indicator": "single_elderly_household_pct", "year": 2020, "value": 7.6161, "inputs": {"A8301": {"value": 1115.0, "file": "SSDSE-A-2026.csv"}, "A710101": {"value": 14640.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "47350", "indicator": "unemployment_rate_pct", "year": 2020, "value": 4.7984, "inputs": {"F1107": {"value": 870.0, "file": "SSDSE-A-2026.csv"}, "F1102": {"value": 17261.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "47350", "indicator": "foreign_share_pct", "year": 2020, "value": 0.5465, "inputs": {"A1700": {"value": 221.0, "file": "SSDSE-A-2026.csv"}, "A1101": {"value": 40440.0, "file": "SSDSE-A-2026.csv"}}},
    {"code": "47350", "indicator": "welfare_spending_share_pct", "year": 2020, "value": 38.6226, "inputs": {"D320303": {"value": 7514120.0, "file": "SSDSE-A-2024.csv"}, "D3203": {"value": 19455265.0, "file": "SSDSE-A-2024.csv"}}},
]

# FITS-M-List.csv: '区分' strings copied exactly (Ⅱ = U+2161, － = U+FF0D, １ = U+FF11
# as decoded by CP932).  not_selected is True when the 非選定 column holds '※'.
MUNICIPAL_TYPES = [
    {"code5": "05203", "code6": "052035", "name": "横手市", "type": "都市Ⅱ－１", "not_selected": False},
    {"code5": "05207", "code6": "052078", "name": "湯沢市", "type": "都市Ⅰ－１", "not_selected": False},
    {"code5": "01100", "code6": "011002", "name": "札幌市", "type": "政令指定都市", "not_selected": False},
    {"code5": "01202", "code6": "012025", "name": "函館市", "type": "中核市", "not_selected": False},
    {"code5": "13104", "code6": "131041", "name": "新宿区", "type": "特別区", "not_selected": False},
    {"code5": "02307", "code6": "023078", "name": "外ヶ浜町", "type": "町村Ⅱ－０", "not_selected": False},
    {"code5": "04205", "code6": "042056", "name": "気仙沼市", "type": "都市Ⅱ－１", "not_selected": True},
    {"code5": "09411", "code6": "094111", "name": "那珂川町", "type": "町村Ⅳ－１", "not_selected": True},
    {"code5": "40231", "code6": "402311", "name": "那珂川市", "type": "都市Ⅱ－３", "not_selected": False},
    {"code5": "01206", "code6": "012068", "name": "釧路市", "type": "都市Ⅳ－３", "not_selected": False},
    {"code5": "13208", "code6": "132080", "name": "調布市", "type": "都市Ⅳ－３", "not_selected": False},
]

# All rows of FITS-M-List.csv whose 区分 is exactly '都市Ⅱ－１' (横手市's 区分).
# Includes the ※ (非選定) rows 02205 五所川原市, 04205 気仙沼市, 12230 八街市.
TYPE_GROUP_OF_YOKOTE = [
    "01210", "02205", "02206", "03205", "04205", "04213", "05203", "05210", "05212",
    "07207", "07210", "07213", "08205", "10208", "12202", "12215", "12230", "12236",
    "15224", "15226", "19208", "19211", "20205", "20209", "20217", "20220", "21203",
    "26212", "30206", "30208", "34209", "36202", "37208", "38203", "40207", "40210",
    "40228", "40230", "43206", "43213", "43215", "44204", "45204", "46208", "47210",
    "47214",
]
TYPE_GROUP_OF_YOKOTE_COUNT = 46

PREFECTURE_SUM = {
    "prefecture_code": "05",
    "prefecture": "秋田県",
    "indicator": "A1101",
    "year": 2020,
    "file": "SSDSE-A-2026.csv",
    "value": 959502.0,
    "count": 25,
    "note": "sum over all rows R05xxx (13 市 + 9 町 + 3 村); SSDSE-A-2022.csv gives the same 959502 / 25",
}

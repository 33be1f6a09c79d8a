"""Hand-checked programme labels for data/raw/003_432db8467158d625.txt.

FY2019 MHLW model-project plans (地域力強化推進事業 / 多機関の協働による包括的支援体制構築事業 /
都道府県事業), one entry per body (63 bodies), in source order.

Labelled by reading the source, not by running a parser.

Keys:
- source_line: line of the ``都道府県名`` row that opens the block (1-based).
  The second 遠野市 hit at line 1084 is an image caption, not a body, and is excluded.
- prefecture / name: as printed; name is "" for prefecture blocks.
- marked: programmes marked (○ or <input type="radio"/>) on the ``実施事業※`` line; a mark
  belongs to the programme label that PRECEDES it on the line.
- sections_with_content: programmes whose section 3 / 4 / 5 carries a design
  (実施主体, 事業名, 事業内容 ... filled in).
- promoter_count: for bodies with multi_agency content, the total planned number of
  相談支援包括化推進員 from ``④相談支援包括化推進員の配置予定人数``; None if not stated /
  not a number (raw text given in a comment). Omitted for bodies without multi_agency content.

Program keys: community_capacity (3. 地域力強化推進事業), multi_agency (4. 多機関の協働による
包括的支援体制構築事業), prefectural (5. 都道府県事業).
"""

CC = "community_capacity"
MA = "multi_agency"
PF = "prefectural"

# one entry per body, in source order
PROGRAMMES_BY_BODY = [
    # line 5 北海道 釧路市: marks CC+MA; sec3 @29, sec4 @68 (④ "常勤1人、非常勤1人")
    {"source_line": 5, "prefecture": "北海道", "name": "釧路市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 94 北海道 京極町: marks MA only (line 95: "地域力強化推進事業\t\t多機関…\t○\t都道府県事業"); sec3 @116, sec4 @164 (④ "2人")
    # DISAGREE: section 3 (community_capacity) carries a design (実施主体 京極町社協, 事業名 生活支援体制整備事業) but CC is not marked
    {"source_line": 94, "prefecture": "北海道", "name": "京極町", "marked": [MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 189 北海道 鷹栖町: marks CC+MA; sec3 @214, sec4 @262 (④ "1名")
    {"source_line": 189, "prefecture": "北海道", "name": "鷹栖町", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 1},
    # line 289 北海道 音威子府村: marks CC+MA; sec3 @313, sec4 @361 (④ "1人")
    {"source_line": 289, "prefecture": "北海道", "name": "音威子府村", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 1},
    # line 388 北海道 津別町: marks MA; no sec3 (line 433 only mentions 地域力強化推進事業 in prose inside sec4); sec4 @410 (④ "2人")
    {"source_line": 388, "prefecture": "北海道", "name": "津別町", "marked": [MA], "sections_with_content": [MA], "promoter_count": 2},
    # line 437 北海道 広尾町: marks CC+MA (tab-separated ○); sec3 @464, sec4 @502 (④ "2名")
    {"source_line": 437, "prefecture": "北海道", "name": "広尾町", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 528 北海道 妹背牛町: marks CC only; sec3 @550; no sec4 (line 595 says no 推進員 this year)
    {"source_line": 528, "prefecture": "北海道", "name": "妹背牛町", "marked": [CC], "sections_with_content": [CC]},
    # line 599 北海道 札幌市: marks CC+MA; sec3 @621, sec4 @661 (事業名 "…(※ 事業費の計上なし)")
    # promoter: ④ raw "平成 31 年度は相談支援包括化推進員の配置は行わない。" (no number; effectively zero planned)
    {"source_line": 599, "prefecture": "北海道", "name": "札幌市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": None},
    # line 686 青森県 (prefecture): marks PF ("都道府県事業 ○"); sec5 @710
    {"source_line": 686, "prefecture": "青森県", "name": "", "marked": [PF], "sections_with_content": [PF]},
    # line 728 青森県 鱒ヶ沢町: marks CC+MA; sec3 @751, sec4 @798 (④ "3人")
    {"source_line": 728, "prefecture": "青森県", "name": "鱒ヶ沢町", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 3},
    # line 825 青森県 今別町: marks MA; sec4 @847 (④ label split over lines 852-853: "④相談支援包括化推\t3人")
    {"source_line": 825, "prefecture": "青森県", "name": "今別町", "marked": [MA], "sections_with_content": [MA], "promoter_count": 3},
    # line 873 青森県 蓬田村: marks MA; sec4 @896 (④ "3 人")
    {"source_line": 873, "prefecture": "青森県", "name": "蓬田村", "marked": [MA], "sections_with_content": [MA], "promoter_count": 3},
    # line 920 青森県 外ヶ浜町: marks CC only; sec3 @942
    {"source_line": 920, "prefecture": "青森県", "name": "外ヶ浜町", "marked": [CC], "sections_with_content": [CC]},
    # line 992 岩手県 遠野市: marks CC+MA; sec3 @1017, sec4 @1059 (④ "3人"). (Line 1084 = image caption, not a body.)
    {"source_line": 992, "prefecture": "岩手県", "name": "遠野市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 3},
    # line 1093 岩手県 矢巾町: marks CC+MA (<input type="radio"/> after each); sec3 @1115, sec4 @1155 (④ "2 名")
    {"source_line": 1093, "prefecture": "岩手県", "name": "矢巾町", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 1182 岩手県 岩泉町: marks CC+MA; sec3 @1204, sec4 @1251 (④ "2人")
    {"source_line": 1182, "prefecture": "岩手県", "name": "岩泉町", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 1357 岩手県 盛岡市: marks CC+MA; sec3 @1382, sec4 @1426 (④ "20 人(専任1名, 兼任 19 人)")
    {"source_line": 1357, "prefecture": "岩手県", "name": "盛岡市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 20},
    # line 1454 宮城県 石巻市: marks CC+MA; sec3 @1480, sec4 @1526 (④ "2人（うち委託職員1人（補助対象分）、市職員1人（補助対象外分））")
    {"source_line": 1454, "prefecture": "宮城県", "name": "石巻市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 1553 宮城県 涌谷町: marks CC+MA; sec3 @1578, sec4 @1626 (④ "1人")
    {"source_line": 1553, "prefecture": "宮城県", "name": "涌谷町", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 1},
    # line 1652 宮城県 仙台市: marks CC+MA; sec3 @1675, sec4 @1722 (④ "1人 (1行政区においてモデル実施)")
    {"source_line": 1652, "prefecture": "宮城県", "name": "仙台市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 1},
    # line 1746 秋田県 (prefecture): marks PF; sec5 @1769
    {"source_line": 1746, "prefecture": "秋田県", "name": "", "marked": [PF], "sections_with_content": [PF]},
    # line 1802 秋田県 湯沢市: marks MA only (line 1803: "地域力強化推進事業\t多機関…\t○ 都道府県事業"); sec3 @1828, sec4 @1869 (④ "2名")
    # DISAGREE: section 3 carries a full design (事業内容 ア/イ filled) but CC is not marked; its
    #   ①実施主体 "(市全体の体制整備の中で実施)" / ②事業名 "(補助事業は活用していない)" — run without the subsidy
    {"source_line": 1802, "prefecture": "秋田県", "name": "湯沢市", "marked": [MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 1905 秋田県 井川町: marks MA; sec4 @1930 (④ "4名")
    {"source_line": 1905, "prefecture": "秋田県", "name": "井川町", "marked": [MA], "sections_with_content": [MA], "promoter_count": 4},
    # line 1957 秋田県 大潟村: marks MA only (line 1958: "地域力強化推進事業\t\t多機関…\t○\t都道府県事業"); sec3 @1979, sec4 @2027 (④ "4人")
    # DISAGREE: section 3 carries a design (実施主体 大潟村社協, 事業名 包括的相談支援体制整備事業) but CC is not marked
    {"source_line": 1957, "prefecture": "秋田県", "name": "大潟村", "marked": [MA], "sections_with_content": [CC, MA], "promoter_count": 4},
    # line 2070 福島県 須賀川市: marks MA; sec4 @2093 (④ "2名")
    {"source_line": 2070, "prefecture": "福島県", "name": "須賀川市", "marked": [MA], "sections_with_content": [MA], "promoter_count": 2},
    # line 2119 福島県 郡山市: marks CC+MA; sec3 @2142, sec4 @2179
    # promoter: ④ raw "委託先:2か所各2人 直営:3人" -> 2*2 + 3 = 7
    {"source_line": 2119, "prefecture": "福島県", "name": "郡山市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 7},
    # line 2222 茨城県 土浦市: marks CC+MA; sec3 @2247, sec4 @2287 (④ "2人")
    {"source_line": 2222, "prefecture": "茨城県", "name": "土浦市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 2340 茨城県 ひたちなか市: marks CC+MA; sec3 @2362, sec4 @2413 (④ "9人")
    {"source_line": 2340, "prefecture": "茨城県", "name": "ひたちなか市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 9},
    # line 2434 茨城県 古河市: marks CC only ("○ 多機関…\t都道府県事業"); sec3 @2459; no sec4 (line 2498 is sub-item "①多機関…実施計画" inside sec3)
    {"source_line": 2434, "prefecture": "茨城県", "name": "古河市", "marked": [CC], "sections_with_content": [CC]},
    # line 2591 茨城県 那珂市: marks MA ("…多機関…\t○ 都道府県事業"); sec4 @2614 (④ "2人(正規職員2人)")
    {"source_line": 2591, "prefecture": "茨城県", "name": "那珂市", "marked": [MA], "sections_with_content": [MA], "promoter_count": 2},
    # line 2642 茨城県 東海村: marks CC+MA; sec3 @2666, sec4 @2709
    # promoter: ④ raw "2人（正規職員1人、臨時職員1人）※ただし臨時職員は事務補助としてであり相談支援包括化推進員ではない。"
    #   stated figure 2 (the note says only 1 of them is actually a 推進員)
    {"source_line": 2642, "prefecture": "茨城県", "name": "東海村", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 2738 栃木県 (prefecture): marks PF; sec5 @2760
    {"source_line": 2738, "prefecture": "栃木県", "name": "", "marked": [PF], "sections_with_content": [PF]},
    # line 2786 栃木県 栃木市: marks CC+MA; sec3 @2811, sec4 @2852 (④ "3人")
    {"source_line": 2786, "prefecture": "栃木県", "name": "栃木市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 3},
    # line 2878 栃木県 那須烏山市: marks CC+MA; sec3 @2900, sec4 @2940 (④ "2人")
    {"source_line": 2878, "prefecture": "栃木県", "name": "那須烏山市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 2968 栃木県 市貝町: marks CC+MA; sec3 @2994, sec4 @3046 (④ "2人")
    {"source_line": 2968, "prefecture": "栃木県", "name": "市貝町", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 3086 栃木県 野木町: marks CC+MA; sec3 @3110, sec4 @3152 (④ "2名")
    {"source_line": 3086, "prefecture": "栃木県", "name": "野木町", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 3180 栃木県 高根沢町: marks CC+MA; sec3 @3205, sec4 @3246 (④ "1名")
    {"source_line": 3180, "prefecture": "栃木県", "name": "高根沢町", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 1},
    # line 3279 栃木県 那珂川町: marks CC+MA; sec3 @3303, sec4 @3342 (④ "5人")
    {"source_line": 3279, "prefecture": "栃木県", "name": "那珂川町", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 5},
    # line 3367 群馬県 (prefecture): marks PF; sec5 @3389
    {"source_line": 3367, "prefecture": "群馬県", "name": "", "marked": [PF], "sections_with_content": [PF]},
    # line 3407 群馬県 玉村町: marks CC only ("○ 多機関…\t都道府県事業"); sec3 @3430
    {"source_line": 3407, "prefecture": "群馬県", "name": "玉村町", "marked": [CC], "sections_with_content": [CC]},
    # line 3473 埼玉県 (prefecture): marks PF; sec5 @3495
    {"source_line": 3473, "prefecture": "埼玉県", "name": "", "marked": [PF], "sections_with_content": [PF]},
    # line 3513 埼玉県 狭山市: marks CC+MA; sec3 @3538, sec4 @3578 (④ "2人"); lines 3576/3602 are cross-reference sub-items ("…を参照")
    {"source_line": 3513, "prefecture": "埼玉県", "name": "狭山市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 3606 埼玉県 草加市: marks CC+MA; sec3 @3629, sec4 @3677 (④ "1人")
    {"source_line": 3606, "prefecture": "埼玉県", "name": "草加市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 1},
    # line 3703 埼玉県 鳩山町: marks CC+MA; sec3 @3728, sec4 @3794 (④ "3人")
    {"source_line": 3703, "prefecture": "埼玉県", "name": "鳩山町", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 3},
    # line 3821 埼玉県 川島町: marks MA; sec4 @3843 (④ "1人")
    {"source_line": 3821, "prefecture": "埼玉県", "name": "川島町", "marked": [MA], "sections_with_content": [MA], "promoter_count": 1},
    # line 3869 千葉県 松戸市: marks MA; sec4 @3892 (④ "3.5人" — fractional, FTE-style)
    {"source_line": 3869, "prefecture": "千葉県", "name": "松戸市", "marked": [MA], "sections_with_content": [MA], "promoter_count": 3.5},
    # line 3921 千葉県 鴨川市: marks CC+MA; sec3 @3944, sec4 @3989 (④ "1人")
    {"source_line": 3921, "prefecture": "千葉県", "name": "鴨川市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 1},
    # line 4015 千葉県 芝山町: marks MA; sec4 @4038 (④ "1.4 人" — fractional, FTE-style)
    {"source_line": 4015, "prefecture": "千葉県", "name": "芝山町", "marked": [MA], "sections_with_content": [MA], "promoter_count": 1.4},
    # line 4065 千葉県 千葉市: marks CC+MA; sec3 @4089, sec4 @4129
    # promoter: ④ raw "" (empty; ⑤ mentions 社協 CSW "各区1名、計6名" but ④ states no number)
    {"source_line": 4065, "prefecture": "千葉県", "name": "千葉市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": None},
    # line 4156 東京都 (prefecture): marks PF; sec5 @4186
    {"source_line": 4156, "prefecture": "東京都", "name": "", "marked": [PF], "sections_with_content": [PF]},
    # line 4204 東京都 墨田区: marks CC+MA; sec3 @4227, sec4 @4254
    # promoter: ④ raw "2拠点に1名配置" — ambiguous (1 shared across 2 sites, or 1 per site = 2); left None
    {"source_line": 4204, "prefecture": "東京都", "name": "墨田区", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": None},
    # line 4318 東京都 世田谷区: marks CC+MA; sec3 @4342, sec4 @4381 (④ "28人(各地域包括支援センターの既存業務に追加して…人員)")
    {"source_line": 4318, "prefecture": "東京都", "name": "世田谷区", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 28},
    # line 4407 東京都 杉並区: marks CC+MA; sec3 @4431, sec4 @4471 (④ "4人")
    {"source_line": 4407, "prefecture": "東京都", "name": "杉並区", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 4},
    # line 4541 東京都 江戸川区: marks CC+MA; sec3 @4567, sec4 @4609 (④ "9人(各なごみの家1名)")
    {"source_line": 4541, "prefecture": "東京都", "name": "江戸川区", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 9},
    # line 4637 東京都 中野区: marks CC only ("○ 多機関…\t都道府県事業"); sec3 @4663
    {"source_line": 4637, "prefecture": "東京都", "name": "中野区", "marked": [CC], "sections_with_content": [CC]},
    # line 4705 東京都 豊島区: marks MA; sec4 @4728 (④ "20人")
    {"source_line": 4705, "prefecture": "東京都", "name": "豊島区", "marked": [MA], "sections_with_content": [MA], "promoter_count": 20},
    # line 4759 東京都 調布市: marks CC+MA; sec3 @4783, sec4 @4814 (④ "8人")
    {"source_line": 4759, "prefecture": "東京都", "name": "調布市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 8},
    # line 4841 東京都 日野市: marks CC only ("○\t多機関…\t\t都道府県事業"); sec3 @4864
    {"source_line": 4841, "prefecture": "東京都", "name": "日野市", "marked": [CC], "sections_with_content": [CC]},
    # line 4921 東京都 国立市: marks CC+MA (<input type="radio"/> after each); sec3 @4944, sec4 @4982 (④ "3人")
    {"source_line": 4921, "prefecture": "東京都", "name": "国立市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 3},
    # line 5007 東京都 狛江市: marks CC+MA; sec3 @5030, sec4 @5070 (④ "4名(現在2名)" -> planned 4)
    {"source_line": 5007, "prefecture": "東京都", "name": "狛江市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 4},
    # line 5095 東京都 八王子市: marks CC+MA (tab-separated ○); sec3 @5117, sec4 @5164 (④ "2名")
    {"source_line": 5095, "prefecture": "東京都", "name": "八王子市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 5190 神奈川県 藤沢市: marks CC+MA; sec3 @5213, sec4 @5253 (④ "2 人")
    {"source_line": 5190, "prefecture": "神奈川県", "name": "藤沢市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 2},
    # line 5278 神奈川県 小田原市: marks CC+MA (tab-separated ○); sec3 @5301, sec4 @5341 (④ "2人")
    {"source_line": 5278, "prefecture": "神奈川県", "name": "小田原市", "marked": [CC, MA], "sections_with_content": [CC, MA], "promoter_count": 2},
]

# Bodies running each programme: marked OR section carries content (union).
# Disagreements (all: CC section filled but CC not marked): 京極町 (94), 湯沢市 (1802), 大潟村 (1957).
EXPECTED_COUNTS = {"community_capacity": 47, "multi_agency": 51, "prefectural": 6}

# Sections carrying content only (104 sections in total = 47 + 51 + 6).
EXPECTED_COUNTS_CONTENT = {"community_capacity": 47, "multi_agency": 51, "prefectural": 6}

# For reference: counts from the marks alone would be CC 44, MA 51, PF 6.

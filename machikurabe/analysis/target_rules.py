"""Rule-based reading of a programme target: its kind, its category (and a second one where the target
really has two subjects), the pillar of 重層的支援体制整備事業 it serves, its logic-model level and how
sure the rules are. Every rule has an id, a reason in Japanese and English, and stores the words it
matched, so the page can say why a target landed where it did.

This module does not import machikurabe.ingest.targets (targets imports this one): the caller passes the
parsed quantity, or classify() falls back to a small number check of its own.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# ---------------------------------------------------------------------------------------------
# Vocabularies and labels (the page builds its filters and legends from these)
# ---------------------------------------------------------------------------------------------

CATEGORIES = ["consultation", "meetings", "places", "training", "publicity", "people", "outreach", "watching",
              "services", "systems", "individual_participation", "resident_participation", "other"]
PILLARS = ["comprehensive_consultation", "participation_support", "community_building", "outreach",
           "multi_agency", "none"]
LOGIC_LEVELS = ["structure", "process", "output", "outcome"]
KINDS = ["quantitative", "indicator", "qualitative"]
CONFIDENCES = ["high", "low"]

CATEGORY_LABELS = {
    "consultation": ("相談・ケース・支援プラン", "Consultation, cases, support plans"),
    "meetings": ("会議・ネットワーク・連携", "Meetings, networks, joint working"),
    "places": ("居場所・拠点・サロン・通いの場", "Places, hubs, salons, drop-in spaces"),
    "training": ("研修・講座・養成の実施", "Training, courses (held)"),
    "publicity": ("周知・広報・啓発・情報発信", "Publicity, awareness, information"),
    "people": ("人材・担い手・ボランティア・推進員の人数", "People: volunteers, promoters, coordinators (numbers)"),
    "outreach": ("アウトリーチ・訪問・働きかけ", "Outreach, visits, approaching groups"),
    "watching": ("見守り・支え合い・助け合い活動", "Watching over, mutual support"),
    "services": ("生活支援・家事・買い物・移動支援などの直接サービス", "Direct help: daily-life, chores, shopping, transport"),
    "systems": ("計画・体制・仕組み・ルール", "Plans, systems, arrangements, rules"),
    "individual_participation": ("参加支援・就労支援・社会参加の本人支援", "Participation support for individuals: work, social participation"),
    "resident_participation": ("住民参加・住民主体の活動", "Residents taking part, resident-led activity"),
    "other": ("その他", "Other"),
}
PILLAR_LABELS = {
    "comprehensive_consultation": ("包括的相談支援", "Comprehensive consultation support"),
    "participation_support": ("参加支援", "Participation support"),
    "community_building": ("地域づくりに向けた支援", "Support for community building"),
    "outreach": ("アウトリーチ等を通じた継続的支援", "Continuous support through outreach"),
    "multi_agency": ("多機関協働", "Multi-agency collaboration"),
    "none": ("該当なし", "None of the five"),
}
LEVEL_LABELS = {
    "structure": ("ストラクチャー（体制・場・人の整備）", "Structure (people, places, systems in place)"),
    "process": ("プロセス（活動の実施）", "Process (activities done)"),
    "output": ("アウトプット（活動の産物）", "Output (what activities produce)"),
    "outcome": ("アウトカム（住民・地域の変化）", "Outcome (change for residents or community)"),
}
KIND_LABELS = {
    "quantitative": ("量的（数値あり）", "Quantitative (states a number)"),
    "indicator": ("指標のみ（数える項目だが目標値なし）", "Indicator (counted, no value to reach)"),
    "qualitative": ("質的（数値なし）", "Qualitative (no number)"),
}
CONFIDENCE_LABELS = {"high": ("確度高", "High confidence"), "low": ("確度低（要確認）", "Low confidence (check)")}


def category_label(category: str, lang: str = "ja") -> str:
    ja, en = CATEGORY_LABELS.get(category, (category, category))
    return en if lang == "en" else ja


def pillar_label(pillar: str, lang: str = "ja") -> str:
    ja, en = PILLAR_LABELS.get(pillar, (pillar, pillar))
    return en if lang == "en" else ja


def level_label(level: str, lang: str = "ja") -> str:
    ja, en = LEVEL_LABELS.get(level, (level, level))
    return en if lang == "en" else ja


def kind_label(kind: str, lang: str = "ja") -> str:
    ja, en = KIND_LABELS.get(kind, (kind, kind))
    return en if lang == "en" else ja


# Extraction rules (applied in machikurabe.ingest.targets): every decision to drop a printed piece, keep it as a note,
# or join it to another. Each target row stores the rule that made it in `extraction_rule`.
EXTRACTION_RULES = {
    "extract.split": ("一つの目標として切り出した（行・箇条・句点・数の後で区切る）",
                      "one target cut from the field (line, bullet, full stop, after a count)"),
    "extract.join_fragment": ("主語のない数だけの断片（98自治会。年1~2回。）を直前の目標の続きとして結合",
                              "a bare count with no subject (98自治会。) joined to the target before it"),
    "extract.join_bracket": ("文末の括弧の数値（20%増）・（11か所）を直前の目標の本文に含める",
                             "a bracketed figure after a sentence ((20%増)) kept in that target's text"),
    "extract.join_heading": ("数だけの行（16回）を見出しの取組名で補った（002）",
                             "a bare count (16回) completed with the activity heading above it (002)"),
    "extract.fragment_no_context": ("数だけの断片だが、補う文脈が同じ欄にない", "a bare count with nothing to complete it from"),
    "extract.drop_note": ("注記・参照・手順（※相談を受ける人は…、別紙に記載のとおり、今後検討、…ときは…を確認する）は目標でない",
                          "a note, reference or procedure (who takes consultations, see annex, to be decided, "
                          "when …, the team confirms …) is not a target"),
    "extract.drop_rationale": ("理由・見込み（…難しい、…期待される、…見込まれる）は目標でない",
                               "a rationale or expectation (…is difficult, …is expected) is not a target"),
    "extract.drop_date": ("日時・会場の告知は目標でない", "a meeting date or venue is not a target"),
    "extract.drop_past_result": ("実績・経過の報告（【実績】、…があった、…件の相談があり）は目標でない",
                                 "a progress report or past result is not a target"),
    "extract.drop_baseline": ("現状・出発点の数（…世帯ある、…ペースで経過、…をベースに）は目標でない",
                              "a starting figure or current state is not a target"),
    "extract.aside_to_note": ("目標に添えた括弧書き・矢印の経過・※注は、その目標の note に移す",
                              "an aside to a target (bracket without a figure, → progress, ※) goes to its note"),
}


@dataclass(frozen=True)
class Rule:
    rule_id: str
    label: str          # what the rule assigns
    pattern: str        # regular expression over the NFKC-normalised text
    why_ja: str
    why_en: str


# ---------------------------------------------------------------------------------------------
# Category rules.
#
# How they are applied (classify): first the OVERRIDE rules, in order — a target about work, a survey
# share or trained people is that whatever else it names. Otherwise every HEAD rule is matched over
# the main clause (purpose clauses '…ため、' and parenthesised asides removed) and the match that ENDS
# LAST wins: Japanese puts the head of a phrase last, so in 相談支援包括化推進会議を年4回開催 the
# subject is 会議, and in 研修会の参加者数 it is 研修会. Measure words (件数, 参加者数, 開催, 実施) are
# not subjects and are masked before matching. Frame words (体制, 仕組み) go to systems unless a
# subject word stands directly before them (見守り体制 → watching, ネットワーク体制 → meetings).
# ---------------------------------------------------------------------------------------------
OVERRIDE_RULES: list[Rule] = [
    Rule("cat.individual_participation.work", "individual_participation",
         r"中間的就労|就労訓練|就労の場|就労支援|就労ニーズ|就職|雇用|就労先|農福|収穫|社会参加支援|参加支援|受け皿",
         "就労・雇用・参加支援など本人の社会参加を支える目標", "work, employment or participation support for a person"),
    Rule("cat.watching.survey", "watching",
         r"(助け合|支え合|見守).{0,12}(関係のある人|人の割合|住民の割合)",
         "助け合い・支え合いの関係がある住民の割合", "share of residents in mutual-support relations"),
    Rule("cat.resident_participation.survey", "resident_participation",
         r"(参加|活動|つながり).{0,12}(したい人|人の割合|住民の割合)",
         "住民の参加意向・参加の割合", "share of residents taking part or willing to"),
    Rule("cat.people.trained", "people",
         r"(養成|育成|登録|委嘱).{0,20}(修了|人数|\d+\s*(人|名)|者数|登録)|修了者|修了生|修了人数|登録者|"
         r"(サポーター|ボランティア|担い手|推進員|コーディネーター|福祉委員|協力員|人材|ソーシャルワーカー|ゲートキーパー)"
         r".{0,10}(の)?(養成|育成|登録|委嘱|配置|増員)",
         "人を養成・登録・配置した人数（講座の開催回数ではない）", "people trained, registered or placed (not courses held)"),
]

HEAD_RULES: list[Rule] = [
    Rule("cat.outreach.visits", "outreach",
         r"働きかけ|働き掛け|アウトリーチ|訪問|巡回|出向|同行|掘り起こし|声かけ",
         "働きかけ・訪問・アウトリーチ", "outreach, visits, approaching groups"),
    Rule("cat.meetings.bodies", "meetings",
         r"会議|協議体|協議会|懇談会|委員会|連絡会|座談会|話し合いの場|話し合い|意見を交わす場|情報交換会|情報交換|ネットワーク|"
         r"会合|定例会|サミット|総会|検討会|部会|役員会|会に出席|プラットフォーム|連携|協働|情報(の)?共有|課題を共有|役割分担|チーム|"
         r"協議する|議論",
         "会議体・ネットワークの名前がある（機関の連携を含む）", "names a meeting body or network (or joint working)"),
    Rule("cat.consultation.cases", "consultation",
         r"相談|ケース|支援プラン|プラン|終結|解決|つないだ|つなぐ|繋いだ|繋ぐ|支援計画|個別支援|伴走|受理|寄り添|よりそ|"
         r"調整|コーディネート|窓口|方針決定|支援検討|継続支援|継続して支援|支援対象者|対象者の|課題を整理|ニーズを整理|"
         r"支援に(結びつけ|結び付け|つなげ|繋げ)",
         "相談・ケース・支援プラン（受付・対応・解決）", "consultations, cases, support plans"),
    Rule("cat.publicity.awareness", "publicity",
         r"周知|広報|啓発|PR|認知度|情報発信|発信|チラシ|パンフレット|ホームページ|情報を提供|情報提供|意識の(醸成|浸透)|"
         r"フォーラム|講演|発表会|説明会|シンポジウム",
         "周知・広報・啓発・情報発信", "publicity, awareness, information"),
    Rule("cat.training.courses", "training",
         r"研修|講座|学習会|勉強会|セミナー|ワークショップ|カレッジ|福祉教育|視察|学習(?!支援)",
         "研修・講座・学習会の実施（住民向けの発表会・フォーラム・説明会は周知）", "training, courses, study sessions (public forums are publicity)"),
    Rule("cat.watching.mutual", "watching",
         r"見守|支え合|支えあ|ささえあ|助け合|助けあ|支えあう|気づく|気付く",
         "見守り・支え合い・助け合い", "watching over, mutual support"),
    Rule("cat.services.direct", "services",
         r"生活支援サービス|生活支援(?!コーディネーター|体制)|家事|買い物|移動支援|移送|配食|ホームヘルプ|ゴミ出し|ごみ屋敷|"
         r"学習支援|食糧支援|フードバンク|在宅福祉サービス|移動販売|社会資源|サービスの(提供|創出)|生活応援",
         "生活支援・家事・買い物・移動などの直接サービス", "direct help: daily life, chores, shopping, transport"),
    Rule("cat.places.hubs", "places",
         r"居場所|拠点|サロン|カフェ|集いの場|通いの場|交流の場|交流スペース|食堂|縁側|集える場|受け止める場|受けとめる場|"
         r"交流(でき|出来)る場|場の(設置|構築|整備)|場づくり|ファーム|ふくしプラザ|場所|センター(を)?設置|利用者|来所者",
         "居場所・拠点・サロン・通いの場", "gathering places and hubs"),
    Rule("cat.people.roles", "people",
         r"担い手|ボランティア|サポーター|推進員|コーディネーター|人材|福祉委員|協力員|民生委員|活動者|CSW|ワーカー|"
         r"配置|協会員|選任|候補者",
         "担い手・ボランティア・推進員などの人", "volunteers, supporters, promoters, coordinators"),
    Rule("cat.resident_participation.residents", "resident_participation",
         r"参加|参画|住民主体|主体となって|主体的|地域活動|活動の(創出|開始)|新たな活動|活動が開始|取組の創出|取り組みの創出|"
         r"我が事|自治会|住民同士|住民自ら|住民による|サークル|活動団体|福祉活動",
         "住民の参加・住民主体の活動", "residents taking part, resident-led activity"),
    Rule("cat.systems.arrangements", "systems",
         r"計画|体制|仕組み|しくみ|システム|担当制|要綱|要領|ルール|マップ|データベース|様式|市町村数|区市町村|"
         r"窓口(を|の)?(整備|設置|開設)",
         "計画・体制・仕組み・ルールづくり", "plans, systems, arrangements, rules"),
]
CATEGORY_RULES: list[Rule] = OVERRIDE_RULES + HEAD_RULES
SECTION_RULE = Rule("cat.individual_participation.section", "individual_participation", r"II 参加支援",
                    "原文の章「参加支援」の下の支援・働きかけは参加支援", "support under the document's own 参加支援 chapter")
CATEGORY_RULES.append(SECTION_RULE)

# Measure words are masked before the head rules run: they say what is counted, not what about.
_MEASURE_WORDS = re.compile(r"参加者数|参加者|参加人数|参加件数|の参加|受講者|件数|回数|人数|開催数|実施数|開催|実施|延べ|のべ|実績|"
                            r"(と|との)(連携|協力|協働)(し(て)?|により|のもと|を図りながら)")
# A frame word takes the category of the subject word right before it (見守り体制 → watching).
_FRAME = re.compile(r"(体制|仕組み|しくみ|システム|マップ)")

# Secondary category: a second subject joined by a coordinator (及び, と, ・, 、 with its own count …).
SECONDARY_RULE = Rule(
    "sec.two_subjects", "secondary",
    r"及び|および|並びに|ならびに|とともに|と共に|・|、|\+|＋",
    "並列された二つ目の主題（及び・とともに・、など）に別の分類の語がある",
    "a second subject joined by 及び / とともに / 、 names another category")

# ---------------------------------------------------------------------------------------------
# Pillar rules (社会福祉法 第106条の4 第2項), tried in order.
# ---------------------------------------------------------------------------------------------
PILLAR_RULES: list[Rule] = [
    Rule("pillar.document.section", "(document)", r"II 参加支援|III 地域づくり",
         "原文の章（II 参加支援／III 地域づくりに向けた支援）に従う", "follows the document's own section heading"),
    Rule("pillar.participation", "participation_support", r"(category individual_participation)",
         "本人の参加支援・就労支援は参加支援", "participation support for a person"),
    Rule("pillar.outreach", "outreach",
         r"アウトリーチ|訪問|ひきこもり|引きこもり|潜在|掘り起こし|出張|同行|巡回|継続支援|継続的(に|な)支援",
         "訪問・アウトリーチで本人につながり続ける（働きかけ・相談の目標で、団体や活動でなく人に向くとき）",
         "reaching people through visits and staying with them (outreach or consultation aimed at a person)"),
    Rule("pillar.multi_agency", "multi_agency",
         r"多機関|関係機関|専門職|専門機関|相談支援機関|包括化推進会議|支援会議|ケース会議|ケース検討|地域ケア会議|ネットワーク会議|"
         r"連携会議|庁内|庁外|多職種|役割分担|チーム|機関同士|調整件数|相談調整",
         "機関どうしの協働・調整（会議は住民・地域の語がなければこちら、体制は機関の語があればこちら）",
         "agencies working together (a meeting without residents' words; a system naming agencies)"),
    Rule("pillar.community", "community_building",
         r"住民|自治会|町内|地区|懇談会|協議体|団体|サロン|ボランティア|地域活動|民生委員|地域課題 (meetings); "
         r"places|training|publicity|people|watching|services|resident_participation (categories)",
         "住民の活動・場・担い手・見守り・周知など地域づくり（住民が自ら受ける相談も）",
         "places, people, watching, publicity, resident activity: community building (and residents' own consultation)"),
    Rule("pillar.consultation", "comprehensive_consultation",
         r"(category consultation); 相談|窓口 (systems, people, training, publicity, places)",
         "相談を包括的に受け止め、解決まで支える（相談の体制・窓口・相談員を含む）",
         "consultation received and followed to a resolution (including its systems, windows and staff)"),
]

# ---------------------------------------------------------------------------------------------
# Logic-model level rules, tried in this order (the decision rules for hard cases are these, in order).
# ---------------------------------------------------------------------------------------------
LEVEL_RULES: list[Rule] = [
    Rule("lvl.outcome.resolved", "outcome",
         r"終結(?!に至らない)|解決(数|件数|率|度|した|済|に至った|につながった|に導く|が図れた|できるもの)|問題解決に至った",
         "ケースの終結・解決はアウトカム", "a closed or resolved case is an outcome"),
    Rule("lvl.outcome.participation", "outcome",
         r"(就労|雇用|就職).{0,8}(者|人|件|創出|につなが|した)|収穫|社会参加が促進|参加した人",
         "参加支援で就労・参加した人はアウトカム", "people employed or taking part through participation support"),
    Rule("lvl.outcome.change", "outcome",
         r"割合|満足|変化|意識|認知度|孤立|助け合える|支え合える|安心して|理解が深ま|我が事|継続される|暮らせる|活躍|"
         r"評価結果|評価|関心を持|信頼|できるようになる|ようになる|できること|高まる|深める|生まれる|確保できる",
         "住民・地域に起こる変化（割合・満足度・意識・関係）", "change in residents' lives or the community"),
    Rule("lvl.structure.coverage", "structure",
         r"(策定|設置|整備|構築)(している|できた|する)?(地区数|区市町村数|市町村数)|市町村の増加|区市町村数|市町村数",
         "体制・計画のある地区・市町村の数はストラクチャー", "districts or municipalities with a plan or system in place"),
    Rule("lvl.output.cases_done", "output",
         r"(た|れた)(件数|数|世帯)",
         "何かが済んだケースの数（検討が開始された件数など）はアウトプット", "cases in which a step was completed are an output"),
    Rule("lvl.process.deliberation", "process",
         r"検討(?!する場|の場)|協議(?!体|会)|議論|(立ち上げ|拡充|開設|活動)への支援",
         "検討・協議する、立ち上げを支援するのはプロセス", "deliberating, or supporting others to start, is process"),
    Rule("lvl.output.trained", "output",
         r"修了|登録|委嘱|輩出|養成.{0,12}(参加者|人数|者数|\d+\s*(人|名))|(サポーター|ボランティア|担い手|推進員|コーディネーター|"
         r"ワーカー|ゲートキーパー).{0,4}(の)?(養成|育成)",
         "養成・登録された人はアウトプット（講座の開催はプロセス）", "trained or registered people are an output (courses held are process)"),
    Rule("lvl.output.participants", "output",
         r"参加者|参加人数|参加 ?\d|利用者|来所者|受講者|利用延べ人数|活動延人員|の参加|出席者",
         "参加した人・利用した人の数はアウトプット", "people who attended or used are an output"),
    Rule("lvl.output.products", "output",
         r"策定|作成|プラン|支援計画|リスト化|マップ|骨子|つないだ|つなぐ件数|繋いだ|繋ぐ件数|方針決定|選定|選任",
         "活動の産物（計画・プラン・つないだ件数）", "products: plans, referrals, lists"),
    Rule("lvl.output.new_activity", "output",
         r"新たな活動|活動が開始|立ち上げ|創出|創設|開拓|増える|増設|組織化|増員|増加|増やす|団体数|グループ数|"
         r"新規(?!相談|受理)|充実|拡充|拡大",
         "新しくできた住民の活動・グループ、広がった活動はアウトプット", "a newly formed or widened resident activity or group is an output"),
    Rule("lvl.process.held", "process",
         r"開催|実施|出席|開く",
         "会議・講座などを開く・出席するのはプロセス", "meetings or courses held or attended are process"),
    Rule("lvl.process.consultations", "process",
         r"相談件数|相談を受|受理|相談対応|対応件数|相談会|ケース検討|調整件数|コーディネート件数",
         "受けた相談・対応はプロセス", "consultations received or handled are process"),
    Rule("lvl.structure.inplace", "structure",
         r"配置|設置|整備|体制|仕組み|しくみ|システム|構築|開設|新設|拠点|協議体|要綱|要領|ネットワーク化|導入|確立|"
         r"を作る|をつくる|を設け|担当制|地区数",
         "体制・場・人の整備（自ら開く場を含む）", "people, places or systems put in place (including places the body opens)"),
    Rule("lvl.output.headcount", "output",
         r"\d+\s*(人|名|組)",
         "人数で数える目標（参加・利用・活動した人）はアウトプット", "a head count (people taking part or served) is an output"),
    Rule("lvl.process.activities", "process",
         r"相談|開催|実施|回|件|訪問|働きかけ|参加|出席|周知|啓発|支援|取り組|取組|行う|推進|促進|共有",
         "活動の実施（開催・対応・参加）", "activities done: held, handled, attended"),
]
# When no level rule matches, the category decides: a system is structure, people and places are what
# activities produce, everything else is an activity.
LEVEL_DEFAULTS = {"systems": "structure", "people": "output", "places": "output"}
# A place the body opens itself (常設, a room in its centre, run directly) is structure; places counted
# as they open in the community (サロン立ち上げ, 拠点設置数 of resident groups) are an output.
_BODY_OPENS = r"常設|センター|一室|直営|設置運営|窓口|整備"
_MEETING_SET_UP = r"設置|定着|仕組み(を|に|化)|体制(を|の)(構築|整備)|定期開催化|を作る|をつくる|づくり|プラットフォーム"
_CONSULTATION_SET_UP = r"(窓口|場|体制|ネットワーク)[^、。]{0,8}(整備|設置|構築)|窓口となり"
LEVEL_OVERRIDES = {
    "lvl.structure.system": Rule("lvl.structure.system", "structure", r"(category systems)",
                                 "計画・体制・仕組みの目標は、会議や検討の語があってもストラクチャー",
                                 "a plan, system or arrangement is structure even when it names meetings or steps"),
    "lvl.output.places_counted": Rule("lvl.output.places_counted", "output", r"(category places, not 常設|センター|一室|直営)",
                                      "地域にできる場の数（住民のサロン・拠点）はアウトプット（自ら常設で開く場はストラクチャー）",
                                      "places counted as they open in the community are an output (a place the body opens itself is structure)"),
    "lvl.process.courses_held": Rule("lvl.process.courses_held", "process", r"(category training/publicity with N回; outreach)",
                                     "回数のある研修・周知、訪問・同行は、人数が添えてあっても活動の実施（プロセス）",
                                     "courses, events with a number of sessions, and visits are process, even with a head count"),
    "lvl.structure.meeting_set_up": Rule("lvl.structure.meeting_set_up", "structure", r"(category meetings) 設置|定着|仕組み|体制|構築|定期開催化|を作る",
                                         "会議体を設ける・定例化する・仕組みにするのはストラクチャー（開催回数はプロセス）",
                                         "setting up or institutionalising a meeting body is structure (times held are process)"),
    "lvl.structure.window_set_up": Rule("lvl.structure.window_set_up", "structure", r"(category consultation) " + _CONSULTATION_SET_UP,
                                        "相談窓口・受け止める場・相談体制を設けるのはストラクチャー（受けた相談はプロセス）",
                                        "setting up a consultation window, place or system is structure (consultations received are process)"),
    "lvl.structure.place_opened": Rule("lvl.structure.place_opened", "structure", r"(category places) " + _BODY_OPENS,
                                       "自ら常設で開く・整備する場はストラクチャー", "a place the body opens or equips itself is structure"),
}

# ---------------------------------------------------------------------------------------------
# Kind rules
# ---------------------------------------------------------------------------------------------
KIND_RULES = {
    "kind.document": ("原文の区分（量的目標／質的目標）に従う", "follows the document's own 量的/質的 heading"),
    "kind.number": ("数と単位がある（目指す数値を示す）", "states a number with a unit to reach"),
    "kind.all": ("「全地区」「すべての自治会」など全数を目指す", "aims at all districts / all groups: a value to reach"),
    "kind.indicator": ("数える項目（件数・人数・割合・満足度など）を挙げるが目標値がない",
                       "names a counted measure (cases, people, share, satisfaction) but no value to reach"),
    "kind.no_number": ("数値も数える項目もない", "no number and no counted measure"),
}
_KIND_ALL = re.compile(r"(全|すべての|全ての)(地区|自治会|市町村|区市町村|圏域|行政区|小学校区|中学校区|相談支援機関|地域)|"
                       r"(すべて|全て)の(課題|相談|ケース)を")
_MEASURE_NOUN = r"(件数|人数|回数|者数|団体数|箇所数|か所数|地区数|市町村数|[^\s、。]数|率|割合|満足度|解決度|実績)"
_KIND_INDICATOR = re.compile(
    rf"{_MEASURE_NOUN}\s*(等|など)?\s*(。)?\s*$|{_MEASURE_NOUN}(等|など)?(を|の)(記録|カウント|成果指標|指標|把握|推移|数値目標化|増加|増やす|定量的)|"
    rf"(の|を)増加(を目指す)?。?$|を増やす|数値目標化|成果指標とする|数(が|を)(成果)?目標")
_FALLBACK_COUNT = re.compile(r"\d+(?:[,.]\d+)?\s*(件|回|人|名|か所|箇所|カ所|ヶ所|地区|団体|世帯|%|％|組|社|校|圏域|自治会|時間)")

CONFIDENCE_RULES = {
    "conf.high": ("規則が一つの分類・段階にはっきり当てはまる", "one category and one level matched clearly"),
    "conf.low.other": ("どの分類語にも当てはまらない", "no category word matched"),
    "conf.low.competing": ("主題になりうる語が三分類以上ある", "words of three or more categories compete"),
    "conf.low.default_level": ("段階の規則が当てはまらず既定値", "no level rule matched; default level"),
    "conf.low.extraction": ("抽出時に補った・文脈がない行", "text completed at extraction or without context"),
    "conf.low.secondary": ("二つの主題があり主分類の選択に迷いがある", "two subjects; the primary is a choice"),
}


@dataclass(frozen=True)
class Verdict:
    category: str
    secondary_category: str | None
    pillar: str
    logic_level: str
    kind: str
    confidence: str
    rule_id: str
    secondary_rule_id: str | None
    pillar_rule_id: str
    level_rule_id: str
    kind_rule_id: str
    confidence_rule_id: str
    matched_terms: str


def _norm(text: str) -> str:
    s = unicodedata.normalize("NFKC", text or "")
    # 社会福祉協議会 is an organisation, not a meeting; 地域包括支援センター and 相談支援機関 are actors
    s = s.replace("社会福祉協議会", "社協").replace("地区社協", "社協")
    return s


def _main_clause(text: str) -> str:
    """The text without a leading purpose clause: in '…を防ぐため、見守り体制を構築する' the target is
    what follows ため; the purpose only says why."""
    m = None
    for m in re.finditer(r"(?:ため(?:に)?|ように|よう|目的に|に向け(?:て)?)[、,]\s*|のための", text):
        pass
    if m and m.end() < len(text) - 4:
        return text[m.end():]
    return text


def _without_asides(text: str) -> str:
    return re.sub(r"[\(（][^\)）]*[\)）]", " ", text)


def _masked(text: str) -> str:
    return _MEASURE_WORDS.sub(lambda m: "□" * len(m.group(0)), text)


def _head_matches(text: str) -> list[tuple[int, int, Rule, str]]:
    """(end, -order, rule, term) for every head-rule match; frame words resolved by their modifier."""
    s = _masked(text)
    found = []
    for order, rule in enumerate(HEAD_RULES + [r for r in OVERRIDE_RULES if len(text) > 60]):
        for m in re.finditer(rule.pattern, s):
            end = m.end()
            found.append((end, -order, rule, m.group(0), m.start()))
    # a frame word (体制, 仕組み) directly after a subject word belongs to that subject
    out = []
    for end, neg, rule, term, start in found:
        if rule.label == "systems" and _FRAME.fullmatch(term):
            # a consultation arrangement (相談体制) stays a system: the target is the arrangement
            before = [f for f in found if f[0] <= start and f[2].label not in ("systems", "consultation")
                      and re.fullmatch(r"(い)?(の)?", s[f[0]:start])]
            if before:
                b = before[0]
                out.append((end, b[1], b[2], b[3] + term))
                continue
        out.append((end, neg, rule, term))
    return out


def _category(text: str) -> tuple[Rule | None, str, list]:
    # an override decides only in a short target; in a long sentence (…医療や教育、就労支援、居住支援…)
    # its word is one mention among others and competes like a head word
    for rule in OVERRIDE_RULES:
        m = re.search(rule.pattern, text)
        if rule.label == "people" and re.search(r"\d\s*回", text) and not re.search(r"\d\s*(人|名)", text):
            continue  # ボランティア養成講座 開催数 12 回 counts courses held: training
        if m and len(text) <= 60:
            return rule, m.group(0), _head_matches(text)
    # a count names its subject before the number: サロンの開催 66 地区部会 4,404 回 is about サロン
    first_number = re.search(r"\d", text)
    if first_number and first_number.start() > 1 and not re.search(r"[、。,]", text[:first_number.start()]):
        head = _head_matches(text[:first_number.start()])
        if head:
            best = max(head, key=lambda x: (x[0], x[1]))
            return _first_of_pair(text[:first_number.start()], best, head), best[3], _head_matches(text)
    matches = _head_matches(text)
    if not matches:
        return None, "", matches
    best = max(matches, key=lambda x: (x[0], x[1]))
    return _first_of_pair(text, best, matches), (best[3]), matches


def _first_of_pair(text: str, best, matches) -> Rule:
    """'地域懇談会・研修会', '居場所や生活支援サービス': two subjects joined by ・/や/及び — the first is primary
    (the other becomes the secondary category)."""
    s = _masked(text)
    best_start = best[0] - len(best[3])
    for end, _neg, rule, term in sorted(matches, key=lambda x: x[0]):
        if rule.label == best[2].label or end > best_start:
            continue
        if any(end < other[0] <= best_start for other in matches):
            continue  # another subject stands between: not a pair
        if re.fullmatch(r"(等)?(・|や|及び|および|と(?!の|して|共に|ともに))[^、。,\s]{0,8}", s[end:best_start]) or \
                re.fullmatch(r"[^、。,]{0,4}(及び|および|並びに)[^、。,]{0,12}", s[end:best_start]):
            return rule
    return best[2]


APPROACH_RULE = Rule("cat.resident_participation.approach", "resident_participation", r"働きかけ.*(住民|取組|活動)",
                     "住民の活動・取組への働きかけは住民主体の活動づくり", "approaching residents' own activities is resident participation")


def _approach(rule: Rule | None, term: str, text: str) -> tuple[Rule | None, str]:
    """働きかけ aimed at residents' own activities (住民活動に働きかけ, 取組への働きかけ) builds resident participation."""
    if rule is not None and rule.rule_id == "cat.outreach.visits" and term.startswith("働き") \
            and re.search(r"住民|取組|活動", text):
        return APPROACH_RULE, term
    return rule, term


def _secondary(text: str, primary: str) -> tuple[str | None, str | None, str]:
    """A second category only where the target joins two subjects: the text is cut at coordinators
    and each part is read on its own; a part whose head category differs from the primary (and is
    not 'other') is the second subject."""
    parts = [p for p in re.split(SECONDARY_RULE.pattern + r"|\s+\d\s+|。", text) if p and len(p.strip()) >= 2]
    if len(parts) < 2:
        return None, None, ""
    for part in parts:
        rule, term, _ = _category(part)
        if rule is not None and rule.label != primary:
            # the part must carry its own subject, not only a measure or a purpose
            return rule.label, SECONDARY_RULE.rule_id, term
    return None, None, ""


def _has_number(text: str) -> bool:
    s = re.sub(r"(平成|令和|昭和)\s*\d+\s*年度?|\d{4}\s*年度?|第\s*\d+", " ", _norm(text))
    return bool(_FALLBACK_COUNT.search(s))


_PILLAR_PATTERN = {r.rule_id: r.pattern for r in PILLAR_RULES}
_AGENCY_WORDS = r"多機関|関係機関|専門職|専門機関|相談支援機関|庁内|多職種|包括化推進"
_COMMUNITY_WORDS = (r"住民|自治会|町内|地区|懇談会|協議体|団体|サロン|ボランティア|地域活動|民生委員|PTA|フードバンク|こども食堂|"
                    r"防災組織|集落|小地域|地域の中|地域課題|地域生活課題|地域のあり方")


def _pillar(category: str, secondary: str | None, text: str, section: str | None, programme: str | None,
            ) -> tuple[str, str, str]:
    """The pillar of 重層的支援体制整備事業 a target serves (order of the checks = PILLAR_RULES)."""
    if section:
        if section.startswith("III"):
            return "community_building", "pillar.document.section", section
        if section.startswith("II"):
            return "participation_support", "pillar.document.section", section
    text = _without_asides(text)
    if category == "individual_participation":
        return "participation_support", "pillar.participation", category
    # outreach to a person (visits, ひきこもり) is the outreach pillar; 働きかけ to groups is community building
    m = re.search(_PILLAR_PATTERN["pillar.outreach"], text)
    if m and category in ("outreach", "other") and not re.search(r"団体|自治会|活動|取組|社会資源|法人|企業|店舗", text):
        return "outreach", "pillar.outreach", m.group(0)
    if category == "outreach" and re.search(r"アウトリーチ|訪問|ひきこもり", text):
        return "outreach", "pillar.outreach", "outreach"
    if category == "meetings":
        # residents' and local groups' meetings build the community; other meetings (agencies, professionals,
        # the 相談支援包括化推進会議) are multi-agency
        m = re.search(_AGENCY_WORDS, text)
        if m:
            return "multi_agency", "pillar.multi_agency", m.group(0)
        m = re.search(_COMMUNITY_WORDS, text)
        if m:
            return "community_building", "pillar.community", m.group(0)
        m = re.search(_PILLAR_PATTERN["pillar.multi_agency"], text)
        return "multi_agency", "pillar.multi_agency", m.group(0) if m else "meetings"
    if category == "consultation":
        m = re.search(r"訪問|ひきこもり|引きこもり", text)
        if m:
            return "outreach", "pillar.outreach", m.group(0)
        m = re.search(r"住民(が|から|も)?主体|住民自ら|自ら考え", text)
        if m:
            return "community_building", "pillar.community", m.group(0)
        m = re.search(r"調整件数|相談調整|チーム|ケース会議|多機関|専門職", text)
        if m:
            return "multi_agency", "pillar.multi_agency", m.group(0)
        return "comprehensive_consultation", "pillar.consultation", "consultation"
    if category == "systems":
        m = re.search(r"連携|関係機関|多機関|専門職|専門機関|役割分担|機関同士|庁内", text)
        if m:
            return "multi_agency", "pillar.multi_agency", m.group(0)
        m = re.search(r"相談|窓口|包括的(な)?支援体制|支援体制", text)
        if m:
            return "comprehensive_consultation", "pillar.consultation", m.group(0)
    if category in ("people", "training", "publicity", "places"):
        m = re.search(r"相談|窓口", text)
        if m:
            return "comprehensive_consultation", "pillar.consultation", m.group(0)
    if category == "other":
        return "none", "pillar.none", ""
    return "community_building", "pillar.community", category


def classify(text: str, context: str | None = None, quantity=None, kind_hint: str | None = None,
             section: str | None = None, programme: str | None = None, extraction_rule: str | None = None
             ) -> Verdict:
    """Kind, category (and secondary), pillar, logic level and confidence of one target text.

    `context` (the activity heading a bare '16回' sits under) is only used when the text itself
    matches no category rule. `quantity` is a targets.Quantity when the caller already parsed it (any
    object with a `value`); without it a simple count pattern decides. `kind_hint` is the document's own
    量的目標/質的目標 heading, which wins when given. `section` is the document's own chapter (002),
    `programme` the 003 programme the target sits in, `extraction_rule` how the row was extracted.
    """
    s = _norm(text)
    main = _without_asides(_main_clause(s))
    rule, term, matches = _category(main)
    rule, term = _approach(rule, term, main)
    if section and section.startswith("II 参加支援") and (rule is None or rule.label in ("consultation", "outreach", "resident_participation")):
        # under the document's own 参加支援 chapter, support and approaches are participation support
        rule, term = SECTION_RULE, section
    if rule is None and main != s:
        rule, term, matches = _category(s)
    used_context = False
    if rule is None and context:
        rule, term, matches = _category(_norm(context))
        used_context = rule is not None
    category = rule.label if rule else "other"
    rule_id = rule.rule_id + (".context" if used_context else "") if rule else "cat.other.none"

    secondary, secondary_rule_id, sec_term = (None, None, "")
    if category != "other":
        secondary, secondary_rule_id, sec_term = _secondary(main, category)

    lrule, lterm = None, ""
    counts_sessions = bool(re.search(r"\d\s*回", s))
    rules = LEVEL_RULES
    if category == "consultation":
        # consultations received come before what they produce (相談対応 450件 … 支援プラン 20件 → process)
        cons = [r for r in LEVEL_RULES if r.rule_id == "lvl.process.consultations"]
        rules = [r for r in LEVEL_RULES if r.label == "outcome" or r.rule_id == "lvl.output.cases_done"] + cons + \
                [r for r in LEVEL_RULES if r.label != "outcome" and r.rule_id not in ("lvl.output.cases_done",
                                                                                     "lvl.process.consultations",
                                                                                     "lvl.output.new_activity")]
    for candidate in (_main_clause(s), s, _norm(context) if context else ""):
        for r in rules:
            if r.rule_id == "lvl.output.trained" and counts_sessions:
                continue  # 講座修了生との検討 4回: sessions held, not people trained
            if r.rule_id == "lvl.structure.inplace" and category == "consultation":
                continue  # consultation is received and handled; a 相談体制 target is a system
            m = re.search(r.pattern, candidate)
            if m:
                lrule, lterm = r, m.group(0)
                break
        if lrule:
            break
    # category-specific readings of the keyword verdict (see README, logic level decision rules)
    if lrule is not None and lrule.label != "outcome":
        if category == "systems" and lrule.label in ("process", "output") and not re.search(r"\d\s*(回|件)", s) \
                and lrule.rule_id not in ("lvl.process.deliberation", "lvl.output.participants"):
            lrule = LEVEL_OVERRIDES["lvl.structure.system"]
        elif category == "places" and lrule.label == "structure" and not re.search(_BODY_OPENS, s):
            lrule = LEVEL_OVERRIDES["lvl.output.places_counted"]
        elif category in ("training", "publicity") and lrule.label == "output" and re.search(r"\d\s*回", s) \
                and lrule.rule_id != "lvl.output.trained" and lterm not in ("参加者", "参加人数"):
            lrule = LEVEL_OVERRIDES["lvl.process.courses_held"]
        elif category == "outreach" and lrule.rule_id == "lvl.output.headcount":
            lrule = LEVEL_OVERRIDES["lvl.process.courses_held"]
        elif category == "meetings" and lrule.label == "process" and not re.search(r"\d\s*回", s) \
                and re.search(_MEETING_SET_UP, _without_asides(_main_clause(s))):
            lrule = LEVEL_OVERRIDES["lvl.structure.meeting_set_up"]
        elif category == "consultation" and lrule.label == "process" \
                and re.search(_CONSULTATION_SET_UP, _without_asides(_main_clause(s))):
            lrule = LEVEL_OVERRIDES["lvl.structure.window_set_up"]
    if lrule is None and category == "places" and re.search(_BODY_OPENS, s):
        lrule = LEVEL_OVERRIDES["lvl.structure.place_opened"]
    if lrule is None and category in LEVEL_DEFAULTS:
        level, level_rule_id = LEVEL_DEFAULTS[category], f"lvl.default.{category}"
    else:
        level = lrule.label if lrule else "process"
        level_rule_id = lrule.rule_id if lrule else "lvl.process.default"

    if kind_hint in ("quantitative", "qualitative"):
        kind, kind_rule = kind_hint, "kind.document"
    else:
        has_number = quantity.value is not None if quantity is not None else _has_number(text)
        if has_number:
            kind, kind_rule = "quantitative", "kind.number"
        elif _KIND_ALL.search(s) and not re.search(r"検討|目指す体制", s):
            kind, kind_rule = "quantitative", "kind.all"
        elif _KIND_INDICATOR.search(re.sub(r"【[^】]*】", "", _without_asides(s)).strip()):
            kind, kind_rule = "indicator", "kind.indicator"
        else:
            kind, kind_rule = "qualitative", "kind.no_number"

    pillar, pillar_rule_id, pterm = _pillar(category, secondary, s if rule is not None and not used_context
                                            else s + " " + (context or ""), section, programme)

    n_categories = len({m[2].label for m in matches})
    if category == "other":
        conf_rule = "conf.low.other"
    elif extraction_rule in ("extract.join_fragment", "extract.fragment_no_context", "extract.join_heading"):
        conf_rule = "conf.low.extraction"
    elif level_rule_id == "lvl.process.default" or level_rule_id.startswith("lvl.default."):
        conf_rule = "conf.low.default_level"
    elif n_categories >= 3 and rule.rule_id not in {r.rule_id for r in OVERRIDE_RULES}:
        conf_rule = "conf.low.competing"
    elif secondary is not None and n_categories >= 2 and rule.rule_id not in {r.rule_id for r in OVERRIDE_RULES}:
        conf_rule = "conf.low.secondary"
    else:
        conf_rule = "conf.high"
    confidence = "high" if conf_rule == "conf.high" else "low"
    terms = ",".join(t for t in (term, sec_term, lterm, pterm if pterm not in CATEGORIES else "") if t)
    return Verdict(category, secondary, pillar, level, kind, confidence, rule_id, secondary_rule_id,
                   pillar_rule_id, level_rule_id, kind_rule, conf_rule, terms)


# ---------------------------------------------------------------------------------------------
# Plain lookups for the page
# ---------------------------------------------------------------------------------------------

def all_rules() -> dict[str, tuple[str, str]]:
    """rule id → (reason ja, reason en) for every rule whose id a target row can carry."""
    out: dict[str, tuple[str, str]] = {APPROACH_RULE.rule_id: (APPROACH_RULE.why_ja, APPROACH_RULE.why_en)}
    for r in CATEGORY_RULES:
        out[r.rule_id] = (r.why_ja, r.why_en)
        out[r.rule_id + ".context"] = (r.why_ja + "（見出しから）", r.why_en + " (from the heading)")
    out["cat.other.none"] = ("どの分類語にも当てはまらない", "no category word matched")
    out[SECONDARY_RULE.rule_id] = (SECONDARY_RULE.why_ja, SECONDARY_RULE.why_en)
    for r in PILLAR_RULES:
        out[r.rule_id] = (r.why_ja, r.why_en)
    out["pillar.none"] = ("五つの支援のどれにも当たらない（行政の手続き・不明）", "none of the five (administration, unclear)")
    for r in LEVEL_RULES + list(LEVEL_OVERRIDES.values()):
        out[r.rule_id] = (r.why_ja, r.why_en)
    out["lvl.process.default"] = ("段階の規則が当てはまらず、既定でプロセス", "no level rule matched; process by default")
    for cat, level in LEVEL_DEFAULTS.items():
        out[f"lvl.default.{cat}"] = (f"段階の語がなく、分類（{CATEGORY_LABELS[cat][0]}）の既定で{LEVEL_LABELS[level][0]}",
                                     f"no level word; the category's default ({level})")
    out.update(KIND_RULES)
    out.update(CONFIDENCE_RULES)
    out.update(EXTRACTION_RULES)
    return out


def rule_reason(rule_id: str, lang: str = "ja") -> str:
    """The reason for one rule id in the UI language ('' when unknown)."""
    ja, en = all_rules().get(rule_id, ("", ""))
    return en if lang == "en" else ja


def rules_table(lang: str = "ja"):
    """All rules in order, for the page's 'why' table."""
    import pandas as pd

    rows = []
    for group, rules in (("category", CATEGORY_RULES), ("pillar", PILLAR_RULES), ("logic_level", LEVEL_RULES)):
        for order, r in enumerate(rules, start=1):
            rows.append({"order": order, "rule_id": r.rule_id, "assigns": r.label,
                         "why": r.why_en if lang == "en" else r.why_ja, "keywords": r.pattern.replace("|", " | ")})
    rows.append({"order": None, "rule_id": SECONDARY_RULE.rule_id, "assigns": "secondary_category",
                 "why": SECONDARY_RULE.why_en if lang == "en" else SECONDARY_RULE.why_ja,
                 "keywords": SECONDARY_RULE.pattern.replace("|", " | ")})
    for rid, (ja, en) in KIND_RULES.items():
        rows.append({"order": None, "rule_id": rid, "assigns": "kind", "why": en if lang == "en" else ja, "keywords": ""})
    return pd.DataFrame(rows)

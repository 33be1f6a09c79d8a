"""Rule-based classification of a programme target: its category, its logic-model level and whether
it is quantitative. Rules are ordered lists of keywords; the first rule that matches wins and its id
is stored with the target so the UI can say why a target landed where it did."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

CATEGORIES = ["consultation", "meetings", "places", "training", "people", "outreach", "systems",
              "participation", "other"]
LOGIC_LEVELS = ["structure", "process", "output", "outcome"]
KINDS = ["quantitative", "qualitative"]

CATEGORY_LABELS = {
    "consultation": ("相談・ケース・支援プラン", "Consultation, cases, support plans"),
    "meetings": ("会議・ネットワーク", "Meetings and networks"),
    "places": ("居場所・拠点・サロン", "Places, hubs, salons"),
    "training": ("研修・講座・啓発", "Training, courses, awareness"),
    "people": ("人材・担い手・ボランティア・推進員", "People: volunteers, promoters, coordinators"),
    "outreach": ("働きかけ・訪問・アウトリーチ", "Outreach and visits"),
    "systems": ("計画・体制・仕組み", "Plans, systems, arrangements"),
    "participation": ("参加・就労", "Participation and work"),
    "other": ("その他", "Other"),
}
LEVEL_LABELS = {
    "structure": ("ストラクチャー（体制・場・人の整備）", "Structure (people, places, systems in place)"),
    "process": ("プロセス（活動の実施）", "Process (activities done)"),
    "output": ("アウトプット（活動の産物）", "Output (what activities produce)"),
    "outcome": ("アウトカム（住民・地域の変化）", "Outcome (change for residents or community)"),
}
KIND_LABELS = {"quantitative": ("量的（数値あり）", "Quantitative (states a number)"),
               "qualitative": ("質的（数値なし）", "Qualitative (no number)")}


@dataclass(frozen=True)
class Rule:
    rule_id: str
    label: str          # what the rule assigns
    pattern: str        # regular expression over the NFKC-normalised text
    why_ja: str
    why_en: str


# ---------------------------------------------------------------------------------------------
# Category rules, tried in this order. Order matters: a target often names several things
# ("相談支援包括化推進会議を年4回開催" mentions 相談 and 会議); the earlier rule is the more specific one.
# ---------------------------------------------------------------------------------------------
CATEGORY_RULES: list[Rule] = [
    # Survey shares about residents' own activity (ボランティア活動に参加したい人の割合) are about
    # participation, even though they name volunteers.
    Rule("cat.participation.survey", "participation",
         r"(参加|活動|助け合|支え合|つながり|関係のある).{0,12}(人の割合|したい人|人の数|住民の割合)",
         "住民の参加・つながりの割合", "share of residents taking part or connected"),
    # Work and intermediate employment come first: 中間的就労 designs also mention 場 and 支援,
    # and the point of the target is the work itself.
    Rule("cat.participation.work", "participation",
         r"中間的就労|就労訓練|就労の場|雇用|就労先|農福|収穫",
         "就労・雇用の場に関する目標", "target about work or employment"),
    # Training that produces people (養成・修了・登録 with a head count) counts people, not sessions:
    # 'サポーター養成講座の修了人数 500人' is about supporters gained.
    Rule("cat.people.trained", "people",
         r"(養成|育成|登録|委嘱).{0,20}(修了|人数|\d+\s*(人|名)|者数|登録)|(修了者|修了生|修了人数|登録者)|"
         r"(サポーター|ボランティア|担い手|推進員|コーディネーター|福祉委員|協力員|人材).{0,6}(の)?(養成|育成|登録|委嘱|配置)",
         "人を養成・登録・配置する目標", "target that trains, registers or places people"),
    # Outreach verbs are the action even when the addressees are meetings or groups.
    Rule("cat.outreach.verbs", "outreach",
         r"働きかけ|働き掛け|アウトリーチ|訪問|巡回|出向|同行|出張",
         "働きかけ・訪問・アウトリーチ", "outreach, visits"),
    # Named meeting bodies and networks.
    Rule("cat.meetings.bodies", "meetings",
         r"会議|協議体|協議会|懇談会|委員会|連絡会|座談会|話し合いの場|意見を交わす場|情報交換会|ネットワーク|会合|定例会|サミット",
         "会議体・ネットワークの名前がある", "names a meeting body or network"),
    # Consultations, cases and support plans, including their results (解決・終結・つないだ).
    Rule("cat.consultation.cases", "consultation",
         r"相談|ケース|支援プラン|プラン作成|プラン|終結|解決|つないだ|つなぐ件数|繋いだ|支援計画|個別支援|"
         r"伴走|支援件数|対応件数|受理|調整件数|コーディネート件数|窓口",
         "相談・ケース・支援プランの件数や体制", "consultations, cases, support plans"),
    # Courses, study sessions, awareness-raising and publicity.
    Rule("cat.training.courses", "training",
         r"研修|講座|学習|勉強会|啓発|周知|フォーラム|セミナー|ワークショップ|講演|発表会|カレッジ|説明会|福祉教育|PR|広報|認知度",
         "研修・講座・啓発・周知", "training, courses, awareness, publicity"),
    # Places where residents gather, and hubs.
    Rule("cat.places.hubs", "places",
         r"居場所|拠点|サロン|カフェ|集いの場|通いの場|交流の場|交流スペース|食堂|縁側|集える場|受け止める場|受けとめる場|"
         r"場の(設置|構築|整備)|ファーム|ふくしプラザ|センター設置|センターを設置",
         "居場所・拠点・サロンなどの場", "gathering places and hubs"),
    # People who carry the work: volunteers, supporters, promoters, coordinators.
    Rule("cat.people.roles", "people",
         r"担い手|ボランティア|サポーター|推進員|コーディネーター|人材|福祉委員|協力員|民生委員|活動者|CSW|ワーカー|配置",
         "担い手・ボランティア・推進員などの人", "volunteers, supporters, promoters, coordinators"),
    # Residents taking part: participants, users, activities started by residents.
    Rule("cat.participation.residents", "participation",
         r"参加|参画|助け合|支え合える|利用者|来所者|社会参加|活動の(創出|開始)|新たな活動|取組の創出|取り組みの創出|主体となって|地域活動",
         "住民の参加・利用・活動", "residents taking part"),
    # Plans, arrangements, systems and rules.
    Rule("cat.systems.arrangements", "systems",
         r"計画|体制|仕組み|しくみ|システム|制度|要綱|連携|協働|マップ|データベース|整備|構築|設置|市町村数|区市町村",
         "計画・体制・仕組みづくり", "plans, arrangements, systems"),
    # Outreach by watching over residents; late so that 見守り体制 etc. count as systems first.
    Rule("cat.outreach.watch", "outreach",
         r"見守り|把握",
         "見守り・実態把握", "watching over, finding needs"),
]

# ---------------------------------------------------------------------------------------------
# Logic-model level rules (MHLW insurer-sheet framing), tried in this order.
# ---------------------------------------------------------------------------------------------
LEVEL_RULES: list[Rule] = [
    # Change for residents or the community: shares, satisfaction, resolved cases, awareness, self-rated change.
    Rule("lvl.outcome.change", "outcome",
         r"割合|満足|解決|終結|変化|意識|認知度|孤立|助け合える|支え合える|安心して|理解が深ま|理解促進|評価結果|"
         r"継続される|主体となって|我が事|つながった件数|繋がった|増加|増える|減少|暮らせる|活躍|雇用の創出|収穫",
         "住民・地域に起こる変化", "change in residents' lives or the community"),
    # What activities produce: plans written, people trained or registered, new activities started.
    Rule("lvl.output.products", "output",
         r"策定|作成|養成|修了|登録|委嘱|創出|開拓|マップ|新たな活動|活動が開始|プラン|リスト化|骨子",
         "活動の産物（計画・養成された人・新しい活動）", "products: plans, trained people, new activities"),
    # Counts of activities done (attendance, times held, cases handled) are process even when the
    # activity is about a system or a hub: '仕組みづくり勉強会参加者数 120人' counts a study session,
    # '地域ケアシステム推進連絡会に出席' (000) is attending a meeting.
    Rule("lvl.process.counts", "process",
         r"参加者|参加人数|利用者|来所者|開催回数|実施回数|開催件数|回数|相談件数|対応件数|件数|\d\s*回|に出席$",
         "活動の回数・件数・参加者数", "counts of activities, cases or attendance"),
    # What is put in place: people placed, places opened, bodies set up, systems built.
    Rule("lvl.structure.inplace", "structure",
         r"配置|設置|整備|体制|仕組み|しくみ|システム|構築|開設|立ち上げ|新設|創設|拠点|箇所|か所|カ所|協議体|要綱|"
         r"ネットワーク化|市町村数|区市町村数|地区数",
         "体制・場・人の整備", "people, places or systems put in place"),
    # Activities done: meetings held, consultations handled, visits, courses run, attendance.
    Rule("lvl.process.activities", "process",
         r"開催|実施|回|件|訪問|働きかけ|参加|出席|相談|巡回|周知|啓発|検討|支援",
         "活動の実施（開催・対応・参加）", "activities done: held, handled, attended"),
]

KIND_RULES = {
    "kind.number": ("数と単位がある（目指す数値を示す）", "states a number with a unit to reach"),
    "kind.no_number": ("数値なし", "no number to reach"),
    "kind.document": ("原文の区分（量的目標／質的目標）に従う", "follows the document's own 量的/質的 heading"),
}


@dataclass(frozen=True)
class Verdict:
    category: str
    logic_level: str
    kind: str
    rule_id: str
    level_rule_id: str
    kind_rule_id: str
    matched_terms: str


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "")


def _main_clause(text: str) -> str:
    """The text without a leading purpose clause: in '…を防ぐため、見守り体制を構築する' the target is
    what follows ため; the purpose only says why."""
    m = re.search(r"(?:ため(?:に)?|よう|ように)[、,]\s*", text)
    if m and m.end() < len(text) - 4:
        return text[m.end():]
    return text


def _first(rules: list[Rule], text: str) -> tuple[Rule | None, str]:
    for rule in rules:
        m = re.search(rule.pattern, text)
        if m:
            return rule, m.group(0)
    return None, ""


def classify(text: str, context: str | None = None, quantity=None, kind_hint: str | None = None) -> Verdict:
    """Category, logic level and kind of one target text.

    `context` (the activity heading a bare '16回' sits under) is only used when the text itself
    matches no category rule. `quantity` is a targets.Quantity when the caller already parsed it.
    `kind_hint` is the document's own 量的目標/質的目標 heading, which wins when given.
    """
    # 社会福祉協議会 is an organisation, not a meeting; keep it from matching 協議会
    s = _norm(text).replace("社会福祉協議会", "社協")
    main = _main_clause(s)
    rule, term = _first(CATEGORY_RULES, main)
    if rule is None and main != s:
        rule, term = _first(CATEGORY_RULES, s)
    if rule is None and context:
        rule, term = _first(CATEGORY_RULES, _norm(context))
    category = rule.label if rule else "other"
    rule_id = rule.rule_id if rule else "cat.other.none"

    lrule, lterm = _first(LEVEL_RULES, main)
    if lrule is None and main != s:
        lrule, lterm = _first(LEVEL_RULES, s)
    if lrule is None and context:
        lrule, lterm = _first(LEVEL_RULES, _norm(context))
    level = lrule.label if lrule else "process"
    level_rule_id = lrule.rule_id if lrule else "lvl.process.default"

    if kind_hint in KINDS:
        kind, kind_rule = kind_hint, "kind.document"
    else:
        if quantity is None:
            from machikurabe.ingest.targets import (
                parse_target_quantity,  # local: targets imports this module
            )
            quantity = parse_target_quantity(text)
        has_number = quantity.value is not None
        kind = "quantitative" if has_number else "qualitative"
        kind_rule = "kind.number" if has_number else "kind.no_number"
    terms = ",".join(t for t in (term, lterm) if t)
    return Verdict(category, level, kind, rule_id, level_rule_id, kind_rule, terms)


def rules_table(lang: str = "ja"):
    """All rules in order, for the page's 'why' table."""
    import pandas as pd

    rows = []
    for order, r in enumerate(CATEGORY_RULES, start=1):
        rows.append({"order": order, "rule_id": r.rule_id, "assigns": r.label,
                     "why": r.why_en if lang == "en" else r.why_ja, "keywords": r.pattern.replace("|", " | ")})
    for order, r in enumerate(LEVEL_RULES, start=1):
        rows.append({"order": order, "rule_id": r.rule_id, "assigns": r.label,
                     "why": r.why_en if lang == "en" else r.why_ja, "keywords": r.pattern.replace("|", " | ")})
    for rid, (ja, en) in KIND_RULES.items():
        rows.append({"order": None, "rule_id": rid, "assigns": "kind", "why": en if lang == "en" else ja, "keywords": ""})
    return pd.DataFrame(rows)

"""Programme targets (成果目標・指標) pulled out of every source document into one row per target,
with the number, unit, bound and period parsed from the printed text so targets can be compared."""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from machikurabe.analysis import target_rules

# Document ids are the file-name prefixes in data/raw/.
DOC_ICHIKAWA = "000"
DOC_NAGANO = "001"
DOC_CHOFU = "002"
DOC_PLANS = "003"
DOC_COUNCIL = "004"

CODE_ICHIKAWA = "12203"
CODE_NAGANO = "20201"
CODE_CHOFU = "13208"

TARGET_COLUMNS = [
    "target_id", "document_id", "municipality_code", "programme", "section", "context",
    "source_line", "text", "text_printed", "extraction_rule", "kind", "category", "secondary_category",
    "pillar", "logic_level", "confidence", "value", "value_max", "bound",
    "unit", "period", "value_raw", "baseline", "baseline_raw", "baseline_year", "target_year",
    "rule_id", "secondary_rule_id", "pillar_rule_id", "level_rule_id", "kind_rule_id", "confidence_rule_id",
    "matched_terms", "note",
]

# ---------------------------------------------------------------------------------------------
# Number / unit parsing
# ---------------------------------------------------------------------------------------------

# Units seen in the documents. Longer spellings first so 箇所 is not read as 所.
_UNITS = [
    "か所", "カ所", "ヵ所", "ケ所", "ヶ所", "箇所", "ヶ所", "世帯", "団体", "地区", "時間", "圏域",
    "自治会", "市町村", "区市町村", "サロン", "協議体", "店舗", "トン", "件", "回", "人", "名", "組", "社", "つ",
    "校", "点", "%", "割",
]
_UNIT_CANON = {"か所": "箇所", "カ所": "箇所", "ヵ所": "箇所", "ケ所": "箇所", "ヶ所": "箇所",
               "名": "人", "割": "%"}
_UNIT_RE = "|".join(re.escape(u) for u in sorted(set(_UNITS), key=len, reverse=True))

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_RANGE_SEP = r"\s*[～~〜\-－‐ー]\s*"

# one quantity: optional range, unit, optional bound word after it
_QTY_RE = re.compile(
    rf"(?P<v1>{_NUM})\s*(?P<u1>{_UNIT_RE})?(?:{_RANGE_SEP}(?P<v2>{_NUM})\s*(?P<u2>{_UNIT_RE}))?"
    rf"|(?P<v3>{_NUM})(?:{_RANGE_SEP})(?P<v4>{_NUM})\s*(?P<u3>{_UNIT_RE})"
)

_KANJI_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class Quantity:
    value: float | None
    value_max: float | None
    bound: str | None     # at_least | at_most | exactly | range | approx
    unit: str | None
    period: str | None    # per_year | per_month | per_day | total | by_year
    raw: str | None       # the printed span the number came from


NO_QUANTITY = Quantity(None, None, None, None, None, None)


def normalise(text: str) -> str:
    """NFKC (full-width digits, ％, ～ variants) and simple kanji numerals before a unit (三回 → 3回)."""
    s = unicodedata.normalize("NFKC", text or "")
    s = s.replace("〜", "～").replace("~", "～")

    def kanji(m: re.Match) -> str:
        return str(_KANJI_DIGITS[m.group(1)]) + m.group(2)

    # only a lone kanji digit directly before a counter; 一人暮らし / 一部 are not quantities
    s = re.sub(r"(?<![一-龥])([一二三四五六七八九十])(回|件|箇所|か所|地区|団体)", kanji, s)
    return s


def _strip_breakdowns(s: str) -> str:
    # a parenthesised part after a number is a breakdown or an aside, never a second target:
    # 年間450件(1地区あたり150件), 20名 (…仮に想定する)
    return re.sub(r"[\(（][^\)）]*[\)）]", lambda m: " " * len(m.group(0)), s)


def _to_float(num: str) -> float:
    return float(num.replace(",", ""))


def _is_year(s: str, start: int, end: int, unit: str | None) -> bool:
    after = s[end:end + 2]
    before = s[max(0, start - 2):start]
    if unit is None and (after.startswith("年") or after.startswith("月") and not before.endswith("月")):
        return True
    return before.endswith(("平成", "令和", "昭和")) or bool(re.match(r"\d{4}$", s[start:end]))


def parse_target_quantity(text: str) -> Quantity:
    """The number a target promises to reach: value (and value_max for ranges), unit, bound, period.

    Picks the first number with a unit outside parentheses, skipping dates (平成31年度, 2022年度),
    denominators (1地区あたり, 1拠点あたり) and counts that only name whom the target is for
    (160団体に対し…480回 → 480 回).
    """
    s = _strip_breakdowns(normalise(text))
    s = re.sub(r"\d{1,2}:\d{2}", lambda m: " " * len(m.group(0)), s)  # clock times (10:00～15:00)
    candidates = []
    for m in _QTY_RE.finditer(s):
        if m.group("v3"):
            v1, v2, unit = m.group("v3"), m.group("v4"), m.group("u3")
        else:
            v1, v2, unit = m.group("v1"), m.group("v2"), m.group("u1") or m.group("u2")
        start, end = m.start(), m.end()
        if _is_year(s, start, end, unit) or unit is None and v2 is None:
            continue
        tail = s[end:end + 6]
        if re.match(r"\s*(あたり|当たり|につき)", tail):
            continue  # denominator: 1拠点あたり, 1月当たり
        if re.match(r"\s*(年目|年度|年間で|か月|ヶ月|月末)", tail) or unit is None:
            continue
        if not math.isfinite(_to_float(v1)) or (v2 and not math.isfinite(_to_float(v2))):
            continue  # a run of thousands of digits is not a target (float overflow)
        if s[max(0, start - 1):start] == "第":
            continue  # ordinal: 第4回推進会議
        if re.search(r"(現状|現在|実績|前年度?)\s*[:：]?\s*$", s[max(0, start - 5):start]):
            continue  # 現状 7か所 本年度中に9か所: the first number is where they start from
        candidates.append((m, v1, v2, unit, start, end))
    if not candidates and s != normalise(text):
        # only a parenthesised number, e.g. 地域ケア会議の開催(年 2 回): use it unless it is a
        # baseline or a record (時点, 現在, 実績, 済)
        inner = normalise(text)
        for paren in re.finditer(r"[\(（]([^\)）]*)[\)）]", inner):
            if re.search(r"時点|現在|実績|現状|済|あたり|当たり|想定|参考", paren.group(1)):
                continue
            q = parse_target_quantity(paren.group(1))
            if q.value is not None:
                return q
        return NO_QUANTITY
    if not candidates:
        return NO_QUANTITY
    chosen = candidates[0]
    for cand in candidates:
        # 160団体に対し…480回: the first count names the addressees, the target is the later one
        if re.match(r"(に対し|のうち|中|において|では|で、)", s[cand[5]:].lstrip()) and cand is chosen and len(candidates) > 1:
            chosen = candidates[candidates.index(cand) + 1]
    m, v1, v2, unit, start, end = chosen
    unit = _UNIT_CANON.get(unit, unit)
    value = _to_float(v1)
    value_max = _to_float(v2) if v2 else None
    if unit == "%" and m.group("u1") == "割" or (m.group("u2") == "割" and unit == "%"):
        value *= 10
        value_max = value_max * 10 if value_max is not None else None
    after = s[end:end + 6]
    before = s[max(0, start - 6):start]
    if value_max is not None:
        bound = "range"
    elif re.match(r"\s*(以上|超|を上回)", after) or re.search(r"(最低|少なくとも)\s*$", before):
        bound = "at_least"
    elif re.match(r"\s*(以下|未満|以内)", after):
        bound = "at_most"
    elif re.match(r"\s*(程度|前後|ほど|ペース)", after) or re.search(r"(約|おおむね|概ね)\s*$", before):
        bound = "approx"
    else:
        bound = "exactly"
    period = _period(s, start, end, normalise(text))
    return Quantity(value, value_max, bound, unit, period, s[start:end].strip())


def _period(s: str, start: int, end: int, printed: str = "") -> str | None:
    before = s[max(0, start - 8):start]
    after = s[end:end + 4]
    if re.search(r"(までに|年度末|までの|年度中|か年で)", s[max(0, start - 14):start]):
        return "by_year"
    if re.search(r"(月|毎月|1月当たり|1か月|月平均)[^年]{0,6}$", before) or after.startswith(("/月", "/ 月")):
        return "per_month"
    if re.search(r"(年間|年|毎年|年度)[^月]{0,3}$", before) or after.startswith(("/年", "/ 年")) or printed[end:end + 4].startswith(("(年間", "(年")):
        return "per_year"
    if after.startswith(("/日", "/ 日")):
        return "per_day"
    if re.search(r"(延べ|のべ|延|累計|合計|計)[^\d]{0,6}$", before) or re.match(r"\s*[\(（]?(のべ|延べ)", printed[end:end + 5]):
        return "total"
    return None


# ---------------------------------------------------------------------------------------------
# Splitting a printed 成果目標 field into single targets
# ---------------------------------------------------------------------------------------------

_TAG_BREAK = re.compile(r"</?(p|li|ul|ol|br|div|tr|td|table)[^>]*>", re.I)
_BULLET = re.compile(r"^\s*(?:(?:[-・○●◎■□◆◇※]+|[①-⑳]|\d+[\.\)．)]|[（(]\d+[)）]|[A-ZＡ-Ｚ][\.．]|【目標】)\s*)+")
# a completed count (unit plus its per-time or 'のべ' tail) followed by the name of the next target
_COUNT_END = rf"(?:{_NUM})\s*(?:{_UNIT_RE})(?:\s*/\s*[年月日])?(?:\s*[\(（][^\)）]{{0,30}}[\)）])?(?:以上|程度|増)?"


_AFTER_COUNT = re.compile(rf"(?:{_COUNT_END})(\s*[、,]\s*|\s+)(?=[^\d\s(（→⇒×/～~、。])")
# asides that explain or report on the target before them rather than set a new one
_ASIDE = re.compile(r"^(?:[\(（※→]|【実績|【現状|よって|その上で|なお[、,]|ただし|この数は|単なる|※)")


def _split_after_counts(sentence: str) -> list[str]:
    parts, last = [], 0
    for m in _AFTER_COUNT.finditer(sentence):
        if re.search(r"[、,]", m.group(1)) and not re.search(r"\d", sentence[m.end():]):
            continue  # 平成30年度に2回、推進会議を行う: the words after 、 finish this target
        if re.search(r"(現状|現在)\s*[:：]?\s*$", sentence[max(0, m.start() - 6):m.start()]):
            continue  # 現状 7か所 本年度中に9か所 is one target with its starting point
        parts.append(sentence[last:m.start(1)])
        last = m.end(1)
    parts.append(sentence[last:])
    return parts


def _lines_of(text: str) -> list[tuple[int, str]]:
    """Text split into (line offset, line) after turning block tags into line breaks."""
    out = []
    for offset, line in enumerate((text or "").split("\n")):
        for part in _TAG_BREAK.split(line):
            if part is None or part.lower() in {"p", "li", "ul", "ol", "br", "div", "tr", "td", "table"}:
                continue
            part = re.sub(r"<[^>]+>", " ", part).strip()
            if part:
                out.append((offset, part))
    return out


# Extraction rules (ids and reasons live in target_rules so the page can explain every rule id a row carries)
EXTRACTION_RULES = target_rules.EXTRACTION_RULES

_DROP_RULES = [
    ("extract.drop_date", re.compile(r"^日時|\d+月\d+日\s*[\(（][月火水木金土日][\)）]|^(場所|会場)[:：\s]")),
    ("extract.drop_note", re.compile(r"^(※|相談を受ける人|対象は|対象者は|この数は|単なる)|に記載のとおり|^別添|^別紙|^(今後検討|未定|検討中)(\s|[\(（]|$)|数値目標化を検討"
                                     # a procedure: when X, the team confirms/decides Y (how work is done, no target)
                                     r"|^[^\d]*ときは、[^\d]*(確認|判断|決定)する。?$")),
    ("extract.drop_past_result", re.compile(
        r"実績.*\d|\d.*実績|あった。?$|があり、|(した|された|挙げられている|行われた|実施済み?|解決済み)。?$|取組開始$")),
    ("extract.drop_baseline", re.compile(
        r"(ある|いる|おり|である)。?$|ペース.{0,12}経過|をベースに|現在、|を受けている。?$|の(現状|状況)は")),
    ("extract.drop_rationale", re.compile(
        r"(難しい|見込まれる|考えられる|ためである|からである|必要がある|必要である|予想される)。?$")),
]
# words that carry no subject: units, time words and the like; a piece made only of these and a number
# is a fragment of the target before it
_FRAGMENT_WORDS = re.compile(
    rf"社協内部|内部|\d+(?:[,.]\d+)?|{_UNIT_RE}|圏域|区域|年間|年度|毎月|毎年|年|月|週|日|各地区|各|計|延べ|のべ|約|定期|随時|以上|程度|"
    rf"参加|新規|目標|現状|本年度中に|までに|予定|[\s、。,.+＋×~～\-/()（）:：]")
_TARGET_VERBS = re.compile(r"目指|目標|図る|図っていく|行う|実施|開催|する。?$|していく|させる|整備|構築|設置|促進|推進|取り組|したい")


def _is_fragment(piece: str) -> bool:
    s = normalise(piece)
    if not re.search(r"\d", s) or len(s) > 30:
        return False
    return len(_FRAGMENT_WORDS.sub("", s)) == 0


def _drop_rule(piece: str) -> str | None:
    s = normalise(piece).strip()
    for rule, pattern in _DROP_RULES:
        if pattern.search(s):
            if rule in ("extract.drop_baseline", "extract.drop_past_result") and re.search(r"目指|目標とする|を目標", s) \
                    and not re.search(r"実績|をベースに", s):
                continue  # 30件の支援終結を目標に掲げ… is a target, not a report
            if rule == "extract.drop_baseline" and not re.search(r"\d", s) and not s.endswith(("を受けている。", "を行っている。")):
                continue  # …できるようになる / …体制がある: no starting figure
            if rule == "extract.drop_baseline" and s.endswith("ている。") and _TARGET_VERBS.search(s[:-4]) \
                    and not re.search(r"受けている。$|経過", s):
                continue
            return rule
    return None


def _split_sentences(chunk: str) -> list[str]:
    """Split after 。 outside brackets: （月1程度の訪問を実施したい。） stays whole."""
    out, depth, last = [], 0, 0
    for i, ch in enumerate(chunk):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif ch == "。" and depth == 0:
            out.append(chunk[last:i + 1])
            last = i + 1
    out.append(chunk[last:])
    return out


def _leading_bracket(piece: str) -> tuple[str, str] | None:
    """('(20%増)', rest) when the piece opens with a bracket (closed or running to the end)."""
    if not piece.startswith(("(", "（")):
        return None
    depth = 0
    for i, ch in enumerate(piece):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
            if depth == 0:
                return piece[:i + 1], piece[i + 1:].lstrip(" 。")
    return piece, ""


def _bracket_has_figure(bracket: str) -> bool:
    s = normalise(bracket)
    if re.search(r"時点|現在|実績|現状|済|前年|参考|仮に想定", s):
        return False
    return bool(re.search(r"\d", s))


def extract_pieces(text: str) -> tuple[list[dict], list[dict]]:
    """Targets of one printed 成果目標 field, and the pieces that are not targets.

    Returns (targets, dropped). Each target is a dict with offset (line within the field), text (the
    target as read: a bare count is joined to the target it belongs to), text_printed (the words as
    printed), note (asides), extraction_rule. Each dropped piece has offset, text and rule.
    """
    pieces: list[dict] = []
    dropped: list[dict] = []

    def to_note(piece: str, offset: int, rule: str = "extract.aside_to_note") -> None:
        if pieces:
            pieces[-1]["note"] = (pieces[-1]["note"] + " " if pieces[-1]["note"] else "") + piece
        dropped.append({"offset": offset, "text": piece, "rule": rule})

    def join(piece: str, offset: int, rule: str) -> None:
        target = pieces[-1]
        sep = "" if target["text"].endswith(("。", ")", "）")) or piece.startswith(("(", "（")) else " "
        target["text"] += sep + piece
        target["text_printed"] += sep + piece
        if target["extraction_rule"] == "extract.split" or rule == "extract.join_fragment":
            target["extraction_rule"] = rule
        dropped.append({"offset": offset, "text": piece, "rule": rule})

    for offset, line in _lines_of(text):
        line = line.replace("\t", " ")
        in_report = False  # after 【実績…】/【現状】 on a line, pieces report progress until the next 【目標】
        # bullets in the middle of a line: " ・" / " ○" / " ①" / "【目標】" / "⇒", and progress arrows
        chunks = re.split(r"\s+(?=[・○●◎■][^\s])|(?<=\S)\s*(?=【目標】)|\s+(?=[①-⑳])|\s+(?=\d+[\.\)]\s)|\s+(?=[A-E]\.\s)|(?<=[、,])(?=[A-E]\.\s)|\s*⇒\s*"
                          r"|\s*(?=→(?!\s*\d+\s*(?:人|名|件|回|か所|箇所)))", line)
        for chunk in chunks:
            if not chunk:
                continue
            if chunk.lstrip().startswith("【目標】"):
                in_report = False
            queue = [p for s in _split_sentences(chunk) for p in _split_after_counts(s)]
            while queue:
                piece = queue.pop(0)
                piece = _BULLET.sub("", piece).strip(" 　、,")
                piece = re.sub(r"^【目標】\s*", "", piece)
                piece = re.sub(r"^[⑤⑧⑨]?\s*事業の成果目標\s*", "", piece).strip()
                if not piece or re.fullmatch(r"【[^】]+】", piece):
                    continue  # empty, or a bracketed heading such as 【課題把握】
                if re.match(r"^→?\s*【(実績|現状)", piece):
                    in_report = True
                    to_note(piece, offset)
                    continue
                if in_report:
                    dropped.append({"offset": offset, "text": piece, "rule": "extract.drop_past_result"})
                    continue
                lead = _leading_bracket(piece)
                if lead is not None and pieces:
                    bracket, rest = lead
                    if _bracket_has_figure(bracket):
                        join(bracket, offset, "extract.join_bracket")
                    else:
                        to_note(bracket, offset)
                    if rest:
                        queue.insert(0, rest)
                    continue
                # a count printed after the full stop belongs to the sentence before: 選任する。2区域 …
                m = re.match(rf"^(\d+\s*(?:{_UNIT_RE}|区域|圏域))\s+(?=\S)", normalise(piece))
                if m and pieces and pieces[-1]["text"].endswith("。") and pieces[-1]["offset"] == offset:
                    join(piece[:m.end()].strip(), offset, "extract.join_fragment")
                    piece = piece[m.end():].strip()
                letters = re.search(r"[ぁ-んァ-ン一-龥A-Za-z]", piece)
                if pieces and _ASIDE.match(piece) and not piece.startswith(("(", "（")):
                    to_note(piece, offset)
                    continue
                if pieces and not letters:
                    join(piece, offset, "extract.join_fragment")
                    continue
                rule = _drop_rule(piece)
                if rule:
                    dropped.append({"offset": offset, "text": piece, "rule": rule})
                    if rule == "extract.drop_past_result" and "実績" in piece:
                        in_report = True  # 平成30年度実績 来所者…、相談件数…: the whole run reports the past
                    continue
                if _is_fragment(piece):
                    if pieces and pieces[-1]["offset"] == offset:
                        join(piece, offset, "extract.join_fragment")
                        continue
                    pieces.append({"offset": offset, "text": piece, "text_printed": piece, "note": None,
                                   "extraction_rule": "extract.fragment_no_context"})
                    continue
                pieces.append({"offset": offset, "text": piece, "text_printed": piece, "note": None,
                               "extraction_rule": "extract.split"})
    return pieces, dropped


def split_targets_with_notes(text: str) -> list[tuple[int, str, str | None]]:
    """Like split_targets, keeping the asides (→ progress reports, ※ notes, (…) explanations) as notes."""
    return [(p["offset"], p["text"], p["note"]) for p in extract_pieces(text)[0]]


def split_targets(text: str) -> list[tuple[int, str]]:
    """One (line offset, text) per target in a field that may list several.

    Splits on line breaks, list bullets (・ ○ ① 1. 【目標】 ⇒), full stops outside brackets, and on a space
    or 、 that follows a completed count (相談件数 500 件 ケース会議参加件数 30 件 → two targets). A
    parenthesised breakdown stays with its target and a bracketed figure after a sentence joins it;
    asides, notes, rationales, dates and reports are not targets (see EXTRACTION_RULES).
    """
    return [(o, t) for o, t, _ in split_targets_with_notes(text)]


# ---------------------------------------------------------------------------------------------
# Per-document extraction
# ---------------------------------------------------------------------------------------------

def _raw_file(raw_dir: Path, doc_id: str) -> Path | None:
    found = sorted(Path(raw_dir).glob(f"{doc_id}_*.txt"))
    return found[0] if found else None


def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


# pieces of the last build that were not made targets (or were joined to one), for the build summary
DROPPED: list[dict] = []


def _row(**kw) -> dict:
    row = {c: None for c in TARGET_COLUMNS}
    row.update(kw)
    return row


def targets_from_programme_texts(programme_texts: pd.DataFrame) -> list[dict]:
    """003: every 成果目標 field of the FY2019 plans, split into single targets."""
    rows = []
    if programme_texts is None or programme_texts.empty:
        return rows
    fields = programme_texts[programme_texts["field"] == "outcome_targets"]
    for rec in fields.itertuples(index=False):
        pieces, dropped = extract_pieces(rec.text)
        for p in pieces:
            rows.append(_row(
                document_id=DOC_PLANS, municipality_code=rec.municipality_code, programme=rec.programme,
                source_line=int(rec.source_line) + p["offset"], text=p["text"], text_printed=p["text_printed"],
                note=p["note"], extraction_rule=p["extraction_rule"],
            ))
        for d in dropped:
            DROPPED.append({"document_id": DOC_PLANS, "source_line": int(rec.source_line) + d["offset"],
                            "text": d["text"], "rule": d["rule"]})
    return rows


_CHOFU_SECTION = re.compile(r"^#*\s*(I|II|III|Ⅰ|Ⅱ|Ⅲ)\s+(.+)$")
_CHOFU_ACTIVITY = re.compile(r"^#*\s*(◆\s*.+|[\(（]\d+[\)）]\s*.+)$")


def targets_from_chofu(lines: list[str]) -> list[dict]:
    """002 Chofu 2024 coordinator plan: each ①量的目標 line with its number and each ②質的目標 paragraph."""
    rows: list[dict] = []
    section = activity = heading = None
    mode = None
    pending_text: tuple[int, str] | None = None
    for i, raw in enumerate(lines, start=1):
        line = raw.strip()
        bare = re.sub(r"^#+\s*", "", line)
        if m := _CHOFU_SECTION.match(line):
            section = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III"}.get(m.group(1), m.group(1)) + " " + m.group(2)
            mode = None
            heading = None
            activity = None  # a ◆ activity belongs to its section (II and III have none)
            continue
        if bare.startswith("◆"):
            activity = bare.lstrip("◆ ").strip()
            heading = None
            mode = None
            continue
        if re.match(r"^[\(（]\d+[\)）]", bare):
            heading = re.sub(r"\s*※\s*$", "", bare)
            mode = None
            continue
        if re.match(r"^[①1]\s*量的目標", bare):
            mode = "quantitative"
            continue
        if re.match(r"^[②2]\s*質的目標", bare):
            mode = "qualitative"
            continue
        if re.match(r"^(ア|イ|ウ|エ|\d)\s", bare) or bare.startswith("※"):
            mode = None
            continue
        if mode is None or not bare:
            continue
        context = " / ".join(x for x in (activity, heading) if x)
        text = _BULLET.sub("", bare).strip()
        if mode == "quantitative":
            has_number = bool(re.search(r"\d", normalise(text)))
            if pending_text is not None:
                # "…継続支援␣␣" then "400件" on the next line: one target printed over two lines
                start_line, start_text = pending_text
                pending_text = None
                if has_number and not re.search(r"[ぁ-んァ-ン一-龥]", re.sub(rf"{_UNIT_RE}", "", normalise(text))):
                    rows.append(_row(source_line=start_line, text=f"{start_text} {text}", section=section,
                                     context=context, kind_hint="quantitative"))
                    continue
                rows.append(_row(source_line=start_line, text=start_text, section=section, context=context,
                                 kind_hint="quantitative"))
            if not has_number:
                if raw.endswith("  "):
                    pending_text = (i, text)
                elif rows and rows[-1]["kind_hint"] == "quantitative" and rows[-1]["source_line"] < i:
                    # a sentence after the number explains how it will be done; keep it as a note
                    rows[-1]["note"] = text
                continue
            if _is_fragment(text) and heading:
                # "16回" alone under (3) 地域住民等に対する研修の実施: the heading names what is counted
                subject = re.sub(r"^[\(（]\d+[\)）]\s*", "", heading)
                rows.append(_row(source_line=i, text=f"{subject} {text}", text_printed=text, section=section,
                                 context=context, kind_hint="quantitative", extraction_rule="extract.join_heading"))
                DROPPED.append({"document_id": DOC_CHOFU, "source_line": i, "text": text, "rule": "extract.join_heading"})
                continue
            rows.append(_row(source_line=i, text=text, section=section, context=context,
                             kind_hint="quantitative"))
        else:
            rows.append(_row(source_line=i, text=text, section=section, context=context, kind_hint="qualitative"))
    for r in rows:
        r.update(document_id=DOC_CHOFU, municipality_code=CODE_CHOFU, target_year=2024)
        r["baseline_year"] = None
    return rows


def _heisei(token: str) -> int | None:
    m = re.search(r"H\s*(\d+)", normalise(token))
    return 1988 + int(m.group(1)) if m else None


def targets_from_nagano(lines: list[str]) -> list[dict]:
    """001 Nagano city welfare plan: each 指標項目 row with 現状値 (H21) and 目標値 (H27)."""
    rows = []
    section = None
    header = None
    for i, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line.startswith("基本目標"):
            section = normalise(line)
            continue
        if line.startswith("指標項目"):
            header = [c.strip() for c in raw.split("\t")]
            continue
        if header is None:
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if len(cells) < 3 or not cells[0]:
            header = None if not line else header
            continue
        baseline_q = parse_target_quantity(cells[1])
        rows.append(_row(
            document_id=DOC_NAGANO, municipality_code=CODE_NAGANO, section=section, source_line=i,
            text=cells[0], value_cell=cells[2], baseline=baseline_q.value, baseline_raw=cells[1],
            baseline_year=_heisei(header[1]), target_year=_heisei(header[2]),
        ))
    return rows


_ICHIKAWA_ITEMS = re.compile(r"<li>|・")


def targets_from_ichikawa(lines: list[str]) -> list[dict]:
    """000 Ichikawa CSW specification: meeting bodies the CSW is to attend and the duties it names.

    Each named 会議体 is a measurable activity (attendance can be counted); ア・イ・ウ and ①② are
    duties with a verb (集約する, 募集・育成, 出席し…支援する). Catch-all 'その他…' items are skipped.
    """
    rows = []
    for i, raw in enumerate(lines, start=1):
        if not re.match(r"^\(\d\)", raw):
            continue
        heading, _, body = raw.partition("\t")
        heading = heading.strip()
        body_text = re.sub(r"<(?!/?p>)[^>]+>", " ", body)
        paragraphs = [p.strip() for p in re.split(r"</?p>", body_text) if p.strip()]
        group = None
        for para in paragraphs:
            if re.match(r"^[①②]", para) and len(para) < 40:
                group = para
                continue
            if para.startswith("・"):  # a <ul> list of bodies or agenda items
                for item in [x.strip() for x in para.split("・") if x.strip()]:
                    if item.startswith("その他"):
                        continue
                    text = f"{item}に出席" if heading.startswith("(1)") else item
                    rows.append(_row(source_line=i, text=text, section=heading, context=group))
                continue
            if re.match(r"^[アイウ]\s", para):
                rows.append(_row(source_line=i, text=para[1:].strip(), section=heading, context=group))
                continue
            if heading.startswith("(3)") and "会議の開催" in para:
                sentence = next(s for s in para.split("。") if "会議の開催" in s)
                rows.append(_row(source_line=i, text=sentence + "。", section=heading, context=group))
                continue
            if heading.startswith("(4)") and group:
                first = para.split("。")[0] + "。"
                rows.append(_row(source_line=i, text=first, section=heading, context=group))
    for r in rows:
        r.update(document_id=DOC_ICHIKAWA, municipality_code=CODE_ICHIKAWA)
    return rows


COUNCIL_NOTE = ("発行者は「宮崎県社会福祉協議会」と2度印刷されている（7行目・89行目）が、"
                "見出し「集おう！みやぎのオール社協」（80行目）は宮城県を指す。自治体は特定せず空欄。 / "
                "Printed twice as Miyazaki prefectural council, but the slogan 'みやぎのオール社協' points to "
                "Miyagi; body left unassigned.")


def targets_from_council_report(lines: list[str]) -> list[dict]:
    """004 prefectural council report: each measure under a 地域の目標, and the all-council meeting it announces."""
    rows = []
    case = goal = None
    for i, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line.startswith("事例"):
            case = line
            continue
        if line.startswith("地域の目標"):
            goal = line.split("：", 1)[-1].strip()
            continue
        if line.startswith("- ") and goal and not line.startswith(("- 日時", "- 場所")):
            rows.append(_row(source_line=i, text=line[2:].strip(), section=case, context=goal))
            continue
        if line.startswith(("- 日時", "- 場所")):
            # the announced 全体会議 is a date and a venue, not a target
            goal = None
            DROPPED.append({"document_id": DOC_COUNCIL, "source_line": i, "text": line[2:].strip(),
                            "rule": "extract.drop_date"})
        if line.startswith("「集おう"):
            goal = None
    for r in rows:
        r.update(document_id=DOC_COUNCIL, municipality_code=None, note=COUNCIL_NOTE)
    return rows


# ---------------------------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------------------------

def _finish(row: dict) -> dict:
    """Parse the quantity and classify one extracted row."""
    value_source = row.pop("value_cell", None) or row["text"]
    q = parse_target_quantity(value_source)
    if q.value is not None:
        row.update(value=q.value, value_max=q.value_max, bound=q.bound, unit=q.unit, period=q.period,
                   value_raw=q.raw)
    if row.get("baseline") is None:
        base = re.search(rf"(?:現状|現在)\s*[:：]?\s*({_NUM})\s*({_UNIT_RE})", normalise(row["text"]))
        if base:
            row["baseline"], row["baseline_raw"] = _to_float(base.group(1)), base.group(0)
    hint = row.pop("kind_hint", None)
    if row.get("text_printed") is None:
        row["text_printed"] = row["text"]
    if row.get("extraction_rule") is None:
        row["extraction_rule"] = "extract.split"
    verdict = target_rules.classify(row["text"], context=row.get("context"), quantity=q, kind_hint=hint,
                                    section=row.get("section"), programme=row.get("programme"),
                                    extraction_rule=row["extraction_rule"])
    row.update(kind=verdict.kind, category=verdict.category, secondary_category=verdict.secondary_category,
               pillar=verdict.pillar, logic_level=verdict.logic_level, confidence=verdict.confidence,
               rule_id=verdict.rule_id, secondary_rule_id=verdict.secondary_rule_id,
               pillar_rule_id=verdict.pillar_rule_id, level_rule_id=verdict.level_rule_id,
               kind_rule_id=verdict.kind_rule_id, confidence_rule_id=verdict.confidence_rule_id,
               matched_terms=verdict.matched_terms)
    return row


def build_targets(raw_dir: Path, programme_texts: pd.DataFrame, municipalities: pd.DataFrame) -> pd.DataFrame:
    """All targets of all documents, one row each, in document then line order (see targets_schema.sql)."""
    raw_dir = Path(raw_dir)
    DROPPED.clear()
    rows: list[dict] = []
    for doc_id, extractor in ((DOC_ICHIKAWA, targets_from_ichikawa), (DOC_NAGANO, targets_from_nagano),
                              (DOC_CHOFU, targets_from_chofu), (DOC_COUNCIL, targets_from_council_report)):
        path = _raw_file(raw_dir, doc_id)
        if path is not None:
            rows.extend(extractor(_read_lines(path)))
    rows.extend(targets_from_programme_texts(programme_texts))
    if programme_texts is not None and not programme_texts.empty:
        for r in rows:
            if r["document_id"] == DOC_PLANS:
                r["target_year"] = 2019
    rows = [_finish(r) for r in rows]
    df = pd.DataFrame(rows, columns=TARGET_COLUMNS)
    if municipalities is not None and not municipalities.empty:
        known = set(municipalities["code"])
        unknown = df["municipality_code"].notna() & ~df["municipality_code"].isin(known)
        df.loc[unknown, "note"] = df.loc[unknown, "note"].fillna("") + "municipality_code not in municipalities"
    df = df.sort_values(["document_id", "source_line"], kind="stable").reset_index(drop=True)
    df["target_id"] = [f"{d}-{n:04d}" for d, n in zip(df["document_id"], df.groupby("document_id").cumcount() + 1)]
    for col in ("value", "value_max", "baseline"):
        df[col] = pd.to_numeric(df[col], errors="coerce")
    for col in ("source_line", "baseline_year", "target_year"):
        df[col] = pd.array(pd.to_numeric(df[col], errors="coerce"), dtype="Int64")
    return df


def extraction_counts(df: pd.DataFrame) -> dict[str, int]:
    """Rows kept per extraction rule, and pieces dropped or joined per rule (last build)."""
    kept = df["extraction_rule"].value_counts().to_dict() if "extraction_rule" in df else {}
    dropped: dict[str, int] = {}
    for d in DROPPED:
        dropped[d["rule"]] = dropped.get(d["rule"], 0) + 1
    return {"kept": kept, "dropped": dropped}

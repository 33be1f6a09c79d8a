"""Parse the FY2019 MHLW model-project plans (data/raw/003_…txt) into bodies, basic-info values and programme designs.

The text is a PDF dump: table cells come as tab-separated fragments, sometimes on other lines or in swapped order.
The parser therefore reads *labels* and takes what follows each label, line numbers kept for every value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from machikurabe.ingest import quantities as q

PROGRAMMES = ("community_capacity", "multi_agency", "prefectural")
PROGRAMME_LABELS = {
    "community_capacity": "地域力強化推進事業",
    "multi_agency": "多機関の協働による包括的支援体制構築事業",
    "prefectural": "都道府県事業",
}
SECTION_NUMBERS = {"3": "community_capacity", "4": "multi_agency", "5": "prefectural"}

NUMERIC_FIELDS = (
    "population",
    "households",
    "ageing_rate_pct",
    "welfare_rate_pct",
    "area_km2",
    "association_rate_pct",
    "elementary_schools",
    "junior_high_schools",
)
INTEGER_FIELDS = {"population", "households", "elementary_schools", "junior_high_schools"}
TEXT_FIELDS = ("community_care_centres", "self_reliance_support")
PERCENT_FIELDS = {"ageing_rate_pct", "association_rate_pct"}
# The unit each cell prints; another unit means the cell was misread or misprinted.
EXPECTED_UNITS = {
    "population": {"人"}, "households": {"世帯"}, "ageing_rate_pct": {"%"}, "welfare_rate_pct": {"%", "‰"},
    "area_km2": {"km2"}, "association_rate_pct": {"%"}, "elementary_schools": {"校"}, "junior_high_schools": {"校"},
}

_TAG = re.compile(r"<[^>]+>")
_HEADER = re.compile(
    r"^\s*都\s*道\s*府\s*県\s*名\s*\t\s*([^\t]*?)\s*\t\s*市\s*区\s*町\s*村\s*名\s*\t?([^\t]*)"
)
# Text the form asked bodies to overwrite; printed unchanged it is not data.
_TEMPLATE_TEXT = re.compile(r"下記例を参考に|記入してください|削除のうえ")


class SourceError(ValueError):
    """A problem in a source file that stops the build, with the file and line it concerns."""

    def __init__(self, path: str, line: int | None, message: str):
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path, self.line, self.message = path, line, message


@dataclass
class QualityRow:
    field: str
    raw_value: str | None
    value: str | None
    rule: str
    source_line: int | None
    note: str = ""


@dataclass
class TextPiece:
    field: str
    text: str
    source_line: int


@dataclass
class Programme:
    programme: str
    marked: bool
    has_content: bool
    section_line: int | None
    pieces: list[TextPiece] = field(default_factory=list)

    def text(self, name: str) -> str | None:
        texts: list[str] = []
        for piece in self.pieces:
            if piece.field == name and piece.text and piece.text not in texts:
                texts.append(piece.text)
        return "\n".join(texts) if texts else None

    def region_text(self, start: int | None, stop: int | None) -> str | None:
        """All text printed from line `start` up to (not including) `stop`, sub-labels kept: 「(対象) …」."""
        if start is None:
            return None
        labels = {field: label for label, field in _PAREN_FIELDS.items()}
        texts = []
        for piece in self.pieces:
            if start < piece.source_line < (stop or 10**9) and piece.text and not piece.field.endswith("_heading"):
                label = labels.get(piece.field)
                texts.append(f"({label}) {piece.text}" if label else piece.text)
        return "\n".join(texts) or None

    def first_line(self, name: str) -> int | None:
        return next((p.source_line for p in self.pieces if p.field == name and p.text), None)


@dataclass
class Body:
    prefecture: str
    name_printed: str
    source_line: int
    end_line: int
    values: dict[str, float | int | None] = field(default_factory=dict)
    texts: dict[str, str | None] = field(default_factory=dict)
    quality: list[QualityRow] = field(default_factory=list)
    programmes: dict[str, Programme] = field(default_factory=dict)
    marks: dict[str, bool] = field(default_factory=dict)

    @property
    def is_prefecture(self) -> bool:
        return self.name_printed == ""


_CELL_END = re.compile(r"</t[dh]>|<br\s*/?>|</p>\s*<", re.I)


def clean(text: str) -> str:
    """Strip HTML tags and fold full-width brackets, keeping circled numbers (NFKC would turn ① into 1).

    Table-cell ends become tabs: some blocks print a whole table as one line of HTML.
    """
    text = _CELL_END.sub("\t<", text)
    text = _TAG.sub(" ", text).replace("（", "(").replace("）", ")").replace("\u3000", " ")
    return text


def _flex(label: str) -> str:
    """A regex matching `label` with any whitespace between its characters (the dump breaks words)."""
    return r"\s*".join(re.escape(ch) for ch in label if not ch.isspace())


# --------------------------------------------------------------------------------------------- blocks
def split_blocks(lines: list[str], path: str) -> tuple[list[Body], list[tuple[int, QualityRow]]]:
    """Find the body blocks. A header without a 実施事業 line for a body already seen is a caption, not a body."""
    headers: list[tuple[int, str, str]] = []
    for index, line in enumerate(lines):
        match = _HEADER.match(line)
        if match:
            prefecture, name = (re.sub(r"\s", "", part) for part in match.groups())
            headers.append((index, prefecture, name))
    if not headers:
        raise SourceError(path, None, "no 都道府県名 header found: is this the plans file?")
    bodies: list[Body] = []
    captions: list[tuple[int, QualityRow]] = []
    seen: set[tuple[str, str]] = set()
    next_header = {index: following for (index, _, _), (following, _, _) in zip(headers, headers[1:])}
    empty_headers: list[tuple[int, QualityRow]] = []
    for index, prefecture, name in headers:
        window = "".join(lines[index + 1 : index + 4])
        has_marks = "実施事業" in window
        if index in next_header and not "".join(lines[index + 1 : next_header[index]]).strip():
            # a header with nothing under it before the next header (a broken or doubled header row): not a body
            empty_headers.append((len(bodies), QualityRow(
                "header", lines[index].rstrip("\n"), None, "repeated_header", index + 1,
                f"{prefecture}{name} header with no content before the next header: not a new body")))
            continue
        if (prefecture, name) in seen:  # an image caption (遠野市, line 1084) or a duplicated row
            captions.append(
                (
                    len(bodies) - 1,
                    QualityRow(
                        "header",
                        lines[index].rstrip("\n"),
                        None,
                        "repeated_header",
                        index + 1,
                        f"{prefecture}{name} header printed again"
                        + ("" if has_marks else " as an image caption")
                        + ": not a new body",
                    ),
                )
            )
            continue
        if not prefecture:
            raise SourceError(path, index + 1, "header without a prefecture name")
        seen.add((prefecture, name))
        bodies.append(Body(prefecture, name, index + 1, len(lines)))
    for current, following in zip(bodies, bodies[1:]):
        current.end_line = following.source_line - 1
    for owner, row in empty_headers:
        # recorded with the body that follows it (or the last one, at the end of the file)
        if bodies:
            bodies[min(owner, len(bodies) - 1)].quality.append(row)
    captions += empty_headers
    for owner, row in captions[: len(captions) - len(empty_headers)]:
        bodies[owner].quality.append(row)
    return bodies, captions


def _block_lines(lines: list[str], body: Body) -> list[tuple[int, str]]:
    block = [(no, lines[no - 1].rstrip("\n")) for no in range(body.source_line, body.end_line + 1)]
    # The next body's title line ("北海道 京極町") sits just above its header; it belongs to that body.
    while block and (not block[-1][1].strip() or re.fullmatch(r"\S+[都道府県]\s+\S+", block[-1][1].strip())):
        block.pop()
    return block


# ------------------------------------------------------------------------------------------ basic info
_BASIC_LABELS = [
    ("population", _flex("人口")),
    ("households", _flex("世帯数")),
    ("ageing_rate_pct", _flex("高齢化率")),
    ("welfare_rate_pct", _flex("生活保護") + r"(?:\s*受\s*給)?\s*率"),
    ("area_km2", _flex("面積")),
    ("association_rate_pct", _flex("地縁組織") + r".*?" + _flex("加入率")),
    ("elementary_schools", _flex("公立小学校数")),
    ("junior_high_schools", _flex("公立中学校数")),
    ("community_care_centres", _flex("地域包括支援センター")),
    ("self_reliance_support", _flex("生活困窮者自立相談支援事業")),
]
_BASIC_LABEL_RES = [(name, re.compile(r"^\s*" + pattern)) for name, pattern in _BASIC_LABELS]


def _section_index(block: list[tuple[int, str]], pattern: str, start: int = 0) -> int | None:
    regex = re.compile(pattern)
    for position in range(start, len(block)):
        if regex.match(clean(block[position][1]).strip()):
            return position
    return None


def parse_basic_info(body: Body, block: list[tuple[int, str]]) -> None:
    start = _section_index(block, r"1\s*-\s*1\s*\.")
    if start is None:
        for name in NUMERIC_FIELDS:
            body.values[name] = None
            body.quality.append(QualityRow(name, None, None, "missing_section", body.source_line, "no 1-1. table found"))
        for name in TEXT_FIELDS:
            body.texts[name] = None
        return
    end = _section_index(block, r"1\s*-\s*2\s*\.|2\s*\.\s*事業", start + 1) or len(block)
    notes: list[str] = []
    heading_note = re.sub(r"^\s*1\s*-\s*1\s*\.\s*自治体の基本情報\s*", "", clean(block[start][1])).strip()
    if heading_note:
        notes.append(f"{heading_note} (line {block[start][0]})")
    cells: dict[str, list[tuple[int, str]]] = {}
    current: str | None = None
    for line_no, line in block[start + 1 : end]:
        if not line.strip():
            current = None  # a blank line ends a table row group; text after it is a note, not a cell
            continue
        for cell in line.split("\t"):
            text = clean(cell).strip()
            if not text:
                continue
            for name, regex in _BASIC_LABEL_RES:
                match = regex.match(text)
                if match:
                    if name in cells:
                        body.quality.append(
                            QualityRow(name, text, None, "duplicate_label", line_no, "label printed twice; first kept")
                        )
                        current = "__ignored__"
                    else:
                        current = name
                        cells[name] = []
                    rest = text[match.end() :].strip()
                    if rest and current != "__ignored__":
                        cells[name].append((line_no, rest))
                    break
            else:
                if current and current != "__ignored__":
                    cells[current].append((line_no, text))
                elif current is None:
                    notes.append(f"{text} (line {line_no})")
                    if not (text.startswith("※") or "現在" in text or "時点" in text or "数字" in text):
                        body.quality.append(QualityRow("basic_info", text, None, q.UNPARSED, line_no, "line not placed"))
    body.texts["basic_info_notes"] = "\n".join(notes) or None
    for name in NUMERIC_FIELDS:
        pieces = cells.get(name)
        if pieces is None:
            body.values[name] = None
            body.quality.append(QualityRow(name, None, None, "label_missing", body.source_line, "label not printed"))
            continue
        raw = " ".join(text for _, text in pieces)
        line_no = pieces[0][0] if pieces else body.source_line
        parsed = q.parse_quantity(raw)
        if parsed.unit is not None and parsed.unit not in EXPECTED_UNITS[name]:
            parsed.findings.append(q.Finding("unit_mismatch", f"printed unit {parsed.unit!r} is not this field's"))
        if name == "welfare_rate_pct":
            parsed = q.welfare_rate_percent(parsed)
        value = parsed.value
        if value is not None and name in INTEGER_FIELDS:
            value = int(round(value))
        if value is not None and name in PERCENT_FIELDS and not 0 <= value <= 100:
            parsed.findings.append(q.Finding(q.OUT_OF_RANGE, "a percentage outside 0–100"))
        body.values[name] = value
        for finding in parsed.findings:
            body.quality.append(
                QualityRow(name, raw, None if value is None else f"{value:g}", finding.rule, line_no, finding.note)
            )
    for name in TEXT_FIELDS:
        pieces = cells.get(name) or []
        raw = " ".join(text for _, text in pieces).strip() or None
        body.texts[name] = raw
        line_no = pieces[0][0] if pieces else body.source_line
        if raw is None:
            body.quality.append(QualityRow(name, None, None, q.MISSING_EMPTY, line_no, "cell printed without text"))
        elif _TEMPLATE_TEXT.search(raw):
            body.texts[name] = None
            body.quality.append(
                QualityRow(name, raw, None, "template_text", line_no, "the form's instruction text, not an answer")
            )
    population, households = body.values.get("population"), body.values.get("households")
    if population and households and households > population:
        body.quality.append(
            QualityRow("households", str(households), str(households), "doubtful", body.source_line, "more households than people")
        )


# --------------------------------------------------------------------------------- vision and features
def parse_vision(body: Body, block: list[tuple[int, str]]) -> None:
    features_at = _section_index(block, r"1\s*-\s*2\s*\.")
    vision_at = _section_index(block, r"2\s*\.\s*事業を実施する上でのビジョン")
    section_at = _section_index(block, r"[345]\s*\.\s*(地域力強化|多機関|都道府県事業)")
    if features_at is not None:
        end = vision_at or section_at or len(block)
        text = " ".join(clean(line).strip() for _, line in block[features_at + 1 : end] if clean(line).strip())
        body.texts["local_features"] = text or None
    body.texts.setdefault("local_features", None)
    aim: list[str] = []
    change: list[str] = []
    if vision_at is not None:
        target: list[str] | None = None
        for _, line in block[vision_at + 1 : section_at or len(block)]:
            text = clean(line).strip()
            compact = re.sub(r"\s", "", text)
            if "目的・狙い" in compact or "目的・ねらい" in compact:
                target = aim
                text = re.sub(r"^.*?狙\s*い|^.*?ねらい", "", text, count=1).strip()
            elif "起こしたい変化" in compact:
                target = change
                text = re.sub(r"^.*?起\s*こ\s*し\s*た\s*い\s*変\s*化", "", text, count=1).strip()
            if target is not None and text:
                target.append(text)
    body.texts["vision_aim"] = " ".join(aim) or None
    body.texts["vision_change"] = " ".join(change) or None


# ---------------------------------------------------------------------------------------- programmes
_MARK = re.compile(r"○|◯|〇|●|<input[^>]*radio[^>]*>")


def parse_marks(body: Body, block: list[tuple[int, str]]) -> None:
    """Read the 実施事業※ line. A mark belongs to the programme label printed before it (the dump shifts columns)."""
    for position, (line_no, line) in enumerate(block[:6]):
        if line.startswith("実施事業"):
            break
    else:
        body.marks = {p: False for p in PROGRAMMES}
        body.quality.append(QualityRow("marks", None, None, "marks_missing", body.source_line, "no 実施事業 line"))
        return
    compact = re.sub(r"\s", "", line.split("\t", 1)[1] if "\t" in line else line)
    positions = []
    for programme in PROGRAMMES:
        found = compact.find(PROGRAMME_LABELS[programme])
        positions.append((found, programme))
    positions.sort()
    marks: dict[str, bool] = {}
    for rank, (found, programme) in enumerate(positions):
        start = found + len(PROGRAMME_LABELS[programme]) if found >= 0 else 0
        end = positions[rank + 1][0] if rank + 1 < len(positions) else len(compact)
        marks[programme] = found >= 0 and bool(_MARK.search(compact[start:end]))
    body.marks = marks
    if "<input" in line:
        body.quality.append(
            QualityRow(
                "marks",
                line.strip(),
                ",".join(p for p in PROGRAMMES if marks[p]),
                "mark_radio_input",
                line_no,
                "an HTML radio button stands where the form has ○; read as a mark",
            )
        )


_SECTION_HEADING = re.compile(
    r"^\s*([345])\s*\.\s*(地域力強化推進事業|多機関の協働による包括的支援体制構築事業|都道府県事業)について\s*$"
)

# (field, regex on the cleaned line start). Order matters: the first match wins.
_FIELD_LABELS = [
    ("implementer", r"[①-⑳㊀-㊿]?\s*実?\s*" + _flex("施主体") + r"\s*(?:\(\s*委\s*託\s*先\s*\))?"),
    ("programme_name", r"[①-⑳㊀-㊿]?\s*" + _flex("事業名")),
    ("necessity", r"[①-⑳㊀-㊿]?\s*" + _flex("事業実施の必要性") + r"(?:\s*、\s*" + _flex("体制等") + r")?"),
    ("necessity", r"[①-⑳㊀-㊿]?\s*" + _flex("業実施の必要性")),  # 「④業実施の必要性」: a dropped character
    ("promoter_count_raw", r"[①-⑳㊀-㊿]?\s*" + _flex("相談支援包括化推進員の配置予定人数")),
    ("promoter_count_raw", r"[①-⑳㊀-㊿]\s*" + _flex("相談支援包括化推") + r"(?!\s*進)"),  # label broken over lines (今別町)
    ("__continuation__", _flex("進員の配置予定人数")),
    ("promoter_backgrounds", r"[①-⑳㊀-㊿]?\s*" + _flex("相談支援包括化推進員の経歴等")),
    ("promoter_agency", r"[①-⑳㊀-㊿]?\s*" + _flex("相談支援包括化推進員を配置する相談支援機関") + r"[^\t]*"),
    ("outcome_targets", r"[①-⑳㊀-㊿]?\s*" + _flex("事業の成果目標")),  # 墨田区 prints ㊦ for ⑧ (line 4275)
    ("cross_reference", r"[①-⑳㊀-㊿]?\s*" + _flex("地域力強化推進事業実施計画")),
    ("cross_reference", r"[①-⑳㊀-㊿]?\s*多?\s*" + _flex("機関の協働による包括的支援体制構築事業実施計画")),
    ("content", r"[①-⑳㊀-㊿]?\s*事?\s*" + _flex("業内容")),  # 「①業内容」 drops a character once
    ("funding", _flex("地域の課題を地域で解決していくための財源等の確保")),
    ("funding", r"ウ?\s*" + _flex("自主財源の確保のための取組の概要")),
    ("linked_programmes", _flex("事業実施にあたり連携する他の法定事業等") + r"\s*(?:\(\s*自主事業含む\s*\))?"),
    ("overview", r"ア?\s*" + _flex("包括的な相談支援体制の構築に向けた取組の概要")),
    ("content", r"イ?\s*" + _flex("相談支援包括化推進会議の開催方法")),
    ("meeting_case_review", r"\(\s*" + _flex("個別事例の検討") + r"\s*\)\s*(?:※\s*" + _flex("会議の開催回数や参加者等を記載") + ")?"),
    ("meeting_network", r"\(\s*" + _flex("ネットワーク構築") + r"\s*\)\s*(?:※\s*" + _flex("会議の開催回数や参加者等を記載") + ")?"),
    ("new_resources", r"エ?\s*" + _flex("新たな社会資源の創出のための取組の概要")),
    ("other", r"[オウ]\s*" + _flex("その他") + r"\s*$"),
    ("other", r"\(\s*エ\s*\)\s*" + _flex("その他") + r"\s*$"),
]
_FIELD_LABEL_RES = [(name, re.compile(r"^\s*(?:" + pattern + r")")) for name, pattern in _FIELD_LABELS]

# Inline sub-labels printed in brackets, their values after them on the line or on the next line.
_PAREN_FIELDS = {
    "対象地域": "target_area",
    "対象地域の範囲": "target_area_scope",
    "人口": "target_area_population_raw",
    "支援する対象": "support_target",
    "支援の内容": "support_content",
    "拠点の場所": "hubs",
    "運営主体": "hub_operator",
    "研修の対象": "training_target",
    "研修の内容": "training_content",
    "場所・機関等の名称": "consultation_place",
    "相談を受け止める人": "consultation_staff",
    "周知方法": "publicity_method",
    "把握の方法": "early_detection_method",
    "バックアップの内容": "backup_content",
    "バックアップする人": "backup_staff",
    "既存の会議の名称": "meeting_existing_name",
    "対象": "prefectural_b_target",  # (イ)の(対象): not the same cell as (ア)の対象者
    "取組内容": "prefectural_activities",
    "対象とする専門的な支援を必要とする者": "prefectural_target",
    "構築する支援体制": "prefectural_system",
    "支援体制構築に向けたプロセス": "prefectural_process",
}
_PAREN_RE = re.compile(
    r"\(\s*(" + "|".join(_flex(k) for k in sorted(_PAREN_FIELDS, key=len, reverse=True)) + r")\s*\)"
)
_HEADING_ITEM = re.compile(r"^\s*(?:\(\s*[アイウエオ]\s*\)|[アイウエオ](?=\s|「|$))")


def _paren_name(label_text: str) -> str:
    return _PAREN_FIELDS[re.sub(r"\s", "", label_text)]


def parse_section(programme: str, lines: list[tuple[int, str]]) -> list[TextPiece]:
    """Turn a programme section into labelled text pieces, each with its line."""
    pieces: list[TextPiece] = []
    current = "preamble"
    pending_paren: list[str] | None = None  # labels printed alone on a line; values on the next line
    for line_no, raw in lines:
        line = clean(raw).strip()
        if not line:
            continue
        if pending_paren is not None:
            values = [clean(c).strip() for c in raw.split("\t") if clean(c).strip()]
            is_label_line = any(regex.match(line) for _, regex in _FIELD_LABEL_RES)
            if values and not _PAREN_RE.match(values[0]) and not _HEADING_ITEM.match(values[0]) and not is_label_line:
                for label, value in zip(pending_paren, values):
                    pieces.append(TextPiece(label, value, line_no))
                pending_paren = None
                continue
            pending_paren = None
        for name, regex in _FIELD_LABEL_RES:
            match = regex.match(line)
            if match:
                if name != "__continuation__":
                    current = name
                line = line[match.end() :].strip()
                break
        else:
            if programme == "prefectural" and re.match(r"^\(\s*[アイ]\s*\)", line):
                current = "prefectural_a" if "ア" in line[:4] else "prefectural_b"
                pieces.append(TextPiece(current + "_heading", line, line_no))
                continue
            if _HEADING_ITEM.match(line) and not _PAREN_RE.match(line):
                # ア「住民に身近な圏域」… / (ア) 地域住民の参加を促す… : a heading of the form, kept as content
                if current not in ("prefectural_a", "prefectural_b"):
                    current = "content"
                pieces.append(TextPiece("content_heading", line, line_no))
                continue
        if not line:
            continue
        if _PAREN_RE.search(line):
            cells = [c.strip() for c in line.split("\t") if c.strip()]
            if all(_PAREN_RE.fullmatch(c) for c in cells):
                pending_paren = [_paren_name(_PAREN_RE.fullmatch(c).group(1)) for c in cells]
                continue
            for cell in cells:
                current = _parse_cell(cell, current, line_no, pieces)
            continue
        pieces.append(TextPiece(current, re.sub(r"\s+", " ", line), line_no))
    return pieces


def _parse_cell(cell: str, current: str, line_no: int, pieces: list[TextPiece]) -> str:
    """One tab-separated cell: bracketed sub-labels with their values, a form heading, or more of the open field."""
    labels = list(_PAREN_RE.finditer(cell))
    if not labels:
        if _HEADING_ITEM.match(cell):
            pieces.append(TextPiece("content_heading", cell, line_no))
            return "content"
        pieces.append(TextPiece(current, re.sub(r"\s+", " ", cell), line_no))
        return current
    head = cell[: labels[0].start()].strip()
    if head:
        pieces.append(TextPiece(current, head, line_no))
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(cell)
        value = re.sub(r"\s+", " ", cell[m.end() : end]).strip()
        current = _paren_name(m.group(1))
        if value:
            pieces.append(TextPiece(current, value, line_no))
    return current


_COUNT_TERM = re.compile(r"(?:(\d+)\s*か所\s*各\s*)?(\d+(?:\.\d+)?)\s*(?:人|名)")


def parse_promoter_count(raw: str | None) -> tuple[int | None, float | None, list[tuple[str, str]]]:
    """Total planned promoters from ④; returns (headcount, fte, [(rule, note)])."""
    if raw is None or not raw.strip():
        return None, None, [(q.MISSING_EMPTY, "④ printed without a number")]
    text = q.normalise_text(raw)
    if re.search(r"配置は行わない|配置しない|予定なし", text):
        return 0, None, [("zero_from_text", "the plan states no promoter will be placed this year")]
    main = re.split(r"※", text)[0]
    # A parenthesis is a breakdown or a note, never extra people; brackets nest (石巻市, line 1531).
    while re.search(r"\([^()]*\)", main):
        main = re.sub(r"\([^()]*\)", " ", main)
    main = re.sub(r"[()].*", " ", main)
    terms = _COUNT_TERM.findall(main)
    if not terms:
        return None, None, [(q.UNPARSED, f"no headcount in {raw!r}")]
    total = sum(float(count) * (int(places) if places else 1) for places, count in terms)
    rules: list[tuple[str, str]] = []
    if len(terms) > 1 or any(places for places, _ in terms):
        rules.append(("promoter_count_summed", f"added up the parts printed: {main.strip()!r}"))
    if "拠点に" in main:
        rules.append(("doubtful", "read literally as the number printed; it may mean that many per site"))
    if total != int(total):
        rules.append(("fractional_headcount", f"{total:g} is a full-time equivalent, not a headcount; count left empty"))
        return None, total, rules
    return int(total), total, rules


def parse_programmes(body: Body, block: list[tuple[int, str]]) -> None:
    headings: list[tuple[int, str]] = []
    for position, (line_no, line) in enumerate(block):
        match = _SECTION_HEADING.match(clean(line))
        if match:
            headings.append((position, SECTION_NUMBERS[match.group(1)]))
    for rank, (position, programme) in enumerate(headings):
        end = headings[rank + 1][0] if rank + 1 < len(headings) else len(block)
        if programme in body.programmes:
            body.quality.append(
                QualityRow("programme", programme, None, "duplicate_section", block[position][0], "section printed twice")
            )
            continue
        pieces = parse_section(programme, block[position + 1 : end])
        designed = {p.field for p in pieces if p.text} & {"implementer", "programme_name", "necessity"}
        body.programmes[programme] = Programme(
            programme, body.marks.get(programme, False), bool(designed), block[position][0], pieces
        )
    for programme in PROGRAMMES:
        marked = body.marks.get(programme, False)
        section = body.programmes.get(programme)
        has_content = bool(section and section.has_content)
        if marked and not has_content:
            body.programmes[programme] = section or Programme(programme, True, False, None)
            body.quality.append(
                QualityRow("marks", "marked", "runs (by mark)", "mark_without_section", body.source_line,
                           f"{PROGRAMME_LABELS[programme]} marked but its section carries no design")
            )
        elif has_content and not marked:
            body.quality.append(
                QualityRow("marks", "not marked", "runs (by section)", "section_without_mark", section.section_line,
                           f"{PROGRAMME_LABELS[programme]} not marked on the 実施事業 line but its section carries a design")
            )


def parse_plans(path: Path) -> list[Body]:
    """Parse the plans file; raises SourceError (with file and line) on what cannot be read at all."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise SourceError(str(path), None, "source file missing (copy it into data/raw/)") from exc
    except UnicodeDecodeError as exc:
        raise SourceError(str(path), None, f"not UTF-8 text ({exc.reason})") from exc
    bodies, _ = split_blocks(lines, str(path))
    for body in bodies:
        block = _block_lines(lines, body)
        parse_marks(body, block)
        parse_basic_info(body, block)
        parse_vision(body, block)
        parse_programmes(body, block)
    return bodies


_AREA_POPULATION = re.compile(
    r"^(?P<approx_pre>約|およそ)?\s*(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<decimal>\d+))?\s*(?P<man>万)?\s*人?\s*(?P<approx_post>程度)?$"
)


def parse_area_population(raw: str | None) -> tuple[int | None, list[tuple[str, str]]]:
    """(人口) of a target area: only a single clean number is stored; ranges and sentences stay text."""
    if raw is None or not raw.strip():
        return None, []
    first = re.sub(r"^\s*[①-⑳㊀-㊿]\s*", "", raw.split("\n")[0])  # before NFKC, which turns ④ into 4
    text = q.normalise_text(first)
    findings: list[tuple[str, str]] = []
    dates = q._DATE_NOTE.findall(text)
    if dates:
        text = q._DATE_NOTE.sub(" ", text).strip()
        findings.append((q.DATE_NOTE, "; ".join(d.strip() for d in dates)))
    match = _AREA_POPULATION.match(text)
    if match is None:
        return None, [(q.UNPARSED, "not a single number of people (a range, several areas or a sentence): kept as text")]
    value = float(match.group("number").replace(",", "") + ("." + match.group("decimal") if match.group("decimal") else ""))
    if match.group("man"):
        value *= 10_000
    if match.group("approx_pre") or match.group("approx_post"):
        findings.append((q.APPROXIMATE, "printed as approximate"))
    return int(round(value)), findings

"""Logic of the municipality profile, as numbers with metadata (no wording: that is machikurabe/ui/profile_text.py):
kana and romaji of a name for search, each plan indicator's value with rank and percentile in the body's comparison
groups, the programme designs as field ids, values and source lines, and the build's printed-vs-official notes parsed
into their parts.
"""
from __future__ import annotations

import re
import unicodedata

import pandas as pd

from machikurabe.analysis import indicators
from machikurabe.analysis.formatting import is_missing, percentile_of, rank_of

# fields shown on a programme card, in reading order (the plan's own order)
CARD_FIELDS = (
    "programme_name", "implementer", "contractor", "necessity", "target_area", "target_area_scope",
    "target_area_population", "support_target", "support_content", "hubs", "hub_operator", "training_target",
    "training_content", "consultation_place", "funding", "linked_programmes", "promoter_count",
    "promoter_backgrounds", "promoter_agency", "overview", "meeting_case_review", "meeting_network",
    "new_resources", "prefectural_a", "prefectural_b", "outcome_targets",
)


def to_hiragana(kana: str | None) -> str:
    if not kana:
        return ""
    # katakana U+30A1..U+30F6 sit exactly 0x60 above their hiragana
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in kana)


def english_display_name(row) -> str:
    """The romaji the build stored (from the gazetteer's kana); the kanji name where none was stored."""
    stored = row.get("name_romaji")
    return stored if isinstance(stored, str) and stored else row["name"]


def display_name(row, lang: str = "ja") -> str:
    return english_display_name(row) if lang == "en" else row["name"]


def to_katakana(kana: str | None) -> str:
    if not kana:
        return ""
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in kana)


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold().replace(" ", "").replace("-", "")


def search_bodies(bodies: pd.DataFrame, text: str) -> pd.DataFrame:
    """Bodies whose kanji name, kana (katakana or hiragana) or romaji contains ``text``."""
    needle = _normalise(text)
    if not needle:
        return bodies
    needle_hira = to_hiragana(needle)

    def hit(row) -> bool:
        haystacks = (row["name"], to_hiragana(row.get("name_kana")), english_display_name(row), row["prefecture"])
        return any(needle in _normalise(h) or needle_hira in to_hiragana(_normalise(h)) for h in haystacks)

    return bodies[bodies.apply(hit, axis=1)]


def comparison_groups(body, bodies: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(broad group, same-kind group). Prefectures are compared only with prefectures; municipalities
    with all municipalities, then with their own kind (city, town, ward ...)."""
    if body["kind"] == "prefecture":
        broad = bodies[bodies["kind"] == "prefecture"]
    else:
        broad = bodies[bodies["kind"] != "prefecture"]
    return broad, bodies[bodies["kind"] == body["kind"]]


def quality_fields(quality: pd.DataFrame) -> set[str]:
    return set(quality["field"]) if not quality.empty else set()


def _first_lines(texts: pd.DataFrame) -> dict[tuple[str, str], int]:
    if texts.empty:
        return {}
    first = texts.groupby(["programme", "field"])["source_line"].min()
    return {key: int(line) for key, line in first.items()}


STANDING_COLUMNS = ["key", "value", "unit", "rank_all", "n_all", "pct_all", "rank_kind", "n_kind", "pct_kind",
                    "flagged"]


def indicator_standing(body, bodies: pd.DataFrame, quality: pd.DataFrame) -> pd.DataFrame:
    """One row per plan indicator: key, value, unit (Japanese form; analysis.units gives its decimals), rank / number
    ranked / percentile in the broad group and in the same-kind group, and whether a data-quality record touches it."""
    broad, same_kind = comparison_groups(body, bodies)
    flagged = quality_fields(quality)
    rows = []
    for ind in indicators.INDICATORS:
        value = body.get(ind.key)
        rank_b, n_b = rank_of(broad[ind.key], value)
        rank_k, n_k = rank_of(same_kind[ind.key], value)
        rows.append({"key": ind.key, "value": None if is_missing(value) else float(value), "unit": ind.unit_ja,
                     "rank_all": rank_b, "n_all": n_b, "pct_all": percentile_of(broad[ind.key], value),
                     "rank_kind": rank_k, "n_kind": n_k, "pct_kind": percentile_of(same_kind[ind.key], value),
                     "flagged": ind.key in flagged})
    return pd.DataFrame(rows, columns=STANDING_COLUMNS, dtype=object)  # ranks stay int or None


def programme_card_data(programmes: pd.DataFrame, texts: pd.DataFrame) -> list[dict]:
    """Each programme of one body: its id, mark/design status id (``marked_no_design``, ``design_not_marked`` or
    None), the line of its section and the filled fields as (field id, value, value as printed, source line)."""
    lines = _first_lines(texts)
    cards = []
    for _, prog in programmes.iterrows():
        fields = []
        for field in CARD_FIELDS:
            value = prog.get(field)
            if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
                continue
            raw = None
            if field == "promoter_count":
                raw = prog.get("promoter_count_raw")
                raw = raw if isinstance(raw, str) and raw else None
                line = lines.get((prog["programme"], "promoter_count_raw"))
            elif field == "target_area_population":
                line = lines.get((prog["programme"], "target_area_population_raw"))
            else:
                line = lines.get((prog["programme"], field))
            fields.append({"field": field, "value": value, "raw": raw, "line": line})
        status = None
        if prog["marked"] and not prog["has_content"]:
            status = "marked_no_design"
        elif prog["has_content"] and not prog["marked"]:
            status = "design_not_marked"
        section = prog.get("section_line")
        cards.append({"programme": prog["programme"], "marked": bool(prog["marked"]),
                      "has_content": bool(prog["has_content"]), "status": status,
                      "section_line": None if pd.isna(section) else int(section), "fields": fields})
    return cards


_OFFICIAL_NOTE = re.compile(r"official \S+ (?P<year>\d{4}) = (?P<official>[^ ]+) \((?P<edition>[^)]+)\); printed "
                            r"(?P<printed>[^;]+); difference (?P<diff>[^,]+), tolerance (?P<tol>.+)$")


def parse_official_note(note) -> dict | None:
    """The build's differs_from_official note (one fixed form) as its parts: year, official, edition, printed,
    diff, tol (texts as the build wrote them); None for any other note."""
    match = _OFFICIAL_NOTE.match(note or "") if isinstance(note, str) else None
    return match.groupdict() if match else None

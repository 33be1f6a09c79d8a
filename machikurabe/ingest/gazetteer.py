"""Match printed body names to the official code list (geo/gazetteer.csv), through a small reviewed alias table."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from machikurabe.paths import GAZETTEER_CSV

GAZETTEER_PATH = GAZETTEER_CSV

# Printed spelling -> official spelling, keyed by prefecture. Each entry was checked by reading the block.
ALIASES: dict[tuple[str, str], tuple[str, str]] = {
    # OCR read 鰺 (aji) as 鱒 (masu): header at line 728; the block's features (白神山地, 北前船) are 鰺ヶ沢町's.
    ("青森県", "鱒ヶ沢町"): ("鰺ヶ沢町", "OCR misread 鰺 as 鱒"),
    # The same block prints the town a third way in its implementer cell (line 800: 鯉ヶ沢町).
    ("青森県", "鯉ヶ沢町"): ("鰺ヶ沢町", "OCR misread 鰺 as 鯉"),
}


@lru_cache(maxsize=1)
def prefecture_romaji() -> dict[str, str]:
    """English names of the 47 prefectures (北海道 → Hokkaido, 青森県 → Aomori Prefecture) from the gazetteer."""
    frame = load_gazetteer()
    rows = frame[(frame["kind"] == "prefecture") & frame["name_romaji"].notna()]
    return dict(zip(rows["name"], rows["name_romaji"]))


class UnknownBody(LookupError):
    pass


@dataclass(frozen=True)
class Match:
    code: str
    name: str
    name_kana: str | None
    kind: str
    lat: float | None
    lon: float | None
    alias_note: str | None
    coord_source: str | None = None
    name_romaji: str | None = None  # English display name, made from the kana by geo/build_gazetteer.py


def load_gazetteer(path: Path = GAZETTEER_PATH) -> pd.DataFrame:
    if not path.exists():
        raise FileNotFoundError(f"{path}: gazetteer missing (regenerate with `python geo/build_gazetteer.py`)")
    return pd.read_csv(path, dtype={"code": str, "code6": str})


class Gazetteer:
    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self._by_name = {(r.prefecture, r.name): r for r in frame.itertuples(index=False)}
        self._prefectures = {r.prefecture: r for r in frame.itertuples(index=False) if r.kind == "prefecture"}

    @classmethod
    def load(cls, path: Path = GAZETTEER_PATH) -> "Gazetteer":
        return cls(load_gazetteer(path))

    @staticmethod
    def _match(row, alias_note: str | None) -> Match:
        kana = row.name_kana if isinstance(row.name_kana, str) and row.name_kana else None
        romaji = getattr(row, "name_romaji", None)
        romaji = romaji if isinstance(romaji, str) and romaji else None
        return Match(row.code, row.name, kana, row.kind, row.lat, row.lon, alias_note, getattr(row, "source", None),
                     romaji)

    def match(self, prefecture: str, printed_name: str) -> Match:
        """The official body for a printed (prefecture, name); '' as name means the prefecture itself."""
        if prefecture not in self._prefectures:
            raise UnknownBody(f"unknown prefecture {prefecture!r}")
        if not printed_name:
            return self._match(self._prefectures[prefecture], None)
        row = self._by_name.get((prefecture, printed_name))
        if row is not None:
            return self._match(row, None)
        alias = ALIASES.get((prefecture, printed_name))
        if alias is not None:
            return self._match(self._by_name[(prefecture, alias[0])], alias[1])
        raise UnknownBody(
            f"{prefecture}{printed_name} matches no body in the official code list; "
            "if it is a misprint, add a reviewed entry to ALIASES in machikurabe/gazetteer.py"
        )

"""UI strings in Japanese (default) and English; pages call ``t(key, lang)`` and never hard-code labels.

One table per page or topic (common, peers, maps, breakdown, profile, tables), merged once here; a key defined in two tables is an
error at import, so a clash can never silently pick one text.
"""
from __future__ import annotations

from machikurabe.i18n import breakdown as _breakdown
from machikurabe.i18n import common as _common
from machikurabe.i18n import maps as _maps
from machikurabe.i18n import peers as _peers
from machikurabe.i18n import profile as _profile
from machikurabe.i18n import tables as _tables

LANGS = ("ja", "en")
DEFAULT_LANG = "ja"
TABLES = {"common": _common.STRINGS, "peers": _peers.STRINGS, "maps": _maps.STRINGS, "breakdown": _breakdown.STRINGS,
          "profile": _profile.STRINGS, "tables": _tables.STRINGS}


class StringClash(ValueError):
    """Two string tables define the same key."""


def merge_tables(tables: dict[str, dict[str, dict[str, str]]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    owner: dict[str, str] = {}
    for table_name, table in tables.items():
        for key, entry in table.items():
            if key in merged:
                raise StringClash(f"string key {key!r} is defined in both i18n.{owner[key]} and i18n.{table_name}")
            merged[key] = entry
            owner[key] = table_name
    return merged


STRINGS: dict[str, dict[str, str]] = merge_tables(TABLES)



def t(key: str, lang: str = DEFAULT_LANG, **fmt) -> str:
    """The string for ``key`` in ``lang``; a missing key shows the key itself so a gap is visible, not fatal."""
    entry = STRINGS.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get(DEFAULT_LANG, key)
    return text.format(**fmt) if fmt else text



def id_label(prefix: str, value: str, lang: str = DEFAULT_LANG) -> str:
    """The words for an id (the string ``{prefix}_{value}``), the id itself when none is written."""
    key = f"{prefix}_{value}"
    return t(key, lang) if key in STRINGS else value


def kind_label(kind: str, lang: str = DEFAULT_LANG) -> str:
    return id_label("kind", kind, lang)


def programme_label(programme: str, lang: str = DEFAULT_LANG, short: bool = False) -> str:
    key = f"programme_short_{programme}" if short else f"programme_{programme}"
    return t(key, lang) if key in STRINGS else programme


def field_label(field: str, lang: str = DEFAULT_LANG) -> str:
    return id_label("field", field, lang)

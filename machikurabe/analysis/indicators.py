"""The one table of indicator metadata (names, units, definitions, source, polarity) that every page,
chart and export reads, so a label or unit is defined in exactly one place.

Polarity choices (used to colour or order comparisons, never to score a body):
- population, households, area, density, schools, ageing rate: ``neither`` (size and structure, not performance).
- welfare_rate_pct: ``neither``. A high 生活保護受給率 reflects need (and take-up), not a failing body;
  calling it "worse" would penalise bodies that reach people entitled to support.
- association_rate_pct: ``higher_better``. 地縁組織加入率 measures local participation, which the
  地域力強化 programme explicitly tries to raise.
- promoter_count, programme_count: ``neither``. They are planned inputs that scale with size.
"""
from __future__ import annotations

from dataclasses import dataclass

from machikurabe.analysis import units

SOURCE_JA = "厚生労働省「令和元年度 地域共生社会の実現に向けた包括的支援体制構築事業」実施計画（各自治体の記載による）"
SOURCE_EN = ("MHLW, FY2019 (Reiwa 1) implementation plans of the model projects for building comprehensive "
             "support systems (as printed by each body)")
VINTAGE_JA = "令和元年度（2019年度）実施計画。基準日は自治体ごとに異なる（多くは2019年）"
VINTAGE_EN = "FY2019 plans; as-of dates vary by body (mostly 2019)"

TYPES = ("demography", "welfare", "community_participation", "service_provision", "programme_inputs")
POLARITIES = ("higher_better", "higher_worse", "neither")


@dataclass(frozen=True)
class Indicator:
    key: str
    name_ja: str
    name_en: str
    unit_ja: str
    unit_en: str
    definition_ja: str
    definition_en: str
    type: str
    polarity: str
    log_scale_hint: bool = False
    source: str = SOURCE_JA
    source_en: str = SOURCE_EN
    vintage: str = VINTAGE_JA
    vintage_en: str = VINTAGE_EN

    @property
    def decimals(self) -> int:
        """Decimals shown, by the one rule per unit (analysis/units.py)."""
        return units.decimals_for(self.unit_ja)

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_ja

    def unit(self, lang: str) -> str:
        return self.unit_en if lang == "en" else self.unit_ja

    def definition(self, lang: str) -> str:
        return self.definition_en if lang == "en" else self.definition_ja

    def label(self, lang: str) -> str:
        """Name with unit, for axis titles and column headers."""
        return f"{self.name(lang)}（{self.unit_ja}）" if lang != "en" else f"{self.name_en} ({self.unit_en})"


INDICATORS: tuple[Indicator, ...] = (
    Indicator("population", "人口", "Population", "人", "persons",
              "実施計画の基本情報に記載された人口。", "Population as printed in the plan's basic information.",
              "demography", "neither", log_scale_hint=True),
    Indicator("households", "世帯数", "Households", "世帯", "households",
              "実施計画の基本情報に記載された世帯数。", "Number of households as printed in the plan.",
              "demography", "neither", log_scale_hint=True),
    Indicator("ageing_rate_pct", "高齢化率", "Ageing rate", "%", "%",
              "65歳以上人口の割合（記載値）。", "Share of the population aged 65 and over, as printed.",
              "demography", "neither"),
    Indicator("welfare_rate_pct", "生活保護受給率", "Public assistance rate", "%", "%",
              "生活保護を受給している人の割合。‰（パーミル）で記載された値は%に換算（データ品質表を参照）。"
              "高い値は困窮の度合いと制度の利用を表し、自治体の良し悪しではない。",
              "Share of residents receiving public assistance (seikatsu hogo). Values printed in per mille (‰) "
              "are converted to % (see the data-quality table). A high value reflects need and take-up, "
              "not a worse body.",
              "welfare", "neither"),
    Indicator("association_rate_pct", "地縁組織加入率", "Neighbourhood association membership", "%", "%",
              "自治会・町内会等の地縁組織への加入率（記載値）。",
              "Membership rate of neighbourhood associations (jichikai, chonaikai), as printed.",
              "community_participation", "higher_better"),
    Indicator("area_km2", "面積", "Area", "km²", "km²",
              "記載された面積。", "Area as printed in the plan.",
              "demography", "neither", log_scale_hint=True),
    Indicator("density_per_km2", "人口密度", "Population density", "人/km²", "persons/km²",
              "人口 ÷ 面積（本アプリで算出）。", "Population divided by area (derived by this app).",
              "demography", "neither", log_scale_hint=True),
    Indicator("elementary_schools", "公立小学校数", "Public elementary schools", "校", "schools",
              "記載された公立小学校の数。", "Number of public elementary schools, as printed.",
              "service_provision", "neither"),
    Indicator("junior_high_schools", "公立中学校数", "Public junior high schools", "校", "schools",
              "記載された公立中学校の数。", "Number of public junior high schools, as printed.",
              "service_provision", "neither"),
    Indicator("promoter_count", "相談支援包括化推進員（予定）", "Planned support-integration promoters", "人", "persons",
              "④相談支援包括化推進員の配置予定人数。自治体の全事業の合計（記載のない場合はデータなし）。",
              "Planned number of comprehensive-support promoters (item ④), summed over the body's programmes; "
              "missing where not stated.",
              "programme_inputs", "neither"),
    Indicator("programme_count", "事業数", "Programmes with a design", "事業", "programmes",
              "実施計画に記載のある事業（地域力強化推進事業・多機関協働事業・都道府県事業）の数。",
              "Number of programmes (community capacity, multi-agency, prefectural) the body's plan covers.",
              "programme_inputs", "neither"),
)

_BY_KEY = {ind.key: ind for ind in INDICATORS}
KEYS: tuple[str, ...] = tuple(_BY_KEY)


def get(key: str) -> Indicator:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown indicator {key!r}; known: {', '.join(KEYS)}") from None


def help_text(key: str, lang: str = "ja") -> str:
    """Definition, unit, source and vintage, for Streamlit ``help=`` markers."""
    ind = get(key)
    if lang == "en":
        return (f"{ind.definition_en}\n\nUnit: {ind.unit_en}\n\nSource: {ind.source_en}\n\n"
                f"Vintage: {ind.vintage_en}")
    return f"{ind.definition_ja}\n\n単位：{ind.unit_ja}\n\n出典：{ind.source}\n\n時点：{ind.vintage}"


def source_line(keys=(), lang: str = "ja") -> str:
    """The 出典 line printed under a chart or table showing ``keys``."""
    inds = [get(k) for k in keys]
    derived = [i for i in inds if i.key == "density_per_km2"]
    if lang == "en":
        line = f"Source: {SOURCE_EN}. {VINTAGE_EN}."
        if derived:
            line += " Population density derived by machikurabe."
        return line
    line = f"出典：{SOURCE_JA}。{VINTAGE_JA}。"
    if derived:
        line += "人口密度は本アプリで算出。"
    return line

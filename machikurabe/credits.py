"""Credit lines for national figures, in one place so pages, exports and reports print the same words."""
from __future__ import annotations

SSDSE_CREDIT_JA = ("出典：独立行政法人統計センター「SSDSE（教育用標準データセット）」"
                   "（総務省統計局「統計でみる都道府県・市区町村のすがた」）を加工して作成")
SSDSE_CREDIT_EN = ("Source: National Statistics Center, SSDSE (Standardized Statistical Data Set for Education), "
                   "from the Statistics Bureau's 'Statistical Observations of Prefectures / Municipalities'; processed")
MUNICIPAL_TYPE_CREDIT_JA = "類似団体区分：総務省"
MUNICIPAL_TYPE_CREDIT_EN = "Municipal type groups (類似団体区分): Ministry of Internal Affairs and Communications"
N03_CREDIT_JA = "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成"
N03_CREDIT_EN = "Processed from 国土数値情報（行政区域データ） (MLIT, Japan)"


def national_credits(lang: str = "ja", boundaries: bool = False) -> list[str]:
    """The credit lines to print wherever national figures (and, if drawn, the shipped boundaries) appear."""
    if lang == "en":
        lines = [SSDSE_CREDIT_EN, MUNICIPAL_TYPE_CREDIT_EN]
        return lines + [N03_CREDIT_EN] if boundaries else lines
    lines = [SSDSE_CREDIT_JA, MUNICIPAL_TYPE_CREDIT_JA]
    return lines + [N03_CREDIT_JA] if boundaries else lines

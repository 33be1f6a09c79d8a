"""English words a reader may look for, with the Japanese term the design texts use (the plans are Japanese: an
English word finds nothing). Keys are lower-case English; values are what the search box is given."""

GLOSSARY: dict[str, str] = {
    "outreach": "アウトリーチ",
    "consultation": "相談",
    "volunteer": "ボランティア",
    "watching over": "見守り",
    "salon": "サロン",
    "coordinator": "コーディネーター",
    "community social worker": "コミュニティソーシャルワーカー",
    "social welfare council": "社会福祉協議会",
    "place to belong": "居場所",
    "hikikomori": "ひきこもり",
    "social withdrawal": "ひきこもり",
    "poverty": "生活困窮",
    "dementia": "認知症",
    "child care": "子育て",
    "older people": "高齢者",
    "disability": "障害",
    "isolation": "孤立",
    "mutual aid": "支え合い",
    "training course": "養成講座",
    "workshop": "ワークショップ",
    "network": "ネットワーク",
    "intermediate employment": "中間的就労",
    "food bank": "フードバンク",
    "children's cafeteria": "子ども食堂",
    "welfare commissioner": "民生委員",
    "hub": "拠点",
    "case meeting": "支援会議",
    "platform": "プラットフォーム",
}


def japanese_term(typed: str) -> str | None:
    """The Japanese term for an English word or phrase of the glossary (any case, surrounding spaces ignored)."""
    return GLOSSARY.get(" ".join((typed or "").lower().split()))

"""machikurabe.analysis.formatting: numbers as Japanese readers expect them, ranks/percentiles, safe text for markdown."""
import math

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from machikurabe.analysis import formatting as f
from machikurabe.safe_text import markdown_escape


def test_values_as_printed_in_the_plans():
    assert f.format_value(168730, "population") == "168,730人"  # 釧路市, line 11
    assert f.format_value(94068, "households") == "94,068世帯"
    assert f.format_value(33.2, "ageing_rate_pct") == "33.2%"
    assert f.format_value(1362.90, "area_km2") == "1,362.90 km²"
    # one decimal for every % (README "Decimals by unit"; the printed text stays in the data-quality table)
    assert f.format_value(2.866, "welfare_rate_pct") == "2.9%"  # 墨田区 28.66 ‰ after correction
    assert f.format_value(4.92, "welfare_rate_pct") == "4.9%"
    assert f.format_value(65.19, "association_rate_pct") == "65.2%"
    assert f.format_value(26, "elementary_schools") == "26校"
    assert f.format_value(2, "promoter_count") == "2人"


def test_english_units():
    assert f.format_value(168730, "population", "en") == "168,730 persons"
    assert f.format_value(94068, "households", "en") == "94,068 households"
    assert f.format_value(33.2, "ageing_rate_pct", "en") == "33.2%"
    assert f.format_value(123.8, "density_per_km2", "en") == "123.8 persons/km²"
    assert f.format_value(1, "programme_count", "en") == "1 programme"
    assert f.format_value(1, "promoter_count", "en") == "1 person"
    assert f.format_value(1, "promoter_count", "ja") == "1人"


def test_rates_keep_their_one_decimal():
    assert f.format_value(33.0, "ageing_rate_pct") == "33.0%"
    assert f.format_value(32.07, "ageing_rate_pct") == "32.1%"


def test_missing_values():
    for missing in (None, float("nan"), pd.NA):
        assert f.format_value(missing, "population") == "—"
    assert f.format_value(None, "population", missing=f.missing_label("ja")) == "データなし"
    assert f.missing_label("en") == "No data"
    assert f.format_count(None, "団体", "bodies") == "—"


def test_counts():
    assert f.format_count(63, "団体", "bodies", "ja") == "63団体"
    assert f.format_count(1234, "人", "persons", "en") == "1,234 persons"


def test_rank_and_percentile():
    values = pd.Series([10, 20, 20, 40, None])
    assert f.rank_of(values, 40) == (1, 4)
    assert f.rank_of(values, 20) == (2, 4)  # ties share the better rank
    assert f.rank_of(values, 10) == (4, 4)
    assert f.rank_of(values, None) == (None, 4)
    assert f.percentile_of(values, 40) == 87.5  # 3 below + half of itself, of 4
    assert f.percentile_of(values, 10) == 12.5
    assert f.percentile_of(values, None) is None
    assert f.format_rank(2, 4, "ja") == "4中2位"
    assert f.format_rank(2, 4, "en") == "2 of 4"
    assert f.format_percentile(87.5, "en") == "88th percentile"
    assert f.format_rank(None, 4) == "—"


def test_markdown_escape_neutralises_markup():
    escaped = markdown_escape("<script>alert(1)</script> **bold** [x](javascript:1)")
    assert "<script>" not in escaped
    assert "\\*\\*bold\\*\\*" in escaped
    assert "\\[x\\]" in escaped


def test_plain_text_drops_paragraph_tags():
    assert f.plain_text("<p>一段落目</p> <p>二段落目<br>続き</p>") == "一段落目\n二段落目\n続き"
    assert f.plain_text(None) == ""


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(min_value=0, max_value=3))
def test_format_number_round_trips(value, decimals):
    text = f.format_number(value, decimals)
    assert math.isclose(float(text.replace(",", "")), round(value, decimals), abs_tol=10 ** -decimals)


def test_a_median_keeps_the_half_of_its_last_digit():
    from machikurabe.analysis.formatting import median_decimals

    assert median_decimals(3.5, 0) == 1  # the median of 3 and 4 promoters
    assert median_decimals(4.0, 0) == 0
    assert median_decimals(40.25, 1) == 2
    assert median_decimals(None, 1) == 1


def test_a_caption_wraps_between_words_never_inside_a_number():
    from machikurabe.analysis.formatting import wrap_caption

    # 「＊人口5 / ,000人未満」 was the defect: the number stays whole on one line
    lines = wrap_caption("注：＊人口5,000人未満の町村は値が振れやすい", 6)
    assert "".join(lines) == "注：＊人口5,000人未満の町村は値が振れやすい"
    assert any("5,000" in line for line in lines)
    # no line starts with a closing mark or ends with an opening one
    lines = wrap_caption("出典：統計センター「SSDSE」を加工", 4)
    assert all(line[0] not in "：」、。" and line[-1] not in "「（" for line in lines), lines
    # English at spaces; a Latin letter is half a full-width character
    assert wrap_caption("Source: National Statistics Center, SSDSE", 10) == ["Source: National", "Statistics Center,",
                                                                              "SSDSE"]


def test_a_median_keeps_one_more_digit_only_for_an_exact_half():
    """Issue 19: 9.6 next to 18.16 人/km² and +0.518 ポイント in one row; issue 14: 3.5人, not 4人."""
    from machikurabe.analysis.formatting import median_decimals

    assert median_decimals(3.5, 0) == 1          # 3 and 4 promoters
    assert median_decimals(18.16, 1) == 1        # not a half: the unit's 1 decimal (18.2)
    assert median_decimals(0.518, 1) == 1
    assert median_decimals(252614.9, 0) == 0
    assert median_decimals(18.15, 1) == 2        # the mean of 18.1 and 18.2
    assert median_decimals(-2.25, 1) == 2
    assert median_decimals(None, 1) == 1

"""One test per normalisation rule, each on a cell copied literally from data/raw/003_…txt (line in the comment)."""
import pytest

from machikurabe.ingest import quantities as q


def test_thousands_separator_with_stray_space():  # line 832 今別町
    parsed = q.parse_quantity("2, 596 (人)")
    assert parsed.value == 2596 and parsed.unit == "人" and parsed.findings == []


def test_plain_digits_without_separator():  # line 3187 高根沢町
    assert q.parse_quantity("29710 (人)").value == 29710


def test_decimal_with_thousands_separator():  # line 607 札幌市
    parsed = q.parse_quantity("1,121.26 (k m ²)")
    assert parsed.value == pytest.approx(1121.26) and parsed.unit == "km2"


def test_full_width_brackets_and_units():  # lines 5014-5015 狛江市
    assert q.parse_quantity("82,048（人）").value == 82048
    parsed = q.parse_quantity("1.385（％）")
    assert parsed.value == pytest.approx(1.385) and parsed.unit == "%"
    assert q.parse_quantity("6.39（k㎡）").unit == "km2"


def test_percent_sign_without_brackets():  # line 1913 井川町
    parsed = q.parse_quantity("41.06%")
    assert parsed.value == pytest.approx(41.06) and parsed.unit == "%"


def test_label_variant_leaves_unit_before_the_value():  # line 3415 玉村町: 「高齢化率 (%)\t24.7」
    parsed = q.parse_quantity("(%) 24.7")
    assert parsed.value == pytest.approx(24.7) and parsed.unit == "%"


def test_trailing_period_is_recorded():  # line 1000 遠野市
    parsed = q.parse_quantity("39.0. (%)")
    assert parsed.value == pytest.approx(39.0)
    assert parsed.rules() == [q.TRAILING_PERIOD]


def test_date_note_after_value():  # line 999 遠野市
    parsed = q.parse_quantity("26,899 (人) H31.4.1 現在")
    assert parsed.value == 26899
    assert parsed.rules() == [q.DATE_NOTE]
    assert "H31.4.1" in parsed.findings[0].note


def test_date_note_in_small_tag():  # line 4328 世田谷区
    parsed = q.parse_quantity("11.1(%) <small>(R1/7 現在)</small>")
    assert parsed.value == pytest.approx(11.1) and parsed.unit == "%"
    assert q.DATE_NOTE in parsed.rules()


@pytest.mark.parametrize(
    "raw, rule",
    [
        ("(%)", q.MISSING_EMPTY),  # line 298 音威子府村
        ("", q.MISSING_EMPTY),
        ("未集計(%)", q.MISSING_NOT_TALLIED),  # line 737 鰺ヶ沢町
        ("未集計", q.MISSING_NOT_TALLIED),  # line 1102 矢巾町
        ("不明 (%)", q.MISSING_UNKNOWN),  # line 1002 遠野市
        ("-(%)", q.MISSING_DASH),  # line 1756 秋田県
        ("—(%)", q.MISSING_DASH),  # line 4166 東京都
    ],
)
def test_missing_values_become_null_with_reason(raw, rule):
    parsed = q.parse_quantity(raw)
    assert parsed.value is None
    assert parsed.rules() == [rule]


def test_approximate_value_is_kept_and_flagged():  # line 3878 松戸市
    parsed = q.parse_quantity("約 70 (%)")
    assert parsed.value == 70 and parsed.rules() == [q.APPROXIMATE]


def test_footnote_mark_before_number():  # line 2231 土浦市
    parsed = q.parse_quantity("※16(校)")
    assert parsed.value == 16 and parsed.rules() == [q.FOOTNOTE_MARK]


def test_words_are_not_numbers():
    parsed = q.parse_quantity("直営・委託なし")
    assert parsed.value is None and parsed.rules() == [q.UNPARSED]


def test_welfare_per_mille_label_is_divided():  # line 102 京極町
    parsed = q.welfare_rate_percent(q.parse_quantity("13.8 (‰)"))
    assert parsed.value == pytest.approx(1.38)
    assert parsed.rules() == [q.PER_MILLE_CONVERTED]


def test_welfare_percent_above_six_is_per_mille():  # line 4212 墨田区
    parsed = q.welfare_rate_percent(q.parse_quantity("28.66 (%)"))
    assert parsed.value == pytest.approx(2.866)
    assert parsed.rules() == [q.PER_MILLE_LABELLED_PERCENT]


def test_welfare_percent_below_a_hundredth_is_a_fraction():  # line 3929 鴨川市
    parsed = q.welfare_rate_percent(q.parse_quantity("0.00831 (%)"))
    assert parsed.value == pytest.approx(0.831)
    assert parsed.rules() == [q.FRACTION_LABELLED_PERCENT]


@pytest.mark.parametrize("raw, expected", [("4.92 (%)", 4.92), ("0.063 (%)", 0.063), ("6.0 (%)", 6.0)])
def test_plausible_welfare_percent_is_unchanged(raw, expected):  # 釧路市 line 13, 大潟村 line 1965
    parsed = q.welfare_rate_percent(q.parse_quantity(raw))
    assert parsed.value == pytest.approx(expected) and parsed.rules() == []


def test_missing_welfare_rate_stays_missing():  # line 928 外ヶ浜町
    parsed = q.welfare_rate_percent(q.parse_quantity("(%)"))
    assert parsed.value is None and parsed.rules() == [q.MISSING_EMPTY]


def test_absurdly_long_number_is_refused_not_infinite():
    parsed = q.parse_quantity("1" * 5000 + " (人)")
    assert parsed.value is None and parsed.rules() == [q.UNPARSED]

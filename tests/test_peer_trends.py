"""比較 推移 (issue 20): the group's medians, quartiles, the place's rank and fifth per year and the reading of the
change, on a hand-made frame whose every expected number is worked out in the comments."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from machikurabe.analysis import peer_trends as pt

# group B–E and the place A; A has no value in 2016 (a gap), indicator y has one year only
VALUES = pd.DataFrame(
    [("B", "x", 2015, 10), ("C", "x", 2015, 20), ("D", "x", 2015, 30), ("E", "x", 2015, 40), ("A", "x", 2015, 12),
     ("B", "x", 2016, 11), ("C", "x", 2016, 21), ("D", "x", 2016, 31), ("E", "x", 2016, 41),
     ("B", "x", 2017, 12), ("C", "x", 2017, 22), ("D", "x", 2017, 32), ("E", "x", 2017, 42), ("A", "x", 2017, 35),
     ("B", "y", 2020, 1), ("C", "y", 2020, 2), ("A", "y", 2020, 3)],
    columns=["code", "indicator", "year", "value"])
MEDIANS = pd.DataFrame([("x", 2015, 24.0, 1741), ("x", 2016, 25.0, 1741), ("x", 2017, 26.0, 1740),
                        ("y", 2020, 2.0, 1741)], columns=["indicator", "year", "median", "n"])
GROUP = ["B", "C", "D", "E"]


@pytest.fixture
def table() -> pd.DataFrame:
    return pt.trend_table(VALUES, "A", GROUP, MEDIANS, ["x", "y"])


def test_group_statistics_per_year(table):
    x = table[table["indicator"] == "x"].set_index("year")
    # 2015: peers 10 20 30 40 → median (20+30)/2 = 25; quartiles by linear interpolation: 17.5 and 32.5
    assert x.at[2015, "group_median"] == 25 and x.at[2015, "group_q1"] == 17.5 and x.at[2015, "group_q3"] == 32.5
    # 2017: peers 12 22 32 42 → 27, 19.5, 34.5
    assert x.at[2017, "group_median"] == 27 and x.at[2017, "group_q1"] == 19.5 and x.at[2017, "group_q3"] == 34.5
    assert list(x["national_median"]) == [24.0, 25.0, 26.0]
    assert list(x["group_n"]) == [4, 4, 4]


def test_a_year_without_the_places_value_is_a_gap_not_an_interpolation(table):
    x = table[table["indicator"] == "x"].set_index("year")
    assert list(x.index) == [2015, 2016, 2017]
    assert math.isnan(x.at[2016, "place_value"]) and pd.isna(x.at[2016, "rank"])
    assert x.at[2016, "group_median"] == 26  # the group still has its line that year


def test_rank_and_fifth_within_group_and_place(table):
    x = table[table["indicator"] == "x"].set_index("year")
    # 2015: 12 among 10 20 30 40 12 → three higher → rank 4 of 5; one of four others lower → 25 % → 2nd fifth
    assert (x.at[2015, "rank"], x.at[2015, "rank_n"], x.at[2015, "percentile"], x.at[2015, "quintile"]) == (4, 5, 25.0, 2)
    # 2017: 35 among 12 22 32 42 35 → one higher → rank 2 of 5; three of four lower → 75 % → 4th fifth
    assert (x.at[2017, "rank"], x.at[2017, "rank_n"], x.at[2017, "percentile"], x.at[2017, "quintile"]) == (2, 5, 75.0, 4)


def test_reading_of_the_change(table):
    reading = pt.change_reading(table, "x")
    assert (reading.first_year, reading.last_year, reading.years) == (2015, 2017, 2)
    assert reading.place_change == 23 and reading.group_change == 2  # 35 − 12 and 27 − 25
    assert (reading.quintile_first, reading.quintile_last) == (2, 4)
    assert (reading.rank_first, reading.rank_n_first, reading.rank_last, reading.rank_n_last) == (4, 5, 2, 5)
    assert reading.percentile_change == 50.0
    assert (reading.gap_first, reading.gap_last, reading.gap_trend) == (-13, 8, "crossed")  # 12 − 25, 35 − 27
    assert reading.verdict is None  # no documented direction: no good or bad


@pytest.mark.parametrize("direction, expected", [("higher_better", "better"), ("lower_better", "worse"),
                                                 ("neither", None), (None, None)])
def test_a_verdict_only_where_the_direction_is_documented(table, direction, expected):
    assert pt.change_reading(table, "x", direction).verdict == expected


def test_one_year_is_no_trend(table):
    reading = pt.change_reading(table, "y", "higher_better")
    assert reading.years == 1 and not reading.has_trend
    assert reading.place_change is None and reading.gap_trend is None and reading.verdict is None
    assert reading.place_last == 3


def test_an_indicator_the_place_never_has():
    table = pt.trend_table(VALUES, "Z", GROUP, MEDIANS, ["x"])
    reading = pt.change_reading(table, "x")
    assert reading.years == 0 and reading.first_year is None and not reading.has_trend


@pytest.mark.parametrize("first, last, expected", [(-13, -20, "widened"), (10, 5, "narrowed"), (10, 10.3, "unchanged"),
                                                   (10, 10.6, "widened"), (-2, 3, "crossed"), (None, 1, None),
                                                   (0, 0, "unchanged")])
def test_gap_trend(first, last, expected):
    assert pt.gap_trend(first, last) == expected


def test_changed_most_orders_by_the_move_within_the_group():
    def reading(key, move, gaps=(1.0, 1.0), years=3):
        return pt.ChangeReading(key, years, 2015, 2020, 1, 2, 1, 0, 1, 2, 1, 5, 2, 5, move, gaps[0], gaps[1],
                                "unchanged", None, None)

    ordered = pt.changed_most([reading("a", 10), reading("b", -40), reading("c", 25), reading("d", 25, (1, 3)),
                               reading("e", 60, years=1)])
    # e has one year (no trend) and is left out; −40 is the largest move; c and d tie on 25, d's gap grew 200 %
    assert [r.indicator for r in ordered] == ["b", "d", "c", "a"]


def test_long_frame_for_files(table):
    long = pt.long_frame(table[table["indicator"] == "x"])
    place = long[long["series"] == "place_value"]
    assert list(place["year"]) == [2015, 2016, 2017] and list(place["rank"].fillna(0)) == [4, 0, 2]
    assert set(long["series"]) == {"place_value", "group_median", "group_q1", "group_q3", "national_median"}
    assert long[long["series"] == "group_median"]["rank"].isna().all()
    assert len(long) == 15  # 3 years × 5 series


def test_within_period(table):
    assert list(pt.within_period(table[table["indicator"] == "x"], 2016, None)["year"]) == [2016, 2017]

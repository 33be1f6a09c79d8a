"""machikurabe.analysis.filters: URL parameters validated against known values; filters applied the same way on every page."""
import pandas as pd

from machikurabe.analysis.filters import (
    Filters,
    apply_filters,
    bodies_with_programme,
    parse_query_params,
    to_query_params,
)

BODIES = pd.DataFrame({
    "code": ["01206", "01399", "02000", "13107"],
    "prefecture": ["北海道", "北海道", "青森県", "東京都"],
    "kind": ["city", "town", "prefecture", "ward"],
})
PROGRAMMES = pd.DataFrame({
    "municipality_code": ["01206", "01399", "01399", "02000"],
    "programme": ["community_capacity", "community_capacity", "multi_agency", "prefectural"],
    "marked": [True, False, True, True],
    "has_content": [True, True, True, True],
})
PREFS = ["北海道", "青森県", "東京都"]


def test_parse_keeps_known_values_and_drops_the_rest():
    params = {"pref": "北海道,<script>alert(1)</script>,東京都", "kind": "town,'; DROP TABLE x; --",
              "prog": "multi_agency"}
    filters = parse_query_params(params, PREFS)
    assert filters == Filters(prefectures=["北海道", "東京都"], kinds=["town"], programme="multi_agency")


def test_parse_unknown_programme_and_empty_values():
    assert parse_query_params({"prog": "nonsense", "pref": ""}, PREFS) == Filters()


def test_round_trip_through_the_url():
    filters = Filters(prefectures=["青森県"], kinds=["city", "town"], programme="prefectural")
    assert parse_query_params(to_query_params(filters), PREFS) == filters
    assert to_query_params(Filters()) == {}


def test_apply_filters():
    assert list(apply_filters(BODIES, Filters(prefectures=["北海道"]))["code"]) == ["01206", "01399"]
    assert list(apply_filters(BODIES, Filters(kinds=["prefecture"]))["code"]) == ["02000"]
    # a design counts even when the programme is not marked (京極町 community_capacity)
    chosen = apply_filters(BODIES, Filters(programme="community_capacity"), PROGRAMMES)
    assert list(chosen["code"]) == ["01206", "01399"]
    assert apply_filters(BODIES, Filters(prefectures=["青森県"], kinds=["town"])).empty
    assert len(apply_filters(BODIES, Filters())) == 4


def test_bodies_with_programme():
    assert bodies_with_programme(PROGRAMMES, "multi_agency") == {"01399"}


def test_cache_key_is_hashable_and_tells_filter_states_apart():
    empty = Filters()
    tokyo = Filters(["東京都"], [], None)
    tokyo_towns = Filters(["東京都"], ["town"], "multi_agency")
    keys = {empty.cache_key(), tokyo.cache_key(), tokyo_towns.cache_key()}
    assert len(keys) == 3
    assert tokyo_towns.cache_key() == (("東京都",), ("town",), "multi_agency")
    assert Filters(["東京都"], [], None).cache_key() == tokyo.cache_key()

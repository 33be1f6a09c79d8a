"""Issue 21: the two-reader study is computed from the files as they are (150 blind rows of reader B against reader A
and the rules). No floor: the figures are reported, not targets; the test checks they are computed and coherent."""
import math

import pytest

from machikurabe.ingest import reader_study


@pytest.fixture(scope="module")
def table():
    return reader_study.agreement().set_index("field")


def test_every_field_has_percent_and_kappa_for_each_pair(table):
    assert list(table.index) == ["is_target", "kind", "category", "pillar", "logic_level"]
    for who in ("readers", "rules_vs_b", "rules_vs_a"):
        for field in table.index:
            percent, kappa = table.at[field, f"{who}_percent"], table.at[field, f"{who}_kappa"]
            assert 0 <= percent <= 1 and -1 <= kappa <= 1 and not math.isnan(kappa), (who, field)


def test_the_sample_is_the_150_rows_and_the_targets_both_readers_share(table):
    assert table.at["is_target", "readers_n"] == 150
    labels = reader_study.load_reader_b()
    assert len(labels) == 150 and set(labels["is_target"]) <= {"target", "not_target"}
    shared = table.at["category", "readers_n"]
    assert shared == table.at["pillar", "readers_n"] == table.at["logic_level", "readers_n"] <= 150


def test_kappa_corrects_for_chance():
    import pandas as pd

    # by hand: 4 rows, both sides say a,a,b,b vs a,b,b,b → 3/4 agree; p_o = .75, p_e = (2·1 + 2·3)/16 = .5 → κ = .5
    row = reader_study._pair(pd.Series(["a", "a", "b", "b"]), pd.Series(["a", "b", "b", "b"]))
    assert row["percent"] == 0.75 and abs(row["kappa"] - 0.5) < 1e-12

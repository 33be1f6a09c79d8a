"""Tests for the benchmark's own arithmetic and floor apps (tests/bench/run.py): the paired distance to the floor
and the floor that draws the 推移 grid alone. Values worked out by hand."""
from __future__ import annotations

import json

import pytest

from tests.bench import run


def test_paired_difference_is_the_median_of_each_visit_minus_the_floor_just_before_it():
    visits = [(5.0, 6.0), (4.0, 5.0), (9.0, 9.5)]
    floors = [(3.0, 3.1), (3.5, 3.6), (6.0, 6.1)]
    # differences 2.0, 0.5, 3.0 → median 2.0; the difference of the medians (5.0 − 3.5 = 1.5) is not what is reported
    assert run.paired_difference(visits, floors) == pytest.approx(2.0)


def test_paired_difference_leaves_out_incomplete_pairs_and_gives_none_without_any():
    visits = [(5.0, 6.0), (None, 9.0), (4.0, 5.0), None]
    floors = [(3.0, 3.1), (3.0, 3.1), None, (2.0, 2.1)]
    assert run.paired_difference(visits, floors) == pytest.approx(2.0)  # only the first pair is complete
    assert run.paired_difference([(None, 1.0)], [(2.0, 2.1)]) is None
    assert run.paired_difference([], []) is None
    assert run.paired_difference([(4.0, 5.0)], [None]) is None


def test_grid_floor_app_draws_the_saved_figure(tmp_path):
    spec = tmp_path / "trend grid's.json"
    spec.write_text(json.dumps({"data": [{"type": "scatter", "x": [2018, 2019], "y": [1, 2]}], "layout": {}}),
                    encoding="utf-8")
    source = run.GRID_FLOOR_APP.format(spec=str(spec))
    compile(source, "floor_app.py", "exec")
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_string(source).run()
    assert not at.exception
    drawn = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert drawn["data"][0]["x"] == [2018, 2019] and drawn["data"][0]["y"] == [1, 2]

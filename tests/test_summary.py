"""machikurabe.analysis.summary and ui.summary_view: headline counts and the overview's bar-chart data, checked on
the fixture."""
import pytest

from machikurabe import db
from machikurabe.analysis import summary
from machikurabe.ui import summary_view


@pytest.fixture(scope="module")
def frames(fixture_db):
    con = db.connect(fixture_db)
    try:
        yield db.run_query(con, "municipalities"), db.run_query(con, "programmes")
    finally:
        con.close()


def test_headline(frames):
    bodies, programmes = frames
    figures = summary.headline(bodies, programmes)
    assert figures["bodies"] == 6 and figures["municipalities"] == 4 and figures["prefectures"] == 2
    assert figures["programme_designs"] == 10
    assert figures["promoters"] == 2 + 2 + 1 + 1  # 釧路市, 京極町, 音威子府村, 墨田区 (doubtful 1)
    assert figures["promoter_bodies"] == 4


def test_bodies_by_programme_separates_marks_from_designs(frames):
    bodies, programmes = frames
    table = summary.bodies_by_programme(bodies, programmes).set_index(["programme", "series"])["bodies"]
    assert table[("community_capacity", "marked")] == 3  # 京極町 wrote a design without the mark
    assert table[("community_capacity", "with_design")] == 4
    assert table[("prefectural", "marked")] == 2
    shown = summary_view.bodies_by_programme(bodies, programmes, "ja").set_index(["programme", "series"])["bodies"]
    assert shown[("community_capacity", "実施事業欄の印")] == 3
    assert shown[("community_capacity", "設計の記載あり")] == 4


def test_bodies_by_kind(frames):
    bodies, _ = frames
    assert list(summary.bodies_by_kind(bodies)["kind"]) == ["prefecture", "city", "ward", "town", "village"]
    table = summary_view.bodies_by_kind(bodies, "en")
    assert list(table["label"]) == ["Prefecture", "City", "Ward", "Town", "Village"]
    assert list(table["bodies"]) == [2, 1, 1, 1, 1]
    assert summary.bodies_by_kind(bodies.iloc[0:0]).empty

"""Similar-programme search: character n-gram TF-IDF cosine, other bodies only, shared terms readable."""
from pathlib import Path

import pandas as pd
import pytest

from machikurabe import db
from machikurabe.analysis import similarity as sim

ROOT = Path(__file__).resolve().parent.parent


def _designs(rows):
    frame = pd.DataFrame(rows, columns=["municipality_code", "programme", "name", "design_text"])
    return frame


def test_clean_drops_template_headings_and_digits():
    text = "④事業内容 「住民に身近な圏域」において、地域住民等が主体的に地域生活課題を把握し解決することができる環境の整備 中間的就労 50 トン"
    assert sim.clean(text) == "中間的就労 トン"


def test_small_corpus_other_bodies_only():
    designs = _designs([
        ("01206", "community_capacity", "釧路市", "中間的就労の場を創出し露の栽培を通じて社会的孤立を防ぐ"),
        ("01206", "multi_agency", "釧路市", "中間的就労の場を創出し相談支援を行う"),
        ("05368", "multi_agency", "大潟村", "農業や企業に働きかけ中間的就労に取り組む"),
        ("13107", "community_capacity", "墨田区", "地域福祉プラットフォームで相談を受け止めるサロン"),
        ("13208", "community_capacity", "調布市", "地域福祉コーディネーターが話し合いの場をつくる"),
    ])
    index = sim.build_index(designs)
    result = sim.most_similar(index, "01206", "community_capacity", top_n=3)
    # the same body's other programme is never offered as "someone else's design"
    assert "01206" not in set(result["municipality_code"])
    assert result.iloc[0]["name"] == "大潟村"
    assert "中間的就労" in result.iloc[0]["shared_terms"].split(" / ")
    assert result["similarity"].is_monotonic_decreasing


def test_unknown_design_raises():
    index = sim.build_index(_designs([("1", "a", "x", "あいう"), ("2", "a", "y", "かきく")]))
    with pytest.raises(KeyError):
        sim.most_similar(index, "3", "a")


@pytest.fixture(scope="module")
def real_designs(real_db):
    con = db.connect(real_db)
    try:
        frame = db.run_query(con, "similar_designs")
    finally:
        con.close()
    frame["design_text"] = frame.apply(sim.design_text, axis=1)
    return frame


def test_hand_checked_pair_intermediate_work(real_designs):
    # Checked by reading 003: 釧路市's community-capacity design (lines 32-43) is built around
    # 中間的就労の場を創出; 大潟村's multi-agency design (line 2044) also works on 中間的就労
    # (農業や企業…に働きかけ…中間的就労や働きかけづくりに取り組む). No other design names 中間的就労.
    index = sim.build_index(real_designs)
    result = sim.most_similar(index, "01206", "community_capacity", top_n=3)
    okata = result[(result["municipality_code"] == "05368") & (result["programme"] == "multi_agency")]
    assert len(okata) == 1
    assert "中間的就労" in okata.iloc[0]["shared_terms"].split(" / ")

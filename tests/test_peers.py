"""Tests for machikurabe.analysis.peers: size bands at their edges, level separation, and nearest neighbours,
weights stability and median imputation checked against distances worked out by hand."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from machikurabe.analysis import peers

# --- size bands -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("population, band", [
    (0, "lt10k"), (9_999, "lt10k"),
    (10_000, "10k_50k"), (49_999, "10k_50k"),
    (50_000, "50k_200k"), (199_999, "50k_200k"),
    (200_000, "200k_500k"), (499_999, "200k_500k"),
    (500_000, "ge500k"), (13_953_744, "ge500k"),
])
def test_size_band_edges(population, band):
    assert peers.size_band(population) == band


def test_size_band_missing_population():
    assert peers.size_band(None) is None
    assert peers.size_band(float("nan")) is None


def _bodies(rows):
    return pd.DataFrame(rows, columns=["code", "prefecture", "name", "kind", "population"])


# populations as printed in data/raw/003 (lines 12, 101, 196, 296, 395, 446, 535, 606, 686, 4156, 4204)
REAL = _bodies([
    ("01100", "北海道", "札幌市", "designated_city", 1_966_735),
    ("01206", "北海道", "釧路市", "city", 168_730),
    ("01399", "北海道", "京極町", "town", 3_004),
    ("01433", "北海道", "妹背牛町", "town", 2_949),
    ("01452", "北海道", "鷹栖町", "town", 6_822),
    ("01470", "北海道", "音威子府村", "village", 734),
    ("01544", "北海道", "津別町", "town", 4_621),
    ("01642", "北海道", "広尾町", "town", 6_688),
    ("02000", "青森県", "青森県", "prefecture", 1_292_709),
    ("13000", "東京都", "東京都", "prefecture", 13_953_744),
    ("13107", "東京都", "墨田区", "ward", 274_296),
])












# --- nearest neighbours ---------------------------------------------------------------------------------------
#
# Eight bodies, two indicators a and b (no logs). Both columns hold the values {2,4,4,4,5,5,7,9}:
# mean 5, population standard deviation 2, so z = (x − 5) / 2.
#
#   body   a   b    z_a    z_b    d² (w_a=1, w_b=1) = z_a² + z_b²  (T has z = 0, 0)
#   T      5   5    0      0      —
#   A      2   5   -1.5    0      2.25
#   B      4   9   -0.5    2      0.25 + 4    = 4.25
#   C      4   4   -0.5   -0.5    0.25 + 0.25 = 0.5
#   D      4   2   -0.5   -1.5    0.25 + 2.25 = 2.5
#   E      5   7    0      1      1
#   F      7   4    1     -0.5    1 + 0.25    = 1.25
#   G      9   4    2     -0.5    4 + 0.25    = 4.25
#
# k = 4 nearest: C (0.5), E (1), F (1.25), A (2.25); D (2.5) is fifth.
# F's shares of d²: a 1/1.25 = 80 %, b 0.25/1.25 = 20 %.
# Stability (k = 4), one weight at a time:
#   w_a × 0.5: A 1.125, C .375, D 2.375, E 1, F .75     → C F E A      kept 4
#   w_a × 1.5: A 3.375, C .625, D 2.625, E 1, F 1.75    → C E F D      kept 3
#   w_b × 0.5: A 2.25, C .375, D 1.375, E .5, F 1.125   → C E F D      kept 3
#   w_b × 1.5: A 2.25, C .625, D 3.625, E 1.5, F 1.375  → C F E A      kept 4

TOY = pd.DataFrame({
    "code": list("TABCDEFG"),
    "kind": ["town"] * 8,
    "prefecture": ["X"] * 8,
    "a": [5, 2, 4, 4, 4, 5, 7, 9],
    "b": [5, 5, 9, 4, 2, 7, 4, 4],
})


def test_nearest_neighbours_hand_computed():
    result = peers.nearest_neighbours(TOY, "T", {"a": 1.0, "b": 1.0}, k=4, log_keys=())
    assert result.peer_codes == ["C", "E", "F", "A"]
    assert result.peers["distance"].tolist() == pytest.approx([math.sqrt(0.5), 1.0, math.sqrt(1.25), 1.5])
    f = result.peers.set_index("code").loc["F"]
    assert f["share_a"] == pytest.approx(80.0)
    assert f["share_b"] == pytest.approx(20.0)
    assert f["term_a"] == pytest.approx(1.0)
    assert result.distances.iloc[4]["code"] == "D"
    assert result.distances.iloc[4]["distance"] == pytest.approx(math.sqrt(2.5))


def test_weight_zero_drops_indicator():
    # with only a: |z_a| → E 0, B/C/D 0.5 (ties by code), F 1
    result = peers.nearest_neighbours(TOY, "T", {"a": 1.0, "b": 0.0}, k=3, log_keys=())
    assert result.used_keys == ("a",)
    assert result.peer_codes == ["E", "B", "C"]


def test_k_larger_than_universe_is_capped():
    assert peers.nearest_neighbours(TOY, "T", {"a": 1, "b": 1}, k=50, log_keys=()).k == 7


def test_peer_stability_hand_computed():
    table = peers.peer_stability(TOY, "T", {"a": 1.0, "b": 1.0}, k=4, log_keys=())
    rows = table.set_index("indicator")
    assert rows.loc["a", "kept_lower"] == 4 and rows.loc["a", "kept_higher"] == 3
    assert rows.loc["b", "kept_lower"] == 3 and rows.loc["b", "kept_higher"] == 4
    assert set(rows["k"]) == {4}


def test_median_imputation_hand_computed():
    # a = 1, 2, 3, (missing), 10 → median of the printed values 2.5 fills the gap: 1, 2, 3, 2.5, 10
    # mean 3.7; squared deviations 7.29 + 2.89 + 0.49 + 1.44 + 39.69 = 51.8; sd = sqrt(51.8 / 5) = 3.21870
    # distance T–D = |2.5 − 1| / 3.21870 = 0.46603
    frame = pd.DataFrame({"code": ["T", "B", "C", "D", "E"], "kind": ["city"] * 5, "prefecture": ["X"] * 5,
                          "a": [1, 2, 3, None, 10]})
    result = peers.nearest_neighbours(frame, "T", {"a": 1.0}, k=4, log_keys=())
    assert result.imputed.to_dict("records") == [{"code": "D", "indicator": "a"}]
    assert result.medians["a"] == pytest.approx(2.5)
    distances = result.distances.set_index("code")["distance"]
    assert distances["D"] == pytest.approx(0.46603, abs=1e-5)


def test_indicator_printed_by_fewer_than_half_is_left_out():
    # b is printed by 2 of 5 bodies (40 % < 50 %): filling 3 of 5 with the median would tell nobody apart
    frame = pd.DataFrame({"code": ["T", "B", "C", "D", "E"], "kind": ["city"] * 5, "prefecture": ["X"] * 5,
                          "a": [1, 2, 3, 4, 10], "b": [1, None, None, None, 5]})
    result = peers.nearest_neighbours(frame, "T", {"a": 1.0, "b": 1.0}, k=2, log_keys=())
    assert result.used_keys == ("a",)
    assert result.sparse_keys == ("b",)
    assert result.peer_codes == ["B", "C"]
    # half printed (3 of 6 = 50 %) is still used
    frame6 = pd.concat([frame, pd.DataFrame({"code": ["F"], "kind": ["city"], "prefecture": ["X"], "a": [5], "b": [2]})])
    assert peers.nearest_neighbours(frame6, "T", {"a": 1.0, "b": 1.0}, k=2, log_keys=()).used_keys == ("a", "b")


def test_nearest_neighbours_never_cross_levels():
    frame = pd.DataFrame({"code": ["P1", "P2", "M1", "M2", "M3"], "kind": ["prefecture", "prefecture", "city", "town", "ward"],
                          "prefecture": ["X", "Y", "X", "X", "Y"], "a": [1.0, 1.1, 1.0, 5.0, 9.0]})
    assert peers.nearest_neighbours(frame, "M1", {"a": 1}, k=5, log_keys=()).peer_codes == ["M2", "M3"]
    assert peers.nearest_neighbours(frame, "P1", {"a": 1}, k=5, log_keys=()).peer_codes == ["P2"]


def test_log_transform_uses_ratio_not_difference():
    # ln 1,000 = 6.908, ln 10,000 = 9.210, ln 100,000 = 11.513: from A, B is ln 10 away and C 2·ln 10,
    # so B's distance is exactly half of C's (unlogged it would be 9,000 against 99,000)
    frame = pd.DataFrame({"code": ["A", "B", "C"], "kind": ["city"] * 3, "prefecture": ["X"] * 3,
                          "population": [1_000, 10_000, 100_000]})
    logged = peers.nearest_neighbours(frame, "A", {"population": 1}, k=2, log_keys=("population",))
    d = logged.distances.set_index("code")["distance"]
    assert d["B"] == pytest.approx(d["C"] / 2)




# --- URL parameters ---------------------------------------------------------------------------------------------

DEFAULTS = {"population": 1.0, "ageing_rate_pct": 1.0}







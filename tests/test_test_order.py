"""Order must not matter: what one test (or one import) leaves behind may not change another's result.

* the house plotly template survives a later first ``import streamlit`` (which makes Streamlit's template plotly's
  default): ``pytest tests/test_i18n.py tests/test_charts.py`` used to fail while the reverse order passed;
* the suite runs in a shuffled order (pytest-random-order, modules shuffled and tests shuffled within each module,
  see ``addopts`` in pyproject.toml); a failure prints the seed to repeat it with ``--random-order-seed=<seed>``.
"""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from machikurabe.ui import charts

ROOT = Path(__file__).resolve().parent.parent


def _background(fig: go.Figure) -> str | None:
    return fig.to_dict()["layout"].get("template", {}).get("layout", {}).get("plot_bgcolor")


def test_streamlit_imported_after_charts_keeps_the_house_template():
    # a fresh interpreter, so streamlit really is imported for the first time after charts
    script = """
import pandas as pd
import plotly.io as pio
from machikurabe.ui import charts
import streamlit  # noqa: F401
assert pio.templates.default == "streamlit", pio.templates.default  # the reset this test is about happened
fig = charts.bar_chart(pd.DataFrame({"label": ["a"], "bodies": [1]}), "label", "bodies", title="t",
                       category_title="c", value_title="v", source="s")
print(fig.to_dict()["layout"]["template"]["layout"]["plot_bgcolor"])
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "white"


def test_figure_built_while_another_template_was_default_gets_the_house_template(monkeypatch):
    monkeypatch.setattr(pio.templates, "default", "plotly_dark")  # what a late `import streamlit` does
    fig = go.Figure(go.Bar(x=[1], y=["a"], orientation="h"))  # built by a module that does not ask charts first
    assert _background(fig) != "white"
    charts.style(fig, "t", "x", "y", "s")
    assert _background(fig) == "white"
    assert pio.templates.default == charts.HOUSE_TEMPLATE


def test_bar_chart_reapplies_the_house_template(monkeypatch):
    monkeypatch.setattr(pio.templates, "default", "plotly_dark")
    fig = charts.bar_chart(pd.DataFrame({"label": ["a"], "bodies": [1]}), "label", "bodies", title="t",
                           category_title="c", value_title="v", source="s")
    assert _background(fig) == "white"


def test_suite_runs_in_shuffled_module_order():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "--random-order-bucket=module" in config["tool"]["pytest"]["ini_options"]["addopts"]
    assert any(dep.startswith("pytest-random-order") for dep in config["project"]["optional-dependencies"]["test"])
    pytest.importorskip("random_order", reason="pytest-random-order not installed: run `make setup`")

"""machikurabe.ui.charts: every figure has a title, axis titles, the 出典 line inside the figure, safe colours."""
import pandas as pd

from machikurabe.ui import charts, exports


def test_bar_chart_carries_title_axes_and_source():
    frame = pd.DataFrame({"label": ["市", "町"], "bodies": [24, 20]})
    fig = charts.bar_chart(frame, "label", "bodies", title="種類別の団体数", category_title="自治体の種類",
                           value_title="団体数（団体）", source="出典：厚生労働省")
    assert fig.layout.title.text == "種類別の団体数"
    assert fig.layout.xaxis.title.text == "団体数（団体）"  # horizontal bars: values on x
    assert fig.layout.yaxis.title.text == "自治体の種類"
    assert [a.text for a in fig.layout.annotations] == ["出典：厚生労働省"]
    assert fig.data[0].marker.color == charts.OKABE_ITO[0]


def test_series_get_distinct_okabe_ito_colours():
    frame = pd.DataFrame({"label": ["A", "A"], "series": ["印", "設計"], "bodies": [3, 4]})
    fig = charts.bar_chart(frame, "label", "bodies", series="series", title="t", category_title="c",
                           value_title="v", source="s")
    assert [trace.name for trace in fig.data] == ["印", "設計"]
    assert fig.data[0].marker.color != fig.data[1].marker.color


def test_wrap_source_japanese_and_english():
    ja = charts.wrap_source("出典：" + "あ" * 70)
    assert len(ja) == 3 and all(len(line) <= 30 for line in ja)
    assert "".join(ja) == "出典：" + "あ" * 70
    en = charts.wrap_source("Source: " + " ".join(["word"] * 30))
    assert all(len(line) <= 60 for line in en)
    assert " ".join(en) == "Source: " + " ".join(["word"] * 30)


def test_export_config():
    assert exports.chart_config("種類別の団体数")["toImageButtonOptions"] == {
        "format": "png", "filename": "種類別の団体数", "scale": 2}
    assert exports.chart_config("x", "svg")["toImageButtonOptions"]["format"] == "svg"
    assert exports.chart_config("x", "gif")["toImageButtonOptions"]["format"] == "png"


def test_house_template_is_white_background_on_every_chart_module():
    # the house style is set once as plotly's default; each chart module must still come out white
    from machikurabe.ui import peer_charts  # noqa: F401  (import order must not matter)

    fig = charts.bar_chart(pd.DataFrame({"label": ["a"], "bodies": [1]}), "label", "bodies", title="t",
                           category_title="c", value_title="v", source="s")
    assert fig.to_dict()["layout"]["template"]["layout"]["plot_bgcolor"] == "white"


def test_bar_labels_have_room_and_the_legend_keeps_clear_of_the_toolbar():
    frame = pd.DataFrame({"label": ["a", "b"], "bodies": [51, 24], "series": ["x", "y"]})
    fig = charts.bar_chart(frame, "label", "bodies", series="series", title="t", category_title="c",
                           value_title="v", source="s")
    assert all(trace.cliponaxis is False for trace in fig.data)
    assert fig.layout.xaxis.range[1] >= 51 * 1.15  # the label "51" fits beyond its bar
    assert fig.layout.legend.xanchor == "left" and fig.layout.legend.x == 0  # the modebar is at the top right


def test_a_long_chart_title_is_broken_between_words_for_a_phone():
    """指標の内訳's English title was cut at 390 px ("…by Programme type (388"); plotly does not wrap titles."""
    from machikurabe.ui.charts import chart_title

    text, lines = chart_title("Quantitative / qualitative by Programme type (388 targets)")
    assert lines == 2 and text == "Quantitative / qualitative by Programme<br>type (388 targets)"
    assert chart_title("事業別の団体数") == ("事業別の団体数", 1)

"""概要 (Overview): what the data is, headline figures, bodies by programme and by kind, where to start."""
import streamlit as st

from machikurabe.analysis import indicators, summary
from machikurabe.analysis.filters import apply_filters
from machikurabe.analysis.formatting import format_count
from machikurabe import urls
from machikurabe.credits import national_credits
from machikurabe.i18n import t
from machikurabe.ui import charts, exports, st_data, state, summary_view
from machikurabe.ui.state import current_filters, current_lang


@st.cache_resource(max_entries=64, show_spinner=False)
def _charts(data_version, filter_key, lang, _shown, _programmes):
    """The two overview charts for one filter state, built once (figures are only read by the page)."""
    source = indicators.source_line(("programme_count",), lang)
    by_programme = charts.bar_chart(
        summary_view.bodies_by_programme(_shown, _programmes, lang), "label", "bodies", series="series",
        title=t("chart_by_programme", lang), category_title=t("axis_programme", lang),
        value_title=t("axis_bodies", lang), source=source)
    by_kind = charts.bar_chart(
        summary_view.bodies_by_kind(_shown, lang), "label", "bodies", title=t("chart_by_kind", lang),
        category_title=t("axis_kind", lang), value_title=t("axis_bodies", lang), source=source)
    return by_programme, by_kind


lang = current_lang()
st_data.stop_if_unavailable()
bodies = st_data.query("municipalities")
programmes = st_data.query("programmes")
figures = summary.headline(bodies, programmes)

st.title(t("overview_title", lang))
st.markdown(t("overview_intro", lang, total=figures["bodies"], municipal=figures["municipalities"],
              prefectural=figures["prefectures"]))

cols = st.columns(5)
cols[0].metric(t("metric_bodies", lang), format_count(figures["bodies"], "団体", "bodies", lang))
cols[1].metric(t("metric_municipalities", lang), format_count(figures["municipalities"], "団体", "bodies", lang))
cols[2].metric(t("metric_prefectures", lang), format_count(figures["prefectures"], "団体", "bodies", lang))
cols[3].metric(t("metric_programmes", lang), format_count(figures["programme_designs"], "事業", "programmes", lang),
               help=indicators.help_text("programme_count", lang))
cols[4].metric(t("metric_promoters", lang), format_count(figures["promoters"], "人", "persons", lang),
               help=indicators.help_text("promoter_count", lang))
st.caption(indicators.source_line((), lang))

filters = current_filters()
shown = apply_filters(bodies, filters, programmes)
if not filters.is_empty():
    st.info(t("filter_count", lang, n=len(shown), total=len(bodies)))
if shown.empty:
    st.warning(t("no_match", lang))
else:
    by_programme, by_kind = _charts(st_data.data_version(), filters.cache_key(), lang, shown, programmes)
    left, right = st.columns(2)
    state.plotly_chart(by_programme, container=left, width="stretch", config=exports.chart_config(t("chart_by_programme", lang)))
    state.plotly_chart(by_kind, container=right, width="stretch", config=exports.chart_config(t("chart_by_kind", lang)))

st.subheader(t("ov_national_title", lang))
national = st_data.query("national_summary").iloc[0]
st.markdown(t("ov_national_body", lang, municipalities=f"{int(national['municipalities']):,}",
              prefectures=int(national["prefectures"]), indicators=int(national["indicators"]),
              derived=int(national["derived"]), first=int(national["first_year"]), last=int(national["last_year"]),
              types=int(national["type_groups"])))
st.caption("  \n".join(national_credits(lang)))  # one source a line

st.subheader(t("where_to_start", lang))
for text_key, page, label_key, params in (
        ("start_prefectural", "pages/profile.py", "start_prefectural_link", {"code": "05203"}),
        ("start_prefectural_peers", "pages/peers.py", "start_peers_link", {"code": "05203"}),
        ("start_students", "pages/map.py", "start_map_link", {}),
        ("start_councils", "pages/data_method.py", "start_data_link", {})):
    st.markdown(t(text_key, lang))
    st.page_link(page, label=t(label_key, lang), icon=":material/arrow_forward:", query_params=urls.link_params(lang, **params))
st.subheader(t("how_to_read", lang))
st.markdown(t("how_to_read_body", lang))

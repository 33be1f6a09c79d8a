"""データと方法 (Data and method): sources and vintage, indicator definitions, normalisation rules,
the full data-quality table with filters, credits, and every table as CSV (UTF-8 BOM) and Parquet."""
from functools import partial

import streamlit as st

from machikurabe.analysis import data_method, indicators
from machikurabe.credits import national_credits
from machikurabe.i18n import t
from machikurabe.ui import data_method_view as view
from machikurabe.ui import exports, st_data
from machikurabe.ui.state import current_lang

lang = current_lang()
st_data.stop_if_unavailable()
source = indicators.source_line((), lang)

st.title(t("data_title", lang))

st.subheader(t("documents", lang))
st.markdown(f"{indicators.VINTAGE_JA if lang != 'en' else indicators.VINTAGE_EN}")
st.dataframe(view.documents_view(lang), hide_index=True, width="stretch")

st.subheader(t("indicator_definitions", lang))
st.dataframe(view.definitions_view(lang), hide_index=True, width="stretch")
st.caption(source)

quality = st_data.query("data_quality")
st.subheader(t("rules", lang))
st.dataframe(view.rules_view(lang), hide_index=True, width="stretch")
st.caption(t("rules_from_db", lang))

agreement = st_data.query("target_agreement")
if not agreement.empty:  # a database built without the stored figures (the tests' fixture) has none to show
    st.subheader(t("dm_agreement_title", lang))
    st.markdown(t("dm_agreement_intro", lang, n=int(agreement["n"].iloc[0])))
    st.dataframe(view.agreement_view(lang), hide_index=True, width="stretch")
    low, high = view.agreement_gap(agreement)
    st.caption(t("dm_agreement_verdict", lang, low=f"{low:.0f}", high=f"{high:.0f}"))

st.subheader(t("quality_table", lang))
names = st_data.body_labels("name_code", lang)
quality_codes = set(quality["municipality_code"])
c1, c2, c3 = st.columns(3)
rules = c1.multiselect(t("quality_filter_rule", lang), sorted(quality["rule"].dropna().unique()), key="dq_rule",
                       format_func=lambda rule: view.rule_words(rule, lang), placeholder=t("filter_all", lang))
fields = c2.multiselect(t("quality_filter_field", lang), sorted(quality["field"].dropna().unique()), key="dq_field",
                        format_func=lambda field: view.field_words(field, lang), placeholder=t("filter_all", lang))
codes = c3.multiselect(t("quality_filter_body", lang), [c for c in names if c in quality_codes],
                       format_func=lambda c: names.get(c, c), key="dq_body", placeholder=t("filter_all", lang))
selected = view.quality_view(tuple(rules), tuple(fields), tuple(codes), lang)  # filtered once, cached per filter
if selected.empty:
    st.info(t("quality_empty", lang))
else:
    st.dataframe(selected, hide_index=True, width="stretch")
    st.caption(f"{len(selected)} / {len(quality)} · {source}")

st.subheader(t("dm_national_title", lang))
st.markdown(t("dm_national_intro", lang))
build_rows = st_data.query("build_info")
build = dict(zip(*[build_rows[c] for c in build_rows.columns[:2]]))
st.markdown(t("dm_national_vintages", lang, vintages=build.get("national_vintages", "—").replace(
    ",", ", " if lang == "en" else "、")))
st.dataframe(view.catalogue_view(lang), hide_index=True,
             width="stretch", height=360)
st.markdown(t("dm_national_units", lang))
st.markdown(f"**{t('dm_code_changes', lang)}**")
st.dataframe(view.code_changes_view(lang), hide_index=True, width="stretch")
st.caption("  \n".join(national_credits(lang, boundaries=True)))  # one source a line

st.subheader(t("downloads", lang))
st.caption(t("downloads_note", lang))
table_counts = st_data.query("table_counts")
counts = dict(zip(table_counts["name"], table_counts["n"]))
for table, query_name in data_method.DOWNLOAD_TABLES:
    n_rows = int(counts.get(table, 0))
    c1, c2, c3 = st.columns([2, 1, 1])
    c1.markdown(f"`{table}` — {t('rows_n', lang, n=f'{n_rows:,}')}")
    c2.download_button("CSV", partial(view.table_csv, table, query_name, lang), file_name=f"{table}.csv",
                       mime=exports.CSV_MIME, key=f"csv_{table}", on_click="ignore")
    c3.download_button("Parquet", partial(st_data.download_bytes, query_name, "parquet"), file_name=f"{table}.parquet",
                       mime=exports.PARQUET_MIME, key=f"parquet_{table}", on_click="ignore")

st.subheader(t("build_info", lang))
st.dataframe(view.build_info_view(lang), hide_index=True, width="stretch")

st.subheader(t("credits", lang))
st.markdown(view.credits_markdown(lang))

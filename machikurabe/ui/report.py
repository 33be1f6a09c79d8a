"""The one-file comparison report: a self-contained HTML page with plotly.js inlined once, every chart
interactive offline, the tables, peer definition, sources, vintage and date, and print CSS for A4.

No external address may appear in the file (no CDN, no web fonts, no links): plotly.js itself carries
namespace and tile-server strings such as "http://www.w3.org/2000/svg"; they are written as "http:\\/\\/...",
which JavaScript reads as the identical string, so the file stays offline-clean and the charts unchanged.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from machikurabe.ui.exports import inert_figure
from machikurabe.ui.peer_charts import FONT_FAMILY

REPORT_WIDTH_PX = 680  # ≈ 180 mm at 96 dpi: A4 minus 15 mm margins, so printed charts are not cut
# The first chart shares page 1 with the title and the group's definition: taller than this it is pushed whole to
# page 2 and page 1 stays two-thirds empty. Later charts keep their height (a ranked bar of 45 places needs it: a
# shorter one would drop every other name)
FIRST_CHART_MAX_PX = 600

_URL_SCHEME = re.compile(r"(https?)://", re.IGNORECASE)

CSS = f"""
body {{ font-family: {FONT_FAMILY}; color: #222; max-width: 760px; margin: 0 auto; padding: 16px; line-height: 1.6; }}
h1 {{ font-size: 1.6em; border-bottom: 3px solid #D55E00; padding-bottom: 4px; }}
h2 {{ font-size: 1.2em; margin-top: 1.6em; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.85em; margin: 0.5em 0 1em; }}
th, td {{ border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }}
th {{ background: #DDEBF7; }}
td.num {{ text-align: right; white-space: nowrap; }}
.short {{ white-space: nowrap; }}
tr.town td {{ font-weight: bold; }}
.meta {{ font-size: 0.9em; color: #444; }}
.note {{ font-size: 0.85em; color: #444; }}
.disclaimer {{ border-left: 4px solid #0072B2; padding: 4px 10px; background: #F3F8FC; }}
section.chart, section.table {{ break-inside: avoid; page-break-inside: avoid; }}
@page {{ size: A4; margin: 15mm }}
@media print {{
  body {{ max-width: none; padding: 0; font-size: 10pt; }}
  section.chart {{ break-inside: avoid; page-break-inside: avoid; }}
  h2 {{ break-after: avoid; page-break-after: avoid; }}
  .modebar-container {{ display: none !important; }}
}}
"""


@dataclass
class ReportTable:
    title: str
    frame: pd.DataFrame
    note: str = ""
    bold_rows: list[int] = field(default_factory=list)  # row positions to print in bold (the town)


def defuse_urls(text: str) -> str:
    """Write every http:// and https:// as http:\\/\\/ (same string to JavaScript, no URL in the file)."""
    return _URL_SCHEME.sub(lambda m: m.group(1) + r":\/\/", text)


def _figure_html(fig: go.Figure, include_js: bool, div_id: str, max_height: int | None = None) -> str:
    copy = inert_figure(go.Figure(fig))
    copy.update_layout(width=REPORT_WIDTH_PX)
    if max_height and copy.layout.height and copy.layout.height > max_height:
        copy.update_layout(height=max_height)
    return copy.to_html(full_html=False, include_plotlyjs=include_js, div_id=div_id,
                        config={"displaylogo": False, "responsive": False})


SHORT_CELL_CHARS = 6  # 都道府県, 秋田県, 05207, 1 / 15: kept on one line; a narrow column wrapped them per character


def _short(text: str) -> str:
    return ' class="short"' if 0 < len(text) <= SHORT_CELL_CHARS else ""


def _table_html(table: ReportTable) -> str:
    frame = table.frame
    head = "".join(f"<th{_short(str(c))}>{html.escape(str(c))}</th>" for c in frame.columns)
    body = []
    for i, record in enumerate(frame.itertuples(index=False)):
        cells = []
        for value in record:
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            text = "" if value is None or (numeric and pd.isna(value)) else str(value)
            cells.append(f'<td class="num">{html.escape(text)}</td>' if numeric
                         else f"<td{_short(text)}>{html.escape(text)}</td>")
        cls = ' class="town"' if i in table.bold_rows else ""
        body.append(f"<tr{cls}>{''.join(cells)}</tr>")
    note = f'<p class="note">{html.escape(table.note)}</p>' if table.note else ""
    return (f'<section class="table"><h2>{html.escape(table.title)}</h2>'
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{note}</section>")


def build_report(*, title: str, lang: str, town_name: str, peer_definition: str, figures: list[tuple[str, go.Figure]],
                 tables: list[ReportTable], sources: list[str], vintage: str, created: str,
                 notes: list[str] | None = None, labels: dict[str, str] | None = None) -> str:
    """The report as one HTML string. ``labels`` gives the headings (created, vintage, sources, definition...)."""
    labels = {"created": "作成日", "vintage": "データの時点", "sources": "出典", "definition": "比較グループの定義",
              "disclaimer": "", **(labels or {})}
    parts = [f'<!DOCTYPE html><html lang="{html.escape(lang)}"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>",
             f"<h1>{html.escape(title)}</h1>",
             f'<p class="meta">{html.escape(labels["created"])}：{html.escape(created)}　／　'
             f'{html.escape(labels["vintage"])}：{html.escape(vintage)}</p>']
    if labels["disclaimer"]:
        parts.append(f'<p class="disclaimer">{html.escape(labels["disclaimer"])}</p>')
    parts.append(f'<section class="definition"><h2>{html.escape(labels["definition"])}</h2>'
                 f"<p><b>{html.escape(town_name)}</b>：{html.escape(peer_definition)}</p></section>")
    note_html = [f'<p class="note">{html.escape(note)}</p>' for note in notes or []]
    if not figures:
        parts.extend(note_html)
    for i, (fig_title, fig) in enumerate(figures):
        # plotly.js goes in once, with the first chart; the others reuse it
        parts.append(f'<section class="chart"><h2>{html.escape(fig_title)}</h2>'
                     f"{_figure_html(fig, include_js=(i == 0), div_id=f'chart-{i + 1}', max_height=FIRST_CHART_MAX_PX if i == 0 else None)}</section>")
        if i == 0:
            # the notes (weights, method) follow the first chart: above it they pushed it off page 1
            parts.extend(note_html)
    for table in tables:
        parts.append(_table_html(table))
    parts.append(f'<section class="sources"><h2>{html.escape(labels["sources"])}</h2><ul>'
                 + "".join(f"<li>{html.escape(s)}</li>" for s in sources) + "</ul>"
                 '<p class="note">まちくらべ (machikurabe) / plotly.js (MIT)</p></section>')
    parts.append("</body></html>")
    return defuse_urls("".join(parts))

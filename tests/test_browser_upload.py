"""Issue 18 ("An uploaded figure can never land on another town") in headless Debian Chromium, on 比較 (/peers).

Each test's docstring names the item of the issue it checks:

1. a Hokkaido file whose 6-digit codes lost their leading zero (012203 → 12203) puts each value on the Hokkaido
   city its names say, never on the Chiba city the 5 digits would name; a county subtotal row and a row whose code
   and names disagree are refused and listed with their line (「N行目」) before anything is accepted;
2. hostile header and name cells (formulas, Markdown links, HTML) become no link, no script, and stay visible as text;
3. the ranked-bar chart and the scatter follow their pickers at once (never one choice behind);
4. a file over the size limit gets the app's own Japanese message, no visible English "File must be …".

Expected values were written by hand from the real place list (``places`` of the build) and JIS X 0402:
check digit = (11 − Σ digit × (6, 5, 4, 3, 2) mod 11) mod 10, so

    士別市 01220 → 012203 (0·6+1·5+2·4+2·3+0·2 = 19, 19 mod 11 = 8, 11 − 8 = 3), zero lost: 12203 = 市川市 (千葉県)
    名寄市 01221 → 012211 (21 mod 11 = 10 → 1),                                    zero lost: 12211 = 成田市 (千葉県)
    根室市 01223 → 012238 (25 mod 11 = 3 → 8),                                     zero lost: 12238 = いすみ市 (千葉県)
    紋別市 01219 → 012190 (34 mod 11 = 1 → 10 → 0),                                zero lost: 12190 (no place)
    函館市 01202 → 012025 (17 mod 11 = 6 → 5),                                     zero lost: 12025 (no place)
    西津軽郡 (county, code 02320) → 023205,                                         zero lost: 23205 = 半田市 (愛知県)

The app runs on 127.0.0.1 against the session's real build (tests/conftest.py ``real_db``).
"""
from __future__ import annotations

import csv
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser_helpers import (
    browser_page,
    exception_texts,
    running_app,
    screenshot,
    skip_without_chromium,
    wait_for_app,
)

pytestmark = [pytest.mark.browser, skip_without_chromium]

# i18n keys tab_upload, tab_bar, tab_scatter, upload_accept, upload_current, np_indicators, np_*_pick (ja)
TAB_UPLOAD, TAB_BAR, TAB_SCATTER = "独自の指標", "順位グラフ", "散布図"
ACCEPT = "この指標を追加する"
ACCEPTED = "このセッションで追加済みの指標"
SHOWN_PICKER = "表示する指標（分野ごと）"
BAR_PICK, X_PICK, Y_PICK = "順位グラフの指標", "横軸の指標", "縦軸の指標"
PLOT = '[role="tabpanel"] .js-plotly-plot'  # only the open tab's panel is in the DOM (lazy tabs)
WAIT_MS = 60_000

# --- 1. the zero-lost Hokkaido file ------------------------------------------------------------------------------
# line 1 is the header: line 5 disagrees (12025 is 函館市's zero-lost code, the names say 札幌市), line 6 is a county
ZERO_LOST_CSV = """団体コード,都道府県名,市区町村名,人口
12203,北海道,士別市,18134
12211,北海道,名寄市,26143
12238,北海道,根室市,24020
12025,北海道,札幌市,1973395
23205,青森県,西津軽郡,30912
12190,北海道,紋別市,21046
"""
DISAGREEING_LINE, COUNTY_LINE = 5, 6
# the bar chart of the uploaded 人口 for 士別市 and a hand-picked group holding every place a wrong reading would hit
HAND = ["12203", "12211", "12238", "01221", "01223", "01219", "01202", "23205"]
EXPECTED_BARS = {"士別市": 18134, "名寄市": 26143, "根室市": 24020, "紋別市": 21046,
                 "市川市": None, "成田市": None, "いすみ市": None,  # the 5-digit readings of 12203, 12211, 12238
                 "函館市": None,   # the zero-lost reading of the refused line 5
                 "半田市": None}   # the 5-digit reading of the refused county line 6
REFUSED_VALUES = ("1,973,395", "1973395", "30,912", "30912")

# --- 2. hostile names --------------------------------------------------------------------------------------------
HOSTILE = ['=HYPERLINK("http://x","y")', "[link](javascript:alert(1))", '<a href="http://evil">x</a>',
           "<script>alert(1)</script>", "**bold**"]
FORBIDDEN_IN_HREF = ("javascript:", "http://x", "evil")


@pytest.fixture(scope="module")
def app_url(real_db):
    with running_app(db_path=real_db) as url:
        yield url


# --- helpers -----------------------------------------------------------------------------------------------------

def _open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name, exact=True).click()
    page.wait_for_selector(f'[role="tab"][aria-selected="true"]:has-text("{name}")', timeout=WAIT_MS)
    wait_for_app(page)


def _upload(page, path) -> None:
    """Open the upload tab and hand the file to its st.file_uploader."""
    _open_tab(page, TAB_UPLOAD)
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))


def _wait_for_report(page) -> None:
    """The validation report (upload_report) has rendered with its messages."""
    page.get_by_text("検証結果", exact=True).first.wait_for(timeout=WAIT_MS)
    page.locator('[data-testid="stAlert"]').first.wait_for(timeout=WAIT_MS)
    wait_for_app(page)


def _accept(page) -> None:
    page.get_by_role("button", name=ACCEPT).click()
    page.get_by_text(ACCEPTED).first.wait_for(timeout=WAIT_MS)
    wait_for_app(page)


def _alerts(page) -> list[str]:
    return [a.inner_text() for a in page.locator('[data-testid="stMain"] [data-testid="stAlert"]').all()
            if a.is_visible()]


def _uploaded_bar_options(page, wanted: str, any_if_missing: bool = False) -> list[str]:
    """The 順位グラフ picker's options for the session's uploaded indicators (【独自の指標】…) that contain ``wanted``
    (with ``any_if_missing``: every uploaded one when none does). Accepting a file adds its indicators to 表示する指標,
    whose choices are the picker's options, so they are offered at once without a further step."""
    _open_tab(page, TAB_BAR)
    uploaded = [o for o in _options(page, BAR_PICK) if o.startswith("【独自の指標】")]
    return [o for o in uploaded if wanted in o] or (uploaded if any_if_missing else [])


def _open_list(page, box_label: str) -> None:
    """Open a selectbox's list (again if a rerun redrew the widget and closed it)."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=box_label).first
    for attempt in range(3):
        wait_for_app(page)
        box.locator("input").click()
        try:
            page.get_by_role("option").first.wait_for(timeout=5_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise


def _options(page, box_label: str) -> list[str]:
    """The option labels of a selectbox, read from the open list."""
    _open_list(page, box_label)
    labels = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    page.get_by_role("option").first.wait_for(state="detached", timeout=WAIT_MS)
    return labels


def _pick(page, box_label: str, option_label: str) -> None:
    _open_list(page, box_label)
    page.get_by_role("option", name=option_label, exact=True).click()


def _name_of(option_label: str) -> str:
    """【人口】総人口（人） → 総人口: the indicator's name without its topic and its last (unit) bracket."""
    # the unit bracket may hold one of its own: 人口1万人当たり医師数（人（人口1万人あたり））
    found = re.fullmatch(r"【[^】]*】(.*?)(（(?:[^（）]|（[^（）]*）)*）)?", option_label)
    assert found, option_label
    return found.group(1)


def _chart_text(page, selector: str) -> str:
    return page.evaluate("""(sel) => { const e = document.querySelector(sel); return e ? e.textContent : null; }""",
                         f"{PLOT} {selector}")


def _wait_chart_names(page, selector: str, wanted: str, previous: str) -> None:
    """Wait until the drawn chart's ``selector`` text names ``wanted``; fail (with what it reads) if it never does."""
    try:
        page.wait_for_function("""([sel, wanted]) => { const e = document.querySelector(sel);
                                     return !!e && e.textContent.includes(wanted); }""",
                               arg=[f"{PLOT} {selector}", wanted], timeout=30_000)
    except PlaywrightTimeout:
        pytest.fail(f"after choosing {wanted!r} (previously {previous!r}) the chart's {selector} still reads "
                    f"{_chart_text(page, selector)!r}")
    wait_for_app(page)


def _bar_pairs(page) -> dict[str, str | None]:
    """Each y-axis place of the drawn ranked-bar chart with the bar label drawn on its line (None: none drawn)."""
    drawn = page.evaluate("""(sel) => { const plot = document.querySelector(sel);
        const mid = e => { const r = e.getBoundingClientRect(); return r.height > 0 ? r.top + r.height / 2 : null; };
        return {labels: [...plot.querySelectorAll('.ytick text')].map(t => [t.textContent, mid(t)]),
                values: [...plot.querySelectorAll('.bartext')].map(t => [t.textContent, mid(t)])
                          .filter(v => v[1] !== null)}; }""", PLOT)
    pairs = {}
    for name, y in drawn["labels"]:
        near = [text for text, vy in drawn["values"] if abs(vy - y) < 6]
        assert len(near) <= 1, (name, near)
        pairs[name] = near[0] if near else None
    return pairs


def _number(text: str | None) -> float | None:
    digits = re.sub(r"[^\d.\-]", "", text or "")
    return float(digits) if re.search(r"\d", digits) else None


def _hrefs(page) -> list[str]:
    """href (or SVG xlink:href) of every link element in the main area."""
    return page.evaluate("""() => [...document.querySelectorAll('[data-testid="stMain"] a')]
        .map(a => a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href'))
        .filter(h => h !== null)""")


def _foreign_links(page, app_url: str) -> list[str]:
    own = [h for h in _hrefs(page)
           if (h.startswith("#") or (h.startswith("/") and not h.startswith("//")) or h.startswith("./")
               or h.startswith(app_url)) and not any(bad in h.lower() for bad in FORBIDDEN_IN_HREF)]
    return [h for h in _hrefs(page) if h not in own]


# computed visible text of the main area: text nodes whose element is rendered (not display:none / hidden / fully
# transparent), has a box and a non-zero font size and colour, plus the content of ::before / ::after
VISIBLE_TEXTS_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const out = [];
  const transparent = c => /rgba\\(.*,\\s*0\\)$/.test(c) || c === 'transparent';
  for (const el of main.querySelectorAll('*')) {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;
    const cs = getComputedStyle(el);
    const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
    if (own && parseFloat(cs.fontSize) > 0 && !transparent(cs.color)) out.push(own);
    for (const pseudo of ['::before', '::after']) {
      const ps = getComputedStyle(el, pseudo);
      if (ps.content && ps.content !== 'none' && ps.content !== 'normal' && parseFloat(ps.fontSize) > 0
          && ps.display !== 'none' && !transparent(ps.color)) out.push(ps.content.replace(/^"|"$/g, ''));
    }
  }
  return out;
}"""


# --- 1. zero-lost codes, refused rows ----------------------------------------------------------------------------

def test_zero_lost_hokkaido_codes_land_on_their_own_towns_and_bad_rows_are_listed(app_url, tmp_path):
    """Issue 18, item 1: a Hokkaido file whose 6-digit codes lost their leading zero (士別市 012203 → 12203, 名寄市
    → 12211, 根室市 → 12238, 紋別市 → 12190) with 都道府県名 / 市区町村名 and one indicator 人口. Before anything is
    accepted, a visible message names the county subtotal (青森県 西津軽郡, line 6) and the row whose code and names
    disagree (12025 = 函館市 vs 北海道 札幌市, line 5) with their lines. After accepting, the ranked bars of 人口 for
    士別市 and a hand-picked group show each hand-written value on its own Hokkaido city and nothing on 市川市, 成田市,
    いすみ市 (the 5-digit readings), 函館市 or 半田市 (the refused rows' other readings)."""
    path = tmp_path / "hokkaido_zero_lost.csv"
    path.write_text(ZERO_LOST_CSV, encoding="utf-8")
    with browser_page(height=1400) as page:
        page.goto(f"{app_url}/peers?code=01220&group=hand&hand={','.join(HAND)}")
        wait_for_app(page)
        _upload(page, path)
        _wait_for_report(page)
        screenshot(page, "upload_zero_lost_report")
        assert page.get_by_text(ACCEPTED).count() == 0  # nothing accepted yet
        alerts = _alerts(page)
        for line, words in ((DISAGREEING_LINE, ("札幌市",)), (COUNTY_LINE, ("西津軽郡",))):
            named = [a for a in alerts if re.search(rf"(?<!\d){line}\s*行目", a) and all(w in a for w in words)]
            assert named, f"no visible message names line {line} ({', '.join(words)}): {alerts}"
        assert exception_texts(page) == []

        _accept(page)
        uploaded = _uploaded_bar_options(page, "人口")
        assert len(uploaded) == 1 and uploaded[0].startswith("【独自の指標】人口"), uploaded
        _pick(page, BAR_PICK, uploaded[0])
        _wait_chart_names(page, ".gtitle", "人口", "高齢化率")
        assert "総人口" not in _chart_text(page, ".gtitle")
        screenshot(page, "upload_zero_lost_bars")

        pairs = _bar_pairs(page)
        assert set(EXPECTED_BARS) <= set(pairs), pairs
        got = {name: _number(pairs[name]) for name in EXPECTED_BARS}
        assert got == EXPECTED_BARS, pairs
        texts = page.eval_on_selector_all(f"{PLOT} text", "ts => ts.map(t => t.textContent)")
        assert not [t for t in texts if any(v in t for v in REFUSED_VALUES)], texts
        assert exception_texts(page) == []


# --- 2. hostile names --------------------------------------------------------------------------------------------

def test_hostile_names_become_no_link_and_no_script(app_url, tmp_path):
    """Issue 18, item 2: headers and place-name cells such as =HYPERLINK("http://x","y"), [link](javascript:…),
    <a href="http://evil">, <script>, **bold**. After the preview and messages render, after accepting, and with an
    uploaded indicator drawn as the ranked bars, the main area holds no link but the app's own (relative, '#' header
    anchors or the app's URL; none to javascript:, http://x or evil), no <script>, no alert fired, nothing made bold
    from **bold**, and the literal [link](javascript:alert(1)) and =HYPERLINK( are visible as text."""
    path = tmp_path / "hostile.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["団体コード", "都道府県名", "市区町村名", *HOSTILE])
        out.writerow(["012203", "北海道", "士別市", 1, 2, 3, 4, 5])
        out.writerow(["012211", "北海道", "名寄市", 6, 7, 8, 9, 10])
        out.writerow(["012238", "北海道", "根室市", 11, 12, 13, 14, 15])
        for name in HOSTILE:
            out.writerow(["", "北海道", name, 1, 2, 3, 4, 5])

    def check(stage: str) -> None:
        assert _foreign_links(page, app_url) == [], (stage, _hrefs(page))
        assert page.locator('[data-testid="stMain"] script').count() == 0, stage
        bold = page.eval_on_selector_all('[data-testid="stMain"] strong, [data-testid="stMain"] b, '
                                         '[data-testid="stMain"] em',
                                         "es => es.map(e => e.textContent.trim()).filter(t => t === 'bold')")
        assert bold == [], stage
        assert dialogs == [], stage
        assert exception_texts(page) == [], stage

    with browser_page(height=1400) as page:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(f"{app_url}/peers?code=01220&group=hand&hand=01221,01223")
        wait_for_app(page)
        _upload(page, path)
        _wait_for_report(page)
        page.locator('[data-testid="stMain"] [data-testid="stTable"]').first.wait_for(timeout=WAIT_MS)
        screenshot(page, "upload_hostile_report")
        visible = page.evaluate(VISIBLE_TEXTS_JS)
        for literal in ("[link](javascript:alert(1))", "=HYPERLINK("):
            assert any(literal in text for text in visible), (literal, [t for t in visible if "link" in t])
        check("preview and messages")

        accept = page.get_by_role("button", name=ACCEPT)
        if accept.count():
            _accept(page)
            check("accepted")
            # an uploaded hostile column drawn as the ranked bars: the <a href="http://evil"> one when the app keeps
            # its name whole. Column i of HOSTILE holds 士別市 i+1, 名寄市 i+6, 根室市 i+11.
            uploaded = _uploaded_bar_options(page, "evil", any_if_missing=True)
            assert uploaded
            chosen = next((o for o in uploaded if "evil" in o), uploaded[0])
            column = next((i for i, key in enumerate(("HYPERLINK", "javascript", "evil", "<script", "bold"))
                           if key in chosen), None)
            values = [column + 1, column + 6, column + 11] if column is not None else None
            _pick(page, BAR_PICK, chosen)
            try:
                page.wait_for_function("""([sel, want]) => { const p = document.querySelector(sel);
                    const v = p ? [...p.querySelectorAll('.bartext')].map(t => parseFloat(t.textContent)) : [];
                    return want ? want.every(n => v.includes(n))
                                : v.filter(n => n >= 1 && n <= 15).length === 3 && v.every(n => !(n > 15)); }""",
                                       arg=[PLOT, values], timeout=30_000)
            except PlaywrightTimeout:
                pytest.fail(f"the ranked bars never drew the chosen uploaded column {chosen!r}: "
                            f"{page.eval_on_selector_all(f'{PLOT} text', 'ts => ts.map(t => t.textContent)')}")
            wait_for_app(page)
            screenshot(page, "upload_hostile_bars")
            check("ranked bars of an uploaded hostile name")


# --- 3. charts follow their pickers ------------------------------------------------------------------------------

def _choose_and_check(page, box_label: str, wanted_name: str, selector: str, previous: str,
                      also_not_in: tuple[str, ...] = (".gtitle",)) -> None:
    _open_list(page, box_label)
    labels = page.get_by_role("option").all_inner_texts()
    matching = [o for o in labels if _name_of(o) == wanted_name]
    assert len(matching) == 1, (wanted_name, labels)
    page.get_by_role("option", name=matching[0], exact=True).click()
    _wait_chart_names(page, selector, wanted_name, previous)
    now = _chart_text(page, selector)
    assert wanted_name in now and previous not in now, (selector, now)
    for other in also_not_in:
        other_text = _chart_text(page, other) or ""
        assert previous not in other_text, (other, other_text)


def _drawn_choice(page, box_label: str, selector: str) -> str:
    """The name of the picker's option that the drawn chart's ``selector`` text names (the longest that fits)."""
    options = _options(page, box_label)
    drawn = _chart_text(page, selector) or ""
    named = [_name_of(o) for o in options if _name_of(o) in drawn]
    assert named, (selector, drawn, options)
    return max(named, key=len)


def test_charts_follow_their_pickers(app_url):
    """Issue 18, item 3: every chart redraws at once for the choice just made in its picker, never one behind.
    順位グラフ: choosing 総人口 and then 人口密度 in 順位グラフの指標 — after each choice the drawn chart's title names
    the indicator just chosen, and neither its title nor its axis title the previous one. 散布図: 総人口 and then
    人口密度 as 横軸の指標 (x axis title), 完全失業率 and then 人口1万人当たり医師数 as 縦軸の指標 (y axis title), the same
    way (and the chart's title does not name the previous one)."""
    with browser_page(height=1400) as page:
        page.goto(f"{app_url}/peers?code=05203")
        wait_for_app(page)

        _open_tab(page, TAB_BAR)
        page.wait_for_selector(f"{PLOT} .gtitle", timeout=WAIT_MS)
        previous = _drawn_choice(page, BAR_PICK, ".gtitle")  # 高齢化率 by default
        assert previous not in ("総人口", "人口密度"), previous
        for wanted in ("総人口", "人口密度"):
            _choose_and_check(page, BAR_PICK, wanted, ".gtitle", previous, also_not_in=(".xtitle",))
            previous = wanted
        screenshot(page, "upload_bars_follow_picker")

        _open_tab(page, TAB_SCATTER)
        page.wait_for_selector(f"{PLOT} .xtitle", timeout=WAIT_MS)
        for box_label, selector, choices in ((X_PICK, ".xtitle", ("総人口", "人口密度")),
                                             (Y_PICK, ".ytitle", ("完全失業率", "人口1万人当たり医師数"))):
            previous = _drawn_choice(page, box_label, selector)
            assert previous not in choices, previous
            for wanted in choices:
                _choose_and_check(page, box_label, wanted, selector, previous)
                previous = wanted
        assert "人口密度" in _chart_text(page, ".xtitle")  # the y changes left the x choice alone
        screenshot(page, "upload_scatter_follows_pickers")
        assert exception_texts(page) == []


# --- 4. the size limit in the app's words ------------------------------------------------------------------------

def _size_messages(texts: list[str], before: set[str]) -> list[str]:
    """Texts new since the upload, in Japanese, stating a size in MB (the chip's bare "31.5MB" is not Japanese)."""
    return [t for t in texts if t not in before and re.search(r"\d+(\.\d+)?\s*MB", t)
            and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", t)]


def test_oversized_upload_gets_the_apps_japanese_message(app_url, tmp_path):
    """Issue 18, item 4: a file of about 30 MB (over the stated 20 MB limit) makes the app show its own Japanese
    message stating the limit in MB (a visible text that was not on the page before the upload), and Streamlit's
    English "File must be …" is not visible. Visible is computed: a text of zero font size, hidden or transparent
    does not count; ::before/::after content does."""
    path = tmp_path / "big.csv"
    line = "012203,北海道,士別市,18134\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write("団体コード,都道府県名,市区町村名,人口\n")
        f.write(line * (30 * 1024 * 1024 // len(line.encode("utf-8")) + 1))
    assert 29.5 * 1024 * 1024 < path.stat().st_size < 31 * 1024 * 1024
    with browser_page(height=1400) as page:
        page.goto(f"{app_url}/peers?code=01220")
        wait_for_app(page)
        _open_tab(page, TAB_UPLOAD)
        before = set(page.evaluate(VISIBLE_TEXTS_JS))
        _upload(page, path)
        page.locator('[data-testid="stFileChipName"]').filter(has_text="big.csv").first.wait_for(timeout=WAIT_MS)
        wait_for_app(page)
        try:
            page.wait_for_function(f"""(before) => ({VISIBLE_TEXTS_JS})().some(t => !before.includes(t)
                && /\\d+(\\.\\d+)?\\s*MB/.test(t) && /[\\u3040-\\u30ff\\u4e00-\\u9fff]/.test(t))""",
                                   arg=sorted(before), timeout=30_000)
        except PlaywrightTimeout:
            pass  # the assertion below reports what is visible
        wait_for_app(page)
        screenshot(page, "upload_too_big")
        visible = page.evaluate(VISIBLE_TEXTS_JS)
        english = [t for t in visible if "File must be" in t]
        assert _size_messages(visible, before), [t for t in visible if t not in before]
        assert english == [], english
        assert exception_texts(page) == []

"""Plotly's own words (toolbar tips, double-click hints, download notices) in Japanese.

Streamlit's bundled plotly.js registers no locale but English; plotly reads a per-chart ``config.locales`` before its
registry, so the Japanese dictionary travels with each chart's config (``locale_config``).
"""
from __future__ import annotations

# Keys are plotly.js's English source strings (its components/modebar and notifier texts, as in the plotly.js bundled
# with Streamlit 1.67); a key plotly no longer uses is harmless, a missing one shows English.
JA_DICTIONARY: dict[str, str] = {
    "Autoscale": "全体を表示",
    "Box Select": "範囲を四角で選択",
    "Lasso Select": "範囲を自由に囲んで選択",
    "Compare data on hover": "ポイントした位置の値を並べて表示",
    "Show closest data on hover": "ポイントした位置に最も近い値を表示",
    "Toggle show closest data on hover": "最も近い値の表示を切り替え",
    "Toggle Spike Lines": "補助線の表示を切り替え",
    "Double-click on legend to isolate one trace": "凡例をダブルクリックするとその系列だけを表示します",
    "Double-click to zoom back out": "ダブルクリックで元の表示に戻ります",
    "Download plot": "画像として保存",
    "Download plot as a PNG": "PNG画像として保存",
    "Download plot as a png": "PNG画像として保存",
    "Download plot as JSON": "JSONとして保存",
    "Preparing image - this may take a few seconds": "画像を作成しています（数秒かかることがあります）",
    "Taking snapshot - this may take a few seconds": "画像を作成しています（数秒かかることがあります）",
    "Image download succeeded": "画像を保存しました",
    "Snapshot succeeded": "画像を保存しました",
    "JSON download succeeded": "JSONを保存しました",
    "Sorry, there was a problem downloading your image!": "画像を保存できませんでした",
    "Sorry, there was a problem downloading your snapshot!": "画像を保存できませんでした",
    "Sorry, there was a problem downloading your JSON file!": "JSONを保存できませんでした",
    "Pan": "移動",
    "Zoom": "拡大する範囲を選択",
    "Zoom in": "拡大",
    "Zoom out": "縮小",
    "Reset": "元に戻す",
    "Reset axes": "軸を元に戻す",
    "Reset view": "表示を元に戻す",
    "Reset views": "表示を元に戻す",
    "Reset camera to default": "視点を元に戻す",
    "Reset camera to last save": "視点を保存時に戻す",
    "Orbital rotation": "自由に回転",
    "Turntable rotation": "水平に回転",
    "Draw line": "線を描く",
    "Draw open freeform": "自由線を描く",
    "Draw closed freeform": "自由な図形を描く",
    "Draw circle": "円を描く",
    "Draw rectangle": "四角を描く",
    "Erase active shape": "選んだ図形を消す",
    "Click to enter Plot title": "クリックしてタイトルを入力",
    "Click to enter X axis title": "クリックしてX軸のタイトルを入力",
    "Click to enter Y axis title": "クリックしてY軸のタイトルを入力",
    "Click to enter Colorscale title": "クリックして色の凡例のタイトルを入力",
    "trace": "系列",
    "new text": "新しいテキスト",
    "min:": "最小:",
    "max:": "最大:",
    "median:": "中央値:",
    "mean:": "平均:",
}

JA_FORMAT: dict = {
    "days": ["日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"],
    "shortDays": ["日", "月", "火", "水", "木", "金", "土"],
    "months": [f"{month}月" for month in range(1, 13)],
    "shortMonths": [f"{month}月" for month in range(1, 13)],
    "date": "%Y/%m/%d",
    "decimal": ".",
    "thousands": ",",
}


def locale_config(lang: str) -> dict:
    """The part of a chart's plotly config that sets its language (empty for English, plotly's default)."""
    if lang != "ja":
        return {}
    return {"locale": "ja", "locales": {"ja": {"dictionary": JA_DICTIONARY, "format": JA_FORMAT}}}

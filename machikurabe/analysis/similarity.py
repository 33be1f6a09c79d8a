"""Similar programme designs: character 2-3-gram TF-IDF cosine similarity over each design's text
(name, necessity, content, targets), with the shared distinctive words (a Japanese tokenizer's whole words) that
make two designs alike."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel

# Fields of the programmes table that describe a design, in reading order.
DESIGN_FIELDS = ["programme_name", "necessity", "support_target", "support_content", "hubs", "training_target",
                 "training_content", "overview", "new_resources", "prefectural_a", "prefectural_b",
                 "outcome_targets"]

# n-grams present in more than this share of designs are template words (地域, 支援, 相談) and say
# nothing about what makes two designs alike.
MAX_DOCUMENT_SHARE = 0.3

# Headings of the MHLW plan template that some fields carry along; every design has them, so they
# would make all designs look alike.
TEMPLATE_PHRASES = [
    r"「住民に身近な圏域」において[、,]?[^。\n]*?(?:環境の整備|体制の整備)",
    r"事業内容", r"事業実施の必要性", r"取組の概要",
    r"地域住民の参加を促す活動を行う者に対する支援", r"地域住民等が相互に交流を図ることができる拠点の整備",
    r"地域住民等に対する研修の実施", r"地域住民の相談を包括的に受け止める場の(?:整備|周知)",
    r"地域の関係者等との連携による地域生活課題の早期把握",
    r"地域住民の相談を包括的に受け止める場のバックアップ体制の構築",
    r"相談支援包括化推進(?:員|会議)", r"多機関の協働による包括的支援体制構築事業", r"地域力強化推進事業",
]
_TEMPLATE_RE = re.compile("|".join(TEMPLATE_PHRASES))

# Words that survive the document-share cut but say nothing about a design's substance.
GENERIC_TERMS = {"程度", "以上", "回以上", "以下", "一方", "市内", "町内", "事業", "活動", "地区", "地域", "支援",
                 "増加", "取組", "目標", "住民", "課題", "必要", "実施", "各区", "行政"}


def clean(text: str) -> str:
    """NFKC, tags removed, and everything that is not a letter turned into a space (n-grams never span it)."""
    s = unicodedata.normalize("NFKC", text or "")
    s = re.sub(r"<[^>]+>", " ", s)
    s = _TEMPLATE_RE.sub(" ", s)
    s = re.sub(r"[^\wぁ-んァ-ヶー一-龥]|[\d_]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def design_text(row: pd.Series | dict, fields: list[str] = DESIGN_FIELDS) -> str:
    parts = [str(row.get(f)) for f in fields if row.get(f) is not None and not pd.isna(row.get(f))]
    return "\n".join(parts)


@dataclass
class DesignIndex:
    designs: pd.DataFrame          # one row per design, in matrix order; has municipality_code, programme, text
    vectorizer: TfidfVectorizer
    matrix: object                 # sparse tf-idf, rows L2-normalised
    cleaned: list[str]
    vocab: np.ndarray | None = None  # the vectoriser's n-grams, looked up once (sklearn rebuilds the list per call)


def build_index(designs: pd.DataFrame, text_column: str = "design_text") -> DesignIndex:
    """Fit the vectoriser on all designs. ``designs`` needs municipality_code, programme and ``text_column``."""
    frame = designs.reset_index(drop=True).copy()
    cleaned = [clean(t) for t in frame[text_column].fillna("")]
    max_df = MAX_DOCUMENT_SHARE if len(frame) >= 10 else 1.0
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3), sublinear_tf=True, max_df=max_df,
                                 min_df=1, norm="l2")
    matrix = vectorizer.fit_transform(cleaned)
    return DesignIndex(frame, vectorizer, matrix, cleaned, vectorizer.get_feature_names_out())


def _position(index: DesignIndex, municipality_code: str, programme: str) -> int:
    hit = index.designs.index[(index.designs["municipality_code"] == municipality_code)
                              & (index.designs["programme"] == programme)]
    if len(hit) == 0:
        raise KeyError(f"no design for {municipality_code} / {programme}")
    return int(hit[0])


_TAGGER = None
_WORDS_CACHE: dict[str, frozenset[str]] = {}
_CONTENT = re.compile(r"[ァ-ヶー一-龥A-Za-z]")
_JOINING = {"名詞", "接頭辞", "接尾辞"}  # parts of speech that make one compound word (中間+的+就労)
_TRAILING = {"等", "など", "ら", "たち", "的"}  # suffixes that carry nothing at a compound's end
_COUNTERS = {"人", "名", "件", "回", "か所", "箇所", "ヶ所", "カ所", "団体", "世帯", "年", "月", "日", "割"}  # 10人以上 → 人以上


def _tagger():
    """fugashi's MeCab with unidic-lite (the dictionary ships in the wheel; nothing is fetched)."""
    global _TAGGER
    if _TAGGER is None:
        import fugashi

        _TAGGER = fugashi.Tagger()
    return _TAGGER


def words(text: str) -> frozenset[str]:
    """The whole words of a cleaned text: each noun and each compound of adjoining nouns, prefixes and suffixes
    (サポーター養成講座, 中間的就労), with two content characters at least; a tokenizer's words, never character
    fragments (「ップ」, 「担い手の確」)."""
    cached = _WORDS_CACHE.get(text)
    if cached is not None:
        return cached
    found: set[str] = set()
    for chunk in text.split():  # clean() put spaces where digits and marks were: no word spans one
        run: list[tuple[str, str]] = []
        for token in [*_tagger()(chunk), None]:
            pos1 = token.feature.pos1 if token is not None else ""
            if token is not None and pos1 in _JOINING and token.feature.pos2 != "数詞":
                run.append((token.surface, pos1))
                continue
            # the compound and each run of its whole words (地域サポーター養成講座 → サポーター養成講座,
            # 養成講座), so two designs that word a compound a little differently still share its common part;
            # a piece never starts with a suffix nor ends with a prefix or a bare 等
            for i in range(len(run)):
                for j in range(i + 1, len(run) + 1):
                    first, last = run[i], run[j - 1]
                    if first[1] != "接尾辞" and last[1] != "接頭辞" and first[0] not in _TRAILING | _COUNTERS \
                            and last[0] not in _TRAILING:
                        found.add("".join(surface for surface, _ in run[i:j]))
            run = []
    out = frozenset(w for w in found if len(_CONTENT.findall(w)) >= 2 and w not in GENERIC_TERMS)
    if len(_WORDS_CACHE) < 4096:
        _WORDS_CACHE[text] = out
    return out


def shared_terms(index: DesignIndex, a: int, b: int, max_terms: int = 6) -> list[str]:
    """Whole words both designs use, the rarest across all designs first (a word in more than
    MAX_DOCUMENT_SHARE of the designs is template language and left out); a word inside a longer shared
    word is not repeated (サポーター養成講座, not also 養成講座)."""
    text_a, text_b = index.cleaned[a], index.cleaned[b]
    shared = words(text_a) & words(text_b)
    if not shared:
        return []
    n = len(index.cleaned)
    df = {w: sum(w in text for text in index.cleaned) for w in shared}
    limit = max(2, MAX_DOCUMENT_SHARE * n) if n >= 10 else n
    score = {w: (min(text_a.count(w), text_b.count(w)) * np.log((1 + n) / (1 + df[w])) + 1e-9)
             for w in shared if df[w] <= limit}
    ranked = sorted(score, key=lambda w: (-score[w], -len(w), w))
    out: list[str] = []
    for word in ranked:
        if any(word in kept for kept in out):
            continue
        out = [kept for kept in out if kept not in word] + [word]
        if len(out) >= max_terms:
            break
    return out


def most_similar(index: DesignIndex, municipality_code: str, programme: str, top_n: int = 5,
                 same_programme_only: bool = False) -> pd.DataFrame:
    """The designs of OTHER bodies closest to the chosen one, best first, with score and shared terms."""
    pos = _position(index, municipality_code, programme)
    scores = linear_kernel(index.matrix[pos], index.matrix).ravel()
    frame = index.designs.copy()
    frame["similarity"] = scores
    mask = frame["municipality_code"] != municipality_code
    if same_programme_only:
        mask &= frame["programme"] == programme
    frame = frame[mask].sort_values("similarity", ascending=False).head(top_n)
    frame["shared_terms"] = [" / ".join(shared_terms(index, pos, int(i))) for i in frame.index]
    return frame.reset_index(drop=True)

"""Similar programme designs: character 2-3-gram TF-IDF cosine similarity over each design's text
(name, necessity, content, targets), with the shared distinctive terms that make two designs alike."""
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


def shared_terms(index: DesignIndex, a: int, b: int, top_ngrams: int = 25, max_terms: int = 6) -> list[str]:
    """Readable strings both designs share, ranked by the product of their tf-idf weights.

    The best n-grams are located in design a's cleaned text and overlapping or touching hits are
    merged into one span, so 中間, 間的, 的就, 就労 come back as 中間的就労.
    """
    row_a, row_b = index.matrix[a], index.matrix[b]
    product = row_a.multiply(row_b).tocsr()
    if product.nnz == 0:
        return []
    order = np.argsort(product.data)[::-1][:top_ngrams]
    vocab = index.vocab if index.vocab is not None else index.vectorizer.get_feature_names_out()
    weights = {vocab[product.indices[i]].strip(): float(product.data[i]) for i in order}
    weights = {g: w for g, w in weights.items() if len(g) >= 2}
    text = index.cleaned[a]
    other = index.cleaned[b]
    covered = np.zeros(len(text), dtype=float)
    for gram, w in weights.items():
        for m in re.finditer(re.escape(gram), text):
            covered[m.start():m.end()] = np.maximum(covered[m.start():m.end()], w)
    spans: dict[str, float] = {}
    i = 0
    while i < len(text):
        if covered[i] > 0:
            j = i
            while j < len(text) and covered[j] > 0:
                j += 1
            span = text[i:j].strip()
            # keep spans the other design really contains; trim to the longest shared piece otherwise
            while len(span) > 2 and span not in other:
                span = span[:-1] if covered[i + len(span) - 1] <= covered[i] else span[1:]
            if len(span) >= 2 and span in other:
                spans[span] = max(spans.get(span, 0.0), float(covered[i:j].sum()))
            i = j
        else:
            i += 1
    readable: dict[str, float] = {}
    for span, w in spans.items():
        # particles at the edges (の場を → 場) carry no meaning; keep spans with two content characters
        span = re.sub(r"^[ぁ-んー等]+|[ぁ-ん]+$", "", span)
        if len(re.findall(r"[ァ-ヶー一-龥A-Za-z]", span)) >= 2 and span not in GENERIC_TERMS:
            readable[span] = max(readable.get(span, 0.0), w)
    ranked = sorted(readable.items(), key=lambda kv: (-kv[1], -len(kv[0])))
    out: list[str] = []
    for span, _ in ranked:
        if any(span in kept for kept in out):
            continue
        out = [kept for kept in out if kept not in span] + [span]
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

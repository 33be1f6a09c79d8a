"""How well the target classifier agrees with the blind hand labels (tests/data/targets_labelled_v2.csv), per field,
against a trained alternative measured out of sample.

* The rules (machikurabe.analysis.target_rules, applied by the build and joined to the labels as
  machikurabe.ingest.target_agreement does) were tuned on these same labels and no rows were held out of the tuning,
  so their figures are IN-SAMPLE: an upper bound on what they would score on new plans.
* The alternative, character n-grams (TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3))) + LogisticRegression,
  is measured by 5-fold cross-validation (shuffled, fixed seed) on the same rows: each row is predicted by a model
  that never saw it.

Both are scored on the labelled targets the build extracted (the rows the rules can be compared on), by percent
agreement and Cohen's kappa (agreement beyond chance). Numbers and field ids only; the words are in the ui.

``python -m machikurabe.ingest.target_agreement_report`` joins the labels to the built targets, recomputes the table
and writes machikurabe/analysis/target_agreement.csv, which the データと方法 page reads (the page never refits).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import cohen_kappa_score
from sklearn.model_selection import KFold, cross_val_predict
from sklearn.pipeline import make_pipeline

FIELDS = ("kind", "category", "pillar", "logic_level")
METHODS = ("rules", "model")
FOLDS = 5
SEED = 20260421
STORED = Path(__file__).with_name("target_agreement.csv")


def model() -> object:
    return make_pipeline(TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True),
                         LogisticRegression(max_iter=2000, C=10.0, random_state=SEED))


def cross_validated(texts: pd.Series, labels: pd.Series) -> np.ndarray:
    """Each row's label predicted by a model fitted on the other folds (5-fold, shuffled with a fixed seed)."""
    folds = KFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    return cross_val_predict(model(), texts.to_numpy(), labels.to_numpy(), cv=folds)


def report(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per field and method: n, agreement (0–1), kappa, and whether it is out of sample. ``rows``: the
    labelled targets matched to an extracted one, with the label (``field``), the rules' output (``pred_field``) and
    the labelled ``text``."""
    out = []
    for field in FIELDS:
        truth = rows[field].astype(str)
        predicted = {"rules": rows[f"pred_{field}"].astype(str),
                     "model": pd.Series(cross_validated(rows["text"].astype(str), truth), index=rows.index)}
        for method in METHODS:
            guess = predicted[method]
            out.append({"field": field, "method": method, "n": len(rows),
                        "agreement": float((guess == truth).mean()),
                        "kappa": float(cohen_kappa_score(truth, guess)),
                        "out_of_sample": method == "model"})
    return pd.DataFrame(out)


def stored() -> pd.DataFrame:
    """The table as last written by this module's main (what the app shows)."""
    return pd.read_csv(STORED)

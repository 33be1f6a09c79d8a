"""``python -m machikurabe.ingest.target_agreement_report``: the rules' and the char-n-gram model's agreement with the
blind hand labels per field (rules in-sample, model 5-fold CV; see machikurabe.analysis.target_agreement_report),
printed and written to machikurabe/analysis/target_agreement.csv for the データと方法 page."""
from __future__ import annotations

import sys

import pandas as pd

from machikurabe.analysis import target_agreement_report as agreement
from machikurabe.ingest import target_agreement


def matched_targets() -> pd.DataFrame:
    """The labelled targets the build extracted, with the label (field) and the rules' output (pred_field)."""
    joined = target_agreement.evaluate()["joined"]
    return joined[(joined["is_target"] == "target") & joined["pred_target_id"].notna()].reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    table = agreement.report(matched_targets())
    table.to_csv(agreement.STORED, index=False, float_format="%.4f")
    wide = table.pivot(index="field", columns="method", values=["agreement", "kappa"]).reindex(list(agreement.FIELDS))
    print(f"n = {int(table['n'].iloc[0])} labelled targets; rules in-sample, model {agreement.FOLDS}-fold CV "
          f"(seed {agreement.SEED})")
    print(wide.round(3).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Build data/municipal.duckdb from the project's own copies of the sources (data/raw/) and the gazetteer (geo/).

Run: `python -m machikurabe.ingest.build --out data/municipal.duckdb` (what `make data` does). It writes to a temporary
file and renames it at the end, so an interrupted or failed build never leaves a half-written database behind.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd

from machikurabe.ingest import plans_parser as pp
from machikurabe.ingest import targets as targets_module
from machikurabe.ingest.gazetteer import Gazetteer, UnknownBody
from machikurabe.ingest.national import build_national
from machikurabe.ingest.national import insert_frame as _insert
from machikurabe.paths import DEFAULT_DB, RAW_DIR

PLANS_FILE = "003_432db8467158d625.txt"
SCHEMA = Path(__file__).resolve().parent / "schema.sql"

DOCUMENTS = [
    # id, file, title, code, body, kind, note
    ("000", "000_e717455c1e414ceb.txt", "生活困窮者支援等のための地域づくり事業 業務委託の内容（仕様書抜粋）",
     "12203", "市川市", "csw_specification", "Ichikawa City: community social worker (CSW) specification"),
    ("001", "001_50f9b073ade0bb8b.txt", "第二次長野市地域福祉計画 第3章 どのように地域福祉を推進していくのか",
     "20201", "長野市", "welfare_plan", "Nagano City: indicators with H21 baseline and H27 target"),
    ("002", "002_51d8b74d7785360a.txt", "令和6年度地域福祉コーディネーター事業等の概要",
     "13208", "調布市", "programme_overview", "Chofu City: quantitative and qualitative targets, FY2024"),
    ("003", PLANS_FILE, "令和元年度 地域共生社会の実現に向けた包括的支援体制構築事業 実施計画（モデル事業）",
     None, None, "plans_compilation", "FY2019 MHLW model-project plans of 63 bodies: the main data source"),
    ("004", "004_fa6651451900410b.txt", "社協・生活支援まちづくり Report（第4号）",
     "04000", "宮城県", "council_report",
     "Doubtful body: the text names 宮崎県社会福祉協議会 (lines 7, 89) but its project slogan "
     "「集おう！みやぎのオール社協」 (line 80) points to Miyagi (宮城県); recorded as 宮城県 with this doubt"),
]

TARGETS_SCHEMA = Path(__file__).resolve().parent / "targets_schema.sql"


class BuildError(RuntimeError):
    pass


def _stage(message: str) -> float:
    print(f"[build] {message}", flush=True)
    return time.perf_counter()


def bodies_to_frames(bodies: list[pp.Body], gazetteer: Gazetteer, source_file: str) -> dict[str, pd.DataFrame]:
    municipalities, programmes, texts, quality = [], [], [], []
    seen_codes: dict[str, int] = {}
    for body in bodies:
        try:
            match = gazetteer.match(body.prefecture, body.name_printed)
        except UnknownBody as exc:
            raise BuildError(f"{source_file}:{body.source_line}: {exc}") from exc
        if match.code in seen_codes:
            raise BuildError(
                f"{source_file}:{body.source_line}: {match.name} already read at line {seen_codes[match.code]}"
            )
        seen_codes[match.code] = body.source_line
        if match.alias_note:
            quality.append(pp.QualityRow("name", body.name_printed, match.name, "name_alias", body.source_line, match.alias_note))
        values = body.values
        density = None
        if values.get("population") and values.get("area_km2"):
            density = round(values["population"] / values["area_km2"], 1)
        runs = [
            p for p in pp.PROGRAMMES
            if p in body.programmes and (body.programmes[p].has_content or body.programmes[p].marked)
        ]
        municipalities.append(
            {
                "code": match.code,
                "prefecture": body.prefecture,
                "name": match.name,
                "name_printed": body.name_printed,
                "name_kana": match.name_kana,
                "name_romaji": match.name_romaji,
                "kind": match.kind,
                **{k: values.get(k) for k in pp.NUMERIC_FIELDS},
                "density_per_km2": density,
                **{k: body.texts.get(k) for k in (*pp.TEXT_FIELDS, "basic_info_notes", "local_features", "vision_aim", "vision_change")},
                "lat": match.lat,
                "lon": match.lon,
                "coord_source": match.coord_source,
                "programme_count": len(runs),
                "source_file": source_file,
                "source_line": body.source_line,
            }
        )
        for name in runs:
            section = body.programmes[name]
            count_raw = section.text("promoter_count_raw")
            promoter_count = None
            if name == "multi_agency":
                promoter_count, _, rules = pp.parse_promoter_count(count_raw)
                for rule, note in rules:
                    quality.append(pp.QualityRow("promoter_count", count_raw, None if promoter_count is None else str(promoter_count),
                                                 rule, section.first_line("promoter_count_raw") or section.section_line, note))
            population_raw = section.text("target_area_population_raw")
            target_population, rules = pp.parse_area_population(population_raw)
            for rule, note in rules:
                quality.append(pp.QualityRow("target_area_population", population_raw,
                                             None if target_population is None else str(target_population),
                                             rule, section.first_line("target_area_population_raw"), note))
            implementer = section.text("implementer")
            contractor = None
            if implementer:
                import re

                found = re.search(r"[(（]\s*(?:委託先\s*[:：]\s*)?([^()（）]+)[)）]", implementer)
                contractor = found.group(1).strip() if found else None
            prefectural_a = prefectural_b = None
            if name == "prefectural":
                part_a, part_b = section.first_line("prefectural_a_heading"), section.first_line("prefectural_b_heading")
                end = section.first_line("outcome_targets")
                prefectural_a = section.region_text(part_a, part_b or end)
                prefectural_b = section.region_text(part_b, end)
            programmes.append(
                {
                    "municipality_code": match.code,
                    "programme": name,
                    "marked": section.marked,
                    "has_content": section.has_content,
                    "section_line": section.section_line,
                    "implementer": implementer,
                    "contractor": contractor,
                    "programme_name": section.text("programme_name"),
                    "necessity": section.text("necessity"),
                    "target_area": section.text("target_area"),
                    "target_area_scope": section.text("target_area_scope"),
                    "target_area_population": target_population,
                    "support_target": section.text("support_target"),
                    "support_content": section.text("support_content"),
                    "hubs": section.text("hubs"),
                    "hub_operator": section.text("hub_operator"),
                    "training_target": section.text("training_target"),
                    "training_content": section.text("training_content"),
                    "funding": section.text("funding"),
                    "linked_programmes": section.text("linked_programmes"),
                    "consultation_place": section.text("consultation_place"),
                    "outcome_targets": section.text("outcome_targets"),
                    "promoter_count": promoter_count,
                    "promoter_count_raw": count_raw,
                    "promoter_backgrounds": section.text("promoter_backgrounds"),
                    "promoter_agency": section.text("promoter_agency"),
                    "overview": section.text("overview"),
                    "meeting_case_review": section.text("meeting_case_review"),
                    "meeting_network": section.text("meeting_network"),
                    "new_resources": section.text("new_resources"),
                    "prefectural_a": prefectural_a,
                    "prefectural_b": prefectural_b,
                }
            )
            for piece in section.pieces:
                if piece.text:
                    texts.append(
                        {"municipality_code": match.code, "programme": name, "field": piece.field,
                         "text": piece.text, "source_line": piece.source_line}
                    )
        for row in body.quality:
            quality.append(row)
            row.municipality_code = match.code  # type: ignore[attr-defined]
    for row in quality:
        if not hasattr(row, "municipality_code"):
            row.municipality_code = next(  # type: ignore[attr-defined]
                m["code"] for m in municipalities if m["source_line"] <= (row.source_line or 0)
                and all(not (m2["source_line"] > m["source_line"] and m2["source_line"] <= (row.source_line or 0)) for m2 in municipalities)
            )
    quality_frame = pd.DataFrame(
        [
            {"municipality_code": r.municipality_code, "field": r.field, "raw_value": r.raw_value, "value": r.value,  # type: ignore[attr-defined]
             "rule": r.rule, "source_line": r.source_line, "note": r.note or None}
            for r in quality
        ],
        columns=["municipality_code", "field", "raw_value", "value", "rule", "source_line", "note"],
    )
    return {
        "municipalities": pd.DataFrame(municipalities),
        "programmes": pd.DataFrame(programmes),
        "programme_texts": pd.DataFrame(texts, columns=["municipality_code", "programme", "field", "text", "source_line"]),
        "data_quality": quality_frame,
    }


def documents_frame(raw_dir: Path) -> pd.DataFrame:
    rows = []
    for doc_id, file_name, title, code, body, kind, note in DOCUMENTS:
        if not (raw_dir / file_name).exists():
            raise BuildError(f"{raw_dir / file_name}: source document missing (copy it from the seeds into data/raw/)")
        rows.append({"id": doc_id, "title": title, "municipality_code": code, "body_name": body, "kind": kind,
                     "file_name": file_name, "note": note})
    return pd.DataFrame(rows)



def build(out: Path, raw_dir: Path = RAW_DIR) -> dict[str, object]:
    started = _stage(f"reading {raw_dir / PLANS_FILE}")
    bodies = pp.parse_plans(raw_dir / PLANS_FILE)
    _stage(f"parsed {len(bodies)} body blocks")
    gazetteer = Gazetteer.load()
    frames = bodies_to_frames(bodies, gazetteer, PLANS_FILE)
    frames["documents"] = documents_frame(raw_dir)
    _stage("matched every body to the official code list")
    targets = targets_module.build_targets(raw_dir, frames["programme_texts"], frames["municipalities"])
    _stage(f"extracted {len(targets)} targets")
    extraction = targets_module.extraction_counts(targets)
    tmp = out.with_name(out.name + ".tmp")
    for stale in (tmp, Path(str(tmp) + ".wal")):
        stale.unlink(missing_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        con.execute(SCHEMA.read_text(encoding="utf-8"))
        for table in ("municipalities", "programmes", "programme_texts", "data_quality", "documents"):
            _insert(con, table, frames[table])
        con.execute(TARGETS_SCHEMA.read_text(encoding="utf-8"))
        _insert(con, "targets", targets)
        # the stored agreement figures (analysis/target_agreement_report.py writes them; refitting takes minutes) go
        # into the database, so the app reads nothing at run time but the database and the shipped geo files
        from machikurabe.analysis import target_agreement_report

        con.register("agreement_frame", target_agreement_report.stored())
        con.execute("INSERT INTO target_agreement SELECT field, method, n, agreement, kappa, out_of_sample "
                    "FROM agreement_frame")
        con.unregister("agreement_frame")
        # national baseline (SSDSE-A, 類似団体区分) into the same file: machikurabe/ingest/national.py
        national = build_national(con, frames["municipalities"], gazetteer.frame, raw_dir)
        _stage("national baseline: " + ", ".join(f"{k} {v}" for k, v in national.items()))
        info = {
            "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "source_file": PLANS_FILE,
            "bodies": str(len(frames["municipalities"])),
        }
        con.executemany("INSERT INTO build_info VALUES (?, ?)", list(info.items()))
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, out)
    municipalities = frames["municipalities"]
    summary = {
        "bodies": len(municipalities),
        "municipalities": int((municipalities["kind"] != "prefecture").sum()),
        "prefectures": int((municipalities["kind"] == "prefecture").sum()),
        "programmes": dict(Counter(frames["programmes"]["programme"])),
        "data_quality": dict(Counter(frames["data_quality"]["rule"]).most_common()),
        "targets": None if targets is None else len(targets),
        "target_extraction": extraction,
        "national": national,
        "seconds": round(time.perf_counter() - started, 2),
    }
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_DB)
    parser.add_argument("--raw-dir", type=Path, default=RAW_DIR)
    args = parser.parse_args(argv)
    try:
        summary = build(args.out, args.raw_dir)
    except (pp.SourceError, BuildError, FileNotFoundError, ValueError) as exc:
        print(f"[build] FAILED: {exc}", file=sys.stderr)
        return 2
    print(f"[build] wrote {args.out} in {summary['seconds']} s")
    print(f"[build] bodies: {summary['bodies']} ({summary['municipalities']} municipalities, {summary['prefectures']} prefectures)")
    print("[build] programmes: " + ", ".join(f"{k} {v}" for k, v in summary["programmes"].items()))
    if summary["targets"] is not None:
        print(f"[build] targets: {summary['targets']}")
        print("[build] target rows by extraction rule:")
        for rule, count in sorted(summary["target_extraction"]["kept"].items(), key=lambda kv: -kv[1]):
            print(f"          {rule:<28} {count}")
        print("[build] printed pieces dropped, moved to a note or joined, by rule:")
        for rule, count in sorted(summary["target_extraction"]["dropped"].items(), key=lambda kv: -kv[1]):
            print(f"          {rule:<28} {count}")
    print("[build] data_quality rows by rule:")
    for rule, count in summary["data_quality"].items():
        print(f"          {rule:<28} {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Print the dependency table of docs/licences.md from the installed packages' metadata (not from memory).

Run with the project's environment:  .venv/bin/python docs/licence_table.py
Reads pyproject.toml (dependencies, the ``test`` extra, build-system requires), follows each requirement's own
requirements (markers evaluated for this platform, no extras), and prints one Markdown row per distribution with the
licence as its metadata declares it: ``License-Expression``, else a one-line ``License`` field, else the
``License ::`` classifiers. The MIT-compatibility column is a reading of that licence (see docs/licences.md).
"""
from __future__ import annotations

import importlib.metadata as md
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]

PERMISSIVE = ("MIT", "BSD", "Apache", "PSF", "ISC", "Zlib", "0BSD", "CC0", "ZPL", "MIT-CMU", "Python Software")


def declared_licence(dist: md.Distribution) -> tuple[str, str]:
    """(licence, metadata field it came from)."""
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip(), "License-Expression"
    text = (meta.get("License") or "").strip()
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if text and "\n" not in text and len(text) <= 40:
        return text, "License"
    if classifiers:
        return " / ".join(classifiers), "classifier"
    if text:
        return text.splitlines()[0].strip()[:60] + " …", "License (first line)"
    return "not declared", "—"


def compatibility(licence: str) -> str:
    if "GPL" in licence and "LGPL" not in licence:
        return "**no** (strong copyleft)"
    if "MPL" in licence or "Mozilla" in licence:
        return "yes (MPL-2.0: file-level copyleft; used unmodified)"
    if any(word in licence for word in PERMISSIVE):
        return "yes (permissive)"
    return "check"


def closure(requirements: list[Requirement]) -> dict[str, tuple[md.Distribution | None, str | None]]:
    """name -> (installed distribution or None, the package that required it; None for a direct requirement)."""
    found: dict[str, tuple[md.Distribution | None, str | None]] = {}
    stack = [(r, None) for r in reversed(requirements)]
    while stack:
        requirement, parent = stack.pop()
        name = canonicalize_name(requirement.name)
        if name in found:
            continue
        try:
            dist = md.distribution(requirement.name)
        except md.PackageNotFoundError:
            found[name] = (None, parent)
            continue
        found[name] = (dist, parent)
        for line in dist.requires or []:
            sub = Requirement(line)
            if sub.marker is None or sub.marker.evaluate({"extra": ""}):
                stack.append((sub, name))
    return found


def rows(title: str, entries: dict, direct: dict[str, str]) -> list[str]:
    out = [f"\n#### {title}\n", "| package | requirement / pulled in by | installed | licence (metadata field) | MIT-compatible |",
           "|---|---|---|---|---|"]
    for name in sorted(entries):
        dist, parent = entries[name]
        how = f"`{direct[name]}`" if name in direct else f"via {parent}"
        if dist is None:
            out.append(f"| {name} | {how} | not installed | — | — |")
            continue
        licence, field = declared_licence(dist)
        out.append(f"| {name} | {how} | {dist.version} | {licence} ({field}) | {compatibility(licence)} |")
    return out


def main() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    run = [Requirement(r) for r in project["project"]["dependencies"]]
    test = [Requirement(r) for r in project["project"]["optional-dependencies"]["test"]]
    build = [Requirement(r) for r in project["build-system"]["requires"]]
    direct = {canonicalize_name(r.name): str(r) for r in run + test + build}
    run_all, test_all, build_all = closure(run), closure(test), closure(build)
    run_names = {canonicalize_name(r.name) for r in run}
    test_names = {canonicalize_name(r.name) for r in test}
    lines = []
    lines += rows("Run time: `[project] dependencies`", {n: run_all[n] for n in run_names}, direct)
    lines += rows("Tests: the `test` extra", {n: test_all[n] for n in test_names}, direct)
    lines += rows("Build: `[build-system] requires`", build_all, direct)
    lines += rows("Run time, pulled in by the above", {n: v for n, v in run_all.items() if n not in run_names}, direct)
    lines += rows("Tests only, pulled in by the test extra",
                  {n: v for n, v in test_all.items() if n not in run_all and n not in test_names}, direct)
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())

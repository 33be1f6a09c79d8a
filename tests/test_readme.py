"""Issue 22: a README a newcomer reads in ten minutes (under 250 lines), the rest in docs/, every link resolving."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
LINK = re.compile(r"\]\(([^)#\s]+)(#[^)\s]*)?\)")


def _anchors(markdown: str) -> set[str]:
    """GitHub's heading anchors: lower case, spaces to hyphens, punctuation dropped."""
    out = set()
    for heading in re.findall(r"(?m)^#+ (.+)$", markdown):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        out.add(slug)
    return out


def test_the_readme_is_short():
    assert len(README.splitlines()) < 250


def test_every_local_link_in_the_readme_and_docs_resolves():
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    missing = []
    for path in files:
        for target, anchor in LINK.findall(path.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", target):
                continue  # an address outside the repository (none should be needed)
            resolved = (path.parent / target).resolve()
            if not resolved.exists():
                missing.append(f"{path.name}: {target}")
            elif anchor and resolved.suffix == ".md" and anchor[1:] not in _anchors(resolved.read_text(encoding="utf-8")):
                missing.append(f"{path.name}: {target}{anchor}")
    assert missing == []


def test_the_readme_links_every_topic_in_docs():
    for name in ("layout", "data", "national-baseline", "pages", "targets", "targets_codebook", "testing", "bench",
                 "deployment", "licences"):
        assert f"(docs/{name}.md" in README, name

"""The package layout's import rules, read from the source with ``ast`` (nothing is imported):

(a) machikurabe/analysis/ is plain logic: no module there imports streamlit or plotly, neither itself (anywhere in
    the file) nor through the machikurabe modules it imports (followed transitively, by what runs at import time);
(a') machikurabe/analysis/ returns numbers with metadata, never worded text: no module there imports machikurabe.i18n,
    itself or through another machikurabe module (the same search); the words live in machikurabe/ui/;
(b) only machikurabe/ingest/ (build time) imports machikurabe.ingest: not analysis, ui, i18n, the top-level
    modules, pages/ or app.py;
(c) every module under machikurabe/ opens with a docstring;
(d) the app reads no build inputs at run time: no module outside machikurabe/ingest/ names data/raw, the
    gazetteer CSV or a .txt file, directly or through the machikurabe.paths constant for it;
(e) no import circle among machikurabe's modules, app.py and pages/: every import counts, also one inside a function
    (a deferred import hides a circle from the interpreter, not from the reader).

A module that still breaks a rule is listed in KNOWN_* below and its case is xfail(strict=True): when the module is
fixed the case passes, the run fails, and the entry must be removed.
"""
from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "machikurabe"
UI_FRAMEWORKS = {"streamlit", "plotly"}

# module -> why it is known to break the rule (work in progress elsewhere); remove an entry when it is fixed
KNOWN_UI_IN_ANALYSIS: dict[str, str] = {}
KNOWN_I18N_IN_ANALYSIS: dict[str, str] = {}
KNOWN_INGEST_AT_RUN_TIME = {
}
KNOWN_BUILD_INPUT_READERS: dict[str, str] = {}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _package_files() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in p.parts}


MODULES = _package_files()  # machikurabe's own modules, by dotted name
APP_FILES = {**MODULES, **{_module_name(p): p for p in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]}}


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _is_package(name: str) -> bool:
    return MODULES.get(name, Path()).name == "__init__.py"


def _imports(name: str, path: Path, import_time_only: bool) -> set[str]:
    """Dotted names imported by a module; with ``import_time_only``, not the imports inside functions."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if import_time_only and isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level:  # relative: resolve against the module's package
                    package = name if _is_package(name) else name.rpartition(".")[0]
                    for _ in range(child.level - 1):
                        package = package.rpartition(".")[0]
                    base = ".".join(filter(None, [package, child.module]))
                else:
                    base = child.module or ""
                found.add(base)
                # "from machikurabe.ui import charts" imports the module machikurabe.ui.charts
                found.update(f"{base}.{alias.name}" for alias in child.names if f"{base}.{alias.name}" in MODULES)
            visit(child)

    visit(_tree(path))
    return found


def _with_parents(name: str) -> list[str]:
    """Importing a.b.c runs a/__init__, a/b/__init__ and a/b/c: the machikurabe modules among them."""
    parts = name.split(".")
    return [m for m in (".".join(parts[:i]) for i in range(1, len(parts) + 1)) if m in MODULES]


def _ui_chain(name: str) -> list[str] | None:
    """The import chain from an analysis module to streamlit or plotly, or None."""
    return _chain(name, lambda imported: imported.split(".")[0] in UI_FRAMEWORKS)


def _i18n_chain(name: str) -> list[str] | None:
    """The import chain from an analysis module to machikurabe.i18n (or any module of it), or None."""
    return _chain(name, lambda imported: imported == "machikurabe.i18n" or imported.startswith("machikurabe.i18n."))


def _chain(name: str, forbidden) -> list[str] | None:
    """The import chain from ``name`` to a module for which ``forbidden`` is true, or None."""
    seen: set[str] = set()

    def search(module: str, chain: list[str], import_time_only: bool) -> list[str] | None:
        for imported in sorted(_imports(module, MODULES[module], import_time_only)):
            if forbidden(imported):
                return [*chain, imported]
            for target in _with_parents(imported):
                if target not in seen:
                    seen.add(target)
                    found = search(target, [*chain, target], import_time_only=True)
                    if found:
                        return found
        return None

    seen.add(name)
    # the analysis module itself may not import them anywhere, not even inside a function
    return search(name, [name], import_time_only=False)


def _cases(names, known: dict[str, str]):
    return [pytest.param(n, id=n, marks=[pytest.mark.xfail(strict=True, reason=f"known: {n} {known[n]}")]
                         if n in known else []) for n in names]


ANALYSIS = [n for n in MODULES if n.startswith("machikurabe.analysis.")]
OUTSIDE_INGEST = [n for n in APP_FILES if n != "machikurabe.ingest" and not n.startswith("machikurabe.ingest.")]


def test_the_rules_see_the_whole_layout():
    assert len(ANALYSIS) > 10 and "machikurabe.analysis.profile" in ANALYSIS
    assert {"app", "pages.overview", "machikurabe.db", "machikurabe.ui.charts", "machikurabe.i18n"} <= set(
        OUTSIDE_INGEST)
    assert "machikurabe.ingest.build" in MODULES and "machikurabe.ingest.build" not in OUTSIDE_INGEST
    for known in (KNOWN_UI_IN_ANALYSIS, KNOWN_I18N_IN_ANALYSIS, KNOWN_INGEST_AT_RUN_TIME, KNOWN_BUILD_INPUT_READERS):
        assert set(known) <= set(APP_FILES), "a KNOWN_* entry names a module that no longer exists"


def test_the_transitive_search_finds_ui_through_another_module():
    # ui.peer_charts imports plotly itself and is imported by ui.national_peer_view: the chain is followed
    assert _ui_chain("machikurabe.ui.national_peer_view")[-1].split(".")[0] in UI_FRAMEWORKS


# --- (a) -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("module", _cases(ANALYSIS, KNOWN_UI_IN_ANALYSIS))
def test_analysis_imports_no_streamlit_or_plotly(module):
    chain = _ui_chain(module)
    assert chain is None, " -> ".join(chain)


@pytest.mark.parametrize("module", _cases(ANALYSIS, KNOWN_I18N_IN_ANALYSIS))
def test_analysis_imports_no_i18n(module):
    chain = _i18n_chain(module)
    assert chain is None, " -> ".join(chain)


def test_the_i18n_search_finds_a_direct_and_a_transitive_import():
    # the rule can fail: ui.summary_view imports i18n itself, ui.report reaches it through ui.peer_charts
    assert _i18n_chain("machikurabe.ui.summary_view")[-1].startswith("machikurabe.i18n")
    chain = _i18n_chain("machikurabe.ui.report")
    assert len(chain) > 2 and chain[-1].startswith("machikurabe.i18n")


# --- (b) -------------------------------------------------------------------------------------------------------

def _ingest_imports(module: str) -> list[str]:
    names = _imports(module, APP_FILES[module], import_time_only=False)
    return sorted(n for n in names if n == "machikurabe.ingest" or n.startswith("machikurabe.ingest."))


@pytest.mark.parametrize("module", _cases(OUTSIDE_INGEST, KNOWN_INGEST_AT_RUN_TIME))
def test_only_ingest_imports_ingest(module):
    assert _ingest_imports(module) == []


# --- (c) -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_opens_with_a_docstring(module):
    docstring = ast.get_docstring(_tree(MODULES[module]))
    assert docstring and docstring.strip(), f"{MODULES[module].relative_to(ROOT)} has no module docstring"


# --- (d) -------------------------------------------------------------------------------------------------------

# a path to a source text (003_….txt, *.txt under data/raw); a bare ".txt" suffix (an accepted upload type) is not one
BUILD_INPUT_TEXT = re.compile(r"data/raw|gazetteer\.csv|[\w*]\.txt\b")


def _build_input_constants() -> set[str]:
    """The names in machikurabe/paths.py that point at build inputs (data/raw, the gazetteer CSV, .txt files)."""
    names: set[str] = set()
    for node in _tree(MODULES["machikurabe.paths"]).body:
        if isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) for t in node.targets):
            used = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}
            texts = [c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant) and isinstance(c.value, str)]
            if used & names or any(t == "raw" or BUILD_INPUT_TEXT.search(t) for t in texts):
                names.update(t.id for t in node.targets)
    return names


BUILD_INPUT_CONSTANTS = _build_input_constants()


def _docstring_nodes(tree: ast.Module) -> set[int]:
    nodes = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                nodes.add(id(first.value))
    return nodes


def _build_inputs_named(module: str) -> list[str]:
    tree = _tree(APP_FILES[module])
    docstrings = _docstring_nodes(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "machikurabe.paths":
            found += [f"machikurabe.paths.{a.name}" for a in node.names if a.name in BUILD_INPUT_CONSTANTS]
        elif isinstance(node, ast.Attribute) and node.attr in BUILD_INPUT_CONSTANTS:
            found.append(f"….{node.attr}")
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
              and BUILD_INPUT_TEXT.search(node.value)):
            found.append(repr(node.value))
    return found


def test_paths_names_the_build_inputs():
    assert {"RAW_DIR", "GAZETTEER_CSV"} <= BUILD_INPUT_CONSTANTS
    assert "DEFAULT_DB" not in BUILD_INPUT_CONSTANTS and "QUERIES_DIR" not in BUILD_INPUT_CONSTANTS


@pytest.mark.parametrize("module", _cases([n for n in OUTSIDE_INGEST if n != "machikurabe.paths"],
                                          KNOWN_BUILD_INPUT_READERS))
def test_app_reads_no_build_inputs_at_run_time(module):
    assert _build_inputs_named(module) == []


# --- (e) -------------------------------------------------------------------------------------------------------

def _own_module(imported: str) -> str | None:
    """The module of machikurabe, app.py or pages/ that an imported dotted name is or lies in (its longest prefix)."""
    parts = imported.split(".")
    for i in range(len(parts), 0, -1):
        if ".".join(parts[:i]) in APP_FILES:
            return ".".join(parts[:i])
    return None


def _import_graph() -> dict[str, set[str]]:
    """module -> the machikurabe / app / pages modules it imports anywhere in its file (not itself)."""
    return {name: {m for imported in _imports(name, path, import_time_only=False)
                   if (m := _own_module(imported)) and m != name}
            for name, path in APP_FILES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One circle (a → … → a) through each strongly connected group of two or more modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            connect(node)

    def circle(group: set[str]) -> list[str]:
        start = min(group)
        paths = {start: [start]}
        queue = [start]
        while queue:  # shortest way back to start inside the group
            node = queue.pop(0)
            for target in sorted(graph[node] & group):
                if target == start:
                    return [*paths[node], start]
                if target not in paths:
                    paths[target] = [*paths[node], target]
                    queue.append(target)
        raise AssertionError(group)

    return sorted(circle(g) for g in groups)


def test_the_cycle_search_finds_a_circle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e2"}, "e2": {"e"}}
    assert _cycles(graph) == [["a", "b", "c", "a"], ["e", "e2", "e"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_import_graph_sees_deferred_and_page_imports():
    graph = _import_graph()
    assert "machikurabe.i18n" in graph["machikurabe.stat_table"]  # imported inside a function
    assert "machikurabe.ui.st_data" in graph["pages.overview"]


def test_no_import_circles():
    cycles = _cycles(_import_graph())
    assert cycles == [], "import circles: " + "; ".join(" → ".join(c) for c in cycles)

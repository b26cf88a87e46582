"""The house rules of extractor/: stages import only earlier stages, no package imports itself in a circle,
the catalog needs no stage, and no module grows past what a reader takes in at once."""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "extractor"
# the pipeline's stages in order; a stage may import itself and the stages before it
STAGES = ["read", "find", "grid", "mapping", "reconcile", "write"]
MAX_LINES = 400


def _name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the extractor modules it imports (``from x import y`` counts x.y where that is a module)."""
    modules = {_name(p, package.parent): p for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for mod, path in modules.items():
        pkg = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = pkg.split(".")[: len(pkg.split(".")) - node.level + 1] if node.level else []
                target = ".".join(base + ([node.module] if node.module else [])) if node.level else node.module or ""
                named = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in modules]
                graph[mod].update(named or ([target] if target in modules else []))
            elif isinstance(node, ast.Import):
                graph[mod].update(a.name for a in node.names if a.name in modules)
    return graph


def _stage(mod: str) -> str | None:
    parts = mod.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES + ["catalog"] else None


def upward_imports(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    out = []
    for mod, targets in graph.items():
        here = _stage(mod)
        for t in targets:
            there = _stage(t)
            if here == "catalog" and there in STAGES:
                out.append((mod, t))
            elif here in STAGES and there in STAGES and STAGES.index(there) > STAGES.index(here):
                out.append((mod, t))
    return sorted(out)


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every circle of imports found by a depth-first walk (a package importing its own submodule and
    that submodule importing the package's name counts)."""
    found, state = [], {}

    def walk(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt == node:
                continue
            if state.get(nxt) == 1:
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                walk(nxt, stack)
        stack.pop()
        state[node] = 2

    for mod in sorted(graph):
        if mod not in state:
            walk(mod, [])
    return found


def test_no_stage_imports_a_later_one():
    assert upward_imports(import_graph()) == []


def test_no_import_cycles():
    assert cycles(import_graph()) == []


def test_the_checker_sees_a_cycle_and_an_upward_import(tmp_path):
    """The two checks above fail where the rule is broken (a tree written here, not the project's)."""
    pkg = tmp_path / "extractor"
    for sub in ("find", "grid"):
        (pkg / sub).mkdir(parents=True)
        (pkg / sub / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "find" / "a.py").write_text("from ..grid.b import x\n")
    (pkg / "grid" / "b.py").write_text("from ..find.a import y\nx = 1\n")
    graph = import_graph(pkg)
    assert upward_imports(graph) == [("extractor.find.a", "extractor.grid.b")]
    assert cycles(graph) == [["extractor.find.a", "extractor.grid.b", "extractor.find.a"]]


def test_no_module_over_the_limit():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_mapping_and_reconcile_are_in_wings():
    """Financial tables, performance forms, prose and the document's own fields each have a wing."""
    for stage in ("mapping", "reconcile"):
        loose = sorted(p.name for p in (PACKAGE / stage).glob("*.py") if p.name != "__init__.py")
        assert loose == [], f"{stage}/ holds modules outside its wings: {loose}"
    assert {p.name for p in (PACKAGE / "mapping").iterdir() if p.is_dir() and not p.name.startswith("_")} \
        >= {"financial", "forms", "prose", "document"}

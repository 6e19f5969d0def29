"""The data flows one way: load -> normalize -> segment -> extract -> assemble -> store ->
analyse; no module imports a later stage (lazy imports inside functions included), and the
module-level imports have no cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "anquanyue_parse"

#: Stage of each module, by its dotted name under the package (the longest prefix wins).
#: 0 = shared contracts and data any stage may use.
STAGES = {
    "version": 0, "errors": 0, "models": 0, "formats": 0, "campaigns": 0, "limits": 0, "paths": 0,
    "numerals": 0, "textutil": 0, "fields": 0, "textmap": 0, "fonts": 0, "patterns": 0, "themes": 0, "exitcodes": 0,
    "loaders": 1,
    "normalize": 2,
    "segment": 3,
    "extract": 4,
    "pipeline": 5,
    "store": 6,
    "analysis": 7, "review": 7, "review_set": 7, "evaluation": 7,
    "commands": 8, "cli": 8, "__main__": 8, "__init__": 8,
}


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _stage(name: str) -> int:
    parts = name.split(".")
    for i in range(len(parts), 0, -1):
        if ".".join(parts[:i]) in STAGES:
            return STAGES[".".join(parts[:i])]
    raise KeyError(f"{name}: no stage in STAGES (add the new module there)")


def _imports(path: Path, top_level_only: bool) -> set[str]:
    """Package modules ``path`` imports (absolute dotted names under the package)."""
    tree = ast.parse(path.read_text("utf-8"))
    me = _module_name(path).split(".")
    package = me if path.name == "__init__.py" else me[:-1]
    nodes = tree.body if top_level_only else ast.walk(tree)
    found = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1] if node.level > 1 else package
            base = [p for p in base if p]
            target = base + (node.module.split(".") if node.module else [])
            if node.module:
                found.add(".".join(target))
                continue
            for alias in node.names:  # "from . import formats": a module, or a name of the package
                sub = target + [alias.name]
                is_module = (PACKAGE.joinpath(*sub).with_suffix(".py").exists() or PACKAGE.joinpath(*sub).is_dir())
                found.add(".".join(sub if is_module else target) or "__init__")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("anquanyue_parse"):
            found.add(node.module.removeprefix("anquanyue_parse").lstrip(".") or "__init__")
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))

#: Known imports against the flow, to be fixed (issue 8): a fix makes the row pass and
#: strict xfail fails until it is removed here.
KNOWN_AGAINST_THE_FLOW: dict[str, str] = {}


def _flow_case(path: Path):
    name = _module_name(path)
    reason = KNOWN_AGAINST_THE_FLOW.get(name)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(path, id=name, marks=marks)


@pytest.mark.parametrize("path", [_flow_case(p) for p in MODULES])
def test_no_import_against_the_flow(path):
    me = _stage(_module_name(path))
    later = sorted(n for n in _imports(path, top_level_only=False) if _stage(n) > me)
    assert not later, f"{_module_name(path)} (stage {me}) imports later stages: {later}"


def test_every_module_has_a_stage():
    for path in MODULES:
        _stage(_module_name(path))


def test_no_cycle():
    graph = {_module_name(p): _imports(p, top_level_only=True) for p in MODULES}
    state: dict[str, int] = {}

    def visit(node, trail):
        if state.get(node) == 1:
            raise AssertionError("import cycle: " + " -> ".join(trail[trail.index(node):] + [node]))
        if state.get(node) == 2 or node not in graph:
            return
        state[node] = 1
        for nxt in sorted(graph[node]):
            visit(nxt, trail + [node])
        state[node] = 2

    for name in sorted(graph):
        visit(name, [])

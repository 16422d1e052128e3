"""Dynamic imports (issue 16): codehealth's ``dynamic_references`` against ``ruff analyze
graph --detect-string-imports`` on the same files.

    python bench/dynamic_imports_bench.py ROOT [SOURCE_ROOT]

ROOT is a checkout; SOURCE_ROOT (default ``src``, else ``.``) holds the packages. Prints
the edges each tool adds to the plain import graph (file -> project file), the notes for
calls codehealth could not fold, and the differences.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections import Counter

from codehealth.boundaries.dynamic import dynamic_references


def _modules(source_root: str) -> dict[str, str]:
    """Dotted module -> path relative to the checkout's source root, for every .py file."""
    found: dict[str, str] = {}
    for folder, dirs, names in os.walk(source_root):
        dirs[:] = sorted(d for d in dirs if d.isidentifier())
        for name in sorted(names):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                parts = os.path.relpath(path, source_root)[:-3].split(os.sep)
                if parts[-1] == "__init__":
                    parts.pop()
                if parts:
                    found[".".join(parts)] = path
    return found


def _ours(modules: dict[str, str]) -> tuple[set[tuple[str, str]], list[str], list[str]]:
    """(file -> project file edges, targets outside the project, notes)."""
    edges: set[tuple[str, str]] = set()
    outside: list[str] = []
    notes: list[str] = []
    for module, path in sorted(modules.items()):
        with open(path, "rb") as handle:
            content = handle.read()
        if b"import_module" not in content and b"__import__" not in content:
            continue
        package = module if path.endswith("__init__.py") else module.rpartition(".")[0]
        references, not_understood = dynamic_references(module, path, content, package)
        notes.extend(not_understood)
        for reference in references:
            target = modules.get(reference.target)
            if target is None:
                outside.append(f"{path}:{reference.line} -> {reference.target}")
            else:
                edges.add((path, target))
    return edges, outside, notes


def _ruff(source_root: str, *extra: str) -> set[tuple[str, str]]:
    ruff = os.path.join(os.path.dirname(sys.executable), "ruff")
    result = subprocess.run(
        [ruff, "analyze", "graph", *extra, source_root],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    graph = json.loads(result.stdout)
    return {(source, target) for source, targets in graph.items() for target in targets}


def _contexts(edges: set[tuple[str, str]], source_root: str) -> Counter[str]:
    """Where the strings behind ruff's string edges stand: the call they are passed to
    (``include``, ``patch``, ``import_module``...) or the name they are assigned to."""
    found: Counter[str] = Counter()
    for importer, target in sorted(edges):
        module = os.path.relpath(target, source_root)[:-3].replace(os.sep, ".")
        module = module.removesuffix(".__init__")
        found[_string_context(importer, module)] += 1
    return found


def _string_context(importer: str, module: str) -> str:
    """Where the first string naming ``module`` (or inside it) stands in ``importer``."""
    with open(importer, "rb") as handle:
        try:
            tree = ast.parse(handle.read())
        except SyntaxError:  # newer syntax than this interpreter's
            return "file does not parse"
    parents = {id(c): n for n in ast.walk(tree) for c in ast.iter_child_nodes(n)}
    for node in ast.walk(tree):
        value = getattr(node, "value", None)
        named = isinstance(value, str) and (value == module or value.startswith(module + "."))
        if isinstance(node, ast.Constant) and named:
            return _context(node, parents)
    return "string not found"


def _context(node: ast.AST, parents: dict[int, ast.AST]) -> str:
    while id(node) in parents:
        node = parents[id(node)]
        if isinstance(node, ast.Call):
            function = node.func
            name = getattr(function, "attr", getattr(function, "id", "?"))
            return f"call {name}()"
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            return f"assigned to {getattr(target, 'id', getattr(target, 'attr', '?'))}"
    return "other"


def main(root: str, source_root: str | None = None) -> None:
    os.chdir(root)
    source_root = source_root or ("src" if os.path.isdir("src") else ".")
    modules = _modules(source_root)
    ours, outside, notes = _ours(modules)
    plain = _ruff(source_root)
    strings = _ruff(source_root, "--detect-string-imports") - plain
    print(f"files: {len(modules)}; ruff import edges: {len(plain)}")
    print(f"ruff --detect-string-imports adds: {len(strings)}")
    for edge in sorted(strings):
        print("  ruff only" if edge not in ours else "  both", *edge)
    print("where ruff's strings stand:", _contexts(strings, source_root).most_common(12))
    print(f"codehealth dynamic references to project files: {len(ours)}")
    print(f"  of which not in ruff's plain graph: {len(ours - plain)}")
    for edge in sorted(ours - strings):
        print("  codehealth only", *edge)
    print(f"codehealth references outside the project: {len(outside)}")
    for line in outside:
        print("  ", line)
    print(f"codehealth calls not understood (notes): {len(notes)}")
    for note in notes:
        print("  ", note)


if __name__ == "__main__":
    main(*sys.argv[1:3])

"""No import circles in composer/: every module can be read (and loaded) on its own, after the
ones it needs, never half-way through one that needs it back.

The graph counts every import the source spells: at the top, inside functions (the lazy ones
that keep start-up fast) and under `if TYPE_CHECKING:` (a circle the type checker sees is a
circle a reader has to hold in their head). `from pkg import name` is an edge to `pkg.name`
when that is a module, else to `pkg` (its `__init__`).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def modules_under(root: Path, package: str) -> dict[str, Path]:
    """Dotted module name -> file, for every .py file of `package` under `root`; a package
    is its `__init__`."""
    found = {}
    for path in (root / package).rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _known(name: str, modules: dict[str, Path]) -> str | None:
    """`name`, or the closest package of ours that holds it; None outside the project."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The project's modules that `module` imports, anywhere in its source."""
    is_package = path.name == "__init__.py"
    targets: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets.update(_known(alias.name, modules) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(node, module, is_package)
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                targets.add(submodule if submodule in modules else _known(source, modules))
        elif (  # importlib.import_module("composer.…") with a name spelled out
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            targets.add(_known(node.args[0].value, modules))
    return {target for target in targets if target is not None}


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    modules = modules_under(root, package)
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module, and the modules that
    import themselves (Tarjan's algorithm), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for after in sorted(graph.get(node, ())):
            if after not in index:
                visit(after)
                low[node] = min(low[node], low[after])
            elif after in on_stack:
                low[node] = min(low[node], index[after])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _describe(component: list[str], graph: dict[str, set[str]]) -> str:
    members = set(component)
    edges = [
        f"    {source} -> {target}"
        for source in component
        for target in sorted(graph[source] & members)
    ]
    return " <-> ".join(component) + "\n" + "\n".join(edges)


def test_composer_has_no_import_circles():
    graph = import_graph(ROOT, "composer")
    assert len(graph) > 100, "the modules of composer/ were not found"
    assert sum(map(len, graph.values())) > 200, "the imports were not read"
    found = circles(graph)
    assert not found, "import circles:\n" + "\n".join(_describe(c, graph) for c in found)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")


def test_the_graph_sees_lazy_type_checking_and_package_imports(tmp_path):
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "VALUE = 1\n",
            "pkg/a.py": "def later():\n    from pkg import b\n",
            "pkg/b.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.a import later\n"
            ),
            "pkg/c.py": "from pkg import VALUE\n",
            "pkg/sub/__init__.py": "from pkg.c import VALUE\n",
            "pkg/d.py": "import pkg.sub.e\nimport os\n",
            "pkg/sub/e.py": "from .. import d\n",
            "pkg/self.py": "import importlib\nimportlib.import_module('pkg.self')\n",
            "pkg/plain.py": "import json\nfrom pkg.sub import e\n",
        },
    )
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.a"] == {"pkg.b"}  # inside a function
    assert graph["pkg.b"] == {"pkg.a"}  # under TYPE_CHECKING
    assert graph["pkg.c"] == {"pkg"}  # a name from the package's __init__
    assert graph["pkg.sub"] == {"pkg.c"}  # an __init__ is a module too
    assert graph["pkg.sub.e"] == {"pkg.d"}  # relative
    assert graph["pkg.plain"] == {"pkg.sub.e"}  # `from pkg import module`
    assert circles(graph) == [["pkg.a", "pkg.b"], ["pkg.d", "pkg.sub.e"], ["pkg.self"]]

"""The apps depend on each other one way only, and their modules form no cycle.

Layers, bottom to top (an app imports only apps in lower layers):

    lib → core → newsroom → membership, newsletters → monitor → pro, events
        → api, webhooks, imports

The test reads every app module's imports with `ast` (nothing is executed), so
it also sees imports hidden inside functions, where a cycle usually hides.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LAYERS: list[tuple[str, ...]] = [
    ("lib",),
    ("core",),
    ("newsroom",),
    ("membership", "newsletters"),
    ("monitor",),
    ("pro", "events"),
    ("api", "webhooks", "imports"),
]
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}

# Imports that must stay inside a function, each with its reason. Keyed by
# (importing module, imported module); anything else goes at the top of the file.
_READY = "AppConfig.ready(): signal receivers connect only once every app's models are loaded"
_START_UP = (
    "loaded by every process (settings, URLconf or AppConfig.ready()) but used by few: importing it where it "
    "is used keeps a restarted send worker's start-up short"
)
_HEAVY = "a large library (hundreds of milliseconds to import) loaded only when someone asks for that file format"
FUNCTION_IMPORTS_ALLOWED: dict[tuple[str, str], str] = {
    ("newsroom.apps", "django"): _READY,
    ("newsroom.apps", "newsroom.roles"): _READY,
    ("newsroom.apps", "newsroom.signals"): _READY,
    ("newsletters.apps", "django"): _READY,
    ("newsletters.apps", "newsletters.setup"): _READY,
    ("newsletters.apps", "newsletters.webhooks"): _READY,
    ("membership.apps", "membership.setup"): _READY,
    ("membership.apps", "membership.signals"): _READY,
    ("events.apps", "events.setup"): _READY,
    ("monitor.apps", "django"): _READY,
    ("monitor.apps", "wagtail"): _READY,
    ("monitor.apps", "monitor.signals"): _READY,
    ("monitor.apps", "monitor.models"): _READY,
    ("monitor.apps", "newsroom.models"): _READY,
    ("monitor.apps", "monitor.queries"): _READY,
    ("monitor.apps", "newsroom.maps"): _READY,
    ("webhooks.apps", "webhooks.receivers"): _READY,
    ("monitor.registry", "monitor.models"): (
        "the tagger is built from the seed files with no Django set up (bench/tagging_*.py); "
        "only the database-backed registry needs the models"
    ),
    ("monitor.discovery", "spacy"): "spaCy and its model take seconds to load; only the model stage needs them",
    ("monitor.exports", "docx"): _HEAVY,
    ("monitor.exports", "pptx"): _HEAVY,
    ("lib.pdf", "weasyprint"): _HEAVY,
    ("core.task_backends", "core.models"): (
        "django-tasks may load its backends while apps are still loading; the held-task table is "
        "needed only when Redis is down"
    ),
    ("newsletters.transport", "anymail"): "anymail's exceptions are only needed when an email service provider refuses",
    ("core.health", "django_rq"): _START_UP,
    ("core.metrics", "redis"): _START_UP,
    ("membership.signals", "membership.services"): _START_UP + " (the services import stripe)",
}


@dataclass(frozen=True)
class Import:
    source: str  # importing module, e.g. "newsroom.models"
    target: str  # imported module, e.g. "newsroom.queries", or a library's name
    line: int
    in_function: bool
    type_only: bool  # under `if TYPE_CHECKING:`


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_modules() -> dict[str, Path]:
    modules: dict[str, Path] = {}
    for app in RANK:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                modules[_module_name(path)] = path
    return modules


def _resolve(name: str, modules: dict[str, Path]) -> str:
    """The project module `name` refers to (a name imported from a module counts as that module)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name


def _absolute(node: ast.ImportFrom, module: str, path: Path) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    package = package[: len(package) - (node.level - 1)]
    return ".".join([*package, *([node.module] if node.module else [])])


def _imports(module: str, path: Path, modules: dict[str, Path]) -> Iterator[Import]:
    tree = ast.parse(path.read_text(), filename=str(path))
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, module, path)
            names = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        in_function = type_only = False
        ancestor: ast.AST = node
        while ancestor in parents:
            ancestor = parents[ancestor]
            if isinstance(ancestor, ast.FunctionDef | ast.AsyncFunctionDef):
                in_function = True
            if isinstance(ancestor, ast.If) and "TYPE_CHECKING" in ast.unparse(ancestor.test):
                type_only = True
        for name in names:
            target = _resolve(name, modules) or name.split(".")[0]
            if target != module:
                yield Import(module, target, node.lineno, in_function, type_only)


def all_imports() -> list[Import]:
    modules = app_modules()
    return [found for module, path in modules.items() for found in _imports(module, path, modules)]


def _app(module: str) -> str:
    return module.split(".")[0]


def upward_imports(imports: list[Import]) -> list[str]:
    return [
        f"{i.source}:{i.line} imports {i.target} ({_app(i.target)} is not below {_app(i.source)})"
        for i in imports
        if _app(i.target) in RANK and _app(i.target) != _app(i.source) and RANK[_app(i.target)] >= RANK[_app(i.source)]
    ]


def module_cycles(imports: list[Import]) -> list[list[str]]:
    """Strongly connected groups of modules joined by imports that run (at load or inside a function).

    An import moved into a function still makes a cycle: it only hides it from Python.
    """
    graph: dict[str, set[str]] = {}
    for i in imports:
        if not i.type_only and _app(i.target) in RANK:
            graph.setdefault(i.source, set()).add(i.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        for successor in graph.get(node, ()):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            group = [stack.pop()]
            while group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def unlisted_function_imports(imports: list[Import]) -> list[str]:
    return sorted(
        {
            f"{i.source}:{i.line} imports {i.target} inside a function"
            for i in imports
            if i.in_function and (i.source, i.target) not in FUNCTION_IMPORTS_ALLOWED
        }
    )


def test_no_app_imports_an_app_above_or_beside_it():
    assert upward_imports(all_imports()) == []


def test_no_modules_import_each_other_in_a_cycle():
    assert module_cycles(all_imports()) == []


def test_imports_inside_functions_are_only_the_listed_ones():
    assert unlisted_function_imports(all_imports()) == []


def test_every_allowed_function_import_still_exists_and_says_why():
    found = {(i.source, i.target) for i in all_imports() if i.in_function}
    assert all(reason.strip() for reason in FUNCTION_IMPORTS_ALLOWED.values())
    assert set(FUNCTION_IMPORTS_ALLOWED) <= found


def test_the_guard_sees_an_upward_import_a_cycle_and_a_hidden_import():
    planted = [
        Import("newsroom.models", "monitor.models", 1, in_function=False, type_only=False),
        Import("monitor.models", "monitor.queries", 1, in_function=False, type_only=False),
        Import("monitor.queries", "monitor.models", 1, in_function=False, type_only=False),
        Import("monitor.views", "monitor.tasks", 9, in_function=True, type_only=False),
    ]
    assert upward_imports(planted) == ["newsroom.models:1 imports monitor.models (monitor is not below newsroom)"]
    assert module_cycles(planted) == [["monitor.models", "monitor.queries"]]
    assert unlisted_function_imports(planted) == ["monitor.views:9 imports monitor.tasks inside a function"]

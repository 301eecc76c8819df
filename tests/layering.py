"""The layer checker behind ``test_layering.py``: every import edge of every module, the layer table
of ``docs/architecture.md``, import circles, and the edges' own rules, as pure functions over
``{module name: source}`` so that planted violations can be checked the same way as the real tree.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gyokaku_xl"
ARCHITECTURE = ROOT / "docs" / "architecture.md"

#: Where printing, exiting and the console streams are allowed.
EDGE_LAYERS = {"app", "top"}
#: Third-party modules and where they may be imported.
XLWINGS_ALLOWED = {"gyokaku_xl.app.button"}  # and only inside functions
RICH_ALLOWED = {"gyokaku_xl.app.console", "gyokaku_xl.app.cli"}
#: What a pure layer (core) must not import or call: it touches no file, process or console.
IO_IMPORTS = {"os", "shutil", "zipfile", "subprocess", "tempfile", "openpyxl", "xlsxwriter", "io", "glob",
              "multiprocessing", "concurrent", "socket", "urllib", "sqlite3", "csv"}
IO_CALLS = {"open", "write_text", "write_bytes", "read_text", "read_bytes", "save", "mkdir", "unlink", "rename",
            "rmtree", "copyfile", "copy", "copy2", "load_workbook", "read_workbook", "iterdir", "glob", "rglob",
            "touch", "stat", "exists", "is_file", "is_dir", "ZipFile", "Workbook", "Popen", "run_command",
            "os.replace", "os.remove", "os.rename", "os.stat", "os.listdir", "os.scandir", "os.walk"}
#: What reading an input file looks like, for render (which only draws what it is given).
INPUT_CALLS = {"open", "read_bytes", "read_text", "load_workbook", "read_workbook", "read_plan", "read_master",
               "read_history", "read_excel", "open_form", "scan_inbox", "ZipFile", "iterdir", "glob", "rglob"}
#: Calls that end or bypass the process, or write to the console.
EXIT_CALLS = {"print", "sys.exit", "exit", "quit", "os._exit", "os.abort", "breakpoint"}
STREAMS = {"sys.stdout", "sys.stderr", "sys.__stdout__", "sys.__stderr__"}
#: A worker process ends itself when the process that started it is gone (nothing else may).
WORKER_EXIT_ALLOWED = {"gyokaku_xl.infra.processes"}


@dataclass(frozen=True)
class Edge:
    """One import: ``source`` imports ``target`` (a module, or the package an unresolved name is in)."""

    source: str
    target: str
    line: int
    top_level: bool
    dynamic: bool = False  # an importlib / __import__ string


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def real_sources() -> dict[str, str]:
    """Every module of the package by name."""
    return {module_name(p): p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(name: str) -> str:
    """``gyokaku_xl.core.checks`` → ``core``; the package itself and ``__main__`` → ``top``."""
    parts = name.split(".")
    if len(parts) == 1 or parts[1] == "__main__" or len(parts) == 2 and parts[1] not in LAYERS:
        return "top"
    return parts[1]


def layer_table(text: str | None = None) -> dict[str, set[str]]:
    """The table between ``<!-- layers -->`` and ``<!-- /layers -->`` of docs/architecture.md:
    each layer and the layers it may import."""
    text = ARCHITECTURE.read_text(encoding="utf-8") if text is None else text
    block = text.split("<!-- layers -->", 1)[1].split("<!-- /layers -->", 1)[0]
    table: dict[str, set[str]] = {}
    for line in block.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        table[cells[0].strip("`")] = set(re.findall(r"`([a-z_]+)`", cells[2]))
    return table


LAYERS = set(layer_table()) - {"top"}


def _resolve(name: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = name.split(".") if is_package else name.split(".")[:-1]
    base = base[:len(base) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def edges_of(name: str, source: str, modules: set[str], is_package: bool = False) -> list[Edge]:
    """Every import of a module: statements anywhere (functions too) and importlib strings."""
    tree = ast.parse(source)
    top = {id(n) for n in tree.body}
    for node in tree.body:  # imports under a module-level if/try are module level too
        if isinstance(node, (ast.If, ast.Try)):
            top |= {id(n) for n in ast.walk(node)}
    found: list[Edge] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Edge(name, a.name, node.lineno, id(node) in top) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            prefix = _resolve(name, is_package, node)
            for a in node.names:
                full = f"{prefix}.{a.name}"
                found.append(Edge(name, full if full in modules else prefix, node.lineno, id(node) in top))
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func):
            arg = node.args[0] if node.args else None
            target = arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else "?"
            found.append(Edge(name, target, node.lineno, False, dynamic=True))
    return found


def _is_dynamic_import(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in {"__import__", "import_module"}
    return isinstance(func, ast.Attribute) and func.attr in {"import_module", "__import__"}


def calls_of(source: str) -> set[str]:
    """Names of everything a module calls (``f(...)`` gives ``f``; ``x.f(...)`` gives ``f`` and ``x.f``)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                names.add(func.id)
            elif isinstance(func, ast.Attribute):
                names.add(func.attr)
                dotted = _dotted(func)
                if dotted:
                    names.add(dotted)
    return names


def attributes_of(source: str) -> set[str]:
    """Every dotted name used (``sys.stderr``, ``os._exit``)."""
    return {d for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Attribute)
            for d in [_dotted(node)] if d}


def _dotted(node: ast.expr) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def hits(imported: str, names: set[str]) -> bool:
    return any(imported == n or imported.startswith(n + ".") for n in names)


def violations(sources: dict[str, str], table: dict[str, set[str]] | None = None) -> list[str]:
    """Every breach of the house's layering in ``sources`` (one line each; [] when none)."""
    table = layer_table() if table is None else table
    modules = set(sources)
    packages = {n for n in modules if any(m.startswith(n + ".") for m in modules)}
    found: list[str] = []
    graph: dict[str, set[str]] = {n: set() for n in modules}
    for name, source in sorted(sources.items()):
        layer = layer_of(name)
        allowed = table.get(layer)
        if allowed is None:
            found.append(f"{name}: layer {layer!r} is not in the table of docs/architecture.md")
            continue
        for edge in edges_of(name, source, modules, name in packages):
            where = f"{name}:{edge.line}"
            if edge.dynamic and edge.target == "?":
                found.append(f"{where}: import by a computed name (the table cannot be checked)")
                continue
            if edge.target.startswith("gyokaku_xl"):
                target = edge.target
                while target not in modules and "." in target:
                    target = target.rsplit(".", 1)[0]
                if target != name and target in modules and target not in packages:
                    graph[name].add(target)
                other = layer_of(edge.target)
                if other != layer and other not in allowed:
                    found.append(f"{where}: {layer} imports {edge.target} ({other}), not in its row")
            elif hits(edge.target, {"xlwings"}):
                if name not in XLWINGS_ALLOWED or edge.top_level:
                    found.append(f"{where}: xlwings outside the functions of the button adapter")
            elif hits(edge.target, {"rich"}) and name not in RICH_ALLOWED:
                found.append(f"{where}: rich outside the console adapter")
            elif layer == "core" and hits(edge.target, IO_IMPORTS):
                found.append(f"{where}: core imports {edge.target} (core touches no file, process or console)")
        calls, attributes = calls_of(source), attributes_of(source)
        if layer not in EDGE_LAYERS:
            for bad in sorted(calls & EXIT_CALLS - ({"os._exit"} if name in WORKER_EXIT_ALLOWED else set())):
                found.append(f"{name}: calls {bad} (only the app layer prints or exits)")
            exits = {"os._exit"} if name not in WORKER_EXIT_ALLOWED else set()
            for bad in sorted(a for a in attributes if hits(a, STREAMS) or a in exits):
                found.append(f"{name}: uses {bad} (only the app layer writes to the console or exits)")
            if "SystemExit" in source and any(isinstance(n, ast.Raise) and n.exc is not None
                                              and "SystemExit" in ast.dump(n.exc)
                                              for n in ast.walk(ast.parse(source))):
                found.append(f"{name}: raises SystemExit")
        if layer == "core":
            for bad in sorted(calls & IO_CALLS):
                found.append(f"{name}: calls {bad} (core touches no file)")
        if layer == "render":
            for bad in sorted(calls & INPUT_CALLS):
                found.append(f"{name}: calls {bad} (render reads no input file)")
    found += [f"import circle: {' → '.join(cycle)}" for cycle in circles(graph)]
    return found


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import circles of ``graph`` (Tarjan's strongly connected components of two or more
    modules, and modules importing themselves), each as a sorted list closed on its first module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:  # recursion depth is bounded by the module count (small)
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph.get(v, ()):
                ring = sorted(component)
                found.append(ring + [ring[0]])

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found

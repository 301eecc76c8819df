"""Every word users read lives in gyokaku_xl/text/, every word the readers parse in domain/tokens.py.

The test walks each module of the package with :mod:`ast` and counts the string constants (f-string
pieces included) that hold Japanese: kana, kanji, full-width forms and the punctuation and marks of
Japanese text (「」、。・…※○×). Docstrings (a module's, class's or function's first statement) are
documentation, not text users read, and comments are not in the syntax tree at all.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from gyokaku_xl import text as g

PACKAGE = Path(__file__).resolve().parent.parent / "gyokaku_xl"
#: Where Japanese literals belong: the words users read, and the words the readers parse.
TEXT_PACKAGE = PACKAGE / "text"
TOKENS = PACKAGE / "domain" / "tokens.py"
#: Kana, kanji, CJK punctuation (incl. the ideographic space), full- and half-width forms, and the
#: marks Japanese text uses (dashes, ‥ … ※, arrows, circled numbers, ○ △ □, ×).
JAPANESE = re.compile("[\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
                      "\u2010-\u2027\u203b\u2190-\u21ff\u2460-\u24ff\u25a0-\u25ff\u00d7]")


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the constants that are docstrings."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                found.add(id(first.value))
    return found


def japanese_literals(source: str) -> list[tuple[int, str]]:
    """``(line, text)`` of each string constant in ``source`` that holds Japanese, docstrings aside."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    return sorted((node.lineno, node.value) for node in ast.walk(tree)
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and id(node) not in docstrings and JAPANESE.search(node.value))


def _checked_modules() -> list[Path]:
    return [path for path in sorted(PACKAGE.rglob("*.py"))
            if TEXT_PACKAGE not in path.parents and path != TOKENS]


def test_no_japanese_literal_outside_the_text_package_and_the_tokens():
    offenders = [f"gyokaku_xl/{path.relative_to(PACKAGE).as_posix()}:{line}: {text[:60]!r}"
                 for path in _checked_modules()
                 for line, text in japanese_literals(path.read_text(encoding="utf-8"))]
    assert not offenders, (f"{len(offenders)} Japanese string literal(s) outside gyokaku_xl/text/ and "
                           "domain/tokens.py; move each to a text module (or, for a word the reader "
                           "parses, to domain/tokens.py):\n" + "\n".join(offenders))


@pytest.mark.parametrize("source, expected", [
    ('x = "済"', [(1, "済")]),
    ('x = f"{n} 件"', [(1, " 件")]),                      # a piece of an f-string
    ('x = "「"', [(1, "「")]),                            # Japanese punctuation alone
    ('x = "\\u3000"', [(1, "\u3000")]),                  # written as an escape
    ('x = "○"', [(1, "○")]),
    ('"""モジュールの説明。"""\ndef f():\n    """説明。"""\n    return "ok"', []),  # docstrings
    ('x = 1  # 注釈', []),                               # comments
    ('x = "plain ASCII"', []),
])
def test_the_counter_sees_japanese_literals_and_nothing_else(source, expected):
    assert japanese_literals(source) == expected


def test_every_text_module_lists_its_names_and_no_name_is_in_two():
    """``from gyokaku_xl import text as g`` gives every public name of every audience module once."""
    import importlib
    owners: dict[str, str] = {}
    for path in sorted(TEXT_PACKAGE.glob("*.py")):
        if path.stem == "__init__":
            continue
        module = importlib.import_module(f"gyokaku_xl.text.{path.stem}")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {target.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                   for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                   if isinstance(target, ast.Name)}
        defined |= {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
        public = {name for name in defined if not name.startswith("_") and name != "__all__"}
        assert set(module.__all__) >= public, f"{path.stem}: not in __all__: {public - set(module.__all__)}"
        for name in module.__all__:
            assert name not in owners, f"{name} is in both text.{owners[name]} and text.{path.stem}"
            owners[name] = path.stem
            assert getattr(g, name) is getattr(module, name), f"text.{name} is not re-exported"

"""One table of finding titles (text.FINDINGS), used by 検証結果 and the README's list (issue 9, point 10).

``pytest --regen-golden tests/test_finding_titles.py`` rewrites the README's list from the table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gyokaku_xl import text as g
from gyokaku_xl.domain.findings import action_of, make

README = Path(__file__).resolve().parent.parent / "README.md"
START = "<!-- findings-list:start (generated from text.FINDING_TITLES; pytest --regen-golden) -->"
END = "<!-- findings-list:end -->"


def findings_list() -> str:
    """The README's list of findings, from the table of findings."""
    lines = ["| コード | 指摘の種類 | 対応 |", "|---|---|---|"]
    for code, title in g.FINDING_TITLES.items():
        action = action_of(make(code, g.SEVERITY_ERROR))
        lines.append(f"| `{code}` | {title} | {action} |")
    return "\n".join(lines)


def test_every_code_has_a_title_and_every_title_a_code():
    assert set(g.FINDING_TITLES) == set(g.MESSAGES)
    assert all(title and len(title) <= 20 for title in g.FINDING_TITLES.values()), "titles are short"
    assert set(g.FINDING_ACTIONS) == set(g.MESSAGES), "every code says what to do"


def test_readme_lists_every_finding_as_the_table_does(regen_golden):
    text = README.read_text(encoding="utf-8")
    assert START in text and END in text, "README has the generated list of findings"
    head, rest = text.split(START, 1)
    _old, tail = rest.split(END, 1)
    fresh = f"{head}{START}\n{findings_list()}\n{END}{tail}"
    if regen_golden and text != fresh:
        README.write_text(fresh, encoding="utf-8")
        pytest.skip("README の指摘一覧を作り直しました")
    assert text == fresh, "README の指摘一覧が text.FINDINGS と違います: pytest --regen-golden で作り直してください"

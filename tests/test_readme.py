"""The README a clerk follows is true: its two set-up commands are the ones CI runs, every command
of the workflow keeps the history from the first period on, the sample's commands run as written,
and the PDF is named as the README says (issue 21, point 16)."""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest

from gyokaku_xl.app import cli
from gyokaku_xl.publish.pdf import pdf_target

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMAND = "python -m gyokaku_xl "


def sections() -> dict[str, str]:
    """The README's text under each ``##``/``###`` heading."""
    parts = re.split(r"^(#{2,4} .+)$", README, flags=re.MULTILINE)
    return {heading.lstrip("# ").strip(): body for heading, body in zip(parts[1::2], parts[2::2])}


def code_lines(text: str) -> list[str]:
    """The lines of the fenced code blocks in ``text``."""
    return [line for block in re.findall(r"^```[a-z]*\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
            for line in block.splitlines() if line.strip()]


def commands(text: str) -> list[list[str]]:
    """The ``python -m gyokaku_xl …`` commands of ``text``'s code blocks, as argument lists."""
    return [shlex.split(line.split(COMMAND, 1)[1]) for line in code_lines(text) if COMMAND in line]


def test_the_two_set_up_commands_are_the_sample_run_and_the_ci_test_command():
    start = next(body for heading, body in sections().items() if heading.startswith("はじめに"))
    lines = code_lines(start)
    assert len(lines) == 2
    sample, tests = lines
    assert sample.startswith("python -m pip install -e . && " + COMMAND + "merge examples/inbox")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert tests == ci == 'python -m pip install -e ".[test]" && python -m pytest'


def test_every_merge_and_template_of_the_workflow_keeps_the_history():
    """A clerk who follows the README archives every period from the first one on."""
    workflow = README.split("## 事務局の作業の流れ", 1)[1].split("\n## ", 1)[0]
    found = [args for args in commands(workflow) if args[0] in ("merge", "template")]
    assert len(found) >= 6
    assert [args for args in found if "--history" not in args] == []


def test_the_pdf_is_named_after_its_workbook_as_the_readme_says():
    pdf = sections()["5. PDF にする"]
    for book in ("集約結果.xlsx", "年度末_集約結果.xlsx"):
        name = pdf_target(Path(book)).name
        assert f"`{book}` なら `{name}`" in pdf


def test_the_sample_commands_run_as_written(tmp_path, monkeypatch):
    """The set-up sample run and the two-period sample of 7., run in a fresh folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    start = next(body for heading, body in sections().items() if heading.startswith("はじめに"))
    sample = sections()["7. 次の期間へ（履歴フォルダ）"].split("**サンプルで 2 期分を試す**", 1)[1]
    runs = commands(start) + commands(sample)
    assert [args[0] for args in runs] == ["merge", "merge", "template", "merge"]
    for args in runs:
        out, err = io.StringIO(), io.StringIO()
        code = cli.main([*args, "-q"] if args[0] == "merge" else args, out=out, err=err)
        assert code == 0, (args, err.getvalue())
    assert (tmp_path / "集約結果.xlsx").is_file() and (tmp_path / "年度末_集約結果.xlsx").is_file()
    assert sorted(p.name for p in (tmp_path / "履歴").glob("*.xlsx")) == [
        "令和3年度上半期_集約結果.xlsx", "令和3年度年度末_集約結果.xlsx"]
    assert len(list((tmp_path / "配布").glob("*.xlsx"))) == 19


@pytest.mark.parametrize("moved, doc", [("## 性能", "performance.md"), ("bench/WRITERS.md", "performance.md"),
                                       ("--stages", "performance.md"), ("SQLite", "design.md")])
def test_developer_material_lives_under_docs(moved, doc):
    assert moved not in README
    assert moved.lstrip("# ") in (ROOT / "docs" / doc).read_text(encoding="utf-8")


def test_the_python_example_runs_as_written(tmp_path, monkeypatch):
    """The 「Python から使う」 example, run in a folder laid out as the README's workflow."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "計画マスタ.xlsx").symlink_to(ROOT / "examples" / "計画マスタ.xlsx")
    (tmp_path / "受付").symlink_to(ROOT / "examples" / "inbox", target_is_directory=True)
    (tmp_path / "履歴").mkdir()
    block = re.search(r"^```python\n(.*?)^```", sections()["Python から使う"], flags=re.MULTILINE | re.DOTALL)
    names: dict[str, object] = {}
    exec(compile(block.group(1), "README.md", "exec"), names)  # noqa: S102 - the README's own example
    outcome, df, one = names["outcome"], names["df"], names["one"]
    assert outcome.exit_code == 0 and len(names["forms"].paths) == 19 and names["errors"] == []
    assert len(df) == len(one) == 55 and one.equals(df)

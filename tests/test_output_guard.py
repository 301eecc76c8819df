"""No output of any command replaces an input or lands in the inbox (issue: -o onto the plan master).

Each command is refused with one line naming both paths, exit 2, and the input is left as it was.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

import builders
from gyokaku_xl.app import cli
from gyokaku_xl.domain.model import Period
from gyokaku_xl.infra.guard import Protected, refuse_protected, same_path
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.run.merge import merge
from gyokaku_xl import text as g

H1 = Period(2021, g.PERIOD_FIRST_HALF)


def run_cli(argv):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main([str(a) for a in argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def refused(result, output, what, input_) -> None:
    code, _out, err = result
    assert code == 2, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0] in (f"エラー: {g.OUTPUT_IS_INPUT.format(output=output, what=what, input=input_)}",
                        f"エラー: {g.OUTPUT_IN_FOLDER.format(output=output, what=what, input=input_)}"), err


def snapshot(*paths: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in paths}


# --- merge ---------------------------------------------------------------------------------------
def test_merge_onto_the_plan_master_is_refused(tmp_path, inbox, plan_path):
    before = snapshot(plan_path)
    refused(run_cli(["merge", inbox, "--plan", plan_path, "-o", plan_path, "-q"]), plan_path,
            g.INPUT_PLAN, plan_path)
    assert snapshot(plan_path) == before


def test_merge_onto_a_submission_is_refused(tmp_path, inbox, plan_path):
    form = sorted(inbox.iterdir())[0]
    before = snapshot(form)
    refused(run_cli(["merge", inbox, "--plan", plan_path, "-o", form, "-q"]), form, g.INPUT_INBOX, inbox)
    assert snapshot(form) == before


def test_merge_into_the_inbox_is_refused(tmp_path, inbox, plan_path):
    target = inbox / "集約結果.xlsx"
    refused(run_cli(["merge", inbox, "--plan", plan_path, "-o", target, "-q"]), target, g.INPUT_INBOX, inbox)
    assert not target.exists()


def test_merge_onto_the_plan_by_another_spelling_is_refused(tmp_path, inbox, plan_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    spelled = Path("inbox") / ".." / plan_path.name
    refused(run_cli(["merge", inbox, "--plan", plan_path, "-o", spelled, "-q"]), spelled, g.INPUT_PLAN,
            plan_path)


def test_merge_onto_an_archived_master_is_refused(tmp_path, plan_path):
    history = tmp_path / "履歴"
    inbox = builders.build_period_inbox(tmp_path, plan_path, H1)
    merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, history_dir=history)
    archived = history / "令和3年度上半期_集約結果.xlsx"
    before = snapshot(archived)
    year_end = builders.build_period_inbox(tmp_path, plan_path, Period(2021, g.PERIOD_YEAR_END))
    refused(run_cli(["merge", year_end, "--plan", plan_path, "-o", archived, "-q", "--history", history]),
            archived, g.INPUT_ARCHIVE, archived)
    assert snapshot(archived) == before


def test_merge_onto_an_archive_named_in_the_plan_settings_is_refused(tmp_path, plan_path):
    """The history folder the plan master names is known only once the plan is read."""
    history = tmp_path / "履歴"
    inbox = builders.build_period_inbox(tmp_path, plan_path, H1)
    merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, history_dir=history)
    archived = history / "令和3年度上半期_集約結果.xlsx"
    builders.build_plan(tmp_path, settings={**builders.DEFAULT_SETTINGS, g.SETTING_HISTORY_DIR: "履歴"})
    before = snapshot(archived)
    year_end = builders.build_period_inbox(tmp_path, plan_path, Period(2021, g.PERIOD_YEAR_END))
    refused(run_cli(["merge", year_end, "--plan", plan_path, "-o", archived, "-q"]),
            archived, g.INPUT_ARCHIVE, archived)
    assert snapshot(archived) == before


def test_history_folder_that_is_the_inbox_is_refused(tmp_path, inbox, plan_path):
    code, _out, err = run_cli(["merge", inbox, "--plan", plan_path, "-o", tmp_path / "m.xlsx", "-q",
                               "--history", inbox])
    assert code == 2 and err.splitlines() == [f"エラー: {g.HISTORY_IS_INBOX.format(history=inbox, inbox=inbox)}"]
    assert not (tmp_path / "m.xlsx").exists()


def test_merge_opendata_into_the_inbox_is_refused(tmp_path, inbox, plan_path):
    code, _out, err = run_cli(["merge", inbox, "--plan", plan_path, "-o", tmp_path / "m.xlsx", "-q",
                               "--opendata", inbox])
    assert code == 2 and g.INPUT_INBOX in err and len(err.splitlines()) == 1
    assert not (tmp_path / "m.xlsx").exists(), "refused before any work"


def test_merge_annotate_into_the_inbox_by_another_spelling_is_refused(tmp_path, inbox, plan_path):
    code, _out, err = run_cli(["merge", inbox, "--plan", plan_path, "-o", tmp_path / "m.xlsx", "-q",
                               "--annotate", inbox / "sub" / ".."])
    assert code == 2 and len(err.splitlines()) == 1


# --- check ---------------------------------------------------------------------------------------
def test_check_report_onto_the_plan_master_is_refused(tmp_path, inbox, plan_path):
    before = snapshot(plan_path)
    refused(run_cli(["check", inbox, "--plan", plan_path, "--report", plan_path, "-q"]), plan_path,
            g.INPUT_PLAN, plan_path)
    assert snapshot(plan_path) == before


def test_check_report_onto_a_submission_is_refused(tmp_path, inbox, plan_path):
    form = sorted(inbox.iterdir())[-1]
    before = snapshot(form)
    refused(run_cli(["check", inbox, "--plan", plan_path, "--report", form, "-q"]), form, g.INPUT_INBOX, inbox)
    assert snapshot(form) == before


# --- pdf -----------------------------------------------------------------------------------------
def test_pdf_opendata_onto_the_master_is_refused(tmp_path, inbox, plan_path):
    from gyokaku_xl.publish.opendata import opendata_stem
    folder = tmp_path / "公開"
    folder.mkdir()
    master = folder / f"{opendata_stem(H1)}.xlsx"  # the open data's own name, in its folder
    merge(inbox, master, plan_path=plan_path)
    before = snapshot(master)
    refused(run_cli(["pdf", master, "--opendata", folder]), master, g.INPUT_MASTER, master)
    assert snapshot(master) == before


def test_pdf_output_onto_the_master_is_refused(tmp_path, inbox, plan_path):
    master = tmp_path / "集約結果.pdf"  # a master given a .pdf name: the PDF would replace it
    merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path)
    shutil.copyfile(tmp_path / "m.xlsx", master)
    before = snapshot(master)
    refused(run_cli(["pdf", master, "-o", master]), master, g.INPUT_MASTER, master)
    assert snapshot(master) == before


def test_merge_opendata_does_not_replace_the_master_just_written(tmp_path, inbox, plan_path):
    from gyokaku_xl.publish.opendata import opendata_stem
    master = tmp_path / f"{opendata_stem(H1)}.xlsx"
    code, _out, err = run_cli(["merge", inbox, "--plan", plan_path, "-o", master, "-q", "--opendata", tmp_path])
    assert code == 2 and g.INPUT_MASTER in err and len(err.splitlines()) == 1
    assert not master.exists()


# --- template ------------------------------------------------------------------------------------
def test_template_onto_the_previous_master_is_refused(tmp_path, inbox, plan_path, forms):
    form = next(iter(forms.values()))
    previous = form  # a previous master named like the form the template would write
    before = snapshot(previous)
    code, _out, err = run_cli(["template", "--plan", plan_path, "--year", "令和3年度", "--period", "上半期",
                               "-o", form.parent, "--force", "--previous", previous])
    refused((code, _out, err), form, g.INPUT_PREVIOUS, previous)
    assert snapshot(previous) == before


def test_template_into_the_history_folder_onto_an_archive_is_refused(tmp_path, plan_path):
    history = tmp_path / "履歴"
    history.mkdir()
    archived = history / "行政総務課_令和3年度上半期_取組状況調査票.xlsx"
    shutil.copyfile(plan_path, archived)
    before = snapshot(archived)
    result = run_cli(["template", "--plan", plan_path, "--year", "令和3年度", "--period", "上半期",
                      "-o", history, "--force", "--history", history])
    refused(result, archived, g.INPUT_ARCHIVE, archived)
    assert snapshot(archived) == before


# --- button --------------------------------------------------------------------------------------
def test_button_into_the_inbox_is_refused(tmp_path, inbox):
    target = inbox / "集約ツール.xlsm"
    refused(run_cli(["button", "-o", target, "--inbox", str(inbox)]), target, g.INPUT_INBOX, inbox)
    assert not target.exists()


def test_button_onto_its_plan_is_refused(tmp_path):
    plan = tmp_path / "計画マスタ.xlsm"
    plan.write_bytes(b"plan")
    refused(run_cli(["button", "-o", plan, "--plan", "計画マスタ.xlsm"]), plan, g.INPUT_PLAN, plan)
    assert plan.read_bytes() == b"plan"


# --- the identity of paths -----------------------------------------------------------------------
def test_same_path_follows_the_file_system(tmp_path):
    a = tmp_path / "Plan.xlsx"
    a.write_bytes(b"x")
    assert same_path(a, tmp_path / "." / "Plan.xlsx")
    insensitive = (tmp_path / "pLAN.XLSX").exists()  # detected, not assumed
    assert same_path(a, tmp_path / "pLAN.XLSX") == insensitive
    assert not same_path(a, tmp_path / "other.xlsx")


def test_hard_link_to_an_input_is_the_input(tmp_path):
    a = tmp_path / "計画マスタ.xlsx"
    a.write_bytes(b"x")
    link = tmp_path / "別名.xlsx"
    try:
        link.hardlink_to(a)
    except OSError:
        pytest.skip("no hard links here")
    with pytest.raises(GyokakuError):
        refuse_protected(link, [Protected(a, g.INPUT_PLAN)])


def test_names_compare_by_case_where_the_folder_ignores_case(tmp_path, monkeypatch):
    """Without file identities (some network shares), names decide, by the folder's own rule."""
    from gyokaku_xl.infra import guard
    a = tmp_path / "Plan.xlsx"
    a.write_bytes(b"x")
    (tmp_path / "other.xlsx").write_bytes(b"y")
    monkeypatch.setattr(guard, "_file_id", lambda st: None)
    insensitive = (tmp_path / "pLAN.XLSX").exists()
    assert guard.same_path(tmp_path / "pLAN.XLSX", a) == insensitive
    assert guard.same_path(tmp_path / "sub" / ".." / "Plan.xlsx", a)
    assert not guard.same_path(tmp_path / "other.xlsx", a)


# --- 2: the control workbook is not replaced without --force -------------------------------------
def test_button_refuses_an_existing_workbook_without_force(tmp_path):
    book = tmp_path / "集約ツール.xlsm"
    book.write_bytes(b"edited settings")
    code, _out, err = run_cli(["button", "-o", book])
    assert code == 2 and err.splitlines() == [f"エラー: {g.BUILD_EXISTS.format(path=book)}"]
    assert book.read_bytes() == b"edited settings"
    code, out, _err = run_cli(["button", "-o", book, "--force"])
    assert code == 0 and f"作成: {book}" in out
    assert book.read_bytes() != b"edited settings"

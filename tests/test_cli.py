"""The command line: exit codes and the exact summary lines, through ``main(argv)``."""

from __future__ import annotations

import io
import subprocess
import sys

import builders
from gyokaku_xl import text as g
from gyokaku_xl.app import cli


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main([str(a) for a in argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_help_lists_subcommands_in_japanese():
    proc = subprocess.run([sys.executable, "-m", "gyokaku_xl", "--help"], capture_output=True, text=True,
                          encoding="utf-8", check=True)
    for name in ("template", "check", "merge", "pdf", "button", "doctor"):
        assert name in proc.stdout
    assert "使い方:" in proc.stdout and "調査票" in proc.stdout


def test_merge_ok_prints_reconciled_summary(inbox, plan_path, tmp_path):
    code, out, err = run(["merge", inbox, "--plan", plan_path, "-o", tmp_path / "集約結果.xlsx"])
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:5] == [
        "対象: 令和3年度【上半期】　テスト市行財政改革計画（2020-2023）",
        "ファイル: 3 件（調査票として読めた 3・受理 3・不受理 0・差替え 0・読み飛ばし 0）",
        "行: 読込 8 = 集約 8 + 除外 0",
        "指摘: エラー 0 件・警告 0 件・情報 0 件",
        "未提出の所管課: なし",
    ]
    assert lines[-1] == f"集約結果: {tmp_path / '集約結果.xlsx'}"


def test_merge_with_rejected_input_exits_1(inbox, plan_path, tmp_path, plan, forms):
    reports = builders.default_reports(plan, "情報政策課")
    reports["3-01"]["status"] = "不明"
    builders.fill_form(forms["情報政策課"], inbox / forms["情報政策課"].name, reports)
    code, out, _ = run(["merge", inbox, "--plan", plan_path, "-o", tmp_path / "m.xlsx"])
    assert code == 1
    assert "行: 読込 8 = 集約 7 + 除外 1" in out
    assert "指摘: エラー 1 件・警告 0 件・情報 0 件" in out
    assert "status-not-in-scale" not in out  # users read messages, not codes
    assert "進捗状況「不明」は区分にありません" in out


def test_bad_arguments_exit_2(tmp_path):
    code, _, err = run(["merge"])
    assert code == 2
    code, _, err = run(["merge", tmp_path / "nope"])
    assert code == 2 and "見つかりません" in err and "Traceback" not in err
    code, _, err = run(["template", "--plan", tmp_path / "p.xlsx", "--year", "来年", "--period", "上半期",
                        "--out", tmp_path])
    assert code == 2 and "読み取れません" in err


def test_unreadable_plan_exits_2(inbox, tmp_path):
    bad = tmp_path / "壊れた計画.xlsx"
    bad.write_bytes(b"not a workbook")
    code, _, err = run(["merge", inbox, "--plan", bad, "-o", tmp_path / "m.xlsx"])
    assert code == 2 and "計画マスタ" in err


def test_check_lists_findings(inbox, plan_path, tmp_path, plan, forms):
    reports = builders.default_reports(plan, "情報政策課")
    reports["3-01"]["fiscal_effect"] = "たくさん"
    builders.fill_form(forms["情報政策課"], inbox / forms["情報政策課"].name, reports)
    code, out, _ = run(["check", inbox, "--plan", plan_path, "--report", tmp_path / "検証結果.xlsx"])
    assert code == 1
    assert any(line.strip().startswith("エラー: 情報政策課_令和3年度上半期_取組状況調査票.xlsx!取組状況!K")
               for line in out.splitlines())
    assert (tmp_path / "検証結果.xlsx").exists()


def test_template_writes_one_form_per_department(plan_path, tmp_path):
    code, out, _ = run(["template", "--plan", plan_path, "--year", "R3", "--period", "上半期",
                        "--out", tmp_path / "配布"])
    assert code == 0
    assert len(list((tmp_path / "配布").glob("*.xlsx"))) == 3
    assert out.splitlines()[-1] == "調査票を 3 件作成しました（令和3年度【上半期】）。"


def test_output_survives_a_cp932_console(inbox, plan_path, tmp_path):
    """Characters cp932 cannot show must not crash the run."""
    env_code = (
        "import io, sys; from gyokaku_xl.app import cli;"
        "sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding='cp932');"
        "sys.stderr = io.TextIOWrapper(io.BytesIO(), encoding='cp932');"
        f"code = cli.main(['merge', r'{inbox}', '--plan', r'{plan_path}', '-o', r'{tmp_path / 'm.xlsx'}']);"
        "sys.exit(code)"
    )
    (inbox / "検証🙂.txt").write_text("x", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", env_code], capture_output=True)
    assert proc.returncode == 1, proc.stderr.decode("utf-8", "replace")


def test_progress_bar_only_on_a_terminal():
    from gyokaku_xl.app.console import progress_reporter

    class Tty(io.StringIO):
        def isatty(self):
            return True

    with progress_reporter(io.StringIO()) as progress:
        assert progress is None
    tty = Tty()
    with progress_reporter(tty) as progress:
        for n in range(30):
            progress(n, 30, f"所管課{n}.xlsx")
    assert "読込中" in tty.getvalue() and "29/30" in tty.getvalue()
    small = Tty()
    with progress_reporter(small) as progress:
        progress(1, 3, "a.xlsx")
    assert small.getvalue() == "", "short runs draw no bar"
    with progress_reporter(tty, enabled=False) as progress:
        assert progress is None


def _columns(text: str) -> list[int]:
    """The display column where each option's help starts (full-width characters count two)."""
    import unicodedata
    starts = []
    for line in text.splitlines():
        stripped = line.lstrip()
        if len(line) - len(stripped) != 2 or "  " not in stripped:
            continue  # an option or argument line, not a wrapped continuation
        head = line[: line.index("  ", len(line) - len(stripped)) ]
        rest = line[len(head):]
        help_at = len(head) + (len(rest) - len(rest.lstrip()))
        starts.append(sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in line[:help_at]))
    return starts


def test_help_columns_align_by_display_width(capsys, monkeypatch):
    """Help texts start in one column on the console, however wide the metavars (issue 21, point 13)."""
    monkeypatch.setenv("COLUMNS", "80")
    code, _out, _err = run(["merge", "--help"])
    assert code == 0
    out = capsys.readouterr().out
    starts = _columns(out)
    assert len(starts) >= 8, out
    assert len(set(starts)) == 1, out
    for command in ("template", "check", "merge", "pdf", "button", "doctor"):
        run([command, "--help"])
        for line in capsys.readouterr().out.splitlines():  # usage and help stay within the console
            assert sum(2 if __import__("unicodedata").east_asian_width(c) in "WFA" else 1 for c in line) <= 80, line


def test_check_with_output_points_to_report(inbox, tmp_path, capsys):
    """``check -o`` is told to use --report, by check's own usage (issue 21, point 14)."""
    code, _out, _err = run(["check", inbox, "-o", tmp_path / "検証結果.xlsx"])
    err = capsys.readouterr().err
    assert code == 2
    target = tmp_path / "検証結果.xlsx"
    assert err.splitlines()[-1] == (f"エラー: 引数が正しくありません: 認識できない引数: -o {target}。"
                                    + g.CLI_HINTS[("check", "-o")])  # two sentences, the hint after the fact
    assert "python -m gyokaku_xl check" in err  # the subcommand's usage, not the top level's
    assert not (tmp_path / "検証結果.xlsx").exists()
    code, _out, _err = run(["merge", inbox, "--bogus"])
    err = capsys.readouterr().err
    assert code == 2 and "認識できない引数: --bogus" in err and "python -m gyokaku_xl merge" in err

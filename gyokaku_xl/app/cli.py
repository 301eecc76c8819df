"""``python -m gyokaku_xl …``: arguments in, exit code out, progress and a summary on the console.

A thin adapter over the :mod:`gyokaku_xl.run` functions. Exit codes: 0 all valid (warnings allowed),
1 the master was written but some input was rejected, 2 nothing could be done.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable, Sequence, TextIO

from gyokaku_xl.domain.version import __version__
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.text import glossary as g
from gyokaku_xl.text import revisions as rt
from gyokaku_xl.domain.model import Period, PeriodError, parse_fiscal_year, parse_period
from gyokaku_xl.domain.outcome import EXIT_ATTENTION, EXIT_FAILED, EXIT_OK

_ARGPARSE_MESSAGES = (
    ("the following arguments are required:", "次の引数が必要です:"),
    ("unrecognized arguments:", "認識できない引数:"),
    ("invalid choice:", "選択できない値:"),
    ("expected one argument", "値を 1 つ指定してください"),
    ("choose from", "選択肢"),
    ("argument ", "引数 "),
)


class _Formatter(argparse.HelpFormatter):
    """Help text with a Japanese usage prefix."""

    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: D102 - argparse API
        super().add_usage(usage, actions, groups, prefix="使い方: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with Japanese help, Japanese errors and exit code 2 without a traceback."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "引数"
        self._optionals.title = "オプション"

    def error(self, message: str) -> None:  # noqa: D401 - argparse API
        for english, japanese in _ARGPARSE_MESSAGES:
            message = message.replace(english, japanese)
        self.print_usage(sys.stderr)
        self.exit(EXIT_FAILED, f"エラー: 引数が正しくありません: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m gyokaku_xl",
                description="行財政改革計画の取組状況調査票を作成・検証・集約し、総括資料を作ります。",
                add_help=False)
    p.add_argument("-h", "--help", action="help", help="このヘルプを表示して終了します")
    p.add_argument("--version", action="version", version=f"gyokaku_xl {__version__}",
                   help="バージョンを表示して終了します")
    sub = p.add_subparsers(dest="command", metavar="コマンド", parser_class=_Parser)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_text, description=help_text, add_help=False)
        sp.add_argument("-h", "--help", action="help", help="このヘルプを表示して終了します")
        return sp

    t = add("template", "所管課ごとの取組状況調査票（.xlsx）を計画マスタから作成します")
    t.add_argument("--plan", required=True, type=Path, metavar="計画マスタ", help="計画マスタ（計画マスタ.xlsx）")
    t.add_argument("--year", required=True, metavar="年度", help="報告年度（例：令和3年度、R3、2021）")
    t.add_argument("--period", required=True, metavar="期間", help="報告期間（上半期・下半期・年度末）")
    t.add_argument("-o", "--out", "--output", dest="out", required=True, type=Path, metavar="フォルダ",
                   help="調査票を書き出すフォルダ")
    t.add_argument("--force", action="store_true", help="同じ名前の調査票があっても上書きします")
    t.add_argument("--department", action="append", metavar="所管課", help="この所管課の分だけ作成（複数指定可）")
    t.add_argument("--previous", type=Path, metavar="集約結果",
                   help="前回の集約結果（.xlsx）。取組状況・今後の予定・遅れ等の理由と前回の進捗状況を引き継ぎます")
    t.add_argument("--history", type=Path, metavar="履歴フォルダ",
                   help="履歴フォルダ（--previous がなければ、ここにある直前の期間を引き継ぎます。"
                        "省略時は計画マスタの「設定」の 履歴フォルダ）")
    t.add_argument("--no-previous", action="store_true", help="前回の内容を引き継がずに作成します")

    for name, text in (("check", "受付フォルダの調査票を検証します（集約はしません）"),
                       ("merge", "受付フォルダの調査票を検証・集約し、集約結果ブックを作成します")):
        c = add(name, text)
        c.add_argument("inbox", type=Path, metavar="受付フォルダ", help="提出された調査票のフォルダ（受付フォルダ）")
        c.add_argument("--plan", type=Path, metavar="計画マスタ", help="計画マスタ（省略時は受付フォルダ内か隣の 計画マスタ.xlsx）")
        c.add_argument("--year", metavar="年度", help="報告年度（省略時は調査票の記載から）")
        c.add_argument("--period", metavar="期間", help="報告期間（省略時は調査票の記載から）")
        if name == "check":
            c.add_argument("--report", type=Path, metavar="検証結果", help="検証結果を書き出す .xlsx")
            c.add_argument("--annotate", type=Path, metavar="フォルダ",
                           help="指摘箇所に色とコメントを付けた調査票の写しを書き出すフォルダ")
        else:
            c.add_argument("-o", "--output", type=Path, default=Path("集約結果.xlsx"), metavar="集約結果",
                           help="集約結果ブック（既定：集約結果.xlsx）")
            c.add_argument("--annotate", type=Path, metavar="フォルダ",
                           help="指摘箇所に色とコメントを付けた調査票の写しを書き出すフォルダ")
            c.add_argument("--pdf", action="store_true", help="資料1-1〜1-3 を PDF にも出力します")
            c.add_argument("--opendata", type=Path, metavar="フォルダ",
                           help="資料1-2 のオープンデータ（CSV・.xlsx）を書き出すフォルダ")
            c.add_argument("--history", type=Path, metavar="履歴フォルダ",
                           help="過去の集約結果を置くフォルダ（前期比較に使い、今回の集約結果も保存します。"
                                "省略時は計画マスタの「設定」の 履歴フォルダ）")
        c.add_argument("-q", "--quiet", action="store_true", help="進捗表示を出しません")

    pdf = add("pdf", "集約結果ブックの資料1-1〜1-3 を PDF に出力します（LibreOffice を使用）")
    pdf.add_argument("master", type=Path, metavar="集約結果", help="集約結果ブック（.xlsx）")
    pdf.add_argument("-o", "--out", "--output", dest="out", type=Path, metavar="出力先",
                     help="PDF のファイル名（.pdf で終わるとき。資料1-1〜1-3 を 1 つの PDF に）か、"
                          "出力先フォルダ（既定：ブックと同じフォルダ）")
    pdf.add_argument("--opendata", nargs="?", const="", type=str, metavar="フォルダ",
                     help="資料1-2 のオープンデータ（CSV・.xlsx）も書き出します（フォルダ省略時は PDF と同じフォルダ）")

    b = add("button", f"「{g.BUTTON_CAPTION}」ボタン付きの Excel ブック（.xlsm）を作成します")
    b.add_argument("-o", "--output", type=Path, default=Path("集約ツール.xlsm"), metavar="ブック",
                   help="作成するブック（既定：集約ツール.xlsm）")
    b.add_argument("--inbox", default="受付", metavar="フォルダ", help="「設定」に入れる受付フォルダ")
    b.add_argument("--plan", default=str(Path("計画マスタ.xlsx")), metavar="計画マスタ", help="「設定」に入れる計画マスタ")
    b.add_argument("--master", default="集約結果.xlsx", metavar="集約結果", help="「設定」に入れる出力ファイル")
    b.add_argument("--year", default="", metavar="年度", help="「設定」に入れる報告年度")
    b.add_argument("--period", default="", metavar="期間", help="「設定」に入れる報告期間")

    tr = add("term-report", rt.CLI_TERM_HELP)
    tr.add_argument("--plan", required=True, type=Path, metavar=rt.CLI_METAVAR_PLAN, help=rt.CLI_TERM_PLAN)
    tr.add_argument("--history", type=Path, metavar=rt.CLI_METAVAR_HISTORY, help=rt.CLI_TERM_HISTORY)
    tr.add_argument("-o", "--output", type=Path, default=Path(rt.TERM_REPORT_FILE_NAME), metavar=rt.CLI_METAVAR_OUTPUT,
                    help=rt.CLI_TERM_OUTPUT)
    tr.add_argument("--next-plan", type=Path, metavar=rt.CLI_METAVAR_NEXT_PLAN, help=rt.CLI_TERM_NEXT_PLAN)

    d = add("doctor", f"「{g.BUTTON_CAPTION}」ボタンと PDF 出力に必要なものがそろっているか確認します")
    d.add_argument("--book", type=Path, metavar="ブック", help="確認する集約ツール（.xlsm）")
    return p


def _period(args: argparse.Namespace, required: bool) -> Period | None:
    """The period named by --year/--period; each value's own mistake is reported first."""
    if args.year:
        try:
            parse_fiscal_year(args.year)
        except PeriodError:
            raise GyokakuError(f"報告年度「{args.year}」を読み取れません（例：令和3年度、R3、2021）。") from None
    if args.period:
        try:
            parse_period(args.period)
        except PeriodError:
            raise GyokakuError(f"報告期間「{args.period}」を読み取れません（{'・'.join(g.PERIODS)} のいずれか）。") from None
    if not args.year and not args.period:
        if required:
            raise GyokakuError("報告年度（--year）と報告期間（--period）を指定してください。")
        return None
    if not args.year or not args.period:
        missing = "--year（報告年度）" if not args.year else "--period（報告期間）"
        raise GyokakuError(f"{missing}も指定してください（--year と --period は両方指定します）。")
    return Period.parse(args.year, args.period)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    """Run the command line; return the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    _safe_streams(out, err)
    out, err = _PipeSafe(out), _PipeSafe(err)
    try:
        return _main(argv, out, err)
    finally:
        out.flush()  # a reader that went away is noticed here, not at the interpreter's exit
        err.flush()


def _main(argv: Sequence[str] | None, out: TextIO, err: TextIO) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or an argument error already printed
        return exc.code if isinstance(exc.code, int) else EXIT_FAILED
    if not args.command:
        parser.print_help(out)
        return EXIT_FAILED
    try:
        return COMMANDS[args.command](args, out, err)
    except GyokakuError as exc:
        print(f"エラー: {exc}", file=err)
        _print_details(exc, err)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("中断しました。", file=err)
        return EXIT_FAILED


def _print_details(exc: GyokakuError, err: TextIO) -> None:
    """Every finding an error carries (e.g. each plan-master error with its cell), one per line."""
    from gyokaku_xl.app.summary_lines import error_detail_lines
    for line in error_detail_lines(exc):
        print(line, file=err)


def _safe_streams(*streams: TextIO) -> None:
    """Never crash on a console that cannot show a character (cp932): replace it instead."""
    for s in streams:
        reconfigure = getattr(s, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


class _PipeSafe:
    """A text stream whose reader may go away (``… | head``): later output is dropped quietly.

    The command still finishes and returns its exit code. When the stream is the process's own
    stdout or stderr, the closed pipe is replaced by the null device, so that the interpreter's
    final flush raises nothing either.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._closed = False

    def write(self, text: str) -> int:  # noqa: D102 - stream protocol
        if not self._closed:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._gone()
        return len(text)

    def flush(self) -> None:  # noqa: D102 - stream protocol
        if not self._closed:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._gone()

    def _gone(self) -> None:
        self._closed = True
        if self._stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self._stream.fileno())
                os.close(devnull)
            except (OSError, ValueError):
                pass

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _cmd_template(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from gyokaku_xl.run.forms import make_forms
    period = _period(args, required=True)
    if args.previous is not None and args.no_previous:
        raise GyokakuError("--previous と --no-previous は同時に指定できません。")
    outcome = make_forms(args.plan, period, args.out, departments=args.department, overwrite=args.force,
                         previous=args.previous, history_dir=args.history,
                         use_previous=not args.no_previous)
    for f in outcome.plan_findings + outcome.history_findings:
        where = f.location()
        print(f"{f.severity}: {where + ' ' if where else ''}{f.message}", file=err)
    for path in outcome.paths:
        print(f"作成: {path}", file=out)
    print(f"調査票を {len(outcome.paths)} 件作成しました（{period.label}）。", file=out)
    if outcome.previous is not None:
        source = Path(outcome.previous.source).name
        print(g.TEMPLATE_CARRIED.format(period=outcome.previous.period.label, source=source), file=out)
    elif outcome.history_dir is not None and not Path(outcome.history_dir).is_dir():
        print(g.TEMPLATE_HISTORY_MISSING.format(folder=outcome.history_dir), file=out)
    elif outcome.history_dir is not None:
        print(g.TEMPLATE_NOT_CARRIED.format(folder=outcome.history_dir, period=period.label), file=out)
    return EXIT_OK


def _progress(args: argparse.Namespace, err: TextIO):
    from gyokaku_xl.app.console import progress_reporter
    return progress_reporter(err, enabled=not getattr(args, "quiet", False))


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from gyokaku_xl.app.console import print_summary
    from gyokaku_xl.run.check import check
    with _progress(args, err) as progress:
        outcome = check(args.inbox, plan_path=args.plan, period=_period(args, required=False),
                        report=args.report, annotate=args.annotate, progress=progress)
    print_summary(outcome, out)
    return outcome.exit_code


def _cmd_merge(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from gyokaku_xl.app.console import print_summary
    from gyokaku_xl.run.merge import merge
    with _progress(args, err) as progress:
        outcome = merge(args.inbox, args.output, plan_path=args.plan,
                        period=_period(args, required=False), annotate=args.annotate,
                        pdf=args.pdf, progress=progress, opendata=args.opendata,
                        history_dir=args.history)
    print_summary(outcome, out)
    if outcome.failure or outcome.locked:  # nothing written, or written under another name
        print(f"エラー: {outcome.failure or outcome.locked}", file=err)
    return outcome.exit_code


def _cmd_pdf(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from gyokaku_xl.publish.pdf import pdf_target
    from gyokaku_xl.run.publish import publish
    opendata = None
    if args.opendata is not None:  # --opendata without a folder: beside the PDF
        opendata = Path(args.opendata) if args.opendata else pdf_target(Path(args.master), args.out).parent
    outcome = publish(args.master, args.out, opendata=opendata)
    for notice in outcome.notices:
        print(notice, file=out)
    for path in outcome.pdf_paths:
        print(f"PDF: {path}", file=out)
    for path in outcome.opendata_paths:
        print(g.OPENDATA_WRITTEN.format(path=path), file=out)
    return EXIT_OK


def _cmd_button(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from gyokaku_xl.app.button_book import build_control_workbook, interpreter_for_book
    path = build_control_workbook(args.output, inbox=args.inbox, plan=args.plan, master=args.master,
                                  year=args.year, period=args.period)
    print(f"作成: {path}", file=out)
    interpreter = interpreter_for_book()
    if interpreter.placeholder:
        from gyokaku_xl.text import glossary as g
        print(g.BUTTON_BUILD_PLACEHOLDER.format(path=interpreter.path), file=err)
    return EXIT_OK


def _cmd_doctor(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from gyokaku_xl.app.doctor import diagnose
    report = diagnose(book=args.book)
    for line in report.lines():
        print(line, file=out)
    return EXIT_OK if report.ok else EXIT_ATTENTION


def _cmd_term_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from gyokaku_xl.run.term_report import term_report
    outcome = term_report(args.plan, args.output, history_dir=args.history, next_plan=args.next_plan)
    for f in outcome.findings:
        where = f.location()
        print(f"{f.severity}: {where + ' ' if where else ''}{f.message}", file=err)
    print(rt.TERM_WRITTEN.format(path=outcome.output, first=outcome.periods[0].label,
                                 last=outcome.periods[-1].label, periods=len(outcome.periods),
                                 count=outcome.initiatives), file=out)
    if outcome.next_plan is not None:
        print(rt.NEXT_PLAN_WRITTEN.format(path=outcome.next_plan, count=outcome.continuing), file=out)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "template": _cmd_template,
    "check": _cmd_check,
    "merge": _cmd_merge,
    "pdf": _cmd_pdf,
    "button": _cmd_button,
    "doctor": _cmd_doctor,
    "term-report": _cmd_term_report,
}

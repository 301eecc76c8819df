"""``python -m gyokaku_xl …``: arguments in, exit code out, progress and a summary on the console.

A thin adapter over the :mod:`gyokaku_xl.run` functions. Exit codes: 0 all valid (warnings allowed),
1 the master was written but some input was rejected, 2 nothing could be done.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable, Sequence, TextIO

from gyokaku_xl.domain.version import __version__
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl import text as g
from gyokaku_xl.text import control as ctl
from gyokaku_xl.domain.model import Period, PeriodError, parse_fiscal_year, parse_period
from gyokaku_xl.domain.outcome import EXIT_ATTENTION, EXIT_FAILED, EXIT_OK
from gyokaku_xl.infra.compat import argparse_usage
from gyokaku_xl.render.styles import NO_LINE_START, text_units

_ARGPARSE_MESSAGES = g.CLI_ARGPARSE_MESSAGES


#: Pieces never split: a Latin word or one character, with the characters that may not begin a line
#: (small kana, the long-vowel mark, closing brackets and punctuation) kept on the piece before them.
_WRAP_PIECE = re.compile(r"\s+|(?:[!-~]+|.)[" + re.escape("".join(sorted(NO_LINE_START))) + "]*")


#: One part of a usage line, as argparse splits them: a group in () or [], or a word.
_USAGE_PART = re.compile(r"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+")


def wrap_by_width(text: str, width: int) -> list[str]:
    """``text`` wrapped at ``width`` console columns: at spaces between Latin words, anywhere between
    wide characters (a Latin word is never split unless longer than a line)."""
    lines: list[str] = []
    line, used = "", 0
    for piece in _WRAP_PIECE.findall(" ".join(text.split())):
        w = text_units(piece)
        if piece.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        if used + w > width and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + piece, used + w
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


class _Formatter(argparse.HelpFormatter):
    """Help text with a Japanese usage prefix, its columns aligned by display width (a full-width
    character takes two columns of the console, where argparse counts it as one)."""

    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: D102 - argparse API
        super().add_usage(usage, actions, groups, prefix=g.CLI_USAGE if prefix is None else prefix)

    def _format_usage(self, usage, actions, groups, prefix):  # noqa: D102 - argparse API, rewrapped by width
        text = argparse_usage(self, usage, actions, groups, prefix)
        head = prefix if prefix is not None else ""
        flat = " ".join(text[len(head):].split())
        if not flat.startswith(self._prog) or usage is not None:
            return text
        parts = _USAGE_PART.findall(flat[len(self._prog):])
        first = f"{head}{self._prog}"
        same_line = text_units(first) <= 0.6 * self._width  # else the parts start below the program
        indent = " " * (text_units(first) + 1 if same_line else text_units(head))
        lines, line = ([], first) if same_line else ([first], "")
        for part in parts:
            candidate = f"{line} {part}" if line else f"{indent}{part}"
            if line and text_units(candidate) > self._width:
                lines.append(line)
                candidate = f"{indent}{part}"
            line = candidate
        if line:
            lines.append(line)
        return "\n".join(lines) + "\n\n"

    def add_argument(self, action):  # noqa: D102 - argparse API
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            invocations = [self._format_action_invocation(action)]
            invocations += [self._format_action_invocation(a) for a in self._iter_indented_subactions(action)]
            self._action_max_length = max(self._action_max_length,
                                          max(map(text_units, invocations)) + self._current_indent)

    def _format_action(self, action):  # noqa: D102 - argparse API, measured by display width
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        indent = " " * self._current_indent
        if not action.help:
            parts = [f"{indent}{header}\n"]
        elif text_units(header) <= action_width:
            parts = [f"{indent}{header}{' ' * (action_width - text_units(header))}  "]
            indent_first = 0
        else:
            parts = [f"{indent}{header}\n"]
            indent_first = help_position
        if action.help and action.help.strip():
            help_text = self._expand_help(action)
            if help_text:
                lines = self._split_lines(help_text, help_width)
                parts.append(" " * indent_first + lines[0] + "\n")
                parts += [" " * help_position + line + "\n" for line in lines[1:]]
        elif not parts[0].endswith("\n"):
            parts.append("\n")
        for subaction in self._iter_indented_subactions(action):
            parts.append(self._format_action(subaction))
        return self._join_parts(parts)

    def _split_lines(self, text, width):  # noqa: D102 - argparse API
        return wrap_by_width(text, width)

    def _fill_text(self, text, width, indent):  # noqa: D102 - argparse API
        return "\n".join(indent + line for line in wrap_by_width(text, width - len(indent)))


class _Parser(argparse.ArgumentParser):
    """argparse with Japanese help, Japanese errors and exit code 2 without a traceback."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = g.CLI_POSITIONALS
        self._optionals.title = g.CLI_OPTIONALS

    def parse_args(self, args=None, namespace=None):  # noqa: D102 - argparse API
        """Arguments no command knows are reported by the command's own parser (its usage, not the
        top level's), with a hint where a known mistake has a known fix (``check -o`` → --report)."""
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            command = getattr(namespace, "command", None)
            parser = self._command_parser(command) or self
            hints = [g.CLI_HINTS[(command, a.split("=")[0])] for a in extras
                     if (command, a.split("=")[0]) in g.CLI_HINTS]
            unknown = g.CLI_UNKNOWN_ARGUMENTS.format(args=" ".join(extras))
            parser.error(unknown + g.FULL_STOP + hints[0] if hints else unknown)
        return namespace

    #: The sub-commands' parsers (``add_subparsers``'s action), for :meth:`_command_parser`.
    _commands: Any = None

    def add_subparsers(self, **kwargs):  # noqa: D102 - argparse API: remembered for _command_parser
        self._commands = super().add_subparsers(**kwargs)
        return self._commands

    def _command_parser(self, command: str | None) -> "argparse.ArgumentParser | None":
        commands = self._commands
        return commands.choices.get(command) if commands is not None and command else None

    def error(self, message: str) -> None:  # noqa: D401 - argparse API
        for english, japanese in _ARGPARSE_MESSAGES:
            message = message.replace(english, japanese)
        self.print_usage(sys.stderr)
        self.exit(EXIT_FAILED, g.CLI_ARGUMENT_ERROR.format(message=message) + "\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m gyokaku_xl", description=g.CLI_DESCRIPTION, add_help=False)
    p.add_argument("-h", "--help", action="help", help=g.CLI_HELP)
    p.add_argument("--version", action="version", version=f"gyokaku_xl {__version__}", help=g.CLI_VERSION)
    sub = p.add_subparsers(dest="command", metavar=g.CLI_META_COMMAND, parser_class=_Parser)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_text, description=help_text, add_help=False)
        sp.add_argument("-h", "--help", action="help", help=g.CLI_HELP)
        return sp

    t = add("template", g.CLI_TEMPLATE)
    t.add_argument("--plan", required=True, type=Path, metavar=g.CLI_META_PLAN, help=g.CLI_TEMPLATE_PLAN)
    t.add_argument("--year", required=True, metavar=g.CLI_META_YEAR, help=g.CLI_TEMPLATE_YEAR)
    t.add_argument("--period", required=True, metavar=g.CLI_META_PERIOD, help=g.CLI_TEMPLATE_PERIOD)
    t.add_argument("-o", "--out", "--output", dest="out", required=True, type=Path, metavar=g.CLI_META_FOLDER,
                   help=g.CLI_TEMPLATE_OUT)
    t.add_argument("--force", action="store_true", help=g.CLI_TEMPLATE_FORCE)
    t.add_argument("--department", action="append", metavar=g.CLI_META_DEPARTMENT, help=g.CLI_TEMPLATE_DEPARTMENT)
    t.add_argument("--previous", type=Path, metavar=g.CLI_META_MASTER, help=g.CLI_TEMPLATE_PREVIOUS)
    t.add_argument("--history", type=Path, metavar=g.CLI_META_HISTORY, help=g.CLI_TEMPLATE_HISTORY)
    t.add_argument("--no-previous", action="store_true", help=g.CLI_TEMPLATE_NO_PREVIOUS)
    t.add_argument("--opinions", type=Path, metavar=g.CLI_META_OPINIONS, help=g.CLI_OPINIONS_HELP)

    for name, text in (("check", g.CLI_CHECK), ("merge", g.CLI_MERGE)):
        c = add(name, text)
        c.add_argument("inbox", type=Path, metavar=g.CLI_META_INBOX, help=g.CLI_INBOX)
        c.add_argument("--plan", type=Path, metavar=g.CLI_META_PLAN, help=g.CLI_PLAN)
        c.add_argument("--year", metavar=g.CLI_META_YEAR, help=g.CLI_YEAR)
        c.add_argument("--period", metavar=g.CLI_META_PERIOD, help=g.CLI_PERIOD)
        if name == "check":
            c.add_argument("--report", type=Path, metavar=g.CLI_META_REPORT, help=g.CLI_CHECK_REPORT)
            c.add_argument("--annotate", type=Path, metavar=g.CLI_META_FOLDER, help=g.CLI_ANNOTATE)
        else:
            c.add_argument("-o", "--output", type=Path, default=Path(g.MASTER_FILE_NAME), metavar=g.CLI_META_MASTER,
                           help=g.CLI_MERGE_OUTPUT)
            c.add_argument("--annotate", type=Path, metavar=g.CLI_META_FOLDER, help=g.CLI_ANNOTATE)
            c.add_argument("--pdf", action="store_true", help=g.CLI_MERGE_PDF)
            c.add_argument("--opendata", type=Path, metavar=g.CLI_META_FOLDER, help=g.CLI_MERGE_OPENDATA)
            c.add_argument("--history", type=Path, metavar=g.CLI_META_HISTORY, help=g.CLI_MERGE_HISTORY)
        c.add_argument("-q", "--quiet", action="store_true", help=g.CLI_QUIET)

    r = add("remind", g.CLI_REMIND_HELP)
    r.add_argument("inbox", type=Path, metavar=g.CLI_META_INBOX, help=g.CLI_INBOX)
    r.add_argument("--plan", type=Path, metavar=g.CLI_META_PLAN, help=g.CLI_PLAN)
    r.add_argument("-o", "--out", "--output", dest="out", type=Path, default=Path(g.CLI_REMIND_OUT_DEFAULT),
                   metavar=g.CLI_META_FOLDER, help=g.CLI_REMIND_OUT_HELP)
    r.add_argument("--year", metavar=g.CLI_META_YEAR, help=g.CLI_YEAR)
    r.add_argument("--period", metavar=g.CLI_META_PERIOD, help=g.CLI_PERIOD)

    pdf = add("pdf", g.CLI_PDF)
    pdf.add_argument("master", type=Path, metavar=g.CLI_META_MASTER, help=g.CLI_PDF_MASTER)
    pdf.add_argument("-o", "--out", "--output", dest="out", type=Path, metavar=g.CLI_META_OUT, help=g.CLI_PDF_OUT)
    pdf.add_argument("--opendata", nargs="?", const="", type=str, metavar=g.CLI_META_FOLDER,
                     help=g.CLI_PDF_OPENDATA)

    b = add("button", g.CLI_BUTTON.format(caption=g.BUTTON_CAPTION))
    b.add_argument("-o", "--output", type=Path, default=Path(g.BUTTON_FILE_NAME), metavar=g.CLI_META_BOOK,
                   help=g.CLI_BUTTON_OUTPUT)
    b.add_argument("--inbox", default=g.CLI_BUTTON_INBOX_DEFAULT, metavar=g.CLI_META_FOLDER, help=g.CLI_BUTTON_INBOX)
    b.add_argument("--plan", default=str(Path(g.PLAN_FILE_NAME)), metavar=g.CLI_META_PLAN, help=g.CLI_BUTTON_PLAN)
    b.add_argument("--master", default=g.MASTER_FILE_NAME, metavar=g.CLI_META_MASTER, help=g.CLI_BUTTON_MASTER)
    b.add_argument("--year", default="", metavar=g.CLI_META_YEAR, help=g.CLI_BUTTON_YEAR)
    b.add_argument("--period", default="", metavar=g.CLI_META_PERIOD, help=g.CLI_BUTTON_PERIOD)
    b.add_argument("--forms", default=ctl.SETTING_DEFAULTS[ctl.SETTING_FORMS], metavar=g.CLI_META_FOLDER,
                   help=ctl.CLI_BUTTON_FORMS)
    b.add_argument("--returns", default=ctl.SETTING_DEFAULTS[ctl.SETTING_RETURNS], metavar=g.CLI_META_FOLDER,
                   help=ctl.CLI_BUTTON_RETURNS)
    b.add_argument("--reminders", default=ctl.SETTING_DEFAULTS[ctl.SETTING_REMINDERS], metavar=g.CLI_META_FOLDER,
                   help=ctl.CLI_BUTTON_REMINDERS)
    b.add_argument("--force", action="store_true", help=ctl.CLI_BUTTON_FORCE)
    b.add_argument("--upgrade", type=Path, metavar=g.CLI_META_BOOK, help=ctl.CLI_BUTTON_UPGRADE)

    tr = add("term-report", g.CLI_TERM_HELP)
    tr.add_argument("--plan", required=True, type=Path, metavar=g.CLI_META_PLAN, help=g.CLI_TERM_PLAN)
    tr.add_argument("--history", type=Path, metavar=g.CLI_META_HISTORY, help=g.CLI_TERM_HISTORY)
    tr.add_argument("-o", "--output", type=Path, default=Path(g.TERM_REPORT_FILE_NAME), metavar=g.CLI_META_TERM_REPORT,
                    help=g.CLI_TERM_OUTPUT)
    tr.add_argument("--next-plan", type=Path, metavar=g.CLI_META_NEXT_PLAN, help=g.CLI_TERM_NEXT_PLAN)

    d = add("doctor", g.CLI_DOCTOR.format(caption=g.BUTTON_CAPTION))
    d.add_argument("--book", type=Path, metavar=g.CLI_META_BOOK, help=g.CLI_DOCTOR_BOOK)
    return p


def _period(args: argparse.Namespace, required: bool) -> Period | None:
    """The period named by --year/--period; each value's own mistake is reported first."""
    if args.year:
        try:
            parse_fiscal_year(args.year)
        except PeriodError:
            raise GyokakuError(g.CLI_YEAR_INVALID.format(value=args.year)) from None
    if args.period:
        try:
            parse_period(args.period)
        except PeriodError:
            raise GyokakuError(g.CLI_PERIOD_INVALID.format(value=args.period, choices=g.SEP_DOT.join(g.PERIODS))) from None
    if not args.year and not args.period:
        if required:
            raise GyokakuError(g.CLI_PERIOD_REQUIRED)
        return None
    if not args.year or not args.period:
        missing = g.CLI_YEAR_OPTION if not args.year else g.CLI_PERIOD_OPTION
        raise GyokakuError(g.CLI_PERIOD_BOTH.format(missing=missing))
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
        print(g.CLI_ERROR.format(message=exc), file=err)
        _print_details(exc, err)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(g.CLI_INTERRUPTED, file=err)
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
        raise GyokakuError(g.CLI_PREVIOUS_BOTH)
    outcome = make_forms(args.plan, period, args.out, departments=args.department, overwrite=args.force,
                         previous=args.previous, history_dir=args.history,
                         use_previous=not args.no_previous, opinions=args.opinions)
    for f in outcome.plan_findings + outcome.history_findings + outcome.opinion_findings:
        where = f.location()
        print(f"{f.severity}: {where + ' ' if where else ''}{f.message}", file=err)
    for path in outcome.paths:
        print(g.CLI_CREATED.format(path=path), file=out)
    print(g.CLI_FORMS_MADE.format(count=len(outcome.paths), period=period.label), file=out)
    if args.opinions is not None:
        print(g.TEMPLATE_OPINIONS.format(count=len(outcome.opinions) - len(outcome.opinions_carried),
                                          initiatives=len({o.initiative_id for o in outcome.opinions}),
                                          source=Path(args.opinions).name), file=out)
    if outcome.opinions_carried and outcome.previous is not None:
        print(g.TEMPLATE_OPINIONS_CARRIED.format(period=outcome.previous.period.label,
                                                  count=len(outcome.opinions_carried)), file=out)
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
        print(g.CLI_ERROR.format(message=outcome.failure or outcome.locked), file=err)
    return outcome.exit_code


def _cmd_remind(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from gyokaku_xl.run.remind import remind
    outcome = remind(args.inbox, args.out, plan_path=args.plan, period=_period(args, required=False))
    for notice in outcome.notices:
        print(notice, file=out)
    for row in outcome.chased:
        print(g.REMIND_DRAFT_LINE.format(department=row.department, state=row.state, path=row.draft), file=out)
    if not outcome.chased and outcome.result is not None:
        print(g.REMIND_NOTHING.format(period=outcome.result.period.label), file=out)
    if outcome.listing is not None:
        print(g.REMIND_LIST_LINE.format(path=outcome.listing), file=out)
    print(g.REMIND_NOT_SENT, file=out)
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
    from gyokaku_xl.app.button_book import (IF_EXISTS_REFUSE, IF_EXISTS_REPLACE, build_control_workbook,
                                            interpreter_for_book, upgrade_control_workbook)
    if args.upgrade is not None:
        upgrade = upgrade_control_workbook(args.upgrade)
        print(ctl.UPGRADE_DONE.format(path=upgrade.path), file=out)
        print(ctl.UPGRADE_KEPT.format(count=len(upgrade.kept), labels=g.SEP_DOT.join(upgrade.kept)), file=out)
        for text, labels in ((ctl.UPGRADE_NEW, upgrade.added), (ctl.UPGRADE_DROPPED, upgrade.dropped)):
            if labels:
                print(text.format(labels=g.SEP_DOT.join(labels)), file=out)
        if upgrade.interpreter:
            print(ctl.UPGRADE_CONF_KEPT.format(path=upgrade.interpreter), file=out)
            return EXIT_OK
    else:
        path = build_control_workbook(args.output, inbox=args.inbox, plan=args.plan, master=args.master,
                                      year=args.year, period=args.period, forms=args.forms,
                                      returns=args.returns, reminders=args.reminders,
                                      if_exists=IF_EXISTS_REPLACE if args.force else IF_EXISTS_REFUSE)
        print(g.CLI_CREATED.format(path=path), file=out)
    interpreter = interpreter_for_book()
    if interpreter.placeholder:
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
    print(g.TERM_WRITTEN.format(path=outcome.output, first=outcome.periods[0].label,
                                 last=outcome.periods[-1].label, periods=len(outcome.periods),
                                 count=outcome.initiatives), file=out)
    if outcome.next_plan is not None:
        print(g.NEXT_PLAN_WRITTEN.format(path=outcome.next_plan, count=outcome.continuing), file=out)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "template": _cmd_template,
    "check": _cmd_check,
    "merge": _cmd_merge,
    "remind": _cmd_remind,
    "pdf": _cmd_pdf,
    "button": _cmd_button,
    "doctor": _cmd_doctor,
    "term-report": _cmd_term_report,
}

"""What the 総括 sheet (資料1-1) says, computed from a merge result (pure; no Excel here).

:func:`build_summary` turns a :class:`~gyokaku_xl.domain.records.MergeResult` into :class:`SummaryData`:
the generated sentences, the 取組の視点 × 進捗状況 table, the chart series and the texts of
sections 2 and 3. The renderer only lays these out.

Decisions (see the issue's text contract):

* 「N事業でMの取組を実施」: M is the number of reported 取組 (the records), N the number of
  distinct 事業 among them, so the sentence always agrees with the table and chart. When the plan
  has 取組 without a report, a note says how many are missing from the count.
* Counts in sentences use half-width digits; section numbers and 資料番号 are full-width.
* Size policy: section 2 and section 3 each show at most ``list_limit(plan)`` lines (titles and
  bullets). Beyond it, whole 事業 (section 2) or whole 事業 groups (section 3) are kept while they
  fit, and one closing line says how many more there are and that 資料1-3 has them all. A plan under
  the limit is shown in full, exactly as before.
* A not-on-track status with no 取組 is written 「「未着手」はなし」 in its place in scale order; when
  none has any, one sentence 「・「遅れ」「未着手」「休止」とした取組はなし。」 says so.
"""

from __future__ import annotations

import re
from typing import Sequence

from gyokaku_xl import text as g
from gyokaku_xl.core.revisions import revision_view, summary_note
from gyokaku_xl.domain.model import Plan, share_percent, to_fullwidth_digits
from gyokaku_xl.domain.normalize import key, positive_int
from gyokaku_xl.domain.content import (ChartPoint, FlaggedLine, PerspectiveBlock, ProgramBlock, RevisionView,
                                       StatusTable, SummaryData, TableRow)
from gyokaku_xl.domain.records import MergeResult, Record, Submission
from gyokaku_xl.domain.tokens import BULLETS, SPACES

BULLET = g.REPORT_BULLET
_BULLETS = BULLETS
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Kinds of section 3 line.
FLAGGED_INITIATIVE = "initiative"
FLAGGED_BULLET = "bullet"
FLAGGED_NONE = "none"
FLAGGED_MORE = "more"  # the closing line of a bounded list (laid out like the 'none' line)

#: Lines of section 2 and of section 3 at most, unless the plan master's 設定 says otherwise
#: (「総括の一覧の上限」). 資料1-1 is a one-page 総括; the full lists are on 資料1-3.
DEFAULT_LIST_LIMIT = 60


# --- small text helpers ---------------------------------------------------------------------------
def doc_label(sheet_name: str) -> str:
    """``資料1-2`` → ``資料１－２`` as the official document writes 資料番号."""
    return to_fullwidth_digits(sheet_name).replace("-", g.REPORT_DOC_DASH)


def _shared_prefix_dropped(first: str, second: str) -> str:
    """``資料１－３`` after ``資料１－２`` → ``１－３`` (the official 「資料１－２、１－３」)."""
    n = 0
    while n < min(len(first), len(second)) and first[n] == second[n] and not first[n].isdigit():
        n += 1
    return second[n:]


def quoted(names: tuple[str, ...] | list[str]) -> str:
    """``("済", "概ね順調")`` → ``「済」「概ね順調」``."""
    return "".join(g.QUOTED.format(n) for n in names)


def text_lines(text: str) -> list[str]:
    """The non-empty lines of a cell text, stripped of surrounding spaces."""
    return [s for s in (line.strip(SPACES) for line in _LINE_BREAK.split(text)) if s]


def with_bullet(line: str) -> str:
    """``line`` starting with 「・」 (added when it has none)."""
    return line if line.startswith(_BULLETS) else BULLET + line


def _line_key(line: str) -> str:
    """The de-duplication key of a line: width, spaces and a leading bullet ignored."""
    k = key(line)
    while k[:1] in _BULLETS:
        k = k[1:]
    return k


class _Unique:
    """Collects lines, dropping ones already seen (by :func:`_line_key`)."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def take(self, lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            k = _line_key(line)
            if k and k not in self.seen:
                self.seen.add(k)
                out.append(line)
        return out


# --- the pieces -----------------------------------------------------------------------------------
def status_table(plan: Plan, records: list[Record]) -> StatusTable:
    """Count records per perspective (plan order) and status (scale order), with totals."""
    names = plan.scale.names
    index = {n: i for i, n in enumerate(names)}
    counts = {p.number: [0] * len(names) for p in plan.perspectives}
    for r in records:
        col = index.get(r.status)
        if col is not None and r.perspective.number in counts:
            counts[r.perspective.number][col] += 1
    rows = tuple(TableRow(p.label, tuple(counts[p.number]), sum(counts[p.number]))
                 for p in plan.perspectives)
    column_totals = tuple(sum(row.counts[i] for row in rows) for i in range(len(names)))
    return StatusTable(names, rows, TableRow(g.REPORT_TOTAL, column_totals, sum(column_totals)))


def chart_points(plan: Plan, table: StatusTable) -> tuple[ChartPoint, ...]:
    """One chart point per status in scale order, labelled ``count(status)``."""
    return tuple(ChartPoint(name, count, g.REPORT_CHART_LABEL.format(count=count, status=name),
                            plan.scale.is_on_track(name))
                 for name, count in zip(table.statuses, table.totals.counts))


def sentences(plan: Plan, table: StatusTable, program_count: int) -> tuple[str, ...]:
    """The three sentences of section 1."""
    total = table.totals.total
    by_status = dict(zip(table.statuses, table.totals.counts))
    on_track = plan.scale.on_track
    on_count = sum(by_status[n] for n in on_track)
    percent = share_percent(on_count, total, plan.rounding)
    first = g.REPORT_SENTENCE_COUNTS.format(programs=program_count, initiatives=total)
    second = g.REPORT_SENTENCE_ON_TRACK.format(statuses=quoted(on_track), count=on_count,
                                               percent=percent)
    out = [first, second]
    not_on_track = plan.scale.not_on_track
    if not_on_track:
        if not any(by_status[n] for n in not_on_track):
            out.append(g.REPORT_SENTENCE_NONE_FLAGGED.format(statuses=quoted(not_on_track)))
        else:
            parts = [g.REPORT_STATUS_COUNT.format(status=g.QUOTED.format(n), count=by_status[n]) if by_status[n]
                     else g.REPORT_STATUS_NONE.format(status=g.QUOTED.format(n)) for n in not_on_track]
            out.append(g.REPORT_SENTENCE_NOT_ON_TRACK.format(parts=g.SEP_LIST.join(parts)))
    return tuple(out)


def program_blocks(plan: Plan, records: list[Record],
                   status_errors: frozenset[str] = frozenset()) -> tuple[PerspectiveBlock, ...]:
    """Section 2: per perspective, each 総括掲載 事業 with its de-duplicated lines; a 事業 without a
    merged row says why: 進捗状況の誤り when one of its 取組 was reported with one, else 報告なし."""
    by_program: dict[str, list[Record]] = {}
    for r in records:
        by_program.setdefault(r.program.number, []).append(r)
    blocks = []
    for perspective in plan.perspectives:
        programs = []
        for program in plan.programs_of(perspective.number):
            if not program.summary:
                continue
            mine = by_program.get(program.number, [])
            seen = _Unique()
            bullets = seen.take([with_bullet(line) for r in mine for line in text_lines(r.text("progress"))])
            next_steps = seen.take([line for r in mine for line in text_lines(r.text("next_steps"))])
            if not mine:
                misreported = any(i.id in status_errors for i in plan.initiatives_of_program(program.number))
                bullets = [g.REPORT_STATUS_ERROR if misreported else g.REPORT_NOT_REPORTED]
            programs.append(ProgramBlock(program.number, program.title, tuple(bullets), tuple(next_steps)))
        if programs:
            blocks.append(PerspectiveBlock(perspective.heading, tuple(programs)))
    return tuple(blocks)


def flagged_groups(plan: Plan, records: list[Record]) -> list[list[FlaggedLine]]:
    """Section 3 per 事業: each not-on-track 取組, then the 事業's reason / next-step bullets once."""
    not_on_track = set(plan.scale.not_on_track)
    groups: dict[str, list[Record]] = {}
    for r in records:
        if r.status in not_on_track:
            groups.setdefault(r.program.number, []).append(r)
    if not groups:
        names = quoted(plan.scale.not_on_track) or g.REPORT_NOT_ON_TRACK
        return [[FlaggedLine(FLAGGED_NONE, g.REPORT_FLAGGED_NONE.format(statuses=names))]]
    out: list[list[FlaggedLine]] = []
    for group in groups.values():
        lines_of_group: list[FlaggedLine] = []
        for n, r in enumerate(group):
            program = r.program.name if n == 0 else g.REPORT_SAME_AS_ABOVE
            lines_of_group.append(FlaggedLine(FLAGGED_INITIATIVE, g.REPORT_FLAGGED_LINE.format(
                initiative=r.initiative.name, status=r.status, program=program), r.status))
        seen = _Unique()
        lines = [with_bullet(line) for r in group for line in text_lines(r.text("delay_reason"))]
        lines += [with_bullet(line) for r in group for line in text_lines(r.text("next_steps"))]
        lines_of_group.extend(FlaggedLine(FLAGGED_BULLET, line) for line in seen.take(lines))
        out.append(lines_of_group)
    return out


def list_limit(plan: Plan) -> int:
    """Lines each of sections 2 and 3 may take: the plan's 「総括の一覧の上限」 or the default."""
    text = plan.settings.get(g.SETTING_SUMMARY_LIST_LIMIT, "")
    number = positive_int(text)
    return DEFAULT_LIST_LIMIT if number is None else number


def bounded_programs(blocks: tuple[PerspectiveBlock, ...], limit: int) -> tuple[tuple[PerspectiveBlock, ...], int]:
    """Section 2 within ``limit`` lines: whole 事業 while they fit; returns the blocks and how many 事業 were left out.

    A 事業 counts its title and its lines. When not even the first 事業 fits, it is shown with as
    many lines as fit (a section is never empty).
    """
    total = sum(1 + len(p.lines) for b in blocks for p in b.programs)
    if total <= limit:
        return blocks, 0
    budget = limit - 1  # the closing line
    kept: list[PerspectiveBlock] = []
    used = shown = 0
    for block in blocks:
        programs = []
        for program in block.programs:
            size = 1 + len(program.lines)
            if used + size > budget:
                if shown == 0 and not programs:
                    room = max(0, budget - 1)
                    bullets = program.bullets[:room]
                    steps = program.next_steps[:max(0, room - len(bullets))]
                    programs.append(ProgramBlock(program.number, program.title, bullets, steps))
                    shown += 1
                break
            programs.append(program)
            used += size
            shown += 1
        if programs:
            kept.append(PerspectiveBlock(block.heading, tuple(programs)))
        if len(programs) < len(block.programs):
            break
    left = sum(len(b.programs) for b in blocks) - shown
    return tuple(kept), left


def bounded_flagged(groups: list[list[FlaggedLine]], limit: int, more: str) -> tuple[FlaggedLine, ...]:
    """Section 3 within ``limit`` lines: whole 事業 groups while they fit, then ``more`` (with the count).

    When not even the first group fits, its first lines are shown (a section is never empty).
    """
    lines = tuple(line for group in groups for line in group)
    if len(lines) <= limit:
        return lines
    budget = max(1, limit - 1)  # the closing line
    kept: list[FlaggedLine] = []
    for group in groups:
        if len(kept) + len(group) > budget:
            if not kept:
                kept = group[:budget]
            break
        kept.extend(group)
    left = sum(1 for x in lines if x.kind == FLAGGED_INITIATIVE) - sum(1 for x in kept if x.kind == FLAGGED_INITIATIVE)
    return tuple(kept) + (FlaggedLine(FLAGGED_MORE, more.format(count=left)),)


def notes(plan: Plan, records: list[Record],
          submissions: Sequence[Submission] = (), status_errors: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Small print under the sentences: the rounding rule, and 取組 left out of the count, if any.

    With the submissions, 取組 left out are told apart: their department sent nothing (未提出),
    sent only files that could not be accepted (不受理), sent their row with a 進捗状況 that cannot be
    counted (進捗状況の誤り, ``status_errors``), or sent a file without their row (報告なし).
    """
    out = [g.REPORT_NOTE_ROUNDING.format(rounding=plan.rounding)]
    reported = {r.initiative.id for r in records}
    missing = [i for i in plan.initiatives if i.id not in reported]
    if not missing:
        return tuple(out)
    state = {s.department: s for s in submissions}
    counts = {g.REPORT_NOTE_NOT_SUBMITTED: 0, g.REPORT_NOTE_REJECTED: 0, g.REPORT_NOTE_STATUS_ERROR: 0,
              g.REPORT_NOTE_NOT_REPORTED: 0}
    for initiative in missing:
        s = state.get(initiative.department)
        if initiative.id in status_errors:
            counts[g.REPORT_NOTE_STATUS_ERROR] += 1
        elif s is not None and s.state == g.NOT_SUBMITTED:
            counts[g.REPORT_NOTE_NOT_SUBMITTED] += 1
        elif s is not None and s.state == g.HAS_ERRORS and s.rows_merged == 0:
            counts[g.REPORT_NOTE_REJECTED] += 1
        else:
            counts[g.REPORT_NOTE_NOT_REPORTED] += 1
    if counts[g.REPORT_NOTE_NOT_REPORTED] == len(missing):
        out.append(g.REPORT_NOTE_UNREPORTED.format(planned=len(plan.initiatives), missing=len(missing)))
    else:
        parts = g.SEP_DOT.join(g.REPORT_NOTE_PART.format(label=label, count=n) for label, n in counts.items() if n)
        out.append(g.REPORT_NOTE_LEFT_OUT.format(planned=len(plan.initiatives), missing=len(missing),
                                                 parts=parts))
    return tuple(out)


def build_summary(result: MergeResult, revisions: RevisionView | None = None) -> SummaryData:
    """Compute everything 資料1-1 shows from a merge result; ``revisions`` (default: the plan's
    changes against ``result.history``) gives the line under the table when the plan changed."""
    plan, records = result.plan, list(result.records)
    table = status_table(plan, records)
    program_count = len({r.program.number for r in records})
    on_count = sum(c for n, c in zip(table.statuses, table.totals.counts) if plan.scale.is_on_track(n))
    list_label, program_label = doc_label(g.SHEET_LIST), doc_label(g.SHEET_BY_PROGRAM)
    not_on_track = plan.scale.not_on_track
    section3 = (g.REPORT_SECTION_FLAGGED.format(statuses=quoted(not_on_track), by_program=program_label)
                if not_on_track else g.REPORT_SECTION_FLAGGED_NO_SCALE.format(by_program=program_label))
    limit = list_limit(plan)
    section2, programs_left = bounded_programs(program_blocks(plan, records, result.status_errors), limit)
    more3 = g.REPORT_SECTION3_MORE.replace("{by_program}", program_label)
    return SummaryData(
        doc_number=doc_label(g.SHEET_SUMMARY),
        title=plan.name,
        subtitle=g.REPORT_SUBTITLE_SUMMARY.format(period=result.period.label),
        section1_heading=g.REPORT_SECTION_PROGRESS.format(
            list=list_label, by_program=_shared_prefix_dropped(list_label, program_label)),
        sentences=sentences(plan, table, program_count),
        notes=notes(plan, records, result.submissions, result.status_errors),
        revision_note=summary_note(revisions or revision_view(plan, result.period, result.history)),
        table_heading=g.REPORT_TABLE_HEADING,
        table=table,
        chart_heading=g.REPORT_CHART_HEADING.format(total=table.totals.total),
        chart=chart_points(plan, table),
        section2_heading=g.REPORT_SECTION_PROGRAMS.format(by_program=program_label),
        section2=section2,
        section3_heading=section3,
        section3=bounded_flagged(flagged_groups(plan, records), limit, more3),
        section2_more=(g.REPORT_SECTION2_MORE.format(count=programs_left, by_program=program_label)
                       if programs_left else ""),
        program_count=program_count,
        initiative_count=table.totals.total,
        on_track_count=on_count,
        on_track_percent=share_percent(on_count, table.totals.total, plan.rounding),
    )

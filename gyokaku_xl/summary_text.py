"""The short Japanese run summary shown by the console and the Excel button (pure text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import glossary as g
from .findings import count_by_severity

if TYPE_CHECKING:
    from .pipeline import RunOutcome

#: How many error/warning findings the summary lists before pointing to the report.
MAX_LISTED = 20


def reconciliation_line(outcome: "RunOutcome") -> str:
    """``行: 読込 55 = 集約 54 + 除外 1`` — the counts that must reconcile."""
    t = outcome.result.tally
    mark = "" if t.reconciles else "  ※ 件数が一致しません"
    return f"行: 読込 {t.rows_read} = 集約 {t.rows_merged} + 除外 {t.rows_rejected}{mark}"


def not_submitted(outcome: "RunOutcome") -> list[str]:
    """Departments of the plan without a submission."""
    return [s.department for s in outcome.result.submissions if s.state == g.NOT_SUBMITTED]


def summary_lines(outcome: "RunOutcome") -> list[str]:
    """The run summary, one line each."""
    r = outcome.result
    t = r.tally
    c = count_by_severity(r.findings)
    lines = [f"対象: {r.period.label}　{r.plan.name}".rstrip()]
    lines.append(f"ファイル: {t.files_seen} 件（読込 {t.files_read}・受理 {t.files_accepted}・"
                 f"不受理 {t.files_rejected}・差替え {t.files_superseded}・読み飛ばし {t.files_skipped}）")
    lines.append(reconciliation_line(outcome))
    lines.append(f"指摘: {g.SEVERITY_ERROR} {c[g.SEVERITY_ERROR]} 件・{g.SEVERITY_WARNING} "
                 f"{c[g.SEVERITY_WARNING]} 件・{g.SEVERITY_INFO} {c[g.SEVERITY_INFO]} 件")
    if r.completeness_checked:
        missing = not_submitted(outcome)
        lines.append("未提出の所管課: " + ("、".join(missing) if missing else "なし"))
    else:
        lines.append("未提出の所管課: 確認していません（計画マスタなし）")
    lines.extend(outcome.notices)
    # 未提出 is already the line above; list every other error, then every other warning
    listed = [f for f in r.findings if f.code != "department-not-submitted"]
    serious = [f for f in listed if f.severity == g.SEVERITY_ERROR]
    serious += [f for f in listed if f.severity == g.SEVERITY_WARNING]
    for f in serious[:MAX_LISTED]:
        where = f.location()
        lines.append(f"  {f.severity}: {where + ' ' if where else ''}{f.message}")
    if len(serious) > MAX_LISTED:
        lines.append(f"  ほか {len(serious) - MAX_LISTED} 件（一覧は「{g.SHEET_FINDINGS}」シートを参照）")
    if outcome.output is not None:
        lines.append(f"集約結果: {outcome.output}")
    if outcome.by_program_book is not None:
        lines.append(f"{g.SPLIT_SUMMARY_LABEL}: {outcome.by_program_book}")
    if outcome.report is not None:
        lines.append(f"検証結果: {outcome.report}")
    for p in outcome.annotated:
        lines.append(f"指摘付きの写し: {p}")
    for p in outcome.pdf_paths:
        lines.append(f"PDF: {p}")
    return lines

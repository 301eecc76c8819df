"""What the master's report sheets show, as plain data: 資料1-1 (総括), 前期比較・推移・財政効果,
意見と対応 and the plan's changes (計画の変更).

Computed once per merge by :mod:`gyokaku_xl.core.summary` and :mod:`gyokaku_xl.core.movement`
(:func:`gyokaku_xl.core.content.master_content`); the renderers draw it and the console and the
Excel button read it from the run's outcome (:class:`gyokaku_xl.domain.outcome.RunOutcome`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gyokaku_xl import text as g
from gyokaku_xl.domain.model import Period
from gyokaku_xl.domain.opinions import OpinionRow
from gyokaku_xl.domain.targets import Actual, Indicator, Number


# --- 資料1-1 -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TableRow:
    """One row of the status table: a label, the count per status (scale order) and the total."""

    label: str
    counts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class StatusTable:
    """【取組活動数一覧】: perspectives × statuses with a 合計 row and column."""

    statuses: tuple[str, ...]
    rows: tuple[TableRow, ...]
    totals: TableRow


@dataclass(frozen=True)
class ChartPoint:
    """One slice of the status chart."""

    status: str
    count: int
    label: str  # "2(済)"
    on_track: bool


@dataclass(frozen=True)
class ProgramBlock:
    """A 事業 shown in section 2: its title, progress bullets and next-step lines."""

    number: str
    title: str
    bullets: tuple[str, ...]
    next_steps: tuple[str, ...]

    @property
    def lines(self) -> tuple[str, ...]:
        """The bullets then the next-step lines (what is printed under the title)."""
        return self.bullets + self.next_steps


@dataclass(frozen=True)
class PerspectiveBlock:
    """A perspective heading in section 2 and its 事業."""

    heading: str
    programs: tuple[ProgramBlock, ...]


@dataclass(frozen=True)
class FlaggedLine:
    """One line of section 3: an initiative line, a bullet, or the 'none' line."""

    kind: str
    text: str
    status: str = ""


@dataclass(frozen=True)
class SummaryData:
    """Everything printed on 資料1-1, in reading order."""

    doc_number: str
    title: str
    subtitle: str
    section1_heading: str
    sentences: tuple[str, ...]
    notes: tuple[str, ...]
    table_heading: str
    table: StatusTable
    chart_heading: str
    chart: tuple[ChartPoint, ...]
    section2_heading: str
    section2: tuple[PerspectiveBlock, ...]
    section3_heading: str
    section3: tuple[FlaggedLine, ...]
    section2_more: str
    program_count: int
    initiative_count: int
    on_track_count: int
    on_track_percent: int
    #: the line under the table when the plan changed this period ('' when it did not)
    revision_note: str = ""


# --- 前期比較 -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ComparisonRow:
    """One 取組: its previous and current status ('' when not reported) and the change."""

    initiative_id: str
    name: str
    program: str
    department: str
    previous: str
    current: str
    change: str  # one of text.CHANGES (or 終了・統合); '' when there is no previous period
    note: str = ""  # what a plan change did to it (「1-02 から番号変更」, 「2-02（遅れ）を統合」, 内容 of a 終了)

    @property
    def changed(self) -> bool:
        """True for 改善, 悪化 and 変化."""
        return self.change in (g.CHANGE_IMPROVED, g.CHANGE_WORSENED, g.CHANGE_CHANGED)


@dataclass(frozen=True)
class Comparison:
    """前期比較: the rows in plan order, the transition table and the count of each change."""

    current: Period
    previous: Period | None
    rows: tuple[ComparisonRow, ...]
    #: transition table: previous statuses (rows) × current statuses (columns); the last row is
    #: 「（なし）」 (not in the previous period), the last column 「（なし）」 (not reported now)
    row_labels: tuple[str, ...] = ()
    column_labels: tuple[str, ...] = ()
    matrix: tuple[tuple[int, ...], ...] = ()
    counts: tuple[tuple[str, int], ...] = ()

    def count(self, change: str) -> int:
        """How many 取組 had ``change``."""
        return dict(self.counts).get(change, 0)

    @property
    def improved(self) -> int:
        """Number of 改善."""
        return self.count(g.CHANGE_IMPROVED)

    @property
    def worsened(self) -> int:
        """Number of 悪化."""
        return self.count(g.CHANGE_WORSENED)


# --- 推移 -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TrendRow:
    """One period's status counts (in ``Trend.statuses`` order), total and on-track share."""

    period: Period
    counts: tuple[int, ...]
    total: int
    on_track: int
    share: int
    is_current: bool = False


@dataclass(frozen=True)
class Trend:
    """推移: one row per period, oldest first, the current period last."""

    statuses: tuple[str, ...]  # the scale, plus 「その他」 when an older period used other statuses
    rows: tuple[TrendRow, ...]
    has_other: bool = False
    #: (period, 取組 added, 取組 ended or merged) since the period before, where the plan changed
    changes: tuple[tuple[Period, int, int], ...] = ()
    #: 取組 of the plan without a report this period: counted by 前期比較 (報告なし), not in 推移's 合計
    not_reported: int = 0


# --- 財政効果 -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FiscalLine:
    """One line of 財政効果: amounts per year (None when nothing was reported), 累計, 目標額, 達成率."""

    labels: tuple[str, ...]
    amounts: tuple[int | None, ...]
    cumulative: int
    target: int | None = None
    rate: int | None = None  # percent; None without a (non-zero) target


@dataclass(frozen=True)
class YearLine:
    """One fiscal year against the plan's yearly target (財政効果目標 sheet)."""

    year: int
    amount: int | None
    target: int | None
    rate: int | None
    cumulative: int
    cumulative_target: int
    cumulative_rate: int | None


@dataclass(frozen=True)
class CarriedAmount:
    """A 取組's amount of an earlier report of the year, standing for the year where the year's
    latest report (``period``) has none."""

    initiative_id: str
    name: str
    period: Period  # the year's latest period, whose amount is blank or not reported
    source: Period  # the earlier period of the same year whose amount is used
    amount: int


@dataclass(frozen=True)
class Fiscal:
    """財政効果: the years shown (with the period each year's amount comes from) and the lines."""

    years: tuple[Period, ...]
    programs: tuple[FiscalLine, ...]  # plan order, each with labels (番号, 事業名, 所管課)
    perspectives: tuple[FiscalLine, ...]  # labels (視点,)
    total: FiscalLine
    by_year: tuple[YearLine, ...] = ()  # only when the plan has yearly targets
    has_targets: bool = False
    partial_targets: bool = False  # some 事業 have a target and some do not
    unmatched: int = 0  # 千円 reported for 取組 no longer in the plan (left out)
    any_amount: bool = False
    carried: tuple[CarriedAmount, ...] = ()  # amounts of an earlier report standing for their year
    notes: tuple[str, ...] = ()  # where merged and ended 取組's amounts are counted


# --- 計画の変更 -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChangeLine:
    """One change as the 「計画の変更」 sheet lists it, with the 取組名 it concerns."""

    period: Period
    kind: str  # one of domain.revisions.KINDS
    initiative_id: str
    new_id: str
    name: str
    content: str
    detected: bool


@dataclass(frozen=True)
class RevisionView:
    """The changes effective this period (after the previous period, up to the current one) and
    every change since the plan began, in order."""

    current: Period
    this_period: tuple[ChangeLine, ...]
    lines: tuple[ChangeLine, ...]

    def count(self, kind: str) -> int:
        """How many of this period's changes are of ``kind``."""
        return sum(1 for line in self.this_period if line.kind == kind)


# --- 数値目標 (computed by gyokaku_xl.core.targets) ------------------------------------------------
@dataclass(frozen=True)
class EarlierYear:
    """An earlier fiscal year of one indicator: its 目標値 and 実績値."""

    year: int
    target: Number | None
    actual: Number | None


@dataclass(frozen=True)
class TargetRow:
    """One indicator of the 数値目標 sheet."""

    indicator: Indicator
    initiative_name: str
    department: str
    perspective: int
    program: str
    target: Number | None
    actual: Actual | None
    rate: int | None
    rating: str
    earlier: tuple[EarlierYear, ...] = ()

    @property
    def value(self) -> Number | None:
        """The 実績値 (None when not reported)."""
        return self.actual.value if self.actual is not None else None


@dataclass(frozen=True)
class CountRow:
    """Indicators of one 取組の視点 (or all) per column of :attr:`TargetsTable.count_labels`."""

    label: str
    counts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class TargetsTable:
    """What the master's 数値目標 sheet shows."""

    period: Period
    rows: tuple[TargetRow, ...]
    years: tuple[int, ...]  # earlier fiscal years shown (with --history), oldest first
    bands: tuple[str, ...]  # the 評価区分, best first (empty: no ratings)
    count_labels: tuple[str, ...]
    counts: tuple[CountRow, ...]
    total: CountRow
    #: 取組番号 → the lines 資料1-3 prints under its texts (指標名: 実績値 / 目標値 単位, 達成率, 評価)
    lines: dict[str, tuple[str, ...]] = field(default_factory=dict)


# --- the master's content -----------------------------------------------------------------------
@dataclass(frozen=True)
class Movement:
    """What the three sheets show."""

    comparison: Comparison
    trend: Trend
    fiscal: Fiscal


@dataclass(frozen=True)
class OpinionContent:
    """「意見と対応」: this period's committee opinions with the replies, and the earlier ones still open."""

    rows: tuple[OpinionRow, ...] = ()  # plan order, one per opinion shown on an accepted form
    still_open: tuple[OpinionRow, ...] = ()  # earlier periods' opinions without a reply (未対応の意見)


@dataclass(frozen=True)
class MasterContent:
    """Everything the master shows beyond the records: 資料1-1, the movement sheets, the plan's changes
    (「計画の変更」, the console's and the Excel button's line), 意見と対応 and 数値目標."""

    summary: SummaryData
    movement: Movement
    revisions: RevisionView
    opinions: OpinionContent = field(default_factory=OpinionContent)
    #: the 数値目標 sheet and 資料1-3's indicator lines (None when the plan has no indicators)
    targets: TargetsTable | None = None

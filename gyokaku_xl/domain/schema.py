"""The one definition of the department form (取組状況調査票).

The template writer, the validator and the master's data sheet all take their columns, labels,
kinds and locked/required flags from :data:`FORM_COLUMNS`; the status list comes from the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from gyokaku_xl import text as g
from gyokaku_xl.domain.tokens import FORM_KIND_VALUE, MASTER_KIND_VALUE

#: Bump when the form's layout changes; older forms are reported as ``outdated-template``.
#: 1.1 added the locked 「前回の進捗状況」 column and the carried-over texts (sheet 「前回の内容」);
#: 1.2 the locked 「上半期の財政効果額」 column beside 財政効果額 (shown on 年度末・下半期 forms).
FORM_VERSION = "1.2"
#: Versions the validator still accepts (columns are found by their labels; a 1.0 form simply
#: has no 「前回の進捗状況」 column and nothing carried over).
ACCEPTED_FORM_VERSIONS = ("1.0", "1.1", FORM_VERSION)

#: Custom document properties that carry the form's identity.
PROP_KIND = "gyokaku_form"
PROP_KIND_VALUE = FORM_KIND_VALUE
PROP_VERSION = "gyokaku_form_version"
PROP_PLAN = "gyokaku_plan"
PROP_DEPARTMENT = "gyokaku_department"
PROP_FISCAL_YEAR = "gyokaku_fiscal_year"
PROP_PERIOD = "gyokaku_period"
#: The period a carry-over form took its texts from (fiscal year as 2021, half as 上半期).
PROP_PREVIOUS_FISCAL_YEAR = "gyokaku_previous_fiscal_year"
PROP_PREVIOUS_PERIOD = "gyokaku_previous_period"

#: Custom document properties that carry a master's identity (with PROP_PLAN, PROP_FISCAL_YEAR and
#: PROP_PERIOD above): what a later run needs to recognise it in the history folder.
PROP_MASTER_KIND = "gyokaku_master"
PROP_MASTER_KIND_VALUE = MASTER_KIND_VALUE
PROP_MASTER_VERSION = "gyokaku_master_version"
#: Bump when 集約データ loses or renames a column a later run reads back.
MASTER_DATA_VERSION = "1"
PROP_TOOLKIT_VERSION = "gyokaku_toolkit_version"

#: Excel's limit of characters in one cell.
CELL_TEXT_LIMIT = 32767

#: The largest 財政効果額 or 目標額 (千円) accepted, and the largest a period's total of them may
#: reach: 9 digits, 1 兆円 less 1 千円, far beyond any municipal budget. A larger amount is a
#: finding; amounts that would carry the total past it are left out of the totals with a finding.
#: Bounded this way, every sum the sheets show (over years and periods too) stays exact in Excel's
#: numbers (< 2**53).
MAX_AMOUNT_DIGITS = 9
MAX_AMOUNT = 10**MAX_AMOUNT_DIGITS - 1

# Kinds of column.
ID = "id"
TEXT = "text"
LONG_TEXT = "long_text"
FLAG = "flag"
STATUS = "status"
AMOUNT = "amount"
#: Shown to the department for reference (locked), never read back as its report.
REFERENCE = "reference"


@dataclass(frozen=True)
class Column:
    """One column of the form."""

    key: str
    label: str
    kind: str
    width: float
    prefilled: bool = False
    required: bool = False
    help: str = ""


def _column(key: str, kind: str, width: float, *, prefilled: bool = False, required: bool = False) -> Column:
    """A form column whose label and help come from the text package, by key."""
    return Column(key, g.FORM_COLUMN_LABELS[key], kind, width, prefilled=prefilled, required=required,
                  help=g.FORM_COLUMN_HELP[key])


FORM_COLUMNS: tuple[Column, ...] = (
    _column("initiative_id", ID, 8, prefilled=True),
    _column("perspective", TEXT, 14, prefilled=True),
    _column("program", TEXT, 18, prefilled=True),
    _column("priority", FLAG, 5, prefilled=True),
    _column("initiative", TEXT, 22, prefilled=True),
    _column("previous_status", REFERENCE, 10, prefilled=True),
    _column("status", STATUS, 10, required=True),
    _column("progress", LONG_TEXT, 44, required=True),
    _column("next_steps", LONG_TEXT, 32),
    _column("delay_reason", LONG_TEXT, 28),
    _column("fiscal_effect", AMOUNT, 11),
    _column("first_half_effect", REFERENCE, 16, prefilled=True),
    _column("note", TEXT, 16),
)

#: Written after the last column only on forms with committee opinions (so other forms keep their
#: layout) and optional when read: the opinion (locked, for reference) and the department's reply.
OPINION_COLUMNS: tuple[Column, ...] = (
    Column("opinion", g.FORM_COL_OPINION, REFERENCE, 30, prefilled=True, help=g.FORM_COL_OPINION_HELP),
    Column("opinion_reply", g.FORM_COL_REPLY, LONG_TEXT, 30, help=g.FORM_COL_REPLY_HELP),
)

COLUMNS_BY_KEY: dict[str, Column] = {c.key: c for c in FORM_COLUMNS}
HEADER_LABELS: tuple[str, ...] = tuple(c.label for c in FORM_COLUMNS)
INPUT_COLUMNS: tuple[Column, ...] = tuple(c for c in FORM_COLUMNS if not c.prefilled)
#: Columns prefilled from the plan master (checked for changes).
PREFILLED_COLUMNS: tuple[Column, ...] = tuple(c for c in FORM_COLUMNS if c.prefilled and c.kind != REFERENCE)
#: The columns of a report (what consolidation keeps and 「集約データ」 shows).
DATA_COLUMNS: tuple[Column, ...] = tuple(c for c in FORM_COLUMNS if c.kind != REFERENCE)
DATA_LABELS: tuple[str, ...] = tuple(c.label for c in DATA_COLUMNS)

# --- carried-over texts (sheet 「前回の内容」, very hidden and locked) ------------------------
#: The columns whose previous text a carry-over form prefills, in this order on the hidden sheet
#: after 取組番号 and the previous 進捗状況.
CARRIED_KEYS: tuple[str, ...] = ("progress", "next_steps", "delay_reason")
CARRY_HEADER: tuple[str, ...] = (g.FORM_COLUMN_LABELS["initiative_id"], g.FORM_COLUMN_LABELS["status"]) + tuple(
    c.label for c in FORM_COLUMNS if c.key in CARRIED_KEYS)

# --- layout of the 「取組状況」 sheet (0-based rows/columns as xlsxwriter counts) -----------
TITLE_ROW = 0
META_FIRST_ROW = 2
META_LABEL_COL = 0
META_VALUE_COL = 1
#: (label, prefilled) in order.
META_FIELDS: tuple[tuple[str, bool], ...] = (
    (g.META_DEPARTMENT, True),
    (g.META_FISCAL_YEAR, True),
    (g.META_PERIOD, True),
    (g.META_AUTHOR, False),
    (g.META_CONTACT, False),
)
#: What each meta field is, for the 記入要領 sheet.
META_HELP: dict[str, str] = dict(zip((label for label, _prefilled in META_FIELDS), g.META_HELP_TEXTS))
HEADER_ROW = META_FIRST_ROW + len(META_FIELDS) + 1
FIRST_DATA_ROW = HEADER_ROW + 1
#: How far down the validator looks for the header row (forms with inserted rows still read).
HEADER_SEARCH_ROWS = 40


def column_index(key: str) -> int:
    """0-based column of a form column in the official layout."""
    return [c.key for c in FORM_COLUMNS].index(key)

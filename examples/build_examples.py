"""Build the sample data set: ``examples/計画マスタ.xlsx``, the filled inbox ``examples/inbox/``
(令和3年度 上半期), ``examples/inbox_年度末/`` (令和3年度 年度末) and ``examples/委員意見.xlsx``.

Run ``python examples/build_examples.py``. The plan master is written with ``write_plan``; the
department forms are generated with ``pipeline.make_forms`` (exactly as the ``template`` command does)
and then filled the way a department would: opened with openpyxl, cells typed in, saved. Validation,
protection and the form's identity properties survive the save (checked after every file).
Document dates and zip timestamps are fixed so a rebuild gives the same files.

The 年度末 inbox is built from the first: 上半期 is merged (in a temporary folder), the 年度末 forms
are made from that master as carry-over forms (``template --previous``), and each department
writes its 年度末 report over them (``sample_data.year_end_reports_of``).
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402
from openpyxl.writer.excel import ExcelWriter  # noqa: E402

from gyokaku_xl import text as g  # noqa: E402
from gyokaku_xl.domain import schema as s  # noqa: E402
from gyokaku_xl.infra.atomic import atomic_write  # noqa: E402
from gyokaku_xl.core.revisions import in_force  # noqa: E402
from gyokaku_xl.run.forms import make_forms  # noqa: E402
from gyokaku_xl.run.inputs import load_plan  # noqa: E402
from gyokaku_xl.run.merge import merge  # noqa: E402
from gyokaku_xl.render.forms import data_row_height  # noqa: E402
from gyokaku_xl.render.plan_book import write_plan  # noqa: E402

try:  # run as a script (examples/ on sys.path) or imported as examples.build_examples
    import sample_data  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on how it is imported
    from examples import sample_data  # type: ignore[no-redef]

EXAMPLES = Path(__file__).resolve().parent
#: When the departments "filled in" their forms (fixed, one minute apart, for determinism).
FILLED_AT = datetime(2021, 10, 8, 9, 0, 0)
YEAR_END_FILLED_AT = datetime(2022, 4, 8, 9, 0, 0)
#: The 年度末 inbox folder.
YEAR_END_INBOX = "inbox_年度末"
#: The plan master as revised for 年度末 (one change of each 区分 in its 「計画の変更」).
YEAR_END_PLAN = "計画マスタ_年度末.xlsx"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def build(out_dir: str | Path = EXAMPLES) -> list[Path]:
    """Write the plan master and the filled inbox into ``out_dir``; return the files written."""
    out = Path(out_dir)
    plan_path = out / g.PLAN_FILE_NAME
    atomic_write(plan_path, lambda tmp: write_plan(tmp, sample_data.sample_plan()))
    inbox = out / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    written = [plan_path]
    with tempfile.TemporaryDirectory() as tmp:
        outcome = make_forms(plan_path, sample_data.PERIOD, tmp)
        departments = sample_data.sample_plan().departments
        for n, (department, blank) in enumerate(zip(departments, outcome.paths, strict=True)):
            target = inbox / blank.name
            filled_at = FILLED_AT + timedelta(minutes=n)
            atomic_write(target, lambda t, b=blank, d=department, f=filled_at: fill_form(
                b, t, sample_data.reports_of(d), sample_data.meta_of(d), f,
                actuals=sample_data.actuals_of(d, sample_data.FIRST_HALF_ACTUALS)))
            verify_intact(blank, target)
            written.append(target)
        revised = out / YEAR_END_PLAN
        atomic_write(revised, lambda tmp_path: write_plan(tmp_path, sample_data.year_end_plan()))
        written.append(revised)
        written += _build_year_end(out, plan_path, revised, inbox, Path(tmp))
    opinions = out / g.OPINION_FILE_NAME
    written.append(atomic_write(opinions, write_opinions))
    for folder in (inbox, out / YEAR_END_INBOX):
        keep = {p.name for p in written if p.parent == folder}
        for stale in folder.glob("*.xlsx"):
            if stale.name not in keep:
                stale.unlink()
    return written


def write_opinions(path: Path) -> None:
    """The sample 委員意見.xlsx (sheet 委員意見: 取組番号・意見・会議), with a fixed document date."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False,
                                           "strings_to_numbers": False})
    book.set_properties({"title": g.OPINION_SHEET, "created": FILLED_AT})
    sheet = book.add_worksheet(g.OPINION_SHEET)
    for col, (label, width) in enumerate(zip((g.OPINION_COL_ID, g.OPINION_COL_TEXT, g.OPINION_COL_MEETING),
                                             (10, 60, 32))):
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, label)
    for row, values in enumerate(sample_data.OPINIONS, start=1):
        for col, value in enumerate(values):
            sheet.write_string(row, col, value)
    book.close()


def _build_year_end(out: Path, plan_path: Path, revised: Path, first_inbox: Path, tmp: Path) -> list[Path]:
    """The 年度末 inbox: carry-over forms made from the 上半期 master with the plan as revised for
    年度末 (a renumbered 取組 carries its old number's texts), filled by each department."""
    master = merge(first_inbox, tmp / "上半期_集約結果.xlsx", plan_path=plan_path).output
    outcome = make_forms(revised, sample_data.YEAR_END, tmp / "年度末", previous=master)
    plan = in_force(load_plan(revised)[0], sample_data.YEAR_END)
    inbox = out / YEAR_END_INBOX
    inbox.mkdir(parents=True, exist_ok=True)
    written = []
    for n, (department, blank) in enumerate(zip(plan.departments, outcome.paths, strict=True)):
        target = inbox / blank.name
        filled_at = YEAR_END_FILLED_AT + timedelta(minutes=n)
        atomic_write(target, lambda t, b=blank, d=department, f=filled_at: fill_form(
            b, t, sample_data.year_end_reports_for(plan, d), sample_data.meta_of(d), f, clear=True,
            actuals=sample_data.actuals_of(d, sample_data.YEAR_END_ACTUALS),
            explanations=sample_data.YEAR_END_EXPLANATIONS))
        verify_intact(blank, target)
        written.append(target)
    return written


def _custom_properties(book: openpyxl.Workbook) -> dict[str, str]:
    return {p.name: p.value for p in book.custom_doc_props.props}


def fill_form(src: Path, dst: Path, rows: dict[str, dict[str, object]], meta: dict[str, str],
              filled_at: datetime, clear: bool = False, actuals: dict[tuple[str, str], object] | None = None,
              explanations: dict[tuple[str, str], str] | None = None) -> None:
    """Copy the form ``src`` to ``dst`` with ``rows`` (取組番号 → column key → value) and ``meta`` filled.

    Blank values are left out unless ``clear`` (then ``None`` empties a carried-over cell).
    ``actuals`` ((取組番号, 指標名) → 実績値) and their ``explanations`` (説明) go into the 数値目標 sheet.
    """
    book = openpyxl.load_workbook(src)
    sheet = book[g.FORM_SHEET]
    for n in range(len(s.META_FIELDS)):
        row = s.META_FIRST_ROW + n + 1
        label = sheet.cell(row, s.META_LABEL_COL + 1).value
        if label in meta:
            sheet.cell(row, s.META_VALUE_COL + 1).value = meta[label]
    id_col = s.column_index("initiative_id") + 1
    row = s.FIRST_DATA_ROW + 1
    while sheet.cell(row, id_col).value not in (None, ""):
        values = rows.get(str(sheet.cell(row, id_col).value), {})
        for key, value in values.items():
            if value not in (None, ""):
                sheet.cell(row, s.column_index(key) + 1).value = value
            elif clear and value is None:
                sheet.cell(row, s.column_index(key) + 1).value = None
        shown = {c.key: sheet.cell(row, n + 1).value for n, c in enumerate(s.FORM_COLUMNS)}
        sheet.row_dimensions[row].height = data_row_height(shown)
        row += 1
    if actuals:
        fill_actuals(book[g.FORM_TARGETS_SHEET], actuals, explanations or {})
    book.properties.lastModifiedBy = meta.get(g.META_AUTHOR, "")
    save_fixed(book, dst, filled_at)


def fill_actuals(sheet, actuals: dict[tuple[str, str], object], explanations: dict[tuple[str, str], str]) -> None:
    """Type the 実績値 into a form's 数値目標 sheet, its rows and columns found by their labels."""
    columns: dict[str, int] = {}
    for row in sheet.iter_rows():
        if not columns:
            labels = {c.value: c.column for c in row if isinstance(c.value, str)}
            if g.FORM_COL_ACTUAL in labels:
                columns = labels
            continue
        key = (row[columns[g.FORM_COL_INITIATIVE_ID] - 1].value, row[columns[g.FORM_COL_INDICATOR] - 1].value)
        if key in actuals:
            sheet.cell(row[0].row, columns[g.FORM_COL_ACTUAL]).value = actuals[key]
        if key in explanations:
            sheet.cell(row[0].row, columns[g.FORM_COL_EXPLANATION]).value = explanations[key]


def save_fixed(book: openpyxl.Workbook, path: Path, modified: datetime) -> None:
    """Save ``book`` with a fixed modification date and fixed zip timestamps (same content → same bytes)."""
    book.properties.modified = modified
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    with zipfile.ZipFile(path) as archive:
        members = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def verify_intact(blank: Path, filled: Path) -> None:
    """Raise AssertionError unless ``filled`` kept the validations, protection and identity of ``blank``."""
    a, b = openpyxl.load_workbook(blank), openpyxl.load_workbook(filled)
    try:
        assert _custom_properties(a) == _custom_properties(b), "custom properties changed"
        assert a.sheetnames == b.sheetnames, "sheets changed"
        for name in a.sheetnames:
            sa, sb = a[name], b[name]
            assert sa.protection.sheet and sb.protection.sheet, f"{name}: protection lost"
            assert _validations(sa) == _validations(sb), f"{name}: data validation changed"
            assert _conditional(sa) == _conditional(sb), f"{name}: conditional formats changed"
            assert sa.print_title_rows == sb.print_title_rows, f"{name}: print titles changed"
            assert sa.freeze_panes == sb.freeze_panes, f"{name}: frozen panes changed"
    finally:
        a.close()
        b.close()


def _validations(sheet) -> list[tuple]:
    return sorted((str(v.sqref), v.type, v.formula1, v.operator, v.errorStyle, v.prompt, v.error)
                  for v in sheet.data_validations.dataValidation)


def _conditional(sheet) -> list[tuple]:
    return sorted((str(rng.sqref), tuple(r.formula or ())) for rng in sheet.conditional_formatting
                  for r in rng.rules)


def main() -> int:
    """Build the sample and say what was written."""
    written = build()
    print(f"{len(written)} 件のファイルを書き出しました：{EXAMPLES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

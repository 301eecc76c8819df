"""Publication: the PDF of a master's 資料 and its open data (CSV and .xlsx of 資料1-2).

Files are written atomically; the pipeline's ``merge`` and the ``pdf`` command both come here.
"""

from __future__ import annotations

from pathlib import Path

from gyokaku_xl import text as g
from gyokaku_xl.infra.atomic import atomic_write, output_folder, refuse_file_as_folder
from gyokaku_xl.domain.findings import GyokakuError
from gyokaku_xl.domain.model import Period
from gyokaku_xl.domain.outcome import PublishOutcome
from gyokaku_xl.publish.opendata import opendata_stem, opendata_table, rows_from_master, write_csv, write_xlsx
from gyokaku_xl.domain.opinions import OpinionRow
from gyokaku_xl.infra.guard import Protected, protecting
from gyokaku_xl.publish.opendata_opinions import opinion_rows_from_master, opinions_stem, opinions_table
from gyokaku_xl.publish.pdf import export_publication, pdf_target
from gyokaku_xl.run.guard import refuse_outputs
from gyokaku_xl.reading.xlsx import ReadError
from gyokaku_xl.publish.targets import targets_rows_from_master
from gyokaku_xl.run.targets import write_targets_table


def publication_title(plan_name: str, period: Period) -> str:
    """The PDF's and the open data's title: the plan and the period."""
    return g.PDF_TITLE.format(plan=plan_name, period=period.label) if plan_name else period.label


def write_opendata(period: Period, rows: list[dict[str, object]], out_dir: str | Path,
                   title: str = "") -> list[Path]:
    """Write ``取組状況一覧_<期間>.csv`` and ``.xlsx`` into ``out_dir`` (atomically); returns both paths."""
    folder = output_folder(out_dir, g.RUN_OUTPUT_OPENDATA)
    table = opendata_table(period, rows)
    stem = opendata_stem(period)
    csv_path = atomic_write(folder / f"{stem}.csv", lambda tmp: write_csv(tmp, table))
    xlsx_path = atomic_write(folder / f"{stem}.xlsx", lambda tmp: write_xlsx(tmp, table, title))
    return [csv_path, xlsx_path]


def write_opinions_opendata(period: Period, rows: list[OpinionRow], out_dir: str | Path,
                            title: str = "") -> list[Path]:
    """Write ``委員意見と対応_<期間>.csv`` and ``.xlsx`` (when the period has opinions); returns the paths."""
    if not rows:
        return []
    folder = output_folder(out_dir, g.RUN_OUTPUT_OPENDATA)
    table = opinions_table(period, rows)
    stem = opinions_stem(period)
    header = g.OPENDATA_OPINIONS_COLUMNS
    csv_path = atomic_write(folder / f"{stem}.csv", lambda tmp: write_csv(tmp, table, header))
    xlsx_path = atomic_write(folder / f"{stem}.xlsx", lambda tmp: write_xlsx(tmp, table, title, header,
                                                                            g.SHEET_OPINIONS))
    return [csv_path, xlsx_path]


def opendata_from_master(master: str | Path, out_dir: str | Path) -> list[Path]:
    """The open data of an existing master, from its 集約データ (read with the guarded reader)."""
    path = Path(master)
    try:
        period, rows = rows_from_master(path)
    except KeyError:
        raise GyokakuError(g.FATAL_OPENDATA_NO_DATA.format(path=path)) from None
    except ReadError as exc:
        raise GyokakuError(g.FATAL_OPENDATA_NO_DATA.format(path=path) + g.PARENTHESIZED.format(exc.code)) from None
    if period is None:
        raise GyokakuError(g.FATAL_OPENDATA_NO_PERIOD.format(path=path))
    written = write_opendata(period, rows, out_dir)
    try:
        opinions = opinion_rows_from_master(path, period)
    except ReadError:
        opinions = []
    written += write_opinions_opendata(period, opinions, out_dir)
    try:  # 数値目標 rows when the master has the sheet (read the same guarded way)
        return written + write_targets_table(period, targets_rows_from_master(path, period, rows), out_dir)
    except ReadError as exc:
        raise GyokakuError(g.FATAL_OPENDATA_NO_DATA.format(path=path) + g.PARENTHESIZED.format(exc.code)) from None


def publish(master: str | Path, out_dir: str | Path | None = None,
            opendata: str | Path | None = None) -> PublishOutcome:
    """The PDF of a master's 資料1-1〜1-3 and, when ``opendata`` is given, its open data."""
    refuse_file_as_folder(opendata, g.RUN_OUTPUT_OPENDATA)
    inputs = [Protected(Path(master), g.INPUT_MASTER)]
    out = Path(out_dir) if out_dir is not None else None
    refuse_outputs(inputs, files=[pdf_target(Path(master), out)])
    outcome = PublishOutcome()
    with protecting(inputs):
        if opendata is not None:
            outcome.opendata_paths = opendata_from_master(master, opendata)
        export = export_publication(Path(master), out)
    outcome.pdf_paths = export.paths
    outcome.notices = export.notices()
    return outcome

"""Entry point for the three official report sheets of the master workbook."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from gyokaku_xl.domain.records import MergeResult
from gyokaku_xl.domain.content import SummaryData
from gyokaku_xl.render.lists import write_by_program_sheet, write_list_sheet
from gyokaku_xl.render.styles import status_colours
from gyokaku_xl.render.summary import write_summary_sheet


def add_report_sheets(workbook: Any, result: MergeResult, summary: SummaryData, by_program: bool = True,
                      target_lines: Mapping[str, Sequence[str]] | None = None) -> None:
    """Add 「資料1-1」 (showing ``summary``, computed by the run), 「資料1-2」 and 「資料1-3」, in that
    order, to an xlsxwriter workbook.

    ``by_program=False`` leaves 資料1-3 out (it is then written as its own workbook, see
    :mod:`.split_book`). ``target_lines`` (取組番号 → its 数値目標 lines, computed by the run) are
    printed in 資料1-3 under each 取組's texts.

    The workbook should be created with ``strings_to_formulas=False`` and ``strings_to_urls=False``;
    texts are written with ``write_string`` regardless. The first sheet is activated.
    """
    scale = result.plan.scale
    colours = status_colours(scale.names, scale.on_track)
    first = write_summary_sheet(workbook, summary, colours)
    write_list_sheet(workbook, result, colours)
    if by_program:
        write_by_program_sheet(workbook, result, colours, target_lines)
    first.activate()

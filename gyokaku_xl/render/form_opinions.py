"""The committee opinions on a department's form: two columns after the last one, written only on
forms that have an opinion — 「委員意見」 (locked, for reference) and 「意見への対応」 (input; blank
where an opinion exists is highlighted like the other required cells)."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from gyokaku_xl import text as g
from gyokaku_xl.domain import schema as s
from gyokaku_xl.domain.cells import column_letter
from gyokaku_xl.domain.opinions import Opinion, opinions_text
from gyokaku_xl.render.styles import Formats


def opinion_cells(rows: Sequence[Mapping[str, object]],
                  opinions: Mapping[str, Sequence[Opinion]]) -> list[str]:
    """The 「委員意見」 cell of each form row ('' for a 取組 without an opinion)."""
    return [opinions_text(list(opinions.get(str(values.get("initiative_id", "")), ()))) for values in rows]


def add_opinion_columns(sheet: Any, fmt: Formats, cells: Sequence[str], heights: Sequence[float],
                        fill_locked: str, fill_input: str, fill_missing: tuple[str, str]) -> int:
    """Write the two columns after the form's columns for data rows ``cells`` (their opinion texts);
    ``heights`` are the rows' heights (that show the opinions too). Returns the last column written."""
    first_col = len(s.FORM_COLUMNS)
    for n, column in enumerate(s.OPINION_COLUMNS):
        sheet.set_column(first_col + n, first_col + n, column.width)
        sheet.write_string(s.HEADER_ROW, first_col + n, column.label, fmt.header())
    locked = fmt.get(border=1, valign="top", text_wrap=True, locked=True, bg_color=fill_locked)
    open_ = fmt.get(border=1, valign="top", text_wrap=True, locked=False, bg_color=fill_input)
    for offset, text in enumerate(cells):
        row = s.FIRST_DATA_ROW + offset
        sheet.set_row(row, heights[offset])
        if text:
            sheet.write_string(row, first_col, text, locked)
        else:
            sheet.write_blank(row, first_col, None, locked)
        sheet.write_blank(row, first_col + 1, None, open_)
    last = s.FIRST_DATA_ROW + max(len(cells), 1) - 1
    opinion_letter, reply_letter = column_letter(first_col + 1), column_letter(first_col + 2)
    top = s.FIRST_DATA_ROW + 1
    missing = fmt.workbook.add_format({"bg_color": fill_missing[0], "font_color": fill_missing[1]})
    sheet.conditional_format(s.FIRST_DATA_ROW, first_col + 1, last, first_col + 1, {
        "type": "formula",
        "criteria": f"=AND(LEN(TRIM({opinion_letter}{top}))>0,LEN(TRIM({reply_letter}{top}))=0)",
        "format": missing})
    sheet.data_validation(s.FIRST_DATA_ROW, first_col + 1, last, first_col + 1, {
        "validate": "any", "input_title": g.FORM_REPLY_INPUT_TITLE,
        "input_message": g.FORM_REPLY_INPUT_MESSAGE})
    return first_col + 1

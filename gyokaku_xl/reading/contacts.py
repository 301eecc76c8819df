"""The plan master's optional 「所管課」 sheet (所管課・メールアドレス・担当者) and its 回答期限 setting,
checked like the rest of the plan master: every problem is a plan finding (a 警告: the plan stays
usable, a draft just gets no address)."""

from __future__ import annotations

import re
from typing import Protocol

from gyokaku_xl import text as g
from gyokaku_xl.domain.cells import column_letter
from gyokaku_xl.domain.contacts import Contact
from gyokaku_xl.domain.findings import WARNING, Finding, make
from gyokaku_xl.domain.loop import parse_deadline
from gyokaku_xl.domain.model import Plan
from gyokaku_xl.domain.normalize import clean, nfkc

#: A plain address as mailers accept it: local part, @, a dotted domain (no spaces, no display name).
_ADDRESS = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")


class Table(Protocol):
    """A plan sheet as :mod:`gyokaku_xl.reading.plan` reads it: its rows and the column of each label."""

    sheet: str
    rows: list[tuple[int, dict[str, object]]]
    columns: dict[str, int]


def is_address(text: str) -> bool:
    """True for a plain mail address such as ``gyosei@example.jp``."""
    return len(text) <= 254 and _ADDRESS.fullmatch(text) is not None and ".." not in text


def read_contacts(table: Table, plan: Plan, file: str, findings: list[Finding]) -> dict[str, Contact]:
    """所管課 → its contact; rows naming no department of the plan, repeats and malformed addresses
    are 警告 (a malformed address is left blank)."""
    contacts: dict[str, Contact] = {}
    first: dict[str, str] = {}
    for row, values in table.rows:
        raw = clean(values.get(g.PLAN_COL_DEPARTMENT))
        cell = f"{column_letter(table.columns[g.PLAN_COL_DEPARTMENT])}{row}"
        department = plan.find_department(raw)
        if department is None:
            findings.append(make("plan-contact-unknown-department", WARNING, file=file, sheet=table.sheet,
                                 cell=cell, value=raw, row=row))
            continue
        if department in first:
            findings.append(make("plan-contact-duplicate", WARNING, file=file, sheet=table.sheet, cell=cell,
                                 value=raw, first=first[department], row=row))
            continue
        first[department] = cell
        address = nfkc(clean(values.get(g.PLAN_COL_ADDRESS)))
        if address and not is_address(address):
            findings.append(make("plan-contact-bad-address", WARNING, file=file, sheet=table.sheet,
                                 cell=f"{column_letter(table.columns[g.PLAN_COL_ADDRESS])}{row}",
                                 value=values.get(g.PLAN_COL_ADDRESS), row=row))
            address = ""
        contacts[department] = Contact(department, address, clean(values.get(g.PLAN_COL_PERSON)))
    return contacts


def deadline_findings(settings: dict[str, str], file: str) -> list[Finding]:
    """A 警告 when the 設定 item 回答期限 is not a date (the forms then show none)."""
    value = settings.get(g.SETTING_DEADLINE, "")
    if not value or parse_deadline(value) is not None:
        return []
    return [make("plan-setting-invalid", WARNING, file=file, sheet=g.PLAN_SHEET_SETTINGS,
                 label=g.SETTING_DEADLINE, value=value, expected=g.DEADLINE_EXAMPLE)]

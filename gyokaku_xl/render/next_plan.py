"""The draft plan master of the next plan (次期計画マスタ): the same 設定 (計画名 and 計画期間 left
blank and highlighted; the last 照会's 回答期限 left out), 取組の視点, 進捗区分, 評価区分 and 所管課, the 事業
that still have 取組, and the 取組 that continue, each with the number it had in the plan that ends
(前計画の取組番号). The old term's 数値目標 (targets for its years) are left for the office to set anew."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Sequence

from gyokaku_xl import text as g
from gyokaku_xl.core.term_report import TermRow
from gyokaku_xl.domain.model import Plan
from gyokaku_xl.render.plan_book import plan_tables, write_plan_tables

#: The 設定 items the office fills for the next plan (left blank and highlighted).
BLANK_SETTINGS = (g.SETTING_PLAN_NAME, g.SETTING_PLAN_PERIOD)
#: The 設定 items of one 照会 of the plan that ends: not carried into the next plan.
DROPPED_SETTINGS = (g.SETTING_DEADLINE,)


def write_next_plan(path: str | Path, plan: Plan, continuing: Sequence[TermRow]) -> None:
    """Write the next plan's draft master at ``path``."""
    programs = {r.program for r in continuing}
    tables = plan_tables(replace(plan, changes=(),  # the next plan starts without a log
                                 programs=tuple(p for p in plan.programs if p.number in programs)))
    tables.pop(g.PLAN_SHEET_INDICATORS, None)
    header, rows = tables[g.PLAN_SHEET_SETTINGS]
    rows = [(item, "" if item in BLANK_SETTINGS else value) for item, value in rows
            if item not in DROPPED_SETTINGS]
    present = {item for item, _value in rows}
    rows += [(item, "") for item in BLANK_SETTINGS if item not in present]
    highlight = {g.PLAN_SHEET_SETTINGS: {(n, 1) for n, (item, _v) in enumerate(rows, start=1)
                                         if item in BLANK_SETTINGS}}
    tables[g.PLAN_SHEET_SETTINGS] = (header, rows)
    header = (*tables[g.PLAN_SHEET_INITIATIVES][0], g.NEXT_PLAN_COL_PREVIOUS_ID)
    tables[g.PLAN_SHEET_INITIATIVES] = (header, [(r.initiative_id, r.program, r.name, r.department, r.initiative_id)
                                                 for r in continuing])
    write_plan_tables(path, tables, title=g.NEXT_PLAN_TITLE, company=plan.municipality, highlight=highlight)

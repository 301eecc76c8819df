"""Words of the run's safety rules: outputs that would replace an input, replaced submissions,
return copies, leftovers of interrupted runs, files open in Excel, the run's reading bound.

Its finding codes are in :data:`FIX_FINDINGS` (code → title, message, action), registered in
:data:`~gyokaku_xl.text.findings.FINDINGS` by one ``**FIX_FINDINGS`` line.
"""

from __future__ import annotations

__all__ = [
    "SUPERSEDED_FINDING", "FIX_FINDINGS", "OWNER_NAMED", "OWNER_UNKNOWN", "OUTPUT_OPEN_IN_EXCEL",
    "OUTPUT_IS_INPUT", "OUTPUT_IN_FOLDER", "HISTORY_IS_INBOX", "INPUT_PLAN", "INPUT_INBOX", "INPUT_PREVIOUS",
    "INPUT_ARCHIVE", "INPUT_OPINIONS", "INPUT_MASTER",
    "ANNOTATE_REMOVED", "ANNOTATE_NOT_REMOVED", "RUN_LIMIT_AT_LEAST", "RUN_LIMIT_READ_ROWS", "RUN_LIMIT_READ_CELLS",
]

# --- replaced submissions -----------------------------------------------------------------------
#: A finding of a superseded file, kept as 情報 about that file.
SUPERSEDED_FINDING = "【差替え済みのファイル・対応不要】{message}"

#: The finding codes of these rules: code → (title, message, action).
FIX_FINDINGS: dict[str, tuple[str, str, str]] = {
    "open-in-excel": (
        "計画マスタが開かれている",
        "計画マスタ「{file}」が Excel で開かれています（{owner}）。保存していない変更は反映されません。",
        "変更を保存してから実行し直す（変更がなければ対応不要）"),
}

# --- files open in Excel ------------------------------------------------------------------------
#: Who holds a file open, from its owner file (``~$name``): named, or not known.
OWNER_NAMED = "{owner} さん"
OWNER_UNKNOWN = "他の利用者"
OUTPUT_OPEN_IN_EXCEL = ("「{path}」が Excel で開かれています（{owner}）。置き換えられない場合は、"
                        "同じフォルダに別の名前で保存します。")

# --- outputs never replace inputs ---------------------------------------------------------------
OUTPUT_IS_INPUT = ("出力先「{output}」は入力の{what}「{input}」です。"
                   "入力を上書きしないよう、別のファイル名を指定してください。")
OUTPUT_IN_FOLDER = ("出力先「{output}」は{what}「{input}」の中です。"
                    "提出されたファイルと混ざらないよう、別のフォルダを指定してください。")
HISTORY_IS_INBOX = ("履歴フォルダ「{history}」は受付フォルダ「{inbox}」と同じです。"
                    "過去の集約結果が提出ファイルとして読まれないよう、別のフォルダを指定してください。")
#: What each protected input is.
INPUT_PLAN = "計画マスタ"
INPUT_INBOX = "受付フォルダ"
INPUT_PREVIOUS = "前回の集約結果"
INPUT_ARCHIVE = "履歴フォルダの集約結果"
INPUT_OPINIONS = "委員意見"
INPUT_MASTER = "集約結果"

# --- the control workbook -----------------------------------------------------------------------

# --- the return folder --------------------------------------------------------------------------
ANNOTATE_REMOVED = ("前回の指摘付きの写し「{path}」を削除しました（「{file}」は今回返送する必要がありません）。")
ANNOTATE_NOT_REMOVED = ("「{path}」は前回の指摘付きの写しです。「{file}」は今回返送する必要がありませんが、"
                        "写しを削除できませんでした（{detail}）。古い写しを返送しないよう、削除してください。")

# --- the run's bound, decided while reading -----------------------------------------------------
#: What a form whose reading stopped was seen to hold: at least this much (``{n}`` counted so far).
RUN_LIMIT_AT_LEAST = {"rows": "{n:,} 行以上", "cells": "{n:,} セル以上"}
RUN_LIMIT_READ_ROWS = "読み込む行数"
RUN_LIMIT_READ_CELLS = "読み込むセル数"

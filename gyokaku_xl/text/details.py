"""What went wrong inside a file or the OS, in Japanese (never Python's words): the ``{detail}`` of
finding and fatal messages."""

from __future__ import annotations

__all__ = [
    "OS_ERROR_NOT_FOUND", "OS_ERROR_IS_DIRECTORY", "OS_ERROR_NOT_DIRECTORY", "OS_ERROR_PERMISSION",
    "OS_ERROR_DISK_FULL", "OS_ERROR_IN_USE", "OS_ERROR_READ_ONLY_FS", "OS_ERROR_NAME_TOO_LONG",
    "OS_ERROR_EXISTS", "OS_ERROR_NETWORK", "OS_ERROR_IO", "OS_ERROR_OTHER", "LIBRARY_MESSAGES",
    "LIBRARY_OTHER", "READ_ERROR_DETAILS", "RUN_LIMIT_ROWS", "RUN_LIMIT_CELLS", "RUN_LIMIT_FINDINGS",
    "READ_DETAIL_STRUCTURE", "READ_DETAIL_BY_KIND", "READ_DETAIL_CELL_REF", "READ_DETAIL_ROW_NUMBER",
    "READ_DETAIL_PART_CASE", "READ_DETAIL_XML", "READ_DETAIL_XML_PART", "READ_DETAIL_INFLATE",
    "READ_DETAIL_ZIP_BROKEN", "READ_DETAIL_ZIP_NO_END", "VALUE_HUGE_NUMBER", "RUN_LIMIT_UNITS",
]

# OS error texts, by errno name (see gyokaku_xl/oserror.py); the Windows sharing violation is IN_USE.
OS_ERROR_NOT_FOUND = "ファイルまたはフォルダが見つかりません"
OS_ERROR_IS_DIRECTORY = "同じ名前のフォルダがあります。ファイル名を指定してください"
OS_ERROR_NOT_DIRECTORY = "パスの途中にフォルダではなくファイルがあります"
OS_ERROR_PERMISSION = "アクセスが拒否されました。権限がないか、読み取り専用です"
OS_ERROR_DISK_FULL = "ディスクの空き容量が足りません"
OS_ERROR_IN_USE = "ファイルが Excel など他のプログラムで開かれています。閉じてからやり直してください"
OS_ERROR_READ_ONLY_FS = "読み取り専用の場所です"
OS_ERROR_NAME_TOO_LONG = "ファイル名またはパスが長すぎます"
OS_ERROR_EXISTS = "同じ名前のファイルがすでにあります"
OS_ERROR_NETWORK = "ネットワーク上の場所に接続できません"
OS_ERROR_IO = "ディスクまたはネットワークの読み書きに失敗しました"
OS_ERROR_OTHER = "OS のエラーです（{detail}）"
# Texts of Python's zipfile and similar libraries, as Japanese (prefix match).
LIBRARY_MESSAGES = {
    "File is not a zip file": "ZIP 形式として読めません（ファイルが途中で切れているか、別の形式です）",
    "Truncated file header": "ファイルが途中で切れています",
    "Bad magic number for file header": "ファイルの中身が壊れています",
    "Bad magic number for central directory": "ファイルの中身が壊れています",
    "Bad CRC-32": "ファイルの中身が壊れています（CRC 不一致）",
    "Corrupt extra field": "ファイルの中身が壊れています",
    "Overlapped entries": "ファイルの中身が壊れています（重なった領域があります）",
    "Error -3 while decompressing data": "圧縮データを展開できません",
}
LIBRARY_OTHER = "読み込み中に問題が起きました（{detail}）"
#: Why a workbook could not be read, by reader code, without advice (an archived master of the
#: history folder, the plan master); a department's form gets its finding's message instead.
READ_ERROR_DETAILS = {
    "encrypted": "パスワードで保護（暗号化）されています",
    "legacy-xls": "旧形式の Excel ファイル（.xls）です",
    "not-excel": "Excel ファイル（.xlsx）ではありません",
    "binary-workbook": "Excel バイナリブック（.xlsb）です",
    "file-too-large": "ファイルが大きすぎます（{size}、上限 {limit}）",
    "xml-forbidden": "許可されていない XML 構造（DTD・外部実体など）があります",
    "zip-bomb": "圧縮率または展開後の大きさが異常です（{detail}）",
    "sheet-too-large": "シート「{sheet}」の使用範囲が異常に広いです（{detail}）",
    "corrupt-zip": "ファイルが壊れています（{detail}）",
    "corrupt-file": "ファイルが壊れています（{detail}）",
    "read-failed": "{detail}",
}
RUN_LIMIT_ROWS = "行数"
RUN_LIMIT_CELLS = "セル数"
RUN_LIMIT_FINDINGS = "指摘の数"
#: What went wrong inside a file that could not be read (the {detail} of corrupt-zip), never
#: Python's own words. Keys of READ_DETAIL_BY_KIND are the kinds of exception met while reading.
READ_DETAIL_STRUCTURE = "ファイルの構造が正しくありません"
READ_DETAIL_BY_KIND = {
    "missing-part": "必要な部品が見つかりません",
    "encoding": "文字コードが正しくありません",
    "value": "値の形式が正しくありません",
    "unsupported": "この形式には対応していません",
    "memory": "大きすぎて読み込めません",
    "recursion": "構造が深すぎます",
    "io": "ファイルの読み込み中にエラーが起きました",
}
READ_DETAIL_CELL_REF = "シート「{sheet}」のセル番地「{ref}」を読み取れません"
READ_DETAIL_ROW_NUMBER = "シート「{sheet}」の行番号「{ref}」を読み取れません"
READ_DETAIL_PART_CASE = "大文字・小文字だけが違う同じ名前の部品があります（{first}、{second}）"
READ_DETAIL_XML = "{where}XML の書き方が正しくありません（{line} 行 {col} 文字目）"
READ_DETAIL_XML_PART = "部品「{part}」の"
READ_DETAIL_INFLATE = "圧縮されたデータを展開できません"
READ_DETAIL_ZIP_BROKEN = "ZIP 形式の構造が壊れています"
READ_DETAIL_ZIP_NO_END = "ZIP 形式として読めず、途中で切れている可能性があります"
#: The value seen, for a whole number too long for Python to show as text.
VALUE_HUGE_NUMBER = "{digits} 桁ほどの数"
RUN_LIMIT_UNITS = {"rows": "{n:,} 行", "cells": "{n:,} セル", "findings": "{n:,} 件", "more": "{n:,} 件以上"}

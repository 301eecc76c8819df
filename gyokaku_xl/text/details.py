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
    "SNIFF_FOLDER",
    "SNIFF_NOT_REGULAR",
    "SNIFF_CORRUPT_OLE",
    "SNIFF_SPECIAL_FILE",
    "SNIFF_ZERO_BYTES",
    "SNIFF_EMPTY_FILE",
    "SNIFF_ZIP_MANY",
    "SNIFF_DOCX",
    "SNIFF_PPTX",
    "SNIFF_ODS",
    "SNIFF_ODF",
    "SNIFF_ZIP_WITH_XLSX",
    "SNIFF_ZIP",
    "SNIFF_DOC",
    "SNIFF_PPT",
    "SNIFF_OLE",
    "SNIFF_XML_SPREADSHEET",
    "SNIFF_HTML",
    "SNIFF_IMAGE",
    "SNIFF_TEXT",
    "SNIFF_UNKNOWN",
    "LOCK_OWNER",
    "LOCK_OWNER_UNKNOWN",
    "READ_DETAIL_PARTS",
    "READ_DETAIL_RATIO",
    "READ_DETAIL_INFLATED",
    "READ_DETAIL_METHOD",
    "READ_DETAIL_ELEMENTS",
    "READ_DETAIL_DEPTH",
    "READ_DETAIL_RECORD_ELEMENTS",
    "READ_DETAIL_SHEET_PART_MISSING",
    "READ_DETAIL_RELATIONSHIPS",
    "READ_DETAIL_SHEETS",
    "READ_DETAIL_SHARED_STRINGS",
    "READ_DETAIL_ROW",
    "READ_DETAIL_CELL",
    "READ_DETAIL_CELLS",
    "READ_DETAIL_SHARED_INDEX",
    "READ_DETAIL_USED_RANGE",
    "SHARED_FORMULA",
    "VALUE_SHORTENED",
    "FORM_DETAIL_NO_IDENTITY",
    "FORM_DETAIL_OTHER_PLAN",
    "FORM_VERSION_UNKNOWN",
    "SUPERSEDE_RULE",
    "READ_DETAIL_WITH_KIND",
]

# OS error texts, by errno name (see gyokaku_xl/infra/oserror.py); the Windows sharing violation is IN_USE.
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
#: What a whole run ran out of (the {what} of run-too-large), and the units of its {limit}.
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

# What the inbox listing saw in a file that is not an Excel workbook (the value of not-excel / empty-file),
# and the text of the errors the safe opener raises.
SNIFF_FOLDER = "フォルダです"
SNIFF_NOT_REGULAR = "通常のファイルではありません"
SNIFF_CORRUPT_OLE = "OLE2 複合ファイルの構造が壊れています"
SNIFF_SPECIAL_FILE = "特殊ファイル"
SNIFF_ZERO_BYTES = "0 バイト"
SNIFF_EMPTY_FILE = "空のファイル（0 バイト）"
SNIFF_ZIP_MANY = "ZIP 圧縮ファイル（{entries} 個のファイル）"
SNIFF_DOCX = "Word 文書（.docx）"
SNIFF_PPTX = "PowerPoint 資料（.pptx）"
SNIFF_ODS = "OpenDocument スプレッドシート（.ods）"
SNIFF_ODF = "OpenDocument 文書"
SNIFF_ZIP_WITH_XLSX = "ZIP 圧縮ファイル（中の .xlsx を取り出して提出してください）"
SNIFF_ZIP = "ZIP 圧縮ファイル"
SNIFF_DOC = "Word 文書（.doc）"
SNIFF_PPT = "PowerPoint 資料（.ppt）"
SNIFF_OLE = "OLE 複合ファイル"
SNIFF_XML_SPREADSHEET = "Excel 2003 XML スプレッドシート"
SNIFF_HTML = "Web ページ（HTML）形式"
SNIFF_IMAGE = "画像"
SNIFF_TEXT = "テキスト（CSV など）"
SNIFF_UNKNOWN = "不明な形式"
#: Who holds a file open, named in the lock-file findings.
LOCK_OWNER = "{owner} さん"
LOCK_OWNER_UNKNOWN = "他の利用者"

# What the guarded reader found too large or damaged (the {detail} of zip-bomb, sheet-too-large…).
READ_DETAIL_PARTS = "部品数 {count}"
READ_DETAIL_RATIO = "{part}: 圧縮率 {ratio:.0f} 倍"
READ_DETAIL_INFLATED = "展開後 {size}"
READ_DETAIL_METHOD = "{part}: 未対応の圧縮方式 {method}"
READ_DETAIL_ELEMENTS = "XML 要素 {count} 個"
READ_DETAIL_DEPTH = "{part}: 入れ子 {depth} 段"
READ_DETAIL_RECORD_ELEMENTS = "1 行の XML 要素 {count} 個"
READ_DETAIL_SHEET_PART_MISSING = "シート「{sheet}」の実体がありません"
READ_DETAIL_RELATIONSHIPS = "関連付け {count} 個"
READ_DETAIL_SHEETS = "シート数 {count}"
READ_DETAIL_SHARED_STRINGS = "共有文字列 {count} 個"
READ_DETAIL_ROW = "{row} 行目"
READ_DETAIL_CELL = "セル {cell}"
READ_DETAIL_CELLS = "{count} セル"
READ_DETAIL_SHARED_INDEX = "シート「{sheet}」{cell} の共有文字列の番号 {index} がありません"
READ_DETAIL_USED_RANGE = "使用範囲 {ref}"
#: The formula text shown for a cell that shares another cell's formula.
SHARED_FORMULA = "(共有数式)"

#: The value of a finding shown shortened, with the whole text's length.
VALUE_SHORTENED = "…（全{length}文字）"
#: The {detail} of not-official-form and the version seen of outdated-template.
FORM_DETAIL_NO_IDENTITY = "調査票の識別情報がありません。様式をコピーして作った可能性があります"
FORM_DETAIL_OTHER_PLAN = "別の計画「{plan}」の調査票です"
FORM_VERSION_UNKNOWN = "不明"
#: The {rule} of superseded: which of two files of one department is taken.
SUPERSEDE_RULE = "Excel の保存日時（文書プロパティ）、なければファイルの更新日時が新しいものを採用"
#: A kind of damage named with the structure it broke: ファイルの構造が正しくありません：…
READ_DETAIL_WITH_KIND = "{structure}：{kind}"

"""Console lines and cannot-continue (fatal) messages of the commands and runs."""

from __future__ import annotations

__all__ = [
    "FATAL_PLAN_UNREADABLE", "FATAL_PLAN_INVALID", "FATAL_INBOX_MISSING", "FATAL_INBOX_UNREADABLE",
    "FATAL_INBOX_EMPTY", "FATAL_OUTPUT_UNWRITABLE", "FATAL_OUTPUT_LOCKED", "FATAL_PERIOD_UNKNOWN",
    "FATAL_PDF_NO_OFFICE", "FATAL_PDF_FAILED", "FATAL_PDF_NO_REPORTS", "FATAL_PDF_UNREADABLE",
    "FATAL_NOTHING_MERGED", "NOTHING_MERGED_KEPT", "NOTHING_MERGED_NOT_CREATED",
    "NOTHING_MERGED_REASON", "NOTHING_MERGED_PERIOD_HINT", "FATAL_OPENDATA_NO_DATA",
    "FATAL_OPENDATA_NO_PERIOD", "FATAL_HISTORY_NOT_FOLDER", "FATAL_PREVIOUS_UNUSABLE",
    "FATAL_OUTPUT_NOT_FOLDER", "PDF_DETAIL_MISSING", "PDF_DETAIL_TIMEOUT", "PDF_DETAIL_EXIT",
    "PDF_DETAIL_EXIT_SAID", "CONSOLE_REJECTED_DEPARTMENTS", "CONSOLE_REJECTED_FILE",
    "CONSOLE_REJECTED_DEPARTMENT", "CONSOLE_REJECTED_GROUP", "CONSOLE_RESUBMISSION_KEPT",
    "CONSOLE_RESUBMISSION_REPLACED", "CONSOLE_FEW_ROWS", "SUMMARY_COMPARISON_LINE",
    "SUMMARY_COMPARISON_NONE", "SUMMARY_ROWS", "SUMMARY_ROWS_MISMATCH", "SUMMARY_TARGET",
    "SUMMARY_FILES", "SUMMARY_FINDINGS", "SUMMARY_NOT_SUBMITTED", "SUMMARY_NOT_SUBMITTED_NONE",
    "SUMMARY_NOT_SUBMITTED_UNCHECKED", "SUMMARY_MORE_FINDINGS", "SUMMARY_MASTER", "SUMMARY_REPORT",
    "SUMMARY_ANNOTATED", "PROGRESS_READING", "HISTORY_SUMMARY", "HISTORY_SUMMARY_NONE",
    "HISTORY_ARCHIVED", "HISTORY_ARCHIVE_LOCKED", "HISTORY_ARCHIVE_FAILED", "TEMPLATE_CARRIED",
    "TEMPLATE_HISTORY_MISSING", "TEMPLATE_NOT_CARRIED", "HISTORY_INDEX_NOTE",
    "PDF_FONT_SUBSTITUTED", "OPENDATA_WRITTEN", "SPLIT_NOTICE_STALE",
    "RUN_FILE_MISSING", "RUN_OUTPUT_FORMS", "RUN_OUTPUT_OPENDATA", "RUN_ANNOTATE_ONTO_INPUT", "RUN_ANNOTATE_FAILED", "FATAL_ANNOTATE_DIR_IS_FILE", "FATAL_ANNOTATE_DIR_IS_INBOX", "FATAL_UNKNOWN_DEPARTMENTS", "FATAL_FORMS_EXIST", "FORMS_EXIST_MORE", "FATAL_INBOX_IS_FILE", "NOTICE_PLAN_FOUND", "FATAL_PERIODS_DIFFER", "PREVIOUS_OTHER_PLAN", "PREVIOUS_NOT_EARLIER", "FATAL_OUTPUT_IS_FOLDER", "FATAL_OUTPUT_NOT_XLSX",
]

# --- cannot continue (fatal) ------------------------------------------------------------------
FATAL_PLAN_UNREADABLE = "計画マスタ「{path}」を読み込めません：{detail}"
FATAL_PLAN_INVALID = "計画マスタ「{path}」にエラーがあります（{count} 件）。次の各行を確かめて修正してください。"
FATAL_INBOX_MISSING = "受付フォルダ「{path}」が見つかりません。"
FATAL_INBOX_UNREADABLE = "受付フォルダ「{path}」の中を読み取れません：{detail}"
FATAL_INBOX_EMPTY = "受付フォルダ「{path}」に調査票（.xlsx）がありません。"
FATAL_OUTPUT_UNWRITABLE = "出力先「{path}」に書き込めません：{detail}"
FATAL_OUTPUT_LOCKED = ("「{path}」が他のプログラム（Excel など）で開かれているため上書きできません。"
                       "新しい集約結果は「{fallback}」に保存しました。")
FATAL_PERIOD_UNKNOWN = "報告年度・報告期間を決められません。--year と --period を指定してください。"
FATAL_PDF_NO_OFFICE = ("PDF の出力には LibreOffice が必要です。Windows では LibreOffice の公式サイト"
                       "（https://ja.libreoffice.org/）からインストールし、Debian/Ubuntu では "
                       "「apt-get install libreoffice-calc-nogui」でインストールしてください。")
FATAL_PDF_FAILED = "PDF を作成できませんでした（{detail}）。"
FATAL_PDF_NO_REPORTS = "「{path}」に資料1-1〜1-3 のシートがありません。集約結果ブックを指定してください。"
FATAL_PDF_UNREADABLE = "「{path}」は Excel ブックとして読めません（{detail}）。集約結果ブックを指定してください。"
FATAL_NOTHING_MERGED = ("受理できた取組の行が 1 行もないため、集約結果「{path}」は{action}"
                        "（{reasons}）{hint}。")
NOTHING_MERGED_KEPT = "上書きせず、前回のまま残しています"
NOTHING_MERGED_NOT_CREATED = "作成していません"
NOTHING_MERGED_REASON = "{title} {count} 件"
NOTHING_MERGED_PERIOD_HINT = "。報告年度・報告期間（--year・--period）の指定を確かめてください"
FATAL_OPENDATA_NO_DATA = "「{path}」の集約データを読めないため、オープンデータを作れません。"
FATAL_OPENDATA_NO_PERIOD = ("「{path}」に報告期間の記録がないため、オープンデータを作れません。"
                            "集約をやり直してください（merge --opendata でも作れます）。")
FATAL_HISTORY_NOT_FOLDER = "履歴フォルダ「{path}」はファイルです。履歴にはフォルダを指定してください。"
FATAL_PREVIOUS_UNUSABLE = "前回の集約結果「{path}」を引き継ぎに使えません：{detail}"
#: An output folder that names an existing file; {what} names the output.
FATAL_OUTPUT_NOT_FOLDER = "「{folder}」はファイルです。{what}の出力先にはフォルダを指定してください。"
#: The {detail} of FATAL_PDF_FAILED.
PDF_DETAIL_MISSING = "「{path}」が見つかりません"
PDF_DETAIL_TIMEOUT = "LibreOffice が {seconds} 秒以内に終了しませんでした"
PDF_DETAIL_EXIT = "LibreOffice 終了コード {code}"
PDF_DETAIL_EXIT_SAID = "LibreOffice 終了コード {code}：{said}"

# --- the run summary (console and the Excel button) -------------------------------------------
CONSOLE_REJECTED_DEPARTMENTS = "受理できなかった所管課: {departments}"
CONSOLE_REJECTED_FILE = "「{file}」（所管課不明）"
CONSOLE_REJECTED_DEPARTMENT = "{department}（{reason}）"
CONSOLE_REJECTED_GROUP = "{departments}（いずれも{reason}）"
CONSOLE_RESUBMISSION_KEPT = "差替え: {department}　採用「{file}」"
CONSOLE_RESUBMISSION_REPLACED = "差替え: {department}　不採用「{file}」（より新しい「{newer}」を採用）"
CONSOLE_FEW_ROWS = "※ 警告: {message}"
SUMMARY_COMPARISON_LINE = "前期比較: {previous} と比較（{parts}）"
SUMMARY_COMPARISON_NONE = "前期比較: 比較する前期の集約結果がありません"
SUMMARY_ROWS = "行: 読込 {read} = 集約 {merged} + 除外 {rejected}{mark}"
SUMMARY_ROWS_MISMATCH = "  ※ 件数が一致しません"
SUMMARY_TARGET = "対象: {period}　{plan}"
#: 「調査票として読めた」: a file that opened but held no form (a renamed sheet) is not among them.
SUMMARY_FILES = ("ファイル: {seen} 件（調査票として読めた {read}・受理 {accepted}・不受理 {rejected}・"
                 "差替え {superseded}・読み飛ばし {skipped}）")
SUMMARY_FINDINGS = "指摘: {error} {errors} 件・{warning} {warnings} 件・{info} {infos} 件"
SUMMARY_NOT_SUBMITTED = "未提出の所管課: {departments}"
SUMMARY_NOT_SUBMITTED_NONE = "なし"
SUMMARY_NOT_SUBMITTED_UNCHECKED = "未提出の所管課: 確認していません（計画マスタなし）"
SUMMARY_MORE_FINDINGS = "  ほか {count} 件（一覧は「{sheet}」シートを参照）"
SUMMARY_MASTER = "集約結果: {path}"
SUMMARY_REPORT = "検証結果: {path}"
SUMMARY_ANNOTATED = "指摘付きの写し: {path}"
#: The label of the progress bar while files are read.
PROGRESS_READING = "読込中"

# --- history and carry-over -------------------------------------------------------------------
HISTORY_SUMMARY = "履歴: 過去 {count} 期を読み込みました（前期：{previous}）"
HISTORY_SUMMARY_NONE = "履歴: 過去の集約結果はありません（{folder}）"
HISTORY_ARCHIVED = "履歴に保存: {path}"
HISTORY_ARCHIVE_LOCKED = ("履歴の「{path}」が他のプログラム（Excel など）で開かれているため更新できませんでした"
                          "（前の内容のままです）。閉じてから集約し直してください。")
HISTORY_ARCHIVE_FAILED = "履歴フォルダに保存できませんでした：{detail}"
TEMPLATE_CARRIED = "前回（{period}）の取組状況・今後の予定・遅れ等の理由を引き継ぎました（{source}）。進捗状況は空欄です。"
TEMPLATE_HISTORY_MISSING = ("履歴フォルダ「{folder}」がないため、前回の内容は引き継いでいません。"
                            "フォルダ名（--history か計画マスタの「設定」の履歴フォルダ）を確かめてください。")
TEMPLATE_NOT_CARRIED = "履歴フォルダ「{folder}」に {period} より前の集約結果がないため、前回の内容は引き継いでいません。"
HISTORY_INDEX_NOTE = ("gyokaku_xl が履歴フォルダの集約結果から自動で作る索引です（読み込みを速くするためのもの）。"
                      "削除しても、次の集約で集約結果から作り直します。")

# --- notices of a run's outputs ---------------------------------------------------------------
PDF_FONT_SUBSTITUTED = "PDF: フォント「{font}」がないため、同じ字幅の「{substitute}」で代用しました。"
OPENDATA_WRITTEN = "オープンデータ: {path}"
SPLIT_NOTICE_STALE = ("前回の集約で作った「{path}」は、今回の集約結果に対応していません"
                      "（今回の資料1-3 は集約結果ブックの中にあります）。")

# --- the run: its inputs and outputs ---------------------------------------------------------
RUN_FILE_MISSING = "ファイルがありません"
RUN_OUTPUT_FORMS = "調査票"
RUN_OUTPUT_OPENDATA = "オープンデータ"
RUN_ANNOTATE_ONTO_INPUT = "「{path}」は提出ファイルのため、指摘付きの写しを作りませんでした。"
RUN_ANNOTATE_FAILED = "「{file}」の指摘付きの写しを作れませんでした（{detail}）。"
FATAL_ANNOTATE_DIR_IS_FILE = "「{folder}」はファイルです。指摘付きの写しの出力先にはフォルダを指定してください。"
FATAL_ANNOTATE_DIR_IS_INBOX = "指摘付きの写しの出力先に受付フォルダは指定できません。別のフォルダを指定してください。"
FATAL_UNKNOWN_DEPARTMENTS = "所管課「{departments}」は計画マスタにありません。"
FATAL_FORMS_EXIST = ("出力先に同じ名前の調査票があります（{names}{more}）。記入済みの調査票を消さないよう、"
                     "別のフォルダを指定するか、上書きしてよい場合は --force を付けてください。")
FORMS_EXIST_MORE = " ほか {count} 件"
FATAL_INBOX_IS_FILE = "「{path}」はファイルです。受付フォルダ（調査票を入れたフォルダ）を指定してください。"
NOTICE_PLAN_FOUND = "計画マスタとして「{path}」を使用しました。"
FATAL_PERIODS_DIFFER = "調査票の報告期間がそろっていません（{periods}）。--year と --period を指定してください。"
PREVIOUS_OTHER_PLAN = "別の計画「{plan}」の集約結果です"
PREVIOUS_NOT_EARLIER = "{found} の集約結果で、{period} より前の期間ではありません"
FATAL_OUTPUT_IS_FOLDER = "「{path}」はフォルダです。集約結果のファイル名（例：{example}）を指定してください。"
FATAL_OUTPUT_NOT_XLSX = "出力ファイル「{path}」の拡張子は .xlsx にしてください。"

"""The Excel button (集約ツール.xlsm): its sheets, settings, status, messages and the VBA's texts."""

from __future__ import annotations

__all__ = [
    "BUTTON_FILE_NAME", "BUTTON_SHEET_RUN", "BUTTON_SHEET_SETTINGS", "BUTTON_CAPTION", "BUTTON_INTRO",
    "BUTTON_DETAILS_HEADING", "BUTTON_HELP_HEADING", "BUTTON_HELP_LINES", "BUTTON_SETTINGS_TITLE",
    "BUTTON_SETTINGS_INTRO", "BUTTON_SETTINGS_HEADERS", "BUTTON_SETTING_INBOX", "BUTTON_SETTING_PLAN",
    "BUTTON_SETTING_OUTPUT", "BUTTON_SETTING_YEAR", "BUTTON_SETTING_PERIOD", "BUTTON_SETTING_HISTORY",
    "BUTTON_SETTING_PDF", "BUTTON_YES", "BUTTON_NO", "BUTTON_SETTING_NOTES", "BUTTON_STATUS_HEADING",
    "BUTTON_STATUS_RUN_AT", "BUTTON_STATUS_RESULT", "BUTTON_STATUS_FILES_ACCEPTED",
    "BUTTON_STATUS_FILES_REJECTED", "BUTTON_STATUS_ROWS_MERGED", "BUTTON_STATUS_FINDINGS",
    "BUTTON_STATUS_NOT_SUBMITTED", "BUTTON_STATUS_OUTPUT", "BUTTON_STATUS_MESSAGE",
    "BUTTON_STATUS_HISTORY", "BUTTON_STATUS_PDF", "BUTTON_STATUS_CHASE", "BUTTON_CHASE_COUNT",
    "BUTTON_STATUS_LABELS", "BUTTON_NOT_RUN",
    "BUTTON_RESULT_RUNNING", "BUTTON_RESULT_OK", "BUTTON_RESULT_REJECTED", "BUTTON_RESULT_LOCKED",
    "BUTTON_RESULT_FAILED", "BUTTON_FILES", "BUTTON_ROWS", "BUTTON_FINDING_COUNT", "BUTTON_NONE",
    "BUTTON_NOT_CHECKED", "BUTTON_PROGRESS", "BUTTON_MORE_DETAILS", "BUTTON_LOG_NAME",
    "BUTTON_NOT_SUBMITTED_AND_REJECTED", "BUTTON_HISTORY_COUNT", "BUTTON_HISTORY_NONE",
    "BUTTON_PDF_NOT_MADE", "BUTTON_PDF_BY_OFFICE", "BUTTON_PDF_BY_EXCEL", "BUTTON_ALERT_TITLE",
    "BUTTON_MSG_OK", "BUTTON_MSG_REJECTED", "BUTTON_MSG_SHEET_MISSING", "BUTTON_MSG_SETTING_MISSING",
    "BUTTON_MSG_SETTING_EMPTY", "BUTTON_MSG_PERIOD_HALF", "BUTTON_MSG_PERIOD_INVALID",
    "BUTTON_MSG_OUTPUT_NOT_XLSX", "BUTTON_MSG_NO_FOLDER", "BUTTON_MSG_UNEXPECTED",
    "BUTTON_MSG_OPEN_FAILED", "BUTTON_MSG_VERSION_MISMATCH", "BUTTON_MSG_PDF_FAILED",
    "BUTTON_MSG_PDF_SETTING", "BUTTON_MSG_BOOK_AT_URL", "BUTTON_MESSAGES_HEADING",
    "BUTTON_MESSAGE_LABELS", "BUTTON_VBA_MESSAGES", "BUTTON_CONF_NOTE_INTERPRETER",
    "BUTTON_CONF_NOTE_PLACEHOLDER", "BUTTON_CONF_NOTE_PYTHONPATH", "BUTTON_CONF_NOTE_SHEET",
    "BUTTON_CONF_NOTE_ADD_WORKBOOK", "BUTTON_BUILD_NOT_XLSM", "BUTTON_BUILD_MISSING",
    "BUTTON_BUILD_VERSION", "BUTTON_BUILD_FAILED", "BUTTON_BUILD_PLACEHOLDER",
    "BUTTON_BUILD_PART_MISSING", "BUTTON_BUILD_NO_XLWINGS_MODULE",
]

# --- the book and its 集約 sheet ----------------------------------------------------------------
BUTTON_FILE_NAME = "集約ツール.xlsm"
BUTTON_SHEET_RUN = "集約"
BUTTON_SHEET_SETTINGS = "設定"
BUTTON_CAPTION = "集約を実行"
BUTTON_INTRO = ("「設定」シートの受付フォルダ・計画マスタ・出力ファイルを確かめてから、"
                "「集約を実行」を押してください。終わると集約結果ブックが開きます。")
BUTTON_DETAILS_HEADING = "詳細"
BUTTON_HELP_HEADING = "うまく動かないとき"
BUTTON_HELP_LINES = (
    "・ボタンを押しても何も起きない：マクロが無効になっています。docs/excel.md の「マクロを有効にする」を参照してください。",
    "・「Python が見つかりません」と表示された：「xlwings.conf」シートの Interpreter_Win の python.exe の場所を確かめてください。",
    "・「… が入っていません」と表示された：表示されたコマンドをコマンド プロンプトで実行してから、もう一度押してください。",
    "・そのほかのエラー：コマンド プロンプトで「python -m gyokaku_xl doctor --book 集約ツール.xlsm」を実行し、表示に従ってください。",
)

# --- the 設定 sheet -----------------------------------------------------------------------------
BUTTON_SETTINGS_TITLE = "設定"
BUTTON_SETTINGS_INTRO = ("値の欄（黄色）を変更できます。フォルダやファイルを相対パスで書いたときは、"
                         "このブックのあるフォルダからの位置になります。")
BUTTON_SETTINGS_HEADERS = ("項目", "値", "説明")
BUTTON_SETTING_INBOX = "受付フォルダ"
BUTTON_SETTING_PLAN = "計画マスタ"
BUTTON_SETTING_OUTPUT = "出力ファイル"
BUTTON_SETTING_YEAR = "報告年度"
BUTTON_SETTING_PERIOD = "報告期間"
BUTTON_SETTING_HISTORY = "履歴フォルダ"
BUTTON_SETTING_PDF = "PDFも作成する"
BUTTON_YES = "はい"
BUTTON_NO = "いいえ"
BUTTON_SETTING_NOTES = {
    BUTTON_SETTING_INBOX: "各課から提出された調査票（.xlsx）を置くフォルダです。",
    BUTTON_SETTING_PLAN: ("計画マスタ（.xlsx）のファイルです。空欄のときは受付フォルダの中か、"
                          "その隣にある「計画マスタ.xlsx」を使います。"),
    BUTTON_SETTING_OUTPUT: ("作成する集約結果ブック（.xlsx）です。同じ名前のファイルは置き換えます"
                            "（Excel で開いているときは別の名前で保存します）。"),
    BUTTON_SETTING_YEAR: "例：令和3年度、R3、2021。空欄のときは調査票に書かれた報告年度を使います。",
    BUTTON_SETTING_PERIOD: "上半期・下半期・年度末のいずれか。空欄のときは調査票に書かれた報告期間を使います。",
    BUTTON_SETTING_HISTORY: ("過去の期間の集約結果を保管するフォルダです。空欄のときは計画マスタの「設定」の"
                             "「履歴フォルダ」を使います（前期比較・推移に使います）。"),
    BUTTON_SETTING_PDF: "「はい」のとき、集約結果の資料1-1〜1-3 を PDF にもします（出力ファイルと同じフォルダ）。",
}

# --- the status of the last run ---------------------------------------------------------------
BUTTON_STATUS_HEADING = "前回の実行結果"
BUTTON_STATUS_RUN_AT = "実行日時"
BUTTON_STATUS_RESULT = "結果"
BUTTON_STATUS_FILES_ACCEPTED = "受理したファイル"
BUTTON_STATUS_FILES_REJECTED = "除外したファイル"
BUTTON_STATUS_ROWS_MERGED = "集約した行数"
BUTTON_STATUS_FINDINGS = "指摘の件数"
BUTTON_STATUS_NOT_SUBMITTED = "未提出の所管課"
BUTTON_STATUS_OUTPUT = "出力ファイル"
BUTTON_STATUS_MESSAGE = "メッセージ"
BUTTON_STATUS_HISTORY = "読み込んだ過去の期間"
BUTTON_STATUS_PDF = "PDF"
#: The departments that need a 督促 (未提出・不受理・エラーあり), and how they are counted.
BUTTON_STATUS_CHASE = "督促が必要な所管課"
BUTTON_CHASE_COUNT = "{count} 件（{departments}）"
BUTTON_STATUS_LABELS = (BUTTON_STATUS_RUN_AT, BUTTON_STATUS_RESULT, BUTTON_STATUS_FILES_ACCEPTED,
                        BUTTON_STATUS_FILES_REJECTED, BUTTON_STATUS_ROWS_MERGED, BUTTON_STATUS_FINDINGS,
                        BUTTON_STATUS_NOT_SUBMITTED, BUTTON_STATUS_CHASE, BUTTON_STATUS_OUTPUT,
                        BUTTON_STATUS_HISTORY, BUTTON_STATUS_PDF, BUTTON_STATUS_MESSAGE)
BUTTON_NOT_RUN = "（まだ実行していません）"
BUTTON_RESULT_RUNNING = "実行中…"
BUTTON_RESULT_OK = "完了"
BUTTON_RESULT_REJECTED = "完了（エラーのある調査票を除外）"
BUTTON_RESULT_LOCKED = "完了（別の名前で保存）"
BUTTON_RESULT_FAILED = "中止"
BUTTON_FILES = "{count} 件"
BUTTON_ROWS = "{merged} 行（読み込み {read} 行・除外 {rejected} 行）"
BUTTON_FINDING_COUNT = "{severity} {count} 件"
BUTTON_NONE = "なし"
BUTTON_NOT_CHECKED = "（計画マスタがないため確認していません）"
BUTTON_PROGRESS = "集約中… {done}/{total} {label}"
BUTTON_MORE_DETAILS = "…ほか {count} 行（集約結果ブックの「検証結果」シートを参照）"
BUTTON_LOG_NAME = "{stem}_エラー.log"
BUTTON_NOT_SUBMITTED_AND_REJECTED = "{not_submitted}／{rejected}"
BUTTON_HISTORY_COUNT = "{count} 期間"
BUTTON_HISTORY_NONE = "（履歴フォルダの指定なし）"
BUTTON_PDF_NOT_MADE = "（作成しない）"
BUTTON_PDF_BY_OFFICE = "{path}（LibreOffice で作成）"
BUTTON_PDF_BY_EXCEL = "{path}（Excel で作成）"

# --- messages of the Python side --------------------------------------------------------------
BUTTON_ALERT_TITLE = "集約ツール"
BUTTON_MSG_OK = "集約が終わりました。集約結果ブックを開きます。"
BUTTON_MSG_REJECTED = ("集約しましたが、エラーのある調査票を除外しました（{count} 件）。"
                       "集約結果ブックの「検証結果」シートを確かめてください。")
BUTTON_MSG_SHEET_MISSING = ("シート「{sheet}」が見つかりません。"
                            "「python -m gyokaku_xl button」で集約ツールを作り直してください。")
BUTTON_MSG_SETTING_MISSING = ("「設定」シートに「{label}」の行が見つかりません。"
                              "「python -m gyokaku_xl button」で集約ツールを作り直してください。")
BUTTON_MSG_SETTING_EMPTY = "「設定」シートの「{label}」が空欄です。"
BUTTON_MSG_PERIOD_HALF = "「設定」シートの報告年度と報告期間は、両方とも入力するか、両方とも空欄にしてください。"
BUTTON_MSG_PERIOD_INVALID = ("「設定」シートの報告年度・報告期間を読み取れません：「{value}」"
                             "（例：令和3年度、上半期）。")
BUTTON_MSG_OUTPUT_NOT_XLSX = "「設定」シートの「出力ファイル」は .xlsx のファイル名にしてください（「{path}」）。"
BUTTON_MSG_NO_FOLDER = ("このブックの保存場所が分からないため、相対パス「{path}」を使えません。"
                        "ブックをパソコンのフォルダに保存するか、「設定」シートに絶対パスを書いてください。")
BUTTON_MSG_UNEXPECTED = ("予期しないエラーのため中止しました（{detail}）。"
                         "詳しい内容を「{log}」に記録しました。担当者に連絡してください。")
BUTTON_MSG_OPEN_FAILED = "集約結果ブック「{path}」を開けませんでした（{detail}）。"
BUTTON_MSG_VERSION_MISMATCH = ("このブックの xlwings（{book}）と Python の xlwings（{python}）の"
                               "バージョンが違います。「python -m gyokaku_xl button」で集約ツールを作り直してください。")
BUTTON_MSG_PDF_FAILED = "集約結果は作成しましたが、PDF を作成できませんでした（{detail}）。"
BUTTON_MSG_PDF_SETTING = "「設定」シートの「PDFも作成する」は「はい」か「いいえ」にしてください（「{value}」）。"
BUTTON_MSG_BOOK_AT_URL = ("このブックは OneDrive・SharePoint 上（{url}）で開かれているため、"
                          "相対パス「{path}」の場所が分かりません。「設定」シートの受付フォルダ・計画マスタ・"
                          "出力ファイル・履歴フォルダには、「C:\\…」のようなパソコン上の絶対パスか"
                          "「\\\\サーバー\\共有\\…」の形を書いてください。")

# --- messages of the VBA side (shown when Python cannot run) ----------------------------------
BUTTON_MESSAGES_HEADING = "ボタンが表示するメッセージ（問題があったときだけ表示されます。この欄は変更しないでください）"
BUTTON_MESSAGE_LABELS = {
    "GyokakuNoPython": "Python が見つからないとき",
    "GyokakuNoXlwings": "xlwings がないとき",
    "GyokakuNoPywin32": "pywin32 がないとき",
    "GyokakuNoGyokaku": "gyokaku_xl がないとき",
    "GyokakuProbeFailed": "Python が正しく動かないとき",
    "GyokakuVbaError": "マクロの実行が止められたとき",
    "GyokakuResultFailed": "結果の表示（中止）",
    "GyokakuAlertTitle": "メッセージの題名",
}
_PIP_OFFLINE = ("インターネットにつながらないパソコンでは、wheelhouse フォルダのある場所で "
                "「\"{python}\" -m pip install --no-index --find-links wheelhouse \"gyokaku_xl[excel]\"」を実行します。")
BUTTON_VBA_MESSAGES = {
    "GyokakuNoPython": ("Python が見つかりません（{python}）。Python をインストールしたパソコンで"
                        "「python -m gyokaku_xl button」を実行して集約ツールを作り直すか、"
                        "「xlwings.conf」シートの Interpreter_Win に python.exe の場所を入れてください。"),
    "GyokakuNoXlwings": ("「{python}」の Python に xlwings が入っていません。コマンド プロンプトで"
                         "「\"{python}\" -m pip install xlwings=={xlwings}」を実行してから、もう一度「集約を実行」を押してください。"
                         + _PIP_OFFLINE),
    "GyokakuNoPywin32": ("「{python}」の Python に pywin32 が入っていません（xlwings が Excel を操作するのに必要です）。"
                         "コマンド プロンプトで「\"{python}\" -m pip install pywin32」を実行してから、もう一度「集約を実行」を押してください。"
                         + _PIP_OFFLINE),
    "GyokakuNoGyokaku": ("「{python}」の Python に gyokaku_xl が入っていません。コマンド プロンプトで gyokaku_xl のフォルダに移動し"
                         "（例「cd /d D:\\tools\\gyokaku_xl」）、「\"{python}\" -m pip install \".[excel]\"」を実行してから、"
                         "もう一度「集約を実行」を押してください。" + _PIP_OFFLINE),
    "GyokakuProbeFailed": ("Python「{python}」で gyokaku_xl を読み込めませんでした（終了コード {code}）。"
                           "コマンド プロンプトで「python -m gyokaku_xl doctor --book 集約ツール.xlsm」を実行し、表示に従ってください。"),
    "GyokakuVbaError": ("「集約を実行」を続けられませんでした（{detail}）。Python を起動することが組織の設定で"
                        "禁止されている（「Office アプリケーションによる子プロセスの作成をブロック」など）か、"
                        "「xlwings.conf」シートの A 列に同じ名前が 2 回あるかもしれません。"
                        "コマンド プロンプトで「python -m gyokaku_xl doctor --book 集約ツール.xlsm」を実行し、"
                        "解決しないときは情報システム担当課に相談してください。"),
    "GyokakuResultFailed": "中止",
    "GyokakuAlertTitle": "集約ツール",
}

# --- the xlwings.conf sheet -------------------------------------------------------------------
BUTTON_CONF_NOTE_INTERPRETER = "「集約を実行」で使う Python（python.exe）の場所です。"
BUTTON_CONF_NOTE_PLACEHOLDER = ("Windows 以外で作成したため仮の値（python.org 版 Python の標準の場所）です。"
                                "違うときは python.exe の場所に直すか、Windows で作り直してください。")
BUTTON_CONF_NOTE_PYTHONPATH = "gyokaku_xl を pip でインストールしていないときに使うフォルダです（通常は空欄）。"
BUTTON_CONF_NOTE_SHEET = ("このシートは xlwings の設定です。A 列の名前は変更しないでください"
                          "（設定は A1 から空行なしで並べます）。")
BUTTON_CONF_NOTE_ADD_WORKBOOK = ("FALSE のままにします（gyokaku_xl はインストール先から読み込むため、"
                                 "このブックのフォルダを Python の検索先に加えません。OneDrive 上のブックでも動くようにするためです）。")

# --- building the book (python -m gyokaku_xl button) ------------------------------------------
BUTTON_BUILD_NOT_XLSM = "集約ツールのファイル名は .xlsm にしてください（「{path}」）。"
BUTTON_BUILD_MISSING = ("{package} がインストールされていないため、集約ツールを作れません。"
                        "gyokaku_xl のフォルダで「python -m pip install \".[excel]\"」を実行してください。")
BUTTON_BUILD_VERSION = ("インストールされている xlwings（{installed}）が、gyokaku_xl の VBA モジュールが"
                        "対応する版（{pinned}）と違います。gyokaku_xl のフォルダで「python -m pip install \".[excel]\"」を実行して入れ直してください。")
BUTTON_BUILD_FAILED = "集約ツールの VBA プロジェクトを作れませんでした（{detail}）。"
BUTTON_BUILD_PLACEHOLDER = ("注意: Windows 以外で作成したため、「xlwings.conf」シートの Interpreter_Win に"
                            "仮の値「{path}」を入れました。Windows で作り直すか、python.exe の場所に直してください。")
#: The {detail} of BUTTON_BUILD_FAILED.
BUTTON_BUILD_PART_MISSING = "{name} がありません"
BUTTON_BUILD_NO_XLWINGS_MODULE = "{path} に xlwings モジュールがありません"

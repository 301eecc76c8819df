"""The command line: its help, its argument errors and the lines its commands print."""

from __future__ import annotations

__all__ = [
    "CLI_ARGPARSE_MESSAGES",
    "CLI_USAGE",
    "CLI_POSITIONALS",
    "CLI_OPTIONALS",
    "CLI_ARGUMENT_ERROR",
    "CLI_DESCRIPTION",
    "CLI_HELP",
    "CLI_VERSION",
    "CLI_META_COMMAND",
    "CLI_META_PLAN",
    "CLI_META_YEAR",
    "CLI_META_PERIOD",
    "CLI_META_FOLDER",
    "CLI_META_DEPARTMENT",
    "CLI_META_MASTER",
    "CLI_META_HISTORY",
    "CLI_META_INBOX",
    "CLI_META_REPORT",
    "CLI_META_OUT",
    "CLI_META_BOOK",
    "CLI_TEMPLATE",
    "CLI_TEMPLATE_PLAN",
    "CLI_TEMPLATE_YEAR",
    "CLI_TEMPLATE_PERIOD",
    "CLI_TEMPLATE_OUT",
    "CLI_TEMPLATE_FORCE",
    "CLI_TEMPLATE_DEPARTMENT",
    "CLI_TEMPLATE_PREVIOUS",
    "CLI_TEMPLATE_HISTORY",
    "CLI_TEMPLATE_NO_PREVIOUS",
    "CLI_CHECK",
    "CLI_MERGE",
    "CLI_INBOX",
    "CLI_PLAN",
    "CLI_YEAR",
    "CLI_PERIOD",
    "CLI_CHECK_REPORT",
    "CLI_ANNOTATE",
    "CLI_MERGE_OUTPUT",
    "CLI_MERGE_PDF",
    "CLI_MERGE_OPENDATA",
    "CLI_MERGE_HISTORY",
    "CLI_QUIET",
    "CLI_PDF",
    "CLI_PDF_MASTER",
    "CLI_PDF_OUT",
    "CLI_PDF_OPENDATA",
    "CLI_BUTTON",
    "CLI_BUTTON_OUTPUT",
    "CLI_BUTTON_INBOX_DEFAULT",
    "CLI_BUTTON_INBOX",
    "CLI_BUTTON_PLAN",
    "CLI_BUTTON_MASTER",
    "CLI_BUTTON_YEAR",
    "CLI_BUTTON_PERIOD",
    "CLI_DOCTOR",
    "CLI_DOCTOR_BOOK",
    "CLI_YEAR_INVALID",
    "CLI_PERIOD_INVALID",
    "CLI_PERIOD_REQUIRED",
    "CLI_YEAR_OPTION",
    "CLI_PERIOD_OPTION",
    "CLI_PERIOD_BOTH",
    "CLI_PREVIOUS_BOTH",
    "CLI_ERROR",
    "CLI_INTERRUPTED",
    "CLI_CREATED",
    "CLI_FORMS_MADE",
]

#: argparse's English messages and their Japanese (replaced in its error lines).
CLI_ARGPARSE_MESSAGES = (
    ("the following arguments are required:", "次の引数が必要です:"),
    ("unrecognized arguments:", "認識できない引数:"),
    ("invalid choice:", "選択できない値:"),
    ("expected one argument", "値を 1 つ指定してください"),
    ("choose from", "選択肢"),
    ("argument ", "引数 "),
)
CLI_USAGE = "使い方: "
CLI_POSITIONALS = "引数"
CLI_OPTIONALS = "オプション"
CLI_ARGUMENT_ERROR = "エラー: 引数が正しくありません: {message}"
CLI_DESCRIPTION = "行財政改革計画の取組状況調査票を作成・検証・集約し、総括資料を作ります。"
CLI_HELP = "このヘルプを表示して終了します"
CLI_VERSION = "バージョンを表示して終了します"
# --- the names of values in the help (metavar) ---------------------------------------------------
CLI_META_COMMAND = "コマンド"
CLI_META_PLAN = "計画マスタ"
CLI_META_YEAR = "年度"
CLI_META_PERIOD = "期間"
CLI_META_FOLDER = "フォルダ"
CLI_META_DEPARTMENT = "所管課"
CLI_META_MASTER = "集約結果"
CLI_META_HISTORY = "履歴フォルダ"
CLI_META_INBOX = "受付フォルダ"
CLI_META_REPORT = "検証結果"
CLI_META_OUT = "出力先"
CLI_META_BOOK = "ブック"
# --- template --------------------------------------------------------------------------------------
CLI_TEMPLATE = "所管課ごとの取組状況調査票（.xlsx）を計画マスタから作成します"
CLI_TEMPLATE_PLAN = "計画マスタ（計画マスタ.xlsx）"
CLI_TEMPLATE_YEAR = "報告年度（例：令和3年度、R3、2021）"
CLI_TEMPLATE_PERIOD = "報告期間（上半期・下半期・年度末）"
CLI_TEMPLATE_OUT = "調査票を書き出すフォルダ"
CLI_TEMPLATE_FORCE = "同じ名前の調査票があっても上書きします"
CLI_TEMPLATE_DEPARTMENT = "この所管課の分だけ作成（複数指定可）"
CLI_TEMPLATE_PREVIOUS = "前回の集約結果（.xlsx）。取組状況・今後の予定・遅れ等の理由と前回の進捗状況を引き継ぎます"
CLI_TEMPLATE_HISTORY = ("履歴フォルダ（--previous がなければ、ここにある直前の期間を引き継ぎます。"
                        "省略時は計画マスタの「設定」の 履歴フォルダ）")
CLI_TEMPLATE_NO_PREVIOUS = "前回の内容を引き継がずに作成します"
# --- check and merge -----------------------------------------------------------------------------
CLI_CHECK = "受付フォルダの調査票を検証します（集約はしません）"
CLI_MERGE = "受付フォルダの調査票を検証・集約し、集約結果ブックを作成します"
CLI_INBOX = "提出された調査票のフォルダ（受付フォルダ）"
CLI_PLAN = "計画マスタ（省略時は受付フォルダ内か隣の 計画マスタ.xlsx）"
CLI_YEAR = "報告年度（省略時は調査票の記載から）"
CLI_PERIOD = "報告期間（省略時は調査票の記載から）"
CLI_CHECK_REPORT = "検証結果を書き出す .xlsx"
CLI_ANNOTATE = "指摘箇所に色とコメントを付けた調査票の写しを書き出すフォルダ"
CLI_MERGE_OUTPUT = "集約結果ブック（既定：集約結果.xlsx）"
CLI_MERGE_PDF = "資料1-1〜1-3 を PDF にも出力します"
CLI_MERGE_OPENDATA = "資料1-2 のオープンデータ（CSV・.xlsx）を書き出すフォルダ"
CLI_MERGE_HISTORY = ("過去の集約結果を置くフォルダ（前期比較に使い、今回の集約結果も保存します。"
                     "省略時は計画マスタの「設定」の 履歴フォルダ）")
CLI_QUIET = "進捗表示を出しません"
# --- pdf -------------------------------------------------------------------------------------------
CLI_PDF = "集約結果ブックの資料1-1〜1-3 を PDF に出力します（LibreOffice を使用）"
CLI_PDF_MASTER = "集約結果ブック（.xlsx）"
CLI_PDF_OUT = ("PDF のファイル名（.pdf で終わるとき。資料1-1〜1-3 を 1 つの PDF に）か、"
               "出力先フォルダ（既定：ブックと同じフォルダ）")
CLI_PDF_OPENDATA = "資料1-2 のオープンデータ（CSV・.xlsx）も書き出します（フォルダ省略時は PDF と同じフォルダ）"
# --- button and doctor ---------------------------------------------------------------------------
CLI_BUTTON = "「{caption}」ボタン付きの Excel ブック（.xlsm）を作成します"
CLI_BUTTON_OUTPUT = "作成するブック（既定：集約ツール.xlsm）"
CLI_BUTTON_INBOX_DEFAULT = "受付"
CLI_BUTTON_INBOX = "「設定」に入れる受付フォルダ"
CLI_BUTTON_PLAN = "「設定」に入れる計画マスタ"
CLI_BUTTON_MASTER = "「設定」に入れる出力ファイル"
CLI_BUTTON_YEAR = "「設定」に入れる報告年度"
CLI_BUTTON_PERIOD = "「設定」に入れる報告期間"
CLI_DOCTOR = "「{caption}」ボタンと PDF 出力に必要なものがそろっているか確認します"
CLI_DOCTOR_BOOK = "確認する集約ツール（.xlsm）"
# --- the period named on the command line --------------------------------------------------------
CLI_YEAR_INVALID = "報告年度「{value}」を読み取れません（例：令和3年度、R3、2021）。"
CLI_PERIOD_INVALID = "報告期間「{value}」を読み取れません（{choices} のいずれか）。"
CLI_PERIOD_REQUIRED = "報告年度（--year）と報告期間（--period）を指定してください。"
CLI_YEAR_OPTION = "--year（報告年度）"
CLI_PERIOD_OPTION = "--period（報告期間）"
CLI_PERIOD_BOTH = "{missing}も指定してください（--year と --period は両方指定します）。"
CLI_PREVIOUS_BOTH = "--previous と --no-previous は同時に指定できません。"
# --- what the commands print ---------------------------------------------------------------------
CLI_ERROR = "エラー: {message}"
CLI_INTERRUPTED = "中断しました。"
CLI_CREATED = "作成: {path}"
CLI_FORMS_MADE = "調査票を {count} 件作成しました（{period}）。"

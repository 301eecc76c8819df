"""The Japanese words users see, in one place.

Identifiers in code are English; everything a user reads comes from here.

Term map (Japanese → identifier used in code):

=============  ===================
取組            initiative
事業            program
取組の視点      perspective
進捗状況        status
所管課          department
報告年度        fiscal_year
報告期間        period (half)
財政効果額      fiscal_effect
計画マスタ      plan
調査票          form
集約結果        master
指摘            finding
=============  ===================
"""

from __future__ import annotations

# --- product -----------------------------------------------------------------------------------
PRODUCT_NAME = "gyokaku_xl"
PRODUCT_TITLE = "行財政改革 取組状況 集約ツール"

# --- severities --------------------------------------------------------------------------------
SEVERITY_ERROR = "エラー"
SEVERITY_WARNING = "警告"
SEVERITY_INFO = "情報"
SEVERITIES = (SEVERITY_ERROR, SEVERITY_WARNING, SEVERITY_INFO)

# --- periods -----------------------------------------------------------------------------------
PERIOD_FIRST_HALF = "上半期"
PERIOD_SECOND_HALF = "下半期"
PERIOD_YEAR_END = "年度末"
PERIODS = (PERIOD_FIRST_HALF, PERIOD_SECOND_HALF, PERIOD_YEAR_END)

ERA_REIWA = "令和"

# --- plan master (計画マスタ.xlsx) -------------------------------------------------------------
PLAN_FILE_NAME = "計画マスタ.xlsx"
PLAN_SHEET_SETTINGS = "設定"
PLAN_SHEET_PERSPECTIVES = "取組の視点"
PLAN_SHEET_STATUSES = "進捗区分"
PLAN_SHEET_PROGRAMS = "事業"
PLAN_SHEET_INITIATIVES = "取組"

PLAN_COL_ITEM = "項目"
PLAN_COL_VALUE = "値"
PLAN_COL_NUMBER = "番号"
PLAN_COL_NAME = "名称"
PLAN_COL_STATUS = "区分"
PLAN_COL_ON_TRACK = "順調"
PLAN_COL_DEFINITION = "説明"
PLAN_COL_PROGRAM_NUMBER = "事業番号"
PLAN_COL_PERSPECTIVE = "取組の視点"
PLAN_COL_PROGRAM_NAME = "事業名"
PLAN_COL_PRIORITY = "重点"
PLAN_COL_SUMMARY = "総括掲載"
PLAN_COL_DEPARTMENT = "所管課"
PLAN_COL_INITIATIVE_ID = "取組番号"
PLAN_COL_INITIATIVE_NAME = "取組名"

SETTING_PLAN_NAME = "計画名"
SETTING_MUNICIPALITY = "自治体名"
SETTING_ROUNDING = "割合の端数処理"
SETTING_COORDINATOR = "取りまとめ課"

ROUNDING_TRUNCATE = "切り捨て"
ROUNDING_HALF_UP = "四捨五入"
ROUNDINGS = (ROUNDING_TRUNCATE, ROUNDING_HALF_UP)

MARK_TRUE = "○"
MARK_TRUE_VARIANTS = ("○", "〇", "◯", "●", "◎", "o", "O", "1", "TRUE", "true", "はい", "有")

# --- the department form (取組状況調査票) ------------------------------------------------------
FORM_TITLE = "取組状況調査票"
FORM_SHEET = "取組状況"
FORM_GUIDE_SHEET = "記入要領"

META_DEPARTMENT = "所管課"
META_FISCAL_YEAR = "報告年度"
META_PERIOD = "報告期間"
META_AUTHOR = "記入者"
META_CONTACT = "連絡先"

# --- master workbook (集約結果.xlsx) -----------------------------------------------------------
MASTER_FILE_NAME = "集約結果.xlsx"
SHEET_SUMMARY = "資料1-1"
SHEET_LIST = "資料1-2"
SHEET_BY_PROGRAM = "資料1-3"
SHEET_DATA = "集約データ"
SHEET_FINDINGS = "検証結果"
SHEET_SUBMISSIONS = "提出状況"

COL_DEPARTMENT = "所管課"
COL_PERSPECTIVE = "取組の視点"
COL_PROGRAM_NUMBER = "事業番号"
COL_SOURCE_FILE = "提出ファイル"
COL_SOURCE_SHEET = "シート"
COL_SOURCE_ROW = "行"
COL_SHA256 = "SHA-256"
COL_MODIFIED = "更新日時"

FINDING_HEADERS = ("重要度", "ファイル", "シート", "セル", "取組番号", "コード", "指摘の種類", "内容", "入力値", "開く")

SUBMISSION_HEADERS = ("所管課", "状況", "提出ファイル", "取組数（計画）", "読込行数", "集約行数",
                      "除外行数", "エラー", "警告", "備考")
SUBMITTED = "提出済"
NOT_SUBMITTED = "未提出"
REPLACED = "差替え"
HAS_ERRORS = "エラーあり"

# --- finding messages ---------------------------------------------------------------------------
# One Japanese template per finding code. Fields are filled with str.format(**values).
MESSAGES: dict[str, str] = {
    # files
    "not-excel": "Excel ファイル（.xlsx）ではありません。調査票を .xlsx 形式で提出してください。",
    "corrupt-zip": "ファイルが壊れているため読み込めません（{detail}）。調査票を保存し直して再提出してください。",
    "encrypted": "パスワードで保護（暗号化）されているため読み込めません。パスワードを解除して保存し直してください。",
    "legacy-xls": "旧形式の Excel ファイル（.xls）です。Excel で開き「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください。",
    "lock-file": "Excel の一時ファイル（~$ で始まる）のため読み飛ばしました。{owner}が元のファイルを開いています。",
    "file-too-large": "ファイルが大きすぎます（{size}）。上限は {limit} です。",
    "zip-bomb": "圧縮率または展開後の大きさが異常なため読み込みを中止しました（{detail}）。",
    "xml-forbidden": "ファイル内に許可されていない XML 構造（DTD・外部実体など）があるため読み込みを中止しました。",
    "sheet-too-large": "シート「{sheet}」の使用範囲が異常に広いため読み込みを中止しました（{detail}）。不要なセルを削除して保存し直してください。",
    "read-failed": "ファイルを読み込めませんでした（{detail}）。",
    "macro-enabled": "マクロ有効ブック（.xlsm）です。マクロは実行せず、セルの値だけを読み込みます。",
    "binary-workbook": "Excel バイナリブック（.xlsb）は読み込めません。Excel で開き「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してください。",
    "corrupt-file": "ファイルが壊れているため読み込めません（{detail}）。Excel で開けるか確かめ、「Excel ブック (*.xlsx)」形式で保存し直して再提出してください。",
    "lock-file-libreoffice": "LibreOffice の一時ファイル（.~lock. で始まる）のため読み飛ばしました。{owner}が元のファイル「{original}」を開いています。",
    "subfolder-skipped": "フォルダ「{value}」の中は読み込みません。調査票は受付フォルダの直下に置いてください。",
    "not-official-form": "公式の調査票ではありません（{detail}）。配布した調査票に記入してください。",
    "outdated-template": "調査票の様式が古いバージョンです（{seen}、現行は {expected}）。新しい調査票に転記してください。",
    "sheet-missing": "シート「{sheet}」がありません（このファイルのシート：{value}）。シート名を「{sheet}」に戻して再提出してください。",
    "header-changed": "見出し「{expected}」が見つからないか変更されています。見出し行は変更しないでください。",
    "meta-missing": "「{label}」が空欄です。",
    "department-unknown": "所管課「{value}」は計画マスタにありません。",
    "year-mismatch": "この調査票の報告年度は「{value}」で、今回集約する {expected} と異なります。今回の調査票で再提出してください。",
    "period-mismatch": "この調査票の報告期間は「{value}」で、今回集約する {expected} と異なります。今回の調査票で再提出してください。",
    "year-invalid": "報告年度「{value}」を年度として読み取れません（例：令和3年度）。",
    "period-invalid": "報告期間「{value}」が正しくありません（{expected}のいずれか）。",
    "superseded": "同じ所管課の別ファイル「{newer}」がより新しいため、このファイルは差し替えられました（{rule}）。",
    "rows-not-merged": "このファイルのエラーのため、取組の {count} 行は集約していません。",
    "no-rows": "取組の行が1行もありません。",
    # rows
    "unknown-initiative": "取組番号「{value}」は計画マスタにありません。",
    "initiative-id-missing": "取組番号が空欄です。",
    "initiative-other-department": "取組番号「{value}」は {owner} の取組です（このファイルは {department}）。",
    "duplicate-initiative": "取組番号「{value}」が {first} と重複しています。",
    "status-missing": "進捗状況が空欄です。{choices}から選んでください。",
    "status-variant": "進捗状況「{value}」を「{canonical}」として読み取りました。一覧から選んでください。",
    "status-not-in-scale": "進捗状況「{value}」は区分にありません。{choices}から選んでください。",
    "progress-missing": "取組状況が空欄です。",
    "delay-reason-missing": "進捗状況が「{status}」のため、遅れ等の理由を記入してください。",
    "fiscal-effect-invalid": "財政効果額「{value}」は 0 以上の整数（千円）で記入してください。",
    "fiscal-effect-normalized": "財政効果額「{value}」を {number} として読み取りました（全角の数字や空白を直しました）。半角数字で記入してください。",
    "formula-cached": "値を入力する欄に数式があります。表示されている値「{cached}」を使用しました。",
    "status-formula-no-value": "進捗状況の欄に数式があり、値を読み取れません。一覧から選んでください。",
    "formula-no-value": "値を入力する欄に数式があり、値を読み取れません。値を直接入力してください。",
    "text-too-long": "文字数が Excel の上限（{limit} 文字）を超えています（{length} 文字）。",
    "prefilled-changed": "あらかじめ記入された「{label}」が変更されています（計画マスタ：「{expected}」）。変更しないでください。",
    # completeness
    "initiative-not-reported": "取組「{value}」（{name}）の報告がありません（所管課：{department}）。",
    "department-not-submitted": "{department} の調査票が提出されていません（未提出）。",
    "completeness-unchecked": "計画マスタが指定されていないため、未提出・未報告の確認は行っていません。",
    # plan master
    "plan-sheet-missing": "計画マスタにシート「{sheet}」がありません。",
    "plan-header-missing": "計画マスタのシート「{sheet}」に見出し「{expected}」がありません。",
    "plan-setting-missing": "計画マスタの「設定」に「{label}」がありません。",
    "plan-setting-invalid": "計画マスタの「設定」の「{label}」が正しくありません（{expected}）。",
    "plan-empty-name": "「{label}」が空欄です。",
    "plan-duplicate-id": "{label}「{value}」が {first} と重複しています。",
    "plan-unknown-perspective": "取組の視点「{value}」は「取組の視点」シートにありません。",
    "plan-unknown-program": "事業番号「{value}」は「事業」シートにありません。",
    "plan-invalid-number": "{label}「{value}」は番号として読み取れません。",
    "plan-no-statuses": "「進捗区分」に区分が1つもありません。",
    "plan-no-on-track": "「進捗区分」に順調（○）とする区分が1つもありません。",
    "plan-empty-program": "事業「{value}」に取組が1つもありません。",
    "plan-department-mismatch": "取組「{value}」の所管課が空欄のため、事業の所管課「{department}」を使用しました。",
}

# --- fatal (cannot continue) messages -----------------------------------------------------------
FATAL_PLAN_UNREADABLE = "計画マスタ「{path}」を読み込めません：{detail}"
FATAL_PLAN_INVALID = "計画マスタ「{path}」にエラーがあります（{count} 件）。次の各行を確かめて修正してください。"
FATAL_INBOX_MISSING = "受付フォルダ「{path}」が見つかりません。"
FATAL_INBOX_UNREADABLE = "受付フォルダ「{path}」の中を読み取れません：{detail}"
FATAL_INBOX_EMPTY = "受付フォルダ「{path}」に調査票（.xlsx）がありません。"
FATAL_OUTPUT_UNWRITABLE = "出力先「{path}」に書き込めません：{detail}"
FATAL_OUTPUT_LOCKED = ("「{path}」が他のプログラム（Excel など）で開かれているため上書きできません。"
                       "新しい集約結果は「{fallback}」に保存しました。")
FATAL_PERIOD_UNKNOWN = "報告年度・報告期間を決められません。--year と --period を指定してください。"

# --- report sheets (資料1-1 / 1-2 / 1-3) -------------------------------------------------------
# Counts in generated sentences use half-width digits; section numbers and 資料番号 full-width.
REPORT_SUBTITLE_SUMMARY = "{period}取組状況（総括）"
REPORT_SUBTITLE_LIST = "{period}取組状況一覧"
REPORT_SUBTITLE_BY_PROGRAM = "{period}事業別の取組状況"
REPORT_SECTION_PROGRESS = "１ 進捗状況（詳細は{list}、{by_program}）"
REPORT_SECTION_PROGRAMS = "２ 主な事業の取組状況（詳細は{by_program}）"
REPORT_SECTION_FLAGGED = "３ {statuses}とした取組（詳細は{by_program}）"
REPORT_SECTION_FLAGGED_NO_SCALE = "３ 順調以外の取組（詳細は{by_program}）"
REPORT_SENTENCE_COUNTS = "・{programs}事業で{initiatives}の取組を実施。"
REPORT_SENTENCE_ON_TRACK = "・取組の状況は、{statuses}は{count}取組、全体の{percent}％は順調に進捗。"
REPORT_STATUS_COUNT = "{status}は{count}取組"
REPORT_STATUS_NONE = "{status}はなし"
REPORT_SENTENCE_NOT_ON_TRACK = "・{parts}。"
REPORT_SENTENCE_NONE_FLAGGED = "・{statuses}とした取組はなし。"
REPORT_NOTE_ROUNDING = "※割合（％）は小数点以下{rounding}。"
REPORT_NOTE_UNREPORTED = "※計画の{planned}取組のうち{missing}取組は報告がなく、集計に含めていません。"
REPORT_TABLE_HEADING = "【取組活動数一覧】"
REPORT_CHART_HEADING = "【取組活動数内訳（合計{total}取組）】"
REPORT_TOTAL = "合計"
REPORT_CHART_LABEL = "{count}({status})"
REPORT_CHART_SERIES = "取組活動数内訳"
REPORT_FLAGGED_LINE = "{initiative}･･･{status} [{program}]"
REPORT_SAME_AS_ABOVE = "同上"
REPORT_FLAGGED_NONE = "{statuses}とした取組はありません。"
REPORT_NOT_ON_TRACK = "順調以外"
REPORT_NOT_REPORTED = "（報告なし）"
REPORT_BULLET = "・"
REPORT_PAGE_FOOTER = "&C－ &P －"
REPORT_LABEL_PRIORITY = "重点"
REPORT_LABEL_DEPARTMENT = "所管課"
REPORT_LABEL_PERSPECTIVE = "取組の視点"
REPORT_LIST_HEADERS = ("取組番号", "取組名", "進捗状況", "取組状況", "今後の予定")
REPORT_BY_PROGRAM_HEADERS = ("取組番号", "取組名", "進捗状況", "財政効果額（千円）")
REPORT_BY_PROGRAM_TEXT_LABELS = ("取組状況", "今後の予定", "遅れ等の理由")
REPORT_PROGRAM_TOTAL = "事業の財政効果額 合計"
REPORT_PLAN_TOTAL = "計画全体の財政効果額 合計"
REPORT_EMPTY = "－"
FATAL_PDF_NO_OFFICE = ("PDF の出力には LibreOffice が必要です。Windows では LibreOffice の公式サイト"
                       "（https://ja.libreoffice.org/）からインストールし、Debian/Ubuntu では "
                       "「apt-get install libreoffice-calc-nogui」でインストールしてください。")
FATAL_PDF_FAILED = "PDF を作成できませんでした（{detail}）。"
FATAL_PDF_NO_REPORTS = "「{path}」に資料1-1〜1-3 のシートがありません。集約結果ブックを指定してください。"
FATAL_PDF_UNREADABLE = "「{path}」は Excel ブックとして読めません（{detail}）。集約結果ブックを指定してください。"

# --- the Excel button (集約ツール.xlsm) --------------------------------------------------------
BUTTON_FILE_NAME = "集約ツール.xlsm"
BUTTON_SHEET_RUN = "集約"
BUTTON_SHEET_SETTINGS = "設定"
BUTTON_CAPTION = "集約を実行"
BUTTON_INTRO = ("「設定」シートの受付フォルダ・計画マスタ・出力ファイルを確かめてから、"
                "「集約を実行」を押してください。終わると集約結果ブックが開きます。")
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
BUTTON_STATUS_LABELS = (BUTTON_STATUS_RUN_AT, BUTTON_STATUS_RESULT, BUTTON_STATUS_FILES_ACCEPTED,
                        BUTTON_STATUS_FILES_REJECTED, BUTTON_STATUS_ROWS_MERGED, BUTTON_STATUS_FINDINGS,
                        BUTTON_STATUS_NOT_SUBMITTED, BUTTON_STATUS_OUTPUT, BUTTON_STATUS_HISTORY,
                        BUTTON_STATUS_PDF, BUTTON_STATUS_MESSAGE)
BUTTON_DETAILS_HEADING = "詳細"
BUTTON_HELP_HEADING = "うまく動かないとき"
BUTTON_HELP_LINES = (
    "・ボタンを押しても何も起きない：マクロが無効になっています。docs/excel.md の「マクロを有効にする」を参照してください。",
    "・「Python が見つかりません」と表示された：「xlwings.conf」シートの Interpreter_Win の python.exe の場所を確かめてください。",
    "・「… が入っていません」と表示された：表示されたコマンドをコマンド プロンプトで実行してから、もう一度押してください。",
    "・そのほかのエラー：コマンド プロンプトで「python -m gyokaku_xl doctor --book 集約ツール.xlsm」を実行し、表示に従ってください。",
)
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
BUTTON_ALERT_TITLE = "集約ツール"
BUTTON_PROGRESS = "集約中… {done}/{total} {label}"
BUTTON_MORE_DETAILS = "…ほか {count} 行（集約結果ブックの「検証結果」シートを参照）"
BUTTON_LOG_NAME = "{stem}_エラー.log"
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
BUTTON_CONF_NOTE_INTERPRETER = "「集約を実行」で使う Python（python.exe）の場所です。"
BUTTON_CONF_NOTE_PLACEHOLDER = ("Windows 以外で作成したため仮の値（python.org 版 Python の標準の場所）です。"
                                "違うときは python.exe の場所に直すか、Windows で作り直してください。")
BUTTON_CONF_NOTE_PYTHONPATH = "gyokaku_xl を pip でインストールしていないときに使うフォルダです（通常は空欄）。"
BUTTON_CONF_NOTE_SHEET = ("このシートは xlwings の設定です。A 列の名前は変更しないでください"
                          "（設定は A1 から空行なしで並べます）。")
BUTTON_BUILD_NOT_XLSM = "集約ツールのファイル名は .xlsm にしてください（「{path}」）。"
BUTTON_BUILD_MISSING = ("{package} がインストールされていないため、集約ツールを作れません。"
                        "gyokaku_xl のフォルダで「python -m pip install \".[excel]\"」を実行してください。")
BUTTON_BUILD_VERSION = ("インストールされている xlwings（{installed}）が、gyokaku_xl の VBA モジュールが"
                        "対応する版（{pinned}）と違います。gyokaku_xl のフォルダで「python -m pip install \".[excel]\"」を実行して入れ直してください。")
BUTTON_BUILD_FAILED = "集約ツールの VBA プロジェクトを作れませんでした（{detail}）。"
BUTTON_BUILD_PLACEHOLDER = ("注意: Windows 以外で作成したため、「xlwings.conf」シートの Interpreter_Win に"
                            "仮の値「{path}」を入れました。Windows で作り直すか、python.exe の場所に直してください。")

# --- trust: what the office reads is true and actionable (issue 9) ------------------------------
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

# Finding messages added for issue 9 (same template rules as MESSAGES above).
MESSAGES.update({
    "empty-file": ("ファイルが空です（0 バイト）。保存かコピーに失敗した可能性があります。"
                   "元の調査票を Excel で開けるか確かめ、保存し直して再提出してください。"),
    "fiscal-effect-comma": "財政効果額「{value}」のカンマを除き、{number} として読み取りました。",
})

# A short title per finding code (検証結果's 「指摘の種類」 column, the README's list of findings)
# and what the department or the office does about it (the 「指摘一覧」 sheet of annotated copies).
FINDING_TITLES: dict[str, str] = {
    "not-excel": "Excel ファイルでない",
    "empty-file": "空のファイル（0 バイト）",
    "corrupt-zip": "壊れたファイル",
    "encrypted": "パスワード付き",
    "legacy-xls": "旧形式（.xls）",
    "lock-file": "Excel の一時ファイル",
    "file-too-large": "ファイルが大きすぎる",
    "zip-bomb": "展開後の大きさが異常",
    "xml-forbidden": "許可されない XML 構造",
    "sheet-too-large": "シートの使用範囲が異常",
    "read-failed": "読み込めない",
    "macro-enabled": "マクロ有効ブック",
    "binary-workbook": "バイナリブック（.xlsb）",
    "corrupt-file": "壊れたファイル",
    "lock-file-libreoffice": "LibreOffice の一時ファイル",
    "subfolder-skipped": "サブフォルダ",
    "not-official-form": "公式の調査票でない",
    "outdated-template": "古い様式",
    "sheet-missing": "シート名が違う",
    "header-changed": "見出しの変更",
    "meta-missing": "必須項目の空欄",
    "contact-missing": "記入者・連絡先の空欄",
    "department-unknown": "計画にない所管課",
    "year-mismatch": "報告年度が違う",
    "period-mismatch": "報告期間が違う",
    "year-invalid": "報告年度が読めない",
    "period-invalid": "報告期間が読めない",
    "year-outside-plan": "計画期間外の年度",
    "superseded": "差替え（古い提出）",
    "rows-not-merged": "集約しなかった行",
    "no-rows": "取組の行がない",
    "row-inserted": "追加された行",
    "unknown-initiative": "計画にない取組番号",
    "initiative-id-missing": "取組番号の空欄",
    "initiative-other-department": "他課の取組番号",
    "duplicate-initiative": "取組番号の重複",
    "status-missing": "進捗状況の空欄",
    "status-variant": "進捗状況の表記ゆれ",
    "status-not-in-scale": "区分にない進捗状況",
    "progress-missing": "取組状況の空欄",
    "delay-reason-missing": "遅れ等の理由の空欄",
    "fiscal-effect-invalid": "財政効果額が数値でない",
    "fiscal-effect-normalized": "財政効果額の全角文字",
    "fiscal-effect-comma": "財政効果額のカンマ",
    "formula-cached": "入力欄の数式（値を使用）",
    "status-formula-no-value": "進捗状況の数式",
    "formula-no-value": "入力欄の数式（値なし）",
    "text-too-long": "文字数の超過",
    "prefilled-changed": "記入済み欄の変更",
    "initiative-not-reported": "報告のない取組",
    "department-not-submitted": "未提出の所管課",
    "completeness-unchecked": "未提出の確認なし",
    "few-rows-merged": "集約できた取組が少ない",
    "plan-sheet-missing": "計画マスタのシートがない",
    "plan-header-missing": "計画マスタの見出しがない",
    "plan-setting-missing": "計画マスタの設定がない",
    "plan-setting-invalid": "計画マスタの設定が不正",
    "plan-empty-name": "計画マスタの空欄",
    "plan-duplicate-id": "計画マスタの番号の重複",
    "plan-unknown-perspective": "計画マスタにない視点",
    "plan-unknown-program": "計画マスタにない事業",
    "plan-invalid-number": "計画マスタの番号が不正",
    "plan-no-statuses": "進捗区分がない",
    "plan-no-on-track": "順調とする区分がない",
    "plan-empty-program": "取組のない事業",
    "plan-department-mismatch": "取組の所管課の空欄",
}
#: What to do, by code; codes not listed use FINDING_ACTION_DEFAULT of their severity.
FINDING_ACTIONS: dict[str, str] = {
    "not-excel": "配布した調査票（.xlsx）に記入して再提出",
    "empty-file": "保存し直して再提出",
    "corrupt-zip": "Excel で開けるか確かめ、保存し直して再提出",
    "corrupt-file": "Excel で開けるか確かめ、保存し直して再提出",
    "encrypted": "パスワードを解除して保存し直し、再提出",
    "legacy-xls": "「Excel ブック (*.xlsx)」で保存し直して再提出",
    "binary-workbook": "「Excel ブック (*.xlsx)」で保存し直して再提出",
    "not-official-form": "配布した調査票に転記して再提出",
    "outdated-template": "新しい調査票に転記して再提出",
    "sheet-missing": "シート名を元に戻して再提出",
    "header-changed": "見出しを元に戻して再提出",
    "meta-missing": "空欄に記入して再提出",
    "year-mismatch": "今回の報告年度の調査票で再提出",
    "period-mismatch": "今回の報告期間の調査票で再提出",
    "row-inserted": "追加した行を削除して再提出",
    "initiative-id-missing": "取組番号を記入するか、行を削除",
    "unknown-initiative": "取組番号を直して再提出",
    "initiative-other-department": "その行を削除して再提出",
    "duplicate-initiative": "重複した行を削除して再提出",
    "status-missing": "一覧（▼）から進捗状況を選ぶ",
    "status-not-in-scale": "一覧（▼）から進捗状況を選ぶ",
    "status-variant": "一覧（▼）から選び直す",
    "progress-missing": "取組状況を記入",
    "delay-reason-missing": "遅れ等の理由を記入",
    "fiscal-effect-invalid": "0 以上の整数（千円）で記入",
    "fiscal-effect-normalized": "半角数字で記入",
    "formula-cached": "数式をやめて値を直接入力",
    "formula-no-value": "数式をやめて値を直接入力",
    "status-formula-no-value": "一覧（▼）から進捗状況を選ぶ",
    "text-too-long": "文章を短くする",
    "prefilled-changed": "元の記入内容に戻す",
    "superseded": "対応は不要（新しいファイルを採用）",
    "rows-not-merged": "ファイルのエラーを直して再提出",
    "lock-file": "対応は不要（元のファイルを閉じてから集約）",
    "lock-file-libreoffice": "対応は不要（元のファイルを閉じてから集約）",
    "file-too-large": "不要な行・画像を削除して再提出",
    "zip-bomb": "配布した調査票に転記して再提出",
    "xml-forbidden": "配布した調査票に転記して再提出",
    "sheet-too-large": "不要なセルを削除して保存し直し、再提出",
    "read-failed": "ファイルの場所と権限を確かめる",
    "macro-enabled": "対応は不要（.xlsx での提出を推奨）",
    "subfolder-skipped": "調査票は受付フォルダの直下に置く",
    "department-unknown": "所管課を計画マスタの名称に直す",
    "year-invalid": "配布した調査票の報告年度のままにする",
    "period-invalid": "配布した調査票の報告期間のままにする",
    "year-outside-plan": "報告年度と計画期間を確かめる",
    "no-rows": "配布した調査票に記入して再提出",
    "fiscal-effect-comma": "対応は不要",
    "initiative-not-reported": "その取組の行を記入して再提出",
    "department-not-submitted": "所管課に提出を依頼",
    "completeness-unchecked": "計画マスタを指定して集約",
    "few-rows-merged": "不受理・未提出の調査票を確かめる",
    "contact-missing": "記入者・連絡先を記入",
    "plan-sheet-missing": "計画マスタにシートを加える",
    "plan-header-missing": "計画マスタの見出しを直す",
    "plan-setting-missing": "計画マスタの「設定」に加える",
    "plan-setting-invalid": "計画マスタの「設定」を直す",
    "plan-empty-name": "計画マスタの空欄に記入",
    "plan-duplicate-id": "計画マスタの番号を直す",
    "plan-unknown-perspective": "計画マスタの視点番号を直す",
    "plan-unknown-program": "計画マスタの事業番号を直す",
    "plan-invalid-number": "計画マスタの番号を直す",
    "plan-no-statuses": "計画マスタに進捗区分を加える",
    "plan-no-on-track": "計画マスタの順調の区分に ○ を付ける",
    "plan-empty-program": "計画マスタの事業と取組を確かめる",
    "plan-department-mismatch": "計画マスタの取組に所管課を記入",
}
FINDING_ACTION_DEFAULT = {SEVERITY_ERROR: "内容を確かめて修正し、再提出", SEVERITY_WARNING: "内容を確かめ、必要なら修正",
                          SEVERITY_INFO: "対応は不要"}
FINDING_TITLE_HEADER = "指摘の種類"

# Run-level findings and console lines (issue 9, points 1, 2 and 6).
MESSAGES.update({
    "few-rows-merged": ("集約できた取組は計画の {planned} 取組のうち {merged} 取組（半分未満）です。"
                        "受理できなかった調査票と未提出の所管課を確かめてください。"),
})
FATAL_NOTHING_MERGED = ("受理できた取組の行が 1 行もないため、集約結果「{path}」は{action}"
                        "（{reasons}）{hint}。")
NOTHING_MERGED_KEPT = "上書きせず、前回のまま残しています"
NOTHING_MERGED_NOT_CREATED = "作成していません"
NOTHING_MERGED_REASON = "{title} {count} 件"
NOTHING_MERGED_PERIOD_HINT = "。報告年度・報告期間（--year・--period）の指定を確かめてください"
CONSOLE_REJECTED_DEPARTMENTS = "受理できなかった所管課: {departments}"
CONSOLE_REJECTED_FILE = "「{file}」（所管課不明）"
CONSOLE_REJECTED_DEPARTMENT = "{department}（{reason}）"
CONSOLE_REJECTED_GROUP = "{departments}（いずれも{reason}）"
CONSOLE_RESUBMISSION_KEPT = "差替え: {department}　採用「{file}」"
CONSOLE_RESUBMISSION_REPLACED = "差替え: {department}　不採用「{file}」（より新しい「{newer}」を採用）"
CONSOLE_FEW_ROWS = "※ 警告: {message}"
REPORT_NOTE_LEFT_OUT = "※計画の{planned}取組のうち{missing}取組は集計に含めていません（{parts}）。"
REPORT_NOTE_PART = "{label}{count}取組"
REPORT_NOTE_NOT_SUBMITTED = "未提出"
REPORT_NOTE_REJECTED = "不受理"
REPORT_NOTE_NOT_REPORTED = "報告なし"

# 記入者・連絡先 (issue 9, point 4)
MESSAGES.update({
    "contact-missing": "「{label}」が空欄です。問い合わせができるよう記入してください。",
})

# 計画期間 (issue 9, point 5)
SETTING_PLAN_PERIOD = "計画期間"
PLAN_PERIOD_EXAMPLE = "例：2020-2023"
PLAN_YEARS_LABEL = "{first}〜{last}年度"
MESSAGES.update({
    "year-outside-plan": ("報告年度（{year}）が計画期間（{years}）の外です。"
                          "年度の指定（--year）と計画マスタの「計画期間」を確かめてください。"),
})

# One version (issue 9, point 12): the package's, with the form layout's own version beside it.
FORM_COMMENTS = "{product} {version}（様式 {form_version}）"

# The 「指摘一覧」 sheet of annotated copies (issue 9, point 13).
ANNOTATE_SHEET = "指摘一覧"
ANNOTATE_TITLE = "指摘一覧　{file}"
ANNOTATE_INTRO = ("取りまとめ課が調査票を確かめた結果です。「セル」をクリックすると該当のセルに移動します"
                  "（色とコメントも付けています）。")
#: What the department does, by whether the copy has errors (集約されない) or only warnings.
ANNOTATE_TODO_ERRORS = "エラーを直して再提出してください。"
ANNOTATE_TODO_WARNINGS = "エラーはありません。警告の内容を確かめ、必要なら直して再提出してください。"
ANNOTATE_HEADERS = ("No.", "セル", "重要度", "指摘の種類", "内容", "対応")
ANNOTATE_NO_CELL = "ファイル全体"
ANNOTATE_STALE_COPY = ("「{path}」は前回の指摘付きの写しです。「{file}」には今回エラー・警告がないため作り直していません。"
                       "古い写しを返送しないよう、削除してください。")
ANNOTATE_COUNTS = "エラー {error} 件・警告 {warning} 件・情報 {info} 件"
MESSAGES.update({
    "row-inserted": "行が追加されています。削除してください（取組の行は配布した調査票のままにしてください）。",
})
BUTTON_NOT_SUBMITTED_AND_REJECTED = "{not_submitted}／{rejected}"

# --- 公表（PDF の体裁・アクセシビリティ・オープンデータ） ---------------------------------------------
SETTING_FONT = "フォント"
#: 「フォント」の値 → 資料・調査票で使う (明朝, ゴシック)。値は表記の揺れ（空白・全角半角）を許して照合します。
FONT_CHOICES = {
    "ＭＳ 明朝/ＭＳ ゴシック": ("ＭＳ 明朝", "ＭＳ ゴシック"),
    "BIZ UD明朝/BIZ UDゴシック": ("BIZ UD明朝 Medium", "BIZ UDゴシック"),
    "IPAex明朝/IPAexゴシック": ("IPAex明朝", "IPAexゴシック"),
}
FONT_CHOICE_DEFAULT = "ＭＳ 明朝/ＭＳ ゴシック"
PDF_FONT_SUBSTITUTED = "PDF: フォント「{font}」がないため、同じ字幅の「{substitute}」で代用しました。"
PDF_TITLE = "{plan}　{period}取組状況"
OPENDATA_FILE_STEM = "取組状況一覧_{period}"
OPENDATA_SHEET = "取組状況一覧"
OPENDATA_COLUMNS = ("年度", "年度（西暦）", "期間", "視点", "事業", "重点", "所管課", "取組番号", "取組名",
                    "進捗状況", "取組状況", "今後の予定", "財政効果額（千円）")
OPENDATA_WRITTEN = "オープンデータ: {path}"
FATAL_OPENDATA_NO_DATA = "「{path}」の集約データを読めないため、オープンデータを作れません。"
FATAL_OPENDATA_NO_PERIOD = ("「{path}」に報告期間の記録がないため、オープンデータを作れません。"
                            "集約をやり直してください（merge --opendata でも作れます）。")
# --- movement over periods: 前期比較 / 推移 / 財政効果 -------------------------------------------
SHEET_COMPARISON = "前期比較"
SHEET_TREND = "推移"
SHEET_FISCAL = "財政効果"
MOVEMENT_SHEETS = (SHEET_COMPARISON, SHEET_TREND, SHEET_FISCAL)

# plan master: optional 財政効果 targets
PLAN_COL_TARGET = "目標額（千円）"
PLAN_SHEET_FISCAL_TARGETS = "財政効果目標"
PLAN_COL_FISCAL_YEAR = "年度"
MESSAGES.update({
    "plan-target-invalid": ("{label}「{value}」は 0 以上の整数（千円、{limit} 以下）で記入してください。"
                            "この目標額は使用しません。"),
    "plan-target-duplicate-year": "年度「{value}」の目標額が {first} と重複しています。この行は使用しません。",
    "plan-target-year-invalid": "年度「{value}」を年度として読み取れません（例：令和3年度、2021）。この行は使用しません。",
})

# kinds of change from the previous period to this one
CHANGE_IMPROVED = "改善"
CHANGE_WORSENED = "悪化"
CHANGE_CHANGED = "変化"
CHANGE_UNCHANGED = "変化なし"
CHANGE_NEW = "新規"
CHANGE_NOT_REPORTED = "報告なし"
CHANGES = (CHANGE_IMPROVED, CHANGE_WORSENED, CHANGE_CHANGED, CHANGE_UNCHANGED, CHANGE_NEW,
           CHANGE_NOT_REPORTED)

MOVEMENT_DOC_TITLE_COMPARISON = "前期比較（{previous} → {current}）"
MOVEMENT_DOC_TITLE_COMPARISON_NONE = "前期比較（{current}）"
MOVEMENT_NO_PREVIOUS = ("比較する前期の集約結果がありません（この計画の {current} より前の集約結果が"
                        "履歴にありません）。今期の進捗状況だけを示します。")
MOVEMENT_CHANGE_COUNTS = "変化の内訳：{parts}"
MOVEMENT_CURRENT_HEADING = "【今期の進捗状況別の取組数】"
MOVEMENT_CURRENT_CORNER = "報告期間"
MOVEMENT_CURRENT_NOTE = "※取組ごとの進捗状況は「資料1-2」を参照してください。次の期間からは、この期間と比べた取組ごとの変化を示します。"
MOVEMENT_CHANGE_PART = "{change} {count}"
MOVEMENT_RULE_ON_TRACK = "※「改善」は順調（{on_track}）以外から順調へ、「悪化」は順調から順調以外へ、「変化」は同じ側の別の区分への変化です。"
MOVEMENT_TRANSITION_HEADING = "【前期 × 今期の取組数】"
MOVEMENT_TRANSITION_CORNER = "前期＼今期"
MOVEMENT_NONE_MARK = "（なし）"
MOVEMENT_LIST_HEADING = "【取組ごとの変化】"
MOVEMENT_COMPARISON_HEADERS = ("取組番号", "取組名", "事業", "所管課", "前期\n{previous}", "今期\n{current}", "変化")
MOVEMENT_EMPTY = "－"

MOVEMENT_TREND_TITLE = "進捗状況の推移（{first} ～ {last}）"
MOVEMENT_TREND_TITLE_ONE = "進捗状況の推移（{period}）"
MOVEMENT_TREND_PERIOD = "報告期間"
MOVEMENT_TREND_OTHER = "その他"
MOVEMENT_TREND_SHARE = "順調の割合（％）"
MOVEMENT_TREND_NOTE = "※順調は{on_track}。割合（％）は小数点以下{rounding}。"
MOVEMENT_TREND_OTHER_NOTE = "※「その他」は、今の進捗区分にない区分で報告された取組です。"
MOVEMENT_TREND_ONLY_CURRENT = "※履歴フォルダに過去の集約結果がないため、今期だけを示します。"
MOVEMENT_TREND_CHART_HEADING = "【進捗状況別の取組数の推移】"

MOVEMENT_FISCAL_TITLE = "{period}時点の財政効果額（単位：千円）"
MOVEMENT_FISCAL_UNMATCHED = "※今の計画にない取組の財政効果額（計 {amount} 千円）は含めていません。"
MOVEMENT_FISCAL_RULE = ("※各年度の額は、その年度の最も新しい報告（年度末、なければ下半期、なければ上半期）の"
                        "財政効果額の合計です。累計は各年度の額の合計です。")
MOVEMENT_FISCAL_RATE_NOTE = "※達成率（％）は累計 ÷ 目標額で、小数点以下{rounding}。"
MOVEMENT_FISCAL_PARTIAL_NOTE = "※目標額のない事業は、取組の視点別・計画全体の目標額と達成率に含めていません。"
MOVEMENT_FISCAL_BY_PROGRAM = "【事業別】"
MOVEMENT_FISCAL_BY_PERSPECTIVE = "【取組の視点別】"
MOVEMENT_FISCAL_BY_YEAR = "【年度別の目標と実績】"
MOVEMENT_FISCAL_YEAR_HEADER = "{year}\n（{half}）"
MOVEMENT_FISCAL_CUMULATIVE = "累計"
MOVEMENT_FISCAL_TARGET = "目標額"
MOVEMENT_FISCAL_RATE = "達成率（％）"
MOVEMENT_FISCAL_PLAN_TOTAL = "計画全体"
MOVEMENT_FISCAL_PROGRAM_HEADERS = ("事業番号", "事業名", "所管課")
MOVEMENT_FISCAL_PERSPECTIVE_HEADER = "取組の視点"
MOVEMENT_FISCAL_YEAR_HEADERS = ("年度", "財政効果額", "目標額", "達成率（％）", "累計", "累計の目標額",
                                "累計の達成率（％）")
MOVEMENT_FISCAL_NO_AMOUNTS = "※財政効果額の報告はまだありません。"

SUMMARY_COMPARISON_LINE = "前期比較: {previous} と比較（{parts}）"
SUMMARY_COMPARISON_NONE = "前期比較: 比較する前期の集約結果がありません"

# --- history: archived masters of earlier periods (issue 8) -------------------------------------
COL_PERSPECTIVE_NUMBER = "視点番号"
SETTING_HISTORY_DIR = "履歴フォルダ"
#: The archive file of one period in the history folder: 令和3年度上半期_集約結果.xlsx.
HISTORY_ARCHIVE_NAME = "{period}_集約結果.xlsx"
HISTORY_SUMMARY = "履歴: 過去 {count} 期を読み込みました（前期：{previous}）"
HISTORY_SUMMARY_NONE = "履歴: 過去の集約結果はありません（{folder}）"
HISTORY_ARCHIVED = "履歴に保存: {path}"
HISTORY_ARCHIVE_LOCKED = ("履歴の「{path}」が他のプログラム（Excel など）で開かれているため更新できませんでした"
                          "（前の内容のままです）。閉じてから集約し直してください。")
HISTORY_ARCHIVE_FAILED = "履歴フォルダに保存できませんでした：{detail}"
HISTORY_FOLDER_MISSING = "履歴フォルダ「{path}」がないため作成しました（過去の集約結果はまだありません）。"
FATAL_HISTORY_NOT_FOLDER = "履歴フォルダ「{path}」はファイルです。履歴にはフォルダを指定してください。"
MESSAGES.update({
    "history-unreadable": "履歴フォルダのファイルを読み込めないため、履歴に使いません：{detail}",
    "history-not-master": "集約結果ブックではない（識別情報がない）ため、履歴に使いません。",
    "history-other-plan": "別の計画「{value}」の集約結果のため、履歴に使いません（今回の計画：{plan}）。",
    "history-later-period": "{period} の集約結果は今回（{current}）より後の期間のため、履歴に使いません。",
    "history-same-period": "今回と同じ期間（{period}）の集約結果のため、履歴に使いません。集約結果は「{archive}」に保存し直します。",
    "history-duplicate-period": "{period} の集約結果が複数あります。「{chosen}」を使い、このファイルは使いません。",
    "history-columns-missing": "「{sheet}」に列「{expected}」がないため、履歴に使いません。",
    "history-legacy": "識別情報のない以前の版の集約結果です。「{sheet}」の表題から {period} の集約結果として読み込みました。",
    "history-bad-period": "報告年度・報告期間（{value}）を読み取れないため、履歴に使いません。",
})

# --- the Excel button in the field: probe, VBA messages, PDF, history, doctor (issue 10) -----------
BUTTON_HISTORY_COUNT = "{count} 期間"
BUTTON_HISTORY_NONE = "（履歴フォルダの指定なし）"
BUTTON_PDF_NOT_MADE = "（作成しない）"
BUTTON_PDF_BY_OFFICE = "{path}（LibreOffice で作成）"
BUTTON_PDF_BY_EXCEL = "{path}（Excel で作成）"
BUTTON_MSG_PDF_FAILED = "集約結果は作成しましたが、PDF を作成できませんでした（{detail}）。"
BUTTON_MSG_PDF_SETTING = "「設定」シートの「PDFも作成する」は「はい」か「いいえ」にしてください（「{value}」）。"
BUTTON_MSG_BOOK_AT_URL = ("このブックは OneDrive・SharePoint 上（{url}）で開かれているため、"
                          "相対パス「{path}」の場所が分かりません。「設定」シートの受付フォルダ・計画マスタ・"
                          "出力ファイル・履歴フォルダには、「C:\\…」のようなパソコン上の絶対パスか"
                          "「\\\\サーバー\\共有\\…」の形を書いてください。")
BUTTON_CONF_NOTE_ADD_WORKBOOK = ("FALSE のままにします（gyokaku_xl はインストール先から読み込むため、"
                                 "このブックのフォルダを Python の検索先に加えません。OneDrive 上のブックでも動くようにするためです）。")
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
# doctor: the Python the book starts and where the book lives
DOCTOR_BOOK_PYTHON = "ブックの Python（xlwings.conf の INTERPRETER_WIN）"
DOCTOR_BOOK_PYTHON_IMPORTS = "ブックの Python で使えるもの"
DOCTOR_BOOK_PLACE = "ブックの場所"
DOCTOR_NO_CONF_SHEET = "xlwings.conf シートがありません。「python -m gyokaku_xl button」で作り直してください。"
DOCTOR_FROM_USER_CONF = "（xlwings の設定ファイルから）"
DOCTOR_QUOTED = ("{path} は引用符付きです。ボタンは引用符を外して使いますが、"
                 "「xlwings.conf」シートの Interpreter_Win のセルからも「\"」を消しておいてください。")
DOCTOR_EMPTY_PATH = "空欄です（PATH にある python を使います）。"
DOCTOR_PLACEHOLDER = "（Windows 以外で作成した仮の値です。Windows で作り直すか直してください）"
DOCTOR_CHECK_ON_WINDOWS = ("Windows の PC で「python -m gyokaku_xl doctor --book …」を実行すると、"
                           "ブックの Python が gyokaku_xl・xlwings・pywin32 を読み込めるかを確かめます。")
DOCTOR_EMPTY_NO_PATH = ("空欄で、PATH にも python がありません。「xlwings.conf」シートの "
                        "Interpreter_Win に python.exe の場所を入れてください。")
DOCTOR_EMPTY_USES = "空欄です（PATH にある python「{path}」を使います）。"
DOCTOR_STORE_ALIAS = ("{path} は Microsoft Store の python のエイリアスです（ボタンからは使えません）。"
                      "python.org の Python をインストールし、Windows の「設定」→「アプリ」→「アプリ実行エイリアス」で"
                      "「python.exe」「python3.exe」をオフにしてから、「python -m gyokaku_xl button」で集約ツールを作り直してください。")
DOCTOR_PYTHON_MISSING = "{path} がありません。Windows で「python -m gyokaku_xl button」を実行して作り直してください。"
DOCTOR_THIS_PYTHON = "（この Python）"
DOCTOR_NO_OUTPUT = "（出力なし）"
DOCTOR_PYTHON_FAILED = ("{path} を実行できませんでした（終了コード {code}：{detail}）。"
                        "Python を入れ直すか、「xlwings.conf」シートの Interpreter_Win を直してください。")
DOCTOR_OFFLINE = "（インターネットにつながらない PC では {pip} --no-index --find-links wheelhouse \"gyokaku_xl[excel]\"）"
DOCTOR_NO_GYOKAKU = "gyokaku_xl がありません（{detail}）。gyokaku_xl のフォルダで「{pip} \".[excel]\"」を実行してください{offline}。"
DOCTOR_NO_XLWINGS = "xlwings がありません。「{pip} xlwings=={version}」を実行してください{offline}。"
DOCTOR_OTHER_XLWINGS = ("xlwings {installed} が入っていますが、ブックの VBA は {version} 用です。"
                        "「{pip} xlwings=={version}」を実行するか、その Python で「python -m gyokaku_xl button」を実行して"
                        "集約ツールを作り直してください。")
DOCTOR_NO_PYWIN32 = "pywin32 がありません（xlwings が Excel を操作するのに必要です）。「{pip} pywin32」を実行してください{offline}。"
DOCTOR_IMPORTS_OK = "Python {python}・gyokaku_xl {gyokaku}・xlwings {xlwings}・pywin32 {pywin32}"
DOCTOR_FROM_FOLDER = "（フォルダから）"
DOCTOR_ONEDRIVE = ("OneDrive・SharePoint のフォルダにあります。自動保存がオンだと Excel はブックの場所を"
                   "https://… で伝えるため、「設定」の相対パスが使えません。パソコン上のフォルダ（例 C:\\行革）か"
                   "「\\\\サーバー\\共有」に置くか、「設定」に絶対パスを書いてください。")
DOCTOR_MOTW = ("インターネットから取得したファイルの印（Mark of the Web）が付いているため、Excel はマクロを"
               "止めます。エクスプローラーでファイルを右クリック →「プロパティ」→「全般」の「許可する」にチェック →「OK」"
               "（PowerShell なら「Unblock-File 集約ツール.xlsm」）。")
DOCTOR_INTERNET_ZONE = ("ネットワーク上のフォルダ（\\\\{server}）で、名前に「.」があるため Excel はインターネット ゾーン"
                        "として扱い、マクロを止めます。ドットのないサーバー名（例 \\\\fileserver\\共有）で開くか、"
                        "情報システム担当課にイントラネット ゾーンへの追加を頼むか、パソコン上のフォルダにコピーしてください。")
DOCTOR_NETWORK_SHARE = ("ネットワーク上のフォルダです。ここを「信頼できる場所」にするには、トラスト センターの"
                        "「信頼できる場所」で「ネットワーク上の信頼できる場所を許可する（推奨しません）」をオンにしてから追加します"
                        "（組織のポリシーで変更できないときは情報システム担当課に相談してください）。")
DOCTOR_PLACE_OK = "パソコン上のフォルダで、インターネットから取得した印もありません。"
DOCTOR_HISTORY_EMPTY = "空欄（計画マスタの「設定」の「履歴フォルダ」を使います。なければ履歴なし）"
DOCTOR_HISTORY_NEW = "{path}（まだありません。最初の集約で作られます）"
DOCTOR_PDF_BY_OFFICE = "LibreOffice で作ります"
DOCTOR_PDF_BY_EXCEL = "LibreOffice がないため Excel で作ります"
# --- carry-over forms (issue 8) --------------------------------------------------------------------
FORM_CARRY_SHEET = "前回の内容"
MESSAGES.update({
    "progress-unchanged": "取組状況が前回（{previous}）と同じ内容です。今回の報告期間に実施したことに書き直してください。",
})
FATAL_PREVIOUS_UNUSABLE = "前回の集約結果「{path}」を引き継ぎに使えません：{detail}"
TEMPLATE_CARRIED = "前回（{period}）の取組状況・今後の予定・遅れ等の理由を引き継ぎました（{source}）。進捗状況は空欄です。"
TEMPLATE_HISTORY_MISSING = ("履歴フォルダ「{folder}」がないため、前回の内容は引き継いでいません。"
                            "フォルダ名（--history か計画マスタの「設定」の履歴フォルダ）を確かめてください。")
TEMPLATE_NOT_CARRIED = "履歴フォルダ「{folder}」に {period} より前の集約結果がないため、前回の内容は引き継いでいません。"
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
HISTORY_INDEX_NAME = "履歴の索引（自動作成）.json"
HISTORY_INDEX_NOTE = ("gyokaku_xl が履歴フォルダの集約結果から自動で作る索引です（読み込みを速くするためのもの）。"
                      "削除しても、次の集約で集約結果から作り直します。")

# Titles and actions of the history folder's findings and of carried-over texts (issue 8).
FINDING_TITLES.update({
    "history-unreadable": "履歴のファイルが読めない",
    "history-not-master": "履歴の集約結果でないファイル",
    "history-other-plan": "履歴にある別の計画の集約結果",
    "history-later-period": "履歴にある後の期間の集約結果",
    "history-same-period": "履歴にある今回と同じ期間",
    "history-duplicate-period": "履歴の期間の重複",
    "history-columns-missing": "履歴の集約データの列がない",
    "history-legacy": "以前の版の集約結果",
    "history-bad-period": "履歴の期間が読めない",
    "progress-unchanged": "前回と同じ取組状況",
})
FINDING_ACTIONS.update({
    "history-unreadable": "履歴フォルダのファイルを確かめる",
    "history-not-master": "対応は不要（履歴フォルダには集約結果だけを置くと確認しやすい）",
    "history-other-plan": "対応は不要（別の計画の履歴は別のフォルダに）",
    "history-later-period": "報告年度・報告期間の指定を確かめる",
    "history-same-period": "対応は不要",
    "history-duplicate-period": "使わないほうのファイルを履歴フォルダから移す",
    "history-columns-missing": "対応は不要（その期間は比較に使いません）",
    "history-legacy": "対応は不要",
    "history-bad-period": "履歴フォルダのファイルを確かめる",
    "progress-unchanged": "今回の取組状況に書き直す",
})

# Titles and actions of the plan master's 財政効果 targets (issue 8).
FINDING_TITLES.update({
    "plan-target-invalid": "目標額が不正",
    "plan-target-duplicate-year": "目標額の年度の重複",
    "plan-target-year-invalid": "目標額の年度が読めない",
})
FINDING_ACTIONS.update({
    "plan-target-invalid": "計画マスタの目標額を 0 以上の整数（千円）に直す",
    "plan-target-duplicate-year": "計画マスタの財政効果目標の重複した行を削除",
    "plan-target-year-invalid": "計画マスタの財政効果目標の年度を直す",
})
# --- hostile input: amounts, run bounds, unreadable inboxes -----------------------------------
MESSAGES.update({
    "fiscal-effect-too-large": "財政効果額「{value}」が大きすぎます（上限 {limit} 千円）。千円単位の金額か確認してください。",
    "fiscal-effect-total-too-large": ("財政効果額 {value} 千円を加えると合計が上限（{limit} 千円）を超えるため、"
                                      "この額は集約していません。千円単位の金額か確認してください。"),
    "run-too-large": ("受付フォルダ全体の{what}が上限（{limit}）を超えるため、このファイルは集約していません"
                      "（このファイルまでで {seen}）。不要なファイルを受付フォルダから移して、もう一度実行してください。"),
})
RUN_LIMIT_ROWS = "行数"
RUN_LIMIT_CELLS = "セル数"
RUN_LIMIT_FINDINGS = "指摘の数"
#: The reason each unreadable file could not be read, one line each, after a cannot-continue error.
#: Submission notes (提出状況) for files of a department that were not merged.
SUBMISSION_NOTE_REPLACED = "差し替え前："
SUBMISSION_NOTE_REPLACED_REJECTED = "差し替え前（不受理）："
SUBMISSION_NOTE_REJECTED = "不受理："
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

# Titles and actions of the bounds on amounts and on a whole run (issue 9, points 14 and 17).
FINDING_TITLES.update({
    "fiscal-effect-too-large": "財政効果額が大きすぎる",
    "fiscal-effect-total-too-large": "財政効果額の合計が上限を超える",
    "run-too-large": "受付フォルダ全体が大きすぎる",
})
FINDING_ACTIONS.update({
    "fiscal-effect-too-large": "千円単位の金額に直して再提出",
    "fiscal-effect-total-too-large": "千円単位の金額か確かめて再提出",
    "run-too-large": "不要なファイルを受付フォルダから移して集約し直す",
})
# --- size policy and split workbook (large plans) ------------------------------------------------
#: Plan-master settings (設定 sheet): how many lines 資料1-1's section 2 and section 3 lists show at
#: most, and from how many 取組 資料1-3 is written as its own workbook beside the master.
SETTING_SUMMARY_LIST_LIMIT = "総括の一覧の上限"
SETTING_SPLIT_FROM = "資料1-3を別ブックにする取組数"
SETTING_NUMBER_EXPECTED = "1 以上の整数"
#: The last line of a bounded list on 資料1-1.
REPORT_SECTION2_MORE = "ほか{count}事業の取組状況は{by_program}を参照。"
REPORT_SECTION3_MORE = "ほか{count}件の取組は{by_program}を参照。"
SPLIT_SUMMARY_LABEL = "資料1-3（取組数が多いため別ブック）"
SPLIT_NOTICE_STALE = ("前回の集約で作った「{path}」は、今回の集約結果に対応していません"
                      "（今回の資料1-3 は集約結果ブックの中にあります）。")

# Findings of plan revisions (issue 17): one table of its own, registered here.
from gyokaku_xl.text.revisions import REVISION_FINDINGS  # noqa: E402
for _code, (_title, _message, _action) in REVISION_FINDINGS.items():
    MESSAGES[_code], FINDING_TITLES[_code], FINDING_ACTIONS[_code] = _message, _title, _action

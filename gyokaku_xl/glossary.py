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

FINDING_HEADERS = ("重要度", "ファイル", "シート", "セル", "取組番号", "コード", "内容", "入力値", "開く")

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
    "sheet-missing": "シート「{sheet}」がありません。シート名を変更しないでください。",
    "header-changed": "見出し「{expected}」が見つからないか変更されています。見出し行は変更しないでください。",
    "meta-missing": "「{label}」が空欄です。",
    "department-unknown": "所管課「{value}」は計画マスタにありません。",
    "year-mismatch": "報告年度が集約対象（{expected}）と異なります。",
    "period-mismatch": "報告期間が集約対象（{expected}）と異なります。",
    "year-invalid": "報告年度「{value}」を年度として読み取れません（例：令和3年度）。",
    "period-invalid": "報告期間「{value}」が正しくありません（{expected} のいずれか）。",
    "superseded": "同じ所管課の別ファイル「{newer}」がより新しいため、このファイルは差し替えられました（{rule}）。",
    "rows-not-merged": "このファイルのエラーのため、取組の {count} 行は集約していません。",
    "no-rows": "取組の行が1行もありません。",
    # rows
    "unknown-initiative": "取組番号「{value}」は計画マスタにありません。",
    "initiative-id-missing": "取組番号が空欄です。",
    "initiative-other-department": "取組番号「{value}」は {owner} の取組です（このファイルは {department}）。",
    "duplicate-initiative": "取組番号「{value}」が {first} と重複しています。",
    "status-missing": "進捗状況が空欄です。{choices} から選んでください。",
    "status-variant": "進捗状況「{value}」を「{canonical}」として読み取りました。一覧から選んでください。",
    "status-not-in-scale": "進捗状況「{value}」は区分にありません。{choices} から選んでください。",
    "progress-missing": "取組状況が空欄です。",
    "delay-reason-missing": "進捗状況が「{status}」のため、遅れ等の理由を記入してください。",
    "fiscal-effect-invalid": "財政効果額「{value}」は 0 以上の整数（千円）で記入してください。",
    "fiscal-effect-normalized": "財政効果額「{value}」を {number} として読み取りました。半角数字で記入してください。",
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
FATAL_PLAN_INVALID = "計画マスタ「{path}」にエラーがあります（{count} 件）。検証結果を確認して修正してください。"
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
BUTTON_SETTING_NOTES = {
    BUTTON_SETTING_INBOX: "各課から提出された調査票（.xlsx）を置くフォルダです。",
    BUTTON_SETTING_PLAN: ("計画マスタ（.xlsx）のファイルです。空欄のときは受付フォルダの中か、"
                          "その隣にある「計画マスタ.xlsx」を使います。"),
    BUTTON_SETTING_OUTPUT: ("作成する集約結果ブック（.xlsx）です。同じ名前のファイルは置き換えます"
                            "（Excel で開いているときは別の名前で保存します）。"),
    BUTTON_SETTING_YEAR: "例：令和3年度、R3、2021。空欄のときは調査票に書かれた報告年度を使います。",
    BUTTON_SETTING_PERIOD: "上半期・下半期・年度末のいずれか。空欄のときは調査票に書かれた報告期間を使います。",
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
BUTTON_STATUS_LABELS = (BUTTON_STATUS_RUN_AT, BUTTON_STATUS_RESULT, BUTTON_STATUS_FILES_ACCEPTED,
                        BUTTON_STATUS_FILES_REJECTED, BUTTON_STATUS_ROWS_MERGED, BUTTON_STATUS_FINDINGS,
                        BUTTON_STATUS_NOT_SUBMITTED, BUTTON_STATUS_OUTPUT, BUTTON_STATUS_MESSAGE)
BUTTON_DETAILS_HEADING = "詳細"
BUTTON_HELP_HEADING = "うまく動かないとき"
BUTTON_HELP_LINES = (
    "・ボタンを押しても何も起きない：マクロが無効になっています。docs/excel.md の「マクロを有効にする」を参照してください。",
    "・Python や xlwings のエラーが出る：コマンドプロンプトで「python -m gyokaku_xl doctor --book 集約ツール.xlsm」を実行し、表示に従ってください。",
)
BUTTON_NO_PYTHON = ("Python が見つかりません。Python をインストールしたパソコンで"
                    "「python -m gyokaku_xl button」を実行して集約ツールを作り直すか、"
                    "「xlwings.conf」シートの INTERPRETER_WIN に python.exe の場所を入れてください。")
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

"""The names users see everywhere: the product, severities, periods, the plan master's sheets, columns and
settings, the form's and the master's sheet names and column labels, status words and fonts."""

from __future__ import annotations

__all__ = [
    "PRODUCT_NAME", "PRODUCT_TITLE", "FORM_COMMENTS", "SEVERITY_ERROR", "SEVERITY_WARNING",
    "SEVERITY_INFO", "SEVERITIES", "PERIOD_FIRST_HALF", "PERIOD_SECOND_HALF", "PERIOD_YEAR_END",
    "PERIODS", "YEAR_LABEL", "YEAR_LABEL_GREGORIAN", "PERIOD_LABEL", "PERIOD_UNKNOWN", "PLAN_FILE_NAME",
    "PLAN_SHEET_SETTINGS", "PLAN_SHEET_PERSPECTIVES", "PLAN_SHEET_STATUSES", "PLAN_SHEET_PROGRAMS",
    "PLAN_SHEET_INITIATIVES", "PLAN_SHEET_FISCAL_TARGETS", "PLAN_COL_ITEM", "PLAN_COL_VALUE",
    "PLAN_COL_NUMBER", "PLAN_COL_NAME", "PLAN_COL_STATUS", "PLAN_COL_ON_TRACK", "PLAN_COL_DEFINITION",
    "PLAN_COL_PROGRAM_NUMBER", "PLAN_COL_PERSPECTIVE", "PLAN_COL_PROGRAM_NAME", "PLAN_COL_PRIORITY",
    "PLAN_COL_SUMMARY", "PLAN_COL_DEPARTMENT", "PLAN_COL_INITIATIVE_ID", "PLAN_COL_INITIATIVE_NAME",
    "PLAN_COL_TARGET", "PLAN_COL_FISCAL_YEAR", "SETTING_PLAN_NAME", "SETTING_MUNICIPALITY",
    "SETTING_ROUNDING", "SETTING_COORDINATOR", "SETTING_PLAN_PERIOD", "SETTING_HISTORY_DIR",
    "SETTING_FONT", "SETTING_SUMMARY_LIST_LIMIT", "SETTING_SPLIT_FROM", "SETTING_NUMBER_EXPECTED",
    "PLAN_PERIOD_EXAMPLE", "PLAN_YEARS_LABEL", "ROUNDING_TRUNCATE", "ROUNDING_HALF_UP", "ROUNDINGS",
    "MARK_TRUE", "MARK_FALSE", "DEFAULT_STATUSES", "PERSPECTIVE_HEADING", "PERSPECTIVE_UNKNOWN",
    "PROGRAM_NAME_MISSING", "PROGRAM_PRIORITY_TITLE", "FONT_MS_MINCHO", "FONT_MS_GOTHIC",
    "FONT_MS_PMINCHO", "FONT_MS_PGOTHIC", "FONT_BIZ_MINCHO", "FONT_BIZ_GOTHIC", "FONT_IPAEX_MINCHO",
    "FONT_IPAEX_GOTHIC", "FONT_CHOICES", "FONT_CHOICE_DEFAULT", "FORM_TITLE", "FORM_SHEET",
    "FORM_GUIDE_SHEET", "FORM_CARRY_SHEET", "META_DEPARTMENT", "META_FISCAL_YEAR", "META_PERIOD",
    "META_AUTHOR", "META_CONTACT", "FORM_COLUMN_LABELS", "MASTER_FILE_NAME", "SHEET_SUMMARY",
    "SHEET_LIST", "SHEET_BY_PROGRAM", "SHEET_DATA", "SHEET_FINDINGS", "SHEET_SUBMISSIONS",
    "SHEET_COMPARISON", "SHEET_TREND", "SHEET_FISCAL", "MOVEMENT_SHEETS", "COL_DEPARTMENT",
    "COL_PROGRAM_NUMBER", "COL_PERSPECTIVE_NUMBER", "COL_SOURCE_FILE", "COL_SOURCE_SHEET",
    "COL_SOURCE_ROW", "COL_SHA256", "COL_MODIFIED", "FINDING_HEADERS", "SUBMISSION_HEADERS",
    "SUBMITTED", "NOT_SUBMITTED", "REPLACED", "HAS_ERRORS", "CHANGE_IMPROVED", "CHANGE_WORSENED",
    "CHANGE_CHANGED", "CHANGE_UNCHANGED", "CHANGE_NEW", "CHANGE_NOT_REPORTED", "CHANGES",
    "HISTORY_ARCHIVE_NAME", "HISTORY_INDEX_NAME", "SEP_LIST", "SEP_DOT", "SEP_SLASH", "BULLET",
    "QUOTED", "PARENTHESIZED", "ROW_LABEL", "ELLIPSIS", "FULL_STOP",
]

# --- the product, severities and periods -------------------------------------------------------
PRODUCT_NAME = "gyokaku_xl"
PRODUCT_TITLE = "行財政改革 取組状況 集約ツール"
#: One version: the package's, with the form layout's own version beside it.
FORM_COMMENTS = "{product} {version}（様式 {form_version}）"

SEVERITY_ERROR = "エラー"
SEVERITY_WARNING = "警告"
SEVERITY_INFO = "情報"
SEVERITIES = (SEVERITY_ERROR, SEVERITY_WARNING, SEVERITY_INFO)

PERIOD_FIRST_HALF = "上半期"
PERIOD_SECOND_HALF = "下半期"
PERIOD_YEAR_END = "年度末"
PERIODS = (PERIOD_FIRST_HALF, PERIOD_SECOND_HALF, PERIOD_YEAR_END)
#: A fiscal year in an era (令和3年度, 令和元年度), and one before every era known.
YEAR_LABEL = "{era}{number}年度"
YEAR_LABEL_GREGORIAN = "{year}年度"
#: 令和3年度【上半期】.
PERIOD_LABEL = "{year}【{half}】"
PERIOD_UNKNOWN = "期間不明"

# --- the plan master (計画マスタ.xlsx) ---------------------------------------------------------
PLAN_FILE_NAME = "計画マスタ.xlsx"
PLAN_SHEET_SETTINGS = "設定"
PLAN_SHEET_PERSPECTIVES = "取組の視点"
PLAN_SHEET_STATUSES = "進捗区分"
PLAN_SHEET_PROGRAMS = "事業"
PLAN_SHEET_INITIATIVES = "取組"
#: Optional: the 財政効果 targets per fiscal year.
PLAN_SHEET_FISCAL_TARGETS = "財政効果目標"

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
PLAN_COL_TARGET = "目標額（千円）"
PLAN_COL_FISCAL_YEAR = "年度"

SETTING_PLAN_NAME = "計画名"
SETTING_MUNICIPALITY = "自治体名"
SETTING_ROUNDING = "割合の端数処理"
SETTING_COORDINATOR = "取りまとめ課"
SETTING_PLAN_PERIOD = "計画期間"
SETTING_HISTORY_DIR = "履歴フォルダ"
SETTING_FONT = "フォント"
#: How many lines 資料1-1's section 2 and section 3 lists show at most, and from how many 取組
#: 資料1-3 is written as its own workbook beside the master.
SETTING_SUMMARY_LIST_LIMIT = "総括の一覧の上限"
SETTING_SPLIT_FROM = "資料1-3を別ブックにする取組数"
SETTING_NUMBER_EXPECTED = "1 以上の整数"
PLAN_PERIOD_EXAMPLE = "例：2020-2023"
PLAN_YEARS_LABEL = "{first}〜{last}年度"

ROUNDING_TRUNCATE = "切り捨て"
ROUNDING_HALF_UP = "四捨五入"
ROUNDINGS = (ROUNDING_TRUNCATE, ROUNDING_HALF_UP)

MARK_TRUE = "○"
#: The mark of "no" beside MARK_TRUE (the plan master's 順調 column).
MARK_FALSE = "×"

#: The status scale of a plan master without a 進捗区分 sheet: (name, on track, definition).
DEFAULT_STATUSES = (
    ("済", True, "取組が完了したもの"),
    ("概ね順調", True, "計画どおり、または概ね計画どおりに進んでいるもの"),
    ("遅れ", False, "計画より遅れているもの"),
    ("未着手", False, "予定の時期を過ぎても着手していないもの"),
    ("休止", False, "社会情勢の変化などにより取組を休止しているもの"),
)
#: 取組の視点 as the official document's section headings write it: （１）民間活力の活用.
PERSPECTIVE_HEADING = "（{number}）{name}"
PERSPECTIVE_UNKNOWN = "（不明）"
PROGRAM_NAME_MISSING = "（事業名なし）"
#: A priority program's title: 〇〇事業【重点】.
PROGRAM_PRIORITY_TITLE = "{name}【重点】"

# --- fonts -------------------------------------------------------------------------------------
#: Fonts the sheets name, and the ones the PDF engine knows to substitute.
FONT_MS_MINCHO = "ＭＳ 明朝"
FONT_MS_GOTHIC = "ＭＳ ゴシック"
FONT_MS_PMINCHO = "ＭＳ Ｐ明朝"
FONT_MS_PGOTHIC = "ＭＳ Ｐゴシック"
FONT_BIZ_MINCHO = "BIZ UD明朝 Medium"
FONT_BIZ_GOTHIC = "BIZ UDゴシック"
FONT_IPAEX_MINCHO = "IPAex明朝"
FONT_IPAEX_GOTHIC = "IPAexゴシック"
#: 「フォント」の値 → 資料・調査票で使う (明朝, ゴシック)。値は表記の揺れ（空白・全角半角）を許して照合します。
FONT_CHOICES = {
    "ＭＳ 明朝/ＭＳ ゴシック": (FONT_MS_MINCHO, FONT_MS_GOTHIC),
    "BIZ UD明朝/BIZ UDゴシック": (FONT_BIZ_MINCHO, FONT_BIZ_GOTHIC),
    "IPAex明朝/IPAexゴシック": (FONT_IPAEX_MINCHO, FONT_IPAEX_GOTHIC),
}
FONT_CHOICE_DEFAULT = "ＭＳ 明朝/ＭＳ ゴシック"

# --- the department form (取組状況調査票) ------------------------------------------------------
FORM_TITLE = "取組状況調査票"
FORM_SHEET = "取組状況"
FORM_GUIDE_SHEET = "記入要領"
FORM_CARRY_SHEET = "前回の内容"

META_DEPARTMENT = "所管課"
META_FISCAL_YEAR = "報告年度"
META_PERIOD = "報告期間"
META_AUTHOR = "記入者"
META_CONTACT = "連絡先"

#: The form's column labels, by column key (the form, 集約データ and the readers' headers).
FORM_COLUMN_LABELS = {
    "initiative_id": "取組番号",
    "perspective": "取組の視点",
    "program": "事業名",
    "priority": "重点",
    "initiative": "取組名",
    "previous_status": "前回の進捗状況",
    "status": "進捗状況",
    "progress": "取組状況",
    "next_steps": "今後の予定",
    "delay_reason": "遅れ等の理由",
    "fiscal_effect": "財政効果額（千円）",
    "first_half_effect": "上半期の財政効果額（千円）",
    "note": "備考",
}

# --- the master workbook (集約結果.xlsx) and the history folder --------------------------------
MASTER_FILE_NAME = "集約結果.xlsx"
SHEET_SUMMARY = "資料1-1"
SHEET_LIST = "資料1-2"
SHEET_BY_PROGRAM = "資料1-3"
SHEET_DATA = "集約データ"
SHEET_FINDINGS = "検証結果"
SHEET_SUBMISSIONS = "提出状況"
SHEET_COMPARISON = "前期比較"
SHEET_TREND = "推移"
SHEET_FISCAL = "財政効果"
MOVEMENT_SHEETS = (SHEET_COMPARISON, SHEET_TREND, SHEET_FISCAL)

COL_DEPARTMENT = "所管課"
COL_PROGRAM_NUMBER = "事業番号"
COL_PERSPECTIVE_NUMBER = "視点番号"
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

#: Kinds of change from the previous period to this one.
CHANGE_IMPROVED = "改善"
CHANGE_WORSENED = "悪化"
CHANGE_CHANGED = "変化"
CHANGE_UNCHANGED = "変化なし"
CHANGE_NEW = "新規"
CHANGE_NOT_REPORTED = "報告なし"
CHANGES = (CHANGE_IMPROVED, CHANGE_WORSENED, CHANGE_CHANGED, CHANGE_UNCHANGED, CHANGE_NEW,
           CHANGE_NOT_REPORTED)

#: The archive file of one period in the history folder: 令和3年度上半期_集約結果.xlsx.
HISTORY_ARCHIVE_NAME = "{period}_集約結果.xlsx"
HISTORY_INDEX_NAME = "履歴の索引（自動作成）.json"

# --- small pieces of Japanese text -------------------------------------------------------------
#: Joins a list of names: 「企画課、財政課」.
SEP_LIST = "、"
#: Joins choices and counts: 「上半期・下半期・年度末」.
SEP_DOT = "・"
#: Joins groups that already use 、: 「差し替え前：a.xlsx／不受理：b.xlsx」.
SEP_SLASH = "／"
#: The bullet at the start of a listed line.
BULLET = "・"
#: A name in Japanese quotation marks: 「済」.
QUOTED = "「{}」"
#: Text in full-width brackets: （詳細）.
PARENTHESIZED = "（{}）"
#: A row of a sheet, named for users: 3行目.
ROW_LABEL = "{row}行目"
#: The end of a text cut to a length limit.
ELLIPSIS = "…"
#: The end of a sentence (taken off where a sentence becomes a clause of another).
FULL_STOP = "。"

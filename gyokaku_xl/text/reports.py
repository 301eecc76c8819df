"""The report sheets (資料1-1〜1-3), the submission notes, the PDF's title and the open data."""

from __future__ import annotations

__all__ = [
    "REPORT_SUBTITLE_SUMMARY", "REPORT_SUBTITLE_LIST", "REPORT_SUBTITLE_BY_PROGRAM",
    "REPORT_SECTION_PROGRESS", "REPORT_SECTION_PROGRAMS", "REPORT_SECTION_FLAGGED",
    "REPORT_SECTION_FLAGGED_NO_SCALE", "REPORT_SENTENCE_COUNTS", "REPORT_SENTENCE_ON_TRACK",
    "REPORT_STATUS_COUNT", "REPORT_STATUS_NONE", "REPORT_SENTENCE_NOT_ON_TRACK",
    "REPORT_SENTENCE_NONE_FLAGGED", "REPORT_NOTE_ROUNDING", "REPORT_NOTE_UNREPORTED",
    "REPORT_TABLE_HEADING", "REPORT_CHART_HEADING", "REPORT_TOTAL", "REPORT_CHART_LABEL",
    "REPORT_CHART_SERIES", "REPORT_FLAGGED_LINE", "REPORT_SAME_AS_ABOVE", "REPORT_FLAGGED_NONE",
    "REPORT_NOT_ON_TRACK", "REPORT_NOT_REPORTED", "REPORT_BULLET", "REPORT_PAGE_FOOTER",
    "REPORT_LABEL_DEPARTMENT", "REPORT_LABEL_PERSPECTIVE", "REPORT_LIST_HEADERS",
    "REPORT_BY_PROGRAM_HEADERS", "REPORT_BY_PROGRAM_TEXT_LABELS", "REPORT_PROGRAM_TOTAL",
    "REPORT_PLAN_TOTAL", "REPORT_EMPTY", "REPORT_NOTE_LEFT_OUT", "REPORT_NOTE_PART",
    "REPORT_NOTE_NOT_SUBMITTED", "REPORT_NOTE_REJECTED", "REPORT_NOTE_NOT_REPORTED", "PDF_TITLE",
    "OPENDATA_FILE_STEM", "OPENDATA_SHEET", "OPENDATA_COLUMNS", "SUBMISSION_NOTE_REPLACED",
    "SUBMISSION_NOTE_REPLACED_REJECTED", "SUBMISSION_NOTE_REJECTED", "REPORT_SECTION2_MORE",
    "REPORT_SECTION3_MORE", "SPLIT_SUMMARY_LABEL",
    "REPORT_DOC_DASH",
    "FINDING_LINK",
    "FINDING_LINK_TIP",
    "FINDING_LINK_TOP",
    "REPORT_PROGRAM_HEADING",
]

# --- 資料1-1〜1-3 -------------------------------------------------------------------------------
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
REPORT_LABEL_DEPARTMENT = "所管課"
REPORT_LABEL_PERSPECTIVE = "取組の視点"
REPORT_LIST_HEADERS = ("取組番号", "取組名", "進捗状況", "取組状況", "今後の予定")
REPORT_BY_PROGRAM_HEADERS = ("取組番号", "取組名", "進捗状況", "財政効果額（千円）")
REPORT_BY_PROGRAM_TEXT_LABELS = ("取組状況", "今後の予定", "遅れ等の理由")
REPORT_PROGRAM_TOTAL = "事業の財政効果額 合計"
REPORT_PLAN_TOTAL = "計画全体の財政効果額 合計"
REPORT_EMPTY = "－"
REPORT_NOTE_LEFT_OUT = "※計画の{planned}取組のうち{missing}取組は集計に含めていません（{parts}）。"
REPORT_NOTE_PART = "{label}{count}取組"
REPORT_NOTE_NOT_SUBMITTED = "未提出"
REPORT_NOTE_REJECTED = "不受理"
REPORT_NOTE_NOT_REPORTED = "報告なし"
# --- the PDF and the open data -----------------------------------------------------------------
PDF_TITLE = "{plan}　{period}取組状況"
OPENDATA_FILE_STEM = "取組状況一覧_{period}"
OPENDATA_SHEET = "取組状況一覧"
OPENDATA_COLUMNS = ("年度", "年度（西暦）", "期間", "視点", "事業", "重点", "所管課", "取組番号", "取組名",
                    "進捗状況", "取組状況", "今後の予定", "財政効果額（千円）")
#: Submission notes (提出状況) for files of a department that were not merged.
SUBMISSION_NOTE_REPLACED = "差し替え前："
SUBMISSION_NOTE_REPLACED_REJECTED = "差し替え前（不受理）："
SUBMISSION_NOTE_REJECTED = "不受理："
#: The last line of a bounded list on 資料1-1.
REPORT_SECTION2_MORE = "ほか{count}事業の取組状況は{by_program}を参照。"
REPORT_SECTION3_MORE = "ほか{count}件の取組は{by_program}を参照。"
SPLIT_SUMMARY_LABEL = "資料1-3（取組数が多いため別ブック）"

#: 資料番号 as the official document writes it: 資料１－２ (the hyphen full-width).
REPORT_DOC_DASH = "－"

#: The link of a finding on 検証結果 to its file and cell.
FINDING_LINK = "開く"
FINDING_LINK_TIP = "{file} の {cell} を開きます"
FINDING_LINK_TOP = "先頭"
#: A program's heading on 資料1-2: its title and its department.
REPORT_PROGRAM_HEADING = "{title}　（{label}：{department}）"

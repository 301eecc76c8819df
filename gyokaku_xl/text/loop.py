"""Words of the office's loop with departments and the committee: 回答期限, 督促 drafts,
委員意見 and 対応 (every string a user reads of that work, and its finding codes)."""

from __future__ import annotations

__all__ = [
    "SETTING_DEADLINE", "SETTING_REMIND_EXTRA", "DEADLINE_EXAMPLE", "PLAN_SHEET_CONTACTS",
    "PLAN_COL_ADDRESS", "PLAN_COL_PERSON", "DATE_LABEL", "DATE_SHORT", "WEEKDAYS",
    "FORM_TITLE_WITH_DEADLINE", "GUIDE_DEADLINE", "SUBMISSIONS_DEADLINE", "LATE_BASIS_SAVED",
    "LATE_BASIS_FILE", "STATE_NOT_SUBMITTED", "STATE_REJECTED", "STATE_HAS_ERRORS", "STATE_HAS_WARNINGS",
    "STATE_ACCEPTED", "STATES", "CHASED_STATES", "REASON_NOT_SUBMITTED", "REASON_REJECTED",
    "REASON_HAS_ERRORS", "REASON_HAS_WARNINGS", "REASON_ACCEPTED", "REMIND_SUBJECT",
    "REMIND_SUBJECT_DEADLINE", "REMIND_NO_DEADLINE", "REMIND_SALUTATION", "REMIND_PERSON", "REMIND_OPENING",
    "REMIND_OPENING_NO_COORDINATOR", "REMIND_NEED", "REMIND_ATTACHED", "REMIND_CELLS_HEADING",
    "REMIND_CELL_LINE", "REMIND_MORE_CELLS", "REMIND_DEADLINE_LINE", "REMIND_CLOSING", "REMIND_SIGNATURE",
    "REMIND_MAX_CELLS", "REMIND_LIST_FILE", "REMIND_LIST_SHEET", "REMIND_LIST_TITLE", "REMIND_LIST_NOTE",
    "REMIND_LIST_NOTE_NO_DEADLINE", "REMIND_LIST_HEADERS", "REMIND_LIST_NONE", "REMIND_ATTACH_FOLDER",
    "REMIND_DRAFT_LINE", "REMIND_NO_ADDRESS", "REMIND_LIST_LINE", "REMIND_NOTHING", "REMIND_NOT_SENT",
    "REMIND_UNCHECKED", "REMIND_STALE_DRAFT", "REMIND_HINT", "REMIND_COMMAND", "REMIND_COMMAND_PLAN", "CLI_REMIND_HELP", "CLI_REMIND_OUT_HELP",
    "CLI_REMIND_OUT_DEFAULT", "CLI_META_OPINIONS", "CLI_OPINIONS_HELP", "REMIND_OUT_WHAT",
    "REMIND_COPY_WHAT", "REMIND_COPY_FAILED", "REMIND_DRAFT_FALLBACK", "FATAL_REMIND_OUT_IS_INBOX",
    "OPINION_FILE_NAME", "OPINION_SHEET", "OPINION_COL_ID", "OPINION_COL_TEXT", "OPINION_COL_MEETING",
    "OPINION_REQUIRED", "OPINION_OPTIONAL", "OPINION_MEETING_OPEN", "OPINION_MEETING_CLOSE",
    "OPINION_NO_MEETING", "FORM_COL_OPINION", "FORM_COL_OPINION_HELP", "FORM_COL_REPLY",
    "FORM_COL_REPLY_HELP", "FORM_REPLY_REQUIREMENT", "FORM_REPLY_INPUT_TITLE", "FORM_REPLY_INPUT_MESSAGE",
    "SHEET_OPINIONS", "OPINIONS_TITLE", "OPINIONS_SUBTITLE", "OPINIONS_HEADING", "OPINIONS_OPEN_HEADING",
    "OPINIONS_HEADERS", "OPINIONS_PERIOD_HEADER", "OPINIONS_NONE", "TEMPLATE_OPINIONS",
    "TEMPLATE_OPINIONS_CARRIED", "FATAL_OPINIONS_UNUSABLE", "OPINIONS_NO_FILE", "OPENDATA_OPINIONS_STEM",
    "OPENDATA_OPINIONS_COLUMNS", "LOOP_FINDINGS",
]

# --- plan master: 回答期限, 督促文の追記, the optional 所管課 sheet -----------------------------------
SETTING_DEADLINE = "回答期限"
SETTING_REMIND_EXTRA = "督促文の追記"
DEADLINE_EXAMPLE = "例：2021-10-15、2021/10/15、令和3年10月15日"
PLAN_SHEET_CONTACTS = "所管課"
PLAN_COL_ADDRESS = "メールアドレス"
PLAN_COL_PERSON = "担当者"

#: A date as official documents write it: 令和3年10月15日（金）.
DATE_LABEL = "{era}{year}年{month}月{day}日（{weekday}）"
DATE_SHORT = "{month}月{day}日"
WEEKDAYS = "月火水木金土日"

#: Where the deadline is shown: the form's title and 記入要領, 提出状況.
FORM_TITLE_WITH_DEADLINE = "{title}　回答期限：{deadline}"
GUIDE_DEADLINE = "回答期限：{deadline}（期限までに提出してください）"
SUBMISSIONS_DEADLINE = "回答期限：{deadline}"
LATE_BASIS_SAVED = "保存日時"
LATE_BASIS_FILE = "ファイルの更新日時"

# --- per-department state of a period's replies (提出状況, 督促) -----------------------------------
STATE_NOT_SUBMITTED = "未提出"
STATE_REJECTED = "不受理"
STATE_HAS_ERRORS = "エラーあり"
STATE_HAS_WARNINGS = "警告あり"
STATE_ACCEPTED = "受理"
#: The states in the order a board or a list shows them (who must act first).
STATES = (STATE_NOT_SUBMITTED, STATE_REJECTED, STATE_HAS_ERRORS, STATE_HAS_WARNINGS, STATE_ACCEPTED)
#: The states that call for a 督促.
CHASED_STATES = (STATE_NOT_SUBMITTED, STATE_REJECTED, STATE_HAS_ERRORS)

REASON_NOT_SUBMITTED = "調査票が提出されていません"
REASON_REJECTED = "「{file}」を受理できません（{reason}）"
REASON_HAS_ERRORS = "「{file}」にエラーが {count} 件あります"
REASON_HAS_WARNINGS = "「{file}」に警告が {count} 件あります"
REASON_ACCEPTED = ""

# --- 督促 drafts (.eml) ----------------------------------------------------------------------------
REMIND_SUBJECT = {
    STATE_NOT_SUBMITTED: "【提出のお願い】{plan} {period}取組状況調査票{deadline}",
    STATE_REJECTED: "【再提出のお願い】{plan} {period}取組状況調査票{deadline}",
    STATE_HAS_ERRORS: "【修正のお願い】{plan} {period}取組状況調査票{deadline}",
}
REMIND_SUBJECT_DEADLINE = "（回答期限：{deadline}）"
REMIND_NO_DEADLINE = "定めなし"
REMIND_SALUTATION = "{department} 御中"
REMIND_PERSON = "{person} 様"
REMIND_OPENING = "お疲れさまです。{coordinator}です。"
REMIND_OPENING_NO_COORDINATOR = "お疲れさまです。取りまとめ担当です。"
REMIND_NEED = {
    STATE_NOT_SUBMITTED: ("{plan}の{period}の取組状況調査票について、{department}からの提出をまだ確認できて"
                          "おりません。お手数ですが、配布した調査票（{form}）に記入のうえ、回答期限までに提出を"
                          "お願いいたします。"),
    STATE_REJECTED: ("{plan}の{period}の取組状況調査票について、提出いただいた「{file}」は、次の理由により"
                     "受け付けることができませんでした。\n　{reason}\nお手数ですが、配布した正式な様式（{form}）に"
                     "記入し、再提出をお願いいたします。"),
    STATE_HAS_ERRORS: ("{plan}の{period}の取組状況調査票について、提出いただいた「{file}」に修正が必要な箇所が"
                       " {count} 件ありました。お手数ですが、下記の箇所を修正のうえ、再提出をお願いいたします。"),
}
REMIND_ATTACHED = ("添付の「{attachment}」は、該当するセルに色とコメントを付けた写しです（先頭の「指摘一覧」"
                   "シートに一覧があります）。")
REMIND_CELLS_HEADING = "【修正が必要な箇所】"
REMIND_CELL_LINE = "・{where}：{message}"
REMIND_MORE_CELLS = "・ほか {count} 件（添付の「指摘一覧」シートを参照）"
REMIND_DEADLINE_LINE = "回答期限：{deadline}"
REMIND_CLOSING = "お忙しいところ恐れ入りますが、よろしくお願いいたします。"
REMIND_SIGNATURE = "{coordinator}"
#: At most this many cells are listed in the body; the attachment lists them all.
REMIND_MAX_CELLS = 10

# --- 督促一覧.xlsx ----------------------------------------------------------------------------------
REMIND_LIST_FILE = "督促一覧.xlsx"
REMIND_LIST_SHEET = "督促一覧"
REMIND_LIST_TITLE = "督促一覧　{plan}　{period}"
REMIND_LIST_NOTE = ("回答期限：{deadline}。下書き（.eml）は送信していません。Outlook などで開き、"
                    "内容と宛先を確かめてから送信してください。")
REMIND_LIST_NOTE_NO_DEADLINE = ("下書き（.eml）は送信していません。Outlook などで開き、"
                                "内容と宛先を確かめてから送信してください。")
REMIND_LIST_HEADERS = ("所管課", "状況", "理由", "宛先", "回答期限", "添付")
REMIND_LIST_NONE = "督促が必要な所管課はありません。"
REMIND_ATTACH_FOLDER = "指摘付き"

# --- console and run messages --------------------------------------------------------------------
REMIND_DRAFT_LINE = "督促の下書き: {department}（{state}）→ {path}"
REMIND_NO_ADDRESS = "※ {department} のメールアドレスが計画マスタの「所管課」シートにないため、宛先は空欄です。"
REMIND_LIST_LINE = "督促一覧: {path}"
REMIND_NOTHING = "督促が必要な所管課はありません（{period}）。"
REMIND_NOT_SENT = "メールは送信していません。下書きを開いて内容と宛先を確かめてから送信してください。"
REMIND_UNCHECKED = "計画マスタがないため、未提出の所管課は確認していません（督促の対象は提出された調査票の分だけです）。"
REMIND_STALE_DRAFT = ("「{path}」は前回の督促の下書きです。{department}は今回は督促不要のため、"
                      "送信しないでください（不要なら削除してください）。")
REMIND_HINT = "督促が必要な所管課: {count} 件（{departments}）。「{command}」で督促メールの下書きを作れます。"
#: The remind command the console suggests, for the run's own inbox and plan master.
REMIND_COMMAND = "python -m gyokaku_xl remind {inbox} --out 督促"
REMIND_COMMAND_PLAN = "python -m gyokaku_xl remind {inbox} --plan {plan} --out 督促"
CLI_REMIND_HELP = ("未提出・不受理・エラーありの所管課への督促メールの下書き（.eml、送信しません）と"
                   "督促一覧.xlsx を作成します")
CLI_REMIND_OUT_HELP = "下書きと督促一覧を書き出すフォルダ（既定：督促）"
CLI_REMIND_OUT_DEFAULT = "督促"
CLI_META_OPINIONS = "委員意見"
CLI_OPINIONS_HELP = ("委員意見（.xlsx、シート「委員意見」に 取組番号・意見・会議）。"
                     "該当する取組の調査票に委員意見と「意見への対応」の欄を設けます")
REMIND_OUT_WHAT = "督促の下書き"
REMIND_COPY_WHAT = "指摘付きの写し"
REMIND_COPY_FAILED = "「{file}」の指摘付きの写しを作れませんでした（{detail}）。"
#: The draft's file name when a department's name has no character a file name may hold.
REMIND_DRAFT_FALLBACK = "所管課"
FATAL_REMIND_OUT_IS_INBOX = "督促の出力先に受付フォルダは指定できません。別のフォルダを指定してください。"

# --- 委員意見 and 対応 ------------------------------------------------------------------------------
OPINION_FILE_NAME = "委員意見.xlsx"
OPINION_SHEET = "委員意見"
OPINION_COL_ID = "取組番号"
OPINION_COL_TEXT = "意見"
OPINION_COL_MEETING = "会議"
OPINION_REQUIRED = (OPINION_COL_ID, OPINION_COL_TEXT)
OPINION_OPTIONAL = (OPINION_COL_MEETING,)
#: A form cell holds each opinion as a paragraph that starts with its meeting in these brackets.
OPINION_MEETING_OPEN = "【"
OPINION_MEETING_CLOSE = "】"
OPINION_NO_MEETING = "会議の記載なし"
FORM_COL_OPINION = "委員意見"
FORM_COL_OPINION_HELP = "行政改革推進委員会などの委員の意見です（【】内は会議。参考・変更不可）。"
FORM_COL_REPLY = "意見への対応"
FORM_COL_REPLY_HELP = "委員意見がある取組は、意見を受けての対応・考え方を必ず記入してください。"
FORM_REPLY_REQUIREMENT = "委員意見がある取組は必須"
FORM_REPLY_INPUT_TITLE = "意見への対応"
FORM_REPLY_INPUT_MESSAGE = "左の委員意見を受けての対応・考え方を記入してください。"
SHEET_OPINIONS = "意見と対応"
OPINIONS_TITLE = "委員意見と対応（{period}）"
OPINIONS_SUBTITLE = "{plan}"
OPINIONS_HEADING = "【今期の報告での対応】"
OPINIONS_OPEN_HEADING = "【未対応の意見】（前の期間の意見のうち、対応が記入されていないもの）"
OPINIONS_HEADERS = ("取組番号", "取組名", "所管課", "会議", "意見", "対応")
OPINIONS_PERIOD_HEADER = "期間"
OPINIONS_NONE = "今期の調査票に委員意見のある取組はありません。"
TEMPLATE_OPINIONS = "委員意見: {count} 件を {initiatives} 取組の調査票に記載しました（{source}）。"
TEMPLATE_OPINIONS_CARRIED = "未対応の委員意見: 前回（{period}）から {count} 件を引き継ぎました。"
FATAL_OPINIONS_UNUSABLE = "委員意見「{path}」を使えません：{detail}"
OPINIONS_NO_FILE = "ファイルがありません"
OPENDATA_OPINIONS_STEM = "委員意見と対応_{period}"
OPENDATA_OPINIONS_COLUMNS = ("年度", "年度（西暦）", "期間", "取組番号", "取組名", "所管課", "会議", "意見", "対応")

# --- findings --------------------------------------------------------------------------------------
#: code -> (title, message template, action)
LOOP_FINDINGS: dict[str, tuple[str, str, str]] = {
    "submitted-after-deadline": (
        "回答期限後の提出",
        "回答期限（{deadline}）後の提出です（{basis} {seen}）。",
        "対応は不要（提出が遅れた所管課の記録）"),
    "deadline-before-period": (
        "回答期限が前の照会のまま",
        "計画マスタの回答期限（{value}）は報告期間（{period}）の終わりより前のため、前の照会の期限とみなして"
        "使っていません（調査票・督促に回答期限を載せず、遅れた提出も確かめません）。",
        "計画マスタの「設定」の回答期限を今回の照会の期限に直す"),
    "plan-contact-unknown-department": (
        "所管課シートの所管課が計画にない",
        "「所管課」シートの所管課「{value}」は、計画マスタの取組の所管課にありません。この行は使用しません。",
        "計画マスタの「所管課」シートの所管課名を取組シートと同じにする"),
    "plan-contact-bad-address": (
        "メールアドレスが不正",
        "メールアドレス「{value}」の形が正しくありません（例：gyosei@example.jp）。督促の宛先は空欄になります。",
        "計画マスタの「所管課」シートのメールアドレスを直す"),
    "opinions-unreadable": (
        "委員意見のファイルが読めない",
        "委員意見のファイルを読み込めません：{detail}",
        "委員意見のファイルを Excel で開けるか確かめる"),
    "opinions-sheet-missing": (
        "委員意見シートがない",
        "シート「{sheet}」がありません（あるシート：{value}）。",
        "シート名を「委員意見」にする"),
    "opinions-header-missing": (
        "委員意見の見出しがない",
        "「{sheet}」に見出し「{expected}」がありません（見出し：取組番号・意見・会議）。",
        "見出しの行に「取組番号」「意見」「会議」を入れる"),
    "opinion-empty": (
        "意見が空欄",
        "取組番号「{value}」の意見が空欄です。この行は使用しません。",
        "意見を記入するか行を削除"),
    "opinion-unknown-target": (
        "意見の取組番号が計画にない",
        "「{value}」は計画マスタの取組番号・事業番号にありません。この意見は使用しません。",
        "計画マスタの取組番号か事業番号に直す"),
    "opinion-reply-missing": (
        "意見への対応が空欄",
        "委員意見がある取組です。「意見への対応」を記入してください。",
        "意見への対応を記入して再提出"),
    "plan-contact-duplicate": (
        "所管課シートの所管課の重複",
        "所管課「{value}」が {first} と重複しています。この行は使用しません。",
        "計画マスタの「所管課」シートの重複した行を削除"),
}

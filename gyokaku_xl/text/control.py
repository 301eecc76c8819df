"""Words of the control workbook 集約ツール.xlsm: the 「行革集約」 ribbon tab, the 「操作」 sheet, the
「提出状況」 board, the settings each action needs, and ``button --force`` / ``--upgrade``."""

from __future__ import annotations

from gyokaku_xl.text import button as _g
from gyokaku_xl.text import loop as _loop

CONTROL_TAB = "行革集約"
SHEET_OPERATIONS = "操作"
SHEET_BOARD = "提出状況"

#: The groups of the ribbon tab and of the 「操作」 sheet, in the order a period is worked.
GROUP_LABELS = {"prepare": "準備", "collect": "回収", "consolidate": "集約", "settings": "設定"}
#: Every action's label: the ribbon button, the shape on 「操作」 and the status area's 「操作」.
ACTION_LABELS = {
    "template": "調査票を作成",
    "board": "提出状況を更新",
    "check": "検証",
    "remind": "督促メールを作成",
    "merge": _g.BUTTON_CAPTION,
    "pdf": "PDF を作成",
    "settings": "設定を開く",
    "doctor": "環境を確認",
}
#: One line beside each shape button on 「操作」.
ACTION_NOTES = {
    "template": "報告年度・報告期間の調査票を所管課ごとに作り、配布フォルダに入れます（前回の内容を引き継ぎます。記入済みの調査票は上書きしません）。",
    "board": "受付フォルダの調査票を検証し、「提出状況」シートを最新にします（集約結果は作りません）。",
    "check": "受付フォルダの調査票を検証し、検証結果と、指摘を書き込んだ差戻し用の写しを作ります（集約結果は変更しません）。",
    "remind": "未提出・不受理・エラーのある所管課への督促メールの下書き（送信はしません）と督促一覧を作ります。",
    "merge": "受付フォルダの調査票を検証・集約し、集約結果ブックを作って開きます。",
    "pdf": "いまの集約結果ブックから資料1-1〜1-3 の PDF を作ります。",
    "settings": "「設定」シートを開きます。",
    "doctor": "ボタンと PDF 出力に必要なものがそろっているかを確かめ、下の「詳細」に表示します。",
}
OPERATIONS_INTRO = ("上のリボンの「行革集約」タブか、このシートのボタンで操作します（リボンが表示されないときも、"
                    "このシートのボタンは使えます）。どのボタンの結果も、下の「前回の実行結果」に表示されます。")

# --- the shared status area ------------------------------------------------------------------------
STATUS_ACTION = "操作"
RESULT_DONE = "完了"
RESULT_ATTENTION = "完了（確認が必要）"

# --- settings each action needs ------------------------------------------------------------------
SETTING_FORMS = "配布フォルダ"
SETTING_RETURNS = "差戻しフォルダ"
SETTING_REMINDERS = "督促フォルダ"
SETTING_OPINIONS = "委員意見"
SETTING_DEFAULTS = {SETTING_FORMS: "配布", SETTING_RETURNS: "差戻し", SETTING_REMINDERS: "督促"}
SETTING_NOTES = {
    SETTING_FORMS: "「調査票を作成」が所管課ごとの調査票を入れるフォルダです。記入済みの調査票がある受付フォルダとは別にします。",
    SETTING_RETURNS: "「検証」が検証結果（検証結果.xlsx）と、指摘を書き込んだ差戻し用の写しを入れるフォルダです。",
    SETTING_REMINDERS: "「督促メールを作成」が督促メールの下書き（.eml）と督促一覧を入れるフォルダです。",
    SETTING_OPINIONS: ("推進委員会の委員意見のファイル（.xlsx、シート「委員意見」）です。「調査票を作成」が該当する取組の"
                       "調査票に意見を載せます。空欄のときは載せません（前回の未対応の意見は履歴から引き継ぎます）。"),
}
CHECK_REPORT_NAME = "検証結果.xlsx"
SETTING_CELL = "「設定」シートの {cell}（{label}）"
MSG_SETTING_ROW_MISSING = ("「設定」シートに「{label}」の行がありません（「{action}」に必要です）。"
                           "コマンド プロンプトで「python -m gyokaku_xl button --upgrade 集約ツール.xlsm」を実行すると、"
                           "いまの設定を引き継いだまま新しい項目が加わります。")
MSG_SETTING_EMPTY = "{where}が空欄です（「{action}」に必要です）。"
MSG_PERIOD_NEEDED = ("「{action}」には報告年度と報告期間が必要です。{year} と {period} を入力してください。")
MSG_FOLDER_IS_INBOX = "{where}に受付フォルダは指定できません。別のフォルダを指定してください。"
MSG_MASTER_MISSING = "集約結果「{path}」がありません。先に「{merge}」を押してください。"

# --- what each action says -----------------------------------------------------------------------
MSG_TEMPLATE_DONE = "調査票を {count} 件作成しました（{period}）。配布フォルダ：{folder}"
MSG_BOARD_DONE = "提出状況を更新しました（{counts}）。「{sheet}」シートを表示します。"
MSG_CHECK_DONE = "検証しました（集約結果ブックは変更していません）。検証結果：{report}"
MSG_CHECK_RETURNS = "指摘を書き込んだ差戻し用の写しを {count} 件作りました：{folder}"
MSG_CHECK_ERRORS = "エラーのある調査票があります。差戻し用の写しを所管課に返してください。"
MSG_REMIND_DONE = "督促メールの下書きを {count} 件作りました（{departments}）：{folder}"
MSG_PDF_DONE = "PDF を作成しました：{path}"
MSG_DOCTOR_OK = "必要なものはそろっています。確認した項目は下の「詳細」にあります。"
MSG_DOCTOR_ATTENTION = "× の項目があります。下の「詳細」を見て直してください。"
PROGRESS = "{action}… {done}/{total} {label}"

# --- the 「提出状況」 board ---------------------------------------------------------------------------
BOARD_TITLE = "提出状況"
BOARD_INTRO = ("「提出状況を更新」「検証」「集約を実行」を押すと、受付フォルダの調査票を検証した結果で更新されます。"
               "対応が必要な所管課が上に並びます。")
BOARD_NOT_SUBMITTED = _loop.STATE_NOT_SUBMITTED
BOARD_REJECTED = _loop.STATE_REJECTED
BOARD_ERRORS = _loop.STATE_HAS_ERRORS
BOARD_WARNINGS = _loop.STATE_HAS_WARNINGS
BOARD_ACCEPTED = _loop.STATE_ACCEPTED
#: The states in the order the board lists them: what needs action first.
BOARD_STATES = (BOARD_REJECTED, BOARD_ERRORS, BOARD_NOT_SUBMITTED, BOARD_WARNINGS, BOARD_ACCEPTED)
BOARD_STATE_NOTES = {
    BOARD_NOT_SUBMITTED: "調査票がまだ届いていません。",
    BOARD_REJECTED: "受理できた行がありません。出し直しを依頼します。",
    BOARD_ERRORS: "エラーの行は集約されません。修正を依頼します。",
    BOARD_WARNINGS: "受理しました。警告の箇所を確かめてください。",
    BOARD_ACCEPTED: "受理しました。",
}
BOARD_UPDATED = "更新日時"
BOARD_INBOX = "受付フォルダ"
BOARD_PERIOD = "報告期間"
BOARD_TOTAL = "所管課 計"
BOARD_NOT_YET = "（まだ更新していません。「提出状況を更新」を押してください）"
BOARD_HEADERS = ("所管課", "状態", "提出ファイル", "保存日時", "エラー", "警告", "回答期限", "説明")
BOARD_COUNTS = "{state} {count}"
BOARD_COUNTS_JOIN = "・"

# --- building: button -o / --force / --upgrade ---------------------------------------------------
BUILD_EXISTS = ("「{path}」はすでにあります。いまの「設定」を引き継いで作り直すときは --upgrade、"
                "設定ごと置き換えてよいときは --force を付けてください。")
UPGRADE_MISSING = "「{path}」がありません。--upgrade には作り直す集約ツール（.xlsm）を指定してください。"
UPGRADE_UNREADABLE = "「{path}」の「設定」シートを読めません（{detail}）。"
UPGRADE_DONE = "作り直しました: {path}"
UPGRADE_KEPT = "「設定」の値を {count} 項目引き継ぎました（{labels}）。"
UPGRADE_NEW = "新しい項目（既定値を入れました）：{labels}"
UPGRADE_DROPPED = "この版にない項目のため引き継いでいません：{labels}"
UPGRADE_CONF_KEPT = "「xlwings.conf」シートの Python の場所も引き継ぎました：{path}"
CLI_BUTTON_FORCE = "同じ名前のブックがあっても置き換えます（「設定」の値は引き継ぎません）"
CLI_BUTTON_UPGRADE = "既存の集約ツールを、この版のマクロとリボンで作り直します（「設定」の値はすべて引き継ぎます）"
CLI_BUTTON_FORMS = "「設定」に入れる配布フォルダ"
CLI_BUTTON_RETURNS = "「設定」に入れる差戻しフォルダ"
CLI_BUTTON_REMINDERS = "「設定」に入れる督促フォルダ"
AT_CELLS = "（「設定」シートの {cells}）"
MSG_UNKNOWN_ACTION = "この版の gyokaku_xl には「{action}」という操作がありません。「python -m gyokaku_xl button --upgrade」で集約ツールを作り直してください。"
DETAIL_WRITTEN = "作成: {path}"
DOCTOR_COUNTS = "要対応（×） {failed} 件"
BOARD_COUNTS_LABEL = "件数"
ACTION_NAME_LABEL = "操作の名前（{action}）"
#: The labels of the messages the VBA shows (the 「集約を実行」 of earlier texts is the action clicked).
VBA_MESSAGE_LABELS = dict(_g.BUTTON_MESSAGE_LABELS)
VBA_MESSAGES = {name: text.replace(f"「{_g.BUTTON_CAPTION}」", "「{action}」")
                for name, text in _g.BUTTON_VBA_MESSAGES.items()}
DOCTOR_CONTROLS = "リボンと「操作」シート"
DOCTOR_CONTROLS_OK = "リボン「{tab}」と {count} つのボタンがあります（リボンの表示は Excel でしか確かめられません）。"
DOCTOR_CONTROLS_OLD = ("前の版で作られた集約ツールです（リボン「行革集約」と「操作」シートのボタンがありません。"
                       "「集約を実行」は使えます）。「python -m gyokaku_xl button --upgrade {book}」で、"
                       "「設定」を引き継いだまま作り直せます。")
MSG_FORMS_EXIST = ("配布フォルダ（{folder}）に同じ名前の調査票があります（{files}）。記入済みの調査票を消さないよう、"
                   "作成しませんでした。前の調査票を別のフォルダに移すか、{where}に別のフォルダを指定してください。")
MORE_FILES = " ほか {count} 件"
STATUS_BAR_RUNNING = "{action}を実行しています…"

__all__ = [name for name in tuple(globals()) if name.isupper()]

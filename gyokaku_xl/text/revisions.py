"""Words of plan revisions and the end-of-term report: the 「計画の変更」 sheets, their findings,
the notes on 前期比較・推移・財政効果・資料1-1, the 「計画期間の総括」 and the next plan's draft."""

from __future__ import annotations

__all__ = [
    "PLAN_SHEET_CHANGES", "PLAN_COL_CHANGE_PERIOD", "PLAN_COL_CHANGE_KIND", "PLAN_COL_CHANGE_ID",
    "PLAN_COL_CHANGE_NEW_ID", "PLAN_COL_CHANGE_CONTENT", "PLAN_CHANGE_HEADERS", "PLAN_CHANGE_PERIOD_EXAMPLE",
    "KIND_LABELS", "KIND_CHOICES", "REVISION_FINDINGS", "ID_ARROW",
    "NAME_WITH_NOTE", "NOTE_RENUMBERED_FROM", "NOTE_MERGED_FROM", "NOTE_ADDED", "CARRY_MERGED_TEXT",
    "DETECTED_CONTENT", "DETECTED_CHANGE_CONTENT", "CHANGE_ENDED", "CHANGE_MERGED",
    "NOTE_MERGED_INTO", "TRANSITION_ADDED", "TRANSITION_ENDED", "SHEET_REVISIONS", "SHEET_PLAN_RECORD",
    "PLAN_RECORD_HEADERS", "REVISIONS_TITLE", "REVISIONS_NOTE_LOG", "REVISIONS_NOTE_DETECTED",
    "REVISIONS_HEADING_NOW", "REVISIONS_HEADING_ALL", "REVISIONS_NONE_NOW", "REVISIONS_NONE_ALL",
    "REVISIONS_HEADERS", "REVISIONS_LOGGED", "REVISIONS_DETECTED", "KIND_COLOURS", "SUMMARY_NOTE",
    "SUMMARY_NOTE_PARTS", "TREND_CHANGES_NOTE", "TREND_CHANGES_PART", "FISCAL_MERGED_NOTE",
    "FISCAL_ENDED_NOTE", "SHEET_TERM_REPORT", "TERM_REPORT_FILE_NAME", "TERM_TITLE",
    "TERM_CHANGE_TEXT", "TERM_LEFT", "TERM_HEADING_COUNTS", "TERM_COUNTS_CORNER", "TERM_COUNTS_NOTE",
    "TERM_HEADING_FISCAL", "TERM_HEADING_LIST", "TERM_LIST_HEADERS", "TERM_LIST_PERIOD", "TERM_LIST_FINAL",
    "TERM_LIST_CHANGES", "TERM_NOTE_EMPTY", "TERM_NO_HISTORY", "TERM_NO_FOLDER", "TERM_WRITTEN",
    "NEXT_PLAN_WRITTEN", "NEXT_PLAN_COL_PREVIOUS_ID", "NEXT_PLAN_NOTE", "NEXT_PLAN_PERIOD_NOTE",
    "TERM_NOT_XLSX", "TERM_WOULD_REPLACE_MASTER", "NEXT_PLAN_TITLE", "CLI_TERM_HELP", "CLI_TERM_PLAN",
    "CLI_TERM_HISTORY", "CLI_TERM_OUTPUT", "CLI_TERM_NEXT_PLAN", "CONSOLE_REVISIONS", "CONSOLE_DETECTED_MARK",
    "CLI_META_TERM_REPORT", "CLI_META_NEXT_PLAN",
]

# --- the plan master's 「計画の変更」 sheet --------------------------------------------------------
PLAN_SHEET_CHANGES = "計画の変更"
PLAN_COL_CHANGE_PERIOD = "適用時期"
PLAN_COL_CHANGE_KIND = "区分"
PLAN_COL_CHANGE_ID = "取組番号"
PLAN_COL_CHANGE_NEW_ID = "変更後の取組番号"
PLAN_COL_CHANGE_CONTENT = "内容"
PLAN_CHANGE_HEADERS = (PLAN_COL_CHANGE_PERIOD, PLAN_COL_CHANGE_KIND, PLAN_COL_CHANGE_ID,
                       PLAN_COL_CHANGE_NEW_ID, PLAN_COL_CHANGE_CONTENT)
PLAN_CHANGE_PERIOD_EXAMPLE = "例：令和4年度上半期、R4 上半期、2022 上半期"

#: How each kind of change is written (domain.revisions kinds → word)
KIND_LABELS = {"add": "追加", "end": "終了", "merge": "統合", "renumber": "番号変更",
               "rename": "名称変更", "department": "所管課変更", "program": "事業変更"}
KIND_CHOICES = "・".join(KIND_LABELS.values())

# --- findings ---------------------------------------------------------------------------------------
#: code → (title, message template, action)
REVISION_FINDINGS: dict[str, tuple[str, str, str]] = {
    "plan-change-kind-unknown": (
        "計画の変更の区分が不正",
        "区分「{value}」は読み取れません（" + KIND_CHOICES + " のいずれか）。",
        "計画マスタの「計画の変更」の区分を直す"),
    "plan-change-period-invalid": (
        "計画の変更の適用時期が不正",
        "適用時期「{value}」を報告期間として読み取れません（" + PLAN_CHANGE_PERIOD_EXAMPLE + "）。",
        "計画マスタの「計画の変更」の適用時期を直す"),
    "plan-change-period-outside": (
        "計画期間の外の適用時期",
        "適用時期「{value}」は計画期間（{first}～{last}）の外です。",
        "計画マスタの「計画の変更」の適用時期を直す"),
    "plan-change-id-missing": (
        "計画の変更の取組番号の空欄",
        "区分「{kind}」の行に「{label}」がありません。",
        "計画マスタの「計画の変更」に取組番号を記入"),
    "plan-change-unknown-id": (
        "計画の変更にある不明な取組番号",
        "取組番号「{value}」は、{period}の時点の計画にありません（「取組」シートにも、それより前の変更にもありません）。",
        "計画マスタの「計画の変更」の取組番号を直す"),
    "plan-change-after-end": (
        "終了した取組の変更",
        "取組「{value}」は {ended} に{kind}しているため、{period}からのこの変更は適用できません。",
        "計画マスタの「計画の変更」を直す"),
    "plan-change-add-existing": (
        "すでにある取組の追加",
        "追加する取組番号「{value}」は、{period}より前から計画にあります（または以前に使われた番号です）。",
        "計画マスタの「計画の変更」の取組番号を直す"),
    "plan-change-number-in-use": (
        "使用中の番号への番号変更",
        "変更後の取組番号「{value}」は、{period}の時点で別の取組が使っている（または以前に使われた）番号です。",
        "計画マスタの「計画の変更」の変更後の取組番号を直す"),
    "plan-change-merge-into-ended": (
        "終了した取組への統合",
        "統合先の取組「{value}」は {ended} に{kind}しているため、{period}からの統合先にできません。",
        "計画マスタの「計画の変更」の統合先を直す"),
    "plan-change-not-listed": (
        "取組シートにない追加・番号変更",
        "取組「{value}」は{period}から計画にある取組ですが、「取組」シートにありません（取組名・事業・所管課が分かりません）。",
        "計画マスタの「取組」シートに取組を加える"),
    "plan-unlogged-removed": (
        "記入のない取組の削除",
        "前期の取組 {value} が計画マスタにありません。終了・統合・番号変更なら「計画の変更」に記入してください。",
        "計画マスタの「計画の変更」に記入"),
    "plan-unlogged-added": (
        "記入のない取組の追加",
        "取組 {value} は前期（{previous}）の計画になかった取組です。追加・番号変更なら「計画の変更」に記入してください。",
        "計画マスタの「計画の変更」に記入"),
    "plan-unlogged-renumbered": (
        "記入のない番号変更",
        "前期の取組 {value} が計画マスタになく、同じ取組名の {new} があります。番号変更なら「計画の変更」に記入してください。",
        "計画マスタの「計画の変更」に記入"),
    "plan-unlogged-renamed": (
        "取組名の変更",
        "取組 {value} の取組名が前期（{previous}）から変わっています（「{before}」→「{after}」）。",
        "意図した変更なら「計画の変更」に記入"),
    "plan-unlogged-department": (
        "所管課の変更",
        "取組 {value} の所管課が前期（{previous}）から変わっています（{before} → {after}）。",
        "意図した変更なら「計画の変更」に記入"),
    "plan-unlogged-program": (
        "事業の変更",
        "取組 {value} の事業が前期（{previous}）から変わっています（事業番号 {before} → {after}）。",
        "意図した変更なら「計画の変更」に記入"),
    "initiative-renumbered": (
        "番号変更された取組番号",
        "取組番号「{value}」は {period} から「{new}」に変わりました。「{new}」の報告として集約します。",
        "次回から新しい取組番号の調査票を使う"),
    "initiative-ended": (
        "計画から外れた取組",
        "取組「{value}」は {period} に{kind}しました。この行は集約しません。",
        "この行を削除するか、新しい調査票を使う"),
}

# --- separators and small patterns --------------------------------------------------------------------
ID_ARROW = "{old}→{new}"
NAME_WITH_NOTE = "{name}\n（{note}）"

# --- core: notes and carried texts ------------------------------------------------------------------
NOTE_RENUMBERED_FROM = "{old} から番号変更"
NOTE_MERGED_FROM = "{old}（{status}）を統合"
NOTE_ADDED = "{period}から追加"
CARRY_MERGED_TEXT = "【{old}（統合）】{text}"
DETECTED_CONTENT = "「計画の変更」に記入がなく、前期の集約結果の計画と比べて見つかった変更"
DETECTED_CHANGE_CONTENT = "「{before}」→「{after}」（「計画の変更」に記入なし）"
CHANGE_ENDED = "終了"
CHANGE_MERGED = "統合"
NOTE_MERGED_INTO = "{new} に統合"
TRANSITION_ADDED = "新規（追加）"
TRANSITION_ENDED = "終了・\n統合"  # a narrow count column: two lines

# --- the master's 「計画の変更」 sheet ------------------------------------------------------------------
SHEET_REVISIONS = "計画の変更"
SHEET_PLAN_RECORD = "計画の取組"
PLAN_RECORD_HEADERS = ("取組番号", "事業番号", "取組名", "所管課")
REVISIONS_TITLE = "計画の変更（{period}時点）"
REVISIONS_NOTE_LOG = "※計画マスタの「計画の変更」に記入された変更と、前期の集約結果の計画と比べて見つかった変更です。"
REVISIONS_NOTE_DETECTED = ("※「未記入」の行は「計画の変更」に記入がない変更です。終了・統合・番号変更などであれば、"
                           "計画マスタの「計画の変更」に記入してください。")
REVISIONS_HEADING_NOW = "【今期の変更（{period}）】"  # period: file label
REVISIONS_HEADING_ALL = "【計画期間中のすべての変更】"
REVISIONS_NONE_NOW = "今期の変更はありません。"
REVISIONS_NONE_ALL = "計画の変更はありません。"
REVISIONS_HEADERS = ("適用時期", "区分", "取組番号", "変更後の\n取組番号", "取組名", "内容", "記入")
REVISIONS_LOGGED = "記入あり"
REVISIONS_DETECTED = "未記入"
#: Fill colours of the 区分 cells.
KIND_COLOURS = {"add": "#E2EFDA", "end": "#F8CBAD", "merge": "#FCE4D6", "renumber": "#DDEBF7",
                "rename": "#F2F2F2", "department": "#F2F2F2", "program": "#F2F2F2"}

# --- 資料1-1 -----------------------------------------------------------------------------------------
SUMMARY_NOTE = "今期、計画の変更により {parts}しました（詳細は「{sheet}」）"
SUMMARY_NOTE_PARTS = {"add": "{count} 取組を追加", "end": "{count} 取組を終了", "merge": "{count} 取組を統合",
                      "renumber": "{count} 取組の番号を変更", "rename": "{count} 取組の名称を変更",
                      "department": "{count} 取組の所管課を変更", "program": "{count} 取組の事業を変更"}

# --- 推移 and 財政効果 --------------------------------------------------------------------------------
TREND_CHANGES_NOTE = "※計画の変更：{parts}。各期間の取組数は、その期間の計画によります。"
TREND_CHANGES_PART = "{period} 追加 {added}・終了 {ended}"
FISCAL_MERGED_NOTE = ("※統合された取組（{pairs}）の統合前の財政効果額は、報告したときの事業に計上しています。"
                      "統合後の額は統合先の取組の事業に計上しています。")
FISCAL_ENDED_NOTE = "※終了した取組（{ids}）が終了前に報告した財政効果額は、累計に含めています。"

# --- 計画期間の総括 -------------------------------------------------------------------------------------
SHEET_TERM_REPORT = "計画期間の総括"
TERM_REPORT_FILE_NAME = "計画期間の総括.xlsx"
TERM_TITLE = "計画期間の総括（{first} ～ {last}）"
TERM_CHANGE_TEXT = "{period} {kind} {ids}{content}"
TERM_LEFT = "終了・統合"
TERM_HEADING_COUNTS = "【取組の視点別の最終的な進捗状況】"
TERM_COUNTS_CORNER = "取組の視点"
TERM_COUNTS_NOTE = ("※最終的な進捗状況は、各取組が最後に報告した進捗状況です。計画期間中に終了・統合した取組は"
                    "「終了・統合」に、一度も報告のない取組は「報告なし」に数えています。")
TERM_HEADING_FISCAL = "【財政効果（計画期間の累計、単位：千円）】"
TERM_HEADING_LIST = "【取組ごとの進捗状況の推移】"
TERM_LIST_HEADERS = ("取組番号", "取組名", "所管課")
TERM_LIST_PERIOD = "{year}\n{half}"
TERM_LIST_FINAL = "最終"
TERM_LIST_CHANGES = "計画の変更"
TERM_NOTE_EMPTY = "－"
TERM_NO_HISTORY = "履歴フォルダ「{folder}」に、この計画の集約結果がありません（計画期間の総括には、各期間の集約結果が必要です）。"
TERM_NO_FOLDER = "履歴フォルダを指定してください（--history、または計画マスタの「設定」の 履歴フォルダ）。"
TERM_WRITTEN = "計画期間の総括: {path}（{first} ～ {last}、{periods} 期間・{count} 取組）"
NEXT_PLAN_WRITTEN = ("次期計画マスタの下書き: {path}（引き継ぐ取組 {count} 件）。黄色のセル（計画名・計画期間）を"
                     "記入してください。")
NEXT_PLAN_COL_PREVIOUS_ID = "前計画の取組番号"
NEXT_PLAN_NOTE = "次期計画の計画名を記入してください"
NEXT_PLAN_PERIOD_NOTE = "次期計画の計画期間を記入してください（例：2024-2027）"
TERM_NOT_XLSX = "出力ファイル「{path}」の拡張子は .xlsx にしてください。"
TERM_WOULD_REPLACE_MASTER = "出力ファイル「{path}」は集約結果です。集約結果を残すため、別のファイル名を指定してください。"
NEXT_PLAN_TITLE = "次期計画マスタ（下書き）"

# --- the command line --------------------------------------------------------------------------------
CLI_TERM_HELP = "計画期間の総括（全期間の進捗状況・財政効果・計画の変更）を作成します（次期計画マスタの下書きも作成できます）"
CLI_TERM_PLAN = "計画マスタ（計画期間の最後の計画マスタ）"
CLI_TERM_HISTORY = "各期間の集約結果がある履歴フォルダ（省略時は計画マスタの「設定」の 履歴フォルダ）"
CLI_TERM_OUTPUT = "計画期間の総括ブック（既定：計画期間の総括.xlsx）"
CLI_TERM_NEXT_PLAN = "次期計画マスタの下書き（.xlsx）も作成します（引き継ぐ取組・設定・事業など）"

# --- console and the Excel button's status area --------------------------------------------------------
CONSOLE_REVISIONS = "計画の変更（今期）: {parts}（詳細は集約結果の「{sheet}」シート）"
CONSOLE_DETECTED_MARK = "（未記入）"
CLI_META_TERM_REPORT = "総括"
CLI_META_NEXT_PLAN = "次期計画マスタ"

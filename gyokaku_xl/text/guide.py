"""The 記入要領 (how to fill in the department form): its sheet, the form's notes and each column's help."""

from __future__ import annotations

__all__ = [
    "FORM_COLUMN_HELP",
    "META_HELP_TEXTS",
    "GUIDE_TITLE",
    "FORM_TITLE_LINE",
    "FORM_TITLE_LINE_BLANK",
    "FORM_DOC_TITLE",
    "FORM_NOTE_LINES",
    "STATUS_INPUT_MESSAGE",
    "STATUS_ERROR_MESSAGE",
    "AMOUNT_INPUT_MESSAGE",
    "AMOUNT_ERROR_MESSAGE",
    "GUIDE_HEADING_STEPS",
    "GUIDE_STEPS",
    "GUIDE_STEP",
    "GUIDE_CARRY_OVER",
    "GUIDE_CONTACT",
    "GUIDE_HEADING_COLUMNS",
    "GUIDE_COLUMNS_HEADER",
    "GUIDE_PREFILLED",
    "GUIDE_REQUIRED",
    "GUIDE_REQUIRED_UNLESS_ON_TRACK",
    "GUIDE_OPTIONAL",
    "GUIDE_HEADING_STATUSES",
    "GUIDE_STATUSES_HEADER",
    "GUIDE_ON_TRACK_LINE",
]

#: What each column of the form is for: the 記入要領's table and the cells' input messages.
FORM_COLUMN_HELP = {
    "initiative_id": "計画マスタの取組番号です（記入済み・変更不可）。",
    "perspective": "取組が属する取組の視点です（記入済み・変更不可）。",
    "program": "取組が属する事業の名称です（記入済み・変更不可）。",
    "priority": "重点事業には「○」が付いています（記入済み・変更不可）。",
    "initiative": "取組の名称です（記入済み・変更不可）。",
    "previous_status": "前回の報告の進捗状況です（参考・変更不可）。前回の報告がない場合は空欄です。",
    "status": "一覧（▼）から選んでください。区分の意味は下の表のとおりです。",
    "progress": ("報告期間中に実施したことを具体的に記入してください。複数ある場合は「・」で始めて1行に1項目ずつ書き、"
                 "セル内の改行は Alt＋Enter で入れます。"),
    "next_steps": "今後の予定・方針を記入してください（「今後は、」で始めると総括にそのまま使われます）。",
    "delay_reason": "進捗状況が「順調」以外（遅れ・未着手・休止など）の場合は必ず記入してください。",
    "fiscal_effect": ("取組による財政効果額を、千円単位の 0 以上の整数で記入してください（ない場合は空欄）。"
                      "年度の初めからこの報告時点までの累計額です（年度末・下半期の報告では上半期の額を含めた年度の額）。"),
    "first_half_effect": "同じ年度の上半期に報告した財政効果額です（参考・変更不可）。上半期の調査票では使いません。",
    "note": "連絡事項などがあれば記入してください。",
}
#: What each field above the table is, by its label.
META_HELP_TEXTS = (
    "調査票を提出する所管課です（記入済み・変更不可）。",
    "報告の対象年度です（記入済み・変更不可）。",
    "上半期・下半期・年度末のいずれかです（記入済み・変更不可）。",
    "記入した職員の氏名を記入してください。",
    "問い合わせ先（内線番号など）を記入してください。",
)

# --- the form's titles -------------------------------------------------------------------------------
#: 取組状況調査票　記入要領.
GUIDE_TITLE = "{form}　{guide}"
#: The title line of a department's form, of the blank form, and its document title.
FORM_TITLE_LINE = "{plan}　{period}　{form}"
FORM_TITLE_LINE_BLANK = "{plan}　{form}"
FORM_DOC_TITLE = "{form}（{department}）"
#: The notes beside the table of the form.
FORM_NOTE_LINES = (
    "・黄色のセルに記入してください（灰色のセルは記入済みのため変更できません）。",
    "・進捗状況は一覧（▼）から選んでください。",
    "・「順調」以外の進捗状況では、遅れ等の理由を必ず記入してください。",
    "・取組状況は「・」で始めて1項目1行で記入します（セル内の改行は Alt＋Enter）。",
    "・詳しくは「{guide}」シートをご覧ください。",
)
#: The input and error messages of the 進捗状況 and 財政効果額 cells.
STATUS_INPUT_MESSAGE = "一覧（▼）から選んでください：{choices}"
STATUS_ERROR_MESSAGE = "一覧にある区分（{choices}）から選んでください。"
AMOUNT_INPUT_MESSAGE = "年度の初めからの累計額を、千円単位の 0 以上の整数で記入してください（ない場合は空欄）。"
AMOUNT_ERROR_MESSAGE = "0 以上の整数（千円単位）で記入してください。"

# --- the 記入要領 sheet --------------------------------------------------------------------------------
GUIDE_HEADING_STEPS = "１　記入のしかた"
GUIDE_STEPS = (
    "「{form_sheet}」シートの黄色のセルに記入してください。灰色のセルは計画マスタから記入済みのため変更できません。",
    "所管課の取組が1行に1つずつ並んでいます。行やシートの追加・削除、シート名や見出しの変更はしないでください。",
    "取組状況は、報告期間中に実施したことを「・」で始めて1行に1項目ずつ書きます（セル内の改行は Alt＋Enter）。",
    "進捗状況が「順調」として数えない区分の場合は、遅れ等の理由を必ず記入してください。",
    "空欄のままの必須項目と、理由が未記入の行は薄い赤色で表示されます。提出前に赤色が残っていないか確認してください。",
    "文字が隠れるときは、行番号の下の境界線をダブルクリックすると行の高さが合います。",
    "記入が終わったら、ファイル名を変えずに Excel ブック（.xlsx）のまま保存して提出してください。",
)
#: A numbered step: （1）….
GUIDE_STEP = "（{number}）{step}"
#: What a carry-over form prefilled: {labels} are the carried columns, each in 「」.
GUIDE_CARRY_OVER = ("{labels}には、前回（{period}）の報告の内容をあらかじめ記入してあります。"
                    "今回の報告期間の内容に書き直してください（前回と同じ取組状況のまま提出すると確認を求められます）。"
                    "進捗状況は空欄です。前回の進捗状況は「{previous}」欄に表示しています。")
GUIDE_CONTACT = "提出先・問い合わせ先：{coordinator}"
GUIDE_HEADING_COLUMNS = "２　各欄の説明"
GUIDE_COLUMNS_HEADER = ("欄", "記入", "説明")
GUIDE_PREFILLED = "記入済み（変更不可）"
GUIDE_REQUIRED = "必須"
GUIDE_REQUIRED_UNLESS_ON_TRACK = "「順調」以外は必須"
GUIDE_OPTIONAL = "任意"
GUIDE_HEADING_STATUSES = "３　進捗状況の区分"
GUIDE_STATUSES_HEADER = ("区分", "順調として数える", "説明")
GUIDE_ON_TRACK_LINE = "「順調」として数える区分：{statuses}。それ以外の区分では遅れ等の理由を記入してください。"

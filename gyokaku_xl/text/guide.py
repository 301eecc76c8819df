"""The 記入要領 (how to fill in the department form): its sheet, the form's notes and each column's help."""

from __future__ import annotations

__all__ = [
    "FORM_COLUMN_HELP",
    "META_HELP_TEXTS",
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
    "fiscal_effect": "取組による財政効果額を千円単位の 0 以上の整数で記入してください（ない場合は空欄）。",
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

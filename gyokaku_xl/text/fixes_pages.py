"""Words of issue 21's figures, help and pages: the 財政効果 of the year, a status outside the
scale, 推移's 合計, the command line's hints, the doctor's closing line and the page notes.

New finding codes (:data:`FIXES_FINDINGS`) are registered in :data:`gyokaku_xl.text.findings.FINDINGS`
with one ``**FIXES_FINDINGS`` line there.
"""

from __future__ import annotations

__all__ = [
    "FISCAL_EFFECT_GUIDE_STEP", "FIXES_FINDINGS", "FISCAL_CARRIED_NOTE",
    "FISCAL_CARRIED_PART", "FISCAL_CARRIED_MORE", "FISCAL_CARRIED_LISTED", "REPORT_STATUS_ERROR",
    "REPORT_NOTE_STATUS_ERROR", "TREND_TOTAL_NOTE", "CLI_UNKNOWN_ARGUMENTS", "CLI_HINTS", "DOCTOR_HAS_WARNINGS",
    "TREND_CHART_SMALL_NOTE", "FISCAL_DASH_NOTE", "LIST_CONTINUED",
]

# --- 財政効果額 at 年度末 (point 5) -------------------------------------------------------------------
#: (the 上半期 amount column's label and help, 財政効果額's help and its input message are the form's:
#: terms.FORM_COLUMN_LABELS, guide.FORM_COLUMN_HELP, guide.AMOUNT_INPUT_MESSAGE)
FISCAL_EFFECT_GUIDE_STEP = ("財政効果額は、年度の初めからこの報告時点までの累計額（千円）です。"
                            "上半期に報告した額は「{label}」欄に表示しています。上半期の額を含めた年度の額を記入してください"
                            "（空欄のままにすると、上半期の額を年度の額として扱い、確認を求めます）。")
#: New finding codes: code → (title, message template, action).
FIXES_FINDINGS: dict[str, tuple[str, str, str]] = {
    "fiscal-effect-year-end-blank": (
        "年度の財政効果額の空欄",
        "財政効果額が空欄です。上半期には {previous} 千円と報告されています。年度の初めからの累計額を記入してください"
        "（空欄のままなら上半期の額を年度の額として扱います）。",
        "上半期の額を含めた年度の額を記入"),
}
FISCAL_CARRIED_NOTE = ("※{period}の財政効果額が空欄（または報告なし）の取組は、同じ年度の{earlier}の額を"
                       "年度の額としています（{parts}）。")
FISCAL_CARRIED_PART = "{initiative_id} {name} {amount} 千円"
FISCAL_CARRIED_MORE = "ほか{count}取組"
#: How many 取組 the note names before 「ほか N 取組」.
FISCAL_CARRIED_LISTED = 10

# --- a status outside the scale (point 6) -------------------------------------------------------------
REPORT_STATUS_ERROR = "（進捗状況の誤り）"
REPORT_NOTE_STATUS_ERROR = "進捗状況の誤り"

# --- 推移 totals (point 7; the console's file count is messages.SUMMARY_FILES) -----------------------
TREND_TOTAL_NOTE = ("※「合計」は報告のあった取組の数です。「前期比較」は計画の全取組（報告なしを含む）を数えるため、"
                    "今期は{missing}取組（報告なし）だけ多くなります。")

# --- command line (points 13, 14) ---------------------------------------------------------------------
CLI_UNKNOWN_ARGUMENTS = "認識できない引数: {args}"
CLI_HINTS = {
    ("check", "-o"): "check の検証結果は --report で書き出します（例：--report 検証結果.xlsx）。集約結果を作るのは merge です。",
    ("check", "--output"): "check の検証結果は --report で書き出します（例：--report 検証結果.xlsx）。集約結果を作るのは merge です。",
}

# --- doctor (point 15; the all-ok and × lines are text.doctor's) -----------------------------------------
DOCTOR_HAS_WARNINGS = "必要なものはそろっていますが、△ の項目（{count} 件）を確かめてください。"

# --- pages (points 17-21) -----------------------------------------------------------------------------
TREND_CHART_SMALL_NOTE = "※グラフの細い区分には数を表示していません（数は上の表のとおり）。"
FISCAL_DASH_NOTE = "※「－」は財政効果額の報告（記入）がないこと、「0」は 0 千円と報告されたことを表します（目標額・達成率の「－」は目標額がないこと）。"
LIST_CONTINUED = "{heading}（続き）"

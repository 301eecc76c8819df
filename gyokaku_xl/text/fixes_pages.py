"""Words of issue 21's figures, help and pages: the 財政効果 of the year, a status outside the
scale, what the console counts, the command line's hints and the page notes.

New finding codes (:data:`FIXES_FINDINGS`) are registered into glossary's tables (MESSAGES,
FINDING_TITLES, FINDING_ACTIONS) in one small block there.
"""

from __future__ import annotations

# --- 財政効果額 at 年度末 (point 5) -------------------------------------------------------------------
#: The form column showing the same fiscal year's 上半期 amount beside 財政効果額 (locked).
FIRST_HALF_EFFECT_LABEL = "上半期の財政効果額（千円）"
FIRST_HALF_EFFECT_HELP = ("同じ年度の上半期に報告した財政効果額です（参考・変更不可）。"
                          "上半期の調査票では使いません。")
FISCAL_EFFECT_HELP = ("取組による財政効果額を、千円単位の 0 以上の整数で記入してください（ない場合は空欄）。"
                      "年度の初めからこの報告時点までの累計額です（年度末・下半期の報告では上半期の額を含めた年度の額）。")
FISCAL_EFFECT_INPUT = "年度の初めからの累計額を、千円単位の 0 以上の整数で記入してください（ない場合は空欄）。"
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

# --- console counts and 推移 totals (point 7) ----------------------------------------------------------
CONSOLE_FILES = ("ファイル: {seen} 件（調査票として読めた {read}・受理 {accepted}・不受理 {rejected}・"
                 "差替え {superseded}・読み飛ばし {skipped}）")
TREND_TOTAL_NOTE = ("※「合計」は報告のあった取組の数です。「前期比較」は計画の全取組（報告なしを含む）を数えるため、"
                    "今期は{missing}取組（報告なし）だけ多くなります。")

# --- command line (points 13, 14) ---------------------------------------------------------------------
CLI_UNKNOWN_ARGUMENTS = "認識できない引数: {args}"
CLI_HINTS = {
    ("check", "-o"): "check の検証結果は --report で書き出します（例：--report 検証結果.xlsx）。集約結果を作るのは merge です。",
    ("check", "--output"): "check の検証結果は --report で書き出します（例：--report 検証結果.xlsx）。集約結果を作るのは merge です。",
}

# --- doctor (point 15) --------------------------------------------------------------------------------
DOCTOR_ALL_OK = "必要なものはそろっています。"
DOCTOR_HAS_WARNINGS = "必要なものはそろっていますが、△ の項目（{count} 件）を確かめてください。"
DOCTOR_HAS_FAILURES = "× の項目を直してから、もう一度確認してください。"

# --- pages (points 17-21) -----------------------------------------------------------------------------
TREND_CHART_SMALL_NOTE = "※グラフの細い区分には数を表示していません（数は上の表のとおり）。"
FISCAL_DASH_NOTE = "※「－」は財政効果額の報告（記入）がないこと、「0」は 0 千円と報告されたことを表します（目標額・達成率の「－」は目標額がないこと）。"
LIST_CONTINUED = "{heading}（続き）"

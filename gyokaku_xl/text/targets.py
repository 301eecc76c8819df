"""Words of numeric targets (数値目標): the plan master's 「数値目標」「評価区分」 sheets, the form's
second input sheet, the master's 「数値目標」 sheet, 資料1-3's indicator lines and their findings.

The words the plan reader matches in 向き are parse tokens
(:data:`gyokaku_xl.domain.tokens.DIRECTION_UP_WORDS` and ``DIRECTION_DOWN_WORDS``).
"""

from __future__ import annotations

__all__ = [
    "PLAN_SHEET_INDICATORS",
    "PLAN_SHEET_RATINGS",
    "COL_INITIATIVE_ID",
    "COL_INDICATOR",
    "COL_UNIT",
    "COL_BASELINE",
    "COL_DIRECTION",
    "COL_BAND",
    "COL_LOWER",
    "COL_BAND_DESCRIPTION",
    "DIRECTION_UP",
    "DIRECTION_DOWN",
    "DIRECTION_CHOICES",
    "YEAR_COLUMNS_EXPECTED",
    "FORM_TARGETS_SHEET",
    "FORM_TARGETS_TITLE",
    "FORM_COL_INITIATIVE_ID",
    "FORM_COL_INITIATIVE",
    "FORM_COL_INDICATOR",
    "FORM_COL_UNIT",
    "FORM_COL_BASELINE",
    "FORM_COL_TARGET",
    "FORM_COL_FIRST_HALF",
    "FORM_COL_PREVIOUS_YEAR",
    "FORM_COL_ACTUAL",
    "FORM_COL_EXPLANATION",
    "FORM_TARGETS_NOTES_FIRST_HALF",
    "FORM_TARGETS_NOTES_YEAR_END",
    "FORM_GUIDE_STEP_FIRST_HALF",
    "FORM_GUIDE_STEP_YEAR_END",
    "FORM_GUIDE_TARGETS_HEADING",
    "FORM_TARGET_HELP",
    "FORM_ACTUAL_INPUT_TITLE",
    "FORM_ACTUAL_INPUT_MESSAGE",
    "FORM_ACTUAL_ERROR_MESSAGE",
    "SHEET_TARGETS",
    "MASTER_TARGETS_TITLE",
    "MASTER_COL_INITIATIVE_ID",
    "MASTER_COL_INITIATIVE",
    "MASTER_COL_DEPARTMENT",
    "MASTER_COL_INDICATOR",
    "MASTER_COL_UNIT",
    "MASTER_COL_BASELINE",
    "MASTER_COL_DIRECTION",
    "MASTER_COL_TARGET",
    "MASTER_COL_ACTUAL",
    "MASTER_COL_RATE",
    "MASTER_COL_RATING",
    "MASTER_COL_EXPLANATION",
    "MASTER_COL_YEAR_TARGET",
    "MASTER_COL_YEAR_ACTUAL",
    "MASTER_TARGETS_RULE",
    "MASTER_TARGETS_RATING_RULE",
    "MASTER_TARGETS_MIDYEAR",
    "MASTER_TARGETS_NO_RATINGS",
    "MASTER_TARGETS_HISTORY_RULE",
    "MASTER_TARGETS_COUNTS_HEADING",
    "MASTER_TARGETS_COUNTS_HEADING_NO_RATINGS",
    "MASTER_COUNT_PERSPECTIVE",
    "MASTER_COUNT_NOT_COMPUTED",
    "MASTER_COUNT_COMPUTED",
    "MASTER_COUNT_NOT_REPORTED",
    "MASTER_COUNT_TOTAL",
    "MASTER_COUNT_ALL",
    "MASTER_BAND_PART",
    "EMPTY",
    "NOT_REPORTED",
    "SUMMARY_TARGETS",
    "SUMMARY_TARGETS_PART",
    "REPORT_LABEL_TARGETS",
    "REPORT_TARGET_LINE",
    "REPORT_TARGET_LINE_NO_RATING",
    "REPORT_RATE",
    "TITLE_WITH_PLAN",
    "FORM_TARGET_HEADER",
    "CELL_IN_SHEET",
    "OPENDATA_TARGETS_STEM",
    "OPENDATA_TARGETS_SHEET",
    "OPENDATA_TARGETS_COLUMNS",
    "TARGET_FINDINGS",
]

# --- the plan master ---------------------------------------------------------------------------
PLAN_SHEET_INDICATORS = "数値目標"
PLAN_SHEET_RATINGS = "評価区分"
COL_INITIATIVE_ID = "取組番号"
COL_INDICATOR = "指標名"
COL_UNIT = "単位"
COL_BASELINE = "基準値"
COL_DIRECTION = "向き"
COL_BAND = "区分"
COL_LOWER = "達成率の下限（％）"
COL_BAND_DESCRIPTION = "説明"

DIRECTION_UP = "増"
DIRECTION_DOWN = "減"
DIRECTION_CHOICES = "「増」（大きいほどよい）・「減」（小さいほどよい）"
YEAR_COLUMNS_EXPECTED = "年度の列（例：令和3年度、R3、2021）"

# --- the department form: second input sheet ------------------------------------------------------
FORM_TARGETS_SHEET = "数値目標"
FORM_TARGETS_TITLE = "{period}　数値目標の実績"
FORM_COL_INITIATIVE_ID = "取組番号"
FORM_COL_INITIATIVE = "取組名"
FORM_COL_INDICATOR = "指標名"
FORM_COL_UNIT = "単位"
FORM_COL_BASELINE = "基準値"
FORM_COL_TARGET = "目標値"
FORM_COL_FIRST_HALF = "上半期の実績値"
FORM_COL_PREVIOUS_YEAR = "前年度の実績値"
FORM_COL_ACTUAL = "実績値"
FORM_COL_EXPLANATION = "説明"
FORM_TARGETS_NOTES_FIRST_HALF = (
    "・黄色の「実績値」に、{year}上半期の終わり（9月末）時点の値を数値で記入してください（任意）。",
    "・単位は「単位」欄のとおりです。実績値の欄には数値だけを記入します（例：120件 → 120）。",
    "・「説明」には、実績値の根拠や目標との差の理由などを記入してください（任意）。",
)
FORM_TARGETS_NOTES_YEAR_END = (
    "・黄色の「実績値」に、{year}の実績値を数値で記入してください（必須）。",
    "・単位は「単位」欄のとおりです。実績値の欄には数値だけを記入します（例：120件 → 120）。",
    "・「上半期の実績値」「前年度の実績値」は参考です（変更不可）。",
    "・「説明」には、実績値の根拠や目標との差の理由などを記入してください。",
)
FORM_GUIDE_STEP_FIRST_HALF = ("「{sheet}」シートの実績値は、上半期の終わり（9月末）時点の値を記入してください"
                              "（上半期は任意）。数値だけを記入し、単位は書きません。")
FORM_GUIDE_STEP_YEAR_END = ("「{sheet}」シートの実績値は、年度の実績値を必ず記入してください。"
                            "数値だけを記入し、単位は書きません。")
FORM_GUIDE_TARGETS_HEADING = "４　「数値目標」シートの各欄"
#: What each column of the form's 数値目標 sheet is, by column key (the 記入要領's table).
FORM_TARGET_HELP = {
    "initiative_id": "計画マスタの取組番号です。",
    "initiative": "指標を設定している取組の名称です。",
    "indicator": "計画マスタの数値目標の指標です。1つの取組に複数の指標があるときは1行に1つずつ並びます。",
    "unit": "実績値の単位です。実績値の欄には単位を書かず、数値だけを記入してください。",
    "baseline": "計画策定時の値です。",
    "target": "今年度の目標値です。",
    "first_half": "今年度の上半期に報告した実績値です（参考）。",
    "previous_year": "前年度の実績値です（参考）。",
    "actual": "実績値を数値で記入してください（上半期は9月末時点の値・任意、年度末は年度の値・必須）。",
    "explanation": "実績値の根拠や、目標との差の理由などを記入してください（任意）。",
}
FORM_ACTUAL_INPUT_TITLE = "実績値"
FORM_ACTUAL_INPUT_MESSAGE = "数値だけを記入してください（単位は不要です）。"
FORM_ACTUAL_ERROR_MESSAGE = "数値で記入してください（単位や文字は記入できません）。"

# --- the master's 「数値目標」 sheet -------------------------------------------------------------
SHEET_TARGETS = "数値目標"
MASTER_TARGETS_TITLE = "{period}　数値目標の達成状況"
MASTER_COL_INITIATIVE_ID = "取組番号"
MASTER_COL_INITIATIVE = "取組名"
MASTER_COL_DEPARTMENT = "所管課"
MASTER_COL_INDICATOR = "指標名"
MASTER_COL_UNIT = "単位"
MASTER_COL_BASELINE = "基準値"
MASTER_COL_DIRECTION = "向き"
MASTER_COL_TARGET = "目標値"
MASTER_COL_ACTUAL = "実績値"
MASTER_COL_RATE = "達成率\n（％）"
MASTER_COL_RATING = "評価"
MASTER_COL_EXPLANATION = "説明"
MASTER_COL_YEAR_TARGET = "{year}\n目標値"
MASTER_COL_YEAR_ACTUAL = "{year}\n実績値"
MASTER_TARGETS_RULE = ("※達成率＝実績値÷目標値（向き「増」）、目標値÷実績値（向き「減」）を百分率にし、"
                       "小数点以下{rounding}。目標値か実績値がないとき、または 0 で割ることになるときは「{empty}」。")
MASTER_TARGETS_RATING_RULE = ("※評価は、表示した達成率が「達成率の下限」以上となる最も上の区分です（{bands}）。"
                              "最も下の区分の下限を下回るときも最も下の区分とします。")
MASTER_TARGETS_MIDYEAR = ("※{half}の実績値は、その時点までの値です。達成率と評価は年度の目標値に対する途中の値で、"
                          "年度の評価は年度末の集約で確定します。")
MASTER_TARGETS_NO_RATINGS = "※計画マスタに「評価区分」シートがないため、評価は示していません。"
MASTER_TARGETS_HISTORY_RULE = ("※過去の年度の実績値は、その年度の最も新しい報告（年度末、なければ下半期、"
                               "なければ上半期）の値です（履歴フォルダの集約結果から）。")
MASTER_TARGETS_COUNTS_HEADING = "【評価別の指標数】"
MASTER_TARGETS_COUNTS_HEADING_NO_RATINGS = "【達成率の算定状況別の指標数】"
MASTER_COUNT_PERSPECTIVE = "取組の視点"
MASTER_COUNT_NOT_COMPUTED = "算定不可"
MASTER_COUNT_COMPUTED = "達成率あり"
MASTER_COUNT_NOT_REPORTED = "未報告"
MASTER_COUNT_TOTAL = "合計"
MASTER_COUNT_ALL = "合計"
MASTER_BAND_PART = "{name} {lower}％以上"
EMPTY = "－"
NOT_REPORTED = "未報告"

# --- the console ----------------------------------------------------------------------------------
SUMMARY_TARGETS = "数値目標: {count} 指標（{parts}）"
SUMMARY_TARGETS_PART = "{label} {count}"

# --- 資料1-3 -------------------------------------------------------------------------------------
REPORT_LABEL_TARGETS = "数値目標"
REPORT_TARGET_LINE = "{name}：{actual} ／ {target}{unit}（達成率 {rate}、評価 {rating}）"
REPORT_TARGET_LINE_NO_RATING = "{name}：{actual} ／ {target}{unit}（達成率 {rate}）"
REPORT_RATE = "{rate}％"
#: The title of a sheet with the plan's name before it.
TITLE_WITH_PLAN = "{plan}　{title}"
#: The form's 目標値 header with this year: 目標値（令和3年度）.
FORM_TARGET_HEADER = "{label}\n（{year}）"
#: A cell named in a message: 「取組状況」シート G10.
CELL_IN_SHEET = "「{sheet}」シート {cell}"

# --- open data -----------------------------------------------------------------------------------
OPENDATA_TARGETS_STEM = "数値目標_{period}"
OPENDATA_TARGETS_SHEET = "数値目標"
OPENDATA_TARGETS_COLUMNS = ("年度", "年度（西暦）", "期間", "視点", "事業", "所管課", "取組番号", "取組名",
                            "指標名", "単位", "向き", "基準値", "目標値", "実績値", "達成率（％）", "評価", "説明")

# --- findings: code -> (title, message template, action) -------------------------------------------
TARGET_FINDINGS: dict[str, tuple[str, str, str]] = {
    "plan-indicator-header-missing": (
        "数値目標・評価区分の見出しがない",
        "シート「{sheet}」に見出し「{expected}」がありません。このシートは使用しません。",
        "計画マスタの見出しを直す"),
    "plan-indicator-unknown-initiative": (
        "数値目標の取組番号が計画にない",
        "取組番号「{value}」は「取組」シートにありません。この指標は使用しません。",
        "計画マスタの取組番号を直す"),
    "plan-indicator-name-missing": (
        "指標名が空欄",
        "取組「{initiative_id}」の指標名が空欄です。この行は使用しません。",
        "計画マスタに指標名を記入する"),
    "plan-indicator-duplicate": (
        "指標の重複",
        "取組「{initiative_id}」の指標「{value}」は {first} と重複しています。この行は使用しません。",
        "計画マスタの重複した行を削除する"),
    "plan-indicator-not-number": (
        "基準値・目標値が数値でない",
        "{label}「{value}」を数値として読み取れません。この{label}は使用しません。",
        "計画マスタに数値で記入する"),
    "plan-indicator-direction-invalid": (
        "向きが正しくない",
        "向き「{value}」は使えません（{expected}。空欄は「増」）。この指標は使用しません。",
        "計画マスタの向きを「増」か「減」にする"),
    "plan-indicator-year-outside": (
        "目標値の年度が計画期間外",
        "年度「{value}」は計画期間（{years}）の外です。この列の目標値は使用しません。",
        "計画マスタの年度の列を直す"),
    "plan-indicator-year-duplicate": (
        "目標値の年度の重複",
        "年度「{value}」の列が {first} と重複しています。この列は使用しません。",
        "計画マスタの重複した列を削除する"),
    "plan-indicator-no-years": (
        "目標値の年度の列がない",
        "シート「{sheet}」に年度の列（例：令和3年度、R3、2021）がありません。目標値なしで読み込みます。",
        "計画マスタに年度の列を追加する"),
    "plan-rating-name-missing": (
        "評価区分の区分が空欄",
        "{row}行目の区分が空欄です。この行は使用しません。",
        "計画マスタに区分を記入する"),
    "plan-rating-duplicate": (
        "評価区分の重複",
        "区分「{value}」が {first} と重複しています。評価区分は使用しません（評価を示しません）。",
        "計画マスタの評価区分を直す"),
    "plan-rating-lower-invalid": (
        "達成率の下限が数値でない",
        "区分「{band}」の達成率の下限「{value}」を数値として読み取れません。評価区分は使用しません（評価を示しません）。",
        "計画マスタに数値で記入する"),
    "plan-rating-unordered": (
        "達成率の下限の順序・重なり",
        "区分「{band}」の下限 {value}％ が、上の区分「{above}」の下限 {above_lower}％ 以上です。"
        "評価区分は上の区分ほど下限が大きくなるよう、よい区分から順に並べてください。評価区分は使用しません（評価を示しません）。",
        "計画マスタの評価区分を直す"),
    "target-sheet-missing": (
        "数値目標シートがない",
        "この調査票には「{sheet}」シートがありません（数値目標の指標がある前の様式）。数値目標の実績値は未報告として扱います。",
        "次回は新しい調査票で報告"),
    "target-header-changed": (
        "数値目標シートの見出しの変更",
        "「{sheet}」シートの見出し「{expected}」が見つかりません。数値目標の実績値は読み込みません。",
        "見出しを元に戻して再提出"),
    "target-unknown-indicator": (
        "計画にない指標",
        "取組「{initiative_id}」の指標「{value}」は計画マスタにありません。この行の実績値は使用しません。",
        "取組番号・指標名を元に戻して再提出"),
    "target-other-department": (
        "他の所管課の指標",
        "取組「{value}」の指標「{indicator}」は{owner}の指標です（この調査票は{department}）。この行の実績値は使用しません。",
        "取組番号・指標名を元に戻して再提出"),
    "target-indicator-missing": (
        "数値目標の行がない",
        "取組「{initiative_id}」の指標「{indicator}」の行がありません（調査票の配布後に計画マスタに加えた指標の可能性があります）。"
        "この指標は未報告として扱います。",
        "新しい調査票で報告"),
    "target-actual-missing": (
        "実績値が空欄",
        "取組「{initiative_id}」の指標「{indicator}」の実績値が空欄です（{period}は必須）。",
        "実績値を記入して再提出"),
    "target-actual-invalid": (
        "実績値が数値でない",
        "取組「{initiative_id}」の指標「{indicator}」の実績値「{value}」を数値として読み取れません。数値だけを記入してください。"
        "この実績値は使用しません。",
        "数値で記入して再提出"),
    "target-actual-unit": (
        "実績値に単位",
        "取組「{initiative_id}」の指標「{indicator}」の実績値「{value}」に単位「{unit}」が入っています。単位を除き {number} として読み取りました。"
        "単位は「単位」欄のとおりのため、実績値には数値だけを記入してください。",
        "数値だけに直す（直さなくても集約済み）"),
    "target-actual-normalized": (
        "実績値を読み替え",
        "取組「{initiative_id}」の指標「{indicator}」の実績値「{value}」を {number} として読み取りました（全角の数字やカンマを読み替え）。",
        "確認のみ（集約済み）"),
    "target-actual-comma": (
        "実績値のカンマ",
        "実績値「{value}」のカンマを除き、{number} として読み取りました。",
        "対応不要"),
    "target-actual-negative": (
        "実績値が負の数",
        "取組「{initiative_id}」の指標「{indicator}」の実績値が負の数（{value}）です。基準値・目標値は 0 以上のため、"
        "入力の誤りでないか確かめてください。",
        "実績値を確かめる"),
    "target-formula": (
        "実績値が数式",
        "実績値が数式（{value}）です。計算結果の値 {cached} を使いました。値で入力してください。",
        "値で入力し直す"),
    "target-self-assessment": (
        "進捗状況と数値目標の食い違い",
        "進捗状況（{status_cell}）は「{status}」ですが、指標「{indicator}」（{actual_cell}）の達成率は {rate}％（評価 {rating}）です。"
        "進捗状況か実績値を確かめてください。",
        "進捗状況か実績値を確かめる"),
    "history-targets-unreadable": (
        "過去の数値目標を読めない",
        "この集約結果の「{sheet}」シートを読めないため、{period}の実績値は履歴に使いません：{detail}",
        "集約結果を確かめる"),
}

"""The words and characters the readers match in what users typed, in one place.

These are parsed, not shown: era names and their abbreviations, the ways a period is written,
dash and space characters, the brackets of a perspective number, the identity values of the
toolkit's own workbooks, and the Japanese line-breaking characters the layout measures with.
What users read lives in :mod:`gyokaku_xl.text`.
"""

from __future__ import annotations

# --- years and periods ---------------------------------------------------------------------------
#: (name, one-letter abbreviation, first Gregorian year). Newest first.
ERAS: tuple[tuple[str, str, int], ...] = (
    ("令和", "R", 2019),
    ("平成", "H", 1989),
)
#: The first year of an era, written 元 (令和元年度).
ERA_FIRST_YEAR = "元"
#: The word of a fiscal year, and the suffixes a typed year may end with (令和3年度, 2021年).
FISCAL_YEAR_WORD = "年度"
YEAR_SUFFIX = r"(年度|年)$"
#: A range of years: 2020-2023, 2020～2023, 令和2年度から令和5年度.
YEAR_RANGE = r"^(.+?)\s*(?:-|~|〜|～|－|ー|―|から)\s*(.+?)$"
#: The （2020-2023） of a plan name.
YEARS_IN_NAME = r"[（(]\s*(\d{4})\s*[-~〜～－ー―]\s*(\d{4})\s*[)）]"
#: How each reporting period may be typed (matched after :func:`~gyokaku_xl.domain.normalize.key`).
FIRST_HALF_WORDS = ("上半期", "上期", "h1")
SECOND_HALF_WORDS = ("下半期", "下期", "h2")
YEAR_END_WORDS = ("年度末", "通期", "fy")
#: 令和3年度【上半期】, the period in the subtitle of a master written before identity properties.
LEGACY_SUBTITLE = r"^(.+年度)【(.+)】"
#: A date as typed (after NFKC, spaces removed): 2021-10-15, 2021/10/15, 2021年10月15日.
DATE_YMD = r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?"
#: A date in an era: 令和3年10月15日, 令和元年5月1日, R3.10.15 (era name or letter, year, month, day).
DATE_ERA_YMD = r"(\D+?)(" + ERA_FIRST_YEAR + r"|\d{1,2})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?"
#: A weekday in brackets after a date: （金）.
DATE_WEEKDAY = r"[（(][月火水木金土日][)）]$"

# --- characters ----------------------------------------------------------------------------------
#: Dashes and minus-like characters that people type for "-" in numbers and ids.
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff0d\ufe63\u2043\uff70"
#: Minus-like characters read as "-" in a typed 実績値 (数値目標).
MINUS_SIGNS = "\u2212\u2012\u2013\uff0d\u30fc"
#: Half- and full-width spaces stripped around a value.
SPACES = " \t\r\n\u3000"
#: Any run of white space, the full-width space included.
SPACE_RUN = r"[\s\u3000]+"
#: Full-width digits, in order 0-9.
FULLWIDTH_DIGITS = "０１２３４５６７８９"
#: Half-width brackets and their full-width forms (header labels match either).
BRACKETS = ("(", "（", ")", "）")
#: The brackets around a perspective's number: (1) or （１）.
PARENS = "()（）"
PERSPECTIVE_NUMBER = r"^[（(]\s*(\d+)\s*[)）]"
PERSPECTIVE_LABEL = PERSPECTIVE_NUMBER + r"\s*(.*)$"
#: The bullets a department writes at the start of a line of 取組状況.
BULLETS = ("・", "･")
#: What separates the two font names of a 「フォント」 setting (ignored when matching it).
FONT_SEPARATORS = r"[\s/／・,、]"
#: What a cell of a 「○」 column (順調, 重点, 総括掲載) may hold to mean yes.
MARK_TRUE_WORDS = ("○", "〇", "◯", "●", "◎", "o", "O", "1", "TRUE", "true", "はい", "有")
#: Values of the Excel button's yes/no setting, besides its own はい / いいえ.
YES_WORDS = ("はい。", "する", "作成する", "yes", "y", "true", "1", "○")
NO_WORDS = ("", "しない", "no", "n", "false", "0", "×")

#: What a plan master's 数値目標 sheet may write in 向き (matched after NFKC, spaces removed): larger is
#: better (増) or smaller is better (減); blank means 増.
DIRECTION_UP_WORDS = ("増", "増加", "上", "↑", "+")
DIRECTION_DOWN_WORDS = ("減", "減少", "下", "↓", "-")
# --- the plan master's 「計画の変更」 ------------------------------------------------------------------
#: The 区分 words accepted for each kind of change (the kinds of :mod:`gyokaku_xl.domain.revisions`).
CHANGE_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "add": ("追加", "新規", "新規追加"),
    "end": ("終了", "完了", "廃止", "中止"),
    "merge": ("統合",),
    "renumber": ("番号変更", "取組番号変更"),
    "rename": ("名称変更", "取組名変更"),
    "department": ("所管課変更",),
    "program": ("事業変更",),
}
#: What a 適用時期 cell may hold around its year and half (spaces and brackets: 令和4年度【上半期】).
CHANGE_PERIOD_IGNORED = r"[\s【】\[\]［］()（）]"

# --- identity of the toolkit's own workbooks (custom document properties) --------------------------
FORM_KIND_VALUE = "取組状況調査票"
MASTER_KIND_VALUE = "集約結果"

# --- Japanese line breaking (kinsoku), as Excel and LibreOffice (ja-JP, strict) apply it -----------
#: Characters that may not begin a line.
NO_LINE_START = ("、。，．,.)）]］}｝」』】〕〉》〙〗〟’”・：；？！:;?!ー…‥〜"
                 "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ％%")
#: Characters that may not end a line.
NO_LINE_END = "(（[［{｛「『【〔〈《〘〖〝‘“"

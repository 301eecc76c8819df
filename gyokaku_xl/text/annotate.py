"""The 「指摘一覧」 sheet of the annotated copies returned to departments."""

from __future__ import annotations

__all__ = [
    "ANNOTATE_SHEET", "ANNOTATE_TITLE", "ANNOTATE_INTRO", "ANNOTATE_TODO_ERRORS",
    "ANNOTATE_TODO_WARNINGS", "ANNOTATE_HEADERS", "ANNOTATE_NO_CELL", "ANNOTATE_COUNTS",
    "ANNOTATE_AUTHOR",
    "ANNOTATE_COPY_SUFFIX",
    "ANNOTATE_COMMENT_LINE",
]

# The 「指摘一覧」 sheet of annotated copies (issue 9, point 13).
ANNOTATE_SHEET = "指摘一覧"
ANNOTATE_TITLE = "指摘一覧　{file}"
ANNOTATE_INTRO = ("取りまとめ課が調査票を確かめた結果です。「セル」をクリックすると該当のセルに移動します"
                  "（色とコメントも付けています）。")
#: What the department does, by whether the copy has errors (集約されない) or only warnings.
ANNOTATE_TODO_ERRORS = "エラーを直して再提出してください。"
ANNOTATE_TODO_WARNINGS = "エラーはありません。警告の内容を確かめ、必要なら直して再提出してください。"
ANNOTATE_HEADERS = ("No.", "セル", "重要度", "指摘の種類", "内容", "対応")
ANNOTATE_NO_CELL = "ファイル全体"
ANNOTATE_COUNTS = "エラー {error} 件・警告 {warning} 件・情報 {info} 件"

#: The author of the comments on the flagged cells.
ANNOTATE_AUTHOR = "取りまとめ課（gyokaku_xl）"
#: Suffix of annotated copies, so they never replace a form of the same name.
ANNOTATE_COPY_SUFFIX = "_指摘"
#: One finding in a cell's comment.
ANNOTATE_COMMENT_LINE = "【{severity}】{message}"

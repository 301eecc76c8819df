"""Words of the Python API (``gyokaku_xl.read_master`` / ``read_history``): the column labels of
its tables that are not the master's own headers, and its one-line errors."""

from __future__ import annotations

__all__ = ["API_COL_PLAN", "API_COL_FISCAL_YEAR_AD", "API_NOT_A_FOLDER", "API_FOLDER_UNREADABLE",
           "API_NOT_FOUND", "API_NOT_A_MASTER"]

API_COL_PLAN = "計画"
API_COL_FISCAL_YEAR_AD = "年度（西暦）"

API_NOT_A_FOLDER = "履歴フォルダ「{path}」がありません（集約結果を置いたフォルダを指定してください）。"
API_FOLDER_UNREADABLE = "履歴フォルダ「{path}」を読み込めません：{detail}"
API_NOT_FOUND = "集約結果「{path}」がありません。"
API_NOT_A_MASTER = "「{path}」を集約結果として読み込めません：{detail}"

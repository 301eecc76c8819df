"""Words of the run's safety rules: outputs that would replace an input, replaced submissions,
return copies, leftovers of interrupted runs, files open in Excel, the run's reading bound.

New finding codes are registered in the glossary's tables by one line each
(``MESSAGES.update(FIX_MESSAGES)`` …).
"""

from __future__ import annotations

# --- replaced submissions -----------------------------------------------------------------------
#: A finding of a superseded file, kept as 情報 about that file.
SUPERSEDED_FINDING = "【差替え済みのファイル・対応不要】{message}"

FIX_MESSAGES: dict[str, str] = {}
FIX_TITLES: dict[str, str] = {}
FIX_ACTIONS: dict[str, str] = {}

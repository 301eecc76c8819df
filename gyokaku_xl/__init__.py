"""gyokaku_xl: 行財政改革計画の取組状況を Excel で集約・検証・報告するツール.

The core (reading, checks, consolidation, rendering) is pure: it knows nothing of xlwings, the
console or ``sys.exit``. The CLI (:mod:`gyokaku_xl.cli`) and the Excel button
(:mod:`gyokaku_xl.excel_button`) are thin adapters over :mod:`gyokaku_xl.pipeline`.
"""

__version__ = "0.1.0"

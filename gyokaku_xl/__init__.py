"""gyokaku_xl: 行財政改革計画の取組状況を Excel で集約・検証・報告するツール.

The public Python API, for staff who work in Python or Jupyter (see the README, 「Python から使う」):

* :func:`make_forms`, :func:`check`, :func:`merge` — the very functions the command line and the
  Excel button call (:mod:`gyokaku_xl.run`), and :func:`term_report` (the end-of-term 総括);
* :func:`read_master`, :func:`read_history` — masters as pandas DataFrames, one row per 取組 and
  period (:mod:`gyokaku_xl.app.api`);
* :class:`Period` — a reporting period (``Period.parse("令和3年度", "上半期")``);
* :class:`GyokakuError` — the one-line Japanese error of a run that cannot continue.

They are imported on first use, so ``import gyokaku_xl`` stays light (no pandas, no Excel
libraries) and the package imports nothing that imports it back.

The layers, in the order data flows: ``text`` (words users read), ``domain`` (types and pure
rules), ``infra`` (atomic writes, processes, OS texts), ``reading`` (untrusted files in), ``core``
(pure checks, consolidation, summary, movement), ``render`` (XlsxWriter), ``publish`` (PDF, open
data), ``run`` (the steps strung together) and ``app`` (command line, Excel button, these tables).
"""

from __future__ import annotations

from typing import Any

from gyokaku_xl.domain.version import __version__

__all__ = ["GyokakuError", "Period", "__version__", "check", "make_forms", "merge", "read_history", "read_master",
           "term_report"]


def __getattr__(name: str) -> Any:
    """The API's functions, imported when first asked for (PEP 562)."""
    if name == "make_forms":
        from gyokaku_xl.run.forms import make_forms as value
    elif name == "check":
        from gyokaku_xl.run.check import check as value
    elif name == "merge":
        from gyokaku_xl.run.merge import merge as value
    elif name == "term_report":
        from gyokaku_xl.run.term_report import term_report as value
    elif name == "read_master":
        from gyokaku_xl.app.api import read_master as value
    elif name == "read_history":
        from gyokaku_xl.app.api import read_history as value
    elif name == "Period":
        from gyokaku_xl.domain.model import Period as value
    elif name == "GyokakuError":
        from gyokaku_xl.domain.findings import GyokakuError as value
    else:
        raise AttributeError(f"module 'gyokaku_xl' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

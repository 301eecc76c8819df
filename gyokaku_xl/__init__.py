"""gyokaku_xl: 行財政改革計画の取組状況を Excel で集約・検証・報告するツール.

The layers, in the order data flows: ``text`` (words users read), ``domain`` (types and pure
rules), ``infra`` (atomic writes, processes, OS texts), ``reading`` (untrusted files in), ``core``
(pure checks, consolidation, summary, movement), ``render`` (XlsxWriter), ``publish`` (PDF, open
data), ``run`` (the steps strung together) and ``app`` (command line, Excel button).
"""

from gyokaku_xl.domain.version import __version__

__all__ = ["__version__"]

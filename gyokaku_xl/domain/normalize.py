"""Text normalisation for matching only; displayed text is never changed.

A 取組番号 typed as ``１－０３`` and one typed as ``1-03`` have the same :func:`key`.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from gyokaku_xl.domain.tokens import BRACKETS, DASHES, SPACE_RUN, SPACES

_DASH_TABLE = str.maketrans({c: "-" for c in DASHES})
_SPACES = re.compile(SPACE_RUN)
_OPEN, _OPEN_WIDE, _CLOSE, _CLOSE_WIDE = BRACKETS


def nfkc(text: str) -> str:
    """Return the NFKC form of ``text`` (full-width digits and letters become half-width)."""
    return unicodedata.normalize("NFKC", text)


def clean(value: object) -> str:
    """Return ``value`` as text with surrounding half- and full-width spaces removed.

    ``None`` becomes ``""``; whole floats print without ``.0``.
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip(SPACES)


def key(value: object) -> str:
    """Return the matching key of ``value``: NFKC, dashes unified, all spaces removed, lower case."""
    if isinstance(value, str):
        return _text_key(value)
    return _key(value)


def _key(value: object) -> str:
    text = nfkc(clean(value)).translate(_DASH_TABLE)
    return _SPACES.sub("", text).lower()


#: The same texts (ids, names, labels) are keyed again and again; a bounded memo of the pure result.
_text_key = functools.lru_cache(maxsize=1 << 16)(_key)


def label_key(value: object) -> str:
    """Return the key for header labels: like :func:`key` but brackets unified too."""
    return key(value).replace(_OPEN, _OPEN_WIDE).replace(_CLOSE, _CLOSE_WIDE)


def positive_int(value: object) -> int | None:
    """``"40"`` / ``"４０"`` / ``"1,000"`` / 40 → the number; None for blank, zero, negative or not an integer."""
    text = nfkc(clean(value)).replace(",", "")
    return int(text) if text.isdigit() and int(text) > 0 else None

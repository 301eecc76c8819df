"""Text normalisation for matching only; displayed text is never changed.

A 取組番号 typed as ``１－０３`` and one typed as ``1-03`` have the same :func:`key`.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Dashes and minus-like characters that people type for "-" in numbers and ids.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff0d\ufe63\u2043\uff70"
_DASH_TABLE = str.maketrans({c: "-" for c in _DASHES})
_SPACES = re.compile(r"[\s\u3000]+")


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
    return str(value).strip(" \t\r\n\u3000")


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
    return key(value).replace("(", "（").replace(")", "）")


def positive_int(value: object) -> int | None:
    """``"40"`` / ``"４０"`` / ``"1,000"`` / 40 → the number; None for blank, zero, negative or not an integer."""
    text = nfkc(clean(value)).replace(",", "")
    return int(text) if text.isdigit() and int(text) > 0 else None

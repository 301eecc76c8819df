"""Row heights come from :func:`gyokaku_xl.render.styles.wrapped_line_count`; a faster version must
count exactly the lines the plain, character-by-character version below counts.

The reference is the straightforward statement of the rules (Latin runs kept together, kinsoku:
a character that may not begin a line sticks to the piece before it, a piece after a character
that may not end a line sticks to it, a piece wider than the line is split anywhere). It is
compared with the real function on generated texts of every kind a department writes.
"""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from gyokaku_xl.render import styles as st

_TOKEN = re.compile(st._TOKEN_PATTERN, re.DOTALL)  # the same pieces, joined the plain way below


def _units(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F", "A") else 1 for c in text)


def _pieces(line: str) -> list[str]:
    pieces: list[str] = []
    for token in _TOKEN.findall(line):
        if pieces and (token[0] in st.NO_LINE_START or pieces[-1][-1] in st.NO_LINE_END):
            pieces[-1] += token
        else:
            pieces.append(token)
    return pieces


def reference_line_count(text: str, capacity: int) -> int:
    total = 0
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if _units(line) <= capacity:
            total += 1
            continue
        lines, used = 1, 0
        for word in _pieces(line):
            w = _units(word)
            if used + w <= capacity:
                used += w
            elif used == 0 or w > capacity:
                over = used + w
                lines += (over - 1) // capacity
                used = (over - 1) % capacity + 1
            else:
                lines += 1
                used = w
        total += lines
    return max(1, total)


ALPHABET = ("あいうえおかきくけこ取組状況予定遅れ理由事業推進" * 3 + "、。「」（）・ー々っゃ"
            + "ABCxyz0123456789-_.,:;/%()'\"@&+ " + "ｱｲｳｶﾞ" + "Ω°±×" + "\n" + "\r\n"[0])


def _texts(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        n = rng.choice((0, 1, 3, 10, 40, 120, 400))
        yield "".join(rng.choice(ALPHABET) for _ in range(n))


@pytest.mark.parametrize("seed", range(4))
def test_the_fast_count_is_the_reference_count(seed):
    for text in _texts(seed, 500):
        for capacity in (1, 2, 3, 7, 20, 41, 80, 113):
            assert st.wrapped_line_count(text, capacity) == reference_line_count(text, capacity), (text, capacity)


def test_a_real_report_text():
    text = ("・窓口のキャッシュレス決済（FamiPay」を含む）を2021年4月から全庁で開始した。\n"
            "・「オンライン申請」は、電子申請システムの利用手続を見直し、対象手続を拡大している。")
    for capacity in range(1, 130):
        assert st.wrapped_line_count(text, capacity) == reference_line_count(text, capacity), capacity


@pytest.mark.parametrize("seed", range(2))
def test_the_pieces_are_the_reference_pieces(seed):
    for text in _texts(100 + seed, 500):
        for line in text.split("\n"):
            assert st._wrap_tokens(line) == _pieces(line), line


def test_column_widths_and_pixels_are_one_rule():
    """The report sheets size columns in pixels: width_of_px is column_px's inverse, and a span's
    pixels are its columns' (the 資料1-1 grid and the movement sheets' shared columns use both)."""
    from gyokaku_xl.render.styles import column_px, columns_px, width_of_px

    for px in (12, 56, 100, 364, 711):
        assert abs(column_px(width_of_px(px)) - px) <= 1
    widths = (width_of_px(56), width_of_px(270), width_of_px(140))
    assert columns_px(widths, 0, 2) == sum(column_px(w) for w in widths)
    assert columns_px(widths, 1, 1) == column_px(widths[1])


def test_the_plain_paragraph_estimate_rounds_each_paragraph_up():
    from gyokaku_xl.render.styles import paragraph_lines

    assert paragraph_lines("", 10) == 1
    assert paragraph_lines("あ" * 5, 10) == 1 and paragraph_lines("あ" * 6, 10) == 2
    assert paragraph_lines("abc\n\nあいう", 4) == 1 + 1 + 2
    assert paragraph_lines("あ", 0) == 2, "a width under one unit counts as one"

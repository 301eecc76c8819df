"""Text normalisation for matching only."""

from __future__ import annotations

import pytest

from gyokaku_xl.domain.normalize import clean, key, label_key, nfkc


@pytest.mark.parametrize("typed", ["1-03", "１－０３", " 1-03 ", "1−03", "1ー03", "１‐０３", "\u30001 - 03\u3000"])
def test_initiative_ids_typed_differently_have_one_key(typed):
    assert key(typed) == key("1-03") == "1-03"


def test_key_unifies_width_case_and_spaces():
    assert key("ＩＣＴ活用") == key("ict 活用") == "ict活用"
    assert key("概ね順調 ") == key("概ね　順調") == "概ね順調"
    assert key(None) == "" and key(12) == "12" and key(3.0) == "3"


def test_clean_trims_but_keeps_inner_text():
    assert clean("\u3000 財政課 \n") == "財政課"
    assert clean("・一\n・二") == "・一\n・二"
    assert clean(None) == "" and clean(2.0) == "2" and clean(2.5) == "2.5" and clean(0) == "0"


def test_displayed_text_is_never_changed_by_clean():
    text = "・令和3年度中に押印を廃止予定とした275種類の申請書等のうち、2２０種類で押印を廃止。"
    assert clean(text) == text
    assert nfkc(text) != text  # only the matching form changes


def test_label_key_unifies_brackets():
    assert label_key("財政効果額(千円)") == label_key("財政効果額（千円）") == label_key(" 財政効果額（千円） ")

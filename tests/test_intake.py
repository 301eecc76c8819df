"""Intake: files are told apart by content, lock files name their owner, the inbox listing is
complete, sorted and leaves nothing out silently except operating-system clutter."""

from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path

import pytest

import hostile as h
from gyokaku_xl import text as g
from gyokaku_xl.reading import sniff as intake
from gyokaku_xl.domain.findings import ERROR, INFO, GyokakuError, make
from gyokaku_xl.domain.inbox import InboxEntry
from gyokaku_xl.reading.sniff import lock_owner, scan_inbox, sniff


# --- sniffing ------------------------------------------------------------------------------------

@pytest.mark.parametrize("builder, kind", [
    (h.simple_workbook, "xlsx"),
    (h.xlsm_like, "xlsm"),
    (h.xlsb_like, "xlsb"),
    (h.encrypted_handmade, "encrypted"),
    (h.legacy_xls_handmade, "legacy-xls"),
    (lambda d: h.legacy_xls_handmade(d, "biff5.xls", stream="Book"), "legacy-xls"),
    (h.lock_file, "lock"),
    (h.libreoffice_lock, "lock"),
    (h.csv_file, "not-excel"),
    (h.pdf_file, "not-excel"),
    (h.docx_like, "not-excel"),
    (h.ods_like, "not-excel"),
    (h.plain_zip_of_workbook, "not-excel"),
    (h.ole_word_document, "not-excel"),
    (h.empty_file, "empty"),
    (h.random_bytes, "not-excel"),
    (h.truncated_zip, "corrupt-zip"),
    (lambda d: h.random_bytes(d, prefix=b"PK\x03\x04"), "corrupt-zip"),
    (h.corrupt_ole, "corrupt-file"),
    (h.directory_like_workbook, "ignored"),
])
def test_sniff_by_content(tmp_path: Path, builder, kind: str) -> None:
    assert sniff(builder(tmp_path)) == kind


def test_extension_is_ignored(tmp_path: Path) -> None:
    xls_as_xlsx = h.legacy_xls_handmade(tmp_path, "総務課.xlsx")
    assert sniff(xls_as_xlsx) == "legacy-xls"
    workbook_as_txt = h.simple_workbook(tmp_path, "総務課.txt")
    assert sniff(workbook_as_txt) == "xlsx"
    docx_as_xlsx = h.docx_named_xlsx(tmp_path, "文書.xlsx")
    assert sniff(docx_as_xlsx) == "not-excel"
    # a real workbook that happens to be named like a lock file is read, not skipped
    assert sniff(h.simple_workbook(tmp_path, "~$本物.xlsx")) == "xlsx"


def test_real_encrypted_and_legacy_files(tmp_path: Path) -> None:
    pytest.importorskip("msoffcrypto")
    pytest.importorskip("xlwt")
    assert sniff(h.encrypted_xlsx(tmp_path)) == "encrypted"
    assert sniff(h.legacy_xls(tmp_path)) == "legacy-xls"
    assert sniff(h.legacy_xls(tmp_path, name="新形式のふり.xlsx")) == "legacy-xls"


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    assert sniff(tmp_path / "ない.xlsx") == "unreadable"


def test_permission_denied_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = h.simple_workbook(tmp_path)
    real_open = os.open

    def deny(target, *args, **kwargs):
        if Path(target) == path:
            raise PermissionError(13, "Permission denied", str(target))
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    assert sniff(path) == "unreadable"
    [entry] = scan_inbox(tmp_path)
    assert entry.kind == "unreadable" and entry.finding.code == "read-failed"
    assert entry.finding.severity == ERROR and "アクセスが拒否されました" in entry.finding.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_named_pipe_never_blocks(tmp_path: Path) -> None:
    assert sniff(h.fifo(tmp_path)) == "not-excel"


def test_zip_with_very_many_entries_is_not_parsed(tmp_path: Path) -> None:
    path = h.many_members(tmp_path, intake.MAX_ZIP_ENTRIES + 1)
    [entry] = scan_inbox(tmp_path)
    assert entry.kind == "not-excel" and "個のファイル" in entry.finding.value
    assert sniff(path) == "not-excel"


# --- lock files ----------------------------------------------------------------------------------

@pytest.mark.parametrize("owner", ["yamada", "山田 太郎", "Ｔａｒｏ　Ｙａｍａｄａ", "a" * 52])
def test_excel_lock_owner(tmp_path: Path, owner: str) -> None:
    assert lock_owner(h.lock_file(tmp_path, owner=owner)) == owner


def test_word_style_lock_owner(tmp_path: Path) -> None:
    assert lock_owner(h.lock_file(tmp_path, owner="佐藤", word=True)) == "佐藤"


def test_libreoffice_lock_owner(tmp_path: Path) -> None:
    assert lock_owner(h.libreoffice_lock(tmp_path, owner="佐藤 花子")) == "佐藤 花子"


def test_lock_owner_falls_back_to_the_code_page_copy(tmp_path: Path) -> None:
    ansi = "鈴木".encode("cp932")
    data = bytes([len(ansi)]) + ansi + b" " * 60  # no usable UTF-16 copy
    assert lock_owner(h.lock_file_raw(tmp_path, data)) == "鈴木"


@pytest.mark.parametrize("data", [
    b"",
    b"\x00" * 165,
    b"\xff" * 165,
    bytes([200]) + b"x" * 164,
    b"\x05\x81",  # truncated inside a double-byte character
    bytes([4]) + b"\x00\x01\x02\x03" + b" " * 160,  # control characters
    b"\x03abc" + b" " * 5000,  # far too long for an owner file
])
def test_lock_owner_garbage_is_none(tmp_path: Path, data: bytes) -> None:
    assert lock_owner(h.lock_file_raw(tmp_path, data)) is None


def test_lock_owner_of_missing_file(tmp_path: Path) -> None:
    assert lock_owner(tmp_path / "~$ない.xlsx") is None


def test_random_lock_files_never_raise(tmp_path: Path) -> None:
    import random

    rnd = random.Random(5)
    for n in range(200):
        data = rnd.randbytes(rnd.randrange(0, 200))
        owner = lock_owner(h.lock_file_raw(tmp_path, data))
        assert owner is None or (owner == owner.strip() and owner
                                 and not any(unicodedata.category(c)[0] == "C" for c in owner))


# --- the inbox -----------------------------------------------------------------------------------

def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.iterdir() if p.is_file() and not p.is_fifo()}


def test_scan_lists_everything_with_findings(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    h.simple_workbook(inbox, "行政総務課.xlsx")
    h.xlsm_like(inbox, "資産経営課.xlsm")
    h.legacy_xls_handmade(inbox, "情報政策課.xls")
    h.encrypted_handmade(inbox, "財政課.xlsx")
    h.lock_file(inbox, "行政総務課.xlsx", owner="山田 太郎")
    h.libreoffice_lock(inbox, "資産経営課.xlsm", owner="佐藤 花子")
    h.pdf_file(inbox, "説明.pdf")
    h.truncated_zip(inbox, "途中.xlsx")
    h.corrupt_ole(inbox, "壊れ.xls")
    h.xlsb_like(inbox, "バイナリ.xlsb")
    (inbox / "旧版").mkdir()
    h.os_junk(inbox)
    before = _digests(inbox)

    entries = scan_inbox(inbox)
    by_name = {e.path.name: e for e in entries}
    assert [e.path.name for e in entries] == sorted(by_name)  # sorted by name
    assert "Thumbs.db" not in by_name and "desktop.ini" not in by_name
    assert ".DS_Store" not in by_name and "._総務課.xlsx" not in by_name
    kinds = {name: e.kind for name, e in by_name.items()}
    assert kinds == {
        "行政総務課.xlsx": "xlsx", "資産経営課.xlsm": "xlsm", "情報政策課.xls": "legacy-xls",
        "財政課.xlsx": "encrypted", "~$行政総務課.xlsx": "lock", ".~lock.資産経営課.xlsm#": "lock",
        "説明.pdf": "not-excel", "途中.xlsx": "corrupt-zip", "壊れ.xls": "corrupt-file",
        "バイナリ.xlsb": "xlsb", "旧版": "ignored",
    }
    codes = {name: (e.finding.code, e.finding.severity) if e.finding else None
             for name, e in by_name.items()}
    assert codes == {
        "行政総務課.xlsx": None,
        "資産経営課.xlsm": ("macro-enabled", INFO),
        "情報政策課.xls": ("legacy-xls", ERROR),
        "財政課.xlsx": ("encrypted", ERROR),
        "~$行政総務課.xlsx": ("lock-file", INFO),
        ".~lock.資産経営課.xlsm#": ("lock-file-libreoffice", INFO),
        "説明.pdf": ("not-excel", ERROR),
        "途中.xlsx": ("corrupt-zip", ERROR),
        "壊れ.xls": ("corrupt-file", ERROR),
        "バイナリ.xlsb": ("binary-workbook", ERROR),
        "旧版": ("subfolder-skipped", INFO),
    }
    for name, entry in by_name.items():
        if entry.finding is not None:
            assert entry.finding.file == name
            assert entry.finding.code in g.MESSAGES
    assert "山田 太郎 さん" in by_name["~$行政総務課.xlsx"].finding.message
    assert by_name["~$行政総務課.xlsx"].finding.value == "山田 太郎"
    assert "佐藤 花子 さん" in by_name[".~lock.資産経営課.xlsm#"].finding.message
    assert "資産経営課.xlsm" in by_name[".~lock.資産経営課.xlsm#"].finding.message
    assert "名前を付けて保存" in by_name["情報政策課.xls"].finding.message
    assert "パスワード" in by_name["財政課.xlsx"].finding.message
    assert by_name["説明.pdf"].finding.value == "PDF"
    assert "旧版" in by_name["旧版"].finding.message
    assert _digests(inbox) == before  # nothing was modified
    assert scan_inbox(inbox) == entries  # deterministic


def test_entry_states() -> None:
    def entry(kind: str) -> InboxEntry:
        return InboxEntry(Path("x"), kind)

    assert entry("xlsx").readable and entry("xlsm").readable
    assert not entry("xlsx").rejected and not entry("xlsx").skipped
    assert entry("lock").skipped and entry("ignored").skipped
    assert not entry("lock").rejected and not entry("lock").readable
    for kind in ("legacy-xls", "encrypted", "not-excel", "corrupt-zip", "corrupt-file", "xlsb",
                 "unreadable"):
        assert entry(kind).rejected and not entry(kind).readable and not entry(kind).skipped


def test_unknown_lock_owner_still_says_someone_holds_it(tmp_path: Path) -> None:
    h.lock_file_raw(tmp_path, b"\x00" * 165)
    [entry] = scan_inbox(tmp_path)
    assert entry.kind == "lock" and entry.finding.severity == INFO
    assert "他の利用者" in entry.finding.message


@pytest.mark.parametrize("builder, value", [
    (h.csv_file, "テキスト（CSV など）"),
    (h.docx_like, "Word 文書（.docx）"),
    (h.ods_like, "OpenDocument スプレッドシート（.ods）"),
    (h.plain_zip_of_workbook, "ZIP 圧縮ファイル（中の .xlsx を取り出して提出してください）"),
    (h.ole_word_document, "Word 文書（.doc）"),
])
def test_not_excel_says_what_it_is(tmp_path: Path, builder, value: str) -> None:
    builder(tmp_path)
    [entry] = scan_inbox(tmp_path)
    assert entry.kind == "not-excel"
    assert entry.finding == make("not-excel", ERROR, file=entry.path.name, value=value)


def test_exclude_the_plan_master(tmp_path: Path) -> None:
    plan = h.simple_workbook(tmp_path, g.PLAN_FILE_NAME)
    h.simple_workbook(tmp_path, "行政総務課.xlsx")
    assert [e.path.name for e in scan_inbox(tmp_path, exclude=[plan])] == ["行政総務課.xlsx"]
    # the same file reached by another spelling of its path is excluded too
    other = tmp_path / "." / g.PLAN_FILE_NAME
    assert [e.path.name for e in scan_inbox(tmp_path, exclude=[other])] == ["行政総務課.xlsx"]
    assert len(scan_inbox(tmp_path)) == 2


def test_order_is_stable_across_unicode_normalisation(tmp_path: Path) -> None:
    names = ["b.xlsx", "a.xlsx", unicodedata.normalize("NFD", "ガ課.xlsx"), "カ課.xlsx", "10.xlsx", "9.xlsx"]
    for name in names:
        h.simple_workbook(tmp_path, name)
    listed = [e.path.name for e in scan_inbox(tmp_path)]
    assert listed == sorted(names, key=lambda n: (unicodedata.normalize("NFC", n), n))
    assert listed == [e.path.name for e in scan_inbox(tmp_path)]


def test_missing_inbox(tmp_path: Path) -> None:
    with pytest.raises(GyokakuError) as info:
        scan_inbox(tmp_path / "ない")
    assert str(info.value) == g.FATAL_INBOX_MISSING.format(path=tmp_path / "ない")


def test_a_file_given_as_inbox(tmp_path: Path) -> None:
    with pytest.raises(GyokakuError):
        scan_inbox(h.simple_workbook(tmp_path))


def test_empty_inbox(tmp_path: Path) -> None:
    assert scan_inbox(tmp_path) == []


def test_only_real_appledouble_files_are_clutter(tmp_path: Path) -> None:
    h.simple_workbook(tmp_path, "._本物.xlsx")  # named like clutter, but a workbook
    h.os_junk(tmp_path)
    assert [(e.path.name, e.kind) for e in scan_inbox(tmp_path)] == [("._本物.xlsx", "xlsx")]


def test_every_intake_code_has_a_message() -> None:
    for code in intake._KIND_CODES.values():
        assert code in g.MESSAGES, code
    assert "lock-file-libreoffice" in g.MESSAGES


def test_an_empty_file_says_it_is_empty_and_probably_failed_to_save(tmp_path: Path) -> None:
    h.empty_file(tmp_path)
    [entry] = scan_inbox(tmp_path)
    assert entry.kind == "empty" and entry.finding.code == "empty-file" and entry.finding.severity == ERROR
    assert "0 バイト" in entry.finding.message and "保存かコピーに失敗" in entry.finding.message
    assert "Excel ファイル（.xlsx）ではありません" not in entry.finding.message


def test_a_truncated_workbook_is_explained_in_japanese(tmp_path: Path) -> None:
    h.truncated_zip(tmp_path)
    [entry] = scan_inbox(tmp_path)
    assert entry.finding.code == "corrupt-zip"
    assert "File is not a zip file" not in entry.finding.message
    assert "ZIP 形式として読め" in entry.finding.message

"""OS and library error texts reach users in Japanese (issue 9, point 7)."""

from __future__ import annotations

import errno
import zipfile

import pytest

from gyokaku_xl import text as g
from gyokaku_xl.infra.oserror import library_message, library_text, os_error_text


@pytest.mark.parametrize("number, expected", [
    (errno.ENOENT, g.OS_ERROR_NOT_FOUND),
    (errno.EISDIR, g.OS_ERROR_IS_DIRECTORY),
    (errno.EACCES, g.OS_ERROR_PERMISSION),
    (errno.EPERM, g.OS_ERROR_PERMISSION),
    (errno.ENOSPC, g.OS_ERROR_DISK_FULL),
    (errno.EBUSY, g.OS_ERROR_IN_USE),
    (errno.ETXTBSY, g.OS_ERROR_IN_USE),
])
def test_common_errno_values_are_named_in_japanese(number, expected):
    exc = OSError(number, "English text from the C library")
    assert os_error_text(exc) == expected


def test_windows_sharing_violation_is_file_in_use():
    exc = PermissionError(errno.EACCES, "The process cannot access the file")
    exc.winerror = 32  # what Windows sets when Excel holds the file
    assert os_error_text(exc) == g.OS_ERROR_IN_USE


def test_other_errors_keep_their_text_only_after_a_japanese_sentence():
    text = os_error_text(OSError(errno.ELOOP, "Too many levels of symbolic links"))
    assert text.startswith("OS のエラーです") and "Too many levels" in text


def test_zip_library_texts_are_japanese():
    assert library_message("File is not a zip file") == g.LIBRARY_MESSAGES["File is not a zip file"]
    assert "ZIP" in library_text(zipfile.BadZipFile("File is not a zip file"))
    unknown = library_text(ValueError("weird"))
    assert unknown.startswith("読み込み中に問題が起きました") and "weird" in unknown


def test_no_english_os_text_reaches_a_user_through_the_package():
    """Every place an OSError reaches a user goes through the helper, not exc.strerror."""
    from pathlib import Path
    package = Path(__file__).resolve().parent.parent / "gyokaku_xl"
    offenders = [f"{p.name}:{n}" for p in package.rglob("*.py") if p.name != "oserror.py"
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if "exc.strerror" in line]
    assert offenders == []

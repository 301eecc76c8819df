"""Atomic output: a failed or locked write leaves the old file intact."""

from __future__ import annotations

import pytest

from gyokaku_xl.infra import atomic
from gyokaku_xl.domain.findings import GyokakuError, OutputLockedError


def test_writes_and_replaces(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    atomic.atomic_write(target, lambda tmp: tmp.write_bytes(b"new"))
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_failing_writer_leaves_old_file_and_no_temp(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def boom(tmp):
        tmp.write_bytes(b"half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic.atomic_write(target, boom)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_locked_target_keeps_old_and_saves_beside(tmp_path, lock_output):
    target = tmp_path / "集約結果.xlsx"
    target.write_bytes(b"old")
    lock_output(target)
    with pytest.raises(OutputLockedError) as info:
        atomic.atomic_write(target, lambda tmp: tmp.write_bytes(b"new"))
    assert target.read_bytes() == b"old"
    fallback = tmp_path / "集約結果(2).xlsx"
    assert fallback.read_bytes() == b"new"
    assert info.value.fallback == str(fallback)
    assert "集約結果.xlsx" in str(info.value) and "集約結果(2).xlsx" in str(info.value)


def test_unwritable_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(GyokakuError) as info:
        atomic.atomic_write(blocker / "sub" / "out.xlsx", lambda tmp: tmp.write_bytes(b"x"))
    assert "書き込めません" in str(info.value)

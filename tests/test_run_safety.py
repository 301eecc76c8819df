"""What a run must not get wrong about its own outputs: a failed archive, replaced submissions,
stale return copies, leftovers of killed runs, files open in Excel."""

from __future__ import annotations

import errno
import io
import os
import time
from pathlib import Path

import pytest

import builders
from gyokaku_xl.app import cli
from gyokaku_xl.domain.model import Period
from gyokaku_xl.run import archive
from gyokaku_xl.run.merge import merge
from gyokaku_xl.text import glossary as g

H1 = Period(2021, g.PERIOD_FIRST_HALF)


def run_cli(argv):
    out, err = io.StringIO(), io.StringIO()
    code = cli.main([str(a) for a in argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# --- 8: an archive that could not be written is exit 1 ------------------------------------------
def test_archive_on_a_full_disk_exits_1(tmp_path, plan_path, monkeypatch):
    history = tmp_path / "履歴"
    inbox = builders.build_period_inbox(tmp_path, plan_path, H1)

    def full(src, dst, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(archive.shutil, "copyfile", full)
    code, out, err = run_cli(["merge", inbox, "--plan", plan_path, "-o", tmp_path / "m.xlsx", "-q",
                              "--history", history])
    assert code == 1, (out, err)
    assert (tmp_path / "m.xlsx").is_file()
    assert any(g.OS_ERROR_DISK_FULL in line and "履歴" in line for line in out.splitlines()), out
    assert not [p for p in history.iterdir() if p.suffix == ".xlsx"]


def test_archive_written_is_exit_0(tmp_path, plan_path):
    inbox = builders.build_period_inbox(tmp_path, plan_path, H1)
    outcome = merge(inbox, tmp_path / "m.xlsx", plan_path=plan_path, history_dir=tmp_path / "履歴")
    assert outcome.archive is not None and outcome.exit_code == 0

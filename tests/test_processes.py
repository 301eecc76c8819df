"""Worker processes never outlive the run that started them.

A run lets a finished worker go without waiting (``shutdown(wait=False)``) and the command line then
ends the process at once; a worker still blocked on its task queue would stay behind, holding the
console's pipe open (a caller reading the output waits for ever) and piling up on a PC that runs the
tool every day. Each worker ends itself as soon as its parent is gone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from layering import ROOT

PARENT = """
import json, os, sys
from gyokaku_xl.infra.processes import spawn_pool
pool = spawn_pool(1)
pid = pool.submit(os.getpid).result(timeout=60)
pool.shutdown(wait=False)
print(json.dumps(pid), flush=True)
os._exit(0)
"""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead: it only waits to be reaped
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def test_a_worker_ends_when_its_parent_ends_without_waiting_for_it(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    with open(out, "w", encoding="utf-8") as fh, open(err, "w", encoding="utf-8") as fe:  # not pipes:
        run = subprocess.run([sys.executable, "-c", PARENT], stdout=fh, stderr=fe,  # a stray worker
                             timeout=120, env=env)  # would keep a pipe open, and this wait, for ever
    assert run.returncode == 0, err.read_text(encoding="utf-8")
    pid = json.loads(out.read_text(encoding="utf-8").strip().splitlines()[-1])
    deadline = time.monotonic() + 30
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(pid)

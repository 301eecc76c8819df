"""Benchmark: ``python -m gyokaku_xl merge`` against a naive pandas baseline, in the same run.

Usage::

    python bench/bench_merge.py                  # the inboxes 30 × 60, 300 × 55 and 1,000 × 55
    python bench/bench_merge.py --sizes 30x60    # one inbox
    python bench/bench_merge.py --stages         # also where the time goes, stage by stage
    python bench/bench_merge.py --profile        # also profile merge in-process (cProfile)
    python bench/bench_merge.py --before ../old  # also time another checkout (same run, alternating)

Inboxes are generated once and cached (``bench/.cache`` by default, ``--cache`` to move it):
a plan master is written, each department's form comes from the project's own form writer
(``gyokaku_xl.render.forms.write_form``) and is then filled with openpyxl the way a department
fills it in Excel (``tests/builders.fill_form``): a status from the scale, one to three bullet
lines of progress, next steps, a delay reason where not on track and some fiscal effects.

Both contenders run as child processes, so both include interpreter start-up:

(a) ``python -m gyokaku_xl merge INBOX [--plan P] -o OUT.xlsx`` — validation, consolidation,
    the master workbook with its report and data sheets;
(b) the baseline: a loop of ``pandas.read_excel(engine="openpyxl")`` over the inbox, one
    ``pandas.concat`` and one ``DataFrame.to_excel`` — no validation at all.

Wall time is measured around each child (until the command itself exits); peak memory is the
largest maximum resident set size of the child and its worker processes from ``os.wait4``
(Linux/macOS; per process, not summed), and CPU time is theirs together (user + system: the
reading workers and the process that writes a split 資料1-3 included; on Linux the bench is a
child subreaper, so a worker left to finish its teardown after the command exited is counted too).
The contenders alternate, ``--repeat`` times each; the table shows
medians and the ratio merge / baseline of the medians (same run, same machine load). The load
average before and after is printed: on a shared machine, compare ratios, not seconds; when the
load is above the number of CPUs, wall times mostly measure the share of the CPU a child got, and
the CPU-time ratio is the one to read (it cannot show what a second process gains).

``--stages`` runs merge once more in a child with timers around the real functions (reading, plan,
validation, consolidation, each sheet, the zip) and reports the time spent in Python's cyclic
garbage collector and in text measurement (inside the sheet stages). Above the plan's
「資料1-3を別ブックにする取組数」 (every inbox here from 300 files) 資料1-3 is written by a second
process; its time is then not in 資料1-3 but only in the wait for it, if any.

The 1,000-file inbox is merged *without* a plan master: a plan with 1,000 departments × 55
initiatives (55,000 rows) is beyond the reader's row limit for one sheet (``Limits.max_rows``),
and no real plan is that large; merge then works from the submissions alone, as it does when
``--plan`` is omitted and no plan master is found.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for entry in (ROOT, ROOT / "tests"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from gyokaku_xl import text as g  # noqa: E402
from gyokaku_xl.domain import schema  # noqa: E402
from gyokaku_xl.domain.model import Period, Plan  # noqa: E402

PERIOD = Period(2021, g.PERIOD_FIRST_HALF)
CACHE_VERSION = "1"
TARGETS = {30: 1.0}  # files → seconds (wall, interpreter start included)
MAX_RATIO_FROM = 300  # from this many files: merge ≤ MAX_RATIO × the naive baseline
MAX_RATIO = 0.5
MAX_PEAK_MB = 500.0  # at 1,000 files

PERSPECTIVES = ("民間活力の活用", "行政の効率化", "ICTの活用推進", "財政の健全化", "人材育成と組織力の向上")
SECTIONS = ("行政総務", "資産経営", "情報政策", "財政", "市民協働", "福祉総務", "子育て支援", "環境政策",
            "道路管理", "下水道", "産業振興", "観光", "教育総務", "学校施設", "文化財", "消防総務")
ACTIONS = ("窓口業務の委託", "施設の長寿命化", "RPAの導入", "ペーパーレス化", "使用料の見直し",
           "補助金の見直し", "指定管理者制度の活用", "業務プロセスの見直し", "オンライン申請の拡大",
           "公共施設の再編", "債権回収の強化", "職員研修の充実")
PROGRESS = ("事業者と協議を行い、{x}の実施方針を決定した。", "{x}について庁内検討会議を3回開催した。",
            "{x}の対象業務を洗い出し、効果額を試算した。", "{x}に向けて関係課との調整を進めた。",
            "{x}の試行を開始し、利用者アンケートを実施した。")
NEXT = ("今後は、{x}の本格実施に向けて準備を進める。", "今後は、検証結果を踏まえ{x}の範囲を拡大する。")
DELAY = ("関係機関との調整に時間を要したため。", "感染症対策を優先したため、検討を一時中断した。")


# --- generating inboxes --------------------------------------------------------------------------

@dataclass(frozen=True)
class Size:
    """One benchmark inbox: ``files`` departments × ``rows`` initiatives each."""

    files: int
    rows: int

    @property
    def label(self) -> str:
        """``30x60``."""
        return f"{self.files}x{self.rows}"

    @property
    def with_plan(self) -> bool:
        """Whether merge gets the plan master (see the module docstring)."""
        from gyokaku_xl.domain.limits import DEFAULT_LIMITS

        return self.files * self.rows < DEFAULT_LIMITS.max_rows


def department_name(n: int) -> str:
    """A department name, unique for each ``n``."""
    base = SECTIONS[n % len(SECTIONS)]
    return f"{base}課" if n < len(SECTIONS) else f"{base}第{n // len(SECTIONS) + 1}課"


def plan_tables(size: Size, only: int | None = None) -> dict[str, list[dict[str, object]]]:
    """The plan master's sheets as row dicts: 2 programs per department (``only``: one department)."""
    departments = [department_name(n) for n in range(size.files)]
    programs, initiatives = [], []
    for d, department in enumerate(departments):
        if only is not None and d != only:
            continue
        numbers = [str(2 * d + 1), str(2 * d + 2)]
        for k, number in enumerate(numbers):
            programs.append({"事業番号": number, "取組の視点": (2 * d + k) % len(PERSPECTIVES) + 1,
                             "事業名": f"{department.rstrip('課')}{'改革' if k == 0 else '効率化'}推進事業",
                             "重点": g.MARK_TRUE if (2 * d + k) % 7 == 0 else "",
                             "総括掲載": g.MARK_TRUE if (2 * d + k) % 11 == 0 else "", "所管課": department})
        for i in range(size.rows):
            initiatives.append({"取組番号": f"{d + 1}-{i + 1:02d}", "事業番号": numbers[i * 2 // size.rows],
                                "取組名": f"{ACTIONS[(d + i) % len(ACTIONS)]}（{i + 1}）",
                                "所管課": department})
    return {"perspectives": [{"番号": n + 1, "名称": name} for n, name in enumerate(PERSPECTIVES)],
            "programs": programs, "initiatives": initiatives}


def report_values(plan: Plan, department: str, seed: int) -> dict[str, dict[str, object]]:
    """What a department writes: status, progress, next steps, delay reason, fiscal effect."""
    rnd = random.Random(seed)
    scale = plan.scale
    weights = [30 if s.on_track else 3 for s in scale.statuses]
    rows: dict[str, dict[str, object]] = {}
    for initiative in plan.initiatives_of(department):
        status = rnd.choices(scale.statuses, weights)[0]
        x = initiative.name
        lines = [rnd.choice(PROGRESS).format(x=x) for _ in range(rnd.randint(1, 3))]
        values: dict[str, object] = {"status": status.name,
                                     "progress": "\n".join("・" + line for line in lines),
                                     "next_steps": rnd.choice(NEXT).format(x=x)}
        if not status.on_track:
            values["delay_reason"] = rnd.choice(DELAY)
        if rnd.random() < 0.3:
            values["fiscal_effect"] = rnd.randrange(0, 50_000)
        rows[initiative.id] = values
    return rows


_PLANS: dict[str, Plan] = {}


def _make_form(job: tuple[str, int, str, str, int]) -> None:
    """Write and fill one department's form (runs in a worker process)."""
    plan_path, files, rows, department, target, n = job
    import tempfile

    import builders
    from gyokaku_xl.render.forms import write_form

    if plan_path:  # the whole plan master, read once per worker
        if plan_path not in _PLANS:
            _PLANS[plan_path] = builders.load_plan(Path(plan_path))
        plan = _PLANS[plan_path]
    else:  # too large to read back: a plan master holding just this department's rows
        tables = plan_tables(Size(files, rows), only=n)
        with tempfile.TemporaryDirectory() as tmp:
            plan = builders.load_plan(builders.build_plan(
                Path(tmp), perspectives=tables["perspectives"], programs=tables["programs"],
                initiatives=tables["initiatives"]))
    write_form(target, plan, PERIOD, department)
    builders.fill_form(Path(target), Path(target), report_values(plan, department, n))


def build_inbox(size: Size, cache: Path, workers: int) -> tuple[Path, Path]:
    """Generate (or reuse) the inbox for ``size``; return (inbox, plan master)."""
    import builders
    from gyokaku_xl.render.forms import form_file_name

    base = cache / size.label
    inbox, plan_dir = base / "inbox", base / "plan"
    stamp = base / "READY"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == CACHE_VERSION:
        return inbox, plan_dir / g.PLAN_FILE_NAME
    if base.exists():
        shutil.rmtree(base)
    inbox.mkdir(parents=True)
    plan_dir.mkdir(parents=True)
    tables = plan_tables(size)
    started = time.perf_counter()
    plan_path = builders.build_plan(plan_dir, perspectives=tables["perspectives"],
                                    programs=tables["programs"], initiatives=tables["initiatives"])
    departments = [department_name(n) for n in range(size.files)]
    readable = str(plan_path) if size.with_plan else ""
    jobs = [(readable, size.files, size.rows, d, str(inbox / form_file_name(d, PERIOD)), n)
            for n, d in enumerate(departments)]
    print(f"[{size.label}] 受付フォルダを生成中（{len(jobs)} ファイル）…", flush=True)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for n, _ in enumerate(pool.map(_make_form, jobs, chunksize=8), start=1):
            if n % 100 == 0:
                print(f"  {n}/{len(jobs)}", flush=True)
    stamp.write_text(CACHE_VERSION, encoding="utf-8")
    print(f"[{size.label}] 生成 {time.perf_counter() - started:.1f} 秒", flush=True)
    return inbox, plan_path


# --- running the contenders ----------------------------------------------------------------------

@dataclass
class Run:
    """One child process: wall seconds, peak RSS in MB (None when unknown) and exit status."""

    seconds: float
    peak_mb: float | None
    returncode: int
    output: str
    cpu: float | None = None  # user + system seconds of the child and the processes it waited for


def _become_subreaper() -> bool:
    """Linux: processes orphaned below this one are re-parented here (so their CPU is counted)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes
        return ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


SUBREAPER = _become_subreaper()


def _reap_orphans() -> list:
    """Wait for the command's orphaned descendants (e.g. a worker left to finish its teardown)."""
    usages = []
    while SUBREAPER:
        try:
            _pid, _status, usage = os.wait4(-1, 0)
        except ChildProcessError:
            break
        usages.append(usage)
    return usages


def run_child(argv: list[str], source: Path = ROOT) -> Run:
    """Run ``argv`` (the package imported from ``source``); wall time around it and its own peak
    memory via ``os.wait4``."""
    started = time.perf_counter()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    if source != ROOT:
        env["PYTHONPATH"] = str(source)
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=source, env=env)
    out = proc.stdout.read() if proc.stdout else b""
    peak = None
    if hasattr(os, "wait4"):
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KB on Linux
        peak = usage.ru_maxrss * 1024 / scale / 1024
        cpu = usage.ru_utime + usage.ru_stime
        for orphan in _reap_orphans():  # workers the command did not wait for (their teardown)
            peak = max(peak, orphan.ru_maxrss * 1024 / scale / 1024)
            cpu += orphan.ru_utime + orphan.ru_stime
    else:
        proc.wait()
        seconds = time.perf_counter() - started
        cpu = None
    return Run(seconds, peak, proc.returncode, out.decode("utf-8", errors="replace"), cpu)


def merge_argv(inbox: Path, plan: Path | None, output: Path) -> list[str]:
    """The CLI command under test."""
    argv = [sys.executable, "-m", "gyokaku_xl", "merge", str(inbox), "-o", str(output)]
    if plan is not None:
        argv += ["--plan", str(plan)]
    return argv


def baseline_argv(inbox: Path, output: Path) -> list[str]:
    """The naive pandas baseline, run as a child like merge."""
    return [sys.executable, str(Path(__file__).resolve()), "--baseline-child", str(inbox), str(output)]


def naive_baseline(inbox: Path, output: Path) -> int:
    """Loop of pandas.read_excel(engine="openpyxl") + concat + to_excel; returns rows written."""
    import pandas as pd

    frames = []
    for path in sorted(inbox.glob("*.xlsx")):
        frame = pd.read_excel(path, sheet_name=g.FORM_SHEET, header=schema.HEADER_ROW, engine="openpyxl")
        frame["提出ファイル"] = path.name
        frames.append(frame)
    merged = pd.concat(frames, ignore_index=True)
    merged.to_excel(output, index=False)
    return len(merged)


def median(values: list[float]) -> float:
    """The median of ``values``."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def load_average() -> str:
    """The 1/5/15-minute load average, or ``-``."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "-"


def bench(size: Size, cache: Path, repeat: int, workers: int, baseline: bool,
          before: Path | None = None) -> dict[str, object]:
    """Time the contenders on one inbox, alternating, ``repeat`` times each (``before``: another
    checkout of the project whose merge is timed too, e.g. the previous release)."""
    inbox, plan = build_inbox(size, cache, workers)
    out_dir = cache / size.label / "out"
    out_dir.mkdir(exist_ok=True)
    merge_runs, base_runs, before_runs = [], [], []
    load_before = load_average()
    plan_arg = plan if size.with_plan else None
    for _ in range(repeat):
        merge_runs.append(_checked(run_child(merge_argv(inbox, plan_arg, out_dir / "集約結果.xlsx")),
                                   f"merge（{size.label}）"))
        if before is not None:
            before_runs.append(_checked(run_child(merge_argv(inbox, plan_arg, out_dir / "before.xlsx"), before),
                                        f"変更前の merge（{size.label}）"))
        if baseline:
            base_runs.append(_checked(run_child(baseline_argv(inbox, out_dir / "baseline.xlsx")), "baseline"))
    return {"size": size, "merge_runs": merge_runs, "base_runs": base_runs, "before_runs": before_runs,
            "load": f"{load_before} → {load_average()}",
            "summary": merge_runs[-1].output.strip().splitlines()}


def _checked(run: Run, what: str) -> Run:
    """``run``, or the end of the bench with its output when it failed."""
    if run.returncode != 0:
        print(run.output)
        raise SystemExit(f"{what} が終了コード {run.returncode} で終わりました")
    return run


def _stats(runs: list[Run]) -> tuple[float | None, float | None, float | None]:
    """Median wall seconds, median CPU seconds and the largest peak MB of ``runs`` (None: unknown)."""
    if not runs:
        return None, None, None
    cpu = [x.cpu for x in runs if x.cpu is not None]
    return (median([x.seconds for x in runs]), median(cpu) if cpu else None,
            max((x.peak_mb for x in runs if x.peak_mb is not None), default=None))


def _mb(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def print_table(results: list[dict[str, object]]) -> None:
    """Medians, same-run ratios and whether each target is met."""
    header = f"{'inbox':>9} {'rows':>6} {'plan':>4} {'merge s':>8} {'naive s':>8} " \
             f"{'m/naive':>7} {'cpu m':>7} {'cpu n':>7} {'cpu m/n':>7} {'merge MB':>9} {'naive MB':>8}  targets"
    print(header)
    print("-" * len(header))
    for r in results:
        size: Size = r["size"]  # type: ignore[assignment]
        m, m_cpu, m_mb = _stats(r["merge_runs"])  # type: ignore[arg-type]
        b, b_cpu, b_mb = _stats(r["base_runs"])  # type: ignore[arg-type]
        assert m is not None
        ratio = m / b if b else None
        cpu_ratio = m_cpu / b_cpu if m_cpu and b_cpu else None
        verdicts = []
        target = TARGETS.get(size.files)
        if target is not None:
            verdicts.append(f"<={target:g}s {'OK' if m <= target else 'MISS'}")
        if size.files >= MAX_RATIO_FROM and ratio is not None:
            verdicts.append(f"<={MAX_RATIO:g}x {'OK' if ratio <= MAX_RATIO else 'MISS'}")
        if size.files >= 1000 and m_mb is not None:
            verdicts.append(f"<={MAX_PEAK_MB:g}MB {'OK' if m_mb <= MAX_PEAK_MB else 'MISS'}")

        def f2(x: float | None) -> str:
            return "-" if x is None else f"{x:.2f}"
        print(f"{size.label:>9} {size.files * size.rows:>6} {'yes' if size.with_plan else 'no':>4} "
              f"{m:>8.2f} {f2(b):>8} {f2(ratio):>7} {f2(m_cpu):>7} {f2(b_cpu):>7} {f2(cpu_ratio):>7} "
              f"{_mb(m_mb):>9} {_mb(b_mb):>8}  {' '.join(verdicts)}")
    for r in results:
        runs = ", ".join(f"{x.seconds:.2f}" for x in r["merge_runs"])  # type: ignore[union-attr]
        base = ", ".join(f"{x.seconds:.2f}" for x in r["base_runs"])  # type: ignore[union-attr]
        print(f"{r['size'].label}: merge [{runs}] naive [{base}] load {r['load']}")  # type: ignore[union-attr]
    for r in results:
        b_runs: list[Run] = r["before_runs"]  # type: ignore[assignment]
        if b_runs:
            m = _stats(r["merge_runs"])[0]  # type: ignore[arg-type]
            b, b_cpu, b_mb = _stats(b_runs)
            assert m is not None and b is not None
            print(f"{r['size'].label}: before [{', '.join(f'{x.seconds:.2f}' for x in b_runs)}] median "  # type: ignore[union-attr]
                  f"{b:.2f} s, cpu {'-' if b_cpu is None else f'{b_cpu:.2f}'} s, peak {_mb(b_mb)} MB; "
                  f"merge / before {m / b:.2f} ({b / m:.2f}x faster)")


# --- stages ----------------------------------------------------------------------------------------

#: (label, module, attribute): the real functions timed by ``--stages``, in pipeline order.
STAGES = (
    ("plan master", "gyokaku_xl.run.inbox", "load_plan"),
    ("reading", "gyokaku_xl.reading.parallel", "InboxReader._take"),
    ("plan from forms", "gyokaku_xl.run.inbox", "plan_from_forms"),
    ("validation", "gyokaku_xl.run.inbox", "validate_file"),
    ("consolidation", "gyokaku_xl.run.inbox", "consolidate"),
    ("資料1-1 content", "gyokaku_xl.core.content", "build_summary"),
    ("movement content", "gyokaku_xl.core.content", "build_movement"),
    ("資料1-1", "gyokaku_xl.render.reports", "write_summary_sheet"),
    ("資料1-2", "gyokaku_xl.render.reports", "write_list_sheet"),
    ("資料1-3", "gyokaku_xl.render.reports", "write_by_program_sheet"),
    ("集約データ", "gyokaku_xl.render.master", "add_data_sheet"),
    ("検証結果", "gyokaku_xl.render.master", "add_findings_sheet"),
    ("提出状況", "gyokaku_xl.render.master", "add_submissions_sheet"),
    ("xml + zip (close)", "xlsxwriter.workbook", "Workbook.close"),
    ("wait for 資料1-3 book", "gyokaku_xl.run.split", "SplitBook.wait"),
)
#: Timed inside the stages above (not added to the total).
INSIDE = (
    ("text measurement", "gyokaku_xl.render.styles", "wrapped_line_count"),
)


def _pad(label: str, width: int) -> str:
    """``label`` padded to ``width`` columns (wide characters count two)."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in label)
    return label + " " * max(0, width - used)


def _timed(totals: dict[str, float], label: str, func):
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            totals[label] = totals.get(label, 0.0) + time.perf_counter() - started
    return wrapper


def _patch(totals: dict[str, float], label: str, module: str, attribute: str) -> None:
    import importlib

    target = importlib.import_module(module)
    owner_name, _, name = attribute.rpartition(".")
    owner = getattr(target, owner_name) if owner_name else target
    setattr(owner, name, _timed(totals, label, getattr(owner, name)))


def stages_child(argv: list[str]) -> int:
    """Run the CLI's merge in this process with timers; print the stages as JSON."""
    import gc
    import json

    started = time.perf_counter()
    totals: dict[str, float] = {}
    for label, module, attribute in STAGES + INSIDE:
        _patch(totals, label, module, attribute)
    gc_time = [0.0, 0.0]

    def on_gc(phase: str, _info: dict) -> None:
        if phase == "start":
            gc_time[1] = time.perf_counter()
        else:
            gc_time[0] += time.perf_counter() - gc_time[1]
    gc.callbacks.append(on_gc)
    gc.disable()  # as `python -m gyokaku_xl` does (its process ends right after the command)
    from gyokaku_xl.app.cli import main as cli_main

    imported = time.perf_counter() - started
    code = cli_main(argv, out=open(os.devnull, "w", encoding="utf-8"))
    total = time.perf_counter() - started
    gc.callbacks.remove(on_gc)
    print(json.dumps({"code": code, "total": total, "imports": imported, "stages": totals,
                      "gc": gc_time[0]}, ensure_ascii=False), flush=True)
    os._exit(0)  # as the command does: no teardown, no waiting for a worker's own teardown


def run_stages(size: Size, cache: Path, workers: int) -> None:
    """Where merge spends its time on one inbox (one child run with timers)."""
    import json

    inbox, plan = build_inbox(size, cache, workers)
    out = cache / size.label / "out" / "stages.xlsx"
    out.parent.mkdir(exist_ok=True)
    argv = ["merge", str(inbox), "-o", str(out), "--quiet"]
    if size.with_plan:
        argv += ["--plan", str(plan)]
    run = run_child([sys.executable, str(Path(__file__).resolve()), "--stages-child", *argv])
    data = json.loads(run.output.strip().splitlines()[-1])
    print(f"\n=== stages: merge {size.label} (wall {run.seconds:.2f} s incl. interpreter start and exit, "
          f"peak {_mb(run.peak_mb)} MB, load {load_average()}) ===")
    print(f"  {_pad('imports', 26)} {data['imports']:>7.2f} s")
    covered = data["imports"]
    for label, _module, _attribute in STAGES:
        seconds = data["stages"].get(label)
        if seconds is not None:
            covered += seconds
            print(f"  {_pad(label, 26)} {seconds:>7.2f} s")
    print(f"  {_pad('other', 26)} {data['total'] - covered:>7.2f} s")
    print(f"  {_pad('in process', 26)} {data['total']:>7.2f} s  (exit and interpreter start: "
          f"{run.seconds - data['total']:.2f} s)")
    for label, _module, _attribute in INSIDE:
        print(f"  {_pad('inside: ' + label, 26)} {data['stages'].get(label, 0.0):>7.2f} s")
    print(f"  {_pad('inside: cyclic GC', 26)} {data['gc']:>7.2f} s")


def profile_merge(size: Size, cache: Path, workers: int, top: int = 25) -> None:
    """Run merge in-process under cProfile and print where the time goes."""
    import cProfile
    import pstats

    from gyokaku_xl.run.merge import merge

    inbox, plan = build_inbox(size, cache, workers)
    out = cache / size.label / "out" / "profiled.xlsx"
    out.parent.mkdir(exist_ok=True)
    profiler = cProfile.Profile()
    profiler.enable()
    merge(inbox, out, plan_path=plan if size.with_plan else None)
    profiler.disable()
    stats = pstats.Stats(profiler)
    print(f"\n=== profile: merge {size.label} (cumulative) ===")
    stats.sort_stats("cumulative").print_stats(top)
    print(f"=== profile: merge {size.label} (own time) ===")
    stats.sort_stats("tottime").print_stats(top)


def parse_sizes(text: str) -> list[Size]:
    """``30x60,1000x55`` → sizes."""
    sizes = []
    for part in text.split(","):
        files, rows = part.lower().split("x")
        sizes.append(Size(int(files), int(rows)))
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--sizes", default="30x60,300x55,1000x55", help="inboxes as FILESxROWS, comma-separated")
    args.add_argument("--cache", type=Path, default=ROOT / "bench" / ".cache", help="where inboxes are kept")
    args.add_argument("--repeat", type=int, default=3, help="runs per contender (the median is reported)")
    args.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes for generation")
    args.add_argument("--no-baseline", action="store_true", help="time merge only")
    args.add_argument("--before", type=Path, help="another checkout of the project to time alongside "
                      "(e.g. a `git worktree` of the previous release)")
    args.add_argument("--stages", action="store_true", help="also time merge stage by stage")
    args.add_argument("--profile", action="store_true", help="also profile merge in-process")
    args.add_argument("--baseline-child", nargs=2, metavar=("INBOX", "OUT"), help=argparse.SUPPRESS)
    args.add_argument("--stages-child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    ns = args.parse_args(argv)
    if ns.stages_child:
        return stages_child(ns.stages_child)
    if ns.baseline_child:
        rows = naive_baseline(Path(ns.baseline_child[0]), Path(ns.baseline_child[1]))
        print(f"baseline rows {rows}")
        return 0
    ns.repeat = max(1, ns.repeat)
    sizes = parse_sizes(ns.sizes)
    for size in sizes:  # generate first, so generation never overlaps a timed run
        build_inbox(size, ns.cache, ns.workers)
    results = [bench(size, ns.cache, ns.repeat, ns.workers, not ns.no_baseline, ns.before) for size in sizes]
    print()
    print(f"Python {sys.version.split()[0]} on {os.cpu_count()} CPU(s); load average {load_average()}")
    print_table(results)
    for r in results:
        print(f"\n{r['size'].label} merge summary:")  # type: ignore[union-attr]
        for line in r["summary"]:  # type: ignore[union-attr]
            print(f"  {line}")
    if ns.stages:
        for size in sizes:
            run_stages(size, ns.cache, ns.workers)
    if ns.profile:
        for size in sizes:
            profile_merge(size, ns.cache, ns.workers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Build a ``wheelhouse`` folder for installing gyokaku_xl on Windows PCs without internet (LGWAN).

Run on a PC that reaches the package index (any OS, Python 3.11 or later)::

    python scripts/make_wheelhouse.py            # → wheelhouse/ beside this repository's pyproject.toml
    python scripts/make_wheelhouse.py --dry-run  # print the commands only

It builds the gyokaku_xl wheel, downloads every dependency of ``gyokaku_xl[excel]`` as Windows
wheels (``pip download --platform win_amd64 --only-binary=:all:``) for each supported Python
version, pywin32 included (pip evaluates ``sys_platform`` markers for the PC it runs on, not the
target, so the Windows-only packages are named explicitly), and then proves the folder is complete:
for each version, ``pip install --dry-run --no-index --find-links wheelhouse "gyokaku_xl[excel]"``
for win_amd64 must resolve without the index. Copy the folder to the office PC and run there::

    python -m pip install --no-index --find-links wheelhouse "gyokaku_xl[excel]"

The project's own name is never looked up on the index: its wheel comes from this checkout.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLATFORM = "win_amd64"
#: Python versions the wheelhouse serves: those the button can use (xlwings 0.37.8 requires >= 3.11).
PYTHON_VERSIONS = ("3.11", "3.12", "3.13", "3.14")
#: Needed on Windows only, so not resolved from markers on another OS: xlwings drives Excel with it.
WINDOWS_ONLY = ("pywin32>=306",)
EXTRA = "excel"
INSTALL_NOTE = "インストール方法.txt"


def project_metadata(root: Path = ROOT) -> tuple[str, str, list[str]]:
    """(name, version, requirements of ``name[excel]`` without markers) from ``pyproject.toml``."""
    import tomllib

    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project.get("dependencies", []), *project.get("optional-dependencies", {}).get(EXTRA, [])]
    plain = []
    for requirement in requirements:
        text, _, marker = requirement.partition(";")
        if marker and "win32" not in marker and "Windows" not in marker:
            continue  # a marker for another platform: not for Windows PCs
        plain.append(text.strip())
    version = project.get("version") or _package_version(root)
    return project["name"], version, plain


def _package_version(root: Path) -> str:
    """``__version__`` of the package (pyproject's version is dynamic and read from there)."""
    text = (root / "gyokaku_xl" / "domain" / "version.py").read_text(encoding="utf-8")
    match = re.search(r"^__version__\s*=\s*[\"']([^\"']+)[\"']", text, re.M)
    if match is None:
        raise SystemExit("gyokaku_xl/domain/version.py に __version__ がありません。")
    return match.group(1)


def requirements_for_windows(root: Path = ROOT) -> list[str]:
    """Every requirement the office PC needs, Windows-only ones included, without duplicates."""
    _name, _version, requirements = project_metadata(root)
    names = {re.split(r"[<>=!~\[ ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}
    extra = [r for r in WINDOWS_ONLY if re.split(r"[<>=!~\[ ]", r, maxsplit=1)[0].lower() not in names]
    return [*requirements, *extra]


def plan(out: Path, *, root: Path = ROOT, python: str = sys.executable,
         versions: tuple[str, ...] = PYTHON_VERSIONS) -> list[list[str]]:
    """The commands, in order: build the project wheel, download per version, check per version."""
    name, _version, _ = project_metadata(root)
    pip = [python, "-m", "pip"]
    commands = [[*pip, "wheel", "--no-deps", "--wheel-dir", str(out), str(root)]]
    target = ["--platform", PLATFORM, "--implementation", "cp", "--only-binary=:all:"]
    for version in versions:
        commands.append([*pip, "download", "--dest", str(out), *target, "--python-version", version,
                         *requirements_for_windows(root)])
    # The check: the folder alone resolves. --ignore-requires-python because pip compares a wheel's
    # Requires-Python with the Python running pip, not with --python-version; the wheels' cpXY tags
    # already select the version.
    for version in versions:
        commands.append([*pip, "install", "--dry-run", "--ignore-installed", "--ignore-requires-python",
                         "--no-index", "--find-links", str(out),
                         *target, "--python-version", version, "--target", str(out / ".check"),
                         f"{name}[{EXTRA}]", *WINDOWS_ONLY])
    return commands


def install_note(name: str) -> str:
    """The text left in the wheelhouse for the office PC."""
    return (
        "gyokaku_xl をインターネットにつながらない Windows のパソコンに入れる方法\r\n\r\n"
        "1. この wheelhouse フォルダをパソコンにコピーします（例 C:\\tools\\wheelhouse）。\r\n"
        "2. python.org の Python（3.11〜3.14、64 ビット）を入れます。\r\n"
        "3. コマンド プロンプトで、wheelhouse のある場所に移動して次を実行します。\r\n\r\n"
        "   cd /d C:\\tools\r\n"
        f"   python -m pip install --no-index --find-links wheelhouse \"{name}[{EXTRA}]\"\r\n\r\n"
        "4. python -m gyokaku_xl doctor で確かめます。\r\n"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the plan (or print it with ``--dry-run``); 0 when the wheelhouse resolves offline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "wheelhouse", help="出力先フォルダ（既定: wheelhouse）")
    parser.add_argument("--python-version", action="append", dest="versions",
                        help="対象の Python の版（複数指定可。既定: " + "・".join(PYTHON_VERSIONS) + "）")
    parser.add_argument("--dry-run", action="store_true", help="コマンドを表示するだけで実行しない")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    commands = plan(out, versions=tuple(args.versions or PYTHON_VERSIONS))
    if args.dry_run:
        for command in commands:
            print(subprocess.list2cmdline(command))
        return 0
    out.mkdir(parents=True, exist_ok=True)
    for command in commands:
        print("+ " + subprocess.list2cmdline(command), flush=True)
        if subprocess.run(command).returncode != 0:
            print(f"失敗しました: {subprocess.list2cmdline(command)}", file=sys.stderr)
            return 1
    name, _version, _ = project_metadata()
    (out / INSTALL_NOTE).write_text(install_note(name), encoding="utf-8-sig")
    wheels = sorted(p.name for p in out.glob("*.whl"))
    print(f"{len(wheels)} 個の wheel を {out} に用意しました（Windows 64 ビット、Python "
          + "・".join(args.versions or PYTHON_VERSIONS) + "）。")
    return 0


if __name__ == "__main__":
    sys.exit(main())

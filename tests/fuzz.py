"""Seeded mutants of a valid department form, and the check that a run survives them.

:func:`mutants` turns the bytes of one valid form into a stream of damaged copies, deterministically
for a seed: bytes overwritten or cut off, XML parts edited (slices deleted or repeated, hostile
snippets inserted, cell values replaced by extreme ones, attributes changed), parts renamed or
left out. :func:`run_batch` puts a batch of mutants beside valid forms of the other departments and
runs the whole pipeline (reader, validator, consolidation and master writer) into a temporary
folder; :class:`BatchResult` tells which mutants were handled — named by a finding or merged —
and whether the other departments' rows were all merged anyway.

Used by ``tests/test_fuzz.py`` (a few seconds in CI) and by ``bench/fuzz_campaign.py`` (thousands
of mutants, outside the test suite).
"""

from __future__ import annotations

import io
import random
import re
import shutil
import traceback
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

#: Values a department (or an attacker) might put in a cell.
HOSTILE_VALUES = (
    "", " ", "　", "0", "-1", "-0", "1.5", "1E+308", "1.7976931348623157E+309", "NaN", "INF", "-INF",
    "9" * 16, "9" * 400, "9" * 5001, "１，２００", "1,20", "0x10", "=1+1", "=HYPERLINK(\"http://x\")",
    "+cmd|' /C calc'!A0", "@SUM(A1)", "http://example.com/", "\u202e逆順", "&lt;&gt;&amp;", "\x01\x02",
    "あ" * 40000, "順調", "済", "概ね順調", "遅れ", "1-01", "9-99", "令和99年度", "下半期", "TRUE",
)

#: Amounts around every edge a number can have.
AMOUNT_VALUES = ("0", "1", "-1", "1.5", "999999999999999", "1000000000000000", "9" * 16, "9" * 309,
                 "1" + "0" * 310, "9" * 5001, "1E+308", "1.7E+308", "1.7976931348623157E+308",
                 "1E+309", "-1E+308", "NaN", "INF", "4.9E-324", "１，２００", "1,200", "1,20", "0x10",
                 " 12 ", "=1+1")

#: Pieces of markup inserted at random places.
HOSTILE_SNIPPETS = (
    b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", b"&a;", b"<![CDATA[x]]>", b"]]>", b"<", b">", b"&", b"\"",
    b"<c r=\"XFD1048576\"><v>1</v></c>", b"<row r=\"1048576\"/>", b"<row r=\"x\"/>", b"<c r=\"a10\"/>",
    b"<c t=\"s\"><v>99999</v></c>", b"<c t=\"e\"><v>#DIV/0!</v></c>", b"<c t=\"b\"><v>1</v></c>",
    b"<c t=\"inlineStr\"><is><r><t>x</t></r></is></c>", b"<f>SUM(A1:A2)</f>", b"<v>1e309</v>",
    b"<dimension ref=\"A1:XFD1048576\"/>", b"\x00", b"\xff\xfe", b"\xed\xa0\x80", b"<x>" * 80,
    b" xmlns=\"urn:other\"", b"<sheet name=\"\" r:id=\"rId99\"/>", b"<v>" + b"9" * 5001 + b"</v>",
)



def mutate(data: bytes, rnd: random.Random) -> tuple[bytes, str]:
    """One damaged copy of the workbook ``data`` and a short description of the damage."""
    kind = rnd.choice(("bytes", "truncate", "xml", "xml", "xml", "value", "value", "value", "value",
                       "parts"))
    if kind == "bytes":
        buf = bytearray(data)
        for _ in range(rnd.randint(1, 8)):
            buf[rnd.randrange(len(buf))] = rnd.randrange(256)
        return bytes(buf), "bytes"
    if kind == "truncate":
        return data[:rnd.randrange(len(data))], "truncate"
    parts = _parts(data)
    if kind == "parts":
        return _mutate_parts(parts, rnd)
    name = _pick_part(parts, rnd, prefer_sheet=kind == "value")
    body = parts[name]
    if kind == "value":
        body, what = _replace_value(body, rnd)
    else:
        body, what = _edit_xml(body, rnd)
    parts[name] = body
    return _pack(parts), f"{kind}:{name}:{what}"


def mutants(data: bytes, seed: int, count: int) -> Iterator[tuple[bytes, str]]:
    """``count`` mutants of ``data``, the same ones for the same seed."""
    rnd = random.Random(seed)
    for _ in range(count):
        mutant, what = mutate(data, rnd)
        if rnd.random() < 0.25:  # now and then a second damage on top
            try:
                mutant, more = mutate(mutant, rnd)
                what += "+" + more
            except Exception:  # noqa: BLE001 - the first damage left no zip to edit
                pass
        yield mutant, what


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def _pack(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    return out.getvalue()


def _pick_part(parts: dict[str, bytes], rnd: random.Random, prefer_sheet: bool) -> str:
    names = sorted(parts)
    sheets = [n for n in names if n.startswith("xl/worksheets/")]
    if sheets and (prefer_sheet or rnd.random() < 0.5):
        return sheets[0] if rnd.random() < 0.8 else rnd.choice(sheets)
    return rnd.choice(names)


def _edit_xml(body: bytes, rnd: random.Random) -> tuple[bytes, str]:
    if not body:
        return rnd.choice(HOSTILE_SNIPPETS), "fill"
    op = rnd.choice(("delete", "repeat", "insert", "insert", "attribute"))
    a = rnd.randrange(len(body))
    b = min(len(body), a + rnd.choice((1, 4, 16, 64, 512)))
    if op == "delete":
        return body[:a] + body[b:], op
    if op == "repeat":
        return body[:b] + body[a:b] * rnd.choice((2, 10, 1000)) + body[b:], op
    if op == "insert":
        return body[:a] + rnd.choice(HOSTILE_SNIPPETS) + body[a:], op
    quote = body.find(b'="', a)
    if quote < 0:
        return body, "attribute-none"
    end = body.find(b'"', quote + 2)
    if end < 0:
        return body, "attribute-none"
    value = rnd.choice((b"", b"0", b"-1", b"a10", b"XFD1048576", b"99999999999", b"s", b"inlineStr",
                        b"rId99", b"../../../etc/passwd", b"/xl/worksheets/sheet9.xml"))
    return body[:quote + 2] + value + body[end:], "attribute"


_ROW = re.compile(rb'<row r="(\d+)"[^>]*>')
_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?(?:/>|>.*?</c>)', re.S)
#: The columns a department fills in (進捗状況 … 備考) and the prefilled ones, in the official layout.
_COLUMNS = b"FGHIJK", b"ABCDE"


def _replace_value(body: bytes, rnd: random.Random) -> tuple[bytes, str]:
    """Put a hostile value into a cell of a data row (an input column, mostly), as number or text."""
    rows = [m for m in _ROW.finditer(body) if int(m.group(1)) > 9]  # below the header row
    if not rows:
        return body, "value-none"
    row = rnd.choice(rows)
    number = row.group(1)
    pick = rnd.random()
    if pick < 0.35:
        column, value = b"J", rnd.choice(AMOUNT_VALUES)  # 財政効果額, where numbers matter most
    else:
        columns = _COLUMNS[0] if pick < 0.85 else _COLUMNS[1]
        column, value = bytes([rnd.choice(columns)]), rnd.choice(HOSTILE_VALUES)
    text = value.replace("&", "&amp;").replace("<", "&lt;").encode("utf-8", "surrogatepass")
    ref = column + number
    if rnd.random() < 0.5 and value and all(ch in "0123456789.E+-INFa" for ch in value):
        cell = b'<c r="' + ref + b'"><v>' + text + b"</v></c>"
    else:
        cell = b'<c r="' + ref + b'" t="inlineStr"><is><t>' + text + b"</t></is></c>"
    end = body.find(b"</row>", row.end())
    segment = body[row.end():end]
    existing = [m for m in _CELL.finditer(segment) if m.group(1) + m.group(2) == ref]
    if existing:
        m = existing[0]
        segment = segment[:m.start()] + cell + segment[m.end():]
    else:
        segment += cell
    return body[:row.end()] + segment + body[end:], f"value {ref.decode()}={value[:12]!r}"


def _all(body: bytes, tag: bytes) -> list[int]:
    found, pos = [], body.find(tag)
    while pos >= 0 and len(found) < 5000:
        found.append(pos)
        pos = body.find(tag, pos + 1)
    return found


def _mutate_parts(parts: dict[str, bytes], rnd: random.Random) -> tuple[bytes, str]:
    name = rnd.choice(sorted(parts))
    op = rnd.choice(("drop", "rename-case", "empty", "duplicate-case"))
    if op == "drop":
        del parts[name]
    elif op == "rename-case":
        parts[name.swapcase()] = parts.pop(name)
    elif op == "empty":
        parts[name] = b""
    else:
        parts[name.upper()] = parts[name]
    return _pack(parts), f"parts:{op}:{name}"


# --- running mutants through the pipeline -----------------------------------------------------------
@dataclass
class BatchResult:
    """What one run over a batch of mutants showed."""

    handled: list[str] = field(default_factory=list)  # mutant files named by a finding or merged
    unhandled: list[str] = field(default_factory=list)  # mutant files the run passed over silently
    crash: str = ""  # the traceback when the run raised
    others_merged: bool = True  # every row of the valid forms beside the mutants was merged
    reconciles: bool = True
    python_text: list[str] = field(default_factory=list)  # messages showing Python's own words

    @property
    def ok(self) -> bool:
        """Nothing crashed, nothing passed over, nothing lost, nothing in Python's words."""
        return not (self.crash or self.unhandled or self.python_text) and self.others_merged \
            and self.reconciles


#: Python's words that must never reach a department (exception names, zipfile's repr, tracebacks).
PYTHON_TEXT = re.compile(r"[A-Z][a-z]+(Error|Exception)\b|ZipInfo|Traceback|[Ee]ncrypted|"
                         r"\b(is not|cannot|invalid|not found|Errno)\b")


def run_batch(folder: Path, good_forms: dict[str, Path], mutant_bytes: list[bytes], plan_path: Path,
              period, mutant_stem: str) -> BatchResult:
    """Merge the valid forms (所管課 → path) plus the mutants (``<mutant_stem>_mNNN.xlsx``) in ``folder``."""
    from gyokaku_xl.run.merge import merge

    inbox = folder / "inbox"
    if inbox.exists():
        shutil.rmtree(inbox)
    inbox.mkdir(parents=True)
    good_departments = list(good_forms)
    for path in good_forms.values():
        shutil.copy(path, inbox / path.name)
    names = []
    for n, data in enumerate(mutant_bytes):
        name = f"{mutant_stem}_m{n:03d}.xlsx"
        (inbox / name).write_bytes(data)
        names.append(name)
    result = BatchResult()
    try:
        outcome = merge(inbox, folder / "集約結果.xlsx", plan_path=plan_path, period=period)
    except Exception:  # noqa: BLE001 - the point: report any exception as a failure
        result.crash = traceback.format_exc()
        result.unhandled = names
        return result
    named = {f.file for f in outcome.result.findings} | {r.source.file for r in outcome.result.records}
    for name in names:
        (result.handled if name in named else result.unhandled).append(name)
    mutant_names = set(names)
    # the value seen is the department's own text; the rest of the message is ours
    result.python_text = [f"{f.file}: {f.message}" for f in outcome.result.findings
                          if f.file in mutant_names and PYTHON_TEXT.search(f.message.replace(f.value, ""))]
    # every initiative of the departments whose valid form is beside the mutants is merged
    plan = outcome.result.plan
    merged = {r.initiative.id for r in outcome.result.records}
    result.others_merged = all(i.id in merged for d in good_departments for i in plan.initiatives_of(d))
    result.reconciles = outcome.result.tally.reconciles and outcome.output is not None \
        and outcome.output.exists()
    return result

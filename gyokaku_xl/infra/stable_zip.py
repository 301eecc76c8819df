"""Same content, same bytes: an OOXML package saved by a library that stamps the time of saving
(openpyxl writes the ZIP entries' times and ``dcterms:modified`` as "now") is rewritten with fixed
entry times and a given saved time."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

#: The earliest time a ZIP entry can hold: every entry gets it.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"<dcterms:modified\b[^>]*>[^<]*</dcterms:modified>")


def stabilise_package(path: Path, modified: str = "") -> None:
    """Rewrite the package at ``path`` in place: entries in their order with :data:`ZIP_EPOCH`
    times, and ``dcterms:modified`` set to ``modified`` (W3CDTF, e.g. ``2021-10-01T09:00:00Z``)
    or left out when ''."""
    with zipfile.ZipFile(path) as zf:
        entries = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                stamp = (b'<dcterms:modified xsi:type="dcterms:W3CDTF">' + modified.encode("ascii")
                         + b"</dcterms:modified>") if modified else b""
                data = _MODIFIED.sub(lambda _m: stamp, data, count=1)
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            zf.writestr(fixed, data)

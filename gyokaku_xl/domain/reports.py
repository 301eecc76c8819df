"""What was learned about one input file and each of its rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gyokaku_xl.domain.findings import Finding
from gyokaku_xl.domain.form import FormData, FormRow


@dataclass
class RowReport:
    """One data row of a form with its findings and whether it is left out of the master."""

    row: FormRow
    findings: list[Finding]
    excluded: bool
    initiative_id: str | None = None


@dataclass
class FileReport:
    """Everything learned about one input file."""

    path: Path
    kind: str
    findings: list[Finding] = field(default_factory=list)
    sha256: str = ""
    modified: str = ""
    form: FormData | None = None
    department: str | None = None
    rows: list[RowReport] = field(default_factory=list)
    rejected: bool = False
    superseded_by: str = ""
    #: (rows, cells) counted when reading stopped because the form could not fit the run's room
    #: (see :class:`~gyokaku_xl.domain.limits.Room`): at least that many; None when read whole.
    stopped: tuple[int, int] | None = None

    @property
    def file(self) -> str:
        """The file name as shown to users."""
        return self.path.name

    @property
    def rows_read(self) -> int:
        """Data rows found in the form."""
        return len(self.form.rows) if self.form is not None else 0

    @property
    def all_findings(self) -> list[Finding]:
        """File findings followed by row findings."""
        return self.findings + [f for r in self.rows for f in r.findings]

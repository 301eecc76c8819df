"""A department's contact for 督促 drafts, from the plan master's optional 「所管課」 sheet."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Contact:
    """所管課, its mail address ('' when unknown) and the person in charge ('' when not given)."""

    department: str
    address: str = ""
    person: str = ""

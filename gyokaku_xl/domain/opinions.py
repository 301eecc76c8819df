"""Committee opinions (委員意見) and the departments' replies (意見への対応).

In a form, a 取組's opinions are one locked cell: each opinion a paragraph starting with its
meeting in brackets (``【令和3年度第2回推進委員会】…``; 【会議の記載なし】 when none was given); :func:`opinions_text` writes that cell and
:func:`parse_opinions` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass

from gyokaku_xl import text as g
from gyokaku_xl.domain.normalize import clean


@dataclass(frozen=True)
class Opinion:
    """One opinion of the committee on one 取組 (an opinion on a 事業 is one per 取組)."""

    initiative_id: str
    text: str
    meeting: str = ""


def opinions_text(opinions: list[Opinion]) -> str:
    """The form cell of a 取組's opinions: one paragraph each, its meeting first."""
    parts = []
    for o in opinions:
        meeting = o.meeting or g.OPINION_NO_MEETING
        parts.append(f"{g.OPINION_MEETING_OPEN}{meeting}{g.OPINION_MEETING_CLOSE}{o.text}")
    return "\n".join(parts)


def parse_opinions(initiative_id: str, text: object) -> list[Opinion]:
    """The opinions of a form cell written by :func:`opinions_text` (a paragraph not starting with
    a bracketed meeting continues the one before it)."""
    found: list[list[str]] = []
    for line in clean(text).split("\n"):
        if line.startswith(g.OPINION_MEETING_OPEN) and g.OPINION_MEETING_CLOSE in line:
            meeting, _, rest = line[len(g.OPINION_MEETING_OPEN):].partition(g.OPINION_MEETING_CLOSE)
            found.append([meeting, rest])
        elif found:
            found[-1][1] += "\n" + line
        elif line:
            found.append(["", line])
    return [Opinion(initiative_id, body.strip(), "" if meeting.strip() == g.OPINION_NO_MEETING else meeting.strip())
            for meeting, body in found if body.strip()]


@dataclass(frozen=True)
class OpinionRow:
    """One line of 「意見と対応」: an opinion on a 取組 and the department's reply ('' when none).

    ``period`` is the label of the period whose report carried it (the period of an open opinion
    of an earlier master).
    """

    initiative_id: str
    initiative_name: str
    department: str
    meeting: str
    text: str
    reply: str = ""
    period: str = ""

    @property
    def opinion(self) -> Opinion:
        """The opinion itself (to carry it into the next forms)."""
        return Opinion(self.initiative_id, self.text, self.meeting)

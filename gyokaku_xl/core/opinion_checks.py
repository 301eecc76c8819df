"""The rule of the committee-opinion columns: a 取組 with an opinion needs its reply (警告)."""

from __future__ import annotations

from gyokaku_xl.core.checks import FileContext, cell_text
from gyokaku_xl.domain.findings import WARNING, Finding, make
from gyokaku_xl.domain.form import FormRow


def check_opinion_reply(ctx: FileContext, row: FormRow) -> list[Finding]:
    """警告 on 「意見への対応」 when 「委員意見」 holds an opinion and the reply is blank (on the
    opinion's cell when the reply column is missing)."""
    if not cell_text(row, "opinion") or cell_text(row, "opinion_reply"):
        return []
    column = "opinion_reply" if "opinion_reply" in ctx.form.columns else "opinion"
    initiative = ctx.plan.find_initiative(row.value("initiative_id"))
    return [make("opinion-reply-missing", WARNING, **ctx.where(row, column),
                 initiative_id=initiative.id if initiative else "")]

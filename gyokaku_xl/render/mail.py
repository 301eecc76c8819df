"""Draft emails (.eml) that a mail client opens as unsent drafts: MIME, UTF-8, encoded headers,
``X-Unsent: 1`` (Outlook opens such a file as a draft to review and send). Nothing is sent.

The same draft gives the same bytes: no Date or Message-ID (the mail client adds them when it
sends), and the MIME boundary is derived from the content.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage

#: The content type of an .xlsx attachment.
XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@dataclass(frozen=True)
class Attachment:
    """A file attached to a draft."""

    filename: str
    data: bytes
    maintype: str = XLSX_TYPE[0]
    subtype: str = XLSX_TYPE[1]


def draft_email(*, subject: str, body: str, to_name: str = "", to_address: str = "",
                attachments: tuple[Attachment, ...] = ()) -> bytes:
    """The bytes of an unsent draft (CRLF line ends, as .eml files are written on Windows).

    ``To:`` is ``to_name <to_address>`` when the address is known, else left empty for the clerk
    to fill in.
    """
    message = EmailMessage(policy=policy.SMTP)
    if to_address:
        message["To"] = Address(display_name=to_name, addr_spec=to_address)
    else:
        message["To"] = ""
    message["Subject"] = subject
    message["X-Unsent"] = "1"
    message.set_content(body.replace("\r\n", "\n"), charset="utf-8", cte="base64")
    for item in attachments:
        message.add_attachment(item.data, maintype=item.maintype, subtype=item.subtype,
                               filename=item.filename)
    if attachments:
        digest = hashlib.sha256(body.encode("utf-8"))
        for item in attachments:
            digest.update(item.data)
        message.set_boundary(f"=_gyokaku_{digest.hexdigest()[:32]}")
    return message.as_bytes()

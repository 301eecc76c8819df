"""Every word users read, by audience.

``from gyokaku_xl import text as g`` gives every name of the audience modules (``g.MESSAGES``,
``g.SHEET_SUMMARY``…); each module lists its names in ``__all__``, and no name is in two modules.
"""

from gyokaku_xl.text.terms import *  # noqa: F401,F403
from gyokaku_xl.text.findings import *  # noqa: F401,F403
from gyokaku_xl.text.details import *  # noqa: F401,F403
from gyokaku_xl.text.messages import *  # noqa: F401,F403
from gyokaku_xl.text.reports import *  # noqa: F401,F403
from gyokaku_xl.text.movement import *  # noqa: F401,F403
from gyokaku_xl.text.annotate import *  # noqa: F401,F403
from gyokaku_xl.text.button import *  # noqa: F401,F403
from gyokaku_xl.text.doctor import *  # noqa: F401,F403
from gyokaku_xl.text.guide import *  # noqa: F401,F403
from gyokaku_xl.text.cli import *  # noqa: F401,F403
from gyokaku_xl.text.api import *  # noqa: F401,F403
from gyokaku_xl.text.fixes_pages import *  # noqa: F401,F403
from gyokaku_xl.text.loop import *  # noqa: F401,F403
from gyokaku_xl.text.targets import *  # noqa: F401,F403
from gyokaku_xl.text.fixes import *  # noqa: F401,F403
from gyokaku_xl.text.control import *  # noqa: F401,F403
from gyokaku_xl.text.revisions import *  # noqa: F401,F403

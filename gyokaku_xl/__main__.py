"""``python -m gyokaku_xl``."""

from .cli import main

raise SystemExit(main())

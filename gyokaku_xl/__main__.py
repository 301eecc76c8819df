"""``python -m gyokaku_xl``.

After the command has finished and its output is flushed, the process ends without the
interpreter's teardown (freeing every object of a large run one by one takes a noticeable part of
the run). Files are closed and replaced atomically inside the command, before this point.
"""

import gc
import os
import sys

if __name__ == "__main__":  # not when a spawned worker process imports this module
    gc.disable()  # this process ends right after the command (see above); runs pause it anyway

    from gyokaku_xl.app.cli import main

    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)

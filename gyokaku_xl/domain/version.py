"""The toolkit's version: the one place it is written (read by setuptools and shown to users)."""

__version__ = "0.1.0"

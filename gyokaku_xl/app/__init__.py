"""The edges: command line, console, doctor, the Excel button and its book, the Python API's tables."""

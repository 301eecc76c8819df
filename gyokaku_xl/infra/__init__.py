"""Atomic writes, worker processes, OS and library error texts, private-API compatibility."""

"""Untrusted files in: sniffing, the guarded xlsx reader, the form, the plan master, the history."""

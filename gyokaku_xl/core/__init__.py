"""Pure: checks, validation, consolidation, summary and movement. No files, no console."""

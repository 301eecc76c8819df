"""Pure: checks, validation, consolidation, summary, movement and the master's content. No files, no console."""

"""The only place that strings the steps together and writes files."""

"""Every word users read, by audience."""

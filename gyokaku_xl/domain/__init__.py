"""The plan, periods, the form schema, findings, records, the master's content and run outcomes: types and pure rules."""

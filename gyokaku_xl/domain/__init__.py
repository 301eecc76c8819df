"""The plan, periods, the form schema, findings, records and run outcomes: types and pure rules."""

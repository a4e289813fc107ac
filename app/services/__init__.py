"""Business rules and transactions.  No Qt here: every service runs from the CLI and tests."""

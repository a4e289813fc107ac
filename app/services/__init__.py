"""Business rules and transactions.  No Qt here: every service runs from the CLI and tests."""

from app.services.sync import capture as _capture

# Every session logs its changes to synced records (DESIGN.md, "Change capture").
_capture.install()

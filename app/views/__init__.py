"""PySide6 widgets and Qt item models.  Views call services; no SQL and no business rules here."""

"""Installation settings (the ``setting`` table): UI language, optional provincial form fields."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import Setting

LANGUAGE = "ui.language"  # zh | en, applied at the next start
PROVINCIAL_FIELDS = "followup.provincial_fields"  # "1": show the provincial revisions' optional fields
ESCROW_KEY = "sync.escrow_recipient"  # the county's age public key: every bundle also opens with it
DEFAULTS = {LANGUAGE: "zh", PROVINCIAL_FIELDS: "0", ESCROW_KEY: ""}


def get(session: Session, key: str) -> str:
    row = session.get(Setting, key)
    return row.value if row else DEFAULTS.get(key, "")


def put(session: Session, key: str, value: str) -> None:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def provincial_fields(session: Session) -> bool:
    return get(session, PROVINCIAL_FIELDS) == "1"

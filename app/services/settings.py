"""Installation settings (the ``setting`` table): UI language, optional provincial form fields."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import Setting

LANGUAGE = "ui.language"  # zh | en, applied at the next start
PROVINCIAL_FIELDS = "followup.provincial_fields"  # "1": show the provincial revisions' optional fields
ESCROW_KEY = "sync.escrow_recipient"  # the county's age public key: every bundle also opens with it
# "<device id> <fingerprint>": the device keys this store's device signs with, recorded when the
# keys are first used with it (app.services.sync.keys.keys_for_store); a restore's new identity
# records its own.
DEVICE_KEYS = "sync.device_keys"
DEFAULTS = {LANGUAGE: "zh", PROVINCIAL_FIELDS: "0", ESCROW_KEY: "", DEVICE_KEYS: ""}


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


@dataclass(frozen=True)
class UiSettings:
    """What the 设置 page edits."""

    language: str  # zh | en
    provincial_fields: bool


def ui_settings(session: Session) -> UiSettings:
    return UiSettings(get(session, LANGUAGE), provincial_fields(session))


def save_ui_settings(session: Session, wanted: UiSettings) -> UiSettings:
    put(session, LANGUAGE, wanted.language)
    put(session, PROVINCIAL_FIELDS, "1" if wanted.provincial_fields else "0")
    return wanted

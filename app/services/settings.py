"""Installation settings (the ``setting`` table): UI language, optional provincial form fields, the
control target of hypertension patients aged 65 and over."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import Setting

LANGUAGE = "ui.language"  # zh | en, applied at the next start
LANGUAGES = ("zh", "en")
PROVINCIAL_FIELDS = "followup.provincial_fields"  # "1": show the provincial revisions' optional fields
ESCROW_KEY = "sync.escrow_recipient"  # the county's age public key: every bundle also opens with it
# "<device id> <fingerprint>": the device keys this store's device signs with, recorded when the
# keys are first used with it (app.services.sync.keys.keys_for_store); a restore's new identity
# records its own.
DEVICE_KEYS = "sync.device_keys"
# (township, county) the port the GUI opens the sync server on while it runs; "": it does not
# (:func:`serving_port`; set by app.services.sync.mailbox.set_serving)
SERVE_PORT = "sync.serve_port"
# 高血压 控制满意 at 65 and over (DOMAIN.md: < 150/90, unconfirmed, keep configurable; later national
# guidance aims at < 140/90 where tolerated): the follow-up suggestion, the card's chart and the
# 控制率 indicator all read it (followup_rules.Thresholds through :func:`thresholds`)
ELDERLY_HTN_TARGET = "rules.htn_target_65"
ELDERLY_HTN_TARGETS = ("150/90", "140/90")
# "1": this store holds demo data (`cunyi demo` made its first residents); demo adds no more
# synthetic residents to a store of real records (app.tools.demo.check_demo_store)
DEMO_STORE = "demo.store"
DEFAULTS = {
    DEMO_STORE: "0",
    LANGUAGE: "zh",
    PROVINCIAL_FIELDS: "0",
    ESCROW_KEY: "",
    DEVICE_KEYS: "",
    SERVE_PORT: "",
    ELDERLY_HTN_TARGET: ELDERLY_HTN_TARGETS[0],
}


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


def elderly_htn_target(session: Session) -> str:
    value = get(session, ELDERLY_HTN_TARGET)
    return value if value in ELDERLY_HTN_TARGETS else ELDERLY_HTN_TARGETS[0]


def thresholds(session: Session):
    """The follow-up rules' thresholds as this installation sets them (:data:`ELDERLY_HTN_TARGET`)."""
    from dataclasses import replace

    from app.services.programmes import followup_rules as rules

    sbp, dbp = (int(x) for x in elderly_htn_target(session).split("/"))
    return replace(rules.DEFAULT, elderly_sbp=sbp, elderly_dbp=dbp)


@dataclass(frozen=True)
class UiSettings:
    """What the 设置 page edits."""

    language: str  # zh | en
    provincial_fields: bool
    elderly_htn_target: str = ELDERLY_HTN_TARGETS[0]  # one of ELDERLY_HTN_TARGETS


def ui_settings(session: Session) -> UiSettings:
    return UiSettings(get(session, LANGUAGE), provincial_fields(session), elderly_htn_target(session))


def save_ui_settings(session: Session, wanted: UiSettings) -> UiSettings:
    from app.i18n import QT_TRANSLATE_NOOP
    from app.services.access import audit, authz
    from app.services.errors import Message, UserError

    if wanted.language not in LANGUAGES:
        raise ValueError(wanted.language)  # (the 设置 page offers these only)
    if wanted.elderly_htn_target not in ELDERLY_HTN_TARGETS:
        raise UserError(
            Message(
                "Settings",
                QT_TRANSLATE_NOOP("Settings", "65岁及以上高血压患者的控制目标应为 {choices} 之一"),
                {"choices": " / ".join(ELDERLY_HTN_TARGETS)},
            )
        )
    before = elderly_htn_target(session)
    if wanted.elderly_htn_target != before:  # a rule every report reads: whoever may edit the clinic's own
        authz.require(session, "set_rules", what=ELDERLY_HTN_TARGET)
        put(session, ELDERLY_HTN_TARGET, wanted.elderly_htn_target)
        audit.record(
            session,
            "update",
            "setting",
            None,
            f"65岁及以上高血压控制目标 {before} → {wanted.elderly_htn_target}",
        )
    put(session, LANGUAGE, wanted.language)
    put(session, PROVINCIAL_FIELDS, "1" if wanted.provincial_fields else "0")
    return wanted


def serving_port(session: Session) -> int | None:
    """The port this township's (county's) CunYi opens the sync server on while it runs, or None:
    it does not (``cunyi serve`` may run instead).  Here, not beside the server: the GUI asks it
    as it starts, without loading the server's web stack."""
    from app.services.records.validators import is_digits

    value = get(session, SERVE_PORT)
    return int(value) if is_digits(value) else None

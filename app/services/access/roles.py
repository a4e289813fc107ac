"""The account roles and what each is called on screens, in the audit trail and on the command
line (translated in context "Role").  No imports beyond the translation marker: ``cunyi --help``
lists the roles without loading the services."""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP

ROLES = ("village_doctor", "township_staff", "admin")
ROLE_LABELS = {
    "village_doctor": QT_TRANSLATE_NOOP("Role", "乡村医生"),
    "township_staff": QT_TRANSLATE_NOOP("Role", "乡镇公卫人员"),
    "admin": QT_TRANSLATE_NOOP("Role", "管理员"),
}

# What each kind of device (a profile's role) is called: a device list, a trusted card.
PLACE_LABELS = {
    "village": QT_TRANSLATE_NOOP("Role", "村卫生室"),
    "township": QT_TRANSLATE_NOOP("Role", "乡镇卫生院"),
    "county": QT_TRANSLATE_NOOP("Role", "县级"),
}

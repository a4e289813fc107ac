"""Who may do what (issue 6): checked in the services, so the GUI, the CLI and scripts obey the
same rules and nothing leaks through search results or prints.

Clinical actions (``read``, ``write``, ``print``) concern one village's records:
- a village doctor: their own village only; a sensitive record only if they are its
  responsible doctor;
- township staff (public-health staff): every village of their township; sensitive ones (严重精神障碍)
  only with the ``mental_health`` permission (:data:`PERMISSIONS`).  At a county the same accounts
  (the county's public-health staff) read every village of the county, on the same terms, and
  write nothing: a county keeps no records of its own;
- an admin: the records this device holds (its village, or its township's villages), never
  sensitive ones — an admin account manages the installation;
- the system account (CLI without ``--user``, the app's own background work): everything.

Installation actions: ``sync`` (export/import) — every role; ``edit_profile`` — every role of the
installation's own (not a village doctor signed in at a township); ``backup`` — admins;
``resolve_conflicts``, ``view_audit`` and ``set_population`` — township staff and admins;
``manage_users``, ``manage_devices`` and
``restore`` — admins only.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import Village, org_id
from app.services import profile
from app.services.access import audit
from app.services.access.actor import Actor, actor
from app.services.errors import Message, UserError
from app.services.records.validators import is_digits

log = logging.getLogger(__name__)
CTX = "Authz"
CLINICAL = ("read", "write", "print")
INSTALLATION = {
    "sync": {"village_doctor", "township_staff", "admin"},
    # a backup is the whole store (every village's 严重精神障碍 records, the accounts): the admin's
    "backup": {"admin"},
    "resolve_conflicts": {"township_staff", "admin"},
    "view_audit": {"township_staff", "admin"},
    "set_population": {"township_staff", "admin"},
    "manage_users": {"admin"},
    "manage_devices": {"admin"},
    "restore": {"admin"},
    "move_store": {"admin"},  # the whole store, to a database server (migrate-store)
    "edit_profile": {"village_doctor", "township_staff", "admin"},  # the clinic's name, phone …
    # a rule every report of this store reads (the 65+ hypertension target): not one village's
    # doctor's to change for the whole township
    "set_rules": {"township_staff", "admin"},
}
ACTIONS = (*CLINICAL, *INSTALLATION)
# Permissions an account holds beyond its role (``User.permissions``), and the roles that may hold
# them: the 严重精神障碍 records are seen by the responsible doctor and by public-health staff with
# the mental-health permission only.
PERMISSIONS = {"mental_health": {"township_staff"}}
PERMISSION_LABELS = {"mental_health": QT_TRANSLATE_NOOP("Authz", "精神卫生")}
MENTAL_HEALTH = "mental_health"
ACTION_LABELS = {
    "read": QT_TRANSLATE_NOOP("Authz", "查看档案"),
    "write": QT_TRANSLATE_NOOP("Authz", "修改档案"),
    "print": QT_TRANSLATE_NOOP("Authz", "打印"),
    "sync": QT_TRANSLATE_NOOP("Authz", "同步"),
    "backup": QT_TRANSLATE_NOOP("Authz", "备份"),
    "resolve_conflicts": QT_TRANSLATE_NOOP("Authz", "处理冲突"),
    "view_audit": QT_TRANSLATE_NOOP("Authz", "查看审计日志"),
    "set_population": QT_TRANSLATE_NOOP("Authz", "录入人口数"),
    "manage_users": QT_TRANSLATE_NOOP("Authz", "管理用户"),
    "manage_devices": QT_TRANSLATE_NOOP("Authz", "管理设备"),
    "restore": QT_TRANSLATE_NOOP("Authz", "恢复备份"),
    "move_store": QT_TRANSLATE_NOOP("Authz", "把数据库迁到服务器"),
    "edit_profile": QT_TRANSLATE_NOOP("Authz", "修改本机构信息"),
    "set_rules": QT_TRANSLATE_NOOP("Authz", "修改随访和考核标准"),
}


class PermissionDenied(UserError):
    pass


def allowed(
    who: Actor,
    action: str,
    *,
    device_code: str,
    village: str | None = None,
    sensitive: bool = False,
    responsible: str | None = None,
) -> bool:
    """The matrix itself: a pure function of who, what and where."""
    if action not in ACTIONS:
        return False
    if who.is_system:
        return True
    if action in INSTALLATION:
        if action in ("resolve_conflicts", "set_population") and len(device_code) != 9:
            return False  # conflicts are resolved, population figures entered, at the township
        if action == "edit_profile" and who.role == "village_doctor" and len(device_code) != 12:
            return False  # a township's name and phone are its staff's (a village doctor signed in there changed them)
        return who.role in INSTALLATION[action]
    if (
        village is None
        or len(village) != 12
        or not is_digits(village)
        or not village.startswith(device_code[:9])
    ):
        return False  # never a record of another township (or county), whatever the account says
    if action == "write" and len(device_code) == 6:
        return False  # a county reads and reports; the township or village corrects
    if who.role == "village_doctor":
        if village != who.village_code:
            return False
        return not sensitive or who.answers_to(responsible)
    if who.role == "township_staff":
        return not sensitive or _mental_health(who, device_code)
    if who.role == "admin":
        return not sensitive and village.startswith(device_code)
    return False


def _mental_health(who: Actor, device_code: str) -> bool:
    """Whether ``who`` holds the 精神卫生 permission where it counts: at a township or county, whose
    public-health staff hold it; on a village's PC the 严重精神障碍 records are their responsible
    doctor's alone (an account made there holding it is refused, one brought by a restore ignored)."""
    return who.role == "township_staff" and MENTAL_HEALTH in who.permissions and len(device_code) != 12


def holds_mental_health(session: Session) -> bool:
    """Whether the session's actor holds the 精神卫生 permission on this device (:func:`_mental_health`)."""
    return _mental_health(actor(session), _device_code(session))


def _device_code(session: Session) -> str:
    code = session.info.get("authz_device_code")
    if code is None:
        code = session.info["authz_device_code"] = profile.get_profile(session).code
    return code


def permits(session: Session, action: str, **where) -> bool:
    return allowed(actor(session), action, device_code=_device_code(session), **where)


def require(
    session: Session, action: str, *, what: str | Message = "", told: str | Message | None = None, **where
) -> None:
    """Raise :class:`PermissionDenied` (and audit the refusal, naming ``what``) unless the session's
    actor may; the refusal says ``told`` (``what`` unless given): never more than the actor may read."""
    if permits(session, action, **where):
        return
    who = actor(session)
    audit.record_now(
        session,
        "denied",
        # a refusal about a 严重精神障碍 record names a patient: its entry is hidden like the record's
        # (audit_review.SENSITIVE_ENTITIES) from those who may not know
        "smi_registration" if where.get("sensitive") else None,
        None,
        f"{action} {where.get('village') or ''} {what}".strip(),
        scope=where.get("village") or _device_code(session),
    )
    if action == "write" and len(_device_code(session)) == profile.CODE_LENGTH[profile.COUNTY]:
        raise county_read_only()  # no one writes records at a county: said so, not "no right"
    told = what if told is None else told
    # The action's label is translated in its own context ("Authz"), as is a ``what`` given as a
    # Message (a label of another context); a plain ``what`` (a name, a code) as before.  A string
    # parameter alone would be looked up in the "Field" context and reach an English reader in
    # Chinese ("tstaff may not 修改档案").
    raise PermissionDenied(
        Message(
            CTX,
            QT_TRANSLATE_NOOP("Authz", "{user} 没有权限{action}{what}"),
            {
                "user": who.display_name,
                "action": Message(CTX, ACTION_LABELS.get(action, action)),
                "what": Message(CTX, QT_TRANSLATE_NOOP("Authz", "：{what}"), {"what": told}) if told else "",
            },
        )
    )


def refused_unseen(session: Session, code: str, what: str) -> None:
    """Audit the refusal of ``what`` (a report, a print) of the village or township ``code`` that
    the actor asked for and may not read.  They are told it is not found or not theirs (no more),
    and the trail records a denied attempt, as for any record refused.  Only a whole code of a
    place held here is one (anything else is a typing error); the entry is this device's (its
    scope travels upward, where another place's would refuse the bundle)."""
    from sqlalchemy import select

    code = code.strip()
    village = profile.CODE_LENGTH[profile.VILLAGE]
    if not is_digits(code) or len(code) not in (profile.CODE_LENGTH[profile.TOWNSHIP], village):
        return
    place = (Village.code == code) if len(code) == village else Village.code.startswith(code)
    if session.scalar(select(Village.id).where(place).limit(1)) is not None:
        audit.record_now(session, "denied", None, None, f"{what} {code}", scope=_device_code(session))


def county_read_only() -> UserError:
    """The refusal of any record written at a county (县级), which holds its townships' records
    only as they sent them (``capture`` refuses such a change in any session, whoever acts)."""
    return UserError(
        Message(
            "Sync",
            QT_TRANSLATE_NOOP(
                "Sync",
                "县级只查阅和统计各乡镇同步上来的档案，不能在县级修改记录：请由所属乡镇卫生院或村卫生室修改，"
                "修改会随下次同步上报",
            ),
        )
    )


def visible_villages(session: Session) -> set[str] | None:
    """The village codes whose records the actor may read here; None: every one held."""
    who = actor(session)
    if who.is_system or who.role in ("township_staff", "admin"):
        return None
    return {who.village_code} if who.village_code else set()


def may_see_sensitive(session: Session, village: str, responsible: str | None) -> bool:
    return permits(session, "read", village=village, sensitive=True, responsible=responsible)


# ------------------------------------------------------------------ helpers for services


def village_code(session: Session, village_id) -> str:
    cache = session.info.setdefault("authz_village_codes", {})
    if village_id not in cache:
        from sqlalchemy import select

        cache[village_id] = session.scalar(select(Village.code).where(Village.id == village_id)) or ""
    return cache[village_id]


def require_resident(
    session: Session, action: str, resident, *, sensitive: bool = False, responsible=None
) -> None:
    """A clinical action on one resident's records (their village decides).  Refused, it names the
    resident only to one who may read the record: another village's doctor, trying archive numbers,
    read off their names."""
    village = village_code(session, resident.village_id)
    named = f"{resident.name}（{resident.archive_no}）"
    require(
        session,
        action,
        village=village,
        sensitive=sensitive,
        responsible=responsible,
        what=named,
        told=named if permits(session, "read", village=village) else resident.archive_no,
    )


def village_clause(session: Session, village_id_column):
    """A WHERE clause keeping only the villages the actor may read, or None for all."""
    codes = visible_villages(session)
    if codes is None:
        return None
    return village_id_column.in_([org_id("village", c) for c in codes])


def sensitive_clause(session: Session, enrolment):
    """A WHERE clause hiding the sensitive enrolments the actor may not see, or None."""
    who = actor(session)
    if who.is_system or holds_mental_health(session):
        return None
    if who.role == "village_doctor":
        return enrolment.sensitive.is_(False) | enrolment.responsible_doctor.in_(
            [who.display_name, who.username]
        )
    return enrolment.sensitive.is_(False)

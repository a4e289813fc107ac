"""Accounts: users, login with a growing delay, password changes.

Who a session acts as lives in :mod:`app.services.access.actor`; hashing in
:mod:`app.services.access.passwords`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import User, utcnow
from app.services import profile
from app.services.access import audit, authz, passwords
from app.services.access.actor import ROLE_LABELS, ROLES, Actor, act_as, actor, actor_of
from app.services.errors import Message, NotFound, UserError
from app.services.records.validators import same_dots

CTX = "Accounts"
FREE_ATTEMPTS = 5  # then each failure doubles the wait: 2 s, 4 s, 8 s … up to 15 minutes
MAX_DELAY_S = 900


def _err(template: str, **params) -> UserError:
    return UserError(Message(CTX, template, params))


def read_password_file(path) -> str:
    """A password from a file (first line), for scripts: never on the command line."""
    from pathlib import Path

    try:
        with Path(path).open("rb") as f:  # no more than a password's line: /dev/zero never ends
            raw = f.read(passwords.MAX_PASSWORD * 4 + 2)
        return raw.decode("utf-8").splitlines()[0] if raw.strip() else ""
    except FileNotFoundError:
        raise _err(QT_TRANSLATE_NOOP("Accounts", "找不到密码文件：{path}"), path=str(path)) from None
    except UnicodeDecodeError:
        raise _err(QT_TRANSLATE_NOOP("Accounts", "密码文件不是 UTF-8 文本")) from None


# -------------------------------------------------------------------------------- users


# Names the audit trail gives to no person: an account of that name would pass for the program.
RESERVED_NAMES = frozenset({"system", "系统"})


def _same(name: str) -> str:
    """A name as a reader tells names apart: width, case and compatibility forms folded."""
    return unicodedata.normalize("NFKC", name).casefold().strip()


def _clean_username(username: str) -> str:
    username = (username or "").strip()
    if not username or len(username) > 50 or any(c.isspace() for c in username):
        raise _err(QT_TRANSLATE_NOOP("Accounts", "用户名应为1–50个字符，不含空格"))
    if any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs", "Cn") for c in username):
        # a zero-width space makes "adm\u200bin" read as admin in the audit trail
        raise _err(QT_TRANSLATE_NOOP("Accounts", "用户名含有看不见的字符，请重新输入"))
    if _same(username) in RESERVED_NAMES:
        raise _err(QT_TRANSLATE_NOOP("Accounts", "用户名“{name}”留给系统使用，请换一个"), name=username)
    return username


def _refuse_lookalikes(session: Session, username: str, display_name: str) -> None:
    """Two accounts must never read alike in the audit trail or as a record's responsible doctor
    (a 严重精神障碍 record is shown to the doctor of that name): a username or a name that another
    account has as its username or its name, folded as a reader folds them, is refused."""
    for other in session.scalars(select(User)):
        taken = {_same(other.username), _same(other.display_name or "")}
        if _same(username) in taken:
            raise _err(QT_TRANSLATE_NOOP("Accounts", "用户名“{name}”已被使用"), name=username)
        if _same(display_name) in taken:
            raise _err(
                QT_TRANSLATE_NOOP(
                    "Accounts", "姓名“{name}”已被账号{user}使用：同名的医生请加以区分（如 李建生2）"
                ),
                name=display_name,
                user=other.username,
            )


def get_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == (username or "").strip()))
    if user is None:
        raise NotFound(Message(CTX, QT_TRANSLATE_NOOP("Accounts", "没有用户“{name}”"), {"name": username}))
    return user


def users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.active.desc(), User.username)))


def list_users(session: Session) -> list[User]:
    """The user action "list the accounts": admins only (the refusal is audited)."""
    authz.require(session, "manage_users")
    return users(session)


def create_user(
    session: Session,
    username: str,
    password: str,
    role: str,
    *,
    display_name: str | None = None,
    village_code: str | None = None,
    permissions: tuple[str, ...] = (),
) -> User:

    authz.require(session, "manage_users")
    username = _clean_username(username)
    if role not in ROLES:
        raise _err(QT_TRANSLATE_NOOP("Accounts", "角色应为 village_doctor、township_staff 或 admin"))
    shown = same_dots((display_name or username).strip()[:50])  # (as records spell a doctor's name)
    if any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs", "Cn") for c in shown):
        raise _err(QT_TRANSLATE_NOOP("Accounts", "姓名含有看不见的字符，请重新输入"))
    _refuse_lookalikes(session, username, shown)
    user = User(
        username=username,
        display_name=shown,
        role=role,
        password_hash=passwords.hash_password(password),
        village_code=_doctor_village(session, role, village_code),
        permissions=_permissions(session, role, permissions),
    )
    session.add(user)
    session.flush()
    audit.record(session, "user_create", "app_user", user.id, f"{username} ({role})")
    return user


def _permissions(session: Session, role: str, permissions) -> list[str]:
    """Permissions beyond the role, each one the role may hold (authz.PERMISSIONS), granted where
    the permission counts: 精神卫生 at a township or county, whose public-health staff hold it —
    never on a village's PC, where an admin would grant it to an account of their own making and
    read every 严重精神障碍 record of the village (found by an attacker)."""
    out = sorted(set(permissions or ()))
    for p in out:
        if role not in authz.PERMISSIONS.get(p, ()):
            raise _err(
                QT_TRANSLATE_NOOP("Accounts", "{role}不能获得“{permission}”权限"),
                role=Message("Role", ROLE_LABELS[role]) if role in ROLE_LABELS else role,
                permission=Message("Authz", authz.PERMISSION_LABELS[p])
                if p in authz.PERMISSION_LABELS
                else p,
            )
    if any(p not in grantable(session, role) for p in out):  # (精神卫生 on a village's PC)
        raise _err(
            QT_TRANSLATE_NOOP(
                "Accounts",
                "村卫生室的电脑上不能授予“{permission}”权限：严重精神障碍患者的记录在村里只给其责任医生看",
            ),
            permission=Message("Authz", authz.PERMISSION_LABELS[authz.MENTAL_HEALTH]),
        )
    return out


def grantable(session: Session, role: str) -> tuple[str, ...]:
    """The permissions an account of ``role`` may be granted on this device: those of its role,
    精神卫生 never on a village's PC (:func:`_permissions`)."""
    village = profile.get_profile(session).role == profile.VILLAGE
    return tuple(
        p
        for p, roles in authz.PERMISSIONS.items()
        if role in roles and not (village and p == authz.MENTAL_HEALTH)
    )


def held(session: Session, user: User) -> tuple[str, ...]:
    """The permissions ``user`` holds that count here (:func:`grantable`): one held where it counts
    for nothing (精神卫生 on a village's PC, from a restore) is never listed as held."""
    here = grantable(session, user.role)
    return tuple(p for p in user.permissions or () if p in here)


def set_permissions(session: Session, username: str, permissions) -> User:
    """Grant or withdraw permissions beyond the role (admins only); audited."""
    authz.require(session, "manage_users")
    user = get_user(session, username)
    user.permissions = _permissions(session, user.role, permissions)
    audit.record(
        session, "user_permissions", "app_user", user.id, f"{user.username}: {','.join(user.permissions)}"
    )
    return user


def _doctor_village(session: Session, role: str, village_code: str | None) -> str | None:
    """A village doctor's village: this village on a village PC, else one of this township's
    villages, named; other roles have none."""
    here = profile.get_profile(session)
    if role != "village_doctor":
        if village_code:
            raise _err(QT_TRANSLATE_NOOP("Accounts", "只有乡村医生账号需要指定村"))
        return None
    if not village_code and here.role == profile.VILLAGE:
        return here.code
    if not village_code:
        raise _err(QT_TRANSLATE_NOOP("Accounts", "乡村医生账号请指定所属村的12位代码"))
    code = profile.normalise_code(village_code, profile.VILLAGE)
    mine = here.code if here.role == profile.VILLAGE else None
    if code[:9] != here.code[:9] or (mine and code != mine):
        raise _err(QT_TRANSLATE_NOOP("Accounts", "村代码{code}不属于本机管辖的村"), code=code)
    return code


def set_password(
    session: Session, username: str, new_password: str, *, old_password: str | None = None
) -> None:
    """Change one's own password (old one required) or, as an admin, reset anyone's."""

    user = get_user(session, username)
    me = actor(session)
    if me.id != user.id or old_password is None:
        authz.require(session, "manage_users")
    else:
        passwords.check_text(old_password)
        if not passwords.verify(user.password_hash, old_password):
            raise _err(QT_TRANSLATE_NOOP("Accounts", "原密码不正确"))
    user.password_hash = passwords.hash_password(new_password)
    user.failed_logins, user.locked_until = 0, None
    audit.record(session, "password", "app_user", user.id, user.username)


def deactivate(session: Session, username: str) -> User:

    authz.require(session, "manage_users")
    user = get_user(session, username)
    if user.id == actor(session).id:
        raise _err(QT_TRANSLATE_NOOP("Accounts", "不能停用自己正在使用的账号"))
    admins = session.scalars(select(User).where(User.role == "admin", User.active.is_(True))).all()
    if user.role == "admin" and len(admins) <= 1:
        raise _err(QT_TRANSLATE_NOOP("Accounts", "至少要保留一个启用的管理员"))
    user.active = False
    audit.record(session, "user_deactivate", "app_user", user.id, user.username)
    return user


def _delay(failures: int) -> int:
    return 0 if failures < FREE_ATTEMPTS else min(MAX_DELAY_S, 2 ** (failures - FREE_ATTEMPTS + 1))


def _attempt(
    session: Session, username, password, device_code: str, now: dt.datetime
) -> tuple[Actor | None, UserError | None]:

    if isinstance(username, bytes) or isinstance(password, bytes):
        try:
            username = username.decode("utf-8") if isinstance(username, bytes) else username
            password = password.decode("utf-8") if isinstance(password, bytes) else password
        except UnicodeDecodeError:
            return None, _err(QT_TRANSLATE_NOOP("Accounts", "用户名或密码含有无法识别的字符"))
    username = username.strip() if isinstance(username, str) else ""
    if not username or len(username) > 50:
        return None, _err(QT_TRANSLATE_NOOP("Accounts", "请输入正确的用户名"))
    try:
        password = passwords.check_text(password)
    except UserError as e:
        return None, e
    wrong = _err(QT_TRANSLATE_NOOP("Accounts", "用户名或密码不正确"))
    user = session.scalar(select(User).where(User.username == username))
    if user is None or not user.active:
        passwords.verify_nobody(password)  # as slow as a wrong password: names can't be probed
        audit.record(session, "login_failed", "app_user", None, username, username=username)
        return None, wrong
    if user.locked_until and user.locked_until > now:
        wait = int((user.locked_until - now).total_seconds()) + 1
        return None, _err(QT_TRANSLATE_NOOP("Accounts", "尝试次数过多，请 {s} 秒后再试"), s=wait)
    if not passwords.verify(user.password_hash, password):
        user.failed_logins += 1
        delay = _delay(user.failed_logins)
        user.locked_until = now + dt.timedelta(seconds=delay) if delay else None
        audit.record(
            session,
            "login_failed",
            "app_user",
            user.id,
            f"{username} ×{user.failed_logins}",
            username=username,
        )
        return None, wrong
    user.password_hash = passwords.rehashed(user.password_hash, password) or user.password_hash
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    who = actor_of(user, device_code)
    act_as(session, who)
    audit.record(session, "login", "app_user", user.id, username)
    return who, None


def login(store, username, password, *, now: dt.datetime | None = None) -> Actor:
    """Check a login in its own transaction, which commits whether or not it succeeds: a
    failure is counted and audited.  Wrong, empty, huge or undecodable input is refused with a
    message; after 5 failures each further attempt must wait twice as long (2 s … 15 min)."""
    with store.transaction() as s:
        code = profile.get_profile(s).code
        who, error = _attempt(s, username, password, code, now or utcnow())
    if error is not None:
        raise error
    store.actor = who
    return who


def needs_first_password(store) -> str | None:
    """The first admin's name when no active admin has a password yet (the first run)."""
    with store.session() as s:
        admins = s.scalars(select(User).where(User.role == "admin", User.active.is_(True))).all()
        if admins and all(not u.password_hash for u in admins):
            return admins[0].username
    return None


def set_first_password(store, username: str, password: str, repeat: str) -> Actor:
    """First run: the first admin chooses a password, then is logged in."""
    if password != repeat:
        raise _err(QT_TRANSLATE_NOOP("Accounts", "两次输入的密码不一致"))
    if needs_first_password(store) != username:
        raise _err(QT_TRANSLATE_NOOP("Accounts", "管理员密码已经设置过，请直接登录"))
    with store.transaction() as s:
        get_user(s, username).password_hash = passwords.hash_password(password)
    return login(store, username, password)

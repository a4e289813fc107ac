"""What the 用户 page shows, in one read: whether the actor manages users, and (if so) the accounts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services.access import accounts, authz


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    role: str  # village_doctor | township_staff | admin
    village_code: str
    active: bool
    last_login_at: dt.datetime | None
    permissions: tuple[str, ...] = ()  # beyond the role (authz.PERMISSIONS)
    may_hold: tuple[str, ...] = ()  # the permissions it may be granted here (accounts.grantable)


@dataclass(frozen=True)
class UsersOverview:
    manage: bool  # the actor may add, reset and deactivate users
    users: tuple[UserRow, ...]  # empty for everyone else


def users_overview(session: Session) -> UsersOverview:
    if not authz.permits(session, "manage_users"):
        return UsersOverview(False, ())
    rows = tuple(
        UserRow(
            u.username,
            u.display_name,
            u.role,
            u.village_code or "",
            u.active,
            u.last_login_at,
            accounts.held(session, u),
            accounts.grantable(session, u.role),
        )
        for u in accounts.users(session)
    )
    return UsersOverview(True, rows)

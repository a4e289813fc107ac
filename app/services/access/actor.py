"""Who a unit of work acts as: the one source of "who did it".

The store attaches the actor to every session it opens (``Store.actor``): the user who logged in
(GUI), the user named on the command line (``--user``), or the *system* account (CLI without
``--user``, background work the app does by itself).  The flush hook stamps ``created_by`` and
``updated_by`` from it, the change log and the audit trail name it, and services that need a
doctor's name by default (随访医生, 责任医生) take its display name.  Nothing passes an actor around.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.models import User
from app.services.access.roles import ROLE_LABELS, ROLES  # noqa: F401 - the roles, as the actor's module names them

SYSTEM = "system"


@dataclass(frozen=True)
class Actor:
    """Who a session acts as."""

    id: uuid.UUID | None
    username: str
    display_name: str
    role: str  # village_doctor | township_staff | admin | system
    village_code: str | None = None  # a village doctor's village
    permissions: frozenset[str] = frozenset()  # beyond the role (authz.PERMISSIONS): "mental_health"

    @property
    def is_system(self) -> bool:
        return self.role == SYSTEM

    def answers_to(self, name: str | None) -> bool:
        """Whether ``name`` (a record's 责任医生, as saved) names this user."""
        return name is not None and name in (self.display_name, self.username)


SYSTEM_ACTOR = Actor(None, SYSTEM, "系统", SYSTEM)


def act_as(session: Session, actor: Actor) -> None:
    session.info["actor"] = actor


def actor(session: Session) -> Actor:
    return session.info.get("actor") or SYSTEM_ACTOR


def actor_of(user: User, device_code: str) -> Actor:
    village = user.village_code or (device_code if len(device_code) == 12 else None)
    return Actor(
        user.id, user.username, user.display_name, user.role, village, frozenset(user.permissions or ())
    )


def doctor_name(session: Session) -> str:
    """The name a form puts in 随访医生, 纳入医生, 建档人, 责任医生 until someone types another: the
    acting user's; empty for the system account, which is nobody's name."""
    who = actor(session)
    return "" if who.is_system else who.display_name

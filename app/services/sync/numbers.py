"""Archive numbers meeting on import: one number given to two residents by two devices.

Each device numbers its village's residents without the network
(:func:`app.services.profile.allocate_archive_numbers`), passing over numbers it has seen.  Two
devices of one village give the same serials when neither has seen the other's: a replacement PC
that enrols before its first sync numbers from 00001, as the dead PC did.  A number is unique in
every store, so an import carrying a resident with a number another resident holds here could not
be applied: it failed as "导入时出错", at the township and then at the new PC, for good.

Checked with the bundle's other checks, before anything is written (:class:`Clashes`):

- the resident holding the number here is this device's own, numbered by a write that has reached
  no one (no peer acknowledges it, nor does the bundle): it *yields*.  Before the bundle is applied
  it gets the next number no one has used, past every number of its village the bundle carries,
  written where its unsent change carries it, so the number it had never travels
  (:func:`renumber`).  The trail and the import's outcome say so: a card printed with the old
  number must be printed again;
- otherwise the bundle is refused in words naming the number and both residents, and nothing
  changes.  The PC that sent it gives its own records new numbers once the township's records reach
  it (the same rule, there), and its next bundle is taken.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.models import ChangeLog, Resident
from app.services import profile
from app.services.access import audit
from app.services.errors import Message, UserError
from app.services.sync import capture

CTX = "Sync"
IN_CHUNK = 500
SHOWN = 10  # renumbered records named in the outcome's notice (the trail names every one)

TAKEN = QT_TRANSLATE_NOOP(
    "Sync",
    "档案编号重复，整包未导入：{sender} 发来的 {name}（来源设备 {origin}）的档案编号是 {number}，"
    "而 {holder} 已用了这个编号。多因村里换了电脑：新电脑收到乡镇发给它的全村档案后，"
    "会给自己新建、还没送出的档案改用没人用过的编号，之后的同步包就能导入。本机未做任何更改",
)
TWICE = QT_TRANSLATE_NOOP(
    "Sync",
    "档案编号重复，整包未导入：{sender} 发来的 {name} 和 {holder}（来源设备 {origin}）的档案编号都是 "
    "{number}。本机未做任何更改",
)
NOTICE = QT_TRANSLATE_NOOP(
    "Sync",
    "本机新建的 {n} 份档案所用的编号，村里另一台电脑（多为换下的旧电脑）已经用过，已改用没人用过的新编号："
    "{renumbered}。按旧编号打印过的随访卡或档案，请重新打印",
)


@dataclass(frozen=True)
class Renumbered:
    name: str
    old: str
    new: str


@dataclass(frozen=True)
class _Carried:
    clock: str
    number: str
    name: str
    origin: str


class Clashes:
    """The archive numbers an incoming bundle gives residents (:meth:`carry`, op by op, as checked),
    and, once every op is checked, the residents here holding one of them (:meth:`find`)."""

    def __init__(self, me: str):
        self.me = me  # this device (hex)
        self.carried: dict[str, _Carried] = {}  # resident (hex) -> its number as the bundle leaves it
        self.yielding: dict[str, tuple[str, str]] = {}  # own resident (hex) -> (its number, its name)
        self.top: dict[str, int] = {}  # village code -> the highest serial the bundle gives

    def carry(self, op: dict, values: dict, origin: str) -> None:
        """A resident's op (checked, to be applied) that gives it an archive number."""
        number = values.get("archive_no")
        if not isinstance(number, str):
            return
        if len(number) == 17 and number.isdigit():
            code, serial = number[:12], int(number[12:])
            self.top[code] = max(self.top.get(code, 0), serial)
        before = self.carried.get(op["r"])
        if before is None or op["h"] > before.clock:
            name = values.get("name")
            name = name if isinstance(name, str) else (before.name if before else "")
            self.carried[op["r"]] = _Carried(op["h"], number, name, origin)

    def find(self, conn, acked_here: int, refuse) -> None:
        """Residents here holding a number the bundle gives another: this device's own unsent ones
        yield (:attr:`yielding`); any other refuses the bundle (``refuse(template, **params)``
        raises).  ``acked_here``: the highest of this device's changes some peer (or the bundle)
        says it holds."""
        by_number: dict[str, list[str]] = defaultdict(list)
        for rid, c in self.carried.items():
            by_number[c.number].append(rid)
        for number, rids in by_number.items():
            if len(rids) > 1:
                a, b = (self.carried[r] for r in rids[:2])
                refuse(TWICE, name=a.name, holder=b.name, origin=b.origin, number=number)
        numbers = list(by_number)
        for i in range(0, len(numbers), IN_CHUNK):
            q = select(Resident.id, Resident.archive_no, Resident.name, Resident.sync_clocks).where(
                Resident.archive_no.in_(numbers[i : i + IN_CHUNK])
            )
            for holder, number, name, clocks in conn.execute(q):
                (rid,) = by_number[number]
                if holder.hex == rid:
                    continue
                moved = self.carried.get(holder.hex)
                if moved is not None and moved.number != number:
                    continue  # the bundle gives the holder another number
                if self._unsent(conn, holder, clocks, acked_here):
                    self.yielding[holder.hex] = (number, name)
                    continue
                c = self.carried[rid]
                refuse(TAKEN, name=c.name, origin=c.origin, number=number, holder=name)

    def _unsent(self, conn, holder: uuid.UUID, clocks, acked_here: int) -> bool:
        """Whether ``holder``'s number was given here, by a write no one has received."""
        spec = capture.specs()["resident"]
        clock = spec.clock(clocks, "archive_no")[0]
        if not clock:
            return True  # written before change capture: never logged, never sent
        if clock[-8:] != self.me[-8:]:  # (a clock's tail is its device's: capture.hlc_text)
            return False
        seq = conn.execute(
            select(ChangeLog.seq)
            .where(
                ChangeLog.origin == uuid.UUID(self.me),
                ChangeLog.row_id == holder,
                ChangeLog.hlc == clock,
            )
            .limit(1)
        ).scalar()
        return seq is not None and seq > acked_here


def make_way(session: Session, clashes: Clashes) -> list[Renumbered]:
    """Before a checked bundle is applied: this device gives no serial of the bundle's numbers from
    now on (past every one of its village the bundle carries: a replacement PC numbers on from the
    village's records, not from 00001); and each of its own residents that yield
    (:attr:`Clashes.yielding`) gets a number no one has used, in place: the row and its unsent
    changes that carry the number (the number it had reached no one), the field's clock as it was.
    Each in the trail.  Done again after an interruption, only for those still holding the number."""
    for code, serial in clashes.top.items():
        profile.pass_serial(session, code, serial)
    done = []
    conn = session.connection()
    me = uuid.UUID(clashes.me)
    for rid, (old, name) in sorted(clashes.yielding.items(), key=lambda kv: kv[1][0]):
        row_id = uuid.UUID(rid)
        if session.scalar(select(Resident.archive_no).where(Resident.id == row_id)) != old:
            continue
        (new,) = profile.allocate_archive_numbers(session, old[:12])
        conn.execute(update(Resident).where(Resident.id == row_id).values(archive_no=new))
        kept = session.execute(
            select(ChangeLog.seq, ChangeLog.data).where(
                ChangeLog.origin == me, ChangeLog.row_id == row_id, ChangeLog.data.is_not(None)
            )
        ).all()
        for seq, data in kept:
            change = json.loads(data)
            values = change.get("v") if isinstance(change, dict) else None
            if isinstance(values, dict) and values.get("archive_no") == old:
                values["archive_no"] = new
                conn.execute(
                    update(ChangeLog)
                    .where(ChangeLog.origin == me, ChangeLog.seq == seq)
                    .values(data=capture.dumps(change))
                )
        audit.record(
            session,
            "update",
            "resident",
            row_id,
            audit.update_summary(f"{name} {old} → {new}", ["archive_no"]),
        )
        done.append(Renumbered(name, old, new))
    return done


def notice(renumbered) -> Message | None:
    """What the import's outcome says of the records it renumbered."""
    if not renumbered:
        return None
    shown = ", ".join(f"{r.name} {r.old} → {r.new}" for r in renumbered[:SHOWN])
    if len(renumbered) > SHOWN:
        shown += " …"
    return Message(CTX, NOTICE, {"n": len(renumbered), "renumbered": shown})


def refuser(sender: str):
    """``refuse(template, **params)`` for :meth:`Clashes.find`: the bundle refused, from ``sender``."""

    def refuse(template: str, **params) -> None:
        raise UserError(Message(CTX, template, {"sender": sender, **params}))

    return refuse

"""Archive numbers meeting on import: one number given to two residents by two devices.

Each device numbers its village's residents without the network
(:func:`app.services.profile.allocate_archive_numbers`), passing over numbers it holds.  Two
devices of one village give the same serials when neither has seen the other's: a replacement PC
that enrols before its first sync numbers from 00001, as the dead PC did.  A number is unique in
every store, so an import carrying a resident with a number another resident holds here could not
be applied: it failed as "导入时出错", at the township and then at the new PC, for good.

The numbers a bundle gives residents (each row's, as the bundle leaves it: :class:`Clashes`) are
checked with its other checks, before anything is written:

- a resident here holding one, that is this device's own and was numbered by a write no one has
  received (no peer acknowledges it, nor does the bundle), *yields*: as the bundle is applied, in
  the transaction of the chunk bringing the number (:func:`make_way`), it gets a number no one has
  used, neither here nor in the bundle, written where its unsent changes carry it, so the number
  it had never travels.  The trail and the import's outcome say so (a card printed with the old
  number must be printed again).  A resident the doctor enrols while the bundle is applied yields
  the same way;
- any other clash refuses the bundle in words naming the number and both residents, and nothing
  changes.  From a village PC: once the township's records reach that PC, its own records that
  clash yield there, and its next bundle is taken.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
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
    "而 {holder} 已用了这个编号。本机未做任何更改",
)
TAKEN_FROM_A_VILLAGE = QT_TRANSLATE_NOOP(
    "Sync",
    "档案编号重复，整包未导入：{sender} 发来的 {name}（来源设备 {origin}）的档案编号是 {number}，"
    "而 {holder} 已用了这个编号。若 {sender} 是村里新换的电脑：它收到本机发去的全村档案后，"
    "会给自己新建、还没送出的档案改用没人用过的编号，之后的同步包就能导入。本机未做任何更改",
)
TWICE = QT_TRANSLATE_NOOP(
    "Sync",
    "档案编号重复，整包未导入：{sender} 发来的两份档案 {name} 和 {holder}，档案编号都是 {number}。本机未做任何更改",
)
NOTICE = QT_TRANSLATE_NOOP(
    "Sync",
    "本机新建的 {n} 份档案所用的编号，村里另一台电脑已经用过，已改用没人用过的新编号："
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


@dataclass(frozen=True)
class _Holder:
    id: uuid.UUID
    number: str
    name: str
    clock: str  # the clock of its number's write


class Clashes:
    """The archive numbers an incoming bundle gives residents (:meth:`carry`, op by op, as checked):
    refused where they clash with a resident here that may not yield (:meth:`find`)."""

    def __init__(self, me: str, sender_role: str, sender: str):
        self.me = me  # this device (hex)
        self.sender_role, self.sender = sender_role, sender  # (the sender's words: "code name")
        self.carried: dict[str, _Carried] = {}  # resident (hex) -> its number as the bundle leaves it
        self.acked = 0  # the highest of this device's changes a peer (or the bundle) says it holds

    def carry(self, op: dict, values: dict, origin: str) -> None:
        """A resident's op (checked, to be applied) that may give it an archive number."""
        number = values.get("archive_no")
        if not isinstance(number, str):
            return
        before = self.carried.get(op["r"])
        if before is None or op["h"] > before.clock:
            name = values.get("name")
            name = name if isinstance(name, str) else (before.name if before else "")
            self.carried[op["r"]] = _Carried(op["h"], number, name, origin)

    def refuse(self, template: str, **params) -> None:
        raise UserError(Message(CTX, template, {"sender": self.sender, **params}))

    def numbers(self) -> set[str]:
        return {c.number for c in self.carried.values()}

    def find(self, conn, acked: int) -> None:
        """Refuse the bundle where a number it gives a resident is another's that may not yield, or
        it gives one number to two residents."""
        self.acked = acked
        refuse = self.refuse
        seen: dict[str, str] = {}
        for rid, c in self.carried.items():
            other = seen.setdefault(c.number, rid)
            if other != rid:
                refuse(TWICE, name=self._name(conn, rid), holder=self._name(conn, other), number=c.number)
        for rid, holder in self._clashes(conn, self.carried):
            if not self._unsent(conn, holder):
                c = self.carried[rid]
                template = TAKEN_FROM_A_VILLAGE if self.sender_role == profile.VILLAGE else TAKEN
                refuse(
                    template, name=self._name(conn, rid), origin=c.origin, number=c.number, holder=holder.name
                )

    def _clashes(self, conn, carried: dict[str, _Carried]) -> Iterable[tuple[str, _Holder]]:
        """(row, the resident here holding the number the bundle gives it) of ``carried``'s rows,
        where the bundle's write of the number wins the merge (a stale one leaves the row as it is)."""
        by_number = {c.number: rid for rid, c in carried.items()}
        numbers = list(by_number)
        for i in range(0, len(numbers), IN_CHUNK):
            q = select(Resident.id, Resident.archive_no, Resident.name, Resident.sync_clocks).where(
                Resident.archive_no.in_(numbers[i : i + IN_CHUNK])
            )
            for row_id, number, name, clocks in conn.execute(q).all():
                rid = by_number[number]
                if row_id.hex == rid:
                    continue
                if self._stale(conn, rid, carried[rid].clock):
                    continue
                yield rid, _Holder(row_id, number, name, _number_clock(clocks))

    @staticmethod
    def _stale(conn, rid: str, clock: str) -> bool:
        """Whether the row ``rid`` is stored with its number written after ``clock``."""
        clocks = conn.execute(select(Resident.sync_clocks).where(Resident.id == uuid.UUID(rid))).first()
        return clocks is not None and _number_clock(clocks[0]) >= clock

    def _unsent(self, conn, holder: _Holder) -> bool:
        """Whether ``holder``'s number was given here, by a write no one has received."""
        if not holder.clock:
            return True  # written before change capture: never logged, never sent
        if holder.clock[-8:] != self.me[-8:]:  # (a clock's tail is its device's: capture.hlc_text)
            return False
        seq = conn.execute(
            select(ChangeLog.seq)
            .where(
                ChangeLog.origin == uuid.UUID(self.me),
                ChangeLog.row_id == holder.id,
                ChangeLog.hlc == holder.clock,
            )
            .limit(1)
        ).scalar()
        return seq is not None and seq > self.acked

    def _name(self, conn, rid: str) -> str:
        """The resident's name as the bundle gives it, or as stored here, or its row id."""
        name = self.carried[rid].name if rid in self.carried else ""
        if not name:
            name = conn.execute(select(Resident.name).where(Resident.id == uuid.UUID(rid))).scalar() or ""
        return name or rid


def _number_clock(clocks) -> str:
    return capture.specs()["resident"].clock(clocks, "archive_no")[0]


def make_way(session: Session, clashes: Clashes, ops: list[dict]) -> list[Renumbered]:
    """In the transaction applying ``ops`` (a part of a checked bundle), before they are applied:
    each of this device's own residents holding a number they give another (checked: only such a
    resident yields, and one the doctor enrolled meanwhile) gets a number no one has used, here or
    in the bundle, in place: the row and its unsent changes that carry the number (the number it
    had reached no one), the field's clock as it was.  Each in the trail."""
    carried = {
        op["r"]: clashes.carried[op["r"]]
        for op in ops
        if op["e"] == "resident" and op["r"] in clashes.carried
    }
    if not carried:
        return []
    conn = session.connection()
    done = []
    avoid = None
    for _rid, holder in list(clashes._clashes(conn, carried)):
        if not clashes._unsent(conn, holder):
            c = carried[_rid]  # (enrolled meanwhile by no one here: a bug, said as the check says it)
            clashes.refuse(TAKEN, name=c.name, origin=c.origin, number=c.number, holder=holder.name)
        if avoid is None:
            avoid = clashes.numbers()
        (new,) = profile.allocate_archive_numbers(session, holder.number[:12], avoid=avoid)
        _renumber(session, holder, new, uuid.UUID(clashes.me))
        done.append(Renumbered(holder.name, holder.number, new))
    return done


def _renumber(session: Session, holder: _Holder, new: str, me: uuid.UUID) -> None:
    conn = session.connection()
    conn.execute(update(Resident).where(Resident.id == holder.id).values(archive_no=new))
    kept = conn.execute(
        select(ChangeLog.seq, ChangeLog.data).where(
            ChangeLog.origin == me, ChangeLog.row_id == holder.id, ChangeLog.data.is_not(None)
        )
    ).all()
    for seq, data in kept:
        change = json.loads(data)
        values = change.get("v") if isinstance(change, dict) else None
        if isinstance(values, dict) and values.get("archive_no") == holder.number:
            values["archive_no"] = new
            conn.execute(
                update(ChangeLog)
                .where(ChangeLog.origin == me, ChangeLog.seq == seq)
                .values(data=capture.dumps(change))
            )
    summary = audit.update_summary(f"{holder.name} {holder.number} → {new}", ["archive_no"])
    audit.record(session, "update", "resident", holder.id, summary)


def notice(renumbered) -> Message | None:
    """What the import's outcome says of the records it renumbered."""
    if not renumbered:
        return None
    shown = ", ".join(f"{r.name} {r.old} → {r.new}" for r in renumbered[:SHOWN])
    if len(renumbered) > SHOWN:
        shown += " …"
    return Message(CTX, NOTICE, {"n": len(renumbered), "renumbered": shown})

"""Archive numbers meeting on import: one number given to two residents by two devices.

Each device numbers its village's residents without the network
(:func:`app.services.profile.allocate_archive_numbers`), passing over numbers it holds.  Two
devices of one village give the same serials when neither has seen the other's: a replacement PC
that enrols before its first sync numbers from 00001, as the dead PC did; a PC restored from an
older backup gives again numbers it gave after that backup.  A number is unique in every store, so
an import carrying a resident with a number another resident holds here could not be applied: it
failed as "导入时出错", for good.

The numbers a bundle gives residents (each row's, as the bundle leaves it: :class:`Clashes`) are
checked with its other checks, before anything is written.  Where one is held here by another
resident, one of them takes another number, by the device whose number it is to give:

- *yield*: the resident here is this device's own, numbered by a write no one has received (no
  peer acknowledges it, nor does the bundle).  It takes a number no one has used, here or in the
  bundle, in place: the row and its unsent changes, so the number it had never travels.  A
  resident the doctor enrols while the bundle is applied yields the same way;
- *give*: at the township (which numbers its villages' residents from 90000), the incoming resident
  of a village PC that will never hear of the resident holding the number — it wrote that number
  itself (restored from an older backup), or it was replaced (a newer device of its village is
  trusted: the dead PC's last USB stick) — takes a township number, a change of the township's that
  travels to the village and the county;
- *moved*: the bundle itself gives the resident here another number (the township's, as above).
- Otherwise the bundle is refused in words naming the number and both residents, and nothing
  changes: from the newest PC of a village, whose own records yield once the township's records
  reach it, and its next bundle is taken.

Each is done in the transaction applying the chunk that brings the number (:func:`make_way`,
:func:`after_apply`), said in the import's outcome (a card printed with the old number must be
printed again) and in the audit trail.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace

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
    "档案编号重复，整包未导入：{sender} 发来的 {name}{origin}的档案编号是 {number}，"
    "而 {holder} 已用了这个编号{more}。本机未做任何更改",
)
TAKEN_FROM_A_VILLAGE = QT_TRANSLATE_NOOP(
    "Sync",
    "档案编号重复，整包未导入：{sender} 发来的 {name}{origin}的档案编号是 {number}，"
    "而 {holder} 已用了这个编号{more}。若 {sender} 是村里新换的电脑：请导出同步包交给它导入"
    "（联网同步时自动完成），它会给自己新建、还没送出的档案改用没人用过的编号，之后发来的同步包就能导入。"
    "本机未做任何更改",
)
ORIGIN = QT_TRANSLATE_NOOP("Sync", "（来源设备 {origin}）")  # when not the sender itself
MORE_CLASHES = QT_TRANSLATE_NOOP("Sync", "（共 {n} 份档案的编号这样重复）")
TWICE = QT_TRANSLATE_NOOP(
    "Sync",
    "档案编号重复，整包未导入：{sender} 发来的两份档案 {name} 和 {holder}，档案编号都是 {number}。本机未做任何更改",
)
YIELDED, GIVEN, MOVED = "yielded", "given", "moved"
# (each resident on a line of its own: a 17-digit number cut between lines can't be compared)
NOTICES = {
    YIELDED: QT_TRANSLATE_NOOP(
        "Sync",
        "本机新建的 {n} 份档案所用的编号，村里另一台电脑已经用过，已改用没人用过的新编号：\n"
        "{renumbered}{more}\n按旧编号打印过的随访卡或档案，请重新打印",
    ),
    GIVEN: QT_TRANSLATE_NOOP(
        "Sync",
        "{n} 份档案的编号与本机已有的档案重复，本机已另给编号：\n{renumbered}{more}\n"
        "新编号随下次同步告知村卫生室，请其重新打印按旧编号打印过的随访卡或档案",
    ),
    MOVED: QT_TRANSLATE_NOOP(
        "Sync",
        "乡镇卫生院改了 {n} 份档案的编号（原编号与村里另一份档案重复）：\n{renumbered}{more}\n"
        "按旧编号打印过的随访卡或档案，请重新打印",
    ),
}
MORE = QT_TRANSLATE_NOOP("Sync", "\n另有 {n} 份")  # residents not named in a notice
BOTH = QT_TRANSLATE_NOOP("Sync", "{first}\n{second}")
NO_NUMBER = QT_TRANSLATE_NOOP("Sync", "档案编号 {number} 重复，本机却无法另给编号（{reason}）")


class NoNumber(UserError):
    """A clash this device should have resolved by giving a number, with none left to give."""


@dataclass(frozen=True)
class Renumbered:
    name: str
    old: str
    new: str
    how: str = YIELDED  # YIELDED, GIVEN or MOVED


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


@dataclass(frozen=True)
class Device:
    """A peer as :class:`Clashes` weighs it: its village (or township) and when it was trusted."""

    code: str
    trusted_at: dt.datetime


class Clashes:
    """The archive numbers an incoming bundle gives residents (:meth:`carry`, op by op, as checked):
    refused where they clash with a resident here and neither may take another (:meth:`find`)."""

    def __init__(self, me: str, my_role: str, sender: Device, sender_role: str, sender_device: str,
                 label: str, devices: dict[str, Device]):  # fmt: skip
        self.me, self.my_role = me, my_role  # this device (hex), and its role
        self.sender, self.sender_role, self.sender_device = sender, sender_role, sender_device
        self.label = label  # the sender's words: "code name"
        self.devices = devices  # every peer (hex -> Device)
        self.carried: dict[str, _Carried] = {}  # resident (hex) -> its number as the bundle leaves it
        self.rewritten: set[str] = set()  # residents whose number an op changes (not one making it)
        self.acked = 0  # the highest of this device's changes a peer (or the bundle) says it holds
        self.found = False  # whether the check found any clash
        self.given: dict[str, tuple[str, str]] = {}  # resident given a number here -> (old, new)
        self._to_log: list[tuple[str, str]] = []  # (resident, its name) given one in this part

    def carry(self, op: dict, values: dict, origin: str) -> None:
        """A resident's op (checked, to be applied) that may give it an archive number."""
        number = values.get("archive_no")
        if not isinstance(number, str):
            return
        bases = op["d"].get("b") if isinstance(op["d"], dict) else None
        if isinstance(bases, dict):
            self.rewritten.add(op["r"])
        before = self.carried.get(op["r"])
        if before is None or op["h"] > before.clock:
            name = values.get("name")
            name = name if isinstance(name, str) else (before.name if before else "")
            self.carried[op["r"]] = _Carried(op["h"], number, name, origin)

    def numbers(self) -> set[str]:
        return {c.number for c in self.carried.values()}

    def refuse(self, template: str, **params) -> None:
        raise UserError(Message(CTX, template, {"sender": self.label, **params}))

    def find(self, conn, acked: int) -> None:
        """Refuse the bundle where a number it gives a resident is another's and neither may take
        another (:meth:`_resolution`), or it gives one number to two residents."""
        self.acked = acked
        seen: dict[str, str] = {}
        for rid, c in self.carried.items():
            other = seen.setdefault(c.number, rid)
            if other != rid:
                self.refuse(
                    TWICE, name=self._name(conn, rid), holder=self._name(conn, other), number=c.number
                )
        refused = []
        for rid, holder in self._clashes(conn, self.carried):
            self.found = True
            if self._resolution(conn, rid, holder) is None:
                refused.append((rid, holder))
        if refused:
            self._refuse_clash(conn, *refused[0], count=len(refused))

    def _refuse_clash(self, conn, rid: str, holder: _Holder, count: int = 1) -> None:
        """The bundle refused, naming the first clash (and how many there are)."""
        c = self.carried[rid]
        template = TAKEN_FROM_A_VILLAGE if self.sender_role == profile.VILLAGE else TAKEN
        origin = Message(CTX, ORIGIN, {"origin": c.origin}) if c.origin != self.label else ""
        more = Message(CTX, MORE_CLASHES, {"n": count}) if count > 1 else ""
        self.refuse(
            template,
            name=self._name(conn, rid),
            origin=origin,
            number=c.number,
            holder=holder.name,
            more=more,
        )

    def _resolution(self, conn, rid: str, holder: _Holder) -> str | None:
        """How the clash of the bundle's resident ``rid`` with ``holder`` (a resident here holding
        the number the bundle gives ``rid``) is resolved: MOVED (the bundle gives the holder another
        number), YIELDED (the holder takes another), GIVEN (``rid`` does), or None (refused)."""
        moved = self.carried.get(holder.id.hex)
        if moved is not None and moved.number != holder.number:
            free = not conn.execute(select(Resident.id).where(Resident.archive_no == moved.number)).first()
            return MOVED if moved.clock > holder.clock and free else None
        if self._unsent(conn, holder):
            return YIELDED
        return GIVEN if self._township_gives(conn, rid, holder) else None

    def _township_gives(self, conn, rid: str, holder: _Holder) -> bool:
        """Whether this township gives the bundle's resident ``rid`` a number of its own: a new
        resident here (a village never gives a stored one another number: each such clash would
        take one of the township's numbers) whose village PC will never set the clash right — the
        number is not that PC's own (a PC it replaced wrote it: a backup restored there), it wrote
        the holder's too (restored from an older backup), a newer device of its village is trusted
        (the dead PC's last stick), or who numbered the holder is not known here.  A village's
        newest PC is refused instead: it receives the holder, and its own resident yields there
        (keeping a village's number)."""
        if self.my_role != profile.TOWNSHIP or self.sender_role != profile.VILLAGE:
            return False
        if conn.execute(select(Resident.id).where(Resident.id == uuid.UUID(rid))).first():
            return False
        if self.carried[rid].clock[-8:] != self.sender_device[-8:]:
            return True
        tail = holder.clock[-8:] if holder.clock else ""
        writers = [d for d in self.devices if tail and d.endswith(tail)]
        if not writers or self.sender_device in writers:
            return True
        return any(
            d.code == self.sender.code and d.trusted_at > self.sender.trusted_at
            for hex_id, d in self.devices.items()
            if hex_id != self.sender_device
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
        # (its clock may be another device's: a PC restored from another's backup sends that
        # one's unsent changes as its own, clocks kept: backup._resend_as)
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


def _numbers_of(op: dict) -> dict:
    return op["d"]["v"]


def make_way(session: Session, clashes: Clashes, ops: list[dict]) -> list[Renumbered]:
    """In the transaction applying ``ops`` (a part of a checked bundle), before they are applied:
    each clash their numbers meet is resolved (:meth:`Clashes._resolution`: checked, and for a
    resident the doctor enrolled meanwhile, of this device's own, it yields); the residents whose
    number they change are named."""
    if not clashes.found and clashes.my_role != profile.VILLAGE:
        # (only a village PC gives numbers the bundle may bring while it is applied: the doctor's
        # enrolments meanwhile; a township numbers from its own range)
        return []
    for op in ops:  # a resident given a number here earlier in the bundle keeps it
        if op["e"] == "resident" and (given := clashes.given.get(op["r"])) is not None:
            values = _numbers_of(op)
            if values.get("archive_no") == given[0]:
                values["archive_no"] = given[1]
    carried = {
        op["r"]: clashes.carried[op["r"]]
        for op in ops
        if op["e"] == "resident" and op["r"] in clashes.carried
    }
    if not carried:
        return []
    conn = session.connection()
    moved_here = _moved_here(conn, clashes, carried)
    done = list(moved_here.values())
    avoid = None
    for rid, holder in list(clashes._clashes(conn, carried)):
        how = clashes._resolution(conn, rid, holder)
        if how is None:  # (checked: a bug, said as the check says it)
            clashes._refuse_clash(conn, rid, holder)
        if how == MOVED:  # out of the way first, as the bundle leaves it (written with its clock)
            new = clashes.carried[holder.id.hex].number
            conn.execute(update(Resident).where(Resident.id == holder.id).values(archive_no=new))
            if clashes.sender_role != profile.VILLAGE and holder.id.hex not in moved_here:
                done.append(Renumbered(holder.name, holder.number, new, MOVED))
            continue
        if avoid is None:
            avoid = clashes.numbers()
        try:
            (new,) = profile.allocate_archive_numbers(session, holder.number[:12], avoid=avoid)
        except UserError as e:  # (the range used up)
            raise NoNumber(Message(CTX, NO_NUMBER, {"number": holder.number, "reason": e.message})) from e
        avoid.add(new)
        if how == YIELDED:
            _renumber(session, holder, new, uuid.UUID(clashes.me))
            done.append(Renumbered(holder.name, holder.number, new, YIELDED))
        else:  # GIVEN: the incoming resident takes the township's number, as the ops write it
            old = clashes.carried[rid].number
            clashes.given[rid] = (old, new)
            clashes.carried[rid] = replace(clashes.carried[rid], number=new)
            for op in ops:
                if op["e"] == "resident" and op["r"] == rid and _numbers_of(op).get("archive_no") == old:
                    _numbers_of(op)["archive_no"] = new
            name = clashes._name(conn, rid)
            clashes._to_log.append((rid, name))
            done.append(Renumbered(name, old, new, GIVEN))
    return done


def _moved_here(conn, clashes: Clashes, carried: dict[str, _Carried]) -> dict[str, Renumbered]:
    """The residents held here whose number these ops change (the township's, given as above; one
    moved out of the way by an earlier chunk was named then)."""
    if clashes.sender_role == profile.VILLAGE:
        return {}  # (not the upper level's word: a village's change of a number is its own)
    rows = [rid for rid in carried if rid in clashes.rewritten]
    out = {}
    for i in range(0, len(rows), IN_CHUNK):
        q = select(Resident.id, Resident.archive_no, Resident.name, Resident.sync_clocks).where(
            Resident.id.in_([uuid.UUID(r) for r in rows[i : i + IN_CHUNK]])
        )
        for row_id, number, name, clocks in conn.execute(q).all():
            c = carried[row_id.hex]
            if c.number != number and c.clock > _number_clock(clocks):
                out[row_id.hex] = Renumbered(name, number, c.number, MOVED)
    return out


def after_apply(session: Session, clashes: Clashes) -> None:
    """After the part is applied: each incoming resident given a number here (GIVEN) has it as this
    device's change, which travels to its village PC and the county."""
    for rid, name in clashes._to_log:
        resident = session.get(Resident, uuid.UUID(rid))
        capture.log_written(session, resident, ["archive_no"])
        _audit(session, resident.id, name, *clashes.given[rid])
        session.flush()
        session.expunge(resident)
    clashes._to_log.clear()


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
    _audit(session, holder.id, holder.name, holder.number, new)


def _audit(session: Session, row_id: uuid.UUID, name: str, old: str, new: str) -> None:
    """A resident's new number in the trail, as an update of its number (``name old → new``)."""
    summary = audit.update_summary(f"{name} {old} → {new}", ["archive_no"])
    audit.record(session, "update", "resident", row_id, summary)


def notice(renumbered, shown: int = SHOWN) -> Message | None:
    """What the import's outcome says of the residents whose numbers it changed (``shown``: how
    many of each kind are named, one to a line)."""
    said = []
    for how, template in NOTICES.items():
        these = [r for r in renumbered if r.how == how]
        if these:
            lines = "\n".join(f"{r.name}  {r.old} → {r.new}" for r in these[:shown])
            more = Message(CTX, MORE, {"n": len(these) - shown}) if len(these) > shown else ""
            said.append(Message(CTX, template, {"n": len(these), "renumbered": lines, "more": more}))
    if not said:
        return None
    whole = said[0]
    for next_kind in said[1:]:
        whole = Message(CTX, BOTH, {"first": whole, "second": next_kind})
    return whole


def noted(renumbered, limit: int) -> Message | None:
    """:func:`notice` short enough to be kept in ``limit`` characters (a history row's note), as
    many named as fit."""
    for shown in (SHOWN, 5, 2, 0):
        said = notice(renumbered, shown)
        if said is None or len(said.stored()) <= limit:
            return said
    return said

"""A replacement PC's first bundle: its village's whole record set, as the township holds it now.

Village PCs die.  The new one is a new device (its own keys and card) of the same village; once
the township trusts its card, the township's first answer to it is not the change log (a township
keeps none of a village's own changes: they concerned nobody else) but the *state* of every row the
new device may receive (:func:`app.services.sync.exchange.audience`, the one rule of who gets what:
its village's rows, 严重精神障碍 records included since the device is that village's own, and the
township's; never another village's, never the audit trail).

Each row travels as one op carrying all its fields at the oldest of its field clocks, followed by
one op per newer clock with just the fields written then, so the PC stores every field with the
clock (and base) it has at the township: later merges and conflict review work as if it had
received every change.  Snapshot ops are the township's (the sender's) with seq 0 and below: they
are state, not numbered changes, never counted as "held", never relayed.  The manifest's ranges
claim what the township holds of every origin, so the PC afterwards acknowledges all of it and
ordinary bundles carry only what comes later.

A township's first bundle to its county is a snapshot too, of everything it holds (the county
receives all: :func:`~app.services.sync.exchange.audience`): the villages' own changes that came
before the county's card were never kept to relay, and a county must hold them to converge.

The bundle file, its signature and encryption are those of every bundle (:mod:`bundle`): same
checks on import, same resumable download.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import Paths
from app.db import Store
from app.i18n import QT_TRANSLATE_NOOP
from app.models import BundleRecord, Peer, Resident, Township, Village, utcnow
from app.services import settings
from app.services.access import audit, authz
from app.services.profile import COUNTY, TOWNSHIP, VILLAGE, get_profile
from app.services.sync import bundle, capture, exchange
from app.services.sync import keys as device_keys

PAGE = 2000


def _takes_snapshots(me, peer: Peer | None) -> bool:
    """Whether ``peer`` is one a snapshot may be made for here: a township's village or county."""
    return (
        me.role == TOWNSHIP
        and peer is not None
        and peer.role in (VILLAGE, COUNTY)
        and peer.revoked_at is None
    )


def wanted(session: Session, device: uuid.UUID) -> bool:
    """Whether ``device`` should get a snapshot as its next bundle: a village device that has
    received nothing from this township yet, replacing (or joining) another device of the same
    village — whose records the township holds only as rows; or the county, before its first
    bundle from this township."""
    me = get_profile(session)
    peer = session.get(Peer, device)
    if not _takes_snapshots(me, peer):
        return False
    if lacks_own(peer):
        return True
    if peer.last_export_at is not None:
        return False
    if peer.role == COUNTY:
        return True
    others = select(func.count()).select_from(Peer).where(Peer.code == peer.code, Peer.device_id != device)
    return (session.scalar(others) or 0) > 0


def lacks_own(peer: Peer) -> bool:
    """Whether the village device ``peer`` said it lacks some of its own changes (restored from an
    older backup: exchange.LACKS_OWN), and has not been sent a snapshot since."""
    word = peer.acks_word if isinstance(peer.acks_word, dict) else {}
    return peer.role == VILLAGE and word.get(exchange.LACKS_OWN) is True


# ------------------------------------------------------------------------------ the rows


def _scoped_rows(session: Session, spec: capture.EntitySpec, codes: tuple[str, ...], villages: dict):
    """The rows of ``spec`` whose scope is one of ``codes``, with the scope of each."""
    t = spec.table
    cols = [t.c.id, t.c.sync_clocks, *(t.c[f] for f in spec.fields)]
    ids_of = {vid: code for vid, code in villages.items() if code in codes}
    if spec.scope in ("code", "scope_code"):
        where, scope_of = t.c[spec.scope].in_(codes), (lambda row: row[spec.scope])
    elif spec.scope == "village_id":
        where, scope_of = t.c.village_id.in_(list(ids_of)), (lambda row: ids_of[row["village_id"]])
    else:
        residents = dict(
            session.execute(
                select(Resident.id, Resident.village_id).where(Resident.village_id.in_(list(ids_of)))
            ).all()
        )
        where = t.c.resident_id.in_(select(Resident.id).where(Resident.village_id.in_(list(ids_of))))

        def scope_of(row):
            return ids_of[residents[row["resident_id"]]]

    last = None
    while True:  # by id, a page at a time (a village has tens of thousands of visits)
        q = select(*cols).where(where)
        if last is not None:
            q = q.where(t.c.id > last)
        rows = session.execute(q.order_by(t.c.id).limit(PAGE)).mappings().all()
        if not rows:
            return
        children = _children(session, spec, [r["id"] for r in rows])
        for row in rows:
            yield row, scope_of(row), children
        last = rows[-1]["id"]


def _children(session: Session, spec: capture.EntitySpec, ids: list) -> dict:
    out: dict[str, dict] = {}
    for name, (model, fk, _fields) in spec.children.items():
        ct = model.__table__
        grouped: dict = {}
        for c in session.execute(select(ct).where(ct.c[fk].in_(ids))).mappings():
            grouped.setdefault(c[fk], []).append(c)
        out[name] = grouped
    return out


def _row_ops(
    spec: capture.EntitySpec, row, children: dict, skip_tail: str | None
) -> list[tuple[str, dict, object]]:
    """(clock, values, bases) of the ops that rebuild ``row`` with its field clocks: all fields at
    the oldest clock, then each newer clock's fields.  None when every field was written by the
    recipient itself (``skip_tail``: its device id's clock suffix; None: sent all the same, to a
    PC restored from a backup older than what it wrote) or never written."""
    values = {f: spec.encode[f](row[f]) for f in spec.fields}
    for name in spec.children:
        values[name] = capture.child_rows(spec, name, children.get(name, {}).get(row["id"], []))
    clocks = row["sync_clocks"] or {}
    by_clock: dict[str, dict] = {}
    bases: dict[str, dict] = {}
    for name in values:
        clock, base = spec.clock(clocks, name)
        by_clock.setdefault(clock, {})[name] = values[name]
        if base:
            bases.setdefault(clock, {})[name] = base
    order = sorted(by_clock)
    if order[-1] == "" or (skip_tail is not None and all(c.endswith(skip_tail) for c in order)):
        return []
    first = order[0]
    ops = [(first, values, bases.get(first) or "")]
    for clock in order[1:]:
        ops.append((clock, by_clock[clock], bases.get(clock) or ""))
    return ops


def op_lines(session: Session, peer: Peer, sender: uuid.UUID, on_line: Callable[[], None]) -> Iterator[str]:
    """The snapshot's ops as bundle lines, parents before children (foreign-key order)."""
    here = get_profile(session).role
    scopes = exchange.audience(peer, here)
    villages = dict(session.execute(select(Village.id, Village.code)).all())
    if scopes is None:  # the county: everything this township holds
        scopes = (*session.scalars(select(Township.code)), *villages.values())
    skip_tail = None if lacks_own(peer) else peer.device_id.hex[-8:]
    origin = sender.hex
    seq = 0
    for spec in capture.specs().values():
        codes = tuple(c for c in scopes if exchange.receives(peer, c, not spec.to_villages, here=here))
        if not codes:
            continue
        for row, scope, children in _scoped_rows(session, spec, codes, villages):
            for clock, values, bases in _row_ops(spec, row, children, skip_tail):
                data = capture.dumps({"v": values, "b": bases})
                yield (
                    f'{{"o":"{origin}","s":{seq},"e":"{spec.name}","r":"{row["id"].hex}","h":"{clock}",'
                    f'"c":"{scope}","u":null,"d":{data}}}'
                )
                seq -= 1
                on_line()


# ------------------------------------------------------------------------------ the bundle


def export(
    store: Store,
    paths: Paths,
    to_dir: str | Path,
    device: uuid.UUID,
    *,
    cancelled: Callable[[], bool] = lambda: False,
    network: bool = False,
) -> exchange.ExportResult:
    """Write the snapshot bundle for ``device`` (a trusted village device) into ``to_dir``
    (``network``: to go over the network, as :func:`exchange.export_bundles`)."""
    started = time.perf_counter()
    to_dir = Path(to_dir)
    to_dir.mkdir(parents=True, exist_ok=True)
    keys = device_keys.keys_for_store(store, paths.sub("keys"))
    result = exchange.ExportResult()
    with store.transaction() as s:
        authz.require(s, "sync")
        result.newly_logged = capture.log_untracked(s)
    with store.session() as s:
        me = get_profile(s)
        peer = s.get(Peer, device)
        if not _takes_snapshots(me, peer):
            raise exchange._err(QT_TRANSLATE_NOOP("Sync", "只能为受信任的村卫生室设备或所属县生成全量同步包"))
        held = exchange.holdings(s)
        acks = {o.hex: hw for o, hw in held.items()}
        restored = lacks_own(peer)  # (its own changes after its backup come back as its rows)
        ranges = {o.hex: [0, hw] for o, hw in held.items() if (o != device or restored) and hw > 0}
        bundle_id = uuid.uuid4()
        header, manifest = exchange.header_and_manifest(
            s, me, peer, bundle_id, ranges=ranges, acks=acks, snapshot=True
        )
        escrow = settings.get(s, settings.ESCROW_KEY)
        label = f"{peer.code} {peer.name}"
        written = bundle.write(
            to_dir,
            keys=keys,
            header=header,
            manifest=manifest,
            op_lines=lambda: op_lines(s, peer, me.device_id, lambda: None),  # afresh for each pass
            recipients=[peer.enc_key, *([escrow] if escrow else [])],
            work_dir=paths.sub("outbox"),
            cancelled=cancelled,
        )
    result.bundles.append(exchange.ExportedBundle(label, written.path, written.ops, written.bytes))
    with store.transaction() as w:
        capture.note_told_clock(w, manifest["sent_at_ms"])  # (what the peer's clocks may follow)
        w.add(
            BundleRecord(
                bundle_id=bundle_id,
                direction="out",
                peer=device,
                file_name=exchange.recorded_name(written.path.name, network),
                ops=written.ops,
                bytes=written.bytes,
            )
        )
        told = w.get(Peer, device)
        told.last_export_at = utcnow()
        if restored:  # sent: not again, unless its next bundle still says it lacks them
            told.acks_word = {**told.acks_word, exchange.LACKS_OWN: False}
        audit.record(
            w,
            "export",
            "sync_bundle",
            bundle_id,
            audit.bundle_summary(label, written.ops, written.path.name, snapshot=True),
        )
    result.seconds = time.perf_counter() - started
    return result


def export_bundles(store: Store, paths: Paths, to_dir: str | Path, *, peer: str | None = None, **kw):
    """:func:`exchange.export_bundles` (the USB export) with, first, the snapshot of every
    replacement PC that wants one (:func:`wanted`): a new PC set up by USB stick gets its village
    back the same way as over the network."""
    with store.session() as s:
        me = get_profile(s)
        targets = [] if me.role != TOWNSHIP else device_keys.peers(s)
        if peer:
            targets = [p for p in targets if p.device_id == device_keys.find_peer(s, peer).device_id]
        whole = [p.device_id for p in targets if wanted(s, p.device_id)]
        # A county's snapshot claims all this township holds: an ordinary bundle beside it would
        # repeat it, and, imported first, carry village rows without the columns only the
        # township writes (a village's name and code), which the snapshot brings.
        counties = {p.device_id for p in targets if p.device_id in whole and p.role == COUNTY}
    first = [
        export(
            store,
            paths,
            to_dir,
            device,
            cancelled=kw.get("cancelled", lambda: False),
            network=kw.get("network", False),
        )
        for device in whole
    ]
    if peer and counties:
        result = exchange.ExportResult()
    else:
        result = exchange.export_bundles(store, paths, to_dir, peer=peer, skip=counties, **kw)
    for r in reversed(first):
        result.bundles[:0] = r.bundles
    return result

"""What the 同步 page shows, in one read: this device and its card, the trusted devices, clock
warnings, open conflicts and the history of bundles, as small frozen data classes."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.orm import Session

from app.services.errors import Message
from app.services.profile import TOWNSHIP, get_profile
from app.services.quality import review
from app.services.sync import bundle, conflicts, exchange, service, transport
from app.services.sync import keys as device_keys

# What became of a bundle (BundleRow.kind): by USB stick or folder, or over the network.
OUT, IN, REJECTED, SKIPPED = "out", "in", "rejected", "skipped"
NET_OUT, NET_IN, NET_REJECTED = "net_out", "net_in", "net_rejected"
OUT_REFUSED = "out_refused"  # written to a USB stick or folder, and refused there: ``reason`` says why
NET_WAITING = "net_waiting"  # made to go over the network, not sent yet (no run has tried)
NET_FAILED = "net_failed"  # made to go over the network, and not taken: ``reason`` says why
# left in this PC's mailbox for a device below it (a township's for its village), until fetched
NET_LEFT, NET_TAKEN = "net_left", "net_taken"
FAILED = frozenset((REJECTED, OUT_REFUSED, NET_REJECTED, NET_FAILED))  # refused, or not sent


@dataclass(frozen=True)
class BundleRow:
    """One line of the history: a bundle written, read, refused or skipped."""

    at: dt.datetime
    kind: str  # OUT IN REJECTED SKIPPED OUT_REFUSED NET_OUT NET_IN NET_REJECTED NET_WAITING NET_FAILED NET_LEFT NET_TAKEN
    device: str  # "code name" of the peer, or the end of its id when it is not known
    ops: int
    number: str  # the bundle's short number (the end of its id, as its file name ends), for people
    file_name: str  # the file's whole name, for support
    reason: Message | None
    retry: bool = False  # NET_FAILED: still in the outbox, sent again at the next run
    taken_at: dt.datetime | None = None  # NET_TAKEN: when its recipient fetched it
    settled: bool = False  # FAILED: a later bundle between the same two devices went through
    peer: uuid.UUID | None = None  # the peer's device id (two PCs of one village read alike in ``device``)

    @property
    def failed(self) -> bool:
        """A bundle refused, or not sent (by the network)."""
        return self.kind in FAILED


@dataclass(frozen=True)
class SyncOverview:
    township: bool
    card: device_keys.DeviceCard | None  # None when the keys are locked or missing
    keys_locked: bool
    keys_problem: Message | None  # why there is no card
    peers: tuple[exchange.PeerStatus, ...]
    clock_warnings: tuple[Message, ...]
    unfinished_imports: tuple[Message, ...]  # (exchange.unfinished_imports)
    refused_by_peers: tuple[Message, ...]  # (exchange.refused_there_warnings)
    conflicts: tuple[conflicts.ConflictView, ...]
    history: tuple[BundleRow, ...]
    review_duplicates: int = 0  # possible duplicates waiting on 审核 (review.open_duplicates)


def sync_overview(session: Session, keys_dir: Path, network_outbox: Path | None = None) -> SyncOverview:
    """``network_outbox``: where this PC's bundles wait to go over the network (service.outbox)."""
    card, locked, problem = None, False, None
    try:
        card = device_keys.my_card(session, device_keys.checked_keys(session, keys_dir))
    except device_keys.KeysLocked as e:
        locked, problem = True, e.message
    except (device_keys.KeysMissing, device_keys.KeysDamaged, device_keys.KeysMismatch) as e:
        problem = e.message
    status = exchange.status(session)
    peers = device_keys.peers(session)
    names = {p.device_id: f"{p.code} {p.name}" for p in peers}
    me = get_profile(session)
    below = {p.device_id for p in peers if len(p.code) > len(me.code) and p.code.startswith(me.code)}
    fetched = exchange.taken(session)
    waiting = (
        {f.name for f in network_outbox.glob("*" + bundle.SUFFIX)}
        if network_outbox is not None and network_outbox.is_dir()
        else set()
    )
    run_error = service.last_error(session) if waiting else None
    still_refused = {r.bundle_id for r in exchange.refused_there(session)}
    history = _settled(
        [
            _bundle_row(
                h, names.get(h.peer, h.peer.hex[-8:] if h.peer else ""), waiting, run_error, below, fetched
            )
            for h in exchange.history(session)
        ],
        still_refused,
    )
    return SyncOverview(
        township=get_profile(session).role == TOWNSHIP,
        card=card,
        keys_locked=locked,
        keys_problem=problem,
        peers=tuple(status["peers"]),
        clock_warnings=tuple(status["clock_warnings"]),
        unfinished_imports=tuple(status["unfinished_imports"]),
        refused_by_peers=tuple(status["refused_by_peers"]),
        conflicts=tuple(conflicts.open_conflicts(session)),
        history=history,
        review_duplicates=review.open_duplicates(session),
    )


_WENT_OUT = frozenset((OUT, NET_OUT, NET_LEFT, NET_TAKEN))
_CAME_IN = frozenset((IN, NET_IN))


def _settled(rows: list[BundleRow], still_refused: set[uuid.UUID] = frozenset()) -> tuple[BundleRow, ...]:
    """``rows`` (newest first), a failure marked settled where a later bundle between the same two
    devices went through in the same direction: it carried what the failed one did (what a peer
    has not acknowledged travels again), so the failure is history, not a matter to act on.  A
    bundle a peer refused from a USB stick is settled when the peer's latest word no longer counts
    it among ``still_refused`` (exchange.refused_there): a later bundle was taken there."""
    went_out, came_in, out = set(), set(), []
    for row in rows:
        who = row.peer or row.device
        if row.kind in _WENT_OUT:
            went_out.add(who)
        elif row.kind in _CAME_IN:
            came_in.add(who)
        elif row.kind == OUT_REFUSED:
            row = replace(row, settled=service.bundle_id_of(row.file_name) not in still_refused)
        elif row.kind in FAILED and not row.retry:  # (one still to be sent again is not history)
            later = came_in if row.kind in (REJECTED, NET_REJECTED) else went_out
            row = replace(row, settled=who in later)
        out.append(row)
    return tuple(out)


def _bundle_row(
    h, device: str, waiting: set[str], run_error: Message | None, below: set, fetched: dict
) -> BundleRow:
    network, name = exchange.travelled(h.file_name)
    reason = transport.message_from_json(h.reason)  # (a refusal's reason is plain text)
    retry, taken_at = False, None
    if not network:
        kind = OUT_REFUSED if h.direction == "out" and reason is not None else h.direction
    elif h.direction == "out" and h.peer in below:  # left in this PC's mailbox, fetched or not yet
        taken_at = fetched.get(h.bundle_id)
        kind = NET_TAKEN if taken_at is not None else NET_LEFT
    elif h.direction == "out" and reason is None and name in waiting:
        # not sent yet: said as the last run's failure, if it failed (else no run has tried yet)
        reason = run_error
        retry = not service.is_revoked(run_error)
        kind = NET_FAILED if reason is not None else NET_WAITING
    elif h.direction == "out":
        kind = NET_FAILED if reason is not None else NET_OUT  # (a reason: the township refused it)
    else:
        kind = {"in": NET_IN, "rejected": NET_REJECTED}.get(h.direction, h.direction)
    number = exchange.bundle_number(h.bundle_id) if h.bundle_id else name
    return BundleRow(h.at, kind, device, h.ops, number, name, reason, retry, taken_at, peer=h.peer)


def bundle_number(file_name: str) -> str:
    """How a bundle is named to people, by its file's name: its number as the history shows it."""
    bundle_id = service.bundle_id_of(file_name)
    return exchange.bundle_number(bundle_id) if bundle_id is not None else file_name[:16] + "…"


def write_my_card(session: Session, keys_dir: Path, path: Path) -> tuple[device_keys.DeviceCard, Path, Path]:
    """This device's public card as JSON and a QR code PNG beside it: (card, json, png)."""
    card = device_keys.my_card(session, device_keys.checked_keys(session, keys_dir))
    json_path, png = device_keys.write_card(card, Path(path))
    return card, json_path, png
